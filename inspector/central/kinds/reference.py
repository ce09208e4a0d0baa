"""Reference kinds every account receives: holiday calendars and the result codebook.

Administrators publish them; every signed-in laptop gets them on the ``calendars`` and
``codebook`` feeds. A calendar body is a year's schedule in the documented format
(``docs/calendar.md``), checked by the same parser the laptop uses.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from inspector.central.kinds import ADMINISTRATORS, RecordKind, Visibility, register
from inspector.core.workdays import CalendarFileError, YearSchedule


class CalendarBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int
    source: str = ""
    holidays: list[dict[str, Any]]
    makeup_workdays: list[str]

    @model_validator(mode="after")
    def _parses(self) -> CalendarBody:
        try:
            YearSchedule.from_json_text(json.dumps(self.model_dump()))
        except CalendarFileError as exc:
            raise ValueError(exc.text.en) from exc
        return self


class ResultCodeBody(BaseModel):
    """One entry of the 检查结果 codebook (domain.md §1.6)."""

    model_config = ConfigDict(extra="forbid")

    code: str
    label: str
    parent: str | None = None
    publish: bool = False  # the result must be published (不配合检查情节严重)


register(RecordKind("calendar", "calendars", ADMINISTRATORS, Visibility.EVERYONE, CalendarBody))
register(RecordKind("result_code", "codebook", ADMINISTRATORS, Visibility.EVERYONE,
                    ResultCodeBody))
