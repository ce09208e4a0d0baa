"""Directory tables: market entities (对象名录库) and inspectors (执法检查人员名录库).

Entities are keyed for import by ``identifier`` (an 18-character USCC or a legacy
15-digit 注册号); inspectors by ``staff_id``. Both sync downstream from the central
platform and may also be imported locally by an administrator.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.db.base import Base, SyncMixin, enum_by_value


class MarketEntity(SyncMixin, Base):
    __tablename__ = "market_entity"
    __table_args__ = (Index("ix_market_entity_region_type", "region_code", "entity_type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str] = mapped_column(String(18), unique=True)
    identifier_kind: Mapped[IdentifierKind] = mapped_column(enum_by_value(IdentifierKind, 16))
    name: Mapped[str] = mapped_column(String(500))
    entity_type: Mapped[EntityType] = mapped_column(enum_by_value(EntityType, 16))
    region_code: Mapped[str] = mapped_column(String(6))
    address: Mapped[str] = mapped_column(String(500), default="")
    legal_representative: Mapped[str] = mapped_column(String(500), default="")
    industry: Mapped[str] = mapped_column(String(500), default="")
    risk_class: Mapped[RiskClass | None] = mapped_column(enum_by_value(RiskClass, 1))
    registration_status: Mapped[RegistrationStatus] = mapped_column(
        enum_by_value(RegistrationStatus, 16)
    )


class Inspector(SyncMixin, Base):
    __tablename__ = "inspector"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str] = mapped_column(String(500), index=True)
    region_code: Mapped[str] = mapped_column(String(6))
    cert_number: Mapped[str] = mapped_column(String(500), default="")
    cert_authority: Mapped[str] = mapped_column(String(500), default="")
    cert_valid_from: Mapped[date | None] = mapped_column(Date)
    cert_valid_to: Mapped[date | None] = mapped_column(Date)
    qualifications: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
