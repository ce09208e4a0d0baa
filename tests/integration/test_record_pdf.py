"""The printed inspection record as PDF: everything the record says can be read back from
the file (poppler's pdftotext), the CJK font is embedded, the thumbnails and signatures
are in it, nothing is drawn past the bottom margin, and a missing font is a clear error."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from inspector.core.text import LocalText
from inspector.media.errors import StampFontError
from inspector.services import pdf_font
from inspector.services.record_document import (
    RecordAnswer,
    RecordDocument,
    RecordInspector,
    RecordPhoto,
    RecordSignature,
)
from inspector.services.record_pdf import RecordPdfError, render_record_pdf
from tests.poppler import run, tool

A4_HEIGHT_PT = 841.89
BOTTOM_MARGIN_PT = 18 / 25.4 * 72
SECTIONS = ("一、主体资格", "二、食品贮存", "三、标签标识")
REFUSAL = "当事人对检查结论有异议，拒绝在笔录上签名"


def _jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (160, 120)) -> bytes:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _signature_png() -> bytes:
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (80, 20), (150, 70), (290, 30)], fill=(0, 0, 0, 255),
                               width=5)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _answer(number: int) -> RecordAnswer:
    section = SECTIONS[(number - 1) * len(SECTIONS) // 27]
    problem = number % 7 == 0
    return RecordAnswer(
        section=section,
        label=f"第 {number} 项：是否按规定查验供货者的许可证和食品出厂检验合格证或者其他合格证明",
        answer="不符合" if problem else "符合",
        note=(f"问题 {number}：部分批次食品未能提供合格证明文件，现场已责令补正，"
              "并告知当事人在规定期限内提交相关材料。") if problem else "",
        legal_basis="《中华人民共和国食品安全法》第五十三条" if number % 2 else "",
        key_item=number % 5 == 0,
        problem=problem,
        photo_numbers=(1, 2) if number == 7 else (),
    )


def _document() -> RecordDocument:
    return RecordDocument(
        title="现场检查笔录",
        task_name="2026 年食品销售环节双随机抽查",
        task_code="SJ-2026-0042",
        entity_name="石家庄市长安区某某便利店",
        entity_identifier="91130102MA0ABCDE1X",
        entity_address="河北省石家庄市长安区中山东路 100 号",
        legal_representative="王某某",
        started_at="2026-11-28 09:30",
        finalized_at="2026-11-28 11:02",
        location="河北省石家庄市长安区中山东路 100 号 店内",
        checklist="SPXS-LX 食品销售检查 第 2 版",
        inspectors=(RecordInspector("张伟", "S001", "11010020230001", "石家庄市市场监督管理局"),
                    RecordInspector("李娜", "S002", "11010020230002", "石家庄市市场监督管理局")),
        certificates_shown=True,
        no_conflict_declared=True,
        answers=tuple(_answer(number) for number in range(1, 28)),
        result_labels=("B 未按规定公示应当公示的信息",),
        result_reason="现场发现问题已当场整改，但仍需书面复查。",
        follow_up=("责令改正，期限 2026-12-10", "移交执法机构处理"),
        photos=(
            RecordPhoto(1, "第 7 项", hashlib.sha256(b"photo one").hexdigest(),
                        "2026-11-28 10:15", "38.1460, 114.5200", _jpeg((200, 60, 60))),
            RecordPhoto(2, "", hashlib.sha256(b"photo two").hexdigest(), "", "",
                        _jpeg((60, 60, 200), (90, 160))),
        ),
        signatures=(
            RecordSignature("被检查单位", "王某某", "2026-11-28 11:01", b"", REFUSAL),
            RecordSignature("检查人员", "张伟", "2026-11-28 11:02", _signature_png(), ""),
        ),
        content_hash=hashlib.sha256(b"the record").hexdigest(),
        revision_of="",
        revision_reason="",
        generated_at="2026-11-28 11:05",
    )


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    path = tmp_path / "record.pdf"
    path.write_bytes(render_record_pdf(_document()))
    return path


def _text(path: Path) -> str:
    return run(tool("pdftotext"), "-layout", str(path), "-")


def _flowing(path: Path) -> str:
    """The text in drawing order without any whitespace: a cell's wrapped lines joined up."""
    return "".join(run(tool("pdftotext"), "-raw", str(path), "-").split())


def _squeezed_lines(text: str) -> list[str]:
    """Each line without its whitespace, so that a hash is found whatever the spacing."""
    return ["".join(line.split()) for line in text.splitlines()]


def test_everything_the_record_says_can_be_read_back(record_file: Path) -> None:
    document = _document()
    text = _text(record_file)
    squeezed = _squeezed_lines(text)
    for expected in ("现场检查笔录", "张伟", "李娜", "11010020230001", "11010020230002",
                     "石家庄市长安区某某便利店", "91130102MA0ABCDE1X", "SJ-2026-0042",
                     "2026-11-28 09:30 至 2026-11-28 11:02", "已向当事人出示执法证件：是",
                     "检查人员声明与检查对象无利害关系：是", "B 未按规定公示应当公示的信息",
                     "与建议结果不同的理由", "责令改正，期限 2026-12-10", "移交执法机构处理",
                     "38.1460, 114.5200"):
        assert expected in text, expected
    assert any("第1页" in line for line in squeezed)  # pdftotext drops the footer's spaces
    for hash_ in (*(photo.sha256 for photo in document.photos), document.content_hash):
        assert any(hash_ in line for line in squeezed), hash_
    assert any("拒绝签名，理由：" in line for line in squeezed)
    assert f"拒绝签名，理由：{REFUSAL}" in _flowing(record_file)


def test_the_check_table_spans_pages_numbered_n_of_m(record_file: Path) -> None:
    text = _text(record_file)
    pages = text.rstrip("\f").split("\f")
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页/共{len(pages)}页" in "".join(_squeezed_lines(page))
    assert sum(page.count("检查事项") >= 1 for page in pages) >= 2  # heading repeated


def test_answers_show_sections_problems_key_items_basis_and_photos(record_file: Path) -> None:
    squeezed = "\n".join(_squeezed_lines(_text(record_file)))
    flowing = _flowing(record_file)
    for section in SECTIONS:
        assert section in squeezed
    assert squeezed.count("【不符合】") == 3  # items 7, 14 and 21
    assert "（重点）" in squeezed
    assert "《中华人民共和国食品安全法》第五十三条" in squeezed
    assert "照片1、2" in squeezed
    assert "问题7：部分批次食品未能提供合格证明文件，现场已责令补正" in flowing


def test_every_font_is_embedded(record_file: Path) -> None:
    listing = run(tool("pdffonts"), str(record_file)).splitlines()
    header = listing[0]
    emb = header.index(" emb") + 1
    rows = listing[2:]
    assert rows
    for row in rows:
        assert row[emb:emb + 3] == "yes", row


def test_thumbnails_and_the_signature_are_drawn(record_file: Path) -> None:
    listing = run(tool("pdfimages"), "-list", str(record_file)).splitlines()[2:]
    types = [row.split()[2] for row in listing]
    assert types.count("image") == 3  # two thumbnails and one signature (plus its mask)


def _word_boxes(path: Path) -> list[tuple[str, float, float]]:
    xhtml = run(tool("pdftotext"), "-bbox", str(path), "-")
    return [(word, float(y_min), float(y_max)) for y_min, y_max, word in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
        xhtml)]


def _assert_nothing_below_the_margin(path: Path) -> None:
    limit = A4_HEIGHT_PT - BOTTOM_MARGIN_PT
    boxes = _word_boxes(path)
    assert boxes
    for word, y_min, y_max in boxes:
        assert y_max <= limit + 1 or y_min >= limit + 5, (word, y_min, y_max)  # or footer


def test_nothing_is_drawn_into_the_footer(record_file: Path) -> None:
    _assert_nothing_below_the_margin(record_file)


def test_a_row_taller_than_a_page_continues_on_the_next(tmp_path: Path) -> None:
    note = "。".join(f"第 {n} 条发现：货架上的散装食品未标明生产日期和保质期" for n in range(90))
    answers = (replace(_answer(1), note=note + "。记录完毕"), _answer(2))
    path = tmp_path / "long.pdf"
    path.write_bytes(render_record_pdf(replace(_document(), answers=answers)))
    wanted = "".join(note.split()) + "。记录完毕"
    pages = run(tool("pdftotext"), "-raw", str(path), "-").split("\f")
    fragments = [[line for line in _squeezed_lines(page) if len(line) > 1 and line in wanted]
                 for page in pages]
    assert "".join(line for page in fragments for line in page) == wanted
    assert sum(bool(page) for page in fragments) >= 2  # the note goes on over a page break
    _assert_nothing_below_the_margin(path)


def test_a_correction_says_what_it_corrects(tmp_path: Path) -> None:
    earlier = hashlib.sha256(b"earlier").hexdigest()
    path = tmp_path / "revision.pdf"
    path.write_bytes(render_record_pdf(replace(
        _document(), revision_of=earlier, revision_reason="检查地点填写有误")))
    squeezed = "".join(_squeezed_lines(_text(path)))
    assert f"本记录更正SHA-256为{earlier}的记录，理由：检查地点填写有误" in squeezed


def test_empty_fields_print_a_dash(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(render_record_pdf(replace(
        _document(), legal_representative="", location="", follow_up=())))
    lines = _text(path).splitlines()
    assert any("检查地点" in line and "—" in line for line in lines)
    assert any("后续处置措施：—" in line for line in lines)


def test_an_unreadable_thumbnail_is_said_so(tmp_path: Path) -> None:
    document = _document()
    broken = replace(document.photos[0], thumbnail_jpeg=b"not a jpeg")
    path = tmp_path / "broken.pdf"
    path.write_bytes(render_record_pdf(replace(document, photos=(broken,))))
    text = _text(path)
    assert "缩略图无法显示" in text
    assert any(broken.sha256 in line for line in _squeezed_lines(text))


def test_an_unreadable_signature_is_an_error() -> None:
    document = _document()
    broken = replace(document.signatures[1], image_png=b"not a png")
    with pytest.raises(RecordPdfError) as raised:
        render_record_pdf(replace(document, signatures=(broken,)))
    assert "张伟" in raised.value.text.zh


def test_the_output_is_deterministic() -> None:
    assert render_record_pdf(_document()) == render_record_pdf(_document())


def test_the_metadata_names_the_record(record_file: Path) -> None:
    info = run(tool("pdfinfo"), str(record_file))
    assert re.search(r"^Title: +现场检查笔录 石家庄市长安区某某便利店$", info, re.MULTILINE)
    assert re.search(r"^Creator: +Inspector$", info, re.MULTILINE)
    assert re.search(r"^CreationDate: +Sat Nov 28 03:05:00 2026 UTC$", info, re.MULTILINE)


def test_a_configured_font_that_does_not_exist_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.ttc"
    with pytest.raises(RecordPdfError) as raised:
        render_record_pdf(_document(), font=missing)
    assert str(missing) in raised.value.text.zh
    assert str(missing) in str(raised.value)


def test_a_file_that_is_no_font_is_an_error(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.ttc"
    garbage.write_bytes(b"this is not a font")
    with pytest.raises(RecordPdfError) as raised:
        render_record_pdf(_document(), font=garbage)
    assert str(garbage) in raised.value.text.zh


def test_without_any_chinese_font_it_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_font(explicit: Path | None = None) -> Path:
        raise StampFontError(LocalText("找不到中文字体", "no Chinese font"))

    monkeypatch.setattr(pdf_font, "find_cjk_font", no_font)
    with pytest.raises(RecordPdfError) as raised:
        render_record_pdf(_document())
    assert isinstance(raised.value, ValueError)
    assert "fonts-wqy-microhei" in raised.value.text.zh
    assert "fonts-wqy-microhei" in raised.value.text.en
