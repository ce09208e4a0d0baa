"""A PDF's pages as pictures, for printing through the system's printers.

Contract: :func:`render_pdf_pages` draws every page of ``pdf`` at ``dpi`` with pdfium
(pypdfium2) and returns them as :class:`PageImage` (8-bit RGB rows, immutable bytes) in
order, each with its size in points, so a printer can place it on its paper at true
size. A PDF pdfium cannot read raises :class:`PdfPagesError`. pdfium is not safe to call
from two threads at once: calls are serialised here by a lock. pypdfium2 is imported at
the first call (under that lock), not with this module, so the window starts without it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from inspector.core.text import LocalText

POINTS_PER_INCH = 72
_PDFIUM = threading.Lock()


@dataclass(frozen=True, slots=True)
class PageImage:
    width: int  # pixels
    height: int
    rgb: bytes  # rows of width * 3 bytes, top to bottom
    width_pt: float  # the page's size in points (1/72 inch)
    height_pt: float


class PdfPagesError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def render_pdf_pages(pdf: bytes, dpi: int = 200) -> tuple[PageImage, ...]:
    scale = dpi / POINTS_PER_INCH
    with _PDFIUM:
        import pypdfium2

        try:
            document = pypdfium2.PdfDocument(pdf)
        except pypdfium2.PdfiumError as exc:
            raise PdfPagesError(LocalText(f"无法读取 PDF：{exc}",
                                          f"the PDF cannot be read: {exc}")) from exc
        try:
            pages = []
            for index in range(len(document)):
                page = document[index]
                width_pt, height_pt = page.get_size()
                picture = page.render(scale=scale).to_pil().convert("RGB")
                pages.append(PageImage(picture.width, picture.height, picture.tobytes(),
                                       width_pt, height_pt))
                page.close()
            return tuple(pages)
        finally:
            document.close()
