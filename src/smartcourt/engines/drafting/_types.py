"""The case data a document is drafted from (:class:`DraftContext`) and what drafting returns (:class:`Draft`).

Every field a document may need is optional here: a document that needs a field the context lacks shows
a visible placeholder (【待补充：…】) and names the field in :attr:`Draft.warnings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from enum import StrEnum


class DocumentType(StrEnum):
    """The documents the engine drafts; the value is the key used in APIs and template file names."""

    ACCEPTANCE_NOTICE = "acceptance_notice"  # 受理案件通知书
    RESPONSE_NOTICE = "response_notice"  # 应诉通知书
    EVIDENCE_NOTICE = "evidence_notice"  # 举证通知书
    SUMMONS = "summons"  # 传票
    CIVIL_JUDGMENT = "civil_judgment"  # 民事判决书 (普通程序 or 简易程序 by the context's procedure)
    MEDIATION_STATEMENT = "mediation_statement"  # 民事调解书
    REFUSAL_RULING = "refusal_ruling"  # 民事裁定书（不予受理）
    DISMISSAL_RULING = "dismissal_ruling"  # 民事裁定书（驳回起诉）
    WITHDRAWAL_RULING = "withdrawal_ruling"  # 民事裁定书（准许撤诉）
    CRIMINAL_JUDGMENT = "criminal_judgment"  # 刑事判决书
    ENFORCEMENT_NOTICE = "enforcement_notice"  # 执行通知书
    PROOF_OF_SERVICE = "proof_of_service"  # 送达回证
    TRIAL_OUTLINE = "trial_outline"  # 庭审提纲
    HEARING_RECORD = "hearing_record"  # 庭审笔录
    DELIBERATION_RECORD = "deliberation_record"  # 合议庭评议笔录
    TRIAL_REPORT = "trial_report"  # 审理报告
    APPEAL_JUDGMENT = "appeal_judgment"  # 民事判决书（二审：驳回上诉，维持原判 or 改判）
    REMAND_RULING = "remand_ruling"  # 民事裁定书（二审：发回重审）

    @property
    def second_instance(self) -> bool:
        """Whether the document is drafted in a civil second instance (a 民终 case).

        >>> DocumentType.APPEAL_JUDGMENT.second_instance, DocumentType.CIVIL_JUDGMENT.second_instance
        (True, False)
        """
        return self in (DocumentType.APPEAL_JUDGMENT, DocumentType.REMAND_RULING)

    @property
    def printed_title(self) -> str:
        """The document's name as printed under the court's name.

        >>> DocumentType.WITHDRAWAL_RULING.printed_title
        '民事裁定书'
        """
        return _TITLES[self]

    @property
    def label(self) -> str:
        """The name that tells the type apart from others printed alike, for pick-lists.

        >>> DocumentType.WITHDRAWAL_RULING.label, DocumentType.APPEAL_JUDGMENT.label
        ('民事裁定书（准许撤诉）', '民事判决书（二审）')
        """
        return _LABELS.get(self, _TITLES[self])


_LABELS = {
    DocumentType.CIVIL_JUDGMENT: "民事判决书（一审）",
    DocumentType.REFUSAL_RULING: "民事裁定书（不予受理）",
    DocumentType.DISMISSAL_RULING: "民事裁定书（驳回起诉）",
    DocumentType.WITHDRAWAL_RULING: "民事裁定书（准许撤诉）",
    DocumentType.APPEAL_JUDGMENT: "民事判决书（二审）",
    DocumentType.REMAND_RULING: "民事裁定书（发回重审）",
}

_TITLES = {
    DocumentType.ACCEPTANCE_NOTICE: "受理案件通知书",
    DocumentType.RESPONSE_NOTICE: "应诉通知书",
    DocumentType.EVIDENCE_NOTICE: "举证通知书",
    DocumentType.SUMMONS: "传票",
    DocumentType.CIVIL_JUDGMENT: "民事判决书",
    DocumentType.MEDIATION_STATEMENT: "民事调解书",
    DocumentType.REFUSAL_RULING: "民事裁定书",
    DocumentType.DISMISSAL_RULING: "民事裁定书",
    DocumentType.WITHDRAWAL_RULING: "民事裁定书",
    DocumentType.CRIMINAL_JUDGMENT: "刑事判决书",
    DocumentType.ENFORCEMENT_NOTICE: "执行通知书",
    DocumentType.PROOF_OF_SERVICE: "送达回证",
    DocumentType.TRIAL_OUTLINE: "庭审提纲",
    DocumentType.HEARING_RECORD: "庭审笔录",
    DocumentType.DELIBERATION_RECORD: "合议庭评议笔录",
    DocumentType.TRIAL_REPORT: "审理报告",
    DocumentType.APPEAL_JUDGMENT: "民事判决书",
    DocumentType.REMAND_RULING: "民事裁定书",
}


class Procedure(StrEnum):
    ORDINARY = "普通程序"
    SIMPLE = "简易程序"


class AppealOutcome(StrEnum):
    """How a second-instance judgment disposes of the appeal: 民事诉讼法（2023年修正）第一百七十七条第一款."""

    AFFIRM = "驳回上诉，维持原判"  # 第一项: 原判决认定事实清楚，适用法律正确
    REVISE = "改判"  # 第二项: 原判决认定事实错误或者适用法律错误，依法改判、撤销或者变更


class RemandGround(StrEnum):
    """Why a second-instance ruling sets the judgment aside and sends the case back (发回重审):
    民事诉讼法（2023年修正）第一百七十七条第一款第三项 and 第四项."""

    FACTS = "原判决认定基本事实不清"  # 第三项
    PROCEDURE = "原判决严重违反法定程序"  # 第四项 (遗漏当事人、违法缺席判决等)


class CourtLevel(StrEnum):
    BASIC = "基层"
    INTERMEDIATE = "中级"
    HIGH = "高级"
    SUPREME = "最高"


class PartyKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class CounselKind(StrEnum):
    """Who a 委托诉讼代理人 is (民事诉讼法第六十一条); a 辩护人 in criminal cases is a lawyer too."""

    LAWYER = "律师"
    LEGAL_WORKER = "基层法律服务工作者"
    RELATIVE = "近亲属"
    EMPLOYEE = "工作人员"
    CITIZEN = "公民"  # recommended by the community, the employer or a social organisation


@dataclass(frozen=True)
class Court:
    """The court drafting the document and, for the appeal paragraph, the court one level up."""

    name: str
    level: CourtLevel = CourtLevel.BASIC
    appeal_court: str | None = None
    address: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Counsel:
    """A 委托诉讼代理人 or 辩护人: name, firm (律师事务所, 法律服务所 or employer) and kind; ``relation`` for a
    近亲属 (e.g. 儿子)."""

    name: str
    firm: str | None = None
    kind: CounselKind = CounselKind.LAWYER
    relation: str | None = None


@dataclass(frozen=True)
class Party:
    """A party with the attributes a document states, in the order 法〔2016〕221号 prescribes for persons
    (name, sex, birth date, ethnicity, occupation, address) and organisations (name, address, legal
    representative). ``role`` is the word the document uses (原告, 被告, 第三人, 起诉人, 申请执行人, 被执行人,
    被告人; in a second instance 上诉人, 被上诉人 and, for a party who neither appealed nor was appealed against,
    原审原告, 原审被告, 原审第三人). ``original_role`` is an appellant's or appellee's standing at first
    instance (原审原告, 原审被告, 原审第三人), printed in brackets after the role: 上诉人（原审被告）.
    ``appeared`` is False for a party who did not come to the hearing."""

    role: str
    name: str
    kind: PartyKind = PartyKind.PERSON
    sex: str | None = None
    birth_date: date | None = None
    ethnicity: str | None = None
    occupation: str | None = None
    address: str | None = None
    id_number: str | None = None
    credit_code: str | None = None
    legal_representative: str | None = None
    representative_title: str | None = None
    counsel: tuple[Counsel, ...] = ()
    appeared: bool = True
    birthplace: str | None = None  # criminal: 出生地
    education: str | None = None  # criminal: 文化程度
    custody: str | None = None  # criminal: 因本案所受强制措施情况, 现羁押处所
    original_role: str | None = None  # second instance: 原审原告, 原审被告 or 原审第三人


@dataclass(frozen=True)
class Claim:
    """One 诉讼请求 as the plaintiff wrote it; ``amount`` (yuan) is the sum it claims, the basis of the fee."""

    text: str
    amount: Decimal | None = None


@dataclass(frozen=True)
class Statement:
    """What one party said (答辩意见, 评议意见): whose words and the words."""

    speaker: str
    text: str


@dataclass(frozen=True)
class Costs:
    """The costs line: who bears the fee (e.g. 被告李四) and, if the court fixed it, the fee before any halving;
    otherwise it is computed from the claims by the fees engine."""

    bearer: str
    fee: Decimal | None = None


@dataclass(frozen=True)
class Panel:
    """The trial organisation: a presiding judge with judges and 人民陪审员 (合议庭), or one judge alone (独任)."""

    presiding_judge: str | None = None
    judges: tuple[str, ...] = ()
    assessors: tuple[str, ...] = ()
    clerk: str | None = None

    @property
    def members(self) -> tuple[str, ...]:
        """Everyone who signs above the date, presiding judge first."""
        head = (self.presiding_judge,) if self.presiding_judge else ()
        return head + self.judges + self.assessors


@dataclass(frozen=True)
class DraftContext:
    """Everything a document can be drafted from: the case, the parties and the judge's inputs.

    >>> ctx = DraftContext(court=Court("浙江省杭州市上城区人民法院"), case_number="（2024）浙0102民初1号")
    >>> ctx.procedure.value
    '普通程序'
    """

    court: Court
    case_number: str
    cause: str | None = None  # 案由 (civil) or the charge(s) (criminal)
    procedure: Procedure = Procedure.ORDINARY
    public_hearing: bool = True
    filing_date: date | None = None  # 立案
    received_date: date | None = None  # 收到起诉状 (不予受理)
    hearing_date: date | None = None
    hearing_time: time | None = None
    hearing_place: str | None = None
    judgment_date: date | None = None  # the date the document is signed
    withdrawal_date: date | None = None  # 撤诉申请
    parties: tuple[Party, ...] = ()
    claims: tuple[Claim, ...] = ()
    facts_and_reasons: str | None = None  # the plaintiff's 事实和理由
    defences: tuple[Statement, ...] = ()
    evidence: tuple[str, ...] = ()
    dispute_focuses: tuple[str, ...] = ()
    facts_found: tuple[str, ...] = ()
    reasoning: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()  # each like 《中华人民共和国民法典》第六百六十七条
    operative_items: tuple[str, ...] = ()  # 判项, 调解协议 items, 执行 obligations
    costs: Costs | None = None
    panel: Panel = field(default_factory=Panel)
    opinions: tuple[Statement, ...] = ()  # 合议庭评议 opinions
    payment_order: bool | None = None  # the 迟延履行 paragraph; None: when an operative item names an amount
    evidence_period_days: int | None = None
    prosecutor: str | None = None  # 公诉机关
    prosecutor_attendee: str | None = None  # 出庭检察员
    indictment_number: str | None = None
    indictment: str | None = None  # what the prosecution charges (指控)
    defence_opinion: str | None = None  # the accused's and counsel's defence
    enforcement_basis: str | None = None  # 执行依据, e.g. （2024）浙0102民初1号民事判决书
    enforcement_amount: Decimal | None = None
    recipient: str | None = None  # a notice's or summons' addressee (a party's name); default by role
    served_documents: tuple[str, ...] = ()  # 送达回证: documents served
    service_method: str | None = None
    contact: str | None = None  # 联系人 on notices
    # Second instance (民终): the judgment appealed against and what the first-instance court said.
    original_court: str | None = None  # 一审法院, e.g. 浙江省杭州市上城区人民法院
    original_case_number: str | None = None  # 一审案号, e.g. （2024）浙0102民初1号
    original_claims: tuple[str, ...] = ()  # 原审原告向一审法院起诉请求
    original_facts: tuple[str, ...] = ()  # 一审法院认定事实
    original_reasoning: tuple[str, ...] = ()  # 一审法院认为
    original_items: tuple[str, ...] = ()  # 一审判决主文
    original_costs: Costs | None = None  # 改判: who now bears the 一审案件受理费, and that fee
    appeal_outcome: AppealOutcome | None = None  # 二审判决: 维持 (第一项) or 改判 (第二项)
    remand_ground: RemandGround | None = None  # 发回重审: 第三项 or 第四项


@dataclass(frozen=True)
class DraftWarning:
    """A field the document needed and the context lacked; the document shows ``placeholder`` in its place.

    >>> DraftWarning("parties[1].address", "被告李四的住所").placeholder
    '【待补充：被告李四的住所】'
    """

    field: str
    label: str

    @property
    def placeholder(self) -> str:
        """The visible text standing in for the missing value."""
        return f"【待补充：{self.label}】"

    @property
    def message(self) -> str:
        """The warning in Chinese."""
        return f"缺少{self.label}，文书中以{self.placeholder}标出，请补充后再使用"


@dataclass(frozen=True)
class Draft:
    """A drafted document: the .docx bytes, the text of its paragraphs and the warnings for missing fields."""

    document_type: DocumentType
    docx: bytes
    paragraphs: tuple[str, ...]
    warnings: tuple[DraftWarning, ...]

    @property
    def complete(self) -> bool:
        """Whether no field was missing."""
        return not self.warnings
