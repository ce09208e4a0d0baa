"""Units, accounts, sign-in tokens and devices: the operations behind the API and the CLI.

Contract: each function runs in the caller's transaction and appends its audit event
there. Passwords are checked and stored only through :mod:`.security`; a sign-in
failure says the same thing for an unknown user and a wrong password. A device's
sample-code prefix is three characters of the credit-code alphabet, handed out in
order from the ``devices`` counter (29,791 of them) and never reused.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from inspector.central import audit
from inspector.central.errors import ApiError, forbidden, not_found
from inspector.central.models import AccessToken, Account, Counter, Device, Unit
from inspector.central.principal import Principal
from inspector.central.security import (
    MIN_PASSWORD_LENGTH,
    hash_password,
    new_token,
    token_digest,
    verify_password,
)
from inspector.core.credit_codes import USCC_CHARSET
from inspector.core.roles import Role
from inspector.sync.protocol import DeviceInfo, ErrorCode, LoginResponse, UserInfo

PREFIX_LENGTH = 3
_CLI = "inspector-central"


class AccountError(ValueError):
    """An administrative command was refused; the message says why."""


def create_unit(session: Session, code: str, name: str, region_code: str) -> Unit:
    if not (len(region_code) == 6 and region_code.isdigit()):
        raise AccountError(f"region code must be six digits: {region_code!r}")
    if session.scalar(select(Unit).where(Unit.code == code)) is not None:
        raise AccountError(f"unit {code} exists already")
    unit = Unit(code=code, name=name, region_code=region_code)
    session.add(unit)
    session.flush()
    audit.append(session, actor=_CLI, role=Role.ADMINISTRATOR.value, action="unit.created",
                 object_kind="unit", object_id=code,
                 payload={"name": name, "region_code": region_code})
    return unit


def create_account(session: Session, *, username: str, password: str, role: Role,
                   unit_code: str, display_name: str = "", region_code: str | None = None,
                   staff_id: str | None = None) -> Account:
    if role is Role.SYSTEM:
        raise AccountError("the system role is not for accounts")
    _check_password(password)
    unit = session.scalar(select(Unit).where(Unit.code == unit_code))
    if unit is None:
        raise AccountError(f"no unit {unit_code}")
    if session.scalar(select(Account).where(Account.username == username)) is not None:
        raise AccountError(f"user {username} exists already")
    account = Account(username=username, display_name=display_name or username,
                      role=role.value, unit_id=unit.id,
                      region_code=region_code or unit.region_code, staff_id=staff_id,
                      password_hash=hash_password(password), active=True)
    session.add(account)
    session.flush()
    audit.append(session, actor=_CLI, role=Role.ADMINISTRATOR.value, action="account.created",
                 object_kind="account", object_id=username,
                 payload={"role": role.value, "unit": unit_code,
                          "region_code": account.region_code})
    return account


def reset_password(session: Session, username: str, password: str) -> None:
    _check_password(password)
    account = session.scalar(select(Account).where(Account.username == username))
    if account is None:
        raise AccountError(f"no user {username}")
    account.password_hash = hash_password(password)
    revoked = _revoke_tokens(session, account_id=account.id)
    audit.append(session, actor=_CLI, role=Role.ADMINISTRATOR.value,
                 action="account.password_reset", object_kind="account", object_id=username,
                 payload={"tokens_revoked": revoked})


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"passwords need at least {MIN_PASSWORD_LENGTH} characters")


def login(session: Session, username: str, password: str, device_uuid: str | None,
          lifetime: timedelta) -> LoginResponse:
    account = session.scalar(select(Account).where(Account.username == username))
    if account is None or not account.active or not verify_password(account.password_hash,
                                                                     password):
        raise ApiError(401, ErrorCode.UNAUTHENTICATED, "wrong user name or password")
    device_id = None
    if device_uuid is not None:
        device = session.scalar(select(Device).where(Device.device_uuid == device_uuid))
        if device is not None:
            if device.revoked_at is not None:
                raise ApiError(401, ErrorCode.DEVICE_REVOKED,
                               "this device was revoked; ask an administrator")
            if device.account_id == account.id:
                device_id = device.id
    token = new_token()
    expires = datetime.now(UTC) + lifetime
    session.add(AccessToken(token_hash=token_digest(token), account_id=account.id,
                            device_id=device_id, expires_at=expires))
    unit = session.get(Unit, account.unit_id)
    assert unit is not None
    audit.append(session, actor=username, role=account.role, action="account.login",
                 object_kind="account", object_id=username,
                 payload={"device": device_uuid})
    return LoginResponse(token=token, expires_at=expires.isoformat(),
                         user=user_info(account, unit))


def user_info(account: Account, unit: Unit) -> UserInfo:
    return UserInfo(username=account.username, display_name=account.display_name,
                    role=Role(account.role), unit_code=unit.code,
                    region_code=account.region_code, staff_id=account.staff_id)


def logout(session: Session, principal: Principal) -> None:
    session.execute(update(AccessToken).where(AccessToken.id == principal.token_id)
                    .values(revoked_at=datetime.now(UTC)))
    audit.append(session, actor=principal.username, role=principal.role.value,
                 action="account.logout", object_kind="account", object_id=principal.username,
                 payload={})


def enroll_device(session: Session, principal: Principal, device_uuid: str,
                  name: str) -> DeviceInfo:
    """Enroll this laptop for the signed-in account (idempotent for the same laptop)."""
    principal.require_writer()
    device = session.scalar(select(Device).where(Device.device_uuid == device_uuid))
    if device is not None:
        if device.account_id != principal.account_id:
            raise forbidden("this device is enrolled for another account")
        if device.revoked_at is not None:
            raise ApiError(401, ErrorCode.DEVICE_REVOKED,
                           "this device was revoked; ask an administrator")
    else:
        counter = session.execute(
            select(Counter).where(Counter.name == "devices").with_for_update()
        ).scalar_one()
        counter.value += 1
        device = Device(device_uuid=device_uuid, name=name, account_id=principal.account_id,
                        sample_prefix=sample_prefix(counter.value))
        session.add(device)
        session.flush()
        audit.append(session, actor=principal.username, role=principal.role.value,
                     action="device.enrolled", object_kind="device", object_id=device_uuid,
                     payload={"name": name, "sample_prefix": device.sample_prefix})
    # Bind the current token to the device, so revoking the device stops it.
    session.execute(update(AccessToken).where(AccessToken.id == principal.token_id)
                    .values(device_id=device.id))
    return device_info(session, device)


def sample_prefix(number: int) -> str:
    """The ``number``-th prefix (1-based), three characters of the USCC alphabet."""
    base = len(USCC_CHARSET)
    if not 1 <= number <= base**PREFIX_LENGTH:
        raise AccountError("no device prefixes left")
    value = number - 1
    chars = []
    for _ in range(PREFIX_LENGTH):
        value, digit = divmod(value, base)
        chars.append(USCC_CHARSET[digit])
    return "".join(reversed(chars))


def revoke_device(session: Session, device_uuid: str, actor: str, role: str) -> DeviceInfo:
    device = session.scalar(select(Device).where(Device.device_uuid == device_uuid))
    if device is None:
        raise not_found(f"no device {device_uuid}")
    if device.revoked_at is None:
        device.revoked_at = datetime.now(UTC)
        revoked = _revoke_tokens(session, device_id=device.id)
        audit.append(session, actor=actor, role=role, action="device.revoked",
                     object_kind="device", object_id=device_uuid,
                     payload={"tokens_revoked": revoked})
    return device_info(session, device)


def list_devices(session: Session, principal: Principal | None = None) -> list[DeviceInfo]:
    query = select(Device).order_by(Device.id)
    devices = session.scalars(query).all()
    infos = [device_info(session, d) for d in devices]
    if principal is None:
        return infos
    return [info for info, device in zip(infos, devices, strict=True)
            if _device_in_scope(session, principal, device)]


def _device_in_scope(session: Session, principal: Principal, device: Device) -> bool:
    account = session.get(Account, device.account_id)
    return account is not None and principal.covers(account.unit_id, account.region_code)


def device_info(session: Session, device: Device) -> DeviceInfo:
    owner = session.get(Account, device.account_id)
    return DeviceInfo(
        device_uuid=device.device_uuid, name=device.name, sample_prefix=device.sample_prefix,
        owner=owner.username if owner else "?", enrolled_at=device.enrolled_at.isoformat(),
        revoked_at=device.revoked_at.isoformat() if device.revoked_at else None,
    )


def _revoke_tokens(session: Session, *, account_id: int | None = None,
                   device_id: int | None = None) -> int:
    query = update(AccessToken).where(AccessToken.revoked_at.is_(None))
    if account_id is not None:
        query = query.where(AccessToken.account_id == account_id)
    if device_id is not None:
        query = query.where(AccessToken.device_id == device_id)
    result = cast(CursorResult[Any], session.execute(query.values(revoked_at=datetime.now(UTC))))
    return int(result.rowcount or 0)
