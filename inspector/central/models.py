"""The central platform's tables, portable between SQLite and PostgreSQL.

Contract: one declarative base with its own naming convention and metadata (the
platform's database is not the laptop's). Datetimes are stored as UTC and returned
aware. Records of every kind share one table: their scope columns (unit, owner) make
feeds and authorisation plain SQL filters, and their ``server_seq`` (from the single
counter row, taken under a lock for the whole push) gives feeds a cursor whose order
is commit order, even with several server processes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
Json = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; naive input is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Unit(Base):
    """An organisational unit (a county bureau, a market-supervision office, a lab)."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(6))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class Account(Base):
    """A person who signs in: role, unit, region, and an Argon2id password hash."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    region_code: Mapped[str] = mapped_column(String(6))
    staff_id: Mapped[str | None] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class Device(Base):
    """An enrolled laptop and the sample-code prefix reserved for it."""

    __tablename__ = "device"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    sample_prefix: Mapped[str] = mapped_column(String(8), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(default=utc_now)
    revoked_at: Mapped[datetime | None]


class AccessToken(Base):
    """A bearer token, stored only as its SHA-256; expires and can be revoked."""

    __tablename__ = "access_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(default=utc_now)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Counter(Base):
    """Named counters; ``records`` hands out ``server_seq`` values under a row lock."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Record(Base):
    """The current version of one record of any kind."""

    __tablename__ = "record"
    __table_args__ = (
        Index("ix_record_feed_seq", "feed", "server_seq"),
        Index("ix_record_kind_unit", "kind", "unit_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"),
                                    primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    feed: Mapped[str] = mapped_column(String(40))
    content_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]] = mapped_column(Json)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    region_code: Mapped[str] = mapped_column(String(6), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    # Who pushed the current version (the owner, or a lead or administrator who edited it).
    pushed_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id"))
    server_seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime] = mapped_column(default=utc_now)


class RecordVersion(Base):
    """The versions a record has had before its current one: nothing accepted is lost."""

    __tablename__ = "record_version"
    __table_args__ = (UniqueConstraint("record_id", "revision"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"),
                                    primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]] = mapped_column(Json)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    received_at: Mapped[datetime] = mapped_column(default=utc_now)


class RecordAudience(Base):
    """Who a record is assigned to (a task's inspectors, by staff id), for ASSIGNED kinds."""

    __tablename__ = "record_audience"
    __table_args__ = (UniqueConstraint("record_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    staff_id: Mapped[str] = mapped_column(String(64), index=True)


class RecordBlob(Base):
    """A file a record declares it needs; the record is complete when all are verified."""

    __tablename__ = "record_blob"
    __table_args__ = (UniqueConstraint("record_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)


class Blob(Base):
    """A verified file in the content-addressed store, or an upload in progress."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    verified_at: Mapped[datetime | None]
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class AuditEvent(Base):
    """The platform's own hash-chained audit log (same chain rules as the laptop's)."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    device_id: Mapped[str] = mapped_column(String(36))
    utc_time: Mapped[str] = mapped_column(String(40))
    device_clock: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(100))
    object_kind: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DeviceCheckpoint(Base):
    """The last cursor of each feed a device reports it has applied."""

    __tablename__ = "device_checkpoint"
    __table_args__ = (UniqueConstraint("device_id", "feed"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"), index=True)
    feed: Mapped[str] = mapped_column(String(40))
    cursor: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
