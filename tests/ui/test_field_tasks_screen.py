"""The 任务与检查 screen: a released task in the list (overdue, with its team), a start
refused in the dialog for an expired certificate, a start that opens the form, answers
autosaved as they are given, and finalizing: missing answers named, a different result
without a reason refused, the suggested result recorded with its hash."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from inspector.core.directory import EntityType
from inspector.core.follow_up import FollowUp
from inspector.core.lifecycles import TaskRole, TaskSource, TaskStatus
from inspector.core.roles import Role
from inspector.core.text import Lang, LocalText
from inspector.db.models import (
    ChecklistDraft,
    Inspection,
    Inspector,
    MarketEntity,
    Photo,
    PhotoAnnotation,
    Recusal,
    Task,
    TaskInspector,
    WorkspaceSetting,
)
from inspector.media import AnnotationLayer, Arrow, CameraUnavailableError, Circle
from inspector.services import checklist_drafts, checklist_library, field_tasks
from inspector.services.sync_session import STAFF_KEY
from inspector.services.workspace import Workspace
from inspector.ui.field_task_model import OVERDUE_BRUSH
from inspector.ui.screens.field_tasks import FieldTasksScreen
from inspector.ui.widgets.media_editor import MediaEditor
from inspector.ui.widgets.start_inspection_dialog import StartInspectionDialog
from tests.ui.helpers import LEFT, TODAY, Launched, Launcher, type_chinese
from tests.ui.planning_support import on_db
from tests.ui.test_finalize_dialog import sign_everyone

CTRL = Qt.KeyboardModifier.ControlModifier
STATUS = 3
CHECKLIST: dict[str, Any] = {
    "format": "inspector-checklist-v1", "code": "XCJC", "version": 1,
    "title": "个体工商户现场检查", "entity_types": ["individual"],
    "check_items": ["个体工商户经营行为的检查"],
    "sections": [{"key": "site", "title": "经营场所", "items": [
        {"key": "licence_shown", "kind": "compliance", "label": "营业执照悬挂在醒目位置",
         "severity": "key", "required": True},
        {"key": "premises_clean", "kind": "compliance", "label": "经营场所整洁",
         "required": True},
        {"key": "stall_note", "kind": "text", "label": "个体工商户摊位说明",
         "visible_if": "entity.entity_type = 'individual'"},
        {"key": "company_note", "kind": "text", "label": "企业分支机构说明",
         "visible_if": "entity.entity_type = 'enterprise'"},
        {"key": "site_photo", "kind": "photo", "label": "现场照片", "max_count": 3},
    ]}],
}


@dataclass(frozen=True)
class Setup:
    task: str
    entity: str  # uuid
    name: str
    code: str
    team: tuple[str, ...]  # staff ids: two valid certificates, then an expired one


def prepare(app: Launched, tmp_path: Path) -> Setup:
    """Publish a small checklist and release a task (due two days ago) for an individual
    business, with a team of three: two certificates valid for years, one expired."""
    path = tmp_path / "xcjc.json"
    path.write_text(json.dumps(CHECKLIST, ensure_ascii=False), encoding="utf-8")
    actor = app.ctx.actor

    def work(ws: Workspace) -> Setup:
        checklist_library.import_checklist(ws.store, actor, path)
        checklist_library.publish_version(ws.store, actor, "XCJC", 1)
        with ws.store.write() as session:
            entity = session.scalars(
                select(MarketEntity).where(MarketEntity.entity_type == EntityType.INDIVIDUAL,
                                           MarketEntity.deleted_at.is_(None))
                .order_by(MarketEntity.id).limit(1)).one()
            recused = select(Recusal.inspector_id).where(Recusal.entity_id == entity.id)
            people = session.scalars(
                select(Inspector).where(Inspector.active.is_(True),
                                        Inspector.id.not_in(recused))
                .order_by(Inspector.id).limit(3)).all()
            for person, valid_to in zip(people, (date(2099, 12, 31), date(2099, 12, 31),
                                                 date(2020, 6, 30)), strict=True):
                person.cert_number = person.cert_number or f"冀{person.staff_id}"
                person.cert_valid_from, person.cert_valid_to = date(2015, 1, 1), valid_to
            task = Task(entity_id=entity.id, source=TaskSource.AD_HOC, reason="投诉举报",
                        status=TaskStatus.ASSIGNED, due_date=TODAY - timedelta(days=2),
                        window_start=TODAY - timedelta(days=20),
                        window_end=TODAY - timedelta(days=3),
                        check_items=[{"code": "GT-1", "title": "个体工商户经营行为的检查"}])
            session.add(task)
            session.flush()
            session.add_all(TaskInspector(task_id=task.id, inspector_id=person.id,
                                          role=TaskRole.LEAD if n == 0 else TaskRole.ASSIST)
                            for n, person in enumerate(people))
            return Setup(task.uuid, entity.uuid, entity.name, entity.identifier,
                         tuple(p.staff_id for p in people))

    return on_db(app, work)


def field_screen(launch: Launcher, tmp_path: Path) -> tuple[Launched, FieldTasksScreen, Setup]:
    app = launch()
    setup = prepare(app, tmp_path)
    app.ctx.set_role(Role.INSPECTOR)
    assert app.window.show_screen("tasks")
    screen = app.window.tasks
    assert screen.current is not None and screen.current.uuid == setup.task
    return app, screen, setup


def stored(app: Launched, sql_model: Any) -> int:
    return int(on_db(app, lambda ws: _count(ws, sql_model)))


def _count(ws: Workspace, sql_model: Any) -> int:
    with ws.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(sql_model)) or 0)


def open_start(screen: FieldTasksScreen, qtbot: QtBot) -> StartInspectionDialog:
    qtbot.mouseClick(screen.start_button, LEFT)
    dialog = screen.start_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def start(screen: FieldTasksScreen, qtbot: QtBot, setup: Setup) -> None:
    dialog = open_start(screen, qtbot)
    dialog.certificates_box.setChecked(True)
    dialog.no_conflict_box.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: screen.form is not None)
    assert dialog.result() == QDialog.DialogCode.Accepted


def choose(qtbot: QtBot, screen: FieldTasksScreen, key: str, number: int) -> None:
    assert screen.form is not None
    strip = screen.form.row(key).editor.choice
    qtbot.mouseClick(strip, LEFT, pos=strip.option_rect(number).center())


def test_the_list_shows_the_released_task_overdue_with_its_team(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)

    row = screen.model.find_row(lambda t: t.uuid == setup.task)
    assert row is not None
    index = screen.model.index(row, STATUS)
    assert index.data() == "待检查 · 逾期"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BRUSH
    assert screen.model.index(row, 1).data() == setup.code
    assert screen.model.index(row, 2).data() == (TODAY - timedelta(days=2)).isoformat()
    team = screen.detail_values["team"].text()
    lead, assisting, expired = team.split("<br>")
    assert lead.startswith("主检 ") and f"（{setup.team[0]}）" in lead
    assert "有效期至 2099-12-31" in lead and "color" not in lead
    assert "协检 " in assisting and "color" not in assisting
    assert "color: #b3261e" in expired and "有效期至 2020-06-30 · 已过期或无证件" in expired
    assert screen.detail_values["items"].text() == "GT-1 个体工商户经营行为的检查"
    assert screen.history.label.text() == "该检查对象尚无已办结的检查。"
    assert screen.start_button.isVisible() and screen.start_button.isEnabled()
    assert not screen.finalize_button.isVisible()

    # The search finds the task by its code, and hides it for another text.
    type_chinese(screen.search_edit, setup.code[-8:])
    assert screen.model.find_row(lambda t: t.uuid == setup.task) is not None
    screen.search_edit.clear()
    type_chinese(screen.search_edit, "没有这样的名称")
    assert screen.model.shown == 0
    assert screen.current is not None, "the task stays open while the search hides it"
    screen.search_edit.clear()

    app.ctx.set_lang(Lang.EN)
    assert screen.title.text() == "Tasks and inspections"
    assert screen.model.index(0, STATUS).data() == "to inspect · overdue"
    assert screen.start_button.text() == "Start inspection…"
    assert "· expired or missing" in screen.detail_values["team"].text()


def test_an_expired_certificate_is_refused_in_the_dialog_and_a_valid_team_starts(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)
    dialog = open_start(screen, qtbot)
    boxes = dialog.member_boxes
    assert [boxes[s].isChecked() for s in setup.team] == [True, True, False]
    assert "b3261e" in boxes[setup.team[2]].styleSheet()
    assert dialog.checklist_box.currentData() == "XCJC"

    boxes[setup.team[2]].setChecked(True)  # the expired one too
    dialog.certificates_box.setChecked(True)
    dialog.no_conflict_box.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert dialog.isVisible(), "a refusal keeps the dialog open"
    assert "的执法证已于 2020-06-30 过期，不能参加检查" in dialog.error_label.text()
    assert f"（{setup.team[2]}）" in dialog.error_label.text()
    assert stored(app, Inspection) == 0 and stored(app, ChecklistDraft) == 0
    assert screen.form is None

    boxes[setup.team[2]].setChecked(False)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.location_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter starts

    qtbot.waitUntil(lambda: screen.form is not None)
    assert not dialog.isVisible()
    assert screen.message_label.text() == "检查已开始，使用 XCJC 第 1 版：每个答案随填随存。"
    assert screen.current is not None and screen.current.uuid == setup.task
    row = screen.model.find_row(lambda t: t.uuid == setup.task)
    assert row is not None and screen.model.index(row, STATUS).data() == "检查中 · 逾期"
    assert screen.finalize_button.isVisible() and not screen.start_button.isVisible()
    form = screen.form
    assert form is not None
    # The entity's fields reach the form: an individual business, not an enterprise.
    assert form.is_shown("stall_note") and not form.is_shown("company_note")

    choose(qtbot, screen, "licence_shown", 0)
    type_chinese(form.row("stall_note").editor.edit, "东门第 3 号摊位")
    autosaver = screen.autosaver
    assert autosaver is not None
    qtbot.waitUntil(lambda: autosaver.idle and screen.save_label.text() == "每个答案随填随存。")
    draft = on_db(app, lambda ws: checklist_drafts.open_draft(ws.store, autosaver.draft))
    assert draft.answers["licence_shown"] == "符合"
    assert draft.answers["stall_note"] == "东门第 3 号摊位"


def test_finalizing_names_what_is_missing_and_records_the_result_with_its_hash(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)
    start(screen, qtbot, setup)
    choose(qtbot, screen, "licence_shown", 0)

    qtbot.mouseClick(screen.finalize_button, LEFT)

    assert screen.finalize_dialog is None, "no dialog while an answer is missing"
    assert screen.message_label.text() == "未办结：还有 1 处需要处理：经营场所整洁（必填）"
    assert screen.form is not None
    assert screen.form.problems_shown("premises_clean") == "必填"

    choose(qtbot, screen, "premises_clean", 0)
    qtbot.mouseClick(screen.finalize_button, LEFT)
    dialog = screen.finalize_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.suggestion_label.text() == "建议结果：1 未发现问题\n依据：所有检查项符合或不适用"
    assert dialog.chosen_codes() == ("1",)
    assert dialog.code_boxes["1"].text() == "1 未发现问题"
    assert "2" not in dialog.code_boxes, "only the top-level codes are offered"
    assert dialog.follow_up.measures() == (FollowUp("none"),)  # ticked for result 1
    # The inspectors present sign (not the third of the drawn team, who was not there).
    assert list(dialog.signature_sheet.inspector_fields) == list(setup.team[:2])
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.error_label.text() == "被检查单位负责人拒绝签名的，应记录拒签理由"
    sign_everyone(dialog.signature_sheet)

    # A different result without a reason: refused in the dialog, nothing finalized.
    dialog.code_boxes["1"].setChecked(False)
    dialog.code_boxes["E"].setChecked(True)
    assert dialog.reason_hint.text().startswith("所选结果与建议不同：必须说明理由")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "所选结果与建议（1）不同，请说明理由"
    assert screen.form is not None

    # Back to the suggestion: finalized, the record's hash said, the form closed.
    dialog.code_boxes["E"].setChecked(False)
    dialog.code_boxes["1"].setChecked(True)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter finalizes

    qtbot.waitUntil(lambda: screen.form is None)
    assert not dialog.isVisible()
    history = on_db(app, lambda ws: field_tasks.entity_history(ws.store, setup.entity))
    assert len(history) == 1 and history[0].result_codes == ("1",)
    digest = history[0].content_hash
    assert screen.message_label.text() == f"已办结，记录哈希 {digest[:12]}…"
    row = screen.model.find_row(lambda t: t.uuid == setup.task)
    assert row is not None and screen.model.index(row, STATUS).data() == "已完成"
    assert screen.model.index(row, STATUS).data(Qt.ItemDataRole.BackgroundRole) is None
    assert screen.history.label.text() == "检查历史：1 次"
    assert [screen.history.model.index(0, c).data() for c in (1, 2)] == [
        "1 未发现问题", digest[:12]]
    assert not screen.start_button.isEnabled() and not screen.finalize_button.isVisible()
    assert screen.hint_label.text() == "该任务已完成，检查记录见检查对象的检查历史。"
    assert stored(app, ChecklistDraft) == 0, "the findings are the record now"


def test_photos_are_attached_to_a_photo_item_and_a_bad_file_is_named(
        launch: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    app, screen, setup = field_screen(launch, tmp_path)
    start(screen, qtbot, setup)
    good, bad = tmp_path / "门头.jpg", tmp_path / "坏图.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1024, 768), (90, 120, 150)).save(buffer, "JPEG", quality=90)
    good.write_bytes(buffer.getvalue())
    bad.write_bytes(b"not a photo at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *_args: ([str(good)], "照片 (*.jpg)"))
    form = screen.form
    assert form is not None
    button = form.row("site_photo").editor.button

    qtbot.mouseClick(button, LEFT)

    qtbot.waitUntil(lambda: "门头.jpg" in screen.message_label.text()
                    and "已添加" in screen.message_label.text())
    digest = hashlib.sha256(good.read_bytes()).hexdigest()
    assert form.answers()["site_photo"] == (digest,)
    assert button.text() == "添加照片… · 已附 1 个"
    assert stored(app, Photo) == 1

    screen.attach_photo_file("site_photo", bad)

    qtbot.waitUntil(lambda: "坏图.jpg" in screen.message_label.text()
                    and "未添加" in screen.message_label.text())
    assert form.answers()["site_photo"] == (digest,)
    assert stored(app, Photo) == 1
    editor = form.row("site_photo").editor
    assert isinstance(editor, MediaEditor)
    [thumbnail] = editor.thumbnail_buttons()
    assert not thumbnail.icon().isNull() and thumbnail.iconSize().height() == 64
    assert thumbnail.toolTip().endswith(f"SHA-256 {digest}")


def drop_files(widget: QWidget, paths: list[Path]) -> bool:
    """Drop ``paths`` on ``widget`` as a file manager does; whether it was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(widget.rect().center())
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_photos_dropped_on_a_photo_item_are_attached_and_other_files_are_not(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)
    start(screen, qtbot, setup)
    photos = []
    for n, colour in enumerate(((200, 40, 40), (40, 200, 40))):
        path = tmp_path / f"现场{n}.jpg"
        Image.new("RGB", (800, 600), colour).save(path, "JPEG")
        photos.append(path)
    notes = tmp_path / "说明.txt"
    notes.write_text("不是照片", encoding="utf-8")
    assert screen.form is not None
    editor = screen.form.row("site_photo").editor

    assert not drop_files(editor, [notes])
    assert drop_files(editor, [*photos, notes])

    digests = tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in photos)
    qtbot.waitUntil(lambda: screen.form is not None
                    and screen.form.answers().get("site_photo") == digests)
    assert stored(app, Photo) == 2
    assert isinstance(editor, MediaEditor) and len(editor.thumbnail_buttons()) == 2
    assert not drop_files(screen.form.row("licence_shown").editor, photos), \
        "only photo items take photos"


def test_a_kill_in_the_middle_of_an_inspection_loses_no_answer_and_no_photo(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    """The app runs as its own process (real DB thread), takes answers and a photo, and
    is killed (SIGKILL: no shutdown of any kind); the app started again shows them all."""
    app, screen, setup = field_screen(launch, tmp_path)
    start(screen, qtbot, setup)
    launch.close_all()
    photo = tmp_path / "stall.jpg"
    Image.new("RGB", (640, 480), (120, 90, 60)).save(photo, "JPEG")

    with subprocess.Popen(
            [sys.executable, "-m", "tests.ui.kill_child", str(app.root), setup.task,
             str(photo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=Path(__file__).resolve().parents[2]) as child:
        try:
            assert child.stdout is not None and child.stderr is not None
            line = child.stdout.readline()  # blocks until READY, or EOF if the child fails
            assert line.strip() == "READY", child.stderr.read()
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    again = launch(root=app.root)
    again.ctx.set_role(Role.INSPECTOR)
    assert again.window.show_screen("tasks")
    tasks = again.window.tasks
    assert tasks.select_task(setup.task) and tasks.form is not None
    answers = tasks.form.answers()
    assert answers["licence_shown"] == "不符合"
    assert answers["licence_shown.note"] == "营业执照未悬挂"
    assert answers["stall_note"] == "东侧第三个摊位"
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert answers["site_photo"] == (digest,)
    assert stored(again, Photo) == 1
    assert (again.root / "files" / digest[:2] / digest[2:4] / digest).read_bytes() \
        == photo.read_bytes()


def test_a_thumbnail_opens_the_annotation_editor_and_the_layer_is_saved_beside_the_original(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)
    start(screen, qtbot, setup)
    photo = tmp_path / "货架.jpg"
    Image.new("RGB", (1200, 900), (150, 140, 120)).save(photo, "JPEG")
    screen.attach_photo_file("site_photo", photo)
    assert screen.form is not None
    editor = screen.form.row("site_photo").editor
    assert isinstance(editor, MediaEditor)
    qtbot.waitUntil(lambda: len(editor.thumbnail_buttons()) == 1)

    editor.thumbnail_buttons()[0].click()
    dialog = screen.photos.annotation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    layer = AnnotationLayer((Arrow((100, 100), (500, 400)), Circle((800, 500), 120)))
    dialog.canvas.set_layer(layer)
    dialog.request()

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert screen.message_label.text().startswith("已保存 2 处标注")
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert (app.root / "files" / digest[:2] / digest[2:4] / digest).read_bytes() \
        == photo.read_bytes()
    assert stored(app, PhotoAnnotation) == 1
    editor.thumbnail_buttons()[0].click()  # reopened: the saved layer is there
    reopened = screen.photos.annotation_dialog
    assert reopened is not None and reopened is not dialog
    assert reopened.canvas.layer() == layer


def test_a_team_lead_creates_an_ad_hoc_task_from_the_screen_and_an_inspector_cannot(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)
    assert not screen.ad_hoc_button.isVisibleTo(screen)  # an inspector does not see it
    app.ctx.set_role(Role.TEAM_LEAD)
    assert screen.ad_hoc_button.isVisibleTo(screen)

    qtbot.mouseClick(screen.ad_hoc_button, LEFT)
    dialog = screen.ad_hoc_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.search_edit.setText(setup.code)
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # search at once, pick the match
    qtbot.waitUntil(lambda: dialog.entity is not None)
    assert dialog.entity is not None and dialog.entity.identifier == setup.code
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()  # refused by the service, in the dialog
    assert dialog.error_label.text() == "请写明任务来由（如 12315 投诉举报编号及事项）"
    dialog.reason_edit.setPlainText("12315 投诉 No.2026112800031：销售过期食品")
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return, CTRL)
    assert dialog.error_label.text() == f"{setup.name} 已有未完成的检查任务"


class StillCamera:
    """A camera that hands out still JPEGs, as a device would (none exists here)."""

    name = "测试相机"

    def __init__(self, shots: list[bytes]) -> None:
        self.shots = shots

    def capture(self) -> bytes:
        if not self.shots:
            raise CameraUnavailableError(LocalText("相机忙", "the camera is busy"))
        return self.shots.pop(0)


def test_where_a_camera_exists_a_photo_item_takes_a_photo_with_it(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)
    assert screen.form is None
    buffer = io.BytesIO()
    Image.new("RGB", (1024, 768), (10, 120, 60)).save(buffer, "JPEG")
    shot = buffer.getvalue()
    app.ctx.camera = StillCamera([shot])
    start(screen, qtbot, setup)
    assert screen.form is not None
    editor = screen.form.row("site_photo").editor
    assert isinstance(editor, MediaEditor) and editor.capture_button.isVisibleTo(editor)
    assert editor.capture_button.text() == "拍照"

    qtbot.mouseClick(editor.capture_button, LEFT)

    qtbot.waitUntil(lambda: "已添加" in screen.message_label.text())
    assert screen.form.answers()["site_photo"] == (hashlib.sha256(shot).hexdigest(),)
    qtbot.mouseClick(editor.capture_button, LEFT)  # no more shots: the camera says so
    qtbot.waitUntil(lambda: "相机忙" in screen.message_label.text())
    assert stored(app, Photo) == 1


def test_without_a_camera_no_photo_can_be_taken(launch: Launcher, qtbot: QtBot,
                                                tmp_path: Path) -> None:
    _app, screen, setup = field_screen(launch, tmp_path)
    start(screen, qtbot, setup)
    assert screen.form is not None
    editor = screen.form.row("site_photo").editor
    assert isinstance(editor, MediaEditor) and not editor.capture_button.isVisibleTo(editor)


def test_an_inspector_signed_in_to_the_platform_sees_only_their_own_tasks(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, screen, setup = field_screen(launch, tmp_path)  # acting as an inspector
    assert screen.model.find_row(lambda t: t.uuid == setup.task) is not None

    def signed_in_as(staff_id: str) -> None:
        def work(ws: Workspace) -> None:
            with ws.store.write() as session:
                session.merge(WorkspaceSetting(key=STAFF_KEY, value=staff_id))
        on_db(app, work)

    signed_in_as("NOT-ON-THE-TEAM")
    screen.reload()
    assert screen.model.find_row(lambda t: t.uuid == setup.task) is None
    app.ctx.set_role(Role.TEAM_LEAD)  # a team lead sees every task
    assert screen.model.find_row(lambda t: t.uuid == setup.task) is not None
    signed_in_as(setup.team[1])
    app.ctx.set_role(Role.INSPECTOR)
    assert screen.model.find_row(lambda t: t.uuid == setup.task) is not None
