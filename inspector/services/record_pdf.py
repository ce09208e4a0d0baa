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
Pure function of its arguments; safe in any thread.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, TextMode, XPos, YPos
from fpdf.fonts import TTFFont
from PIL import Image

from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.media.errors import StampFontError
from inspector.media.fonts import find_cjk_font, load_font
from inspector.services.record_document import (
    RecordAnswer,
    RecordDocument,
    RecordPhoto,
    RecordSignature,
)

_FONT = "cjk"
_MARGIN = 15.0  # mm, left, right and top
_BOTTOM = 18.0  # mm kept free for the footer
_WIDTH = 180.0  # A4 210 mm minus the margins
_PAD = 1.5  # mm inside a table cell
_BODY = 10.0  # pt
_SMALL = 7.5
_DASH = "—"
_BLACK = (0, 0, 0)
_GREY = (90, 90, 90)
_RED = (190, 0, 0)
_LABEL_FILL = (235, 235, 235)
_SECTION_FILL = (215, 215, 215)
_MM_PER_PT = 25.4 / 72

Colour = tuple[int, int, int]


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


def _font_file(font: Path | None) -> Path:
    """The font to embed, checked to be one FreeType reads (fpdf2 then reads it too)."""
    try:
        path = find_cjk_font(font)
    except StampFontError as exc:
        if font is None:
            raise RecordPdfError(LocalText(
                "找不到中文字体，无法生成检查记录 PDF；请安装 fonts-wqy-microhei",
                "no Chinese font found to write the record PDF; install fonts-wqy-microhei",
            )) from None
        raise _font_error(exc.text) from None
    try:
        load_font(path, 12)
    except StampFontError as exc:
        raise _font_error(exc.text) from None
    return path


def _font_error(problem: LocalText) -> RecordPdfError:
    return RecordPdfError(LocalText(
        f"{problem.zh}；无法生成检查记录 PDF（可安装 fonts-wqy-microhei 并改正字体设置）",
        f"{problem.en}; the record PDF cannot be written (install fonts-wqy-microhei "
        "and correct the font setting)"))


class _RecordPdf(FPDF):
    """A4 pages in mm with the CJK font loaded, the metadata set and the page footer."""

    def __init__(self, document: RecordDocument, font: Path) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        try:
            self.add_font(_FONT, "", str(font), collection_font_number=0)
        except Exception as exc:  # fontTools raises its own (untyped) TTLibError
            raise _font_error(LocalText(f"无法读取字体文件 {font}：{exc}",
                                        f"cannot read the font file {font}: {exc}")) from exc
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(auto=True, margin=_BOTTOM)
        self.c_margin = 0  # cells pad themselves (_PAD)
        self.alias_nb_pages()
        self.set_font(_FONT, size=_BODY)
        self.set_line_width(0.2)
        self._record_hash = document.content_hash
        self._set_metadata(document)

    def _set_metadata(self, document: RecordDocument) -> None:
        self.set_title(f"{document.title} {document.entity_name}".strip())
        self.set_subject(document.task_name)
        self.set_author("、".join(i.name for i in document.inspectors))
        self.set_creator("Inspector")
        self.set_lang("zh-CN")
        created = _china_time(document.generated_at) or _china_time(document.finalized_at)
        if created is not None:
            self.set_creation_date(created)

    def close_fonts(self) -> None:
        """Closes the font files fontTools keeps open to read glyphs lazily."""
        for loaded in self.fonts.values():
            if isinstance(loaded, TTFFont):
                loaded.ttfont.close()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(_FONT, size=8)
        self.set_text_color(*_GREY)
        if self._record_hash:
            self.cell(60, 5, f"记录 SHA-256 {self._record_hash[:16]}…", align=Align.L)
        self.set_x(self.l_margin)
        self.cell(_WIDTH, 5, f"第 {self.page_no()} 页 / 共 {{nb}} 页", align=Align.C)
        self.set_text_color(*_BLACK)


def _china_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TIME)


def _or_dash(text: str) -> str:
    return text if text.strip() else _DASH


def _yes_no(flag: bool) -> str:
    return "是" if flag else "否"


def _line_height(size: float) -> float:
    return size * _MM_PER_PT * 1.4


# -- blocks of text ----------------------------------------------------------------------


@contextmanager
def _style(pdf: FPDF, size: float, colour: Colour = _BLACK, *,
           bold: bool = False) -> Iterator[None]:
    """Font size and colour for the text drawn inside; bold is fill + a thin outline (the
    CJK font has no bold face)."""
    pdf.set_font_size(size)
    pdf.set_text_color(*colour)
    if bold:
        with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=0.1,
                               draw_color=colour):
            yield
    else:
        yield
    pdf.set_font_size(_BODY)
    pdf.set_text_color(*_BLACK)


def _paragraph(pdf: FPDF, text: str, size: float = _BODY, colour: Colour = _BLACK, *,
               bold: bool = False, align: Align = Align.L) -> None:
    with _style(pdf, size, colour, bold=bold):
        for line in _wrap_text(pdf, text, _WIDTH):
            pdf.cell(_WIDTH, _line_height(size), line, align=align,
                     new_x=XPos.LMARGIN, new_y=YPos.NEXT)


# Chinese line breaking: a line never starts with a closing mark nor ends with an opening one.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕…—·,.;:?!)]}%")
_NO_LINE_END = frozenset("（《「『【〔([{")
_BREAK_UNITS = re.compile(r"[!-~]+| +|.")  # a Latin word or number, spaces, one character


def _wrap_text(pdf: FPDF, text: str, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` at the current font size, broken between
    Chinese characters and at spaces, never inside a Latin word or number (a hash, a
    licence number) that fits on a line; ``\\n`` starts a new line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for unit in _break_units(pdf, paragraph, width):
            if line.strip() and pdf.get_string_width(line + unit) > width:
                lines.append(line.rstrip())
                line = unit.lstrip()
            else:
                line += unit
        lines.append(line.rstrip())
    return lines


def _break_units(pdf: FPDF, text: str, width: float) -> Iterator[str]:
    units: list[str] = []
    for token in _BREAK_UNITS.findall(text):
        if units and (token[0] in _NO_LINE_START or units[-1][-1] in _NO_LINE_END):
            units[-1] += token
        else:
            units.append(token)
    for unit in units:
        if pdf.get_string_width(unit) <= width:
            yield unit
        else:
            yield from _chop(pdf, unit, width)


def _chop(pdf: FPDF, unit: str, width: float) -> Iterator[str]:
    """A unit wider than a whole line, in pieces that fit."""
    piece = ""
    for char in unit:
        if piece and pdf.get_string_width(piece + char) > width:
            yield piece
            piece = ""
        piece += char
    yield piece


def _one_line(pdf: FPDF, text: str, size: float) -> None:
    """``text`` on one line, smaller if need be, so that a hash is never broken."""
    size = _fitting_size(pdf, text, _WIDTH, size)
    with _style(pdf, size):
        pdf.cell(_WIDTH, _line_height(size), text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _fitting_size(pdf: FPDF, text: str, width: float, size: float) -> float:
    pdf.set_font_size(size)
    natural = pdf.get_string_width(text)
    pdf.set_font_size(_BODY)
    return size if natural <= width else size * width / natural * 0.99


def _heading(pdf: FPDF, text: str) -> None:
    """A section heading, on a new page when fewer than 25 mm would follow it."""
    if pdf.y + 25 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(3)
    _paragraph(pdf, text, 12, bold=True)
    pdf.ln(1)


# -- tables --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Run:
    """One paragraph of a cell, in one size and colour."""

    text: str
    size: float = _BODY
    colour: Colour = _BLACK
    bold: bool = False


@dataclass(frozen=True, slots=True)
class _Picture:
    data: bytes
    width: float  # mm on the page
    height: float


@dataclass(frozen=True, slots=True)
class _Cell:
    width: float
    runs: tuple[_Run, ...] = ()
    align: Align = Align.L
    fill: Colour | None = None
    picture: _Picture | None = None


@dataclass(frozen=True, slots=True)
class _Row:
    cells: tuple[_Cell, ...]
    keep_with_next: bool = False  # a section heading row is not left alone at a page's foot


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    run: _Run

    @property
    def height(self) -> float:
        return _line_height(self.run.size)


@dataclass(frozen=True, slots=True)
class _LaidCell:
    cell: _Cell
    lines: tuple[_Line, ...]

    @property
    def height(self) -> float:
        text = sum(line.height for line in self.lines)
        picture = self.cell.picture.height if self.cell.picture else 0.0
        return max(text, picture) + 2 * _PAD


def _text_cell(width: float, *runs: _Run, align: Align = Align.L,
               fill: Colour | None = None) -> _Cell:
    return _Cell(width, tuple(runs), align, fill)


def _plain(width: float, text: str, *, align: Align = Align.L,
           fill: Colour | None = None, bold: bool = False) -> _Cell:
    return _text_cell(width, _Run(_or_dash(text), bold=bold), align=align, fill=fill)


def _heading_row(*columns: tuple[float, str]) -> _Row:
    return _Row(tuple(_plain(width, text, align=Align.C, fill=_LABEL_FILL, bold=True)
                      for width, text in columns))


def _lay_out(pdf: FPDF, row: _Row) -> tuple[_LaidCell, ...]:
    return tuple(_LaidCell(cell, _wrap(pdf, cell)) for cell in row.cells)


def _wrap(pdf: FPDF, cell: _Cell) -> tuple[_Line, ...]:
    lines: list[_Line] = []
    for run in cell.runs:
        pdf.set_font_size(run.size)
        lines.extend(_Line(text, run)
                     for text in _wrap_text(pdf, run.text, cell.width - 2 * _PAD))
    pdf.set_font_size(_BODY)
    return tuple(lines)


def _row_height(laid: Sequence[_LaidCell]) -> float:
    return max((cell.height for cell in laid), default=0.0)


def _table(pdf: FPDF, rows: Sequence[_Row], heading: _Row | None = None) -> None:
    """Draws ``rows`` under ``heading``, which is repeated at the top of every new page."""
    laid_rows = [_lay_out(pdf, row) for row in rows]
    laid_heading = _lay_out(pdf, heading) if heading is not None else ()
    first = _row_height(laid_rows[0]) if laid_rows else 0.0
    if laid_heading and pdf.y + _row_height(laid_heading) + first > pdf.page_break_trigger:
        pdf.add_page()
    _draw_row(pdf, laid_heading, ())
    for index, laid in enumerate(laid_rows):
        needed = _row_height(laid)
        if rows[index].keep_with_next and index + 1 < len(laid_rows):
            needed += _row_height(laid_rows[index + 1])
        page = pdf.page_break_trigger - pdf.t_margin - _row_height(laid_heading)
        short_of_room = pdf.y + needed > pdf.page_break_trigger
        if short_of_room and (needed <= page or pdf.y + 20 > pdf.page_break_trigger):
            _new_table_page(pdf, laid_heading)
        _draw_row(pdf, laid, laid_heading)


def _new_table_page(pdf: FPDF, laid_heading: Sequence[_LaidCell]) -> None:
    pdf.add_page()
    _draw_row(pdf, laid_heading, ())


def _draw_row(pdf: FPDF, laid: Sequence[_LaidCell], laid_heading: Sequence[_LaidCell]) -> None:
    """Draws a row, continuing it on the next page(s) when it is taller than what is left."""
    while laid:
        room = pdf.page_break_trigger - pdf.y - 0.01
        if _row_height(laid) <= room:
            _draw_cells(pdf, laid, _row_height(laid))
            return
        now, laid = _split(laid, room)
        _draw_cells(pdf, now, room)
        _new_table_page(pdf, laid_heading)


def _split(laid: Sequence[_LaidCell],
           room: float) -> tuple[tuple[_LaidCell, ...], tuple[_LaidCell, ...]]:
    """The part of each cell that fits in ``room`` and what is left for the next page
    (a picture goes whole to the first part it fits in)."""
    now: list[_LaidCell] = []
    rest: list[_LaidCell] = []
    for part in laid:
        used = 2 * _PAD
        count = 0
        for line in part.lines:
            if used + line.height > room:
                break
            used += line.height
            count += 1
        picture = part.cell.picture
        fits = picture is not None and picture.height + 2 * _PAD <= room
        now.append(_LaidCell(replace(part.cell, picture=picture if fits else None),
                             part.lines[:count]))
        rest.append(_LaidCell(replace(part.cell, picture=None if fits else picture),
                              part.lines[count:]))
    return tuple(now), tuple(rest)


def _draw_cells(pdf: FPDF, laid: Sequence[_LaidCell], height: float) -> None:
    x, y = pdf.l_margin, pdf.y
    for part in laid:
        cell = part.cell
        if cell.fill is not None:
            pdf.set_fill_color(*cell.fill)
        pdf.rect(x, y, cell.width, height, style="DF" if cell.fill is not None else "D")
        if cell.picture is not None:
            _draw_picture(pdf, cell.picture, x + (cell.width - cell.picture.width) / 2,
                          y + (height - cell.picture.height) / 2)
        top = y + (height - sum(line.height for line in part.lines)) / 2
        for line in part.lines:
            pdf.set_xy(x + _PAD, top)
            with _style(pdf, line.run.size, line.run.colour, bold=line.run.bold):
                pdf.cell(cell.width - 2 * _PAD, line.height, line.text, align=cell.align)
            top += line.height
        x += cell.width
    pdf.set_xy(pdf.l_margin, y + height)


def _draw_picture(pdf: FPDF, picture: _Picture, x: float, y: float) -> None:
    pdf.image(io.BytesIO(picture.data), x=x, y=y, w=picture.width, h=picture.height)


def _picture(data: bytes, box_width: float, box_height: float) -> _Picture | None:
    """``data`` scaled into the box, keeping its aspect; None when it is no image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            width, height = image.size
    except (OSError, ValueError, SyntaxError):
        return None
    scale = min(box_width / width, box_height / height)
    return _Picture(data, width * scale, height * scale)


# -- the record's parts --------------------------------------------------------------------


def _title(pdf: FPDF, document: RecordDocument) -> None:
    _paragraph(pdf, _or_dash(document.title), 18, bold=True, align=Align.C)
    pdf.ln(2)
    if document.revision_of:
        _paragraph(pdf, f"本记录更正 SHA-256 为 {document.revision_of} 的记录，"
                        f"理由：{_or_dash(document.revision_reason)}", 9, _RED)
        pdf.ln(1)


def _header_table(pdf: FPDF, document: RecordDocument) -> None:
    label, value, wide = 36.0, 54.0, 144.0

    def pair(name: str, text: str) -> tuple[_Cell, _Cell]:
        return (_plain(label, name, align=Align.C, fill=_LABEL_FILL), _plain(value, text))

    def full(name: str, text: str) -> _Row:
        return _Row((_plain(label, name, align=Align.C, fill=_LABEL_FILL), _plain(wide, text)))

    time = f"{_or_dash(document.started_at)} 至 {_or_dash(document.finalized_at)}"
    _table(pdf, [
        _Row((*pair("任务名称", document.task_name), *pair("任务编号", document.task_code))),
        full("被检查对象", document.entity_name),
        _Row((*pair("统一社会信用代码/\n注册号", document.entity_identifier),
              *pair("法定代表人\n（负责人）", document.legal_representative))),
        full("住所地址", document.entity_address),
        full("检查时间", time),
        full("检查地点", document.location),
        full("检查表", document.checklist),
    ])


def _inspectors(pdf: FPDF, document: RecordDocument) -> None:
    _heading(pdf, "一、检查人员")
    columns = (14.0, 40.0, 52.0, 74.0)
    rows = [_Row((_plain(columns[0], str(number), align=Align.C),
                  _plain(columns[1], inspector.name, align=Align.C),
                  _plain(columns[2], inspector.cert_number, align=Align.C),
                  _plain(columns[3], inspector.cert_authority)))
            for number, inspector in enumerate(document.inspectors, start=1)]
    if not rows:
        rows = [_Row((_plain(_WIDTH, _DASH, align=Align.C),))]
    _table(pdf, rows, _heading_row(*zip(columns, ("序号", "姓名", "执法证号", "发证机关"),
                                        strict=True)))
    pdf.ln(2)
    _paragraph(pdf, f"已向当事人出示执法证件：{_yes_no(document.certificates_shown)}")
    _paragraph(pdf, f"检查人员声明与检查对象无利害关系：{_yes_no(document.no_conflict_declared)}")


_ANSWER_COLUMNS = (12.0, 66.0, 26.0, 52.0, 24.0)


def _answers(pdf: FPDF, answers: Sequence[RecordAnswer]) -> None:
    _heading(pdf, "二、检查情况")
    rows: list[_Row] = []
    section: str | None = None
    for number, answer in enumerate(answers, start=1):
        if answer.section != section:
            section = answer.section
            rows.append(_Row((_plain(_WIDTH, section, fill=_SECTION_FILL, bold=True),),
                             keep_with_next=True))
        rows.append(_answer_row(number, answer))
    if not rows:
        rows.append(_Row((_plain(_WIDTH, _DASH, align=Align.C),)))
    _table(pdf, rows, _heading_row(*zip(
        _ANSWER_COLUMNS, ("序号", "检查事项", "检查结果", "发现问题情况", "证据"), strict=True)))


def _answer_row(number: int, answer: RecordAnswer) -> _Row:
    widths = _ANSWER_COLUMNS
    item = [_Run(_or_dash(answer.label) + ("（重点）" if answer.key_item else ""))]
    if answer.legal_basis.strip():
        item.append(_Run(f"依据：{answer.legal_basis}", _SMALL, _GREY))
    result = [_Run(_or_dash(answer.answer))]
    if answer.problem:
        result.insert(0, _Run("【不符合】", colour=_RED, bold=True))
    photos = "、".join(str(n) for n in answer.photo_numbers)
    return _Row((
        _plain(widths[0], str(number), align=Align.C),
        _text_cell(widths[1], *item),
        _text_cell(widths[2], *result, align=Align.C),
        _plain(widths[3], answer.note),
        _plain(widths[4], f"照片 {photos}" if photos else _DASH, align=Align.C),
    ))


def _results(pdf: FPDF, document: RecordDocument) -> None:
    _heading(pdf, "三、检查结果")
    for label in document.result_labels or (_DASH,):
        _paragraph(pdf, _or_dash(label))
    if document.result_reason.strip():
        _paragraph(pdf, f"与建议结果不同的理由：{document.result_reason}")
    _paragraph(pdf, "后续处置措施：" + ("" if document.follow_up else _DASH))
    for line in document.follow_up:
        _paragraph(pdf, f"    {_or_dash(line)}")


_PHOTO_COLUMNS = (16.0, 36.0, 128.0)


def _evidence(pdf: FPDF, photos: Sequence[RecordPhoto]) -> None:
    _heading(pdf, "四、证据清单")
    if not photos:
        _paragraph(pdf, "无照片证据。")
        return
    rows = [_photo_row(pdf, photo) for photo in photos]
    _table(pdf, rows, _heading_row(*zip(_PHOTO_COLUMNS, ("编号", "缩略图", "说明"),
                                        strict=True)))


def _photo_row(pdf: FPDF, photo: RecordPhoto) -> _Row:
    number, thumb, about = _PHOTO_COLUMNS
    picture = _picture(photo.thumbnail_jpeg, 30, 40) if photo.thumbnail_jpeg else None
    if picture is not None:
        thumbnail = _Cell(thumb, picture=picture)
    else:
        text = "缩略图无法显示" if photo.thumbnail_jpeg else "无缩略图"
        thumbnail = _text_cell(thumb, _Run(text, _SMALL, _GREY), align=Align.C)
    sha = f"SHA-256：{_or_dash(photo.sha256)}"
    return _Row((
        _plain(number, f"照片 {photo.number}", align=Align.C),
        thumbnail,
        _text_cell(about,
                   _Run(f"检查事项：{_or_dash(photo.item_label)}"),
                   _Run(f"拍摄时间：{_or_dash(photo.captured_at)}"),
                   _Run(f"拍摄地点：{_or_dash(photo.location)}"),
                   *((_Run(f"标注：{photo.annotations} 处（另存图层，原件未改动）"),)
                     if photo.annotations else ()),
                   _Run(sha, _fitting_size(pdf, sha, about - 2 * _PAD, 8.5))),
    ))


_SIGNATURE_COLUMNS = (30.0, 34.0, 40.0, 76.0)


def _signatures(pdf: FPDF, signatures: Sequence[RecordSignature]) -> None:
    _heading(pdf, "五、签名")
    rows = [_signature_row(signature) for signature in signatures]
    if not rows:
        rows = [_Row((_plain(_WIDTH, "（无签名）", align=Align.C),))]
    _table(pdf, rows, _heading_row(*zip(
        _SIGNATURE_COLUMNS, ("签名方", "签名人", "签名时间", "签名"), strict=True)))


def _signature_row(signature: RecordSignature) -> _Row:
    role, signer, signed_at, mark = _SIGNATURE_COLUMNS
    return _Row((
        _plain(role, signature.role, align=Align.C),
        _plain(signer, signature.signer, align=Align.C),
        _plain(signed_at, signature.signed_at, align=Align.C),
        _signature_cell(mark, signature),
    ))


def _signature_cell(width: float, signature: RecordSignature) -> _Cell:
    if signature.refusal.strip():
        return _text_cell(width, _Run(f"拒绝签名，理由：{signature.refusal}", colour=_RED))
    if not signature.image_png:
        return _plain(width, "（未签名）", align=Align.C)
    picture = _picture(signature.image_png, 50, 20)
    if picture is None:
        raise RecordPdfError(LocalText(
            f"{signature.role}“{signature.signer}”的签名图像无法读取，无法生成检查记录 PDF",
            f"the signature image of {signature.signer} ({signature.role}) cannot be read; "
            "the record PDF was not written"))
    return _Cell(width, picture=picture)


def _closing(pdf: FPDF, document: RecordDocument) -> None:
    if pdf.y + 20 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(4)
    _one_line(pdf, f"记录哈希 SHA-256：{_or_dash(document.content_hash)}", 9)
    _paragraph(pdf, f"生成时间：{_or_dash(document.generated_at)}", 9, _GREY)
