"""Text for bench/scale.py: subjects, descriptions, notes and customers in Chinese and English,
combined from small vocabularies so that a million complaints read like a real desk's (the
same products and problems again and again, in many wordings)."""

from __future__ import annotations

import random

PRODUCTS_ZH = ["洗衣机", "冰箱", "空调", "电视", "热水器", "微波炉", "电饭煲", "扫地机器人", "手机", "笔记本电脑",
               "耳机", "充电宝", "路由器", "净水器", "吸尘器", "电风扇", "油烟机", "燃气灶", "洗碗机", "烤箱"]
PRODUCTS_EN = ["washing machine", "fridge", "air conditioner", "TV", "water heater", "microwave", "rice cooker",
               "robot vacuum", "phone", "laptop", "headphones", "power bank", "router", "water purifier", "kettle"]
PROBLEMS_ZH = {
    "product_quality": ["漏水", "不制冷", "噪音很大", "无法开机", "屏幕碎裂", "发烫严重", "异味", "按键失灵", "电池鼓包",
                        "漏电", "不加热", "频繁死机"],
    "service_attitude": ["客服态度恶劣", "门店店员不理人", "电话里被挂断", "安装师傅态度差"],
    "delivery_delay": ["快递三天没到", "送货延迟一周", "物流信息不更新", "配送员没联系就签收"],
    "after_sales": ["保修期内维修收费", "维修拖了三周", "退货流程太复杂", "换货后问题依旧"],
    "price": ["同款商品价格不一致", "刚买就降价", "优惠券无法使用"],
    "integrity": ["承诺的赠品没有给", "说好回电一直没有", "宣传的功能没有"],
    "billing_error": ["发票金额错误", "重复扣款", "自动续费未提醒", "退款金额不对"],
    "system_failure": ["App 无法登录", "支付页面一直转圈", "订单提交失败"],
    "data_error": ["积分被清零", "收货地址被改", "会员等级错误"],
    "usability": ["App 找不到退款入口", "说明书看不懂"],
    "slow_response": ["在线客服半天没人回", "邮件五天没回复", "热线一直占线"],
    "other": ["其他问题咨询", "对处理结果不满意"],
}
PROBLEMS_EN = {
    "product_quality": ["leaks", "stopped cooling", "is very noisy", "will not turn on", "screen cracked",
                        "overheats", "smells of burning", "buttons do not work"],
    "service_attitude": ["rude agent on the phone", "staff ignored me in the store"],
    "delivery_delay": ["order still not delivered", "delivery a week late", "tracking not updated"],
    "after_sales": ["charged for a repair under warranty", "repair took three weeks", "return process too complex"],
    "price": ["charged more than the advertised price", "price dropped the day after I bought it"],
    "integrity": ["promised gift never arrived", "promised callback never came"],
    "billing_error": ["double charged on my card", "wrong amount on the invoice", "refund amount wrong"],
    "system_failure": ["cannot log in to the app", "checkout error on the website"],
    "data_error": ["loyalty points disappeared", "wrong address on my account"],
    "usability": ["cannot find where to ask for a refund", "the form keeps losing my input"],
    "slow_response": ["no reply to my email for five days", "hotline always busy"],
    "other": ["general complaint", "unhappy with how this was handled"],
}
DETAILS_ZH = ["上个月在官方旗舰店购买", "用了不到一周", "已经是第二次出现这个问题", "家里老人急着用", "之前打过两次电话",
              "发了照片给客服", "订单号已提供", "希望尽快处理", "非常失望", "朋友推荐买的", "过了保修期三天"]
DETAILS_EN = ["Bought it last month from the official store.", "Used it for less than a week.",
              "This is the second time it happened.", "I have called twice already.", "Photos sent to your agent.",
              "Order number given on the phone.", "Please sort it out quickly.", "Very disappointed."]
DEMANDS_ZH = ["要求退款", "要求换新", "要求上门维修", "要求赔偿", "要求道歉", "要求给个说法"]
DEMANDS_EN = ["I want a refund.", "Please replace it.", "Send someone to repair it.", "I expect compensation."]
NOTES_ZH = ["已电话联系客户，了解详细情况", "转交仓库核实", "与物流公司确认中", "客户情绪激动，已安抚", "已约师傅上门检测",
            "已申请退款审批", "查看订单记录，确认问题属实", "已向主管汇报", "等待厂家回复", "已发送短信告知进度"]
NOTES_EN = ["Asked the customer for photos", "Checked the order history", "Called the customer back",
            "Waiting for the courier's answer", "Booked a technician visit", "Refund request sent for approval"]
RESOLUTIONS_ZH = ["已更换新机并致歉", "退还差价", "全额退款", "上门维修完成", "补发赠品并电话致歉", "修复系统问题并补偿积分",
                  "客户撤回投诉", "重新开具发票", "补偿优惠券一张", "已退货退款"]
RESOLUTIONS_EN = ["Refunded in full", "Replaced the unit", "Explained the billing and credited the account",
                  "Repaired on site", "Sent the missing gift with an apology"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红鹏飞斌宇浩凯秀云建国建华晓东海燕雪梅"
FIRST_EN = ["John", "Mary", "David", "Emily", "Michael", "Sarah", "James", "Laura", "Daniel", "Anna", "Tom", "Lucy"]
LAST_EN = ["Smith", "Brown", "Wilson", "Taylor", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright"]
COMPANIES = ["梅梅贸易", "丽华超市", "强盛物流", "凯达科技", "Acme Ltd", "Globex", "华信商贸", "东方酒店"]
CAUSES = {"product_quality": "product_quality", "service_attitude": "service_level", "delivery_delay": "service_level",
          "after_sales": "service_level", "price": "price", "integrity": "integrity", "billing_error": "data",
          "system_failure": "system", "data_error": "data", "usability": "system", "slow_response": "service_level",
          "other": "customer_use"}


class Texts:
    """Seeded text makers; Chinese about three times in four."""

    categories = list(PROBLEMS_ZH)

    def cause_for(self, category: str | None, rnd: random.Random) -> str:
        return CAUSES.get(category or "other", "other") if rnd.random() < 0.8 else rnd.choice(list(set(CAUSES.values())))

    def complaint(self, rnd: random.Random, category: str | None) -> tuple[str, str]:
        """(subject, description) about one product problem."""
        category = category or "other"
        if rnd.random() < 0.75:
            product, problem = rnd.choice(PRODUCTS_ZH), rnd.choice(PROBLEMS_ZH[category])
            subject = f"{product}{problem}" if category == "product_quality" else problem
            body = (f"客户反映：{rnd.choice(DETAILS_ZH)}的{product}{problem}。{rnd.choice(DETAILS_ZH)}，"
                    f"{rnd.choice(DEMANDS_ZH)}。")
            return subject, body
        product, problem = rnd.choice(PRODUCTS_EN), rnd.choice(PROBLEMS_EN[category])
        subject = f"{product.capitalize()} {problem}" if category == "product_quality" else problem.capitalize()
        return subject, f"My {product}: {problem}. {rnd.choice(DETAILS_EN)} {rnd.choice(DEMANDS_EN)}"

    def note(self, rnd: random.Random) -> str:
        return rnd.choice(NOTES_ZH) if rnd.random() < 0.75 else rnd.choice(NOTES_EN)

    def resolution(self, rnd: random.Random) -> str:
        return rnd.choice(RESOLUTIONS_ZH) if rnd.random() < 0.75 else rnd.choice(RESOLUTIONS_EN)

    def waiting(self, rnd: random.Random) -> str:
        return rnd.choice(["等客户提供照片/凭证", "等客户提供订单号", "Waiting for the customer's photos"])

    def customer_replied(self, rnd: random.Random) -> str:
        return rnd.choice(["客户已回复", "客户已补充材料", "Customer sent the photos"])

    def escalation(self, rnd: random.Random) -> str:
        return rnd.choice(["客户要求主管处理", "媒体关注", "Customer threatened to go to the press"])

    def survey_comment(self, rnd: random.Random) -> str | None:
        return rnd.choice([None, None, "处理及时", "还行", "Very helpful", "态度很好", "问题还没解决"])

    def customer(self, rnd: random.Random, number: int) -> dict:
        """One person: a name, usually a mobile phone, sometimes an email and a company."""
        if rnd.random() < 0.8:
            name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice([1, 2, 2])))
            email = f"user{number}@example.cn" if rnd.random() < 0.35 else None
        else:
            name = f"{rnd.choice(FIRST_EN)} {rnd.choice(LAST_EN)}"
            email = f"{name.split()[0].lower()}.{number}@example.com"
        mobile = f"1{rnd.choice('3589')}{number % 10}{number:08d}"[:11]
        phone = rnd.choice([f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}", mobile, f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"])
        return {"name": name, "email": email, "phone": phone if rnd.random() < 0.9 or not email else None,
                "company": rnd.choice(COMPANIES) if rnd.random() < 0.08 else None}


# Long descriptions, as customers write them: a real desk's are a few hundred characters (a
# Chinese government message board: median 222, a tenth over 730; US consumer-finance
# narratives: median about 800, a tenth over 2,200), with names, dates, order numbers and
# amounts that make most of their words rare. Built from clauses about one product problem.
OPENINGS_ZH = ["您好，", "你好，我想投诉一下，", "本人", "我是贵公司的老用户，", "尊敬的客服：", "", "我家",
               "关于订单的问题，", "反映一个情况：", "麻烦帮忙处理一下，"]
STORY_ZH = [
    "我于{date}在{shop}购买了一台{product}，订单号{order}，实付{amount}元",
    "收到货后第{n}天就发现{problem}，当时就联系了在线客服",
    "客服让我先拍照片和视频上传，我按要求都上传了，但是到现在已经过去{n}天还没有任何回复",
    "{date}师傅上门看了一次，说是{part}坏了，需要换配件，可是配件一直说没货",
    "期间我打了{n}次{hotline}，每次都要重新说明情况，工号{badge}的客服答应{n}小时内回电，结果没有下文",
    "家里有老人和小孩，{product}用不了非常不方便，{weather}",
    "我在{platform}上也留言了，对方只是复制粘贴回复，没有解决实际问题",
    "快递显示{date}已签收，可我根本没有收到，小区{building}的快递柜里也没有",
    "这已经是同一个问题第{n}次出现，上次维修只管用了不到{n}周",
    "商品页面写着{promise}，实际完全不是这样，我认为这属于虚假宣传",
    "退款申请提交了{n}次都被驳回，理由是{excuse}，我不能接受",
    "维修费收了{amount}元，可是还在保修期内，发票上也写得很清楚",
    "我的会员积分{points}分也莫名其妙被清零了，客服说系统升级导致，但没有给任何补偿",
]
CLOSINGS_ZH = ["希望贵公司尽快给我一个答复。", "请尽快处理，谢谢！", "如果{n}天内不解决，我将向消费者协会投诉。",
               "要求全额退款并赔偿损失。", "要求更换新机。", "希望有关部门重视。", "联系电话{phone}，请回电。", ""]
OPENINGS_EN = ["Hello,", "To whom it may concern,", "I am writing to complain about", "Dear support team,", "",
               "This is my third message about this.", "I have been a customer for {n} years and"]
STORY_EN = [
    "I bought a {product} from {shop_en} on {date_en} (order {order}) and paid ${amount}.",
    "Within {n} days it {problem_en}, so I contacted your online chat right away.",
    "The agent asked for photos and a video, which I uploaded the same day, but {n} days later nobody has replied.",
    "A technician came on {date_en} and said the {part_en} had failed and needed a replacement part that is "
    "still out of stock.",
    "I have called your hotline {n} times; each time I had to explain everything again, and the agent (badge "
    "{badge}) promised a call back within {n} hours that never came.",
    "The tracking page says the parcel was delivered on {date_en}, but it was never left at my door or with "
    "the building's front desk.",
    "The product page clearly said {promise_en}, which is simply not true.",
    "My refund request was rejected {n} times with the reason \"{excuse_en}\", which makes no sense.",
    "I was charged ${amount} for the repair although the unit is still under warranty, as the invoice shows.",
    "My loyalty balance of {points} points disappeared; your agent blamed a system upgrade and offered nothing.",
    "I also disputed the charge with my bank, case number {order}, and they told me to contact you first.",
]
CLOSINGS_EN = ["Please resolve this as soon as possible.", "I expect a full refund.",
               "If this is not fixed within {n} days I will file a complaint with the regulator.",
               "Please call me back at {phone}.", "I want a replacement, not another repair.", ""]
SHOPS_ZH = ["官方旗舰店", "京东自营", "天猫旗舰店", "线下门店", "拼多多店铺", "苏宁易购", "公司官网", "抖音直播间"]
SHOPS_EN = ["your online store", "the downtown store", "your app", "an authorised dealer", "your website"]
PARTS_ZH = ["主板", "压缩机", "电机", "电源模块", "显示屏", "加热管", "排水泵", "传感器"]
PARTS_EN = ["main board", "compressor", "motor", "power supply", "display", "heating element", "drain pump"]
PROMISES_ZH = ["“一级能效、静音”", "“七天无理由退货”", "“全国联保三年”", "“24小时发货”", "“买一送一”"]
PROMISES_EN = ["\"free next-day delivery\"", "\"30-day money-back guarantee\"", "\"3-year warranty\"", "\"silent\""]
EXCUSES_ZH = ["商品已拆封", "超过退货时限", "人为损坏", "缺少发票", "系统无法操作"]
EXCUSES_EN = ["item opened", "outside the return window", "damage caused by the user", "missing receipt"]
WEATHER_ZH = ["现在天气这么热", "最近天气很冷", "孩子马上要开学", "正赶上过年"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PLATFORMS_ZH = ["微博", "黑猫投诉", "12315平台", "小红书", "官方App"]


def _fill(template: str, rnd: random.Random, product: str, problem: str, zh: bool) -> str:
    month, day = rnd.randrange(1, 13), rnd.randrange(1, 29)
    values = {
        "date": f"{month}月{day}日", "date_en": f"{MONTHS_EN[month - 1]} {day}",
        "shop": rnd.choice(SHOPS_ZH), "shop_en": rnd.choice(SHOPS_EN), "product": product,
        "order": f"{rnd.randrange(10**11, 10**12)}", "amount": f"{rnd.randrange(99, 9999)}",
        "n": str(rnd.randrange(2, 15)), "problem": problem, "problem_en": problem, "part": rnd.choice(PARTS_ZH),
        "part_en": rnd.choice(PARTS_EN), "hotline": rnd.choice(["400热线", "客服热线", "售后电话"]),
        "badge": f"{rnd.randrange(1000, 99999)}", "weather": rnd.choice(WEATHER_ZH),
        "platform": rnd.choice(PLATFORMS_ZH), "building": f"{rnd.randrange(1, 30)}栋",
        "promise": rnd.choice(PROMISES_ZH), "promise_en": rnd.choice(PROMISES_EN),
        "excuse": rnd.choice(EXCUSES_ZH), "excuse_en": rnd.choice(EXCUSES_EN),
        "points": f"{rnd.randrange(100, 50000)}", "phone": f"1{rnd.choice('3589')}{rnd.randrange(10**8, 10**9)}",
    }
    return template.format(**values)


def _clauses(rnd: random.Random, pool: list[str], count: int) -> list[str]:
    chosen = rnd.sample(pool, min(count, len(pool)))
    return chosen + [rnd.choice(pool) for _ in range(count - len(chosen))]


def long_description(rnd: random.Random, category: str | None = None, *, zh: bool | None = None) -> str:
    """A description of realistic length: Chinese mostly a few hundred characters (median about
    220), English longer (median about 600), each with a long tail."""
    category = category or rnd.choice(list(PROBLEMS_ZH))
    zh = rnd.random() < 0.7 if zh is None else zh
    # how many story clauses: log-normal, most 3-8, a tail to 24 (a clause may come back, with
    # other dates and numbers, as in a long message that tells each call)
    clauses = min(24, max(1, round(rnd.lognormvariate(1.75 if zh else 1.45, 0.6))))
    if zh:
        product, problem = rnd.choice(PRODUCTS_ZH), rnd.choice(PROBLEMS_ZH[category])
        parts = [_fill(t, rnd, product, problem, True) for t in _clauses(rnd, STORY_ZH, clauses)]
        text = rnd.choice(OPENINGS_ZH) + "，".join(parts) + "。" + _fill(rnd.choice(CLOSINGS_ZH), rnd, product, problem, True)
        return text
    product, problem = rnd.choice(PRODUCTS_EN), rnd.choice(PROBLEMS_EN[category])
    parts = [_fill(t, rnd, product, problem, False) for t in _clauses(rnd, STORY_EN, clauses)]
    opening = _fill(rnd.choice(OPENINGS_EN), rnd, product, problem, False)
    return " ".join(p for p in (opening, *parts, _fill(rnd.choice(CLOSINGS_EN), rnd, product, problem, False)) if p)
