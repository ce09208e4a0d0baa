"""XLSForm (the survey, choices and settings sheets) into our checklist format.

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
- expressions translated from XPath: ``.`` (this answer), ``${name}``, ``and``, ``or``,
  ``not(…)``, ``div``, ``selected(x, 'a')``, ``count-selected(x)``, comparisons and
  arithmetic; ``true()``/``false()``. Anything else (``regex``, ``if``, ``mod``, …)
  is reported at its cell.

The result is then read by :func:`inspector.forms.checklist.parse_checklist`, so the
usual checks (references, cycles, choices) apply to it as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inspector.core.text import LocalText

Rows = Sequence[Sequence[Any]]
# (sheet, Excel row, column index or None, Chinese, English)
Report = Callable[[str, int, int | None, str, str], None]
_SIMPLE_TYPES = {"integer": "integer", "decimal": "decimal", "text": "text", "date": "date",
                 "datetime": "datetime", "image": "photo", "photo": "photo",
                 "barcode": "barcode", "note": "guidance"}
_KNOWN_COLUMNS = {"type", "name", "label", "hint", "required", "relevant", "constraint",
                  "constraint_message", "required_message", "appearance"}
_XPATH_WORDS = {"and", "or", "div", "not", "selected", "count-selected", "true", "false"}


class XlsformError(ValueError):
    def __init__(self, problems: Sequence[LocalText]) -> None:
        super().__init__("; ".join(p.en for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class _Sheet:
    name: str
    header: dict[str, int]  # lower-cased column name → index
    rows: list[tuple[int, Sequence[Any]]]  # (Excel row number, cells)


def checklist_from_xlsform(sheets: Mapping[str, Rows], *, code: str) -> dict[str, Any]:
    problems: list[LocalText] = []

    def problem(sheet: str, row: int, column: int | None, zh: str, en: str) -> None:
        where = f"{sheet}!{_letter(column)}{row}" if column is not None else f"{sheet}!{row}"
        problems.append(LocalText(f"{where}：{zh}", f"{where}: {en}"))

    survey = _sheet(sheets, "survey")
    if survey is None:
        raise XlsformError([LocalText("缺少 survey 工作表", "the survey sheet is missing")])
    choices = _choices(_sheet(sheets, "choices"), problem)
    settings = _sheet(sheets, "settings")
    title = code
    if settings is not None and settings.rows and "form_title" in settings.header:
        title = _cell(settings.rows[0][1], settings.header["form_title"]) or code
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
            continue
        if normal in ("end group", "end repeat"):
            depth = max(depth - 1, 0)
            if current["items"]:
                sections.append(current)
            current = {"key": f"after_{number}", "title": title, "items": []}
            continue
        item = _item(kind, name, label, cells, survey, number=number, choices=choices,
                     problem=problem)
        if item is not None:
            current["items"].append(item)
    if current["items"]:
        sections.append(current)
    if problems:
        raise XlsformError(problems)
    return {"format": "inspector-checklist-v1", "code": code, "version": 1, "title": title,
            "entity_types": [], "check_items": [], "sections": sections}


def _unsupported_columns(survey: _Sheet, problem: Report) -> None:
    """Report each column we do not read at its first filled cell (an empty one is
    harmless)."""
    for name, index in survey.header.items():
        if name.split("::")[0] in _KNOWN_COLUMNS:
            continue
        used = next((number for number, cells in survey.rows if _cell(cells, index).strip()),
                    None)
        if used is not None:
            problem("survey", used, index, f"不支持的列 {name}", f"unsupported column {name}")


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
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", name or ""):
        problem("survey", number, header.get("name"), "name 应以字母开头，只含字母、数字和 _ . -",
                "name must start with a letter and hold letters, digits, _ . or -")
        return None
    hint = _label(cells, header, "hint")
    if hint:
        item["help"] = hint
    required = _cell(cells, header.get("required")).strip().lower()
    if required in ("yes", "true", "true()", "1"):
        item["required"] = True
    elif required not in ("", "no", "false", "false()", "0"):
        problem("survey", number, header.get("required"), "required 应为 yes 或 no",
                "required must be yes or no")
    relevant = _cell(cells, header.get("relevant")).strip()
    if relevant:
        translated = _translate(relevant, name)
        if translated is None:
            problem("survey", number, header.get("relevant"),
                    f"无法转换的表达式：{relevant}", f"expression not supported: {relevant}")
        else:
            item["visible_if"] = translated
    constraint = _cell(cells, header.get("constraint")).strip()
    if constraint:
        translated = _translate(constraint, name)
        message = _cell(cells, _message_column(header)).strip() or "答案不符合要求"
        if translated is None:
            problem("survey", number, header.get("constraint"),
                    f"无法转换的表达式：{constraint}", f"expression not supported: {constraint}")
        else:
            # XLSForm checks a constraint only once the item is answered; so do rules.
            item["rules"] = [{"expression": translated, "message": message}]
    return item


def _translate(xpath: str, own_name: str) -> str | None:
    """An XPath condition in our language, or None when it uses what we do not have."""
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
            elif word == "div":
                out.append("/")
            elif word == "count-selected":
                out.append("count(")
            elif word in ("not", "selected"):
                out.append(word + ("(" if calls else ""))
            else:
                out.append(f" {word} ")
        else:
            out.append(piece)
        position = match.end()
    return re.sub(r"\s+", " ", "".join(out)).strip()


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


def _label(cells: Sequence[Any], header: Mapping[str, int], column: str = "label") -> str:
    """The Chinese text of a column when there is one, else the plain one, else another."""
    ranked = sorted((name for name in header if name.split("::")[0] == column),
                    key=lambda n: (0 if ("zh" in n or "chinese" in n) else
                                   1 if n == column else 2, n))
    for name in ranked:
        value = _cell(cells, header[name]).strip()
        if value:
            return value
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
