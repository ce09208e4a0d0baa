"""The sync controller: signing in, sync runs and the link check, never on the UI thread.

Contract: a :class:`SyncController` lives on the main thread; its methods are called
there and its public signals are emitted there. Network work (``authenticate``,
``run_sync``, the health check) runs on ``ctx.compute``; its results come back through
private signals, which Qt queues to the main thread when they are emitted on a pool
thread (and delivers at once with the inline executors of the tests). Database work
goes through ops on the DB thread (the sign-in bookkeeping, the overview, the problem
actions, which commit there) or, for the engine, through
:class:`~inspector.ui.sync_ops.WorkerDatabase`. One sync runs at a time.

Tokens go only into the :class:`~inspector.sync.credentials.CredentialStore`; a
password lives in the locals of one sign-in and is logged nowhere. An expired or
revoked token ends a run as ``signed_out``: the dead token is forgotten, nothing queued
is touched, ``password_needed`` is emitted and the run resumes after the next sign-in.
A QTimer (``ctx.sync_interval_ms``; 0 turns it off) checks the link cheaply (one
``/health`` request, short timeouts) and starts a sync when the platform is reachable
and something waits or the last successful sync is older than the interval.

Signals: ``state_changed(LinkState)``, ``overview_loaded(SyncOverview)``,
``signed_in(DeviceInfo)``, ``sign_in_failed(str)`` (in the user's language),
``sync_started(bool)`` (originals), ``progressed(TransferProgress)``,
``finished(SyncReport)`` and ``password_needed()``.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from inspector.services.changes import Topic
from inspector.services.sync_session import Connection, authenticate, run_sync
from inspector.services.sync_status import SyncOverview
from inspector.sync.engine import DONE, FAILED, OFFLINE, SIGNED_OUT, SyncOptions, SyncReport
from inspector.sync.protocol import DeviceInfo, UserInfo
from inspector.sync.transport import OfflineError, Transport, TransportError
from inspector.sync.uploads import FileProgress
from inspector.ui import sync_ops
from inspector.ui.context import AppContext
from inspector.ui.sync_link import (
    CHECK_POLICY,
    LinkState,
    TransferProgress,
    normalized_server,
    sign_in_error_text,
)

log = logging.getLogger(__name__)
_MEASURE_AFTER_S = 0.5  # below this a measured rate says little: use the uploader's


class SyncController(QObject):
    state_changed = Signal(object)  # LinkState
    overview_loaded = Signal(object)  # SyncOverview
    signed_in = Signal(object)  # DeviceInfo
    sign_in_failed = Signal(str)
    sync_started = Signal(bool)
    progressed = Signal(object)  # TransferProgress
    finished = Signal(object)  # SyncReport
    password_needed = Signal()

    _authenticated = Signal(object, object, object)  # Connection, DeviceInfo, UserInfo
    _auth_failed = Signal(object)  # exception
    _file_progressed = Signal(object)  # FileProgress
    _sync_done = Signal(object)  # SyncReport
    _checked = Signal(bool, bool)  # online, sync if due

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._credentials = ctx.credentials
        self.connection: Connection | None = None
        self.overview: SyncOverview | None = None
        self.last_report: SyncReport | None = None
        self.transfer: TransferProgress | None = None  # the latest report of a file
        self.transfers: dict[str, TransferProgress] = {}  # every file still in flight
        self.online: bool | None = None
        self.running = False
        self.signing_in = False
        self.needs_password = False
        self._has_token = False
        self._checking = False
        self._resume: bool | None = None  # originals flag of a run cut by a sign-out
        self._run_originals = False
        self._started: dict[str, tuple[float, int]] = {}
        self._state = self.state
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.setInterval(max(ctx.sync_interval_ms, 0))
        self.timer.timeout.connect(self.check_connectivity)
        self._authenticated.connect(self._on_authenticated)
        self._auth_failed.connect(self._on_auth_failed)
        self._file_progressed.connect(self._on_file_progress)
        self._sync_done.connect(self._on_sync_done)
        self._checked.connect(self._on_checked)
        ctx.workspace_opened.connect(lambda _info: self._load())
        ctx.bus.changed.connect(lambda _changes: self.refresh())
        if ctx.workspace is not None:
            self._load()

    # -- state -------------------------------------------------------------------------------

    @property
    def state(self) -> LinkState:
        if self.signing_in:
            return LinkState.SIGNING_IN
        if self.running:
            return LinkState.SYNCING
        if self.connection is None:
            return LinkState.NOT_SIGNED_IN
        if self.needs_password:
            return LinkState.SIGNED_OUT
        if self.online is None:
            return LinkState.UNKNOWN
        return LinkState.ONLINE if self.online else LinkState.OFFLINE

    @property
    def persistent(self) -> bool:
        """Whether a sign-in survives a restart (a real system keyring exists)."""
        return self._credentials.persistent

    @property
    def has_token(self) -> bool:
        """Whether a token is stored for the connection (asked of the keyring once, when
        the saved connection loads; kept up to date by sign-ins and sign-outs since, so
        the timer never waits on a keyring on the UI thread)."""
        return self.connection is not None and self._has_token

    def _announce(self) -> None:
        state = self.state
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    # -- loading -----------------------------------------------------------------------------

    def _load(self) -> None:
        if self._closed:
            return
        self._ctx.db.submit(sync_ops.load_connection(), on_result=self._connection_loaded)
        self.refresh()

    def _connection_loaded(self, connection: Connection | None) -> None:
        if connection is None or self.connection is not None:
            return
        self.connection = connection
        self._has_token = self._credentials.load(connection.server,
                                                 connection.username) is not None
        # Signed in on an earlier run, but the token did not survive it (no keyring).
        self.needs_password = not self._has_token
        self._announce()
        self._start_timer()
        if self.timer.isActive():
            self.check_connectivity()

    def refresh(self) -> None:
        """Reload the overview (pending counts, problems, last success) through an op."""
        if self._ctx.workspace is None or self._closed:
            return
        self._ctx.db.submit(sync_ops.load_sync_overview(), on_result=self._overview_loaded)

    def _overview_loaded(self, overview: SyncOverview) -> None:
        self.overview = overview
        self.overview_loaded.emit(overview)

    def _start_timer(self) -> None:
        if self._ctx.sync_interval_ms > 0 and not self._closed and not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """The window closes: no more checks or runs are started."""
        self._closed = True
        self.timer.stop()

    # -- signing in ----------------------------------------------------------------------------

    def sign_in(self, server: str, username: str, password: str,
                ca_file: Path | None = None) -> bool:
        """Log in and enroll this computer on the pool; False if one is already going on."""
        info = self._ctx.workspace
        if info is None or self.signing_in:
            return False
        if ca_file is not None and not ca_file.is_file():
            self.sign_in_failed.emit(self.tr("The CA certificate file %1 does not exist.")
                                     .replace("%1", str(ca_file)))
            return False
        connection = Connection(normalized_server(server), username.strip(), ca_file)
        device_id = info.device_id
        credentials = self._credentials
        self.signing_in = True
        self._announce()
        log.info("signing in to %s as %s", connection.server, connection.username)

        def job() -> None:  # on the compute pool
            try:
                token, device, user = authenticate(connection, password, device_id)
                credentials.save(connection.server, connection.username, token)
            except Exception as exc:  # every failure is reported, in plain words
                self._emit("_auth_failed", exc)
                return
            self._emit("_authenticated", connection, device, user)

        self._ctx.compute.submit(job)
        return True

    def _on_authenticated(self, connection: Connection, device: DeviceInfo,
                          user: UserInfo) -> None:
        def remembered(_none: None) -> None:
            self.connection, self._has_token = connection, True
            self.signing_in, self.needs_password, self.online = False, False, True
            log.info("signed in; device prefix %s", device.sample_prefix)
            self._announce()
            self.signed_in.emit(device)
            self.refresh()
            self._start_timer()
            if self._resume is not None:
                originals, self._resume = self._resume, None
                self.sync_now(originals)

        def failed(error: BaseException) -> None:
            self._on_auth_failed(error)

        self._ctx.db.submit(sync_ops.remember_connection(connection, device, user),
                            on_result=remembered, on_error=failed)

    def _on_auth_failed(self, error: BaseException) -> None:
        self.signing_in = False
        if isinstance(error, OfflineError):
            self.online = False
        log.warning("sign-in failed: %s", type(error).__name__)
        self._announce()
        self.sign_in_failed.emit(sign_in_error_text(error))

    # -- syncing -------------------------------------------------------------------------------

    def sync_now(self, originals: bool = False) -> bool:
        """Start a run on the pool; False when one is running or there is nothing to sync."""
        info, connection = self._ctx.workspace, self.connection
        if info is None or connection is None or self.running or self._closed:
            return False
        self.running = True
        self.transfer = None
        self.transfers = {}
        self._started = {}
        self._run_originals = originals
        self._announce()
        self.sync_started.emit(originals)
        database = sync_ops.WorkerDatabase(self._ctx.db)
        paths, credentials = info.paths, self._credentials
        options = SyncOptions(originals=originals,
                              on_progress=lambda p: self._emit("_file_progressed", p))
        log.info("sync started (originals: %s)", originals)

        def job() -> None:  # on the compute pool
            try:
                report = run_sync(paths, database, connection, credentials, options)
            except Exception as exc:  # a local fault: report it, keep everything queued
                log.exception("sync run failed")
                report = SyncReport(outcome=FAILED, message=f"{type(exc).__name__}: {exc}",
                                    finished_at=datetime.now(UTC).isoformat(timespec="seconds"))
            self._emit("_sync_done", report)

        self._ctx.compute.submit(job)
        return True

    def _on_file_progress(self, progress: FileProgress) -> None:
        if not self.running:
            return  # a late report of a run already finished (inline executors)
        now = time.monotonic()
        started_at, started_sent = self._started.setdefault(progress.sha256, (now, progress.sent))
        elapsed = now - started_at
        rate = progress.bytes_per_s
        if elapsed >= _MEASURE_AFTER_S and progress.sent > started_sent:
            rate = (progress.sent - started_sent) / elapsed
        left = max(progress.size - progress.sent, 0)
        self.transfer = TransferProgress(progress.sha256, progress.role, progress.sent,
                                         progress.size, rate, left / rate if rate > 0 else None)
        # Files go up a few at a time: keep each one in flight, drop those completed.
        self.transfers[progress.sha256] = self.transfer
        if not left:
            del self.transfers[progress.sha256]
        self.progressed.emit(self.transfer)

    def _on_sync_done(self, report: SyncReport) -> None:
        self.running = False
        self.transfer = None
        self.transfers = {}
        self.last_report = report
        log.info("sync %s in %.1f s: stored %d, refused %d, conflicts %d, pulled %d, "
                 "still pending %d", report.outcome, report.seconds, report.stored,
                 report.refused, report.conflicts, report.pulled, report.still_pending)
        if report.outcome == OFFLINE:
            self.online = False
        elif report.outcome in (DONE, FAILED):
            self.online = True
        elif report.outcome == SIGNED_OUT:
            connection = self.connection
            if connection is not None:  # the token is dead: keep no copy of it
                self._credentials.forget(connection.server, connection.username)
            self.needs_password, self._has_token = True, False
            self._resume = self._run_originals
        self._announce()
        self.refresh()
        if report.pulled:
            # Any kind may have arrived (directory, tasks, checklists, referrals): every
            # screen that shows one reloads.
            self._ctx.bus.publish(frozenset(Topic))
        self.finished.emit(report)
        if report.outcome == SIGNED_OUT:
            self.password_needed.emit()

    # -- the link check ------------------------------------------------------------------------

    def check_connectivity(self, sync_if_due: bool = True) -> bool:
        """Ask the platform's ``/health`` on the pool; False when no check was started."""
        connection = self.connection
        if connection is None or self._checking or self.running or self._closed:
            return False
        self._checking = True

        def job() -> None:  # on the compute pool
            transport = Transport(connection.server, ca_file=connection.ca_file,
                                  policy=CHECK_POLICY)
            try:
                transport.health()
                online = True
            except (TransportError, OSError, ValueError):
                online = False
            finally:
                transport.close()
            self._emit("_checked", online, sync_if_due)

        self._ctx.compute.submit(job)
        return True

    def _on_checked(self, online: bool, sync_if_due: bool) -> None:
        self._checking = False
        if self._closed:
            return
        was = self.online
        self.online = online
        if was != online:
            log.info("platform %s", "reachable" if online else "unreachable")
        self._announce()
        if online and sync_if_due and self._due():
            self.sync_now()

    def _due(self) -> bool:
        overview = self.overview
        if self.running or self.needs_password or not self.has_token or overview is None:
            return False
        waiting = overview.pending_total + overview.files_queued - overview.originals_waiting
        if waiting > 0 or overview.last_success is None:
            return True
        try:
            last = datetime.fromisoformat(overview.last_success)
        except ValueError:
            return True
        age_ms = (datetime.now(UTC) - last).total_seconds() * 1000
        return age_ms >= self._ctx.sync_interval_ms

    # -- problem actions -----------------------------------------------------------------------

    def retry(self, uuid: str) -> None:
        """Put a quarantined record back in the queue, then send it if signed in."""
        self._ctx.db.submit(sync_ops.retry_problem(self._ctx.actor, uuid),
                            on_result=self._acted)

    def keep_mine(self, uuid: str) -> None:
        """Settle a conflict with this computer's version, then send it if signed in."""
        self._ctx.db.submit(sync_ops.keep_local(self._ctx.actor, uuid), on_result=self._acted)

    def _acted(self, done: bool) -> None:
        self.refresh()  # the op's audit change refreshes too; this covers a no-op
        if done and self.has_token and not self.needs_password:
            self.sync_now()

    # -- plumbing ------------------------------------------------------------------------------

    def _emit(self, name: str, *args: object) -> None:
        """Emit a private signal from a pool thread; the window may have gone meanwhile
        (the app closing), and with it this object."""
        try:
            signal: SignalInstance = getattr(self, name)
            signal.emit(*args)
        except RuntimeError:
            log.debug("sync controller gone before a result arrived")
