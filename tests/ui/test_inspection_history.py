"""After the record: an entity's history on the 任务与检查 screen saves the record as PDF,
prints it through the print dialog, starts a correction whose form opens with the old
answers, and says which record was corrected since."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from inspector.core.follow_up import FollowUp
from inspector.services import (
    checklist_drafts,
    field_tasks,
    inspection_record,
    inspections,
    referrals,
)
from inspector.services.signatures import SignatureGiven, SignerRole
from inspector.services.workspace import Workspace
from inspector.ui.screens.field_tasks import FieldTasksScreen
from tests.integration.test_inspections import signature_png
from tests.ui.helpers import Launched, Launcher
from tests.ui.planning_support import on_db
from tests.ui.test_field_tasks_screen import Setup, field_screen

POPPLER = shutil.which("pdfinfo") is not None


def finalized(app: Launched, setup: Setup) -> str:
    """Inspect the task and finalize it (on the app's DB thread): the record's hash."""
    team = list(setup.team[:2])

    def work(ws: Workspace) -> str:
        actor = app.ctx.actor
        started = inspections.start_inspection(
            ws.store, actor, setup.task, checklist="XCJC", team=team,
            certificates_shown=True, no_conflict_declared=True).value
        checklist_drafts.save_answers(ws.store, started.draft, {
            "licence_shown": "符合", "premises_clean": "符合", "stall_note": "东门 3 号"})
        signatures = (SignatureGiven(SignerRole.PARTY, "摊主", image_png=signature_png(1)),
                      *(SignatureGiven(SignerRole.INSPECTOR, "", staff_id=staff,
                                       image_png=signature_png(n)) for n, staff in
                        enumerate(team)))
        return inspections.finalize_inspection(
            ws, actor, started.inspection, result_codes=["1"], follow_up=[FollowUp("none")],
            signatures=signatures).value.content_hash

    return str(on_db(app, work))


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def history_screen(launch: Launcher, tmp_path: Path) -> tuple[Launched, FieldTasksScreen,
                                                                Setup, str]:
    app, screen, setup = field_screen(launch, tmp_path)
    digest = finalized(app, setup)
    screen.reload()
    assert screen.select_task(setup.task)
    assert [p.content_hash for p in screen.history.history] == [digest]
    assert screen.history.selected() is not None
    return app, screen, setup, digest


@pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")
def test_the_record_is_saved_as_pdf_where_the_user_says(
        launch: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _app, screen, setup, digest = history_screen(launch, tmp_path)
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(Path(suggested).name)
        return str(tmp_path / "笔录.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    assert screen.history.pdf_button.isEnabled()
    screen.history.pdf_button.click()

    assert asked == [f"现场检查笔录-{setup.name}-{digest[:12]}.pdf"]
    text = subprocess.run(["pdftotext", str(tmp_path / "笔录.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert digest in text.replace("\n", "") and setup.name in text
    assert str(tmp_path / "笔录.pdf") in screen.history.status_label.text()


@pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")
def test_printing_goes_through_the_print_dialog_page_by_page(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, _setup, _digest = history_screen(launch, tmp_path)
    past = screen.history.selected()
    assert past is not None
    record = tmp_path / "record.pdf"
    record.write_bytes(on_db(app, lambda ws: inspection_record.record_pdf(ws, past.uuid)))

    screen.history.print_button.click()
    dialog = screen.history.print_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    printed = tmp_path / "printed.pdf"
    # No printer on this machine: Qt's dialog prints to a file, named as a user would.
    name = dialog.findChild(QLineEdit, "filename")
    assert name is not None
    name.setText(str(printed))
    dialog.accept()

    info = subprocess.run(["pdfinfo", str(printed)], check=True, capture_output=True,
                          text=True).stdout
    assert pdf_pages(printed) == pdf_pages(record) >= 1  # every page of the record
    assert "595.2" in info or "595" in info  # A4 width in points
    assert str(printed) in screen.history.status_label.text()


def test_a_correction_opens_its_form_with_the_old_answers_and_the_old_record_stays(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup, digest = history_screen(launch, tmp_path)

    screen.history.revise_button.click()
    dialog = screen.history.reason_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue("摊位号记错")
    dialog.accept()

    qtbot.waitUntil(lambda: screen.form is not None)
    assert screen.form is not None
    assert screen.form.answers()["stall_note"] == "东门 3 号"
    assert screen.current is not None and screen.current.uuid == setup.task
    [old] = on_db(app, lambda ws: field_tasks.entity_history(ws.store, setup.entity))
    assert old.content_hash == digest and old.superseded
    assert not screen.history.revise_button.isEnabled(), "a corrected record is not " \
        "corrected twice"


def test_a_clue_is_referred_from_the_record_and_said_on_the_screen(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, _setup, _digest = history_screen(launch, tmp_path)

    screen.history.refer_button.click()
    dialog = screen.referral_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert [f.item_key for f in dialog.findings] == ["licence_shown", "premises_clean",
                                                      "stall_note"]
    dialog.recipient_edit.setText("正定县市场监管综合执法大队")
    dialog.summary_edit.setPlainText("摊位销售疑似假冒商品")
    dialog.ok_button.click()  # no finding ticked (none is a problem): refused, stays open
    assert dialog.isVisible() and dialog.error_label.text()
    first = dialog.findings_list.item(0)
    assert first is not None
    first.setCheckState(Qt.CheckState.Checked)
    dialog.ok_button.click()

    qtbot.waitUntil(lambda: not dialog.isVisible())
    [referral] = on_db(app, lambda ws: referrals.list_referrals(ws.store))
    assert referral.recipient == "正定县市场监管综合执法大队"
    assert referral.inspection_uuid == screen.history.history[0].uuid
    assert "正定县市场监管综合执法大队" in screen.message_label.text()
