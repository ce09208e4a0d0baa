"""Answers to JSON and back: every value type round-trips exactly; bad data is named."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.forms.answer_codec import (
    AnswerCodecError,
    decode_answers,
    encode_answers,
    encode_value,
)

values = st.one_of(
    st.text(max_size=20), st.booleans(),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.dates(), st.datetimes(timezones=st.just(UTC)),
    st.tuples(st.text(max_size=5)) | st.tuples(st.text(max_size=5), st.text(max_size=5)))


@given(st.dictionaries(st.text(min_size=1, max_size=10), values, max_size=8))
def test_every_answer_comes_back_equal_and_of_its_type(answers: dict[str, object]) -> None:
    stored = json.loads(json.dumps(encode_answers(answers)))  # type: ignore[arg-type]
    back = decode_answers(stored)
    assert back == answers
    assert {k: type(v) for k, v in back.items()} == {k: type(v) for k, v in answers.items()}


def test_texts_that_look_like_other_types_stay_texts() -> None:
    answers = {"a": "2026-11-01", "b": "1.50", "c": "true"}
    assert decode_answers(encode_answers(answers)) == answers
    assert encode_answers({"n": Decimal("1.50"), "empty": None}) == {"n": {"decimal": "1.50"}}
    china = timezone(timedelta(hours=8))
    assert encode_value(datetime(2026, 11, 1, 9, 30, tzinfo=china)) == {
        "datetime": "2026-11-01T09:30:00+08:00"}
    assert encode_value(date(2026, 11, 1)) == {"date": "2026-11-01"}


@pytest.mark.parametrize("raw", [{"decimal": "many"}, {"decimal": "NaN"}, {"date": "11/01"},
                                 {"datetime": "2026-11-01T09:30:00"}, {"list": [1, 2]},
                                 {"colour": "red"}, 3.5, [], {"date": "x", "list": []}])
def test_an_unreadable_value_is_refused_by_its_key(raw: object) -> None:
    with pytest.raises(AnswerCodecError) as raised:
        decode_answers({"storage": "符合", "count": raw})
    assert raised.value.key == "count"


def test_a_naive_datetime_is_never_stored() -> None:
    with pytest.raises(ValueError, match="time zone"):
        encode_value(datetime(2026, 11, 1, 9, 30))
