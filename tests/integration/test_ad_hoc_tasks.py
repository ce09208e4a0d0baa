"""Ad-hoc tasks (a 12315 complaint): created by a team lead, released at once to a
team that obeys the same rules as a drawn one, refused with the reason otherwise."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from inspector.core.lifecycles import TaskRole, TaskSource, TaskStatus
from inspector.core.roles import Actor, Role
from inspector.db.models import AuditEvent, Task, TaskInspector
from inspector.services.ad_hoc_tasks import AdHocRequest, TaskCreationError, create_ad_hoc_task
from inspector.services.changes import Topic
from inspector.services.field_tasks import list_field_tasks
from inspector.services.workspace import Workspace
from tests.integration.test_inspections import FIELD, MORNING, setup_task

LEAD = Actor("赵组长", Role.TEAM_LEAD)
COMPLAINT = AdHocRequest("92130123MA0ABCDE1X", "12315 投诉 No.2026113000017：销售过期食品",
                         date(2026, 12, 4), ("ZD002", "ZD001"))


def cancel_drawn_task(workspace: Workspace, tmp_path: Path) -> None:
    setup_task(workspace, tmp_path)
    with workspace.store.write() as session:
        session.execute(update(Task).values(status=TaskStatus.CANCELLED))


@pytest.mark.parametrize(("changes", "actor", "zh"), [
    ({}, FIELD, "只有组长或管理员可以新建临时任务"),
    ({"reason": " "}, LEAD, "请写明任务来由（如 12315 投诉举报编号及事项）"),
    ({"due_date": date(2026, 11, 29)}, LEAD, "完成期限 2026-11-29 早于今天"),
    ({"entity_identifier": "91440300708461136T"}, LEAD,
     "名录中没有信用代码为 91440300708461136T 的检查对象"),
    ({"team": ("ZD001",)}, LEAD, "现场检查人员不得少于两名"),
    ({"team": ("ZD001", "ZD003")}, LEAD, "王五（ZD003）的执法证已于 2026-11-01 过期，不能参加检查"),
])
def test_an_ad_hoc_task_that_breaks_a_rule_is_refused(
        workspace: Workspace, tmp_path: Path, changes: dict[str, Any], actor: Actor,
        zh: str) -> None:
    cancel_drawn_task(workspace, tmp_path)
    with pytest.raises(TaskCreationError) as refused:
        create_ad_hoc_task(workspace.store, actor, replace(COMPLAINT, **changes), now=MORNING)
    assert refused.value.text.zh == zh
    with workspace.store.read() as session:
        assert session.scalars(select(Task.source)).all() == [TaskSource.DRAW]


def test_an_entity_with_an_open_task_gets_no_second_one(workspace: Workspace,
                                                        tmp_path: Path) -> None:
    setup_task(workspace, tmp_path)
    with pytest.raises(TaskCreationError, match="already has an open task"):
        create_ad_hoc_task(workspace.store, LEAD, COMPLAINT, now=MORNING)


def test_a_complaint_becomes_a_released_task_for_its_team(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    cancel_drawn_task(workspace, tmp_path)

    created = create_ad_hoc_task(workspace.store, LEAD, COMPLAINT, now=MORNING)

    assert Topic.TASKS in created.changes
    [listed] = list_field_tasks(workspace.store, date(2026, 11, 30), staff_id="ZD002")
    assert (listed.uuid, listed.source, listed.status) == (
        created.value, TaskSource.AD_HOC, TaskStatus.ASSIGNED)
    assert listed.reason == COMPLAINT.reason and listed.due_date == date(2026, 12, 4)
    assert [(m.staff_id, m.role) for m in listed.team] == [("ZD002", TaskRole.LEAD),
                                                          ("ZD001", TaskRole.ASSIST)]
    with workspace.store.read() as session:
        task = session.scalars(select(Task).where(Task.uuid == created.value)).one()
        assert task.pending and task.released_at is not None
        assert session.scalar(select(AuditEvent.action).where(
            AuditEvent.object_id == created.value)) == "task.created_ad_hoc"
        assert len(session.scalars(select(TaskInspector).where(
            TaskInspector.task_id == task.id)).all()) == 2
