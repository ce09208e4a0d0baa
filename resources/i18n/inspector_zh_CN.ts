<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdHocTaskDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="290"/>
        <source>%1 · has an open task</source>
        <translation>%1 · 已有未完成任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="382"/>
        <source>New ad-hoc task</source>
        <translation>新建临时任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="383"/>
        <source>&amp;Entity</source>
        <translation>检查对象(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="384"/>
        <source>Search name, credit code or address</source>
        <translation>按名称、信用代码或住所搜索</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="385"/>
        <source>Enter picks the highlighted match; Down goes to the list</source>
        <translation>回车选择高亮的结果；向下键进入列表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="387"/>
        <source>&amp;Reason</source>
        <translation>任务来由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="389"/>
        <source>Why: e.g. the 12315 complaint&apos;s number and matter</source>
        <translation>来由：如 12315 投诉举报编号及事项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="391"/>
        <source>Source: ad-hoc, not drawn at random. The reason is what makes the inspection lawful: name the complaint, tip-off, referral or instruction it follows.</source>
        <translation>来源：临时任务，非随机抽取。任务来由是检查的依据：请写明所依据的投诉、举报、转办或交办事项。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="393"/>
        <source>&amp;Due date</source>
        <translation>完成期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="394"/>
        <source>&amp;Team (at least two; the first ticked leads)</source>
        <translation>检查人员(&amp;T)（至少两名；先勾选者为主检）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="395"/>
        <source>Filter by name, staff id or unit</source>
        <translation>按姓名、工号或单位筛选</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="396"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="396"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="397"/>
        <source>Certificate valid until</source>
        <translation>执法证有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="398"/>
        <source>Space ticks or unticks the highlighted inspector</source>
        <translation>空格键勾选或取消高亮的检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="399"/>
        <source>Create task</source>
        <translation>创建任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="413"/>
        <source>Type to search the directory.</source>
        <translation>输入文字搜索名录库。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="415"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="417"/>
        <source>No entity found.</source>
        <translation>未找到检查对象。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="419"/>
        <source>The first %1 matches: type more to narrow them.</source>
        <translation>前 %1 个结果：请输入更多文字缩小范围。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="422"/>
        <source>%1 match(es).</source>
        <translation>%1 个结果。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="428"/>
        <source>No entity chosen yet.</source>
        <translation>尚未选择检查对象。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="429"/>
        <source>Chosen: %1</source>
        <translation>已选择：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="437"/>
        <source>%1 (lead)</source>
        <translation>%1（主检）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="442"/>
        <source>Certificate %1</source>
        <translation>执法证 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="451"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="458"/>
        <source>%1 · expired</source>
        <translation>%1 · 已过期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="460"/>
        <source>only from %1</source>
        <translation>自 %1 起有效</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="462"/>
        <source>no certificate on record</source>
        <translation>未登记执法证</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="468"/>
        <source>Tick at least two inspectors: the first one ticked leads.</source>
        <translation>请至少勾选两名检查人员：先勾选者为主检。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="469"/>
        <source>Lead: %1</source>
        <translation>主检：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="471"/>
        <source>%1 · assisting: %2</source>
        <translation>%1 · 协检：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="472"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/ad_hoc_task_dialog.py" line="485"/>
        <source>Choose the entity first: search the directory by name, credit code or address.</source>
        <translation>请先选择检查对象：按名称、信用代码或住所搜索名录库。</translation>
    </message>
</context>
<context>
    <name>AnnotationCanvas</name>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="339"/>
        <source>At most %1 annotations fit on one photo.</source>
        <translation>一张照片最多 %1 处标注。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="581"/>
        <source>Photo annotations</source>
        <translation>照片标注</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="582"/>
        <source>Type the text, then Enter</source>
        <translation>输入文字后按回车</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="710"/>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="710"/>
        <source>Circle</source>
        <translation>圆圈</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="711"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="715"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="715"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="715"/>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="716"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="720"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="722"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="723"/>
        <source>The original photo is never changed: the annotations are kept as a separate layer.</source>
        <translation>照片原件不会被修改：标注另存为单独的图层。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/annotation_editor.py" line="725"/>
        <source>Save annotations</source>
        <translation>保存标注</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="128"/>
        <source>Verifying…</source>
        <translation>正在校验……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="132"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="133"/>
        <source>Filter events…</source>
        <translation>筛选事件……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="134"/>
        <source>Verify hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="150"/>
        <source>Intact: %1 events, hash chain unbroken.</source>
        <translation>完整：共 %1 条事件，哈希链无断裂。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="155"/>
        <source>Tampered: %1</source>
        <translation>已被篡改：%1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="44"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="46"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="47"/>
        <source>Device clock</source>
        <translation>设备时钟</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="48"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="49"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="50"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="51"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="52"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="58"/>
        <source>Workspace created</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="59"/>
        <source>Database upgraded</source>
        <translation>数据库结构升级</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="60"/>
        <source>Market entities imported</source>
        <translation>导入市场主体名录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="61"/>
        <source>Inspectors imported</source>
        <translation>导入检查人员名录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="62"/>
        <source>Plan saved</source>
        <translation>保存抽查计划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="63"/>
        <source>Draw seed committed</source>
        <translation>提交抽取种子</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="64"/>
        <source>Draw run</source>
        <translation>执行随机抽取</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="65"/>
        <source>Drawn tasks released</source>
        <translation>下达抽取任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="66"/>
        <source>Inspector redrawn</source>
        <translation>重新抽取检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="67"/>
        <source>Recusal declared</source>
        <translation>申报回避</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="68"/>
        <source>Results approved for publication</source>
        <translation>审核通过待公示结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="69"/>
        <source>Publication exported</source>
        <translation>导出公示结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="70"/>
        <source>Assignment package exported</source>
        <translation>导出任务包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="71"/>
        <source>Assignment package imported</source>
        <translation>导入任务包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="72"/>
        <source>Checklist imported</source>
        <translation>导入检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="73"/>
        <source>Checklist published</source>
        <translation>发布检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="74"/>
        <source>Checklist draft started</source>
        <translation>开始填写检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="75"/>
        <source>Checklist draft moved to a new version</source>
        <translation>检查清单草稿迁移到新版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="76"/>
        <source>Checklist draft discarded</source>
        <translation>删除检查清单草稿</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="77"/>
        <source>Sync conflict: local version kept</source>
        <translation>同步冲突：保留本机版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/audit.py" line="78"/>
        <source>Sync: quarantined item retried</source>
        <translation>同步：重试隔离的记录</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="146"/>
        <source>Portion</source>
        <translation>份样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="147"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ChainTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="114"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="116"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="117"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="118"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="119"/>
        <source>From → to</source>
        <translation>移交人 → 接收人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="120"/>
        <source>Seal</source>
        <translation>封样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="122"/>
        <source>Result / report</source>
        <translation>结论 / 报告</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="123"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="130"/>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="130"/>
        <source>broken</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="135"/>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="135"/>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
</context>
<context>
    <name>ChecklistDiffDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="176"/>
        <source>%1 has fewer than two versions: there is nothing to compare yet.</source>
        <translation>%1 的版本少于两个，暂时没有可比较的内容。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="181"/>
        <source>Pick two different versions to compare.</source>
        <translation>请选择两个不同的版本进行比较。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="183"/>
        <source>Comparing version %1 with version %2…</source>
        <translation>正在比较第 %1 版与第 %2 版……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="194"/>
        <source>Version %1 → version %2: %3</source>
        <translation>第 %1 版 → 第 %2 版：%3</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="207"/>
        <source>Compare versions of %1</source>
        <translation>比较 %1 的版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="208"/>
        <source>&amp;From</source>
        <translation>旧版本(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="209"/>
        <source>&amp;To</source>
        <translation>新版本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="212"/>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="214"/>
        <source>Ctrl+C copies the selected rows</source>
        <translation>Ctrl+C 复制所选行</translation>
    </message>
</context>
<context>
    <name>ChecklistDiffModel</name>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="62"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="64"/>
        <source>Item</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="66"/>
        <source>Section</source>
        <translation>分节</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="69"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="81"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="82"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="83"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="84"/>
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="91"/>
        <source>(section)</source>
        <translation>（分节）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_diff.py" line="92"/>
        <source>(checklist)</source>
        <translation>（整个清单）</translation>
    </message>
</context>
<context>
    <name>ChecklistForm</name>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_form.py" line="190"/>
        <source>Required</source>
        <translation>必答</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_form.py" line="185"/>
        <source>Key item</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_form.py" line="188"/>
        <source>Basis: %1</source>
        <translation>检查依据：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_form.py" line="344"/>
        <source>Answered %1 / required %2</source>
        <translation>已答 %1 / 必答 %2</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="66"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="67"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="69"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="71"/>
        <source>Items</source>
        <translation>题目数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="73"/>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="75"/>
        <source>Drafts on this laptop filled on this version</source>
        <translation>本机使用此版本填写的草稿数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="77"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="84"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="85"/>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="86"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ChecklistsScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="264"/>
        <source>Import checklist</source>
        <translation>导入检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="265"/>
        <source>Checklists (*.json *.xlsx)</source>
        <translation>检查清单 (*.json *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="279"/>
        <source>%1 version %2 is already in the library.</source>
        <translation>%1 第 %2 版已在清单库中，内容相同。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="282"/>
        <source>Imported %1 version %2 as a draft.</source>
        <translation>已导入 %1 第 %2 版（草稿）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="289"/>
        <source>Not imported: %1 has %2 problem(s).</source>
        <translation>未导入：%1 有 %2 处问题。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="292"/>
        <source>Problems in %1</source>
        <translation>%1 中的问题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="295"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="302"/>
        <source>Publish checklist</source>
        <translation>发布检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="303"/>
        <source>Publish %1 version %2? A published version can never change, and every laptop receives it on its next sync.</source>
        <translation>发布 %1 第 %2 版？发布后不能再更改，各终端下次同步时都会收到。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="311"/>
        <source>Published %1 version %2.</source>
        <translation>已发布 %1 第 %2 版。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="313"/>
        <source>Not published: %1</source>
        <translation>未发布：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="320"/>
        <source>XLSForm workbook (*.xlsx)</source>
        <translation>XLSForm 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="322"/>
        <source>Export checklist</source>
        <translation>导出检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="323"/>
        <source>Checklist JSON (*.json)</source>
        <translation>检查清单 JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="395"/>
        <source>Compare versions…</source>
        <translation>比较版本…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="338"/>
        <source>Checklist written to %1</source>
        <translation>清单已写入 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="339"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="385"/>
        <source>Preview: try the form here; nothing is saved.</source>
        <translation>预览：可在此试填，不会保存。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="386"/>
        <source>Select a version to preview it.</source>
        <translation>选择一个版本以预览。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="389"/>
        <source>Checklists</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="390"/>
        <source>Import checklist…</source>
        <translation>导入清单…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="392"/>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/checklists.py" line="393"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>ComplianceEditor</name>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_editors.py" line="194"/>
        <source>Note (optional)</source>
        <translation>说明（选填）</translation>
    </message>
</context>
<context>
    <name>CustodyStepDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="180"/>
        <source>Batch hand-over</source>
        <translation>批量移交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="181"/>
        <source>Every portion scanned next is recorded as handed over with these details, by %1.</source>
        <translation>接下来扫描的每一份样品都按以下信息记录为已移交，经办人：%1。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="185"/>
        <source>Record: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="186"/>
        <source>%1 · %2
Recorded by %3, now.</source>
        <translation>%1 · %2
经办人：%3，时间：现在。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="193"/>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="195"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="196"/>
        <source>&amp;Intact</source>
        <translation>完好(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="197"/>
        <source>&amp;Broken</source>
        <translation>破损(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="198"/>
        <source>&amp;Pass</source>
        <translation>合格(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="199"/>
        <source>&amp;Fail</source>
        <translation>不合格(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="202"/>
        <source>P&amp;hoto</source>
        <translation>照片(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="204"/>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="205"/>
        <source>Enter or Ctrl+Enter</source>
        <translation>回车或 Ctrl+回车</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="210"/>
        <source>Pla&amp;ce</source>
        <translation>地点(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="211"/>
        <source>&amp;From (handing over)</source>
        <translation>移交人(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="212"/>
        <source>&amp;To (receiving)</source>
        <translation>接收人(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="213"/>
        <source>Seal</source>
        <translation>封样状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="214"/>
        <source>Result</source>
        <translation>检验结论</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="215"/>
        <source>Report &amp;number</source>
        <translation>报告编号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="216"/>
        <source>R&amp;eason</source>
        <translation>理由(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="219"/>
        <source>&amp;Sent by</source>
        <translation>寄送人(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="220"/>
        <source>&amp;Destination</source>
        <translation>寄往(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="222"/>
        <source>&amp;Delivered by</source>
        <translation>送样人(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="223"/>
        <source>&amp;Lab</source>
        <translation>检验机构(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="224"/>
        <source>R&amp;eason for refusing</source>
        <translation>拒收理由(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="226"/>
        <source>&amp;Applicant</source>
        <translation>申请人(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="228"/>
        <source>Returned &amp;to</source>
        <translation>退还给(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="230"/>
        <source>Released &amp;to</source>
        <translation>退还给(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="235"/>
        <source>Optional: choose a photo…</source>
        <translation>选填：选择照片…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="244"/>
        <source>A photo of this step</source>
        <translation>本环节的照片</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="245"/>
        <source>Pictures (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="274"/>
        <source>Say whether the seal is intact.</source>
        <translation>请说明封样是否完好。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="276"/>
        <source>Choose pass or fail.</source>
        <translation>请选择合格或不合格。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/custody_step_dialog.py" line="279"/>
        <source>Give %1.</source>
        <translation>请填写%1。</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_editors.py" line="384"/>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_editors.py" line="385"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_editors.py" line="385"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_editors.py" line="386"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="278"/>
        <source>Directories</source>
        <translation>名录库</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="280"/>
        <source>Market entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="281"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="168"/>
        <source>Filter by name, credit code, address, person… (Ctrl+F)</source>
        <translation>按名称、信用代码、住所、人员筛选……（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="170"/>
        <source>Filter by name, staff id, unit, certificate… (Ctrl+F)</source>
        <translation>按姓名、工号、单位、执法证号筛选……（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="171"/>
        <source>Import…</source>
        <translation>导入……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="172"/>
        <source>Import from .xlsx or .csv (Ctrl+I)</source>
        <translation>从 .xlsx 或 .csv 文件导入（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="187"/>
        <source>Could not load the directory</source>
        <translation>名录加载失败</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="199"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="201"/>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/directory.py" line="203"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2 条</translation>
    </message>
</context>
<context>
    <name>DisclosureScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="232"/>
        <location filename="../../inspector/ui/screens/disclosure.py" line="300"/>
        <source>Approve for publication</source>
        <translation>审核公示</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="233"/>
        <source>Approve %1 results for publication? The approval is recorded in the audit log and cannot be withdrawn here.</source>
        <translation>审核通过 %1 条检查结果予以公示？审核将记入审计日志，在此无法撤回。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="238"/>
        <source>%1 results approved for publication.</source>
        <translation>%1 条检查结果已审核，可以公示。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="245"/>
        <source>Export disclosure list</source>
        <translation>导出公示清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="246"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="265"/>
        <source>%1 approved results written to %2</source>
        <translation>已将 %1 条已审核的检查结果写入 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="278"/>
        <source>%1 finalized results: %2 waiting for approval, %3 overdue, %4 must be published, %5 to refer to the abnormal operations list. Results are published within 20 working days of completion.</source>
        <translation>共 %1 条已完成的检查结果：%2 条待审核，%3 条已逾期，%4 条须公示，%5 条须移送经营异常名录。检查结果应自检查完成之日起 20 个工作日内公示。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="297"/>
        <source>Publication of results</source>
        <translation>检查结果公示</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="298"/>
        <source>Filter by entity, credit code, plan, result…</source>
        <translation>按主体名称、信用代码、计划、检查结果筛选……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="301"/>
        <source>Approve the selected results (Ctrl+Enter)</source>
        <translation>审核所选检查结果（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="302"/>
        <source>Export disclosure list…</source>
        <translation>导出公示清单……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="303"/>
        <source>The approved results as .xlsx or .csv (Ctrl+E)</source>
        <translation>将已审核的检查结果导出为 .xlsx 或 .csv（Ctrl+E）</translation>
    </message>
</context>
<context>
    <name>DisclosureTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="67"/>
        <source>Approval</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="70"/>
        <source>Publish by</source>
        <translation>公示期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="73"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="78"/>
        <source>Duties</source>
        <translation>须办事项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="83"/>
        <source>Entity</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="84"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="85"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="86"/>
        <source>Check items</source>
        <translation>检查事项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="87"/>
        <source>Completed</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="88"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="89"/>
        <source>Department</source>
        <translation>检查部门</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="107"/>
        <source>approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="107"/>
        <source>waiting</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="111"/>
        <source>%1 (provisional)</source>
        <translation>%1（暂定）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="114"/>
        <source>20 working days after completion on %1</source>
        <translation>检查完成日 %1 之后 20 个工作日</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="117"/>
        <source>The calendar has no holiday schedule for that year yet: weekends only were counted.</source>
        <translation>工作日历尚无该年度的节假日安排：仅扣除了周末。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="123"/>
        <source>overdue by %1</source>
        <translation>逾期 %1 个工作日</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="129"/>
        <source>⚑ must be published</source>
        <translation>⚑ 须公示</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="131"/>
        <source>⚑ refer to the abnormal operations list</source>
        <translation>⚑ 移送经营异常名录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="133"/>
        <source>⚑ the task was cancelled while this was done: decide what the result becomes</source>
        <translation>⚑ 检查期间任务已被撤销：请决定该结果如何处理</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/disclosure.py" line="136"/>
        <source>⚑ the task was reassigned while this was done: decide what the result becomes</source>
        <translation>⚑ 检查期间任务已改派：请决定该结果如何处理</translation>
    </message>
</context>
<context>
    <name>DraftAutosaver</name>
    <message>
        <location filename="../../inspector/ui/draft_autosave.py" line="60"/>
        <source>Not saved yet (%1); trying again…</source>
        <translation>尚未保存（%1），正在重试…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/draft_autosave.py" line="63"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/draft_autosave.py" line="64"/>
        <source>Every answer is saved as you give it.</source>
        <translation>每个答案随填随存。</translation>
    </message>
</context>
<context>
    <name>DraftMoveDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="44"/>
        <source>Move the draft to version %1</source>
        <translation>将草稿迁移到第 %1 版</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="47"/>
        <source>Version %1 → %2: %3 answer(s) kept, %4 converted, %5 dropped.</source>
        <translation>第 %1 版 → 第 %2 版：保留 %3 个答案，转换 %4 个，舍弃 %5 个。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="53"/>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="53"/>
        <source>converted</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="54"/>
        <source>dropped</source>
        <translation>舍弃</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="56"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="56"/>
        <source>On version %1</source>
        <translation>第 %1 版中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="58"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="58"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="81"/>
        <source>I confirm that the %1 answer(s) marked dropped will be lost.</source>
        <translation>我确认标为“舍弃”的 %1 个答案将会丢失。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draft_move_dialog.py" line="88"/>
        <source>Move</source>
        <translation>迁移</translation>
    </message>
</context>
<context>
    <name>DraftTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="67"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="68"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="70"/>
        <source>For</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="71"/>
        <source>Answers</source>
        <translation>已答</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="73"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="75"/>
        <source>Newer version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="76"/>
        <source>version %1 published</source>
        <translation>第 %1 版已发布</translation>
    </message>
</context>
<context>
    <name>DraftsScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="266"/>
        <source>No draft started: %1</source>
        <translation>未能开始填写：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="271"/>
        <source>Started filling %1 version %2.</source>
        <translation>已开始填写 %1 第 %2 版。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="278"/>
        <source>Discard draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="279"/>
        <source>Discard this draft of %1 with its %2 answer(s)? This cannot be undone.</source>
        <translation>删除这份 %1 草稿及其 %2 个答案？删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="287"/>
        <source>Draft discarded.</source>
        <translation>草稿已删除。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="289"/>
        <source>Not discarded: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="300"/>
        <source>Cannot move: %1</source>
        <translation>无法迁移：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="315"/>
        <source>Not moved: %1</source>
        <translation>未迁移：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="320"/>
        <source>The draft now uses version %1.</source>
        <translation>草稿现使用第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="341"/>
        <source>This draft uses version %1 of %2.</source>
        <translation>本草稿使用 %2 第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="343"/>
        <source>Start a draft or select one to fill it.</source>
        <translation>新建草稿，或选择一份草稿继续填写。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="347"/>
        <source>This draft uses version %1; version %2 has been published. You may finish it on version %1, or move it.</source>
        <translation>本草稿使用第 %1 版；第 %2 版已经发布。可以在第 %1 版上填完，也可以迁移到新版本。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="364"/>
        <source>Fill a checklist</source>
        <translation>填写清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="365"/>
        <source>For (e.g. the business&apos;s name)</source>
        <translation>检查对象（如经营者名称）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="366"/>
        <source>New draft</source>
        <translation>新建草稿</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="368"/>
        <source>Discard…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/drafts.py" line="369"/>
        <source>Move to the new version…</source>
        <translation>迁移到新版本…</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="202"/>
        <source>1. Seed</source>
        <translation>第一步：种子</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="203"/>
        <source>2. Draw</source>
        <translation>第二步：抽取</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="204"/>
        <source>Generate a random seed and publish its commitment</source>
        <translation>生成随机种子，并公布其承诺值</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="205"/>
        <source>Derive the seed from a public text announced in advance</source>
        <translation>由事先公布的公开文本生成种子</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="208"/>
        <source>e.g. the closing figure of a lottery draw, as announced</source>
        <translation>例如：公开发布的彩票开奖号码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="209"/>
        <source>Commit seed</source>
        <translation>提交种子</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="210"/>
        <source>Commitment sha256(seed), to publish:</source>
        <translation>待公布的承诺值 sha256(种子)：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="211"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="212"/>
        <source>Copy the commitment to the clipboard</source>
        <translation>将承诺值复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="214"/>
        <source>Publish the commitment (for example on the bureau&apos;s website) before running the draw. The seed itself stays secret until the draw; afterwards anyone can check that sha256(seed) equals what was published, so the seed cannot have been chosen after seeing the result.</source>
        <translation>抽取之前，请先公布承诺值（例如在本局门户网站）。种子本身在抽取前保密；抽取之后，任何人都可以核对 sha256(种子) 是否等于事先公布的承诺值，从而证明种子不是看到结果之后才选定的。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="218"/>
        <source>Run draw…</source>
        <translation>开始抽取……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="221"/>
        <source>Protocol SHA-256 (publish it with the result):</source>
        <translation>抽取记录 SHA-256（与抽取结果一并公布）：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="222"/>
        <source>Entities drawn and staffed</source>
        <translation>抽中并已派员的主体</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="223"/>
        <source>Tasks per inspector at most</source>
        <translation>每名检查人员任务上限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="223"/>
        <source>Drawn without a team</source>
        <translation>抽中但未能派员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="226"/>
        <source>Save protocol…</source>
        <translation>保存抽取记录……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="227"/>
        <source>Export ceremony summary…</source>
        <translation>导出抽取记录摘要……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="228"/>
        <source>The draw&apos;s record as PDF and .xlsx, for signing and filing</source>
        <translation>抽取记录的 PDF 和 .xlsx 版本，供签字和归档</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="237"/>
        <source>Choose a saved plan in the list above.</source>
        <translation>请在上方列表中选择一个已保存的计划。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="239"/>
        <source>Plan %1 · %2</source>
        <translation>计划 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="269"/>
        <source>Drawn with the seed of this commitment; the protocol contains the seed, so anyone can verify the draw.</source>
        <translation>已使用此承诺值对应的种子完成抽取；抽取记录中含有种子，任何人都可以核验。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="272"/>
        <source>No seed committed yet.</source>
        <translation>尚未提交种子。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="274"/>
        <source>Seed derived from the public text “%1”. Ready to draw.</source>
        <translation>种子由公开文本“%1”生成。可以抽取。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="276"/>
        <source>A secret seed is committed. Publish the commitment, then run the draw.</source>
        <translation>已提交保密的种子。请先公布承诺值，再开始抽取。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="292"/>
        <source>Replace the seed</source>
        <translation>更换种子</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="293"/>
        <source>Plan %1 already has a committed seed. Replace it? A commitment already published would no longer match.</source>
        <translation>计划 %1 已提交种子。确定要更换吗？已经公布的承诺值将不再相符。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="300"/>
        <source>Seed committed. Commitment: %1</source>
        <translation>种子已提交。承诺值：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="307"/>
        <source>Commitment copied to the clipboard.</source>
        <translation>承诺值已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="313"/>
        <source>Run the draw</source>
        <translation>开始抽取</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="314"/>
        <source>Run the draw for plan %1 now?

The result is final: a draw is never redone or edited. Make sure the commitment %2… has been published.</source>
        <translation>现在对计划 %1 进行抽取吗？

抽取结果即为最终结果，不能重抽，也不能修改。请确认承诺值 %2… 已经公布。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="326"/>
        <source>Drawing…</source>
        <translation>正在抽取……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="333"/>
        <source>Drawn: %1 entities with their teams. Release the tasks on the Tasks tab.</source>
        <translation>抽取完成：%1 个主体及其检查组。请在“任务”页签下达任务。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="352"/>
        <source>Save protocol</source>
        <translation>保存抽取记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="352"/>
        <source>Protocol (*.json)</source>
        <translation>抽取记录 (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="363"/>
        <source>Protocol saved to %1</source>
        <translation>抽取记录已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="371"/>
        <source>Folder for the ceremony summary</source>
        <translation>选择抽取记录摘要的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/draw_panel.py" line="382"/>
        <source>Ceremony summary written: %1 and %2</source>
        <translation>抽取记录摘要已写入：%1 和 %2</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="45"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="46"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="47"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="48"/>
        <source>Region</source>
        <translation>区划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="50"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="51"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="52"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="53"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="58"/>
        <source>Status</source>
        <translation>登记状态</translation>
    </message>
</context>
<context>
    <name>ExportPackageDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="123"/>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="154"/>
        <source>Export assignment package</source>
        <translation>导出任务包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="125"/>
        <source>For an inspector whose laptop cannot sync: a file with all of the inspector&apos;s released tasks (with their entities, teams and check items), signed with this workspace&apos;s key. A changed byte makes the file unusable.</source>
        <translation>供无法同步的检查人员使用：该检查人员全部已下达任务（含检查对象、检查组和检查事项）的文件，以本工作区的密钥签名。文件改动任何一个字节即无法导入。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="128"/>
        <source>&amp;Inspector</source>
        <translation>检查人员(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="129"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="130"/>
        <source>Browse…</source>
        <translation>浏览……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="131"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="132"/>
        <source>Signing-key fingerprint of this workspace:</source>
        <translation>本工作区签名密钥指纹：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="133"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="134"/>
        <source>Copy the fingerprint to the clipboard</source>
        <translation>将指纹复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="136"/>
        <source>Read this fingerprint out to the inspector (by phone or in person), not in the same message as the file: on the first import from this workspace the inspector must confirm that it matches.</source>
        <translation>请通过电话或当面向检查人员念出此指纹，不要与文件通过同一渠道发送：检查人员首次导入本工作区的任务包时，须确认指纹一致。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="155"/>
        <source>Assignment packages (*.json)</source>
        <translation>任务包 (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="164"/>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="199"/>
        <source>%1 tasks of %2 written to %3</source>
        <translation>已将 %2 的 %1 项任务写入 %3</translation>
    </message>
</context>
<context>
    <name>FieldTaskTableModel</name>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="42"/>
        <source>Entity</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="43"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="45"/>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="47"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="49"/>
        <source>Team</source>
        <translation>检查组</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="52"/>
        <source>Samples due</source>
        <translation>样品期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="72"/>
        <source>%1 open · next %2</source>
        <translation>%1 件未办结 · 最近期限 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="86"/>
        <source>not released</source>
        <translation>未下达</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="87"/>
        <source>to inspect</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="88"/>
        <source>inspecting</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="89"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="90"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/field_task_model.py" line="74"/>
        <location filename="../../inspector/ui/field_task_model.py" line="92"/>
        <source>%1 · overdue</source>
        <translation>%1 · 逾期</translation>
    </message>
</context>
<context>
    <name>FieldTasksScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="414"/>
        <source>Inspection started with %1 version %2: every answer is saved as you give it.</source>
        <translation>检查已开始，使用 %1 第 %2 版：每个答案随填随存。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="463"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="467"/>
        <source>Not finalized: %1 answer(s) still need attention: %2</source>
        <translation>未办结：还有 %1 处需要处理：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="483"/>
        <source>Finalized; record hash %1…</source>
        <translation>已办结，记录哈希 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="507"/>
        <source>Ad-hoc task created and released to its team.</source>
        <translation>临时任务已新建，并已下达给检查组。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="523"/>
        <source>Clue referred to %1; the decision is due by %2.</source>
        <translation>线索已移送 %1；须于 %2 前作出审批决定。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="554"/>
        <source>%1 task(s)</source>
        <translation>共 %1 项任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="555"/>
        <source>%1 of %2 task(s)</source>
        <translation>显示 %1 / 共 %2 项任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="560"/>
        <source>No task selected</source>
        <translation>未选择任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="561"/>
        <source>Select a task to see its details and inspect it.</source>
        <translation>选择一项任务，查看详情并开展检查。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="568"/>
        <source>Inspection under way with %1 version %2, pinned until it is finalized.</source>
        <translation>检查进行中，使用 %1 第 %2 版，办结前不变。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="572"/>
        <source>Opening the inspection…</source>
        <translation>正在打开检查…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="574"/>
        <source>This task is completed: its record is in the entity&apos;s history.</source>
        <translation>该任务已完成，检查记录见检查对象的检查历史。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="578"/>
        <source>No inspection under way. Start it on site: at least two inspectors of the drawn team, their certificates shown, and the checklist.</source>
        <translation>尚未开始检查。请在现场开始：抽取的检查组中至少两名检查人员在场、出示执法证件，并选择检查清单。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="581"/>
        <source>This task cannot be inspected.</source>
        <translation>该任务不能开展检查。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="596"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="599"/>
        <source>%1 · due %2</source>
        <translation>%1 · 完成期限 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="605"/>
        <source>Lead</source>
        <translation>主检</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="605"/>
        <source>Assisting</source>
        <translation>协检</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="606"/>
        <source>%1 %2 (%3) · certificate %4 · valid until %5</source>
        <translation>%1 %2（%3）· 执法证 %4 · 有效期至 %5</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="611"/>
        <source>%1 · expired or missing</source>
        <translation>%1 · 已过期或无证件</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="628"/>
        <source>Tasks and inspections</source>
        <translation>任务与检查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="629"/>
        <source>Search name, credit code or address</source>
        <translation>按名称、信用代码或住所搜索</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="631"/>
        <source>Start inspection…</source>
        <translation>开始检查…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="633"/>
        <source>Finalize…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="634"/>
        <source>Take a sample…</source>
        <translation>抽样……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="635"/>
        <source>Sample a product: its code, sealed portions and labels (Ctrl+Shift+S)</source>
        <translation>抽取样品：编号、分别封存的检验样品和备份样品、标签（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="638"/>
        <source>New ad-hoc task…</source>
        <translation>新建临时任务…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="639"/>
        <source>A task not drawn at random, e.g. after a 12315 complaint</source>
        <translation>非随机抽取的任务，如 12315 投诉举报后的检查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="641"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="642"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="643"/>
        <source>Risk class</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="643"/>
        <source>Check items</source>
        <translation>抽查事项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="644"/>
        <source>Window</source>
        <translation>检查时段</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="644"/>
        <source>Team</source>
        <translation>检查组</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/field_tasks.py" line="645"/>
        <source>Samples</source>
        <translation>样品</translation>
    </message>
</context>
<context>
    <name>FinalizeDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="201"/>
        <source>Finalize the inspection of %1</source>
        <translation>办结对 %1 的检查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="206"/>
        <source>The answers suggest no result: choose it below.</source>
        <translation>根据答案无法给出建议结果，请在下方选择。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="209"/>
        <source>Suggested result: %1
Because: %2</source>
        <translation>建议结果：%1
依据：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="212"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="215"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="216"/>
        <source>Why the result differs from the suggestion</source>
        <translation>所选结果与建议不同的理由</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="218"/>
        <source>Follow-up</source>
        <translation>后续处置措施</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="220"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="222"/>
        <source>Finalize</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="245"/>
        <source>The result differs from the suggestion: the reason is required and kept in the record.</source>
        <translation>所选结果与建议不同：必须说明理由，理由记入检查记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="249"/>
        <source>A reason is required only when the result differs from the suggestion. Once finalized, the record is locked and hashed.</source>
        <translation>仅当所选结果与建议不同时须说明理由。办结后记录即锁定并计算哈希。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="257"/>
        <source>Still to sign: %1</source>
        <translation>尚未签名：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/finalize_dialog.py" line="260"/>
        <source>Everyone has signed (or the party&apos;s refusal is recorded).</source>
        <translation>均已签名（或已记录当事人拒签）。</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <location filename="../../inspector/ui/widgets/follow_up_editor.py" line="197"/>
        <source>Correct &amp;by</source>
        <translation>改正期限(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/follow_up_editor.py" line="198"/>
        <source>The deadline for the correction: after the inspection day</source>
        <translation>责令改正的期限：应晚于检查当日</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/follow_up_editor.py" line="201"/>
        <source>What is done</source>
        <translation>具体处置措施</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/follow_up_editor.py" line="202"/>
        <source>Receiving office or department</source>
        <translation>接收的机构或部门</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="70"/>
        <source>Finalized</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="72"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="73"/>
        <source>Record hash</source>
        <translation>记录哈希</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="82"/>
        <source>%1 (correction)</source>
        <translation>%1（更正）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="84"/>
        <source>%1 (corrected since)</source>
        <translation>%1（已被更正）</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="127"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="129"/>
        <source>Signed in on this computer as %1, acting as %2.</source>
        <translation>本机用户 %1，当前角色：%2。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="131"/>
        <source>Market entities</source>
        <translation>市场主体</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="132"/>
        <source>Inspectors on duty</source>
        <translation>在岗检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="133"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="134"/>
        <source>Deadlines from today</source>
        <translation>自今日起的法定期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="135"/>
        <source>Import assignment package…</source>
        <translation>导入任务包……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="137"/>
        <source>Ctrl+O · Your tasks as a signed file from the team lead, for a laptop that cannot sync</source>
        <translation>Ctrl+O · 组长签发的任务文件，供无法同步的电脑使用</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="150"/>
        <source>Import assignment package</source>
        <translation>导入任务包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="151"/>
        <source>Assignment packages (*.json)</source>
        <translation>任务包 (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="165"/>
        <source>Imported the package %1 for %2: %3 new tasks (%4 already here), %5 new entities, %6 new inspectors. Signing key %7.</source>
        <translation>已导入 %2 的任务包 %1：新增任务 %3 项（已有 %4 项），新增检查对象 %5 户、检查人员 %6 名。签名密钥指纹 %7。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="174"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="184"/>
        <source>Not imported: the fingerprint of %1 was not confirmed.</source>
        <translation>未导入：未确认 %1 的密钥指纹。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="188"/>
        <source>Compare the fingerprint of %1 with the one your team lead read out.</source>
        <translation>请将 %1 的密钥指纹与组长念出的指纹逐组核对。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="211"/>
        <source>%1 in risk classes D and E</source>
        <translation>其中 D、E 级（高风险）%1 户</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="217"/>
        <source>%1 cannot inspect today: certificate expired, missing or not yet valid</source>
        <translation>%1 人今日不能执法：执法证已过期、缺失或未生效</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="219"/>
        <source>All certificates valid today</source>
        <translation>今日全部执法证有效</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="227"/>
        <source>Hash chain intact</source>
        <translation>哈希链完整</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="230"/>
        <source>Tampered: %1</source>
        <translation>已被篡改：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="242"/>
        <source>Results of an inspection ending today: publish by %1 (20 working days)</source>
        <translation>今日结束的检查：结果须于 %1 前公示（20 个工作日）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="244"/>
        <source>Samples taken today: at the lab by %1 (5 working days)</source>
        <translation>今日抽取的样品：须于 %1 前送达检验机构（5 个工作日）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/home.py" line="253"/>
        <source>No holiday schedule installed for %1: counted with weekends only</source>
        <translation>尚未安装 %1 年节假日安排：暂按周末计算</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="139"/>
        <source>Import %1</source>
        <translation>导入%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="141"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="152"/>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="153"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="154"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="177"/>
        <source>%1 rows processed</source>
        <translation>已处理 %1 行</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="205"/>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="104"/>
        <source>Import result</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="105"/>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="108"/>
        <source>Report: %1</source>
        <translation>报告文件：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="110"/>
        <source>Columns not recognised (ignored): %1</source>
        <translation>未识别的列（已忽略）：%1</translation>
    </message>
</context>
<context>
    <name>InspectionHistoryPanel</name>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="176"/>
        <source>Save the record</source>
        <translation>保存检查笔录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="176"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="180"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="183"/>
        <source>Record saved: %1</source>
        <translation>笔录已保存：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="191"/>
        <source>Preparing the record for printing…</source>
        <translation>正在准备打印笔录…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="204"/>
        <source>%1 page(s) ready: choose the printer.</source>
        <translation>共 %1 页：请选择打印机。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="214"/>
        <source>%1 page(s) sent to %2.</source>
        <translation>已将 %1 页发送到 %2。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="227"/>
        <source>Correct the record</source>
        <translation>更正检查记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="228"/>
        <source>Why is the record corrected? The old record stays as it is; the correction names it.</source>
        <translation>更正的理由是什么？原记录保持不变，更正记录将注明所更正的记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="240"/>
        <source>Correction started on %1 version %2: the form is open.</source>
        <translation>已开始更正（%1 第 %2 版）：表单已打开。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="261"/>
        <source>Inspection history: %1</source>
        <translation>检查历史：%1 次</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="262"/>
        <source>No finalized inspection of this entity yet.</source>
        <translation>该检查对象尚无已办结的检查。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="272"/>
        <source>Record PDF…</source>
        <translation>笔录 PDF…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="273"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="274"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/inspection_history.py" line="275"/>
        <source>Refer clue…</source>
        <translation>移送线索…</translation>
    </message>
</context>
<context>
    <name>InspectionPhotos</name>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="77"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="78"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="93"/>
        <source>the photo from %1</source>
        <translation>来自 %1 的照片</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="105"/>
        <source>Adding %1…</source>
        <translation>正在添加 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="109"/>
        <source>%1 not added: %2</source>
        <translation>%1 未添加：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="134"/>
        <source>%1 added (SHA-256 %2…)</source>
        <translation>%1 已添加（SHA-256 %2…）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="145"/>
        <source>Opening the photo…</source>
        <translation>正在打开照片…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="154"/>
        <source>Annotate photo %1…</source>
        <translation>标注照片 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection_photos.py" line="169"/>
        <source>%1 annotation(s) saved as a layer; the original photo (SHA-256 %2…) is unchanged.</source>
        <translation>已保存 %1 处标注（单独图层）；照片原件（SHA-256 %2…）未改动。</translation>
    </message>
</context>
<context>
    <name>InspectorTableModel</name>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="79"/>
        <source>Staff id</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="80"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="81"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="82"/>
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="83"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="85"/>
        <source>Certificate</source>
        <translation>证件状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="87"/>
        <source>Qualifications</source>
        <translation>执法资格</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/directory_models.py" line="88"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="107"/>
        <source>Sign in to the platform</source>
        <translation>登录平台</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="109"/>
        <source>Your sign-in has expired or was revoked. Enter your password again: everything waiting to be sent stays queued and goes out after you sign in.</source>
        <translation>登录已过期或已被撤销。请重新输入密码：待发送的数据都保留在队列中，登录后继续发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="111"/>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="113"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="114"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="115"/>
        <source>Provincial CA certificate</source>
        <translation>省级 CA 证书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="116"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="117"/>
        <source>Only if your province issues its own certificates: the platform&apos;s certificate is always verified.</source>
        <translation>仅当本省使用自建证书机构时需要；平台证书始终会被校验。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="119"/>
        <source>Browse…</source>
        <translation>浏览……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="121"/>
        <source>This computer has no system keyring: the sign-in lasts for this run only, and you will sign in again after closing Inspector. Nothing is written to a file.</source>
        <translation>此电脑没有可用的系统密钥环，登录只在本次运行中有效，关闭程序后需重新登录。登录凭据不会写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="123"/>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="162"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="125"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="129"/>
        <source>Choose the provincial CA certificate</source>
        <translation>选择省级 CA 证书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="130"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="138"/>
        <source>Enter the platform address, your user name and your password.</source>
        <translation>请填写平台地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="143"/>
        <source>The CA certificate file %1 does not exist.</source>
        <translation>CA 证书文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/login_dialog.py" line="160"/>
        <source>Signing in…</source>
        <translation>正在登录……</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="347"/>
        <source>Inspector: random inspections and sampling</source>
        <translation>Inspector 双随机抽查与抽样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="348"/>
        <source>Inspector · 双随机、一公开</source>
        <translation>Inspector · 双随机、一公开</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="349"/>
        <source>Acting as</source>
        <translation>当前角色</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="350"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="351"/>
        <location filename="../../inspector/ui/main_window.py" line="352"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="353"/>
        <source>Tour of the screens</source>
        <translation>界面导览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="354"/>
        <source>Tour of the screens (F1)</source>
        <translation>界面导览（F1）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="374"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="375"/>
        <source>Directories</source>
        <translation>名录库</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="376"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="377"/>
        <source>Plans and draw</source>
        <translation>抽查计划与抽取</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="378"/>
        <source>Publication</source>
        <translation>结果公示</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="379"/>
        <source>Referrals</source>
        <translation>线索移送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="381"/>
        <source>Tasks</source>
        <translation>任务与检查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="382"/>
        <source>Fill a checklist</source>
        <translation>填写清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="383"/>
        <source>Samples</source>
        <translation>样品</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="384"/>
        <source>Scan station</source>
        <translation>扫码交接</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="385"/>
        <source>Checklists</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="365"/>
        <location filename="../../inspector/ui/main_window.py" line="441"/>
        <source>Opening workspace…</source>
        <translation>正在打开工作区……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="443"/>
        <source>Workspace: %1 · device %2</source>
        <translation>工作区：%1 · 设备 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="447"/>
        <source>Working…</source>
        <translation>处理中……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="447"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="450"/>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="451"/>
        <source>The operation %1 failed: %2</source>
        <translation>操作 %1 失败：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="380"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>MediaEditor</name>
    <message>
        <location filename="../../inspector/ui/widgets/media_editor.py" line="161"/>
        <source>Annotate this photo (arrows, circles, text)</source>
        <translation>标注这张照片（箭头、圆圈、文字）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/media_editor.py" line="168"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/media_editor.py" line="169"/>
        <source>Record sample (not available yet)</source>
        <translation>登记样品（暂未提供）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/media_editor.py" line="170"/>
        <source>Sign (not available yet)</source>
        <translation>签名（暂未提供）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/media_editor.py" line="172"/>
        <source>%1 attached</source>
        <translation>已附 %1 个</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/media_editor.py" line="175"/>
        <source>Or drop photo files here</source>
        <translation>也可将照片文件拖放到此处</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/media_editor.py" line="176"/>
        <source>Take a photo</source>
        <translation>拍照</translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <location filename="../../inspector/ui/pdf_output.py" line="66"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/pdf_output.py" line="67"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/pdf_output.py" line="71"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/pdf_output.py" line="74"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/pdf_output.py" line="103"/>
        <source>This printer prints at %1 dpi: these labels&apos; barcodes need %2 dpi to scan. Choose 60 × 40 mm labels, or a %2 dpi printer.</source>
        <translation>此打印机分辨率为 %1 dpi：这种标签的条码需要 %2 dpi 才能扫描。请改用 60 × 40 毫米标签，或 %2 dpi 的打印机。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/pdf_output.py" line="108"/>
        <source>Preparing the pages for printing…</source>
        <translation>正在准备打印页面…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/pdf_output.py" line="119"/>
        <source>%1 page(s) sent to %2.</source>
        <translation>已将 %1 页发送到 %2。</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="302"/>
        <source>%1 (form field: %2)</source>
        <translation>%1（表单字段：%2）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="325"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="326"/>
        <source>Entities that can be drawn</source>
        <translation>抽查对象范围</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="327"/>
        <source>Inspector pool</source>
        <translation>检查人员库</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="330"/>
        <source>One check item per line; its code may come first: SAMR-1 | 企业公示信息抽查</source>
        <translation>每行一个检查事项；可在前面写编号：SAMR-1 | 企业公示信息抽查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="331"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="332"/>
        <source>6-digit codes, e.g. 130123; empty: all</source>
        <translation>6 位区划代码，如 130123；留空表示全部</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="333"/>
        <source>6-digit codes; empty: all</source>
        <translation>6 位区划代码；留空表示全部</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="335"/>
        <source>separate with 、 or commas; empty: all</source>
        <translation>以顿号或逗号分隔；留空表示全部</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="340"/>
        <source>skip entities inspected within (days)</source>
        <translation>排除近期已检查的主体（天数）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="341"/>
        <source>skip entities with open tasks</source>
        <translation>排除有未完成任务的主体</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="342"/>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="360"/>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="361"/>
        <source>Exclusions</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="347"/>
        <source>Plan code</source>
        <translation>计划编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="348"/>
        <source>Title</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="349"/>
        <source>Check items</source>
        <translation>检查事项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="350"/>
        <source>Window</source>
        <translation>检查时段</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="351"/>
        <source>Window start</source>
        <translation>检查开始日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="352"/>
        <source>Window end</source>
        <translation>检查结束日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="353"/>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="354"/>
        <source>Team size</source>
        <translation>每组人数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="355"/>
        <source>Max tasks per inspector</source>
        <translation>每人任务上限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="356"/>
        <source>Region codes</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="357"/>
        <source>Entity types</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="358"/>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="359"/>
        <source>Registration status</source>
        <translation>登记状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="362"/>
        <source>Units</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="363"/>
        <source>Pool region codes</source>
        <translation>人员所在区划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="364"/>
        <source>Qualifications</source>
        <translation>执法资格</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/plan_form.py" line="365"/>
        <source>Strata</source>
        <translation>分层</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="35"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="36"/>
        <source>Title</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="37"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="40"/>
        <source>Window</source>
        <translation>检查时段</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="41"/>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="43"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="45"/>
        <source>Draw SHA-256</source>
        <translation>抽取记录 SHA-256</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="53"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="54"/>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="55"/>
        <source>drawn, not released</source>
        <translation>已抽取，未下达</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="56"/>
        <source>released</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="57"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="62"/>
        <source>%1 released, %2 waiting</source>
        <translation>已下达 %1，待下达 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="65"/>
        <source>%1 waiting</source>
        <translation>待下达 %1</translation>
    </message>
</context>
<context>
    <name>PlanningScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="211"/>
        <source>Import plan file</source>
        <translation>导入计划文件</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="211"/>
        <location filename="../../inspector/ui/screens/planning.py" line="236"/>
        <source>Plan files (*.json)</source>
        <translation>计划文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="220"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="227"/>
        <source>Read %1: check the plan, then save it.</source>
        <translation>已读取 %1：请核对计划后保存。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="231"/>
        <location filename="../../inspector/ui/screens/planning.py" line="241"/>
        <location filename="../../inspector/ui/screens/planning.py" line="250"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="236"/>
        <source>Export plan file</source>
        <translation>导出计划文件</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="247"/>
        <source>Plan written to %1</source>
        <translation>计划已写入 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="253"/>
        <location filename="../../inspector/ui/screens/planning.py" line="258"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="264"/>
        <source>Plan %1 saved. Commit a seed on the next tab.</source>
        <translation>计划 %1 已保存。请在下一页签提交种子。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="298"/>
        <location filename="../../inspector/ui/screens/planning.py" line="355"/>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="300"/>
        <source>Editing %1</source>
        <translation>正在编辑 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="302"/>
        <source>%1 is drawn: save changes under a new code</source>
        <translation>%1 已抽取：修改后请以新编号保存</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="318"/>
        <source>The preview waits for a complete plan: %1</source>
        <translation>计划填写完整后显示预览：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="354"/>
        <source>Plans and draw</source>
        <translation>抽查计划与抽取</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="357"/>
        <source>Import plan file…</source>
        <translation>导入计划文件……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="359"/>
        <source>Export plan file…</source>
        <translation>导出计划文件……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="361"/>
        <source>Save plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="363"/>
        <source>Plan definition</source>
        <translation>计划内容</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="364"/>
        <source>Seed and draw</source>
        <translation>种子与抽取</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/planning.py" line="365"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="56"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="58"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="59"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="60"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/import_flow.py" line="63"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RedrawDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="69"/>
        <source>Recusal and redraw</source>
        <translation>回避重抽</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="70"/>
        <source>%1 · %2
Current team: %3</source>
        <translation>%1 · %2
当前检查组：%3</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="74"/>
        <source>&amp;Declared by</source>
        <translation>申请回避人员(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="75"/>
        <source>The team member who declares the conflict of interest with this entity</source>
        <translation>声明与该检查对象存在利害关系的检查组成员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="77"/>
        <source>&amp;Reason</source>
        <translation>回避理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="79"/>
        <source>Required, e.g. a relative works for this entity</source>
        <translation>必填，例如：近亲属在该单位任职</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="81"/>
        <source>The member is recused from this entity and its team is drawn again on the record by the published algorithm (hash-rank-v1-redraw), from the protocol and the earlier redraws: anyone can recompute it. A team is never edited by hand. The redraw is final and numbered; save the records with the protocol.</source>
        <translation>该成员回避此检查对象，检查组按公开算法（hash-rank-v1-redraw）依据抽取记录和此前的重抽记录重新抽取并留痕，任何人都可复算。检查组从不手工修改。重抽结果为最终结果并依次编号，请将重抽记录与抽取记录一并保存。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="85"/>
        <source>Recuse and redraw</source>
        <translation>回避并重抽</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/redraw_dialog.py" line="93"/>
        <source>Write the reason for the recusal: it is kept in the redraw record.</source>
        <translation>请填写回避理由：理由将记入重抽记录。</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="220"/>
        <source>Findings the clue rests on (loading…)</source>
        <translation>线索所依据的检查事项（正在加载…）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="222"/>
        <source>Findings the clue rests on: the record has none</source>
        <translation>线索所依据的检查事项：记录中没有检查事项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="224"/>
        <source>Findings the clue rests on (problems first)</source>
        <translation>线索所依据的检查事项（问题项在前）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="274"/>
        <source>Refer a case clue</source>
        <translation>移送案件线索</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="275"/>
        <source>Case clue from the inspection of %1</source>
        <translation>对 %1 检查中发现的案件线索</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="280"/>
        <source>Refer &amp;to</source>
        <translation>移送对象(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="281"/>
        <source>&amp;Recipient</source>
        <translation>接收单位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="283"/>
        <source>Required: the office or department by name, e.g. the county enforcement brigade</source>
        <translation>必填：接收的机构或部门名称，如县市场监管综合执法大队</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="285"/>
        <source>&amp;Summary</source>
        <translation>线索摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="287"/>
        <source>Required: the suspected facts in a few sentences</source>
        <translation>必填：简述涉嫌违法的事实</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="289"/>
        <source>Suspected crime: under State Council Decree No. 310 (移送涉嫌犯罪案件的规定) the head decides within 3 days of this referral, and an approved case is transferred to the public security organ within 24 hours.</source>
        <translation>涉嫌犯罪：依据《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号），负责人应在 3 日内作出是否移送的决定；批准移送的，应在 24 小时内移送公安机关。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="293"/>
        <source>Goods involved (涉案物品清单)</source>
        <translation>涉案物品清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="295"/>
        <source>Name</source>
        <translation>物品名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="295"/>
        <source>Specification</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="295"/>
        <source>Batch / date</source>
        <translation>批号/生产日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="296"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="296"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="296"/>
        <source>Kept at</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="296"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="297"/>
        <source>&amp;Add row</source>
        <translation>添加一行(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="298"/>
        <source>Remo&amp;ve row</source>
        <translation>删除一行(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/referral_dialog.py" line="299"/>
        <source>Refer</source>
        <translation>移送</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="94"/>
        <source>Entity</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="95"/>
        <source>Recipient</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="100"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="104"/>
        <source>Referred at</source>
        <translation>移送时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="106"/>
        <source>by %1</source>
        <translation>移送人 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="132"/>
        <source>%1 · overdue</source>
        <translation>%1 · 逾期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="137"/>
        <source>The head&apos;s decision: 3 days after the referral</source>
        <translation>负责人审批：移送后 3 日内</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="139"/>
        <source>The transfer: 24 hours after the approval</source>
        <translation>移送：批准后 24 小时内</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="140"/>
        <source>No deadline runs</source>
        <translation>无进行中的期限</translation>
    </message>
</context>
<context>
    <name>ReferralsScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="298"/>
        <location filename="../../inspector/ui/screens/referrals.py" line="465"/>
        <source>Approve transfer</source>
        <translation>批准移送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="299"/>
        <source>Approve the transfer of the clue about %1 to %2? The approval is recorded in the audit log, and the transfer is then due within 24 hours.</source>
        <translation>批准将关于 %1 的线索移送 %2？审批将记入审计日志，批准后须在 24 小时内移送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="305"/>
        <source>Transfer approved: hand it over to %1 by %2.</source>
        <translation>已批准移送：请于 %2 前移交 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="323"/>
        <source>Declined; the reasons are recorded.</source>
        <translation>不予移送，理由已记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="335"/>
        <location filename="../../inspector/ui/screens/referrals.py" line="470"/>
        <source>Mark transferred</source>
        <translation>标记已移送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="336"/>
        <source>Record that the clue about %1 was handed over to %2?</source>
        <translation>记录关于 %1 的线索已移交 %2？</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="341"/>
        <source>Transferred to %1.</source>
        <translation>已移送 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="348"/>
        <source>Folder for the evidence package</source>
        <translation>证据包保存文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="357"/>
        <source>Building the evidence package…</source>
        <translation>正在生成证据包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="364"/>
        <source>Evidence package written to %1 (%2 files), SHA-256 %3</source>
        <translation>证据包已写入 %1（%2 个文件），SHA-256 %3</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="414"/>
        <source>%1 referrals: %2 awaiting the head&apos;s decision, %3 to transfer, %4 overdue. The head decides within 3 days of a referral; an approved clue is transferred within 24 hours.</source>
        <translation>共 %1 条线索：%2 条待负责人审批，%3 条待移送，%4 条逾期。负责人应在移送后 3 日内审批；批准的线索须在 24 小时内移送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="427"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="428"/>
        <source>Details: %1 → %2</source>
        <translation>详情：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="439"/>
        <source>not built yet</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="443"/>
        <source>none listed</source>
        <translation>未列出</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="445"/>
        <source>%1 rows: %2</source>
        <translation>%1 行：%2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="449"/>
        <source>awaiting the head&apos;s decision, due %1</source>
        <translation>待负责人审批，期限 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="452"/>
        <source>Approved on %1</source>
        <translation>%1 批准</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="452"/>
        <source>Declined on %1</source>
        <translation>%1 不予移送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="455"/>
        <source>; transferred on %1</source>
        <translation>；%1 已移送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="458"/>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="462"/>
        <source>Case-clue referrals</source>
        <translation>案件线索移送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="463"/>
        <source>Filter by entity, recipient, summary…</source>
        <translation>按检查对象、接收单位、摘要筛选…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="466"/>
        <source>The head approves the transfer; it is then due within 24 hours (Ctrl+Enter)</source>
        <translation>负责人批准移送；批准后须在 24 小时内移送（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="468"/>
        <source>Decline…</source>
        <translation>不予移送…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="469"/>
        <source>Not transferred: the reasons are recorded (Ctrl+D)</source>
        <translation>不予移送：记录理由（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="471"/>
        <source>Record the hand-over of an approved referral (Ctrl+T)</source>
        <translation>记录已批准线索的移交（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="472"/>
        <source>Build evidence package…</source>
        <translation>生成证据包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="473"/>
        <source>The record PDF, the photo originals, the goods and a manifest in one .zip, with its SHA-256 (Ctrl+E)</source>
        <translation>检查笔录 PDF、照片原件、涉案物品清单和文件清单打包为一个 .zip，并计算其 SHA-256（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="477"/>
        <source>&amp;Reasons for declining:</source>
        <translation>不予移送的理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="478"/>
        <source>Required: they are recorded with the decision (Enter declines, Esc cancels)</source>
        <translation>必填：理由随决定一并记录（回车确认，Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="480"/>
        <source>Decline</source>
        <translation>不予移送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="481"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="482"/>
        <source>Summary</source>
        <translation>线索摘要</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="482"/>
        <source>Findings</source>
        <translation>检查事项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="483"/>
        <source>Goods</source>
        <translation>涉案物品</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="483"/>
        <source>Decision</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/referrals.py" line="484"/>
        <source>Package SHA-256</source>
        <translation>证据包 SHA-256</translation>
    </message>
</context>
<context>
    <name>SampleSignDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/sample_sign_dialog.py" line="62"/>
        <source>Sign the sampling form %1</source>
        <translation>抽样单 %1 签字确认</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_sign_dialog.py" line="64"/>
        <source>The sampled party states it has no objection to the sampling, its process, the seals and the form, and signs (or its refusal is recorded); every sampler signs. Each portion&apos;s custody then records the signing.</source>
        <translation>被抽样单位对抽样程序、过程、封样状态及抽样单内容无异议并签字（拒绝签字的，记录拒签理由）；每名抽样人签字。签字随后记入每份样品的流转记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_sign_dialog.py" line="67"/>
        <source>Sampled party</source>
        <translation>被抽样单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_sign_dialog.py" line="68"/>
        <source>Samplers</source>
        <translation>抽样人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_sign_dialog.py" line="69"/>
        <source>Sign</source>
        <translation>确认签字</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="79"/>
        <source>Sample code</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="80"/>
        <source>Sample</source>
        <translation>样品名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="81"/>
        <source>Entity</source>
        <translation>被抽样单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="82"/>
        <source>Stage</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="86"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="90"/>
        <source>Taken at</source>
        <translation>抽样时间</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="117"/>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="117"/>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="128"/>
        <source>%1 · overdue</source>
        <translation>%1 · 已逾期</translation>
    </message>
</context>
<context>
    <name>SampleWizard</name>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="381"/>
        <source>Signed by %1 signer(s); the portions&apos; custody records it.</source>
        <translation>已有 %1 人签字；每份样品的流转记录已记入签字。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="395"/>
        <source>Take a sample: %1</source>
        <translation>抽样：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="396"/>
        <source>The sample</source>
        <translation>样品信息</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="398"/>
        <source>As on the 抽样单. Fields left empty print as “—”.</source>
        <translation>按抽样单填写。未填写的栏目打印为“—”。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="400"/>
        <source>Sample name</source>
        <translation>样品名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="400"/>
        <source>复检 regime</source>
        <translation>复检时限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="401"/>
        <source>Sampling link</source>
        <translation>抽样环节</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="401"/>
        <source>Date type</source>
        <translation>日期类型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="402"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="402"/>
        <source>Quantity sampled</source>
        <translation>抽样数量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="403"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="403"/>
        <source>Backup quantity</source>
        <translation>备样数量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="404"/>
        <source>Sampling unit</source>
        <translation>抽样单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="404"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="409"/>
        <source>Product (复检 within 15 days)</source>
        <translation>产品（15 日内申请复检）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="410"/>
        <source>Food (复检 within 7 working days)</source>
        <translation>食品（7 个工作日内申请复检）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="411"/>
        <source>Rapid test (复检 within 4 hours)</source>
        <translation>快速检测（4 小时内申请复检）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="414"/>
        <source>Circulation (流通)</source>
        <translation>流通</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="415"/>
        <source>Production (生产)</source>
        <translation>生产</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="416"/>
        <source>Catering (餐饮)</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="419"/>
        <source>Sampling and the sampled unit</source>
        <translation>抽样基本信息与被抽样单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="421"/>
        <source>The task, the place, and the sampled unit&apos;s details beyond the directory&apos;s (its name, address, credit code and representative are filled in).</source>
        <translation>任务、抽样地点，以及名录库以外的被抽样单位信息（名称、地址、信用代码和法定代表人自动填写）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="423"/>
        <source>Producer and sampling unit</source>
        <translation>（标称）生产者与抽样单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="424"/>
        <source>The producer as labelled on the product.</source>
        <translation>按产品标签标注的生产者填写。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="426"/>
        <source>Empty: the unit set for this laptop, else the first sampler&apos;s</source>
        <translation>不填：本机设置的抽样单位，未设置则为第一名抽样人所在单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="427"/>
        <source>Samplers and seals</source>
        <translation>抽样人与封样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="429"/>
        <source>At least two samplers, each present at the inspection. The test and backup portions are sealed separately.</source>
        <translation>抽样人不得少于两名，且均在本次检查现场。检验样品和备份样品分别封存。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="431"/>
        <source>Tick the inspectors who take the sample.</source>
        <translation>勾选实施抽样的检查人员。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="432"/>
        <source>Seal number, test portion (P01)</source>
        <translation>检验样品封条编号（P01）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="433"/>
        <source>Seal number, backup portion (P02)</source>
        <translation>备份样品封条编号（P02）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="434"/>
        <source>Further portions the rules need</source>
        <translation>规定需要的其他份样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="436"/>
        <source>Portion P%1: quantity, seal</source>
        <translation>份样 P%1：数量、封条编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="437"/>
        <source>Quantity (in the unit above)</source>
        <translation>数量（单位同上）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="438"/>
        <source>Seal number</source>
        <translation>封条编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="439"/>
        <source>Check and take the sample</source>
        <translation>核对并抽样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="441"/>
        <source>The sample gets its code when you go on; it cannot be taken back, only accounted for.</source>
        <translation>继续后样品即获得编号；编号不能收回，只能如实说明去向。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="444"/>
        <source>Take the sample</source>
        <translation>抽样并编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="445"/>
        <source>Samplers</source>
        <translation>抽样人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="446"/>
        <source>Sample taken</source>
        <translation>已抽样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="447"/>
        <source>Label size</source>
        <translation>标签规格</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="448"/>
        <source>60 × 40 mm label printer</source>
        <translation>60 × 40 毫米标签打印机</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="449"/>
        <source>50 × 30 mm label printer (300 dpi)</source>
        <translation>50 × 30 毫米标签打印机（300 dpi）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="450"/>
        <source>A4 sheet of labels</source>
        <translation>A4 标签纸</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="454"/>
        <source>Print labels…</source>
        <translation>打印标签……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="455"/>
        <source>Save labels as PDF…</source>
        <translation>标签另存为 PDF……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="456"/>
        <source>Print seals…</source>
        <translation>打印封条……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="457"/>
        <source>Save seals as PDF…</source>
        <translation>封条另存为 PDF……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="458"/>
        <source>Signatures of the party and the samplers…</source>
        <translation>被抽样单位和抽样人签字……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="460"/>
        <source>Print the sampling form (4 copies)…</source>
        <translation>打印抽样单（一式四联）……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="461"/>
        <source>Save the sampling form as PDF…</source>
        <translation>抽样单另存为 PDF……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="462"/>
        <source>Print the hand-over form…</source>
        <translation>打印样品移交确认单……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="463"/>
        <source>Save the hand-over form as PDF…</source>
        <translation>样品移交确认单另存为 PDF……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sample_wizard.py" line="472"/>
        <source>Portions: %1. Deliver to the lab by %2 (5 working days).</source>
        <translation>份样：%1。请于 %2 前送达检验机构（5 个工作日）。</translation>
    </message>
</context>
<context>
    <name>SamplesScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="291"/>
        <source>%1 samples, %2 open: %3 overdue, %4 due within %5 days. A sample reaches the lab within 5 working days of sampling.</source>
        <translation>共 %1 件样品，%2 件未办结：%3 件已逾期，%4 件 %5 日内到期。样品应在抽样之日起 5 个工作日内送达检验机构。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="305"/>
        <source>No sample selected.</source>
        <translation>未选择样品。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="307"/>
        <source>Portions: %1. Samplers: %2.</source>
        <translation>份样：%1。抽样人：%2。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="311"/>
        <source>The deadline assumes weekends only: the holiday schedule of its year is not installed.</source>
        <translation>该期限仅按周末计算：尚未安装该年度的节假日安排。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="316"/>
        <source>Samples</source>
        <translation>样品</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="317"/>
        <source>Filter by code, sample, entity…</source>
        <translation>按编号、样品名称、被抽样单位筛选…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="318"/>
        <source>Label size: 60 × 40 mm, 50 × 30 mm (300 dpi printers) or an A4 sheet</source>
        <translation>标签规格：60 × 40 毫米、50 × 30 毫米（300 dpi 打印机）或 A4 标签纸</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="320"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="321"/>
        <source>Labels (Ctrl+P), seals, the sampling form, the hand-over form</source>
        <translation>标签（Ctrl+P）、封条、抽样单、样品移交确认单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="323"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="324"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="324"/>
        <source>Seals (封条)</source>
        <translation>封条</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="325"/>
        <source>Sampling form (抽样单, 4 copies)</source>
        <translation>抽样单（一式四联）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/samples.py" line="326"/>
        <source>Hand-over form (样品移交确认单)</source>
        <translation>样品移交确认单</translation>
    </message>
</context>
<context>
    <name>ScanStationScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="308"/>
        <source>Looking up %1…</source>
        <translation>正在查找 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="323"/>
        <source>Cannot read this label: %1</source>
        <translation>无法识别此标签：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="351"/>
        <source>Found %1: its chain of custody is closed.</source>
        <translation>已找到 %1：其流转记录已办结。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="353"/>
        <source>Found %1. Next: %2 (Ctrl+Enter), or another step (Alt+1…).</source>
        <translation>已找到 %1。下一步：%2（Ctrl+回车），或其他环节（Alt+1…）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="403"/>
        <source>Recorded: %1 of %2 (event %3).</source>
        <translation>已记录：%2 %1（第 %3 条）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="435"/>
        <source>Batch hand-over on: scan each portion&apos;s label.</source>
        <translation>批量移交已开启：请逐一扫描份样标签。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="442"/>
        <source>Batch hand-over off: %1 handed over, %2 not.</source>
        <translation>批量移交已结束：%1 份已移交，%2 份未移交。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="451"/>
        <source>already handed over in this batch: not recorded again</source>
        <translation>本批次已移交：不再重复记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="455"/>
        <source>handed over (event %1)</source>
        <translation>已移交（第 %1 条）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="457"/>
        <source>Handed over: %1.</source>
        <translation>已移交：%1。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="470"/>
        <source>Not handed over: %1</source>
        <translation>未移交：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="493"/>
        <source>portion for testing</source>
        <translation>检验样品</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="495"/>
        <source>backup portion for a recheck</source>
        <translation>复检备份样品</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="496"/>
        <source>other portion</source>
        <translation>其他样品</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="519"/>
        <source>%1, or Ctrl+Enter: the most likely next step</source>
        <translation>%1，或 Ctrl+回车：最可能的下一步</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="522"/>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="524"/>
        <source>Scan a portion&apos;s label to see its chain of custody.</source>
        <translation>扫描份样标签以查看其流转记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="526"/>
        <source>The chain is closed: nothing more happens to this portion.</source>
        <translation>流转已办结：此份样不再有后续环节。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="541"/>
        <source>%1 handed over, %2 not.</source>
        <translation>%1 份已移交，%2 份未移交。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="544"/>
        <source>Last batch hand-over</source>
        <translation>上一批次移交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="547"/>
        <source>seal intact</source>
        <translation>封样完好</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="547"/>
        <source>seal broken</source>
        <translation>封样破损</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="548"/>
        <source>Batch hand-over (Ctrl+B ends it)</source>
        <translation>批量移交（Ctrl+B 结束）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="549"/>
        <source>Each portion scanned is recorded as handed over from %1 to %2, %3, at %4. %5</source>
        <translation>每扫描一份即记录为由 %1 移交给 %2，%3，地点：%4。%5</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="557"/>
        <source>Scan station</source>
        <translation>扫码交接</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="559"/>
        <source>Scan a portion&apos;s label (its barcode or its QR code), or type the portion code and press Enter. Alt+1…Alt+9 record the next step, Ctrl+Enter the most likely one; Ctrl+B hands over many portions in a row.</source>
        <translation>扫描份样标签（条码或二维码），或输入份样编号后按回车。Alt+1…Alt+9 记录下一环节，Ctrl+回车记录最可能的环节；Ctrl+B 连续移交多份样品。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="562"/>
        <source>Scan or type a portion code, e.g. 132601230A300017E-P01</source>
        <translation>扫描或输入份样编号，如 132601230A300017E-P01</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="564"/>
        <source>Look up</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="565"/>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="566"/>
        <source>Batch hand-over</source>
        <translation>批量移交</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="567"/>
        <source>Record a hand-over of every portion scanned, with the same details (Ctrl+B)</source>
        <translation>以相同信息记录每一份扫描样品的移交（Ctrl+B）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="569"/>
        <source>Portion</source>
        <translation>份样</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="570"/>
        <source>Sample</source>
        <translation>样品名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="570"/>
        <source>Portion code</source>
        <translation>份样编号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/scan_station.py" line="571"/>
        <source>Role</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>ScreenGuide</name>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="247"/>
        <source>Skip the tour</source>
        <translation>跳过导览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="248"/>
        <source>Shortcut: Esc</source>
        <translation>快捷键：Esc</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="249"/>
        <source>‹ Back</source>
        <translation>‹ 上一步</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="250"/>
        <source>Next ›</source>
        <translation>下一步 ›</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="251"/>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="253"/>
        <source>Shortcut: Enter</source>
        <translation>快捷键：回车</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="252"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="254"/>
        <source>Tour of the screens</source>
        <translation>界面导览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="283"/>
        <source>Start here each day: who you are acting as, what this laptop holds and today&apos;s deadlines for publishing results and delivering samples. A team lead&apos;s assignment package is imported here too.</source>
        <translation>每天从这里开始：当前角色、本机数据概况，以及今日检查结果公示和样品送检的法定期限。组长下发的任务包也在这里导入。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="287"/>
        <source>The market entities and the inspectors of your area. Type a name or a credit code in the filter (a barcode scanner works too); administrators import the lists from Excel or CSV files.</source>
        <translation>本辖区的市场主体名录和执法检查人员名录。在筛选框输入名称或统一社会信用代码即可查找（也可用扫码枪）；管理员可从 Excel 或 CSV 文件导入名录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="291"/>
        <source>Every change made on this laptop, newest first, in a hash chain that shows any tampering. Verify the chain before an audit or a hand-over.</source>
        <translation>本机的每一项操作记录，按时间倒序排列，以哈希链防篡改。迎检或工作交接前，请先校验哈希链。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="294"/>
        <source>Write a random-inspection plan (who may be drawn, how many from each risk class, the time window), commit the seed and run the draw. The drawn tasks and any recusal and redraw are managed here.</source>
        <translation>制定双随机抽查计划（抽查对象范围、各风险等级抽取多少、检查时段），提交种子并开始抽取。抽中的任务及回避重抽也在这里管理。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="298"/>
        <source>Finalized results and the deadline to publish each one (20 working days). Approve them for publication and export the list for the public notice.</source>
        <translation>已办结的检查结果及各自的公示期限（20 个工作日）。在这里审核公示，并导出公示清单。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="301"/>
        <source>Clues referred to other departments, with the deadline that runs for each. Approve or decline a transfer, mark it done and build its evidence package.</source>
        <translation>移送其他部门的案件线索及各环节的办理期限。可批准移送或不予移送、标记已移送，并生成证据包。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="304"/>
        <source>Sign in to the platform to send your records and receive new tasks. Work offline as long as you need: what waits is listed here and goes at the next sync.</source>
        <translation>登录平台后即可上报记录、接收新任务。离线时照常工作：待发送的内容列在这里，下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="308"/>
        <source>Your randomly drawn inspections, open ones first by due date. Start an inspection on site, fill its checklist (every answer is saved at once), take samples and finalize the record with signatures.</source>
        <translation>随机抽取给您的检查任务，未完成的按完成期限排在前面。在现场开始检查、填写检查清单（每项答案即时保存）、抽样，并签字办结检查记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="312"/>
        <source>Fill a checklist without a drawn task, as a draft kept on this laptop. Answers are saved as you give them; a draft moves to a newer version of its checklist only when you agree.</source>
        <translation>不依托抽查任务填写检查清单，草稿保存在本机。答案随填随存；清单发布新版本后，须经您同意，草稿才会迁移到新版本。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="316"/>
        <source>Every sample taken, where it stands and what is due by when (overdue in red). Print its labels, seals and the sampling form from here.</source>
        <translation>所有已抽样品的当前环节及待办期限（逾期标红）。样品标签、封条和抽样单都在这里打印。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="319"/>
        <source>Scan a sealed portion&apos;s label to see its chain of custody and record the next step, such as a hand-over or the lab&apos;s receipt. A batch hand-over records a whole box at the lab counter.</source>
        <translation>扫描份样标签，查看流转记录并登记下一环节，如移交或检验机构接收。在检验机构窗口可用“批量移交”一次登记整箱样品。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="323"/>
        <source>The library of inspection checklists and their versions, with a live preview. Administrators import, publish and export them; team leads read and compare versions.</source>
        <translation>检查清单库及各版本，可实时预览。管理员负责导入、发布和导出；组长可查阅并比较各版本。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/screen_guide.py" line="347"/>
        <source>Tour of the screens · step %1 of %2</source>
        <translation>界面导览 · 第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>SignatureField</name>
    <message>
        <location filename="../../inspector/ui/widgets/signature_pad.py" line="391"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_pad.py" line="392"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../inspector/ui/widgets/signature_pad.py" line="175"/>
        <location filename="../../inspector/ui/widgets/signature_pad.py" line="356"/>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_pad.py" line="289"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SignatureSheet</name>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="165"/>
        <source>the inspected party</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="195"/>
        <source>The party&apos;s representative: give the name</source>
        <translation>被检查单位负责人：请填写姓名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="198"/>
        <source>Inspected party</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="199"/>
        <source>&amp;Signed by</source>
        <translation>签名人(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="200"/>
        <source>Legal representative or person in charge</source>
        <translation>法定代表人或负责人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="203"/>
        <source>The party refuses to sign</source>
        <translation>当事人拒绝签名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="204"/>
        <source>Re&amp;ason</source>
        <translation>拒签理由(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="205"/>
        <source>Why the party refuses: it is kept in the record</source>
        <translation>当事人拒签的理由：记入笔录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="207"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/signature_sheet.py" line="210"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="120"/>
        <source>Start the inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="122"/>
        <source>Inspectors present (at least two, from the drawn team)</source>
        <translation>在场检查人员（至少两名，须为抽取的检查组成员）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="126"/>
        <source>%1 (%2) · certificate %3 · valid until %4</source>
        <translation>%1（%2）· 执法证 %3 · 有效期至 %4</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="132"/>
        <source>%1 · expired or missing</source>
        <translation>%1 · 已过期或无证件</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="134"/>
        <source>Lead inspector</source>
        <translation>主检人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="135"/>
        <source>Assisting inspector</source>
        <translation>协检人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="137"/>
        <source>The certificates were shown to the party (Administrative Penalty Law art. 55)</source>
        <translation>已出示执法证件（《行政处罚法》第五十五条）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="139"/>
        <source>Everyone present declared no conflict of interest with the entity</source>
        <translation>在场人员均无需回避（与检查对象无利害关系）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="140"/>
        <source>&amp;Place</source>
        <translation>检查地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="141"/>
        <source>Where the inspection takes place</source>
        <translation>实施检查的地点</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="142"/>
        <source>&amp;Checklist</source>
        <translation>检查清单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="143"/>
        <source>The latest published version is used for the whole inspection</source>
        <translation>使用最新发布的版本，整个检查过程中不变</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="145"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/start_inspection_dialog.py" line="154"/>
        <source>No checklist is published yet: an administrator publishes one in the checklist library.</source>
        <translation>尚无已发布的检查清单：请管理员在检查清单库中发布。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../inspector/ui/app.py" line="164"/>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/demo_flow.py" line="79"/>
        <location filename="../../inspector/ui/demo_flow.py" line="97"/>
        <source>Preparing the demo</source>
        <translation>正在准备演示数据</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/app.py" line="201"/>
        <source>Creating a demo county: 5,000 market entities and 40 inspectors…</source>
        <translation>正在生成演示县：5,000 户市场主体和 40 名检查人员……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/demo_flow.py" line="51"/>
        <source>Starting the demo&apos;s central platform on this computer…</source>
        <translation>正在本机启动演示用的中心平台……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/demo_flow.py" line="80"/>
        <source>The demo&apos;s central platform could not be used, so the demo opens without it.</source>
        <translation>无法使用演示用的中心平台，演示将在不连接平台的情况下打开。</translation>
    </message>
</context>
<context>
    <name>StrataEditor</name>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="161"/>
        <source>stratum %1</source>
        <translation>分层 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="163"/>
        <source>Strata</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="180"/>
        <source>Left out: %1 inspected within the period, %2 with open tasks. Eligible inspectors (certificate valid for the whole window): %3. Teams of %4, so %5 inspector visits; at most %6 tasks per inspector.</source>
        <translation>已排除：期限内已检查的 %1 个，有未完成任务的 %2 个。符合条件的检查人员（执法证在整个检查时段内有效）：%3。每组 %4 人，共需 %5 人次；每名检查人员最多 %6 项任务。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="192"/>
        <source>Cannot draw:</source>
        <translation>不能抽取：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="192"/>
        <source>Note:</source>
        <translation>注意：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="196"/>
        <source>Ready to draw.</source>
        <translation>可以抽取。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="205"/>
        <source>only %1 eligible inspectors, fewer than a team of %2. Widen the pool, or check that certificates are valid for the whole window.</source>
        <translation>只有 %1 名符合条件的检查人员，不足每组 %2 人。请扩大检查人员库，或确认执法证在整个检查时段内有效。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="208"/>
        <source>stratum %1 is empty but asks for %2.</source>
        <translation>分层 %1 没有主体，却要求抽取 %2 个。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="209"/>
        <source>stratum %1 has %2 members, fewer than the %3 asked for.</source>
        <translation>分层 %1 只有 %2 个主体，少于要求的 %3 个。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="210"/>
        <source>no entity would be drawn: check the filters and the strata.</source>
        <translation>不会抽中任何主体：请检查筛选条件和分层设置。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="212"/>
        <source>the pool has %1 places for %2 inspector visits: some entities will get no team. Raise the maximum per inspector or widen the pool.</source>
        <translation>检查人员库只能承担 %1 人次，而需要 %2 人次：部分主体将无法派员。请提高每人任务上限，或扩大检查人员库。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="218"/>
        <source>the draw refuses the plan: %1</source>
        <translation>抽取规则不接受此计划：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="225"/>
        <source>unclassified (-)</source>
        <translation>未分级（-）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="228"/>
        <source>Strata by risk class, and preview</source>
        <translation>按风险等级分层及预览</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="230"/>
        <source>Stratum</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="230"/>
        <source>Rule</source>
        <translation>抽取方式</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="230"/>
        <source>Ratio or count</source>
        <translation>比例或数量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="231"/>
        <source>In population</source>
        <translation>名录数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="231"/>
        <source>To draw</source>
        <translation>抽取数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="233"/>
        <source>not drawn</source>
        <translation>不抽取</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="233"/>
        <source>ratio</source>
        <translation>按比例</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="233"/>
        <source>count</source>
        <translation>按数量</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/strata_editor.py" line="237"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../inspector/ui/sync_controller.py" line="189"/>
        <source>The CA certificate file %1 does not exist.</source>
        <translation>CA 证书文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_link.py" line="59"/>
        <source>This computer has been withdrawn from the platform. Ask your administrator to enroll it again.</source>
        <translation>此电脑已被平台停用，请联系管理员重新登记。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_link.py" line="61"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_link.py" line="64"/>
        <source>The platform&apos;s certificate could not be verified. If your province uses its own certificate authority, choose its CA certificate file.</source>
        <translation>无法验证平台的证书。如果本省使用自建证书机构，请选择其 CA 证书文件。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_link.py" line="67"/>
        <source>Cannot reach the platform: check the address and the network connection.</source>
        <translation>无法连接平台：请检查地址和网络连接。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_link.py" line="71"/>
        <source>No Inspector platform answers at this address.</source>
        <translation>该地址上没有 Inspector 平台应答。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_link.py" line="72"/>
        <source>The platform refused the sign-in: %1</source>
        <translation>平台拒绝了登录：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_link.py" line="74"/>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="43"/>
        <source>○ Not signed in</source>
        <translation>○ 未登录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="44"/>
        <source>◎ Checking the connection…</source>
        <translation>◎ 正在检查连接……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="45"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="46"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="47"/>
        <source>◎ Signing in…</source>
        <translation>◎ 正在登录……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="48"/>
        <source>◎ Syncing…</source>
        <translation>◎ 正在同步……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="49"/>
        <source>● Sign-in needed</source>
        <translation>● 需要重新登录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="58"/>
        <source>%1 waiting</source>
        <translation>待发送 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="60"/>
        <source>%1 to resolve</source>
        <translation>待处理 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="63"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="64"/>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/sync_indicator.py" line="67"/>
        <source>Sync status: click to open the sync screen</source>
        <translation>同步状态：点击打开同步界面</translation>
    </message>
</context>
<context>
    <name>SyncItemsTableModel</name>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="81"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="83"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="84"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="86"/>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="88"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="94"/>
        <source>Waiting</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="94"/>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="95"/>
        <source>Refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="95"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="98"/>
        <source>photo (reduced copy)</source>
        <translation>照片（压缩副本）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="99"/>
        <source>original photo</source>
        <translation>照片原件</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="99"/>
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="100"/>
        <source>document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="110"/>
        <source>records: %1</source>
        <translation>%1 条</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="118"/>
        <source>mine %1 · platform %2</source>
        <translation>本机 %1 · 平台 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="121"/>
        <source>sent %1</source>
        <translation>已发送版本 %1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="126"/>
        <source>Waiting to be sent at the next sync.</source>
        <translation>等待下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="128"/>
        <source>%1 of %2 sent</source>
        <translation>已发送 %1 / 共 %2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="138"/>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="139"/>
        <source>about %1 min left</source>
        <translation>约剩 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="147"/>
        <location filename="../../inspector/ui/sync_items.py" line="183"/>
        <source>The platform refused the record without giving a reason.</source>
        <translation>平台拒收了该记录，但未说明原因。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="148"/>
        <source>The platform refused the record: %1</source>
        <translation>平台拒收了该记录：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="153"/>
        <source>The record contains an invisible control character (NUL) that the platform cannot store. Correct the text, then choose Retry.</source>
        <translation>记录中含有平台无法保存的不可见控制字符（NUL）。请修改相应内容，然后点击“重试”。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="156"/>
        <source>The record changed while it was being sent, or was damaged on this computer. Choose Retry to send it again.</source>
        <translation>记录在发送过程中发生了变化，或在本机已损坏。请点击“重试”重新发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="159"/>
        <source>Someone changed this record on the platform since your last sync. Compare the two versions; Keep my version sends yours as the newer one.</source>
        <translation>自上次同步以来，有人在平台上修改了这条记录。请比较两个版本；“保留我的版本”会把您的版本作为较新版本发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="162"/>
        <source>This record was changed on the platform while you were editing it here. Keep my version sends yours as the newer one.</source>
        <translation>您在本机编辑这条记录期间，平台上的版本也被修改了。“保留我的版本”会把您的版本作为较新版本发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="165"/>
        <source>This record is final and cannot be changed; record a correction instead.</source>
        <translation>这是已定稿的记录，不能修改；请另行登记一条更正记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="167"/>
        <source>The platform does not know this kind of record: it is older than this app.</source>
        <translation>平台不认识这类记录：平台版本比本程序旧。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="169"/>
        <source>Your account&apos;s role may not send this kind of record.</source>
        <translation>您的账号角色无权发送这类记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="171"/>
        <source>Another record on the platform already uses this record&apos;s identifier.</source>
        <translation>平台上已有另一条记录使用了该记录的标识。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="173"/>
        <source>This record belongs to another account; you may not change it.</source>
        <translation>这条记录属于其他账号，您无权修改。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="175"/>
        <source>The platform could not store the record (a fault on the platform). Choose Retry later.</source>
        <translation>平台无法保存该记录（平台端故障）。请稍后点击“重试”。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="178"/>
        <source>A record received from the platform could not be applied here (%1). The next sync fetches what it needs and tries again.</source>
        <translation>从平台收到的一条记录无法在本机应用（%1）。下次同步会取回所需数据并再次尝试。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync_items.py" line="181"/>
        <source>The platform found the record incomplete or invalid: %1</source>
        <translation>平台认为该记录不完整或无效：%1</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="157"/>
        <source>Sync with the platform</source>
        <translation>与平台同步</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="159"/>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="159"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="159"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="160"/>
        <source>Sample-code prefix</source>
        <translation>样品编号前缀</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="160"/>
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="161"/>
        <source>Sign-in kept</source>
        <translation>登录保存位置</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="163"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="165"/>
        <source>Send originals</source>
        <translation>发送原图</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="167"/>
        <source>Also send full-size original photos (large: use a fast connection)</source>
        <translation>同时发送全尺寸原始照片（文件较大，请使用高速网络）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="168"/>
        <source>Sign in…</source>
        <translation>登录……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="169"/>
        <source>Export diagnostics…</source>
        <translation>导出诊断信息……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="170"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="171"/>
        <source>Keep my version</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="197"/>
        <source>Not signed in: choose Sign in… to connect.</source>
        <translation>未登录：请点击“登录……”连接平台。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="198"/>
        <source>Checking the connection…</source>
        <translation>正在检查连接……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="199"/>
        <source>Online: the platform answers.</source>
        <translation>在线：平台连接正常。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="200"/>
        <source>Offline: everything stays queued and goes out when the connection returns.</source>
        <translation>离线：所有数据都保留在队列中，网络恢复后自动发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="202"/>
        <source>Signing in…</source>
        <translation>正在登录……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="203"/>
        <source>Syncing…</source>
        <translation>正在同步……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="204"/>
        <source>Your sign-in has expired or was revoked: sign in again (everything stays queued).</source>
        <translation>登录已过期或已被撤销：请重新登录（数据都保留在队列中）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="216"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="218"/>
        <source>in this computer&apos;s system keyring</source>
        <translation>本机系统密钥环</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="219"/>
        <source>for this run only: this computer has no system keyring, so you sign in again after closing Inspector</source>
        <translation>仅本次运行有效：此电脑没有系统密钥环，关闭程序后需重新登录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="243"/>
        <source>Files: nothing waiting to be sent.</source>
        <translation>文件：没有待发送的文件。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="247"/>
        <source>Files waiting: %1 (%2 of %3 already on the platform).</source>
        <translation>待发送文件：%1 个（共 %3，平台已收到 %2）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="252"/>
        <source>Original photos waiting for “Send originals”: %1.</source>
        <translation>等待“发送原图”的原图：%1 张。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="262"/>
        <source>Sending %1: %2 of %3</source>
        <translation>正在发送%1：%2 / %3</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="266"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="273"/>
        <source>No sync has run since Inspector started.</source>
        <translation>本次启动后尚未同步。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="277"/>
        <source>Last sync (%1) finished. Records sent: %2, received: %3, refused: %4, in conflict: %5. Files confirmed: %6, still waiting: %7.</source>
        <translation>上次同步（%1）已完成。发送记录 %2 条，接收 %3 条，被拒收 %4 条，冲突 %5 条；文件已确认 %6 个，仍待发送 %7 个。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="285"/>
        <source>Last sync (%1): the platform could not be reached. Everything stays queued and goes out when the connection returns.</source>
        <translation>上次同步（%1）：无法连接平台。所有数据都保留在队列中，网络恢复后自动发送。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="288"/>
        <source>Last sync (%1): your sign-in has expired or was revoked. Sign in again; everything stays queued.</source>
        <translation>上次同步（%1）：登录已过期或已被撤销。请重新登录；所有数据都保留在队列中。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="291"/>
        <source>Last sync (%1) failed: %2. Everything stays queued; if this persists, export diagnostics for support.</source>
        <translation>上次同步（%1）失败：%2。所有数据都保留在队列中；如问题持续，请导出诊断信息交给技术支持。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="298"/>
        <source>The diagnostics could not be written: %1</source>
        <translation>无法写入诊断信息：%1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="301"/>
        <source>Diagnostics written to %1 (no passwords or tokens inside).</source>
        <translation>诊断信息已写入 %1（不含密码或令牌）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="353"/>
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/screens/sync.py" line="354"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="84"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="85"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="86"/>
        <source>Region</source>
        <translation>区划</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="87"/>
        <source>Lead inspector</source>
        <translation>主检</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="89"/>
        <source>Assisting</source>
        <translation>协检</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="93"/>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="100"/>
        <source>drawn, waiting for release</source>
        <translation>已抽取，待下达</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="101"/>
        <source>assigned</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="102"/>
        <source>in progress</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="103"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="104"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="118"/>
        <source>Release tasks…</source>
        <translation>下达任务……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="119"/>
        <source>Send the drawn tasks to their teams (they go to the inspectors with the next sync)</source>
        <translation>将抽中的任务下达给各检查组（下次同步时发送到检查人员的电脑）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="121"/>
        <source>Recusal and redraw…</source>
        <translation>回避重抽……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="123"/>
        <source>A team member declares a conflict with the selected task&apos;s entity: record it and draw that team again</source>
        <translation>检查组成员声明与所选任务的检查对象存在利害关系：登记回避并重新抽取该检查组</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="125"/>
        <source>Save redraw records…</source>
        <translation>保存重抽记录……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="127"/>
        <source>Write the plan&apos;s redraw records (REDRAW-1.json, REDRAW-2.json, …) into a folder, to publish and verify with the protocol</source>
        <translation>将本计划的重抽记录（REDRAW-1.json、REDRAW-2.json……）写入文件夹，与抽取记录一并公开和核验</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="129"/>
        <source>Export assignment package…</source>
        <translation>导出任务包……</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="131"/>
        <source>A signed file of one inspector&apos;s released tasks, for a laptop that cannot sync</source>
        <translation>一名检查人员已下达任务的签名文件，供无法同步的电脑使用</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="174"/>
        <source>Choose a plan to see its tasks.</source>
        <translation>选择一个计划以查看其任务。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="176"/>
        <source>Plan %1 has not been drawn yet.</source>
        <translation>计划 %1 尚未抽取。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="179"/>
        <source>Plan %1: %2 tasks, %3 waiting for release.</source>
        <translation>计划 %1：共 %2 项任务，%3 项待下达。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="205"/>
        <source>Release tasks</source>
        <translation>下达任务</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="206"/>
        <source>Release the %1 tasks of plan %2 to their teams? They go to the inspectors&apos; laptops with the next sync.</source>
        <translation>将计划 %2 的 %1 项任务下达给各检查组吗？任务将在下次同步时发送到检查人员的电脑。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="221"/>
        <source>%1 tasks released.</source>
        <translation>已下达 %1 项任务。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="242"/>
        <source>Choose a plan first.</source>
        <translation>请先选择计划。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="254"/>
        <source>Redraw %1 recorded for %2: %3 → %4. SHA-256 %5</source>
        <translation>已记录 %2 的第 %1 次重抽：%3 → %4。SHA-256 %5</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="265"/>
        <source>Folder for the redraw records</source>
        <translation>重抽记录保存文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="280"/>
        <source>Plan %1 has no redraw records.</source>
        <translation>计划 %1 没有重抽记录。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/tasks_panel.py" line="283"/>
        <source>%1 redraw records written to %2 (REDRAW-1.json to REDRAW-%1.json)</source>
        <translation>已将 %1 份重抽记录写入 %2（REDRAW-1.json 至 REDRAW-%1.json）</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../inspector/ui/widgets/checklist_editors.py" line="331"/>
        <source>Scan or type the code, then Enter</source>
        <translation>扫码或输入编码后按回车</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="250"/>
        <source>Confirm the team lead&apos;s key</source>
        <translation>确认组长的签名密钥</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="252"/>
        <source>%1 is signed by a key this workspace does not trust yet. Does its fingerprint match, group for group, the one your team lead read out to you?</source>
        <translation>%1 由本工作区尚未信任的密钥签名。下面的指纹是否与组长向您念出的指纹逐组一致？</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="256"/>
        <source>Only confirm a fingerprint you heard from the team lead yourself (by phone or in person). If it differs, cancel: the file may not come from your team lead.</source>
        <translation>只能确认您亲自从组长处（电话或当面）听到的指纹。如不一致，请取消：该文件可能并非来自您的组长。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/widgets/package_dialogs.py" line="258"/>
        <source>It matches: trust and import</source>
        <translation>指纹一致，信任并导入</translation>
    </message>
</context>
<context>
    <name>UnassignedTableModel</name>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="113"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="114"/>
        <source>Why no team</source>
        <translation>未能派员的原因</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/planning_models.py" line="123"/>
        <source>only %1 eligible inspectors are not recused and under the capacity of %2 tasks each; a team needs %3</source>
        <translation>只有 %1 名符合条件的检查人员未回避且未达每人 %2 项任务的上限；每组需要 %3 人</translation>
    </message>
</context>
</TS>
