"""The draw (hash-rank-v1): a hand-checked example, an independent re-implementation
from docs/draw.md, property tests, and verification of protocols."""

from __future__ import annotations

import copy
import hashlib
import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.core.draw import (
    Candidate,
    DrawError,
    DrawPlan,
    Member,
    Stratum,
    commitment,
    parse_seed,
    protocol_document,
    run_draw,
    seed_from_text,
    verify_protocol,
)

LOTTERY = "2026-11-28 福彩3D 第2026318期 开奖号码 5 1 7"
POPULATION = [Member(f"E{i:02d}", "A" if i < 6 else "B") for i in range(10)]
POOL = [Candidate("I1"), Candidate("I2", frozenset({"E03"})), Candidate("I3")]
PLAN = DrawPlan((Stratum("A", ratio="0.5"), Stratum("B", count=1)), team_size=2)


def reference_draw(seed: bytes, strata: list[tuple[str, Fraction | int]], team_size: int,
                   *, population: list[tuple[str, str]], pool: dict[str, set[str]],
                   max_per_inspector: int | None) -> list[tuple[str, list[str]]]:
    """docs/draw.md, followed line by line, with nothing of inspector.core.draw."""
    def h(data: bytes) -> str:
        return hashlib.sha256(seed + data).hexdigest()

    chosen = []
    for name, amount in strata:
        members = sorted((h(b"|E|" + k.encode()), k) for k, s in population if s == name)
        take = amount if isinstance(amount, int) else math.ceil(amount * len(members))
        chosen += members[:take]
    chosen.sort()
    capacity = max_per_inspector or math.ceil(Fraction(team_size * len(chosen), len(pool)))
    load = dict.fromkeys(pool, 0)
    out = []
    for _score, key in chosen:
        ranked = sorted((h(b"|I|" + key.encode() + b"|" + i.encode()), i) for i in pool
                        if key not in pool[i] and load[i] < capacity)
        team = [i for _r, i in ranked[:team_size]] if len(ranked) >= team_size else []
        for i in team:
            load[i] += 1
        out.append((key, team))
    return out


def test_the_hand_checked_example() -> None:
    seed = seed_from_text(LOTTERY)
    assert seed.hex() == hashlib.sha256(LOTTERY.encode("utf-8")).hexdigest()
    result = run_draw(seed, PLAN, POPULATION, POOL)
    # ceil(0.5 x 6) = 3 from A, the 1 asked for from B; capacity ceil(2 x 4 / 3) = 3.
    assert result.capacity == 3
    assert [(s.key, s.stratum, s.team) for s in result.selected] == [
        ("E04", "A", ("I3", "I2")), ("E09", "B", ("I1", "I2")),
        ("E03", "A", ("I3", "I1")),  # I2 declared a conflict with E03
        ("E02", "A", ("I1", "I3")),
    ]
    assert result.selected[0].score == hashlib.sha256(seed + b"|E|E04").hexdigest()
    assert result.unassigned == ()


def test_the_documented_algorithm_and_the_code_agree() -> None:
    for text in ("a", "b", "c", LOTTERY):
        seed = seed_from_text(text)
        result = run_draw(seed, PLAN, POPULATION, POOL)
        expected = reference_draw(seed, [("A", Fraction(1, 2)), ("B", 1)], 2,
                                  population=[(m.key, m.stratum) for m in POPULATION],
                                  pool={c.key: set(c.recused) for c in POOL},
                                  max_per_inspector=None)
        assert [(s.key, list(s.team)) for s in result.selected] == expected


def test_an_entity_that_cannot_be_staffed_is_listed_with_the_reason() -> None:
    pool = [Candidate("I1", frozenset({"E00"})), Candidate("I2"), Candidate("I3")]
    plan = DrawPlan((Stratum("A", count=6), Stratum("B", count=4)), team_size=2,
                    max_per_inspector=2)
    result = run_draw(seed_from_text("x"), plan, POPULATION, pool)
    staffed = [s for s in result.selected if s.team]
    assert len(result.selected) == 10 and len(staffed) == 3  # 3 inspectors x 2 / 2
    assert {u.key for u in result.unassigned} == {s.key for s in result.selected if not s.team}
    assert all("capacity of 2" in u.reason for u in result.unassigned)


@pytest.mark.parametrize(("plan", "reason"), [
    (DrawPlan((Stratum("A", count=1), Stratum("B", count=1)), team_size=1), "at least 2"),
    (DrawPlan((Stratum("A", count=1), Stratum("B", count=1), Stratum("C", count=1)), 2),
     "C is empty"),
    (DrawPlan((Stratum("A", count=7), Stratum("B", count=1)), 2), "fewer than the 7"),
    (DrawPlan((Stratum("A", ratio="1.5"), Stratum("B", count=1)), 2), "at most 1"),
    (DrawPlan((Stratum("A", ratio="3%"), Stratum("B", count=1)), 2), "decimal ratio"),
    (DrawPlan((Stratum("A", count=1),), 2), "in no stratum"),
    (DrawPlan((Stratum("A", count=1), Stratum("B", count=1)), 4), "cannot form a team of 4"),
])
def test_plans_that_break_a_rule_are_refused_with_the_reason(plan: DrawPlan,
                                                             reason: str) -> None:
    with pytest.raises(DrawError, match=reason):
        run_draw(seed_from_text("x"), plan, POPULATION, POOL)


def test_seeds_are_64_lower_case_hex_digits() -> None:
    seed = seed_from_text("x")
    assert parse_seed(seed.hex()) == seed
    assert commitment(seed) == hashlib.sha256(seed).hexdigest()
    for bad in ("abc", seed.hex().upper(), seed.hex()[:-1] + "g"):
        with pytest.raises(DrawError):
            parse_seed(bad)


def protocol(seed: bytes, plan: DrawPlan, population: list[Member],
             pool: list[Candidate]) -> dict[str, Any]:
    result = run_draw(seed, plan, population, pool)
    return protocol_document(result, seed=seed, plan=plan, population=population,
                             inspectors=pool, drawn_at="2026-11-28T02:00:00+00:00",
                             operator="组长 王五", software_version="test")


def test_verify_accepts_the_protocol_and_names_what_was_edited() -> None:
    document = protocol(seed_from_text(LOTTERY), PLAN, POPULATION, POOL)
    assert verify_protocol(document).ok
    edited = copy.deepcopy(document)
    edited["selected"][1]["team"] = ["I2", "I1"]
    verdict = verify_protocol(edited)
    assert not verdict.ok and any(p.startswith("selected[1]") for p in verdict.problems)
    resealed = copy.deepcopy(edited)
    resealed["sha256"] = hashlib.sha256(b"x").hexdigest()
    assert not verify_protocol(resealed).ok
    other_seed = copy.deepcopy(document)
    other_seed["seed"] = seed_from_text("another").hex()
    assert any("seed_commitment" in p for p in verify_protocol(other_seed).problems)
    assert not verify_protocol({**document, "population": "garbage"}).ok


populations = st.lists(st.tuples(st.text("0123456789ABCDEFGHJK", min_size=1, max_size=6),
                                 st.sampled_from("ABCDE")),
                       min_size=2, max_size=40, unique_by=lambda m: m[0])


@settings(max_examples=150, deadline=None)
@given(population=populations, pool_size=st.integers(2, 12), team_size=st.integers(2, 3),
       ratio=st.sampled_from(["0.03", "0.1", "0.5", "1"]),
       cap=st.one_of(st.none(), st.integers(1, 4)), seed=st.binary(min_size=32, max_size=32),
       other=st.binary(min_size=32, max_size=32), data=st.data())
def test_draw_properties(*, population: list[tuple[str, str]], pool_size: int, team_size: int,
                         ratio: str, cap: int | None, seed: bytes, other: bytes,
                         data: st.DataObject) -> None:
    members = [Member(k, s) for k, s in population]
    keys = [m.key for m in members]
    pool = [Candidate(f"I{n}", frozenset(data.draw(st.sets(st.sampled_from(keys),
                                                           max_size=3))))
            for n in range(max(pool_size, team_size))]
    plan = DrawPlan(tuple(Stratum(name, ratio=ratio) for name in sorted({s for _k, s in
                                                                          population})),
                    team_size, cap)
    result = run_draw(seed, plan, members, pool)
    again = run_draw(seed, plan, members, pool)
    assert again == result
    sizes = {name: sum(1 for m in members if m.stratum == name) for name in
             {m.stratum for m in members}}
    for name, size in sizes.items():
        drawn = sum(1 for s in result.selected if s.stratum == name)
        assert drawn == math.ceil(Fraction(ratio) * size)
    load: dict[str, int] = {}
    recused = {c.key: c.recused for c in pool}
    for selection in result.selected:
        if not selection.team:
            continue
        assert len(set(selection.team)) == team_size
        for inspector in selection.team:
            assert selection.key not in recused[inspector]
            load[inspector] = load.get(inspector, 0) + 1
    assert all(count <= result.capacity for count in load.values())
    assert {u.key for u in result.unassigned} == {s.key for s in result.selected
                                                  if not s.team}
    document = protocol(seed, plan, members, pool)
    assert verify_protocol(document).ok
    if other != seed:  # another seed scores every entity differently
        assert [s.score for s in run_draw(other, plan, members, pool).selected] != \
            [s.score for s in result.selected]
