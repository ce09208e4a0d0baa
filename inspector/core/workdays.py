"""Working-day calendar for legal deadlines (20 working days to publish, 5 to deliver samples).

Contract: pure. A :class:`WorkdayCalendar` is built from one :class:`YearSchedule` per
year (public holidays and 调休 make-up working days, as the State Council announces
them each November). A day is a working day when it is a make-up working day, or a
weekday that is not a holiday. For a year with no schedule the calendar falls back to
weekends only and says so: every count reports the years it had to assume, so a
deadline can be shown as provisional rather than silently wrong.

Counting convention: "within N working days of D" ends on the N-th working day *after*
D; D itself is not counted (as 《行政许可法》 and the publication rules count periods).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from inspector.core.text import LocalText

_SATURDAY = 5
# Deadlines and "days ago" are counted in China's calendar days, whatever the clock's zone.
CHINA_TIME = ZoneInfo("Asia/Shanghai")


class CalendarFileError(ValueError):
    """A calendar data file is malformed; the message names the field."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message.zh)
        self.text = message


@dataclass(frozen=True, slots=True)
class Holiday:
    """One holiday period, inclusive of both ends."""

    name: str
    first: date
    last: date

    def days(self) -> Iterable[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


@dataclass(frozen=True, slots=True)
class YearSchedule:
    """The official holidays and make-up working days of one year."""

    year: int
    holidays: tuple[Holiday, ...]
    makeup_workdays: frozenset[date]
    source: str = ""

    @property
    def holiday_dates(self) -> frozenset[date]:
        return frozenset(d for h in self.holidays for d in h.days())

    @classmethod
    def from_json_text(cls, text: str, *, origin: str = "") -> YearSchedule:
        """Parse the documented calendar file format (see ``docs/calendar.md``)."""
        where = f"{origin}: " if origin else ""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CalendarFileError(
                LocalText(
                    zh=f"{where}不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）",
                    en=f"{where}not valid JSON (line {exc.lineno}, column {exc.colno})",
                )
            ) from exc
        if not isinstance(data, dict):
            raise CalendarFileError(
                LocalText(zh=f"{where}顶层应为对象", en=f"{where}the top level must be an object")
            )
        year = data.get("year")
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise CalendarFileError(
                LocalText(zh=f"{where}字段 year 应为年份", en=f"{where}field 'year' must be a year")
            )
        holidays = tuple(
            _parse_holiday(entry, index, year, where)
            for index, entry in enumerate(_list_field(data, "holidays", where))
        )
        makeup = frozenset(
            _parse_date(value, f"makeup_workdays[{index}]", year, where)
            for index, value in enumerate(_list_field(data, "makeup_workdays", where))
        )
        clash = makeup & frozenset(d for h in holidays for d in h.days())
        if clash:
            first = min(clash).isoformat()
            raise CalendarFileError(
                LocalText(
                    zh=f"{where}{first} 同时是假日和调休上班日",
                    en=f"{where}{first} is both a holiday and a make-up working day",
                )
            )
        source = data.get("source", "")
        return cls(year, holidays, makeup, source if isinstance(source, str) else "")

    def to_json_text(self) -> str:
        return json.dumps(
            {
                "year": self.year,
                "source": self.source,
                "holidays": [
                    {"name": h.name, "from": h.first.isoformat(), "to": h.last.isoformat()}
                    for h in self.holidays
                ],
                "makeup_workdays": sorted(d.isoformat() for d in self.makeup_workdays),
            },
            ensure_ascii=False,
            indent=2,
        )


@dataclass(frozen=True, slots=True)
class WorkdayCount:
    """The result of counting working days: the date and the years that had no schedule."""

    day: date
    assumed_years: tuple[int, ...] = field(default=())

    @property
    def provisional(self) -> bool:
        return bool(self.assumed_years)


class WorkdayCalendar:
    """Working days from weekends plus per-year official schedules."""

    def __init__(self, schedules: Iterable[YearSchedule] = ()) -> None:
        self._schedules: dict[int, YearSchedule] = {}
        for schedule in schedules:
            self._schedules[schedule.year] = schedule
        self._holidays = frozenset(d for s in self._schedules.values() for d in s.holiday_dates)
        self._makeup = frozenset(d for s in self._schedules.values() for d in s.makeup_workdays)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self._schedules))

    def covers(self, day: date) -> bool:
        """True when the official schedule of ``day``'s year is known."""
        return day.year in self._schedules

    def is_working_day(self, day: date) -> bool:
        if day in self._makeup:
            return True
        if day in self._holidays:
            return False
        return day.weekday() < _SATURDAY

    def holiday_name(self, day: date) -> str | None:
        schedule = self._schedules.get(day.year)
        if schedule is None:
            return None
        return next((h.name for h in schedule.holidays if h.first <= day <= h.last), None)

    def add_working_days(self, start: date, count: int) -> WorkdayCount:
        """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        assumed: set[int] = set()
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if not self.covers(day):
                assumed.add(day.year)
            if self.is_working_day(day):
                remaining -= 1
        return WorkdayCount(day, tuple(sorted(assumed)))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def _list_field(data: dict[str, object], name: str, where: str) -> list[object]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise CalendarFileError(
            LocalText(zh=f"{where}字段 {name} 应为列表", en=f"{where}field '{name}' must be a list")
        )
    return value


def _parse_date(value: object, name: str, year: int, where: str) -> date:
    try:
        parsed = date.fromisoformat(str(value))
    except ValueError as exc:
        raise CalendarFileError(
            LocalText(
                zh=f"{where}{name} 的日期“{value}”无效（应为 YYYY-MM-DD）",
                en=f"{where}{name}: '{value}' is not a date (YYYY-MM-DD)",
            )
        ) from exc
    if parsed.year != year:
        raise CalendarFileError(
            LocalText(
                zh=f"{where}{name} 的日期 {parsed} 不在 {year} 年内",
                en=f"{where}{name}: {parsed} is not in {year}",
            )
        )
    return parsed


def _parse_holiday(entry: object, index: int, year: int, where: str) -> Holiday:
    name = f"holidays[{index}]"
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise CalendarFileError(
            LocalText(
                zh=f"{where}{name} 应为含 name、from、to 的对象",
                en=f"{where}{name} must be an object with name, from and to",
            )
        )
    first = _parse_date(entry.get("from"), f"{name}.from", year, where)
    last = _parse_date(entry.get("to"), f"{name}.to", year, where)
    if last < first:
        raise CalendarFileError(
            LocalText(
                zh=f"{where}{name} 的结束日期早于开始日期",
                en=f"{where}{name} ends before it starts",
            )
        )
    return Holiday(entry["name"], first, last)
