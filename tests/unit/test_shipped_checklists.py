"""The checklists the app ships in ``resources/checklists``: each reads without a problem,
a realistic filled form passes, and a 不符合 on a key item suggests result ``A``."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from inspector.forms.answers import form_state, suggest_result
from inspector.forms.checklist import Checklist, ItemKind, Severity, parse_checklist
from inspector.resource_files import resource

TODAY = date(2026, 12, 4)
FOLDER = resource("checklists")
FILES = sorted(FOLDER.glob("*.json"))
ENTITY_TYPES = {"enterprise", "individual", "cooperative", "other"}
OK, NO, NA = "符合", "不符合", "不适用"
SIGNATURE = "c" * 64


def photos(count: int) -> tuple[str, ...]:
    return tuple(f"{n:064x}" for n in range(1, count + 1))  # SHA-256 of each photo


@cache
def shipped() -> dict[str, Checklist]:
    by_code: dict[str, Checklist] = {}
    for path in FILES:
        checklist = parse_checklist(path.read_text(encoding="utf-8"), origin=path.name)
        assert checklist.code not in by_code, f"{path.name}: code {checklist.code} twice"
        by_code[checklist.code] = checklist
    return by_code


@dataclass(frozen=True)
class Case:
    """A realistic filled form, and the key item that fails with the evidence it needs."""

    entity: dict[str, Any]
    answers: dict[str, Any]
    failing: str
    evidence: dict[str, Any] = field(default_factory=dict)


STALL = {"entity_type": "individual", "risk_class": "C", "name": "新城铺镇某某副食店",
         "identifier": "92130102MA0ABCDE69", "region_code": "130123"}
COMPANY = {"entity_type": "enterprise", "risk_class": "D", "name": "石家庄某某商贸有限公司",
           "identifier": "91130100MA0ABCDE6F", "region_code": "130102"}

CASES = {
    "JSSC-SB": Case(STALL, {
        "inspected_at": datetime(2026, 12, 4, 9, 30), "certificates_shown": "yes",
        "market_type": "rural_fair", "stall_location": "新城铺镇集贸市场 3 排 12 号",
        "storefront_photos": photos(1),
        "goods_categories": ("snack_food", "drinks", "condiments"),
        "products_checked": Decimal(2), "registered_mark": OK, "well_known_wording": OK,
        "licensed_use": NA, "infringement": OK, "forged_marks": OK, "banned_goods": OK,
        "expired_goods": OK, "altered_dates": OK, "three_no": OK, "inferior_goods": OK,
        "chinese_label": OK, "date_label": OK, "warning_label": NA, "purchase_check": OK,
        "measures": ("none",), "cooperation": "cooperated", "party_signature": SIGNATURE,
    }, "infringement", {
        "infringing_goods": "××牌方便面，使用与“××”注册商标近似的标识，权利人××食品有限公司",
        "infringing_barcode": "6901234567892", "infringing_stock": Decimal(48),
        "infringing_price": Decimal("3.50"), "infringement_photos": photos(3),
        "infringing_supplier": "县城××批发部，无进货单据，电话 138××××0000",
        "measures": ("transfer_case", "preserve"), "preservation_list": "××牌方便面 48 袋",
    }),
    "QYGS": Case(COMPANY, {
        "methods": ("onsite", "written"), "report_year": Decimal(2025), "checked_on": TODAY,
        "certificates_shown": "yes", "address_contactable": OK, "address_matches": OK,
        "ent_report_filed": OK, "ent_contact": OK, "ent_status": OK, "ent_capital": OK,
        "ent_equity": OK, "ent_investment": NA, "ent_online": OK, "ent_finance": OK,
        "inst_capital": OK, "inst_equity": OK, "inst_licence": OK, "inst_ip_pledge": NA,
        "inst_penalty": NA, "materials": ("licence", "articles", "registers", "finance"),
        "cooperation": "cooperated", "entity_signature": SIGNATURE,
    }, "address_contactable", {
        "unreachable_record": "12 月 4 日 10 时实地核查，登记住所为空置商铺；公示电话两次无人接听",
        "address_photos": photos(2), "problem_kinds": ("6",),
    }),
    "SPXS": Case(STALL, {
        "certificates_shown": "yes", "licences_valid": OK,
        "licence_number": "JY21301230012345", "licence_valid_until": date(2029, 6, 30),
        "staff_health": OK, "staff_total": Decimal(3), "foods_checked": Decimal(12),
        "prepackaged_labels": OK, "bulk_labels": NA, "expired_food": OK,
        "three_no_food": OK, "counterfeit_food": OK, "premises_clean": OK,
        "cold_chain": "yes", "label_max_temp": Decimal(6), "measured_temp": Decimal("4.5"),
        "temperature_control": OK, "purchase_inspection": OK, "self_inspection": OK,
        "recall": OK, "disposal": OK, "special_foods": ("infant_formula", "health_food"),
        "special_counter": OK, "health_food_sign": OK, "imported_food": NA,
        "measures": ("none",), "party_signature": SIGNATURE,
    }, "expired_food", {
        "expired_count": Decimal(6), "problem_food": "××牌酸奶 200g，生产日期 2026-11-10，6 盒",
        "problem_barcode": "6920000000017", "problem_photos": photos(2),
        "measures": ("order_correct",), "rectify_by": date(2026, 12, 11),
    }),
    "LTCY": Case(COMPANY, {
        "sampling_no": "13202600123", "task_source": "石家庄市 2026 年流通领域商品质量抽检计划",
        "task_category": "routine", "sampling_date": TODAY, "place_type": "supermarket",
        "area_type": "periurban", "is_resample": "no",
        "officer_1": "张明 13010012345", "officer_2": "李华 13010012346",
        "sampler_1": "王强 JY-0231", "sampler_2": "赵敏 JY-0245",
        "sampler_phone": "0311-86000000", "credentials_shown": "yes",
        "notice_photos": photos(1), "cooperated": OK,
        "party_name": "石家庄某某商贸有限公司", "party_address": "石家庄市长安区××路 18 号",
        "party_code": "91130100MA0ABCDE6F", "party_representative": "刘某",
        "party_licence": "—", "party_contact": "刘某 138××××0000",
        "annual_sales": Decimal(860),
        "sample_name": "电热水壶", "sample_trademark": "××", "spec_model": "1.7L 1800W",
        "quality_grade": "—", "batch_no": "20261015", "date_type": "production",
        "product_date": date(2026, 10, 15), "standard": "GB 4706.1；GB 4706.19",
        "standard_type": "national", "unit_price": Decimal("89.00"), "origin": "purchased",
        "package_type": "prepackaged", "sample_barcode": "6901234567892",
        "lot_size": Decimal(120), "stock_qty": Decimal(120), "test_qty": Decimal(2),
        "backup_qty": Decimal(2), "storage_condition": "—",
        "supply_info": "××电器批发部，进货 200 台，仓库存 80 台、货架 40 台，已售 80 台",
        "sample_record": "S-2026-000123", "producer_name": "××电器有限公司",
        "producer_address": "浙江省慈溪市××路 1 号", "producer_contact": "—",
        "purchase_docs": OK, "sample_label": OK, "sample_in_date": NA,
        "sealed_separately": "yes", "seal_signatures": ("officer", "sampler", "trader"),
        "seal_photos": photos(2), "backup_keeper": "trader", "payment": "bought",
        "purchase_price": Decimal("62.50"), "sample_cost": Decimal("125.00"),
        "send_deadline": date(2026, 12, 10), "delivery_method": "carried",
        "recheck_informed": "yes", "recording": "yes", "remarks": "—",
        "party_objection": "none", "party_signature": SIGNATURE,
        "sampler_signature_1": SIGNATURE, "sampler_signature_2": SIGNATURE,
    }, "cooperated", {
        "refusal_details": "10 时 20 分出示证件并送达通知书后，负责人以“老板不在”为由拒绝抽样",
        "refusal_photos": photos(2),
    }),
}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_shipped_checklist_reads_without_a_problem(path: Path) -> None:
    checklist = parse_checklist(path.read_text(encoding="utf-8"), origin=path.name)
    assert checklist.version == 1
    assert checklist.entity_types and set(checklist.entity_types) <= ENTITY_TYPES
    assert checklist.check_items
    items = checklist.items
    assert len(items) >= 12
    assert any(item.visible_if for item in items)
    assert any(item.rules for item in items)
    compliance = [item for item in items if item.kind is ItemKind.COMPLIANCE]
    key_items = [item for item in compliance if item.severity is Severity.KEY]
    assert key_items and all(item.basis for item in key_items)


def test_codes_are_unique_and_every_checklist_has_a_filled_example() -> None:
    assert {"JSSC-SB", "QYGS", "SPXS", "LTCY"} <= set(shipped())
    assert set(shipped()) == set(CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_realistic_filled_form_passes_and_suggests_no_problem(code: str) -> None:
    checklist, case = shipped()[code], CASES[code]
    assert set(case.answers) | set(case.evidence) <= set(checklist.items_by_key)
    state = form_state(checklist, case.answers, case.entity, TODAY)
    assert state.problems == ()
    assert state.answered >= state.required > 0
    suggestion = suggest_result(checklist, case.answers, state)
    assert suggestion is not None and suggestion.codes == ("1",)


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_key_item_not_compliant_asks_for_evidence_and_suggests_a(code: str) -> None:
    checklist, case = shipped()[code], CASES[code]
    item = checklist.items_by_key[case.failing]
    assert item.kind is ItemKind.COMPLIANCE and item.severity is Severity.KEY
    bare = {**case.answers, case.failing: NO}
    state = form_state(checklist, bare, case.entity, TODAY)
    assert state.problems, "a failing key item must ask for its details and evidence"
    suggestion = suggest_result(checklist, bare, state)
    assert suggestion is not None and suggestion.codes == ("A",)
    complete = {**bare, **case.evidence}
    state = form_state(checklist, complete, case.entity, TODAY)
    assert state.problems == ()
    suggestion = suggest_result(checklist, complete, state)
    assert suggestion is not None and suggestion.codes == ("A",)
    assert suggestion.because.zh.startswith("重点检查项不符合")
    assert item.label in suggestion.because.zh


def test_disclosure_checks_follow_the_entity_type_and_the_codebook() -> None:
    checklist, case = shipped()["QYGS"], CASES["QYGS"]
    trader = {**case.entity, "entity_type": "individual"}
    shown = form_state(checklist, case.answers, trader, TODAY).visible
    assert "ind_report_filed" in shown and "ent_report_filed" not in shown
    unreachable = {**case.answers, "address_contactable": NO, **case.evidence,
                   "problem_kinds": ("B",)}
    state = form_state(checklist, unreachable, case.entity, TODAY)
    assert "ent_capital" not in state.visible
    assert [p.item for p in state.problems] == ["problem_kinds"]


def test_sampling_refused_hides_the_sample_and_the_samplers_must_differ() -> None:
    checklist, case = shipped()["LTCY"], CASES["LTCY"]
    refused = {**case.answers, "cooperated": NO, **case.evidence}
    assert "sample_name" not in form_state(checklist, refused, case.entity, TODAY).visible
    same = {**case.answers, "sampler_2": case.answers["sampler_1"],
            "sample_cost": Decimal("130.00")}
    problems = form_state(checklist, same, case.entity, TODAY).problems
    assert sorted(p.item for p in problems) == ["sample_cost", "sampler_2"]


def test_the_cli_validates_a_shipped_checklist() -> None:
    script = Path(sys.executable).with_name("inspector")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "inspector"]
    done = subprocess.run(
        [*command, "checklist", "validate", str(FOLDER / "food-vendor.json")],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        env={**os.environ, "INSPECTOR_LANG": "zh", "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr
    assert "SPXS" in done.stdout
