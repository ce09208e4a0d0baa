"""统一社会信用代码 and legacy 注册号 rules, with every vector of domain.md §3.3."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.credit_codes import (
    USCC_CHARSET,
    IdentifierKind,
    ProblemKind,
    check_identifier,
    gb11714_check_character,
    is_valid_uscc,
    legacy_check_digit,
    uscc_check_character,
    uscc_problems,
)

VALID_USCC = [
    "91350100M000100Y43",
    "914403001922038216",
    "9144030071526726XG",
    "91440300708461136T",
    "91330100716105852F",
    "91110108551385082Q",
    "91110000710925462X",
    "91330100799655058B",
    "91130100MA0ABCDE6F",
    "92130102MA0ABCDE69",
    "93130181100000016Y",
    "911301005000002000",
]


@pytest.mark.parametrize("code", VALID_USCC)
def test_valid_codes_pass_strictly(code: str) -> None:
    verdict = check_identifier(code)
    assert verdict.valid, verdict.problems
    assert verdict.kind is IdentifierKind.USCC
    assert not verdict.was_normalized
    assert uscc_problems(code) == ()
    assert is_valid_uscc(code)


def test_gb_worked_example_sum() -> None:
    # GB 32100: the first 17 characters sum to 1640; 1640 mod 31 = 28; check = 3.
    assert uscc_check_character("91350100M000100Y4") == "3"


def test_check_zero_edge_case() -> None:
    assert uscc_check_character("91130100500000200") == "0"


@pytest.mark.parametrize(
    ("code", "kind", "position", "expected"),
    [
        ("91350100M000100Y4Z", ProblemKind.CHECK_CHARACTER, 18, "3"),
        ("914403001922038217", ProblemKind.CHECK_CHARACTER, 18, "6"),
        ("91310115MA1H8R7C6D", ProblemKind.CHECK_CHARACTER, 18, "7"),
        ("91310115MA1G4L1WXK", ProblemKind.CHECK_CHARACTER, 18, "7"),
    ],
)
def test_wrong_check_character_names_the_expected_one(
    code: str, kind: ProblemKind, position: int, expected: str
) -> None:
    verdict = check_identifier(code)
    assert not verdict.valid
    check = [p for p in verdict.problems if p.kind is kind]
    assert check and check[0].position == position and check[0].expected == expected
    assert f"“{expected}”" in check[0].message.zh
    assert f"'{expected}'" in check[0].message.en


def test_z_in_check_position_is_also_an_illegal_character() -> None:
    kinds = {p.kind for p in check_identifier("91350100M000100Y4Z").problems}
    assert kinds == {ProblemKind.ILLEGAL_CHARACTER, ProblemKind.CHECK_CHARACTER}


@pytest.mark.parametrize(("code", "length"), [("9144030071526726X", 17),
                                              ("9144030071526726XGX", 19)])
def test_wrong_length(code: str, length: int) -> None:
    verdict = check_identifier(code)
    assert [p.kind for p in verdict.problems] == [ProblemKind.LENGTH]
    assert f"{length}位" in verdict.problems[0].message.zh


@pytest.mark.parametrize(("code", "char", "position"), [
    ("91130100MA0ABCDE6S", "S", 18),
    ("91130100MA0ABCDEOF", "O", 17),
])
def test_excluded_letters_are_named_with_their_position(code: str, char: str,
                                                        position: int) -> None:
    verdict = check_identifier(code)
    illegal = [p for p in verdict.problems if p.kind is ProblemKind.ILLEGAL_CHARACTER]
    assert illegal[0].found == char and illegal[0].position == position
    assert f"第{position}位" in illegal[0].message.zh


def test_region_part_must_be_digits() -> None:
    first17 = "91A30100MA0ABCDE6"
    problems = uscc_problems(first17 + "0")
    assert ProblemKind.REGION_NOT_DIGITS in {p.kind for p in problems}


def test_region_part_need_not_be_a_current_division() -> None:
    # 雄安新区 (133100) is outside GB/T 2260 but appears in real codes.
    first17 = "91133100MA0ABCDE6"
    assert check_identifier(first17 + uscc_check_character(first17)).valid


@pytest.mark.parametrize("raw", ["91130100MA0ABCDE6f", " 914403001922038216",
                                 "９１４４０３００１９２２０３８２１６", "914403001922038216\t"])
def test_normalisation_is_reported_and_strict_check_refuses(raw: str) -> None:
    verdict = check_identifier(raw)
    assert verdict.valid
    assert verdict.was_normalized
    assert verdict.normalized != raw
    assert uscc_problems(raw) != ()  # strict: no normalising


def test_lower_case_strict_reason() -> None:
    problems = uscc_problems("91130100MA0ABCDE6f")
    assert problems[0].kind is ProblemKind.ILLEGAL_CHARACTER
    assert "大写" in problems[0].message.zh


def test_empty_input() -> None:
    verdict = check_identifier("   ")
    assert [p.kind for p in verdict.problems] == [ProblemKind.EMPTY]


def test_body_check_is_a_warning_only() -> None:
    verdict = check_identifier("911301005000002000")
    assert verdict.valid
    assert [w.kind for w in verdict.warnings] == [ProblemKind.BODY_CHECK]
    for code in VALID_USCC[:8]:  # the real ones pass GB 11714 too
        assert check_identifier(code).warnings == ()


@pytest.mark.parametrize("code", ["130100000012348", "130600000000010", "130102600000019"])
def test_legacy_registration_numbers(code: str) -> None:
    verdict = check_identifier(code)
    assert verdict.valid and verdict.kind is IdentifierKind.LEGACY_REGISTRATION


@pytest.mark.parametrize(("code", "expected"), [("130100000012345", "8"),
                                                ("330108000014576", "2")])
def test_legacy_wrong_check_digit(code: str, expected: str) -> None:
    verdict = check_identifier(code)
    assert not verdict.valid
    assert verdict.problems[0].expected == expected


def test_iso7064_mod_11_10_matches_croatian_oib() -> None:
    # The same algorithm validates Croatian OIB numbers (domain.md §3.4).
    for oib in ("69435151530", "94577403194"):
        assert legacy_check_digit(oib[:10]) == oib[10]


def test_gb11714_check_characters() -> None:
    assert gb11714_check_character("M000100Y") == "4"
    assert gb11714_check_character("MA0ABC?E") is None


_CHARS = st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17)


@given(first17=_CHARS.filter(lambda s: s[2:8].isdigit()))
def test_any_single_substitution_of_the_check_character_is_caught(first17: str) -> None:
    good = first17 + uscc_check_character(first17)
    assert is_valid_uscc(good)
    for other in USCC_CHARSET:
        if other != good[17]:
            assert not is_valid_uscc(first17 + other)


@given(first17=_CHARS.filter(lambda s: s[2:8].isdigit()),
       position=st.integers(0, 16), replacement=st.sampled_from(USCC_CHARSET))
def test_single_character_errors_in_the_body_are_caught(first17: str, position: int,
                                                        replacement: str) -> None:
    good = first17 + uscc_check_character(first17)
    changed = good[:position] + replacement + good[position + 1:]
    if changed != good and changed[2:8].isdigit():
        # MOD 31 with weights coprime to 31 detects every single substitution.
        assert not is_valid_uscc(changed)
