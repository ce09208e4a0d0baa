"""The laptop's sync bookkeeping: what the server holds of each record, feed cursors,
and the persistent queue of files to upload.

- ``sync_record`` has one row per record the server has answered for (or sent down):
  the hash it acknowledged (the ``base_hash`` of the next edit), and, when something
  went wrong, the state (``quarantined``: refused, with the reason; ``conflict``: the
  server holds another version, whose hash is kept beside ours). The record's own row
  keeps its ``pending`` flag until an acknowledgement matches its current content.
- ``sync_cursor`` holds, per downstream feed, the cursor after the last page applied.
- ``blob_upload`` is the media queue: one row per file (by SHA-256) a record declares,
  with its role (upload copies go before originals), the offset the server confirmed,
  the bytes put on the wire (to count what was sent twice) and when it was verified.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.db.base import Base, utc_now


class SyncRecord(Base):
    __tablename__ = "sync_record"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    acked_hash: Mapped[str | None] = mapped_column(String(64))
    acked_deleted: Mapped[bool] = mapped_column(default=False)
    server_seq: Mapped[int | None] = mapped_column(BigInteger)
    # "ok", "quarantined" or "conflict" (see the module docstring).
    state: Mapped[str] = mapped_column(String(16), default="ok", index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    sent_hash: Mapped[str | None] = mapped_column(String(64))
    server_hash: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class SyncCursor(Base):
    __tablename__ = "sync_cursor"

    feed: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class BlobUpload(Base):
    __tablename__ = "blob_upload"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    # "upload_copy", "original", "signature" or "document"; upload copies go first.
    role: Mapped[str] = mapped_column(String(16))
    record_uuid: Mapped[str] = mapped_column(String(36))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    # "queued", "verified" or "quarantined".
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    confirmed_offset: Mapped[int] = mapped_column(BigInteger, default=0)
    wire_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    verified_at: Mapped[datetime | None] = mapped_column(default=None)
