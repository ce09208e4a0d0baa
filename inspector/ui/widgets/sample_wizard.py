"""The sampling wizard (抽样): the 抽样单's fields, the samplers and seals, then the code
and the labels.

Contract: main thread; opened non-modally by its owner, which does the work. Pages, in
order (Back and Next move between them; every field is reachable by Tab and has a
mnemonic-free label the screen reader reads):

1. 样品信息 (``domain.md`` §2.4 C, with A's 抽样环节, 抽样地点, 区域类型 and 任务类别): the
   name, the 复检 regime (products 15 days, food 7 working days, rapid tests 4 hours),
   the sampling link, the date type and date, the quantity, its unit and the backup
   quantity are needed to go on; the others may stay empty (they print as "—").
2. 标称生产者 (D), the 抽样单位 (E, prefilled with the samplers' unit) and 备注 (F).
3. 抽样人与封条: the inspectors present, all ticked (at least two are needed to go on:
   the rules want two or more samplers), the seal numbers of the test and backup
   portions, and further portions when the rules need them (up to
   :data:`MAX_EXTRA_PORTIONS`, P03…, each with its quantity, needed to go on, and seal).
4. 确认: everything as it will be recorded. Next ("Take the sample") emits
   ``take_requested(SampleForm)`` and waits; the owner answers with :meth:`taken`
   (the wizard moves on) or :meth:`refuse` (the reason in red; nothing was recorded).
5. 完成: the sample code, its portions and the delivery deadline, with the label size
   (60×40, 50×30 or an A4 sheet) and buttons that emit ``labels_requested(size,
   seals, print)``: print or save the labels, print or save the seals (封条); then
   ``sign_requested()`` (the sign-offs on the 抽样单) and ``document_requested(handover,
   print)``: print or save the 抽样单 in its four copies, or the 样品移交确认单. Finish
   closes the wizard; the sample is recorded whatever happens to the printing.

:meth:`form` builds the :class:`~inspector.services.samples.SampleForm` from the
pages; the wizard judges nothing beyond what is needed to go on: the service checks
every rule and its refusal is shown on the last page before the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from inspector.core.sampling_deadlines import RecheckRegime
from inspector.core.sampling_form import SECTION_A, SECTION_B, SECTION_C, SECTION_D, FormField
from inspector.core.text import Lang
from inspector.core.workdays import CHINA_TIME
from inspector.labels.sample_label import A4_SHEET, SIZE_50X30, SIZE_60X40, LabelSize
from inspector.services.pdf_pages import PageImage
from inspector.services.samples import DATE_TYPES, LINKS, SampleForm, TakenSample
from inspector.ui.widgets.request_dialog import error_label

LABEL_SIZES: tuple[LabelSize, ...] = (SIZE_60X40, SIZE_50X30, A4_SHEET)
# What the app records itself or asks on its own (sampling_form keys): not asked again.
OWN_KEYS = frozenset({"sample_code", "task_source", "link", "sampled_at", "samplers",
                      "name", "date_type", "date", "quantity", "backup_quantity",
                      "delivery_due", "unit_name", "unit_address", "unit_region",
                      "credit_code", "legal_representative"})
INFO_FIELDS = tuple(f for f in SECTION_C if f.key not in OWN_KEYS)
SITE_FIELDS = tuple(f for f in (*SECTION_A, *SECTION_B) if f.key not in OWN_KEYS)
PRODUCER_FIELDS = SECTION_D
MIN_SAMPLERS = 2
MAX_EXTRA_PORTIONS = 4  # P03 to P06: more than the rules we know of ask for


def _row(form: QFormLayout, widget: QWidget) -> QLabel:
    label = QLabel()
    label.setBuddy(widget)
    form.addRow(label, widget)
    return label


def _combo(name: str, values: Sequence[str], *, editable: bool = True) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setEditable(editable)
    box.addItems(list(values))
    return box


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


class SampleWizard(QWizard):
    take_requested = Signal(object)  # SampleForm
    labels_requested = Signal(object, bool, bool)  # LabelSize, seals, print (else save)
    sign_requested = Signal()
    document_requested = Signal(bool, bool)  # the 样品移交确认单 (else 抽样单), print (else save)

    def __init__(self, entity_name: str, team: Sequence[tuple[str, str]], *, today: date,
                 lang: Lang = Lang.ZH, sampling_unit: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("sampleWizard")
        self.entity_name = entity_name
        self.team = tuple(team)
        self.waiting = False
        self.taken_sample: TakenSample | None = None
        self.sign_dialog: QDialog | None = None  # the owner's sign-off dialog, once open
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.info_page = self._info_page(today)
        self.site_page = self._site_page()
        self.producer_page = self._producer_page(sampling_unit)
        self.team_page = self._team_page()
        self.review_page = _ReviewPage(self)
        self.done_page = self._done_page()
        for page in (self.info_page, self.site_page, self.producer_page, self.team_page,
                     self.review_page, self.done_page):
            self.addPage(page)
        self.resize(640, 620)
        self.retranslate()

    # -- pages ------------------------------------------------------------------------------

    def _info_page(self, today: date) -> QWizardPage:
        page = _RequiredPage()
        self.name_edit = _line("sampleNameEdit")
        self.regime_box = QComboBox()
        self.regime_box.setObjectName("sampleRegimeBox")
        for regime in RecheckRegime:
            self.regime_box.addItem("", regime.value)
        self.link_box = QComboBox()
        self.link_box.setObjectName("sampleLinkBox")
        for key, link in LINKS.items():
            self.link_box.addItem(link, key)
        self.date_type_box = _combo("sampleDateTypeBox", DATE_TYPES, editable=False)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setObjectName("sampleDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.quantity_edit = _line("sampleQuantityEdit")
        self.unit_edit = _line("sampleUnitEdit")
        self.backup_edit = _line("sampleBackupEdit")
        self.own_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, widget in (("name", self.name_edit), ("regime", self.regime_box),
                            ("link", self.link_box), ("date_type", self.date_type_box),
                            ("date", self.date_edit), ("quantity", self.quantity_edit),
                            ("unit", self.unit_edit), ("backup_quantity", self.backup_edit)):
            self.own_labels[key] = _row(form, widget)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.field_labels: dict[str, tuple[QLabel, FormField]] = {}
        self._field_rows(form, INFO_FIELDS)
        page.required = (self.name_edit, self.quantity_edit, self.unit_edit, self.backup_edit)
        for edit in page.required:
            edit.textChanged.connect(page.completeChanged)
        _scrolling(page, form)
        return page

    def _site_page(self) -> QWizardPage:
        page = QWizardPage()
        form = QFormLayout()
        self._field_rows(form, SITE_FIELDS)
        _scrolling(page, form)
        return page

    def _producer_page(self, sampling_unit: str) -> QWizardPage:
        page = QWizardPage()
        form = QFormLayout()
        self._field_rows(form, PRODUCER_FIELDS)
        self.sampling_unit_edit = _line("samplingUnitEdit")
        self.sampling_unit_edit.setText(sampling_unit)
        self.remarks_edit = QPlainTextEdit()
        self.remarks_edit.setObjectName("sampleRemarksEdit")
        self.remarks_edit.setTabChangesFocus(True)
        self.own_labels["sampling_unit"] = _row(form, self.sampling_unit_edit)
        self.own_labels["remarks"] = _row(form, self.remarks_edit)
        _scrolling(page, form)
        return page

    def _field_rows(self, form: QFormLayout, fields: Sequence[FormField]) -> None:
        for field in fields:
            widget: QLineEdit | QComboBox = (
                _combo(f"sample_{field.key}", ("", *field.choices)) if field.choices
                else _line(f"sample_{field.key}"))
            self.fields[field.key] = widget
            self.field_labels[field.key] = (_row(form, widget), field)

    def _team_page(self) -> QWizardPage:
        page = _TeamPage(self)
        layout = QVBoxLayout(page)
        self.sampler_boxes: list[QCheckBox] = []
        for staff_id, name in self.team:
            box = QCheckBox(f"{name}（{staff_id}）")
            box.setObjectName(f"sampler_{staff_id}")
            box.setChecked(True)
            box.toggled.connect(page.completeChanged)
            self.sampler_boxes.append(box)
            layout.addWidget(box)
        self.samplers_hint = QLabel()
        self.samplers_hint.setWordWrap(True)
        layout.addWidget(self.samplers_hint)
        seals = QFormLayout()
        self.seal_edits = (_line("testSealEdit"), _line("backupSealEdit"))
        self.seal_labels = (QLabel(), QLabel())
        for label, edit in zip(self.seal_labels, self.seal_edits, strict=True):
            label.setBuddy(edit)
            seals.addRow(label, edit)
        self.extra_count = QSpinBox()
        self.extra_count.setObjectName("extraPortionsBox")
        self.extra_count.setRange(0, MAX_EXTRA_PORTIONS)
        self.extra_count_label = QLabel()
        self.extra_count_label.setBuddy(self.extra_count)
        seals.addRow(self.extra_count_label, self.extra_count)
        self.extra_rows: list[tuple[QLabel, QLineEdit, QLineEdit, QWidget]] = []
        for number in range(3, 3 + MAX_EXTRA_PORTIONS):
            quantity, seal = _line(f"portionQuantity_{number}"), _line(f"portionSeal_{number}")
            quantity.textChanged.connect(page.completeChanged)
            row = QWidget()
            pair = QHBoxLayout(row)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.addWidget(quantity)
            pair.addWidget(seal)
            label = QLabel()
            label.setBuddy(quantity)
            seals.addRow(label, row)
            self.extra_rows.append((label, quantity, seal, row))
        self.extra_count.valueChanged.connect(lambda _n: self._show_extra_rows())
        self.extra_count.valueChanged.connect(page.completeChanged)
        layout.addLayout(seals)
        layout.addStretch(1)
        self._show_extra_rows()
        return page

    def _show_extra_rows(self) -> None:
        for index, (label, _quantity, _seal, row) in enumerate(self.extra_rows):
            label.setVisible(index < self.extra_count.value())
            row.setVisible(index < self.extra_count.value())

    def extra_portions(self) -> tuple[tuple[str, str], ...]:
        """(quantity, seal number) of each further portion asked for (P03, …)."""
        return tuple((quantity.text().strip(), seal.text().strip()) for _label, quantity, seal,
                     _row in self.extra_rows[:self.extra_count.value()])

    def _done_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setFinalPage(True)
        self.code_label = QLabel()
        self.code_label.setObjectName("sampleCodeLabel")
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code_label.setFont(font)
        self.taken_label = QLabel()
        self.taken_label.setObjectName("sampleTakenLabel")
        self.taken_label.setWordWrap(True)
        self.size_box = QComboBox()
        self.size_box.setObjectName("labelSizeBox")
        for size in LABEL_SIZES:
            self.size_box.addItem("", size.name)
        self.size_label = QLabel()
        self.size_label.setBuddy(self.size_box)
        self.output_buttons: dict[tuple[bool, bool], QPushButton] = {}
        grid = QGridLayout()
        grid.addWidget(self.size_label, 0, 0)
        grid.addWidget(self.size_box, 0, 1)
        for row, seals in enumerate((False, True), start=1):
            for column, printing in enumerate((True, False)):
                button = QPushButton()
                button.setObjectName(f"{'seal' if seals else 'label'}"
                                     f"{'Print' if printing else 'Save'}Button")
                button.setAutoDefault(False)
                button.clicked.connect(
                    lambda _c=False, s=seals, p=printing: self.request_labels(s, p))
                self.output_buttons[(seals, printing)] = button
                grid.addWidget(button, row, column)
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("sampleSignButton")
        self.sign_button.setAutoDefault(False)
        self.sign_button.clicked.connect(lambda _c=False: self.sign_requested.emit())
        grid.addWidget(self.sign_button, 3, 0, 1, 2)
        self.form_buttons: dict[tuple[bool, bool], QPushButton] = {}
        for row, handover in enumerate((False, True), start=4):
            for column, printing in enumerate((True, False)):
                button = QPushButton()
                button.setObjectName(f"{'handover' if handover else 'form'}"
                                     f"{'Print' if printing else 'Save'}Button")
                button.setAutoDefault(False)
                button.clicked.connect(
                    lambda _c=False, h=handover, p=printing: self.document_requested.emit(h, p))
                self.form_buttons[(handover, printing)] = button
                grid.addWidget(button, row, column)
        self.output_label = QLabel()
        self.output_label.setObjectName("labelOutputMessage")
        self.output_label.setWordWrap(True)
        self.label_preview = QLabel()
        self.label_preview.setObjectName("labelPreview")
        self.label_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.label_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addWidget(self.code_label)
        layout.addWidget(self.taken_label)
        layout.addWidget(self.label_preview)
        layout.addLayout(grid)
        layout.addWidget(self.output_label)
        layout.addStretch(1)
        return page

    # -- the form ---------------------------------------------------------------------------

    def selected_samplers(self) -> tuple[str, ...]:
        return tuple(staff for (staff, _name), box in zip(self.team, self.sampler_boxes,
                                                          strict=True) if box.isChecked())

    def form(self) -> SampleForm:
        extra = {key: (widget.currentText() if isinstance(widget, QComboBox)
                       else widget.text()).strip() for key, widget in self.fields.items()}
        extra["sampling_unit"] = self.sampling_unit_edit.text().strip()
        extra["remarks"] = self.remarks_edit.toPlainText().strip()
        extra["regime"] = str(self.regime_box.currentData())
        day = self.date_edit.date()
        return SampleForm(
            name=self.name_edit.text().strip(), link=str(self.link_box.currentData()),
            date_type=self.date_type_box.currentText(),
            date=date(day.year(), day.month(), day.day()),
            quantity=self.quantity_edit.text().strip(), unit=self.unit_edit.text().strip(),
            backup_quantity=self.backup_edit.text().strip(),
            samplers=self.selected_samplers(),
            seal_numbers=(self.seal_edits[0].text().strip(), self.seal_edits[1].text().strip()),
            extra_portions=self.extra_portions(),
            extra={key: value for key, value in extra.items() if value})

    # -- the owner's answers ----------------------------------------------------------------

    def request_take(self) -> None:
        if self.waiting or self.taken_sample is not None:
            return
        self.waiting = True
        self.review_page.error.clear()
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.take_requested.emit(self.form())

    def taken(self, result: TakenSample) -> None:
        self.waiting = False
        self.taken_sample = result
        self.code_label.setText(result.sample_code)
        self._word_taken()
        self.next()

    def refuse(self, reason: str) -> None:
        self.waiting = False
        self.review_page.error.setText(reason)
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)

    def request_labels(self, seals: bool, printing: bool) -> None:
        size = LABEL_SIZES[max(0, self.size_box.currentIndex())]
        self.labels_requested.emit(size, seals, printing)

    def show_label_preview(self, page: PageImage) -> None:
        """The first label as it will print (rendered from the very PDF the printer gets)."""
        image = QImage(page.rgb, page.width, page.height, page.width * 3,
                       QImage.Format.Format_RGB888).copy()
        self.label_preview.setPixmap(QPixmap.fromImage(image))
        self.label_preview.setMinimumSize(image.size())  # never squeezed: it must scan
        self.done_page.adjustSize()
        self.resize(self.size().expandedTo(self.sizeHint()))

    def say_signed(self, signers: int) -> None:
        self.say(self.tr("Signed by %1 signer(s); the portions' custody records it.")
                 .replace("%1", str(signers)))

    def say(self, text: str, is_error: bool = False) -> None:
        self.output_label.setStyleSheet("color: #b00020;" if is_error else "")
        self.output_label.setText(text)

    # -- words ------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Take a sample: %1").replace("%1", self.entity_name))
        self.info_page.setTitle(self.tr("The sample"))
        self.info_page.setSubTitle(self.tr(
            "As on the 抽样单. Fields left empty print as “—”."))
        words = {
            "name": self.tr("Sample name"), "regime": self.tr("复检 regime"),
            "link": self.tr("Sampling link"), "date_type": self.tr("Date type"),
            "date": self.tr("Date"), "quantity": self.tr("Quantity sampled"),
            "unit": self.tr("Unit"), "backup_quantity": self.tr("Backup quantity"),
            "sampling_unit": self.tr("Sampling unit"), "remarks": self.tr("Remarks")}
        for key, label in self.own_labels.items():
            label.setText(words[key])
        for label, field in self.field_labels.values():
            label.setText(field.label if self.lang is Lang.ZH else field.en.capitalize())
        regimes = {RecheckRegime.PRODUCT.value: self.tr("Product (复检 within 15 days)"),
                   RecheckRegime.FOOD.value: self.tr("Food (复检 within 7 working days)"),
                   RecheckRegime.RAPID_TEST.value: self.tr("Rapid test (复检 within 4 hours)")}
        for index in range(self.regime_box.count()):
            self.regime_box.setItemText(index, regimes[str(self.regime_box.itemData(index))])
        links = {"circulation": self.tr("Circulation (流通)"),
                 "production": self.tr("Production (生产)"),
                 "catering": self.tr("Catering (餐饮)")}
        for index in range(self.link_box.count()):
            self.link_box.setItemText(index, links[str(self.link_box.itemData(index))])
        self.site_page.setTitle(self.tr("Sampling and the sampled unit"))
        self.site_page.setSubTitle(self.tr(
            "The task, the place, and the sampled unit's details beyond the directory's "
            "(its name, address, credit code and representative are filled in)."))
        self.producer_page.setTitle(self.tr("Producer and sampling unit"))
        self.producer_page.setSubTitle(self.tr("The producer as labelled on the product."))
        self.sampling_unit_edit.setPlaceholderText(self.tr(
            "Empty: the unit set for this laptop, else the first sampler's"))
        self.team_page.setTitle(self.tr("Samplers and seals"))
        self.team_page.setSubTitle(self.tr(
            "At least two samplers, each present at the inspection. The test and backup "
            "portions are sealed separately."))
        self.samplers_hint.setText(self.tr("Tick the inspectors who take the sample."))
        self.seal_labels[0].setText(self.tr("Seal number, test portion (P01)"))
        self.seal_labels[1].setText(self.tr("Seal number, backup portion (P02)"))
        self.extra_count_label.setText(self.tr("Further portions the rules need"))
        for number, (label, quantity, seal, _row) in enumerate(self.extra_rows, start=3):
            label.setText(self.tr("Portion P%1: quantity, seal").replace("%1", f"{number:02d}"))
            quantity.setPlaceholderText(self.tr("Quantity (in the unit above)"))
            seal.setPlaceholderText(self.tr("Seal number"))
        self.review_page.setTitle(self.tr("Check and take the sample"))
        self.review_page.setSubTitle(self.tr(
            "The sample gets its code when you go on; it cannot be taken back, only "
            "accounted for."))
        self.review_page.setButtonText(QWizard.WizardButton.NextButton,
                                       self.tr("Take the sample"))
        self.samplers_word = self.tr("Samplers")
        self.done_page.setTitle(self.tr("Sample taken"))
        self.size_label.setText(self.tr("Label size"))
        sizes = {SIZE_60X40.name: self.tr("60 × 40 mm label printer"),
                 SIZE_50X30.name: self.tr("50 × 30 mm label printer (300 dpi)"),
                 A4_SHEET.name: self.tr("A4 sheet of labels")}
        for index in range(self.size_box.count()):
            self.size_box.setItemText(index, sizes[str(self.size_box.itemData(index))])
        for (seals, printing), button in self.output_buttons.items():
            button.setText({(False, True): self.tr("Print labels…"),
                            (False, False): self.tr("Save labels as PDF…"),
                            (True, True): self.tr("Print seals…"),
                            (True, False): self.tr("Save seals as PDF…")}[(seals, printing)])
        self.sign_button.setText(self.tr("Signatures of the party and the samplers…"))
        for (handover, printing), button in self.form_buttons.items():
            button.setText({(False, True): self.tr("Print the sampling form (4 copies)…"),
                            (False, False): self.tr("Save the sampling form as PDF…"),
                            (True, True): self.tr("Print the hand-over form…"),
                            (True, False): self.tr("Save the hand-over form as PDF…")}[
                (handover, printing)])
        self._word_taken()

    def _word_taken(self) -> None:
        if self.taken_sample is None:
            return
        due = self.taken_sample.delivery_due.astimezone(CHINA_TIME).strftime("%Y-%m-%d")
        self.taken_label.setText(self.tr(
            "Portions: %1. Deliver to the lab by %2 (5 working days).")
            .replace("%1", "、".join(self.taken_sample.portions)).replace("%2", due))


class _RequiredPage(QWizardPage):
    """Complete when every ``required`` line holds text."""

    required: tuple[QLineEdit, ...] = ()

    def isComplete(self) -> bool:
        return all(edit.text().strip() for edit in self.required)


class _TeamPage(QWizardPage):
    def __init__(self, wizard: SampleWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def isComplete(self) -> bool:
        wizard = self._wizard
        return len(wizard.selected_samplers()) >= MIN_SAMPLERS and all(
            quantity for quantity, _seal in wizard.extra_portions())


class _ReviewPage(QWizardPage):
    """Shows the form; going on asks the owner to take the sample and waits."""

    def __init__(self, wizard: SampleWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.summary = QLabel()
        self.summary.setObjectName("sampleSummary")
        self.summary.setWordWrap(True)
        self.error = error_label("sampleTakeError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self._wizard
        form = wizard.form()
        names = dict(wizard.team)
        rows = [(wizard.own_labels["name"].text(), form.name),
                (wizard.own_labels["link"].text(), wizard.link_box.currentText()),
                (form.date_type, form.date.isoformat() if form.date else "—"),
                (wizard.own_labels["quantity"].text(), f"{form.quantity} {form.unit}"),
                (wizard.own_labels["backup_quantity"].text(),
                 f"{form.backup_quantity} {form.unit}"),
                (wizard.seal_labels[0].text(), form.seal_numbers[0] or "—"),
                (wizard.seal_labels[1].text(), form.seal_numbers[1] or "—"),
                (wizard.samplers_word, "、".join(names.get(s, s) for s in form.samplers)),
                *((f"P{number:02d}", f"{quantity} {form.unit} · {seal or '—'}")
                  for number, (quantity, seal) in enumerate(form.extra_portions, start=3))]
        self.summary.setText("\n".join(f"{title}：{value}" for title, value in rows))

    def validatePage(self) -> bool:
        if self._wizard.taken_sample is not None:
            return True
        self._wizard.request_take()
        return False


def _scrolling(page: QWizardPage, form: QFormLayout) -> None:
    inner = QWidget()
    inner.setLayout(form)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(inner)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
