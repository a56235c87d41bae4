"""Chinese for what core/sla says: SLA targets, working hours, the business calendar and its holidays."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # core/sla/calendars.py: the business calendar
    'nothing to change': '没有要修改的内容',
    'give {inputs}': '请给出 {inputs}',
    "calendar line {number}: expected 'DATE holiday|workday [note]'": "日历第 {number} 行：应为 '日期 holiday|workday [备注]'",
    'calendar line {number}: unknown kind {kind!r}': '日历第 {number} 行：未知的类型 {kind!r}',
    'holiday or workday': '应为 holiday（休）或 workday（班）',
    'bad date {text!r}': '日期有误 {text!r}',
    'calendar line {number}: bad date {text!r}': '日历第 {number} 行：日期有误 {text!r}',
    'YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD': '应为 年-月-日 或 年-月-日..年-月-日',
    'cannot read years {text!r}': '无法读取年份 {text!r}',
    'e.g. 2026 or 2025..2027': '例如 2026 或 2025..2027',
    'the holidays package is not installed': '没有安装 holidays 软件包',
    '{country} has subdivisions {subdivisions}': '{country} 有下级地区 {subdivisions}',
    'an ISO 3166 country code, e.g. CN, HK, TW, SG, US, GB, DE; or COUNTRY-SUBDIVISION, e.g. US-CA':
        '应为 ISO 3166 国家或地区代码，例如 CN、HK、TW、SG、US、GB、DE；或 国家-下级地区，例如 US-CA',
    'no public holiday calendar for {region!r}': '没有 {region!r} 的公众假期日历',
    'ends on {end}, in {n} day': '将于 {end} 结束（还有 {n} 天）',
    'ended on {end}': '已于 {end} 结束',
    'has no published year': '没有已公布的年份',
    '{what}: {fix}': '{what}：{fix}',
    'the {region} holiday calendar {when}': '{region} 假期日历{when}',
    'later holidays and make-up working days are not known, so due times after it may fall on a holiday; when the '
    'next schedule is published, upgrade the holidays package and run {again} again, or enter the days with '
    '{holiday} / {workday}':
        '之后的假期和调休上班日还不知道，所以之后的到期时间可能落在假期；下一年的安排公布后，'
        '请升级 holidays 软件包并再次运行 {again}，或用 {holiday} / {workday} 录入这些日子',
    # core/sla/check.py, due.py
    'times as UTC ISO-8601 text (see {check})': '时间应为 UTC ISO-8601 文本（见 {check}）',
    'complaint #{id} has a time its SLA clock cannot read ({detail})': '投诉 #{id} 有一个时限计时无法读取的时间（{detail}）',
    'correct it, e.g. {update}; {check} lists such times': '请更正，例如 {update}；{check} 会列出这样的时间',
    'TIME': '时间',
    # core/sla/clock.py: targets, working days and hours
    'SLA target': '时限',
    'e.g. 90m, 4h, 3d, 1w, or business time 4bh, 2bd': '例如 90m、4h、3d、1w，或工作时间 4bh、2bd',
    '{what} {text!r} is too long: dates end in the year 9999': '{what} {text!r} 太长：日期只到 9999 年',
    'at most 2500000d; e.g. 90m, 4h, 3d, 1w': '最多 2500000d；例如 90m、4h、3d、1w',
    'unknown time zone {zone!r}': '未知的时区 {zone!r}',
    'e.g. Asia/Shanghai, Europe/Berlin, UTC': '例如 Asia/Shanghai、Europe/Berlin、UTC',
    'working hours must end after they start': '工作时间的结束必须晚于开始',
    'the business calendar has no working time': '工作日历里没有工作时间',
    'check {step}': '请检查 {step}',
    'cannot read working days {text!r}': '无法读取工作日 {text!r}',
    'e.g. mon-fri or mon,tue,wed,thu,fri,sat': '例如 mon-fri 或 mon,tue,wed,thu,fri,sat',
    'e.g. mon-fri': '例如 mon-fri',
    'no working days given': '没有给出工作日',
    'cannot read working hours {text!r}': '无法读取工作时间 {text!r}',
    'e.g. 09:00-18:00': '例如 09:00-18:00',
    'impossible working hours {text!r}': '不可能的工作时间 {text!r}',
}
