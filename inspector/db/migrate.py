"""Running the shipped Alembic migrations at start, after a backup copy of the database.

Contract: :func:`upgrade_to_head` brings a database to the newest schema this build
knows. When there is anything to migrate in a database that already holds tables
(stamped by Alembic or not), it first writes a consistent copy (SQLite's online
backup, safe in WAL mode) to ``backup_dir``; a database already at head is left alone
and not copied again. A database written by a
*newer* build is refused, untouched, with :class:`SchemaTooNewError`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Inspector; opening it could lose data."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"数据库的结构版本 {revision} 比本程序新，请升级 Inspector 后再打开 "
            f"(database schema {revision} is newer than this program; upgrade Inspector)"
        )
        self.revision = revision


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What :func:`upgrade_to_head` did."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations shipped")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, db_path: Path, backup_dir: Path) -> MigrationReport:
    """Back up (when needed) and migrate the database at ``db_path`` to head."""
    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return MigrationReport(current, head, None)
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise SchemaTooNewError(current)
    backup = None
    if current is not None or _has_tables(engine):
        backup = backup_database(db_path, backup_dir, label=f"before-{head}")
    _run_upgrade(engine)
    return MigrationReport(current, head, backup)


def _has_tables(engine: Engine) -> bool:
    """Whether the file already holds a schema (even one Alembic did not stamp)."""
    with engine.connect() as connection:
        count = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).scalar()
    return bool(count)


def _run_upgrade(engine: Engine) -> None:
    """Migrate with foreign keys off, as SQLite's table-rebuild recipe requires.

    Batch mode rebuilds a table by copy, drop and rename; with foreign keys on, the
    drop would cascade into child rows. They are checked again before commit.
    """
    config = alembic_config()
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if violations:
                    raise RuntimeError(f"migration left broken references: {violations[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def backup_database(db_path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy of the live database, named with ``label`` and the UTC time."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-{label}-{stamp}.sqlite"
    source = sqlite3.connect(db_path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target
