"""The sync protocol: every message the laptops and the central platform exchange.

Contract: pydantic models, shared verbatim by the client (``inspector.sync``) and the
server (``inspector.central``), which imports nothing else of the client. Field names
are the JSON names on the wire. Version 1 lives under ``/api/v1``; a breaking change
gets a new prefix. The human description is ``docs/sync-protocol.md``.

Rules the models encode:
- every record is identified by a client-made UUID and a SHA-256 ``content_hash`` of
  the canonical JSON of its ``body`` (see :func:`inspector.core.audit_chain.canonical_json`);
- a push answers each item on its own (:class:`ItemStatus`), so one bad item never
  fails its batch;
- feeds are paged by an opaque integer cursor that only grows.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from inspector.core.roles import Role

API_PREFIX = "/api/v1"
PROTOCOL_VERSION = 1
MAX_PUSH_ITEMS = 500
MAX_FEED_PAGE = 1000
DEFAULT_FEED_PAGE = 200

Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Uuid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                                r"[0-9a-f]{4}-[0-9a-f]{12}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class Message(BaseModel):
    """Base of every message: unknown fields are refused, instances are immutable, and no
    text field may hold a NUL character (PostgreSQL cannot store one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("text may not contain NUL characters")
        return value


class ErrorCode(StrEnum):
    UNAUTHENTICATED = "unauthenticated"
    TOKEN_EXPIRED = "token_expired"
    TOKEN_REVOKED = "token_revoked"
    DEVICE_REVOKED = "device_revoked"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    INVALID = "invalid"
    HASH_MISMATCH = "hash_mismatch"
    OFFSET_MISMATCH = "offset_mismatch"
    TOO_LARGE = "too_large"


class ErrorBody(Message):
    """Every 4xx answer carries this body: a stable code and a human message."""

    code: ErrorCode
    message: str
    detail: dict[str, Any] = Field(default_factory=dict)


# -- accounts and devices ---------------------------------------------------------------


class LoginRequest(Message):
    username: Name
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]
    device_uuid: Uuid | None = None


class UserInfo(Message):
    username: str
    display_name: str
    role: Role
    unit_code: str
    region_code: str
    staff_id: str | None = None


class LoginResponse(Message):
    token: str
    expires_at: str  # ISO 8601, UTC
    user: UserInfo


class EnrollRequest(Message):
    device_uuid: Uuid
    name: Name


class DeviceInfo(Message):
    device_uuid: str
    name: str
    sample_prefix: str
    owner: str
    enrolled_at: str
    revoked_at: str | None = None


# -- push (upstream) ----------------------------------------------------------------------


class PushItem(Message):
    """One record as the laptop has it.

    ``base_hash`` names the stored version an edit replaces; without it, a different
    body under a known UUID is a conflict. ``blobs`` lists the SHA-256 of every file
    the record needs (photos, signatures, PDFs).
    """

    kind: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    uuid: Uuid
    content_hash: Sha256Hex
    body: dict[str, Any]
    base_hash: Sha256Hex | None = None
    deleted: bool = False
    blobs: list[Sha256Hex] = Field(default_factory=list, max_length=200)


class PushRequest(Message):
    items: list[PushItem] = Field(min_length=1, max_length=MAX_PUSH_ITEMS)


class ItemStatus(StrEnum):
    STORED = "stored"  # new, or a new revision of a known record
    UNCHANGED = "unchanged"  # the same UUID with the same hash: a retry, acknowledged again
    CONFLICT = "conflict"  # the same UUID with other content and no matching base
    REFUSED = "refused"  # invalid, or not allowed for this account


class PushResult(Message):
    uuid: str
    status: ItemStatus
    stored_hash: str | None = None
    server_seq: int | None = None
    reason: str | None = None
    missing_blobs: list[str] = Field(default_factory=list)


class PushResponse(Message):
    results: list[PushResult]


# -- record bodies of the kinds the foundation defines -------------------------------------


class EntityBody(Message):
    """A market entity of the directory (kind ``entity``, feed ``directory``)."""

    identifier: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{15}([0-9A-Z]{3})?$")]
    identifier_kind: Annotated[str, StringConstraints(pattern=r"^(uscc|legacy_reg)$")]
    name: Name
    entity_type: Annotated[str, StringConstraints(
        pattern=r"^(enterprise|individual|cooperative|other)$")]
    region_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
    address: Annotated[str, StringConstraints(max_length=500)] = ""
    legal_representative: Annotated[str, StringConstraints(max_length=500)] = ""
    industry: Annotated[str, StringConstraints(max_length=500)] = ""
    risk_class: Annotated[str, StringConstraints(pattern=r"^[A-E]$")] | None = None
    registration_status: Annotated[str, StringConstraints(
        pattern=r"^(active|suspended|cancelled|revoked|withdrawn|moved_out)$")] = "active"


class InspectorBody(Message):
    """An inspector of the roster (kind ``inspector``, feed ``directory``)."""

    staff_id: Name
    name: Name
    unit: Name
    region_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
    cert_number: Annotated[str, StringConstraints(max_length=500)] = ""
    cert_authority: Annotated[str, StringConstraints(max_length=500)] = ""
    cert_valid_from: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    cert_valid_to: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    qualifications: list[str] = Field(default_factory=list, max_length=50)
    active: bool = True


# -- feeds (downstream) ---------------------------------------------------------------------


class FeedItem(Message):
    kind: str
    uuid: str
    content_hash: str
    body: dict[str, Any]
    deleted: bool
    server_seq: int


class FeedPage(Message):
    feed: str
    items: list[FeedItem]
    next_cursor: int
    has_more: bool


class KindState(Message):
    """What the server holds of one kind, in the caller's scope: count and digest.

    ``digest`` is the SHA-256 of the lines ``<uuid> <content_hash> <0|1 deleted>``
    sorted by uuid and joined with newlines; the laptop computes the same over its
    copy and resyncs the feed when they differ.
    """

    kind: str
    count: int
    digest: str


class SyncState(Message):
    feed: str
    kinds: list[KindState]


class CheckpointUpdate(Message):
    cursor: Annotated[int, Field(ge=0)]


class Checkpoint(Message):
    """How far a device has applied a feed, kept on the server too (as CouchDB does)."""

    feed: str
    cursor: int
    updated_at: str


# -- blobs ----------------------------------------------------------------------------------


class UploadStart(Message):
    size: Annotated[int, Field(ge=0)]
    media_type: Annotated[str, StringConstraints(max_length=100)] = "application/octet-stream"


class UploadState(Message):
    """Where an upload stands: the next byte the server expects, or verified."""

    sha256: str
    size: int
    offset: int
    verified: bool


class MissingBlobs(Message):
    uuid: str
    missing: list[str]


# -- audit ------------------------------------------------------------------------------------


class AuditVerdictBody(Message):
    intact: bool
    events_checked: int
    broken_at: int | None = None
    reason: str | None = None
