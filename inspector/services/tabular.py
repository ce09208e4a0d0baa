"""Opening spreadsheet files for import: read the bytes, then parse them in the core.

Contract: :func:`open_table` reads ``path`` whole (the import needs every row anyway and
a 100,000-row file is a few megabytes) and hands the bytes to
:func:`inspector.core.tables.parse_table`. A missing or unreadable file raises
:class:`~inspector.core.tables.TableFileError` naming it, like every parse failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector.core.tables import Table, TableFileError, parse_table
from inspector.core.text import LocalText


@contextmanager
def open_table(path: Path) -> Iterator[Table]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TableFileError(LocalText(f"找不到文件：{path}", f"file not found: {path}")) from exc
    except OSError as exc:
        raise TableFileError(
            LocalText(f"无法读取文件 {path.name}：{exc.strerror}",
                      f"cannot read {path.name}: {exc.strerror}")
        ) from exc
    with parse_table(path.name, data) as table:
        yield table


__all__ = ["Table", "TableFileError", "open_table"]
