"""Photo evidence attached to an inspection's photo item.

Contract: :func:`record_photo` takes a photo already prepared by
:func:`inspector.media.prepare_photo` (done off the database thread: it is the heavy
part), stores its original, upload copy and thumbnail in the workspace's content store,
then in one transaction records the ``Photo`` row (marked for sync: the record first,
then the upload copy, then the original, as the sync engine's media queue sends them)
and adds the original's SHA-256 to the draft's answer of ``item_key``, so the
checklist's photo counts see it at once and the finding carries it when the inspection
is finalized. The same photo twice is recorded once. An inspection whose place was
not typed at the start takes it from the first photo with a GPS position (marked as
coming from the photo). :func:`attach_photo` prepares and
records in one call (the command line, tests). :func:`photo_thumbnails` reads the
thumbnails the form shows. :func:`stamp_for` words the stamp drawn
on the upload copy: the time in China, the entity, the task and the inspector.

Refused when the inspection is not under way or the item is not a photo item of its
checklist (:class:`~inspector.services.inspections.InspectionError`); a refused file is
:class:`~inspector.media.errors.PhotoRefusedError` from the media layer, and nothing is
stored or recorded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.lifecycles import InspectionStatus
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.content_store import ContentStore
from inspector.db.models import ChecklistDraft, ChecklistVersion, Inspection, MarketEntity, Photo
from inspector.db.models import Task as TaskRow
from inspector.forms.answer_codec import decode_answers, encode_answers
from inspector.forms.checklist import ItemKind, parse_checklist
from inspector.media import PreparedPhoto, StampText, prepare_photo, store_photo
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.inspections import InspectionError
from inspector.services.workspace import Workspace

GPS_SOURCE = "照片 GPS"


@dataclass(frozen=True, slots=True)
class RecordedPhoto:
    photo: str  # the Photo row's uuid
    original_sha256: str
    upload_sha256: str
    thumbnail_sha256: str
    photos_on_item: int
    already_there: bool = False


def stamp_for(workspace: Workspace, actor: Actor, inspection_uuid: str,
              now: datetime | None = None) -> StampText:
    moment = (now or datetime.now(UTC)).astimezone(CHINA_TIME)
    with workspace.store.read() as session:
        inspection = _under_way(session, inspection_uuid)
        entity = session.get_one(MarketEntity, inspection.entity_id)
        task = session.get(TaskRow, inspection.task_id) if inspection.task_id else None
        return StampText(time=moment.strftime("%Y-%m-%d %H:%M"), entity=entity.name,
                         task=task.uuid[:8] if task else "", inspector=actor.name)


def attach_photo(workspace: Workspace, actor: Actor, inspection_uuid: str, item_key: str,
                 source: Path, *, now: datetime | None = None) -> Outcome[RecordedPhoto]:
    stamp = stamp_for(workspace, actor, inspection_uuid, now)
    return record_photo(workspace, actor, inspection_uuid, item_key,
                        prepare_photo(source, stamp=stamp))


def record_photo(workspace: Workspace, actor: Actor, inspection_uuid: str, item_key: str,
                 prepared: PreparedPhoto) -> Outcome[RecordedPhoto]:
    with workspace.store.read() as session:  # refuse before writing any file
        _photo_item(session, _under_way(session, inspection_uuid), item_key)
    stored = store_photo(prepared, ContentStore(workspace.paths.files))
    with workspace.store.write() as session:
        inspection = _under_way(session, inspection_uuid)
        draft = _photo_item(session, inspection, item_key)
        answers = decode_answers(json.loads(draft.answers or "{}"))
        current = answers.get(item_key)
        shas = tuple(current) if isinstance(current, tuple) else ()
        existing = session.scalar(select(Photo).where(
            Photo.inspection_id == inspection.id,
            Photo.original_sha256 == stored.original_sha256))
        if existing is not None and stored.original_sha256 in shas:
            return Outcome(RecordedPhoto(existing.uuid, stored.original_sha256,
                                         stored.upload_sha256, stored.thumbnail_sha256,
                                         len(shas), already_there=True))
        if existing is None:
            existing = Photo(
                inspection_id=inspection.id, original_sha256=stored.original_sha256,
                original_size=stored.original_size, media_type=stored.media_type,
                width=stored.width, height=stored.height,
                captured_at=_utc(stored.captured_at), latitude=stored.latitude,
                longitude=stored.longitude, upload_sha256=stored.upload_sha256,
                thumbnail_sha256=stored.thumbnail_sha256, exif=dict(stored.exif),
                pending=True)
            session.add(existing)
        if stored.original_sha256 not in shas:
            shas = (*shas, stored.original_sha256)
        if not inspection.location and stored.latitude and stored.longitude:
            inspection.location = f"{stored.latitude}, {stored.longitude}（{GPS_SOURCE}）"
        answers[item_key] = shas
        draft.answers = json.dumps(encode_answers(answers), ensure_ascii=False)
        draft.updated_at = datetime.now(UTC)
        session.flush()
        append_event(session, actor=actor, device_id=workspace.store.device_id,
                     action="photo.attached", object_kind="photo", object_id=existing.uuid,
                     payload={"inspection": inspection.uuid, "item": item_key,
                              "original_sha256": stored.original_sha256,
                              "upload_sha256": stored.upload_sha256})
        recorded = RecordedPhoto(existing.uuid, stored.original_sha256, stored.upload_sha256,
                                 stored.thumbnail_sha256, len(shas))
    return Outcome(recorded, frozenset({Topic.DRAFTS, Topic.AUDIT}))


def photo_thumbnails(workspace: Workspace, originals: Sequence[str]) -> dict[str, bytes]:
    """The thumbnails (JPEG bytes) of the photos whose originals are ``originals``, by the
    original's SHA-256; a photo without one on this laptop is left out."""
    files = ContentStore(workspace.paths.files)
    with workspace.store.read() as session:
        pairs = session.execute(select(Photo.original_sha256, Photo.thumbnail_sha256).where(
            Photo.original_sha256.in_(list(originals)))).all()
    return {original: files.path(thumbnail).read_bytes() for original, thumbnail in pairs
            if thumbnail and files.has(thumbnail)}


def _under_way(session: Session, inspection_uuid: str) -> Inspection:
    found = session.scalar(select(Inspection).where(Inspection.uuid == inspection_uuid))
    if found is None or found.status is not InspectionStatus.DRAFT:
        raise InspectionError(LocalText("只能给进行中的检查添加照片",
                                        "photos are added to an inspection under way"))
    return found


def _photo_item(session: Session, inspection: Inspection, item_key: str) -> ChecklistDraft:
    version = session.get_one(ChecklistVersion, inspection.checklist_version_id)
    item = parse_checklist(version.content).items_by_key.get(item_key)
    if item is None or item.kind is not ItemKind.PHOTO:
        raise InspectionError(LocalText(f"题目 {item_key} 不是照片题",
                                        f"item {item_key} is not a photo item"))
    draft = session.scalar(select(ChecklistDraft).where(
        ChecklistDraft.uuid == inspection.draft_uuid))
    if draft is None:
        raise InspectionError(LocalText("找不到本次检查的答案草稿",
                                        "the inspection's answers are missing"))
    return draft


def _utc(moment: datetime | None) -> datetime | None:
    """Stored as UTC; a camera's naive wall clock is taken as China's time."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TIME)
    return aware.astimezone(UTC)
