"""The ops of the checklist library screen (named ``verb_noun``).

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on
the DB thread and calls :mod:`inspector.services.checklist_library`; it returns frozen
data (library rows, a parsed checklist) or an ``Outcome`` naming the topics it changed.
Checklist files are read and written by ops too, so the UI thread never waits on a disk.
A broken file raises :class:`~inspector.services.checklist_files.ChecklistFileError`
with every problem; a refused change raises ``ChecklistLibraryError``.
"""

from __future__ import annotations

from pathlib import Path

from inspector.core.roles import Actor
from inspector.forms.checklist import Checklist
from inspector.services import checklist_library
from inspector.services.changes import Outcome
from inspector.services.checklist_library import StoredVersion
from inspector.ui.db_worker import Op, OpEnv


def load_library() -> Op[tuple[StoredVersion, ...]]:
    return Op("load_library", lambda env: checklist_library.library(env.workspace.store))


def load_checklist_version(code: str, version: int) -> Op[Checklist]:
    return Op("load_checklist_version", lambda env: checklist_library.load_version(
        env.workspace.store, code, version))


def import_checklist_file(path: Path, actor: Actor) -> Op[StoredVersion]:
    def body(env: OpEnv) -> Outcome[StoredVersion]:
        return checklist_library.import_checklist(env.workspace.store, actor, path)

    return Op("import_checklist_file", body)


def publish_checklist_version(code: str, version: int, actor: Actor) -> Op[StoredVersion]:
    def body(env: OpEnv) -> Outcome[StoredVersion]:
        return checklist_library.publish_version(env.workspace.store, actor, code, version)

    return Op("publish_checklist_version", body)


def export_checklist_file(code: str, version: int, path: Path) -> Op[Path]:
    def body(env: OpEnv) -> Path:
        checklist_library.export_checklist(env.workspace.store, code, version, path)
        return path

    return Op("export_checklist_file", body)


def load_version_pair(code: str, old: int, new: int) -> Op[tuple[Checklist, Checklist]]:
    """Two versions of one checklist, for the difference between them."""
    def body(env: OpEnv) -> tuple[Checklist, Checklist]:
        store = env.workspace.store
        return (checklist_library.load_version(store, code, old),
                checklist_library.load_version(store, code, new))

    return Op("load_version_pair", body)
