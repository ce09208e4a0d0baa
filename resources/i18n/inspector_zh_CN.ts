<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="111" />
        <source>Verifying…</source>
        <translation>正在校验……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="115" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="116" />
        <source>Filter events…</source>
        <translation>筛选事件……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="117" />
        <source>Verify hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="133" />
        <source>Intact: %1 events, hash chain unbroken.</source>
        <translation>完整：共 %1 条事件，哈希链无断裂。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="138" />
        <source>Tampered: %1</source>
        <translation>已被篡改：%1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="44" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="46" />
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="47" />
        <source>Device clock</source>
        <translation>设备时钟</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="48" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="49" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="50" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="51" />
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="52" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="58" />
        <source>Workspace created</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="59" />
        <source>Database upgraded</source>
        <translation>数据库结构升级</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="60" />
        <source>Market entities imported</source>
        <translation>导入市场主体名录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="61" />
        <source>Inspectors imported</source>
        <translation>导入检查人员名录</translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="251" />
        <source>Directories</source>
        <translation>名录库</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="253" />
        <source>Market entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="254" />
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="141" />
        <source>Filter by name, credit code, address, person… (Ctrl+F)</source>
        <translation>按名称、信用代码、住所、人员筛选……（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="143" />
        <source>Filter by name, staff id, unit, certificate… (Ctrl+F)</source>
        <translation>按姓名、工号、单位、执法证号筛选……（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="144" />
        <source>Import…</source>
        <translation>导入……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="145" />
        <source>Import from .xlsx or .csv (Ctrl+I)</source>
        <translation>从 .xlsx 或 .csv 文件导入（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="156" />
        <source>Could not load the directory</source>
        <translation>名录加载失败</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="168" />
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="170" />
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="172" />
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2 条</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="45" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="46" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="47" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="48" />
        <source>Region</source>
        <translation>区划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="50" />
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="51" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="52" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="53" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="58" />
        <source>Status</source>
        <translation>登记状态</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="88" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="90" />
        <source>Signed in on this computer as %1, acting as %2.</source>
        <translation>本机用户 %1，当前角色：%2。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="92" />
        <source>Market entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="93" />
        <source>Inspectors on duty</source>
        <translation>在岗检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="94" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="95" />
        <source>Deadlines from today</source>
        <translation>自今日起的法定期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="115" />
        <source>%1 in risk classes D and E</source>
        <translation>其中 D、E 级（高风险）%1 户</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="121" />
        <source>%1 cannot inspect today: certificate expired, missing or not yet valid</source>
        <translation>%1 人今日不能执法：执法证已过期、缺失或未生效</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="123" />
        <source>All certificates valid today</source>
        <translation>今日全部执法证有效</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="131" />
        <source>Hash chain intact</source>
        <translation>哈希链完整</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="134" />
        <source>Tampered: %1</source>
        <translation>已被篡改：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="146" />
        <source>Results of an inspection ending today: publish by %1 (20 working days)</source>
        <translation>今日结束的检查：结果须于 %1 前公示（20 个工作日）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="148" />
        <source>Samples taken today: at the lab by %1 (5 working days)</source>
        <translation>今日抽取的样品：须于 %1 前送达检验机构（5 个工作日）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="157" />
        <source>No holiday schedule installed for %1: counted with weekends only</source>
        <translation>尚未安装 %1 年节假日安排：暂按周末计算</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="139" />
        <source>Import %1</source>
        <translation>导入%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="141" />
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="152" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="153" />
        <source>Reading %1…</source>
        <translation>正在读取 %1……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="154" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="177" />
        <source>%1 rows processed</source>
        <translation>已处理 %1 行</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="205" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="104" />
        <source>Import result</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="105" />
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="108" />
        <source>Report: %1</source>
        <translation>报告文件：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="110" />
        <source>Columns not recognised (ignored): %1</source>
        <translation>未识别的列（已忽略）：%1</translation>
    </message>
</context>
<context>
    <name>InspectorTableModel</name>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="79" />
        <source>Staff id</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="80" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="81" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="82" />
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="83" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="85" />
        <source>Certificate</source>
        <translation>证件状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="87" />
        <source>Qualifications</source>
        <translation>执法资格</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="88" />
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="140" />
        <source>Inspector: random inspections and sampling</source>
        <translation>Inspector 双随机抽查与抽样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="141" />
        <source>Inspector · 双随机、一公开</source>
        <translation>Inspector · 双随机、一公开</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="142" />
        <source>Acting as</source>
        <translation>当前角色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="143" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="156" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="157" />
        <source>Directories</source>
        <translation>名录库</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="158" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="199" />
        <source>Opening workspace…</source>
        <translation>正在打开工作区……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="201" />
        <source>Workspace: %1 · device %2</source>
        <translation>工作区：%1 · 设备 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="205" />
        <source>Working…</source>
        <translation>处理中……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="205" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="208" />
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="209" />
        <source>The operation %1 failed: %2</source>
        <translation>操作 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="56" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="58" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="59" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="60" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="63" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../inspector/ui/app.py" line="90" />
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/app.py" line="102" />
        <source>Preparing the demo</source>
        <translation>正在准备演示数据</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/app.py" line="103" />
        <source>Creating a demo county: 5,000 market entities and 40 inspectors…</source>
        <translation>正在生成演示县：5,000 户市场主体和 40 名检查人员……</translation>
    </message>
</context>
</TS>