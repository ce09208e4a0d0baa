"""The working-day calendar: weekends, holidays, 调休 make-up days, provisional years.

Schedules are parsed from the shipped JSON text (read here as text, not through the
service) so these tests stay free of the workspace.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.workdays import CalendarFileError, WorkdayCalendar, YearSchedule

CALENDARS = Path(__file__).resolve().parents[2] / "resources" / "calendars"


@pytest.fixture(scope="module")
def calendar() -> WorkdayCalendar:
    schedules = [YearSchedule.from_json_text(p.read_text(encoding="utf-8"), origin=p.name)
                 for p in sorted(CALENDARS.glob("cn-*.json"))]
    return WorkdayCalendar(schedules)


def test_shipped_years(calendar: WorkdayCalendar) -> None:
    assert {2024, 2025, 2026} <= set(calendar.years)


def test_makeup_saturday_is_a_working_day(calendar: WorkdayCalendar) -> None:
    assert date(2026, 10, 10).weekday() == 5
    assert calendar.is_working_day(date(2026, 10, 10))
    assert calendar.is_working_day(date(2026, 2, 14))


def test_weekday_holiday_is_not_a_working_day(calendar: WorkdayCalendar) -> None:
    assert not calendar.is_working_day(date(2026, 10, 1))
    assert calendar.holiday_name(date(2026, 10, 1)) == "国庆节"
    assert not calendar.is_working_day(date(2026, 2, 23))  # Monday in the Spring Festival


def test_plain_weekend_and_weekday(calendar: WorkdayCalendar) -> None:
    assert not calendar.is_working_day(date(2026, 11, 28))  # Saturday
    assert calendar.is_working_day(date(2026, 11, 27))  # Friday


def test_five_working_days_across_national_day(calendar: WorkdayCalendar) -> None:
    # After 30 September 2026: 8, 9, 10 (make-up Saturday), 12, 13 October.
    result = calendar.add_working_days(date(2026, 9, 30), 5)
    assert result.day == date(2026, 10, 13)
    assert not result.provisional


def test_twenty_working_days_across_spring_festival(calendar: WorkdayCalendar) -> None:
    result = calendar.add_working_days(date(2026, 2, 10), 20)
    # 11-13 Feb (3), 14 Feb make-up (4), 24-27 Feb (8), 28 Feb make-up (9), 2-6 Mar (14),
    # 9-13 Mar (19), 16 Mar (20).
    assert result.day == date(2026, 3, 16)


def test_start_day_is_not_counted(calendar: WorkdayCalendar) -> None:
    assert calendar.add_working_days(date(2026, 11, 23), 1).day == date(2026, 11, 24)
    assert calendar.add_working_days(date(2026, 11, 23), 0).day == date(2026, 11, 23)


def test_year_without_schedule_is_provisional(calendar: WorkdayCalendar) -> None:
    result = calendar.add_working_days(date(2026, 12, 25), 10)
    assert result.provisional
    assert result.assumed_years == (2027,)
    # Weekends still count as rest days in an unknown year.
    assert not calendar.is_working_day(date(2027, 1, 2))


def test_negative_count_refused(calendar: WorkdayCalendar) -> None:
    with pytest.raises(ValueError):
        calendar.add_working_days(date(2026, 1, 5), -1)


def test_working_days_between(calendar: WorkdayCalendar) -> None:
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 10, 13)) == 5
    assert calendar.working_days_between(date(2026, 10, 13), date(2026, 9, 30)) == -5


@given(start=st.dates(date(2024, 1, 1), date(2026, 11, 30)), count=st.integers(0, 60))
def test_add_and_between_agree(start: date, count: int) -> None:
    schedules = [YearSchedule.from_json_text(p.read_text(encoding="utf-8"))
                 for p in sorted(CALENDARS.glob("cn-*.json"))]
    calendar = WorkdayCalendar(schedules)
    end = calendar.add_working_days(start, count).day
    assert calendar.working_days_between(start, end) == count
    if count:
        assert calendar.is_working_day(end)
        assert end > start
        assert end - start <= timedelta(days=count * 3 + 14)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("not json", "JSON"),
        ('{"year": "x"}', "year"),
        ('{"year": 2027, "holidays": {}}', "holidays"),
        ('{"year": 2027, "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "bad"}]}',
         "holidays[0].to"),
        ('{"year": 2027, "makeup_workdays": ["2026-12-31"]}', "makeup_workdays[0]"),
        ('{"year": 2027, "holidays": [{"name": "x", "from": "2027-01-03", "to": "2027-01-01"}]}',
         "holidays[0]"),
        ('{"year": 2027, "holidays": [{"name": "x", "from": "2027-01-01", "to": "2027-01-01"}],'
         ' "makeup_workdays": ["2027-01-01"]}', "2027-01-01"),
    ],
)
def test_bad_calendar_files_name_the_field(text: str, fragment: str) -> None:
    with pytest.raises(CalendarFileError) as raised:
        YearSchedule.from_json_text(text, origin="cn-2027.json")
    assert fragment in raised.value.text.zh
    assert "cn-2027.json" in raised.value.text.en


def test_round_trip_through_json() -> None:
    text = (CALENDARS / "cn-2026.json").read_text(encoding="utf-8")
    schedule = YearSchedule.from_json_text(text)
    again = YearSchedule.from_json_text(schedule.to_json_text())
    assert again.holiday_dates == schedule.holiday_dates
    assert again.makeup_workdays == schedule.makeup_workdays
