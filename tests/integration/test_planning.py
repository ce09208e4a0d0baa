"""Plans and the draw against a real workspace: who is in the population, who is in the
pool, what a draw stores, and what is refused with nothing written (domain.md §1, §8)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.core.draw import commitment, seed_from_text, verify_protocol
from inspector.core.lifecycles import PlanStatus, TaskRole, TaskSource, TaskStatus
from inspector.core.workdays import CHINA_TIME
from inspector.db.models import DrawProtocol, Inspector, Plan, Task, TaskInspector
from inspector.services.audit_log import verify_audit_log
from inspector.services.planning import (
    PlanningError,
    commit_seed,
    draw_inputs,
    list_plans,
    load_plan,
    plan_tasks,
    protocol_text,
    release_tasks,
    run_plan_draw,
    save_plan,
)
from inspector.services.recusals import declare_recusal
from inspector.services.store import Store
from inspector.services.workspace import Workspace
from tests.integration.planning_support import (
    DUE_DATE,
    OTHER_CITY,
    OTHER_SEED,
    OTHER_UNIT,
    SAME_CITY,
    SEED,
    TEAM_LEAD,
    WINDOW_END,
    WINDOW_START,
    add_entities,
    add_inspection,
    add_inspector,
    add_inspectors,
    add_task,
    audit_actions,
    entity_id,
    fresh_workspace_copy,
    keys,
    last_audit_payload,
    plan_doc,
    rows,
)

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 2, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("template")


@pytest.fixture
def data_dir(tmp_path: Path, template: Path) -> Path:
    """The ``workspace`` fixture's folder, pre-migrated (see fresh_workspace_copy)."""
    return fresh_workspace_copy(template, tmp_path / "workspace")


def population_keys(workspace: Workspace, **changes: Any) -> set[str]:
    return keys(draw_inputs(workspace.store, plan_doc(**changes), TODAY).population)


def pool_keys(workspace: Workspace, **changes: Any) -> set[str]:
    return keys(draw_inputs(workspace.store, plan_doc(**changes), TODAY).candidates)


def population(**filters: object) -> dict[str, object]:
    base: dict[str, object] = {"region_codes": [], "entity_types": [], "industries": [],
                               "registration_statuses": ["active"]}
    return base | filters


def pool(**filters: object) -> dict[str, object]:
    base: dict[str, object] = {"units": [], "region_codes": [], "qualifications": []}
    return base | filters


def drawn_plan(workspace: Workspace, code: str = "ZD-T-01", *, entities: int = 30,
               inspectors: int = 4, **changes: Any) -> tuple[list[str], dict[str, Any]]:
    """A directory, a saved plan and its draw; the entity keys and the protocol."""
    store = workspace.store
    entity_keys = add_entities(store, entities)
    add_inspectors(store, inspectors)
    save_plan(store, plan_doc(code, **changes), TEAM_LEAD)
    run_plan_draw(store, code, TEAM_LEAD, seed=SEED, now=NOW)
    return entity_keys, json.loads(protocol_text(store, code))


def nothing_drawn(store: Store, code: str) -> None:
    assert rows(store, DrawProtocol) == 0
    assert rows(store, Task) == 0
    assert rows(store, TaskInspector) == 0
    with store.read() as session:
        plan = session.scalar(select(Plan).where(Plan.code == code))
        assert plan is not None and plan.status is PlanStatus.SAVED


# -- the population ------------------------------------------------------------------------


def test_population_region_filter_matches_by_prefix(workspace: Workspace) -> None:
    store = workspace.store
    county = add_entities(store, 3)
    city = add_entities(store, 2, region=SAME_CITY)
    other = add_entities(store, 2, region=OTHER_CITY)
    assert population_keys(workspace) == set(county)  # plan_data filters on 130123
    assert population_keys(workspace, population=population(region_codes=["130100"])) == \
        set(county + city)
    assert population_keys(workspace, population=population(
        region_codes=["130123", OTHER_CITY])) == set(county + other)
    assert population_keys(workspace, population=population()) == set(county + city + other)


def test_population_type_status_and_industry_filters(workspace: Workspace) -> None:
    store = workspace.store
    plain = add_entities(store, 3)
    individual = add_entities(store, 2, entity_type=EntityType.INDIVIDUAL)
    cooperative = add_entities(store, 1, entity_type=EntityType.COOPERATIVE)
    suspended = add_entities(store, 2, status=RegistrationStatus.SUSPENDED)
    cancelled = add_entities(store, 1, status=RegistrationStatus.CANCELLED)
    catering = add_entities(store, 2, industry="餐饮服务")

    active = set(plain + individual + cooperative + catering)
    assert population_keys(workspace) == active  # active only by default
    assert population_keys(workspace, population=population(
        entity_types=["individual", "cooperative"])) == set(individual + cooperative)
    assert population_keys(workspace, population=population(
        registration_statuses=["suspended", "cancelled"])) == set(suspended + cancelled)
    assert population_keys(workspace, population=population(
        industries=["餐饮服务"])) == set(catering)
    assert population_keys(workspace, population=population(
        entity_types=["enterprise"], industries=["食品销售"])) == set(plain)


def test_strata_filter_the_population(workspace: Workspace) -> None:
    store = workspace.store
    a = add_entities(store, 2, risk=RiskClass.A)
    b = add_entities(store, 3, risk=RiskClass.B)
    e = add_entities(store, 2, risk=RiskClass.E)
    unrated = add_entities(store, 4, risk=None)
    inputs = draw_inputs(store, plan_doc(strata=[{"name": "B", "ratio": "0.5"},
                                                 {"name": "-", "ratio": "0.5"}]), TODAY)
    by_key = {m.key: m.stratum for m in inputs.population}
    assert set(by_key) == set(b + unrated)  # A and E have no stratum: outside
    assert {by_key[k] for k in unrated} == {"-"}
    assert {by_key[k] for k in b} == {"B"}
    assert dict(inputs.stratum_sizes) == {"B": 3, "-": 4}
    assert set(inputs.entity_ids) == set(b + unrated)
    only_rated = population_keys(workspace, strata=[{"name": "A", "count": 1},
                                                    {"name": "E", "count": 1}])
    assert only_rated == set(a + e)


def test_recent_inspections_are_excluded(workspace: Workspace) -> None:
    store = workspace.store
    recent, old, fresh = (add_entities(store, 1)[0] for _ in range(3))
    add_inspection(store, recent, finalized_at=datetime(2026, 11, 15, 6, tzinfo=UTC))
    add_inspection(store, old, finalized_at=datetime(2026, 9, 1, 6, tzinfo=UTC))
    within_30 = {"inspected_within_days": 30, "open_tasks": True}
    inputs = draw_inputs(store, plan_doc(exclusions=within_30), TODAY)
    assert keys(inputs.population) == {old, fresh}
    assert inputs.excluded_recent == 1
    # With a longer horizon the September inspection counts too; with none, nobody is out.
    longer = {"inspected_within_days": 120, "open_tasks": True}
    assert population_keys(workspace, exclusions=longer) == {fresh}
    none = {"inspected_within_days": None, "open_tasks": True}
    assert population_keys(workspace, exclusions=none) == {recent, old, fresh}


def test_days_since_an_inspection_are_counted_in_china(workspace: Workspace) -> None:
    store = workspace.store
    early_morning, late_evening = (add_entities(store, 1)[0] for _ in range(2))
    edge = TODAY - timedelta(days=30)  # the first day inside a 30-day horizon
    # 01:00 in Beijing on that day is still the day before in UTC: it counts.
    add_inspection(store, early_morning, finalized_at=datetime(
        edge.year, edge.month, edge.day, 1, tzinfo=CHINA_TIME))
    # 23:00 in Beijing the day before is already that day in UTC: it does not.
    before = edge - timedelta(days=1)
    add_inspection(store, late_evening, finalized_at=datetime(
        before.year, before.month, before.day, 23, tzinfo=CHINA_TIME))
    within_30 = {"inspected_within_days": 30, "open_tasks": True}
    assert population_keys(workspace, exclusions=within_30) == {late_evening}


def test_entities_with_open_tasks_are_excluded(workspace: Workspace) -> None:
    store = workspace.store
    proposed, assigned, started, completed, cancelled, free = (
        add_entities(store, 1)[0] for _ in range(6))
    add_task(store, proposed, TaskStatus.PROPOSED)
    add_task(store, assigned, TaskStatus.ASSIGNED)
    add_task(store, started, TaskStatus.IN_PROGRESS)
    add_task(store, completed, TaskStatus.COMPLETED)
    add_task(store, cancelled, TaskStatus.CANCELLED)
    inputs = draw_inputs(store, plan_doc(), TODAY)
    assert keys(inputs.population) == {completed, cancelled, free}
    assert inputs.excluded_open_tasks == 3
    ignore = {"inspected_within_days": None, "open_tasks": False}
    assert len(population_keys(workspace, exclusions=ignore)) == 6


# -- the inspector pool --------------------------------------------------------------------


def test_pool_eligibility_needs_an_active_certificate_valid_for_the_whole_window(
        workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 3)
    day = timedelta(days=1)
    eligible = {
        add_inspector(store, "OK1"),
        add_inspector(store, "OK2", valid_from=None),
        add_inspector(store, "ENDS-ON-LAST-DAY", valid_to=WINDOW_END),
        add_inspector(store, "STARTS-ON-FIRST-DAY", valid_from=WINDOW_START),
    }
    add_inspector(store, "INACTIVE", active=False)
    add_inspector(store, "NO-NUMBER", cert_number="")
    add_inspector(store, "NO-END", valid_to=None)
    add_inspector(store, "EXPIRES-INSIDE", valid_to=WINDOW_END - day)
    add_inspector(store, "EXPIRED", valid_to=date(2026, 1, 1))
    add_inspector(store, "STARTS-INSIDE", valid_from=WINDOW_START + day)
    add_inspector(store, "DELETED", deleted=True)
    assert pool_keys(workspace) == eligible


def test_pool_unit_region_and_qualification_filters(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 3)
    add_inspector(store, "HOME", qualifications=["食品", "计量"])
    add_inspector(store, "CITY", region=SAME_CITY, unit=OTHER_UNIT, qualifications=["食品"])
    add_inspector(store, "FAR", region=OTHER_CITY, qualifications=["食品", "特种设备"])
    add_inspector(store, "NONE", qualifications=[])
    assert pool_keys(workspace) == {"HOME", "CITY", "FAR", "NONE"}
    assert pool_keys(workspace, pool=pool(units=[OTHER_UNIT])) == {"CITY"}
    assert pool_keys(workspace, pool=pool(region_codes=["130100"])) == {"HOME", "CITY", "NONE"}
    assert pool_keys(workspace, pool=pool(region_codes=["130123"])) == {"HOME", "NONE"}
    assert pool_keys(workspace, pool=pool(qualifications=["食品"])) == {"HOME", "CITY", "FAR"}
    assert pool_keys(workspace, pool=pool(qualifications=["食品", "计量"])) == {"HOME"}
    assert pool_keys(workspace, pool=pool(region_codes=["130100"],
                                          qualifications=["食品"])) == {"HOME", "CITY"}


def test_recusals_are_limited_to_pool_and_population(workspace: Workspace) -> None:
    store = workspace.store
    inside = add_entities(store, 3)
    outside = add_entities(store, 1, region=OTHER_CITY)[0]
    add_inspectors(store, 2)
    add_inspector(store, "RETIRED", active=False)
    for staff_id, entity in (("ZD001", inside[0]), ("ZD001", outside),
                             ("ZD002", inside[1]), ("RETIRED", inside[2])):
        declare_recusal(store, TEAM_LEAD, staff_id=staff_id, entity_key=entity,
                        reason="配偶在该企业任职", today=TODAY)
    inputs = draw_inputs(store, plan_doc(), TODAY)
    recused = {c.key: set(c.recused) for c in inputs.candidates}
    assert recused == {"ZD001": {inside[0]}, "ZD002": {inside[1]}}


def test_a_recusal_needs_a_reason_and_known_parties(workspace: Workspace) -> None:
    store = workspace.store
    entity = add_entities(store, 1)[0]
    add_inspectors(store, 1)
    with pytest.raises(PlanningError, match="reason"):
        declare_recusal(store, TEAM_LEAD, staff_id="ZD001", entity_key=entity, reason="  ",
                        today=TODAY)
    with pytest.raises(PlanningError, match="no inspector NOBODY"):
        declare_recusal(store, TEAM_LEAD, staff_id="NOBODY", entity_key=entity,
                        reason="亲属", today=TODAY)
    with pytest.raises(PlanningError, match="no entity"):
        declare_recusal(store, TEAM_LEAD, staff_id="ZD001", entity_key="91130123MA0000000X",
                        reason="亲属", today=TODAY)
    assert "recusal.declared" not in audit_actions(store)


# -- the draw ------------------------------------------------------------------------------


def test_a_draw_stores_a_verifiable_protocol_tasks_and_an_audit_event(
        workspace: Workspace) -> None:
    store = workspace.store
    entity_keys = add_entities(store, 30)
    add_inspectors(store, 4)
    save_plan(store, plan_doc(), TEAM_LEAD)
    outcome = run_plan_draw(store, "ZD-T-01", TEAM_LEAD, seed=SEED, now=NOW).value

    document = json.loads(outcome.document_text)
    verdict = verify_protocol(document)
    assert verdict.ok, verdict.problems
    assert document["seed"] == SEED.hex()
    assert document["seed_commitment"] == commitment(SEED)
    assert document["drawn_at"] == "2026-12-01T02:30:00+00:00"
    assert document["operator"] == TEAM_LEAD.name
    assert document["plan"]["code"] == "ZD-T-01"
    assert {m["key"] for m in document["population"]} == set(entity_keys)
    assert {i["key"] for i in document["inspectors"]} == {"ZD001", "ZD002", "ZD003", "ZD004"}
    assert len(document["selected"]) == 3  # ceil(0.1 x 30)
    assert (outcome.selected, outcome.unassigned) == (3, ())
    assert outcome.capacity == document["plan"]["capacity"] == 2  # ceil(2 x 3 / 4)

    with store.read() as session:
        protocol = session.scalars(select(DrawProtocol)).one()
        assert (protocol.sha256, protocol.document) == (outcome.sha256, outcome.document_text)
        assert protocol.sha256 == document["sha256"]
        plan = session.scalars(select(Plan)).one()
        assert plan.status is PlanStatus.DRAWN
        assert plan.seed_commitment == commitment(SEED)
        tasks = session.scalars(select(Task).order_by(Task.id)).all()
        staff = {i: s for i, s in session.execute(select(Inspector.id, Inspector.staff_id))}
        assert len(tasks) == 3
        for task, chosen in zip(tasks, document["selected"], strict=True):
            assert task.entity_id == entity_id(store, chosen["key"])
            assert (task.status, task.source) == (TaskStatus.PROPOSED, TaskSource.DRAW)
            assert (task.plan_id, task.protocol_id) == (plan.id, protocol.id)
            assert task.check_items == [{"code": "SAMR-1", "title": "企业公示信息抽查"},
                                        {"code": "CI-3", "title": "食品销售单位证后监管"}]
            assert (task.window_start, task.window_end) == (WINDOW_START, WINDOW_END)
            assert task.due_date == DUE_DATE
            team = sorted(task.team, key=lambda member: member.id)
            assert [staff[m.inspector_id] for m in team] == chosen["team"]
            assert [m.role for m in team] == [TaskRole.LEAD, TaskRole.ASSIST]

    payload = last_audit_payload(store, "draw.run")
    assert payload["sha256"] == outcome.sha256
    assert payload["seed_commitment"] == commitment(SEED)
    assert (payload["plan"], payload["selected"], payload["unassigned"]) == ("ZD-T-01", 3, 0)
    assert audit_actions(store)[-2:] == ["plan.saved", "draw.run"]
    assert verify_audit_log(store).intact


def test_the_committed_public_text_seed_is_used(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 20)
    add_inspectors(store, 3)
    save_plan(store, plan_doc(), TEAM_LEAD)
    lottery = "2026-12-01 福彩3D 第2026319期 开奖号码 3 8 2"
    published = commit_seed(store, "ZD-T-01", TEAM_LEAD, public_text=lottery).value
    seed = seed_from_text(lottery)
    assert published == commitment(seed)
    view = list_plans(store)[0]
    assert (view.seed_commitment, view.seed_text, view.seed_ready) == (published, lottery, True)

    outcome = run_plan_draw(store, "ZD-T-01", TEAM_LEAD, now=NOW).value
    document = json.loads(outcome.document_text)
    assert document["seed"] == seed.hex()
    assert document["seed_commitment"] == outcome.seed_commitment == published
    assert document["plan"]["seed_text"] == lottery
    assert verify_protocol(document).ok
    assert last_audit_payload(store, "draw.seed_committed")["seed_commitment"] == published
    assert list_plans(store)[0].seed_ready is False


def test_a_generated_committed_seed_is_used_and_then_forgotten(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 20)
    add_inspectors(store, 3)
    save_plan(store, plan_doc(), TEAM_LEAD)
    published = commit_seed(store, "ZD-T-01", TEAM_LEAD).value
    with store.read() as session:
        plan = session.scalars(select(Plan)).one()
        secret = plan.pending_seed
    assert commitment(bytes.fromhex(secret)) == published
    document = json.loads(run_plan_draw(store, "ZD-T-01", TEAM_LEAD, now=NOW).value
                          .document_text)
    assert (document["seed"], document["seed_commitment"]) == (secret, published)
    with store.read() as session:
        assert session.scalars(select(Plan)).one().pending_seed == ""


def test_a_committed_seed_cannot_be_replaced_nor_its_plan_changed(workspace: Workspace
                                                                   ) -> None:
    store = workspace.store
    add_entities(store, 20)
    add_inspectors(store, 3)
    save_plan(store, plan_doc(), TEAM_LEAD)
    published = commit_seed(store, "ZD-T-01", TEAM_LEAD).value
    # Whoever holds the secret seed could preview outcomes: no second seed, no new plan.
    with pytest.raises(PlanningError, match="cannot be replaced"):
        commit_seed(store, "ZD-T-01", TEAM_LEAD, public_text="另一个文本")
    with pytest.raises(PlanningError, match="published seed commitment"):
        save_plan(store, plan_doc(team_size=3), TEAM_LEAD)
    assert list_plans(store)[0].seed_commitment == published
    assert load_plan(store, "ZD-T-01").team_size == 2


def test_a_seed_other_than_the_committed_one_is_refused(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 20)
    add_inspectors(store, 3)
    save_plan(store, plan_doc(), TEAM_LEAD)
    published = commit_seed(store, "ZD-T-01", TEAM_LEAD, public_text="公开文本").value
    events = audit_actions(store)
    with pytest.raises(PlanningError) as caught:
        run_plan_draw(store, "ZD-T-01", TEAM_LEAD, seed=OTHER_SEED, now=NOW)
    assert "承诺值" in caught.value.text.zh and published[:16] in caught.value.text.zh
    assert "does not match the commitment" in caught.value.text.en
    nothing_drawn(store, "ZD-T-01")
    assert audit_actions(store) == events
    assert load_plan(store, "ZD-T-01") == plan_doc()
    # The committed seed still draws.
    assert run_plan_draw(store, "ZD-T-01", TEAM_LEAD, now=NOW).value.seed_commitment == published


def test_a_draw_without_any_seed_is_refused(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 20)
    add_inspectors(store, 3)
    save_plan(store, plan_doc(), TEAM_LEAD)
    with pytest.raises(PlanningError, match="no committed seed"):
        run_plan_draw(store, "ZD-T-01", TEAM_LEAD, now=NOW)
    nothing_drawn(store, "ZD-T-01")


def test_a_drawn_plan_cannot_be_drawn_again_saved_or_reseeded(workspace: Workspace) -> None:
    drawn_plan(workspace)
    store = workspace.store
    events = audit_actions(store)
    with pytest.raises(PlanningError) as again:
        run_plan_draw(store, "ZD-T-01", TEAM_LEAD, seed=SEED, now=NOW)
    assert "已经抽取过" in again.value.text.zh
    with pytest.raises(PlanningError) as resave:
        save_plan(store, plan_doc(title="改过的标题"), TEAM_LEAD)
    assert "已抽取，不能再修改" in resave.value.text.zh
    with pytest.raises(PlanningError):
        commit_seed(store, "ZD-T-01", TEAM_LEAD)
    assert rows(store, DrawProtocol) == 1
    assert rows(store, Task) == 3
    assert audit_actions(store) == events
    assert load_plan(store, "ZD-T-01").title == "正定县测试抽查计划"


def test_a_count_larger_than_the_filtered_stratum_is_refused(workspace: Workspace) -> None:
    store = workspace.store
    candidates = add_entities(store, 8, risk=RiskClass.E)
    for key in candidates[:2]:  # inspected last month: out of the population
        add_inspection(store, key, finalized_at=datetime(2026, 11, 20, tzinfo=UTC))
    add_inspectors(store, 3)
    save_plan(store, plan_doc(strata=[{"name": "E", "count": 7}],
                              exclusions={"inspected_within_days": 90}), TEAM_LEAD)
    events = audit_actions(store)
    with pytest.raises(PlanningError) as caught:
        run_plan_draw(store, "ZD-T-01", TEAM_LEAD, seed=SEED, now=NOW)
    assert "无法抽取" in caught.value.text.zh
    assert "stratum E has 6 member(s), fewer than the 7 asked for" in caught.value.text.en
    nothing_drawn(store, "ZD-T-01")
    assert audit_actions(store) == events


def test_too_few_eligible_inspectors_is_refused(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 10)
    add_inspector(store, "ZD001")
    add_inspector(store, "ZD002", valid_to=WINDOW_END - timedelta(days=3))
    add_inspector(store, "ZD003", active=False)
    save_plan(store, plan_doc(), TEAM_LEAD)
    with pytest.raises(PlanningError) as caught:
        run_plan_draw(store, "ZD-T-01", TEAM_LEAD, seed=SEED, now=NOW)
    assert "1 eligible inspector(s) cannot form a team of 2" in caught.value.text.en
    nothing_drawn(store, "ZD-T-01")


def test_a_declared_recusal_never_appears_in_a_team(workspace: Workspace) -> None:
    store = workspace.store
    entity_keys = add_entities(store, 12)
    add_inspectors(store, 3)
    conflicted = entity_keys[:5]
    for key in conflicted:
        declare_recusal(store, TEAM_LEAD, staff_id="ZD001", entity_key=key,
                        reason="曾在该企业任职", today=TODAY)
    declare_recusal(store, TEAM_LEAD, staff_id="ZD002", entity_key=entity_keys[5],
                    reason="亲属经营", today=TODAY)
    save_plan(store, plan_doc(strata=[{"name": "B", "ratio": "1"}], max_per_inspector=12),
              TEAM_LEAD)
    outcome = run_plan_draw(store, "ZD-T-01", TEAM_LEAD, seed=SEED, now=NOW).value
    assert outcome.selected == 12 and outcome.unassigned == ()
    document = json.loads(outcome.document_text)
    teams = {s["key"]: s["team"] for s in document["selected"]}
    for key in conflicted:
        assert "ZD001" not in teams[key], key
        assert teams[key] == ["ZD002", "ZD003"] or teams[key] == ["ZD003", "ZD002"]
    assert "ZD002" not in teams[entity_keys[5]]
    views = {v.entity_key: v.team for v in plan_tasks(store, "ZD-T-01")}
    for key in conflicted:
        assert not any("(ZD001)" in member for member in views[key])
    # Somebody else's entities may well get ZD001: the recusal is per entity.
    assert any("ZD001" in team for team in teams.values())


def test_release_assigns_the_proposed_tasks(workspace: Workspace) -> None:
    _keys, document = drawn_plan(workspace)
    store = workspace.store
    with store.read() as session:  # proposed tasks stay on this laptop until released
        assert not any(t.pending for t in session.scalars(select(Task)))
    view = list_plans(store)[0]
    assert (view.status, view.proposed, view.released) == (PlanStatus.DRAWN, 3, 0)
    assert view.protocol_sha256 == document["sha256"]

    moment = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)
    assert release_tasks(store, "ZD-T-01", TEAM_LEAD, now=moment).value == 3
    with store.read() as session:
        tasks = session.scalars(select(Task)).all()
        assert {t.status for t in tasks} == {TaskStatus.ASSIGNED}
        assert {t.released_at for t in tasks} == {moment}
        assert all(t.pending for t in tasks)
        assert session.scalars(select(Plan)).one().status is PlanStatus.RELEASED
    view = list_plans(store)[0]
    assert (view.status, view.proposed, view.released) == (PlanStatus.RELEASED, 0, 3)
    assert last_audit_payload(store, "draw.released") == {"code": "ZD-T-01", "tasks": 3}
    assert verify_audit_log(store).intact


def test_release_refuses_an_undrawn_or_unknown_plan(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 5)
    save_plan(store, plan_doc(), TEAM_LEAD)
    with pytest.raises(PlanningError) as caught:
        release_tasks(store, "ZD-T-01", TEAM_LEAD)
    assert "尚未抽取" in caught.value.text.zh
    with pytest.raises(PlanningError, match="no plan with code NOPE"):
        release_tasks(store, "NOPE", TEAM_LEAD)
    with pytest.raises(PlanningError, match="not drawn"):
        protocol_text(store, "ZD-T-01")
    assert "draw.released" not in audit_actions(store)


def test_plan_tasks_list_each_team_lead_first(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 10)
    for n in range(1, 6):
        add_inspector(store, f"ZD{n:03d}", name=f"检查员{n}")
    save_plan(store, plan_doc(strata=[{"name": "B", "count": 4}], team_size=3,
                              max_per_inspector=4), TEAM_LEAD)
    run_plan_draw(store, "ZD-T-01", TEAM_LEAD, seed=OTHER_SEED, now=NOW)
    document = json.loads(protocol_text(store, "ZD-T-01"))
    expected = {s["key"]: tuple(f"检查员{int(k[2:])} ({k})" for k in s["team"])
                for s in document["selected"]}
    assert all(len(team) == 3 for team in expected.values())
    views = plan_tasks(store, "ZD-T-01")
    assert {v.entity_key: v.team for v in views} == expected
    assert all(v.status is TaskStatus.PROPOSED and v.due_date == DUE_DATE for v in views)
    assert all(v.entity_name.endswith("有限公司") for v in views)


def test_list_plans_counts_each_plan(workspace: Workspace) -> None:
    store = workspace.store
    add_entities(store, 30)
    add_inspectors(store, 4)
    save_plan(store, plan_doc("P-1"), TEAM_LEAD)
    save_plan(store, plan_doc("P-2", population=population(region_codes=["130100"]),
                              strata=[{"name": "B", "count": 5}]), TEAM_LEAD)
    save_plan(store, plan_doc("P-3"), TEAM_LEAD)
    run_plan_draw(store, "P-1", TEAM_LEAD, seed=SEED, now=NOW)
    release_tasks(store, "P-1", TEAM_LEAD)
    # P-1's three entities now have open tasks: P-2 draws five of the other 27.
    run_plan_draw(store, "P-2", TEAM_LEAD, seed=SEED, now=NOW)
    views = {v.code: v for v in list_plans(store)}
    assert (views["P-1"].status, views["P-1"].proposed, views["P-1"].released) == (
        PlanStatus.RELEASED, 0, 3)
    assert (views["P-2"].status, views["P-2"].proposed, views["P-2"].released) == (
        PlanStatus.DRAWN, 5, 0)
    assert (views["P-3"].status, views["P-3"].proposed, views["P-3"].released) == (
        PlanStatus.SAVED, 0, 0)
    assert views["P-3"].protocol_sha256 == ""
    p1 = {v.entity_key for v in plan_tasks(store, "P-1")}
    p2 = {v.entity_key for v in plan_tasks(store, "P-2")}
    assert not p1 & p2


def test_saving_again_before_the_draw_replaces_the_plan(workspace: Workspace) -> None:
    store = workspace.store
    save_plan(store, plan_doc(), TEAM_LEAD)
    changed = plan_doc(strata=[{"name": "B", "count": 2}], team_size=3)
    save_plan(store, changed, TEAM_LEAD)
    assert load_plan(store, "ZD-T-01") == changed
    assert rows(store, Plan) == 1
    assert audit_actions(store).count("plan.saved") == 2

