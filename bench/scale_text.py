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
