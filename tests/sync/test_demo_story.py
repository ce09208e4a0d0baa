"""``inspector demo``'s connected morning, end to end against a real platform process:
the demo platform seeds itself, the story plays through the real services and sync
engine, and everything it claims is where it says (SQLite platform)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from inspector.core.draw import verify_protocol
from inspector.core.lifecycles import InspectionStatus
from inspector.db.models import Inspection, Photo, Plan, Sample, Task
from inspector.services.demo_platform import DEMO_PASSWORD, DemoPlatform, DemoPlatformError
from inspector.services.demo_story import DemoStory, play_demo_story
from inspector.services.disclosure import deadline_board
from inspector.services.field_tasks import list_field_tasks
from inspector.services.planning import protocol_text
from inspector.services.reference_data import load_calendar
from inspector.services.sync_status import sync_overview
from inspector.services.workspace import Workspace, open_workspace
from inspector.sync.credentials import CredentialStore
from inspector.sync.protocol import API_PREFIX
from tests.sync.memory_keyring import MemoryKeyring

TODAY = date.today()


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[DemoStory, Workspace, Path, list[str]]]:
    root = tmp_path_factory.mktemp("demo")
    platform = DemoPlatform(root / "platform")
    server = platform.start(TODAY)
    workspace = open_workspace(root / "workspace")
    steps: list[str] = []
    try:
        story = play_demo_story(workspace, server=server, password=DEMO_PASSWORD,
                                laptops=root / "laptops",
                                credentials=CredentialStore(MemoryKeyring()), today=TODAY,
                                progress=lambda words: steps.append(words.en))
        yield story, workspace, root, steps
    finally:
        workspace.store.close()
        platform.stop()


def test_the_inspector_laptop_holds_its_own_released_tasks_and_the_verifiable_draw(
        played: tuple[DemoStory, Workspace, Path, list[str]]) -> None:
    story, workspace, _root, steps = played
    assert len(steps) == 6 and steps[0].startswith("The administrator")
    staff_id = story.inspector.upper()
    mine = list_field_tasks(workspace.store, TODAY, staff_id=staff_id)
    everything = list_field_tasks(workspace.store, TODAY)
    assert mine and len(mine) == len(everything) < story.tasks  # only this team's tasks
    assert all(staff_id in {member.staff_id for member in task.team} for task in mine)
    with workspace.store.read() as session:
        assert session.scalar(select(Plan.code)) == story.plan_code
        assert session.scalar(select(func.count()).select_from(Task)) == len(mine)
    verdict = verify_protocol(json.loads(protocol_text(workspace.store, story.plan_code)))
    assert verdict.ok, verdict.problems


def test_the_inspection_and_sample_are_done_and_sent(
        played: tuple[DemoStory, Workspace, Path, list[str]]) -> None:
    story, workspace, root, _steps = played
    with workspace.store.read() as session:
        inspection = session.scalars(
            select(Inspection).where(Inspection.uuid == story.inspection)).one()
        assert inspection.status is InspectionStatus.FINALIZED
        assert session.scalar(select(func.count()).select_from(Photo)
                              .where(Photo.inspection_id == inspection.id)) == 2
        assert session.scalar(select(Sample.sample_code)) == story.sample_code
        overview = sync_overview(session)
    assert sum(count.count for count in overview.pending) == 0 and not overview.problems
    assert overview.files_queued == 0 and overview.username == story.inspector
    board = deadline_board(workspace.store, load_calendar(workspace.paths.calendars), TODAY)
    assert [row.inspection_uuid for row in board] == [story.inspection]
    # The team lead's laptop got the result too, for the publication on time.
    lead = open_workspace(root / "laptops" / "lead")
    try:
        lead_board = deadline_board(lead.store, load_calendar(lead.paths.calendars), TODAY)
    finally:
        lead.store.close()
    assert story.inspection in {row.inspection_uuid for row in lead_board}


def test_the_platform_holds_the_sample_custody(
        played: tuple[DemoStory, Workspace, Path, list[str]]) -> None:
    story, _workspace, _root, _steps = played
    login = requests.post(story.server + API_PREFIX + "/auth/login", json={
        "username": "lead", "password": DEMO_PASSWORD},
        timeout=10)
    assert login.status_code == 200, login.text
    token = login.json()["token"]
    answer = requests.get(f"{story.server}{API_PREFIX}/custody/{story.sample_code}-P01",
                          headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert answer.status_code == 200, answer.text
    assert answer.text.count("signed") >= 1


def test_a_platform_that_cannot_start_says_why(tmp_path: Path) -> None:
    blocked = tmp_path / "platform"
    blocked.write_text("a file where the platform's folder should be", encoding="utf-8")
    with pytest.raises((DemoPlatformError, OSError)):
        DemoPlatform(blocked).start(TODAY)


PARENT = """
import sys, time
from datetime import date
from pathlib import Path
from inspector.services.demo_platform import DemoPlatform
platform = DemoPlatform(Path(sys.argv[1]))
print(platform.start(date.today()), platform.process.pid, flush=True)
time.sleep(600)
"""


def test_a_killed_app_leaves_no_demo_platform_running(tmp_path: Path) -> None:
    """The app is SIGKILLed (no chance to stop anything): its platform stops by itself."""
    app = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path / "platform")],
                           stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None
        server, pid = app.stdout.readline().split()
        assert requests.get(server + API_PREFIX + "/health", timeout=5).status_code == 200
    finally:
        app.kill()
        app.wait()
        if app.stdout is not None:
            app.stdout.close()
    deadline = time.monotonic() + 30
    while _alive(int(pid)):
        assert time.monotonic() < deadline, "the demo platform outlived the app"
        time.sleep(0.2)  # waiting for another process to end
    with pytest.raises(requests.ConnectionError):
        requests.get(server + API_PREFIX + "/health", timeout=5)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").split(")")[-1].split()[0]
    return state != "Z"  # a zombie has ended
