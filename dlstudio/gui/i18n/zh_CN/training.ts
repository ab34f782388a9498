<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>&amp;Train</source>
      <translation>训练(&amp;T)</translation>
    </message>
    <message>
      <source>Show the training panel and start, continue, pause or resume training (Space on the canvas)</source>
      <translation>显示训练面板，开始、继续训练或暂停、恢复训练（在画布上按空格键）</translation>
    </message>
    <message>
      <source>Show Training &amp;Panel</source>
      <translation>显示训练面板(&amp;P)</translation>
    </message>
    <message>
      <source>Show the training setup, controls and curves</source>
      <translation>显示训练设置、控制按钮和曲线</translation>
    </message>
    <message>
      <source>&amp;Start Training</source>
      <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Pause</source>
      <translation>暂停(&amp;P)</translation>
    </message>
    <message>
      <source>Pause after the current batch, or resume</source>
      <translation>在当前批次结束后暂停，或继续</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>停止(&amp;T)</translation>
    </message>
    <message>
      <source>Stop after the current batch (Continue goes on exactly there)</source>
      <translation>在当前批次结束后停止（“继续训练”会从停下的位置接着训练）</translation>
    </message>
    <message>
      <source>&amp;Restart from Fresh Weights</source>
      <translation>从新的权重重新开始(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Evaluate</source>
      <translation>评估(&amp;E)</translation>
    </message>
    <message>
      <source>Export Curves as P&amp;NG…</source>
      <translation>将曲线导出为 P&amp;NG…</translation>
    </message>
    <message>
      <source>Export Curves as &amp;CSV…</source>
      <translation>将曲线导出为 &amp;CSV…</translation>
    </message>
    <message>
      <source>dlstudio — live views</source>
      <translation>dlstudio — 实时视图</translation>
    </message>
    <message>
      <source>the network is training — stop the run (or let it finish) to edit it</source>
      <translation>网络正在训练 — 停止训练（或等待训练结束）后才能编辑</translation>
    </message>
    <message>
      <source>the data are still loading</source>
      <translation>数据仍在加载</translation>
    </message>
    <message>
      <source>choose the data to train on</source>
      <translation>请选择用于训练的数据</translation>
    </message>
    <message>
      <source>the learning rate must be a number, got {value}</source>
      <translation>学习率必须是数字，当前为 {value}</translation>
    </message>
    <message>
      <source>Training starts once the data have loaded</source>
      <translation>数据加载完成后开始训练</translation>
    </message>
    <message>
      <source>Cannot start: {problem}</source>
      <translation>无法开始：{problem}</translation>
    </message>
    <message>
      <source>Start again?</source>
      <translation>重新开始？</translation>
    </message>
    <message>
      <source>The weights trained so far are not saved. Start again from fresh weights anyway? (Their curves stay in the plot.)</source>
      <translation>目前训练得到的权重尚未保存。仍要从新的权重重新开始吗？（它们的曲线会保留在图中。）</translation>
    </message>
    <message>
      <source>Nothing to continue: the network has no trained weights that fit it</source>
      <translation>无法继续：网络没有与之匹配的已训练权重</translation>
    </message>
    <message>
      <source>This model was trained with {trained}; continuing keeps its optimizer state. Choose {trained} to continue, or press Restart to train from fresh weights with {optimizer}.</source>
      <translation>此模型是用 {trained} 训练的；继续训练会沿用其优化器状态。请选择 {trained} 以继续，或按“重新开始”用 {optimizer} 从新的权重训练。</translation>
    </message>
    <message>
      <source>Training is running</source>
      <translation>正在训练</translation>
    </message>
    <message>
      <source>Stop the training run? What it has learned so far is kept, and you can save it next.</source>
      <translation>停止这次训练？目前学到的内容会保留，随后可以保存。</translation>
    </message>
    <message>
      <source>Could not compute the view: {error}</source>
      <translation>无法计算该视图：{error}</translation>
    </message>
    <message>
      <source>Training stopped</source>
      <translation>训练已停止</translation>
    </message>
    <message>
      <source>Cannot train</source>
      <translation>无法训练</translation>
    </message>
    <message>
      <source>Training — the network is locked until the run stops</source>
      <translation>正在训练 — 训练停止前网络被锁定</translation>
    </message>
    <message>
      <source>cannot load {spec}: {error}</source>
      <translation>无法加载 {spec}：{error}</translation>
    </message>
    <message>
      <source>Downloading {name}… {progress}</source>
      <translation>正在下载 {name}… {progress}</translation>
    </message>
    <message>
      <source>No data loaded</source>
      <translation>未加载数据</translation>
    </message>
    <message>
      <source>images</source>
      <translation>图像</translation>
    </message>
    <message>
      <source>sequences (steps×features)</source>
      <translation>序列（时间步×特征）</translation>
    </message>
    <message>
      <source>vectors</source>
      <translation>向量</translation>
    </message>
    <message>
      <source>samples</source>
      <translation>样本</translation>
    </message>
    <message>
      <source>{count} classes</source>
      <translation>{count} 个类别</translation>
    </message>
    <message>
      <source>regression, targets {shape}</source>
      <translation>回归，目标 {shape}</translation>
    </message>
    <message>
      <source>scalar</source>
      <translation>标量</translation>
    </message>
    <message>
      <source>&lt;b&gt;{name}&lt;/b&gt; · {count} samples of {shape} ({kind}) · {what}&lt;br&gt;training {train} · validation {val}</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt; · {count} 个 {shape} 样本（{kind}）· {what}&lt;br&gt;训练集 {train} · 验证集 {val}</translation>
    </message>
    <message>
      <source>{count} samples</source>
      <translation>{count} 个样本</translation>
    </message>
    <message>
      <source>points by class</source>
      <translation>按类别着色的点</translation>
    </message>
    <message>
      <source>{count} sequences (feature 0)</source>
      <translation>{count} 条序列（特征 0）</translation>
    </message>
    <message>
      <source>feature values</source>
      <translation>特征值</translation>
    </message>
    <message>
      <source>class balance · balanced</source>
      <translation>类别分布 · 均衡</translation>
    </message>
    <message>
      <source>class balance · imbalanced ({spread}× between classes)</source>
      <translation>类别分布 · 不均衡（类别间相差 {spread} 倍）</translation>
    </message>
    <message>
      <source>targets</source>
      <translation>目标值</translation>
    </message>
    <message>
      <source>Draw with the left mouse button, erase with the right one</source>
      <translation>按住鼠标左键绘制，右键擦除</translation>
    </message>
    <message>
      <source>draw here</source>
      <translation>在此绘制</translation>
    </message>
    <message>
      <source>Evaluate</source>
      <translation>评估</translation>
    </message>
    <message>
      <source>Run the validation set through the network now</source>
      <translation>立即用验证集评估网络</translation>
    </message>
    <message>
      <source>After every epoch</source>
      <translation>每轮次后</translation>
    </message>
    <message>
      <source>Evaluate again after each epoch while training</source>
      <translation>训练时每个轮次结束后重新评估</translation>
    </message>
    <message>
      <source>Evaluate the network to see where it goes wrong.</source>
      <translation>评估网络，看看它在哪里出错。</translation>
    </message>
    <message>
      <source>The validation samples the network got wrong with the highest confidence</source>
      <translation>网络以最高置信度判错的验证样本</translation>
    </message>
    <message>
      <source>Most confidently wrong</source>
      <translation>最自信的错误</translation>
    </message>
    <message>
      <source>Cannot evaluate: {problem}</source>
      <translation>无法评估：{problem}</translation>
    </message>
    <message>
      <source>Evaluating…</source>
      <translation>正在评估…</translation>
    </message>
    <message>
      <source>validation set ({samples} samples) · loss {loss}</source>
      <translation>验证集（{samples} 个样本）· 损失 {loss}</translation>
    </message>
    <message>
      <source>training set ({samples} samples) · loss {loss}</source>
      <translation>训练集（{samples} 个样本）· 损失 {loss}</translation>
    </message>
    <message>
      <source>accuracy {accuracy} %</source>
      <translation>准确率 {accuracy} %</translation>
    </message>
    <message>
      <source>predicted</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>true</source>
      <translation>真实</translation>
    </message>
    <message>
      <source>true class {true}, predicted {predicted} with {confidence} % confidence</source>
      <translation>真实类别 {true}，预测为 {predicted}，置信度 {confidence} %</translation>
    </message>
    <message>
      <source>none wrong</source>
      <translation>没有错误</translation>
    </message>
    <message>
      <source>mean absolute error {mae}</source>
      <translation>平均绝对误差 {mae}</translation>
    </message>
    <message>
      <source>Largest errors</source>
      <translation>误差最大的样本</translation>
    </message>
    <message>
      <source>The validation samples with the largest mean absolute error</source>
      <translation>平均绝对误差最大的验证样本</translation>
    </message>
    <message>
      <source>#{index}
true {true}
pred {predicted}</source>
      <translation>#{index}
真实 {true}
预测 {predicted}</translation>
    </message>
    <message>
      <source>validation sample {index}: target {target}, predicted {predicted}</source>
      <translation>验证样本 {index}：目标 {target}，预测 {predicted}</translation>
    </message>
    <message>
      <source>Accuracy per class</source>
      <translation>各类别准确率</translation>
    </message>
    <message>
      <source>Predicted against true (first output)</source>
      <translation>预测值与真实值（第一个输出）</translation>
    </message>
    <message>
      <source>Confusion matrix (rows: true class)</source>
      <translation>混淆矩阵（行：真实类别）</translation>
    </message>
    <message>
      <source>Errors: predicted − true (first output)</source>
      <translation>误差：预测值 − 真实值（第一个输出）</translation>
    </message>
    <message>
      <source>The layer whose output channels are shown</source>
      <translation>显示其输出通道的层</translation>
    </message>
    <message>
      <source>Per channel: each channel uses the whole colour range.
Shared: one range for all channels, so weak channels look weak.</source>
      <translation>逐通道：每个通道使用完整的色彩范围。
共享：所有通道使用同一范围，较弱的通道看起来也较弱。</translation>
    </message>
    <message>
      <source>Per channel</source>
      <translation>逐通道</translation>
    </message>
    <message>
      <source>Shared</source>
      <translation>共享</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>卷积核</translation>
    </message>
    <message>
      <source>Show the conv filters (kernels) behind these channels</source>
      <translation>显示产生这些通道的卷积核</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>层</translation>
    </message>
    <message>
      <source>Input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>input channel {index}</source>
      <translation>输入通道 {index}</translation>
    </message>
    <message>
      <source>Feature maps</source>
      <translation>特征图</translation>
    </message>
    <message>
      <source>filter {index}</source>
      <translation>卷积核 {index}</translation>
    </message>
    <message>
      <source>Start training (or Evaluate) to see the feature maps of a conv layer</source>
      <translation>开始训练（或评估）以查看卷积层的特征图</translation>
    </message>
    <message>
      <source>This network has no conv or pool layers: no feature maps to show</source>
      <translation>此网络没有卷积层或池化层：没有可显示的特征图</translation>
    </message>
    <message>
      <source>{layer}: {channels} channels of {height}×{width}</source>
      <translation>{layer}：{channels} 个 {height}×{width} 通道</translation>
    </message>
    <message>
      <source>filter {filter} · input channel {channel}</source>
      <translation>卷积核 {filter} · 输入通道 {channel}</translation>
    </message>
    <message>
      <source>{layer} filters: {filters}×{channels} of {height}×{width} (first shown)</source>
      <translation>{layer} 卷积核：{filters}×{channels} 个 {height}×{width}（仅显示前面部分）</translation>
    </message>
    <message>
      <source>{layer} filters: {filters}×{channels} of {height}×{width}</source>
      <translation>{layer} 卷积核：{filters}×{channels} 个 {height}×{width}</translation>
    </message>
    <message>
      <source>no conv filters
behind this layer</source>
      <translation>此层之前
没有卷积核</translation>
    </message>
    <message>
      <source>input x</source>
      <translation>输入 x</translation>
    </message>
    <message>
      <source>input gate i</source>
      <translation>输入门 i</translation>
    </message>
    <message>
      <source>forget gate f</source>
      <translation>遗忘门 f</translation>
    </message>
    <message>
      <source>output gate o</source>
      <translation>输出门 o</translation>
    </message>
    <message>
      <source>candidate g</source>
      <translation>候选值 g</translation>
    </message>
    <message>
      <source>cell state c</source>
      <translation>细胞状态 c</translation>
    </message>
    <message>
      <source>hidden state h</source>
      <translation>隐藏状态 h</translation>
    </message>
    <message>
      <source>pre-activation z</source>
      <translation>激活前 z</translation>
    </message>
    <message>
      <source>input gate</source>
      <translation>输入门</translation>
    </message>
    <message>
      <source>forget gate</source>
      <translation>遗忘门</translation>
    </message>
    <message>
      <source>output gate</source>
      <translation>输出门</translation>
    </message>
    <message>
      <source>cell state</source>
      <translation>细胞状态</translation>
    </message>
    <message>
      <source>hidden state</source>
      <translation>隐藏状态</translation>
    </message>
    <message>
      <source>pre-activation</source>
      <translation>激活前</translation>
    </message>
    <message>
      <source>Time runs left to right, one row per unit.&lt;br&gt;Gates i, f, o: dark = closed (0), yellow = open (1).&lt;br&gt;g, c, h: blue below 0, red above, white 0.&lt;br&gt;f near 1 keeps the cell state c; i lets g in;&lt;br&gt;o lets tanh(c) out as h.</source>
      <translation>时间从左到右，每行一个单元。&lt;br&gt;门 i、f、o：深色 = 关闭 (0)，黄色 = 打开 (1)。&lt;br&gt;g、c、h：蓝色小于 0，红色大于 0，白色为 0。&lt;br&gt;f 接近 1 时保留细胞状态 c；i 让 g 进入；&lt;br&gt;o 让 tanh(c) 作为 h 输出。</translation>
    </message>
    <message>
      <source>Start training to see the gates and states of an LSTM or RNN layer.</source>
      <translation>开始训练以查看 LSTM 或 RNN 层的门和状态。</translation>
    </message>
    <message>
      <source>The recurrent layer to look inside</source>
      <translation>要查看内部的循环层</translation>
    </message>
    <message>
      <source>Units drawn as lines, e.g. 0, 3, 5-7 (at most 8)</source>
      <translation>以曲线显示的单元，例如 0, 3, 5-7（最多 8 个）</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>单元</translation>
    </message>
    <message>
      <source>This network has no LSTM or RNN layer.
Build one (e.g. Input 28×28 → LSTM → Dense) and train it on sequences such as digits-seq or adding.</source>
      <translation>此网络没有 LSTM 或 RNN 层。
请搭建一个（例如 Input 28×28 → LSTM → Dense），并用 digits-seq 或 adding 等序列数据训练。</translation>
    </message>
    <message>
      <source>time step</source>
      <translation>时间步</translation>
    </message>
    <message>
      <source>unit {index}</source>
      <translation>单元 {index}</translation>
    </message>
    <message>
      <source>Classification: softmax over the outputs, then −log of the true class's probability. The usual choice; a final Softmax layer is absorbed.</source>
      <translation>分类：对输出做 softmax，再取真实类别概率的 −log。最常用的选择；末尾的 Softmax 层会被合并。</translation>
    </message>
    <message>
      <source>Negative log-likelihood of the true class: expects probabilities, so end the network with Softmax.</source>
      <translation>真实类别的负对数似然损失：输入应为概率，因此网络需以 Softmax 结尾。</translation>
    </message>
    <message>
      <source>Logistic loss for two classes (one output with Sigmoid) or several yes/no labels.</source>
      <translation>Logistic 损失，用于二分类（一个带 Sigmoid 的输出）或多个是/否标签。</translation>
    </message>
    <message>
      <source>The SVM loss max(0, 1 − y·out) with y = ±1: only samples inside the margin count.</source>
      <translation>SVM 的 Hinge 损失 max(0, 1 − y·out)，y = ±1：只有间隔内的样本计入。</translation>
    </message>
    <message>
      <source>AdaBoost's exp(−y·out): punishes confident mistakes very hard.</source>
      <translation>AdaBoost 的指数损失 exp(−y·out)：对自信的错误惩罚极重。</translation>
    </message>
    <message>
      <source>Mean squared error: regression (class labels are one-hot encoded, so it also classifies).</source>
      <translation>均方误差：用于回归（类别标签会做独热编码，因此也可用于分类）。</translation>
    </message>
    <message>
      <source>Mean absolute error: regression, less sensitive to outliers than MSE.</source>
      <translation>平均绝对误差：用于回归，对异常值不如 MSE 敏感。</translation>
    </message>
    <message>
      <source>Mean squared error of log(1 + value): regression on positive targets spanning magnitudes.</source>
      <translation>均方对数误差，即 log(1 + 值) 的均方误差：用于跨越多个数量级的正目标值回归。</translation>
    </message>
    <message>
      <source>Mean absolute percentage error: the error relative to the target (targets far from 0).</source>
      <translation>平均绝对百分比误差：相对于目标值的误差（目标值应远离 0）。</translation>
    </message>
    <message>
      <source>Huber loss: squared near 0, absolute further out — robust regression.</source>
      <translation>Huber（Smooth L1）损失：在 0 附近为平方，远处为绝对值 — 稳健回归。</translation>
    </message>
    <message>
      <source>Plain gradient descent: step against the gradient, scaled by the learning rate (optionally with momentum).</source>
      <translation>普通梯度下降：沿梯度反方向前进，步长由学习率缩放（可选动量）。</translation>
    </message>
    <message>
      <source>SGD that keeps a running velocity (0.9 of the last step plus the new gradient): faster along ravines, calmer across them.</source>
      <translation>带速度项的 SGD（上一步的 0.9 倍加上新梯度）：沿沟谷方向更快，横跨沟谷时更平稳。</translation>
    </message>
    <message>
      <source>Per-weight step sizes that shrink with the sum of that weight's squared gradients: good for sparse features, can stall later.</source>
      <translation>每个权重有自己的步长，随该权重梯度平方和的累积而缩小：适合稀疏特征，后期可能停滞。</translation>
    </message>
    <message>
      <source>Adagrad without the ever-shrinking steps: running averages of squared gradients and updates set the step (lr 1.0 is normal).</source>
      <translation>不会持续缩小步长的 Adagrad：由梯度平方和更新量的滑动平均决定步长（lr 通常为 1.0）。</translation>
    </message>
    <message>
      <source>Divides each step by a running RMS of that weight's gradients.</source>
      <translation>每一步除以该权重梯度的滑动均方根。</translation>
    </message>
    <message>
      <source>Momentum plus RMSprop, bias-corrected. A robust default (lr 0.001).</source>
      <translation>动量加 RMSprop，带偏差修正。稳健的默认选择（lr 0.001）。</translation>
    </message>
    <message>
      <source>Learning rate: how far each step goes. Too high diverges (NaN), too low crawls.</source>
      <translation>学习率：每一步走多远。过高会发散 (NaN)，过低则进展缓慢。</translation>
    </message>
    <message>
      <source>Fraction of the previous step carried into the next (0 = none, 0.9 typical).</source>
      <translation>上一步带入下一步的比例（0 = 不带入，通常为 0.9）。</translation>
    </message>
    <message>
      <source>Look ahead along the velocity before taking the gradient (needs momentum &gt; 0).</source>
      <translation>先沿速度方向前瞻再计算梯度（需要动量 &gt; 0）。</translation>
    </message>
    <message>
      <source>Decay of the running averages (closer to 1 = longer memory).</source>
      <translation>滑动平均的衰减率（越接近 1，记忆越长）。</translation>
    </message>
    <message>
      <source>Decay of the running mean of gradients (first moment).</source>
      <translation>梯度滑动平均的衰减率（一阶矩）。</translation>
    </message>
    <message>
      <source>Decay of the running mean of squared gradients (second moment).</source>
      <translation>梯度平方滑动平均的衰减率（二阶矩）。</translation>
    </message>
    <message>
      <source>A small number added to the denominator so steps stay finite.</source>
      <translation>加到分母上的小数，使步长保持有限。</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <source>Momentum</source>
      <translation>动量</translation>
    </message>
    <message>
      <source>Nesterov</source>
      <translation>Nesterov 动量</translation>
    </message>
    <message>
      <source>ρ (decay)</source>
      <translation>ρ（衰减率）</translation>
    </message>
    <message>
      <source>Stochastic gradient descent: one sample per step. Many noisy steps; slow per epoch on a CPU.</source>
      <translation>随机梯度下降：每步一个样本。步数多、噪声大；在 CPU 上每轮次较慢。</translation>
    </message>
    <message>
      <source>Mini-batch gradient descent: a batch of samples per step — the usual compromise. Powers of two (16, 32, 64 …) are customary.</source>
      <translation>小批量梯度下降：每步一批样本 — 常用的折中方案。通常取 2 的幂（16、32、64 …）。</translation>
    </message>
    <message>
      <source>Batch gradient descent: the whole training set per step. Smooth, exact gradients; one step per epoch.</source>
      <translation>批量梯度下降：每步使用整个训练集。梯度平滑而精确；每轮次只走一步。</translation>
    </message>
    <message>
      <source>Scale all gradients down together when their combined L2 norm exceeds this value: keeps one bad batch from throwing the weights far off (useful for RNNs and high learning rates).</source>
      <translation>当所有梯度的总 L2 范数超过此值时，将它们一起按比例缩小：防止一个坏批次把权重推得太远（适用于 RNN 和较高的学习率）。</translation>
    </message>
    <message>
      <source>Fraction of the data held back to measure how well the network generalises (never trained on).</source>
      <translation>留出的数据比例，用于衡量网络的泛化能力（从不用于训练）。</translation>
    </message>
    <message>
      <source>Seeds the initial weights, the shuffling and the split: the same seed repeats a run exactly.</source>
      <translation>初始权重、打乱顺序和数据划分的随机种子：相同的种子可完全重现一次训练。</translation>
    </message>
    <message>
      <source>How many passes over the training set to run (a continued run counts on).</source>
      <translation>遍历训练集的次数（继续训练时接着计数）。</translation>
    </message>
    <message>
      <source>Gates</source>
      <translation>门</translation>
    </message>
    <message>
      <source>Weights</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Regions</source>
      <translation>决策区域</translation>
    </message>
    <message>
      <source>Evaluation</source>
      <translation>评估</translation>
    </message>
    <message>
      <source>Predict</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>{network} · {optimizer} lr {lr} · {mode} {batch}</source>
      <translation>{network} · {optimizer} 学习率 {lr} · {mode} {batch}</translation>
    </message>
    <message>
      <source>The training engine: {engine}</source>
      <translation>训练引擎：{engine}</translation>
    </message>
    <message>
      <source>Finished · 1 epoch</source>
      <translation>已完成 · 1 个轮次</translation>
    </message>
    <message>
      <source>Stopped · 1 epoch</source>
      <translation>已停止 · 1 个轮次</translation>
    </message>
    <message>
      <source>Finished · {epochs} epochs</source>
      <translation>已完成 · {epochs} 个轮次</translation>
    </message>
    <message>
      <source>Stopped · {epochs} epochs</source>
      <translation>已停止 · {epochs} 个轮次</translation>
    </message>
    <message>
      <source>val accuracy {accuracy} %</source>
      <translation>验证准确率 {accuracy} %</translation>
    </message>
    <message>
      <source>{rate} samples/s</source>
      <translation>{rate} 样本/秒</translation>
    </message>
    <message>
      <source>Engine: idle</source>
      <translation>引擎：空闲</translation>
    </message>
    <message>
      <source>Stopped: {message}</source>
      <translation>已停止：{message}</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <source>Engine: preparing</source>
      <translation>引擎：准备中</translation>
    </message>
    <message>
      <source>Engine: compiling kernels</source>
      <translation>引擎：正在编译计算核</translation>
    </message>
    <message>
      <source>Engine: paused</source>
      <translation>引擎：已暂停</translation>
    </message>
    <message>
      <source>Engine: training</source>
      <translation>引擎：训练中</translation>
    </message>
    <message>
      <source>{name} (history)</source>
      <translation>{name}（历史）</translation>
    </message>
    <message>
      <source>Ready: {params} parameters · {steps} steps per epoch of {batch} samples</source>
      <translation>就绪：{params} 个参数 · 每轮次 {steps} 步，每步 {batch} 个样本</translation>
    </message>
    <message>
      <source>⚠ {problem}</source>
      <translation>⚠ {problem}</translation>
    </message>
    <message>
      <source>&amp;Continue Training</source>
      <translation>继续训练(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Fine-tune</source>
      <translation>微调(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Resume</source>
      <translation>继续(&amp;R)</translation>
    </message>
    <message>
      <source>channel {index}</source>
      <translation>通道 {index}</translation>
    </message>
    <message>
      <source>{cell} · row {row}, col {col} · {value}</source>
      <translation>{cell} · 第 {row} 行，第 {col} 列 · {value}</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <source>Restart</source>
      <translation>重新开始</translation>
    </message>
    <message>
      <source>Train the network (Space on the canvas)</source>
      <translation>训练网络（在画布上按空格键）</translation>
    </message>
    <message>
      <source>Pause after the current batch; the paused run can be inspected and saved (Space on the canvas)</source>
      <translation>在当前批次结束后暂停；暂停的训练可以查看和保存（在画布上按空格键）</translation>
    </message>
    <message>
      <source>Stop after the current batch; Continue picks up exactly there</source>
      <translation>在当前批次结束后停止；“继续训练”会从停下的位置接着训练</translation>
    </message>
    <message>
      <source>Train again from fresh weights (the earlier run's curves stay, faded)</source>
      <translation>从新的权重重新训练（之前训练的曲线会淡化保留）</translation>
    </message>
    <message>
      <source>Setup</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Curves</source>
      <translation>曲线</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续训练</translation>
    </message>
    <message>
      <source>Continue training this model: same optimizer state, epochs counted on (Space)</source>
      <translation>继续训练此模型：沿用优化器状态，轮次接着计数（空格键）</translation>
    </message>
    <message>
      <source>Fine-tune</source>
      <translation>微调</translation>
    </message>
    <message>
      <source>Train on from the imported weights, with a fresh optimizer (Space)</source>
      <translation>从导入的权重接着训练，优化器重新开始（空格键）</translation>
    </message>
    <message>
      <source>Train the network from fresh weights (Space)</source>
      <translation>从新的权重训练网络（空格键）</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>{progress} · paused</source>
      <translation>{progress} · 已暂停</translation>
    </message>
    <message>
      <source>Epoch {epoch} / {epochs} · %p%</source>
      <translation>轮次 {epoch} / {epochs} · %p%</translation>
    </message>
    <message>
      <source>batch {batch} / {batches} · {rate} samples/s · ETA {eta} · elapsed {elapsed} · loss {loss}</source>
      <translation>批次 {batch} / {batches} · {rate} 样本/秒 · 剩余 {eta} · 已用 {elapsed} · 损失 {loss}</translation>
    </message>
    <message>
      <source>Log scale</source>
      <translation>对数坐标</translation>
    </message>
    <message>
      <source>Show losses on a logarithmic axis</source>
      <translation>在对数坐标轴上显示损失</translation>
    </message>
    <message>
      <source>smoothing </source>
      <translation>平滑 </translation>
    </message>
    <message>
      <source>Weight of the past in the smoothed batch loss (0 = raw, 0.99 = very smooth)</source>
      <translation>平滑后的批次损失中历史值的权重（0 = 原始值，0.99 = 非常平滑）</translation>
    </message>
    <message>
      <source>Earlier runs</source>
      <translation>之前的训练</translation>
    </message>
    <message>
      <source>Show or hide the curves of earlier runs of this session</source>
      <translation>显示或隐藏本次会话中之前训练的曲线</translation>
    </message>
    <message>
      <source>PNG…</source>
      <translation>PNG…</translation>
    </message>
    <message>
      <source>Save the curves as a picture</source>
      <translation>将曲线保存为图片</translation>
    </message>
    <message>
      <source>CSV…</source>
      <translation>CSV…</translation>
    </message>
    <message>
      <source>Save every run's per-batch and per-epoch numbers</source>
      <translation>保存每次训练的逐批次和逐轮次数值</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>Start training to see the loss fall</source>
      <translation>开始训练，观察损失下降</translation>
    </message>
    <message>
      <source>current run</source>
      <translation>当前训练</translation>
    </message>
    <message>
      <source>train</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>validation</source>
      <translation>验证</translation>
    </message>
    <message>
      <source>Earlier runs ({count})</source>
      <translation>之前的训练（{count}）</translation>
    </message>
    <message>
      <source>No earlier runs in this session</source>
      <translation>本次会话中没有之前的训练</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>全部显示</translation>
    </message>
    <message>
      <source>Hide all</source>
      <translation>全部隐藏</translation>
    </message>
    <message>
      <source>Forget earlier runs</source>
      <translation>清除之前的训练</translation>
    </message>
    <message>
      <source>Mean absolute error</source>
      <translation>平均绝对误差</translation>
    </message>
    <message>
      <source>Accuracy</source>
      <translation>准确率</translation>
    </message>
    <message>
      <source>Loss per batch (raw and smoothed)</source>
      <translation>每批次损失（原始值与平滑值）</translation>
    </message>
    <message>
      <source>Loss per epoch</source>
      <translation>每轮次损失</translation>
    </message>
    <message>
      <source>Save curves as PNG</source>
      <translation>将曲线保存为 PNG</translation>
    </message>
    <message>
      <source>PNG image</source>
      <translation>PNG 图像</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <source>Cannot write {path}</source>
      <translation>无法写入 {path}</translation>
    </message>
    <message>
      <source>Save curves as CSV</source>
      <translation>将曲线保存为 CSV</translation>
    </message>
    <message>
      <source>CSV file</source>
      <translation>CSV 文件</translation>
    </message>
    <message>
      <source>Cannot write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <source>A sample of the data</source>
      <translation>数据中的一个样本</translation>
    </message>
    <message>
      <source>My drawing</source>
      <translation>我的绘图</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <source>Ink</source>
      <translation>墨水</translation>
    </message>
    <message>
      <source>The colour to draw with</source>
      <translation>绘图所用的颜色</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>画纸</translation>
    </message>
    <message>
      <source>The background colour (starts a new drawing)</source>
      <translation>背景颜色（会开始一张新的绘图）</translation>
    </message>
    <message>
      <source>The layer whose feature maps are shown for this input</source>
      <translation>显示此输入在哪一层的特征图</translation>
    </message>
    <message>
      <source>Feature maps for this input</source>
      <translation>此输入的特征图</translation>
    </message>
    <message>
      <source>Cannot predict: {problem}</source>
      <translation>无法预测：{problem}</translation>
    </message>
    <message>
      <source>Drawing works for networks that take images of one or three channels</source>
      <translation>绘图仅适用于输入为单通道或三通道图像的网络</translation>
    </message>
    <message>
      <source>This sample over time (the first {shown} of {features} features)</source>
      <translation>此样本随时间的变化（{features} 个特征中的前 {shown} 个）</translation>
    </message>
    <message>
      <source>This sample over time</source>
      <translation>此样本随时间的变化</translation>
    </message>
    <message>
      <source>Class probabilities</source>
      <translation>类别概率</translation>
    </message>
    <message>
      <source>output {values}</source>
      <translation>输出 {values}</translation>
    </message>
    <message>
      <source>target {values}</source>
      <translation>目标 {values}</translation>
    </message>
    <message>
      <source>output {index}</source>
      <translation>输出 {index}</translation>
    </message>
    <message>
      <source>output</source>
      <translation>输出</translation>
    </message>
    <message>
      <source>Outputs (bars) and the sample's target (◇)</source>
      <translation>输出（柱形）与样本的目标值（◇）</translation>
    </message>
    <message>
      <source>Train a network on 2-D points to see its decision regions</source>
      <translation>在二维点数据上训练网络，查看其决策区域</translation>
    </message>
    <message>
      <source>Decision regions are drawn for data of 2-D points (spirals, circles, xor …)</source>
      <translation>决策区域仅针对二维点数据绘制（spirals、circles、xor …）</translation>
    </message>
    <message>
      <source>Colour: the network's output</source>
      <translation>颜色：网络的输出</translation>
    </message>
    <message>
      <source>Hidden units ({layers}), each over the same plane: blue below 0, red above, each on its own scale.</source>
      <translation>隐藏单元（{layers}），均在同一平面上：蓝色小于 0，红色大于 0，各自使用独立的色标。</translation>
    </message>
    <message>
      <source>Which sample of the data set to look at</source>
      <translation>要查看数据集中的哪个样本</translation>
    </message>
    <message>
      <source>A random sample</source>
      <translation>随机样本</translation>
    </message>
    <message>
      <source>Sample</source>
      <translation>样本</translation>
    </message>
    <message>
      <source>class {name}</source>
      <translation>类别 {name}</translation>
    </message>
    <message>
      <source>NumPy arrays</source>
      <translation>NumPy 数组</translation>
    </message>
    <message>
      <source>CSV table</source>
      <translation>CSV 表格</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>idx files</source>
      <translation>idx 文件</translation>
    </message>
    <message>
      <source>All files</source>
      <translation>所有文件</translation>
    </message>
    <message>
      <source>Loading {spec}…</source>
      <translation>正在加载 {spec}…</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <source>The data source as text, e.g. digits:28, spirals?n=600, csv:/path/file.csv</source>
      <translation>以文本表示的数据源，例如 digits:28、spirals?n=600、csv:/path/file.csv</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>数据源</translation>
    </message>
    <message>
      <source>As text</source>
      <translation>文本形式</translation>
    </message>
    <message>
      <source>Validation split</source>
      <translation>验证集比例</translation>
    </message>
    <message>
      <source>Loss and optimizer</source>
      <translation>损失函数与优化器</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>损失函数</translation>
    </message>
    <message>
      <source>Optimizer</source>
      <translation>优化器</translation>
    </message>
    <message>
      <source>Clip gradients to norm</source>
      <translation>按范数裁剪梯度</translation>
    </message>
    <message>
      <source>Batches and epochs</source>
      <translation>批次与轮次</translation>
    </message>
    <message>
      <source>SGD (1)</source>
      <translation>SGD (1)</translation>
    </message>
    <message>
      <source>Mini-batch</source>
      <translation>小批量</translation>
    </message>
    <message>
      <source>Full batch</source>
      <translation>全批量</translation>
    </message>
    <message>
      <source>Samples per step (powers of two are customary)</source>
      <translation>每步的样本数（通常取 2 的幂）</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>批大小</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <source>Explain in the Lab</source>
      <translation>在实验室中讲解</translation>
    </message>
    <message>
      <source>{help}.</source>
      <translation>{help}。</translation>
    </message>
    <message>
      <source>Folder of images (one sub-folder per class)</source>
      <translation>图像文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
      <source>idx images file</source>
      <translation>idx 图像文件</translation>
    </message>
    <message>
      <source>idx labels file</source>
      <translation>idx 标签文件</translation>
    </message>
    <message>
      <source>{source} data</source>
      <translation>{source} 数据</translation>
    </message>
    <message>
      <source>Cannot start yet:</source>
      <translation>暂时无法开始：</translation>
    </message>
    <message>
      <source>kernel</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>recurrent_kernel</source>
      <translation>循环权重</translation>
    </message>
    <message>
      <source>bias</source>
      <translation>偏置</translation>
    </message>
    <message>
      <source>gamma</source>
      <translation>γ（缩放）</translation>
    </message>
    <message>
      <source>beta</source>
      <translation>β（平移）</translation>
    </message>
    <message>
      <source>The weight whose values and gradients are shown as histograms</source>
      <translation>以直方图显示其数值和梯度的权重</translation>
    </message>
    <message>
      <source>Biases too</source>
      <translation>包括偏置</translation>
    </message>
    <message>
      <source>Also draw the norms of biases and BatchNorm weights</source>
      <translation>同时绘制偏置和 BatchNorm 权重的范数</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Weight values</source>
      <translation>权重值</translation>
    </message>
    <message>
      <source>Gradient values (last batch)</source>
      <translation>梯度值（最近一个批次）</translation>
    </message>
    <message>
      <source>Weight norm ‖W‖ per layer</source>
      <translation>各层权重范数 ‖W‖</translation>
    </message>
    <message>
      <source>Gradient norm ‖∂L/∂W‖ per layer</source>
      <translation>各层梯度范数 ‖∂L/∂W‖</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>意外错误：{error}</translation>
    </message>
    <message>
      <source>Preparing the model and the data…</source>
      <translation>正在准备模型和数据…</translation>
    </message>
    <message>
      <source>Compiling kernels… (the first run only)</source>
      <translation>正在编译计算核…（仅首次运行）</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>已暂停</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>Numba {layer} threading layer, {threads} threads</source>
      <translation>Numba {layer} 线程层，{threads} 个线程</translation>
    </message>
    <message>
      <source>Numba, {threads} threads</source>
      <translation>Numba，{threads} 个线程</translation>
    </message>
  </context>
</TS>
