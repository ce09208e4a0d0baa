"""The photo evidence pipeline (Pillow; no Qt, no SQLAlchemy).

Contract: importing a photo keeps its original byte for byte in the content-addressed
store (named by the SHA-256 of those bytes), derives an upload copy and a thumbnail,
reads orientation, capture time and GPS from its EXIF, and optionally stamps the upload
copy. Nothing is stored for a refused file. Annotations are a separate, JSON-serialisable
layer rendered over the original without touching it. Everything here runs on worker
threads (the app's media pool), never on the UI thread and never in the DB worker; it
never touches the database: services record the returned facts.

Modules: :mod:`~inspector.media.policy` (sizes and limits), :mod:`~inspector.media.photos`
(import), :mod:`~inspector.media.imaging` (reading, decoding, encoding),
:mod:`~inspector.media.exif`, :mod:`~inspector.media.stamp`,
:mod:`~inspector.media.annotations`, :mod:`~inspector.media.fonts`,
:mod:`~inspector.media.camera` (the interface a live camera would implement),
:mod:`~inspector.media.errors`.
"""

from __future__ import annotations

from inspector.media.annotations import (
    AnnotationLayer,
    Arrow,
    Circle,
    RenderedImage,
    TextLabel,
    render_annotated,
)
from inspector.media.camera import Camera, CameraUnavailableError
from inspector.media.errors import (
    AnnotationError,
    MediaError,
    MediaStoreError,
    PhotoRefusedError,
    RefusalReason,
    StampFontError,
)
from inspector.media.photos import (
    PhotoImport,
    PreparedPhoto,
    import_photo,
    prepare_photo,
    store_photo,
)
from inspector.media.policy import DEFAULT_POLICY, PhotoPolicy
from inspector.media.stamp import StampText

__all__ = [
    "DEFAULT_POLICY",
    "AnnotationError",
    "AnnotationLayer",
    "Arrow",
    "Camera",
    "CameraUnavailableError",
    "Circle",
    "MediaError",
    "MediaStoreError",
    "PhotoImport",
    "PhotoPolicy",
    "PhotoRefusedError",
    "PreparedPhoto",
    "RefusalReason",
    "RenderedImage",
    "StampFontError",
    "StampText",
    "TextLabel",
    "import_photo",
    "prepare_photo",
    "render_annotated",
    "store_photo",
]
