"""The messages of the custody endpoints (:mod:`.custody`): a lab's step, and chain views.

Contract: pydantic models on the sync protocol's :class:`~inspector.sync.protocol.Message`
base (unknown fields refused, immutable, no NUL character in any text). Text limits are
the laptop's column lengths, so an event a lab records always fits the laptop's
``custody_event`` table when it flows back down the owner's ``fieldwork`` feed. These
messages travel between the platform and a lab's client (or ``inspector-central
custody``); the laptops' sync does not use them: they receive the lab's events as
ordinary ``custody_event`` records.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints

from inspector.sync.protocol import Message, Sha256Hex, Uuid

Party = Annotated[str, StringConstraints(max_length=500, strip_whitespace=True)]


class LabStep(StrEnum):
    """The custody steps a laboratory records (the values of ``CustodyEventKind``)."""

    RECEIVED = "received"
    REFUSED = "refused"
    RESULT_RECORDED = "result_recorded"
    BACKUP_RETAINED = "backup_retained"
    BACKUP_RELEASED = "backup_released"
    BACKUP_DESTROYED = "backup_destroyed"
    DISPOSED = "disposed"


class LabEventRequest(Message):
    """One custody step in the lab, as a laboratory account records it.

    Which fields a step needs is :data:`inspector.core.custody.REQUIRED_FIELDS`: a
    receipt states the seal, which must be intact (a broken seal is refused instead);
    a refusal states the reason and the seal; a result is ``pass`` or ``fail`` with its
    report number; a release names who gets the backup; a destruction or disposal its
    reason. The actor is always the signed-in lab account.
    """

    event_uuid: Uuid = Field(description=(
        "made by the client once per step; sending the same step again with the same "
        "uuid (a retry) returns the stored event"))
    kind: LabStep
    occurred_at: AwareDatetime | None = Field(default=None, description=(
        "when it happened, with its UTC offset; default: when the platform receives it"))
    from_party: Party = Field(default="", description=(
        "receipt or refusal: who delivered it (default: the last hand-over's giver)"))
    to_party: Party = Field(default="", description=(
        "receipt or refusal: default the lab (its unit's name); a release: who gets it"))
    place: Party = Field(default="", description="default: the lab (its unit's name)")
    seal_intact: bool | None = None
    result: Literal["pass", "fail"] | None = None
    report_number: Annotated[str, StringConstraints(max_length=100,
                                                    strip_whitespace=True)] = ""
    reason: Annotated[str, StringConstraints(max_length=2000, strip_whitespace=True)] = ""
    photo_sha256: Sha256Hex | None = None


class CustodyEventView(Message):
    """One stored custody event of a portion, as the platform holds it."""

    uuid: str
    seq: int
    kind: str
    occurred_at: str  # ISO 8601 as stored (UTC from the laptops and the platform)
    actor: str
    place: str
    from_party: str
    to_party: str
    seal_intact: bool | None
    result: str | None
    report_number: str
    reason: str
    photo_sha256: str
    prev_hash: str
    hash: str
    server_seq: int
    recorded_by: str  # the account that pushed it (a laptop's user) or made it (a lab)


class ChainProblemView(Message):
    """One problem of a chain (:func:`inspector.core.custody.verify_chain`), or a stored
    record that is not a custody event at all (``kind`` ``body``)."""

    seq: int
    kind: str
    field: str
    message_zh: str
    message_en: str


class PortionCustodyView(Message):
    """A portion's chain of custody on the platform, checked, and what may come next."""

    portion_code: str
    sample_code: str
    sample_name: str
    role: str  # test, backup or other
    sample_uuid: str
    portion_uuid: str
    events: list[CustodyEventView]
    next_steps: list[str]
    intact: bool
    problems: list[ChainProblemView]


class RecordedStep(Message):
    """The answer to a lab's step: ``stored`` (new) or ``unchanged`` (a retry)."""

    status: Literal["stored", "unchanged"]
    event: CustodyEventView
    next_steps: list[str]
