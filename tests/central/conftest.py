"""Fixtures of the central-platform tests: a real server on a free port, on each backend.

Every test that takes ``central`` runs twice: on SQLite and on the PostgreSQL cluster
that ``dev.sh test`` starts (its URL comes in INSPECTOR_TEST_POSTGRES). Each test gets
a database of its own. Without that variable PostgreSQL runs are skipped locally and
fail in CI, where a missing database is a broken setup, not a reason to pass.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.central.embedded import scratch_postgres_database
from tests.central.support import Central, running_server

BACKENDS = ["sqlite", "postgresql"]


def postgres_database(name: str) -> Iterator[str]:
    """Create a fresh database on the test cluster; drop it afterwards."""
    base = os.environ.get("INSPECTOR_TEST_POSTGRES")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("INSPECTOR_TEST_POSTGRES is not set: run the tests through dev.sh test")
        pytest.skip("no PostgreSQL test cluster (run through `bash dev.sh test`)")
    with scratch_postgres_database(base, name) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.sqlite'}"
    else:
        yield from postgres_database(f"t_{uuid.uuid4().hex[:16]}")


@pytest.fixture
def central(database_url: str, tmp_path: Path) -> Iterator[Central]:
    with running_server(database_url, tmp_path / "blobs") as server:
        yield server
