"""The 样品 board: a sample taken during an inspection shows what it waits for and by
when, turns red once the lab delivery is overdue on the board's clock, follows its
custody to the result, and prints its labels."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from inspector.core.lifecycles import CustodyEventKind
from inspector.core.roles import Role
from inspector.services import inspections
from inspector.services.samples import CustodyDetails, SampleForm, record_custody, take_sample
from inspector.services.workspace import Workspace
from inspector.ui.board_palette import OVERDUE_FOREGROUND
from inspector.ui.screens.samples import SamplesScreen
from tests.ui.helpers import Launched, Launcher
from tests.ui.planning_support import on_db
from tests.ui.test_field_tasks_screen import Setup, prepare
from tests.ui.test_sample_wizard import enrolled

STAGE, DUE = 3, 4
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TAKEN = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # Monday 10:00 in China


def sampled(app: Launched, setup: Setup) -> tuple[str, ...]:
    """Start an inspection of the task and take a sample in it: the portion codes."""
    team = setup.team[:2]

    def work(ws: Workspace) -> tuple[str, ...]:
        started = inspections.start_inspection(
            ws.store, app.ctx.actor, setup.task, checklist="XCJC", team=list(team),
            certificates_shown=True, no_conflict_declared=True).value
        form = SampleForm(name="散装白酒", link="circulation", date_type="生产日期",
                          date=TAKEN.date(), quantity="2", unit="瓶", backup_quantity="1",
                          samplers=team, seal_numbers=("FT-1", "FT-2"))
        return take_sample(ws, app.ctx.actor, started.inspection, form, now=TAKEN).value.portions

    return tuple(on_db(app, work))


def board(launch: Launcher, tmp_path: Path, now: datetime
          ) -> tuple[Launched, SamplesScreen, tuple[str, ...]]:
    app = launch()
    setup = prepare(app, tmp_path)
    enrolled(app)
    portions = sampled(app, setup)
    app.ctx.set_role(Role.TEAM_LEAD)
    screen = app.window.samples
    screen.clock = lambda: now
    assert app.window.show_screen("samples")
    return app, screen, portions


def test_the_board_says_what_is_due_and_turns_red_when_overdue(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    _app, screen, portions = board(launch, tmp_path, TAKEN + timedelta(hours=1))
    qtbot.waitUntil(lambda: screen.model.shown == 1)
    assert screen.current is not None and screen.current.portions == portions
    assert screen.model.index(0, STAGE).data() == "待送检"
    due = screen.model.index(0, DUE).data()
    assert "送达检验机构" in due and "2026-12-07" in due
    assert screen.model.index(0, DUE).data(FOREGROUND) is None  # not late yet

    screen.clock = lambda: datetime(2026, 12, 8, 1, tzinfo=UTC)
    screen._tick()  # the minute ticker: judged again without reloading
    assert screen.model.index(0, DUE).data(FOREGROUND) == OVERDUE_FOREGROUND
    assert screen.model.index(0, DUE).data() == screen.model.tr("%1 · overdue").replace(
        "%1", due)


def test_the_board_follows_custody_to_the_result(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, portions = board(launch, tmp_path, TAKEN + timedelta(days=3))
    qtbot.waitUntil(lambda: screen.model.shown == 1)
    moment = TAKEN

    def custody(ws: Workspace) -> None:
        nonlocal moment
        for kind, details in (
                (CustodyEventKind.SIGNED, CustodyDetails()),
                (CustodyEventKind.HANDED_OVER, CustodyDetails(
                    from_party="张三", to_party="检验所", seal_intact=True)),
                (CustodyEventKind.RECEIVED, CustodyDetails(
                    from_party="张三", to_party="检验所", seal_intact=True)),
                (CustodyEventKind.RESULT_RECORDED, CustodyDetails(
                    result="fail", report_number="JY-2026-001"))):
            moment += timedelta(hours=2)
            record_custody(ws, app.ctx.actor, portions[0], kind, details, now=moment)

    on_db(app, custody)
    screen.reload()
    qtbot.waitUntil(lambda: "JY-2026-001" in str(screen.model.index(0, STAGE).data()))
    assert screen.model.index(0, STAGE).data().startswith("不合格，复检申请期内")
    assert screen.model.index(0, DUE).data().startswith("复检申请期限")


def test_labels_are_saved_from_the_board(
        launch: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _app, screen, portions = board(launch, tmp_path, TAKEN)
    qtbot.waitUntil(lambda: screen.current is not None)
    saved = tmp_path / "seals.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(saved), ""))
    screen.document_actions[("seals", False)].trigger()  # Save as PDF ▸ Seals
    qtbot.waitUntil(lambda: str(saved) in screen.message_label.text(), timeout=20_000)
    assert saved.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(saved), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert all(code in text for code in portions) and "封条" in text


def test_the_hand_over_form_is_saved_from_the_board(
        launch: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, screen, portions = board(launch, tmp_path, TAKEN + timedelta(hours=5))
    qtbot.waitUntil(lambda: screen.current is not None)

    def handed(ws: Workspace) -> None:
        record_custody(ws, app.ctx.actor, portions[0], CustodyEventKind.SIGNED,
                       now=TAKEN + timedelta(hours=1))
        record_custody(ws, app.ctx.actor, portions[0], CustodyEventKind.HANDED_OVER,
                       CustodyDetails(from_party="张三", to_party="河北省产品质量监督检验研究院",
                                      seal_intact=True), now=TAKEN + timedelta(hours=2))

    on_db(app, handed)
    saved = tmp_path / "handover.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(saved), ""))
    screen.document_actions[("handover", False)].trigger()
    qtbot.waitUntil(lambda: str(saved) in screen.message_label.text(), timeout=30_000)
    text = subprocess.run(["pdftotext", str(saved), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "样品移交确认单" in text and "河北省产品质量监督检验研究院" in text


def test_the_sampling_form_prints_on_a4_through_the_print_dialog(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    _app, screen, _portions = board(launch, tmp_path, TAKEN)
    qtbot.waitUntil(lambda: screen.current is not None)
    screen.document_actions[("form", True)].trigger()  # Print ▸ Sampling form
    dialog = screen.output.print_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    printed = tmp_path / "form-printed.pdf"
    name = dialog.findChild(QLineEdit, "filename")
    assert name is not None
    name.setText(str(printed))  # no printer here: Qt's dialog prints to a file
    dialog.accept()
    qtbot.waitUntil(lambda: str(printed) in screen.message_label.text(), timeout=30_000)
    info = subprocess.run(["pdfinfo", str(printed)], check=True, capture_output=True,
                          text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    assert pages >= 4  # four copies, each on its own pages
    assert "595" in info and "842" in info  # A4 in points
