"""The startup probe: a window's first painted frame reported to a file, then the app quits."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from inspector.ui.startup_probe import PROBE_VARIABLE, install_startup_probe

GIVE_UP_MS = 10_000


def _window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("Inspector"))
    qtbot.addWidget(window)
    return window


def test_first_paint_is_written_and_the_running_app_quits(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "painted.json"
    monkeypatch.setenv(PROBE_VARIABLE, str(target))
    window = _window(qtbot)
    probe = install_startup_probe(window)
    assert probe is not None
    reported: list[float] = []
    probe.reported.connect(reported.append)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    gave_up: list[bool] = []

    def give_up() -> None:
        gave_up.append(True)
        app.exit(1)

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(give_up)
    guard.start(GIVE_UP_MS)
    before = time.time()
    window.show()

    code = app.exec()  # returns only because the probe quit the application
    guard.stop()
    # Closing the last window also posted a Quit of its own; left queued, it would end
    # the next test's event loops at once.
    QApplication.removePostedEvents(app, QEvent.Type.Quit)

    assert (code, gave_up) == (0, [])
    written = json.loads(target.read_text(encoding="utf-8"))
    assert set(written) == {"painted_at"}
    assert before <= written["painted_at"] <= time.time()
    assert reported == [written["painted_at"]]
    assert not window.isVisible()  # closed, as a user's close would (closeEvent runs)
    assert not list(tmp_path.glob("*.partial"))


def test_only_the_first_paint_is_reported(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "painted.json"
    monkeypatch.setenv(PROBE_VARIABLE, str(target))
    window = _window(qtbot)
    probe = install_startup_probe(window)
    assert probe is not None
    with qtbot.waitSignal(probe.reported, timeout=GIVE_UP_MS) as first:
        window.show()
    target.unlink()
    window.show()
    window.repaint()  # painted again, at once
    QApplication.processEvents()  # a second report's zero timer would run here
    QApplication.processEvents()

    assert first.args is not None and first.args[0] > 0
    assert window.isVisible()
    assert not target.exists()


def test_without_the_variable_nothing_is_watched_or_written(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PROBE_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    window = _window(qtbot)

    assert install_startup_probe(window) is None
    window.show()
    qtbot.waitExposed(window)
    window.repaint()
    QApplication.processEvents()

    assert window.isVisible()
    assert list(tmp_path.iterdir()) == []
