"""The sync screen against the real platform: sign-in, keyring, runs, problems, diagnostics.

The platform runs on SQLite in a thread (port 0); the window runs on inline executors,
so each sign-in and sync completes within the click that starts it and no test sleeps.
A small in-memory keyring stands in for the operating system's; keyring's own *fail*
backend is what a computer without one has.
"""

from __future__ import annotations

import socket
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.core.lifecycles import InspectionStatus
from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.db.content_store import ContentStore
from inspector.db.models import Finding, Inspection, MarketEntity, Photo, SyncRecord
from inspector.services.sync_session import Connection, remember_sign_in
from inspector.services.workspace import Workspace, open_workspace
from inspector.sync.catalogue import BY_NAME
from inspector.sync.credentials import CredentialStore
from inspector.sync.protocol import DeviceInfo
from inspector.ui.app import application, build_context, start_window
from inspector.ui.executors import InlineExecutor
from inspector.ui.sync_link import LinkState, TransferProgress
from inspector.ui.widgets.login_dialog import LoginDialog
from tests.central.support import PASSWORD, Central, item, running_server
from tests.sync.memory_keyring import MemoryKeyring
from tests.ui.helpers import LEFT, TODAY, Launched, audit_events

DEMO_PENDING = 3  # the demo's audit events: workspace created, two directory imports
NUL_REASON_ZH = ("记录中含有平台无法保存的不可见控制字符（NUL）。请修改相应内容，"
                 "然后点击“重试”。")


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Central]:
    with running_server(f"sqlite:///{tmp_path / 'central.sqlite'}", tmp_path / "blobs") as made:
        made.add_unit("ZD", "130123", "正定县市场监督管理局")
        made.add_user("zhang", Role.INSPECTOR, "ZD")
        made.add_user("lead", Role.TEAM_LEAD, "ZD")
        yield made


def server_of(platform: Central) -> str:
    return platform.base.removesuffix("/api/v1")


Launch = Callable[..., Launched]


@pytest.fixture
def launch_sync(workspace_dir: Path, qapp: QApplication) -> Iterator[Launch]:
    """Windows on the demo copy with a chosen credential store; closed after the test."""
    started: list[Launched] = []
    pools: list[Executor] = []

    def launch(credentials: CredentialStore, *, interval_ms: int = 0,
               compute: Executor | None = None) -> Launched:
        if compute is not None:
            pools.append(compute)
        ctx = build_context(application(), workspace_dir, Lang.ZH, db_executor=InlineExecutor(),
                            compute=compute or InlineExecutor(), credentials=credentials,
                            sync_interval_ms=interval_ms)
        window = start_window(ctx, today=TODAY, demo=True)
        window.show()
        launched = Launched(ctx, window, workspace_dir)
        started.append(launched)
        assert window.show_screen("sync")
        return launched

    yield launch
    for launched in started:
        launched.ctx.set_lang(Lang.EN)
        launched.window.close()
        launched.window.deleteLater()
    for pool in pools:
        pool.shutdown(wait=True)
    QApplication.processEvents()


def open_dialog(app: Launched, qtbot: QtBot) -> LoginDialog:
    qtbot.mouseClick(app.window.sync.sign_in_button, LEFT)
    dialog = app.window.sync.login_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def sign_in(app: Launched, qtbot: QtBot, server: str, password: str = PASSWORD,
            dialog: LoginDialog | None = None) -> LoginDialog:
    dialog = dialog or open_dialog(app, qtbot)
    if not dialog.server_edit.text():
        qtbot.keyClicks(dialog.server_edit, server)
    if not dialog.user_edit.text():
        qtbot.keyClicks(dialog.user_edit, "zhang")
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.sign_in_button, LEFT)
    return dialog


def sync_now(app: Launched, qtbot: QtBot) -> Any:
    controller = app.window.sync_controller
    with qtbot.waitSignal(controller.finished) as finished:
        qtbot.mouseClick(app.window.sync.sync_button, LEFT)
    return finished.args[0]


def files_holding(root: Path, *secrets: str) -> list[str]:
    """Every file under ``root`` that contains one of ``secrets`` (as UTF-8 bytes)."""
    needles = [s.encode("utf-8") for s in secrets]
    return [str(p) for p in root.rglob("*") if p.is_file()
            and any(n in p.read_bytes() for n in needles)]


def table_rows(app: Launched) -> list[list[str]]:
    model = app.window.sync.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def add_inspection(workspace: Workspace, note: str, photo: bytes | None = None) -> str:
    """An inspection with one finding (and a photo), as the field screens write them."""
    with workspace.store.write() as session:
        entity_id = session.scalar(select(MarketEntity.id).order_by(MarketEntity.id))
        assert entity_id is not None
        inspection = Inspection(entity_id=entity_id, status=InspectionStatus.FINALIZED,
                                started_at=datetime(2026, 11, 28, 1, 0, tzinfo=UTC),
                                started_device_clock="2026-11-28T09:00:00+08:00",
                                finalized_at=datetime(2026, 11, 28, 2, 30, tzinfo=UTC),
                                result_codes=["1"])
        session.add(inspection)
        session.flush()
        finding = Finding(inspection_id=inspection.id, item_key="item-00", answer="符合",
                          note=note)
        session.add(finding)
        if photo is not None:
            files = ContentStore(workspace.paths.files)
            session.add(Photo(inspection_id=inspection.id,
                              original_sha256=files.put_bytes(photo), original_size=len(photo),
                              media_type="image/jpeg", width=4000, height=3000,
                              upload_sha256=files.put_bytes(photo[: len(photo) // 2])))
        session.flush()
        return finding.uuid


def test_signing_in_keeps_the_token_in_the_system_keyring_only(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    keyring = MemoryKeyring()
    app = launch_sync(CredentialStore(keyring))
    controller = app.window.sync_controller
    assert app.window.sync_indicator.text().startswith("○ 未登录")

    dialog = open_dialog(app, qtbot)
    assert not dialog.notice_label.isVisibleTo(dialog), "a real keyring needs no notice"
    with qtbot.waitSignal(controller.signed_in) as signed_in:
        sign_in(app, qtbot, server_of(platform), dialog=dialog)

    device: DeviceInfo = signed_in.args[0]
    assert not dialog.isVisible() and dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.password_edit.text() == ""
    key = f"zhang@{server_of(platform)}"
    assert list(keyring.passwords) == [("inspector", key)]
    token = keyring.passwords[("inspector", key)]
    assert len(token) > 20
    # Neither the password nor the token reached a file: database, settings or log.
    log = app.root / "logs" / "inspector.log"
    assert "signing in to" in log.read_text(encoding="utf-8")
    assert files_holding(app.root, PASSWORD, token) == []
    for holder in (dialog, controller, app.window.sync):
        assert PASSWORD not in repr(vars(holder))
    assert controller.state is LinkState.ONLINE
    assert app.window.sync_indicator.text().startswith("● 在线 · 待发送 3 · 从未同步")
    sync = app.window.sync
    assert (sync.server_value.text(), sync.user_value.text()) == (server_of(platform), "zhang")
    assert sync.prefix_value.text() == device.sample_prefix
    assert sync.token_value.text() == "本机系统密钥环"


def test_without_a_keyring_the_sign_in_lasts_for_this_run_only(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    credentials = CredentialStore(fail.Keyring())
    assert not credentials.persistent
    app = launch_sync(credentials)

    dialog = open_dialog(app, qtbot)
    assert dialog.notice_label.isVisibleTo(dialog)
    assert dialog.notice_label.text().startswith(credentials.notice.split(" (")[0])
    with qtbot.waitSignal(app.window.sync_controller.signed_in):
        sign_in(app, qtbot, server_of(platform), dialog=dialog)

    token = credentials.load(server_of(platform), "zhang")
    assert token is not None, "kept in memory for this run"
    assert files_holding(app.root, PASSWORD, token) == []
    assert app.window.sync.token_value.text().startswith("仅本次运行有效")
    # The next run of the app starts signed out: nothing survived on disk.
    assert CredentialStore(fail.Keyring()).load(server_of(platform), "zhang") is None


def test_a_wrong_password_is_shown_in_the_dialog(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    keyring = MemoryKeyring()
    app = launch_sync(CredentialStore(keyring))

    with qtbot.waitSignal(app.window.sync_controller.sign_in_failed):
        dialog = sign_in(app, qtbot, server_of(platform), password="not the password")

    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "用户名或密码错误。"
    assert dialog.password_edit.text() == "" and dialog.password_edit.isEnabled()
    assert keyring.passwords == {}
    assert app.window.sync_controller.connection is None

    with qtbot.waitSignal(app.window.sync_controller.signed_in):
        sign_in(app, qtbot, server_of(platform), dialog=dialog)
    assert not dialog.isVisible()


def test_sync_now_sends_what_waits_and_the_indicator_says_so(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    app = launch_sync(CredentialStore(MemoryKeyring()))
    sign_in(app, qtbot, server_of(platform))
    assert table_rows(app)[0][:3] == ["待发送", "审计日志", "3 条"]

    report = sync_now(app, qtbot)

    assert (report.outcome, report.stored, report.still_pending) == ("done", DEMO_PENDING, 0)
    text = app.window.sync_indicator.text()
    assert text.startswith("● 在线 · 待发送 0 · 上次同步 20"), text
    assert app.window.sync.last_success_value.text()[:2] == "20"
    assert table_rows(app) == []
    assert app.window.sync.report_label.text().startswith("上次同步（")
    assert "发送记录 3 条" in app.window.sync.report_label.text()


def test_a_refused_record_shows_its_reason_and_retry_sends_it_once_corrected(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    app = launch_sync(CredentialStore(MemoryKeyring()))
    sign_in(app, qtbot, server_of(platform))
    bad = app.ctx.db.call(lambda ws: add_inspection(ws, "含有\x00字符")).result()

    report = sync_now(app, qtbot)

    assert report.refused == 1
    sync = app.window.sync
    [row] = table_rows(app)
    assert row[:2] == ["被拒收", "检查项结果"] and row[2] == bad[:8] + "…"
    assert row[3] == NUL_REASON_ZH
    assert "待处理 1" in app.window.sync_indicator.text()
    app.ctx.set_lang(Lang.EN)
    assert table_rows(app)[0][3].startswith("The record contains an invisible control")
    app.ctx.set_lang(Lang.ZH)
    assert not sync.retry_button.isEnabled()
    sync.table.selectRow(0)
    assert sync.retry_button.isEnabled() and not sync.keep_button.isEnabled()

    def correct(ws: Workspace) -> None:
        with ws.store.write() as session:
            finding = session.scalars(select(Finding).where(Finding.uuid == bad)).one()
            finding.note = "已更正"

    app.ctx.db.call(correct).result()
    events = audit_events(app.root)
    with qtbot.waitSignal(app.window.sync_controller.finished) as finished:
        qtbot.mouseClick(sync.retry_button, LEFT)

    assert (finished.args[0].stored, finished.args[0].refused) == (2, 0)  # finding, its audit
    assert table_rows(app) == []
    assert audit_events(app.root) == events + 1, "the retry is audited"


def test_a_conflict_shows_both_versions_and_keep_my_version_settles_it(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    app = launch_sync(CredentialStore(MemoryKeyring()))
    sign_in(app, qtbot, server_of(platform))
    uuid = app.ctx.db.call(lambda ws: add_inspection(ws, "证照齐全")).result()
    assert sync_now(app, qtbot).stored == DEMO_PENDING + 2

    def mine_and_base(ws: Workspace) -> tuple[dict[str, Any], str]:
        with ws.store.read() as session:
            finding = session.scalars(select(Finding).where(Finding.uuid == uuid)).one()
            known = session.get(SyncRecord, uuid)
            assert known is not None and known.acked_hash is not None
            return BY_NAME["finding"].body(session, finding), known.acked_hash

    body, base = app.ctx.db.call(mine_and_base).result()
    [answer] = platform.login("lead").push(
        item("finding", {**body, "note": "组长更正：证照过期"}, uuid, base_hash=base))
    assert answer["status"] == "stored"

    def edit(ws: Workspace) -> None:
        with ws.store.write() as session:
            finding = session.scalars(select(Finding).where(Finding.uuid == uuid)).one()
            finding.note, finding.pending = "检查员补充：已整改", True

    app.ctx.db.call(edit).result()
    assert sync_now(app, qtbot).conflicts == 1

    sync = app.window.sync
    [row] = table_rows(app)
    assert row[:2] == ["冲突", "检查项结果"]
    assert row[3].endswith("平台上的版本也被修改了。“保留我的版本”会把您的版本作为较新版本发送。")
    overview = app.window.sync_controller.overview
    assert overview is not None
    [problem] = overview.problems
    assert problem.server_hash == answer["stored_hash"] and problem.sent_hash
    assert row[4] == f"本机 {problem.sent_hash[:12]} · 平台 {problem.server_hash[:12]}"
    sync.table.selectRow(0)
    assert sync.keep_button.isEnabled() and not sync.retry_button.isEnabled()

    with qtbot.waitSignal(app.window.sync_controller.finished) as settled:
        qtbot.keyClick(sync.keep_button, Qt.Key.Key_Space)

    assert (settled.args[0].stored, settled.args[0].conflicts) == (2, 0)  # mine, its audit
    assert table_rows(app) == []


def test_a_revoked_token_asks_for_the_password_and_keeps_the_queue(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    credentials = CredentialStore(MemoryKeyring())
    app = launch_sync(credentials)
    controller = app.window.sync_controller
    first = sign_in(app, qtbot, server_of(platform))
    token = credentials.load(server_of(platform), "zhang")
    response = requests.post(platform.base + "/auth/logout", timeout=30,
                             headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 204

    with qtbot.waitSignal(controller.password_needed):
        report = sync_now(app, qtbot)

    assert report.outcome == "signed_out" and report.still_pending == DEMO_PENDING
    dialog = app.window.sync.login_dialog
    assert dialog is not None and dialog is not first and dialog.isVisible()
    assert dialog.reason_label.isVisibleTo(dialog)
    assert dialog.server_edit.text() == server_of(platform)
    assert dialog.user_edit.text() == "zhang"
    assert credentials.load(server_of(platform), "zhang") is None, "the dead token is gone"
    assert app.window.sync_indicator.text().startswith("● 需要重新登录 · 待发送 3")

    with qtbot.waitSignal(controller.finished) as resumed:
        sign_in(app, qtbot, server_of(platform), dialog=dialog)

    assert (resumed.args[0].outcome, resumed.args[0].stored) == ("done", DEMO_PENDING)
    assert app.window.sync_indicator.text().startswith("● 在线 · 待发送 0")


def test_diagnostics_hold_versions_and_queue_state_but_no_secret(
        launch_sync: Launch, platform: Central, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    credentials = CredentialStore(MemoryKeyring())
    app = launch_sync(credentials)
    sign_in(app, qtbot, server_of(platform))
    sync_now(app, qtbot)
    token = credentials.load(server_of(platform), "zhang")
    assert token is not None
    asked: list[str] = []

    def get_save_file_name(_parent: Any, caption: str, _dir: str, _filter: str,
                           ) -> tuple[str, str]:
        asked.append(caption)
        return str(tmp_path / "support"), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    qtbot.mouseClick(app.window.sync.export_button, LEFT)

    bundle = tmp_path / "support.zip"
    assert asked == ["导出诊断信息"]
    assert app.window.sync.export_label.text().startswith(f"诊断信息已写入 {bundle}")
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        contents = b"".join(archive.read(name) for name in names)
    assert {"versions.json", "sync-state.json", "logs/inspector.log"} <= names
    assert b"sync done" in contents, "the log came along"
    assert token.encode() not in contents and PASSWORD.encode() not in contents


def test_an_unreachable_platform_shows_offline(
        launch_sync: Launch, workspace_dir: Path, qtbot: QtBot) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    workspace = open_workspace(workspace_dir)  # signed in on an earlier run
    try:
        with workspace.store.write() as session:
            remember_sign_in(session, Connection(closed, "zhang"), DeviceInfo(
                device_uuid=workspace.device_id, name="laptop", sample_prefix="007",
                owner="zhang", enrolled_at="2026-11-01T00:00:00+00:00"))
    finally:
        workspace.store.close()
    credentials = CredentialStore(MemoryKeyring())
    credentials.save(closed, "zhang", "a-token-from-an-earlier-run")
    app = launch_sync(credentials)
    controller = app.window.sync_controller
    assert controller.state is LinkState.UNKNOWN
    assert app.window.sync.prefix_value.text() == "007"

    assert controller.check_connectivity()

    assert controller.state is LinkState.OFFLINE
    assert app.window.sync_indicator.text().startswith("○ 离线 · 待发送 3")
    report = sync_now(app, qtbot)
    assert report.outcome == "offline" and report.still_pending == DEMO_PENDING
    assert "无法连接平台" in app.window.sync.report_label.text()
    with qtbot.waitSignal(controller.sign_in_failed) as failed:
        sign_in(app, qtbot, closed)
    assert failed.args[0] == "无法连接平台：请检查地址和网络连接。"


def test_the_timer_syncs_on_its_own_when_the_platform_answers(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    app = launch_sync(CredentialStore(MemoryKeyring()), interval_ms=20)
    controller = app.window.sync_controller
    sign_in(app, qtbot, server_of(platform))
    assert controller.timer.isActive()

    with qtbot.waitSignal(controller.finished, timeout=10_000) as finished:
        pass

    assert (finished.args[0].outcome, finished.args[0].stored) == ("done", DEMO_PENDING)


def test_media_progress_shows_bytes_and_time_left(
        launch_sync: Launch, platform: Central, qtbot: QtBot) -> None:
    # Files go up on threads of their own: the network work runs on a real pool here, so
    # progress reaches the screen as it would in the app, queued to the main thread.
    app = launch_sync(CredentialStore(MemoryKeyring()),
                      compute=ThreadPoolExecutor(2, thread_name_prefix="test-compute"))
    controller, sync = app.window.sync_controller, app.window.sync
    with qtbot.waitSignal(controller.signed_in, timeout=30_000):
        sign_in(app, qtbot, server_of(platform))
    photo = bytes(range(256)) * 16384  # 4 MiB: its 2 MiB copy goes in two 1 MiB chunks
    app.ctx.db.call(lambda ws: add_inspection(ws, "拍照取证", photo)).result()
    seen: list[tuple[TransferProgress, str, int, list[str]]] = []
    controller.progressed.connect(lambda p: seen.append(
        (p, sync.media_label.text(), sync.media_progress.value(),
         [row[0] for row in table_rows(app)])))

    with qtbot.waitSignal(controller.finished, timeout=30_000):
        qtbot.mouseClick(sync.sync_button, LEFT)
    assert sync.media_label.text().startswith("待发送文件：1 个")
    assert "等待“发送原图”的原图：1 张。" in sync.media_label.text()
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        qtbot.mouseClick(sync.originals_button, LEFT)

    roles = [p.role for p, _text, _value, _rows in seen]
    assert roles[0] == "upload_copy" and roles[-1] == "original", roles
    copy = [p for p, *_rest in seen if p.role == "upload_copy"]
    assert [p.sent for p in copy] == sorted(p.sent for p in copy)
    assert copy[-1].sent == copy[-1].size == len(photo) // 2
    progress, text, value, states = seen[0]
    assert text.startswith("正在发送照片（压缩副本）：1.0 MB / 2.0 MB"), text
    assert "/秒" in text and "约剩" in text and progress.seconds_left is not None
    assert value == 500 and "正在发送" in states
    assert seen[-1][0].sent == len(photo) and seen[-1][2] == 1000
    assert sync.media_label.text() == "文件：没有待发送的文件。"
    assert not sync.media_progress.isVisibleTo(sync)
