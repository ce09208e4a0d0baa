"""The photo annotation editor: drawing arrows, circles and texts in original pixels over a
letterboxed photo, clamping, undo and clear, tool keys, what is painted, and the dialog's
tool bar, save and refusal."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QMouseEvent, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspector.core.text import Lang
from inspector.media.annotations import (
    MAX_SHAPES,
    AnnotationLayer,
    Arrow,
    Circle,
    TextLabel,
)
from inspector.media.errors import AnnotationError
from inspector.ui.i18n import Translations
from inspector.ui.widgets.annotation_editor import (
    BACKDROP_COLOUR,
    DIALOG_CANVAS,
    AnnotationCanvas,
    AnnotationDialog,
    Tool,
)
from tests.ui.helpers import LEFT, type_chinese

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ORIGINAL = QSize(1600, 1200)
RED = "#e53935"


def photo() -> QImage:
    """An 800×600 street scene without red in it: sky, a shop front with a sign, a road."""
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a9a7b"))  # the hedges either side of the shop
    painter = QPainter(image)
    sky = QLinearGradient(0, 0, 0, 330)
    sky.setColorAt(0, QColor("#7fb3e0"))
    sky.setColorAt(1, QColor("#e3eef7"))
    painter.fillRect(0, 0, 800, 330, sky)
    painter.fillRect(90, 120, 620, 330, QColor("#d9cfb8"))  # the building
    painter.fillRect(140, 150, 520, 70, QColor("#2e6b4f"))  # its sign
    painter.setPen(QColor("#ffffff"))
    font = QFont(painter.font())
    font.setPixelSize(44)
    painter.setFont(font)
    painter.drawText(QRectF(140, 150, 520, 70), Qt.AlignmentFlag.AlignCenter, "便民超市")
    for x in (150, 330, 510):
        painter.fillRect(x, 250, 140, 160, QColor("#4b5d6b"))  # windows and the door
        painter.fillRect(x + 8, 258, 124, 144, QColor("#9fb7c9"))
    painter.fillRect(0, 450, 800, 150, QColor("#6e6e6a"))  # the road
    painter.end()
    return image


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


def drag(widget: QWidget, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Press at ``start``, move there in a few steps, release at ``end``."""
    press(widget, start)
    for step in (1, 2, 3):
        move_held(widget, (start[0] + (end[0] - start[0]) * step / 3,
                           start[1] + (end[1] - start[1]) * step / 3))
    release(widget, end)


def click(widget: QWidget, point: tuple[float, float]) -> None:
    QTest.mouseClick(widget, LEFT, NO_MODIFIER, QPoint(round(point[0]), round(point[1])))


def original(canvas: AnnotationCanvas, x: float, y: float) -> tuple[int, int]:
    """The original's pixel under widget point (x, y), worked out from where the photo
    shows in the widget (not from the canvas's own mapping)."""
    rect = canvas.photo_rect()
    factor = ORIGINAL.width() / rect.width()
    return round((x - rect.left()) * factor), round((y - rect.top()) * factor)


def is_red(colour: QColor) -> bool:
    return colour.red() > 170 and colour.green() < 110 and colour.blue() < 110


def red_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if is_red(image.pixelColor(x, y)))


@pytest.fixture
def canvas(qtbot: QtBot) -> AnnotationCanvas:
    """The canvas 1000×600: the 4:3 photo shows 800×600, 100 px of backdrop either side."""
    widget = AnnotationCanvas(photo(), ORIGINAL)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    assert QTest.qWaitForWindowExposed(widget)
    return widget


@pytest.fixture
def dialog(qtbot: QtBot) -> AnnotationDialog:
    widget = AnnotationDialog(photo(), ORIGINAL, AnnotationLayer(), "标注照片 · IMG_0001.jpg")
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    assert QTest.qWaitForWindowExposed(widget)
    return widget


def test_the_photo_is_fitted_centred_between_bars(canvas: AnnotationCanvas) -> None:
    assert canvas.photo_rect() == QRectF(100, 0, 800, 600)
    image = canvas.grab().toImage()
    assert image.pixelColor(50, 300).name() == BACKDROP_COLOUR
    assert image.pixelColor(950, 300).name() == BACKDROP_COLOUR
    assert image.pixelColor(500, 50).blue() > 200  # the sky
    assert canvas.layer() == AnnotationLayer() and not canvas.can_undo()
    assert canvas.tool() is Tool.ARROW and canvas.colour() == RED


def test_an_arrow_drag_gives_an_arrow_in_original_pixels(
        canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    with qtbot.waitSignal(canvas.changed, timeout=1000):
        drag(canvas, (200, 150), (500, 400))

    start, end = original(canvas, 200, 150), original(canvas, 500, 400)
    assert (start, end) == ((200, 300), (800, 800))  # twice the image's pixels, less the bar
    # 4 px on screen at half size: 8 px of the original.
    assert canvas.layer().shapes == (Arrow(start, end, RED, 8),)
    assert canvas.can_undo() and canvas.hasFocus()


def test_the_drag_shows_the_arrow_before_it_is_kept(
        canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(canvas.changed):
        press(canvas, (200, 300))
        move_held(canvas, (700, 300))
        image = canvas.grab().toImage()
    assert all(is_red(image.pixelColor(x, 300)) for x in (220, 400, 600, 690))
    assert canvas.layer().shapes == ()
    release(canvas, (700, 300))
    assert len(canvas.layer().shapes) == 1


def test_escape_drops_the_drag_in_progress(canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    press(canvas, (200, 300))
    move_held(canvas, (700, 300))
    with qtbot.assertNotEmitted(canvas.changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Escape)
        release(canvas, (700, 300))
    assert canvas.layer().shapes == () and red_pixels(canvas) == 0


def test_a_circle_drag_gives_its_centre_and_radius(
        canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    canvas.set_tool(Tool.CIRCLE)
    with qtbot.waitSignal(canvas.changed, timeout=1000):
        drag(canvas, (500, 300), (560, 380))

    centre, edge = original(canvas, 500, 300), original(canvas, 560, 380)
    assert centre == (800, 600)
    (circle,) = canvas.layer().shapes
    assert circle == Circle(centre, round(math.dist(centre, edge)), RED, 8)
    assert circle.radius == 200
    image = canvas.grab().toImage()
    assert is_red(image.pixelColor(500, 200)) and is_red(image.pixelColor(599, 300))
    assert not is_red(image.pixelColor(500, 300))  # a ring, not a disc


@pytest.mark.parametrize("tool", [Tool.ARROW, Tool.CIRCLE])
def test_a_click_without_a_drag_makes_nothing(
        canvas: AnnotationCanvas, qtbot: QtBot, tool: Tool) -> None:
    canvas.set_tool(tool)
    with qtbot.assertNotEmitted(canvas.changed):
        click(canvas, (400, 300))
        drag(canvas, (400, 300), (400.4, 300.3))  # less than a pixel of the original
    assert canvas.layer().shapes == ()


def test_the_text_tool_types_a_label_where_it_was_clicked(
        canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    qtbot.keyClick(canvas, Qt.Key.Key_T)
    click(canvas, (300, 200))
    entry = canvas.text_entry
    assert entry.isVisible() and entry.hasFocus() and canvas.text_pending()
    assert canvas.layer().shapes == ()

    type_chinese(entry, "灭火器已过期")
    qtbot.keyClicks(entry, " 2024")
    with qtbot.waitSignal(canvas.changed, timeout=1000):
        qtbot.keyClick(entry, Qt.Key.Key_Return)

    # 1/25 of the short edge (1200 px) high.
    assert canvas.layer().shapes == (
        TextLabel(original(canvas, 300, 200), "灭火器已过期 2024", RED, 48),)
    assert not entry.isVisible() and not canvas.text_pending()
    assert canvas.hasFocus()
    image = canvas.grab().toImage()
    assert sum(is_red(image.pixelColor(x, y)) for x in range(300, 420)
               for y in range(200, 226)) > 50


def test_escape_or_an_empty_text_adds_nothing(canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    canvas.set_tool(Tool.TEXT)
    with qtbot.assertNotEmitted(canvas.changed):
        click(canvas, (300, 200))
        qtbot.keyClicks(canvas.text_entry, "draft")
        qtbot.keyClick(canvas.text_entry, Qt.Key.Key_Escape)
        click(canvas, (300, 200))
        qtbot.keyClicks(canvas.text_entry, "   ")
        qtbot.keyClick(canvas.text_entry, Qt.Key.Key_Return)
    assert canvas.layer().shapes == () and not canvas.text_entry.isVisible()


def test_a_text_being_typed_is_kept_by_the_next_click_or_a_tool_switch(
        canvas: AnnotationCanvas) -> None:
    canvas.set_tool(Tool.TEXT)
    click(canvas, (300, 200))
    type_chinese(canvas.text_entry, "一")
    click(canvas, (300, 400))  # keeps 一, opens a second text
    type_chinese(canvas.text_entry, "二")
    canvas.set_tool(Tool.ARROW)
    assert [(s.text, s.at) for s in canvas.layer().shapes if isinstance(s, TextLabel)] == [
        ("一", original(canvas, 300, 200)), ("二", original(canvas, 300, 400))]
    assert not canvas.text_pending()


def test_undo_takes_back_the_last_shape_then_the_one_before(
        canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    drag(canvas, (200, 150), (500, 400))
    first = canvas.layer().shapes
    canvas.set_tool(Tool.CIRCLE)
    drag(canvas, (500, 300), (560, 380))
    assert len(canvas.layer().shapes) == 2

    with qtbot.waitSignal(canvas.changed, timeout=1000):
        canvas.undo()
    assert canvas.layer().shapes == first

    with qtbot.waitSignal(canvas.changed, timeout=1000):
        qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert canvas.layer().shapes == () and red_pixels(canvas) == 0

    with qtbot.assertNotEmitted(canvas.changed):
        canvas.undo()
        qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)


def test_clear_removes_everything_and_is_undone_in_one_step(
        canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    drag(canvas, (200, 150), (500, 400))
    drag(canvas, (200, 450), (500, 500))
    shapes = canvas.layer().shapes
    with qtbot.waitSignal(canvas.changed, timeout=1000):
        canvas.clear()
    assert canvas.layer().shapes == ()
    with qtbot.assertNotEmitted(canvas.changed):
        canvas.clear()
    canvas.undo()
    assert canvas.layer().shapes == shapes


def test_keys_switch_the_tool(canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    canvas.setFocus()
    for key, tool in ((Qt.Key.Key_C, Tool.CIRCLE), (Qt.Key.Key_T, Tool.TEXT),
                      (Qt.Key.Key_A, Tool.ARROW)):
        with qtbot.waitSignal(canvas.tool_changed, timeout=1000) as signal:
            qtbot.keyClick(canvas, key)
        assert canvas.tool() is tool and signal.args == [tool]
    assert canvas.cursor().shape() == Qt.CursorShape.CrossCursor
    with qtbot.assertNotEmitted(canvas.tool_changed):
        qtbot.keyClick(canvas, Qt.Key.Key_C, CTRL)  # a command, not the circle tool
        qtbot.keyClick(canvas, Qt.Key.Key_A)  # already the arrow
    qtbot.keyClick(canvas, Qt.Key.Key_T)
    assert canvas.cursor().shape() == Qt.CursorShape.IBeamCursor


def test_typing_a_tool_key_in_a_text_writes_it(canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    canvas.set_tool(Tool.TEXT)
    click(canvas, (300, 200))
    qtbot.keyClicks(canvas.text_entry, "act")
    assert canvas.tool() is Tool.TEXT and canvas.text_entry.text() == "act"


def test_points_outside_the_photo_are_kept_on_its_edge(canvas: AnnotationCanvas) -> None:
    drag(canvas, (50, -20), (1200, 700))  # from the left bar to past the bottom-right corner
    assert canvas.layer().shapes == (Arrow((0, 0), (1599, 1199), RED, 8),)

    canvas.set_tool(Tool.CIRCLE)
    drag(canvas, (890, 300), (990, 300))  # the radius reaches the edge, no further
    centre = original(canvas, 890, 300)
    assert centre == (1580, 600)
    assert canvas.layer().shapes[-1] == Circle(centre, 1599 - 1580, RED, 8)

    canvas.set_tool(Tool.TEXT)
    click(canvas, (980, 590))
    type_chinese(canvas.text_entry, "角落")
    canvas.commit_text()
    assert canvas.layer().shapes[-1] == TextLabel((1599, 1180), "角落", RED, 48)
    canvas.layer().check_fits(1600, 1200)


def test_the_line_width_looks_the_same_at_any_zoom(canvas: AnnotationCanvas) -> None:
    assert canvas.line_width() == 8
    canvas.resize(500, 300)  # the photo at a quarter of its size
    assert canvas.line_width() == 16
    drag(canvas, (100, 100), (200, 200))
    drawn = canvas.layer().shapes[-1]
    assert isinstance(drawn, Arrow) and drawn.width == 16
    assert canvas.text_size() == 48  # the text's size follows the photo, not the zoom


def test_new_shapes_take_the_chosen_colour(canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    with qtbot.waitSignal(canvas.colour_changed, timeout=1000) as signal:
        canvas.set_colour("#1E88E5")
    assert signal.args == ["#1e88e5"]
    drag(canvas, (200, 150), (500, 400))
    assert canvas.layer().shapes[0].color == "#1e88e5"
    with pytest.raises(ValueError, match="colour"):
        canvas.set_colour("#12345")


def test_the_layer_round_trips_through_json(canvas: AnnotationCanvas) -> None:
    drag(canvas, (200, 150), (500, 400))
    canvas.set_colour("#fdd835")
    canvas.set_tool(Tool.CIRCLE)
    drag(canvas, (500, 300), (560, 380))
    canvas.set_tool(Tool.TEXT)
    click(canvas, (300, 200))
    type_chinese(canvas.text_entry, "消防通道堵塞")
    canvas.commit_text()

    layer = canvas.layer()
    assert [type(s) for s in layer.shapes] == [Arrow, Circle, TextLabel]
    assert AnnotationLayer.from_json(layer.to_json()) == layer


def test_set_layer_shows_an_existing_layer(canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    drag(canvas, (200, 450), (500, 500))  # replaced, and not undoable any more
    layer = AnnotationLayer((Arrow((400, 600), (1200, 600), RED, 12),))
    with qtbot.waitSignal(canvas.changed, timeout=1000):
        canvas.set_layer(layer)

    assert canvas.layer() == layer and not canvas.can_undo()
    image = canvas.grab().toImage()
    # The arrow runs from widget (300, 300) to (700, 300), 6 px thick.
    assert all(is_red(image.pixelColor(x, 300)) for x in (305, 400, 550, 690))
    assert not is_red(image.pixelColor(400, 310)) and not is_red(image.pixelColor(250, 300))
    with qtbot.assertNotEmitted(canvas.changed):
        canvas.set_layer(layer)


def test_set_layer_refuses_a_layer_outside_the_photo(canvas: AnnotationCanvas) -> None:
    with pytest.raises(AnnotationError):
        canvas.set_layer(AnnotationLayer((Circle((1600, 10), 5),)))
    assert canvas.layer() == AnnotationLayer()


def test_a_full_layer_refuses_one_more_shape(canvas: AnnotationCanvas, qtbot: QtBot) -> None:
    full = AnnotationLayer(tuple(Circle((10 + i, 10), 5) for i in range(MAX_SHAPES)))
    canvas.set_layer(full)
    with qtbot.waitSignal(canvas.refused, timeout=1000) as signal, \
            qtbot.assertNotEmitted(canvas.changed):
        drag(canvas, (200, 150), (500, 400))
    assert str(MAX_SHAPES) in signal.args[0]
    assert canvas.layer() == full


def test_the_dialog_has_its_tools_colours_and_hint(dialog: AnnotationDialog) -> None:
    assert dialog.windowTitle() == "标注照片 · IMG_0001.jpg"
    assert dialog.canvas.minimumSize() == DIALOG_CANVAS
    assert dialog.isSizeGripEnabled()
    assert [b.text() for b in dialog.tool_buttons.values()] == ["Arrow", "Circle", "Text"]
    assert dialog.tool_group.exclusive() and dialog.colour_group.exclusive()
    assert dialog.tool_buttons[Tool.ARROW].isChecked()
    assert dialog.colour_buttons[RED].isChecked() and len(dialog.colour_buttons) == 4
    assert "never changed" in dialog.hint_label.text()
    assert dialog.ok_button.text() == "Save annotations"
    assert not dialog.undo_button.isEnabled() and not dialog.clear_button.isEnabled()
    assert dialog.canvas.hasFocus()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The app's catalogues, in Chinese; English again afterwards."""
    installed = Translations(qapp)
    assert installed.apply(Lang.ZH)
    yield installed
    installed.apply(Lang.EN)


def test_the_dialog_speaks_chinese_and_follows_a_language_switch(
        translations: Translations, qtbot: QtBot) -> None:
    dialog = AnnotationDialog(photo(), ORIGINAL, AnnotationLayer(), "标注照片")
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.tool_buttons.values()] == ["箭头", "圆圈", "文字"]
    assert dialog.ok_button.text() == "保存标注"
    assert dialog.hint_label.text().startswith("照片原件不会被修改")

    translations.apply(Lang.EN)
    QApplication.processEvents()
    assert [b.text() for b in dialog.tool_buttons.values()] == ["Arrow", "Circle", "Text"]
    assert dialog.canvas.text_entry.placeholderText() == "Type the text, then Enter"


def test_the_tool_bar_and_the_keys_agree(dialog: AnnotationDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.tool_buttons[Tool.CIRCLE], LEFT)
    assert dialog.canvas.tool() is Tool.CIRCLE and dialog.canvas.hasFocus()
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_T)
    assert dialog.tool_buttons[Tool.TEXT].isChecked()
    assert not dialog.tool_buttons[Tool.CIRCLE].isChecked()

    qtbot.mouseClick(dialog.colour_buttons["#fdd835"], LEFT)
    assert dialog.canvas.colour() == "#fdd835" and not dialog.colour_buttons[RED].isChecked()
    dialog.canvas.set_colour("#1E88E5")
    assert [c for c, b in dialog.colour_buttons.items() if b.isChecked()] == ["#1e88e5"]
    dialog.canvas.set_colour("#00ff00")  # not a swatch: none is checked
    assert not any(b.isChecked() for b in dialog.colour_buttons.values())
    qtbot.mouseClick(dialog.colour_buttons[RED], LEFT)
    assert dialog.canvas.colour() == RED
    assert [c for c, b in dialog.colour_buttons.items() if b.isChecked()] == [RED]


def test_the_undo_and_clear_buttons(dialog: AnnotationDialog, qtbot: QtBot) -> None:
    canvas = dialog.canvas
    rect = canvas.photo_rect()
    drag(canvas, (rect.left() + 50, rect.top() + 50), (rect.left() + 300, rect.top() + 200))
    drag(canvas, (rect.left() + 50, rect.top() + 300), (rect.left() + 300, rect.top() + 300))
    assert dialog.undo_button.isEnabled() and dialog.clear_button.isEnabled()
    qtbot.mouseClick(dialog.undo_button, LEFT)
    assert len(canvas.layer().shapes) == 1 and canvas.hasFocus()
    qtbot.mouseClick(dialog.clear_button, LEFT)
    assert canvas.layer().shapes == () and not dialog.clear_button.isEnabled()
    assert dialog.undo_button.isEnabled()  # the clear can be undone


def test_enter_and_escape_in_a_text_stay_in_the_dialog(
        dialog: AnnotationDialog, qtbot: QtBot) -> None:
    canvas = dialog.canvas
    canvas.set_tool(Tool.TEXT)
    click(canvas, (canvas.width() / 2, canvas.height() / 2))
    with qtbot.assertNotEmitted(dialog.save_requested):
        type_chinese(canvas.text_entry, "无证经营")
        qtbot.keyClick(canvas.text_entry, Qt.Key.Key_Return)
        click(canvas, (canvas.width() / 2, canvas.height() / 3))
        qtbot.keyClick(canvas.text_entry, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(canvas.layer().shapes) == 1


def test_save_emits_the_layer_and_finish_closes(dialog: AnnotationDialog, qtbot: QtBot) -> None:
    canvas = dialog.canvas
    existing = AnnotationLayer((Circle((800, 600), 100),))
    canvas.set_layer(existing)
    canvas.set_tool(Tool.TEXT)
    click(canvas, (canvas.width() / 2, canvas.height() / 4))
    type_chinese(canvas.text_entry, "待整改")

    with qtbot.waitSignal(dialog.save_requested, timeout=1000) as signal:
        qtbot.mouseClick(dialog.ok_button, LEFT)
    (layer,) = signal.args
    assert isinstance(layer, AnnotationLayer)
    assert layer.shapes[0] == existing.shapes[0]
    assert isinstance(layer.shapes[1], TextLabel) and layer.shapes[1].text == "待整改"
    assert not dialog.ok_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.save_requested):
        qtbot.keyClick(canvas, Qt.Key.Key_Return, CTRL)  # waiting for the screen

    dialog.finish()
    assert not dialog.isVisible() and dialog.result() == AnnotationDialog.DialogCode.Accepted


def test_ctrl_enter_saves_and_refuse_keeps_the_dialog_open(
        dialog: AnnotationDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dialog.save_requested, timeout=1000) as signal:
        qtbot.keyClick(dialog.canvas, Qt.Key.Key_Return, CTRL)
    assert signal.args == [AnnotationLayer()]

    dialog.refuse("照片已上传，标注不能再修改")
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "照片已上传，标注不能再修改"
    assert dialog.error_label.isVisible()
    assert "#b3261e" in dialog.error_label.styleSheet()
    rect = dialog.canvas.photo_rect()
    drag(dialog.canvas, (rect.left() + 50, rect.top() + 50), (rect.left() + 90, rect.top() + 90))
    assert dialog.error_label.text() == ""  # an edit clears the refusal
    assert not dialog.error_label.isVisible()


def test_an_annotated_photo_looks_annotated(dialog: AnnotationDialog) -> None:
    canvas = dialog.canvas
    rect = canvas.photo_rect()

    def at(x: float, y: float) -> tuple[float, float]:  # a point of the 800×600 image
        return rect.left() + x * rect.width() / 800, rect.top() + y * rect.height() / 600

    drag(canvas, at(640, 520), at(440, 330))  # an arrow to the door
    canvas.set_colour("#fdd835")
    canvas.set_tool(Tool.CIRCLE)
    drag(canvas, at(220, 330), at(290, 330))  # a ring round the left window
    canvas.set_colour(RED)
    canvas.set_tool(Tool.TEXT)
    click(canvas, at(40, 490))
    type_chinese(canvas.text_entry, "安全出口被堵塞")
    canvas.commit_text()

    dialog.grab().save("/tmp/annotation_dialog.png")
    assert [type(s) for s in canvas.layer().shapes] == [Arrow, Circle, TextLabel]
    assert red_pixels(canvas) > 200
