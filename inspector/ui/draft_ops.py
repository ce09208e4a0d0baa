"""The ops of the drafts screen and of autosave (named ``verb_noun``).

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on
the DB thread and calls :mod:`inspector.services.checklist_drafts` (or the library, for
the versions that can be filled); results are frozen views and parsed checklists.
Refusals raise ``DraftError`` with the reason in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping

from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.core.roles import Actor
from inspector.forms.expressions import Value
from inspector.services import checklist_drafts, checklist_library
from inspector.services.changes import Outcome
from inspector.services.checklist_drafts import DraftView, MovePlan, OpenDraft
from inspector.services.checklist_library import StoredVersion
from inspector.ui.db_worker import Op, OpEnv


def load_drafts() -> Op[tuple[DraftView, ...]]:
    """The drafts filled on their own (an inspection's draft is its screen's business)."""
    def body(env: OpEnv) -> tuple[DraftView, ...]:
        return tuple(d for d in checklist_drafts.list_drafts(env.workspace.store)
                     if not d.subject.startswith(checklist_drafts.INSPECTION_SUBJECT))

    return Op("load_drafts", body)


def load_fillable_checklists() -> Op[tuple[StoredVersion, ...]]:
    """The latest published version of each checklist."""
    def body(env: OpEnv) -> tuple[StoredVersion, ...]:
        latest: dict[str, StoredVersion] = {}
        for version in checklist_library.library(env.workspace.store):
            if version.status is ChecklistVersionStatus.PUBLISHED:
                latest[version.code] = version
        return tuple(latest.values())

    return Op("load_fillable_checklists", body)


def start_checklist_draft(code: str, actor: Actor, label: str) -> Op[OpenDraft]:
    def body(env: OpEnv) -> Outcome[OpenDraft]:
        return checklist_drafts.start_draft(env.workspace.store, actor, code, label=label)

    return Op("start_checklist_draft", body)


def open_checklist_draft(draft: str) -> Op[OpenDraft]:
    return Op("open_checklist_draft",
              lambda env: checklist_drafts.open_draft(env.workspace.store, draft))


def save_draft_answers(draft: str, changes: Mapping[str, Value]) -> Op[int]:
    frozen = dict(changes)  # the caller's dict may change while this waits its turn

    def body(env: OpEnv) -> Outcome[int]:
        return checklist_drafts.save_answers(env.workspace.store, draft, frozen)

    return Op("save_draft_answers", body)


def plan_draft_move(draft: str) -> Op[MovePlan]:
    return Op("plan_draft_move",
              lambda env: checklist_drafts.plan_move(env.workspace.store, draft))


def move_checklist_draft(draft: str, to_version: int, confirmed: frozenset[str],
                         actor: Actor) -> Op[OpenDraft]:
    def body(env: OpEnv) -> Outcome[OpenDraft]:
        return checklist_drafts.move_draft(env.workspace.store, actor, draft, to_version,
                                           confirmed_drops=confirmed)

    return Op("move_checklist_draft", body)


def discard_checklist_draft(draft: str, actor: Actor) -> Op[None]:
    def body(env: OpEnv) -> Outcome[None]:
        return checklist_drafts.discard_draft(env.workspace.store, actor, draft)

    return Op("discard_checklist_draft", body)
