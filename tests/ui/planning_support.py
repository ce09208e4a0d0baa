"""Helpers of the plans and publication screen tests: a team lead's window, a saved and
a drawn example plan, and reading what the app stored through the real services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspector.core.roles import Role
from inspector.services import planning
from inspector.ui.executors import InlineExecutor
from inspector.ui.screens.planning import PlanningScreen
from tests.ui.helpers import LEFT, Launched, Launcher

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "plan.json"
CODE = "ZD-2026-12"


def on_db(app: Launched, work: Any) -> Any:
    """Run ``work(workspace)`` on the window's DB worker (inline here) and return its result."""
    return app.ctx.db.call(work).result()


def stored_plans(app: Launched) -> tuple[planning.PlanView, ...]:
    return on_db(app, lambda ws: planning.list_plans(ws.store))


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def as_team_lead(launch: Launcher, executor: InlineExecutor | None = None
                 ) -> tuple[Launched, PlanningScreen]:
    app = launch(executor=executor)
    app.ctx.set_role(Role.TEAM_LEAD)
    assert app.window.show_screen("plans")
    return app, app.window.plans


def saved_example(launch: Launcher, executor: InlineExecutor | None = None
                  ) -> tuple[Launched, PlanningScreen]:
    app, screen = as_team_lead(launch, executor)
    screen.import_plan_file(EXAMPLE)
    screen.save_plan()
    assert screen.current is not None and screen.current.code == CODE
    return app, screen


def drawn_example(launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
                  ) -> tuple[Launched, PlanningScreen]:
    app, screen = saved_example(launch)
    panel = screen.draw_panel
    qtbot.mouseClick(panel.commit_button, LEFT)
    answer_yes(monkeypatch)
    with qtbot.waitSignal(panel.drawn):
        qtbot.mouseClick(panel.run_button, LEFT)
    return app, screen
