"""Generated cases (Faker zh_CN names and addresses, ID numbers with valid check digits) for drafting tests."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal

from faker import Faker

from smartcourt.engines.defects import DocumentContext
from smartcourt.engines.defects import Party as CheckedParty
from smartcourt.engines.drafting import (
    AppealOutcome,
    Claim,
    Costs,
    Counsel,
    CounselKind,
    Court,
    DocumentType,
    DraftContext,
    Panel,
    Party,
    PartyKind,
    Procedure,
    RemandGround,
    Statement,
)
from smartcourt.engines.drafting._format import money
from smartcourt.engines.validation import make_credit_code, make_id_number, validate_id_number

COURT = Court(
    "浙江省杭州市上城区人民法院",
    appeal_court="浙江省杭州市中级人民法院",
    address="浙江省杭州市上城区之江路1号",
    phone="0571-80000000",
)


def _names(fake: Faker, count: int) -> list[str]:
    """Distinct names with distinct first characters (so no name is a near miss of another)."""
    names: list[str] = []
    while len(names) < count:
        name = fake.name()
        if all(name[0] != other[0] and name not in other and other not in name for other in names):
            names.append(name)
    return names


def civil_case(
    seed: int,
    *,
    procedure: Procedure = Procedure.ORDINARY,
    organisation_defendant: bool = False,
    facts: int = 1,
) -> DraftContext:
    """A consistent 民间借贷纠纷 case: every field a civil document needs is present."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    plaintiff, defendant, lawyer, judge1, judge2, judge3, clerk, rep = _names(fake, 8)
    born = date(rng.randint(1960, 1995), rng.randint(1, 12), rng.randint(1, 28))
    id_number = make_id_number(rng, birth_date=born, sex="M")
    assert validate_id_number(id_number).birth_date == born
    amount = Decimal(rng.randint(10, 900) * 1000)
    filed = date(2024, 1, rng.randint(2, 20))
    heard = filed + timedelta(days=rng.randint(20, 40))
    judged = heard + timedelta(days=rng.randint(5, 20))
    plaintiff_party = Party(
        "原告",
        plaintiff,
        sex="男",
        birth_date=born,
        ethnicity="汉",
        occupation="个体工商户",
        address=fake.address().split(" ")[0],
        id_number=id_number,
        counsel=(Counsel(lawyer, f"浙江{fake.last_name()}律师事务所", CounselKind.LAWYER),),
    )
    if organisation_defendant:
        company = fake.company()
        defendant_party = Party(
            "被告",
            company,
            kind=PartyKind.ORGANISATION,
            address=fake.address().split(" ")[0],
            credit_code=make_credit_code(rng),
            legal_representative=rep,
            representative_title="执行董事",
        )
        defendant = company
    else:
        defendant_party = Party(
            "被告",
            defendant,
            sex="女",
            birth_date=date(1985, 2, 2),
            ethnicity="汉",
            address=fake.address().split(" ")[0],
        )
    simple = procedure is Procedure.SIMPLE
    panel = Panel(judges=(judge1,), clerk=clerk) if simple else Panel(judge1, (judge2,), (judge3,), clerk)
    extra = [
        f"{i}. 2023年{i % 12 + 1}月{i % 28 + 1}日，原告通过银行转账方式向被告交付借款，被告出具借条一份，载明借款用途为经营周转，"
        "约定还款期限届满前一次性归还本金。上述事实，有借条、银行转账凭证、双方微信聊天记录及当事人陈述等证据在案佐证，"
        "被告对证据的真实性无异议，本院予以确认。"
        for i in range(2, facts + 1)
    ]
    return DraftContext(
        court=COURT,
        case_number=f"（2024）浙0102民初{rng.randint(1, 9999)}号",
        cause="民间借贷纠纷",
        procedure=procedure,
        filing_date=filed,
        received_date=filed - timedelta(days=3),
        hearing_date=heard,
        hearing_time=time(9, 30),
        hearing_place="本院第三法庭",
        judgment_date=judged,
        withdrawal_date=filed + timedelta(days=10),
        parties=(plaintiff_party, defendant_party),
        claims=(
            Claim(f"判令被告偿还借款{money(amount)}", amount),
            Claim("本案诉讼费用由被告负担"),
        ),
        facts_and_reasons=f"2023年3月1日，被告向原告借款{money(amount)}，约定于2023年9月1日前归还，到期后经催讨未还。",
        defences=(Statement(defendant, "借款属实，但因经营困难暂无力偿还"),),
        evidence=("借条一份", "银行转账凭证一份"),
        dispute_focuses=("被告是否应当偿还借款",),
        facts_found=(
            f"2023年3月1日，被告向原告借款{money(amount, words=True)}，约定于2023年9月1日前归还，到期后未还。",
            *extra,
        ),
        reasoning=("合法的借贷关系受法律保护。被告向原告借款后未按约定归还，应当承担偿还责任。",),
        legal_basis=(
            "《中华人民共和国民法典》第六百六十七条",
            "《中华人民共和国民法典》第六百七十五条",
            "《中华人民共和国民事诉讼法》第六十七条",
        ),
        operative_items=(f"被告{defendant}于本判决生效之日起十日内偿还原告{plaintiff}借款{money(amount)}",),
        costs=Costs(f"被告{defendant}"),
        panel=panel,
        opinions=tuple(Statement(m, "同意承办法官意见，支持原告的诉讼请求。") for m in panel.members),
        served_documents=("起诉状副本", "应诉通知书", "举证通知书", "传票"),
        service_method="直接送达",
        recipient=None,
        contact=clerk,
    )


def criminal_case(seed: int) -> DraftContext:
    """A consistent 盗窃罪 case (公诉, 普通程序) with one accused and one defence lawyer."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    accused, lawyer, judge1, judge2, judge3, clerk, attendee = _names(fake, 7)
    filed = date(2024, 4, rng.randint(1, 20))
    heard = filed + timedelta(days=20)
    judged = heard + timedelta(days=7)
    return DraftContext(
        court=COURT,
        case_number=f"（2024）浙0102刑初{rng.randint(1, 999)}号",
        cause="盗窃罪",
        filing_date=filed,
        hearing_date=heard,
        judgment_date=judged,
        prosecutor="浙江省杭州市上城区人民检察院",
        prosecutor_attendee=attendee,
        indictment_number="杭上检刑诉〔2024〕100号",
        indictment="2024年1月10日，被告人在杭州市上城区某商场窃取他人手机一部，价值人民币5000元",
        defence_opinion=f"被告人{accused}对指控的事实和罪名无异议。辩护人{lawyer}提出被告人系初犯、认罪认罚，请求从轻处罚。",
        parties=(
            Party(
                "被告人",
                accused,
                sex="男",
                birth_date=date(1990, 5, 6),
                birthplace="浙江省杭州市",
                ethnicity="汉",
                education="初中",
                occupation="无业",
                address=fake.address().split(" ")[0],
                custody="因涉嫌犯盗窃罪于2024年1月12日被刑事拘留，同年2月10日被逮捕。现羁押于杭州市上城区看守所",
                counsel=(Counsel(lawyer, f"浙江{fake.last_name()}律师事务所"),),
            ),
        ),
        facts_found=("2024年1月10日，被告人在杭州市上城区某商场窃取他人手机一部，价值人民币5000元。",),
        reasoning=(
            f"被告人{accused}以非法占有为目的，秘密窃取他人财物，数额较大，其行为已构成盗窃罪，依法应当判处有期徒刑，并处罚金人民币三千元。",
        ),
        legal_basis=("《中华人民共和国刑法》第二百六十四条", "《中华人民共和国刑法》第六十七条第三款"),
        operative_items=(f"被告人{accused}犯盗窃罪，判处有期徒刑八个月，并处罚金人民币三千元",),
        panel=Panel(judge1, (judge2,), (judge3,), clerk),
    )


def enforcement_case(seed: int) -> DraftContext:
    base = civil_case(seed)
    applicant, respondent = base.parties
    return replace(
        base,
        case_number=base.case_number.replace("民初", "执"),
        parties=(replace(applicant, role="申请执行人"), replace(respondent, role="被执行人")),
        enforcement_basis=f"本院作出的{base.case_number}民事判决书",
        enforcement_amount=base.claims[0].amount,
        operative_items=(),
    )


def refusal_case(seed: int) -> DraftContext:
    base = civil_case(seed)
    plaintiff, defendant = base.parties
    return replace(
        base,
        parties=(replace(plaintiff, role="起诉人"), replace(defendant, role="被告")),
        reasoning=("起诉人的起诉不符合法定的起诉条件。",),
    )


APPEAL_COURT = Court(
    "浙江省杭州市中级人民法院",
    appeal_court="浙江省高级人民法院",
    address="浙江省杭州市上城区解放东路1号",
    phone="0571-80000001",
)


def appeal_case(
    seed: int, *, outcome: AppealOutcome = AppealOutcome.AFFIRM, remand: RemandGround | None = None
) -> DraftContext:
    """A consistent second instance (民终) of :func:`civil_case`: the defendant appeals (上诉人（原审被告）), the
    plaintiff answers (被上诉人（原审原告）), a 原审第三人 who did not appeal states her view; every field present.
    ``outcome`` chooses 驳回上诉，维持原判 or 改判; ``remand`` makes it a 发回重审 case."""
    base = civil_case(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed + 1000)
    rng = random.Random(seed + 1000)
    taken = [p.name for p in base.parties] + [c.name for p in base.parties for c in p.counsel]
    taken += [*base.panel.members, base.panel.clerk or ""]
    extra: list[str] = []
    while len(extra) < 6:
        name = fake.name()
        if all(name[0] != o[0] and name not in o and o not in name for o in taken + extra if o):
            extra.append(name)
    third, lawyer, judge1, judge2, judge3, clerk = extra
    plaintiff, defendant = base.parties
    amount = base.claims[0].amount
    assert amount is not None and base.judgment_date is not None
    filed = base.judgment_date + timedelta(days=rng.randint(30, 45))
    heard = filed + timedelta(days=rng.randint(20, 30))
    judged = heard + timedelta(days=rng.randint(5, 15))
    third_party = Party(
        "原审第三人",
        third,
        sex="女",
        birth_date=date(1988, 8, 8),
        ethnicity="汉",
        address=fake.address().split(" ")[0],
        counsel=(Counsel(lawyer, f"浙江{fake.last_name()}律师事务所"),),
    )
    original_judgment = (
        f"被告{defendant.name}于本判决生效之日起十日内偿还原告{plaintiff.name}借款{money(amount)}"
    )
    revised = (f"驳回{plaintiff.name}的全部诉讼请求",)
    ctx = replace(
        base,
        court=APPEAL_COURT,
        case_number=f"（2024）浙01民终{rng.randint(1, 9999)}号",
        filing_date=filed,
        received_date=None,
        withdrawal_date=None,
        hearing_date=heard,
        judgment_date=judged,
        parties=(
            replace(defendant, role="上诉人", original_role="原审被告"),
            replace(plaintiff, role="被上诉人", original_role="原审原告"),
            third_party,
        ),
        claims=(
            Claim("撤销一审判决，改判驳回被上诉人的全部诉讼请求", amount),
            Claim("一、二审诉讼费用由被上诉人负担"),
        ),
        facts_and_reasons="一审法院认定借款已经交付，证据不足；上诉人已于2023年8月归还全部借款，一审判决认定事实错误。",
        defences=(
            Statement(plaintiff.name, "一审判决认定事实清楚，适用法律正确，请求驳回上诉，维持原判"),
            Statement(third, "对本案借款的交付情况不清楚，请求法院依法判决"),
        ),
        original_court=COURT.name,
        original_case_number=base.case_number,
        original_claims=tuple(c.text for c in base.claims),
        original_facts=base.facts_found,
        original_reasoning=base.reasoning,
        original_items=(original_judgment, f"驳回原告{plaintiff.name}的其他诉讼请求"),
        facts_found=("本院对一审法院查明的事实予以确认。",),
        reasoning=(
            "本案二审的争议焦点为上诉人是否已经归还借款。上诉人主张已归还借款，但未能提交相应证据，其上诉理由不能成立。",
        ),
        legal_basis=(),
        operative_items=(),
        appeal_outcome=outcome,
        costs=Costs(f"上诉人{defendant.name}"),
        panel=Panel(judge1, (judge2, judge3), (), clerk),
        opinions=tuple(Statement(m, "同意驳回上诉，维持原判。") for m in (judge1, judge2, judge3)),
        contact=clerk,
        recipient=None,
    )
    if outcome is AppealOutcome.REVISE:
        ctx = replace(
            ctx,
            facts_found=(
                f"另查明，上诉人{defendant.name}于2023年8月10日通过银行转账向被上诉人{plaintiff.name}归还借款{money(amount)}，"
                "被上诉人对该转账记录的真实性无异议。",
            ),
            reasoning=(f"上诉人已归还借款{money(amount)}，一审判决认定事实错误，本院予以纠正。",),
            legal_basis=("《中华人民共和国民法典》第五百五十七条",),
            operative_items=(f"撤销{COURT.name}{base.case_number}民事判决", *revised),
            original_costs=Costs(f"被上诉人{plaintiff.name}", Decimal("2300")),
            costs=Costs(f"被上诉人{plaintiff.name}"),
        )
    if remand is not None:
        ctx = replace(
            ctx,
            appeal_outcome=None,
            remand_ground=remand,
            reasoning=(
                "一审判决遗漏了必须参加诉讼的当事人，严重违反法定程序。"
                if remand is RemandGround.PROCEDURE
                else "一审判决认定借款已经交付的基本事实不清。",
            ),
        )
    return ctx


def context_for(kind: DocumentType, seed: int) -> DraftContext:
    """A complete context for each document type."""
    if kind is DocumentType.APPEAL_JUDGMENT:
        return appeal_case(seed)
    if kind is DocumentType.REMAND_RULING:
        return appeal_case(seed, remand=RemandGround.FACTS)
    if kind is DocumentType.CRIMINAL_JUDGMENT:
        return criminal_case(seed)
    if kind is DocumentType.ENFORCEMENT_NOTICE:
        return enforcement_case(seed)
    if kind is DocumentType.REFUSAL_RULING:
        return refusal_case(seed)
    base = civil_case(seed)
    if kind in (DocumentType.SUMMONS, DocumentType.PROOF_OF_SERVICE):
        return replace(base, recipient=base.parties[1].name)
    if kind is DocumentType.DISMISSAL_RULING:
        return replace(base, reasoning=("原告的起诉不符合法定的起诉条件，应予驳回。",), operative_items=())
    if kind is DocumentType.WITHDRAWAL_RULING:
        return replace(base, reasoning=(), operative_items=())
    if kind is DocumentType.MEDIATION_STATEMENT:
        amount = base.claims[0].amount
        assert amount is not None
        return replace(
            base,
            operative_items=(
                f"被告{base.parties[1].name}于2024年6月30日前向原告{base.parties[0].name}偿还借款{money(amount)}",
                "双方就本案再无其他争议",
            ),
        )
    return base


def checked_context(ctx: DraftContext) -> DocumentContext:
    """What the defect checker is told about the case."""
    return DocumentContext(
        case_number=ctx.case_number,
        judgment_date=ctx.judgment_date,
        parties=tuple(CheckedParty(p.name, p.role) for p in ctx.parties),
    )
