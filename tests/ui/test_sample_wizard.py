"""The sampling wizard on the 任务与检查 screen: typed in as an inspector would, the
rules' refusals shown before any code is taken, then the code, its portions and the
delivery deadline, the labels saved and printed, and the task list saying what is due."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.db.models import Sample, WorkspaceSetting
from inspector.labels.sample_label import SIZE_50X30, SIZE_60X40
from inspector.services.sample_labels import label_contents
from inspector.services.samples import portion_custody
from inspector.services.sync_session import DIVISION_KEY, PREFIX_KEY
from inspector.services.workspace import Workspace
from inspector.ui.pdf_output import PdfOutput
from inspector.ui.screens.field_tasks import FieldTasksScreen
from inspector.ui.widgets.sample_sign_dialog import SampleSignDialog
from inspector.ui.widgets.sample_wizard import SampleWizard
from tests.ui.helpers import LEFT, Launched, Launcher, type_chinese
from tests.ui.planning_support import on_db
from tests.ui.test_field_tasks_screen import Setup, field_screen, start
from tests.ui.test_finalize_dialog import sign

SAMPLES_COLUMN = 5


def enrolled(app: Launched) -> None:
    """This laptop holds a device prefix and its division, as after signing in."""
    def work(ws: Workspace) -> None:
        with ws.store.write() as session:
            session.merge(WorkspaceSetting(key=PREFIX_KEY, value="0A3"))
            session.merge(WorkspaceSetting(key=DIVISION_KEY, value="130123"))

    on_db(app, work)


def wizard_on(launch: Launcher, qtbot: QtBot, tmp_path: Path
              ) -> tuple[Launched, FieldTasksScreen, Setup, SampleWizard]:
    app, screen, setup = field_screen(launch, tmp_path)
    enrolled(app)
    start(screen, qtbot, setup)
    assert screen.sample_button.isVisible() and screen.sample_button.isEnabled()
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    wizard = screen.sample_wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    return app, screen, setup, wizard


def fill_sample(qtbot: QtBot, wizard: SampleWizard) -> None:
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # nothing typed yet
    type_chinese(wizard.name_edit, "散装白酒")
    qtbot.keyClicks(wizard.quantity_edit, "2")
    type_chinese(wizard.unit_edit, "瓶")
    assert not next_button.isEnabled()  # the backup quantity is still missing
    qtbot.keyClicks(wizard.backup_edit, "1")
    qtbot.keyClicks(wizard.fields["batch"], "20261008")
    type_chinese(wizard.fields["shelf_life"], "12个月")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, LEFT)
    assert wizard.currentPage() is wizard.site_page
    area = wizard.fields["area_type"]
    assert isinstance(area, QComboBox)
    area.setCurrentText("城乡结合部")
    qtbot.mouseClick(next_button, LEFT)
    type_chinese(wizard.fields["producer_name"], "某某酒业有限公司")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.keyClicks(wizard.seal_edits[0], "FT-0001")
    qtbot.keyClicks(wizard.seal_edits[1], "FT-0002")


def test_a_sample_is_taken_in_the_wizard_and_its_labels_scan_back(
        launch: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, screen, setup, wizard = wizard_on(launch, qtbot, tmp_path)
    fill_sample(qtbot, wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert len(wizard.sampler_boxes) == 2 and next_button.isEnabled()
    wizard.sampler_boxes[1].setChecked(False)
    assert not next_button.isEnabled()  # one sampler is not enough
    wizard.sampler_boxes[1].setChecked(True)
    qtbot.mouseClick(next_button, LEFT)
    assert wizard.currentPage() is wizard.review_page
    assert "散装白酒" in wizard.review_page.summary.text()
    assert "FT-0002" in wizard.review_page.summary.text()

    qtbot.mouseClick(next_button, LEFT)  # Take the sample
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
    taken = wizard.taken_sample
    assert taken is not None and taken.sample_code.startswith("132601230A300001")
    assert wizard.code_label.text() == taken.sample_code
    assert taken.portions[1] in wizard.taken_label.text()
    # The first label is previewed as it will print, and its codes scan off the screen.
    qtbot.waitUntil(lambda: not wizard.label_preview.pixmap().isNull(), timeout=20_000)
    shown = tmp_path / "preview.png"
    assert wizard.label_preview.grab().save(str(shown))
    assert taken.portions[0] in {symbol.text for symbol in
                                 zxingcpp.read_barcodes(Image.open(shown))}

    def stored(ws: Workspace) -> dict[str, str]:
        with ws.store.read() as session:
            return dict(session.scalars(select(Sample)).one().fields)

    fields = on_db(app, stored)
    assert (fields["batch"], fields["producer_name"], fields["regime"],
            fields["area_type"]) == ("20261008", "某某酒业有限公司", "product", "城乡结合部")
    assert "brand" not in fields  # left empty: prints "—", not stored as blank

    saved = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(saved), ""))
    wizard.output_buttons[(False, False)].click()
    qtbot.waitUntil(lambda: str(saved) in wizard.output_label.text(), timeout=20_000)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(saved),
                    str(tmp_path / "label")], check=True)
    read = {symbol.text for page in sorted(tmp_path.glob("label*.png"))
            for symbol in zxingcpp.read_barcodes(Image.open(page))}
    assert set(taken.portions) <= read

    # The task list now says a sample of this task is due at the lab.
    qtbot.waitUntil(lambda: screen.model.samples_due.get(setup.task) is not None)
    row = screen.model.find_row(lambda t: t.uuid == setup.task)
    assert row is not None
    text = screen.model.index(row, SAMPLES_COLUMN).data()
    assert text.startswith("1")


def test_seals_print_on_the_label_printer_at_the_label_size(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    _app, _screen, _setup, wizard = wizard_on(launch, qtbot, tmp_path)
    fill_sample(qtbot, wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, LEFT)
    qtbot.mouseClick(next_button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)

    wizard.output_buttons[(True, True)].click()  # Print seals… (60 × 40 by default)
    output = wizard.findChild(PdfOutput)
    assert output is not None and output.print_dialog is not None
    dialog = output.print_dialog
    qtbot.waitUntil(dialog.isVisible)
    printed = tmp_path / "seals.pdf"
    name = dialog.findChild(QLineEdit, "filename")
    assert name is not None
    name.setText(str(printed))  # no printer here: Qt's dialog prints to a file
    dialog.accept()
    qtbot.waitUntil(lambda: str(printed) in wizard.output_label.text(), timeout=20_000)
    info = subprocess.run(["pdfinfo", str(printed)], check=True, capture_output=True,
                          text=True).stdout
    assert "Pages:           2" in info  # a seal for each portion
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split()[2:5:2])
    assert abs(width - 170.08) < 1.5 and abs(height - 113.39) < 1.5  # 60 × 40 mm


def test_a_refusal_is_shown_and_takes_no_number(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, _screen, _setup, wizard = wizard_on(launch, qtbot, tmp_path)
    fill_sample(qtbot, wizard)
    wizard.quantity_edit.setText("两瓶")  # typed over on the first page: not a number
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, LEFT)
    qtbot.mouseClick(next_button, LEFT)
    qtbot.waitUntil(lambda: bool(wizard.review_page.error.text()))
    assert "抽样数量应为正数" in wizard.review_page.error.text()
    assert wizard.currentPage() is wizard.review_page and wizard.taken_sample is None
    assert next_button.isEnabled()

    def count(ws: Workspace) -> int:
        with ws.store.read() as session:
            return len(session.scalars(select(Sample)).all())

    assert on_db(app, count) == 0


def test_the_party_and_samplers_sign_and_the_sampling_form_prints_their_signatures(
        launch: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _screen, _setup, wizard = wizard_on(launch, qtbot, tmp_path)
    fill_sample(qtbot, wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, LEFT)
    qtbot.mouseClick(next_button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
    taken = wizard.taken_sample
    assert taken is not None

    qtbot.mouseClick(wizard.sign_button, LEFT)
    dialog = wizard.sign_dialog
    assert isinstance(dialog, SampleSignDialog)
    qtbot.waitUntil(dialog.isVisible)
    type_chinese(dialog.sheet.party_name_edit, "李老板")
    for field in dialog.sheet.inspector_fields.values():
        sign(field)  # the samplers sign; the party has not yet
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()))
    assert "拒签理由" in dialog.error_label.text() and dialog.isVisible()  # nothing written
    sign(dialog.sheet.party_field)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "3" in wizard.output_label.text()

    def chain_kinds(ws: Workspace) -> list[str]:
        return [e.kind.value for e in portion_custody(ws, taken.portions[0]).entries]

    assert on_db(app, chain_kinds) == ["collected", "sealed", "signed"]

    saved = tmp_path / "form.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(saved), ""))
    wizard.form_buttons[(False, False)].click()  # Save the sampling form as PDF…
    qtbot.waitUntil(lambda: str(saved) in wizard.output_label.text(), timeout=30_000)
    text = subprocess.run(["pdftotext", "-layout", str(saved), "-"], check=True,
                          capture_output=True, text=True).stdout
    for copy in ("第一联", "第二联", "第三联", "第四联"):
        assert copy in text
    assert taken.sample_code in text and "李老板" in text and "某某酒业有限公司" in text


def test_a_further_portion_gets_its_code_quantity_and_label(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    app, _screen, _setup, wizard = wizard_on(launch, qtbot, tmp_path)
    fill_sample(qtbot, wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    wizard.extra_count.setValue(1)
    assert not next_button.isEnabled()  # its quantity is needed
    quantity = wizard.extra_rows[0][1]
    qtbot.keyClicks(quantity, "1")
    qtbot.keyClicks(wizard.extra_rows[0][2], "FT-0003")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, LEFT)
    assert "P03" in wizard.review_page.summary.text()
    qtbot.mouseClick(next_button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
    taken = wizard.taken_sample
    assert taken is not None and len(taken.portions) == 3

    def third(ws: Workspace) -> tuple[str, str, str]:
        custody = portion_custody(ws, taken.portions[2])
        labels = label_contents(ws.store, taken.sample_code)
        return custody.role.value, custody.entries[-1].kind.value, labels[2].role_text

    assert on_db(app, third) == ("other", "sealed", "其他样品")


class ThermalPrinter(QPrinter):
    """A system label printer at 203 dpi (none is installed here; the app asks these two)."""

    def outputFormat(self) -> QPrinter.OutputFormat:
        return QPrinter.OutputFormat.NativeFormat

    def resolution(self) -> int:
        return 203


def test_a_label_too_fine_for_the_printer_is_refused_not_printed(
        launch: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    _app, _screen, _setup, wizard = wizard_on(launch, qtbot, tmp_path)
    output = wizard.findChild(PdfOutput)
    assert output is not None
    said: list[tuple[str, bool]] = []
    output.message.connect(lambda text, error: said.append((text, error)))

    output.render_and_print(lambda _env: b"never rendered", ThermalPrinter(),
                            SIZE_50X30.min_dpi)

    assert said and said[-1][1] and "203" in said[-1][0] and "300" in said[-1][0]
    assert SIZE_60X40.min_dpi <= 203 < SIZE_50X30.min_dpi
