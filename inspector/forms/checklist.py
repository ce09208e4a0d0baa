"""Checklists as data: the ``inspector-checklist-v1`` format, read with clear errors.

Contract: :func:`parse_checklist` turns a checklist's JSON text into a frozen
:class:`Checklist` or raises :class:`ChecklistError` listing every problem found (not
only the first), each naming its place (``sections[1].items[3].visible_if``) and, for
expressions, the column, in Chinese and English. It checks: the format and the
fields of every item kind; unique keys; choices for choice items; decimal-string
bounds (never floats); every condition and rule parses and reads only items of the
checklist and known entity fields; and that no item's visibility depends on itself,
directly or through other items. The format is described in ``docs/checklists.md``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from inspector.core.text import LocalText
from inspector.forms.expressions import ExpressionError, Node, check, references

FORMAT = "inspector-checklist-v1"
ENTITY_FIELDS = frozenset({"name", "identifier", "entity_type", "region_code", "address",
                           "legal_representative", "industry", "risk_class",
                           "registration_status"})


class ItemKind(StrEnum):
    COMPLIANCE = "compliance"  # 符合 / 不符合 / 不适用, with a note
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    INTEGER = "integer"
    DECIMAL = "decimal"
    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"
    PHOTO = "photo"
    SAMPLE = "sample"
    SIGNATURE = "signature"
    BARCODE = "barcode"
    GUIDANCE = "guidance"  # read-only text; never answered


class Severity(StrEnum):
    GENERAL = "general"  # 一般
    KEY = "key"  # 重点


COMPLIANCE_ANSWERS = ("符合", "不符合", "不适用")


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Rule:
    expression: str
    tree: Node
    message: str


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    kind: ItemKind
    label: str
    basis: str = ""  # 检查依据
    severity: Severity = Severity.GENERAL
    help: str = ""
    required: bool = False
    visible_if: str = ""
    visibility: Node | None = None
    rules: tuple[Rule, ...] = ()
    choices: tuple[Choice, ...] = ()
    unit: str = ""
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    photos: tuple[int, int] = (0, 0)  # (minimum, maximum) for photo evidence


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Checklist:
    code: str
    version: int
    title: str
    entity_types: tuple[str, ...]
    check_items: tuple[str, ...]
    sections: tuple[Section, ...]
    items_by_key: Mapping[str, Item] = field(default_factory=dict)
    # From the previous version: old item key → this version's key, or None (dropped).
    migration: Mapping[str, str | None] = field(default_factory=dict)
    _items: tuple[Item, ...] = field(default=(), init=False, repr=False, compare=False)
    _readers: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        items = tuple(item for section in self.sections for item in section.items)
        readers: dict[str, list[str]] = {}
        for item in items:
            if item.visibility is not None:
                for name in references(item.visibility)[0]:
                    readers.setdefault(name, []).append(item.key)
        object.__setattr__(self, "_items", items)
        if not self.items_by_key:
            object.__setattr__(self, "items_by_key", {item.key: item for item in items})
        object.__setattr__(self, "_readers", {k: tuple(v) for k, v in readers.items()})

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, section by section, in order."""
        return self._items

    def visibility_readers(self, key: str) -> tuple[str, ...]:
        """The items whose visibility condition reads item ``key``."""
        return self._readers.get(key, ())


class ChecklistError(ValueError):
    """Every problem of a checklist file, each with its place, in both languages."""

    def __init__(self, problems: Sequence[LocalText]) -> None:
        super().__init__("; ".join(p.en for p in problems))
        self.problems = tuple(problems)


def parse_checklist(text: str, *, origin: str = "") -> Checklist:
    where = f"{origin}: " if origin else ""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ChecklistError([LocalText(
            f"{where}不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）",
            f"{where}not valid JSON (line {exc.lineno}, column {exc.colno})")]) from None
    reader = _Reader()
    checklist = reader.checklist(data)
    if reader.problems or checklist is None:
        raise ChecklistError([LocalText(where + p.zh, where + p.en) for p in reader.problems])
    return checklist


# -- reading ------------------------------------------------------------------------------

_COMMON = {"key", "kind", "label", "basis", "severity", "help", "required", "visible_if",
           "rules"}
_EXTRA: Mapping[ItemKind, frozenset[str]] = {
    ItemKind.SINGLE_CHOICE: frozenset({"choices"}),
    ItemKind.MULTIPLE_CHOICE: frozenset({"choices"}),
    ItemKind.INTEGER: frozenset({"unit", "min", "max"}),
    ItemKind.DECIMAL: frozenset({"unit", "min", "max"}),
    ItemKind.PHOTO: frozenset({"min_count", "max_count"}),
}


class _Reader:
    def __init__(self) -> None:
        self.problems: list[LocalText] = []

    def problem(self, place: str, zh: str, en: str) -> None:
        self.problems.append(LocalText(f"{place}：{zh}", f"{place}: {en}"))

    def checklist(self, data: Any) -> Checklist | None:
        if not isinstance(data, dict):
            self.problem("checklist", "应为 JSON 对象", "must be a JSON object")
            return None
        if data.get("format") != FORMAT:
            self.problem("format", f"应为 \"{FORMAT}\"", f"must be \"{FORMAT}\"")
            return None
        known = {"format", "code", "version", "title", "entity_types", "check_items",
                 "sections", "migration"}
        for name in sorted(set(data) - known):
            self.problem(name, "不是清单的字段", "is not a field of a checklist")
        code = self.text(data.get("code"), "code")
        title = self.text(data.get("title"), "title")
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.problem("version", "应为从 1 开始的整数", "must be a whole number from 1")
            version = 1
        raw_sections = data.get("sections")
        if not isinstance(raw_sections, list) or not raw_sections:
            self.problem("sections", "至少一个分节", "must list at least one section")
            raw_sections = []
        raw_items = [(f"sections[{s}].items[{i}]", raw)
                     for s, section in enumerate(raw_sections) if isinstance(section, dict)
                     for i, raw in enumerate(section.get("items") or [])]
        keys = [raw.get("key") for _place, raw in raw_items if isinstance(raw, dict)]
        item_keys = frozenset(k for k in keys if isinstance(k, str))
        seen: set[str] = set()
        for place, raw in raw_items:
            key = raw.get("key") if isinstance(raw, dict) else None
            if isinstance(key, str) and key in seen:
                self.problem(f"{place}.key", f"题目键 {key} 重复", f"item key {key} twice")
            if isinstance(key, str):
                seen.add(key)
        sections = tuple(self.section(raw, index, item_keys)
                         for index, raw in enumerate(raw_sections))
        built = Checklist(code, version, title, self.texts(data, "entity_types"),
                          self.texts(data, "check_items"), sections)
        by_key = {item.key: item for item in built.items}
        self.cycles(by_key)
        return Checklist(built.code, built.version, built.title, built.entity_types,
                         built.check_items, built.sections, by_key,
                         self.migration(data.get("migration"), version, item_keys))

    def migration(self, raw: Any, version: int, item_keys: frozenset[str]
                  ) -> dict[str, str | None]:
        """The item mapping from the previous version (its old keys are checked against
        that version by :func:`inspector.forms.versions.version_problems`)."""
        if raw is None:
            return {}
        if version < 2:
            self.problem("migration", "第 1 版没有上一版可迁移",
                         "version 1 has no previous version to migrate from")
            return {}
        if not isinstance(raw, dict):
            self.problem("migration", "应为对象：旧题目键 → 新题目键或 null",
                         "must be an object: old item key → new item key or null")
            return {}
        mapping: dict[str, str | None] = {}
        for old, new in raw.items():
            if new is not None and not isinstance(new, str):
                self.problem(f"migration.{old}", "应为新题目键或 null",
                             "must be a new item key or null")
            elif new is not None and new not in item_keys:
                self.problem(f"migration.{old}", f"本版没有题目 {new}",
                             f"this version has no item {new}")
            else:
                mapping[old] = new
        return mapping

    def section(self, raw: Any, index: int, item_keys: frozenset[str]) -> Section:
        place = f"sections[{index}]"
        if not isinstance(raw, dict):
            self.problem(place, "应为 JSON 对象", "must be a JSON object")
            return Section("", "", ())
        items = raw.get("items")
        if not isinstance(items, list) or not items:
            self.problem(f"{place}.items", "至少一个题目", "must list at least one item")
            items = []
        return Section(self.text(raw.get("key"), f"{place}.key"),
                       self.text(raw.get("title"), f"{place}.title"),
                       tuple(self.item(r, f"{place}.items[{i}]", item_keys)
                             for i, r in enumerate(items)))

    def item(self, raw: Any, place: str, item_keys: frozenset[str]) -> Item:
        if not isinstance(raw, dict):
            self.problem(place, "应为 JSON 对象", "must be a JSON object")
            return Item("", ItemKind.GUIDANCE, "")
        try:
            kind = ItemKind(str(raw.get("kind")))
        except ValueError:
            allowed = ", ".join(k.value for k in ItemKind)
            self.problem(f"{place}.kind", f"应为以下之一：{allowed}", f"must be one of: {allowed}")
            kind = ItemKind.GUIDANCE
        for name in sorted(set(raw) - _COMMON - _EXTRA.get(kind, frozenset())):
            self.problem(f"{place}.{name}", f"不是 {kind.value} 题目的字段",
                         f"is not a field of a {kind.value} item")
        key = self.text(raw.get("key"), f"{place}.key")
        try:
            severity = Severity(raw.get("severity", Severity.GENERAL.value))
        except ValueError:
            self.problem(f"{place}.severity", "应为 general（一般）或 key（重点）",
                         "must be general (一般) or key (重点)")
            severity = Severity.GENERAL
        visible_if = str(raw.get("visible_if") or "")
        visibility = self.expression(visible_if, f"{place}.visible_if", item_keys) \
            if visible_if else None
        rules = []
        for number, rule in enumerate(raw.get("rules") or []):
            rule_place = f"{place}.rules[{number}]"
            if not isinstance(rule, dict):
                self.problem(rule_place, "应为 {expression, message}",
                             "must be {expression, message}")
                continue
            expression = self.text(rule.get("expression"), f"{rule_place}.expression")
            tree = self.expression(expression, f"{rule_place}.expression", item_keys)
            message = self.text(rule.get("message"), f"{rule_place}.message")
            if tree is not None:
                rules.append(Rule(expression, tree, message))
        low, high = self.bound(raw, "min", place), self.bound(raw, "max", place)
        if low is not None and high is not None and low > high:
            self.problem(f"{place}.max", "小于 min", "is below min")
        return Item(
            key=key, kind=kind, label=self.text(raw.get("label"), f"{place}.label"),
            basis=str(raw.get("basis") or ""), severity=severity,
            help=str(raw.get("help") or ""), required=raw.get("required") is True,
            visible_if=visible_if, visibility=visibility, rules=tuple(rules),
            choices=self.choices(raw, kind, place), unit=str(raw.get("unit") or ""),
            minimum=low, maximum=high, photos=self.photo_counts(raw, kind, place))

    def choices(self, raw: Mapping[str, Any], kind: ItemKind, place: str
                ) -> tuple[Choice, ...]:
        if kind not in (ItemKind.SINGLE_CHOICE, ItemKind.MULTIPLE_CHOICE):
            return ()
        found = []
        for index, choice in enumerate(raw.get("choices") or []):
            if not isinstance(choice, dict):
                self.problem(f"{place}.choices[{index}]", "应为 {value, label}",
                             "must be {value, label}")
                continue
            found.append(Choice(self.text(choice.get("value"), f"{place}.choices[{index}].value"),
                                self.text(choice.get("label"),
                                          f"{place}.choices[{index}].label")))
        values = [c.value for c in found]
        if len(found) < 2:
            self.problem(f"{place}.choices", "选择题至少两个选项", "a choice item needs 2 choices")
        elif len(set(values)) != len(values):
            self.problem(f"{place}.choices", "选项值重复", "two choices have the same value")
        return tuple(found)

    def bound(self, raw: Mapping[str, Any], name: str, place: str) -> Decimal | None:
        value = raw.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"{place}.{name}", "应为小数字符串，如 \"0.5\"",
                         "must be a decimal string such as \"0.5\"")
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            self.problem(f"{place}.{name}", "应为小数字符串，如 \"0.5\"",
                         "must be a decimal string such as \"0.5\"")
            return None
        return number

    def photo_counts(self, raw: Mapping[str, Any], kind: ItemKind, place: str
                     ) -> tuple[int, int]:
        if kind is not ItemKind.PHOTO:
            return (0, 0)
        low, high = raw.get("min_count", 0), raw.get("max_count", 20)
        if not (isinstance(low, int) and isinstance(high, int)) or isinstance(low, bool) \
                or isinstance(high, bool) or not 0 <= low <= high:
            self.problem(f"{place}.min_count", "照片张数应为 0 ≤ min_count ≤ max_count 的整数",
                         "photo counts must be whole numbers with 0 ≤ min_count ≤ max_count")
            return (0, 20)
        return (low, high)

    def expression(self, text: str, place: str, item_keys: frozenset[str]) -> Node | None:
        try:
            return check(text, items=item_keys, entity_fields=ENTITY_FIELDS)
        except ExpressionError as exc:
            self.problems.append(LocalText(f"{place}：{exc.text.zh}", f"{place}: {exc.text.en}"))
            return None

    def cycles(self, by_key: Mapping[str, Item]) -> None:
        """No item may be shown or hidden by its own answer, even through others."""
        needs = {key: set(references(item.visibility)[0]) if item.visibility else set()
                 for key, item in by_key.items()}
        for start in sorted(needs):
            stack, seen = list(needs[start]), set()
            while stack:
                current = stack.pop()
                if current == start:
                    self.problem(f"{start}.visible_if", "题目的显示条件依赖它自己的答案",
                                 "the item's visibility depends on its own answer")
                    break
                if current not in seen:
                    seen.add(current)
                    stack.extend(needs.get(current, ()))

    def text(self, value: Any, place: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.problem(place, "不能为空", "must be a non-empty text")
            return ""
        return value.strip()

    def texts(self, data: Mapping[str, Any], name: str) -> tuple[str, ...]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(name, "应为文本列表", "must be a list of texts")
            return ()
        return tuple(value)
