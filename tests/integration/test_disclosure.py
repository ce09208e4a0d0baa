"""Publication of results (一公开, domain.md §1.5, §8.3): 20 working days in China time by
the real calendar, the duties a result carries, approval, the disclosure list, and the
draw ceremony's summary."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from inspector.core.lifecycles import InspectionStatus
from inspector.core.workdays import WorkdayCalendar, YearSchedule
from inspector.db.models import Disclosure
from inspector.resource_files import resource
from inspector.services.audit_log import verify_audit_log
from inspector.services.disclosure import (
    DisclosureError,
    DisclosureRow,
    approve_results,
    deadline_board,
    export_disclosure,
)
from inspector.services.draw_report import write_ceremony_summary
from inspector.services.planning import (
    protocol_text,
    release_tasks,
    run_plan_draw,
    save_plan,
)
from inspector.services.reference_data import load_calendar
from inspector.services.workspace import Workspace
from tests.integration.planning_support import (
    SEED,
    TEAM_LEAD,
    UNIT,
    add_entities,
    add_inspection,
    add_inspectors,
    audit_actions,
    fresh_workspace_copy,
    last_audit_payload,
    plan_doc,
    plan_tasks_by_entity,
    rows,
)

CODE = "ZD-T-01"
ITEMS = "企业公示信息抽查、食品销售单位证后监管"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("template")


@pytest.fixture
def data_dir(tmp_path: Path, template: Path) -> Path:
    """The ``workspace`` fixture's folder, pre-migrated (see fresh_workspace_copy)."""
    return fresh_workspace_copy(template, tmp_path / "workspace")


@dataclass
class Drawn:
    workspace: Workspace
    calendar: WorkdayCalendar
    tasks: dict[str, int]  # entity key -> task id
    names: dict[str, str]  # entity key -> name

    @property
    def entities(self) -> list[str]:
        return sorted(self.tasks)

    def finalize(self, key: str, at: datetime, codes: tuple[str, ...] = ("1",), *,
                 revision_of: str | None = None,
                 status: InspectionStatus = InspectionStatus.FINALIZED) -> str:
        return add_inspection(self.workspace.store, key, finalized_at=at,
                              task_id=self.tasks[key], result_codes=codes,
                              revision_of=revision_of, status=status)

    def board(self, today: date) -> dict[str, DisclosureRow]:
        return {r.inspection_uuid: r for r in deadline_board(self.workspace.store,
                                                              self.calendar, today)}


@pytest.fixture
def drawn(workspace: Workspace) -> Drawn:
    """Six drawn and released tasks in 正定县, with the workspace's (shipped) calendar."""
    store = workspace.store
    keys = add_entities(store, 20)
    add_inspectors(store, 4)
    save_plan(store, plan_doc(CODE, strata=[{"name": "B", "count": 6}], max_per_inspector=6),
              TEAM_LEAD)
    run_plan_draw(store, CODE, TEAM_LEAD, seed=SEED,
                  now=datetime(2026, 9, 1, 2, 0, tzinfo=UTC))
    release_tasks(store, CODE, TEAM_LEAD)
    tasks = plan_tasks_by_entity(store, CODE)
    assert len(tasks) == 6
    names = {key: f"测试{n}号有限公司" for n, key in enumerate(keys, 1)}
    return Drawn(workspace, load_calendar(workspace.paths.calendars), tasks, names)


def test_the_deadline_is_the_20th_working_day_after_completion_in_china(
        drawn: Drawn) -> None:
    first, second, third, *_ = drawn.entities
    # Monday 2026-09-28, 10:00 in China: National Day (10-01..07) and the make-up
    # Saturday 10-10 are counted by the calendar: 09-29, 09-30, 10-08, 10-09, 10-10, ...
    holiday = drawn.finalize(first, datetime(2026, 9, 28, 2, 0, tzinfo=UTC))
    # Thursday 17:30 UTC is Friday 01:30 in China: counted from Friday 11-06.
    late_night = drawn.finalize(second, datetime(2026, 11, 5, 17, 30, tzinfo=UTC))
    # Friday 17:30 UTC is Saturday in China: the first working day counted is Monday.
    saturday = drawn.finalize(third, datetime(2026, 10, 30, 17, 30, tzinfo=UTC))

    board = drawn.board(date(2026, 11, 4))
    assert set(board) == {holiday, late_night, saturday}
    row = board[holiday]
    assert (row.completed_on, row.due_on) == (date(2026, 9, 28), date(2026, 10, 30))
    assert row.working_days_left == -3  # 11-02, 11-03, 11-04 past the deadline
    assert row.overdue and not row.provisional
    row = board[late_night]
    assert (row.completed_on, row.due_on) == (date(2026, 11, 6), date(2026, 12, 4))
    assert row.working_days_left == 22 and not row.overdue
    row = board[saturday]
    assert row.completed_on == date(2026, 10, 31) and row.completed_on.weekday() == 5
    assert row.due_on == date(2026, 11, 27)
    assert row.working_days_left == 17

    on_the_day = drawn.board(date(2026, 10, 30))[holiday]
    assert on_the_day.working_days_left == 0 and not on_the_day.overdue


def test_the_row_names_the_entity_plan_items_and_department(drawn: Drawn) -> None:
    key = drawn.entities[0]
    uuid = drawn.finalize(key, datetime(2026, 9, 28, 2, 0, tzinfo=UTC), ("E",))
    row = drawn.board(date(2026, 10, 1))[uuid]
    assert (row.entity_name, row.credit_code, row.plan_code) == (drawn.names[key], key, CODE)
    assert row.check_items == ITEMS
    assert row.department == UNIT  # the lead's unit
    assert (row.result_codes, row.result_label) == (("E",), "发现问题经责令已改正")
    assert not row.approved


def test_a_deadline_in_a_year_without_schedule_is_provisional(drawn: Drawn) -> None:
    only_2026 = WorkdayCalendar([YearSchedule.from_json_text(
        resource("calendars", "cn-2026.json").read_text(encoding="utf-8"))])
    # 2026-12-04T17:30Z is Saturday 12-05 in China; the 20th working day falls in 2027.
    uuid = drawn.finalize(drawn.entities[0], datetime(2026, 12, 4, 17, 30, tzinfo=UTC))
    row = {r.inspection_uuid: r for r in deadline_board(
        drawn.workspace.store, only_2026, date(2026, 12, 7))}[uuid]
    assert row.completed_on == date(2026, 12, 5)
    assert row.due_on == date(2027, 1, 1)  # weekends only for 2027, hence provisional
    assert row.provisional


def test_drafts_and_superseded_inspections_are_not_listed(drawn: Drawn) -> None:
    first, second, third, *_ = drawn.entities
    original = drawn.finalize(first, datetime(2026, 9, 28, 2, 0, tzinfo=UTC), ("E",))
    correction = drawn.finalize(first, datetime(2026, 9, 30, 2, 0, tzinfo=UTC), ("1",),
                                revision_of=original)
    draft = add_inspection(drawn.workspace.store, second, finalized_at=None,
                           started_at=datetime(2026, 9, 29, 2, 0, tzinfo=UTC),
                           task_id=drawn.tasks[second], status=InspectionStatus.DRAFT)
    kept = drawn.finalize(third, datetime(2026, 9, 29, 2, 0, tzinfo=UTC))
    board = drawn.board(date(2026, 10, 8))
    assert set(board) == {correction, kept}
    assert original not in board and draft not in board
    assert board[correction].completed_on == date(2026, 9, 30)
    assert board[correction].result_codes == ("1",)


def test_a_draft_correction_does_not_hide_the_finalized_result(drawn: Drawn) -> None:
    key = drawn.entities[0]
    original = drawn.finalize(key, datetime(2026, 9, 28, 2, 0, tzinfo=UTC), ("8",))
    add_inspection(drawn.workspace.store, key, finalized_at=None,
                   started_at=datetime(2026, 10, 9, 2, 0, tzinfo=UTC),
                   task_id=drawn.tasks[key], status=InspectionStatus.DRAFT,
                   revision_of=original)
    assert original in drawn.board(date(2026, 11, 4))


def test_results_carry_their_duties(drawn: Drawn) -> None:
    first, second, third, fourth, *_ = drawn.entities
    at = datetime(2026, 9, 28, 2, 0, tzinfo=UTC)
    refused = drawn.finalize(first, at, ("8",))
    unreachable = drawn.finalize(second, at, ("A", "2", "6"))
    clean = drawn.finalize(third, at, ("1",))
    both = drawn.finalize(fourth, at, ("8", "6"))
    board = drawn.board(date(2026, 10, 8))
    assert (board[refused].must_publish, board[refused].abnormal_referral) == (True, False)
    assert board[refused].result_label == "不配合检查情节严重"
    assert (board[unreachable].must_publish, board[unreachable].abnormal_referral) == (
        False, True)
    assert board[unreachable].result_label == (
        "发现问题待后续处理；违反工商行政管理相关规定；通过登记的住所（经营场所）无法联系")
    assert (board[clean].must_publish, board[clean].abnormal_referral) == (False, False)
    assert (board[both].must_publish, board[both].abnormal_referral) == (True, True)


def test_approval_refuses_unknown_or_unfinished_inspections_and_approves_nothing(
        drawn: Drawn) -> None:
    store = drawn.workspace.store
    first, second, *_ = drawn.entities
    good = drawn.finalize(first, datetime(2026, 9, 28, 2, 0, tzinfo=UTC))
    draft = add_inspection(store, second, finalized_at=None,
                           started_at=datetime(2026, 9, 28, 2, 0, tzinfo=UTC),
                           status=InspectionStatus.DRAFT)
    events = audit_actions(store)
    unknown = "00000000-0000-4000-8000-000000000000"
    for bad in (unknown, draft):
        with pytest.raises(DisclosureError) as caught:
            approve_results(store, TEAM_LEAD, [good, bad])
        assert bad in caught.value.text.zh and bad in caught.value.text.en
        assert "不能审核公示" in caught.value.text.zh
    assert rows(store, Disclosure) == 0
    assert not drawn.board(date(2026, 10, 8))[good].approved
    assert audit_actions(store) == events


def test_approving_twice_is_idempotent(drawn: Drawn) -> None:
    store = drawn.workspace.store
    first, second, *_ = drawn.entities
    refused = drawn.finalize(first, datetime(2026, 9, 28, 2, 0, tzinfo=UTC), ("8",))
    other = drawn.finalize(second, datetime(2026, 9, 28, 2, 0, tzinfo=UTC))
    moment = datetime(2026, 10, 9, 1, 0, tzinfo=UTC)
    assert approve_results(store, TEAM_LEAD, [refused, refused], now=moment).value == 1
    later = datetime(2026, 10, 12, 1, 0, tzinfo=UTC)
    assert approve_results(store, TEAM_LEAD, [refused, other], now=later).value == 1
    assert approve_results(store, TEAM_LEAD, [refused, other]).value == 0
    assert rows(store, Disclosure) == 2
    assert audit_actions(store).count("disclosure.approved") == 2
    assert last_audit_payload(store, "disclosure.approved")["result_codes"] == ["1"]
    with drawn.workspace.store.read() as session:
        stored = {d.must_publish: (d.approved_by, d.approved_at, d.exported_at)
                  for d in session.scalars(select(Disclosure))}
    assert stored[True] == (TEAM_LEAD.name, moment, None)
    assert stored[False] == (TEAM_LEAD.name, later, None)  # the first approval is kept
    board = drawn.board(date(2026, 10, 9))
    assert board[refused].approved and board[other].approved
    assert verify_audit_log(store).intact


def _approved_pair(drawn: Drawn) -> tuple[str, str, str]:
    """Three results, the first two approved; their entity keys."""
    first, second, third, *_ = drawn.entities
    at = datetime(2026, 9, 28, 2, 0, tzinfo=UTC)
    approved = [drawn.finalize(first, at, ("8",)), drawn.finalize(second, at, ("A", "2", "6"))]
    drawn.finalize(third, at, ("1",))
    approve_results(drawn.workspace.store, TEAM_LEAD, approved)
    return first, second, third


def test_export_csv_has_a_bom_the_header_and_only_approved_rows(drawn: Drawn,
                                                                tmp_path: Path) -> None:
    store = drawn.workspace.store
    first, second, third = _approved_pair(drawn)
    out = tmp_path / "公示" / "清单.csv"
    count = export_disclosure(store, drawn.calendar, out, today=date(2026, 10, 9),
                              actor=TEAM_LEAD).value
    assert count == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0][:6] == ["企业名称", "统一社会信用代码", "检查事项", "检查结果", "检查日期",
                            "检查部门"]
    assert len(lines[0]) == 8
    body = {line[1]: line for line in lines[1:]}
    assert set(body) == {first, second}
    assert third not in data.decode("utf-8-sig")
    assert body[first] == [drawn.names[first], first, ITEMS, "不配合检查情节严重",
                           "2026-09-28", UNIT, "是", ""]
    assert body[second][6:] == ["", "是"]
    assert not list(out.parent.glob(".*partial"))
    with store.read() as session:
        assert all(d.exported_at is not None for d in session.scalars(select(Disclosure)))
    assert last_audit_payload(store, "disclosure.exported") == {"rows": 2}


def test_export_xlsx_reads_back(drawn: Drawn, tmp_path: Path) -> None:
    first, second, _third = _approved_pair(drawn)
    out = tmp_path / "清单.XLSX"
    export_disclosure(drawn.workspace.store, drawn.calendar, out, today=date(2026, 10, 9),
                      actor=TEAM_LEAD)
    book = load_workbook(out, read_only=True)
    try:
        sheet = book["公示清单"]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    assert values[0][:3] == ["企业名称", "统一社会信用代码", "检查事项"]
    assert sorted(r[1] for r in values[1:]) == sorted([first, second])
    by_code = {r[1]: r for r in values[1:]}
    assert by_code[first][3] == "不配合检查情节严重"
    assert by_code[second][7] == "是"


def test_export_refuses_other_suffixes(drawn: Drawn, tmp_path: Path) -> None:
    _approved_pair(drawn)
    events = audit_actions(drawn.workspace.store)
    out = tmp_path / "清单.txt"
    with pytest.raises(DisclosureError) as caught:
        export_disclosure(drawn.workspace.store, drawn.calendar, out,
                          today=date(2026, 10, 9), actor=TEAM_LEAD)
    assert ".xlsx" in caught.value.text.zh and ".csv" in caught.value.text.en
    assert not out.exists()
    assert audit_actions(drawn.workspace.store) == events


def test_ceremony_summary_writes_a_pdf_and_a_workbook(drawn: Drawn, tmp_path: Path) -> None:
    text = protocol_text(drawn.workspace.store, CODE)
    protocol = json.loads(text)
    pdf, xlsx = write_ceremony_summary(text, tmp_path / "仪式")
    assert pdf.name == f"{CODE}-draw-{protocol['sha256'][:12]}.pdf"
    assert xlsx.name == f"{CODE}-draw-{protocol['sha256'][:12]}.xlsx"
    assert pdf.read_bytes().startswith(b"%PDF")
    book = load_workbook(xlsx, read_only=True)
    try:
        selected = [list(r) for r in book["抽中对象"].iter_rows(values_only=True)]
        summary = {r[0]: r[1] for r in book["摘要"].iter_rows(values_only=True)}
    finally:
        book.close()
    assert selected[0][:2] == ["序号", "统一社会信用代码"]
    assert len(selected) == 1 + len(protocol["selected"]) == 7
    assert [r[1] for r in selected[1:]] == [s["key"] for s in protocol["selected"]]
    assert [r[4] for r in selected[1:]] == [s["team"][0] for s in protocol["selected"]]
    assert summary["抽取记录 SHA-256"] == protocol["sha256"]
    assert summary["种子"] == SEED.hex()



def test_a_plan_code_with_a_slash_still_gets_its_summary(workspace: Workspace,
                                                         tmp_path: Path) -> None:
    store = workspace.store
    add_entities(store, 5)
    add_inspectors(store, 2)
    save_plan(store, plan_doc("正市监/2026/12", strata=[{"name": "B", "count": 1}]),
              TEAM_LEAD)
    run_plan_draw(store, "正市监/2026/12", TEAM_LEAD, seed=SEED)
    out = tmp_path / "仪式"
    pdf, xlsx = write_ceremony_summary(protocol_text(store, "正市监/2026/12"), out)
    assert pdf.parent == xlsx.parent == out
