"""Our checklists as XLSForm sheets: the inverse of :mod:`inspector.forms.xlsform`.

Contract: :func:`xlsform_sheets` returns the rows (header row first; every cell a text,
``""`` when empty) of the ``survey``, ``choices`` and ``settings`` sheets of a checklist,
such that reading them back,
``parse_checklist(json.dumps(checklist_from_xlsform(sheets, code=checklist.code)))``,
gives a checklist equal to the one written: every field, every expression's exact
text. It raises :class:`XlsformExportError` (every problem, in both languages) only for
an item key that XLSForm cannot take as a ``name``. Pure: the services write the
workbook.

The layout (also in ``docs/checklists.md``):

- a section is a ``begin_group`` (name: its key, label: its title) … ``end_group``;
- kinds become the types the importer reads: ``select_one``/``select_multiple`` with
  a list named after the item, ``integer``, ``decimal``, ``text``, ``date``,
  ``datetime``, ``image`` (photo), ``barcode``, ``note`` (guidance). A kind XLSForm has
  no type for keeps the nearest type and names itself in ``inspector::kind``:
  ``compliance`` (``select_one`` of one list 符合/不符合/不适用), ``sample`` (``text``),
  ``signature`` (``image``, appearance ``signature``);
- ``label::Chinese (zh)``, ``hint::Chinese (zh)``, ``required`` (``yes``);
- the condition in ``relevant``, the first rule in ``constraint`` and
  ``constraint_message::Chinese (zh)``, as XPath. When that XPath does not translate
  back to exactly the expression's text (an entity field, ``in``, ``not x``,
  ``empty``, ``today()``, a date, other spacing), the text is also kept verbatim in
  ``inspector::relevant`` / ``inspector::constraint``, which the importer then reads
  (checking that the XPath column beside it still says the same); the XPath column
  keeps the XPath, when there is one, for other XLSForm tools. Further rules go to
  ``inspector::constraint_N`` and ``inspector::constraint_message_N`` (N = 2, 3, …),
  in our language;
- ``inspector::basis`` (检查依据), ``inspector::severity`` (``重点`` for key items,
  empty for 一般), ``inspector::unit``, ``inspector::min``, ``inspector::max`` (decimal
  texts), ``inspector::min_count``, ``inspector::max_count`` (photos);
- settings: ``form_title``, ``form_id`` (the code), ``version``, ``default_language``,
  ``inspector::entity_types`` and ``inspector::check_items`` (JSON lists of texts).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from inspector.core.text import LocalText
from inspector.forms.checklist import COMPLIANCE_ANSWERS, Checklist, Item, ItemKind, Severity
from inspector.forms.expressions import Node
from inspector.forms.xlsform import (
    INSPECTOR,
    ITEM_NAME,
    expression_from_xpath,
    xpath_from_expression,
)

SHEETS = ("survey", "choices", "settings")
LABEL, HINT = "label::Chinese (zh)", "hint::Chinese (zh)"
MESSAGE = "constraint_message::Chinese (zh)"
SURVEY_COLUMNS = ("type", "name", LABEL, HINT, "required", "relevant", "constraint", MESSAGE,
                  "appearance", *(INSPECTOR + name for name in (
                      "kind", "basis", "severity", "unit", "min", "max", "min_count",
                      "max_count", "relevant", "constraint")))
CHOICE_COLUMNS = ("list_name", "name", LABEL)
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language",
                    INSPECTOR + "entity_types", INSPECTOR + "check_items")
_TYPES: Mapping[ItemKind, str] = {
    ItemKind.INTEGER: "integer", ItemKind.DECIMAL: "decimal", ItemKind.TEXT: "text",
    ItemKind.DATE: "date", ItemKind.DATETIME: "datetime", ItemKind.PHOTO: "image",
    ItemKind.BARCODE: "barcode", ItemKind.GUIDANCE: "note", ItemKind.SAMPLE: "text",
    ItemKind.SIGNATURE: "image"}
_SPECIAL = (ItemKind.COMPLIANCE, ItemKind.SAMPLE, ItemKind.SIGNATURE)


class XlsformExportError(ValueError):
    """A checklist XLSForm cannot hold: every problem, in both languages."""

    def __init__(self, problems: Sequence[LocalText]) -> None:
        super().__init__("; ".join(p.en for p in problems))
        self.problems = tuple(problems)


def xlsform_sheets(checklist: Checklist) -> dict[str, list[list[str]]]:
    """The ``survey``, ``choices`` and ``settings`` rows of ``checklist`` (see the module
    contract)."""
    bad = [item.key for item in checklist.items if not ITEM_NAME.fullmatch(item.key)]
    if bad:
        raise XlsformExportError([LocalText(
            f"题目键 {key} 不能作为 XLSForm 的 name（应以字母开头，只含字母、数字和 _ . -）",
            f"item key {key} cannot be an XLSForm name (it must start with a letter and "
            "hold letters, digits, _ . or -)") for key in bad])
    compliance = _free_name("compliance", {item.key for item in checklist.items})
    more_rules = max((len(item.rules) for item in checklist.items), default=0)
    header = [*SURVEY_COLUMNS, *(INSPECTOR + name for number in range(2, more_rules + 1)
                                 for name in (f"constraint_{number}",
                                              f"constraint_message_{number}"))]
    survey = [header]
    choices = [list(CHOICE_COLUMNS)]
    if any(item.kind is ItemKind.COMPLIANCE for item in checklist.items):
        choices.extend([compliance, answer, answer] for answer in COMPLIANCE_ANSWERS)
    for section in checklist.sections:
        survey.append(_row(header, {"type": "begin_group", "name": section.key,
                                    LABEL: section.title}))
        for item in section.items:
            survey.append(_row(header, _item_cells(item, compliance)))
            choices.extend([item.key, choice.value, choice.label] for choice in item.choices)
        survey.append(_row(header, {"type": "end_group"}))
    settings = [list(SETTINGS_COLUMNS), [
        checklist.title, checklist.code, str(checklist.version), "Chinese (zh)",
        json.dumps(list(checklist.entity_types), ensure_ascii=False),
        json.dumps(list(checklist.check_items), ensure_ascii=False)]]
    return {"survey": survey, "choices": choices, "settings": settings}


def _item_cells(item: Item, compliance: str) -> dict[str, str]:
    """One survey row, by column name."""
    if item.kind is ItemKind.COMPLIANCE:
        kind = f"select_one {compliance}"
    elif item.kind in (ItemKind.SINGLE_CHOICE, ItemKind.MULTIPLE_CHOICE):
        kind = f"{'select_one' if item.kind is ItemKind.SINGLE_CHOICE else 'select_multiple'}" \
               f" {item.key}"
    else:
        kind = _TYPES[item.kind]
    cells = {
        "type": kind, "name": item.key, LABEL: item.label, HINT: item.help,
        "required": "yes" if item.required else "",
        "appearance": "signature" if item.kind is ItemKind.SIGNATURE else "",
        INSPECTOR + "kind": item.kind.value if item.kind in _SPECIAL else "",
        INSPECTOR + "basis": item.basis,
        INSPECTOR + "severity": "重点" if item.severity is Severity.KEY else "",
        INSPECTOR + "unit": item.unit,
        INSPECTOR + "min": "" if item.minimum is None else str(item.minimum),
        INSPECTOR + "max": "" if item.maximum is None else str(item.maximum),
    }
    if item.kind is ItemKind.PHOTO:
        cells[INSPECTOR + "min_count"], cells[INSPECTOR + "max_count"] = map(str, item.photos)
    if item.visibility is not None:
        cells["relevant"], cells[INSPECTOR + "relevant"] = _expression_cells(
            item.visible_if, item.visibility, item.key)
    for number, rule in enumerate(item.rules, start=1):
        if number == 1:
            cells["constraint"], cells[INSPECTOR + "constraint"] = _expression_cells(
                rule.expression, rule.tree, item.key)
            cells[MESSAGE] = rule.message
        else:
            cells[f"{INSPECTOR}constraint_{number}"] = rule.expression
            cells[f"{INSPECTOR}constraint_message_{number}"] = rule.message
    return cells


def _expression_cells(text: str, tree: Node, own_name: str) -> tuple[str, str]:
    """(the XPath column, the ``inspector::`` column) for one expression: the XPath
    alone when the importer translates it back to exactly ``text``, else also ``text``
    verbatim."""
    xpath = xpath_from_expression(tree, own_name)
    if xpath is not None and expression_from_xpath(xpath, own_name) == text:
        return xpath, ""
    return xpath or "", text


def _row(header: Sequence[str], cells: Mapping[str, str]) -> list[str]:
    return [cells.get(name, "") for name in header]


def _free_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted_2``, ``wanted_3``, … the first not in ``taken``."""
    name, number = wanted, 1
    while name in taken:
        number += 1
        name = f"{wanted}_{number}"
    return name
