"""A photo that documents one custody step (the seal at the lab counter, a broken box).

Contract: :func:`keep_custody_photo` checks that ``path`` is a picture Pillow can read
(else :class:`~.samples.SampleError` naming the file, in both languages), puts the file
as it is into the content store and returns its SHA-256, which the step then records
(``photo_sha256``, hashed into the portion's chain; the file travels to the platform
with the event). Storing before the step's transaction is harmless: a file no record
names is swept. Runs on the DB thread (it reads and writes files).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from inspector.core.text import LocalText
from inspector.db.content_store import ContentStore
from inspector.services.samples import SampleError
from inspector.services.workspace import Workspace


def keep_custody_photo(workspace: Workspace, path: Path) -> str:
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError) as exc:
        raise SampleError(LocalText(f"无法作为照片读取：{path.name}（{exc}）",
                                    f"not a readable photo: {path.name} ({exc})")) from exc
    return ContentStore(workspace.paths.files).put_file(path)
