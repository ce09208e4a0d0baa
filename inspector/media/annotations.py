"""Annotations drawn over a photo (arrows, circles, text), kept as a separate layer.

Contract: an :class:`AnnotationLayer` is pure data: a tuple of shapes whose coordinates
are integer pixels of the *original* photo as displayed (EXIF orientation applied, full
resolution), so a layer means the same thing at every rendering size. It is immutable,
validated when built (:class:`~inspector.media.errors.AnnotationError`, in Chinese and
English), and serialises to canonical JSON (:meth:`AnnotationLayer.to_json`: sorted
keys, no floats, so equal layers hash equally) that :meth:`AnnotationLayer.from_json`
reads back to an equal layer. Colours are ``#rrggbb``.

:func:`render_annotated` draws a layer over a fresh decode of the original's bytes and
returns a new JPEG (for display or upload); it only reads the original, which therefore
keeps its bytes and its SHA-256. Worker threads only (it decodes a photo).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PIL import ImageDraw

from inspector.core.text import LocalText
from inspector.media.errors import AnnotationError
from inspector.media.fonts import find_cjk_font, load_font
from inspector.media.imaging import decode_photo, encode_jpeg
from inspector.media.policy import DEFAULT_POLICY, PhotoPolicy
from inspector.media.stamp import StampText, draw_stamp

FORMAT = "inspector-annotations-v1"
MAX_SHAPES = 200
MAX_COORDINATE = 100_000
MAX_TEXT = 200
_COLOR = re.compile(r"#[0-9a-f]{6}")
_DEFAULT_COLOR = "#e53935"

Point = tuple[int, int]


def _invalid(zh: str, en: str) -> AnnotationError:
    return AnnotationError(LocalText(f"标注无效：{zh}", f"invalid annotation: {en}"))


def _check_int(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _invalid(f"{what} 必须是 {low} 到 {high} 之间的整数",
                       f"{what} must be a whole number from {low} to {high}")
    return value


def _check_point(value: object, what: str) -> Point:
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise _invalid(f"{what} 必须是 [x, y]", f"{what} must be [x, y]")
    return (_check_int(value[0], f"{what}.x", 0, MAX_COORDINATE),
            _check_int(value[1], f"{what}.y", 0, MAX_COORDINATE))


def _check_color(value: object) -> str:
    color = value.lower() if isinstance(value, str) else ""
    if not _COLOR.fullmatch(color):
        raise _invalid("颜色必须写成 #rrggbb", "colours are written #rrggbb")
    return color


@dataclass(frozen=True, slots=True)
class Arrow:
    """An arrow from ``start`` to ``end`` (its head), ``width`` pixels thick."""

    start: Point
    end: Point
    color: str = _DEFAULT_COLOR
    width: int = 6

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _check_point(self.start, "start"))
        object.__setattr__(self, "end", _check_point(self.end, "end"))
        object.__setattr__(self, "color", _check_color(self.color))
        _check_int(self.width, "width", 1, 500)
        if self.start == self.end:
            raise _invalid("箭头的起点和终点相同", "an arrow starts where it ends")

    def points(self) -> tuple[Point, ...]:
        return self.start, self.end

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "arrow", "start": list(self.start), "end": list(self.end),
                "color": self.color, "width": self.width}


@dataclass(frozen=True, slots=True)
class Circle:
    """A ring of ``radius`` around ``center``, ``width`` pixels thick."""

    center: Point
    radius: int
    color: str = _DEFAULT_COLOR
    width: int = 6

    def __post_init__(self) -> None:
        object.__setattr__(self, "center", _check_point(self.center, "center"))
        _check_int(self.radius, "radius", 1, MAX_COORDINATE)
        object.__setattr__(self, "color", _check_color(self.color))
        _check_int(self.width, "width", 1, 500)

    def points(self) -> tuple[Point, ...]:
        return (self.center,)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "circle", "center": list(self.center), "radius": self.radius,
                "color": self.color, "width": self.width}


@dataclass(frozen=True, slots=True)
class TextLabel:
    """``text`` with its top-left corner at ``at``, ``size`` pixels high."""

    at: Point
    text: str
    color: str = _DEFAULT_COLOR
    size: int = 48

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", _check_point(self.at, "at"))
        if not isinstance(self.text, str) or not self.text.strip() or len(self.text) > MAX_TEXT:
            raise _invalid(f"文字须为 1 到 {MAX_TEXT} 个字符",
                           f"a text label holds 1 to {MAX_TEXT} characters")
        if any(not ch.isprintable() for ch in self.text):
            raise _invalid("文字含有控制字符", "the text contains control characters")
        object.__setattr__(self, "color", _check_color(self.color))
        _check_int(self.size, "size", 4, 2000)

    def points(self) -> tuple[Point, ...]:
        return (self.at,)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "text", "at": list(self.at), "text": self.text, "color": self.color,
                "size": self.size}


Shape = Arrow | Circle | TextLabel
_FIELDS: Mapping[str, tuple[type[Shape], frozenset[str], frozenset[str]]] = {
    # kind: (class, required keys, optional keys)
    "arrow": (Arrow, frozenset({"start", "end"}), frozenset({"color", "width"})),
    "circle": (Circle, frozenset({"center", "radius"}), frozenset({"color", "width"})),
    "text": (TextLabel, frozenset({"at", "text"}), frozenset({"color", "size"})),
}


@dataclass(frozen=True, slots=True)
class AnnotationLayer:
    """The shapes drawn over one photo, in drawing order (see the module's contract)."""

    shapes: tuple[Shape, ...] = ()

    def __post_init__(self) -> None:
        shapes = tuple(self.shapes)
        if len(shapes) > MAX_SHAPES:
            raise _invalid(f"最多 {MAX_SHAPES} 个标注", f"at most {MAX_SHAPES} shapes")
        if not all(isinstance(shape, Arrow | Circle | TextLabel) for shape in shapes):
            raise _invalid("未知的标注类型", "unknown shape type")
        object.__setattr__(self, "shapes", shapes)

    def check_fits(self, width: int, height: int) -> None:
        """Raise AnnotationError if a shape's anchor lies outside a ``width`` x ``height``
        photo (a circle may reach past the edge; its centre may not)."""
        for number, shape in enumerate(self.shapes, start=1):
            for x, y in shape.points():
                if x >= width or y >= height:
                    raise _invalid(f"第 {number} 个标注超出照片范围（{width}×{height}）",
                                   f"shape {number} lies outside the photo ({width}×{height})")

    def to_json(self) -> str:
        document = {"format": FORMAT, "shapes": [shape.to_dict() for shape in self.shapes]}
        return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> AnnotationLayer:
        """The layer ``text`` describes; anything unexpected is an AnnotationError."""
        try:
            document = json.loads(text, parse_float=_refuse_float)
        except json.JSONDecodeError as exc:
            raise _invalid(f"不是有效的 JSON（{exc.msg}）", f"not valid JSON ({exc.msg})") from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise _invalid(f"格式必须是 {FORMAT}", f"the format must be {FORMAT}")
        if set(document) != {"format", "shapes"} or not isinstance(document["shapes"], list):
            raise _invalid("须有且只有 format 与 shapes", "expected exactly format and shapes")
        return cls(tuple(_shape(raw, number)
                         for number, raw in enumerate(document["shapes"], start=1)))


def _refuse_float(text: str) -> object:
    raise _invalid(f"坐标和尺寸必须是整数，而不是 {text}",
                   f"coordinates and sizes are whole numbers, not {text}")


def _shape(raw: object, number: int) -> Shape:
    kind = raw.get("kind") if isinstance(raw, dict) else None
    if not isinstance(raw, dict) or kind not in _FIELDS:
        raise _invalid(f"第 {number} 个标注的类型未知", f"shape {number} has an unknown kind")
    factory, required, optional = _FIELDS[str(kind)]
    keys = set(raw) - {"kind"}
    if not required <= keys or not keys <= required | optional:
        raise _invalid(f"第 {number} 个标注的字段不对（需要 {', '.join(sorted(required))}）",
                       f"shape {number} has wrong fields (needs {', '.join(sorted(required))})")
    arguments: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value
                                 for key, value in raw.items() if key != "kind"}
    return factory(**arguments)


@dataclass(frozen=True, slots=True)
class RenderedImage:
    """A JPEG made from an original: its bytes, SHA-256 and size in pixels."""

    data: bytes
    sha256: str
    width: int
    height: int


def render_annotated(original: bytes, layer: AnnotationLayer, *, long_edge: int,
                     quality: int = 85, policy: PhotoPolicy = DEFAULT_POLICY,
                     stamp: StampText | None = None) -> RenderedImage:
    """``original`` upright, fitted into ``long_edge``, with ``layer`` drawn over it (and
    ``stamp``, for an annotated upload copy), as a new JPEG. The original is read only.

    Raises PhotoRefusedError for an original the pipeline would refuse, AnnotationError when
    the layer does not fit the photo, StampFontError when text needs a missing font."""
    needs_font = stamp is not None or any(isinstance(s, TextLabel) for s in layer.shapes)
    font_path = find_cjk_font(policy.stamp_font) if needs_font else None
    decoded = decode_photo(original, policy, long_edge)
    layer.check_fits(decoded.width, decoded.height)
    picture = decoded.image
    scale = picture.width / decoded.width
    draw = ImageDraw.Draw(picture)
    for shape in layer.shapes:
        if isinstance(shape, Arrow):
            _draw_arrow(draw, shape, scale)
        elif isinstance(shape, Circle):
            width = max(1, round(shape.width * scale))
            x, y, r = shape.center[0] * scale, shape.center[1] * scale, shape.radius * scale
            draw.ellipse((x - r, y - r, x + r, y + r), outline=shape.color, width=width)
        elif font_path is not None:
            size = max(6, round(shape.size * scale))
            draw.text((shape.at[0] * scale, shape.at[1] * scale), shape.text,
                      font=load_font(font_path, size), fill=shape.color,
                      stroke_width=max(1, size // 14), stroke_fill=_contrast(shape.color))
    if stamp is not None and font_path is not None:
        draw_stamp(picture, stamp, font_path)
    data = encode_jpeg(picture, quality, decoded.icc_profile)
    return RenderedImage(data, hashlib.sha256(data).hexdigest(), picture.width, picture.height)


def _draw_arrow(draw: ImageDraw.ImageDraw, arrow: Arrow, scale: float) -> None:
    width = max(1, round(arrow.width * scale))
    x0, y0 = arrow.start[0] * scale, arrow.start[1] * scale
    x1, y1 = arrow.end[0] * scale, arrow.end[1] * scale
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:  # both ends fall on one pixel at this scale
        return
    head = min(max(4.0 * width, 8.0), length)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    base_x, base_y = x1 - ux * head, y1 - uy * head
    spread = head * 0.5
    draw.line((x0, y0, base_x, base_y), fill=arrow.color, width=width)
    draw.polygon([(x1, y1), (base_x - uy * spread, base_y + ux * spread),
                  (base_x + uy * spread, base_y - ux * spread)], fill=arrow.color)


def _contrast(color: str) -> str:
    """Black or white, whichever stands out from ``color`` (for the text's outline)."""
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 299 * red + 587 * green + 114 * blue > 128_000 else "#ffffff"
