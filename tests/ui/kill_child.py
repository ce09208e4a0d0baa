"""The app as a separate process, for the kill test: it opens a workspace with an
inspection under way, gives answers and a photo through the screen like a user, says
``READY`` once the screen says they are saved, then waits to be killed.

Run: ``python -m tests.ui.kill_child ROOT TASK_UUID PHOTO``. Real DB thread and compute
pool (not the tests' inline executors): this is the app as an inspector runs it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.ui.app import application, build_context, start_window
from tests.ui.helpers import TODAY, type_chinese

TIMEOUT_S = 60


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            sys.exit(f"timed out waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.01)


def main(root: Path, task: str, photo: Path) -> None:
    app = application()
    ctx = build_context(app, root, Lang.ZH, log_to_file=False)
    window = start_window(ctx, today=TODAY, demo=True)
    window.show()
    ctx.set_role(Role.INSPECTOR)
    window.show_screen("tasks")
    screen = window.tasks
    wait_for(lambda: screen.select_task(task) and screen.form is not None, "the form")
    form = screen.form
    assert form is not None
    autosaver = screen.autosaver
    assert autosaver is not None
    saves: list[str] = []
    autosaver.state_changed.connect(saves.append)
    licence = form.row("licence_shown").editor
    QTest.keyClick(licence.choice, Qt.Key.Key_2)  # 不符合
    type_chinese(licence.show_note(), "营业执照未悬挂")
    stall = form.row("stall_note").editor.findChild(QLineEdit)
    assert stall is not None
    type_chinese(stall, "东侧第三个摊位")
    screen.attach_photo_file("site_photo", photo)
    wait_for(lambda: "已添加" in screen.message_label.text(), "the photo")
    wait_for(lambda: bool(saves) and saves[-1] == "saved" and autosaver.idle,
             "the answers saved")
    print("READY", flush=True)
    while True:  # the parent kills us here
        QApplication.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
