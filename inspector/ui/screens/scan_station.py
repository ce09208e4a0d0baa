"""The scan station (扫码交接): scan a sealed portion's label, see its chain of custody,
record the next step; or hand over a whole batch at the lab counter.

Contract: main thread. A USB barcode scanner types like a keyboard: the characters, then
Enter. The large scan field keeps the focus (the screen's focus proxy; the step buttons,
tables and toggle take no focus; every dialog gives it back when it closes) and after each
scan its text stays selected, so the next scan replaces it. What was scanned is read on
the UI thread by :func:`~inspector.ui.custody_ops.portion_code_of_scan` (a portion code
from the Code 128 symbol or the label's QR payload, blanks and lower case accepted): a
malformed one is said in red with the reason (length, shape, check character), with no
database lookup. A well-formed code is looked up by an op on the DB thread; an unknown
one is said in red ("本机没有份样 …"); a found one shows its sample name, portion code and
role, its chain (``#``, time in China time, step, by whom, place, from → to, seal,
result and report, reason) and one button per step the chain allows next, the most
likely first (receipt after a hand-over or a transit, else the chain's own order).

Keys: Enter looks up what was scanned; Alt+1…Alt+9 open the dialog of the n-th next
step and Ctrl+Enter that of the first (the default); Ctrl+B turns the batch hand-over
on or off; Esc clears the scan field. A step is recorded through
:class:`~inspector.ui.widgets.custody_step_dialog.CustodyStepDialog` (asking only that
step's fields) and the ``record_custody`` op, as the acting user at ``clock()`` (UTC now
unless a test sets it); the service's refusal shows in the dialog, which stays open,
and nothing is written. Once recorded, ``custody_recorded(CustodyEntry)`` is emitted and
the chain reloads (the bus reports ``Topic.SAMPLES``: :class:`LoadOnShow`).

Batch hand-over: turning it on asks the hand-over's details once (from, to, seal,
place); then every portion scanned is recorded as handed over with them at once, and
listed as recorded or not with the reason (malformed, unknown, a step its chain does not
allow now, or already handed over in this batch). The last portion scanned shows below.
Turning it off keeps the list until the next batch starts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.custody import KIND_LABELS, CustodyEntry
from inspector.core.lifecycles import CustodyEventKind, PortionRole
from inspector.core.sample_codes import SampleCodeError
from inspector.core.text import Lang
from inspector.core.workdays import CHINA_TIME
from inspector.services.changes import Topic
from inspector.services.samples import CustodyDetails, PortionCustody
from inspector.ui.context import AppContext
from inspector.ui.custody_ops import (
    load_portion_custody,
    portion_code_of_scan,
    record_custody_op,
)
from inspector.ui.record_table import record_table
from inspector.ui.screen_loading import LoadOnShow
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel
from inspector.ui.widgets.custody_step_dialog import CustodyStepDialog, prefilled
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, error_text, show_message

_K = CustodyEventKind
NONE = "—"
MAX_STEP_KEYS = 9  # Alt+1 … Alt+9
BROKEN_BACKGROUND = QBrush(QColor("#f8c9c4"))
DONE_BACKGROUND = QBrush(QColor("#d9f0db"))
DEFAULT_STEP_STYLE = ("QPushButton { font-weight: bold; color: white; background: #1f4e79; "
                      "border: 1px solid #163a5a; border-radius: 4px; padding: 4px 12px; }")
# After these, the lab's receipt is what usually comes next (the chain lists it later).
_LIKELY_NEXT = {_K.HANDED_OVER: _K.RECEIVED, _K.IN_TRANSIT: _K.RECEIVED}


def utc_now() -> datetime:
    return datetime.now(UTC)


def ordered_steps(custody: PortionCustody) -> tuple[CustodyEventKind, ...]:
    """The steps that may come next, the most likely first (the default)."""
    steps = custody.next_steps
    last = custody.entries[-1].kind if custody.entries else None
    likely = _LIKELY_NEXT.get(last) if last is not None else None
    if likely is None or likely not in steps:
        return steps
    return (likely, *(step for step in steps if step is not likely))


@dataclass(frozen=True, slots=True)
class BatchLine:
    """One scan of a batch hand-over: what was scanned, recorded or not, and why."""

    number: int
    code: str
    recorded: bool
    text: Callable[[], str]  # worded when shown, in the language of the moment


class ChainTableModel(SnapshotTableModel[CustodyEntry]):
    """A portion's chain of custody, in order."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[CustodyEntry]] = [
            Column(lambda: "#", lambda e, _l: str(e.seq), sort_key=lambda e: e.seq,
                   align_right=True),
            Column(lambda: self.tr("Time"), lambda e, _l: _china_time(e.occurred_at),
                   sort_key=lambda e: e.occurred_at),
            Column(lambda: self.tr("Step"), lambda e, lang: KIND_LABELS[e.kind].render(lang)),
            Column(lambda: self.tr("By"), lambda e, _l: e.actor),
            Column(lambda: self.tr("Place"), lambda e, _l: e.place or NONE),
            Column(lambda: self.tr("From → to"), lambda e, _l: _parties(e)),
            Column(lambda: self.tr("Seal"), lambda e, _l: self.seal_text(e),
                   background=lambda e: BROKEN_BACKGROUND if e.seal_intact is False else None),
            Column(lambda: self.tr("Result / report"), lambda e, _l: self.result_text(e)),
            Column(lambda: self.tr("Reason"), lambda e, _l: e.reason or NONE),
        ]
        super().__init__(columns, lang, parent)

    def seal_text(self, entry: CustodyEntry) -> str:
        if entry.seal_intact is None:
            return NONE
        return self.tr("intact") if entry.seal_intact else self.tr("broken")

    def result_text(self, entry: CustodyEntry) -> str:
        if entry.result is None:
            return entry.report_number or NONE
        verdict = self.tr("pass") if entry.result == "pass" else self.tr("fail")
        return f"{verdict} · {entry.report_number}" if entry.report_number else verdict


class BatchTableModel(SnapshotTableModel[BatchLine]):
    """The scans of a batch hand-over, in order; those not recorded in red."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[BatchLine]] = [
            Column(lambda: "#", lambda b, _l: str(b.number), sort_key=lambda b: b.number,
                   align_right=True),
            Column(lambda: self.tr("Portion"), lambda b, _l: b.code),
            Column(lambda: self.tr("Outcome"), lambda b, _l: b.text(),
                   background=lambda b: DONE_BACKGROUND if b.recorded else BROKEN_BACKGROUND),
        ]
        super().__init__(columns, lang, parent)


class ScanStationScreen(QWidget):
    custody_recorded = Signal(object)  # CustodyEntry
    portion_shown = Signal(object)  # PortionCustody, or None when cleared

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.clock = clock
        self.shown_code: str | None = None  # the portion whose chain is (to be) shown
        self.current: PortionCustody | None = None
        self.steps: tuple[CustodyEventKind, ...] = ()  # in button order, default first
        self.step_buttons: list[QPushButton] = []
        self.dialog: CustodyStepDialog | None = None
        self.batch: CustodyDetails | None = None
        self.batch_lines: list[BatchLine] = []
        self._ticket = 0  # only the newest lookup's answer is shown
        self._message: Message = NO_MESSAGE
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("scanMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setFont(_font(14, bold=True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(self._scan_bar())
        layout.addWidget(self.message_label)
        layout.addWidget(self._batch_box())
        layout.addWidget(self._portion_box(), 1)
        self.setFocusProxy(self.scan_field)
        self._shortcuts()
        self.loading = LoadOnShow(self, ctx, self.refresh_portion, frozenset({Topic.SAMPLES}))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    # -- building ---------------------------------------------------------------------------

    def _scan_bar(self) -> QHBoxLayout:
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setFont(_font(20))
        self.scan_field.setMinimumHeight(52)
        self.scan_field.setClearButtonEnabled(True)
        self.scan_field.returnPressed.connect(self.submit_scan)
        QShortcut(QKeySequence("Escape"), self.scan_field, self.scan_field.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.scan_button = self._button("scanButton", self.submit_scan)
        self.batch_button = self._button("batchHandOverButton", self.toggle_batch)
        self.batch_button.setCheckable(True)
        for button in (self.scan_button, self.batch_button):
            button.setMinimumHeight(52)
        bar = QHBoxLayout()
        bar.addWidget(self.scan_field, 1)
        bar.addWidget(self.scan_button)
        bar.addWidget(self.batch_button)
        return bar

    def _button(self, name: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        button.clicked.connect(lambda _checked=False: action())
        return button

    def _batch_box(self) -> QGroupBox:
        self.batch_box = QGroupBox()
        self.batch_box.setObjectName("batchBox")
        self.batch_summary = QLabel()
        self.batch_summary.setObjectName("batchSummary")
        self.batch_summary.setWordWrap(True)
        self.batch_model = BatchTableModel(self._ctx.lang, self)
        self.batch_table = record_table(self.batch_model, "batchTable", (40, 220))
        self.batch_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.batch_table.setMaximumHeight(180)
        box = QVBoxLayout(self.batch_box)
        box.addWidget(self.batch_summary)
        box.addWidget(self.batch_table)
        self.batch_box.setVisible(False)
        return self.batch_box

    def _portion_box(self) -> QGroupBox:
        self.portion_box = QGroupBox()
        self.portion_box.setObjectName("portionBox")
        self.info_titles = [QLabel() for _ in range(3)]
        self.sample_label, self.code_label, self.role_label = (QLabel() for _ in range(3))
        info = QFormLayout()
        for title, value, name in zip(self.info_titles,
                                      (self.sample_label, self.code_label, self.role_label),
                                      ("portionSample", "portionCode", "portionRole"),
                                      strict=True):
            value.setObjectName(name)
            value.setFont(_font(13, bold=True))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            info.addRow(title, value)
        self.steps_title = QLabel()
        self.closed_label = QLabel()
        self.closed_label.setObjectName("chainClosed")
        self.steps_bar = QHBoxLayout()
        self.steps_bar.addWidget(self.steps_title)
        self.steps_bar.addWidget(self.closed_label)
        self.steps_bar.addStretch(1)
        self.chain_model = ChainTableModel(self._ctx.lang, self)
        self.chain_table = record_table(self.chain_model, "chainTable",
                                        (36, 130, 120, 90, 150, 280, 60, 150))
        self.chain_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box = QVBoxLayout(self.portion_box)
        box.addLayout(info)
        box.addLayout(self.steps_bar)
        box.addWidget(self.chain_table, 1)
        return self.portion_box

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for number in range(1, MAX_STEP_KEYS + 1):
            QShortcut(QKeySequence(f"Alt+{number}"), self,
                      lambda n=number: self.open_step_at(n - 1), context=context)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, lambda: self.open_step_at(0), context=context)
        QShortcut(QKeySequence("Ctrl+B"), self, self.batch_button.click, context=context)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_scan()

    def focus_scan(self) -> None:
        """Ready for the next label: the scan field focused, its text selected."""
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scan_field.selectAll()

    # -- scanning and looking up --------------------------------------------------------------

    def submit_scan(self) -> None:
        """Enter: read the scanned text; look the portion up (or, in a batch, hand it over)."""
        scanned = self.scan_field.text().strip()
        self.focus_scan()
        if not scanned:
            return
        try:
            code = portion_code_of_scan(scanned)
        except SampleCodeError as exc:
            self._unreadable(scanned, exc)
            return
        if self.batch is not None:
            self._hand_over(code, self.batch)
        else:
            self.look_up(code)

    def look_up(self, code: str) -> None:
        self.shown_code = code
        self._show_portion(None)
        self._set_message(lambda: self.tr("Looking up %1…").replace("%1", code))
        self._load(code, announce=True)

    def refresh_portion(self) -> None:
        """Load the shown portion's chain again (its records changed, or the screen shows)."""
        self.loading.loaded()
        if self.shown_code is not None and self._ctx.workspace is not None:
            self._load(self.shown_code, announce=False)

    def _unreadable(self, scanned: str, error: SampleCodeError) -> None:
        self._ticket += 1  # an answer still on its way is for an earlier label
        self.shown_code = None
        self._show_portion(None)
        if self.batch is not None:
            self._add_line(scanned, False, lambda: error.text.render(self._ctx.lang))
        self._set_message(lambda: self.tr("Cannot read this label: %1")
                          .replace("%1", error.text.render(self._ctx.lang)), True)

    def _load(self, code: str, *, announce: bool) -> None:
        self._ticket += 1
        ticket = self._ticket
        self._ctx.db.submit(load_portion_custody(code),
                            on_result=lambda custody: self._loaded(ticket, custody, announce),
                            on_error=lambda error: self._not_found(ticket, error, announce))

    def _loaded(self, ticket: int, custody: PortionCustody, announce: bool) -> None:
        if ticket != self._ticket:
            return
        self._show_portion(custody)
        if announce:
            self._set_message(lambda: self._found_text(custody))

    def _not_found(self, ticket: int, error: BaseException, announce: bool) -> None:
        if ticket != self._ticket:
            return
        self.shown_code = None
        self._show_portion(None)
        if announce:
            self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _found_text(self, custody: PortionCustody) -> str:
        steps = ordered_steps(custody)
        if not steps:
            return self.tr("Found %1: its chain of custody is closed.").replace(
                "%1", custody.portion_code)
        return self.tr("Found %1. Next: %2 (Ctrl+Enter), or another step (Alt+1…).").replace(
            "%1", custody.portion_code).replace("%2", self._kind_text(steps[0]))

    def _show_portion(self, custody: PortionCustody | None) -> None:
        self.current = custody
        self.steps = ordered_steps(custody) if custody is not None else ()
        rows = custody.entries if custody is not None else ()
        self.chain_model.set_snapshot(rows, [""] * len(rows))
        if rows:
            self.chain_table.scrollToBottom()
        self._word_portion()
        self._rebuild_step_buttons()
        self.portion_shown.emit(custody)

    # -- recording one step -------------------------------------------------------------------

    def open_step_at(self, index: int) -> None:
        if 0 <= index < len(self.steps):
            self.open_step(self.steps[index])

    def open_step(self, kind: CustodyEventKind) -> CustodyStepDialog | None:
        """The dialog of step ``kind`` of the shown portion (None: not a step it allows)."""
        custody = self.current
        if custody is None or kind not in custody.next_steps:
            return None
        actor = self._ctx.actor
        dialog = self._open_dialog(kind, custody.portion_code,
                                   prefilled(kind, custody.entries, actor.name))
        dialog.details_given.connect(
            lambda details: self._record(dialog, custody.portion_code, kind, details))
        return dialog

    def _open_dialog(self, kind: CustodyEventKind, code: str | None,
                     proposal: CustodyDetails) -> CustodyStepDialog:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        dialog = CustodyStepDialog(kind, code, proposal=proposal,
                                   actor_name=self._ctx.actor.name, lang=self._ctx.lang,
                                   parent=self)
        dialog.finished.connect(lambda _result: self.focus_scan())
        self._ctx.language_changed.connect(dialog.retranslate)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _record(self, dialog: CustodyStepDialog, code: str, kind: CustodyEventKind,
                details: CustodyDetails) -> None:
        def recorded(entry: CustodyEntry) -> None:
            dialog.finish()
            self._set_message(lambda: self.tr("Recorded: %1 of %2 (event %3).")
                              .replace("%1", self._kind_text(entry.kind))
                              .replace("%2", entry.portion_code)
                              .replace("%3", str(entry.seq)))
            self.custody_recorded.emit(entry)

        self._ctx.db.submit(
            record_custody_op(code, kind, details, self._ctx.actor, now=self.clock(),
                              photo=dialog.photo_path),
            on_result=recorded,
            on_error=lambda error: dialog.refuse(error_text(self._ctx.lang, error)))

    # -- batch hand-over ----------------------------------------------------------------------

    def toggle_batch(self) -> None:
        """The batch toggle (Ctrl+B): on asks the hand-over's details first; off ends it."""
        if self.batch is not None:
            self.end_batch()
            return
        self.batch_button.setChecked(False)  # checked once the details are given
        entries = self.current.entries if self.current is not None else ()
        dialog = self._open_dialog(_K.HANDED_OVER, None,
                                   prefilled(_K.HANDED_OVER, entries, self._ctx.actor.name))
        dialog.details_given.connect(lambda details: self._start_batch(dialog, details))

    def _start_batch(self, dialog: CustodyStepDialog, details: CustodyDetails) -> None:
        dialog.finish()
        self.batch = details
        self.batch_lines = []
        self.batch_model.set_snapshot((), [])
        self.batch_button.setChecked(True)
        self.batch_box.setVisible(True)
        self._set_message(lambda: self.tr("Batch hand-over on: scan each portion's label."))

    def end_batch(self) -> None:
        self.batch = None
        self.batch_button.setChecked(False)
        self.batch_box.setVisible(bool(self.batch_lines))
        recorded = sum(line.recorded for line in self.batch_lines)
        self._set_message(lambda: self.tr("Batch hand-over off: %1 handed over, %2 not.")
                          .replace("%1", str(recorded))
                          .replace("%2", str(len(self.batch_lines) - recorded)))

    def _hand_over(self, code: str, details: CustodyDetails) -> None:
        self.shown_code = code
        self._show_portion(None)
        if any(line.recorded and line.code == code for line in self.batch_lines):
            self._hand_over_refused(code, lambda: self.tr(
                "already handed over in this batch: not recorded again"))
            return

        def recorded(entry: CustodyEntry) -> None:
            self._add_line(code, True, lambda: self.tr("handed over (event %1)")
                           .replace("%1", str(entry.seq)))
            self._set_message(lambda: self.tr("Handed over: %1.").replace("%1", code))
            self.custody_recorded.emit(entry)

        self._ctx.db.submit(
            record_custody_op(code, _K.HANDED_OVER, details, self._ctx.actor, now=self.clock()),
            on_result=recorded,
            on_error=lambda error: self._hand_over_refused(
                code, lambda: error_text(self._ctx.lang, error)))

    def _hand_over_refused(self, code: str, reason: Callable[[], str]) -> None:
        self._add_line(code, False, reason)
        def text() -> str:
            why = reason()  # the service's reasons name the portion already
            return self.tr("Not handed over: %1").replace(
                "%1", why if code in why else f"{code}: {why}")

        self._set_message(text, True)
        self.refresh_portion()  # its chain says why, when it is known here

    def _add_line(self, code: str, recorded: bool, text: Callable[[], str]) -> None:
        self.batch_lines.append(BatchLine(len(self.batch_lines) + 1, code, recorded, text))
        self.batch_model.set_snapshot(self.batch_lines, [""] * len(self.batch_lines))
        self.batch_table.scrollToBottom()
        self._word_batch()

    # -- wording ------------------------------------------------------------------------------

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        show_message(self.message_label, self._message)

    def _kind_text(self, kind: CustodyEventKind) -> str:
        return KIND_LABELS[kind].render(self._ctx.lang)

    def _role_text(self, role: PortionRole) -> str:
        if role is PortionRole.TEST:
            return self.tr("portion for testing")
        if role is PortionRole.BACKUP:
            return self.tr("backup portion for a recheck")
        return self.tr("other portion")

    def _rebuild_step_buttons(self) -> None:
        for button in self.step_buttons:
            self.steps_bar.removeWidget(button)
            button.hide()  # deleted later: it must not linger on screen until then
            button.deleteLater()
        self.step_buttons = []
        for number, kind in enumerate(self.steps, start=1):
            button = self._button(f"step_{kind.value}", functools.partial(self.open_step, kind))
            button.setMinimumHeight(36)
            if number == 1:
                button.setStyleSheet(DEFAULT_STEP_STYLE)
            self.step_buttons.append(button)
            self.steps_bar.insertWidget(number, button)
            button.show()  # Qt would show a widget added to a shown layout only later
        self._word_steps()

    def _word_steps(self) -> None:
        for number, (button, kind) in enumerate(zip(self.step_buttons, self.steps,
                                                    strict=True), start=1):
            keys = f"Alt+{number}" if number <= MAX_STEP_KEYS else ""
            button.setText(f"{self._kind_text(kind)}  {keys}".strip())
            button.setToolTip(self.tr("%1, or Ctrl+Enter: the most likely next step")
                              .replace("%1", keys) if number == 1 else keys)
        custody = self.current
        self.steps_title.setText(self.tr("Next step:") if self.steps else "")
        self.closed_label.setText(
            self.tr("Scan a portion's label to see its chain of custody.") if custody is None
            else "" if self.steps else
            self.tr("The chain is closed: nothing more happens to this portion."))

    def _word_portion(self) -> None:
        custody = self.current
        if custody is None:
            for label in (self.sample_label, self.code_label, self.role_label):
                label.setText(NONE)
            return
        self.sample_label.setText(custody.sample_name)
        self.code_label.setText(custody.portion_code)
        self.role_label.setText(self._role_text(custody.role))

    def _word_batch(self) -> None:
        details = self.batch
        recorded = sum(line.recorded for line in self.batch_lines)
        counts = self.tr("%1 handed over, %2 not.").replace("%1", str(recorded)).replace(
            "%2", str(len(self.batch_lines) - recorded))
        if details is None:
            self.batch_box.setTitle(self.tr("Last batch hand-over"))
            self.batch_summary.setText(counts)
            return
        seal = self.tr("seal intact") if details.seal_intact else self.tr("seal broken")
        self.batch_box.setTitle(self.tr("Batch hand-over (Ctrl+B ends it)"))
        self.batch_summary.setText(self.tr("Each portion scanned is recorded as handed over "
                                           "from %1 to %2, %3, at %4. %5")
                                   .replace("%1", details.from_party)
                                   .replace("%2", details.to_party).replace("%3", seal)
                                   .replace("%4", details.place or NONE)
                                   .replace("%5", counts))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Scan station"))
        self.hint.setText(self.tr(
            "Scan a portion's label (its barcode or its QR code), or type the portion code "
            "and press Enter. Alt+1…Alt+9 record the next step, Ctrl+Enter the most likely "
            "one; Ctrl+B hands over many portions in a row."))
        self.scan_field.setPlaceholderText(self.tr("Scan or type a portion code, e.g. "
                                                   "132601230A300017E-P01"))
        self.scan_button.setText(self.tr("Look up"))
        self.scan_button.setToolTip(self.tr("Enter"))
        self.batch_button.setText(self.tr("Batch hand-over"))
        self.batch_button.setToolTip(self.tr("Record a hand-over of every portion scanned, "
                                             "with the same details (Ctrl+B)"))
        self.portion_box.setTitle(self.tr("Portion"))
        for title, text in zip(self.info_titles, (self.tr("Sample"), self.tr("Portion code"),
                                                  self.tr("Role")), strict=True):
            title.setText(text)
        self.chain_model.retranslate(self._ctx.lang)
        self.batch_model.retranslate(self._ctx.lang)
        self._word_portion()
        self._word_steps()
        self._word_batch()
        show_message(self.message_label, self._message)


def _font(point_size: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    return font


def _china_time(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")


def _parties(entry: CustodyEntry) -> str:
    if entry.from_party and entry.to_party:
        return f"{entry.from_party} → {entry.to_party}"
    if entry.to_party:
        return f"→ {entry.to_party}"
    return entry.from_party or NONE
