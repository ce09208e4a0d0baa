"""EXIF facts: capture time, GPS in exact decimal degrees, orientation and tags.

Pure: EXIF blocks are written by Pillow into JPEG bytes in memory and read back."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational

from inspector.media.exif import (
    ExifFacts,
    gps_coordinate,
    gps_position,
    parse_exif_datetime,
    read_exif,
    tag_text,
)


def dms(degrees: int, minutes: int, seconds: str) -> tuple[IFDRational, ...]:
    whole, _, fraction = seconds.partition(".")
    scale = 10 ** len(fraction)
    return (IFDRational(degrees, 1), IFDRational(minutes, 1),
            IFDRational(int(whole + fraction), scale))


def exif_round_trip(exif: Image.Exif) -> Image.Exif:
    """``exif`` as a camera file carries it: written into a JPEG, parsed back."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG", exif=exif)
    return Image.open(io.BytesIO(buffer.getvalue())).getexif()


def camera_exif(*, taken: str | None = "2026:11:03 10:15:30", offset: str | None = None,
                subsec: str | None = None, orientation: int | None = None,
                gps: Mapping[int, object] | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Huawei\x00", "  P60  "
    if orientation is not None:
        exif[0x0112] = orientation
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        sub[0x9003] = taken
    if offset is not None:
        sub[0x9011] = offset
    if subsec is not None:
        sub[0x9291] = subsec
    sub[0x829D] = IFDRational(18, 10)
    sub[0x829A] = IFDRational(1, 60)
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(gps)
    return exif_round_trip(exif)


def test_capture_time_with_offset_is_aware() -> None:
    facts = read_exif(camera_exif(offset="+08:00", subsec="25"))
    assert facts.captured_at == datetime(2026, 11, 3, 10, 15, 30, 250_000,
                                         tzinfo=timezone(timedelta(hours=8)))
    assert facts.tags["OffsetTimeOriginal"] == "+08:00"


def test_capture_time_without_offset_is_naive_wall_clock() -> None:
    facts = read_exif(camera_exif())
    assert facts.captured_at == datetime(2026, 11, 3, 10, 15, 30)
    assert facts.captured_at is not None and facts.captured_at.tzinfo is None


def test_negative_offset_and_digitized_fallback() -> None:
    exif = Image.Exif()
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[0x9004], sub[0x9012] = "2026:01:31 23:59:59", "-05:30"
    facts = read_exif(exif_round_trip(exif))
    assert facts.captured_at == datetime(2026, 1, 31, 23, 59, 59,
                                         tzinfo=timezone(-timedelta(hours=5, minutes=30)))


@pytest.mark.parametrize("text", ["", "0000:00:00 00:00:00", "2026:02:30 10:00:00",
                                  "    :  :     :  :  ", "2026:11:03", "yesterday"])
def test_unusable_capture_times_are_absent(text: str) -> None:
    assert parse_exif_datetime(text, "+08:00") is None


def test_malformed_offset_leaves_the_time_naive() -> None:
    parsed = parse_exif_datetime("2026:11:03 10:15:30", "+8")
    assert parsed == datetime(2026, 11, 3, 10, 15, 30)


def test_gps_north_east_exact() -> None:
    gps = {1: "N", 2: dms(38, 8, "45.6"), 3: "E", 4: dms(114, 34, "12.345")}
    facts = read_exif(camera_exif(gps=gps))
    # 38 + 8/60 + 45.6/3600 = 38.146 exactly; 114 + 34/60 + 12.345/3600 = 114.5700958(3)
    assert (facts.latitude, facts.longitude) == ("38.1460000", "114.5700958")
    assert facts.tags["GPSLatitude"] == "38.1460000"


def test_gps_southern_and_western_hemispheres_are_negative() -> None:
    gps = {1: "S", 2: dms(33, 52, "7.68"), 3: "W", 4: dms(70, 40, "6.0")}
    facts = read_exif(camera_exif(gps=gps))
    assert (facts.latitude, facts.longitude) == ("-33.8688000", "-70.6683333")


def test_gps_decimal_minutes_round_to_seven_places_half_even() -> None:
    # 10 degrees 0.000005 minutes = 10.0000000833...
    value = (IFDRational(10, 1), IFDRational(5, 1_000_000), IFDRational(0, 1))
    assert gps_coordinate(value, "N", "N", "S", 90) == Decimal("10.0000001")
    # 0.00018 seconds = 0.00000005 degrees exactly: a tie, kept even (a float would not
    # even see the tie)
    tie = (IFDRational(10, 1), IFDRational(0, 1), IFDRational(18, 100_000))
    assert gps_coordinate(tie, "N", "N", "S", 90) == Decimal("10.0000000")
    odd = (IFDRational(10, 1), IFDRational(0, 1), IFDRational(54, 100_000))  # ...15
    assert gps_coordinate(odd, "E", "E", "W", 180) == Decimal("10.0000002")


@pytest.mark.parametrize(("value", "ref"), [
    (dms(38, 8, "45.6"), None),  # no reference: the sign is unknown
    (dms(38, 8, "45.6"), "X"),
    (dms(91, 0, "0"), "N"),  # beyond the pole
    (dms(38, 60, "0"), "N"),  # minutes must be under 60
    ((IFDRational(38, 1), IFDRational(8, 1)), "N"),
    ((IFDRational(38, 0), IFDRational(8, 1), IFDRational(0, 1)), "N"),  # zero denominator
    ((1.5, 2.0, 3.0), "N"),  # floats are not EXIF rationals
])
def test_malformed_coordinates_are_absent(value: object, ref: object) -> None:
    assert gps_coordinate(value, ref, "N", "S", 90) is None


def test_void_fix_and_null_island_are_no_position() -> None:
    position = {1: "N", 2: dms(38, 8, "45.6"), 3: "E", 4: dms(114, 34, "12")}
    assert gps_position({**position, 9: "V"}) == (None, None)
    assert gps_position({**position, 9: "A"}) == ("38.1460000", "114.5700000")
    zero = {1: "N", 2: dms(0, 0, "0"), 3: "E", 4: dms(0, 0, "0")}
    assert gps_position(zero) == (None, None)


def test_orientation_and_selected_tags_as_strings() -> None:
    facts = read_exif(camera_exif(orientation=6))
    assert facts.orientation == 6
    assert facts.tags["Make"] == "Huawei" and facts.tags["Model"] == "P60"
    assert facts.tags["FNumber"] == "1.8" and facts.tags["ExposureTime"] == "1/60"
    assert facts.tags["Orientation"] == "6"
    assert all(isinstance(v, str) for v in facts.tags.values())


@pytest.mark.parametrize("value", [0, 9, "6"])
def test_invalid_orientation_means_as_stored(value: object) -> None:
    exif = Image.Exif()
    exif[0x0112] = value
    assert read_exif(exif).orientation == 1


def test_no_exif_gives_empty_facts() -> None:
    assert read_exif(Image.Exif()) == ExifFacts()


def test_tag_text_is_exact_and_never_float() -> None:
    assert tag_text(IFDRational(425, 100)) == "4.25"
    assert tag_text(IFDRational(1, 3)) == "1/3"
    assert tag_text(b"Canon\x00\x00") == "Canon"
    assert tag_text((100, 200)) == "100 200"
    assert tag_text(1.5) == ""
    assert tag_text(IFDRational(1, 0)) == ""
