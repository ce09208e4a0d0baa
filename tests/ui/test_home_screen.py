"""The overview: first start on an empty folder builds the demo; the cards show its figures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from tests.ui.helpers import Launched, Launcher, column_texts, live_entities, query_one


def test_first_start_builds_the_demo_and_shows_5000_entities(launch: Launcher,
                                                             data_dir: Path) -> None:
    app = launch(root=data_dir)

    window = app.window
    assert live_entities(data_dir) == 5000
    assert window.home.overview is not None and window.home.overview.counts.entities == 5000
    assert window.home.entities_card.figure.text() == "5,000"
    assert app.entities.model.total == 5000
    assert app.inspectors.model.total == 40
    progress = window.findChild(QProgressDialog, "demoProgressDialog")
    assert progress is None or not progress.isVisible(), "the demo progress dialog is closed"
    # Workspace, two directory imports, and each shipped checklist imported and published.
    assert window.home.audit_card.figure.text() == "11"
    assert window.home.audit_card.detail.text() == "哈希链完整"
    assert app.ctx.workspace is not None
    assert window.workspace_label.text() == (
        f"工作区：{data_dir} · 设备 {app.ctx.workspace.device_id[:8]}")
    assert window.busy_label.text() == "就绪"


def test_inspector_card_counts_who_may_not_inspect_today(app_window: Launched) -> None:
    home = app_window.window.home
    on_duty = int(query_one(app_window.root, "SELECT COUNT(*) FROM inspector "
                                             "WHERE active = 1 AND deleted_at IS NULL"))
    assert 0 < on_duty < 40
    states = column_texts(app_window.inspectors, 5)
    duty = column_texts(app_window.inspectors, 7)
    blocked = sum(1 for s, d in zip(states, duty, strict=True) if d == "在岗" and s != "有效")
    assert blocked > 0

    assert home.inspectors_card.figure.text() == str(on_duty)
    assert home.inspectors_card.detail.text() == (
        f"{blocked} 人今日不能执法：执法证已过期、缺失或未生效")


def test_deadline_card_counts_working_days(app_window: Launched) -> None:
    card = app_window.window.home.deadlines_card
    # 2026-11-28 is a Saturday: 20 working days end on Friday 2026-12-25, 5 on 2026-12-04.
    assert card.figure.text() == "2026-12-25"
    assert card.detail.text().splitlines() == [
        "今日结束的检查：结果须于 2026-12-25 前公示（20 个工作日）",
        "今日抽取的样品：须于 2026-12-04 前送达检验机构（5 个工作日）",
    ]
