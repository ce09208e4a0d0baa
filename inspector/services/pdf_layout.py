"""A4 documents with fpdf2: Chinese text that wraps properly, and tables that break
across pages. Shared by the printed records (检查笔录, 抽样单, 样品移交确认单).

Contract: everything here draws on an :class:`fpdf.FPDF` in mm on portrait A4 with
:data:`MARGIN` margins and :data:`BOTTOM` kept free for the footer, with the CJK font
already added under the name :data:`FONT` (the caller finds and loads it, and raises
its own error when it cannot). :func:`paragraph` sets text in lines broken between
Chinese characters and at spaces, never inside a Latin word or number that fits on a
line, and never starting a line with a closing mark; :func:`table` draws :class:`Row`
values under an optional heading row repeated on every new page, splitting a row taller
than what is left of a page, so nothing is drawn past the bottom margin; a section
heading row (``keep_with_next``) is never left alone at a page's foot. Empty cell text
prints as :data:`DASH` ("—"). Bold is fill plus a thin outline (CJK fonts have no bold
face). :func:`close_fonts` closes the font files fontTools keeps open. Pure drawing:
no I/O but the PDF object given; any thread, one PDF per thread.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

from fpdf import FPDF
from fpdf.enums import Align, TextMode, XPos, YPos
from fpdf.fonts import TTFFont
from PIL import Image

from inspector.core.workdays import CHINA_TIME

FONT = "cjk"
MARGIN = 15.0  # mm, left, right and top
BOTTOM = 18.0  # mm kept free for the footer
WIDTH = 180.0  # A4 210 mm minus the margins
PAD = 1.5  # mm inside a table cell
BODY = 10.0  # pt
SMALL = 7.5
DASH = "—"
BLACK = (0, 0, 0)
GREY = (90, 90, 90)
RED = (190, 0, 0)
LABEL_FILL = (235, 235, 235)
SECTION_FILL = (215, 215, 215)
_MM_PER_PT = 25.4 / 72

Colour = tuple[int, int, int]


def china_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TIME)


def or_dash(text: str) -> str:
    return text if text.strip() else DASH



def line_height(size: float) -> float:
    return size * _MM_PER_PT * 1.4


# -- blocks of text ----------------------------------------------------------------------


@contextmanager
def style(pdf: FPDF, size: float, colour: Colour = BLACK, *,
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
    pdf.set_font_size(BODY)
    pdf.set_text_color(*BLACK)


def paragraph(pdf: FPDF, text: str, size: float = BODY, colour: Colour = BLACK, *,
               bold: bool = False, align: Align = Align.L) -> None:
    with style(pdf, size, colour, bold=bold):
        for line in wrap_text(pdf, text, WIDTH):
            pdf.cell(WIDTH, line_height(size), line, align=align,
                     new_x=XPos.LMARGIN, new_y=YPos.NEXT)


# Chinese line breaking: a line never starts with a closing mark nor ends with an opening one.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕…—·,.;:?!)]}%")
_NO_LINE_END = frozenset("（《「『【〔([{")
_BREAK_UNITS = re.compile(r"[!-~]+| +|.")  # a Latin word or number, spaces, one character


def wrap_text(pdf: FPDF, text: str, width: float) -> list[str]:
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


def one_line(pdf: FPDF, text: str, size: float) -> None:
    """``text`` on one line, smaller if need be, so that a hash is never broken."""
    size = fitting_size(pdf, text, WIDTH, size)
    with style(pdf, size):
        pdf.cell(WIDTH, line_height(size), text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def fitting_size(pdf: FPDF, text: str, width: float, size: float) -> float:
    pdf.set_font_size(size)
    natural = pdf.get_string_width(text)
    pdf.set_font_size(BODY)
    return size if natural <= width else size * width / natural * 0.99


def heading(pdf: FPDF, text: str) -> None:
    """A section heading, on a new page when fewer than 25 mm would follow it."""
    if pdf.y + 25 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(3)
    paragraph(pdf, text, 12, bold=True)
    pdf.ln(1)


# -- tables --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """One paragraph of a cell, in one size and colour."""

    text: str
    size: float = BODY
    colour: Colour = BLACK
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Picture:
    data: bytes
    width: float  # mm on the page
    height: float


@dataclass(frozen=True, slots=True)
class Cell:
    width: float
    runs: tuple[Run, ...] = ()
    align: Align = Align.L
    fill: Colour | None = None
    picture: Picture | None = None


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    keep_with_next: bool = False  # a section heading row is not left alone at a page's foot


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    run: Run

    @property
    def height(self) -> float:
        return line_height(self.run.size)


@dataclass(frozen=True, slots=True)
class _LaidCell:
    cell: Cell
    lines: tuple[_Line, ...]

    @property
    def height(self) -> float:
        text = sum(line.height for line in self.lines)
        picture = self.cell.picture.height if self.cell.picture else 0.0
        return max(text, picture) + 2 * PAD


def text_cell(width: float, *runs: Run, align: Align = Align.L,
               fill: Colour | None = None) -> Cell:
    return Cell(width, tuple(runs), align, fill)


def plain(width: float, text: str, *, align: Align = Align.L,
          fill: Colour | None = None, bold: bool = False, size: float = BODY) -> Cell:
    return text_cell(width, Run(or_dash(text), size, bold=bold), align=align, fill=fill)


def heading_row(*columns: tuple[float, str]) -> Row:
    return Row(tuple(plain(width, text, align=Align.C, fill=LABEL_FILL, bold=True)
                      for width, text in columns))


def _lay_out(pdf: FPDF, row: Row) -> tuple[_LaidCell, ...]:
    return tuple(_LaidCell(cell, _wrap(pdf, cell)) for cell in row.cells)


def _wrap(pdf: FPDF, cell: Cell) -> tuple[_Line, ...]:
    lines: list[_Line] = []
    for run in cell.runs:
        pdf.set_font_size(run.size)
        lines.extend(_Line(text, run)
                     for text in wrap_text(pdf, run.text, cell.width - 2 * PAD))
    pdf.set_font_size(BODY)
    return tuple(lines)


def _row_height(laid: Sequence[_LaidCell]) -> float:
    return max((cell.height for cell in laid), default=0.0)


def table(pdf: FPDF, rows: Sequence[Row], heading: Row | None = None) -> None:
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
        used = 2 * PAD
        count = 0
        for line in part.lines:
            if used + line.height > room:
                break
            used += line.height
            count += 1
        picture = part.cell.picture
        fits = picture is not None and picture.height + 2 * PAD <= room
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
            pdf.set_xy(x + PAD, top)
            with style(pdf, line.run.size, line.run.colour, bold=line.run.bold):
                pdf.cell(cell.width - 2 * PAD, line.height, line.text, align=cell.align)
            top += line.height
        x += cell.width
    pdf.set_xy(pdf.l_margin, y + height)


def _draw_picture(pdf: FPDF, picture: Picture, x: float, y: float) -> None:
    pdf.image(io.BytesIO(picture.data), x=x, y=y, w=picture.width, h=picture.height)


def picture(data: bytes, box_width: float, box_height: float) -> Picture | None:
    """``data`` scaled into the box, keeping its aspect; None when it is no image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            width, height = image.size
    except (OSError, ValueError, SyntaxError):
        return None
    scale = min(box_width / width, box_height / height)
    return Picture(data, width * scale, height * scale)



def close_fonts(pdf: FPDF) -> None:
    """Closes the font files fontTools keeps open to read glyphs lazily."""
    for loaded in pdf.fonts.values():
        if isinstance(loaded, TTFFont):
            loaded.ttfont.close()
