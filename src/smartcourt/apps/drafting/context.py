"""The drafting context built from the case record plus the judge's inputs.

From the case: court (and the court one level up for the appeal paragraph), case number, cause or charges,
procedure, filing date, parties with their attributes and counsel, the claim amount, the panel and the clerk.
From the judge (a :data:`INPUT_FIELDS` form, stored on the :class:`Draft`): what the case record does not
hold — claims as written, facts found, reasoning, legal basis, operative items, dates of hearing and judgment …
Anything missing stays missing: the engine prints a visible placeholder and a warning, never a guess.

A civil second instance (a 民终 case number) maps the case's 上诉人 (APPELLANT) and 被上诉人 (APPELLEE) to those
roles, with their first-instance standing (原审原告/原审被告/原审第三人) from the judge's ``original_roles`` or,
when the first-instance case (``original_case_number``) is in the system, from its parties by name; the case's
plaintiffs, defendants and third parties who neither appealed nor were appealed against become 原审原告,
原审被告, 原审第三人. The first-instance court is the judge's ``original_court``, else that case's court, else
the court whose 法院代字 the first-instance number carries. Only the documents of the case's instance are
offered (:func:`document_types_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation
from typing import Any

from smartcourt.apps.cases.models import Case, CaseCategory, CounselKind, PartyKind, PartyRole
from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.courts.models import Court
from smartcourt.apps.drafting.error_codes import DraftingErrorCode
from smartcourt.engines import catalogs
from smartcourt.engines import drafting as eng

MAX_TEXT = 20000


@dataclass(frozen=True)
class InputField:
    key: str
    label: str
    kind: str  # lines (one item a line), text, date, time, amount, choice
    hint: str = ""
    choices: tuple[str, ...] = ()  # kind "choice": the values accepted


INPUT_FIELDS: tuple[InputField, ...] = (
    InputField("claims", "诉讼请求", "lines", "每行一项"),
    InputField("facts_and_reasons", "事实和理由（原告主张）", "text"),
    InputField("defences", "答辩意见", "lines", "每行一条，格式：答辩人：意见"),
    InputField("evidence", "证据", "lines", "每行一项"),
    InputField("dispute_focuses", "争议焦点", "lines", "每行一项"),
    InputField("facts_found", "本院查明的事实", "lines", "每行一段"),
    InputField("reasoning", "本院认为", "lines", "每行一段"),
    InputField("legal_basis", "法律依据", "lines", "每行一条，如《中华人民共和国民法典》第六百六十七条"),
    InputField("operative_items", "判决主文/调解协议/执行事项", "lines", "每行一项"),
    InputField("opinions", "合议庭评议意见", "lines", "每行一条，格式：姓名：意见"),
    InputField("costs_bearer", "诉讼费用负担人", "text", "如：被告张某"),
    InputField("hearing_date", "开庭日期", "date"),
    InputField("hearing_time", "开庭时间", "time"),
    InputField("hearing_place", "开庭地点", "text"),
    InputField("judgment_date", "落款日期", "date"),
    InputField("received_date", "收到起诉状日期", "date"),
    InputField("withdrawal_date", "撤诉申请日期", "date"),
    InputField("indictment", "公诉机关指控", "text"),
    InputField("defence_opinion", "被告人及辩护人意见", "text"),
    InputField("enforcement_basis", "执行依据", "text", "如：（2024）浙0102民初1号民事判决书"),
    InputField("enforcement_amount", "执行标的额（元）", "amount"),
    InputField("recipient", "受送达人", "text"),
    InputField("served_documents", "送达文书", "lines", "每行一项"),
    InputField("service_method", "送达方式", "text"),
    # second instance (民终): the judgment appealed against and the outcome
    InputField("original_case_number", "一审案号（二审）", "text", "如：（2024）浙0102民初1号"),
    InputField("original_court", "一审法院（二审）", "text", "不填时按一审案号查找"),
    InputField(
        "original_roles",
        "上诉人、被上诉人的原审诉讼地位（二审）",
        "lines",
        "每行一条，格式：姓名：原审原告；一审案件在本系统中的可不填",
    ),
    InputField("original_claims", "原审原告向一审法院的诉讼请求（二审）", "lines", "每行一项"),
    InputField("original_facts", "一审法院认定的事实（二审）", "lines", "每行一段"),
    InputField("original_reasoning", "一审法院认为（二审）", "lines", "每行一段"),
    InputField("original_items", "一审判决主文（二审）", "lines", "每行一项"),
    InputField(
        "appeal_outcome",
        "二审裁判结果",
        "choice",
        "民事诉讼法第一百七十七条第一款第一项、第二项",
        tuple(o.value for o in eng.AppealOutcome),
    ),
    InputField(
        "remand_ground",
        "发回重审的理由",
        "choice",
        "民事诉讼法第一百七十七条第一款第三项、第四项",
        tuple(g.value for g in eng.RemandGround),
    ),
    InputField("original_costs_bearer", "一审案件受理费负担人（改判）", "text", "如：被上诉人张某"),
    InputField("original_fee", "一审案件受理费（元，改判）", "amount"),
)
_BY_KEY = {f.key: f for f in INPUT_FIELDS}

# Notices need nothing from the judge: the form is not shown for them.
NOTICE_TYPES = frozenset(
    {
        eng.DocumentType.ACCEPTANCE_NOTICE,
        eng.DocumentType.RESPONSE_NOTICE,
        eng.DocumentType.EVIDENCE_NOTICE,
        eng.DocumentType.PROOF_OF_SERVICE,
    }
)


def _bad(key: str, message: str) -> InvalidInputError:
    return InvalidInputError(DraftingErrorCode.BAD_INPUT, message, {"field": key})


def clean_inputs(raw: dict[str, Any]) -> dict[str, Any]:
    """The judge's inputs checked and normalised for storage (lists of lines, ISO dates, amounts as strings);
    empty values dropped. Unknown keys and malformed values are refused with the field named."""
    cleaned: dict[str, Any] = {}
    for key, value in raw.items():
        spec = _BY_KEY.get(key)
        if spec is None:
            raise _bad(key, f"未知的填写项：{key}")
        if value is None:
            continue
        if spec.kind == "lines":
            items = value if isinstance(value, list) else str(value).splitlines()
            lines = [str(v).strip() for v in items if str(v).strip()]
            if sum(len(x) for x in lines) > MAX_TEXT:
                raise _bad(key, f"{spec.label}过长（不超过{MAX_TEXT}字）")
            if lines:
                cleaned[key] = lines
            continue
        text = str(value).strip()
        if not text:
            continue
        if len(text) > MAX_TEXT:
            raise _bad(key, f"{spec.label}过长（不超过{MAX_TEXT}字）")
        if spec.kind == "date":
            try:
                text = date.fromisoformat(text).isoformat()
            except ValueError:
                raise _bad(key, f"{spec.label}格式应为 YYYY-MM-DD") from None
        elif spec.kind == "time":
            try:
                text = time.fromisoformat(text).strftime("%H:%M")
            except ValueError:
                raise _bad(key, f"{spec.label}格式应为 HH:MM") from None
        elif spec.kind == "choice":
            if text not in spec.choices:
                raise _bad(key, f"{spec.label}应为{'、'.join(spec.choices)}之一")
        elif spec.kind == "amount":
            try:
                amount = Decimal(text)
            except InvalidOperation:
                raise _bad(key, f"{spec.label}应为数字") from None
            if not amount.is_finite() or amount < 0:
                raise _bad(key, f"{spec.label}应为不小于零的数字")
            text = str(amount)
        cleaned[key] = text
    return cleaned


def _statements(lines: list[str]) -> tuple[eng.Statement, ...]:
    out = []
    for line in lines:
        speaker, sep, text = line.partition("：")
        if not sep:
            speaker, sep, text = line.partition(":")
        out.append(eng.Statement(speaker.strip(), text.strip()) if sep else eng.Statement("", line))
    return tuple(out)


_ROLE_WORDS = {
    PartyRole.PLAINTIFF: "原告",
    PartyRole.DEFENDANT: "被告",
    PartyRole.THIRD_PARTY: "第三人",
    PartyRole.ACCUSED: "被告人",
    PartyRole.ENFORCEMENT_APPLICANT: "申请执行人",
    PartyRole.JUDGMENT_DEBTOR: "被执行人",
}
# A civil second instance: the parties as 法〔2016〕221号 (民事判决书（二审维持原判或者改判用）) lists them.
_APPEAL_ROLE_WORDS = {
    PartyRole.APPELLANT: "上诉人",
    PartyRole.APPELLEE: "被上诉人",
    PartyRole.PLAINTIFF: "原审原告",
    PartyRole.DEFENDANT: "原审被告",
    PartyRole.THIRD_PARTY: "原审第三人",
}
_ORIGINAL_ROLE_WORDS = {
    PartyRole.PLAINTIFF: "原审原告",
    PartyRole.DEFENDANT: "原审被告",
    PartyRole.THIRD_PARTY: "原审第三人",
}
_COURT_LEVELS = {
    "BASIC": eng.CourtLevel.BASIC,
    "INTERMEDIATE": eng.CourtLevel.INTERMEDIATE,
    "HIGH": eng.CourtLevel.HIGH,
    "SUPREME": eng.CourtLevel.SUPREME,
}


def _person_name(user: Any) -> str | None:
    if user is None:
        return None
    return str(user.full_name or user.username)


def is_second_instance(case: Case) -> bool:
    """Whether the case is a civil second instance (民终), by its case number."""
    return eng.is_civil_second_instance(case.case_number)


def document_types_for(case: Case) -> dict[str, str]:
    """The document types drafted in this case, key → label (民事判决书（二审）…): a civil second instance gets its judgment
    and 发回重审 ruling with the summons, the proof of service and the deliberation record; every other case the
    first-instance, criminal and enforcement documents."""
    if is_second_instance(case):
        kinds = [k for k in eng.DocumentType if k.second_instance or k in _SECOND_INSTANCE_ALSO]
    else:
        kinds = [k for k in eng.DocumentType if not k.second_instance]
    return {k.value: k.label for k in kinds}


_SECOND_INSTANCE_ALSO = frozenset(
    {eng.DocumentType.SUMMONS, eng.DocumentType.PROOF_OF_SERVICE, eng.DocumentType.DELIBERATION_RECORD}
)


def _original_case(inputs: dict[str, Any]) -> Case | None:
    number = inputs.get("original_case_number")
    if not number:
        return None
    return Case.objects.select_related("court").filter(case_number=number).first()


def _original_court(inputs: dict[str, Any], original: Case | None) -> str | None:
    if inputs.get("original_court"):
        return str(inputs["original_court"])
    if original is not None:
        return str(original.court.name)
    try:
        parsed = catalogs.parse_case_number(str(inputs.get("original_case_number") or ""))
    except catalogs.CaseNumberError:
        return None
    court = Court.objects.filter(code=parsed.court_code).first()
    return str(court.name) if court else None


def _original_roles(inputs: dict[str, Any], original: Case | None) -> dict[str, str]:
    """Each appellant's and appellee's 原审诉讼地位 by name: the judge's lines first, then the first-instance case."""
    roles: dict[str, str] = {}
    if original is not None:
        for p in original.parties.all():
            word = _ORIGINAL_ROLE_WORDS.get(PartyRole(p.role))
            if word:
                roles.setdefault(p.name, word)
    for statement in _statements(inputs.get("original_roles", [])):
        word = statement.text if statement.text.startswith("原审") else f"原审{statement.text}"
        roles[statement.speaker] = word
    return roles


def build_context(case: Case, inputs: dict[str, Any]) -> eng.DraftContext:
    """The engine's :class:`DraftContext` for ``case`` and the (cleaned) judge's ``inputs``."""
    court = case.court
    parent = court.parent
    parties = []
    prosecutor = None
    appeal = is_second_instance(case)
    original = _original_case(inputs) if appeal else None
    original_roles = _original_roles(inputs, original) if appeal else {}
    for p in case.parties.all().prefetch_related("counsel"):
        if p.role == PartyRole.PROSECUTOR:
            prosecutor = p.name
            continue
        words = _APPEAL_ROLE_WORDS if appeal else _ROLE_WORDS
        role = words.get(PartyRole(p.role))
        if role is None:  # 申请人, 被害人 …: roles the shipped styles do not print in the header
            continue
        original_role = original_roles.get(p.name) if role in ("上诉人", "被上诉人") else None
        person = p.kind == PartyKind.NATURAL_PERSON
        counsel = tuple(
            eng.Counsel(
                c.name,
                c.firm or None,
                eng.CounselKind.LAWYER
                if c.kind in (CounselKind.LAWYER, CounselKind.DEFENCE_COUNSEL)
                else eng.CounselKind.CITIZEN,
            )
            for c in p.counsel.all()
        )
        parties.append(
            eng.Party(
                role,
                p.name,
                kind=eng.PartyKind.PERSON if person else eng.PartyKind.ORGANISATION,
                sex={"M": "男", "F": "女"}.get(p.sex) if person else None,
                birth_date=p.birth_date if person else None,
                address=p.address or None,
                id_number=p.id_number or None if person else None,
                credit_code=None if person else (p.id_number or None),
                legal_representative=None if person else (p.legal_representative or None),
                counsel=counsel,
                original_role=original_role,
            )
        )
    members = list(case.panel_members.select_related("judge").order_by("id"))
    presiding = next((m for m in members if m.role == "PRESIDING_JUDGE"), None)
    if members:
        panel = eng.Panel(
            presiding_judge=_person_name(presiding.judge) if presiding else None,
            judges=tuple(_person_name(m.judge) or "" for m in members if m is not presiding),
            clerk=_person_name(case.clerk),
        )
    else:
        judge = _person_name(case.responsible_judge)
        panel = eng.Panel(judges=(judge,) if judge else (), clerk=_person_name(case.clerk))
    cause = case.cause_of_action or None
    if case.category == CaseCategory.CRIMINAL and case.charges:
        cause = "、".join(str(c) for c in case.charges)
    claims_text = inputs.get("claims", [])
    claims = tuple(eng.Claim(t) for t in claims_text)
    if claims and case.claim_amount is not None:  # the fee basis is the case's 诉讼标的额, on the first claim
        claims = (eng.Claim(claims[0].text, case.claim_amount), *claims[1:])
    bearer = inputs.get("costs_bearer")

    def day(key: str) -> date | None:
        return date.fromisoformat(inputs[key]) if key in inputs else None

    return eng.DraftContext(
        court=eng.Court(
            court.name,
            level=_COURT_LEVELS.get(court.level, eng.CourtLevel.BASIC),
            appeal_court=parent.name if parent else None,
        ),
        case_number=case.case_number,
        cause=cause,
        procedure=eng.Procedure.ORDINARY if case.procedure == "ORDINARY" else eng.Procedure.SIMPLE,
        filing_date=case.registered_on,
        received_date=day("received_date"),
        hearing_date=day("hearing_date"),
        hearing_time=time.fromisoformat(inputs["hearing_time"]) if "hearing_time" in inputs else None,
        hearing_place=inputs.get("hearing_place"),
        judgment_date=day("judgment_date"),
        withdrawal_date=day("withdrawal_date"),
        parties=tuple(parties),
        claims=claims,
        facts_and_reasons=inputs.get("facts_and_reasons"),
        defences=_statements(inputs.get("defences", [])),
        evidence=tuple(inputs.get("evidence", [])),
        dispute_focuses=tuple(inputs.get("dispute_focuses", [])),
        facts_found=tuple(inputs.get("facts_found", [])),
        reasoning=tuple(inputs.get("reasoning", [])),
        legal_basis=tuple(inputs.get("legal_basis", [])),
        operative_items=tuple(inputs.get("operative_items", [])),
        costs=eng.Costs(bearer) if bearer else None,
        panel=panel,
        opinions=_statements(inputs.get("opinions", [])),
        prosecutor=prosecutor,
        indictment=inputs.get("indictment"),
        defence_opinion=inputs.get("defence_opinion"),
        enforcement_basis=inputs.get("enforcement_basis"),
        enforcement_amount=Decimal(inputs["enforcement_amount"]) if "enforcement_amount" in inputs else None,
        recipient=inputs.get("recipient"),
        served_documents=tuple(inputs.get("served_documents", [])),
        service_method=inputs.get("service_method"),
        original_court=_original_court(inputs, original) if appeal else inputs.get("original_court"),
        original_case_number=inputs.get("original_case_number"),
        original_claims=tuple(inputs.get("original_claims", [])),
        original_facts=tuple(inputs.get("original_facts", [])),
        original_reasoning=tuple(inputs.get("original_reasoning", [])),
        original_items=tuple(inputs.get("original_items", [])),
        original_costs=(
            eng.Costs(
                inputs["original_costs_bearer"],
                Decimal(inputs["original_fee"]) if "original_fee" in inputs else None,
            )
            if "original_costs_bearer" in inputs
            else None
        ),
        appeal_outcome=eng.AppealOutcome(inputs["appeal_outcome"]) if "appeal_outcome" in inputs else None,
        remand_ground=eng.RemandGround(inputs["remand_ground"]) if "remand_ground" in inputs else None,
    )


def check_context(case: Case, judgment_date: date | None) -> Any:
    """What the defect checker compares a document with: the case number, the signing date, the parties."""
    from smartcourt.engines.defects import DocumentContext
    from smartcourt.engines.defects import Party as CheckedParty

    parties = tuple(
        CheckedParty(p.name, _ROLE_WORDS.get(PartyRole(p.role), p.get_role_display()))
        for p in case.parties.all()
        if p.role != PartyRole.PROSECUTOR
    )
    return DocumentContext(case_number=case.case_number, judgment_date=judgment_date, parties=parties)
