"""A new checklist version: what may change, and a draft moved onto it answer by answer."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest

from inspector.forms.checklist import Checklist, ChecklistError, parse_checklist
from inspector.forms.versions import migrate_draft, version_problems
from tests.unit.test_checklist import FOOD_VENDOR


def version(data: dict[str, Any]) -> Checklist:
    return parse_checklist(json.dumps(data, ensure_ascii=False))


def next_version() -> dict[str, Any]:
    data = copy.deepcopy(FOOD_VENDOR)
    data["version"] = 2
    return data


def test_a_new_version_may_add_and_reword_but_not_change_a_kind() -> None:
    v1 = version(FOOD_VENDOR)
    v2 = next_version()
    v2["sections"][1]["items"][0]["label"] = "贮存条件符合标签标示要求"
    v2["sections"][1]["items"].append({"key": "pests", "kind": "compliance",
                                       "label": "无虫害迹象"})
    assert version_problems(v1, version(v2)) == []

    changed = next_version()
    changed["sections"][1]["items"][1] = {"key": "expired_count", "kind": "text",
                                          "label": "过期食品情况"}
    [problem] = version_problems(v1, version(changed))
    assert "expired_count cannot change kind from integer to text" in problem.en
    skipped = next_version()
    skipped["version"] = 3
    assert [p.en for p in version_problems(v1, version(skipped))] == ["the version must be 2"]


def test_a_draft_moves_with_every_answer_kept_converted_or_dropped() -> None:
    v1 = version(FOOD_VENDOR)
    v2 = next_version()
    items = v2["sections"][1]["items"]
    items[1] = {"key": "expired_amount", "kind": "decimal", "label": "过期食品数量",
                "unit": "件", "min": "0", "max": "1000"}
    items[2]["max"] = "5"  # the fridge must now be colder
    v2["sections"][0]["items"][1]["kind"] = "multiple_choice"
    v2["sections"][0]["items"][1]["key"] = "licence_problems"
    v2["sections"][0]["items"][2]["visible_if"] = "'expired' in ${licence_problems}"
    answers = {"licence_shown": "不符合", "licence_problem": "missing", "storage": "符合",
               "expired_count": Decimal(3), "temperature": Decimal(8), "unknown": "x",
               "licence_shown.note": "已过期", "storage.note": "冷柜无温度计"}
    moved = migrate_draft(v1, version(v2), answers, mapping={
        "expired_count": "expired_amount", "licence_problem": "licence_problems"})
    outcomes = {m.old_key: (m.new_key, m.outcome) for m in moved.moves}
    assert outcomes == {
        "licence_shown": ("licence_shown", "kept"),
        "licence_problem": ("licence_problems", "converted"),
        "storage": ("storage", "kept"),
        "expired_count": ("expired_amount", "converted"),
        "temperature": ("temperature", "dropped"),  # 8 ℃ is above the new maximum
        "unknown": (None, "dropped"),  # not an item: reported, never lost silently
        "licence_shown.note": ("licence_shown.note", "kept"),  # notes follow their item
        "storage.note": ("storage.note", "kept"),
    }
    assert moved.answers == {"licence_shown": "不符合", "licence_problems": ("missing",),
                             "storage": "符合", "expired_amount": Decimal(3),
                             "licence_shown.note": "已过期", "storage.note": "冷柜无温度计"}
    temperature, unknown = moved.dropped
    assert temperature.reason is not None
    assert "does not fit the new item" in temperature.reason.en
    assert unknown.reason is not None and unknown.reason.zh == "第 1 版没有这个题目"


def test_an_answer_whose_item_is_gone_is_dropped_with_the_reason() -> None:
    v1 = version(FOOD_VENDOR)
    v2 = next_version()
    del v2["sections"][1]["items"][2]  # temperature removed
    moved = migrate_draft(v1, version(v2), {"temperature": Decimal(2), "storage": "符合"})
    assert [(m.old_key, m.outcome) for m in moved.moves] == [("temperature", "dropped"),
                                                             ("storage", "kept")]
    assert moved.dropped[0].reason is not None
    assert moved.dropped[0].reason.zh == "新版本没有对应的题目"


def test_a_note_is_dropped_with_its_check_and_reported() -> None:
    v2 = next_version()
    del v2["sections"][0]["items"][0]  # licence_shown removed, and what depended on it
    v2["sections"][0]["items"][0].pop("visible_if")
    moved = migrate_draft(version(FOOD_VENDOR), version(v2),
                          {"licence_shown": "不符合", "licence_shown.note": "已过期"})
    assert [(m.old_key, m.outcome) for m in moved.moves] == [
        ("licence_shown", "dropped"), ("licence_shown.note", "dropped")]
    assert moved.answers == {}


def test_a_published_migration_is_checked_against_both_versions() -> None:
    v2 = next_version()
    v2["migration"] = {"temperature": "storage", "ghost": None, "licence_problem": None}
    problems = [p.en for p in version_problems(version(FOOD_VENDOR), version(v2))]
    assert problems == [
        "migration: answers of temperature (decimal) cannot become storage (compliance)",
        "migration: version 1 has no item ghost"]
    v2["migration"] = {"temperature": "nowhere"}
    with pytest.raises(ChecklistError) as raised:
        version(v2)
    assert raised.value.problems[0].en == "migration.temperature: this version has no item nowhere"
    v1 = copy.deepcopy(FOOD_VENDOR)
    v1["migration"] = {}
    with pytest.raises(ChecklistError, match="version 1 has no previous version"):
        version(v1)
