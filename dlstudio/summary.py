"""The per-layer summary table (output shape, parameters, MACs, FLOPs), shared by CLI and app."""
from __future__ import annotations

from .i18n import tr
from .spec import Network, Problem, analyze


def summary_rows(net: Network) -> tuple[list[dict], dict, list[Problem]]:
    a = analyze(net)
    total = a.total
    rows = []
    types = {n.id: n.type for n in net.nodes}
    for nid in (a.order or [n.id for n in net.nodes]):
        c = a.costs.get(nid)
        rows.append({"id": nid, "type": types[nid],
                     "shape": list(a.shapes[nid]) if nid in a.shapes else None,
                     "params": c.params if c else 0, "trainable": c.trainable if c else 0,
                     "macs": c.macs if c else 0, "flops": c.flops if c else 0,
                     "share": (c.flops / total.flops) if c and total.flops else 0.0})
    tot = {"params": total.params, "trainable": total.trainable, "non_trainable": total.non_trainable,
           "macs": total.macs, "flops": total.flops}
    return rows, tot, a.problems


def network_for_summary(spec: str, data: str | None) -> Network:
    """SPEC as a network: a preset shaped for DATA (or its default data), a .json or a .dls."""
    from .run import UserError, is_model_file, is_onnx_file, load_data, open_model, outputs_for, read_network, _network_from
    from .zoo import PRESETS, build_preset
    if is_model_file(spec) or is_onnx_file(spec):
        return _network_from(open_model(spec).network, spec)
    if spec in PRESETS:
        p = PRESETS[spec]
        if data is None and p.default_data is None:
            return p.build(p.default_shape, p.default_outputs)
        ds = load_data(data or p.default_data)
        return build_preset(spec, ds.sample_shape, outputs_for(ds))[0]
    if spec.endswith(".json"):
        return read_network(spec)
    raise UserError(tr("unknown network {spec!r}: give a preset ({presets}), a network .json or a "
                       "model .dls").format(spec=spec, presets=', '.join(sorted(PRESETS))))
