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
}
