"""Chinese for what core/taxonomy says: adding codes to the team's taxonomy."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # core/taxonomy/codes.py
    '{advice_en}/{advice_zh} go with personality codes': '{advice_en}/{advice_zh} 只用于客户性格代码',
    'a severity needs {respond} and {resolve} targets': '严重程度需要 {respond} 和 {resolve} 时限',
    'e.g. {respond} 4h {resolve} 3d': '例如 {respond} 4h {resolve} 3d',
    '{respond}/{resolve} go with severity codes': '{respond}/{resolve} 只用于严重程度代码',
    'both {label_en} and {label_zh} are required': '{label_en} 和 {label_zh} 都必须给出',
    # core/taxonomy/aliases.py, the hint of an unknown code
    'remove that alias first ({step})': '请先删除那个别名（{step}）',
    'valid: {codes} (or their labels; {step} teaches a new label)': '可用：{codes}（或它们的名称；{step} 可以教会一个新名称）',
    'LABEL': '名称',
    '{text!r} already reads as {kind} {code}': '{text!r} 已被读作{kind}“{code}”',
    "it is that code's own label or a built-in alias": '它是那个代码自己的名称或内置别名',
    'no taught {kind} alias {label!r}': '没有教过的{kind}别名 {label!r}',
    'unknown {kind} {value!r}': '未知的{kind} {value!r}',
}
