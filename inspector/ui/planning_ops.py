"""The ops of the plans, draw and publication screens (named ``verb_noun``), and their DTOs.

Contract: each op function builds an :class:`~inspector.ui.db_worker.Op` whose body runs
on the DB thread, calls the planning, recusal, disclosure or draw-report services and returns
frozen data or an ``Outcome`` naming the topics it changed. Bodies capture only
immutable arguments (plan documents, codes, paths, the actor, the calendar), never
widgets. Plan and protocol files are small and are read and written by ops too, so the
UI thread never waits on a disk (or a network share).

:func:`summarize_inputs` turns the directory's draw inputs into the preview the form
shows (stratum sizes, how many each gives, the pool, and why a draw would be refused);
it is pure, so it runs inside the preview op and in tests alike.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from inspector.core.draw import DrawError, check_plan
from inspector.core.plan_document import PlanDocument, PlanFileError, parse_plan, plan_json
from inspector.core.roles import Actor
from inspector.core.text import Lang, LocalText
from inspector.core.workdays import WorkdayCalendar
from inspector.services import disclosure, draw_report, planning, recusals
from inspector.services.changes import Outcome
from inspector.services.file_output import write_file_atomically
from inspector.ui.db_worker import Op, OpEnv

# Kinds of preview findings; the screen words each one in the user's language.
POOL_TOO_SMALL = "pool_too_small"  # figures: (eligible inspectors, team size)
EMPTY_STRATUM = "empty_stratum"  # figures: (count asked for,)
COUNT_EXCEEDS = "count_exceeds"  # figures: (stratum size, count asked for)
NOTHING_TO_DRAW = "nothing_to_draw"
SHORT_CAPACITY = "short_capacity"  # figures: (places, inspector-tasks needed)
OTHER_RULE = "other_rule"  # detail: the draw's own (English) reason


@dataclass(frozen=True, slots=True)
class PreviewIssue:
    """A reason the draw would be refused (``blocking``) or fall short."""

    kind: str
    blocking: bool
    stratum: str = ""
    figures: tuple[int, ...] = ()
    detail: str = ""


@dataclass(frozen=True, slots=True)
class StratumPreview:
    name: str
    size: int  # members of the population in this stratum, after the exclusions
    take: int  # how many the draw takes: the count, or ceil(ratio × size) exactly


@dataclass(frozen=True, slots=True)
class DrawPreview:
    """What a draw of the plan would work on, as of the day asked."""

    strata: tuple[StratumPreview, ...]
    population: int
    excluded_recent: int
    excluded_open_tasks: int
    pool: int
    team_size: int
    total: int
    capacity: int | None  # tasks per inspector (None: the pool is empty)
    issues: tuple[PreviewIssue, ...]

    @property
    def blocked(self) -> bool:
        return any(issue.blocking for issue in self.issues)


@dataclass(frozen=True, slots=True)
class DrawSummary:
    """A draw's result as the screen shows it (from a fresh run or a stored protocol)."""

    plan_code: str
    sha256: str
    seed_commitment: str
    selected: int  # entities drawn and staffed with a team
    capacity: int
    unassigned: tuple[tuple[str, str], ...]  # (entity key, the draw's reason in English)


# -- plans --------------------------------------------------------------------------------


def load_plans() -> Op[tuple[planning.PlanView, ...]]:
    return Op("load_plans", lambda env: planning.list_plans(env.workspace.store))


def load_plan_document(code: str) -> Op[PlanDocument]:
    return Op("load_plan_document", lambda env: planning.load_plan(env.workspace.store, code))


def save_plan_document(plan: PlanDocument, actor: Actor) -> Op[str]:
    return Op("save_plan_document",
              lambda env: planning.save_plan(env.workspace.store, plan, actor))


def read_plan_file(path: Path) -> Op[PlanDocument]:
    """Read and check a plan file; a broken one raises :class:`PlanFileError` by field."""

    def body(_env: OpEnv) -> PlanDocument:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise PlanFileError(LocalText(f"无法读取 {path.name}：{reason}",
                                          f"cannot read {path.name}: {reason}")) from exc
        return parse_plan(text, origin=path.name)

    return Op("read_plan_file", body)


def write_plan_file(plan: PlanDocument, path: Path) -> Op[Path]:
    def body(_env: OpEnv) -> Path:
        text = json.dumps(plan_json(plan), ensure_ascii=False, indent=2) + "\n"
        write_file_atomically(path, text.encode("utf-8"))
        return path

    return Op("write_plan_file", body)


def preview_draw(plan: PlanDocument, today: date) -> Op[DrawPreview]:
    def body(env: OpEnv) -> DrawPreview:
        return summarize_inputs(plan, planning.draw_inputs(env.workspace.store, plan, today))

    return Op("preview_draw", body)


def summarize_inputs(plan: PlanDocument, inputs: planning.DrawInputs) -> DrawPreview:
    strata = tuple(StratumPreview(s.name, inputs.stratum_sizes.get(s.name, 0),
                                  s.take(inputs.stratum_sizes.get(s.name, 0)))
                   for s in plan.strata)
    pool = len(inputs.candidates)
    total = sum(s.take for s in strata)
    issues: list[PreviewIssue] = []
    if pool < plan.team_size:
        issues.append(PreviewIssue(POOL_TOO_SMALL, True, figures=(pool, plan.team_size)))
    for stratum, shown in zip(plan.strata, strata, strict=True):
        if stratum.count is None:
            continue
        if shown.size == 0:
            issues.append(PreviewIssue(EMPTY_STRATUM, True, stratum.name, (stratum.count,)))
        elif stratum.count > shown.size:
            issues.append(PreviewIssue(COUNT_EXCEEDS, True, stratum.name,
                                       (shown.size, stratum.count)))
    if total == 0:
        issues.append(PreviewIssue(NOTHING_TO_DRAW, False))
    capacity: int | None = None
    if pool:
        capacity = plan.max_per_inspector if plan.max_per_inspector is not None else \
            math.ceil(Fraction(plan.team_size * total, pool))
        if pool * capacity < plan.team_size * total:
            issues.append(PreviewIssue(SHORT_CAPACITY, False,
                                       figures=(pool * capacity, plan.team_size * total)))
    if not any(issue.blocking for issue in issues):
        try:
            check_plan(plan.draw_plan(), inputs.population, inputs.candidates)
        except DrawError as exc:
            issues.append(PreviewIssue(OTHER_RULE, True, detail=str(exc)))
    return DrawPreview(strata, len(inputs.population), inputs.excluded_recent,
                       inputs.excluded_open_tasks, pool, plan.team_size, total, capacity,
                       tuple(issues))


# -- seed, draw, protocol -------------------------------------------------------------------


def commit_plan_seed(code: str, actor: Actor, public_text: str | None) -> Op[str]:
    return Op("commit_plan_seed", lambda env: planning.commit_seed(
        env.workspace.store, code, actor, public_text=public_text))


def draw_plan(code: str, actor: Actor) -> Op[DrawSummary]:
    def body(env: OpEnv) -> Outcome[DrawSummary]:
        outcome = planning.run_plan_draw(env.workspace.store, code, actor)
        drawn = outcome.value
        summary = DrawSummary(drawn.plan_code, drawn.sha256, drawn.seed_commitment,
                              drawn.selected, drawn.capacity, drawn.unassigned)
        return Outcome(summary, outcome.changes)

    return Op("draw_plan", body)


def load_draw_summary(code: str) -> Op[DrawSummary]:
    """The stored protocol's result; raises PlanningError when the plan is not drawn."""

    def body(env: OpEnv) -> DrawSummary:
        return summary_of_protocol(code, planning.protocol_text(env.workspace.store, code))

    return Op("load_draw_summary", body)


def summary_of_protocol(code: str, text: str) -> DrawSummary:
    document: dict[str, Any] = json.loads(text)
    return DrawSummary(
        plan_code=code, sha256=str(document["sha256"]),
        seed_commitment=str(document["seed_commitment"]),
        selected=sum(1 for s in document["selected"] if s["team"]),
        capacity=int(document["plan"]["capacity"]),
        unassigned=tuple((str(u["key"]), str(u["reason"])) for u in document["unassigned"]))


def save_protocol(code: str, path: Path) -> Op[Path]:
    def body(env: OpEnv) -> Path:
        text = planning.protocol_text(env.workspace.store, code)
        write_file_atomically(path, text.encode("utf-8"))
        return path

    return Op("save_protocol", body)


def export_ceremony_summary(code: str, out_dir: Path, lang: Lang) -> Op[tuple[Path, Path]]:
    """The PDF and .xlsx record of the draw ceremony, written into ``out_dir``."""

    def body(env: OpEnv) -> tuple[Path, Path]:
        text = planning.protocol_text(env.workspace.store, code)
        return draw_report.write_ceremony_summary(text, out_dir, lang=lang)

    return Op("export_ceremony_summary", body)


def load_plan_tasks(code: str) -> Op[tuple[planning.TaskView, ...]]:
    return Op("load_plan_tasks", lambda env: planning.plan_tasks(env.workspace.store, code))


def release_plan_tasks(code: str, actor: Actor) -> Op[int]:
    return Op("release_plan_tasks",
              lambda env: planning.release_tasks(env.workspace.store, code, actor))


def redraw_task_team(code: str, staff_id: str, entity_key: str, reason: str,
                     actor: Actor) -> Op[recusals.RedrawOutcome]:
    """Record ``staff_id``'s recusal from ``entity_key`` and redraw that one team."""
    return Op("redraw_task_team", lambda env: recusals.redraw_after_recusal(
        env.workspace.store, actor, plan_code=code, staff_id=staff_id,
        entity_key=entity_key, reason=reason))


def save_redraw_records(code: str, folder: Path) -> Op[tuple[Path, ...]]:
    """Write the plan's redraw records into ``folder`` as REDRAW-1.json, REDRAW-2.json, …

    Each file holds the stored canonical JSON unchanged, so ``inspector draw verify``
    recomputes exactly what was recorded. Returns the files written (none without a
    redraw).
    """

    def body(env: OpEnv) -> tuple[Path, ...]:
        records = recusals.protocol_redraws(env.workspace.store, code)
        written = []
        for number, text in enumerate(records, start=1):
            target = folder / f"REDRAW-{number}.json"
            write_file_atomically(target, text.encode("utf-8"))
            written.append(target)
        return tuple(written)

    return Op("save_redraw_records", body)


# -- publication (一公开) ---------------------------------------------------------------------


def load_deadline_board(calendar: WorkdayCalendar, today: date
                        ) -> Op[tuple[disclosure.DisclosureRow, ...]]:
    return Op("load_deadline_board",
              lambda env: disclosure.deadline_board(env.workspace.store, calendar, today))


def approve_for_publication(actor: Actor, uuids: tuple[str, ...]) -> Op[int]:
    return Op("approve_for_publication",
              lambda env: disclosure.approve_results(env.workspace.store, actor, uuids))


def export_disclosure_list(calendar: WorkdayCalendar, path: Path, today: date,
                           actor: Actor) -> Op[int]:
    return Op("export_disclosure_list", lambda env: disclosure.export_disclosure(
        env.workspace.store, calendar, path, today=today, actor=actor))


# -- internals ------------------------------------------------------------------------------
