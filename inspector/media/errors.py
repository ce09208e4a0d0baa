"""The errors the photo pipeline raises, each carrying its message in Chinese and English.

Contract: every error below is a :class:`MediaError` whose ``text`` is a
:class:`~inspector.core.text.LocalText` ready to show to the inspector; ``str(error)``
is the English text (for logs). Nothing in :mod:`inspector.media` raises a Pillow error
to its caller: a file Pillow cannot read becomes a :class:`PhotoRefusedError`.
"""

from __future__ import annotations

from enum import StrEnum

from inspector.core.text import LocalText


class MediaError(ValueError):
    """Base of every error of :mod:`inspector.media`."""

    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


class RefusalReason(StrEnum):
    """Why a file was not accepted as photo evidence (stable values, safe to store)."""

    UNREADABLE = "unreadable"  # the file could not be read from disk
    EMPTY = "empty"
    FILE_TOO_LARGE = "file_too_large"
    NOT_AN_IMAGE = "not_an_image"  # a PDF, a text, a format the policy does not accept
    DAMAGED = "damaged"  # recognised as a photo, but its data is broken
    TRUNCATED = "truncated"  # recognised as a photo, but it stops early
    TOO_MANY_PIXELS = "too_many_pixels"  # a decompression bomb, or simply too big


class PhotoRefusedError(MediaError):
    """The file is not accepted; nothing was written to the content store."""

    def __init__(self, reason: RefusalReason, text: LocalText) -> None:
        super().__init__(text)
        self.reason = reason


class StampFontError(MediaError):
    """No font able to draw Chinese was found, so no stamp or text label can be drawn."""


class AnnotationError(MediaError):
    """An annotation layer is malformed or does not fit the photo it annotates."""


class MediaStoreError(MediaError):
    """Writing to the content store failed; files this import had created were removed."""
