"""Row-level import results: every rejection reason, warnings, and what reaches the database."""

from __future__ import annotations

import json
from pathlib import Path

from inspector.core.directory_rows import Severity
from inspector.services.directory_import import ImportKind, ImportSummary
from inspector.services.workspace import Workspace
from tests.integration.support import (
    ENTITY_HEADER,
    INSPECTOR_HEADER,
    count,
    credit_codes,
    entity_row,
    inspector_row,
    query,
    run_import,
    write_csv,
)


def _errors(summary: ImportSummary) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for problem in summary.problems:
        if problem.severity is Severity.ERROR:
            found.setdefault(problem.row, []).append((problem.column, problem.message.en))
    return found


def _wrong_check(code: str) -> str:
    return code[:17] + ("1" if code[17] != "1" else "2")


def test_each_bad_entity_row_is_rejected_with_its_reason(
    workspace: Workspace, inbox: Path
) -> None:
    good, bad_check, illegal, short, no_name, risky, typed, status, region, spare = (
        credit_codes(10, seed=7)
    )
    rows = [
        entity_row(good, "正定县鑫盛农资有限公司"),                       # 2 accepted
        entity_row(_wrong_check(bad_check), "校验码错"),                  # 3
        entity_row(illegal[:10] + "I" + illegal[11:], "非法字符"),         # 4
        entity_row(short[:17], "长度不对"),                               # 5
        entity_row(no_name, ""),                                          # 6
        entity_row(risky, "风险等级错", risk="F"),                        # 7
        entity_row(good, "重复代码"),                                     # 8
        entity_row("", "没有代码"),                                       # 9
        (typed, "类型错", "股份公司", "130123", "", "", "", "", ""),      # 10
        entity_row(status, "状态错", status="营业中"),                    # 11
        (region, "区划错", "企业", "13012", "", "", "", "", ""),          # 12
        entity_row(spare.lower(), "小写代码也可接受"),                    # 13 accepted
    ]
    summary = run_import(workspace, ImportKind.ENTITIES,
                         write_csv(inbox / "entities.csv", ENTITY_HEADER, rows))

    errors = _errors(summary)
    assert set(errors) == set(range(3, 13))
    expected = {
        3: ("统一社会信用代码", f"should be '{bad_check[17]}'"),
        4: ("统一社会信用代码", "character 'I' at position 11 is not allowed"),
        5: ("统一社会信用代码", "length is 17"),
        6: ("名称", "name must not be empty"),
        7: ("风险等级", "one of A, B, C, D, E"),
        8: ("统一社会信用代码", "duplicates the code in row 2"),
        9: ("统一社会信用代码", "must not be empty"),
        10: ("主体类型", "'股份公司' is not recognised"),
        11: ("登记状态", "'营业中' is not recognised"),
        12: ("行政区划代码", "six digits"),
    }
    for row, (column, reason) in expected.items():
        assert any(c == column and reason in message for c, message in errors[row]), (
            row, errors[row])
    assert summary.rows_read == 12
    assert summary.rejected_rows == 10
    assert summary.inserted == 2
    db = workspace.paths.database
    assert query(db, "SELECT identifier, name FROM market_entity ORDER BY id") == [
        (good, "正定县鑫盛农资有限公司"),
        (spare, "小写代码也可接受"),
    ]


def test_warnings_never_reject_a_row(workspace: Workspace, inbox: Path) -> None:
    (code,) = credit_codes(1, seed=8)
    rows = [
        # Domain vector: valid MOD 31, but positions 9-17 fail the GB 11714 check.
        ("911301005000002000", "体检告警公司", "企业", "130100", "", "", "", "A", "存续"),
        # A region code outside the division table (development zones use such codes).
        (code, "开发区公司", "企业", "139999", "", "", "", "", ""),
        # No region given: the registration authority's code is taken from the code.
        ("92130102MA0ABCDE69", "个体户", "", "", "", "", "", "", ""),
    ]
    summary = run_import(workspace, ImportKind.ENTITIES,
                         write_csv(inbox / "warned.csv", ENTITY_HEADER, rows))
    assert summary.rejected_rows == 0
    assert summary.inserted == 3
    warnings = {(p.row, p.column) for p in summary.problems if p.severity is Severity.WARNING}
    assert warnings == {(2, "统一社会信用代码"), (3, "行政区划代码"), (4, "行政区划代码")}
    assert summary.warnings == 3
    assert query(workspace.paths.database,
                 "SELECT identifier, entity_type, region_code, risk_class, registration_status "
                 "FROM market_entity ORDER BY id") == [
        ("911301005000002000", "enterprise", "130100", "A", "active"),
        (code, "enterprise", "139999", None, "active"),
        ("92130102MA0ABCDE69", "individual", "130102", None, "active"),
    ]


def test_normalised_and_legacy_identifiers_are_stored_in_canonical_form(
    workspace: Workspace, inbox: Path
) -> None:
    rows = [
        entity_row("９１４４０３００１９２２０３８２１６", "全角代码"),
        entity_row(" 91330100716105852F ", "带空格"),
        entity_row("130100000012348", "旧注册号"),
    ]
    summary = run_import(workspace, ImportKind.ENTITIES,
                         write_csv(inbox / "forms.csv", ENTITY_HEADER, rows))
    assert (summary.inserted, summary.rejected_rows) == (3, 0)
    assert query(workspace.paths.database,
                 "SELECT identifier, identifier_kind FROM market_entity ORDER BY id") == [
        ("914403001922038216", "uscc"),
        ("91330100716105852F", "uscc"),
        ("130100000012348", "legacy_reg"),
    ]


def test_each_bad_inspector_row_is_rejected_with_its_reason(
    workspace: Workspace, inbox: Path
) -> None:
    rows = [
        inspector_row("ZD001", "王建国"),                                          # 2 accepted
        inspector_row("ZD002", "李秀英", valid_from="2024-13-01"),                 # 3
        inspector_row("ZD003", "张志强", valid_to="明年"),                         # 4
        inspector_row("ZD004", "刘丽娟", valid_to=""),                             # 5
        inspector_row("ZD001", "陈海涛"),                                          # 6
        inspector_row("ZD005", "杨春梅", valid_from="2025-01-01", valid_to="2024-01-01"),  # 7
        inspector_row("ZD006", "赵永刚", cert=""),                                 # 8
        inspector_row("ZD007", "黄玉兰", active="也许"),                           # 9
        ("ZD008", "周国庆", "", "130123", "", "", "", "", "", ""),                # 10
        inspector_row("ZD009", "吴红霞", valid_from="2024年3月1日", valid_to="20290301"),  # 11 ok
        inspector_row("ZD010", "徐立新", cert="", valid_from="", valid_to=""),     # 12 ok
    ]
    summary = run_import(workspace, ImportKind.INSPECTORS,
                         write_csv(inbox / "inspectors.csv", INSPECTOR_HEADER, rows))

    errors = _errors(summary)
    expected = {
        3: ("有效期起", "'2024-13-01' is not a valid date"),
        4: ("有效期至", "'明年' is not a valid date"),
        5: ("有效期至", "a certificate number needs a 'valid to' date"),
        6: ("工号", "duplicates the staff id in row 2"),
        7: ("有效期至", "'valid to' is before 'valid from'"),
        8: ("执法证号", "validity dates given without a certificate number"),
        9: ("在岗", "'active' must be yes or no"),
        10: ("单位", "unit must not be empty"),
    }
    assert set(errors) == set(expected)
    for row, (column, reason) in expected.items():
        assert any(c == column and reason in message for c, message in errors[row]), (
            row, errors[row])
    assert (summary.rows_read, summary.inserted, summary.rejected_rows) == (11, 3, 8)
    stored = query(workspace.paths.database,
                   "SELECT staff_id, cert_number, cert_valid_from, cert_valid_to, "
                   "qualifications, active FROM inspector ORDER BY id")
    assert [(s[0], s[1], s[2], s[3], json.loads(str(s[4])), s[5]) for s in stored] == [
        ("ZD001", "冀13012324001", "2024-01-01", "2029-01-01", ["食品", "计量"], 1),
        ("ZD009", "冀13012324001", "2024-03-01", "2029-03-01", ["食品", "计量"], 1),
        ("ZD010", "", None, None, ["食品", "计量"], 1),
    ]


def test_duplicate_names_the_first_accepted_row(workspace: Workspace, inbox: Path) -> None:
    code, other = credit_codes(2, seed=9)
    rows = [
        entity_row(code, ""),                 # 2: rejected (no name), so it does not count
        entity_row(other, "另一家"),          # 3
        entity_row(code, "第一次有效"),        # 4: the first accepted use of the code
        entity_row(code.lower(), "又一次"),    # 5: duplicate of row 4 after normalising
    ]
    summary = run_import(workspace, ImportKind.ENTITIES,
                         write_csv(inbox / "dups.csv", ENTITY_HEADER, rows))
    errors = _errors(summary)
    assert set(errors) == {2, 5}
    assert any("duplicates the code in row 4" in message for _, message in errors[5])
    assert count(workspace.paths.database, "market_entity") == 2
    assert query(workspace.paths.database,
                 "SELECT name FROM market_entity WHERE identifier = ?", code) == [("第一次有效",)]
