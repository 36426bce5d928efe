"""A generated set of case-file materials (Faker zh_CN) for the cataloguing accuracy: every category, titles
sometimes spaced out, damaged by OCR-like character errors, or missing (then only the body can tell)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker

from smartcourt.engines.casefile import catalogue

_BODIES = {
    "complaint": "原告：{a}，男，汉族，住{addr}。\n被告：{b}，住{addr}。\n诉讼请求：1.判令被告偿还借款{n}元；2.诉讼费由被告承担。\n事实与理由：{a}与{b}系朋友关系……\n此致\n{court}\n具状人：{a}",
    "appeal_petition": "上诉人（原审被告）：{b}\n被上诉人（原审原告）：{a}\n上诉人因民间借贷纠纷一案，不服{court}作出的一审判决，现提起上诉。\n上诉请求：撤销原判，依法改判。\n上诉人：{b}",
    "enforcement_application": "申请执行人：{a}\n被执行人：{b}\n执行依据：{court}（2024）浙0102民初{k}号民事判决书\n请求事项：强制被执行人支付{n}元。\n申请人：{a}",
    "identity_materials": "姓名 {a}  性别 男  民族 汉\n住址 {addr}\n公民身份号码 {id}\n签发机关 杭州市公安局上城分局\n有效期限 2015.01.01-2035.01.01",
    "acceptance_notice": "{a}：\n你诉{b}民间借贷纠纷一案的起诉状已收到。经审查，起诉符合法定受理条件，本院决定立案审理。\n{court}\n二〇二四年一月五日",
    "fee_notice": "{a}：\n你诉{b}民间借贷纠纷一案，应预交案件受理费{n}元，请于七日内交纳诉讼费用。\n开户银行：中国工商银行杭州分行\n{court}",
    "response_notice": "{b}：\n本院已受理原告{a}诉你民间借贷纠纷一案，现发送起诉状副本一份。你应在收到之日起十五日内提出答辩状。\n{court}",
    "evidence_notice": "{a}：\n根据《中华人民共和国民事诉讼法》的规定，当事人对自己提出的主张应当提供证据，举证期限为十五日，逾期提供证据的，承担举证责任不利的后果。\n{court}",
    "answer": "答辩人：{b}，住{addr}。\n被答辩人：{a}\n答辩人就被答辩人诉答辩人民间借贷纠纷一案，提出答辩意见如下：……\n答辩人：{b}",
    "evidence": "证据名称：借条一份\n证据来源：原告提供\n证明目的：证明被告向原告借款{n}元\n今借到{a}人民币{n}元整。借款人：{b}",
    "preservation": "申请人：{a}\n被申请人：{b}\n请求事项：申请保全被申请人名下银行存款{n}元或查封、冻结其相应价值的财产。\n申请人：{a}",
    "summons": "被传唤人：{b}\n工作单位或住址：{addr}\n传唤事由：民间借贷纠纷一案开庭审理\n应到时间：2024年2月20日9时00分\n应到处所：本院第三法庭",
    "hearing_notice": "{a}：\n本院受理的{a}诉{b}民间借贷纠纷一案，定于2024年2月20日9时在第三法庭开庭审理，请准时出庭。\n{court}",
    "hearing_record": "时间：2024年2月20日9时\n地点：第三法庭\n审判员：{j}\n书记员：{c}\n审判员：现在宣布开庭。\n原告：{a}到庭。被告：{b}到庭。\n审判员：现在进行法庭调查……法庭辩论……\n书记员：{c}",
    "inquiry_record": "时间：2024年1月20日\n地点：本院\n被询问人：{b}\n问：你与{a}是什么关系？\n答：朋友关系。\n问：借款是否属实？\n答：属实。\n被询问人签名：{b}",
    "judgment": "原告：{a}\n被告：{b}\n原告{a}与被告{b}民间借贷纠纷一案……本院认为，合法的借贷关系受法律保护。判决如下：\n被告{b}于本判决生效之日起十日内偿还原告借款{n}元。\n审判员 {j}\n书记员 {c}",
    "ruling": "原告：{a}\n被告：{b}\n本院在审理原告{a}与被告{b}民间借贷纠纷一案中，原告于2024年2月1日提出撤诉申请。裁定如下：\n准许原告{a}撤回起诉。\n审判员 {j}\n书记员 {c}",
    "mediation": "原告：{a}\n被告：{b}\n本案在审理过程中，经本院主持调解，双方当事人自愿达成如下协议：\n被告{b}于2024年3月1日前支付原告{n}元。\n审判员 {j}\n书记员 {c}",
    "pronouncement_record": "时间：2024年3月1日\n审判员：{j}\n书记员：{c}\n本院对原告{a}诉被告{b}民间借贷纠纷一案当庭宣判。\n被宣判人签名：{a}",
    "proof_of_service": "送达文书名称及件数：民事判决书一份\n受送达人：{a}\n送达地址：{addr}\n送达方式：直接送达\n受送达人签收：{a}  2024年3月2日\n送达人：{c}",
    "file_review_record": "阅卷人：{j}\n阅卷时间：2024年2月10日\n阅卷内容：本案起诉状、证据材料……\n阅卷意见：……",
    "trial_report": "一、审理经过：本院于2024年1月5日立案……\n二、当事人诉辩意见……\n三、争议焦点：借款是否实际交付\n四、处理意见：支持原告诉讼请求\n承办人：{j}",
    "panel_deliberation": "时间：2024年2月25日\n合议庭成员：审判长{j}、审判员{c}、人民陪审员{a}\n评议内容：……\n评议意见：一致同意……少数意见：无\n签名：{j}",
    "committee_record": "会议时间：2024年2月28日\n出席：审判委员会委员{j}等七人\n讨论案件：{a}诉{b}民间借贷纠纷一案\n讨论意见：……\n决定：……",
    "internal_request": "关于{a}诉{b}民间借贷纠纷一案法律适用问题的请示\n……特此请示。\n经研究，批复如下……",
    "draft_document": "案号：（2024）浙0102民初{k}号\n文书名称：民事判决书\n拟稿人：{j}\n核稿人：{c}\n签发人：{j}\n签发日期：2024年3月1日",
}


@dataclass(frozen=True)
class GeneratedMaterial:
    category: str
    text: str
    title_shown: bool


def generated_materials(count: int = 200, *, seed: int = 7) -> list[GeneratedMaterial]:
    """``count`` materials cycling through every category; 70 % titled (a third of those spaced out), 10 % with
    an OCR-like wrong character in the title, 20 % without a title."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    categories = catalogue().categories
    out = []
    for index in range(count):
        category = categories[index % len(categories)]
        body = _BODIES[category.code].format(
            a=fake.name(),
            b=fake.name(),
            j=fake.name(),
            c=fake.name(),
            addr=fake.address(),
            n=rng.randint(1, 999) * 1000,
            k=rng.randint(1, 9999),
            id="330102198001011234",
            court="浙江省杭州市上城区人民法院",
        )
        title = rng.choice(category.titles)
        roll = rng.random()
        if roll < 0.2:
            text, shown = body, False
        elif roll < 0.3 and len(title) >= 4:
            position = rng.randrange(len(title))
            noisy = title[:position] + rng.choice("口日曰田目") + title[position + 1 :]
            text, shown = f"{noisy}\n{body}", True
        else:
            spaced = " ".join(title) if rng.random() < 0.33 else title
            text, shown = f"{spaced}\n{body}", True
        out.append(GeneratedMaterial(category.code, text, shown))
    return out
