"""One sync run: push records, send files, pull feeds, then check both sides agree.

Contract: :meth:`SyncEngine.run` never raises for a network problem; it returns a
:class:`SyncReport` saying how far it got (``outcome`` ``done``, ``offline`` or
``signed_out``) and everything it counted. Each step commits as it goes, so a run cut
at any point loses nothing and the next run continues:

1. push every pending record of the upstream kinds in batches of at most
   ``MAX_PUSH_ITEMS``; each answer is applied in one transaction with its batch;
2. send queued files (upload copies first; originals only when ``originals`` is set);
3. pull each feed from its cursor, one transaction per page, cursor included, and tell
   the server the new checkpoint;
4. compare each feed's per-kind counts and digests with the server's; a feed that
   differs is read again from the start and settled (a scoped resync), once per run.

It runs on the caller's thread, which must not be the UI thread; database work goes
through the :class:`~inspector.sync.database.Database` it was given.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial

from inspector.db.content_store import ContentStore
from inspector.sync import inbox, outbox
from inspector.sync.catalogue import FEEDS, KINDS
from inspector.sync.database import Database
from inspector.sync.kinds import SyncKind
from inspector.sync.protocol import MAX_FEED_PAGE, MAX_PUSH_ITEMS, PushResult
from inspector.sync.transport import AuthError, OfflineError, ServerError, Transport
from inspector.sync.uploads import FileProgress, UploadCounts, Uploader

DONE, OFFLINE, SIGNED_OUT, FAILED = "done", "offline", "signed_out", "failed"
PUSH_CONNECTIONS = 3


@dataclass(frozen=True)
class SyncReport:
    outcome: str = DONE
    message: str = ""
    started_at: str = ""
    finished_at: str = ""
    seconds: float = 0.0
    stored: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refused: int = 0
    files_verified: int = 0
    files_quarantined: int = 0
    files_left: int = 0
    pulled: int = 0
    pull_conflicts: int = 0
    set_aside: int = 0
    resynced_feeds: tuple[str, ...] = ()
    bytes_sent: int = 0
    retries: int = 0
    still_pending: int = 0
    # Seconds spent in each step (the diagnostic bundle and the benchmark show them).
    push_s: float = 0.0
    files_s: float = 0.0
    pull_s: float = 0.0
    check_s: float = 0.0


@dataclass
class SyncOptions:
    originals: bool = False
    push_batch: int = MAX_PUSH_ITEMS
    feed_page: int = MAX_FEED_PAGE
    feeds: Sequence[str] = field(default_factory=lambda: FEEDS)
    on_progress: Callable[[FileProgress], None] | None = None


class SyncEngine:
    def __init__(self, database: Database, store: ContentStore, transport: Transport,
                 kinds: Sequence[SyncKind] = KINDS) -> None:
        self._db, self._store, self._http = database, store, transport
        self._kinds = tuple(kinds)
        self._by_name: Mapping[str, SyncKind] = {k.name: k for k in self._kinds}

    def run(self, options: SyncOptions | None = None) -> SyncReport:
        options = options or SyncOptions()
        started, clock = datetime.now(UTC), time.monotonic()
        report = SyncReport(started_at=started.isoformat(timespec="seconds"))
        sent_before, retries_before = self._http.counters.bytes_sent, self._http.counters.retries
        try:
            step = time.monotonic()
            files_link = self._http.clone()
            uploader = Uploader(self._db, self._store, files_link,
                                on_progress=options.on_progress)
            pushed = threading.Event()
            try:
                with ThreadPoolExecutor(1, thread_name_prefix="inspector-files") as files:
                    sending = files.submit(self._send_files, uploader, options, pushed)
                    try:
                        report = self._push(report, options)
                    finally:
                        pushed.set()
                    report = replace(report, push_s=_since(step))
                    uploads = sending.result()
            finally:
                files_link.close()
            report = replace(report, files_verified=uploads.verified,
                             files_quarantined=uploads.quarantined, files_left=uploads.left,
                             files_s=_since(step))
            step = time.monotonic()
            for feed in options.feeds:
                report = self._pull(report, feed, options)
            report, step = replace(report, pull_s=_since(step)), time.monotonic()
            report = self._check(report, options)
            report = replace(report, check_s=_since(step))
        except OfflineError as exc:
            report = replace(report, outcome=OFFLINE, message=str(exc))
        except AuthError as exc:
            report = replace(report, outcome=SIGNED_OUT, message=f"{exc.code}: {exc}")
        except ServerError as exc:
            report = replace(report, outcome=FAILED, message=str(exc))
        pending = self._db.read(lambda s: len(outbox.pending_keys(s, self._kinds)))
        return replace(
            report, finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
            seconds=round(time.monotonic() - clock, 3), still_pending=pending,
            bytes_sent=self._http.counters.bytes_sent - sent_before,
            retries=self._http.counters.retries - retries_before)

    # -- steps ---------------------------------------------------------------------------

    def _send_files(self, uploader: Uploader, options: SyncOptions,
                    pushed: threading.Event) -> UploadCounts:
        """Send files while records are still being pushed (a file is queued only once its
        record is acknowledged, so records still go first), so the link never waits for
        the last batches' answers; then, once every record is in, send what is left,
        originals last and only if allowed."""
        verified = quarantined = 0
        while True:
            finished = pushed.is_set()
            counts = uploader.run(originals=options.originals and finished)
            verified, quarantined = verified + counts.verified, quarantined + counts.quarantined
            if finished:
                return UploadCounts(verified, quarantined, counts.left)
            if not counts.verified and not counts.quarantined:
                pushed.wait(0.2)  # nothing queued yet: wait for answers to queue some

    def _push(self, report: SyncReport, options: SyncOptions) -> SyncReport:
        keys = self._db.read(lambda s: outbox.pending_keys(s, self._kinds))
        kinds = dict(self._by_name)
        batches = [keys[i:i + options.push_batch] for i in range(0, len(keys), options.push_batch)]
        if not batches:
            return report

        def build(batch: list[outbox.PendingKey]) -> outbox.Outgoing:
            return self._db.read(partial(outbox.build_items, kinds=kinds, keys=batch))

        # While batches travel (on up to PUSH_CONNECTIONS connections, so the link never
        # idles waiting for an answer), the next is read and hashed here; answers are
        # applied in batch order.
        links = [self._http] + [self._http.clone()
                                for _ in range(min(PUSH_CONNECTIONS, len(batches)) - 1)]
        in_flight: deque[tuple[outbox.Outgoing, Future[list[PushResult]]]] = deque()
        try:
            with ThreadPoolExecutor(1, thread_name_prefix="inspector-sync-build") as builder, \
                    ThreadPoolExecutor(len(links), thread_name_prefix="inspector-push") as senders:
                upcoming = builder.submit(build, batches[0])
                for number in range(len(batches)):
                    outgoing = upcoming.result()
                    if number + 1 < len(batches):
                        upcoming = builder.submit(build, batches[number + 1])
                    if outgoing.items:
                        link = links[number % len(links)]
                        in_flight.append((outgoing, senders.submit(link.push, outgoing.items)))
                    last = number + 1 == len(batches)
                    while in_flight and (len(in_flight) >= len(links) or last):
                        sent, answer = in_flight.popleft()
                        report = self._record(report, kinds, sent, answer.result())
        finally:
            for link in links[1:]:
                link.close()
        return report

    def _record(self, report: SyncReport, kinds: dict[str, SyncKind],
                sent: outbox.Outgoing, answers: list[PushResult]) -> SyncReport:
        counts = self._db.write(partial(outbox.apply_answers, kinds=kinds, store=self._store,
                                        sent=sent, answers=answers))
        return replace(report, stored=report.stored + counts.stored,
                       unchanged=report.unchanged + counts.unchanged,
                       conflicts=report.conflicts + counts.conflict,
                       refused=report.refused + counts.refused)

    def _pull(self, report: SyncReport, feed: str, options: SyncOptions,
              seen: set[str] | None = None) -> SyncReport:
        position = 0 if seen is not None else self._db.read(partial(inbox.cursor, feed=feed))
        while True:
            # The records this laptop pushed are here already: a normal pull leaves them
            # out (half the traffic on a slow link); a resync re-reads everything.
            page = self._http.feed(feed, position, options.feed_page, others_only=seen is None)
            if seen is not None:
                seen.update(item.uuid for item in page.items)
            counts = self._db.write(partial(inbox.apply_page, kinds=self._by_name, page=page))
            report = replace(report, pulled=report.pulled + counts.applied,
                             pull_conflicts=report.pull_conflicts + counts.conflicts,
                             set_aside=report.set_aside + counts.set_aside)
            position = page.next_cursor
            if not page.has_more:
                break
        with suppress(ServerError):  # an unenrolled laptop keeps its cursor locally only
            self._http.save_checkpoint(feed, position)
        return report

    def _check(self, report: SyncReport, options: SyncOptions) -> SyncReport:
        resynced = []
        for feed in options.feeds:
            kinds = [k for k in self._kinds if k.feed == feed]
            if not kinds or self._agrees(feed, kinds):
                continue
            seen: set[str] = set()
            report = self._pull(report, feed, options, seen=seen)
            self._db.write(partial(inbox.forget_unseen, kinds=kinds, seen=seen))
            resynced.append(feed)
        if resynced:
            report = self._push(report, options)  # what the server turned out to lack
        return replace(report, resynced_feeds=tuple(resynced))

    def _agrees(self, feed: str, kinds: Sequence[SyncKind]) -> bool:
        server = {state.kind: state for state in self._http.state(feed).kinds}
        local = self._db.read(partial(inbox.local_states, kinds=kinds))
        for kind in kinds:
            theirs, ours = server.get(kind.name), local[kind.name]
            if theirs is None:
                continue  # the server does not know this kind (an older server)
            if (theirs.count, theirs.digest) != (ours.count, ours.digest):
                return False
        return True


def _since(start: float) -> float:
    return round(time.monotonic() - start, 3)
