"""The sampling board (样品): every sample on this laptop, where it stands, what is due.

Contract: main thread. The board loads through an op (``load_samples`` on the DB
thread) when the screen is shown and, while it is shown, whenever the bus reports
samples (:class:`~inspector.ui.screen_loading.LoadOnShow`); an inspector sees the
samples they took, team leads, administrators and auditors all of them. Each row: the
sample code, the sample's name, the sampled entity, its stage (待送检, 检验中, 复检申请期内,
备份样品保存中, …, with the result and report number once known), what is due and by
when (China time; red and bold once past, on the board's clock, re-judged every minute
without reloading), and when it was taken. The summary counts the open samples, those
overdue and those due within :data:`SOON_DAYS` days. Below, the selected sample's
portions and the rule its deadline comes from. Actions on the selected sample, from
the Print and Save as PDF menus: its labels or its seals (封条) at the chosen size
(Ctrl+P prints the labels), the 抽样单 (four copies) and the 样品移交确认单, via
:class:`~inspector.ui.pdf_output.PdfOutput`. The board's clock is ``clock`` (UTC now
unless a test sets it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.roles import Role
from inspector.core.sample_progress import Stage
from inspector.core.text import Lang
from inspector.labels.sample_label import LabelSize
from inspector.services.changes import Topic
from inspector.services.sample_board import SampleView
from inspector.ui import sample_ops
from inspector.ui.board_palette import (
    CLOSED_FOREGROUND,
    OVERDUE_BACKGROUND,
    OVERDUE_FOREGROUND,
    WAITING_BACKGROUND,
)
from inspector.ui.context import AppContext
from inspector.ui.pdf_output import PdfOutput
from inspector.ui.record_printing import A4_MM
from inspector.ui.record_table import record_table, select_row
from inspector.ui.screen_loading import LoadOnShow
from inspector.ui.screens.referrals import china_time, utc_now
from inspector.ui.snapshot_table_model import AnyIndex, Column, SnapshotTableModel
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, error_text, show_message
from inspector.ui.widgets.sample_wizard import LABEL_SIZES

_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
CLOCK_TICK_MS = 60_000
SOON_DAYS = 2
DOCUMENTS = ("labels", "seals", "form", "handover")


def _overdue(row: SampleView, now: datetime) -> bool:
    due = row.progress.due_at
    return due is not None and now > due


class SampleTableModel(SnapshotTableModel[SampleView]):
    """Samples: code, name, entity, stage, due, taken at."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.now = utc_now()
        columns: list[Column[SampleView]] = [
            Column(lambda: self.tr("Sample code"), lambda r, _l: r.sample_code),
            Column(lambda: self.tr("Sample"), lambda r, _l: r.name),
            Column(lambda: self.tr("Entity"), lambda r, _l: r.entity_name),
            Column(lambda: self.tr("Stage"), self.stage_text,
                   sort_key=lambda r: list(Stage).index(r.progress.stage),
                   background=lambda r: WAITING_BACKGROUND
                   if r.progress.stage is Stage.REFUSED_BY_LAB else None),
            Column(lambda: self.tr("Due"), self.due_text,
                   sort_key=lambda r: r.progress.due_at or datetime.max.replace(tzinfo=UTC),
                   background=lambda r: OVERDUE_BACKGROUND if _overdue(r, self.now)
                   else None),
            Column(lambda: self.tr("Taken at"), lambda r, _l: china_time(r.sampled_at),
                   sort_key=lambda r: r.sampled_at),
        ]
        super().__init__(columns, lang, parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_now(self, now: datetime) -> None:
        self.now = now
        if self.shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.shown - 1, self.columnCount() - 1))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole.value) -> Any:
        if role in (_FOREGROUND, _FONT):
            row = self.row_at(index.row())
            late = _overdue(row, self.now)
            if role == _FONT:
                return self._bold if late else None
            if late:
                return OVERDUE_FOREGROUND
            return CLOSED_FOREGROUND if row.progress.stage is Stage.CLOSED else None
        return super().data(index, role)

    def stage_text(self, row: SampleView, lang: Lang) -> str:
        text = row.progress.stage.label().render(lang)
        if row.progress.result:
            result = self.tr("pass") if row.progress.result == "pass" else self.tr("fail")
            text += f" · {result}"
            if row.progress.report_number:
                text += f" · {row.progress.report_number}"
        return text

    def due_text(self, row: SampleView, lang: Lang) -> str:
        progress = row.progress
        if progress.due_at is None or progress.due_what is None:
            return "—"
        text = f"{progress.due_what.render(lang)} · {china_time(progress.due_at)}"
        return self.tr("%1 · overdue").replace("%1", text) if _overdue(row, self.now) else text


class SamplesScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.clock = clock
        self.rows: tuple[SampleView, ...] = ()
        self.current: SampleView | None = None
        self._message: Message = NO_MESSAGE
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("samplesSummary")
        self.summary_label.setWordWrap(True)
        self.model = SampleTableModel(ctx.lang, self)
        self.table = record_table(self.model, "samplesTable", (170, 160, 200, 190, 280, 130))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.details_label = QLabel()
        self.details_label.setObjectName("sampleDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = QLabel()
        self.message_label.setObjectName("samplesMessage")
        self.message_label.setWordWrap(True)
        self.output = PdfOutput(ctx, self)
        self.output.message.connect(
            lambda text, is_error: self._set_message(lambda: text, is_error))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary_label)
        layout.addLayout(self._action_bar())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details_label)
        layout.addWidget(self.message_label)
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.output_document("labels", True),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ticker = QTimer(self)
        self.ticker.setInterval(CLOCK_TICK_MS)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self.loading = LoadOnShow(self, ctx, self.reload, frozenset({Topic.SAMPLES}))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        ctx.role_changed.connect(lambda _role: self.reload() if self.isVisible() else None)
        self.retranslate()
        if ctx.workspace is not None:
            self.loading.workspace_opened()

    def _action_bar(self) -> QHBoxLayout:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("samplesFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.size_box = QComboBox()
        self.size_box.setObjectName("samplesLabelSize")
        for size in LABEL_SIZES:
            self.size_box.addItem(size.name, size.name)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.size_box)
        self.buttons: dict[bool, QPushButton] = {}
        self.document_actions: dict[tuple[str, bool], QAction] = {}
        for printing in (True, False):
            button = QPushButton()
            button.setObjectName("samplesPrintButton" if printing else "samplesSaveButton")
            menu = QMenu(button)
            for document in DOCUMENTS:
                action = menu.addAction("")
                action.triggered.connect(
                    lambda _c=False, d=document, p=printing: self.output_document(d, p))
                self.document_actions[(document, printing)] = action
            button.setMenu(menu)
            self.buttons[printing] = button
            bar.addWidget(button)
        return bar

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        if self._ctx.workspace is None:
            return
        self.loading.loaded()
        now = self.clock()
        mine = self._ctx.role is Role.INSPECTOR  # an inspector sees the samples they took
        self._ctx.db.submit(sample_ops.load_samples(now, mine),
                            on_result=lambda rows: self._loaded(rows, now),
                            on_error=self._failed)

    def _loaded(self, rows: tuple[SampleView, ...], now: datetime) -> None:
        wanted = self.current.sample_code if self.current else None
        self.rows = rows
        self.model.now = now
        self.table.selectionModel().blockSignals(True)
        self.model.set_snapshot(rows, [f"{r.sample_code} {r.name} {r.entity_name}".casefold()
                                       for r in rows])
        self.table.selectionModel().blockSignals(False)
        self.select_sample(wanted or (rows[0].sample_code if rows else None))

    def select_sample(self, code: str | None) -> bool:
        row = None if code is None else self.model.find_row(lambda r: r.sample_code == code)
        selected = select_row(self.table, row)
        self._chosen()
        return selected

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.current = self.model.row_at(rows[0].row()) if rows else None
        self._refresh()

    def _tick(self) -> None:
        self.model.set_now(self.clock())
        self._word_summary()

    # -- actions ----------------------------------------------------------------------------

    def label_size(self) -> LabelSize:
        return LABEL_SIZES[max(0, self.size_box.currentIndex())]

    def output_document(self, document: str, printing: bool) -> None:
        """Print or save one of :data:`DOCUMENTS` for the selected sample."""
        if self.current is None:
            return
        code = self.current.sample_code
        paper, min_dpi = A4_MM, 0
        if document in ("labels", "seals"):
            size = self.label_size()
            name, source = sample_ops.label_pdf_source(code, size, seals=document == "seals")
            paper = A4_MM if size.sheet is not None else (size.width, size.height)
            min_dpi = size.min_dpi
            file_name = f"{name}.pdf"
        else:
            file_name, source = sample_ops.form_pdf_source(code,
                                                           handover=document == "handover")
            name = file_name.removesuffix(".pdf")
        if printing:
            self.output.print(source, name, paper, min_dpi)
        else:
            self.output.save(source, file_name)

    # -- words ------------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        self._refresh()

    def _refresh(self) -> None:
        self._word_summary()
        for button in self.buttons.values():
            button.setEnabled(self.current is not None)
        self._word_details()
        show_message(self.message_label, self._message)

    def _word_summary(self) -> None:
        now = self.model.now
        open_rows = [r for r in self.rows if r.progress.stage is not Stage.CLOSED]
        soon = now + timedelta(days=SOON_DAYS)
        text = self.tr("%1 samples, %2 open: %3 overdue, %4 due within %5 days. A sample "
                       "reaches the lab within 5 working days of sampling.")
        for key, value in (("%1", len(self.rows)), ("%2", len(open_rows)),
                           ("%3", sum(_overdue(r, now) for r in open_rows)),
                           ("%4", sum(r.progress.due_at is not None
                                      and now <= r.progress.due_at <= soon
                                      for r in open_rows)),
                           ("%5", SOON_DAYS)):
            text = text.replace(key, str(value))
        self.summary_label.setText(text)

    def _word_details(self) -> None:
        sample = self.current
        if sample is None:
            self.details_label.setText(self.tr("No sample selected."))
            return
        text = self.tr("Portions: %1. Samplers: %2.").replace(
            "%1", "、".join(sample.portions) or "—").replace(
            "%2", "、".join(sample.sampler_names) or "—")
        if sample.progress.provisional:
            text += " " + self.tr("The deadline assumes weekends only: the holiday schedule "
                                  "of its year is not installed.")
        self.details_label.setText(text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Samples"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by code, sample, entity…"))
        self.size_box.setToolTip(self.tr("Label size: 60 × 40 mm, 50 × 30 mm (300 dpi "
                                         "printers) or an A4 sheet"))
        self.buttons[True].setText(self.tr("Print"))
        self.buttons[True].setToolTip(self.tr("Labels (Ctrl+P), seals, the sampling form, "
                                              "the hand-over form"))
        self.buttons[False].setText(self.tr("Save as PDF"))
        words = {"labels": self.tr("Labels"), "seals": self.tr("Seals (封条)"),
                 "form": self.tr("Sampling form (抽样单, 4 copies)"),
                 "handover": self.tr("Hand-over form (样品移交确认单)")}
        for (document, _printing), action in self.document_actions.items():
            action.setText(words[document])
        self.model.retranslate(self._ctx.lang)
        self._refresh()
