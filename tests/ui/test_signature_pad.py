"""The signature pad: drawing with mouse and touch, emptiness, undo and clear (buttons and
keys), the ``changed`` signal, what is painted, and the PNG of the ink."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspector.ui.widgets.signature_pad import (
    MIN_HEIGHT,
    MIN_WIDTH,
    SignatureField,
    SignaturePad,
)
from tests.ui.helpers import LEFT

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
Points = Sequence[tuple[float, float]]
LINE: Points = [(60 + 10 * i, 60) for i in range(26)]  # 250 px along y = 60
SHORT: Points = [(300, 120), (308, 124)]  # 9 px: a scratch, not a signature


def signature_curve() -> list[Points]:
    """Something like a hand-written name: a looping cursive stroke, a flourish under
    it and a dot."""
    cursive = [(40 + 330 * t + 22 * math.sin(14 * math.pi * t),
                95 - 38 * math.sin(7 * math.pi * t) * (1 - 0.5 * t)
                + 14 * math.cos(14 * math.pi * t))
               for t in (i / 240 for i in range(241))]
    flourish = [(70 + 320 * t, 138 - 12 * math.sin(math.pi * t) + 4 * t)
                for t in (i / 60 for i in range(61))]
    return [cursive, flourish, [(392, 62)]]


def press(widget: QWidget, point: tuple[float, float]) -> None:
    QTest.mousePress(widget, LEFT, NO_MODIFIER, QPoint(round(point[0]), round(point[1])))


def move_held(widget: QWidget, point: tuple[float, float]) -> None:
    """A move with the left button held (``QTest.mouseMove`` sends no buttons)."""
    local = QPointF(*point)
    event = QMouseEvent(QEvent.Type.MouseMove, local, QPointF(widget.mapToGlobal(local)),
                        Qt.MouseButton.NoButton, LEFT, NO_MODIFIER)
    QApplication.sendEvent(widget, event)


def release(widget: QWidget, point: tuple[float, float]) -> None:
    QTest.mouseRelease(widget, LEFT, NO_MODIFIER, QPoint(round(point[0]), round(point[1])))


def draw(widget: QWidget, points: Points) -> None:
    """Press at the first point, drag through the rest, release at the last."""
    press(widget, points[0])
    for point in points[1:]:
        move_held(widget, point)
    release(widget, points[-1])


def decode(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.convert("L")


def dark_share(image: Image.Image) -> tuple[int, float]:
    """How many pixels are dark, and the share of the image that is near white."""
    values = image.tobytes()
    return sum(v < 100 for v in values), sum(v > 240 for v in values) / len(values)


def is_dark(image: QImage, x: int, y: int) -> bool:
    return image.pixelColor(x, y).lightness() < 100


@pytest.fixture
def pad(qtbot: QtBot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 200)
    widget.show()
    assert QTest.qWaitForWindowExposed(widget)
    return widget


@pytest.fixture
def field(qtbot: QtBot) -> SignatureField:
    widget = SignatureField("检查人：张三")
    qtbot.addWidget(widget)
    widget.resize(600, 240)
    widget.show()
    assert QTest.qWaitForWindowExposed(widget)
    return widget


def test_a_new_pad_is_empty_white_and_at_least_its_minimum_size(pad: SignaturePad) -> None:
    assert pad.strokes() == () and pad.is_empty()
    assert (pad.minimumWidth(), pad.minimumHeight()) == (MIN_WIDTH, MIN_HEIGHT)
    assert pad.focusPolicy() == Qt.FocusPolicy.StrongFocus
    image = pad.grab().toImage()
    assert image.pixelColor(300, 20).name() == "#ffffff"
    with pytest.raises(ValueError, match="empty"):
        pad.to_png()


def test_a_drag_makes_one_stroke_and_a_signature(pad: SignaturePad, qtbot: QtBot) -> None:
    with qtbot.waitSignal(pad.changed, timeout=1000):
        draw(pad, LINE)

    strokes = pad.strokes()
    assert len(strokes) == 1
    assert strokes[0][0] == (60.0, 60.0) and strokes[0][-1] == (310.0, 60.0)
    assert len(strokes[0]) == len(LINE)
    assert not pad.is_empty()
    assert pad.ink_length() == pytest.approx(250)
    assert pad.hasFocus()


def test_the_strokes_are_a_frozen_copy(pad: SignaturePad) -> None:
    draw(pad, LINE)
    strokes = pad.strokes()
    assert isinstance(strokes, tuple) and all(isinstance(s, tuple) for s in strokes)
    draw(pad, SHORT)
    assert len(strokes) == 1 and len(pad.strokes()) == 2


def test_a_stray_tap_or_scratch_is_not_a_signature(pad: SignaturePad, qtbot: QtBot) -> None:
    with qtbot.waitSignal(pad.changed, timeout=1000):
        QTest.mouseClick(pad, LEFT, NO_MODIFIER, QPoint(200, 100))
    assert pad.strokes() == (((200.0, 100.0),),)  # kept as a dot, and undoable
    assert pad.is_empty()
    with pytest.raises(ValueError, match="empty"):
        pad.to_png()

    draw(pad, SHORT)
    assert len(pad.strokes()) == 2 and pad.is_empty()

    draw(pad, LINE)
    assert not pad.is_empty()


def test_a_dot_is_painted(pad: SignaturePad) -> None:
    QTest.mouseClick(pad, LEFT, NO_MODIFIER, QPoint(200, 40))
    assert is_dark(pad.grab().toImage(), 200, 40)


def test_the_ink_is_painted_where_it_was_drawn(pad: SignaturePad) -> None:
    draw(pad, LINE)
    image = pad.grab().toImage()
    assert all(is_dark(image, x, 60) for x in (60, 100, 185, 250, 310))
    assert not is_dark(image, 185, 66) and not is_dark(image, 185, 54)  # a thin pen
    assert not is_dark(image, 40, 60) and not is_dark(image, 330, 60)  # and only there


def test_the_placeholder_shows_only_while_there_is_no_ink(pad: SignaturePad) -> None:
    def grey_above_baseline() -> int:
        image = pad.grab().toImage()
        return sum(1 for x in range(200, 400) for y in range(90, 144)
                   if image.pixelColor(x, y).name() != "#ffffff")

    assert grey_above_baseline() > 20
    QTest.mouseClick(pad, LEFT, NO_MODIFIER, QPoint(20, 20))  # a dot, far from the text
    assert grey_above_baseline() == 0
    pad.clear()
    assert grey_above_baseline() > 20
    press(pad, (20, 20))  # and goes as soon as a stroke begins
    assert grey_above_baseline() == 0
    release(pad, (20, 20))


def test_undo_removes_the_last_stroke(pad: SignaturePad, qtbot: QtBot) -> None:
    draw(pad, LINE)
    draw(pad, SHORT)
    first = pad.strokes()[:1]

    with qtbot.waitSignal(pad.changed, timeout=1000):
        pad.undo_stroke()
    assert pad.strokes() == first

    with qtbot.waitSignal(pad.changed, timeout=1000):
        qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.strokes() == ()
    assert not is_dark(pad.grab().toImage(), 185, 60)

    with qtbot.assertNotEmitted(pad.changed):
        pad.undo_stroke()
        qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_and_backspace_clear_the_pad(
        pad: SignaturePad, qtbot: QtBot, key: Qt.Key) -> None:
    draw(pad, LINE)
    draw(pad, SHORT)
    with qtbot.waitSignal(pad.changed, timeout=1000):
        qtbot.keyClick(pad, key)
    assert pad.strokes() == () and pad.is_empty()
    with qtbot.assertNotEmitted(pad.changed):
        pad.clear()


def test_a_move_without_the_button_held_draws_nothing(pad: SignaturePad) -> None:
    QTest.mouseMove(pad, QPoint(100, 100))
    QTest.mouseMove(pad, QPoint(200, 120))
    assert pad.strokes() == ()


def test_points_outside_the_pad_are_kept_on_its_edge(pad: SignaturePad) -> None:
    press(pad, (500, 100))
    move_held(pad, (700, 100))
    move_held(pad, (700, -50))
    release(pad, (700, -50))
    assert pad.strokes() == (((500.0, 100.0), (600.0, 100.0), (600.0, 0.0)),)


def test_a_touch_draws_with_its_first_finger(pad: SignaturePad, qtbot: QtBot) -> None:
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(pad.changed, timeout=1000):
        QTest.touchEvent(pad, device).press(0, QPoint(100, 80)).commit()
        QTest.touchEvent(pad, device).move(0, QPoint(160, 90)).commit()
        QTest.touchEvent(pad, device).move(0, QPoint(220, 80)).press(1, QPoint(400, 40)).commit()
        QTest.touchEvent(pad, device).move(0, QPoint(280, 95)).move(1, QPoint(450, 40)).commit()
        QTest.touchEvent(pad, device).release(0, QPoint(280, 95)).release(
            1, QPoint(450, 40)).commit()

    (stroke,) = pad.strokes()  # the second finger drew nothing
    # QTest's touch points land within a pixel or two of where they are sent.
    expected = [(100, 80), (160, 90), (220, 80), (280, 95)]
    assert len(stroke) == len(expected)
    assert all(math.dist(got, sent) < 4 for got, sent in zip(stroke, expected, strict=True))
    assert not pad.is_empty()


def test_resizing_keeps_the_strokes_and_the_png(pad: SignaturePad) -> None:
    draw(pad, LINE)
    before, png = pad.strokes(), pad.to_png()
    pad.resize(900, 300)
    QApplication.processEvents()
    assert pad.strokes() == before
    assert is_dark(pad.grab().toImage(), 185, 60)
    assert pad.to_png() == png


@pytest.mark.parametrize("height", [200, 80])
def test_the_png_is_the_ink_black_on_white_at_the_height_asked(
        pad: SignaturePad, height: int) -> None:
    for stroke in signature_curve():
        draw(pad, stroke)

    image = decode(pad.to_png(height=height))

    assert image.height == height
    xs = [x for stroke in pad.strokes() for x, _ in stroke]
    ys = [y for stroke in pad.strokes() for _, y in stroke]
    ink_aspect = (max(xs) - min(xs)) / (max(ys) - min(ys))
    assert ink_aspect * 0.7 < image.width / image.height < ink_aspect  # a margin around
    dark, white = dark_share(image)
    assert dark > 5 * height
    assert white > 0.6
    # Cropped to the ink: dark pixels reach near every edge, none of the pad's guides.
    columns = [i % image.width for i, value in enumerate(image.tobytes()) if value < 100]
    assert min(columns) < 0.1 * image.width and max(columns) > 0.9 * image.width


def test_the_png_of_a_flat_line_is_not_a_bar(pad: SignaturePad) -> None:
    draw(pad, LINE)
    image = decode(pad.to_png(height=100))
    assert image.height == 100
    dark, white = dark_share(image)
    assert dark > 0 and white > 0.8  # framed at least 40 px tall: a line, not a bar


def test_the_png_does_not_need_the_pad_shown(pad: SignaturePad) -> None:
    draw(pad, LINE)
    png = pad.to_png()
    pad.hide()
    assert pad.to_png() == png
    with pytest.raises(ValueError):
        pad.to_png(height=0)


def test_the_field_has_a_caption_and_buttons_that_follow_the_pad(
        field: SignatureField, qtbot: QtBot) -> None:
    assert field.caption.text() == "检查人：张三"
    field.set_caption("被检查单位负责人：李四")
    assert field.caption.text() == "被检查单位负责人：李四"
    assert not field.undo_button.isEnabled() and not field.clear_button.isEnabled()

    with qtbot.waitSignal(field.changed, timeout=1000):
        draw(field.pad, LINE)
    assert field.undo_button.isEnabled() and field.clear_button.isEnabled()
    draw(field.pad, SHORT)

    with qtbot.waitSignal(field.changed, timeout=1000):
        qtbot.mouseClick(field.undo_button, LEFT)
    assert len(field.pad.strokes()) == 1

    with qtbot.waitSignal(field.changed, timeout=1000):
        qtbot.mouseClick(field.clear_button, LEFT)
    assert field.pad.strokes() == ()
    assert not field.undo_button.isEnabled() and not field.clear_button.isEnabled()


def test_a_signed_field_looks_signed(field: SignatureField) -> None:
    for stroke in signature_curve():
        draw(field.pad, stroke)
    pixmap = field.grab()
    pixmap.save("/tmp/signature_pad.png")

    pad_image = field.pad.grab().toImage()
    dark = sum(1 for x in range(0, pad_image.width(), 2) for y in range(0, pad_image.height(), 2)
               if is_dark(pad_image, x, y))
    assert dark > 200
    assert is_dark(pad_image, 392, 62)  # the dot
