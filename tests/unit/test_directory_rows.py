"""Spreadsheet rows to directory records: headers, every rejection reason, fast path."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.core.credit_codes import IdentifierKind, uscc_check_character
from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.core.directory_rows import (
    ENTITY_FIELDS,
    INSPECTOR_FIELDS,
    ColumnMap,
    EntityRowValidator,
    HeaderError,
    InspectorRowValidator,
    Severity,
)
from inspector.core.divisions import DivisionTable

CSV = Path(__file__).resolve().parents[2] / "resources" / "divisions" / "hebei-divisions.csv"
DIVISIONS = DivisionTable.from_csv_text(CSV.read_text(encoding="utf-8"))
ENTITY_HEADER = ["统一社会信用代码", "名称", "主体类型", "行政区划代码", "住所", "法定代表人",
                 "行业", "风险等级", "登记状态"]
INSPECTOR_HEADER = ["工号", "姓名", "单位", "行政区划代码", "执法证号", "发证机关", "有效期起",
                    "有效期至", "执法资格", "在岗"]


def code(body: str = "MA0ABCDE6", kind: str = "1", region: str = "130123") -> str:
    first17 = f"9{kind}{region}{body}"
    return first17 + uscc_check_character(first17)


def entity_validator(header: list[str] = ENTITY_HEADER) -> EntityRowValidator:
    return EntityRowValidator(ColumnMap.from_header(header, ENTITY_FIELDS), DIVISIONS)


def inspector_validator() -> InspectorRowValidator:
    return InspectorRowValidator(ColumnMap.from_header(INSPECTOR_HEADER, INSPECTOR_FIELDS),
                                 DIVISIONS)


def test_english_and_decorated_headers_are_recognised() -> None:
    header = ["Credit_Code", "NAME", "type", " region ", "Address", "legal_rep", "industry",
              "risk", "status", "notes"]
    mapped = ColumnMap.from_header(header, ENTITY_FIELDS)
    assert mapped.index["identifier"] == 0 and mapped.index["registration_status"] == 8
    assert mapped.ignored == ("notes",)
    starred = ColumnMap.from_header(["统一社会信用代码*", "名称＊", "住所（经营场所）"],
                                    ENTITY_FIELDS)
    assert set(starred.index) == {"identifier", "name", "address"}


def test_missing_required_column_is_named() -> None:
    with pytest.raises(HeaderError) as raised:
        ColumnMap.from_header(["名称", "住所"], ENTITY_FIELDS)
    assert "统一社会信用代码" in raised.value.text.zh
    assert "credit code" in raised.value.text.en


def test_two_headers_for_one_field_are_refused() -> None:
    with pytest.raises(HeaderError) as raised:
        ColumnMap.from_header(["统一社会信用代码", "注册号", "名称"], ENTITY_FIELDS)
    assert "注册号" in raised.value.text.zh


def test_valid_row_becomes_a_record() -> None:
    row = [code(), "正定县恒通服装有限公司", "企业", "130123", "正定镇中山路1号", "李明亮",
           "零售业", "B", "存续"]
    record, problems = entity_validator().validate(2, row)
    assert problems == []
    assert record is not None
    assert record.identifier_kind is IdentifierKind.USCC
    assert record.entity_type is EntityType.ENTERPRISE
    assert record.risk_class is RiskClass.B
    assert record.registration_status is RegistrationStatus.ACTIVE


def test_type_is_inferred_from_the_code_when_the_column_is_absent() -> None:
    validator = entity_validator(["统一社会信用代码", "名称", "行政区划代码"])
    record, _ = validator.validate(2, [code(kind="2"), "张记副食店", "130123"])
    assert record is not None and record.entity_type is EntityType.INDIVIDUAL


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        (0, "91130123MA0ABCDE6X", "校验码应为"),
        (0, "9113012", "长度为7位"),
        (0, "91130123MA0ABCDEOF", "第17位字符“O”"),
        (0, "", "不能为空"),
        (1, "", "名称不能为空"),
        (2, "外资公司", "主体类型“外资公司”无法识别"),
        (3, "13012X", "6位数字"),
        (7, "F", "风险等级应为"),
        (8, "破产", "登记状态“破产”无法识别"),
        (4, "长" * 501, "超过500个字符"),
    ],
)
def test_each_reason_names_row_column_and_value(column: int, value: str, fragment: str) -> None:
    row = [code(), "正定县恒通服装有限公司", "企业", "130123", "正定镇中山路1号", "李明亮",
           "零售业", "B", "存续"]
    row[column] = value
    record, problems = entity_validator().validate(7, row)
    assert record is None
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert errors, problems
    assert errors[0].row == 7
    assert errors[0].column == ENTITY_HEADER[column]
    assert fragment in errors[0].message.zh


def test_duplicate_code_names_the_first_row() -> None:
    validator = entity_validator()
    row = [code(), "甲", "企业", "130123", "", "", "", "", ""]
    assert validator.validate(2, row)[0] is not None
    record, problems = validator.validate(9, [code().lower(), "乙", "企业", "130123", "", "",
                                              "", "", ""])
    assert record is None
    assert "第2行" in problems[0].message.zh


def test_unknown_region_and_body_check_are_warnings_only() -> None:
    first17 = "91133100500000200"  # 雄安新区 registration authority; body fails GB 11714
    row = [first17 + uscc_check_character(first17), "雄安某公司", "企业", "133100", "", "", "",
           "", ""]
    record, problems = entity_validator().validate(3, row)
    assert record is not None
    assert {p.severity for p in problems} == {Severity.WARNING}
    assert {p.column for p in problems} == {"统一社会信用代码", "行政区划代码"}


def test_blank_region_falls_back_to_the_registration_authority_with_a_warning() -> None:
    row = [code(region="130181"), "辛集某公司", "企业", "", "", "", "", "", ""]
    record, problems = entity_validator().validate(4, row)
    assert record is not None and record.region_code == "130181"
    assert problems[0].severity is Severity.WARNING


def test_excel_number_for_an_18_digit_code_is_refused_clearly() -> None:
    row = [914403001922038216.0, "华为", "企业", "130123", "", "", "", "", ""]
    record, problems = entity_validator().validate(5, row)
    assert record is None
    assert "文本" in problems[0].message.zh


def test_legacy_registration_number_is_accepted() -> None:
    row = ["130100000012348", "老字号商店", "个体工商户", "130102", "", "", "", "", "吊销"]
    record, _ = entity_validator().validate(2, row)
    assert record is not None
    assert record.identifier_kind is IdentifierKind.LEGACY_REGISTRATION
    assert record.registration_status is RegistrationStatus.REVOKED


def test_inspector_row_with_dates_in_several_forms() -> None:
    row = ["ZD001", "陈建国", "正定县市场监督管理局", "130123", "冀1301230001", "石家庄市人民政府",
           datetime(2024, 1, 1), "2029年12月31日", "食品、计量;商标", "是"]
    record, problems = inspector_validator().validate(2, row)
    assert problems == []
    assert record is not None
    assert record.cert_valid_from == date(2024, 1, 1)
    assert record.cert_valid_to == date(2029, 12, 31)
    assert record.qualifications == ("食品", "计量", "商标")
    assert record.active


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({7: "2029-02-30"}, "日期“2029-02-30”无效"),
        ({7: ""}, "有执法证号时必须填写有效期至"),
        ({6: "2030-01-01", 7: "2029-01-01"}, "早于"),
        ({4: "", 5: ""}, "缺少执法证号"),
        ({9: "也许"}, "在岗状态"),
        ({0: ""}, "工号不能为空"),
    ],
)
def test_inspector_rejections(changes: dict[int, str], fragment: str) -> None:
    row = ["ZD001", "陈建国", "正定县市场监督管理局", "130123", "冀1301230001", "石家庄市人民政府",
           "2024-01-01", "2029-12-31", "食品", "是"]
    for column, value in changes.items():
        row[column] = value
    record, problems = inspector_validator().validate(2, row)
    assert record is None
    assert any(fragment in p.message.zh for p in problems), problems


def test_inspector_without_certificate_is_allowed_but_unqualified() -> None:
    row = ["ZD002", "新人", "正定县市场监督管理局", "130123", "", "", "", "", "", "否"]
    record, problems = inspector_validator().validate(2, row)
    assert problems == [] and record is not None
    assert record.cert_number == "" and not record.active


# The fast path must agree with the thorough one on every row it accepts.
_CELL = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "企业", "个体工商户", "Enterprise", "存续", "吊销", "active", "A",
                     "b", "E类", "F", "130123", "133100", "１３０１２３", "13012X", "正定镇",
                     "长" * 501]),
    st.text(max_size=12),
    st.integers(-5, 10**18),
)


@st.composite
def entity_rows(draw: st.DrawFn) -> list[object]:
    rng = random.Random(draw(st.integers(0, 10**6)))
    body = "MA" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    identifier = draw(st.sampled_from([
        code(body), code(body).lower(), f" {code(body)} ", code(body)[:-1] + "Z",
        "130100000012348", "", code(body, region="133100")]))
    cells = [identifier] + [draw(_CELL) for _ in range(8)]
    if draw(st.booleans()):
        cells[1] = "正定县某商店"
        cells[3] = "130123"
    return cells[:draw(st.integers(1, 9))]  # spreadsheets drop trailing empty cells


@settings(max_examples=300)
@given(rows=st.lists(entity_rows(), min_size=1, max_size=5))
def test_fast_and_thorough_validation_agree(rows: list[list[object]]) -> None:
    fast = entity_validator()
    thorough = entity_validator()
    for number, row in enumerate(rows, start=2):
        assert fast.validate(number, row) == thorough.validate_thoroughly(number, row)  # type: ignore[arg-type]
