"""Chinese for what core/notify says: the outbox, test messages, reply and e-mail templates."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # core/notify/compose.py
    'the customer has no e-mail address: {step}': '客户没有电子邮件地址：{step}',
    # core/notify/outbox.py
    'notifications are off': '通知已关闭',
    '{step} (after setting up a webhook)': '{step}（先设置好 Webhook）',
    'no webhook listens for overdue complaints': '没有接收超时投诉通知的 Webhook',
    'URL': '网址',
    'give {email} ADDRESS or {webhook} NAME': '请给出 {email} 地址 或 {webhook} 名称',
    # core/notify/replies.py, core/notify/templates.py
    'a reply': '回复',
    'an e-mail': '邮件',
    'an e-mail subject': '邮件主题',
    '{what} needs its text': '{what}需要正文',
    '{text} TEXT, {text} - (stdin) or {editor} (your editor)': '{text} 文字、{text} -（标准输入）或 {editor}（你的编辑器）',
    'the reply uses {{{name}}}, which this complaint does not have': '回复用到了 {{{name}}}，而这件投诉没有这一项',
    'fill it in yourself with {editor}, or use {note}': '请用 {editor} 自己填写，或用 {note}',
    # core/notify/config.py
    'a few seconds: what is not sent by then waits for {step}': '几秒即可：到时没发出的会等 {step}',
    'remove it first: {step}': '请先删除：{step}',
    'change it with {step}': '用 {step} 修改',
    'a deadline of {seconds} s is not possible: from {low} to {high} seconds': '期限 {seconds} 秒不可行：应为 {low} 到 {high} 秒',
    'webhook {name!r} already exists': 'Webhook {name!r} 已存在',
    'no webhook named {name!r}': '没有名为 {name!r} 的 Webhook',
    'replies: {names}': '回复模板：{names}',
    'no reply template {what!r}': '没有回复模板 {what!r}',
    "reply template '{name}:{lang}' already exists": "回复模板 '{name}:{lang}' 已存在",
}
