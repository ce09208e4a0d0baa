"""The plans screen on a real demo workspace: the form, the preview, seed, draw, release.

Windows run on inline executors, so each op completes within the click that starts it.
Confirmation boxes are answered by patching ``QMessageBox.question``; what the app
stored is read back through the real services on the window's own DB worker.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.core.draw import verify_protocol
from inspector.core.lifecycles import PlanStatus, TaskStatus
from inspector.core.plan_document import parse_plan
from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.services import planning
from tests.ui.helpers import LEFT, TODAY, HeldExecutor, Launcher, query_one, type_chinese
from tests.ui.planning_support import (
    CODE,
    EXAMPLE,
    answer_yes,
    as_team_lead,
    drawn_example,
    on_db,
    saved_example,
    stored_plans,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize(("role", "sees"), [
    (Role.INSPECTOR, False), (Role.TEAM_LEAD, True), (Role.ADMINISTRATOR, True),
    (Role.AUDITOR, False)], ids=str)
def test_only_team_leads_and_administrators_see_plans_and_publication(
        launch: Launcher, role: Role, sees: bool) -> None:
    app = launch()
    window = app.window

    app.ctx.set_role(role)

    keys = window.visible_screen_keys()
    assert ("plans" in keys, "disclosure" in keys) == (sees, sees)
    assert window.show_screen("plans") is sees
    assert window.show_screen("disclosure") is sees
    assert (window.stack.currentWidget() is window.disclosure) is sees


def test_an_imported_plan_file_is_previewed_and_saved(launch: Launcher) -> None:
    app, screen = as_team_lead(launch)
    assert stored_plans(app) == ()

    screen.import_plan_file(EXAMPLE)
    screen.refresh_preview()

    form = screen.form
    assert form.code_edit.text() == CODE
    assert form.team_spin.value() == 2
    assert [s.ratio.text() for s in form.strata[:4]] == ["0.01", "0.02", "0.03", "0.10"]
    assert form.strata[4].count.value() == 5
    # The preview is the directory's own figures for this plan, as the draw will see them.
    expected = parse_plan(EXAMPLE.read_text(encoding="utf-8"))
    inputs = on_db(app, lambda ws: planning.draw_inputs(ws.store, expected, TODAY))
    sizes = [inputs.stratum_sizes.get(s.name, 0) for s in expected.strata]
    takes = [s.take(size) for s, size in zip(expected.strata, sizes, strict=True)]
    assert [s.size.text() for s in form.strata] == [f"{n:,}" for n in sizes]
    assert [s.take.text() for s in form.strata] == [f"{n:,}" for n in takes]
    assert form.total_take.text() == f"{sum(takes):,}"
    assert f"：{len(inputs.candidates)}" in form.preview_label.text()
    assert "可以抽取" in form.issues_label.text()

    screen.save_plan()

    plans = stored_plans(app)
    assert [(p.code, p.status) for p in plans] == [(CODE, PlanStatus.SAVED)]
    assert on_db(app, lambda ws: planning.load_plan(ws.store, CODE)) == expected
    assert screen.model.total == 1 and screen.model.row_at(0).code == CODE
    assert screen.table.selectionModel().selectedRows()[0].row() == 0
    assert "已保存" in screen.message_label.text()


def test_a_plan_file_with_a_team_of_one_is_refused_by_field(
        launch: Launcher, tmp_path: Path) -> None:
    app, screen = as_team_lead(launch)
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["team_size"] = 1
    bad = tmp_path / "team-of-one.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    screen.import_plan_file(bad)

    message = screen.message_label.text()
    assert "team_size" in message and "每组至少 2 名检查人员" in message
    assert "每组人数" in message, "the form's own label names the field"
    assert screen.form.code_edit.text() == "", "nothing was read into the form"
    screen.save_plan()
    assert stored_plans(app) == ()


def test_a_broken_field_in_the_form_is_named_and_focused(launch: Launcher,
                                                        qtbot: QtBot) -> None:
    app, screen = as_team_lead(launch)
    screen.import_plan_file(EXAMPLE)
    screen.form.strata[2].ratio.setText("3%")
    screen.form.code_edit.setFocus()

    qtbot.keyClick(screen.form.code_edit, Qt.Key.Key_S, CTRL)

    message = screen.message_label.text()
    assert "未保存" in message and "strata[2].ratio" in message and "分层 C" in message
    assert QApplication.focusWidget() is screen.form.strata[2].ratio
    assert stored_plans(app) == ()

    app.ctx.set_lang(Lang.EN)
    screen.save_plan()
    assert "field strata[2].ratio" in screen.message_label.text()
    assert "stratum C" in screen.message_label.text()


def test_the_preview_names_a_pool_too_small_for_the_team(launch: Launcher) -> None:
    _app, screen = as_team_lead(launch)
    screen.import_plan_file(EXAMPLE)
    screen.form.team_spin.setValue(20)
    screen.form.pool_regions_edit.setText("130102")  # no inspector works there

    screen.refresh_preview()

    issues = screen.form.issues_label.text()
    assert "不能抽取" in issues and "只有 0 名符合条件的检查人员，不足每组 20 人" in issues


def test_committing_a_seed_shows_the_commitment_of_the_stored_seed(
        launch: Launcher, qtbot: QtBot) -> None:
    app, screen = saved_example(launch)
    panel = screen.draw_panel
    assert not panel.run_button.isEnabled(), "no draw before a seed is committed"

    qtbot.mouseClick(panel.commit_button, LEFT)

    shown = panel.commitment_edit.text()
    (plan,) = stored_plans(app)
    pending = query_one(app.root, f"SELECT pending_seed FROM plan WHERE code = '{CODE}'")
    assert plan.seed_ready and plan.seed_commitment == shown
    assert shown == hashlib.sha256(bytes.fromhex(pending)).hexdigest()
    assert panel.commitment_edit.isReadOnly()
    assert panel.run_button.isEnabled()
    qtbot.mouseClick(panel.copy_button, LEFT)
    clipboard = QApplication.clipboard()
    assert clipboard is not None and clipboard.text() == shown


def test_a_seed_from_a_public_text_is_its_sha256(launch: Launcher, qtbot: QtBot) -> None:
    app, screen = saved_example(launch)
    panel = screen.draw_panel
    panel.text_radio.setChecked(True)
    panel.public_text_edit.setFocus()
    type_chinese(panel.public_text_edit, "2026-12-01 福彩3D 第2026320期 开奖号码 518")

    qtbot.mouseClick(panel.commit_button, LEFT)

    seed = hashlib.sha256("2026-12-01 福彩3D 第2026320期 开奖号码 518".encode()).digest()
    assert panel.commitment_edit.text() == hashlib.sha256(seed).hexdigest()
    assert stored_plans(app)[0].seed_text.endswith("518")
    assert "公开文本" in panel.seed_state.text()


def test_the_draw_fills_the_tasks_and_its_protocol_verifies(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    app, screen = drawn_example(launch, qtbot, monkeypatch)
    panel = screen.draw_panel

    (plan,) = stored_plans(app)
    summary = panel.summary
    assert plan.status is PlanStatus.DRAWN and summary is not None
    assert panel.sha_edit.text() == plan.protocol_sha256 == summary.sha256
    assert panel.selected_value.text() == str(summary.selected) == str(plan.proposed)
    assert not panel.run_button.isEnabled() and not panel.commit_button.isEnabled()
    assert not panel.busy.isVisible()

    tasks = screen.tasks_panel
    assert tasks.model.total == plan.proposed > 0
    first = tasks.model.row_at(0)
    assert first.status is TaskStatus.PROPOSED and len(first.team) == 2
    assert tasks.table.model().index(0, 5).data() == "已抽取，待下达"
    assert tasks.table.model().index(0, 2).data() == "正定县"

    target = tmp_path / "protocol"
    panel.save_protocol_to(target)
    document = json.loads((tmp_path / "protocol.json").read_text(encoding="utf-8"))
    assert document["sha256"] == plan.protocol_sha256
    assert verify_protocol(document).ok
    assert panel.capacity_value.text() == str(document["plan"]["capacity"])

    panel.export_ceremony_to(tmp_path / "ceremony")
    pdf, xlsx = sorted((tmp_path / "ceremony").iterdir())
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.suffix == ".xlsx"
    assert plan.protocol_sha256[:12] in pdf.name
    assert "已写入" in panel.message_label.text()


def test_releasing_assigns_every_task(launch: Launcher, qtbot: QtBot,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    app, screen = drawn_example(launch, qtbot, monkeypatch)
    asked = answer_yes(monkeypatch)
    tasks = screen.tasks_panel
    proposed = stored_plans(app)[0].proposed

    qtbot.mouseClick(tasks.release_button, LEFT)

    assert len(asked) == 1 and str(proposed) in asked[0]
    (plan,) = stored_plans(app)
    assert plan.status is PlanStatus.RELEASED and plan.released == proposed
    assert {tasks.model.row_at(r).status for r in range(tasks.model.total)} == {
        TaskStatus.ASSIGNED}
    assert not tasks.release_button.isEnabled()
    assert screen.model.row_at(0).status is PlanStatus.RELEASED
    assert screen.table.model().index(0, 2).data() == "已下达"


def test_a_drawn_plan_cannot_be_drawn_again_or_overwritten(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    app, screen = drawn_example(launch, qtbot, monkeypatch)
    sha = stored_plans(app)[0].protocol_sha256

    screen.save_plan()

    assert "已抽取" in screen.message_label.text()
    assert stored_plans(app)[0].protocol_sha256 == sha
    assert not screen.draw_panel.run_button.isEnabled()


def test_ctrl_r_asks_before_drawing_and_no_draws_nothing(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    app, screen = saved_example(launch)
    qtbot.mouseClick(screen.draw_panel.commit_button, LEFT)
    asked: list[str] = []

    def decline(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    screen.tabs.setCurrentIndex(0)
    screen.form.code_edit.setFocus()

    qtbot.keyClick(screen.form.code_edit, Qt.Key.Key_R, CTRL)

    assert asked == ["开始抽取"]
    assert screen.tabs.currentWidget() is screen.draw_panel
    assert stored_plans(app)[0].status is PlanStatus.SAVED


def test_the_window_stays_usable_while_the_draw_runs(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldExecutor()
    app, screen = saved_example(launch, held)
    panel = screen.draw_panel
    screen.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.commit_button, LEFT)
    answer_yes(monkeypatch)
    held.hold = True

    qtbot.mouseClick(panel.run_button, LEFT)

    assert held.waiting == 1, "the draw waits on the database thread"
    assert panel.busy.isVisible() and not panel.run_button.isEnabled()
    assert panel.message_label.text() == "正在抽取……"
    assert app.window.busy_label.text() == "处理中……"
    assert app.window.show_screen("directory"), "the window still answers"
    assert app.window.show_screen("plans")
    assert panel.busy.isVisible()

    held.release()

    assert not panel.busy.isVisible() and panel.summary is not None
    assert stored_plans(app)[0].status is PlanStatus.DRAWN


def test_the_screen_follows_a_language_change(launch: Launcher) -> None:
    app, screen = saved_example(launch)
    screen.refresh_preview()
    assert screen.title.text() == "抽查计划与抽取"

    app.ctx.set_lang(Lang.EN)

    assert screen.title.text() == "Plans and draw"
    assert [screen.tabs.tabText(i) for i in range(3)] == [
        "Plan definition", "Seed and draw", "Tasks"]
    assert screen.table.model().index(0, 2).data() == "saved"
    assert "Ready to draw." in screen.form.issues_label.text()
    assert screen.message_label.text().startswith(f"Plan {CODE} saved.")
    assert app.window.navigation.item(3).text() == "Plans and draw"
