"""Checklists as data: the format's checks, and a filled form's visibility, problems and
suggested result."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from inspector.forms.answers import form_state, suggest_result
from inspector.forms.checklist import ChecklistError, ItemKind, parse_checklist

TODAY = date(2026, 12, 4)
ENTITY = {"risk_class": "D", "entity_type": "individual"}
FOOD_VENDOR: dict[str, Any] = {
    "format": "inspector-checklist-v1", "code": "SPXS", "version": 1,
    "title": "食品销售者日常检查", "entity_types": ["individual", "enterprise"],
    "check_items": ["CI-3"],
    "sections": [
        {"key": "licence", "title": "经营资质", "items": [
            {"key": "licence_shown", "kind": "compliance",
             "label": "食品经营许可证在有效期内并悬挂", "basis": "《食品安全法》第三十五条",
             "severity": "key", "required": True},
            {"key": "licence_problem", "kind": "single_choice", "label": "问题类型",
             "visible_if": "${licence_shown} = '不符合'", "required": True,
             "choices": [{"value": "expired", "label": "过期"},
                         {"value": "missing", "label": "未悬挂"}]},
            {"key": "licence_photo", "kind": "photo", "label": "许可证照片",
             "visible_if": "${licence_problem} = 'expired'", "min_count": 1,
             "max_count": 3, "required": True},
        ]},
        {"key": "goods", "title": "商品", "items": [
            {"key": "storage", "kind": "compliance", "label": "贮存条件符合标签要求",
             "required": True},
            {"key": "expired_count", "kind": "integer", "label": "过期食品数量", "unit": "件",
             "min": "0", "max": "1000",
             "rules": [{"expression": "${expired_count} = 0 or ${storage} = '不符合'",
                        "message": "有过期食品时，贮存条件应判为不符合"}]},
            {"key": "temperature", "kind": "decimal", "label": "冷柜温度", "unit": "℃",
             "min": "-30", "max": "10", "visible_if": "entity.risk_class in ['D', 'E']"},
            {"key": "note", "kind": "guidance", "label": "检查冷链记录"},
        ]},
    ],
}


def checklist_text(data: dict[str, Any] | None = None) -> str:
    return json.dumps(data or FOOD_VENDOR, ensure_ascii=False)


def test_a_checklist_reads_into_sections_and_items() -> None:
    checklist = parse_checklist(checklist_text())
    assert (checklist.code, checklist.version) == ("SPXS", 1)
    assert [i.key for i in checklist.items][:3] == ["licence_shown", "licence_problem",
                                                    "licence_photo"]
    assert checklist.items_by_key["temperature"].kind is ItemKind.DECIMAL
    assert checklist.items_by_key["temperature"].minimum == Decimal("-30")
    assert checklist.items_by_key["licence_photo"].photos == (1, 3)


def test_every_problem_of_a_checklist_is_listed_with_its_place() -> None:
    data = copy.deepcopy(FOOD_VENDOR)
    items = data["sections"][0]["items"]
    items[0]["kind"] = "checkbox"
    items[1]["choices"] = [{"value": "only", "label": "唯一"}]
    items[2]["visible_if"] = "${licence_problm} = 'expired'"
    goods = data["sections"][1]["items"]
    goods[1]["max"] = 1000  # a number, not a decimal string
    goods[2]["key"] = "storage"
    goods[2]["visible_if"] = "${expired_count} > 0"
    goods[1]["visible_if"] = "${storage} = '符合'"  # storage (the temperature) ↔ count
    with pytest.raises(ChecklistError) as raised:
        parse_checklist(checklist_text(data), origin="spxs.json")
    found = "\n".join(p.en for p in raised.value.problems)
    assert "sections[0].items[0].kind: must be one of" in found
    assert "sections[0].items[1].choices: a choice item needs 2 choices" in found
    assert ("sections[0].items[2].visible_if: column 1: no item named licence_problm"
            in found)
    assert "sections[1].items[1].max: must be a decimal string" in found
    assert "sections[1].items[2].key: item key storage twice" in found
    assert "visibility depends on its own answer" in found
    assert all(p.en.startswith("spxs.json: ") for p in raised.value.problems)
    assert all(p.zh.startswith("spxs.json: ") for p in raised.value.problems)


def test_an_expression_error_names_its_column() -> None:
    data = copy.deepcopy(FOOD_VENDOR)
    data["sections"][1]["items"][1]["rules"][0]["expression"] = "${expired_count} = = 0"
    with pytest.raises(ChecklistError) as raised:
        parse_checklist(checklist_text(data))
    [problem] = raised.value.problems
    assert problem.en.startswith("sections[1].items[1].rules[0].expression: column 20")
    assert "第 20 列" in problem.zh


def test_conditions_show_and_hide_items_and_hidden_answers_do_not_count() -> None:
    checklist = parse_checklist(checklist_text())
    answers: dict[str, Any] = {"licence_shown": "符合", "licence_problem": "expired",
                               "storage": "符合", "expired_count": Decimal(0)}
    state = form_state(checklist, answers, ENTITY, TODAY)
    # licence_problem is hidden, so its answer does not show licence_photo either.
    assert "licence_problem" not in state.visible and "licence_photo" not in state.visible
    assert "temperature" in state.visible  # risk class D
    assert state.problems == () and (state.answered, state.required) == (3, 2)
    low_risk = form_state(checklist, answers, {"risk_class": "A"}, TODAY)
    assert "temperature" not in low_risk.visible

    answers["licence_shown"] = "不符合"
    failing = form_state(checklist, answers, ENTITY, TODAY)
    assert {"licence_problem", "licence_photo"} <= failing.visible
    assert [p.text.zh for p in failing.problems_of("licence_photo")] == ["必填"]
    answers["licence_photo"] = ("sha-1", "sha-2", "sha-3", "sha-4")
    too_many = form_state(checklist, answers, ENTITY, TODAY)
    assert [p.text.en for p in too_many.problems_of("licence_photo")] == ["at most 3 photo(s)"]


def test_values_out_of_range_of_the_wrong_kind_or_breaking_a_rule_are_shown() -> None:
    checklist = parse_checklist(checklist_text())
    answers: dict[str, Any] = {"licence_shown": "符合", "storage": "符合",
                               "expired_count": Decimal("2.5"), "temperature": Decimal(12)}
    state = form_state(checklist, answers, ENTITY, TODAY)
    assert [p.text.zh for p in state.problems_of("expired_count")] == [
        "应为整数", "有过期食品时，贮存条件应判为不符合"]
    assert [p.text.zh for p in state.problems_of("temperature")] == ["不能大于 10 ℃"]
    answers.update(expired_count=Decimal(3), storage="不符合", temperature=Decimal(4))
    assert form_state(checklist, answers, ENTITY, TODAY).problems == ()


def test_the_result_is_suggested_from_the_answers() -> None:
    checklist = parse_checklist(checklist_text())
    answers: dict[str, Any] = {"licence_shown": "符合", "storage": "符合"}
    state = form_state(checklist, answers, ENTITY, TODAY)
    compliant = suggest_result(checklist, answers, state)
    assert compliant is not None and compliant.codes == ("1",)
    answers["licence_shown"] = "不符合"
    failing = suggest_result(checklist, answers, form_state(checklist, answers, ENTITY, TODAY))
    assert failing is not None and failing.codes == ("A",)
    assert failing.because.zh == "重点检查项不符合：食品经营许可证在有效期内并悬挂"
    answers.update(licence_shown="不适用", storage="不适用")
    closed = suggest_result(checklist, answers, form_state(checklist, answers, ENTITY, TODAY))
    assert closed is not None and closed.codes == ("F",)
    del answers["storage"]
    assert suggest_result(checklist, answers,
                          form_state(checklist, answers, ENTITY, TODAY)) is None
