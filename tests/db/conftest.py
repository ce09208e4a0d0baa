"""Fixtures for database tests: a workspace opened (and migrated) in an empty folder."""

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
