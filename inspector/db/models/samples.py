"""Product samples (抽样), their sealed portions and each portion's chain of custody.

``sample_code`` is generated offline (province, year, unit, device prefix, sequence,
check character) and is never reused, even after deletion; tombstones keep it taken.
Custody events are append-only facts: who handed what to whom, when, and the seal state.
The 抽样单's sign-offs (:class:`SampleSignature`) are written once, when the sample is
signed on site, and never change.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.core.lifecycles import CustodyEventKind, PortionRole
from inspector.db.base import Base, SyncMixin, enum_by_value


class Sample(SyncMixin, Base):
    __tablename__ = "sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_code: Mapped[str] = mapped_column(String(40), unique=True)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    sampled_at: Mapped[datetime | None]
    fields: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class SamplePortion(SyncMixin, Base):
    __tablename__ = "sample_portion"
    __table_args__ = (UniqueConstraint("sample_id", "suffix"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("sample.id"), index=True)
    suffix: Mapped[str] = mapped_column(String(8))
    role: Mapped[PortionRole] = mapped_column(enum_by_value(PortionRole, 16))
    quantity: Mapped[str] = mapped_column(String(32), default="")
    unit: Mapped[str] = mapped_column(String(32), default="")
    seal_number: Mapped[str] = mapped_column(String(64), default="")


class CustodyEvent(SyncMixin, Base):
    """One hash-chained custody event of a portion (:mod:`inspector.core.custody`)."""

    __tablename__ = "custody_event"
    __table_args__ = (Index("ix_custody_event_portion_seq", "portion_id", "seq", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    portion_id: Mapped[int] = mapped_column(ForeignKey("sample_portion.id"), index=True)
    kind: Mapped[CustodyEventKind] = mapped_column(enum_by_value(CustodyEventKind, 16))
    occurred_at: Mapped[datetime]
    from_party: Mapped[str] = mapped_column(String(500), default="")
    to_party: Mapped[str] = mapped_column(String(500), default="")
    seal_intact: Mapped[bool | None]
    note: Mapped[str] = mapped_column(Text, default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    actor: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(500), default="")
    result: Mapped[str] = mapped_column(String(8), default="")  # "pass" / "fail"
    report_number: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(String(2000), default="")
    photo_sha256: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class SampleSignature(SyncMixin, Base):
    """One sign-off on a sample's 抽样单: a sampler's or the sampled party's.

    ``image_sha256`` is the PNG in the content store; the party's refusal to sign has no
    image and its ``refusal_reason`` (noted on the form, which stays valid)."""

    __tablename__ = "sample_signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("sample.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # "sampler" | "party"
    staff_id: Mapped[str] = mapped_column(String(64), default="")
    signer_name: Mapped[str] = mapped_column(String(500))
    signed_at: Mapped[datetime]
    image_sha256: Mapped[str | None] = mapped_column(String(64))
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
