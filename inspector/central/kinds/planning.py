"""Planning kinds: plans, draw protocols, tasks and recusals, made by team leads.

Plans and draw protocols reach the whole unit (a draw is meant to be replayed by
anyone); a task reaches the inspectors it names, so each inspector sees only their own
tasks; recusals travel with the directory. A reassigned task (a new version naming
other inspectors) moves to its new team.

A draw protocol's body carries the protocol document as text (``document``) with its
``sha256`` and ``seed_commitment``; it is stored only if the document verifies (the
draw recomputed from the protocol alone) and matches those fields. A drawn task
(``source`` ``draw``) is stored only when released (not ``proposed``), naming a stored
protocol of the pusher's unit (``protocol``, its record UUID) whose selection gives
the task's entity exactly the task's team (``inspectors``, staff ids, lead first); the
entity is resolved through the platform's directory, and a team changed after the draw
by a recorded redraw (``draw_redraw``, verified against the stored protocol and its
earlier redraws) replaces the drawn one. Other tasks (ad hoc, from an assignment
package) need only a team of two. An inspector on a task's team reports progress by
pushing the task with only its status moved forward (started, completed); a task
cancelled or reassigned meanwhile is refused naming why, while the inspection itself
is stored all the same.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.central.kinds import FIELD_ROLES, PLANNERS, RecordKind, Visibility, register
from inspector.central.models import Record
from inspector.central.principal import Principal
from inspector.core.draw import verify_protocol, verify_redraws
from inspector.core.roles import Role


class TaskBody(BaseModel):
    model_config = ConfigDict(extra="allow")

    inspectors: list[str] = Field(min_length=2, max_length=20)


def task_team(body: dict[str, Any]) -> list[str]:
    return [str(staff_id) for staff_id in body.get("inspectors", [])]


def protocol_problem(body: dict[str, Any]) -> str | None:
    """A draw protocol is stored only if it verifies from its own content (docs/draw.md)."""
    try:
        document = json.loads(str(body["document"]))
    except (KeyError, json.JSONDecodeError) as exc:
        return f"the draw protocol cannot be read: {exc}"
    if not isinstance(document, dict):
        return "the draw protocol cannot be read: not a JSON object"
    for name in ("sha256", "seed_commitment"):
        if body.get(name) != document.get(name):
            return f"{name} differs from the protocol document's"
    verdict = verify_protocol(document)
    if verdict.ok:
        return None
    return "the draw protocol does not verify: " + "; ".join(verdict.problems[:3])


def protocol_in_push(session: Session, principal: Principal, uuid: str,
                     body: dict[str, Any], memo: dict[str, Any]) -> str | None:
    """A verified protocol, for the tasks released with it in the same push."""
    memo[uuid] = json.loads(str(body["document"]))
    return None


def redraw_problem(session: Session, principal: Principal, uuid: str,
                   body: dict[str, Any], memo: dict[str, Any]) -> str | None:
    """A redraw is stored only if it recomputes from its protocol and earlier redraws."""
    protocol_uuid = str(body.get("protocol"))
    protocol = _protocol_document(session, principal, protocol_uuid, memo)
    if protocol is None:
        return f"protocol {protocol_uuid} is not a stored draw protocol of this unit"
    try:
        record = json.loads(str(body["document"]))
    except (KeyError, json.JSONDecodeError) as exc:
        return f"the redraw record cannot be read: {exc}"
    earlier = _redraws(session, principal, protocol_uuid, memo)
    if record.get("sequence") != len(earlier) + 1 or body.get("sequence") != len(earlier) + 1:
        return f"the redraw should be number {len(earlier) + 1} of its protocol"
    if body.get("sha256") != record.get("sha256"):
        return "sha256 differs from the redraw record's"
    verdict = verify_redraws(protocol, [*earlier, record])
    if not verdict.ok:
        return "the redraw does not verify: " + "; ".join(verdict.problems[:3])
    memo.setdefault(f"redraws:{protocol_uuid}", []).append(record)
    return None


# An inspector reports progress on a task of their team: these moves, nothing else.
PROGRESS = {("assigned", "in_progress"), ("assigned", "completed"),
            ("in_progress", "completed"), ("in_progress", "in_progress"),
            ("completed", "completed")}


def task_problem(session: Session, principal: Principal, uuid: str,
                 body: dict[str, Any], memo: dict[str, Any]) -> str | None:
    if principal.role is Role.INSPECTOR:
        return progress_problem(session, principal, uuid, body)
    return drawn_task_problem(session, principal, uuid, body, memo)


def progress_problem(session: Session, principal: Principal, uuid: str,
                     body: dict[str, Any]) -> str | None:
    """An inspector may only move a stored task of their team forward (started,
    completed); its team, entity, dates and everything else stay the team lead's."""
    stored = session.scalar(select(Record).where(Record.uuid == uuid, Record.kind == "task",
                                                 Record.deleted.is_(False)))
    if stored is None:
        return "inspectors report progress on released tasks; they do not create tasks"
    if principal.staff_id not in task_team(stored.body):
        return ("the team lead reassigned this task meanwhile: the team no longer names "
                "this inspector (the inspection itself is stored, for the team lead)")
    if stored.body.get("status") == "cancelled":
        return ("the team lead cancelled this task meanwhile (the inspection itself is "
                "stored, for the team lead)")
    changed = sorted(k for k in {*stored.body, *body}
                     if k != "status" and stored.body.get(k) != body.get(k))
    if changed:
        return f"an inspector may change only a task's status, not {', '.join(changed)}"
    move = (str(stored.body.get("status")), str(body.get("status")))
    if move not in PROGRESS:
        return f"a task cannot go from {move[0]} to {move[1]} on an inspector's report"
    return None


def drawn_task_problem(session: Session, principal: Principal, uuid: str,
                       body: dict[str, Any], memo: dict[str, Any]) -> str | None:
    """A drawn task must be released, from a stored protocol whose team it carries."""
    if body.get("source") != "draw":
        return None
    if body.get("status") == "proposed":
        return "a drawn task reaches the platform only once the team lead releases it"
    teams = _protocol_teams(session, principal, str(body.get("protocol")), memo)
    if teams is None:
        return (f"protocol {body.get('protocol')} is not a stored draw protocol of this "
                "unit: tasks are released only from a verified protocol")
    entity = session.scalar(select(Record).where(Record.uuid == str(body.get("entity")),
                                                 Record.kind == "entity"))
    if entity is None:
        return f"entity {body.get('entity')} is not in the platform's directory"
    key = str(entity.body.get("identifier"))
    if key not in teams:
        return f"entity {key} was not selected by protocol {body.get('protocol')}"
    if teams[key] != task_team(body):
        return (f"the team {task_team(body)} differs from the one the protocol drew for "
                f"{key}: {teams[key]}")
    return None


def _protocol_teams(session: Session, principal: Principal, uuid: str,
                    memo: dict[str, Any]) -> dict[str, list[str]] | None:
    """Entity key → current team of a stored protocol: drawn, then redrawn."""
    document = _protocol_document(session, principal, uuid, memo)
    if document is None:
        return None
    teams = _teams(document)
    for record in _redraws(session, principal, uuid, memo):
        teams[str(record["entity"])] = [str(k) for k in record["team"]]
    return teams


def _protocol_document(session: Session, principal: Principal, uuid: str,
                       memo: dict[str, Any]) -> dict[str, Any] | None:
    """A stored protocol of the principal's unit, parsed once per push (or None)."""
    if uuid in memo:
        cached: dict[str, Any] | None = memo[uuid]
        return cached
    record = session.scalar(select(Record).where(
        Record.uuid == uuid, Record.kind == "draw_protocol", Record.deleted.is_(False),
        Record.unit_id == principal.unit_id))
    document = None if record is None else json.loads(str(record.body["document"]))
    memo[uuid] = document
    return document


def _redraws(session: Session, principal: Principal, protocol_uuid: str,
             memo: dict[str, Any]) -> list[dict[str, Any]]:
    """The protocol's redraw records, stored and earlier in this push, in order."""
    key = f"redraws:{protocol_uuid}"
    if key not in memo:
        stored = [json.loads(str(r.body["document"])) for r in session.scalars(
            select(Record).where(Record.kind == "draw_redraw", Record.deleted.is_(False),
                                 Record.unit_id == principal.unit_id))
            if r.body.get("protocol") == protocol_uuid]
        memo[key] = sorted(stored, key=lambda r: int(r["sequence"]))
    found: list[dict[str, Any]] = memo[key]
    return found


def _teams(document: dict[str, Any]) -> dict[str, list[str]]:
    return {str(s["key"]): [str(k) for k in s["team"]] for s in document["selected"]}


register(RecordKind("plan", "plans", PLANNERS, Visibility.UNIT))
register(RecordKind("draw_protocol", "plans", PLANNERS, Visibility.UNIT, append_only=True,
                    check=protocol_problem, stored_check=protocol_in_push))
register(RecordKind("draw_redraw", "plans", PLANNERS, Visibility.UNIT, append_only=True,
                    stored_check=redraw_problem))
register(RecordKind("task", "tasks", FIELD_ROLES, Visibility.ASSIGNED, TaskBody,
                    audience=task_team, stored_check=task_problem, audience_edits=True))
register(RecordKind("recusal", "directory", PLANNERS, Visibility.UNIT))
