"""Checklists being filled: drafts saved after every answer, and moved to a new version.

Contract:

- :func:`start_draft` begins filling a **published** version (the latest one unless a
  number is given) and pins the draft to it; ``subject`` names what it is for (an
  inspection's task, later) and ``label`` what the list shows.
- :func:`save_answers` merges changed answers into a draft (``None`` removes one) in
  one short transaction: the form calls it after every edit, so a crash or a kill loses
  at most the edit being typed. It announces no topic (a keystroke must not reload
  lists); starting, moving and discarding announce ``Topic.DRAFTS``.
- :func:`open_draft` reads a draft back with its pinned version, whatever that
  version's status: a retired or superseded version can always be completed.
  A draft whose stored answers cannot be read raises :class:`DraftError` naming the
  answer, rather than opening half-empty.
- :func:`plan_move` reports what moving a draft to the next published version would do
  to each answer (kept, converted, dropped, by the mapping published with that version);
  :func:`move_draft` applies it only when every dropped answer is confirmed by key, and
  records the move (with the report) in the audit log.
- :func:`discard_draft` deletes a draft, with an audit event naming its version and how
  many answers it held; an inspection's draft (subject ``inspection:<uuid>``) is not
  discarded on its own.

Errors are :class:`DraftError` with the reason in both languages.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.db.models import Checklist, ChecklistDraft, ChecklistVersion
from inspector.forms.answer_codec import AnswerCodecError, decode_answers, encode_answers
from inspector.forms.checklist import Checklist as ChecklistForm
from inspector.forms.checklist import parse_checklist
from inspector.forms.expressions import Value
from inspector.forms.versions import DraftMigration, migrate_draft
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.store import Store

INSPECTION_SUBJECT = "inspection:"  # drafts of an inspection: "inspection:<uuid>"


class DraftError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class DraftView:
    uuid: str
    code: str
    version: int
    title: str
    version_status: ChecklistVersionStatus
    subject: str
    label: str
    answers: int  # answers held
    updated_at: datetime
    newer_version: int | None  # the next published version, when there is one
    moved_from_version: int | None


@dataclass(frozen=True, slots=True)
class OpenDraft:
    view: DraftView
    checklist: ChecklistForm
    answers: Mapping[str, Value]


@dataclass(frozen=True, slots=True)
class MovePlan:
    draft: str
    from_version: int
    to_version: int
    migration: DraftMigration
    labels: Mapping[str, str]  # an answer's key (old or new) → its item's label


def start_draft(store: Store, actor: Actor, code: str, version: int | None = None, *,
                subject: str = "", label: str = "", now: datetime | None = None
                ) -> Outcome[OpenDraft]:
    moment = now or datetime.now(UTC)
    with store.write() as session:
        row = session.scalar(select(Checklist).where(Checklist.code == code))
        published = _published(session, row.id) if row is not None else []
        chosen = next((v for v in reversed(published) if version in (None, v.version)), None)
        if row is None or chosen is None:
            which = (("第 {} 版", "version {}") if version is not None
                     else ("已发布的版本", "published version"))
            raise DraftError(LocalText(
                f"清单 {code} 没有{which[0].format(version)}可填写（只能填写已发布的版本）",
                f"checklist {code} has no {which[1].format(version)} to fill (only "
                "published versions can be filled)"))
        draft = ChecklistDraft(uuid=str(uuid_module.uuid4()), checklist_version_id=chosen.id,
                               subject=subject, label=label or row.title, answers="{}",
                               created_at=moment, updated_at=moment)
        session.add(draft)
        session.flush()
        append_event(session, actor=actor, device_id=store.device_id,
                     action="checklist.draft_started", object_kind="checklist_draft",
                     object_id=draft.uuid,
                     payload={"code": code, "version": chosen.version, "subject": subject})
        opened = OpenDraft(_view(session, draft, row, chosen, {}),
                           parse_checklist(chosen.content), {})
    return Outcome(opened, frozenset({Topic.DRAFTS, Topic.AUDIT}))


def save_answers(store: Store, draft_uuid: str, changes: Mapping[str, Value],
                 now: datetime | None = None) -> Outcome[int]:
    """Merge ``changes`` into the draft; returns how many answers it now holds."""
    with store.write() as session:
        draft = _draft(session, draft_uuid)
        answers = _answers(draft)
        for key, value in changes.items():
            if value is None or value in ("", ()):
                answers.pop(key, None)
            else:
                answers[key] = value
        draft.answers = json.dumps(encode_answers(answers), ensure_ascii=False)
        draft.updated_at = now or datetime.now(UTC)
        return Outcome(len(answers))


def open_draft(store: Store, draft_uuid: str) -> OpenDraft:
    with store.read() as session:
        draft = _draft(session, draft_uuid)
        version = session.get_one(ChecklistVersion, draft.checklist_version_id)
        row = session.get_one(Checklist, version.checklist_id)
        answers = _answers(draft)
        return OpenDraft(_view(session, draft, row, version, answers),
                         parse_checklist(version.content), answers)


def list_drafts(store: Store) -> tuple[DraftView, ...]:
    with store.read() as session:
        rows = session.execute(
            select(ChecklistDraft, ChecklistVersion, Checklist)
            .join(ChecklistVersion, ChecklistVersion.id == ChecklistDraft.checklist_version_id)
            .join(Checklist, Checklist.id == ChecklistVersion.checklist_id)
            .order_by(ChecklistDraft.updated_at.desc())).all()
        views = []
        for draft, version, checklist in rows:
            try:
                answers = _answers(draft)
            except DraftError:
                answers = {}
            views.append(_view(session, draft, checklist, version, answers))
        return tuple(views)


def plan_move(store: Store, draft_uuid: str) -> MovePlan:
    with store.read() as session:
        return _plan(session, _draft(session, draft_uuid))


def move_draft(store: Store, actor: Actor, draft_uuid: str, to_version: int, *,
               confirmed_drops: frozenset[str], now: datetime | None = None
               ) -> Outcome[OpenDraft]:
    with store.write() as session:
        draft = _draft(session, draft_uuid)
        plan = _plan(session, draft)
        if plan.to_version != to_version:
            raise DraftError(LocalText(
                f"草稿只能移到下一个已发布的版本（第 {plan.to_version} 版）",
                f"a draft moves to the next published version (version {plan.to_version})"))
        unconfirmed = sorted({m.old_key for m in plan.migration.dropped} - confirmed_drops)
        if unconfirmed:
            named = "、".join(unconfirmed)
            raise DraftError(LocalText(
                f"以下答案会被舍弃，须经确认：{named}",
                f"these answers would be dropped and need confirming: {named}"))
        old_version = session.get_one(ChecklistVersion, draft.checklist_version_id)
        target = session.scalar(select(ChecklistVersion).where(
            ChecklistVersion.checklist_id == old_version.checklist_id,
            ChecklistVersion.version == to_version))
        assert target is not None  # _plan found it
        draft.checklist_version_id = target.id
        draft.moved_from_version = old_version.version
        draft.answers = json.dumps(encode_answers(plan.migration.answers), ensure_ascii=False)
        draft.updated_at = now or datetime.now(UTC)
        append_event(session, actor=actor, device_id=store.device_id,
                     action="checklist.draft_moved", object_kind="checklist_draft",
                     object_id=draft.uuid,
                     payload={"from": old_version.version, "to": to_version,
                              "moves": [{"old": m.old_key, "new": m.new_key,
                                         "outcome": m.outcome}
                                        for m in plan.migration.moves]})
        row = session.get_one(Checklist, target.checklist_id)
        answers = dict(plan.migration.answers)
        opened = OpenDraft(_view(session, draft, row, target, answers),
                           parse_checklist(target.content), answers)
    return Outcome(opened, frozenset({Topic.DRAFTS, Topic.AUDIT}))


def discard_draft(store: Store, actor: Actor, draft_uuid: str) -> Outcome[None]:
    with store.write() as session:
        draft = _draft(session, draft_uuid)
        if draft.subject.startswith(INSPECTION_SUBJECT):
            raise DraftError(LocalText(
                "这份草稿属于进行中的检查，不能单独删除",
                "this draft belongs to an inspection under way: it cannot be discarded "
                "on its own"))
        version = session.get_one(ChecklistVersion, draft.checklist_version_id)
        held = len(json.loads(draft.answers or "{}"))
        append_event(session, actor=actor, device_id=store.device_id,
                     action="checklist.draft_discarded", object_kind="checklist_draft",
                     object_id=draft.uuid, payload={"version": version.version,
                                                    "answers": held})
        session.delete(draft)
    return Outcome(None, frozenset({Topic.DRAFTS, Topic.AUDIT}))


# -- helpers --------------------------------------------------------------------------------

def _draft(session: Session, draft_uuid: str) -> ChecklistDraft:
    draft = session.scalar(select(ChecklistDraft).where(ChecklistDraft.uuid == draft_uuid))
    if draft is None:
        raise DraftError(LocalText(f"没有草稿 {draft_uuid}", f"no draft {draft_uuid}"))
    return draft


def _answers(draft: ChecklistDraft) -> dict[str, Value]:
    try:
        data = json.loads(draft.answers or "{}")
        if not isinstance(data, dict):
            raise AnswerCodecError("*", "not an object")
        return decode_answers(data)
    except (ValueError, AnswerCodecError) as exc:
        key = exc.key if isinstance(exc, AnswerCodecError) else "*"
        raise DraftError(LocalText(
            f"草稿 {draft.uuid} 的答案 {key} 无法读取，草稿未打开",
            f"answer {key} of draft {draft.uuid} cannot be read; the draft was not "
            "opened")) from exc


def _published(session: Session, checklist_id: int) -> list[ChecklistVersion]:
    return list(session.scalars(select(ChecklistVersion).where(
        ChecklistVersion.checklist_id == checklist_id,
        ChecklistVersion.status != ChecklistVersionStatus.DRAFT)
        .order_by(ChecklistVersion.version)))


def _plan(session: Session, draft: ChecklistDraft) -> MovePlan:
    current = session.get_one(ChecklistVersion, draft.checklist_version_id)
    following = next((v for v in _published(session, current.checklist_id)
                      if v.version == current.version + 1), None)
    if following is None:
        raise DraftError(LocalText(
            f"第 {current.version} 版之后还没有发布新版本，草稿无需迁移",
            f"no version after {current.version} is published: the draft need not move"))
    old, new = parse_checklist(current.content), parse_checklist(following.content)
    migration = migrate_draft(old, new, _answers(draft))
    labels = {key: item.label for checklist in (new, old)
              for key, item in checklist.items_by_key.items()}
    labels.update({f"{key}.note": f"{label}（备注）" for key, label in list(labels.items())})
    return MovePlan(draft.uuid, current.version, following.version, migration, labels)


def _view(session: Session, draft: ChecklistDraft, row: Checklist,
          version: ChecklistVersion, answers: Mapping[str, Value]) -> DraftView:
    newer = next((v.version for v in _published(session, row.id)
                  if v.version == version.version + 1), None)
    return DraftView(draft.uuid, row.code, version.version, row.title, version.status,
                     draft.subject, draft.label, len(answers), draft.updated_at, newer,
                     draft.moved_from_version)
