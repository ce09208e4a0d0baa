"""XLSForm (the survey, choices and settings sheets) into our checklist format, and our
expressions into XPath (the exporter, :mod:`inspector.forms.xlsform_export`, uses both).

Contract: :func:`checklist_from_xlsform` takes the sheets as rows of cell values (the
services read the workbook) and returns the JSON document of an
``inspector-checklist-v1`` checklist, or raises :class:`XlsformError` listing every
problem with its sheet, row (as Excel numbers it) and column letter, in both
languages. Nothing outside the supported subset is skipped silently:

- types ``select_one L``, ``select_multiple L``, ``integer``, ``decimal``, ``text``,
  ``date``, ``datetime``, ``image``/``photo``, ``barcode``, ``note``, and
  ``begin_group``/``end_group`` (``begin group``/``end group``) as sections;
- columns ``name``, ``label`` (and ``label::Chinese (zh)``, ``label::English (en)``,
  …: Chinese is preferred), ``hint``, ``required``, ``relevant``, ``constraint``,
  ``constraint_message``;
- expressions translated from XPath (:func:`expression_from_xpath`): ``.`` (this
  answer), ``${name}``, ``and``, ``or``, ``not(…)``, ``div``, ``selected(x, 'a')``,
  ``count-selected(x)``, comparisons and arithmetic; ``true()``/``false()``. Anything
  else (``regex``, ``if``, ``mod``, …) is reported at its cell;
- what XLSForm has no column for, in ``inspector::`` columns (written by the exporter,
  described in ``docs/checklists.md``): on the survey ``inspector::kind``
  (``compliance`` with ``select_one`` of 符合/不符合/不适用, ``sample`` with ``text``,
  ``signature`` with ``image``), ``inspector::basis``, ``inspector::severity`` (重点 or
  key; 一般, general or empty), ``inspector::unit``, ``inspector::min``,
  ``inspector::max`` (numbers), ``inspector::min_count``, ``inspector::max_count``
  (photos), ``inspector::relevant`` and ``inspector::constraint`` (the condition or
  first rule verbatim in our expression language, for what has no exact XPath form:
  when the XPath column beside it is filled as well, the two must agree) and
  ``inspector::constraint_N``/``inspector::constraint_message_N`` (N ≥ 2: further
  rules, in our language); on the settings ``version`` (the checklist's version, 1
  when empty), ``inspector::entity_types`` and ``inspector::check_items`` (JSON lists
  of texts). Any other ``inspector::`` column is reported like every unknown column.

The result is then read by :func:`inspector.forms.checklist.parse_checklist`, so the
usual checks (references, cycles, choices) apply to it as well.

:func:`xpath_from_expression` renders a parsed expression of ours as XPath, or gives
None when XPath has no form for it (``entity.field``, a list outside ``x in [..]``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector.core.text import LocalText
from inspector.forms.checklist import COMPLIANCE_ANSWERS
from inspector.forms.expressions import (
    Binary,
    Call,
    ExpressionError,
    ItemRef,
    ListOf,
    Literal,
    Node,
    Unary,
    parse,
)

Rows = Sequence[Sequence[Any]]
# (sheet, Excel row, column index or None, Chinese, English)
Report = Callable[[str, int, int | None, str, str], None]
_SIMPLE_TYPES = {"integer": "integer", "decimal": "decimal", "text": "text", "date": "date",
                 "datetime": "datetime", "image": "photo", "photo": "photo",
                 "barcode": "barcode", "note": "guidance"}
_KNOWN_COLUMNS = {"type", "name", "label", "hint", "required", "relevant", "constraint",
                  "constraint_message", "required_message", "appearance"}
_XPATH_WORDS = {"and", "or", "div", "not", "selected", "count-selected", "true", "false"}
ITEM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")  # what the importer takes as a name

# Our columns (lower-cased, as headers are compared). Kinds XLSForm has no type for:
# each goes with the XLSForm types an other tool shows it as.
INSPECTOR = "inspector::"
_SPECIAL_KINDS: Mapping[str, tuple[str, ...]] = {
    "compliance": ("select_one",), "sample": ("text",), "signature": ("image", "photo")}
_NUMBER_KINDS = ("integer", "decimal")
_ITEM_COLUMNS = frozenset(INSPECTOR + name for name in (
    "kind", "basis", "severity", "unit", "min", "max", "min_count", "max_count", "relevant",
    "constraint"))
_MORE_RULES = re.compile(r"inspector::constraint(_message)?_([2-9]|[1-9][0-9]+)")
_DEFAULT_MESSAGE = "答案不符合要求"


class XlsformError(ValueError):
    def __init__(self, problems: Sequence[LocalText]) -> None:
        super().__init__("; ".join(p.en for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class _Sheet:
    name: str
    header: dict[str, int]  # lower-cased column name → index
    rows: list[tuple[int, Sequence[Any]]]  # (Excel row number, cells)


@dataclass(frozen=True, slots=True)
class _Settings:
    title: str
    version: int = 1
    entity_types: tuple[str, ...] = ()
    check_items: tuple[str, ...] = ()


def checklist_from_xlsform(sheets: Mapping[str, Rows], *, code: str) -> dict[str, Any]:
    problems: list[LocalText] = []

    def problem(sheet: str, row: int, column: int | None, zh: str, en: str) -> None:
        where = f"{sheet}!{_letter(column)}{row}" if column is not None else f"{sheet}!{row}"
        problems.append(LocalText(f"{where}：{zh}", f"{where}: {en}"))

    survey = _sheet(sheets, "survey")
    if survey is None:
        raise XlsformError([LocalText("缺少 survey 工作表", "the survey sheet is missing")])
    choices = _choices(_sheet(sheets, "choices"), problem)
    settings = _settings(_sheet(sheets, "settings"), code, problem)
    title = settings.title
    _unsupported_columns(survey, problem)

    sections: list[dict[str, Any]] = []
    current: dict[str, Any] = {"key": "main", "title": title, "items": []}
    depth = 0
    for number, cells in survey.rows:
        kind = _cell(cells, survey.header.get("type")).strip()
        if not kind:
            continue
        name = _cell(cells, survey.header.get("name")).strip()
        label = _label(cells, survey.header)
        normal = kind.replace("_", " ").lower()
        if normal in ("begin group", "begin repeat"):
            if normal == "begin repeat":
                problem("survey", number, survey.header.get("type"), "不支持重复组 (repeat)",
                        "repeats are not supported")
            if depth:
                problem("survey", number, survey.header.get("type"), "分组不能嵌套",
                        "groups cannot be nested")
            depth += 1
            if current["items"]:
                sections.append(current)
            current = {"key": name or f"group_{number}", "title": label or name, "items": []}
            if _cell(cells, survey.header.get("relevant")).strip():
                problem("survey", number, survey.header.get("relevant"),
                        "分组的 relevant 条件暂不支持，请写在组内各题上",
                        "a group's relevant is not supported: put it on the group's items")
            _ours_on_group(cells, survey, number, problem)
            continue
        if normal in ("end group", "end repeat"):
            depth = max(depth - 1, 0)
            if current["items"]:
                sections.append(current)
            current = {"key": f"after_{number}", "title": title, "items": []}
            _ours_on_group(cells, survey, number, problem)
            continue
        item = _item(kind, name, label, cells, survey, number=number, choices=choices,
                     problem=problem)
        if item is not None:
            current["items"].append(item)
    if current["items"]:
        sections.append(current)
    if problems:
        raise XlsformError(problems)
    return {"format": "inspector-checklist-v1", "code": code, "version": settings.version,
            "title": title, "entity_types": list(settings.entity_types),
            "check_items": list(settings.check_items), "sections": sections}


def _ours(column: str) -> bool:
    """Whether ``column`` (lower-cased) is one of our ``inspector::`` survey columns."""
    return column in _ITEM_COLUMNS or _MORE_RULES.fullmatch(column) is not None


def _unsupported_columns(survey: _Sheet, problem: Report) -> None:
    """Report each column we do not read at its first filled cell (an empty one is
    harmless)."""
    for name, index in survey.header.items():
        if name.split("::")[0] in _KNOWN_COLUMNS or _ours(name):
            continue
        used = next((number for number, cells in survey.rows if _cell(cells, index).strip()),
                    None)
        if used is not None:
            problem("survey", used, index, f"不支持的列 {name}", f"unsupported column {name}")


def _ours_on_group(cells: Sequence[Any], survey: _Sheet, number: int, problem: Report
                   ) -> None:
    for name, index in survey.header.items():
        if _ours(name) and _cell(cells, index).strip():
            problem("survey", number, index, f"分组行不读取 {name}",
                    f"{name} is not read on a group row")


def _settings(sheet: _Sheet | None, code: str, problem: Report) -> _Settings:
    """The title (``form_title``, else the code), our version (``version``) and the
    ``inspector::entity_types`` and ``inspector::check_items`` lists."""
    if sheet is None or not sheet.rows:
        return _Settings(code)
    number, cells = sheet.rows[0]
    title = _cell(cells, sheet.header.get("form_title")) or code
    version = 1
    column = sheet.header.get("version")
    raw = _cell(cells, column).strip()
    if raw:
        whole = _whole_number(raw)
        if whole is None or whole < 1:
            problem("settings", number, column, "version 应为清单的版本号：从 1 开始的整数",
                    "version must be the checklist's version: a whole number from 1")
        else:
            version = whole
    lists = []
    for name in ("entity_types", "check_items"):
        column = sheet.header.get(INSPECTOR + name)
        raw = _cell(cells, column).strip()
        value: Any = []
        if raw:
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                value = None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem("settings", number, column,
                    f"{INSPECTOR}{name} 应为文本的 JSON 列表，如 [\"enterprise\", \"individual\"]",
                    f"{INSPECTOR}{name} must be a JSON list of texts such as "
                    "[\"enterprise\", \"individual\"]")
            value = []
        lists.append(tuple(value))
    return _Settings(title, version, lists[0], lists[1])


def _item(kind: str, name: str, label: str, cells: Sequence[Any], survey: _Sheet, *,
          number: int, choices: Mapping[str, list[dict[str, str]]], problem: Report
          ) -> dict[str, Any] | None:
    header = survey.header
    type_column = header.get("type")
    parts = kind.split()
    base = parts[0].lower()
    item: dict[str, Any] = {"key": name, "label": label or name}
    if base in ("select_one", "select_multiple"):
        if len(parts) != 2 or parts[1] not in choices:
            problem("survey", number, type_column, f"选项列表 {parts[-1]} 不存在",
                    f"no choice list {parts[-1]}")
            return None
        item["kind"] = "single_choice" if base == "select_one" else "multiple_choice"
        item["choices"] = choices[parts[1]]
    elif base in _SIMPLE_TYPES and len(parts) == 1:
        item["kind"] = _SIMPLE_TYPES[base]
    else:
        problem("survey", number, type_column, f"不支持的题型 {kind}",
                f"unsupported type {kind}")
        return None
    if not _special_kind(item, base, cells, survey, number=number, problem=problem):
        return None
    if not ITEM_NAME.fullmatch(name or ""):
        problem("survey", number, header.get("name"), "name 应以字母开头，只含字母、数字和 _ . -",
                "name must start with a letter and hold letters, digits, _ . or -")
        return None
    hint = _label(cells, header, "hint", strip=False)
    if hint:
        item["help"] = hint
    required = _cell(cells, header.get("required")).strip().lower()
    if required in ("yes", "true", "true()", "1"):
        item["required"] = True
    elif required not in ("", "no", "false", "false()", "0"):
        problem("survey", number, header.get("required"), "required 应为 yes 或 no",
                "required must be yes or no")
    relevant = _expression(cells, survey, "relevant", name, number=number, problem=problem)
    if relevant:
        item["visible_if"] = relevant
    rules = _rules(cells, survey, number, name, problem)
    if rules:
        # XLSForm checks a constraint only once the item is answered; so do rules.
        item["rules"] = rules
    _extras(item, cells, survey, number, problem)
    return item


def _special_kind(item: dict[str, Any], base: str, cells: Sequence[Any], survey: _Sheet, *,
                  number: int, problem: Report) -> bool:
    """Apply ``inspector::kind`` (a kind XLSForm has no type for); False on a problem."""
    column = survey.header.get(INSPECTOR + "kind")
    special = _cell(cells, column).strip().lower()
    if not special:
        return True
    if base not in _SPECIAL_KINDS.get(special, ()):
        problem("survey", number, column,
                f"inspector::kind {special} 不能用于题型 {base}：应为 compliance（select_one）、"
                "sample（text）或 signature（image）",
                f"inspector::kind {special} does not go with type {base}: use compliance "
                "(select_one), sample (text) or signature (image)")
        return False
    if special == "compliance":
        values = tuple(choice["value"] for choice in item.pop("choices"))
        if values != COMPLIANCE_ANSWERS:
            answers = "、".join(COMPLIANCE_ANSWERS)
            problem("survey", number, survey.header.get("type"),
                    f"合规题的选项应依次为 {answers}",
                    f"a compliance item's choices must be {', '.join(COMPLIANCE_ANSWERS)}")
            return False
    item["kind"] = special
    return True


def _expression(cells: Sequence[Any], survey: _Sheet, column: str, own_name: str, *,
                number: int, problem: Report) -> str | None:
    """The condition (``column`` ``relevant``) or first rule (``constraint``) in our
    language: from ``inspector::<column>`` verbatim when it is filled (the XPath
    column, if filled too, must be its XPath), else translated from the XPath column.
    "" when there is none, None when a problem was reported."""
    header = survey.header
    xpath_column, ours_column = header.get(column), header.get(INSPECTOR + column)
    xpath, ours = _cell(cells, xpath_column).strip(), _cell(cells, ours_column)
    if ours.strip():
        try:
            tree = parse(ours)
        except ExpressionError as exc:
            problem("survey", number, ours_column, f"{INSPECTOR}{column}：{exc.text.zh}",
                    f"{INSPECTOR}{column}: {exc.text.en}")
            return None
        if xpath and _plain(xpath) != _plain(xpath_from_expression(tree, own_name) or ""):
            problem("survey", number, xpath_column,
                    f"{column} 与 {INSPECTOR}{column} 不一致：修改其中一列时请清空另一列",
                    f"{column} and {INSPECTOR}{column} disagree: when you edit one, clear "
                    "the other")
            return None
        return ours
    if not xpath:
        return ""
    translated = expression_from_xpath(xpath, own_name)
    if translated is None:
        problem("survey", number, xpath_column, f"无法转换的表达式：{xpath}",
                f"expression not supported: {xpath}")
    return translated


def _rules(cells: Sequence[Any], survey: _Sheet, number: int, own_name: str,
           problem: Report) -> list[dict[str, str]]:
    """The ``constraint`` (with its message) and then ``inspector::constraint_N``, by N."""
    header = survey.header
    rules = []
    first = _expression(cells, survey, "constraint", own_name, number=number,
                        problem=problem)
    if first:
        message = _cell(cells, _message_column(header)).strip() or _DEFAULT_MESSAGE
        rules.append({"expression": first, "message": message})
    more: dict[int, dict[str, int]] = {}
    for name, index in header.items():
        match = _MORE_RULES.fullmatch(name)
        if match is not None:
            more.setdefault(int(match.group(2)), {})[match.group(1) or "rule"] = index
    for order in sorted(more):
        rule_column, message_column = more[order].get("rule"), more[order].get("_message")
        expression = _cell(cells, rule_column).strip()
        message = _cell(cells, message_column).strip()
        if not expression:
            if message:
                problem("survey", number, message_column,
                        f"{INSPECTOR}constraint_message_{order} 缺少对应的 "
                        f"{INSPECTOR}constraint_{order}",
                        f"{INSPECTOR}constraint_message_{order} has no "
                        f"{INSPECTOR}constraint_{order}")
            continue
        try:
            parse(expression)
        except ExpressionError as exc:
            problem("survey", number, rule_column,
                    f"{INSPECTOR}constraint_{order}：{exc.text.zh}",
                    f"{INSPECTOR}constraint_{order}: {exc.text.en}")
            continue
        rules.append({"expression": expression, "message": message or _DEFAULT_MESSAGE})
    return rules


def _extras(item: dict[str, Any], cells: Sequence[Any], survey: _Sheet, number: int,
            problem: Report) -> None:
    """Basis, severity, unit, range and photo counts from the ``inspector::`` columns."""
    def cell(name: str) -> tuple[int | None, str]:
        column = survey.header.get(INSPECTOR + name)
        return column, _cell(cells, column)

    column, basis = cell("basis")
    if basis.strip():
        item["basis"] = basis
    column, severity = cell("severity")
    level = severity.strip().lower()
    if level in ("重点", "key"):
        item["severity"] = "key"
    elif level not in ("", "一般", "general"):
        problem("survey", number, column, "inspector::severity 应为 重点 或 一般（空即一般）",
                "inspector::severity must be 重点 (key) or 一般 (general, or empty)")
    for name, kinds in (("unit", _NUMBER_KINDS), ("min", _NUMBER_KINDS),
                        ("max", _NUMBER_KINDS), ("min_count", ("photo",)),
                        ("max_count", ("photo",))):
        column, value = cell(name)
        if not value.strip():
            continue
        if item["kind"] not in kinds:
            problem("survey", number, column,
                    f"{INSPECTOR}{name} 只用于 {'、'.join(kinds)} 题目",
                    f"{INSPECTOR}{name} is only for {' and '.join(kinds)} items")
        elif name == "unit":
            item[name] = value
        elif name in ("min", "max"):
            if _decimal(value.strip()) is None:
                problem("survey", number, column, f"{INSPECTOR}{name} 应为数，如 0.5",
                        f"{INSPECTOR}{name} must be a number such as 0.5")
            else:
                item[name] = value.strip()
        else:
            whole = _whole_number(value.strip())
            if whole is None or whole < 0:
                problem("survey", number, column, f"{INSPECTOR}{name} 应为不小于 0 的整数",
                        f"{INSPECTOR}{name} must be a whole number from 0")
            else:
                item[name] = whole


def _decimal(text: str) -> Decimal | None:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _whole_number(text: str) -> int | None:
    """A whole number as Excel may hold it (``3`` or ``3.0``), else None."""
    number = _decimal(text)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


def _plain(xpath: str) -> str:
    return " ".join(xpath.strip().removeprefix("=").split())


def expression_from_xpath(xpath: str, own_name: str) -> str | None:
    """An XPath condition in our language, or None when it uses what we do not have.

    ``.`` becomes ``${own_name}``; whitespace is collapsed to single spaces, so for an
    expression of ours written with single spaces around its operators and after
    commas, ``expression_from_xpath(xpath_from_expression(tree, key), key)`` gives its
    text back (the exporter checks this for every expression it writes)."""
    text = xpath.strip()
    if text.startswith("="):
        text = text[1:]
    out = []
    position = 0
    token = re.compile(r"\s+|\$\{[^}]+\}|'[^']*'|\"[^\"]*\"|\d+(?:\.\d+)?|"
                       r"[A-Za-z_][A-Za-z0-9_-]*\s*\(?|<=|>=|!=|[=<>+*()\-,]|\.")
    while position < len(text):
        match = token.match(text, position)
        if match is None:
            return None
        piece = match.group()
        word = piece.rstrip("( \t").lower()
        if piece == ".":
            out.append(f"${{{own_name}}}")
        elif piece[0].isalpha() or piece[0] == "_":
            if word not in _XPATH_WORDS:
                return None
            calls = piece.rstrip().endswith("(")
            if word in ("true", "false"):
                out.append(word)
                if calls:  # true() / false(): skip the closing parenthesis
                    close = re.match(r"\s*\)", text[match.end():])
                    if close is None:
                        return None
                    position = match.end() + close.end()
                    continue
            elif word == "count-selected":
                if not calls:
                    return None
                out.append("count(")
            elif word in ("not", "selected"):
                out.append(word + ("(" if calls else ""))
            else:  # and, or, div: an operator, perhaps before an opening parenthesis
                out.append(f" {'/' if word == 'div' else word} " + ("(" if calls else ""))
        else:
            out.append(piece)
        position = match.end()
    return re.sub(r"\s+", " ", "".join(out)).strip()


# -- our expressions as XPath -------------------------------------------------------------

# Binding strength in our grammar (docs/checklists.md): or, and, not, comparisons (they
# do not chain), + -, * /, unary minus, then what needs no parentheses.
_LEVEL = {"or": 1, "and": 2, "=": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4, "in": 4,
          "+": 5, "-": 5, "*": 6, "/": 6}
_COMPARISON, _SUM, _MINUS, _ATOM = 4, 5, 7, 8


class _NoXpathError(Exception):
    """The expression has no XPath form."""


def xpath_from_expression(node: Node, own_name: str = "") -> str | None:
    """``node`` as an XPath expression (item ``own_name``'s answer as ``.``), or None
    when XPath has no form for it (an entity field, a list outside ``x in [..]``, a
    text holding both quotes).

    ``and``/``or``/comparisons/arithmetic keep their form (``/`` as ``div``), ``not x``
    becomes ``not(x)``, ``count`` ``count-selected``, ``empty(x)`` ``x = ''``, ``null``
    ``''``, ``x in [a, b]`` ``x = a or x = b`` and ``'a' in ${multi}``
    ``selected(${multi}, 'a')``. Parentheses are written where our grammar needs them,
    single spaces around operators and after commas."""
    try:
        return _xpath(node, own_name)[0]
    except _NoXpathError:
        return None


def _xpath(node: Node, own: str) -> tuple[str, int]:
    """The XPath text of ``node`` and how strongly it binds (see ``_LEVEL``)."""
    if isinstance(node, Literal):
        return _xpath_literal(node), _ATOM
    if isinstance(node, ItemRef):
        return ("." if own and node.name == own else f"${{{node.name}}}"), _ATOM
    if isinstance(node, Unary):
        if node.op == "not":
            return f"not({_xpath(node.operand, own)[0]})", _ATOM
        return "-" + _wrapped(node.operand, own, _MINUS), _MINUS
    if isinstance(node, Call):
        if node.name == "empty":
            return f"{_wrapped(node.args[0], own, _SUM)} = ''", _COMPARISON
        name = "count-selected" if node.name == "count" else node.name
        return f"{name}({', '.join(_xpath(arg, own)[0] for arg in node.args)})", _ATOM
    if isinstance(node, Binary):
        return _xpath_binary(node, own)
    raise _NoXpathError  # an entity field; a list outside ``in``


def _xpath_binary(node: Binary, own: str) -> tuple[str, int]:
    if node.op == "in":
        if isinstance(node.right, ItemRef):
            return (f"selected({_xpath(node.right, own)[0]}, {_xpath(node.left, own)[0]})",
                    _ATOM)
        if not isinstance(node.right, ListOf):
            raise _NoXpathError
        if not node.right.items:
            return "false()", _ATOM
        left = _wrapped(node.left, own, _SUM)
        parts = [f"{left} = {_wrapped(item, own, _SUM)}" for item in node.right.items]
        return " or ".join(parts), _COMPARISON if len(parts) == 1 else _LEVEL["or"]
    level = _LEVEL[node.op]
    # Left-associative operators take their own level on the left; comparisons do not
    # chain, so both their sides bind more strongly.
    left = _wrapped(node.left, own, _SUM if level == _COMPARISON else level)
    right = _wrapped(node.right, own, level + 1)
    return f"{left} {'div' if node.op == '/' else node.op} {right}", level


def _wrapped(node: Node, own: str, strength: int) -> str:
    text, binds = _xpath(node, own)
    return text if binds >= strength else f"({text})"


def _xpath_literal(node: Literal) -> str:
    value = node.value
    if value is None:
        return "''"  # XLSForm's unanswered
    if isinstance(value, bool):
        return "true()" if value else "false()"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return f"date('{value.isoformat()}')"
    if isinstance(value, str) and "'" not in value:
        return f"'{value}'"
    if isinstance(value, str) and '"' not in value:
        return f'"{value}"'
    raise _NoXpathError  # XPath 1.0 has no escape for a text holding both quotes


# -- reading sheets -----------------------------------------------------------------------


def _choices(sheet: _Sheet | None, problem: Report) -> dict[str, list[dict[str, str]]]:
    if sheet is None:
        return {}
    found: dict[str, list[dict[str, str]]] = {}
    list_column = sheet.header.get("list_name", sheet.header.get("list name"))
    for number, cells in sheet.rows:
        list_name = _cell(cells, list_column).strip()
        value = _cell(cells, sheet.header.get("name")).strip()
        if not list_name and not value:
            continue
        label = _label(cells, sheet.header)
        if not value:
            problem("choices", number, sheet.header.get("name"), "选项缺少 name",
                    "a choice has no name")
            continue
        found.setdefault(list_name, []).append({"value": value, "label": label or value})
    return found


def _sheet(sheets: Mapping[str, Rows], name: str) -> _Sheet | None:
    rows = next((r for n, r in sheets.items() if n.strip().lower() == name), None)
    if rows is None or not rows:
        return None
    header = {str(cell).strip().lower(): index for index, cell in enumerate(rows[0])
              if cell is not None and str(cell).strip()}
    return _Sheet(name, header, [(number, row) for number, row in enumerate(rows[1:], start=2)])


def _label(cells: Sequence[Any], header: Mapping[str, int], column: str = "label", *,
           strip: bool = True) -> str:
    """The Chinese text of a column when there is one, else the plain one, else another
    (``strip=False`` keeps the text's surrounding whitespace, as the format keeps it)."""
    ranked = sorted((name for name in header if name.split("::")[0] == column),
                    key=lambda n: (0 if ("zh" in n or "chinese" in n) else
                                   1 if n == column else 2, n))
    for name in ranked:
        value = _cell(cells, header[name])
        if value.strip():
            return value.strip() if strip else value
    return ""


def _message_column(header: Mapping[str, int]) -> int | None:
    names = sorted((n for n in header if n.startswith("constraint_message")),
                   key=lambda n: (0 if ("zh" in n or "chinese" in n) else 1, n))
    return header[names[0]] if names else None


def _cell(cells: Sequence[Any], index: int | None) -> str:
    if index is None or index >= len(cells) or cells[index] is None:
        return ""
    return str(cells[index])


def _letter(index: int | None) -> str:
    if index is None:
        return ""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
