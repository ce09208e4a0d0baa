"""The import report file, its fallback location, cancellation, progress and the audit event."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from inspector.core.credit_codes import uscc_check_character
from inspector.core.text import Lang
from inspector.services.audit_log import verify_audit_log
from inspector.services.directory_import import (
    CHUNK_ROWS,
    ImportCancelledError,
    ImportKind,
    report_path_for,
)
from inspector.services.workspace import Workspace
from tests.integration.support import (
    ENTITY_HEADER,
    count,
    credit_codes,
    entity_row,
    entity_rows,
    query,
    run_import,
    snapshot,
    write_csv,
)


def _file_with_problems(inbox: Path) -> tuple[Path, list[str]]:
    codes = credit_codes(4, seed=31)
    bad = codes[1][:17] + ("1" if codes[1][17] != "1" else "2")
    path = inbox / "县局名录.csv"
    lines = [
        ",".join(ENTITY_HEADER),
        ",".join(entity_row(codes[0], "好公司")),                    # row 2
        ",".join(entity_row(bad, "校验错")),                          # row 3
        "",                                                           # row 4: blank line
        ",".join(entity_row(codes[2], "")),                           # row 5
        f"{codes[3]},开发区公司,企业,139999,,,,,",                    # row 6: warning only
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path, [codes[0], bad, codes[2], codes[3]]


def _report_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_report_lists_row_column_value_severity_and_reason(
    workspace: Workspace, inbox: Path
) -> None:
    path, (good, bad, _, warned) = _file_with_problems(inbox)
    summary = run_import(workspace, ImportKind.ENTITIES, path)

    assert summary.report_path == inbox / "县局名录-import-report.csv"
    assert summary.report_path == report_path_for(path)
    rows = _report_rows(summary.report_path)
    assert rows[0] == ["行号", "列", "值", "级别", "原因"]
    assert [row[:4] for row in rows[1:]] == [
        ["3", "统一社会信用代码", bad, "拒绝"],
        ["5", "名称", "", "拒绝"],
        ["6", "行政区划代码", "139999", "警告"],
    ]
    assert rows[1][4] == f"第18位校验码应为“{uscc_check_character(bad[:17])}”，实为“{bad[17]}”"
    assert rows[2][4] == "名称不能为空"
    assert "不在行政区划表中" in rows[3][4]
    assert (summary.inserted, summary.rejected_rows, summary.warnings) == (2, 2, 1)
    assert count(workspace.paths.database, "market_entity") == 2
    assert query(workspace.paths.database, "SELECT identifier FROM market_entity ORDER BY id"
                 ) == [(good,), (warned,)]


def test_report_in_english(workspace: Workspace, inbox: Path) -> None:
    path, _ = _file_with_problems(inbox)
    summary = run_import(workspace, ImportKind.ENTITIES, path, lang=Lang.EN)
    assert summary.report_path is not None
    rows = _report_rows(summary.report_path)
    assert rows[0] == ["row", "column", "value", "severity", "reason"]
    assert [row[3] for row in rows[1:]] == ["rejected", "rejected", "warning"]
    assert rows[2][4] == "name must not be empty"


def test_report_falls_back_to_the_workspace_when_it_cannot_be_written_beside_the_input(
    workspace: Workspace, inbox: Path
) -> None:
    path, _ = _file_with_problems(inbox)
    blocked = report_path_for(path)
    blocked.mkdir()  # a folder where the report file should go: opening it fails
    summary = run_import(workspace, ImportKind.ENTITIES, path)
    assert summary.report_path == workspace.paths.reports / blocked.name
    assert [row[0] for row in _report_rows(summary.report_path)] == ["行号", "3", "5", "6"]
    assert blocked.is_dir()
    assert not any(blocked.iterdir())


def test_import_still_commits_when_no_report_can_be_written(
    workspace: Workspace, inbox: Path
) -> None:
    path, _ = _file_with_problems(inbox)
    report_path_for(path).mkdir()
    (workspace.paths.reports / report_path_for(path).name).mkdir(parents=True)
    summary = run_import(workspace, ImportKind.ENTITIES, path)
    assert summary.report_path is None
    assert summary.rejected_rows == 2
    assert count(workspace.paths.database, "market_entity") == 2


def test_import_is_audited_with_the_files_sha256(workspace: Workspace, inbox: Path) -> None:
    path, _ = _file_with_problems(inbox)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    summary = run_import(workspace, ImportKind.ENTITIES, path)
    again = run_import(workspace, ImportKind.ENTITIES, path)
    assert summary.file_sha256 == digest

    events = query(workspace.paths.database,
                   "SELECT action, object_kind, object_id, actor, role, device_id, payload "
                   "FROM audit_event ORDER BY seq")
    assert [e[0] for e in events] == [
        "workspace.created", "directory.import_entities", "directory.import_entities"]
    for event, (inserted, unchanged) in zip(events[1:], ((2, 0), (0, 2)), strict=True):
        assert event[1:6] == ("entities", path.name, "管理员", "administrator",
                              workspace.device_id)
        assert json.loads(str(event[6])) == {
            "file": path.name, "sha256": digest, "rows": 4, "inserted": inserted,
            "updated": 0, "unchanged": unchanged, "rejected": 2,
        }
    assert again.unchanged == 2
    verdict = verify_audit_log(workspace.store)
    assert verdict.intact
    assert verdict.events_checked == 3


@pytest.fixture
def big_file(inbox: Path) -> tuple[Path, list[str]]:
    """A file past the first progress and cancel check (one chunk and a bit)."""
    codes = credit_codes(CHUNK_ROWS + 1000, seed=32)
    rows = entity_rows(codes, prefix="批量")
    return write_csv(inbox / "big.csv", ENTITY_HEADER, rows), codes


def test_cancelling_leaves_the_database_exactly_as_it_was(
    workspace: Workspace, inbox: Path, big_file: tuple[Path, list[str]]
) -> None:
    path, codes = big_file
    db = workspace.paths.database
    # Some rows the cancelled file would have updated, and one it would not touch.
    run_import(workspace, ImportKind.ENTITIES, write_csv(
        inbox / "first.csv", ENTITY_HEADER,
        [entity_row(codes[0], "原名一"), entity_row(codes[1], "原名二")]))
    before = snapshot(db)
    checks: list[int] = []

    def cancelled() -> bool:
        checks.append(count(db, "market_entity"))  # another connection sees no new rows
        return True

    with pytest.raises(ImportCancelledError):
        run_import(workspace, ImportKind.ENTITIES, path, cancelled=cancelled)

    assert checks == [2]
    assert snapshot(db) == before
    assert query(db, "SELECT name FROM market_entity ORDER BY id") == [("原名一",), ("原名二",)]
    assert not report_path_for(path).exists()
    assert verify_audit_log(workspace.store).intact


def test_not_cancelling_imports_everything(
    workspace: Workspace, big_file: tuple[Path, list[str]]
) -> None:
    path, codes = big_file
    checks: list[bool] = []

    def cancelled() -> bool:
        checks.append(True)
        return False

    summary = run_import(workspace, ImportKind.ENTITIES, path, cancelled=cancelled)
    assert len(checks) == 1
    assert summary.inserted == len(codes)
    assert count(workspace.paths.database, "market_entity") == len(codes)


def test_progress_reports_rows_done_against_the_data_row_count(
    workspace: Workspace, big_file: tuple[Path, list[str]]
) -> None:
    path, codes = big_file
    calls: list[tuple[int, int | None]] = []
    run_import(workspace, ImportKind.ENTITIES, path,
               progress=lambda done, total: calls.append((done, total)))
    assert calls == [(CHUNK_ROWS, len(codes)), (len(codes), len(codes))]
