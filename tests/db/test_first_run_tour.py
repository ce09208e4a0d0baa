"""The first-run tour's record in the workspace: read, written, and left out of the audit log."""

from __future__ import annotations

from sqlalchemy import func, select

from inspector.db.models import AuditEvent, WorkspaceSetting
from inspector.services.changes import NO_CHANGES
from inspector.services.first_run_tour import (
    SETTING_KEY,
    TourEnding,
    TourStatus,
    record_tour_ending,
    tour_status,
)
from inspector.services.workspace import Workspace


def _audit_events(workspace: Workspace) -> int:
    with workspace.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_a_new_workspace_has_not_had_the_tour(workspace: Workspace) -> None:
    status = tour_status(workspace)
    assert status == TourStatus(None)
    assert not status.done


def test_skipping_then_finishing_is_remembered_without_an_audit_event(
        workspace: Workspace) -> None:
    events = _audit_events(workspace)

    skipped = record_tour_ending(workspace, TourEnding.SKIPPED)

    assert skipped.value == TourStatus(TourEnding.SKIPPED) and skipped.value.done
    assert skipped.changes == NO_CHANGES
    assert tour_status(workspace).ending is TourEnding.SKIPPED

    finished = record_tour_ending(workspace, TourEnding.FINISHED)

    assert finished.value.ending is TourEnding.FINISHED
    assert tour_status(workspace).ending is TourEnding.FINISHED
    with workspace.store.read() as session:
        stored = session.get(WorkspaceSetting, SETTING_KEY)
        assert stored is not None and stored.value == "finished"
    assert _audit_events(workspace) == events


def test_a_value_this_version_does_not_know_offers_the_tour_again(workspace: Workspace) -> None:
    with workspace.store.write() as session:
        session.merge(WorkspaceSetting(key=SETTING_KEY, value="seen-in-version-9"))

    assert not tour_status(workspace).done
