"""The fields of the 抽样单 (sampling form), section by section, as the form prints them.

Contract: pure data (domain.md §2.4). Each :class:`FormField` names the key a value is
kept under (a sample's ``fields``, or, for the values the app knows itself, the name the
document builder fills: ``sample_code``, ``sampled_at``, ``delivery_due``, the
被抽样单位's and the 抽样单位's details), its printed label, its English name and, for
the fields answered from a fixed list, the choices. Sections:

- :data:`SECTION_A` header and task (A), :data:`SECTION_B` 被抽样单位 (B),
  :data:`SECTION_C` 样品信息 (C), :data:`SECTION_D` (标称)生产者 (D),
  :data:`SECTION_E` 抽样单位 (E); F is the single remark (:data:`REMARKS_KEY`), G the
  sign-offs, which are not fields;
- :data:`COPIES`: the four copies (一式四联) and who keeps each (§2.4 H);
- :data:`NO_OBJECTION`: the sampled party's statement above its signature (§2.4 G).

The form never leaves a field blank: an unused field prints as "—" (抽样单不得留白).
The sampling wizard and the printed form use the same keys, so a value entered is a
value printed. Stable identifiers: keys are stored in the database.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FormField:
    key: str
    label: str  # as printed
    en: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FormCopy:
    number: str  # 第一联
    keeper: str  # 组织抽检的市场监管部门

    @property
    def title(self) -> str:
        return f"{self.number}　{self.keeper}"


YES_NO = ("是", "否")

SECTION_A: tuple[FormField, ...] = (
    FormField("sample_code", "抽样单编号", "sampling form number"),
    FormField("task_source", "任务来源", "task source"),
    FormField("task_category", "任务类别", "task category",
              ("监督抽检", "风险监测", "评价性抽检", "国家监督抽查", "日常监督抽查",
               "专项监督抽查", "有因抽查")),
    FormField("link", "抽样环节", "sampling link", ("生产", "流通", "餐饮")),
    FormField("site_type", "抽样地点", "sampling site",
              ("批发市场", "农贸市场", "商场", "超市", "菜市场", "小食杂店", "网购",
               "原辅料库", "生产线", "半成品库", "成品库（待检）", "成品库（已检）", "其他")),
    FormField("area_type", "区域类型", "area type", ("城市", "乡村", "城乡结合部")),
    FormField("resample", "是否补样", "resample", YES_NO),
    FormField("sampled_at", "抽样日期", "sampled at"),
    FormField("samplers", "抽样人", "samplers"),
    FormField("sampler_phone", "抽样人联系电话", "samplers' telephone"),
)

SECTION_B: tuple[FormField, ...] = (
    FormField("unit_name", "单位名称", "name"),
    FormField("unit_address", "单位地址", "address"),
    FormField("unit_region", "所在地区", "province, city, county"),
    FormField("credit_code", "统一社会信用代码/营业执照号", "credit code or registration number"),
    FormField("legal_representative", "法定代表人/负责人", "legal representative"),
    FormField("licence_type", "许可证类型", "licence type"),
    FormField("licence_number", "许可证号", "licence number"),
    FormField("enterprise_scale", "企业规模", "size of the business"),
    FormField("annual_sales", "年销售额（万元）", "annual sales (10k yuan)"),
    FormField("business_type", "业态类型", "type of business"),
    FormField("party_contact", "联系人", "contact"),
    FormField("party_phone", "电话", "telephone"),
    FormField("party_fax", "传真", "fax"),
    FormField("party_postcode", "邮编", "postcode"),
)

SECTION_C: tuple[FormField, ...] = (
    FormField("name", "样品名称", "sample name"),
    FormField("brand", "商标", "brand"),
    FormField("specification", "规格型号", "specification"),
    FormField("quality_grade", "质量等级", "quality grade"),
    FormField("batch", "样品批号", "batch"),
    FormField("date_type", "日期类型", "date type", ("生产日期", "加工日期", "购进日期")),
    FormField("date", "日期", "date"),
    FormField("shelf_life", "保质期", "shelf life"),
    FormField("standard", "执行标准/技术文件", "standard"),
    FormField("production_licence", "生产许可证编号", "production licence number"),
    FormField("approval_number", "批准文号/备案号", "approval or filing number"),
    FormField("unit_price", "单价", "unit price"),
    FormField("export", "是否出口", "for export", YES_NO),
    FormField("sample_source", "样品来源", "source", ("加工自制", "委托生产", "外购", "其他")),
    FormField("sample_attribute", "样品属性", "attribute"),
    FormField("sample_type", "样品类型", "type"),
    FormField("batch_size", "抽样基数/批量", "lot size"),
    FormField("quantity", "抽样数量", "quantity"),
    FormField("backup_quantity", "备样数量", "backup quantity"),
    FormField("purchase_quantity", "进货量", "quantity bought in"),
    FormField("stock_quantity", "库存量", "quantity in stock"),
    FormField("physical_state", "样品形态", "physical state", ("固体", "半固体", "液体", "气体")),
    FormField("packaging_class", "包装分类", "packaging", ("散装", "预包装")),
    FormField("storage_temperature", "储存条件（温度）", "storage temperature"),
    FormField("storage_humidity", "储存条件（湿度）", "storage humidity"),
    FormField("storage_other", "储存条件（其他）", "other storage conditions"),
    FormField("sample_packaging", "抽样样品包装", "packaging of the sample"),
    FormField("sampling_tools", "抽样工具", "sampling tools"),
    FormField("barcode", "条形码（样品）", "product barcode"),
    FormField("delivery_due", "寄送样品截止日期", "deliver to the lab by"),
)

SECTION_D: tuple[FormField, ...] = (
    FormField("producer_name", "名称", "producer"),
    FormField("producer_address", "地址", "producer's address"),
    FormField("producer_contact", "联系人", "producer's contact"),
    FormField("producer_phone", "联系电话", "producer's telephone"),
    FormField("producer_agent", "进口代理商", "import agent"),
)

SECTION_E: tuple[FormField, ...] = (
    FormField("sampling_unit_name", "名称", "sampling unit"),
    FormField("sampling_unit_level", "级别", "level"),
    FormField("sampling_unit_address", "地址", "address"),
    FormField("sampling_unit_contact", "联系人", "contact"),
    FormField("sampling_unit_phone", "电话", "telephone"),
    FormField("sampling_unit_email", "Email", "email"),
    FormField("sampling_unit_fax", "传真", "fax"),
    FormField("sampling_unit_postcode", "邮编", "postcode"),
)

REMARKS_KEY = "remarks"

SECTIONS: tuple[tuple[str, tuple[FormField, ...]], ...] = (
    ("一、抽样基本信息", SECTION_A),
    ("二、被抽样单位信息", SECTION_B),
    ("三、样品信息", SECTION_C),
    ("四、（标称）生产者信息", SECTION_D),
    ("五、抽样单位信息", SECTION_E),
)

COPIES: tuple[FormCopy, ...] = (
    FormCopy("第一联", "组织抽检的市场监管部门"),
    FormCopy("第二联", "承担核查处置的市场监管部门"),
    FormCopy("第三联", "抽样单位"),
    FormCopy("第四联", "被抽样单位"),
)

NO_OBJECTION = "被抽样单位对抽样程序、过程、封样状态及上述内容无异议。"
