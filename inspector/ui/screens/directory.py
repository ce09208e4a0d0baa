"""The directory screen: market entities and inspectors, filter-as-you-type, import.

Contract: main thread. Each tab loads its snapshot through an op when the workspace
opens and again whenever the change bus reports its topic; the table never waits on the
database. Typing in the filter narrows the table at once; Enter selects the row whose
code or staff id equals the text exactly (USB barcode scanners type a code and Enter),
or the only row left. Administrators import with the Import button (Ctrl+I) or by
dropping one .xlsx/.csv file on the tab.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.roles import Role
from inspector.services.changes import ChangeSet, Topic
from inspector.services.directory_import import ImportKind
from inspector.ui import ops
from inspector.ui.context import AppContext
from inspector.ui.db_worker import Op
from inspector.ui.directory_models import EntityTableModel, InspectorTableModel
from inspector.ui.record_table import select_row
from inspector.ui.snapshot_table_model import SnapshotTableModel, enable_sorting
from inspector.ui.widgets.import_flow import ImportFlow

ROW_HEIGHT = 24
FIRST_PAGE_ROWS = 200


class DirectoryTab(QWidget):
    """One directory: filter field, counts, import button and the table."""

    rows_shown = Signal(int)  # a snapshot (perhaps only the first page) is on screen
    loaded = Signal(int)  # the complete snapshot is on screen: its row count

    def __init__(
        self,
        ctx: AppContext,
        kind: ImportKind,
        *,
        model: SnapshotTableModel[Any],
        load_op: Callable[[int | None], Op[Any]],
        exact_key: Callable[[Any], str],
        column_widths: tuple[int, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kind = kind
        self.model = model
        self._load_op = load_op
        self._exact_key = exact_key
        self.loading = False
        self.import_flow: ImportFlow | None = None
        self.setAcceptDrops(True)

        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setObjectName(f"{kind.value}Filter")
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.filter_edit.returnPressed.connect(self._select_exact)
        self.count_label = QLabel()
        self.import_button = QPushButton()
        self.import_button.setObjectName(f"{kind.value}ImportButton")
        self.import_button.clicked.connect(self.start_import)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.import_button)

        self.table = QTableView()
        self.table.setObjectName(f"{kind.value}Table")
        self.table.setModel(self.model)
        enable_sorting(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.hide()
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        for column, width in enumerate(column_widths):
            self.table.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self.model.visible_count_changed.connect(self._show_counts)
        ctx.bus.changed.connect(self._on_changed)
        ctx.role_changed.connect(lambda _role: self._apply_role())
        QShortcut(QKeySequence("Ctrl+I"), self, self.start_import,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Escape"), self.filter_edit, self.filter_edit.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._apply_role()
        self.retranslate()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.start_import_file(path)

    def _dropped_file(self, mime: QMimeData) -> Path | None:
        """The one local file dropped on the tab, when the acting role may import."""
        if self._ctx.role is not Role.ADMINISTRATOR or not mime.hasUrls():
            return None
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return files[0] if len(files) == 1 else None

    def reload(self) -> None:
        """Load a fresh snapshot on the DB thread.

        An empty table first gets one page of rows, painted at once, while the complete
        snapshot loads; the DB thread runs ops in order, so the page always comes first.
        """
        if self._ctx.workspace is None:
            return
        self.loading = True
        self._show_counts(self.model.shown, self.model.total)
        if self.model.total == 0:
            self._ctx.db.submit(self._load_op(FIRST_PAGE_ROWS), on_result=self._loaded)
        self._ctx.db.submit(self._load_op(None), on_result=self._loaded,
                            on_error=lambda _e: self._load_failed())

    def start_import(self) -> None:
        if not self.import_button.isVisible() or not self.import_button.isEnabled():
            return
        self.import_flow = ImportFlow(self._ctx, self.kind, self)
        self.import_flow.choose_and_start()

    def start_import_file(self, path: Path) -> None:
        """Import ``path`` without asking (drag and drop, the tour, tests)."""
        self.import_flow = ImportFlow(self._ctx, self.kind, self)
        self.import_flow.start(path)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by name, credit code, address, person… (Ctrl+F)")
            if self.kind is ImportKind.ENTITIES
            else self.tr("Filter by name, staff id, unit, certificate… (Ctrl+F)"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import from .xlsx or .csv (Ctrl+I)"))
        self.model.retranslate(self._ctx.lang)
        self._show_counts(self.model.shown, self.model.total)

    def _loaded(self, snapshot: Any) -> None:
        if not self.loading and not snapshot.complete:
            return  # the complete snapshot is already here
        self.loading = not snapshot.complete
        self.model.set_snapshot(snapshot.rows, snapshot.search_texts)
        self.rows_shown.emit(self.model.total)
        if snapshot.complete:
            self.loaded.emit(self.model.total)

    def _load_failed(self) -> None:
        self.loading = False
        self.count_label.setText(self.tr("Could not load the directory"))

    def _on_changed(self, changes: ChangeSet) -> None:
        topic = Topic.ENTITIES if self.kind is ImportKind.ENTITIES else Topic.INSPECTORS
        if topic in changes:
            self.reload()

    def _apply_role(self) -> None:
        self.import_button.setVisible(self._ctx.role is Role.ADMINISTRATOR)

    def _show_counts(self, shown: int, total: int) -> None:
        if self.loading:
            self.count_label.setText(self.tr("Loading…"))
        elif shown == total:
            self.count_label.setText(self.tr("%1 records").replace("%1", f"{total:,}"))
        else:
            self.count_label.setText(self.tr("%1 of %2 shown").replace(
                "%1", f"{shown:,}").replace("%2", f"{total:,}"))

    def _select_exact(self) -> None:
        text = self.filter_edit.text().strip().upper()
        row = self.model.find_row(lambda r: self._exact_key(r).upper() == text)
        if row is None and self.model.shown == 1:
            row = 0
        if row is None:
            return
        select_row(self.table, row)
        self.table.setFocus()


class DirectoryScreen(QWidget):
    """Entities and inspectors in two tabs."""

    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.tabs = QTabWidget()
        self.entities: DirectoryTab | None = None
        self.inspectors: DirectoryTab | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.workspace_opened.connect(lambda _info: self._build_tabs())
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        if ctx.workspace is not None:
            self._build_tabs()
        self.retranslate()

    def _build_tabs(self) -> None:
        info = self._ctx.workspace
        assert info is not None
        if self.entities is None:
            divisions = info.divisions
            self.entities = DirectoryTab(
                self._ctx, ImportKind.ENTITIES,
                model=EntityTableModel(divisions, self._ctx.lang, self),
                load_op=lambda limit: ops.load_entities(divisions, limit),
                exact_key=lambda r: r.identifier,
                column_widths=(165, 270, 100, 70, 300, 90, 80, 45),
            )
            self.inspectors = DirectoryTab(
                self._ctx, ImportKind.INSPECTORS,
                model=InspectorTableModel(self._today, self._ctx.lang, self),
                load_op=lambda _limit: ops.load_inspectors(),
                exact_key=lambda r: r.staff_id,
                column_widths=(80, 90, 280, 140, 100, 80, 180),
            )
            self.tabs.addTab(self.entities, "")
            self.tabs.addTab(self.inspectors, "")
            self.retranslate()
        for tab in (self.entities, self.inspectors):
            assert tab is not None
            tab.reload()

    def focus_filter(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, DirectoryTab):
            tab.filter_edit.setFocus()
            tab.filter_edit.selectAll()

    def show_tab(self, kind: ImportKind) -> None:
        tab = self.entities if kind is ImportKind.ENTITIES else self.inspectors
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Directories"))
        if self.entities is not None and self.inspectors is not None:
            self.tabs.setTabText(0, self.tr("Market entities"))
            self.tabs.setTabText(1, self.tr("Inspectors"))
            self.entities.retranslate()
            self.inspectors.retranslate()
