"""Importing the entity and inspector directories from .xlsx and .csv files.

Contract: one call imports one file in one write transaction. Valid rows are inserted,
or update the existing row with the same key (credit code for entities, staff id for
inspectors); unchanged rows are left alone and stay synced. Rejected rows are listed
(row, column, value, reason) in a report written next to the input after the commit
(or in the workspace's ``reports/`` folder when that folder is not writable). A kill,
a cancel or any error before the commit leaves the database exactly as it was. The
import's audit event (file name, SHA-256, counts) commits in the same transaction.

Runs on the DB thread. ``progress(done, total_hint)`` is called from that thread.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Table as SATable
from sqlalchemy.orm import Session

from inspector.core.directory import EntityRecord, InspectorRecord
from inspector.core.directory_rows import (
    ENTITY_FIELDS,
    INSPECTOR_FIELDS,
    Cell,
    ColumnMap,
    EntityRowValidator,
    HeaderError,
    InspectorRowValidator,
    RowProblem,
    Severity,
)
from inspector.core.divisions import DivisionTable
from inspector.core.roles import Actor
from inspector.core.text import Lang, LocalText
from inspector.db.base import Base, new_uuid
from inspector.db.models import Inspector, MarketEntity
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.store import Store
from inspector.services.tabular import TableFileError, open_table

ProgressCallback = Callable[[int, int | None], None]
CancelCheck = Callable[[], bool]
CHUNK_ROWS = 5000


class ImportKind(StrEnum):
    ENTITIES = "entities"
    INSPECTORS = "inspectors"

    def label(self, lang: Lang) -> str:
        texts = {
            ImportKind.ENTITIES: LocalText("市场主体", "market entities"),
            ImportKind.INSPECTORS: LocalText("检查人员", "inspectors"),
        }
        return texts[self].render(lang)


class ImportFileError(ValueError):
    """The whole file was refused (unreadable, wrong type, unusable header)."""

    def __init__(self, text: LocalText) -> None:
        super().__init__(text.zh)
        self.text = text


class ImportCancelledError(RuntimeError):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What one import did."""

    kind: ImportKind
    source: Path
    file_sha256: str
    encoding: str | None
    sheet: str | None
    rows_read: int
    inserted: int
    updated: int
    unchanged: int
    problems: tuple[RowProblem, ...]
    ignored_columns: tuple[str, ...]
    report_path: Path | None

    @property
    def rejected_rows(self) -> int:
        return len({p.row for p in self.problems if p.severity is Severity.ERROR})

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.WARNING)

    def describe(self, lang: Lang) -> str:
        text = LocalText(
            zh=f"读取 {self.rows_read} 行：新增 {self.inserted}，更新 {self.updated}，"
            f"未变 {self.unchanged}，拒绝 {self.rejected_rows} 行，警告 {self.warnings} 条",
            en=f"read {self.rows_read} rows: {self.inserted} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.rejected_rows} rejected, "
            f"{self.warnings} warnings",
        )
        return text.render(lang)


class _Validator(Protocol):
    def validate(self, row: int, cells: Sequence[Cell]) -> tuple[Any, list[RowProblem]]: ...


@dataclass(frozen=True, slots=True)
class _Spec:
    """How one directory is imported: its columns, key, SQL and audit names."""

    kind: ImportKind
    table: SATable
    key_column: str
    value_columns: tuple[str, ...]
    fields: Sequence[Any]
    make_validator: Callable[[ColumnMap, DivisionTable | None], _Validator]
    values: Callable[[Any], tuple[Any, ...]]
    key: Callable[[Any], str]
    topic: Topic


def _entity_values(record: EntityRecord) -> tuple[Any, ...]:
    # The enums are StrEnums: they bind as their value and compare equal to stored text.
    return (
        record.identifier_kind,
        record.name,
        record.entity_type,
        record.region_code,
        record.address,
        record.legal_representative,
        record.industry,
        record.risk_class,
        record.registration_status,
    )


def _inspector_values(record: InspectorRecord) -> tuple[Any, ...]:
    return (
        record.name,
        record.unit,
        record.region_code,
        record.cert_number,
        record.cert_authority,
        record.cert_valid_from.isoformat() if record.cert_valid_from else None,
        record.cert_valid_to.isoformat() if record.cert_valid_to else None,
        _json_list(record.qualifications),
        1 if record.active else 0,
    )


def _json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


ENTITY_SPEC = _Spec(
    kind=ImportKind.ENTITIES,
    table=Base.metadata.tables[MarketEntity.__tablename__],
    key_column="identifier",
    value_columns=(
        "identifier_kind", "name", "entity_type", "region_code", "address",
        "legal_representative", "industry", "risk_class", "registration_status",
    ),
    fields=ENTITY_FIELDS,
    make_validator=EntityRowValidator,
    values=_entity_values,
    key=lambda r: r.identifier,
    topic=Topic.ENTITIES,
)

INSPECTOR_SPEC = _Spec(
    kind=ImportKind.INSPECTORS,
    table=Base.metadata.tables[Inspector.__tablename__],
    key_column="staff_id",
    value_columns=(
        "name", "unit", "region_code", "cert_number", "cert_authority", "cert_valid_from",
        "cert_valid_to", "qualifications", "active",
    ),
    fields=INSPECTOR_FIELDS,
    make_validator=InspectorRowValidator,
    values=_inspector_values,
    key=lambda r: r.staff_id,
    topic=Topic.INSPECTORS,
)


def import_directory(
    store: Store,
    actor: Actor,
    kind: ImportKind,
    path: Path,
    *,
    divisions: DivisionTable | None,
    fallback_report_dir: Path,
    lang: Lang = Lang.ZH,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Outcome[ImportSummary]:
    """Import ``path`` into the ``kind`` directory; see the module contract."""
    spec = ENTITY_SPEC if kind is ImportKind.ENTITIES else INSPECTOR_SPEC
    try:
        with open_table(path) as table, store.write() as session:
            digest = table.sha256
            column_map = ColumnMap.from_header(table.header, spec.fields)
            run = _ImportRun(session, spec, _now_text(session, spec.table))
            validator = spec.make_validator(column_map, divisions)
            for number, cells in table.rows:
                record, problems = validator.validate(number, cells)
                run.take(record, problems)
                if run.rows_read % CHUNK_ROWS == 0:
                    run.flush()
                    if cancelled is not None and cancelled():
                        raise ImportCancelledError()
                    if progress is not None:
                        progress(run.rows_read, table.row_count_hint)
            run.flush()
            if run.rows_read == 0:
                raise ImportFileError(
                    LocalText(f"{path.name} 只有表头，没有数据行",
                              f"{path.name} has a header but no data rows")
                )
            summary = ImportSummary(
                kind=kind,
                source=path,
                file_sha256=digest,
                encoding=table.encoding,
                sheet=table.sheet,
                rows_read=run.rows_read,
                inserted=run.inserted,
                updated=run.updated,
                unchanged=run.unchanged,
                problems=tuple(run.problems),
                ignored_columns=column_map.ignored,
                report_path=None,
            )
            append_event(
                session,
                actor=actor,
                device_id=store.device_id,
                action=f"directory.import_{kind.value}",
                object_kind=kind.value,
                object_id=path.name,
                payload={
                    "file": path.name,
                    "sha256": digest,
                    "rows": summary.rows_read,
                    "inserted": summary.inserted,
                    "updated": summary.updated,
                    "unchanged": summary.unchanged,
                    "rejected": summary.rejected_rows,
                },
            )
            if progress is not None:
                progress(run.rows_read, run.rows_read)
    except TableFileError as exc:
        raise ImportFileError(exc.text) from exc
    except HeaderError as exc:
        raise ImportFileError(
            LocalText(f"{path.name}：{exc.text.zh}", f"{path.name}: {exc.text.en}")
        ) from exc
    except csv.Error as exc:
        raise ImportFileError(
            LocalText(f"{path.name} 的 CSV 格式有误：{exc}", f"{path.name}: malformed CSV: {exc}")
        ) from exc
    report = write_report(summary, fallback_report_dir, lang)
    summary = _with_report(summary, report)
    return Outcome(summary, frozenset({spec.topic, Topic.AUDIT}))


class _ImportRun:
    """Accumulates validated rows and writes them in chunks inside one transaction."""

    def __init__(self, session: Session, spec: _Spec, now_text: Any) -> None:
        self.session = session
        self.spec = spec
        self.now = now_text
        self.existing = self._load_existing()
        self.rows_read = 0
        self.inserted = 0
        self.updated = 0
        self.unchanged = 0
        self.problems: list[RowProblem] = []
        self._inserts: list[tuple[Any, ...]] = []
        self._updates: list[tuple[Any, ...]] = []
        columns = (spec.key_column, *spec.value_columns)
        table = spec.table.name
        self._insert_sql = (
            f"INSERT INTO {table} (uuid, {', '.join(columns)}, pending, created_at, updated_at) "
            f"VALUES ({', '.join('?' * (len(columns) + 4))})"
        )
        assignments = ", ".join(f"{c} = ?" for c in spec.value_columns)
        self._update_sql = (
            f"UPDATE {table} SET {assignments}, pending = 1, deleted_at = NULL, updated_at = ? "
            f"WHERE id = ?"
        )

    def _load_existing(self) -> dict[str, tuple[int, tuple[Any, ...], bool]]:
        spec = self.spec
        columns = ", ".join(spec.value_columns)
        rows = self.session.connection().exec_driver_sql(
            f"SELECT {spec.key_column}, id, deleted_at IS NOT NULL, {columns} "
            f"FROM {spec.table.name}"
        ).cursor.fetchall()
        return {row[0]: (row[1], tuple(row[3:]), bool(row[2])) for row in rows}

    def take(self, record: Any, problems: list[RowProblem]) -> None:
        self.rows_read += 1
        if problems:
            self.problems.extend(problems)
        if record is None:
            return
        key = self.spec.key(record)
        values = self.spec.values(record)
        known = self.existing.get(key)
        if known is None:
            self._inserts.append((new_uuid(), key, *values, 1, self.now, self.now))
            self.existing[key] = (-1, values, False)
            self.inserted += 1
        elif known[1] != values or known[2]:
            self._updates.append((*values, self.now, known[0]))
            self.updated += 1
        else:
            self.unchanged += 1

    def flush(self) -> None:
        connection = self.session.connection()
        if self._inserts:
            connection.exec_driver_sql(self._insert_sql, self._inserts)
            self._inserts = []
        if self._updates:
            connection.exec_driver_sql(self._update_sql, self._updates)
            self._updates = []


def _now_text(session: Session, table: SATable) -> Any:
    """The current time exactly as the ORM would store it in ``created_at``."""
    dialect = session.get_bind().dialect
    # The dialect's own implementation turns the datetime into SQLite's text format; the
    # generic type would hand sqlite3 a datetime and rely on its deprecated adapter.
    processor = table.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
    now = datetime.now(UTC)
    return processor(now) if processor else now


def report_path_for(source: Path) -> Path:
    return source.with_name(f"{source.stem}-import-report.csv")


def write_report(summary: ImportSummary, fallback_dir: Path, lang: Lang) -> Path | None:
    """Write the problems as CSV (UTF-8 with BOM, so Excel reads it) next to the input.

    Falls back to ``fallback_dir`` when the input's folder is not writable; returns None
    only when neither could be written (the summary still lists every problem).
    """
    header = {
        Lang.ZH: ("行号", "列", "值", "级别", "原因"),
        Lang.EN: ("row", "column", "value", "severity", "reason"),
    }[lang]
    severity = {
        Severity.ERROR: LocalText("拒绝", "rejected"),
        Severity.WARNING: LocalText("警告", "warning"),
    }
    candidates = [report_path_for(summary.source), fallback_dir / report_path_for(
        summary.source).name]
    for target in candidates:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                for problem in sorted(summary.problems, key=lambda p: p.row):
                    writer.writerow(
                        (problem.row, problem.column, problem.value,
                         severity[problem.severity].render(lang), problem.message.render(lang))
                    )
            return target
        except OSError:
            continue
    return None


def _with_report(summary: ImportSummary, report: Path | None) -> ImportSummary:
    return replace(summary, report_path=report)
