"""Services of criminal case assistance on the database: facts, overrides, evidence, ready for trial."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.criminal import selectors, services
from smartcourt.apps.criminal.models import (
    ChargeAssessment,
    EvidenceChecklist,
    EvidenceMaterial,
    FactsSource,
    SentencingAssessment,
    SentencingOverride,
)
from tests.apps.criminal.conftest import THEFT_FACTS, register_criminal

pytestmark = pytest.mark.django_db


def _assess(case):
    return selectors.case_assessment(case=case)[1]


def test_facts_are_saved_versioned_and_audited(world, criminal_case):
    row = services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=THEFT_FACTS)
    assert (row.version, row.facts_source) == (1, FactsSource.ENTERED)
    assert _assess(criminal_case).charge == "盗窃"
    a = _assess(criminal_case)
    assert a.recommendation is not None
    assert a.recommendation.declared == "拘役三个月"
    assert [c.kind for c in a.circumstances] == [
        "confession",
        "restitution",
        "compensation_forgiveness",
        "plea_leniency",
    ]
    assert any(s.label == "坦白（如实供述自己罪行）" and s.text == "如实供述" for s in a.segments)
    row = services.sentencing_facts_save(
        case=criminal_case, actor=world.clerk, facts=THEFT_FACTS.replace("5000", "50000")
    )
    assert row.version == 2
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(SentencingAssessment), object_pk=str(row.pk)
    ).order_by("id")
    assert [e.actor for e in entries] == [world.judge, world.clerk]
    assert "50000" in entries[1].changes_dict["facts"][1]


@pytest.mark.parametrize("facts", ["", "   ", "x" * 20001])
def test_bad_facts_are_refused_and_nothing_saved(world, criminal_case, facts):
    with pytest.raises(InvalidInputError) as caught:
        services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=facts)
    assert caught.value.detail["field"] == "facts"
    assert SentencingAssessment.objects.count() == 0


@pytest.mark.parametrize("who", ["litigant", "other_judge", "filer", "it_admin"])
def test_only_case_handling_staff_of_the_court_may_write(world, criminal_case, who):
    with pytest.raises(NotPermittedError):
        services.sentencing_facts_save(case=criminal_case, actor=getattr(world, who), facts=THEFT_FACTS)
    assert SentencingAssessment.objects.count() == 0


def test_override_fact_records_before_after_reason_and_recomputes(world, criminal_case):
    services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=THEFT_FACTS)
    services.sentencing_override_apply(
        case=criminal_case,
        actor=world.judge,
        target="FACT",
        name="amount",
        action="SET",
        value="40000",
        reason="价格认定书认定价值为四万元",
    )
    a = _assess(criminal_case)
    assert a.facts.amount == 40000
    assert a.recommendation.paragraph == "中段"
    record = SentencingOverride.objects.get()
    assert (record.actor, record.label, record.before, record.after, record.reason) == (
        world.judge,
        "犯罪数额（元）",
        "5000",
        "40000",
        "价格认定书认定价值为四万元",
    )
    services.sentencing_override_apply(
        case=criminal_case, actor=world.judge, target="FACT", name="amount", action="RESET", reason="撤回修正"
    )
    assert _assess(criminal_case).facts.amount == 5000
    assert SentencingOverride.objects.count() == 2


def test_override_circumstances_add_remove_change(world, criminal_case):
    services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=THEFT_FACTS)
    base = _assess(criminal_case).recommendation.range
    services.sentencing_override_apply(
        case=criminal_case,
        actor=world.judge,
        target="CIRCUMSTANCE",
        name="surrender",
        action="ADD",
        value="30",
        reason="经电话通知主动到案，构成自首",
    )
    services.sentencing_override_apply(
        case=criminal_case,
        actor=world.judge,
        target="CIRCUMSTANCE",
        name="confession",
        action="REMOVE",
        reason="已认定自首，坦白不再单独评价",
    )
    services.sentencing_override_apply(
        case=criminal_case,
        actor=world.judge,
        target="CIRCUMSTANCE",
        name="restitution",
        action="SET",
        value="5",
        reason="仅部分退赔",
    )
    a = _assess(criminal_case)
    kinds = {c.kind: c for c in a.circumstances}
    assert kinds["surrender"].origin == "法官增加"
    assert "confession" not in kinds and [c.kind for c in a.removed] == ["confession"]
    assert kinds["restitution"].origin == "法官修改比例"
    percents = {s.text: str(s.percent) for s in a.recommendation.steps if s.percent is not None}
    assert percents["法官认定"] == "-30"
    assert percents["退赔"] == "-5"
    assert "如实供述" not in percents
    assert a.recommendation.range.low <= base.low
    assert SentencingOverride.objects.count() == 3


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"target": "FACT", "name": "amount", "action": "SET", "value": "很多", "reason": "x"}, "value"),
        ({"target": "FACT", "name": "amount", "action": "SET", "value": "-5", "reason": "x"}, "value"),
        ({"target": "FACT", "name": "injury", "action": "SET", "value": "重伤三级", "reason": "x"}, "value"),
        ({"target": "FACT", "name": "nonsense", "action": "SET", "value": "1", "reason": "x"}, "value"),
        ({"target": "FACT", "name": "amount", "action": "SET", "value": "1", "reason": "  "}, "reason"),
        (
            {"target": "CIRCUMSTANCE", "name": "surrender", "action": "ADD", "value": "90", "reason": "x"},
            "value",
        ),
        ({"target": "CIRCUMSTANCE", "name": "flying", "action": "ADD", "value": "", "reason": "x"}, "name"),
        (
            {"target": "CIRCUMSTANCE", "name": "surrender", "action": "REMOVE", "value": "", "reason": "x"},
            "value",
        ),
        (
            {"target": "CIRCUMSTANCE", "name": "confession", "action": "ADD", "value": "", "reason": "x"},
            "value",
        ),
        ({"target": "CHARGE", "name": "", "action": "SET", "value": "不存在罪", "reason": "x"}, "value"),
        ({"target": "OTHER", "name": "", "action": "SET", "value": "", "reason": "x"}, "target"),
        ({"target": "FACT", "name": "amount", "action": "DROP", "value": "", "reason": "x"}, "action"),
        ({"target": "CHARGE", "name": "", "action": "SET", "value": "开设赌场", "reason": "x"}, "value"),
        ({"target": "CHARGE", "name": "", "action": "REMOVE", "value": "", "reason": "x"}, "value"),
        (
            {
                "target": "FACT",
                "name": "amount",
                "action": "SET",
                "value": "1",
                "reason": "x",
                "accused_id": 10**9,
            },
            "accused_id",
        ),
        (
            {
                "target": "FACT",
                "name": "amount",
                "action": "SET",
                "value": "1",
                "reason": "x",
                "charge_index": 1,
            },
            "charge_index",
        ),
    ],
)
def test_bad_overrides_are_refused_and_nothing_changes(world, criminal_case, kwargs, field):
    row = services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=THEFT_FACTS)
    with pytest.raises(InvalidInputError) as caught:
        services.sentencing_override_apply(case=criminal_case, actor=world.judge, **kwargs)
    assert caught.value.detail["field"] == field
    row.refresh_from_db()
    assert (row.version, ChargeAssessment.objects.count(), SentencingOverride.objects.count()) == (1, 0, 0)


def test_overrides_need_a_judge(world, criminal_case):
    services.sentencing_facts_save(case=criminal_case, actor=world.clerk, facts=THEFT_FACTS)
    with pytest.raises(NotPermittedError):
        services.sentencing_override_apply(
            case=criminal_case,
            actor=world.clerk,
            target="FACT",
            name="amount",
            action="SET",
            value="1",
            reason="书记员不能修正",
        )
    assert SentencingOverride.objects.count() == 0


def test_unsupported_crime_and_missing_amount_give_the_engine_message(world):
    case = register_criminal(world, charge="帮助信息网络犯罪活动")
    services.sentencing_facts_save(case=case, actor=world.judge, facts="被告人出租银行卡四张，获利3000元。")
    a = _assess(case)
    assert a.recommendation is None
    assert a.error_code == "sentencing.unsupported_crime"
    assert "不在" in a.error_message and "常见犯罪" in a.error_message
    theft = register_criminal(world)
    services.sentencing_facts_save(case=theft, actor=world.judge, facts="被告人在超市内秘密窃取他人财物。")
    a = _assess(theft)
    assert (a.recommendation, a.error_field) == (None, "amount")
    assert "数额" in a.error_message


def test_contradictory_circumstances_give_the_engine_message(world, criminal_case):
    services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=THEFT_FACTS)
    for kind in ("minor_16_18", "elderly_intentional"):
        services.sentencing_override_apply(
            case=criminal_case,
            actor=world.judge,
            target="CIRCUMSTANCE",
            name=kind,
            action="ADD",
            reason="测试",
        )
    a = _assess(criminal_case)
    assert a.recommendation is None and a.error_code == "sentencing.contradictory"


def test_import_uses_the_summary_or_generates_marked_example_facts(world):
    with_summary = register_criminal(world, summary=THEFT_FACTS)
    row = services.sentencing_facts_import(case=with_summary, actor=world.judge)
    assert (row.facts, row.facts_source) == (THEFT_FACTS, FactsSource.SUMMARY)
    bare = register_criminal(world, charge="危险驾驶")
    row = services.sentencing_facts_import(case=bare, actor=world.judge)
    assert row.facts_source == FactsSource.GENERATED
    assert "甲某" in row.facts and "血液中乙醇含量为" in row.facts
    assert _assess(bare).recommendation is not None


def _provide_all_mandatory(world, case):
    for r in selectors.missing_for_trial(case=case):
        services.evidence_material_add(
            case=case, actor=world.clerk, requirement_key=r.key, description=r.name
        )


def test_ready_for_trial_refused_while_mandatory_missing_unless_reason(world, criminal_case):
    missing = selectors.missing_for_trial(case=criminal_case)
    assert "盗窃:price_assessment" in [r.key for r in missing]
    with pytest.raises(InvalidInputError) as caught:
        services.case_mark_ready_for_trial(case=criminal_case, actor=world.judge)
    assert caught.value.code == "criminal.missing_mandatory"
    assert caught.value.detail["missing"] == [r.key for r in missing]
    assert not EvidenceChecklist.objects.filter(ready_for_trial=True).exists()
    state = services.case_mark_ready_for_trial(
        case=criminal_case, actor=world.judge, reason="价格认定书已由检察院承诺庭前补送"
    )
    assert state.ready_for_trial is True
    assert state.missing_at_ready == [r.key for r in missing]
    assert state.missing_reason == "价格认定书已由检察院承诺庭前补送"
    with pytest.raises(ConflictError):
        services.case_mark_ready_for_trial(case=criminal_case, actor=world.judge, reason="again")
    services.case_unmark_ready_for_trial(case=criminal_case, actor=world.judge, reason="补充侦查")
    _provide_all_mandatory(world, criminal_case)
    state = services.case_mark_ready_for_trial(case=criminal_case, actor=world.judge)
    assert (state.ready_for_trial, state.missing_at_ready, state.missing_reason) == (True, [], "")


def test_ready_for_trial_needs_a_judge(world, criminal_case):
    _provide_all_mandatory(world, criminal_case)
    with pytest.raises(NotPermittedError):
        services.case_mark_ready_for_trial(case=criminal_case, actor=world.clerk)
    assert not EvidenceChecklist.objects.filter(ready_for_trial=True).exists()


def test_materials_with_file_reference_and_contradictions(world, criminal_case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("价格认定书.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    m1 = services.evidence_material_add(
        case=criminal_case,
        actor=world.clerk,
        requirement_key="盗窃:price_assessment",
        description="价格认定结论书",
        content="涉案手机价值人民币5000元",
        upload=upload,
    )
    assert m1.file.name.startswith(f"criminal/evidence/{criminal_case.pk}/")
    services.evidence_material_add(
        case=criminal_case,
        actor=world.clerk,
        requirement_key="盗窃:victim_statement",
        description="被害人陈述",
        content="手机是2024年花8000元买的",
        reference="正卷第1册第12页",
    )
    view = selectors.case_evidence(case=criminal_case)
    assert [c.message for c in view.contradictions] == [
        "金额不一致：价格认定结论书「人民币5000元」与被害人陈述「8000元」"
    ]
    provided = {i.requirement.key for i in view.items if i.provided}
    assert provided == {"盗窃:victim_statement"} | (
        {"盗窃:price_assessment"} & {i.requirement.key for i in view.items}
    )
    services.evidence_material_remove(case=criminal_case, actor=world.clerk, material_id=m1.pk)
    assert EvidenceMaterial.objects.filter(pk=m1.pk).count() == 0
    with pytest.raises(NotFoundError):
        services.evidence_material_remove(case=criminal_case, actor=world.clerk, material_id=m1.pk)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"requirement_key": "盗窃:nonexistent", "description": "x"}, "requirement_key"),
        ({"requirement_key": "", "description": "  "}, "description"),
        ({"requirement_key": "", "description": "x" * 201}, "description"),
        ({"requirement_key": "", "description": "x", "content": "y" * 5001}, "content"),
    ],
)
def test_bad_materials_are_refused(world, criminal_case, kwargs, field):
    with pytest.raises(InvalidInputError) as caught:
        services.evidence_material_add(case=criminal_case, actor=world.clerk, **kwargs)
    assert caught.value.detail["field"] == field
    assert EvidenceMaterial.objects.count() == 0


def test_stage(world, criminal_case):
    assert selectors.case_evidence(case=criminal_case).stage == "filing_review"
    services.evidence_stage_set(case=criminal_case, actor=world.clerk, stage="pretrial")
    assert selectors.case_evidence(case=criminal_case).stage_label == "庭前准备"
    with pytest.raises(InvalidInputError):
        services.evidence_stage_set(case=criminal_case, actor=world.clerk, stage="appeal")


def test_civil_case_is_not_criminal(world):
    from tests.apps.factories import register_civil

    with pytest.raises(InvalidInputError) as caught:
        selectors.criminal_case_get(viewer=world.judge, case_id=register_civil(world).pk)
    assert caught.value.code == "criminal.not_criminal"
