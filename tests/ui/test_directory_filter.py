"""Finding entities in the directory: filter-as-you-type, Escape, scanner Enter, sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.helpers import (
    DEMO_ENTITIES,
    LEFT,
    Launched,
    column_texts,
    header_point,
    query_one,
    row_texts,
    type_chinese,
)

NAME, TYPE, ADDRESS = 1, 2, 4
SEARCHED = ("identifier", "name", "address", "legal_representative", "industry")


def _entities_containing(app: Launched, *needles: str) -> int:
    """How many live entities hold every needle in a searched column, asked of SQLite."""
    condition = " AND ".join(
        "(" + " OR ".join(f"instr({c}, '{needle}') > 0" for c in SEARCHED) + ")"
        for needle in needles
    )
    return int(query_one(
        app.root, f"SELECT COUNT(*) FROM market_entity WHERE deleted_at IS NULL AND {condition}"))


def _open_entities(app: Launched) -> None:
    assert app.window.show_screen("directory")
    app.entities.filter_edit.setFocus()


def test_typing_narrows_the_table_to_matching_rows(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    assert tab.count_label.text() == "共 5,000 条"

    type_chinese(tab.filter_edit, "副食")

    shown = tab.table.model().rowCount()
    assert 0 < shown < DEMO_ENTITIES
    assert shown == _entities_containing(app_window, "副食")
    assert tab.count_label.text() == f"显示 {shown:,} / 共 5,000 条"
    for row in range(shown):
        assert any("副食" in text for text in row_texts(tab, row)), row_texts(tab, row)


def test_filter_ignores_letter_case(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities

    qtbot.keyClicks(tab.filter_edit, "ma0a")

    codes = column_texts(tab, 0)
    assert codes, "credit codes are upper case; a lower-case filter must still find them"
    assert all("MA0A" in code for code in codes)
    assert len(codes) == _entities_containing(app_window, "MA0A")


def test_several_words_must_all_match(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    tab.filter_edit.setText("集贸市场")
    market_stalls = tab.model.shown

    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Space)
    type_chinese(tab.filter_edit, "副食")

    shown = tab.model.shown
    assert 0 < shown < market_stalls
    assert shown == _entities_containing(app_window, "集贸市场", "副食")
    for row in range(shown):
        texts = row_texts(tab, row)
        assert any("集贸市场" in t for t in texts) and any("副食" in t for t in texts), texts
    assert tab.count_label.text() == f"显示 {shown:,} / 共 5,000 条"


def test_deleting_characters_widens_the_filter_again(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    type_chinese(tab.filter_edit, "副食店")
    narrow = tab.model.shown

    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Backspace)

    assert tab.filter_edit.text() == "副食"
    assert tab.model.shown == _entities_containing(app_window, "副食") >= narrow


def test_clearing_the_filter_restores_every_row_in_order(app_window: Launched) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    before = column_texts(tab, 0)
    tab.filter_edit.setText("副食")
    assert tab.model.shown < DEMO_ENTITIES

    tab.filter_edit.clear()

    assert tab.table.model().rowCount() == DEMO_ENTITIES
    assert column_texts(tab, 0) == before
    assert tab.count_label.text() == "共 5,000 条"


def test_escape_in_the_filter_clears_it(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    type_chinese(tab.filter_edit, "副食")
    assert tab.model.shown < DEMO_ENTITIES

    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Escape)

    assert tab.filter_edit.text() == ""
    assert tab.table.model().rowCount() == DEMO_ENTITIES
    assert tab.count_label.text() == "共 5,000 条"


def test_scanning_a_credit_code_selects_its_row(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    code = query_one(app_window.root,
                     "SELECT identifier FROM market_entity ORDER BY name LIMIT 1 OFFSET 2500")

    # A USB barcode scanner types the code and presses Enter.
    qtbot.keyClicks(tab.filter_edit, code)
    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Return)

    selected = tab.table.selectionModel().selectedRows()
    assert len(selected) == 1
    assert tab.model.row_at(selected[0].row()).identifier == code
    assert selected[0].data() == code
    assert tab.table.currentIndex().row() == selected[0].row()
    assert QApplication.focusWidget() is tab.table


def test_enter_on_the_only_row_left_selects_it(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    # A branch name (ending in "分店）") is contained in no other row.
    name = query_one(app_window.root, "SELECT name FROM market_entity WHERE name LIKE '%分店）' "
                                      "ORDER BY identifier LIMIT 1")
    type_chinese(tab.filter_edit, name)
    assert tab.model.shown == 1

    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Return)

    selected = tab.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [0]
    assert tab.model.row_at(0).name == name


def test_enter_with_several_rows_left_selects_nothing(app_window: Launched,
                                                      qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    type_chinese(tab.filter_edit, "副食")
    assert tab.model.shown > 1

    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Return)

    assert tab.table.selectionModel().selectedRows() == []
    assert QApplication.focusWidget() is tab.filter_edit


def _gb(text: str) -> bytes:
    # The documented order of Chinese text columns: GB18030 bytes (pinyin for common
    # characters).
    return text.encode("gb18030")


def test_clicking_a_header_sorts_by_that_column(app_window: Launched, qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    header = tab.table.horizontalHeader()

    qtbot.mouseClick(header.viewport(), LEFT, pos=header_point(header, NAME))

    assert header.sortIndicatorSection() == NAME
    first_order = header.sortIndicatorOrder()
    names = [_gb(n) for n in column_texts(tab, NAME)]
    assert len(names) == DEMO_ENTITIES
    expected = sorted(names, reverse=first_order == Qt.SortOrder.DescendingOrder)
    assert names == expected

    qtbot.mouseClick(header.viewport(), LEFT, pos=header_point(header, NAME))

    assert header.sortIndicatorOrder() != first_order
    assert [_gb(n) for n in column_texts(tab, NAME)] == expected[::-1]


def test_chinese_columns_sort_by_pinyin(app_window: Launched) -> None:
    _open_entities(app_window)
    tab = app_window.entities

    tab.table.sortByColumn(TYPE, Qt.SortOrder.AscendingOrder)

    types = list(dict.fromkeys(column_texts(tab, TYPE)))
    # 个 (gè) < 农 (nóng) < 企 (qǐ)
    assert types == ["个体工商户", "农民专业合作社", "企业"]


def test_sorting_keeps_the_filter_and_clearing_keeps_the_sort(app_window: Launched,
                                                             qtbot: QtBot) -> None:
    _open_entities(app_window)
    tab = app_window.entities
    type_chinese(tab.filter_edit, "副食")
    shown = tab.model.shown

    tab.table.sortByColumn(ADDRESS, Qt.SortOrder.AscendingOrder)

    assert tab.model.shown == shown
    addresses = column_texts(tab, ADDRESS)
    assert [_gb(a) for a in addresses] == sorted(_gb(a) for a in addresses)
    assert all(any("副食" in t for t in row_texts(tab, r)) for r in range(shown))

    tab.filter_edit.clear()

    everything = [_gb(a) for a in column_texts(tab, ADDRESS)]
    assert len(everything) == DEMO_ENTITIES
    assert everything == sorted(everything)
