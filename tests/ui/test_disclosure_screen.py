"""The publication board on a real demo workspace: deadlines, duties, approval, the list.

Finalized inspections are written straight into the database (the inspection screens
that make them are not part of this window yet), for tasks of a plan drawn through
the plans screen; everything else goes through the window.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.core.lifecycles import InspectionStatus
from inspector.db.models import Inspection, MarketEntity, Plan, Task
from inspector.services import disclosure
from inspector.services.workspace import Workspace
from inspector.ui.screens.disclosure import DisclosureScreen
from tests.ui.helpers import LEFT, TODAY, Launched, Launcher
from tests.ui.planning_support import (
    CODE,
    answer_yes,
    drawn_example,
    on_db,
)

FOREGROUND = Qt.ItemDataRole.ForegroundRole
REFUSED, UNREACHABLE, CLEAN = ["8"], ["6"], ["1"]


def finalize(app: Launched, position: int, codes: list[str], when: datetime) -> tuple[str, str]:
    """Finalize the inspection of the plan's task at ``position``: (its uuid, entity name)."""

    def work(workspace: Workspace) -> tuple[str, str]:
        with workspace.store.write() as session:
            task = session.scalars(select(Task).join(Plan, Plan.id == Task.plan_id)
                                   .where(Plan.code == CODE).order_by(Task.id)).all()[position]
            inspection = Inspection(task_id=task.id, entity_id=task.entity_id,
                                    status=InspectionStatus.FINALIZED, started_at=when,
                                    finalized_at=when, result_codes=codes)
            session.add(inspection)
            session.flush()
            name = session.scalar(select(MarketEntity.name).where(
                MarketEntity.id == task.entity_id))
            assert name is not None
            return inspection.uuid, name

    result: tuple[str, str] = on_db(app, work)
    return result


def board_with_results(launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
                       ) -> tuple[Launched, DisclosureScreen, dict[str, tuple[str, str]]]:
    app, _plans = drawn_example(launch, qtbot, monkeypatch)
    made = {
        "refused": finalize(app, 0, REFUSED, datetime(2026, 10, 20, 2, 0, tzinfo=UTC)),
        "unreachable": finalize(app, 1, UNREACHABLE, datetime(2026, 11, 24, 3, 0, tzinfo=UTC)),
        "clean": finalize(app, 2, CLEAN, datetime(2026, 11, 26, 8, 30, tzinfo=UTC)),
    }
    assert app.window.show_screen("disclosure")
    return app, app.window.disclosure, made


def row_of(screen: DisclosureScreen, uuid: str) -> int:
    row = screen.model.find_row(lambda r: r.inspection_uuid == uuid)
    assert row is not None
    return row


def test_the_board_shows_deadlines_duties_and_overdue_results(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    app, screen, made = board_with_results(launch, qtbot, monkeypatch)
    calendar = app.ctx.workspace.calendar if app.ctx.workspace else None
    assert calendar is not None
    expected = {r.inspection_uuid: r for r in on_db(
        app, lambda ws: disclosure.deadline_board(ws.store, calendar, TODAY))}

    assert screen.model.total == 3
    model = screen.table.model()
    refused = row_of(screen, made["refused"][0])
    texts = [model.index(refused, c).data() for c in range(model.columnCount())]
    facts = expected[made["refused"][0]]
    assert facts.overdue and facts.must_publish
    assert texts[0] == "待审核" and texts[1] == facts.due_on.isoformat()
    assert texts[2] == f"逾期 {-facts.working_days_left} 个工作日"
    assert "须公示" in texts[3] and texts[4] == made["refused"][1]
    assert texts[6] == "不配合检查情节严重" and texts[9] == CODE
    brush = model.index(refused, 4).data(FOREGROUND)
    assert isinstance(brush, QBrush) and brush.color().name() == "#b3261e"

    unreachable = row_of(screen, made["unreachable"][0])
    assert "移送经营异常名录" in model.index(unreachable, 3).data()
    clean = row_of(screen, made["clean"][0])
    facts = expected[made["clean"][0]]
    assert not facts.overdue and model.index(clean, 2).data() == str(facts.working_days_left)
    assert model.index(clean, 3).data() == "" and model.index(clean, 4).data(FOREGROUND) is None
    assert "3 条已完成的检查结果" in screen.summary_label.text()
    assert "1 条已逾期" in screen.summary_label.text()


def test_approving_and_exporting_the_disclosure_list(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _app, screen, made = board_with_results(launch, qtbot, monkeypatch)
    asked = answer_yes(monkeypatch)
    assert not screen.approve_button.isEnabled() and not screen.export_button.isEnabled()
    selection = screen.table.selectionModel()
    for key in ("refused", "clean"):
        selection.select(screen.model.index(row_of(screen, made[key][0]), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert screen.approve_button.isEnabled()

    qtbot.mouseClick(screen.approve_button, LEFT)

    assert len(asked) == 1 and "2" in asked[0]
    approved = {r.inspection_uuid for r in screen.rows if r.approved}
    assert approved == {made["refused"][0], made["clean"][0]}
    assert screen.table.model().index(row_of(screen, made["clean"][0]), 0).data() == "已审核"
    assert "2 条检查结果已审核" in screen.message_label.text()

    target = tmp_path / "公示清单.csv"
    screen.export_list_to(target)

    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == list(disclosure.HEADER)
    by_name = {line[0]: line for line in lines[1:]}
    assert set(by_name) == {made["refused"][1], made["clean"][1]}
    assert by_name[made["refused"][1]][3] == "不配合检查情节严重"
    assert by_name[made["refused"][1]][6] == "是" and by_name[made["clean"][1]][6] == ""
    assert screen.exported == target and "2 条" in screen.message_label.text()


def test_a_wrong_suffix_is_refused_in_the_users_language(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _app, screen, _made = board_with_results(launch, qtbot, monkeypatch)

    screen.export_list_to(tmp_path / "list.pdf")

    assert "只能导出为 .xlsx 或 .csv" in screen.message_label.text()
    assert not (tmp_path / "list.pdf").exists()
