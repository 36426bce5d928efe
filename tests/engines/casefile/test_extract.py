"""Extraction of parties, claims and amounts from generated complaints, answers and ID copies; back-fill diff."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from faker import Faker
from hypothesis import given
from hypothesis import strategies as st

from smartcourt.engines.casefile import CaseRecord, RecordParty, compare_with_record, extract_case_fields
from smartcourt.engines.validation import make_credit_code, make_id_number


def _complaint(seed: int):
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    plaintiff, representative = fake.name(), fake.name()
    company = fake.company()
    id_number = make_id_number(rng, birth_date=date(1980, 1, 2))
    credit = make_credit_code(rng)
    phone = fake.phone_number()
    principal, interest = rng.randint(10, 900) * 1000, rng.randint(1, 99) * 100
    text = (
        "民事起诉状\n"
        f"原告：{plaintiff}，男，1980年1月2日出生，汉族，住浙江省杭州市上城区某某路{rng.randint(1, 99)}号，"
        f"公民身份号码{id_number}，联系电话{phone}。\n"
        f"被告：{company}，住所地浙江省杭州市西湖区某某路8号，统一社会信用代码{credit}。\n"
        f"法定代表人：{representative}，该公司执行董事。\n"
        f"诉讼请求：1.判令被告支付货款{principal}元；2.判令被告支付逾期付款利息{interest}元；3.本案诉讼费用由被告承担。\n"
        "事实与理由：原告与被告签订买卖合同……\n此致\n浙江省杭州市上城区人民法院\n具状人：" + plaintiff
    )
    return text, plaintiff, company, representative, id_number, credit, phone, principal + interest


def test_complaint_parties_claims_and_amount_with_spans():
    for seed in range(20):
        text, plaintiff, company, representative, id_number, credit, phone, total = _complaint(seed)
        fields = extract_case_fields(text)
        person, organization = fields.parties
        assert (person.role, person.name.value, person.kind) == ("原告", plaintiff, "person")
        assert (organization.role, organization.name.value, organization.kind) == (
            "被告",
            company,
            "organization",
        )
        assert person.get("id_number").value == id_number and person.get("id_number").valid
        assert person.get("birth_date").value == "1980-01-02" and person.get("sex").value == "男"
        assert person.get("phone").value == phone and person.get("phone").valid
        assert organization.get("credit_code").value == credit and organization.get("credit_code").valid
        assert organization.get("legal_representative").value == representative
        assert len(fields.claims) == 3 and fields.claim_amount.value == str(total)
        for value in (
            person.name,
            person.get("id_number"),
            person.get("phone"),
            organization.get("credit_code"),
        ):
            assert text[value.span[0] : value.span[1]] == value.value


def test_a_wrong_check_digit_is_extracted_but_marked_invalid():
    text, *_ = _complaint(1)
    number = extract_case_fields(text).parties[0].get("id_number").value
    broken = text.replace(number, number[:-1] + ("0" if number[-1] != "0" else "1"))
    extracted = extract_case_fields(broken).parties[0].get("id_number")
    assert extracted.valid is False and extracted.note


def test_an_answer_and_an_id_card_copy():
    rng = random.Random(3)
    number = make_id_number(rng)
    answer = "民事答辩状\n答辩人：王某某，女，住杭州市拱墅区某路3号。\n被答辩人：赵某某\n答辩意见：……"
    parties = extract_case_fields(answer).parties
    assert [(p.role, p.name.value) for p in parties] == [("答辩人", "王某某"), ("被答辩人", "赵某某")]
    card = f"姓名 李某某\n性别 男 民族 汉\n出生 1990年5月6日\n住址 浙江省杭州市上城区某某街道某路5号\n公民身份号码 {number}"
    (party,) = extract_case_fields(card).parties
    assert party.name.value == "李某某" and party.get("id_number").value == number
    assert party.get("address").value == "浙江省杭州市上城区某某街道某路5号"


def test_compare_with_record_lists_only_what_to_back_fill():
    text, plaintiff, company, _, id_number, _, phone, total = _complaint(5)
    fields = extract_case_fields(text)
    record = CaseRecord(
        parties=(
            RecordParty("原告", plaintiff, id_number=id_number, phone=phone),
            RecordParty("被告", company),
        ),
        claim_amount=Decimal(total),
    )
    differences = compare_with_record(fields, record)
    assert [(d.field, d.party) for d in differences] == [("address", plaintiff), ("address", company)]
    stale = CaseRecord(parties=(RecordParty("原告", plaintiff, phone="13900000000"),), claim_amount=None)
    fields_changed = {(d.field, d.reason) for d in compare_with_record(fields, stale)}
    assert ("phone", "与案件信息不一致") in fields_changed and (
        "claim_amount",
        "案件信息为空",
    ) in fields_changed
    assert ("party", "案件信息中没有该当事人") in fields_changed


@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "原告被告：，。\n诉讼请求1.2、元万住电话13800138000公民身份号码330102198001011234张三李四有限公司"
            )
        ),
        max_size=400,
    )
)
def test_fuzz_extraction_never_fails_and_spans_hold_their_values(text):
    fields = extract_case_fields(text)
    for party in fields.parties:
        for value in (party.name, *party.details):
            assert 0 <= value.span[0] <= value.span[1] <= len(text)
            if value.field in ("name", "phone", "id_number", "credit_code"):
                assert text[value.span[0] : value.span[1]] == value.value
