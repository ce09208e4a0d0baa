"""Sample codes (样品编号) made offline on many laptops without ever colliding.

Contract: a sample code is 17 characters, ``PPYYUUUUDDDNNNNNC``:

- ``PP``    the province: the first two digits of the issuing unit's division code;
- ``YY``    the year of sampling (two digits, China time);
- ``UUUU``  the rest of the issuing unit's six-digit division code (so ``PPUUUU`` is
  the division, GB/T 2260);
- ``DDD``   the laptop's device prefix, three characters of the 统一社会信用代码 alphabet
  (``0-9`` and ``A-Y`` without ``I O S V Z``), reserved for it by the central platform
  when it enrolls and never handed out twice;
- ``NNNNN`` the laptop's sequence number for that year, from 00001, never reused (a
  deleted sample keeps its number);
- ``C``     a check character over the 16 before it, in the same alphabet: weights
  3^1 … 3^16 (mod 31) on the characters' values, and the check character's value
  makes the weighted sum ≡ 0 (mod 31) with weight 3^0 = 1. The 17 weights are
  distinct and 31 is prime, so every single wrong character and every swap of any two
  different characters (adjacent or not) changes the sum: all are caught.

Two laptops never share a prefix, and one laptop never repeats a (year, sequence), so
codes cannot collide. A portion of a sample is the sample code with ``-P`` and a
two-digit number: ``-P01`` the test portion, ``-P02`` the backup, more when the rules
need them. :func:`parse_sample_code` and :func:`parse_portion_code` accept what a
barcode scanner types (surrounding blanks, lower case) and raise
:class:`SampleCodeError` saying what is wrong, in both languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector.core.credit_codes import USCC_CHARSET, USCC_VALUES
from inspector.core.text import LocalText

LENGTH = 17
MAX_SEQUENCE = 99_999
MAX_PORTIONS = 99
_WEIGHTS = tuple(pow(3, i + 1, 31) for i in range(LENGTH - 1))
_SHAPE = re.compile(rf"[0-9]{{8}}[{USCC_CHARSET}]{{3}}[0-9]{{5}}[{USCC_CHARSET}]")
_PORTION = re.compile(r"(?P<code>.+)-P(?P<number>[0-9]{2})")


@dataclass(frozen=True, slots=True, order=True)
class SampleCode:
    division: str  # the issuing unit's six-digit division code (PP + UUUU)
    year: int  # four digits
    device: str  # three characters of the credit-code alphabet
    sequence: int  # 1 .. MAX_SEQUENCE

    def __str__(self) -> str:
        body = (f"{self.division[:2]}{self.year % 100:02d}{self.division[2:]}"
                f"{self.device}{self.sequence:05d}")
        return body + check_character(body)

    def portion(self, number: int) -> str:
        """The code of portion ``number`` (1: the test portion, 2: the backup)."""
        if not 1 <= number <= MAX_PORTIONS:
            raise SampleCodeError(LocalText(f"份样编号 {number} 应在 1 到 {MAX_PORTIONS} 之间",
                                            f"portion {number} must be 1 to {MAX_PORTIONS}"))
        return f"{self}-P{number:02d}"


class SampleCodeError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def make_sample_code(division: str, year: int, device: str, sequence: int) -> SampleCode:
    """The code for these parts; each part outside its range is refused by name."""
    if not re.fullmatch(r"[0-9]{6}", division):
        raise _error(f"行政区划代码应为 6 位数字：{division}",
                     f"the division code must be 6 digits: {division}")
    if not 2000 <= year <= 2099:
        raise _error(f"年份超出范围：{year}", f"year out of range: {year}")
    if len(device) != 3 or any(c not in USCC_VALUES for c in device):
        raise _error(f"设备前缀应为 3 位统一社会信用代码字符：{device}",
                     f"the device prefix must be 3 credit-code characters: {device}")
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise _error(f"本设备本年度的样品序号已用完或无效：{sequence}",
                     f"the device's sequence for the year is used up or invalid: {sequence}")
    return SampleCode(division, year, device, sequence)


def check_character(body: str) -> str:
    """The check character of a 16-character body (see the module's contract)."""
    total = sum(USCC_VALUES[c] * w for c, w in zip(body, _WEIGHTS, strict=True))
    return USCC_CHARSET[-total % 31]


def parse_sample_code(text: str) -> SampleCode:
    code = text.strip().upper()
    if len(code) != LENGTH:
        raise _error(f"样品编号应为 {LENGTH} 位，“{code}”有 {len(code)} 位",
                     f"a sample code has {LENGTH} characters; '{code}' has {len(code)}")
    if not _SHAPE.fullmatch(code):
        raise _error(f"“{code}”不是样品编号的格式", f"'{code}' is not shaped like a sample code")
    if check_character(code[:-1]) != code[-1]:
        raise _error(f"样品编号“{code}”的校验位不符，可能有字符输错或顺序颠倒",
                     f"the check character of '{code}' does not match: a character is wrong "
                     "or two are swapped")
    return SampleCode(code[:2] + code[4:8], 2000 + int(code[2:4]), code[8:11],
                      int(code[11:16]))


def parse_portion_code(text: str) -> tuple[SampleCode, int]:
    """A portion's label as scanned: (its sample, its portion number)."""
    found = _PORTION.fullmatch(text.strip().upper())
    if found is None:
        raise _error(f"“{text.strip()}”不是份样编号（样品编号-P01）",
                     f"'{text.strip()}' is not a portion code (sample code-P01)")
    number = int(found["number"])
    if number < 1:
        raise _error("份样编号从 P01 开始", "portion numbers start at P01")
    return parse_sample_code(found["code"]), number


def _error(zh: str, en: str) -> SampleCodeError:
    return SampleCodeError(LocalText(zh, en))
