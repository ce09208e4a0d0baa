"""The tasks tab's recorded redraw and assignment packages, and their import from the
overview, on real demo workspaces.

Windows run on inline executors, so each op completes within the click that starts it.
Dialogs the screens open non-modally are driven through the objects they expose; the
file chooser of the import is patched. What the app stored is read back through the
real services (or straight from the database of the second workspace).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from inspector.core.draw import verify_redraws
from inspector.core.lifecycles import TaskStatus
from inspector.core.roles import Role
from inspector.services import assignment_package, planning, recusals
from inspector.ui.widgets.package_dialogs import ExportPackageDialog
from tests.ui.helpers import LEFT, Launched, Launcher, query_one, type_chinese
from tests.ui.planning_support import CODE, answer_yes, drawn_example, on_db

REASON = "近亲属在该单位任职"


def stored_tasks(app: Launched) -> dict[str, planning.TaskView]:
    tasks = on_db(app, lambda ws: planning.plan_tasks(ws.store, CODE))
    return {task.entity_key: task for task in tasks}


def package_tasks(root: Path) -> int:
    return int(query_one(root, "SELECT COUNT(*) FROM task WHERE source = 'assignment_package'"))


def test_a_redraw_from_the_tasks_tab_changes_the_team(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    app, screen = drawn_example(launch, qtbot, monkeypatch)
    tasks = screen.tasks_panel
    screen.tabs.setCurrentWidget(tasks)
    assert not tasks.redraw_button.isEnabled(), "no task selected yet"
    first = tasks.model.row_at(0)
    assert first.status is TaskStatus.PROPOSED
    tasks.table.selectRow(0)
    assert tasks.redraw_button.isEnabled()

    qtbot.mouseClick(tasks.redraw_button, LEFT)

    dialog = tasks.redraw_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.member_box.itemText(i) for i in range(dialog.member_box.count())] == list(
        first.team)
    assert "从不手工修改" in dialog.explanation.text()
    recused = str(dialog.member_box.itemData(0))
    assert f"({recused})" in first.team[0]

    qtbot.mouseClick(dialog.ok_button, LEFT)  # no reason yet

    assert dialog.isVisible() and "回避理由" in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.reason_edit
    assert stored_tasks(app)[first.entity_key].team == first.team
    assert on_db(app, lambda ws: recusals.protocol_redraws(ws.store, CODE)) == ()

    type_chinese(dialog.reason_edit, REASON)
    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert not dialog.isVisible()
    after = stored_tasks(app)[first.entity_key]
    assert after.team != first.team and len(after.team) == len(first.team)
    assert all(f"({recused})" not in member for member in after.team)
    (record,) = on_db(app, lambda ws: recusals.protocol_redraws(ws.store, CODE))
    document = json.loads(record)
    assert document["recusal"] == {"inspector": recused, "reason": REASON}
    message = tasks.message_label.text()
    assert "第 1 次重抽" in message and document["sha256"] in message
    assert " → " in message and first.entity_key in message
    selected = tasks.selected_task()
    assert selected is not None and selected.entity_key == first.entity_key
    assert selected.team == after.team, "the table shows the new team"

    tasks.save_redraws_to(tmp_path / "redraws")

    written = tmp_path / "redraws" / "REDRAW-1.json"
    assert sorted(p.name for p in written.parent.iterdir()) == ["REDRAW-1.json"]
    assert written.read_text(encoding="utf-8") == record
    protocol = json.loads(on_db(app, lambda ws: planning.protocol_text(ws.store, CODE)))
    assert verify_redraws(protocol, [json.loads(written.read_text(encoding="utf-8"))]).ok


@pytest.fixture
def exported(launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
             tmp_path: Path) -> tuple[ExportPackageDialog, Path]:
    """A team lead's package of one inspector's released tasks, exported from the tab."""
    app, screen = drawn_example(launch, qtbot, monkeypatch)
    tasks = screen.tasks_panel
    screen.tabs.setCurrentWidget(tasks)
    assert not tasks.export_button.isEnabled(), "nothing is released yet"
    answer_yes(monkeypatch)
    qtbot.mouseClick(tasks.release_button, LEFT)
    assert tasks.export_button.isEnabled()

    qtbot.mouseClick(tasks.export_button, LEFT)

    dialog = tasks.export_dialog
    assert dialog is not None and dialog.isVisible() and dialog.inspector_box.count() > 0
    target = tmp_path / "package.json"
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, LEFT)

    done = dialog.exported
    staff_id = dialog.staff_id
    released = sum(1 for t in stored_tasks(app).values()
                   if any(f"({staff_id})" in member for member in t.team))
    assert done is not None and done.tasks == released > 0 and target.exists()
    key = on_db(app, lambda ws: assignment_package.signing_fingerprint(ws.store))
    assert done.fingerprint == key == dialog.fingerprint_edit.text()
    assert f"{released} 项任务" in dialog.message_label.text()
    assert "首次导入" in dialog.confirm_note.text() and dialog.result_box.isVisible()
    qtbot.mouseClick(dialog.copy_button, LEFT)
    clipboard = QApplication.clipboard()
    assert clipboard is not None and clipboard.text() == key
    return dialog, target


@pytest.fixture
def laptop(launch: Launcher, demo_template: Path, tmp_path: Path) -> Launched:
    """A second workspace (another copy of the demo, with no plan), as an inspector."""
    root = tmp_path / "laptop"
    shutil.copytree(demo_template, root)
    app = launch(root=root)
    app.ctx.set_role(Role.INSPECTOR)
    assert app.window.show_screen("home")
    return app


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args, **_kwargs: (str(path), "任务包 (*.json)"))


def test_an_exported_package_imports_on_another_laptop_once_its_key_is_confirmed(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        exported: tuple[ExportPackageDialog, Path], laptop: Launched) -> None:
    dialog, package = exported
    done = dialog.exported
    assert done is not None
    other = laptop
    home = other.window.home
    choose_file(monkeypatch, package)

    qtbot.mouseClick(home.import_package_button, LEFT)

    trust = home.trust_dialog
    assert trust is not None and trust.isVisible()
    assert trust.fingerprint_edit.text() == done.fingerprint
    assert package.name in trust.question.text()
    assert package_tasks(other.root) == 0, "nothing is imported before the key is trusted"

    qtbot.mouseClick(trust.trust_button, LEFT)

    assert package_tasks(other.root) == done.tasks
    message = home.package_message.text()
    assert f"新增任务 {done.tasks} 项（已有 0 项）" in message
    assert done.staff_id in message and done.fingerprint in message

    # The key is trusted from now on: the same package again asks nothing, doubles nothing.
    qtbot.mouseClick(home.import_package_button, LEFT)

    assert home.trust_dialog is trust and not trust.isVisible()
    assert package_tasks(other.root) == done.tasks
    assert f"新增任务 0 项（已有 {done.tasks} 项）" in home.package_message.text()


def test_a_tampered_package_is_refused_and_imports_nothing(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        exported: tuple[ExportPackageDialog, Path], laptop: Launched) -> None:
    _dialog, package = exported
    document = json.loads(package.read_text(encoding="utf-8"))
    document["tasks"][0]["due_date"] = "2099-12-31"
    tampered = package.with_name("tampered.json")
    tampered.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    other = laptop
    home = other.window.home
    events = int(query_one(other.root, "SELECT COUNT(*) FROM audit_event"))
    choose_file(monkeypatch, tampered)

    qtbot.mouseClick(home.import_package_button, LEFT)

    assert home.trust_dialog is None, "a broken signature is never offered for trust"
    message = home.package_message.text()
    assert message.startswith("未导入") and "签名无效" in message and tampered.name in message
    assert package_tasks(other.root) == 0
    assert int(query_one(other.root, "SELECT COUNT(*) FROM audit_event")) == events
