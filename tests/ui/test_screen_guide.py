"""The first-run tour of the screens: shown once, walks the role's screens, dismissable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.services.first_run_tour import SETTING_KEY
from inspector.ui.main_window import MainWindow
from tests.ui.helpers import Launched, Launcher, query_one

CONTEXT = "ScreenGuide"
HOME_TEXT = ("Start here each day: who you are acting as, what this laptop holds and "
             "today's deadlines for publishing results and delivering samples. A team "
             "lead's assignment package is imported here too.")
TASKS_TEXT = ("Your randomly drawn inspections, open ones first by due date. Start an "
              "inspection on site, fill its checklist (every answer is saved at once), "
              "take samples and finalize the record with signatures.")


def _stored_ending(launched: Launched) -> str | None:
    value = query_one(launched.root, "SELECT COUNT(*) FROM workspace_setting "
                                     f"WHERE key = '{SETTING_KEY}'")
    if value == 0:
        return None
    return str(query_one(launched.root,
                         f"SELECT value FROM workspace_setting WHERE key = '{SETTING_KEY}'"))


def _screens(window: MainWindow) -> dict[str, QWidget]:
    return {"home": window.home, "directory": window.directory, "audit": window.audit,
            "plans": window.plans, "disclosure": window.disclosure,
            "referrals": window.referrals, "sync": window.sync, "tasks": window.tasks,
            "drafts": window.drafts, "samples": window.samples, "scan": window.scan_station,
            "checklists": window.checklists}


def _step_text(index: int, total: int) -> str:
    return (QCoreApplication.translate(CONTEXT, "Tour of the screens · step %1 of %2")
            .replace("%1", str(index)).replace("%2", str(total)))


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key pressed where the keyboard is (as the user presses it)."""
    focus = QApplication.focusWidget()
    assert focus is not None, "something in the window has the keyboard"
    qtbot.keyClick(focus, key)


def test_the_first_start_shows_the_guide_without_taking_the_keyboard(
        app_window: Launched) -> None:
    window, guide = app_window.window, app_window.window.guide

    assert guide.isVisible()
    assert guide.current_key == "home" and window.stack.currentWidget() is window.home
    assert guide.heading_label.text() == "概览"  # the screen's name as the navigation says it
    assert guide.step_label.text() == _step_text(1, 12)
    assert guide.text_label.text() == QCoreApplication.translate(CONTEXT, HOME_TEXT)
    assert not guide.back_button.isEnabled()
    assert guide.next_button.isVisible() and not guide.finish_button.isVisible()
    assert not guide.has_focus(), "the guide opened by itself must leave the keyboard alone"
    # It sits above the screen, which stays usable, not over it.
    assert guide.geometry().bottom() < window.stack.geometry().top()
    assert _stored_ending(app_window) is None


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.TEAM_LEAD, Role.ADMINISTRATOR,
                                  Role.AUDITOR], ids=lambda role: role.value)
def test_enter_walks_every_screen_of_the_role_then_finishes(
        app_window: Launched, qtbot: QtBot, role: Role) -> None:
    window, guide = app_window.window, app_window.window.guide
    app_window.ctx.set_role(role)
    keys = window.visible_screen_keys()
    assert guide.steps() == keys, "every screen the role sees has its explanation"

    qtbot.keyClick(window, Qt.Key.Key_F1)  # the keyboard goes to the guide
    assert guide.has_focus()

    texts: list[str] = []
    for number, key in enumerate(keys, start=1):
        assert guide.current_key == key
        assert window.current_screen_key() == key
        assert window.stack.currentWidget() is _screens(window)[key]
        assert guide.heading_label.text() == window.screen_title(key)
        assert guide.step_label.text() == _step_text(number, len(keys))
        texts.append(guide.text_label.text())
        last = number == len(keys)
        assert guide.finish_button.isVisibleTo(window) is last
        assert guide.next_button.isVisibleTo(window) is not last
        _press(qtbot, Qt.Key.Key_Return)

    assert len(set(texts)) == len(keys) and all(len(text) > 40 for text in texts)
    assert not guide.isVisible()
    assert _stored_ending(app_window) == "finished"
    assert not guide.has_focus()
    assert window.stack.currentWidget() is _screens(window)[keys[-1]]


def test_back_returns_to_the_previous_screen(app_window: Launched, qtbot: QtBot) -> None:
    window, guide = app_window.window, app_window.window.guide
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.audit

    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)

    assert guide.current_key == "directory"
    assert window.stack.currentWidget() is window.directory
    assert guide.step_label.text() == _step_text(2, 12)


def test_escape_skips_the_tour_for_good(app_window: Launched, launch: Launcher,
                                        qtbot: QtBot) -> None:
    guide = app_window.window.guide
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.has_focus()

    _press(qtbot, Qt.Key.Key_Escape)

    assert not guide.isVisible()
    assert _stored_ending(app_window) == "skipped"
    assert app_window.window.stack.currentWidget() is app_window.window.directory

    again = launch(root=app_window.root)
    assert again.window.isVisible()
    assert not again.window.guide.isVisible()


def test_finish_on_the_last_step_is_remembered_by_the_next_window(
        app_window: Launched, launch: Launcher, qtbot: QtBot) -> None:
    guide = app_window.window.guide
    app_window.window.show_screen("checklists")  # the user went to the last screen
    assert guide.is_last_step() and guide.finish_button.isVisible()

    qtbot.mouseClick(guide.finish_button, Qt.MouseButton.LeftButton)

    assert not guide.isVisible()
    assert _stored_ending(app_window) == "finished"
    assert not launch(root=app_window.root).window.guide.isVisible()


def test_the_help_menu_reopens_the_tour_at_the_first_screen(
        app_window: Launched, qtbot: QtBot) -> None:
    window, guide = app_window.window, app_window.window.guide
    guide.skip()
    window.show_screen("samples")
    assert not guide.isVisible()
    assert window.tour_action in window.help_menu.actions()
    assert window.help_button.menu() is window.help_menu

    window.tour_action.trigger()

    assert guide.isVisible() and guide.has_focus()
    assert guide.current_key == "home" and window.stack.currentWidget() is window.home
    _press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.directory

    # Skipped once and opened again: skipping again leaves the record as it was.
    _press(qtbot, Qt.Key.Key_Escape)
    assert not guide.isVisible() and _stored_ending(app_window) == "skipped"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert guide.isVisible() and guide.current_key == "home"


def test_the_guide_follows_the_navigation_and_role_changes(
        app_window: Launched, qtbot: QtBot) -> None:
    window, guide = app_window.window, app_window.window.guide
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.disclosure
    assert guide.current_key == "disclosure" and guide.step_label.text() == _step_text(5, 12)

    app_window.ctx.set_role(Role.INSPECTOR)  # publication is not an inspector's screen

    assert window.stack.currentWidget() is window.home
    assert guide.current_key == "home" and guide.step_label.text() == _step_text(1, 7)
    window.show_screen("tasks")
    assert guide.step_label.text() == _step_text(4, 7)

    app_window.ctx.set_role(Role.TEAM_LEAD)  # tasks stay; more screens come before them

    assert guide.current_key == "tasks"
    assert guide.step_label.text() == _step_text(8, 12)
    guide.next_step()
    assert window.stack.currentWidget() is window.drafts


def test_screen_keys_keep_working_while_the_guide_is_open(
        app_window: Launched, qtbot: QtBot) -> None:
    window, guide = app_window.window, app_window.window.guide
    window.show_screen("directory")
    field = app_window.entities.filter_edit
    field.setFocus()
    qtbot.keyClicks(field, "abc")

    qtbot.keyClick(field, Qt.Key.Key_Escape)  # the filter's own Escape: clear it
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert field.text() == ""
    assert guide.isVisible() and guide.current_key == "directory"
    assert _stored_ending(app_window) is None


def test_a_language_switch_rewords_the_guide(app_window: Launched) -> None:
    window, guide = app_window.window, app_window.window.guide
    window.show_screen("tasks")
    assert guide.heading_label.text() == "任务与检查"
    assert guide.text_label.text() == QCoreApplication.translate(CONTEXT, TASKS_TEXT)
    assert guide.next_button.text() == QCoreApplication.translate(CONTEXT, "Next ›")

    app_window.ctx.set_lang(Lang.EN)

    assert guide.heading_label.text() == "Tasks"
    assert guide.text_label.text() == TASKS_TEXT
    assert guide.step_label.text() == "Tour of the screens · step 8 of 12"
    assert [guide.skip_button.text(), guide.back_button.text(), guide.next_button.text(),
            guide.finish_button.text()] == ["Skip the tour", "‹ Back", "Next ›", "Finish"]
    assert window.tour_action.text() == "Tour of the screens"
    assert window.help_button.text() == "Help"

    app_window.ctx.set_lang(Lang.ZH)

    assert guide.heading_label.text() == "任务与检查"
    assert guide.text_label.text() == QCoreApplication.translate(CONTEXT, TASKS_TEXT)
    assert guide.step_label.text() == _step_text(8, 12)
