"""The ops of ad-hoc tasks (临时任务), named ``verb_noun``.

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on
the DB thread and calls :mod:`inspector.services.ad_hoc_sources` (the inspectors to
choose, the entities found by a search) or :mod:`inspector.services.ad_hoc_tasks`
(creating the task under the rules). Results are frozen views; arguments are copied
when the op is built. A refusal raises ``TaskCreationError`` with the reason in both
languages, and a refused op writes nothing. ``now`` (when given) is the moment the
service records and whose day it judges by; by default its own clock.
"""

from __future__ import annotations

from datetime import date, datetime

from inspector.core.roles import Actor
from inspector.services import ad_hoc_sources, ad_hoc_tasks
from inspector.services.ad_hoc_sources import MATCH_LIMIT, AdHocInspector, EntityMatch
from inspector.services.ad_hoc_tasks import AdHocRequest
from inspector.services.changes import Outcome
from inspector.ui.db_worker import Op, OpEnv


def load_ad_hoc_choices(today: date) -> Op[tuple[AdHocInspector, ...]]:
    """The active inspectors with their certificates, those valid on ``today`` first."""
    return Op("load_ad_hoc_choices", lambda env: ad_hoc_sources.active_inspectors(
        env.workspace.store, today))


def search_entities(text: str, limit: int = MATCH_LIMIT) -> Op[tuple[EntityMatch, ...]]:
    """Up to ``limit`` live entities whose name, 信用代码 or address hold every word."""
    return Op("search_entities", lambda env: ad_hoc_sources.find_entities(
        env.workspace.store, text, limit))


def create_ad_hoc_task_op(request: AdHocRequest, actor: Actor,
                          now: datetime | None = None) -> Op[str]:
    """Create and release the task; its result is the new task's uuid."""
    def body(env: OpEnv) -> Outcome[str]:
        return ad_hoc_tasks.create_ad_hoc_task(env.workspace.store, actor, request, now)

    return Op("create_ad_hoc_task", body)
