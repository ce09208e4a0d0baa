"""The checklist form (conditions, problems, progress, keyboard, values) and the library
screen (import, problems of a broken file, publish, preview)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.forms.checklist import Checklist, parse_checklist
from inspector.services import checklist_library
from inspector.services.checklist_files import read_checklist_file
from inspector.ui.i18n import Translations
from inspector.ui.widgets.checklist_editors import (
    ComplianceEditor,
    MultipleChoiceEditor,
    NumberEditor,
    SingleChoiceEditor,
    TextEditor,
)
from inspector.ui.widgets.checklist_form import ChecklistForm
from inspector.ui.widgets.choice_strip import ChoiceStrip
from tests.ui.helpers import LEFT, Launched, type_chinese
from tests.ui.planning_support import answer_yes, on_db
from tests.unit.test_checklist import ENTITY, FOOD_VENDOR, TODAY

STATUS = 3


def with_more_kinds() -> Checklist:
    """FOOD_VENDOR plus a barcode (before the count), a multiple choice, a text and a date."""
    data: dict[str, Any] = copy.deepcopy(FOOD_VENDOR)
    goods = data["sections"][1]["items"]
    goods.insert(1, {"key": "sample_code", "kind": "barcode", "label": "样品条码"})
    goods.append({"key": "goods", "kind": "multiple_choice", "label": "经营品种",
                  "choices": [{"value": "meat", "label": "肉类"},
                              {"value": "milk", "label": "乳制品"},
                              {"value": "tea", "label": "茶叶"}]})
    goods.append({"key": "remark", "kind": "text", "label": "备注"})
    goods.append({"key": "produced_on", "kind": "date", "label": "生产日期"})
    return parse_checklist(json.dumps(data, ensure_ascii=False))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translations = Translations(qapp)
    assert translations.apply(Lang.ZH)
    yield
    translations.apply(Lang.EN)


@pytest.fixture
def form(chinese: None, qtbot: QtBot) -> ChecklistForm:
    widget = ChecklistForm(with_more_kinds(), Lang.ZH, entity=ENTITY, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    assert QTest.qWaitForWindowActive(widget)
    return widget


def editor(form: ChecklistForm, key: str) -> Any:
    return form.row(key).editor


def shown(form: ChecklistForm, key: str) -> bool:
    visible = form.is_shown(key)
    assert visible == form.row(key).box.isVisible()  # what the form says is what shows
    return visible


def problems(form: ChecklistForm, key: str) -> str:
    return form.problems_shown(key)


def click(qtbot: QtBot, strip: ChoiceStrip, number: int) -> None:
    """Click option ``number`` of a choice strip where it is drawn."""
    qtbot.mouseClick(strip, LEFT, pos=strip.option_rect(number).center())


def test_answers_show_the_items_that_depend_on_them(form: ChecklistForm, qtbot: QtBot) -> None:
    assert not shown(form, "licence_problem") and not shown(form, "licence_photo")
    assert shown(form, "temperature")  # risk class D
    licence = editor(form, "licence_shown")
    assert isinstance(licence, ComplianceEditor)
    assert licence.choice.labels == ["符合", "不符合", "不适用"]
    assert licence.heading() == "食品经营许可证在有效期内并悬挂 *  【重点】"
    assert licence.choice.accessibleName() == licence.heading()

    click(qtbot, licence.choice, 1)

    assert shown(form, "licence_problem") and not shown(form, "licence_photo")
    assert problems(form, "licence_problem") == "必填"
    problem = editor(form, "licence_problem")
    assert isinstance(problem, SingleChoiceEditor)
    assert problem.choice is not None
    click(qtbot, problem.choice, 0)  # 过期
    assert shown(form, "licence_photo")
    assert problems(form, "licence_problem") == ""
    assert problems(form, "licence_photo") == "必填"

    click(qtbot, licence.choice, 0)  # 符合 again: both hide, their answers stay
    assert not shown(form, "licence_problem") and not shown(form, "licence_photo")
    assert form.answers()["licence_problem"] == "expired"


def test_an_out_of_range_number_is_named_beside_it_until_fixed(
        form: ChecklistForm, qtbot: QtBot) -> None:
    count = editor(form, "expired_count")
    assert isinstance(count, NumberEditor)

    qtbot.keyClicks(count.edit, "1001")
    # Out of range, and (with expired goods but storage not 不符合) the rule fails too.
    assert problems(form, "expired_count") == "不能大于 1000 件；有过期食品时，贮存条件应判为不符合"
    label = form.row("expired_count").problems
    assert label is not None
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor("#b3261e")

    count.edit.clear()
    qtbot.keyClicks(count.edit, "0")
    assert problems(form, "expired_count") == ""
    assert form.state().problems_of("expired_count") == ()

    qtbot.keyClicks(count.edit, "x.5")  # not a whole number: the validator refuses it
    assert count.edit.text() == "05"


def test_the_progress_counts_answered_and_required_visible_items(
        form: ChecklistForm, qtbot: QtBot) -> None:
    states: list[Any] = []
    form.state_changed.connect(states.append)
    assert form.progress.text() == "已答 0 / 必答 2"

    click(qtbot, editor(form, "licence_shown").choice, 1)  # 不符合
    assert form.progress.text() == "已答 1 / 必答 3"  # 问题类型 now shows, required
    click(qtbot, editor(form, "storage").choice, 0)
    type_chinese(editor(form, "remark").edit, "无")
    assert form.progress.text() == "已答 3 / 必答 3"
    assert (states[-1].answered, states[-1].required) == (3, 3)


def test_a_scanned_barcode_ends_with_enter_and_moves_to_the_next_item(
        form: ChecklistForm, qtbot: QtBot) -> None:
    barcode = editor(form, "sample_code")
    assert isinstance(barcode, TextEditor)
    barcode.edit.setFocus()
    assert barcode.edit.hasFocus()

    qtbot.keyClicks(barcode.edit, "6901234567892")
    qtbot.keyClick(barcode.edit, Qt.Key.Key_Return)

    assert form.answers()["sample_code"] == "6901234567892"
    assert editor(form, "expired_count").edit.hasFocus()
    # Enter there goes on to the temperature (risk class D shows it).
    qtbot.keyClick(editor(form, "expired_count").edit, Qt.Key.Key_Enter)
    assert editor(form, "temperature").edit.hasFocus()


def test_tab_follows_the_items(form: ChecklistForm, qtbot: QtBot) -> None:
    storage = editor(form, "storage")
    click(qtbot, storage.choice, 0)
    note = storage.note
    assert note is not None
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert editor(form, "sample_code").edit.hasFocus()


def test_answers_are_reported_as_the_engine_values(form: ChecklistForm, qtbot: QtBot) -> None:
    changes: list[tuple[str, object]] = []
    form.answer_changed.connect(lambda key, value: changes.append((key, value)))

    qtbot.keyClicks(editor(form, "expired_count").edit, "12")
    qtbot.keyClicks(editor(form, "temperature").edit, "-3.5")
    goods = editor(form, "goods")
    assert isinstance(goods, MultipleChoiceEditor)
    click(qtbot, goods.choice, 2)  # 茶叶, then 肉类: the value keeps choice order
    click(qtbot, goods.choice, 0)
    licence = editor(form, "licence_shown")
    assert licence.note is None  # a note line appears once the check is answered
    click(qtbot, licence.choice, 0)
    type_chinese(licence.show_note(), "证照在内室")

    assert changes[1] == ("expired_count", Decimal("12"))
    assert type(changes[1][1]) is Decimal
    assert changes[-5] == ("temperature", Decimal("-3.5"))
    assert changes[-3] == ("goods", ("meat", "tea"))
    assert changes[-2] == ("licence_shown", "符合")
    assert changes[-1] == ("licence_shown.note", "证照在内室")
    assert not any(isinstance(value, float) for _key, value in changes)


def test_set_answers_shows_them_and_answers_gives_them_back(form: ChecklistForm) -> None:
    given: dict[str, Any] = {
        "licence_shown": "不符合", "licence_shown.note": "已过期", "licence_problem": "expired",
        "licence_photo": ("sha-1",), "storage": "符合", "sample_code": "123",
        "expired_count": Decimal(0), "temperature": Decimal("4.5"), "goods": ("milk",),
        "remark": "无", "produced_on": date(2026, 11, 1)}
    states: list[Any] = []
    form.state_changed.connect(states.append)

    form.set_answers(given)

    assert form.answers() == given
    assert states and states[-1] is form.state() and form.state().problems == ()
    assert shown(form, "licence_photo")
    assert editor(form, "licence_shown").note.text() == "已过期"
    assert editor(form, "temperature").edit.text() == "4.5"
    assert "1" in editor(form, "licence_photo").button.text()
    form.set_answers({})
    assert form.answers() == {} and not shown(form, "licence_problem")


# -- the library screen ---------------------------------------------------------------------


def test_a_checklist_is_imported_previewed_and_published(
        app_window: Launched, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    window = app_window.window
    assert window.show_screen("checklists")
    screen = window.checklists
    path = tmp_path / "trial.json"
    path.write_text(json.dumps({**FOOD_VENDOR, "code": "SPXS-SD"}, ensure_ascii=False),
                    encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args: (str(path), "清单文件 (*.json *.xlsx)"))

    qtbot.mouseClick(screen.import_button, LEFT)

    assert screen.current is not None and (screen.current.code, screen.current.version) == (
        "SPXS-SD", 1)
    model = screen.model
    row = model.find_row(lambda v: v.code == "SPXS-SD")
    assert row is not None and screen.table.selectionModel().isRowSelected(row)
    assert model.index(row, STATUS).data() == "草稿"
    assert screen.preview is not None
    assert screen.preview.progress.text() == "已答 0 / 必答 2"
    assert screen.publish_button.isEnabled()

    asked = answer_yes(monkeypatch)
    qtbot.mouseClick(screen.publish_button, LEFT)

    assert len(asked) == 1 and "SPXS-SD" in asked[0]
    assert model.index(row, STATUS).data() == "已发布"
    assert not screen.publish_button.isEnabled()
    stored = on_db(app_window, lambda ws: checklist_library.library(ws.store))
    assert ("SPXS-SD", "published") in [(v.code, v.status.value) for v in stored]


def test_every_problem_of_a_broken_file_is_listed(
        app_window: Launched, qtbot: QtBot, tmp_path: Path) -> None:
    window = app_window.window
    assert window.show_screen("checklists")
    screen = window.checklists
    data = copy.deepcopy(FOOD_VENDOR)
    data["sections"][0]["items"][0]["kind"] = "checkbox"
    data["sections"][1]["items"][1]["max"] = 1000
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    screen.import_checklist_file(path)

    dialog = screen.problems_dialog
    assert dialog is not None and dialog.isVisible()
    listed = dialog.model.stringList()
    assert len(listed) == 2
    assert any("sections[0].items[0].kind" in text for text in listed)
    assert any("sections[1].items[1].max" in text for text in listed)
    assert "2" in screen.message_label.text()
    assert screen.model.find_row(lambda v: v.code == "SPXS" and v.version > 1) is None
    assert screen.model.rowCount() == 0
    dialog.close()


def test_team_leads_see_the_library_read_only(app_window: Launched) -> None:
    app_window.ctx.set_role(Role.TEAM_LEAD)
    window = app_window.window
    assert window.show_screen("checklists")
    screen = window.checklists
    assert not screen.import_button.isVisibleTo(window)
    assert not screen.publish_button.isVisibleTo(window)


def test_a_choice_strip_answers_from_the_keyboard(form: ChecklistForm, qtbot: QtBot) -> None:
    licence = editor(form, "licence_shown")
    licence.choice.setFocus()
    advanced: list[bool] = []
    licence.choice.advance_requested.connect(lambda: advanced.append(True))

    qtbot.keyClick(licence.choice, Qt.Key.Key_2)  # the digit chooses 不符合 at once
    assert form.answers()["licence_shown"] == "不符合"
    qtbot.keyClick(licence.choice, Qt.Key.Key_Right)  # arrows move, Space chooses
    qtbot.keyClick(licence.choice, Qt.Key.Key_Space)
    assert form.answers()["licence_shown"] == "不适用"
    qtbot.keyClick(licence.choice, Qt.Key.Key_9)  # no ninth answer: nothing changes
    assert form.answers()["licence_shown"] == "不适用"
    qtbot.keyClick(licence.choice, Qt.Key.Key_Return)
    assert advanced == [True]
    assert "不适用" in licence.choice.accessibleDescription()

    goods = editor(form, "goods")  # several can be chosen: a digit toggles
    goods.choice.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_1):
        qtbot.keyClick(goods.choice, key)
    assert form.answers()["goods"] == ("tea",)


def test_an_item_revealed_later_takes_its_place_in_the_tab_order(
        form: ChecklistForm, qtbot: QtBot) -> None:
    licence = editor(form, "licence_shown")
    click(qtbot, licence.choice, 1)  # 不符合 reveals 问题类型, built only now
    note = licence.note
    assert note is not None
    note.setFocus()

    qtbot.keyClick(note, Qt.Key.Key_Tab)

    assert editor(form, "licence_problem").choice.hasFocus()


def test_required_items_are_named_when_the_inspector_finishes(
        form: ChecklistForm, qtbot: QtBot) -> None:
    # A fresh form does not shout 必填 at every item: the progress line counts them.
    assert problems(form, "licence_shown") == "" and problems(form, "storage") == ""
    assert form.progress.text() == "已答 0 / 必答 2"

    assert form.name_missing() == 2

    assert problems(form, "licence_shown") == "必填"
    assert problems(form, "storage") == "必填"
    assert editor(form, "licence_shown").choice.hasFocus()  # the first one to answer
    click(qtbot, editor(form, "storage").choice, 0)
    assert problems(form, "storage") == ""


def test_two_versions_are_compared_and_a_version_exported_as_xlsform(
        app_window: Launched, qtbot: QtBot, tmp_path: Path) -> None:
    window = app_window.window
    actor = app_window.ctx.actor
    second = copy.deepcopy(FOOD_VENDOR)
    second["version"] = 2
    second["sections"][1]["items"].append({"key": "pests", "kind": "compliance",
                                           "label": "无虫害迹象"})
    for number, data in ((1, FOOD_VENDOR), (2, second)):
        path = tmp_path / f"v{number}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        on_db(app_window, lambda ws, path=path: checklist_library.import_checklist(
            ws.store, actor, path))
    assert window.show_screen("checklists")
    screen = window.checklists
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert screen.select_version(("SPXS", 2))
    assert screen.diff_button.isEnabled()

    dialog = screen.open_diff()

    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert "新增 1 项" in dialog.summary_label.text()
    assert "无虫害迹象" in " ".join(str(dialog.model.index(0, c).data()) for c in range(4))
    dialog.close()

    target = tmp_path / "SPXS-v2.xlsx"
    screen.export_checklist_file(target)
    qtbot.waitUntil(target.exists)
    exported = read_checklist_file(target)
    assert (exported.code, exported.version) == ("SPXS", 2)
    assert "pests" in exported.items_by_key
    assert "SPXS-v2.xlsx" in screen.message_label.text()
