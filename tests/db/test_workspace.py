"""Where a workspace lives and what opening one creates."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.services.workspace import open_workspace
from inspector.services.workspace_location import DATA_DIR_ENV, default_data_dir, resolve_data_dir


def test_data_dir_option_wins_over_the_environment(tmp_path: Path) -> None:
    chosen = resolve_data_dir(str(tmp_path / "option"), {DATA_DIR_ENV: str(tmp_path / "env")})
    assert chosen == tmp_path / "option"


def test_environment_is_used_without_the_option(tmp_path: Path) -> None:
    assert resolve_data_dir(None, {DATA_DIR_ENV: str(tmp_path / "env")}) == tmp_path / "env"
    assert resolve_data_dir("", {DATA_DIR_ENV: str(tmp_path / "env")}) == tmp_path / "env"


def test_platform_folder_is_the_last_resort() -> None:
    assert resolve_data_dir(None, {}) == default_data_dir()
    assert resolve_data_dir(None, {DATA_DIR_ENV: ""}) == default_data_dir()
    assert "inspector" in default_data_dir().parts[-1].lower()


def test_relative_and_home_paths_are_made_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert resolve_data_dir("ws", {}) == tmp_path / "ws"
    assert resolve_data_dir(None, {DATA_DIR_ENV: "~/ws"}) == tmp_path / "home" / "ws"


def test_opening_creates_missing_parent_folders(tmp_path: Path) -> None:
    root = tmp_path / "a" / "b" / "workspace"
    workspace = open_workspace(root)
    try:
        assert workspace.paths.database == root / "inspector.sqlite"
        assert workspace.paths.database.is_file()
        assert workspace.store.db_path == workspace.paths.database
    finally:
        workspace.store.close()
