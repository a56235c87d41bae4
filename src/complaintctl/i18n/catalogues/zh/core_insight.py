"""Chinese for what core/insight and core/demo.py say: report periods, lists, exports, worklists,
read-only SQL and the demo database."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # core/demo.py, core/insight/trend.py
    '{weeks} must be between 1 and {most}': '{weeks} 必须在 1 到 {most} 之间',
    '{path} already has {n} complaints': '{path} 已有 {n} 件投诉',
    'use {force} to add a demo history anyway': '如仍要加入演示数据，请用 {force}',
    # core/insight/export.py
    '{columns} is empty': '{columns} 为空',
    '{option} {labels!r}: give en or zh': '{option} {labels!r}：请给出 en 或 zh',
    # core/insight/periods.py
    'give {week} or {start}/{end}, not both': '请给出 {week} 或 {start}/{end}，不能同时给出',
    '{start} and {end} go together': '{start} 和 {end} 要一起给出',
    '{end} must be after {start}': '{end} 必须晚于 {start}',
    'cannot fill in {output} {pattern!r}': '无法填写 {output} {pattern!r}',
    'placeholders: {names}': '可用的占位符：{names}',
    # core/insight/queries.py, core/insight/worklists.py
    '{mine} goes without {assignee} and {unassigned}': '{mine} 不能与 {assignee} 和 {unassigned} 一起使用',
    '{days} must be 0 (every resolved complaint) or more': '{days} 必须是 0（所有已解决的投诉）或更大',
    # core/insight/readonly_sql.py
    'bad {param} {value!r}': '无效的 {param} {value!r}',
    'use NAME=VALUE, and :NAME in the query': '请写成 名称=值，并在查询里用 :名称',
    'the query ran longer than its time limit ({seconds:g} s) and was stopped':
        '查询超过了时间限制（{seconds:g} 秒），已停止',
    '{timeout} SECONDS for more (0: none), or narrow it with WHERE or LIMIT':
        '用 {timeout} 秒数 放宽（0：不限），或用 WHERE 或 LIMIT 缩小查询',
    # core/insight/queries.py, core/insight/suggest/
    'name a complaint by its id (42, #42) or its reference (ref:INC0012); see {step}':
        '请用编号（42、#42）或外部编号（ref:INC0012）指明投诉；见 {step}',
    'no SLA clock: no severity (classify it, or set {step})': '没有时限计时：没有严重程度（请分类，或设置 {step}）',
    'SEVERITY': '严重程度',
    'no model yet: run {step}': '还没有模型：请运行 {step}',
    'no complaint #{id}': '没有投诉 #{id}',
    'the model is no better than always guessing the commonest code on held-out history ({model:.1f}% against {commonest:.1f}% put first right)':
        '在留出的历史上，模型并不比总猜最常见的代码更好（首选正确 {model:.1f}%，对比 {commonest:.1f}%）',
    'complaint #{id} has the reference {ref}: name it ref:{ref}': '投诉 #{id} 的外部编号是 {ref}：请写成 ref:{ref}',
    'no complaint with the reference {ref!r}': '没有外部编号为 {ref!r} 的投诉',
    'no rule #{id}': '没有规则 #{id}',
}
