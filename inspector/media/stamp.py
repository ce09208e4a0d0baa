"""The visible stamp on an upload copy: when, where, which task, who.

Contract: :class:`StampText` holds four plain strings the caller has already formatted
(the services layer knows the entity's name, the task and the inspector; this module
knows nothing of the database). :func:`draw_stamp` draws them, one line each, white on
a translucent dark band across the bottom of an image, modifying that image in place.
The pipeline calls it on the upload copy only: the original file and the thumbnail
never carry a stamp. Chinese needs a CJK font (:mod:`inspector.media.fonts`); without
one, :class:`~inspector.media.errors.StampFontError` is raised before anything is
stored. Any worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from inspector.media.fonts import load_font

_MAX_FIELD = 200
_BAND = (0, 0, 0, 150)
_INK = (255, 255, 255, 255)


@dataclass(frozen=True, slots=True)
class StampText:
    """What the stamp says, line by line; empty fields are left out.

    ``time`` is the capture time as the inspector should read it (e.g.
    ``"2026-11-03 10:15"``), ``entity`` the market entity's name, ``task`` the task's
    code or title, ``inspector`` the inspector's name. Each at most 200 characters."""

    time: str
    entity: str
    task: str
    inspector: str

    def __post_init__(self) -> None:
        for name in ("time", "entity", "task", "inspector"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(f"StampText.{name} must be a string")
            if len(value) > _MAX_FIELD:
                raise ValueError(f"StampText.{name} is longer than {_MAX_FIELD} characters")

    def lines(self) -> tuple[str, ...]:
        """The non-empty fields, control characters turned into spaces."""
        cleaned = (" ".join("".join(ch if ch.isprintable() else " " for ch in value).split())
                   for value in (self.time, self.entity, self.task, self.inspector))
        return tuple(line for line in cleaned if line)


def draw_stamp(image: Image.Image, stamp: StampText, font_path: Path) -> tuple[int, int, int, int]:
    """Draw ``stamp`` on ``image`` (RGB, modified in place); returns the band's box.

    The text is sized from the image (about 1/60 of its long edge, at least 10 px) so it
    reads the same on any upload size; a line too wide for the image ends in "…"."""
    lines = stamp.lines()
    width, height = image.size
    if not lines:
        return 0, height, width, height
    size = max(10, min(round(max(width, height) / 60), height // (2 * len(lines) + 2)))
    font = load_font(font_path, size)
    pad = max(2, size // 2)
    step = round(size * 1.35)
    top = max(0, height - (len(lines) * step + 2 * pad))
    draw = ImageDraw.Draw(image, "RGBA")
    draw.rectangle((0, top, width, height), fill=_BAND)
    for number, line in enumerate(lines):
        draw.text((pad, top + pad + number * step), _fitted(line, font, width - 2 * pad),
                  font=font, fill=_INK)
    return 0, top, width, height


def _fitted(line: str, font: ImageFont.FreeTypeFont, room: float) -> str:
    if font.getlength(line) <= room:
        return line
    while line and font.getlength(line + "…") > room:
        line = line[:-1]
    return line + "…"
