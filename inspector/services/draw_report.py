"""The draw ceremony's human-readable record: a PDF and an .xlsx written from a protocol.

Contract: :func:`write_ceremony_summary` reads a protocol document (the JSON text that
``inspector draw run`` writes) and writes ``<plan code>-draw-<sha256 prefix>.pdf`` and
``.xlsx`` into ``out_dir``: the plan, the seed and its commitment, who drew and when,
the protocol's SHA-256, stratum sizes and how many were drawn from each, the pool and
the capacity, every selected entity with its team (lead first), and every unassigned
entity with its reason. Both files are written whole to a temporary name and renamed,
so a crash leaves no half file. The PDF needs a CJK font (``fonts-wqy-microhei``, which
the README's setup installs); without one :class:`ReportError` says which to install.
openpyxl is imported when the .xlsx is written, not with this module, which the window
imports through the planning screen before it first paints.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from inspector.core.draw import Stratum
from inspector.core.text import Lang, LocalText
from inspector.services.file_output import FileOutputError, write_file_atomically

_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("C:/Windows/Fonts/simsun.ttc"),
)
_PAGE = (1240, 1754)  # A4 at 150 dpi
_MARGIN = 90
_LINE = 34


class ReportError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def write_ceremony_summary(protocol_text: str, out_dir: Path, *,
                           lang: Lang = Lang.ZH) -> tuple[Path, Path]:
    try:
        protocol = json.loads(protocol_text)
        lines = _summary_lines(protocol, lang)
        selected = list(protocol["selected"])
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ReportError(LocalText(f"抽取记录无法读取：{exc}",
                                    f"the protocol cannot be read: {exc}")) from None
    code = re.sub(r"[^\w.-]", "_", str(protocol["plan"].get("code") or "plan"))
    stem = f"{code}-draw-{str(protocol['sha256'])[:12]}"
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = out_dir / f"{stem}.pdf"
    xlsx = out_dir / f"{stem}.xlsx"
    try:
        write_file_atomically(pdf, _pdf_bytes(lines, protocol, lang))
        write_file_atomically(xlsx, _xlsx_bytes(lines, selected, protocol, lang))
    except FileOutputError as exc:
        raise ReportError(exc.text) from exc
    return pdf, xlsx


def _t(lang: Lang, zh: str, en: str) -> str:
    return zh if lang is Lang.ZH else en


def _summary_lines(protocol: Mapping[str, Any], lang: Lang) -> list[tuple[str, str]]:
    plan = protocol["plan"]
    sizes = Counter(str(m["stratum"]) for m in protocol["population"])
    drawn = Counter(str(s["stratum"]) for s in protocol["selected"])
    strata = []
    for raw in plan["strata"]:
        stratum = Stratum(raw["name"], raw.get("ratio"), raw.get("count"))
        rule = f"ratio {stratum.ratio}" if stratum.ratio else f"count {stratum.count}"
        strata.append(f"{stratum.name}: {sizes.get(stratum.name, 0)} → "
                      f"{drawn.get(stratum.name, 0)} ({rule})")
    window = plan.get("window") or {}
    return [
        (_t(lang, "计划", "Plan"), f"{plan.get('code', '')} {plan.get('title', '')}"),
        (_t(lang, "检查事项", "Check items"),
         "；".join(i.get("title", "") for i in plan.get("check_items", []))),
        (_t(lang, "检查时段", "Window"), f"{window.get('start', '')} – {window.get('end', '')}"),
        (_t(lang, "完成期限", "Due date"), str(plan.get("due_date", ""))),
        (_t(lang, "算法", "Algorithm"), str(protocol["algorithm"])),
        (_t(lang, "种子", "Seed"), str(protocol["seed"])),
        (_t(lang, "种子承诺值 sha256(seed)", "Seed commitment sha256(seed)"),
         str(protocol["seed_commitment"])),
        (_t(lang, "公开文本", "Public text"), str(plan.get("seed_text") or "—")),
        (_t(lang, "抽取时间 (UTC)", "Drawn at (UTC)"), str(protocol["drawn_at"])),
        (_t(lang, "操作人", "Operator"), str(protocol["operator"])),
        (_t(lang, "软件版本", "Software"), str(protocol["software_version"])),
        (_t(lang, "抽取记录 SHA-256", "Protocol SHA-256"), str(protocol["sha256"])),
        (_t(lang, "分层（名录数 → 抽中数）", "Strata (size → drawn)"), "；".join(strata)),
        (_t(lang, "检查人员库", "Inspector pool"), str(len(protocol["inspectors"]))),
        (_t(lang, "每组人数 / 每人上限", "Team size / capacity"),
         f"{plan['team_size']} / {plan['capacity']}"),
        (_t(lang, "抽中对象 / 未能派员", "Selected / unassigned"),
         f"{len(protocol['selected'])} / {len(protocol['unassigned'])}"),
        (_t(lang, "核验", "Verify"),
         _t(lang, "inspector draw verify 抽取记录.json（方法见 docs/draw.md）",
            "inspector draw verify PROTOCOL.json (method in docs/draw.md)")),
    ]


def _selection_rows(selected: Sequence[Mapping[str, Any]]) -> Iterator[list[str]]:
    for number, item in enumerate(selected, start=1):
        team = [str(k) for k in item["team"]]
        yield [str(number), str(item["key"]), str(item["stratum"]), str(item["score"]),
               team[0] if team else "—", "、".join(team[1:]) or "—"]


def _xlsx_bytes(lines: Sequence[tuple[str, str]], selected: Sequence[Mapping[str, Any]],
                protocol: Mapping[str, Any], lang: Lang) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = _t(lang, "摘要", "Summary")
    for label, value in lines:
        summary.append([label, value])
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["B"].width = 100
    chosen = book.create_sheet(_t(lang, "抽中对象", "Selected"))
    chosen.append([_t(lang, "序号", "No."), _t(lang, "统一社会信用代码", "Credit code"),
                   _t(lang, "分层", "Stratum"), _t(lang, "得分", "Score"),
                   _t(lang, "主检", "Lead"), _t(lang, "协检", "Assisting")])
    for row in _selection_rows(selected):
        chosen.append(row)
    unassigned = book.create_sheet(_t(lang, "未能派员", "Unassigned"))
    unassigned.append([_t(lang, "统一社会信用代码", "Credit code"), _t(lang, "原因", "Reason")])
    for item in protocol["unassigned"]:
        unassigned.append([str(item["key"]), str(item["reason"])])
    for sheet in (chosen, unassigned):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for column, width in zip("ABCDEF", (8, 22, 8, 68, 12, 24), strict=True):
        chosen.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf_bytes(lines: Sequence[tuple[str, str]], protocol: Mapping[str, Any],
               lang: Lang) -> bytes:
    font_path = _cjk_font()
    title_font = ImageFont.truetype(str(font_path), 40)
    body_font = ImageFont.truetype(str(font_path), 24)
    pages: list[Image.Image] = []
    writer = _PageWriter(pages, body_font)
    writer.heading(_t(lang, "双随机抽取记录", "Random draw record"), title_font)
    for label, value in lines:
        writer.wrapped(f"{label}：{value}")
    writer.gap()
    writer.heading(_t(lang, "抽中对象及检查组（主检在前）",
                      "Selected entities and teams (lead first)"), body_font)
    for number, key, stratum, _score, lead, others in _selection_rows(protocol["selected"]):
        writer.wrapped(f"{number}. {key}  [{stratum}]  {lead} {others}")
    if protocol["unassigned"]:
        writer.gap()
        writer.heading(_t(lang, "未能派员", "Unassigned"), body_font)
        for item in protocol["unassigned"]:
            writer.wrapped(f"{item['key']}：{item['reason']}")
    writer.gap()
    writer.wrapped(_t(lang, "操作人签名：__________  监督人签名：__________  日期：________",
                      "Operator: __________  Witness: __________  Date: ________"))
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:],
                  resolution=150.0)
    return buffer.getvalue()


class _PageWriter:
    """Lays text out top to bottom on A4 pages, starting a new page when one is full."""

    def __init__(self, pages: list[Image.Image], font: ImageFont.FreeTypeFont) -> None:
        self._pages = pages
        self._font = font
        self._y = _PAGE[1]  # forces a first page
        self._draw: ImageDraw.ImageDraw | None = None

    def _line_space(self, height: int) -> ImageDraw.ImageDraw:
        if self._draw is None or self._y + height > _PAGE[1] - _MARGIN:
            page = Image.new("L", _PAGE, 255)
            self._pages.append(page)
            self._draw = ImageDraw.Draw(page)
            self._y = _MARGIN
        return self._draw

    def heading(self, text: str, font: ImageFont.FreeTypeFont) -> None:
        height = int(font.size * 1.6)
        draw = self._line_space(height)
        draw.text((_MARGIN, self._y), text, font=font, fill=0)
        self._y += height

    def wrapped(self, text: str) -> None:
        width = _PAGE[0] - 2 * _MARGIN
        line = ""
        for char in text:
            if self._font.getlength(line + char) > width:
                self._write(line)
                line = "    "
            line += char
        self._write(line)

    def gap(self) -> None:
        self._y += _LINE // 2

    def _write(self, line: str) -> None:
        draw = self._line_space(_LINE)
        draw.text((_MARGIN, self._y), line, font=self._font, fill=0)
        self._y += _LINE


def _cjk_font() -> Path:
    for candidate in _FONT_CANDIDATES:
        if candidate.exists():
            return candidate
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run([fc_match, "-f", "%{file}", ":lang=zh-cn"], check=False,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        if found and Path(found).exists():
            return Path(found)
    raise ReportError(LocalText(
        "找不到中文字体，无法生成 PDF；请安装 fonts-wqy-microhei",
        "no Chinese font found to write the PDF; install fonts-wqy-microhei"))
