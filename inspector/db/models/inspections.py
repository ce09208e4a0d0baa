"""On-site inspections, their findings, photo evidence, signatures and clue referrals.

A finalized inspection is an append-only fact: a correction is a new row whose
``revision_of_id`` names the one it replaces. Photos and signature images reference the
content-addressed store by SHA-256 of their bytes; a stored file is never rewritten.
Signatures are written with the finalized record and never change. A referral (线索移送)
names the finalized inspection it comes from and carries its own deadlines.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.core.lifecycles import InspectionStatus
from inspector.db.base import Base, SyncMixin, enum_by_value


class Inspection(SyncMixin, Base):
    __tablename__ = "inspection"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entity.id"), index=True)
    checklist_version_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_version.id"))
    status: Mapped[InspectionStatus] = mapped_column(enum_by_value(InspectionStatus, 16))
    started_at: Mapped[datetime | None]
    started_device_clock: Mapped[str] = mapped_column(String(40), default="")
    finalized_at: Mapped[datetime | None]
    result_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    revision_of_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"))
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # On site: where, who (staff ids, at least two), that certificates were shown and
    # that no one present has a conflict (回避) to declare.
    location: Mapped[str] = mapped_column(String(500), default="")
    team: Mapped[list[str]] = mapped_column(JSON, default=list)
    certificates_shown: Mapped[bool] = mapped_column(Boolean, default=False)
    no_conflict_declared: Mapped[bool] = mapped_column(Boolean, default=False)
    # The result: what the engine suggested, and why the inspector chose otherwise.
    suggested_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    result_reason: Mapped[str] = mapped_column(Text, default="")
    revision_reason: Mapped[str] = mapped_column(Text, default="")
    # The answers being filled: a local draft (its uuid; drafts never leave the laptop),
    # turned into findings when the inspection is finalized.
    draft_uuid: Mapped[str | None] = mapped_column(String(36))
    # 后续处置措施: [{"code": "rectify", "deadline": "2026-12-10", "detail": ""}, ...]
    follow_up: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


class Finding(SyncMixin, Base):
    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    item_key: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str] = mapped_column(Text, default="null")
    note: Mapped[str] = mapped_column(Text, default="")
    # Written locked when its inspection is finalized; a trigger then refuses changes.
    locked: Mapped[bool] = mapped_column(Boolean, default=False)


class Photo(SyncMixin, Base):
    __tablename__ = "photo"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("finding.id"))
    original_sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[datetime | None]
    # Decimal degrees as text ("38.1460000"): exact, and no float ever enters a hash.
    latitude: Mapped[str | None] = mapped_column(String(16))
    longitude: Mapped[str | None] = mapped_column(String(16))
    upload_sha256: Mapped[str | None] = mapped_column(String(64))
    # Local only (not synced): the small picture lists and the printed record show.
    thumbnail_sha256: Mapped[str | None] = mapped_column(String(64))
    exif: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class Signature(SyncMixin, Base):
    """One signature on a finalized record: the inspected party's or an inspector's.

    ``image_sha256`` is the PNG in the content store; a refusal to sign has no image and
    its ``refusal_reason`` (《行政处罚法》第五十五条: noted in the record)."""

    __tablename__ = "signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # "party" | "inspector"
    staff_id: Mapped[str] = mapped_column(String(64), default="")
    signer_name: Mapped[str] = mapped_column(String(500))
    signed_at: Mapped[datetime]
    image_sha256: Mapped[str | None] = mapped_column(String(64))
    refusal_reason: Mapped[str] = mapped_column(Text, default="")


class Referral(SyncMixin, Base):
    """A case clue (线索) referred from a finalized inspection, with its deadlines."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    recipient_kind: Mapped[str] = mapped_column(String(16))  # see services.referrals
    recipient: Mapped[str] = mapped_column(String(500))
    item_keys: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    goods: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # 涉案物品清单
    status: Mapped[str] = mapped_column(String(16), index=True)
    referred_by: Mapped[str] = mapped_column(String(200), default="")
    referred_at: Mapped[datetime]
    decision_due: Mapped[datetime]
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    transfer_due: Mapped[datetime | None] = mapped_column(default=None)
    transferred_at: Mapped[datetime | None] = mapped_column(default=None)
    package_sha256: Mapped[str] = mapped_column(String(64), default="")


class PhotoAnnotation(SyncMixin, Base):
    """One saved version of the annotations drawn over a photo (arrows, circles, text),
    as a separate layer: the photo's original never changes. The latest version counts;
    earlier ones stay (append-only)."""

    __tablename__ = "photo_annotation"

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id"), index=True)
    layer: Mapped[str] = mapped_column(Text)  # canonical JSON (media.annotations)
    layer_sha256: Mapped[str] = mapped_column(String(64))
    shapes: Mapped[int] = mapped_column(Integer)
    rendered_sha256: Mapped[str | None] = mapped_column(String(64))  # the annotated JPEG
    annotated_by: Mapped[str] = mapped_column(String(200), default="")
