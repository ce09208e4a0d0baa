"""Parsing the spreadsheets people actually have: .xlsx and .csv in any encoding.

Contract: pure (bytes in, rows out; reading the file is the caller's job).
:func:`parse_table` recognises the file by its content as well as its name and yields a
:class:`Table`: the header row and an iterator of ``(row_number, cells)``,
numbered as the spreadsheet shows them (the header is usually row 1). Fully empty rows
are skipped. CSV text is decoded as UTF-8 (with or without BOM), UTF-16 with BOM (Excel
"Unicode text"), or GB18030 (a superset of GBK, as Chinese office software writes it);
the encoding used is reported. Every failure raises :class:`TableFileError` with a
message naming the file; nothing is read half-way silently. Workbooks are parsed with
openpyxl from memory, which is computation on the bytes given, not I/O.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import PurePath

from inspector.core.directory_rows import Cell
from inspector.core.text import LocalText

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


class TableFileError(ValueError):
    """The file cannot be read as a table; ``text`` says why in both languages."""

    def __init__(self, text: LocalText) -> None:
        super().__init__(text.zh)
        self.text = text


@dataclass(frozen=True, slots=True)
class Table:
    """An opened table: its header, its data rows, and what we learned opening it."""

    header_row: int
    header: Sequence[Cell]
    rows: Iterator[tuple[int, Sequence[Cell]]]
    row_count_hint: int | None
    encoding: str | None
    sheet: str | None
    sha256: str = ""  # of the file's bytes, so callers need not read the file twice


@contextmanager
def parse_table(name: str, data: bytes) -> Iterator[Table]:
    """Parse ``data`` (the bytes of the file called ``name``) as a table."""
    head = data[:8]
    if not head:
        raise TableFileError(LocalText(f"文件 {name} 是空的", f"file {name} is empty"))
    suffix = PurePath(name).suffix.lower()
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise TableFileError(
            LocalText(
                f"{name} 是旧版 Excel（.xls）文件，不支持；"
                "请在 Excel 或 WPS 中另存为 .xlsx 或 .csv",
                f"{name} is an old Excel (.xls) workbook; save it as .xlsx or .csv",
            )
        )
    if head.startswith(_ZIP_MAGIC):
        if suffix in _CSV_SUFFIXES:
            raise TableFileError(
                LocalText(
                    f"{name} 的扩展名是 {suffix}，内容却是 Excel 工作簿；请改名为 .xlsx 后重试",
                    f"{name} is named {suffix} but holds an Excel workbook; rename it to .xlsx",
                )
            )
        with _parse_xlsx(name, data) as table:
            yield replace(table, sha256=hashlib.sha256(data).hexdigest())
        return
    if suffix in _XLSX_SUFFIXES:
        raise TableFileError(
            LocalText(
                f"{name} 不是有效的 .xlsx 文件（文件可能已损坏或只是改了扩展名）",
                f"{name} is not a valid .xlsx workbook (damaged, or only renamed)",
            )
        )
    if suffix not in _CSV_SUFFIXES:
        raise TableFileError(
            LocalText(
                f"不支持的文件类型“{suffix or name}”：请使用 .xlsx 或 .csv",
                f"unsupported file type '{suffix or name}': use .xlsx or .csv",
            )
        )
    yield replace(_parse_csv(name, data), sha256=hashlib.sha256(data).hexdigest())


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode CSV bytes; returns the text and the encoding that worked."""
    encodings: tuple[str, ...]
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        if b"\x00" in data[:4096]:
            raise TableFileError(
                LocalText(
                    f"{name} 不是文本文件（含二进制内容），无法作为 CSV 读取",
                    f"{name} is not a text file (binary content); cannot read it as CSV",
                )
            )
        encodings = ("utf-8", "gb18030")
    failure: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            failure = exc
    offset = failure.start if failure else 0
    raise TableFileError(
        LocalText(
            f"{name} 的编码无法识别（第 {offset} 字节处既不是 UTF-8 也不是 GBK/GB18030）",
            f"cannot decode {name}: byte {offset} is neither UTF-8 nor GBK/GB18030",
        )
    )


def _parse_csv(name: str, data: bytes) -> Table:
    text, encoding = decode_text(data, name)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = _non_empty(enumerate(reader, start=1))
    header_row, header = _header(numbered, name)
    # A line count is cheap and close enough for progress (quoted newlines are rare).
    lines = text.count("\n") + (0 if text.endswith(("\n", "\r")) else 1)
    hint = max(lines - header_row, 0)
    return Table(header_row, header, numbered, hint, encoding, None)


@contextmanager
def _parse_xlsx(name: str, data: bytes) -> Iterator[Table]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise TableFileError(
            LocalText(
                f"{name} 不是有效的 .xlsx 文件（{type(exc).__name__}）",
                f"{name} is not a valid .xlsx workbook ({type(exc).__name__})",
            )
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        numbered = _non_empty(rows)
        header_row, header = _header(numbered, name)
        max_row = sheet.max_row
        hint = max_row - header_row if isinstance(max_row, int) else None
        yield Table(header_row, header, numbered, hint, None, sheet.title)
    finally:
        workbook.close()


def _non_empty(
    rows: Iterator[tuple[int, Sequence[Cell]]],
) -> Iterator[tuple[int, Sequence[Cell]]]:
    for number, cells in rows:
        if not any(cells):  # all None or empty strings (C-speed, the common blank row)
            continue
        first = cells[0]
        if (first.__class__ is str and first.strip()) or any(
            c is not None and (not isinstance(c, str) or c.strip()) for c in cells
        ):
            yield number, cells


def _header(
    rows: Iterator[tuple[int, Sequence[Cell]]], name: str
) -> tuple[int, Sequence[Cell]]:
    first = next(rows, None)
    if first is None:
        raise TableFileError(
            LocalText(f"文件 {name} 中没有任何数据", f"file {name} contains no data")
        )
    return first
