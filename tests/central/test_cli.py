"""The ``inspector-central`` administrative commands, run as a user would run them."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from pathlib import Path

from inspector.services.demo_workspace import ENTITY_HEADER, demo_entity_rows
from tests.central.support import PASSWORD, running_server


def cli(database_url: str, blobs: Path, *args: str, password: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspector.central.cli", "--db", database_url,
         "--blobs", str(blobs), *args],
        input=None if password is None else password + "\n",
        capture_output=True, text=True, timeout=120, check=False)


def write_entities(path: Path, rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ENTITY_HEADER)
        writer.writerows(rows)


def test_units_users_import_export_and_audit(database_url: str, tmp_path: Path) -> None:
    blobs = tmp_path / "blobs"
    assert cli(database_url, blobs, "unit", "create", "ZD", "正定县市场监督管理局",
               "--region", "130123").returncode == 0
    short = cli(database_url, blobs, "user", "create", "admin", "--role", "administrator",
                "--unit", "ZD", password="short")
    assert short.returncode == 1 and "at least 8" in short.stderr
    on_command_line = cli(database_url, blobs, "user", "create", "admin", "--role",
                          "administrator", "--unit", "ZD", "--password", PASSWORD)
    assert on_command_line.returncode == 1 and "never on the command line" in on_command_line.stderr
    for name, role in (("admin", "administrator"), ("zhang", "inspector")):
        created = cli(database_url, blobs, "user", "create", name, "--role", role, "--unit", "ZD",
                      password=PASSWORD)
        assert created.returncode == 0, created.stderr

    rows = demo_entity_rows(random.Random(3), 120)
    source = tmp_path / "entities.csv"
    write_entities(source, rows)
    first = cli(database_url, blobs, "import", "entities", str(source), "--as", "admin")
    assert first.returncode == 0, first.stderr
    assert "read 120 rows: 120 stored; 0 rows rejected" in first.stdout

    changed = [(*rows[0][:1], "正定县改名后的商店", *rows[0][2:]), *rows[1:],
               ("91130123MA0ABCDE6X", "校验码错误的商店", "企业", "130123", "", "", "", "", "")]
    write_entities(source, changed)
    again = cli(database_url, blobs, "import", "entities", str(source), "--as", "admin")
    assert again.returncode == 1
    assert "1 stored, 119 unchanged; 1 rows rejected" in again.stdout
    assert "row 122" in again.stderr and "check character" in again.stderr

    refused = cli(database_url, blobs, "import", "entities", str(source), "--as", "zhang")
    assert refused.returncode == 1 and "administrator" in refused.stderr

    exported = cli(database_url, blobs, "export", "--kind", "entity")
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(lines) == 120
    renamed = next(r for r in lines if r["body"]["identifier"] == rows[0][0])
    assert renamed["body"]["name"] == "正定县改名后的商店" and renamed["revision"] == 2

    with running_server(database_url, blobs) as central:
        directory = central.login("zhang").feed("directory", limit=1000)["items"]
    assert len(directory) == 120

    verified = cli(database_url, blobs, "audit", "verify")
    assert verified.returncode == 0 and "intact" in verified.stdout


def test_a_bad_file_is_refused_with_its_reason(database_url: str, tmp_path: Path) -> None:
    blobs = tmp_path / "blobs"
    cli(database_url, blobs, "unit", "create", "ZD", "正定县", "--region", "130123")
    cli(database_url, blobs, "user", "create", "admin", "--role", "administrator", "--unit",
        "ZD", password=PASSWORD)
    old_excel = tmp_path / "entities.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = cli(database_url, blobs, "import", "entities", str(old_excel), "--as", "admin")
    assert result.returncode == 1 and ".xls" in result.stderr
