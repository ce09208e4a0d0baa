"""A table model over an immutable snapshot of rows, with fast filter-as-you-type and sort.

Contract: main thread. The model holds a tuple of frozen row DTOs (loaded by an op on
the DB thread) and, index for index, their lower-cased search texts. Filtering keeps
the current sort order and only tests substrings; typing more characters narrows the
rows already shown instead of rescanning all of them. Sorting computes a key per row
once per column and caches it; Chinese text sorts by its GB18030 bytes, which order the
common (GB 2312 level-1) characters by pinyin. Columns are declared with
:class:`Column`; their headers are translated when asked for, so a language switch only
needs :meth:`SnapshotTableModel.retranslate`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTableView

from inspector.core.text import Lang

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_RECENT_FILTERS = 32
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def enable_sorting(view: QTableView, column: int = -1,
                   order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
    """Turn on header sorting without Qt's default first sort (column 0, descending).

    ``column=-1`` keeps the snapshot's own order (the order the query returned).
    """
    view.horizontalHeader().setSortIndicator(column, order)
    view.setSortingEnabled(True)


def text_sort_key(text: str) -> bytes:
    """Pinyin-like order for common Chinese characters, code order for the rest."""
    return text.encode("gb18030", errors="replace")


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: how to title it, show a row, sort it and (optionally) colour it."""

    header: Callable[[], str]
    text: Callable[[R, Lang], str]
    sort_key: Callable[[R], Any] | None = None
    background: Callable[[R], QBrush | None] | None = None
    tooltip: Callable[[R, Lang], str] | None = None
    align_right: bool = False


class SnapshotTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one snapshot, filtered and sorted in memory."""

    visible_count_changed = Signal(int, int)  # shown, total

    def __init__(self, columns: Sequence[Column[R]], lang: Lang,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._lang = lang
        self._rows: tuple[R, ...] = ()
        self._texts: tuple[str, ...] = ()
        self._order: list[int] = []
        self._visible: list[int] = []
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._key_cache: dict[int, list[Any]] = {}
        # Results of recent filters over the current order, newest last: typing and
        # deleting characters mostly revisits them (Backspace costs nothing).
        self._recent: dict[str, list[int]] = {}

    # -- data in ---------------------------------------------------------------------

    def set_snapshot(self, rows: Sequence[R], search_texts: Sequence[str]) -> None:
        if len(rows) != len(search_texts):
            raise ValueError("one search text per row")
        self.beginResetModel()
        self._rows = tuple(rows)
        self._texts = tuple(search_texts)
        self._key_cache = {}
        self._order = list(range(len(self._rows)))
        if self._sort is not None:
            self._order = self._sorted_order(*self._sort)
        self._recent = {}
        self._visible = self._filtered(self._filter)
        self.endResetModel()
        self._announce()

    def set_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._filter:
            return
        self.beginResetModel()
        self._visible = self._filtered(needle)
        self._filter = needle
        self.endResetModel()
        self._announce()

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        self._key_cache = {}  # labels, and so text sort keys, depend on the language
        if self._sort is not None:
            self.sort(*self._sort)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._visible:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._visible) - 1, len(self._columns) - 1))

    # -- queries -----------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def shown(self) -> int:
        return len(self._visible)

    def row_at(self, row: int) -> R:
        return self._rows[self._visible[row]]

    def find_row(self, predicate: Callable[[R], bool]) -> int | None:
        """The visible row number of the first row matching ``predicate``."""
        for position, index in enumerate(self._visible):
            if predicate(self._rows[index]):
                return position
        return None

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell on each paint: keep it lean.
        if role == _DISPLAY:
            return self._columns[index.column()].text(
                self._rows[self._visible[index.row()]], self._lang)
        if role == _BACKGROUND:
            column = self._columns[index.column()]
            if column.background is None:
                return None
            return column.background(self._rows[self._visible[index.row()]])
        if role == _ALIGNMENT:
            return _RIGHT if self._columns[index.column()].align_right else None
        if role == _TOOLTIP:
            column = self._columns[index.column()]
            row = self._rows[self._visible[index.row()]]
            return (column.tooltip or column.text)(row, self._lang)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header()
        return section + 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._order = self._sorted_order(column, order)
        self._recent = {}
        self._visible = self._filtered(self._filter)
        self.layoutChanged.emit()

    # -- internals -------------------------------------------------------------------------

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        keys = self._key_cache.get(column)
        if keys is None:
            spec = self._columns[column]
            if spec.sort_key is not None:
                keys = [spec.sort_key(r) for r in self._rows]
            else:
                lang = self._lang
                keys = [text_sort_key(spec.text(r, lang)) for r in self._rows]
            self._key_cache[column] = keys
        return sorted(range(len(self._rows)), key=keys.__getitem__,
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _filtered(self, needle: str) -> list[int]:
        """The current order filtered by ``needle``, reusing recent results.

        Rows matching a needle are a subset of those matching any prefix of it, so the
        search starts from the longest recent prefix instead of from every row.
        """
        if not needle:
            return self._order
        cached = self._recent.get(needle)
        if cached is None:
            prefixes = [key for key in self._recent if needle.startswith(key)]
            base = self._recent[max(prefixes, key=len)] if prefixes else self._order
            cached = self._matching(base, needle)
            if len(self._recent) >= _RECENT_FILTERS:
                del self._recent[next(iter(self._recent))]
        else:
            del self._recent[needle]  # re-insert as the newest
        self._recent[needle] = cached
        return cached

    def _matching(self, base: list[int], needle: str) -> list[int]:
        """Rows of ``base`` whose search text holds every token, in ``base`` order.

        Each token narrows the previous result; a plain comprehension over 100,000 rows
        takes a few milliseconds (measured faster than map/compress on CPython 3.11).
        """
        matched = base
        texts = self._texts
        for token in needle.split():
            matched = [i for i in matched if token in texts[i]]
        return matched

    def _announce(self) -> None:
        self.visible_count_changed.emit(len(self._visible), len(self._rows))
