"""Benchmark: printing sample labels, against drawing their barcodes alone.

Run as ``python -m benchmarks.labels [--labels N] [--repeat K]``. It makes N (1000)
labels of distinct samples (devices and sequences vary, so the Code 128 symbols run from
the shortest to the longest a portion code makes; portions P01 and P02 alternate and every
fourth label is a seal), then, ``--repeat`` (3) times each, medians reported:

- ``render_per_s``: labels a second of :func:`inspector.labels.render_labels_pdf` making
  one 60x40 PDF of all N, everything included: checking the codes, the Code 128 pattern
  and the QR Code (segno, which tries all eight masks), the font loaded and subset, the
  drawing and the PDF written;
- ``barcode_only_per_s``, the limit: labels a second of python-barcode drawing the same
  Code 128 symbols alone with its ImageWriter, as PNG bytes in memory (300 dpi, its
  defaults), no QR code, no text but the code, no PDF.

Then the PDF is rasterised at 203 dpi with poppler's ``pdftoppm -gray`` (a thermal label
printer's resolution) and every page decoded with zxing-cpp: ``decode_rate`` is the share
of labels whose Code 128 reads exactly their portion code and whose QR Code reads
exactly their payload, nothing else found (it must be 1.0). The goal:
``render_vs_barcode_only`` (how many times slower the labels are than the barcodes
alone) at most 2. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import barcode
import zxingcpp
from barcode.writer import ImageWriter
from PIL import Image

from inspector.core.credit_codes import USCC_CHARSET
from inspector.core.sample_codes import make_sample_code, parse_portion_code
from inspector.labels import (
    ROLE_BACKUP,
    ROLE_TEST,
    SIZE_60X40,
    LabelContent,
    label_payload,
    render_labels_pdf,
)

DPI = 203


def make_labels(count: int) -> list[LabelContent]:
    """``count`` labels of distinct samples of one county's year."""
    labels = []
    for number in range(count):
        device = "".join(USCC_CHARSET[(number // 31 ** k) % 31] for k in (2, 1, 0))
        sample = make_sample_code("130123", 2026, device, number % 99_999 + 1)
        portion = number % 2 + 1
        labels.append(LabelContent(
            portion_code=sample.portion(portion), sample_code=str(sample),
            sample_name=f"速冻水饺（猪肉白菜馅）批次 {number}",
            sampled_unit="石家庄市长安区某某便利店",
            sampled_on="2026-11-28", role_text=ROLE_TEST if portion == 1 else ROLE_BACKUP,
            issuing_unit="石家庄市市场监督管理局", seal=number % 4 == 3))
    return labels


def barcodes_only(labels: Sequence[LabelContent]) -> None:
    code128 = barcode.get_barcode_class("code128")
    for label in labels:
        code128(label.portion_code, writer=ImageWriter()).write(io.BytesIO())


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def expected(label: LabelContent) -> set[tuple[str, str]]:
    sample, portion = parse_portion_code(label.portion_code)
    return {("Code128", label.portion_code), ("QRCode", label_payload(sample, portion))}


def decode_rate(pdf: bytes, labels: Sequence[LabelContent], folder: Path) -> float:
    """The share of labels read back exactly from ``pdf`` rasterised at :data:`DPI`."""
    source = folder / "labels.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(source), str(folder / "page")],
                   check=True)
    pages = sorted(folder.glob("page-*.pgm"))
    correct = 0
    for path, label in zip(pages, labels, strict=True):
        with Image.open(path) as image:
            found = {(s.format.name, s.text) for s in zxingcpp.read_barcodes(image)}
        correct += found == expected(label)
    return correct / len(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        parser.error("poppler's pdftoppm is needed to read the labels back")
    labels = make_labels(args.labels)
    pdf = render_labels_pdf(labels, SIZE_60X40)
    render_s = median_seconds(lambda: render_labels_pdf(labels, SIZE_60X40), args.repeat)
    barcode_s = median_seconds(lambda: barcodes_only(labels), args.repeat)
    with tempfile.TemporaryDirectory(prefix="bench-labels-") as temporary:
        started = time.perf_counter()
        rate = decode_rate(pdf, labels, Path(temporary))
        read_back_s = time.perf_counter() - started
    render_per_s, barcode_per_s = args.labels / render_s, args.labels / barcode_s
    print(f"{args.labels} labels of 60x40 mm in one PDF of {len(pdf) / 1e6:.1f} MB: "
          f"median {render_s:.2f} s, {render_per_s:.0f} labels/s "
          f"({1000 * render_s / args.labels:.1f} ms a label)")
    print(f"limit, the Code 128 symbols alone as PNG (python-barcode ImageWriter): median "
          f"{barcode_s:.2f} s, {barcode_per_s:.0f} barcodes/s; labels are "
          f"{barcode_per_s / render_per_s:.2f}x slower")
    print(f"read back at {DPI} dpi (pdftoppm, zxing-cpp): {rate:.1%} of labels exact, "
          f"in {read_back_s:.1f} s")
    print(json.dumps({
        "bench": "labels", "labels": args.labels, "render_per_s": round(render_per_s, 1),
        "barcode_only_per_s": round(barcode_per_s, 1), "decode_rate": round(rate, 4),
        "ratios": {"render_vs_barcode_only": round(barcode_per_s / render_per_s, 2)},
    }))


if __name__ == "__main__":
    main()
