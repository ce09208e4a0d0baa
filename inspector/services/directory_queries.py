"""Reading the directories for screens and reports.

Contract: each function opens its own read transaction on the calling (DB) thread and
returns frozen data. :class:`EntityDirectory` also carries one lower-cased search text
per row, built here so that the UI thread's filter-as-you-type only does substring
tests.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from inspector.core.directory import CertificateState, certificate_state
from inspector.core.divisions import DivisionTable
from inspector.db.repositories.directory import (
    DirectoryCounts,
    EntityView,
    InspectorView,
    directory_counts,
    entity_views,
    inspector_views,
)
from inspector.services.store import Store


@dataclass(frozen=True, slots=True)
class EntityDirectory:
    """All live entities and, index for index, the text a filter searches."""

    rows: tuple[EntityView, ...]
    search_texts: tuple[str, ...]
    complete: bool = True


@dataclass(frozen=True, slots=True)
class InspectorDirectory:
    rows: tuple[InspectorView, ...]
    search_texts: tuple[str, ...]
    complete: bool = True


def load_entity_directory(
    store: Store, divisions: DivisionTable | None = None, limit: int | None = None
) -> EntityDirectory:
    """All live entities, or only the first ``limit`` (a first page to paint at once)."""
    with store.read() as session:
        rows = entity_views(session, limit)
    region_names: dict[str, str] = {}
    if divisions is not None:
        region_names = {d.code: d.name for d in divisions}
    texts = tuple(
        "\x1f".join((r.identifier, r.name, r.address, r.legal_representative, r.industry,
                     region_names.get(r.region_code, r.region_code))).casefold()
        for r in rows
    )
    return EntityDirectory(rows, texts, complete=limit is None or len(rows) < limit)


def load_inspector_directory(store: Store) -> InspectorDirectory:
    with store.read() as session:
        rows = inspector_views(session)
    texts = tuple(
        "\x1f".join((r.staff_id, r.name, r.unit, r.cert_number, " ".join(r.qualifications)))
        .casefold()
        for r in rows
    )
    return InspectorDirectory(rows, texts)


@dataclass(frozen=True, slots=True)
class DirectoryOverview:
    """Headline figures for the home screen."""

    counts: DirectoryCounts
    active_inspectors: int
    certificates: dict[CertificateState, int]  # among active inspectors
    risk_classes: dict[str, int]  # "A".."E", and "" for unclassified


def directory_overview(store: Store, today: date) -> DirectoryOverview:
    with store.read() as session:
        counts = directory_counts(session)
        inspectors = inspector_views(session)
        risks = session.connection().exec_driver_sql(
            "SELECT COALESCE(risk_class, ''), COUNT(*) FROM market_entity "
            "WHERE deleted_at IS NULL GROUP BY 1"
        ).all()
    active = [i for i in inspectors if i.active]
    states = Counter(
        certificate_state(i.cert_number, i.cert_valid_from, i.cert_valid_to, today)
        for i in active
    )
    return DirectoryOverview(
        counts=counts,
        active_inspectors=len(active),
        certificates={state: states.get(state, 0) for state in CertificateState},
        risk_classes={str(k): int(v) for k, v in risks},
    )
