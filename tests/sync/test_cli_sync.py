"""``inspector sync`` from the command line against the real platform."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from inspector.db.models import WorkspaceSetting
from inspector.services.sync_session import PREFIX_KEY
from inspector.services.workspace import open_workspace
from tests.central.support import PASSWORD, Central


def run_cli(args: list[str], data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INSPECTOR_LANG": "zh", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120, check=False)


def test_sign_in_sync_and_the_exit_codes(platform: Central, tmp_path: Path) -> None:
    server = platform.base.removesuffix("/api/v1")
    data = tmp_path / "laptop"
    first = run_cli(["sync", "--server", server, "--user", "zhang", "--password-stdin",
                     "--json"], data_dir=data, stdin=PASSWORD + "\n")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["outcome"] == "done" and report["still_pending"] == 0
    assert report["stored"] >= 1  # the workspace's own audit events went up
    assert "设备前缀" in first.stderr
    assert PASSWORD not in first.stdout + first.stderr

    # A new process on a machine without a keyring: the token lived for that run only.
    again = run_cli(["sync"], data_dir=data)
    assert again.returncode == 4, again.stdout + again.stderr
    assert "重新登录" in again.stdout

    wrong = run_cli(["sync", "--password-stdin"], data_dir=data, stdin="not the password\n")
    assert wrong.returncode == 4 and "登录失败" in wrong.stderr

    nowhere = run_cli(["sync", "--server", "http://127.0.0.1:9", "--user", "zhang",
                       "--password-stdin"], data_dir=tmp_path / "other", stdin=PASSWORD + "\n")
    assert nowhere.returncode == 3 and "无法连接平台" in nowhere.stderr

    workspace = open_workspace(data)
    with workspace.store.read() as session:
        prefix = session.get(WorkspaceSetting, PREFIX_KEY)
        assert prefix is not None and prefix.value
    workspace.store.close()
