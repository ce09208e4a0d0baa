"""Running the shipped Alembic migrations at start, after a backup copy of the database.

Contract: :func:`upgrade_to_head` brings a database to the newest schema this build
knows. When there is anything to migrate in a database that already holds tables
(stamped by Alembic or not), it first writes a consistent copy (SQLite's online
backup, safe in WAL mode) to ``backup_dir``; a database already at head is left alone
and not copied again. A database written by a
*newer* build is refused, untouched, with :class:`SchemaTooNewError`.

Alembic is imported by the functions that use it, not with this module: the app imports
this module before its window is first painted, and Alembic (with Mako and Pygments
behind it) is needed only once the workspace opens, on the DB thread.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

if TYPE_CHECKING:
    from alembic.config import Config

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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations shipped")
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, db_path: Path, backup_dir: Path) -> MigrationReport:
    """Back up (when needed) and migrate the database at ``db_path`` to head."""
    from alembic.script import ScriptDirectory

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


def refuse_if_newer(db_path: Path) -> None:
    """Raise :class:`SchemaTooNewError` for a database a newer build wrote, reading it
    read-only, before any engine connects (a connection would switch it to WAL mode and
    rewrite its header: a refused file must be left byte for byte as it was)."""
    if not db_path.exists():
        return
    from alembic.script import ScriptDirectory

    uri = f"{db_path.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return  # not stamped (or not ours): the migration decides, with a backup first
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if row is not None and row[0] not in known:
        raise SchemaTooNewError(row[0])


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
    from alembic import command

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
