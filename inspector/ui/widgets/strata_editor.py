"""The strata part of the plan form: none / ratio / count per risk class, and the preview.

Contract: main thread; no database work. One row per stratum (A–E and ``-`` for
unclassified entities): not drawn, a ratio kept as the decimal text typed (never a
float), or a count. :meth:`StrataEditor.show_preview` puts a
:class:`~inspector.ui.planning_ops.DrawPreview` beside the rows (each stratum's size in
the directory and how many the draw takes, the exclusions, the eligible pool) and words
its findings, the reasons a draw would be refused first, in the user's language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.draw import Stratum
from inspector.core.plan_document import STRATUM_NAMES, UNRATED_STRATUM
from inspector.ui.planning_ops import (
    COUNT_EXCEEDS,
    EMPTY_STRATUM,
    NOTHING_TO_DRAW,
    POOL_TOO_SMALL,
    SHORT_CAPACITY,
    DrawPreview,
    PreviewIssue,
)

NONE, RATIO, COUNT = "none", "ratio", "count"
_BLOCKING = "#b3261e"
_WARNING = "#8a5300"
_READY = "#1b6e20"


class _StratumRow:
    """One stratum: none / ratio (decimal text) / count, and its preview figures."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.label = QLabel()
        self.mode = QComboBox()
        self.mode.setObjectName(f"stratumMode{_widget_suffix(name)}")
        self.ratio = QLineEdit()
        self.ratio.setObjectName(f"stratumRatio{_widget_suffix(name)}")
        self.ratio.setPlaceholderText("0.03")
        self.count = QSpinBox()
        self.count.setObjectName(f"stratumCount{_widget_suffix(name)}")
        self.count.setRange(1, 100_000)
        self.value = QStackedWidget()
        self.value.addWidget(QWidget())
        self.value.addWidget(self.ratio)
        self.value.addWidget(self.count)
        self.size = QLabel("—")
        self.take = QLabel("—")
        for figure in (self.size, self.take):
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.mode.currentIndexChanged.connect(self.value.setCurrentIndex)

    def set_modes(self, texts: tuple[str, str, str]) -> None:
        current = max(self.mode.currentIndex(), 0)
        self.mode.blockSignals(True)
        self.mode.clear()
        for data, text in zip((NONE, RATIO, COUNT), texts, strict=True):
            self.mode.addItem(text, data)
        self.mode.setCurrentIndex(current)
        self.mode.blockSignals(False)

    def json(self) -> dict[str, Any] | None:
        mode = self.mode.currentData()
        if mode == RATIO:
            return {"name": self.name, "ratio": self.ratio.text().strip()}
        if mode == COUNT:
            return {"name": self.name, "count": self.count.value()}
        return None

    def load(self, ratio: str | None, count: int | None) -> None:
        self.ratio.setText(ratio or "")
        self.count.setValue(count or 1)
        self.mode.setCurrentIndex(1 if ratio is not None else 2 if count is not None else 0)

    def focus_widget(self) -> QWidget:
        mode = self.mode.currentData()
        return self.ratio if mode == RATIO else self.count if mode == COUNT else self.mode


class StrataEditor(QGroupBox):
    """The strata rows, their preview figures, and the preview's findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: DrawPreview | None = None
        self._preview_problem = ""
        self.rows = [_StratumRow(name) for name in STRATUM_NAMES]
        grid = QGridLayout()
        self._grid_headers = [QLabel() for _ in range(5)]
        for column, header in enumerate(self._grid_headers):
            header.setStyleSheet("font-weight: bold;")
            grid.addWidget(header, 0, column)
        for row, stratum in enumerate(self.rows, start=1):
            grid.addWidget(stratum.label, row, 0)
            grid.addWidget(stratum.mode, row, 1)
            grid.addWidget(stratum.value, row, 2)
            grid.addWidget(stratum.size, row, 3)
            grid.addWidget(stratum.take, row, 4)
        self.total_label = QLabel()
        self.total_size = QLabel("—")
        self.total_size.setObjectName("previewPopulation")
        self.total_take = QLabel("—")
        self.total_take.setObjectName("previewTotal")
        for figure in (self.total_size, self.total_take):
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            figure.setStyleSheet("font-weight: bold;")
        last = len(self.rows) + 1
        grid.addWidget(self.total_label, last, 0, 1, 3)
        grid.addWidget(self.total_size, last, 3)
        grid.addWidget(self.total_take, last, 4)
        grid.setColumnStretch(2, 1)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("previewSummary")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issues_label = QLabel()
        self.issues_label.setObjectName("previewIssues")
        self.issues_label.setWordWrap(True)
        self.issues_label.setTextFormat(Qt.TextFormat.RichText)
        strata_box = QVBoxLayout()
        strata_box.addLayout(grid)
        strata_box.addWidget(self.preview_label)
        strata_box.addWidget(self.issues_label)
        strata_box.addStretch(1)
        self.setLayout(strata_box)

        self.retranslate()

    def json(self) -> list[dict[str, Any]]:
        """The strata drawn from, in the plan file's format."""
        return [data for data in (row.json() for row in self.rows) if data is not None]

    def load(self, strata: tuple[Stratum, ...]) -> None:
        given = {s.name: s for s in strata}
        for row in self.rows:
            found = given.get(row.name)
            row.load(found.ratio if found else None, found.count if found else None)

    def field(self, position: int) -> tuple[QWidget, str]:
        """The widget and label of the plan's ``strata[position]`` (rows drawn from only)."""
        used = [row for row in self.rows if row.json() is not None]
        if position < len(used):
            row = used[position]
            return row.focus_widget(), self.tr("stratum %1").replace(
                "%1", self.stratum_name(row.name))
        return self.rows[0].mode, self.tr("Strata")

    def show_preview(self, preview: DrawPreview | None, problem: str = "") -> None:
        """Show the directory's figures for the plan, or why there are none yet."""
        self._preview, self._preview_problem = preview, problem
        sizes = {s.name: s for s in preview.strata} if preview else {}
        for stratum in self.rows:
            shown = sizes.get(stratum.name)
            stratum.size.setText(f"{shown.size:,}" if shown else "—")
            stratum.take.setText(f"{shown.take:,}" if shown else "—")
        self.total_size.setText(f"{preview.population:,}" if preview else "—")
        self.total_take.setText(f"{preview.total:,}" if preview else "—")
        if preview is None:
            self.preview_label.setText(problem)
            self.issues_label.setText("")
            return
        summary = self.tr(
            "Left out: %1 inspected within the period, %2 with open tasks. Eligible "
            "inspectors (certificate valid for the whole window): %3. Teams of %4, so %5 "
            "inspector visits; at most %6 tasks per inspector.")
        for key, value in (("%1", preview.excluded_recent), ("%2", preview.excluded_open_tasks),
                           ("%3", preview.pool), ("%4", preview.team_size),
                           ("%5", preview.team_size * preview.total),
                           ("%6", "—" if preview.capacity is None else preview.capacity)):
            summary = summary.replace(key, f"{value:,}" if isinstance(value, int) else value)
        self.preview_label.setText(summary)
        lines = []
        for issue in preview.issues:
            colour = _BLOCKING if issue.blocking else _WARNING
            prefix = self.tr("Cannot draw:") if issue.blocking else self.tr("Note:")
            lines.append(f'<span style="color:{colour}"><b>{_escape(prefix)}</b> '
                         f'{_escape(self.issue_text(issue))}</span>')
        if not lines:
            ready = self.tr("Ready to draw.")
            lines.append(f'<span style="color:{_READY}">{_escape(ready)}</span>')
        self.issues_label.setText("<br>".join(lines))

    def issue_text(self, issue: PreviewIssue) -> str:
        figures = [f"{n:,}" for n in issue.figures]
        if issue.stratum:
            figures.insert(0, self.stratum_name(issue.stratum))
        texts = {
            POOL_TOO_SMALL: self.tr("only %1 eligible inspectors, fewer than a team of %2. "
                                    "Widen the pool, or check that certificates are valid "
                                    "for the whole window."),
            EMPTY_STRATUM: self.tr("stratum %1 is empty but asks for %2."),
            COUNT_EXCEEDS: self.tr("stratum %1 has %2 members, fewer than the %3 asked for."),
            NOTHING_TO_DRAW: self.tr("no entity would be drawn: check the filters and the "
                                     "strata."),
            SHORT_CAPACITY: self.tr("the pool has %1 places for %2 inspector visits: some "
                                    "entities will get no team. Raise the maximum per "
                                    "inspector or widen the pool."),
        }
        text = texts.get(issue.kind)
        if text is None:
            return self.tr("the draw refuses the plan: %1").replace("%1", issue.detail)
        # Replace from the highest number down, so %1 never eats the start of %10.
        for number in range(len(figures), 0, -1):
            text = text.replace(f"%{number}", figures[number - 1])
        return text

    def stratum_name(self, name: str) -> str:
        return self.tr("unclassified (-)") if name == UNRATED_STRATUM else name

    def retranslate(self) -> None:
        self.setTitle(self.tr("Strata by risk class, and preview"))
        for header, text in zip(self._grid_headers, (
                self.tr("Stratum"), self.tr("Rule"), self.tr("Ratio or count"),
                self.tr("In population"), self.tr("To draw")), strict=True):
            header.setText(text)
        modes = (self.tr("not drawn"), self.tr("ratio"), self.tr("count"))
        for row in self.rows:
            row.label.setText(self.stratum_name(row.name))
            row.set_modes(modes)
        self.total_label.setText(self.tr("Total"))
        self.show_preview(self._preview, self._preview_problem)


def _widget_suffix(name: str) -> str:
    return "Unrated" if name == UNRATED_STRATUM else name


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
