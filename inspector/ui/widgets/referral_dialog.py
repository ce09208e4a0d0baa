"""The dialog that refers a case clue (线索移送) from one finalized inspection.

Contract: main thread, opened non-modally (``open``) by whoever owns the database work
(:func:`inspector.ui.referral_flow.open_referral_dialog`). The dialog shows the
inspected entity and gathers: the kind of recipient (办案机构, 相关部门, 公安机关; for the
public security organ a hint says that 国务院令第310号 wants the head's decision within
3 days and the transfer within 24 hours), the recipient's name, the findings of the
record as a checkable list ("label：answer", problems first, in red and ticked), the
summary of the clue, and the 涉案物品清单 as an editable table (name, specification,
batch, quantity, unit, kept at, note) with Add row / Remove row. Rows left wholly
blank are dropped when the user submits, so the service's row numbers match the table.
Refer (Ctrl+Enter from anywhere in the dialog; Enter in a field moves to the next one)
emits ``referral_requested(ReferralRequest)`` and waits: the owner then calls
:meth:`finish` (referred: the dialog closes, accepted) or :meth:`refuse` (the service's
reason in red; the dialog stays open to change the answer or cancel). The dialog checks nothing
itself: the rules are the service's. Built with ``findings=None``, the dialog says they
are loading until :meth:`set_findings` brings them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.services.referral_sources import ReferableFinding
from inspector.services.referrals import RECIPIENT_LABELS, Goods, RecipientKind
from inspector.ui.referral_ops import ReferralRequest
from inspector.ui.widgets.request_dialog import RequestDialog

HINT_STYLE = "color: #8a4b00; background: #fff4d6; padding: 6px; border-radius: 4px;"
MUTED_STYLE = "color: #555;"
PROBLEM_BRUSH = QBrush(QColor("#b3261e"))
GOODS_FIELDS = ("name", "specification", "batch", "quantity", "unit", "kept_at", "note")
GOODS_WIDTHS = (140, 90, 110, 60, 50, 130)  # the note takes the rest
_KEY = Qt.ItemDataRole.UserRole


class ReferralDialog(RequestDialog):
    referral_requested = Signal(object)  # ReferralRequest
    referral_created = Signal(object)  # ReferralView, emitted by the flow once recorded

    def __init__(self, entity_name: str, findings: Sequence[ReferableFinding] | None,
                 lang: Lang, parent: QWidget | None = None) -> None:
        # Our own accept button: Qt words its standard ones again on a language change.
        refer_button = QPushButton()
        refer_button.setObjectName("referButton")
        super().__init__("referralError", parent, accept_button=refer_button)
        self.refer_button = refer_button
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in a field moves on; Ctrl+Enter refers
        self.entity_name = entity_name
        self.findings: tuple[ReferableFinding, ...] = ()
        self.loading = True
        self._lang = lang
        self.setObjectName("referralDialog")
        self.setMinimumWidth(780)
        self.entity_label = QLabel()
        self.entity_label.setObjectName("referralEntityLabel")
        self.entity_label.setWordWrap(True)
        self.entity_label.setStyleSheet("font-weight: bold;")
        self._build_recipient()
        self._build_findings()
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("referralSummaryEdit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(84)
        self.summary_label = QLabel()
        self.summary_label.setBuddy(self.summary_edit)
        self._build_goods()
        self._lay_out()
        self._chain_focus()
        self.recipient_edit.textChanged.connect(lambda _text: self.error_label.clear())
        self.summary_edit.textChanged.connect(self.error_label.clear)
        self.findings_list.itemChanged.connect(lambda _item: self.error_label.clear())
        self.retranslate()
        self.set_findings(findings or (), loading=findings is None)
        self.kind_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ---------------------------------------------------------------------------

    def _build_recipient(self) -> None:
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("recipientKindBox")
        for kind in RecipientKind:
            self.kind_box.addItem("", kind.value)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setObjectName("recipientEdit")
        self.kind_label, self.recipient_label = QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind_box)
        self.recipient_label.setBuddy(self.recipient_edit)
        self.police_hint = QLabel()
        self.police_hint.setObjectName("policeHint")
        self.police_hint.setWordWrap(True)
        self.police_hint.setStyleSheet(HINT_STYLE)

    def _build_findings(self) -> None:
        self.findings_group = QGroupBox()
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("referralFindingsList")
        self.findings_list.setMinimumHeight(110)
        self.findings_list.setUniformItemSizes(True)
        self.findings_list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self.findings_group)
        layout.addWidget(self.findings_list)

    def _build_goods(self) -> None:
        self.goods_group = QGroupBox()
        self.goods_table = QTableWidget(0, len(GOODS_FIELDS))
        self.goods_table.setObjectName("goodsTable")
        self.goods_table.setMinimumHeight(120)
        self.goods_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        triggers = QAbstractItemView.EditTrigger
        self.goods_table.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked
                                         | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.goods_table.setTabKeyNavigation(False)
        header = self.goods_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(GOODS_WIDTHS):
            self.goods_table.setColumnWidth(column, width)
        self.goods_table.itemChanged.connect(lambda _item: self.error_label.clear())
        self.add_row_button = QPushButton()
        self.add_row_button.setObjectName("addGoodsRowButton")
        self.add_row_button.setAutoDefault(False)
        self.add_row_button.clicked.connect(self.add_goods_row)
        self.remove_row_button = QPushButton()
        self.remove_row_button.setObjectName("removeGoodsRowButton")
        self.remove_row_button.setAutoDefault(False)
        self.remove_row_button.clicked.connect(self.remove_goods_row)
        self.goods_table.itemSelectionChanged.connect(self._enable_remove)
        bar = QHBoxLayout()
        bar.addWidget(self.add_row_button)
        bar.addWidget(self.remove_row_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self.goods_group)
        layout.addWidget(self.goods_table)
        layout.addLayout(bar)
        self._enable_remove()

    def _lay_out(self) -> None:
        self.recipient_form = recipient = QFormLayout()
        recipient.addRow(self.kind_label, self.kind_box)
        recipient.addRow(self.police_hint)
        recipient.addRow(self.recipient_label, self.recipient_edit)
        recipient.setRowVisible(self.police_hint, False)
        summary = QFormLayout()
        summary.addRow(self.summary_label, self.summary_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entity_label)
        layout.addLayout(recipient)
        layout.addWidget(self.findings_group, 1)
        layout.addLayout(summary)
        layout.addWidget(self.goods_group, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _chain_focus(self) -> None:
        chain: list[QWidget] = [self.kind_box, self.recipient_edit, self.findings_list,
                                self.summary_edit, self.goods_table, self.add_row_button,
                                self.remove_row_button, self.ok_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- the findings ---------------------------------------------------------------------

    def set_findings(self, findings: Sequence[ReferableFinding], *,
                     loading: bool = False) -> None:
        """Offer ``findings`` (problems first and ticked); ``loading`` says more come."""
        self.findings, self.loading = tuple(findings), loading
        self.findings_list.clear()
        ordered = sorted(self.findings, key=lambda f: not f.problem)  # stable: record order
        for finding in ordered:
            item = QListWidgetItem(f"{finding.label}：{finding.answer}")
            item.setData(_KEY, finding.item_key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if finding.problem
                               else Qt.CheckState.Unchecked)
            if finding.problem:
                item.setForeground(PROBLEM_BRUSH)
            item.setToolTip("\n".join(t for t in (finding.section, finding.note) if t))
            self.findings_list.addItem(item)
        if ordered:  # the keyboard starts at the top; nothing looks selected
            self.findings_list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._word_findings_title()

    def chosen_keys(self) -> tuple[str, ...]:
        return tuple(str(item.data(_KEY)) for item in self._finding_items()
                     if item.checkState() == Qt.CheckState.Checked)

    def _finding_items(self) -> list[QListWidgetItem]:
        return [self.findings_list.item(row) for row in range(self.findings_list.count())]

    def _word_findings_title(self) -> None:
        if self.loading:
            title = self.tr("Findings the clue rests on (loading…)")
        elif not self.findings:
            title = self.tr("Findings the clue rests on: the record has none")
        else:
            title = self.tr("Findings the clue rests on (problems first)")
        self.findings_group.setTitle(title)

    # -- the goods --------------------------------------------------------------------------

    def add_goods_row(self) -> None:
        """Append a row and start typing its name."""
        row = self.goods_table.rowCount()
        self.goods_table.insertRow(row)
        items = [QTableWidgetItem("") for _field in GOODS_FIELDS]
        for column, item in enumerate(items):
            self.goods_table.setItem(row, column, item)
        self.goods_table.setCurrentCell(row, 0)
        self.goods_table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.goods_table.editItem(items[0])

    def remove_goods_row(self) -> None:
        """Remove the selected rows (or the current one)."""
        rows = sorted({index.row() for index in self.goods_table.selectedIndexes()}
                      or {self.goods_table.currentRow()} - {-1}, reverse=True)
        for row in rows:
            self.goods_table.removeRow(row)
        self._enable_remove()

    def goods(self) -> tuple[Goods, ...]:
        """The rows as typed, blank rows left out."""
        rows = (self._goods_cells(row) for row in range(self.goods_table.rowCount()))
        return tuple(Goods(**cells) for cells in rows if any(cells.values()))

    def _goods_cells(self, row: int) -> dict[str, str]:
        cells = {}
        for column, name in enumerate(GOODS_FIELDS):
            item = self.goods_table.item(row, column)
            cells[name] = item.text().strip() if item is not None else ""
        return cells

    def _drop_blank_rows(self) -> None:
        for row in reversed(range(self.goods_table.rowCount())):
            if not any(self._goods_cells(row).values()):
                self.goods_table.removeRow(row)
        self._enable_remove()

    def _enable_remove(self) -> None:
        self.remove_row_button.setEnabled(self.goods_table.rowCount() > 0)

    # -- words ------------------------------------------------------------------------------

    def retranslate(self, lang: Lang | None = None) -> None:
        if lang is not None:
            self._lang = lang
        self.setWindowTitle(self.tr("Refer a case clue"))
        self.entity_label.setText(self.tr("Case clue from the inspection of %1")
                                  .replace("%1", self.entity_name))
        for index in range(self.kind_box.count()):
            kind = RecipientKind(self.kind_box.itemData(index))
            self.kind_box.setItemText(index, RECIPIENT_LABELS[kind].render(self._lang))
        self.kind_label.setText(self.tr("Refer &to"))
        self.recipient_label.setText(self.tr("&Recipient"))
        self.recipient_edit.setPlaceholderText(self.tr(
            "Required: the office or department by name, e.g. the county enforcement "
            "brigade"))
        self.summary_label.setText(self.tr("&Summary"))
        self.summary_edit.setPlaceholderText(self.tr(
            "Required: the suspected facts in a few sentences"))
        self.police_hint.setText(self.tr(
            "Suspected crime: under State Council Decree No. 310 (移送涉嫌犯罪案件的规定) the "
            "head decides within 3 days of this referral, and an approved case is transferred "
            "to the public security organ within 24 hours."))
        self._word_findings_title()
        self.goods_group.setTitle(self.tr("Goods involved (涉案物品清单)"))
        self.goods_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Specification"), self.tr("Batch / date"),
            self.tr("Quantity"), self.tr("Unit"), self.tr("Kept at"), self.tr("Note")])
        self.add_row_button.setText(self.tr("&Add row"))
        self.remove_row_button.setText(self.tr("Remo&ve row"))
        self.ok_button.setText(self.tr("Refer"))
        self.ok_button.setToolTip("Ctrl+Enter")

    def _kind_changed(self) -> None:
        self.recipient_form.setRowVisible(self.police_hint,
                                          self.recipient_kind() is RecipientKind.POLICE)
        self.error_label.clear()

    def recipient_kind(self) -> RecipientKind:
        return RecipientKind(self.kind_box.currentData())

    # -- submitting -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field instead of referring half a form (Ctrl+Enter
        refers)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def request(self) -> None:
        """OK: hand what was gathered to the owner, which asks the service."""
        if self.waiting:
            return
        self._drop_blank_rows()
        self._start_waiting()
        self.referral_requested.emit(ReferralRequest(
            recipient_kind=self.recipient_kind(), recipient=self.recipient_edit.text().strip(),
            item_keys=self.chosen_keys(), summary=self.summary_edit.toPlainText().strip(),
            goods=self.goods()))
