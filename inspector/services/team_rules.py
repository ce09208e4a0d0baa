"""Who may inspect an entity on a day: the rules every team obeys.

Contract: :func:`check_team` checks the inspectors named (staff ids, in order; blanks
and repeats ignored) for ``entity`` on ``today`` and returns them, or raises
:class:`TeamError` naming the first inspector and rule broken, in both languages: at
least :data:`MIN_TEAM` distinct inspectors (《行政处罚法》第四十二条); each in the
directory, on ``allowed`` when it is given (a drawn team: a substitute needs a recorded
redraw first), active, with a 执法证 on record valid on ``today``, and without a
declared conflict (回避) with the entity.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.text import LocalText
from inspector.db.models import Inspector, MarketEntity, Recusal

MIN_TEAM = 2


class TeamError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def check_team(session: Session, entity: MarketEntity, staff_ids: Sequence[str], today: date,
               allowed: Collection[str] | None = None) -> list[Inspector]:
    distinct = list(dict.fromkeys(s.strip() for s in staff_ids if s.strip()))
    if len(distinct) < MIN_TEAM:
        raise _refuse("现场检查人员不得少于两名", "at least two inspectors must be present")
    present = []
    for staff_id in distinct:
        person = session.scalar(select(Inspector).where(Inspector.staff_id == staff_id))
        if person is None:
            raise _refuse(f"名录中没有检查人员 {staff_id}", f"no inspector {staff_id}")
        who = f"{person.name}（{staff_id}）"
        if allowed is not None and staff_id not in allowed:
            raise _refuse(f"{who}不在本任务抽取的检查组中；如需替换，请先重新抽取",
                          f"{person.name} ({staff_id}) is not on the task's drawn team; "
                          "redraw first to replace an inspector")
        if not person.active:
            raise _refuse(f"{who}已停用", f"{person.name} ({staff_id}) is inactive")
        valid_from, valid_to = person.cert_valid_from, person.cert_valid_to
        if valid_from is None or valid_to is None:
            raise _refuse(f"{who}没有登记执法证", f"{person.name} ({staff_id}) has no "
                          "enforcement certificate on record")
        if today > valid_to:
            raise _refuse(f"{who}的执法证已于 {valid_to.isoformat()} 过期，不能参加检查",
                          f"{person.name} ({staff_id})'s certificate expired on "
                          f"{valid_to.isoformat()}: they cannot inspect")
        if today < valid_from:
            raise _refuse(f"{who}的执法证自 {valid_from.isoformat()} 起才有效",
                          f"{person.name} ({staff_id})'s certificate is valid only from "
                          f"{valid_from.isoformat()}")
        if session.scalar(select(Recusal.id).where(Recusal.inspector_id == person.id,
                                                   Recusal.entity_id == entity.id)):
            raise _refuse(f"{who}已就该检查对象申报回避", f"{person.name} ({staff_id}) "
                          "declared a conflict with this entity")
        present.append(person)
    return present


def _refuse(zh: str, en: str) -> TeamError:
    return TeamError(LocalText(zh, en))


