"""The sampling board (what each stored sample waits for, and by when) and a stored
sample's labels: read from the store, rendered, and read back from the PDF."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from inspector.core.lifecycles import CustodyEventKind
from inspector.core.sample_progress import Stage
from inspector.core.workdays import CHINA_TIME
from inspector.labels.sample_label import SIZE_60X40
from inspector.services.reference_data import load_calendar
from inspector.services.sample_board import due_by_task, list_samples
from inspector.services.sample_labels import label_contents, sample_labels_pdf
from inspector.services.samples import CustodyDetails, SampleError, record_custody, take_sample
from inspector.services.workspace import Workspace
from tests.integration.test_inspections import FIELD, MORNING
from tests.integration.test_samples import FORM, sampling


def test_the_board_follows_a_sample_from_delivery_to_its_result(
        workspace: Workspace, tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)
    taken = take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value
    calendar = load_calendar(workspace.paths.calendars)

    (view,) = list_samples(workspace.store, calendar, MORNING + timedelta(hours=1))
    assert view.sample_code == taken.sample_code and view.portions == taken.portions
    assert view.progress.stage is Stage.AWAITING_DELIVERY
    assert view.progress.due_at == taken.delivery_due and not view.progress.overdue
    assert view.samplers == ("ZD001", "ZD002") and view.entity_name
    late = list_samples(workspace.store, calendar, taken.delivery_due + timedelta(minutes=1))
    assert late[0].progress.overdue
    due = due_by_task(late)
    assert view.task_uuid is not None
    assert due[view.task_uuid].open_samples == 1 and due[view.task_uuid].overdue
    assert list_samples(workspace.store, calendar, MORNING, staff_id="ZD009") == ()

    step = MORNING
    for kind, details in ((CustodyEventKind.SIGNED, {}),
                          (CustodyEventKind.HANDED_OVER, {"from_party": "张三",
                                                          "to_party": "检验所",
                                                          "seal_intact": True}),
                          (CustodyEventKind.RECEIVED, {"from_party": "张三",
                                                       "to_party": "检验所",
                                                       "seal_intact": True}),
                          (CustodyEventKind.RESULT_RECORDED, {"result": "fail",
                                                              "report_number": "R-1"})):
        step += timedelta(hours=1)
        record_custody(workspace, FIELD, taken.portions[0], kind, CustodyDetails(**details),
                       now=step)
    (after,) = list_samples(workspace.store, calendar, step + timedelta(hours=1))
    assert after.progress.stage is Stage.RECHECK_WINDOW
    assert (after.progress.result, after.progress.report_number) == ("fail", "R-1")


def test_labels_come_from_the_record_and_scan_back(workspace: Workspace,
                                                   tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)
    taken = take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value

    labels = label_contents(workspace.store, taken.sample_code.lower() + " ")
    assert [label.portion_code for label in labels] == list(taken.portions)
    assert [label.role_text for label in labels] == ["检验样品", "复检备份样品"]
    day = MORNING.astimezone(CHINA_TIME).date().isoformat()
    assert {label.sampled_on for label in labels} == {day}
    assert all(label.sample_name == "散装白酒" and label.issuing_unit for label in labels)
    seals = label_contents(workspace.store, taken.sample_code, seals=True)
    assert all(s.seal and s.officer_signs for s in seals)  # circulation: three parties

    pdf = tmp_path / "labels.pdf"
    pdf.write_bytes(sample_labels_pdf(workspace.store, taken.sample_code, SIZE_60X40))
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf),
                    str(tmp_path / "page")], check=True)
    read = set()
    for page in sorted(tmp_path.glob("page*.png")):
        read |= {symbol.text for symbol in zxingcpp.read_barcodes(Image.open(page))}
    assert set(taken.portions) <= read


@pytest.mark.parametrize("code", ["132601230A300017", "nonsense", "132601230A300099X"])
def test_a_bad_or_unknown_code_gets_no_labels(workspace: Workspace, code: str) -> None:
    with pytest.raises(SampleError):
        label_contents(workspace.store, code)


def test_a_week_old_board_entry_uses_the_calendar(workspace: Workspace,
                                                  tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)
    take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING)
    calendar = load_calendar(workspace.paths.calendars)
    (view,) = list_samples(workspace.store, calendar, datetime(2026, 12, 1, tzinfo=CHINA_TIME))
    assert view.progress.due_at is not None
    assert view.progress.due_at.astimezone(CHINA_TIME).date() == date(2026, 12, 7)
