"""Printing or saving a PDF that the DB thread makes (labels, seals, 抽样单, 移交单).

Contract: main thread. A :data:`PdfSource` is how the DB thread makes the document's
PDF bytes from its :class:`~inspector.ui.db_worker.OpEnv`; it never runs on the UI
thread. :meth:`PdfOutput.save` asks where (unless given a path), makes the PDF and
writes it whole (:func:`~inspector.services.file_output.write_file_atomically`), all on
the DB thread. :meth:`PdfOutput.print` opens the system's print dialog on a printer
whose paper is the document's (A4, or the label's own size for label printers, which
install as system printers; set again once the dialog closes, which may have put the
chosen printer's default paper in its place) and, once a printer is chosen, renders
the pages on the DB thread at that printer's resolution (so a barcode's bars land on
whole printer dots; at most :data:`MAX_PRINT_DPI`), then prints them at true size. A
system printer coarser than the document's ``min_dpi`` (50 × 30 mm labels need 300 dpi
for their Code 128 to scan) is refused with the reason: no label is printed that would
not read back. Progress and the
outcome are reported through ``message`` (text, is_error), in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from inspector.services.file_output import write_file_atomically
from inspector.services.pdf_pages import PageImage, render_pdf_pages
from inspector.ui.context import AppContext
from inspector.ui.db_worker import Op, OpEnv
from inspector.ui.record_printing import A4_MM, page_printer, print_pages
from inspector.ui.widgets.feedback import error_text

PdfSource = Callable[[OpEnv], bytes]
MAX_PRINT_DPI = 600
MIN_PRINT_DPI = 150


def save_pdf_op(source: PdfSource, path: Path) -> Op[Path]:
    def body(env: OpEnv) -> Path:
        write_file_atomically(path, source(env))
        return path

    return Op("save_pdf", body)


def render_pages_op(source: PdfSource, dpi: int) -> Op[tuple[PageImage, ...]]:
    return Op("render_pdf_pages", lambda env: render_pdf_pages(source(env), dpi))


class PdfOutput(QObject):
    message = Signal(str, bool)  # text, is_error

    def __init__(self, ctx: AppContext, owner: QWidget) -> None:
        super().__init__(owner)
        self._ctx = ctx
        self._owner = owner
        self.print_dialog: QPrintDialog | None = None
        self.printer: QPrinter | None = None

    def save(self, source: PdfSource, file_name: str, path: Path | None = None) -> None:
        """Write the PDF to ``path``; None: ask where (``file_name`` suggested)."""
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self._owner, self.tr("Save as PDF"), str(Path.home() / file_name),
                self.tr("PDF (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen)
        self._say(self.tr("Writing %1…").replace("%1", path.name))
        self._ctx.db.submit(save_pdf_op(source, path),
                            on_result=lambda written: self._say(
                                self.tr("Saved: %1").replace("%1", str(written))),
                            on_error=self._failed)

    def print(self, source: PdfSource, document_name: str,
              paper_mm: tuple[float, float] = A4_MM, min_dpi: int = 0) -> QPrintDialog:
        """Open the print dialog; on OK, render at the printer's resolution and print
        (refused on a printer coarser than ``min_dpi``)."""
        printer = page_printer(document_name, *paper_mm)
        if self.print_dialog is not None:
            self.print_dialog.close()
        dialog = QPrintDialog(printer, self._owner)
        dialog.setObjectName("pdfPrintDialog")
        layout = printer.pageLayout()

        def accepted() -> None:
            # The dialog puts the chosen printer's default paper back (Letter, say): the
            # document's own paper is what it was made for, a label's above all.
            printer.setPageLayout(layout)
            self.render_and_print(source, printer, min_dpi)

        dialog.accepted.connect(accepted)
        self.print_dialog, self.printer = dialog, printer
        QDialog.open(dialog)  # QPrintDialog.open() wants a slot to call; not needed here
        return dialog

    def render_and_print(self, source: PdfSource, printer: QPrinter, min_dpi: int = 0) -> None:
        if printer.outputFormat() is QPrinter.OutputFormat.NativeFormat \
                and printer.resolution() < min_dpi:
            self.message.emit(self.tr(
                "This printer prints at %1 dpi: these labels' barcodes need %2 dpi to scan. "
                "Choose 60 × 40 mm labels, or a %2 dpi printer.")
                .replace("%1", str(printer.resolution())).replace("%2", str(min_dpi)), True)
            return
        dpi = max(MIN_PRINT_DPI, min(MAX_PRINT_DPI, printer.resolution()))
        self._say(self.tr("Preparing the pages for printing…"))
        self._ctx.db.submit(render_pages_op(source, dpi),
                            on_result=lambda pages: self._print(pages, printer),
                            on_error=self._failed)

    def _print(self, pages: tuple[PageImage, ...], printer: QPrinter) -> None:
        try:
            printed = print_pages(pages, printer)
        except RuntimeError as exc:
            self._failed(exc)
            return
        self._say(self.tr("%1 page(s) sent to %2.").replace("%1", str(printed))
                  .replace("%2", printer.outputFileName() or printer.printerName()))

    def _say(self, text: str) -> None:
        self.message.emit(text, False)

    def _failed(self, error: BaseException) -> None:
        self.message.emit(error_text(self._ctx.lang, error), True)
