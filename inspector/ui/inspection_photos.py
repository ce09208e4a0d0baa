"""The photos of the inspection open on the field screen: attaching, thumbnails, annotating.

Contract: main thread; every read and write is an op on the DB thread
(:mod:`inspector.ui.field_ops`). A photo's preparation (hashing, the upload copy, the
stamp, the thumbnail: the heavy Pillow work) runs on the compute pool
(:mod:`inspector.ui.compute_jobs`), so the DB thread stays free for autosaves; only the
short transaction that records it runs there. An
:class:`InspectionPhotos` serves one :class:`~inspector.ui.widgets.checklist_form.ChecklistForm`
of one inspection at a time (:meth:`InspectionPhotos.follow`), and wires its signals:

- "添加照片…" (``media_requested``) asks for files; files dropped on a photo item
  (``media_dropped``) need no asking; "拍照" (``capture_requested``, offered only where
  ``ctx.camera`` exists) takes one with the camera on the compute pool; each is attached
  in turn and the item's answer and thumbnails follow; a refused one is named with the
  reason;
- :meth:`InspectionPhotos.show_thumbnails` loads the thumbnails of the photos already
  attached (when a form opens);
- a clicked thumbnail (``annotation_requested``) loads the photo upright at display size
  and its latest layer, then opens the
  :class:`~inspector.ui.widgets.annotation_editor.AnnotationDialog` (non-modal:
  :attr:`InspectionPhotos.annotation_dialog`); saving records a new layer beside the
  untouched original, and a refusal shows in the dialog, which stays open.

What happens is said through ``say(text, is_error)``, the screen's status line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from inspector.media import PreparedPhoto, StampText, prepare_photo
from inspector.services.photo_annotations import AnnotationSource, SavedAnnotations
from inspector.services.photos import RecordedPhoto
from inspector.ui import field_ops
from inspector.ui.compute_jobs import ComputeJobs
from inspector.ui.context import AppContext
from inspector.ui.planning_models import SHORT_HASH
from inspector.ui.widgets.annotation_editor import AnnotationDialog
from inspector.ui.widgets.checklist_form import ChecklistForm
from inspector.ui.widgets.feedback import error_text

Say = Callable[[Callable[[], str], bool], None]


class InspectionPhotos(QObject):
    def __init__(self, ctx: AppContext, parent: QWidget, say: Say) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._say = say
        self.form: ChecklistForm | None = None
        self.inspection: str | None = None
        self.annotation_dialog: AnnotationDialog | None = None
        self.attaching = 0  # photos on their way (prepared or being recorded)
        self._jobs = ComputeJobs(ctx.compute, self)

    def follow(self, form: ChecklistForm | None, inspection_uuid: str | None) -> None:
        """Serve ``form`` (the inspection ``inspection_uuid``'s), or nothing."""
        self.form, self.inspection = form, inspection_uuid
        if form is not None:
            form.media_requested.connect(self.ask_and_attach)
            form.media_dropped.connect(self._dropped)
            form.annotation_requested.connect(self.annotate)
            form.capture_requested.connect(self.capture)
            form.set_camera_available(self._ctx.camera is not None)

    def ask_and_attach(self, item_key: str) -> None:
        """Ask for photo files and attach each to ``item_key``."""
        if self.form is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self._parent, self.tr("Add photos"), str(Path.home()),
            self.tr("Photos (*.jpg *.jpeg *.png *.webp)"))
        for name in names:
            self.attach(item_key, Path(name))

    def _dropped(self, item_key: str, paths: list[Path]) -> None:
        for path in paths:
            self.attach(item_key, path)

    def capture(self, item_key: str) -> None:
        """Take a photo with the camera (on the compute pool: capturing blocks) and attach
        it like a file: the device's bytes, with their EXIF, are the original."""
        camera = self._ctx.camera
        if camera is None:
            return
        self._attach(item_key, camera.capture,
                     self.tr("the photo from %1").replace("%1", camera.name))

    def attach(self, item_key: str, path: Path) -> None:
        """Attach ``path`` to ``item_key`` without asking: the stamp's words from the
        store, the photo prepared on the compute pool, then recorded on the DB thread."""
        self._attach(item_key, lambda: path, path.name)

    def _attach(self, item_key: str, source: Callable[[], Path | bytes], name: str) -> None:
        form, inspection = self.form, self.inspection
        if form is None or inspection is None:
            return
        self.attaching += 1
        self._say(lambda: self.tr("Adding %1…").replace("%1", name), False)

        def refused(error: BaseException) -> None:
            self.attaching -= 1
            self._say(lambda: self.tr("%1 not added: %2").replace("%1", name).replace(
                "%2", error_text(self._ctx.lang, error)), True)

        def record(prepared: PreparedPhoto) -> None:
            self._ctx.db.submit(
                field_ops.record_prepared_photo(inspection, item_key, prepared,
                                                self._ctx.actor),
                on_result=lambda recorded: self._added(form, item_key, name, recorded),
                on_error=refused)

        def prepare(stamp: StampText) -> None:
            self._jobs.submit(lambda: prepare_photo(source(), stamp=stamp), record, refused)

        self._ctx.db.submit(field_ops.load_photo_stamp(inspection, self._ctx.actor),
                            on_result=prepare, on_error=refused)

    def _added(self, form: ChecklistForm, item_key: str, name: str,
               recorded: RecordedPhoto) -> None:
        self.attaching -= 1
        if form is self.form:
            current = form.answers().get(item_key)
            shas = current if isinstance(current, tuple) else ()
            if recorded.original_sha256 not in shas:
                form.set_answer(item_key, (*shas, recorded.original_sha256))
            self.show_thumbnails([recorded.original_sha256])
        self._say(lambda: self.tr("%1 added (SHA-256 %2…)").replace("%1", name)
                  .replace("%2", recorded.original_sha256[:SHORT_HASH]), False)

    def show_thumbnails(self, originals: list[str]) -> None:
        form = self.form
        if form is not None and originals:
            self._ctx.db.submit(field_ops.load_photo_thumbnails(originals),
                                on_result=form.set_thumbnails, on_error=self._failed)

    def annotate(self, original_sha256: str) -> None:
        """Load the photo (decoded on the DB thread), then open the annotation editor."""
        self._say(lambda: self.tr("Opening the photo…"), False)
        self._ctx.db.submit(field_ops.load_annotation_source(original_sha256),
                            on_result=self._edit, on_error=self._failed)

    def _edit(self, source: AnnotationSource) -> None:
        if self.annotation_dialog is not None:
            self.annotation_dialog.close()
        dialog = AnnotationDialog(QImage.fromData(source.display_jpeg),
                                  QSize(source.width, source.height), source.layer,
                                  self.tr("Annotate photo %1…")
                                  .replace("%1", source.original_sha256[:SHORT_HASH]),
                                  self._parent)
        dialog.save_requested.connect(
            lambda layer: self._ctx.db.submit(
                field_ops.save_photo_annotations(source.original_sha256, layer,
                                                 self._ctx.actor),
                on_result=lambda saved: self._saved(dialog, saved),
                on_error=lambda error: dialog.refuse(error_text(self._ctx.lang, error))))
        self.annotation_dialog = dialog
        self._say(lambda: "", False)
        dialog.open()

    def _saved(self, dialog: AnnotationDialog, saved: SavedAnnotations) -> None:
        dialog.finish()
        self._say(lambda: self.tr("%1 annotation(s) saved as a layer; the original photo "
                                  "(SHA-256 %2…) is unchanged.")
                  .replace("%1", str(saved.shapes))
                  .replace("%2", saved.original_sha256[:SHORT_HASH]), False)

    def _failed(self, error: BaseException) -> None:
        self._say(lambda: error_text(self._ctx.lang, error), True)
