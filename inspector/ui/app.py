"""Starting the desktop app: the Qt application, the context, the window, the workspace.

Contract: :func:`build_context` makes the one :class:`AppContext` of a process (tests
pass inline executors, an in-memory keyring and the sync check's interval) and points
the ``inspector`` loggers at ``<data dir>/logs/inspector.log`` (rotated; tokens and
passwords are never logged, and a filter masks anything that looks like one);
:func:`start_window` makes the main window, whose first frame needs nothing but Qt (this
module and the window import the services and the screens only after it, or when first
used), and opens the workspace on the DB thread (which imports the database layer
there), building the demo directory first when asked (with a progress dialog), so the
window is on screen and responsive from the first frame. :func:`run_app` is the entry
point of ``inspector`` and ``inspector demo``.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
from concurrent.futures import Executor
from datetime import date
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.services.workspace_location import default_data_dir, resolve_data_dir
from inspector.sync.credentials import CredentialStore
from inspector.ui.change_bus import ChangeBus
from inspector.ui.context import DEFAULT_SYNC_INTERVAL_MS, AppContext
from inspector.ui.db_worker import DbWorker, WorkspaceInfo
from inspector.ui.executors import compute_executor, database_executor
from inspector.ui.i18n import Translations
from inspector.ui.main_window import MainWindow
from inspector.ui.startup_probe import install_startup_probe

if TYPE_CHECKING:
    from inspector.services.demo_workspace import DemoResult

DEMO_FOLDER = "demo"
LOG_FILE = Path("logs") / "inspector.log"
LOG_BYTES, LOG_BACKUPS = 1_000_000, 3
# Bearer tokens, and "token"/"password" values in key=value or JSON form.
_SECRET = re.compile(r"(?i)(bearer\s+|\b(?:token|password)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+")


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
    credentials: CredentialStore | None = None,
    sync_interval_ms: int = DEFAULT_SYNC_INTERVAL_MS,
    log_to_file: bool = True,
) -> AppContext:
    if log_to_file:
        setup_logging(data_dir)
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
        credentials=credentials,
        sync_interval_ms=sync_interval_ms,
    )


class _RedactSecrets(logging.Filter):
    """A last guard: whatever a library or a message carries, no token reaches the file."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _SECRET.sub(r"\1[hidden]", message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class _WorkspaceLog(RotatingFileHandler):
    """The handler :func:`setup_logging` installs (so it can find and move its own)."""


def setup_logging(data_dir: Path) -> Path:
    """Send the ``inspector`` loggers to the workspace's rotating log file (once per file;
    a context for another folder moves the handler there)."""
    path = data_dir / LOG_FILE
    logger = logging.getLogger("inspector")
    for handler in list(logger.handlers):
        if isinstance(handler, _WorkspaceLog):
            if Path(handler.baseFilename) == path.resolve():
                return path
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _WorkspaceLog(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                encoding="utf-8")
    except OSError as exc:  # a read-only folder: run without a log file rather than not at all
        print(f"inspector: no log file at {path}: {exc}", file=sys.stderr)
        return path
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    handler.addFilter(_RedactSecrets())
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def start_window(ctx: AppContext, *, today: date, demo: bool = False,
                 connected: bool = False) -> MainWindow:
    """Show the window and open the workspace; for the demo, fill an empty workspace
    (``connected``: through the demo's own central platform, see :mod:`demo_flow`)."""
    window = MainWindow(ctx, today)
    install_startup_probe(window)  # INSPECTOR_STARTUP_PROBE only (benchmarks.startup)

    def opened(info: WorkspaceInfo) -> None:
        if demo:
            from inspector.ui import ops

            ctx.db.submit(ops.summarize_directory(today), on_result=lambda overview: _open_demo(
                ctx, window, info, today, fresh=overview.counts.entities == 0,
                connected=connected))
        else:
            ctx.set_workspace(info)

    def failed(error: BaseException) -> None:
        from inspector.db.migrate import SchemaTooNewError

        text = str(error) if isinstance(error, SchemaTooNewError) else (
            f"{type(error).__name__}: {error}")
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("StartUp", "Cannot open the workspace"),
                          text, QMessageBox.StandardButton.Ok, window)
        box.setObjectName("workspaceErrorBox")
        box.open()

    # After the first frame: the DB thread's imports (the database layer) would otherwise
    # hold the interpreter while the window builds and paints.
    window.after_first_frame(lambda: ctx.db.open_workspace(ctx.data_dir, opened, failed))
    return window


def _open_demo(ctx: AppContext, window: MainWindow, info: WorkspaceInfo, today: date, *,
               fresh: bool, connected: bool) -> None:
    def offline() -> None:
        if fresh:
            _fill_demo(ctx, window, info, today)
        else:
            ctx.set_workspace(info)

    if not connected:
        offline()
        return

    def ready(line: str) -> None:
        ctx.set_role(Role.INSPECTOR)  # the demo signs this laptop in as the drawn inspector
        ctx.set_workspace(info)
        window.statusBar().showMessage(line)

    from inspector.ui.demo_flow import open_connected_demo  # the demo only: not at start

    open_connected_demo(ctx, window, ctx.data_dir, today=today, fresh=fresh, ready=ready,
                        fallback=offline)


def _fill_demo(ctx: AppContext, window: MainWindow, info: WorkspaceInfo, today: date) -> None:
    from inspector.ui.demo_flow import demo_progress

    progress = demo_progress(window, QCoreApplication.translate(
        "StartUp", "Creating a demo county: 5,000 market entities and 40 inspectors…"))

    def done(_result: DemoResult) -> None:
        progress.close()
        ctx.set_workspace(info)

    def failed(error: BaseException) -> None:
        progress.close()
        ctx.db.op_failed.emit("build_demo", error)

    from inspector.ui import ops

    ctx.db.submit(ops.build_demo(info.divisions, today), on_result=done, on_error=failed)


def run_app(data_dir: str | None, lang: Lang, *, demo: bool, reset_demo: bool) -> int:
    root = resolve_data_dir(data_dir)
    if demo and data_dir is None:
        root = default_data_dir() / DEMO_FOLDER
    if demo and reset_demo:
        _remove_workspace(root)
    app = application()
    ctx = build_context(app, root, lang)
    connected = False
    if demo:  # imported here: the plain app does not pay for the demo's modules at start
        from inspector.services.demo_platform import platform_installed

        connected = platform_installed()
    window = start_window(ctx, today=date.today(), demo=demo, connected=connected)
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
    from inspector.ui.demo_flow import LAPTOPS_FOLDER, PLATFORM_FOLDER

    for folder in (PLATFORM_FOLDER, LAPTOPS_FOLDER):  # the connected demo's platform and laptops
        shutil.rmtree(root / folder, ignore_errors=True)
