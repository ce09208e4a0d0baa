"""Signing in to the central platform and running a sync for one workspace.

Contract: :func:`sign_in` logs in with a password, enrolls the workspace's device
(the server reserves its sample-code prefix, stored in the workspace) and keeps the
token in the :class:`CredentialStore`; the password itself is never kept.
:func:`run_sync` runs the engine with the stored token and records the outcome in the
workspace settings (last successful sync, server, user). An expired or revoked token
ends the run as ``signed_out`` with everything still queued: the caller asks for the
password again. Both run on the calling thread (the command line, or a pool thread of
the app through the DB worker's database); neither may run on the UI thread.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from inspector.db.content_store import ContentStore
from inspector.db.models import WorkspaceSetting
from inspector.services.workspace import Workspace, WorkspacePaths
from inspector.sync.credentials import CredentialStore
from inspector.sync.database import Database
from inspector.sync.engine import DONE, SyncEngine, SyncOptions, SyncReport
from inspector.sync.protocol import DeviceInfo, UserInfo
from inspector.sync.transport import Transport

SERVER_KEY = "sync.server"
USER_KEY = "sync.user"
PREFIX_KEY = "sync.sample_prefix"
DIVISION_KEY = "sync.division"  # the signed-in account's division code (issues sample codes)
STAFF_KEY = "sync.staff_id"  # the signed-in inspector's staff id ("my tasks")
LAST_SUCCESS_KEY = "sync.last_success"
CA_FILE_KEY = "sync.ca_file"


@dataclass(frozen=True)
class Connection:
    """Where and as whom to sync, and which provincial CA to trust (None: the system's)."""

    server: str
    username: str
    ca_file: Path | None = None


def sign_in(workspace: Workspace, connection: Connection, password: str,
            credentials: CredentialStore) -> DeviceInfo:
    """Both halves of a sign-in on the calling thread (the command line)."""
    token, device, user = authenticate(connection, password, workspace.device_id)
    credentials.save(connection.server, connection.username, token)
    with workspace.store.write() as session:
        remember_sign_in(session, connection, device, user)
    return device


def authenticate(connection: Connection, password: str, device_id: str,
                 ) -> tuple[str, DeviceInfo, UserInfo]:
    """The network half of a sign-in: log in, enroll this device; returns the token, the
    device (its sample prefix) and who signed in (their division and staff id).

    Raises the transport's errors (wrong password: AuthError; no network: OfflineError).
    """
    transport = Transport(connection.server, ca_file=connection.ca_file)
    try:
        login = transport.login(connection.username, password, device_id)
        device = transport.enroll(device_id, _device_name())
    finally:
        transport.close()
    assert transport.token is not None
    return transport.token, device, login.user


def remember_sign_in(session: Session, connection: Connection, device: DeviceInfo,
                     user: UserInfo | None = None) -> None:
    """The database half: where and as whom this workspace syncs, its sample prefix, and
    the account's division and staff id (when the platform gave them)."""
    _put(session, SERVER_KEY, connection.server)
    _put(session, USER_KEY, connection.username)
    _put(session, PREFIX_KEY, device.sample_prefix)
    if user is not None:
        _put(session, DIVISION_KEY, user.region_code)
        _put(session, STAFF_KEY, user.staff_id or "")
    if connection.ca_file is not None:
        _put(session, CA_FILE_KEY, str(connection.ca_file))


def run_sync(paths: WorkspacePaths, db: Database, connection: Connection,
             credentials: CredentialStore, options: SyncOptions | None = None) -> SyncReport:
    """Run the engine on this thread, reaching the store through ``db``."""
    token = credentials.load(connection.server, connection.username)
    if token is None:
        return SyncReport(outcome="signed_out", message="not signed in on this computer")
    transport = Transport(connection.server, token=token, ca_file=connection.ca_file)
    engine = SyncEngine(db, ContentStore(paths.files), transport)
    try:
        report = engine.run(options)
    finally:
        transport.close()
    if report.outcome == DONE:
        db.write(partial(_put, key=LAST_SUCCESS_KEY, value=report.finished_at))
    return report


def saved_connection(workspace: Workspace) -> Connection | None:
    with workspace.store.read() as session:
        server = session.get(WorkspaceSetting, SERVER_KEY)
        user = session.get(WorkspaceSetting, USER_KEY)
        ca_file = session.get(WorkspaceSetting, CA_FILE_KEY)
        if server is None or user is None:
            return None
        return Connection(server.value, user.value,
                          Path(ca_file.value) if ca_file is not None else None)


def _put(session: Session, key: str, value: str) -> None:
    setting = session.get(WorkspaceSetting, key)
    if setting is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        setting.value = value


def _device_name() -> str:
    return platform.node() or "laptop"
