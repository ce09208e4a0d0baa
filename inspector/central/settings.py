"""Settings of one ``inspector-central`` process, from options or the environment.

``INSPECTOR_CENTRAL_DB`` (a SQLAlchemy URL; default SQLite in the user data folder),
``INSPECTOR_CENTRAL_BLOBS`` (the blob store folder) and
``INSPECTOR_CENTRAL_TOKEN_DAYS`` (token lifetime, default 30 days: laptops work offline
for weeks). Several worker processes read the same environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import platformdirs

DB_ENV = "INSPECTOR_CENTRAL_DB"
BLOBS_ENV = "INSPECTOR_CENTRAL_BLOBS"
TOKEN_DAYS_ENV = "INSPECTOR_CENTRAL_TOKEN_DAYS"
MAX_CHUNK_BYTES = 8 * 1024 * 1024
MAX_BLOB_BYTES = 2 * 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    blobs: Path
    token_lifetime: timedelta = timedelta(days=30)

    @classmethod
    def resolve(cls, db_url: str | None = None, blobs: str | None = None,
                environ: Mapping[str, str] = os.environ) -> Settings:
        home = platformdirs.user_data_path("inspector-central", appauthor=False)
        url = db_url or environ.get(DB_ENV) or f"sqlite:///{home / 'central.sqlite'}"
        folder = Path(blobs or environ.get(BLOBS_ENV) or home / "blobs")
        days = int(environ.get(TOKEN_DAYS_ENV, "30"))
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        return cls(url, folder, timedelta(days=days))

    def environment(self) -> dict[str, str]:
        """The variables that make a worker process resolve these same settings."""
        return {DB_ENV: self.db_url, BLOBS_ENV: str(self.blobs),
                TOKEN_DAYS_ENV: str(self.token_lifetime.days)}
