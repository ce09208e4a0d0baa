"""The difference between two versions of a checklist, worded for administrators.

Contract: :func:`diff_versions` compares ``old`` with ``new`` (normally two versions of
one code, in either direction) and returns a frozen :class:`ChecklistDiff` holding one
:class:`Change` per difference, each described in Chinese and English. It is pure (no
files, no database) and never refuses: what the version rules forbid (an item whose kind
changed, another code) is reported like any other difference. Identical versions give
an empty diff. What is compared:

- the checklist (key ``None``): code, title, entity types, check items;
- sections, by key: added, removed, retitled, moved (reordered among the sections both
  versions have);
- items, by key: added, removed, moved (into another section, or reordered among the
  items their section keeps: the fewest are called moved, the others keep a longest
  run in their old order), and changed, one change per field: kind, label, required,
  severity, condition, each rule (paired by expression and message, then by expression,
  then by message), each choice (by value) and the choices' order, unit, min, max,
  photo counts, basis, help.

Order: the checklist's changes first, then the new version's order, each section's own
changes before its items', an item's move before its field changes. A removed item
stands after the last item that preceded it in its section and is still there, not
moved (else first in that section); a removed section, with its removed items, after
the last section that preceded it and is still there (else first).

:meth:`ChecklistDiff.summary` counts items by kind of change ("新增 2 项，删除 1 项，修改 3
项，移动 1 项": an item changed in three fields counts once) and adds the number of
section and checklist changes when there are any.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from inspector.core.text import LocalText
from inspector.forms.checklist import Checklist, Choice, Item, ItemKind, Rule, Section, Severity


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


class Subject(StrEnum):
    """What a change is about."""

    CHECKLIST = "checklist"
    SECTION = "section"
    ITEM = "item"


KIND_NAMES: Mapping[ChangeKind, LocalText] = {
    ChangeKind.ADDED: LocalText("新增", "added"),
    ChangeKind.REMOVED: LocalText("删除", "removed"),
    ChangeKind.CHANGED: LocalText("修改", "changed"),
    ChangeKind.MOVED: LocalText("移动", "moved"),
}

ITEM_KIND_NAMES: Mapping[ItemKind, str] = {
    ItemKind.COMPLIANCE: "符合性判定",
    ItemKind.SINGLE_CHOICE: "单选",
    ItemKind.MULTIPLE_CHOICE: "多选",
    ItemKind.INTEGER: "整数",
    ItemKind.DECIMAL: "小数",
    ItemKind.TEXT: "文本",
    ItemKind.DATE: "日期",
    ItemKind.DATETIME: "日期时间",
    ItemKind.PHOTO: "照片",
    ItemKind.SAMPLE: "抽样",
    ItemKind.SIGNATURE: "签名",
    ItemKind.BARCODE: "条码",
    ItemKind.GUIDANCE: "说明文字",
}

_SEVERITY_NAMES = {Severity.GENERAL: "一般", Severity.KEY: "重点"}
_NONE = LocalText("（无）", "(none)")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Change:
    """One difference.

    ``key`` is the item's key, the section's key for a section, ``None`` for the
    checklist. ``section`` and ``section_title`` name the section the subject is in (the
    new version's, or the old one's for what was removed; ``None`` and ``""`` for the
    checklist). ``label`` is the item's label or the section's or checklist's title, in
    the new version when it is there, else in the old one.
    """

    kind: ChangeKind
    subject: Subject
    key: str | None
    section: str | None
    section_title: str
    label: str
    text: LocalText

    @property
    def place(self) -> LocalText:
        """Where the change is, for one line of text: ``题目 storage``, ``分节 goods``…"""
        if self.subject is Subject.ITEM:
            return LocalText(f"题目 {self.key}", f"item {self.key}")
        if self.subject is Subject.SECTION:
            return LocalText(f"分节 {self.key}", f"section {self.key}")
        return LocalText("清单", "checklist")


@dataclass(frozen=True, slots=True)
class ChecklistDiff:
    code: str
    old_version: int
    new_version: int
    changes: tuple[Change, ...]

    @property
    def identical(self) -> bool:
        return not self.changes

    def item_counts(self) -> Mapping[ChangeKind, int]:
        """How many items were added, removed, changed and moved (each item once a kind)."""
        keys: dict[ChangeKind, set[str | None]] = {kind: set() for kind in ChangeKind}
        for change in self.changes:
            if change.subject is Subject.ITEM:
                keys[change.kind].add(change.key)
        return {kind: len(found) for kind, found in keys.items()}

    def summary(self) -> LocalText:
        if not self.changes:
            return LocalText("两个版本没有差别", "the two versions are the same")
        counts = self.item_counts()
        added, removed = counts[ChangeKind.ADDED], counts[ChangeKind.REMOVED]
        changed, moved = counts[ChangeKind.CHANGED], counts[ChangeKind.MOVED]
        zh = f"新增 {added} 项，删除 {removed} 项，修改 {changed} 项，移动 {moved} 项"
        en = (f"{_count(added, 'item')} added, {removed} removed, {changed} changed, "
              f"{moved} moved")
        sections = sum(1 for c in self.changes if c.subject is Subject.SECTION)
        whole = sum(1 for c in self.changes if c.subject is Subject.CHECKLIST)
        if sections:
            zh += f"；分节变化 {sections} 处"
            en += f"; {_count(sections, 'section change')}"
        if whole:
            zh += f"；清单信息变化 {whole} 处"
            en += f"; {_count(whole, 'checklist change')}"
        return LocalText(zh, en)


def diff_versions(old: Checklist, new: Checklist) -> ChecklistDiff:
    """Every difference from ``old`` to ``new``, in the order of the module contract."""
    return ChecklistDiff(new.code, old.version, new.version, tuple(_Differ(old, new).changes()))


# -- comparing ----------------------------------------------------------------------------


class _Differ:
    def __init__(self, old: Checklist, new: Checklist) -> None:
        self.old, self.new = old, new
        self.old_sections = {section.key: section for section in old.sections}
        self.new_sections = {section.key: section for section in new.sections}
        self.old_home = {item.key: section for section in old.sections for item in section.items}
        self.new_home = {item.key: section for section in new.sections for item in section.items}

    def changes(self) -> Iterator[Change]:
        yield from self.checklist_changes()
        reordered = _out_of_order([s.key for s in self.old.sections],
                                  [s.key for s in self.new.sections])
        gone = _removed_after(self.old.sections, lambda s: s.key in self.new_sections,
                              lambda s: s.key)
        for section in gone.get(None, ()):
            yield from self.removed_section(section)
        for position, section in enumerate(self.new.sections, start=1):
            yield from self.section_changes(section, position, section.key in reordered)
            yield from self.section_items(section)
            for removed in gone.get(section.key, ()):
                yield from self.removed_section(removed)

    # -- the checklist and its sections --------------------------------------------------

    def checklist_changes(self) -> Iterator[Change]:
        old, new = self.old, self.new

        def change(text: LocalText) -> Change:
            return Change(ChangeKind.CHANGED, Subject.CHECKLIST, None, None, "", new.title, text)

        if old.code != new.code:
            yield change(_from_to(LocalText("清单编号", "code"), _plain(old.code),
                                  _plain(new.code)))
        if old.title != new.title:
            yield change(_from_to(LocalText("标题", "title"), _quoted(old.title),
                                  _quoted(new.title)))
        if old.entity_types != new.entity_types:
            yield change(_from_to(LocalText("适用主体类型", "entity types"),
                                  _listed(old.entity_types), _listed(new.entity_types)))
        if old.check_items != new.check_items:
            yield change(_from_to(LocalText("抽查事项", "check items"),
                                  _listed(old.check_items), _listed(new.check_items)))

    def section_changes(self, section: Section, position: int, reordered: bool
                        ) -> Iterator[Change]:
        def change(kind: ChangeKind, text: LocalText) -> Change:
            return Change(kind, Subject.SECTION, section.key, section.key, section.title,
                          section.title, text)

        before = self.old_sections.get(section.key)
        if before is None:
            count = len(section.items)
            yield change(ChangeKind.ADDED, LocalText(
                f"新增分节 \"{section.title}\"（{count} 个题目）",
                f"section \"{section.title}\" added ({_count(count, 'item')})"))
            return
        if reordered:
            was = [s.key for s in self.old.sections].index(section.key) + 1
            yield change(ChangeKind.MOVED, LocalText(
                f"分节顺序 第 {was} → 第 {position}",
                f"section order: position {was} → {position}"))
        if before.title != section.title:
            yield change(ChangeKind.CHANGED, _from_to(LocalText("分节标题", "section title"),
                                                      _quoted(before.title),
                                                      _quoted(section.title)))

    def removed_section(self, section: Section) -> Iterator[Change]:
        yield Change(ChangeKind.REMOVED, Subject.SECTION, section.key, section.key,
                     section.title, section.title, LocalText(
                         f"删除分节 \"{section.title}\"", f"section \"{section.title}\" removed"))
        for item in section.items:
            if item.key not in self.new_home:
                yield self.removed_item(item, section)

    # -- items ------------------------------------------------------------------------------

    def section_items(self, section: Section) -> Iterator[Change]:
        before = self.old_sections.get(section.key)
        old_items = before.items if before is not None else ()
        stays = {item.key for item in section.items}
        reordered = _out_of_order([i.key for i in old_items if i.key in stays],
                                  [i.key for i in section.items])
        in_place = stays - reordered
        gone = _removed_after([i for i in old_items if i.key not in self.new_home or
                               i.key in in_place], lambda i: i.key in in_place, lambda i: i.key)
        for item in gone.get(None, ()):
            yield self.removed_item(item, section)
        for position, item in enumerate(section.items, start=1):
            yield from self.item_changes(item, section, position, item.key in reordered)
            for removed in gone.get(item.key, ()):
                yield self.removed_item(removed, section)

    def item_changes(self, item: Item, section: Section, position: int, reordered: bool
                     ) -> Iterator[Change]:
        def change(kind: ChangeKind, text: LocalText) -> Change:
            return Change(kind, Subject.ITEM, item.key, section.key, section.title,
                          item.label, text)

        previous = self.old.items_by_key.get(item.key)
        if previous is None:
            yield change(ChangeKind.ADDED, LocalText(
                f"新增题目 \"{item.label}\"（{ITEM_KIND_NAMES[item.kind]}）",
                f"item \"{item.label}\" added ({item.kind.value})"))
            return
        home = self.old_home[item.key]
        if home.key != section.key:
            yield change(ChangeKind.MOVED, LocalText(
                f"从分节 \"{home.title}\" 移到 \"{section.title}\"",
                f"moved from section \"{home.title}\" to \"{section.title}\""))
        elif reordered:
            was = [i.key for i in home.items].index(item.key) + 1
            yield change(ChangeKind.MOVED, LocalText(
                f"分节内位置 第 {was} → 第 {position}",
                f"reordered within its section: position {was} → {position}"))
        for text in field_changes(previous, item):
            yield change(ChangeKind.CHANGED, text)

    def removed_item(self, item: Item, section: Section) -> Change:
        return Change(ChangeKind.REMOVED, Subject.ITEM, item.key, section.key, section.title,
                      item.label, LocalText(f"删除题目 \"{item.label}\"",
                                            f"item \"{item.label}\" removed"))


def field_changes(old: Item, new: Item) -> list[LocalText]:
    """What changed in one item kept under its key, one text per field (rule, choice)."""
    found: list[LocalText] = []
    if old.kind is not new.kind:
        found.append(LocalText(
            f"类型 {ITEM_KIND_NAMES[old.kind]} → {ITEM_KIND_NAMES[new.kind]}"
            "（版本规则不允许改变题目类型）",
            f"kind {old.kind.value} → {new.kind.value} (the version rules refuse a kind "
            "change)"))
    if old.label != new.label:
        found.append(_from_to(LocalText("标签", "label"), _quoted(old.label),
                              _quoted(new.label)))
    if old.required != new.required:
        found.append(LocalText("必填 → 选填", "required → optional") if old.required
                     else LocalText("选填 → 必填", "optional → required"))
    if old.severity is not new.severity:
        found.append(_from_to(
            LocalText("严重程度", "severity"),
            LocalText(_SEVERITY_NAMES[old.severity], old.severity.value),
            LocalText(_SEVERITY_NAMES[new.severity], new.severity.value)))
    if old.visible_if != new.visible_if:
        found.append(_condition(old.visible_if, new.visible_if))
    found.extend(_rule_changes(old.rules, new.rules))
    found.extend(_choice_changes(old.choices, new.choices))
    if old.unit != new.unit:
        found.append(_from_to(LocalText("单位", "unit"), _quoted(old.unit), _quoted(new.unit)))
    if old.minimum != new.minimum:
        found.append(_from_to(LocalText("最小值", "min"), _number(old.minimum),
                              _number(new.minimum)))
    if old.maximum != new.maximum:
        found.append(_from_to(LocalText("最大值", "max"), _number(old.maximum),
                              _number(new.maximum)))
    if old.photos != new.photos:
        found.append(_from_to(LocalText("照片张数", "photo count"), _range(old.photos),
                              _range(new.photos)))
    if old.basis != new.basis:
        found.append(_from_to(LocalText("检查依据", "basis"), _quoted(old.basis),
                              _quoted(new.basis)))
    if old.help != new.help:
        found.append(_from_to(LocalText("帮助说明", "help"), _quoted(old.help),
                              _quoted(new.help)))
    return found


def _condition(old: str, new: str) -> LocalText:
    if not old:
        return LocalText(f"新增条件 `{new}`", f"condition `{new}` added")
    if not new:
        return LocalText(f"删除条件 `{old}`", f"condition `{old}` removed")
    return LocalText(f"条件 `{old}` → `{new}`", f"condition `{old}` → `{new}`")


def _rule_changes(old: Sequence[Rule], new: Sequence[Rule]) -> list[LocalText]:
    """Rules paired as they were most likely edited; what stays unpaired was added or
    removed. Reordering rules changes nothing, so it is not reported."""
    left = [(rule.expression, rule.message) for rule in old]
    right = [(rule.expression, rule.message) for rule in new]
    for rule in list(right):
        if rule in left:
            left.remove(rule)
            right.remove(rule)
    found: list[LocalText] = []
    for same in (0, 1):  # the same expression first, then the same message
        for rule in list(right):
            match = next((r for r in left if r[same] == rule[same]), None)
            if match is None:
                continue
            left.remove(match)
            right.remove(rule)
            if same == 0:
                found.append(LocalText(
                    f"规则 `{rule[0]}` 的提示 \"{match[1]}\" → \"{rule[1]}\"",
                    f"rule `{rule[0]}` message \"{match[1]}\" → \"{rule[1]}\""))
            else:
                found.append(LocalText(
                    f"规则 \"{rule[1]}\" 的表达式 `{match[0]}` → `{rule[0]}`",
                    f"rule \"{rule[1]}\" expression `{match[0]}` → `{rule[0]}`"))
    found.extend(LocalText(f"删除规则 `{e}`：\"{m}\"", f"rule `{e}` removed: \"{m}\"")
                 for e, m in left)
    found.extend(LocalText(f"新增规则 `{e}`：\"{m}\"", f"rule `{e}` added: \"{m}\"")
                 for e, m in right)
    return found


def _choice_changes(old: Sequence[Choice], new: Sequence[Choice]) -> list[LocalText]:
    before = {choice.value: choice.label for choice in old}
    after = {choice.value: choice.label for choice in new}
    found: list[LocalText] = []
    for choice in new:
        label = before.get(choice.value)
        if label is None:
            found.append(LocalText(f"新增选项 {choice.value} \"{choice.label}\"",
                                   f"choice {choice.value} \"{choice.label}\" added"))
        elif label != choice.label:
            found.append(LocalText(
                f"选项 {choice.value} 的标签 \"{label}\" → \"{choice.label}\"",
                f"choice {choice.value} label \"{label}\" → \"{choice.label}\""))
    found.extend(LocalText(f"删除选项 {c.value} \"{c.label}\"",
                           f"choice {c.value} \"{c.label}\" removed")
                 for c in old if c.value not in after)
    kept_before = [c.value for c in old if c.value in after]
    kept_after = [c.value for c in new if c.value in before]
    if kept_before != kept_after:
        found.append(_from_to(LocalText("选项顺序", "choice order"),
                              _plain(", ".join(kept_before)), _plain(", ".join(kept_after))))
    return found


# -- order --------------------------------------------------------------------------------


def _out_of_order(old_keys: Sequence[str], new_keys: Sequence[str]) -> frozenset[str]:
    """The keys of both lists that left their old relative order: those off one longest
    run of keys that kept it (so an item moved to the top is the only one called moved)."""
    where = {key: position for position, key in enumerate(old_keys)}
    common = [key for key in new_keys if key in where]
    kept = _longest_increasing([where[key] for key in common])
    return frozenset(key for index, key in enumerate(common) if index not in kept)


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """The indexes of one longest strictly increasing subsequence of distinct ``values``."""
    tails: list[int] = []  # the smallest last value of a run of each length
    ends: list[int] = []  # the index of that last value
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            ends.append(index)
        else:
            tails[length], ends[length] = value, index
        previous[index] = ends[length - 1] if length else -1
    kept: set[int] = set()
    index = ends[-1] if ends else -1
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


def _removed_after(old: Iterable[T], still_there: Callable[[T], bool], key: Callable[[T], str]
                   ) -> dict[str | None, list[T]]:
    """What is no longer there, under the key of the last earlier one still there."""
    anchored: dict[str | None, list[T]] = {}
    anchor: str | None = None
    for thing in old:
        if still_there(thing):
            anchor = key(thing)
        else:
            anchored.setdefault(anchor, []).append(thing)
    return anchored


# -- wording ------------------------------------------------------------------------------


def _from_to(what: LocalText, old: LocalText, new: LocalText) -> LocalText:
    return LocalText(f"{what.zh} {old.zh} → {new.zh}", f"{what.en} {old.en} → {new.en}")


def _plain(text: str) -> LocalText:
    return LocalText(text, text) if text else _NONE


def _quoted(text: str) -> LocalText:
    return LocalText(f"\"{text}\"", f"\"{text}\"") if text else _NONE


def _listed(values: Sequence[str]) -> LocalText:
    return LocalText("、".join(values), ", ".join(values)) if values else _NONE


def _number(value: Decimal | None) -> LocalText:
    return _plain(format(value, "f")) if value is not None else _NONE


def _range(counts: tuple[int, int]) -> LocalText:
    return _plain(f"{counts[0]}–{counts[1]}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
