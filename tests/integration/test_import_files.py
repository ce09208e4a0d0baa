"""Whole-file import behaviour: encodings, workbooks, and files that are refused outright."""

from __future__ import annotations

import codecs
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.core.directory_rows import Severity
from inspector.services.directory_import import ImportFileError, ImportKind, report_path_for
from inspector.services.workspace import Workspace
from tests.integration.support import (
    ENTITY_HEADER,
    INSPECTOR_HEADER,
    count,
    credit_codes,
    csv_text,
    entity_row,
    query,
    run_import,
    snapshot,
    write_csv,
    write_xlsx,
)

NAMES = ("正定县鑫盛农资有限公司", "正定县正定镇王记副食店", "正定县塔元庄蔬菜种植专业合作社")
RARE_NAME = "正定县刘䶮𠮷记小吃部"  # 䶮 and 𠮷 are in GB18030 but not in GBK


@pytest.mark.parametrize(
    "case",
    [
        ("utf-8", b"", "utf-8", NAMES),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig", NAMES),
        ("gbk", b"", "gb18030", NAMES),
        ("gb18030", b"", "gb18030", (*NAMES, RARE_NAME)),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16", (*NAMES, RARE_NAME)),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16", (*NAMES, RARE_NAME)),
    ],
    ids=lambda case: f"{case[0]}{'-bom' if case[1] else ''}",
)
def test_csv_in_each_encoding_keeps_chinese_text_intact(
    workspace: Workspace, inbox: Path, case: tuple[str, bytes, str, tuple[str, ...]]
) -> None:
    encoding, bom, reported, names = case
    codes = credit_codes(len(names), seed=11)
    rows = [entity_row(code, name) for code, name in zip(codes, names, strict=True)]
    path = inbox / f"entities-{encoding}.csv"
    path.write_bytes(bom + csv_text(ENTITY_HEADER, rows).encode(encoding))

    summary = run_import(workspace, ImportKind.ENTITIES, path)

    assert summary.encoding == reported
    assert (summary.inserted, summary.rejected_rows, summary.warnings) == (len(names), 0, 0)
    assert query(workspace.paths.database,
                 "SELECT identifier, name, address FROM market_entity ORDER BY id") == [
        (code, name, "河北省石家庄市正定县中山路1号") for code, name in zip(codes, names,
                                                                    strict=True)
    ]


def test_gbk_export_is_really_not_utf8() -> None:
    """Guards the encoding cases above: the GBK bytes must not also be valid UTF-8."""
    data = csv_text(ENTITY_HEADER, [entity_row("x", NAMES[0])]).encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    with pytest.raises(UnicodeEncodeError):
        RARE_NAME.encode("gbk")


def test_excel_unicode_text_is_tab_separated_utf16(workspace: Workspace, inbox: Path) -> None:
    codes = credit_codes(2, seed=12)
    rows = [entity_row(code, f"制表符分隔{n}号店") for n, code in enumerate(codes, 1)]
    path = inbox / "unicode-text.txt"
    path.write_bytes(csv_text(ENTITY_HEADER, rows, delimiter="\t").encode("utf-16"))
    summary = run_import(workspace, ImportKind.ENTITIES, path)
    assert (summary.encoding, summary.inserted, summary.rejected_rows) == ("utf-16", 2, 0)


def test_undecodable_csv_is_refused(workspace: Workspace, inbox: Path) -> None:
    path = inbox / "broken.csv"
    path.write_bytes("统一社会信用代码,名称\n".encode() + b"\xff\xfe\xff,abc\n")
    before = snapshot(workspace.paths.database)
    with pytest.raises(ImportFileError) as refused:
        run_import(workspace, ImportKind.ENTITIES, path)
    assert "cannot decode broken.csv" in refused.value.text.en
    assert "编码无法识别" in refused.value.text.zh
    assert snapshot(workspace.paths.database) == before


def test_xlsx_with_chinese_headers(workspace: Workspace, inbox: Path) -> None:
    codes = credit_codes(3, seed=13)
    rows: list[tuple[object, ...]] = [
        entity_row(code, name) for code, name in zip(codes, NAMES, strict=True)
    ]
    # Region codes typed as numbers are fine: six digits survive as an integer.
    rows[1] = (*rows[1][:3], 130123, *rows[1][4:])
    path = write_xlsx(inbox / "名录.xlsx", ENTITY_HEADER, rows)
    summary = run_import(workspace, ImportKind.ENTITIES, path)
    assert (summary.inserted, summary.rejected_rows) == (3, 0)
    assert summary.sheet == "名录"
    assert summary.encoding is None
    assert query(workspace.paths.database,
                 "SELECT identifier, name, region_code FROM market_entity ORDER BY id") == [
        (code, name, "130123") for code, name in zip(codes, NAMES, strict=True)
    ]


def test_xlsx_with_english_headers_and_an_unknown_column(
    workspace: Workspace, inbox: Path
) -> None:
    code, other = credit_codes(2, seed=14)
    header = ("credit_code", "name", "type", "region", "address", "legal_rep", "industry",
              "risk", "status", "remarks")
    rows = [
        (code, "Zhengding Trading Co.", "enterprise", "130123", "1 Zhongshan Rd", "Wang",
         "retail", "C", "active", "ok"),
        (other, "Li's shop", "individual", "130123", "", "", "", "", "revoked", ""),
    ]
    summary = run_import(workspace, ImportKind.ENTITIES,
                         write_xlsx(inbox / "english.xlsx", header, rows))
    assert (summary.inserted, summary.rejected_rows) == (2, 0)
    assert summary.ignored_columns == ("remarks",)
    assert query(workspace.paths.database,
                 "SELECT identifier, entity_type, risk_class, registration_status, address "
                 "FROM market_entity ORDER BY id") == [
        (code, "enterprise", "C", "active", "1 Zhongshan Rd"),
        (other, "individual", None, "revoked", ""),
    ]


def test_xlsx_code_stored_as_a_number_is_rejected_with_the_reason(
    workspace: Workspace, inbox: Path
) -> None:
    (good,) = credit_codes(1, seed=15)
    rows = [
        entity_row(good, "文本格式代码"),
        # 华为's code is all digits; typed into Excel it becomes a number.
        (914403001922038216, "数字格式代码", "企业", "130123", "", "", "", "", ""),
        (9.14403001922038e17, "科学计数法代码", "企业", "130123", "", "", "", "", ""),
    ]
    summary = run_import(workspace, ImportKind.ENTITIES,
                         write_xlsx(inbox / "numbers.xlsx", ENTITY_HEADER, rows))
    assert summary.inserted == 1
    assert summary.rejected_rows == 2
    for problem in summary.problems:
        assert problem.row in (3, 4)
        assert problem.column == "统一社会信用代码"
        assert "stored as a number" in problem.message.en
        assert "文本" in problem.message.zh
    assert query(workspace.paths.database, "SELECT identifier FROM market_entity") == [(good,)]


def test_xlsx_inspectors_with_real_date_cells(workspace: Workspace, inbox: Path) -> None:
    rows = [
        ("ZD001", "王建国", "执法大队", 130123, "冀13012324001", "石家庄市人民政府",
         datetime(2024, 1, 1), datetime(2029, 1, 1), "食品;计量", "是"),
        ("ZD002", "李秀英", "执法大队", "130123", "冀13012324002", "石家庄市人民政府",
         "2024/02/01", datetime(2028, 12, 31), "", "否"),
    ]
    summary = run_import(workspace, ImportKind.INSPECTORS,
                         write_xlsx(inbox / "inspectors.xlsx", INSPECTOR_HEADER, rows))
    assert (summary.inserted, summary.rejected_rows) == (2, 0)
    assert query(workspace.paths.database,
                 "SELECT staff_id, region_code, cert_valid_from, cert_valid_to, qualifications, "
                 "active FROM inspector ORDER BY id") == [
        ("ZD001", "130123", date(2024, 1, 1).isoformat(), "2029-01-01", '["食品", "计量"]', 1),
        ("ZD002", "130123", "2024-02-01", "2028-12-31", "[]", 0),
    ]


def _refused(workspace: Workspace, path: Path, kind: ImportKind = ImportKind.ENTITIES) -> str:
    """Import ``path`` expecting a refusal; checks nothing was written and returns the reason."""
    db = workspace.paths.database
    before = snapshot(db)
    with pytest.raises(ImportFileError) as refused:
        run_import(workspace, kind, path)
    assert snapshot(db) == before
    assert not report_path_for(path).exists()
    assert not workspace.paths.reports.exists()
    return refused.value.text.en


def test_empty_file_is_refused(workspace: Workspace, inbox: Path) -> None:
    path = inbox / "empty.csv"
    path.write_bytes(b"")
    assert "empty" in _refused(workspace, path)


def test_blank_lines_only_is_refused(workspace: Workspace, inbox: Path) -> None:
    path = inbox / "blank.csv"
    path.write_text("\r\n , ,\r\n\r\n", encoding="utf-8")
    assert "contains no data" in _refused(workspace, path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_header_only_file_is_refused(workspace: Workspace, inbox: Path, suffix: str) -> None:
    path = inbox / f"header-only{suffix}"
    if suffix == ".csv":
        write_csv(path, ENTITY_HEADER, [], encoding="utf-8-sig")
    else:
        write_xlsx(path, ENTITY_HEADER, [])
    assert "has a header but no data rows" in _refused(workspace, path)


def test_pdf_is_refused(workspace: Workspace, inbox: Path) -> None:
    path = inbox / "名录.pdf"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "unsupported file type '.pdf'" in _refused(workspace, path)


@pytest.mark.parametrize("name", ["old.xls", "renamed.xlsx", "renamed.csv"])
def test_old_excel_workbook_is_refused_by_its_magic_bytes(
    workspace: Workspace, inbox: Path, name: str
) -> None:
    path = inbox / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert "old Excel (.xls)" in _refused(workspace, path)


def test_csv_that_is_really_a_workbook_is_refused(workspace: Workspace, inbox: Path) -> None:
    workbook = write_xlsx(inbox / "real.xlsx", ENTITY_HEADER,
                          [entity_row(credit_codes(1)[0], "某公司")])
    path = inbox / "misnamed.csv"
    path.write_bytes(workbook.read_bytes())
    assert "rename it to .xlsx" in _refused(workspace, path)


def test_zip_that_is_not_a_workbook_is_refused(workspace: Workspace, inbox: Path) -> None:
    path = inbox / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert "not a valid .xlsx workbook" in _refused(workspace, path)


def test_text_renamed_to_xlsx_is_refused(workspace: Workspace, inbox: Path) -> None:
    path = write_csv(inbox / "text.xlsx", ENTITY_HEADER, [entity_row("x", "y")])
    assert "not a valid .xlsx workbook" in _refused(workspace, path)


def test_missing_file_is_refused(workspace: Workspace, inbox: Path) -> None:
    with pytest.raises(ImportFileError) as refused:
        run_import(workspace, ImportKind.ENTITIES, inbox / "nowhere.csv")
    assert "nowhere.csv" in refused.value.text.en


def test_missing_required_entity_column_is_named(workspace: Workspace, inbox: Path) -> None:
    path = write_csv(inbox / "no-code.csv", ("名称", "行政区划代码"), [("某公司", "130123")])
    reason = _refused(workspace, path)
    assert "missing required columns: credit code" in reason
    with pytest.raises(ImportFileError) as refused:
        run_import(workspace, ImportKind.ENTITIES, path)
    assert "统一社会信用代码" in refused.value.text.zh


def test_missing_required_inspector_columns_are_all_named(
    workspace: Workspace, inbox: Path
) -> None:
    path = write_csv(inbox / "no-unit.csv", ("工号", "姓名"), [("ZD001", "王建国")])
    reason = _refused(workspace, path, ImportKind.INSPECTORS)
    assert "unit" in reason
    assert "region code" in reason
    assert "staff id" not in reason


def test_two_columns_meaning_the_same_field_are_refused(
    workspace: Workspace, inbox: Path
) -> None:
    path = write_csv(inbox / "twice.csv", ("统一社会信用代码", "名称", "企业名称"),
                     [(credit_codes(1)[0], "甲", "乙")])
    reason = _refused(workspace, path)
    assert "'名称' and '企业名称' both mean name" in reason


def test_entities_file_imported_as_inspectors_is_refused(
    workspace: Workspace, inbox: Path
) -> None:
    path = write_csv(inbox / "entities.csv", ENTITY_HEADER,
                     [entity_row(credit_codes(1)[0], "某公司")])
    assert "staff id" in _refused(workspace, path, ImportKind.INSPECTORS)
    assert count(workspace.paths.database, "inspector") == 0


def test_rows_with_fewer_cells_than_the_header_are_read(
    workspace: Workspace, inbox: Path
) -> None:
    code, other = credit_codes(2, seed=16)
    path = inbox / "ragged.csv"
    path.write_text(
        "统一社会信用代码,名称,行政区划代码,风险等级\n"
        f"{code},短行公司\n"
        f"{other},完整公司,130123,D,多余的格\n",
        encoding="utf-8",
    )
    summary = run_import(workspace, ImportKind.ENTITIES, path)
    assert summary.rejected_rows == 0
    assert summary.inserted == 2
    assert [p.severity for p in summary.problems] == [Severity.WARNING]  # region from code
    assert query(workspace.paths.database,
                 "SELECT region_code, risk_class FROM market_entity ORDER BY id") == [
        ("130123", None), ("130123", "D"),
    ]
