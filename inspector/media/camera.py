"""The camera interface: how a live capture would hand photos to the pipeline.

Contract: a :class:`Camera` captures one still photo per :meth:`Camera.capture` call and
returns the encoded file exactly as the device produced it (normally a JPEG with its
EXIF: orientation, capture time and, when the device has a fix, GPS). Those bytes go
unchanged to :func:`inspector.media.photos.import_photo`, like a file picked from disk,
so a captured photo and an imported one are the same evidence. ``capture`` blocks until
the photo exists: call it on a worker, never on the UI thread. It raises
:class:`CameraUnavailableError` when there is no device, it is busy, or access is denied.

No implementation ships: these machines have no camera. A Qt one (QtMultimedia's
``QMediaCaptureSession`` and ``QImageCapture``, from the separate PySide6-Addons wheel,
which needs ``libpulse0``) belongs under ``inspector/ui`` because Qt lives only there;
it would wrap ``QImageCapture.imageCaptured``'s encoded buffer, not a re-encoded
``QImage``, to keep the device's EXIF. Tests use a fake that returns still files.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from inspector.media.errors import MediaError


class CameraUnavailableError(MediaError):
    """No camera, a busy one, or no permission to use it."""


@runtime_checkable
class Camera(Protocol):
    """A source of still photos (see the module's contract)."""

    @property
    def name(self) -> str:
        """A human-readable device name for the capture screen ("Integrated Webcam")."""
        ...

    def capture(self) -> bytes:
        """One photo's encoded bytes, as the device wrote them."""
        ...
