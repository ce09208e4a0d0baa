"""The 抽样单 and the 样品移交确认单 of a real sample, read back from the PDF: four copies each
named in its header, every §2.4 field printed ("—" when unused), the sign-offs and a
refusal, the hand-overs from the chain of custody, and the Code 128 and QR codes decoded
with zxing-cpp from pages rasterised by poppler at 300 and 203 dpi."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from inspector.core.lifecycles import CustodyEventKind
from inspector.core.roles import Actor, Role
from inspector.core.sampling_form import COPIES, NO_OBJECTION, SECTIONS
from inspector.db.models import WorkspaceSetting
from inspector.services.sample_document import SampleDocument, sample_document
from inspector.services.sample_form_pdf import (
    SampleFormPdfError,
    render_handover_pdf,
    render_sampling_form_pdf,
    write_handover_pdf,
    write_sampling_form_pdf,
)
from inspector.services.sample_signatures import sign_sample
from inspector.services.samples import CustodyDetails, record_custody, take_sample
from inspector.services.sampling_unit import SETTING_KEY, SamplingUnit, save_sampling_unit
from inspector.services.workspace import Workspace, open_workspace
from tests.integration.test_inspections import FIELD, MORNING
from tests.integration.test_sample_signatures import LI, REFUSED, SIGNING, ZHANG
from tests.integration.test_samples import FORM, sampling
from tests.poppler import run, tool

LAB = "河北省产品质量监督检验研究院"
FORM_FIELDS = replace(FORM, extra={**FORM.extra, "task_category": "监督抽检",
                                   "site_type": "超市", "producer_name": "某某酒业有限公司",
                                   "remarks": "样品现场封存，温度正常"})
UNIT = SamplingUnit(name="石家庄市市场监督管理局", level="市级", phone="0311-88888888")
DPI = (300, 203)


@dataclass(frozen=True)
class Forms:
    workspace: Workspace
    signed: SampleDocument  # the party refused; P01 handed over and received
    unsigned: SampleDocument
    form: Path  # the signed sample's 抽样单
    handover: Path
    unsigned_form: Path
    folder: Path


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forms]:
    folder = tmp_path_factory.mktemp("forms")
    workspace = open_workspace(folder / "workspace")
    try:
        started = sampling(workspace, folder)
        save_sampling_unit(workspace, Actor("管理员", Role.ADMINISTRATOR), UNIT)
        signed = take_sample(workspace, FIELD, started.inspection, FORM_FIELDS,
                             now=MORNING).value
        unsigned = take_sample(workspace, FIELD, started.inspection, FORM,
                               now=MORNING + timedelta(minutes=5)).value
        sign_sample(workspace, FIELD, signed.sample_code, (REFUSED, ZHANG, LI), now=SIGNING)
        for hours, kind in ((5, CustodyEventKind.HANDED_OVER), (6, CustodyEventKind.RECEIVED)):
            record_custody(workspace, FIELD, signed.portions[0], kind,
                           CustodyDetails(from_party="张三", to_party=LAB, seal_intact=True),
                           now=MORNING + timedelta(hours=hours))
        later = MORNING + timedelta(hours=7)
        documents = [sample_document(workspace, sample.sample_code, now=later)
                     for sample in (signed, unsigned)]
        paths = [folder / name for name in ("form.pdf", "handover.pdf", "unsigned.pdf")]
        paths[0].write_bytes(render_sampling_form_pdf(documents[0]))
        paths[1].write_bytes(render_handover_pdf(documents[0]))
        paths[2].write_bytes(render_sampling_form_pdf(documents[1]))
        yield Forms(workspace, documents[0], documents[1], paths[0], paths[1], paths[2],
                    folder)
    finally:
        workspace.store.close()


def _pages(path: Path) -> list[str]:
    """Each page's text in drawing order, without any whitespace."""
    raw = run(tool("pdftotext"), "-raw", str(path), "-")
    return ["".join(page.split()) for page in raw.split("\f")[:-1]]


def _copies(path: Path) -> list[str]:
    """The text of each copy (its pages joined), in order, by the copy its footer names."""
    joined: dict[str, str] = {}
    for page in _pages(path):
        copy = re.search(r"第[一二三四]联第\d+页/共\d+页", page)
        assert copy is not None, page[:80]
        number = copy.group(0)[:3]
        joined[number] = joined.get(number, "") + page
    return list(joined.values())


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_form_has_four_copies_each_named_in_its_header(forms: Forms) -> None:
    pages = _pages(forms.form)
    per_copy = len(pages) // 4
    assert len(pages) == 4 * per_copy and per_copy >= 1
    for index, copy in enumerate(COPIES):
        first = pages[index * per_copy]
        assert first.startswith(f"抽样单{copy.number}{copy.keeper}"), first[:40]
        for page_number in range(1, per_copy + 1):
            page = pages[index * per_copy + page_number - 1]
            assert f"{copy.number}第{page_number}页/共{per_copy}页" in page
        others = [c for c in COPIES if c != copy]
        assert not any(f"{c.number}{c.keeper}" in first for c in others)


def test_every_field_is_printed_with_its_value_or_a_dash(forms: Forms) -> None:
    document = forms.signed
    entries = [entry for section in document.sections for entry in section.entries]
    assert [e.label for e in entries] == [f.label for _t, fields in SECTIONS for f in fields]
    values = {e.key: e.value for e in entries}
    assert values["task_category"] == "监督抽检" and values["link"] == "流通"
    assert values["unit_region"] == "河北省石家庄市正定县"
    assert values["quantity"] == "2 瓶" and values["backup_quantity"] == "1 瓶"
    assert values["delivery_due"] == "2026-12-07"
    assert values["sampling_unit_name"] == UNIT.name and values["sampling_unit_email"] == ""
    assert values["samplers"] == "张三、李四" and "remarks" not in values  # F is apart
    assert document.remarks == "样品现场封存，温度正常"
    unused = [e for e in entries if not e.value]
    assert len(unused) > 20  # the sample leaves most of §2.4 unused: those print "—"
    for copy in _copies(forms.form):
        for section in document.sections:
            assert _squeezed(section.title) in copy
        for entry in entries:
            assert _squeezed(entry.label) + (_squeezed(entry.value) or "—") in copy, entry
        assert "备注" + _squeezed(document.remarks) in copy
        assert _squeezed(NO_OBJECTION) in copy


def test_the_sign_offs_and_a_refusal_are_printed_in_every_copy(forms: Forms) -> None:
    for copy in _copies(forms.form):
        assert "被抽样单位—2026-11-3009:50拒绝签名，理由：负责人不在场，店员拒签" in copy
        for sampler in ("张三（ZD001）", "李四（ZD002）"):
            assert f"抽样人{sampler}2026-11-3009:50" in copy
        assert "被抽样单位（盖章）" in copy and f"抽样单位（公章）{UNIT.name}" in copy
        assert f"P01检验样品：2026-11-3014:30交接，张三→{LAB}，封样完好" in copy
        assert f"收样人签名记录：{LAB}2026-11-3015:30收样" in copy
    listed = run(tool("pdfimages"), "-list", str(forms.form)).splitlines()[2:]
    assert len(listed) == 2 * 4  # the samplers' two signature images in each copy


def test_an_unsigned_form_leaves_each_signer_a_row_to_sign_by_hand(forms: Forms) -> None:
    for copy in _copies(forms.unsigned_form):
        assert copy.count("（亲笔签名）") == 3
        assert "被抽样单位—年月日（亲笔签名）" in copy
        assert "抽样人张三（ZD001）年月日（亲笔签名）" in copy
        assert "交接情况：—" in copy


def test_the_hand_over_form_states_each_portion_and_its_hand_overs(forms: Forms) -> None:
    pages = _pages(forms.handover)
    text = "".join(pages)
    document = forms.signed
    test_portion, backup = document.portions
    assert text.startswith("样品移交确认单") and "第1页/共1页" in pages[-1]
    assert f"抽样单编号{document.sample_code}样品名称散装白酒" in text
    assert "被抽样单位正定县某某副食店抽样日期2026-11-3009:30" in text
    assert f"抽样单位{UNIT.name}寄送样品截止日期2026-12-07" in text
    assert f"{test_portion.portion_code}检验样品2瓶FT-0001完好" in text
    assert f"{backup.portion_code}复检备份样品1瓶FT-0002—" in text
    assert f"P01交接张三{LAB}2026-11-3014:30完好" in text
    assert f"P01实验室收样张三{LAB}2026-11-3015:30完好" in text
    assert f"P01检验样品：2026-11-3015:30实验室收样，张三→{LAB}，封样完好" in text
    assert "P02复检备份样品：—" in text
    assert f"移交人（签名）记录：张三年月日接收人（签名）记录：{LAB}" in text
    assert "检验机构（盖章）年月日" in text


def _rasterised(pdf: Path, dpi: int, *, crisp: bool = False) -> list[Image.Image]:
    prefix = pdf.with_name(f"{pdf.stem}-{dpi}{'-crisp' if crisp else ''}")
    extra = ["-aa", "no", "-aaVector", "no"] if crisp else []
    subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-gray", *extra, str(pdf), str(prefix)],
                   check=True, capture_output=True, timeout=120)
    pages = []
    for path in sorted(pdf.parent.glob(f"{prefix.name}-*.pgm")):
        with Image.open(path) as image:
            pages.append(image.copy())
        path.unlink()
    return pages


def _decoded(page: Image.Image) -> set[tuple[str, str]]:
    return {(found.format.name, found.text) for found in zxingcpp.read_barcodes(page)}


def _expected(document: SampleDocument) -> set[tuple[str, str]]:
    return {("Code128", document.sample_code),
            *(("QRCode", portion.qr_payload) for portion in document.portions)}


@pytest.mark.parametrize("dpi", DPI)
def test_the_codes_on_both_forms_read_back(forms: Forms, dpi: int) -> None:
    document = forms.signed
    assert {p.qr_payload for p in document.portions} == {
        f"INSPECTOR-SAMPLE:1/{document.sample_code}/{document.sample_code}-P0{n}"
        for n in (1, 2)}
    form_pages = _rasterised(forms.form, dpi)
    per_copy = len(form_pages) // 4
    for index in range(4):  # each copy's first page carries the header
        assert _decoded(form_pages[index * per_copy]) == _expected(document), index
    for number, page in enumerate(form_pages):
        if number % per_copy:
            assert _decoded(page) == set(), number
    (handover,) = _rasterised(forms.handover, dpi)
    assert _decoded(handover) == _expected(document)


def test_the_codes_read_back_from_a_thermal_printers_dots(forms: Forms) -> None:
    """No grey at 203 dpi: each dot black or white."""
    (handover,) = _rasterised(forms.handover, 203, crisp=True)
    assert _decoded(handover) == _expected(forms.signed)


def test_output_is_deterministic_and_dated_by_the_document(forms: Forms) -> None:
    assert render_sampling_form_pdf(forms.signed) == forms.form.read_bytes()
    assert render_handover_pdf(forms.signed) == forms.handover.read_bytes()
    info = run(tool("pdfinfo"), "-isodates", str(forms.form))
    assert re.search(r"CreationDate:\s+2026-11-30T16:30:00\+08", info), info
    fonts = run(tool("pdffonts"), str(forms.form))
    assert "yes yes" in fonts  # the CJK font embedded as a subset


def test_the_files_are_written_whole_from_the_store(forms: Forms) -> None:
    code = forms.signed.sample_code
    later = MORNING + timedelta(hours=7)
    form = write_sampling_form_pdf(forms.workspace, code, forms.folder / "out" / "抽样单.pdf",
                                   now=later)
    handover = write_handover_pdf(forms.workspace, code.lower(), forms.folder / "out" / "移交.pdf",
                                  now=later)
    assert form.read_bytes() == forms.form.read_bytes()
    assert handover.read_bytes() == forms.handover.read_bytes()
    assert sorted(p.name for p in form.parent.iterdir()) == ["抽样单.pdf", "移交.pdf"]


def test_an_unreadable_signature_image_or_font_is_refused(forms: Forms,
                                                          tmp_path: Path) -> None:
    sampler = replace(forms.signed.signatures[1], image_png=b"\x89PNG not really")
    broken = replace(forms.signed, signatures=(forms.signed.signatures[0], sampler))
    with pytest.raises(SampleFormPdfError) as refused:
        render_sampling_form_pdf(broken)
    assert "张三（ZD001）" in refused.value.text.zh and "签名图像无法读取" in refused.value.text.zh
    missing = tmp_path / "no-such-font.ttf"
    with pytest.raises(SampleFormPdfError) as no_font:
        render_handover_pdf(forms.signed, font=missing)
    assert str(missing) in no_font.value.text.zh and "fonts-wqy-microhei" in no_font.value.text.en


def test_the_sampling_unit_is_the_samples_own_else_the_setting_else_the_samplers(
        workspace: Workspace, tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)
    plain = take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value
    named = take_sample(workspace, FIELD, started.inspection,
                        replace(FORM, extra={"sampling_unit": "石家庄市食品药品检验所"}),
                        now=MORNING).value

    def unit(code: str) -> tuple[str, str]:
        document = sample_document(workspace, code, now=MORNING)
        values = {e.key: e.value for s in document.sections for e in s.entries}
        return document.sampling_unit, values["sampling_unit_level"]

    assert unit(plain.sample_code) == ("正定县市场监督管理局", "")  # the directory's
    assert unit(named.sample_code) == ("石家庄市食品药品检验所", "")
    with workspace.store.write() as session:  # a damaged setting reads as none
        session.merge(WorkspaceSetting(key=SETTING_KEY, value="[not an object]"))
    assert unit(plain.sample_code)[0] == "正定县市场监督管理局"
    save_sampling_unit(workspace, FIELD, UNIT)
    assert unit(plain.sample_code) == (UNIT.name, "市级")
    assert unit(named.sample_code) == ("石家庄市食品药品检验所", "市级")
