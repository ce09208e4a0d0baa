"""The finalize dialog on its own: the follow-up measures (one "no follow-up" alone,
details editable while ticked, following the result), the signature sheet (pads signed,
a refusal with its reason), and the request OK sends; what it gathers passes the
services' own checks. :func:`sign_everyone` is for other screens' tests too."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from inspector.core.follow_up import FOLLOW_UPS, FollowUp, check_follow_up
from inspector.core.text import Lang, LocalText
from inspector.forms.answers import Suggestion
from inspector.services.signatures import SignerRole, check_signatures
from inspector.ui.field_ops import FinalizeRequest
from inspector.ui.widgets.finalize_dialog import MIN_HEIGHT, MIN_WIDTH, FinalizeDialog
from inspector.ui.widgets.follow_up_editor import DEFAULT_DEADLINE_DAYS, FollowUpEditor
from inspector.ui.widgets.signature_pad import SignatureField
from inspector.ui.widgets.signature_sheet import SignatureSheet
from tests.ui.helpers import LEFT
from tests.ui.test_signature_pad import LINE, draw, signature_curve

TODAY = date(2026, 11, 28)
TEAM = (("HB0101", "张建国"), ("HB0102", "李晓梅"))
NAMES = dict(TEAM)
REPRESENTATIVE = "王小二"
CTRL = Qt.KeyboardModifier.ControlModifier
SUGGESTED_PROBLEM = Suggestion(("A",), LocalText("有检查项不符合", "an item is not compliant"))
SUGGESTED_NONE = Suggestion(("1",), LocalText("所有检查项符合或不适用",
                                             "every item compliant or not applicable"))


def sign(field: SignatureField) -> None:
    """Sign a field's pad with a hand-written-looking name."""
    for stroke in signature_curve():
        draw(field.pad, stroke)


def sign_everyone(sheet: SignatureSheet) -> None:
    """Sign the party's pad and every inspector's (the sheet must have been shown, so
    that the pads have their size)."""
    for field in (sheet.party_field, *sheet.inspector_fields.values()):
        sign(field)


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator (a box spanning a form row is wider than its
    text, and a click beside the text does not toggle it)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(box.height() // 2, box.height() // 2))


def is_png(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return image.format == "PNG"


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    assert QTest.qWaitForWindowExposed(widget)


@pytest.fixture
def editor(qtbot: QtBot) -> FollowUpEditor:
    widget = FollowUpEditor(TODAY, Lang.ZH)
    shown(qtbot, widget)
    return widget


@pytest.fixture
def sheet(qtbot: QtBot) -> SignatureSheet:
    widget = SignatureSheet(TEAM, REPRESENTATIVE)
    widget.resize(640, 900)
    shown(qtbot, widget)
    return widget


def make_dialog(qtbot: QtBot, suggestion: Suggestion | None = SUGGESTED_NONE,
                lang: Lang = Lang.ZH) -> FinalizeDialog:
    dialog = FinalizeDialog("东门鲜果店", suggestion, lang, team=TEAM,
                            representative=REPRESENTATIVE, today=TODAY)
    shown(qtbot, dialog)
    return dialog


def ticked(editor: FollowUpEditor) -> list[str]:
    return [code for code, box in editor.boxes.items() if box.isChecked()]


# -- the follow-up measures ------------------------------------------------------------------


def test_every_measure_has_a_box_and_its_detail_on_the_same_row(editor: FollowUpEditor
                                                                ) -> None:
    assert list(editor.boxes) == [kind.code for kind in FOLLOW_UPS]
    assert editor.boxes["rectify"].text() == FOLLOW_UPS[2].label
    assert editor.detail_widget("none") is None and editor.detail_widget("feedback") is None
    assert editor.detail_widget("rectify") is editor.deadline_edit
    for code in ("rectify", "refer", "notify", "other"):
        detail = editor.detail_widget(code)
        assert detail is not None
        box_row = editor.boxes[code].geometry().center().y()
        assert detail.mapTo(editor, detail.rect().center()).y() == pytest.approx(box_row, abs=4)
    assert editor.detail_edits["refer"].placeholderText() == "Receiving office or department"
    assert editor.detail_edits["other"].placeholderText() == "What is done"

    editor.retranslate(Lang.EN)
    assert editor.boxes["other"].text() == "其他\n(other)"


def test_a_detail_is_editable_only_while_its_box_is_ticked(editor: FollowUpEditor,
                                                          qtbot: QtBot) -> None:
    details = [editor.deadline_edit, *editor.detail_edits.values()]
    assert not any(d.isEnabled() for d in details)

    qtbot.mouseClick(editor.boxes["refer"], LEFT)
    assert editor.detail_edits["refer"].isEnabled()
    assert not editor.detail_edits["notify"].isEnabled() and not editor.deadline_edit.isEnabled()

    editor.boxes["rectify"].setChecked(True)
    assert editor.deadline_edit.isEnabled() and editor.deadline_label.isEnabled()
    editor.boxes["rectify"].setChecked(False)
    assert not editor.deadline_edit.isEnabled() and not editor.deadline_label.isEnabled()


def test_no_follow_up_stands_alone(editor: FollowUpEditor, qtbot: QtBot) -> None:
    editor.boxes["rectify"].setChecked(True)
    editor.boxes["other"].setChecked(True)

    with qtbot.waitSignal(editor.changed, timeout=1000):
        qtbot.mouseClick(editor.boxes["none"], LEFT)
    assert ticked(editor) == ["none"]
    assert not editor.deadline_edit.isEnabled() and not editor.detail_edits["other"].isEnabled()

    qtbot.mouseClick(editor.boxes["feedback"], LEFT)
    assert ticked(editor) == ["feedback"]
    qtbot.mouseClick(editor.boxes["notify"], LEFT)
    assert ticked(editor) == ["feedback", "notify"], "the other measures combine"


def test_one_click_is_one_change(editor: FollowUpEditor, qtbot: QtBot) -> None:
    editor.boxes["refer"].setChecked(True)
    changes: list[None] = []
    editor.changed.connect(lambda: changes.append(None))
    qtbot.mouseClick(editor.boxes["none"], LEFT)
    assert len(changes) == 1
    QTest.keyClicks(editor.detail_edits["other"], "x")  # disabled: takes nothing
    editor.detail_edits["refer"].setText("县局")
    assert len(changes) == 2


def test_the_measures_follow_the_result(editor: FollowUpEditor) -> None:
    editor.set_result(("1",))
    assert ticked(editor) == ["none"], "no problem pending and nothing ticked"

    editor.set_result(("A",))
    assert ticked(editor) == [], "a pending problem cannot have no follow-up"

    editor.boxes["rectify"].setChecked(True)
    editor.set_result(("E",))
    assert ticked(editor) == ["rectify"], "something is ticked: left alone"
    editor.set_result(("B",))  # under 2, under A
    assert ticked(editor) == ["rectify"], "only 'no follow-up' is unticked"

    editor.boxes["rectify"].setChecked(False)
    editor.set_result(())
    assert ticked(editor) == ["none"]
    editor.set_result(("2",))
    assert ticked(editor) == []


def test_the_measures_carry_their_deadline_and_recipient(editor: FollowUpEditor) -> None:
    deadline = editor.deadline_edit
    assert deadline.calendarPopup() and deadline.displayFormat() == "yyyy-MM-dd"
    assert deadline.text() == (TODAY + timedelta(days=DEFAULT_DEADLINE_DAYS)).isoformat()
    assert deadline.minimumDate().toString("yyyy-MM-dd") == "2026-11-29"
    assert editor.measures() == ()

    editor.boxes["refer"].setChecked(True)
    editor.detail_edits["refer"].setText("  县市场监管局执法大队 ")
    editor.boxes["rectify"].setChecked(True)
    deadline.setDate(deadline.date().addDays(5))
    editor.detail_edits["notify"].setText("not ticked: not sent")

    measures = editor.measures()

    assert measures == (FollowUp("rectify", date(2026, 12, 18)),
                        FollowUp("refer", None, "县市场监管局执法大队"))
    assert check_follow_up(measures, ("A",), TODAY) == measures


def test_tab_goes_through_each_box_and_then_its_detail(editor: FollowUpEditor,
                                                      qtbot: QtBot) -> None:
    for box in editor.boxes.values():
        box.setChecked(True)  # every detail enabled, so each takes the focus
    editor.boxes["none"].setChecked(False)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.boxes["none"].setFocus()
    expected = editor.tab_chain()
    assert expected[:4] == [editor.boxes["none"], editor.boxes["feedback"],
                            editor.boxes["rectify"], editor.deadline_edit]
    visited = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected


# -- the signature sheet ---------------------------------------------------------------------


def test_the_sheet_names_who_signs(sheet: SignatureSheet, qtbot: QtBot) -> None:
    assert sheet.party_name_edit.text() == REPRESENTATIVE
    assert sheet.party_field.caption.text() == REPRESENTATIVE
    assert [f.caption.text() for f in sheet.inspector_fields.values()] == [
        "张建国 (HB0101)", "李晓梅 (HB0102)"]
    assert sheet.party_heading.text() == "Inspected party"
    assert sheet.team_heading.text() == "Inspectors"
    assert not sheet.refusal_edit.isEnabled()
    assert sheet.unsigned() == [REPRESENTATIVE, "张建国", "李晓梅"]

    with qtbot.waitSignal(sheet.changed, timeout=1000):
        sheet.party_name_edit.setText("赵六")
    assert sheet.party_field.caption.text() == "赵六"
    assert sheet.unsigned()[0] == "赵六"


def test_signed_pads_give_pngs_party_first(sheet: SignatureSheet, qtbot: QtBot) -> None:
    with qtbot.waitSignal(sheet.changed, timeout=1000):
        sign(sheet.party_field)
    sign(sheet.inspector_fields["HB0102"])
    assert sheet.unsigned() == ["张建国"]

    party, first, second = sheet.signatures()

    assert (party.role, party.signer_name, party.refusal_reason) == (
        SignerRole.PARTY, REPRESENTATIVE, "")
    assert is_png(party.image_png)
    assert (first.role, first.staff_id, first.signer_name, first.image_png) == (
        SignerRole.INSPECTOR, "HB0101", "张建国", b""), "not signed: no image, not checked"
    assert second.staff_id == "HB0102" and is_png(second.image_png)

    sign(sheet.inspector_fields["HB0101"])
    assert sheet.unsigned() == []
    checked = check_signatures(sheet.signatures(), [s for s, _ in TEAM], NAMES)
    assert [s.signer_name for s in checked] == [REPRESENTATIVE, "张建国", "李晓梅"]


def test_a_scratch_is_not_a_signature(sheet: SignatureSheet) -> None:
    draw(sheet.party_field.pad, [(100, 100), (108, 104)])
    assert sheet.signatures()[0].image_png == b""
    assert sheet.unsigned()[0] == REPRESENTATIVE


def test_a_refusing_party_gives_a_reason_and_no_image(sheet: SignatureSheet,
                                                      qtbot: QtBot) -> None:
    sign(sheet.party_field)

    with qtbot.waitSignal(sheet.changed, timeout=1000):
        click_box(qtbot, sheet.refused_box)

    assert sheet.party_field.pad.strokes() == (), "the pad is cleared"
    assert not sheet.party_field.isEnabled() and not sheet.party_field.pad.isEnabled()
    assert sheet.refusal_edit.isEnabled()
    draw(sheet.party_field.pad, LINE)  # a disabled pad takes no ink
    assert sheet.party_field.pad.strokes() == ()
    sheet.refusal_edit.setText(" 负责人外出，店员不愿签字 ")
    assert sheet.unsigned() == ["张建国", "李晓梅"], "a refusal is not waited for"

    party = sheet.signatures()[0]
    assert (party.image_png, party.refusal_reason, party.signer_name) == (
        b"", "负责人外出，店员不愿签字", REPRESENTATIVE)
    sign(sheet.inspector_fields["HB0101"])
    sign(sheet.inspector_fields["HB0102"])
    checked = check_signatures(sheet.signatures(), [s for s, _ in TEAM], NAMES)
    assert checked[0].refusal_reason == "负责人外出，店员不愿签字"

    click_box(qtbot, sheet.refused_box)
    assert sheet.party_field.isEnabled() and not sheet.refusal_edit.isEnabled()
    assert sheet.signatures()[0].refusal_reason == "", "no refusal: no reason sent"


def test_undo_and_clear_never_take_enter_from_the_dialog(sheet: SignatureSheet) -> None:
    sign(sheet.party_field)
    buttons = [b for f in (sheet.party_field, *sheet.inspector_fields.values())
               for b in (f.undo_button, f.clear_button)]
    assert not any(b.autoDefault() or b.isDefault() for b in buttons)


# -- the dialog ------------------------------------------------------------------------------


def test_the_dialog_scrolls_its_content_above_the_refusal_and_the_buttons(
        qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.minimumWidth() >= MIN_WIDTH and dialog.minimumHeight() >= MIN_HEIGHT
    area = dialog.scroll_area
    assert isinstance(area, QScrollArea)
    content = area.widget()
    assert content is not None
    for inside in (dialog.codes_group, dialog.reason_edit, dialog.follow_up_group,
                   dialog.signatures_group, dialog.signatures_hint):
        assert content.isAncestorOf(inside)
    for outside in (dialog.error_label, dialog.buttons):
        assert not area.isAncestorOf(outside)
    assert dialog.follow_up_group.title() == "Follow-up"
    assert dialog.signatures_group.title() == "Signatures"
    assert dialog.ok_button.isDefault()
    assert dialog.signatures_hint.text() == f"Still to sign: {REPRESENTATIVE}、张建国、李晓梅"

    dialog.retranslate(Lang.EN)
    assert dialog.signatures_hint.text() == f"Still to sign: {REPRESENTATIVE}, 张建国, 李晓梅"
    assert content.minimumSizeHint().width() <= area.viewport().width() + 1, \
        "the long English glosses fit: no horizontal clipping"


def test_the_measures_follow_the_result_codes(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, SUGGESTED_PROBLEM)
    follow_up = dialog.follow_up
    assert dialog.chosen_codes() == ("A",) and ticked(follow_up) == []

    dialog.code_boxes["A"].setChecked(False)
    assert ticked(follow_up) == ["none"], "no result: nothing pending"
    dialog.code_boxes["A"].setChecked(True)
    assert ticked(follow_up) == []

    dialog = make_dialog(qtbot, SUGGESTED_NONE)
    assert ticked(dialog.follow_up) == ["none"], "set once at the start"


def test_ok_sends_the_codes_the_measures_and_the_signatures(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, SUGGESTED_PROBLEM)
    dialog.follow_up.boxes["rectify"].setChecked(True)
    dialog.follow_up.boxes["refer"].setChecked(True)
    dialog.follow_up.detail_edits["refer"].setText("县市场监管局执法大队")
    sign_everyone(dialog.signature_sheet)
    assert dialog.signatures_hint.text().startswith("Everyone has signed")

    with qtbot.waitSignal(dialog.finalize_requested, timeout=1000) as sent:
        qtbot.mouseClick(dialog.ok_button, LEFT)

    request = sent.args[0]
    assert isinstance(request, FinalizeRequest)
    assert request.codes == ("A",) and request.reason == ""
    assert request.follow_up == (
        FollowUp("rectify", TODAY + timedelta(days=DEFAULT_DEADLINE_DAYS)),
        FollowUp("refer", None, "县市场监管局执法大队"))
    assert [(s.role, s.staff_id) for s in request.signatures] == [
        (SignerRole.PARTY, ""), (SignerRole.INSPECTOR, "HB0101"), (SignerRole.INSPECTOR, "HB0102")]
    assert all(is_png(s.image_png) for s in request.signatures)
    assert check_follow_up(request.follow_up, request.codes, TODAY) == request.follow_up
    assert len(check_signatures(request.signatures, [s for s, _ in TEAM], NAMES)) == 3
    assert dialog.waiting and not dialog.ok_button.isEnabled()

    with qtbot.assertNotEmitted(dialog.finalize_requested):
        dialog.request()  # waiting for the service: once is enough


def test_ctrl_enter_sends_from_a_pad_and_a_refusal_reopens_ok(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.code_boxes["1"].setChecked(False)
    dialog.code_boxes["E"].setChecked(True)
    dialog.reason_edit.setText("当场责令改正")
    dialog.signature_sheet.refused_box.setChecked(True)
    dialog.signature_sheet.refusal_edit.setText("拒绝签字")
    pad = dialog.signature_sheet.inspector_fields["HB0101"].pad
    sign(dialog.signature_sheet.inspector_fields["HB0101"])
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert pad.hasFocus()

    with qtbot.waitSignal(dialog.finalize_requested, timeout=1000) as sent:
        qtbot.keyClick(pad, Qt.Key.Key_Return, CTRL)

    request = sent.args[0]
    assert request.codes == ("E",) and request.reason == "当场责令改正"
    assert request.follow_up == (FollowUp("none"),)
    party, signed, unsigned = request.signatures
    assert (party.image_png, party.refusal_reason) == (b"", "拒绝签字")
    assert is_png(signed.image_png) and unsigned.image_png == b""

    dialog.refuse("检查人员 李晓梅（HB0102） 尚未签名")

    assert dialog.isVisible() and not dialog.waiting
    assert dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "检查人员 李晓梅（HB0102） 尚未签名"
    sign(dialog.signature_sheet.inspector_fields["HB0102"])
    assert dialog.error_label.text() == "", "acting on the refusal clears it"

    with qtbot.waitSignal(dialog.finalize_requested, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    dialog.finish()
    assert not dialog.isVisible()


def test_the_dialog_shows_the_ink_and_the_ticked_measures(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, SUGGESTED_PROBLEM)
    dialog.follow_up.boxes["rectify"].setChecked(True)
    field = dialog.signature_sheet.party_field
    sign(field)
    dialog.scroll_area.ensureWidgetVisible(field.pad)
    QApplication.processEvents()

    image = field.pad.grab().toImage()
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 200
    assert dialog.follow_up.deadline_edit.isEnabled()
