"""The editor of a photo, sample or signature item: attach, drop, and see what is there.

Contract: main thread. A :class:`MediaEditor` shows a button that asks for the media
(``media_requested``; the screen holding the inspection attaches it and sets the
value) saying how many are attached. A photo item also takes image files dropped on it
from a file manager (``media_dropped(paths)``: local files with a photo's suffix, the
others ignored) and shows the attached photos as small thumbnails (at most
:data:`SHOWN_THUMBNAILS`, in the order taken, each with its SHA-256 as tooltip) once the
screen hands them over with :meth:`MediaEditor.set_thumbnails` (JPEG bytes by the
original's SHA-256; a thumbnail not given shows as a grey box). A thumbnail is a button:
clicking it (or Space on it) asks to annotate that photo
(``annotation_requested(sha256)``). Where a camera exists
(:meth:`MediaEditor.set_camera_available`) a photo item also offers "拍照"
(``capture_requested``). Samples and signatures have no capture here yet
(the sample issue builds them).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QWidget

from inspector.forms.checklist import Item, ItemKind
from inspector.forms.expressions import Value
from inspector.ui.widgets.checklist_editors import ItemEditor

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff"})
SHOWN_THUMBNAILS = 8
THUMBNAIL_HEIGHT = 64


def dropped_photos(paths: list[str]) -> list[Path]:
    """The local files among ``paths`` that look like photos, in the order dropped."""
    return [Path(p) for p in paths if p and Path(p).suffix.lower() in PHOTO_SUFFIXES]


class MediaEditor(ItemEditor):
    media_requested = Signal()
    media_dropped = Signal(list)  # list[Path]
    annotation_requested = Signal(str)  # the original's SHA-256
    capture_requested = Signal()  # take a photo with the camera

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self._value: Value = None
        self._thumbnails: dict[str, bytes] = {}
        self._pixmaps: dict[str, QPixmap] = {}  # decoded once per photo
        self._buttons: dict[str, QToolButton] = {}  # by the photo's SHA-256
        self.button = QPushButton()
        self.button.setObjectName(f"{item.key}_button")
        self.button.clicked.connect(self.media_requested.emit)
        self.row.addWidget(self.button)
        self.capture_button = QPushButton()
        self.capture_button.setObjectName(f"{item.key}_capture")
        self.capture_button.clicked.connect(self.capture_requested.emit)
        self.capture_button.hide()  # shown only where a camera exists
        self.row.addWidget(self.capture_button)
        self.row.addStretch(1)
        self.strip = QHBoxLayout()
        self.strip.setContentsMargins(0, 2, 0, 0)
        self.strip.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.column.addLayout(self.strip)
        self.setAcceptDrops(item.kind is ItemKind.PHOTO)
        self.retranslate()

    def value(self) -> Value:
        return self._value

    def set_camera_available(self, available: bool) -> None:
        self.capture_button.setVisible(available and self.item.kind is ItemKind.PHOTO)

    def set_value(self, value: Value) -> None:
        self._value = value
        self.retranslate()

    def set_thumbnails(self, thumbnails: Mapping[str, bytes]) -> None:
        fresh = {sha: data for sha, data in thumbnails.items()
                 if self._thumbnails.get(sha) != data}
        if not fresh:
            return
        self._thumbnails.update(fresh)
        for sha in fresh:
            self._pixmaps.pop(sha, None)
        if set(fresh) & set(self.photos()):
            self._show_thumbnails()

    def photos(self) -> tuple[str, ...]:
        return tuple(self._value) if isinstance(self._value, tuple) else ()

    def thumbnail_buttons(self) -> list[QToolButton]:
        """The thumbnails shown, in order."""
        return [self._buttons[sha] for sha in self.photos()[:SHOWN_THUMBNAILS]
                if sha in self._buttons]

    def focus_widgets(self) -> list[QWidget]:
        return [self.button, self.capture_button]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if dropped_photos([u.toLocalFile() for u in urls]):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        photos = dropped_photos([u.toLocalFile() for u in event.mimeData().urls()])
        if photos:
            event.acceptProposedAction()
            self.media_dropped.emit(photos)

    def _pixmap(self, sha: str) -> QPixmap | None:
        if sha not in self._pixmaps:
            pixmap = QPixmap()
            if sha not in self._thumbnails or not pixmap.loadFromData(self._thumbnails[sha]):
                return None
            self._pixmaps[sha] = pixmap.scaledToHeight(
                THUMBNAIL_HEIGHT, Qt.TransformationMode.SmoothTransformation)
        return self._pixmaps[sha]

    def _show_thumbnails(self) -> None:
        """Make the strip show the first photos: a button is built once per photo and
        kept (a new photo adds one button; a picture that arrives later fills it in)."""
        wanted = self.photos()[:SHOWN_THUMBNAILS]
        for sha in [s for s in self._buttons if s not in wanted]:
            button = self._buttons.pop(sha)
            self.strip.removeWidget(button)
            button.deleteLater()
        for position, sha in enumerate(wanted):
            if sha not in self._buttons:
                self._buttons[sha] = self._thumbnail_button(sha)
            button = self._buttons[sha]
            if self.strip.indexOf(button) != position:
                self.strip.insertWidget(position, button)
            self._paint(button, sha)

    def _thumbnail_button(self, sha: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"{self.item.key}_thumbnail")
        button.setAutoRaise(True)
        button.setToolTip(self._tooltip(sha))
        button.clicked.connect(lambda _checked=False: self.annotation_requested.emit(sha))
        return button

    def _paint(self, button: QToolButton, sha: str) -> None:
        pixmap = self._pixmap(sha)
        if pixmap is not None and button.icon().isNull():
            button.setStyleSheet("")
            button.setMinimumSize(0, 0)
            button.setMaximumSize(16777215, 16777215)
            button.setIcon(QIcon(pixmap))
            button.setIconSize(pixmap.size())
        elif pixmap is None and button.icon().isNull():
            button.setFixedSize(QSize(THUMBNAIL_HEIGHT * 4 // 3, THUMBNAIL_HEIGHT))
            button.setStyleSheet("background: #ddd;")

    def _tooltip(self, sha: str) -> str:
        return self.tr("Annotate this photo (arrows, circles, text)") + f"\nSHA-256 {sha}"

    def retranslate(self) -> None:
        self._show_thumbnails()
        for sha, button in self._buttons.items():
            button.setToolTip(self._tooltip(sha))
        kind = self.item.kind
        text = (self.tr("Add photos…") if kind is ItemKind.PHOTO
                else self.tr("Record sample (not available yet)") if kind is ItemKind.SAMPLE
                else self.tr("Sign (not available yet)"))
        if self.photos():
            text += " · " + self.tr("%1 attached").replace("%1", str(len(self.photos())))
        self.button.setText(text)
        if kind is ItemKind.PHOTO:
            self.button.setToolTip(self.tr("Or drop photo files here"))
            self.capture_button.setText(self.tr("Take a photo"))
