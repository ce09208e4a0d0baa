"""Which local tables sync, and how: one :class:`SyncKind` declaration per record kind.

Contract: :data:`KINDS` lists every kind in dependency order (a record's references
come before it), which is the order pending records are pushed in. The wire names match
the kinds the central platform registers (``inspector/central/kinds``). Adding a kind is
adding its declaration here (and its server-side module); the engine is not touched.
"""

from __future__ import annotations

from collections.abc import Mapping

from inspector.db.models import (
    AuditEvent,
    Checklist,
    ChecklistVersion,
    CustodyEvent,
    DrawProtocol,
    DrawRedraw,
    Finding,
    Inspection,
    Inspector,
    MarketEntity,
    Photo,
    PhotoAnnotation,
    Plan,
    Recusal,
    Referral,
    Sample,
    SamplePortion,
    SampleSignature,
    Signature,
    Task,
)
from inspector.sync.kinds import BlobField, BlobRole, Reference, SyncKind
from inspector.sync.task_team import TASK_TEAM

ENTITY = SyncKind(
    "entity", MarketEntity, feed="directory",
    columns=("identifier", "identifier_kind", "name", "entity_type", "region_code", "address",
             "legal_representative", "industry", "risk_class", "registration_status"))
INSPECTOR = SyncKind(
    "inspector", Inspector, feed="directory",
    columns=("staff_id", "name", "unit", "region_code", "cert_number", "cert_authority",
             "cert_valid_from", "cert_valid_to", "qualifications", "active"))
# Administrators publish checklists; every laptop pulls them. Drafts never leave the
# administrator's laptop (publishing marks a version pending).
CHECKLIST = SyncKind(
    "checklist", Checklist, upstream=True, feed="checklists", columns=("code", "title"))
CHECKLIST_VERSION = SyncKind(
    "checklist_version", ChecklistVersion, upstream=True, feed="checklists",
    columns=("version", "status", "published_at", "content", "content_hash"),
    references={"checklist": Reference("checklist_id", Checklist)})
RECUSAL = SyncKind(
    "recusal", Recusal, upstream=True, feed="directory",
    columns=("reason", "declared_on"),
    references={"inspector": Reference("inspector_id", Inspector),
                "entity": Reference("entity_id", MarketEntity)})
# A plan's pending seed stays on the team lead's laptop: only its commitment travels.
PLAN = SyncKind(
    "plan", Plan, upstream=True, feed="plans",
    columns=("code", "title", "status", "definition", "window_start", "window_end",
             "due_date", "seed_commitment", "seed_text"))
DRAW_PROTOCOL = SyncKind(
    "draw_protocol", DrawProtocol, upstream=True, feed="plans",
    columns=("sha256", "seed_commitment", "drawn_at", "operator", "document"),
    references={"plan": Reference("plan_id", Plan)})
DRAW_REDRAW = SyncKind(
    "draw_redraw", DrawRedraw, upstream=True, feed="plans",
    columns=("sequence", "sha256", "drawn_at", "operator", "document"),
    references={"protocol": Reference("protocol_id", DrawProtocol),
                "entity": Reference("entity_id", MarketEntity)})
# Drawn tasks are local until released (release marks them pending); the platform
# serves each to the inspectors its ``inspectors`` names.
TASK = SyncKind(
    "task", Task, upstream=True, feed="tasks",
    columns=("source", "reason", "status", "due_date", "check_items", "window_start",
             "window_end", "released_at"),
    references={"plan": Reference("plan_id", Plan),
                "entity": Reference("entity_id", MarketEntity),
                "protocol": Reference("protocol_id", DrawProtocol)},
    extension=TASK_TEAM)
INSPECTION = SyncKind(
    "inspection", Inspection, upstream=True, feed="fieldwork",
    columns=("status", "started_at", "started_device_clock", "finalized_at", "result_codes",
             "content_hash", "location", "team", "certificates_shown", "no_conflict_declared",
             "suggested_codes", "result_reason", "revision_reason", "follow_up"),
    references={"task": Reference("task_id", Task),
                "entity": Reference("entity_id", MarketEntity),
                "checklist_version": Reference("checklist_version_id", ChecklistVersion),
                "revision_of": Reference("revision_of_id", Inspection)})
FINDING = SyncKind(
    "finding", Finding, upstream=True, feed="fieldwork",
    columns=("item_key", "answer", "note"),
    references={"inspection": Reference("inspection_id", Inspection)})
PHOTO = SyncKind(
    "photo", Photo, upstream=True, feed="fieldwork",
    columns=("original_sha256", "original_size", "media_type", "width", "height",
             "captured_at", "latitude", "longitude", "upload_sha256", "exif"),
    references={"inspection": Reference("inspection_id", Inspection),
                "finding": Reference("finding_id", Finding)},
    blobs=(BlobField("upload_sha256", BlobRole.UPLOAD_COPY),
           BlobField("original_sha256", BlobRole.ORIGINAL)))
PHOTO_ANNOTATION = SyncKind(
    "photo_annotation", PhotoAnnotation, upstream=True, feed="fieldwork",
    columns=("layer", "layer_sha256", "shapes", "rendered_sha256", "annotated_by"),
    references={"photo": Reference("photo_id", Photo)},
    blobs=(BlobField("rendered_sha256", BlobRole.UPLOAD_COPY),))
SIGNATURE = SyncKind(
    "signature", Signature, upstream=True, feed="fieldwork",
    columns=("role", "staff_id", "signer_name", "signed_at", "image_sha256",
             "refusal_reason"),
    references={"inspection": Reference("inspection_id", Inspection)},
    blobs=(BlobField("image_sha256", BlobRole.SIGNATURE),))
REFERRAL = SyncKind(
    "referral", Referral, upstream=True, feed="fieldwork",
    columns=("recipient_kind", "recipient", "item_keys", "summary", "goods", "status",
             "referred_by", "referred_at", "decision_due", "decided_at", "decision_note",
             "transfer_due", "transferred_at", "package_sha256"),
    references={"inspection": Reference("inspection_id", Inspection)})
SAMPLE = SyncKind(
    "sample", Sample, upstream=True, feed="fieldwork",
    columns=("sample_code", "name", "sampled_at", "fields"),
    references={"inspection": Reference("inspection_id", Inspection),
                "task": Reference("task_id", Task)})
SAMPLE_PORTION = SyncKind(
    "sample_portion", SamplePortion, upstream=True, feed="fieldwork",
    columns=("suffix", "role", "quantity", "unit", "seal_number"),
    references={"sample": Reference("sample_id", Sample)})
SAMPLE_SIGNATURE = SyncKind(
    "sample_signature", SampleSignature, upstream=True, feed="fieldwork",
    columns=("role", "staff_id", "signer_name", "signed_at", "image_sha256",
             "refusal_reason"),
    references={"sample": Reference("sample_id", Sample)},
    blobs=(BlobField("image_sha256", BlobRole.SIGNATURE),))
CUSTODY_EVENT = SyncKind(
    "custody_event", CustodyEvent, upstream=True, feed="fieldwork",
    columns=("kind", "occurred_at", "from_party", "to_party", "seal_intact", "note", "seq",
             "actor", "place", "result", "report_number", "reason", "photo_sha256",
             "prev_hash", "hash"),
    references={"portion": Reference("portion_id", SamplePortion)},
    # A step's photo is small evidence whoever follows the chain needs: it travels as a
    # document, not held back with the photo originals for a fast link.
    blobs=(BlobField("photo_sha256", BlobRole.DOCUMENT),))
DEVICE_AUDIT_EVENT = SyncKind(
    "device_audit_event", AuditEvent, upstream=True, tombstones=False,
    columns=("seq", "actor", "role", "device_id", "utc_time", "device_clock", "action",
             "object_kind", "object_id", "payload", "prev_hash", "hash"))

KINDS: tuple[SyncKind, ...] = (
    ENTITY, INSPECTOR, CHECKLIST, CHECKLIST_VERSION, RECUSAL, PLAN, DRAW_PROTOCOL,
    DRAW_REDRAW, TASK, INSPECTION, FINDING, PHOTO, PHOTO_ANNOTATION, SIGNATURE, REFERRAL,
    SAMPLE, SAMPLE_PORTION, SAMPLE_SIGNATURE, CUSTODY_EVENT, DEVICE_AUDIT_EVENT,
)
BY_NAME: Mapping[str, SyncKind] = {kind.name: kind for kind in KINDS}
FEEDS: tuple[str, ...] = tuple(dict.fromkeys(k.feed for k in KINDS if k.feed is not None))
