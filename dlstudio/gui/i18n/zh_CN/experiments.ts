<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>Adadelta: fast early, jittery near the minimum</source>
      <translation>Adadelta：前期快，在最小值附近抖动</translation>
    </message>
    <message>
      <source>Adadelta trains fast early and in mid training, but jitters around the minimum late in training.</source>
      <translation>Adadelta 在训练初中期加速效果不错，但在训练后期反复在最小值附近抖动。</translation>
    </message>
    <message>
      <source>Adadelta (its default lr 1, rho 0.95) against Adam on the same classifier and digits. Fast = epochs to 90% validation accuracy; jitter = roughness of the per-batch training loss over the last epochs (the mean absolute change of its log between batches).</source>
      <translation>Adadelta（默认学习率 1，rho 0.95）与 Adam 在同一分类器和手写数字数据上对比。快 = 验证准确率达到 90% 所需的轮次；抖动 = 最后几个轮次中每批次训练损失的波动度（其对数在相邻批次间变化的平均绝对值）。</translation>
    </message>
    <message>
      <source>Adadelta lr 1.0</source>
      <translation>Adadelta 学习率 1.0</translation>
    </message>
    <message>
      <source>Adam lr 0.002</source>
      <translation>Adam 学习率 0.002</translation>
    </message>
    <message>
      <source>Adadelta reaches 90% in {adadelta.to90.mean:.1f} epochs (Adam {adam.to90.mean:.1f}); its validation loss jumps more from epoch to epoch (roughness {adadelta.vrough.mean:.3f} vs {adam.vrough.mean:.3f})</source>
      <translation>Adadelta 用 {adadelta.to90.mean:.1f} 个轮次达到 90%（Adam 为 {adam.to90.mean:.1f}）；其验证损失在轮次之间跳动更大（波动度 {adadelta.vrough.mean:.3f} 对 {adam.vrough.mean:.3f}）</translation>
    </message>
    <message>
      <source>Adadelta's late curve is no rougher than Adam's: validation-loss roughness {adadelta.vrough.mean:.3f} vs {adam.vrough.mean:.3f}; epochs to 90% {adadelta.to90.mean:.1f} vs {adam.to90.mean:.1f}</source>
      <translation>Adadelta 后期的曲线并不比 Adam 更不平稳：验证损失波动度 {adadelta.vrough.mean:.3f} 对 {adam.vrough.mean:.3f}；达到 90% 所需轮次 {adadelta.to90.mean:.1f} 对 {adam.to90.mean:.1f}</translation>
    </message>
    <message>
      <source>epochs to 90%: Adadelta {adadelta.to90.mean:.1f}, Adam {adam.to90.mean:.1f}; validation-loss roughness {adadelta.vrough.mean:.3f} vs {adam.vrough.mean:.3f}</source>
      <translation>达到 90% 所需轮次：Adadelta {adadelta.to90.mean:.1f}，Adam {adam.to90.mean:.1f}；验证损失波动度 {adadelta.vrough.mean:.3f} 对 {adam.vrough.mean:.3f}</translation>
    </message>
    <message>
      <source>Validation loss</source>
      <translation>验证损失</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <source>Training loss per batch</source>
      <translation>每批次的训练损失</translation>
    </message>
    <message>
      <source>Adagrad starts fast, then its step shrinks until it stalls</source>
      <translation>Adagrad 起步快，随后步长不断缩小，直至停滞</translation>
    </message>
    <message>
      <source>Adagrad takes large steps early; its growing sum of squared gradients keeps shrinking the step, so training can stop early.</source>
      <translation>Adagrad 前期步长较大；梯度平方的累加越来越大，使步长不断缩小，训练可能提前结束。</translation>
    </message>
    <message>
      <source>The same small classifier on the bundled digits, trained with Adagrad, RMSprop and Adam at learning rates that suit each (Adagrad's own step is large early). Fast early = epochs to 80% validation accuracy; stalling = the training loss Adagrad is left with after the same number of epochs.</source>
      <translation>同一个小型分类器在内置的手写数字数据上，分别用 Adagrad、RMSprop 和 Adam 训练，各用适合自己的学习率（Adagrad 自身的步长前期较大）。前期快 = 验证准确率达到 80% 所需的轮次；停滞 = 相同轮次后 Adagrad 剩下的训练损失。</translation>
    </message>
    <message>
      <source>Adagrad lr 0.05</source>
      <translation>Adagrad 学习率 0.05</translation>
    </message>
    <message>
      <source>RMSprop lr 0.002</source>
      <translation>RMSprop 学习率 0.002</translation>
    </message>
    <message>
      <source>Adagrad reaches 80% in {adagrad.to80.mean:.1f} epochs (RMSprop {rmsprop.to80.mean:.1f}, Adam {adam.to80.mean:.1f}) but ends with a training loss of {adagrad.loss.mean:.3f}, against {rmsprop.loss.mean:.3f} and {adam.loss.mean:.3f}</source>
      <translation>Adagrad 用 {adagrad.to80.mean:.1f} 个轮次达到 80%（RMSprop {rmsprop.to80.mean:.1f}，Adam {adam.to80.mean:.1f}），但最终训练损失为 {adagrad.loss.mean:.3f}，而另两者为 {rmsprop.loss.mean:.3f} 和 {adam.loss.mean:.3f}</translation>
    </message>
    <message>
      <source>Adagrad does not stall here: training loss {adagrad.loss.mean:.3f} vs RMSprop {rmsprop.loss.mean:.3f}, Adam {adam.loss.mean:.3f}</source>
      <translation>Adagrad 在此没有停滞：训练损失 {adagrad.loss.mean:.3f}，RMSprop {rmsprop.loss.mean:.3f}，Adam {adam.loss.mean:.3f}</translation>
    </message>
    <message>
      <source>epochs to 80%: Adagrad {adagrad.to80.mean:.1f}, RMSprop {rmsprop.to80.mean:.1f}, Adam {adam.to80.mean:.1f}; final training loss {adagrad.loss.mean:.3f} vs {rmsprop.loss.mean:.3f} and {adam.loss.mean:.3f}</source>
      <translation>达到 80% 所需轮次：Adagrad {adagrad.to80.mean:.1f}，RMSprop {rmsprop.to80.mean:.1f}，Adam {adam.to80.mean:.1f}；最终训练损失 {adagrad.loss.mean:.3f}，另两者为 {rmsprop.loss.mean:.3f} 和 {adam.loss.mean:.3f}</translation>
    </message>
    <message>
      <source>Training loss</source>
      <translation>训练损失</translation>
    </message>
    <message>
      <source>Validation accuracy</source>
      <translation>验证准确率</translation>
    </message>
    <message>
      <source>accuracy</source>
      <translation>准确率</translation>
    </message>
    <message>
      <source>Adam ≈ RMSprop + momentum; its default betas</source>
      <translation>Adam ≈ RMSprop + 动量；及其默认的 β 值</translation>
    </message>
    <message>
      <source>Adam combines RMSprop with momentum (and bias correction); β1 = 0.9, β2 = 0.999, ε = 1e-8 are the usual values.</source>
      <translation>Adam 相当于 RMSprop + Momentum（再加偏差修正）；β1 = 0.9、β2 = 0.999、ε = 1e-8 是常用取值。</translation>
    </message>
    <message>
      <source>The engine's Adam always applies bias correction (there is no switch, and the optimizers are shared code), so this compares what exists: Adam with the default betas against its parts (RMSprop; SGD with momentum) and against other betas, early in training (epochs to 90% validation accuracy) on the same classifier and digits.</source>
      <translation>引擎中的 Adam 总是做偏差修正（没有开关，各优化器共用代码），因此这里比较的是现有的东西：默认 β 值的 Adam 与它的组成部分（RMSprop；带动量的 SGD）以及其他 β 值，看训练前期（验证准确率达到 90% 所需的轮次），使用同一分类器和手写数字数据。</translation>
    </message>
    <message>
      <source>Adam β1 0.9, β2 0.999</source>
      <translation>Adam β1 0.9，β2 0.999</translation>
    </message>
    <message>
      <source>RMSprop ρ 0.9</source>
      <translation>RMSprop ρ 0.9</translation>
    </message>
    <message>
      <source>SGD lr 0.05, momentum 0.9</source>
      <translation>SGD 学习率 0.05，动量 0.9</translation>
    </message>
    <message>
      <source>Adam β1 0 (no momentum)</source>
      <translation>Adam β1 0（无动量）</translation>
    </message>
    <message>
      <source>Adam β1 0.5, β2 0.9</source>
      <translation>Adam β1 0.5，β2 0.9</translation>
    </message>
    <message>
      <source>Adam reaches 90% in {adam.to90.mean:.1f} epochs, as fast as its parts (RMSprop {rmsprop.to90.mean:.1f}, momentum {momentum.to90.mean:.1f}); its default betas end at {adam.acc.mean:.3f} vs {adam_b1_0.acc.mean:.3f} (β1 0) and {adam_b2_09.acc.mean:.3f} (β1 0.5, β2 0.9)</source>
      <translation>Adam 用 {adam.to90.mean:.1f} 个轮次达到 90%，与其组成部分一样快（RMSprop {rmsprop.to90.mean:.1f}，动量 {momentum.to90.mean:.1f}）；默认 β 值最终为 {adam.acc.mean:.3f}，而 β1 0 为 {adam_b1_0.acc.mean:.3f}，β1 0.5、β2 0.9 为 {adam_b2_09.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>Adam is slower than both its parts: {adam.to90.mean:.1f} epochs to 90% vs RMSprop {rmsprop.to90.mean:.1f}, momentum {momentum.to90.mean:.1f}</source>
      <translation>Adam 比它的两个组成部分都慢：达到 90% 需 {adam.to90.mean:.1f} 个轮次，RMSprop {rmsprop.to90.mean:.1f}，动量 {momentum.to90.mean:.1f}</translation>
    </message>
    <message>
      <source>epochs to 90%: Adam {adam.to90.mean:.1f}, RMSprop {rmsprop.to90.mean:.1f}, momentum {momentum.to90.mean:.1f}; final accuracy default betas {adam.acc.mean:.3f}, β1 0 {adam_b1_0.acc.mean:.3f}, β1 0.5 β2 0.9 {adam_b2_09.acc.mean:.3f}</source>
      <translation>达到 90% 所需轮次：Adam {adam.to90.mean:.1f}，RMSprop {rmsprop.to90.mean:.1f}，动量 {momentum.to90.mean:.1f}；最终准确率：默认 β 值 {adam.acc.mean:.3f}，β1 0 {adam_b1_0.acc.mean:.3f}，β1 0.5 β2 0.9 {adam_b2_09.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>Are power-of-2 batch sizes faster?</source>
      <translation>2 的幂次的批大小更快吗？</translation>
    </message>
    <message>
      <source>Mini-batches of 64 to 256 samples are typical, and a power of 2 runs faster.</source>
      <translation>小批量的大小一般为 64~256 个样本，且批大小为 2 的幂次时运行更快。</translation>
    </message>
    <message>
      <source>Training throughput (samples per second of training, validation excluded) of the same MLP on digits at batch sizes 60, 64, 100, 128, 250, 256; 20 epochs each over three seeds, the best epoch counts (the first epochs warm up the compiled kernels and the caches). A power of 2 counts as faster when it beats its neighbour (60 vs 64, 250 vs 256) by 5% or more.</source>
      <translation>同一个多层感知机在手写数字数据上以批大小 60、64、100、128、250、256 训练的吞吐量（训练时每秒处理的样本数，不含验证）；每种批大小在三个随机种子上各训练 20 个轮次，取最好的轮次（最初的轮次用于预热已编译的计算内核和缓存）。若 2 的幂次比相邻的批大小（60 对 64，250 对 256）快 5% 或更多，则算作更快。</translation>
    </message>
    <message>
      <source>batch 60</source>
      <translation>批大小 60</translation>
    </message>
    <message>
      <source>batch 64</source>
      <translation>批大小 64</translation>
    </message>
    <message>
      <source>batch 100</source>
      <translation>批大小 100</translation>
    </message>
    <message>
      <source>batch 128</source>
      <translation>批大小 128</translation>
    </message>
    <message>
      <source>batch 250</source>
      <translation>批大小 250</translation>
    </message>
    <message>
      <source>batch 256</source>
      <translation>批大小 256</translation>
    </message>
    <message>
      <source>samples/s: 64 {b64.sps.max:.0f} vs 60 {b60.sps.max:.0f}, 256 {b256.sps.max:.0f} vs 250 {b250.sps.max:.0f}: the powers of 2 are at least 5% faster</source>
      <translation>每秒样本数：64 为 {b64.sps.max:.0f}，60 为 {b60.sps.max:.0f}；256 为 {b256.sps.max:.0f}，250 为 {b250.sps.max:.0f}：2 的幂次至少快 5%</translation>
    </message>
    <message>
      <source>on this machine (Numba CPU engine) a power of 2 is not faster: samples/s at 64 {b64.sps.max:.0f} vs 60 {b60.sps.max:.0f}, at 256 {b256.sps.max:.0f} vs 250 {b250.sps.max:.0f}, at 128 {b128.sps.max:.0f} vs 100 {b100.sps.max:.0f}; the batch size itself matters more than being a power of 2</source>
      <translation>在本机上（Numba CPU 引擎）2 的幂次并不更快：每秒样本数 64 为 {b64.sps.max:.0f}，60 为 {b60.sps.max:.0f}；256 为 {b256.sps.max:.0f}，250 为 {b250.sps.max:.0f}；128 为 {b128.sps.max:.0f}，100 为 {b100.sps.max:.0f}；批大小本身比是否为 2 的幂次更重要</translation>
    </message>
    <message>
      <source>samples/s: 64 {b64.sps.max:.0f} vs 60 {b60.sps.max:.0f}, 256 {b256.sps.max:.0f} vs 250 {b250.sps.max:.0f}: only one pair shows a power of 2 clearly faster</source>
      <translation>每秒样本数：64 为 {b64.sps.max:.0f}，60 为 {b60.sps.max:.0f}；256 为 {b256.sps.max:.0f}，250 为 {b250.sps.max:.0f}：只有一组显示 2 的幂次明显更快</translation>
    </message>
    <message>
      <source>Training throughput per epoch</source>
      <translation>每轮次的训练吞吐量</translation>
    </message>
    <message>
      <source>samples/s</source>
      <translation>样本/秒</translation>
    </message>
    <message>
      <source>BatchNorm across learning rates</source>
      <translation>不同学习率下的批量归一化</translation>
    </message>
    <message>
      <source>Batch normalisation makes the choice of hyperparameters freer, convergence faster and results better.</source>
      <translation>批量归一化使网络超参数的设定更加自由，同时收敛速度更快，性能也更好。</translation>
    </message>
    <message>
      <source>A two-hidden-layer MLP (64, 64, ReLU) on the bundled digits, with and without BatchNorm after each Dense, trained with plain SGD at three learning rates a decade apart.</source>
      <translation>在内置的手写数字数据上使用两个隐藏层的多层感知机（64、64，ReLU），每个 Dense 之后加或不加 BatchNorm，用普通 SGD 以相差十倍的三个学习率训练。</translation>
    </message>
    <message>
      <source>without BN, SGD lr 0.01</source>
      <translation>无 BN，SGD 学习率 0.01</translation>
    </message>
    <message>
      <source>with BN, SGD lr 0.01</source>
      <translation>有 BN，SGD 学习率 0.01</translation>
    </message>
    <message>
      <source>without BN, SGD lr 0.1</source>
      <translation>无 BN，SGD 学习率 0.1</translation>
    </message>
    <message>
      <source>with BN, SGD lr 0.1</source>
      <translation>有 BN，SGD 学习率 0.1</translation>
    </message>
    <message>
      <source>without BN, SGD lr 1.0</source>
      <translation>无 BN，SGD 学习率 1.0</translation>
    </message>
    <message>
      <source>with BN, SGD lr 1.0</source>
      <translation>有 BN，SGD 学习率 1.0</translation>
    </message>
    <message>
      <source>worst accuracy over the three learning rates: with BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f} vs without {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f} (lr 0.01/0.1/1); epochs to 90%: BN {bn_0_01.to90.mean:.1f}/{bn_0_1.to90.mean:.1f}/{bn_1_0.to90.mean:.1f}, plain {plain_0_01.to90.mean:.1f}/{plain_0_1.to90.mean:.1f}/{plain_1_0.to90.mean:.1f}</source>
      <translation>三个学习率中最差的准确率：有 BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f}，无 BN {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f}（学习率 0.01/0.1/1）；达到 90% 所需轮次：有 BN {bn_0_01.to90.mean:.1f}/{bn_0_1.to90.mean:.1f}/{bn_1_0.to90.mean:.1f}，无 BN {plain_0_01.to90.mean:.1f}/{plain_0_1.to90.mean:.1f}/{plain_1_0.to90.mean:.1f}</translation>
    </message>
    <message>
      <source>BN is less robust here: accuracy at lr 0.01/0.1/1 with BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f} vs without {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f}</source>
      <translation>BN 在此反而不够稳健：学习率 0.01/0.1/1 时的准确率，有 BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f}，无 BN {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>accuracy at lr 0.01/0.1/1 with BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f} vs without {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f}; epochs to 90%: BN {bn_0_01.to90.mean:.1f}/{bn_0_1.to90.mean:.1f}/{bn_1_0.to90.mean:.1f}, plain {plain_0_01.to90.mean:.1f}/{plain_0_1.to90.mean:.1f}/{plain_1_0.to90.mean:.1f}</source>
      <translation>学习率 0.01/0.1/1 时的准确率：有 BN {bn_0_01.acc.mean:.3f}/{bn_0_1.acc.mean:.3f}/{bn_1_0.acc.mean:.3f}，无 BN {plain_0_01.acc.mean:.3f}/{plain_0_1.acc.mean:.3f}/{plain_1_0.acc.mean:.3f}；达到 90% 所需轮次：有 BN {bn_0_01.to90.mean:.1f}/{bn_0_1.to90.mean:.1f}/{bn_1_0.to90.mean:.1f}，无 BN {plain_0_01.to90.mean:.1f}/{plain_0_1.to90.mean:.1f}/{plain_1_0.to90.mean:.1f}</translation>
    </message>
    <message>
      <source>BGD descends smoothly but each step is slow</source>
      <translation>BGD 下降平稳，但每一步都很慢</translation>
    </message>
    <message>
      <source>Full-batch gradient descent (BGD) lowers the loss smoothly, but every step uses the whole training set, so on large data each step is slow.</source>
      <translation>批量梯度下降（BGD）能使损失平稳地减小，但每迭代一次都要用到训练集中的所有数据，数据量很大时迭代速度就会非常慢。</translation>
    </message>
    <message>
      <source>BGD vs MBGD (batch 32) on 1,500 training points (two moons), same network and plain gradient descent with the same learning rate and epochs. Seconds per step = epoch seconds divided by the steps in an epoch; roughness as in sgd-fluctuates.</source>
      <translation>在 1,500 个训练点（双月数据集）上对比 BGD 与 MBGD（批大小 32），网络相同，都用普通梯度下降，学习率和轮次相同。每步秒数 = 每轮次秒数除以一个轮次中的步数；波动度的定义同 sgd-fluctuates 实验。</translation>
    </message>
    <message>
      <source>MBGD (batch 32)</source>
      <translation>MBGD（批大小 32）</translation>
    </message>
    <message>
      <source>BGD (whole set)</source>
      <translation>BGD（整个训练集）</translation>
    </message>
    <message>
      <source>BGD's loss falls smoothly (roughness {bgd.rough.mean:.3f} vs MBGD {mbgd.rough.mean:.3f}) but one BGD step takes a whole epoch ({bgd.epoch_s.mean:.3f} s here, the time of a whole epoch of MBGD steps), so after the same epochs its loss is {bgd.loss.mean:.3f} vs MBGD {mbgd.loss.mean:.3f} (epochs to loss 0.35: {bgd.to.mean:.1f} vs {mbgd.to.mean:.1f})</source>
      <translation>BGD 的损失下降平稳（波动度 {bgd.rough.mean:.3f}，MBGD 为 {mbgd.rough.mean:.3f}），但 BGD 的一步就要花一整个轮次（此处为 {bgd.epoch_s.mean:.3f} s，即 MBGD 一整个轮次的时间），因此相同轮次后它的损失为 {bgd.loss.mean:.3f}，MBGD 为 {mbgd.loss.mean:.3f}（损失降到 0.35 所需轮次：{bgd.to.mean:.1f} 对 {mbgd.to.mean:.1f}）</translation>
    </message>
    <message>
      <source>BGD is not smoother here: roughness {bgd.rough.mean:.3f} vs MBGD {mbgd.rough.mean:.3f}</source>
      <translation>BGD 在此并不更平稳：波动度 {bgd.rough.mean:.3f}，MBGD 为 {mbgd.rough.mean:.3f}</translation>
    </message>
    <message>
      <source>roughness BGD {bgd.rough.mean:.3f} vs MBGD {mbgd.rough.mean:.3f}; final loss {bgd.loss.mean:.3f} vs {mbgd.loss.mean:.3f}</source>
      <translation>波动度 BGD {bgd.rough.mean:.3f}，MBGD {mbgd.rough.mean:.3f}；最终损失 {bgd.loss.mean:.3f} 对 {mbgd.loss.mean:.3f}</translation>
    </message>
    <message>
      <source>Training loss per epoch</source>
      <translation>每轮次的训练损失</translation>
    </message>
    <message>
      <source>Loss of each batch</source>
      <translation>每个批次的损失</translation>
    </message>
    <message>
      <source>Seconds per epoch</source>
      <translation>每轮次秒数</translation>
    </message>
    <message>
      <source>s</source>
      <translation>s</translation>
    </message>
    <message>
      <source>Weight sharing: a conv layer needs far fewer parameters</source>
      <translation>权值共享：卷积层所需参数少得多</translation>
    </message>
    <message>
      <source>Local connections and weight sharing cut the parameter count: a convolutional network matches a dense one with far fewer weights.</source>
      <translation>局部连接和权值共享减少了参数量：卷积网络以少得多的权重达到与全连接网络相当的效果。</translation>
    </message>
    <message>
      <source>The bundled 8×8 digits. A dense net (Flatten, Dense 64, ReLU, Dense 10) against a small conv net (Conv 8 filters 3×3, ReLU, MaxPool 2, Dense 10). The article's 100×100 example: one dense neuron has 10,000 weights, one 10×10 kernel 100 (plus a bias each).</source>
      <translation>内置的 8×8 手写数字。全连接网络（Flatten、Dense 64、ReLU、Dense 10）对比小型卷积网络（Conv 8 个 3×3 卷积核、ReLU、MaxPool 2、Dense 10）。原文中 100×100 的例子：一个全连接神经元有 10,000 个权重，一个 10×10 的卷积核只有 100 个（各加一个偏置）。</translation>
    </message>
    <message>
      <source>dense: Dense 64 → Dense 10</source>
      <translation>全连接：Dense 64 → Dense 10</translation>
    </message>
    <message>
      <source>conv: Conv 8×3×3 → MaxPool → Dense 10</source>
      <translation>卷积：Conv 8×3×3 → MaxPool → Dense 10</translation>
    </message>
    <message>
      <source>the conv net has {conv.params.mean:.0f} parameters against {dense.params.mean:.0f} and reaches {conv.acc.mean:.3f} validation accuracy vs {dense.acc.mean:.3f}</source>
      <translation>卷积网络只有 {conv.params.mean:.0f} 个参数（全连接网络为 {dense.params.mean:.0f} 个），验证准确率达到 {conv.acc.mean:.3f}，全连接网络为 {dense.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>with {conv.params.mean:.0f} vs {dense.params.mean:.0f} parameters the conv net only reaches {conv.acc.mean:.3f} against {dense.acc.mean:.3f}</source>
      <translation>参数量为 {conv.params.mean:.0f} 对 {dense.params.mean:.0f}，卷积网络只达到 {conv.acc.mean:.3f}，而全连接网络为 {dense.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>conv {conv.params.mean:.0f} parameters, accuracy {conv.acc.mean:.3f}; dense {dense.params.mean:.0f}, {dense.acc.mean:.3f}</source>
      <translation>卷积网络 {conv.params.mean:.0f} 个参数，准确率 {conv.acc.mean:.3f}；全连接网络 {dense.params.mean:.0f} 个，{dense.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>Cross-entropy converges faster than MSE</source>
      <translation>交叉熵比 MSE 收敛更快</translation>
    </message>
    <message>
      <source>For a classifier, cross-entropy converges faster than mean squared error; MSE learns slowly and may get stuck.</source>
      <translation>对分类器而言，交叉熵作为损失函数的收敛速度比均方误差快；均方误差收敛速度慢，可能会陷入局部最优解。</translation>
    </message>
    <message>
      <source>The same softmax classifier (Dense 32, ReLU, Dense 10, Softmax) on the bundled digits, trained once with cross-entropy and once with MSE on the one-hot labels. Plain SGD shows the size of each loss's gradient directly; MSE averages over the 10 outputs, so it is also given a 10× learning rate. Adam rescales every gradient, so it is run too.</source>
      <translation>同一个 softmax 分类器（Dense 32、ReLU、Dense 10、Softmax）在内置的手写数字数据上，分别以交叉熵和以 one-hot 标签上的 MSE 训练一次。普通 SGD 直接体现各损失函数梯度的大小；MSE 对 10 个输出取平均，因此另给它一个 10 倍的学习率。Adam 会重新缩放每个梯度，因此也一并运行。</translation>
    </message>
    <message>
      <source>cross-entropy, SGD lr 0.1</source>
      <translation>交叉熵，SGD 学习率 0.1</translation>
    </message>
    <message>
      <source>MSE, SGD lr 0.1</source>
      <translation>MSE，SGD 学习率 0.1</translation>
    </message>
    <message>
      <source>MSE, SGD lr 1 (10× for the mean over 10 outputs)</source>
      <translation>MSE，SGD 学习率 1（因对 10 个输出取平均而乘以 10）</translation>
    </message>
    <message>
      <source>cross-entropy, Adam lr 0.005</source>
      <translation>交叉熵，Adam 学习率 0.005</translation>
    </message>
    <message>
      <source>MSE, Adam lr 0.005</source>
      <translation>MSE，Adam 学习率 0.005</translation>
    </message>
    <message>
      <source>epochs to 90% validation accuracy: SGD cross-entropy {ce_sgd.to90.mean:.1f} vs MSE {mse_sgd.to90.mean:.1f} (lr 1: {mse_sgd_lr1.to90.mean:.1f}); Adam cross-entropy {ce_adam.to90.mean:.1f} vs MSE {mse_adam.to90.mean:.1f}</source>
      <translation>验证准确率达到 90% 所需轮次：SGD 交叉熵 {ce_sgd.to90.mean:.1f}，MSE {mse_sgd.to90.mean:.1f}（学习率 1：{mse_sgd_lr1.to90.mean:.1f}）；Adam 交叉熵 {ce_adam.to90.mean:.1f}，MSE {mse_adam.to90.mean:.1f}</translation>
    </message>
    <message>
      <source>with plain SGD cross-entropy reaches 90% validation accuracy in {ce_sgd.to90.mean:.1f} epochs while MSE takes {mse_sgd.to90.mean:.1f} (more than {mse_sgd.epochs.mean:.0f} means never; its best is {mse_sgd.best.mean:.2f}), and {mse_sgd_lr1.to90.mean:.1f} with a 10× learning rate; with Adam, which rescales the gradients, both take about the same ({ce_adam.to90.mean:.1f} vs {mse_adam.to90.mean:.1f} epochs)</source>
      <translation>用普通 SGD 时，交叉熵在 {ce_sgd.to90.mean:.1f} 个轮次内使验证准确率达到 90%，而 MSE 需要 {mse_sgd.to90.mean:.1f} 个（超过 {mse_sgd.epochs.mean:.0f} 表示始终未达到；其最好为 {mse_sgd.best.mean:.2f}），学习率乘以 10 后为 {mse_sgd_lr1.to90.mean:.1f}；用会重新缩放梯度的 Adam 时，两者所需轮次大致相同（{ce_adam.to90.mean:.1f} 对 {mse_adam.to90.mean:.1f}）</translation>
    </message>
    <message>
      <source>MSE reaches 90% about as quickly as cross-entropy: SGD {mse_sgd.to90.mean:.1f} (lr 1: {mse_sgd_lr1.to90.mean:.1f}) vs {ce_sgd.to90.mean:.1f} epochs, Adam {mse_adam.to90.mean:.1f} vs {ce_adam.to90.mean:.1f}</source>
      <translation>MSE 达到 90% 的速度与交叉熵差不多：SGD {mse_sgd.to90.mean:.1f}（学习率 1：{mse_sgd_lr1.to90.mean:.1f}）对 {ce_sgd.to90.mean:.1f} 个轮次，Adam {mse_adam.to90.mean:.1f} 对 {ce_adam.to90.mean:.1f}</translation>
    </message>
    <message>
      <source>epochs to 90%: SGD cross-entropy {ce_sgd.to90.mean:.1f} vs MSE {mse_sgd.to90.mean:.1f} (lr 1: {mse_sgd_lr1.to90.mean:.1f}); Adam {ce_adam.to90.mean:.1f} vs {mse_adam.to90.mean:.1f}: the difference is smaller than the rules ask</source>
      <translation>达到 90% 所需轮次：SGD 交叉熵 {ce_sgd.to90.mean:.1f}，MSE {mse_sgd.to90.mean:.1f}（学习率 1：{mse_sgd_lr1.to90.mean:.1f}）；Adam {ce_adam.to90.mean:.1f} 对 {mse_adam.to90.mean:.1f}：差异小于规则的要求</translation>
    </message>
    <message>
      <source>Training loss (each in its own units)</source>
      <translation>训练损失（各自的单位）</translation>
    </message>
    <message>
      <source>ReLU as the default hidden activation</source>
      <translation>ReLU 作为隐藏层的默认激活函数</translation>
    </message>
    <message>
      <source>For a two-class output use sigmoid, and ReLU in every hidden layer by default; tanh is sometimes used.</source>
      <translation>如果输出是二分类，输出层选择 sigmoid 函数，隐藏层默认使用 ReLU 激活函数；有时也会使用 tanh 激活函数。</translation>
    </message>
    <message>
      <source>Two classes (circles), three hidden layers of 32 units, only the hidden activation differs. The output is a two-way softmax with cross-entropy, which equals a single sigmoid output with the logistic loss; the data's labels are class indices. Plain SGD shows how well gradients pass through each activation.</source>
      <translation>两个类别（同心圆数据集），三个 32 单元的隐藏层，只有隐藏层的激活函数不同。输出层是带交叉熵的两路 softmax，等价于一个使用 Logistic 损失的 sigmoid 输出；数据的标签是类别索引。普通 SGD 能显示梯度通过各激活函数的情况。</translation>
    </message>
    <message>
      <source>hidden ReLU</source>
      <translation>隐藏层 ReLU</translation>
    </message>
    <message>
      <source>hidden tanh</source>
      <translation>隐藏层 tanh</translation>
    </message>
    <message>
      <source>hidden sigmoid</source>
      <translation>隐藏层 sigmoid</translation>
    </message>
    <message>
      <source>epochs to 95% validation accuracy: ReLU {relu.to95.mean:.1f}, tanh {tanh.to95.mean:.1f}, sigmoid {sigmoid.to95.mean:.1f} (more than {relu.epochs.mean:.0f} means never; sigmoid's best {sigmoid.best.mean:.2f})</source>
      <translation>验证准确率达到 95% 所需轮次：ReLU {relu.to95.mean:.1f}，tanh {tanh.to95.mean:.1f}，sigmoid {sigmoid.to95.mean:.1f}（超过 {relu.epochs.mean:.0f} 表示始终未达到；sigmoid 最好为 {sigmoid.best.mean:.2f}）</translation>
    </message>
    <message>
      <source>ReLU is the slowest here: {relu.to95.mean:.1f} epochs to 95% vs tanh {tanh.to95.mean:.1f} and sigmoid {sigmoid.to95.mean:.1f}</source>
      <translation>ReLU 在此最慢：达到 95% 需 {relu.to95.mean:.1f} 个轮次，tanh {tanh.to95.mean:.1f}，sigmoid {sigmoid.to95.mean:.1f}</translation>
    </message>
    <message>
      <source>epochs to 95%: ReLU {relu.to95.mean:.1f}, tanh {tanh.to95.mean:.1f}, sigmoid {sigmoid.to95.mean:.1f}: ReLU is not clearly the best default here</source>
      <translation>达到 95% 所需轮次：ReLU {relu.to95.mean:.1f}，tanh {tanh.to95.mean:.1f}，sigmoid {sigmoid.to95.mean:.1f}：ReLU 在此并不明显是最好的默认选择</translation>
    </message>
    <message>
      <source>Initial weights must be small and different</source>
      <translation>初始权重必须小且互不相同</translation>
    </message>
    <message>
      <source>Initial weights must be small (large ones saturate the units and training fails) and different from each other (equal weights cannot learn different features).</source>
      <translation>初始权重必须是小随机数（权值过大会使网络进入饱和状态，导致训练失败），且互不相同（相同的权重无法学到不同的特征）。</translation>
    </message>
    <message>
      <source>A sigmoid MLP (Dense 32, Sigmoid, Dense 32, Sigmoid, Dense 10, Softmax) on the bundled digits, from the engine's default initial weights, the same ×0.1 and ×10, and with every Dense kernel filled with one value. 'saturated' is the share of sigmoid outputs with derivative below 0.05 before training; 'distinct' the share of first-layer units whose weights differ from every other unit's after training.</source>
      <translation>一个 sigmoid 多层感知机（Dense 32、Sigmoid、Dense 32、Sigmoid、Dense 10、Softmax）在内置的手写数字数据上，分别从引擎默认的初始权重、其 ×0.1 和 ×10，以及每个 Dense 层的权重矩阵都填同一个值开始训练。“saturated”是训练前导数低于 0.05 的 sigmoid 输出所占比例；“distinct”是训练后第一层中权重与其他所有单元都不同的单元所占比例。</translation>
    </message>
    <message>
      <source>default initialisation</source>
      <translation>默认初始化</translation>
    </message>
    <message>
      <source>default × 0.1</source>
      <translation>默认 × 0.1</translation>
    </message>
    <message>
      <source>default × 10</source>
      <translation>默认 × 10</translation>
    </message>
    <message>
      <source>all weights equal</source>
      <translation>所有权重相同</translation>
    </message>
    <message>
      <source>×10 weights saturate {large.sat.mean:.0%} of the sigmoid units (default {default.sat.mean:.0%}) and reach {large.acc.mean:.2f} validation accuracy against {default.acc.mean:.2f}; equal weights stay equal ({equal.distinct.mean:.0%} distinct units) and reach {equal.acc.mean:.2f}; ×0.1 reaches {small.acc.mean:.2f}</source>
      <translation>×10 的权重使 {large.sat.mean:.0%} 的 sigmoid 单元饱和（默认为 {default.sat.mean:.0%}），验证准确率为 {large.acc.mean:.2f}，默认为 {default.acc.mean:.2f}；相同的权重始终相同（{equal.distinct.mean:.0%} 的单元互不相同），准确率为 {equal.acc.mean:.2f}；×0.1 为 {small.acc.mean:.2f}</translation>
    </message>
    <message>
      <source>neither large ({large.acc.mean:.2f}) nor equal ({equal.acc.mean:.2f}) initial weights hurt here (default {default.acc.mean:.2f})</source>
      <translation>大的（{large.acc.mean:.2f}）和相同的（{equal.acc.mean:.2f}）初始权重在此都没有造成损害（默认为 {default.acc.mean:.2f}）</translation>
    </message>
    <message>
      <source>validation accuracy: default {default.acc.mean:.2f}, ×0.1 {small.acc.mean:.2f}, ×10 {large.acc.mean:.2f} ({large.sat.mean:.0%} saturated), equal {equal.acc.mean:.2f} ({equal.distinct.mean:.0%} distinct units)</source>
      <translation>验证准确率：默认 {default.acc.mean:.2f}，×0.1 {small.acc.mean:.2f}，×10 {large.acc.mean:.2f}（{large.sat.mean:.0%} 饱和），相同 {equal.acc.mean:.2f}（{equal.distinct.mean:.0%} 的单元互不相同）</translation>
    </message>
    <message>
      <source>With MSE, Leaky ReLU reduces vanishing gradients</source>
      <translation>使用 MSE 时，LeakyReLU 能减轻梯度消失</translation>
    </message>
    <message>
      <source>When the loss is MSE, Leaky ReLU reduces the vanishing of gradients compared with ReLU.</source>
      <translation>损失函数为均方误差时，使用 LeakyReLU 激活函数比 ReLU 更能减少梯度消失的问题。</translation>
    </message>
    <message>
      <source>Five Dense(16) layers with ReLU, Leaky ReLU (α 0.01, the default) or Leaky ReLU α 0.2, then Dense + Softmax, trained with MSE on spirals. 'first' is the gradient norm reaching the first Dense kernel at initialisation (one batch of 64, the engine's backward), 'ratio' first over last; speed is epochs to 80% validation accuracy.</source>
      <translation>五个 Dense(16) 层，分别使用 ReLU、LeakyReLU（α 0.01，默认值）或 LeakyReLU α 0.2，之后接 Dense + Softmax，在螺旋数据集上用 MSE 训练。“first”是初始化时到达第一个 Dense 层权重的梯度范数（一个 64 样本的批次，引擎的反向传播），“ratio”是第一层与最后一层之比；速度是验证准确率达到 80% 所需的轮次。</translation>
    </message>
    <message>
      <source>ReLU × 5, MSE</source>
      <translation>ReLU × 5，MSE</translation>
    </message>
    <message>
      <source>Leaky ReLU α 0.01 × 5, MSE</source>
      <translation>LeakyReLU α 0.01 × 5，MSE</translation>
    </message>
    <message>
      <source>Leaky ReLU α 0.2 × 5, MSE</source>
      <translation>LeakyReLU α 0.2 × 5，MSE</translation>
    </message>
    <message>
      <source>first-over-last gradient at initialisation: ReLU {relu.ratio.mean:.3g}, Leaky α 0.01 {leaky.ratio.mean:.3g}, α 0.2 {leaky2.ratio.mean:.3g}; epochs to 80%: {relu.to80.mean:.1f}, {leaky.to80.mean:.1f}, {leaky2.to80.mean:.1f}</source>
      <translation>初始化时第一层与最后一层的梯度之比：ReLU {relu.ratio.mean:.3g}，LeakyReLU α 0.01 {leaky.ratio.mean:.3g}，α 0.2 {leaky2.ratio.mean:.3g}；达到 80% 所需轮次：{relu.to80.mean:.1f}、{leaky.to80.mean:.1f}、{leaky2.to80.mean:.1f}</translation>
    </message>
    <message>
      <source>Leaky ReLU keeps no more gradient than ReLU here (ratio {leaky.ratio.mean:.3g} and {leaky2.ratio.mean:.3g} vs {relu.ratio.mean:.3g}) and trains no faster ({leaky.to80.mean:.1f} and {leaky2.to80.mean:.1f} vs {relu.to80.mean:.1f} epochs to 80%)</source>
      <translation>LeakyReLU 在此保留的梯度并不比 ReLU 多（比值 {leaky.ratio.mean:.3g} 和 {leaky2.ratio.mean:.3g}，ReLU 为 {relu.ratio.mean:.3g}），训练也不更快（达到 80% 需 {leaky.to80.mean:.1f} 和 {leaky2.to80.mean:.1f} 个轮次，ReLU 为 {relu.to80.mean:.1f}）</translation>
    </message>
    <message>
      <source>first-over-last gradient: ReLU {relu.ratio.mean:.3g}, Leaky α 0.01 {leaky.ratio.mean:.3g}, α 0.2 {leaky2.ratio.mean:.3g}; epochs to 80%: {relu.to80.mean:.1f}, {leaky.to80.mean:.1f}, {leaky2.to80.mean:.1f}</source>
      <translation>第一层与最后一层的梯度之比：ReLU {relu.ratio.mean:.3g}，LeakyReLU α 0.01 {leaky.ratio.mean:.3g}，α 0.2 {leaky2.ratio.mean:.3g}；达到 80% 所需轮次：{relu.to80.mean:.1f}、{leaky.to80.mean:.1f}、{leaky2.to80.mean:.1f}</translation>
    </message>
    <message>
      <source>Gradient norm per Dense layer at initialisation</source>
      <translation>初始化时每个 Dense 层的梯度范数</translation>
    </message>
    <message>
      <source>Dense layer</source>
      <translation>Dense 层</translation>
    </message>
    <message>
      <source>‖∂L/∂W‖</source>
      <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
      <source>Linear layers stacked stay linear</source>
      <translation>线性层堆叠起来仍是线性的</translation>
    </message>
    <message>
      <source>A network made only of linear parts is still one linear classifier: without a non-linear activation, depth adds nothing.</source>
      <translation>假若网络中全部是线性部件，那么线性的组合还是线性，与单独一个线性分类器无异：没有非线性的激活函数，加深网络毫无作用。</translation>
    </message>
    <message>
      <source>Dense 3 (one linear classifier)</source>
      <translation>Dense 3（单个线性分类器）</translation>
    </message>
    <message>
      <source>Dense 64 → Dense 64 → Dense 3, no activation</source>
      <translation>Dense 64 → Dense 64 → Dense 3，无激活函数</translation>
    </message>
    <message>
      <source>the same stack with ReLU</source>
      <translation>同样的堆叠加上 ReLU</translation>
    </message>
    <message>
      <source>the deep linear stack peaks at {linear.acc.mean:.2f} validation accuracy, like a single linear layer ({single.acc.mean:.2f}); with ReLU the same stack reaches {relu.acc.mean:.2f}</source>
      <translation>深层线性堆叠的验证准确率最高只有 {linear.acc.mean:.2f}，与单个线性层（{single.acc.mean:.2f}）相当；加上 ReLU 后同样的堆叠达到 {relu.acc.mean:.2f}</translation>
    </message>
    <message>
      <source>the linear stack ({linear.acc.mean:.2f}) does about as well as the ReLU stack ({relu.acc.mean:.2f})</source>
      <translation>线性堆叠（{linear.acc.mean:.2f}）与 ReLU 堆叠（{relu.acc.mean:.2f}）表现差不多</translation>
    </message>
    <message>
      <source>linear stack {linear.acc.mean:.2f} (best seed {linear.acc.max:.2f}), single layer {single.acc.mean:.2f}, ReLU stack {relu.acc.mean:.2f} (worst seed {relu.acc.min:.2f}): the gap is there but not as clear as the thresholds ask</source>
      <translation>线性堆叠 {linear.acc.mean:.2f}（最好的随机种子 {linear.acc.max:.2f}），单个线性层 {single.acc.mean:.2f}，ReLU 堆叠 {relu.acc.mean:.2f}（最差的随机种子 {relu.acc.min:.2f}）：差距存在，但不如阈值要求的那样明显</translation>
    </message>
    <message>
      <source>MAE resists outliers better than MSE</source>
      <translation>MAE 比 MSE 更能抵抗异常值</translation>
    </message>
    <message>
      <source>Where the data holds many outliers, mean absolute error is the better loss: mean squared error lets the outliers pull the fit away.</source>
      <translation>如果数据异常值较多，平均绝对误差是更好的损失函数：均方误差会让异常值把拟合结果拉偏。</translation>
    </message>
    <message>
      <source>A line y = 2x + 0.5 with small noise, 200 training points of which about 20% are moved up by 8. A single Dense(1) is fitted with MSE, MAE and smooth L1 (Adam, full batch); the error is measured on clean points of the line.</source>
      <translation>直线 y = 2x + 0.5 加少量噪声，200 个训练点中约 20% 被向上移动 8。用 MSE、MAE 和 平滑 L1（Adam，全批量）分别拟合单个 Dense(1)；误差在直线上的干净点上测量。</translation>
    </message>
    <message>
      <source>MSE</source>
      <translation>MSE</translation>
    </message>
    <message>
      <source>MAE</source>
      <translation>MAE</translation>
    </message>
    <message>
      <source>smooth L1</source>
      <translation>平滑 L1</translation>
    </message>
    <message>
      <source>error on clean points: MAE {mae.clean.mean:.3f} vs MSE {mse.clean.mean:.3f} (smooth L1 {huber.clean.mean:.3f})</source>
      <translation>干净点上的误差：MAE {mae.clean.mean:.3f}，MSE {mse.clean.mean:.3f}（平滑 L1 {huber.clean.mean:.3f}）</translation>
    </message>
    <message>
      <source>MAE is no better on clean points: {mae.clean.mean:.3f} vs MSE {mse.clean.mean:.3f}</source>
      <translation>MAE 在干净点上并不更好：{mae.clean.mean:.3f}，MSE 为 {mse.clean.mean:.3f}</translation>
    </message>
    <message>
      <source>error on clean points: MAE {mae.clean.mean:.3f} vs MSE {mse.clean.mean:.3f}, smooth L1 {huber.clean.mean:.3f}: better, but by less than half</source>
      <translation>干净点上的误差：MAE {mae.clean.mean:.3f}，MSE {mse.clean.mean:.3f}，平滑 L1 {huber.clean.mean:.3f}：更好，但差距不到一半</translation>
    </message>
    <message>
      <source>Error on clean points</source>
      <translation>干净点上的误差</translation>
    </message>
    <message>
      <source>MBGD: steadier than SGD, faster than BGD</source>
      <translation>MBGD：比 SGD 更稳定，比 BGD 更快</translation>
    </message>
    <message>
      <source>Mini-batch gradient descent converges more steadily than SGD and faster than BGD, which is why it is the usual choice.</source>
      <translation>小批量梯度下降比 SGD 收敛更稳定，又比 BGD 更快，因此是经常使用的梯度下降方法。</translation>
    </message>
    <message>
      <source>The three batch modes, same network, plain gradient descent at the same learning rate, 20 epochs. Steadiness: roughness of the per-step loss; speed: wall-clock seconds and the epochs to reach a validation loss of 0.9.</source>
      <translation>三种批量方式，网络相同，普通梯度下降，学习率相同，20 个轮次。稳定性：每步损失的波动度；速度：实际耗时（秒）以及验证损失降到 0.9 所需的轮次。</translation>
    </message>
    <message>
      <source>SGD (batch 1)</source>
      <translation>SGD（批大小 1）</translation>
    </message>
    <message>
      <source>MBGD's per-step loss roughness {mbgd.rough.mean:.2f} vs SGD {sgd.rough.mean:.2f}; epochs to validation loss 0.35: MBGD {mbgd.to.mean:.1f}, BGD {bgd.to.mean:.1f} (21 = never), SGD {sgd.to.mean:.1f}; training time MBGD {mbgd.seconds.mean:.2f} s vs SGD {sgd.seconds.mean:.2f} s</source>
      <translation>MBGD 每步损失的波动度 {mbgd.rough.mean:.2f}，SGD 为 {sgd.rough.mean:.2f}；验证损失降到 0.35 所需轮次：MBGD {mbgd.to.mean:.1f}，BGD {bgd.to.mean:.1f}（21 = 始终未达到），SGD {sgd.to.mean:.1f}；训练时间 MBGD {mbgd.seconds.mean:.2f} s，SGD {sgd.seconds.mean:.2f} s</translation>
    </message>
    <message>
      <source>roughness MBGD {mbgd.rough.mean:.2f} vs SGD {sgd.rough.mean:.2f}; epochs to loss 0.35 MBGD {mbgd.to.mean:.1f} vs BGD {bgd.to.mean:.1f}</source>
      <translation>波动度 MBGD {mbgd.rough.mean:.2f}，SGD {sgd.rough.mean:.2f}；损失降到 0.35 所需轮次 MBGD {mbgd.to.mean:.1f}，BGD {bgd.to.mean:.1f}</translation>
    </message>
    <message>
      <source>roughness MBGD {mbgd.rough.mean:.2f} vs SGD {sgd.rough.mean:.2f}; epochs to loss 0.35 MBGD {mbgd.to.mean:.1f}, BGD {bgd.to.mean:.1f}; seconds MBGD {mbgd.seconds.mean:.2f} vs SGD {sgd.seconds.mean:.2f}</source>
      <translation>波动度 MBGD {mbgd.rough.mean:.2f}，SGD {sgd.rough.mean:.2f}；损失降到 0.35 所需轮次 MBGD {mbgd.to.mean:.1f}，BGD {bgd.to.mean:.1f}；耗时 MBGD {mbgd.seconds.mean:.2f} 秒，SGD {sgd.seconds.mean:.2f} 秒</translation>
    </message>
    <message>
      <source>Momentum speeds up gradient descent</source>
      <translation>动量加快梯度下降</translation>
    </message>
    <message>
      <source>Momentum speeds learning up compared with plain gradient descent.</source>
      <translation>与普通梯度下降相比，动量梯度下降法能加快学习速度。</translation>
    </message>
    <message>
      <source>Plain SGD and SGD with momentum 0.9 at the same learning rate on the same classifier and digits. Speed = epochs to 90% validation accuracy and the final training loss. The per-batch roughness is shown as a figure but does not decide: it is measured on log(loss), so a lower loss looks rougher. Damping across a ravine and escaping poor local optima need a 2-D surface and are not measured here.</source>
      <translation>普通 SGD 与动量 0.9 的 SGD，学习率相同，使用同一分类器和手写数字数据。速度 = 验证准确率达到 90% 所需的轮次以及最终训练损失。每批次的波动度作为指标显示，但不参与判定：它是在 log(loss) 上测量的，损失越低看起来越不平稳。在峡谷中抑制振荡和摆脱较差的局部最优需要二维曲面，这里不做测量。</translation>
    </message>
    <message>
      <source>SGD lr 0.01</source>
      <translation>SGD 学习率 0.01</translation>
    </message>
    <message>
      <source>SGD lr 0.01, momentum 0.9</source>
      <translation>SGD 学习率 0.01，动量 0.9</translation>
    </message>
    <message>
      <source>with momentum 90% validation accuracy takes {momentum.to90.mean:.1f} epochs instead of {sgd.to90.mean:.1f}; final training loss {momentum.loss.mean:.3f} vs {sgd.loss.mean:.3f}</source>
      <translation>使用动量后，验证准确率达到 90% 需要 {momentum.to90.mean:.1f} 个轮次，而不是 {sgd.to90.mean:.1f} 个；最终训练损失 {momentum.loss.mean:.3f} 对 {sgd.loss.mean:.3f}</translation>
    </message>
    <message>
      <source>momentum is not faster here: {momentum.to90.mean:.1f} vs {sgd.to90.mean:.1f} epochs to 90%</source>
      <translation>动量在此并不更快：达到 90% 需 {momentum.to90.mean:.1f} 对 {sgd.to90.mean:.1f} 个轮次</translation>
    </message>
    <message>
      <source>epochs to 90%: momentum {momentum.to90.mean:.1f}, SGD {sgd.to90.mean:.1f}; final loss {momentum.loss.mean:.3f} vs {sgd.loss.mean:.3f}</source>
      <translation>达到 90% 所需轮次：动量 {momentum.to90.mean:.1f}，SGD {sgd.to90.mean:.1f}；最终损失 {momentum.loss.mean:.3f} 对 {sgd.loss.mean:.3f}</translation>
    </message>
    <message>
      <source>Max pooling: fewer parameters, and less lost when the digit moves a pixel</source>
      <translation>最大池化：参数更少，数字移动一个像素时损失更小</translation>
    </message>
    <message>
      <source>Pooling keeps the features a convolutional network extracts locally invariant (a small shift of the input changes them little), and it reduces the dimensions and the number of parameters.</source>
      <translation>池化使卷积神经网络抽取的特征保持局部不变性（输入的小幅平移对特征影响很小），并能降低维度、减少参数数量。</translation>
    </message>
    <message>
      <source>The bundled 8×8 digits. The same conv layer (8 filters 3×3, ReLU) followed by Dense 10, once with a 2×2 max pooling in between and once without. After training, the validation digits are moved by 1 and 2 pixels (right, left, down and up; the accuracy is the mean of the four) and tested again. On 8×8 images one pixel is an eighth of the width, so every network loses much; the question is whether the pooled one loses less. One 2×2 pooling only absorbs shifts inside its window, and a 16×16 version of this setup (digits:16) showed no difference at all, so the verdict asks that the worst pooled seed lose less than the best unpooled one.</source>
      <translation>内置的 8×8 手写数字。同一个卷积层（8 个 3×3 卷积核，ReLU）之后接 Dense 10，一次中间加 2×2 最大池化，一次不加。训练后把验证集的数字移动 1 和 2 个像素（向右、左、下、上；准确率取四者的平均）再测试。在 8×8 的图像上一个像素就是宽度的八分之一，因此每个网络的损失都很大；问题是加池化的网络是否损失更小。一个 2×2 池化只能吸收其窗口内的平移，而此设置的 16×16 版本（digits:16）完全没有差别，因此结论要求加池化的最差随机种子比不加池化的最好随机种子损失更小。</translation>
    </message>
    <message>
      <source>Conv 8×3×3 → MaxPool 2 → Dense 10</source>
      <translation>Conv 8×3×3 → MaxPool 2 → Dense 10</translation>
    </message>
    <message>
      <source>Conv 8×3×3 → Dense 10 (no pooling)</source>
      <translation>Conv 8×3×3 → Dense 10（无池化）</translation>
    </message>
    <message>
      <source>pooling did not reduce the parameters here: {pool.params.mean:.0f} with pooling vs {nopool.params.mean:.0f} without</source>
      <translation>池化在此没有减少参数：有池化 {pool.params.mean:.0f} 个，无池化 {nopool.params.mean:.0f} 个</translation>
    </message>
    <message>
      <source>pooling cuts the parameters from {nopool.params.mean:.0f} to {pool.params.mean:.0f}, and moving the digits by one pixel costs the pooled net {pool.drop1.mean:.3f} of its accuracy (every seed at most {pool.drop1.max:.3f}) against {nopool.drop1.mean:.3f} without pooling (every seed at least {nopool.drop1.min:.3f}); unshifted accuracy {pool.acc.mean:.3f} vs {nopool.acc.mean:.3f}, at two pixels both collapse ({pool.acc2.mean:.2f} vs {nopool.acc2.mean:.2f})</source>
      <translation>池化把参数从 {nopool.params.mean:.0f} 个减少到 {pool.params.mean:.0f} 个；数字移动一个像素时，有池化的网络准确率下降 {pool.drop1.mean:.3f}（每个随机种子至多 {pool.drop1.max:.3f}），无池化的下降 {nopool.drop1.mean:.3f}（每个随机种子至少 {nopool.drop1.min:.3f}）；未移动时准确率 {pool.acc.mean:.3f} 对 {nopool.acc.mean:.3f}，移动两个像素时两者都崩溃（{pool.acc2.mean:.2f} 对 {nopool.acc2.mean:.2f}）</translation>
    </message>
    <message>
      <source>pooling cuts the parameters from {nopool.params.mean:.0f} to {pool.params.mean:.0f}, but the pooled net is no more robust to a one-pixel shift: it loses {pool.drop1.mean:.3f} of its accuracy vs {nopool.drop1.mean:.3f} without pooling</source>
      <translation>池化把参数从 {nopool.params.mean:.0f} 个减少到 {pool.params.mean:.0f} 个，但有池化的网络对一个像素的平移并不更稳健：其准确率下降 {pool.drop1.mean:.3f}，无池化的下降 {nopool.drop1.mean:.3f}</translation>
    </message>
    <message>
      <source>parameters {pool.params.mean:.0f} with pooling vs {nopool.params.mean:.0f} without; accuracy lost to a one-pixel shift {pool.drop1.mean:.3f} vs {nopool.drop1.mean:.3f} (per seed {pool.drop1.min:.3f}–{pool.drop1.max:.3f} vs {nopool.drop1.min:.3f}–{nopool.drop1.max:.3f}: less, but not clearly apart); unshifted accuracy {pool.acc.mean:.3f} vs {nopool.acc.mean:.3f}</source>
      <translation>参数量：有池化 {pool.params.mean:.0f}，无池化 {nopool.params.mean:.0f}；平移一个像素损失的准确率 {pool.drop1.mean:.3f} 对 {nopool.drop1.mean:.3f}（各随机种子 {pool.drop1.min:.3f}–{pool.drop1.max:.3f} 对 {nopool.drop1.min:.3f}–{nopool.drop1.max:.3f}：更小，但没有明显分开）；未移动时准确率 {pool.acc.mean:.3f} 对 {nopool.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>Validation accuracy on shifted digits</source>
      <translation>平移后数字的验证准确率</translation>
    </message>
    <message>
      <source>shift (pixels)</source>
      <translation>平移（像素）</translation>
    </message>
    <message>
      <source>Validation accuracy while training (unshifted)</source>
      <translation>训练过程中的验证准确率（未平移）</translation>
    </message>
    <message>
      <source>Residual connections let deeper networks train</source>
      <translation>残差连接让更深的网络能够训练</translation>
    </message>
    <message>
      <source>Skip connections let a much deeper network still train; a plain stack of the same depth trains worse.</source>
      <translation>跳跃连接让深得多的网络仍能训练；同样深度的普通堆叠训练效果更差。</translation>
    </message>
    <message>
      <source>MLPs of width 32 on the bundled digits: 2 or 10 blocks of Dense-ReLU-Dense(-Add)-ReLU, with the block's input added back (residual) or not (plain). Plain SGD with momentum 0.9, lr 0.01, 10 epochs.</source>
      <translation>宽度为 32 的多层感知机，使用内置的手写数字数据：2 个或 10 个 Dense-ReLU-Dense(-Add)-ReLU 块，块的输入加回（残差）或不加回（普通）。带动量 0.9 的普通 SGD，学习率 0.01，10 个轮次。</translation>
    </message>
    <message>
      <source>plain, 2 blocks (6 Dense layers)</source>
      <translation>普通，2 个块（6 个 Dense 层）</translation>
    </message>
    <message>
      <source>residual, 2 blocks (6 Dense layers)</source>
      <translation>残差，2 个块（6 个 Dense 层）</translation>
    </message>
    <message>
      <source>plain, 10 blocks (22 Dense layers)</source>
      <translation>普通，10 个块（22 个 Dense 层）</translation>
    </message>
    <message>
      <source>residual, 10 blocks (22 Dense layers)</source>
      <translation>残差，10 个块（22 个 Dense 层）</translation>
    </message>
    <message>
      <source>at 10 blocks the residual net's final training loss is {res_10.loss.mean:.3f} vs {plain_10.loss.mean:.3f} for the plain one (2 blocks: {res_2.loss.mean:.3f} vs {plain_2.loss.mean:.3f}); validation accuracy {res_10.acc.mean:.3f} vs {plain_10.acc.mean:.3f}</source>
      <translation>10 个块时，残差网络的最终训练损失为 {res_10.loss.mean:.3f}，普通网络为 {plain_10.loss.mean:.3f}（2 个块：{res_2.loss.mean:.3f} 对 {plain_2.loss.mean:.3f}）；验证准确率 {res_10.acc.mean:.3f} 对 {plain_10.acc.mean:.3f}</translation>
    </message>
    <message>
      <source>at 10 blocks the plain net trains as well: final training loss residual {res_10.loss.mean:.3f} vs plain {plain_10.loss.mean:.3f}</source>
      <translation>10 个块时普通网络同样训练得很好：最终训练损失 残差 {res_10.loss.mean:.3f}，普通 {plain_10.loss.mean:.3f}</translation>
    </message>
    <message>
      <source>final training loss at 10 blocks: residual {res_10.loss.mean:.3f}, plain {plain_10.loss.mean:.3f}; at 2 blocks {res_2.loss.mean:.3f} vs {plain_2.loss.mean:.3f} — less than the halving the rule asks</source>
      <translation>10 个块时的最终训练损失：残差 {res_10.loss.mean:.3f}，普通 {plain_10.loss.mean:.3f}；2 个块时 {res_2.loss.mean:.3f} 对 {plain_2.loss.mean:.3f} — 没有达到规则要求的减半</translation>
    </message>
    <message>
      <source>RMSprop on a recurrent network</source>
      <translation>循环网络上的 RMSprop</translation>
    </message>
    <message>
      <source>RMSprop lies between Adagrad and Adadelta in effect and works well for recurrent networks.</source>
      <translation>RMSprop 的效果介于 Adagrad 和 Adadelta 之间，对于循环神经网络效果很好。</translation>
    </message>
    <message>
      <source>An LSTM (16 units) on the adding problem with 10 steps; predicting the mean gives a mean squared error of about 0.167. Each optimizer gets its usual learning rate (Adadelta 1.0, as it is usually run). The claim about non-stationary targets is not measured here.</source>
      <translation>一个 LSTM（16 个单元）处理 10 步的加法问题；预测均值得到的均方误差约为 0.167。每个优化器使用其常用的学习率（Adadelta 为 1.0，按通常的用法）。关于非平稳目标的论断这里不做测量。</translation>
    </message>
    <message>
      <source>adagrad lr 0.05</source>
      <translation>Adagrad 学习率 0.05</translation>
    </message>
    <message>
      <source>rmsprop lr 0.005</source>
      <translation>RMSprop 学习率 0.005</translation>
    </message>
    <message>
      <source>adadelta lr 1.0</source>
      <translation>Adadelta 学习率 1.0</translation>
    </message>
    <message>
      <source>adam lr 0.005</source>
      <translation>Adam 学习率 0.005</translation>
    </message>
    <message>
      <source>final validation MSE: RMSprop {rmsprop.loss.mean:.4f}, between Adagrad {adagrad.loss.mean:.4f} and Adadelta {adadelta.loss.mean:.4f} (Adam {adam.loss.mean:.4f}); predicting the mean gives 0.167</source>
      <translation>最终验证 MSE：RMSprop {rmsprop.loss.mean:.4f}，介于 Adagrad {adagrad.loss.mean:.4f} 和 Adadelta {adadelta.loss.mean:.4f} 之间（Adam {adam.loss.mean:.4f}）；预测均值得到 0.167</translation>
    </message>
    <message>
      <source>RMSprop works well on the LSTM (validation MSE {rmsprop.loss.mean:.4f}, epochs to 0.05: {rmsprop.to.mean:.1f}) but is not between Adagrad ({adagrad.loss.mean:.4f}) and Adadelta ({adadelta.loss.mean:.4f}); Adam {adam.loss.mean:.4f}</source>
      <translation>RMSprop 在 LSTM 上效果很好（验证 MSE {rmsprop.loss.mean:.4f}，降到 0.05 所需轮次：{rmsprop.to.mean:.1f}），但并不介于 Adagrad（{adagrad.loss.mean:.4f}）和 Adadelta（{adadelta.loss.mean:.4f}）之间；Adam {adam.loss.mean:.4f}</translation>
    </message>
    <message>
      <source>RMSprop does not learn the task here while another optimizer does: validation MSE RMSprop {rmsprop.loss.mean:.4f} (the mean alone gives 0.167); Adagrad {adagrad.loss.mean:.4f}, Adadelta {adadelta.loss.mean:.4f}, Adam {adam.loss.mean:.4f}</source>
      <translation>RMSprop 在此学不会这个任务，而另一个优化器可以：验证 MSE RMSprop {rmsprop.loss.mean:.4f}（只预测均值为 0.167）；Adagrad {adagrad.loss.mean:.4f}，Adadelta {adadelta.loss.mean:.4f}，Adam {adam.loss.mean:.4f}</translation>
    </message>
    <message>
      <source>no optimizer clearly solves the task in this short run, so it cannot rank them: final validation MSE RMSprop {rmsprop.loss.mean:.4f} (best epoch {rmsprop.best.mean:.4f}), Adagrad {adagrad.loss.mean:.4f}, Adadelta {adadelta.loss.mean:.4f}, Adam {adam.loss.mean:.4f}; predicting the mean gives 0.167</source>
      <translation>在这次短时间运行中没有哪个优化器明显解决了这个任务，因此无法排序：最终验证 MSE RMSprop {rmsprop.loss.mean:.4f}（最好的轮次 {rmsprop.best.mean:.4f}），Adagrad {adagrad.loss.mean:.4f}，Adadelta {adadelta.loss.mean:.4f}，Adam {adam.loss.mean:.4f}；预测均值得到 0.167</translation>
    </message>
    <message>
      <source>Validation loss (MSE)</source>
      <translation>验证损失（MSE）</translation>
    </message>
    <message>
      <source>LSTM keeps long-range dependencies a plain RNN loses</source>
      <translation>LSTM 能保持普通 RNN 丢失的长期依赖</translation>
    </message>
    <message>
      <source>A plain RNN struggles with long-range dependencies (gradients vanish or explode through time); the LSTM's gated cell state keeps them.</source>
      <translation>普通 RNN 在处理长期依赖时会遇到巨大的困难（梯度随时间消失或膨胀）；LSTM 带门控的细胞状态能保持这些依赖。</translation>
    </message>
    <message>
      <source>The adding problem with T = 30 steps: the target is the sum of the two marked values. A SimpleRNN and an LSTM of 16 units, then Dense 1, trained with Adam (lr 0.01, MSE) for 12 epochs. Predicting the mean alone gives an MAE of about 0.33; the marked values must be carried up to 30 steps.</source>
      <translation>T = 30 步的加法问题：目标是两个被标记值之和。16 个单元的 SimpleRNN 和 LSTM，之后接 Dense 1，用 Adam（学习率 0.01，MSE）训练 12 个轮次。只预测均值得到的 MAE 约为 0.33；被标记的值必须被携带最多 30 步。</translation>
    </message>
    <message>
      <source>SimpleRNN 16 → Dense 1</source>
      <translation>SimpleRNN 16 → Dense 1</translation>
    </message>
    <message>
      <source>LSTM 16 → Dense 1</source>
      <translation>LSTM 16 → Dense 1</translation>
    </message>
    <message>
      <source>neither learned the task in this budget: best validation MAE LSTM {lstm.mae.mean:.3f}, RNN {rnn.mae.mean:.3f}, about what predicting the mean gives (0.33)</source>
      <translation>在此预算内两者都没有学会这个任务：最好的验证 MAE：LSTM {lstm.mae.mean:.3f}，RNN {rnn.mae.mean:.3f}，与预测均值的结果（0.33）相当</translation>
    </message>
    <message>
      <source>best validation MAE at T = 30: LSTM {lstm.mae.mean:.3f} vs plain RNN {rnn.mae.mean:.3f} (predicting the mean alone: about 0.33)</source>
      <translation>T = 30 时最好的验证 MAE：LSTM {lstm.mae.mean:.3f}，普通 RNN {rnn.mae.mean:.3f}（只预测均值：约 0.33）</translation>
    </message>
    <message>
      <source>at T = 30 the plain RNN does as well: best validation MAE {rnn.mae.mean:.3f} vs LSTM {lstm.mae.mean:.3f}</source>
      <translation>T = 30 时普通 RNN 同样好：最好的验证 MAE {rnn.mae.mean:.3f}，LSTM 为 {lstm.mae.mean:.3f}</translation>
    </message>
    <message>
      <source>best validation MAE at T = 30: LSTM {lstm.mae.mean:.3f} vs RNN {rnn.mae.mean:.3f}: better, but by less than the halving the rule asks</source>
      <translation>T = 30 时最好的验证 MAE：LSTM {lstm.mae.mean:.3f}，RNN {rnn.mae.mean:.3f}：更好，但没有达到规则要求的减半</translation>
    </message>
    <message>
      <source>Validation MAE</source>
      <translation>验证 MAE</translation>
    </message>
    <message>
      <source>Training loss (MSE)</source>
      <translation>训练损失（MSE）</translation>
    </message>
    <message>
      <source>Through time: the plain RNN's gradient vanishes as sequences grow, the LSTM's much less</source>
      <translation>随时间反向传播：序列变长时普通 RNN 的梯度消失，LSTM 的梯度则少得多</translation>
    </message>
    <message>
      <source>A plain RNN struggles with long-range dependencies because the gradient that flows back through time is a product of many Jacobians and vanishes (or explodes); the LSTM's gated cell state lets it reach far earlier steps.</source>
      <translation>普通 RNN 在处理长期依赖时会遇到巨大的困难，因为随时间反向传播的梯度是多个雅可比矩阵的连乘，会造成梯度消失（或梯度膨胀）；LSTM 带门控的细胞状态让梯度能到达早得多的时间步。</translation>
    </message>
    <message>
      <source>The adding problem at T = 10, 20 and 40 steps (2,000 sequences each): the target is the sum of the two marked values. A SimpleRNN and an LSTM of 16 units, then Dense 1. At initialisation, on 64 training sequences, the norm of the gradient that reaches the input of every time step is measured with the engine's backward pass, relative to the last step's; then each network trains with Adam (lr 0.01, MSE) for 12 epochs. Predicting the mean alone gives an MAE of about 0.33. The rule asks that the LSTM keep at least 100 times more of the gradient at the first of 40 steps than the plain RNN in every seed — vanishing is a matter of orders of magnitude — and that at T = 20 it reach at most half the RNN's error.</source>
      <translation>T = 10、20 和 40 步的加法问题（各 2,000 个序列）：目标是两个被标记值之和。16 个单元的 SimpleRNN 和 LSTM，之后接 Dense 1。初始化时在 64 个训练序列上，用引擎的反向传播测量到达每个时间步输入的梯度范数（相对于最后一步）；然后每个网络用 Adam（学习率 0.01，MSE）训练 12 个轮次。只预测均值得到的 MAE 约为 0.33。规则要求在每个随机种子中，LSTM 在 40 步中第一步保留的梯度至少是普通 RNN 的 100 倍——梯度消失是数量级上的问题——并且在 T = 20 时其误差至多为 RNN 的一半。</translation>
    </message>
    <message>
      <source>SimpleRNN 16, T = 10</source>
      <translation>SimpleRNN 16，T = 10</translation>
    </message>
    <message>
      <source>LSTM 16, T = 10</source>
      <translation>LSTM 16，T = 10</translation>
    </message>
    <message>
      <source>SimpleRNN 16, T = 20</source>
      <translation>SimpleRNN 16，T = 20</translation>
    </message>
    <message>
      <source>LSTM 16, T = 20</source>
      <translation>LSTM 16，T = 20</translation>
    </message>
    <message>
      <source>SimpleRNN 16, T = 40</source>
      <translation>SimpleRNN 16，T = 40</translation>
    </message>
    <message>
      <source>LSTM 16, T = 40</source>
      <translation>LSTM 16，T = 40</translation>
    </message>
    <message>
      <source>the LSTM keeps no more gradient through 40 steps than the plain RNN: at the first step {lstm_40.grad.mean:.2g} vs {rnn_40.grad.mean:.2g} of the last step's (best validation MAE LSTM {lstm_40.mae.mean:.3f}, RNN {rnn_40.mae.mean:.3f})</source>
      <translation>经过 40 步后 LSTM 保留的梯度并不比普通 RNN 多：第一步的梯度为最后一步的 {lstm_40.grad.mean:.2g} 对 {rnn_40.grad.mean:.2g}（最好的验证 MAE：LSTM {lstm_40.mae.mean:.3f}，RNN {rnn_40.mae.mean:.3f}）</translation>
    </message>
    <message>
      <source>share of the last step's gradient that reaches the first step, plain RNN vs LSTM: T = 10 {rnn_10.grad.mean:.1e} vs {lstm_10.grad.mean:.1e}, T = 20 {rnn_20.grad.mean:.1e} vs {lstm_20.grad.mean:.1e}, T = 40 {rnn_40.grad.mean:.1e} vs {lstm_40.grad.mean:.1e}; best validation MAE RNN {rnn_10.mae.mean:.3f} / {rnn_20.mae.mean:.3f} / {rnn_40.mae.mean:.3f} vs LSTM {lstm_10.mae.mean:.3f} / {lstm_20.mae.mean:.3f} / {lstm_40.mae.mean:.3f} (predicting the mean: about 0.33)</source>
      <translation>最后一步的梯度到达第一步的比例，普通 RNN 对 LSTM：T = 10 时 {rnn_10.grad.mean:.1e} 对 {lstm_10.grad.mean:.1e}，T = 20 时 {rnn_20.grad.mean:.1e} 对 {lstm_20.grad.mean:.1e}，T = 40 时 {rnn_40.grad.mean:.1e} 对 {lstm_40.grad.mean:.1e}；最好的验证 MAE：RNN {rnn_10.mae.mean:.3f} / {rnn_20.mae.mean:.3f} / {rnn_40.mae.mean:.3f}，LSTM {lstm_10.mae.mean:.3f} / {lstm_20.mae.mean:.3f} / {lstm_40.mae.mean:.3f}（只预测均值：约 0.33）</translation>
    </message>
    <message>
      <source>gradient reaching the first step, plain RNN vs LSTM: T = 10 {rnn_10.grad.mean:.1e} vs {lstm_10.grad.mean:.1e}, T = 40 {rnn_40.grad.mean:.1e} vs {lstm_40.grad.mean:.1e} (the rule asks 100 times more for the LSTM in every seed); best validation MAE at T = 20 RNN {rnn_20.mae.mean:.3f} vs LSTM {lstm_20.mae.mean:.3f} (the rule asks half), at T = 40 {rnn_40.mae.mean:.3f} vs {lstm_40.mae.mean:.3f}</source>
      <translation>到达第一步的梯度，普通 RNN 对 LSTM：T = 10 时 {rnn_10.grad.mean:.1e} 对 {lstm_10.grad.mean:.1e}，T = 40 时 {rnn_40.grad.mean:.1e} 对 {lstm_40.grad.mean:.1e}（规则要求每个随机种子中 LSTM 多 100 倍）；T = 20 时最好的验证 MAE：RNN {rnn_20.mae.mean:.3f}，LSTM {lstm_20.mae.mean:.3f}（规则要求一半），T = 40 时 {rnn_40.mae.mean:.3f} 对 {lstm_40.mae.mean:.3f}</translation>
    </message>
    <message>
      <source>Gradient reaching each step at initialisation (relative to the last step)</source>
      <translation>初始化时到达每个时间步的梯度（相对于最后一步）</translation>
    </message>
    <message>
      <source>steps back from the end (T − t)</source>
      <translation>距末尾的步数（T − t）</translation>
    </message>
    <message>
      <source>‖∂L/∂x_t‖ / ‖∂L/∂x_T‖</source>
      <translation>‖∂L/∂x_t‖ / ‖∂L/∂x_T‖</translation>
    </message>
    <message>
      <source>A model saved to a file continues training without re-initialising</source>
      <translation>保存到文件的模型无需重新初始化即可继续训练</translation>
    </message>
    <message>
      <source>A trained model saved to a file can continue training from it: loading the file restores the weights, so training goes on from where it stopped instead of starting again from new random weights.</source>
      <translation>训练好的模型保存到文件后可以从文件继续训练：加载文件会恢复权重，训练从停止处继续，而不是从新的随机权重重新开始。</translation>
    </message>
    <message>
      <source>Spirals, a small MLP with dropout, Adam, 8 epochs. Each run trains 8 epochs straight, and separately trains 4 epochs, saves a .dls model file, loads it back (the same code as dlstudio train --resume and the app) and trains 4 more; the two training-loss curves are compared epoch by epoch. As a contrast the same 4 epochs are followed by a run built without the file (re-initialised). The second run keeps only the weights of the loaded file: Adam's moment estimates, its step count and the shuffling and dropout state are lost, so the curve continues close to, but not exactly on, the straight one. The tolerance 1e-6 is float32 rounding at these loss values: an exact continuation differs by nothing at all.</source>
      <translation>螺旋数据集，带 Dropout 的小型多层感知机，Adam，8 个轮次。每次运行先连续训练 8 个轮次；另外训练 4 个轮次，保存一个 .dls 模型文件，再加载回来（与 dlstudio train --resume 和本应用使用相同的代码），再训练 4 个轮次；两条训练损失曲线逐轮次比较。作为对照，同样的 4 个轮次之后接一次不使用文件构建的运行（重新初始化）。第二个运行只保留所加载文件中的权重：Adam 的矩估计、步数以及打乱顺序和 Dropout 的状态都丢失了，因此曲线接近但并不完全落在连续训练的曲线上。容差 1e-6 是这些损失值下 float32 的舍入误差：完全一致的继续训练没有任何差别。</translation>
    </message>
    <message>
      <source>resumed from the whole model file</source>
      <translation>从完整的模型文件继续</translation>
    </message>
    <message>
      <source>resumed from the file's weights only</source>
      <translation>只从文件中的权重继续</translation>
    </message>
    <message>
      <source>training resumed from the file does not continue the straight run: the per-epoch losses differ by up to {file.diff.max:.3g} and the final weights by {file.wdiff.max:.3g} (tolerance 1e-6)</source>
      <translation>从文件继续的训练没有接续连续训练：每轮次的损失最多相差 {file.diff.max:.3g}，最终权重相差 {file.wdiff.max:.3g}（容差 1e-6）</translation>
    </message>
    <message>
      <source>trained 4 epochs, saved, loaded and trained 4 more, the losses match the straight 8 epochs to {file.diff.max:.1g} and the final weights to {file.wdiff.max:.1g}; re-initialised after 4 epochs instead, the loss differs by up to {file.gap.mean:.3f} (final loss {file.restart.mean:.3f} vs {file.loss.mean:.3f}); from the weights alone, without the optimizer and shuffling state, by up to {weights.diff.mean:.3g}</source>
      <translation>训练 4 个轮次、保存、加载、再训练 4 个轮次，损失与连续训练 8 个轮次一致到 {file.diff.max:.1g}，最终权重一致到 {file.wdiff.max:.1g}；若 4 个轮次后改为重新初始化，损失最多相差 {file.gap.mean:.3f}（最终损失 {file.restart.mean:.3f} 对 {file.loss.mean:.3f}）；只用权重、不带优化器和打乱顺序的状态时，最多相差 {weights.diff.mean:.3g}</translation>
    </message>
    <message>
      <source>the resumed run matches the straight one ({file.diff.max:.1g}), but so nearly does a re-initialised one (gap {file.gap.min:.2g}): the training here is too short to tell</source>
      <translation>继续训练的运行与连续训练一致（{file.diff.max:.1g}），但重新初始化的运行也几乎一致（差距 {file.gap.min:.2g}）：这里的训练太短，无法区分</translation>
    </message>
    <message>
      <source>Training loss: straight, resumed from the file, re-initialised</source>
      <translation>训练损失：连续训练、从文件继续、重新初始化</translation>
    </message>
    <message>
      <source>Resumed from the file</source>
      <translation>从文件继续</translation>
    </message>
    <message>
      <source>Re-initialised after the saved epochs</source>
      <translation>保存的轮次之后重新初始化</translation>
    </message>
    <message>
      <source>SGD's loss fluctuates and does not settle</source>
      <translation>SGD 的损失波动且不会稳定下来</translation>
    </message>
    <message>
      <source>With one sample per step (SGD) the loss fluctuates strongly and keeps jumping around the minimum instead of settling; the jumps can reach a better minimum.</source>
      <translation>每步只用一个样本（SGD）时，损失函数值会剧烈波动，一直在最小值附近波动而不会收敛；这种波动使它能够跳到新的可能更好的局部最小值。</translation>
    </message>
    <message>
      <source>The same tanh MLP on two moons, plain gradient descent with the same learning rate, 20 epochs; only the batch size differs. Roughness is the mean absolute change of ln(loss) between consecutive recorded batches (thinned evenly above 2,000 points); the late roughness of the per-epoch loss shows whether training settles.</source>
      <translation>同一个 tanh 多层感知机在双月数据集上，普通梯度下降，学习率相同，20 个轮次；只有批大小不同。波动度是相邻记录的批次之间 ln(loss) 变化的平均绝对值（超过 2,000 个点时均匀抽稀）；每轮次损失在后期的波动度显示训练是否稳定下来。</translation>
    </message>
    <message>
      <source>per-step loss roughness: SGD {sgd.rough.mean:.2f}, MBGD {mbgd.rough.mean:.2f}, BGD {bgd.rough.mean:.3f}; epoch-to-epoch change of the validation loss: SGD {sgd.late.mean:.3f} vs MBGD {mbgd.late.mean:.3f}; lowest validation loss SGD {sgd.best_loss.mean:.3f}, MBGD {mbgd.best_loss.mean:.3f}, BGD {bgd.best_loss.mean:.3f}</source>
      <translation>每步损失的波动度：SGD {sgd.rough.mean:.2f}，MBGD {mbgd.rough.mean:.2f}，BGD {bgd.rough.mean:.3f}；验证损失在轮次间的变化：SGD {sgd.late.mean:.3f}，MBGD {mbgd.late.mean:.3f}；最低验证损失 SGD {sgd.best_loss.mean:.3f}，MBGD {mbgd.best_loss.mean:.3f}，BGD {bgd.best_loss.mean:.3f}</translation>
    </message>
    <message>
      <source>SGD's per-step loss is not much rougher than MBGD's ({sgd.rough.mean:.2f} vs {mbgd.rough.mean:.2f})</source>
      <translation>SGD 每步的损失并不比 MBGD 波动大多少（{sgd.rough.mean:.2f} 对 {mbgd.rough.mean:.2f}）</translation>
    </message>
    <message>
      <source>per-step roughness SGD {sgd.rough.mean:.2f}, MBGD {mbgd.rough.mean:.2f}, BGD {bgd.rough.mean:.3f}; validation loss changes SGD {sgd.late.mean:.3f} vs MBGD {mbgd.late.mean:.3f}</source>
      <translation>每步的波动度 SGD {sgd.rough.mean:.2f}，MBGD {mbgd.rough.mean:.2f}，BGD {bgd.rough.mean:.3f}；验证损失的变化 SGD {sgd.late.mean:.3f}，MBGD {mbgd.late.mean:.3f}</translation>
    </message>
    <message>
      <source>Sigmoid makes gradients vanish; a log-loss at the output helps</source>
      <translation>Sigmoid 引起梯度消失；输出端的对数损失有帮助</translation>
    </message>
    <message>
      <source>Through the chain rule sigmoid multiplies many factors below 1, so the gradient vanishes in the early layers; a logistic (cross-entropy) loss's log turns the product at the output into a sum.</source>
      <translation>根据链式求导法，sigmoid 求导后由多个小于 1 的数连乘，因此梯度在靠前的层中消失；Logistic（交叉熵）损失加上对数后，把输出端的连乘转化为求和。</translation>
    </message>
    <message>
      <source>Five Dense(16) layers with sigmoid or ReLU, then Dense + Softmax, on spirals. 'ratio' is the gradient norm of the first Dense kernel over that of the last, at initialisation, on one batch of 64 training samples (the engine's own backward pass). The sigmoid net is also trained with MSE instead of cross-entropy: 'last' is then the gradient that reaches the output layer.</source>
      <translation>五个 Dense(16) 层，使用 sigmoid 或 ReLU，之后接 Dense + Softmax，在螺旋数据集上。“ratio”是初始化时第一个 Dense 层权重的梯度范数与最后一个之比，在一个 64 个训练样本的批次上计算（引擎自己的反向传播）。sigmoid 网络还用 MSE 代替交叉熵训练一次：此时“last”是到达输出层的梯度。</translation>
    </message>
    <message>
      <source>sigmoid × 5, cross-entropy</source>
      <translation>sigmoid × 5，交叉熵</translation>
    </message>
    <message>
      <source>ReLU × 5, cross-entropy</source>
      <translation>ReLU × 5，交叉熵</translation>
    </message>
    <message>
      <source>sigmoid × 5, MSE</source>
      <translation>sigmoid × 5，MSE</translation>
    </message>
    <message>
      <source>first-over-last gradient at initialisation: sigmoid {sig.ratio.mean:.2g} vs ReLU {relu.ratio.mean:.2g}; the output layer's gradient with cross-entropy is {sig.last.mean:.3g} vs {sig_mse.last.mean:.3g} with MSE (best validation accuracy: sigmoid {sig.acc.mean:.2f}, ReLU {relu.acc.mean:.2f}, sigmoid + MSE {sig_mse.acc.mean:.2f})</source>
      <translation>初始化时第一层与最后一层的梯度之比：sigmoid {sig.ratio.mean:.2g}，ReLU {relu.ratio.mean:.2g}；输出层的梯度用交叉熵时为 {sig.last.mean:.3g}，用 MSE 时为 {sig_mse.last.mean:.3g}（最好的验证准确率：sigmoid {sig.acc.mean:.2f}，ReLU {relu.acc.mean:.2f}，sigmoid + MSE {sig_mse.acc.mean:.2f}）</translation>
    </message>
    <message>
      <source>the gradient does not shrink more through sigmoid than through ReLU: ratio {sig.ratio.mean:.2g} vs {relu.ratio.mean:.2g}</source>
      <translation>梯度经过 sigmoid 时并不比经过 ReLU 时缩小得更多：比值 {sig.ratio.mean:.2g} 对 {relu.ratio.mean:.2g}</translation>
    </message>
    <message>
      <source>ratio sigmoid {sig.ratio.mean:.2g} vs ReLU {relu.ratio.mean:.2g}; output gradient cross-entropy {sig.last.mean:.3g} vs MSE {sig_mse.last.mean:.3g}</source>
      <translation>比值 sigmoid {sig.ratio.mean:.2g}，ReLU {relu.ratio.mean:.2g}；输出层梯度 交叉熵 {sig.last.mean:.3g}，MSE {sig_mse.last.mean:.3g}</translation>
    </message>
  </context>
</TS>
