"""Laptop processes for the crash test, forked from one that has imported everything.

Run as ``python -m tests.sync.crash_worker DATA_DIR SERVER USER``; the first line on
standard input is the sign-in token, then commands, one per line:

- ``fork``: start a laptop process, answered ``child <pid>``; the child opens the
  workspace, prints ``<pid> ready``, then captures inspections and syncs forever,
  printing ``<pid> captured <uuid>`` after each capture commits;
- ``reap <pid>``: wait for that (killed) child, answered ``reaped <pid>``.

Forking keeps a start at a few milliseconds instead of the seconds imports take, so a
hundred kills fit in the test suite. The parent opens no database before forking.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from inspector.core.lifecycles import InspectionStatus
from inspector.db.models import Finding, Inspection, MarketEntity
from inspector.services.sync_session import Connection, run_sync
from inspector.services.workspace import open_workspace
from inspector.sync.credentials import CredentialStore
from inspector.sync.database import InlineDatabase


def laptop(data: Path, connection: Connection, token: str) -> None:
    pid = os.getpid()
    workspace = open_workspace(data)
    credentials = CredentialStore()
    credentials.save(connection.server, connection.username, token)
    print(f"{pid} ready", flush=True)
    while True:
        with workspace.store.write() as session:
            entity_id = session.scalar(select(MarketEntity.id).order_by(MarketEntity.id))
            captured = ""
            if entity_id is not None:
                now = datetime.now(UTC)
                inspection = Inspection(entity_id=entity_id, status=InspectionStatus.FINALIZED,
                                        started_at=now, finalized_at=now, result_codes=["1"])
                session.add(inspection)
                session.flush()
                for number in range(5):
                    session.add(Finding(inspection_id=inspection.id, item_key=f"k{number}",
                                        answer="符合", note=""))
                captured = inspection.uuid
        if captured:
            print(f"{pid} captured {captured}", flush=True)
        run_sync(workspace.paths, InlineDatabase(workspace.store), connection, credentials)


def main() -> None:
    data, connection = Path(sys.argv[1]), Connection(sys.argv[2], sys.argv[3])
    token = sys.stdin.readline().strip()
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "fork":
            child = os.fork()
            if child == 0:
                try:
                    laptop(data, connection, token)
                finally:
                    os._exit(1)
            print(f"child {child}", flush=True)
        elif command == "reap":
            os.waitpid(int(argument), 0)
            print(f"reaped {argument}", flush=True)


if __name__ == "__main__":
    main()
