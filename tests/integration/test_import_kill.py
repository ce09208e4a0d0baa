"""A killed import leaves the database exactly as it was before the import started.

The command line runs a 60,000-row import in one transaction; it is SIGKILLed after its
first, second or third progress line, i.e. with 5,000 to 15,000 rows written but not
committed. The workspace must then open, pass ``PRAGMA integrity_check`` and hold the
rows and audit events it held before, with an intact chain.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.services.audit_log import verify_audit_log
from inspector.services.directory_import import ImportKind
from inspector.services.workspace import open_workspace
from tests.integration.support import (
    ENTITY_HEADER,
    count,
    credit_codes,
    entity_rows,
    query,
    run_import,
    snapshot,
    write_csv,
)

BIG_ROWS = 60_000
PROGRESS = "已处理 "


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill")
    rows = entity_rows(credit_codes(BIG_ROWS, seed=51), prefix="大批量")
    return write_csv(folder / "big.csv", ENTITY_HEADER, rows)


def _import_then_kill(data_dir: Path, source: Path, kill_after: int) -> list[str]:
    """Start the import, SIGKILL it after ``kill_after`` progress lines; return them."""
    env = dict(os.environ, INSPECTOR_LANG="zh", PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "inspector", "--data-dir", str(data_dir), "import", "entities",
         str(source)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env=env,
    )
    seen: list[str] = []
    try:
        assert process.stderr is not None
        while len(seen) < kill_after:
            line = process.stderr.readline()
            assert line, f"import ended before progress line {kill_after}: {seen}"
            if line.startswith(PROGRESS):
                seen.append(line.strip())
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL, "the import finished first"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        if process.stderr is not None:
            process.stderr.close()
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 2, 3])
def test_killed_import_leaves_the_database_as_it_was(
    tmp_path: Path, big_csv: Path, kill_after: int
) -> None:
    data_dir = tmp_path / "ws"
    db = data_dir / "inspector.sqlite"
    workspace = open_workspace(data_dir)
    try:
        small = write_csv(tmp_path / "small.csv", ENTITY_HEADER,
                          entity_rows(credit_codes(3, seed=52, kind_digit="2"), prefix="先导"))
        assert run_import(workspace, ImportKind.ENTITIES, small).inserted == 3
    finally:
        workspace.store.close()
    before = snapshot(db)
    assert count(db, "market_entity") == 3

    seen = _import_then_kill(data_dir, big_csv, kill_after)

    # Rows done so far (the total is a hint, checked in test_import_report_audit).
    assert seen[-1].startswith(f"{PROGRESS}{kill_after * 5000}/")
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert snapshot(db) == before
    reopened = open_workspace(data_dir)
    try:
        assert reopened.migration.backup is None
        verdict = verify_audit_log(reopened.store)
        assert verdict.intact
        assert verdict.events_checked == 2  # workspace.created, the small import
        # The write lock died with the process: the next import goes through.
        again = write_csv(tmp_path / "again.csv", ENTITY_HEADER,
                          entity_rows(credit_codes(1, seed=53, kind_digit="3")))
        assert run_import(reopened, ImportKind.ENTITIES, again).inserted == 1
    finally:
        reopened.store.close()
    assert count(db, "market_entity") == 4
