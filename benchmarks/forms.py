"""Benchmark: a 300-item checklist with 100 conditions, read, rendered and typed into.

Run as ``python -m benchmarks.forms [--repeat K]``, offscreen. In the same run it times:

- ``load_validate_ms``: reading and checking the checklist JSON (``parse_checklist``);
- ``render_s``: building and showing the real form (``ChecklistForm``) until its first
  paint, beside the limit ``bare_render_s``: a bare form of 300 plain rows (a label and
  a line edit each) built and shown the same way;
- ``keystroke_update_ms``: from a key typed into a number item that 100 conditions and
  its rule depend on, to the form's visibility, problems and progress updated and the
  events processed (median and 95th percentile of many keystrokes).

The issue's goal: render within 2x of the bare form, a keystroke's update under 16 ms.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from datetime import date
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.forms.checklist import parse_checklist
from inspector.ui.widgets.checklist_form import ChecklistForm

SECTIONS, PER_SECTION = 10, 30


def checklist_text() -> str:
    """300 items in 10 sections, 100 of them with a condition: each section opens with a
    number item that its 10 conditions read; compliance items (a detail shows when one
    is 不符合), texts, decimals and choices."""
    sections = []
    for s in range(SECTIONS):
        gate = f"s{s}_count"
        items: list[dict[str, Any]] = [{
            "key": gate, "kind": "integer", "label": f"第{s + 1}节 商品数量", "unit": "件",
            "min": "0", "max": "100000", "required": True,
            "rules": [{"expression": f"${{{gate}}} < 90000", "message": "数量过大，请复核"}]}]
        for n in range(1, PER_SECTION):
            key = f"s{s}_i{n}"
            if n % 3 == 1:
                items.append({"key": key, "kind": "compliance", "label": f"检查项 {s}-{n}",
                              "basis": "《产品质量法》", "severity": "key" if n % 2 else
                              "general", "required": True})
            elif n % 3 == 2 and n <= 20:
                items.append({"key": key, "kind": "text", "label": f"问题说明 {s}-{n}",
                              "visible_if": f"${{s{s}_i{n - 1}}} = '不符合' or "
                                            f"${{{gate}}} > {n * 10}"})
            elif n % 3 == 2:
                items.append({"key": key, "kind": "decimal", "label": f"单价 {s}-{n}",
                              "unit": "元", "min": "0", "max": "99999",
                              "visible_if": f"${{{gate}}} > {n}"})
            else:
                items.append({"key": key, "kind": "single_choice", "label": f"来源 {s}-{n}",
                              "choices": [{"value": "a", "label": "批发市场"},
                                          {"value": "b", "label": "厂家直供"}]})
        sections.append({"key": f"s{s}", "title": f"第{s + 1}节", "items": items})
    document = {"format": "inspector-checklist-v1", "code": "BENCH", "version": 1,
                "title": "基准清单", "entity_types": [], "check_items": [],
                "sections": sections}
    return json.dumps(document, ensure_ascii=False)


def count_conditions(text: str) -> int:
    return sum(1 for item in parse_checklist(text).items if item.visible_if)


def in_scroll_area(widget: QWidget) -> QScrollArea:
    """As the app shows a form: in a scroll area, as wide as the window."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def show_and_paint(app: QApplication, widget: QWidget) -> None:
    widget.resize(1200, 900)
    widget.show()
    app.processEvents()
    widget.grab()  # a real paint of what shows


def bare_form() -> QWidget:
    form = QWidget()
    layout = QVBoxLayout(form)
    for n in range(SECTIONS * PER_SECTION):
        layout.addWidget(QLabel(f"题目 {n}"))
        layout.addWidget(QLineEdit())
    return form


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keystrokes", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    text = checklist_text()
    loads, renders, bares = [], [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        checklist = parse_checklist(text)
        loads.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare = in_scroll_area(bare_form())
        show_and_paint(app, bare)
        bares.append(time.perf_counter() - started)
        bare.close()
        bare.deleteLater()
        started = time.perf_counter()
        shown = in_scroll_area(ChecklistForm(checklist, Lang.ZH, today=date(2026, 12, 4)))
        show_and_paint(app, shown)
        renders.append(time.perf_counter() - started)
        shown.close()
        shown.deleteLater()
        app.processEvents()
    form = ChecklistForm(checklist, Lang.ZH, today=date(2026, 12, 4))
    area = in_scroll_area(form)
    show_and_paint(app, area)
    edit = form.findChild(QLineEdit, "s0_count_edit")
    assert edit is not None
    edit.setFocus()
    strokes = []
    for n in range(args.keystrokes):
        if n % 6 == 5:  # keep the number short: clear it now and then
            edit.clear()
            app.processEvents()
        started = time.perf_counter()
        QTest.keyClick(edit, Qt.Key.Key_0 + (n % 10))
        app.processEvents()
        strokes.append((time.perf_counter() - started) * 1000)
    visible = len(form.state().visible)
    strokes.sort()
    render_s, bare_s = statistics.median(renders), statistics.median(bares)
    print(json.dumps({
        "bench": "forms", "items": SECTIONS * PER_SECTION, "conditions": count_conditions(text),
        "visible_after_typing": visible,
        "load_validate_ms": round(statistics.median(loads) * 1000, 1),
        "render_s": round(render_s, 3), "bare_render_s": round(bare_s, 3),
        "keystroke_update_ms": round(statistics.median(strokes), 2),
        "keystroke_update_p95_ms": round(strokes[int(len(strokes) * 0.95)], 2),
        "ratios": {"render_vs_bare": round(render_s / bare_s, 2)},
    }))


if __name__ == "__main__":
    main()
