"""Reading checklist files: our JSON format or an administrator's XLSForm workbook.

Contract: :func:`read_checklist_file` reads ``path`` (``.json`` in the format of
``docs/checklists.md``, or ``.xlsx`` XLSForm) and returns the checked
:class:`~inspector.forms.checklist.Checklist`, or raises :class:`ChecklistFileError`
carrying every problem (sheet, row and column for XLSForm; the field's place for
JSON), in both languages, never a traceback. An XLSForm's checklist code is its
``settings`` ``form_id``, else the file's name.
"""

from __future__ import annotations

import io
import json
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from inspector.core.audit_chain import canonical_json
from inspector.core.text import LocalText
from inspector.forms.checklist import Checklist, ChecklistError, parse_checklist
from inspector.forms.xlsform import XlsformError, checklist_from_xlsform


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
