"""The ops of product sampling (抽样), named ``verb_noun``.

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs
on the DB thread and calls :mod:`inspector.services.samples` (taking a sample),
:mod:`inspector.services.sample_board` (the board and what each task's samples wait
for), :mod:`inspector.services.sample_signatures` (the 抽样单's sign-offs), or the PDF
sources of labels, seals, the 抽样单 and the 样品移交确认单 (rendered on the DB thread,
never the UI's). Results are frozen views or bytes; arguments are copied when the op
is built. A refusal raises ``SampleError`` (or ``LabelError``) with the reason in both
languages, and a refused op writes nothing. ``now`` (when given) is the moment the
service records or judges deadlines at; by default its own clock. The 抽样单's renderer
(fpdf2, half a second to import) is imported at the first form asked for, not with this
module, which the window imports before it first paints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from inspector.core.roles import Actor
from inspector.labels.sample_label import LabelSize
from inspector.services import (
    field_tasks,
    sample_board,
    sample_document,
    sample_labels,
    sample_signatures,
    samples,
)
from inspector.services.changes import Outcome
from inspector.services.reference_data import load_calendar
from inspector.services.sample_board import SampleView, TaskSamplesDue
from inspector.services.sample_signatures import SignedSample
from inspector.services.samples import SampleForm, TakenSample
from inspector.services.signatures import SignatureGiven
from inspector.ui.db_worker import Op, OpEnv
from inspector.ui.pdf_output import PdfSource


def take_sample_op(inspection_uuid: str, form: SampleForm, actor: Actor,
                   now: datetime | None = None) -> Op[TakenSample]:
    def body(env: OpEnv) -> Outcome[TakenSample]:
        return samples.take_sample(env.workspace, actor, inspection_uuid, form, now=now)

    return Op("take_sample", body)


def load_samples(now: datetime, mine_only: bool = False) -> Op[tuple[SampleView, ...]]:
    """The sampling board at ``now``; ``mine_only`` keeps the samples the signed-in
    inspector took (all of them while this laptop knows no staff id)."""
    def body(env: OpEnv) -> tuple[SampleView, ...]:
        store = env.workspace.store
        staff_id = field_tasks.signed_in_staff_id(store) if mine_only else None
        return sample_board.list_samples(store, load_calendar(env.workspace.paths.calendars),
                                         now, staff_id or None)

    return Op("load_samples", body)


def load_samples_due_by_task(now: datetime | None = None
                             ) -> Op[Mapping[str, TaskSamplesDue]]:
    """Per task UUID, its open samples and their earliest deadline (the task list)."""
    def body(env: OpEnv) -> Mapping[str, TaskSamplesDue]:
        return sample_board.due_by_task(sample_board.list_samples(
            env.workspace.store, load_calendar(env.workspace.paths.calendars),
            now or datetime.now(UTC)))

    return Op("load_samples_due_by_task", body)


def sign_sample_op(sample_code: str, signatures: Sequence[SignatureGiven], actor: Actor,
                   now: datetime | None = None) -> Op[SignedSample]:
    given = tuple(signatures)

    def body(env: OpEnv) -> Outcome[SignedSample]:
        return sample_signatures.sign_sample(env.workspace, actor, sample_code, given, now=now)

    return Op("sign_sample", body)


def form_pdf_source(sample_code: str, *, handover: bool) -> tuple[str, PdfSource]:
    """The 抽样单 (four copies) or the 样品移交确认单: a file name, and how the DB thread
    makes its PDF."""
    from inspector.services import sample_form_pdf

    render = (sample_form_pdf.render_handover_pdf if handover
              else sample_form_pdf.render_sampling_form_pdf)
    return (sample_form_pdf.form_file_name(sample_code, handover=handover),
            lambda env: render(sample_document.sample_document(env.workspace, sample_code)))


def label_pdf_source(sample_code: str, size: LabelSize, *, seals: bool
                     ) -> tuple[str, PdfSource]:
    """A name for the document, and how the DB thread makes its PDF."""
    kind = "seals" if seals else "labels"
    return (f"{sample_code}-{kind}-{size.name}",
            lambda env: sample_labels.sample_labels_pdf(env.workspace.store, sample_code, size,
                                                        seals=seals))

