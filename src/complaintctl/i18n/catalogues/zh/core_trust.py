"""Chinese for what core/trust says: the database file, check's fixes, the audit chain's head,
backups and restores."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # core/trust/audit.py
    '{against} {text!r} is not a chain head': '{against} {text!r} 不是审计链的链头',
    'give ID:HASH as {step} prints it, e.g. 4211:3f9c...': '请按 {step} 打印的格式给出 编号:哈希，例如 4211:3f9c...',
    # core/trust/backups.py
    '{keep} needs a directory to prune': '{keep} 需要一个可清理的目录',
    'give DEST as a directory, or leave it out': '请把目标写成目录，或不写',
    'no directory {directory}': '没有目录 {directory}',
    'create it, or add {mkdir}': '请先创建，或加上 {mkdir}',
    "{dest} is an SQLite database (a backup, or another program's): a backup never replaces one, even with {force}; "
    "nothing was written":
        '{dest} 是一个 SQLite 数据库（备份或其他程序的数据库）：备份从不覆盖数据库，即使用了 {force}；没有写入任何内容',
    'give a new file name, or a directory: {step} keeps the newest N': '请给出新的文件名或目录：{step} 保留最新的 N 个',
    'DIR': '目录',
    '{dest} already exists': '{dest} 已存在',
    '{dest} already exists (made while this backup ran)': '{dest} 已存在（在本次备份进行时生成）',
    'use {force} to replace it, or give another path': '用 {force} 覆盖它，或给出另一个路径',
    # core/trust/database.py
    '{shared} is for a database file': '{shared} 只用于数据库文件',
    "{roles} makes a PostgreSQL server's roles: a database file has none": '{roles} 创建的是 PostgreSQL 服务器的角色：数据库文件没有角色',
    "on a file, who may read and write is the file's: its owner, or team mode's group":
        '在文件上，谁可以读写由文件决定：它的所有者，或团队模式下的组',
    "on PostgreSQL, who may read and write is the server's: database roles and grants (docs/security.md)":
        '在 PostgreSQL 上，谁可以读写由服务器决定：数据库角色和授权（docs/security.md）',
    'internal error: {kind}: {error} (run with {debug} for details)': '内部错误：{kind}：{error}（加 {debug} 运行可看详情）',
    # core/trust/health.py: check's fixes
    '{fix}; {more}': '{fix}；{more}',
    'check {db} / COMPLAINTCTL_DB; if this was the database, restore the newest backup ({step})':
        '请检查 {db} / COMPLAINTCTL_DB；如果这就是数据库，请恢复最新的备份（{step}）',
    'BACKUP': '备份',
    'check {db} / COMPLAINTCTL_DB': '请检查 {db} / COMPLAINTCTL_DB',
    'compare with a backup ({step}); the events from there on cannot be trusted':
        '请与备份比较（{step}）；从那里起的事件不可信',
    "{step} as the files' owner (or root) gives them to the folder's group": '以文件所有者（或超级用户）运行 {step}，把文件交给所在文件夹的组',
    # core/trust/restores.py
    '{backup} has a -wal file beside it holding changes not in the file itself': '{backup} 旁边有一个 -wal 文件，其中有文件本身没有的改动',
    'run {step} once, which folds them in, then restore': '先运行一次 {step} 把改动并入文件，再恢复',
    # core/trust/health.py: check's findings
    '{pragma}: ok': '{pragma}：正常',
    'not an SQLite database, or damaged beyond reading': '不是 SQLite 数据库，或已损坏到无法读取',
    'the file is damaged: {messages}': '文件已损坏：{messages}',
    'restore the newest backup ({step}), or try `sqlite3 FILE .recover` into a new file':
        '恢复最新的备份（{step}），或试试用 `sqlite3 FILE .recover` 恢复到新文件',
    '{version}, the latest': '{version}，最新',
    '0: this is not a complaintctl database (or an empty file)': '0：这不是 complaintctl 数据库（或是空文件）',
    '{version}, newer than this complaintctl knows ({known})': '{version}，比本 complaintctl 认识的（{known}）更新',
    'upgrade complaintctl': '请升级 complaintctl',
    '{version}; this complaintctl writes {known}': '{version}；本 complaintctl 写入的是 {known}',
    '{step} upgrades it (every other command does too)': '{step} 会升级它（其他命令也会）',
    '{n} tables, views, indexes and triggers present': '{n} 个表、视图、索引和触发器都在',
    'missing: {objects}': '缺少：{objects}',
    'table {name}': '表 {name}',
    'view {name}': '视图 {name}',
    'index {name}': '索引 {name}',
    'trigger {name}': '触发器 {name}',
    'tables hold data: restore the newest backup': '表中有数据：请恢复最新的备份',
    'dropped with plain SQL? {step} recreates them (they hold no data)': '是用 SQL 直接删掉的吗？{step} 会重建它们（其中没有数据）',
    'none: every index is in place': '没有：每个索引都在',
    '{n:,} index dropped by a bulk import that is still running or was killed: {names}; queries are right but slower':
        ('{n:,} 个索引被仍在运行或已被中止的批量导入删除：{names}；查询结果正确，但较慢',),
    '{step} (or the next import) rebuilds them': '{step}（或下一次导入）会重建它们',
    'every code, customer, agent and complaint referred to exists (or its removal is recorded)':
        '引用的每个代码、客户、坐席和投诉都存在（或其删除有记录）',
    '{n:,} row of {where} name a missing {parent} row ({ids})': ('`{where}` 中有 {n:,} 行指向 `{parent}` 中不存在的行（{ids}）',),
    'events name {n:,} complaint that is gone with no removal recorded ({ids})':
        ('事件提到的 {n:,} 件投诉已不存在，且没有删除记录（{ids}）',),
    'events name {n:,} customer that is gone with no removal recorded ({ids})':
        ('事件提到的 {n:,} 位客户已不存在，且没有删除记录（{ids}）',),
    'written with foreign keys off (plain SQL?): fix the rows, or add the missing codes with {step}':
        '是在关闭外键约束时写入的（直接用 SQL？）：请修正这些行，或用 {step} 添加缺少的代码',
    'deleted around complaintctl (only {undo} removes complaints and customers, and it records each): restore them from a backup':
        '绕过 complaintctl 删除的（只有 {undo} 会删除投诉和客户，并且每次都有记录）：请从备份中恢复',
    'events can be rewritten ({names} missing; {left} set aside by an import that is not running)':
        '事件可被改写（缺少 {names}；{left} 被一个已不在运行的导入搁置）',
    'events can be rewritten ({names} missing)': '事件可被改写（缺少 {names}）',
    '{step} restores the triggers': '{step} 会恢复触发器',
    '{n:,} complaint with no event at all ({ids})': ('{n:,} 件投诉没有任何事件（{ids}）',),
    'complaints inserted or their events deleted around complaintctl': '有投诉是绕过 complaintctl 插入的，或其事件被绕过 complaintctl 删除了',
    'the audit chain is broken at event #{first} (first broken link; {links} broken, {events} without a hash): events were changed, deleted or inserted around complaintctl':
        '审计链在事件 #{first} 处断开（第一个断开的链接；{links}断开，{events}没有哈希）：有事件被绕过 complaintctl 修改、删除或插入',
    '{n:,} link': ('{n:,} 个链接',),
    '{n:,} event': ('{n:,} 条事件',),
    'the events from #{first} on use version {version} of the audit chain, which this complaintctl does not know: they were not verified':
        '从 #{first} 起的事件使用审计链的第 {version} 版，本 complaintctl 不认识：未经验证',
    'the events are not chained yet: nothing to prove against': '事件尚未成链：无从验证',
    'the kept head proves the history before it was changed: restore a backup older than the change':
        '保存的链头证明了改动之前的历史：请恢复早于改动的备份',
    'the events are not chained yet (an older schema)': '事件尚未成链（较旧的结构版本）',
    'the newest {n:,} link of the chain hold': ('链中最新的 {n:,} 个链接完好',),
    '{n:,} event chained, every link holds': ('{n:,} 条事件成链，每个链接都完好',),
    '{what}; nothing at or before the kept head #{head} changed': '{what}；保存的链头 #{head} 及之前没有改动',
    'every complaint has its events; events are append-only; {what}': '每件投诉都有事件；事件只能追加；{what}',
    '{n:,} complaint whose {name} is not what their events say ({ids})': ('{n:,} 件投诉的{name}与其事件所记不符（{ids}）',),
    'a field was changed without its event: {step} has the history': '有字段被修改但没有相应事件：{step} 可查看历史',
    'on a PostgreSQL server only the status, assignee, classification, subject, description and received time are compared with their events yet':
        '在 PostgreSQL 服务器上，目前只比对状态、处理人、分类、主题、描述和受理时间与其事件',
    'check a copy of the data in SQLite, or keep {step} elsewhere (docs/security.md)':
        '请在 SQLite 中检查数据的副本，或把 {step} 保存在别处（docs/security.md）',
    'not compared: an older schema ({step} upgrades it)': '未比对：较旧的结构版本（{step} 会升级它）',
    '{these} and {those}': '{these}和{those}',
    '{kind}: {ids}': '{kind}：{ids}',
    'not what their events state or sealed: {rows}; the first: {first} ({by_kind})':
        '与其事件所记或封存的不符：{rows}；第一处：{first}（{by_kind}）',
    'changed around complaintctl (plain SQL?): {step} has what the events say; compare with a backup':
        '是绕过 complaintctl 修改的（直接用 SQL？）：{step} 可查看事件所记的内容；请与备份比对',
    '{complaints} and {customers} agree with the events that state their facts; the intake of {sealed:,} is sealed':
        '{complaints}和{customers}与记录其事实的事件一致；{sealed:,} 件投诉的受理内容已封存',
    '{n:,} team setting': ('{n:,} 项团队设置',),
    '{detail} ({n:,} came in before seals: what no event restates is not covered)':
        '{detail}（{n:,} 件在封存功能之前登记：没有事件复述的内容未被覆盖）',
    '{n:,} complaint ({ids})': ('{n:,} 件投诉（{ids}）',),
    '{which} with times not in the form 2026-11-24T03:34:07Z, which date filters, reports and SLA clocks cannot read':
        '{which}的时间格式不是 2026-11-24T03:34:07Z，日期筛选、报表和时限计时无法读取',
    "rewrite them as UTC ISO-8601 (strftime('%Y-%m-%dT%H:%M:%SZ', ...))":
        "请改写为 UTC ISO-8601 格式（`strftime('%Y-%m-%dT%H:%M:%SZ', ...)`）",
    'every time is UTC ISO-8601': '所有时间都是 UTC ISO-8601 格式',
    '{n:,} complaint open but with a closed or resolved time ({ids})': ('{n:,} 件投诉未结却有关闭或解决时间（{ids}）',),
    '{n:,} complaint resolved without a resolved time ({ids})': ('{n:,} 件投诉已解决却没有解决时间（{ids}）',),
    '{n:,} complaint resolved but with a closed time ({ids})': ('{n:,} 件投诉已解决却有关闭时间（{ids}）',),
    '{n:,} complaint with times out of order (received <= first response <= resolution <= closing) ({ids})':
        ('{n:,} 件投诉的时间顺序不对（应为 受理 <= 首次响应 <= 解决 <= 关闭）（{ids}）',),
    'edited outside complaintctl? {step} has their history': '是在 complaintctl 之外修改的吗？{step} 可查看其历史',
    'statuses agree with their times': '状态与时间一致',
    "not a file: who may read and write is the server's (database roles, docs/security.md)":
        '不是文件：谁可以读写由服务器决定（数据库角色，docs/security.md）',
    'an in-memory database': '内存数据库',
    'team mode (the folder is group-writable), but {what}': '团队模式（文件夹可由组写入），但{what}',
    "{exposed} (it holds customers' names and phone numbers)": '{exposed}（其中有客户的姓名和电话号码）',
    'chmod 600 {db}, or share the folder with a team (docs/security.md)': 'chmod 600 {db}，或与团队共享该文件夹（docs/security.md）',
    "team mode: the folder's group reads and writes every file": '团队模式：文件夹所属的组可读写每个文件',
    'private to its owner': '仅所有者可访问',
    'stored due times agree with the events': '保存的到期时间与事件一致',
    '{n:,} complaint whose stored due times or breach flags disagree with their events ({ids})':
        ('{n:,} 件投诉保存的到期时间或超时标记与其事件不符（{ids}）',),
    '{step} lists the fields (edited outside complaintctl?)': '{step} 会列出这些字段（是在 complaintctl 之外修改的吗？）',
    'no public holiday calendar in use': '没有使用公共节假日日历',
    'holidays known until {end}': '已知节假日截至 {end}',
    'could not be checked: {kind}: {error}': '无法检查：{kind}：{error}',
    'not checked: the clocks cannot be replayed from unreadable times': '未检查：无法从读不懂的时间重算计时',
    'fix the timestamps first': '请先修正时间',
    # core/trust/facts.py: what disagrees with its events
    'complaint #{id}': '投诉 #{id}',
    'customer #{id}': '客户 #{id}',
    'setting {key}': '设置 {key}',
    'the SLA targets of {severity}': '{severity}的时限',
    'customers #{first} to #{last}: what the records were created with is not what event #{event} sealed':
        '客户 #{first} 至 #{last}：记录创建时的内容与事件 #{event} 封存的不符',
    '{what}: {sealed} is not what event #{event} sealed': '{what}：{sealed}与事件 #{event} 封存的不符',
    'what it came in with': '登记时的内容',
    'the outcome it came in with': '登记时的处理结果',
    'what the record was created with': '记录创建时的内容',
    '{what}: its surveys are not what its surveyed events say (first: event #{event})':
        '{what}：其回访与回访事件所记不符（第一处：事件 #{event}）',
    '{what}: its surveys are not what its surveyed events say': '{what}：其回访与回访事件所记不符',
    '{what}: its tag {tag} is there, though event #{event} removed it': '{what}：标签 {tag} 还在，但事件 #{event} 已将其删除',
    '{what}: its tag {tag} is missing, though event #{event} added it': '{what}：缺少标签 {tag}，但事件 #{event} 添加过它',
    '{what}: its {name} is {found}, and no event says so': '{what}：其{name}是 {found}，但没有事件这样记录',
    '{what}: its {name} is {found} where event #{event} says {stated}': '{what}：其{name}是 {found}，而事件 #{event} 记的是 {stated}',
    'received time': '受理时间',
    'merge': '合并',
    'escalation count': '升级次数',
    'reopen count': '重开次数',
    'creator': '创建人',
    'creation time': '创建时间',
    'last escalation': '最近一次升级',
    'sealed intake': '封存的受理内容',
    'sealed outcome': '封存的处理结果',
    'sealed record': '封存的记录',
    'surveys': '回访',
    # the next step the trust commands' hints name
    'pg_dump (one database) or pg_basebackup (the whole server), a standby replica for failover, or {step} for a file: '
    'docs/guide.md, Running on PostgreSQL':
        'pg_dump（一个数据库）或 pg_basebackup（整个服务器）、用于故障切换的备用副本，或用 {step} 得到一个文件：'
        'docs/guide.md 中讲 PostgreSQL 的一节',
    'FILE.db': '文件.db',
    'the database itself is damaged: run {step}': '数据库本身已损坏：请运行 {step}',
    '{step} makes one (or a first log or import)': '{step} 会创建（第一次登记或导入也会）',
    '{step} makes them, in backups/ beside the database': '{step} 会生成它们，放在数据库旁边的 backups/ 里',
    'give a file {step} wrote': '请给出 {step} 写出的文件',
    'backup copies a database file': '备份复制的是数据库文件',
    'restore puts a backup file in place of a database file': '恢复是用备份文件替换数据库文件',
    "{what}; this desk is on PostgreSQL, whose backups are the server's": '{what}；这个工作台在 PostgreSQL 上，备份由服务器负责',
    "the copy failed SQLite's integrity check ({problems}); nothing was written to {dest}":
        '副本未通过 SQLite 的完整性检查（{problems}）；没有写入 {dest}',
    'no complaintctl desk in {url} yet': '{url} 中还没有 complaintctl 工作台',
    'no database at {path}': '{path} 处没有数据库',
    '`complaintctl init` creates it; or check --db / COMPLAINTCTL_DB':
        '`complaintctl init` 可以创建它；或检查 --db / COMPLAINTCTL_DB',
    'no backup at {backup}': '{backup} 处没有备份',
    '{backup} is not an SQLite database': '{backup} 不是 SQLite 数据库',
}
