"""The Lab: interactive pages that make the curriculum's concepts visible, computed by the engine.

`PAGES` lists them in order (key, title, "module:Class"); a page is imported only when first
shown. `TOPICS` maps an "Explain" topic (a layer type, `loss:NAME`, `optimizer:NAME`,
`batch:MODE`) to the page that explains it.
"""
from __future__ import annotations

from dlstudio.i18n import QT_TR_NOOP

# titles marked for translation; the window shows them with tr()
PAGES: list[tuple[str, str, str]] = [
    ("activations", QT_TR_NOOP("Activations"), "dlstudio.gui.lab.activations:ActivationsPage"),
    ("losses", QT_TR_NOOP("Losses"), "dlstudio.gui.lab.losses:LossesPage"),
    ("optimizers", QT_TR_NOOP("Optimizer playground"), "dlstudio.gui.lab.playground:PlaygroundPage"),
    ("conv", QT_TR_NOOP("Convolution and pooling"), "dlstudio.gui.lab.conv_stepper:ConvStepperPage"),
    ("step", QT_TR_NOOP("One training step"), "dlstudio.gui.lab.train_step:TrainStepPage"),
    ("lstm", QT_TR_NOOP("The LSTM cell"), "dlstudio.gui.lab.lstm_cell:LstmCellPage"),
    ("regions", QT_TR_NOOP("Decision regions"), "dlstudio.gui.lab.regions:RegionsPage"),
    ("experiments", QT_TR_NOOP("Experiments"), "dlstudio.gui.lab.experiments:ExperimentsPage"),
]

PAGE_KEYS = tuple(k for k, _, _ in PAGES)

_ACTIVATIONS = ("Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "Softmax")
_LOSSES = ("mse", "mae", "msle", "mape", "binary_cross_entropy", "nll", "cross_entropy", "hinge",
           "exponential", "smooth_l1")
_OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam")

TOPICS: dict[str, str] = {
    **{t: "activations" for t in _ACTIVATIONS},
    **{f"loss:{n}": "losses" for n in _LOSSES},
    **{f"optimizer:{n}": "optimizers" for n in _OPTIMIZERS},
    "batch:sgd": "optimizers", "batch:mbgd": "optimizers", "batch:bgd": "optimizers",
    "Conv2D": "conv", "MaxPool2D": "conv", "AvgPool2D": "conv",
    "Dense": "step",
    "LSTM": "lstm", "SimpleRNN": "lstm",
}


def page_for(topic: str) -> str | None:
    """The key of the page that explains `topic`, or None."""
    return TOPICS.get(topic)
