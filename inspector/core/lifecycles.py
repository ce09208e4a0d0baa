"""The states each kind of record moves through, and where a record came from.

Contract: pure enums whose values are stored in the database and sent over the wire.
Later features refine the transitions; the values here are stable identifiers.
"""

from __future__ import annotations

from enum import StrEnum


class ChecklistVersionStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SAVED = "saved"
    DRAWN = "drawn"
    RELEASED = "released"
    CLOSED = "closed"


class TaskSource(StrEnum):
    """Why a task exists: a released draw, an imported assignment package, or ad hoc."""

    DRAW = "draw"
    ASSIGNMENT_PACKAGE = "assignment_package"
    AD_HOC = "ad_hoc"


class TaskStatus(StrEnum):
    PROPOSED = "proposed"  # drawn, awaiting the team lead's release
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class TaskRole(StrEnum):
    """主检 leads, 协检 assists (teams are at least two)."""

    LEAD = "lead"
    ASSIST = "assist"


class InspectionStatus(StrEnum):
    DRAFT = "draft"
    FINALIZED = "finalized"


class PortionRole(StrEnum):
    TEST = "test"
    BACKUP = "backup"
    OTHER = "other"


class CustodyEventKind(StrEnum):
    """What happened to one sealed portion; the order rules are in ``inspector.core.custody``.

    Values are stored in ``custody_event.kind`` (``String(16)``), so none is longer than
    16 characters: 复检 requested is stored as ``recheck_request``.
    """

    COLLECTED = "collected"  # taken from the stock on sale (抽取)
    SEALED = "sealed"  # sealed on the spot (封样)
    SIGNED = "signed"  # seal and 抽样单 signed by samplers and the sampled party
    HANDED_OVER = "handed_over"  # from one party to another, seal state checked
    IN_TRANSIT = "in_transit"  # posted or carried towards the lab
    RECEIVED = "received"  # accepted by the lab, seal intact (收样)
    REFUSED = "refused"  # refused by the lab, with the reason (拒收)
    RETURNED = "returned"  # a refused portion back with the samplers, to be re-sent
    RESULT_RECORDED = "result_recorded"  # pass or fail, with the report number
    RECHECK_REQUESTED = "recheck_request"  # 复检 applied for; the backup goes to a 复检机构
    BACKUP_RETAINED = "backup_retained"  # the lab keeps the 复检备份样品
    BACKUP_RELEASED = "backup_released"  # retention over, handed back (退还)
    BACKUP_DESTROYED = "backup_destroyed"  # retention over, destroyed (销毁)
    DISPOSED = "disposed"  # any other end: tested remains or an unusable portion
