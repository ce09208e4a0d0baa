"""The 样品移交确认单 (confirmation of a sample's hand-over to the lab) as an A4 PDF.

Contract: :func:`render_handover_pdf` lays a :class:`~.sample_document.SampleDocument`
out as one form (domain.md §2.4 companion documents, §2.5: each hand-over records who,
when, the seal state and both parties' signatures): the header that scans back (the
sample code in Code 128, each portion's label QR Code); the sample (抽样单编号, 样品名称,
被抽样单位, 抽样日期, 抽样单位, 寄送样品截止日期); 一、移交样品, one row per portion with its
role, quantity, seal number and the seal's state at its latest recorded hand-over;
二、交接记录, every hand-over, transit, receipt, refusal or return in each portion's chain
of custody (from whom, to whom, when, the seal); 三、交接情况, a summary; and boxes for
移交人, 接收人 (each with what the digital record names) and 检验机构（盖章）, signed and
stamped by hand. Nothing recorded prints "—". Deterministic for a given document and
font (the creation date is ``generated_at``); a missing font raises
:class:`~.sample_pdf_parts.SampleFormPdfError`. Pure function; any thread.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align

from inspector.services.pdf_layout import (
    LABEL_FILL,
    WIDTH,
    Cell,
    Row,
    heading,
    heading_row,
    paragraph,
    plain,
    table,
)
from inspector.services.sample_document import FormHandover, FormPortion, SampleDocument
from inspector.services.sample_pdf_parts import (
    SamplePdf,
    creation_date,
    draw_header,
    font_file,
    sign_boxes,
)

HANDOVER_TITLE = "样品移交确认单"
_PORTION_COLUMNS = (56.0, 30.0, 30.0, 36.0, 28.0)
_EVENT_COLUMNS = (16.0, 24.0, 44.0, 44.0, 32.0, 20.0)


def render_handover_pdf(document: SampleDocument, *, font: Path | None = None) -> bytes:
    pdf = SamplePdf(font_file(font), title=f"{HANDOVER_TITLE} {document.sample_code}",
                    subject=document.sample_name,
                    created=creation_date(document.generated_at, document.sampled_at))
    try:
        pdf.start_part(f"{HANDOVER_TITLE} No. {document.sample_code}")
        draw_header(pdf, HANDOVER_TITLE, "", document)
        _about(pdf, document)
        _portions(pdf, document)
        _events(pdf, document)
        _summary(pdf, document)
    except BaseException:
        pdf.abandon()
        raise
    return pdf.finish()


def _about(pdf: FPDF, document: SampleDocument) -> None:
    label, value = 32.0, 58.0

    def pair(name: str, text: str) -> tuple[Cell, Cell]:
        return (plain(label, name, align=Align.C, fill=LABEL_FILL), plain(value, text))

    table(pdf, [
        Row((*pair("抽样单编号", document.sample_code), *pair("样品名称", document.sample_name))),
        Row((*pair("被抽样单位", document.sampled_unit), *pair("抽样日期", document.sampled_at))),
        Row((*pair("抽样单位", document.sampling_unit),
             *pair("寄送样品截止日期", document.delivery_due))),
    ])


def _portions(pdf: FPDF, document: SampleDocument) -> None:
    heading(pdf, "一、移交样品")
    columns = _PORTION_COLUMNS
    rows = [Row((plain(columns[0], p.portion_code, align=Align.C),
                 plain(columns[1], p.role, align=Align.C),
                 plain(columns[2], p.quantity, align=Align.C),
                 plain(columns[3], p.seal_number, align=Align.C),
                 plain(columns[4], _seal_at_hand_over(p), align=Align.C)))
            for p in document.portions] or [Row((plain(WIDTH, "", align=Align.C),))]
    table(pdf, rows, heading_row(*zip(columns, ("份样编号", "用途", "数量", "封样编号",
                                                "移交时封样状态"), strict=True)))


def _seal_at_hand_over(portion: FormPortion) -> str:
    stated = [h.seal for h in portion.handovers if h.seal]
    return stated[-1] if stated else ""


def _events(pdf: FPDF, document: SampleDocument) -> None:
    heading(pdf, "二、交接记录")
    columns = _EVENT_COLUMNS
    rows = [_event_row(p, h) for p in document.portions for h in p.handovers]
    if not rows:
        rows = [Row((plain(WIDTH, "", align=Align.C),))]
    table(pdf, rows, heading_row(*zip(columns, ("份样", "环节", "交出方（移交人）",
                                                "接收方（接收人）", "时间", "封样状态"),
                                      strict=True)))


def _event_row(portion: FormPortion, event: FormHandover) -> Row:
    columns = _EVENT_COLUMNS
    step = f"{event.step}（{event.reason}）" if event.reason else event.step
    return Row((plain(columns[0], portion.suffix, align=Align.C),
                plain(columns[1], step, align=Align.C),
                plain(columns[2], event.from_party),
                plain(columns[3], event.to_party),
                plain(columns[4], event.occurred_at, align=Align.C),
                plain(columns[5], event.seal, align=Align.C)))


def _summary(pdf: FPDF, document: SampleDocument) -> None:
    heading(pdf, "三、交接情况")
    events = [(p, h) for p in document.portions for h in p.handovers]
    if not document.portions:
        paragraph(pdf, "—")
    for portion in document.portions:
        text = "—"
        if portion.handovers:
            last = portion.handovers[-1]
            text = (f"{last.occurred_at} {last.step}，{last.from_party or '—'} → "
                    f"{last.to_party or '—'}，封样{last.seal or '状态未记录'}")
        paragraph(pdf, f"{portion.suffix} {portion.role}：{text}", 9)
    pdf.ln(2)
    last_event = events[-1][1] if events else None
    sign_boxes(pdf, (
        ("移交人（签名）", f"记录：{last_event.from_party}" if last_event else ""),
        ("接收人（签名）", f"记录：{last_event.to_party}" if last_event else ""),
        ("检验机构（盖章）", ""),
    ))
