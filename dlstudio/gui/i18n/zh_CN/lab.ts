<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>{name}: α must be between {lo} and {hi}, got {value}</source>
      <translation>{name}：α 必须在 {lo} 与 {hi} 之间，实际为 {value}</translation>
    </message>
    <message>
      <source>softmax needs finite numbers</source>
      <translation>Softmax 需要有限的数值</translation>
    </message>
    <message>
      <source>the temperature must be a positive number, got {value}</source>
      <translation>温度必须是正数，实际为 {value}</translation>
    </message>
    <message>
      <source>z / T is too large for {dtype}; use smaller numbers or a larger T</source>
      <translation>z / T 超出了 {dtype} 的范围；请使用更小的数或更大的 T</translation>
    </message>
    <message>
      <source>[ch {channel}] {products}</source>
      <translation>[通道 {channel}] {products}</translation>
    </message>
    <message>
      <source>{terms} + bias {bias} = {value}</source>
      <translation>{terms} + 偏置 {bias} = {value}</translation>
    </message>
    <message>
      <source>(1 padding cell ignored)</source>
      <translation>（忽略 1 个填充单元）</translation>
    </message>
    <message>
      <source>({n} padding cells ignored)</source>
      <translation>（忽略 {n} 个填充单元）</translation>
    </message>
    <message>
      <source>the window lies wholly in the padding: 0</source>
      <translation>窗口完全落在填充区内：0</translation>
    </message>
    <message>
      <source>the input must be [C, H, W], got shape {shape}</source>
      <translation>输入必须是 [C, H, W]，实际形状为 {shape}</translation>
    </message>
    <message>
      <source>Conv2D needs a kernel and a bias</source>
      <translation>Conv2D 需要卷积核和偏置</translation>
    </message>
    <message>
      <source>the kernel must be [filters, {c}, {kh}, {kw}] and the bias [filters]; got {kernel} and {bias}</source>
      <translation>卷积核必须是 [卷积核数, {c}, {kh}, {kw}]，偏置必须是 [卷积核数]；实际为 {kernel} 和 {bias}</translation>
    </message>
    <message>
      <source>no output cell ({channel}, {row}, {col}); the output is {k}×{oh}×{ow}</source>
      <translation>没有输出单元 ({channel}, {row}, {col})；输出为 {k}×{oh}×{ow}</translation>
    </message>
    <message>
      <source>(no padding needed)</source>
      <translation>（无需填充）</translation>
    </message>
    <message>
      <source>(padding ({out} − 1)·{s} + {k} − {n} = {total}: {a} top, {b} bottom)</source>
      <translation>（填充 ({out} − 1)·{s} + {k} − {n} = {total}：上 {a}，下 {b}）</translation>
    </message>
    <message>
      <source>(padding ({out} − 1)·{s} + {k} − {n} = {total}: {a} left, {b} right)</source>
      <translation>（填充 ({out} − 1)·{s} + {k} − {n} = {total}：左 {a}，右 {b}）</translation>
    </message>
    <message>
      <source>params = {k}·({c}·{kh}·{kw}) + {k} = {params}    FLOPs = {k}·{oh}·{ow}·(2·{c}·{kh}·{kw} − 1) = {flops}   (bias adds not counted)</source>
      <translation>参数量 = {k}·({c}·{kh}·{kw}) + {k} = {params}    FLOPs = {k}·{oh}·{ow}·(2·{c}·{kh}·{kw} − 1) = {flops}   （不计偏置的加法）</translation>
    </message>
    <message>
      <source>params = {params}    FLOPs = {k}·{oh}·{ow}·({kh}·{kw} − 1) = {flops}   (comparisons per output)</source>
      <translation>参数量 = {params}    FLOPs = {k}·{oh}·{ow}·({kh}·{kw} − 1) = {flops}   （每个输出的比较次数）</translation>
    </message>
    <message>
      <source>params = {params}    FLOPs = {k}·{oh}·{ow}·({kh}·{kw}) = {flops}   (adds and one divide per output)</source>
      <translation>参数量 = {params}    FLOPs = {k}·{oh}·{ow}·({kh}·{kw}) = {flops}   （每个输出的加法与一次除法）</translation>
    </message>
    <message>
      <source>32×32×3 image → Conv2D(100, kernel 3, stride 1, same): output {h}×{w}×{c}; params 3·3·3·100 + 100 = {conv_params}; MACs {h}·{w}·{c}·27 = {macs}; FLOPs {h}·{w}·{c}·(2·27 − 1) = {flops}.   Dense 5 → 10: params 5·10 + 10 = {dense_params}.</source>
      <translation>32×32×3 图像 → Conv2D(100, 卷积核 3, 步长 1, 全零填充)：输出 {h}×{w}×{c}；参数量 3·3·3·100 + 100 = {conv_params}；MACs {h}·{w}·{c}·27 = {macs}；FLOPs {h}·{w}·{c}·(2·27 − 1) = {flops}。   Dense 5 → 10：参数量 5·10 + 10 = {dense_params}。</translation>
    </message>
    <message>
      <source>5×5×1 input, one 3×3 kernel, bias 1</source>
      <translation>5×5×1 输入，一个 3×3 卷积核，偏置 1</translation>
    </message>
    <message>
      <source>3 channels, one 3×3×3 kernel</source>
      <translation>3 通道，一个 3×3×3 卷积核</translation>
    </message>
    <message>
      <source>3 channels, two kernels (outputs stacked)</source>
      <translation>3 通道，两个卷积核（输出堆叠）</translation>
    </message>
    <message>
      <source>Max pooling 2×2, stride 2, same</source>
      <translation>最大池化 2×2，步长 2，全零填充</translation>
    </message>
    <message>
      <source>Average pooling 3×3, stride 2, same</source>
      <translation>平均池化 3×3，步长 2，全零填充</translation>
    </message>
    <message>
      <source>Regression: prediction ŷ</source>
      <translation>回归：预测值 ŷ</translation>
    </message>
    <message>
      <source>Classification: probability p</source>
      <translation>分类：概率 p</translation>
    </message>
    <message>
      <source>Classification: logit z</source>
      <translation>分类：对数几率 z</translation>
    </message>
    <message>
      <source>{name} is a classification loss; choose a classification task</source>
      <translation>{name} 是分类损失函数；请选择分类任务</translation>
    </message>
    <message>
      <source>msle compares log(1 + value): it needs a target &gt;= 0</source>
      <translation>msle 比较的是 log(1 + 值)：目标值必须 &gt;= 0</translation>
    </message>
    <message>
      <source>mape divides by the target: it needs a target other than 0</source>
      <translation>mape 要除以目标值：目标值不能为 0</translation>
    </message>
    <message>
      <source>{name} reads a logit (a raw score), not a probability; choose 'logit'</source>
      <translation>{name} 读取的是对数几率（原始得分），而不是概率；请选择“分类：对数几率 z”</translation>
    </message>
    <message>
      <source>mape divides by the target: with y = 0 it is not defined</source>
      <translation>mape 要除以目标值：y = 0 时没有定义</translation>
    </message>
    <message>
      <source>{name} compares values; on a classifier it reads the probability p</source>
      <translation>{name} 比较数值；用于分类器时读取概率 p</translation>
    </message>
    <message>
      <source>sigmoid + logistic</source>
      <translation>Sigmoid + Logistic 损失</translation>
    </message>
    <message>
      <source>sigmoid + MSE</source>
      <translation>Sigmoid + MSE</translation>
    </message>
    <message>
      <source>softmax + cross-entropy</source>
      <translation>Softmax + 交叉熵</translation>
    </message>
    <message>
      <source>softmax + MSE</source>
      <translation>Softmax + MSE</translation>
    </message>
    <message>
      <source>the sequence length must be between {lo} and {hi}, not {steps}</source>
      <translation>序列长度必须在 {lo} 与 {hi} 之间，而不是 {steps}</translation>
    </message>
    <message>
      <source>{ratio} of the last step's for the {network}</source>
      <translation>{network} 为最后一步的 {ratio}</translation>
    </message>
    <message>
      <source>{ratio} for the {network}</source>
      <translation>{network} 为 {ratio}</translation>
    </message>
    <message>
      <source>At t=1 the gradient is {first} and {second}.</source>
      <translation>在 t=1 处，梯度：{first}，{second}。</translation>
    </message>
    <message>
      <source>At t=1 the gradient is {parts}.</source>
      <translation>在 t=1 处，梯度：{parts}。</translation>
    </message>
    <message>
      <source>p ← p − lr·g. Across a ravine it bounces between the walls and creeps along the floor.</source>
      <translation>p ← p − lr·g。在峡谷中，它在两壁之间来回弹跳，沿谷底缓慢前进。</translation>
    </message>
    <message>
      <source>v ← μv + g, p ← p − lr·v. Speed builds where g keeps its direction; swings across the ravine cancel out.</source>
      <translation>v ← μv + g，p ← p − lr·v。在 g 方向保持不变的地方速度逐渐累积；横跨峡谷的摆动相互抵消。</translation>
    </message>
    <message>
      <source>momentum whose step uses g + μv: it looks ahead and brakes earlier.</source>
      <translation>动量的一种，更新步用 g + μv：先向前看一步，更早减速。</translation>
    </message>
    <message>
      <source>divides by √(Σg²), which only grows: the step shrinks, and may stop too early.</source>
      <translation>除以只增不减的 √(Σg²)：步长不断缩小，可能过早停下。</translation>
    </message>
    <message>
      <source>step √(E[Δ²]+ε) / √(E[g²]+ε)·g: quick at first, jittery near the minimum.</source>
      <translation>步长 √(E[Δ²]+ε) / √(E[g²]+ε)·g：起初很快，在最小值附近抖动。</translation>
    </message>
    <message>
      <source>divides by a running RMS of g (decay ρ): steep and flat directions take similar steps.</source>
      <translation>除以 g 的滑动均方根（衰减率 ρ）：陡峭方向与平坦方向的步长相近。</translation>
    </message>
    <message>
      <source>momentum (β1) plus RMSprop (β2), both bias-corrected.</source>
      <translation>动量（β1）加 RMSprop（β2），两者都做偏差修正。</translation>
    </message>
    <message>
      <source>Ravine (elongated quadratic)</source>
      <translation>峡谷（狭长的二次函数）</translation>
    </message>
    <message>
      <source>Steep across, shallow along: SGD zig-zags across, momentum builds speed along it.</source>
      <translation>横向陡峭、纵向平缓：SGD 横向来回折返，动量沿谷底逐渐加速。</translation>
    </message>
    <message>
      <source>Rosenbrock</source>
      <translation>罗森布罗克函数</translation>
    </message>
    <message>
      <source>Finding the curved valley is easy; following it to (1, 1) is slow.</source>
      <translation>找到弯曲的山谷很容易；沿着它走到 (1, 1) 却很慢。</translation>
    </message>
    <message>
      <source>Saddle</source>
      <translation>鞍点</translation>
    </message>
    <message>
      <source>Starting almost on the ridge: plain gradients barely push off the saddle at (0, 0).</source>
      <translation>起点几乎在山脊上：普通梯度几乎推不动 (0, 0) 处的鞍点。</translation>
    </message>
    <message>
      <source>Beale</source>
      <translation>比尔函数</translation>
    </message>
    <message>
      <source>Flat plateaus and steep walls: adaptive methods cope, plain SGD needs a tiny rate.</source>
      <translation>平坦的高原与陡峭的峭壁：自适应方法能够应对，普通 SGD 需要极小的学习率。</translation>
    </message>
    <message>
      <source>{weight}: a weight must be a finite number, got {value}</source>
      <translation>{weight}：权重必须是有限的数值，实际为 {value}</translation>
    </message>
    <message>
      <source>no trainable weight {name}</source>
      <translation>没有可训练的权重 {name}</translation>
    </message>
    <message>
      <source>{slot} has shape {shape}; index {index} is outside it</source>
      <translation>{slot} 的形状为 {shape}；索引 {index} 超出范围</translation>
    </message>
    <message>
      <source>the input must be {n} numbers, got {got}</source>
      <translation>输入必须是 {n} 个数，实际为 {got}</translation>
    </message>
    <message>
      <source>the target must be {n} numbers, got {got}</source>
      <translation>目标必须是 {n} 个数，实际为 {got}</translation>
    </message>
    <message>
      <source>the input must be finite numbers</source>
      <translation>输入必须是有限的数值</translation>
    </message>
    <message>
      <source>the target must be finite numbers</source>
      <translation>目标必须是有限的数值</translation>
    </message>
    <message>
      <source>the loss or a gradient is not a finite number (loss {value}): the input or a weight is too large</source>
      <translation>损失或某个梯度不是有限的数值（损失 {value}）：输入或某个权重过大</translation>
    </message>
    <message>
      <source>bias-corrected: m′ = m / (1 − β₁^{t}) = {m},  v′ = v / (1 − β₂^{t}) = {v}</source>
      <translation>偏差修正：m′ = m / (1 − β₁^{t}) = {m}，  v′ = v / (1 − β₂^{t}) = {v}</translation>
    </message>
    <message>
      <source>Activations</source>
      <translation>激活函数</translation>
    </message>
    <message>
      <source>Losses</source>
      <translation>损失函数</translation>
    </message>
    <message>
      <source>Optimizer playground</source>
      <translation>优化器演练场</translation>
    </message>
    <message>
      <source>Convolution and pooling</source>
      <translation>卷积与池化</translation>
    </message>
    <message>
      <source>One training step</source>
      <translation>一次训练迭代</translation>
    </message>
    <message>
      <source>The LSTM cell</source>
      <translation>LSTM 单元</translation>
    </message>
    <message>
      <source>Decision regions</source>
      <translation>决策区域</translation>
    </message>
    <message>
      <source>Experiments</source>
      <translation>实验</translation>
    </message>
    <message>
      <source>Leaky ReLU</source>
      <translation>LeakyReLU</translation>
    </message>
    <message>
      <source>Softmax (below)</source>
      <translation>Softmax（见下方）</translation>
    </message>
    <message>
      <source>everywhere</source>
      <translation>所有位置</translation>
    </message>
    <message>
      <source>nowhere</source>
      <translation>任何位置都不</translation>
    </message>
    <message>
      <source>A layer applies its activation f to every value; backpropagation multiplies the incoming gradient by f′(x). Where |f′| &amp;lt; 0.05 (shaded) the unit is &lt;i&gt;saturated&lt;/i&gt; and passes almost nothing back. σ(x) = 1/(1+e&lt;sup&gt;−x&lt;/sup&gt;), σ′ = σ(1−σ) ≤ ¼ · tanh′ = 1 − tanh² · ReLU′ = 1 for x &amp;gt; 0, else 0 · Leaky ReLU′ = α for x &amp;lt; 0 · ELU = α(e&lt;sup&gt;x&lt;/sup&gt;−1) for x ≤ 0. Softmax: p&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;i&lt;/sub&gt;/T&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;/T&lt;/sup&gt;. Each curve is the engine's own layer: forward, then backward with a gradient of 1.</source>
      <translation>层对每个值应用激活函数 f；反向传播时把传入的梯度乘以 f′(x)。在 |f′| &amp;lt; 0.05 的区域（阴影部分），神经元处于&lt;i&gt;饱和&lt;/i&gt;状态，几乎不向回传递梯度。σ(x) = 1/(1+e&lt;sup&gt;−x&lt;/sup&gt;)，σ′ = σ(1−σ) ≤ ¼ · tanh′ = 1 − tanh² · 当 x &amp;gt; 0 时 ReLU′ = 1，否则为 0 · 当 x &amp;lt; 0 时 LeakyReLU′ = α · 当 x ≤ 0 时 ELU = α(e&lt;sup&gt;x&lt;/sup&gt;−1)。Softmax：p&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;i&lt;/sub&gt;/T&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;/T&lt;/sup&gt;。每条曲线都来自引擎自身的层：先前向传播，再以梯度 1 反向传播。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Activations&lt;/b&gt; (tick to draw)</source>
      <translation>&lt;b&gt;激活函数&lt;/b&gt;（勾选以绘制）</translation>
    </message>
    <message>
      <source>Softmax with temperature T</source>
      <translation>带温度 T 的 Softmax</translation>
    </message>
    <message>
      <source>Stacking: gradient reaching each layer</source>
      <translation>堆叠：到达每一层的梯度</translation>
    </message>
    <message>
      <source>depth n</source>
      <translation>深度 n</translation>
    </message>
    <message>
      <source>seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <source>Input [{width}] → (Dense {width} → f) × n, initialised as the engine does (Glorot for σ and tanh, He for ReLU); one batch of {batch}, MSE loss, one backward pass. Plotted: ‖∂L/∂W‖ per Dense layer.</source>
      <translation>输入 [{width}] → (Dense {width} → f) × n，按引擎的方式初始化（σ 与 tanh 用 Glorot，ReLU 用 He）；一个大小为 {batch} 的小批量，MSE 损失，一次反向传播。图中为每个 Dense 层的 ‖∂L/∂W‖。</translation>
    </message>
    <message>
      <source>layer (1 = first)</source>
      <translation>层（1 = 第一层）</translation>
    </message>
    <message>
      <source>&lt;b&gt;{name}&lt;/b&gt; is saturated (|f′| &amp;lt; {threshold}) for {where} (shaded).</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt; 的饱和区（|f′| &amp;lt; {threshold}）：{where}（阴影部分）。</translation>
    </message>
    <message>
      <source>Softmax acts on a whole vector: see the panel below.</source>
      <translation>Softmax 作用于整个向量：见下方面板。</translation>
    </message>
    <message>
      <source>z{k}: {text} is not a number</source>
      <translation>z{k}：{text} 不是数字</translation>
    </message>
    <message>
      <source>type a number, e.g. 1.5</source>
      <translation>请输入数字，例如 1.5</translation>
    </message>
    <message>
      <source>{errors} — the bars show the last valid z.</source>
      <translation>{errors} —— 柱形显示的是最后一次有效的 z。</translation>
    </message>
    <message>
      <source>first ÷ last layer: {ratios}</source>
      <translation>第一层 ÷ 最后一层：{ratios}</translation>
    </message>
    <message>
      <source>valid</source>
      <translation>不填充</translation>
    </message>
    <message>
      <source>same</source>
      <translation>全零填充</translation>
    </message>
    <message>
      <source>explicit</source>
      <translation>自定义填充</translation>
    </message>
    <message>
      <source>A convolution slides a k×k window over the (padded) input: each output cell is &lt;b&gt;Σ x·w + b&lt;/b&gt; over the window and every input channel; one kernel gives one output channel. Output size: &lt;b&gt;valid&lt;/b&gt; ⌊(n − k) / s⌋ + 1, &lt;b&gt;same&lt;/b&gt; ⌈n / s⌉, explicit ⌊(n + p&lt;sub&gt;before&lt;/sub&gt; + p&lt;sub&gt;after&lt;/sub&gt; − k) / s⌋ + 1. Pooling takes each window's max or mean (padding never counts). Edit any cell; click an output cell to jump to it.</source>
      <translation>卷积让一个 k×k 的窗口在（填充后的）输入上滑动：每个输出单元是窗口内、所有输入通道上的 &lt;b&gt;Σ x·w + b&lt;/b&gt;；一个卷积核产生一个输出通道。输出尺寸：&lt;b&gt;不填充&lt;/b&gt; ⌊(n − k) / s⌋ + 1，&lt;b&gt;全零填充&lt;/b&gt; ⌈n / s⌉，自定义填充 ⌊(n + p&lt;sub&gt;前&lt;/sub&gt; + p&lt;sub&gt;后&lt;/sub&gt; − k) / s⌋ + 1。池化取每个窗口的最大值或平均值（填充从不计入）。可以编辑任意单元格；点击输出单元格可跳转到该位置。</translation>
    </message>
    <message>
      <source>Examples from the curriculum</source>
      <translation>课程中的示例</translation>
    </message>
    <message>
      <source>The engine layer that computes the output</source>
      <translation>计算输出的引擎层</translation>
    </message>
    <message>
      <source>input channels</source>
      <translation>输入通道数</translation>
    </message>
    <message>
      <source>input height</source>
      <translation>输入高度</translation>
    </message>
    <message>
      <source>input width</source>
      <translation>输入宽度</translation>
    </message>
    <message>
      <source>number of kernels = output channels</source>
      <translation>卷积核个数 = 输出通道数</translation>
    </message>
    <message>
      <source>Preset</source>
      <translation>预设</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>层</translation>
    </message>
    <message>
      <source>Input C×H×W</source>
      <translation>输入 C×H×W</translation>
    </message>
    <message>
      <source>Kernels</source>
      <translation>卷积核</translation>
    </message>
    <message>
      <source>window height</source>
      <translation>窗口高度</translation>
    </message>
    <message>
      <source>window width</source>
      <translation>窗口宽度</translation>
    </message>
    <message>
      <source>stride down</source>
      <translation>纵向步长</translation>
    </message>
    <message>
      <source>stride across</source>
      <translation>横向步长</translation>
    </message>
    <message>
      <source>valid: none; same: output ⌈n / s⌉; explicit: your numbers</source>
      <translation>不填充：无；全零填充：输出 ⌈n / s⌉；自定义填充：使用你填写的数值</translation>
    </message>
    <message>
      <source>padding top</source>
      <translation>上方填充</translation>
    </message>
    <message>
      <source>padding bottom</source>
      <translation>下方填充</translation>
    </message>
    <message>
      <source>padding left</source>
      <translation>左侧填充</translation>
    </message>
    <message>
      <source>padding right</source>
      <translation>右侧填充</translation>
    </message>
    <message>
      <source>Window</source>
      <translation>窗口</translation>
    </message>
    <message>
      <source>Stride</source>
      <translation>步长</translation>
    </message>
    <message>
      <source>Padding</source>
      <translation>填充</translation>
    </message>
    <message>
      <source>[[top, bottom], [left, right]]</source>
      <translation>[[上, 下], [左, 右]]</translation>
    </message>
    <message>
      <source>Input (padding shaded)</source>
      <translation>输入（阴影为填充）</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>输出</translation>
    </message>
    <message>
      <source>First</source>
      <translation>第一个</translation>
    </message>
    <message>
      <source>◀ Back</source>
      <translation>◀ 上一步</translation>
    </message>
    <message>
      <source>Step ▶</source>
      <translation>单步 ▶</translation>
    </message>
    <message>
      <source>Play</source>
      <translation>播放</translation>
    </message>
    <message>
      <source>Worked example</source>
      <translation>计算示例</translation>
    </message>
    <message>
      <source>The curriculum's counting example: 32×32×3, Conv2D(100, 3, same)</source>
      <translation>课程中的计算示例：32×32×3，Conv2D(100, 3, 全零填充)</translation>
    </message>
    <message>
      <source>{n} cell(s) are not numbers (red) — the output uses their last valid value.</source>
      <translation>{n} 个单元格不是数字（红色）—— 输出使用它们最后一次的有效值。</translation>
    </message>
    <message>
      <source>channel {n}</source>
      <translation>通道 {n}</translation>
    </message>
    <message>
      <source>kernel {n}</source>
      <translation>卷积核 {n}</translation>
    </message>
    <message>
      <source>bias of kernel {n}</source>
      <translation>卷积核 {n} 的偏置</translation>
    </message>
    <message>
      <source>bias</source>
      <translation>偏置</translation>
    </message>
    <message>
      <source>ch {n}</source>
      <translation>通道 {n}</translation>
    </message>
    <message>
      <source>Output (stacked)</source>
      <translation>输出（堆叠）</translation>
    </message>
    <message>
      <source>zero padding</source>
      <translation>零填充</translation>
    </message>
    <message>
      <source>Fix the settings (see below) to step again; the output shown is the last valid one.</source>
      <translation>请修正设置（见下方）后再继续单步；当前显示的是最后一次有效的输出。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Output size:&lt;/b&gt; —</source>
      <translation>&lt;b&gt;输出尺寸：&lt;/b&gt; —</translation>
    </message>
    <message>
      <source>&lt;b&gt;Parameters and FLOPs:&lt;/b&gt; —</source>
      <translation>&lt;b&gt;参数量与计算量：&lt;/b&gt; —</translation>
    </message>
    <message>
      <source>output cell channel {channel}, row {row}, column {column}   ({index} of {count})</source>
      <translation>输出单元：通道 {channel}，第 {row} 行，第 {column} 列   （第 {index} 个，共 {count} 个）</translation>
    </message>
    <message>
      <source>out</source>
      <translation>输出</translation>
    </message>
    <message>
      <source>mean</source>
      <translation>均值</translation>
    </message>
    <message>
      <source>explicit {pads}</source>
      <translation>自定义填充 {pads}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Output size&lt;/b&gt; ({padding}):</source>
      <translation>&lt;b&gt;输出尺寸&lt;/b&gt;（{padding}）：</translation>
    </message>
    <message>
      <source>&lt;b&gt;Parameters and FLOPs:&lt;/b&gt;</source>
      <translation>&lt;b&gt;参数量与计算量：&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>&lt;b&gt;Worked example:&lt;/b&gt; {text}</source>
      <translation>&lt;b&gt;计算示例：&lt;/b&gt; {text}</translation>
    </message>
    <message>
      <source>not a number between −{max} and {max} — the output keeps the last valid value</source>
      <translation>不是介于 −{max} 与 {max} 之间的数字 —— 输出保留最后一次的有效值</translation>
    </message>
    <message>
      <source>Explain in the Lab</source>
      <translation>在实验室中讲解</translation>
    </message>
    <message>
      <source>(ŷ − y)², gradient 2(ŷ − y): grows with the error, so outliers dominate</source>
      <translation>(ŷ − y)²，梯度 2(ŷ − y)：随误差增大，因此异常值占主导</translation>
    </message>
    <message>
      <source>|ŷ − y|, gradient sign(ŷ − y): every error pulls equally hard</source>
      <translation>|ŷ − y|，梯度 sign(ŷ − y)：每个误差的拉力都一样大</translation>
    </message>
    <message>
      <source>(log(1 + ŷ) − log(1 + y))²: compares orders of magnitude; targets ≥ 0</source>
      <translation>(log(1 + ŷ) − log(1 + y))²：比较数量级；目标值 ≥ 0</translation>
    </message>
    <message>
      <source>100·|ŷ − y| / |y|: the error in percent of the target</source>
      <translation>100·|ŷ − y| / |y|：误差占目标值的百分比</translation>
    </message>
    <message>
      <source>logistic: −[y log p + (1 − y) log(1 − p)]; on the logit z the gradient is σ(z) − y</source>
      <translation>Logistic 损失：−[y log p + (1 − y) log(1 − p)]；关于对数几率 z 的梯度为 σ(z) − y</translation>
    </message>
    <message>
      <source>−log p&lt;sub&gt;y&lt;/sub&gt;, the probability given to the true class (one output: P(class 1))</source>
      <translation>−log p&lt;sub&gt;y&lt;/sub&gt;，即赋予真实类别的概率（单输出时：P(类别 1)）</translation>
    </message>
    <message>
      <source>−log softmax(z)&lt;sub&gt;y&lt;/sub&gt; on logits; gradient softmax(z) − onehot(y). Two classes with logits (0, z) are drawn</source>
      <translation>作用于对数几率的 −log softmax(z)&lt;sub&gt;y&lt;/sub&gt;；梯度为 softmax(z) − 独热(y)。图中为对数几率为 (0, z) 的两个类别</translation>
    </message>
    <message>
      <source>max(0, 1 − t·z) with t = ±1 (y = 0 → −1): zero once the margin reaches 1</source>
      <translation>max(0, 1 − t·z)，其中 t = ±1（y = 0 → −1）：间隔达到 1 后为零</translation>
    </message>
    <message>
      <source>exp(−t·z) with t = ±1: punishes confident mistakes exponentially</source>
      <translation>exp(−t·z)，其中 t = ±1：对自信的错误施以指数级惩罚</translation>
    </message>
    <message>
      <source>½d² for |d| &lt; 1, else |d| − ½ (d = ŷ − y): MSE near the target, MAE far away</source>
      <translation>|d| &lt; 1 时为 ½d²，否则为 |d| − ½（d = ŷ − y）：靠近目标时同 MSE，远离时同 MAE</translation>
    </message>
    <message>
      <source>A loss scores one prediction against its target; training moves the weights down its gradient. The batch loss is the mean, L = (1/N) Σ ℓ(ŷ&lt;sub&gt;i&lt;/sub&gt;, y&lt;sub&gt;i&lt;/sub&gt;), so each sample sends (1/N)·∂ℓ/∂ŷ back. Below: every loss of the engine and its gradient, how the loss decides what outliers do to a fit, and which activation + loss pairings keep the gradient alive.</source>
      <translation>损失函数为一个预测值相对其目标打分；训练沿其梯度的反方向移动权重。小批量的损失是平均值 L = (1/N) Σ ℓ(ŷ&lt;sub&gt;i&lt;/sub&gt;, y&lt;sub&gt;i&lt;/sub&gt;)，因此每个样本向回传递 (1/N)·∂ℓ/∂ŷ。下面依次展示：引擎中的每个损失函数及其梯度；损失函数如何决定异常值对拟合的影响；以及哪些激活函数 + 损失函数的组合能让梯度不消失。</translation>
    </message>
    <message>
      <source>Value and gradient</source>
      <translation>值与梯度</translation>
    </message>
    <message>
      <source>Outliers</source>
      <translation>异常值</translation>
    </message>
    <message>
      <source>Activation + loss</source>
      <translation>激活函数 + 损失函数</translation>
    </message>
    <message>
      <source>What the prediction is: a value, a probability or a logit</source>
      <translation>预测值的类型：数值、概率或对数几率</translation>
    </message>
    <message>
      <source>The target y the prediction is compared with</source>
      <translation>与预测值比较的目标 y</translation>
    </message>
    <message>
      <source>The true class y</source>
      <translation>真实类别 y</translation>
    </message>
    <message>
      <source>Tick losses to overlay them</source>
      <translation>勾选损失函数以叠加显示</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Losses (greyed: do not apply here)</source>
      <translation>损失函数（灰色：此处不适用）</translation>
    </message>
    <message>
      <source>prediction</source>
      <translation>预测值</translation>
    </message>
    <message>
      <source>loss of one sample</source>
      <translation>单个样本的损失</translation>
    </message>
    <message>
      <source>∂loss / ∂prediction</source>
      <translation>∂损失 / ∂预测值</translation>
    </message>
    <message>
      <source>prediction ŷ</source>
      <translation>预测值 ŷ</translation>
    </message>
    <message>
      <source>predicted probability p of class 1</source>
      <translation>类别 1 的预测概率 p</translation>
    </message>
    <message>
      <source>logit z (score for class 1)</source>
      <translation>对数几率 z（类别 1 的得分）</translation>
    </message>
    <message>
      <source>How many points are moved far below the line</source>
      <translation>有多少个点被移到直线下方很远处</translation>
    </message>
    <message>
      <source>Fit again</source>
      <translation>重新拟合</translation>
    </message>
    <message>
      <source>Each line is a Dense(1) network y = w·x + b trained from w = b = 0 by gradient descent with momentum on all points, under its own loss. MSE's gradient grows with the error, so a few far points drag its line; MAE's does not; smooth L1 is MSE for small errors and MAE for large ones.</source>
      <translation>每条直线都是一个 Dense(1) 网络 y = w·x + b，从 w = b = 0 出发，在全部点上用带动量的梯度下降、以各自的损失函数训练。MSE 的梯度随误差增大，因此少数远处的点就能把它的直线拉偏；MAE 则不会；Smooth L1 在误差小时同 MSE，误差大时同 MAE。</translation>
    </message>
    <message>
      <source>clean line (slope {slope})</source>
      <translation>无噪声直线（斜率 {slope}）</translation>
    </message>
    <message>
      <source>points</source>
      <translation>数据点</translation>
    </message>
    <message>
      <source>outliers</source>
      <translation>异常值</translation>
    </message>
    <message>
      <source>Outliers: &lt;b&gt;{count}&lt;/b&gt; of {total} points</source>
      <translation>异常值：&lt;b&gt;{count}&lt;/b&gt; 个（共 {total} 个点）</translation>
    </message>
    <message>
      <source>step {step} of {total}</source>
      <translation>第 {step} 步，共 {total} 步</translation>
    </message>
    <message>
      <source>clean slope {slope}</source>
      <translation>无噪声斜率 {slope}</translation>
    </message>
    <message>
      <source>{loss}: slope {slope}, intercept {intercept}</source>
      <translation>{loss}：斜率 {slope}，截距 {intercept}</translation>
    </message>
    <message>
      <source>logit z of the true class (other logits 0)</source>
      <translation>真实类别的对数几率 z（其他对数几率为 0）</translation>
    </message>
    <message>
      <source>∂loss / ∂z reaching the logit</source>
      <translation>到达对数几率的 ∂损失 / ∂z</translation>
    </message>
    <message>
      <source>logit z of the true class</source>
      <translation>真实类别的对数几率 z</translation>
    </message>
    <message>
      <source>probability of the true class</source>
      <translation>真实类别的概率</translation>
    </message>
    <message>
      <source>softmax over {n} logits</source>
      <translation>{n} 个对数几率上的 Softmax</translation>
    </message>
    <message>
      <source>Shaded: confidently wrong. At z = {z} the logit receives {values}. The log losses keep a gradient near −1 (σ(z) − y, p − onehot) and correct the mistake quickly; with MSE the activation's slope p(1 − p) multiplies in and the gradient vanishes, so learning stalls.</source>
      <translation>阴影部分：自信地犯错。在 z = {z} 处，对数几率收到的梯度为 {values}。对数类损失函数的梯度保持在 −1 附近（σ(z) − y，p − 独热向量），能很快纠正错误；而用 MSE 时，激活函数的斜率 p(1 − p) 会乘进来，导致梯度消失，学习停滞。</translation>
    </message>
    <message>
      <source>input gate: how much of g enters c</source>
      <translation>输入门：g 有多少进入 c</translation>
    </message>
    <message>
      <source>forget gate: how much of c&lt;sub&gt;t−1&lt;/sub&gt; is kept</source>
      <translation>遗忘门：c&lt;sub&gt;t−1&lt;/sub&gt; 保留多少</translation>
    </message>
    <message>
      <source>candidate values</source>
      <translation>候选值</translation>
    </message>
    <message>
      <source>output gate: how much of tanh(c) becomes h</source>
      <translation>输出门：tanh(c) 有多少成为 h</translation>
    </message>
    <message>
      <source>input x</source>
      <translation>输入 x</translation>
    </message>
    <message>
      <source>feature</source>
      <translation>特征</translation>
    </message>
    <message>
      <source>input gate i</source>
      <translation>输入门 i</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>单元</translation>
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
      <source>h_prev</source>
      <translation>hₜ₋₁</translation>
    </message>
    <message>
      <source>c_prev</source>
      <translation>cₜ₋₁</translation>
    </message>
    <message>
      <source>adding</source>
      <translation>加法问题</translation>
    </message>
    <message>
      <source>sine</source>
      <translation>正弦</translation>
    </message>
    <message>
      <source>pulse</source>
      <translation>脉冲</translation>
    </message>
    <message>
      <source>unit {k}</source>
      <translation>单元 {k}</translation>
    </message>
    <message>
      <source>not a number</source>
      <translation>不是数字</translation>
    </message>
    <message>
      <source>must be finite</source>
      <translation>必须是有限值</translation>
    </message>
    <message>
      <source>An LSTM carries a cell state c from step to step; three gates decide what it forgets, what it takes in and what it shows. With z = x&lt;sub&gt;t&lt;/sub&gt;W + h&lt;sub&gt;t−1&lt;/sub&gt;U + b cut into four: &lt;b&gt;i, f, o = σ(z)&lt;/b&gt;, &lt;b&gt;g = tanh(z)&lt;/b&gt;, &lt;b&gt;c&lt;sub&gt;t&lt;/sub&gt; = f ⊙ c&lt;sub&gt;t−1&lt;/sub&gt; + i ⊙ g&lt;/b&gt;, &lt;b&gt;h&lt;sub&gt;t&lt;/sub&gt; = o ⊙ tanh(c&lt;sub&gt;t&lt;/sub&gt;)&lt;/b&gt;. Because c is updated by a sum, the gradient can reach early steps that a plain RNN (h&lt;sub&gt;t&lt;/sub&gt; = tanh(z)) forgets.</source>
      <translation>LSTM 在时间步之间传递细胞状态 c；三个门决定它遗忘什么、接收什么、输出什么。把 z = x&lt;sub&gt;t&lt;/sub&gt;W + h&lt;sub&gt;t−1&lt;/sub&gt;U + b 分成四份：&lt;b&gt;i, f, o = σ(z)&lt;/b&gt;，&lt;b&gt;g = tanh(z)&lt;/b&gt;，&lt;b&gt;c&lt;sub&gt;t&lt;/sub&gt; = f ⊙ c&lt;sub&gt;t−1&lt;/sub&gt; + i ⊙ g&lt;/b&gt;，&lt;b&gt;h&lt;sub&gt;t&lt;/sub&gt; = o ⊙ tanh(c&lt;sub&gt;t&lt;/sub&gt;)&lt;/b&gt;。由于 c 通过求和来更新，梯度能够到达普通 RNN（h&lt;sub&gt;t&lt;/sub&gt; = tanh(z)）早已遗忘的早期时间步。</translation>
    </message>
    <message>
      <source>One time step</source>
      <translation>单个时间步</translation>
    </message>
    <message>
      <source>Unrolled sequence</source>
      <translation>展开的序列</translation>
    </message>
    <message>
      <source>RNN vs LSTM through time</source>
      <translation>RNN 与 LSTM 随时间的对比</translation>
    </message>
    <message>
      <source>The seed of the engine's weight initialisation</source>
      <translation>引擎权重初始化的种子</translation>
    </message>
    <message>
      <source>Next time step</source>
      <translation>下一个时间步</translation>
    </message>
    <message>
      <source>Feed h_t and c_t forward as the next step's state</source>
      <translation>把 h_t 和 c_t 作为下一步的状态传下去</translation>
    </message>
    <message>
      <source>Reset state</source>
      <translation>重置状态</translation>
    </message>
    <message>
      <source>h and c back to 0, t back to 1</source>
      <translation>h 和 c 归零，t 回到 1</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Weights seed</source>
      <translation>权重种子</translation>
    </message>
    <message>
      <source>Inputs (editable)</source>
      <translation>输入（可编辑）</translation>
    </message>
    <message>
      <source>{name}[{k}]: a number</source>
      <translation>{name}[{k}]：一个数字</translation>
    </message>
    <message>
      <source>Gates: z → activation</source>
      <translation>门：z → 激活值</translation>
    </message>
    <message>
      <source>↓ New state</source>
      <translation>↓ 新状态</translation>
    </message>
    <message>
      <source>&lt;b&gt;c&lt;sub&gt;t&lt;/sub&gt;&lt;/b&gt; = sum</source>
      <translation>&lt;b&gt;c&lt;sub&gt;t&lt;/sub&gt;&lt;/b&gt; = 求和</translation>
    </message>
    <message>
      <source>Next time step: h_t, c_t become h_{t−1}, c_{t−1}</source>
      <translation>下一个时间步：h_t、c_t 变为 h_{t−1}、c_{t−1}</translation>
    </message>
    <message>
      <source>The unit whose arithmetic is written out</source>
      <translation>要写出计算过程的单元</translation>
    </message>
    <message>
      <source>time step t</source>
      <translation>时间步 t</translation>
    </message>
    <message>
      <source>c&lt;sub&gt;t&lt;/sub&gt; (solid) and h&lt;sub&gt;t&lt;/sub&gt; (dashed) over the steps taken: {units}</source>
      <translation>已走过各步的 c&lt;sub&gt;t&lt;/sub&gt;（实线）与 h&lt;sub&gt;t&lt;/sub&gt;（虚线）：{units}</translation>
    </message>
    <message>
      <source>Written out for unit</source>
      <translation>写出计算过程的单元</translation>
    </message>
    <message>
      <source>{errors} — the numbers shown are the last valid step's.</source>
      <translation>{errors} —— 显示的是最后一次有效时间步的数值。</translation>
    </message>
    <message>
      <source>(z&lt;sub&gt;f&lt;/sub&gt;, z&lt;sub&gt;g&lt;/sub&gt;, z&lt;sub&gt;o&lt;/sub&gt;: the next columns)</source>
      <translation>（z&lt;sub&gt;f&lt;/sub&gt;、z&lt;sub&gt;g&lt;/sub&gt;、z&lt;sub&gt;o&lt;/sub&gt;：见后面几列）</translation>
    </message>
    <message>
      <source>The sequence fed to the cell (the weights are the first tab's)</source>
      <translation>输入单元的序列（权重与第一个标签页相同）</translation>
    </message>
    <message>
      <source>Sequence length T</source>
      <translation>序列长度 T</translation>
    </message>
    <message>
      <source>Which sample of the preset</source>
      <translation>使用预设中的哪个样本</translation>
    </message>
    <message>
      <source>Sequence</source>
      <translation>序列</translation>
    </message>
    <message>
      <source>sample</source>
      <translation>样本</translation>
    </message>
    <message>
      <source>time step</source>
      <translation>时间步</translation>
    </message>
    <message>
      <source>Time runs left to right, one row per unit (x: per feature). i, f, o: dark = closed (0), yellow = open (1). g, c, h: blue below 0, red above. The cell is the first tab's ({features} inputs, {units} units).</source>
      <translation>时间从左到右，每个单元一行（x：每个特征一行）。i、f、o：深色 = 关闭 (0)，黄色 = 打开 (1)。g、c、h：蓝色小于 0，红色大于 0。单元与第一个标签页相同（{features} 个输入，{units} 个单元）。</translation>
    </message>
    <message>
      <source>The sequence length T</source>
      <translation>序列长度 T</translation>
    </message>
    <message>
      <source>Units of both recurrent layers</source>
      <translation>两个循环层的单元数</translation>
    </message>
    <message>
      <source>The LSTM's forget-gate bias (the engine initialises it to 1): larger keeps f nearer 1, so c and its gradient last longer</source>
      <translation>LSTM 遗忘门的偏置（引擎将其初始化为 1）：越大 f 越接近 1，c 及其梯度保持得越久</translation>
    </message>
    <message>
      <source>Seed of the weights and of the sequence</source>
      <translation>权重和序列的种子</translation>
    </message>
    <message>
      <source>units</source>
      <translation>单元数</translation>
    </message>
    <message>
      <source>LSTM forget bias</source>
      <translation>LSTM 遗忘门偏置</translation>
    </message>
    <message>
      <source>Input [T, 2] → SimpleRNN or LSTM → Dense(1), MSE loss on one adding-problem sequence, engine initialisation; one backward pass through time gives ∂loss/∂x&lt;sub&gt;t&lt;/sub&gt; for every step.</source>
      <translation>输入 [T, 2] → SimpleRNN 或 LSTM → Dense(1)，在一条加法问题序列上用 MSE 损失，按引擎方式初始化；一次随时间的反向传播给出每一步的 ∂损失/∂x&lt;sub&gt;t&lt;/sub&gt;。</translation>
    </message>
    <message>
      <source>Each step back multiplies the RNN's gradient by tanh′(z) and Uᵀ; the LSTM's cell path multiplies it by f.</source>
      <translation>每向前回溯一步，RNN 的梯度都要乘以 tanh′(z) 和 Uᵀ；而 LSTM 的细胞状态通路只乘以 f。</translation>
    </message>
    <message>
      <source>exact gradient (BGD)</source>
      <translation>精确梯度（BGD）</translation>
    </message>
    <message>
      <source>BGD: the gradient of the whole training set, so every path is smooth.</source>
      <translation>批量梯度下降（BGD）：使用整个训练集的梯度，因此每条路径都很平滑。</translation>
    </message>
    <message>
      <source>mini-batch noise (MBGD)</source>
      <translation>小批量噪声（MBGD）</translation>
    </message>
    <message>
      <source>MBGD: a batch of 16 averages the noise down by √16; paths wobble but get there.</source>
      <translation>小批量梯度下降（MBGD）：16 个样本的小批量把噪声平均降低为 1/√16；路径摇摆，但能到达。</translation>
    </message>
    <message>
      <source>one-sample noise (SGD)</source>
      <translation>单样本噪声（SGD）</translation>
    </message>
    <message>
      <source>SGD: one sample per step, a noisy gradient; paths jitter and never settle exactly.</source>
      <translation>随机梯度下降（SGD）：每步一个样本，梯度带噪声；路径抖动，永远不会精确停下。</translation>
    </message>
    <message>
      <source>lr</source>
      <translation>学习率 lr</translation>
    </message>
    <message>
      <source>momentum</source>
      <translation>动量 μ</translation>
    </message>
    <message>
      <source>rho</source>
      <translation>衰减率 ρ</translation>
    </message>
    <message>
      <source>beta1</source>
      <translation>β1</translation>
    </message>
    <message>
      <source>beta2</source>
      <translation>β2</translation>
    </message>
    <message>
      <source>step length ‖Δp‖</source>
      <translation>步长 ‖Δp‖</translation>
    </message>
    <message>
      <source>effective rate ‖Δp‖ / ‖g‖</source>
      <translation>有效学习率 ‖Δp‖ / ‖g‖</translation>
    </message>
    <message>
      <source>Seven optimizers, the engine's own classes, walk a two-parameter loss f(x, y): each step is g = ∇f(p), then the optimizer's update (plain SGD: p ← p − lr·g). Click the surface to restart them all from there; rates can be edited while they run. &lt;b&gt;Step length&lt;/b&gt; ‖Δp‖ is how far one step moved; the &lt;b&gt;effective rate&lt;/b&gt; ‖Δp‖ / ‖g‖ is the learning rate actually applied (SGD: exactly lr; Adagrad: lr / √Σg² per coordinate, which only shrinks).</source>
      <translation>七个优化器（引擎自身的类）在一个双参数损失函数 f(x, y) 上行走：每一步先求 g = ∇f(p)，再做优化器的更新（普通 SGD：p ← p − lr·g）。点击曲面可让它们全部从该点重新出发；运行时也可以修改学习率。&lt;b&gt;步长&lt;/b&gt; ‖Δp‖ 是一步移动的距离；&lt;b&gt;有效学习率&lt;/b&gt; ‖Δp‖ / ‖g‖ 是实际起作用的学习率（SGD：恰为 lr；Adagrad：每个坐标为 lr / √Σg²，只会变小）。</translation>
    </message>
    <message>
      <source> step(s) / frame</source>
      <translation> 步 / 帧</translation>
    </message>
    <message>
      <source>Surface</source>
      <translation>曲面</translation>
    </message>
    <message>
      <source>Gradient</source>
      <translation>梯度</translation>
    </message>
    <message>
      <source>Right plot</source>
      <translation>右侧图</translation>
    </message>
    <message>
      <source>Speed</source>
      <translation>速度</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>单步</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>重置</translation>
    </message>
    <message>
      <source>loss f(p) against step</source>
      <translation>损失 f(p) 随步数的变化</translation>
    </message>
    <message>
      <source>{name} must be a number, got {value}</source>
      <translation>{name} 必须是数字，实际为 {value}</translation>
    </message>
    <message>
      <source>&lt;b&gt;diverged&lt;/b&gt; after 1 step</source>
      <translation>1 步后&lt;b&gt;发散&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;diverged&lt;/b&gt; after {n} steps</source>
      <translation>{n} 步后&lt;b&gt;发散&lt;/b&gt;</translation>
    </message>
    <message>
      <source>loss {loss} at ({x}, {y})</source>
      <translation>损失 {loss}，位于 ({x}, {y})</translation>
    </message>
    <message>
      <source>finished</source>
      <translation>已结束</translation>
    </message>
    <message>
      <source>running</source>
      <translation>运行中</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>已暂停</translation>
    </message>
    <message>
      <source>step {step} · {state}</source>
      <translation>第 {step} 步 · {state}</translation>
    </message>
    <message>
      <source>spirals</source>
      <translation>螺旋</translation>
    </message>
    <message>
      <source>circles</source>
      <translation>同心圆</translation>
    </message>
    <message>
      <source>xor</source>
      <translation>异或</translation>
    </message>
    <message>
      <source>moons</source>
      <translation>双月</translation>
    </message>
    <message>
      <source>blobs</source>
      <translation>团簇</translation>
    </message>
    <message>
      <source>give the units of each hidden layer, e.g. 8, 8</source>
      <translation>请给出每个隐藏层的单元数，例如 8, 8</translation>
    </message>
    <message>
      <source>at most {n} hidden layers</source>
      <translation>最多 {n} 个隐藏层</translation>
    </message>
    <message>
      <source>{text}: each layer needs a whole number of units from 1 to {n}</source>
      <translation>{text}：每层的单元数必须是 1 到 {n} 之间的整数</translation>
    </message>
    <message>
      <source>{text} is not a number</source>
      <translation>{text} 不是数字</translation>
    </message>
    <message>
      <source>the learning rate must be above 0 and at most 10</source>
      <translation>学习率必须大于 0 且不超过 10</translation>
    </message>
    <message>
      <source>A classifier splits the plane into &lt;b&gt;decision regions&lt;/b&gt;: each point gets the class with the largest probability p&lt;sub&gt;k&lt;/sub&gt; = softmax(z)&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;. The background is the network's answer on a grid, each class colour weighted by its probability (pale where it is unsure), redrawn while it trains. Each hidden unit h = f(w·x + b) cuts the plane along a line; later layers combine these cuts into curved borders.</source>
      <translation>分类器把平面划分为&lt;b&gt;决策区域&lt;/b&gt;：每个点归入概率 p&lt;sub&gt;k&lt;/sub&gt; = softmax(z)&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; 最大的类别。背景是网络在网格上的回答，每种类别颜色按其概率加权（不确定处颜色较浅），训练时不断重绘。每个隐藏单元 h = f(w·x + b) 沿一条直线切分平面；后面的层把这些切分组合成弯曲的边界。</translation>
    </message>
    <message>
      <source>Units per hidden layer, e.g. 8, 8 (up to {n} layers)</source>
      <translation>每个隐藏层的单元数，例如 8, 8（最多 {n} 层）</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <source>Samples per step (1 = SGD)</source>
      <translation>每步的样本数（1 = SGD）</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Fresh weights with these settings</source>
      <translation>用这些设置重新初始化权重</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <source>Hidden layers</source>
      <translation>隐藏层</translation>
    </message>
    <message>
      <source>Activation</source>
      <translation>激活函数</translation>
    </message>
    <message>
      <source>Optimizer</source>
      <translation>优化器</translation>
    </message>
    <message>
      <source>Batch size</source>
      <translation>批大小</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>training loss</source>
      <translation>训练损失</translation>
    </message>
    <message>
      <source>{points} points · {classes} classes · {params} parameters</source>
      <translation>{points} 个点 · {classes} 个类别 · {params} 个参数</translation>
    </message>
    <message>
      <source>epoch {epoch} · loss {loss}</source>
      <translation>轮次 {epoch} · 损失 {loss}</translation>
    </message>
    <message>
      <source>epoch {epoch} · loss {loss} · {right} % right</source>
      <translation>轮次 {epoch} · 损失 {loss} · 正确率 {right} %</translation>
    </message>
    <message>
      <source>1 Init</source>
      <translation>1 初始化</translation>
    </message>
    <message>
      <source>2 Forward</source>
      <translation>2 前向传播</translation>
    </message>
    <message>
      <source>3 Loss</source>
      <translation>3 损失</translation>
    </message>
    <message>
      <source>4 Backward</source>
      <translation>4 反向传播</translation>
    </message>
    <message>
      <source>5 Update</source>
      <translation>5 更新</translation>
    </message>
    <message>
      <source>One sample through a 2-3-2 network, slowed down: random initial weights; the forward pass &lt;i&gt;z&lt;/i&gt; = &lt;i&gt;x&lt;/i&gt;·&lt;i&gt;W&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;, &lt;i&gt;a&lt;/i&gt; = &lt;i&gt;f&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;); the loss &lt;i&gt;L&lt;/i&gt;(&lt;i&gt;ŷ&lt;/i&gt;, &lt;i&gt;t&lt;/i&gt;); backpropagation of ∂&lt;i&gt;L&lt;/i&gt;/∂&lt;i&gt;w&lt;/i&gt; by the chain rule; and the optimizer's update, e.g. &lt;i&gt;w&lt;/i&gt; ← &lt;i&gt;w&lt;/i&gt; − η·∂&lt;i&gt;L&lt;/i&gt;/∂&lt;i&gt;w&lt;/i&gt;. Every number comes from the engine that trains your networks. Double-click an input, target or weight to edit it.</source>
      <translation>一个样本慢速通过 2-3-2 网络：随机的初始权重；前向传播 &lt;i&gt;z&lt;/i&gt; = &lt;i&gt;x&lt;/i&gt;·&lt;i&gt;W&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;，&lt;i&gt;a&lt;/i&gt; = &lt;i&gt;f&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;)；损失 &lt;i&gt;L&lt;/i&gt;(&lt;i&gt;ŷ&lt;/i&gt;, &lt;i&gt;t&lt;/i&gt;)；按链式法则反向传播 ∂&lt;i&gt;L&lt;/i&gt;/∂&lt;i&gt;w&lt;/i&gt;；以及优化器的更新，例如 &lt;i&gt;w&lt;/i&gt; ← &lt;i&gt;w&lt;/i&gt; − η·∂&lt;i&gt;L&lt;/i&gt;/∂&lt;i&gt;w&lt;/i&gt;。每个数字都来自训练你的网络的那个引擎。双击输入、目标或权重即可编辑。</translation>
    </message>
    <message>
      <source>Re-initialise</source>
      <translation>重新初始化</translation>
    </message>
    <message>
      <source>New random weights from the seed, and a fresh optimizer</source>
      <translation>按种子生成新的随机权重，并重建优化器</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>损失函数</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>下一步 ▶</translation>
    </message>
    <message>
      <source>Run all</source>
      <translation>全部运行</translation>
    </message>
    <message>
      <source>Next sample step</source>
      <translation>下一次迭代</translation>
    </message>
    <message>
      <source>Take this step for real, then start the next one from the new weights</source>
      <translation>真正执行这一步，然后从新的权重开始下一步</translation>
    </message>
    <message>
      <source>target t</source>
      <translation>目标 t</translation>
    </message>
    <message>
      <source>{optimizer} hyperparameters:</source>
      <translation>{optimizer} 超参数：</translation>
    </message>
    <message>
      <source>Step {step} · {optimizer} · loss {loss} = {value}</source>
      <translation>第 {step} 步 · {optimizer} · 损失 {loss} = {value}</translation>
    </message>
    <message>
      <source>Double-click to edit this weight</source>
      <translation>双击以编辑此权重</translation>
    </message>
    <message>
      <source>&lt;b&gt;{weight}&lt;/b&gt; with {optimizer}:</source>
      <translation>&lt;b&gt;{weight}&lt;/b&gt;，使用 {optimizer}：</translation>
    </message>
    <message>
      <source>{name}: {text} is not a number</source>
      <translation>{name}：{text} 不是数字</translation>
    </message>
    <message>
      <source>the input must be numbers; {text} is not one</source>
      <translation>输入必须是数字；{text} 不是数字</translation>
    </message>
    <message>
      <source>the target must be numbers; {text} is not one</source>
      <translation>目标必须是数字；{text} 不是数字</translation>
    </message>
    <message>
      <source>lines: the initial weights w</source>
      <translation>连线：初始权重 w</translation>
    </message>
    <message>
      <source>lines: the weights w</source>
      <translation>连线：权重 w</translation>
    </message>
    <message>
      <source>lines: the gradients ∂L/∂w</source>
      <translation>连线：梯度 ∂L/∂w</translation>
    </message>
    <message>
      <source>lines: the new weights w′</source>
      <translation>连线：新权重 w′</translation>
    </message>
    <message>
      <source>in circles: {what}</source>
      <translation>圆圈内：{what}</translation>
    </message>
    <message>
      <source>(blue ≥ 0, orange &lt; 0; click a line to pick it)</source>
      <translation>（蓝色 ≥ 0，橙色 &lt; 0；点击连线可选中它）</translation>
    </message>
    <message>
      <source>z if z &gt; 0, else α(e&lt;sup&gt;z&lt;/sup&gt; − 1)</source>
      <translation>z &gt; 0 时为 z，否则为 α(e&lt;sup&gt;z&lt;/sup&gt; − 1)</translation>
    </message>
    <message>
      <source>input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>act1</source>
      <translation>激活1</translation>
    </message>
    <message>
      <source>{layer}.kernel[{index}]</source>
      <translation>{layer}.权重[{index}]</translation>
    </message>
    <message>
      <source>{layer}.bias[{index}]</source>
      <translation>{layer}.偏置[{index}]</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>节点</translation>
    </message>
    <message>
      <source>Value of</source>
      <translation>对应量</translation>
    </message>
    <message>
      <source>logit z₂[{k}]</source>
      <translation>对数几率 z₂[{k}]</translation>
    </message>
    <message>
      <source>output ŷ[{k}]</source>
      <translation>输出 ŷ[{k}]</translation>
    </message>
    <message>
      <source>target t[{k}]</source>
      <translation>目标 t[{k}]</translation>
    </message>
    <message>
      <source>loss L ({loss})</source>
      <translation>损失 L（{loss}）</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>量</translation>
    </message>
    <message>
      <source>folded into the loss</source>
      <translation>已并入损失</translation>
    </message>
    <message>
      <source>Old</source>
      <translation>旧值</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新值</translation>
    </message>
    <message>
      <source>Stage 1 — the weights as the engine initialises them (seeded). Double-click a value to edit it.</source>
      <translation>阶段 1 —— 引擎初始化得到的权重（按种子）。双击数值即可编辑。</translation>
    </message>
    <message>
      <source>Stage 1 — the weights at the start of step {step}, after {updates} update(s). Double-click a value to edit it.</source>
      <translation>阶段 1 —— 第 {step} 步开始时的权重（已更新 {updates} 次）。双击数值即可编辑。</translation>
    </message>
    <message>
      <source>Stage 5 — the {optimizer} update of every weight (pick a row for its formula; double-click Old to edit a weight).</source>
      <translation>阶段 5 —— {optimizer} 对每个权重的更新（选中一行查看其公式；双击“旧值”可编辑权重）。</translation>
    </message>
    <message>
      <source>Stage 2 — the forward pass: every node's output for this sample.</source>
      <translation>阶段 2 —— 前向传播：每个节点对该样本的输出。</translation>
    </message>
    <message>
      <source>Stage 3 — the loss: how far the output is from the target.</source>
      <translation>阶段 3 —— 损失：输出离目标有多远。</translation>
    </message>
    <message>
      <source>Stage 4 — backpropagation: the gradient each layer receives, then ∂L/∂w of every weight.</source>
      <translation>阶段 4 —— 反向传播：每一层收到的梯度，然后是每个权重的 ∂L/∂w。</translation>
    </message>
    <message>
      <source>(n = {n} outputs)</source>
      <translation>（n = {n} 个输出）</translation>
    </message>
    <message>
      <source>{layer}.kernel: He normal, std = √(2 / fan_in) = √(2/{fan_in}) = {std}  (a {activation} follows)</source>
      <translation>{layer}.权重：He 正态分布，标准差 = √(2 / 扇入) = √(2/{fan_in}) = {std}  （其后是 {activation}）</translation>
    </message>
    <message>
      <source>{layer}.bias: 0</source>
      <translation>{layer}.偏置：0</translation>
    </message>
    <message>
      <source>{layer}.kernel: Glorot uniform on [−l, l], l = √(6 / (fan_in + fan_out)) = √(6/{fans}) = {limit}</source>
      <translation>{layer}.权重：[−l, l] 上的 Glorot 均匀分布，l = √(6 / (扇入 + 扇出)) = √(6/{fans}) = {limit}</translation>
    </message>
    <message>
      <source>{layer}.bias: uniform on [−b, b], b = 1 / √fan_in = 1/√{fan_in} = {bound}</source>
      <translation>{layer}.偏置：[−b, b] 上的均匀分布，b = 1 / √扇入 = 1/√{fan_in} = {bound}</translation>
    </message>
    <message>
      <source>Small, different random weights let the neurons learn different things.</source>
      <translation>较小且各不相同的随机权重让各个神经元学到不同的东西。</translation>
    </message>
    <message>
      <source>The loss reads the logits z₂: the engine folds the final {activation} into it, so backprop starts at δ₂ = ∂L/∂z₂ = {rule} = [{values}]</source>
      <translation>损失函数读取对数几率 z₂：引擎把最后的 {activation} 并入损失，因此反向传播从 δ₂ = ∂L/∂z₂ = {rule} = [{values}] 开始</translation>
    </message>
    <message>
      <source>Backprop starts at δ₂ = ∂L/∂ŷ = [{values}]</source>
      <translation>反向传播从 δ₂ = ∂L/∂ŷ = [{values}] 开始</translation>
    </message>
    <message>
      <source>dlstudio Lab</source>
      <translation>dlstudio 实验室</translation>
    </message>
  </context>
</TS>
