"""The 检查结果 codebook (``domain.md`` §1.6) and what each result obliges.

Contract: :data:`RESULT_CODES` lists every code with its exact Chinese label (the
wording of the 市场监管领域随机抽查情况记录表), an English gloss, its parent and two
duties: ``must_publish`` (不配合检查情节严重 is published under 条例 §15) and
``abnormal_referral`` (通过登记的住所（经营场所）无法联系 leads to the 经营异常名录,
条例 §17). :func:`describe` turns a result's codes into its disclosure text and duties,
and refuses an unknown code by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ResultCode:
    code: str
    label: str
    label_en: str
    parent: str | None = None
    must_publish: bool = False
    abnormal_referral: bool = False


RESULT_CODES: tuple[ResultCode, ...] = (
    ResultCode("1", "未发现问题", "no problem found"),
    ResultCode("A", "发现问题待后续处理", "problem found, follow-up pending"),
    ResultCode("2", "违反工商行政管理相关规定", "breach of industry and commerce rules", "A"),
    ResultCode("B", "未按规定公示应当公示的信息", "required information not disclosed", "2"),
    ResultCode("C", "公示信息隐瞒真实情况弄虚作假", "disclosed information false or concealing",
               "2"),
    ResultCode("6", "通过登记的住所（经营场所）无法联系",
               "cannot be contacted at the registered address", "2", abnormal_referral=True),
    ResultCode("D", "违反其他工商行政管理规定行为", "other breach of industry and commerce rules",
               "2"),
    ResultCode("3", "违反食品药品管理相关规定", "breach of food and drug rules", "A"),
    ResultCode("4", "违反质量技术监督相关规定", "breach of quality supervision rules", "A"),
    ResultCode("G", "违反公安部门相关规定", "breach of public security rules", "A"),
    ResultCode("5", "违反其他部门相关规定", "breach of other departments' rules", "A"),
    ResultCode("E", "发现问题经责令已改正", "problem found and corrected on order"),
    ResultCode("F", "未发现开展本次抽查涉及的经营活动", "no business activity of this check found"),
    ResultCode("7", "已关闭停业或正在组织清算", "closed, or in liquidation"),
    ResultCode("8", "不配合检查情节严重", "serious refusal to cooperate", must_publish=True),
    ResultCode("9", "注销", "deregistered"),
    ResultCode("10", "被吊销", "licence revoked"),
    ResultCode("11", "被撤销", "registration cancelled"),
    ResultCode("12", "迁出", "moved out"),
)
BY_CODE: Mapping[str, ResultCode] = {r.code: r for r in RESULT_CODES}


class UnknownResultCodeError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(f"unknown result code {code!r} (domain.md §1.6)")
        self.code = code


@dataclass(frozen=True, slots=True)
class ResultSummary:
    codes: tuple[str, ...]
    label: str  # the Chinese labels, joined with "；"
    label_en: str
    must_publish: bool
    abnormal_referral: bool


def describe(codes: Sequence[str]) -> ResultSummary:
    known = []
    for code in codes:
        if code not in BY_CODE:
            raise UnknownResultCodeError(code)
        known.append(BY_CODE[code])
    return ResultSummary(
        codes=tuple(r.code for r in known),
        label="；".join(r.label for r in known),
        label_en="; ".join(r.label_en for r in known),
        must_publish=any(r.must_publish for r in known),
        abnormal_referral=any(r.abnormal_referral for r in known),
    )
