"""The Hebei division table: lookups by code and by name, ancestry, containment."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core.divisions import DivisionLevel, DivisionTable

CSV = Path(__file__).resolve().parents[2] / "resources" / "divisions" / "hebei-divisions.csv"


@pytest.fixture(scope="module")
def table() -> DivisionTable:
    return DivisionTable.from_csv_text(CSV.read_text(encoding="utf-8"))


def test_counts_match_the_source(table: DivisionTable) -> None:
    levels = [d.level for d in table]
    assert len(table) == 179
    assert levels.count(DivisionLevel.PROVINCE) == 1
    assert levels.count(DivisionLevel.CITY) == 11
    assert levels.count(DivisionLevel.COUNTY) == 167


def test_lookup_by_code_and_full_name(table: DivisionTable) -> None:
    division = table.get("130123")
    assert division is not None and division.name == "正定县"
    assert table.full_name("130123") == "河北省石家庄市正定县"
    assert table.get("133100") is None  # 雄安新区 is not a GB/T 2260 division
    assert "130682" in table  # 定州市 keeps its code under 保定市
    assert table.full_name("130682") == "河北省保定市定州市"


def test_repeated_names_return_every_match(table: DivisionTable) -> None:
    qiaoxi = table.by_name("桥西区")
    assert {d.code for d in qiaoxi} == {"130104", "130703"}  # 石家庄, 张家口


def test_search_and_children(table: DivisionTable) -> None:
    assert any(d.code == "130638" for d in table.search("雄县"))
    children = table.children("130100")
    assert all(d.parent_code == "130100" for d in children)
    assert any(d.name == "正定县" for d in children)


def test_is_within(table: DivisionTable) -> None:
    assert table.is_within("130123", "130100")
    assert table.is_within("130123", "130000")
    assert not table.is_within("130123", "130200")


def test_unknown_parent_refused() -> None:
    with pytest.raises(ValueError, match="unknown parent"):
        DivisionTable.from_csv_text("code,name,level,parent_code\n130123,正定县,county,130100\n")


def test_duplicate_code_refused() -> None:
    text = "code,name,level,parent_code\n130000,河北省,province,\n130000,河北,province,\n"
    with pytest.raises(ValueError, match="duplicate"):
        DivisionTable.from_csv_text(text)
