"""The Chinese catalogue covers every translatable string in the UI code, finished.

``pyside6-lupdate`` re-extracts the strings into a scratch copy of the committed .ts;
if the code gained a string the catalogue lacks, the copy grows an unfinished entry.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "inspector_zh_CN.ts"


def unfinished(path: Path) -> list[str]:
    tree = ET.parse(path)
    return [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if (message.find("translation") is None
            or message.find("translation").get("type") in {"unfinished", "obsolete", "vanished"}
            or not (message.findtext("translation") or "").strip())
    ]


def test_committed_catalogue_has_no_unfinished_entries() -> None:
    assert unfinished(TS) == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    scratch = tmp_path / TS.name
    shutil.copy(TS, scratch)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "inspector" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(scratch)], check=True,
                   capture_output=True)
    assert unfinished(scratch) == []
