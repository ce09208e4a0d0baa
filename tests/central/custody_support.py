"""Samples as a laptop pushes them (``sample``, ``sample_portion``, hash-chained
``custody_event`` records), for the tests of the platform's custody endpoints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector.core.custody import CustodyEntry, chain_entry
from inspector.core.ids import new_uuid
from inspector.core.lifecycles import CustodyEventKind, PortionRole
from inspector.core.sample_codes import make_sample_code
from tests.central.support import item

K = CustodyEventKind
LAB_NAME = "河北省产品质量监督检验研究院"
TO_THE_LAB = (K.COLLECTED, K.SEALED, K.SIGNED, K.HANDED_OVER)


@dataclass
class PushedSample:
    """A sample's records as a laptop pushes them, and what the tests need to know."""

    code: str
    items: list[dict[str, Any]]
    portion_uuids: dict[str, str]  # portion code -> record uuid
    chains: dict[str, list[CustodyEntry]]  # portion code -> entries

    @property
    def test_portion(self) -> str:
        return f"{self.code}-P01"

    @property
    def backup_portion(self) -> str:
        return f"{self.code}-P02"

    def next_event(self, portion: str, kind: CustodyEventKind,
                   **fields: Any) -> dict[str, Any]:
        """The item of the next event a laptop records on ``portion`` (kept in the chain)."""
        chain = self.chains[portion]
        when = chain[-1].occurred_at + timedelta(minutes=30)
        entry = chain_entry(chain[-1], kind=kind, occurred_at=when, actor="张三", **fields)
        chain.append(entry)
        return item("custody_event", event_body(entry, self.portion_uuids[portion]))


def event_body(entry: CustodyEntry, portion_uuid: str) -> dict[str, Any]:
    """The body ``inspector/sync/catalogue.py`` gives a custody event row."""
    return {"kind": entry.kind.value, "occurred_at": entry.occurred_at.isoformat(),
            "from_party": entry.from_party, "to_party": entry.to_party,
            "seal_intact": entry.seal_intact, "note": "", "seq": entry.seq,
            "actor": entry.actor, "place": entry.place, "result": entry.result or "",
            "report_number": entry.report_number, "reason": entry.reason,
            "photo_sha256": entry.photo_sha256, "prev_hash": entry.prev_hash,
            "hash": entry.hash, "portion": portion_uuid}


def laptop_sample(sequence: int, *, steps: tuple[CustodyEventKind, ...] = TO_THE_LAB,
                  division: str = "130123", device: str = "0A3",
                  taken: datetime | None = None) -> PushedSample:
    """A sample with a test and a backup portion whose custody went through ``steps``
    (by default up to the hand-over to the lab), two days ago unless ``taken`` says."""
    start = taken or datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    code = str(make_sample_code(division, start.year, device, sequence))
    sample = item("sample", {"sample_code": code, "name": "散装白酒",
                             "sampled_at": start.isoformat(), "inspection": None,
                             "task": None, "fields": {"link": "circulation"}})
    items = [sample]
    pushed = PushedSample(code, items, {}, {})
    for number, role in ((1, PortionRole.TEST), (2, PortionRole.BACKUP)):
        portion_code = f"{code}-P{number:02d}"
        portion = item("sample_portion", {"suffix": f"P{number:02d}", "role": role.value,
                                           "quantity": "1", "unit": "瓶",
                                           "seal_number": f"FT-{sequence}-{number}",
                                           "sample": sample["uuid"]})
        items.append(portion)
        pushed.portion_uuids[portion_code] = portion["uuid"]
        chain: list[CustodyEntry] = []
        for offset, kind in enumerate(steps):
            chain.append(chain_entry(
                chain[-1] if chain else None, kind=kind,
                occurred_at=start + timedelta(minutes=10 * offset), actor="张三",
                portion_code=portion_code, role=role, place="正定县某某副食店",
                **_fields(kind)))
        pushed.chains[portion_code] = chain
        items += [item("custody_event", event_body(e, portion["uuid"])) for e in chain]
    return pushed


def _fields(kind: CustodyEventKind) -> dict[str, Any]:
    if kind is K.HANDED_OVER:
        return {"from_party": "张三", "to_party": LAB_NAME, "seal_intact": True}
    if kind is K.IN_TRANSIT:
        return {"from_party": "张三", "to_party": LAB_NAME}
    return {}


def step(kind: str, **fields: Any) -> dict[str, Any]:
    """A lab's request body for one step, with a fresh event uuid."""
    return {"event_uuid": new_uuid(), "kind": kind, **fields}
