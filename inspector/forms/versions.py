"""Checklist versions: what a new version may change, and moving a draft onto it.

Contract: :func:`version_problems` lists why ``new`` cannot be published after
``previous`` (another code, a version number that is not the next one, an existing
item whose kind changed: a kind never changes under saved answers; a new item with the
old key must keep its kind). An empty list means it may be published.

:func:`migrate_draft` moves a draft's answers from one version to the next along a
mapping (old item key → new item key, or ``None`` to drop it; keys absent from the
mapping map to themselves when the new version still has them). Every answer is
reported as kept (same kind, still valid), converted (a whole number into a decimal,
one choice into a multiple choice, …) or dropped, with the reason. The caller applies
the result only after the inspector confirms the dropped answers; the draft's version
pin is unchanged until then, and a draft can always be completed on its own version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from inspector.core.text import LocalText
from inspector.forms.answers import kind_problems
from inspector.forms.checklist import Checklist, Item, ItemKind
from inspector.forms.expressions import Value


def version_problems(previous: Checklist, new: Checklist) -> list[LocalText]:
    problems = []
    if new.code != previous.code:
        problems.append(LocalText(f"清单编号应为 {previous.code}",
                                  f"the code must stay {previous.code}"))
    if new.version != previous.version + 1:
        problems.append(LocalText(f"版本号应为 {previous.version + 1}",
                                  f"the version must be {previous.version + 1}"))
    for old_key, new_key in new.migration.items():
        if old_key not in previous.items_by_key:
            problems.append(LocalText(
                f"迁移：第 {previous.version} 版没有题目 {old_key}",
                f"migration: version {previous.version} has no item {old_key}"))
        elif new_key is not None and not convertible(previous.items_by_key[old_key].kind,
                                                     new.items_by_key[new_key].kind):
            old_kind = previous.items_by_key[old_key].kind.value
            new_kind = new.items_by_key[new_key].kind.value
            problems.append(LocalText(
                f"迁移：题目 {old_key}（{old_kind}）的答案不能转为 {new_key}（{new_kind}）",
                f"migration: answers of {old_key} ({old_kind}) cannot become "
                f"{new_key} ({new_kind})"))
    for key, old in previous.items_by_key.items():
        item = new.items_by_key.get(key)
        if item is not None and item.kind is not old.kind:
            problems.append(LocalText(
                f"题目 {key} 的类型不能从 {old.kind.value} 改为 {item.kind.value}："
                "已保存的答案会失效；请用新的题目键",
                f"item {key} cannot change kind from {old.kind.value} to {item.kind.value}: "
                "saved answers would lose their meaning; use a new item key"))
    return problems


@dataclass(frozen=True, slots=True)
class AnswerMove:
    old_key: str
    new_key: str | None
    outcome: str  # "kept", "converted" or "dropped"
    reason: LocalText | None = None


@dataclass(frozen=True, slots=True)
class DraftMigration:
    answers: Mapping[str, Value]  # the answers on the new version
    moves: tuple[AnswerMove, ...]

    @property
    def dropped(self) -> tuple[AnswerMove, ...]:
        return tuple(m for m in self.moves if m.outcome == "dropped")


def migrate_draft(old: Checklist, new: Checklist, answers: Mapping[str, Value],
                  mapping: Mapping[str, str | None] | None = None) -> DraftMigration:
    """Move ``answers`` from ``old`` to ``new`` along ``mapping`` (by default the one
    published with ``new``)."""
    mapping = new.migration if mapping is None else mapping
    moved: dict[str, Value] = {}
    moves = []
    for key, value in answers.items():
        if value is None:
            continue
        item_key, dot, part = key.partition(".")
        if dot and part == "note" and item_key in old.items_by_key:
            target = mapping.get(item_key, item_key if item_key in new.items_by_key else None)
            moves.append(_move_note(new.items_by_key.get(target) if target else None,
                                    key, value, moved))
            continue
        if key not in old.items_by_key:
            moves.append(AnswerMove(key, None, "dropped", LocalText(
                f"第 {old.version} 版没有这个题目", f"version {old.version} has no such item")))
            continue
        target = mapping.get(key, key if key in new.items_by_key else None)
        item = new.items_by_key.get(target) if target is not None else None
        if target is None or item is None:
            moves.append(AnswerMove(key, None, "dropped", LocalText(
                "新版本没有对应的题目", "the new version has no item for it")))
            continue
        converted = _convert(old.items_by_key[key], item, value)
        if converted is None:
            moves.append(AnswerMove(key, target, "dropped", LocalText(
                f"答案不适用于新题目（{item.kind.value}）",
                f"the answer does not fit the new item ({item.kind.value})")))
            continue
        value_now, how = converted
        moved[target] = value_now
        moves.append(AnswerMove(key, target, how))
    return DraftMigration(moved, tuple(moves))


def _move_note(item: Item | None, key: str, value: Value,
               moved: dict[str, Value]) -> AnswerMove:
    """A compliance item's note goes where its item goes (``item``, in the new version),
    if that is a compliance item."""
    if item is None or item.kind is not ItemKind.COMPLIANCE or not isinstance(value, str):
        return AnswerMove(key, None, "dropped", LocalText(
            "新版本没有可附此备注的检查项", "the new version has no check to keep the note on"))
    new_key = f"{item.key}.note"
    moved[new_key] = value
    return AnswerMove(key, new_key, "kept")


_CONVERSIONS = frozenset({(ItemKind.INTEGER, ItemKind.DECIMAL),
                          (ItemKind.DECIMAL, ItemKind.INTEGER),
                          (ItemKind.SINGLE_CHOICE, ItemKind.MULTIPLE_CHOICE),
                          (ItemKind.MULTIPLE_CHOICE, ItemKind.SINGLE_CHOICE)})
_TEXT_LIKE = frozenset({ItemKind.TEXT, ItemKind.BARCODE, ItemKind.INTEGER, ItemKind.DECIMAL,
                        ItemKind.SINGLE_CHOICE, ItemKind.COMPLIANCE})


def convertible(old: ItemKind, new: ItemKind) -> bool:
    """Whether some answers of an ``old`` item can become answers of a ``new`` one."""
    return old is new or (old, new) in _CONVERSIONS or (
        new is ItemKind.TEXT and old in _TEXT_LIKE)


def _convert(old: Item, new: Item, value: Value) -> tuple[Value, str] | None:
    if old.kind is new.kind:
        candidate, how = value, "kept"
    elif old.kind is ItemKind.INTEGER and new.kind is ItemKind.DECIMAL:
        candidate, how = value, "converted"
    elif old.kind is ItemKind.DECIMAL and new.kind is ItemKind.INTEGER and \
            isinstance(value, Decimal) and value == value.to_integral_value():
        candidate, how = value.to_integral_value(), "converted"
    elif old.kind is ItemKind.SINGLE_CHOICE and new.kind is ItemKind.MULTIPLE_CHOICE:
        candidate, how = (str(value),), "converted"
    elif old.kind is ItemKind.MULTIPLE_CHOICE and new.kind is ItemKind.SINGLE_CHOICE and \
            isinstance(value, tuple) and len(value) == 1:
        candidate, how = value[0], "converted"
    elif new.kind is ItemKind.TEXT and isinstance(value, str | Decimal):
        candidate, how = str(value), "converted"
    else:
        return None
    return None if kind_problems(new, candidate) else (candidate, how)
