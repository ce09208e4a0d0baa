"""Importing one photo as evidence: the original kept byte for byte, an upload copy and a
thumbnail derived, facts read from its EXIF.

Contract: :func:`import_photo` = :func:`prepare_photo` then :func:`store_photo`.

- :func:`prepare_photo` does all the work in memory and writes nothing: it reads the
  file once (hashing while it reads), decodes it once at upload size (JPEG draft
  decoding when the photo is much larger), derives the thumbnail from that upload-sized
  picture *before* the stamp is drawn, draws the stamp, and encodes both JPEGs. Every
  refusal (:class:`~inspector.media.errors.PhotoRefusedError`) and a missing stamp font
  (:class:`~inspector.media.errors.StampFontError`) happen here, so a refused photo
  leaves nothing in the store.
- :func:`store_photo` writes the three files into the content store (each written once,
  atomically, by :class:`~inspector.db.content_store.ContentStore`). If a write fails
  (a full disk), the files this call had created are removed again and
  :class:`~inspector.media.errors.MediaStoreError` is raised. (A concurrent import of the
  very same bytes could see such a file vanish; services import one photo per file and
  record it only after this returns.)

The original is never rewritten or re-encoded: its SHA-256 is that of the bytes read.
The upload copy is a JPEG at most ``policy.upload_long_edge`` on its long side at
``policy.upload_quality``, upright, without EXIF (the facts travel in the record), with
the source's colour profile; it is never larger than the photo in pixels, and when the
original is a JPEG that already fits and nothing is drawn on it, the original itself is
the upload copy if re-encoding would make more bytes (then it keeps its EXIF). Runs on a
worker thread (the media pool), never touches the database, commits nothing: the caller
records the ``Photo`` row from the returned :class:`PhotoImport`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector.core.text import LocalText
from inspector.db.content_store import ContentStore
from inspector.media.errors import MediaStoreError
from inspector.media.fonts import find_cjk_font
from inspector.media.imaging import RESAMPLE, decode_photo, encode_jpeg, fit, read_original
from inspector.media.policy import DEFAULT_POLICY, PhotoPolicy
from inspector.media.stamp import StampText, draw_stamp

_JPEG_FORMATS = frozenset({"JPEG", "MPO"})


@dataclass(frozen=True, slots=True)
class PhotoImport:
    """Everything the ``Photo`` row needs, and the derivatives' names in the store.

    ``width``/``height`` are the whole photo's as displayed (EXIF orientation applied);
    ``orientation`` is the EXIF value (1-8) of the original; ``captured_at`` is aware
    when the EXIF states its offset, naive (camera wall clock) otherwise, ``None``
    without EXIF time; ``latitude``/``longitude`` are decimal-degree strings
    (``"38.1460000"``) or ``None``; ``exif`` maps selected tag names to strings
    (read-only: copy it with ``dict(...)`` for the row's JSON column)."""

    original_sha256: str
    original_size: int
    media_type: str
    width: int
    height: int
    orientation: int
    captured_at: datetime | None
    latitude: str | None
    longitude: str | None
    exif: Mapping[str, str]
    upload_sha256: str
    upload_size: int
    upload_width: int
    upload_height: int
    upload_is_original: bool
    stamped: bool
    thumbnail_sha256: str
    thumbnail_size: int
    thumbnail_width: int
    thumbnail_height: int


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """A photo ready to store: its facts and the bytes of the three files."""

    photo: PhotoImport
    original: bytes
    upload: bytes
    thumbnail: bytes


def import_photo(source: Path | bytes, store: ContentStore, *,
                 policy: PhotoPolicy = DEFAULT_POLICY,
                 stamp: StampText | None = None) -> PhotoImport:
    """Prepare ``source`` (a file or its bytes) and store it; see the module's contract."""
    return store_photo(prepare_photo(source, policy=policy, stamp=stamp), store)


def prepare_photo(source: Path | bytes, *, policy: PhotoPolicy = DEFAULT_POLICY,
                  stamp: StampText | None = None) -> PreparedPhoto:
    """Everything :func:`import_photo` stores, computed in memory; writes nothing."""
    font = find_cjk_font(policy.stamp_font) if stamp is not None else None
    original = read_original(source, policy)
    decoded = decode_photo(original.data, policy, policy.upload_long_edge)
    picture = decoded.image
    thumbnail_size = fit(picture.width, picture.height, policy.thumbnail_long_edge)
    # reducing_gap: box-average by an integer factor first, then bicubic for the rest;
    # at 1.5 a third of the time of a plain bicubic for no difference visible at 320 px.
    thumbnail = (picture.resize(thumbnail_size, RESAMPLE, reducing_gap=1.5)
                 if thumbnail_size != picture.size else picture)
    thumbnail_bytes = encode_jpeg(thumbnail, policy.thumbnail_quality, decoded.icc_profile)
    if font is not None and stamp is not None:  # after the thumbnail: upload copy only
        draw_stamp(picture, stamp, font)
    upload = encode_jpeg(picture, policy.upload_quality, decoded.icc_profile)
    upload_is_original = (font is None and decoded.format in _JPEG_FORMATS
                          and picture.size == (decoded.width, decoded.height)
                          and len(upload) > len(original.data))
    if upload_is_original:
        upload = original.data
    facts = decoded.exif
    photo = PhotoImport(
        original_sha256=original.sha256,
        original_size=len(original.data),
        media_type=decoded.media_type,
        width=decoded.width,
        height=decoded.height,
        orientation=facts.orientation,
        captured_at=facts.captured_at,
        latitude=facts.latitude,
        longitude=facts.longitude,
        exif=facts.tags,
        upload_sha256=(original.sha256 if upload_is_original
                       else hashlib.sha256(upload).hexdigest()),
        upload_size=len(upload),
        upload_width=picture.width,
        upload_height=picture.height,
        upload_is_original=upload_is_original,
        stamped=font is not None,
        thumbnail_sha256=hashlib.sha256(thumbnail_bytes).hexdigest(),
        thumbnail_size=len(thumbnail_bytes),
        thumbnail_width=thumbnail.width,
        thumbnail_height=thumbnail.height,
    )
    return PreparedPhoto(photo, original.data, upload, thumbnail_bytes)


def store_photo(prepared: PreparedPhoto, store: ContentStore) -> PhotoImport:
    """Write the prepared files into ``store`` (those already there are left as they are)."""
    photo = prepared.photo
    files = ((photo.original_sha256, prepared.original),
             (photo.upload_sha256, prepared.upload),
             (photo.thumbnail_sha256, prepared.thumbnail))
    created: list[str] = []
    try:
        for sha256, data in files:
            if store.has(sha256):
                continue
            stored = store.put_bytes(data)
            created.append(stored)
            if stored != sha256:  # the store hashes again; a mismatch means bad memory
                raise OSError(f"stored bytes hash to {stored}, expected {sha256}")
    except OSError as exc:
        for sha256 in created:
            store.path(sha256).unlink(missing_ok=True)
        raise MediaStoreError(LocalText(
            f"无法保存照片文件：{exc.strerror or exc}",
            f"cannot store the photo's files: {exc.strerror or exc}")) from exc
    return photo
