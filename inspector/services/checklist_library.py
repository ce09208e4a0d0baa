"""The workspace's checklist library: import, publish and export versions.

Contract:

- :func:`import_checklist` reads a checklist file (JSON or XLSForm) and stores it as a
  draft version. A new code starts at version 1; an existing code takes exactly the
  next number and must pass the version rules against the latest version (no item
  changes kind). Importing the same content again changes nothing; other content under
  an existing version number is refused while that version is published, and replaces
  the draft otherwise.
- :func:`publish_version` makes a draft immutable (the store's trigger refuses any
  later change) and marks it for sync: an administrator's laptop sends it to the
  central platform, from where every laptop pulls it.
- :func:`export_checklist` writes a stored version as our JSON document (``.json``)
  or as an XLSForm workbook (``.xlsx``) that imports back as the same checklist;
  :func:`load_version` reads one back as a checked checklist (for a preview).

Every change is one transaction with an audit event; errors are
:class:`ChecklistLibraryError` with the reason in both languages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core.audit_chain import canonical_json
from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.db.models import Checklist, ChecklistDraft, ChecklistVersion
from inspector.forms.checklist import Checklist as ChecklistForm
from inspector.forms.checklist import parse_checklist
from inspector.forms.versions import version_problems
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.checklist_files import (
    ChecklistFileError,
    read_checklist_document,
    write_xlsform,
)
from inspector.services.file_output import FileOutputError, write_file_atomically
from inspector.services.store import Store


class ChecklistLibraryError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class StoredVersion:
    code: str
    version: int
    title: str
    status: ChecklistVersionStatus
    items: int
    content_hash: str
    unchanged: bool = False
    drafts: int = 0  # drafts on this laptop pinned to this version (where it is used)


def import_checklist(store: Store, actor: Actor, path: Path) -> Outcome[StoredVersion]:
    """Store a checklist file as a draft (see the module contract); files' problems
    arrive as :class:`~inspector.services.checklist_files.ChecklistFileError`."""
    checklist, document = read_checklist_document(path)
    content = canonical_json(document)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    with store.write() as session:
        row = session.scalar(select(Checklist).where(Checklist.code == checklist.code))
        if row is None:
            if checklist.version != 1:
                raise ChecklistLibraryError(LocalText(
                    f"清单 {checklist.code} 尚未导入过，应从第 1 版开始",
                    f"checklist {checklist.code} is new here: it starts at version 1"))
            row = Checklist(code=checklist.code, title=checklist.title)
            session.add(row)
            session.flush()
        existing = _version(session, row.id, checklist.version)
        if existing is not None and existing.content_hash == digest:
            return Outcome(_view(row, existing, len(checklist.items), unchanged=True))
        if existing is not None and existing.status is not ChecklistVersionStatus.DRAFT:
            raise ChecklistLibraryError(LocalText(
                f"清单 {checklist.code} 第 {checklist.version} 版已发布，不能更改；请作为第 "
                f"{_latest(session, row.id) + 1} 版导入",
                f"checklist {checklist.code} version {checklist.version} is published and "
                f"cannot change: import it as version {_latest(session, row.id) + 1}"))
        previous = _version(session, row.id, checklist.version - 1)
        if checklist.version > 1:
            if previous is None:
                raise ChecklistLibraryError(LocalText(
                    f"清单 {checklist.code} 没有第 {checklist.version - 1} 版",
                    f"checklist {checklist.code} has no version {checklist.version - 1}"))
            problems = version_problems(parse_checklist(previous.content), checklist)
            if problems:
                raise ChecklistLibraryError(LocalText(
                    "；".join(p.zh for p in problems), "; ".join(p.en for p in problems)))
        if existing is None:
            existing = ChecklistVersion(checklist_id=row.id, version=checklist.version,
                                        status=ChecklistVersionStatus.DRAFT)
            session.add(existing)
        # A draft stays on this laptop; publishing it marks it for sync.
        existing.content, existing.content_hash, existing.pending = content, digest, False
        row.title, row.pending = checklist.title, True
        session.flush()
        append_event(session, actor=actor, device_id=store.device_id,
                     action="checklist.imported", object_kind="checklist_version",
                     object_id=existing.uuid,
                     payload={"code": checklist.code, "version": checklist.version,
                              "sha256": digest, "file": path.name})
        return Outcome(_view(row, existing, len(checklist.items)),
                       frozenset({Topic.CHECKLISTS, Topic.AUDIT}))


def publish_version(store: Store, actor: Actor, code: str, version: int,
                    now: datetime | None = None) -> Outcome[StoredVersion]:
    with store.write() as session:
        row, stored = _find(session, code, version)
        if stored.status is not ChecklistVersionStatus.DRAFT:
            raise ChecklistLibraryError(LocalText(
                f"清单 {code} 第 {version} 版已发布", f"checklist {code} version {version} is "
                "already published"))
        earlier = _version(session, row.id, version - 1)
        if version > 1 and (earlier is None
                            or earlier.status is ChecklistVersionStatus.DRAFT):
            raise ChecklistLibraryError(LocalText(
                f"请先发布第 {version - 1} 版", f"publish version {version - 1} first"))
        stored.status = ChecklistVersionStatus.PUBLISHED
        stored.published_at = now or datetime.now(UTC)
        stored.pending = True
        append_event(session, actor=actor, device_id=store.device_id,
                     action="checklist.published", object_kind="checklist_version",
                     object_id=stored.uuid,
                     payload={"code": code, "version": version, "sha256": stored.content_hash})
        items = len(parse_checklist(stored.content).items)
        return Outcome(_view(row, stored, items), frozenset({Topic.CHECKLISTS, Topic.AUDIT}))


def library(store: Store) -> tuple[StoredVersion, ...]:
    with store.read() as session:
        rows = session.execute(
            select(Checklist, ChecklistVersion)
            .join(ChecklistVersion, ChecklistVersion.checklist_id == Checklist.id)
            .order_by(Checklist.code, ChecklistVersion.version)).all()
        in_use = dict(session.execute(
            select(ChecklistDraft.checklist_version_id, func.count())
            .group_by(ChecklistDraft.checklist_version_id)).all())
        return tuple(replace(_view(c, v, len(parse_checklist(v.content).items)),
                             drafts=in_use.get(v.id, 0)) for c, v in rows)


def load_version(store: Store, code: str, version: int) -> ChecklistForm:
    """A stored version, parsed (stored content was checked when it was imported)."""
    with store.read() as session:
        _row, stored = _find(session, code, version)
        content = stored.content
    return parse_checklist(content)


def export_checklist(store: Store, code: str, version: int, path: Path) -> None:
    """Write version ``version`` of ``code`` to ``path``: our JSON document for ``.json``,
    XLSForm for ``.xlsx``; any other suffix, an unknown version or a failed write is
    refused with :class:`ChecklistLibraryError`."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise ChecklistLibraryError(LocalText(
            f"{path.name}：清单只能导出为 .json（本系统格式）或 .xlsx（XLSForm）",
            f"{path.name}: a checklist is exported as .json (our format) or .xlsx "
            "(XLSForm)"))
    with store.read() as session:
        _row, stored = _find(session, code, version)
        content = stored.content
    try:
        if suffix == ".xlsx":
            write_xlsform(parse_checklist(content), path)
        else:
            write_file_atomically(path, json.dumps(json.loads(content), ensure_ascii=False,
                                                   indent=2).encode("utf-8"))
    except FileOutputError as exc:
        raise ChecklistLibraryError(exc.text) from exc
    except ChecklistFileError as exc:
        raise ChecklistLibraryError(LocalText("；".join(p.zh for p in exc.problems),
                                              "; ".join(p.en for p in exc.problems))) from exc


def _find(session: Session, code: str, version: int) -> tuple[Checklist, ChecklistVersion]:
    row = session.scalar(select(Checklist).where(Checklist.code == code))
    stored = _version(session, row.id, version) if row is not None else None
    if row is None or stored is None:
        raise ChecklistLibraryError(LocalText(f"没有清单 {code} 第 {version} 版",
                                              f"no checklist {code} version {version}"))
    return row, stored


def _version(session: Session, checklist_id: int, version: int) -> ChecklistVersion | None:
    return session.scalar(select(ChecklistVersion).where(
        ChecklistVersion.checklist_id == checklist_id, ChecklistVersion.version == version))


def _latest(session: Session, checklist_id: int) -> int:
    versions = session.scalars(select(ChecklistVersion.version).where(
        ChecklistVersion.checklist_id == checklist_id)).all()
    return max(versions, default=0)


def _view(row: Checklist, stored: ChecklistVersion, items: int, *,
          unchanged: bool = False) -> StoredVersion:
    return StoredVersion(row.code, stored.version, row.title, stored.status, items,
                         stored.content_hash, unchanged)
