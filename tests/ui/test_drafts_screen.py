"""The 填写清单 screen: a draft filled with every answer autosaved (and still there when
the store is read by another process, as after a crash), a save that fails and is
said, and a draft moved to a newer version after the inspector's consent."""

from __future__ import annotations

import copy
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from inspector.core.roles import Role
from inspector.resource_files import resource
from inspector.services import checklist_drafts, checklist_library
from inspector.services.demo_workspace import publish_shipped_checklists
from inspector.services.workspace import open_workspace
from inspector.ui.screens.drafts import DraftsScreen
from tests.ui.helpers import LEFT, Launched, Launcher, type_chinese
from tests.ui.planning_support import on_db

FOOD_VENDOR = resource("checklists", "food-vendor.json")


def drafts_screen(launch: Launcher, qtbot: QtBot) -> tuple[Launched, DraftsScreen]:
    app = launch()
    on_db(app, lambda ws: publish_shipped_checklists(ws, app.ctx.actor))
    app.ctx.set_role(Role.INSPECTOR)
    assert app.window.show_screen("drafts")
    screen = app.window.drafts
    qtbot.waitUntil(lambda: screen.checklist_box.count() == 4)  # the shipped checklists
    return app, screen


def start(screen: DraftsScreen, qtbot: QtBot, code: str, label: str) -> None:
    screen.checklist_box.setCurrentIndex(screen.checklist_box.findData(code))
    type_chinese(screen.label_edit, label)
    qtbot.mouseClick(screen.new_button, LEFT)
    qtbot.waitUntil(lambda: screen.form is not None and screen.current is not None)


def choose(qtbot: QtBot, screen: DraftsScreen, key: str, number: int) -> None:
    assert screen.form is not None
    strip = screen.form.row(key).editor.choice
    qtbot.mouseClick(strip, LEFT, pos=strip.option_rect(number).center())


def test_every_answer_is_saved_as_it_is_given(launch: Launcher, qtbot: QtBot) -> None:
    app, screen = drafts_screen(launch, qtbot)
    start(screen, qtbot, "SPXS", "正定县某某超市")
    assert screen.current is not None and screen.current.label == "正定县某某超市"
    assert screen.banner.text() == "本草稿使用 SPXS 第 1 版。"

    choose(qtbot, screen, "licences_valid", 0)  # 符合 shows the licence number
    assert screen.form is not None
    number = screen.form.row("licence_number").editor
    type_chinese(number.edit, "JY11301230012345")
    count = screen.form.row("foods_checked").editor
    qtbot.keyClicks(count.edit, "35")
    autosaver = screen.autosaver
    assert autosaver is not None
    qtbot.waitUntil(lambda: autosaver.idle and screen.save_label.text() == "每个答案随填随存。")

    # Read by an independent store, as the app would after a crash: nothing was closed
    # or flushed on the way out, and every answer is there.
    other = open_workspace(app.root)
    try:
        draft = checklist_drafts.open_draft(other.store, autosaver.draft)
    finally:
        other.store.close()
    assert draft.answers["licences_valid"] == "符合"
    assert draft.answers["licence_number"] == "JY11301230012345"
    assert str(draft.answers["foods_checked"]) == "35"


def test_a_save_that_fails_is_said_and_the_answer_kept(launch: Launcher,
                                                       qtbot: QtBot) -> None:
    app, screen = drafts_screen(launch, qtbot)
    start(screen, qtbot, "SPXS", "某某便利店")
    autosaver = screen.autosaver
    assert autosaver is not None
    on_db(app, lambda ws: checklist_drafts.discard_draft(ws.store, app.ctx.actor,
                                                         autosaver.draft))

    choose(qtbot, screen, "licences_valid", 1)

    qtbot.waitUntil(lambda: screen.save_label.text().startswith("尚未保存"))
    assert "没有草稿" in screen.save_label.text()
    assert not autosaver.idle  # the answer waits to be tried again


def version_two() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FOOD_VENDOR.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["version"] = 2
    items = data["sections"][0]["items"]
    number = next(i for i in items if i["key"] == "licence_number")
    items.remove(number)  # the licence number is no longer asked
    return data


def test_a_draft_moves_to_a_new_version_only_with_consent(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen = drafts_screen(launch, qtbot)
    start(screen, qtbot, "SPXS", "某某粮油店")
    choose(qtbot, screen, "licences_valid", 0)
    assert screen.form is not None
    type_chinese(screen.form.row("licence_number").editor.edit, "JY1")
    assert screen.autosaver is not None
    qtbot.waitUntil(lambda: screen.autosaver is not None and screen.autosaver.idle)
    path = tmp_path / "spxs-2.json"
    path.write_text(json.dumps(version_two(), ensure_ascii=False), encoding="utf-8")
    on_db(app, lambda ws: checklist_library.import_checklist(ws.store, app.ctx.actor, path))
    on_db(app, lambda ws: checklist_library.publish_version(ws.store, app.ctx.actor,
                                                           "SPXS", 2))
    screen.reload()
    qtbot.waitUntil(screen.move_button.isVisible)
    assert "第 2 版已经发布" in screen.banner.text()

    qtbot.mouseClick(screen.move_button, LEFT)
    qtbot.waitUntil(lambda: screen.move_dialog is not None and screen.move_dialog.isVisible())
    dialog = screen.move_dialog
    assert dialog is not None
    # The dropped answer comes first, in red, named by its item's label.
    assert [dialog.model.index(0, c).data() for c in range(3)] == [
        "食品经营许可证编号", "—", "舍弃"]
    assert not dialog.ok_button.isEnabled()  # nothing is dropped without consent
    dialog.confirm_box.setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    qtbot.waitUntil(lambda: screen.opened is not None and screen.opened.checklist.version == 2)
    assert not screen.move_button.isVisible()
    assert screen.form is not None and screen.form.answers()["licences_valid"] == "符合"
    uuid = screen.opened.view.uuid
    moved = on_db(app, lambda ws: checklist_drafts.open_draft(ws.store, uuid))
    assert moved.checklist.version == 2 and "licence_number" not in moved.answers


def test_closing_a_draft_keeps_an_answer_given_while_a_save_was_in_flight(
        launch: Launcher, qtbot: QtBot) -> None:
    # A real database thread, so a save is still in flight when the next answer comes.
    executor = ThreadPoolExecutor(max_workers=1)
    app = launch(executor=executor)  # type: ignore[arg-type]
    on_db(app, lambda ws: publish_shipped_checklists(ws, app.ctx.actor))
    app.ctx.set_role(Role.INSPECTOR)
    assert app.window.show_screen("drafts")
    screen = app.window.drafts
    qtbot.waitUntil(lambda: screen.checklist_box.count() == 4)
    start(screen, qtbot, "SPXS", "某某副食店")
    form, autosaver = screen.form, screen.autosaver
    assert form is not None and autosaver is not None
    uuid = autosaver.draft

    form.row("licences_valid").editor.choice.choose(0)  # saved on the DB thread…
    form.row("certificates_shown").editor.choice.choose(0)  # …while this one waits
    assert not autosaver.idle
    screen.close_draft()  # the inspector opens another draft, or closes the window

    def stored() -> dict[str, Any]:
        return dict(on_db(app, lambda ws: checklist_drafts.open_draft(ws.store, uuid)).answers)

    qtbot.waitUntil(lambda: stored() == {"licences_valid": "符合",
                                         "certificates_shown": "yes"})
