"""Sample codes: made from their parts, read back, every single error and every swap
caught, and no collision between laptops."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.credit_codes import USCC_CHARSET
from inspector.core.sample_codes import (
    LENGTH,
    SampleCodeError,
    make_sample_code,
    parse_portion_code,
    parse_sample_code,
)

divisions = st.from_regex(r"[1-6][0-9]{5}", fullmatch=True)
devices = st.text(alphabet=USCC_CHARSET, min_size=3, max_size=3)
codes = st.builds(make_sample_code, divisions, st.integers(2000, 2099), devices,
                  st.integers(1, 99_999))


def test_a_code_reads_as_documented() -> None:
    code = make_sample_code("130123", 2026, "0A3", 17)
    text = str(code)
    assert text == "132601230A300017E" and len(text) == LENGTH  # docs/sampling.md
    assert parse_sample_code(f"  {text.lower()} ") == code
    assert code.portion(1) == f"{text}-P01" and code.portion(2) == f"{text}-P02"
    assert parse_portion_code(code.portion(2)) == (code, 2)


@given(codes)
def test_every_code_reads_back(code: object) -> None:
    assert parse_sample_code(str(code)) == code


@given(codes, st.data())
def test_every_single_wrong_character_is_caught(code: object, data: st.DataObject) -> None:
    text = str(code)
    position = data.draw(st.integers(0, LENGTH - 1))
    wrong = data.draw(st.sampled_from([c for c in USCC_CHARSET if c != text[position]]))
    with pytest.raises(SampleCodeError):
        parse_sample_code(text[:position] + wrong + text[position + 1:])


def test_every_swap_of_two_different_characters_is_caught_in_many_codes() -> None:
    for number in range(1, 400):
        text = str(make_sample_code("130123", 2026, USCC_CHARSET[number % 31] * 3, number))
        for i in range(LENGTH):
            for j in range(i + 1, LENGTH):
                if text[i] != text[j]:
                    swapped = list(text)
                    swapped[i], swapped[j] = swapped[j], swapped[i]
                    with pytest.raises(SampleCodeError):
                        parse_sample_code("".join(swapped))


def test_many_laptops_never_make_the_same_code() -> None:
    prefixes = [a + b + c for a in USCC_CHARSET[:10] for b in USCC_CHARSET for c in "0AY"]
    made = {str(make_sample_code("130123", 2026, device, sequence))
            for device in prefixes for sequence in range(1, 41)}
    assert len(made) == len(prefixes) * 40


@pytest.mark.parametrize(("text", "en"), [
    ("1326", "has 17 characters; '1326' has 4"),
    ("13260123OA300017K", "not shaped like a sample code"),  # the letter O
    ("132601230A30001AK", "not shaped like a sample code"),  # a letter in the sequence
    ("132601230A300018K", "check character .* does not match"),
    ("13260123-0A3-0001", "not a portion code"),
])
def test_a_malformed_scan_says_what_is_wrong(text: str, en: str) -> None:
    with pytest.raises(SampleCodeError, match=en):
        parse_portion_code(text) if "-" in text else parse_sample_code(text)


@pytest.mark.parametrize(("parts", "en"), [
    (("13012", 2026, "0A3", 1), "6 digits"),
    (("130123", 1999, "0A3", 1), "year out of range"),
    (("130123", 2026, "0I3", 1), "3 credit-code characters"),
    (("130123", 2026, "0A3", 100_000), "used up"),
])
def test_parts_out_of_range_are_refused(parts: tuple[str, int, str, int], en: str) -> None:
    with pytest.raises(SampleCodeError, match=en):
        make_sample_code(*parts)
