"""Sample numbers on a laptop: only after sign-in, in order, per year, never twice."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.core.sample_codes import SampleCodeError, parse_sample_code
from inspector.services.sample_numbering import allocate_sample_code
from inspector.services.sync_session import Connection, remember_sign_in
from inspector.services.workspace import Workspace, open_workspace
from inspector.sync.protocol import DeviceInfo, UserInfo

DEVICE = DeviceInfo(device_uuid="0d9a3c1e-0000-4000-8000-00000000000a", name="laptop",
                    sample_prefix="0A3", owner="zhang", enrolled_at="2026-11-28T00:00:00Z")
USER = UserInfo(username="zhang", display_name="张三", role="inspector", unit_code="ZD",
                region_code="130123", staff_id="ZD001")


def test_a_laptop_numbers_nothing_before_it_has_a_prefix(workspace: Workspace) -> None:
    with pytest.raises(SampleCodeError, match="sign in to the platform first"), \
            workspace.store.write() as session:
        allocate_sample_code(session, date(2026, 11, 30))


def test_numbers_go_up_per_year_and_survive_a_reopen_and_a_rollback(
        workspace: Workspace) -> None:
    with workspace.store.write() as session:
        remember_sign_in(session, Connection("https://p.example", "zhang"), DEVICE, USER)
        first = allocate_sample_code(session, date(2026, 11, 30))
        second = allocate_sample_code(session, date(2026, 12, 31))
    assert (str(first), second.sequence) == ("132601230A300001" + str(first)[-1], 2)
    assert parse_sample_code(str(second)) == second
    with pytest.raises(RuntimeError), workspace.store.write() as session:
        allocate_sample_code(session, date(2026, 12, 31))  # the sample was not recorded:
        raise RuntimeError("the sample's transaction failed")  # its number is not taken
    root = workspace.paths.root
    workspace.store.close()
    reopened = open_workspace(root)
    try:
        with reopened.store.write() as session:
            third = allocate_sample_code(session, date(2026, 12, 31))
            new_year = allocate_sample_code(session, date(2027, 1, 1))
        assert third.sequence == 3 and (new_year.year, new_year.sequence) == (2027, 1)
    finally:
        reopened.store.close()
