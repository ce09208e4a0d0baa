"""The 抽样单 (sampling form) and the 样品移交确认单 of a sample, as A4 PDFs.

Contract: :func:`render_sampling_form_pdf` lays a
:class:`~.sample_document.SampleDocument` out as the 抽样单 in four copies (一式四联,
domain.md §2.4 H, :data:`inspector.core.sampling_form.COPIES`), each starting on a new
page with its copy and keeper under the title, and its pages numbered within the copy.
Every copy prints, in order:

- the header (:func:`~.sample_pdf_parts.draw_header`): the sample code in Code 128 and
  each portion's label QR Code, so the paper scans back;
- sections A–E (抽样基本信息, 被抽样单位, 样品信息, (标称)生产者, 抽样单位) as label/value
  pairs, every field of §2.4, an unused one as "—" (抽样单不得留白); F 备注;
- the portions (份样编号, 用途, 数量, 封样编号);
- G: the statement "被抽样单位对抽样程序、过程、封样状态及上述内容无异议", then each
  sign-off (the party's signature image, or "拒绝签名，理由：…"; each sampler's image);
  before the form is signed, a row per signer left free to sign by hand; then boxes for
  the party's seal (or the handler's fingerprint) and the sampling unit's seal;
- 样品交接: the hand-overs recorded so far (交接情况, "—" when none) and boxes for the
  receiver's signature and the lab's seal.

:func:`render_handover_pdf` is :mod:`.sample_handover_pdf`'s 样品移交确认单. Both are
deterministic for a given document and font: the PDF's creation date is the document's
``generated_at`` (China time). The font is ``font`` when given, else the first CJK font
found; a missing font or an unreadable signature image (a form must not silently lose a
signature) raises :class:`~.sample_pdf_parts.SampleFormPdfError`. Pure functions of
their arguments; any thread. :func:`write_sampling_form_pdf` and
:func:`write_handover_pdf` build the document from the store and write the file whole
(:func:`~.file_output.write_file_atomically`); they read the store, so they run where a
store session may (the DB thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align

from inspector.core.sampling_form import COPIES, NO_OBJECTION
from inspector.core.text import LocalText
from inspector.services.file_output import write_file_atomically
from inspector.services.pdf_layout import (
    GREY,
    LABEL_FILL,
    RED,
    SECTION_FILL,
    SMALL,
    WIDTH,
    Cell,
    Row,
    Run,
    heading,
    heading_row,
    paragraph,
    picture,
    plain,
    table,
    text_cell,
)
from inspector.services.sample_document import (
    FormEntry,
    FormSignature,
    SampleDocument,
    sample_document,
)
from inspector.services.sample_handover_pdf import render_handover_pdf
from inspector.services.sample_pdf_parts import (
    SampleFormPdfError,
    SamplePdf,
    creation_date,
    draw_header,
    font_file,
    sign_boxes,
)
from inspector.services.workspace import Workspace

__all__ = [
    "FORM_TITLE",
    "SampleFormPdfError",
    "render_handover_pdf",
    "render_sampling_form_pdf",
    "write_handover_pdf",
    "write_sampling_form_pdf",
]

FORM_TITLE = "抽样单"
_LABEL, _VALUE = 32.0, 58.0
_VALUE_SIZE = 8.5
_PORTION_COLUMNS = (60.0, 36.0, 36.0, 48.0)
_SIGNATURE_COLUMNS = (26.0, 42.0, 34.0, 78.0)


def render_sampling_form_pdf(document: SampleDocument, *, font: Path | None = None) -> bytes:
    pdf = SamplePdf(font_file(font), title=f"{FORM_TITLE} {document.sample_code}",
                    subject=document.sample_name,
                    created=creation_date(document.generated_at, document.sampled_at))
    try:
        for copy in COPIES:
            pdf.start_part(f"{FORM_TITLE} No. {document.sample_code}　{copy.number}")
            draw_header(pdf, FORM_TITLE, copy.title, document)
            _sections(pdf, document)
            _portions(pdf, document)
            _sign_offs(pdf, document)
            _hand_over(pdf, document)
    except BaseException:
        pdf.abandon()
        raise
    return pdf.finish()


def write_sampling_form_pdf(workspace: Workspace, sample_code: str, path: Path, *,
                            font: Path | None = None, now: datetime | None = None) -> Path:
    document = sample_document(workspace, sample_code, now=now)
    write_file_atomically(path, render_sampling_form_pdf(document, font=font))
    return path


def write_handover_pdf(workspace: Workspace, sample_code: str, path: Path, *,
                       font: Path | None = None, now: datetime | None = None) -> Path:
    document = sample_document(workspace, sample_code, now=now)
    write_file_atomically(path, render_handover_pdf(document, font=font))
    return path


def form_file_name(sample_code: str, *, handover: bool = False) -> str:
    """``抽样单-<code>.pdf`` or ``样品移交确认单-<code>.pdf`` (a code is file-name safe)."""
    return f"{'样品移交确认单' if handover else FORM_TITLE}-{sample_code}.pdf"


# -- A to F ------------------------------------------------------------------------------


def _sections(pdf: FPDF, document: SampleDocument) -> None:
    rows: list[Row] = []
    for section in document.sections:
        rows.append(_section_row(section.title))
        rows.extend(_pairs(section.entries))
    rows.append(_section_row("六、备注"))
    rows.append(Row((_label("备注"), plain(WIDTH - _LABEL, document.remarks,
                                           size=_VALUE_SIZE))))
    table(pdf, rows)


def _section_row(title: str) -> Row:
    return Row((plain(WIDTH, title, fill=SECTION_FILL, bold=True),), keep_with_next=True)


def _label(text: str) -> Cell:
    return plain(_LABEL, text, align=Align.C, fill=LABEL_FILL, size=_VALUE_SIZE)


def _pairs(entries: Sequence[FormEntry]) -> list[Row]:
    rows = []
    for start in range(0, len(entries), 2):
        pair = entries[start:start + 2]
        cells: list[Cell] = []
        for entry in pair:
            cells += [_label(entry.label), plain(_VALUE, entry.value, size=_VALUE_SIZE)]
        if len(pair) == 1:  # the last of an odd section spans the row
            cells[-1] = plain(WIDTH - _LABEL, pair[0].value, size=_VALUE_SIZE)
        rows.append(Row(tuple(cells)))
    return rows


def _portions(pdf: FPDF, document: SampleDocument) -> None:
    heading(pdf, "七、样品份样及封样")
    columns = _PORTION_COLUMNS
    rows = [Row((plain(columns[0], p.portion_code, align=Align.C),
                 plain(columns[1], p.role, align=Align.C),
                 plain(columns[2], p.quantity, align=Align.C),
                 plain(columns[3], p.seal_number, align=Align.C)))
            for p in document.portions] or [Row((plain(WIDTH, "", align=Align.C),))]
    table(pdf, rows, heading_row(*zip(columns, ("份样编号", "用途", "数量", "封样编号"),
                                      strict=True)))


# -- G: sign-offs and hand-over ---------------------------------------------------------


def _sign_offs(pdf: FPDF, document: SampleDocument) -> None:
    heading(pdf, "八、签字确认")
    paragraph(pdf, NO_OBJECTION, bold=True)
    pdf.ln(1)
    if document.signatures:
        rows = [_signed_row(s) for s in document.signatures]
    else:
        rows = [_unsigned_row("被抽样单位", ""),
                *(_unsigned_row("抽样人", who) for who in document.samplers)]
    table(pdf, rows, heading_row(*zip(_SIGNATURE_COLUMNS,
                                      ("签名方", "签名人", "签名时间", "签名"), strict=True)))
    pdf.ln(2)
    sign_boxes(pdf, (("被抽样单位（盖章）", "无印章的，由授权经办人签名并按指印"),
                     ("抽样单位（公章）", document.sampling_unit)))


def _signed_row(signature: FormSignature) -> Row:
    role, signer, when, mark = _SIGNATURE_COLUMNS
    return Row((plain(role, signature.role_title, align=Align.C),
                plain(signer, signature.signer, align=Align.C),
                plain(when, signature.signed_at, align=Align.C),
                _signature_cell(mark, signature)))


def _signature_cell(width: float, signature: FormSignature) -> Cell:
    if signature.refusal.strip():
        return text_cell(width, Run(f"拒绝签名，理由：{signature.refusal}", colour=RED))
    if not signature.image_png:
        return text_cell(width, Run("签名图像不在本机（SHA-256 "
                                    f"{signature.image_sha256[:16]}…）", SMALL, GREY))
    image = picture(signature.image_png, 45, 13)
    if image is None:
        raise SampleFormPdfError(LocalText(
            f"{signature.role_title}“{signature.signer}”的签名图像无法读取，无法生成抽样单 PDF",
            f"the signature image of {signature.signer} ({signature.role}) cannot be read; "
            "the sampling form PDF was not written"))
    return Cell(width, picture=image)


def _unsigned_row(role_title: str, signer: str) -> Row:
    """A row to sign by hand: the signature cell is left free, four lines tall."""
    role, name, when, mark = _SIGNATURE_COLUMNS
    return Row((plain(role, role_title, align=Align.C),
                plain(name, signer, align=Align.C),
                text_cell(when, Run("年　月　日", colour=GREY), align=Align.C),
                text_cell(mark, Run("（亲笔签名）\n\n\n", SMALL, GREY))))


def _hand_over(pdf: FPDF, document: SampleDocument) -> None:
    heading(pdf, "九、样品交接")
    lines = [f"{p.suffix} {p.role}：{h.occurred_at} {h.step}，{h.from_party or '—'} → "
             f"{h.to_party or '—'}，封样{h.seal or '状态未记录'}"
             + (f"，{h.reason}" if h.reason else "")
             for p in document.portions for h in p.handovers]
    paragraph(pdf, "交接情况：" + ("" if lines else "—"))
    for line in lines:
        paragraph(pdf, f"    {line}", 9)
    pdf.ln(1)
    received = [h for p in document.portions for h in p.handovers if h.kind == "received"]
    note = "；".join(f"记录：{h.to_party} {h.occurred_at} 收样" for h in received[-1:])
    sign_boxes(pdf, (("收样人签名", note), ("检验机构（公章）", "")))
