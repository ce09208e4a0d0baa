"""Root test configuration.

Qt must run offscreen on machines without a display, and that has to be decided
before anything imports Qt, so it is set here, at the top of the root conftest. The
translation catalogue is compiled from the committed ``.ts`` when it is missing or
stale, exactly as ``dev.sh`` does, so UI tests see the Chinese the app ships.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("INSPECTOR_LANG", "zh")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


def _compile_translations() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    if tool is None:
        return
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


_compile_translations()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty folder to hold one workspace."""
    folder = tmp_path / "workspace"
    folder.mkdir()
    return folder
