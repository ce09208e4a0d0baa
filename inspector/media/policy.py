"""How photos are accepted and what is derived from them.

Contract: a :class:`PhotoPolicy` is an immutable value, validated when built (a bad
value is a programming error and raises :class:`ValueError`), safe to share between
threads. :data:`DEFAULT_POLICY` is what the app uses unless settings say otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Formats Pillow may open (Pillow's format names). "JPEG" includes what Pillow calls MPO,
#: the JPEG files many phones write (extra frames appended after the photo). HEIC needs a
#: plugin that is not shipped, so iPhone photos arrive as JPEG through the phone's export.
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})


@dataclass(frozen=True, slots=True)
class PhotoPolicy:
    """Limits and sizes for photo import.

    - ``upload_long_edge``/``upload_quality``: the upload copy's longest side in pixels
      and its JPEG quality (1-100). Never upscaled.
    - ``thumbnail_long_edge``/``thumbnail_quality``: the same for the thumbnail, which
      is derived from the upload-sized image before any stamp is drawn.
    - ``max_pixels``: width x height read from the file's header before any decoding;
      larger files are refused as possible decompression bombs.
    - ``max_file_bytes``: larger files are refused before they are read whole (the
      original is held in memory while its derivatives are computed).
    - ``formats``: the Pillow format names accepted.
    - ``stamp_font``: the TrueType/OpenType file to draw Chinese text with; ``None``
      finds one as :func:`inspector.media.fonts.find_cjk_font` describes.
    """

    upload_long_edge: int = 1600
    upload_quality: int = 80
    thumbnail_long_edge: int = 320
    thumbnail_quality: int = 75
    max_pixels: int = 100_000_000
    max_file_bytes: int = 64 * 1024 * 1024
    formats: frozenset[str] = field(default=ACCEPTED_FORMATS)
    stamp_font: Path | None = None

    def __post_init__(self) -> None:
        for name in ("upload_quality", "thumbnail_quality"):
            if not 1 <= getattr(self, name) <= 100:
                raise ValueError(f"{name} must be between 1 and 100")
        if self.upload_long_edge < 16 or self.thumbnail_long_edge < 16:
            raise ValueError("long edges must be at least 16 pixels")
        if self.thumbnail_long_edge > self.upload_long_edge:
            raise ValueError("the thumbnail cannot be larger than the upload copy")
        if self.max_pixels < 1 or self.max_file_bytes < 1:
            raise ValueError("limits must be positive")
        unknown = self.formats - ACCEPTED_FORMATS
        if not self.formats or unknown:
            raise ValueError(f"formats must be a non-empty subset of {sorted(ACCEPTED_FORMATS)}")


DEFAULT_POLICY = PhotoPolicy()
