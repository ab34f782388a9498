"""ONNX import of models written by torch.onnx.export: LeNet-5, a small ResNet, a batch-first LSTM."""
import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from torch import nn  # noqa: E402

from dlstudio.engine.model import Model  # noqa: E402
from dlstudio.io.onnx_import import import_onnx  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore")  # torch exporter warnings (deprecation, tracing)


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.pool1 = nn.AvgPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool2 = nn.MaxPool2d(2, ceil_mode=True)
        self.fc1, self.fc2, self.fc3 = nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(torch.tanh(self.conv1(x)))
        x = self.pool2(torch.relu(self.conv2(x)))
        x = x.view(x.size(0), -1)
        return torch.softmax(self.fc3(torch.relu(self.fc2(torch.sigmoid(self.fc1(x))))), dim=1)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(c, c, 3, padding=1, bias=False), nn.BatchNorm2d(c)
        self.conv2, self.bn2 = nn.Conv2d(c, c, 3, padding=1, bias=False), nn.BatchNorm2d(c)

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(y)) + x)


class SmallResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.pool = nn.MaxPool2d(3, stride=2, padding=1)
        self.block1, self.block2 = Block(8), Block(8)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.drop = nn.Dropout(0.2)
        self.fc = nn.Linear(8, 5)

    def forward(self, x):
        x = self.block2(self.block1(self.pool(torch.relu(self.stem(x)))))
        return self.fc(self.drop(torch.flatten(self.gap(x), 1)))


class SeqNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 6, batch_first=True)
        self.fc = nn.Linear(6, 2)

    def forward(self, x):
        _, (h, _) = self.lstm(x)
        return self.fc(h[-1])


def _roundtrip(module, shape, tmp_path, n=4):
    torch.manual_seed(0)
    module.eval()
    with torch.no_grad():  # non-trivial batch-norm statistics
        for m in module.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 1.5)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
    path = tmp_path / "m.onnx"
    torch.onnx.export(module, torch.zeros(2, *shape), str(path), input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "N"}, "y": {0: "N"}}, opset_version=17, dynamo=False)
    x = np.random.default_rng(1).standard_normal((n, *shape)).astype(np.float32)
    ref = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    net, w = import_onnx(path)
    model = Model(net)
    model.set_weights(w)
    got = model.predict(x)
    diff = float(np.abs(got - ref).max())
    assert got.shape == ref.shape and diff < 1e-4, diff
    return net


def test_lenet5(tmp_path):
    net = _roundtrip(LeNet5(), (1, 28, 28), tmp_path)
    assert [n.type for n in net.nodes].count("Dense") == 3


def test_small_resnet_with_skip_add(tmp_path):
    net = _roundtrip(SmallResNet(), (3, 16, 16), tmp_path)
    types = [n.type for n in net.nodes]
    assert "Add" in types and types.count("Conv2D") == 5  # torch folds eval batch norm into the convs


def test_batch_first_lstm(tmp_path):
    net = _roundtrip(SeqNet(), (7, 3), tmp_path)
    assert [n.type for n in net.nodes] == ["Input", "LSTM", "Dense"]
