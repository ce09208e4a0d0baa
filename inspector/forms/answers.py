"""A filled checklist's state: which items show, what is wrong, the suggested result.

Contract: :func:`form_state` takes a :class:`~inspector.forms.checklist.Checklist`,
the answers by item key, the inspected entity's fields and the day, and returns which
items are visible (an item hidden by its condition counts as unanswered for the
others, as in XLSForm), each visible item's problems (required and unanswered, a value
of the wrong kind or out of range, a photo count outside its bounds, a rule that does
not hold) with messages in both languages, and the progress. It is pure and never
raises. :func:`suggest_result` proposes result codes from the codebook
(``domain.md`` §1.6): any 不符合 suggests ``A`` (发现问题待后续处理); every
compliance item 符合 or 不适用 suggests ``1`` (未发现问题); all 不适用 suggests ``F``.
The inspector confirms or overrides it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from inspector.core.text import LocalText
from inspector.forms.checklist import COMPLIANCE_ANSWERS, Checklist, Item, ItemKind, Severity
from inspector.forms.expressions import Context, Value, evaluate, truthy


@dataclass(frozen=True, slots=True)
class Problem:
    item: str
    text: LocalText
    missing: bool = False  # required and unanswered (a form may wait to show these)


@dataclass(frozen=True, slots=True)
class FormState:
    visible: frozenset[str]
    problems: tuple[Problem, ...]
    answered: int  # visible items answered, of those that take an answer
    required: int  # visible required items

    def problems_of(self, key: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.item == key)


@dataclass(frozen=True, slots=True)
class Suggestion:
    codes: tuple[str, ...]
    because: LocalText


def form_state(checklist: Checklist, answers: Mapping[str, Value],
               entity: Mapping[str, Value], today: date) -> FormState:
    visible = _visible(checklist, answers, entity, today)
    shown = {key: value for key, value in answers.items() if key in visible}
    context = Context(shown, entity, today)
    problems: list[Problem] = []
    answered = required = 0
    for item in checklist.items:
        if item.key not in visible or item.kind is ItemKind.GUIDANCE:
            continue
        value = shown.get(item.key)
        required += item.required
        if _empty(value):
            if item.required:
                problems.append(Problem(item.key, LocalText("必填", "required"), missing=True))
            continue
        answered += 1
        problems.extend(Problem(item.key, text) for text in kind_problems(item, value))
        for rule in item.rules:
            if not truthy(evaluate(rule.tree, context)):
                problems.append(Problem(item.key, LocalText(rule.message, rule.message)))
    return FormState(frozenset(visible), tuple(problems), answered, required)


def suggest_result(checklist: Checklist, answers: Mapping[str, Value],
                   state: FormState) -> Suggestion | None:
    checks = [item for item in checklist.items
              if item.kind is ItemKind.COMPLIANCE and item.key in state.visible]
    given = {item.key: answers.get(item.key) for item in checks}
    failing = [item for item in checks if given[item.key] == "不符合"]
    if failing:
        key_items = [i.label for i in failing if i.severity is Severity.KEY]
        named = "、".join(key_items or [i.label for i in failing])
        return Suggestion(("A",), LocalText(
            f"{'重点' if key_items else ''}检查项不符合：{named}",
            f"{'key ' if key_items else ''}item(s) not compliant: {named}"))
    if not checks or any(_empty(given[item.key]) for item in checks):
        return None
    if all(given[item.key] == "不适用" for item in checks):
        return Suggestion(("F",), LocalText("所有检查项均不适用",
                                            "no item applies to this business"))
    return Suggestion(("1",), LocalText("所有检查项符合或不适用",
                                        "every item compliant or not applicable"))


def _visible(checklist: Checklist, answers: Mapping[str, Value],
             entity: Mapping[str, Value], today: date) -> set[str]:
    """Visibility to a fixed point: a hidden item's answer does not count (no cycles).
    After the first round only the conditions that read an item whose visibility just
    changed are evaluated again."""
    items = checklist.items_by_key
    visible = {item.key for item in checklist.items}
    pending = [item.key for item in checklist.items if item.visibility is not None]
    for _round in range(len(items) + 1):
        if not pending:
            break
        context = Context({k: v for k, v in answers.items() if k in visible}, entity, today)
        flipped = []
        for key in pending:
            condition = items[key].visibility
            now = condition is None or truthy(evaluate(condition, context))
            if now != (key in visible):
                flipped.append(key)
        for key in flipped:
            visible.symmetric_difference_update((key,))
        pending = list(dict.fromkeys(reader for key in flipped
                                     for reader in checklist.visibility_readers(key)))
    return visible


def _empty(value: Value) -> bool:
    return value is None or value in ("", ())


def kind_problems(item: Item, value: Value) -> list[LocalText]:
    """Why ``value`` is not a valid answer of ``item``'s kind and range (empty: it is)."""
    kind = item.kind
    if kind is ItemKind.COMPLIANCE:
        if value not in COMPLIANCE_ANSWERS:
            return [LocalText("应为 符合、不符合 或 不适用", "must be 符合, 不符合 or 不适用")]
        return []
    if kind in (ItemKind.SINGLE_CHOICE, ItemKind.MULTIPLE_CHOICE):
        chosen = value if isinstance(value, tuple) else (str(value),)
        allowed = {c.value for c in item.choices}
        if kind is ItemKind.SINGLE_CHOICE and len(chosen) != 1:
            return [LocalText("只能选一项", "choose one")]
        unknown = [c for c in chosen if c not in allowed]
        return [LocalText(f"没有选项 {unknown[0]}", f"no choice {unknown[0]}")] if unknown else []
    if kind in (ItemKind.INTEGER, ItemKind.DECIMAL):
        if not isinstance(value, Decimal):
            return [LocalText("应为数值", "must be a number")]
        if kind is ItemKind.INTEGER and value != value.to_integral_value():
            return [LocalText("应为整数", "must be a whole number")]
        unit = f" {item.unit}" if item.unit else ""
        if item.minimum is not None and value < item.minimum:
            return [LocalText(f"不能小于 {item.minimum}{unit}",
                              f"must be at least {item.minimum}{unit}")]
        if item.maximum is not None and value > item.maximum:
            return [LocalText(f"不能大于 {item.maximum}{unit}",
                              f"must be at most {item.maximum}{unit}")]
        return []
    if kind is ItemKind.PHOTO:
        count = len(value) if isinstance(value, tuple) else 1
        low, high = item.photos
        if count < low:
            return [LocalText(f"至少 {low} 张照片", f"at least {low} photo(s)")]
        if count > high:
            return [LocalText(f"至多 {high} 张照片", f"at most {high} photo(s)")]
    return []
