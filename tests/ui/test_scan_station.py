"""The scan station, driven as a USB scanner drives it: the characters, then Enter.

A found portion shows its chain and the steps it allows next; a malformed code says why
without asking the database; an unknown code says so; a hand-over is recorded through
the step dialog and the store's chains still verify; a refusal of the service writes
nothing; a batch hand-over records every portion scanned at the counter and lists those
it could not; lower case, blanks and the label's QR payload are read too; and only the
newest of two quick scans is shown. Who sees the screen.

The samples are taken by the integration helpers in a fresh workspace (their inspectors
would collide with the demo county's staff ids), which the window then opens.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from inspector.core.credit_codes import USCC_CHARSET
from inspector.core.lifecycles import CustodyEventKind
from inspector.core.roles import Role
from inspector.core.sample_codes import make_sample_code, parse_portion_code
from inspector.core.text import Lang
from inspector.db.content_store import ContentStore
from inspector.labels.sample_label import label_payload
from inspector.services.samples import (
    CustodyDetails,
    portion_custody,
    record_custody,
    take_sample,
    verify_custody,
)
from inspector.services.workspace import open_workspace
from inspector.ui.screens import scan_station
from inspector.ui.screens.scan_station import ScanStationScreen
from inspector.ui.widgets.custody_step_dialog import CustodyStepDialog
from inspector.ui.widgets.feedback import DONE_STYLE, ERROR_STYLE
from tests.integration.test_inspections import FIELD, MORNING
from tests.integration.test_samples import FORM, sampling
from tests.ui.helpers import (
    LEFT,
    HeldExecutor,
    Launched,
    Launcher,
    query_one,
    type_chinese,
)
from tests.ui.planning_support import on_db

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LATER = MORNING + timedelta(hours=2)  # 11:30 in China
LAB = "河北省产品质量监督检验研究院"
SEQ, TIME, STEP, BY, PLACE, PARTIES, SEAL, RESULT, REASON = range(9)


@dataclass(frozen=True)
class Portions:
    signed: str  # the first sample's test portion: collected, sealed, signed
    sealed: str  # the first sample's backup: collected, sealed
    other: str  # the second sample's test portion: collected, sealed, signed


def with_samples(launch: Launcher, tmp_path: Path, *, lang: Lang = Lang.EN,
                 executor: HeldExecutor | None = None) -> tuple[Launched, Portions]:
    root = tmp_path / "workspace"
    workspace = open_workspace(root)
    try:
        started = sampling(workspace, tmp_path)
        first = take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value
        second = take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value
        for code in (first.portions[0], second.portions[0]):
            record_custody(workspace, FIELD, code, CustodyEventKind.SIGNED,
                           now=MORNING + timedelta(minutes=5))
    finally:
        workspace.store.close()
    app = launch(root=root, lang=lang, executor=executor)
    return app, Portions(first.portions[0], first.portions[1], second.portions[0])


def station(app: Launched) -> ScanStationScreen:
    screen = app.window.scan_station
    screen.clock = lambda: LATER
    assert app.window.show_screen("scan")
    assert app.window.stack.currentWidget() is screen
    return screen


def scan(qtbot: QtBot, screen: ScanStationScreen, text: str) -> None:
    """What a USB scanner does: type the characters quickly, then Enter."""
    field = screen.scan_field
    assert field.hasFocus(), "the scan field keeps the focus"
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def chain_rows(screen: ScanStationScreen) -> list[list[str]]:
    model = screen.chain_model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def stored_events(app: Launched) -> int:
    return int(query_one(app.root, "SELECT COUNT(*) FROM custody_event"))


def activate(qtbot: QtBot, widget: Any) -> None:
    """Shortcuts reach only the active window."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def open_dialog(qtbot: QtBot, screen: ScanStationScreen, keys: tuple[Any, Any]
                ) -> CustodyStepDialog:
    qtbot.keyClick(screen.scan_field, *keys)
    dialog = screen.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_scanned_portion_shows_its_chain_and_next_steps(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)

    with qtbot.waitSignal(screen.portion_shown, check_params_cb=lambda c: c is not None):
        scan(qtbot, screen, portions.signed)

    assert (screen.sample_label.text(), screen.code_label.text(),
            screen.role_label.text()) == ("散装白酒", portions.signed, "portion for testing")
    assert chain_rows(screen) == [
        ["1", "2026-11-30 09:30", "collected", "张三", "店内", "—", "—", "—", "—"],
        ["2", "2026-11-30 09:30", "sealed", "张三", "店内", "—", "—", "—", "—"],
        ["3", "2026-11-30 09:35", "signed", "张三", "—", "—", "—", "—", "—"]]
    assert [b.text() for b in screen.step_buttons] == ["handed over  Alt+1",
                                                       "in transit  Alt+2"]
    assert "bold" in screen.step_buttons[0].styleSheet(), "the default step stands out"
    assert screen.step_buttons[1].styleSheet() == ""
    assert screen.message_label.text() == (
        f"Found {portions.signed}. Next: handed over (Ctrl+Enter), or another step (Alt+1…).")
    assert screen.message_label.styleSheet() == DONE_STYLE
    field = screen.scan_field
    assert field.hasFocus() and field.selectedText() == portions.signed, \
        "the next scan replaces the last one"

    scan(qtbot, screen, portions.sealed)  # typing replaces the selected code

    assert screen.code_label.text() == portions.sealed
    assert screen.role_label.text() == "backup portion for a recheck"
    assert [b.text() for b in screen.step_buttons] == ["signed  Alt+1"]
    assert len(chain_rows(screen)) == 2


@pytest.mark.parametrize("case", [
    (lambda code: code[:5] + code[6:], "a sample code has 17 characters; '{sample}' has 16"),
    (lambda code: code[:16] + _other_check(code[16]) + code[17:],
     "the check character of '{sample}' does not match: a character is wrong or two are "
     "swapped"),
    (lambda code: code[1] + code[0] + code[2:], "the check character of '{sample}' does not "
     "match: a character is wrong or two are swapped"),
    (lambda code: code[:-4], "'{scanned}' is not a portion code (sample code-P01)"),
], ids=["length", "check-character", "swapped", "no-portion"])
def test_a_malformed_code_says_why_without_a_lookup(
        launch: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        case: tuple[Any, str]) -> None:
    mangle, reason = case
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)
    scan(qtbot, screen, portions.signed)
    lookups: list[str] = []
    real = scan_station.load_portion_custody

    def counted(code: str) -> Any:
        lookups.append(code)
        return real(code)

    monkeypatch.setattr(scan_station, "load_portion_custody", counted)
    scanned = mangle(portions.signed)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_A, CTRL)

    scan(qtbot, screen, scanned)

    expected = reason.format(sample=scanned.split("-")[0], scanned=scanned)
    assert screen.message_label.text() == f"Cannot read this label: {expected}"
    assert screen.message_label.styleSheet() == ERROR_STYLE
    assert lookups == []
    assert screen.current is None and screen.step_buttons == [] and chain_rows(screen) == []
    assert screen.code_label.text() == "—", "the portion scanned before is no longer shown"
    assert screen.scan_field.selectedText() == scanned


def _other_check(char: str) -> str:
    return USCC_CHARSET[(USCC_CHARSET.index(char) + 1) % len(USCC_CHARSET)]


def test_an_unknown_code_says_this_laptop_has_no_such_portion(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, _portions = with_samples(launch, tmp_path, lang=Lang.ZH)
    screen = station(app)
    unknown = make_sample_code("130123", 2026, "0A3", 4711).portion(1)

    scan(qtbot, screen, unknown)

    assert screen.message_label.text() == f"本机没有份样 {unknown}"
    assert screen.message_label.styleSheet() == ERROR_STYLE
    assert screen.current is None and screen.step_buttons == []
    assert screen.scan_field.selectedText() == unknown


def test_a_hand_over_is_recorded_through_the_dialog_and_the_chain_verifies(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)
    scan(qtbot, screen, portions.signed)
    before = stored_events(app)

    dialog = open_dialog(qtbot, screen, (Qt.Key.Key_1, ALT))  # Alt+1: the first step

    assert dialog.kind is CustodyEventKind.HANDED_OVER
    assert set(dialog.edits) == {"place", "from_party", "to_party"}
    assert dialog.passed is None and dialog.seal_intact is not None
    assert dialog.edits["place"].text() == "店内", "the place of the last event"
    assert dialog.edits["from_party"].text() == app.ctx.actor.name
    assert dialog.edits["to_party"].text() == ""
    assert portions.signed in dialog.heading.text()
    to_party = dialog.edits["to_party"]
    qtbot.keyClick(to_party, Qt.Key.Key_Return)  # Enter records, after the check
    assert dialog.isVisible() and dialog.error_label.text() == "Give To (receiving)."
    assert dialog.focusWidget() is to_party and stored_events(app) == before

    type_chinese(to_party, LAB)  # an input method commits Chinese text
    qtbot.keyClick(to_party, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "Say whether the seal is intact.", \
        "the seal is never assumed"
    assert dialog.focusWidget() is dialog.seal_intact
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.seal_intact, Qt.Key.Key_I, ALT)  # Alt+I: intact
    qtbot.waitUntil(dialog.seal_intact.isChecked)  # a mnemonic clicks, animated
    with qtbot.waitSignal(screen.custody_recorded) as recorded:
        qtbot.keyClick(to_party, Qt.Key.Key_Return)

    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    entry = recorded.args[0]
    assert (entry.seq, entry.kind, entry.to_party, entry.seal_intact) == (
        4, CustodyEventKind.HANDED_OVER, LAB, True)
    assert entry.occurred_at == LATER
    assert stored_events(app) == before + 1
    assert chain_rows(screen)[-1] == [
        "4", "2026-11-30 11:30", "handed over", app.ctx.actor.name, "店内",
        f"{app.ctx.actor.name} → {LAB}", "intact", "—", "—"]
    assert screen.message_label.text() == \
        f"Recorded: handed over of {portions.signed} (event 4)."
    assert [b.text().split("  ")[0] for b in screen.step_buttons] == [
        "received by the lab", "handed over", "in transit", "refused by the lab"], \
        "after a hand-over, the lab's receipt is the likely next step"
    assert on_db(app, verify_custody) == ()
    activate(qtbot, app.window)
    assert app.window.focusWidget() is screen.scan_field, "ready for the next label"


def test_a_step_the_service_refuses_leaves_nothing_written(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, portions = with_samples(launch, tmp_path)
    on_db(app, lambda ws: record_custody(
        ws, FIELD, portions.signed, CustodyEventKind.HANDED_OVER,
        CustodyDetails(from_party="张三", to_party=LAB, seal_intact=True),
        now=MORNING + timedelta(hours=1)))
    screen = station(app)
    scan(qtbot, screen, portions.signed)
    before = stored_events(app)

    dialog = open_dialog(qtbot, screen, (Qt.Key.Key_Return, CTRL))  # the default step

    assert dialog.kind is CustodyEventKind.RECEIVED
    assert (dialog.edits["from_party"].text(), dialog.edits["to_party"].text()) == (
        "张三", LAB), "the parties of the hand-over"
    qtbot.mouseClick(dialog.seal_broken, LEFT)
    qtbot.mouseClick(dialog.record_button, LEFT)

    assert dialog.isVisible() and dialog.record_button.isEnabled()
    assert dialog.error_label.text() == (
        f"portion {portions.signed}, custody event 5: the seal is broken: the lab must "
        "refuse the portion, not receive it")
    assert stored_events(app) == before
    assert len(chain_rows(screen)) == 4
    assert on_db(app, lambda ws: portion_custody(ws, portions.signed)).entries[-1].kind \
        is CustodyEventKind.HANDED_OVER

    dialog.reject()
    assert screen.scan_field.hasFocus() or app.window.focusWidget() is screen.scan_field


def test_a_batch_hand_over_records_each_portion_scanned(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)
    before = stored_events(app)

    dialog = open_dialog(qtbot, screen, (Qt.Key.Key_B, CTRL))

    assert dialog.portion_code is None and dialog.windowTitle() == "Batch hand-over"
    assert not screen.batch_button.isChecked(), "on only once the details are given"
    dialog.edits["place"].setText("检验所收样室")
    dialog.edits["to_party"].setText(LAB)
    qtbot.mouseClick(dialog.seal_intact, LEFT)
    qtbot.keyClick(dialog.edits["to_party"], Qt.Key.Key_Return)
    assert not dialog.isVisible() and screen.batch is not None
    assert screen.batch_button.isChecked() and screen.batch_box.isVisible()
    activate(qtbot, app.window)
    assert screen.scan_field.hasFocus()

    for scanned in (portions.signed, portions.other.lower(), portions.sealed,
                    portions.signed, "132601230A3"):
        qtbot.keyClick(screen.scan_field, Qt.Key.Key_A, CTRL)
        scan(qtbot, screen, scanned)

    lines = [(line.code, line.recorded, line.text()) for line in screen.batch_lines]
    assert lines == [
        (portions.signed, True, "handed over (event 4)"),
        (portions.other, True, "handed over (event 4)"),
        (portions.sealed, False, f"portion {portions.sealed}, custody event 3: handed_over "
         "may not follow sealed (allowed: signed)"),
        (portions.signed, False, "already handed over in this batch: not recorded again"),
        ("132601230A3", False, "'132601230A3' is not a portion code (sample code-P01)"),
    ]
    assert screen.batch_model.rowCount() == 5
    assert "2 handed over, 3 not." in screen.batch_summary.text()
    assert screen.message_label.styleSheet() == ERROR_STYLE
    assert stored_events(app) == before + 2
    for code in (portions.signed, portions.other):
        last = on_db(app, lambda ws, c=code: portion_custody(ws, c)).entries[-1]
        assert (last.kind, last.to_party, last.seal_intact, last.place) == (
            CustodyEventKind.HANDED_OVER, LAB, True, "检验所收样室")
    assert on_db(app, verify_custody) == ()

    qtbot.keyClick(screen.scan_field, Qt.Key.Key_B, CTRL)  # Ctrl+B ends it

    assert screen.batch is None and not screen.batch_button.isChecked()
    assert screen.message_label.text() == "Batch hand-over off: 2 handed over, 3 not."
    scan(qtbot, screen, portions.other)  # scans look up again: nothing is recorded
    assert stored_events(app) == before + 2
    assert screen.code_label.text() == portions.other


@pytest.mark.parametrize("typed", [
    lambda code: f"  {code.lower()}  ",
    lambda code: label_payload(parse_portion_code(code)[0], 2),
    lambda code: label_payload(parse_portion_code(code)[0], 2).lower(),
], ids=["lower-case-and-blanks", "qr-payload", "qr-payload-lower-case"])
def test_a_scanner_may_type_lower_case_blanks_or_the_qr_payload(
        launch: Launcher, qtbot: QtBot, tmp_path: Path, typed: Any) -> None:
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)
    text = typed(portions.sealed)

    scan(qtbot, screen, text)

    assert screen.current is not None
    assert screen.code_label.text() == portions.sealed
    assert screen.message_label.styleSheet() == DONE_STYLE


def test_a_qr_payload_naming_another_samples_portion_is_refused(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)
    sample = portions.signed.split("-")[0]
    forged = f"INSPECTOR-SAMPLE:1/{sample}/{portions.other}"

    scan(qtbot, screen, forged)

    assert screen.message_label.text() == (
        f"Cannot read this label: portion {portions.other} is not of sample {sample}")
    assert screen.current is None


def test_only_the_newest_of_two_quick_scans_is_shown(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    executor = HeldExecutor()
    app, portions = with_samples(launch, tmp_path, executor=executor)
    screen = station(app)
    executor.hold = True

    scan(qtbot, screen, portions.signed)
    assert screen.message_label.text() == f"Looking up {portions.signed}…"
    scan(qtbot, screen, portions.other)  # typed while the first lookup still runs
    assert executor.waiting == 2 and screen.scan_field.selectedText() == portions.other

    executor.release()

    qtbot.waitUntil(lambda: screen.current is not None)
    assert screen.code_label.text() == portions.other
    assert screen.message_label.text().startswith(f"Found {portions.other}.")


@pytest.mark.parametrize(("role", "sees"), [
    (Role.INSPECTOR, True), (Role.TEAM_LEAD, True), (Role.ADMINISTRATOR, True),
    (Role.AUDITOR, False), (Role.LAB, False)], ids=str)
def test_inspectors_team_leads_and_administrators_see_the_station(
        launch: Launcher, role: Role, sees: bool) -> None:
    app = launch(lang=Lang.EN)
    window = app.window

    app.ctx.set_role(role)

    assert ("scan" in window.visible_screen_keys()) is sees
    assert window.show_screen("scan") is sees
    assert (window.stack.currentWidget() is window.scan_station) is sees
    if sees:
        assert window.navigation.currentItem().text() == "Scan station"
        assert isinstance(window.focusWidget(), QLineEdit)
        assert window.focusWidget() is window.scan_station.scan_field


def test_the_chain_and_the_steps_follow_a_language_change(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)
    scan(qtbot, screen, portions.signed)

    app.ctx.set_lang(Lang.ZH)

    assert [row[STEP] for row in chain_rows(screen)] == ["抽取", "封样", "签字确认"]
    assert [b.text() for b in screen.step_buttons] == ["交接  Alt+1", "运送中  Alt+2"]
    assert "交接" in screen.message_label.text()
    assert screen.code_label.text() == portions.signed


def test_a_step_may_carry_a_photo_kept_with_its_hash_in_the_chain(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, portions = with_samples(launch, tmp_path)
    screen = station(app)
    scan(qtbot, screen, portions.signed)
    not_a_photo = tmp_path / "seal.jpg"
    not_a_photo.write_text("not a picture", encoding="utf-8")
    photo = tmp_path / "seal-at-counter.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo)

    dialog = open_dialog(qtbot, screen, (Qt.Key.Key_1, ALT))
    type_chinese(dialog.edits["to_party"], LAB)
    qtbot.mouseClick(dialog.seal_intact, LEFT)
    dialog.choose_photo(not_a_photo)
    assert dialog.photo_button.text() == "seal.jpg"
    before = stored_events(app)
    qtbot.mouseClick(dialog.record_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()))
    assert "seal.jpg" in dialog.error_label.text() and stored_events(app) == before

    dialog.choose_photo(photo)
    with qtbot.waitSignal(screen.custody_recorded) as recorded:
        qtbot.mouseClick(dialog.record_button, LEFT)
    entry = recorded.args[0]
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert entry.photo_sha256 == digest
    assert ContentStore(app.root / "files").intact(digest)
    assert on_db(app, verify_custody) == ()
