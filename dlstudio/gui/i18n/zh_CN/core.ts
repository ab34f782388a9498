<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>{variable}={value!r} is not a size; use e.g. 4G or 500M</source>
      <translation>{variable}={value!r} 不是一个大小；请使用如 4G 或 500M 的写法</translation>
    </message>
    <message>
      <source>{variable} must be positive, not {value!r}</source>
      <translation>{variable} 必须为正数，而不是 {value!r}</translation>
    </message>
    <message>
      <source>{where} would need {need_mib:,.1f} MiB to load, more than the loading budget of {budget_mib:,.0f} MiB; if the file is right and the memory is there, raise the budget with the environment variable {variable} (e.g. {variable}=8G)</source>
      <translation>{where} 加载需要 {need_mib:,.1f} MiB，超过了 {budget_mib:,.0f} MiB 的加载预算；如果文件无误且内存充足，请用环境变量 {variable} 提高预算（例如 {variable}=8G）</translation>
    </message>
    <message>
      <source>task must be one of {tasks}, not {task!r}</source>
      <translation>任务必须是 {tasks} 之一，而不是 {task!r}</translation>
    </message>
    <message>
      <source>x and y must have a leading sample axis (N, ...)</source>
      <translation>x 和 y 必须有一个前导样本轴 (N, ...)</translation>
    </message>
    <message>
      <source>x has {n_x} samples but y has {n_y}; they must match</source>
      <translation>x 有 {n_x} 个样本，而 y 有 {n_y} 个；两者必须一致</translation>
    </message>
    <message>
      <source>classification labels must have shape (N,), not {shape}</source>
      <translation>分类标签的形状必须是 (N,)，而不是 {shape}</translation>
    </message>
    <message>
      <source>classification labels must be 0..K-1; found a negative label</source>
      <translation>分类标签必须是 0..K-1；发现了负的标签</translation>
    </message>
    <message>
      <source>label {top} is out of range for {n_classes} class names</source>
      <translation>标签 {top} 超出了 {n_classes} 个类名的范围</translation>
    </message>
    <message>
      <source>a boolean mask must have shape ({n},), not {shape}</source>
      <translation>布尔掩码的形状必须是 ({n},)，而不是 {shape}</translation>
    </message>
    <message>
      <source>subset indices must be integers, not {dtype}</source>
      <translation>子集索引必须是整数，而不是 {dtype}</translation>
    </message>
    <message>
      <source>the validation fraction must be a number, not {val_fraction!r}</source>
      <translation>验证集比例必须是数字，而不是 {val_fraction!r}</translation>
    </message>
    <message>
      <source>the validation fraction must be between 0 and {max} (e.g. 0.2 keeps 20% of the samples for validation), not {val_fraction!r}</source>
      <translation>验证集比例必须在 0 到 {max} 之间（例如 0.2 表示留出 20% 的样本用于验证），而不是 {val_fraction!r}</translation>
    </message>
    <message>
      <source>the seed must be a non-negative integer, not {seed!r}</source>
      <translation>随机种子必须是非负整数，而不是 {seed!r}</translation>
    </message>
    <message>
      <source>the bundled digits file is missing: {path}. Reinstall dlstudio or restore resources/digits.npz from the source repository</source>
      <translation>内置的 digits 数据文件缺失：{path}。请重新安装 dlstudio，或从源代码仓库恢复 resources/digits.npz</translation>
    </message>
    <message>
      <source>the bundled digits file {path} is damaged ({exc}); restore it</source>
      <translation>内置的 digits 数据文件 {path} 已损坏（{exc}）；请恢复它</translation>
    </message>
    <message>
      <source>digits size must be an integer from {min} to {max} (e.g. digits:28 for 28×28 images), not {size!r}</source>
      <translation>digits 的尺寸必须是 {min} 到 {max} 之间的整数（例如 digits:28 表示 28×28 的图像），而不是 {size!r}</translation>
    </message>
    <message>
      <source>cannot create the data folder {dest}: {exc}</source>
      <translation>无法创建数据文件夹 {dest}：{exc}</translation>
    </message>
    <message>
      <source>cannot write {part}: {exc}</source>
      <translation>无法写入 {part}：{exc}</translation>
    </message>
    <message>
      <source>{url}: the file's checksum does not match the published one ({checksum}); the downloaded file was deleted</source>
      <translation>{url}：文件的校验和与公布的不一致（{checksum}）；已删除下载的文件</translation>
    </message>
    <message>
      <source>could not download {name}:
  {failures}
{hint}</source>
      <translation>无法下载 {name}：
  {failures}
{hint}</translation>
    </message>
    <message>
      <source>could not download {name}:
  {failures}</source>
      <translation>无法下载 {name}：
  {failures}</translation>
    </message>
    <message>
      <source>remap them first, e.g. with numpy: classes, y = np.unique(y, return_inverse=True)</source>
      <translation>请先重新映射，例如用 numpy：classes, y = np.unique(y, return_inverse=True)</translation>
    </message>
    <message>
      <source>{kind}: needs a file path, e.g. {kind}:data/train.{kind}</source>
      <translation>{kind}：需要一个文件路径，例如 {kind}:data/train.{kind}</translation>
    </message>
    <message>
      <source>{kind} file not found: {p}. Check the path (relative paths are resolved from the current folder)</source>
      <translation>找不到 {kind} 文件：{p}。请检查路径（相对路径从当前文件夹算起）</translation>
    </message>
    <message>
      <source>{kind} path is not a file: {p}</source>
      <translation>{kind} 路径不是文件：{p}</translation>
    </message>
    <message>
      <source>class labels must be the integers 0..{last} ({k} distinct labels found), but {sample} has label {label:g}; {remap}, or treat the target as a number with ?task=regression</source>
      <translation>类别标签必须是整数 0..{last}（发现 {k} 个不同的标签），但{sample}的标签是 {label:g}；{remap}，或用 ?task=regression 把目标当作数值</translation>
    </message>
    <message>
      <source>{p} is not an .npz file (not a zip archive). Save your arrays with numpy.savez(path, x=x, y=y)</source>
      <translation>{p} 不是 .npz 文件（不是 zip 压缩包）。请用 numpy.savez(path, x=x, y=y) 保存数组</translation>
    </message>
    <message>
      <source>{p} holds object (pickled) arrays, which are not loaded for safety; save plain numeric arrays</source>
      <translation>{p} 含有对象（pickle）数组，出于安全原因不会加载；请保存普通的数值数组</translation>
    </message>
    <message>
      <source>{p} is damaged or not an .npz file ({exc})</source>
      <translation>{p} 已损坏或不是 .npz 文件（{exc}）</translation>
    </message>
    <message>
      <source>{p} is damaged or not an .npz file: '{name}' is not a NumPy array</source>
      <translation>{p} 已损坏或不是 .npz 文件：'{name}' 不是 NumPy 数组</translation>
    </message>
    <message>
      <source>{p} has no array named '{name}' (found: {found}). Save the inputs as x and the targets as y: numpy.savez(path, x=inputs, y=targets)</source>
      <translation>{p} 中没有名为 '{name}' 的数组（找到：{found}）。请把输入保存为 x、目标保存为 y：numpy.savez(path, x=inputs, y=targets)</translation>
    </message>
    <message>
      <source>array '{name}' in {p}</source>
      <translation>{p} 中的数组 '{name}'</translation>
    </message>
    <message>
      <source>array '{name}' in {p} has dtype {dtype}; it must be numeric (integers, floats or booleans)</source>
      <translation>{p} 中的数组 '{name}' 的 dtype 是 {dtype}；它必须是数值类型（整数、浮点数或布尔值）</translation>
    </message>
    <message>
      <source>x and y in {p} must have a leading sample axis (N, ...)</source>
      <translation>{p} 中的 x 和 y 必须有一个前导样本轴 (N, ...)</translation>
    </message>
    <message>
      <source>x in {p} has {n_x} samples but y has {n_y}; they must have the same first dimension N</source>
      <translation>{p} 中的 x 有 {n_x} 个样本，而 y 有 {n_y} 个；它们的第一维 N 必须相同</translation>
    </message>
    <message>
      <source>{p} holds no samples (N = 0)</source>
      <translation>{p} 中没有样本（N = 0）</translation>
    </message>
    <message>
      <source>x in {p} contains NaN or infinite values (or values too large for float32), first in sample {i}; clean or impute them first</source>
      <translation>{p} 中的 x 含有 NaN 或无穷值（或超出 float32 范围的值），最早出现在样本 {i}；请先清理或填补这些值</translation>
    </message>
    <message>
      <source>sample {i}</source>
      <translation>样本 {i}</translation>
    </message>
    <message>
      <source>y in {p} contains NaN or infinite values; regression targets must be finite numbers</source>
      <translation>{p} 中的 y 含有 NaN 或无穷值；回归目标必须是有限的数值</translation>
    </message>
    <message>
      <source>classification labels in {p} must have shape (N,), but y has shape {shape}. Give one integer label per sample, or store y as floats (or add ?task=regression) for a multi-value regression target</source>
      <translation>{p} 中的分类标签的形状必须是 (N,)，但 y 的形状是 {shape}。请为每个样本给出一个整数标签，或者把 y 存为浮点数（或加上 ?task=regression）作为多值回归目标</translation>
    </message>
    <message>
      <source>y in {p} has non-integer values, so it cannot be used as class labels; store integer labels 0..K-1, or drop ?task=classification</source>
      <translation>{p} 中的 y 含有非整数值，不能用作类别标签；请存储整数标签 0..K-1，或去掉 ?task=classification</translation>
    </message>
    <message>
      <source>the optional 'classes' array in {p} must be a 1-D array of {k} strings (one name per label), not {dtype} of shape {shape}</source>
      <translation>{p} 中可选的 'classes' 数组必须是含 {k} 个字符串的一维数组（每个标签一个名称），而不是形状为 {shape} 的 {dtype}</translation>
    </message>
    <message>
      <source>the CSV file {p}</source>
      <translation>CSV 文件 {p}</translation>
    </message>
    <message>
      <source>{p} is not a UTF-8 text file ({exc}); save it as plain-text CSV</source>
      <translation>{p} 不是 UTF-8 文本文件（{exc}）；请把它另存为纯文本 CSV</translation>
    </message>
    <message>
      <source>{p} is empty: it needs rows of numbers with the target in the last column</source>
      <translation>{p} 是空的：它需要若干行数字，目标在最后一列</translation>
    </message>
    <message>
      <source>{p} has a header (line {first_line}) but no data rows</source>
      <translation>{p} 有表头（第 {first_line} 行），但没有数据行</translation>
    </message>
    <message>
      <source>{p} has only one column; it needs at least one input column and the target in the last column</source>
      <translation>{p} 只有一列；至少需要一个输入列，目标在最后一列</translation>
    </message>
    <message>
      <source>{p}, line {line}: expected {width} values (like {like}), found {found}; every row needs the same number of columns</source>
      <translation>{p}，第 {line} 行：应有 {width} 个值（与{like}相同），实际为 {found} 个；每一行的列数必须相同</translation>
    </message>
    <message>
      <source>the header</source>
      <translation>表头</translation>
    </message>
    <message>
      <source>the first row</source>
      <translation>第一行</translation>
    </message>
    <message>
      <source>column {n}</source>
      <translation>第 {n} 列</translation>
    </message>
    <message>
      <source>column {n} ({name})</source>
      <translation>第 {n} 列（{name}）</translation>
    </message>
    <message>
      <source>an empty value</source>
      <translation>空值</translation>
    </message>
    <message>
      <source>{text!r}, which is not a finite number</source>
      <translation>{text!r}，它不是有限的数值</translation>
    </message>
    <message>
      <source>{p}, line {line}, {col}: {what}; all values must be numbers</source>
      <translation>{p}，第 {line} 行，{col}：{what}；所有值都必须是数字</translation>
    </message>
    <message>
      <source>{p} has values too large for float32</source>
      <translation>{p} 中有超出 float32 范围的值</translation>
    </message>
    <message>
      <source>{p}, line {line}: target {target:g} is not a whole number, so it cannot be a class label; drop ?task=classification for a regression target</source>
      <translation>{p}，第 {line} 行：目标 {target:g} 不是整数，不能作为类别标签；若为回归目标，请去掉 ?task=classification</translation>
    </message>
    <message>
      <source>line {line}</source>
      <translation>第 {line} 行</translation>
    </message>
    <message>
      <source>{p} has target values too large for float32</source>
      <translation>{p} 中有超出 float32 范围的目标值</translation>
    </message>
    <message>
      <source>folder not found: {root}. Check the path (relative paths are resolved from the current folder)</source>
      <translation>找不到文件夹：{root}。请检查路径（相对路径从当前文件夹算起）</translation>
    </message>
    <message>
      <source>folder: needs a folder with one sub-folder per class, but {root} is a file</source>
      <translation>folder：需要一个每个类别一个子文件夹的文件夹，但 {root} 是一个文件</translation>
    </message>
    <message>
      <source> It holds {n} images directly; move them into one sub-folder per class (e.g. DIR/cat/1.png, DIR/dog/2.png)</source>
      <translation>它直接包含 {n} 张图像；请把它们移入每个类别一个的子文件夹（例如 DIR/cat/1.png、DIR/dog/2.png）</translation>
    </message>
    <message>
      <source> Put the images of each class in its own sub-folder, e.g. DIR/cat/1.png, DIR/dog/2.png</source>
      <translation>请把每个类别的图像放在各自的子文件夹中，例如 DIR/cat/1.png、DIR/dog/2.png</translation>
    </message>
    <message>
      <source>{root} has no class sub-folders.{hint}</source>
      <translation>{root} 中没有类别子文件夹。{hint}</translation>
    </message>
    <message>
      <source> (it holds {n} other files such as {name})</source>
      <translation>（其中有 {n} 个其他文件，例如 {name}）</translation>
    </message>
    <message>
      <source>the class folder {folder} has no images{other}; every class needs at least one image file ({extensions})</source>
      <translation>类别文件夹 {folder} 中没有图像{other}；每个类别至少需要一个图像文件（{extensions}）</translation>
    </message>
    <message>
      <source>{root} holds {n:,} images; at most {max:,} are read</source>
      <translation>{root} 中有 {n:,} 张图像；最多读取 {max:,} 张</translation>
    </message>
    <message>
      <source>folder: needs a folder path, e.g. folder:images/</source>
      <translation>folder：需要一个文件夹路径，例如 folder:images/</translation>
    </message>
    <message>
      <source>cannot read {p}: it is damaged or not an idx file ({exc})</source>
      <translation>无法读取 {p}：它已损坏或不是 idx 文件（{exc}）</translation>
    </message>
    <message>
      <source>{where} is not an idx file: it must start with two zero bytes (found {found})</source>
      <translation>{where} 不是 idx 文件：它必须以两个零字节开头（实际为 {found}）</translation>
    </message>
    <message>
      <source>an empty file</source>
      <translation>空文件</translation>
    </message>
    <message>
      <source>{where} has the unsupported idx data type 0x{code:02X}; supported: {known}</source>
      <translation>{where} 使用了不支持的 idx 数据类型 0x{code:02X}；支持的类型：{known}</translation>
    </message>
    <message>
      <source>{where} declares 0 dimensions; an idx file needs at least one</source>
      <translation>{where} 声明了 0 个维度；idx 文件至少需要一个维度</translation>
    </message>
    <message>
      <source>{where} is truncated: its header declares {ndim} dimensions but the file ends before their sizes</source>
      <translation>{where} 被截断：文件头声明了 {ndim} 个维度，但文件在给出各维大小之前就结束了</translation>
    </message>
    <message>
      <source>{where} is truncated: its header declares shape {dims} ({need:,} bytes of data) but only {have:,} bytes follow; download or copy it again</source>
      <translation>{where} 被截断：文件头声明的形状为 {dims}（{need:,} 字节数据），但后面只有 {have:,} 字节；请重新下载或复制</translation>
    </message>
    <message>
      <source>over {n:,}</source>
      <translation>超过 {n:,}</translation>
    </message>
    <message>
      <source>{where} has {extra} bytes more than its header's shape {dims} declares; it is damaged or not an idx file</source>
      <translation>{where} 比文件头声明的形状 {dims} 多出 {extra} 字节；它已损坏或不是 idx 文件</translation>
    </message>
    <message>
      <source>idx file not found: {p}</source>
      <translation>找不到 idx 文件：{p}</translation>
    </message>
    <message>
      <source>idx path is not a file: {p}</source>
      <translation>idx 路径不是文件：{p}</translation>
    </message>
    <message>
      <source>{where} holds an array of shape {shape}; image files must have 3 dimensions (N, rows, columns)</source>
      <translation>{where} 中数组的形状为 {shape}；图像文件必须有 3 个维度 (N, 行, 列)</translation>
    </message>
    <message>
      <source>{where} contains NaN or infinite values</source>
      <translation>{where} 含有 NaN 或无穷值</translation>
    </message>
    <message>
      <source>{where} holds an array of shape {shape}; a label file must have one dimension (N,)</source>
      <translation>{where} 中数组的形状为 {shape}；标签文件必须只有一个维度 (N,)</translation>
    </message>
    <message>
      <source>{where} holds {dtype} values; labels must be integers</source>
      <translation>{where} 中的值为 {dtype}；标签必须是整数</translation>
    </message>
    <message>
      <source>{where}, label {i}</source>
      <translation>{where}，标签 {i}</translation>
    </message>
    <message>
      <source>{images_path} holds {n_x:,} images but {labels_path} holds {n_y:,} labels; they must match (is it the right pair of files?)</source>
      <translation>{images_path} 中有 {n_x:,} 张图像，但 {labels_path} 中有 {n_y:,} 个标签；两者必须一致（是否选对了这对文件？）</translation>
    </message>
    <message>
      <source>{images_path} holds no images</source>
      <translation>{images_path} 中没有图像</translation>
    </message>
    <message>
      <source>the image {path} ({w}x{h} pixels)</source>
      <translation>图像 {path}（{w}x{h} 像素）</translation>
    </message>
    <message>
      <source>the image {path} is too large for the loading budget of {budget_mib:,.0f} MiB ({exc}); raise it with the environment variable DLSTUDIO_LOAD_BUDGET (e.g. DLSTUDIO_LOAD_BUDGET=8G)</source>
      <translation>图像 {path} 太大，超出了 {budget_mib:,.0f} MiB 的加载预算（{exc}）；请用环境变量 DLSTUDIO_LOAD_BUDGET 提高预算（例如 DLSTUDIO_LOAD_BUDGET=8G）</translation>
    </message>
    <message>
      <source>cannot read the image {path}: it is not an image format Pillow reads (PNG, JPEG, BMP, GIF, WebP, TIFF, ...)</source>
      <translation>无法读取图像 {path}：Pillow 不能读取这种图像格式（支持 PNG、JPEG、BMP、GIF、WebP、TIFF 等）</translation>
    </message>
    <message>
      <source>cannot read the image {path}: the file is damaged ({exc})</source>
      <translation>无法读取图像 {path}：文件已损坏（{exc}）</translation>
    </message>
    <message>
      <source>the image {p}</source>
      <translation>图像 {p}</translation>
    </message>
    <message>
      <source>cannot read {p}: {reason}</source>
      <translation>无法读取 {p}：{reason}</translation>
    </message>
    <message>
      <source>the digits image size in digits:S</source>
      <translation>digits:S 中的 digits 图像尺寸</translation>
    </message>
    <message>
      <source>the shapes image size in shapes:S</source>
      <translation>shapes:S 中的 shapes 图像尺寸</translation>
    </message>
    <message>
      <source>shapes size n</source>
      <translation>shapes 的样本数 n</translation>
    </message>
    <message>
      <source>shapes noise</source>
      <translation>shapes 的噪声</translation>
    </message>
    <message>
      <source>shapes with n={n} images of {size}x{size} would need more than {mb} MB; ask for fewer or smaller images</source>
      <translation>生成 n={n} 张 {size}x{size} 的 shapes 图像需要超过 {mb} MB；请减少图像数量或减小尺寸</translation>
    </message>
    <message>
      <source>{name} takes no ':' argument; choose the part with {name}?split=train or {name}?split=test</source>
      <translation>{name} 不接受 ':' 参数；请用 {name}?split=train 或 {name}?split=test 选择数据部分</translation>
    </message>
    <message>
      <source>idx: needs two files separated by a comma, e.g. idx:train-images-idx3-ubyte.gz,train-labels-idx1-ubyte.gz</source>
      <translation>idx：需要用逗号分隔的两个文件，例如 idx:train-images-idx3-ubyte.gz,train-labels-idx1-ubyte.gz</translation>
    </message>
    <message>
      <source>idx: needs an images file and a labels file, e.g. idx:images.gz,labels.gz</source>
      <translation>idx：需要一个图像文件和一个标签文件，例如 idx:images.gz,labels.gz</translation>
    </message>
    <message>
      <source>{pb} has negative labels; labels must be 0..K-1</source>
      <translation>{pb} 中有负的标签；标签必须是 0..K-1</translation>
    </message>
    <message>
      <source>folder image size</source>
      <translation>folder 的图像尺寸</translation>
    </message>
    <message>
      <source>procedural images of {n} shapes ({shapes}), grey or colour</source>
      <translation>程序生成的 {n} 种形状的图像（{shapes}），灰度或彩色</translation>
    </message>
    <message>
      <source>shapes:S (size {min}-{max}, default {size}); ?n=N (default {n}) &amp;color=1 &amp;noise=S (0-{max_noise:g}, default {noise:g}) {common}</source>
      <translation>shapes:S（尺寸 {min}-{max}，默认 {size}）；?n=N（默认 {n}）&amp;color=1 &amp;noise=S（0-{max_noise:g}，默认 {noise:g}）{common}</translation>
    </message>
    <message>
      <source>{name}, 10 classes (downloaded once, then cached)</source>
      <translation>{name}，10 个类别（首次使用时下载，之后使用缓存）</translation>
    </message>
    <message>
      <source>{name}?split=train|test (default train) {common}</source>
      <translation>{name}?split=train|test（默认 train）{common}</translation>
    </message>
    <message>
      <source>your images and labels in two idx files (the MNIST format), raw or .gz</source>
      <translation>两个 idx 文件（MNIST 格式，原始或 .gz）中的你自己的图像和标签</translation>
    </message>
    <message>
      <source>idx:IMAGES,LABELS ?{options}</source>
      <translation>idx:IMAGES,LABELS ?{options}</translation>
    </message>
    <message>
      <source>your images (PNG, JPEG, BMP, GIF, WebP, TIFF), one sub-folder per class</source>
      <translation>你自己的图像（PNG、JPEG、BMP、GIF、WebP、TIFF），每个类别一个子文件夹</translation>
    </message>
    <message>
      <source>folder:DIR ?size=S (default: the most common size) &amp;color=1|0 (default: colour if any image has colour) {common}</source>
      <translation>folder:DIR ?size=S（默认：最常见的尺寸）&amp;color=1|0（默认：只要有一张彩色图像就用彩色）{common}</translation>
    </message>
    <message>
      <source>MNIST handwritten digits: 60,000 training / 10,000 test grey 28x28 images</source>
      <translation>MNIST 手写数字：60,000 张训练 / 10,000 张测试的 28x28 灰度图像</translation>
    </message>
    <message>
      <source>Fashion-MNIST clothing: 60,000 training / 10,000 test grey 28x28 images</source>
      <translation>Fashion-MNIST 服装：60,000 张训练 / 10,000 张测试的 28x28 灰度图像</translation>
    </message>
    <message>
      <source>An internet connection is needed the first time {name} is used. Without one, download the files yourself and put them in {folder}: {files} (the .gz files as published, or unpacked without .gz).</source>
      <translation>首次使用 {name} 时需要联网。如果无法联网，请自行下载这些文件并放到 {folder}：{files}（按发布时的 .gz 文件，或解压后去掉 .gz）。</translation>
    </message>
    <message>
      <source>{gz} did not match its published checksum and was deleted; it is downloaded again</source>
      <translation>{gz} 与公布的校验和不一致，已被删除；将重新下载</translation>
    </message>
    <message>
      <source>{bad}
{error}</source>
      <translation>{bad}
{error}</translation>
    </message>
    <message>
      <source>unknown MNIST-style dataset {name!r}; known: {known}</source>
      <translation>未知的 MNIST 类数据集 {name!r}；已知的有：{known}</translation>
    </message>
    <message>
      <source>{name} split must be train or test, not {split!r} (e.g. {name}?split=test)</source>
      <translation>{name} 的 split 必须是 train 或 test，而不是 {split!r}（例如 {name}?split=test）</translation>
    </message>
    <message>
      <source>{images_path} holds {n_x:,} images but {labels_path} holds {n_y:,} labels; delete both files so they are downloaded again</source>
      <translation>{images_path} 中有 {n_x:,} 张图像，但 {labels_path} 中有 {n_y:,} 个标签；请删除这两个文件以便重新下载</translation>
    </message>
    <message>
      <source>{labels_path} has labels outside 0..9; delete it so it is downloaded again</source>
      <translation>{labels_path} 中有超出 0..9 的标签；请删除它以便重新下载</translation>
    </message>
    <message>
      <source>unknown option {option!r} for {name}; options for {name}: {allowed_text}</source>
      <translation>{name} 没有选项 {option!r}；{name} 的选项有：{allowed_text}</translation>
    </message>
    <message>
      <source>{what} must be a whole number, not {text!r} (e.g. {example})</source>
      <translation>{what}必须是整数，而不是 {text!r}（例如 {example}）</translation>
    </message>
    <message>
      <source>{what} must be between {lo} and {hi}, not {v} (e.g. {example})</source>
      <translation>{what}必须在 {lo} 到 {hi} 之间，而不是 {v}（例如 {example}）</translation>
    </message>
    <message>
      <source>{what} must be a whole number, not {value!r}</source>
      <translation>{what}必须是整数，而不是 {value!r}</translation>
    </message>
    <message>
      <source>{what} must be between {lo} and {hi:,}, not {value}</source>
      <translation>{what}必须在 {lo} 到 {hi:,} 之间，而不是 {value}</translation>
    </message>
    <message>
      <source>{what} must be a number, not {text!r} (e.g. {example})</source>
      <translation>{what}必须是数字，而不是 {text!r}（例如 {example}）</translation>
    </message>
    <message>
      <source>{what} must be between {lo:g} and {hi:g}, not {text} (e.g. {example})</source>
      <translation>{what}必须在 {lo:g} 到 {hi:g} 之间，而不是 {text}（例如 {example}）</translation>
    </message>
    <message>
      <source>{what} must be 1 or 0, not {text!r} (e.g. {example})</source>
      <translation>{what}必须是 1 或 0，而不是 {text!r}（例如 {example}）</translation>
    </message>
    <message>
      <source>{what} must be one of {choices}, not {text!r} (e.g. {example})</source>
      <translation>{what}必须是 {choices} 之一，而不是 {text!r}（例如 {example}）</translation>
    </message>
    <message>
      <source>{name} resize</source>
      <translation>{name} 的 resize</translation>
    </message>
    <message>
      <source>{name} normalize</source>
      <translation>{name} 的 normalize</translation>
    </message>
    <message>
      <source>the recorded preprocessing has a bad 'resize' value {value!r}; it must be an image size such as 28 or [28, 32]</source>
      <translation>记录的预处理中 'resize' 的值 {value!r} 无效；它必须是图像尺寸，例如 28 或 [28, 32]</translation>
    </message>
    <message>
      <source>the recorded preprocessing has a bad 'normalize' entry; it must be {"mean": [...], "std": [...]} with one number per channel</source>
      <translation>记录的预处理中 'normalize' 项无效；它必须是 {"mean": [...], "std": [...]}，每个通道一个数</translation>
    </message>
    <message>
      <source>the recorded preprocessing has a bad 'normalize' entry: mean and std must be lists of finite numbers of the same length, std above 0</source>
      <translation>记录的预处理中 'normalize' 项无效：mean 和 std 必须是长度相同的有限数值列表，且 std 大于 0</translation>
    </message>
    <message>
      <source>the model was trained on images with {n_mean} channel(s) but this data has {channels}; use data with the same colour mode</source>
      <translation>模型训练时使用的图像有 {n_mean} 个通道，但这些数据有 {channels} 个；请使用颜色模式相同的数据</translation>
    </message>
    <message>
      <source>the recorded preprocessing must be a dict (as saved in a model file)</source>
      <translation>记录的预处理必须是一个字典（与模型文件中保存的一样）</translation>
    </message>
    <message>
      <source>the model was trained without normalize=standard, so its data must not be normalised either: drop ?normalize=standard</source>
      <translation>模型训练时没有使用 normalize=standard，因此其数据也不能归一化：请去掉 ?normalize=standard</translation>
    </message>
    <message>
      <source>the images contain values that are not finite numbers</source>
      <translation>图像中含有非有限数值</translation>
    </message>
    <message>
      <source>arm {i}</source>
      <translation>第 {i} 条旋臂</translation>
    </message>
    <message>
      <source>outer</source>
      <translation>外圈</translation>
    </message>
    <message>
      <source>inner</source>
      <translation>内圈</translation>
    </message>
    <message>
      <source>same sign</source>
      <translation>同号</translation>
    </message>
    <message>
      <source>opposite sign</source>
      <translation>异号</translation>
    </message>
    <message>
      <source>upper</source>
      <translation>上半</translation>
    </message>
    <message>
      <source>lower</source>
      <translation>下半</translation>
    </message>
    <message>
      <source>blob {i}</source>
      <translation>第 {i} 簇</translation>
    </message>
    <message>
      <source>K interleaved spiral arms, one turn each</source>
      <translation>K 条交错的螺旋臂，每条绕一圈</translation>
    </message>
    <message>
      <source>arms</source>
      <translation>螺旋臂</translation>
    </message>
    <message>
      <source>a ring inside a ring</source>
      <translation>环中套环</translation>
    </message>
    <message>
      <source>the four quadrants: same sign vs opposite sign</source>
      <translation>四个象限：同号与异号</translation>
    </message>
    <message>
      <source>two interleaving half circles</source>
      <translation>两个交错的半圆</translation>
    </message>
    <message>
      <source>K Gaussian clusters</source>
      <translation>K 个高斯簇</translation>
    </message>
    <message>
      <source>blobs</source>
      <translation>簇</translation>
    </message>
    <message>
      <source>the data source must be a string such as 'spirals' or 'csv:data.csv', not {type}</source>
      <translation>数据源必须是字符串，例如 'spirals' 或 'csv:data.csv'，而不是 {type}</translation>
    </message>
    <message>
      <source>no data source given; use e.g. 'spirals', 'digits' or 'csv:PATH'. Known names: {known}</source>
      <translation>没有给出数据源；请使用例如 'spirals'、'digits' 或 'csv:PATH'。已知名称：{known}</translation>
    </message>
    <message>
      <source>bad option {part!r} in {spec!r}: options are written KEY=VALUE and joined with &amp;, e.g. spirals?n=600&amp;noise=0.1</source>
      <translation>{spec!r} 中的选项 {part!r} 无效：选项写作 KEY=VALUE，并用 &amp; 连接，例如 spirals?n=600&amp;noise=0.1</translation>
    </message>
    <message>
      <source>option {key!r} is given twice in {spec!r}</source>
      <translation>{spec!r} 中的选项 {key!r} 出现了两次</translation>
    </message>
    <message>
      <source>{name} takes no ':' argument: it always has {k} classes. Options: {name}?n=N&amp;noise=S</source>
      <translation>{name} 不接受 ':' 参数：它总是有 {k} 个类别。选项：{name}?n=N&amp;noise=S</translation>
    </message>
    <message>
      <source>the number of {what} in {name}:K</source>
      <translation>{name}:K 中的{what}数量</translation>
    </message>
    <message>
      <source>{name} size n</source>
      <translation>{name} 的样本数 n</translation>
    </message>
    <message>
      <source>{name} noise</source>
      <translation>{name} 的噪声</translation>
    </message>
    <message>
      <source> To read a file, write {kind}:{spec}.</source>
      <translation>要读取文件，请写 {kind}:{spec}。</translation>
    </message>
    <message>
      <source> To read MNIST-format files, write idx:IMAGES,LABELS.</source>
      <translation>要读取 MNIST 格式的文件，请写 idx:IMAGES,LABELS。</translation>
    </message>
    <message>
      <source> To read a folder of images, write folder:{spec}.</source>
      <translation>要读取图像文件夹，请写 folder:{spec}。</translation>
    </message>
    <message>
      <source> Did you mean {name!r}?</source>
      <translation>您是指 {name!r} 吗？</translation>
    </message>
    <message>
      <source>unknown data source {name!r}.{hint} Known names: {known} (file sources are written npz:PATH, csv:PATH, idx:IMAGES,LABELS or folder:DIR)</source>
      <translation>未知的数据源 {name!r}。{hint}已知名称：{known}（文件数据源写作 npz:PATH、csv:PATH、idx:IMAGES,LABELS 或 folder:DIR）</translation>
    </message>
    <message>
      <source>{name!r} ({planned}) is not available yet in this version of dlstudio. Available now: {known}</source>
      <translation>{name!r}（{planned}）在此版本的 dlstudio 中尚不可用。目前可用：{known}</translation>
    </message>
    <message>
      <source>{name}:K ({what}, {lo}-{hi}, default {k}); ?n=N (samples, default {n}) &amp;noise=S (default {noise:g})</source>
      <translation>{name}:K（{what}，{lo}-{hi}，默认 {k}）；?n=N（样本数，默认 {n}）&amp;noise=S（默认 {noise:g}）</translation>
    </message>
    <message>
      <source>{help}; 2-D points</source>
      <translation>{help}；二维点</translation>
    </message>
    <message>
      <source>{name}?n=N (samples, default {n}) &amp;noise=S (default {noise:g})</source>
      <translation>{name}?n=N（样本数，默认 {n}）&amp;noise=S（默认 {noise:g}）</translation>
    </message>
    <message>
      <source>{help}; 2-D points, {k} classes</source>
      <translation>{help}；二维点，{k} 个类别</translation>
    </message>
    <message>
      <source>UCI handwritten digits: 1,797 grey 8x8 images, 10 classes (bundled)</source>
      <translation>UCI 手写数字：1,797 张 8x8 灰度图像，10 个类别（内置）</translation>
    </message>
    <message>
      <source>digits:S (resize to SxS, {min}-{max}, bilinear; default 8) ?normalize=standard</source>
      <translation>digits:S（缩放为 SxS，{min}-{max}，双线性插值；默认 8）?normalize=standard</translation>
    </message>
    <message>
      <source>your arrays x (N, ...) and y (N,) or (N, ...) in a NumPy .npz file</source>
      <translation>NumPy .npz 文件中你自己的数组 x (N, ...) 和 y (N,) 或 (N, ...)</translation>
    </message>
    <message>
      <source>npz:PATH ?task=classification|regression (default: integer y classifies)</source>
      <translation>npz:PATH ?task=classification|regression（默认：y 为整数时做分类）</translation>
    </message>
    <message>
      <source>your numeric table, target in the last column, optional header row</source>
      <translation>你自己的数值表格，目标在最后一列，表头行可选</translation>
    </message>
    <message>
      <source>csv:PATH ?task=classification|regression (default: auto from the target)</source>
      <translation>csv:PATH ?task=classification|regression（默认：根据目标自动判断）</translation>
    </message>
    <message>
      <source>{what} must be a number, not {value!r}</source>
      <translation>{what}必须是数字，而不是 {value!r}</translation>
    </message>
    <message>
      <source>{what} must be between {lo:g} and {hi:g}, not {value!r}</source>
      <translation>{what}必须在 {lo:g} 到 {hi:g} 之间，而不是 {value!r}</translation>
    </message>
    <message>
      <source>{name}: {n:,} samples x {steps:,} steps x {features} features is over the limit of {max:,} values; use a smaller n or a shorter sequence</source>
      <translation>{name}：{n:,} 个样本 x {steps:,} 步 x {features} 个特征，超过了 {max:,} 个值的上限；请使用更小的 n 或更短的序列</translation>
    </message>
    <message>
      <source>sine size n</source>
      <translation>sine 的样本数 n</translation>
    </message>
    <message>
      <source>sine window length</source>
      <translation>sine 的窗口长度</translation>
    </message>
    <message>
      <source>sine horizon</source>
      <translation>sine 的预测步数</translation>
    </message>
    <message>
      <source>the adding sequence length T</source>
      <translation>adding 的序列长度 T</translation>
    </message>
    <message>
      <source>adding size n</source>
      <translation>adding 的样本数 n</translation>
    </message>
    <message>
      <source>the digits-seq image size</source>
      <translation>digits-seq 的图像尺寸</translation>
    </message>
    <message>
      <source>unknown option {key!r} for {name}; options for {name}: {listed}</source>
      <translation>{name} 没有选项 {key!r}；{name} 的选项有：{listed}</translation>
    </message>
    <message>
      <source>{what} must be a whole number, not {text_value!r} (e.g. {example})</source>
      <translation>{what}必须是整数，而不是 {text_value!r}（例如 {example}）</translation>
    </message>
    <message>
      <source>{what} must be a number, not {text_value!r} (e.g. {example})</source>
      <translation>{what}必须是数字，而不是 {text_value!r}（例如 {example}）</translation>
    </message>
    <message>
      <source>{name} takes no ':' argument; use {usage}</source>
      <translation>{name} 不接受 ':' 参数；请使用 {usage}</translation>
    </message>
    <message>
      <source>sine {key}</source>
      <translation>sine 的 {key}</translation>
    </message>
    <message>
      <source>sine noise</source>
      <translation>sine 的噪声</translation>
    </message>
    <message>
      <source>the adding sequence length in adding:T</source>
      <translation>adding:T 中 adding 的序列长度</translation>
    </message>
    <message>
      <source>digits-seq?size=S for S x S images (e.g. digits-seq?size=16)</source>
      <translation>digits-seq?size=S 表示 S x S 的图像（例如 digits-seq?size=16）</translation>
    </message>
    <message>
      <source>text option {key}</source>
      <translation>text 的选项 {key}</translation>
    </message>
    <message>
      <source>forecast a noisy sum of 2-3 sines; x (N, length, 1), y the next values (regression)</source>
      <translation>预测 2-3 个正弦波带噪声的叠加；x 为 (N, 窗口长度, 1)，y 为接下来的值（回归）</translation>
    </message>
    <message>
      <source>sine?n=N (samples, default {n}) &amp;length=L (window, default {length}) &amp;horizon=H (values to predict, default {horizon}) &amp;noise=S (default {noise:g})</source>
      <translation>sine?n=N（样本数，默认 {n}）&amp;length=L（窗口，默认 {length}）&amp;horizon=H（要预测的值的个数，默认 {horizon}）&amp;noise=S（默认 {noise:g}）</translation>
    </message>
    <message>
      <source>the adding problem: sum the two marked values of a sequence; x (N, T, 2) (regression)</source>
      <translation>加法问题：对序列中两个被标记的值求和；x (N, T, 2)（回归）</translation>
    </message>
    <message>
      <source>adding:T (sequence length, 2-{max:,}, default {T}); ?n=N (samples, default {n})</source>
      <translation>adding:T（序列长度，2-{max:,}，默认 {T}）；?n=N（样本数，默认 {n}）</translation>
    </message>
    <message>
      <source>the bundled 8x8 digits read row by row: x (1797, 8, 8), 10 classes</source>
      <translation>逐行读取的内置 8x8 手写数字：x 为 (1797, 8, 8)，10 个类别</translation>
    </message>
    <message>
      <source>digits-seq?size=S (resize to SxS first, {min}-{max}, bilinear; default 8)</source>
      <translation>digits-seq?size=S（先缩放为 SxS，{min}-{max}，双线性插值；默认 8）</translation>
    </message>
    <message>
      <source>next-character prediction from your UTF-8 text file; x one-hot (N, len, V)</source>
      <translation>根据你的 UTF-8 文本文件预测下一个字符；x 为独热编码 (N, len, V)</translation>
    </message>
    <message>
      <source>text:PATH ?len=T (window, 1-{max_len:,}, default {len}) &amp;step=S (between windows, default len) &amp;chars=C (use the first C characters, up to {max_chars:,})</source>
      <translation>text:PATH ?len=T（窗口，1-{max_len:,}，默认 {len}）&amp;step=S（窗口间隔，默认为 len）&amp;chars=C（只使用前 C 个字符，最多 {max_chars:,}）</translation>
    </message>
    <message>
      <source>text: needs a file path, e.g. text:books/poems.txt</source>
      <translation>text：需要一个文件路径，例如 text:books/poems.txt</translation>
    </message>
    <message>
      <source>text file not found: {p}. Check the path (relative paths are resolved from the current folder)</source>
      <translation>找不到文本文件：{p}。请检查路径（相对路径从当前文件夹算起）</translation>
    </message>
    <message>
      <source>text path is not a file: {p}</source>
      <translation>text 路径不是文件：{p}</translation>
    </message>
    <message>
      <source>{p} is {mib:.0f} MiB; text: reads at most {max_mib} MiB. Use a shorter file, or only its start with ?chars=N</source>
      <translation>{p} 大小为 {mib:.0f} MiB；text: 最多读取 {max_mib} MiB。请使用更短的文件，或用 ?chars=N 只读取开头部分</translation>
    </message>
    <message>
      <source>{p} is empty; text: needs a UTF-8 text file with some characters</source>
      <translation>{p} 是空的；text: 需要一个包含字符的 UTF-8 文本文件</translation>
    </message>
    <message>
      <source>{p} looks like a binary file, not text: it contains a NUL byte at byte offset {nul}. text: needs a UTF-8 text file</source>
      <translation>{p} 看起来是二进制文件而不是文本：它在字节偏移 {nul} 处含有 NUL 字节。text: 需要 UTF-8 文本文件</translation>
    </message>
    <message>
      <source>{p} is not UTF-8 text: invalid byte 0x{byte:02x} at byte offset {start} (a binary file, or text in another encoding; save it as UTF-8)</source>
      <translation>{p} 不是 UTF-8 文本：字节偏移 {start} 处有无效字节 0x{byte:02x}（二进制文件，或使用了其他编码的文本；请另存为 UTF-8）</translation>
    </message>
    <message>
      <source>the text window length len</source>
      <translation>文本窗口长度 len</translation>
    </message>
    <message>
      <source>the text window step</source>
      <translation>文本窗口步长</translation>
    </message>
    <message>
      <source>the number of characters chars</source>
      <translation>字符数 chars</translation>
    </message>
    <message>
      <source>{p} has {n_chars} characters, too few for windows of {seq_len} and the character after them (need at least {need}); use a longer text or a shorter window with ?len=</source>
      <translation>{p} 只有 {n_chars} 个字符，不足以构成长度为 {seq_len} 的窗口及其后的一个字符（至少需要 {need} 个）；请使用更长的文本，或用 ?len= 设置更短的窗口</translation>
    </message>
    <message>
      <source>{p} would give a one-hot input of {n:,} windows x {seq_len} characters x {v} symbols = {need_mib:,.0f} MiB, over the {max_mib} MiB limit. Use a shorter file, a shorter window (?len=), a larger step (?step=) or only the start of the file (?chars=)</source>
      <translation>{p} 将产生 {n:,} 个窗口 x {seq_len} 个字符 x {v} 个符号的独热编码输入 = {need_mib:,.0f} MiB，超过了 {max_mib} MiB 的上限。请使用更短的文件、更短的窗口 (?len=)、更大的步长 (?step=)，或只读取文件开头 (?chars=)</translation>
    </message>
    <message>
      <source>{what} is not a readable zip archive ({error}){hint}</source>
      <translation>{what} 不是可读取的 zip 压缩包（{error}）{hint}</translation>
    </message>
    <message>
      <source>{what} lists more entries than allowed (at most {max_entries})</source>
      <translation>{what} 列出的条目超过允许的数量（最多 {max_entries} 个）</translation>
    </message>
    <message>
      <source>{what} holds {filename!r} twice</source>
      <translation>{what} 中 {filename!r} 出现了两次</translation>
    </message>
    <message>
      <source>{what} holds an encrypted member {filename!r}</source>
      <translation>{what} 含有加密的成员 {filename!r}</translation>
    </message>
    <message>
      <source>{what} stores {filename!r} with a compression method dlstudio does not read (only stored and deflate are supported)</source>
      <translation>{what} 以 dlstudio 无法读取的压缩方法存储 {filename!r}（只支持 stored 和 deflate）</translation>
    </message>
    <message>
      <source>{what} holds {filename!r}, which is not an .npy array</source>
      <translation>{what} 含有 {filename!r}，它不是 .npy 数组</translation>
    </message>
    <message>
      <source>{what} unpacks to more than the {size} allowed</source>
      <translation>{what} 解压后超过了允许的 {size}</translation>
    </message>
    <message>
      <source>{what}, array {key!r}</source>
      <translation>{what}，数组 {key!r}</translation>
    </message>
    <message>
      <source>{what} has an .npy header that is too large</source>
      <translation>{what} 的 .npy 文件头过大</translation>
    </message>
    <message>
      <source>{what} uses .npy format version {major}.{minor}, which dlstudio does not read</source>
      <translation>{what} 使用了 .npy 格式版本 {major}.{minor}，dlstudio 无法读取</translation>
    </message>
    <message>
      <source>{what} is not a valid .npy array ({error})</source>
      <translation>{what} 不是有效的 .npy 数组（{error}）</translation>
    </message>
    <message>
      <source>{what} holds Python objects (pickled data), which dlstudio never loads</source>
      <translation>{what} 含有 Python 对象（pickle 数据），dlstudio 从不加载这类数据</translation>
    </message>
    <message>
      <source>{what} holds {dtype} values; only float and integer arrays are allowed</source>
      <translation>{what} 中的值为 {dtype}；只允许浮点数和整数数组</translation>
    </message>
    <message>
      <source>{what} has an invalid shape {shape!r}</source>
      <translation>{what} 的形状 {shape!r} 无效</translation>
    </message>
    <message>
      <source>{what} is truncated or padded (its size does not match its shape {shape})</source>
      <translation>{what} 被截断或有多余填充（其大小与形状 {shape} 不符）</translation>
    </message>
    <message>
      <source>{what} holds more data than its shape {shape} needs</source>
      <translation>{what} 中的数据多于其形状 {shape} 所需</translation>
    </message>
    <message>
      <source>{what} has an invalid shape {shape} ({error})</source>
      <translation>{what} 的形状 {shape} 无效（{error}）</translation>
    </message>
    <message>
      <source>{what} is truncated</source>
      <translation>{what} 被截断</translation>
    </message>
    <message>
      <source>Cannot save {path}: the folder {folder} does not exist</source>
      <translation>无法保存 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
      <source>Cannot save {path}: it is a folder</source>
      <translation>无法保存 {path}：它是一个文件夹</translation>
    </message>
    <message>
      <source>weight name {name!r} is not a string</source>
      <translation>权重名 {name!r} 不是字符串</translation>
    </message>
    <message>
      <source>weight name {name!r}… is longer than {most} characters</source>
      <translation>权重名 {name!r}… 超过了 {most} 个字符</translation>
    </message>
    <message>
      <source>weight name {name!r} is not of the form '&lt;node id&gt;.&lt;name&gt;'</source>
      <translation>权重名 {name!r} 不符合 '&lt;node id&gt;.&lt;name&gt;' 的形式</translation>
    </message>
    <message>
      <source>weight name {name!r} contains '/', '\' or unprintable characters</source>
      <translation>权重名 {name!r} 含有 '/'、'\' 或不可打印的字符</translation>
    </message>
    <message>
      <source>{label} is a {type}, not a numpy array</source>
      <translation>{label} 是 {type}，不是 numpy 数组</translation>
    </message>
    <message>
      <source>{label} holds Python objects (dtype object); only float and integer arrays are stored</source>
      <translation>{label} 含有 Python 对象（dtype object）；只存储浮点数和整数数组</translation>
    </message>
    <message>
      <source>{label} has dtype {dt}; only float and integer arrays are stored</source>
      <translation>{label} 的 dtype 是 {dt}；只存储浮点数和整数数组</translation>
    </message>
    <message>
      <source>the network is a {type}, not a JSON object</source>
      <translation>网络是 {type}，不是 JSON 对象</translation>
    </message>
    <message>
      <source>the network is not a valid network document ({error})</source>
      <translation>网络不是有效的网络文档（{error}）</translation>
    </message>
    <message>
      <source>history is a {type}, not a JSON object</source>
      <translation>history 是 {type}，不是 JSON 对象</translation>
    </message>
    <message>
      <source>history[{key!r}] is not a list</source>
      <translation>history[{key!r}] 不是列表</translation>
    </message>
    <message>
      <source>weights is a {type}, not a dict</source>
      <translation>weights 是 {type}，不是字典</translation>
    </message>
    <message>
      <source>there are {n} weight arrays; at most {most} are stored</source>
      <translation>共有 {n} 个权重数组；最多存储 {most} 个</translation>
    </message>
    <message>
      <source>weight {name!r}</source>
      <translation>权重 {name!r}</translation>
    </message>
    <message>
      <source>weight {name!r} belongs to a node that is not in the network</source>
      <translation>权重 {name!r} 属于网络中不存在的节点</translation>
    </message>
    <message>
      <source>optimizer_slots is a {type}, not a dict</source>
      <translation>optimizer_slots 是 {type}，不是字典</translation>
    </message>
    <message>
      <source>optimizer slot name {slot!r} is not a simple name (letters, digits, _)</source>
      <translation>优化器槽名 {slot!r} 不是简单名称（字母、数字、_）</translation>
    </message>
    <message>
      <source>optimizer slot {slot!r} is a {type}, not a dict</source>
      <translation>优化器槽 {slot!r} 是 {type}，不是字典</translation>
    </message>
    <message>
      <source>optimizer slot {slot!r} of {name!r}</source>
      <translation>{name!r} 的优化器槽 {slot!r}</translation>
    </message>
    <message>
      <source>optimizer slot {slot!r} names {name!r}, which is not a weight</source>
      <translation>优化器槽 {slot!r} 指向 {name!r}，它不是权重</translation>
    </message>
    <message>
      <source>the optimizer has more than {most} arrays</source>
      <translation>优化器的数组超过 {most} 个</translation>
    </message>
    <message>
      <source>is nested more than {depth} levels deep</source>
      <translation>嵌套超过 {depth} 层</translation>
    </message>
    <message>
      <source>has the key {k!r}: JSON keys must be strings</source>
      <translation>含有键 {k!r}：JSON 的键必须是字符串</translation>
    </message>
    <message>
      <source> (arrays belong in weights or optimizer_slots, or use .tolist())</source>
      <translation>（数组应放在 weights 或 optimizer_slots 中，或使用 .tolist()）</translation>
    </message>
    <message>
      <source>is a {type}, which is not JSON data{hint}</source>
      <translation>是 {type}，不是 JSON 数据{hint}</translation>
    </message>
    <message>
      <source>{spot} {problem}</source>
      <translation>{spot} {problem}</translation>
    </message>
    <message>
      <source>{where} holds text that cannot be stored as UTF-8 ({error})</source>
      <translation>{where} 含有无法以 UTF-8 存储的文本（{error}）</translation>
    </message>
    <message>
      <source>save_model needs a ModelBundle, got {type}</source>
      <translation>save_model 需要一个 ModelBundle，得到的是 {type}</translation>
    </message>
    <message>
      <source>training is a {type}, not a JSON object</source>
      <translation>training 是 {type}，不是 JSON 对象</translation>
    </message>
    <message>
      <source>{member} is damaged ({error})</source>
      <translation>{member} 已损坏（{error}）</translation>
    </message>
    <message>
      <source>there is no such file</source>
      <translation>没有这个文件</translation>
    </message>
    <message>
      <source>it cannot be read ({reason})</source>
      <translation>无法读取（{reason}）</translation>
    </message>
    <message>
      <source>it is a folder, not a dlstudio model file</source>
      <translation>它是一个文件夹，不是 dlstudio 模型文件</translation>
    </message>
    <message>
      <source>it is not a regular file</source>
      <translation>它不是普通文件</translation>
    </message>
    <message>
      <source>the file is empty</source>
      <translation>文件是空的</translation>
    </message>
    <message>
      <source>the file</source>
      <translation>该文件</translation>
    </message>
    <message>
      <source> — it is damaged (perhaps cut short) or not a dlstudio model file</source>
      <translation> — 它已损坏（可能不完整）或不是 dlstudio 模型文件</translation>
    </message>
    <message>
      <source>{name} is larger than the {size} allowed</source>
      <translation>{name} 大于允许的 {size}</translation>
    </message>
    <message>
      <source>{name} is {msg}</source>
      <translation>{name} {msg}</translation>
    </message>
    <message>
      <source>it is not a dlstudio model file (it has no manifest.json)</source>
      <translation>它不是 dlstudio 模型文件（没有 manifest.json）</translation>
    </message>
    <message>
      <source>manifest.json is not a JSON object</source>
      <translation>manifest.json 不是 JSON 对象</translation>
    </message>
    <message>
      <source>it is not a dlstudio model file (its manifest says format {format!r})</source>
      <translation>它不是 dlstudio 模型文件（其 manifest 声明的格式为 {format!r}）</translation>
    </message>
    <message>
      <source>manifest.json has an invalid format_version {version!r}</source>
      <translation>manifest.json 的 format_version {version!r} 无效</translation>
    </message>
    <message>
      <source>it was written by a newer dlstudio (model file format version {version}; this dlstudio {version_now} reads versions up to {readable}). Update dlstudio to open it</source>
      <translation>它由更新版本的 dlstudio 写入（模型文件格式版本 {version}；此 dlstudio {version_now} 最多读取版本 {readable}）。请更新 dlstudio 后再打开</translation>
    </message>
    <message>
      <source>manifest.json has no valid {key!r}</source>
      <translation>manifest.json 中没有有效的 {key!r}</translation>
    </message>
    <message>
      <source>manifest.json has no valid 'members' list</source>
      <translation>manifest.json 中没有有效的 'members' 列表</translation>
    </message>
    <message>
      <source>it holds an unexpected member {name!r}</source>
      <translation>它含有意外的成员 {name!r}</translation>
    </message>
    <message>
      <source>{name} is listed in manifest.json but missing from the file</source>
      <translation>{name} 在 manifest.json 中列出，但文件中缺失</translation>
    </message>
    <message>
      <source>manifest.json does not list the members the file holds ({present})</source>
      <translation>manifest.json 没有列出文件中实际包含的成员（{present}）</translation>
    </message>
    <message>
      <source>it has no {name}</source>
      <translation>它没有 {name}</translation>
    </message>
    <message>
      <source>Cannot open {path}: {error}</source>
      <translation>无法打开 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot open {path}: there is not enough memory to load it</source>
      <translation>无法打开 {path}：没有足够的内存来加载它</translation>
    </message>
    <message>
      <source>Cannot open {path}: the file is damaged ({type}: {error})</source>
      <translation>无法打开 {path}：文件已损坏（{type}: {error}）</translation>
    </message>
    <message>
      <source>network.json: {problem}</source>
      <translation>network.json：{problem}</translation>
    </message>
    <message>
      <source>training.json is not a JSON object</source>
      <translation>training.json 不是 JSON 对象</translation>
    </message>
    <message>
      <source>history.json: {problem}</source>
      <translation>history.json：{problem}</translation>
    </message>
    <message>
      <source>optimizer.npz holds {key!r}, which is not of the form '&lt;slot&gt;/&lt;weight name&gt;'</source>
      <translation>optimizer.npz 含有 {key!r}，它不符合 '&lt;slot&gt;/&lt;weight name&gt;' 的形式</translation>
    </message>
    <message>
      <source>weights.npz: weight {name!r} holds NaN or infinite values — the training that wrote it diverged; retrain (a lower learning rate) or use an earlier file</source>
      <translation>weights.npz：权重 {name!r} 含有 NaN 或无穷值 — 写入它的训练发散了；请重新训练（降低学习率）或使用更早的文件</translation>
    </message>
    <message>
      <source>{what} needs the {module} package: {install}</source>
      <translation>{what}需要 {module} 包：{install}</translation>
    </message>
    <message>
      <source>two tensors named {name!r}: rename one of the layers</source>
      <translation>有两个名为 {name!r} 的张量：请重命名其中一个层</translation>
    </message>
    <message>
      <source>{type} '{nid}': weight {name} is missing</source>
      <translation>{type} '{nid}'：缺少权重 {name}</translation>
    </message>
    <message>
      <source>{type} '{nid}': weight {name} has shape {got}, the network needs {expected}</source>
      <translation>{type} '{nid}'：权重 {name} 的形状为 {got}，网络需要 {expected}</translation>
    </message>
    <message>
      <source>the network cannot be exported: {problem}</source>
      <translation>无法导出网络：{problem}</translation>
    </message>
    <message>
      <source>ONNX export needs exactly one Input node, the network has {n}</source>
      <translation>ONNX 导出需要恰好一个 Input 节点，而网络有 {n} 个</translation>
    </message>
    <message>
      <source>ONNX export needs exactly one output, the network has {n} ({outputs}) — connect or delete the extra ones</source>
      <translation>ONNX 导出需要恰好一个输出，而网络有 {n} 个（{outputs}）— 请连接或删除多余的输出</translation>
    </message>
    <message>
      <source>the network is only an Input: add a layer after it</source>
      <translation>网络只有一个 Input：请在其后添加一个层</translation>
    </message>
    <message>
      <source>{type} '{nid}': this layer type cannot be exported to ONNX yet</source>
      <translation>{type} '{nid}'：此层类型暂不能导出为 ONNX</translation>
    </message>
    <message>
      <source>{type} '{nid}': cannot export it: {error}</source>
      <translation>{type} '{nid}'：无法导出：{error}</translation>
    </message>
    <message>
      <source>the exported model does not pass onnx.checker: {error}</source>
      <translation>导出的模型未通过 onnx.checker 检查：{error}</translation>
    </message>
    <message>
      <source>onnxruntime returned shape {got}, dlstudio {expected}</source>
      <translation>onnxruntime 返回的形状为 {got}，dlstudio 为 {expected}</translation>
    </message>
    <message>
      <source>importing ONNX models needs the onnx package: {install}</source>
      <translation>导入 ONNX 模型需要 onnx 包：{install}</translation>
    </message>
    <message>
      <source>node '{name}' ({op_type}): {why}</source>
      <translation>节点 '{name}'（{op_type}）：{why}</translation>
    </message>
    <message>
      <source>input '{name}' is not produced by any node, initializer or graph input</source>
      <translation>输入 '{name}' 不是由任何节点、初始化器或图输入产生的</translation>
    </message>
    <message>
      <source>{what} (input {n}) must be a constant (an initializer), not computed from the data</source>
      <translation>{what}（输入 {n}）必须是常量（初始化器），不能由数据计算得出</translation>
    </message>
    <message>
      <source>the {what} (input {n}) must be the data, not a constant — an operation on constants alone cannot become a layer</source>
      <translation>{what}（输入 {n}）必须是数据，而不是常量 — 只对常量的运算不能成为一个层</translation>
    </message>
    <message>
      <source>the {what} has layout {layout}; this operator needs {needed} (batch first)</source>
      <translation>{what}的布局为 {layout}；此算子需要 {needed}（批次在前）</translation>
    </message>
    <message>
      <source>becomes {type} {params} but {problem}</source>
      <translation>变为 {type} {params}，但{problem}</translation>
    </message>
    <message>
      <source>the model has {n} data inputs; dlstudio networks take exactly one</source>
      <translation>模型有 {n} 个数据输入；dlstudio 网络只接受一个</translation>
    </message>
    <message>
      <source>operator domain '{domain}' is not supported (only the standard ONNX operators)</source>
      <translation>不支持算子域 '{domain}'（只支持标准 ONNX 算子）</translation>
    </message>
    <message>
      <source>the model has {n} outputs; dlstudio networks have exactly one</source>
      <translation>模型有 {n} 个输出；dlstudio 网络只有一个</translation>
    </message>
    <message>
      <source>the output '{name}' does not depend on the input</source>
      <translation>输出 '{name}' 不依赖于输入</translation>
    </message>
    <message>
      <source>the output '{name}' has layout {layout}, which is not batch first; dlstudio's networks output batch-first values</source>
      <translation>输出 '{name}' 的布局为 {layout}，不是批次在前；dlstudio 网络输出批次在前的值</translation>
    </message>
    <message>
      <source>input '{name}' has rank {rank}; dlstudio takes [batch, features], [batch, time, features] or [batch, channels, height, width]</source>
      <translation>输入 '{name}' 的秩为 {rank}；dlstudio 接受 [batch, features]、[batch, time, features] 或 [batch, channels, height, width]</translation>
    </message>
    <message>
      <source>input '{name}' has shape {dims}: every axis but the first (the batch) needs a fixed size</source>
      <translation>输入 '{name}' 的形状为 {dims}：除第一个轴（批次）外，每个轴都需要固定大小</translation>
    </message>
    <message>
      <source>no such file: {path}</source>
      <translation>没有这个文件：{path}</translation>
    </message>
    <message>
      <source>{path}: not a readable ONNX model ({type}: {error})</source>
      <translation>{path}：不是可读取的 ONNX 模型（{type}: {error}）</translation>
    </message>
    <message>
      <source>{path}: not an ONNX model (no graph)</source>
      <translation>{path}：不是 ONNX 模型（没有计算图）</translation>
    </message>
    <message>
      <source>the PyTorch script must end in .py, got {name}</source>
      <translation>PyTorch 脚本必须以 .py 结尾，得到的是 {name}</translation>
    </message>
    <message>
      <source>cannot write {out}: {error}</source>
      <translation>无法写入 {out}：{error}</translation>
    </message>
    <message>
      <source>{type} '{nid}': this layer type has no PyTorch export yet</source>
      <translation>{type} '{nid}'：此层类型暂不能导出为 PyTorch</translation>
    </message>
    <message>
      <source>cannot save {path}: {error}</source>
      <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
      <source>no such file: {spec}</source>
      <translation>没有这个文件：{spec}</translation>
    </message>
    <message>
      <source>{path}: {error}</source>
      <translation>{path}：{error}</translation>
    </message>
    <message>
      <source>say which data to train on with --data (e.g. --data digits)</source>
      <translation>请用 --data 指定训练数据（例如 --data digits）</translation>
    </message>
    <message>
      <source>unknown network {spec!r}: give a preset ({presets}), a network .json or a model .dls</source>
      <translation>未知的网络 {spec!r}：请给出一个预设（{presets}）、一个网络 .json 或一个模型 .dls</translation>
    </message>
    <message>
      <source>this model was trained with {optimizer}; continuing with a different optimizer would lose its state — train a copy from the network instead</source>
      <translation>此模型是用 {optimizer} 训练的；换用其他优化器继续训练会丢失其状态 — 请改为从网络训练一个副本</translation>
    </message>
    <message>
      <source>--val-split must be between 0 and 0.9, got {val_split}</source>
      <translation>--val-split 必须在 0 到 0.9 之间，得到的是 {val_split}</translation>
    </message>
    <message>
      <source>the model file's optimizer.npz has no {names}: its optimizer state does not fit the network; train a copy from the network instead</source>
      <translation>模型文件的 optimizer.npz 中没有 {names}：其优化器状态与网络不匹配；请改为从网络训练一个副本</translation>
    </message>
    <message>
      <source>{types}: this layer type cannot be trained by the engine yet</source>
      <translation>{types}：引擎暂时无法训练此层类型</translation>
    </message>
    <message>
      <source>output</source>
      <translation>输出</translation>
    </message>
    <message>
      <source>training needs exactly one {which}, the network has {n}</source>
      <translation>训练需要恰好一个 {which}，而网络有 {n} 个</translation>
    </message>
    <message>
      <source>training needs exactly one {which}, the network has {n} ({ids})</source>
      <translation>训练需要恰好一个 {which}，而网络有 {n} 个（{ids}）</translation>
    </message>
    <message>
      <source>the data has samples of shape {sample_shape} but the Input '{in_id}' expects {expected}</source>
      <translation>数据的样本形状为 {sample_shape}，但 Input '{in_id}' 期望 {expected}</translation>
    </message>
    <message>
      <source>the network ends in {outputs} output(s) but the data has {k} classes — set the last layer ('{out_id}') to {k} units</source>
      <translation>网络最后有 {outputs} 个输出，但数据有 {k} 个类别 — 请把最后一层（'{out_id}'）设为 {k} 个单元</translation>
    </message>
    <message>
      <source>the network outputs {out} per sample but the targets are {target_shape} — change the last layer ('{out_id}')</source>
      <translation>网络每个样本输出 {out}，但目标为 {target_shape} — 请修改最后一层（'{out_id}'）</translation>
    </message>
    <message>
      <source>{name} is a classification loss but {source} has regression targets — use a regression loss such as mse, mae or smooth_l1</source>
      <translation>{name} 是分类损失函数，但 {source} 的目标是回归值 — 请使用回归损失函数，例如 mse、mae 或 smooth_l1</translation>
    </message>
    <message>
      <source>{name} is a regression loss but {source} has class labels — use cross_entropy (or mse, which one-hot encodes the labels)</source>
      <translation>{name} 是回归损失函数，但 {source} 的目标是类别标签 — 请使用 cross_entropy（或 mse，它会对标签做独热编码）</translation>
    </message>
    <message>
      <source>the validation split must be between 0 and 0.9, got {val_split}</source>
      <translation>验证集比例必须在 0 到 0.9 之间，得到的是 {val_split}</translation>
    </message>
    <message>
      <source>gradient clipping needs a norm above 0, got {clip_norm}</source>
      <translation>梯度裁剪需要大于 0 的范数，得到的是 {clip_norm}</translation>
    </message>
    <message>
      <source>{node}: {message}</source>
      <translation>{node}：{message}</translation>
    </message>
    <message>
      <source>{problem} (and {n} more problem(s))</source>
      <translation>{problem}（另有 {n} 个问题）</translation>
    </message>
    <message>
      <source>unknown layer type {type!r}</source>
      <translation>未知的层类型 {type!r}</translation>
    </message>
    <message>
      <source>output shape {out} is empty — the input {input} is too small for these settings</source>
      <translation>输出形状 {out} 为空 — 输入 {input} 对这些设置来说太小</translation>
    </message>
    <message>
      <source>the network has no Input node — add one from the palette</source>
      <translation>网络没有 Input 节点 — 请从层面板添加一个</translation>
    </message>
    <message>
      <source>an {name} takes no incoming connections (it has {n}) — remove them</source>
      <translation>{name} 不接受输入连线（它有 {n} 条）— 请删除这些连线</translation>
    </message>
    <message>
      <source>has no input — connect a layer's output to it</source>
      <translation>没有输入 — 请把某个层的输出连接到它</translation>
    </message>
    <message>
      <source>takes {max_inputs} input but has {n} — merge the branches with Add or Concatenate first</source>
      <translation>只接受 {max_inputs} 个输入，但有 {n} 个 — 请先用 Add 或 Concatenate 合并这些分支</translation>
    </message>
    <message>
      <source>needs at least {min_inputs} inputs, has {n}</source>
      <translation>至少需要 {min_inputs} 个输入，现有 {n} 个</translation>
    </message>
    <message>
      <source>unknown layer type {name!r} (known: {known})</source>
      <translation>未知的层类型 {name!r}（已知：{known}）</translation>
    </message>
    <message>
      <source>Expecting value</source>
      <translation>此处应为一个值</translation>
    </message>
    <message>
      <source>Expecting property name enclosed in double quotes</source>
      <translation>此处应为用双引号括起的属性名</translation>
    </message>
    <message>
      <source>Expecting ',' delimiter</source>
      <translation>此处应为分隔符 ','</translation>
    </message>
    <message>
      <source>Expecting ':' delimiter</source>
      <translation>此处应为分隔符 ':'</translation>
    </message>
    <message>
      <source>Extra data</source>
      <translation>多余的数据</translation>
    </message>
    <message>
      <source>Invalid control character at</source>
      <translation>无效的控制字符</translation>
    </message>
    <message>
      <source>Unterminated string starting at</source>
      <translation>字符串没有结束</translation>
    </message>
    <message>
      <source>Invalid \escape</source>
      <translation>无效的转义</translation>
    </message>
    <message>
      <source>Invalid \uXXXX escape</source>
      <translation>无效的 \u 转义</translation>
    </message>
    <message>
      <source>Illegal trailing comma before end of object</source>
      <translation>对象结尾前多了逗号</translation>
    </message>
    <message>
      <source>Illegal trailing comma before end of array</source>
      <translation>数组结尾前多了逗号</translation>
    </message>
    <message>
      <source>node id {id!r} is used twice</source>
      <translation>节点 id {id!r} 被使用了两次</translation>
    </message>
    <message>
      <source>edge {src!r} → {dst!r} names an unknown node {n!r}</source>
      <translation>连线 {src!r} → {dst!r} 指向未知的节点 {n!r}</translation>
    </message>
    <message>
      <source>no node {id!r}</source>
      <translation>没有节点 {id!r}</translation>
    </message>
    <message>
      <source>the graph has a cycle through {nodes} — a network must flow one way from inputs to outputs</source>
      <translation>图中存在经过 {nodes} 的环 — 网络必须从输入单向流向输出</translation>
    </message>
    <message>
      <source>a network document must be a JSON object</source>
      <translation>网络文档必须是 JSON 对象</translation>
    </message>
    <message>
      <source>not a network document (format {fmt!r}, expected {expected!r})</source>
      <translation>不是网络文档（格式为 {fmt!r}，应为 {expected!r}）</translation>
    </message>
    <message>
      <source>network document version {version!r} is newer than this dlstudio understands ({understood}) — update dlstudio to open it</source>
      <translation>网络文档版本 {version!r} 比此 dlstudio 能理解的版本（{understood}）更新 — 请更新 dlstudio 后再打开</translation>
    </message>
    <message>
      <source>'nodes' and 'edges' must be lists</source>
      <translation>'nodes' 和 'edges' 必须是列表</translation>
    </message>
    <message>
      <source>node #{n} needs a string 'id' and 'type'</source>
      <translation>第 {n} 个节点需要字符串类型的 'id' 和 'type'</translation>
    </message>
    <message>
      <source>node {id!r}: 'params' must be an object</source>
      <translation>节点 {id!r}：'params' 必须是对象</translation>
    </message>
    <message>
      <source>node {id!r}: 'pos' must be [x, y]</source>
      <translation>节点 {id!r}：'pos' 必须是 [x, y]</translation>
    </message>
    <message>
      <source>an edge must be [source id, target id], got {e!r}</source>
      <translation>连线必须是 [源 id, 目标 id]，得到的是 {e!r}</translation>
    </message>
    <message>
      <source>not UTF-8 text: {e}</source>
      <translation>不是 UTF-8 文本：{e}</translation>
    </message>
    <message>
      <source>not accepted: the JSON is nested more than {depth} levels deep</source>
      <translation>不接受：JSON 嵌套超过 {depth} 层</translation>
    </message>
    <message>
      <source>not accepted: {name} is not a number dlstudio accepts (NaN and Infinity are refused)</source>
      <translation>不接受：{name} 不是 dlstudio 接受的数值（NaN 和 Infinity 会被拒绝）</translation>
    </message>
    <message>
      <source>not accepted: an integer of {n} digits (at most {most})</source>
      <translation>不接受：{n} 位的整数（最多 {most} 位）</translation>
    </message>
    <message>
      <source>not accepted: the number {number} is too large</source>
      <translation>不接受：数值 {number} 过大</translation>
    </message>
    <message>
      <source>not valid JSON: {reason}: line {line} column {column} (char {pos})</source>
      <translation>不是有效的 JSON：{reason}（第 {line} 行第 {column} 列，第 {pos} 个字符）</translation>
    </message>
    <message>
      <source>not accepted: the JSON is nested too deeply</source>
      <translation>不接受：JSON 嵌套过深</translation>
    </message>
    <message>
      <source>Activation</source>
      <translation>激活函数</translation>
    </message>
    <message>
      <source>σ(x) = 1 / (1 + e^-x): squashes to (0, 1); saturates, so gradients vanish in deep stacks.</source>
      <translation>σ(x) = 1 / (1 + e^-x)：压缩到 (0, 1)；会饱和，因此在深层堆叠中梯度会消失。</translation>
    </message>
    <message>
      <source>tanh(x): squashes to (-1, 1), zero-centred; still saturates for large |x|.</source>
      <translation>tanh(x)：压缩到 (-1, 1)，以零为中心；|x| 较大时仍会饱和。</translation>
    </message>
    <message>
      <source>max(0, x): cheap, does not saturate for x &gt; 0; units can 'die' at x &lt; 0.</source>
      <translation>max(0, x)：计算量小，x &gt; 0 时不饱和；x &lt; 0 时神经元可能“死亡”。</translation>
    </message>
    <message>
      <source>x for x &gt; 0, αx otherwise: a ReLU whose negative side keeps a small slope.</source>
      <translation>x &gt; 0 时为 x，否则为 αx：负半轴保留较小斜率的 ReLU。</translation>
    </message>
    <message>
      <source>Slope for negative inputs.</source>
      <translation>负输入时的斜率。</translation>
    </message>
    <message>
      <source>x for x &gt; 0, α(e^x − 1) otherwise: smooth, negative values push mean activations to 0.</source>
      <translation>x &gt; 0 时为 x，否则为 α(e^x − 1)：平滑，负值使平均激活值趋于 0。</translation>
    </message>
    <message>
      <source>Value approached for very negative inputs (−α).</source>
      <translation>输入非常小（很负）时趋近的值（−α）。</translation>
    </message>
    <message>
      <source>Turns the last axis into probabilities that sum to 1; pairs with the cross-entropy loss.</source>
      <translation>把最后一个轴变为总和为 1 的概率；与交叉熵损失函数配合使用。</translation>
    </message>
    <message>
      <source>use padding='same' or a smaller kernel</source>
      <translation>请使用 padding='same' 或更小的卷积核</translation>
    </message>
    <message>
      <source>use a smaller kernel</source>
      <translation>请使用更小的卷积核</translation>
    </message>
    <message>
      <source>{what} {kh}×{kw} is larger than its padded {h}×{w} input — {hint}</source>
      <translation>{what} {kh}×{kw} 大于其填充后的 {h}×{w} 输入 — {hint}</translation>
    </message>
    <message>
      <source>{layer} needs an image input [C, H, W], got {shape} — this looks like a vector; insert a Reshape to {target} before it, or use an Input of shape [C, H, W]</source>
      <translation>{layer} 需要图像输入 [C, H, W]，得到的是 {shape} — 这看起来是向量；请在它前面插入变形为 {target} 的 Reshape，或使用形状为 [C, H, W] 的 Input</translation>
    </message>
    <message>
      <source>{layer} needs an image input [C, H, W], got {shape}</source>
      <translation>{layer} 需要图像输入 [C, H, W]，得到的是 {shape}</translation>
    </message>
    <message>
      <source>Conv2D kernel</source>
      <translation>Conv2D 卷积核</translation>
    </message>
    <message>
      <source>'valid' (no padding), 'same' (output size ⌈n / stride⌉) or [[top, bottom], [left, right]] zeros.</source>
      <translation>'valid'（不填充）、'same'（输出大小为 ⌈n / 步长⌉）或 [[上, 下], [左, 右]] 全零填充。</translation>
    </message>
    <message>
      <source>Convolution</source>
      <translation>卷积</translation>
    </message>
    <message>
      <source>Slides learned filters over the image; each filter sees a small window of all input channels.</source>
      <translation>在图像上滑动学习得到的卷积核；每个卷积核看到所有输入通道的一个小窗口。</translation>
    </message>
    <message>
      <source>Number of filters = output channels.</source>
      <translation>卷积核数量 = 输出通道数。</translation>
    </message>
    <message>
      <source>Filter size: n or [h, w].</source>
      <translation>卷积核大小：n 或 [h, w]。</translation>
    </message>
    <message>
      <source>Step between windows: n or [h, w].</source>
      <translation>窗口之间的步长：n 或 [h, w]。</translation>
    </message>
    <message>
      <source>Add a learned bias per filter.</source>
      <translation>为每个卷积核加一个可学习的偏置。</translation>
    </message>
    <message>
      <source>Input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>Where data enters the network. Shape per sample: [C, H, W] images, [T, F] sequences, [F] vectors.</source>
      <translation>数据进入网络的地方。每个样本的形状：图像为 [C, H, W]，序列为 [T, F]，向量为 [F]。</translation>
    </message>
    <message>
      <source>Shape of one sample, batch left out.</source>
      <translation>一个样本的形状，不含批次维。</translation>
    </message>
    <message>
      <source>Dense takes a vector [F] or a sequence [T, F], got an image {shape} — insert a Flatten (or GlobalAvgPool2D) before it</source>
      <translation>Dense 接受向量 [F] 或序列 [T, F]，得到的却是图像 {shape} — 请在它前面插入 Flatten（或 GlobalAvgPool2D）</translation>
    </message>
    <message>
      <source>Core</source>
      <translation>核心</translation>
    </message>
    <message>
      <source>Fully connected: every output is a weighted sum of all inputs plus a bias.</source>
      <translation>全连接层：每个输出都是所有输入的加权和再加上偏置。</translation>
    </message>
    <message>
      <source>Number of outputs.</source>
      <translation>输出数量。</translation>
    </message>
    <message>
      <source>Add a learned bias to each output.</source>
      <translation>为每个输出加一个可学习的偏置。</translation>
    </message>
    <message>
      <source>Reshapes each sample into a vector, e.g. [16, 5, 5] → [400].</source>
      <translation>把每个样本变形为一个向量，例如 [16, 5, 5] → [400]。</translation>
    </message>
    <message>
      <source>Reshape gives a vector [F], a sequence [T, F] or an image [C, H, W], not {shape}</source>
      <translation>Reshape 的结果是向量 [F]、序列 [T, F] 或图像 [C, H, W]，不能是 {shape}</translation>
    </message>
    <message>
      <source>Reshape to {shape} needs a multiple of {known} values per sample, the input has {n}</source>
      <translation>Reshape 为 {shape} 需要每个样本的值数是 {known} 的倍数，输入有 {n} 个</translation>
    </message>
    <message>
      <source>Reshape to {shape} needs {need} values per sample, the input has {n}</source>
      <translation>Reshape 为 {shape} 需要每个样本 {need} 个值，输入有 {n} 个</translation>
    </message>
    <message>
      <source>Rearranges each sample's values into another shape with as many values, e.g. [784] → [1, 28, 28]; one size may be -1, worked out from the others.</source>
      <translation>把每个样本的值重新排列成值的个数相同的另一种形状，例如 [784] → [1, 28, 28]；其中一个大小可以是 -1，由其他大小推算得出。</translation>
    </message>
    <message>
      <source>Shape of one sample after reshaping, batch left out; one size may be -1 (inferred).</source>
      <translation>变形后一个样本的形状，不含批次维；其中一个大小可以是 -1（自动推算）。</translation>
    </message>
    <message>
      <source>While training, zeroes a random fraction of values and scales the rest up; does nothing at inference.</source>
      <translation>训练时随机把一部分值置零并放大其余的值；推理时不起作用。</translation>
    </message>
    <message>
      <source>Fraction of values dropped while training.</source>
      <translation>训练时丢弃的值所占的比例。</translation>
    </message>
    <message>
      <source>Passes its input through unchanged (a linear activation).</source>
      <translation>原样传递输入（线性激活）。</translation>
    </message>
    <message>
      <source>Add needs equal input shapes; input 1 is {first}, input {i} is {shape}</source>
      <translation>Add 需要形状相同的输入；输入 1 为 {first}，输入 {i} 为 {shape}</translation>
    </message>
    <message>
      <source>channels</source>
      <translation>通道</translation>
    </message>
    <message>
      <source>features</source>
      <translation>特征</translation>
    </message>
    <message>
      <source>Concatenate joins along {what}; the other sizes must match: input 1 is {first}, input {i} is {shape}</source>
      <translation>Concatenate 沿{what}拼接；其他维度的大小必须一致：输入 1 为 {first}，输入 {i} 为 {shape}</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Adds its inputs element by element — the skip connection of a residual block.</source>
      <translation>逐元素相加其输入 — 残差块中的跳跃连接。</translation>
    </message>
    <message>
      <source>Stacks its inputs along channels (images) or features — how Inception joins its branches.</source>
      <translation>沿通道（图像）或特征拼接其输入 — Inception 合并各分支的方式。</translation>
    </message>
    <message>
      <source>BatchNorm takes [F], [T, F] or [C, H, W], got {shape}</source>
      <translation>BatchNorm 接受 [F]、[T, F] 或 [C, H, W]，得到的是 {shape}</translation>
    </message>
    <message>
      <source>Normalization</source>
      <translation>归一化</translation>
    </message>
    <message>
      <source>Normalises each channel to zero mean and unit variance over the batch, then scales and shifts.</source>
      <translation>在批次上把每个通道归一化为零均值、单位方差，然后缩放和平移。</translation>
    </message>
    <message>
      <source>How much of the moving statistics is kept per batch.</source>
      <translation>每个批次保留多少滑动统计量。</translation>
    </message>
    <message>
      <source>Added to the variance to avoid dividing by zero.</source>
      <translation>加到方差上，避免除以零。</translation>
    </message>
    <message>
      <source>{layer} window</source>
      <translation>{layer} 窗口</translation>
    </message>
    <message>
      <source>Divide by the whole window including explicit padding (not ceil_mode's overhang); off: by the real elements only.</source>
      <translation>除以包括显式填充在内的整个窗口（不含 ceil_mode 的超出部分）；关闭时：只除以实际元素个数。</translation>
    </message>
    <message>
      <source>Window size: n or [h, w].</source>
      <translation>窗口大小：n 或 [h, w]。</translation>
    </message>
    <message>
      <source>Step between windows; empty means the pool size.</source>
      <translation>窗口之间的步长；留空表示等于池化窗口大小。</translation>
    </message>
    <message>
      <source>Round the output size up: a last, partial window covers the rows / columns a floor would drop.</source>
      <translation>输出大小向上取整：最后一个不完整的窗口覆盖向下取整时会丢弃的行 / 列。</translation>
    </message>
    <message>
      <source>Pooling</source>
      <translation>池化</translation>
    </message>
    <message>
      <source>Keeps the largest value of each window: shrinks the image, keeps strong features.</source>
      <translation>保留每个窗口中的最大值：缩小图像，保留强特征。</translation>
    </message>
    <message>
      <source>Averages each window (over real pixels only where it overlaps padding).</source>
      <translation>对每个窗口求平均（与填充重叠时只对实际像素求平均）。</translation>
    </message>
    <message>
      <source>Averages each channel over the whole image: [C, H, W] → [C].</source>
      <translation>对每个通道在整幅图像上求平均：[C, H, W] → [C]。</translation>
    </message>
    <message>
      <source> — set return_sequences on the recurrent layer before it</source>
      <translation> — 请在它前面的循环层上设置 return_sequences</translation>
    </message>
    <message>
      <source> — images go to a CNN, or read them row by row as sequences (e.g. DATA digits-seq)</source>
      <translation> — 图像应交给 CNN，或者逐行当作序列读取（例如 DATA digits-seq）</translation>
    </message>
    <message>
      <source>{name} needs a sequence input [T, F], got {shape}{hint}</source>
      <translation>{name} 需要序列输入 [T, F]，得到的是 {shape}{hint}</translation>
    </message>
    <message>
      <source>Size of the hidden state.</source>
      <translation>隐藏状态的大小。</translation>
    </message>
    <message>
      <source>Output every time step [T, units] instead of the last [units].</source>
      <translation>输出每个时间步 [T, units]，而不是只输出最后一步 [units]。</translation>
    </message>
    <message>
      <source>Recurrent</source>
      <translation>循环</translation>
    </message>
    <message>
      <source>h_t = tanh(x_t W + h_{t-1} U + b): a plain recurrent layer; struggles with long-range dependencies.</source>
      <translation>h_t = tanh(x_t W + h_{t-1} U + b)：普通的循环层；难以处理长期依赖。</translation>
    </message>
    <message>
      <source>Long short-term memory: input, forget and output gates control a cell state that carries information far.</source>
      <translation>长短期记忆网络：输入门、遗忘门和输出门控制细胞状态，使信息能传递得很远。</translation>
    </message>
    <message>
      <source>{where}: {detail}</source>
      <translation>{where}：{detail}</translation>
    </message>
    <message>
      <source>'{name}' must be set</source>
      <translation>必须设置 '{name}'</translation>
    </message>
    <message>
      <source>'{name}' must be a number, got {value!r}</source>
      <translation>'{name}' 必须是数字，得到的是 {value!r}</translation>
    </message>
    <message>
      <source>an integer of {n} digits</source>
      <translation>{n} 位的整数</translation>
    </message>
    <message>
      <source>'{name}' must be a finite number of at most {largest:.0e}, got {shown}</source>
      <translation>'{name}' 必须是不超过 {largest:.0e} 的有限数值，得到的是 {shown}</translation>
    </message>
    <message>
      <source>'{name}' must be a whole number, got {value!r}</source>
      <translation>'{name}' 必须是整数，得到的是 {value!r}</translation>
    </message>
    <message>
      <source>'{name}' must be ≥ {minimum:g}, got {v!r}</source>
      <translation>'{name}' 必须 ≥ {minimum:g}，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be ≤ {maximum:g}, got {v!r}</source>
      <translation>'{name}' 必须 ≤ {maximum:g}，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be true or false, got {v!r}</source>
      <translation>'{name}' 必须是 true 或 false，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be one of {opts}, got {v!r}</source>
      <translation>'{name}' 必须是 {opts} 之一，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be an int or [h, w], got {v!r}</source>
      <translation>'{name}' 必须是整数或 [h, w]，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be 'valid', 'same' or [[top, bottom], [left, right]], got {v!r}</source>
      <translation>'{name}' 必须是 'valid'、'same' 或 [[上, 下], [左, 右]]，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be 'valid', 'same' or [[top, bottom], [left, right]] with non-negative ints, got {v!r}</source>
      <translation>'{name}' 必须是 'valid'、'same' 或由非负整数组成的 [[上, 下], [左, 右]]，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be a list of positive sizes (one may be -1, inferred), got {v!r}</source>
      <translation>'{name}' 必须是正整数大小的列表（其中一个可以是 -1，自动推算），得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' must be a list of positive sizes, got {v!r}</source>
      <translation>'{name}' 必须是正整数大小的列表，得到的是 {v!r}</translation>
    </message>
    <message>
      <source>'{name}' may infer only one size (one -1), got {v!r}</source>
      <translation>'{name}' 只能推算一个大小（只能有一个 -1），得到的是 {v!r}</translation>
    </message>
    <message>
      <source> (known: {names})</source>
      <translation>（已知：{names}）</translation>
    </message>
    <message>
      <source> (it takes none)</source>
      <translation>（它没有设置项）</translation>
    </message>
    <message>
      <source>unknown setting {names}{hint}</source>
      <translation>未知的设置项 {names}{hint}</translation>
    </message>
    <message>
      <source>Multi-layer perceptron: two hidden layers of 64 tanh units.</source>
      <translation>多层感知机：两个各有 64 个 tanh 单元的隐藏层。</translation>
    </message>
    <message>
      <source>LeNet-5: two 5×5 conv + max-pool stages, then 120-84 dense (ReLU).</source>
      <translation>LeNet-5：两个 5×5 卷积 + 最大池化阶段，然后是 120-84 的全连接层（ReLU）。</translation>
    </message>
    <message>
      <source>Small AlexNet: five conv layers with three overlapping max pools, two dropout dense layers.</source>
      <translation>小型 AlexNet：五个卷积层和三个重叠的最大池化，两个带 Dropout 的全连接层。</translation>
    </message>
    <message>
      <source>Small Inception: conv stem, two four-branch Inception modules, global average pool.</source>
      <translation>小型 Inception：卷积主干，两个四分支 Inception 模块，全局平均池化。</translation>
    </message>
    <message>
      <source>Small ResNet-8: conv stem, three stages of residual blocks (16-32-64), global average pool.</source>
      <translation>小型 ResNet-8：卷积主干，三个阶段的残差块（16-32-64），全局平均池化。</translation>
    </message>
    <message>
      <source>Plain recurrent network: SimpleRNN(64) over the sequence, then a dense output.</source>
      <translation>普通循环神经网络：在序列上运行 SimpleRNN(64)，然后是一个全连接输出层。</translation>
    </message>
    <message>
      <source>LSTM(64) over the sequence, then a dense output: remembers across long gaps.</source>
      <translation>在序列上运行 LSTM(64)，然后是一个全连接输出层：能跨越很长的间隔记忆信息。</translation>
    </message>
    <message>
      <source>Two stacked LSTM(64) layers (the first returns its whole sequence), then a dense output.</source>
      <translation>两个堆叠的 LSTM(64) 层（第一层返回整个序列），然后是一个全连接输出层。</translation>
    </message>
    <message>
      <source>AlexNet on 3×224×224, 1000 classes (torchvision's layout): 61.1 M parameters.</source>
      <translation>3×224×224 输入、1000 个类别的 AlexNet（torchvision 的结构）：6110 万（61.1 M）个参数。</translation>
    </message>
    <message>
      <source>GoogLeNet / Inception v1 on 3×224×224 (torchvision's, BatchNorm, no auxiliary classifiers): 6.6 M parameters.</source>
      <translation>3×224×224 输入的 GoogLeNet / Inception v1（torchvision 的版本，带 BatchNorm，无辅助分类器）：660 万（6.6 M）个参数。</translation>
    </message>
    <message>
      <source>ResNet-18 on 3×224×224, 1000 classes: 11.7 M parameters.</source>
      <translation>3×224×224 输入、1000 个类别的 ResNet-18：1170 万（11.7 M）个参数。</translation>
    </message>
    <message>
      <source>ResNet-50 (v1.5, torchvision) on 3×224×224, 1000 classes: 25.6 M parameters.</source>
      <translation>3×224×224 输入、1000 个类别的 ResNet-50（v1.5，torchvision）：2560 万（25.6 M）个参数。</translation>
    </message>
    <message>
      <source>unknown preset {name!r} (known: {known})</source>
      <translation>未知的预设 {name!r}（已知：{known}）</translation>
    </message>
    <message>
      <source>{name}: the network output must be a float32 or float64 array, got {got}</source>
      <translation>{name}：网络输出必须是 float32 或 float64 数组，得到的是 {got}</translation>
    </message>
    <message>
      <source>{name}: the network output must have a batch axis with at least one sample, got shape {shape}</source>
      <translation>{name}：网络输出必须有一个至少含一个样本的批次轴，得到的形状为 {shape}</translation>
    </message>
    <message>
      <source>{name} cannot absorb a final activation (fused=True)</source>
      <translation>{name} 不能吸收最后的激活函数（fused=True）</translation>
    </message>
    <message>
      <source>{name}: the target has {target} but the network output has {n}</source>
      <translation>{name}：目标有 {target}，而网络输出有 {n}</translation>
    </message>
    <message>
      <source>{name}: the target must be numbers, got dtype {dtype}</source>
      <translation>{name}：目标必须是数值，得到的 dtype 为 {dtype}</translation>
    </message>
    <message>
      <source>{n} samples</source>
      <translation>{n} 个样本</translation>
    </message>
    <message>
      <source>1 sample</source>
      <translation>1 个样本</translation>
    </message>
    <message>
      <source>{n} outputs</source>
      <translation>{n} 个输出</translation>
    </message>
    <message>
      <source>1 output</source>
      <translation>1 个输出</translation>
    </message>
    <message>
      <source>{name}: label {label} is outside 0..{last} for a network with {outputs}</source>
      <translation>{name}：标签 {label} 超出了 0..{last} 的范围（网络有 {outputs}）</translation>
    </message>
    <message>
      <source>{name} needs class labels 0..{last}, got the value {bad:.4g} — is this a regression target? Use a regression loss such as mse</source>
      <translation>{name} 需要类别标签 0..{last}，得到的值为 {bad:.4g} — 这是回归目标吗？请使用回归损失函数，例如 mse</translation>
    </message>
    <message>
      <source>{name}: a target of shape {target_shape} does not fit a network output of shape {output_shape}; give class labels (N,) or an array shaped like the output</source>
      <translation>{name}：形状为 {target_shape} 的目标与形状为 {output_shape} 的网络输出不匹配；请给出类别标签 (N,) 或与输出形状相同的数组</translation>
    </message>
    <message>
      <source>{name}: {what} must be 0 or 1, got {bad:g}</source>
      <translation>{name}：{what}必须是 0 或 1，得到的是 {bad:g}</translation>
    </message>
    <message>
      <source>{name} needs an output of shape (N, classes), got {output_shape}</source>
      <translation>{name} 需要形状为 (N, classes) 的输出，得到的是 {output_shape}</translation>
    </message>
    <message>
      <source>{name} expects probabilities in [0, 1] ({hint}); the network output ranges from {lo:.4g} to {hi:.4g}</source>
      <translation>{name} 期望 [0, 1] 内的概率（{hint}）；网络输出的范围是 {lo:.4g} 到 {hi:.4g}</translation>
    </message>
    <message>
      <source> — these look like class labels; use cross_entropy, or mse which one-hot encodes them</source>
      <translation> — 这些看起来是类别标签；请使用 cross_entropy，或使用会对它们做独热编码的 mse</translation>
    </message>
    <message>
      <source>{name} needs a target shaped like the network output {output_shape}, got {target_shape}{hint}</source>
      <translation>{name} 需要与网络输出 {output_shape} 形状相同的目标，得到的是 {target_shape}{hint}</translation>
    </message>
    <message>
      <source>{name} needs targets &gt;= 0 (it compares logarithms), got {value:.4g}</source>
      <translation>{name} 需要 &gt;= 0 的目标（它比较的是对数），得到的是 {value:.4g}</translation>
    </message>
    <message>
      <source>{name} needs one output per class (at least 2); with a single output use binary_cross_entropy</source>
      <translation>{name} 需要每个类别一个输出（至少 2 个）；只有一个输出时请使用 binary_cross_entropy</translation>
    </message>
    <message>
      <source>a row sums to {sum:.4g}</source>
      <translation>有一行的和为 {sum:.4g}</translation>
    </message>
    <message>
      <source>it has negative entries</source>
      <translation>它含有负值</translation>
    </message>
    <message>
      <source>{name}: a target shaped like the output must hold one probability distribution per sample (rows &gt;= 0 summing to 1), but {detail} — for a regression target use a regression loss such as mse</source>
      <translation>{name}：与输出形状相同的目标必须对每个样本给出一个概率分布（各行 &gt;= 0 且和为 1），但{detail} — 若为回归目标，请使用回归损失函数，例如 mse</translation>
    </message>
    <message>
      <source>{name} with {n} outputs needs a 0/1 target per output {output_shape}; for class labels use cross_entropy (one output per class)</source>
      <translation>有 {n} 个输出的 {name} 需要每个输出一个 0/1 目标 {output_shape}；若为类别标签，请使用 cross_entropy（每个类别一个输出）</translation>
    </message>
    <message>
      <source>{name} needs a target shaped like the network output {output_shape}, got {target_shape}</source>
      <translation>{name} 需要与网络输出 {output_shape} 形状相同的目标，得到的是 {target_shape}</translation>
    </message>
    <message>
      <source>labels</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>{name}: targets must lie in [0, 1], got {bad:.4g}</source>
      <translation>{name}：目标必须在 [0, 1] 内，得到的是 {bad:.4g}</translation>
    </message>
    <message>
      <source>end the network with Sigmoid</source>
      <translation>请以 Sigmoid 结束网络</translation>
    </message>
    <message>
      <source>{name}: a Softmax over 1 output is always 1; for two classes use one output with Sigmoid and binary_cross_entropy</source>
      <translation>{name}：对 1 个输出做 Softmax 的结果恒为 1；二分类请使用一个输出加 Sigmoid 和 binary_cross_entropy</translation>
    </message>
    <message>
      <source>{name} with 1 output needs labels 0/1 of shape (N,), got {target_shape}</source>
      <translation>只有 1 个输出的 {name} 需要形状为 (N,) 的 0/1 标签，得到的是 {target_shape}</translation>
    </message>
    <message>
      <source>labels for a network with 1 output</source>
      <translation>单输出网络的标签</translation>
    </message>
    <message>
      <source>end the network with Softmax</source>
      <translation>请以 Softmax 结束网络</translation>
    </message>
    <message>
      <source>a mix of 0 and -1</source>
      <translation>0 与 -1 的混合</translation>
    </message>
    <message>
      <source>labels 0/1 or -1/+1 for a network with 1 output</source>
      <translation>单输出网络的 0/1 或 -1/+1 标签</translation>
    </message>
    <message>
      <source>targets of -1/+1 (or 0/1)</source>
      <translation>-1/+1（或 0/1）的目标</translation>
    </message>
    <message>
      <source>{name} needs {what}, got {got}</source>
      <translation>{name} 需要{what}，得到的是 {got}</translation>
    </message>
    <message>
      <source>{name}: a target of shape {target_shape} does not fit a network output of shape {output_shape}</source>
      <translation>{name}：形状为 {target_shape} 的目标与形状为 {output_shape} 的网络输出不匹配</translation>
    </message>
    <message>
      <source>unknown loss {name!r}; known losses: {known}</source>
      <translation>未知的损失函数 {name!r}；已知的损失函数：{known}</translation>
    </message>
    <message>
      <source>training needs exactly one Input node, the network has {n}</source>
      <translation>训练需要恰好一个 Input 节点，而网络有 {n} 个</translation>
    </message>
    <message>
      <source>training needs exactly one output, the network has {n} ({outputs}) — connect or delete the extra ones</source>
      <translation>训练需要恰好一个输出，而网络有 {n} 个（{outputs}）— 请连接或删除多余的输出</translation>
    </message>
    <message>
      <source>{type} '{nid}': this layer type cannot be trained by the engine yet</source>
      <translation>{type} '{nid}'：引擎暂时无法训练此层类型</translation>
    </message>
    <message>
      <source>the weights do not fit this network; missing {missing}; unexpected {extra}</source>
      <translation>权重与此网络不匹配；缺少 {missing}；多余 {extra}</translation>
    </message>
    <message>
      <source>the weights do not fit this network; missing {missing}</source>
      <translation>权重与此网络不匹配；缺少 {missing}</translation>
    </message>
    <message>
      <source>the weights do not fit this network; unexpected {extra}</source>
      <translation>权重与此网络不匹配；多余 {extra}</translation>
    </message>
    <message>
      <source>weight {name} has shape {shape}, the network needs {shape2}</source>
      <translation>权重 {name} 的形状为 {shape}，网络需要 {shape2}</translation>
    </message>
    <message>
      <source>{name}: shape {shape} does not fit {shape2}</source>
      <translation>{name}：形状 {shape} 与 {shape2} 不匹配</translation>
    </message>
    <message>
      <source>the data has samples of shape {shape} but the Input '{input_id}' expects {expected}</source>
      <translation>数据的样本形状为 {shape}，但 Input '{input_id}' 期望 {expected}</translation>
    </message>
    <message>
      <source>{owner}: {name} must be a number, got {value!r}</source>
      <translation>{owner}：{name} 必须是数字，得到的是 {value!r}</translation>
    </message>
    <message>
      <source>{owner}: {name} must be a finite number, got {value}</source>
      <translation>{owner}：{name} 必须是有限的数值，得到的是 {value}</translation>
    </message>
    <message>
      <source>{owner}: {name} must be zero or positive, got {value}</source>
      <translation>{owner}：{name} 必须为零或正数，得到的是 {value}</translation>
    </message>
    <message>
      <source>{owner}: {name} must be positive, got {value}</source>
      <translation>{owner}：{name} 必须为正数，得到的是 {value}</translation>
    </message>
    <message>
      <source>{owner}: {name} must be in [0, 1), got {value}</source>
      <translation>{owner}：{name} 必须在 [0, 1) 内，得到的是 {value}</translation>
    </message>
    <message>
      <source>{owner}: {name} must be true or false, got {value!r}</source>
      <translation>{owner}：{name} 必须是 true 或 false，得到的是 {value!r}</translation>
    </message>
    <message>
      <source>{name} has no hyperparameter {unknown!r}; it takes {known}</source>
      <translation>{name} 没有超参数 {unknown!r}；它接受 {known}</translation>
    </message>
    <message>
      <source>{name}: params must be a 1-D array (all parameters of the model in one vector), got {got}</source>
      <translation>{name}：params 必须是一维数组（模型的全部参数放在一个向量中），得到的是 {got}</translation>
    </message>
    <message>
      <source>{name}: params must be float32 or float64, got {dtype}</source>
      <translation>{name}：params 必须是 float32 或 float64，得到的是 {dtype}</translation>
    </message>
    <message>
      <source>{name}: params must be a contiguous, writable array</source>
      <translation>{name}：params 必须是连续、可写的数组</translation>
    </message>
    <message>
      <source>{name}: grads must have the shape of params {shape}, got {got}</source>
      <translation>{name}：grads 的形状必须与 params 相同 {shape}，得到的是 {got}</translation>
    </message>
    <message>
      <source>{name}: grads are {dtype} but params are {dtype2}</source>
      <translation>{name}：grads 是 {dtype}，而 params 是 {dtype2}</translation>
    </message>
    <message>
      <source>{name}: the optimizer state holds {size} values but the model has {size2} parameters</source>
      <translation>{name}：优化器状态含有 {size} 个值，但模型有 {size2} 个参数</translation>
    </message>
    <message>
      <source>{name}: an optimizer state is a dict with keys name, hyper, step and slots, got {got}</source>
      <translation>{name}：优化器状态是含有 name、hyper、step 和 slots 键的字典，得到的是 {got}</translation>
    </message>
    <message>
      <source>this optimizer state belongs to {owner!r}, not {name!r}</source>
      <translation>此优化器状态属于 {owner!r}，而不是 {name!r}</translation>
    </message>
    <message>
      <source>{name}: state['hyper'] must be a dict</source>
      <translation>{name}：state['hyper'] 必须是字典</translation>
    </message>
    <message>
      <source>{name}: state['step'] must be a whole number &gt;= 0, got {step!r}</source>
      <translation>{name}：state['step'] 必须是 &gt;= 0 的整数，得到的是 {step!r}</translation>
    </message>
    <message>
      <source>{name}: state['slots'] must be a dict of arrays</source>
      <translation>{name}：state['slots'] 必须是数组的字典</translation>
    </message>
    <message>
      <source>{name}: state slots {slots} do not match the expected {expected}</source>
      <translation>{name}：状态槽 {slots} 与期望的 {expected} 不一致</translation>
    </message>
    <message>
      <source>{name}: the state has taken {step} steps but holds no {missing}</source>
      <translation>{name}：状态已经走了 {step} 步，却没有 {missing}</translation>
    </message>
    <message>
      <source>{name}: slot {key!r} must be a 1-D float32 or float64 array, got {got}</source>
      <translation>{name}：槽 {key!r} 必须是一维 float32 或 float64 数组，得到的是 {got}</translation>
    </message>
    <message>
      <source>{name}: the slots have different sizes {sizes}</source>
      <translation>{name}：各槽的大小不同 {sizes}</translation>
    </message>
    <message>
      <source>{name}: the state is for {n} parameters but this optimizer is working on {have}</source>
      <translation>{name}：状态对应 {n} 个参数，但此优化器处理的是 {have} 个</translation>
    </message>
    <message>
      <source>{name}: nesterov needs a momentum above 0, got momentum 0</source>
      <translation>{name}：nesterov 需要大于 0 的动量，得到的动量为 0</translation>
    </message>
    <message>
      <source>unknown optimizer {name!r}; known optimizers: {known}</source>
      <translation>未知的优化器 {name!r}；已知的优化器：{known}</translation>
    </message>
    <message>
      <source>batch size must be a positive whole number or 'full', got {b!r}</source>
      <translation>批大小必须是正整数或 'full'，得到的是 {b!r}</translation>
    </message>
    <message>
      <source>the training set is empty</source>
      <translation>训练集是空的</translation>
    </message>
    <message>
      <source>{n_x} samples but {n_y} targets</source>
      <translation>{n_x} 个样本，但有 {n_y} 个目标</translation>
    </message>
    <message>
      <source>loss '{loss}': {error}</source>
      <translation>损失函数 '{loss}'：{error}</translation>
    </message>
    <message>
      <source>the loss became {value}</source>
      <translation>损失变成了 {value}</translation>
    </message>
    <message>
      <source>a gradient became NaN or Inf</source>
      <translation>梯度变成了 NaN 或 Inf</translation>
    </message>
    <message>
      <source> first in layer '{layer}' ({weights})</source>
      <translation>，最早出现在层 '{layer}'（{weights}）</translation>
    </message>
    <message>
      <source> first in the output of layer '{layer}'</source>
      <translation>，最早出现在层 '{layer}' 的输出中</translation>
    </message>
    <message>
      <source>training stopped at epoch {epoch}, batch {batch}: {what}{where}. Try a lower learning rate, or check the data for extreme values.</source>
      <translation>训练在第 {epoch} 轮、第 {batch} 批时停止：{what}{where}。请尝试降低学习率，或检查数据中是否有极端值。</translation>
    </message>
    <message>
      <source>training stopped at epoch {epoch}, batch {batch}: {what}{where}. Try a lower learning rate, or set gradient clipping (--clip-norm), or check the data for extreme values.</source>
      <translation>训练在第 {epoch} 轮、第 {batch} 批时停止：{what}{where}。请尝试降低学习率，或设置梯度裁剪（--clip-norm），或检查数据中是否有极端值。</translation>
    </message>
    <message>
      <source>attribute 'ceil_mode' = 1 with auto_pad {auto} is not supported</source>
      <translation>不支持属性 'ceil_mode' = 1 与 auto_pad {auto} 同时使用</translation>
    </message>
    <message>
      <source>attribute 'auto_pad' = {auto} is not an ONNX value</source>
      <translation>属性 'auto_pad' = {auto} 不是 ONNX 的取值</translation>
    </message>
    <message>
      <source>attribute 'pads' = {p}: need four non-negative values for a 2-D window</source>
      <translation>属性 'pads' = {p}：二维窗口需要四个非负值</translation>
    </message>
    <message>
      <source>attribute 'kernel_shape' = {kernel}: dlstudio supports 2-D windows only</source>
      <translation>属性 'kernel_shape' = {kernel}：dlstudio 只支持二维窗口</translation>
    </message>
    <message>
      <source>attribute 'kernel_shape' = {kernel} does not match the weights' {w_kernel}</source>
      <translation>属性 'kernel_shape' = {kernel} 与权重的 {w_kernel} 不一致</translation>
    </message>
    <message>
      <source>attribute 'dilations' = {dil}: dilated windows are not in the catalogue</source>
      <translation>属性 'dilations' = {dil}：层目录中没有空洞（膨胀）窗口</translation>
    </message>
    <message>
      <source>needs an image input [batch, C, H, W], got {layout}</source>
      <translation>需要图像输入 [batch, C, H, W]，得到的是 {layout}</translation>
    </message>
    <message>
      <source>attribute 'group' = {group}: grouped / depthwise convolution is not in the catalogue</source>
      <translation>属性 'group' = {group}：层目录中没有分组 / 深度可分离卷积</translation>
    </message>
    <message>
      <source>weights of rank {ndim}: dlstudio supports 2-D convolution only</source>
      <translation>权重的秩为 {ndim}：dlstudio 只支持二维卷积</translation>
    </message>
    <message>
      <source>the weights expect {n} input channels, the input has {c}</source>
      <translation>权重期望 {n} 个输入通道，而输入有 {c} 个</translation>
    </message>
    <message>
      <source>output 'Indices' is used: argmax indices are not in the catalogue</source>
      <translation>使用了输出 'Indices'：层目录中没有 argmax 索引</translation>
    </message>
    <message>
      <source>attribute 'transA' = 1 on the data is not supported (the batch must stay first)</source>
      <translation>不支持在数据上使用属性 'transA' = 1（批次维必须保持在最前）</translation>
    </message>
    <message>
      <source>needs a [batch, features] input, got {layout}</source>
      <translation>需要 [batch, features] 输入，得到的是 {layout}</translation>
    </message>
    <message>
      <source>B has rank {ndim}, Gemm needs a matrix</source>
      <translation>B 的秩为 {ndim}，Gemm 需要一个矩阵</translation>
    </message>
    <message>
      <source>B has {f_in} rows, the input has {shape} features</source>
      <translation>B 有 {f_in} 行，而输入有 {shape} 个特征</translation>
    </message>
    <message>
      <source>C of shape {shape} is not a bias (one value per output)</source>
      <translation>形状为 {shape} 的 C 不是偏置（每个输出一个值）</translation>
    </message>
    <message>
      <source>only [batch, (time,) features] × matrix is supported, got {layout} × {shape}</source>
      <translation>只支持 [batch, (time,) features] × 矩阵，得到的是 {layout} × {shape}</translation>
    </message>
    <message>
      <source>the matrix has {n} rows, the input has {shape} features</source>
      <translation>矩阵有 {n} 行，而输入有 {shape} 个特征</translation>
    </message>
    <message>
      <source>a constant operand of Add is only supported as the bias right after a MatMul</source>
      <translation>Add 的常量操作数只支持作为紧跟在 MatMul 之后的偏置</translation>
    </message>
    <message>
      <source>inputs of shapes {layout} and {layout2}: the catalogue's Add needs equal shapes (no broadcasting)</source>
      <translation>输入的形状为 {layout} 和 {layout2}：层目录中的 Add 需要形状相同（不支持广播）</translation>
    </message>
    <message>
      <source>attribute 'alpha' = {value}: the catalogue's LeakyReLU takes 0 … 1</source>
      <translation>属性 'alpha' = {value}：层目录中的 LeakyReLU 取值范围为 0 … 1</translation>
    </message>
    <message>
      <source>attribute 'alpha' = {value}: the catalogue's ELU takes 0 … 10</source>
      <translation>属性 'alpha' = {value}：层目录中的 ELU 取值范围为 0 … 10</translation>
    </message>
    <message>
      <source>attribute 'axis' = {axis}: the catalogue's Softmax works over the last axis (axis {last}) of {layout}</source>
      <translation>属性 'axis' = {axis}：层目录中的 Softmax 作用于 {layout} 的最后一个轴（轴 {last}）</translation>
    </message>
    <message>
      <source>attribute 'training_mode' = 1: only the inference form is supported</source>
      <translation>属性 'training_mode' = 1：只支持推理形式</translation>
    </message>
    <message>
      <source>attribute 'spatial' = 0 is not supported</source>
      <translation>不支持属性 'spatial' = 0</translation>
    </message>
    <message>
      <source>the running-statistics outputs are used: only the inference form is supported</source>
      <translation>使用了滑动统计量输出：只支持推理形式</translation>
    </message>
    <message>
      <source>input {layout}: ONNX normalises axis 1, the catalogue's BatchNorm a sequence's features — only images and vectors are supported</source>
      <translation>输入 {layout}：ONNX 对轴 1 归一化，而层目录中的 BatchNorm 对序列的特征归一化 — 只支持图像和向量</translation>
    </message>
    <message>
      <source>output 'mask' is used: not in the catalogue</source>
      <translation>使用了输出 'mask'：层目录中没有</translation>
    </message>
    <message>
      <source>input 'training_mode' is true: only inference graphs are supported</source>
      <translation>输入 'training_mode' 为 true：只支持推理图</translation>
    </message>
    <message>
      <source>attribute 'ratio' = {rate}: the catalogue's Dropout takes 0 … 0.95</source>
      <translation>属性 'ratio' = {rate}：层目录中的 Dropout 取值范围为 0 … 0.95</translation>
    </message>
    <message>
      <source>flattening {layout} keeps the batch first only for batch-first values</source>
      <translation>展平 {layout} 只对批次在前的值才能保持批次在前</translation>
    </message>
    <message>
      <source>attribute 'axis' = {axis}: only axis 1 (keep the batch, flatten the rest) is supported</source>
      <translation>属性 'axis' = {axis}：只支持轴 1（保留批次，展平其余部分）</translation>
    </message>
    <message>
      <source>the target shape must be a constant or computed from the input's shape</source>
      <translation>目标形状必须是常量，或由输入的形状计算得出</translation>
    </message>
    <message>
      <source>input 'shape' = {shown}: a Reshape of {layout} must keep the batch first and give 1 to 3 fixed sizes per sample</source>
      <translation>输入 'shape' = {shown}：对 {layout} 的 Reshape 必须保持批次在前，并给出每个样本 1 到 3 个固定大小</translation>
    </message>
    <message>
      <source>input 'shape' = {shown}: the data {layout} is not batch first in the catalogue's layout</source>
      <translation>输入 'shape' = {shown}：数据 {layout} 在层目录的布局中不是批次在前</translation>
    </message>
    <message>
      <source>attribute 'direction' = {direction}: only forward recurrent layers are in the catalogue</source>
      <translation>属性 'direction' = {direction}：层目录中只有前向的循环层</translation>
    </message>
    <message>
      <source>attribute 'activations' = {acts}: the catalogue's {op_type} uses {default}</source>
      <translation>属性 'activations' = {acts}：层目录中的 {op_type} 使用 {default}</translation>
    </message>
    <message>
      <source>attribute '{name}' is not supported (the catalogue's cells do not clip or scale)</source>
      <translation>不支持属性 '{name}'（层目录中的单元不做裁剪或缩放）</translation>
    </message>
    <message>
      <source>attribute 'input_forget' = 1 (coupled gates) is not in the catalogue</source>
      <translation>层目录中没有属性 'input_forget' = 1（耦合门）</translation>
    </message>
    <message>
      <source>input X {layout} must be a sequence in layout {expected}</source>
      <translation>输入 X {layout} 必须是布局为 {expected} 的序列</translation>
    </message>
    <message>
      <source>W {shape} / R {shape2} do not fit hidden_size {hidden} and {feats} features</source>
      <translation>W {shape} / R {shape2} 与 hidden_size {hidden} 和 {feats} 个特征不匹配</translation>
    </message>
    <message>
      <source>input 'sequence_lens' shorter than the sequence is not supported (every sample has T steps)</source>
      <translation>不支持比序列短的输入 'sequence_lens'（每个样本都有 T 步）</translation>
    </message>
    <message>
      <source>input '{nm}' is not zero: the catalogue's layers start from a zero state</source>
      <translation>输入 '{nm}' 不为零：层目录中的层从零状态开始</translation>
    </message>
    <message>
      <source>input 'P' (peephole connections) is not in the catalogue</source>
      <translation>层目录中没有输入 'P'（窥视孔连接）</translation>
    </message>
    <message>
      <source>output 'Y_c' (the cell state) is used: not an output of the catalogue's LSTM</source>
      <translation>使用了输出 'Y_c'（细胞状态）：它不是层目录中 LSTM 的输出</translation>
    </message>
    <message>
      <source>outputs 'Y' and 'Y_h' are both used: the catalogue's layer outputs one of them</source>
      <translation>输出 'Y' 和 'Y_h' 都被使用：层目录中的层只输出其中之一</translation>
    </message>
    <message>
      <source>cannot compute it on its constant inputs ({type}: {error})</source>
      <translation>无法在其常量输入上计算它（{type}: {error}）</translation>
    </message>
    <message>
      <source>attribute '{name}' is not supported</source>
      <translation>不支持属性 '{name}'</translation>
    </message>
    <message>
      <source>only picking the single element of a unit axis is supported on the data (axis {axis} has size {size}) — select time steps with return_sequences instead</source>
      <translation>在数据上只支持选取单位轴上的唯一元素（轴 {axis} 的大小为 {size}）— 请改用 return_sequences 选择时间步</translation>
    </message>
    <message>
      <source>unsqueezing a shape vector is not supported</source>
      <translation>不支持对形状向量做 unsqueeze</translation>
    </message>
    <message>
      <source>attribute 'axes': axis {i} is not a unit axis added by an earlier operator</source>
      <translation>属性 'axes'：轴 {i} 不是之前某个算子添加的单位轴</translation>
    </message>
    <message>
      <source>the inputs have different ranks</source>
      <translation>各输入的秩不同</translation>
    </message>
    <message>
      <source>attribute 'axis' = {axis}: the catalogue's Concatenate joins {axis_name} of {canon}</source>
      <translation>属性 'axis' = {axis}：层目录中的 Concatenate 沿 {canon} 的{axis_name}拼接</translation>
    </message>
    <message>
      <source>channels (axis 1)</source>
      <translation>通道（轴 1）</translation>
    </message>
    <message>
      <source>the last axis ({n})</source>
      <translation>最后一个轴（{n}）</translation>
    </message>
    <message>
      <source>a non-zero tensor whose shape depends on the batch is not supported</source>
      <translation>不支持形状依赖于批次的非零张量</translation>
    </message>
    <message>
      <source>only expanding zeros (an initial state) is supported</source>
      <translation>只支持扩展零值（初始状态）</translation>
    </message>
    <message>
      <source>attribute 'to': only casts between floating-point types can apply to the data</source>
      <translation>属性 'to'：对数据只能做浮点类型之间的转换</translation>
    </message>
    <message>
      <source>circle</source>
      <translation>圆形</translation>
    </message>
    <message>
      <source>square</source>
      <translation>正方形</translation>
    </message>
    <message>
      <source>triangle</source>
      <translation>三角形</translation>
    </message>
    <message>
      <source>cross</source>
      <translation>十字</translation>
    </message>
    <message>
      <source>ring</source>
      <translation>圆环</translation>
    </message>
    <message>
      <source>star</source>
      <translation>星形</translation>
    </message>
    <message>
      <source>bar</source>
      <translation>条形</translation>
    </message>
    <message>
      <source>network.json: the network needs {needed:,} parameters; a model file holds at most {most:,}</source>
      <translation>network.json：网络需要 {needed:,} 个参数；模型文件最多容纳 {most:,} 个</translation>
    </message>
    <message>
      <source>weights.npz: the network needs {needed:,} parameters but the file holds only {held:,} weight values; network.json does not belong to these weights</source>
      <translation>weights.npz：网络需要 {needed:,} 个参数，但文件只有 {held:,} 个权重值；network.json 与这些权重不匹配</translation>
    </message>
    <message>
      <source>network.json: one sample's activations would hold {values:,} numbers (node {node!r} alone {node_values:,}); at most {most:,} are accepted</source>
      <translation>network.json：单个样本的激活值将有 {values:,} 个数（其中节点 {node!r} 有 {node_values:,} 个）；最多接受 {most:,} 个</translation>
    </message>
    <message>
      <source>training.json: {field} {problem}</source>
      <translation>training.json：{field} {problem}</translation>
    </message>
    <message>
      <source>is a {type}, not a JSON object</source>
      <translation>是 {type}，不是 JSON 对象</translation>
    </message>
    <message>
      <source>must be a whole number from 0 to {most}, got {value!r}</source>
      <translation>必须是 0 到 {most} 之间的整数，实际为 {value!r}</translation>
    </message>
    <message>
      <source>must be a JSON object of finite numbers and true / false, got {value!r}</source>
      <translation>必须是由有限数值和 true / false 组成的 JSON 对象，实际为 {value!r}</translation>
    </message>
    <message>
      <source>is not a random-generator state numpy accepts</source>
      <translation>不是 numpy 能接受的随机数生成器状态</translation>
    </message>
    <message>
      <source>must be a name (text), got {value!r}</source>
      <translation>必须是一个名称（文本），实际为 {value!r}</translation>
    </message>
    <message>
      <source>must be a positive whole number or 'full', got {value!r}</source>
      <translation>必须是正整数或 'full'，实际为 {value!r}</translation>
    </message>
    <message>
      <source>must be a number from 0 to 0.9, got {value!r}</source>
      <translation>必须是 0 到 0.9 之间的数，实际为 {value!r}</translation>
    </message>
    <message>
      <source>must be a positive number or null, got {value!r}</source>
      <translation>必须是正数或 null，实际为 {value!r}</translation>
    </message>
    <message>
      <source>must be {kind} or null, got {value!r}</source>
      <translation>必须是 {kind} 或 null，实际为 {value!r}</translation>
    </message>
    <message>
      <source>must be a finite number, got {value!r}</source>
      <translation>必须是有限的数，实际为 {value!r}</translation>
    </message>
    <message>
      <source>optimizer.npz: {slot}/{name} holds {n} values, the weight {m}</source>
      <translation>optimizer.npz：{slot}/{name} 有 {n} 个值，而该权重有 {m} 个</translation>
    </message>
  </context>
</TS>
