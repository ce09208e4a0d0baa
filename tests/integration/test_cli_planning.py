"""The team lead's commands end to end, run as real processes on a small workspace:
plan check, draw run/verify/commit/release, disclosure board/approve/export."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from inspector.core.draw import commitment, verify_protocol
from inspector.db.models import DrawProtocol, Task
from inspector.services.planning import save_plan
from inspector.services.workspace import open_workspace
from tests.integration.planning_support import (
    OTHER_SEED,
    SEED,
    TEAM_LEAD,
    add_entities,
    add_inspection,
    add_inspectors,
    plan_data,
    plan_doc,
    plan_tasks_by_entity,
    rows,
)
from tests.integration.support import cli, query


def together(*calls: tuple[str, ...], data_dirs: tuple[Path | None, ...]
             ) -> list[subprocess.CompletedProcess[str]]:
    """Independent commands run side by side (each is a whole Python start-up)."""
    with ThreadPoolExecutor(len(calls)) as pool:
        futures = [pool.submit(cli, *args, data_dir=data_dir)
                   for args, data_dir in zip(calls, data_dirs, strict=True)]
        return [future.result() for future in futures]


def small_workspace(data_dir: Path) -> list[str]:
    """30 entities of class B in 正定县 and 4 inspectors; the entity keys."""
    workspace = open_workspace(data_dir)
    try:
        keys = add_entities(workspace.store, 30)
        add_inspectors(workspace.store, 4)
    finally:
        workspace.store.close()
    return keys


def write_plan(path: Path, code: str, **changes: object) -> Path:
    path.write_text(json.dumps(plan_data(code, **changes), ensure_ascii=False, indent=2),
                    encoding="utf-8")
    return path


def test_a_plan_from_check_to_published_results(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    small_workspace(data_dir)
    plan = write_plan(tmp_path / "十二月计划.json", "ZD-CLI-1", max_per_inspector=3)

    checked = cli("plan", "check", str(plan), data_dir=data_dir)
    assert checked.returncode == 0, checked.stderr
    assert "分层 B：名录 30 户，抽取 3 户" in checked.stdout
    assert "符合条件的检查人员：4 名" in checked.stdout
    assert "计划可以抽取" in checked.stdout
    db = data_dir / "inspector.sqlite"
    assert query(db, "SELECT count(*) FROM plan") == [(0,)]  # check writes nothing

    out = tmp_path / "out" / "protocol.json"
    summary = tmp_path / "summary"
    drawn = cli("draw", "run", "--plan", str(plan), "--seed", SEED.hex(), "--out", str(out),
                "--summary", str(summary), data_dir=data_dir)
    assert drawn.returncode == 0, drawn.stderr
    assert "抽取完成：3 户已派检查组，0 户未能派员" in drawn.stdout
    document = json.loads(out.read_text(encoding="utf-8"))
    assert verify_protocol(document).ok
    assert document["seed_commitment"] == commitment(SEED)
    assert f"SHA-256 {document['sha256']}" in drawn.stdout
    stem = f"ZD-CLI-1-draw-{document['sha256'][:12]}"
    assert sorted(p.name for p in summary.iterdir()) == [f"{stem}.pdf", f"{stem}.xlsx"]
    assert query(db, "SELECT sha256 FROM draw_protocol") == [(document["sha256"],)]

    verified, again = together(
        ("draw", "verify", str(out)),
        ("draw", "run", "--plan", str(plan), "--seed", OTHER_SEED.hex(),
         "--out", str(tmp_path / "again.json")), data_dirs=(None, data_dir))
    assert verified.returncode == 0, verified.stderr
    assert "抽取记录验证通过" in verified.stdout
    assert again.returncode == 2
    assert "ZD-CLI-1 已抽取" in again.stderr and "不能再修改" in again.stderr
    assert not (tmp_path / "again.json").exists()
    assert query(db, "SELECT count(*) FROM draw_protocol") == [(1,)]

    released = cli("draw", "release", "--plan", "ZD-CLI-1", data_dir=data_dir)
    assert released.returncode == 0, released.stderr
    assert "已下达 3 项任务" in released.stdout
    assert query(db, "SELECT DISTINCT status FROM task") == [("assigned",)]

    # A conflict declared after the draw: that one team is redrawn, on the record.
    entity_key = document["selected"][0]["key"]
    recused = document["selected"][0]["team"][0]
    record = tmp_path / "redraw-1.json"
    redrawn = cli("draw", "redraw", "--plan", "ZD-CLI-1", "--inspector", recused,
                  "--entity", entity_key, "--reason", "与经营者系近亲属", "--out", str(record),
                  data_dir=data_dir)
    assert redrawn.returncode == 0, redrawn.stderr
    assert "已登记回避并重新抽取" in redrawn.stdout
    team = [staff for (staff,) in query(db, (
        "SELECT i.staff_id FROM task_inspector ti JOIN inspector i ON i.id = ti.inspector_id "
        "JOIN task t ON t.id = ti.task_id JOIN market_entity e ON e.id = t.entity_id "
        f"WHERE e.identifier = '{entity_key}' ORDER BY ti.role DESC"))]
    assert recused not in team and team == json.loads(record.read_text("utf-8"))["team"]
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**json.loads(record.read_text("utf-8")),
                                  "team": [recused, team[1]]}, ensure_ascii=False), "utf-8")
    with_redraw, with_forgery = together(
        ("draw", "verify", str(out), str(record)), ("draw", "verify", str(out), str(forged)),
        data_dirs=(None, None))
    assert with_redraw.returncode == 0 and "1 次重抽一致" in with_redraw.stdout
    assert with_forgery.returncode == 1 and "redraw 1" in with_forgery.stderr

    # The inspectors' results come back: one 90 days ago (overdue), one yesterday.
    workspace = open_workspace(data_dir)
    try:
        tasks = plan_tasks_by_entity(workspace.store, "ZD-CLI-1")
        old_key, new_key, _unused = sorted(tasks)
        now = datetime.now(UTC)
        add_inspection(workspace.store, old_key, finalized_at=now - timedelta(days=90),
                       task_id=tasks[old_key], result_codes=["8"])
        add_inspection(workspace.store, new_key, finalized_at=now - timedelta(days=1),
                       task_id=tasks[new_key], result_codes=["1"])
    finally:
        workspace.store.close()

    board = cli("disclosure", "board", data_dir=data_dir)
    assert board.returncode == 1, board.stderr
    assert "1 项结果已超过 20 个工作日公示期限" in board.stderr
    lines = board.stdout.splitlines()
    assert len(lines) == 2
    assert old_key in lines[0] and "[须公示]" in lines[0]  # the overdue one first
    assert re.match(r"\d{4}-\d{2}-\d{2} \(-\d+\) ", lines[0])

    approved = cli("disclosure", "approve", "--all", data_dir=data_dir)
    assert approved.returncode == 0, approved.stderr
    assert "已审核 2 项结果" in approved.stdout

    listed = tmp_path / "公示清单.csv"
    exported = cli("disclosure", "export", "--out", str(listed), data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    assert "2 条" in exported.stdout
    table = list(csv.reader(io.StringIO(listed.read_bytes().decode("utf-8-sig"))))
    assert table[0][:2] == ["企业名称", "统一社会信用代码"]
    assert sorted(line[1] for line in table[1:]) == sorted([old_key, new_key])
    assert {line[1]: line[6] for line in table[1:]} == {old_key: "是", new_key: ""}

    actions = [a for (a,) in query(db, "SELECT action FROM audit_event ORDER BY seq")]
    assert actions == ["workspace.created", "plan.saved", "draw.run", "draw.released",
                       "draw.redrawn", "disclosure.approved",
                       "disclosure.approved", "disclosure.exported"]


def test_a_wrong_seed_and_a_team_of_one_are_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    small_workspace(data_dir)
    workspace = open_workspace(data_dir)
    try:
        save_plan(workspace.store, plan_doc("ZD-CLI-2"), TEAM_LEAD)
    finally:
        workspace.store.close()
    solo = write_plan(tmp_path / "solo.json", "ZD-CLI-3", team_size=1)

    committed, team_of_one = together(
        ("draw", "commit", "--plan", "ZD-CLI-2"),
        ("--lang", "en", "plan", "check", str(solo)),
        data_dirs=(data_dir, tmp_path / "other-ws"))
    assert team_of_one.returncode == 2
    assert "solo.json: field team_size: a team has at least 2 inspectors" in \
        team_of_one.stderr
    assert team_of_one.stdout == ""
    assert "Traceback" not in team_of_one.stderr

    assert committed.returncode == 0, committed.stderr
    published = committed.stdout.splitlines()[-1]
    assert re.fullmatch(r"[0-9a-f]{64}", published)
    db = data_dir / "inspector.sqlite"
    assert query(db, "SELECT seed_commitment FROM plan") == [(published,)]

    out = tmp_path / "protocol.json"
    refused = cli("draw", "run", "--plan", "ZD-CLI-2", "--seed", SEED.hex(),
                  "--out", str(out), data_dir=data_dir)
    assert refused.returncode == 2
    assert f"种子与计划 ZD-CLI-2 事先公布的承诺值 {published[:16]}… 不符" in refused.stderr
    assert not out.exists()
    workspace = open_workspace(data_dir)
    try:
        assert rows(workspace.store, DrawProtocol) == 0
        assert rows(workspace.store, Task) == 0
    finally:
        workspace.store.close()
    assert query(db, "SELECT status FROM plan") == [("saved",)]
    assert query(db, "SELECT action FROM audit_event ORDER BY seq") == [
        ("workspace.created",), ("plan.saved",), ("draw.seed_committed",)]
