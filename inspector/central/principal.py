"""Who is calling: bearer-token authentication and the scope rules every endpoint applies.

Contract: :func:`authenticate` turns an ``Authorization: Bearer`` header into a
:class:`Principal` or raises 401 with a precise code (no token, unknown, expired,
revoked, device revoked). Scope: inspectors and team leads act within their unit;
administrators and auditors within their region (a province code covers its cities
and counties); auditors never write. Laboratories (``Role.LAB``) neither push, upload
nor read feeds, blobs or devices: they follow and record custody through
:mod:`.custody` alone, which applies its own scope (the lab's region).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.orm import Session

from inspector.central.errors import ApiError, forbidden, unauthenticated
from inspector.central.kinds import Visibility
from inspector.central.models import AccessToken, Account, Device, Record, RecordAudience, Unit
from inspector.central.security import token_digest
from inspector.core.roles import Role
from inspector.sync.protocol import ErrorCode


@dataclass(frozen=True, slots=True)
class Principal:
    account_id: int
    username: str
    role: Role
    unit_id: int
    unit_code: str
    region_code: str
    device_id: int | None
    token_id: int
    staff_id: str | None = None

    @property
    def region_prefix(self) -> str:
        return region_prefix(self.region_code)

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            allowed = ", ".join(r.value for r in roles)
            raise forbidden(f"role {self.role.value} may not do this (needs {allowed})")

    def require_writer(self) -> None:
        if self.role is Role.AUDITOR:
            raise forbidden("auditors have read-only access")
        self.require_syncing()

    def require_syncing(self) -> None:
        """Refuse laboratories: they use the custody endpoints, not the sync ones."""
        if self.role is Role.LAB:
            raise forbidden("laboratory accounts push and read no records; they follow and "
                            "record custody under /custody/{portion_code} "
                            "(检验机构账号只通过样品流转接口查看和记录流转)")

    def covers(self, unit_id: int, region_code: str) -> bool:
        """Whether a unit-and-region scoped object is within this principal's scope."""
        if self.role is Role.LAB:
            return False  # a lab holds nothing of a unit; custody has its own scope
        if self.role in (Role.ADMINISTRATOR, Role.AUDITOR):
            return region_code.startswith(self.region_prefix)
        return unit_id == self.unit_id

    def visible(self, visibility: Visibility) -> ColumnElement[bool]:
        """The SQL condition on ``record`` for records of that visibility."""
        if visibility is Visibility.EVERYONE:
            return true()
        if self.role is Role.LAB:
            return false()
        if self.role in (Role.ADMINISTRATOR, Role.AUDITOR):
            return Record.region_code.startswith(self.region_prefix, autoescape=True)
        if visibility is Visibility.UNIT or self.role is Role.TEAM_LEAD:
            return Record.unit_id == self.unit_id
        if visibility is Visibility.ASSIGNED:
            if self.staff_id is None:
                return false()
            assigned = select(RecordAudience.id).where(
                RecordAudience.record_id == Record.id, RecordAudience.staff_id == self.staff_id)
            return and_(Record.unit_id == self.unit_id, assigned.exists())
        return and_(Record.unit_id == self.unit_id, Record.owner_id == self.account_id)


def region_prefix(code: str) -> str:
    """``130000`` covers ``13``, ``130100`` covers ``1301``, a county only itself."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def authenticate(session: Session, authorization: str | None) -> Principal:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise unauthenticated()
    token = authorization[7:].strip()
    row = session.execute(
        select(AccessToken, Account, Unit)
        .join(Account, Account.id == AccessToken.account_id)
        .join(Unit, Unit.id == Account.unit_id)
        .where(AccessToken.token_hash == token_digest(token))
    ).one_or_none()
    if row is None:
        raise unauthenticated()
    access, account, unit = row
    # The device first: revoking a device also revokes its tokens, and the laptop should
    # be told the real reason (it must not simply ask for the password again).
    if access.device_id is not None:
        device = session.get(Device, access.device_id)
        if device is None or device.revoked_at is not None:
            raise ApiError(401, ErrorCode.DEVICE_REVOKED,
                           "this device was revoked; ask an administrator")
    if access.revoked_at is not None:
        raise unauthenticated(ErrorCode.TOKEN_REVOKED, "this token was revoked; sign in again")
    if access.expires_at <= datetime.now(UTC):
        raise unauthenticated(ErrorCode.TOKEN_EXPIRED, "this token has expired; sign in again")
    if not account.active:
        raise unauthenticated(ErrorCode.TOKEN_REVOKED, "this account is disabled")
    return Principal(
        account_id=account.id,
        username=account.username,
        role=Role(account.role),
        unit_id=unit.id,
        unit_code=unit.code,
        region_code=account.region_code,
        device_id=access.device_id,
        token_id=access.id,
        staff_id=account.staff_id,
    )


def principal_for(session: Session, username: str) -> Principal:
    """The principal of an account, for administrative commands run on the server."""
    row = session.execute(select(Account, Unit).join(Unit, Unit.id == Account.unit_id)
                          .where(Account.username == username)).one_or_none()
    if row is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, f"no user {username}")
    account, unit = row
    return Principal(account_id=account.id, username=account.username, role=Role(account.role),
                     unit_id=unit.id, unit_code=unit.code, region_code=account.region_code,
                     device_id=None, token_id=0, staff_id=account.staff_id)


def any_of(conditions: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    if not conditions:
        return false()
    return or_(*conditions) if len(conditions) > 1 else conditions[0]


