"""The media queue: chunked, resumable uploads of the files records declare.

Contract: :class:`Uploader` sends queued files in role order (upload copies, then
signatures and documents, then originals, which wait unless the caller allows them:
a connection the user marked as fast, or "send originals"). Each file starts by asking
the server where it stands and continues from the server's offset, never from a local
guess, so a cut connection costs at most the chunk in flight. The chunk size adapts to
the link: it grows while chunks take under ``target_s`` and shrinks when they take
longer or fail. A file is marked verified (and may be let go of locally) only when the
server says it verified the hash. Progress is recorded in ``blob_upload`` through the
Database after every chunk, and reported to an optional callback.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db.content_store import ContentStore
from inspector.db.models import BlobUpload
from inspector.sync.database import Database
from inspector.sync.kinds import BlobRole
from inspector.sync.transport import OfflineError, ServerError, Transport

MIN_CHUNK = 32 * 1024
MAX_CHUNK = 4 * 1024 * 1024
FIRST_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class QueuedFile:
    sha256: str
    size: int
    role: str
    media_type: str
    confirmed_offset: int


@dataclass(frozen=True)
class FileProgress:
    sha256: str
    role: str
    sent: int
    size: int
    bytes_per_s: float


@dataclass(frozen=True)
class UploadCounts:
    verified: int = 0
    quarantined: int = 0
    left: int = 0


class Uploader:
    def __init__(self, database: Database, store: ContentStore, transport: Transport, *,
                 target_s: float = 2.0, clock: Callable[[], float] = time.monotonic,
                 on_progress: Callable[[FileProgress], None] | None = None) -> None:
        self._db, self._store, self._http = database, store, transport
        self._target_s, self._clock, self._on_progress = target_s, clock, on_progress
        self.chunk = FIRST_CHUNK
        self.resumes = 0

    def run(self, *, originals: bool, workers: int = 4) -> UploadCounts:
        """Send the queue in order on up to ``workers`` connections at once (while one
        waits for an answer, another keeps the link busy). Raises OfflineError once the
        link is gone; what was verified so far stays verified."""
        queue = self._db.read(lambda s: _queued(s, originals))
        outcomes: list[str] = []
        if queue:
            links = [self._http] + [self._http.clone() for _ in range(min(workers, len(queue)) - 1)]
            pending = iter(queue)
            lock = threading.Lock()

            def work(link: Transport) -> None:
                while True:
                    with lock:
                        queued = next(pending, None)
                    if queued is None:
                        return
                    outcomes.append(self._send(queued, link))

            with ThreadPoolExecutor(len(links), thread_name_prefix="inspector-upload") as pool:
                futures = [pool.submit(work, link) for link in links]
            for link in links[1:]:
                link.close()
            for future in futures:
                future.result()  # re-raise OfflineError (or anything else) here
        left = self._db.read(lambda s: len(_queued(s, originals=True)))
        return UploadCounts(outcomes.count("verified"), outcomes.count("quarantined"), left)

    def _send(self, queued: QueuedFile, link: Transport, *, restarted: bool = False) -> str:
        """Upload one file; raises OfflineError when the link is gone (the rest waits)."""
        if not self._store.has(queued.sha256):
            return self._settle(queued.sha256, "quarantined", "the file is missing on this laptop")
        state = link.start_upload(queued.sha256, queued.size, queued.media_type)
        failures = 0
        while not state.verified:
            offset = state.offset
            with self._store.open(queued.sha256) as source:
                source.seek(offset)
                data = source.read(self.chunk)
            started = self._clock()
            try:
                state = link.put_chunk(queued.sha256, offset, data)
            except (OfflineError, ServerError) as exc:
                if isinstance(exc, ServerError) and exc.code == "hash_mismatch":
                    # The server discarded what it had. Once, start again from zero;
                    # a second mismatch means the local copy itself is damaged.
                    if restarted or not self._store.intact(queued.sha256):
                        return self._settle(queued.sha256, "quarantined",
                                            "the file on this laptop does not match its hash")
                    return self._send(queued, link, restarted=True)
                failures += 1
                self.chunk = max(MIN_CHUNK, self.chunk // 2)
                self.resumes += 1
                if failures > link.policy.attempts:
                    raise OfflineError(f"upload of {queued.sha256[:12]} keeps failing") from exc
                link.sleep(link.policy.delay(failures - 1, link.rng))
                state = link.upload_state(queued.sha256)
                continue
            self._adapt(self._clock() - started, len(data))
            self._db.write(partial(_progress, sha256=queued.sha256, offset=state.offset,
                                   sent=len(data)))
            if self._on_progress is not None:
                self._on_progress(FileProgress(queued.sha256, queued.role, state.offset,
                                               queued.size, self.chunk / self._target_s))
        return self._settle(queued.sha256, "verified", "")

    def _adapt(self, elapsed: float, sent: int) -> None:
        if sent < self.chunk:
            return  # a file's last, short chunk says little about the link
        if elapsed < self._target_s / 2:
            self.chunk = min(MAX_CHUNK, self.chunk * 2)
        elif elapsed > self._target_s * 2:
            self.chunk = max(MIN_CHUNK, self.chunk // 2)

    def _settle(self, sha256: str, state: str, reason: str) -> str:
        def settle(session: Session) -> None:
            upload = session.get(BlobUpload, sha256)
            if upload is not None:
                upload.state, upload.reason = state, reason
                if state == "verified":
                    upload.verified_at = datetime.now(UTC)
                    upload.confirmed_offset = upload.size
        self._db.write(settle)
        return state


def _queued(session: Session, originals: bool) -> list[QueuedFile]:
    roles = [r for r in BlobRole.ORDER if originals or r != BlobRole.ORIGINAL]
    rows = session.scalars(select(BlobUpload).where(
        BlobUpload.state == "queued", BlobUpload.role.in_(roles))).all()
    rows = sorted(rows, key=lambda r: (BlobRole.ORDER.index(r.role), r.created_at, r.sha256))
    return [QueuedFile(r.sha256, r.size, r.role, r.media_type, r.confirmed_offset)
            for r in rows]


def _progress(session: Session, sha256: str, offset: int, sent: int) -> None:
    upload = session.get(BlobUpload, sha256)
    if upload is not None:
        upload.confirmed_offset = offset
        upload.wire_bytes += sent
        upload.attempts += 1
