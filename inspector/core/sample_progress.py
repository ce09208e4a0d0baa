"""Where a sample stands and what is due next, from its portions' custody chains.

Contract: pure. :func:`sample_progress` reads the test portion's and the backup
portion's chains (:class:`~inspector.core.custody.CustodyEntry`, in order) and returns
the sample's :class:`Stage` with the deadline that governs it (``None`` when nothing is
due), computed by :mod:`inspector.core.sampling_deadlines` on the workspace calendar:

- ``awaiting_delivery``: the test portion has not yet left the samplers (no hand-over,
  posting or receipt): due, the 寄送样品截止日期, 5 working days after sampling. A portion
  the lab refused (``refused_by_lab``) is due again by the same deadline: the samplers
  must re-send it or account for it.
- ``at_lab``: delivered, no result yet: due, the lab's report, 20 working days after
  its receipt (《食品安全抽样检验管理办法》§24; only once the receipt is known).
- ``recheck_window``: a fail was recorded: due, the end of the 复检 window counted from
  the result (the record of the result stands in for its notification, which the
  platform does not see), by the sample's :class:`RecheckRegime`.
- ``in_recheck``: a 复检 was requested on the backup: nothing due here (the 复检机构's
  own deadlines apply).
- ``retained``: a pass, or a fail whose window has closed: the backup is kept through
  :func:`retention_period` (shelf life permitting); it is due for release or
  destruction after that day.
- ``closed``: the backup was released, destroyed or disposed of, and the test portion
  has its result (or was disposed of).

``overdue`` compares the deadline with ``now``; for ``retained`` it means the keeping
period is over and the backup still waits to be released or destroyed.
:func:`shelf_life_end` reads a 保质期 as people write it ("12个月", "180天", "2年", "18
months") from the date on the 抽样单, or None when it cannot be read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from inspector.core.custody import CustodyEntry, TestResult
from inspector.core.lifecycles import CustodyEventKind
from inspector.core.sampling_deadlines import (
    Deadline,
    RecheckRegime,
    add_months,
    china_day,
    delivery_deadline,
    end_of_day,
    recheck_deadline,
    retention_period,
)
from inspector.core.text import LocalText
from inspector.core.workdays import WorkdayCalendar

LAB_REPORT_WORKING_DAYS = 20
_LEFT_SAMPLERS = frozenset({CustodyEventKind.HANDED_OVER, CustodyEventKind.IN_TRANSIT,
                            CustodyEventKind.RECEIVED})
_BACKUP_CLOSED = frozenset({CustodyEventKind.BACKUP_RELEASED,
                            CustodyEventKind.BACKUP_DESTROYED, CustodyEventKind.DISPOSED})
_SHELF_LIFE = re.compile(
    r"^\s*(\d{1,4})\s*(天|日|个月|月|年|days?|months?|years?)\s*$", re.IGNORECASE)


class Stage(StrEnum):
    AWAITING_DELIVERY = "awaiting_delivery"
    REFUSED_BY_LAB = "refused_by_lab"
    AT_LAB = "at_lab"
    RECHECK_WINDOW = "recheck_window"
    IN_RECHECK = "in_recheck"
    RETAINED = "retained"
    CLOSED = "closed"

    def label(self) -> LocalText:
        return _STAGE_LABELS[self]


_STAGE_LABELS = {
    Stage.AWAITING_DELIVERY: LocalText("待送检", "to deliver to the lab"),
    Stage.REFUSED_BY_LAB: LocalText("检验机构拒收，待重新送检", "refused by the lab, to re-send"),
    Stage.AT_LAB: LocalText("检验中", "at the lab"),
    Stage.RECHECK_WINDOW: LocalText("不合格，复检申请期内", "failed; 复检 may be requested"),
    Stage.IN_RECHECK: LocalText("复检中", "in 复检"),
    Stage.RETAINED: LocalText("备份样品保存中", "backup kept by the lab"),
    Stage.CLOSED: LocalText("已办结", "closed"),
}


@dataclass(frozen=True, slots=True)
class SampleProgress:
    stage: Stage
    due_at: datetime | None  # the last on-time instant of what is due, or None
    due_what: LocalText | None  # what is due by then
    overdue: bool
    provisional: bool  # the calendar lacked a year's holiday schedule
    result: str  # "pass" / "fail" / "" (no result yet)
    report_number: str


def shelf_life_end(made_on: date | None, shelf_life: str) -> date | None:
    """The last day of the shelf life, or None when it cannot be read."""
    match = _SHELF_LIFE.match(shelf_life or "")
    if made_on is None or match is None:
        return None
    count, unit = int(match.group(1)), match.group(2).lower()
    if unit in ("天", "日") or unit.startswith("day"):
        return made_on + timedelta(days=count)
    months = count * 12 if unit == "年" or unit.startswith("year") else count
    return add_months(made_on, months)


def sample_progress(sampled_at: datetime, test_chain: Sequence[CustodyEntry],
                    backup_chain: Sequence[CustodyEntry], *, regime: RecheckRegime,
                    calendar: WorkdayCalendar, now: datetime,
                    shelf_life_ends: date | None = None) -> SampleProgress:
    kinds = [entry.kind for entry in test_chain]
    result = next((e for e in reversed(test_chain)
                   if e.kind is CustodyEventKind.RESULT_RECORDED), None)
    backup_kinds = {entry.kind for entry in backup_chain}
    outcome = (result.result or "") if result else ""
    report = result.report_number if result else ""

    def progress(stage: Stage, deadline: Deadline | None, what: LocalText | None,
                 due_at: datetime | None = None) -> SampleProgress:
        when = deadline.due_at if deadline is not None else due_at
        return SampleProgress(stage, when, what, when is not None and now > when,
                              deadline.provisional if deadline else False, outcome, report)

    if backup_kinds & _BACKUP_CLOSED and (
            result is not None or CustodyEventKind.DISPOSED in kinds):
        return progress(Stage.CLOSED, None, None)
    if CustodyEventKind.RECHECK_REQUESTED in backup_kinds:
        return progress(Stage.IN_RECHECK, None, None)
    if result is not None:
        return progress(*_after_result(result, regime, calendar, now, shelf_life_ends))
    if kinds and kinds[-1] is CustodyEventKind.REFUSED:
        return progress(Stage.REFUSED_BY_LAB, delivery_deadline(sampled_at, calendar),
                        LocalText("重新送检", "re-send to the lab"))
    received = next((e for e in test_chain if e.kind is CustodyEventKind.RECEIVED), None)
    if received is not None:
        count = calendar.add_working_days(china_day(received.occurred_at),
                                          LAB_REPORT_WORKING_DAYS)
        report_due = Deadline(end_of_day(count.day), LocalText(
            "检验机构自收到样品之日起 20 个工作日内出具检验报告"
            "（《食品安全抽样检验管理办法》第二十四条）",
            "the lab reports within 20 working days of receiving the sample (food "
            "sampling measures §24)"), count.assumed_years)
        return progress(Stage.AT_LAB, report_due, LocalText("出具检验报告", "the lab's report"))
    if _LEFT_SAMPLERS & set(kinds):
        return progress(Stage.AT_LAB, None, None)
    return progress(Stage.AWAITING_DELIVERY, delivery_deadline(sampled_at, calendar),
                    LocalText("送达检验机构", "delivery to the lab"))


def _after_result(result: CustodyEntry, regime: RecheckRegime, calendar: WorkdayCalendar,
                  now: datetime, shelf_life_ends: date | None
                  ) -> tuple[Stage, Deadline | None, LocalText, datetime | None]:
    outcome: TestResult = "fail" if result.result == "fail" else "pass"
    if outcome == "fail":
        window = recheck_deadline(result.occurred_at, regime, calendar)
        if now <= window.due_at:
            return (Stage.RECHECK_WINDOW, window,
                    LocalText("复检申请期限", "the end of the 复检 window"), None)
    kept = retention_period(china_day(result.occurred_at), outcome,
                            shelf_life_ends=shelf_life_ends)
    return (Stage.RETAINED, None, LocalText("备份样品保存期满，待退还或销毁",
                                           "the backup's keeping ends: release or destroy it"),
            kept.due_at)
