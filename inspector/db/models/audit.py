"""The append-only, hash-chained audit log (see :mod:`inspector.core.audit_chain`).

``seq`` is the chain position (1, 2, 3, ...). Times are stored as the ISO strings that
were hashed, so verification never depends on how a driver round-trips datetimes.
Audit events sync upstream like any other record (``pending`` until acknowledged).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.db.base import Base, new_uuid


class AuditEvent(Base):
    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    device_id: Mapped[str] = mapped_column(String(36))
    utc_time: Mapped[str] = mapped_column(String(40))
    device_clock: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(100), index=True)
    object_kind: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    pending: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
