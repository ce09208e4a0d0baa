"""Taking a sample on site: the 抽样单's rules, two portions with their codes, and each
portion's chain of custody to the lab — refused steps write nothing, and the store's
chains verify (and a tampered one does not)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector.cli.main import main
from inspector.core.lifecycles import CustodyEventKind, PortionRole
from inspector.core.sample_codes import parse_portion_code
from inspector.db.models import CustodyEvent, Sample
from inspector.services.samples import (
    CustodyDetails,
    SampleError,
    SampleForm,
    portion_custody,
    record_custody,
    take_sample,
    verify_custody,
)
from inspector.services.sync_session import Connection, remember_sign_in
from inspector.services.workspace import Workspace
from tests.integration.test_inspections import FIELD, MORNING, setup_task, start
from tests.integration.test_sample_numbering import DEVICE, USER

FORM = SampleForm(name="散装白酒", link="circulation", date_type="生产日期",
                  date=date(2026, 10, 8), quantity="2", unit="瓶", backup_quantity="1",
                  samplers=("ZD001", "ZD002"), seal_numbers=("FT-0001", "FT-0002"),
                  extra={"brand": "某某", "batch": "20261008"})


def sampling(workspace: Workspace, tmp_path: Path) -> Any:
    started = start(workspace, setup_task(workspace, tmp_path))
    with workspace.store.write() as session:
        remember_sign_in(session, Connection("https://p.example", "zhang"), DEVICE, USER)
    return started


@pytest.mark.parametrize(("changes", "zh"), [
    ({"name": " "}, "请填写样品名称"),
    ({"quantity": "0"}, "抽样数量应为正数：“0”"),
    ({"backup_quantity": "一瓶"}, "备样数量应为正数：“一瓶”"),
    ({"date": None}, "请填写日期类型及日期（生产日期、加工日期或购进日期）"),
    ({"link": "online"}, "请选择抽样环节（生产、流通或餐饮）"),
    ({"samplers": ("ZD001",)}, "抽样人员不得少于两名"),
    ({"samplers": ("ZD001", "ZD003")}, "王五（ZD003）不在本次检查的在场人员中，不能作为抽样人"),
])
def test_a_sample_that_breaks_a_rule_is_refused_and_takes_no_number(
        workspace: Workspace, tmp_path: Path, changes: dict[str, Any], zh: str) -> None:
    started = sampling(workspace, tmp_path)
    with pytest.raises(SampleError) as refused:
        take_sample(workspace, FIELD, started.inspection, replace(FORM, **changes),
                    now=MORNING)
    assert refused.value.text.zh == zh
    taken = take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value
    assert parse_portion_code(taken.portions[0])[0].sequence == 1  # no number was lost


def test_a_sample_has_two_sealed_portions_and_a_delivery_deadline(
        workspace: Workspace, tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)

    taken = take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value

    assert taken.portions == (f"{taken.sample_code}-P01", f"{taken.sample_code}-P02")
    assert taken.sample_code.startswith("132601230A300001")
    # Monday 2026-11-30 + 5 working days: Monday 2026-12-07, end of day in China.
    assert taken.delivery_due.date() == date(2026, 12, 7)
    test, backup = (portion_custody(workspace, code) for code in taken.portions)
    assert (test.role, backup.role) == (PortionRole.TEST, PortionRole.BACKUP)
    assert [e.kind for e in test.entries] == [CustodyEventKind.COLLECTED,
                                              CustodyEventKind.SEALED]
    assert test.next_steps == (CustodyEventKind.SIGNED,)
    with workspace.store.read() as session:
        sample = session.scalars(select(Sample)).one()
        assert sample.fields["batch"] == "20261008" and sample.fields["samplers"] == \
            "ZD001、ZD002"


def test_custody_runs_to_the_lab_and_its_result_and_refuses_a_wrong_step(
        workspace: Workspace, tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)
    test_code, backup_code = take_sample(workspace, FIELD, started.inspection, FORM,
                                         now=MORNING).value.portions
    step = MORNING

    def record(kind: CustodyEventKind, code: str = test_code, **details: Any) -> Any:
        nonlocal step
        step += timedelta(hours=1)
        return record_custody(workspace, FIELD, code, kind, CustodyDetails(**details),
                              now=step).value

    with pytest.raises(SampleError, match="received may not follow sealed"):
        record(CustodyEventKind.RECEIVED, from_party="张三", to_party="检验所",
               seal_intact=True)
    record(CustodyEventKind.SIGNED)
    with pytest.raises(SampleError):
        record(CustodyEventKind.HANDED_OVER, to_party="检验所", seal_intact=True)  # no from
    record(CustodyEventKind.HANDED_OVER, from_party="张三", to_party="河北省产品质量监督检验研究院",
           seal_intact=True)
    record(CustodyEventKind.RECEIVED, from_party="张三", to_party="河北省产品质量监督检验研究院",
           seal_intact=True)
    done = record(CustodyEventKind.RESULT_RECORDED, result="fail", report_number="2026-J-0117")
    assert done.seq == 6
    with pytest.raises(SampleError, match="no portion"):
        record(CustodyEventKind.SIGNED, code=backup_code[:-3] + "P07")
    with pytest.raises(SampleError):
        record(CustodyEventKind.SIGNED, code="132601230A300001X-P01")  # a misread scan
    assert verify_custody(workspace) == ()
    with workspace.store.read() as session:
        assert len(session.scalars(select(CustodyEvent)).all()) == 8


def test_a_tampered_chain_is_found(workspace: Workspace, tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)
    take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING)
    # Someone edits the database behind the app's back (the triggers stop the app; a
    # determined hand drops them first).
    with closing(sqlite3.connect(workspace.paths.database)) as connection:
        connection.execute("DROP TRIGGER custody_event_immutable")
        connection.execute("UPDATE custody_event SET place = '别处' WHERE seq = 1 AND id = 1")
        connection.commit()
    problems = verify_custody(workspace)
    assert [(p.seq, p.kind.value) for p in problems] == [(1, "content")]


def test_the_command_line_verifies_every_chain(workspace: Workspace, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    started = sampling(workspace, tmp_path)
    take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING)
    root = str(workspace.paths.root)
    assert main(["--data-dir", root, "--lang", "en", "custody", "verify"]) == 0
    assert "custody intact" in capsys.readouterr().out
    with closing(sqlite3.connect(workspace.paths.database)) as connection:
        connection.execute("DROP TRIGGER custody_event_undeletable")
        connection.execute("DELETE FROM custody_event WHERE id = 1")
        connection.commit()
    assert main(["--data-dir", root, "--lang", "en", "custody", "verify"]) == 1
    assert "custody event 1" in capsys.readouterr().err


def test_further_portions_are_numbered_on_and_a_bad_quantity_takes_no_number(
        workspace: Workspace, tmp_path: Path) -> None:
    started = sampling(workspace, tmp_path)
    with pytest.raises(SampleError) as refused:
        take_sample(workspace, FIELD, started.inspection,
                    replace(FORM, extra_portions=(("1", "FT-3"), ("", "FT-4"))), now=MORNING)
    assert refused.value.text.zh == "第 4 份样的数量应为正数：“”"

    taken = take_sample(workspace, FIELD, started.inspection,
                        replace(FORM, extra_portions=(("1", "FT-3"),)), now=MORNING).value
    assert [code[-3:] for code in taken.portions] == ["P01", "P02", "P03"]
    assert parse_portion_code(taken.portions[0])[0].sequence == 1  # the refusal took none
    third = portion_custody(workspace, taken.portions[2])
    assert third.role is PortionRole.OTHER
    assert [e.kind for e in third.entries] == [CustodyEventKind.COLLECTED,
                                               CustodyEventKind.SEALED]
    assert verify_custody(workspace) == ()
