"""The directory table models without a window: cell texts, colours, filter, sort, reload."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.core.divisions import DivisionTable
from inspector.core.text import Lang
from inspector.db.repositories.directory import EntityView, InspectorView
from inspector.services.reference_data import load_divisions
from inspector.ui.directory_models import EntityTableModel, InspectorTableModel
from inspector.ui.i18n import Translations
from tests.ui.helpers import TODAY, valid_codes

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DAY = timedelta(days=1)


def _inspector(staff_id: str, cert: str = "冀13012320001", valid_from: date | None = None,
               valid_to: date | None = None, *, active: bool = True) -> InspectorView:
    return InspectorView(
        id=int(staff_id[2:]), staff_id=staff_id, name=f"检查员{staff_id}",
        unit="正定县市场监督管理局执法大队", region_code="130123", cert_number=cert,
        cert_authority="石家庄市人民政府" if cert else "", cert_valid_from=valid_from,
        cert_valid_to=valid_to, qualifications=("食品", "计量"), active=active)


INSPECTORS = (
    _inspector("ZD001", valid_from=TODAY - 400 * DAY, valid_to=TODAY),  # last valid day
    _inspector("ZD002", valid_from=TODAY - 400 * DAY, valid_to=TODAY - DAY),  # expired
    _inspector("ZD003", valid_from=TODAY + DAY, valid_to=TODAY + 900 * DAY),  # starts tomorrow
    _inspector("ZD004", valid_from=TODAY, valid_to=TODAY + 900 * DAY),  # first valid day
    _inspector("ZD005", cert=""),  # no certificate
    _inspector("ZD006", valid_from=TODAY - 9 * DAY, valid_to=TODAY + 9 * DAY, active=False),
)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The app's Chinese catalogue, as a running app has it installed (headers use it)."""
    translations = Translations(qapp)
    assert translations.apply(Lang.ZH)
    yield
    translations.apply(Lang.EN)  # uninstalls it again


def _inspector_model(lang: Lang = Lang.ZH) -> InspectorTableModel:
    model = InspectorTableModel(TODAY, lang)
    model.set_snapshot(INSPECTORS, [i.staff_id.casefold() for i in INSPECTORS])
    return model


def _cells(model: InspectorTableModel | EntityTableModel, column: int,
           role: Qt.ItemDataRole = DISPLAY) -> list[object]:
    return [model.data(model.index(row, column), role) for row in range(model.rowCount())]


def test_certificate_state_is_judged_on_the_given_day(chinese: None) -> None:
    model = _inspector_model()

    assert model.headerData(5, Qt.Orientation.Horizontal) == "证件状态"
    assert _cells(model, 5) == ["有效", "已过期", "未生效", "有效", "无证件", "有效"]
    assert _cells(model, 4) == [
        TODAY.isoformat(), (TODAY - DAY).isoformat(), (TODAY + 900 * DAY).isoformat(),
        (TODAY + 900 * DAY).isoformat(), "—", (TODAY + 9 * DAY).isoformat()]
    assert _cells(model, 3)[4] == "—"
    assert _cells(model, 6)[0] == "食品、计量"
    assert _cells(model, 7) == ["在岗"] * 5 + ["不在岗"]


def test_certificates_that_block_inspection_are_coloured(qapp: QApplication) -> None:
    model = _inspector_model()

    colours = _cells(model, 5, BACKGROUND)

    assert [isinstance(c, QBrush) for c in colours] == [False, True, True, False, True, False]
    expired, not_yet, missing = colours[1], colours[2], colours[4]
    assert isinstance(expired, QBrush) and isinstance(not_yet, QBrush)
    assert isinstance(missing, QBrush)
    assert expired.color() == missing.color() != not_yet.color()


def test_inspector_texts_in_english(qapp: QApplication) -> None:
    model = _inspector_model(Lang.EN)

    assert model.headerData(5, Qt.Orientation.Horizontal) == "Certificate"
    assert _cells(model, 5) == ["valid", "expired", "not yet valid", "valid", "no certificate",
                                "valid"]
    assert _cells(model, 7)[-1] == "inactive"


def test_sorting_by_expiry_puts_missing_dates_first(qapp: QApplication) -> None:
    model = _inspector_model()

    model.sort(4, ASCENDING)

    assert [model.row_at(r).staff_id for r in range(model.rowCount())] == [
        "ZD005", "ZD002", "ZD001", "ZD006", "ZD003", "ZD004"]


def _entity(number: int, name: str, risk: RiskClass | None, *, region: str = "130123",
            status: RegistrationStatus = RegistrationStatus.ACTIVE) -> EntityView:
    return EntityView(
        id=number, identifier=valid_codes(number, seed=4, region="130123")[-1],
        identifier_kind=IdentifierKind.USCC, name=name, entity_type=EntityType.INDIVIDUAL,
        region_code=region, address=f"正定镇中山路{number}号", legal_representative="王建国",
        industry="零售业", risk_class=risk, registration_status=status)


def _entities() -> tuple[EntityView, ...]:
    return (
        _entity(1, "正定县甲商店", RiskClass.D),
        _entity(2, "正定县乙商店", None, region="139999"),
        _entity(3, "正定县丙商店", RiskClass.A, status=RegistrationStatus.REVOKED),
        _entity(4, "正定县丁商店", RiskClass.E),
    )


@pytest.fixture(scope="module")
def divisions() -> DivisionTable:
    return load_divisions()


def _entity_model(divisions: DivisionTable, rows: tuple[EntityView, ...]) -> EntityTableModel:
    model = EntityTableModel(divisions, Lang.ZH)
    model.set_snapshot(rows, ["\x1f".join((r.identifier, r.name, r.address)).casefold()
                              for r in rows])
    return model


def test_entity_cells_name_the_region_and_mark_high_risk(qapp: QApplication,
                                                        divisions: DivisionTable) -> None:
    model = _entity_model(divisions, _entities())

    assert _cells(model, 3) == ["正定县", "139999", "正定县", "正定县"]
    assert _cells(model, 3, TOOLTIP) == ["河北省石家庄市正定县", "139999", "河北省石家庄市正定县",
                                         "河北省石家庄市正定县"]
    assert _cells(model, 7) == ["D", "—", "A", "E"]
    risky = [isinstance(brush, QBrush) for brush in _cells(model, 7, BACKGROUND)]
    assert risky == [True, False, False, True]
    assert _cells(model, 8) == ["存续", "存续", "吊销", "存续"]


def test_sorting_by_risk_puts_unclassified_last(qapp: QApplication,
                                                divisions: DivisionTable) -> None:
    model = _entity_model(divisions, _entities())

    model.sort(7, ASCENDING)
    assert _cells(model, 7) == ["A", "D", "E", "—"]

    model.sort(7, DESCENDING)
    assert _cells(model, 7) == ["—", "E", "D", "A"]


def test_a_reload_keeps_the_users_filter_and_sort(qapp: QApplication, qtbot: QtBot,
                                                  divisions: DivisionTable) -> None:
    rows = _entities()
    model = _entity_model(divisions, rows[:3])
    model.sort(1, ASCENDING)
    with qtbot.waitSignal(model.visible_count_changed) as counted:
        model.set_filter("商店")
    assert counted.args == [3, 3]
    model.set_filter("丙")
    assert model.shown == 1

    # The directory reloads (an import added 丁) while the user is looking at 丙.
    with qtbot.waitSignal(model.visible_count_changed) as counted:
        model.set_snapshot(rows, ["\x1f".join((r.identifier, r.name)).casefold() for r in rows])

    assert counted.args == [1, 4]
    assert _cells(model, 1) == ["正定县丙商店"]
    model.set_filter("")
    # 丙 bǐng < 丁 dīng < 甲 jiǎ < 乙 yǐ
    assert _cells(model, 1) == ["正定县丙商店", "正定县丁商店", "正定县甲商店", "正定县乙商店"]


def test_a_snapshot_needs_one_search_text_per_row(qapp: QApplication,
                                                  divisions: DivisionTable) -> None:
    model = EntityTableModel(divisions, Lang.ZH)

    with pytest.raises(ValueError, match="one search text per row"):
        model.set_snapshot(_entities(), ["only one"])
    assert model.total == model.rowCount() == 0
