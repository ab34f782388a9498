"""LeNet-5 from an empty canvas, by hand: palette drops, port drags and inspector edits only.

The result must be the `lenet5` preset, up to ids and canvas positions.
"""
from __future__ import annotations

from gui_input import drop
from PySide6.QtCore import QPoint

from dlstudio.gui.gallery import APP_OUTPUTS, APP_SHAPE
from dlstudio.spec import Network, all_types
from dlstudio.zoo import build_preset

# (type, settings typed into the inspector) in flow order; the chain is wired top to bottom
LENET5 = [
    ("Input", {"shape": "1×28×28"}),
    ("Conv2D", {"filters": 6, "kernel_size": "5", "padding": "same"}),
    ("ReLU", {}),
    ("MaxPool2D", {}),
    ("Conv2D", {"filters": 16, "kernel_size": "5"}),
    ("ReLU", {}),
    ("MaxPool2D", {}),
    ("Flatten", {}),
    ("Dense", {"units": 120}),
    ("ReLU", {}),
    ("Dense", {"units": 84}),
    ("ReLU", {}),
    ("Dense", {"units": 10}),
]


def structure(net: Network) -> tuple[list, list]:
    """Types and checked settings in flow order, and edges as positions in that order."""
    order = net.topological_order()
    index = {nid: k for k, nid in enumerate(order)}
    types = all_types()
    nodes = []
    for nid in order:
        node = net.node(nid)
        nodes.append((node.type, types[node.type].schema.normalize(node.params, nid)))
    return nodes, sorted((index[s], index[d]) for s, d in net.edges)


def type_into(editor, text: str) -> None:
    editor.selectAll()
    editor.insert(text)


def test_build_lenet5_by_hand_equals_the_preset(empty_window):
    win = empty_window
    view, scene, ins = win.view, win.scene, win.inspector
    view.set_zoom(0.35)
    view.centerOn(0, 500)
    ids = []
    for k, (type_name, _) in enumerate(LENET5):
        mime = win.palette_panel.tree.mimeData([win.palette_panel.item_for(type_name)])
        target = view.mapFromScene(0, 80 * k)
        assert drop(view.viewport(), QPoint(target.x(), target.y()), mime), type_name
        ids.append(scene.selected_ids()[0])  # a dropped block is selected
    for src, dst in zip(ids, ids[1:]):
        assert scene.link_ports(src, dst)
    for node_id, (type_name, settings) in zip(ids, LENET5):
        scene.select_ids([node_id])
        assert ins.node_id == node_id
        for name, value in settings.items():
            editor = ins.editors[name]
            if name == "padding":
                editor.mode.setCurrentText(value)
            elif isinstance(value, int):
                editor.setValue(value)
            else:
                type_into(editor, value)
            assert ins.error_of(name) is None
    assert win.doc.analysis.ok, win.doc.analysis.problems

    preset, _ = build_preset("lenet5", APP_SHAPE, APP_OUTPUTS)
    assert structure(win.doc.network) == structure(preset)
    assert win.doc.analysis.total.params == 61_706

    # and every step of it can be undone, back to the empty canvas
    while win.stack.canUndo():
        win.stack.undo()
    assert win.doc.network.nodes == [] and not scene.nodes and not scene.edges
