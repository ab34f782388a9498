"""Issue 15 item 4: the drawing pad predicts while drawing (throttled, no exception) and shows
grey drawings in white ink on black paper, like the digits, whatever the theme."""
from __future__ import annotations

import time

import numpy as np
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from dlstudio.data import load_dataset  # noqa: E402
from dlstudio.gui.training.draw_pad import THROTTLE_MS, DrawPad  # noqa: E402
from dlstudio.gui.training.predict import PredictView  # noqa: E402


def _light(widget) -> None:
    """A light theme: black text on white fields (the case the pad used to follow)."""
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.Base, QColor("white"))
    pal.setColor(QPalette.ColorRole.Text, QColor("black"))
    widget.setPalette(pal)


def _press_and_drag(qtbot, pad, moves: int, pause_ms: int = 0) -> None:
    w, h = pad.width(), pad.height()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(w // 2, h // 5))
    for k in range(1, moves + 1):
        QTest.mouseMove(pad, QPoint(w // 2 + (k % 3) - 1, h // 5 + k * (3 * h // 5) // moves))
        if pause_ms:
            qtbot.wait(pause_ms)


def test_pad_announces_the_drawing_while_the_mouse_is_down(qtbot):
    pad = DrawPad(8, 8)
    qtbot.addWidget(pad)
    pad.resize(160, 160)
    pad.show()
    qtbot.waitExposed(pad)
    seen: list[float] = []
    pad.sigChanged.connect(lambda: seen.append(time.monotonic()))
    start = time.monotonic()
    _press_and_drag(qtbot, pad, moves=30)          # a quick stroke, the button still down
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=2000)
    assert pad._last is not None, "the stroke has not ended: announced while drawing"
    qtbot.wait(3 * THROTTLE_MS)
    # throttled: 30 moves in a burst make one announcement, not 30
    assert 1 <= len(seen) <= 1 + (time.monotonic() - start) * 1000 / THROTTLE_MS
    assert len(seen) < 5
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(pad.width() // 2, 4 * pad.height() // 5))
    assert pad._last is None and len(seen) >= 2   # the end of the stroke is announced too
    assert pad.pixels.max() > 0.9


def test_predict_view_asks_for_predictions_during_the_stroke(qtbot):
    ds = load_dataset("digits")
    shape = tuple(ds.x.shape[1:])
    info = {"shapes": {"in": shape}, "input_id": "in", "order": ["in"], "types": {"in": "Input"},
            "classes": list(ds.classes)}
    view = PredictView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_run(info, ds)
    asked: list[np.ndarray] = []
    view.sigPredict.connect(lambda x, nodes: asked.append(x))
    pad = view.pad
    asked.clear()
    _press_and_drag(qtbot, pad, moves=12, pause_ms=40)   # ~0.5 s of drawing
    qtbot.waitUntil(lambda: len(asked) >= 2, timeout=2000)
    assert pad._last is not None and view.use_pad.isChecked()
    # the later request carries more ink than the first: the prediction follows the stroke
    assert asked[-1].sum() > asked[0].sum()
    qtbot.wait(2 * THROTTLE_MS)   # the last moves are announced once the throttle lets them
    assert np.allclose(asked[-1], view.current_input()) and pad._last is not None


def test_grey_drawings_are_white_ink_on_black_paper_in_a_light_theme(qtbot):
    pad = DrawPad(8, 8)
    qtbot.addWidget(pad)
    _light(pad)
    pad.resize(160, 160)
    pad.show()
    qtbot.waitExposed(pad)
    blank = pad.rgb()
    assert blank.shape == (8, 8, 3) and np.all(blank == 0)   # black paper
    _press_and_drag(qtbot, pad, moves=6)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton)
    rgb = pad.rgb()
    # what is shown is the data itself: 255 × the pixel value, grey
    expected = (np.clip(pad.pixels[0], 0, 1) * 255 + 0.5).astype(np.uint8)
    assert np.array_equal(rgb[..., 0], expected) and np.array_equal(rgb[..., 1], expected)
    assert rgb.max() == 255
    # on screen: the corner of the drawing is black, the stroke's centre white
    img = pad.grab().toImage()
    r = pad._cell_rect()
    corner = img.pixelColor(int(r.left() + 3), int(r.top() + 3))
    assert corner.lightness() < 20
    y, x = np.unravel_index(np.argmax(pad.pixels[0]), pad.pixels[0].shape)
    cx = int(r.left() + (x + 0.5) * r.width() / 8)
    cy = int(r.top() + (y + 0.5) * r.height() / 8)
    assert img.pixelColor(cx, cy).lightness() > 235
