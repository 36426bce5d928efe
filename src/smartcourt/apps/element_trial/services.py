"""All writes of element-based trial: build (or rebuild) the element table of a case, change one row with a
reason, save the judge's calculation figures, and hand the trial outline and the judgment draft to
``apps/drafting``. Each write is one transaction with the actor recorded by django-auditlog; every check runs
before the first write, so a refused request changes nothing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import InvalidInputError, NotPermittedError
from smartcourt.apps.element_trial import calculations, documents
from smartcourt.apps.element_trial.error_codes import ElementTrialErrorCode
from smartcourt.apps.element_trial.models import (
    ElementChange,
    ElementEntry,
    ElementSheet,
    ElementStatus,
    TextSource,
)
from smartcourt.apps.element_trial.selectors import (
    ANSWER,
    COMPLAINT,
    EVIDENCE,
    can_edit,
    case_file_texts,
    sheet_get,
    sheet_rows,
    supported_cause,
)
from smartcourt.engines import elements as eng

MAX_TEXT = 100_000
MAX_EVIDENCE = 30
MAX_VALUE = 500


def _require_editor(case: Case, actor: Any) -> None:
    if not can_edit(case=case, user=actor):
        raise NotPermittedError(ElementTrialErrorCode.NOT_PERMITTED, "仅本案承办法官或法官助理可以编辑要素表")


def _text(key: str, label: str, value: str) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if len(value) > MAX_TEXT:
        raise InvalidInputError(
            ElementTrialErrorCode.TEXT_TOO_LONG, f"{label}过长（不超过{MAX_TEXT}字）", {"field": key}
        )
    return value


def _resolve_cause(case: Case, complaint: str, answer: str) -> eng.Cause:
    cause = supported_cause(case)
    if cause is not None:
        return cause
    try:
        return eng.detect_cause(complaint + "\n" + answer)
    except eng.UnknownCauseError as exc:
        raise InvalidInputError(
            ElementTrialErrorCode.UNKNOWN_CAUSE,
            f"{exc.message}；本案案由：{case.cause_of_action or '未填写'}",
            {"field": "complaint"},
        ) from exc


def _sources(row: eng.ElementRow) -> list[dict[str, Any]]:
    return [
        {"document": s.document, "start": s.span[0], "end": s.span[1], "text": s.text[:MAX_VALUE]}
        for s in (*row.plaintiff_sources, *row.defendant_sources, *row.evidence_sources)
    ]


def element_table_build(
    *,
    case: Case,
    actor: Any,
    complaint: str = "",
    answer: str = "",
    evidence: list[str] | None = None,
    source: str = "",
) -> ElementSheet:
    """Build (or rebuild) the element table of ``case``.

    Texts: what the judge pastes here; a text left empty is read from the case file (the recognised text of the
    materials catalogued as 起诉状, 答辩状 and 证据材料). With no complaint text anywhere the build is refused.
    The cause is the case's 案由 when it is one of the four, else detected from the texts.

    A rebuild replaces what was extracted and keeps the judge's changes: a row the judge edited keeps its
    adopted value, status and note (its extracted value and spans are refreshed), and the change log stays.
    """
    _require_editor(case, actor)
    pasted_complaint = _text("complaint", "起诉状文本", complaint)
    pasted_answer = _text("answer", "答辩状文本", answer)
    pasted_evidence = [_text("evidence", "证据文本", e) for e in (evidence or [])]
    pasted_evidence = [e for e in pasted_evidence if e][:MAX_EVIDENCE]
    documents_used: list[dict[str, Any]] = []
    if not (pasted_complaint and pasted_answer and pasted_evidence):
        filed = case_file_texts(case=case)
    else:
        filed = {COMPLAINT: [], ANSWER: [], EVIDENCE: []}

    def take(pasted: str, category: str) -> str:
        if pasted:
            return pasted
        found = filed[category]
        documents_used.extend({"category": category, "material_id": m, "title": t} for m, t, _ in found)
        return "\n".join(text for _, _, text in found)[:MAX_TEXT]

    complaint_text = take(pasted_complaint, COMPLAINT)
    answer_text = take(pasted_answer, ANSWER)
    if pasted_evidence:
        evidence_texts = pasted_evidence
    else:
        evidence_texts = [text[:MAX_TEXT] for _, _, text in filed[EVIDENCE][:MAX_EVIDENCE]]
        documents_used.extend(
            {"category": EVIDENCE, "material_id": m, "title": t} for m, t, _ in filed[EVIDENCE][:MAX_EVIDENCE]
        )
    if not complaint_text:
        raise InvalidInputError(
            ElementTrialErrorCode.NO_COMPLAINT,
            "未找到起诉状文本：请在电子卷宗上传起诉状（识别完成后）或在此粘贴起诉状文本",
            {"field": "complaint"},
        )
    cause = _resolve_cause(case, complaint_text, answer_text)
    try:
        table = eng.build_element_table(complaint_text, answer_text, evidence_texts, cause=cause)
    except eng.ElementsError as exc:
        raise InvalidInputError(exc.code, exc.message, {"field": "complaint"}) from exc
    if source not in TextSource.values:
        source = TextSource.CASE_FILE if documents_used and not pasted_complaint else TextSource.PASTED
    now = timezone.now()
    with transaction.atomic(), acting_as(actor):
        sheet = ElementSheet.objects.select_for_update().filter(case=case).first()
        if sheet is None:
            sheet = ElementSheet(case=case, version=0)
        elif sheet.cause != cause.value:
            sheet.rows.all().delete()  # another schema: the old rows do not apply (the change log stays)
        sheet.cause = cause.value
        sheet.complaint = complaint_text
        sheet.answer = answer_text
        sheet.evidence = evidence_texts
        sheet.text_source = source
        sheet.documents = documents_used
        sheet.notes = list(table.notes)
        sheet.version += 1
        sheet.built_by = actor
        sheet.built_at = now
        sheet.full_clean(exclude=["case"])
        sheet.save()
        existing = {r.key: r for r in sheet.rows.all()}
        keep = set()
        for position, row in enumerate(table.rows, start=1):
            entry = existing.get(row.key) or ElementEntry(sheet=sheet, key=row.key)
            keep.add(row.key)
            entry.position = position
            entry.label = row.label
            entry.kind = next(s.kind for s in eng.cause_schema(cause).elements if s.key == row.key)
            entry.basis = list(row.basis)
            entry.extracted_value = row.plaintiff_value[:MAX_VALUE]
            entry.extracted_status = row.status.value
            entry.defendant_position = row.defendant_position
            entry.status_cue = row.status_cue[:200]
            entry.sources = _sources(row)
            if not entry.edited:
                entry.value = entry.extracted_value
                entry.status = entry.extracted_status
            entry.save()
        sheet.rows.exclude(key__in=keep).delete()
    return sheet


def _sheet_for_update(case: Case) -> ElementSheet:
    sheet = sheet_get(case=case)
    if sheet is None:
        raise InvalidInputError(
            ElementTrialErrorCode.NO_TABLE, "本案尚未生成要素表，请先生成", {"field": "case"}
        )
    return sheet


def element_row_update(
    *,
    case: Case,
    actor: Any,
    key: str,
    reason: str,
    value: str | None = None,
    status: str | None = None,
    note: str | None = None,
) -> ElementEntry:
    """Change one row's adopted value, status (agreed ↔ disputed, or not mentioned) and/or note, with the
    judge's reason; each changed field is an :class:`ElementChange` (before, after, reason, actor, time)."""
    _require_editor(case, actor)
    sheet = _sheet_for_update(case)
    entry = sheet.rows.filter(key=key).first()
    if entry is None:
        raise InvalidInputError(
            ElementTrialErrorCode.UNKNOWN_ELEMENT,
            f"要素表中没有该要素：{key}",
            {"field": "key", "allowed": list(sheet.rows.values_list("key", flat=True))},
        )
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInputError(ElementTrialErrorCode.REASON_REQUIRED, "请填写修改理由", {"field": "reason"})
    if len(reason) > 500:
        raise InvalidInputError(
            ElementTrialErrorCode.REASON_REQUIRED, "修改理由不能超过500个字符", {"field": "reason"}
        )
    changes: list[tuple[str, str, str]] = []
    if status is not None:
        status = status.strip()
        if status not in ElementStatus.values:
            allowed = "、".join(f"{s.value}（{s.label}）" for s in ElementStatus)
            raise InvalidInputError(
                ElementTrialErrorCode.BAD_STATUS,
                f"要素状态无效：{status or '（空）'}，可选：{allowed}",
                {"field": "status", "allowed": list(ElementStatus.values)},
            )
        if status != entry.status:
            changes.append(("status", entry.status, status))
    if value is not None:
        value = value.strip()
        if len(value) > MAX_VALUE:
            raise InvalidInputError(
                ElementTrialErrorCode.BAD_VALUE, f"要素值不能超过{MAX_VALUE}个字符", {"field": "value"}
            )
        if value != entry.value:
            changes.append(("value", entry.value, value))
    if note is not None:
        note = note.strip()
        if len(note) > 500:
            raise InvalidInputError(
                ElementTrialErrorCode.BAD_VALUE, "备注不能超过500个字符", {"field": "note"}
            )
        if note != entry.note:
            changes.append(("note", entry.note, note))
    if not changes:
        raise InvalidInputError(ElementTrialErrorCode.NO_CHANGE, "未作任何修改", {"field": "value"})
    now = timezone.now()
    with transaction.atomic(), acting_as(actor):
        for field, before, after in changes:
            setattr(entry, field, after)
            ElementChange.objects.create(
                sheet=sheet,
                key=entry.key,
                label=entry.label,
                field=field,
                before=before,
                after=after,
                reason=reason,
                actor=actor,
                created_at=now,
            )
        entry.edited = True
        entry.full_clean(exclude=["sheet"])
        entry.save()
    return entry


def element_figures_save(*, case: Case, actor: Any, figures: dict[str, Any]) -> ElementSheet:
    """Check the judge's calculation figures by running the calculation, then keep them on the table."""
    _require_editor(case, actor)
    sheet = _sheet_for_update(case)
    cause = eng.Cause(sheet.cause)
    cleaned = calculations.clean_figures(cause, figures)
    calculations.calculate(cause, cleaned)  # refuses before anything is written
    with transaction.atomic(), acting_as(actor):
        sheet.figures = cleaned
        sheet.save(update_fields=["figures", "updated_at"])
    return sheet


def element_outline_docx(*, case: Case, actor: Any) -> Any:
    """The trial outline as the drafting app's 庭审提纲 (a new version of that document)."""
    from smartcourt.apps.drafting.services import draft_generate

    _require_editor(case, actor)
    sheet = _sheet_for_update(case)
    return draft_generate(
        actor=actor, case_id=case.pk, document_type="trial_outline", inputs=documents.outline_inputs(sheet)
    )


def element_judgment_draft(*, case: Case, actor: Any, inputs: dict[str, Any] | None = None) -> Any:
    """A 民事判决书 draft whose facts and reasoning follow the table, with the cause's calculation (from the
    saved figures) and its basis; it goes through ``apps/drafting`` so the judge edits it, checks its defects
    and stores the final version in the case file. ``inputs`` adds the drafting fields the judge fills there
    (claims, operative items, dates …)."""
    from smartcourt.apps.drafting.services import draft_generate

    _require_editor(case, actor)
    sheet = _sheet_for_update(case)
    cause = eng.Cause(sheet.cause)
    if not sheet.figures:
        raise InvalidInputError(
            ElementTrialErrorCode.FIGURE_REQUIRED,
            "请先填写并保存计算参数，再生成判决书草稿",
            {"field": "figures"},
        )
    computed = calculations.calculate(cause, sheet.figures)
    draft_inputs = documents.judgment_inputs(sheet, sheet_rows(sheet=sheet), computed)
    draft_inputs.update({k: v for k, v in (inputs or {}).items() if v not in (None, "", [])})
    return draft_generate(actor=actor, case_id=case.pk, document_type="civil_judgment", inputs=draft_inputs)
