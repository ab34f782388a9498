"""File → Export → ONNX: the file runs in onnxruntime and holds the window's current weights."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from dlstudio.engine.model import Model  # noqa: E402
from dlstudio.io.modelfile import ModelBundle  # noqa: E402
from dlstudio.io.onnx_export import onnxruntime_outputs  # noqa: E402


def test_export_menu_writes_a_model_onnxruntime_runs(window, dialogs, tmp_path):
    out = tmp_path / "lenet.onnx"
    dialogs.answers["save"].append(str(out))
    window.export_onnx()
    assert out.is_file() and not dialogs.warnings
    m = Model(window.doc.network, seed=0)  # fresh weights: the same initialisation
    x = np.random.default_rng(0).standard_normal((2, *m.input_shape)).astype(np.float32)
    np.testing.assert_allclose(onnxruntime_outputs(out, x), m.predict(x), atol=1e-4)
    assert window.settings.value("export/onnx_folder") == str(tmp_path)


def test_export_uses_the_windows_trained_weights(window, dialogs, tmp_path):
    net = window.doc.network
    m = Model(net, seed=7)
    window.files.bundle = ModelBundle(network=net.to_dict(), weights=m.weights(),
                                      training={"config": {"loss": "cross_entropy"}})
    out = tmp_path / "trained.onnx"
    dialogs.answers["save"].append(str(out))
    window.export_onnx()
    x = np.random.default_rng(1).standard_normal((3, *m.input_shape)).astype(np.float32)
    np.testing.assert_allclose(onnxruntime_outputs(out, x), m.predict(x), atol=1e-4)


def test_export_error_goes_to_a_message_box(window, dialogs, tmp_path):
    dialogs.answers["save"].append(str(tmp_path / "no" / "such" / "m.onnx"))
    window.export_onnx()
    assert dialogs.warnings and "Cannot" in dialogs.warnings[0]
