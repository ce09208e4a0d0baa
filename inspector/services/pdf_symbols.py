"""Code 128 and QR symbols drawn onto an fpdf2 page, for forms that must scan back.

Contract: :func:`draw_code128` and :func:`draw_qr` draw the symbols of
:mod:`inspector.labels.symbols` as filled black rectangles (one per run of dark modules,
so a bar is never split into seams) at a whole number of ``module`` mm per module,
*including* their quiet zones (10 modules each side for Code 128, 4 all round for QR),
which are left blank: the position given is the top-left corner of the quiet zone and
the functions return the width (and, for QR, side) they used, so a caller lays out with
:func:`code128_width` and :func:`qr_side` first. Text a symbol cannot carry raises
:class:`~inspector.labels.symbols.SymbolError`. Pure drawing on the PDF given; any
thread, one PDF per thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from fpdf import FPDF

from inspector.labels.symbols import CODE128_QUIET_ZONE, QR_QUIET_ZONE, code128_modules, qr_matrix


def code128_width(text: str, module: float) -> float:
    return (len(code128_modules(text)) + 2 * CODE128_QUIET_ZONE) * module


def qr_side(text: str, module: float) -> float:
    return (len(qr_matrix(text)) + 2 * QR_QUIET_ZONE) * module


def draw_code128(pdf: FPDF, text: str, x: float, y: float, *, module: float,
                 height: float) -> float:
    """The bars of ``text`` ``height`` mm tall; returns the width used (quiet zones in)."""
    modules = code128_modules(text)
    left = x + CODE128_QUIET_ZONE * module
    with pdf.local_context(fill_color=(0, 0, 0)):
        for start, length in _dark_runs(modules):
            pdf.rect(left + start * module, y, length * module, height, style="F")
    return (len(modules) + 2 * CODE128_QUIET_ZONE) * module


def draw_qr(pdf: FPDF, text: str, x: float, y: float, *, module: float) -> float:
    """The QR Code of ``text``; returns its side (quiet zone in)."""
    matrix = qr_matrix(text)
    left, top = x + QR_QUIET_ZONE * module, y + QR_QUIET_ZONE * module
    with pdf.local_context(fill_color=(0, 0, 0)):
        for column, row, width, height in _blocks(matrix):
            pdf.rect(left + column * module, top + row * module, width * module,
                     height * module, style="F")
    return (len(matrix) + 2 * QR_QUIET_ZONE) * module


def _blocks(matrix: Sequence[Sequence[bool]]) -> list[tuple[int, int, int, int]]:
    """The dark modules as (column, row, width, height) rectangles: a run of a row that
    continues the same run of the rows above grows that rectangle instead of starting
    one (a rasteriser then draws no light seam between the rows)."""
    done: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], int] = {}  # (start, length) -> first row
    for row, modules in enumerate(matrix):
        runs = set(_dark_runs(modules))
        for run in [r for r in open_runs if r not in runs]:
            first = open_runs.pop(run)
            done.append((run[0], first, run[1], row - first))
        for run in runs:
            open_runs.setdefault(run, row)
    done.extend((run[0], first, run[1], len(matrix) - first)
                for run, first in open_runs.items())
    return sorted(done)


def _dark_runs(modules: Sequence[bool] | str) -> Iterator[tuple[int, int]]:
    """(start, length) of each run of dark modules (``True`` or ``"1"``)."""
    start: int | None = None
    for index, module in enumerate(modules):
        dark = module is True or module == "1"
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            yield start, index - start
            start = None
    if start is not None:
        yield start, len(modules) - start
