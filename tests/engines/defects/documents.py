"""Generated civil judgments (Faker zh_CN names, valid case numbers) for the defect checker's vectors."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from decimal import Decimal

from docx import Document as new_docx
from faker import Faker

from smartcourt.engines.defects import DocumentContext, Party, amount_in_words
from smartcourt.engines.fees import compute_fee


@dataclass
class Judgment:
    paragraphs: list[str]
    context: DocumentContext
    plaintiff: str
    defendant: str
    amount: Decimal


def civil_judgment(seed: int, *, filler_paragraphs: int = 0) -> Judgment:
    """A clean 民事判决书 (simple procedure, private lending) that must raise no defect."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    names = []
    while len(names) < 5:
        name = fake.name()
        if name not in names and all(name[0] != other[0] for other in names):
            names.append(name)
    plaintiff, defendant, lawyer, judge, clerk = names
    number = f"（2024）浙0102民初{rng.randint(1, 9999)}号"
    amount = Decimal(rng.randint(10, 900) * 1000)
    fee = compute_fee("property", amount).total
    half = (fee / 2).quantize(Decimal("0.01"))
    body = [
        "浙江省杭州市上城区人民法院",
        "民事判决书",
        number,
        f"原告：{plaintiff}，男，1980年1月1日出生，汉族，住浙江省杭州市上城区。",
        f"委托诉讼代理人：{lawyer}，浙江某某律师事务所律师。",
        f"被告：{defendant}，女，1985年2月2日出生，汉族，住浙江省杭州市西湖区。",
        f"原告{plaintiff}与被告{defendant}民间借贷纠纷一案，本院于2024年1月5日立案后，依法适用简易程序，"
        f"于2024年2月20日公开开庭进行了审理。原告{plaintiff}及其委托诉讼代理人{lawyer}、被告{defendant}到庭参加诉讼。本案现已审理终结。",
        f"{plaintiff}向本院提出诉讼请求：1.判令被告偿还借款{amount}元；2.本案诉讼费用由被告负担。",
        f"{defendant}辩称，借款属实，但因经营困难暂无力偿还。",
        f"本院经审理认定事实如下：2023年3月1日，被告向原告借款{amount}元（大写：{amount_in_words(amount)}），约定于2023年9月1日前归还，到期后未还。",
        *["上述事实，有借条、银行转账凭证及当事人陈述等证据在案佐证，本院予以确认。"] * filler_paragraphs,
        "本院认为，合法的借贷关系受法律保护。被告向原告借款后未按约定归还，应当承担偿还责任。依照《中华人民共和国民法典》第六百六十七条、"
        "第六百七十五条，《中华人民共和国民事诉讼法》第六十七条规定，判决如下：",
        f"被告{defendant}于本判决生效之日起十日内偿还原告{plaintiff}借款{amount}元。",
        "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条规定，加倍支付迟延履行期间的债务利息。",
        f"案件受理费{fee}元，减半收取计{half}元，由被告{defendant}负担。",
        "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于浙江省杭州市中级人民法院。",
        f"审判员　{judge}",
        "二〇二四年三月一日",
        f"书记员　{clerk}",
    ]
    context = DocumentContext(
        case_number=number,
        judgment_date=__import__("datetime").date(2024, 3, 1),
        parties=(Party(plaintiff, "原告"), Party(defendant, "被告")),
    )
    return Judgment(body, context, plaintiff, defendant, amount)


def docx_bytes(paragraphs: list[str], *, split_runs: bool = False) -> bytes:
    document = new_docx()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        if split_runs and len(text) > 4:
            paragraph.add_run(text[:3]).bold = True
            paragraph.add_run(text[3:])
        else:
            paragraph.add_run(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
