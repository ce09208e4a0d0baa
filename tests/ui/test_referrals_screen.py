"""Case-clue referrals in the window: the dialog that refers a clue from a finalized
inspection (problems offered first, the service's refusals shown while it stays open),
and the team lead's board: deadlines in China time, approval starting the 24-hour
transfer, a decline asking its reasons inline, overdue rows in red, and the evidence
package built into a chosen folder with its SHA-256. Who sees the board.

The finalized inspection is made by the integration helpers in a fresh workspace (their
inspectors would collide with the demo county's staff ids), which the window then opens.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.services import referrals
from inspector.services.referrals import Goods, RecipientKind, ReferralView
from inspector.services.workspace import Workspace, open_workspace
from inspector.ui.board_palette import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND
from inspector.ui.referral_flow import open_referral_dialog
from inspector.ui.screens.referrals import ReferralsScreen, china_time
from inspector.ui.widgets.referral_dialog import ReferralDialog
from tests.integration.test_inspections import FIELD
from tests.integration.test_referrals import finalized_with_photos
from tests.ui.helpers import LEFT, Launched, Launcher
from tests.ui.planning_support import answer_yes, on_db

CTRL = Qt.KeyboardModifier.ControlModifier
ENTITY = "正定县某某副食店"
REFERRED = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in China
ENTITY_COLUMN, RECIPIENT, STATUS, DUE, REFERRED_AT = range(5)


@dataclass(frozen=True)
class Record:
    inspection: str
    photos: list[str]


def with_record(launch: Launcher, tmp_path: Path, role: Role = Role.ADMINISTRATOR
                ) -> tuple[Launched, Record]:
    """A window (in English) on a workspace holding one finalized inspection with two
    problems (licence, storage) and two photos."""
    root = tmp_path / "workspace"
    workspace = open_workspace(root)
    try:
        done, shas = finalized_with_photos(workspace, tmp_path)
    finally:
        workspace.store.close()
    app = launch(root=root, lang=Lang.EN)
    app.ctx.set_role(role)
    return app, Record(done.inspection, shas)


def refer(app: Launched, record: Record, recipient: str, *, at: datetime = REFERRED,
          kind: RecipientKind = RecipientKind.CASE_OFFICE) -> ReferralView:
    """A referral made through the service, at a known moment."""
    def work(ws: Workspace) -> ReferralView:
        return referrals.create_referral(
            ws.store, FIELD, record.inspection, recipient_kind=kind, recipient=recipient,
            item_keys=["licence_shown"], summary="无证经营",
            goods=[Goods("散装白酒", "2", "桶")], now=at).value

    view: ReferralView = on_db(app, work)
    return view


def board(app: Launched, now: datetime) -> ReferralsScreen:
    screen = app.window.referrals
    screen.clock = lambda: now
    assert app.window.show_screen("referrals")
    assert app.window.stack.currentWidget() is screen
    return screen


def row_texts(screen: ReferralsScreen, uuid: str) -> list[str]:
    row = screen.model.find_row(lambda r: r.uuid == uuid)
    assert row is not None
    return [screen.model.index(row, c).data() for c in range(screen.model.columnCount())]


def select(screen: ReferralsScreen, uuid: str) -> ReferralView:
    assert screen.select_referral(uuid)
    assert screen.current is not None and screen.current.uuid == uuid
    return screen.current


def findings_shown(dialog: ReferralDialog) -> list[tuple[str, bool]]:
    items = [dialog.findings_list.item(r) for r in range(dialog.findings_list.count())]
    return [(item.text(), item.checkState() == Qt.CheckState.Checked) for item in items]


def type_goods(dialog: ReferralDialog, row: int, **cells: str) -> None:
    columns = ("name", "specification", "batch", "quantity", "unit", "kept_at", "note")
    for name, text in cells.items():
        item = dialog.goods_table.item(row, columns.index(name))
        assert item is not None
        item.setText(text)


def test_the_dialog_offers_problems_first_and_stays_open_on_a_refusal(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, record = with_record(launch, tmp_path)

    dialog = open_referral_dialog(app.ctx, app.window, record.inspection, ENTITY)

    qtbot.waitUntil(dialog.isVisible)
    assert ENTITY in dialog.entity_label.text()
    shown = findings_shown(dialog)
    assert shown[:2] == [("食品经营许可证在有效期内并悬挂：不符合", True),
                         ("贮存条件符合标签要求：不符合", True)]
    assert ("过期食品数量：3 件", False) in shown and ("冷柜温度：4.5 ℃", False) in shown
    assert dialog.chosen_keys() == ("licence_shown", "storage")
    assert not dialog.police_hint.isVisibleTo(dialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(RecipientKind.POLICE.value))
    assert dialog.kind_box.currentText() == "public security organ"
    assert dialog.police_hint.isVisibleTo(dialog)
    assert "within 3 days" in dialog.police_hint.text()
    assert "24 hours" in dialog.police_hint.text()
    dialog.recipient_edit.setFocus()
    qtbot.keyClick(dialog.recipient_edit, Qt.Key.Key_Return)
    assert not dialog.waiting and dialog.error_label.text() == "", "Enter alone never refers"
    assert dialog.focusWidget() is dialog.findings_list, "Enter moves on to the next field"

    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "name the office or department receiving it"

    dialog.recipient_edit.setText("正定县公安局")
    dialog.summary_edit.setPlainText("涉嫌销售假冒注册商标的商品")
    qtbot.mouseClick(dialog.add_row_button, LEFT)
    type_goods(dialog, 0, name="散装白酒", quantity="x", unit="桶", kept_at="执法大队物证室")
    qtbot.mouseClick(dialog.add_row_button, LEFT)  # left blank: dropped on submit
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter refers

    assert dialog.isVisible()
    assert "row 1: the quantity 'x' must be a positive number" in dialog.error_label.text()
    assert dialog.goods_table.rowCount() == 1
    assert on_db(app, lambda ws: referrals.list_referrals(ws.store)) == ()

    type_goods(dialog, 0, quantity="2")
    with qtbot.waitSignal(dialog.referral_created) as created:
        qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return, CTRL)

    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    view = created.args[0]
    assert isinstance(view, ReferralView)
    assert (view.recipient_kind, view.recipient) == (RecipientKind.POLICE, "正定县公安局")
    assert view.item_keys == ("licence_shown", "storage")
    assert view.goods == (Goods("散装白酒", "2", "桶", kept_at="执法大队物证室"),)

    screen = board(app, view.referred_at + timedelta(hours=1))
    assert row_texts(screen, view.uuid) == [
        ENTITY, "public security organ: 正定县公安局", "awaiting decision",
        china_time(view.referred_at + timedelta(days=3)), china_time(view.referred_at)]


def test_a_dialog_for_an_unknown_inspection_says_why(launch: Launcher, qtbot: QtBot,
                                                     tmp_path: Path) -> None:
    app, _record = with_record(launch, tmp_path)

    dialog = open_referral_dialog(app.ctx, app.window, "no-such-inspection", ENTITY)

    qtbot.waitUntil(dialog.isVisible)
    assert dialog.error_label.text() == "no inspection no-such-inspection"
    assert dialog.findings_list.count() == 0
    assert "none" in dialog.findings_group.title()


def test_the_board_runs_the_deadlines_through_approval_and_transfer(
        launch: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    app, record = with_record(launch, tmp_path, Role.TEAM_LEAD)
    office = refer(app, record, "正定县市场监管综合执法大队")
    police = refer(app, record, "正定县公安局", kind=RecipientKind.POLICE,
                   at=REFERRED + timedelta(hours=2))
    screen = board(app, REFERRED + timedelta(hours=3))

    assert row_texts(screen, office.uuid) == [
        ENTITY, "case-handling office: 正定县市场监管综合执法大队", "awaiting decision",
        "2026-12-04 10:00", "2026-12-01 10:00"]
    assert "2 referrals: 2 awaiting the head's decision, 0 to transfer, 0 overdue" \
        in screen.summary_label.text()
    assert screen.approve_button.isVisible() and not screen.approve_button.isEnabled()

    select(screen, police.uuid)
    assert screen.detail_values["summary"].text() == "无证经营"
    assert screen.detail_values["findings"].text() == "licence_shown"
    assert screen.detail_values["goods"].text() == "1 rows: 散装白酒"
    assert screen.detail_values["package"].text() == "not built yet"
    assert screen.approve_button.isEnabled() and not screen.transfer_button.isEnabled()
    asked = answer_yes(monkeypatch)
    screen.clock = lambda: REFERRED + timedelta(days=1)

    qtbot.mouseClick(screen.approve_button, LEFT)

    assert len(asked) == 1 and "正定县公安局" in asked[0]
    assert row_texts(screen, police.uuid)[STATUS:DUE + 1] == [
        "approved, to transfer", "2026-12-03 10:00"]  # 24 hours after the approval
    assert "by 2026-12-03 10:00" in screen.message_label.text()
    assert screen.current is not None and screen.current.uuid == police.uuid
    assert screen.transfer_button.isEnabled() and not screen.approve_button.isEnabled()

    qtbot.mouseClick(screen.transfer_button, LEFT)

    assert row_texts(screen, police.uuid)[STATUS:DUE + 1] == ["transferred", "—"]
    assert screen.message_label.text() == "Transferred to 正定县公安局."
    assert screen.detail_values["decision"].text() == \
        "Approved on 2026-12-02 10:00; transferred on 2026-12-02 10:00"


def test_a_decline_asks_its_reasons_inline(launch: Launcher, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    app, record = with_record(launch, tmp_path, Role.TEAM_LEAD)
    office = refer(app, record, "正定县市场监管综合执法大队")
    screen = board(app, REFERRED + timedelta(hours=3))
    select(screen, office.uuid)
    assert not screen.reasons_edit.isVisible()

    qtbot.mouseClick(screen.decline_button, LEFT)

    assert screen.reasons_edit.isVisible() and screen.reasons_edit.hasFocus()
    qtbot.keyClicks(screen.reasons_edit, "half a thought")
    qtbot.keyClick(screen.reasons_edit, Qt.Key.Key_Escape)  # Esc cancels
    assert not screen.reasons_edit.isVisible() and screen.reasons_edit.text() == ""
    qtbot.keyClick(screen.table, Qt.Key.Key_D, CTRL)  # Ctrl+D asks again
    assert screen.reasons_edit.isVisible()
    qtbot.keyClick(screen.reasons_edit, Qt.Key.Key_Return)  # no reasons: refused
    assert screen.message_label.text() == "a declined referral needs its reasons"
    assert screen.reasons_edit.isVisible()

    qtbot.keyClicks(screen.reasons_edit, "not a violation")
    qtbot.keyClick(screen.reasons_edit, Qt.Key.Key_Return)

    assert not screen.reasons_edit.isVisible()
    assert row_texts(screen, office.uuid)[STATUS:DUE + 1] == ["declined", "—"]
    assert screen.detail_values["decision"].text() == \
        "Declined on 2026-12-01 13:00: not a violation"
    assert not screen.decline_button.isEnabled()


def test_overdue_referrals_are_in_red(launch: Launcher, tmp_path: Path) -> None:
    app, record = with_record(launch, tmp_path, Role.TEAM_LEAD)
    late = refer(app, record, "正定县市场监管综合执法大队")
    fresh = refer(app, record, "正定县公安局", at=REFERRED + timedelta(days=3, hours=12))
    screen = board(app, REFERRED + timedelta(days=4))
    model = screen.model

    row = model.find_row(lambda r: r.uuid == late.uuid)
    assert row is not None
    assert model.index(row, DUE).data() == "2026-12-04 10:00 · overdue"
    foreground = model.index(row, ENTITY_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
    background = model.index(row, DUE).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(foreground, QBrush) and foreground == OVERDUE_FOREGROUND
    assert isinstance(background, QBrush) and background.color().name() == "#f8c9c4"
    assert background == OVERDUE_BACKGROUND
    other = model.find_row(lambda r: r.uuid == fresh.uuid)
    assert other is not None
    assert model.index(other, ENTITY_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "1 overdue" in screen.summary_label.text()

    model.set_now(REFERRED)  # the clock ticks on without a reload
    assert model.index(row, DUE).data() == "2026-12-04 10:00"


def test_the_evidence_package_is_built_into_the_chosen_folder(
        launch: Launcher, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
        tmp_path: Path) -> None:
    app, record = with_record(launch, tmp_path, Role.TEAM_LEAD)
    office = refer(app, record, "正定县市场监管综合执法大队")
    screen = board(app, REFERRED)
    select(screen, office.uuid)
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def choose(_parent: Any, caption: str, *_args: Any) -> str:
        asked.append(caption)
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)

    qtbot.mouseClick(screen.package_button, LEFT)

    assert asked == ["Folder for the evidence package"]
    [package] = out.glob("*.zip")
    sha = hashlib.sha256(package.read_bytes()).hexdigest()
    with zipfile.ZipFile(package) as archive:
        assert "现场检查笔录.pdf" in archive.namelist()
        assert sum(n.startswith("照片原件/") for n in archive.namelist()) == len(record.photos)
    message = screen.message_label.text()
    assert str(package) in message and sha in message
    assert screen.built is not None and screen.built.sha256 == sha
    assert screen.detail_values["package"].text() == sha  # reloaded from the bus


@pytest.mark.parametrize(("role", "sees"), [
    (Role.INSPECTOR, False), (Role.TEAM_LEAD, True), (Role.ADMINISTRATOR, True),
    (Role.AUDITOR, False)], ids=str)
def test_only_team_leads_and_administrators_see_the_board(
        launch: Launcher, role: Role, sees: bool) -> None:
    app = launch(lang=Lang.EN)
    window = app.window

    app.ctx.set_role(role)

    assert ("referrals" in window.visible_screen_keys()) is sees
    assert window.show_screen("referrals") is sees
    assert (window.stack.currentWidget() is window.referrals) is sees
    if sees:
        keys = window.visible_screen_keys()
        assert keys.index("referrals") == keys.index("disclosure") + 1
        assert window.navigation.currentItem().text() == "Referrals"
        assert window.referrals.title.text() == "Case-clue referrals"
