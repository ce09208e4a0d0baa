"""The ops the screens submit to the DB worker (named ``verb_noun``).

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on
the DB thread, calls one service, and returns frozen data or an ``Outcome``. Bodies
capture only immutable arguments (paths, enums, the actor), never widgets.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from inspector.core.audit_chain import ChainVerdict
from inspector.core.divisions import DivisionTable
from inspector.core.roles import Actor
from inspector.core.text import Lang
from inspector.services.audit_log import AuditEventView, recent_events, verify_audit_log
from inspector.services.changes import Outcome, Topic
from inspector.services.demo_workspace import DemoResult, build_demo_workspace
from inspector.services.directory_import import ImportKind, ImportSummary, import_directory
from inspector.services.directory_queries import (
    DirectoryOverview,
    EntityDirectory,
    InspectorDirectory,
    directory_overview,
    load_entity_directory,
    load_inspector_directory,
)
from inspector.ui.db_worker import Op, OpEnv


def load_entities(divisions: DivisionTable, limit: int | None = None) -> Op[EntityDirectory]:
    return Op("load_entities",
              lambda env: load_entity_directory(env.workspace.store, divisions, limit))


def load_inspectors() -> Op[InspectorDirectory]:
    return Op("load_inspectors", lambda env: load_inspector_directory(env.workspace.store))


def summarize_directory(today: date) -> Op[DirectoryOverview]:
    return Op("summarize_directory", lambda env: directory_overview(env.workspace.store, today))


def import_file(kind: ImportKind, path: Path, divisions: DivisionTable, actor: Actor,
                lang: Lang) -> Op[ImportSummary]:
    def body(env: OpEnv) -> Outcome[ImportSummary]:
        return import_directory(
            env.workspace.store, actor, kind, path, divisions=divisions,
            fallback_report_dir=env.workspace.paths.reports, lang=lang,
            progress=env.progress, cancelled=env.cancelled,
        )

    return Op("import_file", body)


def load_audit_events(limit: int = 5000) -> Op[tuple[AuditEventView, ...]]:
    return Op("load_audit_events", lambda env: recent_events(env.workspace.store, limit))


def verify_audit() -> Op[ChainVerdict]:
    return Op("verify_audit", lambda env: verify_audit_log(env.workspace.store))


def build_demo(divisions: DivisionTable, today: date) -> Op[DemoResult]:
    def body(env: OpEnv) -> Outcome[DemoResult]:
        result = build_demo_workspace(env.workspace, divisions, today=today)
        return Outcome(result, frozenset({Topic.ENTITIES, Topic.INSPECTORS, Topic.AUDIT}))

    return Op("build_demo", body)
