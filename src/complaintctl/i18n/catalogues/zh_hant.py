"""The Traditional Chinese catalogue (zh-Hant), generated from the Simplified one by OpenCC (s2t)
with `python tests/make_zh_hant.py`: do not edit by hand; change the zh catalogue and run it again."""

# flake8: noqa
# ruff: noqa

MESSAGES = {'Options': '選項',
 'Arguments': '參數',
 'Commands': '命令',
 'Usage: ': '用法：',
 'Show this message and exit.': '顯示此幫助並退出。',
 "Try '{command} {option}' for help.": "用 '{command} {option}' 查看幫助。",
 'Error: {message}': '錯誤：{message}',
 'Aborted!': '已中止！',
 "Missing argument '{name}'.": "缺少參數 '{name}'。",
 "Missing option '{name}'.": "缺少選項 '{name}'。",
 'Missing parameter: {name}': '缺少參數：{name}',
 'No such option: {name} Did you mean {other}?': '沒有選項 {name}。是不是要用 {other}？',
 'No such option: {name} (possible options: {other})': '沒有選項 {name}（可用的選項：{other}）',
 'No such option: {name}': '沒有選項 {name}',
 "No such command '{name}'. Did you mean {other}?": "沒有命令 '{name}'。是不是要用 {other}？",
 "No such command '{name}'.": "沒有命令 '{name}'。",
 'Missing command.': '缺少命令。',
 "Option '{name}' requires an argument.": "選項 '{name}' 需要一個值。",
 "Option '{name}' requires {count} arguments.": "選項 '{name}' 需要 {count} 個值。",
 "Option '{name}' does not take a value.": "選項 '{name}' 不接受值。",
 'Got unexpected extra arguments ({args})': '多出了參數（{args}）',
 "Invalid value for {param}: '{value}' is not a number.": "{param} 的值無效：'{value}' 不是數字。",
 "Invalid value for {param}: '{value}' is not one of {choices}.": "{param} 的值無效：'{value}' 不是 {choices} 之一。",
 'Invalid value for {param}: {value} is not in the range {range}.': '{param} 的值無效：{value} 不在 {range} 範圍內。',
 'Invalid value for {param}: {detail}': '{param} 的值無效：{detail}',
 'Invalid value: {detail}': '值無效：{detail}',
 'required': '必填',
 'default: {value}': '默認：{value}',
 'env var: {value}': '環境變量：{value}',
 '{low} to {high}': '{low} 到 {high}',
 '{low} or more': '不少於 {low}',
 '{high} or less': '不超過 {high}',
 'text': '文字',
 'whole number': '整數',
 'number': '數字',
 'path': '路徑',
 'time': '時間',
 ', ': '、',
 '; ': '；',
 ': ': '：',
 '{message} ({hint})': '{message}（{hint}）',
 'error: {message}': '錯誤：{message}',
 'warning: {message}': '警告：{message}',
 '{field}: {old} -> {new}': '{field}：{old} → {new}',
 '{m}m': '{m} 分鐘',
 '{h}h': '{h} 小時',
 '{h}h {m}m': '{h} 小時 {m} 分鐘',
 '{d}d': '{d} 天',
 '{d}d {h}h': '{d} 天 {h} 小時',
 'logged': '登記',
 'imported': '導入',
 'assigned': '分配',
 'claimed': '認領',
 'status changed': '狀態變更',
 'classified': '分類',
 'tag added': '加標籤',
 'tag removed': '去標籤',
 'edited': '修改',
 'reply sent': '已發回復',
 'reply recorded': '記錄回覆',
 'escalated': '升級',
 'closed': '關閉',
 'reopened': '重開',
 'follow-up': '回訪',
 'removed': '移除',
 'customer created': '新建客戶',
 'customer edited': '修改客戶',
 'customers merged': '合併客戶',
 'customer removed': '移除客戶',
 'import undone': '撤銷導入',
 'agent added': '添加坐席',
 'agent deactivated': '停用坐席',
 'agent reactivated': '重新啓用坐席',
 'alias taught': '添加別名',
 'alias forgotten': '刪除別名',
 'code added': '添加代碼',
 'SLA target changed': '時限變更',
 'setting changed': '設置變更',
 'calendar changed': '日曆變更',
 'calendar day removed': '刪除日曆日',
 'holidays loaded': '載入節假日',
 'notifications changed': '通知設置變更',
 'reply template added': '添加回復模板',
 'reply template changed': '修改回覆模板',
 'reply template removed': '刪除回覆模板',
 'suggestion rule added': '添加建議規則',
 'suggestion rule removed': '刪除建議規則',
 'status': '狀態',
 'assignee': '處理人',
 'severity': '嚴重程度',
 'category': '類別',
 'cause': '原因',
 'channel': '渠道',
 'remedy': '客戶訴求',
 'personality': '客戶性格',
 'motive': '投訴動機',
 'outcome': '處理結果',
 'tag': '標籤',
 'tags': '標籤',
 'subject': '主題',
 'description': '描述',
 'resolution': '解決方案',
 'received at': '受理時間',
 'received time of day': '受理時刻',
 'customer': '客戶',
 'name': '姓名',
 'email': '郵箱',
 'phone': '電話',
 'company': '公司',
 'score': '評分',
 'note': '備註',
 'ref': '外部編號',
 'told via': '告知方式',
 'duplicate of': '重複於',
 'customer acceptance': '客戶是否接受',
 'reply': '回覆',
 'merged into': '併入',
 'first response': '首次響應',
 'resolved at': '解決時間',
 'closed at': '關閉時間',
 'escalations': '升級次數',
 'resolved late': '超時解決',
 'updated at': '更新時間',
 'times reopened': '重開次數',
 'time to first response': '首次響應時長',
 'minutes to first response': '首次響應時長（分鐘）',
 'hours to first response': '首次響應時長（小時）',
 'days to first response': '首次響應時長（天）',
 'time to resolution': '解決時長',
 'minutes to resolution': '解決時長（分鐘）',
 'hours to resolution': '解決時長（小時）',
 'days to resolution': '解決時長（天）',
 'satisfaction score': '滿意度評分',
 'surveyed at': '回訪時間',
 'reopened at': '重開時間',
 'no SLA clock': '無時限',
 'overdue': '已超時',
 'due soon': '即將到期',
 'on time': '按時',
 'paused': '暫停',
 'acknowledgement e-mail': '受理確認郵件',
 'decision e-mail': '處理決定郵件',
 'test message': '測試消息',
 'critical-complaint message': '緊急投訴消息',
 'escalation message': '升級消息',
 'overdue message': '超時消息',
 'pending': '待發送',
 'sending': '發送中',
 'sent': '已發送',
 'failed': '發送失敗',
 'e-mail': '郵件',
 'webhook': '羣機器人',
 'ok': '正常',
 'warning': '警告',
 'problem': '問題',
 'holiday': '節假日',
 'make-up working day': '調休上班日',
 'published': '已公佈',
 'by fixed rules': '按固定規則',
 'estimated': '估算',
 'Mon': '週一',
 'Tue': '週二',
 'Wed': '週三',
 'Thu': '週四',
 'Fri': '週五',
 'Sat': '週六',
 'Sun': '週日',
 '{n}w': '{n} 周',
 '{n}bm': '{n} 個工作分鐘',
 '{n}bh': '{n} 個工作小時',
 '{n}bd': '{n} 個工作日',
 'notes': '備註',
 'other fields': '其他字段',
 'integrity': '完整性',
 'schema objects': '結構對象',
 'references': '引用',
 'audit trail': '審計記錄',
 'stated facts': '事件所載事實',
 'timestamps': '時間戳',
 'lifecycle': '生命週期',
 'file permissions': '文件權限',
 'holiday calendar': '節假日日曆',
 'SLA clocks': '時限計時',
 'New database: {path} (`complaintctl info` says which file is in use; --db or COMPLAINTCTL_DB chooses another)': '已新建數據庫：{path}（`complaintctl '
                                                                                                                  'info` '
                                                                                                                  '顯示正在使用的文件；--db '
                                                                                                                  '或 '
                                                                                                                  'COMPLAINTCTL_DB '
                                                                                                                  '可指定其他文件）',
 'Team mode: {folder} is group-writable ({mode}, group {group}), so {name} and every file written beside it are read-write for group {group}. To keep it yours alone: chmod g-w {folder} && chmod 600 {path}*': '團隊模式：{folder} '
                                                                                                                                                                                                                '對用戶組可寫（{mode}，用戶組 '
                                                                                                                                                                                                                '{group}），所以 '
                                                                                                                                                                                                                '{name} '
                                                                                                                                                                                                                '及其旁邊寫入的每個文件，用戶組 '
                                                                                                                                                                                                                '{group} '
                                                                                                                                                                                                                '都可讀寫。若只給自己用：chmod '
                                                                                                                                                                                                                'g-w '
                                                                                                                                                                                                                '{folder} '
                                                                                                                                                                                                                '&& '
                                                                                                                                                                                                                'chmod '
                                                                                                                                                                                                                '600 '
                                                                                                                                                                                                                '{path}*',
 'Your text is kept in {path}.': '你寫的文字保存在 {path}。',
 'interrupted': '已中斷',
 'internal error: {kind}: {detail} (run with --debug for details)': '內部錯誤：{kind}：{detail}（加 --debug 運行可看詳情）',
 'unknown time zone {zone!r} (e.g. Asia/Shanghai, UTC)': '未知的時區 {zone!r}（例如 Asia/Shanghai、UTC）',
 '--limit must be 0 (no limit) or more': '--limit 必須是 0（不限）或更大的數',
 'a number of rows must be 0 (no limit) or more, not {n}': '行數必須是 0（不限）或更大的數，而不是 {n}',
 '{more:,} more not shown ({shown:,} of {total:,}); use --limit N for more, --limit 0 for all.': '另有 {more:,} 條未顯示（共 '
                                                                                                 '{total:,} 條，顯示了 '
                                                                                                 '{shown:,} 條）；--limit '
                                                                                                 'N 顯示更多，--limit 0 '
                                                                                                 '顯示全部。',
 'invalid {what} {text!r}': '無效的{what} {text!r}',
 'invalid {what} {text!r}: no reference after ref:': '無效的{what} {text!r}：ref: 後面沒有編號',
 'a number such as 42 or #42': '應爲數字，例如 42 或 #42',
 'a number such as 42 or #42, or a reference: ref:INC0012': '應爲數字，例如 42 或 #42，或外部編號：ref:INC0012',
 'e.g. ref:INC0012': '例如 ref:INC0012',
 'complaint id': '投訴編號',
 'customer id': '客戶編號',
 'import id': '導入編號',
 'message id': '消息編號',
 '--duplicate-of id': '--duplicate-of 的投訴編號',
 'Reading the {what} from standard input; end with Ctrl-D.': '正在從標準輸入讀取{what}；按 Ctrl-D 結束。',
 'the {what} on standard input is not UTF-8 text (byte 0x{byte:02x} at position {at})': '標準輸入中的{what}不是 UTF-8 文本（第 '
                                                                                        '{at} 個字節爲 0x{byte:02x}）',
 'convert it first, e.g. iconv -f GB18030 -t UTF-8': '請先轉換編碼，例如 iconv -f GB18030 -t UTF-8',
 'query': '查詢語句',
 "give the {what} as '-' (standard input) or -e (your editor), not both": "{what}請用 '-'（標準輸入）或 -e（編輯器）給出，不能同時用",
 'only one option can read standard input, not {options}': '只能有一個選項從標準輸入讀取，不能同時是 {options}',
 'give the others as text': '其他的請直接寫出文字',
 '-e needs an editor: set VISUAL or EDITOR (e.g. export EDITOR=nano)': '-e 需要編輯器：請設置 VISUAL 或 EDITOR（例如 export '
                                                                       'EDITOR=nano）',
 "or give the text as an option, or '-' to read it from standard input": "或者直接在選項裏寫出文字，或用 '-' 從標準輸入讀取",
 'Do not modify or remove the line above.': '請勿修改或刪除上面這一行。',
 'Write the {what} above it; everything below it is ignored.': '請把{what}寫在它上面；它下面的內容都會被忽略。',
 'An empty {what} changes nothing.': '{what}爲空則不做任何修改。',
 'the editor ({command}) exited with status {status}; nothing was changed': '編輯器（{command}）退出狀態爲 {status}；沒有做任何修改',
 'your text is kept in {path}': '你寫的文字保存在 {path}',
 'empty {what}: nothing was changed': '{what}爲空：沒有做任何修改',
 'reason': '原因',
 '--resume asks which call to log: run it at a terminal': '--resume 要問登記哪一通來電：請在終端裏運行',
 'a subject is required': '需要主題',
 '--subject "what the complaint is about"': '--subject "投訴的內容"',
 '--resume logs a call as it was typed: give no other field with it': '--resume 按當時輸入的內容登記：不要同時給其他字段',
 'New complaint: {subject}': '新投訴：{subject}',
 'Logged complaint #{id} (new customer).': '已登記投訴 #{id}（新客戶）。',
 'Logged complaint #{id} (customer #{customer}).': '已登記投訴 #{id}（客戶 #{customer}）。',
 'Logged complaint #{id} (anonymous).': '已登記投訴 #{id}（匿名）。',
 'Updated complaint #{id}: {changes}.': '已更新投訴 #{id}：{changes}。',
 'Classified complaint #{id}: {changes}.': '已分類投訴 #{id}：{changes}。',
 'Assigned complaint #{id}: {changes}.': '已分配投訴 #{id}：{changes}。',
 'Closed complaint #{id}: {changes}.': '已關閉投訴 #{id}：{changes}。',
 'Reopened complaint #{id}: {changes}.': '已重開投訴 #{id}：{changes}。',
 'No change to complaint #{id}.': '投訴 #{id} 沒有變化。',
 'note added': '已添加備註',
 "reply recorded, not sent ({label}): {why}; it is not the customer's first response (add --to-customer if you told them yourself)": '已記錄回覆，未發送（{label}）：{why}；不算作對客戶的首次響應（如果你已親自告知客戶，請加 '
                                                                                                                                     '--to-customer）',
 'tag +{tag}': '標籤 +{tag}',
 'tag -{tag}': '標籤 -{tag}',
 'reply recorded as told to the customer by you ({label}; nothing was sent from here)': '已記錄回覆，由你親自告知客戶（{label}；本工具沒有發送任何消息）',
 'reply sent to {to} ({label})': '回覆已發送給 {to}（{label}）',
 'reply queued for {to} ({label}), not sent yet: the time to send ran out; `complaintctl notify retry` sends it': '給 '
                                                                                                                  '{to} '
                                                                                                                  '的回覆（{label}）已排隊，尚未發出：發送時間已用完；`complaintctl '
                                                                                                                  'notify '
                                                                                                                  'retry` '
                                                                                                                  '會發送它',
 'reply queued for {to} ({label}), not sent yet: {why}; `complaintctl notify retry` sends it (outbox #{outbox})': '給 '
                                                                                                                  '{to} '
                                                                                                                  '的回覆（{label}）已排隊，尚未發出：{why}；`complaintctl '
                                                                                                                  'notify '
                                                                                                                  'retry` '
                                                                                                                  '會發送它（發件箱 '
                                                                                                                  '#{outbox}）',
 'give codes, or take suggestions (--suggest, --accept), not both': '請給出代碼，或採用建議（--suggest、--accept），不能同時用',
 'which complaint?': '哪一件投訴？',
 'complaintctl classify ID --category CODE': 'complaintctl classify 編號 --category 代碼',
 'give either --to AGENT or --unassign': '請給出 --to 坐席 或 --unassign 其中之一',
 'give --note or --reply, not both': '--note 和 --reply 只能給一個',
 '--reply NAME -e to change the reply first': '用 --reply 名稱 -e 可先修改回覆',
 'Note on complaint #{id}': '投訴 #{id} 的備註',
 'Resolution of complaint #{id} (outcome: {outcome})': '投訴 #{id} 的解決方案（處理結果：{outcome}）',
 'Customer name (blank: anonymous)': '客戶姓名（留空：匿名）',
 'Customer email (blank: none)': '客戶郵箱（留空：無）',
 'Customer phone (blank: none)': '客戶電話（留空：無）',
 'Channel ({choices}; blank: none)': '渠道（{choices}；留空：無）',
 'Severity ({choices}; none)': '嚴重程度（{choices}；none 表示無）',
 'Description (blank: none)': '描述（留空：無）',
 'note: {n} call typed earlier was not logged: `complaintctl log --resume` offers it.': '注意：之前輸入的 {n} '
                                                                                        '通來電沒有登記：`complaintctl log '
                                                                                        '--resume` 可以找回。',
 'no call kept as a draft for {path}': '沒有爲 {path} 保存的來電草稿',
 'a draft is kept when `log` at a terminal fails after its questions': '在終端裏運行 `log` 答完問題後登記失敗時，會保存草稿',
 'Calls typed but not logged:': '已輸入但未登記的來電：',
 'Log which one? (its number; 0 for none)': '登記哪一通？（輸入序號；0 表示都不登記）',
 'Received {when} (when it was typed, unless it was given).': '受理時間 {when}（即輸入的時間，除非另有給出）。',
 'a number from {least} to {most}': '應爲 {least} 到 {most} 之間的數字',
 'Not logged. Your answers are kept in {path}: `complaintctl log --resume` offers them again.': '沒有登記。你的回答保存在 '
                                                                                                '{path}：`complaintctl '
                                                                                                'log --resume` 可以再次找回。',
 'the email {value}': '郵箱 {value}',
 'the phone {value}': '電話 {value}',
 '{contact} belongs to customer #{id} {customer}, not {name}.\n  1  file it under {customer} (#{id})\n  2  record {name} as another person with that {kind}\n  3  keep it as a draft, not logged now\nWhich one': '{contact} '
                                                                                                                                                                                                                  '屬於客戶 '
                                                                                                                                                                                                                  '#{id} '
                                                                                                                                                                                                                  '{customer}，不是 '
                                                                                                                                                                                                                  '{name}。\n'
                                                                                                                                                                                                                  '  '
                                                                                                                                                                                                                  '1  '
                                                                                                                                                                                                                  '記在 '
                                                                                                                                                                                                                  '{customer}（#{id}）名下\n'
                                                                                                                                                                                                                  '  '
                                                                                                                                                                                                                  '2  '
                                                                                                                                                                                                                  '把 '
                                                                                                                                                                                                                  '{name} '
                                                                                                                                                                                                                  '記爲使用同一{kind}的另一個人\n'
                                                                                                                                                                                                                  '  '
                                                                                                                                                                                                                  '3  '
                                                                                                                                                                                                                  '先保存爲草稿，現在不登記\n'
                                                                                                                                                                                                                  '選哪一項',
 'kept as a draft, as asked': '已按要求保存爲草稿',
 '{when}  {subject}  ({who}; not logged: {why})': '{when}  {subject}（{who}；未登記：{why}）',
 'anonymous': '匿名',
 'No complaints match.': '沒有符合條件的投訴。',
 'No customers match.': '沒有符合條件的客戶。',
 'Showing the first {n}; use --limit 0 for all.': '只顯示了前 {n} 條；--limit 0 顯示全部。',
 'No change to customer #{id}.': '客戶 #{id} 沒有變化。',
 'Updated customer #{id}: {changes}.': '已更新客戶 #{id}：{changes}。',
 '{n} complaint moved': '移動了 {n} 件投訴',
 'filled in {fields}': '補全了{fields}',
 'Merged {merged} into #{id}: {moved}.': '已把 {merged} 合併到 #{id}：{moved}。',
 '{n} open complaint recomputed': '重新計算了 {n} 件未結投訴',
 'SLA goal set to {pct:g}%.': '時限目標已設爲 {pct:g}%。',
 'SLA state matches the event log.': '時限狀態與事件記錄一致。',
 'Calendar {region} from {source}: {holidays}, {workdays} ({years}); known until {day}; {recomputed}.': '日曆 '
                                                                                                        '{region}（來源：{source}）：{holidays}，{workdays}（{years}）；已知至 '
                                                                                                        '{day}；{recomputed}。',
 'Calendar updated; {recomputed}.': '日曆已更新；{recomputed}。',
 '{n} day imported; {recomputed}.': '導入了 {n} 天；{recomputed}。',
 'first response {target}': '首次響應 {target}',
 'resolution {target}': '解決 {target}',
 'SLA for {severity}: {changes}; {recomputed}.': '{severity}的時限：{changes}；{recomputed}。',
 'No change to the SLA for {severity}.': '{severity}的時限沒有變化。',
 '{n} SLA value differs from the event log': '有 {n} 個時限值與事件記錄不一致',
 'Kept {n} day set by hand where it differs.': '保留了 {n} 個手動設置且與之不同的日子。',
 'Time zone set to {zone}, the first zone of {country} in the tz database; change it with `complaintctl sla calendar set --timezone ZONE`.': '時區已設爲 '
                                                                                                                                             '{zone}，即 '
                                                                                                                                             'tz '
                                                                                                                                             '數據庫中 '
                                                                                                                                             '{country} '
                                                                                                                                             '的第一個時區；可用 '
                                                                                                                                             '`complaintctl '
                                                                                                                                             'sla '
                                                                                                                                             'calendar '
                                                                                                                                             'set '
                                                                                                                                             '--timezone '
                                                                                                                                             '時區` '
                                                                                                                                             '修改。',
 'estimated years are computed from the rules, before their official schedule was published.': '標爲估算的年份是按規則推算的，官方安排尚未公佈。',
 '{n} day removed; {recomputed}.': '刪除了 {n} 天；{recomputed}。',
 '{n} day set as {kind}; {recomputed}.': '{n} 天設爲{kind}；{recomputed}。',
 'English': '英文',
 'Chinese': '中文',
 'Respond within': '響應時限',
 'Resolve within': '解決時限',
 'Complaints without a severity are timed as {severity}.': '沒有嚴重程度的投訴按{severity}計時。',
 'Complaints without a severity have no SLA clock (set one with `complaintctl sla default SEVERITY`).': '沒有嚴重程度的投訴不計時（可用 '
                                                                                                        '`complaintctl '
                                                                                                        'sla default '
                                                                                                        '嚴重程度` 設置默認）。',
 'Business calendar: {days} {start}-{end} {zone}, {n} special day. Targets in bh/bd count working time.': '工作日曆：{days} '
                                                                                                          '{start}-{end} '
                                                                                                          '{zone}，{n} '
                                                                                                          '個特殊日子。以 '
                                                                                                          'bh/bd '
                                                                                                          '爲單位的時限按工作時間計算。',
 'No business calendar: bh/bd targets count like h/d. Set one with `complaintctl sla calendar set`.': '沒有工作日曆：bh/bd '
                                                                                                      '時限按 h/d 計算。可用 '
                                                                                                      '`complaintctl '
                                                                                                      'sla calendar '
                                                                                                      'set` 設置。',
 'No change: the default severity is already {severity}.': '沒有變化：默認嚴重程度已經是{severity}。',
 'No change: there is no default severity already.': '沒有變化：本來就沒有默認嚴重程度。',
 'Complaints without a severity are timed as {severity}; {recomputed}.': '沒有嚴重程度的投訴按{severity}計時；{recomputed}。',
 'Complaints without a severity have no SLA clock; {recomputed}.': '沒有嚴重程度的投訴不再計時；{recomputed}。',
 'calendar': '日曆',
 'time zone': '時區',
 'workdays': '工作日',
 'hours': '工作時間',
 'holidays': '節假日',
 'on': '開啓',
 'off (targets count wall-clock time)': '關閉（時限按自然時間計算）',
 "not set (the calendar counts in UTC; display uses the machine's zone)": '未設置（日曆按 UTC 計算；顯示用本機時區）',
 '{region}: {years}; known until {day}': '{region}：{years}；已知至 {day}',
 'Day': '日期',
 'Kind': '類型',
 'Source': '來源',
 '{n} holiday': '{n} 個節假日',
 '{n} make-up working day': '{n} 個調休上班日',
 'No time zone set: working hours count in UTC; set one with `complaintctl sla calendar set --timezone`.': '沒有設置時區：工作時間按 '
                                                                                                           'UTC 計算；可用 '
                                                                                                           '`complaintctl '
                                                                                                           'sla '
                                                                                                           'calendar '
                                                                                                           'set '
                                                                                                           '--timezone` '
                                                                                                           '設置。',
 'cannot read {file}: {why}': '無法讀取 {file}：{why}',
 'Field': '字段',
 'Stored': '存儲值',
 'Expected': '應爲',
 'No open complaints at that moment.': '那時沒有未結投訴。',
 'No open complaints.': '沒有未結投訴。',
 'Clock': '計時',
 'Due': '到期',
 'Left': '剩餘',
 'Escalated complaint #{id}: {changes}.': '已升級投訴 #{id}：{changes}。',
 '--notify tells about what is late now, not --as-of a past moment': '--notify 通知的是現在的超時，不能與過去時刻的 --as-of 同用',
 'Survey recorded for #{id}: {score}/5; reopened.': '已記錄 #{id} 的回訪：{score}/5；已重開。',
 'Survey recorded for #{id}: {score}/5.': '已記錄 #{id} 的回訪：{score}/5。',
 'sweep: would close {n} resolved complaint with no follow-up for {days} days.': '清理：將關閉 {n} 件已解決且 {days} 天沒有回訪的投訴。',
 'sweep: closed {n} resolved complaint with no follow-up for {days} days.': '清理：已關閉 {n} 件已解決且 {days} 天沒有回訪的投訴。',
 '{late:,} overdue, {soon:,} due within {window} as of {when}.': '截至 {when}，{late:,} 件已超時，{soon:,} 件將在 {window}內到期。',
 '{late:,} overdue, {soon:,} due within {window}.': '{late:,} 件已超時，{soon:,} 件將在 {window}內到期。',
 '{late:,} overdue as of {when}.': '截至 {when}，{late:,} 件已超時。',
 '{late:,} overdue.': '{late:,} 件已超時。',
 '{n:,} open complaint has no SLA clock (no severity): classify it, or time it by a default with `complaintctl sla default SEVERITY`.': '{n:,} '
                                                                                                                                        '件未結投訴沒有時限（沒有嚴重程度）：請分類，或用 '
                                                                                                                                        '`complaintctl '
                                                                                                                                        'sla '
                                                                                                                                        'default '
                                                                                                                                        '嚴重程度` '
                                                                                                                                        '按默認計時。',
 'Telling {hooks} about {complaints} newly overdue.': '正在通知 {hooks}：{complaints}新近超時。',
 'No complaint newly overdue to tell the webhooks about.': '沒有新近超時、需要通知羣機器人的投訴。',
 '{n} webhook': '{n} 個羣機器人',
 'Days': '天數',
 '--save needs --close-after DAYS': '--save 需要 --close-after 天數',
 '(unassigned)': '（未分配）',
 'No follow-ups waiting in the last {days} days. --days 0 looks back to the first day.': '最近 {days} 天沒有待回訪的投訴。--days 0 '
                                                                                         '可查看全部。',
 'No follow-ups waiting.': '沒有待回訪的投訴。',
 'file': '文件',
 'size (bytes)': '大小（字節）',
 'schema version': '結構版本',
 'latest schema version': '最新結構版本',
 'engine': '數據庫引擎',
 'server version': '服務器版本',
 'SQLite version': 'SQLite 版本',
 'journal mode': '日誌模式',
 'complaints': '投訴數',
 'agents': '坐席數',
 'events': '事件數',
 'customers': '客戶數',
 'open complaints': '未結投訴',
 'deferred indexes': '延後的索引',
 'taught': '團隊添加',
 'built-in': '內置',
 'Agent {name} is active.': '坐席 {name} 已啓用。',
 '{sentence}.': '{sentence}。',
 'Added {kind} {code}.': '已添加{kind} {code}。',
 '{kind} {label!r} now reads as {code}; {n} complaint imported with it classified.': '{kind} {label!r} 現在讀作 '
                                                                                     '{code}；按它分類了 {n} 件導入的投訴。',
 '{kind} {label!r} no longer reads as {code}.': '{kind} {label!r} 不再讀作 {code}。',
 'Created: {path} (schema version {version}).': '已創建：{path}（結構版本 {version}）。',
 'Up to date: {path} (schema version {version}).': '已是最新：{path}（結構版本 {version}）。',
 'Rebuilt {n} index an interrupted import had deferred: {names}.': '重建了被中斷的導入所延後的 {n} 個索引：{names}。',
 'Recreated what was missing from the schema: {names}.': '重新創建了結構中缺少的：{names}。',
 'No agents yet; add one with `complaintctl agents add NAME`.': '還沒有坐席；用 `complaintctl agents add 名稱` 添加。',
 'Agent {name} is inactive': '坐席 {name} 已停用',
 'Agent {name} is inactive (already)': '坐席 {name} 已停用（之前就已停用）',
 '{n} open complaint stays assigned to them': '{n} 件未結投訴仍由其處理',
 '--timeout must be 0 (no limit) or more seconds': '--timeout 必須是 0（不限）或更多秒',
 '(no rows)': '（沒有行）',
 'Team mode: {changes}.': '團隊模式：{changes}。',
 "Team mode: every file was already the team's.": '團隊模式：每個文件本來就屬於團隊。',
 'Roles: {agent} (agents), {lead} (leads), {auditor} (auditors), with their grants. Give each person one: GRANT {agent} TO alice;': '角色：{agent}（坐席）、{lead}（主管）、{auditor}（審計），已授予各自的權限。每人一個，授予其登錄角色：GRANT '
                                                                                                                                    '{agent} '
                                                                                                                                    'TO '
                                                                                                                                    '登錄角色;',
 'Full name': '全名',
 'Lead': '主管',
 'Active': '在職',
 '{n} open complaint reassigned to {agent}: {ids}': '{n} 件未結投訴改派給 {agent}：{ids}',
 '{n} open complaint returned to the queue: {ids}': '{n} 件未結投訴退回待分配：{ids}',
 'Code': '代碼',
 'Label': '標籤文字',
 'By': '操作人',
 'more rows not shown (the first {n:,}); use --limit N for more, --limit 0 for all, or -f csv': '還有行未顯示（只顯示了前 {n:,} '
                                                                                                '行）；--limit N '
                                                                                                '顯示更多，--limit 0 '
                                                                                                '顯示全部，或用 -f csv',
 'a table shows at most {rows:,} rows of {n} column (it is drawn in memory); this query gives more': '表格最多顯示 {rows:,} '
                                                                                                     '行（{n} '
                                                                                                     '列，在內存中繪製）；這個查詢的結果更多',
 'yes': '是',
 'no': '否',
 '-f csv or -f ndjson stream any number of rows; or --limit N': '-f csv 或 -f ndjson 可流式輸出任意多行；或用 --limit N',
 'host': '服務器',
 'port': '端口',
 'security': '加密方式',
 'user': '用戶名',
 'password variable': '密碼環境變量',
 'sender': '發件人',
 '{host}:{port} {security}, from {sender}': '{host}:{port} {security}，發件人 {sender}',
 'off': '關閉',
 '{name}: {kind}, {events}, in {language}': '{name}：{kind}，{events}，用{language}',
 '(none set: `notify smtp --host HOST --sender ADDRESS`)': '（未設置：`notify smtp --host 服務器 --sender 地址`）',
 '{server}, user {user} (password from ${variable})': '{server}，用戶名 {user}（密碼取自 ${variable}）',
 'Webhook {name} ({kind}, in {language}) for {events}; `complaintctl notify test --webhook {name}` tries it.': '羣機器人 '
                                                                                                               '{name}（{kind}，用{language}）接收{events}；可用 '
                                                                                                               '`complaintctl '
                                                                                                               'notify '
                                                                                                               'test '
                                                                                                               '--webhook '
                                                                                                               '{name}` '
                                                                                                               '試發。',
 'Removed webhook {name}.': '已刪除羣機器人 {name}。',
 'notifications': '通知',
 'e-mail on log': '登記時發郵件',
 '{on} (acknowledgement to the customer)': '{on}（給客戶的受理確認）',
 'e-mail on close': '關閉時發郵件',
 '{on} (the decision, to the customer)': '{on}（給客戶的處理決定）',
 'mail server': '郵件服務器',
 'deadline': '發送時限',
 '{n} s of sending per command (`notify deadline`)': '每個命令最多發送 {n} 秒（`notify deadline`）',
 'outbox': '發件箱',
 'Turned {switches}.': '已設置：{switches}。',
 'No change.': '沒有變化。',
 'give --ack/--no-ack or --decision/--no-decision': '請給出 --ack/--no-ack 或 --decision/--no-decision',
 'Mail server: set {fields}.': '郵件服務器：已設置{fields}。',
 'No change to the mail server.': '郵件服務器沒有變化。',
 'Placeholders as in `replies`, plus {resolution} and {outcome}': '佔位符與 `replies` 相同，另有 {resolution} 和 {outcome}',
 'The {event} in {language} is reset to the default.': '{language}的{event}已恢復爲默認內容。',
 'The {event} in {language} is changed.': '{language}的{event}已修改。',
 '--within {seconds:g} is not possible: from 1 to 600 seconds': '--within {seconds:g} 不可行：應爲 1 到 600 秒',
 'Nothing to retry.': '沒有需要重發的消息。',
 'Commands send for at most {n} s.': '命令最多發送 {n} 秒。',
 'webhooks': '羣機器人',
 '(none: `notify webhook add NAME --kind wecom --url URL`)': '（沒有：`notify webhook add 名稱 --kind wecom --url 地址`）',
 'template': '郵件模板',
 'empty': '空',
 '(default port)': '（默認端口）',
 '(STARTTLS if offered)': '（服務器支持時用 STARTTLS）',
 '(no sender set)': '（未設置發件人）',
 'Subject: {subject}': '主題：{subject}',
 'Queued': '排隊時間',
 'For': '用途',
 'Recipient': '收件方',
 'Tries': '嘗試次數',
 'Error': '錯誤',
 'The outbox is empty.': '發件箱是空的。',
 'Nothing unsent.': '沒有未發送的消息。',
 '{webhook}, signed': '{webhook}，帶簽名',
 '{event} in {language} (yours): {subject}': '{language}{event}（團隊自定）：{subject}',
 '{event} in {language} (default): {subject}': '{language}{event}（默認）：{subject}',
 'Placeholders: {names}': '佔位符：{names}',
 'Removed reply {labels}.': '已刪除回覆模板 {labels}。',
 'note: {note}': '注意：{note}',
 "Reply '{label}' to complaint #{id}, as the customer will get it": "回覆模板 '{label}'，給投訴 #{id}，即客戶將收到的內容",
 "Added reply '{label}' (the language its text is written in; NAME:zh or NAME:en to say).": '已添加回復模板 '
                                                                                            "'{label}'（語言按正文判斷；用 名稱:zh "
                                                                                            '或 名稱:en 可指定）。',
 "Added reply '{label}'.": "已添加回復模板 '{label}'。",
 '{label} (for {category})': '{label}（用於{category}）',
 "Changed reply '{label}'.": "已修改回覆模板 '{label}'。",
 "No change to reply '{label}'.": "回覆模板 '{label}' 沒有變化。",
 'Language': '語言',
 'Text': '正文',
 'No reply templates for that; add one with `complaintctl replies add NAME -e`.': '沒有符合的回覆模板；用 `complaintctl replies '
                                                                                  'add 名稱 -e` 添加。',
 'No reply templates; add one with `complaintctl replies add NAME -e`.': '還沒有回覆模板；用 `complaintctl replies add 名稱 -e` '
                                                                         '添加。',
 '(any)': '（任意）',
 'the {what} to {target}': '發給 {target} 的{what}',
 'the {what} to {target} about #{id}': '關於 #{id} 發給 {target} 的{what}',
 '{n} message not sent within {seconds:g} s stays queued: `complaintctl notify retry` (from cron) sends it.': '{n} '
                                                                                                              '條消息沒能在 '
                                                                                                              '{seconds:g} '
                                                                                                              '秒內發出，仍在排隊：`complaintctl '
                                                                                                              'notify '
                                                                                                              'retry`（可由 '
                                                                                                              'cron '
                                                                                                              '運行）會發送。',
 'Sent {message}.': '已發送{message}。',
 '{message} is not sent yet: {why}. The change is saved; the message stays in the outbox (#{id}): `complaintctl notify retry` sends it again once its lease has run out, with the same Message-ID, so a copy can be told apart.': '{message}尚未發出：{why}。修改已保存；消息留在發件箱（#{id}）：租約到期後 '
                                                                                                                                                                                                                                  '`complaintctl '
                                                                                                                                                                                                                                  'notify '
                                                                                                                                                                                                                                  'retry` '
                                                                                                                                                                                                                                  '會用同一個 '
                                                                                                                                                                                                                                  'Message-ID '
                                                                                                                                                                                                                                  '重發，可以分辨出重複的一份。',
 '{message} was not sent: {why}. The change is saved; the message is kept in the outbox (#{id}): `complaintctl notify retry` sends it again.': '{message}沒有發出：{why}。修改已保存；消息保存在發件箱（#{id}）：`complaintctl '
                                                                                                                                               'notify '
                                                                                                                                               'retry` '
                                                                                                                                               '會重發。',
 '{what} on': '{what}開啓',
 '{what} off': '{what}關閉',
 "the customer's name (客户 / customer when unknown)": '客戶姓名（未知時爲“客戶”/ customer）',
 "the complaint's number": '投訴編號',
 "the complaint's subject": '投訴主題',
 'when it was received (local time)': '受理時間（當地時間）',
 'when it is due to be resolved (local time)': '解決期限（當地時間）',
 'the full name of the agent sending it': '發送坐席的全名',
 "the complaint's external reference": '投訴的外部編號',
 'the complaint is written in {language}': '投訴是用{language}寫的',
 'it has no {language} version': '它沒有{language}版本',
 '{name}:{code} for {language}': '{language}用 {name}:{code}',
 "reply '{name}' in {language} ({why})": "回覆模板 '{name}' 用{language}（{why}）",
 "reply '{name}' is for {category}; #{id} is {other}": "回覆模板 '{name}' 用於{category}；#{id} 是{other}",
 'WeCom': '企業微信',
 'DingTalk': '釘釘',
 'Feishu': '飛書',
 'Slack': 'Slack',
 'JSON receiver': 'JSON 接收端',
 'critical complaints': '緊急投訴',
 'escalated complaints': '升級的投訴',
 'overdue complaints': '超時投訴',
 'a workbook is not for the terminal': '工作簿不能輸出到終端',
 "{n} cell was longer than Excel's {most:,} characters and was cut (CSV and JSON exports keep it whole)": '{n} 個單元格超過了 '
                                                                                                          'Excel 的 '
                                                                                                          '{most:,} '
                                                                                                          '個字符上限，已截斷（CSV '
                                                                                                          '和 JSON '
                                                                                                          '導出會完整保留）',
 'Exported {n} complaint to {path}.': '已導出 {n} 件投訴到 {path}。',
 'Exported {n} complaint.': '已導出 {n} 件投訴。',
 'give --output FILE.xlsx, or redirect stdout': '請給出 --output 文件.xlsx，或重定向標準輸出',
 'Found': '匹配內容',
 'No complaints match; --any finds those with any one of the words.': '沒有符合條件的投訴；--any 可查找含有其中任一詞的投訴。',
 'Trained {field} first ({why}): model {model} on {examples:,} complaints.': '先訓練了{field}（{why}）：模型 {model}，用了 '
                                                                             '{examples:,} 件投訴。',
 'Added rule #{id}: {field} {code} when {pattern!r} is found.': '已添加規則 #{id}：找到 {pattern!r} 時建議{field}爲 {code}。',
 'Removed rule #{id} ({field} {code} when {pattern!r}).': '已刪除規則 #{id}（找到 {pattern!r} 時建議{field}爲 {code}）。',
 'give a complaint ID or --unclassified, not both': '請給出投訴編號或 --unclassified，不能同時用',
 '--apply works on many complaints': '--apply 用於多件投訴',
 '--apply needs --min-confidence P': '--apply 需要 --min-confidence 置信度',
 '--min-confidence goes with --apply or --accept': '--min-confidence 要與 --apply 或 --accept 一起用',
 '--accept is for one complaint': '--accept 用於單件投訴',
 '--min-confidence is between 0 and 1, not {value}': '--min-confidence 應在 0 到 1 之間，而不是 {value}',
 'Applied suggestions to {written:,} of {n:,} complaints; the rest left as they were.': '已對 {n:,} 件投訴中的 {written:,} '
                                                                                        '件採用建議；其餘保持不變。',
 'Suggested: {line}': '建議：{line}',
 '{n:,} imported complaint is like others (same or near-same text, any customer):': '{n:,} '
                                                                                    '件導入的投訴與其他投訴相似（文字相同或幾乎相同，不論客戶）：',
 'Similar complaints looked for in the first {checked:,} of {inserted:,} imported; `complaintctl show ID` finds them for any one.': '只在導入的 '
                                                                                                                                    '{inserted:,} '
                                                                                                                                    '件中的前 '
                                                                                                                                    '{checked:,} '
                                                                                                                                    '件裏查找了相似投訴；`complaintctl '
                                                                                                                                    'show '
                                                                                                                                    '編號` '
                                                                                                                                    '可爲任意一件查找。',
 'Trained {field}: model {model} ({method} v{version}) on {examples:,} complaints, {labels} codes, {weights:,} weights, {mb:.2f} MB, {seconds:.1f} s.': '已訓練{field}：模型 '
                                                                                                                                                        '{model}（{method} '
                                                                                                                                                        'v{version}），用了 '
                                                                                                                                                        '{examples:,} '
                                                                                                                                                        '件投訴、{labels} '
                                                                                                                                                        '個代碼，{weights:,} '
                                                                                                                                                        '個權重，{mb:.2f} '
                                                                                                                                                        'MB，{seconds:.1f} '
                                                                                                                                                        '秒。',
 'Not trained {field}: {why}.': '沒有訓練{field}：{why}。',
 '  {method}, chosen on held-out history (share put first right): {figures}; --method chooses': '  '
                                                                                                '{method}：按留出的歷史選定（首選正確的比例）：{figures}；--method '
                                                                                                '可指定',
 'complaintctl classify ID --suggest, or --suggest --unclassified': 'complaintctl classify 編號 --suggest，或 --suggest '
                                                                    '--unclassified',
 '--suggest --unclassified --apply --min-confidence P; for one complaint, --accept': '--suggest --unclassified --apply '
                                                                                     '--min-confidence 置信度；單件投訴用 '
                                                                                     '--accept',
 'e.g. --min-confidence 0.8: only suggestions that sure are written': '例如 --min-confidence 0.8：只寫入置信度這麼高的建議',
 'for many: --suggest --unclassified --apply --min-confidence P': '多件投訴用：--suggest --unclassified --apply '
                                                                  '--min-confidence 置信度',
 'Classified complaint #{id} as suggested: {changes}.': '已按建議分類投訴 #{id}：{changes}。',
 '  #{id} {subject}: like {others}': '  #{id} {subject}：相似於 {others}',
 '  ... and {n:,} more (`complaintctl show ID` lists them)': '  ……另有 {n:,} 件（`complaintctl show 編號` 會列出）',
 'Suggestions for the {n:,} imported complaint without a category (nothing written; `complaintctl classify --suggest --unclassified --apply --min-confidence P` writes them):': '對導入的 '
                                                                                                                                                                                '{n:,} '
                                                                                                                                                                                '件沒有類別的投訴的建議（沒有寫入；`complaintctl '
                                                                                                                                                                                'classify '
                                                                                                                                                                                '--suggest '
                                                                                                                                                                                '--unclassified '
                                                                                                                                                                                '--apply '
                                                                                                                                                                                '--min-confidence '
                                                                                                                                                                                '置信度` '
                                                                                                                                                                                '可寫入）：',
 'Restored {path} from {backup} ({complaints:,} complaints, {events:,} events).': '已用 {backup} 恢復 '
                                                                                  '{path}（{complaints:,} '
                                                                                  '件投訴，{events:,} 條事件）。',
 'Backed up {path} ({complaints:,} complaints, {events:,} events, {mb:.1f} MB)': '已備份 {path}（{complaints:,} '
                                                                                 '件投訴，{events:,} 條事件，{mb:.1f} MB）',
 '{n} check found a problem in {path}': '{n} 項檢查在 {path} 中發現了問題',
 '{path}: all checks passed.': '{path}：全部檢查通過。',
 '{path}: sound, with warnings.': '{path}：完好，但有警告。',
 'deleted {n} older backup': '刪除了 {n} 個較早的備份',
 'removed {n} file a killed backup left': '清除了被中斷的備份留下的 {n} 個文件',
 'What it replaced is kept in {path}.': '被替換的數據庫保存在 {path}。',
 'No events yet.': '還沒有事件。',
 '{code} {confidence:.2f} ({why})': '{code} {confidence:.2f}（{why}）',
 '{field}: top-1 {top1}, top-3 {top3} on {test:,} held-out complaints (trained on {train:,}, {method}); always {majority}: {majority_top1}': '{field}：在留出的 '
                                                                                                                                             '{test:,} '
                                                                                                                                             '件投訴上首選命中 '
                                                                                                                                             '{top1}，前三命中 '
                                                                                                                                             '{top3}（用 '
                                                                                                                                             '{train:,} '
                                                                                                                                             '件訓練，{method}）；總選 '
                                                                                                                                             '{majority}：{majority_top1}',
 'code': '代碼',
 'examples': '樣本數',
 'precision': '精確率',
 'recall': '召回率',
 'no words for it here: how common it is': '這裏沒有相關的詞：按它的常見程度',
 '{suggestion} by rule #{id}, which wins over the model': '{suggestion}，來自規則 #{id}，規則優先於模型',
 '{line} [now {code}]': '{line} [現爲 {code}]',
 'not to be accepted: {why}': '不宜採納：{why}',
 '{field}: its suggestions will not be accepted: {why}': '{field}：其建議不會被採納：{why}',
 'model {id}: {method} v{version}, trained {when}': '模型 {id}：{method} v{version}，訓練於 {when}',
 'Complaint #{id} is already yours.': '投訴 #{id} 已經由你處理。',
 'Complaint #{id} is already yours; the note is added.': '投訴 #{id} 已經由你處理；已添加備註。',
 'Took over complaint #{id} from {name}; it is yours now.': '已從 {name} 接手投訴 #{id}；現在由你處理。',
 'Claimed complaint #{id}; it is yours now.': '已認領投訴 #{id}；現在由你處理。',
 "A customer's answer to the company's reply in a thread their complaint opened is a complaint of its own [default: a note on the complaint that opened the thread].": '客戶在自己投訴開啓的對話中對公司回覆的再回復，各算一條投訴［默認：記爲開啓該對話的投訴上的備註］。',
 "Rows of one ref that follow one another are one complaint (an event log's snapshots, a row per allegation or product): what they say otherwise is kept in notes.": '外部編號相同且相鄰的行合爲一條投訴（事件日誌的快照、每項指控或每個產品一行）：各行其餘的內容保存在備註裏。',
 '1 to 60 [default: 5].': '1 到 60 [默認：5]。',
 'A backup file (`complaintctl backup` wrote it).': '備份文件（`complaintctl backup` 寫出的）。',
 'A chain head kept elsewhere (`complaintctl audit head` printed it): prove that nothing at or before it changed.': '保存在別處的鏈頭（`complaintctl '
                                                                                                                    'audit '
                                                                                                                    'head` '
                                                                                                                    '打印的）：證明它及之前的內容都沒有改動。',
 'A command-line complaint desk on one SQLite file: log, classify, assign, update, close and report customer complaints.': '一個 '
                                                                                                                           'SQLite '
                                                                                                                           '文件上的命令行投訴臺：登記、分類、分配、更新、關閉和報告客戶投訴。',
 "A customer's details, the records merged into them, their complaints (open ones first)\nand the changes to their record.": '一位客戶的資料、併入其中的記錄、其投訴（未結的在前）以及其記錄的變更。',
 'A different person from the customer the email or phone belongs to (a family, a switchboard): record a new customer.': '與該郵箱或電話所屬客戶不是同一人（家人、總機）：登記爲新客戶。',
 'A file, or a directory to put a dated file in [default: backups/ beside the database].': '文件，或放置帶日期文件的目錄 [默認：數據庫旁的 '
                                                                                           'backups/]。',
 'A free tag; repeat for more.': '自由標籤；可重複以添加多個。',
 'A name for it, e.g. team-wecom.': '它的名稱，例如 值班羣。',
 "A regular expression, matched ignoring case on the subject and description, e.g. '扣费|charged twice'.": '正則表達式，不區分大小寫，匹配主題和描述，例如 '
                                                                                                         "'扣費|重複扣款'。",
 'A team lead (escalations go to leads).': '組長（升級的投訴交給組長）。',
 'A value for :NAME in the query; repeatable.': '查詢中 :NAME 的值；可重複。',
 'A value for rows that have none, e.g. channel=phone; repeatable.': '沒有值的行所用的值，例如 channel=phone；可重複。',
 'Add a code so the team can classify by it.': '添加一個代碼，供團隊分類使用。',
 'Add a reply template. Its language is NAME:zh or NAME:en, else the one its text is written in.\nPlaceholders are filled in from the complaint when it is sent.': '添加回復模板。語言爲 '
                                                                                                                                                                   'NAME:zh '
                                                                                                                                                                   '或 '
                                                                                                                                                                   'NAME:en，否則按其文字所用的語言。發送時用投訴的內容填入佔位符。',
 'Add a tag; repeatable.': '添加標籤；可重複。',
 "Add a webhook the team's chat gives a group robot.": '添加團隊聊天羣機器人提供的 webhook。',
 'Add an agent (or reactivate an inactive one).': '添加坐席（或重新啓用停用的坐席）。',
 "After the import, what the team's history suggests for the imported complaints without a category (writes nothing; `classify --suggest --unclassified --apply` does).": '導入後，按團隊的歷史爲導入的未分類投訴給出建議（不寫入；`classify '
                                                                                                                                                                          '--suggest '
                                                                                                                                                                          '--unclassified '
                                                                                                                                                                          '--apply` '
                                                                                                                                                                          '才寫入）。',
 'Agent performance over a period: assigned, resolved, median resolution time, SLA, satisfaction.': '一段時間內的坐席績效：分配數、解決數、解決時長中位數、時限、滿意度。',
 'Also list what falls due within this long: 4h, 2d, or business time 4bh, 2bd (counted on the SLA calendar).': '同時列出在這段時間內到期的：4h、2d，或工作時間 '
                                                                                                                '4bh、2bd（按時限日曆計算）。',
 "Also say what the team's history suggests for its category and other codes (on stderr; with -f json, under suggestions); writes nothing (`classify ID --accept` does).": '同時給出團隊歷史對其類別等代碼的建議（在 '
                                                                                                                                                                           'stderr；-f '
                                                                                                                                                                           'json '
                                                                                                                                                                           '時在 '
                                                                                                                                                                           'suggestions '
                                                                                                                                                                           '中）；不寫入（`classify '
                                                                                                                                                                           'ID '
                                                                                                                                                                           '--accept` '
                                                                                                                                                                           '才寫入）。',
 "Also set the team's time zone [default: keep it, or the country's first zone in the tz database when none is set].": '同時設置團隊時區 '
                                                                                                                       '[默認：保持不變；未設置時取 '
                                                                                                                       'tz '
                                                                                                                       '數據庫中該國家的第一個時區]。',
 "Also tell the team's overdue webhooks about the late ones not told before (for cron; see `notify`).": '同時把之前未通知過的超時投訴告知團隊的超時 '
                                                                                                        'webhook（供 '
                                                                                                        'cron 使用；見 '
                                                                                                        '`notify`）。',
 'Also the records merged into another customer.': '也包括已併入其他客戶的記錄。',
 'Any rejected row aborts the import: nothing written.': '任何一行被拒絕就中止導入：什麼都不寫入。',
 'Assign a complaint to an agent, or --unassign it.': '把投訴分配給坐席，或用 --unassign 取消分配。',
 'Assigned to this agent.': '分配給該坐席的。',
 'At a terminal: offer the calls whose logging failed after their questions (kept as drafts), and log the one chosen.': '在終端中：列出在回答問題後登記失敗的來電（保存爲草稿），並登記所選的一條。',
 'At most this many [default: 100 for tables, all otherwise]; 0 for all.': '最多這麼多條 [默認：表格 100 條，其他格式全部]；0 爲全部。',
 'At most this many, newest first; 0 for all.': '最多這麼多條，最新的在前；0 爲全部。',
 'At most this many.': '最多這麼多條。',
 'At most this many; 0 for all [default: 100 for tables, all otherwise].': '最多這麼多條；0 爲全部 [默認：表格 100 條，其他格式全部]。',
 'Back to the default text.': '恢復爲默認文字。',
 'CSV delimiter: , ; tab | [default: sniffed].': 'CSV 分隔符：, ; tab | [默認：自動識別]。',
 'CSV for Excel, from any command (also after it): UTF-8 with a byte order mark and CRLF line ends.': '供 Excel 使用的 '
                                                                                                      'CSV，適用於任何命令（也可寫在命令之後）：帶字節順序標記的 '
                                                                                                      'UTF-8，CRLF 換行。',
 "CSV, JSON array, NDJSON or workbooks (.xlsx, .xls, .xlsb, .ods); '-' for stdin.": 'CSV、JSON 數組、NDJSON '
                                                                                    "或工作簿（.xlsx、.xls、.xlsb、.ods）；'-' "
                                                                                    '表示標準輸入。',
 'CSV: only this section (e.g. category, agents).': 'CSV：只輸出這一部分（例如 category、agents）。',
 "Change a customer's details, for all their complaints (an event each).": '修改客戶資料，對其所有投訴生效（每次一條事件）。',
 "Change a reply template's text or category.": '修改回覆模板的文字或類別。',
 "Change a severity's targets; the open complaints it times get new due times (of that\nseverity, and without one when it is the `sla default`).": '修改某嚴重程度的時限；由它計時的未結投訴獲得新的到期時間（該嚴重程度的，以及它是 '
                                                                                                                                                   '`sla '
                                                                                                                                                   'default` '
                                                                                                                                                   '時沒有嚴重程度的）。',
 "Check the database: the file's integrity, its schema, references, the audit trail (the hash\nchain of the events, and that complaints hold what their events say), times, statuses and SLA\nclocks. Reads only. Exit 0 all ok, 1 a problem found (warnings alone exit 0).": '檢查數據庫：文件完整性、結構、引用、審計記錄（事件的哈希鏈，以及投訴與其事件是否一致）、時間、狀態和時限計時。只讀。退出碼 '
                                                                                                                                                                                                                                                                              '0 '
                                                                                                                                                                                                                                                                              '全部正常，1 '
                                                                                                                                                                                                                                                                              '發現問題（僅有警告時爲 '
                                                                                                                                                                                                                                                                              '0）。',
 'Chinese label.': '中文標籤。',
 'Choose the e-mails customers get (their language: the one the complaint is written in).': '選擇客戶收到的郵件（語言：投訴所用的語言）。',
 'Clear the assignee.': '清除處理人。',
 'Close a complaint with its outcome and resolution.': '以處理結果和解決方案關閉投訴。',
 'Close resolved complaints with no follow-up after this many days [default: the saved setting, 14].': '關閉已解決且這麼多天內無人回訪的投訴 '
                                                                                                       '[默認：已保存的設置，14]。',
 'Codes as their English or Chinese labels, for people (zh: Chinese column headers in CSV and xlsx too); import reads them back.': '代碼顯示爲英文或中文標籤，供人閱讀（zh：CSV '
                                                                                                                                   '和 '
                                                                                                                                   'xlsx '
                                                                                                                                   '的列名也用中文）；導入時可讀回。',
 'Comma-separated columns to export [default: all].': '要導出的列，以逗號分隔 [默認：全部]。',
 'Complaint id (42, #42) or reference (ref:INC0012, H1); none with --unclassified.': '投訴編號（42、#42）或參考號（ref:INC0012、H1）；與 '
                                                                                     '--unclassified 一起時不需要。',
 'Complaint id (42, #42) or reference (ref:INC0012, or a reference that is not a number: H1).': '投訴編號（42、#42）或參考號（ref:INC0012，或不是數字的參考號：H1）。',
 'Complaints with any of the words, not all of them.': '包含任一詞語的投訴，而不是全部詞語。',
 "Copy the database to a backup file, consistently, while others keep working; the copy\npasses SQLite's integrity check before it takes the backup's name. Prints the backup's path.": '在其他人繼續工作的同時，把數據庫一致地複製到備份文件；副本通過 '
                                                                                                                                                                                        'SQLite '
                                                                                                                                                                                        '完整性檢查後才使用備份文件名。打印備份的路徑。',
 'Corrected received time. ISO, 2026/11/3 14:05, 3 Nov 2026, 2026年11月3日, today, yesterday, 15:30 (today, or yesterday if still to come).': '更正後的受理時間。ISO、2026/11/3 '
                                                                                                                                           '14:05、3 '
                                                                                                                                           'Nov '
                                                                                                                                           '2026、2026年11月3日、today、yesterday、15:30（今天，若尚未到則爲昨天）。',
 'Country or region: CN, HK, TW, SG, US, GB, DE, or COUNTRY-SUBDIVISION such as US-CA or DE-BY.': '國家或地區：CN、HK、TW、SG、US、GB、DE，或 '
                                                                                                  '國家-地區 如 '
                                                                                                  'US-CA、DE-BY。',
 "Create DEST's directory if it does not exist (without it, a missing directory, say an unmounted disk, is refused).": '如果 '
                                                                                                                       'DEST '
                                                                                                                       '的目錄不存在就創建它（不加此項時，目錄不存在，比如磁盤未掛載，會被拒絕）。',
 'Create the database, or bring it up to date: rebuild the indexes an interrupted import\nleft deferred, recreate indexes, views and triggers dropped by hand. Safe to run again.': '創建數據庫，或將其更新到最新：重建被中斷的導入延後的索引，重新創建被手工刪除的索引、視圖和觸發器。可以重複運行。',
 'Customer id (#12 or 12).': '客戶編號（#12 或 12）。',
 'Customer id.': '客戶編號。',
 "Customer's company.": '客戶的公司。',
 "Customer's email (used to match repeat customers).": '客戶的郵箱（用於識別重複投訴的客戶）。',
 "Customer's name, or #ID of a known customer.": '客戶姓名，或已知客戶的 #編號。',
 "Customer's phone (used to match repeat customers).": '客戶的電話（用於識別重複投訴的客戶）。',
 'Customers: list, show their history, edit their details, merge duplicates.': '客戶：列出、查看歷史、修改資料、合併重複記錄。',
 'Database file [default: $COMPLAINTCTL_DB, else the per-user file; see `complaintctl info`]': '數據庫文件 '
                                                                                               '[默認：$COMPLAINTCTL_DB，否則爲每個用戶自己的文件；見 '
                                                                                               '`complaintctl info`]',
 'Deactivate an agent: nothing new can be assigned to them; history stays. If they still have\nopen complaints, say what becomes of them (refused, with the list, otherwise).': '停用坐席：不能再給其分配新投訴；歷史保留。如果其仍有未結投訴，需說明如何處理（否則拒絕並列出這些投訴）。',
 "DingTalk or Feishu signing secret (kept in the database, like the URL's token).": '釘釘或飛書的簽名密鑰（與 URL 中的令牌一樣保存在數據庫中）。',
 'Display name, e.g. 李伟.': '顯示名稱，例如 李偉。',
 "Do not prefix cells starting with = + - @ with '.": "不給以 = + - @ 開頭的單元格加 ' 前綴。",
 'E-mail the customer an acknowledgement when a complaint with their address is logged.': '登記帶有客戶郵箱的投訴時，給客戶發送受理確認郵件。',
 'E-mail the customer the decision when their complaint is closed as resolved or rejected.': '投訴以已解決或已駁回關閉時，給客戶發送處理決定郵件。',
 'End of the period, exclusive; a bare date includes that day.': '時間段的結束（不含）；只寫日期時包含當天。',
 'English label.': '英文標籤。',
 'Escalate: raise the severity (one step by default) and/or hand over to a lead.': '升級：提高嚴重程度（默認一級），和/或交給組長。',
 'Every import made into this database, the newest first: its id (for `import undo`), when,\nthe file, who, its counts, how many of the complaints it created are still there, and\nwhether it was undone.': '在此數據庫中做過的每次導入，最新的在前：編號（供 '
                                                                                                                                                                                                             '`import '
                                                                                                                                                                                                             'undo` '
                                                                                                                                                                                                             '使用）、時間、文件、操作人、各項計數、它創建的投訴還剩多少，以及是否已撤銷。',
 "Every open complaint's SLA clock, due soonest first: which clock runs, when it is due, time left or over.": '每件未結投訴的時限計時，最先到期的在前：哪個計時在運行、何時到期、剩餘或超時多久。',
 'Excel: the worksheet to read [default: the first visible one].': 'Excel：要讀取的工作表 [默認：第一個可見的工作表]。',
 'The line (sheet row) that names the columns; the lines above it are skipped [default: found: the first row, or the one below a title].': '寫着列名的那一行（工作表的行號）；它上面的行都跳過 '
                                                                                                                                           '[默認：自動找出：第一行，或標題下面的那一行]。',
 'The file has no header row: every row is a complaint, its columns read by their values (or --map column_N=FIELD).': '文件沒有表頭行：每一行都是一條投訴，各列按其中的值判斷（或用 '
                                                                                                                      '--map '
                                                                                                                      'column_N=字段）。',
 'Exit 1 when anything is overdue (for monitoring).': '有任何超時時退出碼爲 1（用於監控）。',
 'Exit 4 when overall compliance is below PCT.': '總體達成率低於 PCT 時退出碼爲 4。',
 'Exit 4 when response or resolution compliance is below PCT (for monitoring).': '響應或解決達成率低於 PCT 時退出碼爲 4（用於監控）。',
 'Export complaints (the same filters as list) to CSV, JSON, NDJSON or an Excel workbook, for other tools or\nfor import into another database.': '導出投訴（篩選條件與 '
                                                                                                                                                  'list '
                                                                                                                                                  '相同）爲 '
                                                                                                                                                  'CSV、JSON、NDJSON '
                                                                                                                                                  '或 '
                                                                                                                                                  'Excel '
                                                                                                                                                  '工作簿，供其他工具使用或導入另一個數據庫。',
 'File this complaint under this customer: a name (matched with --email/--phone as log does, else a new customer) or #ID.': '把此投訴歸到這位客戶名下：姓名（與 '
                                                                                                                            'log '
                                                                                                                            '一樣用 '
                                                                                                                            '--email/--phone '
                                                                                                                            '匹配，否則爲新客戶）或 '
                                                                                                                            '#編號。',
 'Fill a demo database with a realistic history, then print the weekly report.\nWithout --db it uses demo.db beside the default database, never your real data.': '用真實的歷史填充演示數據庫，然後打印週報。不加 '
                                                                                                                                                                  '--db '
                                                                                                                                                                  '時使用默認數據庫旁的 '
                                                                                                                                                                  'demo.db，絕不動你的真實數據。',
 'Fill the --db database even if it already has complaints.': '即使 --db 數據庫中已有投訴也填充。',
 'Filled in for this complaint, as it would be sent.': '按此投訴填好，即發送時的樣子。',
 'Find complaints by the words in them: subject, description, resolution, customer, tags, the notes\non their timeline, ref and imported extra columns. Chinese words of any length and English words\nor phrases, in any case; best match first, with the part that matched.': '按其中的詞語查找投訴：主題、描述、解決方案、客戶、標籤、時間線上的備註、參考號和導入的附加列。任意長度的中文詞語和英文單詞或短語，不區分大小寫；最匹配的在前，並顯示匹配的部分。',
 'First-response target: 90m, 4h, 1d, or 4bh, 1bd.': '首次響應時限：90m、4h、1d，或 4bh、1bd。',
 'Forget a taught alias (complaints it classified keep their codes).': '忘記一個教過的別名（由它分類的投訴保留其代碼）。',
 'Format of the report printed after.': '之後打印的報告格式。',
 "Give complaints without a severity an SLA clock: that severity's targets (their severity\nstays empty). Open ones get due times at once.": '給沒有嚴重程度的投訴一個時限計時：使用該嚴重程度的時限（它們的嚴重程度仍爲空）。未結投訴立即獲得到期時間。',
 'Hand it over to this agent (usually a lead).': '交給這位坐席（通常是組長）。',
 'Hand their open complaints to this agent.': '把其未結投訴交給這位坐席。',
 'Has this tag; repeat to require all.': '帶有此標籤；重複使用則要求全部都有。',
 'Housekeeping for cron: close resolved complaints nobody followed up. Idempotent.': '供 cron '
                                                                                     '使用的日常整理：關閉無人回訪的已解決投訴。可重複運行，結果不變。',
 "How far to trust suggestions: top-1 and top-3 accuracy on a held-out fifth of the team's\nclassified complaints, against always guessing the commonest code, and per code.": '建議有多可信：在團隊已分類投訴中留出五分之一，計算第一名和前三名的準確率，與總是猜最常見代碼相比，並按代碼列出。',
 'How it came in: phone, email, web, social, store, chat, letter, other.': '投訴來源：phone、email、web、social、store、chat、letter、other。',
 'How many full weeks.': '多少個完整的周。',
 'How many weeks of history.': '多少週的歷史。',
 'How the decision reached the customer [default: intake channel].': '處理決定是如何告知客戶的 [默認：受理渠道]。',
 'IANA zone, e.g. Asia/Shanghai.': 'IANA 時區，例如 Asia/Shanghai。',
 'ISO week, e.g. 2026-W47 [default: the last full week, local time].': 'ISO 周，例如 2026-W47 [默認：上一個完整的周，本地時間]。',
 'Import complaints from CSV, JSON, NDJSON or Excel exports. Exit 0: all rows imported or already\nthere; 3: some rows rejected or repeating an earlier row with other values (see the rejects file);\n1: --strict with rows rejected (nothing written), or stopped by a failure (a full disk, a lock held too\nlong: the rows saved before it are said); 2: bad input.\nSeveral files are imported one after another, each on its own; the exit code is the worst.': '從 '
                                                                                                                                                                                                                                                                                                                                                                                                                                                                      'CSV、JSON、NDJSON '
                                                                                                                                                                                                                                                                                                                                                                                                                                                                      '或 '
                                                                                                                                                                                                                                                                                                                                                                                                                                                                      'Excel '
                                                                                                                                                                                                                                                                                                                                                                                                                                                                      '導出文件導入投訴。退出碼 '
                                                                                                                                                                                                                                                                                                                                                                                                                                                                      '0：所有行已導入或已存在；3：有行被拒絕，或與之前某行重複但值不同（見拒絕文件）；1：使用 '
                                                                                                                                                                                                                                                                                                                                                                                                                                                                      '--strict '
                                                                                                                                                                                                                                                                                                                                                                                                                                                                      '且有行被拒絕（什麼都不寫入），或因故障停止（磁盤已滿、鎖被佔用過久：會說明故障前已保存的行）；2：輸入有誤。多個文件逐個導入，各自獨立；退出碼取最差的一個。',
 'Import complaints from files (`complaintctl import FILE...`), list the imports made (`import list`), undo one (`import undo ID`). A file named list, undo or files: write it as ./list.': '從文件導入投訴（`complaintctl '
                                                                                                                                                                                            'import '
                                                                                                                                                                                            'FILE...`）、列出做過的導入（`import '
                                                                                                                                                                                            'list`）、撤銷一次導入（`import '
                                                                                                                                                                                            'undo '
                                                                                                                                                                                            'ID`）。文件名爲 '
                                                                                                                                                                                            'list、undo '
                                                                                                                                                                                            '或 '
                                                                                                                                                                                            'files '
                                                                                                                                                                                            '時，寫成 '
                                                                                                                                                                                            './list。',
 'Import holidays and extra working days from a simple text file.': '從簡單文本文件導入假日和調休工作日。',
 'Include inactive agents.': '包括已停用的坐席。',
 'Install completion for the current shell.': '爲當前 shell 安裝命令補全。',
 'Instead: the labels imports could not place, with how many complaints still wait for an alias.': '改爲列出：導入無法歸類的標籤，以及還有多少投訴在等待別名。',
 "Investigation note or reply; '-' reads stdin.": "調查備註或回覆；'-' 從標準輸入讀取。",
 'Language of the report: en or zh [default: $COMPLAINTCTL_LANG, else a zh LANG, else en].': '報告語言：en 或 zh '
                                                                                             '[默認：$COMPLAINTCTL_LANG，否則按中文 '
                                                                                             'LANG，否則 en]。',
 'Leave their open complaints with them.': '其未結投訴仍由其處理。',
 'Lines: DATE[..DATE] holiday|workday [note]': '每行：日期[..日期] holiday|workday [備註]',
 'List agents with their open complaints.': '列出坐席及其未結投訴。',
 'List codes with their English and Chinese labels.': '列出代碼及其英文和中文標籤。',
 'List complaints, newest first, with filters.': '列出投訴，最新的在前，可加篩選條件。',
 'List customers with their complaints (open ones too), the most recently heard from first.': '列出客戶及其投訴（包括未結的），最近聯繫的在前。',
 'List reply templates with the start of their text.': '列出回覆模板及其文字開頭。',
 'List the aliases labels are read through: those the team taught, then the built-in ones.': '列出讀取標籤所用的別名：先是團隊教過的，然後是內置的。',
 "Load a country's public holidays and make-up working days (调休) into the calendar, and turn it on.": '把一個國家的法定假日和調休工作日載入日曆，並啓用日曆。',
 'Lowercase code, e.g. warranty_claim.': '小寫代碼，例如 warranty_claim。',
 'Mark days as extra working days, e.g. a weekend day moved around a public holiday (调休).': '把某些日子標爲調休工作日，例如因法定假日調換的週末（調休）。',
 'Mark days as holidays (no working time).': '把某些日子標爲假日（沒有工作時間）。',
 'Merge records that are the same person: their complaints move to KEEP, details KEEP lacks\nare filled in, and each merged record stays as an alias (its email and phone still find KEEP).': '合併同一人的記錄：其投訴移到 '
                                                                                                                                                                                              'KEEP '
                                                                                                                                                                                              '名下，KEEP '
                                                                                                                                                                                              '缺少的資料被補上，每條被合併的記錄保留爲別名（其郵箱和電話仍能找到 '
                                                                                                                                                                                              'KEEP）。',
 "Move a complaint through its lifecycle, add a note, or edit its fields. Customer options\nchange this complaint only; `customers edit` changes a customer's record.": '推進投訴的處理流程、添加備註或修改其字段。客戶選項只改這件投訴；`customers '
                                                                                                                                                                        'edit` '
                                                                                                                                                                        '修改客戶的記錄。',
 "Name or company contains, or exact email/phone (a merged record's too), or #ID.": '姓名或公司包含，或郵箱/電話完全一致（包括已合併的記錄），或 '
                                                                                    '#編號。',
 'Name or company contains, or exact email/phone, or #ID.': '姓名或公司包含，或郵箱/電話完全一致，或 #編號。',
 "New company; 'none' clears.": "新公司；'none' 表示清除。",
 "New description; '-' reads stdin.": "新描述；'-' 從標準輸入讀取。",
 "New email; 'none' clears.": "新郵箱；'none' 表示清除。",
 "New name; 'none' clears.": "新姓名；'none' 表示清除。",
 "New phone; 'none' clears.": "新電話；'none' 表示清除。",
 'New subject.': '新主題。',
 'One SQL statement, or - to read it from stdin.': '一條 SQL 語句，或 - 從標準輸入讀取。',
 'One day or a range, e.g. 2026-10-01..2026-10-07.': '一天或一個範圍，例如 2026-10-01..2026-10-07。',
 'One kind [default: all].': '一種 [默認：全部]。',
 'Only complaints assigned to me (the agent named by --actor).': '只看分配給我的投訴（--actor 指定的坐席）。',
 'Only complaints nobody has.': '只看無人處理的投訴。',
 'Only complaints that came in by this channel.': '只看通過此渠道受理的投訴。',
 'Only complaints that were escalated.': '只看升級過的投訴。',
 'Only hand over; leave the severity.': '只移交；不改嚴重程度。',
 'Only list what would be closed.': '只列出將被關閉的投訴。',
 'Only open (new, acknowledged, investigating, waiting: not resolved, not closed) or only closed.': '只看未結的（新建、已受理、調查中、等待中：未解決、未關閉）或只看已關閉的。',
 'Only the messages not sent (failed, pending).': '只看未發出的消息（失敗、待發送）。',
 'Only these messages [default: every one not sent].': '只處理這些消息 [默認：所有未發出的]。',
 'Only these statuses; repeatable.': '只看這些狀態；可重複。',
 'Only this category (a code, its label or a taught alias).': '只看此類別（代碼、其標籤或教過的別名）。',
 'Only this severity.': '只看此嚴重程度。',
 'Only those about this complaint.': '只看與此投訴有關的。',
 'Open complaints past a due time (and due soon with --within): the most urgent, by assignee.': '已過到期時間的未結投訴（加 '
                                                                                                '--within '
                                                                                                '時也包括即將到期的）：最緊急的，按處理人列出。',
 'Output format: table, json, ndjson or csv.': '輸出格式：table、json、ndjson 或 csv。',
 'Output format: table, json, ndjson or csv. csv and ndjson: the complaints.': '輸出格式：table、json、ndjson 或 csv。csv 和 '
                                                                               'ndjson：只輸出投訴。',
 'Personality: handling advice in Chinese.': '客戶性格：中文的處理建議。',
 'Personality: handling advice in English.': '客戶性格：英文的處理建議。',
 'Print Datasette metadata for the database: what each table and column holds, labels instead\nof codes, facets and canned queries for the common questions. Use it as\n`datasette complaints.db -m metadata.json`.': '打印數據庫的 '
                                                                                                                                                                                                                      'Datasette '
                                                                                                                                                                                                                      '元數據：每個表和列的內容、用標籤代替代碼、常見問題的分面和預設查詢。用法：`datasette '
                                                                                                                                                                                                                      'complaints.db '
                                                                                                                                                                                                                      '-m '
                                                                                                                                                                                                                      'metadata.json`。',
 "Print a template's text (each language), or with --for ID the reply that complaint would get.": '打印模板的文字（每種語言），或用 '
                                                                                                  '--for ID '
                                                                                                  '打印該投訴會收到的回覆。',
 'Print how each column will be read; write nothing.': '打印每列將如何讀取；不寫入。',
 'Print instead the configuration file Datasette 1.0 reads with -c (canned queries, labels, facets).': '改爲打印 Datasette '
                                                                                                       '1.0 用 -c '
                                                                                                       '讀取的配置文件（預設查詢、標籤、分面）。',
 "Print the chain head (ID:HASH of the newest event). Keep it somewhere the database's users cannot\nwrite (a log, an e-mail, from cron); `complaintctl check --against HEAD` later proves that nothing at\nor before it changed.": '打印鏈頭（最新事件的 '
                                                                                                                                                                                                                                    'ID:HASH）。把它保存在數據庫用戶無法寫入的地方（日誌、郵件、cron）；以後用 '
                                                                                                                                                                                                                                    '`complaintctl '
                                                                                                                                                                                                                                    'check '
                                                                                                                                                                                                                                    '--against '
                                                                                                                                                                                                                                    'HEAD` '
                                                                                                                                                                                                                                    '證明它及之前的內容都沒有改動。',
 'Print the version and exit.': '打印版本並退出。',
 "Print what the team's history suggests (top three codes per field, confidence, the words that drove them); writes nothing.": '打印團隊歷史給出的建議（每個字段的前三個代碼、置信度、起作用的詞語）；不寫入。',
 'Print which database file is in use, its schema version, SQLite version and row counts.': '打印正在使用的數據庫文件、其結構版本、SQLite '
                                                                                            '版本和各錶行數。',
 'Put a backup back in place of the database. Refused while anyone else has the database open;\nwhat it replaces is kept in backups/ (named ...-before-restore-...); the backup and the result\nare checked.': '用備份替換數據庫。有其他人打開數據庫時拒絕；被替換的內容保存在 '
                                                                                                                                                                                                               'backups/ '
                                                                                                                                                                                                               '中（名爲 '
                                                                                                                                                                                                               '...-before-restore-...）；備份和結果都會檢查。',
 'Random seed: the same seed gives the same history.': '隨機種子：相同的種子生成相同的歷史。',
 'Read 03/11/2026 as 3 Nov (or 11 Mar) in every date column [default: decided per column from its values; month first if none settles it].': '在每個日期列中把 '
                                                                                                                                             '03/11/2026 '
                                                                                                                                             '讀作 '
                                                                                                                                             '11 '
                                                                                                                                             '月 '
                                                                                                                                             '3 '
                                                                                                                                             '日（或 '
                                                                                                                                             '3 '
                                                                                                                                             '月 '
                                                                                                                                             '11 '
                                                                                                                                             '日）[默認：按每列的值決定；沒有值能確定時按月在前]。',
 "Read a column into a field (or 'ignore', 'extra'); repeatable.": "把某列讀入某字段（或 'ignore'、'extra'）；可重複。",
 'Received before (a bare date includes that day).': '在此時間之前受理（只寫日期時包含當天）。',
 'Received on or after. ISO, 2026/11/3 14:05, 3 Nov 2026, 2026年11月3日, today, yesterday, 15:30 (today, or yesterday if still to come).': '在此時間或之後受理。ISO、2026/11/3 '
                                                                                                                                        '14:05、3 '
                                                                                                                                        'Nov '
                                                                                                                                        '2026、2026年11月3日、today、yesterday、15:30（今天，若尚未到則爲昨天）。',
 'Recompute SLA state from the event log and compare it with what is stored (exit 1 on drift).': '根據事件記錄重新計算時限狀態，並與保存的狀態比較（有偏差時退出碼爲 '
                                                                                                 '1）。',
 'Record a new complaint and print its id. At a terminal without --subject, ask for it.': '登記一件新投訴並打印其編號。在終端中未給 '
                                                                                          '--subject 時會詢問。',
 "Record the customer's satisfaction after resolution (resolved or closed complaints).": '記錄客戶在解決後的滿意度（已解決或已關閉的投訴）。',
 'Records of the same person, merged into KEEP.': '同一人的記錄，併入 KEEP。',
 'Remove a reply template (every language, or NAME:LANG). The timeline keeps the replies sent.': '刪除回覆模板（所有語言，或 '
                                                                                                 'NAME:LANG）。時間線保留已發送的回覆。',
 'Remove a rule.': '刪除一條規則。',
 'Remove a tag; repeatable.': '刪除標籤；可重複。',
 'Remove a webhook.': '刪除一個 webhook。',
 'Remove the complaints and customers an import created that nobody has touched since, in\none transaction, and say what was kept and why. Kept: a complaint with any change, note,\nreply, survey or message since, or that another complaint is a duplicate of; a customer a\nremaining complaint names, or changed since. Every removal is an event in the audit trail\n(`complaintctl check` accounts for it); the events themselves stay.': '在一個事務中刪除某次導入創建且之後無人改動的投訴和客戶，並說明保留了什麼以及原因。保留：之後有任何變更、備註、回覆、回訪或消息的投訴，或有其他投訴標記爲其重複的投訴；仍有投訴指向的客戶，或之後改動過的客戶。每次刪除都是審計記錄中的一條事件（`complaintctl '
                                                                                                                                                                                                                                                                                                                                                                                                                                                 'check` '
                                                                                                                                                                                                                                                                                                                                                                                                                                                 '會覈對）；事件本身保留。',
 'Remove these days instead.': '改爲刪除這些日子。',
 'Reopen a resolved or closed complaint (back to investigating).': '重開已解決或已關閉的投訴（回到調查中）。',
 'Reopen the complaint: the customer is not satisfied.': '重開投訴：客戶不滿意。',
 'Replace DEST if it exists (never a database, a backup or a read-only file).': '如果 DEST 已存在就替換它（絕不替換數據庫、備份或只讀文件）。',
 'Reply templates: the answers a team gives again and again, per language and category, sent with `update ID --reply NAME` or `close ID --reply NAME`.': '回覆模板：團隊一再給出的答覆，按語言和類別區分，用 '
                                                                                                                                                         '`update '
                                                                                                                                                         'ID '
                                                                                                                                                         '--reply '
                                                                                                                                                         'NAME` '
                                                                                                                                                         '或 '
                                                                                                                                                         '`close '
                                                                                                                                                         'ID '
                                                                                                                                                         '--reply '
                                                                                                                                                         'NAME` '
                                                                                                                                                         '發送。',
 'Reports for people and for cron: weekly, agents, sla, trends, causes.': '給人看和給 cron '
                                                                          '用的報告：weekly、agents、sla、trends、causes。',
 'Resolution target: 24h, 3d, or 5bd.': '解決時限：24h、3d 或 5bd。',
 'Resolved complaints waiting for a satisfaction follow-up, most urgent (longest waiting) first.': '已解決、等待滿意度回訪的投訴，最緊急（等待最久）的在前。',
 'Resolved within the last DAYS days [default: 14]; 0 for every resolved complaint that never had a follow-up.': '最近 '
                                                                                                                 'DAYS '
                                                                                                                 '天內解決的 '
                                                                                                                 '[默認：14]；0 '
                                                                                                                 '表示所有從未回訪過的已解決投訴。',
 'Return their open complaints to the queue.': '把其未結投訴放回待處理隊列。',
 'Root cause found by investigation.': '調查發現的根本原因。',
 'Root-cause Pareto: which causes make up 80% of complaints, for prevention.': '根本原因帕累托分析：哪些原因佔了 80% 的投訴，用於預防。',
 'Rows per committed batch (1 to 100,000).': '每批提交的行數（1 到 100,000）。',
 'Rows without a received time get the import time (refused otherwise).': '沒有受理時間的行使用導入時間（否則拒絕）。',
 'Rules the team writes: a pattern that suggests a code, winning over the model.': '團隊編寫的規則：匹配某模式時建議某代碼，優先於模型。',
 'Run a read-only SQL query on the database and print the rows (docs/schema.md has the\ntables, views and examples). Nothing typed here can change the data. Rows are streamed;\nCtrl-C stops the query at once.': '在數據庫上運行只讀 '
                                                                                                                                                                                                                   'SQL '
                                                                                                                                                                                                                   '查詢並打印結果（docs/schema.md '
                                                                                                                                                                                                                   '有表、視圖和示例）。在這裏輸入的內容不會改變數據。結果逐行輸出；Ctrl-C '
                                                                                                                                                                                                                   '立即停止查詢。',
 'SLA compliance by severity and by week.': '按嚴重程度和按周的時限達成率。',
 'SLA targets per severity, the business calendar, and a consistency check.': '各嚴重程度的時限、工作日曆和一致性檢查。',
 "SQLite's quick_check instead of the full integrity check; verify only the newest 10,000 links of the audit chain; skip replaying the events and the SLA clocks.": '用 '
                                                                                                                                                                    'SQLite '
                                                                                                                                                                    '的 '
                                                                                                                                                                    'quick_check '
                                                                                                                                                                    '代替完整的完整性檢查；只驗證審計鏈最新的 '
                                                                                                                                                                    '10,000 '
                                                                                                                                                                    '個環節；跳過事件重放和時限計時。',
 'Satisfaction from 1 (very unhappy) to 5.': '滿意度，從 1（非常不滿意）到 5。',
 'Save --close-after as the default.': '把 --close-after 保存爲默認值。',
 'Say what would be removed and kept; change nothing.': '說明將刪除和保留什麼；不做任何改動。',
 'Send a test e-mail to this address.': '向這個地址發送測試郵件。',
 'Send a test message now (even while notifications are off); exit 1 if it does not go.': '立即發送一條測試消息（即使通知已關閉）；未發出時退出碼爲 '
                                                                                          '1。',
 'Send a test message to this webhook.': '向這個 webhook 發送測試消息。',
 'Send for at most this long (1 to 600); what is left waits for the next run.': '最多發送這麼久（1 到 600）；剩下的等下次運行。',
 "Send this reply template (`replies list`), filled in for the complaint, to the customer's e-mail when e-mail is set up (`notify smtp`); otherwise it is recorded, not sent, and is not their first response unless --to-customer says you told them yourself; :zh or :en picks the language [default: the complaint's].": '把此回覆模板（`replies '
                                                                                                                                                                                                                                                                                                                            'list`）按投訴填好，在設置了郵件時（`notify '
                                                                                                                                                                                                                                                                                                                            'smtp`）發送到客戶郵箱；否則只記錄不發送，且不算首次響應，除非用 '
                                                                                                                                                                                                                                                                                                                            '--to-customer '
                                                                                                                                                                                                                                                                                                                            '說明你已親自告知；:zh '
                                                                                                                                                                                                                                                                                                                            '或 '
                                                                                                                                                                                                                                                                                                                            ':en '
                                                                                                                                                                                                                                                                                                                            '選擇語言 '
                                                                                                                                                                                                                                                                                                                            '[默認：投訴的語言]。',
 "Send this reply template (`replies list`), filled in for the complaint, to the customer's e-mail when e-mail is set up (`notify smtp`); otherwise it is recorded, not sent, and is not their first response unless --to-customer says you told them yourself; :zh or :en picks the language [default: the complaint's]. It is also the resolution unless -r gives one.": '把此回覆模板（`replies '
                                                                                                                                                                                                                                                                                                                                                                           'list`）按投訴填好，在設置了郵件時（`notify '
                                                                                                                                                                                                                                                                                                                                                                           'smtp`）發送到客戶郵箱；否則只記錄不發送，且不算首次響應，除非用 '
                                                                                                                                                                                                                                                                                                                                                                           '--to-customer '
                                                                                                                                                                                                                                                                                                                                                                           '說明你已親自告知；:zh '
                                                                                                                                                                                                                                                                                                                                                                           '或 '
                                                                                                                                                                                                                                                                                                                                                                           ':en '
                                                                                                                                                                                                                                                                                                                                                                           '選擇語言 '
                                                                                                                                                                                                                                                                                                                                                                           '[默認：投訴的語言]。若 '
                                                                                                                                                                                                                                                                                                                                                                           '-r '
                                                                                                                                                                                                                                                                                                                                                                           '沒有給出解決方案，它也是解決方案。',
 'Send what is not sent: failed messages, pending ones a killed command left, and those whose\nsender died mid-send (once their lease has run out: a send in progress is never taken). Two\nruns at once never send one message twice; a message cut off after the server had it goes\nagain with the same Message-ID. Exit 1 if some still fail. Off a terminal (cron) it prints\nonly the failures.': '發送未發出的消息：失敗的消息、被中斷的命令留下的待發送消息，以及發送者在發送中途退出的消息（在其租約到期之後：正在發送的絕不會被拿走）。兩次同時運行絕不會把一條消息發兩次；服務器已收到後被中斷的消息會以相同的Message-ID '
                                                                                                                                                                                                                                                                                                                                                                                                        '再發一次。仍有失敗時退出碼爲 '
                                                                                                                                                                                                                                                                                                                                                                                                        '1。不在終端中（cron）時只打印失敗的消息。',
 'Set the business calendar; open complaints get new due times.': '設置工作日曆；未結投訴獲得新的到期時間。',
 "Set the category, severity, cause, customer personality, motive and tags; or see and accept\nwhat the team's history suggests (--suggest, --accept).": '設置類別、嚴重程度、原因、客戶性格、投訴動機和標籤；或查看並接受團隊歷史給出的建議（--suggest、--accept）。',
 "Set the mail server the customer e-mails go through ('' clears a value).": "設置發送客戶郵件所用的郵件服務器（'' 表示清除某項）。",
 'Set this severity [default: one step up].': '設爲此嚴重程度 [默認：提高一級]。',
 'Severity: first-response target, e.g. 4h.': '嚴重程度：首次響應時限，例如 4h。',
 'Severity: resolution target, e.g. 3d.': '嚴重程度：解決時限，例如 3d。',
 'Short login-like name, e.g. li.wei': '簡短的類似登錄名的名稱，例如 li.wei',
 'Show an e-mail template, or change it.': '查看或修改郵件模板。',
 'Show completion for the current shell, to copy it or customize the installation.': '顯示當前 shell 的命令補全，以便複製或自定義安裝。',
 'Show every field of a complaint, handling advice and its timeline.': '顯示投訴的每個字段、處理建議和時間線。',
 'Show or set how long a command (log, close, escalate, ...) spends sending the messages it\nqueued, after its change is saved: what is not sent by then stays queued for `notify retry`\n(from cron), and the command says so. A slow or silent server never holds a command longer.': '查看或設置一個命令（log、close、escalate '
                                                                                                                                                                                                                                                                                        '等）在保存其變更後用多長時間發送它排隊的消息：到時未發出的留在隊列中等待 '
                                                                                                                                                                                                                                                                                        '`notify '
                                                                                                                                                                                                                                                                                        'retry`（由 '
                                                                                                                                                                                                                                                                                        'cron '
                                                                                                                                                                                                                                                                                        '運行），命令會說明這一點。緩慢或無響應的服務器不會讓命令等待更久。',
 "Show or set the team's SLA goal: the share of clocks meant to finish on time (reports mark\nfigures below it).": '查看或設置團隊的時限目標：應按時完成的計時所佔比例（報告會標出低於它的數字）。',
 'Show the business calendar, where its holidays come from, and its special days.': '顯示工作日曆、其假日的來源以及特殊日子。',
 'Show the first-response and resolution targets of each severity, and the calendar.': '顯示各嚴重程度的首次響應和解決時限，以及日曆。',
 'Show tracebacks on errors (also after the command).': '出錯時顯示回溯信息（也可寫在命令之後）。',
 'Show what is set up: the switches, the mail server, the webhooks, the e-mail templates, the outbox.': '顯示已設置的內容：開關、郵件服務器、webhook、郵件模板、發件箱。',
 "Show, read and report times in this time zone [default: $TZ, else the team's (`sla calendar set --timezone`), else the machine's]": '在此時區顯示、讀取和報告時間 '
                                                                                                                                      '[默認：$TZ，否則爲團隊的（`sla '
                                                                                                                                      'calendar '
                                                                                                                                      'set '
                                                                                                                                      '--timezone`），否則爲本機的]',
 'Start of the period (instead of --week).': '時間段的開始（代替 --week）。',
 'Stop the query after this long; 0 for no limit [default: 5 s for a table, none otherwise].': '查詢超過這麼久就停止；0 表示不限 '
                                                                                               '[默認：表格 5 秒，其他格式不限]。',
 'Suggest CODE for FIELD whenever PATTERN is found; a rule wins over the model.': '每當找到 PATTERN 就爲 FIELD 建議 '
                                                                                  'CODE；規則優先於模型。',
 "Suggestions from the team's own history: train, evaluate, rules.": '來自團隊自身歷史的建議：訓練、評估、規則。',
 'TOML mapping file (columns, value aliases, options).': 'TOML 映射文件（列、值的別名、選項）。',
 'Take a complaint for yourself (the agent named by --actor) if nobody has it; refused, naming who\nhas it, if someone does (--force takes it over).': '如果無人處理，就由自己（--actor '
                                                                                                                                                       '指定的坐席）接手投訴；如果已有人處理則拒絕，並說明是誰（--force '
                                                                                                                                                       '強行接手）。',
 'Take it over even if someone else has it (said so on the timeline).': '即使已有他人處理也接手（會記在時間線上）。',
 'Teach a label: import, log, classify, update and list read it as CODE from now on, and the\ncomplaints imported unclassified with that label are classified (one event each).': '教一個標籤：從現在起 '
                                                                                                                                                                                  'import、log、classify、update '
                                                                                                                                                                                  '和 '
                                                                                                                                                                                  'list '
                                                                                                                                                                                  '都把它讀作 '
                                                                                                                                                                                  'CODE，以該標籤按未分類導入的投訴也會被分類（每件一條事件）。',
 "On PostgreSQL: create the desk's agent, lead and auditor roles with the grants each needs (docs/security.md); again after an upgrade.": '在 '
                                                                                                                                          'PostgreSQL '
                                                                                                                                          '上：創建本臺的坐席、主管和審計角色，並授予各自所需的權限（docs/security.md）；升級後再運行一次。',
 "Team mode: the database's folder group-writable (setgid), and the database, its -wal/-shm and backups read-write for the folder's group.": '團隊模式：數據庫所在文件夾可由組寫入（setgid），數據庫、其 '
                                                                                                                                             '-wal/-shm '
                                                                                                                                             '和備份對該文件夾的組可讀寫。',
 "Tell people: an e-mail to the customer when a complaint is logged and when it is closed, and the team's chat (WeCom, DingTalk, Feishu, Slack) when a critical complaint arrives, one is escalated, or `overdue --notify` finds late ones. Off until `notify on`.": '通知相關人員：登記和關閉投訴時給客戶發郵件，有嚴重投訴、投訴升級或 '
                                                                                                                                                                                                                                                                     '`overdue '
                                                                                                                                                                                                                                                                     '--notify` '
                                                                                                                                                                                                                                                                     '發現超時投訴時通知團隊聊天（企業微信、釘釘、飛書、Slack）。在 '
                                                                                                                                                                                                                                                                     '`notify '
                                                                                                                                                                                                                                                                     'on` '
                                                                                                                                                                                                                                                                     '之前關閉。',
 'The From address, e.g. "客服中心 <support@example.cn>".': '發件人地址，例如 "客服中心 <support@example.cn>"。',
 'The agent to assign it to (an active agent).': '要分配給的坐席（在職坐席）。',
 "The agent's name.": '坐席的姓名。',
 'The agents complaints are assigned to.': '投訴分配給的坐席。',
 'The audit chain: every event hashed with the one before it.': '審計鏈：每條事件都與前一條一起計算哈希。',
 'The category it answers [default: any].': '它答覆的類別 [默認：任意]。',
 "The category it answers; 'none' for any.": "它答覆的類別；'none' 表示任意。",
 'The clocks as they stood at that moment (replayed from events).': '那一時刻的計時狀態（根據事件重放）。',
 "The code it means, e.g. delivery_delay (or that code's label).": '它代表的代碼，例如 delivery_delay（或該代碼的標籤）。',
 'The code lists complaints are classified with.': '用於給投訴分類的代碼表。',
 'The code to suggest (a code, label or alias).': '要建議的代碼（代碼、標籤或別名）。',
 'The customer record to keep.': '要保留的客戶記錄。',
 "The customer's company: added if they have none.": '客戶的公司：沒有時添加。',
 "The customer's email: added if they have none.": '客戶的郵箱：沒有時添加。',
 "The customer's phone: added if they have none.": '客戶的電話：沒有時添加。',
 "The database's name in Datasette [default: the file's name without .db, as Datasette names it].": 'Datasette 中的數據庫名稱 '
                                                                                                    '[默認：文件名去掉 .db，與 '
                                                                                                    'Datasette 的命名相同]。',
 'The description: Write it in $VISUAL or $EDITOR (a given text or reply is the draft).': '描述：在 $VISUAL 或 $EDITOR '
                                                                                          '中編寫（已給出的文字或回覆作爲草稿）。',
 'The environment variable that holds the password (read when sending; never stored).': '存放密碼的環境變量（發送時讀取；從不保存）。',
 "The files' format: csv, json, ndjson or xlsx (any workbook) [default: from the extension].": '文件格式：csv、json、ndjson 或 '
                                                                                               'xlsx（任何工作簿）[默認：按擴展名]。',
 "The full text; '-' reads it from standard input.": "完整的文字；'-' 從標準輸入讀取。",
 "The import's id, as `import list` shows it (#3 or 3).": '導入的編號，即 `import list` 顯示的（#3 或 3）。',
 'The kept report to compare with: first, last, or its id in the reports table.': '要比較的已保存報告：first、last，或其在 reports '
                                                                                  '表中的編號。',
 'The kind the alias was taught for.': '教該別名時所用的種類。',
 'The label as files and people write it, e.g. 交付延误.': '文件和人們所寫的標籤，例如 交付延誤。',
 'The last N full weeks [default: 12 when no period is given].': '最近 N 個完整的周 [默認：未給出時間段時爲 12]。',
 'The last N full weeks instead of one.': '最近 N 個完整的周，而不是一週。',
 'The login, if the server wants one.': '登錄名，如果服務器需要。',
 'The mail server, e.g. smtp.exmail.qq.com.': '郵件服務器，例如 smtp.exmail.qq.com。',
 'The messages queued, sent and failed, newest first.': '已排隊、已發送和失敗的消息，最新的在前。',
 'The models in the database: field, method, version, when trained, on how many, their size.': '數據庫中的模型：字段、方法、版本、訓練時間、訓練樣本數、大小。',
 'The new goal, e.g. 95.': '新的目標，例如 95。',
 'The newest N [default: all].': '最新的 N 條 [默認：全部]。',
 'The note is a message the customer was sent (their first response).': '該備註是發給客戶的消息（即首次響應）。',
 'The note or reply: Write it in $VISUAL or $EDITOR (a given text or reply is the draft).': '備註或回覆：在 $VISUAL 或 $EDITOR '
                                                                                            '中編寫（已給出的文字或回覆作爲草稿）。',
 'The old spelling of --format (deprecated).': '--format 的舊寫法（已棄用）。',
 'The resolution (the reply, with --reply): Write it in $VISUAL or $EDITOR (a given text or reply is the draft).': '解決方案（使用 '
                                                                                                                   '--reply '
                                                                                                                   '時爲回覆）：在 '
                                                                                                                   '$VISUAL '
                                                                                                                   '或 '
                                                                                                                   '$EDITOR '
                                                                                                                   '中編寫（已給出的文字或回覆作爲草稿）。',
 "The rule's number (`suggest rule list`).": '規則的編號（`suggest rule list`）。',
 "The severity whose targets time complaints that have none, or 'none' for no clock (overdue and reports list them as 'no SLA').": '爲沒有嚴重程度的投訴計時所用的嚴重程度，或 '
                                                                                                                                   "'none' "
                                                                                                                                   '表示不計時（overdue '
                                                                                                                                   '和報告把它們列爲“無時限”）。',
 'The subject line.': '郵件主題。',
 'The summary: as text (table), or json, ndjson or csv.': '摘要：文本（table），或 json、ndjson、csv。',
 'The taught label.': '教過的標籤。',
 "The team's chat webhooks.": '團隊的聊天 webhook。',
 "The team's rules, by field.": '團隊的規則，按字段。',
 "The template's name; :zh or :en for one language.": '模板名稱；:zh 或 :en 表示某一種語言。',
 "The text, with placeholders such as {customer}; '-' reads stdin.": "文字，帶有 {customer} 等佔位符；'-' 從標準輸入讀取。",
 'The text: Write it in $VISUAL or $EDITOR (a given text or reply is the draft).': '文字：在 $VISUAL 或 $EDITOR '
                                                                                   '中編寫（已給出的文字或回覆作爲草稿）。',
 'The text: Write it in $VISUAL or $EDITOR (a given text or reply is the draft). The current text is the draft.': '文字：在 '
                                                                                                                  '$VISUAL '
                                                                                                                  '或 '
                                                                                                                  '$EDITOR '
                                                                                                                  '中編寫（已給出的文字或回覆作爲草稿）。當前文字作爲草稿。',
 "The text; placeholders as in `replies`, plus {resolution} and {outcome}; '-' reads stdin.": '文字；佔位符與 `replies` 相同，另加 '
                                                                                              '{resolution} 和 '
                                                                                              "{outcome}；'-' 從標準輸入讀取。",
 'The webhook address the chat gave you.': '聊天工具給你的 webhook 地址。',
 "The webhook's name.": 'webhook 的名稱。',
 'The weekly report: volume, breakdowns, backlog ageing, handling times, SLA, satisfaction,\nagents, repeat complainers, top tags and subjects, each against the previous period.': '週報：數量、分類統計、積壓時長、處理時長、時限、滿意度、坐席、重複投訴客戶、常見標籤和主題，每項都與上期比較。',
 'Then delete all but the newest N dated backups in that directory (for cron).': '然後刪除該目錄中除最新 N 個之外的帶日期備份（供 cron 使用）。',
 'Those for this category and those for any.': '該類別的以及適用於任意類別的。',
 'Train a model per field from the complaints already classified, and keep it in the database.': '用已分類的投訴爲每個字段訓練一個模型，並保存在數據庫中。',
 'Turn every notification off; nothing is queued while off.': '關閉所有通知；關閉期間不排隊任何消息。',
 'Turn notifications on (the e-mails and webhooks that are set up start going out).': '打開通知（已設置的郵件和 webhook 開始發送）。',
 'Unique external reference (ticket number, form id).': '唯一的外部參考號（工單號、表單編號）。',
 'Update complaints already imported from newer rows.': '用較新的行更新已導入的投訴。',
 'Use the calendar (on by any change) or stop using it.': '使用日曆（任何修改都會啓用它）或停止使用。',
 'Validate and count; write nothing anywhere (no rejects file either).': '校驗並計數；什麼都不寫入（也不寫拒絕文件）。',
 'Volume and top categories week by week, with a chart.': '逐周的數量和主要類別，附圖表。',
 "What changed in a finished period's report since it was first reported (or --against a\nlater one), figure by figure, and why: the late data about the period recorded since.": '已結束時間段的報告自首次報告以來（或用 '
                                                                                                                                                                                  '--against '
                                                                                                                                                                                  '與之後的某次比較）有什麼變化，逐個數字說明原因：此後記錄的與該時間段有關的遲到數據。',
 'What it is about (see `taxonomy list category`).': '投訴的內容（見 `taxonomy list category`）。',
 "What it is about; 'none' clears.": "投訴的內容；'none' 表示清除。",
 'What the complaint is about (required).': '投訴的內容（必填）。',
 'What the customer asks for: refund, replacement, repair, compensation, apology, explanation, other.': '客戶的訴求：refund、replacement、repair、compensation、apology、explanation、other。',
 'What the customer said.': '客戶說了什麼。',
 "What was decided and done; '-' reads stdin.": "作出的決定和採取的措施；'-' 從標準輸入讀取。",
 'What was late at that moment (replayed from the event log).': '那一時刻已超時的投訴（根據事件記錄重放）。',
 'When it was received [default: now]. ISO, 2026/11/3 14:05, 3 Nov 2026, 2026年11月3日, today, yesterday, 15:30 (today, or yesterday if still to come).': '受理時間 '
                                                                                                                                                       '[默認：現在]。ISO、2026/11/3 '
                                                                                                                                                       '14:05、3 '
                                                                                                                                                       'Nov '
                                                                                                                                                       '2026、2026年11月3日、today、yesterday、15:30（今天，若尚未到則爲昨天）。',
 'Where bad rows go [default: FILE.rejects.csv beside the input, else in the current folder].': '被拒絕的行寫到哪裏 [默認：輸入文件旁的 '
                                                                                                'FILE.rejects.csv，否則在當前文件夾]。',
 'Whether the customer accepted the decision.': '客戶是否接受處理決定。',
 'Which labels Datasette shows for codes: en or zh.': 'Datasette 爲代碼顯示哪種標籤：en 或 zh。',
 'Who is making the change [default: $COMPLAINTCTL_ACTOR, else the database role on PostgreSQL, else the login name]': '是誰在做修改 '
                                                                                                                       '[默認：$COMPLAINTCTL_ACTOR，在 '
                                                                                                                       'PostgreSQL '
                                                                                                                       '上爲數據庫角色，否則爲登錄名]',
 'Why it is escalated.': '升級的原因。',
 "Why it is reopened; '-' reads stdin.": "重開的原因；'-' 從標準輸入讀取。",
 'Why, for the timeline.': '原因，記入時間線。',
 'With --apply: the confidence (0-1) a suggestion needs to be written.': '與 --apply 一起：寫入建議所需的置信度（0-1）。',
 'With --outcome duplicate: the original complaint (id or reference).': '與 --outcome duplicate 一起：原投訴（編號或參考號）。',
 'With --suggest --unclassified: accept the suggestions at --min-confidence or more.': '與 --suggest --unclassified '
                                                                                       '一起：接受置信度達到 --min-confidence '
                                                                                       '的建議。',
 'With --suggest: every complaint without a category, oldest first.': '與 --suggest 一起：所有沒有類別的投訴，最早的在前。',
 'With --unclassified: at most this many complaints.': '與 --unclassified 一起：最多這麼多件投訴。',
 'Words or "quoted phrases"; every one must appear (with --any, one is enough).': '詞語或 "帶引號的短語"；每個都必須出現（加 --any '
                                                                                  '時出現一個即可）。',
 'Words that must all appear in the subject, description, resolution, ref, customer, tags or notes; "quote a phrase".': '必須全部出現在主題、描述、解決方案、參考號、客戶、標籤或備註中的詞語；"給短語加引號"。',
 'Working days, hours, time zone, holidays and extra working days (调休).': '工作日、工作時間、時區、假日和調休工作日（調休）。',
 'Working hours, e.g. 09:00-18:00.': '工作時間，例如 09:00-18:00。',
 'Write the top suggestion of each field not yet set, its event saying which model or rule suggested it, with what confidence.': '爲每個尚未設置的字段寫入排名第一的建議，其事件說明是哪個模型或規則給出的、置信度多少。',
 'Write to this file (atomically) instead of stdout.': '寫到此文件（原子寫入），而不是標準輸出。',
 "Write to this file (atomically) instead of stdout; {week}, {start} and {end} are the reported period's ISO week and first and last day, e.g. reports/{week}.html. Silent on success when stderr is not a terminal (cron).": '寫到此文件（原子寫入），而不是標準輸出；{week}、{start} '
                                                                                                                                                                                                                              '和 '
                                                                                                                                                                                                                              '{end} '
                                                                                                                                                                                                                              '是報告時間段的 '
                                                                                                                                                                                                                              'ISO '
                                                                                                                                                                                                                              '周及第一天和最後一天，例如 '
                                                                                                                                                                                                                              'reports/{week}.html。stderr '
                                                                                                                                                                                                                              '不是終端時（cron）成功後不輸出。',
 'Years to load, e.g. 2026 or 2025..2027 [default: last year to the last published one, or to next year where holidays follow fixed rules].': '要載入的年份，例如 '
                                                                                                                                              '2026 '
                                                                                                                                              '或 '
                                                                                                                                              '2025..2027 '
                                                                                                                                              '[默認：從去年到最後一個已公佈的年份，假日按固定規則的地區到明年]。',
 '[default: 465 with ssl, 587 with starttls, else 25]': '[默認：ssl 爲 465，starttls 爲 587，否則爲 25]',
 'ack (the e-mail on log) or decision (on close).': 'ack（登記時的郵件）或 decision（關閉時的郵件）。',
 'acknowledged, investigating, waiting, resolved.': 'acknowledged、investigating、waiting、resolved。',
 'category, severity, cause, channel, remedy, personality or motive.': 'category、severity、cause、channel、remedy、personality '
                                                                       '或 motive。',
 'category, severity, cause, channel, remedy, personality, motive, status or outcome [default: all].': 'category、severity、cause、channel、remedy、personality、motive、status '
                                                                                                       '或 outcome '
                                                                                                       '[默認：全部]。',
 'category, severity, cause, channel, remedy, personality, motive, status or outcome.': 'category、severity、cause、channel、remedy、personality、motive、status '
                                                                                        '或 outcome。',
 'category, severity, cause, personality or motive.': 'category、severity、cause、personality 或 motive。',
 'category, severity, cause, personality or motive; repeatable [default: all].': 'category、severity、cause、personality '
                                                                                 '或 motive；可重複 [默認：全部]。',
 'critical, escalated, overdue; repeatable or comma-separated [default: all three].': 'critical、escalated、overdue；可重複或以逗號分隔 '
                                                                                      '[默認：全部三種]。',
 'critical, high, medium or low.': 'critical、high、medium 或 low。',
 "critical, high, medium, low (or a team's own).": 'critical、high、medium、low（或團隊自己的）。',
 "critical, high, medium, low; 'none' clears.": "critical、high、medium、low；'none' 表示清除。",
 'csv, json, ndjson or xlsx [default: from --output, else csv]; csv for Excel: add --excel (a BOM and CRLF line ends).': 'csv、json、ndjson '
                                                                                                                         '或 '
                                                                                                                         'xlsx '
                                                                                                                         '[默認：按 '
                                                                                                                         '--output，否則爲 '
                                                                                                                         'csv]；供 '
                                                                                                                         'Excel '
                                                                                                                         '使用的 '
                                                                                                                         'csv：加 '
                                                                                                                         '--excel（BOM '
                                                                                                                         '和 '
                                                                                                                         'CRLF '
                                                                                                                         '換行）。',
 'e.g. mon-fri or mon,tue,wed,thu,fri,sat.': '例如 mon-fri 或 mon,tue,wed,thu,fri,sat。',
 'e.g. utf-8, gb18030, utf-16 [default: detected].': '例如 utf-8、gb18030、utf-16 [默認：自動檢測]。',
 'e.g. 国庆节': '例如 國慶節',
 'e.g. 国庆调休': '例如 國慶調休',
 'perfectionist, forceful, lively or peaceful.': 'perfectionist、forceful、lively 或 peaceful。',
 'rank (best match first), or as `list`: received, updated, id, severity, status, assignee, customer or age; add :asc or :desc.': 'rank（最匹配的在前），或與 '
                                                                                                                                  '`list` '
                                                                                                                                  '相同：received、updated、id、severity、status、assignee、customer '
                                                                                                                                  '或 '
                                                                                                                                  'age；可加 '
                                                                                                                                  ':asc '
                                                                                                                                  '或 '
                                                                                                                                  ':desc。',
 'received, updated, id, severity, status, assignee, customer or age; add :asc or :desc.': 'received、updated、id、severity、status、assignee、customer '
                                                                                           '或 age；可加 :asc 或 :desc。',
 'resolved, rejected, withdrawn or duplicate.': 'resolved、rejected、withdrawn 或 duplicate。',
 'starttls, ssl or none [default: ssl on port 465, else STARTTLS when the server offers it].': 'starttls、ssl 或 none '
                                                                                               '[默認：端口 465 用 '
                                                                                               'ssl，否則在服務器支持時用 '
                                                                                               'STARTTLS]。',
 'svm (needs complaintctl[suggest]), naive-bayes, centroid, or auto (svm when scikit-learn is installed, else naive-bayes or centroid, whichever does better on a held-out fifth of the history).': 'svm（需要 '
                                                                                                                                                                                                    'complaintctl[suggest]）、naive-bayes、centroid，或 '
                                                                                                                                                                                                    'auto（安裝了 '
                                                                                                                                                                                                    'scikit-learn '
                                                                                                                                                                                                    '時用 '
                                                                                                                                                                                                    'svm，否則在留出的五分之一歷史上比較 '
                                                                                                                                                                                                    'naive-bayes '
                                                                                                                                                                                                    '與 '
                                                                                                                                                                                                    'centroid，取效果更好的）。',
 'table or json.': 'table 或 json。',
 'table prints the id; json or ndjson the whole complaint (as `show -f json`); csv its row as `list` prints it.': 'table '
                                                                                                                  '打印編號；json '
                                                                                                                  '或 '
                                                                                                                  'ndjson '
                                                                                                                  '打印整件投訴（與 '
                                                                                                                  '`show '
                                                                                                                  '-f '
                                                                                                                  'json` '
                                                                                                                  '相同）；csv '
                                                                                                                  '打印其行（與 '
                                                                                                                  '`list` '
                                                                                                                  '相同）。',
 'table: a message on stderr; json or ndjson: the whole complaint after the change (as `show -f json`) with its changes; csv: its row as `list` prints it.': 'table：在 '
                                                                                                                                                             'stderr '
                                                                                                                                                             '上輸出一條消息；json '
                                                                                                                                                             '或 '
                                                                                                                                                             'ndjson：變更後的整件投訴（與 '
                                                                                                                                                             '`show '
                                                                                                                                                             '-f '
                                                                                                                                                             'json` '
                                                                                                                                                             '相同）及其變更；csv：其行（與 '
                                                                                                                                                             '`list` '
                                                                                                                                                             '相同）。',
 'text or json.': 'text 或 json。',
 'text, markdown, html, json or csv.': 'text、markdown、html、json 或 csv。',
 'venting, revenge, seeking_respect, seeking_compensation or wants_fix.': 'venting、revenge、seeking_respect、seeking_compensation '
                                                                          '或 wants_fix。',
 'wecom, dingtalk, feishu, slack, or json (your own receiver).': 'wecom、dingtalk、feishu、slack，或 json（你自己的接收端）。',
 'weekly, agents, sla or causes.': 'weekly、agents、sla 或 causes。',
 'zh or en [default: zh for WeCom, DingTalk and Feishu, else en].': 'zh 或 en [默認：企業微信、釘釘和飛書爲 zh，否則爲 en]。',
 'zh or en.': 'zh 或 en。',
 "Copy the whole desk to TARGET: every table, every event with its hash; then compare the\ncounts and the audit chain's head. Run again after an interruption: it goes on where it\nstopped. The database in use (--db) is only read: stop writing to it while it moves, then point\neveryone at TARGET (COMPLAINTCTL_DB).": '把整個投訴臺複製到 '
                                                                                                                                                                                                                                                                                                                             'TARGET：每個表、每條事件及其哈希；然後比較各項計數和審計鏈的鏈頭。中斷後再次運行：會從停下的地方繼續。正在使用的數據庫（--db）只被讀取：遷移期間請停止寫入，然後讓所有人改用 '
                                                                                                                                                                                                                                                                                                                             'TARGET（COMPLAINTCTL_DB）。',
 'An empty PostgreSQL database (postgresql://USER@HOST/NAME), or the path of a new file.': '一個空的 PostgreSQL '
                                                                                           '數據庫（postgresql://USER@HOST/NAME），或新文件的路徑。',
 'ID': '編號',
 'Received': '受理時間',
 'Status': '狀態',
 'Severity': '嚴重程度',
 'Category': '類別',
 'Customer': '客戶',
 'Assignee': '處理人',
 'Subject': '主題',
 'SLA': '時限',
 'Name': '姓名',
 'Email': '郵箱',
 'Phone': '電話',
 'Company': '公司',
 'Complaints': '投訴數',
 'Open': '未結',
 'Last': '最近',
 'When': '時間',
 'Who': '操作人',
 'Action': '操作',
 'Change': '變更',
 'Note': '備註',
 '{time} left': '剩餘 {time}',
 '{time} over': '超時 {time}',
 '{time} over, waiting': '超時 {time}，等待客戶',
 'no SLA': '無時限',
 'met on time': '按時完成',
 'met late': '超時完成',
 'Complaint': '投訴',
 'ref {ref}': '外部編號 {ref}',
 '{when} via {channel}': '{when}，經{channel}',
 'Asks for': '客戶訴求',
 'Cause': '原因',
 'Personality': '客戶性格',
 'Motive': '投訴動機',
 'Tags': '標籤',
 'First response': '首次響應',
 'Respond by': '響應期限',
 'Resolve by': '解決期限',
 '{when}  ({state})': '{when}（{state}）',
 'no SLA clock: no severity (classify it, or set `complaintctl sla default SEVERITY`)': '無時限：沒有嚴重程度（請分類，或設置 '
                                                                                        '`complaintctl sla default '
                                                                                        '嚴重程度`）',
 'no first response recorded': '沒有首次響應記錄',
 'no resolution time recorded': '沒有解決時間記錄',
 'Escalated': '升級',
 '{n} time, last {when}': '{n} 次，最近一次 {when}',
 'Satisfaction': '滿意度',
 '{score}/5 on {when}': '{score}/5，{when}',
 'Resolved': '解決時間',
 'Closed': '關閉時間',
 'Outcome': '處理結果',
 '{outcome} of #{id}': '{outcome}（#{id}）',
 'Resolution': '解決方案',
 'Told via': '告知方式',
 '{channel}; {accepted}': '{channel}；{accepted}',
 'customer accepted': '客戶已接受',
 'customer did not accept': '客戶未接受',
 'customer acceptance unknown': '客戶是否接受未知',
 'Reopened': '重開',
 '{n} time': '{n} 次',
 'Handling advice': '處理建議',
 'Description': '描述',
 '(no name)': '（無名）',
 '{who}  [customer #{id}, {complaints}]': '{who}  [客戶 #{id}，{complaints}]',
 '{n} complaint': '{n} 件投訴',
 'Timeline ({n} event)': '時間線（{n} 個事件）',
 '#{id}  (#{other} was merged into it)': '#{id}（#{other} 已併入）',
 'Since': '建檔時間',
 '{n} ({open} open)': '{n}（{open} 件未結）',
 'Merged record': '併入的記錄',
 'Complaints (open first)': '投訴（未結的在前）',
 'new customer': '新客戶',
 'known customer': '已有客戶',
 'unknown channel': '未知渠道',
 'told via {channel}; {accepted}': '經{channel}告知；{accepted}',
 'import #{id} from {source}, line {line}': '導入 #{id}，來自 {source} 第 {line} 行',
 'imported from {source}, line {line}': '導入自 {source} 第 {line} 行',
 'taken over from {holder}': '從 {holder} 接手',
 'Similar': '相似投訴',
 'Similar: {complaint}': '相似投訴：{complaint}',
 '#{id} {subject} ({pct}% same words, received {when}; complaintctl show {id})': '#{id} {subject}（{pct}% 的詞相同，受理於 '
                                                                                 '{when}；complaintctl show {id}）',
 '{n} figure changed since first reported on {when}: {changes}. See `{command}`.': ('自 {when} 首次報告以來，有 {n} '
                                                                                    '個數字發生了變化：{changes}。詳見 '
                                                                                    '`{command}`。',),
 'The {report} report of {label} as kept on {when} by {who} (#{id}):': '{label} 的 {report} 報告，{who} 於 {when} '
                                                                       '保存（#{id}）：',
 '{n} figure changed since.': ('此後有 {n} 個數字發生了變化。',),
 'No figure changed since; the figures hash to {hash} as they did.': '此後沒有數字變化；數字的哈希仍爲 {hash}。',
 'No change recorded since explains this: was the database changed outside complaintctl? `complaintctl check` says.': '此後沒有任何記錄的變更能解釋這一點：數據庫是否在 '
                                                                                                                      'complaintctl '
                                                                                                                      '之外被修改過？請運行 '
                                                                                                                      '`complaintctl '
                                                                                                                      'check`。',
 '{shown} and {n} more': '{shown} 等另外 {n} 項',
 'Figure': '數字',
 'Was': '原爲',
 'Now': '現爲',
 'Why: data about the period recorded since': '原因：此後補錄的本期數據',
 'From': '原值',
 'To': '新值',
 'Received 受理': '受理',
 'Acknowledged 已响应': '已響應',
 'Resolved 已解决': '已解決',
 'Closed 已关闭': '已關閉',
 'Reopened 重开': '重開',
 'Open backlog 未结': '未結積壓',
 'Volume': '數量',
 'Needs attention now': '現在需要處理',
 'Week by week': '逐周趨勢',
 'SLA compliance': '時限達成率',
 'SLA targets and compliance by severity': '各嚴重程度的時限與達成率',
 'Handling times': '處理時長',
 'By category': '按類別',
 'By root cause': '按根本原因',
 'By channel': '按渠道',
 'By severity': '按嚴重程度',
 'Backlog ageing': '積壓時長分佈',
 'Satisfaction scores': '滿意度評分分佈',
 'Agents': '坐席',
 'Repeat complainers': '重複投訴客戶',
 'Top tags': '常見標籤',
 'Top subjects': '常見主題',
 'Channel': '渠道',
 '<1d': '<1 天',
 '1-3d': '1-3 天',
 '3-7d': '3-7 天',
 '7-30d': '7-30 天',
 '>30d': '>30 天',
 'report\x04Received': '受理',
 'report\x04Resolved': '解決',
 'No SLA clock: complaints without a severity are not timed and not in the compliance figures; classify them, or time them by a default with `complaintctl sla default SEVERITY`.': '無時限：沒有嚴重程度的投訴不計時，也不計入達成率；請分類，或用 '
                                                                                                                                                                                    '`complaintctl '
                                                                                                                                                                                    'sla '
                                                                                                                                                                                    'default '
                                                                                                                                                                                    '嚴重程度` '
                                                                                                                                                                                    '設默認。',
 'The period is still running ({pct}% of it has passed, as of {when}): figures are partial, so no change is shown.': '本期尚未結束（已過 '
                                                                                                                     '{pct}%，截至 '
                                                                                                                     '{when}）：數字不完整，因此不顯示變化。',
 '{overdue} overdue and {soon} due within {hours} h as of {when}{shown}.': '截至 {when}，{overdue} 件已超時，{soon} 件將在 '
                                                                           '{hours} 小時內到期{shown}。',
 'Weekly complaint report 每周投诉报告': '每週投訴報告',
 'Agent performance 坐席绩效': '坐席績效',
 'SLA compliance SLA 达成率': 'SLA 達成率',
 'Complaint trends 投诉趋势': '投訴趨勢',
 'Root causes 根本原因': '根本原因',
 '{m} min': '{m} 分鐘',
 '{d} d {h} h': '{d} 天 {h} 小時',
 '{d} d': '{d} 天',
 "▼ below the team's goal of {goal}% (`complaintctl sla goal PCT`).": '▼ 低於團隊目標 {goal}%（`complaintctl sla goal 百分比`）。',
 '; the {n} most urgent, oldest first': '；列出最緊急的 {n} 件，最早的在前',
 ', oldest first': '，最早的在前',
 'running': '進行中',
 '{h} h {m} min': '{h} 小時 {m} 分鐘',
 '{h} h': '{h} 小時',
 'First response, no SLA clock 首次响应（无时限）': '首次響應（無時限）',
 'Resolution, no SLA clock 解决（无时限）': '解決（無時限）',
 'Open, no SLA clock 未结（无时限）': '未結（無時限）',
 '{sentence} {next}': '{sentence}{next}',
 'Measure': '指標',
 'This period': '本期',
 'Previous': '上期',
 'Last {n} weeks': '近 {n} 周',
 'Met': '達標',
 'Finished': '已完成',
 'Compliance %': '達成率 %',
 'Goal %': '目標 %',
 'First response 首次响应': '首次響應',
 'Resolution 解决': '解決',
 '{duration} over': '超時 {duration}',
 'due in {duration}': '{duration}後到期',
 '{n} open complaint(s) have no SLA clock and are not listed here.': '另有 {n} 件未結投訴沒有時限，不在此列。',
 'Who has it': '處理人',
 'State': '情況',
 'Week': '周',
 'Backlog': '積壓',
 'Response %': '響應達成率 %',
 'Resolution %': '解決達成率 %',
 'Agent': '坐席',
 'Assigned': '分配',
 'Median resolution': '解決時長中位數',
 'Resolution SLA %': '解決達成率 %',
 'Compliance by severity': '按嚴重程度的達成率',
 'Compliance by week': '按周的達成率',
 '(none)': '（無）',
 'Received per week': '每週受理',
 'Root causes (Pareto)': '根本原因（帕累托）',
 '(nobody)': '（無人）',
 'Time to': '時長',
 'Count': '數量',
 'Median': '中位數',
 'p90': '90 分位',
 'Age': '時長',
 'Open complaints': '未結投訴',
 'Value': '數值',
 'Score': '評分',
 'Surveys': '回訪數',
 'Contact': '聯繫方式',
 'Complaints (all)': '投訴（全部）',
 'Tag': '標籤',
 'Responses': '響應數',
 'Resolutions': '解決數',
 'Backlog at end': '期末積壓',
 'Share %': '佔比 %',
 'Cumulative %': '累計 %',
 'Vital few': '關鍵少數',
 '{n} complaint(s) in the period have no cause recorded yet.': '本期有 {n} 件投訴尚未記錄原因。',
 'report\x04Resolution': '解決',
 'Average score (1-5)': '平均分（1-5）',
 'Resolved in period': '本期解決',
 '…of which surveyed': '…其中已回訪',
 'Response rate %': '回訪率 %',
 'Generated by complaintctl. Every figure is reproducible with the SQL in docs/reports.md.': '由 complaintctl '
                                                                                             '生成。每個數字都可用 '
                                                                                             'docs/reports.md 中的 SQL '
                                                                                             '復現。',
 'period still running': '本期尚未結束',
 '{change} vs previous ({previous})': '{change}，上期 {previous}',
 'No imports yet.': '還沒有導入記錄。',
 'Started': '開始時間',
 'File': '文件',
 'Read': '讀取',
 'Inserted': '新增',
 'Updated': '更新',
 'Unchanged': '未變',
 'Duplicates': '重複',
 'Grouped': '合併',
 'Rejected': '拒收',
 'Still there': '仍在',
 'Undone': '撤銷',
 '{when} by {who}': '{when}，由 {who}',
 'unfinished': '未完成',
 'extra (kept)': '附加信息（保留）',
 'not imported': '不導入',
 '{word} ({code})': '{word}（{code}）',
 '{n} rejected row': '{n} 行被拒收',
 'Excel workbook, sheet {sheet!r}': 'Excel 工作簿，工作表 {sheet!r}',
 '{how}, delimiter {delimiter!r}': '{how}，分隔符 {delimiter!r}',
 "note: --output-format is now -f/--format, as in every command (the files' format is --input-format)": '注意：--output-format '
                                                                                                        '現在是 '
                                                                                                        '-f/--format，與其他命令一樣（文件本身的格式用 '
                                                                                                        '--input-format）',
 '- (stdin) cannot be one of several files': '-（標準輸入）不能與其他文件一起導入',
 '--rejects goes with one file': '--rejects 只能用於一個文件',
 "each file's rejects go beside it by default": '默認每個文件的拒收行寫在該文件旁邊',
 'read {read}, would be inserted {inserted}, would be updated {updated}, unchanged {unchanged}, duplicates {duplicates}, rejected {rejected}': '讀取 '
                                                                                                                                               '{read}，將新增 '
                                                                                                                                               '{inserted}，將更新 '
                                                                                                                                               '{updated}，未變 '
                                                                                                                                               '{unchanged}，重複 '
                                                                                                                                               '{duplicates}，拒收 '
                                                                                                                                               '{rejected}',
 'read {read}, would be inserted {inserted}, would be updated {updated}, unchanged {unchanged}, duplicates {duplicates}, grouped {grouped}, rejected {rejected}': '讀取 '
                                                                                                                                                                  '{read}，將新增 '
                                                                                                                                                                  '{inserted}，將更新 '
                                                                                                                                                                  '{updated}，未變 '
                                                                                                                                                                  '{unchanged}，重複 '
                                                                                                                                                                  '{duplicates}，合併 '
                                                                                                                                                                  '{grouped}，拒收 '
                                                                                                                                                                  '{rejected}',
 'read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, duplicates {duplicates}, grouped {grouped}, rejected {rejected}': '讀取 '
                                                                                                                                                '{read}，新增 '
                                                                                                                                                '{inserted}，更新 '
                                                                                                                                                '{updated}，未變 '
                                                                                                                                                '{unchanged}，重複 '
                                                                                                                                                '{duplicates}，合併 '
                                                                                                                                                '{grouped}，拒收 '
                                                                                                                                                '{rejected}',
 'with a length of time that made no time (the file gives the time itself): kept in extra under its column': '有一段時長但未據此得出時間（文件本身給出了時間）：保留在 '
                                                                                                             'extra '
                                                                                                             '中該列名下',
 "with a length of time that made no time (the received time is the import's own): kept in extra under its column": '有一段時長但未據此得出時間（受理時間是導入時的時間）：保留在 '
                                                                                                                    'extra '
                                                                                                                    '中該列名下',
 'with a length of time to a resolution that made no time (the complaint is open): kept in extra under its column': '有一段解決時長但未據此得出時間（投訴仍未完結）：保留在 '
                                                                                                                    'extra '
                                                                                                                    '中該列名下',
 'with a length of time that made no time (received + the length is in the future): kept in extra under its column': '有一段時長但未據此得出時間（受理時間加時長在將來）：保留在 '
                                                                                                                     'extra '
                                                                                                                     '中該列名下',
 "with a first response time derived from a length of time: received + the length (each said so in its complaint's events)": '首次響應時間由時長推算：受理時間加時長（每條投訴的事件裏都註明了）',
 "with a resolution time derived from a length of time: received + the length (each said so in its complaint's events)": '解決時間由時長推算：受理時間加時長（每條投訴的事件裏都註明了）',
 'with a satisfaction score on a complaint that is open: no survey (surveys follow a resolution), kept in extra under its column': '有滿意度評分但投訴仍未完結：不記爲回訪（回訪在解決之後），保留在 '
                                                                                                                                   'extra '
                                                                                                                                   '中該列名下',
 'with a satisfaction value that is no score of 1 to 5 (a survey offered, not answered): no survey, kept in extra under its column': '滿意度一欄不是 '
                                                                                                                                     '1 '
                                                                                                                                     '到 '
                                                                                                                                     '5 '
                                                                                                                                     '分（發出了調查但未作答）：不記爲回訪，保留在 '
                                                                                                                                     'extra '
                                                                                                                                     '中該列名下',
 "with a satisfaction score made a survey at the file's survey time": '滿意度評分記爲回訪，時間爲文件中的評價時間',
 'with a satisfaction score made a survey, dated at the resolution it rates (the file gives no survey time)': '滿意度評分記爲回訪，時間爲所評價的解決時間（文件沒有給出評價時間）',
 "reopened at the file's time of its last reopen: a reopen in that week": '按文件中最後一次重開的時間記爲重開：計入那一週',
 "reopened with no reopen time in the file: counted in reopened_count, in no week's reopened figure (a reopen is counted in the week it happened)": '有重開但文件中沒有重開時間：計入 '
                                                                                                                                                    'reopened_count，不計入任何一週的重開數（重開按發生的那一週計）',
 '{n:,} row joined to the row before it with the same ref (--group-by-ref): {rows:,} rows with a ref made {complaints:,} complaints; what a row says that its complaint does not hold is in a note on the complaint': '{n:,} '
                                                                                                                                                                                                                      '行與其前一行外部編號相同，已合併（--group-by-ref）：{rows:,} '
                                                                                                                                                                                                                      '個帶外部編號的行成爲 '
                                                                                                                                                                                                                      '{complaints:,} '
                                                                                                                                                                                                                      '條投訴；某行所寫而投訴未保存的內容記在該投訴的備註裏',
 '{n:,} row has the ref of rows that are not next to it: only rows that follow one another are joined; sort the file by its ref column to join them': '{n:,} '
                                                                                                                                                      '行的外部編號與不相鄰的行相同：只有相鄰的行纔會合併；按外部編號列排序後即可合併',
 "several rows per complaint: {rows:,} rows hold {refs:,} distinct refs (an event log's snapshots, a row per allegation or product): --group-by-ref makes one complaint of each ref's rows, the newest saying where it stands, what the others say kept in notes": '一條投訴有多行：{rows:,} '
                                                                                                                                                                                                                                                                   '行只有 '
                                                                                                                                                                                                                                                                   '{refs:,} '
                                                                                                                                                                                                                                                                   '個不同的外部編號（事件日誌的快照、每項指控或每個產品一行）：--group-by-ref '
                                                                                                                                                                                                                                                                   '把同一外部編號的行合爲一條投訴，以最新一行爲當前狀態，其他行的內容保存在備註裏',
 'read {read}, inserted {inserted}, updated {updated}, unchanged {unchanged}, duplicates {duplicates}, rejected {rejected}': '讀取 '
                                                                                                                             '{read}，新增 '
                                                                                                                             '{inserted}，更新 '
                                                                                                                             '{updated}，未變 '
                                                                                                                             '{unchanged}，重複 '
                                                                                                                             '{duplicates}，拒收 '
                                                                                                                             '{rejected}',
 '{rows} and {duplicates}': '{rows}，另有{duplicates}',
 '{rows} written to {path}': '{rows}，已寫入 {path}',
 'nothing rejected: the rejects file of an earlier run, {path}, was removed': '沒有拒收：上次導入的拒收文件 {path} 已刪除',
 '--strict: rows were rejected, so nothing was written': '--strict：有行被拒收，因此什麼都沒有寫入',
 'the file has a header but no rows': '文件只有表頭，沒有數據行',
 'line {line} is above the header row and will be skipped: {text!r}': '第 {line} 行在表頭之上，將跳過：{text!r}',
 'dates: {field} {order}': '日期：{field} {order}',
 '{format}, encoding {encoding}': '{format}，編碼 {encoding}',
 'interrupted: finished batches are saved; run the same import again to finish (imported rows are recognised, nothing is doubled)': '已中斷：已完成的批次已保存；再運行同一個導入即可完成（已導入的行會被識別，不會重複）',
 '{read}  (dry run: nothing written to the database)': '{read}（試運行：沒有寫入數據庫）',
 '  {n:>6,} x {reason} (first: line {line})': '  {n:>6,} 行：{reason}（第一處：第 {line} 行）',
 'Column': '列',
 'Header': '表頭',
 'How': '依據',
 'Evidence': '數據印證',
 'First value': '第一個值',
 '{n} differing duplicate': '{n} 行內容不同的重複行',
 'changed since: {action} by {actor} at {at}': '之後有改動：{actor} 於 {at} {action}',
 'changed since: {action} ({field}) by {actor} at {at}': '之後有改動：{actor} 於 {at} {action}（{field}）',
 'a survey refers to it': '有回訪記錄指向它',
 'a message queued or sent refers to it': '有排隊或已發送的消息指向它',
 'an overdue notice refers to it': '有超時通知指向它',
 'a row of {table} refers to it': '{table} 中有一行指向它',
 'complaint #{id} names it': '投訴 #{id} 指向它',
 'another customer record was merged into it': '另有客戶記錄併入了它',
 'complaint #{id} is marked a duplicate of it': '投訴 #{id} 被標爲它的重複投訴',
 'outcome duplicate without duplicate_of': '處理結果爲重複投訴，卻沒有 duplicate_of',
 'closed time of a complaint whose status is not closed': '狀態不是已關閉的投訴卻有關閉時間',
 "first response time after the row's resolution or closing": '首次響應時間晚於該行的解決或關閉時間',
 'month first, by default: no value settles it (e.g. {example!r})': '默認按月在前：沒有值能確定（例如 {example!r}）',
 'day first': '日在前',
 'month first': '月在前',
 '{order}, as column {header!r} of this file: {value!r} (line {line}) can only be read so (e.g. {example!r})': '{order}，與本文件的列 '
                                                                                                               '{header!r} '
                                                                                                               '相同：{value!r}（第 '
                                                                                                               '{line} '
                                                                                                               '行）只能這樣讀（例如 '
                                                                                                               '{example!r}）',
 'given': '用戶指定',
 '{order}: {value!r} (line {line}) can only be read so': '{order}：{value!r}（第 {line} 行）只能這樣讀',
 '{order}: {value!r} (line {line}, past the first rows) can only be read so': '{order}：{value!r}（第 {line} '
                                                                              '行，在前幾行之後）只能這樣讀',
 'day first (as given)': '日在前（用戶指定）',
 'month first (as given)': '月在前（用戶指定）',
 'mapping file': '映射文件',
 'duplicate (kept in extra)': '重複（保留在附加信息中）',
 '{how}, but {header!r} was taken (kept in extra)': '{how}，但已由 {header!r} 佔用（保留在附加信息中）',
 'exact': '完全一致',
 'alias': '別名',
 'alias (no ref column)': '別名（沒有外部編號列）',
 'guessed from {word!r}': '由 {word!r} 推測',
 'unknown (kept in extra)': '未知（保留在附加信息中）',
 '{header!r}, {how}': '{header!r}，{how}',
 'phone written in scientific notation (its digits are lost)': '電話被寫成科學計數法（數字已丟失）',
 '{field} that could not be read as one': '無法讀作{field}的值',
 '{ids} and {n:,} more': '{ids} 及另外 {n:,} 個',
 '{n:,} customer': '{n:,} 個客戶',
 '{n:,} complaint': '{n:,} 件投訴',
 'import #{id} ({source}): would remove {complaints} and {customers}; kept {kept} and {kept_customers}': '導入 '
                                                                                                         '#{id}（{source}）：將移除 '
                                                                                                         '{complaints}和 '
                                                                                                         '{customers}；保留 '
                                                                                                         '{kept}和 '
                                                                                                         '{kept_customers}',
 'import #{id} ({source}): removed {complaints} and {customers}; kept {kept} and {kept_customers}': '導入 '
                                                                                                    '#{id}（{source}）：已移除 '
                                                                                                    '{complaints}和 '
                                                                                                    '{customers}；保留 '
                                                                                                    '{kept}和 '
                                                                                                    '{kept_customers}',
 'kept complaint #{id}: {why}': '保留投訴 #{id}：{why}',
 'kept customer #{id}: {why}': '保留客戶 #{id}：{why}',
 '... and {n:,} more complaints kept (-f json lists them all)': '……另保留了 {n:,} 件投訴（-f json 會全部列出）',
 '... and {n:,} more customers kept (-f json lists them all)': '……另保留了 {n:,} 個客戶（-f json 會全部列出）',
 'note: this import ran before imports recorded the customers they create, so none of its customers were removed (`complaintctl customers list` shows any left without complaints)': '注意：這次導入發生在導入開始記錄所建客戶之前，因此沒有移除它的客戶（`complaintctl '
                                                                                                                                                                                     'customers '
                                                                                                                                                                                     'list` '
                                                                                                                                                                                     '可看到沒有投訴的客戶）',
 'note: import #{id} had not finished (it stopped part-way or was killed; or it is still running, and then stops at its next batch)': '注意：導入 '
                                                                                                                                      '#{id} '
                                                                                                                                      '尚未完成（中途停止或被終止；也可能仍在運行，那樣會在下一批次停止）',
 'dry run: nothing was changed': '試運行：沒有做任何修改',
 '{n:,} row: {field} {label!r} unknown, {how} (first: line {line}); `complaintctl taxonomy alias {kind} {quoted} {code}` maps it': '{n:,} '
                                                                                                                                   '行：{field} '
                                                                                                                                   '{label!r} '
                                                                                                                                   '未知，{how}（第一處：第 '
                                                                                                                                   '{line} '
                                                                                                                                   '行）；`complaintctl '
                                                                                                                                   'taxonomy '
                                                                                                                                   'alias '
                                                                                                                                   '{kind} '
                                                                                                                                   '{quoted} '
                                                                                                                                   '{code}` '
                                                                                                                                   '可對應上',
 'CODE': '代碼',
 'imported unclassified': '按未分類導入',
 'guessed from header words (--show-mapping has the evidence; --map overrides): {guesses}': '按表頭詞語推測（--show-mapping '
                                                                                            '可看依據；--map 可改）：{guesses}',
 'dates: a time written without a zone is {zone} time (`complaintctl --tz ZONE import ...` reads it in another)': '日期：沒寫時區的時間按 '
                                                                                                                  '{zone} '
                                                                                                                  '時間讀取（`complaintctl '
                                                                                                                  '--tz '
                                                                                                                  '時區 '
                                                                                                                  'import '
                                                                                                                  '...` '
                                                                                                                  '可按其他時區讀取）',
 'read as empty (?, N/A, - ...): {counts}': '讀作空值（?、N/A、- 等）：{counts}',
 'read as no date (1900-01-01, 0000-00-00, Excel\'s day zero, the Unix epoch: what systems write for "not yet"): {counts}': '讀作沒有日期（1900-01-01、0000-00-00、Excel '
                                                                                                                            '的第 '
                                                                                                                            '0 '
                                                                                                                            '天、Unix '
                                                                                                                            '紀元：系統用來表示“尚未”的值）：{counts}',
 '; not undone: its updates of {updated}, which keep the values it wrote': '；未撤銷：它對 {updated} 的更新，這些投訴保留它寫入的值',
 'note: an undo removes what an import created; it does not put back what an import changed (`--update`): each change is an event with the value before it (`complaintctl show ID`), to be set again by hand where it was wrong': '注意：撤銷只刪除導入新建的內容，不會恢復導入所做的修改（`--update`）：每次修改都是一條記有原值的事件（`complaintctl '
                                                                                                                                                                                                                                  'show '
                                                                                                                                                                                                                                  '編號`），需要時請手工改回',
 '{n:,} row: {what}, kept as given in {where}; the complaint imported': '{n:,} 行：{what}，原值保留在 {where}；投訴已導入',
 '{n:,} {field} cell named a code by one of its parts, the others saying something else (first: {text!r} read as {code}): the whole text kept in extra as {key}': '{n:,} '
                                                                                                                                                                  '個{field}單元格只由其中一部分對應到代碼，其餘部分另有所指（第一處：{text!r} '
                                                                                                                                                                  '讀作 '
                                                                                                                                                                  '{code}）：完整文字以 '
                                                                                                                                                                  '{key} '
                                                                                                                                                                  '保留在附加信息中',
 '{n:,} row had no received time and got the import time (--received-now)': '{n:,} 行沒有受理時間，用了導入時間（--received-now）',
 '{n:,} row had neither subject nor description: its subject is its category as the file wrote it': '{n:,} '
                                                                                                    '行既沒有主題也沒有描述：主題取自文件中寫的類別',
 '{n:,} row had no subject, description or category: its subject is "(no subject)" and its ref': '{n:,} '
                                                                                                 '行沒有主題、描述或類別：主題爲“(no '
                                                                                                 'subject)”加外部編號',
 '... and {n} more unknown labels (-f json lists them all)': '……另有 {n} 個未知的標籤文字（-f json 會全部列出）',
 '{n:,} row repeats an earlier row of the file (the same ref, or without one the same content): {same:,} the same, {differing:,} with other values{written}; not imported again': '{n:,} '
                                                                                                                                                                                  '行與文件中前面的行重複（外部編號相同，或沒有外部編號而內容相同）：{same:,} '
                                                                                                                                                                                  '行完全相同，{differing:,} '
                                                                                                                                                                                  '行內容不同{written}；不再重複導入',
 '{n:,} line inside the file repeats the header row: skipped, not read': '文件中有 {n:,} 行重複了表頭：已跳過，不讀取',
 '--header-row and --no-header contradict each other': '--header-row 與 --no-header 互相矛盾',
 'give one of them': '只給其中一個',
 '{n:,} row held text garbled by a wrong encoding ({how}): repaired exactly (undoing the repair gives back the text as found)': '{n:,} '
                                                                                                                                '行的文字因編碼讀錯而成了亂碼（{how}）：已精確修復（把修復倒過來，得到的正是原樣的文字）',
 'UTF-8 read as Windows-1252 and saved again': 'UTF-8 被當作 cp1252 讀取後又保存',
 'UTF-8 read as Latin-1 and saved again': 'UTF-8 被當作 ISO-8859-1 讀取後又保存',
 'UTF-8 read as GBK and saved again': 'UTF-8 被當作 GBK 讀取後又保存',
 'UTF-8 read as Windows-1251 and saved again': 'UTF-8 被當作 cp1251 讀取後又保存',
 'UTF-8 read as Windows-1250 and saved again': 'UTF-8 被當作 cp1250 讀取後又保存',
 'UTF-8 read as Mac Roman and saved again': 'UTF-8 被當作 mac_roman 讀取後又保存',
 'UTF-8 read as the DOS code page 437 and saved again': 'UTF-8 被當作 DOS 代碼頁 437 讀取後又保存',
 "{n:,} of the rejected rows has the ref of a complaint in the database (another row of the file, or an earlier import): another version of it, such as an event log's earlier snapshot, not a complaint lost": '被拒收的行中有 '
                                                                                                                                                                                                                '{n:,} '
                                                                                                                                                                                                                '行的外部編號已在數據庫中（文件中的另一行，或之前的導入）：這是它的其他版本，例如事件日誌裏較早的快照，並沒有丟失投訴',
 "the status read from the row's own times (closed, resolved, acknowledged, else new)": '狀態按該行自己的時間判斷（已關閉、已解決、已受理，否則爲新建）',
 'had no status but an answer (a resolution and the time of the first response): resolved at that time (a status column, or a status for every row, says otherwise)': '沒有狀態但有答覆（處理結果和首次響應時間）：按該時間視爲已解決（狀態列或爲所有行指定的狀態可另行說明）',
 "the outcome left to the status's default": '處理結果按狀態的默認值',
 '{n:,} row assigned to {name}, who is deactivated (`complaintctl agents list`; reassign with `complaintctl assign ID --to NAME`)': '{n:,} '
                                                                                                                                    '行分配給了已停用的 '
                                                                                                                                    '{name}（`complaintctl '
                                                                                                                                    'agents '
                                                                                                                                    'list`；可用 '
                                                                                                                                    '`complaintctl '
                                                                                                                                    'assign '
                                                                                                                                    '編號 '
                                                                                                                                    '--to '
                                                                                                                                    '名稱` '
                                                                                                                                    '改派）',
 "{n:,} row names someone other than the known customer with that email or phone (first: line {line}, {name!r} for customer #{id} {customer}): filed under that customer, the row's name kept in extra.customer_as_given; `complaintctl update ID --customer NAME --new-customer` records one as another person": '{n:,} '
                                                                                                                                                                                                                                                                                                                  '行寫的姓名與該郵箱或電話已知的客戶不同（第一處：第 '
                                                                                                                                                                                                                                                                                                                  '{line} '
                                                                                                                                                                                                                                                                                                                  '行，{name!r}，而客戶 '
                                                                                                                                                                                                                                                                                                                  '#{id} '
                                                                                                                                                                                                                                                                                                                  '是 '
                                                                                                                                                                                                                                                                                                                  '{customer}）：已記在該客戶名下，行中的姓名保留在 '
                                                                                                                                                                                                                                                                                                                  'extra.customer_as_given；`complaintctl '
                                                                                                                                                                                                                                                                                                                  'update '
                                                                                                                                                                                                                                                                                                                  '編號 '
                                                                                                                                                                                                                                                                                                                  '--customer '
                                                                                                                                                                                                                                                                                                                  '姓名 '
                                                                                                                                                                                                                                                                                                                  '--new-customer` '
                                                                                                                                                                                                                                                                                                                  '可把它記爲另一個人',
 ' (each written to the rejects file with what differed)': '（每一行都已寫入拒收文件，並註明不同之處）',
 'closed with no closed time in the file: closed at its last update time': '已關閉，但文件中沒有關閉時間：按最後更新時間作爲關閉時間',
 'closed with no closed or update time in the file: closed at its received time': '已關閉，但文件中沒有關閉時間或更新時間：按受理時間作爲關閉時間',
 'resolved with no resolution time in the file: resolved at its last update time': '已解決，但文件中沒有解決時間：按最後更新時間作爲解決時間',
 'resolved with no resolution or update time in the file: resolved at its received time': '已解決，但文件中沒有解決時間或更新時間：按受理時間作爲解決時間',
 'decided from the values, no header naming them (--map overrides): {guesses}': '沒有表頭說明，按值判斷（--map 可改）：{guesses}',
 '{n:,} row {what}': '{n:,} 行{what}',
 '{n} of {rows} sampled rows filled': '抽樣的 {rows} 行中有 {n} 行有值',
 '{n} rows, {distinct} distinct values': '{n} 行，{distinct} 個不同的值',
 '{share:.0%} of {n} sampled values fit': '抽樣的 {n} 個值中 {share:.0%} 符合',
 'its values repeat ({repeats}; {top!r} in {top_n}): a reference names one complaint': '值有重複（{repeats}；{top!r} 出現 '
                                                                                       '{top_n} 次）：參考號只指一件投訴',
 '{share:.0%} of {n} sampled values are lengths of time': '抽樣的 {n} 個值中 {share:.0%} 是時長',
 '{share:.0%} of {n} sampled values are lengths of time, each with its unit (the header names none)': '抽樣的 {n} 個值中 '
                                                                                                      '{share:.0%} '
                                                                                                      '是時長，各自帶單位（表頭沒寫單位）',
 'almost empty ({fill})': '幾乎是空的（{fill}）',
 'its header names it ({fill})': '表頭寫明瞭（{fill}）',
 'labels: {distinct} distinct values in {n} ({fill})': '標籤：{n} 個值中有 {distinct} 個不同的值（{fill}）',
 'written in scientific notation: its digits are lost ({fill})': '寫成了科學計數法：數字已丟失（{fill}）',
 'unique: {distinct} distinct of {n} sampled values': '唯一：抽樣的 {n} 個值中有 {distinct} 個不同',
 'repeats: {repeats} (several rows per complaint)': '有重複：{repeats}（一件投訴佔多行）',
 '{share:.0%} of {n} sampled values are scores or surveys not answered ({fill})': '抽樣的 {n} 個值中 {share:.0%} '
                                                                                  '是評分或未答的回訪（{fill}）',
 'its values are moments, not lengths of time ({fill})': '值是時間點，不是時長（{fill}）',
 'its values are yes/no, not people ({fill})': '值是“是/否”，不是人名（{fill}）',
 'its values read as titles, not names ({fill})': '值像標題，不像人名（{fill}）',
 'no values in the sample': '抽樣中沒有值',
 'no rows to judge by': '沒有可供判斷的行',
 "{n:,} row is a customer's follow-up in the thread their complaint opened (it answers the company's reply, the chain of answers leads back to that customer's complaint): a note on that complaint, counted as grouped, not a new complaint (--follow-ups-as-complaints imports each as one)": '{n:,} '
                                                                                                                                                                                                                                                                                                '行是客戶在自己投訴開啓的對話中的追問（回覆公司的答覆，回覆鏈可追溯到該客戶的投訴）：記爲該投訴上的備註，計入合併，不算新投訴（--follow-ups-as-complaints '
                                                                                                                                                                                                                                                                                                '會把每行導入爲投訴）',
 'its values are outcomes ({fill})': '值是處理結果（{fill}）',
 'its values are times, numbers or percentages (a target, a progress), no text of a resolution ({fill})': '值是時間、數字或百分比（期限、進度），不是解決方案的文字（{fill}）',
 'found from its values: {why}': '按值找到：{why}',
 '{header!r} ({why})': '{header!r}（{why}）',
 'the only column of dates': '唯一的日期列',
 'a unique key': '唯一鍵',
 'the longest text': '最長的文字',
 'the earliest of {n} columns of dates': '{n} 個日期列中最早的',
 '{known} of {n} sampled values are statuses': '抽樣的 {n} 個值中有 {known} 個是狀態',
 'its values back it': '值印證了它',
 'its header names it more plainly': '表頭說得更明白',
 'read as {field}: {evidence}': '讀作 {field}：{evidence}',
 'set aside: the file names no customer, so a company in it is not theirs (kept in extra)': '擱置：文件沒有寫明客戶，所以其中的公司不是客戶的（保留在 '
                                                                                            'extra 中）',
 'its values are not {field} values': '值不是{field}的值',
 'set aside: {reason} (kept in extra)': '擱置：{reason}（保留在附加信息中）',
 '{how}, but {header!r} was preferred (kept in extra)': '{how}，但優先使用了 {header!r}（保留在 extra 中）',
 'its header says received or created': '表頭寫的是受理或創建',
 "a date, not an incident's own time": '是日期，不是事件本身的時間',
 'the only one whose values back it': '唯一有值印證的一列',
 '{how}; preferred to {others}: {why}': '{how}；優先於 {others}：{why}',
 '{where}: {message}': '{where}：{message}',
 'invalid value {value!r}': '值 {value!r} 無效',
 '{value!r} holds a control character (U+{code:04X})': '{value!r} 含有控制字符（U+{code:04X}）',
 'customer_accepted {text!r} is not yes/no': 'customer_accepted {text!r} 不是“是/否”',
 '{name} {text!r} is not a number': '{name} {text!r} 不是數字',
 'too long ({n:,} characters, at most {most:,})': '太長（{n:,} 個字符，最多 {most:,}）',
 'not a known field': '不是已知的字段',
 'lines {first}-{last}': '第 {first}-{last} 行',
 'line {line}': '第 {line} 行',
 'record broken by a bare carriage return inside an unquoted field ({where}: pieces of {sizes} fields, the header has {width}); quote that field, or remove the carriage return, and import again': '記錄被未加引號的字段中的單獨回車符斷開（{where}：分成了 '
                                                                                                                                                                                                    '{sizes} '
                                                                                                                                                                                                    '個字段的幾段，表頭有 '
                                                                                                                                                                                                    '{width} '
                                                                                                                                                                                                    '個字段）；給該字段加上引號，或刪去回車符，再導入',
 'the file ends inside this record ({n} of {width} fields): the file was cut short': '文件在這條記錄中間結束（{width} 個字段中只有 {n} '
                                                                                     '個）：文件被截斷了',
 'the file ends inside this record (a quoted field is never closed): the file was cut short': '文件在這條記錄中間結束（有引號的字段沒有閉合）：文件被截斷了',
 '{name} {text!r} is in the future': '{name} {text!r} 是將來的時間',
 '{name} {text!r} is before 1970: impossible date or time': '{name} {text!r} 早於 1970 年：不可能的日期或時間',
 'row has {n} fields but the header has {width} (an unquoted delimiter inside a value?)': '該行有 {n} 個字段，但表頭有 {width} '
                                                                                          '個（值中有未加引號的分隔符？）',
 'unknown {name} {text!r} (valid: {valid})': '未知的{name} {text!r}（有效的：{valid}）',
 'no received time (never filled in with the import time unless asked: --received-now, or --set received=TIME)': '沒有受理時間（除非指定，不會用導入時間填充：--received-now，或 '
                                                                                                                 '--set '
                                                                                                                 'received=時間）',
 'no text: no subject, description, category or ref says what this complaint is': '沒有文字：沒有主題、描述、類別或參考號說明這是什麼投訴',
 'too many values that cannot be read: the record is broken': '無法讀取的值太多：記錄已損壞',
 'cell {cell} holds {n:,} characters, more than a text field holds ({most:,})': '單元格 {cell} 有 {n:,} '
                                                                                '個字符，超過文本字段的容量（{most:,}）',
 '{reason} (the rows of ref {ref!r}, lines {first}-{last}, joined)': '{reason}（參考號 {ref!r} 的各行，第 {first}-{last} 行，已合併）',
 'not a JSON object': '不是 JSON 對象',
 'duplicate_of #{id} does not exist': '重複於 #{id}：該投訴不存在',
 'refused by the database: {why}': '數據庫拒絕：{why}',
 'both orders in one column: {day!r} (line {day_line}) can only be day first ({days:,} such), {month!r} (line {month_line}) only month first ({months:,}); each value read as it can only be': '同一列中兩種順序都有：{day!r}（第 '
                                                                                                                                                                                               '{day_line} '
                                                                                                                                                                                               '行）只能是日在前（共 '
                                                                                                                                                                                               '{days:,} '
                                                                                                                                                                                               '個），{month!r}（第 '
                                                                                                                                                                                               '{month_line} '
                                                                                                                                                                                               '行）只能是月在前（{months:,} '
                                                                                                                                                                                               '個）；每個值按它唯一可能的讀法讀取',
 '{both}; those that could be either (e.g. {example!r}) {order} as given': '{both}；兩種讀法都可能的值（例如 '
                                                                           '{example!r}）按用戶指定的{order}讀取',
 'column {header!r} holds dates of both orders: {days:,} can only be day first (e.g. {day!r}, line {day_line}), {months:,} only month first (e.g. {month!r}, line {month_line}), and {either:,} of the first rows could be either (e.g. {example!r}, line {line}): which order are those?': '列 '
                                                                                                                                                                                                                                                                                            '{header!r} '
                                                                                                                                                                                                                                                                                            '的日期兩種順序都有：{days:,} '
                                                                                                                                                                                                                                                                                            '個只能是日在前（例如 '
                                                                                                                                                                                                                                                                                            '{day!r}，第 '
                                                                                                                                                                                                                                                                                            '{day_line} '
                                                                                                                                                                                                                                                                                            '行），{months:,} '
                                                                                                                                                                                                                                                                                            '個只能是月在前（例如 '
                                                                                                                                                                                                                                                                                            '{month!r}，第 '
                                                                                                                                                                                                                                                                                            '{month_line} '
                                                                                                                                                                                                                                                                                            '行），前面的行中還有 '
                                                                                                                                                                                                                                                                                            '{either:,} '
                                                                                                                                                                                                                                                                                            '個兩種讀法都可能（例如 '
                                                                                                                                                                                                                                                                                            '{example!r}，第 '
                                                                                                                                                                                                                                                                                            '{line} '
                                                                                                                                                                                                                                                                                            '行）：這些值是哪種順序？',
 '{dayfirst} says which they are; the others are still read as they can only be': '用 {dayfirst} '
                                                                                  '指定它們的順序；其餘的值仍按唯一可能的讀法讀取',
 '{field} {value!r} could be day or month first, and its column holds dates of both orders: not guessed (say which order those are, and import again)': '{field} '
                                                                                                                                                        '{value!r} '
                                                                                                                                                        '可能是日在前也可能是月在前，而該列兩種順序都有：不作猜測（請指明這些值的順序後重新導入）',
 "{n:,} row holds text lost before this file was made: runs of '?' where characters were (first: line {line}, column {column!r}: {value!r}); imported as it is and marked (extra.text_lost), but those characters are not in the file and cannot be recovered from it: export again from the source system in UTF-8 to keep them": '{n:,} '
                                                                                                                                                                                                                                                                                                                                   '行的文字在生成本文件之前就已丟失：原來的字符成了一串“?”（第一處：第 '
                                                                                                                                                                                                                                                                                                                                   '{line} '
                                                                                                                                                                                                                                                                                                                                   '行，列 '
                                                                                                                                                                                                                                                                                                                                   '{column!r}：{value!r}）；已照原樣導入並作了標記（extra.text_lost），但這些字符不在文件中，無法從中恢復：請從源系統以 '
                                                                                                                                                                                                                                                                                                                                   'UTF-8 '
                                                                                                                                                                                                                                                                                                                                   '重新導出以保留它們',
 'replies: {why}': '回覆：{why}',
 'column {header!r} says which rows are the company\'s replies ({value!r}: {n:,} of {rows:,} sampled rows), and their values back it: {why}; each is set aside, not imported as a complaint, with that reason in the rejects file ({map} "{header}=extra" imports them as complaints)': '列 '
                                                                                                                                                                                                                                                                                        '{header!r} '
                                                                                                                                                                                                                                                                                        '標明哪些行是公司的回覆（{value!r}：抽查的 '
                                                                                                                                                                                                                                                                                        '{rows:,} '
                                                                                                                                                                                                                                                                                        '行中有 '
                                                                                                                                                                                                                                                                                        '{n:,} '
                                                                                                                                                                                                                                                                                        '行），其他列的值也印證這一點：{why}；這些行不作爲投訴導入，逐行連同原因寫入拒收文件（{map} '
                                                                                                                                                                                                                                                                                        '"{header}=extra" '
                                                                                                                                                                                                                                                                                        '可把它們當作投訴導入）',
 'a reply by the company ({header} {value!r}), not a complaint: set aside': '公司的回覆（{header} {value!r}），不是投訴：已擱置',
 '{n:,} of the {rows:,} answer another row ({header!r} is filled)': '{rows:,} 行中有 {n:,} 行是在回覆另一行（{header!r} 有值）',
 '{rows:,} written by {n:,} authors ({header!r}) who write no other row': '{rows:,} 行出自 {n:,} '
                                                                          '位作者（{header!r}），他們沒有寫過其他行',
 'the time of day of {header!r}: read with it as one moment': '{header!r} 的時刻：與其合讀爲同一時間',
 '{header!r} (times of day, e.g. {value!r}, beside the dates without a time of {dates!r}: read as one moment)': '{header!r}（時刻，例如 '
                                                                                                                '{value!r}，與 '
                                                                                                                '{dates!r} '
                                                                                                                '中不帶時刻的日期並列：合讀爲同一時間）',
 'its values are yes/no, no text ({fill})': '其值是“是/否”，不是文字（{fill}）',
 'received time of day {text!r} is no time of day': '受理時刻 {text!r} 不是一天中的時刻',
 'snapshots: {why}': '快照：{why}',
 '{pairs:,} of the first {rows:,} rows repeat the ref of the row before them with another {header!r} (an event log: one row per update of a ticket); each ticket is imported as its newest row says it stands, the earlier rows counted as duplicates ({group} keeps what they say in notes)': '前 '
                                                                                                                                                                                                                                                                                               '{rows:,} '
                                                                                                                                                                                                                                                                                               '行中有 '
                                                                                                                                                                                                                                                                                               '{pairs:,} '
                                                                                                                                                                                                                                                                                               '行與上一行編號相同而 '
                                                                                                                                                                                                                                                                                               '{header!r} '
                                                                                                                                                                                                                                                                                               '不同（事件日誌：工單每更新一次就有一行）；每張工單按其最新一行所示的狀態導入，較早的行計爲重複（{group} '
                                                                                                                                                                                                                                                                                               '會把它們的內容記爲備註）',
 '{n:,} row is an earlier snapshot of a ticket whose newest row was imported: counted as a duplicate, not imported': '{n:,} '
                                                                                                                     '行是工單較早的快照，已導入其最新一行：計爲重複，不導入',
 'the import would stop here: {message} ({hint})': '導入會在此停止：{message}（{hint}）',
 'the import would stop here: {message}': '導入會在此停止：{message}',
 "{n:,} complaint has its first response time from the company's reply to it in the file (the earliest that answers it)": '{n:,} '
                                                                                                                          '件投訴的首次響應時間取自文件中公司對它的回覆（最早的一條）',
 'time less than a minute before the time it must follow (the two written to other precisions): read as that time': '時間比它應當晚於的時間早不到一分鐘（兩者記錄精度不同）：按那個時間讀取',
 'read as description: a second subject column, of long text ({n} characters on the median), where the file has no description column': '讀作描述：第二個“主題”列，內容是長文本（中位數 '
                                                                                                                                        '{n} '
                                                                                                                                        '個字符），而文件沒有描述列',
 'column {column!r} read as the description: a second subject column, of long text, where the file has no description column ({map} "{column}=extra" keeps it aside)': '列 '
                                                                                                                                                                       '{column!r} '
                                                                                                                                                                       '讀作描述：它是第二個“主題”列，內容是長文本，而文件沒有描述列（{map} '
                                                                                                                                                                       '"{column}=extra" '
                                                                                                                                                                       '可把它留在 '
                                                                                                                                                                       'extra '
                                                                                                                                                                       '裏）',
 "the file's columns: {shown}": '文件的列：{shown}',
 '{map}: no column {header!r}: {parent!r} is read as one column (its keys name no field), kept whole in extra': '{map}：沒有列 '
                                                                                                                '{header!r}：{parent!r} '
                                                                                                                '被當作一列讀取（其中的鍵都不對應字段），整體保留在 '
                                                                                                                'extra '
                                                                                                                '裏',
 '{map}: the file has no column {header!r}': '{map}：文件中沒有列 {header!r}',
 'column {column!r}: dates such as {example!r} (line {line}) could be day or month first and no value in the file settles it; read month first. {dayfirst} reads them day first (dayfirst = true in a mapping file)': '列 '
                                                                                                                                                                                                                      '{column!r}：像 '
                                                                                                                                                                                                                      '{example!r}（第 '
                                                                                                                                                                                                                      '{line} '
                                                                                                                                                                                                                      '行）這樣的日期既可能是日在前也可能是月在前，文件中沒有哪個值能確定；按月在前讀取。{dayfirst} '
                                                                                                                                                                                                                      '按日在前讀取（映射文件中寫 '
                                                                                                                                                                                                                      '`dayfirst '
                                                                                                                                                                                                                      '= '
                                                                                                                                                                                                                      'true`）',
 'column {column!r} looked like {field} ({why}), but its values do not back it ({evidence}{examples}): kept in extra{instead}. {map} "{column}={code}" reads it as {field} anyway': '列 '
                                                                                                                                                                                    '{column!r} '
                                                                                                                                                                                    '看起來是{field}（{why}），但它的值不支持這一點（{evidence}{examples}）：保留在附加信息中{instead}。{map} '
                                                                                                                                                                                    '"{column}={code}" '
                                                                                                                                                                                    '可仍按{field}讀取',
 '; e.g. {values}': '；例如 {values}',
 '; {header!r} is read as {field} instead': '；改爲把 {header!r} 讀作{field}',
 'its header is an alias': '表頭是別名',
 'from the word {word!r}': '由 {word!r} 一詞推測',
 'from its header': '由表頭推測',
 "column {column!r} is a length of business time (the desk's working hours, which the file does not give): no span of the clock from received, so no time is made of it; kept in extra": '列 '
                                                                                                                                                                                         '{column!r} '
                                                                                                                                                                                         '是按工作時間計的時長（取決於團隊的工作時間，文件中沒有）：不是從受理起的自然時長，因此不據此得出時間；保留在附加信息中',
 "no subject column: each complaint's subject is the start of its description": '沒有主題列：每件投訴的主題取其描述的開頭',
 'no subject or description column: each complaint\'s subject is its category as written, else "(no subject)" and its ref': '沒有主題列或描述列：每件投訴的主題取文件所寫的類別，沒有類別則爲“(no '
                                                                                                                            'subject)”加外部編號',
 'no subject or description column: each complaint\'s subject is "(no subject)" and its ref': '沒有主題列或描述列：每件投訴的主題爲“(no '
                                                                                              'subject)”加外部編號',
 '{file}: no column is read as the subject, the description, the category or the ref (headers: {headers})': '{file}：沒有哪一列讀作主題、描述、類別或外部編號（表頭：{headers}）',
 'map one with {map} "HEADER=subject"; {show_mapping} shows how each header is read': '用 {map} "表頭=subject" '
                                                                                      '指定一列；{show_mapping} 可查看每個表頭的讀法',
 '{file}: no column is read as the received time (headers: {headers}); complaints without one would all be dated now, which would falsify their history': '{file}：沒有哪一列讀作受理時間（表頭：{headers}）；沒有受理時間的投訴都會記爲現在受理，這會篡改它們的歷史',
 'map the column with {map} "HEADER=received", or give one time for every row with {set} received=2026-11-03, or {received_now} to stamp the import time on purpose': '用 '
                                                                                                                                                                      '{map} '
                                                                                                                                                                      '"表頭=received" '
                                                                                                                                                                      '指定該列，或用 '
                                                                                                                                                                      '{set} '
                                                                                                                                                                      'received=2026-11-03 '
                                                                                                                                                                      '爲每行給出同一時間，或用 '
                                                                                                                                                                      '{received_now} '
                                                                                                                                                                      '有意記爲導入時間',
 'column {column!r} repeats a field; kept in extra as {key!r}': '列 {column!r} 與另一列字段重複；以 {key!r} 保留在附加信息中',
 'no such file: {file}': '沒有這個文件：{file}',
 '{file} is a directory': '{file} 是目錄，不是文件',
 '{file} is empty': '{file} 是空文件',
 '{file} has only empty rows': '{file} 只有空行',
 'a CSV file needs a header row': 'CSV 文件需要一行表頭',
 '{file} is {what}, which import cannot read (it reads CSV, JSON, NDJSON and workbooks)': '{file} 是{what}，導入無法讀取（可讀取 '
                                                                                          'CSV、JSON、NDJSON 和電子表格工作簿）',
 'a ZIP archive that is not an Excel workbook': '不是 Excel 工作簿的 ZIP 壓縮包',
 'unpack it, and import the CSV inside': '請先解壓，再導入其中的 CSV',
 'a PDF document': 'PDF 文檔',
 'export the data from the system that made it as CSV': '請從生成它的系統中把數據導出爲 CSV',
 'gzip-compressed': 'gzip 壓縮文件',
 'decompress it first: gunzip -c FILE | complaintctl import -': '請先解壓：`gunzip -c 文件 | complaintctl import -`',
 'an SQLite database': 'SQLite 數據庫',
 "export its rows as CSV (`sqlite3 -csv -header FILE 'SELECT ...'`), or query it with `complaintctl sql` if it is a complaintctl backup": '請把其中的行導出爲 '
                                                                                                                                          'CSV（`sqlite3 '
                                                                                                                                          '-csv '
                                                                                                                                          '-header '
                                                                                                                                          '文件 '
                                                                                                                                          "'SELECT "
                                                                                                                                          "...'`）；如果它是 "
                                                                                                                                          'complaintctl '
                                                                                                                                          '的備份，可用 '
                                                                                                                                          '`complaintctl '
                                                                                                                                          'sql` '
                                                                                                                                          '查詢',
 'unknown import format {format!r}': '未知的導入格式 {format!r}',
 'csv, json or ndjson': '可用：csv、json 或 ndjson',
 'unknown encoding {encoding!r}': '未知的編碼 {encoding!r}',
 'e.g. utf-8, gb18030, utf-16': '例如 utf-8、gb18030、utf-16',
 'a header row (given, or said to be none) goes with a table (CSV or a workbook); JSON records name their own fields': '表頭行（指定的，或指明沒有）只用於表格（CSV '
                                                                                                                       '或工作簿）；JSON '
                                                                                                                       '記錄自帶字段名',
 '{sheet} goes with a workbook (.xlsx, .xls, .xlsb, .ods)': '{sheet} 只用於工作簿（.xlsx、.xls、.xlsb、.ods）',
 '{delimiter} must be one character, got {given!r}': '{delimiter} 必須是一個字符，給出的是 {given!r}',
 'line {line} is above the header row and was skipped: {text!r}': '第 {line} 行在表頭之上，已跳過：{text!r}',
 "the records are the object's {key!r} list; their positions in it stand for line numbers": '記錄是該對象的 {key!r} '
                                                                                            '列表；它們在列表中的位置代替行號',
 'line {line} holds values, not column names ({why}): the file is read as having no header row, its columns named column_1 .. column_{width} and read by their values; give line {line} as the header row to read it as the header': '第 '
                                                                                                                                                                                                                                     '{line} '
                                                                                                                                                                                                                                     '行是值，不是列名（{why}）：按沒有表頭讀取文件，各列命名爲 '
                                                                                                                                                                                                                                     'column_1 '
                                                                                                                                                                                                                                     '.. '
                                                                                                                                                                                                                                     'column_{width}，按其值判斷；若要把它當表頭，請把第 '
                                                                                                                                                                                                                                     '{line} '
                                                                                                                                                                                                                                     '行指定爲表頭行',
 '{what}, {text!r}, over a column of them': '{what} {text!r}，下面一列也都是這樣的值',
 'a date': '日期',
 'an e-mail address': '郵箱地址',
 'a number': '數字',
 '{file} line {line}: the header row cannot be read ({why})': '{file} 第 {line} 行：無法讀取表頭行（{why}）',
 'the first row must name the columns, e.g. subject,received,customer': '第一行必須是列名，例如 subject,received,customer',
 'the header row given, line {line} of {file}, {what}': '指定的表頭行（{file} 第 {line} 行）{what}',
 'holds no row (it is blank, or inside a record that starts above it)': '沒有行（是空行，或位於從上方開始的一條記錄之中）',
 'cannot be read ({why})': '無法讀取（{why}）',
 'the header row given: {file} has no line {line} with a row on it': '指定的表頭行：{file} 沒有第 {line} 行',
 'give the line (sheet row) that names the columns, or say the file has none': '請給出列名所在的行（工作表行號），或指明文件沒有表頭',
 'row': '該行',
 'missing': '缺失',
 '{value!r} is too small: it must be more than {limit}': '{value!r} 太小：必須大於 {limit}',
 '{value!r} is too small: it must be {limit} or more': '{value!r} 太小：必須不小於 {limit}',
 '{value!r} is not a value of this field': '{value!r} 不是該字段可用的值',
 'not valid: {detail}': '無效：{detail}',
 'text garbled by a wrong encoding ({how}) that cannot be repaired exactly (bytes were lost when it was saved)': '文字因編碼讀錯而成了亂碼（{how}），無法精確修復（保存時丟失了字節）',
 'text garbled by a wrong encoding ({how}) that cannot be repaired exactly (bytes were lost or changed when it was saved)': '文字因編碼讀錯而成了亂碼（{how}），無法精確修復（保存時字節丟失或被改動）',
 'UTF-8 read as {codec} and saved again': 'UTF-8 被當作 {codec} 讀取後又保存',
 '{why}, in column {column!r}: {value!r}': '{why}，在列 {column!r} 中：{value!r}',
 '{field} {was} vs {new}': '{field}：{was} 與 {new}',
 '{differences}; and {n} more': '{differences}；另有 {n} 處',
 '(empty)': '（空）',
 'repeats {what}': '重複了{what}',
 'repeats {what} with other values ({differences}): not imported': '重複了{what}，但值不同（{differences}）：未導入',
 'ref {ref!r} of line {line}': '第 {line} 行的外部編號 {ref!r}',
 'line {line} (the same subject, time, customer and text)': '第 {line} 行（主題、時間、客戶和內容都相同）',
 "{what}, already in the database with other values ({differences}; the database's first): not changed{how}": '{what}，數據庫中已有且值不同（{differences}；前者爲數據庫中的值）：未修改{how}',
 'ref {ref!r} is complaint #{id}': '外部編號 {ref!r} 是投訴 #{id}',
 'the same complaint is #{id}': '同一件投訴是 #{id}',
 "; {update} takes this row's": '；{update} 會採用本行的值',
 '{file} line {line}: a quoted field that starts on this line is never closed': '{file} 第 {line} 行：從這一行開始的帶引號字段沒有閉合',
 '{file} line {line}: malformed CSV ({why})': '{file} 第 {line} 行：CSV 格式錯誤（{why}）',
 'the rows before it were imported; close the quote (a quote inside a quoted field is written "") and run the import again': '之前的行已導入；請補上引號（帶引號字段中的引號寫作 '
                                                                                                                             '""）後再次導入',
 'the rows before it were imported': '之前的行已導入',
 'malformed CSV: {why} (a quote inside a quoted field is written "")': 'CSV 格式錯誤：{why}（帶引號字段中的引號寫作 ""）',
 'detected from the start of the file': '按文件開頭檢測',
 'as given': '按指定',
 'further on': '文件後面',
 're-run with {encoding} {fits} (that line reads as {fits})': '請用 {encoding} {fits} 重新導入（該行按 {fits} 可以讀取）',
 're-run with {encoding} and that encoding (utf-8, gb18030, cp1252, ...)': '請用 {encoding} 加上該編碼（utf-8、gb18030、cp1252 '
                                                                           '等）重新導入',
 '{file} {where} is not valid {encoding} ({how})': '{file} {where}不是有效的 {encoding} 文本（編碼{how}）',
 "cannot tell the file's encoding": '無法判斷文件的編碼',
 'the rows before it were imported. If the whole file is in another encoding, {rerun}; if only some lines are (files joined from two systems), fix them and re-run. Rows already imported are recognised and not doubled': '之前的行已導入。如果整個文件是另一種編碼，{rerun}；如果只有部分行是（由兩個系統的文件拼接而成），請修正這些行後重新導入。已導入的行會被識別，不會重複',
 'give {encoding}, e.g. utf-8, gb18030, utf-16': '請用 {encoding} 指定，例如 utf-8、gb18030、utf-16',
 '{where}: unknown field {field!r}': '{where}：未知的字段 {field!r}',
 'mapping file [defaults]': '映射文件 `[defaults]`',
 'fields: {fields}': '可用字段：{fields}',
 'mapping file {file} [columns] {header!r}': '映射文件 {file} `[columns]` {header!r}',
 '{map} {value!r} is not Header=field': '{map} {value!r} 不是“表頭=字段”的形式',
 'mapping file {file} not found': '找不到映射文件 {file}',
 'mapping file {file} is not valid TOML: {why}': '映射文件 {file} 不是有效的 TOML：{why}',
 'mapping file {file}: {where}: {why}': '映射文件 {file}：{where}：{why}',
 'e.g. {map} "工单来源=channel"': '例如 {map} "工單來源=channel"',
 '{set} {value!r} is not field=value': '{set} {value!r} 不是“字段=值”的形式',
 '{where}: {name!r} cannot be given one value for every row': '{where}：{name!r} 不能爲每一行給出同一個值',
 'e.g. {set} channel=phone': '例如 {set} channel=phone',
 'give it a column in the file ({map} "HEADER=field")': '請在文件中給它一列（{map} "表頭=字段"）',
 'a batch of {size} rows is not possible: from 1 to {most:,} rows': '每批 {size} 行不可行：只能是 1 到 {most:,} 行',
 'the default, 5000, is right for almost every file': '默認的 5000 適合幾乎所有文件',
 'it cannot be written': '它不可寫',
 'cannot write the rejects file {file}: {why}': '無法寫入拒收文件 {file}：{why}',
 'choose another place with {rejects} PATH': '請用 {rejects} 路徑 另選位置',
 'no folder to write it in': '沒有可寫入它的文件夾',
 'its folder cannot be written': '它所在的文件夾不可寫',
 'in Excel or WPS: File > Save As > CSV UTF-8 (Comma delimited), then import that file': '在 Excel 或 WPS 中：文件 > 另存爲 > '
                                                                                         'CSV UTF-8（逗號分隔），再導入那個文件',
 '{file} has no sheet {sheet!r}': '{file} 沒有工作表 {sheet!r}',
 '{file}: sheet {sheet!r} is empty': '{file}：工作表 {sheet!r} 是空的',
 '{file} holds {mb:,.0f} MB, more than the {most} MB a workbook is read with (the whole sheet is held in memory)': '{file} '
                                                                                                                   '有 '
                                                                                                                   '{mb:,.0f} '
                                                                                                                   'MB，超過了讀取工作簿的上限 '
                                                                                                                   '{most} '
                                                                                                                   'MB（整個工作表都要載入內存）',
 '{file} is not an Excel workbook that can be read ({why})': '{file} 不是可以讀取的 Excel 工作簿（{why}）',
 'its sheets: {sheets}': '它的工作表：{sheets}',
 'give the sheet that holds the complaints with {option} NAME (sheets: {sheets})': '請用 {option} 名稱 '
                                                                                   '指定存放投訴的工作表（工作表：{sheets}）',
 '{file} is password-protected or not a workbook that can be read ({why})': '{file} 有密碼保護，或不是可以讀取的工作簿（{why}）',
 '{file}: a sheet holds more than the {most} MB of data a workbook is read with (the whole sheet is held in memory)': '{file}：有一個工作表的數據超過了讀取工作簿的上限 '
                                                                                                                      '{most} '
                                                                                                                      'MB（整個工作表都要載入內存）',
 '{file}: a sheet spans {rows:,} rows x {columns:,} columns (to cell {cell}), more than the {most:,} cells a workbook is read with (the whole range is held in memory)': '{file}：有一個工作表跨 '
                                                                                                                                                                         '{rows:,} '
                                                                                                                                                                         '行 '
                                                                                                                                                                         '× '
                                                                                                                                                                         '{columns:,} '
                                                                                                                                                                         '列（到單元格 '
                                                                                                                                                                         '{cell}），超過了讀取工作簿的上限 '
                                                                                                                                                                         '{most:,} '
                                                                                                                                                                         '個單元格（整個區域都要載入內存）',
 'remove the password, or {save}': '請去掉密碼，或{save}',
 'take the records out with {jq}: {jq} .{key} FILE | complaintctl import {input_format} json -': '用 {jq} 取出記錄：{jq} '
                                                                                                 '.{key} FILE | '
                                                                                                 'complaintctl import '
                                                                                                 '{input_format} json '
                                                                                                 '-',
 '{file}: expected a JSON array of objects, found one object too big to read whole ({mb} MB)': '{file}：應爲由對象組成的 JSON '
                                                                                               '數組，卻是一個太大、無法整體讀取的對象（{mb} '
                                                                                               'MB）',
 '{file}: JSON nested too deeply to read': '{file}：JSON 嵌套太深，無法讀取',
 '{file} line {line}: a second JSON value after the first object': '{file} 第 {line} 行：第一個對象之後還有第二個 JSON 值',
 'for one object per line use {input_format} ndjson': '每行一個對象的文件請用 {input_format} ndjson',
 '{file} line {line}: invalid JSON ({why})': '{file} 第 {line} 行：JSON 無效（{why}）',
 '{file}: expected a JSON array of objects, found one object with several lists of objects ({keys})': '{file}：應爲由對象組成的 '
                                                                                                      'JSON '
                                                                                                      '數組，卻是一個含多個對象列表的對象（{keys}）',
 '{file}: the JSON array is not closed with ]': '{file}：JSON 數組沒有以 ] 結束',
 '{file}: expected a JSON array of objects': '{file}：應爲由對象組成的 JSON 數組',
 '{file} line {line}: a record nested too deeply to read; the records before it were imported': '{file} 第 {line} '
                                                                                                '行：一條記錄嵌套太深，無法讀取；之前的記錄已導入',
 'not a JSON object but an array': '不是 JSON 對象，而是數組',
 'not a JSON object but a string': '不是 JSON 對象，而是字符串',
 'not a JSON object but a number': '不是 JSON 對象，而是數字',
 'not a JSON object but {value}': '不是 JSON 對象，而是 {value}',
 'not a JSON object but a value': '不是 JSON 對象',
 'invalid JSON: {why}': 'JSON 無效：{why}',
 '{set} {field}={value}: unknown {field} {value!r}': '{set} {field}={value}：未知的 {field} {value!r}',
 '{set} {field}={value}: {why}': '{set} {field}={value}：{why}',
 'the first {read:,} rows were read and saved before it ({inserted:,} inserted, {updated:,} updated): run the same import again to finish (rows already imported are recognised, nothing is doubled)': '在此之前已讀取並保存前 '
                                                                                                                                                                                                       '{read:,} '
                                                                                                                                                                                                       '行（新增 '
                                                                                                                                                                                                       '{inserted:,}，更新 '
                                                                                                                                                                                                       '{updated:,}）：再運行一次同樣的導入即可完成（已導入的行會被認出，不會重複）',
 '{saved}; {hint}': '{saved}；{hint}',
 '{differing} of its {repeated} repeated values come with different received times: a reference names one complaint': '重複出現的 '
                                                                                                                      '{repeated} '
                                                                                                                      '個值中有 '
                                                                                                                      '{differing} '
                                                                                                                      '個對應不同的受理時間：一個編號只指一件投訴',
 'column {column!r} looked like the reference, but rows sharing its values were received at different times ({evidence}): kept in extra, every row is a complaint of its own. {map} "{column}=ref" reads it as the reference anyway': '列 '
                                                                                                                                                                                                                                      '{column!r} '
                                                                                                                                                                                                                                      '看起來是外部編號，但值相同的行受理時間不同（{evidence}）：已保留在附加信息中，每一行各是一件投訴。{map} '
                                                                                                                                                                                                                                      '"{column}=ref" '
                                                                                                                                                                                                                                      '仍可把它讀作外部編號',
 '{items} or {last}': '{items}或{last}',
 '{items} and {last}': '{items}和{last}',
 'January': '1月',
 'February': '2月',
 'March': '3月',
 'April': '4月',
 'May': '5月',
 'June': '6月',
 'July': '7月',
 'August': '8月',
 'September': '9月',
 'October': '10月',
 'November': '11月',
 'December': '12月',
 'date': '日期',
 'impossible date or time ({detail})': '不可能的日期或時間（{detail}）',
 'month {month}': '月份 {month}',
 'year {year}': '年份 {year}',
 'no day {day} in {year}-{month:02d}': '{year}-{month:02d} 沒有 {day} 日',
 'hour {hour}': '小時 {hour}',
 'minute {minute}': '分鐘 {minute}',
 'second {second}': '秒 {second}',
 'minutes missing after the colon': '冒號後面缺少分鐘',
 'empty {what}': '{what}爲空',
 'give a date such as 2026-11-03 14:05 or today': '請給出日期，例如 2026-11-03 14:05 或 今天',
 'give a date such as 2026-11-05 or 11月5日': '請給出日期，例如 2026-11-05 或 11月5日',
 "say '{n} day ago', or give a date such as 2026-11-05 or 11月5日": '請寫“{n} 天前”，或給出日期，例如 2026-11-05 或 11月5日',
 'cannot read {what} {text!r}: {kind} is not a date': '無法讀取{what} {text!r}：{kind}不是日期',
 'cannot read {what} {text!r}: one number is not a date': '無法讀取{what} {text!r}：單獨一個數字不是日期',
 'a bare number': '單獨的數字',
 'a decimal number': '小數',
 'a negative bare number': '單獨的負數',
 'a negative decimal number': '負的小數',
 'a signed bare number': '帶正負號的數字',
 'a signed decimal number': '帶正負號的小數',
 'a time without its date (the file must give the day)': '只有時間沒有日期（文件必須給出日期）',
 '{moment} is still to come; give the year for another one': '{moment} 還沒到；如果指的是別的年份，請寫明年份',
 "no {day} {month} in {year}, and this year's is still to come; give the year": '{year} 年沒有{month}{day}日，而今年的還沒到；請寫明年份',
 '{word} needs a time of day after it': '{word}後面需要時間',
 'cannot read {what} {text!r}: out of range': '無法讀取{what} {text!r}：超出範圍',
 'a date between 1970 and 9999': '應爲 1970 到 9999 年之間的日期',
 'cannot read {what} {text!r}: {why}': '無法讀取{what} {text!r}：{why}',
 'cannot read {what} {text!r}': '無法讀取{what} {text!r}',
 'use e.g. 2026-11-03 14:05, 2026/11/3, 3 Nov 2026, 2026年11月3日, today, yesterday': '可以寫成例如 2026-11-03 '
                                                                                   '14:05、2026/11/3、2026年11月3日、今天、昨天',
 'empty tag': '標籤爲空',
 'tag too long ({length} characters, at most {most})': '標籤太長（{length} 個字符，最多 {most} 個）',
 '{subject} "what the complaint is about"': '{subject} "投訴的內容"',
 'subject too long ({length} characters, at most {most})': '主題太長（{length} 個字符，最多 {most} 個）',
 'put the detail in {description}': '詳細內容請寫在 {description} 裏',
 '{what} too long ({length:,} characters, at most {most:,})': '{what}太長（{length:,} 個字符，最多 {most:,} 個）',
 '{what} {value!r} holds a control character (U+{code:04X})': '{what} {value!r} 含有控制字符（U+{code:04X}）',
 'one line of printable text': '應爲一行可打印的文字',
 'an empty actor': '操作人爲空',
 '{actor} NAME or COMPLAINTCTL_ACTOR': '用 {actor} 姓名 或 COMPLAINTCTL_ACTOR 指定',
 'received': '受理',
 'closing': '關閉',
 'the {later_label} time {later} is before the {label} time {at}': '{later_label}時間 {later} 早於{label}時間 {at}',
 'use {step}': '請用 {step}',
 'TEXT': '文字',
 'the complaint is already {status}': '投訴已經是{status}狀態',
 'reopening a resolved complaint records a reason and is counted': '重開已解決的投訴要記錄原因，並會被計數',
 'closing records an outcome': '關閉要記錄處理結果',
 'a complaint cannot go back to new': '投訴不能退回新建狀態',
 'the complaint is closed': '投訴已關閉',
 'cannot move from {current} to {target}': '不能從{current}變爲{target}',
 'legal moves: {moves}, or close': '可以變爲：{moves}，或關閉',
 'legal moves: none': '沒有可以變爲的狀態',
 'nothing to change': '沒有要修改的內容',
 'give {inputs}': '請給出 {inputs}',
 "calendar line {number}: expected 'DATE holiday|workday [note]'": "日曆第 {number} 行：應爲 '日期 holiday|workday [備註]'",
 'calendar line {number}: unknown kind {kind!r}': '日曆第 {number} 行：未知的類型 {kind!r}',
 'holiday or workday': '應爲 holiday（休）或 workday（班）',
 'bad date {text!r}': '日期有誤 {text!r}',
 'calendar line {number}: bad date {text!r}': '日曆第 {number} 行：日期有誤 {text!r}',
 'YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD': '應爲 年-月-日 或 年-月-日..年-月-日',
 'cannot read years {text!r}': '無法讀取年份 {text!r}',
 'e.g. 2026 or 2025..2027': '例如 2026 或 2025..2027',
 'the holidays package is not installed': '沒有安裝 holidays 軟件包',
 '{country} has subdivisions {subdivisions}': '{country} 有下級地區 {subdivisions}',
 'an ISO 3166 country code, e.g. CN, HK, TW, SG, US, GB, DE; or COUNTRY-SUBDIVISION, e.g. US-CA': '應爲 ISO 3166 '
                                                                                                  '國家或地區代碼，例如 '
                                                                                                  'CN、HK、TW、SG、US、GB、DE；或 '
                                                                                                  '國家-下級地區，例如 US-CA',
 'no public holiday calendar for {region!r}': '沒有 {region!r} 的公衆假期日曆',
 'ends on {end}, in {n} day': '將於 {end} 結束（還有 {n} 天）',
 'ended on {end}': '已於 {end} 結束',
 'has no published year': '沒有已公佈的年份',
 '{what}: {fix}': '{what}：{fix}',
 'the {region} holiday calendar {when}': '{region} 假期日曆{when}',
 'later holidays and make-up working days are not known, so due times after it may fall on a holiday; when the next schedule is published, upgrade the holidays package and run {again} again, or enter the days with {holiday} / {workday}': '之後的假期和調休上班日還不知道，所以之後的到期時間可能落在假期；下一年的安排公佈後，請升級 '
                                                                                                                                                                                                                                              'holidays '
                                                                                                                                                                                                                                              '軟件包並再次運行 '
                                                                                                                                                                                                                                              '{again}，或用 '
                                                                                                                                                                                                                                              '{holiday} '
                                                                                                                                                                                                                                              '/ '
                                                                                                                                                                                                                                              '{workday} '
                                                                                                                                                                                                                                              '錄入這些日子',
 'times as UTC ISO-8601 text (see {check})': '時間應爲 UTC ISO-8601 文本（見 {check}）',
 'complaint #{id} has a time its SLA clock cannot read ({detail})': '投訴 #{id} 有一個時限計時無法讀取的時間（{detail}）',
 'correct it, e.g. {update}; {check} lists such times': '請更正，例如 {update}；{check} 會列出這樣的時間',
 'TIME': '時間',
 'SLA target': '時限',
 'e.g. 90m, 4h, 3d, 1w, or business time 4bh, 2bd': '例如 90m、4h、3d、1w，或工作時間 4bh、2bd',
 '{what} {text!r} is too long: dates end in the year 9999': '{what} {text!r} 太長：日期只到 9999 年',
 'at most 2500000d; e.g. 90m, 4h, 3d, 1w': '最多 2500000d；例如 90m、4h、3d、1w',
 'unknown time zone {zone!r}': '未知的時區 {zone!r}',
 'e.g. Asia/Shanghai, Europe/Berlin, UTC': '例如 Asia/Shanghai、Europe/Berlin、UTC',
 'working hours must end after they start': '工作時間的結束必須晚於開始',
 'the business calendar has no working time': '工作日曆裏沒有工作時間',
 'check {step}': '請檢查 {step}',
 'cannot read working days {text!r}': '無法讀取工作日 {text!r}',
 'e.g. mon-fri or mon,tue,wed,thu,fri,sat': '例如 mon-fri 或 mon,tue,wed,thu,fri,sat',
 'e.g. mon-fri': '例如 mon-fri',
 'no working days given': '沒有給出工作日',
 'cannot read working hours {text!r}': '無法讀取工作時間 {text!r}',
 'e.g. 09:00-18:00': '例如 09:00-18:00',
 'impossible working hours {text!r}': '不可能的工作時間 {text!r}',
 '{advice_en}/{advice_zh} go with personality codes': '{advice_en}/{advice_zh} 只用於客戶性格代碼',
 'a severity needs {respond} and {resolve} targets': '嚴重程度需要 {respond} 和 {resolve} 時限',
 'e.g. {respond} 4h {resolve} 3d': '例如 {respond} 4h {resolve} 3d',
 '{respond}/{resolve} go with severity codes': '{respond}/{resolve} 只用於嚴重程度代碼',
 'both {label_en} and {label_zh} are required': '{label_en} 和 {label_zh} 都必須給出',
 'remove that alias first ({step})': '請先刪除那個別名（{step}）',
 'valid: {codes} (or their labels; {step} teaches a new label)': '可用：{codes}（或它們的名稱；{step} 可以教會一個新名稱）',
 'LABEL': '名稱',
 '{text!r} already reads as {kind} {code}': '{text!r} 已被讀作{kind}“{code}”',
 "it is that code's own label or a built-in alias": '它是那個代碼自己的名稱或內置別名',
 'no taught {kind} alias {label!r}': '沒有教過的{kind}別名 {label!r}',
 'unknown {kind} {value!r}': '未知的{kind} {value!r}',
 'invalid agent name {name!r}': '無效的坐席名稱 {name!r}',
 'one word, e.g. li.wei or alice': '一個詞，例如 li.wei 或 wang.fang',
 'agent {name!r} already exists': '坐席 {name!r} 已存在',
 'active agents: {names}': '在職坐席：{names}',
 'add one with {step}': '用 {step} 添加',
 'no agent named {name!r}': '沒有名爲 {name!r} 的坐席',
 'give one of {inputs}': '請給出 {inputs} 中的一個',
 "cannot hand {name}'s complaints to {target!r}: {why}": '不能把 {name} 的投訴交給 {target!r}：{why}',
 'the same agent': '是同一位坐席',
 'inactive': '已停用',
 'give an active colleague': '請給出一位在職的同事',
 'agent {name!r} is already inactive and still has {held}': '坐席 {name!r} 已停用，但仍有{held}',
 'agent {name!r} is already inactive': '坐席 {name!r} 已停用',
 'hand them over with {step}': '用 {step} 移交',
 '{name} still has {held}': '{name} 仍有{held}',
 '{reassign_to} AGENT hands them over, {unassign} returns them to the queue, {keep_assigned} leaves them': '{reassign_to} '
                                                                                                           '坐席 '
                                                                                                           '把它們移交，{unassign} '
                                                                                                           '放回待處理隊列，{keep_assigned} '
                                                                                                           '仍由其處理',
 '{ids} and {n} more': '{ids} 等，另有 {n} 件',
 '{n} open complaint ({ids})': '{n} 件未結投訴（{ids}）',
 'you are {actor!r}, who is not an agent': '你是 {actor!r}，不是坐席',
 'add yourself with {step}, or say who you are with {option} NAME or COMPLAINTCTL_ACTOR': '用 {step} 添加自己，或用 {option} '
                                                                                          '名稱 或 COMPLAINTCTL_ACTOR '
                                                                                          '說明你是誰',
 'invalid reply name {name!r}': '無效的回覆模板名稱 {name!r}',
 "lowercase letters, digits, '_', '.', '-', e.g. delivery-late; add :zh or :en for one language": "小寫字母、數字、'_'、'.'、'-'，例如 "
                                                                                                  'delivery-late；加 :zh '
                                                                                                  '或 :en 表示某一種語言',
 'unknown reply language {lang!r}': '未知的回覆語言 {lang!r}',
 'zh or en, e.g. delivery-late:en': 'zh 或 en，例如 delivery-late:en',
 'invalid webhook name {name!r}': '無效的 webhook 名稱 {name!r}',
 'one word, e.g. team-wecom': '一個詞，例如 team-wecom',
 'notifications are off: {step}': '通知已關閉：{step}',
 'no e-mail configured: {step}': '沒有設置郵件：{step}',
 'HOST': '主機',
 'ADDRESS': '地址',
 'a customer needs a name, email, phone or company': '客戶需要姓名、郵箱、電話或公司',
 'a complaint with nobody behind it is logged without {customer}': '沒有具體客戶的投訴，登記時不寫 {customer}',
 'customer #{id} already has {field} {value}': '客戶 #{id} 已有{field} {value}',
 '{edit} with {option} changes it for all their complaints; {update} with {option} files this complaint under another person': '{edit} '
                                                                                                                               '加 '
                                                                                                                               '{option} '
                                                                                                                               '會修改其所有投訴；{update} '
                                                                                                                               '加 '
                                                                                                                               '{option} '
                                                                                                                               '把這件投訴歸到另一個人名下',
 '{field} {value} belongs to customer #{id} {name}': '{field} {value} 屬於客戶 #{id} {name}',
 '{field} {value} belongs to customer #{id}': '{field} {value} 屬於客戶 #{id}',
 "to file this complaint under them, give {customer} '#{id}'; if they are one person, {step}": '要把這件投訴歸到該客戶名下，請給出 '
                                                                                               '{customer} '
                                                                                               "'#{id}'；如果是同一個人，請用 "
                                                                                               '{step}',
 'email {email}': '郵箱 {email}',
 'phone {phone}': '電話 {phone}',
 '{contact} belongs to customer #{id} {found}, not {name}': '{contact} 屬於客戶 #{id} {found}，不是 {name}',
 "to file it under {found}, leave out {customer} or give {customer} '#{id}'; to record {name} as another person with the same contact (a family, a switchboard), add {new_customer}": '要歸到 '
                                                                                                                                                                                      '{found} '
                                                                                                                                                                                      '名下，請不寫 '
                                                                                                                                                                                      '{customer} '
                                                                                                                                                                                      '或給出 '
                                                                                                                                                                                      '{customer} '
                                                                                                                                                                                      "'#{id}'；要把 "
                                                                                                                                                                                      '{name} '
                                                                                                                                                                                      '記爲聯繫方式相同的另一個人（家人、總機），請加上 '
                                                                                                                                                                                      '{new_customer}',
 '{new_customer} records a new person, and {name} is a known customer': '{new_customer} 用於登記新客戶，而 {name} 是已有客戶',
 "give the new person's name, or leave out {new_customer}": '請給出新客戶的姓名，或不寫 {new_customer}',
 'customer #{id} has the same {field}; if they are one person, {step}': '客戶 #{id} 有相同的{field}；如果是同一個人，請用 {step}',
 'no customer #{id}': '沒有客戶 #{id}',
 '{weeks} must be between 1 and {most}': '{weeks} 必須在 1 到 {most} 之間',
 '{path} already has {n} complaints': '{path} 已有 {n} 件投訴',
 'use {force} to add a demo history anyway': '如仍要加入演示數據，請用 {force}',
 '{columns} is empty': '{columns} 爲空',
 '{option} {labels!r}: give en or zh': '{option} {labels!r}：請給出 en 或 zh',
 'give {week} or {start}/{end}, not both': '請給出 {week} 或 {start}/{end}，不能同時給出',
 '{start} and {end} go together': '{start} 和 {end} 要一起給出',
 '{end} must be after {start}': '{end} 必須晚於 {start}',
 'cannot fill in {output} {pattern!r}': '無法填寫 {output} {pattern!r}',
 'placeholders: {names}': '可用的佔位符：{names}',
 '{mine} goes without {assignee} and {unassigned}': '{mine} 不能與 {assignee} 和 {unassigned} 一起使用',
 '{days} must be 0 (every resolved complaint) or more': '{days} 必須是 0（所有已解決的投訴）或更大',
 'bad {param} {value!r}': '無效的 {param} {value!r}',
 'use NAME=VALUE, and :NAME in the query': '請寫成 名稱=值，並在查詢裏用 :名稱',
 'the query ran longer than its time limit ({seconds:g} s) and was stopped': '查詢超過了時間限制（{seconds:g} 秒），已停止',
 '{timeout} SECONDS for more (0: none), or narrow it with WHERE or LIMIT': '用 {timeout} 秒數 放寬（0：不限），或用 WHERE 或 LIMIT '
                                                                           '縮小查詢',
 'name a complaint by its id (42, #42) or its reference (ref:INC0012); see {step}': '請用編號（42、#42）或外部編號（ref:INC0012）指明投訴；見 '
                                                                                    '{step}',
 'no SLA clock: no severity (classify it, or set {step})': '沒有時限計時：沒有嚴重程度（請分類，或設置 {step}）',
 'SEVERITY': '嚴重程度',
 'no model yet: run {step}': '還沒有模型：請運行 {step}',
 'no complaint #{id}': '沒有投訴 #{id}',
 'the model is no better than always guessing the commonest code on held-out history ({model:.1f}% against {commonest:.1f}% put first right)': '在留出的歷史上，模型並不比總猜最常見的代碼更好（首選正確 '
                                                                                                                                               '{model:.1f}%，對比 '
                                                                                                                                               '{commonest:.1f}%）',
 'complaint #{id} has the reference {ref}: name it ref:{ref}': '投訴 #{id} 的外部編號是 {ref}：請寫成 ref:{ref}',
 'no complaint with the reference {ref!r}': '沒有外部編號爲 {ref!r} 的投訴',
 'no rule #{id}': '沒有規則 #{id}',
 'the customer has no e-mail address: {step}': '客戶沒有電子郵件地址：{step}',
 'notifications are off': '通知已關閉',
 '{step} (after setting up a webhook)': '{step}（先設置好 Webhook）',
 'no webhook listens for overdue complaints': '沒有接收超時投訴通知的 Webhook',
 'URL': '網址',
 'give {email} ADDRESS or {webhook} NAME': '請給出 {email} 地址 或 {webhook} 名稱',
 'a reply': '回覆',
 'an e-mail': '郵件',
 'an e-mail subject': '郵件主題',
 '{what} needs its text': '{what}需要正文',
 '{text} TEXT, {text} - (stdin) or {editor} (your editor)': '{text} 文字、{text} -（標準輸入）或 {editor}（你的編輯器）',
 'the reply uses {{{name}}}, which this complaint does not have': '回覆用到了 {{{name}}}，而這件投訴沒有這一項',
 'fill it in yourself with {editor}, or use {note}': '請用 {editor} 自己填寫，或用 {note}',
 'a few seconds: what is not sent by then waits for {step}': '幾秒即可：到時沒發出的會等 {step}',
 'remove it first: {step}': '請先刪除：{step}',
 'change it with {step}': '用 {step} 修改',
 'a deadline of {seconds} s is not possible: from {low} to {high} seconds': '期限 {seconds} 秒不可行：應爲 {low} 到 {high} 秒',
 'webhook {name!r} already exists': 'Webhook {name!r} 已存在',
 'no webhook named {name!r}': '沒有名爲 {name!r} 的 Webhook',
 'replies: {names}': '回覆模板：{names}',
 'no reply template {what!r}': '沒有回覆模板 {what!r}',
 "reply template '{name}:{lang}' already exists": "回覆模板 '{name}:{lang}' 已存在",
 'unknown outcome {outcome!r}': '未知的處理結果 {outcome!r}',
 'valid: {codes}': '可用的有：{codes}',
 'a duplicate needs {option} N': '重複投訴需要 {option} N',
 'a complaint cannot be a duplicate of itself': '投訴不能是它自己的重複',
 '{option} goes with {outcome} duplicate': '{option} 要與 {outcome} duplicate 一起用',
 'a resolution is required': '需要解決方案',
 '{resolution} "what was decided and done"': '{resolution} "作出的決定和採取的措施"',
 'complaint #{id} is already closed': '投訴 #{id} 已經關閉',
 'reopen it with {step}': '用 {step} 重開',
 'a reason is required': '需要原因',
 '{reason} "why it is reopened"': '{reason} "重開的原因"',
 'complaint #{id} is {status}, not resolved or closed': '投訴 #{id} 狀態爲{status}，不是已解決或已關閉',
 'only resolved or closed complaints can be reopened': '只有已解決或已關閉的投訴可以重開',
 'received time {at} is in the future': '受理時間 {at} 在未來',
 'reference {ref!r} is already complaint #{id}': '參考號 {ref!r} 已是投訴 #{id}',
 'see {step}': '見 {step}',
 'cannot classify by {fields}': '不能按{fields}分類',
 'nothing to classify': '沒有要分類的內容',
 'complaint #{id} is closed': '投訴 #{id} 已關閉',
 'reopen it first with {step}': '請先用 {step} 重開',
 'NAME': '名稱',
 'agent {name!r} is inactive': '坐席 {name!r} 已停用',
 'reactivate with {step}': '用 {step} 重新啓用',
 'a reply needs its text': '回覆需要文字',
 '{note} TEXT, {reply} NAME or {editor}': '{note} 文字、{reply} 模板名 或 {editor}',
 'nothing to update': '沒有要更新的內容',
 'give {status}, {note} or a field such as {subject}': '請給出 {status}、{note} 或某個字段，例如 {subject}',
 'unknown status {status!r}': '未知的狀態 {status!r}',
 'cannot edit {field}': '不能修改 {field}',
 'this customer already has open complaint #{id} with a similar subject: {subject!r}': '這位客戶已有主題相似的未結投訴 '
                                                                                       '#{id}：{subject!r}',
 'take it over with {step}': '用 {step} 接手',
 "complaint #{id} is {name}'s ({full_name}) since {at}": '投訴 #{id} 自 {at} 起由 {name}（{full_name}）處理',
 "complaint #{id} is {name}'s ({full_name})": '投訴 #{id} 由 {name}（{full_name}）處理',
 "complaint #{id} is {name}'s since {at}": '投訴 #{id} 自 {at} 起由 {name} 處理',
 "complaint #{id} is {name}'s": '投訴 #{id} 由 {name} 處理',
 'a confidence is between 0 and 1, not {value}': '置信度應在 0 到 1 之間，而不是 {value}',
 'give {respond} and/or {resolve}': '請給出 {respond} 和/或 {resolve}',
 'e.g. {step}': '例如 {step}',
 '{reason} "why it is escalated"': '{reason} "升級的原因"',
 'complaint #{id} is {status}': '投訴 #{id} 狀態爲{status}',
 'reopen it first': '請先重開',
 'nothing to escalate: the severity is already the highest and no {to} was given': '沒有可升級的：嚴重程度已是最高，也沒有給出 {to}',
 'give {to} LEAD or {severity} LEVEL': '請給出 {to} 組長 或 {severity} 級別',
 'score must be 1 to 5, got {score!r}': '評分必須是 1 到 5，而不是 {score!r}',
 'complaint #{id} is {status}: surveys follow a resolution': '投訴 #{id} 狀態爲{status}：回訪在解決之後',
 'resolve or close it first': '請先解決或關閉它',
 '{close_after} must be at least 1 day': '{close_after} 至少爲 1 天',
 'days must be at least 1': '天數至少爲 1',
 'complaint #{id}: {problem}': '投訴 #{id}：{problem}',
 'times run received <= first response <= resolution <= closing': '時間順序應爲 受理 <= 首次響應 <= 解決 <= 關閉',
 '{against} {text!r} is not a chain head': '{against} {text!r} 不是審計鏈的鏈頭',
 'give ID:HASH as {step} prints it, e.g. 4211:3f9c...': '請按 {step} 打印的格式給出 編號:哈希，例如 4211:3f9c...',
 '{keep} needs a directory to prune': '{keep} 需要一個可清理的目錄',
 'give DEST as a directory, or leave it out': '請把目標寫成目錄，或不寫',
 'no directory {directory}': '沒有目錄 {directory}',
 'create it, or add {mkdir}': '請先創建，或加上 {mkdir}',
 "{dest} is an SQLite database (a backup, or another program's): a backup never replaces one, even with {force}; nothing was written": '{dest} '
                                                                                                                                       '是一個 '
                                                                                                                                       'SQLite '
                                                                                                                                       '數據庫（備份或其他程序的數據庫）：備份從不覆蓋數據庫，即使用了 '
                                                                                                                                       '{force}；沒有寫入任何內容',
 'give a new file name, or a directory: {step} keeps the newest N': '請給出新的文件名或目錄：{step} 保留最新的 N 個',
 'DIR': '目錄',
 '{dest} already exists': '{dest} 已存在',
 '{dest} already exists (made while this backup ran)': '{dest} 已存在（在本次備份進行時生成）',
 'use {force} to replace it, or give another path': '用 {force} 覆蓋它，或給出另一個路徑',
 '{shared} is for a database file': '{shared} 只用於數據庫文件',
 "{roles} makes a PostgreSQL server's roles: a database file has none": '{roles} 創建的是 PostgreSQL 服務器的角色：數據庫文件沒有角色',
 "on a file, who may read and write is the file's: its owner, or team mode's group": '在文件上，誰可以讀寫由文件決定：它的所有者，或團隊模式下的組',
 "on PostgreSQL, who may read and write is the server's: database roles and grants (docs/security.md)": '在 PostgreSQL '
                                                                                                        '上，誰可以讀寫由服務器決定：數據庫角色和授權（docs/security.md）',
 'internal error: {kind}: {error} (run with {debug} for details)': '內部錯誤：{kind}：{error}（加 {debug} 運行可看詳情）',
 '{fix}; {more}': '{fix}；{more}',
 'check {db} / COMPLAINTCTL_DB; if this was the database, restore the newest backup ({step})': '請檢查 {db} / '
                                                                                               'COMPLAINTCTL_DB；如果這就是數據庫，請恢復最新的備份（{step}）',
 'BACKUP': '備份',
 'check {db} / COMPLAINTCTL_DB': '請檢查 {db} / COMPLAINTCTL_DB',
 'compare with a backup ({step}); the events from there on cannot be trusted': '請與備份比較（{step}）；從那裏起的事件不可信',
 "{step} as the files' owner (or root) gives them to the folder's group": '以文件所有者（或超級用戶）運行 {step}，把文件交給所在文件夾的組',
 '{backup} has a -wal file beside it holding changes not in the file itself': '{backup} 旁邊有一個 -wal 文件，其中有文件本身沒有的改動',
 'run {step} once, which folds them in, then restore': '先運行一次 {step} 把改動併入文件，再恢復',
 '{pragma}: ok': '{pragma}：正常',
 'not an SQLite database, or damaged beyond reading': '不是 SQLite 數據庫，或已損壞到無法讀取',
 'the file is damaged: {messages}': '文件已損壞：{messages}',
 'restore the newest backup ({step}), or try `sqlite3 FILE .recover` into a new file': '恢復最新的備份（{step}），或試試用 `sqlite3 '
                                                                                       'FILE .recover` 恢復到新文件',
 '{version}, the latest': '{version}，最新',
 '0: this is not a complaintctl database (or an empty file)': '0：這不是 complaintctl 數據庫（或是空文件）',
 '{version}, newer than this complaintctl knows ({known})': '{version}，比本 complaintctl 認識的（{known}）更新',
 'upgrade complaintctl': '請升級 complaintctl',
 '{version}; this complaintctl writes {known}': '{version}；本 complaintctl 寫入的是 {known}',
 '{step} upgrades it (every other command does too)': '{step} 會升級它（其他命令也會）',
 '{n} tables, views, indexes and triggers present': '{n} 個表、視圖、索引和觸發器都在',
 'missing: {objects}': '缺少：{objects}',
 'table {name}': '表 {name}',
 'view {name}': '視圖 {name}',
 'index {name}': '索引 {name}',
 'trigger {name}': '觸發器 {name}',
 'tables hold data: restore the newest backup': '表中有數據：請恢復最新的備份',
 'dropped with plain SQL? {step} recreates them (they hold no data)': '是用 SQL 直接刪掉的嗎？{step} 會重建它們（其中沒有數據）',
 'none: every index is in place': '沒有：每個索引都在',
 '{n:,} index dropped by a bulk import that is still running or was killed: {names}; queries are right but slower': ('{n:,} '
                                                                                                                     '個索引被仍在運行或已被中止的批量導入刪除：{names}；查詢結果正確，但較慢',),
 '{step} (or the next import) rebuilds them': '{step}（或下一次導入）會重建它們',
 'every code, customer, agent and complaint referred to exists (or its removal is recorded)': '引用的每個代碼、客戶、坐席和投訴都存在（或其刪除有記錄）',
 '{n:,} row of {where} name a missing {parent} row ({ids})': ('`{where}` 中有 {n:,} 行指向 `{parent}` 中不存在的行（{ids}）',),
 'events name {n:,} complaint that is gone with no removal recorded ({ids})': ('事件提到的 {n:,} 件投訴已不存在，且沒有刪除記錄（{ids}）',),
 'events name {n:,} customer that is gone with no removal recorded ({ids})': ('事件提到的 {n:,} 位客戶已不存在，且沒有刪除記錄（{ids}）',),
 'written with foreign keys off (plain SQL?): fix the rows, or add the missing codes with {step}': '是在關閉外鍵約束時寫入的（直接用 '
                                                                                                   'SQL？）：請修正這些行，或用 '
                                                                                                   '{step} 添加缺少的代碼',
 'deleted around complaintctl (only {undo} removes complaints and customers, and it records each): restore them from a backup': '繞過 '
                                                                                                                                'complaintctl '
                                                                                                                                '刪除的（只有 '
                                                                                                                                '{undo} '
                                                                                                                                '會刪除投訴和客戶，並且每次都有記錄）：請從備份中恢復',
 'events can be rewritten ({names} missing; {left} set aside by an import that is not running)': '事件可被改寫（缺少 '
                                                                                                 '{names}；{left} '
                                                                                                 '被一個已不在運行的導入擱置）',
 'events can be rewritten ({names} missing)': '事件可被改寫（缺少 {names}）',
 '{step} restores the triggers': '{step} 會恢復觸發器',
 '{n:,} complaint with no event at all ({ids})': ('{n:,} 件投訴沒有任何事件（{ids}）',),
 'complaints inserted or their events deleted around complaintctl': '有投訴是繞過 complaintctl 插入的，或其事件被繞過 complaintctl 刪除了',
 'the audit chain is broken at event #{first} (first broken link; {links} broken, {events} without a hash): events were changed, deleted or inserted around complaintctl': '審計鏈在事件 '
                                                                                                                                                                           '#{first} '
                                                                                                                                                                           '處斷開（第一個斷開的鏈接；{links}斷開，{events}沒有哈希）：有事件被繞過 '
                                                                                                                                                                           'complaintctl '
                                                                                                                                                                           '修改、刪除或插入',
 '{n:,} link': ('{n:,} 個鏈接',),
 '{n:,} event': ('{n:,} 條事件',),
 'the events from #{first} on use version {version} of the audit chain, which this complaintctl does not know: they were not verified': '從 '
                                                                                                                                        '#{first} '
                                                                                                                                        '起的事件使用審計鏈的第 '
                                                                                                                                        '{version} '
                                                                                                                                        '版，本 '
                                                                                                                                        'complaintctl '
                                                                                                                                        '不認識：未經驗證',
 'the events are not chained yet: nothing to prove against': '事件尚未成鏈：無從驗證',
 'the kept head proves the history before it was changed: restore a backup older than the change': '保存的鏈頭證明了改動之前的歷史：請恢復早於改動的備份',
 'the events are not chained yet (an older schema)': '事件尚未成鏈（較舊的結構版本）',
 'the newest {n:,} link of the chain hold': ('鏈中最新的 {n:,} 個鏈接完好',),
 '{n:,} event chained, every link holds': ('{n:,} 條事件成鏈，每個鏈接都完好',),
 '{what}; nothing at or before the kept head #{head} changed': '{what}；保存的鏈頭 #{head} 及之前沒有改動',
 'every complaint has its events; events are append-only; {what}': '每件投訴都有事件；事件只能追加；{what}',
 '{n:,} complaint whose {name} is not what their events say ({ids})': ('{n:,} 件投訴的{name}與其事件所記不符（{ids}）',),
 'a field was changed without its event: {step} has the history': '有字段被修改但沒有相應事件：{step} 可查看歷史',
 'on a PostgreSQL server only the status, assignee, classification, subject, description and received time are compared with their events yet': '在 '
                                                                                                                                                'PostgreSQL '
                                                                                                                                                '服務器上，目前只比對狀態、處理人、分類、主題、描述和受理時間與其事件',
 'check a copy of the data in SQLite, or keep {step} elsewhere (docs/security.md)': '請在 SQLite 中檢查數據的副本，或把 {step} '
                                                                                    '保存在別處（docs/security.md）',
 'not compared: an older schema ({step} upgrades it)': '未比對：較舊的結構版本（{step} 會升級它）',
 '{these} and {those}': '{these}和{those}',
 '{kind}: {ids}': '{kind}：{ids}',
 'not what their events state or sealed: {rows}; the first: {first} ({by_kind})': '與其事件所記或封存的不符：{rows}；第一處：{first}（{by_kind}）',
 'changed around complaintctl (plain SQL?): {step} has what the events say; compare with a backup': '是繞過 complaintctl '
                                                                                                    '修改的（直接用 '
                                                                                                    'SQL？）：{step} '
                                                                                                    '可查看事件所記的內容；請與備份比對',
 '{complaints} and {customers} agree with the events that state their facts; the intake of {sealed:,} is sealed': '{complaints}和{customers}與記錄其事實的事件一致；{sealed:,} '
                                                                                                                  '件投訴的受理內容已封存',
 '{n:,} team setting': ('{n:,} 項團隊設置',),
 '{detail} ({n:,} came in before seals: what no event restates is not covered)': '{detail}（{n:,} '
                                                                                 '件在封存功能之前登記：沒有事件複述的內容未被覆蓋）',
 '{n:,} complaint ({ids})': ('{n:,} 件投訴（{ids}）',),
 '{which} with times not in the form 2026-11-24T03:34:07Z, which date filters, reports and SLA clocks cannot read': '{which}的時間格式不是 '
                                                                                                                    '2026-11-24T03:34:07Z，日期篩選、報表和時限計時無法讀取',
 "rewrite them as UTC ISO-8601 (strftime('%Y-%m-%dT%H:%M:%SZ', ...))": '請改寫爲 UTC ISO-8601 '
                                                                       "格式（`strftime('%Y-%m-%dT%H:%M:%SZ', ...)`）",
 'every time is UTC ISO-8601': '所有時間都是 UTC ISO-8601 格式',
 '{n:,} complaint open but with a closed or resolved time ({ids})': ('{n:,} 件投訴未結卻有關閉或解決時間（{ids}）',),
 '{n:,} complaint resolved without a resolved time ({ids})': ('{n:,} 件投訴已解決卻沒有解決時間（{ids}）',),
 '{n:,} complaint resolved but with a closed time ({ids})': ('{n:,} 件投訴已解決卻有關閉時間（{ids}）',),
 '{n:,} complaint with times out of order (received <= first response <= resolution <= closing) ({ids})': ('{n:,} '
                                                                                                           '件投訴的時間順序不對（應爲 '
                                                                                                           '受理 <= 首次響應 '
                                                                                                           '<= 解決 <= '
                                                                                                           '關閉）（{ids}）',),
 'edited outside complaintctl? {step} has their history': '是在 complaintctl 之外修改的嗎？{step} 可查看其歷史',
 'statuses agree with their times': '狀態與時間一致',
 "not a file: who may read and write is the server's (database roles, docs/security.md)": '不是文件：誰可以讀寫由服務器決定（數據庫角色，docs/security.md）',
 'an in-memory database': '內存數據庫',
 'team mode (the folder is group-writable), but {what}': '團隊模式（文件夾可由組寫入），但{what}',
 "{exposed} (it holds customers' names and phone numbers)": '{exposed}（其中有客戶的姓名和電話號碼）',
 'chmod 600 {db}, or share the folder with a team (docs/security.md)': 'chmod 600 {db}，或與團隊共享該文件夾（docs/security.md）',
 "team mode: the folder's group reads and writes every file": '團隊模式：文件夾所屬的組可讀寫每個文件',
 'private to its owner': '僅所有者可訪問',
 'stored due times agree with the events': '保存的到期時間與事件一致',
 '{n:,} complaint whose stored due times or breach flags disagree with their events ({ids})': ('{n:,} '
                                                                                               '件投訴保存的到期時間或超時標記與其事件不符（{ids}）',),
 '{step} lists the fields (edited outside complaintctl?)': '{step} 會列出這些字段（是在 complaintctl 之外修改的嗎？）',
 'no public holiday calendar in use': '沒有使用公共節假日日曆',
 'holidays known until {end}': '已知節假日截至 {end}',
 'could not be checked: {kind}: {error}': '無法檢查：{kind}：{error}',
 'not checked: the clocks cannot be replayed from unreadable times': '未檢查：無法從讀不懂的時間重算計時',
 'fix the timestamps first': '請先修正時間',
 'complaint #{id}': '投訴 #{id}',
 'customer #{id}': '客戶 #{id}',
 'setting {key}': '設置 {key}',
 'the SLA targets of {severity}': '{severity}的時限',
 'customers #{first} to #{last}: what the records were created with is not what event #{event} sealed': '客戶 #{first} 至 '
                                                                                                        '#{last}：記錄創建時的內容與事件 '
                                                                                                        '#{event} '
                                                                                                        '封存的不符',
 '{what}: {sealed} is not what event #{event} sealed': '{what}：{sealed}與事件 #{event} 封存的不符',
 'what it came in with': '登記時的內容',
 'the outcome it came in with': '登記時的處理結果',
 'what the record was created with': '記錄創建時的內容',
 '{what}: its surveys are not what its surveyed events say (first: event #{event})': '{what}：其回訪與回訪事件所記不符（第一處：事件 '
                                                                                     '#{event}）',
 '{what}: its surveys are not what its surveyed events say': '{what}：其回訪與回訪事件所記不符',
 '{what}: its tag {tag} is there, though event #{event} removed it': '{what}：標籤 {tag} 還在，但事件 #{event} 已將其刪除',
 '{what}: its tag {tag} is missing, though event #{event} added it': '{what}：缺少標籤 {tag}，但事件 #{event} 添加過它',
 '{what}: its {name} is {found}, and no event says so': '{what}：其{name}是 {found}，但沒有事件這樣記錄',
 '{what}: its {name} is {found} where event #{event} says {stated}': '{what}：其{name}是 {found}，而事件 #{event} 記的是 '
                                                                     '{stated}',
 'received time': '受理時間',
 'merge': '合併',
 'escalation count': '升級次數',
 'reopen count': '重開次數',
 'creator': '創建人',
 'creation time': '創建時間',
 'last escalation': '最近一次升級',
 'sealed intake': '封存的受理內容',
 'sealed outcome': '封存的處理結果',
 'sealed record': '封存的記錄',
 'surveys': '回訪',
 'pg_dump (one database) or pg_basebackup (the whole server), a standby replica for failover, or {step} for a file: docs/guide.md, Running on PostgreSQL': 'pg_dump（一個數據庫）或 '
                                                                                                                                                           'pg_basebackup（整個服務器）、用於故障切換的備用副本，或用 '
                                                                                                                                                           '{step} '
                                                                                                                                                           '得到一個文件：docs/guide.md '
                                                                                                                                                           '中講 '
                                                                                                                                                           'PostgreSQL '
                                                                                                                                                           '的一節',
 'FILE.db': '文件.db',
 'the database itself is damaged: run {step}': '數據庫本身已損壞：請運行 {step}',
 '{step} makes one (or a first log or import)': '{step} 會創建（第一次登記或導入也會）',
 '{step} makes them, in backups/ beside the database': '{step} 會生成它們，放在數據庫旁邊的 backups/ 裏',
 'give a file {step} wrote': '請給出 {step} 寫出的文件',
 'backup copies a database file': '備份複製的是數據庫文件',
 'restore puts a backup file in place of a database file': '恢復是用備份文件替換數據庫文件',
 "{what}; this desk is on PostgreSQL, whose backups are the server's": '{what}；這個工作臺在 PostgreSQL 上，備份由服務器負責',
 "the copy failed SQLite's integrity check ({problems}); nothing was written to {dest}": '副本未通過 SQLite '
                                                                                         '的完整性檢查（{problems}）；沒有寫入 '
                                                                                         '{dest}',
 'no complaintctl desk in {url} yet': '{url} 中還沒有 complaintctl 工作臺',
 'no database at {path}': '{path} 處沒有數據庫',
 '`complaintctl init` creates it; or check --db / COMPLAINTCTL_DB': '`complaintctl init` 可以創建它；或檢查 --db / '
                                                                    'COMPLAINTCTL_DB',
 'no backup at {backup}': '{backup} 處沒有備份',
 '{backup} is not an SQLite database': '{backup} 不是 SQLite 數據庫'}

# the seeded taxonomy's Chinese labels (stored in Simplified characters) in Traditional ones
LABELS = {'产品质量': '產品質量',
 '服务态度': '服務態度',
 '交付延迟': '交付延遲',
 '售后服务': '售後服務',
 '价格': '價格',
 '诚信问题': '誠信問題',
 '账单错误': '賬單錯誤',
 '系统故障': '系統故障',
 '数据错误': '數據錯誤',
 '响应迟缓': '響應遲緩',
 '紧急': '緊急',
 '服务水平': '服務水平',
 '诚信': '誠信',
 '客户使用不当': '客戶使用不當',
 '系统': '系統',
 '数据': '數據',
 '电话': '電話',
 '邮件': '郵件',
 '网站': '網站',
 '社交媒体': '社交媒體',
 '门店': '門店',
 '在线客服': '在線客服',
 '换货': '換貨',
 '维修': '維修',
 '赔偿': '賠償',
 '解释说明': '解釋說明',
 '活泼型': '活潑型',
 '发泄情绪': '發泄情緒',
 '报复心理': '報復心理',
 '寻求尊重': '尋求尊重',
 '寻求补偿': '尋求補償',
 '希望解决问题': '希望解決問題',
 '调查中': '調查中',
 '等待客户': '等待客戶',
 '已解决': '已解決',
 '已关闭': '已關閉',
 '客户撤回': '客戶撤回',
 '重复投诉': '重複投訴'}


def plural(n: int) -> int:
    return 0
