"""Deadlines of product sampling: delivery to the lab, 复检 windows, backup retention.

Contract: pure. Every function takes aware datetimes (a naive one is refused with
``ValueError``) and counts days in China's calendar (:data:`CHINA_TIME`), whatever the
zone of the clock that recorded them. Results are frozen values; a :class:`Deadline`'s
``due_at`` is the *last on-time instant* (inclusive; the end of the last day, 24:00,
for day counts, 《民法典》§203), and it is ``provisional`` when the count ran into a year
whose official holiday schedule the calendar does not have (weekends only were assumed).

The rules (domain.md §2.1, §2.3, §8 rule 4):

- **Delivery to the lab**: within 5 working days of sampling (《食品安全抽样检验管理办法》
  §20). The app applies it to *every* sample, food or not, as its standard: no
  product-side limit was found and a shorter, uniform limit is the safe choice.
- **复检 application**, counted from the day (or, for rapid tests, the moment) the
  result is received; the day of receipt is not counted (《民法典》§201):

  - products: 15 days (《产品质量法》§15). These are calendar days; when the 15th day is
    a rest day (a weekend not made a working day by 调休, or a public holiday) the
    window ends on the next working day instead (《民法典》§203: 期间的最后一日是法定休假日的，
    以法定休假日结束的次日为期间的最后一日), so an applicant is never cut short;
  - food: 7 working days (《食品安全法》§88);
  - rapid tests on edible agricultural products: 4 hours from the moment the result is
    received (《食品安全法》§88), across midnight if need be.
- **Backup retention** (《食品安全抽样检验管理办法》§25): 3 months after a pass, 6 months after
  a fail, counted from the day of the conclusion; but never past the end of the shelf
  life when that comes sooner.

Month arithmetic (《民法典》§202): *n* months after day D ends on the day with D's number
*n* months later, or on that month's last day when it has no such day: 2026-05-10 + 3
months = 2026-08-10; 2026-08-31 + 6 months = 2027-02-28; 2027-11-30 + 3 months =
2028-02-29.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from inspector.core.custody import TestResult
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME, WorkdayCalendar

DELIVERY_WORKING_DAYS = 5
PRODUCT_RECHECK_DAYS = 15
FOOD_RECHECK_WORKING_DAYS = 7
RAPID_TEST_RECHECK = timedelta(hours=4)
RETENTION_MONTHS: dict[TestResult, int] = {"pass": 3, "fail": 6}


class RecheckRegime(StrEnum):
    """Which law sets the 复检 window."""

    PRODUCT = "product"  # 产品质量法 §15: 15 days
    FOOD = "food"  # 食品安全法 §88: 7 working days
    RAPID_TEST = "rapid_test"  # 食品安全法 §88: 4 hours, rapid tests on edible farm produce


@dataclass(frozen=True, slots=True)
class Deadline:
    """When something is due, why, and whether the calendar had to guess.

    ``rolled_from`` is the nominal last day when a rest day moved the end later.
    """

    due_at: datetime
    basis: LocalText
    assumed_years: tuple[int, ...] = ()
    rolled_from: date | None = None

    @property
    def last_day(self) -> date:
        """The last day (China time) on which the act is on time."""
        return self.due_at.astimezone(CHINA_TIME).date()

    @property
    def provisional(self) -> bool:
        return bool(self.assumed_years)

    def is_met_by(self, moment: datetime) -> bool:
        """True when an act at ``moment`` (aware) is on time."""
        return _aware(moment) <= self.due_at


@dataclass(frozen=True, slots=True)
class Retention:
    """How long a lab keeps a 复检 backup: through ``keep_until`` (inclusive)."""

    keep_until: date
    natural_end: date  # 3 or 6 months after the conclusion, before any shelf-life cap
    capped_by_shelf_life: bool
    basis: LocalText

    @property
    def due_at(self) -> datetime:
        """The last moment the backup must still be kept (end of ``keep_until``)."""
        return end_of_day(self.keep_until)

    @property
    def provisional(self) -> bool:
        """Always False: retention counts months, not working days."""
        return False


def china_day(moment: datetime) -> date:
    """The calendar day of ``moment`` in China."""
    return _aware(moment).astimezone(CHINA_TIME).date()


def end_of_day(day: date) -> datetime:
    """The last instant of ``day`` in China (24:00 less a microsecond)."""
    return datetime.combine(day, time.max, tzinfo=CHINA_TIME)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` months, clamped to the month's last day (see the module)."""
    index = day.year * 12 + day.month - 1 + months
    year, month_index = divmod(index, 12)
    month = month_index + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def delivery_deadline(sampled_at: datetime, calendar: WorkdayCalendar) -> Deadline:
    """The last moment to deliver a sample to the lab: 5 working days after sampling."""
    count = calendar.add_working_days(china_day(sampled_at), DELIVERY_WORKING_DAYS)
    return Deadline(
        end_of_day(count.day),
        LocalText(
            "抽样之日起 5 个工作日内将样品和抽样文书送达检验机构"
            "（《食品安全抽样检验管理办法》第二十条，本系统适用于所有样品）",
            "deliver the sample and its documents to the lab within 5 working days of "
            "sampling (food sampling measures §20, applied here to every sample)",
        ),
        count.assumed_years,
    )


def recheck_deadline(
    notified_at: datetime, regime: RecheckRegime, calendar: WorkdayCalendar
) -> Deadline:
    """The last moment to apply for a 复检, counted from receipt of the result."""
    if regime is RecheckRegime.RAPID_TEST:
        return _rapid_test_deadline(notified_at)
    if regime is RecheckRegime.FOOD:
        return _food_deadline(notified_at, calendar)
    return _product_deadline(notified_at, calendar)


def _rapid_test_deadline(notified_at: datetime) -> Deadline:
    due = (_aware(notified_at).astimezone(UTC) + RAPID_TEST_RECHECK).astimezone(CHINA_TIME)
    return Deadline(
        due,
        LocalText(
            "收到快速检测结果时起 4 小时内申请复检（《食品安全法》第八十八条）",
            "apply for a 复检 within 4 hours of receiving a rapid-test result "
            "(Food Safety Law §88)",
        ),
    )


def _food_deadline(notified_at: datetime, calendar: WorkdayCalendar) -> Deadline:
    count = calendar.add_working_days(china_day(notified_at), FOOD_RECHECK_WORKING_DAYS)
    return Deadline(
        end_of_day(count.day),
        LocalText(
            "收到检验结论之日起 7 个工作日内申请复检（《食品安全法》第八十八条）",
            "apply for a 复检 within 7 working days of receiving the conclusion "
            "(Food Safety Law §88)",
        ),
        count.assumed_years,
    )


def _product_deadline(notified_at: datetime, calendar: WorkdayCalendar) -> Deadline:
    nominal = china_day(notified_at) + timedelta(days=PRODUCT_RECHECK_DAYS)
    last, assumed = _roll_past_rest_days(nominal, calendar)
    return Deadline(
        end_of_day(last),
        LocalText(
            "收到检验结果之日起 15 日内申请复检（《产品质量法》第十五条）；"
            "末日为休息日或法定节假日的，顺延至其后第一个工作日（《民法典》第二百零三条）",
            "apply for a 复检 within 15 days of receiving the result (Product Quality Law "
            "§15); a last day that is a rest day moves to the next working day "
            "(Civil Code §203)",
        ),
        assumed,
        nominal if last != nominal else None,
    )


def _roll_past_rest_days(
    day: date, calendar: WorkdayCalendar
) -> tuple[date, tuple[int, ...]]:
    """The first working day on or after ``day``, and the years the calendar assumed."""
    assumed: set[int] = set()
    while True:
        if not calendar.covers(day):
            assumed.add(day.year)
        if calendar.is_working_day(day):
            return day, tuple(sorted(assumed))
        day += timedelta(days=1)


def retention_period(
    concluded_on: date, result: TestResult, *, shelf_life_ends: date | None = None
) -> Retention:
    """How long the lab keeps the backup of a sample whose conclusion was ``result``.

    ``concluded_on`` is the day of the conclusion (a datetime is taken as its China day);
    ``shelf_life_ends`` the last day of the shelf life, when known. When the shelf life
    ends first, ``keep_until`` is that day, even one already past.
    """
    if isinstance(concluded_on, datetime):
        concluded_on = china_day(concluded_on)
    if result not in RETENTION_MONTHS:
        raise ValueError(f"result must be pass or fail, not {result!r}")
    natural = add_months(concluded_on, RETENTION_MONTHS[result])
    capped = shelf_life_ends is not None and shelf_life_ends < natural
    keep_until = shelf_life_ends if capped and shelf_life_ends is not None else natural
    return Retention(
        keep_until,
        natural,
        capped,
        LocalText(
            "复检备份样品自检验结论作出之日起保存：合格 3 个月，不合格 6 个月；"
            "保质期先届满的保存至保质期满（《食品安全抽样检验管理办法》第二十五条）",
            "keep the 复检 backup from the day of the conclusion: 3 months after a pass, "
            "6 after a fail, or until the shelf life ends if sooner (food sampling "
            "measures §25)",
        ),
    )


def _aware(moment: datetime) -> datetime:
    if moment.utcoffset() is None:
        raise ValueError("a deadline needs an aware datetime (with its UTC offset)")
    return moment
