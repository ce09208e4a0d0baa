"""What a photo's EXIF block says: orientation, capture time, position and a few tags.

Contract: :func:`read_exif` turns a Pillow ``Image.Exif`` into an immutable
:class:`ExifFacts` and never raises for bad metadata: a value that is missing, malformed
or out of range is simply absent from the result (the photo itself is still evidence).
Pure functions, no I/O, safe on any thread.

- Capture time is ``DateTimeOriginal`` (else ``DateTimeDigitized``) with its sub-seconds.
  With ``OffsetTimeOriginal`` (resp. ``OffsetTimeDigitized``) the result is timezone-aware;
  without one it is **naive**: the camera's wall clock, in a zone the file does not state
  (usually the local time where the photo was taken). Callers decide how to store it.
- GPS positions are decimal degrees as text with 7 decimals (``"38.1460000"``, about
  1 cm), negative south and west, computed from the EXIF rationals with
  :class:`~decimal.Decimal` so they are exact and identical on every machine; no float is
  involved. A position is dropped when its reference (N/S, E/W) is missing, when the
  receiver marked the fix void (``GPSStatus = V``), or when it is exactly 0,0 (what many
  cameras write without a fix).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from PIL import ExifTags, Image

_ORIENTATION = 0x0112
_GPS_LATITUDE_REF, _GPS_LATITUDE, _GPS_LONGITUDE_REF, _GPS_LONGITUDE = 1, 2, 3, 4
_GPS_ALTITUDE_REF, _GPS_ALTITUDE, _GPS_TIME_STAMP, _GPS_STATUS, _GPS_DATE_STAMP = 5, 6, 7, 9, 29
_DATE_TIME_ORIGINAL, _DATE_TIME_DIGITIZED = 0x9003, 0x9004
_OFFSET_TIME_ORIGINAL, _OFFSET_TIME_DIGITIZED = 0x9011, 0x9012
_SUB_SEC_TIME_ORIGINAL, _SUB_SEC_TIME_DIGITIZED = 0x9291, 0x9292

#: Tags copied into :attr:`ExifFacts.tags`, by the name they are stored under.
_IFD0_TAGS = {0x010F: "Make", 0x0110: "Model", 0x0131: "Software", _ORIENTATION: "Orientation"}
_EXIF_TAGS = {
    _DATE_TIME_ORIGINAL: "DateTimeOriginal",
    _OFFSET_TIME_ORIGINAL: "OffsetTimeOriginal",
    _SUB_SEC_TIME_ORIGINAL: "SubSecTimeOriginal",
    _DATE_TIME_DIGITIZED: "DateTimeDigitized",
    0x829A: "ExposureTime",
    0x829D: "FNumber",
    0x8827: "ISOSpeedRatings",
    0x920A: "FocalLength",
    0xA434: "LensModel",
}
_MAX_TAG_TEXT = 128
_DEGREES = Decimal("0.0000001")
_DATETIME = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


@dataclass(frozen=True, slots=True)
class ExifFacts:
    """The facts the Photo row needs; ``tags`` maps tag names to display strings."""

    orientation: int = 1
    captured_at: datetime | None = None
    latitude: str | None = None
    longitude: str | None = None
    tags: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def read_exif(exif: Image.Exif) -> ExifFacts:
    """The facts of one EXIF block (see the module's contract)."""
    ifd0 = dict(exif.items())
    exif_ifd = _sub_ifd(exif, ExifTags.IFD.Exif)
    gps = _sub_ifd(exif, ExifTags.IFD.GPSInfo)
    orientation = ifd0.get(_ORIENTATION)
    if not (isinstance(orientation, int) and 1 <= orientation <= 8):
        orientation = 1
    captured_at = parse_exif_datetime(
        exif_ifd.get(_DATE_TIME_ORIGINAL), exif_ifd.get(_OFFSET_TIME_ORIGINAL),
        exif_ifd.get(_SUB_SEC_TIME_ORIGINAL))
    if captured_at is None:
        captured_at = parse_exif_datetime(
            exif_ifd.get(_DATE_TIME_DIGITIZED), exif_ifd.get(_OFFSET_TIME_DIGITIZED),
            exif_ifd.get(_SUB_SEC_TIME_DIGITIZED))
    latitude, longitude = gps_position(gps)
    tags: dict[str, str] = {}
    for source, wanted in ((ifd0, _IFD0_TAGS), (exif_ifd, _EXIF_TAGS)):
        for tag, name in wanted.items():
            text = tag_text(source.get(tag))
            if text:
                tags[name] = text
    if latitude is not None and longitude is not None:
        tags["GPSLatitude"], tags["GPSLongitude"] = latitude, longitude
    altitude = _gps_altitude(gps)
    if altitude is not None:
        tags["GPSAltitude"] = altitude
    gps_date, gps_time = tag_text(gps.get(_GPS_DATE_STAMP)), _gps_time(gps.get(_GPS_TIME_STAMP))
    if gps_date and gps_time:
        tags["GPSDateTimeUTC"] = f"{gps_date} {gps_time}"
    return ExifFacts(orientation, captured_at, latitude, longitude, MappingProxyType(tags))


def parse_exif_datetime(value: object, offset: object = None,
                        subsec: object = None) -> datetime | None:
    """``"2026:11:03 10:15:30"`` (+ ``"+08:00"``, + ``"25"``) as a datetime, or ``None``.

    Aware when ``offset`` is a valid ``±HH:MM``, naive otherwise; ``subsec`` holds the
    decimal digits of the fraction of a second ("25" is 0.25 s)."""
    text = _clean(value)
    match = _DATETIME.fullmatch(text) if text else None
    if match is None:
        return None
    fraction = _clean(subsec)
    micro = int((fraction + "000000")[:6]) if fraction and fraction.isdigit() else 0
    zone = _parse_offset(_clean(offset))
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
    except ValueError:  # "0000:00:00 00:00:00", a 31st of April, ...
        return None


def gps_position(gps: Mapping[int, Any]) -> tuple[str | None, str | None]:
    """Latitude and longitude from a GPS IFD, as decimal-degree strings (or ``None``)."""
    if _clean(gps.get(_GPS_STATUS)).upper() == "V":
        return None, None
    latitude = gps_coordinate(gps.get(_GPS_LATITUDE), gps.get(_GPS_LATITUDE_REF), "N", "S", 90)
    longitude = gps_coordinate(gps.get(_GPS_LONGITUDE), gps.get(_GPS_LONGITUDE_REF),
                               "E", "W", 180)
    if latitude is None or longitude is None or (latitude == 0 and longitude == 0):
        return None, None
    return _degrees_text(latitude), _degrees_text(longitude)


def gps_coordinate(value: object, ref: object, positive: str, negative: str,
                   limit: int) -> Decimal | None:
    """Degrees, minutes and seconds (EXIF rationals) as signed decimal degrees, exactly.

    ``None`` when the value is not three non-negative rationals with minutes and seconds
    under 60, when ``ref`` is neither ``positive`` nor ``negative``, or beyond ``limit``."""
    side = _clean(ref).upper()
    if side not in (positive, negative) or not isinstance(value, tuple) or len(value) != 3:
        return None
    parts = [_exact(part) for part in value]
    if any(part is None or part < 0 for part in parts):
        return None
    degrees, minutes, seconds = (Fraction(part) for part in parts if part is not None)
    if minutes >= 60 or seconds >= 60:
        return None
    total = degrees + minutes / 60 + seconds / 3600
    if total > limit:
        return None
    with localcontext() as context:
        context.prec = 40
        result = Decimal(total.numerator) / Decimal(total.denominator)
        result = result.quantize(_DEGREES, rounding=ROUND_HALF_EVEN)
    return -result if side == negative else result


def tag_text(value: object) -> str:
    """An EXIF value as display text: strings cleaned, rationals exact, "" if unusable."""
    if isinstance(value, str | bytes):
        return _clean(value)
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    exact = _exact(value)
    if exact is not None:
        return _fraction_text(exact)
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        return " ".join(str(v) for v in value)
    return ""


def _sub_ifd(exif: Image.Exif, ifd: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(ifd))
    except Exception:  # Pillow parses untrusted bytes lazily here
        return {}


def _exact(value: object) -> Fraction | None:
    """An EXIF rational (Pillow's IFDRational) or integer as a Fraction; never via float."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    numerator = getattr(value, "numerator", None)
    denominator = getattr(value, "denominator", None)
    if isinstance(numerator, int) and isinstance(denominator, int) and denominator != 0:
        return Fraction(numerator, denominator)
    return None


def _fraction_text(value: Fraction) -> str:
    """Exact decimal when it terminates ("2.8"), otherwise "n/d" ("1/60")."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    with localcontext() as context:
        context.prec = 60
        decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return format(decimal.normalize(), "f")


def _degrees_text(value: Decimal) -> str:
    return format(value.quantize(_DEGREES), "f")


def _gps_altitude(gps: Mapping[int, Any]) -> str | None:
    altitude = _exact(gps.get(_GPS_ALTITUDE))
    if altitude is None:
        return None
    below = gps.get(_GPS_ALTITUDE_REF) in (1, b"\x01")
    return _fraction_text(-altitude if below else altitude)


def _gps_time(value: object) -> str:
    if not isinstance(value, tuple) or len(value) != 3:
        return ""
    parts = [_exact(part) for part in value]
    if any(part is None for part in parts):
        return ""
    hours, minutes, seconds = (part for part in parts if part is not None)
    if not (0 <= hours < 24 and 0 <= minutes < 60 and 0 <= seconds < 61):
        return ""
    second_text = _fraction_text(seconds)
    if "/" in second_text:
        return ""
    return f"{int(hours):02d}:{int(minutes):02d}:{'0' if seconds < 10 else ''}{second_text}"


def _parse_offset(text: str) -> timezone | None:
    match = _OFFSET.fullmatch(text) if text else None
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta >= timedelta(hours=24) or int(minutes) >= 60:
        return None
    return timezone(-delta if sign == "-" else delta)


def _clean(value: object) -> str:
    """Text of an ASCII EXIF value: NULs, control characters and padding removed, capped."""
    if isinstance(value, bytes):
        value = value.decode("ascii", errors="ignore")
    if not isinstance(value, str):
        return ""
    text = "".join(ch for ch in value if ch.isprintable()).strip()
    return text[:_MAX_TAG_TEXT]
