"""Fixtures of the sync tests: the real platform (SQLite and PostgreSQL, as the central
tests run it), accounts on it, and laptops (real workspaces) signed in to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.core.roles import Role
from tests.central.conftest import central, database_url  # noqa: F401  (shared fixtures)
from tests.central.support import Central, running_server
from tests.sync.laptop import Laptop, open_laptop


@pytest.fixture
def platform(central: Central) -> Central:  # noqa: F811
    """Unit ZD with inspector zhang (staff ZD001), team lead lead, administrator admin."""
    central.add_unit("ZD", "130123", "正定县市场监督管理局")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    central.add_user("lead", Role.TEAM_LEAD, "ZD")
    central.add_user("admin", Role.ADMINISTRATOR, "ZD")
    return central


@pytest.fixture
def sqlite_platform(tmp_path: Path) -> Iterator[Central]:
    """The same accounts on a platform on SQLite only, for tests of the laptop's side."""
    with running_server(f"sqlite:///{tmp_path / 'central.sqlite'}", tmp_path / "blobs") as made:
        made.add_unit("ZD", "130123", "正定县市场监督管理局")
        made.add_user("zhang", Role.INSPECTOR, "ZD")
        made.add_user("admin", Role.ADMINISTRATOR, "ZD")
        yield made


@pytest.fixture
def laptop(platform: Central, tmp_path: Path) -> Iterator[Laptop]:
    with open_laptop(platform, tmp_path / "laptop", "zhang") as made:
        yield made
