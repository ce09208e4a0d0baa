"""Importing a directory file from the directory screen: progress, results, refusals, cancel."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from inspector.services.directory_import import ImportKind
from inspector.ui.db_worker import DbWorker
from inspector.ui.screens.directory import DirectoryTab
from inspector.ui.widgets.import_flow import ImportFlow
from tests.ui.helpers import (
    DEMO_ENTITIES,
    ENTITY_HEADER,
    LEFT,
    HeldExecutor,
    Launched,
    Launcher,
    audit_events,
    column_texts,
    live_entities,
    valid_codes,
    write_entity_csv,
)

BIG = 12_000
DEMO_AUDIT_EVENTS = 3  # workspace created, entities imported, inspectors imported


@pytest.fixture(scope="module")
def big_rows() -> list[tuple[str, ...]]:
    """12,000 valid entity rows of 长安区 (none of them in the demo county)."""
    return [
        (code, f"石家庄市长安区测试{number}号商贸有限公司", "企业", "130102",
         f"河北省石家庄市长安区中山东路{number}号")
        for number, code in enumerate(valid_codes(BIG, seed=12000), start=1)
    ]


@dataclass(frozen=True)
class ProgressSeen:
    """One progress report and what the progress dialog showed right after it."""

    done: int
    total: int | None
    value: int
    maximum: int
    visible: bool
    label: str


def _record_progress(monkeypatch: pytest.MonkeyPatch, tab: DirectoryTab) -> list[ProgressSeen]:
    """Watch every progress report the import op sends to the import flow."""
    seen: list[ProgressSeen] = []
    submit = DbWorker.submit

    def spying_submit(self: DbWorker, op: Any, on_result: Any = None, on_error: Any = None,
                      on_progress: Any = None) -> Any:
        if on_progress is None:
            return submit(self, op, on_result, on_error, on_progress)

        def spy(done: int, total: int | None) -> None:
            on_progress(done, total)
            assert tab.import_flow is not None
            dialog = tab.import_flow.progress_dialog
            assert dialog is not None
            seen.append(ProgressSeen(done, total, dialog.value(), dialog.maximum(),
                                     dialog.isVisible(), dialog.labelText()))

        return submit(self, op, on_result, on_error, spy)

    monkeypatch.setattr(DbWorker, "submit", spying_submit)
    return seen


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[tuple[str, str]]:
    """Answer the open-file dialog with ``path`` (None: the user cancels it)."""
    asked: list[tuple[str, str]] = []

    def get_open_file_name(_parent: Any, caption: str, _directory: str,
                           name_filter: str) -> tuple[str, str]:
        asked.append((caption, name_filter))
        return ("", "") if path is None else (str(path), name_filter.split(";;", maxsplit=1)[0])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    return asked


def _open_entities(app: Launched) -> DirectoryTab:
    assert app.window.show_screen("directory")
    return app.entities


def test_import_shows_progress_then_the_result_and_reloads(
        app_window: Launched, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, big_rows: list[tuple[str, ...]]) -> None:
    tab = _open_entities(app_window)
    source = write_entity_csv(tmp_path / "长安区市场主体.csv", big_rows)
    asked = _choose_file(monkeypatch, source)
    progress = _record_progress(monkeypatch, tab)

    qtbot.mouseClick(tab.import_button, LEFT)

    assert asked == [("导入市场主体", "表格文件 (*.xlsx *.csv);;所有文件 (*)")]
    # Progress moves while the file is read and ends at the full count.
    assert len(progress) >= 3, progress
    dones = [p.done for p in progress]
    assert dones == sorted(set(dones)), "progress must only go forward"
    values = [p.value for p in progress]
    assert values == dones and values == sorted(values)
    assert all(p.visible and p.value <= p.maximum for p in progress)
    assert progress[-1].done == progress[-1].total == BIG
    assert progress[-1].value == progress[-1].maximum == BIG
    assert progress[-1].label == "已处理 12,000 行"

    flow = tab.import_flow
    assert flow is not None
    assert flow.progress_dialog is None, "the progress dialog closes when the import ends"
    dialog = flow.result_dialog
    assert dialog is not None and dialog.isVisible()
    summary = dialog.summary
    assert (summary.rows_read, summary.inserted, summary.updated, summary.unchanged) == (
        BIG, BIG, 0, 0)
    assert summary.rejected_rows == summary.warnings == 0
    assert dialog.model.total == 0
    report = tmp_path / "长安区市场主体-import-report.csv"
    assert summary.report_path == report and report.exists()
    assert dialog.summary_label.text().splitlines() == [
        "读取 12000 行：新增 12000，更新 0，未变 0，拒绝 0 行，警告 0 条",
        f"报告文件：{report}",
    ]

    # The change bus made every view reload.
    total = DEMO_ENTITIES + BIG
    assert live_entities(app_window.root) == total
    assert tab.model.total == tab.table.model().rowCount() == total
    assert tab.count_label.text() == "共 17,000 条"
    assert app_window.window.home.entities_card.figure.text() == "17,000"
    audit = app_window.window.audit.model
    assert audit.total == audit_events(app_window.root) == DEMO_AUDIT_EVENTS + 1
    newest = audit.row_at(0)
    assert (newest.action, newest.object_id) == ("directory.import_entities", source.name)
    assert audit.data(audit.index(0, 5)) == "导入市场主体名录"
    assert app_window.window.busy_label.text() == "就绪"

    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, LEFT)
    assert not dialog.isVisible()


def test_progress_total_is_the_number_of_data_rows(
        app_window: Launched, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        big_rows: list[tuple[str, ...]]) -> None:
    """The bar's maximum is the file's 12,000 data rows from the first report on.

    Files written by Excel, WPS and Python's csv module end with a line break.
    """
    tab = _open_entities(app_window)
    source = write_entity_csv(tmp_path / "entities.csv", big_rows)
    progress = _record_progress(monkeypatch, tab)

    tab.start_import_file(source)

    assert tab.import_flow is not None and tab.import_flow.result_dialog is not None
    assert [p.total for p in progress] == [BIG] * len(progress)
    assert [p.maximum for p in progress] == [BIG] * len(progress)


def _bad_file(path: Path) -> Path:
    good = valid_codes(6, seed=100, kind_digit="2", region="130123")
    header = ("统一社会信用代码", "名称", "主体类型", "行政区划代码", "住所", "风险等级")
    rows = [
        (good[0], "正定县样例副食店一", "个体工商户", "130123", "正定镇中山路1号", "A"),  # 2
        ("9113012", "正定县短代码商店", "个体工商户", "130123", "正定镇", "A"),  # 3
        (good[1], "正定县样例副食店二", "个体工商户", "130123", "正定镇中山路2号", "B"),  # 4
        (good[2], "", "个体工商户", "130123", "正定镇", "C"),  # 5: no name
        (good[3], "正定县风险F商店", "个体工商户", "130123", "正定镇", "F"),  # 6
        (good[0], "正定县重复商店", "个体工商户", "130123", "正定镇", "A"),  # 7: dup of row 2
        (good[4], "正定县区划错商店", "个体工商户", "13012X", "正定镇", "A"),  # 8
        ("91130123MA0ABCDE6X", "正定县校验位错商店", "企业", "130123", "正定镇", "A"),  # 9
        (good[5], "正定县区划存疑商店", "个体工商户", "139999", "正定镇", "B"),  # 10: warning
    ]
    return write_entity_csv(path, rows, header)


def test_rejected_rows_are_listed_with_their_row_numbers(
        app_window: Launched, qtbot: QtBot, tmp_path: Path) -> None:
    tab = _open_entities(app_window)
    source = _bad_file(tmp_path / "有错误的名录.csv")

    tab.start_import_file(source)

    assert tab.import_flow is not None
    dialog = tab.import_flow.result_dialog
    assert dialog is not None and dialog.isVisible()
    summary = dialog.summary
    assert (summary.rows_read, summary.inserted, summary.rejected_rows, summary.warnings) == (
        9, 3, 6, 1)
    assert dialog.summary_label.text().startswith(
        "读取 9 行：新增 3，更新 0，未变 0，拒绝 6 行，警告 1 条")

    view = dialog.table.model()
    shown = [[view.index(r, c).data() for c in range(5)] for r in range(view.rowCount())]
    assert dialog.model.total == len(summary.problems) == len(shown)
    assert [int(row[0]) for row in shown] == sorted(int(row[0]) for row in shown)
    rejected = {int(row[0]) for row in shown if row[3] == "拒绝"}
    warned = {int(row[0]) for row in shown if row[3] == "警告"}
    assert rejected == {3, 5, 6, 7, 8, 9}
    assert warned == {10}
    by_row = {int(row[0]): row for row in shown}
    assert by_row[3][1:3] == ["统一社会信用代码", "9113012"]
    assert by_row[5][1] == "名称" and "不能为空" in by_row[5][4]
    assert by_row[6][1:3] == ["风险等级", "F"]
    assert "与第2行的代码重复" in by_row[7][4]
    assert by_row[8][1:3] == ["行政区划代码", "13012X"]
    assert "校验码" in by_row[9][4]

    # The same rows are in the report next to the input, for the person fixing the file.
    report = tmp_path / "有错误的名录-import-report.csv"
    assert summary.report_path == report
    with report.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["行号", "列", "值", "级别", "原因"]
    assert sorted(int(line[0]) for line in lines[1:]) == sorted(int(r[0]) for r in shown)

    assert tab.model.total == live_entities(app_window.root) == DEMO_ENTITIES + 3
    tab.filter_edit.setText("正定县样例副食店")
    assert sorted(column_texts(tab, 1)) == ["正定县样例副食店一", "正定县样例副食店二"]
    dialog.close()


class Refused(NamedTuple):
    name: str
    content: bytes
    reason: str


REFUSED = [
    pytest.param(Refused("空文件.csv", b"", "文件 空文件.csv 是空的"), id="empty"),
    pytest.param(Refused("扫描件.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
                         "不支持的文件类型“.pdf”：请使用 .xlsx 或 .csv"), id="pdf"),
    pytest.param(Refused("只有表头.csv", (",".join(ENTITY_HEADER) + "\n").encode(),
                         "只有表头.csv 只有表头，没有数据行"), id="header-only"),
    pytest.param(Refused("不是名录.csv", "序号,金额\n1,100\n".encode(), "缺少必需的列"),
                 id="wrong-header"),
]


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_file_says_why_and_changes_nothing(
        app_window: Launched, qtbot: QtBot, tmp_path: Path, case: Refused) -> None:
    tab = _open_entities(app_window)
    source = tmp_path / case.name
    source.write_bytes(case.content)

    flow = ImportFlow(app_window.ctx, ImportKind.ENTITIES, tab)

    with qtbot.waitSignal(flow.failed) as blocker, qtbot.assertNotEmitted(flow.finished):
        flow.start(source)
    shown_reason = blocker.args[0]
    assert case.reason in shown_reason
    assert flow.result_dialog is None and flow.progress_dialog is None
    boxes = [box for box in tab.findChildren(QMessageBox, "importRefusedBox")
             if box.isVisible()]
    assert boxes, "the reason is shown to the user"
    assert boxes[-1].windowTitle() == "导入被拒绝"
    assert boxes[-1].text() == shown_reason

    assert live_entities(app_window.root) == tab.model.total == DEMO_ENTITIES
    assert audit_events(app_window.root) == DEMO_AUDIT_EVENTS
    assert not (tmp_path / f"{source.stem}-import-report.csv").exists()
    for box in boxes:
        box.close()


def test_cancelling_in_the_progress_dialog_leaves_the_directory_unchanged(
        launch: Launcher, qtbot: QtBot, tmp_path: Path,
        big_rows: list[tuple[str, ...]]) -> None:
    executor = HeldExecutor()
    app = launch(executor=executor)
    tab = _open_entities(app)
    source = write_entity_csv(tmp_path / "entities.csv", big_rows)
    executor.hold = True

    tab.start_import_file(source)

    flow = tab.import_flow
    assert flow is not None and executor.waiting == 1
    dialog = flow.progress_dialog
    assert isinstance(dialog, QProgressDialog) and dialog.isVisible()
    assert dialog.labelText() == "正在读取 entities.csv……"
    assert app.window.busy_label.text() == "处理中……"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"

    qtbot.mouseClick(cancel, LEFT)
    with qtbot.waitSignal(flow.cancelled), qtbot.assertNotEmitted(flow.failed):
        executor.release()

    assert flow.progress_dialog is None and flow.result_dialog is None
    assert not [box for box in tab.findChildren(QMessageBox) if box.isVisible()]
    assert live_entities(app.root) == tab.model.total == DEMO_ENTITIES
    assert audit_events(app.root) == DEMO_AUDIT_EVENTS
    assert not (tmp_path / "entities-import-report.csv").exists()
    assert app.window.busy_label.text() == "就绪"


def test_closing_the_file_chooser_imports_nothing(
        app_window: Launched, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _open_entities(app_window)
    asked = _choose_file(monkeypatch, None)
    submitted: list[str] = []
    monkeypatch.setattr(DbWorker, "submit",
                        lambda _self, op, *_args, **_kwargs: submitted.append(op.name))

    qtbot.mouseClick(tab.import_button, LEFT)

    assert len(asked) == 1
    assert submitted == []
    assert tab.import_flow is not None and tab.import_flow.progress_dialog is None
    assert tab.count_label.text() == "共 5,000 条"
