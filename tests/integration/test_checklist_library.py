"""The checklist library: drafts, the version rules, publishing, export."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.core.roles import Actor, Role
from inspector.db.models import ChecklistVersion
from inspector.services.checklist_files import ChecklistFileError
from inspector.services.checklist_library import (
    ChecklistLibraryError,
    export_checklist,
    import_checklist,
    library,
    publish_version,
)
from inspector.services.workspace import Workspace
from tests.unit.test_checklist import FOOD_VENDOR

ADMIN = Actor("管理员", Role.ADMINISTRATOR)


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def version_two() -> dict[str, Any]:
    data = copy.deepcopy(FOOD_VENDOR)
    data["version"] = 2
    data["sections"][1]["items"].append({"key": "pests", "kind": "compliance",
                                         "label": "无虫害迹象"})
    return data


def test_versions_are_drafts_until_published_in_order(workspace: Workspace,
                                                      tmp_path: Path) -> None:
    store = workspace.store
    first = import_checklist(store, ADMIN, write(tmp_path / "v1.json", FOOD_VENDOR)).value
    assert (first.code, first.version, first.status) == ("SPXS", 1,
                                                         ChecklistVersionStatus.DRAFT)
    again = import_checklist(store, ADMIN, write(tmp_path / "v1b.json", FOOD_VENDOR)).value
    assert again.unchanged
    import_checklist(store, ADMIN, write(tmp_path / "v2.json", version_two()))
    with pytest.raises(ChecklistLibraryError, match="publish version 1 first"):
        publish_version(store, ADMIN, "SPXS", 2)
    publish_version(store, ADMIN, "SPXS", 1)
    publish_version(store, ADMIN, "SPXS", 2)
    assert [(v.version, v.status, v.items) for v in library(store)] == [
        (1, ChecklistVersionStatus.PUBLISHED, 7), (2, ChecklistVersionStatus.PUBLISHED, 8)]
    with store.read() as session:  # published versions go out on the next sync
        assert all(session.scalars(select(ChecklistVersion.pending)))

    changed = copy.deepcopy(FOOD_VENDOR)
    changed["title"] = "改过的标题"
    with pytest.raises(ChecklistLibraryError, match="published and cannot change"):
        import_checklist(store, ADMIN, write(tmp_path / "v1c.json", changed))
    out = tmp_path / "export" / "spxs-2.json"
    export_checklist(store, "SPXS", 2, out)
    assert json.loads(out.read_text("utf-8")) == version_two()


def test_a_kind_change_or_a_broken_file_is_refused_with_nothing_stored(
        workspace: Workspace, tmp_path: Path) -> None:
    store = workspace.store
    import_checklist(store, ADMIN, write(tmp_path / "v1.json", FOOD_VENDOR))
    bad = version_two()
    bad["sections"][1]["items"][1]["kind"] = "text"
    bad["sections"][1]["items"][1].pop("min")
    bad["sections"][1]["items"][1].pop("max")
    bad["sections"][1]["items"][1].pop("unit")
    bad["sections"][1]["items"][1].pop("rules")
    with pytest.raises(ChecklistLibraryError, match="expired_count cannot change kind"):
        import_checklist(store, ADMIN, write(tmp_path / "v2.json", bad))
    broken = copy.deepcopy(FOOD_VENDOR)
    broken["sections"][0]["items"][0]["kind"] = "checkbox"
    with pytest.raises(ChecklistFileError) as raised:
        import_checklist(store, ADMIN, write(tmp_path / "broken.json", broken))
    assert "broken.json: sections[0].items[0].kind" in raised.value.problems[0].en
    skipped = copy.deepcopy(FOOD_VENDOR)
    skipped.update(code="NEW", version=3)
    with pytest.raises(ChecklistLibraryError, match="starts at version 1"):
        import_checklist(store, ADMIN, write(tmp_path / "new.json", skipped))
    assert [(v.code, v.version) for v in library(store)] == [("SPXS", 1)]
