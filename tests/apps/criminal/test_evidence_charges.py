"""Evidence guidance of a case with several charges: the checklist of every charge, merged (general items
once, each charge's own items labelled with it), the ready-for-trial gate over every charge's mandatory items,
contradictions compared within a charge; a single-charge case as before."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.criminal import selectors, services
from smartcourt.apps.criminal.models import EvidenceChecklist, EvidenceMaterial
from smartcourt.engines import evidence_guidance as guidance
from smartcourt.engines.evidence_guidance import case_checklist, mandatory_up_to_trial
from tests.apps.criminal.conftest import register_criminal, register_multi

pytestmark = pytest.mark.django_db

STAGES = [key for key, _label in guidance.stages()]


def _judge(world) -> Client:
    client = Client()
    client.force_login(world.judge)
    return client


def _keys(view):
    return [i.requirement.key for i in view.items]


@pytest.fixture
def multi(world):
    return register_multi(world)  # 盗窃, 诈骗


@pytest.mark.parametrize("stage", STAGES)
def test_single_charge_checklist_is_the_engines(world, criminal_case, stage):
    view = selectors.case_evidence(case=criminal_case, stage=stage)
    engine = guidance.checklist_for("盗窃", stage)
    assert _keys(view) == [i.key for i in engine.items]
    assert (view.checklist.charge, view.checklist.covered, view.checklist.notes) == ("盗窃", True, ())
    assert view.checklist.several is False
    assert {i.charges for i in view.items} == {("盗窃",)}
    assert [i.label for i in view.items] == [i.name for i in engine.items]


def test_single_charge_gate_is_unchanged(criminal_case):
    expected: dict[str, guidance.EvidenceRequirement] = {}
    for stage in STAGES:
        for item in guidance.checklist_for("盗窃", stage).mandatory:
            expected.setdefault(item.key, item)
    assert [r.key for r in selectors.mandatory_for_trial(case=criminal_case)] == list(expected)


@pytest.mark.parametrize("stage", STAGES)
def test_every_charge_gets_its_checklist_merged_without_duplicates(multi, stage):
    view = selectors.case_evidence(case=multi, stage=stage)
    theft, fraud = guidance.checklist_for("盗窃", stage), guidance.checklist_for("诈骗", stage)
    keys = _keys(view)
    assert len(keys) == len(set(keys))
    general = [i.key for i in theft.items if not i.crime]
    assert keys == general + [i.key for i in theft.items if i.crime] + [i.key for i in fraud.items if i.crime]
    assert view.checklist.charges == ("盗窃", "诈骗") and view.checklist.several is True
    assert (view.checklist.charge, view.checklist.covered, view.checklist.notes) == ("盗窃", True, ())
    by_key = {i.requirement.key: i for i in view.items}
    for key in general:
        assert by_key[key].charges == ("盗窃", "诈骗") and by_key[key].general is True
    for item in view.items:
        if item.requirement.crime:
            assert item.charges == (item.requirement.crime,) and item.general is False


def test_same_basic_evidence_is_listed_once(multi):
    view = selectors.case_evidence(case=multi, stage="filing_review")
    identity = [i for i in view.items if i.requirement.key == "defendant_identity"]
    assert len(identity) == 1
    assert identity[0].requirement.name == "被告人身份证明（户籍证明、身份证件信息）"
    assert identity[0].label == "被告人身份证明（户籍证明、身份证件信息）"
    statements = {i.requirement.key: i.label for i in view.items if "victim_statement" in i.requirement.key}
    assert statements == {
        "盗窃:victim_statement": "被害人陈述（盗窃）",
        "诈骗:victim_statement": "被害人陈述及报案材料（诈骗）",
    }


def test_charge_listed_twice_counts_once(world):
    case = register_criminal(world, charges=("盗窃", "盗窃罪"))
    view = selectors.case_evidence(case=case, stage="trial")
    assert view.checklist.charges == ("盗窃",) and view.checklist.several is False
    assert _keys(view) == [i.key for i in guidance.checklist_for("盗窃", "trial").items]


def test_uncovered_charge_adds_its_note_and_the_general_items_only(world):
    case = register_criminal(world, charges=("盗窃", "重婚"))
    view = selectors.case_evidence(case=case, stage="trial")
    assert view.checklist.charges == ("盗窃", "重婚")
    assert view.checklist.covered is False
    assert view.checklist.notes == (
        "「重婚」暂无专门的证据指引，仅列刑事案件通用的证据要求（法释〔2021〕1号）",
    )
    assert _keys(view) == [i.key for i in guidance.checklist_for("盗窃", "trial").items]
    assert next(i for i in view.items if i.requirement.key == "indictment").charges == ("盗窃", "重婚")


def test_materials_of_the_second_charge_are_accepted_others_refused(world, multi):
    material = services.evidence_material_add(
        case=multi,
        actor=world.clerk,
        requirement_key="诈骗:transfer_records",
        description="银行转账记录",
        reference="正卷第2册第35页",
    )
    view = selectors.case_evidence(case=multi, stage="filing_review")
    item = next(i for i in view.items if i.requirement.key == "诈骗:transfer_records")
    assert item.materials == [material] and item.provided is True
    assert item.materials[0].reference == "正卷第2册第35页"
    with pytest.raises(InvalidInputError) as caught:
        services.evidence_material_add(
            case=multi,
            actor=world.clerk,
            requirement_key="危险驾驶:blood_alcohol_report",
            description="x",
        )
    assert caught.value.detail["field"] == "requirement_key"
    assert EvidenceMaterial.objects.count() == 1


def test_ready_for_trial_needs_the_mandatory_items_of_every_charge(world, multi):
    mandatory = [r.key for r in selectors.mandatory_for_trial(case=multi)]
    assert mandatory == [r.key for r in mandatory_up_to_trial(["盗窃", "诈骗"])]
    assert len(mandatory) == len(set(mandatory))
    assert {"盗窃:price_assessment", "诈骗:transfer_records", "诈骗:fraud_means"} <= set(mandatory)
    assert mandatory.count("defendant_identity") == 1
    # every item of the theft provided: the fraud's still block the mark
    for r in selectors.missing_for_trial(case=multi):
        if r.crime != "诈骗":
            services.evidence_material_add(
                case=multi, actor=world.clerk, requirement_key=r.key, description=r.name
            )
    missing = selectors.missing_for_trial(case=multi)
    assert {r.crime for r in missing} == {"诈骗"}
    with pytest.raises(InvalidInputError) as caught:
        services.case_mark_ready_for_trial(case=multi, actor=world.judge)
    assert caught.value.code == "criminal.missing_mandatory"
    assert caught.value.detail["missing"] == [r.key for r in missing]
    assert "被害人陈述及报案材料（诈骗）" in caught.value.message
    assert not EvidenceChecklist.objects.filter(ready_for_trial=True).exists()
    for r in missing:
        services.evidence_material_add(
            case=multi, actor=world.clerk, requirement_key=r.key, description=r.name
        )
    state = services.case_mark_ready_for_trial(case=multi, actor=world.judge)
    assert (state.ready_for_trial, state.missing_at_ready) == (True, [])


def test_contradictions_are_compared_within_a_charge(world, multi):
    def add(key, description, content):
        return services.evidence_material_add(
            case=multi, actor=world.clerk, requirement_key=key, description=description, content=content
        )

    add("盗窃:price_assessment", "价格认定书", "涉案手机价值人民币40000元")
    add("诈骗:transfer_records", "转账记录", "2024年4月2日转账人民币30000元")
    assert selectors.case_evidence(case=multi).contradictions == ()
    add("盗窃:victim_statement", "盗窃被害人陈述", "手机是我花45000元买的")
    add("defendant_statement", "讯问笔录", "我骗了他人民币20000元")
    messages = [c.message for c in selectors.case_evidence(case=multi).contradictions]
    assert messages == [
        "金额不一致：价格认定书「人民币40000元」与盗窃被害人陈述「45000元」",
        "金额不一致：价格认定书「人民币40000元」与讯问笔录「人民币20000元」",
        "金额不一致：转账记录「人民币30000元」与讯问笔录「人民币20000元」",
        "金额不一致：盗窃被害人陈述「45000元」与讯问笔录「人民币20000元」",
    ]


def test_page_labels_items_with_their_charges(world, multi):
    body = _judge(world).get(f"/criminal/cases/{multi.pk}/").content.decode()
    assert "本案罪名：盗窃、诈骗。" in body
    assert "<th>所属罪名</th>" in body
    assert '<td data-label="所属罪名" class="small">通用（盗窃、诈骗）</td>' in body
    assert '<td data-label="所属罪名" class="small">诈骗</td>' in body
    assert '<option value="诈骗:victim_statement">被害人陈述及报案材料（诈骗）</option>' in body
    assert (
        "尚缺必备证据（各罪名合计）：" in body
        and "银行流水、转账记录、支付平台交易记录（证明诈骗数额）（诈骗）" in body
    )
    assert body.count("被告人身份证明（户籍证明、身份证件信息）</td>") == 1


def test_single_charge_page_has_no_charge_column(world, criminal_case):
    body = _judge(world).get(f"/criminal/cases/{criminal_case.pk}/").content.decode()
    assert "所属罪名" not in body and "本案罪名：" not in body
    assert '<option value="盗窃:victim_statement">被害人陈述</option>' in body


def test_api_lists_every_charge_and_keeps_the_fields(world, multi):
    data = _judge(world).get(f"/api/v1/criminal/cases/{multi.pk}/evidence-guidance").json()
    assert (data["charge"], data["covered"], data["notes"]) == ("盗窃", True, [])
    assert data["charges"] == ["盗窃", "诈骗"]
    assert data["charge_checklists"] == [
        {"charge": "盗窃", "covered": True, "notes": []},
        {"charge": "诈骗", "covered": True, "notes": []},
    ]
    items = {i["key"]: i for i in data["items"]}
    assert len(items) == len(data["items"])
    assert items["defendant_identity"]["charges"] == ["盗窃", "诈骗"]
    assert items["defendant_identity"]["crime"] == ""
    fraud = items["诈骗:transfer_records"]
    assert (fraud["charges"], fraud["crime"], fraud["mandatory"]) == (["诈骗"], "诈骗", True)
    assert fraud["label"] == "银行流水、转账记录、支付平台交易记录（证明诈骗数额）（诈骗）"
    assert set(data) >= {"stage", "stage_label", "items", "missing_for_trial", "contradictions"}
    assert "诈骗:transfer_records" in data["missing_for_trial"]
    assert "盗窃:price_assessment" in data["missing_for_trial"]
    assert data["missing_for_trial"] == [r.key for r in selectors.missing_for_trial(case=multi)]


def test_api_single_charge_shape(world, criminal_case):
    data = _judge(world).get(f"/api/v1/criminal/cases/{criminal_case.pk}/evidence-guidance").json()
    assert (data["charge"], data["charges"], data["covered"]) == ("盗窃", ["盗窃"], True)
    assert [i["key"] for i in data["items"]] == [
        i.key for i in guidance.checklist_for("盗窃", "filing_review").items
    ]
    assert {tuple(i["charges"]) for i in data["items"]} == {("盗窃",)}


def test_case_checklist_without_charges_is_the_general_list():
    merged = case_checklist([], "trial")
    assert [i.key for i in merged.items] == [i.key for i in guidance.checklist_for("", "trial").items]
    assert merged.charges == ("",) and merged.several is False


@pytest.mark.parametrize("module", ["assessment"])
def test_module_examples(module):
    import doctest
    import importlib

    found = doctest.testmod(
        importlib.import_module(f"smartcourt.apps.criminal.{module}"),
        optionflags=doctest.NORMALIZE_WHITESPACE,
    )
    assert found.failed == 0 and found.attempted > 0
