"""Short explanations shown next to the training settings (plain words, one or two sentences)."""
from __future__ import annotations

from ..i18n import (
    QT_TR_NOOP,  # marked here, translated where shown: tr(H.LOSS_HELP[name])
)

LOSS_HELP = {
    "cross_entropy": QT_TR_NOOP("Classification: softmax over the outputs, then −log of the true class's probability. "
                                "The usual choice; a final Softmax layer is absorbed."),
    "nll": QT_TR_NOOP("Negative log-likelihood of the true class: expects probabilities, so end the network with Softmax."),
    "binary_cross_entropy": QT_TR_NOOP("Logistic loss for two classes (one output with Sigmoid) or several yes/no labels."),
    "hinge": QT_TR_NOOP("The SVM loss max(0, 1 − y·out) with y = ±1: only samples inside the margin count."),
    "exponential": QT_TR_NOOP("AdaBoost's exp(−y·out): punishes confident mistakes very hard."),
    "mse": QT_TR_NOOP("Mean squared error: regression (class labels are one-hot encoded, so it also classifies)."),
    "mae": QT_TR_NOOP("Mean absolute error: regression, less sensitive to outliers than MSE."),
    "msle": QT_TR_NOOP("Mean squared error of log(1 + value): regression on positive targets spanning magnitudes."),
    "mape": QT_TR_NOOP("Mean absolute percentage error: the error relative to the target (targets far from 0)."),
    "smooth_l1": QT_TR_NOOP("Huber loss: squared near 0, absolute further out — robust regression."),
}

OPTIMIZER_HELP = {
    "sgd": QT_TR_NOOP("Plain gradient descent: step against the gradient, scaled by the learning rate "
                      "(optionally with momentum)."),
    "momentum": QT_TR_NOOP("SGD that keeps a running velocity (0.9 of the last step plus the new gradient): "
                           "faster along ravines, calmer across them."),
    "adagrad": QT_TR_NOOP("Per-weight step sizes that shrink with the sum of that weight's squared gradients: "
                          "good for sparse features, can stall later."),
    "adadelta": QT_TR_NOOP("Adagrad without the ever-shrinking steps: running averages of squared gradients and "
                           "updates set the step (lr 1.0 is normal)."),
    "rmsprop": QT_TR_NOOP("Divides each step by a running RMS of that weight's gradients."),
    "adam": QT_TR_NOOP("Momentum plus RMSprop, bias-corrected. A robust default (lr 0.001)."),
}

HYPER_HELP = {
    "lr": QT_TR_NOOP("Learning rate: how far each step goes. Too high diverges (NaN), too low crawls."),
    "momentum": QT_TR_NOOP("Fraction of the previous step carried into the next (0 = none, 0.9 typical)."),
    "nesterov": QT_TR_NOOP("Look ahead along the velocity before taking the gradient (needs momentum > 0)."),
    "rho": QT_TR_NOOP("Decay of the running averages (closer to 1 = longer memory)."),
    "beta1": QT_TR_NOOP("Decay of the running mean of gradients (first moment)."),
    "beta2": QT_TR_NOOP("Decay of the running mean of squared gradients (second moment)."),
    "eps": QT_TR_NOOP("A small number added to the denominator so steps stay finite."),
}

HYPER_LABELS = {"lr": QT_TR_NOOP("Learning rate"), "momentum": QT_TR_NOOP("Momentum"), "nesterov": QT_TR_NOOP("Nesterov"),
                "rho": QT_TR_NOOP("ρ (decay)"), "beta1": "β1", "beta2": "β2", "eps": "ε"}

BATCH_HELP = {
    "SGD": QT_TR_NOOP("Stochastic gradient descent: one sample per step. Many noisy steps; slow per epoch on a "
                      "CPU."),
    "MBGD": QT_TR_NOOP("Mini-batch gradient descent: a batch of samples per step — the usual compromise. "
                       "Powers of two (16, 32, 64 …) are customary."),
    "BGD": QT_TR_NOOP("Batch gradient descent: the whole training set per step. Smooth, exact gradients; "
                      "one step per epoch."),
}

CLIP_HELP = QT_TR_NOOP("Scale all gradients down together when their combined L2 norm exceeds this value: "
                       "keeps one bad batch from throwing the weights far off (useful for RNNs and high learning "
                       "rates).")
VAL_HELP = QT_TR_NOOP("Fraction of the data held back to measure how well the network generalises (never trained on).")
SEED_HELP = QT_TR_NOOP("Seeds the initial weights, the shuffling and the split: the same seed repeats a run exactly.")
EPOCHS_HELP = QT_TR_NOOP("How many passes over the training set to run (a continued run counts on).")
