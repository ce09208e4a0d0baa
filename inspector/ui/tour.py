"""``inspector tour --out DIR``: every main screen rendered offscreen to PNG files.

Contract: runs with Qt's offscreen platform (set here unless the caller chose one), on
the given workspace or, without ``--data-dir``, on a fresh temporary demo workspace.
It waits for the DB thread to go idle before each capture (processing events, never
sleeping blindly), writes one PNG per screen, prints each path, and returns 0 when all
were written.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.core.plan_document import PlanDocument, parse_plan
from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.services.demo_workspace import sign_in_offline_as
from inspector.services.directory_import import ImportKind
from inspector.services.workspace_location import resolve_data_dir
from inspector.ui.db_worker import Op
from inspector.ui.planning_models import team_members

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from inspector.ui.context import AppContext
    from inspector.ui.main_window import MainWindow
    from inspector.ui.widgets.tasks_panel import TasksPanel

IDLE_TIMEOUT_S = 120.0
SHOTS = 18
_BAD_ROWS = (
    "统一社会信用代码,名称,主体类型,行政区划代码,住所,风险等级\n"
    "91130123MA0ABCDE6X,正定县样例商贸有限公司,企业,130123,正定镇中山路1号,B\n"
    "9113012,正定县短代码商店,个体工商户,130123,正定镇,A\n"
    "91130123MA0ABCDEOF,正定县字母O商店,个体工商户,130123,正定镇,C\n"
    "91350100M000100Y43,,企业,130123,正定镇,F\n"
    "914403001922038216,深圳企业在正定的分店,企业,13012X,正定镇,A\n"
)

_TOUR_CHECKLIST = {
    "format": "inspector-checklist-v1", "code": "SPXS-LX", "version": 1,
    "title": "食品销售者日常监督检查", "entity_types": ["individual", "enterprise"],
    "check_items": ["CI-3"],
    "sections": [
        {"key": "licence", "title": "经营资质", "items": [
            {"key": "licence_shown", "kind": "compliance",
             "label": "食品经营许可证在有效期内并悬挂", "basis": "《食品安全法》第三十五条",
             "severity": "key", "required": True},
            {"key": "licence_problem", "kind": "single_choice", "label": "问题类型",
             "visible_if": "${licence_shown} = '不符合'", "required": True,
             "choices": [{"value": "expired", "label": "过期"},
                         {"value": "missing", "label": "未悬挂"}]},
        ]},
        {"key": "goods", "title": "商品", "items": [
            {"key": "note", "kind": "guidance", "label": "先查看冷链记录，再检查货架。"},
            {"key": "storage", "kind": "compliance", "label": "贮存条件符合标签要求",
             "required": True, "help": "重点查看冷藏冷冻食品"},
            {"key": "sample_code", "kind": "barcode", "label": "抽检样品条码"},
            {"key": "expired_count", "kind": "integer", "label": "过期食品数量", "unit": "件",
             "min": "0", "max": "1000"},
            {"key": "goods", "kind": "multiple_choice", "label": "经营品种",
             "choices": [{"value": "meat", "label": "肉类"}, {"value": "milk", "label": "乳制品"},
                         {"value": "tea", "label": "茶叶"}]},
            {"key": "checked_on", "kind": "date", "label": "进货查验记录日期"},
            {"key": "photo", "kind": "photo", "label": "现场照片", "max_count": 5},
        ]},
    ],
}


def run_tour(data_dir: str | None, out: Path, lang: Lang) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from inspector.ui.app import application, build_context, start_window

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="inspector-tour-") as scratch:
        root = resolve_data_dir(data_dir) if data_dir else Path(scratch) / "workspace"
        app = application()
        ctx = build_context(app, root, lang)
        window = start_window(ctx, today=date.today(), demo=True)
        window.resize(1440, 900)
        window.show()
        shots: list[Path] = []

        def settle() -> None:
            deadline = time.monotonic() + IDLE_TIMEOUT_S
            while True:
                app.processEvents()
                if ctx.workspace is not None and not ctx.db.busy:
                    break
                if time.monotonic() > deadline:
                    raise TimeoutError("the database thread did not go idle")
                time.sleep(0.01)
            for _ in range(3):
                app.processEvents()

        def capture(name: str, widget: QWidget) -> None:
            settle()
            path = out / f"{name}.png"
            if not widget.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            shots.append(path)
            print(path, flush=True)

        try:
            settle()
            window.show_screen("home")
            capture("01-overview", window)  # with the first-run guide, as a newcomer sees it
            window.guide.hide()
            window.show_screen("directory")
            capture("02-directory-entities", window)
            tab = window.directory.entities
            assert tab is not None
            tab.filter_edit.setText("集贸市场 副食")
            capture("03-directory-entities-filtered", window)
            tab.filter_edit.clear()
            window.directory.show_tab(ImportKind.INSPECTORS)
            capture("04-directory-inspectors", window)
            window.directory.show_tab(ImportKind.ENTITIES)
            bad_file = Path(scratch) / "entities-with-errors.csv"
            bad_file.write_text(_BAD_ROWS, encoding="utf-8")
            tab.start_import_file(bad_file)
            settle()
            assert tab.import_flow is not None and tab.import_flow.result_dialog is not None
            capture("05-import-result", tab.import_flow.result_dialog)
            tab.import_flow.result_dialog.close()
            window.show_screen("audit")
            window.audit.verify()
            capture("06-audit-log", window)
            window.show_screen("sync")
            capture("07-sync", window)
            login = window.sync.open_login()
            capture("08-sign-in", login)
            login.close()
            ctx.set_lang(Lang.EN if lang is Lang.ZH else Lang.ZH)
            window.show_screen("directory")
            capture("09-directory-other-language", window)
            ctx.set_role(Role.TEAM_LEAD)
            ctx.set_lang(lang)
            window.show_screen("plans")
            plans = window.plans
            plans.form.load_document(_tour_plan(date.today()))
            plans.refresh_preview()
            capture("10-plans-definition", window)
            plans.save_plan()
            settle()
            plans.draw_panel.commit_seed()
            settle()
            plans.draw_panel.start_draw()
            plans.tabs.setCurrentWidget(plans.draw_panel)
            capture("11-plans-draw", window)
            plans.tabs.setCurrentWidget(plans.tasks_panel)
            capture("12-plans-tasks", window)
            plans.tasks_panel.table.selectRow(0)
            redraw = plans.tasks_panel.open_redraw()
            assert redraw is not None
            redraw.reason_edit.setText("近亲属在该单位任职" if lang is Lang.ZH
                                       else "A relative works for this entity")
            capture("13-plans-redraw", redraw)
            redraw.close()
            plans.tasks_panel.start_release()
            settle()
            _take_a_sample(ctx, window, plans.tasks_panel, settle=settle, capture=capture,
                           lang=lang)
            ctx.set_role(Role.TEAM_LEAD)
            window.show_screen("disclosure")
            capture("14-publication", window)
            ctx.set_role(Role.ADMINISTRATOR)
            window.show_screen("checklists")
            checklist_file = Path(scratch) / "spxs.json"
            checklist_file.write_text(json.dumps(_TOUR_CHECKLIST, ensure_ascii=False),
                                      encoding="utf-8")
            window.checklists.import_checklist_file(checklist_file)
            settle()
            preview = window.checklists.preview
            assert preview is not None
            preview.set_answers({"licence_shown": "不符合", "expired_count": Decimal(1200)})
            capture("17-checklists", window)
            ctx.set_role(Role.INSPECTOR)
            window.show_screen("drafts")
            settle()
            drafts = window.drafts
            drafts.checklist_box.setCurrentIndex(drafts.checklist_box.findData("SPXS"))
            drafts.label_edit.setText("正定县城关镇某某超市" if lang is Lang.ZH
                                      else "A supermarket in Chengguan")
            drafts.start_draft()
            settle()
            assert drafts.form is not None
            drafts.form.set_answers({"certificates_shown": "yes", "licences_valid": "符合",
                                     "licence_number": "JY11301230012345",
                                     "foods_checked": Decimal(35)})
            capture("18-fill-checklist", window)
        finally:
            window.close()
    return 0 if len(shots) == SHOTS else 1


def _take_a_sample(ctx: AppContext, window: MainWindow, tasks: TasksPanel, *,
                   settle: Callable[[], None], capture: Callable[[str, QWidget], None],
                   lang: Lang) -> None:
    """As the lead inspector of the first released task: start it, take a sample in the
    wizard, and capture the task list and the wizard's label preview."""
    lead_staff_id = team_members(tasks.tasks[0])[0][1]
    ctx.db.submit(Op("tour_sign_in", lambda env: sign_in_offline_as(env.workspace,
                                                                    lead_staff_id)))
    settle()
    ctx.set_role(Role.INSPECTOR)
    window.show_screen("tasks")
    settle()
    screen = window.tasks
    screen.table.selectRow(0)
    settle()
    dialog = screen.start_inspection()
    assert dialog is not None, "the first task cannot start"
    dialog.certificates_box.setChecked(True)
    dialog.no_conflict_box.setChecked(True)
    dialog.ok_button.click()
    settle()
    capture("15-tasks-inspection", window)
    wizard = screen.take_sample()
    assert wizard is not None, "no inspection under way to sample"
    zh = lang is Lang.ZH
    wizard.name_edit.setText("散装白酒" if zh else "Loose liquor")
    wizard.quantity_edit.setText("2")
    wizard.unit_edit.setText("瓶" if zh else "bottles")
    wizard.backup_edit.setText("1")
    from PySide6.QtWidgets import QLineEdit

    batch = wizard.fields["batch"]
    assert isinstance(batch, QLineEdit), "the batch number is typed, not chosen"
    batch.setText("20261008")
    for _page in range(3):
        wizard.next()
    wizard.seal_edits[0].setText("FT-0001")
    wizard.seal_edits[1].setText("FT-0002")
    wizard.next()
    wizard.request_take()
    settle()
    settle()  # the label preview renders once the sample is taken
    assert wizard.taken_sample is not None, wizard.review_page.error.text()
    capture("16-sample-labels", wizard)
    wizard.close()


def _tour_plan(today: date) -> PlanDocument:
    """The example plan of ``docs/examples/plan.json``, its window moved to next week."""
    start = today + timedelta(days=9)
    data = {
        "format": "inspector-plan-v1",
        "code": f"ZD-{start.year}-{start.month:02d}",
        "title": f"正定县{start.year}年{start.month}月企业公示信息及食品销售双随机抽查",
        "check_items": [{"code": "SAMR-1", "title": "企业公示信息抽查"},
                        {"code": "CI-3", "title": "食品销售单位证后监管"}],
        "population": {"region_codes": ["130123"],
                       "entity_types": ["enterprise", "individual", "cooperative"],
                       "registration_statuses": ["active"]},
        "strata": [{"name": "A", "ratio": "0.01"}, {"name": "B", "ratio": "0.02"},
                   {"name": "C", "ratio": "0.03"}, {"name": "D", "ratio": "0.10"},
                   {"name": "E", "count": 5}, {"name": "-", "ratio": "0.03"}],
        "exclusions": {"inspected_within_days": 180, "open_tasks": True},
        "pool": {"region_codes": ["130123"]},
        "team_size": 2,
        "max_per_inspector": None,
        "window": {"start": start.isoformat(),
                   "end": (start + timedelta(days=18)).isoformat()},
        "due_date": (start + timedelta(days=24)).isoformat(),
    }
    return parse_plan(json.dumps(data, ensure_ascii=False))

