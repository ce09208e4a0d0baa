"""Starting the desktop app: the Qt application, the context, the window, the workspace.

Contract: :func:`build_context` makes the one :class:`AppContext` of a process (tests
pass inline executors); :func:`start_window` shows the main window at once and opens
the workspace on the DB thread, building the demo directory first when asked (with a
progress dialog), so the window is responsive from the first frame. :func:`run_app` is
the entry point of ``inspector`` and ``inspector demo``.
"""

from __future__ import annotations

import sys
from concurrent.futures import Executor
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from inspector.core.text import Lang
from inspector.db.migrate import SchemaTooNewError
from inspector.services.demo_workspace import DemoResult
from inspector.services.workspace import default_data_dir, resolve_data_dir
from inspector.ui import ops
from inspector.ui.change_bus import ChangeBus
from inspector.ui.context import AppContext
from inspector.ui.db_worker import DbWorker, WorkspaceInfo
from inspector.ui.executors import compute_executor, database_executor
from inspector.ui.i18n import Translations
from inspector.ui.main_window import MainWindow

DEMO_FOLDER = "demo"


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication (created once), with a font that has CJK glyphs."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Inspector")
    app.setOrganizationName("Inspector")
    font = QFont()
    font.setFamilies(["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                      "PingFang SC", "Source Han Sans SC", "sans-serif"])
    font.setPointSize(10)
    app.setFont(font)
    return app


def build_context(
    app: QApplication,
    data_dir: Path,
    lang: Lang,
    *,
    db_executor: Executor | None = None,
    compute: Executor | None = None,
) -> AppContext:
    bus = ChangeBus()
    worker = DbWorker(db_executor or database_executor(), bus)
    translations = Translations(app)
    translations.apply(lang)
    return AppContext(
        data_dir=data_dir,
        lang=lang,
        db=worker,
        compute=compute or compute_executor(),
        bus=bus,
        translations=translations,
    )


def start_window(ctx: AppContext, *, today: date, demo: bool = False) -> MainWindow:
    """Show the window and open the workspace; for the demo, fill an empty workspace."""
    window = MainWindow(ctx, today)

    def opened(info: WorkspaceInfo) -> None:
        if demo:
            ctx.db.submit(ops.summarize_directory(today), on_result=lambda overview: (
                _fill_demo(ctx, window, info, today) if overview.counts.entities == 0
                else ctx.set_workspace(info)))
        else:
            ctx.set_workspace(info)

    def failed(error: BaseException) -> None:
        text = str(error) if isinstance(error, SchemaTooNewError) else (
            f"{type(error).__name__}: {error}")
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("StartUp", "Cannot open the workspace"),
                          text, QMessageBox.StandardButton.Ok, window)
        box.setObjectName("workspaceErrorBox")
        box.open()

    ctx.db.open_workspace(ctx.data_dir, opened, failed)
    return window


def _fill_demo(ctx: AppContext, window: MainWindow, info: WorkspaceInfo, today: date) -> None:
    progress = QProgressDialog(window)
    progress.setObjectName("demoProgressDialog")
    progress.setWindowTitle(QCoreApplication.translate("StartUp", "Preparing the demo"))
    progress.setLabelText(QCoreApplication.translate(
        "StartUp", "Creating a demo county: 5,000 market entities and 40 inspectors…"))
    progress.setRange(0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.open()

    def done(_result: DemoResult) -> None:
        progress.close()
        ctx.set_workspace(info)

    def failed(error: BaseException) -> None:
        progress.close()
        ctx.db.op_failed.emit("build_demo", error)

    ctx.db.submit(ops.build_demo(info.divisions, today), on_result=done, on_error=failed)


def run_app(data_dir: str | None, lang: Lang, *, demo: bool, reset_demo: bool) -> int:
    root = resolve_data_dir(data_dir)
    if demo and data_dir is None:
        root = default_data_dir() / DEMO_FOLDER
    if demo and reset_demo:
        _remove_workspace(root)
    app = application()
    ctx = build_context(app, root, lang)
    window = start_window(ctx, today=date.today(), demo=demo)
    screen = app.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    if available is not None and (available.width() < window.width()
                                  or available.height() < window.height()):
        window.showMaximized()  # a small laptop screen: use all of it
    else:
        window.show()
    return app.exec()


def _remove_workspace(root: Path) -> None:
    """Delete a demo workspace's database files (only those we create)."""
    for name in ("inspector.sqlite", "inspector.sqlite-wal", "inspector.sqlite-shm"):
        (root / name).unlink(missing_ok=True)
