"""Plans, seeds, the draw from the local directory, and the release of drawn tasks.

Contract (every function runs on the DB thread, or inline in the command line):

- :func:`save_plan` stores a :class:`~inspector.core.plan_document.PlanDocument` under
  its code; a plan that has been drawn is refused (a draw is a fact; change the plan by
  saving it under a new code).
- :func:`commit_seed` fixes the seed before the draw: a generated one (kept secret in
  the plan until the draw, its commitment shown for publication) or one derived from a
  public text. Both are audited.
- :func:`run_plan_draw` reads the population and the eligible pool from the directory
  (filters, strata, exclusions, certificates valid for the whole window, declared
  conflicts), runs ``hash-rank-v1``, and in one transaction stores the protocol, the
  proposed tasks and an audit event carrying the protocol's SHA-256. A seed that does
  not match the plan's commitment is refused. Nothing is written when anything fails.
- :func:`release_tasks` turns a drawn plan's proposed tasks into assigned ones, pending
  for sync, and audits it. Proposed tasks are never pending: they stay on this laptop
  until released.

Errors are :class:`PlanningError` with the reason in both languages.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from inspector import __version__
from inspector.core.audit_chain import canonical_json
from inspector.core.draw import (
    Candidate,
    DrawError,
    Member,
    Selection,
    commitment,
    render_protocol,
    run_draw,
    seed_from_text,
)
from inspector.core.ids import new_uuid
from inspector.core.lifecycles import PlanStatus, TaskRole, TaskSource, TaskStatus
from inspector.core.plan_document import (
    UNRATED_STRATUM,
    PlanDocument,
    parse_plan,
    plan_json,
    region_matches,
    region_prefix,
)
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.models import (
    DrawProtocol,
    Inspection,
    Inspector,
    MarketEntity,
    Plan,
    Recusal,
    Task,
    TaskInspector,
)
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.store import Store

OPEN_TASK_STATES = (TaskStatus.PROPOSED, TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)


class PlanningError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class PlanView:
    code: str
    title: str
    status: PlanStatus
    window_start: date | None
    window_end: date | None
    due_date: date | None
    seed_commitment: str
    seed_text: str
    seed_ready: bool  # a committed seed waits for the draw
    protocol_sha256: str
    proposed: int
    released: int


@dataclass(frozen=True, slots=True)
class DrawInputs:
    population: tuple[Member, ...]
    candidates: tuple[Candidate, ...]
    excluded_recent: int
    excluded_open_tasks: int
    stratum_sizes: Mapping[str, int]
    entity_ids: Mapping[str, int]  # entity key → local row id


@dataclass(frozen=True, slots=True)
class DrawOutcome:
    plan_code: str
    sha256: str
    seed_commitment: str
    selected: int
    unassigned: tuple[tuple[str, str], ...]  # (entity key, reason)
    capacity: int
    document_text: str


# -- plans --------------------------------------------------------------------------------


def save_plan(store: Store, plan: PlanDocument, actor: Actor) -> Outcome[str]:
    definition = canonical_json(plan_json(plan))
    with store.write() as session:
        row = session.scalar(select(Plan).where(Plan.code == plan.code))
        if row is not None and row.status not in (PlanStatus.DRAFT, PlanStatus.SAVED):
            raise PlanningError(LocalText(
                f"计划 {plan.code} 已抽取，不能再修改；请以新的编号保存",
                f"plan {plan.code} has been drawn and cannot change; save it under a new code"))
        if row is not None and row.pending_seed:
            raise PlanningError(LocalText(
                f"计划 {plan.code} 的种子已承诺并公布；修改计划会使承诺失去意义，请以新的编号保存",
                f"plan {plan.code} has a published seed commitment; changing the plan would "
                "void it: save the change under a new code"))
        if row is None:
            row = Plan(code=plan.code, status=PlanStatus.SAVED)
            session.add(row)
        row.title = plan.title
        row.definition = definition
        row.window_start, row.window_end = plan.window_start, plan.window_end
        row.due_date = plan.due_date
        row.pending = True
        session.flush()
        append_event(session, actor=actor, device_id=store.device_id, action="plan.saved",
                     object_kind="plan", object_id=row.uuid,
                     payload={"code": plan.code, "definition_sha256": _sha256(definition)})
    return Outcome(plan.code, frozenset({Topic.PLANS, Topic.AUDIT}))


def load_plan(store: Store, code: str) -> PlanDocument:
    with store.read() as session:
        return _document(plan_row(session, code))


def list_plans(store: Store) -> tuple[PlanView, ...]:
    with store.read() as session:
        counts: dict[tuple[int, TaskStatus], int] = {
            (plan_id, status): n for plan_id, status, n in session.execute(
                select(Task.plan_id, Task.status, func.count()).where(
                    Task.plan_id.is_not(None), Task.deleted_at.is_(None))
                .group_by(Task.plan_id, Task.status)) if plan_id is not None}
        protocols = dict(session.execute(select(DrawProtocol.plan_id, DrawProtocol.sha256))
                         .all())
        plans = session.scalars(select(Plan).where(Plan.deleted_at.is_(None))
                                .order_by(Plan.created_at.desc(), Plan.id.desc())).all()
        return tuple(PlanView(
            code=p.code, title=p.title, status=p.status, window_start=p.window_start,
            window_end=p.window_end, due_date=p.due_date, seed_commitment=p.seed_commitment,
            seed_text=p.seed_text, seed_ready=bool(p.pending_seed),
            protocol_sha256=protocols.get(p.id, ""),
            proposed=counts.get((p.id, TaskStatus.PROPOSED), 0),
            released=sum(counts.get((p.id, s), 0) for s in (
                TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED)),
        ) for p in plans)


# -- seeds --------------------------------------------------------------------------------


def commit_seed(store: Store, code: str, actor: Actor, *,
                public_text: str | None = None) -> Outcome[str]:
    """Fix the plan's seed and return its commitment ``sha256(seed)`` for publication."""
    if public_text is not None and not public_text.strip():
        raise PlanningError(LocalText("公开文本不能为空", "the public text is empty"))
    seed = seed_from_text(public_text) if public_text is not None else secrets.token_bytes(32)
    with store.write() as session:
        plan = plan_row(session, code)
        _refuse_if_drawn(plan)
        if plan.seed_commitment:
            # A second seed would let whoever holds the first preview the outcome and
            # choose: the first commitment stands.
            raise PlanningError(LocalText(
                f"计划 {code} 的种子已承诺（{plan.seed_commitment[:16]}…），不能更换",
                f"plan {code} already has a committed seed ({plan.seed_commitment[:16]}…); "
                "it cannot be replaced"))
        plan.pending_seed = seed.hex()
        plan.seed_commitment = commitment(seed)
        plan.seed_text = public_text or ""
        plan.pending = True
        append_event(session, actor=actor, device_id=store.device_id,
                     action="draw.seed_committed", object_kind="plan", object_id=plan.uuid,
                     payload={"code": code, "seed_commitment": plan.seed_commitment,
                              "public_text": plan.seed_text})
        return Outcome(plan.seed_commitment, frozenset({Topic.PLANS, Topic.AUDIT}))


# -- the draw -----------------------------------------------------------------------------


def draw_inputs(store: Store, plan: PlanDocument, today: date) -> DrawInputs:
    with store.read() as session:
        return _draw_inputs(session, plan, today)


def run_plan_draw(store: Store, code: str, actor: Actor, *, seed: bytes | None = None,
                  now: datetime | None = None) -> Outcome[DrawOutcome]:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    with store.write() as session:
        drawn_plan = plan_row(session, code)
        _refuse_if_drawn(drawn_plan)
        seed = _seed_for(drawn_plan, seed)
        plan = _document(drawn_plan)
        inputs = _draw_inputs(session, plan, moment.astimezone(CHINA_TIME).date())
        try:
            result = run_draw(seed, plan.draw_plan(), inputs.population, inputs.candidates)
        except DrawError as exc:
            raise PlanningError(LocalText(f"计划 {code} 无法抽取：{exc}",
                                          f"plan {code} cannot be drawn: {exc}")) from None
        extra = {key: value for key, value in plan_json(plan).items()
                 if key not in ("format", "strata", "team_size", "max_per_inspector")}
        extra["seed_text"] = drawn_plan.seed_text
        document, text = render_protocol(
            result, seed=seed, plan=plan.draw_plan(), population=inputs.population,
            inspectors=inputs.candidates, drawn_at=moment.isoformat(timespec="seconds"),
            operator=actor.name, software_version=__version__, extra_plan=extra)
        protocol = DrawProtocol(plan_id=drawn_plan.id, sha256=document["sha256"],
                                seed_commitment=document["seed_commitment"],
                                drawn_at=moment, operator=actor.name, document=text)
        session.add(protocol)
        session.flush()
        _propose_tasks(session, plan, plan_id=drawn_plan.id, protocol_id=protocol.id,
                       entity_ids=inputs.entity_ids, selected=result.selected)
        drawn_plan.status = PlanStatus.DRAWN
        drawn_plan.pending_seed = ""
        drawn_plan.seed_commitment = document["seed_commitment"]
        drawn_plan.pending = True
        staffed = sum(1 for s in result.selected if s.team)
        append_event(session, actor=actor, device_id=store.device_id, action="draw.run",
                     object_kind="draw_protocol", object_id=protocol.uuid,
                     payload={"plan": code, "sha256": protocol.sha256,
                              "seed_commitment": protocol.seed_commitment,
                              "selected": staffed, "unassigned": len(result.unassigned)})
    outcome = DrawOutcome(code, document["sha256"], document["seed_commitment"], staffed,
                          tuple((u.key, u.reason) for u in result.unassigned),
                          result.capacity, text)
    return Outcome(outcome, frozenset({Topic.PLANS, Topic.TASKS, Topic.AUDIT}))


def protocol_text(store: Store, code: str) -> str:
    with store.read() as session:
        plan = plan_row(session, code)
        text = session.scalar(select(DrawProtocol.document)
                              .where(DrawProtocol.plan_id == plan.id))
        if text is None:
            raise PlanningError(LocalText(f"计划 {code} 尚未抽取", f"plan {code} is not drawn"))
        return text


def release_tasks(store: Store, code: str, actor: Actor,
                  now: datetime | None = None) -> Outcome[int]:
    """Release every proposed task of a drawn plan to its team (they sync to laptops)."""
    moment = now or datetime.now(UTC)
    with store.write() as session:
        plan = plan_row(session, code)
        if plan.status not in (PlanStatus.DRAWN, PlanStatus.RELEASED):
            raise PlanningError(LocalText(f"计划 {code} 尚未抽取，没有可下达的任务",
                                          f"plan {code} is not drawn: nothing to release"))
        tasks = session.scalars(select(Task).where(
            Task.plan_id == plan.id, Task.status == TaskStatus.PROPOSED,
            Task.deleted_at.is_(None))).all()
        for task in tasks:
            task.status = TaskStatus.ASSIGNED
            task.released_at = moment
            task.pending = True
        plan.status = PlanStatus.RELEASED
        plan.pending = True
        append_event(session, actor=actor, device_id=store.device_id, action="draw.released",
                     object_kind="plan", object_id=plan.uuid,
                     payload={"code": code, "tasks": len(tasks)})
        return Outcome(len(tasks), frozenset({Topic.PLANS, Topic.TASKS, Topic.AUDIT}))


@dataclass(frozen=True, slots=True)
class TaskView:
    uuid: str
    entity_key: str
    entity_name: str
    region_code: str
    status: TaskStatus
    team: tuple[str, ...]  # "name (staff id)", the lead first
    due_date: date | None


def plan_tasks(store: Store, code: str) -> tuple[TaskView, ...]:
    with store.read() as session:
        plan = plan_row(session, code)
        rows = session.execute(
            select(Task.id, Task.uuid, MarketEntity.identifier, MarketEntity.name,
                   MarketEntity.region_code, Task.status, Task.due_date)
            .join(MarketEntity, MarketEntity.id == Task.entity_id)
            .where(Task.plan_id == plan.id, Task.deleted_at.is_(None))
            .order_by(Task.id)).all()
        teams: dict[int, list[str]] = {}
        for task_id, name, staff_id, _role in session.execute(
                select(TaskInspector.task_id, Inspector.name, Inspector.staff_id,
                       TaskInspector.role)
                .join(Inspector, Inspector.id == TaskInspector.inspector_id)
                .join(Task, Task.id == TaskInspector.task_id)
                .where(Task.plan_id == plan.id)
                .order_by(TaskInspector.task_id, TaskInspector.role.desc(),
                          TaskInspector.id)):
            teams.setdefault(task_id, []).append(f"{name} ({staff_id})")
        return tuple(TaskView(uuid, key, name, region, status, tuple(teams.get(tid, [])), due)
                     for tid, uuid, key, name, region, status, due in rows)


# -- internals ----------------------------------------------------------------------------


def plan_row(session: Session, code: str) -> Plan:
    """The plan ``code`` in the caller's session, or :class:`PlanningError`."""
    plan = session.scalar(select(Plan).where(Plan.code == code, Plan.deleted_at.is_(None)))
    if plan is None:
        raise PlanningError(LocalText(f"没有编号为 {code} 的计划", f"no plan with code {code}"))
    return plan


def _document(plan: Plan) -> PlanDocument:
    return parse_plan(plan.definition, origin=f"plan {plan.code}")


def _refuse_if_drawn(plan: Plan) -> None:
    if plan.status not in (PlanStatus.DRAFT, PlanStatus.SAVED):
        raise PlanningError(LocalText(
            f"计划 {plan.code} 已经抽取过；抽取结果不能重做或手工修改",
            f"plan {plan.code} has already been drawn; a draw is never redone or edited"))


def _seed_for(plan: Plan, given: bytes | None) -> bytes:
    if given is None:
        if not plan.pending_seed:
            raise PlanningError(LocalText(
                f"计划 {plan.code} 还没有承诺的种子：请先生成种子并公布其承诺值",
                f"plan {plan.code} has no committed seed: commit one and publish its "
                "commitment first"))
        return bytes.fromhex(plan.pending_seed)
    if plan.seed_commitment and commitment(given) != plan.seed_commitment:
        raise PlanningError(LocalText(
            f"种子与计划 {plan.code} 事先公布的承诺值 {plan.seed_commitment[:16]}… 不符",
            f"the seed does not match the commitment {plan.seed_commitment[:16]}… published "
            f"for plan {plan.code}"))
    return given


def _draw_inputs(session: Session, plan: PlanDocument, today: date) -> DrawInputs:
    strata = {s.name for s in plan.strata}
    recent = _recently_inspected(session, plan, today)
    open_tasks = _with_open_tasks(session) if plan.exclusions.open_tasks else set()
    members: list[Member] = []
    entity_ids: dict[str, int] = {}
    sizes: dict[str, int] = {}
    excluded_recent = excluded_open = 0
    for entity_id, key, risk in _population_rows(session, plan):
        stratum = risk if risk is not None else UNRATED_STRATUM
        if stratum not in strata:
            continue
        if entity_id in recent:
            excluded_recent += 1
            continue
        if entity_id in open_tasks:
            excluded_open += 1
            continue
        members.append(Member(key, stratum))
        entity_ids[key] = entity_id
        sizes[stratum] = sizes.get(stratum, 0) + 1
    return DrawInputs(tuple(members), _candidates(session, plan, entity_ids.keys()),
                      excluded_recent, excluded_open, sizes, entity_ids)


def _population_rows(session: Session, plan: PlanDocument) -> Iterable[Sequence[Any]]:
    """(id, key, risk class) of every entity the plan's filters admit, in directory order.

    Plain SQL on the driver: this reads up to a province's whole directory, and the ORM's
    per-row work would cost more than the draw's own hashing of it.
    """
    f = plan.population
    clauses, params = ["deleted_at IS NULL"], []
    if f.region_codes:
        clauses.append("(" + " OR ".join("region_code LIKE ?" for _ in f.region_codes) + ")")
        params += [region_prefix(code) + "%" for code in f.region_codes]
    for column, values in (("entity_type", [t.value for t in f.entity_types]),
                           ("industry", list(f.industries)),
                           ("registration_status",
                            [s.value for s in f.registration_statuses])):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params += values
    sql = ("SELECT id, identifier, risk_class FROM market_entity WHERE "
           + " AND ".join(clauses) + " ORDER BY id")
    cursor = session.connection().connection.cursor()  # the sqlite3 cursor itself
    try:
        rows: list[Sequence[Any]] = cursor.execute(sql, tuple(params)).fetchall()
        return rows
    finally:
        cursor.close()


def _recently_inspected(session: Session, plan: PlanDocument, today: date) -> set[int]:
    days = plan.exclusions.inspected_within_days
    if days is None:
        return set()
    since = datetime.combine(today - timedelta(days=days), datetime.min.time(), CHINA_TIME)
    when = func.coalesce(Inspection.finalized_at, Inspection.started_at)
    return set(session.scalars(select(Inspection.entity_id).where(
        Inspection.deleted_at.is_(None), when >= since)))


def _with_open_tasks(session: Session) -> set[int]:
    return set(session.scalars(select(Task.entity_id).where(
        Task.deleted_at.is_(None), Task.status.in_(OPEN_TASK_STATES))))


def _candidates(session: Session, plan: PlanDocument, population: Collection[str]
                ) -> tuple[Candidate, ...]:
    pool = plan.pool
    rows = session.execute(
        select(Inspector.id, Inspector.staff_id, Inspector.unit, Inspector.region_code,
               Inspector.qualifications)
        .where(Inspector.deleted_at.is_(None), Inspector.active.is_(True),
               Inspector.cert_number != "",
               Inspector.cert_valid_to.is_not(None),
               Inspector.cert_valid_to >= plan.window_end,
               or_(Inspector.cert_valid_from.is_(None),
                   Inspector.cert_valid_from <= plan.window_start))
        .order_by(Inspector.staff_id)).all()
    eligible = {
        inspector_id: staff_id for inspector_id, staff_id, unit, region, qualifications in rows
        if (not pool.units or unit in pool.units)
        and region_matches(pool.region_codes, region)
        and set(pool.qualifications) <= set(qualifications or [])}
    recused: dict[int, set[str]] = {}
    for inspector_id, key in session.execute(
            select(Recusal.inspector_id, MarketEntity.identifier)
            .join(MarketEntity, MarketEntity.id == Recusal.entity_id)
            .where(Recusal.deleted_at.is_(None))):
        if inspector_id in eligible and key in population:
            recused.setdefault(inspector_id, set()).add(key)
    return tuple(Candidate(staff_id, frozenset(recused.get(inspector_id, ())))
                 for inspector_id, staff_id in eligible.items())


def _propose_tasks(session: Session, plan: PlanDocument, *, plan_id: int, protocol_id: int,
                   entity_ids: Mapping[str, int], selected: Sequence[Selection]) -> None:
    staffed = [s for s in selected if s.team]
    if not staffed:
        return
    inspector_ids = dict(session.execute(select(Inspector.staff_id, Inspector.id)).all())
    items = json.dumps([{"code": i.code, "title": i.title} for i in plan.check_items],
                       ensure_ascii=False)
    now = _sqlite_time(datetime.now(UTC))
    connection = session.connection()
    # Driver-level rows (a large draw proposes tens of thousands of tasks); the values are
    # written exactly as the ORM would write them (tests read them back through the ORM).
    connection.exec_driver_sql(
        "INSERT INTO task (plan_id, entity_id, source, reason, status, due_date, protocol_id,"
        " check_items, window_start, window_end, uuid, pending, created_at, updated_at) "
        "VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        [(plan_id, entity_ids[s.key], TaskSource.DRAW.value, TaskStatus.PROPOSED.value,
          plan.due_date.isoformat(), protocol_id, items, plan.window_start.isoformat(),
          plan.window_end.isoformat(), new_uuid(), now, now) for s in staffed])
    task_ids = [row[0] for row in connection.exec_driver_sql(
        "SELECT id FROM task WHERE protocol_id = ? ORDER BY id", (protocol_id,))]
    connection.exec_driver_sql(
        "INSERT INTO task_inspector (task_id, inspector_id, role) VALUES (?, ?, ?)",
        [(task_id, inspector_ids[staff_id],
          (TaskRole.LEAD if position == 0 else TaskRole.ASSIST).value)
         for task_id, s in zip(task_ids, staffed, strict=True)
         for position, staff_id in enumerate(s.team)])


def _sqlite_time(moment: datetime) -> str:
    """A UTC time as the local store keeps it (naive UTC, microseconds)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
