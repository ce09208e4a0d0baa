"""Two separate ``inspector-central serve`` processes on one PostgreSQL database and one
blob folder, as docs/deploy.md deploys a province: concurrent pushes of the same UUIDs
and one blob uploaded through both at once must come out exactly as from one server.

PostgreSQL only (SQLite serves one office from one process). Without
INSPECTOR_TEST_POSTGRES these tests are skipped locally and fail in CI, like every other
PostgreSQL run (see conftest.py).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from inspector.core.ids import new_uuid
from tests.central.conftest import postgres_database
from tests.central.support import PASSWORD, item

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "inspector.central.cli"]
START_TIMEOUT_S = 60.0
HTTP_TIMEOUT_S = 60.0
SHARED_UUIDS = 16
SAME_COPIES = 4  # pushes of the one content that may win, per UUID
RIVALS = 3  # pushes of other content under the same UUID
USERS = (("zhang", "inspector"), ("li", "inspector"), ("lead", "team_lead"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_cli(url: str, blobs: Path, *args: str, stdin: str | None = None,
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "--db", url, "--blobs", str(blobs), *args], input=stdin,
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)


def cli_ok(url: str, blobs: Path, *args: str, stdin: str | None = None) -> str:
    done = run_cli(url, blobs, *args, stdin=stdin)
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@dataclass
class Platform:
    """Two server processes on one database and one blob folder, with unit ZD and the
    accounts zhang and li (inspectors) and lead (team lead), all made with the CLI."""

    url: str
    blobs: Path
    bases: list[str]
    logs: list[Path]

    @contextmanager
    def showing_logs(self) -> Iterator[None]:
        """Print the servers' logs (tracebacks of 5xx answers) if the block fails."""
        try:
            yield
        except BaseException:
            for base, log in zip(self.bases, self.logs, strict=True):
                print(f"---- log of the server at {base} ----\n"
                      f"{log.read_text(encoding='utf-8', errors='replace')}")
            raise


@contextmanager
def server_processes(url: str, blobs: Path, logs: Path, count: int,
                     ) -> Iterator[list[tuple[str, Path, subprocess.Popen[bytes]]]]:
    """Start ``count`` server processes (yielding their API base URLs, log files and
    processes at once: see :func:`wait_until_up`); terminate them at the end."""
    started: list[tuple[subprocess.Popen[bytes], Path, str]] = []
    try:
        for number in range(count):
            port = free_port()
            log = logs / f"server-{number}.log"
            with log.open("wb") as sink:
                process = subprocess.Popen(
                    [*CLI, "--db", url, "--blobs", str(blobs), "serve", "--port", str(port)],
                    stdout=sink, stderr=subprocess.STDOUT, cwd=ROOT)
            started.append((process, log, f"http://127.0.0.1:{port}/api/v1"))
        yield [(base, log, process) for process, log, base in started]
    finally:
        for process, _log, _base in started:
            process.terminate()
        for process, _log, _base in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)


def wait_until_up(base: str, log: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            if requests.get(base + "/health", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            raise AssertionError(f"{base} did not come up:\n"
                                 f"{log.read_text(encoding='utf-8', errors='replace')}")
        time.sleep(0.1)  # polling a starting server


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    databases = postgres_database(f"t_{uuid.uuid4().hex[:16]}")  # skips or fails as conftest
    url = next(databases)
    folder = tmp_path_factory.mktemp("two_processes")
    blobs, logs = folder / "blobs", folder / "logs"
    logs.mkdir()
    try:
        with server_processes(url, blobs, logs, count=2) as started:
            made = Platform(url, blobs, [base for base, _log, _process in started],
                            [log for _base, log, _process in started])
            with made.showing_logs():
                # Both processes and the CLI migrate the fresh database at the same time.
                cli_ok(url, blobs, "unit", "create", "ZD", "正定县市场监督管理局",
                       "--region", "130123")
                with ThreadPoolExecutor(max_workers=len(USERS)) as pool:
                    created = [pool.submit(cli_ok, url, blobs, "user", "create", name,
                                           "--role", role, "--unit", "ZD",
                                           stdin=PASSWORD + "\n")
                               for name, role in USERS]
                    for future in created:
                        assert "created" in future.result()
                for base, log, process in started:
                    wait_until_up(base, log, process)
            yield made
    finally:
        databases.close()  # drops the database


def login(base: str, username: str) -> dict[str, str]:
    response = requests.post(base + "/auth/login",
                             json={"username": username, "password": PASSWORD},
                             timeout=HTTP_TIMEOUT_S)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def read_feed(bases: list[str], headers: dict[str, str], feed: str, limit: int,
              ) -> list[dict[str, Any]]:
    """Page through a feed, asking the processes in turn."""
    items: list[dict[str, Any]] = []
    cursor = 0
    for page_number in range(10_000):
        response = requests.get(f"{bases[page_number % len(bases)]}/feeds/{feed}",
                                params={"cursor": cursor, "limit": limit}, headers=headers,
                                timeout=HTTP_TIMEOUT_S)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return items
    raise AssertionError("the feed never ended")


class Uploader:
    """Uploads one blob in chunks, sending each to the next process in turn and taking
    the server's offset whenever another uploader got there first."""

    def __init__(self, bases: list[str], headers: dict[str, str], data: bytes, chunk: int,
                 first: int) -> None:
        self.bases, self.headers, self.data, self.chunk = bases, headers, data, chunk
        self.turn = first
        self.sha = hashlib.sha256(data).hexdigest()
        self.accepted: list[int] = []  # which process took each chunk this uploader sent

    def start(self) -> dict[str, Any]:
        response = requests.post(f"{self.bases[self.turn]}/blobs/{self.sha}",
                                 json={"size": len(self.data), "media_type": "image/jpeg"},
                                 headers=self.headers, timeout=HTTP_TIMEOUT_S)
        assert response.status_code == 200, response.text
        state: dict[str, Any] = response.json()
        return state

    def run(self, state: dict[str, Any]) -> None:
        for _ in range(10 * len(self.data) // self.chunk + 100):
            if state["verified"]:
                return
            self.turn = (self.turn + 1) % len(self.bases)
            offset = state["offset"]
            response = requests.put(f"{self.bases[self.turn]}/blobs/{self.sha}",
                                    params={"offset": offset},
                                    data=self.data[offset:offset + self.chunk],
                                    headers=self.headers, timeout=HTTP_TIMEOUT_S)
            if response.status_code == 409:
                assert response.json()["code"] == "offset_mismatch", response.text
                state = {"verified": False, "offset": response.json()["detail"]["offset"]}
                continue
            assert response.status_code == 200, response.text
            self.accepted.append(self.turn)
            state = response.json()
        raise AssertionError("the upload never finished")


def test_concurrent_pushes_and_an_upload_through_both_processes(platform: Platform) -> None:
    with platform.showing_logs():
        pushes_and_upload(platform)


def pushes_and_upload(platform: Platform) -> None:
    bases = platform.bases
    zhang = [login(base, "zhang") for base in bases]  # one token from each process
    li = login(bases[0], "li")
    lead = login(bases[1], "lead")

    # -- the same UUIDs, with the same and other content, pushed to both at once ----------
    rng = random.Random(20260401)
    uuids = [new_uuid() for _ in range(SHARED_UUIDS)]
    kinds = {u: ("custody_event" if n % 4 == 0 else "inspection") for n, u in enumerate(uuids)}
    pushed: list[dict[str, Any]] = []
    for n, u in enumerate(uuids):
        same = item(kinds[u], {"n": n, "result": "1"}, uuid=u)
        pushed += [same] * SAME_COPIES
        pushed += [item(kinds[u], {"n": n, "result": f"rival {r}"}, uuid=u)
                   for r in range(RIVALS)]
    rng.shuffle(pushed)
    batches = [pushed[i:i + 7] for i in range(0, len(pushed), 7)]
    own = [item("inspection", {"by": "li", "n": n}) for n in range(24)]
    li_batches = [own[i:i + 3] for i in range(0, len(own), 3)]
    # -- and one blob, sent by two uploaders each alternating between the processes ------
    data = os.urandom(3 * 1024 * 1024 + 12_345)
    uploaders = [Uploader(bases, zhang[0], data, chunk=192 * 1024, first=0),
                 Uploader(bases, zhang[1], data, chunk=256 * 1024 + 7, first=1)]
    # One starts the upload, the other resumes it (concurrent starts: the next test).
    states = [uploader.start() for uploader in uploaders]

    answers: list[tuple[dict[str, Any], dict[str, Any]]] = []
    lock = threading.Lock()
    jobs = len(batches) + len(li_batches) + len(uploaders)
    barrier = threading.Barrier(jobs, timeout=60)

    def push(process: int, headers: dict[str, str], batch: list[dict[str, Any]]) -> None:
        barrier.wait()
        response = requests.post(f"{bases[process]}/push", json={"items": batch},
                                 headers=headers, timeout=HTTP_TIMEOUT_S)
        assert response.status_code == 200, response.text
        with lock:
            answers.extend(zip(batch, response.json()["results"], strict=True))

    def upload(uploader: Uploader, state: dict[str, Any]) -> None:
        barrier.wait()
        uploader.run(state)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(push, n % 2, zhang[n % 2], batch)
                   for n, batch in enumerate(batches)]
        futures += [pool.submit(push, n % 2, li, batch) for n, batch in enumerate(li_batches)]
        futures += [pool.submit(upload, u, state)
                    for u, state in zip(uploaders, states, strict=True)]
        for future in futures:
            future.result()

    # -- every UUID stored once; every answer names the one winner ------------------------
    by_uuid: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for sent, answer in answers:
        assert answer["uuid"] == sent["uuid"]
        by_uuid[sent["uuid"]].append((sent, answer))
    assert len(answers) == len(pushed) + len(own)
    winners: dict[str, str] = {}
    for u in uuids:
        replies = by_uuid[u]
        stored = [a for _s, a in replies if a["status"] == "stored"]
        assert len(stored) == 1, f"{u} stored {len(stored)} times: {replies}"
        winner, seq = stored[0]["stored_hash"], stored[0]["server_seq"]
        winners[u] = winner
        for sent, answer in replies:
            assert answer["stored_hash"] == winner, (sent, answer)
            assert answer["server_seq"] == seq, (sent, answer)
            if answer["status"] == "stored":
                assert sent["content_hash"] == winner
            elif sent["content_hash"] == winner:
                assert answer["status"] == "unchanged", (sent, answer)
            else:
                assert answer["status"] == "conflict" and answer["reason"], (sent, answer)
    assert all(answer["status"] == "stored" for sent, answer in answers
               if sent["uuid"] not in winners)

    engine = create_engine(platform.url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT uuid, content_hash, revision FROM record WHERE uuid = ANY(:u)"),
                {"u": uuids}).all()
            versions = connection.execute(text(
                "SELECT count(*) FROM record_version v JOIN record r ON r.id = v.record_id "
                "WHERE r.uuid = ANY(:u)"), {"u": uuids}).scalar()
    finally:
        engine.dispose()
    assert sorted(r[0] for r in rows) == sorted(uuids)
    assert {r[0]: r[1] for r in rows} == winners
    assert {r[2] for r in rows} == {1} and versions == 0  # nothing was overwritten

    # -- the feed: each record once, in strictly increasing server_seq --------------------
    feed = read_feed(bases, lead, "fieldwork", limit=7)
    seqs = [i["server_seq"] for i in feed]
    assert all(a < b for a, b in itertools.pairwise(seqs)), seqs
    assert sorted(i["uuid"] for i in feed) == sorted([*uuids, *(o["uuid"] for o in own)])
    assert {i["uuid"]: i["content_hash"] for i in feed if i["uuid"] in winners} == winners
    assert read_feed(bases[::-1], zhang[1], "fieldwork", limit=1000) == [
        i for i in feed if i["uuid"] in winners]

    # -- the blob: verified once, the same bytes from either process ----------------------
    sha = uploaders[0].sha
    taken = [n for uploader in uploaders for n in uploader.accepted]
    assert set(taken) == {0, 1}, "both processes should have taken chunks"
    for n, base in enumerate(bases):
        state = requests.get(f"{base}/blobs/{sha}/state", headers=zhang[n],
                             timeout=HTTP_TIMEOUT_S).json()
        assert state == {"sha256": sha, "size": len(data), "offset": len(data),
                         "verified": True}
        download = requests.get(f"{base}/blobs/{sha}", headers=zhang[1 - n],
                                timeout=HTTP_TIMEOUT_S)
        assert download.status_code == 200 and download.content == data
    assert not (platform.blobs / ".partial" / sha).exists()

    # -- one intact audit chain across both processes and the CLI -------------------------
    verdict = run_cli(platform.url, platform.blobs, "audit", "verify")
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    counted = re.search(r"(\d+) events", verdict.stdout)
    assert counted, verdict.stdout
    # At least: the unit, three users, four sign-ins, every push, the verified blob.
    minimum = 1 + len(USERS) + 4 + len(batches) + len(li_batches) + 1
    assert int(counted.group(1)) >= minimum, verdict.stdout


def test_concurrent_starts_of_one_upload_all_get_its_state(platform: Platform) -> None:
    """Laptops retry: the same upload may be started through both processes at once.
    Every start must answer the one upload's state (never a server error), and the
    upload must then complete."""
    with platform.showing_logs():
        bases = platform.bases
        tokens = [login(base, "zhang") for base in bases]
        data = os.urandom(50_000)
        sha = hashlib.sha256(data).hexdigest()
        starts = 8
        barrier = threading.Barrier(starts, timeout=60)

        def start(n: int) -> requests.Response:
            barrier.wait()
            return requests.post(f"{bases[n % 2]}/blobs/{sha}", json={"size": len(data)},
                                 headers=tokens[n % 2], timeout=HTTP_TIMEOUT_S)

        with ThreadPoolExecutor(max_workers=starts) as pool:
            answers = list(pool.map(start, range(starts)))
        failed = [f"POST /api/v1/blobs/{sha} {{'size': {len(data)}}} through {bases[n % 2]}: "
                  f"{a.status_code} {a.text}" for n, a in enumerate(answers)
                  if a.status_code != 200]
        assert not failed, "\n".join(failed)
        assert all(a.json() == {"sha256": sha, "size": len(data), "offset": 0,
                                "verified": False} for a in answers)
        done = requests.put(f"{bases[1]}/blobs/{sha}", params={"offset": 0}, data=data,
                            headers=tokens[1], timeout=HTTP_TIMEOUT_S)
        assert done.status_code == 200 and done.json()["verified"], done.text
        assert requests.get(f"{bases[0]}/blobs/{sha}", headers=tokens[0],
                            timeout=HTTP_TIMEOUT_S).content == data
