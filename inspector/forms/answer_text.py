"""How an answer reads on a printed record or in a list: one line of text per item.

Contract: :func:`answer_text` words ``value``, the answer of ``item``, as a record
prints it: a compliance answer as given (符合 / 不符合 / 不适用); choices by their labels
(several joined with "、"); numbers exactly as entered, with the item's unit; dates as
``YYYY-MM-DD`` and times as ``YYYY-MM-DD HH:MM`` on the clock they were given in;
photo evidence as its count ("照片 2 张"); anything else as its text. No answer, or an
empty one, reads "—" (an official record leaves no blank).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from inspector.forms.checklist import Item, ItemKind
from inspector.forms.expressions import Value

EMPTY = "—"


def answer_text(item: Item, value: Value) -> str:
    if value is None or value in ("", ()):
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value} {item.unit}".strip()
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    labels = {choice.value: choice.label for choice in item.choices}
    if isinstance(value, tuple):
        if item.kind is ItemKind.PHOTO:
            return f"照片 {len(value)} 张"
        return "、".join(labels.get(v, v) for v in value)
    return labels.get(value, value)
