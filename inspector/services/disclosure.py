"""Publication of results (一公开): the deadline board, approval, and the disclosure list.

Contract:

- :func:`deadline_board` lists every finalized inspection (the newest revision of each)
  with its publication deadline, 20 working days after its completion date (China
  time) by the workspace calendar, how many working days are left (negative when
  overdue), whether the calendar had to assume a year, whether it is approved, and the
  duties its result carries: 不配合检查情节严重 must be published, 无法联系 goes to the
  经营异常名录 as a referral. A result whose task the team lead cancelled, or reassigned
  to a team without the inspectors who did it, while they were offline is flagged
  (``task_flag``: the work arrived all the same, and the team lead decides what it
  becomes).
- :func:`approve_results` records a team lead's approval of the listed inspections
  (idempotent, audited); an unknown or unfinalized inspection is refused by its id and
  nothing is approved.
- :func:`export_disclosure` writes the approved rows as the disclosure list (.xlsx or
  .csv by the file's suffix; columns 企业名称, 统一社会信用代码, 检查事项, 检查结果,
  检查日期, 检查部门, plus the two duties), atomically: a temporary file renamed into
  place, so a crash never leaves half a list. It records the export time.

openpyxl is imported when a list is written as .xlsx, not with this module, which the
window imports through the disclosure screen before it first paints.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from inspector.core.lifecycles import InspectionStatus, TaskRole, TaskStatus
from inspector.core.result_codes import ResultSummary, UnknownResultCodeError, describe
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME, WorkdayCalendar
from inspector.db.models import (
    Disclosure,
    Inspection,
    Inspector,
    MarketEntity,
    Plan,
    Task,
    TaskInspector,
)
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.file_output import FileOutputError, write_file_atomically
from inspector.services.store import Store

PUBLICATION_WORKING_DAYS = 20
HEADER = ("企业名称", "统一社会信用代码", "检查事项", "检查结果", "检查日期", "检查部门",
          "须公示（不配合检查情节严重）", "经营异常名录移送（无法联系）")


TASK_CANCELLED = "cancelled"
TASK_REASSIGNED = "reassigned"


class DisclosureError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class DisclosureRow:
    inspection_uuid: str
    plan_code: str
    entity_name: str
    credit_code: str
    check_items: str
    result_codes: tuple[str, ...]
    result_label: str
    completed_on: date
    due_on: date
    working_days_left: int  # negative when overdue
    provisional: bool  # the calendar assumed a year it has no schedule for
    department: str
    approved: bool
    must_publish: bool
    abnormal_referral: bool
    task_flag: str = ""  # TASK_CANCELLED or TASK_REASSIGNED when the task changed meanwhile

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0


def deadline_board(store: Store, calendar: WorkdayCalendar, today: date
                   ) -> tuple[DisclosureRow, ...]:
    with store.read() as session:
        rows = [_row(r, calendar, today) for r in _finalized(session)]
    return tuple(sorted(rows, key=lambda r: (r.approved, r.due_on, r.entity_name)))


def approve_results(store: Store, actor: Actor, inspection_uuids: Sequence[str],
                    now: datetime | None = None) -> Outcome[int]:
    moment = now or datetime.now(UTC)
    with store.write() as session:
        newly = 0
        for uuid in dict.fromkeys(inspection_uuids):
            inspection = session.scalar(select(Inspection).where(Inspection.uuid == uuid))
            if inspection is None or inspection.status != InspectionStatus.FINALIZED:
                raise DisclosureError(LocalText(
                    f"检查记录 {uuid} 不存在或尚未完成，不能审核公示",
                    f"inspection {uuid} does not exist or is not finalized; it cannot be "
                    "approved for publication"))
            if session.scalar(select(Disclosure.id).where(
                    Disclosure.inspection_id == inspection.id)) is not None:
                continue
            summary = _summary(inspection)
            row = Disclosure(inspection_id=inspection.id, approved_at=moment,
                             approved_by=actor.name, must_publish=summary.must_publish,
                             abnormal_referral=summary.abnormal_referral)
            session.add(row)
            session.flush()
            append_event(session, actor=actor, device_id=store.device_id,
                         action="disclosure.approved", object_kind="inspection",
                         object_id=uuid, payload={"result_codes": list(summary.codes)})
            newly += 1
        return Outcome(newly, frozenset({Topic.DISCLOSURE, Topic.AUDIT}))


def export_disclosure(store: Store, calendar: WorkdayCalendar, path: Path, *, today: date,
                      actor: Actor) -> Outcome[int]:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise DisclosureError(LocalText(f"{path.name}：公示清单只能导出为 .xlsx 或 .csv",
                                        f"{path.name}: the list is written as .xlsx or .csv"))
    rows = [r for r in deadline_board(store, calendar, today) if r.approved]
    lines = [(r.entity_name, r.credit_code, r.check_items, r.result_label,
              r.completed_on.isoformat(), r.department, "是" if r.must_publish else "",
              "是" if r.abnormal_referral else "") for r in rows]
    data = _xlsx_bytes(lines) if suffix == ".xlsx" else _csv_bytes(lines)
    try:
        write_file_atomically(path, data)
    except FileOutputError as exc:
        raise DisclosureError(exc.text) from exc
    moment = datetime.now(UTC)
    with store.write() as session:
        exported = {r.inspection_uuid for r in rows}
        for disclosure, uuid in session.execute(
                select(Disclosure, Inspection.uuid)
                .join(Inspection, Inspection.id == Disclosure.inspection_id)):
            if uuid in exported:
                disclosure.exported_at = moment
                disclosure.pending = True
        append_event(session, actor=actor, device_id=store.device_id,
                     action="disclosure.exported", object_kind="disclosure_list",
                     object_id=path.name, payload={"rows": len(rows)})
    return Outcome(len(rows), frozenset({Topic.DISCLOSURE, Topic.AUDIT}))


# -- internals ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Finalized:
    inspection: Inspection
    entity: MarketEntity
    task: Task | None
    plan_code: str
    department: str
    approved: bool
    task_team: frozenset[str] = frozenset()


def _finalized(session: Session) -> list[_Finalized]:
    newer = aliased(Inspection)
    # Only a finalized correction replaces a result; a draft one does not hide it.
    superseded = select(newer.id).where(newer.revision_of_id == Inspection.id,
                                        newer.status == InspectionStatus.FINALIZED,
                                        newer.deleted_at.is_(None)).exists()
    lead = aliased(Inspector)
    query = (
        select(Inspection, MarketEntity, Task, Plan.code, lead.unit, Disclosure.id)
        .join(MarketEntity, MarketEntity.id == Inspection.entity_id)
        .outerjoin(Task, Task.id == Inspection.task_id)
        .outerjoin(Plan, Plan.id == Task.plan_id)
        .outerjoin(TaskInspector, (TaskInspector.task_id == Task.id)
                   & (TaskInspector.role == TaskRole.LEAD))
        .outerjoin(lead, lead.id == TaskInspector.inspector_id)
        .outerjoin(Disclosure, Disclosure.inspection_id == Inspection.id)
        .where(Inspection.status == InspectionStatus.FINALIZED,
               Inspection.finalized_at.is_not(None), Inspection.deleted_at.is_(None),
               ~superseded))
    found = [_Finalized(i, e, t, code or "", unit or "", approval is not None)
             for i, e, t, code, unit, approval in session.execute(query)]
    teams: dict[int, set[str]] = {}
    for task_id, staff_id in session.execute(
            select(TaskInspector.task_id, Inspector.staff_id)
            .join(Inspector, Inspector.id == TaskInspector.inspector_id)
            .where(TaskInspector.task_id.in_([f.task.id for f in found if f.task]))):
        teams.setdefault(task_id, set()).add(staff_id)
    return [replace(f, task_team=frozenset(teams.get(f.task.id, ()))) if f.task else f
            for f in found]


def _task_flag(found: _Finalized) -> str:
    task = found.task
    if task is None:
        return ""
    if task.status is TaskStatus.CANCELLED:
        return TASK_CANCELLED
    if found.task_team and not set(found.inspection.team) <= found.task_team:
        return TASK_REASSIGNED
    return ""


def _summary(inspection: Inspection) -> ResultSummary:
    try:
        return describe(inspection.result_codes or [])
    except UnknownResultCodeError as exc:
        raise DisclosureError(LocalText(
            f"检查记录 {inspection.uuid} 的结果代码 {exc.code} 不在结果代码表中",
            f"inspection {inspection.uuid} has result code {exc.code}, which is not in the "
            "codebook")) from None


def _row(found: _Finalized, calendar: WorkdayCalendar, today: date) -> DisclosureRow:
    inspection = found.inspection
    assert inspection.finalized_at is not None
    completed = inspection.finalized_at.astimezone(CHINA_TIME).date()
    deadline = calendar.add_working_days(completed, PUBLICATION_WORKING_DAYS)
    summary = _known_summary(inspection)
    items = "、".join(item.get("title", "") for item in (found.task.check_items
                                                       if found.task else []))
    return DisclosureRow(
        inspection_uuid=inspection.uuid, plan_code=found.plan_code,
        entity_name=found.entity.name, credit_code=found.entity.identifier,
        check_items=items or (found.task.reason if found.task else ""),
        result_codes=tuple(inspection.result_codes or ()),
        result_label=summary.label if summary else "、".join(inspection.result_codes or ()),
        completed_on=completed, due_on=deadline.day,
        working_days_left=calendar.working_days_between(today, deadline.day),
        provisional=deadline.provisional, department=found.department,
        approved=found.approved,
        must_publish=bool(summary and summary.must_publish),
        abnormal_referral=bool(summary and summary.abnormal_referral),
        task_flag=_task_flag(found))


def _known_summary(inspection: Inspection) -> ResultSummary | None:
    """The result's summary, or None when a code is unknown (the board shows the raw codes)."""
    try:
        return describe(inspection.result_codes or [])
    except UnknownResultCodeError:
        return None


def _xlsx_bytes(lines: Sequence[Sequence[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "公示清单"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append(list(line))
    for column, width in zip("ABCDEFGH", (36, 22, 36, 36, 12, 30, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv_bytes(lines: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(lines)
    # UTF-8 with a BOM so Excel on Chinese Windows opens it without mojibake.
    return buffer.getvalue().encode("utf-8-sig")
