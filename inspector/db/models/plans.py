"""Inspection plans (抽查计划), their draw protocols, the tasks they produce, who is
assigned to each task, declared conflicts (回避), and the disclosure of results.

``Plan.definition`` is the plan document (format ``inspector-plan-v1``, ``docs/draw.md``).
``Plan.pending_seed`` holds a generated seed between its commitment and the draw; it
never syncs (only its commitment is published before the draw). A task names one entity
and, through :class:`TaskInspector`, a team of at least two inspectors; a drawn task is
``proposed`` until the team lead releases it. :class:`Disclosure` records a team lead's
approval of a completed inspection's result for publication (一公开).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector.core.lifecycles import PlanStatus, TaskRole, TaskSource, TaskStatus
from inspector.db.base import Base, SyncMixin, enum_by_value


class Plan(SyncMixin, Base):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    status: Mapped[PlanStatus] = mapped_column(enum_by_value(PlanStatus, 16))
    definition: Mapped[str] = mapped_column(Text, default="{}")
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    seed_commitment: Mapped[str] = mapped_column(String(64), default="")
    seed_text: Mapped[str] = mapped_column(Text, default="")  # a public text, if derived
    pending_seed: Mapped[str] = mapped_column(String(64), default="")  # secret until drawn


class DrawProtocol(SyncMixin, Base):
    """A draw as it happened: the whole protocol document, immutable once written."""

    __tablename__ = "draw_protocol"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    seed_commitment: Mapped[str] = mapped_column(String(64))
    drawn_at: Mapped[datetime]
    operator: Mapped[str] = mapped_column(String(200))
    document: Mapped[str] = mapped_column(Text)


class DrawRedraw(SyncMixin, Base):
    """A recorded redraw of one team after a recusal declared after the draw; immutable."""

    __tablename__ = "draw_redraw"
    __table_args__ = (UniqueConstraint("protocol_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    protocol_id: Mapped[int] = mapped_column(ForeignKey("draw_protocol.id"), index=True)
    sequence: Mapped[int]
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entity.id"))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    drawn_at: Mapped[datetime]
    operator: Mapped[str] = mapped_column(String(200))
    document: Mapped[str] = mapped_column(Text)


class Task(SyncMixin, Base):
    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entity.id"), index=True)
    source: Mapped[TaskSource] = mapped_column(enum_by_value(TaskSource, 32))
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[TaskStatus] = mapped_column(enum_by_value(TaskStatus, 16), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    protocol_id: Mapped[int | None] = mapped_column(ForeignKey("draw_protocol.id"), index=True)
    check_items: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    released_at: Mapped[datetime | None] = mapped_column(default=None)
    team: Mapped[list[TaskInspector]] = relationship(back_populates="task")


class TaskInspector(Base):
    __tablename__ = "task_inspector"
    __table_args__ = (UniqueConstraint("task_id", "inspector_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspector.id"))
    role: Mapped[TaskRole] = mapped_column(enum_by_value(TaskRole, 16))
    task: Mapped[Task] = relationship(back_populates="team")


class Recusal(SyncMixin, Base):
    """A declared conflict (回避) between an inspector and an entity, with its reason."""

    __tablename__ = "recusal"
    __table_args__ = (UniqueConstraint("inspector_id", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspector.id"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entity.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    declared_on: Mapped[date] = mapped_column(Date)


class Disclosure(SyncMixin, Base):
    """A completed inspection's result, approved by a team lead for publication."""

    __tablename__ = "disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), unique=True)
    approved_at: Mapped[datetime]
    approved_by: Mapped[str] = mapped_column(String(200))
    must_publish: Mapped[bool] = mapped_column(Boolean, default=False)
    abnormal_referral: Mapped[bool] = mapped_column(Boolean, default=False)
    exported_at: Mapped[datetime | None] = mapped_column(default=None)
