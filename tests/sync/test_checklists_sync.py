"""A checklist version published on an administrator's laptop reaches every laptop;
drafts stay home (SQLite and PostgreSQL platforms)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.core.roles import Actor, Role
from inspector.db.models import Checklist, ChecklistVersion
from inspector.forms.checklist import parse_checklist
from inspector.services.checklist_library import import_checklist, publish_version
from inspector.sync.engine import DONE
from tests.central.support import Central
from tests.sync.laptop import open_laptop
from tests.unit.test_checklist import FOOD_VENDOR

ADMIN = Actor("admin", Role.ADMINISTRATOR)


def test_a_published_version_reaches_an_inspectors_laptop(platform: Central,
                                                          tmp_path: Path) -> None:
    source = tmp_path / "spxs.json"
    source.write_text(json.dumps(FOOD_VENDOR, ensure_ascii=False), encoding="utf-8")
    with open_laptop(platform, tmp_path / "admin", "admin") as admin:
        import_checklist(admin.store, ADMIN, source)
        assert admin.sync().outcome == DONE
        with open_laptop(platform, tmp_path / "early", "zhang") as early:
            assert early.sync().outcome == DONE
            with early.store.read() as session:
                assert session.scalars(select(ChecklistVersion)).all() == []  # a draft
        publish_version(admin.store, ADMIN, "SPXS", 1)
        report = admin.sync()
        assert report.outcome == DONE and report.refused == 0, report.message
    with open_laptop(platform, tmp_path / "zhang", "zhang") as laptop:
        assert laptop.sync().outcome == DONE
        with laptop.store.read() as session:
            [(code, version, status, content)] = session.execute(
                select(Checklist.code, ChecklistVersion.version, ChecklistVersion.status,
                       ChecklistVersion.content)
                .join(Checklist, Checklist.id == ChecklistVersion.checklist_id)).all()
    assert (code, version, status) == ("SPXS", 1, ChecklistVersionStatus.PUBLISHED)
    assert parse_checklist(content).items_by_key["licence_shown"].label.startswith("食品经营")
