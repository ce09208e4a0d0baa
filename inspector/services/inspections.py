"""Inspections on site: starting one under the rules, finalizing it, correcting it.

Contract:

- :func:`start_inspection` starts a task's inspection. It is refused, with the reason in
  both languages naming the inspector or field, unless: the task is released to the
  field (assigned or in progress, not cancelled or completed) and has no inspection
  under way; at least two inspectors are present, all of them on the task's drawn team
  (a substitute needs a recorded redraw first), each active, with a 执法证 valid on the
  day (an expired certificate blocks the start), none with a declared conflict (回避)
  with the entity; the certificates were shown (《行政处罚法》第五十五条); and everyone
  declared no conflict. The checklist is the latest published version of ``checklist``,
  pinned for the whole inspection through a draft (:mod:`.checklist_drafts`) whose
  answers are autosaved as they are given. The task becomes in progress; the inspection
  is recorded (start time in UTC and the device's local clock) and marked for sync.
- :func:`finalize_inspection` checks every required answer against the pinned version
  with the entity's fields, the result codes against the codebook (codes other than
  the engine's suggestion need a reason), the follow-up measures
  (:mod:`inspector.core.follow_up`) and the signatures (:mod:`.signatures`: the party's
  or their recorded refusal, and every inspector present). It then stores the signature
  images, writes one finding per answer (locked) and the signatures, hashes the
  canonical content (answers, result, measures, signatures' image hashes) into the
  inspection and the audit chain, marks it finalized (the store's triggers refuse any
  later change), completes the task, and removes the draft: the findings are the
  record now.
- :func:`revise_inspection` starts a correction of a finalized inspection, with a
  reason: a new inspection that names the one it replaces, on the same version, its
  draft filled with the old answers; the old record stays as it was.

Every change is one transaction with an audit event; refusals are
:class:`InspectionError`.
"""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_module
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.audit_chain import canonical_json
from inspector.core.follow_up import FollowUp, FollowUpError, check_follow_up
from inspector.core.lifecycles import ChecklistVersionStatus, InspectionStatus, TaskStatus
from inspector.core.result_codes import UnknownResultCodeError, describe
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.content_store import ContentStore
from inspector.db.models import (
    Checklist,
    ChecklistDraft,
    ChecklistVersion,
    Finding,
    Inspection,
    Inspector,
    MarketEntity,
    Photo,
    PhotoAnnotation,
    Signature,
    Task,
    TaskInspector,
)
from inspector.forms.answer_codec import decode_answers, encode_answers, encode_value
from inspector.forms.answers import form_state, suggest_result
from inspector.forms.checklist import parse_checklist
from inspector.forms.expressions import Value
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.checklist_drafts import INSPECTION_SUBJECT
from inspector.services.signatures import (
    SignatureError,
    SignatureGiven,
    check_signatures,
    store_signature_images,
    write_signatures,
)
from inspector.services.store import Store
from inspector.services.team_rules import TeamError, check_team
from inspector.services.workspace import Workspace

_T = TypeVar("_T")
OPEN_TASK = frozenset({TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS})


class InspectionError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class StartedInspection:
    inspection: str  # uuid
    draft: str  # uuid of the draft holding the answers
    code: str
    version: int


@dataclass(frozen=True, slots=True)
class FinalizedInspection:
    inspection: str
    content_hash: str
    result_codes: tuple[str, ...]
    findings: int


def start_inspection(store: Store, actor: Actor, task_uuid: str, *, checklist: str,
                     team: Sequence[str], certificates_shown: bool,
                     no_conflict_declared: bool, location: str = "",
                     now: datetime | None = None) -> Outcome[StartedInspection]:
    moment = now or datetime.now(UTC)
    today = moment.astimezone(CHINA_TIME).date()
    with store.write() as session:
        task = session.scalar(select(Task).where(Task.uuid == task_uuid))
        if task is None:
            raise _refuse(f"没有任务 {task_uuid}", f"no task {task_uuid}")
        if task.status not in OPEN_TASK:
            raise _refuse(f"任务状态为“{task.status.value}”，不能开始检查",
                          f"the task is {task.status.value}: it cannot be started")
        if session.scalar(select(Inspection.id).where(
                Inspection.task_id == task.id,
                Inspection.status == InspectionStatus.DRAFT)) is not None:
            raise _refuse("该任务已有进行中的检查", "the task already has an inspection under way")
        entity = session.get_one(MarketEntity, task.entity_id)
        drawn = set(session.scalars(select(Inspector.staff_id).join(
            TaskInspector, TaskInspector.inspector_id == Inspector.id).where(
            TaskInspector.task_id == task.id)))
        present = _checked(lambda: check_team(session, entity, list(team), today, drawn))
        if not certificates_shown:
            raise _refuse("检查前应向当事人出示执法证件（《行政处罚法》第五十五条）",
                          "show the inspectors' certificates before inspecting "
                          "(Administrative Penalty Law art. 55)")
        if not no_conflict_declared:
            raise _refuse("在场检查人员应声明与检查对象无利害关系（回避）",
                          "everyone present must declare no conflict of interest")
        version = _latest_published(session, checklist)
        inspection_uuid = str(uuid_module.uuid4())
        draft = ChecklistDraft(uuid=str(uuid_module.uuid4()),
                               checklist_version_id=version.id,
                               subject=f"{INSPECTION_SUBJECT}{inspection_uuid}", label=entity.name,
                               answers="{}", created_at=moment, updated_at=moment)
        session.add(draft)
        inspection = Inspection(
            uuid=inspection_uuid, task_id=task.id, entity_id=entity.id,
            checklist_version_id=version.id, status=InspectionStatus.DRAFT,
            started_at=moment, started_device_clock=moment.astimezone().isoformat(),
            location=location.strip(), team=[i.staff_id for i in present],
            certificates_shown=True, no_conflict_declared=True, draft_uuid=draft.uuid,
            result_codes=[], suggested_codes=[], pending=True)
        session.add(inspection)
        task.status, task.pending = TaskStatus.IN_PROGRESS, True
        session.flush()
        append_event(session, actor=actor, device_id=store.device_id,
                     action="inspection.started", object_kind="inspection",
                     object_id=inspection_uuid,
                     payload={"task": task.uuid, "entity": entity.identifier,
                              "team": inspection.team, "checklist": checklist,
                              "version": version.version})
        started = StartedInspection(inspection_uuid, draft.uuid, checklist, version.version)
    return Outcome(started, frozenset({Topic.TASKS, Topic.DRAFTS, Topic.AUDIT}))


def finalize_inspection(workspace: Workspace, actor: Actor, inspection_uuid: str, *,
                        result_codes: Sequence[str], reason: str = "",
                        follow_up: Sequence[FollowUp] = (),
                        signatures: Sequence[SignatureGiven] = (),
                        now: datetime | None = None) -> Outcome[FinalizedInspection]:
    moment = now or datetime.now(UTC)
    today = moment.astimezone(CHINA_TIME).date()
    store = workspace.store
    with store.read() as session:  # every check that needs no answers, before any file
        inspection = _under_way(session, inspection_uuid)
        codes = _codes(result_codes)
        measures = _checked(lambda: check_follow_up(follow_up, codes, today))
        names = {staff: name for staff, name in session.execute(
            select(Inspector.staff_id, Inspector.name).where(
                Inspector.staff_id.in_([*inspection.team, *(g.staff_id for g in signatures)])))}
        signed = _checked(lambda: check_signatures(signatures, inspection.team, names))
    signed = store_signature_images(signed, ContentStore(workspace.paths.files))
    with store.write() as session:
        inspection = _under_way(session, inspection_uuid)
        draft = session.scalar(select(ChecklistDraft).where(
            ChecklistDraft.uuid == inspection.draft_uuid))
        if draft is None:
            raise _refuse("找不到本次检查的答案草稿", "the inspection's answers are missing")
        version = session.get_one(ChecklistVersion, inspection.checklist_version_id)
        checklist = parse_checklist(version.content)
        answers = decode_answers(json.loads(draft.answers or "{}"))
        entity = session.get_one(MarketEntity, inspection.entity_id)
        state = form_state(checklist, answers, entity_fields(entity), today)
        if state.problems:
            named = "；".join(f"{checklist.items_by_key[p.item].label}：{p.text.zh}"
                             for p in state.problems[:5])
            raise InspectionError(LocalText(
                f"还有 {len(state.problems)} 处需要处理：{named}",
                f"{len(state.problems)} answer(s) still need attention: "
                + "; ".join(f"{checklist.items_by_key[p.item].label}: {p.text.en}"
                            for p in state.problems[:5])))
        suggestion = suggest_result(checklist, answers, state)
        suggested = suggestion.codes if suggestion is not None else ()
        if suggested and set(codes) != set(suggested) and not reason.strip():
            raise _refuse(f"所选结果与建议（{'、'.join(suggested)}）不同，请说明理由",
                          f"the result differs from the suggestion ({', '.join(suggested)}): "
                          "give the reason")
        findings = _write_findings(session, inspection, [i.key for i in checklist.items],
                                   answers, state.visible)
        signature_rows = write_signatures(session, inspection, signed, moment)
        inspection.result_codes, inspection.suggested_codes = list(codes), list(suggested)
        inspection.result_reason = reason.strip()
        inspection.follow_up = [_follow_up_json(m) for m in measures]
        inspection.finalized_at = moment
        inspection.content_hash = _content_hash(session, inspection, version, findings,
                                                signature_rows)
        inspection.status, inspection.pending = InspectionStatus.FINALIZED, True
        inspection.draft_uuid = None
        session.delete(draft)
        if inspection.task_id is not None:
            task = session.get_one(Task, inspection.task_id)
            task.status, task.pending = TaskStatus.COMPLETED, True
        append_event(session, actor=actor, device_id=store.device_id,
                     action="inspection.finalized", object_kind="inspection",
                     object_id=inspection.uuid,
                     payload={"sha256": inspection.content_hash, "result": list(codes),
                              "suggested": list(suggested), "findings": len(findings),
                              "follow_up": [m.code for m in measures],
                              "signatures": len(signature_rows),
                              "party_refused": bool(signed[0].refusal_reason),
                              "revision_of": _uuid_of(session, inspection.revision_of_id)})
        done = FinalizedInspection(inspection.uuid, inspection.content_hash, codes,
                                   len(findings))
    return Outcome(done, frozenset({Topic.TASKS, Topic.DRAFTS, Topic.AUDIT}))


def revise_inspection(store: Store, actor: Actor, inspection_uuid: str, *, reason: str,
                      now: datetime | None = None) -> Outcome[StartedInspection]:
    moment = now or datetime.now(UTC)
    if not reason.strip():
        raise _refuse("更正须说明理由", "a correction needs its reason")
    with store.write() as session:
        old = _inspection(session, inspection_uuid)
        if old.status is not InspectionStatus.FINALIZED:
            raise _refuse("只有已办结的检查才需要修订；进行中的检查可直接修改",
                          "only a finalized inspection is revised; one under way is edited")
        if session.scalar(select(Inspection.id).where(
                Inspection.revision_of_id == old.id,
                Inspection.status == InspectionStatus.DRAFT)) is not None:
            raise _refuse("该检查已有进行中的修订", "a revision of it is already under way")
        answers: dict[str, Value] = {}
        for finding in session.scalars(select(Finding).where(Finding.inspection_id == old.id)):
            answers.update(decode_answers({finding.item_key: json.loads(finding.answer)}))
            if finding.note:
                answers[f"{finding.item_key}.note"] = finding.note
        entity = session.get_one(MarketEntity, old.entity_id)
        revision_uuid = str(uuid_module.uuid4())
        draft = ChecklistDraft(uuid=str(uuid_module.uuid4()),
                               checklist_version_id=old.checklist_version_id,
                               subject=f"{INSPECTION_SUBJECT}{revision_uuid}",
                               label=f"{entity.name}（更正）",
                               answers=json.dumps(encode_answers(answers), ensure_ascii=False),
                               created_at=moment, updated_at=moment)
        session.add(draft)
        revision = Inspection(
            uuid=revision_uuid, task_id=old.task_id, entity_id=old.entity_id,
            checklist_version_id=old.checklist_version_id, status=InspectionStatus.DRAFT,
            started_at=old.started_at, started_device_clock=old.started_device_clock,
            location=old.location, team=list(old.team), certificates_shown=True,
            no_conflict_declared=True, revision_of_id=old.id,
            revision_reason=reason.strip(), draft_uuid=draft.uuid, result_codes=[],
            suggested_codes=[], pending=True)
        session.add(revision)
        session.flush()
        version = session.get_one(ChecklistVersion, old.checklist_version_id)
        code = session.get_one(Checklist, version.checklist_id).code
        append_event(session, actor=actor, device_id=store.device_id,
                     action="inspection.revision_started", object_kind="inspection",
                     object_id=revision_uuid,
                     payload={"revision_of": old.uuid, "reason": reason.strip()})
        started = StartedInspection(revision_uuid, draft.uuid, code, version.version)
    return Outcome(started, frozenset({Topic.TASKS, Topic.DRAFTS, Topic.AUDIT}))


def entity_fields(entity: MarketEntity) -> dict[str, Value]:
    """The inspected entity's fields that checklist conditions may read (``entity.x``)."""
    return {"name": entity.name, "identifier": entity.identifier,
            "entity_type": entity.entity_type.value, "region_code": entity.region_code,
            "address": entity.address, "industry": entity.industry,
            "risk_class": entity.risk_class.value if entity.risk_class else None,
            "registration_status": entity.registration_status.value}


# -- helpers --------------------------------------------------------------------------------

def _refuse(zh: str, en: str) -> InspectionError:
    return InspectionError(LocalText(zh, en))


def _latest_published(session: Session, code: str) -> ChecklistVersion:
    version = session.scalar(
        select(ChecklistVersion).join(Checklist, Checklist.id == ChecklistVersion.checklist_id)
        .where(Checklist.code == code,
               ChecklistVersion.status == ChecklistVersionStatus.PUBLISHED)
        .order_by(ChecklistVersion.version.desc()).limit(1))
    if version is None:
        raise _refuse(f"检查清单 {code} 没有已发布的版本", f"checklist {code} has no published "
                      "version")
    return version


def _under_way(session: Session, inspection_uuid: str) -> Inspection:
    inspection = _inspection(session, inspection_uuid)
    if inspection.status is not InspectionStatus.DRAFT:
        raise _refuse("检查已办结，更正请另起修订", "the inspection is finalized: correct it "
                      "by a revision")
    return inspection


def _checked(check: Callable[[], _T]) -> _T:
    """``check()``, its refusal (the team, a measure, a signature) as the inspection's."""
    try:
        return check()
    except (FollowUpError, SignatureError, TeamError) as exc:
        raise InspectionError(exc.text) from exc


def _follow_up_json(measure: FollowUp) -> dict[str, str]:
    entry = {"code": measure.code}
    if measure.deadline is not None:
        entry["deadline"] = measure.deadline.isoformat()
    if measure.detail:
        entry["detail"] = measure.detail
    return entry


def _inspection(session: Session, inspection_uuid: str) -> Inspection:
    found = session.scalar(select(Inspection).where(Inspection.uuid == inspection_uuid))
    if found is None:
        raise _refuse(f"没有检查 {inspection_uuid}", f"no inspection {inspection_uuid}")
    return found


def _uuid_of(session: Session, inspection_id: int | None) -> str | None:
    return None if inspection_id is None else session.get_one(Inspection, inspection_id).uuid


def _codes(result_codes: Sequence[str]) -> tuple[str, ...]:
    if not result_codes:
        raise _refuse("请选择检查结果", "choose the inspection result")
    try:
        return describe(list(result_codes)).codes
    except UnknownResultCodeError as exc:
        raise _refuse(f"没有检查结果代码 {exc.code}（见检查结果代码表）",
                      f"no result code {exc.code} (see the result codebook)") from exc


def _write_findings(session: Session, inspection: Inspection, keys: list[str],
                    answers: dict[str, Value], visible: frozenset[str]) -> list[Finding]:
    """One locked finding per answered item that shows, in the checklist's order (hidden
    items' answers do not count, as in the form); a compliance note goes with its item."""
    findings = []
    for key in keys:
        value = answers.get(key)
        if key not in visible or value is None:
            continue
        note = answers.get(f"{key}.note")
        finding = Finding(inspection_id=inspection.id, item_key=key,
                          answer=json.dumps(encode_value(value), ensure_ascii=False),
                          note=note if isinstance(note, str) else "", locked=True,
                          pending=True)
        session.add(finding)
        findings.append(finding)
    session.flush()
    return findings


def _content_hash(session: Session, inspection: Inspection, version: ChecklistVersion,
                  findings: list[Finding], signatures: list[Signature]) -> str:
    """SHA-256 of the record's canonical content: who, what, where, when, the answers,
    the result and its follow-up, and who signed (their images' hashes)."""
    task = session.get(Task, inspection.task_id) if inspection.task_id else None
    entity = session.get_one(MarketEntity, inspection.entity_id)
    code = session.get_one(Checklist, version.checklist_id).code
    content = {
        "inspection": inspection.uuid, "task": task.uuid if task else None,
        "entity": entity.identifier, "checklist": code, "version": version.version,
        "version_sha256": version.content_hash, "team": list(inspection.team),
        "location": inspection.location, "started_at": _iso(inspection.started_at),
        "finalized_at": _iso(inspection.finalized_at),
        "certificates_shown": inspection.certificates_shown,
        "no_conflict_declared": inspection.no_conflict_declared,
        "answers": {f.item_key: {"answer": json.loads(f.answer), "note": f.note}
                    for f in findings},
        "result_codes": list(inspection.result_codes),
        "suggested_codes": list(inspection.suggested_codes),
        "result_reason": inspection.result_reason,
        "follow_up": list(inspection.follow_up),
        "annotations": _annotation_hashes(session, findings),
        "signatures": [{"role": s.role, "staff_id": s.staff_id, "name": s.signer_name,
                        "image_sha256": s.image_sha256, "refusal": s.refusal_reason,
                        "signed_at": _iso(s.signed_at)} for s in signatures],
        "revision_of": _uuid_of(session, inspection.revision_of_id),
        "revision_reason": inspection.revision_reason,
    }
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def _annotation_hashes(session: Session, findings: list[Finding]) -> dict[str, str]:
    """Original SHA-256 -> the SHA-256 of its latest annotation layer, for every photo
    the findings name that has one (the layer is part of what was recorded)."""
    shas = {sha for f in findings for sha in _texts(json.loads(f.answer))}
    if not shas:
        return {}
    latest: dict[str, str] = {}
    for original, layer in session.execute(
            select(Photo.original_sha256, PhotoAnnotation.layer_sha256)
            .join(PhotoAnnotation, PhotoAnnotation.photo_id == Photo.id)
            .where(Photo.original_sha256.in_(shas)).order_by(PhotoAnnotation.id)):
        latest[original] = layer
    return latest


def _texts(encoded: object) -> list[str]:
    """The texts of an encoded list answer (photo evidence holds SHA-256s)."""
    if isinstance(encoded, dict) and isinstance(encoded.get("list"), list):
        return [v for v in encoded["list"] if isinstance(v, str)]
    return []


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()
