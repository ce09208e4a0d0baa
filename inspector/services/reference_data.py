"""Reference data read from shipped resources and the workspace: divisions and calendars.

Contract: the division table comes from ``resources/divisions``. The working-day
calendar merges the shipped ``resources/calendars/cn-YYYY.json`` files with any files
in the workspace's ``calendars/`` folder, which take precedence year by year: a new
year's schedule is installed with :func:`install_calendar_file` (or by copying the
file there) without a new release.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from inspector.core.divisions import DivisionTable
from inspector.core.text import LocalText
from inspector.core.workdays import CalendarFileError, WorkdayCalendar, YearSchedule
from inspector.resource_files import resource


def load_divisions() -> DivisionTable:
    text = resource("divisions", "hebei-divisions.csv").read_text(encoding="utf-8")
    return DivisionTable.from_csv_text(text)


def load_calendar(workspace_calendars: Path | None) -> WorkdayCalendar:
    """Shipped schedules overlaid with the workspace's own, per year."""
    schedules: dict[int, YearSchedule] = {}
    folders = [resource("calendars")]
    if workspace_calendars is not None and workspace_calendars.is_dir():
        folders.append(workspace_calendars)
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            schedule = YearSchedule.from_json_text(
                path.read_text(encoding="utf-8"), origin=path.name
            )
            schedules[schedule.year] = schedule
    return WorkdayCalendar(schedules.values())


def install_calendar_file(source: Path, workspace_calendars: Path) -> YearSchedule:
    """Validate a calendar file and copy it into the workspace as ``cn-YYYY.json``."""
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarFileError(
            LocalText(zh=f"无法读取 {source}：{exc}", en=f"cannot read {source}: {exc}")
        ) from exc
    schedule = YearSchedule.from_json_text(text, origin=source.name)
    workspace_calendars.mkdir(parents=True, exist_ok=True)
    target = workspace_calendars / f"cn-{schedule.year}.json"
    temporary = target.with_suffix(".json.tmp")
    temporary.write_text(schedule.to_json_text(), encoding="utf-8")
    shutil.move(temporary, target)
    return schedule
