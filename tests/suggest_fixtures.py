"""Small labelled complaints in Chinese and English, in the shapes of real exports (a subject and a
letter of a few sentences), for the suggestion tests: real data never enters the repository."""

from __future__ import annotations

import random

PHRASES = {
    "billing_error": {
        "zh": ["这个月扣费扣了两次", "账单金额不对，多收了钱", "自动续费没经过同意就扣款", "退款一直没到账",
               "发票上的金额和实际支付不一致", "话费被重复收取"],
        "en": ["I was charged twice this month", "the invoice amount is wrong", "a refund never reached my account",
               "you billed my card without consent", "double charge on my statement", "overcharged on the bill"],
    },
    "delivery_delay": {
        "zh": ["快递一个星期了还没送到", "物流信息好几天没有更新", "说好三天送达结果拖了两周", "包裹一直显示在途中",
               "配送员一直不上门", "订单迟迟不发货"],
        "en": ["the parcel is a week late", "tracking has not updated for days", "delivery was promised in three days",
               "my order still has not shipped", "the courier never came", "package stuck in transit"],
    },
    "product_quality": {
        "zh": ["洗衣机用了三天就漏水", "屏幕出现坏点和裂纹", "冰箱不制冷了", "收到的商品有明显划痕",
               "电池鼓包发热", "衣服洗一次就掉色"],
        "en": ["the washing machine leaks after three days", "the screen has dead pixels and a crack",
               "the fridge stopped cooling", "the item arrived scratched", "the battery swells and gets hot",
               "the shirt faded after one wash"],
    },
    "service_attitude": {
        "zh": ["客服态度非常恶劣", "工作人员说话很不耐烦", "电话里被客服挂断", "店员对我大声呵斥",
               "客服敷衍了事不解决问题", "投诉后没有人理睬"],
        "en": ["the agent was rude to me", "staff were impatient and dismissive", "the support line hung up on me",
               "the clerk shouted at me", "customer service brushed me off", "nobody answered my complaint"],
    },
}
FILLER = {
    "zh": ["我是老用户了", "希望尽快处理", "已经打过好几次电话", "请给一个说法", "非常失望", "麻烦领导重视一下"],
    "en": ["I have been a customer for years.", "Please sort this out quickly.", "I already called several times.",
           "I expect an answer.", "Very disappointed.", "Please look into it."],
}


def labelled(count: int = 160, seed: int = 3) -> list[tuple[str, str, str]]:
    """``count`` (subject, description, category) triples, half Chinese, half English."""
    rng = random.Random(seed)
    out = []
    codes = sorted(PHRASES)
    for i in range(count):
        code = codes[i % len(codes)]
        lang = "zh" if (i // len(codes)) % 2 == 0 else "en"
        main = rng.sample(PHRASES[code][lang], 2)
        extra = rng.sample(FILLER[lang], 2)
        sep = "，" if lang == "zh" else " "
        subject = main[0]
        description = sep.join([main[0], extra[0], main[1], extra[1]])
        out.append((subject, description, code))
    return out
