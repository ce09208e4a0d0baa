"""Checklists written as XLSForm sheets read back as the same checklist: the shipped
ones, and one with every kind, condition, rule, entity reference, range, photo count,
basis and severity. What XPath cannot say survives in the ``inspector::`` columns, and
the importer reports what disagrees or does not belong, at its cell."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from inspector.forms.checklist import Checklist, ItemKind, Severity, parse_checklist
from inspector.forms.expressions import parse
from inspector.forms.xlsform import (
    XlsformError,
    checklist_from_xlsform,
    expression_from_xpath,
    xpath_from_expression,
)
from inspector.forms.xlsform_export import XlsformExportError, xlsform_sheets
from inspector.resource_files import resource

SHIPPED = sorted(resource("checklists").glob("*.json"))

EVERYTHING: dict[str, Any] = {
    "format": "inspector-checklist-v1", "code": "ALL-KINDS", "version": 3,
    "title": "全部题型的检查表", "entity_types": ["enterprise", "individual"],
    "check_items": ["商标使用行为的检查", "含逗号, 和\"引号\"的事项"],
    "sections": [
        {"key": "basics", "title": "基本情况", "items": [
            {"key": "licence", "kind": "compliance", "label": "营业执照悬挂在醒目位置",
             "basis": "《市场主体登记管理条例》第三十六条", "severity": "key",
             "required": True, "help": "查看原件，核对名称与住所"},
            {"key": "market_type", "kind": "single_choice", "label": "市场类型",
             "required": True,
             "choices": [{"value": "fair", "label": "农村集贸市场"},
                         {"value": "supermarket", "label": "超市"}]},
            {"key": "goods", "kind": "multiple_choice", "label": "经营的商品",
             "choices": [{"value": "none", "label": "无"}, {"value": "drinks", "label": "饮料"},
                         {"value": "snacks", "label": "休闲食品"}],
             "rules": [
                 {"expression": "not (selected(${goods}, 'none') and count(${goods}) > 1)",
                  "message": "“无”不能与其他商品同选"},
                 {"expression": "count(${goods}) <= 2", "message": "最多选两类"},
                 {"expression": "'drinks' in ${goods} or ${market_type} != 'fair'",
                  "message": "集贸市场应检查饮料"}]},
            {"key": "stock", "kind": "integer", "label": "库存数量", "unit": "件",
             "min": "0", "max": "100000", "severity": "general",
             "rules": [{"expression": "${stock} >= 0 and ${stock} <= 100000",
                        "message": "库存应在 0 到 100000 之间"}]},
            {"key": "price", "kind": "decimal", "label": "单价", "unit": "元", "min": "0.50",
             "max": "9999.99", "visible_if": "${stock} > 0",
             "rules": [{"expression": "${price} * ${stock} / 2 <= 50000 and -${price} < 0",
                        "message": "货值过高，请核对"}]},
        ]},
        {"key": "evidence", "title": "证据", "items": [
            {"key": "note", "kind": "text", "label": "情况说明",
             "visible_if": "${licence} = '不符合' and entity.risk_class in ['D', 'E']"},
            {"key": "checked_on", "kind": "date", "label": "检查日期",
             "rules": [{"expression":
                        "${checked_on} <= today() and ${checked_on} >= date('2026-01-01')",
                        "message": "日期应在 2026 年内且不晚于今天"}]},
            {"key": "checked_at", "kind": "datetime", "label": "检查时间",
             "visible_if": "(${market_type} = 'fair' or ${market_type} = 'supermarket') and "
                           "${licence} != null"},
            {"key": "photos", "kind": "photo", "label": "现场照片", "min_count": 1,
             "max_count": 5, "required": True,
             "visible_if": "${licence} = '不符合' or empty(${note})"},
            {"key": "code", "kind": "barcode", "label": "商品条码",
             "rules": [{"expression": "${code} != \"it's\" and ${code} != 'N/A'",
                        "message": "请扫描条码"}]},
            {"key": "sample", "kind": "sample", "label": "抽样",
             "visible_if": "${market_type} in ['fair', 'supermarket']", "severity": "key"},
            {"key": "signature", "kind": "signature", "label": "当事人签字", "required": True},
            # A text starting with "=" stays a text in Excel; help keeps its spaces.
            {"key": "reminder", "kind": "guidance", "label": "= 拍照时请包含门头 =",
             "help": "  门头与招牌需清晰可辨\n（夜间开灯）", "basis": "执法规范第 3 条 "},
        ]},
    ],
}


def checklist(data: dict[str, Any]) -> Checklist:
    return parse_checklist(json.dumps(data, ensure_ascii=False))


def round_trip(original: Checklist) -> Checklist:
    document = checklist_from_xlsform(xlsform_sheets(original), code=original.code)
    return parse_checklist(json.dumps(document, ensure_ascii=False))


def column(sheets: dict[str, list[list[str]]], key: str, name: str) -> str:
    """The cell of survey column ``name`` in the row of item ``key``."""
    header, *rows = sheets["survey"]
    row = next(row for row in rows if row[1] == key)
    return row[header.index(name)]


def with_cell(sheets: dict[str, list[list[str]]], key: str, name: str, value: str
              ) -> dict[str, list[list[str]]]:
    """A copy of ``sheets`` with one survey cell changed (a column added if need be)."""
    changed = copy.deepcopy(sheets)
    header, *rows = changed["survey"]
    if name not in header:
        header.append(name)
        for row in rows:
            row.append("")
    next(row for row in rows if row[1] == key)[header.index(name)] = value
    return changed


def problems(sheets: dict[str, list[list[str]]]) -> list[str]:
    with pytest.raises(XlsformError) as raised:
        checklist_from_xlsform(sheets, code="ALL-KINDS")
    return [p.en for p in raised.value.problems]


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_checklist_reads_back_the_same(path: Path) -> None:
    original = parse_checklist(path.read_text(encoding="utf-8"), origin=path.name)
    assert round_trip(original) == original


def test_every_kind_field_and_expression_reads_back_the_same() -> None:
    original = checklist(EVERYTHING)
    assert {item.kind for item in original.items} == set(ItemKind)
    back = round_trip(original)
    assert back == original
    # Equality covers every field; spell out what XLSForm has no column for.
    assert (back.code, back.version, back.title) == ("ALL-KINDS", 3, "全部题型的检查表")
    assert back.check_items == ("商标使用行为的检查", "含逗号, 和\"引号\"的事项")
    items = back.items_by_key
    assert items["licence"].basis == "《市场主体登记管理条例》第三十六条"
    assert items["licence"].severity is Severity.KEY
    assert (items["price"].unit, str(items["price"].minimum)) == ("元", "0.50")
    assert items["photos"].photos == (1, 5)
    assert [rule.message for rule in items["goods"].rules] == [
        "“无”不能与其他商品同选", "最多选两类", "集贸市场应检查饮料"]
    assert items["note"].visible_if == (
        "${licence} = '不符合' and entity.risk_class in ['D', 'E']")


def test_the_sheets_use_xlsform_types_and_xpath() -> None:
    sheets = xlsform_sheets(checklist(EVERYTHING))
    header, *rows = sheets["survey"]
    assert header[:9] == ["type", "name", "label::Chinese (zh)", "hint::Chinese (zh)",
                          "required", "relevant", "constraint",
                          "constraint_message::Chinese (zh)", "appearance"]
    assert [row[0] for row in rows] == [
        "begin_group", "select_one compliance", "select_one market_type",
        "select_multiple goods", "integer", "decimal", "end_group",
        "begin_group", "text", "date", "datetime", "image", "barcode", "text", "image",
        "note", "end_group"]
    assert column(sheets, "licence", "inspector::kind") == "compliance"
    assert column(sheets, "licence", "required") == "yes"
    assert column(sheets, "licence", "inspector::severity") == "重点"
    assert column(sheets, "signature", "appearance") == "signature"
    assert column(sheets, "price", "relevant") == "${stock} > 0"
    assert column(sheets, "price", "constraint") == ". * ${stock} div 2 <= 50000 and -. < 0"
    assert column(sheets, "price", "inspector::constraint") == ""  # XPath says it exactly
    assert column(sheets, "stock", "inspector::min") == "0"
    assert column(sheets, "photos", "inspector::max_count") == "5"
    assert ["compliance", "不适用", "不适用"] in sheets["choices"]
    assert ["goods", "drinks", "饮料"] in sheets["choices"]
    settings_header, settings = sheets["settings"]
    assert dict(zip(settings_header, settings, strict=True)) == {
        "form_title": "全部题型的检查表", "form_id": "ALL-KINDS", "version": "3",
        "default_language": "Chinese (zh)",
        "inspector::entity_types": '["enterprise", "individual"]',
        "inspector::check_items": '["商标使用行为的检查", "含逗号, 和\\"引号\\"的事项"]'}


def test_what_the_importer_cannot_read_survives_in_the_inspector_column() -> None:
    sheets = xlsform_sheets(checklist(EVERYTHING))
    # An entity field has no XPath form: only our column holds the condition.
    assert column(sheets, "note", "relevant") == ""
    assert column(sheets, "note", "inspector::relevant") == (
        "${licence} = '不符合' and entity.risk_class in ['D', 'E']")
    # `in`, `today()` and `not x` have an XPath form for other tools, but it does not read
    # back as the same text: both columns are written, and ours is what is read.
    assert column(sheets, "sample", "relevant") == (
        "${market_type} = 'fair' or ${market_type} = 'supermarket'")
    assert column(sheets, "sample", "inspector::relevant") == (
        "${market_type} in ['fair', 'supermarket']")
    assert column(sheets, "checked_on", "constraint") == (
        ". <= today() and . >= date('2026-01-01')")
    assert column(sheets, "goods", "constraint") == (
        "not(selected(., 'none') and count-selected(.) > 1)")
    assert column(sheets, "goods", "inspector::constraint_2") == "count(${goods}) <= 2"
    assert column(sheets, "goods", "inspector::constraint_message_3") == "集贸市场应检查饮料"
    # Without our column, the importer reports the XPath it cannot read, at its cell.
    assert problems(with_cell(sheets, "checked_on", "inspector::constraint", "")) == [
        "survey!G11: expression not supported: . <= today() and . >= date('2026-01-01')"]
    back = checklist_from_xlsform(sheets, code="ALL-KINDS")
    notes = next(item for item in back["sections"][1]["items"] if item["key"] == "note")
    assert notes["visible_if"] == "${licence} = '不符合' and entity.risk_class in ['D', 'E']"


def test_an_edit_to_one_of_two_expression_columns_is_reported() -> None:
    sheets = xlsform_sheets(checklist(EVERYTHING))
    edited = with_cell(sheets, "sample", "relevant", "${market_type} = 'fair'")
    assert problems(edited) == [
        "survey!F15: relevant and inspector::relevant disagree: when you edit one, "
        "clear the other"]
    # Clearing the XPath keeps ours; clearing ours takes the XPath, translated.
    kept = with_cell(sheets, "sample", "relevant", "")
    assert round_trip_sheets(kept).items_by_key["sample"].visible_if == (
        "${market_type} in ['fair', 'supermarket']")
    taken = with_cell(edited, "sample", "inspector::relevant", "")
    assert round_trip_sheets(taken).items_by_key["sample"].visible_if == (
        "${market_type} = 'fair'")
    broken = with_cell(sheets, "note", "inspector::relevant", "${licence} = ")
    assert problems(broken) == ["survey!R10: inspector::relevant: column 14: the expression "
                                "ends early: expected a value, text, ${item} or ("]


def round_trip_sheets(sheets: dict[str, list[list[str]]]) -> Checklist:
    return parse_checklist(json.dumps(checklist_from_xlsform(sheets, code="ALL-KINDS")))


def test_the_importer_reports_misplaced_or_malformed_inspector_cells() -> None:
    sheets = xlsform_sheets(checklist(EVERYTHING))
    header = sheets["survey"][0]
    letter = {name: chr(65 + index) for index, name in enumerate(header) if index < 26}
    cases = [
        ("note", "inspector::kind", "signature",
         f"survey!{letter['inspector::kind']}10: inspector::kind signature does not go with "
         "type text: use compliance (select_one), sample (text) or signature (image)"),
        ("stock", "inspector::severity", "高",
         f"survey!{letter['inspector::severity']}6: inspector::severity must be 重点 (key) "
         "or 一般 (general, or empty)"),
        ("note", "inspector::min", "1",
         f"survey!{letter['inspector::min']}10: inspector::min is only for integer and "
         "decimal items"),
        ("price", "inspector::max", "很多",
         f"survey!{letter['inspector::max']}7: inspector::max must be a number such as 0.5"),
        ("photos", "inspector::min_count", "-1",
         f"survey!{letter['inspector::min_count']}13: inspector::min_count must be a whole "
         "number from 0"),
        ("code", "inspector::colour", "red", "survey!X14: unsupported column inspector::colour"),
    ]
    for key, name, value, expected in cases:
        assert problems(with_cell(sheets, key, name, value)) == [expected], name
    group = copy.deepcopy(sheets)
    group["survey"][1][header.index("inspector::basis")] = "依据"
    assert problems(group) == [
        f"survey!{letter['inspector::basis']}2: inspector::basis is not read on a group row"]
    wrong_list = copy.deepcopy(sheets)
    wrong_list["choices"] = [row for row in sheets["choices"] if row[1] != "不适用"]
    assert problems(wrong_list) == [
        "survey!A3: a compliance item's choices must be 符合, 不符合, 不适用"]
    version = copy.deepcopy(sheets)
    version["settings"][1][2] = "2024-01"
    version["settings"][1][5] = "商标检查"
    assert problems(version) == [
        "settings!C2: version must be the checklist's version: a whole number from 1",
        "settings!F2: inspector::check_items must be a JSON list of texts such as "
        "[\"enterprise\", \"individual\"]"]


@pytest.mark.parametrize(("ours", "xpath"), [
    ("${a} / 2 > 1", "${a} div 2 > 1"),
    ("not ${a} = 'x'", "not(${a} = 'x')"),
    ("(${a} + 1) * 2 - -${b}", "(${a} + 1) * 2 - -${b}"),
    ("${a} - (${b} - 1)", "${a} - (${b} - 1)"),
    ("count(${m}) >= 1", "count-selected(${m}) >= 1"),
    ("'x' in ${m}", "selected(${m}, 'x')"),
    ("${a} in [1, 2] and ${b} = true", "(${a} = 1 or ${a} = 2) and ${b} = true()"),
    ("${a} in []", "false()"),
    ("${a} or (${b} or ${c})", "${a} or (${b} or ${c})"),
    ("empty(${a}) and ${b} = null", "${a} = '' and ${b} = ''"),
    ("${a} = 'it\\'s'", "${a} = \"it's\""),
    ("${d} < date('2026-12-01')", "${d} < date('2026-12-01')"),
    ("entity.risk_class = 'A'", None),
    ("${a} = 'both \\' and \"'", None),
])
def test_expressions_become_xpath(ours: str, xpath: str | None) -> None:
    assert xpath_from_expression(parse(ours)) == xpath


def test_the_importer_keeps_parentheses_after_and_or_and_div() -> None:
    assert expression_from_xpath("${a} = 1 and (${b} = 2 or ${c} div (1 + 1) = 3)", "x") == (
        "${a} = 1 and (${b} = 2 or ${c} / (1 + 1) = 3)")


def test_a_key_xlsform_cannot_name_is_refused_by_name() -> None:
    data = copy.deepcopy(EVERYTHING)
    data["sections"][1]["items"][-1]["key"] = "提示"
    with pytest.raises(XlsformExportError) as raised:
        xlsform_sheets(checklist(data))
    assert [p.en for p in raised.value.problems] == [
        "item key 提示 cannot be an XLSForm name (it must start with a letter and hold "
        "letters, digits, _ . or -)"]


def test_a_choice_item_named_like_the_compliance_list_gets_its_own_list() -> None:
    data = copy.deepcopy(EVERYTHING)
    data["sections"][0]["items"].append({
        "key": "compliance", "kind": "single_choice", "label": "整体判断",
        "choices": [{"value": "ok", "label": "合格"}, {"value": "bad", "label": "不合格"}]})
    original = checklist(data)
    sheets = xlsform_sheets(original)
    assert column(sheets, "licence", "type") == "select_one compliance_2"
    assert round_trip(original) == original
