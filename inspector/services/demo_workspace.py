"""The demo workspace: one Hebei county (正定县) with a realistic directory.

Contract: :func:`build_demo_workspace` writes ``demo-entities.csv`` (5,000 market
entities with valid 统一社会信用代码, Chinese names and addresses, risk classes and
registration states) and ``demo-inspectors.csv`` (40 inspectors of the county bureau,
some with expired, missing or not-yet-valid certificates) into the workspace's
``demo/`` folder and imports them through the ordinary import service, so the demo
exercises the same path as real data and leaves files a user can edit and re-import.
It also imports and publishes the checklists shipped in ``resources/checklists``.
Generation is seeded: the same seed gives the same workspace.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from inspector.core.credit_codes import (
    USCC_CHARSET,
    gb11714_check_character,
    uscc_check_character,
)
from inspector.core.divisions import DivisionTable
from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.core.roles import Actor, Role
from inspector.core.text import Lang
from inspector.db.models import WorkspaceSetting
from inspector.resource_files import resource
from inspector.services.checklist_library import (
    StoredVersion,
    import_checklist,
    publish_version,
)
from inspector.services.directory_import import ImportKind, ImportSummary, import_directory
from inspector.services.sync_session import DIVISION_KEY, PREFIX_KEY, STAFF_KEY
from inspector.services.workspace import Workspace
from inspector.services.workspace_location import local_actor

COUNTY_CODE = "130123"
COUNTY = "正定县"
CITY = "石家庄市"
DEMO_ENTITY_COUNT = 5000
DEMO_INSPECTOR_COUNT = 40
BUREAU = "正定县市场监督管理局"

_TOWNSHIPS = ("正定镇", "诸福屯镇", "新城铺镇", "新安镇", "南牛乡", "南楼乡", "西平乐乡",
              "北早现乡", "曲阳桥乡")
_VILLAGES = ("塔元庄村", "东关村", "西关村", "永安村", "三里屯村", "周通村", "吴兴村", "东里双村",
             "西杜村", "北孙村", "南岗村", "朱河村", "高平村", "七吉村", "东权城村", "小马村")
_STREETS = ("中山路", "燕赵大街", "常山路", "恒州南街", "育才街", "兴荣路", "府前街", "旺泉街")
_BRANDS = ("鑫盛", "恒通", "华瑞", "金丰", "宏达", "永顺", "福源", "德胜", "嘉禾", "润丰", "天诚",
           "瑞祥", "兴隆", "广和", "利民", "富康", "佳美", "汇通", "万家", "博远", "正通", "常山",
           "古城", "滹沱", "荣盛", "益民", "丰泽", "安泰", "顺达", "隆兴", "昌盛", "聚源")
_ENTERPRISE_TRADES = (
    ("农资", "农资销售"), ("食品", "食品销售"), ("商贸", "批发和零售业"), ("超市", "零售业"),
    ("五金建材", "零售业"), ("餐饮管理", "餐饮服务"), ("化妆品", "化妆品经营"),
    ("家用电器", "零售业"), ("粮油", "食品销售"), ("服装", "零售业"), ("酒业", "食品销售"),
    ("日用品", "零售业"), ("电动车", "零售业"), ("种业", "农资销售"),
)
_SHOP_TRADES = (
    ("副食店", "食品销售"), ("五金店", "零售业"), ("便民超市", "零售业"), ("烟酒店", "食品销售"),
    ("农资店", "农资销售"), ("日用品店", "零售业"), ("服装店", "零售业"), ("小吃部", "餐饮服务"),
    ("粮油店", "食品销售"), ("调料店", "食品销售"), ("家电维修部", "居民服务业"),
    ("手机店", "零售业"), ("化妆品店", "化妆品经营"), ("种子门市", "农资销售"),
)
_COOP_PRODUCTS = ("蔬菜", "小麦", "玉米", "果品", "食用菌", "中药材", "花生", "葡萄")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
_GIVEN = ("建国", "秀英", "志强", "丽娟", "海涛", "春梅", "永刚", "玉兰", "国庆", "红霞", "立新",
          "淑珍", "振华", "桂芳", "晓东", "艳玲", "卫东", "翠英", "子轩", "欣怡", "浩然", "雨涵",
          "保国", "金凤", "文博", "佳琪", "明亮", "素芬")
_UNITS = ("正定县市场监督管理局执法大队", "正定县市场监督管理局城区市场监管所",
          "正定县市场监督管理局诸福屯市场监管所", "正定县市场监督管理局新城铺市场监管所",
          "正定县市场监督管理局新安市场监管所", "正定县市场监督管理局南牛市场监管所")
_QUALIFICATIONS = ("食品", "产品质量", "计量", "商标", "特种设备", "广告", "价格")
ENTITY_HEADER = ("统一社会信用代码", "名称", "主体类型", "行政区划代码", "住所", "法定代表人",
                  "行业", "风险等级", "登记状态")
INSPECTOR_HEADER = ("工号", "姓名", "单位", "行政区划代码", "执法证号", "发证机关", "有效期起",
                     "有效期至", "执法资格", "在岗")


@dataclass(frozen=True, slots=True)
class DemoResult:
    entities: ImportSummary
    inspectors: ImportSummary
    checklists: tuple[StoredVersion, ...] = ()


def build_demo_workspace(
    workspace: Workspace, divisions: DivisionTable, *, today: date, seed: int = 20171,
    with_checklists: bool = True,
) -> DemoResult:
    """Generate the demo files and import them into ``workspace`` (and, unless told
    otherwise, publish the shipped checklists as the demo's administrator)."""
    entities_file, inspectors_file = write_demo_directory(workspace.paths.root / "demo",
                                                          today=today, seed=seed)
    actor = local_actor(Role.ADMINISTRATOR)
    summaries = [
        import_directory(
            workspace.store, actor, kind, path, divisions=divisions,
            fallback_report_dir=workspace.paths.reports, lang=Lang.ZH,
        ).value
        for kind, path in ((ImportKind.ENTITIES, entities_file),
                           (ImportKind.INSPECTORS, inspectors_file))
    ]
    entities, inspectors = summaries
    checklists = publish_shipped_checklists(workspace, actor) if with_checklists else ()
    return DemoResult(entities, inspectors, checklists)


def write_demo_directory(folder: Path, *, today: date, seed: int = 20171) -> tuple[Path, Path]:
    """Write ``demo-entities.csv`` and ``demo-inspectors.csv`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    entities_file = folder / "demo-entities.csv"
    inspectors_file = folder / "demo-inspectors.csv"
    _write_csv(entities_file, ENTITY_HEADER, demo_entity_rows(rng, DEMO_ENTITY_COUNT))
    _write_csv(inspectors_file, INSPECTOR_HEADER,
               demo_inspector_rows(rng, DEMO_INSPECTOR_COUNT, today))
    return entities_file, inspectors_file


def publish_shipped_checklists(workspace: Workspace, actor: Actor) -> tuple[StoredVersion, ...]:
    """Import and publish the checklists shipped in ``resources/checklists`` (already
    published ones are left as they are)."""
    published = []
    for path in sorted(resource("checklists").glob("*.json")):
        stored = import_checklist(workspace.store, actor, path).value
        if stored.status is ChecklistVersionStatus.DRAFT:
            stored = publish_version(workspace.store, actor, stored.code, stored.version).value
        published.append(stored)
    return tuple(published)


def demo_credit_code(rng: random.Random, kind_digit: str, region: str) -> str:
    """A valid USCC of department 9 (市场监管) with a GB 11714-valid ``MA`` body."""
    body = "MA" + "".join(rng.choice(USCC_CHARSET) for _ in range(6))
    check = gb11714_check_character(body)
    assert check is not None
    first17 = f"9{kind_digit}{region}{body}{check}"
    return first17 + uscc_check_character(first17)


def demo_entity_rows(rng: random.Random, count: int) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    names: dict[str, int] = {}
    while len(rows) < count:
        roll = rng.random()
        kind_digit, kind = ("1", "企业") if roll < 0.55 else ("2", "个体工商户") if roll < 0.95 \
            else ("3", "农民专业合作社")
        code = demo_credit_code(rng, kind_digit, COUNTY_CODE)
        if code in seen:
            continue
        township = rng.choice(_TOWNSHIPS)
        if kind == "企业":
            trade, industry = rng.choice(_ENTERPRISE_TRADES)
            name = f"{COUNTY}{rng.choice(_BRANDS)}{trade}有限公司"
        elif kind == "个体工商户":
            trade, industry = rng.choice(_SHOP_TRADES)
            surname = rng.choice(_SURNAMES)
            name = f"{COUNTY}{township}{surname}{rng.choice(('记', '氏'))}{trade}"
        else:
            product = rng.choice(_COOP_PRODUCTS)
            industry = "农业"
            village = rng.choice(_VILLAGES).removesuffix("村")
            founder = rng.choice(("", rng.choice(_SURNAMES) + "氏"))
            name = f"{COUNTY}{village}{founder}{product}种植专业合作社"
        repeats = names.get(name, 0)
        names[name] = repeats + 1
        if repeats:
            # Real directories hold branches under one trade name (第二分店, ...).
            name = f"{name}（第{repeats + 1}分店）"
        seen.add(code)
        rows.append((
            code,
            name,
            kind,
            COUNTY_CODE,
            _address(rng, township),
            rng.choice(_SURNAMES) + rng.choice(_GIVEN),
            industry,
            rng.choices("ABCDE", weights=(30, 40, 20, 7, 3))[0],
            rng.choices(("存续", "吊销", "注销", "迁出", "停业"), weights=(94, 2, 2, 1, 1))[0],
        ))
    return rows


def _address(rng: random.Random, township: str) -> str:
    prefix = f"河北省{CITY}{COUNTY}{township}"
    style = rng.random()
    if style < 0.35:
        return f"{prefix}{rng.choice(_VILLAGES)}{rng.randint(1, 300)}号"
    if style < 0.65:
        return f"{prefix}集贸市场{rng.randint(1, 12)}排{rng.randint(1, 40)}号"
    return f"{prefix}{rng.choice(_STREETS)}{rng.randint(1, 500)}号"


def demo_inspector_rows(rng: random.Random, count: int, today: date) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    names: set[str] = set()
    for index in range(count):
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        while name in names:
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        names.add(name)
        issued = today - timedelta(days=rng.randint(200, 1500))
        valid_to = issued + timedelta(days=365 * 5)
        cert = f"冀{COUNTY_CODE}{issued.year % 100:02d}{index + 1:04d}"
        if index % 9 == 4:  # some certificates have expired
            valid_to = today - timedelta(days=rng.randint(1, 200))
        if index == count - 2:  # one newcomer whose certificate starts next month
            issued = today + timedelta(days=20)
            valid_to = issued + timedelta(days=365 * 5)
        no_certificate = index == count - 1
        rows.append((
            f"ZD{index + 1:03d}",
            name,
            _UNITS[index % len(_UNITS)],
            COUNTY_CODE,
            "" if no_certificate else cert,
            "" if no_certificate else "石家庄市人民政府",
            "" if no_certificate else issued.isoformat(),
            "" if no_certificate else valid_to.isoformat(),
            "、".join(rng.sample(_QUALIFICATIONS, k=rng.randint(1, 3))),
            "否" if index % 17 == 16 else "是",
        ))
    return rows


def _write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


OFFLINE_DEMO_PREFIX = "0D0"  # what enrolment would give; never issued by a platform


def sign_in_offline_as(workspace: Workspace, staff_id: str) -> None:
    """Make the offline demo (and the tour) act as inspector ``staff_id`` of the county
    bureau, as after signing in: their tasks are "mine", and samples get codes under
    :data:`OFFLINE_DEMO_PREFIX`. Only for workspaces that never sync."""
    with workspace.store.write() as session:
        for key, value in ((PREFIX_KEY, OFFLINE_DEMO_PREFIX), (DIVISION_KEY, COUNTY_CODE),
                           (STAFF_KEY, staff_id)):
            session.merge(WorkspaceSetting(key=key, value=value))
