"""The main window: role and language switches, navigation, screens and the status bar.

Contract: main thread. Navigation shows the screens the acting role may use (everyone:
overview, directories and sync; everyone but the read-only auditor: tasks and
inspections, and filling checklists; inspectors, team leads and administrators also
the scan station of sample custody; team lead, administrator and auditor also the
audit log; team lead and administrator also plans and draw, the publication board, the
referrals board and the checklist library, which only an administrator changes);
Ctrl+1…Ctrl+9 jump to them, and Ctrl+0 to the tenth.
Above the screens, the :class:`~inspector.ui.widgets.screen_guide.ScreenGuide` explains
them one by one: it opens by itself once the workspace is open unless this workspace's
tour was finished or skipped, and the header's Help menu ("Tour of the screens", F1)
opens it at any time (or gives it the keyboard when it is open). ``screen_changed(key)``
is emitted whenever another screen shows, ``screens_changed`` when the navigation was
rebuilt (a role or language change).
The first frame holds the header, the navigation, the status bar and an "opening
workspace" line: the screens, the guide and the sync controller import the database
layer and the sync engine, so they are built right after that frame is painted (or at
once when anything asks for one of them first). The window owns the one
:class:`~inspector.ui.sync_controller.SyncController` and stops it on close. The
status bar shows the workspace, the device id, the sync indicator (clicking it opens the
sync screen) and whether the database thread is busy. Errors of ops that had no handler
of their own are shown in a non-blocking message box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.ui.context import AppContext

if TYPE_CHECKING:  # built after the first frame (see _build_screens), imported there
    from inspector.ui.db_worker import WorkspaceInfo
    from inspector.ui.screens.audit import AuditScreen
    from inspector.ui.screens.checklists import ChecklistsScreen
    from inspector.ui.screens.directory import DirectoryScreen
    from inspector.ui.screens.disclosure import DisclosureScreen
    from inspector.ui.screens.drafts import DraftsScreen
    from inspector.ui.screens.field_tasks import FieldTasksScreen
    from inspector.ui.screens.home import HomeScreen
    from inspector.ui.screens.planning import PlanningScreen
    from inspector.ui.screens.referrals import ReferralsScreen
    from inspector.ui.screens.samples import SamplesScreen
    from inspector.ui.screens.scan_station import ScanStationScreen
    from inspector.ui.screens.sync import SyncScreen
    from inspector.ui.sync_controller import SyncController
    from inspector.ui.widgets.screen_guide import ScreenGuide
    from inspector.ui.widgets.sync_indicator import SyncIndicator

STYLE = """
QLabel#screenTitle { font-size: 20px; font-weight: bold; padding: 4px 0 8px 0; }
QLabel#cardFigure { font-size: 28px; font-weight: bold; color: #1f4e79; }
QListWidget#navigation { font-size: 15px; background: #f3f5f8; border: none; }
QListWidget#navigation::item { padding: 10px 14px; }
QListWidget#navigation::item:selected { background: #1f4e79; color: white; }
QFrame#entitiesCard, QFrame#inspectorsCard, QFrame#auditCard, QFrame#deadlinesCard {
    background: white; border: 1px solid #d5dbe3; border-radius: 6px; }
"""
NUMBERED_SCREENS = 10  # Ctrl+1…Ctrl+9, then Ctrl+0


@dataclass(frozen=True, slots=True)
class _Screen:
    key: str
    attribute: str  # the window's attribute holding the screen once built
    roles: frozenset[Role]


_EVERYONE = frozenset(Role.desktop_roles())
_LEADS = frozenset({Role.TEAM_LEAD, Role.ADMINISTRATOR})
SCREENS = (
    _Screen("home", "home", _EVERYONE),
    _Screen("directory", "directory", _EVERYONE),
    _Screen("audit", "audit", _EVERYONE - {Role.INSPECTOR}),
    _Screen("plans", "plans", _LEADS),
    _Screen("disclosure", "disclosure", _LEADS),
    _Screen("referrals", "referrals", _LEADS),
    _Screen("sync", "sync", _EVERYONE),
    _Screen("tasks", "tasks", _EVERYONE - {Role.AUDITOR}),
    _Screen("drafts", "drafts", _EVERYONE - {Role.AUDITOR}),  # auditors only read
    _Screen("samples", "samples", _EVERYONE),
    _Screen("scan", "scan_station", _LEADS | {Role.INSPECTOR}),
    _Screen("checklists", "checklists", _LEADS),
)
# What _build_screens makes: asking for any of these builds them all at once.
_BUILT_LATER = frozenset({s.attribute for s in SCREENS}
                         | {"sync_controller", "sync_indicator", "guide"})


class MainWindow(QMainWindow):
    screen_changed = Signal(str)  # the key of the screen now shown
    screens_changed = Signal()  # the navigation was rebuilt (role or language)

    # Built by _build_screens (after the first frame, or when first asked for).
    home: HomeScreen
    directory: DirectoryScreen
    audit: AuditScreen
    plans: PlanningScreen
    disclosure: DisclosureScreen
    referrals: ReferralsScreen
    sync: SyncScreen
    tasks: FieldTasksScreen
    drafts: DraftsScreen
    samples: SamplesScreen
    scan_station: ScanStationScreen
    checklists: ChecklistsScreen
    sync_controller: SyncController
    sync_indicator: SyncIndicator
    guide: ScreenGuide

    def __init__(self, ctx: AppContext, today: date) -> None:
        super().__init__()
        self._ctx = ctx
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self.resize(1440, 900)
        self._today = today
        self._built = False
        self._build_scheduled = False
        self._after_first_frame: list[Callable[[], object]] = []
        self._screens = SCREENS
        self._nav_keys: list[str] = []  # the navigation's rows, top to bottom
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(180)
        self.stack = QStackedWidget()
        self._loading = QLabel()  # the first frame's content, until the screens are built
        self._loading.setObjectName("screensLoading")
        self._loading.setStyleSheet("qproperty-alignment: AlignCenter;")  # no Qt enum yet
        self.stack.addWidget(self._loading)
        self.navigation.currentItemChanged.connect(self._navigate)

        self.role_box = QComboBox()
        self.role_box.setObjectName("roleBox")
        self.lang_box = QComboBox()
        self.lang_box.setObjectName("languageBox")
        self.lang_box.addItem("中文", Lang.ZH)
        self.lang_box.addItem("English", Lang.EN)
        self.lang_box.setCurrentIndex(0 if ctx.lang is Lang.ZH else 1)
        self.lang_box.currentIndexChanged.connect(
            lambda i: ctx.set_lang(Lang(self.lang_box.itemData(i))))
        self.role_box.currentIndexChanged.connect(self._role_chosen)
        self.role_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.role_label = QLabel()
        self.lang_label = QLabel()
        self.tour_action = QAction(self)
        self.tour_action.setObjectName("tourAction")
        self.tour_action.triggered.connect(self.open_tour)
        self.addAction(self.tour_action)  # F1 works with the menu closed
        self.help_menu = QMenu(self)
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.tour_action)
        self.help_button = QToolButton()
        self.help_button.setObjectName("helpButton")
        self.help_button.setMenu(self.help_menu)
        self.help_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.help_button.setAutoRaise(True)

        header = QWidget()
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(8, 4, 8, 4)
        self.app_title = QLabel()
        self.app_title.setObjectName("screenTitle")
        header_layout.addWidget(self.app_title, 1)
        header_layout.addWidget(self.role_label)
        header_layout.addWidget(self.role_box)
        header_layout.addWidget(self.lang_label)
        header_layout.addWidget(self.lang_box)
        header_layout.addSpacing(8)
        header_layout.addWidget(self.help_button)
        self.setMenuWidget(header)

        self._content = QVBoxLayout()
        content = self._content
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(6)
        content.addWidget(self.stack, 1)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.addWidget(self.navigation)
        body_layout.addLayout(content, 1)
        self.setCentralWidget(body)

        self.workspace_label = QLabel()
        self.busy_label = QLabel()
        self.statusBar().addWidget(self.workspace_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)

        for number in range(1, NUMBERED_SCREENS + 1):
            QShortcut(QKeySequence(f"Ctrl+{number % 10}"), self,
                      lambda n=number: self._go_to_row(n - 1))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        ctx.role_changed.connect(self._role_changed)
        ctx.workspace_opened.connect(self._workspace_opened)
        ctx.db.busy_changed.connect(self._busy)
        ctx.db.op_failed.connect(self._op_failed)
        self.retranslate()

    # -- the screens, built once the first frame is on screen -------------------------------

    def __getattr__(self, name: str) -> Any:
        """A screen (or the guide, the sync controller or indicator) asked for before the
        first frame: build them now."""
        if name in _BUILT_LATER and not self.__dict__.get("_built", True):
            self._build_screens()
            return self.__dict__[name]
        raise AttributeError(name)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and not self._built
                and not self._build_scheduled):
            self._build_scheduled = True  # the first frame is painting: build right after
            QTimer.singleShot(0, self._build_screens)
        return super().event(event)

    @property
    def screens_built(self) -> bool:
        return self._built

    def after_first_frame(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the first frame is painted (or the screens were asked for)."""
        if self._built:
            work()
        else:
            self._after_first_frame.append(work)

    def _build_screens(self) -> None:
        """Import and build every screen, the guide and the sync controller (which the
        first frame does without: they import the database layer and the sync engine)."""
        if self._built:
            return
        self._built = True
        from inspector.ui.screens.audit import AuditScreen
        from inspector.ui.screens.checklists import ChecklistsScreen
        from inspector.ui.screens.directory import DirectoryScreen
        from inspector.ui.screens.disclosure import DisclosureScreen
        from inspector.ui.screens.drafts import DraftsScreen
        from inspector.ui.screens.field_tasks import FieldTasksScreen
        from inspector.ui.screens.home import HomeScreen
        from inspector.ui.screens.planning import PlanningScreen
        from inspector.ui.screens.referrals import ReferralsScreen
        from inspector.ui.screens.samples import SamplesScreen
        from inspector.ui.screens.scan_station import ScanStationScreen
        from inspector.ui.screens.sync import SyncScreen
        from inspector.ui.sync_controller import SyncController
        from inspector.ui.widgets.screen_guide import ScreenGuide
        from inspector.ui.widgets.sync_indicator import SyncIndicator

        ctx, today = self._ctx, self._today
        self.home = HomeScreen(ctx, today)
        self.directory = DirectoryScreen(ctx, today)
        self.audit = AuditScreen(ctx)
        self.plans = PlanningScreen(ctx, today)
        self.disclosure = DisclosureScreen(ctx, today)
        self.referrals = ReferralsScreen(ctx, today)
        self.sync_controller = SyncController(ctx, self)
        self.sync = SyncScreen(ctx, self.sync_controller)
        self.checklists = ChecklistsScreen(ctx, today)
        self.tasks = FieldTasksScreen(ctx, today)
        self.drafts = DraftsScreen(ctx, today)
        self.scan_station = ScanStationScreen(ctx)
        self.samples = SamplesScreen(ctx, today)
        for screen in self._screens:
            self.stack.addWidget(getattr(self, screen.attribute))
        # Set here, not before the first frame: the overload lookup of setShortcut makes
        # PySide build Qt's whole enum namespace (some 40 ms).
        self.tour_action.setShortcut(QKeySequence("F1"))
        self.guide = ScreenGuide(ctx, self)
        self.screen_changed.connect(self.guide.follow_screen)
        self.screens_changed.connect(self.guide.refresh)
        self._content.insertWidget(0, self.guide)
        self.sync_indicator = SyncIndicator(self.sync_controller)
        self.sync_indicator.open_requested.connect(lambda: self.show_screen("sync"))
        # Index 1: after the workspace line (a normal widget, first), before the busy line.
        self.statusBar().insertPermanentWidget(1, self.sync_indicator)
        self.sync_indicator.refresh()
        self._navigate(self.navigation.currentItem())
        self.stack.removeWidget(self._loading)
        self._loading.deleteLater()
        if ctx.workspace is not None:
            self.guide.start_if_new()
        waiting, self._after_first_frame = self._after_first_frame, []
        for work in waiting:
            work()

    def show_screen(self, key: str) -> bool:
        """Select the screen ``key`` if the acting role may see it."""
        self._build_screens()
        return self._select(key)

    def _select(self, key: str) -> bool:
        if key in self._nav_keys:
            self.navigation.setCurrentRow(self._nav_keys.index(key))
            return True
        return False

    def visible_screen_keys(self) -> list[str]:
        return list(self._nav_keys)

    def current_screen_key(self) -> str | None:
        row = self.navigation.currentRow()
        return self._nav_keys[row] if 0 <= row < len(self._nav_keys) else None

    def screen_title(self, key: str) -> str:
        """The screen's name as the navigation shows it, in the current language."""
        return self._titles().get(key, key)

    def focus_screen(self) -> None:
        self._build_screens()
        screen = self.stack.currentWidget()
        if screen is not None:
            screen.setFocus()

    def open_tour(self) -> None:
        """Help → Tour of the screens (F1): from the first screen, or focus it if open."""
        self._build_screens()
        if self.guide.isVisible():
            self.guide.focus_primary()
        else:
            self.guide.start(from_first=True, focus=True)

    def retranslate(self) -> None:
        lang = self._ctx.lang
        self.setWindowTitle(self.tr("Inspector: random inspections and sampling"))
        self.app_title.setText(self.tr("Inspector · 双随机、一公开"))
        self.role_label.setText(self.tr("Acting as"))
        self.lang_label.setText(self.tr("Language"))
        self.help_button.setText(self.tr("Help"))
        self.help_menu.setTitle(self.tr("Help"))
        self.tour_action.setText(self.tr("Tour of the screens"))
        self.tour_action.setToolTip(self.tr("Tour of the screens (F1)"))
        self.lang_box.blockSignals(True)
        self.lang_box.setCurrentIndex(0 if lang is Lang.ZH else 1)
        self.lang_box.blockSignals(False)
        self.role_box.blockSignals(True)
        self.role_box.clear()
        for role in Role.desktop_roles():
            self.role_box.addItem(role.label(lang), role)
        self.role_box.setCurrentIndex(Role.desktop_roles().index(self._ctx.role))
        self.role_box.blockSignals(False)
        if not self._built:
            self._loading.setText(self.tr("Opening workspace…"))
        self._rebuild_navigation()
        self._show_workspace()
        self._busy(self._ctx.db.busy)
        if self._built:
            self.sync_indicator.refresh()

    def _titles(self) -> dict[str, str]:
        return {
            "home": self.tr("Overview"),
            "directory": self.tr("Directories"),
            "audit": self.tr("Audit log"),
            "plans": self.tr("Plans and draw"),
            "disclosure": self.tr("Publication"),
            "referrals": self.tr("Referrals"),
            "sync": self.tr("Sync"),
            "tasks": self.tr("Tasks"),
            "drafts": self.tr("Fill a checklist"),
            "samples": self.tr("Samples"),
            "scan": self.tr("Scan station"),
            "checklists": self.tr("Checklists"),
        }

    def _rebuild_navigation(self) -> None:
        current_key = self.current_screen_key() or "home"
        titles = self._titles()
        self.navigation.blockSignals(True)
        self.navigation.clear()
        self._nav_keys = [s.key for s in self._screens if self._ctx.role in s.roles]
        for number, screen in enumerate(s for s in self._screens if self._ctx.role in s.roles):
            item = QListWidgetItem(titles[screen.key])
            if number < NUMBERED_SCREENS:
                item.setToolTip(f"Ctrl+{(number + 1) % 10}")
            self.navigation.addItem(item)
        self.navigation.blockSignals(False)
        if not self._select(current_key):
            self.navigation.setCurrentRow(0)
        self.screens_changed.emit()

    def _navigate(self, item: QListWidgetItem | None) -> None:
        row = -1 if item is None else self.navigation.row(item)
        if not self._built or not 0 <= row < len(self._nav_keys):
            return  # before the screens exist, _build_screens shows the current one
        key = self._nav_keys[row]
        for screen in self._screens:
            if screen.key == key:
                self.stack.setCurrentWidget(getattr(self, screen.attribute))
                self.screen_changed.emit(key)

    def _go_to_row(self, row: int) -> None:
        if 0 <= row < self.navigation.count():
            self.navigation.setCurrentRow(row)

    def _role_changed(self, role: Role) -> None:
        """Keep the header's role box on the acting role, however it was set."""
        index = self.role_box.findData(role)
        if index >= 0 and index != self.role_box.currentIndex():
            blocked = self.role_box.blockSignals(True)
            self.role_box.setCurrentIndex(index)
            self.role_box.blockSignals(blocked)
        self._rebuild_navigation()

    def _role_chosen(self, index: int) -> None:
        # Qt hands StrEnum item data back as plain str: convert before use.
        data = self.role_box.itemData(index)
        if data is not None:
            self._ctx.set_role(Role(data))

    def _workspace_opened(self, _info: WorkspaceInfo) -> None:
        self._show_workspace()
        if self._built:
            self.guide.start_if_new()  # otherwise _build_screens starts it

    def _show_workspace(self) -> None:
        info = self._ctx.workspace
        if info is None:
            self.workspace_label.setText(self.tr("Opening workspace…"))
            return
        self.workspace_label.setText(self.tr("Workspace: %1 · device %2").replace(
            "%1", str(info.paths.root)).replace("%2", info.device_id[:8]))

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else self.tr("Ready"))

    def _op_failed(self, name: str, error: object) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Something went wrong"),
                          self.tr("The operation %1 failed: %2").replace("%1", name)
                          .replace("%2", str(error)), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("opFailedBox")
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._built:
            self.sync_controller.stop()
            self.tasks.close_inspection()  # answers waiting to be saved go before the database
            self.drafts.close_draft()
        self._ctx.db.close()
        super().closeEvent(event)
