"""Reads of criminal case assistance, and who may see it.

Scoping reuses the case core: a case the viewer may not see is the same 404 as a missing one
(``cases.selectors.case_get``). On a visible case the assistance is for court staff only: a party or counsel
of the case gets 403. Writes (facts, evidence materials) need staff of the case's own court who handle cases;
overrides and the ready-for-trial mark need a judge (or 院庭长) of that court.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.audit.selectors import HistoryItem, history_for
from smartcourt.apps.cases import selectors as case_selectors
from smartcourt.apps.cases.models import Case, CaseCategory, Party, PartyRole
from smartcourt.apps.core.errors import InvalidInputError, NotPermittedError
from smartcourt.apps.criminal.assessment import (
    AccusedAssessment,
    Assessment,
    ItemState,
    assess_case,
    engine_charge,
)
from smartcourt.apps.criminal.error_codes import CriminalErrorCode
from smartcourt.apps.criminal.models import (
    ChargeAssessment,
    EvidenceChecklist,
    EvidenceMaterial,
    EvidenceStage,
    SentencingAssessment,
    SentencingOverride,
)
from smartcourt.engines import evidence_guidance as guidance
from smartcourt.engines.evidence_guidance import (
    CaseChecklist,
    case_checklist,
    mandatory_up_to_trial,
    requirement_label,
)

WRITER_ROLES = frozenset({Role.JUDGE, Role.JUDGE_ASSISTANT, Role.CLERK, Role.COURT_LEADER})
JUDGE_ROLES = frozenset({Role.JUDGE, Role.COURT_LEADER})


def panel_applies(case: Any, user: Any) -> bool:
    """The case-page panel shows on criminal cases to court staff (who could open the case at all)."""
    return bool(case.category == CaseCategory.CRIMINAL and getattr(user, "is_court_staff", False))


def criminal_case_get(*, viewer: User, case_id: int) -> Case:
    """A criminal case ``viewer`` may work on: 404 if not visible, 403 for non-staff, 400 if not criminal."""
    case = case_selectors.case_get(viewer=viewer, case_id=case_id)
    if not (viewer.is_superuser or viewer.is_court_staff):
        raise NotPermittedError(CriminalErrorCode.STAFF_ONLY, "量刑辅助与证据指引仅供法院工作人员使用")
    if case.category != CaseCategory.CRIMINAL:
        raise InvalidInputError(
            CriminalErrorCode.NOT_CRIMINAL,
            "该案件不是刑事案件，不适用量刑辅助与证据指引",
            {"case_id": case.pk},
        )
    return case


def can_write(*, case: Case, user: User) -> bool:
    return bool(user.is_superuser or (user.role in WRITER_ROLES and user.court_id == case.court_id))


def can_decide(*, case: Case, user: User) -> bool:
    return bool(user.is_superuser or (user.role in JUDGE_ROLES and user.court_id == case.court_id))


ACCUSED_ROLES = (PartyRole.ACCUSED, PartyRole.APPELLANT)


def accused_list(*, case: Case) -> list[Party]:
    """The accused of ``case`` (被告人; on appeal the appellants), in the case's order."""
    return list(Party.objects.filter(case=case, role__in=ACCUSED_ROLES).order_by("position", "id"))


def defendant_names(*, case: Case) -> str:
    return "、".join(p.name for p in accused_list(case=case)) or "—"


def assessment_row(*, case: Case) -> SentencingAssessment | None:
    return SentencingAssessment.objects.filter(case=case).first()


def default_charge(*, case: Case) -> str:
    return engine_charge(case.charges[0]) if case.charges else ""


def case_charges(*, case: Case) -> list[str]:
    """The case's charges in the engine's form (without 罪); ``[""]`` when none is listed (predicted)."""
    return [engine_charge(str(c)) for c in case.charges] or [""]


@dataclass
class CaseSentencing:
    """The stored facts of a case and the assessment of each accused and each of their charges."""

    row: SentencingAssessment | None
    accused: list[AccusedAssessment]

    @property
    def primary(self) -> Assessment:
        """The first charge of the first accused: what a single-accused, single-charge case shows."""
        return self.accused[0].items[0]

    @property
    def items(self) -> list[Assessment]:
        return [item for person in self.accused for item in person.items]

    @property
    def single(self) -> bool:
        return len(self.items) == 1

    @property
    def computable(self) -> bool:
        return any(item.recommendation is not None for item in self.items)

    def item(self, accused_id: int | None, charge_index: int) -> Assessment | None:
        for candidate in self.items:
            if candidate.accused_id == accused_id and candidate.charge_index == charge_index:
                return candidate
        return None


def case_sentencing(*, case: Case) -> CaseSentencing:
    """Every (accused, charge) of ``case`` assessed from the stored facts and the judge's overrides."""
    row = assessment_row(case=case)
    people = [(p.pk, p.name) for p in accused_list(case=case)] or [(None, "—")]
    states: dict[tuple[int | None, int], ItemState] = {}
    if row is not None:
        for item in ChargeAssessment.objects.filter(assessment=row):
            states[(item.accused_id, item.charge_index)] = ItemState(
                item.charge, item.overrides or {}, item.excluded
            )
    accused = assess_case(
        facts_text=row.facts if row else "",
        province=row.province if row else "",
        accused=people,
        charges=case_charges(case=case),
        states=states,
    )
    return CaseSentencing(row, accused)


def case_assessment(*, case: Case) -> tuple[SentencingAssessment | None, Assessment]:
    """The stored facts of ``case`` and the assessment of its first accused's first charge."""
    sentencing = case_sentencing(case=case)
    return sentencing.row, sentencing.primary


def override_log(*, case: Case) -> list[SentencingOverride]:
    return list(
        SentencingOverride.objects.filter(assessment__case=case)
        .select_related("actor", "charge_assessment__accused")
        .order_by("created_at", "id")
    )


def assistance_history(*, case: Case) -> list[HistoryItem]:
    """The audit trail of this app's rows of the case (facts versions, overrides, materials, the mark)."""
    return history_for(
        objects=[
            (
                SentencingAssessment,
                SentencingAssessment.objects.filter(case=case).values_list("pk", flat=True),
            ),
            (
                ChargeAssessment,
                ChargeAssessment.objects.filter(assessment__case=case).values_list("pk", flat=True),
            ),
            (
                SentencingOverride,
                SentencingOverride.objects.filter(assessment__case=case).values_list("pk", flat=True),
            ),
            (EvidenceChecklist, EvidenceChecklist.objects.filter(case=case).values_list("pk", flat=True)),
            (EvidenceMaterial, EvidenceMaterial.objects.filter(case=case).values_list("pk", flat=True)),
        ],
        limit=200,
    )


@dataclass
class ChecklistItemView:
    requirement: guidance.EvidenceRequirement
    materials: list[EvidenceMaterial] = field(default_factory=list)
    charges: tuple[str, ...] = ()
    several: bool = False

    @property
    def provided(self) -> bool:
        return bool(self.materials)

    @property
    def general(self) -> bool:
        """One of the general items every charge needs (listed once for all the case's charges)."""
        return not self.requirement.crime

    @property
    def label(self) -> str:
        return requirement_label(self.requirement, several=self.several)


@dataclass
class EvidenceView:
    stage: str
    stage_label: str
    checklist: CaseChecklist
    items: list[ChecklistItemView]
    extra: list[EvidenceMaterial]
    contradictions: tuple[guidance.Contradiction, ...]
    state: EvidenceChecklist | None

    @property
    def missing_mandatory(self) -> list[ChecklistItemView]:
        return [i for i in self.items if i.requirement.mandatory and not i.provided]


def evidence_state(*, case: Case) -> EvidenceChecklist | None:
    return EvidenceChecklist.objects.filter(case=case).select_related("ready_marked_by").first()


def _crime_of_key(key: str) -> str:
    """The crime of a crime-specific item key (``盗窃:price_assessment``); empty for a general item or none."""
    return key.split(":", 1)[0] if ":" in key else ""


def _contradictions(materials: list[EvidenceMaterial]) -> tuple[guidance.Contradiction, ...]:
    """Contradictions between the materials' excerpts. Two materials each proving an item of a different
    charge are not compared: a theft and a fraud have their own amounts and dates. A general or extra
    material is compared with every other."""
    texts = [
        guidance.EvidenceText(str(m.pk), m.description, m.content) for m in materials if m.content.strip()
    ]
    crime = {str(m.pk): _crime_of_key(m.requirement_key) for m in materials}
    return tuple(
        c
        for c in guidance.detect_contradictions(texts)
        if not (crime[c.first.item_key] and crime[c.second.item_key])
        or crime[c.first.item_key] == crime[c.second.item_key]
    )


def case_evidence(*, case: Case, stage: str | None = None) -> EvidenceView:
    """The checklist of every charge of the case at its stage (merged: general items once, each charge's own
    items labelled with it), the materials per item, and the contradictions between materials."""
    state = evidence_state(case=case)
    stage = stage or (state.stage if state else EvidenceStage.FILING_REVIEW)
    checklist = case_checklist(case_charges(case=case), stage)
    materials = list(EvidenceMaterial.objects.filter(case=case).select_related("added_by"))
    by_key: dict[str, list[EvidenceMaterial]] = {}
    for m in materials:
        by_key.setdefault(m.requirement_key, []).append(m)
    keys = {i.key for i in checklist.items}
    items = [
        ChecklistItemView(r, by_key.get(r.key, []), checklist.item_charges[r.key], checklist.several)
        for r in checklist.items
    ]
    extra = [m for m in materials if m.requirement_key not in keys]
    return EvidenceView(
        stage=stage,
        stage_label=EvidenceStage(stage).label,
        checklist=checklist,
        items=items,
        extra=extra,
        contradictions=_contradictions(materials),
        state=state,
    )


def several_charges(*, case: Case) -> bool:
    """Whether the case's evidence checklist covers more than one charge."""
    return case_checklist(case_charges(case=case), "trial").several


def mandatory_for_trial(*, case: Case) -> list[guidance.EvidenceRequirement]:
    """Every mandatory item of every charge of the case at every stage up to the trial (立案审查, 庭前准备,
    庭审), once each."""
    return mandatory_up_to_trial(case_charges(case=case))


def missing_for_trial(*, case: Case) -> list[guidance.EvidenceRequirement]:
    provided = set(EvidenceMaterial.objects.filter(case=case).values_list("requirement_key", flat=True))
    return [r for r in mandatory_for_trial(case=case) if r.key not in provided]


def checklist_keys(*, case: Case) -> set[str]:
    """The keys of every checklist item of every charge of the case, at any stage."""
    charges = case_charges(case=case)
    return {i.key for stage, _label in guidance.stages() for i in case_checklist(charges, stage).items}
