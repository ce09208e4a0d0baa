"""Sampling deadlines over weekends, 调休 and holidays, month ends and midnight.

The calendar is the shipped 2024–2026 schedules, read as text (as in test_workdays).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.sampling_deadlines import (
    RecheckRegime,
    add_months,
    china_day,
    delivery_deadline,
    end_of_day,
    recheck_deadline,
    retention_period,
)
from inspector.core.workdays import CHINA_TIME, WorkdayCalendar, YearSchedule

CALENDARS = Path(__file__).resolve().parents[2] / "resources" / "calendars"


@pytest.fixture(scope="module")
def calendar() -> WorkdayCalendar:
    schedules = [YearSchedule.from_json_text(p.read_text(encoding="utf-8"), origin=p.name)
                 for p in sorted(CALENDARS.glob("cn-*.json"))]
    return WorkdayCalendar(schedules)


def china(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CHINA_TIME)


# --- delivery to the lab -------------------------------------------------------------


def test_delivery_sampled_the_day_before_national_day(calendar: WorkdayCalendar) -> None:
    # After 30 September 2026: 8, 9, 10 (make-up Saturday), 12, 13 October.
    deadline = delivery_deadline(china(2026, 9, 30, 16), calendar)
    assert deadline.last_day == date(2026, 10, 13)
    assert deadline.due_at == datetime.combine(date(2026, 10, 13), time.max, CHINA_TIME)
    assert not deadline.provisional
    assert "5 个工作日" in deadline.basis.zh


def test_delivery_over_a_plain_weekend(calendar: WorkdayCalendar) -> None:
    # Thursday 19 November 2026: 20, 23, 24, 25, 26.
    assert delivery_deadline(china(2026, 11, 19), calendar).last_day == date(2026, 11, 26)


def test_delivery_counts_the_china_day_of_a_utc_time(calendar: WorkdayCalendar) -> None:
    # 17:30 UTC on 29 September is 01:30 on 30 September in China.
    sampled = datetime(2026, 9, 29, 17, 30, tzinfo=UTC)
    assert china_day(sampled) == date(2026, 9, 30)
    assert delivery_deadline(sampled, calendar).last_day == date(2026, 10, 13)


def test_delivery_into_an_unknown_year_is_provisional(calendar: WorkdayCalendar) -> None:
    deadline = delivery_deadline(china(2026, 12, 28), calendar)
    # 29, 30, 31 December, then 1 and 4 January 2027 on weekends-only assumptions.
    assert deadline.last_day == date(2027, 1, 4)
    assert deadline.provisional and deadline.assumed_years == (2027,)


def test_on_time_up_to_the_end_of_the_last_day(calendar: WorkdayCalendar) -> None:
    deadline = delivery_deadline(china(2026, 9, 30), calendar)
    assert deadline.is_met_by(china(2026, 10, 13, 23, 59))
    assert deadline.is_met_by(datetime(2026, 10, 13, 15, 59, 59, tzinfo=UTC))
    assert not deadline.is_met_by(china(2026, 10, 14, 0, 0))
    with pytest.raises(ValueError):
        deadline.is_met_by(datetime(2026, 10, 13, 9))


def test_naive_times_are_refused(calendar: WorkdayCalendar) -> None:
    with pytest.raises(ValueError):
        delivery_deadline(datetime(2026, 9, 30, 10), calendar)
    with pytest.raises(ValueError):
        recheck_deadline(datetime(2026, 9, 30, 10), RecheckRegime.RAPID_TEST, calendar)


# --- 复检 windows ----------------------------------------------------------------------


def test_food_recheck_across_national_day(calendar: WorkdayCalendar) -> None:
    # Notified Monday 28 September: 29, 30 Sep, 8, 9, 10 (make-up), 12, 13 Oct.
    deadline = recheck_deadline(china(2026, 9, 28), RecheckRegime.FOOD, calendar)
    assert deadline.last_day == date(2026, 10, 13)
    assert not deadline.provisional and deadline.rolled_from is None


def test_food_recheck_across_spring_festival(calendar: WorkdayCalendar) -> None:
    # Notified Thursday 12 February: 13, 14 (make-up Saturday), 24, 25, 26, 27, 28 (make-up).
    deadline = recheck_deadline(china(2026, 2, 12), RecheckRegime.FOOD, calendar)
    assert deadline.last_day == date(2026, 2, 28)


def test_product_recheck_is_fifteen_calendar_days(calendar: WorkdayCalendar) -> None:
    deadline = recheck_deadline(china(2026, 11, 2), RecheckRegime.PRODUCT, calendar)
    assert deadline.last_day == date(2026, 11, 17)
    assert deadline.rolled_from is None and not deadline.provisional


def test_product_recheck_ending_in_a_holiday_moves_past_it(calendar: WorkdayCalendar) -> None:
    # 20 September + 15 days = 5 October, inside 国庆 (1-7 October): the 8th.
    deadline = recheck_deadline(china(2026, 9, 20), RecheckRegime.PRODUCT, calendar)
    assert deadline.rolled_from == date(2026, 10, 5)
    assert deadline.last_day == date(2026, 10, 8)
    assert "第二百零三条" in deadline.basis.zh


def test_product_recheck_ending_on_a_weekend_moves_to_monday(calendar: WorkdayCalendar) -> None:
    deadline = recheck_deadline(china(2026, 11, 13), RecheckRegime.PRODUCT, calendar)
    assert deadline.rolled_from == date(2026, 11, 28)  # a Saturday
    assert deadline.last_day == date(2026, 11, 30)


def test_product_recheck_ending_on_a_makeup_saturday_stays(calendar: WorkdayCalendar) -> None:
    deadline = recheck_deadline(china(2026, 9, 25), RecheckRegime.PRODUCT, calendar)
    assert deadline.last_day == date(2026, 10, 10)  # 调休 working Saturday
    assert deadline.rolled_from is None


def test_product_recheck_into_an_unknown_year_is_provisional(calendar: WorkdayCalendar) -> None:
    deadline = recheck_deadline(china(2026, 12, 20), RecheckRegime.PRODUCT, calendar)
    assert deadline.last_day == date(2027, 1, 4)
    assert deadline.provisional and deadline.assumed_years == (2027,)


def test_rapid_test_window_crosses_midnight(calendar: WorkdayCalendar) -> None:
    notified = china(2026, 10, 9, 22, 30)
    deadline = recheck_deadline(notified, RecheckRegime.RAPID_TEST, calendar)
    assert deadline.due_at == china(2026, 10, 10, 2, 30)
    assert deadline.last_day == date(2026, 10, 10)
    assert deadline.is_met_by(china(2026, 10, 10, 2, 30))
    assert not deadline.is_met_by(china(2026, 10, 10, 2, 30) + timedelta(seconds=1))
    assert not deadline.provisional


def test_rapid_test_window_ignores_holidays_and_input_zone(calendar: WorkdayCalendar) -> None:
    notified = datetime(2026, 10, 1, 13, 0, tzinfo=UTC)  # 21:00 on National Day in China
    deadline = recheck_deadline(notified, RecheckRegime.RAPID_TEST, calendar)
    assert deadline.due_at == china(2026, 10, 2, 1, 0)
    assert deadline.due_at.tzinfo is CHINA_TIME


# --- backup retention ------------------------------------------------------------------


@pytest.mark.parametrize(("concluded", "result", "keep_until"), [
    (date(2026, 5, 10), "pass", date(2026, 8, 10)),
    (date(2026, 5, 10), "fail", date(2026, 11, 10)),
    (date(2026, 8, 31), "fail", date(2027, 2, 28)),
    (date(2026, 11, 30), "pass", date(2027, 2, 28)),
    (date(2027, 11, 30), "pass", date(2028, 2, 29)),
    (date(2026, 3, 31), "fail", date(2026, 9, 30)),
    (date(2026, 10, 31), "pass", date(2027, 1, 31)),
])
def test_retention_month_ends(concluded: date, result: str, keep_until: date) -> None:
    retention = retention_period(concluded, "pass" if result == "pass" else "fail")
    assert retention.keep_until == retention.natural_end == keep_until
    assert not retention.capped_by_shelf_life and not retention.provisional
    assert retention.due_at == end_of_day(keep_until)


def test_retention_capped_by_a_shorter_shelf_life() -> None:
    retention = retention_period(date(2026, 6, 1), "fail", shelf_life_ends=date(2026, 10, 15))
    assert retention.keep_until == date(2026, 10, 15)
    assert retention.natural_end == date(2026, 12, 1)
    assert retention.capped_by_shelf_life


def test_retention_not_capped_by_a_longer_or_equal_shelf_life() -> None:
    longer = retention_period(date(2026, 6, 1), "pass", shelf_life_ends=date(2027, 6, 1))
    assert longer.keep_until == date(2026, 9, 1) and not longer.capped_by_shelf_life
    equal = retention_period(date(2026, 6, 1), "pass", shelf_life_ends=date(2026, 9, 1))
    assert equal.keep_until == date(2026, 9, 1) and not equal.capped_by_shelf_life


def test_retention_with_a_shelf_life_already_over() -> None:
    retention = retention_period(date(2026, 6, 1), "pass", shelf_life_ends=date(2026, 5, 20))
    assert retention.keep_until == date(2026, 5, 20) and retention.capped_by_shelf_life


def test_retention_from_a_datetime_counts_the_china_day() -> None:
    concluded = datetime(2026, 8, 30, 17, 0, tzinfo=UTC)  # 31 August, 01:00 in China
    assert retention_period(concluded, "fail").keep_until == date(2027, 2, 28)


def test_retention_refuses_an_unknown_result() -> None:
    with pytest.raises(ValueError):
        retention_period(date(2026, 6, 1), cast(Any, "maybe"))


# --- month arithmetic ------------------------------------------------------------------


def test_add_months_examples() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 15), 3) == date(2027, 3, 15)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 31), 0) == date(2026, 3, 31)


@given(st.dates(date(2001, 1, 1), date(2090, 12, 31)), st.integers(-24, 24))
def test_add_months_properties(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day
    if result.day < day.day:  # clamped: the month's last day
        assert (result + timedelta(days=1)).day == 1
    if day.day <= 28:
        assert result.day == day.day
