"""Checklist drafts: autosaved answers that survive a restart, pinned versions, and the
move to a new version with the report and the confirmation of dropped answers."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from inspector.core.roles import Actor, Role
from inspector.db.models import AuditEvent, ChecklistDraft
from inspector.services.checklist_drafts import (
    DraftError,
    discard_draft,
    list_drafts,
    move_draft,
    open_draft,
    plan_move,
    save_answers,
    start_draft,
)
from inspector.services.checklist_library import import_checklist, publish_version
from inspector.services.workspace import Workspace, open_workspace
from tests.unit.test_checklist import FOOD_VENDOR

ADMIN = Actor("管理员", Role.ADMINISTRATOR)
INSPECTOR = Actor("张三", Role.INSPECTOR)


def publish(workspace: Workspace, tmp_path: Path, data: dict[str, Any]) -> None:
    path = tmp_path / f"{data['code']}-{data['version']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import_checklist(workspace.store, ADMIN, path)
    publish_version(workspace.store, ADMIN, data["code"], data["version"])


def version_two() -> dict[str, Any]:
    """Version 2: 冷柜温度 becomes a whole number (a new key, mapped), 问题类型 loses
    'missing', the guidance goes, and a new check is added."""
    data = copy.deepcopy(FOOD_VENDOR)
    data["version"] = 2
    goods = data["sections"][1]["items"]
    goods[2] = {"key": "fridge_temperature", "kind": "integer", "label": "冷柜温度（整数）",
                "unit": "℃", "min": "-30", "max": "10"}
    data["sections"][0]["items"][1]["choices"] = [{"value": "expired", "label": "过期"},
                                                  {"value": "other", "label": "其他"}]
    goods.append({"key": "pests", "kind": "compliance", "label": "无虫害迹象"})
    data["migration"] = {"temperature": "fridge_temperature", "note": None}
    return data


ANSWERS: dict[str, Any] = {
    "licence_shown": "不符合", "licence_shown.note": "证照过期两月",
    "licence_problem": "missing", "storage": "符合", "expired_count": Decimal("0"),
    "temperature": Decimal("4.0"), "produced_on": date(2026, 11, 1)}


def test_answers_are_saved_with_their_types_and_survive_a_restart(
        workspace: Workspace, tmp_path: Path) -> None:
    publish(workspace, tmp_path, FOOD_VENDOR)
    draft = start_draft(workspace.store, INSPECTOR, "SPXS", label="某某超市").value
    assert (draft.view.code, draft.view.version, draft.view.answers) == ("SPXS", 1, 0)
    moment = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)

    for key, value in ANSWERS.items():  # one save per edit, as the form does
        save_answers(workspace.store, draft.view.uuid, {key: value})
    save_answers(workspace.store, draft.view.uuid, {"checked_at": moment})
    save_answers(workspace.store, draft.view.uuid, {"produced_on": None})  # cleared
    workspace.store.close()  # as after a crash: nothing but what was committed remains

    reopened = open_workspace(workspace.paths.root)
    try:
        found = open_draft(reopened.store, draft.view.uuid)
        expected = {k: v for k, v in ANSWERS.items() if k != "produced_on"}
        assert found.answers == {**expected, "checked_at": moment}
        assert type(found.answers["temperature"]) is Decimal
        assert found.view.label == "某某超市" and found.view.answers == 7
        assert [d.uuid for d in list_drafts(reopened.store)] == [draft.view.uuid]
    finally:
        reopened.store.close()


def test_only_published_versions_are_filled(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(FOOD_VENDOR, ensure_ascii=False), encoding="utf-8")
    import_checklist(workspace.store, ADMIN, path)  # a draft version only

    with pytest.raises(DraftError) as raised:
        start_draft(workspace.store, INSPECTOR, "SPXS")
    assert raised.value.text.zh == "清单 SPXS 没有已发布的版本可填写（只能填写已发布的版本）"
    with pytest.raises(DraftError, match="has no version 3 to fill"):
        start_draft(workspace.store, INSPECTOR, "SPXS", 3)


def test_a_draft_stays_pinned_and_moves_only_with_the_dropped_answers_confirmed(
        workspace: Workspace, tmp_path: Path) -> None:
    publish(workspace, tmp_path, FOOD_VENDOR)
    draft = start_draft(workspace.store, INSPECTOR, "SPXS").value
    save_answers(workspace.store, draft.view.uuid, ANSWERS)
    with pytest.raises(DraftError, match="no version after 1 is published"):
        plan_move(workspace.store, draft.view.uuid)
    publish(workspace, tmp_path, version_two())

    pinned = open_draft(workspace.store, draft.view.uuid)
    assert pinned.checklist.version == 1 and pinned.view.newer_version == 2
    plan = plan_move(workspace.store, draft.view.uuid)
    outcomes = {m.old_key: (m.new_key, m.outcome) for m in plan.migration.moves}
    assert outcomes["temperature"] == ("fridge_temperature", "converted")
    assert outcomes["licence_problem"] == ("licence_problem", "dropped")  # no such choice
    assert outcomes["storage"] == ("storage", "kept")

    with pytest.raises(DraftError) as refused:
        move_draft(workspace.store, INSPECTOR, draft.view.uuid, 2, confirmed_drops=frozenset())
    assert "licence_problem" in refused.value.text.zh
    assert open_draft(workspace.store, draft.view.uuid).checklist.version == 1  # untouched

    moved = move_draft(workspace.store, INSPECTOR, draft.view.uuid, 2,
                       confirmed_drops=frozenset({"licence_problem", "produced_on"})).value
    assert moved.checklist.version == 2 and moved.view.moved_from_version == 1
    assert moved.answers["fridge_temperature"] == Decimal("4")
    assert "licence_problem" not in moved.answers and "temperature" not in moved.answers
    assert open_draft(workspace.store, draft.view.uuid).answers == moved.answers
    with workspace.store.read() as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "checklist.draft_moved")).one()
        assert {"old": "licence_problem", "new": "licence_problem",
                "outcome": "dropped"} in json.loads(event.payload)["moves"]


def test_a_corrupt_draft_is_named_not_opened_half_empty(workspace: Workspace,
                                                       tmp_path: Path) -> None:
    publish(workspace, tmp_path, FOOD_VENDOR)
    draft = start_draft(workspace.store, INSPECTOR, "SPXS").value
    with workspace.store.write() as session:
        session.execute(update(ChecklistDraft).values(
            answers='{"storage": "符合", "expired_count": {"decimal": "many"}}'))

    with pytest.raises(DraftError) as raised:
        open_draft(workspace.store, draft.view.uuid)
    assert "expired_count" in raised.value.text.zh
    assert list_drafts(workspace.store)[0].uuid == draft.view.uuid  # still listed


def test_a_discarded_draft_leaves_an_audit_event(workspace: Workspace,
                                                 tmp_path: Path) -> None:
    publish(workspace, tmp_path, FOOD_VENDOR)
    draft = start_draft(workspace.store, INSPECTOR, "SPXS").value
    save_answers(workspace.store, draft.view.uuid, {"storage": "符合"})

    discard_draft(workspace.store, INSPECTOR, draft.view.uuid)

    assert list_drafts(workspace.store) == ()
    with workspace.store.read() as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "checklist.draft_discarded")).one()
        assert json.loads(event.payload) == {"version": 1, "answers": 1}
