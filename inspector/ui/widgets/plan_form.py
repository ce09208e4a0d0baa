"""The plan form (抽查计划): every field of a plan document, and the live draw preview.

The strata and the preview beside them live in :mod:`inspector.ui.widgets.strata_editor`;
this module holds the rest of the form and turns it into a plan.

Contract: main thread; no database work. :meth:`PlanForm.document` builds the plan's
JSON (format ``inspector-plan-v1``) from the fields and runs
:func:`~inspector.core.plan_document.parse_plan` on it, so a broken plan raises
:class:`~inspector.core.plan_document.PlanFileError` naming the JSON field;
:meth:`PlanForm.describe` words that error in the user's language with the form's own
label for the field, and :meth:`PlanForm.focus_error` puts the cursor there. Ratios stay
the decimal text typed (never a float). ``changed`` is emitted on every edit; the
screen debounces it into a preview op and hands the result to
:meth:`PlanForm.show_preview`.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core.directory import EntityType, RegistrationStatus
from inspector.core.plan_document import (
    FORMAT,
    PlanDocument,
    PlanFileError,
    parse_plan,
    plan_json,
)
from inspector.core.text import Lang
from inspector.ui.planning_ops import DrawPreview
from inspector.ui.widgets.strata_editor import StrataEditor

_CODES = re.compile(r"[\s,，、;；]+")
_NAMES = re.compile(r"[,，、;；\n]+")
_ITEM_CODE = re.compile(r"\s*[|｜]\s*")
_FIELD = re.compile(r"field ([A-Za-z_.\[\]0-9]+):")
_STRATUM_INDEX = re.compile(r"strata\[(\d+)\]")
_INVALID = "border: 2px solid #b3261e;"


class PlanForm(QWidget):
    changed = Signal()

    def __init__(self, lang: Lang, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._today = today
        self._highlighted: QWidget | None = None

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("planCode")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("planTitle")
        self.items_edit = QPlainTextEdit()
        self.items_edit.setObjectName("planCheckItems")
        self.items_edit.setTabChangesFocus(True)
        self.items_edit.setMinimumHeight(70)
        self.items_edit.setMaximumHeight(140)
        self.start_edit, self.end_edit, self.due_edit = (_date_edit(n) for n in (
            "windowStart", "windowEnd", "dueDate"))
        self.team_spin = QSpinBox()
        self.team_spin.setObjectName("teamSize")
        self.team_spin.setRange(2, 20)
        self.max_spin = QSpinBox()
        self.max_spin.setObjectName("maxPerInspector")
        self.max_spin.setRange(0, 10_000)  # 0 shows the "no limit" text

        self.regions_edit = QLineEdit()
        self.regions_edit.setObjectName("populationRegions")
        self.industries_edit = QLineEdit()
        self.industries_edit.setObjectName("populationIndustries")
        self.type_boxes = {t: QCheckBox() for t in EntityType}
        self.status_boxes = {s: QCheckBox() for s in RegistrationStatus}
        self.recent_box = QCheckBox()
        self.recent_box.setObjectName("excludeRecent")
        self.recent_spin = QSpinBox()
        self.recent_spin.setObjectName("excludeRecentDays")
        self.recent_spin.setRange(1, 3650)
        self.open_tasks_box = QCheckBox()
        self.open_tasks_box.setObjectName("excludeOpenTasks")
        self.units_edit = QLineEdit()
        self.units_edit.setObjectName("poolUnits")
        self.pool_regions_edit = QLineEdit()
        self.pool_regions_edit.setObjectName("poolRegions")
        self.qualifications_edit = QLineEdit()
        self.qualifications_edit.setObjectName("poolQualifications")
        self.strata_editor = StrataEditor()
        self.strata = self.strata_editor.rows
        # The preview's labels, for the screen and tests.
        self.total_take = self.strata_editor.total_take
        self.preview_label = self.strata_editor.preview_label
        self.issues_label = self.strata_editor.issues_label

        self._labels = {key: QLabel() for key in (
            "code", "title", "check_items", "window.start", "window.end", "due_date",
            "team_size", "max_per_inspector", "population.region_codes",
            "population.entity_types", "population.industries",
            "population.registration_statuses", "exclusions", "pool.units",
            "pool.region_codes", "pool.qualifications")}
        basics = QFormLayout()
        for key, widget in (("code", self.code_edit), ("title", self.title_edit),
                            ("check_items", self.items_edit),
                            ("window.start", self.start_edit), ("window.end", self.end_edit),
                            ("due_date", self.due_edit), ("team_size", self.team_spin),
                            ("max_per_inspector", self.max_spin)):
            basics.addRow(self._labels[key], widget)
        basics_box = QVBoxLayout()
        basics_box.addLayout(basics)
        basics_box.addStretch(1)
        self.basics_group = QGroupBox()
        self.basics_group.setLayout(basics_box)
        self.basics_group.setMinimumWidth(330)

        types = QGridLayout()
        for index, box in enumerate(self.type_boxes.values()):
            types.addWidget(box, index // 2, index % 2)
        statuses = QGridLayout()
        for index, box in enumerate(self.status_boxes.values()):
            statuses.addWidget(box, index // 2, index % 2)
        recent = QHBoxLayout()
        recent.addWidget(self.recent_box)
        recent.addWidget(self.recent_spin)
        recent.addStretch(1)
        exclusions = QVBoxLayout()
        exclusions.addLayout(recent)
        exclusions.addWidget(self.open_tasks_box)
        who = QFormLayout()
        who.addRow(self._labels["population.region_codes"], self.regions_edit)
        who.addRow(self._labels["population.entity_types"], types)
        who.addRow(self._labels["population.industries"], self.industries_edit)
        who.addRow(self._labels["population.registration_statuses"], statuses)
        who.addRow(self._labels["exclusions"], exclusions)
        self.population_group = QGroupBox()
        self.population_group.setLayout(who)
        pool = QFormLayout()
        pool.addRow(self._labels["pool.units"], self.units_edit)
        pool.addRow(self._labels["pool.region_codes"], self.pool_regions_edit)
        pool.addRow(self._labels["pool.qualifications"], self.qualifications_edit)
        self.pool_group = QGroupBox()
        self.pool_group.setLayout(pool)
        middle = QVBoxLayout()
        middle.addWidget(self.population_group)
        middle.addWidget(self.pool_group)
        middle.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.basics_group, 4)
        layout.addLayout(middle, 4)
        layout.addWidget(self.strata_editor, 5)

        for edit in (self.code_edit, self.title_edit, self.regions_edit, self.industries_edit,
                     self.units_edit, self.pool_regions_edit, self.qualifications_edit):
            edit.textChanged.connect(self._edited)
        self.items_edit.textChanged.connect(self._edited)
        for dates in (self.start_edit, self.end_edit, self.due_edit):
            dates.dateChanged.connect(self._edited)
        for spin in (self.team_spin, self.max_spin, self.recent_spin):
            spin.valueChanged.connect(self._edited)
        for box in (*self.type_boxes.values(), *self.status_boxes.values(), self.recent_box,
                    self.open_tasks_box):
            box.toggled.connect(self._edited)
        self.recent_box.toggled.connect(self.recent_spin.setEnabled)
        for stratum in self.strata:
            stratum.mode.currentIndexChanged.connect(self._edited)
            stratum.ratio.textChanged.connect(self._edited)
            stratum.count.valueChanged.connect(self._edited)
        self.retranslate(lang)
        self.clear()

    # -- fields ----------------------------------------------------------------------------

    def clear(self) -> None:
        """An empty plan: the defaults of a new one (window from next week, teams of 2)."""
        self.blockSignals(True)
        for edit in (self.code_edit, self.title_edit, self.regions_edit, self.industries_edit,
                     self.units_edit, self.pool_regions_edit, self.qualifications_edit):
            edit.clear()
        self.items_edit.clear()
        start = self._today + timedelta(days=7)
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(start + timedelta(days=18)))
        self.due_edit.setDate(_qdate(start + timedelta(days=24)))
        self.team_spin.setValue(2)
        self.max_spin.setValue(0)
        for box in self.type_boxes.values():
            box.setChecked(False)
        for status, box in self.status_boxes.items():
            box.setChecked(status is RegistrationStatus.ACTIVE)
        self.recent_box.setChecked(False)
        self.recent_spin.setValue(180)
        self.recent_spin.setEnabled(False)
        self.open_tasks_box.setChecked(True)
        self.strata_editor.load(())
        self.blockSignals(False)
        self._edited()

    def load_document(self, plan: PlanDocument) -> None:
        self.blockSignals(True)
        self.code_edit.setText(plan.code)
        self.title_edit.setText(plan.title)
        self.items_edit.setPlainText("\n".join(
            f"{item.code} | {item.title}" if item.code else item.title
            for item in plan.check_items))
        self.start_edit.setDate(_qdate(plan.window_start))
        self.end_edit.setDate(_qdate(plan.window_end))
        self.due_edit.setDate(_qdate(plan.due_date))
        self.team_spin.setValue(plan.team_size)
        self.max_spin.setValue(plan.max_per_inspector or 0)
        population = plan.population
        self.regions_edit.setText(", ".join(population.region_codes))
        self.industries_edit.setText("、".join(population.industries))
        for kind, box in self.type_boxes.items():
            box.setChecked(kind in population.entity_types)
        for status, box in self.status_boxes.items():
            box.setChecked(status in population.registration_statuses)
        within = plan.exclusions.inspected_within_days
        self.recent_box.setChecked(within is not None)
        self.recent_spin.setEnabled(within is not None)
        self.recent_spin.setValue(within or 180)
        self.open_tasks_box.setChecked(plan.exclusions.open_tasks)
        self.units_edit.setText("、".join(plan.pool.units))
        self.pool_regions_edit.setText(", ".join(plan.pool.region_codes))
        self.qualifications_edit.setText("、".join(plan.pool.qualifications))
        self.strata_editor.load(plan.strata)
        for edit in (self.code_edit, self.title_edit, self.regions_edit, self.industries_edit,
                     self.units_edit, self.pool_regions_edit, self.qualifications_edit):
            edit.setCursorPosition(0)  # long titles show their beginning
        self.blockSignals(False)
        self._edited()

    def plan_data(self) -> dict[str, Any]:
        """The fields as a plan document in its file format (not yet checked)."""
        items = []
        for line in self.items_edit.toPlainText().splitlines():
            if not line.strip():
                continue
            parts = _ITEM_CODE.split(line.strip(), maxsplit=1)
            code, title = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
            items.append({"code": code, "title": title})
        return {
            "format": FORMAT,
            "code": self.code_edit.text().strip(),
            "title": self.title_edit.text().strip(),
            "check_items": items,
            "population": {
                "region_codes": _split(_CODES, self.regions_edit.text()),
                "entity_types": [t.value for t, box in self.type_boxes.items()
                                 if box.isChecked()],
                "industries": _split(_NAMES, self.industries_edit.text()),
                "registration_statuses": [s.value for s, box in self.status_boxes.items()
                                          if box.isChecked()],
            },
            "strata": self.strata_editor.json(),
            "exclusions": {
                "inspected_within_days": (self.recent_spin.value()
                                          if self.recent_box.isChecked() else None),
                "open_tasks": self.open_tasks_box.isChecked(),
            },
            "pool": {
                "units": _split(_NAMES, self.units_edit.text()),
                "region_codes": _split(_CODES, self.pool_regions_edit.text()),
                "qualifications": _split(_NAMES, self.qualifications_edit.text()),
            },
            "team_size": self.team_spin.value(),
            "max_per_inspector": self.max_spin.value() or None,
            "window": {"start": _iso(self.start_edit), "end": _iso(self.end_edit)},
            "due_date": _iso(self.due_edit),
        }

    def document(self) -> PlanDocument:
        """The checked plan; raises :class:`PlanFileError` naming the broken field."""
        plan = parse_plan(json.dumps(self.plan_data(), ensure_ascii=False))
        # Round-trip through the file format once more: what is saved is what was checked.
        return parse_plan(json.dumps(plan_json(plan), ensure_ascii=False))

    def describe(self, error: PlanFileError) -> str:
        """The error in the user's language, with the form's own label for the field."""
        text = error.text.render(self._lang)
        widget, label = self._error_field(error)
        if widget is None:
            return text
        return self.tr("%1 (form field: %2)").replace("%1", text).replace("%2", label)

    def focus_error(self, error: PlanFileError) -> None:
        """Highlight the field the error names and give it the keyboard focus."""
        widget, _label = self._error_field(error)
        if widget is not None:
            self._highlight(widget)

    def _error_field(self, error: PlanFileError) -> tuple[QWidget | None, str]:
        found = _FIELD.search(error.text.en)
        return self._field(found.group(1)) if found else (None, "")

    def show_preview(self, preview: DrawPreview | None, problem: str = "") -> None:
        """Show the directory's figures for the plan, or why there are none yet."""
        self.strata_editor.show_preview(preview, problem)

    # -- language --------------------------------------------------------------------------

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        for key, text in self._field_labels().items():
            if key in self._labels:
                self._labels[key].setText(text)
        self.basics_group.setTitle(self.tr("Plan"))
        self.population_group.setTitle(self.tr("Entities that can be drawn"))
        self.pool_group.setTitle(self.tr("Inspector pool"))
        self.code_edit.setPlaceholderText("ZD-2026-12")
        self.items_edit.setPlaceholderText(self.tr(
            "One check item per line; its code may come first: SAMR-1 | 企业公示信息抽查"))
        self.max_spin.setSpecialValueText(self.tr("no limit"))
        self.regions_edit.setPlaceholderText(self.tr("6-digit codes, e.g. 130123; empty: all"))
        self.pool_regions_edit.setPlaceholderText(self.tr("6-digit codes; empty: all"))
        for edit in (self.industries_edit, self.units_edit, self.qualifications_edit):
            edit.setPlaceholderText(self.tr("separate with 、 or commas; empty: all"))
        for kind, box in self.type_boxes.items():
            box.setText(kind.label(lang))
        for status, box in self.status_boxes.items():
            box.setText(status.label(lang))
        self.recent_box.setText(self.tr("skip entities inspected within (days)"))
        self.open_tasks_box.setText(self.tr("skip entities with open tasks"))
        self._labels["exclusions"].setText(self.tr("Exclusions"))
        self.strata_editor.retranslate()

    def _field_labels(self) -> dict[str, str]:
        return {
            "code": self.tr("Plan code"),
            "title": self.tr("Title"),
            "check_items": self.tr("Check items"),
            "window": self.tr("Window"),
            "window.start": self.tr("Window start"),
            "window.end": self.tr("Window end"),
            "due_date": self.tr("Due date"),
            "team_size": self.tr("Team size"),
            "max_per_inspector": self.tr("Max tasks per inspector"),
            "population.region_codes": self.tr("Region codes"),
            "population.entity_types": self.tr("Entity types"),
            "population.industries": self.tr("Industries"),
            "population.registration_statuses": self.tr("Registration status"),
            "exclusions.inspected_within_days": self.tr("Exclusions"),
            "exclusions.open_tasks": self.tr("Exclusions"),
            "pool.units": self.tr("Units"),
            "pool.region_codes": self.tr("Pool region codes"),
            "pool.qualifications": self.tr("Qualifications"),
            "strata": self.tr("Strata"),
        }

    # -- internals ---------------------------------------------------------------------------

    def _field(self, path: str) -> tuple[QWidget | None, str]:
        labels = self._field_labels()
        index = _STRATUM_INDEX.match(path)
        if index is not None:
            return self.strata_editor.field(int(index.group(1)))
        widgets: dict[str, QWidget] = {
            "code": self.code_edit, "title": self.title_edit,
            "check_items": self.items_edit, "window": self.start_edit,
            "window.start": self.start_edit, "window.end": self.end_edit,
            "due_date": self.due_edit, "team_size": self.team_spin,
            "max_per_inspector": self.max_spin,
            "population.region_codes": self.regions_edit,
            "population.entity_types": next(iter(self.type_boxes.values())),
            "population.industries": self.industries_edit,
            "population.registration_statuses": next(iter(self.status_boxes.values())),
            "exclusions.inspected_within_days": self.recent_spin,
            "exclusions.open_tasks": self.open_tasks_box,
            "pool.units": self.units_edit, "pool.region_codes": self.pool_regions_edit,
            "pool.qualifications": self.qualifications_edit, "strata": self.strata[0].mode,
        }
        key = re.sub(r"\[\d+\].*$", "", path)
        while key and key not in widgets:
            key = key.rpartition(".")[0]
        if not key:
            return None, ""
        return widgets[key], labels[key]

    def _highlight(self, widget: QWidget) -> None:
        self._clear_highlight()
        widget.setStyleSheet(_INVALID)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._highlighted = widget

    def _clear_highlight(self) -> None:
        if self._highlighted is not None:
            self._highlighted.setStyleSheet("")
            self._highlighted = None

    def _edited(self, *_args: object) -> None:
        if self.signalsBlocked():
            return
        self._clear_highlight()
        self.changed.emit()


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def _split(pattern: re.Pattern[str], text: str) -> list[str]:
    return [part.strip() for part in pattern.split(text) if part.strip()]


