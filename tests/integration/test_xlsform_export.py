"""Exporting a stored checklist version as XLSForm: through the library and the command
line, the workbook reads back as the same checklist; other suffixes are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector.core.roles import Actor, Role
from inspector.forms.checklist import parse_checklist
from inspector.resource_files import resource
from inspector.services.checklist_files import read_checklist_file, write_xlsform
from inspector.services.checklist_library import (
    ChecklistLibraryError,
    export_checklist,
    import_checklist,
    load_version,
    publish_version,
)
from inspector.services.workspace import Workspace
from tests.integration.support import cli
from tests.unit.test_xlsform_export import EVERYTHING

ADMIN = Actor("管理员", Role.ADMINISTRATOR)
FOOD_VENDOR = resource("checklists") / "food-vendor.json"  # SPXS
SAMPLING = resource("checklists") / "circulation-sampling.json"  # LTCY


def test_an_exported_workbook_reads_back_as_the_stored_version(workspace: Workspace,
                                                               tmp_path: Path) -> None:
    store = workspace.store
    import_checklist(store, ADMIN, FOOD_VENDOR)
    publish_version(store, ADMIN, "SPXS", 1)
    out = tmp_path / "export" / "SPXS-v1.XLSX"
    export_checklist(store, "SPXS", 1, out)
    assert read_checklist_file(out) == load_version(store, "SPXS", 1)
    assert [p.name for p in out.parent.iterdir()] == ["SPXS-v1.XLSX"]  # no partial file

    book = load_workbook(out)
    try:
        assert book.sheetnames == ["survey", "choices", "settings"]
        survey = book["survey"]
        header = [cell.value for cell in survey[1]]
        assert header[:3] == ["type", "name", "label::Chinese (zh)"]
        assert "inspector::basis" in header and "inspector::severity" in header
        assert all(cell.font.bold for cell in survey[1])
        assert survey.column_dimensions["C"].width > survey.column_dimensions["A"].width
        settings = {cell.value: below.value
                    for cell, below in zip(book["settings"][1], book["settings"][2],
                                           strict=True)}
        assert (settings["form_id"], settings["version"]) == ("SPXS", "1")
    finally:
        book.close()


def test_every_kind_and_expression_survives_the_workbook(tmp_path: Path) -> None:
    original = parse_checklist(json.dumps(EVERYTHING, ensure_ascii=False))
    out = tmp_path / "all-kinds.xlsx"
    write_xlsform(original, out)
    assert read_checklist_file(out) == original


def test_other_suffixes_and_unknown_versions_are_refused(workspace: Workspace,
                                                         tmp_path: Path) -> None:
    store = workspace.store
    import_checklist(store, ADMIN, FOOD_VENDOR)
    with pytest.raises(ChecklistLibraryError) as raised:
        export_checklist(store, "SPXS", 1, tmp_path / "spxs.csv")
    assert raised.value.text.en == (
        "spxs.csv: a checklist is exported as .json (our format) or .xlsx (XLSForm)")
    assert raised.value.text.zh == "spxs.csv：清单只能导出为 .json（本系统格式）或 .xlsx（XLSForm）"
    with pytest.raises(ChecklistLibraryError, match="no checklist SPXS version 2"):
        export_checklist(store, "SPXS", 2, tmp_path / "spxs.xlsx")
    assert not list(tmp_path.glob("spxs.*"))


def test_the_command_line_exports_xlsform(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    imported = cli("checklist", "import", str(SAMPLING), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    out = tmp_path / "ltcy.xlsx"
    exported = cli("checklist", "export", "LTCY", "--version", "1", "--out", str(out),
                   data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == str(out)
    assert read_checklist_file(out) == read_checklist_file(SAMPLING)
    validated = cli("checklist", "validate", str(out))
    assert validated.returncode == 0, validated.stderr

    refused = cli("--lang", "en", "checklist", "export", "LTCY", "--version", "1", "--out",
                  str(tmp_path / "ltcy.csv"), data_dir=data_dir)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "ltcy.csv: a checklist is exported as .json (our format) or .xlsx (XLSForm)")
    assert "Traceback" not in refused.stderr
