"""The version comparison dialog: asking for versions, the table of changes and its colours,
sorting, the keyboard, Chinese and English."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.core.text import Lang
from inspector.forms.checklist import Checklist, parse_checklist
from inspector.forms.diff import ChangeKind
from inspector.ui.i18n import Translations
from inspector.ui.widgets.checklist_diff import BRUSHES, ChecklistDiffDialog
from tests.unit.test_checklist import FOOD_VENDOR

BACKGROUND = Qt.ItemDataRole.BackgroundRole
ADDED, REMOVED, CHANGED, MOVED = ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.CHANGED, \
    ChangeKind.MOVED


def version(number: int, data: dict[str, Any] | None = None) -> Checklist:
    document = copy.deepcopy(data or FOOD_VENDOR)
    document["version"] = number
    return parse_checklist(json.dumps(document, ensure_ascii=False))


def changed_version(number: int) -> Checklist:
    """Storage reworded, pests added, the guidance removed, temperature moved to the top."""
    data = copy.deepcopy(FOOD_VENDOR)
    goods = data["sections"][1]["items"]
    goods[0]["label"] = "贮存条件符合要求"
    goods.insert(0, goods.pop(2))  # temperature first
    goods.insert(2, {"key": "pests", "kind": "compliance", "label": "无虫害迹象"})
    goods.pop()  # note
    return version(number, data)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translations = Translations(qapp)
    assert translations.apply(Lang.ZH)
    yield
    translations.apply(Lang.EN)


def open_dialog(qtbot: QtBot, versions: list[int], lang: Lang = Lang.ZH
                ) -> tuple[ChecklistDiffDialog, list[tuple[str, int, int]]]:
    dialog = ChecklistDiffDialog("SPXS", versions, lang)
    qtbot.addWidget(dialog)
    wanted: list[tuple[str, int, int]] = []
    dialog.versions_wanted.connect(lambda code, old, new: wanted.append((code, old, new)))
    dialog.show()
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    return dialog, wanted


def table_rows(dialog: ChecklistDiffDialog) -> list[list[str]]:
    model = dialog.table.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_it_asks_for_the_previous_and_the_latest_then_shows_each_change_tinted(
        chinese: None, qtbot: QtBot) -> None:
    dialog, wanted = open_dialog(qtbot, [3, 1, 2])
    assert wanted == [("SPXS", 2, 3)]
    assert (dialog.old_box.currentText(), dialog.new_box.currentText()) == ("第 2 版", "第 3 版")
    assert dialog.summary_label.text() == "正在比较第 2 版与第 3 版……"
    assert dialog.windowTitle() == "比较 SPXS 的版本"

    assert dialog.show_diff(version(2), changed_version(3))
    model = dialog.table.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "变化", "题目", "分节", "详情"]
    assert table_rows(dialog) == [
        ["移动", "冷柜温度", "商品", "分节内位置 第 3 → 第 1"],
        ["修改", "贮存条件符合要求", "商品", '标签 "贮存条件符合标签要求" → "贮存条件符合要求"'],
        ["新增", "无虫害迹象", "商品", '新增题目 "无虫害迹象"（符合性判定）'],
        ["删除", "检查冷链记录", "商品", '删除题目 "检查冷链记录"'],
    ]
    colours = [model.index(row, column).data(BACKGROUND).color().name()
               for row in range(4) for column in (0, 3)]
    assert colours == [BRUSHES[kind].color().name() for kind in (
        MOVED, MOVED, CHANGED, CHANGED, ADDED, ADDED, REMOVED, REMOVED)]
    assert (BRUSHES[ADDED].color().name(), BRUSHES[REMOVED].color().name(),
            BRUSHES[CHANGED].color().name()) == ("#e3f1e4", "#f8c9c4", "#fdf0c8")
    assert dialog.summary_label.text() == (
        "第 2 版 → 第 3 版：新增 1 项，删除 1 项，修改 1 项，移动 1 项")
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "temperature: 冷柜温度"
    assert not model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable


def test_picking_versions_emits_their_numbers_and_late_answers_are_dropped(
        chinese: None, qtbot: QtBot) -> None:
    dialog, wanted = open_dialog(qtbot, [1, 2, 3])
    dialog.show_diff(version(2), changed_version(3))
    dialog.old_box.setCurrentIndex(0)  # version 1
    assert wanted[-1] == ("SPXS", 1, 3)
    assert dialog.table.model().rowCount() == 0  # nothing stale while it loads
    assert not dialog.show_diff(version(2), changed_version(3))  # the earlier pick's answer
    assert dialog.table.model().rowCount() == 0
    assert dialog.show_diff(version(1), changed_version(3))
    assert dialog.table.model().rowCount() == 4

    dialog.new_box.setCurrentIndex(0)  # version 1 against itself: nothing to ask
    assert wanted[-1] == ("SPXS", 1, 3)
    assert dialog.summary_label.text() == "请选择两个不同的版本进行比较。"
    assert dialog.table.model().rowCount() == 0
    dialog.new_box.setCurrentIndex(1)
    assert wanted[-1] == ("SPXS", 1, 2)
    assert dialog.show_diff(version(1), version(2))
    assert dialog.summary_label.text() == "第 1 版 → 第 2 版：两个版本没有差别"
    dialog.show_error("没有清单 SPXS 第 2 版")
    assert dialog.summary_label.text() == "没有清单 SPXS 第 2 版"
    assert "#b3261e" in dialog.summary_label.styleSheet()
    assert len(wanted) == 3


def test_a_single_version_asks_for_nothing(chinese: None, qtbot: QtBot) -> None:
    dialog, wanted = open_dialog(qtbot, [1])
    assert wanted == []
    assert not dialog.old_box.isEnabled()
    assert dialog.summary_label.text() == "SPXS 的版本少于两个，暂时没有可比较的内容。"


def test_sorting_copying_and_escape(chinese: None, qtbot: QtBot) -> None:
    dialog, _wanted = open_dialog(qtbot, [1, 2])
    dialog.show_diff(version(1), changed_version(2))
    dialog.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # added, removed, changed, moved
    assert [row[0] for row in table_rows(dialog)] == ["新增", "删除", "修改", "移动"]
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    QTest.keyClick(dialog.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == (
        '新增\t无虫害迹象\t商品\t新增题目 "无虫害迹象"（符合性判定）')
    QTest.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_english(qtbot: QtBot) -> None:
    dialog, wanted = open_dialog(qtbot, [1, 2], Lang.EN)
    assert wanted == [("SPXS", 1, 2)]
    dialog.show_diff(version(1), changed_version(2))
    model = dialog.table.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Change", "Item", "Section", "Details"]
    assert table_rows(dialog)[2] == ["added", "无虫害迹象", "商品",
                                     'item "无虫害迹象" added (compliance)']
    assert dialog.summary_label.text() == (
        "Version 1 → version 2: 1 item added, 1 removed, 1 changed, 1 moved")
    assert dialog.old_box.currentText() == "Version 1"
