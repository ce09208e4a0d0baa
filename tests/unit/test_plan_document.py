"""The plan file (format inspector-plan-v1): the shipped example, the round trip, and
refusals that name the field in both languages (docs/draw.md, domain.md §1.3, §8)."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from inspector.core.directory import EntityType, RegistrationStatus
from inspector.core.draw import Stratum
from inspector.core.plan_document import (
    PlanFileError,
    parse_plan,
    plan_json,
    region_matches,
    region_prefix,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plan.json"


@pytest.fixture
def example() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return loaded


def refusal(data: object) -> PlanFileError:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    with pytest.raises(PlanFileError) as caught:
        parse_plan(text)
    return caught.value


def assert_names(error: PlanFileError, field: str) -> None:
    assert f"字段 {field}：" in error.text.zh, error.text.zh
    assert f"field {field}: " in error.text.en, error.text.en
    assert str(error) == error.text.en


def test_the_shipped_example_parses() -> None:
    plan = parse_plan(EXAMPLE.read_text(encoding="utf-8"))
    assert plan.code == "ZD-2026-12"
    assert [i.code for i in plan.check_items] == ["SAMR-1", "CI-3"]
    assert plan.population.region_codes == ("130123",)
    assert plan.population.entity_types == (EntityType.ENTERPRISE, EntityType.INDIVIDUAL,
                                            EntityType.COOPERATIVE)
    assert plan.population.registration_statuses == (RegistrationStatus.ACTIVE,)
    assert plan.strata[0] == Stratum("A", ratio="0.01")
    assert plan.strata[4] == Stratum("E", count=5)
    assert [s.name for s in plan.strata] == ["A", "B", "C", "D", "E", "-"]
    assert plan.exclusions.inspected_within_days == 180
    assert plan.exclusions.open_tasks is True
    assert plan.pool.region_codes == ("130123",)
    assert (plan.team_size, plan.max_per_inspector) == (2, None)
    assert (plan.window_start, plan.window_end, plan.due_date) == (
        date(2026, 12, 7), date(2026, 12, 25), date(2026, 12, 31))
    draw_plan = plan.draw_plan()
    assert (draw_plan.strata, draw_plan.team_size) == (plan.strata, 2)


def test_plan_json_round_trips(example: dict[str, Any]) -> None:
    plan = parse_plan(json.dumps(example, ensure_ascii=False))
    written = plan_json(plan)
    assert written == example  # the example is already in canonical form
    assert parse_plan(json.dumps(written, ensure_ascii=False)) == plan


def test_a_varied_plan_round_trips(example: dict[str, Any]) -> None:
    example["check_items"] = ["现场检查"]  # a bare title is accepted
    example["strata"] = [{"name": "E", "count": 3}]
    example["exclusions"] = {"inspected_within_days": None, "open_tasks": False}
    example["max_per_inspector"] = 4
    example["population"]["registration_statuses"] = ["active", "suspended"]
    plan = parse_plan(json.dumps(example, ensure_ascii=False))
    assert plan.check_items[0].title == "现场检查"
    again = parse_plan(json.dumps(plan_json(plan), ensure_ascii=False))
    assert again == plan
    assert again.max_per_inspector == 4
    assert again.exclusions.open_tasks is False


def test_a_team_of_one_is_refused(example: dict[str, Any]) -> None:
    example["team_size"] = 1
    error = refusal(example)
    assert_names(error, "team_size")
    assert "至少 2 名" in error.text.zh and "at least 2 inspectors" in error.text.en


def test_a_float_ratio_is_refused(example: dict[str, Any]) -> None:
    example["strata"][2]["ratio"] = 0.03
    error = refusal(example)
    assert_names(error, "strata[2].ratio")
    assert "\"0.03\"" in error.text.zh
    assert "decimal strings" in error.text.en


@pytest.mark.parametrize("ratio", ["0", "1.5", "-0.1", "abc", "NaN"])
def test_a_ratio_outside_0_to_1_is_refused(example: dict[str, Any], ratio: str) -> None:
    example["strata"][0]["ratio"] = ratio
    assert_names(refusal(example), "strata[0].ratio")


def test_ratio_one_is_accepted(example: dict[str, Any]) -> None:
    example["strata"][0]["ratio"] = "1"
    assert parse_plan(json.dumps(example)).strata[0] == Stratum("A", ratio="1")


def test_a_stratum_with_both_ratio_and_count_is_refused(example: dict[str, Any]) -> None:
    example["strata"][1] = {"name": "B", "ratio": "0.02", "count": 3}
    error = refusal(example)
    assert_names(error, "strata[1]")
    assert "二者取一" in error.text.zh and "exactly one" in error.text.en


def test_a_stratum_with_neither_is_refused(example: dict[str, Any]) -> None:
    example["strata"][1] = {"name": "B"}
    assert_names(refusal(example), "strata[1]")


@pytest.mark.parametrize("name", ["F", "a", "", None, "AB"])
def test_an_unknown_stratum_name_is_refused(example: dict[str, Any], name: object) -> None:
    example["strata"][3]["name"] = name
    error = refusal(example)
    assert_names(error, "strata[3].name")
    assert "A–E" in error.text.zh and "A–E" in error.text.en


def test_a_stratum_named_twice_is_refused(example: dict[str, Any]) -> None:
    example["strata"].append({"name": "A", "count": 1})
    assert_names(refusal(example), "strata[6].name")


def test_a_count_of_zero_is_refused(example: dict[str, Any]) -> None:
    example["strata"][4]["count"] = 0
    assert_names(refusal(example), "strata[4].count")


def test_an_unknown_top_level_field_is_refused(example: dict[str, Any]) -> None:
    example["teamsize"] = 3
    error = refusal(example)
    assert_names(error, "teamsize")
    assert "不是计划的字段" in error.text.zh and "not a field of a plan" in error.text.en


@pytest.mark.parametrize(("parent", "typo"), [("population", "region_code"),
                                               ("exclusions", "inspected_within_day")])
def test_a_misspelt_nested_field_is_refused(example: dict[str, Any], parent: str,
                                            typo: str) -> None:
    # "region_code" instead of "region_codes" would draw from the whole directory.
    correct = typo + "s"
    example[parent][typo] = example[parent].pop(correct)
    assert_names(refusal(example), f"{parent}.{typo}")


def test_the_format_must_be_named(example: dict[str, Any]) -> None:
    example["format"] = "inspector-plan-v2"
    assert_names(refusal(example), "format")
    del example["format"]
    assert_names(refusal(example), "format")


def test_a_window_ending_before_it_starts_is_refused(example: dict[str, Any]) -> None:
    example["window"] = {"start": "2026-12-07", "end": "2026-12-06"}
    error = refusal(example)
    assert_names(error, "window.end")
    assert "早于开始日期" in error.text.zh and "before the start" in error.text.en


def test_a_one_day_window_is_accepted(example: dict[str, Any]) -> None:
    example["window"] = {"start": "2026-12-07", "end": "2026-12-07"}
    example["due_date"] = "2026-12-07"
    plan = parse_plan(json.dumps(example))
    assert plan.window_start == plan.window_end == plan.due_date == date(2026, 12, 7)


def test_a_due_date_before_the_window_ends_is_refused(example: dict[str, Any]) -> None:
    example["due_date"] = "2026-12-24"
    error = refusal(example)
    assert_names(error, "due_date")
    assert "before the end of the window" in error.text.en


@pytest.mark.parametrize(("field", "path", "value"), [
    ("window.start", ("window", "start"), "2026/12/07"),
    ("window.start", ("window", "start"), "2026-02-30"),
    ("window.end", ("window", "end"), "下周五"),
    ("window.end", ("window", "end"), 20261225),
    ("due_date", ("due_date",), ""),
])
def test_bad_date_text_is_refused(example: dict[str, Any], field: str,
                                  path: tuple[str, ...], value: object) -> None:
    target = example
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    error = refusal(example)
    assert_names(error, field)
    assert "YYYY-MM-DD" in error.text.zh and "YYYY-MM-DD" in error.text.en


@pytest.mark.parametrize("value", ["2026-W50-1", "20261207"])
def test_only_the_documented_date_form_is_accepted(example: dict[str, Any],
                                                   value: str) -> None:
    example["window"]["start"] = value
    assert_names(refusal(example), "window.start")


@pytest.mark.parametrize(("parent", "code"), [
    ("population", "13012"), ("population", "1301230"), ("population", "13012x"),
    ("pool", 130123), ("pool", ""),
])
def test_a_region_code_must_have_6_digits(example: dict[str, Any], parent: str,
                                          code: object) -> None:
    example[parent]["region_codes"] = ["130123", code]
    error = refusal(example)
    assert_names(error, f"{parent}.region_codes[1]")
    assert "6 位" in error.text.zh and "6-digit" in error.text.en


def test_a_full_width_region_code_is_refused(example: dict[str, Any]) -> None:
    example["population"]["region_codes"] = ["１３０１２３"]
    assert_names(refusal(example), "population.region_codes[0]")


def test_an_unknown_entity_type_is_refused(example: dict[str, Any]) -> None:
    example["population"]["entity_types"] = ["enterprise", "企业"]
    error = refusal(example)
    assert_names(error, "population.entity_types[1]")
    assert "enterprise" in error.text.en  # lists the allowed values


def test_team_size_must_be_a_whole_number(example: dict[str, Any]) -> None:
    for value in (2.0, "2", True):
        example["team_size"] = value
        assert_names(refusal(example), "team_size")


def test_max_per_inspector_of_zero_is_refused(example: dict[str, Any]) -> None:
    example["max_per_inspector"] = 0
    assert_names(refusal(example), "max_per_inspector")


def test_a_plan_without_check_items_or_strata_is_refused(example: dict[str, Any]) -> None:
    empty_items = copy.deepcopy(example)
    empty_items["check_items"] = []
    assert_names(refusal(empty_items), "check_items")
    example["strata"] = []
    assert_names(refusal(example), "strata")


def test_invalid_json_reports_line_and_column() -> None:
    text = '{\n  "format": "inspector-plan-v1",\n  "code": "ZD"\n  "title": "x"\n}'
    with pytest.raises(PlanFileError) as caught:
        parse_plan(text, origin="plan.json")
    error = caught.value
    assert error.text.zh == "plan.json: 不是有效的 JSON（第 4 行第 3 列）"
    assert error.text.en == "plan.json: not valid JSON (line 4, column 3)"


def test_the_origin_prefixes_field_errors(example: dict[str, Any]) -> None:
    example["team_size"] = 1
    with pytest.raises(PlanFileError) as caught:
        parse_plan(json.dumps(example), origin="十二月.json")
    assert caught.value.text.zh.startswith("十二月.json: 字段 team_size：")
    assert caught.value.text.en.startswith("十二月.json: field team_size: ")


def test_a_top_level_array_is_refused() -> None:
    assert_names(refusal("[]"), "plan")


def test_region_prefix_drops_trailing_zero_pairs() -> None:
    assert region_prefix("130100") == "1301"
    assert region_prefix("130000") == "13"
    assert region_prefix("130123") == "130123"
    assert region_prefix("130100") != "13010"


def test_region_matches_by_prefix() -> None:
    assert region_matches([], "130602")  # no filter: everything
    assert region_matches(["130100"], "130123")
    assert region_matches(["130100"], "130102")
    assert not region_matches(["130100"], "130602")
    assert not region_matches(["130123"], "130102")
    assert region_matches(["130602", "130123"], "130123")
    assert region_matches(["130000"], "130602")
