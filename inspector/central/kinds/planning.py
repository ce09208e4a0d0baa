"""Planning kinds: plans, draw protocols, tasks and recusals, made by team leads.

Plans and draw protocols reach the whole unit (a draw is meant to be replayed by
anyone); a task reaches the inspectors it names, so each inspector sees only their own
tasks; recusals travel with the directory. A reassigned task (a new version naming
other inspectors) moves to its new team. Their bodies are defined by the draw and task
features; a task must name at least two inspectors by staff id, and a draw protocol is
refused unless it verifies (the draw recomputed from the protocol alone).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from inspector.central.kinds import PLANNERS, RecordKind, Visibility, register
from inspector.core.draw import verify_protocol


class TaskBody(BaseModel):
    model_config = ConfigDict(extra="allow")

    inspectors: list[str] = Field(min_length=2, max_length=20)


def task_team(body: dict[str, Any]) -> list[str]:
    return [str(staff_id) for staff_id in body.get("inspectors", [])]


register(RecordKind("plan", "plans", PLANNERS, Visibility.UNIT))
def protocol_problem(body: dict[str, Any]) -> str | None:
    """A draw protocol is stored only if it verifies from its own content (docs/draw.md)."""
    verdict = verify_protocol(body)
    if verdict.ok:
        return None
    return "the draw protocol does not verify: " + "; ".join(verdict.problems[:3])


register(RecordKind("draw_protocol", "plans", PLANNERS, Visibility.UNIT, append_only=True,
                    check=protocol_problem))
register(RecordKind("task", "tasks", PLANNERS, Visibility.ASSIGNED, TaskBody,
                    audience=task_team))
register(RecordKind("recusal", "directory", PLANNERS, Visibility.UNIT))
