"""A row of choices in one widget: 符合 / 不符合 / 不适用, or a few options of an item.

Contract: main thread. :class:`ChoiceStrip` shows its options side by side as buttons
drawn by the style and lets the user choose one (``multiple=False``, like radio
buttons: a chosen option stays chosen until another is) or several (``multiple=True``,
each option toggles). Mouse: a click chooses. Keyboard (it takes the focus as one stop
in the tab order): the digit keys 1-9 choose that option at once, Left/Right move the
focus between options and Space chooses the focused one; Enter and Return emit
``advance_requested`` so a form can move on, as after a scanned barcode. ``chosen_by_user``
is emitted after every change the user makes, never by :meth:`ChoiceStrip.set_chosen`.
Options that do not fit the width flow onto more lines (it has a height for its width).
:meth:`ChoiceStrip.set_heading` draws the item's label (and its help and legal basis in
small grey type) above the options, so a checklist row can be this one widget.
One widget instead of a button per option keeps a checklist of hundreds of items light.
Its accessible description names the options and which are chosen.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget

_PAD_X, _PAD_Y, _GAP = 12, 5, 4
_HEADING_GAP = 2  # between the title, the details and the options
DETAIL_COLOUR = "#5f6b7a"
DETAIL_SCALE = 0.85  # the details' type, against the widget's
_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


class _Geometry(NamedTuple):
    """Where everything goes at one width."""

    title: QRect
    details: QRect
    options: list[QRect]
    height: int


def detail_font(font: QFont) -> QFont:
    """The small type of an item's help and legal basis."""
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * DETAIL_SCALE)
    return small


class ChoiceStrip(QWidget):
    """Options side by side, one or several chosen (see the module contract)."""

    chosen_by_user = Signal()
    advance_requested = Signal()

    def __init__(self, labels: list[str], *, multiple: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = list(labels)
        self._multiple = multiple
        self._chosen: set[int] = set()
        self._cursor = 0
        self._title = self._details = ""
        self._option_widths: list[int] | None = None
        self._geometry: dict[int, _Geometry] = {}
        self._natural: dict[str, QRect] = {}  # a text's unwrapped extent, per font
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._describe()

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    def set_heading(self, title: str, details: str = "") -> None:
        """Text drawn above the options, wrapped to the width: the item's label, and
        under it in small grey type its help and legal basis. A form row of one widget
        instead of three labels and a strip."""
        if (title, details) != (self._title, self._details):
            self._title, self._details = title, details
            self._geometry.clear()
            self._natural.clear()
            self.setAccessibleName(title)
            self.updateGeometry()
            self.update()

    def heading(self) -> str:
        return self._title

    def chosen(self) -> tuple[int, ...]:
        """The chosen options' numbers, in order."""
        return tuple(sorted(self._chosen))

    def set_chosen(self, numbers: tuple[int, ...]) -> None:
        """Choose exactly ``numbers`` (out-of-range ones ignored), without emitting."""
        wanted = {n for n in numbers if 0 <= n < len(self._labels)}
        if not self._multiple:
            wanted = set(sorted(wanted)[:1])
        if wanted != self._chosen:
            self._chosen = wanted
            self._describe()
            self.update()

    def choose(self, number: int) -> None:
        """What a click on option ``number`` does (emits ``chosen_by_user`` on a change)."""
        if not 0 <= number < len(self._labels):
            return
        self._cursor = number
        before = set(self._chosen)
        if self._multiple:
            self._chosen ^= {number}
        else:
            self._chosen = {number}
        self.update()
        if self._chosen != before:
            self._describe()
            self.chosen_by_user.emit()

    def option_rect(self, number: int) -> QRect:
        """Where option ``number`` is drawn, in this widget's coordinates."""
        rects = self._layout(self.width()).options
        return QRect(rects[number]) if 0 <= number < len(rects) else QRect()

    def _widths(self) -> list[int]:
        """Each option's width, measured once per font (with room for the tick)."""
        if self._option_widths is None:
            metrics = self.fontMetrics()
            self._option_widths = [metrics.horizontalAdvance(f"✓ {label}") + 2 * _PAD_X
                                   for label in self._labels]
        return self._option_widths

    def _layout(self, width: int) -> _Geometry:
        """Everything's place at ``width``: the heading wrapped, then the options side
        by side, flowing onto more lines when they do not fit (long choices on a narrow
        window). Measured once per width and text."""
        geometry = self._geometry.get(width)
        if geometry is None:
            top = 0
            title = details = QRect(0, 0, 0, 0)
            if self._title:
                title = self._measure(self._title, self.fontMetrics(), width, top)
                top = title.bottom() + 1 + _HEADING_GAP
            if self._details:
                details = self._measure(self._details, QFontMetrics(detail_font(self.font())),
                                        width, top)
                top = details.bottom() + 1 + _HEADING_GAP
            height = self.fontMetrics().height() + 2 * _PAD_Y
            rects: list[QRect] = []
            left = 0
            for option_width in self._widths():
                if left > 0 and left + option_width > width:
                    left, top = 0, top + height + _GAP
                rects.append(QRect(left, top, option_width, height))
                left += option_width + _GAP
            bottom = rects[-1].bottom() + 1 if rects else top
            if len(self._geometry) > 32:  # widths seen while a window is resized
                self._geometry.clear()
            geometry = self._geometry[width] = _Geometry(title, details, rects, bottom)
        return geometry

    def _measure(self, text: str, metrics: QFontMetrics, width: int, top: int) -> QRect:
        """Where ``text`` goes at ``width``, from ``top``. Text as wide as its unwrapped
        self fits at once; only narrower widths measure the wrapping (a long form asks
        many widths while it settles)."""
        natural = self._natural.get(text)
        if natural is None:
            natural = self._natural[text] = metrics.boundingRect(
                QRect(0, 0, 1 << 20, 1 << 20), _WRAP, text)
        if natural.width() <= width:
            return QRect(0, top, natural.width(), natural.height())
        return metrics.boundingRect(QRect(0, top, width, 1 << 20), _WRAP, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._natural.clear()
            self._geometry.clear()
            self._option_widths = None
            self.updateGeometry()
        super().changeEvent(event)

    # -- Qt ---------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        widths = self._widths()
        return QSize(max(sum(widths) + _GAP * (len(widths) - 1), 1), self._hint_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(max(self._widths(), default=1), self._hint_height())

    def _hint_height(self) -> int:
        """The height of a one-line heading over one line of options: what the hints
        say. Layouts ask :meth:`heightForWidth` for the real, wrapped height."""
        height = self.fontMetrics().height() + 2 * _PAD_Y
        if self._title:
            height += self.fontMetrics().height() + _HEADING_GAP
        if self._details:
            lines = self._details.count("\n") + 1
            height += QFontMetrics(detail_font(self.font())).height() * lines + _HEADING_GAP
        return height

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout(max(width, 1)).height

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        geometry = self._layout(self.width())
        exposed = event.rect()
        if self._title and geometry.title.intersects(exposed):
            painter.drawText(geometry.title, _WRAP, self._title)
        if self._details and geometry.details.intersects(exposed):
            painter.save()
            painter.setFont(detail_font(self.font()))
            painter.setPen(QColor(DETAIL_COLOUR))
            painter.drawText(geometry.details, _WRAP, self._details)
            painter.restore()
        rects = geometry.options
        for number, (label, rect) in enumerate(zip(self._labels, rects, strict=True)):
            if not rect.intersects(exposed):
                continue
            option = QStyleOptionButton()
            option.initFrom(self)
            option.rect = rect
            option.text = label
            state = option.state & ~QStyle.StateFlag.State_HasFocus
            if number in self._chosen:
                state |= QStyle.StateFlag.State_On | QStyle.StateFlag.State_Sunken
            else:
                state |= QStyle.StateFlag.State_Raised | QStyle.StateFlag.State_Off
            if self.hasFocus() and number == self._cursor:
                state |= QStyle.StateFlag.State_HasFocus
            option.state = state
            if number in self._chosen:
                option.text = f"✓ {label}"
            painter.drawControl(QStyle.ControlElement.CE_PushButton, option)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position().toPoint()
        for number, rect in enumerate(self._layout(self.width()).options):
            if rect.contains(point):
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.choose(number)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        count = len(self._labels)
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_1 < count:
            self.choose(key - Qt.Key.Key_1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and count:
            step = -1 if key == Qt.Key.Key_Left else 1
            self._cursor = (self._cursor + step) % count
            self.update()
        elif key == Qt.Key.Key_Space and count:
            self.choose(self._cursor)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance_requested.emit()
        else:
            super().keyPressEvent(event)

    def _describe(self) -> None:
        chosen = "、".join(self._labels[n] for n in sorted(self._chosen)) or "—"
        self.setAccessibleDescription(
            f"{' / '.join(self._labels)}: {chosen}")
