"""Signed per-inspector assignment packages, for sites with no network.

Contract:

- :func:`export_package` writes one inspector's released tasks (with their entities,
  teams and check items) as a JSON file, format ``inspector-assignment-v1``, signed
  with this workspace's Ed25519 key. The key is made on first use and kept in the
  workspace (``workspace_setting``); :func:`signing_fingerprint` gives the fingerprint
  an inspector compares, by phone or in person, before trusting it.
- :func:`import_package` checks the signature over the canonical JSON of everything
  but ``signature``, and that the key is trusted here (trusted on an earlier import, or
  named now by its fingerprint), then in one transaction adds the entities and
  inspectors this workspace lacks and the tasks (by their UUIDs, so the same tasks
  arriving later through sync are recognised, never doubled). A changed byte, an
  unknown key or another format is refused naming the file, and nothing is written.
  Both are audited.
- :func:`package_fingerprint` reads a package and checks its signature without writing
  anything, and gives the fingerprint of the key that signed it: what an importer
  shows the user to compare with the one the team lead reads out.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.audit_chain import canonical_json
from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.core.lifecycles import TaskRole, TaskSource, TaskStatus
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.db.models import (
    Inspector,
    MarketEntity,
    Plan,
    Task,
    TaskInspector,
    WorkspaceSetting,
)
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.file_output import FileOutputError, write_file_atomically
from inspector.services.store import Store

FORMAT = "inspector-assignment-v1"
KEY_SETTING = "assignment.signing_key"
TRUSTED_SETTING = "assignment.trusted_keys"
SENT_STATES = (TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)


class PackageError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class PackageImport:
    inspector: str
    tasks_added: int
    tasks_known: int
    entities_added: int
    inspectors_added: int
    fingerprint: str


def fingerprint(public_key: bytes) -> str:
    """The key's SHA-256, first 16 bytes, in groups of four hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()[:32]
    return "-".join(digest[i:i + 4] for i in range(0, 32, 4))


def signing_fingerprint(store: Store) -> str:
    with store.write() as session:
        return fingerprint(_public_bytes(_signing_key(session)))


def package_fingerprint(path: Path) -> str:
    """The fingerprint of the key that signed the package at ``path``.

    Reads the file and verifies its signature, writing nothing; an unreadable file,
    another format or an invalid signature raises :class:`PackageError` exactly as
    :func:`import_package` does.
    """
    return fingerprint(_verified_key(_read(path), path))


def export_package(store: Store, actor: Actor, *, staff_id: str, path: Path,
                   now: datetime | None = None) -> Outcome[int]:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    with store.write() as session:
        inspector = session.scalar(select(Inspector).where(Inspector.staff_id == staff_id))
        if inspector is None:
            raise PackageError(LocalText(f"人员名录中没有 {staff_id}",
                                         f"no inspector {staff_id} in the directory"))
        tasks = _tasks_of(session, inspector.id)
        if not tasks:
            raise PackageError(LocalText(f"{staff_id} 没有已下达的任务",
                                         f"{staff_id} has no released tasks"))
        key = _signing_key(session)
        body = {
            "format": FORMAT,
            "issued_at": moment.isoformat(timespec="seconds"),
            "issuer": actor.name,
            "issuer_device": store.device_id,
            "inspector": staff_id,
            "public_key": base64.b64encode(_public_bytes(key)).decode("ascii"),
            "tasks": [_task_json(session, task) for task in tasks],
        }
        signature = key.sign(canonical_json(body).encode("utf-8"))
        document = {**body, "signature": base64.b64encode(signature).decode("ascii")}
        try:
            write_file_atomically(path, json.dumps(document, ensure_ascii=False,
                                                   indent=1).encode("utf-8"))
        except FileOutputError as exc:
            raise PackageError(exc.text) from exc
        append_event(session, actor=actor, device_id=store.device_id,
                     action="assignment.exported", object_kind="inspector",
                     object_id=staff_id, payload={"tasks": len(tasks), "file": path.name})
        return Outcome(len(tasks), frozenset({Topic.AUDIT}))


def import_package(store: Store, actor: Actor, path: Path, *,
                   trust: str | None = None) -> Outcome[PackageImport]:
    document = _read(path)
    public = _verified_key(document, path)
    key_print = fingerprint(public)
    with store.write() as session:
        trusted = _trusted(session)
        if key_print not in trusted:
            if trust is None or trust.strip().lower() != key_print:
                raise PackageError(LocalText(
                    f"{path.name} 由未受信任的密钥签名（指纹 {key_print}）；请与组长核对指纹后，"
                    "在导入时确认该指纹",
                    f"{path.name} is signed by a key not trusted here (fingerprint "
                    f"{key_print}); check the fingerprint with the team lead, then confirm "
                    "it when importing"))
            trusted.append(key_print)
            session.merge(WorkspaceSetting(key=TRUSTED_SETTING, value=json.dumps(trusted)))
        try:
            counts = _apply(session, document)
        except (KeyError, TypeError, ValueError) as exc:
            raise PackageError(LocalText(
                f"任务包 {path.name} 的内容不完整（{exc}），未导入任何内容",
                f"the assignment package {path.name} is incomplete ({exc}); nothing was "
                "imported")) from None
        append_event(session, actor=actor, device_id=store.device_id,
                     action="assignment.imported", object_kind="inspector",
                     object_id=str(document["inspector"]),
                     payload={"file": path.name, "fingerprint": key_print,
                              "tasks_added": counts[0], "tasks_known": counts[1]})
    result = PackageImport(str(document["inspector"]), counts[0], counts[1], counts[2],
                           counts[3], key_print)
    return Outcome(result, frozenset({Topic.TASKS, Topic.ENTITIES, Topic.INSPECTORS,
                                      Topic.AUDIT}))


# -- internals ----------------------------------------------------------------------------


def _signing_key(session: Session) -> Ed25519PrivateKey:
    setting = session.get(WorkspaceSetting, KEY_SETTING)
    if setting is not None:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(setting.value))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    session.add(WorkspaceSetting(key=KEY_SETTING, value=base64.b64encode(raw).decode()))
    session.flush()
    return key


def _public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _trusted(session: Session) -> list[str]:
    setting = session.get(WorkspaceSetting, TRUSTED_SETTING)
    own = fingerprint(_public_bytes(_signing_key(session)))
    found: list[str] = json.loads(setting.value) if setting is not None else []
    return found if own in found else [own, *found]


def _tasks_of(session: Session, inspector_id: int) -> list[Task]:
    return list(session.scalars(
        select(Task).join(TaskInspector, TaskInspector.task_id == Task.id)
        .where(TaskInspector.inspector_id == inspector_id, Task.status.in_(SENT_STATES),
               Task.deleted_at.is_(None)).order_by(Task.due_date, Task.id)))


def _task_json(session: Session, task: Task) -> dict[str, Any]:
    entity = session.get(MarketEntity, task.entity_id)
    assert entity is not None
    plan = session.get(Plan, task.plan_id) if task.plan_id is not None else None
    team = session.execute(
        select(Inspector).join(TaskInspector, TaskInspector.inspector_id == Inspector.id)
        .where(TaskInspector.task_id == task.id)
        .order_by(TaskInspector.role.desc(), TaskInspector.id)).scalars().all()
    return {
        "uuid": task.uuid,
        "plan": {"code": plan.code, "title": plan.title} if plan else None,
        "reason": task.reason,
        "check_items": task.check_items,
        "window": [_day(task.window_start), _day(task.window_end)],
        "due_date": _day(task.due_date),
        "entity": {"uuid": entity.uuid, "identifier": entity.identifier,
                   "identifier_kind": entity.identifier_kind.value, "name": entity.name,
                   "entity_type": entity.entity_type.value, "region_code": entity.region_code,
                   "address": entity.address,
                   "legal_representative": entity.legal_representative,
                   "industry": entity.industry,
                   "risk_class": entity.risk_class.value if entity.risk_class else None,
                   "registration_status": entity.registration_status.value},
        "team": [{"uuid": i.uuid, "staff_id": i.staff_id, "name": i.name, "unit": i.unit,
                  "region_code": i.region_code, "cert_number": i.cert_number,
                  "cert_valid_from": _day(i.cert_valid_from),
                  "cert_valid_to": _day(i.cert_valid_to)} for i in team],
    }


def _read(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(LocalText(f"无法读取任务包 {path.name}：{exc}",
                                     f"cannot read the assignment package {path.name}: {exc}")
                           ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PackageError(LocalText(f"{path.name} 不是任务包（{FORMAT}）",
                                     f"{path.name} is not an assignment package ({FORMAT})"))
    return document


def _verified_key(document: dict[str, Any], path: Path) -> bytes:
    body = {k: v for k, v in document.items() if k != "signature"}
    try:
        public = base64.b64decode(str(document["public_key"]), validate=True)
        signature = base64.b64decode(str(document["signature"]), validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(
            signature, canonical_json(body).encode("utf-8"))
    except (KeyError, ValueError, InvalidSignature):
        raise PackageError(LocalText(
            f"{path.name} 的签名无效：文件在签发后被改动或已损坏，未导入任何内容",
            f"{path.name} has an invalid signature: it was changed after signing or is "
            "damaged; nothing was imported")) from None
    return public


def _apply(session: Session, document: dict[str, Any]) -> tuple[int, int, int, int]:
    added = known = entities_added = inspectors_added = 0
    for raw in document["tasks"]:
        entity, new_entity = _entity(session, raw["entity"])
        entities_added += new_entity
        members = []
        for member in raw["team"]:
            inspector, new_inspector = _inspector(session, member)
            inspectors_added += new_inspector
            members.append(inspector)
        if session.scalar(select(Task.id).where(Task.uuid == raw["uuid"])) is not None:
            known += 1
            continue
        window = raw.get("window") or [None, None]
        task = Task(uuid=raw["uuid"], entity_id=entity.id,
                    source=TaskSource.ASSIGNMENT_PACKAGE, reason=str(raw.get("reason") or ""),
                    status=TaskStatus.ASSIGNED, due_date=_date(raw.get("due_date")),
                    check_items=list(raw.get("check_items") or []),
                    window_start=_date(window[0]), window_end=_date(window[1]),
                    pending=False)  # the team lead's record: it arrives by sync too
        session.add(task)
        session.flush()
        session.add_all(TaskInspector(task_id=task.id, inspector_id=inspector.id,
                                      role=TaskRole.LEAD if n == 0 else TaskRole.ASSIST)
                        for n, inspector in enumerate(members))
        added += 1
    return added, known, entities_added, inspectors_added


def _entity(session: Session, raw: dict[str, Any]) -> tuple[MarketEntity, int]:
    found = session.scalar(select(MarketEntity).where(
        MarketEntity.identifier == raw["identifier"]))
    if found is not None:
        return found, 0
    entity = MarketEntity(
        uuid=raw["uuid"], identifier=raw["identifier"],
        identifier_kind=IdentifierKind(raw["identifier_kind"]), name=raw["name"],
        entity_type=EntityType(raw["entity_type"]), region_code=raw["region_code"],
        address=raw["address"], legal_representative=raw["legal_representative"],
        industry=raw["industry"],
        risk_class=RiskClass(raw["risk_class"]) if raw.get("risk_class") else None,
        registration_status=RegistrationStatus(raw["registration_status"]), pending=False)
    session.add(entity)
    session.flush()
    return entity, 1


def _inspector(session: Session, raw: dict[str, Any]) -> tuple[Inspector, int]:
    found = session.scalar(select(Inspector).where(Inspector.staff_id == raw["staff_id"]))
    if found is not None:
        return found, 0
    inspector = Inspector(
        uuid=raw["uuid"], staff_id=raw["staff_id"], name=raw["name"], unit=raw["unit"],
        region_code=raw["region_code"], cert_number=raw["cert_number"],
        cert_valid_from=_date(raw.get("cert_valid_from")),
        cert_valid_to=_date(raw.get("cert_valid_to")), qualifications=[], active=True,
        pending=False)
    session.add(inspector)
    session.flush()
    return inspector, 1


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None
