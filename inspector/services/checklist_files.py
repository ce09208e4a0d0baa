"""Reading checklist files: our JSON format or an administrator's XLSForm workbook.

Contract: :func:`read_checklist_file` reads ``path`` (``.json`` in the format of
``docs/checklists.md``, or ``.xlsx`` XLSForm) and returns the checked
:class:`~inspector.forms.checklist.Checklist`, or raises :class:`ChecklistFileError`
carrying every problem (sheet, row and column for XLSForm; the field's place for
JSON), in both languages, never a traceback. An XLSForm's checklist code is its
``settings`` ``form_id``, else the file's name.

:func:`write_xlsform` writes a checklist as an XLSForm workbook (the sheets of
:func:`~inspector.forms.xlsform_export.xlsform_sheets`) that reads back as the same
checklist, in one piece through
:func:`~inspector.services.file_output.write_file_atomically`.

openpyxl is imported by the functions that read or write a workbook, not with this
module, which the window imports through the checklist screens before it first paints.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import warnings
import zipfile
from pathlib import Path
from typing import Any

from inspector.core.audit_chain import canonical_json
from inspector.core.text import LocalText
from inspector.forms.checklist import Checklist, ChecklistError, parse_checklist
from inspector.forms.xlsform import XlsformError, checklist_from_xlsform
from inspector.forms.xlsform_export import SHEETS, XlsformExportError, xlsform_sheets
from inspector.services.file_output import write_file_atomically

MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths, in Excel's character units


class ChecklistFileError(ValueError):
    def __init__(self, problems: list[LocalText]) -> None:
        super().__init__("; ".join(p.en for p in problems))
        self.problems = tuple(problems)


def read_checklist_file(path: Path) -> Checklist:
    return read_checklist_document(path)[0]


def read_checklist_document(path: Path) -> tuple[Checklist, dict[str, Any]]:
    """The checked checklist and its document in our format (what is stored)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ChecklistFileError([LocalText(f"无法读取 {path}：{exc.strerror}",
                                            f"cannot read {path}: {exc.strerror}")]) from None
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            text = data.decode("utf-8")
            return parse_checklist(text, origin=path.name), json.loads(text)
        if suffix == ".xlsx":
            sheets = _sheets(data, path)
            document = checklist_from_xlsform(sheets, code=_code(sheets, path))
            return parse_checklist(canonical_json(document), origin=path.name), document
    except UnicodeDecodeError:
        raise ChecklistFileError([LocalText(f"{path.name} 不是 UTF-8 文本",
                                            f"{path.name} is not UTF-8 text")]) from None
    except (ChecklistError, XlsformError) as exc:
        raise ChecklistFileError([LocalText(f"{path.name}: {p.zh}", f"{path.name}: {p.en}")
                                  if isinstance(exc, XlsformError) else p
                                  for p in exc.problems]) from None
    raise ChecklistFileError([LocalText(f"{path.name}：清单文件应为 .json 或 XLSForm .xlsx",
                                        f"{path.name}: a checklist is .json or XLSForm .xlsx")])


def _sheets(data: bytes, path: Path) -> dict[str, list[tuple[Any, ...]]]:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on styles and properties
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ChecklistFileError([LocalText(f"{path.name} 不是可读的 Excel 工作簿：{exc}",
                                            f"{path.name} is not a readable Excel workbook: "
                                            f"{exc}")]) from None
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def _code(sheets: dict[str, list[tuple[Any, ...]]], path: Path) -> str:
    settings = next((rows for name, rows in sheets.items()
                     if name.strip().lower() == "settings"), None)
    if settings and len(settings) > 1:
        header = [str(c).strip().lower() if c is not None else "" for c in settings[0]]
        if "form_id" in header:
            value = settings[1][header.index("form_id")]
            if value:
                return str(value).strip()
    return re.sub(r"\s+", "_", path.stem.strip()) or "checklist"


def write_xlsform(checklist: Checklist, path: Path) -> None:
    """Write ``checklist`` to ``path`` as an XLSForm workbook: sheets survey, choices and
    settings, a bold header row, columns as wide as their text (within limits).

    Raises :class:`ChecklistFileError` when the checklist cannot be written as XLSForm
    (an item key XLSForm cannot name, a control character Excel refuses) and
    :class:`~inspector.services.file_output.FileOutputError` when the file cannot be
    written; nothing is left under ``path`` then."""
    try:
        sheets = xlsform_sheets(checklist)
    except XlsformExportError as exc:
        raise ChecklistFileError(list(exc.problems)) from None
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    book.remove(book.worksheets[0])
    for name in SHEETS:
        sheet = book.create_sheet(name)
        widths: dict[int, int] = {}
        for number, row in enumerate(sheets[name], start=1):
            for column, text in enumerate(row, start=1):
                if not text:
                    continue
                try:
                    cell = sheet.cell(row=number, column=column, value=text)
                except IllegalCharacterError:
                    where = f"{name}!{get_column_letter(column)}{number}"
                    raise ChecklistFileError([LocalText(
                        f"{where}：含有 Excel 不能保存的控制字符",
                        f"{where}: holds a control character Excel cannot store")]) from None
                cell.data_type = "s"  # a text such as "=..." stays a text, not a formula
                if number == 1:
                    cell.font = Font(bold=True)
                widths[column] = max(widths.get(column, 0), _width(text))
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = min(
                max(width + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    write_file_atomically(path, buffer.getvalue())


def _width(text: str) -> int:
    """How many character widths the longest line of ``text`` takes (Chinese: two)."""
    return max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
               for line in text.splitlines() or [""])
