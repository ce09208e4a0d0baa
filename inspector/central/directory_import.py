"""Importing the directories on the platform: the desktop's Excel/CSV rules, as records.

Contract: :func:`import_directory` parses the file with the same core rules as the
laptop (headers, encodings, every cell's reason), turns each valid row into an
``entity`` or ``inspector`` record owned by the importing administrator's unit, and
pushes them through the ordinary push mechanism, so they reach the laptops on the
``directory`` feed. A row's UUID is derived from its key (credit code, staff id), so a
re-import updates the records it made instead of duplicating them; unchanged rows are
acknowledged as unchanged. Runs in the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.central import records
from inspector.central.models import Record
from inspector.central.principal import Principal
from inspector.core.directory import EntityRecord, InspectorRecord
from inspector.core.directory_rows import (
    ENTITY_FIELDS,
    INSPECTOR_FIELDS,
    ColumnMap,
    EntityRowValidator,
    InspectorRowValidator,
    RowProblem,
)
from inspector.core.tables import parse_table
from inspector.sync.protocol import MAX_PUSH_ITEMS, ItemStatus, PushItem

# A fixed namespace: the same key always names the same directory record.
DIRECTORY_NAMESPACE = uuid.UUID("6f1d2c5e-7a43-4d8e-9b1f-2a6c0e5d9b37")


@dataclass
class DirectoryImportResult:
    rows_read: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def import_directory(session: Session, principal: Principal, kind: str, name: str,
                     data: bytes) -> DirectoryImportResult:
    if kind not in ("entities", "inspectors"):
        raise ValueError(f"unknown directory {kind}")
    result = DirectoryImportResult()
    items: list[PushItem] = []
    with parse_table(name, data) as table:
        if kind == "entities":
            validator: Any = EntityRowValidator(ColumnMap.from_header(table.header,
                                                                      ENTITY_FIELDS))
        else:
            validator = InspectorRowValidator(ColumnMap.from_header(table.header,
                                                                    INSPECTOR_FIELDS))
        for number, cells in table.rows:
            result.rows_read += 1
            record, problems = validator.validate(number, cells)
            result.problems.extend(problems)
            if record is not None:
                items.append(_item(record))
    for start in range(0, len(items), MAX_PUSH_ITEMS):
        chunk = _with_bases(session, items[start:start + MAX_PUSH_ITEMS])
        for answer in records.push(session, principal, chunk):
            result.statuses[answer.status.value] = result.statuses.get(answer.status.value,
                                                                       0) + 1
            if answer.status is ItemStatus.REFUSED:
                result.refused.append(f"{answer.uuid}: {answer.reason}")
    return result


def _item(record: EntityRecord | InspectorRecord) -> PushItem:
    if isinstance(record, EntityRecord):
        kind, key = "entity", record.identifier
        body: dict[str, Any] = {
            "identifier": record.identifier,
            "identifier_kind": record.identifier_kind.value,
            "name": record.name,
            "entity_type": record.entity_type.value,
            "region_code": record.region_code,
            "address": record.address,
            "legal_representative": record.legal_representative,
            "industry": record.industry,
            "risk_class": record.risk_class.value if record.risk_class else None,
            "registration_status": record.registration_status.value,
        }
    else:
        kind, key = "inspector", record.staff_id
        body = {
            "staff_id": record.staff_id, "name": record.name, "unit": record.unit,
            "region_code": record.region_code, "cert_number": record.cert_number,
            "cert_authority": record.cert_authority,
            "cert_valid_from": record.cert_valid_from.isoformat()
            if record.cert_valid_from else None,
            "cert_valid_to": record.cert_valid_to.isoformat() if record.cert_valid_to else None,
            "qualifications": list(record.qualifications), "active": record.active,
        }
    return PushItem(kind=kind, uuid=str(uuid.uuid5(DIRECTORY_NAMESPACE, f"{kind}/{key}")),
                    content_hash=records.content_hash(body), body=body)


def _with_bases(session: Session, items: Sequence[PushItem]) -> list[PushItem]:
    """Name each record's stored version as its base, so a changed row is an update."""
    rows = session.execute(select(Record.uuid, Record.content_hash).where(
        Record.uuid.in_([i.uuid for i in items])))
    stored = {record_uuid: digest for record_uuid, digest in rows}
    return [i.model_copy(update={"base_hash": stored.get(i.uuid)}) for i in items]
