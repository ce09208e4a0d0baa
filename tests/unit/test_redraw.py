"""A recusal after the draw: a recorded redraw of that one team, never a hand edit."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.draw import (
    Candidate,
    DrawError,
    DrawPlan,
    Member,
    Stratum,
    inspector_rank,
    protocol_document,
    redraw_document,
    redraw_team,
    run_draw,
    seed_from_text,
    verify_redraws,
)

SEED = seed_from_text("2026-12-01 福彩3D 第2026320期 开奖号码 4 7 1")


def drawn() -> dict[str, Any]:
    plan = DrawPlan((Stratum("A", count=6),), team_size=2, max_per_inspector=3)
    population = [Member(f"91130123MA{n:07d}X", "A") for n in range(20)]
    pool = [Candidate(f"ZD{n:03d}") for n in range(6)]
    return protocol_document(run_draw(SEED, plan, population, pool), seed=SEED, plan=plan,
                             population=population, inspectors=pool,
                             drawn_at="2026-12-01T02:00:00+00:00", operator="lead",
                             software_version="test")


def test_a_redraw_replaces_the_recused_inspector_by_the_next_ranked_with_capacity() -> None:
    protocol = drawn()
    first = protocol["selected"][0]
    entity, team = first["key"], first["team"]
    recused = team[1]
    redraw = redraw_team(protocol, entity, {recused: [entity]})
    assert redraw.previous_team == tuple(team)
    assert recused not in redraw.team and len(redraw.team) == 2
    # By hand: the loads without this entity's team, the ranking of step 4.
    loads: dict[str, int] = {}
    for other in protocol["selected"][1:]:
        for key in other["team"]:
            loads[key] = loads.get(key, 0) + 1
    ranked = sorted((inspector_rank(SEED, entity, f"ZD{n:03d}"), f"ZD{n:03d}")
                    for n in range(6) if f"ZD{n:03d}" != recused
                    and loads.get(f"ZD{n:03d}", 0) < 3)
    assert redraw.team == tuple(key for _rank, key in ranked[:2])


def test_redraw_records_verify_in_order_and_a_changed_team_is_caught() -> None:
    protocol = drawn()
    records: list[dict[str, Any]] = []
    for selection in protocol["selected"][:2]:
        entity, recused = selection["key"], selection["team"][0]
        made = redraw_team(protocol, entity, {recused: [entity]}, earlier=records)
        records.append(redraw_document(protocol, made, inspector=recused, reason="亲属关系",
                                       drawn_at="2026-12-02T01:00:00+00:00", operator="lead",
                                       earlier=records))
    assert verify_redraws(protocol, records).ok
    forged = [records[0], {**records[1], "team": list(reversed(records[1]["team"]))}]
    verdict = verify_redraws(protocol, forged)
    assert not verdict.ok and "redraw 2" in verdict.problems[0]


def test_a_redraw_is_refused_for_an_entity_not_drawn_or_that_cannot_be_staffed() -> None:
    protocol = drawn()
    with pytest.raises(DrawError, match="not selected"):
        redraw_team(protocol, "91130123MA9999999X", {})
    entity = protocol["selected"][0]["key"]
    everyone = {f"ZD{n:03d}": [entity] for n in range(5)}
    with pytest.raises(DrawError, match="a team needs 2"):
        redraw_team(protocol, entity, everyone)
