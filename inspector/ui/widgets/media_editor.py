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
(``annotation_requested(sha256)``). Samples and signatures have no capture here yet
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

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self._value: Value = None
        self._thumbnails: dict[str, bytes] = {}
        self._pixmaps: dict[str, QPixmap] = {}  # decoded once: a rebuild only lays out
        self._shown: tuple[str, ...] | None = None
        self.button = QPushButton()
        self.button.setObjectName(f"{item.key}_button")
        self.button.clicked.connect(self.media_requested.emit)
        self.row.addWidget(self.button)
        self.row.addStretch(1)
        self.strip = QHBoxLayout()
        self.strip.setContentsMargins(0, 2, 0, 0)
        self.strip.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.column.addLayout(self.strip)
        self.setAcceptDrops(item.kind is ItemKind.PHOTO)
        self.retranslate()

    def value(self) -> Value:
        return self._value

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
            self._shown = None
            self._show_thumbnails()

    def photos(self) -> tuple[str, ...]:
        return tuple(self._value) if isinstance(self._value, tuple) else ()

    def thumbnail_buttons(self) -> list[QToolButton]:
        items = (self.strip.itemAt(n) for n in range(self.strip.count()))
        return [w for item in items if item is not None
                and isinstance(w := item.widget(), QToolButton)]

    def focus_widgets(self) -> list[QWidget]:
        return [self.button]

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
        wanted = self.photos()[:SHOWN_THUMBNAILS]
        if wanted == self._shown:
            return
        self._shown = wanted
        for button in self.thumbnail_buttons():
            self.strip.removeWidget(button)
            button.deleteLater()
        for sha in wanted:
            button = QToolButton()
            button.setObjectName(f"{self.item.key}_thumbnail")
            button.setToolTip(self.tr("Annotate this photo (arrows, circles, text)")
                              + f"\nSHA-256 {sha}")
            button.setAutoRaise(True)
            pixmap = self._pixmap(sha)
            if pixmap is not None:
                button.setIcon(QIcon(pixmap))
                button.setIconSize(pixmap.size())
            else:
                button.setFixedSize(QSize(THUMBNAIL_HEIGHT * 4 // 3, THUMBNAIL_HEIGHT))
                button.setStyleSheet("background: #ddd;")
            button.clicked.connect(lambda _checked=False, sha=sha:
                                   self.annotation_requested.emit(sha))
            self.strip.addWidget(button)

    def retranslate(self) -> None:
        self._shown = None  # the buttons' tooltips are worded again
        self._show_thumbnails()
        kind = self.item.kind
        text = (self.tr("Add photos…") if kind is ItemKind.PHOTO
                else self.tr("Record sample (not available yet)") if kind is ItemKind.SAMPLE
                else self.tr("Sign (not available yet)"))
        if self.photos():
            text += " · " + self.tr("%1 attached").replace("%1", str(len(self.photos())))
        self.button.setText(text)
        if kind is ItemKind.PHOTO:
            self.button.setToolTip(self.tr("Or drop photo files here"))
