"""The audit screen: the event list and verifying the hash chain, intact or tampered."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pytestqt.qtbot import QtBot

from inspector.core.text import Lang
from tests.ui.helpers import DATABASE, LEFT, Launched, Launcher, audit_events

TAMPERED_ZH = "已被篡改：第 2 号事件的内容与其哈希不符：该事件被改动"


def _tamper(root: Path) -> None:
    """What someone with a SQLite tool could do: drop the guard and rewrite event 2."""
    with closing(sqlite3.connect(root / DATABASE)) as connection:
        connection.execute("DROP TRIGGER audit_event_append_only")
        connection.execute("UPDATE audit_event SET payload='{}' WHERE seq=2")
        connection.commit()


def test_the_log_lists_events_newest_first(app_window: Launched) -> None:
    assert app_window.window.show_screen("audit")
    view = app_window.window.audit.table.model()

    rows = [(view.index(r, 0).data(), view.index(r, 5).data()) for r in range(view.rowCount())]

    assert rows == [("3", "导入检查人员名录"), ("2", "导入市场主体名录"), ("1", "创建工作区")]


def test_verifying_an_untouched_log_says_intact(app_window: Launched, qtbot: QtBot) -> None:
    assert app_window.window.show_screen("audit")
    audit = app_window.window.audit

    qtbot.mouseClick(audit.verify_button, LEFT)

    assert audit.verdict is not None and audit.verdict.intact
    assert audit.verdict.events_checked == audit_events(app_window.root) == 3
    assert audit.verdict_label.text() == "完整：共 3 条事件，哈希链无断裂。"


def test_verifying_a_tampered_log_names_the_event(app_window: Launched, qtbot: QtBot) -> None:
    assert app_window.window.show_screen("audit")
    audit = app_window.window.audit
    qtbot.mouseClick(audit.verify_button, LEFT)
    assert audit.verdict is not None and audit.verdict.intact

    _tamper(app_window.root)
    qtbot.mouseClick(audit.verify_button, LEFT)

    assert audit.verdict is not None and not audit.verdict.intact
    assert audit.verdict.broken_at == 2
    assert audit.verdict_label.text() == TAMPERED_ZH

    app_window.ctx.set_lang(Lang.EN)

    assert audit.verdict_label.text() == (
        "Tampered: event 2: content does not match its hash; the event was altered")


def test_the_overview_warns_of_tampering_at_start(launch: Launcher,
                                                  workspace_dir: Path) -> None:
    _tamper(workspace_dir)

    app = launch()

    home = app.window.home
    assert home.verdict is not None and home.verdict.broken_at == 2
    assert home.audit_card.detail.text() == TAMPERED_ZH
