"""The printable record of a finalized inspection (现场检查笔录), built from the store.

Contract: :func:`record_document` reads a *finalized* inspection (one under way has no
record yet: :class:`~inspector.services.inspections.InspectionError`) and returns its
:class:`~inspector.services.record_document.RecordDocument`: the task and entity, when
and where, the inspectors present with their 执法证号, every finding worded as printed
(:func:`inspector.forms.answer_text.answer_text`) in the checklist's order, the result
with the codebook's labels, the follow-up measures, the photos as a numbered evidence
list (numbered in the order the findings name them; each with the SHA-256 of its
original, how many annotations are drawn over it, and a thumbnail drawn from its
annotated picture or its upload copy, or from the original when neither is on this
laptop), the signatures with their images, and the record's hash
and, for a revision, the hash of the record it corrects. :func:`record_pdf` renders it
(:mod:`.record_pdf`); :func:`write_record_pdf` writes that whole to ``path``
(:func:`record_file_name` suggests the name). Reading only; any thread with a store
session. The renderer (fpdf2) is imported by :func:`record_pdf`, not with this module,
which the window imports through the field screens before it first paints.
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.follow_up import FollowUp, describe_follow_up
from inspector.core.lifecycles import InspectionStatus
from inspector.core.result_codes import BY_CODE
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.content_store import ContentStore
from inspector.db.models import (
    Checklist,
    ChecklistVersion,
    Finding,
    Inspection,
    Inspector,
    MarketEntity,
    Photo,
    Plan,
    Signature,
    Task,
)
from inspector.forms.answer_codec import decode_answers
from inspector.forms.answer_text import EMPTY, answer_text
from inspector.forms.checklist import ItemKind, Severity, parse_checklist
from inspector.services.file_output import write_file_atomically
from inspector.services.inspections import InspectionError
from inspector.services.photo_annotations import latest_annotations
from inspector.services.record_document import (
    RecordAnswer,
    RecordDocument,
    RecordInspector,
    RecordPhoto,
    RecordSignature,
)
from inspector.services.workspace import Workspace

TITLE = "现场检查笔录"
THUMBNAIL_EDGE = 360
_ROLE_TITLES = {"party": "被检查单位负责人", "inspector": "检查人员"}


def record_document(workspace: Workspace, inspection_uuid: str, *,
                    now: datetime | None = None) -> RecordDocument:
    files = ContentStore(workspace.paths.files)
    with workspace.store.read() as session:
        inspection = session.scalar(select(Inspection).where(Inspection.uuid == inspection_uuid))
        if inspection is None:
            raise InspectionError(LocalText(f"没有检查记录 {inspection_uuid}",
                                            f"no inspection {inspection_uuid}"))
        if inspection.status is not InspectionStatus.FINALIZED:
            raise InspectionError(LocalText("检查尚未办结，还没有可打印的笔录",
                                            "the inspection is not finalized: no record yet"))
        return _document(session, files, inspection, now or datetime.now(UTC))


def record_pdf(workspace: Workspace, inspection_uuid: str) -> bytes:
    from inspector.services.record_pdf import render_record_pdf

    return render_record_pdf(record_document(workspace, inspection_uuid))


def write_record_pdf(workspace: Workspace, inspection_uuid: str, path: Path) -> Path:
    write_file_atomically(path, record_pdf(workspace, inspection_uuid))
    return path


def record_file_name(entity_name: str, content_hash: str) -> str:
    """``现场检查笔录-<entity>-<hash prefix>.pdf``, safe on every file system."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", entity_name).strip("_") or "record"
    return f"{TITLE}-{name}-{content_hash[:12]}.pdf"


def _document(session: Session, files: ContentStore, inspection: Inspection,
              now: datetime) -> RecordDocument:
    entity = session.get_one(MarketEntity, inspection.entity_id)
    task = session.get(Task, inspection.task_id) if inspection.task_id else None
    plan = session.get(Plan, task.plan_id) if task is not None and task.plan_id else None
    version = session.get_one(ChecklistVersion, inspection.checklist_version_id)
    code = session.get_one(Checklist, version.checklist_id).code
    checklist = parse_checklist(version.content)
    findings = list(session.scalars(select(Finding).where(
        Finding.inspection_id == inspection.id).order_by(Finding.id)))
    answers = {f.item_key: decode_answers({f.item_key: json.loads(f.answer)}).get(f.item_key)
               for f in findings}
    numbers: dict[str, int] = {}  # original's SHA-256 -> evidence number
    item_of: dict[str, str] = {}
    for finding in findings:
        item = checklist.items_by_key.get(finding.item_key)
        value = answers[finding.item_key]
        if item is None or item.kind is not ItemKind.PHOTO or not isinstance(value, tuple):
            continue
        for sha in value:
            if sha not in numbers:
                numbers[sha], item_of[sha] = len(numbers) + 1, item.label
    section_of = {item.key: section.title for section in checklist.sections
                  for item in section.items}
    rows = []
    for finding in findings:
        item = checklist.items_by_key.get(finding.item_key)
        if item is None or item.kind is ItemKind.GUIDANCE:
            continue
        value = answers[finding.item_key]
        shas = value if isinstance(value, tuple) and item.kind is ItemKind.PHOTO else ()
        rows.append(RecordAnswer(
            section=section_of.get(item.key, ""), label=item.label,
            answer=answer_text(item, value), note=finding.note, legal_basis=item.basis,
            key_item=item.severity is Severity.KEY, problem=value == "不符合",
            photo_numbers=tuple(numbers[s] for s in shas if s in numbers)))
    revision_of = (session.get_one(Inspection, inspection.revision_of_id)
                   if inspection.revision_of_id else None)
    return RecordDocument(
        title=TITLE, task_name=plan.title if plan else _task_name(task),
        task_code=plan.code if plan else (task.uuid[:8] if task else EMPTY),
        entity_name=entity.name, entity_identifier=entity.identifier,
        entity_address=entity.address, legal_representative=entity.legal_representative,
        started_at=_clock(inspection.started_at), finalized_at=_clock(inspection.finalized_at),
        location=inspection.location,
        checklist=f"{code} {checklist.title} 第 {version.version} 版",
        inspectors=_inspectors(session, inspection.team),
        certificates_shown=inspection.certificates_shown,
        no_conflict_declared=inspection.no_conflict_declared,
        answers=tuple(rows),
        result_labels=tuple(f"{c} {BY_CODE[c].label}" if c in BY_CODE else c
                            for c in inspection.result_codes),
        result_reason=inspection.result_reason,
        follow_up=tuple(describe_follow_up(_measure(m)).zh for m in inspection.follow_up),
        photos=_photos(session, files, numbers, item_of),
        signatures=_signatures(session, files, inspection),
        content_hash=inspection.content_hash,
        revision_of=revision_of.content_hash if revision_of is not None else "",
        revision_reason=inspection.revision_reason, generated_at=_clock(now))


def _task_name(task: Task | None) -> str:
    if task is None:
        return EMPTY
    return f"临时任务：{task.reason}" if task.reason else "检查任务"


def _inspectors(session: Session, team: list[str]) -> tuple[RecordInspector, ...]:
    people = {p.staff_id: p for p in session.scalars(
        select(Inspector).where(Inspector.staff_id.in_(team)))}
    return tuple(RecordInspector(people[s].name, s, people[s].cert_number,
                                 people[s].cert_authority) if s in people
                 else RecordInspector(s, s, "", "") for s in team)


def _photos(session: Session, files: ContentStore, numbers: dict[str, int],
            item_of: dict[str, str]) -> tuple[RecordPhoto, ...]:
    rows = {p.original_sha256: p for p in session.scalars(
        select(Photo).where(Photo.original_sha256.in_(list(numbers))).order_by(Photo.id))}
    annotated = latest_annotations(session, [p.id for p in rows.values()])
    photos = []
    for sha, number in numbers.items():
        row = rows.get(sha)
        location = (f"{row.latitude}, {row.longitude}"
                    if row is not None and row.latitude and row.longitude else "")
        layer = annotated.get(row.id) if row is not None else None
        shown = layer.rendered_sha256 if layer is not None else None
        photos.append(RecordPhoto(
            number=number, item_label=item_of.get(sha, ""), sha256=sha,
            captured_at=_clock(row.captured_at) if row is not None and row.captured_at else "",
            location=location, thumbnail_jpeg=_thumbnail(files, shown or (
                row.upload_sha256 if row is not None else None), sha),
            annotations=layer.shapes if layer is not None else 0))
    return tuple(photos)


def _thumbnail(files: ContentStore, shown: str | None, sha: str) -> bytes:
    """A small JPEG of the photo as shown (annotated, or its stamped upload copy) or,
    failing that, as taken."""
    for source in (shown, sha):
        if not source or not files.has(source):
            continue
        try:
            with Image.open(files.path(source)) as image:
                image.draft("RGB", (THUMBNAIL_EDGE, THUMBNAIL_EDGE))
                picture = image.convert("RGB")
                picture.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE))
                buffer = io.BytesIO()
                picture.save(buffer, "JPEG", quality=80)
                return buffer.getvalue()
        except (UnidentifiedImageError, OSError):
            continue
    return b""


def _signatures(session: Session, files: ContentStore,
                inspection: Inspection) -> tuple[RecordSignature, ...]:
    signatures = []
    for row in session.scalars(select(Signature).where(
            Signature.inspection_id == inspection.id).order_by(Signature.id)):
        image = (files.path(row.image_sha256).read_bytes()
                 if row.image_sha256 and files.has(row.image_sha256) else b"")
        signer = f"{row.signer_name}（{row.staff_id}）" if row.staff_id else row.signer_name
        signatures.append(RecordSignature(
            role=_ROLE_TITLES.get(row.role, row.role), signer=signer or EMPTY,
            signed_at=_clock(row.signed_at), image_png=image, refusal=row.refusal_reason))
    return tuple(signatures)


def _measure(entry: dict[str, str]) -> FollowUp:
    deadline = entry.get("deadline")
    return FollowUp(entry["code"], datetime.fromisoformat(deadline).date() if deadline else None,
                    entry.get("detail", ""))


def _clock(moment: datetime | None) -> str:
    if moment is None:
        return EMPTY
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
