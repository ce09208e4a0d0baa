"""The 后续处置措施 codebook (``domain.md`` §1.6) and the rules a result's follow-up obeys.

Contract: :data:`FOLLOW_UPS` lists every measure with its exact Chinese label (the
wording of the 市场监管领域随机抽查情况记录表), an English gloss, and what it needs:
责令改正 a deadline after the inspection day, 移送办案机构 the receiving office,
抄告相关部门 the department, 其他 its text. :func:`check_follow_up` validates the
measures chosen for a result and returns them normalised, or raises
:class:`FollowUpError` naming the measure and what is missing, in both languages:

- at least one measure is chosen, none twice;
- "no follow-up needed" stands alone, and not beside a result that found a problem
  still to be handled (code A or any of its sub-codes);
- a result that found a problem still to be handled needs a measure that handles it.

:func:`describe_follow_up` is the line a printed record shows for one measure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inspector.core.result_codes import BY_CODE
from inspector.core.text import LocalText


class Needs(StrEnum):
    NOTHING = "nothing"
    DEADLINE = "deadline"  # 责令改正: the date by which to correct
    RECIPIENT = "recipient"  # the office or department the matter goes to
    TEXT = "text"  # 其他: what is done


@dataclass(frozen=True, slots=True)
class FollowUpKind:
    code: str
    label: str
    label_en: str
    needs: Needs


FOLLOW_UPS: tuple[FollowUpKind, ...] = (
    FollowUpKind("none", "未发现问题或相关问题已规范、已改正，无需后续处置",
                 "no problem, or already corrected: no follow-up needed", Needs.NOTHING),
    FollowUpKind("feedback", "停止检查，反馈至日常监管部门依法依规处理",
                 "inspection stopped; referred back to routine supervision", Needs.NOTHING),
    FollowUpKind("rectify", "违反本部门相关规定，责令改正；后续跟踪由日常监管部门负责",
                 "breach of this department's rules: ordered to correct, followed up by "
                 "routine supervision", Needs.DEADLINE),
    FollowUpKind("refer", "发现案件线索，初步固定相关证据后移送办案机构依法依规处理",
                 "case clue found: evidence secured and referred to a case-handling office",
                 Needs.RECIPIENT),
    FollowUpKind("notify", "违反其他部门相关规定，抄告相关部门",
                 "breach of another department's rules: that department is notified",
                 Needs.RECIPIENT),
    FollowUpKind("other", "其他", "other", Needs.TEXT),
)
FOLLOW_UP_BY_CODE: Mapping[str, FollowUpKind] = {k.code: k for k in FOLLOW_UPS}


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One chosen measure: ``deadline`` for 责令改正, ``detail`` the recipient or text."""

    code: str
    deadline: date | None = None
    detail: str = ""


class FollowUpError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def problem_pending(result_codes: Sequence[str]) -> bool:
    """Whether the result found a problem still to be handled (A or one of its sub-codes)."""
    for code in result_codes:
        ancestor: str | None = code
        while ancestor is not None:
            if ancestor == "A":
                return True
            ancestor = BY_CODE[ancestor].parent if ancestor in BY_CODE else None
    return False


def check_follow_up(measures: Sequence[FollowUp], result_codes: Sequence[str],
                    today: date) -> tuple[FollowUp, ...]:
    if not measures:
        raise _error("请选择后续处置措施", "choose the follow-up measures")
    seen: set[str] = set()
    checked: list[FollowUp] = []
    for measure in measures:
        kind = FOLLOW_UP_BY_CODE.get(measure.code)
        if kind is None:
            raise _error(f"未知的后续处置措施：{measure.code}",
                         f"unknown follow-up measure: {measure.code}")
        if kind.code in seen:
            raise _error(f"后续处置措施重复：{kind.label}", f"measure given twice: {kind.label_en}")
        seen.add(kind.code)
        checked.append(_checked(kind, measure, today))
    if "none" in seen and len(seen) > 1:
        raise _error("“无需后续处置”不能与其他措施同时选择",
                     "'no follow-up needed' cannot be combined with other measures")
    if problem_pending(result_codes) and "none" in seen:
        raise _error("检查结果为发现问题待后续处理，应选择相应的后续处置措施",
                     "the result found a problem to follow up: choose how it is handled")
    return tuple(checked)


def describe_follow_up(measure: FollowUp) -> LocalText:
    kind = FOLLOW_UP_BY_CODE[measure.code]
    if kind.needs is Needs.DEADLINE and measure.deadline is not None:
        day = measure.deadline.isoformat()
        return LocalText(f"{kind.label}（改正期限：{day}）", f"{kind.label_en} (by {day})")
    if kind.needs is Needs.RECIPIENT:
        return LocalText(f"{kind.label}（{measure.detail}）",
                         f"{kind.label_en} ({measure.detail})")
    if kind.needs is Needs.TEXT:
        return LocalText(f"{kind.label}：{measure.detail}", f"{kind.label_en}: {measure.detail}")
    return LocalText(kind.label, kind.label_en)


def _checked(kind: FollowUpKind, measure: FollowUp, today: date) -> FollowUp:
    detail = measure.detail.strip()
    if kind.needs is Needs.DEADLINE:
        if measure.deadline is None:
            raise _error(f"“{kind.label}”需要改正期限", f"'{kind.label_en}' needs a deadline")
        if measure.deadline <= today:
            raise _error(f"改正期限 {measure.deadline.isoformat()} 应晚于检查当日",
                         f"the deadline {measure.deadline.isoformat()} must be after today")
        return FollowUp(kind.code, measure.deadline)
    if kind.needs is Needs.RECIPIENT and not detail:
        raise _error(f"“{kind.label}”需要写明接收的机构或部门",
                     f"'{kind.label_en}' needs the receiving office or department")
    if kind.needs is Needs.TEXT and not detail:
        raise _error("选择“其他”时请写明处置措施", "'other' needs the measure written out")
    return FollowUp(kind.code, None, detail if kind.needs is not Needs.NOTHING else "")


def _error(zh: str, en: str) -> FollowUpError:
    return FollowUpError(LocalText(zh, en))
