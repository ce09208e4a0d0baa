"""What the 抽样单 and the 样品移交确认单 have in common on paper: the font, the page
footer, the scannable header and the boxes signed or stamped by hand.

Contract: :func:`font_file` is the CJK font to embed (``font`` when given, else the
first :func:`~inspector.media.fonts.find_cjk_font` finds), checked to be one FreeType
reads; a missing or unreadable one raises :class:`SampleFormPdfError` saying what to
install. :class:`SamplePdf` is portrait A4 in mm (:mod:`.pdf_layout`'s margins) with the
font loaded, the metadata set (the creation date is the one given, so output is
deterministic) and numbered *parts*: :meth:`SamplePdf.start_part` opens one (a copy of
the form) on a new page, and :meth:`SamplePdf.write_footers` writes on every page, once
all is drawn, "<part> · 第 N 页 / 共 M 页" counted within its part. :func:`draw_header`
draws the title, a subtitle (the copy) and the symbols that make the paper scan back:
the sample code in Code 128 (modules of :data:`CODE128_MODULE_MM`, wide enough for a
203 dpi scan, the code in text under it) and, right of it, the QR Code of each
portion's label payload (the first :data:`MAX_HEADER_QR`; a sample has two) captioned
with the portion and its role.
:func:`sign_boxes` draws a row of empty boxes to sign or stamp by hand, each with its
caption and any note (what the digital record says). Pure drawing; any thread, one PDF
per thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align

from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.services.pdf_font import checked_cjk_font, unreadable_font
from inspector.services.pdf_layout import (
    BODY,
    BOTTOM,
    FONT,
    GREY,
    MARGIN,
    WIDTH,
    close_fonts,
    line_height,
    paragraph,
    style,
    wrap_text,
)
from inspector.services.pdf_symbols import draw_code128, draw_qr, qr_side
from inspector.services.sample_document import SampleDocument

CODE128_MODULE_MM = 0.38  # 3 dots of a 203 dpi printer or scanner
CODE128_HEIGHT_MM = 12.0
QR_MODULE_MM = 0.6
MAX_HEADER_QR = 4
_FALLBACK_DATE = datetime(2000, 1, 1, tzinfo=CHINA_TIME)


class SampleFormPdfError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


_DOCUMENT = LocalText("抽样单据", "sampling form")


def font_file(font: Path | None) -> Path:
    """The font to embed, checked to be one FreeType reads (fpdf2 then reads it too)."""
    return checked_cjk_font(font, _DOCUMENT, SampleFormPdfError)


def _font_error(problem: LocalText) -> SampleFormPdfError:
    return SampleFormPdfError(unreadable_font(problem, _DOCUMENT))


def creation_date(*texts: str) -> datetime:
    """The first of ``texts`` that reads as a time ("2026-11-30 09:30", China time when
    it names no zone); a fixed date when none does (output stays deterministic)."""
    for text in texts:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TIME)
    return _FALLBACK_DATE


class SamplePdf(FPDF):
    """A4 in mm, the CJK font loaded, metadata set, pages numbered per part."""

    def __init__(self, font: Path, *, title: str, subject: str, created: datetime) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        try:
            self.add_font(FONT, "", str(font), collection_font_number=0)
        except Exception as exc:  # fontTools raises its own (untyped) TTLibError
            raise _font_error(LocalText(f"无法读取字体文件 {font}：{exc}",
                                        f"cannot read the font file {font}: {exc}")) from exc
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=BOTTOM)
        self.c_margin = 0
        self.set_font(FONT, size=BODY)
        self.set_line_width(0.2)
        self.set_title(title)
        self.set_subject(subject)
        self.set_creator("Inspector")
        self.set_lang("zh-CN")
        self.set_creation_date(created)
        self._parts: list[tuple[int, str]] = []  # (first page, footer label)

    def start_part(self, label: str) -> None:
        self.add_page()
        self._parts.append((self.page_no(), label))

    def write_footers(self) -> None:
        last = self.page
        self.set_auto_page_break(auto=False)
        bounds = [*(first for first, _ in self._parts[1:]), last + 1]
        for (first, label), after in zip(self._parts, bounds, strict=True):
            for page in range(first, after):
                self.page = page
                self.set_xy(self.l_margin, self.h - 12)
                with style(self, 8, GREY):
                    self.cell(WIDTH, 5, f"{label}　第 {page - first + 1} 页 / 共 "
                              f"{after - first} 页", align=Align.C)
        self.page = last
        self.set_auto_page_break(auto=True, margin=BOTTOM)

    def finish(self) -> bytes:
        """The PDF's bytes, footers written; the font files closed."""
        try:
            self.write_footers()
            return bytes(self.output())
        finally:
            close_fonts(self)

    def abandon(self) -> None:
        """Closes the font files of a PDF that will not be finished."""
        close_fonts(self)


def draw_header(pdf: FPDF, title: str, subtitle: str, document: SampleDocument) -> None:
    paragraph(pdf, title, 18, bold=True, align=Align.C)
    if subtitle:
        paragraph(pdf, subtitle, 11, align=Align.C)
    pdf.ln(2)
    top = pdf.y
    code = document.sample_code
    width = draw_code128(pdf, code, pdf.l_margin, top, module=CODE128_MODULE_MM,
                         height=CODE128_HEIGHT_MM)
    pdf.set_xy(pdf.l_margin, top + CODE128_HEIGHT_MM + 1)
    with style(pdf, 10):
        pdf.cell(width, line_height(10), f"No. {code}", align=Align.C)
    bottom = top + CODE128_HEIGHT_MM + 1 + line_height(10)
    portions = document.portions[:MAX_HEADER_QR]
    x = pdf.l_margin + WIDTH
    for portion in reversed(portions):
        side = qr_side(portion.qr_payload, QR_MODULE_MM)
        x -= side
        draw_qr(pdf, portion.qr_payload, x, top - 2, module=QR_MODULE_MM)
        pdf.set_xy(x, top - 2 + side)
        with style(pdf, 7, GREY):
            pdf.cell(side, line_height(7), f"{portion.suffix} {portion.role}", align=Align.C)
        bottom = max(bottom, top - 2 + side + line_height(7))
        x -= 3
    pdf.set_xy(pdf.l_margin, bottom + 2)


def sign_boxes(pdf: FPDF, boxes: Sequence[tuple[str, str]], height: float = 22.0) -> None:
    """A row of boxes across the page: (caption, note) each; signed or stamped by hand."""
    if pdf.y + height > pdf.page_break_trigger:
        pdf.add_page()
    width = WIDTH / len(boxes)
    top = pdf.y
    for index, (caption, note) in enumerate(boxes):
        x = pdf.l_margin + index * width
        pdf.rect(x, top, width, height)
        pdf.set_xy(x + 1.5, top + 1.5)
        with style(pdf, 9, bold=True):
            pdf.cell(width - 3, line_height(9), caption)
        y = top + 1.5 + line_height(9)
        with style(pdf, 7.5, GREY):
            for line in wrap_text(pdf, note, width - 3) if note else ():
                pdf.set_xy(x + 1.5, y)
                pdf.cell(width - 3, line_height(7.5), line)
                y += line_height(7.5)
        pdf.set_xy(x + 1.5, top + height - 1.5 - line_height(8))
        with style(pdf, 8, GREY):
            pdf.cell(width - 3, line_height(8), "年　　月　　日", align=Align.R)
    pdf.set_xy(pdf.l_margin, top + height)
