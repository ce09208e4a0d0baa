"""Files the app hands to people (protocols, summaries, lists, packages), written whole.

Contract: :func:`write_file_atomically` writes ``data`` under a temporary name beside
``path``, flushes it to disk, then renames it into place, so a crash or a full disk
never leaves half a file under the real name. It raises :class:`FileOutputError`
naming the file, in Chinese and English, and leaves no temporary file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from inspector.core.text import LocalText


class FileOutputError(OSError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def write_file_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise FileOutputError(LocalText(f"无法写入 {path}：{exc.strerror}",
                                        f"cannot write {path}: {exc.strerror}")) from exc
