"""``inspector demo`` connected to its own central platform, when this install has one.

Contract: main thread. :func:`open_connected_demo` is called once the demo workspace is
open. It starts the demo platform (:class:`~inspector.services.demo_platform.DemoPlatform`
in ``ROOT/platform``, seeded on first use) on the DB thread and stops it when the app
quits. On an empty workspace it then plays the demo's morning
(:func:`~inspector.services.demo_story.play_demo_story`: checklists published, a plan
drawn and released by the team lead's laptop, this laptop signed in as the drawn
inspector, an inspection with photos and a sample done and synced), showing each step
in a progress dialog; on a workspace that has played it, it signs in again (the token
lives in the system keyring or, where there is none, only for this run). When the
workspace is ready it calls ``ready`` with a line for the status bar. If the platform
cannot start or a step fails, the reason is shown and ``fallback`` is called (the
offline demo): the demo always opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from inspector.core.text import Lang, LocalText
from inspector.services.changes import Outcome, Topic
from inspector.services.demo_platform import DEMO_PASSWORD, DemoPlatform
from inspector.services.demo_story import DemoStory, play_demo_story
from inspector.services.sync_session import Connection, saved_connection, sign_in
from inspector.ui.context import AppContext
from inspector.ui.db_worker import Op, OpEnv

PLATFORM_FOLDER = "platform"
LAPTOPS_FOLDER = "laptops"


class _Steps(QObject):
    """Carries the story's step words from the DB thread to the dialog (queued)."""

    step = Signal(object)  # LocalText


def open_connected_demo(ctx: AppContext, parent: QWidget, root: Path, *, today: date,
                        fresh: bool, ready: Callable[[str], None],
                        fallback: Callable[[], None]) -> DemoPlatform:
    platform = DemoPlatform(root / PLATFORM_FOLDER)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(platform.stop)
    progress = demo_progress(parent, QCoreApplication.translate(
        "StartUp", "Starting the demo's central platform on this computer…"))
    steps = _Steps(progress)
    steps.step.connect(lambda words: progress.setLabelText(_words(ctx.lang, words)))

    def body(env: OpEnv) -> Outcome[str]:
        server = platform.start(today)
        if fresh:
            story = play_demo_story(env.workspace, server=server, password=DEMO_PASSWORD,
                                    laptops=root / LAPTOPS_FOLDER,
                                    credentials=ctx.credentials, today=today,
                                    progress=steps.step.emit)
            return Outcome(_told(ctx.lang, story), frozenset(Topic))
        saved = saved_connection(env.workspace)
        username = saved.username if saved is not None else "lead"
        sign_in(env.workspace, Connection(server, username), DEMO_PASSWORD, ctx.credentials)
        return Outcome(_words(ctx.lang, LocalText(
            f"演示平台：{server}，已登录为 {username}",
            f"Demo platform at {server}, signed in as {username}")))

    def done(line: str) -> None:
        progress.close()
        ready(line)

    def failed(error: BaseException) -> None:
        progress.close()
        platform.stop()
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("StartUp", "Preparing the demo"),
                          QCoreApplication.translate(
                              "StartUp", "The demo's central platform could not be used, so "
                              "the demo opens without it.") + f"\n\n{error}",
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("demoPlatformErrorBox")
        box.open()
        fallback()

    op: Op[str] = Op("connected_demo", body)
    ctx.db.submit(op, on_result=done, on_error=failed)
    return platform


def demo_progress(parent: QWidget, text: str) -> QProgressDialog:
    """The open, uncancellable "Preparing the demo" dialog saying ``text``."""
    progress = QProgressDialog(parent)
    progress.setObjectName("demoProgressDialog")
    progress.setWindowTitle(QCoreApplication.translate("StartUp", "Preparing the demo"))
    progress.setLabelText(text)
    progress.setRange(0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.open()
    return progress


def _told(lang: Lang, story: DemoStory) -> str:
    return _words(lang, LocalText(
        f"演示平台：{story.server}，已登录为 {story.inspector}；计划 {story.plan_code} 下发 "
        f"{story.tasks} 项任务，已完成检查并抽样 {story.sample_code}",
        f"Demo platform at {story.server}, signed in as {story.inspector}; plan "
        f"{story.plan_code} released {story.tasks} tasks, one inspected and sample "
        f"{story.sample_code} taken"))


def _words(lang: Lang, text: LocalText) -> str:
    return text.zh if lang is Lang.ZH else text.en
