"""Benchmark: import 100,000 entities from .xlsx and .csv, then show and filter the table.

Run as ``python -m benchmarks.directory [--rows N] [--repeat K]``. For each format it
times the raw read the issue names as the limit (openpyxl read-only iteration for
.xlsx, the csv module for .csv) and the full import into a fresh workspace, in the same
run, and reports medians. It then opens the entity screen offscreen on the imported
workspace, with the real database thread, and times how long the table takes to show
its first rows (a first page is painted while the rest loads) and all of them, and how
long each filter keystroke takes until the table has repainted. Beside the CSV import
it times the floor under any import: storing the same rows with a bare sqlite3
``executemany`` (see :func:`store_floor`).
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid as uuidlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector.core.roles import Actor, Role
from inspector.core.text import Lang
from inspector.services.demo_workspace import ENTITY_HEADER, demo_entity_rows
from inspector.services.directory_import import ImportKind, import_directory
from inspector.services.reference_data import load_divisions
from inspector.services.workspace import open_workspace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ACTOR = Actor("benchmark", Role.ADMINISTRATOR)
TYPED = ("集贸市场3排", "91130123MA", "鑫盛农资")


def write_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    data = demo_entity_rows(random.Random(7), rows)
    csv_path = folder / "entities.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ENTITY_HEADER)
        writer.writerows(data)
    xlsx_path = folder / "entities.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(ENTITY_HEADER)
    for row in data:
        sheet.append(row)
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


def raw_csv(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle))


def raw_xlsx(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def import_once(path: Path, root: Path) -> float:
    workspace = open_workspace(root)
    divisions = load_divisions()
    try:
        elapsed = timed(lambda: import_directory(
            workspace.store, ACTOR, ImportKind.ENTITIES, path, divisions=divisions,
            fallback_report_dir=root / "reports"))
    finally:
        workspace.store.close()
    return elapsed


def store_floor(path: Path, root: Path) -> float:
    """The floor under any CSV import: storing the file's rows, already checked and
    mapped to column values, with one bare sqlite3 ``executemany`` in one transaction
    into the migrated entity table (its unique and secondary indexes included). Reading,
    decoding and checking the rows are not timed; SQLAlchemy is not involved."""
    workspace = open_workspace(root)
    workspace.store.close()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = [(str(uuidlib.uuid4()), r[0], "uscc", r[1], "enterprise", r[3], r[4], "", "",
                 None, "active", 0, now, now) for r in reader]
    connection = sqlite3.connect(workspace.paths.database, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous=FULL")
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO market_entity (uuid, identifier, identifier_kind, name, entity_type,"
            " region_code, address, legal_representative, industry, risk_class,"
            " registration_status, pending, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def type_character(widget: QWidget, character: str) -> None:
    """Deliver one typed character as a key press, as a keyboard or an input method does."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
        QApplication.sendEvent(widget, event)


def measure_screen(root: Path, repeat: int) -> tuple[float, float, list[float]]:
    """Median times to show the entity table (first rows painted, and all rows loaded),
    and every filter keystroke's latency."""
    from datetime import date

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from inspector.ui.app import application, build_context
    from inspector.ui.db_worker import WorkspaceInfo
    from inspector.ui.screens.directory import DirectoryScreen

    app = application()
    ctx = build_context(app, root, Lang.ZH)
    opened: list[WorkspaceInfo] = []
    loop = QEventLoop()
    ctx.db.open_workspace(root, lambda info: (opened.append(info), loop.quit()))
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    ctx.set_workspace(opened[0])  # screens created below load on construction
    show_times: list[float] = []
    complete_times: list[float] = []
    keystrokes: list[float] = []
    screen: DirectoryScreen | None = None
    for _ in range(repeat):
        if screen is not None:
            screen.deleteLater()
        start = time.perf_counter()
        screen = DirectoryScreen(ctx, date.today())
        screen.resize(1400, 860)
        screen.show()
        tab = screen.entities
        assert tab is not None
        for signal, times in ((tab.rows_shown, show_times), (tab.loaded, complete_times)):
            wait = QEventLoop()
            signal.connect(wait.quit)
            QTimer.singleShot(120_000, wait.quit)
            if not (signal is tab.loaded and not tab.loading):
                wait.exec()
            tab.table.viewport().repaint()
            times.append(time.perf_counter() - start)
        assert tab.model.total > 0 and not tab.loading
    assert screen is not None and screen.entities is not None
    tab = screen.entities
    for text in TYPED:
        for character in text:
            start = time.perf_counter()
            type_character(tab.filter_edit, character)
            tab.table.viewport().repaint()
            keystrokes.append((time.perf_counter() - start) * 1000)
        for _ in text:
            start = time.perf_counter()
            QTest.keyClick(tab.filter_edit, Qt.Key.Key_Backspace)
            tab.table.viewport().repaint()
            keystrokes.append((time.perf_counter() - start) * 1000)
    assert tab.model.shown == tab.model.total
    ctx.db.close()
    return statistics.median(show_times), statistics.median(complete_times), keystrokes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-directory-") as scratch:
        folder = Path(scratch)
        csv_path, xlsx_path = write_inputs(folder, args.rows)
        figures: dict[str, dict[str, list[float]]] = {
            "csv": {"raw": [], "import": [], "floor": []}, "xlsx": {"raw": [], "import": []}}
        for run in range(args.repeat):
            for fmt, path, raw in (("csv", csv_path, raw_csv), ("xlsx", xlsx_path, raw_xlsx)):
                figures[fmt]["raw"].append(timed(lambda p=path, r=raw: r(p)))
                figures[fmt]["import"].append(import_once(path, folder / f"{fmt}-{run}"))
                print(f"run {run + 1} {fmt}: raw {figures[fmt]['raw'][-1]:.2f} s, "
                      f"import {figures[fmt]['import'][-1]:.2f} s", flush=True)
            figures["csv"]["floor"].append(store_floor(csv_path, folder / f"floor-{run}"))
        medians = {fmt: {k: statistics.median(v) for k, v in parts.items()}
                   for fmt, parts in figures.items()}
        show_s, complete_s, keystrokes = measure_screen(folder / "csv-0", max(args.repeat, 3))
    ordered = sorted(keystrokes)
    result = {
        "bench": "directory",
        "rows": args.rows,
        "repeat": args.repeat,
        "csv_raw_s": round(medians["csv"]["raw"], 3),
        "csv_import_s": round(medians["csv"]["import"], 3),
        "csv_rows_per_s": round(args.rows / medians["csv"]["import"]),
        "csv_store_floor_s": round(medians["csv"]["floor"], 3),
        "xlsx_raw_s": round(medians["xlsx"]["raw"], 3),
        "xlsx_import_s": round(medians["xlsx"]["import"], 3),
        "xlsx_rows_per_s": round(args.rows / medians["xlsx"]["import"]),
        "table_show_s": round(show_s, 3),
        "table_complete_s": round(complete_s, 3),
        "filter_keystroke_ms": round(statistics.median(keystrokes), 1),
        "filter_keystroke_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "filter_keystroke_max_ms": round(ordered[-1], 1),
        "ratios": {
            "xlsx_import_vs_raw": round(medians["xlsx"]["import"] / medians["xlsx"]["raw"], 2),
            "csv_import_vs_raw": round(medians["csv"]["import"] / medians["csv"]["raw"], 2),
            # Storing alone, with nothing read or checked, against the same limit.
            "csv_store_floor_vs_raw": round(medians["csv"]["floor"] / medians["csv"]["raw"], 2),
        },
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
