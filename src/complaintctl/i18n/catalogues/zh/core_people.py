"""Chinese for what core/people says: agents, who holds which complaints, who you are."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    'invalid agent name {name!r}': '无效的坐席名称 {name!r}',
    'one word, e.g. li.wei or alice': '一个词，例如 li.wei 或 wang.fang',
    'agent {name!r} already exists': '坐席 {name!r} 已存在',
    'active agents: {names}': '在职坐席：{names}',
    'add one with {step}': '用 {step} 添加',
    'no agent named {name!r}': '没有名为 {name!r} 的坐席',
    'give one of {inputs}': '请给出 {inputs} 中的一个',
    "cannot hand {name}'s complaints to {target!r}: {why}": '不能把 {name} 的投诉交给 {target!r}：{why}',
    'the same agent': '是同一位坐席',
    'inactive': '已停用',
    'give an active colleague': '请给出一位在职的同事',
    'agent {name!r} is already inactive and still has {held}': '坐席 {name!r} 已停用，但仍有{held}',
    'agent {name!r} is already inactive': '坐席 {name!r} 已停用',
    'hand them over with {step}': '用 {step} 移交',
    '{name} still has {held}': '{name} 仍有{held}',
    '{reassign_to} AGENT hands them over, {unassign} returns them to the queue, {keep_assigned} leaves them':
        '{reassign_to} 坐席 把它们移交，{unassign} 放回待处理队列，{keep_assigned} 仍由其处理',
    '{ids} and {n} more': '{ids} 等，另有 {n} 件',
    '{n} open complaint ({ids})': '{n} 件未结投诉（{ids}）',
    "you are {actor!r}, who is not an agent": '你是 {actor!r}，不是坐席',
    'add yourself with {step}, or say who you are with {option} NAME or COMPLAINTCTL_ACTOR':
        '用 {step} 添加自己，或用 {option} 名称 或 COMPLAINTCTL_ACTOR 说明你是谁',
    # core/notify
    'invalid reply name {name!r}': '无效的回复模板名称 {name!r}',
    "lowercase letters, digits, '_', '.', '-', e.g. delivery-late; add :zh or :en for one language":
        "小写字母、数字、'_'、'.'、'-'，例如 delivery-late；加 :zh 或 :en 表示某一种语言",
    'unknown reply language {lang!r}': '未知的回复语言 {lang!r}',
    'zh or en, e.g. delivery-late:en': 'zh 或 en，例如 delivery-late:en',
    'invalid webhook name {name!r}': '无效的 webhook 名称 {name!r}',
    'one word, e.g. team-wecom': '一个词，例如 team-wecom',
    'notifications are off: {step}': '通知已关闭：{step}',
    'no e-mail configured: {step}': '没有设置邮件：{step}',
    'HOST': '主机',
    'ADDRESS': '地址',
    # core/people/customers.py, core/people/filing.py, core/people/matching.py
    'a customer needs a name, email, phone or company': '客户需要姓名、邮箱、电话或公司',
    'a complaint with nobody behind it is logged without {customer}': '没有具体客户的投诉，登记时不写 {customer}',
    'customer #{id} already has {field} {value}': '客户 #{id} 已有{field} {value}',
    '{edit} with {option} changes it for all their complaints; {update} with {option} files this complaint under another person':
        '{edit} 加 {option} 会修改其所有投诉；{update} 加 {option} 把这件投诉归到另一个人名下',
    '{field} {value} belongs to customer #{id} {name}': '{field} {value} 属于客户 #{id} {name}',
    '{field} {value} belongs to customer #{id}': '{field} {value} 属于客户 #{id}',
    "to file this complaint under them, give {customer} '#{id}'; if they are one person, {step}":
        "要把这件投诉归到该客户名下，请给出 {customer} '#{id}'；如果是同一个人，请用 {step}",
    'email {email}': '邮箱 {email}',
    'phone {phone}': '电话 {phone}',
    '{contact} belongs to customer #{id} {found}, not {name}': '{contact} 属于客户 #{id} {found}，不是 {name}',
    "to file it under {found}, leave out {customer} or give {customer} '#{id}'; to record {name} as another person "
    "with the same contact (a family, a switchboard), add {new_customer}":
        "要归到 {found} 名下，请不写 {customer} 或给出 {customer} '#{id}'；要把 {name} 记为联系方式相同的另一个人"
        "（家人、总机），请加上 {new_customer}",
    '{new_customer} records a new person, and {name} is a known customer': '{new_customer} 用于登记新客户，而 {name} 是已有客户',
    "give the new person's name, or leave out {new_customer}": '请给出新客户的姓名，或不写 {new_customer}',
    'customer #{id} has the same {field}; if they are one person, {step}': '客户 #{id} 有相同的{field}；如果是同一个人，请用 {step}',
    'no customer #{id}': '没有客户 #{id}',
}
