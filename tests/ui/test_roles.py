"""Acting roles: which screens and actions each role gets, and keyboard navigation."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from inspector.core.roles import Role
from inspector.services.directory_import import ImportKind
from tests.ui.helpers import Launched

CTRL = Qt.KeyboardModifier.ControlModifier


def _count_file_choosers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def get_open_file_name(_parent: Any, caption: str, *_args: Any) -> tuple[str, str]:
        asked.append(caption)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    return asked


class Access(NamedTuple):
    role: Role
    sees_audit: bool
    sees_plans: bool
    may_import: bool


@pytest.mark.parametrize("access", [
    Access(Role.INSPECTOR, sees_audit=False, sees_plans=False, may_import=False),
    Access(Role.TEAM_LEAD, sees_audit=True, sees_plans=True, may_import=False),
    Access(Role.ADMINISTRATOR, sees_audit=True, sees_plans=True, may_import=True),
    Access(Role.AUDITOR, sees_audit=True, sees_plans=False, may_import=False),
], ids=lambda access: access.role.value)
def test_each_role_sees_its_screens_and_actions(
        app_window: Launched, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        access: Access) -> None:
    role, sees_audit, sees_plans, may_import = access
    window = app_window.window
    asked = _count_file_choosers(monkeypatch)

    app_window.ctx.set_role(role)

    screens = {"home": "概览", "directory": "名录库", "audit": "审计日志",
               "plans": "抽查计划与抽取", "disclosure": "结果公示", "referrals": "线索移送",
               "sync": "同步",
               "tasks": "任务与检查", "drafts": "填写清单", "samples": "样品",
               "scan": "扫码交接", "checklists": "检查清单"}
    expected = [key for key in screens if (key != "audit" or sees_audit)
                and (key not in ("plans", "disclosure", "referrals", "checklists")
                     or sees_plans)
                and (key not in ("tasks", "drafts", "scan") or role is not Role.AUDITOR)]
    assert window.visible_screen_keys() == expected
    assert [window.navigation.item(r).text() for r in range(window.navigation.count())] == [
        screens[key] for key in expected]
    assert window.show_screen("audit") is sees_audit
    assert (window.stack.currentWidget() is window.audit) is sees_audit
    assert window.show_screen("directory")
    for tab in (app_window.entities, app_window.inspectors):
        window.directory.show_tab(tab.kind)
        assert tab.import_button.isVisibleTo(window) is may_import
    window.directory.show_tab(ImportKind.ENTITIES)
    assert f"当前角色：{role.label()}" in window.home.greeting.text()

    # Ctrl+I is the keyboard way to the import; it must obey the role just the same.
    app_window.entities.table.setFocus()
    qtbot.keyClick(app_window.entities.table, Qt.Key.Key_I, CTRL)
    assert asked == (["导入市场主体"] if may_import else [])


def test_the_role_box_changes_the_acting_role(app_window: Launched) -> None:
    window = app_window.window
    box = window.role_box
    assert box.currentText() == "管理员"

    box.setCurrentIndex(box.findText("检查人员"))

    assert app_window.ctx.role is Role.INSPECTOR
    assert window.visible_screen_keys() == ["home", "directory", "sync", "tasks", "drafts",
                                            "samples", "scan"]
    assert not app_window.entities.import_button.isVisibleTo(window)
    assert box.currentText() == "检查人员"


def test_the_role_box_follows_a_role_set_elsewhere(app_window: Launched) -> None:
    window = app_window.window
    app_window.ctx.set_role(Role.TEAM_LEAD)
    assert window.role_box.currentText() == "组长"
    assert "plans" in window.visible_screen_keys()
    app_window.ctx.set_role(Role.INSPECTOR)
    assert window.role_box.currentText() == "检查人员"
    assert "plans" not in window.visible_screen_keys()


def test_an_inspector_is_moved_off_the_audit_log(app_window: Launched) -> None:
    window = app_window.window
    assert window.show_screen("audit")
    assert window.stack.currentWidget() is window.audit

    app_window.ctx.set_role(Role.INSPECTOR)

    assert window.stack.currentWidget() is window.home
    assert window.navigation.currentItem().text() == "概览"


def test_ctrl_and_a_number_jump_to_a_screen(app_window: Launched, qtbot: QtBot) -> None:
    window = app_window.window
    assert window.stack.currentWidget() is window.home

    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)

    assert window.navigation.currentRow() == 1
    assert window.stack.currentWidget() is window.directory

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)

    assert window.stack.currentWidget() is window.audit

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)

    assert window.stack.currentWidget() is window.home


def test_ctrl_and_a_number_skip_screens_the_role_may_not_use(app_window: Launched,
                                                            qtbot: QtBot) -> None:
    window = app_window.window
    app_window.ctx.set_role(Role.INSPECTOR)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.stack.currentWidget() is window.directory

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)

    assert window.stack.currentWidget() is window.sync, "the audit log is skipped"
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    assert window.stack.currentWidget() is window.tasks
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert window.stack.currentWidget() is window.drafts
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    assert window.stack.currentWidget() is window.scan_station
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)  # no eighth screen: nothing moves

    assert window.stack.currentWidget() is window.scan_station
    assert window.navigation.currentRow() == 6
