"""The taxonomy every new database starts with: stable lowercase codes, English and Chinese labels.

Pure data, below everything: the migrations seed the tables from it, and i18n shows a seeded
code's Chinese label from it when no database is open."""

from __future__ import annotations

CATEGORIES = [
    ("product_quality", "Product quality", "产品质量"),
    ("service_attitude", "Service attitude", "服务态度"),
    ("delivery_delay", "Delivery delay", "交付延迟"),
    ("after_sales", "After-sales service", "售后服务"),
    ("price", "Price", "价格"),
    ("integrity", "Integrity / broken promise", "诚信问题"),
    ("billing_error", "Billing error", "账单错误"),
    ("system_failure", "System failure", "系统故障"),
    ("data_error", "Data error", "数据错误"),
    ("usability", "Usability", "易用性"),
    ("slow_response", "Slow response", "响应迟缓"),
    ("other", "Other", "其他"),
]

# code, en, zh, rank (1 = most urgent), respond_minutes, resolve_minutes, business_time
SEVERITIES = [
    ("critical", "Critical", "紧急", 1, 60, 24 * 60, 0),
    ("high", "High", "高", 2, 4 * 60, 3 * 24 * 60, 0),
    ("medium", "Medium", "中", 3, 24 * 60, 5 * 24 * 60, 1),
    ("low", "Low", "低", 4, 2 * 24 * 60, 10 * 24 * 60, 1),
]

CAUSES = [
    ("product_quality", "Product quality", "产品质量"),
    ("service_level", "Service level", "服务水平"),
    ("price", "Price", "价格"),
    ("integrity", "Integrity", "诚信"),
    ("customer_use", "Customer's own use", "客户使用不当"),
    ("system", "System", "系统"),
    ("data", "Data", "数据"),
    ("other", "Other", "其他"),
]

CHANNELS = [
    ("phone", "Phone", "电话"),
    ("email", "Email", "邮件"),
    ("web", "Web form", "网站"),
    ("social", "Social media", "社交媒体"),
    ("store", "In store", "门店"),
    ("chat", "Chat", "在线客服"),
    ("letter", "Letter", "信函"),
    ("other", "Other", "其他"),
]

REMEDIES = [
    ("refund", "Refund", "退款"),
    ("replacement", "Replacement", "换货"),
    ("repair", "Repair", "维修"),
    ("compensation", "Compensation", "赔偿"),
    ("apology", "Apology", "道歉"),
    ("explanation", "Explanation", "解释说明"),
    ("other", "Other", "其他"),
]

# code, en, zh, advice_en, advice_zh
PERSONALITIES = [
    (
        "perfectionist", "Perfectionist", "完美型",
        "Be precise and thorough: give facts, details and a written plan, and follow up exactly "
        "when you said you would.",
        "严谨细致：提供事实、细节和书面方案，按承诺的时间准时跟进。",
    ),
    (
        "forceful", "Forceful", "力量型",
        "Be direct and quick: get to the point, offer options and let them decide; do not argue.",
        "直接高效：开门见山，给出选项让客户做决定，不要争辩。",
    ),
    (
        "lively", "Lively", "活泼型",
        "Be warm and engaging: listen, respond with energy, and confirm agreements in writing "
        "because details slip.",
        "热情互动：耐心倾听、积极回应，约定的细节要书面确认。",
    ),
    (
        "peaceful", "Peaceful", "和平型",
        "Be patient and reassuring: ask gently what they need, make the next steps easy, and "
        "check back without being asked.",
        "耐心安抚：温和地询问需求，让后续步骤简单易行，主动回访。",
    ),
]

MOTIVES = [
    ("venting", "Venting", "发泄情绪"),
    ("revenge", "Revenge", "报复心理"),
    ("seeking_respect", "Seeking respect", "寻求尊重"),
    ("seeking_compensation", "Seeking compensation", "寻求补偿"),
    ("wants_fix", "Wants a fix", "希望解决问题"),
]

# code, en, zh, is_open
STATUSES = [
    ("new", "New", "新建", 1),
    ("acknowledged", "Acknowledged", "已受理", 1),
    ("investigating", "Investigating", "调查中", 1),
    ("waiting", "Waiting on customer", "等待客户", 1),
    ("resolved", "Resolved", "已解决", 1),
    ("closed", "Closed", "已关闭", 0),
]

OUTCOMES = [
    ("resolved", "Resolved", "已解决"),
    ("rejected", "Rejected", "不予支持"),
    ("withdrawn", "Withdrawn by customer", "客户撤回"),
    ("duplicate", "Duplicate", "重复投诉"),
]

# severity, first-response target, resolution target (issue #4's defaults; `bd` are
# working days of the business calendar, plain days when none is set)
SLA_TARGETS = [
    ("critical", "1h", "24h"),
    ("high", "4h", "3d"),
    ("medium", "1bd", "5bd"),
    ("low", "2bd", "10bd"),
]
