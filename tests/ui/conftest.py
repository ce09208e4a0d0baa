"""Fixtures of the UI tests: one demo workspace per session, a fresh copy per test.

The demo county (5,000 entities, 40 inspectors) is built once through the ordinary
services and copied for every test, so each test starts from the same database and may
change it freely.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from inspector.services.demo_workspace import build_demo_workspace
from inspector.services.reference_data import load_divisions
from inspector.services.workspace import open_workspace
from tests.ui.helpers import TODAY, Launched, Launcher


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once per session; tests only ever open copies."""
    root = tmp_path_factory.mktemp("demo-template") / "workspace"
    workspace = open_workspace(root)
    try:
        # Without the shipped checklists: tests that fill one publish them
        # (tests/ui/test_drafts_screen.py), and the rest keep the directory-only demo.
        build_demo_workspace(workspace, load_divisions(), today=TODAY, with_checklists=False)
    finally:
        workspace.store.close()
    return root


@pytest.fixture
def workspace_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo workspace."""
    root = tmp_path / "demo-workspace"
    shutil.copytree(demo_template, root)
    return root


@pytest.fixture
def launch(workspace_dir: Path, qapp: QApplication) -> Iterator[Launcher]:
    """Starts main windows (on ``workspace_dir`` unless told otherwise); closes them after."""
    launcher = Launcher(workspace_dir)
    yield launcher
    launcher.close_all()


@pytest.fixture
def app_window(launch: Launcher) -> Launched:
    """The main window, in Chinese, acting as administrator, on a copy of the demo."""
    return launch()
