"""Checklists and their versions. A published version is immutable.

Immutability is enforced twice: services refuse edits, and a trigger created by the
migration aborts any UPDATE of a published version's content or DELETE of it.
``content`` holds the checklist JSON document (format in ``docs/checklists.md`` once
the checklist engine lands); ``content_hash`` is its SHA-256.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.db.base import Base, SyncMixin, enum_by_value


class Checklist(SyncMixin, Base):
    __tablename__ = "checklist"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    versions: Mapped[list[ChecklistVersion]] = relationship(
        back_populates="checklist", order_by="ChecklistVersion.version"
    )


class ChecklistVersion(SyncMixin, Base):
    __tablename__ = "checklist_version"
    __table_args__ = (UniqueConstraint("checklist_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklist.id"))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[ChecklistVersionStatus] = mapped_column(
        enum_by_value(ChecklistVersionStatus, 16)
    )
    published_at: Mapped[datetime | None]
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    checklist: Mapped[Checklist] = relationship(back_populates="versions")


class ChecklistDraft(Base):
    """A checklist being filled: the working copy of the answers, saved after every edit.

    Pinned to the version it started on (``checklist_version_id``) until the inspector
    moves it to a newer one; ``answers`` is the JSON of
    :func:`inspector.forms.answer_codec.encode_answers`. Drafts stay on the laptop: what
    reaches the central platform is the finished inspection's findings, written from the
    draft when the inspection is finalized.
    """

    __tablename__ = "checklist_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    checklist_version_id: Mapped[int] = mapped_column(ForeignKey("checklist_version.id"),
                                                      index=True)
    subject: Mapped[str] = mapped_column(String(200), default="")  # e.g. "task:<uuid>"
    label: Mapped[str] = mapped_column(String(500), default="")
    answers: Mapped[str] = mapped_column(Text, default="{}")
    moved_from_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
