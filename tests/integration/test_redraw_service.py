"""A recusal after the draw, in the workspace: the team is redrawn on the record, the
task follows, and a refused redraw writes nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from inspector.core.draw import verify_redraws
from inspector.db.models import DrawRedraw, Recusal, Task
from inspector.services.planning import (
    PlanningError,
    plan_tasks,
    protocol_text,
    release_tasks,
    run_plan_draw,
    save_plan,
)
from inspector.services.recusals import protocol_redraws, redraw_after_recusal
from inspector.services.workspace import Workspace
from tests.integration.planning_support import (
    SEED,
    TEAM_LEAD,
    add_entities,
    add_inspectors,
    audit_actions,
    last_audit_payload,
    plan_doc,
    rows,
)


def drawn_and_released(workspace: Workspace) -> dict[str, Any]:
    add_entities(workspace.store, 40)
    add_inspectors(workspace.store, 6)
    save_plan(workspace.store, plan_doc(max_per_inspector=4), TEAM_LEAD)
    run_plan_draw(workspace.store, "ZD-T-01", TEAM_LEAD, seed=SEED)
    release_tasks(workspace.store, "ZD-T-01", TEAM_LEAD)
    protocol: dict[str, Any] = json.loads(protocol_text(workspace.store, "ZD-T-01"))
    return protocol


def test_two_recusals_redraw_on_the_record_and_the_tasks_follow(workspace: Workspace) -> None:
    store = workspace.store
    protocol = drawn_and_released(workspace)
    first = protocol["selected"][0]
    entity, (lead, assistant) = first["key"], first["team"]
    made = redraw_after_recusal(store, TEAM_LEAD, plan_code="ZD-T-01", staff_id=lead,
                                entity_key=entity, reason="与法定代表人系近亲属").value
    assert made.previous_team == (lead, assistant) and lead not in made.team
    assert made.sequence == 1
    again = redraw_after_recusal(store, TEAM_LEAD, plan_code="ZD-T-01",
                                 staff_id=made.team[0], entity_key=entity,
                                 reason="曾在该企业任职").value
    assert again.sequence == 2 and again.previous_team == made.team
    assert lead not in again.team and made.team[0] not in again.team
    records = [json.loads(text) for text in protocol_redraws(store, "ZD-T-01")]
    assert verify_redraws(protocol, records).ok
    task = next(t for t in plan_tasks(store, "ZD-T-01") if t.entity_key == entity)
    assert [member.rsplit("(", 1)[1].rstrip(")") for member in task.team] == list(again.team)
    with store.read() as session:
        assert session.scalars(select(Task).where(Task.uuid == task.uuid)).one().pending
        assert len(session.scalars(select(Recusal)).all()) == 2
    assert audit_actions(store)[-2:] == ["draw.redrawn", "draw.redrawn"]
    assert last_audit_payload(store, "draw.redrawn")["sha256"] == again.sha256


def test_a_redraw_for_someone_not_on_the_team_writes_nothing(workspace: Workspace) -> None:
    store = workspace.store
    protocol = drawn_and_released(workspace)
    first = protocol["selected"][0]
    outsider = next(c["key"] for c in protocol["inspectors"]
                    if c["key"] not in first["team"])
    events = len(audit_actions(store))
    with pytest.raises(PlanningError, match="nothing to redraw"):
        redraw_after_recusal(store, TEAM_LEAD, plan_code="ZD-T-01", staff_id=outsider,
                             entity_key=first["key"], reason="亲属")
    with pytest.raises(PlanningError, match="reason"):
        redraw_after_recusal(store, TEAM_LEAD, plan_code="ZD-T-01",
                             staff_id=first["team"][0], entity_key=first["key"], reason=" ")
    assert rows(store, DrawRedraw) == 0 and rows(store, Recusal) == 0
    assert len(audit_actions(store)) == events
