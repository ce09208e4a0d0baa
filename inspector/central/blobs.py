"""The blob store: content-addressed files, uploaded in resumable chunks, verified by hash.

Contract: a blob is named by the SHA-256 of its bytes and lives at
``<blobs>/<aa>/<bb>/<sha256>`` once verified; until then its bytes accumulate in
``<blobs>/.partial/<sha256>``. The database row (locked for each chunk) holds how many
bytes have been received, so any worker of any process can take the next chunk, and a
client that lost its connection asks for the offset and continues from it. A chunk
at the wrong offset is refused with the right one. When the last byte arrives the
file is hashed: a match is moved into place atomically and marked verified; a mismatch
is discarded and the upload starts again from zero. Verified blobs are never rewritten.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.central import audit
from inspector.central.errors import ApiError, forbidden, not_found
from inspector.central.models import Blob, Unit
from inspector.central.principal import Principal
from inspector.central.settings import MAX_BLOB_BYTES, MAX_CHUNK_BYTES
from inspector.sync.protocol import ErrorCode, UploadStart, UploadState


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.partial = root / ".partial"
        self.partial.mkdir(parents=True, exist_ok=True)

    def final_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def partial_path(self, sha256: str) -> Path:
        return self.partial / sha256

    # -- operations (each in the caller's transaction) ---------------------------------

    def start(self, session: Session, principal: Principal, sha256: str,
              request: UploadStart) -> UploadState:
        principal.require_writer()
        if request.size > MAX_BLOB_BYTES:
            raise ApiError(413, ErrorCode.TOO_LARGE,
                           f"blobs are limited to {MAX_BLOB_BYTES} bytes")
        blob = self._locked(session, sha256) or self._create(session, principal, sha256,
                                                             request)
        if blob.verified_at is None and blob.size != request.size:
            if blob.received:
                raise ApiError(409, ErrorCode.CONFLICT,
                               f"an upload of this blob with size {blob.size} is in progress",
                               size=blob.size)
            # Nothing received yet (a new start, or after a hash mismatch): the new size holds.
            blob.size = request.size
            blob.media_type = request.media_type
            session.flush()
        if blob.verified_at is None and blob.size == 0:
            self._finish(session, principal, blob)
        return _state(blob)

    def _create(self, session: Session, principal: Principal, sha256: str,
                request: UploadStart) -> Blob:
        """Insert the upload's row; a concurrent start that won the race is reused."""
        try:
            with session.begin_nested():
                blob = Blob(sha256=sha256, size=request.size, media_type=request.media_type,
                            received=0, unit_id=principal.unit_id,
                            uploaded_by=principal.account_id)
                session.add(blob)
                session.flush()
        except IntegrityError:
            existing = self._locked(session, sha256)
            assert existing is not None
            return existing
        self.partial_path(sha256).write_bytes(b"")
        return blob

    def state(self, session: Session, principal: Principal, sha256: str) -> UploadState:
        principal.require_syncing()
        blob = session.get(Blob, sha256)
        if blob is None:
            raise not_found("no such blob or upload")
        self._check_scope(session, principal, blob)
        return _state(blob)

    def append(self, session: Session, principal: Principal, sha256: str, offset: int,
               chunk: bytes) -> UploadState:
        principal.require_writer()
        if len(chunk) > MAX_CHUNK_BYTES:
            raise ApiError(413, ErrorCode.TOO_LARGE,
                           f"chunks are limited to {MAX_CHUNK_BYTES} bytes")
        blob = self._locked(session, sha256)
        if blob is None:
            raise not_found("start the upload first (POST /blobs/{sha256})")
        if blob.verified_at is not None:
            return _state(blob)
        if offset != blob.received:
            raise ApiError(409, ErrorCode.OFFSET_MISMATCH,
                           f"the next byte expected is {blob.received}", offset=blob.received)
        if blob.received + len(chunk) > blob.size:
            raise ApiError(413, ErrorCode.TOO_LARGE,
                           f"the chunk runs past the declared size {blob.size}")
        path = self.partial_path(sha256)
        with path.open("r+b" if path.exists() else "w+b") as handle:
            handle.seek(offset)
            handle.write(chunk)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        blob.received += len(chunk)
        if blob.received == blob.size:
            self._finish(session, principal, blob)
        session.flush()
        return _state(blob)

    def open_verified(self, session: Session, principal: Principal, sha256: str) -> Path:
        principal.require_syncing()
        blob = session.get(Blob, sha256)
        if blob is None or blob.verified_at is None:
            raise not_found("no such verified blob")
        self._check_scope(session, principal, blob)
        return self.final_path(sha256)

    @staticmethod
    def _check_scope(session: Session, principal: Principal, blob: Blob) -> None:
        unit = session.get(Unit, blob.unit_id)
        if unit is None or not principal.covers(blob.unit_id, unit.region_code):
            raise forbidden("this blob belongs to another unit")

    # -- internals -------------------------------------------------------------------------

    @staticmethod
    def _locked(session: Session, sha256: str) -> Blob | None:
        return session.execute(
            select(Blob).where(Blob.sha256 == sha256).with_for_update()
        ).scalar_one_or_none()

    def _finish(self, session: Session, principal: Principal, blob: Blob) -> None:
        partial = self.partial_path(blob.sha256)
        digest = hashlib.sha256()
        with partial.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != blob.sha256:
            partial.write_bytes(b"")
            blob.received = 0
            session.flush()
            # The reset must survive the error response: commit it before raising.
            session.commit()
            raise ApiError(422, ErrorCode.HASH_MISMATCH,
                           "the bytes received do not hash to the blob's name; upload again "
                           "from offset 0", actual=digest.hexdigest(), offset=0)
        final = self.final_path(blob.sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        partial.replace(final)
        blob.verified_at = datetime.now(UTC)
        audit.append(session, actor=principal.username, role=principal.role.value,
                     action="blob.verified", object_kind="blob", object_id=blob.sha256,
                     payload={"size": blob.size, "media_type": blob.media_type})


def _state(blob: Blob) -> UploadState:
    return UploadState(sha256=blob.sha256, size=blob.size, offset=blob.received,
                       verified=blob.verified_at is not None)
