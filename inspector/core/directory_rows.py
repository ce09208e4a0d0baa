"""Turning spreadsheet rows into directory records, with a reason for every rejected cell.

Contract: pure. A :class:`ColumnMap` recognises Chinese or English headers (full-width
forms, spaces and trailing ``*`` marks are ignored). A validator takes one row of cell
values (strings from CSV; strings, numbers and datetimes from Excel) with its row
number as the spreadsheet shows it and returns a record, or problems that name the row,
the column and the reason in both languages. Duplicate keys within one file are
rejected with the row that first used the key. Warnings (an unknown region code, a
failed GB 11714 body check) never reject a row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from operator import itemgetter
from typing import TypeVar

from inspector.core.credit_codes import (
    IdentifierKind,
    body_check_passes,
    check_identifier,
    is_valid_uscc,
)
from inspector.core.directory import (
    EntityRecord,
    EntityType,
    InspectorRecord,
    RegistrationStatus,
    RiskClass,
    entity_type_from_uscc,
)
from inspector.core.divisions import DivisionTable
from inspector.core.text import LocalText

Cell = str | int | float | date | datetime | None
_T = TypeVar("_T")

MAX_TEXT = 500
_EXCEL_EXACT_DIGITS = 15


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One rejected (or suspicious) cell: spreadsheet row number, column header, value, reason."""

    row: int
    column: str
    value: str
    message: LocalText
    severity: Severity = Severity.ERROR


@dataclass(frozen=True, slots=True)
class Field:
    """A column the importer understands: its key, its header aliases, whether required."""

    key: str
    label: LocalText
    aliases: tuple[str, ...]
    required: bool = False


class HeaderError(ValueError):
    """The header row cannot be used; the message names the columns concerned."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message.zh)
        self.text = message


def normalize_header(cell: Cell) -> str:
    text = unicodedata.normalize("NFKC", "" if cell is None else str(cell))
    return re.sub(r"[\s*＊:：]", "", text).lower()


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which column index holds each known field, and the headers as the file spells them."""

    index: dict[str, int]
    headers: dict[str, str]
    ignored: tuple[str, ...]

    @classmethod
    def from_header(cls, cells: Sequence[Cell], fields: Sequence[Field]) -> ColumnMap:
        lookup = {normalize_header(alias): f for f in fields for alias in (f.key, *f.aliases)}
        index: dict[str, int] = {}
        headers: dict[str, str] = {}
        ignored: list[str] = []
        for position, cell in enumerate(cells):
            raw = "" if cell is None else str(cell).strip()
            if not raw:
                continue
            found = lookup.get(normalize_header(raw))
            if found is None:
                ignored.append(raw)
                continue
            if found.key in index:
                raise HeaderError(
                    LocalText(
                        zh=f"表头中“{headers[found.key]}”和“{raw}”都表示{found.label.zh}，请只保留一列",
                        en=f"headers '{headers[found.key]}' and '{raw}' both mean "
                        f"{found.label.en}; keep one",
                    )
                )
            index[found.key] = position
            headers[found.key] = raw
        missing = [f for f in fields if f.required and f.key not in index]
        if missing:
            names_zh = "、".join(f"{f.label.zh}（如“{f.aliases[0]}”）" for f in missing)
            names_en = ", ".join(f"{f.label.en} (e.g. '{f.key}')" for f in missing)
            raise HeaderError(
                LocalText(
                    zh=f"缺少必需的列：{names_zh}。请检查第一行是否为表头",
                    en=f"missing required columns: {names_en}. Is the first row the header?",
                )
            )
        return cls(index, headers, tuple(ignored))


ENTITY_FIELDS: tuple[Field, ...] = (
    Field(
        "identifier",
        LocalText("统一社会信用代码", "credit code"),
        ("统一社会信用代码", "信用代码", "社会信用代码", "统一社会信用代码/注册号",
         "统一社会信用代码(注册号)", "注册号", "credit_code", "uscc", "code"),
        required=True,
    ),
    Field(
        "name",
        LocalText("名称", "name"),
        ("名称", "企业名称", "主体名称", "市场主体名称", "单位名称", "name"),
        required=True,
    ),
    Field("entity_type", LocalText("主体类型", "entity type"),
          ("主体类型", "市场主体类型", "类型", "企业类型", "type")),
    Field(
        "region_code",
        LocalText("行政区划代码", "region code"),
        ("行政区划代码", "区划代码", "所属区域代码", "区域代码", "region"),
    ),
    Field("address", LocalText("住所", "address"),
          ("住所", "地址", "住所(经营场所)", "经营场所", "住所地址")),
    Field(
        "legal_representative",
        LocalText("法定代表人", "legal representative"),
        ("法定代表人", "负责人", "法定代表人(负责人)", "经营者", "legal_rep"),
    ),
    Field("industry", LocalText("行业", "industry"), ("行业", "所属行业", "行业类别")),
    Field("risk_class", LocalText("风险等级", "risk class"),
          ("风险等级", "信用风险分类", "风险分类", "信用风险等级", "risk")),
    Field(
        "registration_status",
        LocalText("登记状态", "registration status"),
        ("登记状态", "经营状态", "状态", "企业状态", "status"),
    ),
)

INSPECTOR_FIELDS: tuple[Field, ...] = (
    Field("staff_id", LocalText("工号", "staff id"), ("工号", "人员编号", "编号", "staff_no"),
          required=True),
    Field("name", LocalText("姓名", "name"), ("姓名", "name"), required=True),
    Field("unit", LocalText("单位", "unit"), ("单位", "所属单位", "执法单位", "工作单位"),
          required=True),
    Field("region_code", LocalText("行政区划代码", "region code"),
          ("行政区划代码", "区划代码", "区域代码", "region"), required=True),
    Field("cert_number", LocalText("执法证号", "certificate number"),
          ("执法证号", "行政执法证号", "证号", "执法证件号", "certificate")),
    Field("cert_authority", LocalText("发证机关", "issuing authority"),
          ("发证机关", "发证单位", "authority")),
    Field("cert_valid_from", LocalText("有效期起", "valid from"),
          ("有效期起", "证件有效期起", "有效期开始", "发证日期", "valid_from")),
    Field("cert_valid_to", LocalText("有效期至", "valid to"),
          ("有效期至", "有效期止", "证件有效期至", "有效期截止", "valid_to", "valid_until")),
    Field("qualifications", LocalText("执法资格", "qualifications"),
          ("执法资格", "资格", "专业", "专业领域", "qualification")),
    Field("active", LocalText("在岗", "active"), ("在岗", "在岗状态", "人员状态", "状态")),
)

_ENTITY_TYPES = {
    **dict.fromkeys(("企业", "公司", "enterprise", "company"), EntityType.ENTERPRISE),
    **dict.fromkeys(("个体工商户", "个体户", "个体", "individual"), EntityType.INDIVIDUAL),
    **dict.fromkeys(("农民专业合作社", "农民合作社", "合作社", "cooperative"),
                    EntityType.COOPERATIVE),
    **dict.fromkeys(("其他", "other"), EntityType.OTHER),
}
_STATUSES = {
    **dict.fromkeys(("存续", "在营", "开业", "在业", "正常", "active"), RegistrationStatus.ACTIVE),
    **dict.fromkeys(("停业", "歇业", "suspended"), RegistrationStatus.SUSPENDED),
    **dict.fromkeys(("注销", "已注销", "cancelled", "deregistered"), RegistrationStatus.CANCELLED),
    **dict.fromkeys(("吊销", "被吊销", "已吊销", "revoked"), RegistrationStatus.REVOKED),
    **dict.fromkeys(("撤销", "被撤销", "withdrawn"), RegistrationStatus.WITHDRAWN),
    **dict.fromkeys(("迁出", "已迁出", "moved_out", "movedout"), RegistrationStatus.MOVED_OUT),
}
_RISK_LETTERS = {r.value: r for r in RiskClass}
_TRUE = frozenset(("是", "在岗", "在职", "正常", "有效", "1", "true", "yes", "y", "active"))
_FALSE = frozenset(("否", "离岗", "离职", "停用", "调离", "0", "false", "no", "n", "inactive"))
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_QUALIFICATION_SPLIT = re.compile(r"[;；,，、/|\s]+")


def cell_text(cell: Cell) -> str:
    """The text of a cell as a person reads it (an integral float loses its ``.0``)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


class _RowContext:
    """Collects the problems of one row; keeps call sites short."""

    __slots__ = ("cells", "column_map", "problems", "row")

    def __init__(self, row: int, cells: Sequence[Cell], column_map: ColumnMap) -> None:
        self.row = row
        self.cells = cells
        self.column_map = column_map
        self.problems: list[RowProblem] = []

    def raw(self, key: str) -> Cell:
        position = self.column_map.index.get(key)
        if position is None or position >= len(self.cells):
            return None
        return self.cells[position]

    def text(self, key: str) -> str:
        return cell_text(self.raw(key))

    def fail(self, key: str, value: str, message: LocalText,
             severity: Severity = Severity.ERROR) -> None:
        column = self.column_map.headers.get(key, key)
        self.problems.append(RowProblem(self.row, column, value, message, severity))

    @property
    def rejected(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def required_text(self, key: str, label: LocalText) -> str:
        value = self.text(key)
        if not value:
            self.fail(key, value, LocalText(f"{label.zh}不能为空", f"{label.en} must not be empty"))
        elif len(value) > MAX_TEXT:
            self.fail(key, value[:40] + "…", _too_long(label))
        return value

    def optional_text(self, key: str, label: LocalText) -> str:
        value = self.text(key)
        if len(value) > MAX_TEXT:
            self.fail(key, value[:40] + "…", _too_long(label))
        return value


def _too_long(label: LocalText) -> LocalText:
    return LocalText(f"{label.zh}超过{MAX_TEXT}个字符", f"{label.en} is longer than {MAX_TEXT}")


class EntityRowValidator:
    """Validates entity rows of one file; remembers keys to reject duplicates.

    :meth:`validate` first tries a fast path that accepts only rows needing no message
    at all (the common case in a 100,000-row import); anything else (a problem, a
    warning, a non-text cell) goes through :meth:`validate_thoroughly`, which explains
    every cell. Both give the same record for a row the fast path accepts (a property
    the tests check on random rows).
    """

    def __init__(self, column_map: ColumnMap, divisions: DivisionTable | None = None) -> None:
        self.column_map = column_map
        self.divisions = divisions
        self._seen: dict[str, int] = {}
        # Absent columns point at the None appended to every row (index -1).
        positions = [column_map.index.get(f.key, -1) for f in ENTITY_FIELDS]
        self._pick = itemgetter(*positions)

    def validate(self, row: int, cells: Sequence[Cell]) -> tuple[EntityRecord | None,
                                                                    list[RowProblem]]:
        record = self._validate_fast(cells)
        if record is None or record.identifier in self._seen:
            return self.validate_thoroughly(row, cells)
        self._seen[record.identifier] = row
        return record, []

    def _validate_fast(self, cells: Sequence[Cell]) -> EntityRecord | None:
        try:
            return self._accept_plain_row(cells)
        except (AttributeError, IndexError):  # a number where text was expected, a short row
            return None

    def _accept_plain_row(self, cells: Sequence[Cell]) -> EntityRecord | None:
        (identifier, name, kind, region, address, legal, industry, risk,
         status) = self._pick((*cells, None))
        code = identifier.strip().upper() if identifier else ""
        if not (code.isascii() and is_valid_uscc(code) and body_check_passes(code)):
            return None
        name = name.strip() if name else ""
        region = region.strip() if region else ""
        if not name or len(region) != 6 or not (region.isascii() and region.isdigit()) or (
            self.divisions is not None and region not in self.divisions
        ):
            return None
        kind = kind.strip() if kind else ""
        entity_type = (_ENTITY_TYPES.get(kind) or _ENTITY_TYPES.get(kind.lower())) if kind \
            else entity_type_from_uscc(code)
        risk = risk.strip() if risk else ""
        risk_class = _RISK_LETTERS.get(risk) if risk else None
        status = status.strip() if status else ""
        state = _STATUSES.get(status) if status else RegistrationStatus.ACTIVE
        address = address.strip() if address else ""
        legal = legal.strip() if legal else ""
        industry = industry.strip() if industry else ""
        if (entity_type is None or (risk and risk_class is None) or state is None
                or len(name) > MAX_TEXT or len(address) > MAX_TEXT or len(legal) > MAX_TEXT
                or len(industry) > MAX_TEXT):
            return None
        return EntityRecord(code, IdentifierKind.USCC, name, entity_type, region, address,
                            legal, industry, risk_class, state)

    def validate_thoroughly(self, row: int, cells: Sequence[Cell]) -> tuple[
            EntityRecord | None, list[RowProblem]]:
        """Validate every cell of the row and explain each problem."""
        ctx = _RowContext(row, cells, self.column_map)
        identifier = self._identifier(ctx)
        name = ctx.required_text("name", LocalText("名称", "name"))
        entity_type = self._entity_type(ctx, identifier)
        region = _region(ctx, self.divisions, _authority_region(identifier))
        risk = self._risk(ctx)
        status = _choice(ctx, "registration_status", _STATUSES, RegistrationStatus.ACTIVE,
                         LocalText("登记状态", "registration status"))
        address = ctx.optional_text("address", LocalText("住所", "address"))
        legal = ctx.optional_text("legal_representative", LocalText("法定代表人", "legal rep"))
        industry = ctx.optional_text("industry", LocalText("行业", "industry"))
        if identifier is not None and not ctx.rejected:
            first = self._seen.get(identifier[0])
            if first is not None:
                ctx.fail("identifier", identifier[0], LocalText(
                    f"与第{first}行的代码重复", f"duplicates the code in row {first}"))
            else:
                self._seen[identifier[0]] = row
        if ctx.rejected or identifier is None or entity_type is None or region is None:
            return None, ctx.problems
        record = EntityRecord(
            identifier=identifier[0],
            identifier_kind=identifier[1],
            name=name,
            entity_type=entity_type,
            region_code=region,
            address=address,
            legal_representative=legal,
            industry=industry,
            risk_class=risk,
            registration_status=status or RegistrationStatus.ACTIVE,
        )
        return record, ctx.problems

    @staticmethod
    def _identifier(ctx: _RowContext) -> tuple[str, IdentifierKind] | None:
        raw = ctx.raw("identifier")
        if isinstance(raw, int | float) and not isinstance(raw, bool) and (
            abs(raw) >= 10**_EXCEL_EXACT_DIGITS
        ):
            ctx.fail("identifier", cell_text(raw), LocalText(
                "代码被存成了数字，末几位可能已丢失；请把该列设为“文本”格式后重新导出",
                "the code was stored as a number and its last digits may be lost; "
                "format the column as text and export again"))
            return None
        text = cell_text(raw)
        if not text:
            ctx.fail("identifier", text, LocalText("统一社会信用代码不能为空",
                                                   "the credit code must not be empty"))
            return None
        verdict = check_identifier(text)
        for problem in verdict.problems:
            ctx.fail("identifier", text, problem.message)
        for warning in verdict.warnings:
            ctx.fail("identifier", text, warning.message, Severity.WARNING)
        if not verdict.valid or verdict.kind is None:
            return None
        return verdict.normalized, verdict.kind

    @staticmethod
    def _entity_type(
        ctx: _RowContext, identifier: tuple[str, IdentifierKind] | None
    ) -> EntityType | None:
        inferred = entity_type_from_uscc(identifier[0]) if identifier else None
        return _choice(ctx, "entity_type", _ENTITY_TYPES, inferred or EntityType.OTHER,
                       LocalText("主体类型", "entity type"))

    @staticmethod
    def _risk(ctx: _RowContext) -> RiskClass | None:
        text = ctx.text("risk_class")
        if not text:
            return None
        letter = unicodedata.normalize("NFKC", text).upper().removesuffix("类").removesuffix("级")
        try:
            return RiskClass(letter.strip())
        except ValueError:
            ctx.fail("risk_class", text, LocalText("风险等级应为 A、B、C、D、E 之一",
                                                   "the risk class must be one of A, B, C, D, E"))
            return None


class InspectorRowValidator:
    """Validates inspector rows of one file; remembers staff ids to reject duplicates."""

    def __init__(self, column_map: ColumnMap, divisions: DivisionTable | None = None) -> None:
        self.column_map = column_map
        self.divisions = divisions
        self._seen: dict[str, int] = {}

    def validate(self, row: int, cells: Sequence[Cell]) -> tuple[InspectorRecord | None,
                                                                    list[RowProblem]]:
        ctx = _RowContext(row, cells, self.column_map)
        staff_id = unicodedata.normalize("NFKC", ctx.required_text(
            "staff_id", LocalText("工号", "staff id"))).strip()
        name = ctx.required_text("name", LocalText("姓名", "name"))
        unit = ctx.required_text("unit", LocalText("单位", "unit"))
        region = _region(ctx, self.divisions, None)
        cert_number = unicodedata.normalize("NFKC", ctx.optional_text(
            "cert_number", LocalText("执法证号", "certificate number"))).strip()
        authority = ctx.optional_text("cert_authority", LocalText("发证机关", "authority"))
        valid_from = _date(ctx, "cert_valid_from")
        valid_to = _date(ctx, "cert_valid_to")
        if cert_number and valid_to is None and not ctx.text("cert_valid_to"):
            ctx.fail("cert_valid_to", "", LocalText(
                "有执法证号时必须填写有效期至", "a certificate number needs a 'valid to' date"))
        if valid_from and valid_to and valid_to < valid_from:
            ctx.fail("cert_valid_to", valid_to.isoformat(), LocalText(
                "有效期至早于有效期起", "'valid to' is before 'valid from'"))
        if not cert_number and (valid_from or valid_to):
            ctx.fail("cert_number", "", LocalText(
                "填写了有效期但缺少执法证号", "validity dates given without a certificate number"))
        active = _active(ctx)
        qualifications = tuple(
            q for q in _QUALIFICATION_SPLIT.split(ctx.text("qualifications")) if q
        )
        if staff_id and not ctx.rejected:
            first = self._seen.get(staff_id)
            if first is not None:
                ctx.fail("staff_id", staff_id, LocalText(
                    f"与第{first}行的工号重复", f"duplicates the staff id in row {first}"))
            else:
                self._seen[staff_id] = row
        if ctx.rejected or region is None:
            return None, ctx.problems
        return InspectorRecord(
            staff_id=staff_id,
            name=name,
            unit=unit,
            region_code=region,
            cert_number=cert_number,
            cert_authority=authority,
            cert_valid_from=valid_from,
            cert_valid_to=valid_to,
            qualifications=qualifications,
            active=active,
        ), ctx.problems


def _region(ctx: _RowContext, divisions: DivisionTable | None, fallback: str | None) -> str | None:
    text = unicodedata.normalize("NFKC", ctx.text("region_code")).strip()
    if not text:
        if fallback is None:
            ctx.fail("region_code", text, LocalText(
                "行政区划代码不能为空", "the region code must not be empty"))
            return None
        if "region_code" in ctx.column_map.index:
            ctx.fail("region_code", text, LocalText(
                f"为空，已取代码中的登记机关区划码 {fallback}",
                f"empty; used the registration authority's code {fallback} from the identifier"),
                Severity.WARNING)
        text = fallback
    if not (len(text) == 6 and text.isdigit()):
        ctx.fail("region_code", text, LocalText(
            "行政区划代码应为6位数字", "the region code must be six digits"))
        return None
    if divisions is not None and text not in divisions:
        ctx.fail("region_code", text, LocalText(
            "不在行政区划表中（开发区等代码可用，但请核对）",
            "not in the division table (development-zone codes are accepted; please check)"),
            Severity.WARNING)
    return text


def _authority_region(identifier: tuple[str, IdentifierKind] | None) -> str | None:
    """The registration authority's region code inside an identifier, if it has one."""
    if identifier is None:
        return None
    code, kind = identifier
    return code[2:8] if kind is IdentifierKind.USCC else code[:6]


def _choice(ctx: _RowContext, key: str, table: dict[str, _T], default: _T,
            label: LocalText) -> _T | None:
    text = ctx.text(key)
    if not text:
        return default
    value = table.get(unicodedata.normalize("NFKC", text).strip().lower())
    if value is None:
        allowed = sorted({k for k in table if not k.isascii()})
        ctx.fail(key, text, LocalText(
            f"{label.zh}“{text}”无法识别，可填：{'、'.join(allowed)}",
            f"{label.en} '{text}' is not recognised; use one of: {', '.join(allowed)}"))
    return value


def _date(ctx: _RowContext, key: str) -> date | None:
    raw = ctx.raw(key)
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = unicodedata.normalize("NFKC", cell_text(raw)).strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                break
    ctx.fail(key, text, LocalText(
        f"日期“{text}”无效，请写成 2026-03-31 或 2026年3月31日",
        f"'{text}' is not a valid date; write it as 2026-03-31"))
    return None


def _active(ctx: _RowContext) -> bool:
    text = unicodedata.normalize("NFKC", ctx.text("active")).strip().lower()
    if not text or text in _TRUE:
        return True
    if text in _FALSE:
        return False
    ctx.fail("active", text, LocalText("在岗状态应为“是”或“否”", "'active' must be yes or no"))
    return True
