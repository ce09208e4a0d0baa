"""The demo platform's accounts and directory (``inspector-central demo-seed``).

Contract: :func:`seed_demo` fills an empty platform for the desktop demo: the county
bureau's unit (正定县, 130123), an administrator ``admin``, a team lead ``lead``, one
inspector account per roster member (username: the staff id in lower case, e.g.
``zd001``), all with the one demo password, and the directory imported from the demo
files through the platform's ordinary import (the desktop writes those files with the
same seeded generator as its offline demo). It refuses a platform that has the unit
already, so a real platform is never seeded by mistake. Demo only: every account
shares one password.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy.orm import Session

from inspector.central import accounts
from inspector.central.accounts import AccountError
from inspector.central.directory_import import import_directory
from inspector.central.principal import principal_for
from inspector.core.roles import Role

UNIT_CODE = "ZD"
UNIT_NAME = "正定县市场监督管理局"
REGION = "130123"


def seed_demo(session: Session, *, entities: Path, inspectors: Path, password: str
              ) -> list[str]:
    """Create the demo's unit, accounts and directory; returns the usernames made."""
    accounts.create_unit(session, UNIT_CODE, UNIT_NAME, REGION)
    made = []
    for username, role, name in (("admin", Role.ADMINISTRATOR, "系统管理员"),
                                 ("lead", Role.TEAM_LEAD, "抽查组长")):
        accounts.create_account(session, username=username, password=password, role=role,
                                unit_code=UNIT_CODE, display_name=name)
        made.append(username)
    admin = principal_for(session, "admin")
    for kind, path in (("inspectors", inspectors), ("entities", entities)):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise AccountError(f"cannot read {path}: {exc.strerror}") from exc
        result = import_directory(session, admin, kind, path.name, data)
        if result.refused:
            raise AccountError(f"{path.name}: {result.refused[0]}")
    with inspectors.open(encoding="utf-8-sig", newline="") as stream:
        roster = [(row["工号"], row["姓名"]) for row in csv.DictReader(stream)]
    for staff_id, name in roster:
        accounts.create_account(session, username=staff_id.lower(), password=password,
                                role=Role.INSPECTOR, unit_code=UNIT_CODE, display_name=name,
                                staff_id=staff_id)
        made.append(staff_id.lower())
    return made
