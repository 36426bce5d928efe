"""Reads of element-based trial, and who may use it.

Scoping reuses the case core: a case the viewer may not see is the same 404 as a missing one
(``cases.selectors.case_get``). On a visible case the element table belongs to the case's trial team: its judges
(the responsible judge and the panel), its clerk (any clerk of the case's department while none is designated)
and the assistants of the case's department. Anyone else who can see the case (a party, counsel, another judge of the
court) gets 403. Judges and assistants of the case build and edit; the clerk reads. Assistants are not
recorded on a case: those of the case's department (its trial team) count.
"""

from __future__ import annotations

from typing import Any

from smartcourt.apps.accounts.models import Role
from smartcourt.apps.cases import selectors as case_selectors
from smartcourt.apps.cases.models import Case, CaseCategory, PanelMember
from smartcourt.apps.core.errors import InvalidInputError, NotPermittedError
from smartcourt.apps.element_trial.error_codes import ElementTrialErrorCode
from smartcourt.apps.element_trial.models import ElementChange, ElementEntry, ElementSheet
from smartcourt.engines import catalogs
from smartcourt.engines import elements as eng

JUDGE_ROLES = frozenset({Role.JUDGE, Role.COURT_LEADER})
TEAM_ROLES = frozenset({Role.JUDGE_ASSISTANT, Role.CLERK})
# The catalogue categories of the case file whose text feeds the table (engines/casefile catalogue codes).
COMPLAINT, ANSWER, EVIDENCE = "complaint", "answer", "evidence"


_BY_LABEL = {c.label: c for c in eng.Cause}


def cause_for(name: str) -> eng.Cause | None:
    """The element schema for a 案由: the cause itself or a cause above it in 《民事案件案由规定》 (劳动合同纠纷
    and 追索劳动报酬纠纷 fall under 劳动争议); ``None`` when no schema applies.

    >>> cause_for("追索劳动报酬纠纷")
    <Cause.LABOR_DISPUTE: 'labor_dispute'>
    >>> cause_for("买卖合同纠纷") is None
    True
    """
    name = (name or "").strip()
    if name in _BY_LABEL:
        return _BY_LABEL[name]
    try:
        path = catalogs.cause_path(name)
    except catalogs.CatalogError:
        return None
    return next((_BY_LABEL[step.name] for step in reversed(path) if step.name in _BY_LABEL), None)


def supported_cause(case: Case) -> eng.Cause | None:
    """The element schema of a civil case by its 案由, else ``None`` (the panel shows on these causes only;
    the build falls back to detecting the cause in the texts)."""
    if case.category != CaseCategory.CIVIL or not case.cause_of_action:
        return None
    return cause_for(case.cause_of_action)


def _is_judge_of(case: Case, user: Any) -> bool:
    if case.responsible_judge_id == user.pk:
        return True
    return PanelMember.objects.filter(case=case, judge=user).exists()


def _is_team_of(case: Case, user: Any) -> bool:
    """The case's clerk; assistants of the case's department (assistants are not recorded on the case); any
    clerk of that department while the case has no clerk designated."""
    if case.clerk_id == user.pk:
        return True
    same_department = case.department_id is not None and user.department_id == case.department_id
    if user.role == Role.JUDGE_ASSISTANT:
        return bool(same_department)
    return bool(case.clerk_id is None and same_department)


def is_case_team(*, case: Case, user: Any) -> bool:
    """The judge, assistant or clerk of the case (superusers included)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user.is_court_staff or user.court_id != case.court_id:
        return False
    if user.role in JUDGE_ROLES:
        return _is_judge_of(case, user)
    if user.role in TEAM_ROLES:
        return _is_team_of(case, user)
    return False


def can_edit(*, case: Case, user: Any) -> bool:
    """Build the table, change rows, enter figures, draft the judgment: the case's judges and assistants."""
    if not is_case_team(case=case, user=user):
        return False
    return bool(user.is_superuser or user.role in JUDGE_ROLES or user.role == Role.JUDGE_ASSISTANT)


def panel_applies(case: Any, user: Any) -> bool:
    """The case-page panel shows on civil cases of the four causes to the case's trial team."""
    return supported_cause(case) is not None and is_case_team(case=case, user=user)


def element_case_get(*, viewer: Any, case_id: int) -> Case:
    """A case ``viewer`` may work on here: 404 if not visible, 403 outside the case's trial team, 400 if the
    case is not civil."""
    case = case_selectors.case_get(viewer=viewer, case_id=case_id)
    if not is_case_team(case=case, user=viewer):
        raise NotPermittedError(
            ElementTrialErrorCode.NOT_PERMITTED, "要素式审判仅供本案承办法官、法官助理和书记员使用"
        )
    if case.category != CaseCategory.CIVIL:
        raise InvalidInputError(
            ElementTrialErrorCode.NOT_APPLICABLE, "要素式审判仅适用于民事案件", {"case_id": case.pk}
        )
    return case


def sheet_get(*, case: Case) -> ElementSheet | None:
    return ElementSheet.objects.filter(case=case).select_related("built_by").first()


def sheet_rows(*, sheet: ElementSheet) -> list[ElementEntry]:
    return list(sheet.rows.all())


def case_file_texts(*, case: Case) -> dict[str, list[tuple[int, str, str]]]:
    """The recognised text of the case file's complaints, answers and evidence: ``{category: [(material id,
    title, text)]}``, in catalogue order; materials still pending or failed are skipped."""
    from smartcourt.apps.casefile.models import Material, MaterialStatus

    out: dict[str, list[tuple[int, str, str]]] = {COMPLAINT: [], ANSWER: [], EVIDENCE: []}
    materials = (
        Material.objects.filter(case=case, category__in=list(out), status=MaterialStatus.READY)
        .prefetch_related("pages")
        .order_by("position", "id")
    )
    for m in materials:
        text = "\n".join(p.text for p in sorted(m.pages.all(), key=lambda p: p.number) if p.text)
        if text.strip():
            out[m.category].append((m.pk, m.title or m.filename, text))
    return out


def engine_table(*, sheet: ElementSheet, rows: list[ElementEntry] | None = None) -> eng.ElementTable:
    """The stored table (with the judge's values and statuses) as the engine's :class:`ElementTable`."""
    cause = eng.Cause(sheet.cause)
    out = []
    for r in rows if rows is not None else sheet_rows(sheet=sheet):
        by_doc: dict[str, list[eng.Source]] = {"complaint": [], "answer": [], "evidence": []}
        for s in r.sources:
            doc = str(s.get("document", ""))
            source = eng.Source(doc, (int(s.get("start", 0)), int(s.get("end", 0))), str(s.get("text", "")))
            by_doc[
                "evidence" if doc.startswith("evidence") else doc if doc in by_doc else "complaint"
            ].append(source)
        out.append(
            eng.ElementRow(
                key=r.key,
                label=r.label,
                basis=tuple(r.basis),
                plaintiff_value=r.value,
                plaintiff_sources=tuple(by_doc["complaint"]),
                defendant_position=r.defendant_position,
                defendant_sources=tuple(by_doc["answer"]),
                status=eng.Status(r.status),
                evidence_sources=tuple(by_doc["evidence"]),
                status_cue=r.status_cue,
            )
        )
    return eng.ElementTable(cause, cause.label, tuple(out), tuple(sheet.notes))


def sheet_outline(*, sheet: ElementSheet, rows: list[ElementEntry] | None = None) -> eng.TrialOutline:
    """The trial outline (庭审提纲) from the table as it stands: agreed elements to confirm, disputed ones in
    focus with their questions and evidence."""
    return eng.trial_outline(engine_table(sheet=sheet, rows=rows))


def sheet_skeleton(*, sheet: ElementSheet, rows: list[ElementEntry] | None = None) -> eng.JudgmentSkeleton:
    return eng.judgment_skeleton(engine_table(sheet=sheet, rows=rows))


def change_log(*, sheet: ElementSheet) -> list[ElementChange]:
    return list(sheet.changes.select_related("actor")[:200])
