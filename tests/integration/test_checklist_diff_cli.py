"""``inspector checklist diff``: two stored versions compared on the command line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from inspector.services.checklist_library import import_checklist
from inspector.services.workspace import Workspace
from tests.integration.support import cli
from tests.integration.test_checklist_library import ADMIN, write
from tests.unit.test_checklist import FOOD_VENDOR


def version_two() -> dict[str, Any]:
    data = copy.deepcopy(FOOD_VENDOR)
    data["version"] = 2
    goods = data["sections"][1]["items"]
    goods[0]["label"] = "贮存条件符合标签标示要求"
    goods[0]["required"] = False
    goods.insert(1, {"key": "pests", "kind": "compliance", "label": "无虫害迹象"})
    goods.pop()  # the guidance "检查冷链记录"
    return data


def store_two_versions(workspace: Workspace, inbox: Path) -> None:
    """SPXS versions 1 and 2 as drafts; the engine is let go so the command runs alone."""
    import_checklist(workspace.store, ADMIN, write(inbox / "v1.json", FOOD_VENDOR))
    import_checklist(workspace.store, ADMIN, write(inbox / "v2.json", version_two()))
    workspace.store.close()


def test_diff_prints_the_summary_then_one_line_per_change(workspace: Workspace, inbox: Path,
                                                          data_dir: Path) -> None:
    store_two_versions(workspace, inbox)
    chinese = cli("checklist", "diff", "SPXS", "1", "2", data_dir=data_dir)
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stderr == ""
    assert chinese.stdout.splitlines() == [
        "清单 SPXS 第 1 版 → 第 2 版：新增 1 项，删除 1 项，修改 1 项，移动 0 项",
        '  修改  题目 storage：标签 "贮存条件符合标签要求" → "贮存条件符合标签标示要求"',
        "  修改  题目 storage：必填 → 选填",
        '  新增  题目 pests：新增题目 "无虫害迹象"（符合性判定）',
        '  删除  题目 note：删除题目 "检查冷链记录"',
    ]
    english = cli("checklist", "diff", "SPXS", "2", "1", "--lang", "en", data_dir=data_dir)
    assert english.returncode == 0, english.stderr
    assert english.stdout.splitlines()[0] == (
        "checklist SPXS version 2 → 1: 1 item added, 1 removed, 1 changed, 0 moved")
    assert '  removed  item pests: item "无虫害迹象" removed' in english.stdout
    before = cli("--lang", "en", "checklist", "diff", "SPXS", "1", "2", data_dir=data_dir)
    assert before.stdout.startswith("checklist SPXS version 1 → 2: ")
    same = cli("checklist", "diff", "SPXS", "2", "2", data_dir=data_dir)
    assert (same.returncode, same.stdout.strip()) == (
        0, "清单 SPXS 第 2 版 → 第 2 版：两个版本没有差别")


def test_an_unknown_checklist_or_version_is_refused_without_a_traceback(
        workspace: Workspace, inbox: Path, data_dir: Path) -> None:
    store_two_versions(workspace, inbox)
    missing = cli("checklist", "diff", "SPXS", "1", "3", data_dir=data_dir)
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr.strip() == "没有清单 SPXS 第 3 版"
    unknown = cli("--lang", "en", "checklist", "diff", "NONE", "1", "2", data_dir=data_dir)
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "no checklist NONE version 1"
    assert "Traceback" not in missing.stderr + unknown.stderr

