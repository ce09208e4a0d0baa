"""Taking a sample from the inspection under way: the wizard with its work attached.

Contract: main thread. :func:`open_sample_wizard` opens a
:class:`~inspector.ui.widgets.sample_wizard.SampleWizard` non-modally for one
inspection under way, follows language switches, and does its work on the DB thread:
taking the sample as the acting user (the service's refusal goes back to the wizard,
which stays on its last page before the code, nothing recorded), then previewing the
first label of the chosen size (rendered from the PDF the printer gets), printing or
saving the new sample's labels and seals through a
:class:`~inspector.ui.pdf_output.PdfOutput` (on a label printer the paper is the
label; an A4 sheet prints on A4), whose messages show in the wizard; collecting the
sign-offs in a :class:`~inspector.ui.widgets.sample_sign_dialog.SampleSignDialog`
(the samplers ticked in the wizard; a refusal stays in the dialog); and printing or
saving the 抽样单 (four copies) and the 样品移交确认单 on A4. The bus tells
the sampling board and the task list about the new sample. The caller keeps the
returned wizard (closing an older one first) and may connect ``take_requested`` no
further: the flow owns it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QWidget

from inspector.labels.sample_label import SIZE_60X40, LabelSize
from inspector.services.sample_signatures import SignedSample
from inspector.services.samples import TakenSample
from inspector.ui import sample_ops
from inspector.ui.context import AppContext
from inspector.ui.pdf_output import PdfOutput, render_pages_op
from inspector.ui.record_printing import A4_MM
from inspector.ui.widgets.feedback import error_text
from inspector.ui.widgets.sample_sign_dialog import SampleSignDialog
from inspector.ui.widgets.sample_wizard import LABEL_SIZES, SampleWizard

# A label shown at about twice its printed size: readable on screen, and its codes scan
# from the screen as they will from the paper.
PREVIEW_DPI = 220


def open_sample_wizard(ctx: AppContext, parent: QWidget | None, inspection_uuid: str,
                       entity_name: str, *, team: Sequence[tuple[str, str]], today: date
                       ) -> SampleWizard:
    wizard = SampleWizard(entity_name, team, today=today, lang=ctx.lang, parent=parent)
    output = PdfOutput(ctx, wizard)
    output.message.connect(wizard.say)
    def taken(result: TakenSample) -> None:
        wizard.taken(result)
        _preview(ctx, wizard)

    wizard.take_requested.connect(lambda form: ctx.db.submit(
        sample_ops.take_sample_op(inspection_uuid, form, ctx.actor),
        on_result=taken,
        on_error=lambda error: wizard.refuse(error_text(ctx.lang, error))))
    wizard.size_box.currentIndexChanged.connect(lambda _index: _preview(ctx, wizard))
    wizard.labels_requested.connect(
        lambda size, seals, printing: _labels(wizard, output, size, seals, printing))
    wizard.document_requested.connect(
        lambda handover, printing: _document(wizard, output, handover, printing))
    wizard.sign_requested.connect(lambda: _sign(ctx, wizard))
    ctx.language_changed.connect(wizard.set_language)
    wizard.open()
    return wizard


def _preview(ctx: AppContext, wizard: SampleWizard) -> None:
    """Render the first label of the chosen size (60 × 40 for a sheet) for the wizard."""
    if wizard.taken_sample is None:
        return
    size = LABEL_SIZES[max(0, wizard.size_box.currentIndex())]
    if size.sheet is not None:
        size = SIZE_60X40
    _name, source = sample_ops.label_pdf_source(wizard.taken_sample.sample_code, size,
                                                seals=False)
    ctx.db.submit(render_pages_op(source, PREVIEW_DPI),
                  on_result=lambda pages: wizard.show_label_preview(pages[0]))


def _labels(wizard: SampleWizard, output: PdfOutput, size: LabelSize, seals: bool,
            printing: bool) -> None:
    if wizard.taken_sample is None:
        return
    name, source = sample_ops.label_pdf_source(wizard.taken_sample.sample_code, size,
                                               seals=seals)
    if printing:
        paper = A4_MM if size.sheet is not None else (size.width, size.height)
        output.print(source, name, paper, size.min_dpi)
    else:
        output.save(source, f"{name}.pdf")


def _document(wizard: SampleWizard, output: PdfOutput, handover: bool, printing: bool) -> None:
    if wizard.taken_sample is None:
        return
    name, source = sample_ops.form_pdf_source(wizard.taken_sample.sample_code,
                                              handover=handover)
    if printing:
        output.print(source, name.removesuffix(".pdf"))
    else:
        output.save(source, name)


def _sign(ctx: AppContext, wizard: SampleWizard) -> SampleSignDialog | None:
    """Open the sign-off dialog for the new sample's party and samplers."""
    taken = wizard.taken_sample
    if taken is None:
        return None
    if wizard.sign_dialog is not None:
        wizard.sign_dialog.close()
    names = dict(wizard.team)
    samplers = [(staff, names.get(staff, staff)) for staff in wizard.form().samplers]
    dialog = SampleSignDialog(taken.sample_code, samplers, parent=wizard)
    code = taken.sample_code

    def signed(done: SignedSample) -> None:
        dialog.finish()
        wizard.say_signed(len(done.signatures))

    dialog.sign_requested.connect(lambda given: ctx.db.submit(
        sample_ops.sign_sample_op(code, given, ctx.actor), on_result=signed,
        on_error=lambda error: dialog.refuse(error_text(ctx.lang, error))))
    ctx.language_changed.connect(lambda _lang: dialog.retranslate())
    wizard.sign_dialog = dialog
    dialog.open()
    return dialog
