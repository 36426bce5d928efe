"""The filing app's bridge to the engines: model rows in, engine values out.

Jurisdiction (``engines.jurisdiction``), duplicates, risk signals and the 7-day review clock
(``engines.filing_checks``), upload inspection (``engines.uploads``) and the fee notice (``engines.fees``).
Every rule stays in its engine with its legal source; this module only translates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from smartcourt.apps.cases.models import Case
from smartcourt.apps.filing import rules
from smartcourt.apps.filing.models import Filing, FilingKind, FilingParty, FilingStatus, FlagKind
from smartcourt.engines import fees, filing_checks, jurisdiction, uploads, validation


@dataclass
class Finding:
    kind: str
    code: str
    severity: str
    message: str
    basis: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


def _sides(filing: Filing) -> tuple[list[FilingParty], list[FilingParty]]:
    by_role = {role: side for role, _, side in rules.ROLES[filing.kind]}
    parties = list(filing.parties.all())
    return (
        [p for p in parties if by_role.get(p.role) == "filer"],
        [p for p in parties if by_role.get(p.role) == "other"],
    )


def party_division(party: FilingParty) -> str | None:
    """The party's seat as a division code: given, else from the ID number or credit code."""
    if party.division_code:
        return party.division_code
    number = party.id_number or ""
    if party.id_type == "RESIDENT_ID" and len(number) == 18:
        return number[:6]
    if party.id_type == "CREDIT_CODE" and len(number) == 18:
        return number[2:8]
    return None


def _valid_division(code: str | None) -> str | None:
    return code if code and len(code) == 6 and validation.get_division(code) is not None else None


def _court_ref(court: Any) -> jurisdiction.CourtRef:
    return jurisdiction.CourtRef(
        level=jurisdiction.CourtLevel(court.level), division_code=court.division_code, name=court.name
    )


_JURISDICTION_CATEGORY = {
    FilingKind.CIVIL_FIRST: "CIVIL_FIRST",
    FilingKind.ENFORCEMENT: "ENFORCEMENT",
    FilingKind.ADMIN_FIRST: "ADMINISTRATIVE_FIRST",
}


def jurisdiction_findings(filing: Filing, *, today: date) -> list[Finding]:
    """The jurisdiction engine's view of the chosen court, as findings for the filing officer."""
    category = _JURISDICTION_CATEGORY.get(filing.kind)
    if category is None:
        return [
            Finding(
                FlagKind.JURISDICTION,
                "jurisdiction_manual",
                "info",
                f"{filing.get_kind_display()}的管辖不在自动审查范围内，请立案法官人工审查管辖。",
            )
        ]
    filers, others = _sides(filing)

    def ref(p: FilingParty) -> jurisdiction.Party:
        return jurisdiction.Party(
            name=p.name,
            domicile=_valid_division(party_division(p)) or "",
            is_natural_person=p.kind == "NATURAL_PERSON",
        )

    place = _valid_division(filing.connecting_place)
    try:
        cause = jurisdiction.Cause(filing.connecting_point or "general")
    except ValueError:
        cause = jurisdiction.Cause.GENERAL
    places: dict[str, Any] = {}
    if place:
        places = {
            jurisdiction.Cause.CONTRACT: {"performance_place": place},
            jurisdiction.Cause.TORT: {"tort_place": place},
            jurisdiction.Cause.TRAFFIC_ACCIDENT: {"accident_place": place},
            jurisdiction.Cause.REAL_ESTATE: {"property_place": place},
            jurisdiction.Cause.INHERITANCE: {"property_place": place},
            jurisdiction.Cause.COMPANY: {"company_place": place},
            jurisdiction.Cause.BILL: {"payment_place": place},
            jurisdiction.Cause.INSURANCE: {"property_place": place},
            jurisdiction.Cause.TRANSPORT_CONTRACT: {"transport_places": (place,)},
        }.get(cause, {})
    extra: dict[str, Any] = {}
    if filing.kind == FilingKind.ENFORCEMENT:
        if filing.origin_court is not None:
            extra["first_instance_court"] = _court_ref(filing.origin_court)
        if place:
            extra["property_place"] = place
    if filing.kind == FilingKind.ADMIN_FIRST and others:
        organ = _valid_division(party_division(others[0]))
        if organ:
            extra["original_organ_place"] = organ
    request = jurisdiction.JurisdictionRequest(
        category=jurisdiction.CaseCategory[category],
        chosen_court=_court_ref(filing.court),
        plaintiffs=tuple(ref(p) for p in filers),
        defendants=tuple(ref(p) for p in others),
        cause=cause,
        claim_amount=filing.claim_amount,
        filed_on=today,
        **places,
        **extra,
    )
    try:
        assessment = jurisdiction.assess_jurisdiction(request)
    except jurisdiction.JurisdictionError as exc:
        return [
            Finding(
                FlagKind.JURISDICTION,
                "jurisdiction_unassessed",
                "warning",
                f"管辖未能自动判断：{exc.message}请立案法官人工审查。",
                detail={"code": exc.code, **_json_safe(getattr(exc, "detail", {}))},
            )
        ]
    reasons = [g.message for g in assessment.reasons]
    basis = "；".join(dict.fromkeys(g.basis for g in assessment.reasons if g.basis))[:500]
    if assessment.competent:
        return [
            Finding(
                FlagKind.JURISDICTION,
                "jurisdiction_ok",
                "info",
                "所选法院有管辖权：" + "；".join(reasons),
                basis,
            )
        ]
    candidates = [
        {"level": c.level.value, "division_code": c.division_code} for c in assessment.competent_courts
    ]
    problems = []
    if not assessment.territorial_ok:
        problems.append("地域管辖")
    if not assessment.level_ok:
        problems.append(f"级别管辖（应由{assessment.required_level.value}级法院管辖）")
    return [
        Finding(
            FlagKind.JURISDICTION,
            "jurisdiction_doubt",
            "warning",
            f"所选法院的{'、'.join(problems) or '管辖'}存疑："
            + "；".join(reasons)
            + "。当事人仍可提交，由立案法官审查。",
            basis,
            {"competent_courts": candidates},
        )
    ]


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


_RECORD_STATUS = {
    FilingStatus.DRAFT: "DRAFT",
    FilingStatus.AT_RECEIVING_COURT: "SUBMITTED",  # 跨域立案, pending at the receiving court
    FilingStatus.RETURNED: "DRAFT",  # returned by the receiving court, back with the filer
    FilingStatus.SUBMITTED: "SUBMITTED",
    FilingStatus.CORRECTION_REQUESTED: "SUBMITTED",
    FilingStatus.ACCEPTED: "REGISTERED",
    FilingStatus.REFUSED: "REJECTED",
    FilingStatus.WITHDRAWN: "WITHDRAWN",
}


def filing_record(filing: Filing, *, today: date) -> filing_checks.FilingRecord:
    filers, others = _sides(filing)
    return filing_checks.FilingRecord(
        reference=filing.reference or f"draft-{filing.pk}",
        filed_on=filing.received_on or (filing.submitted_at.date() if filing.submitted_at else today),
        status=filing_checks.FilingStatus[_RECORD_STATUS[FilingStatus(filing.status)]],
        plaintiffs=tuple(filing_checks.PartyRef(p.name, p.id_number or None) for p in filers),
        defendants=tuple(filing_checks.PartyRef(p.name, p.id_number or None) for p in others),
        claims="；".join(str(c.get("text", "")) for c in filing.claims),
        cause=filing.cause_of_action,
        facts=filing.facts_and_reasons,
        claim_amount=filing.claim_amount,
    )


def _case_record(case: Case) -> filing_checks.FilingRecord:
    parties = list(case.parties.all())
    left = {"PLAINTIFF", "APPLICANT", "ENFORCEMENT_APPLICANT", "APPELLANT"}
    return filing_checks.FilingRecord(
        reference=case.case_number,
        filed_on=case.registered_on,
        status=filing_checks.FilingStatus.REGISTERED,
        plaintiffs=tuple(
            filing_checks.PartyRef(p.name, p.id_number or None) for p in parties if p.role in left
        ),
        defendants=tuple(
            filing_checks.PartyRef(p.name, p.id_number or None) for p in parties if p.role not in left
        ),
        claims=case.summary or case.title,
        cause=case.cause_of_action,
        claim_amount=case.claim_amount,
    )


def related_records(filing: Filing, *, today: date, limit: int = 200) -> list[filing_checks.FilingRecord]:
    """Other filings and cases that share a party (by ID number, else by name) with ``filing``."""
    parties = list(filing.parties.all())
    numbers = {p.id_number for p in parties if p.id_number}
    names = {p.name for p in parties if p.name}
    match = Q(parties__id_number__in=numbers) | Q(parties__name__in=names)
    others = (
        Filing.objects.exclude(pk=filing.pk)
        .exclude(status=FilingStatus.DRAFT)
        .filter(match)
        .distinct()
        .prefetch_related("parties")
        .order_by("-id")[:limit]
    )
    cases = Case.objects.filter(match).distinct().prefetch_related("parties").order_by("-id")[:limit]
    return [filing_record(f, today=today) for f in others] + [_case_record(c) for c in cases]


def duplicate_and_risk_findings(filing: Filing, *, today: date) -> list[Finding]:
    candidate = filing_record(filing, today=today)
    history = related_records(filing, today=today)
    findings: list[Finding] = []
    for match in filing_checks.find_duplicates(candidate, history):
        findings.append(
            Finding(
                FlagKind.DUPLICATE,
                "duplicate_filing",
                "high" if match.same_parties else "warning",
                match.explanation,
                match.basis,
                {
                    "reference": match.reference,
                    "similarity": round(match.similarity, 3),
                    "same_parties": match.same_parties,
                },
            )
        )
    for signal in filing_checks.assess_filing_risk(candidate, history=history, knew_on=filing.knew_on):
        if signal.code == "duplicate_filing" and any(f.code == "duplicate_filing" for f in findings):
            continue  # already explained by the duplicate search, with the matching reference
        findings.append(
            Finding(
                FlagKind.RISK,
                signal.code,
                signal.severity.value,
                signal.message,
                signal.basis,
                _json_safe(dict(signal.detail)),
            )
        )
    if filing.kind == FilingKind.PRESERVATION:
        findings.append(Finding(FlagKind.RISK, "preservation_48h", "warning", rules.PRESERVATION_NOTE))
    return findings


def corrections_of(filing: Filing) -> tuple[filing_checks.CorrectionRequest, ...]:
    if filing.correction_requested_on is None or filing.correction_due_on is None:
        return ()
    return (
        filing_checks.CorrectionRequest(
            requested_on=filing.correction_requested_on,
            due_on=filing.correction_due_on,
            corrected_on=filing.corrected_on,
        ),
    )


def clock(filing: Filing, *, today: date) -> filing_checks.ReviewClock | None:
    """The 立案 review clock (7 days, 法释〔2015〕8号) of a submitted filing, from the engine."""
    if filing.submitted_at is None:
        return None
    # 跨域立案: the period runs from the day the materials reach the competent court (``received_on``, set
    # when the receiving court forwards them); a direct filing is received on the day it is submitted.
    received = filing.received_on or timezone.localdate(filing.submitted_at)
    return filing_checks.review_clock(
        received,
        today=max(today, received),
        kind=rules.CLOCK_KIND[FilingKind(filing.kind)],
        corrections=corrections_of(filing),
    )


def inspect(
    data: bytes,
    *,
    filename: str,
    scanner: uploads.VirusScanner | None = None,
    policy: uploads.UploadPolicy | None = None,
) -> uploads.InspectedUpload:
    """Content, size and structure checks and the virus-scan hook (``engines.uploads``)."""
    return uploads.inspect_upload(data, filename=filename, scanner=scanner, policy=policy)


_FEE_KIND = {
    FilingKind.ENFORCEMENT: "enforcement",
    FilingKind.ADMIN_FIRST: "administrative",
    FilingKind.PRESERVATION: "preservation",
}


@dataclass(frozen=True)
class FeeNotice:
    fee_kind: str
    payment_kind: str  # payments.PaymentKind value
    total: Decimal
    body: dict[str, Any]
    options: dict[str, Any]


def fee_notice(filing: Filing, *, procedure: str, fee_kind: str = "", per_case: str = "") -> FeeNotice | None:
    """The fee notice on acceptance (《诉讼费用交纳办法》); ``None`` where no fee is due (申请再审)."""
    if filing.kind == FilingKind.RETRIAL and not fee_kind:
        return None
    kind = (
        fee_kind
        or _FEE_KIND.get(FilingKind(filing.kind))
        or ("property" if filing.claim_amount else "other_non_property")
    )
    options: dict[str, Any] = {}
    if procedure in ("SIMPLE", "SMALL_CLAIMS") and kind not in ("enforcement", "preservation"):
        options["procedure"] = "simple"
    amount = filing.claim_amount if kind in ("property", "enforcement", "preservation") else None
    computation = fees.compute_fee(kind, amount, **options)
    if computation.total is None:
        per_case = per_case or str(computation.total_range.low)
        options["per_case"] = per_case
        computation = fees.compute_fee(kind, amount, **options)
    assert computation.total is not None
    payment_kind = "APPLICATION_FEE" if computation.category != "acceptance" else "ACCEPTANCE_FEE"
    body = {
        "fee_kind": kind,
        "fee_kind_label": computation.kind_label,
        "amount": str(computation.amount) if computation.amount is not None else None,
        "total": str(computation.total),
        "lines": [
            {"article": line.article, "label": line.label, "portion": str(line.portion)}
            for line in computation.lines
        ],
        "rules": [{"article": r.article, "summary": r.summary} for r in computation.rules],
        "notes": list(computation.notes),
        "halved": computation.halved,
        "source": "《诉讼费用交纳办法》（国务院令第481号）",
        "due": "自接到交费通知次日起七日内交纳（《诉讼费用交纳办法》第二十二条）",
    }
    return FeeNotice(kind, payment_kind, computation.total, body, {k: v for k, v in options.items()})
