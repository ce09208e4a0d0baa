"""Opening a workspace: its folder, its database (migrated at start) and its device id.

Contract: :func:`open_workspace` creates the folder and database if needed, backs up and
migrates an older database, and makes sure the workspace has a device id (a UUID made
once, recorded with a ``workspace.created`` audit event). The data folder is chosen by
``--data-dir``, else ``INSPECTOR_DATA_DIR``, else the platform's user data folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspector import __version__
from inspector.core.roles import Actor, Role
from inspector.db.base import new_uuid
from inspector.db.engine import create_sqlite_engine
from inspector.db.migrate import MigrationReport, refuse_if_newer, upgrade_to_head
from inspector.db.models import WorkspaceSetting
from inspector.services.audit_log import append_event
from inspector.services.store import Store

DEVICE_ID_KEY = "device_id"
SYSTEM_ACTOR = Actor("inspector", Role.SYSTEM)


@dataclass(frozen=True, slots=True)
class WorkspacePaths:
    """The files and folders of one workspace."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "inspector.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def calendars(self) -> Path:
        return self.root / "calendars"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def files(self) -> Path:
        """The content-addressed store of photos, signatures and documents."""
        return self.root / "files"


@dataclass(frozen=True, slots=True)
class Workspace:
    """An open workspace: its paths, its store and what opening it did."""

    paths: WorkspacePaths
    store: Store
    migration: MigrationReport

    @property
    def device_id(self) -> str:
        return self.store.device_id


def open_workspace(root: Path) -> Workspace:
    paths = WorkspacePaths(root)
    root.mkdir(parents=True, exist_ok=True)
    refuse_if_newer(paths.database)
    engine = create_sqlite_engine(paths.database)
    try:
        migration = upgrade_to_head(engine, paths.database, paths.backups)
        device_id = _ensure_device_id(Store(engine, paths.database, device_id=""), migration)
        store = Store(engine, paths.database, device_id)
    except BaseException:
        engine.dispose()
        raise
    return Workspace(paths, store, migration)


def _ensure_device_id(store: Store, migration: MigrationReport) -> str:
    """The workspace's device id, created (and audited) on first open."""
    with store.write() as session:
        setting = session.get(WorkspaceSetting, DEVICE_ID_KEY)
        if setting is None:
            device_id = new_uuid()
            session.add(WorkspaceSetting(key=DEVICE_ID_KEY, value=device_id))
            append_event(
                session,
                actor=SYSTEM_ACTOR,
                device_id=device_id,
                action="workspace.created",
                object_kind="workspace",
                object_id=device_id,
                payload={"app_version": __version__, "schema": migration.to_revision},
            )
            return device_id
        device_id = setting.value
        if migration.from_revision is not None and migration.from_revision != migration.to_revision:
            append_event(
                session,
                actor=SYSTEM_ACTOR,
                device_id=device_id,
                action="workspace.migrated",
                object_kind="workspace",
                object_id=device_id,
                payload={
                    "from": migration.from_revision,
                    "to": migration.to_revision,
                    "backup": migration.backup.name if migration.backup else None,
                    "app_version": __version__,
                },
            )
        return device_id
