"""Running poppler's tools on the PDFs the app writes, to read them back as a user would.

``bash dev.sh test`` installs poppler-utils; a machine without it fails these tests
with the package to install, rather than skipping the read-back the issues require.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest


def tool(name: str) -> str:
    """The path of poppler's ``name`` (pdftotext, pdftoppm, pdfinfo, …)."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"poppler's {name} is not installed (apt install poppler-utils)")
    return found


def run(*command: str) -> str:
    """``command``'s standard output; a failure or a minute's hang fails the test."""
    return subprocess.run(command, check=True, capture_output=True, text=True,
                          timeout=60).stdout
