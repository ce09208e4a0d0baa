"""Every table of the local store. Importing this package registers them all on ``Base``."""

from inspector.db.models.audit import AuditEvent
from inspector.db.models.checklists import Checklist, ChecklistDraft, ChecklistVersion
from inspector.db.models.directory import Inspector, MarketEntity
from inspector.db.models.inspections import (
    Finding,
    Inspection,
    Photo,
    PhotoAnnotation,
    Referral,
    Signature,
)
from inspector.db.models.plans import (
    Disclosure,
    DrawProtocol,
    DrawRedraw,
    Plan,
    Recusal,
    Task,
    TaskInspector,
)
from inspector.db.models.samples import CustodyEvent, Sample, SamplePortion, SampleSignature
from inspector.db.models.sync_state import BlobUpload, SyncCursor, SyncRecord
from inspector.db.models.workspace import WorkspaceSetting

__all__ = [
    "AuditEvent",
    "BlobUpload",
    "Checklist",
    "ChecklistDraft",
    "ChecklistVersion",
    "CustodyEvent",
    "Disclosure",
    "DrawProtocol",
    "DrawRedraw",
    "Finding",
    "Inspection",
    "Inspector",
    "MarketEntity",
    "Photo",
    "PhotoAnnotation",
    "Plan",
    "Recusal",
    "Referral",
    "Sample",
    "SamplePortion",
    "SampleSignature",
    "Signature",
    "SyncCursor",
    "SyncRecord",
    "Task",
    "TaskInspector",
    "WorkspaceSetting",
]
