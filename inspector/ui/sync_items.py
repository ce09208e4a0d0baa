"""What waits to sync, as rows of a table: pending kinds, the file in flight, problems.

Contract: main thread. :func:`sync_rows` turns a frozen
:class:`~inspector.services.sync_status.SyncOverview` (and the files in flight, if any)
into frozen :class:`SyncItemRow` s; :class:`SyncItemsTableModel` shows them with every
reason in plain words in the user's language (the platform's reasons are English
technical sentences; the known ones are mapped to what the inspector should do).
Also the small formatters the sync screen and the indicator share (bytes, time left,
local times).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from inspector.core.text import Lang
from inspector.services.sync_status import KIND_LABELS, SyncOverview
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel

PENDING, SENDING, QUARANTINED, CONFLICT = "pending", "sending", "quarantined", "conflict"
_ORDER = {SENDING: 0, QUARANTINED: 1, CONFLICT: 2, PENDING: 3}
_BRUSHES = {QUARANTINED: QBrush(QColor("#f8c9c4")), CONFLICT: QBrush(QColor("#fdf0c8")),
            SENDING: QBrush(QColor("#d6e6f5"))}


@dataclass(frozen=True, slots=True)
class SyncItemRow:
    """One line of the sync table: a kind waiting, the file in flight, or one problem."""

    state: str
    kind: str
    count: int = 0
    uuid: str = ""
    reason: str = ""
    sent_hash: str | None = None
    server_hash: str | None = None
    attempts: int = 0
    sent: int = 0
    size: int = 0
    seconds_left: float | None = None


def sync_rows(overview: SyncOverview, sending: Sequence[SyncItemRow] = (),
              ) -> tuple[SyncItemRow, ...]:
    rows = list(sending)
    rows.extend(SyncItemRow(p.state, p.kind, 1, p.uuid, p.reason, p.sent_hash, p.server_hash,
                            p.attempts) for p in overview.problems)
    rows.extend(SyncItemRow(PENDING, p.kind, p.count) for p in overview.pending)
    return tuple(sorted(rows, key=lambda r: _ORDER.get(r.state, 9)))


def human_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover - the loop always returns


def local_time(iso: str | None) -> str:
    """An ISO 8601 UTC time as this computer's local date and time, to the minute."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class SyncItemsTableModel(SnapshotTableModel[SyncItemRow]):
    """The sync table: state, kind, record, what happened (plain words), versions."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[SyncItemRow]] = [
            Column(lambda: self.tr("State"), lambda r, _l: self.state_text(r.state),
                   background=lambda r: _BRUSHES.get(r.state)),
            Column(lambda: self.tr("Kind"), self._kind_text),
            Column(lambda: self.tr("Record"), lambda r, _l: self._record_text(r),
                   tooltip=lambda r, _l: r.uuid or r.kind),
            Column(lambda: self.tr("What happened"), lambda r, _l: self.reason_text(r),
                   tooltip=lambda r, _l: f"{self.reason_text(r)}\n{r.reason}".strip()),
            Column(lambda: self.tr("Versions"), lambda r, _l: self._versions_text(r),
                   tooltip=lambda r, _l: self._versions_text(r, full=True)),
        ]
        super().__init__(columns, lang, parent)

    def state_text(self, state: str) -> str:
        return {PENDING: self.tr("Waiting"), SENDING: self.tr("Sending"),
                QUARANTINED: self.tr("Refused"), CONFLICT: self.tr("Conflict")}.get(state, state)

    def role_text(self, role: str) -> str:
        return {"upload_copy": self.tr("photo (reduced copy)"),
                "original": self.tr("original photo"), "signature": self.tr("signature"),
                "document": self.tr("document")}.get(role, role)

    def _kind_text(self, row: SyncItemRow, lang: Lang) -> str:
        if row.state == SENDING:
            return self.role_text(row.kind)
        label = KIND_LABELS.get(row.kind)
        return label.render(lang) if label is not None else row.kind

    def _record_text(self, row: SyncItemRow) -> str:
        if row.state == PENDING:
            return self.tr("records: %1").replace("%1", f"{row.count:,}")
        return row.uuid[:8] + "…" if row.uuid else ""

    def _versions_text(self, row: SyncItemRow, full: bool = False) -> str:
        def short(digest: str | None) -> str:
            return (digest or "—") if full else (digest or "—")[:12]

        if row.state == CONFLICT:
            return self.tr("mine %1 · platform %2").replace("%1", short(row.sent_hash)).replace(
                "%2", short(row.server_hash))
        if row.state == QUARANTINED and row.sent_hash:
            return self.tr("sent %1").replace("%1", short(row.sent_hash))
        return ""

    def reason_text(self, row: SyncItemRow) -> str:
        if row.state == PENDING:
            return self.tr("Waiting to be sent at the next sync.")
        if row.state == SENDING:
            text = self.tr("%1 of %2 sent").replace("%1", human_bytes(row.sent)).replace(
                "%2", human_bytes(row.size))
            left = self.time_left(row.seconds_left)
            return f"{text} · {left}" if left else text
        return self.plain_reason(row.reason)

    def time_left(self, seconds: float | None) -> str:
        if seconds is None:
            return ""
        if seconds < 90:
            return self.tr("about %1 s left").replace("%1", str(max(1, round(seconds))))
        return self.tr("about %1 min left").replace("%1", str(round(seconds / 60)))

    def plain_reason(self, reason: str) -> str:
        """The platform's (or the engine's) reason as a sentence the inspector can act on."""
        for prefix, sentence in self._reasons():
            if reason.startswith(prefix):
                return sentence(reason[len(prefix):].strip(" :"))
        if not reason:
            return self.tr("The platform refused the record without giving a reason.")
        return self.tr("The platform refused the record: %1").replace("%1", reason)

    def _reasons(self) -> list[tuple[str, Callable[[str], str]]]:
        return [
            ("the body holds a NUL character", lambda _rest: self.tr(
                "The record contains an invisible control character (NUL) that the platform "
                "cannot store. Correct the text, then choose Retry.")),
            ("content_hash does not match", lambda _rest: self.tr(
                "The record changed while it was being sent, or was damaged on this computer. "
                "Choose Retry to send it again.")),
            ("the stored version differs", lambda _rest: self.tr(
                "Someone changed this record on the platform since your last sync. Compare "
                "the two versions; Keep my version sends yours as the newer one.")),
            ("changed on the platform while edited here", lambda _rest: self.tr(
                "This record was changed on the platform while you were editing it here. "
                "Keep my version sends yours as the newer one.")),
            ("append-only", lambda _rest: self.tr(
                "This record is final and cannot be changed; record a correction instead.")),
            ("unknown record kind", lambda _rest: self.tr(
                "The platform does not know this kind of record: it is older than this app.")),
            ("role ", lambda _rest: self.tr(
                "Your account's role may not send this kind of record.")),
            ("uuid already names", lambda _rest: self.tr(
                "Another record on the platform already uses this record's identifier.")),
            ("this record belongs to another account", lambda _rest: self.tr(
                "This record belongs to another account; you may not change it.")),
            ("storage error", lambda _rest: self.tr(
                "The platform could not store the record (a fault on the platform). "
                "Choose Retry later.")),
            ("not applied", lambda rest: self.tr(
                "A record received from the platform could not be applied here (%1). The "
                "next sync fetches what it needs and tries again.").replace("%1", rest)),
            ("invalid ", lambda rest: self.tr(
                "The platform found the record incomplete or invalid: %1").replace("%1", rest)),
            ("refused", lambda _rest: self.tr(
                "The platform refused the record without giving a reason.")),
        ]
