"""The difference between two checklist versions: every kind of change, worded exactly,
in the new version's order."""

from __future__ import annotations

import copy
import json
from typing import Any

from inspector.forms.checklist import Checklist, parse_checklist
from inspector.forms.diff import ChangeKind, ChecklistDiff, Subject, diff_versions
from tests.unit.test_checklist import FOOD_VENDOR

ADDED, REMOVED, CHANGED, MOVED = ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.CHANGED, \
    ChangeKind.MOVED


def version(data: dict[str, Any]) -> Checklist:
    return parse_checklist(json.dumps(data, ensure_ascii=False))


def next_version() -> dict[str, Any]:
    data = copy.deepcopy(FOOD_VENDOR)
    data["version"] = 2
    return data


def item(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(i for s in data["sections"] for i in s["items"] if i["key"] == key)


def rows(diff: ChecklistDiff) -> list[tuple[ChangeKind, str | None, str]]:
    return [(c.kind, c.key, c.text.zh) for c in diff.changes]


def test_identical_versions_have_no_changes() -> None:
    v1 = version(FOOD_VENDOR)
    assert diff_versions(v1, v1).changes == ()
    diff = diff_versions(v1, version(next_version()))  # another number, the same content
    assert diff.identical
    assert (diff.code, diff.old_version, diff.new_version) == ("SPXS", 1, 2)
    assert diff.summary().zh == "两个版本没有差别"
    assert diff.summary().en == "the two versions are the same"


def test_every_field_of_an_item_is_compared_and_worded_in_both_languages() -> None:
    v2 = next_version()
    shown = item(v2, "licence_shown")
    shown.update(label="许可证在有效期内", required=False, severity="general", help="核对有效期",
                 basis="《食品安全法》第三十六条", visible_if="entity.risk_class = 'D'")
    problem = item(v2, "licence_problem")
    problem.update(required=False, choices=[{"value": "missing", "label": "未悬挂"},
                                            {"value": "expired", "label": "已过期"},
                                            {"value": "forged", "label": "伪造"}])
    item(v2, "licence_photo").update(min_count=2, max_count=5, visible_if="")
    count = item(v2, "expired_count")
    count.update(unit="个", min="1", rules=[
        {"expression": "${expired_count} = 0 or ${storage} = '不符合'",
         "message": "有过期食品时，贮存条件判为不符合"},
        {"expression": "${expired_count} < 500", "message": "数量过大，请复核"}])
    item(v2, "temperature").update(max="8", visible_if="entity.risk_class in ['E']")
    item(v2, "note")["help"] = "冷链"
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert all(c.kind is CHANGED and c.subject is Subject.ITEM for c in diff.changes)
    assert [(c.key, c.text.zh) for c in diff.changes] == [
        ("licence_shown", '标签 "食品经营许可证在有效期内并悬挂" → "许可证在有效期内"'),
        ("licence_shown", "必填 → 选填"),
        ("licence_shown", "严重程度 重点 → 一般"),
        ("licence_shown", "新增条件 `entity.risk_class = 'D'`"),
        ("licence_shown", '检查依据 "《食品安全法》第三十五条" → "《食品安全法》第三十六条"'),
        ("licence_shown", '帮助说明 （无） → "核对有效期"'),
        ("licence_problem", "必填 → 选填"),
        ("licence_problem", '选项 expired 的标签 "过期" → "已过期"'),
        ("licence_problem", '新增选项 forged "伪造"'),
        ("licence_problem", "选项顺序 expired, missing → missing, expired"),
        ("licence_photo", "删除条件 `${licence_problem} = 'expired'`"),
        ("licence_photo", "照片张数 1–3 → 2–5"),
        ("expired_count", "规则 `${expired_count} = 0 or ${storage} = '不符合'` 的提示 "
                          '"有过期食品时，贮存条件应判为不符合" → '
                          '"有过期食品时，贮存条件判为不符合"'),
        ("expired_count", '新增规则 `${expired_count} < 500`："数量过大，请复核"'),
        ("expired_count", '单位 "件" → "个"'),
        ("expired_count", "最小值 0 → 1"),
        ("temperature", "条件 `entity.risk_class in ['D', 'E']` → `entity.risk_class in "
                        "['E']`"),
        ("temperature", "最大值 10 → 8"),
        ("note", '帮助说明 （无） → "冷链"'),
    ]
    english = [c.text.en for c in diff.changes]
    assert english[:4] == ['label "食品经营许可证在有效期内并悬挂" → "许可证在有效期内"',
                           "required → optional", "severity key → general",
                           "condition `entity.risk_class = 'D'` added"]
    assert "choice order expired, missing → missing, expired" in english
    assert "photo count 1–3 → 2–5" in english
    assert "min 0 → 1" in english


def test_rules_and_choices_removed_or_rewritten_are_named_by_what_stayed() -> None:
    v2 = next_version()
    item(v2, "licence_problem")["choices"] = [{"value": "expired", "label": "过期"},
                                              {"value": "torn", "label": "破损"}]
    item(v2, "expired_count")["rules"] = [
        {"expression": "${expired_count} = 0", "message": "有过期食品时，贮存条件应判为不符合"}]
    temperature = item(v2, "temperature")
    temperature["rules"] = [{"expression": "${temperature} < 5", "message": "温度过高"}]
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert [c.text.zh for c in diff.changes] == [
        '新增选项 torn "破损"',
        '删除选项 missing "未悬挂"',
        '规则 "有过期食品时，贮存条件应判为不符合" 的表达式 `${expired_count} = 0 or ${storage} = '
        "'不符合'` → `${expired_count} = 0`",
        '新增规则 `${temperature} < 5`："温度过高"',
    ]
    back = diff_versions(version(v2), version(FOOD_VENDOR))  # the other direction
    assert [c.text.en for c in back.changes][-1] == \
        'rule `${temperature} < 5` removed: "温度过高"'
    assert 'choice torn "破损" removed' in [c.text.en for c in back.changes]


def test_a_kind_change_is_shown_though_the_version_rules_refuse_it() -> None:
    v2 = next_version()
    item(v2, "storage")["kind"] = "text"
    [change] = diff_versions(version(FOOD_VENDOR), version(v2)).changes
    assert (change.kind, change.key, change.section) == (CHANGED, "storage", "goods")
    assert change.text.zh == "类型 符合性判定 → 文本（版本规则不允许改变题目类型）"
    assert change.text.en == "kind compliance → text (the version rules refuse a kind change)"


def test_added_removed_and_moved_items_come_in_the_new_order() -> None:
    v2 = next_version()
    licence, goods = v2["sections"][0]["items"], v2["sections"][1]["items"]
    licence.pop(2)  # licence_photo removed (it stood after licence_problem)
    licence.append(goods.pop(0))  # storage moved into 经营资质, last
    goods.insert(0, goods.pop(2))  # note moved to the top of 商品
    goods.insert(1, {"key": "pests", "kind": "compliance", "label": "无虫害迹象"})
    goods.pop()  # temperature removed, the last of 商品
    item(v2, "storage")["label"] = "贮存条件符合要求"
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert [(c.kind, c.key, c.section) for c in diff.changes] == [
        (REMOVED, "licence_photo", "licence"),
        (MOVED, "storage", "licence"),
        (CHANGED, "storage", "licence"),
        (MOVED, "note", "goods"),
        (ADDED, "pests", "goods"),
        (REMOVED, "temperature", "goods"),
    ]
    texts = {(c.kind, c.key): c.text for c in diff.changes}
    assert texts[MOVED, "storage"].zh == '从分节 "商品" 移到 "经营资质"'
    assert texts[MOVED, "note"].zh == "分节内位置 第 4 → 第 1"
    assert texts[MOVED, "note"].en == "reordered within its section: position 4 → 1"
    assert texts[ADDED, "pests"].zh == '新增题目 "无虫害迹象"（符合性判定）'
    assert texts[REMOVED, "temperature"].en == 'item "冷柜温度" removed'
    removed = next(c for c in diff.changes if c.key == "licence_photo")
    assert (removed.label, removed.section_title) == ("许可证照片", "经营资质")
    assert diff.summary().zh == "新增 1 项，删除 2 项，修改 1 项，移动 2 项"
    assert diff.summary().en == "1 item added, 2 removed, 1 changed, 2 moved"


def test_only_the_item_that_left_its_place_is_called_moved() -> None:
    v2 = next_version()
    goods = v2["sections"][1]["items"]
    goods.append(goods.pop(0))  # storage to the bottom: the other three keep their order
    goods.insert(0, {"key": "first", "kind": "text", "label": "新的第一题"})
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert [(c.kind, c.key, c.text.zh) for c in diff.changes] == [
        (ADDED, "first", '新增题目 "新的第一题"（文本）'),
        (MOVED, "storage", "分节内位置 第 1 → 第 5"),
    ]
    goods.pop(1)  # expired_count, which followed storage: it stood first of those in place
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert [(c.kind, c.key) for c in diff.changes] == [
        (REMOVED, "expired_count"), (ADDED, "first"), (MOVED, "storage")]
    assert diff.changes[2].text.zh == "分节内位置 第 1 → 第 4"


def test_sections_added_removed_retitled_and_reordered() -> None:
    v2 = next_version()
    v2["sections"][1]["title"] = "商品与贮存"
    v2["sections"].reverse()  # 商品 now first
    v2["sections"].insert(1, {"key": "records", "title": "进货查验", "items": [
        {"key": "invoices", "kind": "compliance", "label": "留存进货票据"}]})
    v2["sections"].pop()  # 经营资质 and its three items removed: it stood first
    del item(v2, "storage")["required"]
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert [(c.kind, c.subject, c.key) for c in diff.changes] == [
        (REMOVED, Subject.SECTION, "licence"),
        (REMOVED, Subject.ITEM, "licence_shown"),
        (REMOVED, Subject.ITEM, "licence_problem"),
        (REMOVED, Subject.ITEM, "licence_photo"),
        (CHANGED, Subject.SECTION, "goods"),
        (CHANGED, Subject.ITEM, "storage"),
        (ADDED, Subject.SECTION, "records"),
        (ADDED, Subject.ITEM, "invoices"),
    ]
    assert [c.text.zh for c in diff.changes if c.subject is Subject.SECTION] == [
        '删除分节 "经营资质"', '分节标题 "商品" → "商品与贮存"', '新增分节 "进货查验"（1 个题目）']
    assert diff.summary().zh == "新增 1 项，删除 3 项，修改 1 项，移动 0 项；分节变化 3 处"
    assert diff.summary().en == ("1 item added, 3 removed, 1 changed, 0 moved; "
                                 "3 section changes")

    reordered = next_version()
    reordered["sections"].reverse()
    [change] = diff_versions(version(FOOD_VENDOR), version(reordered)).changes
    assert (change.kind, change.subject, change.key) == (MOVED, Subject.SECTION, "goods")
    assert change.text.zh == "分节顺序 第 2 → 第 1"
    last = next_version()  # a removed section stands after the one before it
    last["sections"].pop()
    last["sections"].append({"key": "records", "title": "进货查验", "items": [
        {"key": "invoices", "kind": "compliance", "label": "留存进货票据"}]})
    assert [(c.kind, c.key) for c in diff_versions(version(FOOD_VENDOR),
                                                   version(last)).changes] == [
        (REMOVED, "goods"), (REMOVED, "storage"), (REMOVED, "expired_count"),
        (REMOVED, "temperature"), (REMOVED, "note"), (ADDED, "records"), (ADDED, "invoices")]


def test_the_checklist_itself_title_entity_types_and_check_items() -> None:
    v2 = next_version()
    v2.update(title="食品销售日常检查", entity_types=["enterprise"], check_items=["CI-3", "CI-4"])
    item(v2, "note")["label"] = "查看冷链记录"
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert [(c.subject, c.key, c.section) for c in diff.changes][:3] == [
        (Subject.CHECKLIST, None, None)] * 3
    assert [c.text.zh for c in diff.changes] == [
        '标题 "食品销售者日常检查" → "食品销售日常检查"',
        "适用主体类型 individual、enterprise → enterprise",
        "抽查事项 CI-3 → CI-3、CI-4",
        '标签 "检查冷链记录" → "查看冷链记录"',
    ]
    assert diff.changes[1].text.en == "entity types individual, enterprise → enterprise"
    assert diff.changes[0].place.zh == "清单"
    assert diff.changes[3].place.en == "item note"
    assert diff.summary().zh == "新增 0 项，删除 0 项，修改 1 项，移动 0 项；清单信息变化 3 处"
    assert diff.summary().en.endswith("; 3 checklist changes")


def test_an_item_changed_in_many_fields_counts_once() -> None:
    v2 = next_version()
    item(v2, "expired_count").update(label="过期数量", unit="个", max="99")
    item(v2, "storage")["label"] = "贮存"
    diff = diff_versions(version(FOOD_VENDOR), version(v2))
    assert len(diff.changes) == 4
    assert diff.item_counts()[CHANGED] == 2
    assert diff.summary().zh == "新增 0 项，删除 0 项，修改 2 项，移动 0 项"
