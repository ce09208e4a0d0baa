"""Fixtures for integration tests: an open workspace and a folder for input files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.services.workspace import Workspace, open_workspace


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    """A freshly created workspace; its engine is disposed after the test."""
    opened = open_workspace(data_dir)
    try:
        yield opened
    finally:
        opened.store.close()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """Where the files to import are written (outside the workspace, as in real use)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder
