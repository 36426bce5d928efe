"""What each kind of filing asks for, and the legal texts the review cites.

Case-type codes come from the catalogue (法〔2015〕137号); the party roles per kind are those the procedure
engine accepts for the case type the filing becomes.
"""

from __future__ import annotations

from smartcourt.apps.filing.models import FilingKind

CASE_TYPE = {
    FilingKind.CIVIL_FIRST: "民初",
    FilingKind.ENFORCEMENT: "执",
    FilingKind.ADMIN_FIRST: "行初",
    FilingKind.RETRIAL: "民申",
    FilingKind.PRESERVATION: "财保",
}

# (role, label, side): side "filer" is the one who files (原告/申请人), "other" the one filed against.
ROLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    FilingKind.CIVIL_FIRST: (
        ("PLAINTIFF", "原告", "filer"),
        ("DEFENDANT", "被告", "other"),
        ("THIRD_PARTY", "第三人", "third"),
    ),
    FilingKind.ADMIN_FIRST: (
        ("PLAINTIFF", "原告", "filer"),
        ("DEFENDANT", "被告（行政机关）", "other"),
        ("THIRD_PARTY", "第三人", "third"),
    ),
    FilingKind.ENFORCEMENT: (
        ("ENFORCEMENT_APPLICANT", "申请执行人", "filer"),
        ("JUDGMENT_DEBTOR", "被执行人", "other"),
    ),
    FilingKind.RETRIAL: (
        ("APPLICANT", "再审申请人", "filer"),
        ("RESPONDENT", "被申请人", "other"),
        ("THIRD_PARTY", "原审第三人", "third"),
    ),
    FilingKind.PRESERVATION: (
        ("APPLICANT", "申请人", "filer"),
        ("RESPONDENT", "被申请人", "other"),
    ),
}

# Kinds whose cause of action is a 民事案由 from the catalogue (法〔2020〕347号).
NEEDS_CIVIL_CAUSE = frozenset({FilingKind.CIVIL_FIRST, FilingKind.RETRIAL})
# Kinds that must state an amount: 执行标的额, 保全金额.
NEEDS_AMOUNT = frozenset({FilingKind.ENFORCEMENT, FilingKind.PRESERVATION})
# Kinds that must name the judgment or case they rest on.
NEEDS_ORIGIN = frozenset({FilingKind.ENFORCEMENT, FilingKind.RETRIAL})

# review_clock kinds of engines.filing_checks
CLOCK_KIND = {
    FilingKind.CIVIL_FIRST: "civil",
    FilingKind.ADMIN_FIRST: "administrative",
    FilingKind.ENFORCEMENT: "civil",
    FilingKind.RETRIAL: "civil",
    FilingKind.PRESERVATION: "civil",
}

REGISTRATION_BASIS = (
    "《最高人民法院关于人民法院登记立案若干问题的规定》（法释〔2015〕8号）；"
    "《中华人民共和国民事诉讼法》（2023年修正）第一百二十六条：符合起诉条件的，应当在七日内立案"
)
CORRECTION_BASIS = (
    "《最高人民法院关于人民法院登记立案若干问题的规定》（法释〔2015〕8号）第七条：材料不符合要求的，"
    "一次性书面告知在指定期限内补正；自收到补正材料之日起计算决定是否立案的期间"
)
# Default time given for a correction; 第七条 leaves the period to the court (15 days is local practice,
# unverified).
CORRECTION_DAYS = 15
PRESERVATION_NOTE = (
    "诉前财产保全：人民法院接受申请后，必须在四十八小时内作出裁定（《中华人民共和国民事诉讼法》"
    "（2023年修正）第一百零四条第二款）"
)
RETRIAL_FEE_NOTE = (
    "依《诉讼费用交纳办法》（国务院令第481号）第九条，申请再审的案件不交纳案件受理费"
    "（当事人有新证据足以推翻原判决、裁定而申请再审，人民法院经审查决定再审的除外）"
)


def ruling_template(*, court_name: str, filer_names: str, kind: str) -> str:
    """A draft 不予受理/不予立案 ruling for the officer to complete (the officer writes the reasons)."""
    if kind == FilingKind.ADMIN_FIRST:
        title, basis, verb = (
            "行政裁定书",
            "《中华人民共和国行政诉讼法》（2017年修正）第四十九条、第五十一条第二款",
            "不予立案",
        )
    else:
        # 民诉法（2023年修正）第一百二十二条、第一百二十六条、第一百五十七条第一款第一项；上诉期第一百七十一条
        title, basis, verb = (
            "民事裁定书",
            "《中华人民共和国民事诉讼法》（2023年修正）第一百二十二条、第一百二十六条、"
            "第一百五十七条第一款第一项",
            "不予受理",
        )
    return (
        f"{court_name}\n{title}\n\n"
        f"起诉人/申请人：{filer_names}。\n\n"
        f"本院于  年  月  日收到{filer_names}提交的网上立案申请。经审查，本院认为：（请写明不符合"
        f"起诉或申请条件的具体理由）。\n\n"
        f"依照{basis}之规定，裁定如下：\n\n对{filer_names}的起诉（申请），{verb}。\n\n"
        "如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，上诉于上一级人民法院。\n"
    )
