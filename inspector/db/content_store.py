"""The workspace's content-addressed file store (photo originals, upload copies,
signatures, documents).

Contract: a file is named by the SHA-256 of its bytes and lives at
``<root>/<aa>/<bb>/<sha256>``. It is written once (to a temporary name in the same
folder, flushed to disk, then renamed into place) and never rewritten: storing bytes
that are already there does nothing. Readers therefore never see a half-written file,
and a crash while storing leaves at most a temporary file, which :meth:`sweep` removes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

_READ_BLOCK = 1 << 20


class ContentStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

    def open(self, sha256: str) -> BinaryIO:
        return self.path(sha256).open("rb")

    def intact(self, sha256: str) -> bool:
        """Whether the stored file still hashes to its name (disks do fail)."""
        digest = hashlib.sha256()
        with self.open(sha256) as stream:
            while block := stream.read(_READ_BLOCK):
                digest.update(block)
        return digest.hexdigest() == sha256

    def put_bytes(self, data: bytes) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        if not self.has(sha256):
            self._write(sha256, [data])
        return sha256

    def put_file(self, source: Path) -> str:
        """Store a copy of ``source`` (read twice: once to hash, once to copy)."""
        digest = hashlib.sha256()
        with source.open("rb") as stream:
            while block := stream.read(_READ_BLOCK):
                digest.update(block)
        sha256 = digest.hexdigest()
        if not self.has(sha256):
            with source.open("rb") as stream:
                self._write(sha256, iter(lambda: stream.read(_READ_BLOCK), b""))
        return sha256

    def sweep(self) -> int:
        """Remove temporary files left by a crash; returns how many."""
        removed = 0
        if self.root.is_dir():
            for leftover in self.root.glob("*/*/.incoming-*"):
                leftover.unlink(missing_ok=True)
                removed += 1
        return removed

    def _write(self, sha256: str, blocks: Iterable[bytes]) -> None:
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as sink:
                for block in blocks:
                    sink.write(block)
                sink.flush()
                os.fsync(sink.fileno())
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
