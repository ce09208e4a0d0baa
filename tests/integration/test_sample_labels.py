"""Sample labels read back: rendered to PDF, rasterised by poppler at 300 and 203 dpi as a
label printer would, and decoded with zxing-cpp. Every label's Code 128 says its portion
code and its QR code (regular QR, never Micro QR) its payload; the quiet zones are kept;
the CJK font is embedded; a code that is not valid is refused before anything is drawn.

The 50x30 label at 203 dpi is the known exception (an expected failure): a portion code is
189 to 233 Code 128 modules, and with its 10-module quiet zones on a 50 mm label a module
is 1.6 to 1.9 dots of a 203 dpi printer, too few for most codes to read back."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from inspector.core.sample_codes import SampleCode, make_sample_code, parse_portion_code
from inspector.labels import (
    A4_SHEET,
    MIN_MODULE_MM,
    ROLE_BACKUP,
    ROLE_TEST,
    SIZE_50X30,
    SIZE_60X40,
    LabelContent,
    LabelError,
    LabelSize,
    SymbolError,
    code128_modules,
    label_payload,
    parse_label_payload,
    qr_matrix,
    render_labels_pdf,
    sample_label,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftoppm, pdffonts) is not installed: cannot rasterise the labels")

# Devices chosen for the shortest (189 modules) to the longest (233) Code 128 symbols.
SAMPLES = (
    make_sample_code("130123", 2026, "000", 1),
    make_sample_code("130123", 2026, "12B", 1),
    make_sample_code("110105", 2026, "0A3", 17),
    make_sample_code("130123", 2026, "0AA", 1),
)
DPI = (300, 203)
TOO_FEW_DOTS = pytest.mark.xfail(
    strict=True, reason="50x30 at 203 dpi: 1.6-1.9 printer dots a Code 128 module")


def _label(sample: SampleCode, portion: int, *, seal: bool = False) -> LabelContent:
    return LabelContent(
        portion_code=sample.portion(portion),
        sample_code=str(sample),
        sample_name="速冻水饺（猪肉白菜馅）",
        sampled_unit="石家庄市长安区某某便利店",
        sampled_on="2026-11-28",
        role_text=ROLE_TEST if portion == 1 else ROLE_BACKUP,
        issuing_unit="石家庄市市场监督管理局",
        seal=seal,
        officer_signs=seal and portion == 2,
    )


def _labels(count: int | None = None) -> list[LabelContent]:
    labels = [_label(sample, portion, seal=index % 2 == 1)
              for index, sample in enumerate(SAMPLES) for portion in (1, 2)]
    if count is None:
        return labels
    return [_label(SAMPLES[n % len(SAMPLES)], n // len(SAMPLES) % 3 + 1, seal=n % 5 == 0)
            for n in range(count)]


def _expected(label: LabelContent) -> set[tuple[str, str]]:
    sample, portion = parse_portion_code(label.portion_code)
    return {("Code128", label.portion_code), ("QRCode", label_payload(sample, portion))}


@functools.cache
def _rendered(size: LabelSize, count: int | None = None) -> bytes:
    """The PDF of :func:`_labels` (made once per test session: loading the font is slow)."""
    return render_labels_pdf(_labels(count), size)


def _rasterise(pdf: bytes, folder: Path, dpi: int) -> list[Image.Image]:
    """Every page as a grey image at ``dpi`` (poppler's pdftoppm)."""
    source = folder / "labels.pdf"
    source.write_bytes(pdf)
    prefix = folder / f"page-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(source), str(prefix)],
                   check=True, capture_output=True)
    pages = []
    for path in sorted(folder.glob(f"page-{dpi}-*.pgm")):
        with Image.open(path) as image:
            pages.append(image.copy())
    return pages


def _decoded(image: Image.Image) -> set[tuple[str, str]]:
    return {(found.format.name, found.text) for found in zxingcpp.read_barcodes(image)}


def _label_case(size: LabelSize, dpi: int) -> object:
    marks = (TOO_FEW_DOTS,) if (size, dpi) == (SIZE_50X30, 203) else ()
    return pytest.param(size, dpi, marks=marks, id=f"{size.name}-{dpi}dpi")


@needs_poppler
@pytest.mark.parametrize(("size", "dpi"), [_label_case(size, dpi)
                                           for size in (SIZE_60X40, SIZE_50X30)
                                           for dpi in DPI])
def test_every_label_reads_back(size: LabelSize, dpi: int, tmp_path: Path) -> None:
    labels = _labels()
    pages = _rasterise(_rendered(size), tmp_path, dpi)
    assert len(pages) == len(labels)
    width_px = round(size.width / 25.4 * dpi)
    assert all(abs(page.width - width_px) <= 1 for page in pages)  # one label a page
    for label, page in zip(labels, pages, strict=True):
        assert _decoded(page) == _expected(label), label.portion_code


@needs_poppler
@pytest.mark.parametrize("dpi", DPI)
def test_an_a4_sheet_of_labels_reads_back(dpi: int, tmp_path: Path) -> None:
    labels = _labels(20)
    pages = _rasterise(_rendered(A4_SHEET, 20), tmp_path, dpi)
    assert (A4_SHEET.columns, A4_SHEET.rows, A4_SHEET.per_page) == (3, 6, 18)
    assert len(pages) == 2
    for page, on_page in zip(pages, (labels[:18], labels[18:]), strict=True):
        expected = set().union(*(_expected(label) for label in on_page))
        assert _decoded(page) == expected


@needs_poppler
def test_the_longest_code_reads_back_without_anti_aliasing(tmp_path: Path) -> None:
    """A thermal printer has no grey: each dot is black or white."""
    label = _label(SAMPLES[-1], 1)
    assert len(code128_modules(label.portion_code)) == 233
    source = tmp_path / "label.pdf"
    source.write_bytes(render_labels_pdf([label], SIZE_60X40))
    subprocess.run(["pdftoppm", "-r", "203", "-gray", "-aa", "no", "-aaVector", "no",
                    str(source), str(tmp_path / "crisp")], check=True, capture_output=True)
    with Image.open(next(tmp_path.glob("crisp-*.pgm"))) as page:
        assert _decoded(page) == _expected(label)


def test_the_samples_span_the_shortest_to_the_longest_barcode() -> None:
    lengths = {len(code128_modules(sample.portion(1))) for sample in SAMPLES}
    assert (min(lengths), max(lengths)) == (189, 233)


@needs_poppler
def test_the_qr_code_is_never_micro_qr(tmp_path: Path) -> None:
    assert len(qr_matrix("1")) == 21  # segno.make would choose an 11-module Micro QR
    label = _label(SAMPLES[0], 1)
    assert len(qr_matrix(_payload(label))) == 29  # alphanumeric: version 3
    page = _rasterise(render_labels_pdf([label], SIZE_50X30), tmp_path, 300)[0]
    formats = {found.format for found in zxingcpp.read_barcodes(page)}
    assert zxingcpp.BarcodeFormat.QRCode in formats
    assert zxingcpp.BarcodeFormat.MicroQRCode not in formats


def _payload(label: LabelContent) -> str:
    return next(text for kind, text in _expected(label) if kind == "QRCode")


@needs_poppler
@pytest.mark.parametrize("size", [SIZE_60X40, SIZE_50X30], ids=lambda size: size.name)
def test_the_quiet_zones_are_kept(size: LabelSize, tmp_path: Path) -> None:
    label = _label(SAMPLES[-1], 1)
    modules = len(code128_modules(label.portion_code))
    page = _rasterise(render_labels_pdf([label], size), tmp_path, 300)[0]
    found = next(f for f in zxingcpp.read_barcodes(page) if f.format.name == "Code128")
    row = [page.getpixel((x, found.position.top_left.y)) for x in range(page.width)]
    dark = [x for x, value in enumerate(row) if isinstance(value, int) and value < 128]
    module_px = (dark[-1] - dark[0] + 1) / modules
    assert module_px >= MIN_MODULE_MM / 25.4 * 300
    assert dark[0] >= 10 * module_px - 1
    assert page.width - 1 - dark[-1] >= 10 * module_px - 1


@needs_poppler
def test_the_cjk_font_is_embedded_and_the_text_extractable(tmp_path: Path) -> None:
    labels = [_label(SAMPLES[0], 1), LabelContent(SAMPLES[1].portion(2), str(SAMPLES[1]),
                                                  role_text=ROLE_BACKUP, seal=True)]
    source = tmp_path / "labels.pdf"
    source.write_bytes(render_labels_pdf(labels, SIZE_60X40))
    fonts = subprocess.run(["pdffonts", str(source)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    text = subprocess.run(["pdftotext", str(source), "-"], check=True, capture_output=True,
                          text=True).stdout
    for words in ("检验样品", "复检备份样品", "封条", "速冻水饺", "抽样人", "被抽样单位",
                  SAMPLES[0].portion(1), "—"):
        assert words in text


def test_a_sample_code_that_is_not_valid_is_refused_before_rendering(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pdf(*_: object) -> None:
        raise AssertionError("a PDF was started for labels that are not valid")

    monkeypatch.setattr(sample_label, "_LabelPdf", no_pdf)
    good = _label(SAMPLES[0], 1)
    code = str(SAMPLES[1])
    wrong_check = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(LabelError, match="label 2: the check character"):
        render_labels_pdf([good, LabelContent(f"{wrong_check}-P01", wrong_check)], SIZE_60X40)
    with pytest.raises(LabelError, match="is not of sample"):
        render_labels_pdf([LabelContent(SAMPLES[0].portion(1), code)], SIZE_60X40)
    with pytest.raises(LabelError, match="not a portion code"):
        render_labels_pdf([LabelContent(code, code)], SIZE_60X40)
    with pytest.raises(LabelError, match="YYYY-MM-DD"):
        render_labels_pdf([LabelContent(SAMPLES[0].portion(1), str(SAMPLES[0]),
                                        sampled_on="2026/11/28")], SIZE_60X40)
    with pytest.raises(LabelError, match="no labels"):
        render_labels_pdf([], SIZE_60X40)
    with pytest.raises(LabelError, match="do not fit a 35 mm label"):
        render_labels_pdf([good], LabelSize("35x25", 35.0, 25.0))


def test_the_payload_reads_back_and_must_agree() -> None:
    sample = SAMPLES[2]
    payload = label_payload(sample, 2)
    assert payload == f"INSPECTOR-SAMPLE:1/{sample}/{sample}-P02"
    assert parse_label_payload(f"  {payload.lower()} ") == (sample, 2)
    other = f"INSPECTOR-SAMPLE:1/{SAMPLES[0]}/{sample}-P02"
    for refused in (other, str(sample), f"INSPECTOR-SAMPLE:2/{sample}/{sample}-P02"):
        with pytest.raises(LabelError):
            parse_label_payload(refused)


def test_the_output_is_deterministic() -> None:
    assert render_labels_pdf(_labels(), SIZE_50X30) == _rendered(SIZE_50X30)
    assert render_labels_pdf(_labels(20), A4_SHEET) == _rendered(A4_SHEET, 20)


def test_a_missing_font_and_text_a_symbol_cannot_carry_are_refused(tmp_path: Path) -> None:
    with pytest.raises(LabelError, match="cannot print sample labels"):
        render_labels_pdf([_label(SAMPLES[0], 1)], SIZE_60X40, font=tmp_path / "none.ttf")
    with pytest.raises(SymbolError, match="Code 128 cannot carry"):
        code128_modules("样品")
    with pytest.raises(SymbolError):
        qr_matrix("")
    assert set(code128_modules(SAMPLES[0].portion(1))) == {"0", "1"}
