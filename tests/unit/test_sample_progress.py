"""A sample's stage and what is due, from its portions' custody chains.

Dates fall in November and December 2026 on the shipped calendar (no holidays then):
sampled on Friday 2026-11-27, the 5th working day after is Friday 2026-12-04.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.core.custody import CustodyEntry, TestResult, chain_entry
from inspector.core.lifecycles import CustodyEventKind as K
from inspector.core.lifecycles import PortionRole
from inspector.core.sample_progress import SampleProgress, Stage, sample_progress, shelf_life_end
from inspector.core.sampling_deadlines import RecheckRegime
from inspector.core.workdays import CHINA_TIME, WorkdayCalendar, YearSchedule

CALENDARS = Path(__file__).resolve().parents[2] / "resources" / "calendars"
SAMPLED = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TIME)
CODE = "132601230A300017E"


@pytest.fixture(scope="module")
def calendar() -> WorkdayCalendar:
    return WorkdayCalendar([YearSchedule.from_json_text(p.read_text(encoding="utf-8"),
                                                        origin=p.name)
                            for p in sorted(CALENDARS.glob("cn-*.json"))])


def chain(role: PortionRole, *steps: tuple[K, datetime, TestResult | None]
          ) -> list[CustodyEntry]:
    number = 1 if role is PortionRole.TEST else 2
    entries: list[CustodyEntry] = []
    for kind, moment, result in ((K.COLLECTED, SAMPLED, None), (K.SEALED, SAMPLED, None),
                                 *steps):
        entries.append(chain_entry(entries[-1] if entries else None, kind=kind,
                                   occurred_at=moment, actor="王敏",
                                   portion_code=f"{CODE}-P0{number}", role=role,
                                   result=result))
    return entries


def day(month: int, dom: int, hour: int = 10) -> datetime:
    return datetime(2026, month, dom, hour, tzinfo=CHINA_TIME)


def progress(calendar: WorkdayCalendar, test: list[CustodyEntry],
             backup: list[CustodyEntry], now: datetime, *,
             regime: RecheckRegime = RecheckRegime.FOOD, shelf: date | None = None
             ) -> SampleProgress:
    return sample_progress(SAMPLED, test, backup, regime=regime, calendar=calendar, now=now,
                           shelf_life_ends=shelf)


def test_a_fresh_sample_is_due_at_the_lab_in_five_working_days(calendar) -> None:
    got = progress(calendar, chain(PortionRole.TEST), chain(PortionRole.BACKUP), day(12, 1))
    assert got.stage is Stage.AWAITING_DELIVERY
    assert got.due_at is not None and got.due_at.date() == date(2026, 12, 4)
    assert not got.overdue
    late = progress(calendar, chain(PortionRole.TEST), chain(PortionRole.BACKUP),
                    day(12, 5, 9))
    assert late.overdue


def test_handed_over_is_delivered_and_receipt_starts_the_lab_report_clock(calendar) -> None:
    handed = chain(PortionRole.TEST, (K.HANDED_OVER, day(11, 30), None))
    got = progress(calendar, handed, chain(PortionRole.BACKUP), day(12, 10))
    assert got.stage is Stage.AT_LAB and got.due_at is None and not got.overdue
    received = chain(PortionRole.TEST, (K.HANDED_OVER, day(11, 30), None),
                     (K.RECEIVED, day(11, 30, 15), None))
    got = progress(calendar, received, chain(PortionRole.BACKUP), day(12, 10))
    assert got.stage is Stage.AT_LAB
    assert got.due_at is not None and got.due_at.date() == date(2026, 12, 28)


def test_a_refusal_by_the_lab_is_due_again_by_the_delivery_deadline(calendar) -> None:
    refused = chain(PortionRole.TEST, (K.HANDED_OVER, day(11, 30), None),
                    (K.REFUSED, day(11, 30, 15), None))
    got = progress(calendar, refused, chain(PortionRole.BACKUP), day(12, 7))
    assert got.stage is Stage.REFUSED_BY_LAB
    assert got.due_at is not None and got.due_at.date() == date(2026, 12, 4)
    assert got.overdue


def test_a_fail_opens_the_recheck_window_then_six_months_of_keeping(calendar) -> None:
    test = chain(PortionRole.TEST, (K.HANDED_OVER, day(11, 30), None),
                 (K.RECEIVED, day(11, 30, 15), None), (K.RESULT_RECORDED, day(12, 10), "fail"))
    backup = chain(PortionRole.BACKUP, (K.HANDED_OVER, day(11, 30), None),
                   (K.RECEIVED, day(11, 30, 15), None), (K.BACKUP_RETAINED, day(11, 30, 16),
                                                         None))
    within = progress(calendar, test, backup, day(12, 14))
    assert within.stage is Stage.RECHECK_WINDOW and within.result == "fail"
    assert within.due_at is not None and within.due_at.date() == date(2026, 12, 21)
    after = progress(calendar, test, backup, day(12, 22))
    assert after.stage is Stage.RETAINED
    assert after.due_at is not None and after.due_at.date() == date(2027, 6, 10)
    assert not after.overdue
    product = progress(calendar, test, backup, day(12, 14), regime=RecheckRegime.PRODUCT)
    assert product.due_at is not None and product.due_at.date() == date(2026, 12, 25)


def test_a_pass_is_kept_three_months_or_to_the_shelf_life(calendar) -> None:
    test = chain(PortionRole.TEST, (K.HANDED_OVER, day(11, 30), None),
                 (K.RECEIVED, day(11, 30, 15), None), (K.RESULT_RECORDED, day(12, 10), "pass"))
    backup = chain(PortionRole.BACKUP, (K.HANDED_OVER, day(11, 30), None),
                   (K.RECEIVED, day(11, 30, 15), None))
    got = progress(calendar, test, backup, day(12, 11))
    assert got.stage is Stage.RETAINED
    assert got.due_at is not None and got.due_at.date() == date(2027, 3, 10)
    capped = progress(calendar, test, backup, day(12, 11), shelf=date(2027, 1, 5))
    assert capped.due_at is not None and capped.due_at.date() == date(2027, 1, 5)
    assert progress(calendar, test, backup, datetime(2027, 3, 11, tzinfo=CHINA_TIME)).overdue


def test_recheck_and_release_end_the_deadlines(calendar) -> None:
    test = chain(PortionRole.TEST, (K.HANDED_OVER, day(11, 30), None),
                 (K.RECEIVED, day(11, 30, 15), None), (K.RESULT_RECORDED, day(12, 10), "fail"))
    base = [(K.HANDED_OVER, day(11, 30), None), (K.RECEIVED, day(11, 30, 15), None),
            (K.BACKUP_RETAINED, day(11, 30, 16), None)]
    rechecked = chain(PortionRole.BACKUP, *base, (K.RECHECK_REQUESTED, day(12, 11), None))
    assert progress(calendar, test, rechecked, day(12, 12)).stage is Stage.IN_RECHECK
    released = chain(PortionRole.BACKUP, *base, (K.BACKUP_RELEASED, day(12, 30), None))
    got = progress(calendar, test, released, day(12, 31))
    assert got.stage is Stage.CLOSED and got.due_at is None and not got.overdue


@pytest.mark.parametrize(("text", "end"), [
    ("12个月", date(2027, 5, 31)), ("180天", date(2026, 11, 27)), ("2年", date(2028, 5, 31)),
    ("18 months", date(2027, 11, 30)), (" 30 日 ", date(2026, 6, 30)),
    ("", None), ("常温保存", None), ("见包装", None)])
def test_shelf_life_is_read_as_people_write_it(text: str, end: date | None) -> None:
    assert shelf_life_end(date(2026, 5, 31), text) == end
    assert shelf_life_end(None, "12个月") is None


def test_the_stage_labels_are_in_both_languages() -> None:
    for stage in Stage:
        assert stage.label().zh and stage.label().en
