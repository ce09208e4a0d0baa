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
    SEALED = "sealed"
    HANDED_OVER = "handed_over"
    RECEIVED = "received"
    REFUSED = "refused"
    RETURNED = "returned"
    DISPOSED = "disposed"
