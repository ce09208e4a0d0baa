"""An inspector reports progress on a task of their team (its status only, forward);
a task cancelled or reassigned by the team lead meanwhile is never overwritten by the
field (SQLite and PostgreSQL platforms)."""

from __future__ import annotations

from typing import Any

from tests.central.support import Central, body_hash, item
from tests.sync.test_released_tasks import publish_inspectors

TASK = {"source": "ad_hoc", "reason": "12315 投诉", "status": "assigned",
        "inspectors": ["ZD001", "ZD002"], "due_date": "2026-12-04"}


def pushed(platform: Central, username: str, body: dict[str, Any], uuid: str,
           base: dict[str, Any] | None = None) -> dict[str, Any]:
    extra = {"base_hash": body_hash(base)} if base is not None else {}
    [answer] = platform.login(username).push(item("task", body, uuid, **extra))
    return answer


def test_an_inspector_moves_their_task_forward_and_nothing_else(platform: Central) -> None:
    publish_inspectors(platform)  # zhang is ZD001, li ZD002, wang ZD003
    created = pushed(platform, "lead", TASK, uuid := "0d9a3c1e-0000-4000-8000-000000000001")
    assert created["status"] == "stored", created
    started = {**TASK, "status": "in_progress"}

    assert pushed(platform, "wang", started, uuid, TASK)["status"] == "refused"  # not his
    forged = pushed(platform, "zhang", {**started, "inspectors": ["ZD001", "ZD003"]}, uuid,
                    TASK)
    assert forged["status"] == "refused" and "not inspectors" in forged["reason"], forged
    new = pushed(platform, "zhang", started, "0d9a3c1e-0000-4000-8000-000000000002")
    assert new["status"] == "refused" and "do not create tasks" in new["reason"], new

    assert pushed(platform, "zhang", started, uuid, TASK)["status"] == "stored"
    done = {**TASK, "status": "completed"}
    assert pushed(platform, "li", done, uuid, started)["status"] == "stored"
    back = pushed(platform, "zhang", started, uuid, done)
    assert back["status"] == "refused" and "from completed to in_progress" in back["reason"]
    [stored] = [i for i in platform.login("lead").feed("tasks")["items"] if i["uuid"] == uuid]
    assert stored["body"]["status"] == "completed"


def test_a_task_cancelled_or_reassigned_meanwhile_is_not_overwritten_from_the_field(
        platform: Central) -> None:
    publish_inspectors(platform)
    uuid = "0d9a3c1e-0000-4000-8000-000000000003"
    assert pushed(platform, "lead", TASK, uuid)["status"] == "stored"
    cancelled = {**TASK, "status": "cancelled"}
    assert pushed(platform, "lead", cancelled, uuid, TASK)["status"] == "stored"

    # zhang, offline since the release, reports the task done on the version he had.
    late = pushed(platform, "zhang", {**TASK, "status": "completed"}, uuid, TASK)
    assert late["status"] == "refused" and "cancelled this task" in late["reason"], late

    reassigned = {**TASK, "inspectors": ["ZD002", "ZD003"]}
    other = "0d9a3c1e-0000-4000-8000-000000000004"
    assert pushed(platform, "lead", TASK, other)["status"] == "stored"
    assert pushed(platform, "lead", reassigned, other, TASK)["status"] == "stored"
    gone = pushed(platform, "zhang", {**reassigned, "status": "completed"}, other, reassigned)
    assert gone["status"] == "refused" and "reassigned this task" in gone["reason"], gone
