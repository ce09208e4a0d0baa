"""Helpers shared by the integration tests: files to import, imports, counts, the CLI."""

from __future__ import annotations

import csv
import io
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook

from inspector.core.roles import Actor, Role
from inspector.core.text import Lang
from inspector.services.demo_workspace import demo_credit_code
from inspector.services.directory_import import (
    CancelCheck,
    ImportKind,
    ImportSummary,
    ProgressCallback,
    import_directory,
)
from inspector.services.reference_data import load_divisions
from inspector.services.workspace import Workspace

ENTITY_HEADER = ("统一社会信用代码", "名称", "主体类型", "行政区划代码", "住所", "法定代表人",
                 "行业", "风险等级", "登记状态")
INSPECTOR_HEADER = ("工号", "姓名", "单位", "行政区划代码", "执法证号", "发证机关", "有效期起",
                    "有效期至", "执法资格", "在岗")
ADMIN = Actor("管理员", Role.ADMINISTRATOR)
DIVISIONS = load_divisions()
COUNTY = "130123"

Row = Sequence[object]


def credit_codes(count: int, seed: int = 1, kind_digit: str = "1") -> list[str]:
    """``count`` distinct valid credit codes registered in 正定县."""
    rng = random.Random(seed)
    codes: dict[str, None] = {}
    while len(codes) < count:
        codes[demo_credit_code(rng, kind_digit, COUNTY)] = None
    return list(codes)


def entity_row(code: str, name: str, *, risk: str = "B", status: str = "存续",
               address: str = "河北省石家庄市正定县中山路1号") -> tuple[str, ...]:
    return (code, name, "企业", COUNTY, address, "王建国", "食品销售", risk, status)


def entity_rows(codes: Iterable[str], prefix: str = "正定县测试") -> list[tuple[str, ...]]:
    return [entity_row(code, f"{prefix}{n}有限公司") for n, code in enumerate(codes, 1)]


def inspector_row(staff_id: str, name: str, *, cert: str = "冀13012324001",
                  valid_from: str = "2024-01-01", valid_to: str = "2029-01-01",
                  qualifications: str = "食品、计量", active: str = "是") -> tuple[str, ...]:
    return (staff_id, name, "正定县市场监督管理局执法大队", COUNTY, cert, "石家庄市人民政府",
            valid_from, valid_to, qualifications, active)


def csv_text(header: Row, rows: Iterable[Row], delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(path: Path, header: Row, rows: Iterable[Row], encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_text(header, rows, delimiter).encode(encoding))
    return path


def write_xlsx(path: Path, header: Row, rows: Iterable[Row]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "名录"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    workbook.close()
    return path


def run_import(
    workspace: Workspace,
    kind: ImportKind,
    path: Path,
    *,
    lang: Lang = Lang.ZH,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportSummary:
    return import_directory(
        workspace.store, ADMIN, kind, path, divisions=DIVISIONS,
        fallback_report_dir=workspace.paths.reports, lang=lang, progress=progress,
        cancelled=cancelled,
    ).value


def query(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Rows from a plain connection, independent of the app's engine."""
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def count(db: Path, table: str) -> int:
    value = query(db, f"SELECT count(*) FROM {table}")[0][0]
    assert isinstance(value, int)
    return value


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables an import may touch, for before/after comparisons."""
    return {
        table: query(db, f"SELECT * FROM {table} ORDER BY 1")
        for table in ("market_entity", "inspector", "audit_event", "workspace_setting")
    }


def cli(*args: str, data_dir: Path | None = None, env_data_dir: Path | None = None,
        lang: str = "zh", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m inspector`` and capture its output."""
    env = {k: v for k, v in os.environ.items() if k != "INSPECTOR_DATA_DIR"}
    env["INSPECTOR_LANG"] = lang
    env["PYTHONIOENCODING"] = "utf-8"
    if env_data_dir is not None:
        env["INSPECTOR_DATA_DIR"] = str(env_data_dir)
    prefix = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "inspector", *prefix, *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=120,
        check=False,
    )
