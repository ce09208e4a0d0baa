"""Answers as JSON and back, without losing their type.

Contract: :func:`encode_answers` turns answers by key (the engine's
:data:`~inspector.forms.expressions.Value`: texts, booleans, ``Decimal`` numbers,
dates, timezone-aware datetimes, tuples of texts) into a JSON-ready dict, and
:func:`decode_answers` reads one back to equal values. Texts and booleans stay as they
are; the others are tagged, so a number never passes through a float and ``"2026-11-01"``
typed as text stays text: ``{"decimal": "1.50"}``, ``{"date": "2026-11-01"}``,
``{"datetime": "2026-11-01T09:30:00+08:00"}``, ``{"list": ["a", "b"]}``. ``None``
answers are left out. :func:`decode_answers` raises :class:`AnswerCodecError` naming
the key of the first value it cannot read (a stored draft that is corrupt must say so,
not open half-empty).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector.forms.expressions import Value

JsonAnswers = dict[str, Any]


class AnswerCodecError(ValueError):
    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"answer {key}: {reason}")
        self.key = key


def encode_answers(answers: Mapping[str, Value]) -> JsonAnswers:
    return {key: encode_value(value) for key, value in sorted(answers.items())
            if value is not None}


def encode_value(value: Value) -> Any:
    if isinstance(value, bool | str):
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a datetime answer must carry its time zone")
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return {"list": list(value)}
    raise TypeError(f"not an answer value: {value!r}")


def decode_answers(data: Mapping[str, Any]) -> dict[str, Value]:
    return {key: decode_value(key, raw) for key, raw in data.items() if raw is not None}


def decode_value(key: str, raw: Any) -> Value:
    if isinstance(raw, bool | str):
        return raw
    if not isinstance(raw, dict) or len(raw) != 1:
        raise AnswerCodecError(key, f"unreadable value {raw!r}")
    [(tag, text)] = raw.items()
    try:
        if tag == "decimal" and isinstance(text, str):
            number = Decimal(text)
            if number.is_finite():
                return number
        elif tag == "date" and isinstance(text, str):
            return date.fromisoformat(text)
        elif tag == "datetime" and isinstance(text, str):
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is not None:
                return moment
        elif tag == "list" and isinstance(text, list) and all(
                isinstance(v, str) for v in text):
            return tuple(text)
    except (InvalidOperation, ValueError):
        pass
    raise AnswerCodecError(key, f"unreadable {tag} value {text!r}")
