"""Inspection plans (抽查计划), the tasks they produce, and who is assigned to each task.

``Plan.definition`` is the plan document (filters, strata, pool, window; format in
``docs/draw.md`` once the draw lands). A task names one entity and, through
:class:`TaskInspector`, a team of at least two inspectors.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
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


class Task(SyncMixin, Base):
    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entity.id"), index=True)
    source: Mapped[TaskSource] = mapped_column(enum_by_value(TaskSource, 32))
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[TaskStatus] = mapped_column(enum_by_value(TaskStatus, 16), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    team: Mapped[list[TaskInspector]] = relationship(back_populates="task")


class TaskInspector(Base):
    __tablename__ = "task_inspector"
    __table_args__ = (UniqueConstraint("task_id", "inspector_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspector.id"))
    role: Mapped[TaskRole] = mapped_column(enum_by_value(TaskRole, 16))
    task: Mapped[Task] = relationship(back_populates="team")
