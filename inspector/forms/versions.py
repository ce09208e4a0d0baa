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
    mapping = mapping or {}
    moved: dict[str, Value] = {}
    moves = []
    for key, value in answers.items():
        if key not in old.items_by_key or value is None:
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
