"""Market-entity identifiers: 统一社会信用代码 (GB 32100-2015) and the legacy 15-digit 注册号.

Contract: pure functions. :func:`check_identifier` normalises raw input (NFKC full-width
to half-width, upper case, surrounding white space), says whether it did, and returns
every reason the code fails, with positions counted from 1 as users count them.

Rules (see ``shared/docs/domain.md`` §3):

- USCC: 18 characters from the 31-character set ``0-9A-HJ-NPQRTUWXY`` (no I, O, Z, S,
  V); positions 3-8 are six digits (a registration-authority code, which need not be a
  current GB/T 2260 division: 雄安新区 133100 and development zones use others);
  position 18 is the MOD 31 check character with weights 3^(i-1) mod 31.
- GB 11714 body check on positions 9-17: reported as a *warning* only, because the
  rule for 个体工商户 MA-codes is unconfirmed.
- Legacy 注册号: 15 digits, ISO 7064 MOD 11,10 check digit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from operator import mul

from inspector.core.text import LocalText

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_VALUES = {c: i for i, c in enumerate(USCC_CHARSET)}
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
USCC_LENGTH = 18
LEGACY_LENGTH = 15
_EXCLUDED_LETTERS = "IOZSV"
_GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_GB11714_VALUES = {c: int(c) for c in "0123456789"} | {
    chr(o): o - 55 for o in range(ord("A"), ord("Z") + 1)
}
# The shape of a strictly valid USCC (character set and digit region); the check
# character still has to be computed.
USCC_SHAPE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")


class IdentifierKind(StrEnum):
    """Which identifier scheme a code follows."""

    USCC = "uscc"
    LEGACY_REGISTRATION = "legacy_reg"


class ProblemKind(StrEnum):
    """Why a code fails (or, for ``BODY_CHECK``, why it is suspicious)."""

    EMPTY = "empty"
    LENGTH = "length"
    ILLEGAL_CHARACTER = "illegal_character"
    REGION_NOT_DIGITS = "region_not_digits"
    CHECK_CHARACTER = "check_character"
    BODY_CHECK = "body_check"


@dataclass(frozen=True, slots=True)
class CodeProblem:
    """One reason a code fails, with the data needed to explain it."""

    kind: ProblemKind
    message: LocalText
    position: int | None = None
    expected: str | None = None
    found: str | None = None


@dataclass(frozen=True, slots=True)
class IdentifierCheck:
    """The verdict on one raw identifier."""

    raw: str
    normalized: str
    kind: IdentifierKind | None
    problems: tuple[CodeProblem, ...]
    warnings: tuple[CodeProblem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def was_normalized(self) -> bool:
        return self.raw != self.normalized


def normalize_identifier(raw: str) -> str:
    """NFKC (full-width to half-width), strip surrounding white space, upper-case."""
    return unicodedata.normalize("NFKC", raw).strip().upper()


def uscc_check_character(first17: str) -> str:
    """The 18th character for 17 valid USCC characters (GB 32100 MOD 31)."""
    total = sum(map(mul, map(USCC_VALUES.__getitem__, first17), USCC_WEIGHTS))
    return USCC_CHARSET[(31 - total % 31) % 31]


def legacy_check_digit(first14: str) -> str:
    """The 15th digit of a legacy 注册号 (GB/T 17710, ISO 7064 MOD 11,10)."""
    p = 10
    for ch in first14:
        s = (p + int(ch)) % 10 or 10
        p = (2 * s) % 11
    return str((11 - p) % 10)


def gb11714_check_character(body8: str) -> str | None:
    """The organisation-code check character for 8 body characters, or None if not computable."""
    if len(body8) != len(_GB11714_WEIGHTS):
        return None
    try:
        total = sum(map(mul, map(_GB11714_VALUES.__getitem__, body8), _GB11714_WEIGHTS))
    except KeyError:
        return None
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def is_valid_uscc(code: str) -> bool:
    """Strict validity (no normalising), cheaply: the fast path of bulk imports."""
    return (
        len(code) == USCC_LENGTH
        and USCC_SHAPE.fullmatch(code) is not None
        and uscc_check_character(code[:17]) == code[17]
    )


def body_check_passes(code: str) -> bool:
    """True when a valid USCC's positions 9-17 pass GB 11714 (or cannot be checked)."""
    expected = gb11714_check_character(code[8:16])
    return expected is None or expected == code[16]


def uscc_problems(code: str) -> tuple[CodeProblem, ...]:
    """Every reason a normalised 18-character candidate fails GB 32100 (strict, no normalising)."""
    if not code:
        return (_empty(),)
    if len(code) != USCC_LENGTH:
        return (_length(len(code)),)
    problems = [_illegal(i + 1, c) for i, c in enumerate(code) if c not in USCC_VALUES]
    if not code[2:8].isdigit():
        problems.append(
            CodeProblem(
                ProblemKind.REGION_NOT_DIGITS,
                LocalText(
                    zh=f"第3–8位（登记管理机关行政区划码）应为6位数字，实为“{code[2:8]}”",
                    en=f"positions 3-8 (registration authority region code) must be six digits, "
                    f"found '{code[2:8]}'",
                ),
                position=3,
                found=code[2:8],
            )
        )
    # The check character is computable whenever the first 17 are sound, even when the
    # 18th is itself illegal (``…Y4Z``): saying what it should be is the useful answer.
    if all(p.position == USCC_LENGTH for p in problems):
        expected = uscc_check_character(code[:17])
        if expected != code[17]:
            problems.append(
                CodeProblem(
                    ProblemKind.CHECK_CHARACTER,
                    LocalText(
                        zh=f"第18位校验码应为“{expected}”，实为“{code[17]}”",
                        en=f"check character (position 18) should be '{expected}', "
                        f"found '{code[17]}'",
                    ),
                    position=18,
                    expected=expected,
                    found=code[17],
                )
            )
    return tuple(problems)


def legacy_problems(code: str) -> tuple[CodeProblem, ...]:
    """Every reason a 15-character candidate fails the legacy 注册号 rules."""
    if len(code) != LEGACY_LENGTH:
        return (_length(len(code)),)
    bad = [
        CodeProblem(
            ProblemKind.ILLEGAL_CHARACTER,
            LocalText(
                zh=f"第{i + 1}位字符“{c}”不合法（15位注册号只含数字）",
                en=f"character '{c}' at position {i + 1} is not allowed "
                "(a 15-digit registration number has digits only)",
            ),
            position=i + 1,
            found=c,
        )
        for i, c in enumerate(code)
        if not ("0" <= c <= "9")
    ]
    if bad:
        return tuple(bad)
    expected = legacy_check_digit(code[:14])
    if expected != code[14]:
        return (
            CodeProblem(
                ProblemKind.CHECK_CHARACTER,
                LocalText(
                    zh=f"第15位校验码应为“{expected}”，实为“{code[14]}”",
                    en=f"check digit (position 15) should be '{expected}', found '{code[14]}'",
                ),
                position=15,
                expected=expected,
                found=code[14],
            ),
        )
    return ()


def check_identifier(raw: str) -> IdentifierCheck:
    """Normalise ``raw`` and check it as a USCC, or as a legacy 注册号 when it is 15 digits."""
    code = normalize_identifier(raw)
    if len(code) == LEGACY_LENGTH and code.isdigit():
        problems = legacy_problems(code)
        return IdentifierCheck(raw, code, IdentifierKind.LEGACY_REGISTRATION, problems, ())
    problems = uscc_problems(code)
    warnings: tuple[CodeProblem, ...] = ()
    if not problems:
        warnings = _body_warnings(code)
    kind = IdentifierKind.USCC if len(code) == USCC_LENGTH else None
    return IdentifierCheck(raw, code, kind, problems, warnings)


def _body_warnings(code: str) -> tuple[CodeProblem, ...]:
    expected = gb11714_check_character(code[8:16])
    if expected is None or expected == code[16]:
        return ()
    return (
        CodeProblem(
            ProblemKind.BODY_CHECK,
            LocalText(
                zh=f"主体标识码（第9–17位）的GB 11714校验位应为“{expected}”，实为“{code[16]}”"
                "（仅提示，个体工商户等代码可能不适用此规则）",
                en=f"the GB 11714 check of the body (positions 9-17) should be '{expected}', "
                f"found '{code[16]}' (a warning only: codes of some entity kinds do not follow it)",
            ),
            position=17,
            expected=expected,
            found=code[16],
        ),
    )


def _empty() -> CodeProblem:
    return CodeProblem(ProblemKind.EMPTY, LocalText(zh="代码为空", en="the code is empty"))


def _length(length: int) -> CodeProblem:
    return CodeProblem(
        ProblemKind.LENGTH,
        LocalText(
            zh=f"长度为{length}位，统一社会信用代码应为18位（旧注册号为15位数字）",
            en=f"length is {length}; a unified social credit code has 18 characters "
            "(a legacy registration number has 15 digits)",
        ),
        found=str(length),
    )


def _illegal(position: int, char: str) -> CodeProblem:
    if char in _EXCLUDED_LETTERS:
        why_zh, why_en = "统一社会信用代码不使用 I、O、Z、S、V", "I, O, Z, S and V are never used"
    elif char.isalpha() and char.islower():
        why_zh, why_en = "应为大写", "letters must be upper case"
    else:
        why_zh = "只允许数字和除 I、O、Z、S、V 以外的大写字母"
        why_en = "only digits and upper-case letters other than I, O, Z, S, V are allowed"
    return CodeProblem(
        ProblemKind.ILLEGAL_CHARACTER,
        LocalText(
            zh=f"第{position}位字符“{char}”不合法（{why_zh}）",
            en=f"character '{char}' at position {position} is not allowed ({why_en})",
        ),
        position=position,
        found=char,
    )
