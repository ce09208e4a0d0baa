"""XLSForm workbooks into checklists: a supported form converts with its conditions and
rules working; the samples written by others report what we do not support, by cell."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from inspector.forms.answers import form_state
from inspector.forms.checklist import ItemKind
from inspector.services.checklist_files import ChecklistFileError, read_checklist_file
from tests.conftest import SHARED_DATA
from tests.integration.support import cli

SURVEY = [
    ["type", "name", "label::Chinese (zh)", "label::English (en)", "hint", "required",
     "relevant", "constraint", "constraint_message::Chinese (zh)"],
    ["begin_group", "licence", "经营资质", "Licence"],
    ["select_one yes_no", "licence_shown", "是否悬挂营业执照", "Licence shown", "", "yes"],
    ["select_multiple problems", "licence_problems", "问题", "Problems", "可多选", "",
     "${licence_shown} = 'no'", "not(selected(., 'none') and count-selected(.) > 1)",
     "“无”不能与其他问题同选"],
    ["image", "licence_photo", "执照照片", "Photo", "", "",
     "selected(${licence_problems}, 'expired')"],
    ["end_group"],
    ["integer", "stock", "库存数量", "Stock", "", "yes", "", ". >= 0 and . <= 100000",
     "库存应在 0 到 100000 之间"],
    ["decimal", "price", "单价", "Price", "元", "", "${stock} > 0", ". > 0"],
    ["barcode", "sample_code", "样品条码", "Sample code"],
    ["note", "remind", "拍照时请包含经营场所门头", "Include the shop front"],
]
CHOICES = [
    ["list_name", "name", "label::Chinese (zh)", "label::English (en)"],
    ["yes_no", "yes", "是", "Yes"], ["yes_no", "no", "否", "No"],
    ["problems", "none", "无", "None"], ["problems", "expired", "过期", "Expired"],
    ["problems", "hidden", "未悬挂", "Not shown"],
]


def workbook(path: Path, survey: list[list[Any]], choices: list[list[Any]] = CHOICES,
             form_id: str = "MARKET-LICENCE") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    choice_sheet = book.create_sheet("choices")
    for row in choices:
        choice_sheet.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id"])
    settings.append(["集贸市场经营资质检查", form_id])
    book.save(path)
    return path


def test_a_supported_xlsform_becomes_a_checklist_whose_rules_work(tmp_path: Path) -> None:
    checklist = read_checklist_file(workbook(tmp_path / "licence.xlsx", SURVEY))
    assert (checklist.code, checklist.title) == ("MARKET-LICENCE", "集贸市场经营资质检查")
    assert [s.title for s in checklist.sections] == ["经营资质", "集贸市场经营资质检查"]
    items = checklist.items_by_key
    assert items["licence_shown"].label == "是否悬挂营业执照" and items["licence_shown"].required
    assert items["licence_problems"].kind is ItemKind.MULTIPLE_CHOICE
    assert items["licence_problems"].help == "可多选"
    assert items["licence_photo"].kind is ItemKind.PHOTO
    assert items["remind"].kind is ItemKind.GUIDANCE
    assert items["stock"].rules[0].expression == "${stock} >= 0 and ${stock} <= 100000"

    answers: dict[str, Any] = {"licence_shown": "no", "licence_problems": ("none", "expired"),
                               "stock": Decimal(-1)}
    state = form_state(checklist, answers, {}, date(2026, 12, 4))
    assert {"licence_problems", "licence_photo"} <= state.visible
    assert "price" not in state.visible  # stock is not above 0
    assert [p.text.zh for p in state.problems_of("licence_problems")] == [
        "“无”不能与其他问题同选"]
    assert [p.text.zh for p in state.problems_of("stock")] == ["库存应在 0 到 100000 之间"]
    answers.update(licence_shown="yes", stock=Decimal(40))
    state = form_state(checklist, answers, {}, date(2026, 12, 4))
    assert "licence_problems" not in state.visible and "price" in state.visible
    assert state.problems == ()


def test_unsupported_parts_are_reported_by_sheet_row_and_column(tmp_path: Path) -> None:
    survey = [row[:] for row in SURVEY]
    survey[0].append("default")
    survey.append(["geopoint", "where", "位置", "Location"])
    survey.append(["text", "email", "邮箱", "Email", "", "", "",
                   "regex(., '[a-z]+@[a-z]+')", "", "x"])
    survey.append(["select_one colours", "colour", "颜色", "Colour"])
    with pytest.raises(ChecklistFileError) as raised:
        read_checklist_file(workbook(tmp_path / "bad.xlsx", survey))
    problems = [p.en for p in raised.value.problems]
    assert problems == [
        "bad.xlsx: survey!J12: unsupported column default",
        "bad.xlsx: survey!A11: unsupported type geopoint",
        "bad.xlsx: survey!H12: expression not supported: regex(., '[a-z]+@[a-z]+')",
        "bad.xlsx: survey!A13: no choice list colours",
    ]
    assert raised.value.problems[1].zh == "bad.xlsx: survey!A11：不支持的题型 geopoint"


@pytest.mark.parametrize(("name", "cells"), [
    ("tutorial.xlsx", {"survey!A7", "survey!A18", "survey!K18", "survey!A23"}),
    ("transportation_tutorial.xlsx", {"survey!G16", "survey!A3", "survey!A13"}),
    ("flat_xlsform_test.xlsx", {"survey!N3", "survey!A16", "survey!A34"}),
])
def test_the_samples_written_by_others_report_what_we_do_not_support(
        name: str, cells: set[str]) -> None:
    if not (SHARED_DATA / "xlsforms").is_dir():  # the samples live beside the repository
        pytest.skip(f"the XLSForm samples are not at {SHARED_DATA / 'xlsforms'}")
    with pytest.raises(ChecklistFileError) as raised:
        read_checklist_file(SHARED_DATA / "xlsforms" / name)
    reported = {p.en.split(": ")[1] for p in raised.value.problems}
    assert cells <= reported


def test_checklist_validate_exits_by_verdict(tmp_path: Path) -> None:
    good = workbook(tmp_path / "licence.xlsx", SURVEY)
    broken = workbook(tmp_path / "broken.xlsx", [*SURVEY, ["geopoint", "where", "位置"]])
    valid = cli("checklist", "validate", str(good))
    assert valid.returncode == 0, valid.stderr
    assert "清单有效：MARKET-LICENCE 第 1 版，2 个分节，7 个题目" in valid.stdout
    invalid = cli("--lang", "en", "checklist", "validate", str(broken))
    assert invalid.returncode == 1
    assert "broken.xlsx: survey!A11: unsupported type geopoint" in invalid.stderr
    assert "Traceback" not in invalid.stderr
    missing = cli("checklist", "validate", str(tmp_path / "nothing.json"))
    assert missing.returncode == 2 and "无法读取" in missing.stderr
