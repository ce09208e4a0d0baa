"""The ops of the field screen (任务与检查), named ``verb_noun``.

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on
the DB thread and calls :mod:`inspector.services.field_tasks` (the task list, an
entity's history and fields), :mod:`inspector.services.checklist_drafts` (the answers
of an inspection under way), :mod:`inspector.services.inspections` (starting,
finalizing and correcting under the rules) or
:mod:`inspector.services.inspection_record` (the printable record: as a PDF file, or
as pages rendered for a printer). Results are frozen views; arguments are copied when the op
is built, so the caller may change its own lists while the op waits its turn. Refusals
raise ``InspectionError`` (or ``DraftError``) with the reason in both languages, and a
refused op writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from inspector.core.follow_up import FollowUp
from inspector.core.roles import Actor
from inspector.forms.expressions import Value
from inspector.media import AnnotationLayer, PreparedPhoto, StampText
from inspector.services import (
    checklist_drafts,
    field_tasks,
    inspection_record,
    inspections,
    photo_annotations,
    photos,
)
from inspector.services.changes import Outcome
from inspector.services.checklist_drafts import OpenDraft
from inspector.services.field_tasks import FieldTaskView, PastInspection
from inspector.services.inspections import FinalizedInspection, StartedInspection
from inspector.services.pdf_pages import PageImage, render_pdf_pages
from inspector.services.photo_annotations import AnnotationSource, SavedAnnotations
from inspector.services.photos import RecordedPhoto
from inspector.services.signatures import SignatureGiven
from inspector.ui.db_worker import Op, OpEnv

PRINT_DPI = 200  # sharp on paper; about 12 MB a page in memory


@dataclass(frozen=True, slots=True)
class OpenInspection:
    """An inspection under way, ready for its form: the draft holding its answers (with
    the pinned checklist version), the inspected entity's fields for conditions, and
    the inspectors present (who sign the record)."""

    draft: OpenDraft
    entity: Mapping[str, Value]
    team: tuple[tuple[str, str], ...] = ()  # (staff id, name) of those present


@dataclass(frozen=True, slots=True)
class StartRequest:
    """What the start dialog gathered: who is present, what was declared, where, and
    which checklist (its code; the latest published version is pinned)."""

    team: tuple[str, ...]  # staff ids
    certificates_shown: bool
    no_conflict_declared: bool
    location: str
    checklist: str


@dataclass(frozen=True, slots=True)
class FinalizeRequest:
    """What the finalize dialog gathered: the result (and the reason when it differs from
    the suggestion), the follow-up measures, and the signatures as PNG bytes or the
    party's refusal."""

    codes: tuple[str, ...]
    reason: str
    follow_up: tuple[FollowUp, ...]
    signatures: tuple[SignatureGiven, ...]


def load_field_tasks(today: date, mine_only: bool = False) -> Op[tuple[FieldTaskView, ...]]:
    """The task list; ``mine_only`` keeps the signed-in inspector's own tasks (all of
    them while this laptop has not signed in, so it knows no staff id)."""
    def body(env: OpEnv) -> tuple[FieldTaskView, ...]:
        store = env.workspace.store
        staff_id = field_tasks.signed_in_staff_id(store) if mine_only else None
        return field_tasks.list_field_tasks(store, today, staff_id=staff_id or None)

    return Op("load_field_tasks", body)


def load_entity_history(entity_uuid: str) -> Op[tuple[PastInspection, ...]]:
    return Op("load_entity_history",
              lambda env: field_tasks.entity_history(env.workspace.store, entity_uuid))


def open_inspection_form(draft_uuid: str, entity_uuid: str) -> Op[OpenInspection]:
    def body(env: OpEnv) -> OpenInspection:
        store = env.workspace.store
        return OpenInspection(checklist_drafts.open_draft(store, draft_uuid),
                              field_tasks.entity_fields_for(store, entity_uuid),
                              field_tasks.inspection_team(store, draft_uuid))

    return Op("open_inspection_form", body)


def start_field_inspection(task_uuid: str, request: StartRequest,
                           actor: Actor) -> Op[StartedInspection]:
    def body(env: OpEnv) -> Outcome[StartedInspection]:
        return inspections.start_inspection(
            env.workspace.store, actor, task_uuid, checklist=request.checklist,
            team=request.team, certificates_shown=request.certificates_shown,
            no_conflict_declared=request.no_conflict_declared, location=request.location)

    return Op("start_field_inspection", body)


def finalize_field_inspection(inspection_uuid: str, request: FinalizeRequest,
                              actor: Actor) -> Op[FinalizedInspection]:
    """Finalize with the result, measures and signatures collected in the dialog (the
    signature images are stored here, off the UI thread)."""
    def body(env: OpEnv) -> Outcome[FinalizedInspection]:
        return inspections.finalize_inspection(
            env.workspace, actor, inspection_uuid, result_codes=request.codes,
            reason=request.reason, follow_up=request.follow_up, signatures=request.signatures)

    return Op("finalize_field_inspection", body)


def load_photo_stamp(inspection_uuid: str, actor: Actor) -> Op[StampText]:
    """The words stamped on a photo's upload copy (the Pillow work that uses them runs
    on the compute pool: :func:`inspector.media.prepare_photo`)."""
    return Op("load_photo_stamp",
              lambda env: photos.stamp_for(env.workspace, actor, inspection_uuid))


def record_prepared_photo(inspection_uuid: str, item_key: str, prepared: PreparedPhoto,
                          actor: Actor) -> Op[RecordedPhoto]:
    """Store a prepared photo's files and record it on ``item_key`` (one transaction)."""
    def body(env: OpEnv) -> Outcome[RecordedPhoto]:
        return photos.record_photo(env.workspace, actor, inspection_uuid, item_key, prepared)

    return Op("record_prepared_photo", body)


def save_record_pdf(inspection_uuid: str, path: Path) -> Op[Path]:
    """Write the finalized record's PDF to ``path`` (whole, or not at all)."""
    return Op("save_record_pdf", lambda env: inspection_record.write_record_pdf(
        env.workspace, inspection_uuid, path))


def render_record_pages(inspection_uuid: str, dpi: int = PRINT_DPI
                        ) -> Op[tuple[PageImage, ...]]:
    """The finalized record's pages as pictures, ready for a printer."""
    return Op("render_record_pages", lambda env: render_pdf_pages(
        inspection_record.record_pdf(env.workspace, inspection_uuid), dpi))


def revise_field_inspection(inspection_uuid: str, reason: str,
                            actor: Actor) -> Op[StartedInspection]:
    def body(env: OpEnv) -> Outcome[StartedInspection]:
        return inspections.revise_inspection(env.workspace.store, actor, inspection_uuid,
                                             reason=reason)

    return Op("revise_field_inspection", body)


def load_photo_thumbnails(originals: Sequence[str]) -> Op[dict[str, bytes]]:
    shas = tuple(originals)
    return Op("load_photo_thumbnails",
              lambda env: photos.photo_thumbnails(env.workspace, shas))


def load_annotation_source(original_sha256: str) -> Op[AnnotationSource]:
    """The photo upright at display size, its size and its latest annotation layer (the
    decode runs here, off the UI thread)."""
    return Op("load_annotation_source", lambda env: photo_annotations.annotation_source(
        env.workspace, original_sha256))


def save_photo_annotations(original_sha256: str, layer: AnnotationLayer,
                           actor: Actor) -> Op[SavedAnnotations]:
    def body(env: OpEnv) -> Outcome[SavedAnnotations]:
        return photo_annotations.save_annotations(env.workspace, actor, original_sha256, layer)

    return Op("save_photo_annotations", body)
