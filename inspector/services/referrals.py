"""Case-clue referrals (线索移送) from a finalized inspection, and their deadlines.

Contract:

- :func:`create_referral` refers findings of a *finalized* inspection (the record the
  clue rests on no longer changes) to a case-handling office (办案机构), another
  department (抄告/移送相关部门) or the public security organ (涉嫌犯罪, 国务院令第310号).
  It needs the recipient, at least one finding of the record, and a summary of the
  clue; the 涉案物品清单 rows each need a name and a positive quantity (a bad row is
  named by its number and field). The decision is due 3 days after the referral (§5:
  the head decides within 3 days of the report; counted in calendar days, as the
  regulation's "3日").
- :func:`decide_referral` (a team lead or administrator) approves it, which starts the
  24-hour transfer deadline (§5: 批准移送的，应当在24小时内向公安机关移送), or declines
  it with the reasons, which the regulation requires to be recorded.
- :func:`mark_transferred` records the hand-over of an approved referral.
- :func:`list_referrals` is the team lead's board: every referral with its state, due
  moment and whether it is overdue at ``now``, open ones first by due moment.

Every change is one transaction with an audit event; refusals are
:class:`ReferralError` in both languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.lifecycles import InspectionStatus
from inspector.core.roles import Actor, Role
from inspector.core.text import LocalText
from inspector.db.models import Finding, Inspection, MarketEntity, Referral
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.store import Store

DECISION_WITHIN = timedelta(days=3)
TRANSFER_WITHIN = timedelta(hours=24)
DECIDERS = frozenset({Role.TEAM_LEAD, Role.ADMINISTRATOR})


class RecipientKind(StrEnum):
    CASE_OFFICE = "case_office"  # 办案机构
    DEPARTMENT = "department"  # 相关部门
    POLICE = "police"  # 公安机关 (涉嫌犯罪)


RECIPIENT_LABELS = {RecipientKind.CASE_OFFICE: LocalText("办案机构", "case-handling office"),
                    RecipientKind.DEPARTMENT: LocalText("相关部门", "another department"),
                    RecipientKind.POLICE: LocalText("公安机关", "public security organ")}


class ReferralStatus(StrEnum):
    AWAITING_DECISION = "awaiting"
    APPROVED = "approved"
    DECLINED = "declined"
    TRANSFERRED = "transferred"


STATUS_LABELS = {ReferralStatus.AWAITING_DECISION: LocalText("待审批", "awaiting decision"),
                 ReferralStatus.APPROVED: LocalText("已批准，待移送", "approved, to transfer"),
                 ReferralStatus.DECLINED: LocalText("不予移送", "declined"),
                 ReferralStatus.TRANSFERRED: LocalText("已移送", "transferred")}


@dataclass(frozen=True, slots=True)
class Goods:
    """One row of the 涉案物品清单."""

    name: str
    quantity: str  # exact, as counted ("12", "2.5")
    unit: str = ""
    specification: str = ""
    batch: str = ""  # 批号/生产日期
    kept_at: str = ""  # 存放地点 / 保存方式
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReferralView:
    uuid: str
    inspection_uuid: str
    entity_name: str
    recipient_kind: RecipientKind
    recipient: str
    status: ReferralStatus
    summary: str
    item_keys: tuple[str, ...]
    goods: tuple[Goods, ...]
    referred_by: str
    referred_at: datetime
    decision_due: datetime
    decided_at: datetime | None
    decision_note: str
    transfer_due: datetime | None
    transferred_at: datetime | None
    package_sha256: str

    @property
    def due(self) -> datetime | None:
        """The deadline that runs now: the decision's, then the transfer's; none after."""
        if self.status is ReferralStatus.AWAITING_DECISION:
            return self.decision_due
        if self.status is ReferralStatus.APPROVED:
            return self.transfer_due
        return None

    def overdue(self, now: datetime) -> bool:
        return self.due is not None and now > self.due


class ReferralError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def create_referral(store: Store, actor: Actor, inspection_uuid: str, *,
                    recipient_kind: RecipientKind, recipient: str, item_keys: Sequence[str],
                    summary: str, goods: Sequence[Goods] = (),
                    now: datetime | None = None) -> Outcome[ReferralView]:
    moment = now or datetime.now(UTC)
    if not recipient.strip():
        raise _refuse("请写明接收线索的机构或部门", "name the office or department receiving it")
    if not summary.strip():
        raise _refuse("请简述线索（涉嫌的违法事实）", "summarise the clue (the suspected facts)")
    checked_goods = tuple(_checked_goods(n, row) for n, row in enumerate(goods, start=1))
    with store.write() as session:
        inspection = session.scalar(select(Inspection).where(Inspection.uuid == inspection_uuid))
        if inspection is None:
            raise _refuse(f"没有检查记录 {inspection_uuid}", f"no inspection {inspection_uuid}")
        if inspection.status is not InspectionStatus.FINALIZED:
            raise _refuse("检查办结后才能移送线索", "finalize the inspection before referring")
        recorded = set(session.scalars(select(Finding.item_key).where(
            Finding.inspection_id == inspection.id)))
        keys = tuple(dict.fromkeys(k for k in item_keys))
        if not keys:
            raise _refuse("请选择线索所依据的检查事项", "choose the findings the clue rests on")
        unknown = [k for k in keys if k not in recorded]
        if unknown:
            raise _refuse(f"检查记录中没有这些事项：{'、'.join(unknown)}",
                          f"the record has no finding for: {', '.join(unknown)}")
        referral = Referral(
            inspection_id=inspection.id, recipient_kind=recipient_kind.value,
            recipient=recipient.strip(), item_keys=list(keys), summary=summary.strip(),
            goods=[_goods_json(g) for g in checked_goods],
            status=ReferralStatus.AWAITING_DECISION.value, referred_by=actor.name,
            referred_at=moment, decision_due=moment + DECISION_WITHIN, pending=True)
        session.add(referral)
        session.flush()
        append_event(session, actor=actor, device_id=store.device_id,
                     action="referral.created", object_kind="referral",
                     object_id=referral.uuid,
                     payload={"inspection": inspection.uuid, "record_sha256":
                              inspection.content_hash, "recipient_kind": recipient_kind.value,
                              "recipient": referral.recipient, "items": list(keys),
                              "goods": len(checked_goods)})
        view = _view(session, referral)
    return Outcome(view, frozenset({Topic.REFERRALS, Topic.AUDIT}))


def decide_referral(store: Store, actor: Actor, referral_uuid: str, *, approve: bool,
                    note: str = "", now: datetime | None = None) -> Outcome[ReferralView]:
    moment = now or datetime.now(UTC)
    if actor.role not in DECIDERS:
        raise _refuse("只有组长或管理员可以审批线索移送",
                      "only a team lead or administrator decides a referral")
    if not approve and not note.strip():
        raise _refuse("不予移送的，应记录理由", "a declined referral needs its reasons")
    with store.write() as session:
        referral = _referral(session, referral_uuid)
        if referral.status != ReferralStatus.AWAITING_DECISION:
            raise _refuse("该线索已审批", "the referral has been decided already")
        status = ReferralStatus.APPROVED if approve else ReferralStatus.DECLINED
        referral.status, referral.decided_at = status.value, moment
        referral.decision_note, referral.pending = note.strip(), True
        referral.transfer_due = moment + TRANSFER_WITHIN if approve else None
        append_event(session, actor=actor, device_id=store.device_id,
                     action="referral.decided", object_kind="referral",
                     object_id=referral.uuid,
                     payload={"approved": approve, "note": referral.decision_note,
                              "late": moment > _aware(referral.decision_due)})
        view = _view(session, referral)
    return Outcome(view, frozenset({Topic.REFERRALS, Topic.AUDIT}))


def mark_transferred(store: Store, actor: Actor, referral_uuid: str, *, note: str = "",
                     now: datetime | None = None) -> Outcome[ReferralView]:
    moment = now or datetime.now(UTC)
    with store.write() as session:
        referral = _referral(session, referral_uuid)
        if referral.status != ReferralStatus.APPROVED:
            raise _refuse("只有已批准的线索才能移送", "only an approved referral is transferred")
        referral.status, referral.transferred_at = ReferralStatus.TRANSFERRED.value, moment
        referral.pending = True
        due = referral.transfer_due
        append_event(session, actor=actor, device_id=store.device_id,
                     action="referral.transferred", object_kind="referral",
                     object_id=referral.uuid,
                     payload={"note": note.strip(), "package_sha256": referral.package_sha256,
                              "late": due is not None and moment > _aware(due)})
        view = _view(session, referral)
    return Outcome(view, frozenset({Topic.REFERRALS, Topic.AUDIT}))


def list_referrals(store: Store, now: datetime | None = None) -> tuple[ReferralView, ...]:
    moment = now or datetime.now(UTC)
    with store.read() as session:
        views = [_view(session, r) for r in session.scalars(
            select(Referral).where(Referral.deleted_at.is_(None)))]
    far = datetime.max.replace(tzinfo=UTC)
    return tuple(sorted(views, key=lambda v: (v.due is None, v.due or far,
                                              not v.overdue(moment), v.referred_at)))


def referral_view(store: Store, referral_uuid: str) -> ReferralView:
    with store.read() as session:
        return _view(session, _referral(session, referral_uuid))


def _checked_goods(number: int, row: Goods) -> Goods:
    if not row.name.strip():
        raise _refuse(f"涉案物品清单第 {number} 行：缺少物品名称",
                      f"list of goods, row {number}: the name is missing")
    try:
        quantity = Decimal(row.quantity.strip())
    except InvalidOperation:
        quantity = Decimal(0)
    if not quantity.is_finite() or quantity <= 0:
        raise _refuse(f"涉案物品清单第 {number} 行：数量“{row.quantity}”应为正数",
                      f"list of goods, row {number}: the quantity {row.quantity!r} must be "
                      "a positive number")
    return Goods(row.name.strip(), row.quantity.strip(), row.unit.strip(),
                 row.specification.strip(), row.batch.strip(), row.kept_at.strip(),
                 row.note.strip())


def _goods_json(row: Goods) -> dict[str, str]:
    return {"name": row.name, "quantity": row.quantity, "unit": row.unit,
            "specification": row.specification, "batch": row.batch, "kept_at": row.kept_at,
            "note": row.note}


def _referral(session: Session, referral_uuid: str) -> Referral:
    referral = session.scalar(select(Referral).where(Referral.uuid == referral_uuid))
    if referral is None:
        raise _refuse(f"没有线索移送记录 {referral_uuid}", f"no referral {referral_uuid}")
    return referral


def _view(session: Session, referral: Referral) -> ReferralView:
    inspection = session.get_one(Inspection, referral.inspection_id)
    entity = session.get_one(MarketEntity, inspection.entity_id)
    return ReferralView(
        uuid=referral.uuid, inspection_uuid=inspection.uuid, entity_name=entity.name,
        recipient_kind=RecipientKind(referral.recipient_kind), recipient=referral.recipient,
        status=ReferralStatus(referral.status), summary=referral.summary,
        item_keys=tuple(referral.item_keys),
        goods=tuple(Goods(**{k: str(v) for k, v in g.items()}) for g in referral.goods),
        referred_by=referral.referred_by, referred_at=_aware(referral.referred_at),
        decision_due=_aware(referral.decision_due),
        decided_at=_aware(referral.decided_at) if referral.decided_at else None,
        decision_note=referral.decision_note,
        transfer_due=_aware(referral.transfer_due) if referral.transfer_due else None,
        transferred_at=_aware(referral.transferred_at) if referral.transferred_at else None,
        package_sha256=referral.package_sha256)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _refuse(zh: str, en: str) -> ReferralError:
    return ReferralError(LocalText(zh, en))
