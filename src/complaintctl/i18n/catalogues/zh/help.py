"""Chinese for every --help: each command's and option's help text, written in English in the code
(a docstring or ``help=``), is its message id (cli/usage_text.py translates the command tree)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "A customer's answer to the company's reply in a thread their complaint opened is a complaint of its own [default: a note on the complaint that opened the thread].":
        '客户在自己投诉开启的对话中对公司回复的再回复，各算一条投诉［默认：记为开启该对话的投诉上的备注］。',
    "Rows of one ref that follow one another are one complaint (an event log's snapshots, a row per allegation or product): what they say otherwise is kept in notes.":
        '外部编号相同且相邻的行合为一条投诉（事件日志的快照、每项指控或每个产品一行）：各行其余的内容保存在备注里。',
    '1 to 60 [default: 5].':
        '1 到 60 [默认：5]。',
    'A backup file (`complaintctl backup` wrote it).':
        '备份文件（`complaintctl backup` 写出的）。',
    'A chain head kept elsewhere (`complaintctl audit head` printed it): prove that nothing at or before it changed.':
        '保存在别处的链头（`complaintctl audit head` 打印的）：证明它及之前的内容都没有改动。',
    'A command-line complaint desk on one SQLite file: log, classify, assign, update, close and report customer complaints.':
        '一个 SQLite 文件上的命令行投诉台：登记、分类、分配、更新、关闭和报告客户投诉。',
    "A customer's details, the records merged into them, their complaints (open ones first)\nand the changes to their record.":
        '一位客户的资料、并入其中的记录、其投诉（未结的在前）以及其记录的变更。',
    'A different person from the customer the email or phone belongs to (a family, a switchboard): record a new customer.':
        '与该邮箱或电话所属客户不是同一人（家人、总机）：登记为新客户。',
    'A file, or a directory to put a dated file in [default: backups/ beside the database].':
        '文件，或放置带日期文件的目录 [默认：数据库旁的 backups/]。',
    'A free tag; repeat for more.':
        '自由标签；可重复以添加多个。',
    'A name for it, e.g. team-wecom.':
        '它的名称，例如 值班群。',
    "A regular expression, matched ignoring case on the subject and description, e.g. '扣费|charged twice'.":
        "正则表达式，不区分大小写，匹配主题和描述，例如 '扣费|重复扣款'。",
    'A team lead (escalations go to leads).':
        '组长（升级的投诉交给组长）。',
    'A value for :NAME in the query; repeatable.':
        '查询中 :NAME 的值；可重复。',
    'A value for rows that have none, e.g. channel=phone; repeatable.':
        '没有值的行所用的值，例如 channel=phone；可重复。',
    'Add a code so the team can classify by it.':
        '添加一个代码，供团队分类使用。',
    'Add a reply template. Its language is NAME:zh or NAME:en, else the one its text is written in.\nPlaceholders are filled in from the complaint when it is sent.':
        '添加回复模板。语言为 NAME:zh 或 NAME:en，否则按其文字所用的语言。发送时用投诉的内容填入占位符。',
    'Add a tag; repeatable.':
        '添加标签；可重复。',
    "Add a webhook the team's chat gives a group robot.":
        '添加团队聊天群机器人提供的 webhook。',
    'Add an agent (or reactivate an inactive one).':
        '添加坐席（或重新启用停用的坐席）。',
    "After the import, what the team's history suggests for the imported complaints without a category (writes nothing; `classify --suggest --unclassified --apply` does).":
        '导入后，按团队的历史为导入的未分类投诉给出建议（不写入；`classify --suggest --unclassified --apply` 才写入）。',
    'Agent performance over a period: assigned, resolved, median resolution time, SLA, satisfaction.':
        '一段时间内的坐席绩效：分配数、解决数、解决时长中位数、时限、满意度。',
    'Also list what falls due within this long: 4h, 2d, or business time 4bh, 2bd (counted on the SLA calendar).':
        '同时列出在这段时间内到期的：4h、2d，或工作时间 4bh、2bd（按时限日历计算）。',
    "Also say what the team's history suggests for its category and other codes (on stderr; with -f json, under suggestions); writes nothing (`classify ID --accept` does).":
        '同时给出团队历史对其类别等代码的建议（在 stderr；-f json 时在 suggestions 中）；不写入（`classify ID --accept` 才写入）。',
    "Also set the team's time zone [default: keep it, or the country's first zone in the tz database when none is set].":
        '同时设置团队时区 [默认：保持不变；未设置时取 tz 数据库中该国家的第一个时区]。',
    "Also tell the team's overdue webhooks about the late ones not told before (for cron; see `notify`).":
        '同时把之前未通知过的超时投诉告知团队的超时 webhook（供 cron 使用；见 `notify`）。',
    'Also the records merged into another customer.':
        '也包括已并入其他客户的记录。',
    'Any rejected row aborts the import: nothing written.':
        '任何一行被拒绝就中止导入：什么都不写入。',
    'Assign a complaint to an agent, or --unassign it.':
        '把投诉分配给坐席，或用 --unassign 取消分配。',
    'Assigned to this agent.':
        '分配给该坐席的。',
    'At a terminal: offer the calls whose logging failed after their questions (kept as drafts), and log the one chosen.':
        '在终端中：列出在回答问题后登记失败的来电（保存为草稿），并登记所选的一条。',
    'At most this many [default: 100 for tables, all otherwise]; 0 for all.':
        '最多这么多条 [默认：表格 100 条，其他格式全部]；0 为全部。',
    'At most this many, newest first; 0 for all.':
        '最多这么多条，最新的在前；0 为全部。',
    'At most this many.':
        '最多这么多条。',
    'At most this many; 0 for all [default: 100 for tables, all otherwise].':
        '最多这么多条；0 为全部 [默认：表格 100 条，其他格式全部]。',
    'Back to the default text.':
        '恢复为默认文字。',
    'CSV delimiter: , ; tab | [default: sniffed].':
        'CSV 分隔符：, ; tab | [默认：自动识别]。',
    'CSV for Excel, from any command (also after it): UTF-8 with a byte order mark and CRLF line ends.':
        '供 Excel 使用的 CSV，适用于任何命令（也可写在命令之后）：带字节顺序标记的 UTF-8，CRLF 换行。',
    "CSV, JSON array, NDJSON or workbooks (.xlsx, .xls, .xlsb, .ods); '-' for stdin.":
        "CSV、JSON 数组、NDJSON 或工作簿（.xlsx、.xls、.xlsb、.ods）；'-' 表示标准输入。",
    'CSV: only this section (e.g. category, agents).':
        'CSV：只输出这一部分（例如 category、agents）。',
    "Change a customer's details, for all their complaints (an event each).":
        '修改客户资料，对其所有投诉生效（每次一条事件）。',
    "Change a reply template's text or category.":
        '修改回复模板的文字或类别。',
    "Change a severity's targets; the open complaints it times get new due times (of that\nseverity, and without one when it is the `sla default`).":
        '修改某严重程度的时限；由它计时的未结投诉获得新的到期时间（该严重程度的，以及它是 `sla default` 时没有严重程度的）。',
    "Check the database: the file's integrity, its schema, references, the audit trail (the hash\nchain of the events, and that complaints hold what their events say), times, statuses and SLA\nclocks. Reads only. Exit 0 all ok, 1 a problem found (warnings alone exit 0).":
        '检查数据库：文件完整性、结构、引用、审计记录（事件的哈希链，以及投诉与其事件是否一致）、时间、状态和时限计时。只读。退出码 0 全部正常，1 发现问题（仅有警告时为 0）。',
    'Chinese label.':
        '中文标签。',
    'Choose the e-mails customers get (their language: the one the complaint is written in).':
        '选择客户收到的邮件（语言：投诉所用的语言）。',
    'Clear the assignee.':
        '清除处理人。',
    'Close a complaint with its outcome and resolution.':
        '以处理结果和解决方案关闭投诉。',
    'Close resolved complaints with no follow-up after this many days [default: the saved setting, 14].':
        '关闭已解决且这么多天内无人回访的投诉 [默认：已保存的设置，14]。',
    'Codes as their English or Chinese labels, for people (zh: Chinese column headers in CSV and xlsx too); import reads them back.':
        '代码显示为英文或中文标签，供人阅读（zh：CSV 和 xlsx 的列名也用中文）；导入时可读回。',
    'Comma-separated columns to export [default: all].':
        '要导出的列，以逗号分隔 [默认：全部]。',
    'Complaint id (42, #42) or reference (ref:INC0012, H1); none with --unclassified.':
        '投诉编号（42、#42）或参考号（ref:INC0012、H1）；与 --unclassified 一起时不需要。',
    'Complaint id (42, #42) or reference (ref:INC0012, or a reference that is not a number: H1).':
        '投诉编号（42、#42）或参考号（ref:INC0012，或不是数字的参考号：H1）。',
    'Complaints with any of the words, not all of them.':
        '包含任一词语的投诉，而不是全部词语。',
    "Copy the database to a backup file, consistently, while others keep working; the copy\npasses SQLite's integrity check before it takes the backup's name. Prints the backup's path.":
        '在其他人继续工作的同时，把数据库一致地复制到备份文件；副本通过 SQLite 完整性检查后才使用备份文件名。打印备份的路径。',
    'Corrected received time. ISO, 2026/11/3 14:05, 3 Nov 2026, 2026年11月3日, today, yesterday, 15:30 (today, or yesterday if still to come).':
        '更正后的受理时间。ISO、2026/11/3 14:05、3 Nov 2026、2026年11月3日、today、yesterday、15:30（今天，若尚未到则为昨天）。',
    'Country or region: CN, HK, TW, SG, US, GB, DE, or COUNTRY-SUBDIVISION such as US-CA or DE-BY.':
        '国家或地区：CN、HK、TW、SG、US、GB、DE，或 国家-地区 如 US-CA、DE-BY。',
    "Create DEST's directory if it does not exist (without it, a missing directory, say an unmounted disk, is refused).":
        '如果 DEST 的目录不存在就创建它（不加此项时，目录不存在，比如磁盘未挂载，会被拒绝）。',
    'Create the database, or bring it up to date: rebuild the indexes an interrupted import\nleft deferred, recreate indexes, views and triggers dropped by hand. Safe to run again.':
        '创建数据库，或将其更新到最新：重建被中断的导入延后的索引，重新创建被手工删除的索引、视图和触发器。可以重复运行。',
    'Customer id (#12 or 12).':
        '客户编号（#12 或 12）。',
    'Customer id.':
        '客户编号。',
    "Customer's company.":
        '客户的公司。',
    "Customer's email (used to match repeat customers).":
        '客户的邮箱（用于识别重复投诉的客户）。',
    "Customer's name, or #ID of a known customer.":
        '客户姓名，或已知客户的 #编号。',
    "Customer's phone (used to match repeat customers).":
        '客户的电话（用于识别重复投诉的客户）。',
    'Customers: list, show their history, edit their details, merge duplicates.':
        '客户：列出、查看历史、修改资料、合并重复记录。',
    'Database file [default: $COMPLAINTCTL_DB, else the per-user file; see `complaintctl info`]':
        '数据库文件 [默认：$COMPLAINTCTL_DB，否则为每个用户自己的文件；见 `complaintctl info`]',
    'Deactivate an agent: nothing new can be assigned to them; history stays. If they still have\nopen complaints, say what becomes of them (refused, with the list, otherwise).':
        '停用坐席：不能再给其分配新投诉；历史保留。如果其仍有未结投诉，需说明如何处理（否则拒绝并列出这些投诉）。',
    "DingTalk or Feishu signing secret (kept in the database, like the URL's token).":
        '钉钉或飞书的签名密钥（与 URL 中的令牌一样保存在数据库中）。',
    'Display name, e.g. 李伟.':
        '显示名称，例如 李伟。',
    "Do not prefix cells starting with = + - @ with '.":
        "不给以 = + - @ 开头的单元格加 ' 前缀。",
    'E-mail the customer an acknowledgement when a complaint with their address is logged.':
        '登记带有客户邮箱的投诉时，给客户发送受理确认邮件。',
    'E-mail the customer the decision when their complaint is closed as resolved or rejected.':
        '投诉以已解决或已驳回关闭时，给客户发送处理决定邮件。',
    'End of the period, exclusive; a bare date includes that day.':
        '时间段的结束（不含）；只写日期时包含当天。',
    'English label.':
        '英文标签。',
    'Escalate: raise the severity (one step by default) and/or hand over to a lead.':
        '升级：提高严重程度（默认一级），和/或交给组长。',
    'Every import made into this database, the newest first: its id (for `import undo`), when,\nthe file, who, its counts, how many of the complaints it created are still there, and\nwhether it was undone.':
        '在此数据库中做过的每次导入，最新的在前：编号（供 `import undo` 使用）、时间、文件、操作人、各项计数、它创建的投诉还剩多少，以及是否已撤销。',
    "Every open complaint's SLA clock, due soonest first: which clock runs, when it is due, time left or over.":
        '每件未结投诉的时限计时，最先到期的在前：哪个计时在运行、何时到期、剩余或超时多久。',
    'Excel: the worksheet to read [default: the first visible one].':
        'Excel：要读取的工作表 [默认：第一个可见的工作表]。',
    'The line (sheet row) that names the columns; the lines above it are skipped [default: found: the first row, or the one below a title].':
        '写着列名的那一行（工作表的行号）；它上面的行都跳过 [默认：自动找出：第一行，或标题下面的那一行]。',
    'The file has no header row: every row is a complaint, its columns read by their values (or --map column_N=FIELD).':
        '文件没有表头行：每一行都是一条投诉，各列按其中的值判断（或用 --map column_N=字段）。',
    'Exit 1 when anything is overdue (for monitoring).':
        '有任何超时时退出码为 1（用于监控）。',
    'Exit 4 when overall compliance is below PCT.':
        '总体达成率低于 PCT 时退出码为 4。',
    'Exit 4 when response or resolution compliance is below PCT (for monitoring).':
        '响应或解决达成率低于 PCT 时退出码为 4（用于监控）。',
    'Export complaints (the same filters as list) to CSV, JSON, NDJSON or an Excel workbook, for other tools or\nfor import into another database.':
        '导出投诉（筛选条件与 list 相同）为 CSV、JSON、NDJSON 或 Excel 工作簿，供其他工具使用或导入另一个数据库。',
    'File this complaint under this customer: a name (matched with --email/--phone as log does, else a new customer) or #ID.':
        '把此投诉归到这位客户名下：姓名（与 log 一样用 --email/--phone 匹配，否则为新客户）或 #编号。',
    'Fill a demo database with a realistic history, then print the weekly report.\nWithout --db it uses demo.db beside the default database, never your real data.':
        '用真实的历史填充演示数据库，然后打印周报。不加 --db 时使用默认数据库旁的 demo.db，绝不动你的真实数据。',
    'Fill the --db database even if it already has complaints.':
        '即使 --db 数据库中已有投诉也填充。',
    'Filled in for this complaint, as it would be sent.':
        '按此投诉填好，即发送时的样子。',
    'Find complaints by the words in them: subject, description, resolution, customer, tags, the notes\non their timeline, ref and imported extra columns. Chinese words of any length and English words\nor phrases, in any case; best match first, with the part that matched.':
        '按其中的词语查找投诉：主题、描述、解决方案、客户、标签、时间线上的备注、参考号和导入的附加列。任意长度的中文词语和英文单词或短语，不区分大小写；最匹配的在前，并显示匹配的部分。',
    'First-response target: 90m, 4h, 1d, or 4bh, 1bd.':
        '首次响应时限：90m、4h、1d，或 4bh、1bd。',
    'Forget a taught alias (complaints it classified keep their codes).':
        '忘记一个教过的别名（由它分类的投诉保留其代码）。',
    'Format of the report printed after.':
        '之后打印的报告格式。',
    "Give complaints without a severity an SLA clock: that severity's targets (their severity\nstays empty). Open ones get due times at once.":
        '给没有严重程度的投诉一个时限计时：使用该严重程度的时限（它们的严重程度仍为空）。未结投诉立即获得到期时间。',
    'Hand it over to this agent (usually a lead).':
        '交给这位坐席（通常是组长）。',
    'Hand their open complaints to this agent.':
        '把其未结投诉交给这位坐席。',
    'Has this tag; repeat to require all.':
        '带有此标签；重复使用则要求全部都有。',
    'Housekeeping for cron: close resolved complaints nobody followed up. Idempotent.':
        '供 cron 使用的日常整理：关闭无人回访的已解决投诉。可重复运行，结果不变。',
    "How far to trust suggestions: top-1 and top-3 accuracy on a held-out fifth of the team's\nclassified complaints, against always guessing the commonest code, and per code.":
        '建议有多可信：在团队已分类投诉中留出五分之一，计算第一名和前三名的准确率，与总是猜最常见代码相比，并按代码列出。',
    'How it came in: phone, email, web, social, store, chat, letter, other.':
        '投诉来源：phone、email、web、social、store、chat、letter、other。',
    'How many full weeks.':
        '多少个完整的周。',
    'How many weeks of history.':
        '多少周的历史。',
    'How the decision reached the customer [default: intake channel].':
        '处理决定是如何告知客户的 [默认：受理渠道]。',
    'IANA zone, e.g. Asia/Shanghai.':
        'IANA 时区，例如 Asia/Shanghai。',
    'ISO week, e.g. 2026-W47 [default: the last full week, local time].':
        'ISO 周，例如 2026-W47 [默认：上一个完整的周，本地时间]。',
    'Import complaints from CSV, JSON, NDJSON or Excel exports. Exit 0: all rows imported or already\nthere; 3: some rows rejected or repeating an earlier row with other values (see the rejects file);\n1: --strict with rows rejected (nothing written), or stopped by a failure (a full disk, a lock held too\nlong: the rows saved before it are said); 2: bad input.\nSeveral files are imported one after another, each on its own; the exit code is the worst.':
        '从 CSV、JSON、NDJSON 或 Excel 导出文件导入投诉。退出码 0：所有行已导入或已存在；3：有行被拒绝，或与之前某行重复但值不同（见拒绝文件）；1：使用 --strict 且有行被拒绝（什么都不写入），或因故障停止（磁盘已满、锁被占用过久：会说明故障前已保存的行）；2：输入有误。多个文件逐个导入，各自独立；退出码取最差的一个。',
    'Import complaints from files (`complaintctl import FILE...`), list the imports made (`import list`), undo one (`import undo ID`). A file named list, undo or files: write it as ./list.':
        '从文件导入投诉（`complaintctl import FILE...`）、列出做过的导入（`import list`）、撤销一次导入（`import undo ID`）。文件名为 list、undo 或 files 时，写成 ./list。',
    'Import holidays and extra working days from a simple text file.':
        '从简单文本文件导入假日和调休工作日。',
    'Include inactive agents.':
        '包括已停用的坐席。',
    'Install completion for the current shell.':
        '为当前 shell 安装命令补全。',
    'Instead: the labels imports could not place, with how many complaints still wait for an alias.':
        '改为列出：导入无法归类的标签，以及还有多少投诉在等待别名。',
    "Investigation note or reply; '-' reads stdin.":
        "调查备注或回复；'-' 从标准输入读取。",
    'Language of the report: en or zh [default: $COMPLAINTCTL_LANG, else a zh LANG, else en].':
        '报告语言：en 或 zh [默认：$COMPLAINTCTL_LANG，否则按中文 LANG，否则 en]。',
    'Leave their open complaints with them.':
        '其未结投诉仍由其处理。',
    'Lines: DATE[..DATE] holiday|workday [note]':
        '每行：日期[..日期] holiday|workday [备注]',
    'List agents with their open complaints.':
        '列出坐席及其未结投诉。',
    'List codes with their English and Chinese labels.':
        '列出代码及其英文和中文标签。',
    'List complaints, newest first, with filters.':
        '列出投诉，最新的在前，可加筛选条件。',
    'List customers with their complaints (open ones too), the most recently heard from first.':
        '列出客户及其投诉（包括未结的），最近联系的在前。',
    'List reply templates with the start of their text.':
        '列出回复模板及其文字开头。',
    'List the aliases labels are read through: those the team taught, then the built-in ones.':
        '列出读取标签所用的别名：先是团队教过的，然后是内置的。',
    "Load a country's public holidays and make-up working days (调休) into the calendar, and turn it on.":
        '把一个国家的法定假日和调休工作日载入日历，并启用日历。',
    'Lowercase code, e.g. warranty_claim.':
        '小写代码，例如 warranty_claim。',
    'Mark days as extra working days, e.g. a weekend day moved around a public holiday (调休).':
        '把某些日子标为调休工作日，例如因法定假日调换的周末（调休）。',
    'Mark days as holidays (no working time).':
        '把某些日子标为假日（没有工作时间）。',
    'Merge records that are the same person: their complaints move to KEEP, details KEEP lacks\nare filled in, and each merged record stays as an alias (its email and phone still find KEEP).':
        '合并同一人的记录：其投诉移到 KEEP 名下，KEEP 缺少的资料被补上，每条被合并的记录保留为别名（其邮箱和电话仍能找到 KEEP）。',
    "Move a complaint through its lifecycle, add a note, or edit its fields. Customer options\nchange this complaint only; `customers edit` changes a customer's record.":
        '推进投诉的处理流程、添加备注或修改其字段。客户选项只改这件投诉；`customers edit` 修改客户的记录。',
    "Name or company contains, or exact email/phone (a merged record's too), or #ID.":
        '姓名或公司包含，或邮箱/电话完全一致（包括已合并的记录），或 #编号。',
    'Name or company contains, or exact email/phone, or #ID.':
        '姓名或公司包含，或邮箱/电话完全一致，或 #编号。',
    "New company; 'none' clears.":
        "新公司；'none' 表示清除。",
    "New description; '-' reads stdin.":
        "新描述；'-' 从标准输入读取。",
    "New email; 'none' clears.":
        "新邮箱；'none' 表示清除。",
    "New name; 'none' clears.":
        "新姓名；'none' 表示清除。",
    "New phone; 'none' clears.":
        "新电话；'none' 表示清除。",
    'New subject.':
        '新主题。',
    'One SQL statement, or - to read it from stdin.':
        '一条 SQL 语句，或 - 从标准输入读取。',
    'One day or a range, e.g. 2026-10-01..2026-10-07.':
        '一天或一个范围，例如 2026-10-01..2026-10-07。',
    'One kind [default: all].':
        '一种 [默认：全部]。',
    'Only complaints assigned to me (the agent named by --actor).':
        '只看分配给我的投诉（--actor 指定的坐席）。',
    'Only complaints nobody has.':
        '只看无人处理的投诉。',
    'Only complaints that came in by this channel.':
        '只看通过此渠道受理的投诉。',
    'Only complaints that were escalated.':
        '只看升级过的投诉。',
    'Only hand over; leave the severity.':
        '只移交；不改严重程度。',
    'Only list what would be closed.':
        '只列出将被关闭的投诉。',
    'Only open (new, acknowledged, investigating, waiting: not resolved, not closed) or only closed.':
        '只看未结的（新建、已受理、调查中、等待中：未解决、未关闭）或只看已关闭的。',
    'Only the messages not sent (failed, pending).':
        '只看未发出的消息（失败、待发送）。',
    'Only these messages [default: every one not sent].':
        '只处理这些消息 [默认：所有未发出的]。',
    'Only these statuses; repeatable.':
        '只看这些状态；可重复。',
    'Only this category (a code, its label or a taught alias).':
        '只看此类别（代码、其标签或教过的别名）。',
    'Only this severity.':
        '只看此严重程度。',
    'Only those about this complaint.':
        '只看与此投诉有关的。',
    'Open complaints past a due time (and due soon with --within): the most urgent, by assignee.':
        '已过到期时间的未结投诉（加 --within 时也包括即将到期的）：最紧急的，按处理人列出。',
    'Output format: table, json, ndjson or csv.':
        '输出格式：table、json、ndjson 或 csv。',
    'Output format: table, json, ndjson or csv. csv and ndjson: the complaints.':
        '输出格式：table、json、ndjson 或 csv。csv 和 ndjson：只输出投诉。',
    'Personality: handling advice in Chinese.':
        '客户性格：中文的处理建议。',
    'Personality: handling advice in English.':
        '客户性格：英文的处理建议。',
    'Print Datasette metadata for the database: what each table and column holds, labels instead\nof codes, facets and canned queries for the common questions. Use it as\n`datasette complaints.db -m metadata.json`.':
        '打印数据库的 Datasette 元数据：每个表和列的内容、用标签代替代码、常见问题的分面和预设查询。用法：`datasette complaints.db -m metadata.json`。',
    "Print a template's text (each language), or with --for ID the reply that complaint would get.":
        '打印模板的文字（每种语言），或用 --for ID 打印该投诉会收到的回复。',
    'Print how each column will be read; write nothing.':
        '打印每列将如何读取；不写入。',
    'Print instead the configuration file Datasette 1.0 reads with -c (canned queries, labels, facets).':
        '改为打印 Datasette 1.0 用 -c 读取的配置文件（预设查询、标签、分面）。',
    "Print the chain head (ID:HASH of the newest event). Keep it somewhere the database's users cannot\nwrite (a log, an e-mail, from cron); `complaintctl check --against HEAD` later proves that nothing at\nor before it changed.":
        '打印链头（最新事件的 ID:HASH）。把它保存在数据库用户无法写入的地方（日志、邮件、cron）；以后用 `complaintctl check --against HEAD` 证明它及之前的内容都没有改动。',
    'Print the version and exit.':
        '打印版本并退出。',
    "Print what the team's history suggests (top three codes per field, confidence, the words that drove them); writes nothing.":
        '打印团队历史给出的建议（每个字段的前三个代码、置信度、起作用的词语）；不写入。',
    'Print which database file is in use, its schema version, SQLite version and row counts.':
        '打印正在使用的数据库文件、其结构版本、SQLite 版本和各表行数。',
    'Put a backup back in place of the database. Refused while anyone else has the database open;\nwhat it replaces is kept in backups/ (named ...-before-restore-...); the backup and the result\nare checked.':
        '用备份替换数据库。有其他人打开数据库时拒绝；被替换的内容保存在 backups/ 中（名为 ...-before-restore-...）；备份和结果都会检查。',
    'Random seed: the same seed gives the same history.':
        '随机种子：相同的种子生成相同的历史。',
    'Read 03/11/2026 as 3 Nov (or 11 Mar) in every date column [default: decided per column from its values; month first if none settles it].':
        '在每个日期列中把 03/11/2026 读作 11 月 3 日（或 3 月 11 日）[默认：按每列的值决定；没有值能确定时按月在前]。',
    "Read a column into a field (or 'ignore', 'extra'); repeatable.":
        "把某列读入某字段（或 'ignore'、'extra'）；可重复。",
    'Received before (a bare date includes that day).':
        '在此时间之前受理（只写日期时包含当天）。',
    'Received on or after. ISO, 2026/11/3 14:05, 3 Nov 2026, 2026年11月3日, today, yesterday, 15:30 (today, or yesterday if still to come).':
        '在此时间或之后受理。ISO、2026/11/3 14:05、3 Nov 2026、2026年11月3日、today、yesterday、15:30（今天，若尚未到则为昨天）。',
    'Recompute SLA state from the event log and compare it with what is stored (exit 1 on drift).':
        '根据事件记录重新计算时限状态，并与保存的状态比较（有偏差时退出码为 1）。',
    'Record a new complaint and print its id. At a terminal without --subject, ask for it.':
        '登记一件新投诉并打印其编号。在终端中未给 --subject 时会询问。',
    "Record the customer's satisfaction after resolution (resolved or closed complaints).":
        '记录客户在解决后的满意度（已解决或已关闭的投诉）。',
    'Records of the same person, merged into KEEP.':
        '同一人的记录，并入 KEEP。',
    'Remove a reply template (every language, or NAME:LANG). The timeline keeps the replies sent.':
        '删除回复模板（所有语言，或 NAME:LANG）。时间线保留已发送的回复。',
    'Remove a rule.':
        '删除一条规则。',
    'Remove a tag; repeatable.':
        '删除标签；可重复。',
    'Remove a webhook.':
        '删除一个 webhook。',
    'Remove the complaints and customers an import created that nobody has touched since, in\none transaction, and say what was kept and why. Kept: a complaint with any change, note,\nreply, survey or message since, or that another complaint is a duplicate of; a customer a\nremaining complaint names, or changed since. Every removal is an event in the audit trail\n(`complaintctl check` accounts for it); the events themselves stay.':
        '在一个事务中删除某次导入创建且之后无人改动的投诉和客户，并说明保留了什么以及原因。保留：之后有任何变更、备注、回复、回访或消息的投诉，或有其他投诉标记为其重复的投诉；仍有投诉指向的客户，或之后改动过的客户。每次删除都是审计记录中的一条事件（`complaintctl check` 会核对）；事件本身保留。',
    'Remove these days instead.':
        '改为删除这些日子。',
    'Reopen a resolved or closed complaint (back to investigating).':
        '重开已解决或已关闭的投诉（回到调查中）。',
    'Reopen the complaint: the customer is not satisfied.':
        '重开投诉：客户不满意。',
    'Replace DEST if it exists (never a database, a backup or a read-only file).':
        '如果 DEST 已存在就替换它（绝不替换数据库、备份或只读文件）。',
    'Reply templates: the answers a team gives again and again, per language and category, sent with `update ID --reply NAME` or `close ID --reply NAME`.':
        '回复模板：团队一再给出的答复，按语言和类别区分，用 `update ID --reply NAME` 或 `close ID --reply NAME` 发送。',
    'Reports for people and for cron: weekly, agents, sla, trends, causes.':
        '给人看和给 cron 用的报告：weekly、agents、sla、trends、causes。',
    'Resolution target: 24h, 3d, or 5bd.':
        '解决时限：24h、3d 或 5bd。',
    'Resolved complaints waiting for a satisfaction follow-up, most urgent (longest waiting) first.':
        '已解决、等待满意度回访的投诉，最紧急（等待最久）的在前。',
    'Resolved within the last DAYS days [default: 14]; 0 for every resolved complaint that never had a follow-up.':
        '最近 DAYS 天内解决的 [默认：14]；0 表示所有从未回访过的已解决投诉。',
    'Return their open complaints to the queue.':
        '把其未结投诉放回待处理队列。',
    'Root cause found by investigation.':
        '调查发现的根本原因。',
    'Root-cause Pareto: which causes make up 80% of complaints, for prevention.':
        '根本原因帕累托分析：哪些原因占了 80% 的投诉，用于预防。',
    'Rows per committed batch (1 to 100,000).':
        '每批提交的行数（1 到 100,000）。',
    'Rows without a received time get the import time (refused otherwise).':
        '没有受理时间的行使用导入时间（否则拒绝）。',
    'Rules the team writes: a pattern that suggests a code, winning over the model.':
        '团队编写的规则：匹配某模式时建议某代码，优先于模型。',
    'Run a read-only SQL query on the database and print the rows (docs/schema.md has the\ntables, views and examples). Nothing typed here can change the data. Rows are streamed;\nCtrl-C stops the query at once.':
        '在数据库上运行只读 SQL 查询并打印结果（docs/schema.md 有表、视图和示例）。在这里输入的内容不会改变数据。结果逐行输出；Ctrl-C 立即停止查询。',
    'SLA compliance by severity and by week.':
        '按严重程度和按周的时限达成率。',
    'SLA targets per severity, the business calendar, and a consistency check.':
        '各严重程度的时限、工作日历和一致性检查。',
    "SQLite's quick_check instead of the full integrity check; verify only the newest 10,000 links of the audit chain; skip replaying the events and the SLA clocks.":
        '用 SQLite 的 quick_check 代替完整的完整性检查；只验证审计链最新的 10,000 个环节；跳过事件重放和时限计时。',
    'Satisfaction from 1 (very unhappy) to 5.':
        '满意度，从 1（非常不满意）到 5。',
    'Save --close-after as the default.':
        '把 --close-after 保存为默认值。',
    'Say what would be removed and kept; change nothing.':
        '说明将删除和保留什么；不做任何改动。',
    'Send a test e-mail to this address.':
        '向这个地址发送测试邮件。',
    'Send a test message now (even while notifications are off); exit 1 if it does not go.':
        '立即发送一条测试消息（即使通知已关闭）；未发出时退出码为 1。',
    'Send a test message to this webhook.':
        '向这个 webhook 发送测试消息。',
    'Send for at most this long (1 to 600); what is left waits for the next run.':
        '最多发送这么久（1 到 600）；剩下的等下次运行。',
    "Send this reply template (`replies list`), filled in for the complaint, to the customer's e-mail when e-mail is set up (`notify smtp`); otherwise it is recorded, not sent, and is not their first response unless --to-customer says you told them yourself; :zh or :en picks the language [default: the complaint's].":
        '把此回复模板（`replies list`）按投诉填好，在设置了邮件时（`notify smtp`）发送到客户邮箱；否则只记录不发送，且不算首次响应，除非用 --to-customer 说明你已亲自告知；:zh 或 :en 选择语言 [默认：投诉的语言]。',
    "Send this reply template (`replies list`), filled in for the complaint, to the customer's e-mail when e-mail is set up (`notify smtp`); otherwise it is recorded, not sent, and is not their first response unless --to-customer says you told them yourself; :zh or :en picks the language [default: the complaint's]. It is also the resolution unless -r gives one.":
        '把此回复模板（`replies list`）按投诉填好，在设置了邮件时（`notify smtp`）发送到客户邮箱；否则只记录不发送，且不算首次响应，除非用 --to-customer 说明你已亲自告知；:zh 或 :en 选择语言 [默认：投诉的语言]。若 -r 没有给出解决方案，它也是解决方案。',
    'Send what is not sent: failed messages, pending ones a killed command left, and those whose\nsender died mid-send (once their lease has run out: a send in progress is never taken). Two\nruns at once never send one message twice; a message cut off after the server had it goes\nagain with the same Message-ID. Exit 1 if some still fail. Off a terminal (cron) it prints\nonly the failures.':
        '发送未发出的消息：失败的消息、被中断的命令留下的待发送消息，以及发送者在发送中途退出的消息（在其租约到期之后：正在发送的绝不会被拿走）。两次同时运行绝不会把一条消息发两次；服务器已收到后被中断的消息会以相同的Message-ID 再发一次。仍有失败时退出码为 1。不在终端中（cron）时只打印失败的消息。',
    'Set the business calendar; open complaints get new due times.':
        '设置工作日历；未结投诉获得新的到期时间。',
    "Set the category, severity, cause, customer personality, motive and tags; or see and accept\nwhat the team's history suggests (--suggest, --accept).":
        '设置类别、严重程度、原因、客户性格、投诉动机和标签；或查看并接受团队历史给出的建议（--suggest、--accept）。',
    "Set the mail server the customer e-mails go through ('' clears a value).":
        "设置发送客户邮件所用的邮件服务器（'' 表示清除某项）。",
    'Set this severity [default: one step up].':
        '设为此严重程度 [默认：提高一级]。',
    'Severity: first-response target, e.g. 4h.':
        '严重程度：首次响应时限，例如 4h。',
    'Severity: resolution target, e.g. 3d.':
        '严重程度：解决时限，例如 3d。',
    'Short login-like name, e.g. li.wei':
        '简短的类似登录名的名称，例如 li.wei',
    'Show an e-mail template, or change it.':
        '查看或修改邮件模板。',
    'Show completion for the current shell, to copy it or customize the installation.':
        '显示当前 shell 的命令补全，以便复制或自定义安装。',
    'Show every field of a complaint, handling advice and its timeline.':
        '显示投诉的每个字段、处理建议和时间线。',
    'Show or set how long a command (log, close, escalate, ...) spends sending the messages it\nqueued, after its change is saved: what is not sent by then stays queued for `notify retry`\n(from cron), and the command says so. A slow or silent server never holds a command longer.':
        '查看或设置一个命令（log、close、escalate 等）在保存其变更后用多长时间发送它排队的消息：到时未发出的留在队列中等待 `notify retry`（由 cron 运行），命令会说明这一点。缓慢或无响应的服务器不会让命令等待更久。',
    "Show or set the team's SLA goal: the share of clocks meant to finish on time (reports mark\nfigures below it).":
        '查看或设置团队的时限目标：应按时完成的计时所占比例（报告会标出低于它的数字）。',
    'Show the business calendar, where its holidays come from, and its special days.':
        '显示工作日历、其假日的来源以及特殊日子。',
    'Show the first-response and resolution targets of each severity, and the calendar.':
        '显示各严重程度的首次响应和解决时限，以及日历。',
    'Show tracebacks on errors (also after the command).':
        '出错时显示回溯信息（也可写在命令之后）。',
    'Show what is set up: the switches, the mail server, the webhooks, the e-mail templates, the outbox.':
        '显示已设置的内容：开关、邮件服务器、webhook、邮件模板、发件箱。',
    "Show, read and report times in this time zone [default: $TZ, else the team's (`sla calendar set --timezone`), else the machine's]":
        '在此时区显示、读取和报告时间 [默认：$TZ，否则为团队的（`sla calendar set --timezone`），否则为本机的]',
    'Start of the period (instead of --week).':
        '时间段的开始（代替 --week）。',
    'Stop the query after this long; 0 for no limit [default: 5 s for a table, none otherwise].':
        '查询超过这么久就停止；0 表示不限 [默认：表格 5 秒，其他格式不限]。',
    'Suggest CODE for FIELD whenever PATTERN is found; a rule wins over the model.':
        '每当找到 PATTERN 就为 FIELD 建议 CODE；规则优先于模型。',
    "Suggestions from the team's own history: train, evaluate, rules.":
        '来自团队自身历史的建议：训练、评估、规则。',
    'TOML mapping file (columns, value aliases, options).':
        'TOML 映射文件（列、值的别名、选项）。',
    'Take a complaint for yourself (the agent named by --actor) if nobody has it; refused, naming who\nhas it, if someone does (--force takes it over).':
        '如果无人处理，就由自己（--actor 指定的坐席）接手投诉；如果已有人处理则拒绝，并说明是谁（--force 强行接手）。',
    'Take it over even if someone else has it (said so on the timeline).':
        '即使已有他人处理也接手（会记在时间线上）。',
    'Teach a label: import, log, classify, update and list read it as CODE from now on, and the\ncomplaints imported unclassified with that label are classified (one event each).':
        '教一个标签：从现在起 import、log、classify、update 和 list 都把它读作 CODE，以该标签按未分类导入的投诉也会被分类（每件一条事件）。',
    "On PostgreSQL: create the desk's agent, lead and auditor roles with the grants each needs (docs/security.md); again after an upgrade.":
        '在 PostgreSQL 上：创建本台的坐席、主管和审计角色，并授予各自所需的权限（docs/security.md）；升级后再运行一次。',
    "Team mode: the database's folder group-writable (setgid), and the database, its -wal/-shm and backups read-write for the folder's group.":
        '团队模式：数据库所在文件夹可由组写入（setgid），数据库、其 -wal/-shm 和备份对该文件夹的组可读写。',
    "Tell people: an e-mail to the customer when a complaint is logged and when it is closed, and the team's chat (WeCom, DingTalk, Feishu, Slack) when a critical complaint arrives, one is escalated, or `overdue --notify` finds late ones. Off until `notify on`.":
        '通知相关人员：登记和关闭投诉时给客户发邮件，有严重投诉、投诉升级或 `overdue --notify` 发现超时投诉时通知团队聊天（企业微信、钉钉、飞书、Slack）。在 `notify on` 之前关闭。',
    'The From address, e.g. "客服中心 <support@example.cn>".':
        '发件人地址，例如 "客服中心 <support@example.cn>"。',
    'The agent to assign it to (an active agent).':
        '要分配给的坐席（在职坐席）。',
    "The agent's name.":
        '坐席的姓名。',
    'The agents complaints are assigned to.':
        '投诉分配给的坐席。',
    'The audit chain: every event hashed with the one before it.':
        '审计链：每条事件都与前一条一起计算哈希。',
    'The category it answers [default: any].':
        '它答复的类别 [默认：任意]。',
    "The category it answers; 'none' for any.":
        "它答复的类别；'none' 表示任意。",
    'The clocks as they stood at that moment (replayed from events).':
        '那一时刻的计时状态（根据事件重放）。',
    "The code it means, e.g. delivery_delay (or that code's label).":
        '它代表的代码，例如 delivery_delay（或该代码的标签）。',
    'The code lists complaints are classified with.':
        '用于给投诉分类的代码表。',
    'The code to suggest (a code, label or alias).':
        '要建议的代码（代码、标签或别名）。',
    'The customer record to keep.':
        '要保留的客户记录。',
    "The customer's company: added if they have none.":
        '客户的公司：没有时添加。',
    "The customer's email: added if they have none.":
        '客户的邮箱：没有时添加。',
    "The customer's phone: added if they have none.":
        '客户的电话：没有时添加。',
    "The database's name in Datasette [default: the file's name without .db, as Datasette names it].":
        'Datasette 中的数据库名称 [默认：文件名去掉 .db，与 Datasette 的命名相同]。',
    'The description: Write it in $VISUAL or $EDITOR (a given text or reply is the draft).':
        '描述：在 $VISUAL 或 $EDITOR 中编写（已给出的文字或回复作为草稿）。',
    'The environment variable that holds the password (read when sending; never stored).':
        '存放密码的环境变量（发送时读取；从不保存）。',
    "The files' format: csv, json, ndjson or xlsx (any workbook) [default: from the extension].":
        '文件格式：csv、json、ndjson 或 xlsx（任何工作簿）[默认：按扩展名]。',
    "The full text; '-' reads it from standard input.":
        "完整的文字；'-' 从标准输入读取。",
    "The import's id, as `import list` shows it (#3 or 3).":
        '导入的编号，即 `import list` 显示的（#3 或 3）。',
    'The kept report to compare with: first, last, or its id in the reports table.':
        '要比较的已保存报告：first、last，或其在 reports 表中的编号。',
    'The kind the alias was taught for.':
        '教该别名时所用的种类。',
    'The label as files and people write it, e.g. 交付延误.':
        '文件和人们所写的标签，例如 交付延误。',
    'The last N full weeks [default: 12 when no period is given].':
        '最近 N 个完整的周 [默认：未给出时间段时为 12]。',
    'The last N full weeks instead of one.':
        '最近 N 个完整的周，而不是一周。',
    'The login, if the server wants one.':
        '登录名，如果服务器需要。',
    'The mail server, e.g. smtp.exmail.qq.com.':
        '邮件服务器，例如 smtp.exmail.qq.com。',
    'The messages queued, sent and failed, newest first.':
        '已排队、已发送和失败的消息，最新的在前。',
    'The models in the database: field, method, version, when trained, on how many, their size.':
        '数据库中的模型：字段、方法、版本、训练时间、训练样本数、大小。',
    'The new goal, e.g. 95.':
        '新的目标，例如 95。',
    'The newest N [default: all].':
        '最新的 N 条 [默认：全部]。',
    'The note is a message the customer was sent (their first response).':
        '该备注是发给客户的消息（即首次响应）。',
    'The note or reply: Write it in $VISUAL or $EDITOR (a given text or reply is the draft).':
        '备注或回复：在 $VISUAL 或 $EDITOR 中编写（已给出的文字或回复作为草稿）。',
    'The old spelling of --format (deprecated).':
        '--format 的旧写法（已弃用）。',
    'The resolution (the reply, with --reply): Write it in $VISUAL or $EDITOR (a given text or reply is the draft).':
        '解决方案（使用 --reply 时为回复）：在 $VISUAL 或 $EDITOR 中编写（已给出的文字或回复作为草稿）。',
    "The rule's number (`suggest rule list`).":
        '规则的编号（`suggest rule list`）。',
    "The severity whose targets time complaints that have none, or 'none' for no clock (overdue and reports list them as 'no SLA').":
        "为没有严重程度的投诉计时所用的严重程度，或 'none' 表示不计时（overdue 和报告把它们列为“无时限”）。",
    'The subject line.':
        '邮件主题。',
    'The summary: as text (table), or json, ndjson or csv.':
        '摘要：文本（table），或 json、ndjson、csv。',
    'The taught label.':
        '教过的标签。',
    "The team's chat webhooks.":
        '团队的聊天 webhook。',
    "The team's rules, by field.":
        '团队的规则，按字段。',
    "The template's name; :zh or :en for one language.":
        '模板名称；:zh 或 :en 表示某一种语言。',
    "The text, with placeholders such as {customer}; '-' reads stdin.":
        "文字，带有 {customer} 等占位符；'-' 从标准输入读取。",
    'The text: Write it in $VISUAL or $EDITOR (a given text or reply is the draft).':
        '文字：在 $VISUAL 或 $EDITOR 中编写（已给出的文字或回复作为草稿）。',
    'The text: Write it in $VISUAL or $EDITOR (a given text or reply is the draft). The current text is the draft.':
        '文字：在 $VISUAL 或 $EDITOR 中编写（已给出的文字或回复作为草稿）。当前文字作为草稿。',
    "The text; placeholders as in `replies`, plus {resolution} and {outcome}; '-' reads stdin.":
        "文字；占位符与 `replies` 相同，另加 {resolution} 和 {outcome}；'-' 从标准输入读取。",
    'The webhook address the chat gave you.':
        '聊天工具给你的 webhook 地址。',
    "The webhook's name.":
        'webhook 的名称。',
    'The weekly report: volume, breakdowns, backlog ageing, handling times, SLA, satisfaction,\nagents, repeat complainers, top tags and subjects, each against the previous period.':
        '周报：数量、分类统计、积压时长、处理时长、时限、满意度、坐席、重复投诉客户、常见标签和主题，每项都与上期比较。',
    'Then delete all but the newest N dated backups in that directory (for cron).':
        '然后删除该目录中除最新 N 个之外的带日期备份（供 cron 使用）。',
    'Those for this category and those for any.':
        '该类别的以及适用于任意类别的。',
    'Train a model per field from the complaints already classified, and keep it in the database.':
        '用已分类的投诉为每个字段训练一个模型，并保存在数据库中。',
    'Turn every notification off; nothing is queued while off.':
        '关闭所有通知；关闭期间不排队任何消息。',
    'Turn notifications on (the e-mails and webhooks that are set up start going out).':
        '打开通知（已设置的邮件和 webhook 开始发送）。',
    'Unique external reference (ticket number, form id).':
        '唯一的外部参考号（工单号、表单编号）。',
    'Update complaints already imported from newer rows.':
        '用较新的行更新已导入的投诉。',
    'Use the calendar (on by any change) or stop using it.':
        '使用日历（任何修改都会启用它）或停止使用。',
    'Validate and count; write nothing anywhere (no rejects file either).':
        '校验并计数；什么都不写入（也不写拒绝文件）。',
    'Volume and top categories week by week, with a chart.':
        '逐周的数量和主要类别，附图表。',
    "What changed in a finished period's report since it was first reported (or --against a\nlater one), figure by figure, and why: the late data about the period recorded since.":
        '已结束时间段的报告自首次报告以来（或用 --against 与之后的某次比较）有什么变化，逐个数字说明原因：此后记录的与该时间段有关的迟到数据。',
    'What it is about (see `taxonomy list category`).':
        '投诉的内容（见 `taxonomy list category`）。',
    "What it is about; 'none' clears.":
        "投诉的内容；'none' 表示清除。",
    'What the complaint is about (required).':
        '投诉的内容（必填）。',
    'What the customer asks for: refund, replacement, repair, compensation, apology, explanation, other.':
        '客户的诉求：refund、replacement、repair、compensation、apology、explanation、other。',
    'What the customer said.':
        '客户说了什么。',
    "What was decided and done; '-' reads stdin.":
        "作出的决定和采取的措施；'-' 从标准输入读取。",
    'What was late at that moment (replayed from the event log).':
        '那一时刻已超时的投诉（根据事件记录重放）。',
    'When it was received [default: now]. ISO, 2026/11/3 14:05, 3 Nov 2026, 2026年11月3日, today, yesterday, 15:30 (today, or yesterday if still to come).':
        '受理时间 [默认：现在]。ISO、2026/11/3 14:05、3 Nov 2026、2026年11月3日、today、yesterday、15:30（今天，若尚未到则为昨天）。',
    'Where bad rows go [default: FILE.rejects.csv beside the input, else in the current folder].':
        '被拒绝的行写到哪里 [默认：输入文件旁的 FILE.rejects.csv，否则在当前文件夹]。',
    'Whether the customer accepted the decision.':
        '客户是否接受处理决定。',
    'Which labels Datasette shows for codes: en or zh.':
        'Datasette 为代码显示哪种标签：en 或 zh。',
    'Who is making the change [default: $COMPLAINTCTL_ACTOR, else the database role on PostgreSQL, else the login name]':
        '是谁在做修改 [默认：$COMPLAINTCTL_ACTOR，在 PostgreSQL 上为数据库角色，否则为登录名]',
    'Why it is escalated.':
        '升级的原因。',
    "Why it is reopened; '-' reads stdin.":
        "重开的原因；'-' 从标准输入读取。",
    'Why, for the timeline.':
        '原因，记入时间线。',
    'With --apply: the confidence (0-1) a suggestion needs to be written.':
        '与 --apply 一起：写入建议所需的置信度（0-1）。',
    'With --outcome duplicate: the original complaint (id or reference).':
        '与 --outcome duplicate 一起：原投诉（编号或参考号）。',
    'With --suggest --unclassified: accept the suggestions at --min-confidence or more.':
        '与 --suggest --unclassified 一起：接受置信度达到 --min-confidence 的建议。',
    'With --suggest: every complaint without a category, oldest first.':
        '与 --suggest 一起：所有没有类别的投诉，最早的在前。',
    'With --unclassified: at most this many complaints.':
        '与 --unclassified 一起：最多这么多件投诉。',
    'Words or "quoted phrases"; every one must appear (with --any, one is enough).':
        '词语或 "带引号的短语"；每个都必须出现（加 --any 时出现一个即可）。',
    'Words that must all appear in the subject, description, resolution, ref, customer, tags or notes; "quote a phrase".':
        '必须全部出现在主题、描述、解决方案、参考号、客户、标签或备注中的词语；"给短语加引号"。',
    'Working days, hours, time zone, holidays and extra working days (调休).':
        '工作日、工作时间、时区、假日和调休工作日（调休）。',
    'Working hours, e.g. 09:00-18:00.':
        '工作时间，例如 09:00-18:00。',
    'Write the top suggestion of each field not yet set, its event saying which model or rule suggested it, with what confidence.':
        '为每个尚未设置的字段写入排名第一的建议，其事件说明是哪个模型或规则给出的、置信度多少。',
    'Write to this file (atomically) instead of stdout.':
        '写到此文件（原子写入），而不是标准输出。',
    "Write to this file (atomically) instead of stdout; {week}, {start} and {end} are the reported period's ISO week and first and last day, e.g. reports/{week}.html. Silent on success when stderr is not a terminal (cron).":
        '写到此文件（原子写入），而不是标准输出；{week}、{start} 和 {end} 是报告时间段的 ISO 周及第一天和最后一天，例如 reports/{week}.html。stderr 不是终端时（cron）成功后不输出。',
    'Years to load, e.g. 2026 or 2025..2027 [default: last year to the last published one, or to next year where holidays follow fixed rules].':
        '要载入的年份，例如 2026 或 2025..2027 [默认：从去年到最后一个已公布的年份，假日按固定规则的地区到明年]。',
    '[default: 465 with ssl, 587 with starttls, else 25]':
        '[默认：ssl 为 465，starttls 为 587，否则为 25]',
    'ack (the e-mail on log) or decision (on close).':
        'ack（登记时的邮件）或 decision（关闭时的邮件）。',
    'acknowledged, investigating, waiting, resolved.':
        'acknowledged、investigating、waiting、resolved。',
    'category, severity, cause, channel, remedy, personality or motive.':
        'category、severity、cause、channel、remedy、personality 或 motive。',
    'category, severity, cause, channel, remedy, personality, motive, status or outcome [default: all].':
        'category、severity、cause、channel、remedy、personality、motive、status 或 outcome [默认：全部]。',
    'category, severity, cause, channel, remedy, personality, motive, status or outcome.':
        'category、severity、cause、channel、remedy、personality、motive、status 或 outcome。',
    'category, severity, cause, personality or motive.':
        'category、severity、cause、personality 或 motive。',
    'category, severity, cause, personality or motive; repeatable [default: all].':
        'category、severity、cause、personality 或 motive；可重复 [默认：全部]。',
    'critical, escalated, overdue; repeatable or comma-separated [default: all three].':
        'critical、escalated、overdue；可重复或以逗号分隔 [默认：全部三种]。',
    'critical, high, medium or low.':
        'critical、high、medium 或 low。',
    "critical, high, medium, low (or a team's own).":
        'critical、high、medium、low（或团队自己的）。',
    "critical, high, medium, low; 'none' clears.":
        "critical、high、medium、low；'none' 表示清除。",
    'csv, json, ndjson or xlsx [default: from --output, else csv]; csv for Excel: add --excel (a BOM and CRLF line ends).':
        'csv、json、ndjson 或 xlsx [默认：按 --output，否则为 csv]；供 Excel 使用的 csv：加 --excel（BOM 和 CRLF 换行）。',
    'e.g. mon-fri or mon,tue,wed,thu,fri,sat.':
        '例如 mon-fri 或 mon,tue,wed,thu,fri,sat。',
    'e.g. utf-8, gb18030, utf-16 [default: detected].':
        '例如 utf-8、gb18030、utf-16 [默认：自动检测]。',
    'e.g. 国庆节':
        '例如 国庆节',
    'e.g. 国庆调休':
        '例如 国庆调休',
    'perfectionist, forceful, lively or peaceful.':
        'perfectionist、forceful、lively 或 peaceful。',
    'rank (best match first), or as `list`: received, updated, id, severity, status, assignee, customer or age; add :asc or :desc.':
        'rank（最匹配的在前），或与 `list` 相同：received、updated、id、severity、status、assignee、customer 或 age；可加 :asc 或 :desc。',
    'received, updated, id, severity, status, assignee, customer or age; add :asc or :desc.':
        'received、updated、id、severity、status、assignee、customer 或 age；可加 :asc 或 :desc。',
    'resolved, rejected, withdrawn or duplicate.':
        'resolved、rejected、withdrawn 或 duplicate。',
    'starttls, ssl or none [default: ssl on port 465, else STARTTLS when the server offers it].':
        'starttls、ssl 或 none [默认：端口 465 用 ssl，否则在服务器支持时用 STARTTLS]。',
    'svm (needs complaintctl[suggest]), naive-bayes, centroid, or auto (svm when scikit-learn is installed, else '
    'naive-bayes or centroid, whichever does better on a held-out fifth of the history).':
        'svm（需要 complaintctl[suggest]）、naive-bayes、centroid，或 auto（安装了 scikit-learn 时用 svm，'
        '否则在留出的五分之一历史上比较 naive-bayes 与 centroid，取效果更好的）。',
    'table or json.':
        'table 或 json。',
    'table prints the id; json or ndjson the whole complaint (as `show -f json`); csv its row as `list` prints it.':
        'table 打印编号；json 或 ndjson 打印整件投诉（与 `show -f json` 相同）；csv 打印其行（与 `list` 相同）。',
    'table: a message on stderr; json or ndjson: the whole complaint after the change (as `show -f json`) with its changes; csv: its row as `list` prints it.':
        'table：在 stderr 上输出一条消息；json 或 ndjson：变更后的整件投诉（与 `show -f json` 相同）及其变更；csv：其行（与 `list` 相同）。',
    'text or json.':
        'text 或 json。',
    'text, markdown, html, json or csv.':
        'text、markdown、html、json 或 csv。',
    'venting, revenge, seeking_respect, seeking_compensation or wants_fix.':
        'venting、revenge、seeking_respect、seeking_compensation 或 wants_fix。',
    'wecom, dingtalk, feishu, slack, or json (your own receiver).':
        'wecom、dingtalk、feishu、slack，或 json（你自己的接收端）。',
    'weekly, agents, sla or causes.':
        'weekly、agents、sla 或 causes。',
    'zh or en [default: zh for WeCom, DingTalk and Feishu, else en].':
        'zh 或 en [默认：企业微信、钉钉和飞书为 zh，否则为 en]。',
    'zh or en.':
        'zh 或 en。',
    "Copy the whole desk to TARGET: every table, every event with its hash; then compare the\ncounts and the audit chain's head. Run again after an interruption: it goes on where it\nstopped. The database in use (--db) is only read: stop writing to it while it moves, then point\neveryone at TARGET (COMPLAINTCTL_DB).":
        '把整个投诉台复制到 TARGET：每个表、每条事件及其哈希；然后比较各项计数和审计链的链头。中断后再次运行：会从停下的地方继续。正在使用的数据库（--db）只被读取：迁移期间请停止写入，然后让所有人改用 TARGET（COMPLAINTCTL_DB）。',
    'An empty PostgreSQL database (postgresql://USER@HOST/NAME), or the path of a new file.':
        '一个空的 PostgreSQL 数据库（postgresql://USER@HOST/NAME），或新文件的路径。',
}
