<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>Follow System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <source>&amp;New…</source>
      <translation>新建(&amp;N)…</translation>
    </message>
    <message>
      <source>New network: empty or from a preset</source>
      <translation>新建网络：空白或来自预设</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>Open a network (.json) or model file (.dls)</source>
      <translation>打开网络 (.json) 或模型文件 (.dls)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>Save under a new name</source>
      <translation>以新名称保存</translation>
    </message>
    <message>
      <source>Export Summary as CSV…</source>
      <translation>将概要导出为 CSV…</translation>
    </message>
    <message>
      <source>&amp;ONNX Model…</source>
      <translation>ONNX 模型(&amp;O)…</translation>
    </message>
    <message>
      <source>Save the network and its weights as an ONNX model</source>
      <translation>将网络及其权重保存为 ONNX 模型</translation>
    </message>
    <message>
      <source>&amp;Diagram (PNG, SVG, PDF)…</source>
      <translation>结构图 (PNG, SVG, PDF)(&amp;D)…</translation>
    </message>
    <message>
      <source>Save the network as a diagram for slides and papers</source>
      <translation>将网络保存为结构图，用于幻灯片和论文</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>剪切(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
      <source>D&amp;uplicate</source>
      <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <source>Delete the selected layers and connections</source>
      <translation>删除选中的层和连线</translation>
    </message>
    <message>
      <source>Select &amp;All</source>
      <translation>全选(&amp;A)</translation>
    </message>
    <message>
      <source>Co&amp;nnect Output To…</source>
      <translation>连接输出到(&amp;N)…</translation>
    </message>
    <message>
      <source>Connect the selected layer's output to another layer: arrow keys or Tab choose the layer, Enter connects, Esc cancels</source>
      <translation>将选中层的输出连接到另一层：用方向键或 Tab 选择目标层，Enter 连接，Esc 取消</translation>
    </message>
    <message>
      <source>Di&amp;sconnect…</source>
      <translation>断开连线(&amp;S)…</translation>
    </message>
    <message>
      <source>Remove one of the selected layer's connections</source>
      <translation>断开选中层的一条连线</translation>
    </message>
    <message>
      <source>&amp;Fit to View</source>
      <translation>适应视图(&amp;F)</translation>
    </message>
    <message>
      <source>Show the whole network (F)</source>
      <translation>显示整个网络 (F)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Actual Size</source>
      <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
      <source>Auto &amp;Layout</source>
      <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
      <source>Arrange the blocks in layers (L)</source>
      <translation>按层次排列各个模块 (L)</translation>
    </message>
    <message>
      <source>&amp;Train</source>
      <translation>训练(&amp;T)</translation>
    </message>
    <message>
      <source>Train this network</source>
      <translation>训练此网络</translation>
    </message>
    <message>
      <source>&amp;Lab</source>
      <translation>实验室(&amp;L)</translation>
    </message>
    <message>
      <source>The Lab: activations, losses, optimizers, convolution, one training step, the LSTM cell and decision regions, computed by the engine</source>
      <translation>实验室：激活函数、损失函数、优化器、卷积、单步训练、LSTM 单元和决策区域，均由引擎实际计算</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;About dlstudio</source>
      <translation>关于 dlstudio(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>导出(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>主题(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>Click to select, Delete to remove</source>
      <translation>单击选中，按 Del 删除</translation>
    </message>
    <message>
      <source>&lt;b&gt;Problem:&lt;/b&gt; {problem}</source>
      <translation>&lt;b&gt;问题：&lt;/b&gt;{problem}</translation>
    </message>
    <message>
      <source>Drop a connection here to add an input</source>
      <translation>将连线拖放到此处以添加一个输入</translation>
    </message>
    <message>
      <source>Input {k}: drag to a layer's output to connect</source>
      <translation>输入 {k}：拖到某一层的输出端以连接</translation>
    </message>
    <message>
      <source>Input {k}: drag from here to a layer's output to connect</source>
      <translation>输入 {k}：从此处拖到某一层的输出端以连接</translation>
    </message>
    <message>
      <source>Output: drag from here to another layer's input to connect</source>
      <translation>输出：从此处拖到另一层的输入端以连接</translation>
    </message>
    <message>
      <source>{n} params</source>
      <translation>{n} 个参数</translation>
    </message>
    <message>
      <source>unknown layer type</source>
      <translation>未知的层类型</translation>
    </message>
    <message>
      <source>Cannot connect: {problem}.</source>
      <translation>无法连接：{problem}。</translation>
    </message>
    <message>
      <source>Add {type}</source>
      <translation>添加 {type}</translation>
    </message>
    <message>
      <source>Delete {id}</source>
      <translation>删除 {id}</translation>
    </message>
    <message>
      <source>Connect {src} → {dst}</source>
      <translation>连接 {src} → {dst}</translation>
    </message>
    <message>
      <source>Disconnect {src} → {dst}</source>
      <translation>断开 {src} → {dst}</translation>
    </message>
    <message>
      <source>Move {id}</source>
      <translation>移动 {id}</translation>
    </message>
    <message>
      <source>Move {n} layers</source>
      <translation>移动 {n} 个层</translation>
    </message>
    <message>
      <source>Change {name} of {id}</source>
      <translation>修改 {id} 的{name}</translation>
    </message>
    <message>
      <source>Rename {old} to {new}</source>
      <translation>将 {old} 重命名为 {new}</translation>
    </message>
    <message>
      <source>{name} · {n} parameters</source>
      <translation>{name} · {n} 个参数</translation>
    </message>
    <message>
      <source>unknown diagram format {ext}: use .png, .svg or .pdf</source>
      <translation>未知的结构图格式 {ext}：请使用 .png、.svg 或 .pdf</translation>
    </message>
    <message>
      <source>cannot write {path}</source>
      <translation>无法写入 {path}</translation>
    </message>
    <message>
      <source>Cannot edit: {reason}.</source>
      <translation>无法编辑：{reason}。</translation>
    </message>
    <message>
      <source>an id starts with a letter or _ and holds letters, digits, _ or - (at most 64)</source>
      <translation>标识名须以字母或 _ 开头，只能包含字母、数字、_ 或 -（最多 64 个字符）</translation>
    </message>
    <message>
      <source>the id {id} is already used by another layer</source>
      <translation>标识名 {id} 已被另一个层使用</translation>
    </message>
    <message>
      <source>a layer cannot feed itself</source>
      <translation>层不能连接到自身</translation>
    </message>
    <message>
      <source>{dst} is of an unknown layer type — replace it with a layer from the palette</source>
      <translation>{dst} 的层类型未知——请用层面板中的层替换它</translation>
    </message>
    <message>
      <source>an {type} takes no inputs — data enters the network there</source>
      <translation>{type} 不接受输入——数据从这里进入网络</translation>
    </message>
    <message>
      <source>{src} is already connected to {dst}</source>
      <translation>{src} 已连接到 {dst}</translation>
    </message>
    <message>
      <source>connecting {src} → {dst} would make a loop: {dst} already feeds {src}</source>
      <translation>连接 {src} → {dst} 会形成环路：{dst} 已经向 {src} 提供输入</translation>
    </message>
    <message>
      <source>{dst} already has its input ({src}) — delete that connection first, or merge the branches with Add or Concatenate</source>
      <translation>{dst} 已有输入（{src}）——请先删除那条连线，或用 Add 或 Concatenate 合并分支</translation>
    </message>
    <message>
      <source>Delete {n} layers</source>
      <translation>删除 {n} 个层</translation>
    </message>
    <message>
      <source>Delete connection</source>
      <translation>删除连线</translation>
    </message>
    <message>
      <source>Delete {n} connections</source>
      <translation>删除 {n} 条连线</translation>
    </message>
    <message>
      <source>Cannot rename {id}: {problem}.</source>
      <translation>无法重命名 {id}：{problem}。</translation>
    </message>
    <message>
      <source>Auto layout</source>
      <translation>自动布局</translation>
    </message>
    <message>
      <source>Paste 1 layer</source>
      <translation>粘贴 1 个层</translation>
    </message>
    <message>
      <source>Paste {n} layers</source>
      <translation>粘贴 {n} 个层</translation>
    </message>
    <message>
      <source>PNG image</source>
      <translation>PNG 图像</translation>
    </message>
    <message>
      <source>SVG drawing</source>
      <translation>SVG 矢量图</translation>
    </message>
    <message>
      <source>PDF document</source>
      <translation>PDF 文档</translation>
    </message>
    <message>
      <source>Export diagram</source>
      <translation>导出结构图</translation>
    </message>
    <message>
      <source>Cannot export diagram</source>
      <translation>无法导出结构图</translation>
    </message>
    <message>
      <source>Diagram saved to {name}</source>
      <translation>结构图已保存到 {name}</translation>
    </message>
    <message>
      <source>Export ONNX model</source>
      <translation>导出 ONNX 模型</translation>
    </message>
    <message>
      <source>its trained weights</source>
      <translation>训练得到的权重</translation>
    </message>
    <message>
      <source>the weights of the opened model</source>
      <translation>所打开模型的权重</translation>
    </message>
    <message>
      <source>freshly initialised (untrained) weights — train or open a model file to export learned ones</source>
      <translation>新初始化的（未训练的）权重——请先训练或打开模型文件，以导出学到的权重</translation>
    </message>
    <message>
      <source>ONNX model</source>
      <translation>ONNX 模型</translation>
    </message>
    <message>
      <source>Cannot export {name}: {error}</source>
      <translation>无法导出 {name}：{error}</translation>
    </message>
    <message>
      <source>Cannot write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <source>Exported {name} with {weights}</source>
      <translation>已导出 {name}，使用{weights}</translation>
    </message>
    <message>
      <source>{message}.</source>
      <translation>{message}。</translation>
    </message>
    <message>
      <source>Networks, models and experiments</source>
      <translation>网络、模型和实验</translation>
    </message>
    <message>
      <source>Model files</source>
      <translation>模型文件</translation>
    </message>
    <message>
      <source>Network files</source>
      <translation>网络文件</translation>
    </message>
    <message>
      <source>ONNX models</source>
      <translation>ONNX 模型</translation>
    </message>
    <message>
      <source>All files</source>
      <translation>所有文件</translation>
    </message>
    <message>
      <source>Model file</source>
      <translation>模型文件</translation>
    </message>
    <message>
      <source>Network file</source>
      <translation>网络文件</translation>
    </message>
    <message>
      <source>the network has problems ({problem})</source>
      <translation>网络存在问题（{problem}）</translation>
    </message>
    <message>
      <source>the layers that own weights changed (new: {new}) (gone: {gone})</source>
      <translation>带权重的层已改变（新增：{new}）（移除：{gone}）</translation>
    </message>
    <message>
      <source>the layers that own weights changed (new: {new})</source>
      <translation>带权重的层已改变（新增：{new}）</translation>
    </message>
    <message>
      <source>the layers that own weights changed (gone: {gone})</source>
      <translation>带权重的层已改变（移除：{gone}）</translation>
    </message>
    <message>
      <source>{name} was {old} and is now {new}</source>
      <translation>{name} 原为 {old}，现为 {new}</translation>
    </message>
    <message>
      <source>Cannot import {name}: {error}</source>
      <translation>无法导入 {name}：{error}</translation>
    </message>
    <message>
      <source>Cannot open {path}: {error}</source>
      <translation>无法打开 {path}：{error}</translation>
    </message>
    <message>
      <source>The weights no longer fit</source>
      <translation>权重已不匹配</translation>
    </message>
    <message>
      <source>The trained weights in this model file do not fit the edited network: {problem}.</source>
      <translation>此模型文件中训练好的权重与编辑后的网络不匹配：{problem}。</translation>
    </message>
    <message>
      <source>Save the network alone as a .json file, or keep the model file and start again from fresh, untrained weights?</source>
      <translation>只将网络保存为 .json 文件，还是保留模型文件并从新的、未训练的权重重新开始？</translation>
    </message>
    <message>
      <source>Save network as .json…</source>
      <translation>将网络保存为 .json…</translation>
    </message>
    <message>
      <source>Use fresh weights</source>
      <translation>使用新权重</translation>
    </message>
    <message>
      <source>{name} (imported, unsaved)</source>
      <translation>{name}（已导入，未保存）</translation>
    </message>
    <message>
      <source>{name} (unsaved)</source>
      <translation>{name}（未保存）</translation>
    </message>
    <message>
      <source>Open network or model</source>
      <translation>打开网络或模型</translation>
    </message>
    <message>
      <source>Cannot open</source>
      <translation>无法打开</translation>
    </message>
    <message>
      <source>Opened {name}</source>
      <translation>已打开 {name}</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的更改</translation>
    </message>
    <message>
      <source>Save the changes to {name}?</source>
      <translation>是否保存对 {name} 的更改？</translation>
    </message>
    <message>
      <source>Save trained model</source>
      <translation>保存训练好的模型</translation>
    </message>
    <message>
      <source>Save network</source>
      <translation>保存网络</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <source>Cannot save {path}: {error}</source>
      <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
      <source>Saved {name}</source>
      <translation>已保存 {name}</translation>
    </message>
    <message>
      <source>Cannot save a model file</source>
      <translation>无法保存模型文件</translation>
    </message>
    <message>
      <source>A model file needs a network that works: {problem}. Fix it, or save the network as .json.</source>
      <translation>模型文件需要一个可以运行的网络：{problem}。请修正它，或将网络保存为 .json。</translation>
    </message>
    <message>
      <source>Autosave failed: {error}</source>
      <translation>自动保存失败：{error}</translation>
    </message>
    <message>
      <source>Restore unsaved work?</source>
      <translation>恢复未保存的工作？</translation>
    </message>
    <message>
      <source>dlstudio did not close cleanly last time. Restore the unsaved changes to {name} (autosaved {when})?</source>
      <translation>dlstudio 上次未正常关闭。是否恢复对 {name} 的未保存更改（自动保存于 {when}）？</translation>
    </message>
    <message>
      <source>Cannot restore</source>
      <translation>无法恢复</translation>
    </message>
    <message>
      <source>The recovery file is damaged: {error}</source>
      <translation>恢复文件已损坏：{error}</translation>
    </message>
    <message>
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>pad {t},{b},{l},{r}</source>
      <translation>填充 {t},{b},{l},{r}</translation>
    </message>
    <message>
      <source>Input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>alpha</source>
      <comment>layer setting</comment>
      <translation>系数 α</translation>
    </message>
    <message>
      <source>filters</source>
      <comment>layer setting</comment>
      <translation>卷积核数</translation>
    </message>
    <message>
      <source>kernel size</source>
      <comment>layer setting</comment>
      <translation>卷积核大小</translation>
    </message>
    <message>
      <source>strides</source>
      <comment>layer setting</comment>
      <translation>步长</translation>
    </message>
    <message>
      <source>padding</source>
      <comment>layer setting</comment>
      <translation>填充</translation>
    </message>
    <message>
      <source>use bias</source>
      <comment>layer setting</comment>
      <translation>使用偏置</translation>
    </message>
    <message>
      <source>shape</source>
      <comment>layer setting</comment>
      <translation>形状</translation>
    </message>
    <message>
      <source>units</source>
      <comment>layer setting</comment>
      <translation>神经元数</translation>
    </message>
    <message>
      <source>rate</source>
      <comment>layer setting</comment>
      <translation>丢弃率</translation>
    </message>
    <message>
      <source>momentum</source>
      <comment>layer setting</comment>
      <translation>动量</translation>
    </message>
    <message>
      <source>epsilon</source>
      <comment>layer setting</comment>
      <translation>ε</translation>
    </message>
    <message>
      <source>pool size</source>
      <comment>layer setting</comment>
      <translation>池化窗口</translation>
    </message>
    <message>
      <source>ceil mode</source>
      <comment>layer setting</comment>
      <translation>向上取整</translation>
    </message>
    <message>
      <source>count include pad</source>
      <comment>layer setting</comment>
      <translation>计入填充</translation>
    </message>
    <message>
      <source>return sequences</source>
      <comment>layer setting</comment>
      <translation>返回整个序列</translation>
    </message>
    <message>
      <source>Input</source>
      <comment>layer group</comment>
      <translation>输入</translation>
    </message>
    <message>
      <source>Core</source>
      <comment>layer group</comment>
      <translation>核心</translation>
    </message>
    <message>
      <source>Convolution</source>
      <comment>layer group</comment>
      <translation>卷积</translation>
    </message>
    <message>
      <source>Pooling</source>
      <comment>layer group</comment>
      <translation>池化</translation>
    </message>
    <message>
      <source>Normalization</source>
      <comment>layer group</comment>
      <translation>归一化</translation>
    </message>
    <message>
      <source>Activation</source>
      <comment>layer group</comment>
      <translation>激活函数</translation>
    </message>
    <message>
      <source>Recurrent</source>
      <comment>layer group</comment>
      <translation>循环</translation>
    </message>
    <message>
      <source>Merge</source>
      <comment>layer group</comment>
      <translation>合并</translation>
    </message>
    <message>
      <source>{n} units</source>
      <translation>{n} 个神经元</translation>
    </message>
    <message>
      <source>1 unit</source>
      <translation>1 个神经元</translation>
    </message>
    <message>
      <source>{n} filters</source>
      <translation>{n} 个卷积核</translation>
    </message>
    <message>
      <source>1 filter</source>
      <translation>1 个卷积核</translation>
    </message>
    <message>
      <source>all steps</source>
      <translation>所有时间步</translation>
    </message>
    <message>
      <source>last step</source>
      <translation>最后时间步</translation>
    </message>
    <message>
      <source>pool {size}</source>
      <translation>池化 {size}</translation>
    </message>
    <message>
      <source>stride {n}</source>
      <translation>步长 {n}</translation>
    </message>
    <message>
      <source>same</source>
      <comment>padding</comment>
      <translation>全零填充</translation>
    </message>
    <message>
      <source>valid</source>
      <comment>padding</comment>
      <translation>不填充</translation>
    </message>
    <message>
      <source>{name} (full size)</source>
      <translation>{name}（完整尺寸）</translation>
    </message>
    <message>
      <source>Stacked {name}</source>
      <translation>堆叠 {name}</translation>
    </message>
    <message>
      <source>Preset: {name}</source>
      <translation>预设：{name}</translation>
    </message>
    <message>
      <source>New network</source>
      <translation>新建网络</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>创建</translation>
    </message>
    <message>
      <source>Start from an empty canvas or a classic network, built for the bundled data {data} ({shape} images, {classes} classes).</source>
      <translation>从空白画布或一个经典网络开始，网络按内置数据 {data}（{shape} 图像，{classes} 个类别）构建。</translation>
    </message>
    <message>
      <source>Empty</source>
      <translation>空白</translation>
    </message>
    <message>
      <source>An empty canvas: drag layers from the palette.</source>
      <translation>空白画布：从层面板拖入各层。</translation>
    </message>
    <message>
      <source>Not available: {error}</source>
      <translation>不可用：{error}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Empty&lt;/b&gt; — start from scratch: drag an Input and layers from the palette.</source>
      <translation>&lt;b&gt;空白&lt;/b&gt;——从零开始：从层面板拖入一个 Input 和其他层。</translation>
    </message>
    <message>
      <source>({n} layers)</source>
      <translation>（{n} 个层）</translation>
    </message>
    <message>
      <source>type {what}</source>
      <translation>请输入{what}</translation>
    </message>
    <message>
      <source>{text} is not a whole number — type {what}</source>
      <translation>{text} 不是整数——请输入{what}</translation>
    </message>
    <message>
      <source>same as the pool size</source>
      <translation>与池化窗口相同</translation>
    </message>
    <message>
      <source>n or h×w</source>
      <translation>n 或 h×w</translation>
    </message>
    <message>
      <source>one number or h×w, e.g. 3 or 3×5</source>
      <translation>一个数或 h×w，例如 3 或 3×5</translation>
    </message>
    <message>
      <source>type one number or two (h×w), e.g. 3 or 3×5</source>
      <translation>请输入一个数或两个数 (h×w)，例如 3 或 3×5</translation>
    </message>
    <message>
      <source>e.g. 1×28×28, 20×1 or 2</source>
      <translation>例如 1×28×28、20×1 或 2</translation>
    </message>
    <message>
      <source>the sizes of one sample, e.g. 1×28×28 (image), 20×1 (sequence) or 2</source>
      <translation>单个样本的各维大小，例如 1×28×28（图像）、20×1（序列）或 2</translation>
    </message>
    <message>
      <source>top padding (zeros)</source>
      <translation>上方填充（补零）</translation>
    </message>
    <message>
      <source>bottom padding (zeros)</source>
      <translation>下方填充（补零）</translation>
    </message>
    <message>
      <source>left padding (zeros)</source>
      <translation>左侧填充（补零）</translation>
    </message>
    <message>
      <source>right padding (zeros)</source>
      <translation>右侧填充（补零）</translation>
    </message>
    <message>
      <source>explicit</source>
      <comment>padding</comment>
      <translation>自定义填充</translation>
    </message>
    <message>
      <source>[[top, bottom], [left, right]] zeros</source>
      <translation>[[上, 下], [左, 右]] 补零</translation>
    </message>
    <message>
      <source>{n} layers selected.</source>
      <translation>已选中 {n} 个层。</translation>
    </message>
    <message>
      <source>Select a layer on the canvas to see and edit its settings.</source>
      <translation>在画布上选中一个层，以查看和编辑其设置。</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>层</translation>
    </message>
    <message>
      <source>A unique name; weights are stored as &lt;id&gt;.&lt;name&gt;.</source>
      <translation>唯一的标识名；权重以 &lt;标识名&gt;.&lt;权重名&gt; 的形式存储。</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>标识名</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>输出</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>开销</translation>
    </message>
    <message>
      <source>Parameters</source>
      <translation>参数量</translation>
    </message>
    <message>
      <source>— (data enters here)</source>
      <translation>—（数据从这里进入）</translation>
    </message>
    <message>
      <source>not connected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <source> ({n} trainable)</source>
      <translation>（{n} 个可训练）</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>The language is set by the environment variable DLSTUDIO_LANG ({value}); unset it for this choice to take effect.</source>
      <translation>语言由环境变量 DLSTUDIO_LANG（{value}）设定；取消该变量后此选择才会生效。</translation>
    </message>
    <message>
      <source>Language saved.</source>
      <translation>语言已保存。</translation>
    </message>
    <message>
      <source>The new language applies when dlstudio starts again. Restart now?</source>
      <translation>新语言将在 dlstudio 重新启动后生效。现在重启吗？</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Restart Now</source>
      <translation>立即重启</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>稍后</translation>
    </message>
    <message>
      <source>New network (empty or preset)</source>
      <translation>新建网络（空白或预设）</translation>
    </message>
    <message>
      <source>Open .dls / .json</source>
      <translation>打开 .dls / .json</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>另存为</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <source>Delete selected layers and connections</source>
      <translation>删除选中的层和连线</translation>
    </message>
    <message>
      <source>Delete / Backspace</source>
      <translation>Del / Backspace</translation>
    </message>
    <message>
      <source>Copy / cut / paste</source>
      <translation>复制 / 剪切 / 粘贴</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>创建副本</translation>
    </message>
    <message>
      <source>Select all</source>
      <translation>全选</translation>
    </message>
    <message>
      <source>Arrow keys (on the canvas)</source>
      <translation>方向键（在画布上）</translation>
    </message>
    <message>
      <source>Select the nearest layer in that direction</source>
      <translation>选中该方向上最近的层</translation>
    </message>
    <message>
      <source>Connect the selected layer's output: arrow keys or Tab choose the layer, Enter connects, Esc cancels</source>
      <translation>连接选中层的输出：用方向键或 Tab 选择目标层，Enter 连接，Esc 取消</translation>
    </message>
    <message>
      <source>Remove a connection of the selected layer</source>
      <translation>断开选中层的一条连线</translation>
    </message>
    <message>
      <source>Fit the network in the view</source>
      <translation>使网络适应视图</translation>
    </message>
    <message>
      <source>Automatic layout</source>
      <translation>自动布局</translation>
    </message>
    <message>
      <source>Zoom in / out / 100 %</source>
      <translation>放大 / 缩小 / 100 %</translation>
    </message>
    <message>
      <source>Wheel</source>
      <translation>滚轮</translation>
    </message>
    <message>
      <source>Zoom around the cursor</source>
      <translation>以光标为中心缩放</translation>
    </message>
    <message>
      <source>Middle drag, Space + drag</source>
      <translation>中键拖动，Space + 拖动</translation>
    </message>
    <message>
      <source>Pan</source>
      <translation>平移</translation>
    </message>
    <message>
      <source>Space (on the canvas)</source>
      <translation>Space（在画布上）</translation>
    </message>
    <message>
      <source>Start or continue training; pause / resume a run</source>
      <translation>开始或继续训练；暂停 / 继续一次运行</translation>
    </message>
    <message>
      <source>Show the training panel</source>
      <translation>显示训练面板</translation>
    </message>
    <message>
      <source>Start / continue training</source>
      <translation>开始 / 继续训练</translation>
    </message>
    <message>
      <source>Pause / resume</source>
      <translation>暂停 / 继续</translation>
    </message>
    <message>
      <source>Stop training</source>
      <translation>停止训练</translation>
    </message>
    <message>
      <source>Open the Lab</source>
      <translation>打开实验室</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>概要</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Layers</source>
      <translation>层面板</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>属性</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>Engine: idle</source>
      <translation>引擎：空闲</translation>
    </message>
    <message>
      <source>The training engine</source>
      <translation>训练引擎</translation>
    </message>
    <message>
      <source>{name}[*] — dlstudio</source>
      <translation>{name}[*] — dlstudio</translation>
    </message>
    <message>
      <source>1 layer · {params} parameters · {flops} FLOPs</source>
      <translation>1 个层 · {params} 个参数 · {flops} FLOPs</translation>
    </message>
    <message>
      <source>{layers} layers · {params} parameters · {flops} FLOPs</source>
      <translation>{layers} 个层 · {params} 个参数 · {flops} FLOPs</translation>
    </message>
    <message>
      <source>Problems ({n})</source>
      <translation>问题 ({n})</translation>
    </message>
    <message>
      <source>⚠ 1 problem</source>
      <translation>⚠ 1 个问题</translation>
    </message>
    <message>
      <source>⚠ {n} problems</source>
      <translation>⚠ {n} 个问题</translation>
    </message>
    <message>
      <source>✓ no problems</source>
      <translation>✓ 没有问题</translation>
    </message>
    <message>
      <source>Copied 1 layer</source>
      <translation>已复制 1 个层</translation>
    </message>
    <message>
      <source>Copied {n} layers</source>
      <translation>已复制 {n} 个层</translation>
    </message>
    <message>
      <source>Nothing to paste: the clipboard holds no layers</source>
      <translation>没有可粘贴的内容：剪贴板中没有层</translation>
    </message>
    <message>
      <source>No recent files</source>
      <translation>没有最近的文件</translation>
    </message>
    <message>
      <source>Clear List</source>
      <translation>清除列表</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>About dlstudio</source>
      <translation>关于 dlstudio</translation>
    </message>
    <message>
      <source>Build neural networks visually, see every layer's shape, parameters and FLOPs, train them on a Numba CPU engine and watch them learn.</source>
      <translation>可视化地搭建神经网络，查看每一层的形状、参数量和计算量 (FLOPs)，在 Numba CPU 引擎上训练并观察它们的学习过程。</translation>
    </message>
    <message>
      <source>Search layers…</source>
      <translation>搜索层…</translation>
    </message>
    <message>
      <source>Drag a layer onto the canvas, or double-click it to add it after the selected layer.</source>
      <translation>将层拖到画布上，或双击它以添加到选中的层之后。</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Settings: {names}</source>
      <translation>设置：{names}</translation>
    </message>
    <message>
      <source>Add {type} after the selection</source>
      <translation>在选中项之后添加 {type}</translation>
    </message>
    <message>
      <source>Explain in the Lab</source>
      <translation>在实验室中讲解</translation>
    </message>
    <message>
      <source>No problems: every layer has a shape and a cost.</source>
      <translation>没有问题：每一层都有形状和开销。</translation>
    </message>
    <message>
      <source>The network is empty — drag layers from the palette onto the canvas.</source>
      <translation>网络为空——从层面板把层拖到画布上。</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Output shape</source>
      <translation>输出形状</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>{n} layers</source>
      <translation>{n} 个层</translation>
    </message>
    <message>
      <source>1 layer</source>
      <translation>1 个层</translation>
    </message>
    <message>
      <source>This layer has a problem — see the Problems tab.</source>
      <translation>此层存在问题——请查看“问题”选项卡。</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Copy the selected rows (or the whole table) as tab-separated text</source>
      <translation>将选中的行（或整个表格）复制为以制表符分隔的文本</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <source>1 layer · {params} parameters ({trainable} trainable) · {macs} MACs · {flops} FLOPs</source>
      <translation>1 个层 · {params} 个参数（{trainable} 个可训练）· {macs} MACs · {flops} FLOPs</translation>
    </message>
    <message>
      <source>{layers} layers · {params} parameters ({trainable} trainable) · {macs} MACs · {flops} FLOPs</source>
      <translation>{layers} 个层 · {params} 个参数（{trainable} 个可训练）· {macs} MACs · {flops} FLOPs</translation>
    </message>
    <message>
      <source>Export summary</source>
      <translation>导出概要</translation>
    </message>
    <message>
      <source>CSV files</source>
      <translation>CSV 文件</translation>
    </message>
    <message>
      <source>Select one layer first: arrow keys move between layers</source>
      <translation>请先选中一个层：方向键可在各层之间移动</translation>
    </message>
    <message>
      <source>There is no other layer to connect {id} to</source>
      <translation>没有其他层可供 {id} 连接</translation>
    </message>
    <message>
      <source>Connect {src} → {dst}: Enter connects · Tab: next layer that fits · arrow keys: any layer · Esc: cancel</source>
      <translation>连接 {src} → {dst}：Enter 连接 · Tab：下一个可连接的层 · 方向键：任意层 · Esc：取消</translation>
    </message>
    <message>
      <source>{src} → {dst} cannot be connected: {problem} · Tab: next layer that fits · Esc: cancel</source>
      <translation>{src} → {dst} 无法连接：{problem} · Tab：下一个可连接的层 · Esc：取消</translation>
    </message>
    <message>
      <source>No layer can take {id}'s output now</source>
      <translation>目前没有层可以接收 {id} 的输出</translation>
    </message>
    <message>
      <source>{id} has no connections to remove</source>
      <translation>{id} 没有可断开的连线</translation>
    </message>
  </context>
</TS>
