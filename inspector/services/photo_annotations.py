"""Annotations over a photo of an inspection under way: arrows, circles and text, kept as
a separate layer; the photo's original keeps its bytes and its SHA-256.

Contract:

- :func:`annotation_source` reads what the annotation editor needs for the photo whose
  original is ``original_sha256``: the photo upright at :data:`DISPLAY_EDGE` pixels
  (JPEG), its upright size in original pixels, and its latest saved layer (empty when
  none).
- :func:`save_annotations` checks that the layer fits the photo, renders the annotated
  picture (upload size, JPEG) into the content store, and records a new version of the
  layer (append-only: the latest counts, earlier ones stay; an unchanged layer is not
  recorded again) marked for sync, with an audit event naming the original's SHA-256.
  Only while the photo's inspection is under way: a finalized record does not change.

Refusals are :class:`~inspector.services.inspections.InspectionError` (or the media
layer's :class:`~inspector.media.errors.AnnotationError`), and nothing is written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from inspector.core.lifecycles import InspectionStatus
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.db.content_store import ContentStore
from inspector.db.models import Inspection, Photo, PhotoAnnotation
from inspector.media import AnnotationLayer, render_annotated
from inspector.media.policy import DEFAULT_POLICY
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.inspections import InspectionError
from inspector.services.workspace import Workspace

DISPLAY_EDGE = 1600


@dataclass(frozen=True, slots=True)
class AnnotationSource:
    original_sha256: str
    display_jpeg: bytes  # upright, long edge at most DISPLAY_EDGE
    width: int  # the original's upright size, in pixels
    height: int
    layer: AnnotationLayer


@dataclass(frozen=True, slots=True)
class SavedAnnotations:
    original_sha256: str
    layer_sha256: str
    rendered_sha256: str
    shapes: int
    unchanged: bool = False


def annotation_source(workspace: Workspace, original_sha256: str) -> AnnotationSource:
    files = ContentStore(workspace.paths.files)
    with workspace.store.read() as session:
        photo = _photo(session, original_sha256)
        layer = latest_layer(session, photo.id)
        width, height = photo.width, photo.height
    if not files.has(original_sha256):
        raise InspectionError(LocalText("这张照片的原件不在本机", "the photo's original is "
                                        "not on this laptop"))
    display = render_annotated(files.path(original_sha256).read_bytes(), AnnotationLayer(),
                               long_edge=DISPLAY_EDGE)
    return AnnotationSource(original_sha256, display.data, width, height, layer)


def save_annotations(workspace: Workspace, actor: Actor, original_sha256: str,
                     layer: AnnotationLayer) -> Outcome[SavedAnnotations]:
    files = ContentStore(workspace.paths.files)
    text = layer.to_json()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with workspace.store.read() as session:
        photo = _photo(session, original_sha256)
        _under_way(session, photo)
        layer.check_fits(photo.width, photo.height)
        current = session.scalar(_latest(photo.id))
        if current is not None and current.layer_sha256 == digest:
            return Outcome(SavedAnnotations(original_sha256, digest,
                                            current.rendered_sha256 or "", len(layer.shapes),
                                            unchanged=True))
    rendered = render_annotated(files.path(original_sha256).read_bytes(), layer,
                                long_edge=DEFAULT_POLICY.upload_long_edge,
                                quality=DEFAULT_POLICY.upload_quality)
    files.put_bytes(rendered.data)
    with workspace.store.write() as session:
        photo = _photo(session, original_sha256)
        inspection = _under_way(session, photo)
        row = PhotoAnnotation(photo_id=photo.id, layer=text, layer_sha256=digest,
                              shapes=len(layer.shapes), rendered_sha256=rendered.sha256,
                              annotated_by=actor.name, pending=True)
        session.add(row)
        session.flush()
        append_event(session, actor=actor, device_id=workspace.device_id,
                     action="photo.annotated", object_kind="photo", object_id=photo.uuid,
                     payload={"inspection": inspection.uuid, "original_sha256":
                              original_sha256, "layer_sha256": digest,
                              "shapes": len(layer.shapes),
                              "rendered_sha256": rendered.sha256})
    return Outcome(SavedAnnotations(original_sha256, digest, rendered.sha256,
                                    len(layer.shapes)), frozenset({Topic.DRAFTS, Topic.AUDIT}))


def latest_layer(session: Session, photo_id: int) -> AnnotationLayer:
    row = session.scalar(_latest(photo_id))
    return AnnotationLayer.from_json(row.layer) if row is not None else AnnotationLayer()


def latest_annotations(session: Session, photo_ids: list[int]) -> dict[int, PhotoAnnotation]:
    """The latest annotation version of each photo that has one, by photo id."""
    latest: dict[int, PhotoAnnotation] = {}
    for row in session.scalars(select(PhotoAnnotation).where(
            PhotoAnnotation.photo_id.in_(photo_ids)).order_by(PhotoAnnotation.id)):
        latest[row.photo_id] = row
    return latest


def _latest(photo_id: int) -> Select[PhotoAnnotation]:
    return (select(PhotoAnnotation).where(PhotoAnnotation.photo_id == photo_id)
            .order_by(PhotoAnnotation.id.desc()).limit(1))


def _photo(session: Session, original_sha256: str) -> Photo:
    photo = session.scalar(select(Photo).where(Photo.original_sha256 == original_sha256)
                           .order_by(Photo.id.desc()).limit(1))
    if photo is None:
        raise InspectionError(LocalText(f"没有这张照片（SHA-256 {original_sha256[:12]}…）",
                                        f"no photo {original_sha256[:12]}…"))
    return photo


def _under_way(session: Session, photo: Photo) -> Inspection:
    inspection = session.get(Inspection, photo.inspection_id) if photo.inspection_id else None
    if inspection is None or inspection.status is not InspectionStatus.DRAFT:
        raise InspectionError(LocalText("检查已办结，照片标注不能再改",
                                        "the inspection is finalized: its photos' "
                                        "annotations no longer change"))
    return inspection
