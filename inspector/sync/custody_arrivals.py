"""Custody events that arrive from the platform: whether they fit the laptop's chains.

Contract: :func:`custody_clash` runs in the inbox's session (it reads, never writes) for a
``custody_event`` the platform sends that this laptop does not hold yet (a step a lab
recorded on the platform, or one from a team lead's laptop). It answers why the event
cannot join the portion's chain here, or None when it can:

- its place (portion, sequence number) is held by an event this laptop recorded, sent
  or not (the inspector recorded a step offline while the lab recorded its own on the
  platform): the two chains forked;
- it follows another event than the one this laptop holds before it (the rest of a
  forked chain).

Custody events are append-only facts on both sides and a chain has one event per
number, so neither may replace the other: the inbox keeps the laptop's event and
reports the platform's as a conflict (``sync_record``, shown in the sync panel with
both sides), for a person to settle. A laptop holding nothing before the arriving
event's place is not a clash (the chain's earlier events come in the same feed).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db.models import CustodyEvent, Sample, SamplePortion


def custody_clash(session: Session, values: Mapping[str, Any]) -> str | None:
    """Why the arriving event (its column ``values``) cannot join its chain here, or None."""
    portion_id, seq = values.get("portion_id"), values.get("seq")
    if portion_id is None or not isinstance(seq, int):
        return None
    held = {number: (uuid, digest, pending) for number, uuid, digest, pending in
            session.execute(select(CustodyEvent.seq, CustodyEvent.uuid, CustodyEvent.hash,
                                   CustodyEvent.pending)
                            .where(CustodyEvent.portion_id == portion_id,
                                   CustodyEvent.seq.in_((seq - 1, seq))))}
    code = _portion_code(session, portion_id)
    if seq in held:
        uuid, _digest, pending = held[seq]
        state = "not yet sent" if pending else "sent"
        return (f"custody event {seq} of portion {code} is held on this laptop by {uuid} "
                f"({state}); the platform's event is kept aside, the laptop's stays: "
                "settle the order of the two steps "
                f"(份样 {code} 第 {seq} 条流转记录本机已有，保留本机记录，平台记录未写入)")
    before = held.get(seq - 1)
    if before is not None and before[1] != values.get("prev_hash"):
        return (f"custody event {seq} of portion {code} follows another event {seq - 1} "
                f"than this laptop's ({before[0]}): the chain forked; the laptop's stays "
                f"(份样 {code} 第 {seq} 条流转记录接在另一条第 {seq - 1} 条之后，"
                "与本机记录分叉，平台记录未写入)")
    return None


def _portion_code(session: Session, portion_id: int) -> str:
    found = session.execute(
        select(Sample.sample_code, SamplePortion.suffix)
        .join(SamplePortion, SamplePortion.sample_id == Sample.id)
        .where(SamplePortion.id == portion_id)).first()
    return f"{found[0]}-{found[1]}" if found is not None else f"#{portion_id}"
