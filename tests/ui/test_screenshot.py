"""Smoke test of rendering: the directory screen draws a real table, not a blank window."""

from __future__ import annotations

from PySide6.QtGui import QImage

from tests.ui.helpers import Launched, type_chinese


def _colours(image: QImage, step: int = 4) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)}


def _dark_pixels(image: QImage, step: int = 2) -> int:
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixelColor(x, y).lightness() < 100)


def test_the_directory_screen_renders_its_table(app_window: Launched) -> None:
    window = app_window.window
    assert window.show_screen("directory")
    tab = app_window.entities

    image = window.grab().toImage()
    table = tab.table.viewport().grab().toImage()

    assert not image.isNull() and (image.width(), image.height()) == (1440, 900)
    assert len(_colours(image)) > 20, "a whole window has text, lines and a navigation bar"
    assert len(_colours(table)) > 10
    assert _dark_pixels(table) > 500, "rows of text are drawn in the table"

    # Filtering to nothing leaves the table area empty: what was drawn above was the rows.
    type_chinese(tab.filter_edit, "不存在的主体名称")
    assert tab.model.shown == 0
    empty = tab.table.viewport().grab().toImage()
    assert _dark_pixels(empty) == 0
