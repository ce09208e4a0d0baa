"""The referrals board (线索移送): a team lead's deadlines, decisions and evidence packages.

Contract: main thread. The board loads through an op (``load_referrals`` on the DB
thread) when the screen is shown and, while it is shown, whenever the bus reports
referrals (:class:`~inspector.ui.screen_loading.LoadOnShow`). Each referral shows its
entity, recipient (kind and name), state, the deadline that runs now (the head's
decision, 3 days after the referral; then the transfer, 24 hours after approval;
China time; "—" once none runs) and when it was referred; rows past their deadline on
the board's clock are in red (re-checked every minute without reloading). The details
of the selected referral (summary, findings, goods, decision, package SHA-256) show
below the table. Actions on the selected referral: Approve transfer (team leads and
administrators; with a confirmation; Ctrl+Return), Decline… (asks the reasons in a line
under the table, never in a modal dialog; Ctrl+D), Mark transferred (with a
confirmation; Ctrl+T) and Build evidence package… (a folder is chosen, the package is
built on the DB thread, and the message names its path and SHA-256; Ctrl+E). The
board's clock is ``clock`` (UTC now unless a test sets it); it is also the moment the
decisions are recorded at. Only team leads and administrators see this screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.core.workdays import CHINA_TIME
from inspector.services.changes import Topic
from inspector.services.referral_package import BuiltPackage
from inspector.services.referrals import (
    DECIDERS,
    RECIPIENT_LABELS,
    STATUS_LABELS,
    ReferralStatus,
    ReferralView,
)
from inspector.ui import referral_ops
from inspector.ui.board_palette import (
    CLOSED_FOREGROUND,
    OVERDUE_BACKGROUND,
    OVERDUE_FOREGROUND,
    WAITING_BACKGROUND,
)
from inspector.ui.context import AppContext
from inspector.ui.db_worker import Op
from inspector.ui.record_table import record_table, select_row
from inspector.ui.screen_loading import LoadOnShow
from inspector.ui.snapshot_table_model import AnyIndex, Column, SnapshotTableModel
from inspector.ui.widgets.feedback import (
    NO_MESSAGE,
    Message,
    confirm,
    error_text,
    show_message,
)

_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
NONE = "—"
CLOCK_TICK_MS = 60_000
_OPEN = frozenset({ReferralStatus.AWAITING_DECISION, ReferralStatus.APPROVED})


def china_time(moment: datetime | None) -> str:
    """``yyyy-MM-dd HH:mm`` on China's clock, "—" for none."""
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if moment else NONE


def utc_now() -> datetime:
    return datetime.now(UTC)


class ReferralTableModel(SnapshotTableModel[ReferralView]):
    """Referrals: entity, recipient, state, the running deadline, referred at."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.now = utc_now()
        columns: list[Column[ReferralView]] = [
            Column(lambda: self.tr("Entity"), lambda r, _l: r.entity_name),
            Column(lambda: self.tr("Recipient"), _recipient_text),
            Column(lambda: self.tr("Status"), _status_text,
                   sort_key=lambda r: list(ReferralStatus).index(r.status),
                   background=lambda r: WAITING_BACKGROUND
                   if r.status is ReferralStatus.AWAITING_DECISION else None),
            Column(lambda: self.tr("Due"), lambda r, _l: self.due_text(r),
                   sort_key=lambda r: (r.due is None, r.due or r.referred_at),
                   background=lambda r: OVERDUE_BACKGROUND if r.overdue(self.now) else None,
                   tooltip=lambda r, _l: self.due_tooltip(r)),
            Column(lambda: self.tr("Referred at"), lambda r, _l: china_time(r.referred_at),
                   sort_key=lambda r: r.referred_at,
                   tooltip=lambda r, _l: self.tr("by %1").replace("%1", r.referred_by)),
        ]
        super().__init__(columns, lang, parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_now(self, now: datetime) -> None:
        """Judge the deadlines at ``now`` (repaints; the rows stay as loaded)."""
        self.now = now
        if self.shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.shown - 1, self.columnCount() - 1))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole.value) -> Any:
        if role == _FOREGROUND:
            row = self.row_at(index.row())
            if row.overdue(self.now):
                return OVERDUE_FOREGROUND
            return None if row.status in _OPEN else CLOSED_FOREGROUND
        if role == _FONT:
            return self._bold if self.row_at(index.row()).overdue(self.now) else None
        return super().data(index, role)

    def due_text(self, row: ReferralView) -> str:
        text = china_time(row.due)
        if row.overdue(self.now):
            return self.tr("%1 · overdue").replace("%1", text)
        return text

    def due_tooltip(self, row: ReferralView) -> str:
        if row.status is ReferralStatus.AWAITING_DECISION:
            return self.tr("The head's decision: 3 days after the referral")
        if row.status is ReferralStatus.APPROVED:
            return self.tr("The transfer: 24 hours after the approval")
        return self.tr("No deadline runs")


class ReferralsScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.clock = clock
        self.rows: tuple[ReferralView, ...] = ()
        self.current: ReferralView | None = None
        self.built: BuiltPackage | None = None
        self._building = False
        self._message: Message = NO_MESSAGE
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("boardSummary")
        self.summary_label.setWordWrap(True)
        self.model = ReferralTableModel(ctx.lang, self)
        self.table = record_table(self.model, "referralsTable", (230, 300, 150, 170, 140))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.message_label = QLabel()
        self.message_label.setObjectName("boardMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary_label)
        layout.addLayout(self._action_bar())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._decline_bar())
        layout.addWidget(self._details_box())
        layout.addWidget(self.message_label)
        self._shortcuts()
        self.ticker = QTimer(self)
        self.ticker.setInterval(CLOCK_TICK_MS)
        self.ticker.timeout.connect(lambda: self.model.set_now(self.clock()))
        self.ticker.start()
        self.loading = LoadOnShow(self, ctx, self.reload, frozenset({Topic.REFERRALS}))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        ctx.role_changed.connect(lambda _role: self._refresh())
        self.retranslate()
        if ctx.workspace is not None:
            self.loading.workspace_opened()

    # -- building ---------------------------------------------------------------------------

    def _action_bar(self) -> QHBoxLayout:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("referralFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.approve_button = self._button("approveReferralButton", self.approve_selected)
        self.decline_button = self._button("declineReferralButton", self.ask_decline)
        self.transfer_button = self._button("transferReferralButton", self.mark_transferred)
        self.package_button = self._button("buildPackageButton", self.build_package)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        for button in (self.approve_button, self.decline_button, self.transfer_button,
                       self.package_button):
            bar.addWidget(button)
        return bar

    def _button(self, name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: action())
        return button

    def _decline_bar(self) -> QHBoxLayout:
        self.decline_label = QLabel()
        self.reasons_edit = QLineEdit()
        self.reasons_edit.setObjectName("declineReasonsEdit")
        self.reasons_edit.returnPressed.connect(self.decline_selected)
        self.decline_label.setBuddy(self.reasons_edit)
        self.confirm_decline_button = self._button("confirmDeclineButton",
                                                   self.decline_selected)
        self.cancel_decline_button = self._button("cancelDeclineButton", self.cancel_decline)
        QShortcut(QKeySequence("Escape"), self.reasons_edit, self.cancel_decline,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.decline_widgets: tuple[QWidget, ...] = (
            self.decline_label, self.reasons_edit, self.confirm_decline_button,
            self.cancel_decline_button)
        bar = QHBoxLayout()
        bar.addWidget(self.decline_label)
        bar.addWidget(self.reasons_edit, 1)
        bar.addWidget(self.confirm_decline_button)
        bar.addWidget(self.cancel_decline_button)
        for widget in self.decline_widgets:
            widget.setVisible(False)
        return bar

    def _details_box(self) -> QGroupBox:
        self.details = QGroupBox()
        self.details.setObjectName("referralDetails")
        form = QFormLayout(self.details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_titles: dict[str, QLabel] = {}
        self.detail_values: dict[str, QLabel] = {}
        for key in ("summary", "findings", "goods", "decision", "package"):
            title, value = QLabel(), QLabel()
            value.setObjectName(f"referralDetail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_titles[key], self.detail_values[key] = title, value
            form.addRow(title, value)
        return self.details

    def _shortcuts(self) -> None:
        for keys, action in (("Ctrl+Return", self.approve_selected),
                             ("Ctrl+D", self.ask_decline),
                             ("Ctrl+T", self.mark_transferred),
                             ("Ctrl+E", self.build_package)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        if self._ctx.workspace is None:
            return
        self.loading.loaded()
        now = self.clock()
        self._ctx.db.submit(referral_ops.load_referrals(now),
                            on_result=lambda rows: self._loaded(rows, now),
                            on_error=self._failed)

    def _loaded(self, rows: tuple[ReferralView, ...], now: datetime) -> None:
        wanted = self.current.uuid if self.current else None
        self.rows = rows
        self.model.now = now
        self.table.selectionModel().blockSignals(True)
        self.model.set_snapshot(rows, [_search_text(r) for r in rows])
        self.table.selectionModel().blockSignals(False)
        self.select_referral(wanted)

    def select_referral(self, uuid: str | None) -> bool:
        row = None if uuid is None else self.model.find_row(lambda r: r.uuid == uuid)
        selected = select_row(self.table, row)
        self._chosen()
        return selected

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        current = self.model.row_at(rows[0].row()) if rows else None
        if current is None or self.current is None or current.uuid != self.current.uuid:
            self.cancel_decline()
        self.current = current
        self._refresh()

    # -- actions ----------------------------------------------------------------------------

    def approve_selected(self) -> None:
        referral = self._selected(ReferralStatus.AWAITING_DECISION)
        if referral is None or not self._may_decide():
            return
        if not confirm(self, self.tr("Approve transfer"), self.tr(
                "Approve the transfer of the clue about %1 to %2? The approval is recorded "
                "in the audit log, and the transfer is then due within 24 hours.")
                .replace("%1", referral.entity_name).replace("%2", referral.recipient)):
            return
        self._submit(referral_ops.decide_referral_op(
            referral.uuid, approve=True, note="", actor=self._ctx.actor, now=self.clock()),
            lambda view: self.tr("Transfer approved: hand it over to %1 by %2.")
            .replace("%1", view.recipient).replace("%2", china_time(view.transfer_due)))

    def ask_decline(self) -> None:
        """Decline…: ask the reasons in the line under the table."""
        if self._selected(ReferralStatus.AWAITING_DECISION) is None or not self._may_decide():
            return
        for widget in self.decline_widgets:
            widget.setVisible(True)
        self.reasons_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def decline_selected(self) -> None:
        referral = self._selected(ReferralStatus.AWAITING_DECISION)
        if referral is None:
            return
        self._submit(referral_ops.decide_referral_op(
            referral.uuid, approve=False, note=self.reasons_edit.text(),
            actor=self._ctx.actor, now=self.clock()),
            lambda _view: self.tr("Declined; the reasons are recorded."),
            on_done=self.cancel_decline)

    def cancel_decline(self) -> None:
        self.reasons_edit.clear()
        for widget in self.decline_widgets:
            widget.setVisible(False)

    def mark_transferred(self) -> None:
        referral = self._selected(ReferralStatus.APPROVED)
        if referral is None:
            return
        if not confirm(self, self.tr("Mark transferred"), self.tr(
                "Record that the clue about %1 was handed over to %2?")
                .replace("%1", referral.entity_name).replace("%2", referral.recipient)):
            return
        self._submit(referral_ops.mark_transferred_op(referral.uuid, self._ctx.actor,
                                                      now=self.clock()),
                     lambda view: self.tr("Transferred to %1.").replace("%1", view.recipient))

    def build_package(self) -> None:
        """Build evidence package…: choose a folder, then build it on the DB thread."""
        if self.current is None or self._building:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the evidence package"), str(Path.home()))
        if folder:
            self.build_package_into(Path(folder))

    def build_package_into(self, folder: Path) -> None:
        referral = self.current
        if referral is None or self._building:
            return
        self._building = True
        self._set_message(lambda: self.tr("Building the evidence package…"))
        self._ctx.db.submit(
            referral_ops.build_package_op(referral.uuid, folder, self._ctx.actor),
            on_result=self._built, on_error=self._build_failed)

    def _built(self, built: BuiltPackage) -> None:
        self._building, self.built = False, built
        self._set_message(lambda: self.tr("Evidence package written to %1 (%2 files), "
                                          "SHA-256 %3")
                          .replace("%1", str(built.path)).replace("%2", str(built.files))
                          .replace("%3", built.sha256))

    def _build_failed(self, error: BaseException) -> None:
        self._building = False
        self._failed(error)

    def _submit(self, op: Op[ReferralView],
                said: Callable[[ReferralView], str],
                on_done: Callable[[], None] | None = None) -> None:
        def done(view: ReferralView) -> None:
            if on_done is not None:
                on_done()
            self._set_message(lambda: said(view))

        self._ctx.db.submit(op, on_result=done, on_error=self._failed)

    # -- state ------------------------------------------------------------------------------

    def _selected(self, status: ReferralStatus) -> ReferralView | None:
        current = self.current
        return current if current is not None and current.status is status else None

    def _may_decide(self) -> bool:
        return self._ctx.role in DECIDERS

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        self._refresh()

    def _refresh(self) -> None:
        self._word_summary()
        deciding = self._may_decide()
        awaiting = self._selected(ReferralStatus.AWAITING_DECISION) is not None
        self.approve_button.setVisible(deciding)
        self.decline_button.setVisible(deciding)
        self.approve_button.setEnabled(deciding and awaiting)
        self.decline_button.setEnabled(deciding and awaiting)
        self.transfer_button.setEnabled(self._selected(ReferralStatus.APPROVED) is not None)
        self.package_button.setEnabled(self.current is not None and not self._building)
        self._word_details()
        show_message(self.message_label, self._message)

    def _word_summary(self) -> None:
        rows, now = self.rows, self.model.now
        text = self.tr("%1 referrals: %2 awaiting the head's decision, %3 to transfer, %4 "
                       "overdue. The head decides within 3 days of a referral; an approved "
                       "clue is transferred within 24 hours.")
        for key, value in (
                ("%1", len(rows)),
                ("%2", sum(r.status is ReferralStatus.AWAITING_DECISION for r in rows)),
                ("%3", sum(r.status is ReferralStatus.APPROVED for r in rows)),
                ("%4", sum(r.overdue(now) for r in rows))):
            text = text.replace(key, str(value))
        self.summary_label.setText(text)

    def _word_details(self) -> None:
        referral = self.current
        self.details.setTitle(self.tr("Details") if referral is None else self.tr(
            "Details: %1 → %2").replace("%1", referral.entity_name)
            .replace("%2", referral.recipient))
        values = self.detail_values
        if referral is None:
            for label in values.values():
                label.setText(NONE)
            return
        values["summary"].setText(referral.summary or NONE)
        values["findings"].setText("、".join(referral.item_keys) or NONE)
        values["goods"].setText(self._goods_text(referral))
        values["decision"].setText(self._decision_text(referral))
        values["package"].setText(referral.package_sha256 or self.tr("not built yet"))

    def _goods_text(self, referral: ReferralView) -> str:
        if not referral.goods:
            return self.tr("none listed")
        names = "、".join(g.name for g in referral.goods)
        return self.tr("%1 rows: %2").replace("%1", str(len(referral.goods))).replace("%2", names)

    def _decision_text(self, referral: ReferralView) -> str:
        if referral.decided_at is None:
            return self.tr("awaiting the head's decision, due %1").replace(
                "%1", china_time(referral.decision_due))
        approved = referral.transfer_due is not None
        text = (self.tr("Approved on %1") if approved else self.tr("Declined on %1")).replace(
            "%1", china_time(referral.decided_at))
        if referral.transferred_at is not None:
            text += self.tr("; transferred on %1").replace(
                "%1", china_time(referral.transferred_at))
        if referral.decision_note:
            text += self.tr(": %1").replace("%1", referral.decision_note)
        return text

    def retranslate(self) -> None:
        self.title.setText(self.tr("Case-clue referrals"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by entity, recipient, summary…"))
        for button, text, tip in (
                (self.approve_button, self.tr("Approve transfer"),
                 self.tr("The head approves the transfer; it is then due within 24 hours "
                         "(Ctrl+Enter)")),
                (self.decline_button, self.tr("Decline…"),
                 self.tr("Not transferred: the reasons are recorded (Ctrl+D)")),
                (self.transfer_button, self.tr("Mark transferred"),
                 self.tr("Record the hand-over of an approved referral (Ctrl+T)")),
                (self.package_button, self.tr("Build evidence package…"),
                 self.tr("The record PDF, the photo originals, the goods and a manifest in "
                         "one .zip, with its SHA-256 (Ctrl+E)"))):
            button.setText(text)
            button.setToolTip(tip)
        self.decline_label.setText(self.tr("&Reasons for declining:"))
        self.reasons_edit.setPlaceholderText(self.tr("Required: they are recorded with the "
                                                     "decision (Enter declines, Esc cancels)"))
        self.confirm_decline_button.setText(self.tr("Decline"))
        self.cancel_decline_button.setText(self.tr("Cancel"))
        for key, text in (("summary", self.tr("Summary")), ("findings", self.tr("Findings")),
                          ("goods", self.tr("Goods")), ("decision", self.tr("Decision")),
                          ("package", self.tr("Package SHA-256"))):
            self.detail_titles[key].setText(text)
        self.model.retranslate(self._ctx.lang)
        self._refresh()


def _status_text(row: ReferralView, lang: Lang) -> str:
    return STATUS_LABELS[row.status].render(lang)


def _recipient_text(row: ReferralView, lang: Lang) -> str:
    separator = "：" if lang is Lang.ZH else ": "
    return f"{RECIPIENT_LABELS[row.recipient_kind].render(lang)}{separator}{row.recipient}"


def _search_text(row: ReferralView) -> str:
    kinds = " ".join(RECIPIENT_LABELS[row.recipient_kind].render(lang) for lang in Lang)
    return f"{row.entity_name} {kinds} {row.recipient} {row.summary}".casefold()
