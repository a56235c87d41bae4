"""The Chinese (Simplified) catalogue: each English message id of the code -> its Chinese text, with
the same {fields}. A message with a count has one form in Chinese. tests/test_i18n.py keeps this
catalogue and the code in step."""

from __future__ import annotations


def plural(n: int) -> int:
    return 0


MESSAGES: dict[str, str | tuple[str, ...]] = {
    # Click's and Typer's own words (cli/usage_text.py)
    'Options': '选项',
    'Arguments': '参数',
    'Commands': '命令',
    'Usage: ': '用法：',
    'Show this message and exit.': '显示此帮助并退出。',
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
    'Error: {message}': '错误：{message}',
    'Aborted!': '已中止！',
    "Missing argument '{name}'.": "缺少参数 '{name}'。",
    "Missing option '{name}'.": "缺少选项 '{name}'。",
    'Missing parameter: {name}': '缺少参数：{name}',
    'No such option: {name} Did you mean {other}?': '没有选项 {name}。是不是要用 {other}？',
    'No such option: {name} (possible options: {other})': '没有选项 {name}（可用的选项：{other}）',
    'No such option: {name}': '没有选项 {name}',
    "No such command '{name}'. Did you mean {other}?": "没有命令 '{name}'。是不是要用 {other}？",
    "No such command '{name}'.": "没有命令 '{name}'。",
    'Missing command.': '缺少命令。',
    "Option '{name}' requires an argument.": "选项 '{name}' 需要一个值。",
    "Option '{name}' requires {count} arguments.": "选项 '{name}' 需要 {count} 个值。",
    "Option '{name}' does not take a value.": "选项 '{name}' 不接受值。",
    'Got unexpected extra arguments ({args})': '多出了参数（{args}）',
    "Invalid value for {param}: '{value}' is not a number.": "{param} 的值无效：'{value}' 不是数字。",
    "Invalid value for {param}: '{value}' is not one of {choices}.": "{param} 的值无效：'{value}' 不是 {choices} 之一。",
    'Invalid value for {param}: {value} is not in the range {range}.': '{param} 的值无效：{value} 不在 {range} 范围内。',
    'Invalid value for {param}: {detail}': '{param} 的值无效：{detail}',
    'Invalid value: {detail}': '值无效：{detail}',
    'required': '必填',
    'default: {value}': '默认：{value}',
    'env var: {value}': '环境变量：{value}',
}
