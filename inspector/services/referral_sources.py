"""What a case-clue referral can rest on: the findings of one finalized inspection.

Contract: :func:`referable_findings` reads a *finalized* inspection (anything else is a
:class:`~inspector.services.referrals.ReferralError`, as :func:`create_referral` would
refuse it) and returns its findings as :class:`ReferableFinding`: the item key, the
label of the pinned checklist version, the answer worded as the record prints it
(:func:`inspector.forms.answer_text.answer_text`), the inspector's note, the section,
and whether it is a problem (answered 不符合). Guidance rows and findings whose item is
not in the checklist are left out. Problems come first, then the checklist's order.
Reading only; any thread with a store session.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.lifecycles import InspectionStatus
from inspector.core.text import LocalText
from inspector.db.models import ChecklistVersion, Finding, Inspection
from inspector.forms.answer_codec import decode_answers
from inspector.forms.answer_text import answer_text
from inspector.forms.checklist import Checklist, ItemKind, parse_checklist
from inspector.services.referrals import ReferralError
from inspector.services.store import Store

PROBLEM_ANSWER = "不符合"


@dataclass(frozen=True, slots=True)
class ReferableFinding:
    """One finding of a finalized record, as the referral dialog offers it."""

    item_key: str
    label: str
    answer: str  # as printed on the record ("—" when unanswered)
    note: str
    section: str
    problem: bool


def referable_findings(store: Store, inspection_uuid: str) -> tuple[ReferableFinding, ...]:
    with store.read() as session:
        inspection = session.scalar(select(Inspection).where(Inspection.uuid == inspection_uuid))
        if inspection is None:
            raise ReferralError(LocalText(f"没有检查记录 {inspection_uuid}",
                                          f"no inspection {inspection_uuid}"))
        if inspection.status is not InspectionStatus.FINALIZED:
            raise ReferralError(LocalText("检查办结后才能移送线索",
                                          "finalize the inspection before referring"))
        version = session.get_one(ChecklistVersion, inspection.checklist_version_id)
        return _findings(session, inspection, parse_checklist(version.content))


def _findings(session: Session, inspection: Inspection,
              checklist: Checklist) -> tuple[ReferableFinding, ...]:
    position = {item.key: n for n, item in enumerate(checklist.items)}
    section_of = {item.key: section.title for section in checklist.sections
                  for item in section.items}
    rows = []
    for finding in session.scalars(select(Finding).where(
            Finding.inspection_id == inspection.id).order_by(Finding.id)):
        item = checklist.items_by_key.get(finding.item_key)
        if item is None or item.kind is ItemKind.GUIDANCE:
            continue
        value = decode_answers({item.key: json.loads(finding.answer)}).get(item.key)
        rows.append(ReferableFinding(
            item_key=item.key, label=item.label, answer=answer_text(item, value),
            note=finding.note, section=section_of.get(item.key, ""),
            problem=value == PROBLEM_ANSWER))
    return tuple(sorted(rows, key=lambda r: (not r.problem, position[r.item_key])))
