"""Helpers of the UI tests: launching windows, holding ops back, reading the database.

Windows run on inline executors: every op completes before the call that submitted it
returns, so no test waits or sleeps. :class:`HeldExecutor` holds ops back on request,
for tests about what the user sees while an op is still running.
"""

from __future__ import annotations

import csv
import random
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.services.demo_workspace import demo_credit_code
from inspector.ui.app import application, build_context, start_window
from inspector.ui.context import AppContext
from inspector.ui.executors import InlineExecutor
from inspector.ui.main_window import MainWindow
from inspector.ui.screens.directory import DirectoryTab

TODAY = date(2026, 11, 28)
DATABASE = "inspector.sqlite"
DEMO_ENTITIES = 5000
ENTITY_HEADER = ("统一社会信用代码", "名称", "主体类型", "行政区划代码", "住所")


class HeldExecutor(InlineExecutor):
    """Runs jobs inline, except while ``hold`` is set: then they wait for :meth:`release`."""

    def __init__(self) -> None:
        super().__init__()
        self.hold = False
        self._held: list[tuple[Future[Any], Callable[[], Any]]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if not self.hold:
            return super().submit(fn, *args, **kwargs)
        future: Future[Any] = Future()
        self._held.append((future, lambda: fn(*args, **kwargs)))
        return future

    @property
    def waiting(self) -> int:
        return len(self._held)

    def release(self) -> None:
        self.hold = False
        held, self._held = self._held, []
        for future, job in held:
            try:
                future.set_result(job())
            except BaseException as exc:
                future.set_exception(exc)


@dataclass
class Launched:
    ctx: AppContext
    window: MainWindow
    root: Path

    @property
    def entities(self) -> DirectoryTab:
        tab = self.window.directory.entities
        assert tab is not None, "the directory tabs are built when the workspace opens"
        return tab

    @property
    def inspectors(self) -> DirectoryTab:
        tab = self.window.directory.inspectors
        assert tab is not None, "the directory tabs are built when the workspace opens"
        return tab


@dataclass
class Launcher:
    """Starts windows on a workspace folder; :meth:`close_all` runs after the test."""

    root: Path
    started: list[Launched] = field(default_factory=list)

    def __call__(
        self,
        *,
        lang: Lang = Lang.ZH,
        root: Path | None = None,
        executor: InlineExecutor | None = None,
    ) -> Launched:
        app = application()
        folder = root or self.root
        ctx = build_context(app, folder, lang, db_executor=executor or InlineExecutor(),
                            compute=InlineExecutor())
        window = start_window(ctx, today=TODAY, demo=True)
        launched = Launched(ctx, window, folder)
        self.started.append(launched)
        window.show()
        window.activateWindow()
        # Shortcuts (Ctrl+1…9, Escape, Ctrl+I) only reach the active window.
        assert QTest.qWaitForWindowActive(window), "the main window did not become active"
        # The screens are built, and the workspace opened, once the first frame is painted.
        for _tick in range(1000):
            if window.screens_built:
                break
            QTest.qWait(10)
        assert window.screens_built, "the first frame was never painted"
        return launched

    def close_all(self) -> None:
        for launched in self.started:
            # Take this context's translators off the shared QApplication, so that the
            # next test starts in the language it asks for.
            launched.ctx.set_lang(Lang.EN)
            launched.ctx.set_role(Role.ADMINISTRATOR)
            launched.window.close()
            launched.window.deleteLater()
        self.started.clear()
        QApplication.processEvents()


def query_one(root: Path, sql: str) -> Any:
    """One value read straight from the workspace database, bypassing the app."""
    with closing(sqlite3.connect(root / DATABASE)) as connection:
        return connection.execute(sql).fetchone()[0]


def live_entities(root: Path) -> int:
    return int(query_one(root, "SELECT COUNT(*) FROM market_entity WHERE deleted_at IS NULL"))


def audit_events(root: Path) -> int:
    return int(query_one(root, "SELECT COUNT(*) FROM audit_event"))


def valid_codes(count: int, *, seed: int, kind_digit: str = "1",
                region: str = "130102") -> list[str]:
    """``count`` distinct valid credit codes (region 长安区 never collides with the demo)."""
    rng = random.Random(seed)
    codes: dict[str, None] = {}
    while len(codes) < count:
        codes[demo_credit_code(rng, kind_digit, region)] = None
    return list(codes)


def write_entity_csv(path: Path, rows: list[tuple[str, ...]],
                     header: tuple[str, ...] = ENTITY_HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def column_texts(tab: DirectoryTab, column: int) -> list[str]:
    """What the table view shows in ``column``, top to bottom."""
    model = tab.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def row_texts(tab: DirectoryTab, row: int) -> list[str]:
    model = tab.table.model()
    return [model.index(row, column).data() for column in range(model.columnCount())]


def header_point(header: QHeaderView, section: int) -> QPoint:
    """The middle of ``section`` in the header's viewport, for a mouse click."""
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


LEFT = Qt.MouseButton.LeftButton


def type_chinese(widget: QWidget, text: str) -> None:
    """Type ``text`` the way a Chinese user does: the input method commits it."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
