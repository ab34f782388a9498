<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no experiment {name!r}: give a built-in name ({known}) or a .json file</source>
        <translation>没有实验 {name!r}：请给出内置实验的名称（{known}）或一个 .json 文件</translation>
    </message>
    <message>
        <source>{file}: cannot read: {error}</source>
        <translation>{file}：无法读取：{error}</translation>
    </message>
    <message>
        <source>{file}: not valid JSON (line {line}, column {column}: {error})</source>
        <translation>{file}：不是有效的 JSON（第 {line} 行，第 {column} 列：{error}）</translation>
    </message>
    <message>
        <source>{where}: {field} {what}</source>
        <translation>{where}：{field} {what}</translation>
    </message>
    <message>
        <source>is not a known key (known: {known})</source>
        <translation>不是已知的键（已知：{known}）</translation>
    </message>
    <message>
        <source>{where}: an experiment must be a JSON object</source>
        <translation>{where}：实验必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be {expected!r}, got {value!r}</source>
        <translation>必须是 {expected!r}，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be {version} (this dlstudio reads version {version}), got {value!r}</source>
        <translation>必须是 {version}（此版本的 dlstudio 读取第 {version} 版），实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>必须是非空字符串</translation>
    </message>
    <message>
        <source>must be a positive whole number or null, got {value!r}</source>
        <translation>必须是正整数或 null，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be an object with &apos;lines&apos; (a list of line numbers) and &apos;quote&apos;</source>
        <translation>必须是包含 &apos;lines&apos;（行号列表）和 &apos;quote&apos; 的对象</translation>
    </message>
    <message>
        <source>must be a list of line numbers, got {value!r}</source>
        <translation>必须是行号列表，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a data set name such as &apos;spirals?n=600&apos;, got {value!r}</source>
        <translation>必须是数据集名称，例如 &apos;spirals?n=600&apos;，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a number from 0 to 0.9, got {value!r}</source>
        <translation>必须是 0 到 0.9 之间的数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 0, got {value!r}</source>
        <translation>必须是 ≥ 0 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a non-empty list of different whole numbers ≥ 0, got {value!r}</source>
        <translation>必须是由互不相同的 ≥ 0 整数组成的非空列表，实际为 {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not a known measure (known: {known})</source>
        <translation>{value!r} 不是已知的测量方法（已知：{known}）</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>is not an option of the {measure!r} measure (known: {known})</source>
        <translation>不是测量方法 {measure!r} 的选项（已知：{known}）</translation>
    </message>
    <message>
        <source>must be a non-empty list</source>
        <translation>必须是非空列表</translation>
    </message>
    <message>
        <source>must be an object with &apos;id&apos;, &apos;label&apos; and usually &apos;network&apos;</source>
        <translation>必须是包含 &apos;id&apos;、&apos;label&apos;（通常还有 &apos;network&apos;）的对象</translation>
    </message>
    <message>
        <source>must be a name of letters, digits and _ (not starting with a digit), got {value!r}</source>
        <translation>必须是由字母、数字和 _ 组成（不以数字开头）的名称，实际为 {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is used twice</source>
        <translation>{value!r} 被使用了两次</translation>
    </message>
    <message>
        <source>is missing (the {measure!r} measure trains a network)</source>
        <translation>缺失（测量方法 {measure!r} 需要训练一个网络）</translation>
    </message>
    <message>
        <source>is missing (the {measure!r} measure needs a data set)</source>
        <translation>缺失（测量方法 {measure!r} 需要一个数据集）</translation>
    </message>
    <message>
        <source>must be an object of name → path, e.g. {&quot;acc&quot;: &quot;final.val_accuracy&quot;}</source>
        <translation>必须是“名称 → 路径”的对象，例如 {&quot;acc&quot;: &quot;final.val_accuracy&quot;}</translation>
    </message>
    <message>
        <source>must be named with letters, digits and _ (and not a statistic name)</source>
        <translation>名称必须由字母、数字和 _ 组成（且不能是统计量的名称）</translation>
    </message>
    <message>
        <source>must be a path such as &apos;final.val_accuracy&apos;, got {value!r}</source>
        <translation>必须是路径，例如 &apos;final.val_accuracy&apos;，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a non-empty list of rules</source>
        <translation>必须是非空的规则列表</translation>
    </message>
    <message>
        <source>must be an object with &apos;when&apos;, &apos;then&apos; and &apos;because&apos;</source>
        <translation>必须是包含 &apos;when&apos;、&apos;then&apos; 和 &apos;because&apos; 的对象</translation>
    </message>
    <message>
        <source>must be one of {known}, got {value!r}</source>
        <translation>必须是 {known} 之一，实际为 {value!r}</translation>
    </message>
    <message>
        <source>is not a valid rule: {error}</source>
        <translation>不是有效的规则：{error}</translation>
    </message>
    <message>
        <source>is not a valid sentence: {error}</source>
        <translation>不是有效的语句：{error}</translation>
    </message>
    <message>
        <source>refers to {run}.{figure}, but there is no run {run!r} (runs: {known})</source>
        <translation>引用了 {run}.{figure}，但没有运行 {run!r}（运行：{known}）</translation>
    </message>
    <message>
        <source>refers to {run}.{figure}, but there is no figure {figure!r} (figures: {known})</source>
        <translation>引用了 {run}.{figure}，但没有指标 {figure!r}（指标：{known}）</translation>
    </message>
    <message>
        <source>is the fallback and must come last</source>
        <translation>是兜底规则，必须放在最后</translation>
    </message>
    <message>
        <source>must be a fallback rule without &apos;when&apos; (the last rule always applies)</source>
        <translation>必须是不含 &apos;when&apos; 的兜底规则（最后一条规则总是适用）</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be an object with at least &apos;series&apos; (a curve name such as &apos;val_accuracy&apos;)</source>
        <translation>必须是至少包含 &apos;series&apos;（曲线名称，例如 &apos;val_accuracy&apos;）的对象</translation>
    </message>
    <message>
        <source>names an unknown run {value!r}</source>
        <translation>指定了未知的运行 {value!r}</translation>
    </message>
    <message>
        <source>is not a known setting (known: {known})</source>
        <translation>不是已知的设置（已知：{known}）</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 1, got {value!r}</source>
        <translation>必须是 ≥ 1 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 1 or &apos;full&apos;, got {value!r}</source>
        <translation>必须是 ≥ 1 的整数或 &apos;full&apos;，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a positive number, got {value!r}</source>
        <translation>必须是正数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a positive number or null, got {value!r}</source>
        <translation>必须是正数或 null，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be an object of optimizer hyperparameters, got {value!r}</source>
        <translation>必须是优化器超参数的对象，实际为 {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not a known optimizer (known: {known})</source>
        <translation>{value!r} 不是已知的优化器（已知：{known}）</translation>
    </message>
    <message>
        <source>{value!r} is not a known loss (known: {known})</source>
        <translation>{value!r} 不是已知的损失函数（已知：{known}）</translation>
    </message>
    <message>
        <source>does not suit {optimizer}: {error}</source>
        <translation>不适用于 {optimizer}：{error}</translation>
    </message>
    <message>
        <source>must be one of {&quot;preset&quot;: NAME}, {&quot;document&quot;: {...}}, {&quot;file&quot;: PATH} or {&quot;chain&quot;: [[TYPE, PARAMS], ...]}</source>
        <translation>必须是 {&quot;preset&quot;: NAME}、{&quot;document&quot;: {...}}、{&quot;file&quot;: PATH} 或 {&quot;chain&quot;: [[TYPE, PARAMS], ...]} 之一</translation>
    </message>
    <message>
        <source>{value!r} is not a preset (known: {known})</source>
        <translation>{value!r} 不是预设（已知：{known}）</translation>
    </message>
    <message>
        <source>is not a valid network: {error}</source>
        <translation>不是有效的网络：{error}</translation>
    </message>
    <message>
        <source>must be a path to a network .json</source>
        <translation>必须是网络 .json 文件的路径</translation>
    </message>
    <message>
        <source>names no file ({file})</source>
        <translation>指定的文件不存在（{file}）</translation>
    </message>
    <message>
        <source>must be a non-empty list of [TYPE, PARAMS]</source>
        <translation>必须是由 [TYPE, PARAMS] 组成的非空列表</translation>
    </message>
    <message>
        <source>must be [TYPE, PARAMS], got {value!r}</source>
        <translation>必须是 [TYPE, PARAMS]，实际为 {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not a layer type (the Input is added from the data)</source>
        <translation>{value!r} 不是层类型（Input 层根据数据自动添加）</translation>
    </message>
    <message>
        <source>run {run!r} has no network</source>
        <translation>运行 {run!r} 没有网络</translation>
    </message>
    <message>
        <source>run {run!r}: cannot build its network: {error}</source>
        <translation>运行 {run!r}：无法构建其网络：{error}</translation>
    </message>
    <message>
        <source>{path!r} is not a figure path this measure provides (known: {known})</source>
        <translation>{path!r} 不是此测量方法提供的指标路径（已知：{known}）</translation>
    </message>
    <message>
        <source>run {run!r}: grad_batch must be at least 1, got {value}</source>
        <translation>运行 {run!r}：grad_batch 必须至少为 1，实际为 {value}</translation>
    </message>
    <message>
        <source>run {run!r}: {error}</source>
        <translation>运行 {run!r}：{error}</translation>
    </message>
    <message>
        <source>run {run!r}: the network has no Dense layer to measure</source>
        <translation>运行 {run!r}：网络中没有可供测量的 Dense 层</translation>
    </message>
    <message>
        <source>run {run!r}: init_scale must be a positive number, got {value!r}</source>
        <translation>运行 {run!r}：init_scale 必须是正数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>{where}: data: {error}</source>
        <translation>{where}：数据：{error}</translation>
    </message>
    <message>
        <source>run {run!r}: the experiment has no data to shape its network</source>
        <translation>运行 {run!r}：实验没有数据，无法确定其网络的形状</translation>
    </message>
    <message>
        <source>{name}: no seeds to run</source>
        <translation>{name}：没有要运行的随机种子</translation>
    </message>
    <message>
        <source>{label} · seed {seed}</source>
        <translation>{label} · 随机种子 {seed}</translation>
    </message>
    <message>
        <source>{unit}: done</source>
        <translation>{unit}：完成</translation>
    </message>
    <message>
        <source>stopped before every run finished; no verdict</source>
        <translation>在所有运行完成之前已停止；没有结论</translation>
    </message>
    <message>
        <source>the verdict could not be computed: {error}</source>
        <translation>无法计算结论：{error}</translation>
    </message>
    <message>
        <source>a rule must be a non-empty expression</source>
        <translation>规则必须是非空表达式</translation>
    </message>
    <message>
        <source>cannot parse {rule!r}: {error}</source>
        <translation>无法解析 {rule!r}：{error}</translation>
    </message>
    <message>
        <source>{rule!r}: only numbers may be written in a rule, not {value!r}</source>
        <translation>{rule!r}：规则中只能写数字，不能写 {value!r}</translation>
    </message>
    <message>
        <source>{rule!r}: {part!r} is not a figure reference run.figure.stat</source>
        <translation>{rule!r}：{part!r} 不是指标引用 run.figure.stat</translation>
    </message>
    <message>
        <source>{rule!r}: {part!r} ends in {stat!r}; the statistic must be one of {known}</source>
        <translation>{rule!r}：{part!r} 以 {stat!r} 结尾；统计量必须是 {known} 之一</translation>
    </message>
    <message>
        <source>{rule!r}: the bare name {name!r} is not allowed; refer to a figure as run.figure.stat</source>
        <translation>{rule!r}：不允许使用单独的名称 {name!r}；请以 run.figure.stat 的形式引用指标</translation>
    </message>
    <message>
        <source>{rule!r}: the operator in {part!r} is not allowed (use + - * /)</source>
        <translation>{rule!r}：不允许使用 {part!r} 中的运算符（请使用 + - * /）</translation>
    </message>
    <message>
        <source>{rule!r}: the operator in {part!r} is not allowed</source>
        <translation>{rule!r}：不允许使用 {part!r} 中的运算符</translation>
    </message>
    <message>
        <source>{rule!r}: the comparison in {part!r} is not allowed</source>
        <translation>{rule!r}：不允许使用 {part!r} 中的比较</translation>
    </message>
    <message>
        <source>{rule!r}: only the functions {known} may be called, not {part!r}</source>
        <translation>{rule!r}：只能调用函数 {known}，不能调用 {part!r}</translation>
    </message>
    <message>
        <source>{rule!r}: {function}() takes one or more plain arguments</source>
        <translation>{rule!r}：{function}() 接受一个或多个普通参数</translation>
    </message>
    <message>
        <source>{rule!r}: {part!r} is not allowed in a rule</source>
        <translation>{rule!r}：规则中不允许出现 {part!r}</translation>
    </message>
    <message>
        <source>{rule!r}: division by zero</source>
        <translation>{rule!r}：除以零</translation>
    </message>
    <message>
        <source>{rule!r}: {error}</source>
        <translation>{rule!r}：{error}</translation>
    </message>
    <message>
        <source>{figure} has no measured value</source>
        <translation>{figure} 没有测量值</translation>
    </message>
    <message>
        <source>log10 needs one positive argument, got {values}</source>
        <translation>log10 需要一个正数参数，实际为 {values}</translation>
    </message>
    <message>
        <source>abs takes one argument</source>
        <translation>abs 只接受一个参数</translation>
    </message>
    <message>
        <source>{part!r} is not allowed in a rule</source>
        <translation>规则中不允许出现 {part!r}</translation>
    </message>
    <message>
        <source>{sentence!r}: {{{field}}} is not a figure reference run.figure.stat</source>
        <translation>{sentence!r}：{{{field}}} 不是指标引用 run.figure.stat</translation>
    </message>
    <message>
        <source>{sentence!r}: {{{field}}} ends in {stat!r}; the statistic must be one of {known}</source>
        <translation>{sentence!r}：{{{field}}} 以 {stat!r} 结尾；统计量必须是 {known} 之一</translation>
    </message>
    <message>
        <source>{sentence!r}: cannot format {field} with {spec!r}: {error}</source>
        <translation>{sentence!r}：无法用 {spec!r} 格式化 {field}：{error}</translation>
    </message>
    <message>
        <source>no rule applied and there is no fallback rule</source>
        <translation>没有适用的规则，也没有兜底规则</translation>
    </message>
    <message>
        <source>there is no figure {run}.{figure}</source>
        <translation>没有指标 {run}.{figure}</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>得到支持</translation>
    </message>
    <message>
        <source>Not supported here</source>
        <translation>在此未得到支持</translation>
    </message>
    <message>
        <source>It depends</source>
        <translation>视情况而定</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>个轮次</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Choose an experiment.</source>
        <translation>请选择一个实验。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Range over seeds</source>
        <translation>各随机种子的范围</translation>
    </message>
    <message>
        <source>This experiment draws no plots: its evidence is the table.</source>
        <translation>此实验不绘制图表：其证据就是表格。</translation>
    </message>
    <message>
        <source>thin lines: single seeds, bold: their mean</source>
        <translation>细线：单个随机种子，粗线：它们的均值</translation>
    </message>
    <message>
        <source>Stopped before the end: no verdict.</source>
        <translation>在结束前已停止：没有结论。</translation>
    </message>
    <message>
        <source>No verdict: {reason}</source>
        <translation>没有结论：{reason}</translation>
    </message>
    <message>
        <source>{name} ({path})</source>
        <translation>{name}（{path}）</translation>
    </message>
    <message>
        <source>{name} = {path}
per seed: {values}</source>
        <translation>{name} = {path}
每个随机种子：{values}</translation>
    </message>
    <message>
        <source>{experiment}: {plot} — {verdict}</source>
        <translation>{experiment}：{plot} — {verdict}</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>outliers</source>
        <translation>异常值</translation>
    </message>
    <message>
        <source>shifted</source>
        <translation>平移测试</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>保存后继续训练</translation>
    </message>
    <message>
        <source>through_time</source>
        <translation>沿时间的梯度</translation>
    </message>
    <message>
        <source>preset {name}</source>
        <translation>预设 {name}</translation>
    </message>
    <message>
        <source>file {name}</source>
        <translation>文件 {name}</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>{name} ({count} nodes)</source>
        <translation>{name}（{count} 个节点）</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>lr {lr}</source>
        <translation>学习率 {lr}</translation>
    </message>
    <message>
        <source>default lr</source>
        <translation>默认学习率</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>批大小 {size}</translation>
    </message>
    <message>
        <source>1 epoch</source>
        <translation>1 个轮次</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} 个轮次</translation>
    </message>
    <message>
        <source>clip {norm}</source>
        <translation>梯度裁剪 {norm}</translation>
    </message>
    <message>
        <source>val_accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>train_accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>val_loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>train_loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>train_loss_batch</source>
        <translation>每批次训练损失</translation>
    </message>
    <message>
        <source>val_mae</source>
        <translation>验证 MAE</translation>
    </message>
    <message>
        <source>train_mae</source>
        <translation>训练 MAE</translation>
    </message>
    <message>
        <source>epoch_seconds</source>
        <translation>每轮次秒数</translation>
    </message>
    <message>
        <source>samples_per_s</source>
        <translation>每秒样本数</translation>
    </message>
    <message>
        <source>clean_mae</source>
        <translation>干净点上的 MAE</translation>
    </message>
    <message>
        <source>train_loss_resumed</source>
        <translation>继续训练后的训练损失</translation>
    </message>
    <message>
        <source>train_loss_restart</source>
        <translation>重新初始化后的训练损失</translation>
    </message>
    <message>
        <source>shifted_accuracy</source>
        <translation>平移后的准确率</translation>
    </message>
    <message>
        <source>grad_norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>grad_through_time</source>
        <translation>沿时间的梯度</translation>
    </message>
    <message>
        <source>params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <source>epochs_done</source>
        <translation>完成的轮次</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>是否发散</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和比例</translation>
    </message>
    <message>
        <source>distinct</source>
        <translation>互不相同的单元比例</translation>
    </message>
    <message>
        <source>grad_first</source>
        <translation>第一层梯度</translation>
    </message>
    <message>
        <source>grad_last</source>
        <translation>最后一层梯度</translation>
    </message>
    <message>
        <source>grad_ratio</source>
        <translation>首末层梯度之比</translation>
    </message>
    <message>
        <source>max_abs_diff</source>
        <translation>最大绝对差</translation>
    </message>
    <message>
        <source>weights_max_abs_diff</source>
        <translation>权重最大绝对差</translation>
    </message>
    <message>
        <source>restart_gap</source>
        <translation>与重新初始化的差距</translation>
    </message>
    <message>
        <source>epochs_to.{series}&gt;={value}</source>
        <translation>{series} ≥ {value} 所需轮次</translation>
    </message>
    <message>
        <source>epochs_to.{series}&lt;={value}</source>
        <translation>{series} ≤ {value} 所需轮次</translation>
    </message>
    <message>
        <source>last_{k}_mean.{series}</source>
        <translation>{series}最后 {k} 个值的均值</translation>
    </message>
    <message>
        <source>final.{series}</source>
        <translation>最终{series}</translation>
    </message>
    <message>
        <source>max.{series}</source>
        <translation>{series}最大值</translation>
    </message>
    <message>
        <source>min.{series}</source>
        <translation>{series}最小值</translation>
    </message>
    <message>
        <source>last_k_mean.{series}</source>
        <translation>{series}最后 k 个值的均值</translation>
    </message>
    <message>
        <source>roughness.{series}</source>
        <translation>{series}波动度</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Each experiment tests one claim of the curriculum on this machine: fixed data, networks, settings and seeds, trained by the engine that trains your networks. Its verdict — &lt;b&gt;supported&lt;/b&gt;, &lt;b&gt;not supported here&lt;/b&gt; or &lt;b&gt;it depends&lt;/b&gt; — is computed from the measured figures and names the numbers that decide it.</source>
        <translation>每个实验都在本机上检验课程中的一个论断：固定的数据、网络、设置和随机种子，由训练你的网络的同一引擎来训练。实验的结论——&lt;b&gt;得到支持&lt;/b&gt;、&lt;b&gt;在此未得到支持&lt;/b&gt;或&lt;b&gt;视情况而定&lt;/b&gt;——根据测得的指标计算得出，并给出起决定作用的数值。</translation>
    </message>
    <message>
        <source>Open experiment file…</source>
        <translation>打开实验文件…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>{name} (cannot load)</source>
        <translation>{name}（无法加载）</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Experiments (*.json);;All files (*)</source>
        <translation>实验 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Experiment running</source>
        <translation>实验正在运行</translation>
    </message>
    <message>
        <source>Stop the running experiment first.</source>
        <translation>请先停止正在运行的实验。</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>{title} ({file})</source>
        <translation>{title}（{file}）</translation>
    </message>
    <message>
        <source>No experiment chosen.</source>
        <translation>未选择实验。</translation>
    </message>
    <message>
        <source>Open in builder</source>
        <translation>在构建器中打开</translation>
    </message>
    <message>
        <source>Open the network of run {run} in the builder</source>
        <translation>在构建器中打开运行 {run} 的网络</translation>
    </message>
    <message>
        <source>Claim {number}:</source>
        <translation>论断 {number}：</translation>
    </message>
    <message>
        <source>Claim:</source>
        <translation>论断：</translation>
    </message>
    <message>
        <source>article lines {lines}</source>
        <translation>原文第 {lines} 行</translation>
    </message>
    <message>
        <source>article line {lines}</source>
        <translation>原文第 {lines} 行</translation>
    </message>
    <message>
        <source>data &lt;b&gt;{data}&lt;/b&gt; · measure &lt;b&gt;{measure}&lt;/b&gt; · seeds {seeds}</source>
        <translation>数据 &lt;b&gt;{data}&lt;/b&gt; · 测量方法 &lt;b&gt;{measure}&lt;/b&gt; · 随机种子 {seeds}</translation>
    </message>
    <message>
        <source>data &lt;b&gt;{data}&lt;/b&gt; · measure &lt;b&gt;{measure}&lt;/b&gt; · seed {seeds}</source>
        <translation>数据 &lt;b&gt;{data}&lt;/b&gt; · 测量方法 &lt;b&gt;{measure}&lt;/b&gt; · 随机种子 {seeds}</translation>
    </message>
    <message>
        <source>measure &lt;b&gt;{measure}&lt;/b&gt; · seeds {seeds}</source>
        <translation>测量方法 &lt;b&gt;{measure}&lt;/b&gt; · 随机种子 {seeds}</translation>
    </message>
    <message>
        <source>measure &lt;b&gt;{measure}&lt;/b&gt; · seed {seeds}</source>
        <translation>测量方法 &lt;b&gt;{measure}&lt;/b&gt; · 随机种子 {seeds}</translation>
    </message>
    <message>
        <source>Starting… (the first run compiles the engine&apos;s kernels)</source>
        <translation>正在启动…（首次运行会编译引擎的计算内核）</translation>
    </message>
    <message>
        <source>{progress} — stopping…</source>
        <translation>{progress} — 正在停止…</translation>
    </message>
    <message>
        <source>{unit} — epoch {epoch}/{epochs}</source>
        <translation>{unit} — 轮次 {epoch}/{epochs}</translation>
    </message>
    <message>
        <source>{unit} — done</source>
        <translation>{unit} — 完成</translation>
    </message>
    <message>
        <source>{progress} · {done}/{total} done</source>
        <translation>{progress} · 已完成 {done}/{total}</translation>
    </message>
    <message>
        <source>seed {index} of {count}</source>
        <translation>随机种子 {index}/{count}</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>随机种子 {seed}</translation>
    </message>
    <message>
        <source>run {run}</source>
        <translation>运行 {run}</translation>
    </message>
    <message>
        <source>run {run}, {seed}</source>
        <translation>运行 {run}，{seed}</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>失败：{message}</translation>
    </message>
    <message>
        <source>Stopped: {progress}</source>
        <translation>已停止：{progress}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cannot open the network</source>
        <translation>无法打开网络</translation>
    </message>
    <message>
        <source>Run {run}: {error}</source>
        <translation>运行 {run}：{error}</translation>
    </message>
    <message>
        <source>run {run!r}: resume_at must be a whole number of epochs from 1 to epochs − 1 ({most}), got {value!r}</source>
        <translation>运行 {run!r}：resume_at 必须是 1 到 epochs − 1（{most}）之间的整数轮次，实际为 {value!r}</translation>
    </message>
    <message>
        <source>run {run!r}: keep must be one of {known}, got {value!r}</source>
        <translation>运行 {run!r}：keep 必须是 {known} 之一，实际为 {value!r}</translation>
    </message>
    <message>
        <source>options.shifts must be a list of different whole numbers of pixels from 0 to {most}, e.g. [0, 1, 2], got {value!r}</source>
        <translation>options.shifts 必须是由 0 到 {most} 之间互不相同的整数像素数组成的列表，例如 [0, 1, 2]，实际为 {value!r}</translation>
    </message>
    <message>
        <source>run {run!r}: the shifted measure needs image classification data (samples of shape [C, H, W] or [H, W]), got {task} data of shape {shape}</source>
        <translation>运行 {run!r}：shifted 测量方法需要图像分类数据（样本形状为 [C, H, W] 或 [H, W]），实际为形状 {shape} 的 {task} 数据</translation>
    </message>
    <message>
        <source>run {run!r}: the shifted measure tests on the validation images; set val_split above 0</source>
        <translation>运行 {run!r}：shifted 测量方法在验证集图像上测试；请把 val_split 设为大于 0</translation>
    </message>
    <message>
        <source>run {run!r}: grad_batch must be a whole number ≥ 1, got {value!r}</source>
        <translation>运行 {run!r}：grad_batch 必须是 ≥ 1 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>run {run!r}: the through_time measure needs sequence data (samples of shape [T, F]), got samples of shape {shape}</source>
        <translation>运行 {run!r}：through_time 测量方法需要序列数据（样本形状为 [T, F]），实际样本形状为 {shape}</translation>
    </message>
</context>
</TS>
