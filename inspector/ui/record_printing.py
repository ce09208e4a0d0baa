"""Printing a record's pages on a QPrinter: the system's printers, or a PDF file.

Contract: main thread (QPrinter and QPainter on a printer belong to the GUI thread).
:func:`print_pages` paints pages rendered off the UI thread
(:func:`inspector.services.pdf_pages.render_pdf_pages`) one per sheet, at their true
size (A4 stays A4; a page larger than the paper's printable area is scaled down to
fit, never up), centred, and returns how many pages it printed; a printer that cannot
start (no paper size, an unwritable output file) raises :class:`PrintError`.
:func:`record_printer` is a printer set up for a record: A4 portrait, high resolution,
named after the document; :func:`page_printer` one whose paper is a given size in mm
with no margins (a label printer's paper is the label).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from inspector.core.text import LocalText
from inspector.services.pdf_pages import POINTS_PER_INCH, PageImage


class PrintError(RuntimeError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


A4_MM = (210.0, 297.0)


def record_printer(document_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    return printer


def page_printer(document_name: str, width_mm: float, height_mm: float) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name)
    # A4 by its standard id (drivers know it by name); a label by its exact size.
    size = QPageSize(QPageSize.PageSizeId.A4) if (width_mm, height_mm) == A4_MM else \
        QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, document_name,
                  QPageSize.SizeMatchPolicy.ExactMatch)
    # Portrait keeps the size as given: a 60 x 40 label is 60 mm wide (Landscape would
    # turn it).
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    return printer


def print_pages(pages: Sequence[PageImage], printer: QPrinter) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(LocalText("打印机无法开始打印，请检查打印机或输出文件",
                                   "the printer cannot start: check it or its output file"))
    try:
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                raise PrintError(LocalText("打印机无法换页", "the printer cannot start a page"))
            painter.drawImage(_target(page, printer), _image(page))
    finally:
        painter.end()
    return len(pages)


def _image(page: PageImage) -> QImage:
    image = QImage(page.rgb, page.width, page.height, page.width * 3,
                   QImage.Format.Format_RGB888)
    return image.copy()  # owns its pixels: the bytes object may go


def _target(page: PageImage, printer: QPrinter) -> QRectF:
    """Where the page goes, in the painter's coordinates (device pixels from the top left
    of the printable area): true size, centred."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    per_point = printer.resolution() / POINTS_PER_INCH
    width, height = page.width_pt * per_point, page.height_pt * per_point
    shrink = min(1.0, area.width() / width, area.height() / height)
    width, height = width * shrink, height * shrink
    return QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
