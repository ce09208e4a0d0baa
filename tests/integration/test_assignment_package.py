"""Signed assignment packages: a team lead's laptop exports one inspector's released
tasks; a laptop with no network imports them once it trusts the key, and refuses a
changed byte or an unknown key with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.core.lifecycles import TaskRole, TaskSource
from inspector.core.roles import Actor, Role
from inspector.db.models import Inspector, MarketEntity, Task, TaskInspector
from inspector.services.assignment_package import (
    PackageError,
    export_package,
    import_package,
    signing_fingerprint,
)
from inspector.services.planning import plan_tasks, release_tasks, run_plan_draw, save_plan
from inspector.services.workspace import Workspace, open_workspace
from tests.integration.planning_support import (
    SEED,
    TEAM_LEAD,
    add_entities,
    add_inspectors,
    audit_actions,
    plan_doc,
    rows,
)

FIELD = Actor("王检查员", Role.INSPECTOR)


def lead_with_released_tasks(workspace: Workspace) -> str:
    """Draw and release a plan; the staff id of an inspector with tasks."""
    add_entities(workspace.store, 40)
    add_inspectors(workspace.store, 4)
    save_plan(workspace.store, plan_doc(), TEAM_LEAD)
    run_plan_draw(workspace.store, "ZD-T-01", TEAM_LEAD, seed=SEED)
    release_tasks(workspace.store, "ZD-T-01", TEAM_LEAD)
    return plan_tasks(workspace.store, "ZD-T-01")[0].team[0].rsplit("(", 1)[1].rstrip(")")


def teams(workspace: Workspace) -> dict[str, list[str]]:
    with workspace.store.read() as session:
        found = session.execute(
            select(Task.uuid, Inspector.staff_id)
            .join(TaskInspector, TaskInspector.task_id == Task.id)
            .join(Inspector, Inspector.id == TaskInspector.inspector_id)
            .order_by(Task.uuid, TaskInspector.role.desc())).all()
    result: dict[str, list[str]] = {}
    for uuid, staff_id in found:
        result.setdefault(uuid, []).append(staff_id)
    return result


def test_a_package_carries_one_inspectors_tasks_to_a_laptop_with_nothing(
        workspace: Workspace, tmp_path: Path) -> None:
    staff_id = lead_with_released_tasks(workspace)
    package = tmp_path / "package.json"
    count = export_package(workspace.store, TEAM_LEAD, staff_id=staff_id, path=package).value
    mine = {u: t for u, t in teams(workspace).items() if staff_id in t}
    assert count == len(mine) > 0
    key = signing_fingerprint(workspace.store)

    field = open_workspace(tmp_path / "field")
    try:
        with pytest.raises(PackageError) as untrusted:
            import_package(field.store, FIELD, package)
        assert key in untrusted.value.text.zh and rows(field.store, Task) == 0
        done = import_package(field.store, FIELD, package, trust=key).value
        assert (done.tasks_added, done.tasks_known, done.fingerprint) == (count, 0, key)
        assert teams(field) == mine  # same UUIDs, same teams, lead first
        with field.store.read() as session:
            task = session.scalars(select(Task)).first()
            assert task is not None and task.source is TaskSource.ASSIGNMENT_PACKAGE
            assert task.pending is False and task.check_items
            assert session.scalar(select(MarketEntity.name).where(
                MarketEntity.id == task.entity_id))
            lead_role = session.scalar(select(TaskInspector.role).where(
                TaskInspector.task_id == task.id).order_by(TaskInspector.id))
            assert lead_role is TaskRole.LEAD
        # Trusted now: a second import needs no fingerprint and adds nothing twice.
        again = import_package(field.store, FIELD, package).value
        assert (again.tasks_added, again.tasks_known) == (0, count)
        assert audit_actions(field.store).count("assignment.imported") == 2
    finally:
        field.store.close()


def test_a_changed_byte_or_another_file_is_refused_with_nothing_written(
        workspace: Workspace, tmp_path: Path) -> None:
    staff_id = lead_with_released_tasks(workspace)
    package = tmp_path / "package.json"
    export_package(workspace.store, TEAM_LEAD, staff_id=staff_id, path=package)
    key = signing_fingerprint(workspace.store)
    document = json.loads(package.read_text("utf-8"))
    document["tasks"][0]["team"].reverse()  # the lead swapped after signing
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    other = tmp_path / "protocol.json"
    other.write_text('{"algorithm": "hash-rank-v1"}', "utf-8")
    field = open_workspace(tmp_path / "field")
    try:
        with pytest.raises(PackageError, match="invalid signature"):
            import_package(field.store, FIELD, tampered, trust=key)
        with pytest.raises(PackageError, match="not an assignment package"):
            import_package(field.store, FIELD, other, trust=key)
        assert rows(field.store, Task) == rows(field.store, MarketEntity) == 0
        assert "assignment.imported" not in audit_actions(field.store)
    finally:
        field.store.close()
    with pytest.raises(PackageError, match="no inspector NOBODY-HAS"):
        export_package(workspace.store, TEAM_LEAD, staff_id="NOBODY-HAS",
                       path=tmp_path / "x.json")
