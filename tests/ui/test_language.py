"""Switching the interface language at run time: every visible text follows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.core.text import Lang
from tests.ui.helpers import Launched, column_texts, type_chinese

HORIZONTAL = Qt.Orientation.Horizontal

ENGLISH: dict[str, Any] = {
    "window title": "Inspector: random inspections and sampling",
    "navigation": ["Overview", "Directories", "Audit log", "Plans and draw", "Publication",
                   "Referrals", "Sync", "Tasks", "Fill a checklist", "Samples", "Scan station",
                   "Checklists"],
    "screen titles": ["Overview", "Directories", "Audit log", "Plans and draw",
                      "Publication of results", "Sync with the platform"],
    "tabs": ["Market entities", "Inspectors"],
    "entity headers": ["Credit code", "Name", "Type", "Region", "Address",
                       "Legal representative", "Industry", "Risk", "Status"],
    "inspector headers": ["Staff id", "Name", "Unit", "Certificate no.", "Valid until",
                          "Certificate", "Qualifications", "On duty"],
    "counts": ["5,000 records", "40 records"],
    "roles": ["inspector", "team lead", "administrator", "auditor (read-only)"],
    "import button": "Import…",
    "entity types": {"enterprise", "individual business", "farmers' cooperative"},
    "certificate states": {"valid", "expired", "not yet valid", "no certificate"},
    "status": "Ready",
    "sync indicator": "○ Not signed in · 3 waiting · never synced",
    "language box": "English",
}

CHINESE: dict[str, Any] = {
    "window title": "Inspector 双随机抽查与抽样",
    "navigation": ["概览", "名录库", "审计日志", "抽查计划与抽取", "结果公示", "线索移送",
                   "同步", "任务与检查", "填写清单", "样品", "扫码交接", "检查清单"],
    "screen titles": ["概览", "名录库", "审计日志", "抽查计划与抽取", "检查结果公示", "与平台同步"],
    "tabs": ["市场主体", "检查人员"],
    "entity headers": ["统一社会信用代码", "名称", "类型", "区划", "住所", "法定代表人", "行业",
                       "风险", "登记状态"],
    "inspector headers": ["工号", "姓名", "单位", "执法证号", "有效期至", "证件状态", "执法资格",
                          "在岗"],
    "counts": ["共 5,000 条", "共 40 条"],
    "roles": ["检查人员", "组长", "管理员", "审计（只读）"],
    "import button": "导入……",
    "entity types": {"企业", "个体工商户", "农民专业合作社"},
    "certificate states": {"有效", "已过期", "未生效", "无证件"},
    "status": "就绪",
    "sync indicator": "○ 未登录 · 待发送 3 · 从未同步",
    "language box": "中文",
}


def _texts(app: Launched) -> dict[str, Any]:
    """Everything the language switch must re-translate, as the user sees it."""
    window = app.window
    entities, inspectors = app.entities, app.inspectors

    def headers(model: Any) -> list[str]:
        return [model.headerData(c, HORIZONTAL) for c in range(model.columnCount())]

    return {
        "window title": window.windowTitle(),
        "navigation": [window.navigation.item(r).text() for r in range(window.navigation.count())],
        "screen titles": [window.home.title.text(), window.directory.title.text(),
                          window.audit.title.text(), window.plans.title.text(),
                          window.disclosure.title.text(), window.sync.title.text()],
        "tabs": [window.directory.tabs.tabText(i) for i in range(window.directory.tabs.count())],
        "entity headers": headers(entities.table.model()),
        "inspector headers": headers(inspectors.table.model()),
        "counts": [entities.count_label.text(), inspectors.count_label.text()],
        "roles": [window.role_box.itemText(i) for i in range(window.role_box.count())],
        "import button": entities.import_button.text(),
        "entity types": set(column_texts(entities, 2)),
        "certificate states": set(column_texts(inspectors, 5)),
        "status": window.busy_label.text(),
        "sync indicator": window.sync_indicator.text(),
        "language box": window.lang_box.currentText(),
    }


def test_the_window_starts_in_chinese(app_window: Launched) -> None:
    assert _texts(app_window) == CHINESE


def _errors(exceptions: list[Any]) -> list[str]:
    return [f"{kind.__name__}: {value}" for kind, value, _traceback in exceptions]


def test_language_box_switches_to_english_and_back(app_window: Launched, qtbot: QtBot) -> None:
    box = app_window.window.lang_box

    with qtbot.captureExceptions() as exceptions:
        box.setCurrentIndex(box.findText("English"))

    assert _errors(exceptions) == []
    assert app_window.ctx.lang is Lang.EN
    assert _texts(app_window) == ENGLISH

    with qtbot.captureExceptions() as exceptions:
        box.setCurrentIndex(box.findText("中文"))

    assert _errors(exceptions) == []
    assert app_window.ctx.lang is Lang.ZH
    assert _texts(app_window) == CHINESE


def test_every_screen_follows_a_language_change(app_window: Launched) -> None:
    app_window.ctx.set_lang(Lang.EN)

    assert _texts(app_window) == ENGLISH

    app_window.ctx.set_lang(Lang.ZH)

    assert _texts(app_window) == CHINESE


def test_filtered_counts_follow_a_language_change(app_window: Launched) -> None:
    tab = app_window.entities
    type_chinese(tab.filter_edit, "副食")
    shown = tab.model.shown
    assert tab.count_label.text() == f"显示 {shown:,} / 共 5,000 条"

    app_window.ctx.set_lang(Lang.EN)

    assert tab.count_label.text() == f"{shown:,} of 5,000 shown"
    assert tab.model.shown == shown, "the filter survives the switch"


def test_a_sorted_column_stays_sorted_after_a_language_change(app_window: Launched) -> None:
    assert app_window.window.show_screen("directory")
    tab = app_window.entities
    header = tab.table.horizontalHeader()
    tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert list(dict.fromkeys(column_texts(tab, 2))) == ["个体工商户", "农民专业合作社", "企业"]

    app_window.ctx.set_lang(Lang.EN)

    # The header still shows "sorted ascending by Type"; the rows must agree with it.
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        2, Qt.SortOrder.AscendingOrder)
    assert list(dict.fromkeys(column_texts(tab, 2))) == [
        "enterprise", "farmers' cooperative", "individual business"]
