"""The plan document (抽查计划): its JSON format, parsed and checked with clear errors.

Contract: :func:`parse_plan` turns the JSON text of a plan (format ``inspector-plan-v1``,
described in ``docs/draw.md``) into a frozen :class:`PlanDocument`, or raises
:class:`PlanFileError` naming the field and the rule it breaks, in Chinese and English.
:func:`plan_json` writes a document back in the same format (canonical order), so a
saved plan round-trips. Rules that need the directory (an empty stratum with a count,
too few eligible inspectors) are checked when the draw runs (:mod:`inspector.core.draw`).

Matching rules the services apply (documented in ``docs/draw.md``):

- a region code filter matches every region under it: ``130100`` (a city) matches
  ``130123``; trailing ``00`` pairs are dropped before comparing prefixes;
- strata are risk classes ``A``–``E``, or ``-`` for entities with no risk class; an
  entity whose class has no stratum is outside the population;
- an inspector is eligible when active, holding a certificate number valid on every day
  of the window, and matching the pool's unit, region and qualification filters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from inspector.core.directory import EntityType, RegistrationStatus
from inspector.core.draw import DrawError, DrawPlan, Stratum, validate_ratio
from inspector.core.text import LocalText

FORMAT = "inspector-plan-v1"
UNRATED_STRATUM = "-"
STRATUM_NAMES = ("A", "B", "C", "D", "E", UNRATED_STRATUM)
_E = TypeVar("_E", EntityType, RegistrationStatus)


class PlanFileError(ValueError):
    """A plan that cannot be used, with where and why, in both languages."""

    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class CheckItem:
    code: str
    title: str


@dataclass(frozen=True, slots=True)
class PopulationFilter:
    region_codes: tuple[str, ...] = ()
    entity_types: tuple[EntityType, ...] = ()
    industries: tuple[str, ...] = ()
    registration_statuses: tuple[RegistrationStatus, ...] = (RegistrationStatus.ACTIVE,)


@dataclass(frozen=True, slots=True)
class Exclusions:
    inspected_within_days: int | None = None
    open_tasks: bool = True


@dataclass(frozen=True, slots=True)
class PoolFilter:
    units: tuple[str, ...] = ()
    region_codes: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanDocument:
    code: str
    title: str
    check_items: tuple[CheckItem, ...]
    population: PopulationFilter
    strata: tuple[Stratum, ...]
    exclusions: Exclusions
    pool: PoolFilter
    team_size: int
    max_per_inspector: int | None
    window_start: date
    window_end: date
    due_date: date

    def draw_plan(self) -> DrawPlan:
        return DrawPlan(self.strata, self.team_size, self.max_per_inspector)


def region_prefix(code: str) -> str:
    """The prefix a region filter code stands for: ``130100`` → ``1301``."""
    prefix = code
    while prefix.endswith("00") and len(prefix) > 2:
        prefix = prefix[:-2]
    return prefix


def region_matches(filters: Sequence[str], region_code: str) -> bool:
    return not filters or any(region_code.startswith(region_prefix(f)) for f in filters)


def parse_plan(text: str, *, origin: str = "") -> PlanDocument:
    where = f"{origin}: " if origin else ""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(LocalText(
            f"{where}不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）",
            f"{where}not valid JSON (line {exc.lineno}, column {exc.colno})")) from None
    try:
        return _document(_object(data, "plan"))
    except PlanFileError as exc:
        raise PlanFileError(LocalText(where + exc.text.zh, where + exc.text.en)) from None


def plan_json(plan: PlanDocument) -> dict[str, Any]:
    """The document in its file format; :func:`parse_plan` reads it back unchanged."""
    return {
        "format": FORMAT,
        "code": plan.code,
        "title": plan.title,
        "check_items": [{"code": i.code, "title": i.title} for i in plan.check_items],
        "population": {
            "region_codes": list(plan.population.region_codes),
            "entity_types": [t.value for t in plan.population.entity_types],
            "industries": list(plan.population.industries),
            "registration_statuses": [s.value for s in plan.population.registration_statuses],
        },
        "strata": [{"name": s.name, "count": s.count} if s.count is not None
                   else {"name": s.name, "ratio": s.ratio} for s in plan.strata],
        "exclusions": {"inspected_within_days": plan.exclusions.inspected_within_days,
                       "open_tasks": plan.exclusions.open_tasks},
        "pool": {"units": list(plan.pool.units), "region_codes": list(plan.pool.region_codes),
                 "qualifications": list(plan.pool.qualifications)},
        "team_size": plan.team_size,
        "max_per_inspector": plan.max_per_inspector,
        "window": {"start": plan.window_start.isoformat(), "end": plan.window_end.isoformat()},
        "due_date": plan.due_date.isoformat(),
    }


# -- reading ------------------------------------------------------------------------------


def _document(data: Mapping[str, Any]) -> PlanDocument:
    if data.get("format") != FORMAT:
        raise _error("format", f"应为 \"{FORMAT}\"", f"must be \"{FORMAT}\"")
    known = {"format", "code", "title", "check_items", "population", "strata", "exclusions",
             "pool", "team_size", "max_per_inspector", "window", "due_date"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise _error(unknown[0], "不是计划的字段", "is not a field of a plan")
    code = _text(data.get("code"), "code")
    title = _text(data.get("title"), "title")
    items = tuple(_check_item(raw, i) for i, raw in enumerate(_list(data, "check_items")))
    if not items:
        raise _error("check_items", "至少列出一个检查事项", "must list at least one check item")
    strata = tuple(_stratum(raw, i) for i, raw in enumerate(_list(data, "strata")))
    if not strata:
        raise _error("strata", "至少列出一个分层", "must list at least one stratum")
    names = [s.name for s in strata]
    for index, name in enumerate(names):
        if names.index(name) != index:
            raise _error(f"strata[{index}].name", f"分层 {name} 重复", f"stratum {name} twice")
    team_size = _integer(data.get("team_size"), "team_size")
    if team_size < 2:
        raise _error("team_size", f"每组至少 2 名检查人员（计划写的是 {team_size}）",
                     f"a team has at least 2 inspectors (the plan says {team_size})")
    raw_max = data.get("max_per_inspector")
    max_per = None if raw_max is None else _integer(raw_max, "max_per_inspector")
    if max_per is not None and max_per < 1:
        raise _error("max_per_inspector", "至少为 1", "must be at least 1")
    window = _object(data.get("window"), "window", ("start", "end"))
    start = _date(window.get("start"), "window.start")
    end = _date(window.get("end"), "window.end")
    if end < start:
        raise _error("window.end", "早于开始日期", "is before the start")
    due = _date(data.get("due_date"), "due_date")
    if due < end:
        raise _error("due_date", "早于检查时段结束日期", "is before the end of the window")
    return PlanDocument(code, title, items, _population(data.get("population")), strata,
                        _exclusions(data.get("exclusions")), _pool(data.get("pool")),
                        team_size, max_per, start, end, due)


def _check_item(raw: Any, index: int) -> CheckItem:
    field = f"check_items[{index}]"
    if isinstance(raw, str):
        return CheckItem("", _text(raw, field))
    item = _object(raw, field)
    return CheckItem(str(item.get("code") or ""), _text(item.get("title"), f"{field}.title"))


def _stratum(raw: Any, index: int) -> Stratum:
    field = f"strata[{index}]"
    item = _object(raw, field)
    name = item.get("name")
    if name not in STRATUM_NAMES:
        raise _error(f"{field}.name", "应为风险等级 A–E，或 \"-\" 表示未分级",
                     "must be a risk class A–E, or \"-\" for unclassified")
    has_ratio, has_count = item.get("ratio") is not None, item.get("count") is not None
    if has_ratio == has_count:
        raise _error(field, "给出比例 ratio 或数量 count，二者取一",
                     "give a ratio or a count, exactly one of them")
    if has_count:
        count = _integer(item["count"], f"{field}.count")
        if count < 1:
            raise _error(f"{field}.count", "至少为 1", "must be at least 1")
        return Stratum(str(name), count=count)
    ratio = item["ratio"]
    try:
        validate_ratio(ratio)
    except DrawError as exc:
        raise _error(f"{field}.ratio", "应为 0 到 1 之间的小数字符串，如 \"0.03\"",
                     str(exc)) from None
    return Stratum(str(name), ratio=str(ratio))


def _population(raw: Any) -> PopulationFilter:
    data = _object(raw if raw is not None else {}, "population",
                   ("region_codes", "entity_types", "industries", "registration_statuses"))
    return PopulationFilter(
        region_codes=_regions(data, "population"),
        entity_types=tuple(_enum(EntityType, v, f"population.entity_types[{i}]")
                           for i, v in enumerate(_list(data, "entity_types", "population"))),
        industries=tuple(_text(v, f"population.industries[{i}]")
                         for i, v in enumerate(_list(data, "industries", "population"))),
        registration_statuses=tuple(
            _enum(RegistrationStatus, v, f"population.registration_statuses[{i}]")
            for i, v in enumerate(_list(data, "registration_statuses", "population",
                                        default=[RegistrationStatus.ACTIVE.value]))),
    )


def _exclusions(raw: Any) -> Exclusions:
    data = _object(raw if raw is not None else {}, "exclusions",
                   ("inspected_within_days", "open_tasks"))
    days = data.get("inspected_within_days")
    within = None if days is None else _integer(days, "exclusions.inspected_within_days")
    if within is not None and within < 1:
        raise _error("exclusions.inspected_within_days", "至少为 1 天", "must be at least 1 day")
    open_tasks = data.get("open_tasks", True)
    if not isinstance(open_tasks, bool):
        raise _error("exclusions.open_tasks", "应为 true 或 false", "must be true or false")
    return Exclusions(within, open_tasks)


def _pool(raw: Any) -> PoolFilter:
    data = _object(raw if raw is not None else {}, "pool",
                   ("units", "region_codes", "qualifications"))
    return PoolFilter(
        units=tuple(_text(v, f"pool.units[{i}]")
                    for i, v in enumerate(_list(data, "units", "pool"))),
        region_codes=_regions(data, "pool"),
        qualifications=tuple(_text(v, f"pool.qualifications[{i}]")
                             for i, v in enumerate(_list(data, "qualifications", "pool"))),
    )


def _regions(data: Mapping[str, Any], parent: str) -> tuple[str, ...]:
    codes = []
    for index, value in enumerate(_list(data, "region_codes", parent)):
        code = str(value) if isinstance(value, str) else ""
        if not re.fullmatch(r"[0-9]{6}", code):
            raise _error(f"{parent}.region_codes[{index}]", "应为 6 位行政区划代码",
                         "must be a 6-digit division code")
        codes.append(code)
    return tuple(codes)


def _object(value: Any, field: str, known: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """``value`` as an object; with ``known``, a misspelled member is refused by name
    (silently ignoring ``region_code`` would draw from the whole directory)."""
    if not isinstance(value, dict):
        raise _error(field, "应为 JSON 对象", "must be a JSON object")
    unknown = sorted(set(value) - set(known)) if known else []
    if unknown:
        raise _error(f"{field}.{unknown[0]}", f"不是 {field} 的字段",
                     f"is not a field of {field}")
    return value


def _list(data: Mapping[str, Any], name: str, parent: str = "",
          default: list[Any] | None = None) -> list[Any]:
    field = f"{parent}.{name}" if parent else name
    value = data.get(name, [] if default is None else default)
    if not isinstance(value, list):
        raise _error(field, "应为列表", "must be a list")
    return value


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _error(field, "不能为空", "must be a non-empty text")
    return value.strip()


def _integer(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error(field, "应为整数", "must be a whole number")
    return value


def _date(value: Any, field: str) -> date:
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _error(field, "应为日期，格式 YYYY-MM-DD", "must be a date as YYYY-MM-DD") from None


def _enum(kind: type[_E], value: Any, field: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise _error(field, f"应为以下之一：{allowed}", f"must be one of: {allowed}") from None


def _error(field: str, zh: str, en: str) -> PlanFileError:
    return PlanFileError(LocalText(f"字段 {field}：{zh}", f"field {field}: {en}"))
