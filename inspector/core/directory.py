"""The directories of 双随机: market entities (对象名录库) and inspectors (执法检查人员名录库).

Contract: pure value types. Enum values are what the database stores; labels give the
Chinese and English words users see. Records are frozen and validated by
:mod:`inspector.core.directory_rows` before they reach a service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inspector.core.credit_codes import IdentifierKind
from inspector.core.text import Lang, LocalText


class EntityType(StrEnum):
    """市场主体类型. USCC position 2 under department 9 gives 1/2/3."""

    ENTERPRISE = "enterprise"
    INDIVIDUAL = "individual"
    COOPERATIVE = "cooperative"
    OTHER = "other"

    def label(self, lang: Lang = Lang.ZH) -> str:
        return _ENTITY_TYPE_LABELS[self].render(lang)


_ENTITY_TYPE_LABELS = {
    EntityType.ENTERPRISE: LocalText("企业", "enterprise"),
    EntityType.INDIVIDUAL: LocalText("个体工商户", "individual business"),
    EntityType.COOPERATIVE: LocalText("农民专业合作社", "farmers' cooperative"),
    EntityType.OTHER: LocalText("其他", "other"),
}


def entity_type_from_uscc(code: str) -> EntityType | None:
    """Infer the entity type from a USCC registered with 市场监管 (department code 9)."""
    if len(code) != 18 or code[0] != "9":
        return None
    return {
        "1": EntityType.ENTERPRISE,
        "2": EntityType.INDIVIDUAL,
        "3": EntityType.COOPERATIVE,
    }.get(code[1], EntityType.OTHER)


class RiskClass(StrEnum):
    """Credit-risk class, A (lowest risk) to E (highest), as Hebei's platform pushes them."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


class RegistrationStatus(StrEnum):
    """登记状态 as found in the directory (and at inspection, codes 9-12 of the codebook)."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"
    REVOKED = "revoked"
    WITHDRAWN = "withdrawn"
    MOVED_OUT = "moved_out"

    def label(self, lang: Lang = Lang.ZH) -> str:
        return _STATUS_LABELS[self].render(lang)


_STATUS_LABELS = {
    RegistrationStatus.ACTIVE: LocalText("存续", "active"),
    RegistrationStatus.SUSPENDED: LocalText("停业", "suspended"),
    RegistrationStatus.CANCELLED: LocalText("注销", "deregistered"),
    RegistrationStatus.REVOKED: LocalText("吊销", "licence revoked"),
    RegistrationStatus.WITHDRAWN: LocalText("撤销", "registration withdrawn"),
    RegistrationStatus.MOVED_OUT: LocalText("迁出", "moved out"),
}


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A validated market entity, ready to store."""

    identifier: str
    identifier_kind: IdentifierKind
    name: str
    entity_type: EntityType
    region_code: str
    address: str
    legal_representative: str
    industry: str
    risk_class: RiskClass | None
    registration_status: RegistrationStatus


@dataclass(frozen=True, slots=True)
class InspectorRecord:
    """A validated inspector (执法人员), ready to store.

    ``cert_number`` is free text: no national format for 执法证号 is published.
    """

    staff_id: str
    name: str
    unit: str
    region_code: str
    cert_number: str
    cert_authority: str
    cert_valid_from: date | None
    cert_valid_to: date | None
    qualifications: tuple[str, ...]
    active: bool


class CertificateState(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    MISSING = "missing"


def certificate_state(
    cert_number: str, valid_from: date | None, valid_to: date | None, on: date
) -> CertificateState:
    """Whether a certificate lets its holder inspect on ``on``."""
    if not cert_number or valid_to is None:
        return CertificateState.MISSING
    if valid_from is not None and on < valid_from:
        return CertificateState.NOT_YET_VALID
    if on > valid_to:
        return CertificateState.EXPIRED
    return CertificateState.VALID
