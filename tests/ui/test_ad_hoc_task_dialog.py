"""The ad-hoc task dialog (临时任务): a team lead finds the entity by a search, gives the
reason and picks the team (the first ticked leads; an expired certificate cannot be
ticked); OK hands an ``AdHocRequest`` to the screen, whose op creates the task, and a
refusal shows the service's Chinese reason while the dialog stays open."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QStyle, QStyleOptionViewItem, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.core.directory import CertificateState, EntityType, certificate_state
from inspector.core.lifecycles import TaskRole, TaskSource, TaskStatus
from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.db.models import MarketEntity
from inspector.services import field_tasks
from inspector.services.ad_hoc_sources import MATCH_LIMIT, AdHocInspector, EntityMatch
from inspector.services.ad_hoc_tasks import AdHocRequest
from inspector.services.workspace import Workspace
from inspector.ui import ad_hoc_ops
from inspector.ui.widgets.ad_hoc_task_dialog import ERROR_COLOUR, AdHocTaskDialog
from inspector.ui.widgets.feedback import error_text
from tests.ui.helpers import LEFT, TODAY, Launched, Launcher, type_chinese
from tests.ui.planning_support import on_db

CTRL = Qt.KeyboardModifier.ControlModifier
MORNING = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)  # 10:00 in China on TODAY
REASON = "12315 投诉 No.2026112800123：销售过期食品"


def as_team_lead(launch: Launcher, lang: Lang = Lang.ZH) -> Launched:
    """A team lead's window; in English for tests that read the dialog's own words (the
    Chinese catalogue words them otherwise), in Chinese for the service's refusals."""
    app = launch(lang=lang)
    app.ctx.set_role(Role.TEAM_LEAD)
    return app


def demo_entity(app: Launched) -> EntityMatch:
    """The first individual business of the demo directory."""
    def work(ws: Workspace) -> EntityMatch:
        with ws.store.read() as session:
            entity = session.scalars(select(MarketEntity).where(
                MarketEntity.entity_type == EntityType.INDIVIDUAL)
                .order_by(MarketEntity.id).limit(1)).one()
            return EntityMatch(entity.identifier, entity.name, entity.address, False)

    found: EntityMatch = on_db(app, work)
    return found


def load_inspectors(app: Launched) -> tuple[AdHocInspector, ...]:
    loaded: list[tuple[AdHocInspector, ...]] = []
    app.ctx.db.submit(ad_hoc_ops.load_ad_hoc_choices(TODAY), on_result=loaded.append)
    [inspectors] = loaded
    return inspectors


def open_dialog(app: Launched, qtbot: QtBot, *, create: bool = True) -> AdHocTaskDialog:
    """The dialog wired as the field screen wires it (the search always; creating the
    task through the op when ``create``), opened non-modally."""
    dialog = AdHocTaskDialog(load_inspectors(app), TODAY, app.window)
    ctx = app.ctx

    def search(text: str) -> None:
        ctx.db.submit(ad_hoc_ops.search_entities(text),
                      on_result=lambda matches: dialog.set_entity_matches(text, matches))

    def submit(request: AdHocRequest) -> None:
        ctx.db.submit(ad_hoc_ops.create_ad_hoc_task_op(request, ctx.actor, now=MORNING),
                      on_result=lambda _uuid: dialog.finish(),
                      on_error=lambda error: dialog.refuse(error_text(ctx.lang, error)))

    dialog.entity_search_requested.connect(search)
    if create:
        dialog.task_requested.connect(submit)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # focus and shortcuts need the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def find(qtbot: QtBot, dialog: AdHocTaskDialog, text: str) -> None:
    """Type ``text`` in the search box and wait for its matches (after the pause)."""
    dialog.search_edit.setFocus()
    dialog.search_edit.clear()
    if text.isascii():
        qtbot.keyClicks(dialog.search_edit, text)
    else:
        type_chinese(dialog.search_edit, text)
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=2000)


def valid_staff(dialog: AdHocTaskDialog) -> list[str]:
    return [s for s, p in dialog.inspectors.items() if dialog.may_inspect(p)]


def check_point(dialog: AdHocTaskDialog, item: QTreeWidgetItem) -> QPoint:
    """The middle of the item's check box, in the list's viewport."""
    view = dialog.team_list
    view.scrollToItem(item)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    return view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                       option, view).center()


def tick(qtbot: QtBot, dialog: AdHocTaskDialog, staff_id: str) -> None:
    """Tick (or untick) an inspector from the keyboard: filter, Down, Space."""
    dialog.team_filter.setFocus()
    dialog.team_filter.clear()
    qtbot.keyClicks(dialog.team_filter, staff_id)
    qtbot.keyClick(dialog.team_filter, Qt.Key.Key_Down)
    assert dialog.team_list.hasFocus()
    current = dialog.team_list.currentItem()
    assert current is not None and current.data(0, Qt.ItemDataRole.UserRole) == staff_id
    qtbot.keyClick(dialog.team_list, Qt.Key.Key_Space)


def fill(qtbot: QtBot, dialog: AdHocTaskDialog, entity: EntityMatch, team: list[str],
         reason: str = REASON) -> None:
    find(qtbot, dialog, entity.identifier[-8:])
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # Enter picks the first match
    assert dialog.entity is not None and dialog.entity.identifier == entity.identifier
    type_chinese(dialog.reason_edit, reason)
    for staff_id in team:
        tick(qtbot, dialog, staff_id)


def test_a_search_finds_the_entity_and_ok_hands_over_the_entity_reason_date_and_team(
        launch: Launcher, qtbot: QtBot) -> None:
    app = as_team_lead(launch, Lang.EN)
    entity = demo_entity(app)
    dialog = open_dialog(app, qtbot, create=False)
    assert dialog.search_edit.hasFocus()
    assert dialog.due_edit.date().toString("yyyy-MM-dd") == (
        TODAY + timedelta(days=5)).isoformat()
    assert dialog.due_edit.calendarPopup()

    find(qtbot, dialog, entity.identifier[-8:])
    first = dialog.results.item(0)
    assert first is not None
    assert first.text() == f"{entity.name} · {entity.identifier} · {entity.address}"
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)  # Down goes to the matches
    assert dialog.results.hasFocus() and dialog.results.currentRow() == 0
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)  # Enter picks, without submitting
    assert dialog.entity == entity and dialog.isVisible()
    assert entity.identifier in dialog.chosen_label.text()
    assert dialog.reason_edit.hasFocus()

    type_chinese(dialog.reason_edit, REASON)
    second, first_ticked = valid_staff(dialog)[:2]
    tick(qtbot, dialog, first_ticked)  # the first ticked leads, whatever the list's order
    tick(qtbot, dialog, second)
    assert dialog.ticked == [first_ticked, second]
    lead_item = dialog.member_items[first_ticked]
    assert lead_item.text(0).endswith("(lead)") and lead_item.font(0).bold()
    assert "(lead)" not in dialog.member_items[second].text(0)
    lead_name = dialog.inspectors[first_ticked].name
    assert dialog.team_summary.text().startswith(f"Lead: {lead_name} ({first_ticked})")

    with qtbot.waitSignal(dialog.task_requested) as emitted:
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert emitted.args == [AdHocRequest(entity.identifier, REASON, TODAY + timedelta(days=5),
                                         (first_ticked, second))]
    assert dialog.waiting and not dialog.ok_button.isEnabled()
    assert dialog.isVisible(), "the dialog waits for the screen's answer"


def test_ctrl_enter_creates_the_task_through_the_op(launch: Launcher, qtbot: QtBot) -> None:
    app = as_team_lead(launch)
    entity = demo_entity(app)
    dialog = open_dialog(app, qtbot)
    lead, assisting = valid_staff(dialog)[:2]
    fill(qtbot, dialog, entity, [lead, assisting])

    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, CTRL)  # from the reason itself

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
    tasks = on_db(app, lambda ws: field_tasks.list_field_tasks(ws.store, TODAY))
    [task] = [t for t in tasks if t.entity_key == entity.identifier]
    assert (task.source, task.status, task.reason) == (TaskSource.AD_HOC,
                                                       TaskStatus.ASSIGNED, REASON)
    assert task.due_date == TODAY + timedelta(days=5)
    assert [(m.staff_id, m.role) for m in task.team] == [(lead, TaskRole.LEAD),
                                                        (assisting, TaskRole.ASSIST)]


def test_a_missing_reason_is_refused_in_chinese_and_the_dialog_stays_open(
        launch: Launcher, qtbot: QtBot) -> None:
    app = as_team_lead(launch)
    entity = demo_entity(app)
    dialog = open_dialog(app, qtbot)
    fill(qtbot, dialog, entity, valid_staff(dialog)[:2], reason="   ")

    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert dialog.isVisible() and dialog.ok_button.isEnabled() and not dialog.waiting
    assert dialog.error_label.text() == "请写明任务来由（如 12315 投诉举报编号及事项）"
    assert "b3261e" in dialog.error_label.styleSheet()
    assert not on_db(app, lambda ws: field_tasks.list_field_tasks(ws.store, TODAY))

    type_chinese(dialog.reason_edit, REASON)  # answering clears the refusal; then it goes
    assert dialog.error_label.text() == ""
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_an_entity_with_an_open_task_is_marked_and_refused(launch: Launcher,
                                                           qtbot: QtBot) -> None:
    app = as_team_lead(launch)
    entity = demo_entity(app)
    first = open_dialog(app, qtbot)
    team = valid_staff(first)[:2]
    fill(qtbot, first, entity, team)
    qtbot.mouseClick(first.ok_button, LEFT)
    qtbot.waitUntil(lambda: not first.isVisible())

    again = open_dialog(app, qtbot)
    find(qtbot, again, entity.identifier)
    item = again.results.item(0)
    assert again.matches[0].open_task, "the list says it already has one"
    assert item is not None and item.foreground().color() == ERROR_COLOUR
    fill(qtbot, again, entity, team)
    qtbot.mouseClick(again.ok_button, LEFT)

    assert again.isVisible()
    assert again.error_label.text() == f"{entity.name} 已有未完成的检查任务"
    assert len(on_db(app, lambda ws: field_tasks.list_field_tasks(ws.store, TODAY))) == 1


def test_no_entity_chosen_is_said_before_asking(launch: Launcher, qtbot: QtBot) -> None:
    app = as_team_lead(launch, Lang.EN)
    dialog = open_dialog(app, qtbot)
    with qtbot.assertNotEmitted(dialog.task_requested):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible() and dialog.error_label.text().startswith("Choose the entity")
    assert dialog.search_edit.hasFocus()


def test_an_inspector_whose_certificate_has_expired_cannot_be_ticked(
        launch: Launcher, qtbot: QtBot) -> None:
    app = as_team_lead(launch, Lang.EN)
    dialog = open_dialog(app, qtbot)
    states = {s: certificate_state(p.cert_number, p.cert_valid_from, p.cert_valid_to, TODAY)
              for s, p in dialog.inspectors.items()}
    expired = next(s for s, state in states.items() if state is CertificateState.EXPIRED)
    valid = next(s for s, state in states.items() if state is CertificateState.VALID)
    item = dialog.member_items[expired]
    assert item.foreground(0).color() == ERROR_COLOUR and item.text(2).endswith("· expired")
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    shown_valid = [states[s] is CertificateState.VALID for s in dialog.inspectors]
    assert shown_valid == sorted(shown_valid, reverse=True), "the valid ones come first"

    viewport = dialog.team_list.viewport()
    qtbot.mouseClick(viewport, LEFT, pos=check_point(dialog, item))
    tick(qtbot, dialog, expired)  # Space
    item.setCheckState(0, Qt.CheckState.Checked)  # not even from code
    assert item.checkState(0) is Qt.CheckState.Unchecked and dialog.ticked == []

    dialog.team_filter.clear()
    qtbot.mouseClick(viewport, LEFT, pos=check_point(dialog, dialog.member_items[valid]))
    assert dialog.ticked == [valid]
    tick(qtbot, dialog, valid)  # Space unticks
    assert dialog.ticked == []


def test_matches_for_an_older_text_are_dropped_and_many_are_capped(
        launch: Launcher, qtbot: QtBot) -> None:
    app = as_team_lead(launch, Lang.EN)
    dialog = open_dialog(app, qtbot, create=False)
    find(qtbot, dialog, "正定县")  # every demo entity
    assert dialog.results.count() == MATCH_LIMIT
    assert dialog.results_label.text() == "The first 50 matches: type more to narrow them."

    dialog.set_entity_matches("something else", ())
    assert dialog.results.count() == MATCH_LIMIT
    dialog.search_edit.setText("%_")  # the wildcards are plain characters
    dialog.search_now()
    assert dialog.results.count() == 0 and dialog.results_label.text() == "No entity found."


@pytest.mark.parametrize("words", ["集贸市场 正定县", "集贸市场"])
def test_every_word_of_the_search_must_match(launch: Launcher, qtbot: QtBot,
                                             words: str) -> None:
    app = as_team_lead(launch)
    dialog = open_dialog(app, qtbot, create=False)
    find(qtbot, dialog, words)
    for match in dialog.matches:
        assert "集贸市场" in match.address


def test_the_due_date_never_goes_before_today(launch: Launcher, qtbot: QtBot) -> None:
    app = as_team_lead(launch)
    dialog = open_dialog(app, qtbot, create=False)
    dialog.due_edit.setDate(dialog.due_edit.date().addDays(-30))
    assert dialog.due_edit.date().toString("yyyy-MM-dd") == TODAY.isoformat()
    assert date.fromisoformat(dialog.due_edit.date().toString("yyyy-MM-dd")) == TODAY
