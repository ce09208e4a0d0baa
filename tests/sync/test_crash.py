"""SIGKILL the laptop process at random moments of capture and sync, 100 times.

Every inspection whose capture committed is on the laptop once and, after a final
sync, on the platform once; the platform holds nothing the laptop does not; SQLite's
integrity check passes after every kill.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import select

from inspector.db.models import Inspection
from tests.central.support import Central, item
from tests.sync.laptop import open_laptop
from tests.sync.test_engine import ENTITY, server_hashes

KILLS = 100
LINE_WAIT_S = 180  # a forked child opens the store under a loaded CI machine's pace
ROOT = Path(__file__).resolve().parents[2]


def integrity(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


class Zygote:
    """Talks to tests/sync/crash_worker.py (see its docstring)."""

    def __init__(self, data: Path, server: str, token: str, log: Path) -> None:
        self.log = log
        self._log_file = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.crash_worker", str(data), server, "zhang"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log_file,
            text=True, cwd=ROOT)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.send(token)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, prefix: str, seen: list[str]) -> str:
        """The next line starting with ``prefix``; every line read is kept in ``seen``."""
        while True:
            try:
                line = self.lines.get(timeout=LINE_WAIT_S)
            except queue.Empty:
                raise AssertionError(
                    f"no line starting {prefix!r} in {LINE_WAIT_S} s; last lines: "
                    f"{seen[-5:]}; the worker's stderr ends: "
                    f"{self.log.read_text(encoding='utf-8')[-2000:]!r}") from None
            seen.append(line)
            if line.startswith(prefix):
                return line

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.reader.join(timeout=30)
        self.process.stdout.close()
        self._log_file.close()


def test_killed_a_hundred_times_nothing_is_lost_or_doubled(sqlite_platform: Central,
                                                           tmp_path: Path) -> None:
    assert sqlite_platform.login("admin").push(item("entity", ENTITY))[0]["status"] == "stored"
    server = sqlite_platform.base.removesuffix("/api/v1")
    data = tmp_path / "laptop"
    with open_laptop(sqlite_platform, data, "zhang") as laptop:
        token = laptop.transport.token
    assert token is not None
    rng = random.Random(20261128)
    zygote = Zygote(data, server, token, tmp_path / "worker-stderr.log")
    seen: list[str] = []
    try:
        for _kill in range(KILLS):
            zygote.send("fork")
            pid = zygote.expect("child ", seen).split()[1]
            zygote.expect(f"{pid} ready", seen)
            time.sleep(rng.uniform(0.0, 0.5))
            os.kill(int(pid), signal.SIGKILL)
            zygote.send(f"reap {pid}")
            zygote.expect(f"reaped {pid}", seen)
            assert integrity(data / "inspector.sqlite") == "ok"
    finally:
        zygote.close()
    while not zygote.lines.empty():
        seen.append(zygote.lines.get())
    captured = {line.split()[2] for line in seen if " captured " in line}
    assert len(captured) >= KILLS // 2, "the kills came too early to test anything"
    with open_laptop(sqlite_platform, data, "zhang") as laptop:
        final = laptop.sync()
        assert final.outcome == "done" and final.still_pending == 0
        with laptop.store.read() as session:
            local = list(session.scalars(select(Inspection.uuid)))
        assert len(local) == len(set(local))
        assert captured <= set(local)
        on_server = server_hashes(sqlite_platform, "zhang", {"inspection", "finding"})
        assert on_server == laptop.local_hashes("inspection", "finding")
