"""The photo annotation editor: arrows, circles and text drawn over a photo as a layer.

Contract: main thread. :class:`AnnotationCanvas` shows ``image`` (a display-sized,
upright copy of the photo) fitted into the widget (aspect kept, centred, the rest a dark
backdrop) and edits an :class:`~inspector.media.annotations.AnnotationLayer` over it. The
shapes are held in pixels of the *original* (``original_size``: upright, full
resolution), so a widget point maps to ``(point - photo_rect.topLeft) / scale``, rounded
and clamped into the photo (``0 .. width-1``, ``0 .. height-1``), where ``scale`` is
:meth:`~AnnotationCanvas.photo_rect`'s width over the original's. The photo itself is
never changed: the layer is the only output.

Tools (:class:`Tool`; keys A / C / T while the canvas has the focus):

* ARROW: press = the tail, release = the head; the drag shows the arrow as it will be.
* CIRCLE: press = the centre, the drag sets the radius (to the clamped pointer).
  Escape drops a drag in progress; a tool switch does too.
* TEXT: a click opens an inline line edit there (no modal dialog); Enter keeps the text
  as a :class:`TextLabel` whose top-left corner is the click, Escape drops it. A text
  being typed is also kept by a press elsewhere on the canvas, a tool switch, or
  :meth:`~AnnotationCanvas.commit_text` (the dialog calls it before saving). Enter and
  Escape are consumed by the line edit, so they never press the dialog's default
  button nor close it. Control characters become spaces; the text is trimmed, and an
  empty text is dropped.

A new shape takes the current colour (red ``#e53935`` at first), a line width that
looks :data:`SCREEN_PEN` px thick at the current zoom (stored in original pixels), and
a text size of 1/:data:`TEXT_SHARE` of the original's short edge. A zero-length arrow
or a zero-radius circle is ignored; past :data:`~inspector.media.annotations.MAX_SHAPES`
shapes, ``refused(text)`` says so and nothing is added. :meth:`~AnnotationCanvas.undo`
(Ctrl+Z) takes back the last change (an added shape, or a whole clear);
:meth:`~AnnotationCanvas.set_layer` starts afresh from a layer (its undo history
emptied; AnnotationError if it does not fit the photo). ``changed`` is emitted whenever
the shapes change, never for a drag in progress; ``tool_changed(Tool)`` and
``colour_changed(str)`` follow the keys and setters. Shapes are painted as
:func:`~inspector.media.annotations.render_annotated` draws them (same arrow head, ring
inside its radius, outlined text), clipped to the photo.

:class:`AnnotationDialog` is the canvas with a tool bar (tools, colour swatches, Undo,
Clear; none of them takes the focus from the canvas, so its keys keep working), a hint
that the original is kept, an error label (hidden while empty) and Save / Cancel. Opened
non-modally (``open``); Save (the default button; Ctrl+Enter anywhere) emits
``save_requested(AnnotationLayer)`` and waits: the screen then calls
:meth:`~AnnotationDialog.finish` (saved: the dialog closes, accepted) or
:meth:`~AnnotationDialog.refuse` (the reason in red; the dialog stays open).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.media.annotations import (
    MAX_SHAPES,
    MAX_TEXT,
    AnnotationLayer,
    Arrow,
    Circle,
    Point,
    Shape,
    TextLabel,
)
from inspector.ui.widgets.request_dialog import RequestDialog

MIN_WIDTH, MIN_HEIGHT = 320, 240  # the canvas alone
# The dialog's canvas: at least this big, and the whole dialog still fits a 1366×768
# laptop screen (the tool bar, hint and buttons take ~140 px more).
DIALOG_CANVAS = QSize(900, 560)
SCREEN_PEN = 4.0  # px on screen: the look of a new shape's line
TEXT_SHARE = 25  # a new text is 1/25 of the original's short edge high
MIN_ENTRY_FONT = 14  # px: the inline text editor stays legible on a small zoom
ENTRY_WIDTH = 320  # px
DEFAULT_COLOUR = "#e53935"
COLOURS = ("#e53935", "#fdd835", "#ffffff", "#1e88e5")  # red, yellow, white, blue
BACKDROP_COLOUR = "#263238"
ICON_COLOUR = "#37474f"
ICON_SIZE = 24  # px: the icons of the tool bar (a touch target of ~30 px)
HINT_STYLE = "color: #5f6b76;"
_ENTRY_STYLE = ("QLineEdit {{ background: rgba(0, 0, 0, 150); color: {colour}; "
                "border: 1px solid {colour}; border-radius: 3px; padding: 1px 4px; }}")


class Tool(Enum):
    ARROW = "arrow"
    CIRCLE = "circle"
    TEXT = "text"


TOOLS = tuple(Tool)
TOOL_KEYS = {Qt.Key.Key_A: Tool.ARROW, Qt.Key.Key_C: Tool.CIRCLE, Qt.Key.Key_T: Tool.TEXT}
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


# -- geometry and painting (shared by the canvas and its tests) --------------------------

def fit_rect(size: QSize, area: QRectF) -> QRectF:
    """Where a picture of ``size`` shows in ``area``: aspect kept, as large as fits,
    centred."""
    scale = min(area.width() / size.width(), area.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    return QRectF(area.x() + (area.width() - width) / 2,
                  area.y() + (area.height() - height) / 2, width, height)


def contrast(colour: str) -> str:
    """Black or white, whichever stands out from ``colour`` (as render_annotated picks
    the outline of a text)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 299 * red + 587 * green + 114 * blue > 128_000 else "#ffffff"


def arrow_head(start: QPointF, end: QPointF, width: float) -> tuple[QPointF, QPolygonF] | None:
    """Where the shaft of an arrow ``width`` thick stops, and its head's triangle, as
    render_annotated draws them; None when the arrow has no length."""
    length = math.hypot(end.x() - start.x(), end.y() - start.y())
    if length == 0:
        return None
    head = min(max(4.0 * width, 8.0), length)
    ux, uy = (end.x() - start.x()) / length, (end.y() - start.y()) / length
    base = QPointF(end.x() - ux * head, end.y() - uy * head)
    spread = head * 0.5
    triangle = QPolygonF([end, QPointF(base.x() - uy * spread, base.y() + ux * spread),
                          QPointF(base.x() + uy * spread, base.y() - ux * spread)])
    return base, triangle


def paint_arrow(painter: QPainter, start: QPointF, end: QPointF, colour: str,
                width: float) -> None:
    geometry = arrow_head(start, end, width)
    if geometry is None:
        return
    base, triangle = geometry
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(start, base)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawPolygon(triangle)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def paint_ring(painter: QPainter, centre: QPointF, radius: float, colour: str,
               width: float) -> None:
    """A ring whose outer edge is ``radius`` (Pillow strokes inside the radius)."""
    middle = max(radius - width / 2, 0.0)
    painter.setPen(QPen(QColor(colour), min(width, 2 * radius)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, middle, middle)


def paint_text(painter: QPainter, at: QPointF, text: str, colour: str, size: float, *,
               outline: float) -> None:
    """``text`` with its top-left at ``at``, ``size`` px high, filled with ``colour``
    over an ``outline`` px edge of its contrast."""
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(size)))
    path = QPainterPath()
    path.addText(QPointF(at.x(), at.y() + QFontMetricsF(font).ascent()), font, text)
    pen = QPen(QColor(contrast(colour)), 2 * outline)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.strokePath(path, pen)
    painter.fillPath(path, QColor(colour))


def tool_icon(tool: Tool) -> QIcon:
    """A small drawing of what the tool makes."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate((ICON_SIZE - 20) / 2, (ICON_SIZE - 20) / 2)  # drawn in 20×20, centred
    if tool is Tool.ARROW:
        paint_arrow(painter, QPointF(3, 17), QPointF(17, 3), ICON_COLOUR, 2.0)
    elif tool is Tool.CIRCLE:
        paint_ring(painter, QPointF(10, 10), 8, ICON_COLOUR, 2.0)
    else:
        font = QFont(painter.font())
        font.setPixelSize(17)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(ICON_COLOUR))
        painter.drawText(QRectF(0, 0, 20, 20), Qt.AlignmentFlag.AlignCenter, "T")
    painter.end()
    return QIcon(pixmap)


def swatch_icon(colour: str) -> QIcon:
    """A square of ``colour``; checked, it is framed by a dark ring (the checked look of a
    tool button alone is too faint to tell the chosen colour)."""
    icon = QIcon()
    for state in (QIcon.State.Off, QIcon.State.On):
        pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state is QIcon.State.On:
            painter.setPen(QPen(QColor(ICON_COLOUR), 2))
            painter.drawRoundedRect(QRectF(1, 1, ICON_SIZE - 2, ICON_SIZE - 2), 5, 5)
        painter.setPen(QPen(QColor("#78848f"), 1))
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(4.5, 4.5, ICON_SIZE - 9, ICON_SIZE - 9), 3, 3)
        painter.end()
        icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon


def printable(text: str) -> str:
    """``text`` with control characters as spaces, trimmed (a label must be printable)."""
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


# -- the canvas --------------------------------------------------------------------------

class TextEntry(QLineEdit):
    """The inline editor of a text label: Enter commits, Escape cancels, and both keys
    stop here (a dialog would otherwise press its default button, or close)."""

    committed = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & _COMMAND_MODIFIERS:
            event.accept()
            self.committed.emit()
        elif event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class AnnotationCanvas(QWidget):
    """The photo with its annotations, to draw on (see the module contract)."""

    changed = Signal()
    tool_changed = Signal(object)  # Tool
    colour_changed = Signal(str)
    refused = Signal(str)

    def __init__(self, image: QImage, original_size: QSize,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if image.isNull() or original_size.isEmpty():
            raise ValueError("the canvas needs an image and the original's size")
        self._image = image
        self._original = QSize(original_size)
        self._shapes: list[Shape] = []
        self._history: list[list[Shape]] = []
        self._tool = Tool.ARROW
        self._colour = DEFAULT_COLOUR
        self._anchor: Point | None = None  # a drag in progress: where it began
        self._pointer: Point | None = None  # and where it is
        self._entry_at: Point | None = None  # the text being typed: its corner
        self._scaled: QPixmap | None = None
        self.text_entry = TextEntry(self)
        self.text_entry.setObjectName("annotationTextEntry")
        self.text_entry.setMaxLength(MAX_TEXT)
        self.text_entry.hide()
        self.text_entry.committed.connect(self.commit_text)
        self.text_entry.cancelled.connect(self.cancel_text)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.retranslate()

    # -- the layer -----------------------------------------------------------------------

    def layer(self) -> AnnotationLayer:
        """The shapes drawn so far (a text still being typed is not among them)."""
        return AnnotationLayer(tuple(self._shapes))

    def set_layer(self, layer: AnnotationLayer) -> None:
        """Show ``layer`` instead of the shapes drawn; the undo history starts afresh.
        Raises AnnotationError if a shape lies outside the photo."""
        layer.check_fits(self._original.width(), self._original.height())
        self._cancel_drag()
        self.cancel_text()
        self._history.clear()
        shapes = list(layer.shapes)
        if shapes != self._shapes:
            self._shapes = shapes
            self._after_change()

    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> None:
        """Take back the last change: the last shape added, or a clear."""
        if self._history:
            self._shapes = self._history.pop()
            self._after_change()

    def clear(self) -> None:
        """Remove every shape (undoable in one step)."""
        self.cancel_text()
        if self._shapes:
            self._history.append(self._shapes)
            self._shapes = []
            self._after_change()

    def _add(self, shape: Shape) -> None:
        if len(self._shapes) >= MAX_SHAPES:
            self.refused.emit(self.tr("At most %1 annotations fit on one photo.")
                              .replace("%1", str(MAX_SHAPES)))
            return
        self._history.append(list(self._shapes))
        self._shapes.append(shape)
        self._after_change()

    def _after_change(self) -> None:
        self.update()
        self.changed.emit()

    # -- tools and style -----------------------------------------------------------------

    def tool(self) -> Tool:
        return self._tool

    def set_tool(self, tool: Tool) -> None:
        """Draw with ``tool`` from now on (a text being typed is kept, a drag dropped)."""
        if tool is self._tool:
            return
        self.commit_text()
        self._cancel_drag()
        self._tool = tool
        self.setCursor(Qt.CursorShape.IBeamCursor if tool is Tool.TEXT
                       else Qt.CursorShape.CrossCursor)
        self.tool_changed.emit(tool)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        """New shapes (and the text being typed) take ``colour`` (``#rrggbb``, or a name
        Qt knows; ValueError otherwise)."""
        if not QColor.isValidColorName(colour):
            raise ValueError(f"not a colour: {colour!r}")
        colour = QColor(colour).name()
        if colour == self._colour:
            return
        self._colour = colour
        if self._entry_at is not None:
            self._style_entry()
        self.colour_changed.emit(colour)

    def line_width(self) -> int:
        """A new shape's line width, in original pixels: :data:`SCREEN_PEN` on screen."""
        return min(500, max(1, round(SCREEN_PEN / self._scale())))

    def text_size(self) -> int:
        """A new text's height, in original pixels."""
        short_edge = min(self._original.width(), self._original.height())
        return min(2000, max(4, round(short_edge / TEXT_SHARE)))

    # -- coordinates ---------------------------------------------------------------------

    def photo_rect(self) -> QRectF:
        """Where the photo shows in the widget."""
        return fit_rect(self._original, QRectF(self.rect()))

    def _scale(self) -> float:
        """Widget pixels per original pixel."""
        return max(self.photo_rect().width() / self._original.width(), 1e-6)

    def to_original(self, point: QPointF) -> Point:
        """The original's pixel under the widget ``point``, clamped into the photo."""
        rect, scale = self.photo_rect(), self._scale()
        x = round((point.x() - rect.left()) / scale)
        y = round((point.y() - rect.top()) / scale)
        return (min(max(x, 0), self._original.width() - 1),
                min(max(y, 0), self._original.height() - 1))

    def to_widget(self, point: Point) -> QPointF:
        rect, scale = self.photo_rect(), self._scale()
        return QPointF(rect.left() + point[0] * scale, rect.top() + point[1] * scale)

    # -- drawing -------------------------------------------------------------------------

    def _dragged_shape(self) -> Shape | None:
        """The shape the drag in progress makes, None if it makes none (yet)."""
        start, end = self._anchor, self._pointer
        if start is None or end is None:
            return None
        if self._tool is Tool.ARROW:
            return None if start == end else Arrow(start, end, self._colour, self.line_width())
        radius = round(math.dist(start, end))
        return Circle(start, radius, self._colour, self.line_width()) if radius else None

    def _begin(self, point: Point) -> None:
        if self._tool is Tool.TEXT:
            self._open_entry(point)
        else:
            self._anchor = self._pointer = point

    def _finish(self, point: Point) -> None:
        self._pointer = point
        shape = self._dragged_shape()
        self._cancel_drag()
        if shape is not None:
            self._add(shape)

    def _cancel_drag(self) -> None:
        if self._anchor is not None:
            self._anchor = self._pointer = None
            self.update()

    # -- typing a text -------------------------------------------------------------------

    def text_pending(self) -> bool:
        """Whether the inline editor is open."""
        return self._entry_at is not None

    def commit_text(self) -> None:
        """Keep the text being typed as a label (an empty one is dropped)."""
        at, text = self._entry_at, printable(self.text_entry.text())
        self.cancel_text()
        if at is not None and text:
            self._add(TextLabel(at, text, self._colour, self.text_size()))

    def cancel_text(self) -> None:
        """Close the inline editor, dropping its text."""
        if self._entry_at is None:
            return
        self._entry_at = None
        had_focus = self.text_entry.hasFocus()
        self.text_entry.hide()
        self.text_entry.clear()
        if had_focus:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_entry(self, at: Point) -> None:
        self._entry_at = at
        self._place_entry(at)
        self.text_entry.show()
        self.text_entry.setFocus(Qt.FocusReason.MouseFocusReason)

    def _place_entry(self, at: Point) -> None:
        """Size the inline editor's font to the zoom and put its text's corner near ``at``
        (inside the widget)."""
        entry = self.text_entry
        font = QFont(self.font())
        font.setPixelSize(max(MIN_ENTRY_FONT, round(self.text_size() * self._scale())))
        entry.setFont(font)
        self._style_entry()
        entry.resize(ENTRY_WIDTH, entry.sizeHint().height())
        corner = self.to_widget(at).toPoint() - QPoint(5, 2)  # its text starts near ``at``
        entry.move(max(0, min(corner.x(), self.width() - entry.width())),
                   max(0, min(corner.y(), self.height() - entry.height())))

    def _style_entry(self) -> None:
        self.text_entry.setStyleSheet(_ENTRY_STYLE.format(colour=self._colour))

    # -- painting ------------------------------------------------------------------------

    def _photo_pixmap(self, rect: QRectF) -> QPixmap:
        """The photo scaled to ``rect`` (in device pixels), cached until the size changes."""
        ratio = self.devicePixelRatioF()
        size = QSize(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
        if self._scaled is None or self._scaled.size() != size:
            self._scaled = QPixmap.fromImage(self._image.scaled(
                size, Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            self._scaled.setDevicePixelRatio(ratio)
        return self._scaled

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(BACKDROP_COLOUR))
        rect = self.photo_rect()
        painter.drawPixmap(rect.topLeft(), self._photo_pixmap(rect))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(rect)
        preview = self._dragged_shape()
        for shape in [*self._shapes, *([preview] if preview else [])]:
            self._paint_shape(painter, shape)

    def _paint_shape(self, painter: QPainter, shape: Shape) -> None:
        scale = self._scale()
        if isinstance(shape, Arrow):
            paint_arrow(painter, self.to_widget(shape.start), self.to_widget(shape.end),
                        shape.color, max(1.0, shape.width * scale))
        elif isinstance(shape, Circle):
            paint_ring(painter, self.to_widget(shape.center), shape.radius * scale,
                       shape.color, max(1.0, shape.width * scale))
        else:
            outline = max(1.0, (shape.size // 14) * scale)
            paint_text(painter, self.to_widget(shape.at), shape.text, shape.color,
                       shape.size * scale, outline=outline)

    # -- Qt ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(1040, 700)

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, MIN_HEIGHT)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.commit_text()
        self._begin(self.to_original(event.position()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Nothing: Qt 6 delivers the second press too (the default would press again)."""
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._pointer = self.to_original(event.position())
            self.update()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._anchor is not None:
            self._finish(self.to_original(event.position()))
        else:
            super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif key in TOOL_KEYS and not event.modifiers() & _COMMAND_MODIFIERS:
            self.set_tool(TOOL_KEYS[key])
        elif key == Qt.Key.Key_Escape and self._anchor is not None:
            self._cancel_drag()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._entry_at is not None:
            self._place_entry(self._entry_at)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Photo annotations"))
        self.text_entry.setPlaceholderText(self.tr("Type the text, then Enter"))


# -- the dialog --------------------------------------------------------------------------

class AnnotationDialog(RequestDialog):
    """Annotate one photo (see the module contract)."""

    save_requested = Signal(object)  # AnnotationLayer

    def __init__(self, image: QImage, original_size: QSize, layer: AnnotationLayer,
                 title: str, parent: QWidget | None = None) -> None:
        super().__init__("annotationError", parent)
        self.setObjectName("annotationDialog")
        self.setWindowTitle(title)
        self.setSizeGripEnabled(True)
        self.canvas = AnnotationCanvas(image, original_size)
        self.canvas.setObjectName("annotationCanvas")
        self.canvas.setMinimumSize(DIALOG_CANVAS)
        self.canvas.set_layer(layer)

        self.tool_group = QButtonGroup(self)
        self.tool_buttons = {tool: self._tool_button(tool) for tool in TOOLS}
        self.colour_group = QButtonGroup(self)
        self.colour_buttons = {colour: self._swatch(colour) for colour in COLOURS}
        self.undo_button = self._command_button("annotationUndo", self.canvas.undo)
        self.clear_button = self._command_button("annotationClear", self.canvas.clear)
        for button in (self.undo_button, self.clear_button):  # as tall as the tools
            button.setMinimumHeight(self.tool_buttons[Tool.ARROW].sizeHint().height())
        self.hint_label = QLabel()
        self.hint_label.setObjectName("annotationHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(HINT_STYLE)

        layout = QVBoxLayout(self)
        layout.addLayout(self._tool_bar())
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.tool_buttons[self.canvas.tool()].setChecked(True)
        self.colour_buttons[self.canvas.colour()].setChecked(True)
        self.tool_group.idClicked.connect(lambda index: self.canvas.set_tool(TOOLS[index]))
        self.colour_group.idClicked.connect(lambda index: self.canvas.set_colour(COLOURS[index]))
        self.canvas.tool_changed.connect(lambda tool: self.tool_buttons[tool].setChecked(True))
        self.canvas.colour_changed.connect(self._show_colour)
        self.canvas.changed.connect(self._after_change)
        self.canvas.refused.connect(self._show_error)
        self._update_buttons()
        self._show_error("")
        self.retranslate()
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tool_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in self.tool_buttons.values():
            row.addWidget(button)
        row.addWidget(self._separator())
        for button in self.colour_buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        return row

    def _separator(self) -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    def _tool_button(self, tool: Tool) -> QToolButton:
        """A checkable tool; like all the tool bar, it leaves the focus on the canvas (so
        the keys A / C / T and Ctrl+Z keep working)."""
        button = QToolButton()
        button.setObjectName(f"annotationTool_{tool.value}")
        button.setCheckable(True)
        button.setIcon(tool_icon(tool))
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tool_group.addButton(button, TOOLS.index(tool))
        return button

    def _swatch(self, colour: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"annotationColour_{colour[1:]}")
        button.setCheckable(True)
        button.setIcon(swatch_icon(colour))
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.colour_group.addButton(button, COLOURS.index(colour))
        return button

    def _command_button(self, name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAutoDefault(False)
        button.clicked.connect(action)
        return button

    def _show_colour(self, colour: str) -> None:
        """Check the swatch of ``colour``, or none when it is not among them."""
        button = self.colour_buttons.get(colour)
        self.colour_group.setExclusive(button is not None)
        for each in self.colour_buttons.values():
            each.setChecked(each is button)
        self.colour_group.setExclusive(True)

    def _show_error(self, text: str) -> None:
        """Show ``text`` in red; the label takes no room while it has none."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _after_change(self) -> None:
        self._show_error("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.undo_button.setEnabled(self.canvas.can_undo())
        self.clear_button.setEnabled(bool(self.canvas.layer().shapes))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        tools = {Tool.ARROW: (self.tr("Arrow"), "A"), Tool.CIRCLE: (self.tr("Circle"), "C"),
                 Tool.TEXT: (self.tr("Text"), "T")}
        for tool, (name, key) in tools.items():
            self.tool_buttons[tool].setText(name)
            self.tool_buttons[tool].setToolTip(f"{name} ({key})")
        names = dict(zip(COLOURS, (self.tr("Red"), self.tr("Yellow"), self.tr("White"),
                                   self.tr("Blue")), strict=True))
        for colour, name in names.items():
            self.colour_buttons[colour].setToolTip(name)
            self.colour_buttons[colour].setAccessibleName(name)
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip("Ctrl+Z")
        self.clear_button.setText(self.tr("Clear"))
        self.hint_label.setText(self.tr("The original photo is never changed: the "
                                        "annotations are kept as a separate layer."))
        self.ok_button.setText(self.tr("Save annotations"))
        self.ok_button.setToolTip("Ctrl+Enter")

    def request(self) -> None:
        """Save: keep a text still being typed, then hand the layer to the screen."""
        if self.waiting:
            return
        self.canvas.commit_text()
        self._start_waiting()
        self.save_requested.emit(self.canvas.layer())
