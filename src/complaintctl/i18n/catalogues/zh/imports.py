"""Chinese for import: its summary, --show-mapping, import list and undo (cli/imports.py,
cli/import_batches.py, render/import_summary.py, render/import_batches.py), and the words core's
import writes for them (how a column was read, what its values showed, a date column's order)."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # every line of it
    'No imports yet.': '还没有导入记录。',
    'Started': '开始时间',
    'File': '文件',
    'Read': '读取',
    'Inserted': '新增',
    'Updated': '更新',
    'Unchanged': '未变',
    'Duplicates': '重复',
    'Grouped': '合并',
    'Rejected': '拒收',
    'Still there': '仍在',
    'Undone': '撤销',
    '{when} by {who}': '{when}，由 {who}',
    'unfinished': '未完成',
    'extra (kept)': '附加信息（保留）',
    'not imported': '不导入',
    '{word} ({code})': '{word}（{code}）',
    '{n} rejected row': '{n} 行被拒收',
    'Excel workbook, sheet {sheet!r}': 'Excel 工作簿，工作表 {sheet!r}',
    '{how}, delimiter {delimiter!r}': '{how}，分隔符 {delimiter!r}',
    "note: --output-format is now -f/--format, as in every command (the files' format is --input-format)":
        '注意：--output-format 现在是 -f/--format，与其他命令一样（文件本身的格式用 --input-format）',
    '- (stdin) cannot be one of several files': '-（标准输入）不能与其他文件一起导入',
    '--rejects goes with one file': '--rejects 只能用于一个文件',
    "each file's rejects go beside it by default": '默认每个文件的拒收行写在该文件旁边',
    'read {read}, would be inserted {inserted}, would be updated {updated}, unchanged {unchanged}, duplicates {duplicates}, rejected {rejected}':
        '读取 {read}，将新增 {inserted}，将更新 {updated}，未变 {unchanged}，重复 {duplicates}，拒收 {rejected}',
    'read {read}, would be inserted {inserted}, would be updated {updated}, unchanged {unchanged}, duplicates {duplicates}, grouped {grouped}, rejected {rejected}':
        '读取 {read}，将新增 {inserted}，将更新 {updated}，未变 {unchanged}，重复 {duplicates}，合并 {grouped}，拒收 {rejected}',
    'read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, duplicates {duplicates}, grouped {grouped}, rejected {rejected}':
        '读取 {read}，新增 {inserted}，更新 {updated}，未变 {unchanged}，重复 {duplicates}，合并 {grouped}，拒收 {rejected}',
    # history as facts (intake/facts.py)
    'with a length of time that made no time (the file gives the time itself): kept in extra under its column':
        '有一段时长但未据此得出时间（文件本身给出了时间）：保留在 extra 中该列名下',
    "with a length of time that made no time (the received time is the import's own): kept in extra under its column":
        '有一段时长但未据此得出时间（受理时间是导入时的时间）：保留在 extra 中该列名下',
    'with a length of time to a resolution that made no time (the complaint is open): kept in extra under its column':
        '有一段解决时长但未据此得出时间（投诉仍未完结）：保留在 extra 中该列名下',
    'with a length of time that made no time (received + the length is in the future): kept in extra under its column':
        '有一段时长但未据此得出时间（受理时间加时长在将来）：保留在 extra 中该列名下',
    "with a first response time derived from a length of time: received + the length (each said so in its complaint's events)":
        '首次响应时间由时长推算：受理时间加时长（每条投诉的事件里都注明了）',
    "with a resolution time derived from a length of time: received + the length (each said so in its complaint's events)":
        '解决时间由时长推算：受理时间加时长（每条投诉的事件里都注明了）',
    'with a satisfaction score on a complaint that is open: no survey (surveys follow a resolution), kept in extra under its column':
        '有满意度评分但投诉仍未完结：不记为回访（回访在解决之后），保留在 extra 中该列名下',
    'with a satisfaction value that is no score of 1 to 5 (a survey offered, not answered): no survey, kept in extra under its column':
        '满意度一栏不是 1 到 5 分（发出了调查但未作答）：不记为回访，保留在 extra 中该列名下',
    "with a satisfaction score made a survey at the file's survey time": '满意度评分记为回访，时间为文件中的评价时间',
    'with a satisfaction score made a survey, dated at the resolution it rates (the file gives no survey time)':
        '满意度评分记为回访，时间为所评价的解决时间（文件没有给出评价时间）',
    "reopened at the file's time of its last reopen: a reopen in that week": '按文件中最后一次重开的时间记为重开：计入那一周',
    "reopened with no reopen time in the file: counted in reopened_count, in no week's reopened figure (a reopen is counted in the week it happened)":
        '有重开但文件中没有重开时间：计入 reopened_count，不计入任何一周的重开数（重开按发生的那一周计）',
    # several rows per complaint (--group-by-ref)
    '{n:,} row joined to the row before it with the same ref (--group-by-ref): {rows:,} rows with a ref made {complaints:,} complaints; what a row says that its complaint does not hold is in a note on the complaint':
        '{n:,} 行与其前一行外部编号相同，已合并（--group-by-ref）：{rows:,} 个带外部编号的行成为 {complaints:,} 条投诉；某行所写而投诉未保存的内容记在该投诉的备注里',
    '{n:,} row has the ref of rows that are not next to it: only rows that follow one another are joined; sort the file by its ref column to join them':
        '{n:,} 行的外部编号与不相邻的行相同：只有相邻的行才会合并；按外部编号列排序后即可合并',
    "several rows per complaint: {rows:,} rows hold {refs:,} distinct refs (an event log's snapshots, a row per allegation or product): --group-by-ref makes one complaint of each ref's rows, the newest saying where it stands, what the others say kept in notes":
        '一条投诉有多行：{rows:,} 行只有 {refs:,} 个不同的外部编号（事件日志的快照、每项指控或每个产品一行）：--group-by-ref 把同一外部编号的行合为一条投诉，以最新一行为当前状态，其他行的内容保存在备注里',
    'read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, duplicates {duplicates}, rejected {rejected}':
        '读取 {read}，新增 {inserted}，更新 {updated}，未变 {unchanged}，重复 {duplicates}，拒收 {rejected}',
    '{rows} and {duplicates}': '{rows}，另有{duplicates}',
    '{rows} written to {path}': '{rows}，已写入 {path}',
    'nothing rejected: the rejects file of an earlier run, {path}, was removed': '没有拒收：上次导入的拒收文件 {path} 已删除',
    '--strict: rows were rejected, so nothing was written': '--strict：有行被拒收，因此什么都没有写入',
    'the file has a header but no rows': '文件只有表头，没有数据行',
    'line {line} is above the header row and will be skipped: {text!r}': '第 {line} 行在表头之上，将跳过：{text!r}',
    'dates: {field} {order}': '日期：{field} {order}',
    '{format}, encoding {encoding}': '{format}，编码 {encoding}',
    'interrupted: finished batches are saved; run the same import again to finish (imported rows are recognised, nothing is doubled)':
        '已中断：已完成的批次已保存；再运行同一个导入即可完成（已导入的行会被识别，不会重复）',
    '{read}  (dry run: nothing written to the database)': '{read}（试运行：没有写入数据库）',
    '  {n:>6,} x {reason} (first: line {line})': '  {n:>6,} 行：{reason}（第一处：第 {line} 行）',
    'Column': '列',
    'Header': '表头',
    'How': '依据',
    'Evidence': '数据印证',
    'First value': '第一个值',
    '{n} differing duplicate': '{n} 行内容不同的重复行',
    'changed since: {action} by {actor} at {at}': '之后有改动：{actor} 于 {at} {action}',
    'changed since: {action} ({field}) by {actor} at {at}': '之后有改动：{actor} 于 {at} {action}（{field}）',
    'a survey refers to it': '有回访记录指向它',
    'a message queued or sent refers to it': '有排队或已发送的消息指向它',
    'an overdue notice refers to it': '有超时通知指向它',
    'a row of {table} refers to it': '{table} 中有一行指向它',
    'complaint #{id} names it': '投诉 #{id} 指向它',
    'another customer record was merged into it': '另有客户记录并入了它',
    'complaint #{id} is marked a duplicate of it': '投诉 #{id} 被标为它的重复投诉',
    'outcome duplicate without duplicate_of': '处理结果为重复投诉，却没有 duplicate_of',
    'closed time of a complaint whose status is not closed': '状态不是已关闭的投诉却有关闭时间',
    "first response time after the row's resolution or closing": '首次响应时间晚于该行的解决或关闭时间',
    'month first, by default: no value settles it (e.g. {example!r})': '默认按月在前：没有值能确定（例如 {example!r}）',
    'day first': '日在前',
    'month first': '月在前',
    '{order}, as column {header!r} of this file: {value!r} (line {line}) can only be read so (e.g. {example!r})':
        '{order}，与本文件的列 {header!r} 相同：{value!r}（第 {line} 行）只能这样读（例如 {example!r}）',
    'given': '用户指定',
    '{order}: {value!r} (line {line}) can only be read so': '{order}：{value!r}（第 {line} 行）只能这样读',
    '{order}: {value!r} (line {line}, past the first rows) can only be read so': '{order}：{value!r}（第 {line} 行，在前几行之后）只能这样读',
    'day first (as given)': '日在前（用户指定）',
    'month first (as given)': '月在前（用户指定）',
    'mapping file': '映射文件',
    'duplicate (kept in extra)': '重复（保留在附加信息中）',
    '{how}, but {header!r} was taken (kept in extra)': '{how}，但已由 {header!r} 占用（保留在附加信息中）',
    'exact': '完全一致',
    'alias': '别名',
    'alias (no ref column)': '别名（没有外部编号列）',
    'guessed from {word!r}': '由 {word!r} 推测',
    'unknown (kept in extra)': '未知（保留在附加信息中）',
    '{header!r}, {how}': '{header!r}，{how}',
    'phone written in scientific notation (its digits are lost)': '电话被写成科学计数法（数字已丢失）',
    '{field} that could not be read as one': '无法读作{field}的值',
    '{ids} and {n:,} more': '{ids} 及另外 {n:,} 个',
    '{n:,} customer': '{n:,} 个客户',
    '{n:,} complaint': '{n:,} 件投诉',
    'import #{id} ({source}): would remove {complaints} and {customers}; kept {kept} and {kept_customers}':
        '导入 #{id}（{source}）：将移除 {complaints}和 {customers}；保留 {kept}和 {kept_customers}',
    'import #{id} ({source}): removed {complaints} and {customers}; kept {kept} and {kept_customers}':
        '导入 #{id}（{source}）：已移除 {complaints}和 {customers}；保留 {kept}和 {kept_customers}',
    'kept complaint #{id}: {why}': '保留投诉 #{id}：{why}',
    'kept customer #{id}: {why}': '保留客户 #{id}：{why}',
    '... and {n:,} more complaints kept (-f json lists them all)': '……另保留了 {n:,} 件投诉（-f json 会全部列出）',
    '... and {n:,} more customers kept (-f json lists them all)': '……另保留了 {n:,} 个客户（-f json 会全部列出）',
    'note: this import ran before imports recorded the customers they create, so none of its customers were removed (`complaintctl customers list` shows any left without complaints)':
        '注意：这次导入发生在导入开始记录所建客户之前，因此没有移除它的客户（`complaintctl customers list` 可看到没有投诉的客户）',
    'note: import #{id} had not finished (it stopped part-way or was killed; or it is still running, and then stops at its next batch)':
        '注意：导入 #{id} 尚未完成（中途停止或被终止；也可能仍在运行，那样会在下一批次停止）',
    'dry run: nothing was changed': '试运行：没有做任何修改',
    '{n:,} row: {field} {label!r} unknown, {how} (first: line {line}); `complaintctl taxonomy alias {kind} {quoted} {code}` maps it':
        '{n:,} 行：{field} {label!r} 未知，{how}（第一处：第 {line} 行）；`complaintctl taxonomy alias {kind} {quoted} {code}` 可对应上',
    'CODE': '代码',
    'imported unclassified': '按未分类导入',
    'guessed from header words (--show-mapping has the evidence; --map overrides): {guesses}':
        '按表头词语推测（--show-mapping 可看依据；--map 可改）：{guesses}',
    'dates: a time written without a zone is {zone} time (`complaintctl --tz ZONE import ...` reads it in another)':
        '日期：没写时区的时间按 {zone} 时间读取（`complaintctl --tz 时区 import ...` 可按其他时区读取）',
    'read as empty (?, N/A, - ...): {counts}': '读作空值（?、N/A、- 等）：{counts}',
    'read as no date (1900-01-01, 0000-00-00, Excel\'s day zero, the Unix epoch: what systems write for "not yet"): {counts}':
        '读作没有日期（1900-01-01、0000-00-00、Excel 的第 0 天、Unix 纪元：系统用来表示“尚未”的值）：{counts}',
    '; not undone: its updates of {updated}, which keep the values it wrote': '；未撤销：它对 {updated} 的更新，这些投诉保留它写入的值',
    'note: an undo removes what an import created; it does not put back what an import changed (`--update`): each change is an event with the value before it (`complaintctl show ID`), to be set again by hand where it was wrong':
        '注意：撤销只删除导入新建的内容，不会恢复导入所做的修改（`--update`）：每次修改都是一条记有原值的事件（`complaintctl show 编号`），需要时请手工改回',
    '{n:,} row: {what}, kept as given in {where}; the complaint imported': '{n:,} 行：{what}，原值保留在 {where}；投诉已导入',
    "{n:,} {field} cell named a code by one of its parts, the others saying something else (first: {text!r} read as {code}): the whole text kept in extra as {key}":
        '{n:,} 个{field}单元格只由其中一部分对应到代码，其余部分另有所指（第一处：{text!r} 读作 {code}）：完整文字以 {key} 保留在附加信息中',
    '{n:,} row had no received time and got the import time (--received-now)': '{n:,} 行没有受理时间，用了导入时间（--received-now）',
    '{n:,} row had neither subject nor description: its subject is its category as the file wrote it':
        '{n:,} 行既没有主题也没有描述：主题取自文件中写的类别',
    '{n:,} row had no subject, description or category: its subject is "(no subject)" and its ref':
        '{n:,} 行没有主题、描述或类别：主题为“(no subject)”加外部编号',
    '... and {n} more unknown labels (-f json lists them all)': '……另有 {n} 个未知的标签文字（-f json 会全部列出）',
    '{n:,} row repeats an earlier row of the file (the same ref, or without one the same content): {same:,} the same, {differing:,} with other values{written}; not imported again':
        '{n:,} 行与文件中前面的行重复（外部编号相同，或没有外部编号而内容相同）：{same:,} 行完全相同，{differing:,} 行内容不同{written}；不再重复导入',
    '{n:,} line inside the file repeats the header row: skipped, not read': '文件中有 {n:,} 行重复了表头：已跳过，不读取',
    '--header-row and --no-header contradict each other': '--header-row 与 --no-header 互相矛盾',
    'give one of them': '只给其中一个',
    '{n:,} row held text garbled by a wrong encoding ({how}): repaired exactly (undoing the repair gives back the text as found)':
        '{n:,} 行的文字因编码读错而成了乱码（{how}）：已精确修复（把修复倒过来，得到的正是原样的文字）',
    'UTF-8 read as Windows-1252 and saved again': 'UTF-8 被当作 cp1252 读取后又保存',
    'UTF-8 read as Latin-1 and saved again': 'UTF-8 被当作 ISO-8859-1 读取后又保存',
    'UTF-8 read as GBK and saved again': 'UTF-8 被当作 GBK 读取后又保存',
    'UTF-8 read as Windows-1251 and saved again': 'UTF-8 被当作 cp1251 读取后又保存',
    'UTF-8 read as Windows-1250 and saved again': 'UTF-8 被当作 cp1250 读取后又保存',
    'UTF-8 read as Mac Roman and saved again': 'UTF-8 被当作 mac_roman 读取后又保存',
    'UTF-8 read as the DOS code page 437 and saved again': 'UTF-8 被当作 DOS 代码页 437 读取后又保存',
    "{n:,} of the rejected rows has the ref of a complaint in the database (another row of the file, or an earlier import): another version of it, such as an event log's earlier snapshot, not a complaint lost":
        '被拒收的行中有 {n:,} 行的外部编号已在数据库中（文件中的另一行，或之前的导入）：这是它的其他版本，例如事件日志里较早的快照，并没有丢失投诉',
    "the status read from the row's own times (closed, resolved, acknowledged, else new)":
        '状态按该行自己的时间判断（已关闭、已解决、已受理，否则为新建）',
    'had no status but an answer (a resolution and the time of the first response): resolved at that time (a status column, or a status for every row, says otherwise)':
        '没有状态但有答复（处理结果和首次响应时间）：按该时间视为已解决（状态列或为所有行指定的状态可另行说明）',
    "the outcome left to the status's default": '处理结果按状态的默认值',
    '{n:,} row assigned to {name}, who is deactivated (`complaintctl agents list`; reassign with `complaintctl assign ID --to NAME`)':
        '{n:,} 行分配给了已停用的 {name}（`complaintctl agents list`；可用 `complaintctl assign 编号 --to 名称` 改派）',
    "{n:,} row names someone other than the known customer with that email or phone (first: line {line}, {name!r} for customer #{id} {customer}): filed under that customer, the row's name kept in extra.customer_as_given; `complaintctl update ID --customer NAME --new-customer` records one as another person":
        '{n:,} 行写的姓名与该邮箱或电话已知的客户不同（第一处：第 {line} 行，{name!r}，而客户 #{id} 是 {customer}）：已记在该客户名下，行中的姓名保留在 extra.customer_as_given；`complaintctl update 编号 --customer 姓名 --new-customer` 可把它记为另一个人',
    ' (each written to the rejects file with what differed)': '（每一行都已写入拒收文件，并注明不同之处）',
    'closed with no closed time in the file: closed at its last update time':
        '已关闭，但文件中没有关闭时间：按最后更新时间作为关闭时间',
    'closed with no closed or update time in the file: closed at its received time':
        '已关闭，但文件中没有关闭时间或更新时间：按受理时间作为关闭时间',
    'resolved with no resolution time in the file: resolved at its last update time':
        '已解决，但文件中没有解决时间：按最后更新时间作为解决时间',
    'resolved with no resolution or update time in the file: resolved at its received time':
        '已解决，但文件中没有解决时间或更新时间：按受理时间作为解决时间',
    'decided from the values, no header naming them (--map overrides): {guesses}':
        '没有表头说明，按值判断（--map 可改）：{guesses}',
    '{n:,} row {what}': '{n:,} 行{what}',
    # what a column's sampled values showed (--show-mapping's evidence, intake/evidence.py, intake/unlabelled.py)
    '{n} of {rows} sampled rows filled': '抽样的 {rows} 行中有 {n} 行有值',
    '{n} rows, {distinct} distinct values': '{n} 行，{distinct} 个不同的值',
    '{share:.0%} of {n} sampled values fit': '抽样的 {n} 个值中 {share:.0%} 符合',
    'its values repeat ({repeats}; {top!r} in {top_n}): a reference names one complaint':
        '值有重复（{repeats}；{top!r} 出现 {top_n} 次）：参考号只指一件投诉',
    '{share:.0%} of {n} sampled values are lengths of time': '抽样的 {n} 个值中 {share:.0%} 是时长',
    '{share:.0%} of {n} sampled values are lengths of time, each with its unit (the header names none)':
        '抽样的 {n} 个值中 {share:.0%} 是时长，各自带单位（表头没写单位）',
    'almost empty ({fill})': '几乎是空的（{fill}）',
    'its header names it ({fill})': '表头写明了（{fill}）',
    'labels: {distinct} distinct values in {n} ({fill})': '标签：{n} 个值中有 {distinct} 个不同的值（{fill}）',
    'written in scientific notation: its digits are lost ({fill})': '写成了科学计数法：数字已丢失（{fill}）',
    'unique: {distinct} distinct of {n} sampled values': '唯一：抽样的 {n} 个值中有 {distinct} 个不同',
    'repeats: {repeats} (several rows per complaint)': '有重复：{repeats}（一件投诉占多行）',
    '{share:.0%} of {n} sampled values are scores or surveys not answered ({fill})':
        '抽样的 {n} 个值中 {share:.0%} 是评分或未答的回访（{fill}）',
    'its values are moments, not lengths of time ({fill})': '值是时间点，不是时长（{fill}）',
    'its values are yes/no, not people ({fill})': '值是“是/否”，不是人名（{fill}）',
    'its values read as titles, not names ({fill})': '值像标题，不像人名（{fill}）',
    'no values in the sample': '抽样中没有值',
    'no rows to judge by': '没有可供判断的行',
    "{n:,} row is a customer's follow-up in the thread their complaint opened (it answers the company's reply, the chain of answers leads back to that customer's complaint): a note on that complaint, counted as grouped, not a new complaint (--follow-ups-as-complaints imports each as one)":
        '{n:,} 行是客户在自己投诉开启的对话中的追问（回复公司的答复，回复链可追溯到该客户的投诉）：记为该投诉上的备注，计入合并，不算新投诉（--follow-ups-as-complaints 会把每行导入为投诉）',
    'its values are outcomes ({fill})': '值是处理结果（{fill}）',
    'its values are times, numbers or percentages (a target, a progress), no text of a resolution ({fill})':
        '值是时间、数字或百分比（期限、进度），不是解决方案的文字（{fill}）',
    'found from its values: {why}': '按值找到：{why}',
    '{header!r} ({why})': '{header!r}（{why}）',
    'the only column of dates': '唯一的日期列',
    'a unique key': '唯一键',
    'the longest text': '最长的文字',
    'the earliest of {n} columns of dates': '{n} 个日期列中最早的',
    '{known} of {n} sampled values are statuses': '抽样的 {n} 个值中有 {known} 个是状态',
    # how a column was read, when its values decided (intake/decide.py)
    'its values back it': '值印证了它',
    'its header names it more plainly': '表头说得更明白',
    'read as {field}: {evidence}': '读作 {field}：{evidence}',
    'set aside: the file names no customer, so a company in it is not theirs (kept in extra)':
        '搁置：文件没有写明客户，所以其中的公司不是客户的（保留在 extra 中）',
    'its values are not {field} values': '值不是{field}的值',
    'set aside: {reason} (kept in extra)': '搁置：{reason}（保留在附加信息中）',
    '{how}, but {header!r} was preferred (kept in extra)': '{how}，但优先使用了 {header!r}（保留在 extra 中）',
    'its header says received or created': '表头写的是受理或创建',
    "a date, not an incident's own time": '是日期，不是事件本身的时间',
    'the only one whose values back it': '唯一有值印证的一列',
    '{how}; preferred to {others}: {why}': '{how}；优先于 {others}：{why}',
    # why a row was rejected (the summary says it; the rejects file keeps the English text)
    '{where}: {message}': '{where}：{message}',
    'invalid value {value!r}': '值 {value!r} 无效',
    '{value!r} holds a control character (U+{code:04X})': '{value!r} 含有控制字符（U+{code:04X}）',
    'customer_accepted {text!r} is not yes/no': 'customer_accepted {text!r} 不是“是/否”',
    '{name} {text!r} is not a number': '{name} {text!r} 不是数字',
    'too long ({n:,} characters, at most {most:,})': '太长（{n:,} 个字符，最多 {most:,}）',
    'not a known field': '不是已知的字段',
    'lines {first}-{last}': '第 {first}-{last} 行',
    'line {line}': '第 {line} 行',
    'record broken by a bare carriage return inside an unquoted field ({where}: pieces of {sizes} fields, the header has {width}); quote that field, or remove the carriage return, and import again':
        '记录被未加引号的字段中的单独回车符断开（{where}：分成了 {sizes} 个字段的几段，表头有 {width} 个字段）；'
        '给该字段加上引号，或删去回车符，再导入',
    'the file ends inside this record ({n} of {width} fields): the file was cut short':
        '文件在这条记录中间结束（{width} 个字段中只有 {n} 个）：文件被截断了',
    'the file ends inside this record (a quoted field is never closed): the file was cut short':
        '文件在这条记录中间结束（有引号的字段没有闭合）：文件被截断了',
    '{name} {text!r} is in the future': '{name} {text!r} 是将来的时间',
    '{name} {text!r} is before 1970: impossible date or time': '{name} {text!r} 早于 1970 年：不可能的日期或时间',
    'row has {n} fields but the header has {width} (an unquoted delimiter inside a value?)':
        '该行有 {n} 个字段，但表头有 {width} 个（值中有未加引号的分隔符？）',
    'unknown {name} {text!r} (valid: {valid})': '未知的{name} {text!r}（有效的：{valid}）',
    'no received time (never filled in with the import time unless asked: --received-now, or --set received=TIME)':
        '没有受理时间（除非指定，不会用导入时间填充：--received-now，或 --set received=时间）',
    'no text: no subject, description, category or ref says what this complaint is':
        '没有文字：没有主题、描述、类别或参考号说明这是什么投诉',
    'too many values that cannot be read: the record is broken': '无法读取的值太多：记录已损坏',
    'cell {cell} holds {n:,} characters, more than a text field holds ({most:,})':
        '单元格 {cell} 有 {n:,} 个字符，超过文本字段的容量（{most:,}）',
    '{reason} (the rows of ref {ref!r}, lines {first}-{last}, joined)': '{reason}（参考号 {ref!r} 的各行，第 {first}-{last} 行，已合并）',
    'not a JSON object': '不是 JSON 对象',
    'duplicate_of #{id} does not exist': '重复于 #{id}：该投诉不存在',
    'refused by the database: {why}': '数据库拒绝：{why}',
    # date columns whose values prove both orders (intake/dateorder.py)
    'both orders in one column: {day!r} (line {day_line}) can only be day first ({days:,} such), {month!r} '
    '(line {month_line}) only month first ({months:,}); each value read as it can only be':
        '同一列中两种顺序都有：{day!r}（第 {day_line} 行）只能是日在前（共 {days:,} 个），{month!r}（第 {month_line} 行）'
        '只能是月在前（{months:,} 个）；每个值按它唯一可能的读法读取',
    '{both}; those that could be either (e.g. {example!r}) {order} as given':
        '{both}；两种读法都可能的值（例如 {example!r}）按用户指定的{order}读取',
    'column {header!r} holds dates of both orders: {days:,} can only be day first (e.g. {day!r}, line {day_line}), '
    '{months:,} only month first (e.g. {month!r}, line {month_line}), and {either:,} of the first rows could be '
    'either (e.g. {example!r}, line {line}): which order are those?':
        '列 {header!r} 的日期两种顺序都有：{days:,} 个只能是日在前（例如 {day!r}，第 {day_line} 行），{months:,} 个只能是'
        '月在前（例如 {month!r}，第 {month_line} 行），前面的行中还有 {either:,} 个两种读法都可能（例如 {example!r}，'
        '第 {line} 行）：这些值是哪种顺序？',
    '{dayfirst} says which they are; the others are still read as they can only be':
        '用 {dayfirst} 指定它们的顺序；其余的值仍按唯一可能的读法读取',
    '{field} {value!r} could be day or month first, and its column holds dates of both orders: not guessed '
    '(say which order those are, and import again)':
        '{field} {value!r} 可能是日在前也可能是月在前，而该列两种顺序都有：不作猜测（请指明这些值的顺序后重新导入）',
    # text lost to `?` before the file was made (intake/losttext.py)
    "{n:,} row holds text lost before this file was made: runs of '?' where characters were (first: line {line}, "
    "column {column!r}: {value!r}); imported as it is and marked (extra.text_lost), but those characters are not in "
    "the file and cannot be recovered from it: export again from the source system in UTF-8 to keep them":
        "{n:,} 行的文字在生成本文件之前就已丢失：原来的字符成了一串“?”（第一处：第 {line} 行，列 {column!r}：{value!r}）；"
        "已照原样导入并作了标记（extra.text_lost），但这些字符不在文件中，无法从中恢复：请从源系统以 UTF-8 重新导出以保留它们",
    # rows that are the company's replies, not complaints (intake/replies.py)
    'replies: {why}': '回复：{why}',
    "column {header!r} says which rows are the company's replies ({value!r}: {n:,} of {rows:,} sampled rows), and "
    "their values back it: {why}; each is set aside, not imported as a complaint, with that reason in the rejects "
    "file ({map} \"{header}=extra\" imports them as complaints)":
        "列 {header!r} 标明哪些行是公司的回复（{value!r}：抽查的 {rows:,} 行中有 {n:,} 行），其他列的值也印证这一点：{why}；"
        "这些行不作为投诉导入，逐行连同原因写入拒收文件（{map} \"{header}=extra\" 可把它们当作投诉导入）",
    "a reply by the company ({header} {value!r}), not a complaint: set aside":
        "公司的回复（{header} {value!r}），不是投诉：已搁置",
    "{n:,} of the {rows:,} answer another row ({header!r} is filled)": "{rows:,} 行中有 {n:,} 行是在回复另一行（{header!r} 有值）",
    "{rows:,} written by {n:,} authors ({header!r}) who write no other row":
        "{rows:,} 行出自 {n:,} 位作者（{header!r}），他们没有写过其他行",
    # a received date and its time of day in two columns (intake/timeofday.py)
    "the time of day of {header!r}: read with it as one moment": "{header!r} 的时刻：与其合读为同一时间",
    "{header!r} (times of day, e.g. {value!r}, beside the dates without a time of {dates!r}: read as one moment)":
        "{header!r}（时刻，例如 {value!r}，与 {dates!r} 中不带时刻的日期并列：合读为同一时间）",
    'its values are yes/no, no text ({fill})': '其值是“是/否”，不是文字（{fill}）',
    'received time of day {text!r} is no time of day': '受理时刻 {text!r} 不是一天中的时刻',
    # an event log's snapshots (intake/snapshots.py)
    'snapshots: {why}': '快照：{why}',
    "{pairs:,} of the first {rows:,} rows repeat the ref of the row before them with another {header!r} (an event "
    "log: one row per update of a ticket); each ticket is imported as its newest row says it stands, the earlier "
    "rows counted as duplicates ({group} keeps what they say in notes)":
        "前 {rows:,} 行中有 {pairs:,} 行与上一行编号相同而 {header!r} 不同（事件日志：工单每更新一次就有一行）；"
        "每张工单按其最新一行所示的状态导入，较早的行计为重复（{group} 会把它们的内容记为备注）",
    "{n:,} row is an earlier snapshot of a ticket whose newest row was imported: counted as a duplicate, not imported":
        "{n:,} 行是工单较早的快照，已导入其最新一行：计为重复，不导入",
    # --show-mapping: the question an import would stop with, said with its options spelled
    'the import would stop here: {message} ({hint})': '导入会在此停止：{message}（{hint}）',
    'the import would stop here: {message}': '导入会在此停止：{message}',
    # the company's replies as first responses (intake/answers.py)
    "{n:,} complaint has its first response time from the company's reply to it in the file (the earliest that "
    "answers it)": "{n:,} 件投诉的首次响应时间取自文件中公司对它的回复（最早的一条）",
    # times written to other precisions (cells._within_a_minute)
    "time less than a minute before the time it must follow (the two written to other precisions): read as that "
    "time": "时间比它应当晚于的时间早不到一分钟（两者记录精度不同）：按那个时间读取",
    'read as description: a second subject column, of long text ({n} characters on the median), where the file has no description column':
        '读作描述：第二个“主题”列，内容是长文本（中位数 {n} 个字符），而文件没有描述列',
    'column {column!r} read as the description: a second subject column, of long text, where the file has no description column ({map} "{column}=extra" keeps it aside)':
        '列 {column!r} 读作描述：它是第二个“主题”列，内容是长文本，而文件没有描述列（{map} "{column}=extra" 可把它留在 extra 里）',
    "the file's columns: {shown}": '文件的列：{shown}',
    '{map}: no column {header!r}: {parent!r} is read as one column (its keys name no field), kept whole in extra':
        '{map}：没有列 {header!r}：{parent!r} 被当作一列读取（其中的键都不对应字段），整体保留在 extra 里',
    '{map}: the file has no column {header!r}': '{map}：文件中没有列 {header!r}',
    # how the columns were decided (intake/decide.py, dateorder.py)
    'column {column!r}: dates such as {example!r} (line {line}) could be day or month first and no value in the file settles it; read month first. {dayfirst} reads them day first (dayfirst = true in a mapping file)':
        '列 {column!r}：像 {example!r}（第 {line} 行）这样的日期既可能是日在前也可能是月在前，文件中没有哪个值能确定；'
        '按月在前读取。{dayfirst} 按日在前读取（映射文件中写 `dayfirst = true`）',
    'column {column!r} looked like {field} ({why}), but its values do not back it ({evidence}{examples}): kept in extra{instead}. {map} "{column}={code}" reads it as {field} anyway':
        '列 {column!r} 看起来是{field}（{why}），但它的值不支持这一点（{evidence}{examples}）：保留在附加信息中{instead}。'
        '{map} "{column}={code}" 可仍按{field}读取',
    '; e.g. {values}': '；例如 {values}',
    '; {header!r} is read as {field} instead': '；改为把 {header!r} 读作{field}',
    'its header is an alias': '表头是别名',
    'from the word {word!r}': '由 {word!r} 一词推测',
    'from its header': '由表头推测',
    "column {column!r} is a length of business time (the desk's working hours, which the file does not give): no span of the clock from received, so no time is made of it; kept in extra":
        '列 {column!r} 是按工作时间计的时长（取决于团队的工作时间，文件中没有）：不是从受理起的自然时长，因此不据此得出时间；保留在附加信息中',
    "no subject column: each complaint's subject is the start of its description":
        '没有主题列：每件投诉的主题取其描述的开头',
    'no subject or description column: each complaint\'s subject is its category as written, else "(no subject)" and its ref':
        '没有主题列或描述列：每件投诉的主题取文件所写的类别，没有类别则为“(no subject)”加外部编号',
    'no subject or description column: each complaint\'s subject is "(no subject)" and its ref':
        '没有主题列或描述列：每件投诉的主题为“(no subject)”加外部编号',
    '{file}: no column is read as the subject, the description, the category or the ref (headers: {headers})':
        '{file}：没有哪一列读作主题、描述、类别或外部编号（表头：{headers}）',
    'map one with {map} "HEADER=subject"; {show_mapping} shows how each header is read':
        '用 {map} "表头=subject" 指定一列；{show_mapping} 可查看每个表头的读法',
    '{file}: no column is read as the received time (headers: {headers}); complaints without one would all be dated now, which would falsify their history':
        '{file}：没有哪一列读作受理时间（表头：{headers}）；没有受理时间的投诉都会记为现在受理，这会篡改它们的历史',
    'map the column with {map} "HEADER=received", or give one time for every row with {set} received=2026-11-03, or {received_now} to stamp the import time on purpose':
        '用 {map} "表头=received" 指定该列，或用 {set} received=2026-11-03 为每行给出同一时间，或用 {received_now} 有意记为导入时间',
    'column {column!r} repeats a field; kept in extra as {key!r}': '列 {column!r} 与另一列字段重复；以 {key!r} 保留在附加信息中',
}
