"""The look of the record tables (plans, tasks, checklists, the publication board).

Contract: :func:`record_table` builds a sortable table view on ``model``: whole rows
selected, alternating colours, one line per row without row numbers, interactive
column widths starting at ``widths``, the last column stretched. :func:`select_row`
selects one row (scrolled into view) or clears the selection.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from inspector.ui.planning_models import ROW_HEIGHT
from inspector.ui.snapshot_table_model import enable_sorting

SINGLE = QAbstractItemView.SelectionMode.SingleSelection
EXTENDED = QAbstractItemView.SelectionMode.ExtendedSelection


def record_table(model: QAbstractItemModel, name: str, widths: Sequence[int], *,
                 selection: QAbstractItemView.SelectionMode = SINGLE) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    enable_sorting(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setAlternatingRowColors(True)
    compact_rows(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


def compact_rows(table: QTableView) -> None:
    """One line per row and no row numbers: the directory tables' look."""
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    vertical.hide()
    table.setWordWrap(False)


def select_row(table: QTableView, row: int | None) -> bool:
    """Select row ``row`` of ``table`` and scroll to it; None clears the selection.
    Returns whether a row is selected."""
    selection = table.selectionModel()
    if row is None:
        selection.clearSelection()
        return False
    index = table.model().index(row, 0)
    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(index)
    return True
