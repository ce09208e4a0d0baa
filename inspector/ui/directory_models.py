"""Table models of the directory screen: market entities and inspectors.

Contract: main thread. Both are :class:`SnapshotTableModel` s with named columns over
frozen views; certificate states are judged against the date the model is given
("today" in the app, a fixed date in tests).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from inspector.core.directory import CertificateState, certificate_state
from inspector.core.divisions import DivisionTable
from inspector.core.text import Lang, LocalText
from inspector.db.repositories.directory import EntityView, InspectorView
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel

_RISK_BRUSHES = {"D": QBrush(QColor("#fde2c8")), "E": QBrush(QColor("#f8c9c4"))}
_CERT_BRUSHES = {
    CertificateState.EXPIRED: QBrush(QColor("#f8c9c4")),
    CertificateState.MISSING: QBrush(QColor("#f8c9c4")),
    CertificateState.NOT_YET_VALID: QBrush(QColor("#fde2c8")),
}
CERT_STATE_TEXT = {
    CertificateState.VALID: LocalText("有效", "valid"),
    CertificateState.EXPIRED: LocalText("已过期", "expired"),
    CertificateState.NOT_YET_VALID: LocalText("未生效", "not yet valid"),
    CertificateState.MISSING: LocalText("无证件", "no certificate"),
}


class EntityTableModel(SnapshotTableModel[EntityView]):
    """Market entities: code, name, type, region, address, legal rep, industry, risk, status."""

    def __init__(self, divisions: DivisionTable, lang: Lang,
                 parent: QObject | None = None) -> None:
        def region_name(row: EntityView, _lang: Lang) -> str:
            division = divisions.get(row.region_code)
            return division.name if division else row.region_code

        columns: list[Column[EntityView]] = [
            Column(lambda: self.tr("Credit code"), lambda r, _l: r.identifier),
            Column(lambda: self.tr("Name"), lambda r, _l: r.name),
            Column(lambda: self.tr("Type"), lambda r, lang: r.entity_type.label(lang)),
            Column(lambda: self.tr("Region"), region_name,
                   tooltip=lambda r, _l: divisions.full_name(r.region_code) or r.region_code),
            Column(lambda: self.tr("Address"), lambda r, _l: r.address),
            Column(lambda: self.tr("Legal representative"), lambda r, _l: r.legal_representative),
            Column(lambda: self.tr("Industry"), lambda r, _l: r.industry),
            Column(lambda: self.tr("Risk"),
                   lambda r, _l: r.risk_class.value if r.risk_class else "—",
                   sort_key=lambda r: r.risk_class.value if r.risk_class else "Z",
                   background=lambda r: _RISK_BRUSHES.get(r.risk_class.value)
                   if r.risk_class else None),
            Column(lambda: self.tr("Status"), lambda r, lang: r.registration_status.label(lang)),
        ]
        super().__init__(columns, lang, parent)


class InspectorTableModel(SnapshotTableModel[InspectorView]):
    """Inspectors with their certificate and its state on ``today``."""

    def __init__(self, today: date, lang: Lang, parent: QObject | None = None) -> None:
        def state(row: InspectorView) -> CertificateState:
            return certificate_state(row.cert_number, row.cert_valid_from, row.cert_valid_to,
                                     today)

        def valid_to(row: InspectorView, _lang: Lang) -> str:
            return row.cert_valid_to.isoformat() if row.cert_valid_to else "—"

        def active(row: InspectorView, lang: Lang) -> str:
            return (LocalText("在岗", "active") if row.active else LocalText("不在岗", "inactive")
                    ).render(lang)

        columns: list[Column[InspectorView]] = [
            Column(lambda: self.tr("Staff id"), lambda r, _l: r.staff_id),
            Column(lambda: self.tr("Name"), lambda r, _l: r.name),
            Column(lambda: self.tr("Unit"), lambda r, _l: r.unit),
            Column(lambda: self.tr("Certificate no."), lambda r, _l: r.cert_number or "—"),
            Column(lambda: self.tr("Valid until"), valid_to,
                   sort_key=lambda r: r.cert_valid_to or date.min),
            Column(lambda: self.tr("Certificate"), lambda r, lang: CERT_STATE_TEXT[state(r)].render(
                lang), background=lambda r: _CERT_BRUSHES.get(state(r))),
            Column(lambda: self.tr("Qualifications"), lambda r, _l: "、".join(r.qualifications)),
            Column(lambda: self.tr("On duty"), active),
        ]
        super().__init__(columns, lang, parent)
