"""Record kinds as the laptop syncs them: a declaration per kind, one codec for all.

Contract: a :class:`SyncKind` names the wire kind, the local model, the direction and
the columns that make up the body. Plugging a new kind into sync is one declaration in
:mod:`inspector.sync.catalogue`; nothing in the engine changes. The codec turns a row
into its wire body and back:

- plain columns travel under their own names; enums by value, dates and datetimes as
  ISO 8601 text (datetimes in UTC), JSON columns as they are;
- a foreign key travels as the referenced row's UUID (``references``), so bodies never
  carry laptop-local ids;
- ``blobs`` name the columns holding SHA-256 of files the record needs, with their
  role; they are declared to the server and queued for upload.

Bodies are hashed with :func:`body_hash` (SHA-256 of the canonical JSON), exactly as
the server does. All functions run on the caller's thread in the caller's session.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, Protocol

from sqlalchemy import Date, DateTime, select
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Session

from inspector.core.audit_chain import canonical_json
from inspector.db.base import Base, UTCDateTime


class BlobRole:
    """Roles of files in the upload queue, in the order they are sent."""

    UPLOAD_COPY = "upload_copy"
    SIGNATURE = "signature"
    DOCUMENT = "document"
    ORIGINAL = "original"

    ORDER = (UPLOAD_COPY, SIGNATURE, DOCUMENT, ORIGINAL)


@dataclass(frozen=True)
class Reference:
    """A foreign-key column whose value travels as the UUID of the row it points to."""

    column: str
    target: type[Base]


@dataclass(frozen=True)
class BlobField:
    """A column holding the SHA-256 of a file the record needs, and the file's role."""

    column: str
    role: str


class BodyExtension(Protocol):
    """Fields of a kind's body kept outside its own table (a task's team of inspectors).

    ``add`` writes them into the bodies of ``rows`` (one query for all rows); ``check``
    raises :class:`MissingReferenceError` when a body names something this laptop does
    not hold (before anything is written); ``apply`` stores them for ``row`` once it
    has its id.
    """

    def check(self, session: Session, body: Mapping[str, Any]) -> None: ...

    def add(self, session: Session, rows: Sequence[Any], bodies: list[dict[str, Any]]
            ) -> None: ...

    def apply(self, session: Session, row: Any, body: Mapping[str, Any]) -> None: ...


@dataclass(frozen=True)
class SyncKind:
    name: str
    model: type[Base]
    columns: tuple[str, ...]
    upstream: bool = False
    feed: str | None = None  # the downstream feed that carries the kind, if any
    references: Mapping[str, Reference] = field(default_factory=dict)
    blobs: tuple[BlobField, ...] = ()
    # Rows without a ``deleted_at`` column (the audit log) are never deleted.
    tombstones: bool = True
    extension: BodyExtension | None = None

    @property
    def key(self) -> Any:
        """The model's primary-key column (``id``, or ``seq`` for the audit log)."""
        return self.model.__mapper__.primary_key[0]

    @property
    def marker(self) -> Any:
        """The column every edit changes (``updated_at``), or None for rows that are
        never edited once written (the audit log)."""
        return self.model.__table__.c.get("updated_at")

    @property
    def read_columns(self) -> list[Any]:
        """Every column :meth:`bodies`, :meth:`deleted` and :meth:`blob_shas` read, with
        the key, the UUID and the marker: a plain select of these replaces loading rows."""
        table = self.model.__table__
        names = [self.key.key, "uuid", *self.columns,
                 *(r.column for r in self.references.values()),
                 *(b.column for b in self.blobs)]
        if self.tombstones:
            names.append("deleted_at")
        if self.marker is not None:
            names.append("updated_at")
        return [table.c[name] for name in dict.fromkeys(names)]

    # -- row -> wire ---------------------------------------------------------------------

    def body(self, session: Session, row: Any) -> dict[str, Any]:
        return self.bodies(session, [row])[0]

    def bodies(self, session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
        """The wire bodies of many rows, with one query per reference for all of them."""
        uuids_by_reference = {}
        for key, reference in self.references.items():
            target: Any = reference.target
            wanted = {getattr(row, reference.column) for row in rows} - {None}
            found: dict[int, str] = {}
            ordered = sorted(wanted)
            for start in range(0, len(ordered), 500):
                found.update((target_id, uuid) for target_id, uuid in session.execute(
                    select(target.id, target.uuid).where(
                        target.id.in_(ordered[start:start + 500]))))
            uuids_by_reference[key] = found
        result = []
        for row in rows:
            body = {name: _encode(getattr(row, name)) for name in self.columns}
            for key, reference in self.references.items():
                target_id = getattr(row, reference.column)
                body[key] = None if target_id is None else uuids_by_reference[key].get(target_id)
            result.append(body)
        if self.extension is not None:
            self.extension.add(session, rows, result)
        return result

    def deleted(self, row: Any) -> bool:
        return self.tombstones and row.deleted_at is not None

    def blob_shas(self, row: Any) -> list[tuple[str, str]]:
        """(sha256, role) of every file the row declares."""
        found = []
        for blob in self.blobs:
            sha = getattr(row, blob.column)
            if sha:
                found.append((sha, blob.role))
        return found

    # -- wire -> row ---------------------------------------------------------------------

    def values(self, session: Session, body: Mapping[str, Any]) -> dict[str, Any]:
        """Column values for a row from a wire body.

        Raises :class:`MissingReferenceError` when a referenced record is not here (yet).
        """
        table = self.model.__table__
        values = {name: _decode(table.c[name].type, body.get(name)) for name in self.columns
                  if name in body}
        for key, reference in self.references.items():
            target_uuid = body.get(key)
            if target_uuid is None:
                values[reference.column] = None
                continue
            target: Any = reference.target
            target_id = session.scalar(select(target.id).where(target.uuid == target_uuid))
            if target_id is None:
                raise MissingReferenceError(self.name, key, str(target_uuid))
            values[reference.column] = target_id
        return values


class MissingReferenceError(LookupError):
    def __init__(self, kind: str, key: str, uuid: str) -> None:
        super().__init__(f"{kind}.{key} names {uuid}, which is not on this laptop")
        self.kind, self.key, self.uuid = kind, key, uuid


def body_hash(body: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _encode(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(column_type: object, value: object) -> object:
    if value is None:
        return None
    if isinstance(column_type, SAEnum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    if isinstance(column_type, UTCDateTime | DateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(column_type, Date):
        return date.fromisoformat(str(value))
    return value
