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
from smartcourt.apps.cases.models import Case, Party
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.criminal import selectors
from smartcourt.apps.criminal.assessment import (
    FACT_FIELDS,
    MAX_FACTS,
    OverrideValueError,
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
    ChargeAssessment,
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
from smartcourt.engines.evidence_guidance import requirement_label
from smartcourt.engines.sentencing import SentencingError, circumstance_rule, supported_crimes

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
        row = SentencingAssessment(case=case, updated_by=actor)
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
    names = [p.name for p in selectors.accused_list(case=case)] or [""]
    charges = selectors.case_charges(case=case)
    text = generated_facts(
        charge=charges[0],
        defendant=names[0],
        rng=random.Random(case.pk),
        year=case.registered_on.year,
        others=names[1:],
        more_charges=charges[1:],
    )
    return sentencing_facts_save(case=case, actor=actor, facts=text, source=FactsSource.GENERATED)


class UnsupportedChargeError(OverrideValueError):
    """A catalogue charge the sentencing guideline does not cover."""


def _target_item(case: Case, accused_id: int | None, charge_index: int) -> tuple[Party | None, int]:
    """The accused (the first when ``accused_id`` is None) and the charge index an override is for."""
    people = selectors.accused_list(case=case)
    if accused_id is None:
        person = people[0] if people else None
    else:
        person = next((p for p in people if p.pk == accused_id), None)
        if person is None:
            raise _invalid(
                CriminalErrorCode.UNKNOWN_ACCUSED,
                f"编号为{accused_id}的当事人不是本案被告人，无法对其量刑",
                "accused_id",
                accused_id=accused_id,
            )
    charges = selectors.case_charges(case=case)
    if not 0 <= charge_index < len(charges):
        raise _invalid(
            CriminalErrorCode.UNKNOWN_CHARGE,
            f"本案共{len(charges)}个罪名，没有第{charge_index + 1}个罪名",
            "charge_index",
            charge_index=charge_index,
        )
    return person, charge_index


def sentencing_override_apply(
    *,
    case: Case,
    actor: User,
    target: str,
    name: str,
    action: str,
    value: str = "",
    reason: str,
    accused_id: int | None = None,
    charge_index: int = 0,
) -> ChargeAssessment:
    """Change one extracted fact, circumstance or the assessed charge of one accused's charge, with the
    judge's mandatory reason.

    ``accused_id`` is the party id of an accused of the case (default: the first), ``charge_index`` the
    0-based position of the charge in the case's charges (default: the first). ``target`` FACT /
    CIRCUMSTANCE / CHARGE; ``action`` SET (change), ADD (a circumstance), REMOVE (a circumstance; for the
    charge: the accused is not charged with it, one charge at least stays), RESET (back to what the text or
    the case gives). A charge the guideline does not cover, an unknown accused or charge index is refused
    with a Chinese message and nothing is saved. The override is kept on the :class:`ChargeAssessment`, recorded as a
    :class:`SentencingOverride` (actor, time, reason, before, after) and the recommendation (and the
    combined punishment of the accused) is recomputed on the next read.
    """
    _require_judge(case, actor)
    reason = _reason(reason)
    if target not in OverrideTarget.values:
        raise _invalid(CriminalErrorCode.BAD_OVERRIDE, "修正对象只能是事实、量刑情节或罪名", "target")
    if action not in OverrideAction.values:
        raise _invalid(CriminalErrorCode.BAD_OVERRIDE, "操作只能是修改、增加、删除或恢复自动提取", "action")
    person, charge_index = _target_item(case, accused_id, charge_index)
    with transaction.atomic(), acting_as(actor):
        row = _assessment_for_update(case, actor)
        if row.pk is None:
            raise _invalid(CriminalErrorCode.NO_FACTS, "请先填写案件事实", "facts")
        item = (
            ChargeAssessment.objects.select_for_update()
            .filter(assessment=row, accused=person, charge_index=charge_index)
            .first()
        )
        if item is None:
            item = ChargeAssessment(
                assessment=row, accused=person, charge_index=charge_index, updated_by=actor, version=0
            )
        overrides: dict[str, Any] = {
            "facts": dict((item.overrides or {}).get("facts", {})),
            "circumstances": dict((item.overrides or {}).get("circumstances", {})),
        }
        sentencing = selectors.case_sentencing(case=case)
        current = sentencing.item(person.pk if person else None, charge_index)
        if current is None and not (item.excluded and target == OverrideTarget.CHARGE):
            raise _invalid(
                CriminalErrorCode.UNKNOWN_CHARGE,
                "该被告人的此罪名已排除评估，请先恢复该罪名再作修正",
                "charge_index",
                charge_index=charge_index,
            )
        case_charge = selectors.case_charges(case=case)[charge_index]
        remaining = next(
            len(p.items) for p in sentencing.accused if p.accused_id == (person.pk if person else None)
        )
        try:
            if target == OverrideTarget.CHARGE and action == OverrideAction.REMOVE and remaining < 2:
                raise OverrideValueError("每名被告人至少须保留一个评估罪名，不能排除其唯一的罪名")
            label, before, after = _change(item, case_charge, overrides, current, target, name, action, value)
        except UnsupportedChargeError as exc:
            raise _invalid(CriminalErrorCode.UNSUPPORTED_CHARGE, str(exc), "value") from None
        except OverrideValueError as exc:
            raise _invalid(CriminalErrorCode.BAD_OVERRIDE, str(exc), "value") from None
        except SentencingError as exc:
            raise _invalid(exc.code, exc.message, "name") from None
        item.overrides = overrides
        item.version += 1
        item.updated_by = actor
        item.full_clean()
        item.save()
        row.version += 1
        row.updated_by = actor
        row.full_clean()
        row.save()
        record = SentencingOverride(
            assessment=row,
            charge_assessment=item,
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
    return item


def _change(
    item: ChargeAssessment,
    case_charge: str,
    overrides: dict[str, Any],
    current: Any,
    target: str,
    name: str,
    action: str,
    value: str,
) -> tuple[str, str, str]:
    """Apply one override to ``overrides`` (or the item's charge): (label, before, after) as shown."""
    if target == OverrideTarget.CHARGE:
        if action == OverrideAction.ADD:
            raise OverrideValueError("罪名只能修改、排除（该被告人未被指控此罪）或恢复")
        before = "不予评估" if current is None else (current.charge or "—")
        if action == OverrideAction.REMOVE:
            if item.excluded:
                raise OverrideValueError("该罪名已排除评估")
            item.excluded = True
            return "评估罪名", before, "不予评估（该被告人未被指控此罪）"
        item.excluded = False
        if action == OverrideAction.RESET:
            item.charge = ""
            return "评估罪名", before, case_charge or "—"
        try:
            charge = engine_charge(catalogs.get_charge((value or "").strip()).name)
        except catalogs.CatalogError:
            raise OverrideValueError(f"罪名「{(value or '').strip()}」不在罪名目录中") from None
        if charge not in supported_crimes():
            raise UnsupportedChargeError(
                f"“{charge}罪”不在《关于常见犯罪的量刑指导意见（试行）》（法发〔2021〕21号）规定的常见犯罪之列，"
                "不能作为量刑评估罪名"
            )
        item.charge = "" if charge == case_charge else charge
        return "评估罪名", before, charge
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
            several = selectors.several_charges(case=case)
            names = "、".join(requirement_label(r, several=several) for r in missing[:5]) + (
                "等" if len(missing) > 5 else ""
            )
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
