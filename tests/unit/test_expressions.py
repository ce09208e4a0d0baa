"""The checklist expression language: what conditions mean, where errors are, and that
evaluation never raises."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.forms.expressions import (
    Context,
    ExpressionError,
    Value,
    check,
    evaluate,
    parse,
    references,
    truthy,
)

ANSWERS: dict[str, Value] = {"result": "不符合", "count": Decimal("12"), "price": Decimal("3.50"),
           "goods": ("化肥", "农药"), "checked_on": date(2026, 12, 3), "note": ""}
ENTITY: dict[str, Value] = {"risk_class": "D", "entity_type": "individual", "region_code": "130123"}
CONTEXT = Context(ANSWERS, ENTITY, today=date(2026, 12, 4))


@pytest.mark.parametrize(("text", "expected"), [
    ("${result} = '不符合' and entity.risk_class in ['D', 'E']", True),
    ("$result != '符合' or ${count} > 100", True),
    ("not (${count} >= 10)", False),
    ("${count} * 2 + 1 = 25", True),
    ("${price} * 4 = 14", True),  # exact decimals: 3.50 × 4 is 14, not 13.999…
    ("${count} / 0 > 1", None),  # division by zero: unknown
    ("'农药' in ${goods} and count(${goods}) = 2", True),
    ("selected(${goods}, '种子')", False),
    ("empty(${note}) and empty(${never_answered})", True),
    ("${never_answered} > 3", None),  # unknown, so a condition on it does not hold
    ("${checked_on} <= today() and ${checked_on} > date('2026-12-01')", True),
    ("${count} = '12'", True),  # a number equals its text, as choices are texts
    ("-${count} < 0", True),
    ("${result} + 1", None),  # text plus number: unknown, never an exception
    ("1 + 2 * 3 = 7 and (1 + 2) * 3 = 9", True),
])
def test_what_expressions_mean(text: str, expected: object) -> None:
    assert evaluate(parse(text), CONTEXT) == expected
    assert truthy(evaluate(parse(text), CONTEXT)) is (expected is True)


@pytest.mark.parametrize(("text", "column", "words"), [
    ("${result} = ", 13, "ends early"),
    ("(1 + 2", 7, "to close column 1"),
    ("${a} = 'open", 8, "not closed by its quote"),
    ("1 < 2 < 3", 7, "do not chain"),
    ("risk_class = 'D'", 1, "unknown name 'risk_class'"),
    ("count(${a}, 2)", 1, "takes 1 argument"),
    ("date('2026-13-01') < today()", 1, "date text"),
    ("${a} @ 2", 6, "unexpected character '@'"),
    ("   ", 1, "empty"),
    ("${a} = 1 2", 10, "expected an operator or the end"),
])
def test_malformed_expressions_say_where_and_why(text: str, column: int, words: str) -> None:
    with pytest.raises(ExpressionError) as raised:
        parse(text)
    assert raised.value.column == column
    assert words in raised.value.text.en and f"第 {column} 列" in raised.value.text.zh


def test_authoring_refuses_unknown_items_and_fields_by_position() -> None:
    text = "${result} = '不符合' and ${cout} > 1 or entity.risk = 'D'"
    with pytest.raises(ExpressionError, match="no item named cout") as raised:
        check(text, items=frozenset({"result", "count"}), entity_fields=frozenset(ENTITY))
    assert raised.value.column == text.index("${cout}") + 1
    with pytest.raises(ExpressionError, match="no field risk"):
        check(text.replace("cout", "count"), items=frozenset({"result", "count"}),
              entity_fields=frozenset(ENTITY))
    node = check("${result} = '符合' or entity.risk_class = 'E'",
                 items=frozenset({"result"}), entity_fields=frozenset(ENTITY))
    assert references(node) == (("result",), ("risk_class",))


def test_long_and_deep_expressions_are_refused_not_crashed() -> None:
    with pytest.raises(ExpressionError, match="more than 200 operators"):
        parse(" + ".join(["1"] * 300))
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse("(" * 100 + "1" + ")" * 100)
    assert evaluate(parse(" + ".join(["1"] * 150)), CONTEXT) == Decimal(150)


# -- properties ---------------------------------------------------------------------------

VALUES = st.one_of(
    st.none(), st.booleans(), st.text(max_size=5),
    st.decimals(allow_nan=False, allow_infinity=False, places=2,
                min_value=-10**6, max_value=10**6),
    st.dates(), st.lists(st.text(max_size=3), max_size=3).map(tuple))
ATOMS = st.one_of(
    st.sampled_from(["${a}", "${b}", "$c", "entity.risk_class", "today()", "null", "true",
                     "'x'", "0", "2.5", "[1, 'x']", "count(${a})", "empty($b)",
                     "selected(${c}, 'x')", "date('2026-02-28')"]),
    st.integers(0, 10**9).map(str))


def expressions() -> st.SearchStrategy[str]:
    return st.recursive(ATOMS, lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["and", "or", "=", "!=", "<", ">=", "in", "+", "-",
                                          "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda e: f"(not ({e}))"), inner.map(lambda e: f"(-({e}))")), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(text=expressions(), a=VALUES, b=VALUES, c=VALUES, risk=VALUES)
def test_evaluation_never_raises_on_well_formed_expressions(text: str, a: Value, b: Value,
                                                             c: Value, risk: Value) -> None:
    node = parse(text)
    context = Context({"a": a, "b": b, "c": c}, {"risk_class": risk}, today=date(2026, 12, 4))
    value = evaluate(node, context)
    assert value is None or isinstance(value, Decimal | str | bool | date | tuple)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("$ {}ab()[]'\",.=<>!+-*/01 andornotin")),
                    max_size=40))
def test_any_text_parses_or_gives_a_positioned_error(text: str) -> None:
    try:
        parse(text)
    except ExpressionError as error:
        assert 1 <= error.column <= len(text) + 1
