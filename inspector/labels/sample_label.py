"""Sample labels and seals (样品标签 / 封条) as a PDF for label printers or A4 sheets.

Contract: :func:`render_labels_pdf` checks every :class:`LabelContent` first (a sample
code or portion code that :mod:`inspector.core.sample_codes` refuses, a portion of
another sample, a date that is not ``YYYY-MM-DD``: :class:`LabelError`, nothing drawn),
then draws one label per page at the label's own page size (:data:`SIZE_60X40`,
:data:`SIZE_50X30`, for label printers), or :attr:`LabelSize.per_page` labels a page on
:data:`A4_SHEET` (60x40 labels in a centred grid, crop marks in the gutters). Each
label, top to bottom:

- a black banner with the role (``检验样品`` / ``复检备份样品``; a seal says ``封条`` before
  it) and the portion number (``P01``) on the right;
- the Code 128 symbol of the portion code, one filled rectangle per bar, at one module
  width: the widest that keeps both 10-module quiet zones on the label (at most
  :data:`MAX_MODULE_MM`). The quiet zones are never narrowed, and a module narrower than
  :data:`MIN_MODULE_MM` is refused (:class:`LabelError`). A 21-character portion code is
  189 to 233 modules: 0.24-0.29 mm a module on a 60 mm label, 0.20-0.24 mm on a 50 mm
  one, so none fits at 0.25 mm on 50x30, nor most on 60x40. At 203 dpi that is 1.9-2.2
  printer dots a module on 60x40, which reads back, but 1.6-1.9 on 50x30, where most
  codes do not: 50x30 labels need a 300 dpi printer;
- the portion code in text under the bars;
- at the bottom right a regular QR Code (level M, never Micro QR, its 4-module quiet
  zone kept clear) of :func:`label_payload`; at the left the fields 样品名称, 被抽样单位,
  抽样日期, 抽样单位, 样品编号 (a seal drops 被抽样单位 and adds signature boxes: a wide one
  for the 抽样人, one for the 被抽样单位 and, with ``officer_signs`` (流通领域), one for
  the 执法人员). An empty field prints "—"; a long value is set smaller, down to
  :data:`MIN_TEXT_PT`, then cut with "…"; fields that do not fit at that size are left
  out, last first (样品编号 goes first: the portion code under the bars starts with it).

The QR payload is ``INSPECTOR-SAMPLE:1/<sample code>/<portion code>``: a fixed prefix
with the payload's version, then both codes. It stays in QR's alphanumeric character
set (upper case, digits, ``-``, ``:``, ``/``), so 57 characters fit a version 3 symbol (29
modules; ``;`` would force byte mode and version 4). Each code carries its own check
character, and :func:`parse_label_payload` also checks that the portion belongs to the
sample. The CJK font (``font``, else :func:`find_cjk_font`) is embedded as a subset.
Output is deterministic: the PDF's creation date is the latest sampling date at midnight
China time (2000-01-01 when no label has one). Pure function of its arguments; any thread.
fpdf2 (with fontTools, half a second to import) is imported by the first render, not with
this module, whose sizes and payloads the window needs before it first paints.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.core.lifecycles import PortionRole
from inspector.core.sample_codes import (
    SampleCode,
    SampleCodeError,
    parse_portion_code,
    parse_sample_code,
)
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.labels.symbols import (
    CODE128_QUIET_ZONE,
    QR_QUIET_ZONE,
    SymbolError,
    code128_modules,
    qr_matrix,
)
from inspector.media.fonts import find_cjk_font

if TYPE_CHECKING:
    from fpdf import FPDF

ROLE_TEST = "检验样品"
ROLE_BACKUP = "复检备份样品"
ROLE_OTHER = "其他样品"  # a further portion the rules need (P03…)
ROLE_TEXT = {PortionRole.TEST: ROLE_TEST, PortionRole.BACKUP: ROLE_BACKUP,
             PortionRole.OTHER: ROLE_OTHER}  # what a label and the forms call a portion
PAYLOAD_PREFIX = "INSPECTOR-SAMPLE:1/"
MIN_MODULE_MM = 0.19  # 7.5 mil: the narrowest Code 128 module we print
MAX_MODULE_MM = 0.33
MIN_TEXT_PT = 4.5

_FONT = "cjk"
_DASH = "—"
_MM_PER_PT = 25.4 / 72
_BLACK = (0, 0, 0)
_WHITE = (255, 255, 255)
_GREY = (95, 95, 95)
_MARK_GREY = (150, 150, 150)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NO_DATE = datetime(2000, 1, 1, tzinfo=CHINA_TIME)


class LabelError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class LabelContent:
    """What one label says. Codes as the sample record has them (a scanner's lower case
    and blanks are accepted); empty text fields print as "—"."""

    portion_code: str  # the sample code and -P01 (test portion), -P02 (backup), ...
    sample_code: str
    sample_name: str = ""
    sampled_unit: str = ""  # 被抽样单位
    sampled_on: str = ""  # YYYY-MM-DD
    role_text: str = ROLE_TEST  # 检验样品 or 复检备份样品
    issuing_unit: str = ""  # 抽样单位
    seal: bool = False  # a 封条 with signature boxes
    officer_signs: bool = False  # 流通领域: the 执法人员 signs the seal too


@dataclass(frozen=True, slots=True)
class Sheet:
    """A page that holds many labels in a grid (mm)."""

    width: float
    height: float
    margin: float  # at least this much blank paper around the grid
    gutter: float  # between two labels, for cutting


@dataclass(frozen=True, slots=True)
class LabelSize:
    """A label's size in mm; on a label printer the page is the label. ``min_dpi`` is
    the coarsest printer on which its Code 128 still reads back (two dots a module)."""

    name: str
    width: float
    height: float
    sheet: Sheet | None = None
    min_dpi: int = 203

    @property
    def columns(self) -> int:
        return _fitting(self.sheet.width, self.width, self.sheet) if self.sheet else 1

    @property
    def rows(self) -> int:
        return _fitting(self.sheet.height, self.height, self.sheet) if self.sheet else 1

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


def _fitting(page: float, label: float, sheet: Sheet) -> int:
    return max(0, math.floor((page - 2 * sheet.margin + sheet.gutter) / (label + sheet.gutter)))


SIZE_60X40 = LabelSize("60x40", 60.0, 40.0)
SIZE_50X30 = LabelSize("50x30", 50.0, 30.0, min_dpi=300)  # 1.6-1.9 dots a module at 203
A4_SHEET = LabelSize("A4", 60.0, 40.0, Sheet(210.0, 297.0, margin=10.0, gutter=5.0))  # 3 x 6


def label_payload(sample: SampleCode, portion: int) -> str:
    """The QR Code's text for portion ``portion`` of ``sample`` (see the contract)."""
    return f"{PAYLOAD_PREFIX}{sample}/{sample.portion(portion)}"


def parse_label_payload(text: str) -> tuple[SampleCode, int]:
    """A scanned QR payload as (sample, portion number); anything else is a LabelError."""
    found = text.strip().upper()
    if not found.startswith(PAYLOAD_PREFIX) or found.count("/") != 2:
        raise LabelError(LocalText("不是本系统的样品标签二维码",
                                   "not the QR code of an Inspector sample label"))
    sample_text, portion_text = found.removeprefix(PAYLOAD_PREFIX).split("/")
    try:
        sample = parse_sample_code(sample_text)
        portion_sample, number = parse_portion_code(portion_text)
    except SampleCodeError as exc:
        raise LabelError(exc.text) from None
    if portion_sample != sample:
        raise _mismatch(portion_text, sample_text)
    return sample, number


def render_labels_pdf(labels: Sequence[LabelContent], size: LabelSize, *,
                      font: Path | None = None) -> bytes:
    """The labels as PDF bytes (see the module's contract)."""
    if not labels:
        raise LabelError(LocalText("没有要打印的标签", "no labels to print"))
    if size.per_page < 1:
        raise LabelError(LocalText(f"{size.name} 纸张放不下一张标签",
                                   f"not one label fits the {size.name} sheet"))
    prepared = [_prepare(number, label, size) for number, label in enumerate(labels, 1)]
    pdf = _LabelPdf(size, _font_file(font), _creation_date(prepared))
    try:
        for page in _pages(prepared, size.per_page):
            _draw_page(pdf, page, size)
        return bytes(pdf.output())
    finally:
        _close_fonts(pdf)


# -- checking --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Prepared:
    label: LabelContent
    sample: SampleCode
    portion: int
    sampled_on: date | None
    bars: str  # Code 128 modules
    qr: list[list[bool]]
    module: float  # mm per Code 128 module

    @property
    def portion_code(self) -> str:
        return self.sample.portion(self.portion)


def _prepare(number: int, label: LabelContent, size: LabelSize) -> _Prepared:
    """The label checked, with its symbols; what is wrong is refused naming the label."""
    try:
        sample = parse_sample_code(label.sample_code)
        portion_sample, portion = parse_portion_code(label.portion_code)
    except SampleCodeError as exc:
        raise _about(number, exc.text) from None
    if portion_sample != sample:
        raise _about(number, _mismatch(label.portion_code, label.sample_code).text)
    sampled_on = _sampling_date(number, label.sampled_on)
    try:
        bars = code128_modules(sample.portion(portion))
        qr = qr_matrix(label_payload(sample, portion))
    except SymbolError as exc:
        raise _about(number, exc.text) from None
    return _Prepared(label, sample, portion, sampled_on, bars, qr,
                     _module_width(number, len(bars), size.width))


def _sampling_date(number: int, text: str) -> date | None:
    if not text.strip():
        return None
    try:
        if _DATE.fullmatch(text.strip()):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise _about(number, LocalText(f"抽样日期应为 YYYY-MM-DD：{text}",
                                   f"the sampling date must be YYYY-MM-DD: {text}"))


def _module_width(number: int, modules: int, width: float) -> float:
    """The widest module that keeps both quiet zones on a label ``width`` mm wide."""
    module = min(MAX_MODULE_MM, width / (modules + 2 * CODE128_QUIET_ZONE))
    if module < MIN_MODULE_MM:
        raise _about(number, LocalText(
            f"条码共 {modules} 个模块，{width:g} mm 宽的标签放不下（模块宽度不足 "
            f"{MIN_MODULE_MM} mm）", f"the barcode's {modules} modules do not fit a "
            f"{width:g} mm label (a module would be under {MIN_MODULE_MM} mm)"))
    return module


def _mismatch(portion: str, sample: str) -> LabelError:
    return LabelError(LocalText(f"份样编号 {portion.strip()} 不属于样品 {sample.strip()}",
                                f"portion {portion.strip()} is not of sample {sample.strip()}"))


def _about(number: int, problem: LocalText) -> LabelError:
    return LabelError(LocalText(f"第 {number} 张标签：{problem.zh}",
                                f"label {number}: {problem.en}"))


def _creation_date(prepared: Sequence[_Prepared]) -> datetime:
    dates = [p.sampled_on for p in prepared if p.sampled_on is not None]
    if not dates:
        return _NO_DATE
    latest = max(dates)
    return datetime(latest.year, latest.month, latest.day, tzinfo=CHINA_TIME)


def _font_file(font: Path | None) -> Path:
    try:
        return find_cjk_font(font)
    except ValueError as exc:  # StampFontError, saying what to install
        problem = getattr(exc, "text", None)
        zh = problem.zh if isinstance(problem, LocalText) else str(exc)
        raise LabelError(LocalText(f"无法打印样品标签：{zh}",
                                   f"cannot print sample labels: {exc}")) from None


def _pages(prepared: Sequence[_Prepared], per_page: int) -> Iterator[Sequence[_Prepared]]:
    for start in range(0, len(prepared), per_page):
        yield prepared[start:start + per_page]


# -- the document ------------------------------------------------------------------------


def _new_label_pdf(size: LabelSize, font: Path, created: datetime) -> FPDF:
    """Pages of the label's (or the sheet's) size in mm, the CJK font loaded, no margins."""
    from fpdf import FPDF

    page = (size.sheet.width, size.sheet.height) if size.sheet else (size.width, size.height)
    pdf = FPDF(orientation="portrait", unit="mm", format=page)
    try:
        pdf.add_font(_FONT, "", str(font), collection_font_number=0)
    except Exception as exc:  # fontTools raises its own (untyped) errors
        raise LabelError(LocalText(f"无法读取字体文件 {font}：{exc}",
                                   f"cannot read the font file {font}: {exc}")) from exc
    pdf.set_margins(0, 0, 0)
    pdf.set_auto_page_break(auto=False)
    pdf.c_margin = 0
    pdf.set_font(_FONT, size=8)
    pdf.set_title("样品标签")
    pdf.set_creator("Inspector")
    pdf.set_lang("zh-CN")
    pdf.set_creation_date(created)
    return pdf


# What render_labels_pdf calls to start a document (once a class; the name stays, and
# tests stand a refusal in for it to show that labels are checked before any PDF starts).
_LabelPdf = _new_label_pdf


def _close_fonts(pdf: FPDF) -> None:
    """Closes the font files fontTools keeps open to read glyphs lazily."""
    from fpdf.fonts import TTFFont

    for loaded in pdf.fonts.values():
        if isinstance(loaded, TTFFont):
            loaded.ttfont.close()


def _draw_page(pdf: FPDF, page: Sequence[_Prepared], size: LabelSize) -> None:
    pdf.add_page()
    for (x, y), prepared in zip(_slots(size), page, strict=False):
        _draw_label(pdf, prepared, x, y, _layout(size.width, size.height,
                                                 prepared.label.seal))
        if size.sheet is not None:
            _crop_marks(pdf, x, y, size)


def _slots(size: LabelSize) -> list[tuple[float, float]]:
    """The top left corner of each label on a page, row by row."""
    if size.sheet is None:
        return [(0.0, 0.0)]
    step_x, step_y = size.width + size.sheet.gutter, size.height + size.sheet.gutter
    left = (size.sheet.width - size.columns * step_x + size.sheet.gutter) / 2
    top = (size.sheet.height - size.rows * step_y + size.sheet.gutter) / 2
    return [(left + column * step_x, top + row * step_y)
            for row in range(size.rows) for column in range(size.columns)]


def _crop_marks(pdf: FPDF, x: float, y: float, size: LabelSize) -> None:
    """Short grey lines in the gutters on the label's cut lines, never on the label."""
    gap, length = 1.0, 1.5
    pdf.set_draw_color(*_MARK_GREY)
    pdf.set_line_width(0.1)
    for corner_x, corner_y, out_x, out_y in ((x, y, -1, -1), (x + size.width, y, 1, -1),
                                             (x, y + size.height, -1, 1),
                                             (x + size.width, y + size.height, 1, 1)):
        start_x, start_y = corner_x + out_x * gap, corner_y + out_y * gap
        pdf.line(start_x, corner_y, start_x + out_x * length, corner_y)
        pdf.line(corner_x, start_y, corner_x, start_y + out_y * length)


# -- one label ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where things go on a label, in mm from its top left corner; sizes in pt."""

    width: float
    height: float
    pad: float
    banner_h: float
    banner_pt: float
    bars_top: float
    bars_h: float
    code_baseline: float
    code_pt: float
    qr_side: float  # with its quiet zone, in the label's bottom right corner
    fields_top: float
    fields_bottom: float
    field_pt: float  # the fields' size when they have the room
    signatures_h: float  # 0: no signature boxes


@functools.cache
def _layout(width: float, height: float, seal: bool) -> _Layout:
    """Proportions tuned on 60x40 and 50x30 labels: the barcode takes the full width, the
    QR code and the fields share what is under it; a seal has a lower banner and bars to
    make room for the signature boxes."""
    pad = max(1.0, 0.035 * height)
    banner_h = (0.13 if seal else 0.15) * height
    bars_top = pad + banner_h + 0.03 * height
    bars_h = (0.17 if seal else 0.25) * height
    code_pt = 0.065 * height / _MM_PER_PT
    code_baseline = bars_top + bars_h + 0.3 + 0.85 * code_pt * _MM_PER_PT
    lower_top = code_baseline + 0.25 * code_pt * _MM_PER_PT + 0.3
    signatures_h = 0.2 * height if seal else 0.0
    return _Layout(
        width=width, height=height, pad=pad, banner_h=banner_h,
        banner_pt=0.58 * banner_h / _MM_PER_PT, bars_top=bars_top, bars_h=bars_h,
        code_baseline=code_baseline, code_pt=code_pt,
        qr_side=min(height - lower_top, 0.3 * width),
        fields_top=lower_top + 0.4,
        fields_bottom=height - pad - (signatures_h + 0.5 if seal else 0.0),
        field_pt=0.175 * height,
        signatures_h=signatures_h,
    )


def _draw_label(pdf: FPDF, prepared: _Prepared, x: float, y: float, layout: _Layout) -> None:
    _banner(pdf, prepared, x, y, layout)
    _code128(pdf, prepared, x, y + layout.bars_top, layout)
    _code_text(pdf, prepared.portion_code, x, y, layout)
    _qr(pdf, prepared.qr, x + layout.width - layout.qr_side,
        y + layout.height - layout.qr_side, layout.qr_side)
    _fields(pdf, prepared, x, y, layout)
    if layout.signatures_h:
        _signature_boxes(pdf, prepared.label.officer_signs, x, y, layout)


def _banner(pdf: FPDF, prepared: _Prepared, x: float, y: float, layout: _Layout) -> None:
    from fpdf.enums import TextMode

    left, top = x + layout.pad, y + layout.pad
    width = layout.width - 2 * layout.pad
    pdf.set_fill_color(*_BLACK)
    pdf.rect(left, top, width, layout.banner_h, style="F", round_corners=True,
             corner_radius=0.6)
    role = prepared.label.role_text.strip() or _DASH
    title = f"封条 · {role}" if prepared.label.seal else role
    number = f"P{prepared.portion:02d}"
    baseline = top + layout.banner_h / 2 + 0.36 * layout.banner_pt * _MM_PER_PT
    inset = 0.35 * layout.banner_h
    with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=0.12,
                           draw_color=_WHITE, text_color=_WHITE):
        pdf.set_font_size(layout.banner_pt)
        pdf.text(left + inset, baseline, title)
        pdf.text(left + width - inset - pdf.get_string_width(number), baseline, number)


def _code128(pdf: FPDF, prepared: _Prepared, x: float, top: float, layout: _Layout) -> None:
    """The bars, centred; each run of dark modules one rectangle at exact module steps."""
    from fpdf.enums import RenderStyle

    module = prepared.module
    left = x + (layout.width - module * len(prepared.bars)) / 2
    pdf.set_fill_color(*_BLACK)
    for start, length in _runs(prepared.bars, "1"):
        pdf.rect(left + start * module, top, length * module, layout.bars_h,
                 style=RenderStyle.F)


def _runs(pattern: Sequence[object] | str, dark: object) -> Iterator[tuple[int, int]]:
    """(start, length) of each run of ``dark`` in ``pattern``."""
    start = -1
    for index, value in enumerate(pattern):
        if value == dark and start < 0:
            start = index
        elif value != dark and start >= 0:
            yield start, index - start
            start = -1
    if start >= 0:
        yield start, len(pattern) - start


def _code_text(pdf: FPDF, code: str, x: float, y: float, layout: _Layout) -> None:
    pdf.set_text_color(*_BLACK)
    pdf.set_font_size(layout.code_pt)
    pdf.set_char_spacing(0.4)
    pdf.text(x + (layout.width - pdf.get_string_width(code)) / 2, y + layout.code_baseline,
             code)
    pdf.set_char_spacing(0)


def _qr(pdf: FPDF, matrix: Sequence[Sequence[bool]], x: float, y: float, side: float) -> None:
    """The QR symbol in a ``side`` mm square, its quiet zone included (left blank)."""
    from fpdf.enums import RenderStyle

    module = side / (len(matrix) + 2 * QR_QUIET_ZONE)
    left, top = x + QR_QUIET_ZONE * module, y + QR_QUIET_ZONE * module
    pdf.set_fill_color(*_BLACK)
    for column, row, width, height in _blocks(matrix):
        pdf.rect(left + column * module, top + row * module, width * module, height * module,
                 style=RenderStyle.F)


def _blocks(matrix: Sequence[Sequence[bool]]) -> list[tuple[int, int, int, int]]:
    """The dark modules as rectangles (column, row, width, height): each row's runs, a
    run stacked onto the same run of the rows above it (fewer rectangles, no seams)."""
    blocks: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], int] = {}  # (start, length) -> first row
    for row, modules in enumerate(matrix):
        runs = set(_runs(modules, True))
        for run in [run for run in open_runs if run not in runs]:
            first = open_runs.pop(run)
            blocks.append((run[0], first, run[1], row - first))
        for run in runs:
            open_runs.setdefault(run, row)
    blocks.extend((start, first, length, len(matrix) - first)
                  for (start, length), first in open_runs.items())
    return sorted(blocks)


# -- fields and signatures ---------------------------------------------------------------


def _field_rows(prepared: _Prepared) -> list[tuple[str, str]]:
    label = prepared.label
    rows = [("样品名称", label.sample_name)]
    if not label.seal:
        rows.append(("被抽样单位", label.sampled_unit))
    rows += [("抽样日期", label.sampled_on), ("抽样单位", label.issuing_unit),
             ("样品编号", str(prepared.sample))]
    return [(name, value.strip() or _DASH) for name, value in rows]


def _fields(pdf: FPDF, prepared: _Prepared, x: float, y: float, layout: _Layout) -> None:
    rows = _field_rows(prepared)
    height = layout.fields_bottom - layout.fields_top
    fitting = max(1, min(len(rows), math.floor(height / _line_mm(MIN_TEXT_PT))))
    rows = rows[:fitting]
    size = min(layout.field_pt, height / len(rows) / _line_mm(1.0))
    left = x + layout.pad
    right = x + layout.width - layout.qr_side - 0.3
    pdf.set_font_size(size)
    name_w = max(pdf.get_string_width(name) for name, _ in rows) + 0.25 * size * _MM_PER_PT
    for index, (name, value) in enumerate(rows):
        baseline = y + layout.fields_top + (index + 0.8) * _line_mm(size)
        pdf.set_font_size(size)
        pdf.set_text_color(*_GREY)
        pdf.text(left, baseline, name)
        _value(pdf, value, (left + name_w, baseline), right - left - name_w, size)


def _line_mm(size: float) -> float:
    return 1.3 * size * _MM_PER_PT


def _value(pdf: FPDF, text: str, at: tuple[float, float], width: float, size: float) -> None:
    """``text`` on one line from ``at`` (its baseline) in ``width``: smaller if need be,
    then cut with "…"."""
    pdf.set_font_size(size)
    natural = pdf.get_string_width(text)
    if natural > width:
        size = max(MIN_TEXT_PT, size * width / natural * 0.99)
        pdf.set_font_size(size)
        text = _cut(pdf, text, width)
    pdf.set_text_color(*_BLACK)
    pdf.text(*at, text)


def _cut(pdf: FPDF, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _signature_boxes(pdf: FPDF, officer: bool, x: float, y: float, layout: _Layout) -> None:
    """Boxes to sign in over the seal, side by side under the fields, each captioned."""
    parties = [("抽样人", 0.4), ("被抽样单位", 0.3), ("执法人员", 0.3)] if officer else \
        [("抽样人", 0.55), ("被抽样单位", 0.45)]
    left = x + layout.pad
    width = layout.width - layout.qr_side - layout.pad - 0.5
    top = y + layout.height - layout.pad - layout.signatures_h
    size = max(MIN_TEXT_PT, min(5.5, 0.16 * layout.signatures_h / _MM_PER_PT))
    pdf.set_draw_color(*_BLACK)
    pdf.set_line_width(0.15)
    for name, share in parties:
        box = width * share
        pdf.rect(left, top, box, layout.signatures_h)
        pdf.set_font_size(size)
        pdf.set_text_color(*_GREY)
        pdf.text(left + 0.6, top + 0.4 + size * _MM_PER_PT, _cut(pdf, name, box - 1.2))
        left += box
