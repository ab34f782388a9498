"""The live views when the document changes: a new network's settings and data, and views
emptied of the previous network's run (curves, feature maps, gates, weights, evaluation,
predictions, regions) until the new model is prepared."""
from __future__ import annotations

from dlstudio.engine.trainer import TrainConfig

from ..i18n import tr
from .defaults import data_for, preset_config, preset_for


def input_shape(win):
    a = win.doc.analysis
    return a.shapes.get(a.inputs[0]) if len(a.inputs) == 1 else None


def reset_views(hub) -> None:
    """Another document: a clean panel (no curves, neutral status) and live views that wait for
    the new network's model. Nothing changes while a run is active."""
    if hub.c.active:
        return
    hub.timer.stop()
    hub.c.live.clear()
    hub._last_probe, hub._progress, hub._due = None, None, {}
    hub._eval_due = hub._predict_due = False
    hub.curves.reset()
    hub.panel.reset()
    for view in (hub.maps, hub.gates, hub.weights, hub.evaluation, hub.predict):
        view.reset()
    hub.regions.clear()
    hub.win.engine_label.setText(tr("Engine: idle"))


def apply_document_defaults(hub) -> None:
    """Settings for the current document: a model file's own, else its preset's defaults, and
    data that fit its input."""
    files, setup = hub.win.files, hub.setup
    setup.input_shape = shape = input_shape(hub.win)
    b = files.bundle
    if b is not None and b.training.get("config"):
        setup.set_config(TrainConfig.from_dict(b.training["config"]))
        data = b.training.get("data", {})
        if data.get("source"):
            setup.recorded = (data["source"], data.get("preprocessing"))
            setup.set_data_spec(data["source"], load=hub._data_wanted)
        return
    net = hub.win.doc.network
    preset = preset_for(net)
    if preset is not None:
        setup.set_config(preset_config(preset, setup.config().loss), loss_chosen=False)
    fits = setup.dataset is not None and tuple(setup.dataset.sample_shape) == tuple(shape or ())
    if not fits:
        spec = data_for(net, shape)
        if spec:
            setup.set_data_spec(spec, load=hub._data_wanted)
