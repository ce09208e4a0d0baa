"""A pad to sign on with the mouse, a pen or a finger, and its PNG for the record.

Contract: main thread. :class:`SignaturePad` is a white pad (at least 420×160 px,
expanding horizontally) with a light baseline and, while no ink is on it, a faint
"Sign here". Each press-drag-release is a stroke: a list of points in the widget's
coordinates, drawn antialiased with a 2.5 px round pen and smoothed by quadratic
curves through the midpoints. Points are clamped to the pad, so the record holds only
ink the signer saw. Mouse, pen and touch all draw: a pen's unhandled tablet events
reach the pad as mouse events (Qt's default), and a touch is followed by its first
finger (further fingers are ignored; a cancelled touch drops its stroke).

:meth:`SignaturePad.strokes` is a frozen copy of the strokes as ``(x, y)`` tuples. A
press without movement is a one-point stroke, drawn as a dot, kept and undoable; but
a pad whose total ink length is under :data:`MIN_INK_LENGTH` px is
:meth:`~SignaturePad.is_empty`: a stray tap or scratch is not a signature.
:meth:`~SignaturePad.clear` and :meth:`~SignaturePad.undo_stroke` (keys: Delete or
Backspace, Ctrl+Z; the pad takes the focus) change the strokes; ``changed`` is emitted
whenever the strokes change (a stroke finished, undone, cleared), never for a stroke
still being drawn. Resizing keeps the strokes where they are (they are not rescaled).

:meth:`SignaturePad.to_png` renders only the ink, black on an opaque white ground (it
is printed on records), cropped to the ink's bounding box plus a margin and scaled,
pen included, to the requested height; a nearly flat signature is framed as at least
:data:`MIN_SOURCE_HEIGHT` px tall so it is not blown up into a thick bar. It depends
only on the strokes (not on the widget's size or whether it is shown) and raises
ValueError on an empty pad. The PNG is 8-bit greyscale.

:class:`SignatureField` is the pad with the signer's caption and Undo / Clear buttons
beneath it; it re-emits the pad's ``changed``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QEventPoint,
    QImage,
    QImageWriter,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

Stroke = tuple[tuple[float, float], ...]

MIN_WIDTH, MIN_HEIGHT = 420, 160
PEN_WIDTH = 2.5
MIN_INK_LENGTH = 20.0  # px of ink, all strokes together, below which the pad is empty
MIN_STEP = 0.75  # px: closer points than this add nothing to a stroke
MIN_SOURCE_HEIGHT = 40.0  # px of widget: the least height a PNG frames around the ink
PNG_MARGIN = 6.0  # px of widget, around the ink (beyond half the pen)
INK_COLOUR = "#111111"
PAPER_COLOUR = "#ffffff"
BASELINE_COLOUR = "#c8ced6"
PLACEHOLDER_COLOUR = "#b4bcc6"
FRAME_COLOUR = "#b0b8c2"
BASELINE_RATIO = 0.72  # the baseline's height, down the pad
BASELINE_INSET = 24  # px from either side
_TOUCH_TYPES = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                QEvent.Type.TouchCancel)


def stroke_path(points: Sequence[QPointF]) -> QPainterPath:
    """The smoothed path of a stroke: from midpoint to midpoint of its segments, quadratic
    curves bent by the point between them; the ends are the first and last points. One
    point gives an empty path (a dot, drawn apart by :func:`draw_stroke`)."""
    path = QPainterPath(points[0])
    for here, after in pairwise(points[1:]):
        path.quadTo(here, (here + after) / 2)
    if len(points) > 1:
        path.lineTo(points[-1])
    return path


def draw_stroke(painter: QPainter, points: Sequence[QPointF]) -> None:
    """Draw one stroke with the painter's pen: its path, or a dot for a single point."""
    if len(points) == 1:
        painter.drawPoint(points[0])
    else:
        painter.drawPath(stroke_path(points))


def ink_pen(colour: str = INK_COLOUR) -> QPen:
    pen = QPen(QColor(colour), PEN_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def stroke_length(points: Sequence[QPointF]) -> float:
    return sum(math.dist((a.x(), a.y()), (b.x(), b.y()))
               for a, b in pairwise(points))


def ink_bounds(strokes: Sequence[Sequence[QPointF]]) -> QRectF:
    """The bounding box of the points (of the centre of the pen)."""
    xs = [p.x() for stroke in strokes for p in stroke]
    ys = [p.y() for stroke in strokes for p in stroke]
    return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))


def png_frame(strokes: Sequence[Sequence[QPointF]]) -> QRectF:
    """What a PNG shows of the pad: the ink's box plus the pen and a margin, at least
    :data:`MIN_SOURCE_HEIGHT` tall (centred on the ink)."""
    box = ink_bounds(strokes)
    grow = PEN_WIDTH / 2 + PNG_MARGIN
    box.adjust(-grow, -grow, grow, grow)
    if box.height() < MIN_SOURCE_HEIGHT:
        extra = (MIN_SOURCE_HEIGHT - box.height()) / 2
        box.adjust(0, -extra, 0, extra)
    return box


def render_png(strokes: Sequence[Sequence[QPointF]], height: int) -> bytes:
    """The strokes, black on white, framed by :func:`png_frame` and scaled to ``height``."""
    frame = png_frame(strokes)
    scale = height / frame.height()
    image = QImage(max(1, round(frame.width() * scale)), height, QImage.Format.Format_RGB32)
    image.fill(QColor(PAPER_COLOUR))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.translate(-frame.topLeft())
    painter.setPen(ink_pen("#000000"))
    for stroke in strokes:
        draw_stroke(painter, stroke)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image.convertToFormat(QImage.Format.Format_Grayscale8)):
        raise OSError(f"could not encode the signature as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


class SignaturePad(QWidget):
    """A white pad to sign on (see the module contract)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._current: list[QPointF] | None = None
        self._touch_id: int | None = None
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))

    # -- the strokes ---------------------------------------------------------------------

    def strokes(self) -> tuple[Stroke, ...]:
        """The finished strokes, in widget coordinates (a copy)."""
        return tuple(tuple((p.x(), p.y()) for p in stroke) for stroke in self._strokes)

    def ink_length(self) -> float:
        """The length of all finished strokes together, in px (dots count 0)."""
        return sum(stroke_length(stroke) for stroke in self._strokes)

    def is_empty(self) -> bool:
        """True unless the finished strokes hold :data:`MIN_INK_LENGTH` px of ink."""
        return self.ink_length() < MIN_INK_LENGTH

    def clear(self) -> None:
        """Remove every stroke (emits ``changed`` if there were any)."""
        self._current = None
        if self._strokes:
            self._strokes.clear()
            self._after_change()
        self.update()

    def undo_stroke(self) -> None:
        """Remove the last finished stroke (emits ``changed`` if there was one)."""
        if self._strokes:
            self._strokes.pop()
            self._after_change()

    def to_png(self, *, height: int = 200) -> bytes:
        """The ink as a PNG ``height`` px tall (see the module contract)."""
        if height < 1:
            raise ValueError(f"height must be positive, not {height}")
        if self.is_empty():
            raise ValueError("the signature pad is empty")
        return render_png(self._strokes, height)

    def _after_change(self) -> None:
        self.update()
        self.changed.emit()

    # -- drawing -------------------------------------------------------------------------

    def _clamped(self, point: QPointF) -> QPointF:
        return QPointF(min(max(point.x(), 0.0), float(self.width())),
                       min(max(point.y(), 0.0), float(self.height())))

    def _begin(self, point: QPointF) -> None:
        self._current = [self._clamped(point)]
        if self._strokes:
            self._update_around(self._current)
        else:
            self.update()  # the placeholder goes

    def _extend(self, point: QPointF) -> None:
        if self._current is None:
            return
        point = self._clamped(point)
        last = self._current[-1]
        if math.dist((point.x(), point.y()), (last.x(), last.y())) < MIN_STEP:
            return
        self._current.append(point)
        # The smoothed end changes between the last three points only.
        self._update_around(self._current[-3:])

    def _finish(self, point: QPointF) -> None:
        """End the stroke in progress at ``point`` and keep it."""
        if self._current is None:
            return
        self._extend(point)
        self._strokes.append(self._current)
        self._current = None
        self._after_change()

    def _cancel(self) -> None:
        if self._current is not None:
            self._current = None
            self.update()

    def _update_around(self, points: Sequence[QPointF]) -> None:
        grow = PEN_WIDTH + 2
        self.update(ink_bounds([points]).adjusted(-grow, -grow, grow, grow).toAlignedRect())

    # -- Qt ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, MIN_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(PAPER_COLOUR))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_guides(painter)
        painter.setPen(ink_pen())
        for stroke in [*self._strokes, *([self._current] if self._current else [])]:
            draw_stroke(painter, stroke)

    def _paint_guides(self, painter: QPainter) -> None:
        """The frame, the baseline, and the placeholder while there is no ink."""
        frame = QColor(self.palette().highlight().color() if self.hasFocus() else FRAME_COLOUR)
        painter.setPen(QPen(frame, 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        baseline = round(self.height() * BASELINE_RATIO) + 0.5
        painter.setPen(QPen(QColor(BASELINE_COLOUR), 1))
        painter.drawLine(QPointF(BASELINE_INSET, baseline),
                         QPointF(self.width() - BASELINE_INSET, baseline))
        if not self._strokes and self._current is None:
            painter.setPen(QColor(PLACEHOLDER_COLOUR))
            above = QRectF(0, 0, self.width(), baseline - 4)
            painter.drawText(above, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             self.tr("Sign here"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._begin(event.position())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Nothing: Qt 6 delivers the second press too, which already began a stroke
        (the default would begin it again)."""
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._finish(event.position())
        else:
            super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() in _TOUCH_TYPES and isinstance(event, QTouchEvent):
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        """Follow the first finger of a touch; a cancelled touch drops its stroke."""
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self._touch_id = None
            self._cancel()
            return
        points = event.points()
        if kind == QEvent.Type.TouchBegin and points:
            self._touch_id = points[0].id()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self._begin(points[0].position())
            return
        finger = next((p for p in points if p.id() == self._touch_id), None)
        if finger is None:
            return
        if kind == QEvent.Type.TouchEnd or finger.state() == QEventPoint.State.Released:
            self._touch_id = None
            self._finish(finger.position())
        else:
            self._extend(finger.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_stroke()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        elif event.key() == Qt.Key.Key_Escape and self._current is not None:
            self._cancel()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Signature pad"))
            self.update()
        super().changeEvent(event)


class SignatureField(QWidget):
    """A :class:`SignaturePad` with the signer's caption and Undo / Clear beneath it."""

    changed = Signal()

    def __init__(self, caption: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pad = SignaturePad(self)
        self.caption = QLabel(caption, self)
        self.undo_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.clear_button.clicked.connect(self.pad.clear)
        self.pad.changed.connect(self._pad_changed)
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pad)
        column.addLayout(row)
        self.retranslate()
        self._enable_buttons()

    def set_caption(self, text: str) -> None:
        """The text under the pad: who signs, e.g. the signer's name."""
        self.caption.setText(text)

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("Undo"))
        self.clear_button.setText(self.tr("Clear"))

    def _pad_changed(self) -> None:
        self._enable_buttons()
        self.changed.emit()

    def _enable_buttons(self) -> None:
        has_strokes = bool(self.pad.strokes())
        self.undo_button.setEnabled(has_strokes)
        self.clear_button.setEnabled(has_strokes)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
