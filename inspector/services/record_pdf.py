"""The printed inspection record (现场检查笔录) as an A4 PDF.

Contract: :func:`render_record_pdf` lays a :class:`~.record_document.RecordDocument` out
on portrait A4 pages (mm units, 15 mm margins) with fpdf2 and returns the PDF's bytes. In
order: the title (and, for a correction, which record it corrects and why); a header
table (task, entity, credit code, address, legal representative, 检查时间 "started 至
finalized", place, checklist); 一、检查人员 (name, 执法证号, issuing authority, then
whether certificates were shown and no conflict of interest was declared); 二、检查情况
(one row per answer under its section's heading row: item, with "（重点）" for key items
and its legal basis in small print under it; the answer, a problem marked 【不符合】 in
red; the note; the photos "照片 1、3"); 三、检查结果 (result labels, the reason a result
differs from the suggestion, follow-up measures); 四、证据清单 (per photo its number,
item, time, place, a thumbnail and its full SHA-256 on one line); 五、签名 (role,
signer, time and the signature image, or "拒绝签名，理由：…"); and last the record's
SHA-256 on one line. Every page's footer says "第 N 页 / 共 M 页". Empty fields print as
"—". Tables break across pages with their heading repeated; a row taller than a page is
split between pages, so nothing is drawn past the bottom margin. Text stays extractable:
the CJK font is embedded as a subset. Output is deterministic for a given document and
font: the PDF's creation date is ``generated_at`` (else ``finalized_at``) read as an ISO
time, China time when it names no zone; only when neither parses is it the current time.

The font is ``font`` when given, else the first CJK font :func:`find_cjk_font` finds;
a missing or unreadable font file, an unreadable signature image (a record must not
silently lose a signature) raise :class:`RecordPdfError`. An unreadable thumbnail prints
"缩略图无法显示" instead: the photo's SHA-256 is the evidence, the thumbnail a courtesy.
Pure function of its arguments; safe in any thread. The text and table layout is
:mod:`.pdf_layout`'s, shared with the sample forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align

from inspector.core.text import LocalText
from inspector.services.pdf_font import checked_cjk_font, unreadable_font
from inspector.services.pdf_layout import (
    BLACK,
    BODY,
    BOTTOM,
    DASH,
    FONT,
    GREY,
    LABEL_FILL,
    MARGIN,
    PAD,
    RED,
    SECTION_FILL,
    SMALL,
    WIDTH,
    Cell,
    Row,
    Run,
    china_time,
    close_fonts,
    fitting_size,
    heading,
    heading_row,
    one_line,
    or_dash,
    paragraph,
    picture,
    plain,
    table,
    text_cell,
)
from inspector.services.record_document import (
    RecordAnswer,
    RecordDocument,
    RecordPhoto,
    RecordSignature,
)


class RecordPdfError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def render_record_pdf(document: RecordDocument, *, font: Path | None = None) -> bytes:
    """The record as PDF bytes (see the module's contract)."""
    pdf = _RecordPdf(document, _font_file(font))
    try:
        pdf.add_page()
        _title(pdf, document)
        _header_table(pdf, document)
        _inspectors(pdf, document)
        _answers(pdf, document.answers)
        _results(pdf, document)
        _evidence(pdf, document.photos)
        _signatures(pdf, document.signatures)
        _closing(pdf, document)
        return bytes(pdf.output())
    finally:
        pdf.close_fonts()


_DOCUMENT = LocalText("检查记录", "record")


def _font_file(font: Path | None) -> Path:
    """The font to embed, checked to be one FreeType reads (fpdf2 then reads it too)."""
    return checked_cjk_font(font, _DOCUMENT, RecordPdfError)


def _font_error(problem: LocalText) -> RecordPdfError:
    return RecordPdfError(unreadable_font(problem, _DOCUMENT))


class _RecordPdf(FPDF):
    """A4 pages in mm with the CJK font loaded, the metadata set and the page footer."""

    def __init__(self, document: RecordDocument, font: Path) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        try:
            self.add_font(FONT, "", str(font), collection_font_number=0)
        except Exception as exc:  # fontTools raises its own (untyped) TTLibError
            raise _font_error(LocalText(f"无法读取字体文件 {font}：{exc}",
                                        f"cannot read the font file {font}: {exc}")) from exc
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=BOTTOM)
        self.c_margin = 0  # cells pad themselves (PAD)
        self.alias_nb_pages()
        self.set_font(FONT, size=BODY)
        self.set_line_width(0.2)
        self._record_hash = document.content_hash
        self._set_metadata(document)

    def _set_metadata(self, document: RecordDocument) -> None:
        self.set_title(f"{document.title} {document.entity_name}".strip())
        self.set_subject(document.task_name)
        self.set_author("、".join(i.name for i in document.inspectors))
        self.set_creator("Inspector")
        self.set_lang("zh-CN")
        created = china_time(document.generated_at) or china_time(document.finalized_at)
        if created is not None:
            self.set_creation_date(created)

    def close_fonts(self) -> None:
        """Closes the font files fontTools keeps open to read glyphs lazily."""
        close_fonts(self)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(*GREY)
        if self._record_hash:
            self.cell(60, 5, f"记录 SHA-256 {self._record_hash[:16]}…", align=Align.L)
        self.set_x(self.l_margin)
        self.cell(WIDTH, 5, f"第 {self.page_no()} 页 / 共 {{nb}} 页", align=Align.C)
        self.set_text_color(*BLACK)


def _yes_no(flag: bool) -> str:
    return "是" if flag else "否"


# -- the record's parts --------------------------------------------------------------------


def _title(pdf: FPDF, document: RecordDocument) -> None:
    paragraph(pdf, or_dash(document.title), 18, bold=True, align=Align.C)
    pdf.ln(2)
    if document.revision_of:
        paragraph(pdf, f"本记录更正 SHA-256 为 {document.revision_of} 的记录，"
                        f"理由：{or_dash(document.revision_reason)}", 9, RED)
        pdf.ln(1)


def _header_table(pdf: FPDF, document: RecordDocument) -> None:
    label, value, wide = 36.0, 54.0, 144.0

    def pair(name: str, text: str) -> tuple[Cell, Cell]:
        return (plain(label, name, align=Align.C, fill=LABEL_FILL), plain(value, text))

    def full(name: str, text: str) -> Row:
        return Row((plain(label, name, align=Align.C, fill=LABEL_FILL), plain(wide, text)))

    time = f"{or_dash(document.started_at)} 至 {or_dash(document.finalized_at)}"
    table(pdf, [
        Row((*pair("任务名称", document.task_name), *pair("任务编号", document.task_code))),
        full("被检查对象", document.entity_name),
        Row((*pair("统一社会信用代码/\n注册号", document.entity_identifier),
              *pair("法定代表人\n（负责人）", document.legal_representative))),
        full("住所地址", document.entity_address),
        full("检查时间", time),
        full("检查地点", document.location),
        full("检查表", document.checklist),
    ])


def _inspectors(pdf: FPDF, document: RecordDocument) -> None:
    heading(pdf, "一、检查人员")
    columns = (14.0, 40.0, 52.0, 74.0)
    rows = [Row((plain(columns[0], str(number), align=Align.C),
                  plain(columns[1], inspector.name, align=Align.C),
                  plain(columns[2], inspector.cert_number, align=Align.C),
                  plain(columns[3], inspector.cert_authority)))
            for number, inspector in enumerate(document.inspectors, start=1)]
    if not rows:
        rows = [Row((plain(WIDTH, DASH, align=Align.C),))]
    table(pdf, rows, heading_row(*zip(columns, ("序号", "姓名", "执法证号", "发证机关"),
                                        strict=True)))
    pdf.ln(2)
    paragraph(pdf, f"已向当事人出示执法证件：{_yes_no(document.certificates_shown)}")
    paragraph(pdf, f"检查人员声明与检查对象无利害关系：{_yes_no(document.no_conflict_declared)}")


_ANSWER_COLUMNS = (12.0, 66.0, 26.0, 52.0, 24.0)


def _answers(pdf: FPDF, answers: Sequence[RecordAnswer]) -> None:
    heading(pdf, "二、检查情况")
    rows: list[Row] = []
    section: str | None = None
    for number, answer in enumerate(answers, start=1):
        if answer.section != section:
            section = answer.section
            rows.append(Row((plain(WIDTH, section, fill=SECTION_FILL, bold=True),),
                             keep_with_next=True))
        rows.append(_answer_row(number, answer))
    if not rows:
        rows.append(Row((plain(WIDTH, DASH, align=Align.C),)))
    table(pdf, rows, heading_row(*zip(
        _ANSWER_COLUMNS, ("序号", "检查事项", "检查结果", "发现问题情况", "证据"), strict=True)))


def _answer_row(number: int, answer: RecordAnswer) -> Row:
    widths = _ANSWER_COLUMNS
    item = [Run(or_dash(answer.label) + ("（重点）" if answer.key_item else ""))]
    if answer.legal_basis.strip():
        item.append(Run(f"依据：{answer.legal_basis}", SMALL, GREY))
    result = [Run(or_dash(answer.answer))]
    if answer.problem:
        result.insert(0, Run("【不符合】", colour=RED, bold=True))
    photos = "、".join(str(n) for n in answer.photo_numbers)
    return Row((
        plain(widths[0], str(number), align=Align.C),
        text_cell(widths[1], *item),
        text_cell(widths[2], *result, align=Align.C),
        plain(widths[3], answer.note),
        plain(widths[4], f"照片 {photos}" if photos else DASH, align=Align.C),
    ))


def _results(pdf: FPDF, document: RecordDocument) -> None:
    heading(pdf, "三、检查结果")
    for label in document.result_labels or (DASH,):
        paragraph(pdf, or_dash(label))
    if document.result_reason.strip():
        paragraph(pdf, f"与建议结果不同的理由：{document.result_reason}")
    paragraph(pdf, "后续处置措施：" + ("" if document.follow_up else DASH))
    for line in document.follow_up:
        paragraph(pdf, f"    {or_dash(line)}")


_PHOTO_COLUMNS = (16.0, 36.0, 128.0)


def _evidence(pdf: FPDF, photos: Sequence[RecordPhoto]) -> None:
    heading(pdf, "四、证据清单")
    if not photos:
        paragraph(pdf, "无照片证据。")
        return
    rows = [_photo_row(pdf, photo) for photo in photos]
    table(pdf, rows, heading_row(*zip(_PHOTO_COLUMNS, ("编号", "缩略图", "说明"),
                                        strict=True)))


def _photo_row(pdf: FPDF, photo: RecordPhoto) -> Row:
    number, thumb, about = _PHOTO_COLUMNS
    shown = picture(photo.thumbnail_jpeg, 30, 40) if photo.thumbnail_jpeg else None
    if shown is not None:
        thumbnail = Cell(thumb, picture=shown)
    else:
        text = "缩略图无法显示" if photo.thumbnail_jpeg else "无缩略图"
        thumbnail = text_cell(thumb, Run(text, SMALL, GREY), align=Align.C)
    sha = f"SHA-256：{or_dash(photo.sha256)}"
    return Row((
        plain(number, f"照片 {photo.number}", align=Align.C),
        thumbnail,
        text_cell(about,
                   Run(f"检查事项：{or_dash(photo.item_label)}"),
                   Run(f"拍摄时间：{or_dash(photo.captured_at)}"),
                   Run(f"拍摄地点：{or_dash(photo.location)}"),
                   *((Run(f"标注：{photo.annotations} 处（另存图层，原件未改动）"),)
                     if photo.annotations else ()),
                   Run(sha, fitting_size(pdf, sha, about - 2 * PAD, 8.5))),
    ))


_SIGNATURE_COLUMNS = (30.0, 34.0, 40.0, 76.0)


def _signatures(pdf: FPDF, signatures: Sequence[RecordSignature]) -> None:
    heading(pdf, "五、签名")
    rows = [_signature_row(signature) for signature in signatures]
    if not rows:
        rows = [Row((plain(WIDTH, "（无签名）", align=Align.C),))]
    table(pdf, rows, heading_row(*zip(
        _SIGNATURE_COLUMNS, ("签名方", "签名人", "签名时间", "签名"), strict=True)))


def _signature_row(signature: RecordSignature) -> Row:
    role, signer, signed_at, mark = _SIGNATURE_COLUMNS
    return Row((
        plain(role, signature.role, align=Align.C),
        plain(signer, signature.signer, align=Align.C),
        plain(signed_at, signature.signed_at, align=Align.C),
        _signature_cell(mark, signature),
    ))


def _signature_cell(width: float, signature: RecordSignature) -> Cell:
    if signature.refusal.strip():
        return text_cell(width, Run(f"拒绝签名，理由：{signature.refusal}", colour=RED))
    if not signature.image_png:
        return plain(width, "（未签名）", align=Align.C)
    image = picture(signature.image_png, 50, 20)
    if image is None:
        raise RecordPdfError(LocalText(
            f"{signature.role}“{signature.signer}”的签名图像无法读取，无法生成检查记录 PDF",
            f"the signature image of {signature.signer} ({signature.role}) cannot be read; "
            "the record PDF was not written"))
    return Cell(width, picture=image)


def _closing(pdf: FPDF, document: RecordDocument) -> None:
    if pdf.y + 20 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(4)
    one_line(pdf, f"记录哈希 SHA-256：{or_dash(document.content_hash)}", 9)
    paragraph(pdf, f"生成时间：{or_dash(document.generated_at)}", 9, GREY)
