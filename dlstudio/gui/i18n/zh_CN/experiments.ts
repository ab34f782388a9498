<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>Adadelta: fast early, jittery near the minimum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adadelta trains fast early and in mid training, but jitters around the minimum late in training.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adadelta (its default lr 1, rho 0.95) against Adam on the same classifier and digits. Fast = epochs to 90% validation accuracy; jitter = roughness of the per-batch training loss over the last epochs (the mean absolute change of its log between batches).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adadelta lr 1.0</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam lr 0.002</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adadelta reaches 90% in {adadelta.to90.mean:.1f} epochs (Adam {adam.to90.mean:.1f}); its validation loss jumps more from epoch to epoch (roughness {adadelta.vrough.mean:.3f} vs {adam.vrough.mean:.3f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adadelta's late curve is no rougher than Adam's: validation-loss roughness {adadelta.vrough.mean:.3f} vs {adam.vrough.mean:.3f}; epochs to 90% {adadelta.to90.mean:.1f} vs {adam.to90.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 90%: Adadelta {adadelta.to90.mean:.1f}, Adam {adam.to90.mean:.1f}; validation-loss roughness {adadelta.vrough.mean:.3f} vs {adam.vrough.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Validation loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epoch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training loss per batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adagrad starts fast, then its step shrinks until it stalls</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adagrad takes large steps early; its growing sum of squared gradients keeps shrinking the step, so training can stop early.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The same small classifier on the bundled digits, trained with Adagrad, RMSprop and Adam at learning rates that suit each (Adagrad's own step is large early). Fast early = epochs to 80% validation accuracy; stalling = the training loss Adagrad is left with after the same number of epochs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adagrad lr 0.05</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>RMSprop lr 0.002</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adagrad reaches 80% in {adagrad.to80.mean:.1f} epochs (RMSprop {rmsprop.to80.mean:.1f}, Adam {adam.to80.mean:.1f}) but ends with a training loss of {adagrad.loss.mean:.3f}, against {rmsprop.loss.mean:.3f} and {adam.loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adagrad does not stall here: training loss {adagrad.loss.mean:.3f} vs RMSprop {rmsprop.loss.mean:.3f}, Adam {adam.loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 80%: Adagrad {adagrad.to80.mean:.1f}, RMSprop {rmsprop.to80.mean:.1f}, Adam {adam.to80.mean:.1f}; final training loss {adagrad.loss.mean:.3f} vs {rmsprop.loss.mean:.3f} and {adam.loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Validation accuracy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>accuracy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam ≈ RMSprop + momentum; its default betas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam combines RMSprop with momentum (and bias correction); β1 = 0.9, β2 = 0.999, ε = 1e-8 are the usual values.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The engine's Adam always applies bias correction (there is no switch, and the optimizers are shared code), so this compares what exists: Adam with the default betas against its parts (RMSprop; SGD with momentum) and against other betas, early in training (epochs to 90% validation accuracy) on the same classifier and digits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam β1 0.9, β2 0.999</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>RMSprop ρ 0.9</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SGD lr 0.05, momentum 0.9</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam β1 0 (no momentum)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam β1 0.5, β2 0.9</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam reaches 90% in {adam.to90.mean:.1f} epochs, as fast as its parts (RMSprop {rmsprop.to90.mean:.1f}, momentum {momentum.to90.mean:.1f}); its default betas end at {adam.acc.mean:.3f} vs {adam_b1_0.acc.mean:.3f} (β1 0) and {adam_b2_09.acc.mean:.3f} (β1 0.5, β2 0.9)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adam is slower than both its parts: {adam.to90.mean:.1f} epochs to 90% vs RMSprop {rmsprop.to90.mean:.1f}, momentum {momentum.to90.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 90%: Adam {adam.to90.mean:.1f}, RMSprop {rmsprop.to90.mean:.1f}, momentum {momentum.to90.mean:.1f}; final accuracy default betas {adam.acc.mean:.3f}, β1 0 {adam_b1_0.acc.mean:.3f}, β1 0.5 β2 0.9 {adam_b2_09.acc.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Are power-of-2 batch sizes faster?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mini-batches of 64 to 256 samples are typical, and a power of 2 runs faster.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training throughput (samples per second of training, validation excluded) of the same MLP on digits at batch sizes 60, 64, 100, 128, 250, 256; 20 epochs each over three seeds, the best epoch counts (the first epochs warm up the compiled kernels and the caches). A power of 2 counts as faster when it beats its neighbour (60 vs 64, 250 vs 256) by 5% or more.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>batch 60</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>batch 64</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>batch 100</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>batch 128</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>batch 250</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>batch 256</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>samples/s: 64 {b64.sps.max:.0f} vs 60 {b60.sps.max:.0f}, 256 {b256.sps.max:.0f} vs 250 {b250.sps.max:.0f}: the powers of 2 are at least 5% faster</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>on this machine (Numba CPU engine) a power of 2 is not faster: samples/s at 64 {b64.sps.max:.0f} vs 60 {b60.sps.max:.0f}, at 256 {b256.sps.max:.0f} vs 250 {b250.sps.max:.0f}, at 128 {b128.sps.max:.0f} vs 100 {b100.sps.max:.0f}; the batch size itself matters more than being a power of 2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>samples/s: 64 {b64.sps.max:.0f} vs 60 {b60.sps.max:.0f}, 256 {b256.sps.max:.0f} vs 250 {b250.sps.max:.0f}: only one pair shows a power of 2 clearly faster</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training throughput per epoch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>samples/s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BatchNorm across learning rates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Batch normalisation makes the choice of hyperparameters freer, convergence faster and results better.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A two-hidden-layer MLP (64, 64, ReLU) on the bundled digits, with and without BatchNorm after each Dense, trained with plain SGD at three learning rates a decade apart.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>without BN, SGD lr 0.01</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with BN, SGD lr 0.01</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>without BN, SGD lr 0.1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with BN, SGD lr 0.1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>without BN, SGD lr 1.0</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with BN, SGD lr 1.0</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>worst accuracy over the three learning rates: with BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f} vs without {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f} (lr 0.01/0.1/1); epochs to 90%: BN {bn_0_01.to90.mean:.1f}/{bn_0_1.to90.mean:.1f}/{bn_1_0.to90.mean:.1f}, plain {plain_0_01.to90.mean:.1f}/{plain_0_1.to90.mean:.1f}/{plain_1_0.to90.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BN is less robust here: accuracy at lr 0.01/0.1/1 with BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f} vs without {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>accuracy at lr 0.01/0.1/1 with BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f} vs without {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f}; epochs to 90%: BN {bn_0_01.to90.mean:.1f}/{bn_0_1.to90.mean:.1f}/{bn_1_0.to90.mean:.1f}, plain {plain_0_01.to90.mean:.1f}/{plain_0_1.to90.mean:.1f}/{plain_1_0.to90.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BGD descends smoothly but each step is slow</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Full-batch gradient descent (BGD) lowers the loss smoothly, but every step uses the whole training set, so on large data each step is slow.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BGD vs MBGD (batch 32) on 1,500 training points (two moons), same network and plain gradient descent with the same learning rate and epochs. Seconds per step = epoch seconds divided by the steps in an epoch; roughness as in sgd-fluctuates.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MBGD (batch 32)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BGD (whole set)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BGD's loss falls smoothly (roughness {bgd.rough.mean:.3f} vs MBGD {mbgd.rough.mean:.3f}) but one BGD step takes a whole epoch ({bgd.epoch_s.mean:.3f} s here, the time of a whole epoch of MBGD steps), so after the same epochs its loss is {bgd.loss.mean:.3f} vs MBGD {mbgd.loss.mean:.3f} (epochs to loss 0.35: {bgd.to.mean:.1f} vs {mbgd.to.mean:.1f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>BGD is not smoother here: roughness {bgd.rough.mean:.3f} vs MBGD {mbgd.rough.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>roughness BGD {bgd.rough.mean:.3f} vs MBGD {mbgd.rough.mean:.3f}; final loss {bgd.loss.mean:.3f} vs {mbgd.loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training loss per epoch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loss of each batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seconds per epoch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weight sharing: a conv layer needs far fewer parameters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Local connections and weight sharing cut the parameter count: a convolutional network matches a dense one with far fewer weights.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The bundled 8×8 digits. A dense net (Flatten, Dense 64, ReLU, Dense 10) against a small conv net (Conv 8 filters 3×3, ReLU, MaxPool 2, Dense 10). The article's 100×100 example: one dense neuron has 10,000 weights, one 10×10 kernel 100 (plus a bias each).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>dense: Dense 64 → Dense 10</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>conv: Conv 8×3×3 → MaxPool → Dense 10</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the conv net has {conv.params.mean:.0f} parameters against {dense.params.mean:.0f} and reaches {conv.acc.mean:.3f} validation accuracy vs {dense.acc.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with {conv.params.mean:.0f} vs {dense.params.mean:.0f} parameters the conv net only reaches {conv.acc.mean:.3f} against {dense.acc.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>conv {conv.params.mean:.0f} parameters, accuracy {conv.acc.mean:.3f}; dense {dense.params.mean:.0f}, {dense.acc.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cross-entropy converges faster than MSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For a classifier, cross-entropy converges faster than mean squared error; MSE learns slowly and may get stuck.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The same softmax classifier (Dense 32, ReLU, Dense 10, Softmax) on the bundled digits, trained once with cross-entropy and once with MSE on the one-hot labels. Plain SGD shows the size of each loss's gradient directly; MSE averages over the 10 outputs, so it is also given a 10× learning rate. Adam rescales every gradient, so it is run too.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cross-entropy, SGD lr 0.1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MSE, SGD lr 0.1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MSE, SGD lr 1 (10× for the mean over 10 outputs)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cross-entropy, Adam lr 0.005</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MSE, Adam lr 0.005</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 90% validation accuracy: SGD cross-entropy {ce_sgd.to90.mean:.1f} vs MSE {mse_sgd.to90.mean:.1f} (lr 1: {mse_sgd_lr1.to90.mean:.1f}); Adam cross-entropy {ce_adam.to90.mean:.1f} vs MSE {mse_adam.to90.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with plain SGD cross-entropy reaches 90% validation accuracy in {ce_sgd.to90.mean:.1f} epochs while MSE takes {mse_sgd.to90.mean:.1f} (more than {mse_sgd.epochs.mean:.0f} means never; its best is {mse_sgd.best.mean:.2f}), and {mse_sgd_lr1.to90.mean:.1f} with a 10× learning rate; with Adam, which rescales the gradients, both take about the same ({ce_adam.to90.mean:.1f} vs {mse_adam.to90.mean:.1f} epochs)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MSE reaches 90% about as quickly as cross-entropy: SGD {mse_sgd.to90.mean:.1f} (lr 1: {mse_sgd_lr1.to90.mean:.1f}) vs {ce_sgd.to90.mean:.1f} epochs, Adam {mse_adam.to90.mean:.1f} vs {ce_adam.to90.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 90%: SGD cross-entropy {ce_sgd.to90.mean:.1f} vs MSE {mse_sgd.to90.mean:.1f} (lr 1: {mse_sgd_lr1.to90.mean:.1f}); Adam {ce_adam.to90.mean:.1f} vs {mse_adam.to90.mean:.1f}: the difference is smaller than the rules ask</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training loss (each in its own units)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ReLU as the default hidden activation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For a two-class output use sigmoid, and ReLU in every hidden layer by default; tanh is sometimes used.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Two classes (circles), three hidden layers of 32 units, only the hidden activation differs. The output is a two-way softmax with cross-entropy, which equals a single sigmoid output with the logistic loss; the data's labels are class indices. Plain SGD shows how well gradients pass through each activation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hidden ReLU</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hidden tanh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hidden sigmoid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 95% validation accuracy: ReLU {relu.to95.mean:.1f}, tanh {tanh.to95.mean:.1f}, sigmoid {sigmoid.to95.mean:.1f} (more than {relu.epochs.mean:.0f} means never; sigmoid's best {sigmoid.best.mean:.2f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ReLU is the slowest here: {relu.to95.mean:.1f} epochs to 95% vs tanh {tanh.to95.mean:.1f} and sigmoid {sigmoid.to95.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 95%: ReLU {relu.to95.mean:.1f}, tanh {tanh.to95.mean:.1f}, sigmoid {sigmoid.to95.mean:.1f}: ReLU is not clearly the best default here</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Initial weights must be small and different</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Initial weights must be small (large ones saturate the units and training fails) and different from each other (equal weights cannot learn different features).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A sigmoid MLP (Dense 32, Sigmoid, Dense 32, Sigmoid, Dense 10, Softmax) on the bundled digits, from the engine's default initial weights, the same ×0.1 and ×10, and with every Dense kernel filled with one value. 'saturated' is the share of sigmoid outputs with derivative below 0.05 before training; 'distinct' the share of first-layer units whose weights differ from every other unit's after training.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>default initialisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>default × 0.1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>default × 10</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>all weights equal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>×10 weights saturate {large.sat.mean:.0%} of the sigmoid units (default {default.sat.mean:.0%}) and reach {large.acc.mean:.2f} validation accuracy against {default.acc.mean:.2f}; equal weights stay equal ({equal.distinct.mean:.0%} distinct units) and reach {equal.acc.mean:.2f}; ×0.1 reaches {small.acc.mean:.2f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>neither large ({large.acc.mean:.2f}) nor equal ({equal.acc.mean:.2f}) initial weights hurt here (default {default.acc.mean:.2f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>validation accuracy: default {default.acc.mean:.2f}, ×0.1 {small.acc.mean:.2f}, ×10 {large.acc.mean:.2f} ({large.sat.mean:.0%} saturated), equal {equal.acc.mean:.2f} ({equal.distinct.mean:.0%} distinct units)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>With MSE, Leaky ReLU reduces vanishing gradients</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When the loss is MSE, Leaky ReLU reduces the vanishing of gradients compared with ReLU.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Five Dense(16) layers with ReLU, Leaky ReLU (α 0.01, the default) or Leaky ReLU α 0.2, then Dense + Softmax, trained with MSE on spirals. 'first' is the gradient norm reaching the first Dense kernel at initialisation (one batch of 64, the engine's backward), 'ratio' first over last; speed is epochs to 80% validation accuracy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ReLU × 5, MSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Leaky ReLU α 0.01 × 5, MSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Leaky ReLU α 0.2 × 5, MSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>first-over-last gradient at initialisation: ReLU {relu.ratio.mean:.3g}, Leaky α 0.01 {leaky.ratio.mean:.3g}, α 0.2 {leaky2.ratio.mean:.3g}; epochs to 80%: {relu.to80.mean:.1f}, {leaky.to80.mean:.1f}, {leaky2.to80.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Leaky ReLU keeps no more gradient than ReLU here (ratio {leaky.ratio.mean:.3g} and {leaky2.ratio.mean:.3g} vs {relu.ratio.mean:.3g}) and trains no faster ({leaky.to80.mean:.1f} and {leaky2.to80.mean:.1f} vs {relu.to80.mean:.1f} epochs to 80%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>first-over-last gradient: ReLU {relu.ratio.mean:.3g}, Leaky α 0.01 {leaky.ratio.mean:.3g}, α 0.2 {leaky2.ratio.mean:.3g}; epochs to 80%: {relu.to80.mean:.1f}, {leaky.to80.mean:.1f}, {leaky2.to80.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gradient norm per Dense layer at initialisation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dense layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>‖∂L/∂W‖</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Linear layers stacked stay linear</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A network made only of linear parts is still one linear classifier: without a non-linear activation, depth adds nothing.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dense 3 (one linear classifier)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dense 64 → Dense 64 → Dense 3, no activation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the same stack with ReLU</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the deep linear stack peaks at {linear.acc.mean:.2f} validation accuracy, like a single linear layer ({single.acc.mean:.2f}); with ReLU the same stack reaches {relu.acc.mean:.2f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the linear stack ({linear.acc.mean:.2f}) does about as well as the ReLU stack ({relu.acc.mean:.2f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>linear stack {linear.acc.mean:.2f} (best seed {linear.acc.max:.2f}), single layer {single.acc.mean:.2f}, ReLU stack {relu.acc.mean:.2f} (worst seed {relu.acc.min:.2f}): the gap is there but not as clear as the thresholds ask</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MAE resists outliers better than MSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Where the data holds many outliers, mean absolute error is the better loss: mean squared error lets the outliers pull the fit away.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A line y = 2x + 0.5 with small noise, 200 training points of which about 20% are moved up by 8. A single Dense(1) is fitted with MSE, MAE and smooth L1 (Adam, full batch); the error is measured on clean points of the line.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MAE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>smooth L1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>error on clean points: MAE {mae.clean.mean:.3f} vs MSE {mse.clean.mean:.3f} (smooth L1 {huber.clean.mean:.3f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MAE is no better on clean points: {mae.clean.mean:.3f} vs MSE {mse.clean.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>error on clean points: MAE {mae.clean.mean:.3f} vs MSE {mse.clean.mean:.3f}, smooth L1 {huber.clean.mean:.3f}: better, but by less than half</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Error on clean points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MBGD: steadier than SGD, faster than BGD</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mini-batch gradient descent converges more steadily than SGD and faster than BGD, which is why it is the usual choice.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The three batch modes, same network, plain gradient descent at the same learning rate, 20 epochs. Steadiness: roughness of the per-step loss; speed: wall-clock seconds and the epochs to reach a validation loss of 0.9.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SGD (batch 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MBGD's per-step loss roughness {mbgd.rough.mean:.2f} vs SGD {sgd.rough.mean:.2f}; epochs to validation loss 0.35: MBGD {mbgd.to.mean:.1f}, BGD {bgd.to.mean:.1f} (21 = never), SGD {sgd.to.mean:.1f}; training time MBGD {mbgd.seconds.mean:.2f} s vs SGD {sgd.seconds.mean:.2f} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>roughness MBGD {mbgd.rough.mean:.2f} vs SGD {sgd.rough.mean:.2f}; epochs to loss 0.35 MBGD {mbgd.to.mean:.1f} vs BGD {bgd.to.mean:.1f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>roughness MBGD {mbgd.rough.mean:.2f} vs SGD {sgd.rough.mean:.2f}; epochs to loss 0.35 MBGD {mbgd.to.mean:.1f}, BGD {bgd.to.mean:.1f}; seconds MBGD {mbgd.seconds.mean:.2f} vs SGD {sgd.seconds.mean:.2f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Momentum speeds up gradient descent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Momentum speeds learning up compared with plain gradient descent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plain SGD and SGD with momentum 0.9 at the same learning rate on the same classifier and digits. Speed = epochs to 90% validation accuracy and the final training loss. The per-batch roughness is shown as a figure but does not decide: it is measured on log(loss), so a lower loss looks rougher. Damping across a ravine and escaping poor local optima need a 2-D surface and are not measured here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SGD lr 0.01</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SGD lr 0.01, momentum 0.9</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with momentum 90% validation accuracy takes {momentum.to90.mean:.1f} epochs instead of {sgd.to90.mean:.1f}; final training loss {momentum.loss.mean:.3f} vs {sgd.loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>momentum is not faster here: {momentum.to90.mean:.1f} vs {sgd.to90.mean:.1f} epochs to 90%</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epochs to 90%: momentum {momentum.to90.mean:.1f}, SGD {sgd.to90.mean:.1f}; final loss {momentum.loss.mean:.3f} vs {sgd.loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Residual connections let deeper networks train</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skip connections let a much deeper network still train; a plain stack of the same depth trains worse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MLPs of width 32 on the bundled digits: 2 or 10 blocks of Dense-ReLU-Dense(-Add)-ReLU, with the block's input added back (residual) or not (plain). Plain SGD with momentum 0.9, lr 0.01, 10 epochs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>plain, 2 blocks (6 Dense layers)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>residual, 2 blocks (6 Dense layers)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>plain, 10 blocks (22 Dense layers)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>residual, 10 blocks (22 Dense layers)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>at 10 blocks the residual net's final training loss is {res_10.loss.mean:.3f} vs {plain_10.loss.mean:.3f} for the plain one (2 blocks: {res_2.loss.mean:.3f} vs {plain_2.loss.mean:.3f}); validation accuracy {res_10.acc.mean:.3f} vs {plain_10.acc.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>at 10 blocks the plain net trains as well: final training loss residual {res_10.loss.mean:.3f} vs plain {plain_10.loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>final training loss at 10 blocks: residual {res_10.loss.mean:.3f}, plain {plain_10.loss.mean:.3f}; at 2 blocks {res_2.loss.mean:.3f} vs {plain_2.loss.mean:.3f} — less than the halving the rule asks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>RMSprop on a recurrent network</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>RMSprop lies between Adagrad and Adadelta in effect and works well for recurrent networks.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An LSTM (16 units) on the adding problem with 10 steps; predicting the mean gives a mean squared error of about 0.167. Each optimizer gets its usual learning rate (Adadelta 1.0, as it is usually run). The claim about non-stationary targets is not measured here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>adagrad lr 0.05</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>rmsprop lr 0.005</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>adadelta lr 1.0</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>adam lr 0.005</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>final validation MSE: RMSprop {rmsprop.loss.mean:.4f}, between Adagrad {adagrad.loss.mean:.4f} and Adadelta {adadelta.loss.mean:.4f} (Adam {adam.loss.mean:.4f}); predicting the mean gives 0.167</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>RMSprop works well on the LSTM (validation MSE {rmsprop.loss.mean:.4f}, epochs to 0.05: {rmsprop.to.mean:.1f}) but is not between Adagrad ({adagrad.loss.mean:.4f}) and Adadelta ({adadelta.loss.mean:.4f}); Adam {adam.loss.mean:.4f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>RMSprop does not learn the task here while another optimizer does: validation MSE RMSprop {rmsprop.loss.mean:.4f} (the mean alone gives 0.167); Adagrad {adagrad.loss.mean:.4f}, Adadelta {adadelta.loss.mean:.4f}, Adam {adam.loss.mean:.4f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no optimizer clearly solves the task in this short run, so it cannot rank them: final validation MSE RMSprop {rmsprop.loss.mean:.4f} (best epoch {rmsprop.best.mean:.4f}), Adagrad {adagrad.loss.mean:.4f}, Adadelta {adadelta.loss.mean:.4f}, Adam {adam.loss.mean:.4f}; predicting the mean gives 0.167</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Validation loss (MSE)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LSTM keeps long-range dependencies a plain RNN loses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A plain RNN struggles with long-range dependencies (gradients vanish or explode through time); the LSTM's gated cell state keeps them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The adding problem with T = 30 steps: the target is the sum of the two marked values. A SimpleRNN and an LSTM of 16 units, then Dense 1, trained with Adam (lr 0.01, MSE) for 12 epochs. Predicting the mean alone gives an MAE of about 0.33; the marked values must be carried up to 30 steps.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SimpleRNN 16 → Dense 1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LSTM 16 → Dense 1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>neither learned the task in this budget: best validation MAE LSTM {lstm.mae.mean:.3f}, RNN {rnn.mae.mean:.3f}, about what predicting the mean gives (0.33)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>best validation MAE at T = 30: LSTM {lstm.mae.mean:.3f} vs plain RNN {rnn.mae.mean:.3f} (predicting the mean alone: about 0.33)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>at T = 30 the plain RNN does as well: best validation MAE {rnn.mae.mean:.3f} vs LSTM {lstm.mae.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>best validation MAE at T = 30: LSTM {lstm.mae.mean:.3f} vs RNN {rnn.mae.mean:.3f}: better, but by less than the halving the rule asks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Validation MAE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training loss (MSE)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SGD's loss fluctuates and does not settle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>With one sample per step (SGD) the loss fluctuates strongly and keeps jumping around the minimum instead of settling; the jumps can reach a better minimum.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The same tanh MLP on two moons, plain gradient descent with the same learning rate, 20 epochs; only the batch size differs. Roughness is the mean absolute change of ln(loss) between consecutive recorded batches (thinned evenly above 2,000 points); the late roughness of the per-epoch loss shows whether training settles.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>per-step loss roughness: SGD {sgd.rough.mean:.2f}, MBGD {mbgd.rough.mean:.2f}, BGD {bgd.rough.mean:.3f}; epoch-to-epoch change of the validation loss: SGD {sgd.late.mean:.3f} vs MBGD {mbgd.late.mean:.3f}; lowest validation loss SGD {sgd.best_loss.mean:.3f}, MBGD {mbgd.best_loss.mean:.3f}, BGD {bgd.best_loss.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SGD's per-step loss is not much rougher than MBGD's ({sgd.rough.mean:.2f} vs {mbgd.rough.mean:.2f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>per-step roughness SGD {sgd.rough.mean:.2f}, MBGD {mbgd.rough.mean:.2f}, BGD {bgd.rough.mean:.3f}; validation loss changes SGD {sgd.late.mean:.3f} vs MBGD {mbgd.late.mean:.3f}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sigmoid makes gradients vanish; a log-loss at the output helps</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Through the chain rule sigmoid multiplies many factors below 1, so the gradient vanishes in the early layers; a logistic (cross-entropy) loss's log turns the product at the output into a sum.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Five Dense(16) layers with sigmoid or ReLU, then Dense + Softmax, on spirals. 'ratio' is the gradient norm of the first Dense kernel over that of the last, at initialisation, on one batch of 64 training samples (the engine's own backward pass). The sigmoid net is also trained with MSE instead of cross-entropy: 'last' is then the gradient that reaches the output layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>sigmoid × 5, cross-entropy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ReLU × 5, cross-entropy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>sigmoid × 5, MSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>first-over-last gradient at initialisation: sigmoid {sig.ratio.mean:.2g} vs ReLU {relu.ratio.mean:.2g}; the output layer's gradient with cross-entropy is {sig.last.mean:.3g} vs {sig_mse.last.mean:.3g} with MSE (best validation accuracy: sigmoid {sig.acc.mean:.2f}, ReLU {relu.acc.mean:.2f}, sigmoid + MSE {sig_mse.acc.mean:.2f})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the gradient does not shrink more through sigmoid than through ReLU: ratio {sig.ratio.mean:.2g} vs {relu.ratio.mean:.2g}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ratio sigmoid {sig.ratio.mean:.2g} vs ReLU {relu.ratio.mean:.2g}; output gradient cross-entropy {sig.last.mean:.3g} vs MSE {sig_mse.last.mean:.3g}</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
