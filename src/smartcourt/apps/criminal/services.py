"""Writes of criminal case assistance: the facts, the judge's overrides, evidence materials, the stage and the
ready-for-trial mark.

Each function checks the actor, validates, writes inside one transaction with the actor set for
django-auditlog (every version of the facts and every override is in the change history), and raises a
:class:`DomainError` with a Chinese message and the field it concerns; nothing is half-saved.
"""

from __future__ import annotations

import random
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from smartcourt.apps.accounts.models import User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.criminal import selectors
from smartcourt.apps.criminal.assessment import (
    FACT_FIELDS,
    MAX_FACTS,
    OverrideValueError,
    assess,
    circumstance_kinds,
    circumstance_label,
    display_fact,
    engine_charge,
    parse_fact_value,
    parse_percent,
)
from smartcourt.apps.criminal.demo_facts import generated_facts
from smartcourt.apps.criminal.error_codes import CriminalErrorCode
from smartcourt.apps.criminal.models import (
    EvidenceChecklist,
    EvidenceMaterial,
    EvidenceStage,
    FactsSource,
    OverrideAction,
    OverrideTarget,
    SentencingAssessment,
    SentencingOverride,
)
from smartcourt.engines import catalogs
from smartcourt.engines.sentencing import SentencingError, circumstance_rule

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _invalid(code: str, message: str, field: str, **detail: Any) -> InvalidInputError:
    return InvalidInputError(code, message, {"field": field, **detail})


def _require_writer(case: Case, actor: User) -> None:
    if not selectors.can_write(case=case, user=actor):
        raise NotPermittedError(
            CriminalErrorCode.NOT_PERMITTED, "只有本院承办该案的法官、法官助理、书记员或院庭长可以修改", {}
        )


def _require_judge(case: Case, actor: User) -> None:
    if not selectors.can_decide(case=case, user=actor):
        raise NotPermittedError(CriminalErrorCode.NOT_PERMITTED, "只有本院法官或院庭长可以作出该决定", {})


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise _invalid(CriminalErrorCode.REASON_REQUIRED, "请填写理由", "reason")
    if len(reason) > 500:
        raise _invalid(CriminalErrorCode.REASON_REQUIRED, "理由不能超过500个字符", "reason")
    return reason


def _assessment_for_update(case: Case, actor: User) -> SentencingAssessment:
    row = SentencingAssessment.objects.select_for_update().filter(case=case).first()
    if row is None:
        row = SentencingAssessment(case=case, charge=selectors.default_charge(case=case), updated_by=actor)
    return row


def sentencing_facts_save(
    *, case: Case, actor: User, facts: str, province: str = "", source: str = FactsSource.ENTERED
) -> SentencingAssessment:
    """Store the facts text of ``case`` (a new version; the overrides stay, they are the judge's findings)."""
    _require_writer(case, actor)
    text = (facts or "").replace("\r\n", "\n").strip()
    if not text:
        raise _invalid(CriminalErrorCode.NO_FACTS, "案件事实不能为空", "facts")
    if len(text) > MAX_FACTS:
        raise _invalid(CriminalErrorCode.FACTS_TOO_LONG, f"案件事实不能超过{MAX_FACTS}个字符", "facts")
    province = (province or "").strip()
    if len(province) > 20:
        raise _invalid(CriminalErrorCode.BAD_OVERRIDE, "省份名称过长", "province")
    with transaction.atomic(), acting_as(actor):
        row = _assessment_for_update(case, actor)
        changed = row.pk is None or row.facts != text or row.province != province
        row.facts = text
        row.province = province
        row.facts_source = source
        row.updated_by = actor
        if changed and row.pk is not None:
            row.version += 1
        row.full_clean()
        row.save()
    return row


def sentencing_facts_import(*, case: Case, actor: User) -> SentencingAssessment:
    """从案情摘要导入: the case's summary as the facts; a case without one gets generated example facts
    (marked as such on the page), so demo cases can show the assistance."""
    _require_writer(case, actor)
    if case.summary.strip():
        return sentencing_facts_save(case=case, actor=actor, facts=case.summary, source=FactsSource.SUMMARY)
    text = generated_facts(
        charge=selectors.default_charge(case=case),
        defendant=selectors.defendant_names(case=case).split("、")[0],
        rng=random.Random(case.pk),
        year=case.registered_on.year,
    )
    return sentencing_facts_save(case=case, actor=actor, facts=text, source=FactsSource.GENERATED)


def sentencing_override_apply(
    *, case: Case, actor: User, target: str, name: str, action: str, value: str = "", reason: str
) -> SentencingAssessment:
    """Change one extracted fact, circumstance or the assessed charge, with the judge's mandatory reason.

    ``target`` FACT / CIRCUMSTANCE / CHARGE; ``action`` SET (change), ADD (a circumstance), REMOVE (a
    circumstance), RESET (back to what the text gives). The override is kept on the assessment, recorded as a
    :class:`SentencingOverride` (actor, time, reason, before, after) and the recommendation is recomputed on
    the next read.
    """
    _require_judge(case, actor)
    reason = _reason(reason)
    if target not in OverrideTarget.values:
        raise _invalid(CriminalErrorCode.BAD_OVERRIDE, "修正对象只能是事实、量刑情节或罪名", "target")
    if action not in OverrideAction.values:
        raise _invalid(CriminalErrorCode.BAD_OVERRIDE, "操作只能是修改、增加、删除或恢复自动提取", "action")
    with transaction.atomic(), acting_as(actor):
        row = _assessment_for_update(case, actor)
        if row.pk is None:
            raise _invalid(CriminalErrorCode.NO_FACTS, "请先填写案件事实", "facts")
        overrides: dict[str, Any] = {
            "facts": dict((row.overrides or {}).get("facts", {})),
            "circumstances": dict((row.overrides or {}).get("circumstances", {})),
        }
        current = assess(
            facts_text=row.facts, charge=row.charge, province=row.province, overrides=row.overrides or {}
        )
        try:
            label, before, after = _change(row, overrides, current, target, name, action, value)
        except OverrideValueError as exc:
            raise _invalid(CriminalErrorCode.BAD_OVERRIDE, str(exc), "value") from None
        except SentencingError as exc:
            raise _invalid(exc.code, exc.message, "name") from None
        row.overrides = overrides
        row.version += 1
        row.updated_by = actor
        row.full_clean()
        row.save()
        record = SentencingOverride(
            assessment=row,
            target=target,
            name=name[:40],
            label=label[:100],
            action=action,
            before=before[:200],
            after=after[:200],
            reason=reason,
            actor=actor,
            created_at=timezone.now(),
        )
        record.full_clean()
        record.save()
    return row


def _change(
    row: SentencingAssessment,
    overrides: dict[str, Any],
    current: Any,
    target: str,
    name: str,
    action: str,
    value: str,
) -> tuple[str, str, str]:
    """Apply one override to ``overrides`` (or the row's charge): (label, before, after) as shown."""
    if target == OverrideTarget.CHARGE:
        if action not in (OverrideAction.SET, OverrideAction.RESET):
            raise OverrideValueError("罪名只能修改或恢复")
        before = row.charge or "—"
        if action == OverrideAction.RESET:
            row.charge = selectors.default_charge(case=row.case)
        else:
            try:
                row.charge = engine_charge(catalogs.get_charge((value or "").strip()).name)
            except catalogs.CatalogError:
                raise OverrideValueError(f"罪名「{(value or '').strip()}」不在罪名目录中") from None
        return "评估罪名", before, row.charge
    if target == OverrideTarget.FACT:
        if name not in FACT_FIELDS:
            raise OverrideValueError(f"未知的事实项「{name}」")
        label = FACT_FIELDS[name][0]
        before = display_fact(name, getattr(current.facts, name)) if current.facts else "—"
        if action == OverrideAction.RESET:
            overrides["facts"].pop(name, None)
            return label, before, "恢复自动提取"
        if action != OverrideAction.SET:
            raise OverrideValueError("事实项只能修改或恢复自动提取")
        parsed = parse_fact_value(name, value)
        overrides["facts"][name] = parsed
        return label, before, display_fact(name, parsed)
    # a circumstance
    label = circumstance_label(name)
    if name not in {k for k, *_ in circumstance_kinds()}:
        circumstance_rule(name)  # raises the engine's own message (unknown, or no percentage)
    present = {c.kind: c for c in current.circumstances}
    before = f"{present[name].percent}" if name in present else "无"
    if action == OverrideAction.RESET:
        overrides["circumstances"].pop(name, None)
        return label, before, "恢复自动提取"
    if action == OverrideAction.REMOVE:
        if name not in present:
            raise OverrideValueError(f"当前没有“{label}”情节，无需删除")
        overrides["circumstances"][name] = {"action": "REMOVE"}
        return label, before, "删除"
    percent = parse_percent(name, value)
    if action == OverrideAction.ADD:
        if name in present:
            raise OverrideValueError(f"已有“{label}”情节；如需调整比例请选择“修改”")
        overrides["circumstances"][name] = {"action": "ADD", "percent": percent}
        return label, before, f"增加（{percent + '%' if percent else '默认比例'}）"
    if percent is None:
        raise OverrideValueError("修改情节须填写调节比例")
    if name not in present:
        raise OverrideValueError(f"当前没有“{label}”情节；如需认定请选择“增加”")
    previous = overrides["circumstances"].get(name, {})
    overrides["circumstances"][name] = {"action": previous.get("action", "SET"), "percent": percent}
    if previous.get("action") != "ADD":
        overrides["circumstances"][name]["action"] = "SET"
    return label, before, f"{percent}%"


# --- evidence guidance -------------------------------------------------------------------------------------


def _checklist_for_update(case: Case) -> EvidenceChecklist:
    state = EvidenceChecklist.objects.select_for_update().filter(case=case).first()
    return state or EvidenceChecklist(case=case)


def evidence_stage_set(*, case: Case, actor: User, stage: str) -> EvidenceChecklist:
    """Move the case's checklist to ``stage`` (立案审查, 庭前准备, 庭审)."""
    _require_writer(case, actor)
    if stage not in EvidenceStage.values:
        raise _invalid(CriminalErrorCode.BAD_STAGE, "审理阶段只能是立案审查、庭前准备或庭审", "stage")
    with transaction.atomic(), acting_as(actor):
        state = _checklist_for_update(case)
        state.stage = stage
        state.full_clean()
        state.save()
    return state


def evidence_material_add(
    *,
    case: Case,
    actor: User,
    requirement_key: str,
    description: str,
    content: str = "",
    reference: str = "",
    upload: UploadedFile | None = None,
) -> EvidenceMaterial:
    """Mark a checklist item provided with a material: a description and a file, a case-file reference, or
    the text excerpt (used to find contradictions). ``requirement_key`` empty means an extra material."""
    _require_writer(case, actor)
    requirement_key = (requirement_key or "").strip()
    description = (description or "").strip()
    if requirement_key and requirement_key not in selectors.checklist_keys(case=case):
        raise _invalid(CriminalErrorCode.BAD_MATERIAL, "该证据项不在本案的证据清单中", "requirement_key")
    if not description:
        raise _invalid(CriminalErrorCode.BAD_MATERIAL, "请填写材料说明", "description")
    if len(description) > 200:
        raise _invalid(CriminalErrorCode.BAD_MATERIAL, "材料说明不能超过200个字符", "description")
    content = (content or "").strip()
    if len(content) > 5000:
        raise _invalid(CriminalErrorCode.BAD_MATERIAL, "内容摘录不能超过5000个字符", "content")
    reference = (reference or "").strip()
    if len(reference) > 200:
        raise _invalid(CriminalErrorCode.BAD_MATERIAL, "卷宗材料引用不能超过200个字符", "reference")
    if upload is not None and upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise _invalid(CriminalErrorCode.BAD_MATERIAL, "上传文件不能超过20MB", "file")
    with transaction.atomic(), acting_as(actor):
        material = EvidenceMaterial(
            case=case,
            requirement_key=requirement_key,
            description=description,
            content=content,
            reference=reference,
            added_by=actor,
            added_at=timezone.now(),
        )
        if upload is not None:
            name = (upload.name or "material").replace("/", "_").replace("\\", "_")[-100:]
            material.file.save(name, upload, save=False)
        try:
            material.full_clean()
        except Exception:
            if material.file:
                material.file.delete(save=False)
            raise
        material.save()
    return material


def evidence_material_remove(*, case: Case, actor: User, material_id: int) -> None:
    """Withdraw a material (the audit trail keeps the record of it)."""
    _require_writer(case, actor)
    with transaction.atomic(), acting_as(actor):
        material = EvidenceMaterial.objects.filter(case=case, pk=material_id).first()
        if material is None:
            raise NotFoundError(
                CriminalErrorCode.MATERIAL_NOT_FOUND, "证据材料不存在", {"material_id": material_id}
            )
        stored = material.file.name if material.file else ""
        material.delete()
        if stored:
            storage = material.file.storage
            transaction.on_commit(lambda: storage.delete(stored))


def case_mark_ready_for_trial(*, case: Case, actor: User, reason: str = "") -> EvidenceChecklist:
    """Mark the case ready for trial. Refused while a mandatory evidence item is missing, unless the judge
    records why (the missing items and the reason are kept on the checklist and in the audit trail)."""
    _require_judge(case, actor)
    with transaction.atomic(), acting_as(actor):
        state = _checklist_for_update(case)
        if state.ready_for_trial:
            raise ConflictError(CriminalErrorCode.ALREADY_READY, "该案已标记为可开庭审理", {})
        missing = selectors.missing_for_trial(case=case)
        reason = (reason or "").strip()
        if missing and not reason:
            names = "、".join(r.name for r in missing[:5]) + ("等" if len(missing) > 5 else "")
            raise InvalidInputError(
                CriminalErrorCode.MISSING_MANDATORY,
                f"尚缺{len(missing)}项必备证据（{names}），不能标记为可开庭审理；如确需开庭，请填写理由",
                {"field": "reason", "missing": [r.key for r in missing]},
            )
        if len(reason) > 500:
            raise _invalid(CriminalErrorCode.REASON_REQUIRED, "理由不能超过500个字符", "reason")
        state.ready_for_trial = True
        state.ready_marked_at = timezone.now()
        state.ready_marked_by = actor
        state.missing_at_ready = [r.key for r in missing]
        state.missing_reason = reason if missing else ""
        state.full_clean()
        state.save()
    return state


def case_unmark_ready_for_trial(*, case: Case, actor: User, reason: str) -> EvidenceChecklist:
    """Withdraw the ready-for-trial mark, with a reason (kept in the audit trail)."""
    _require_judge(case, actor)
    reason = _reason(reason)
    with transaction.atomic(), acting_as(actor):
        state = _checklist_for_update(case)
        if not state.ready_for_trial:
            raise ConflictError(CriminalErrorCode.ALREADY_READY, "该案尚未标记为可开庭审理", {})
        state.ready_for_trial = False
        state.missing_reason = f"撤销标记：{reason}"[:500]
        state.full_clean()
        state.save()
    return state
