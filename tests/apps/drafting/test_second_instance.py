"""A civil second instance (民终) at the intermediate court: the case's parties become 上诉人（原审…）, 被上诉人（原审…）
and 原审第三人; only the second-instance documents are offered; the 二审 judgment (维持 / 改判) and the 发回重审
ruling are generated through the service, read back with python-docx field by field, and raise no defect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.cases.models import Case
from smartcourt.apps.cases.services import case_assign
from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.courts.models import Court, DepartmentKind
from smartcourt.apps.drafting import services
from smartcourt.apps.drafting.context import build_context, clean_inputs, document_types_for
from smartcourt.apps.drafting.error_codes import DraftingErrorCode
from smartcourt.apps.drafting.models import Draft
from smartcourt.apps.drafting.selectors import draft_defects
from tests.apps.drafting.conftest import docx_text
from tests.apps.factories import DepartmentFactory, UserFactory, World, person, register_civil

pytestmark = pytest.mark.django_db
API = "/api/v1/drafting"


@dataclass
class Appeal:
    court: Court
    first: Case  # the first-instance case at the basic court
    case: Case  # the 民终 case
    judges: tuple[User, User, User]
    clerk: User


@pytest.fixture
def appeal(world: World) -> Appeal:
    today = timezone.localdate()
    first = register_civil(world, procedure="ORDINARY", registered_on=today - timedelta(days=90))
    mid = world.court.parent
    assert mid is not None
    filing = DepartmentFactory(court=mid, name="立案庭", kind=DepartmentKind.FILING)
    civil = DepartmentFactory(court=mid, name="民一庭", kind=DepartmentKind.CIVIL)
    filer = UserFactory(username="mid_filer", role=Role.FILING_OFFICER, court=mid, department=filing)
    judges = tuple(
        UserFactory(username=f"mid_judge{i}", role=Role.JUDGE, court=mid, department=civil) for i in range(3)
    )
    clerk = UserFactory(username="mid_clerk", role=Role.CLERK, court=mid, department=civil)
    plaintiff = first.parties.get(role="PLAINTIFF")
    defendant = first.parties.get(role="DEFENDANT")
    case = register_civil(
        world.__class__(**{**world.__dict__, "filer": filer}),
        case_type="民终",
        procedure="ORDINARY",
        registered_on=today - timedelta(days=30),
        parties=(
            person("APPELLANT", name=defendant.name),
            person("APPELLEE", name=plaintiff.name),
            person("THIRD_PARTY"),
        ),
    )
    case_assign(case=case, actor=filer, judge=judges[0], members=judges[1:], reason="二审合议庭")
    case.clerk = clerk
    case.save(update_fields=["clerk"])
    return Appeal(mid, first, case, judges, clerk)  # type: ignore[arg-type]


def _inputs(a: Appeal, **extra: object) -> dict[str, object]:
    appellant = a.case.parties.get(role="APPELLANT").name
    appellee = a.case.parties.get(role="APPELLEE").name
    third = a.case.parties.get(role="THIRD_PARTY").name
    heard = a.case.registered_on + timedelta(days=20)
    return {
        "original_case_number": a.first.case_number,
        "claims": "撤销一审判决，改判驳回被上诉人的全部诉讼请求\n一、二审诉讼费用由被上诉人负担",
        "facts_and_reasons": "上诉人已于2023年8月归还全部借款，一审判决认定事实错误。",
        "defences": f"{appellee}：一审判决正确，请求驳回上诉\n{third}：请求依法判决",
        "original_claims": "判令被告偿还借款50000元\n本案诉讼费用由被告负担",
        "original_facts": "2023年3月1日，被告向原告借款50000元，到期未还。",
        "original_reasoning": "合法的借贷关系受法律保护，被告应当偿还借款。",
        "original_items": f"被告{appellant}于本判决生效之日起十日内偿还原告{appellee}借款50000元",
        "facts_found": "本院对一审法院查明的事实予以确认。",
        "reasoning": "上诉人主张已归还借款，但未提交证据，其上诉理由不能成立。",
        "appeal_outcome": "驳回上诉，维持原判",
        "costs_bearer": f"上诉人{appellant}",
        "hearing_date": heard.isoformat(),
        "judgment_date": (heard + timedelta(days=7)).isoformat(),
        **extra,
    }


def test_context_maps_the_parties_to_their_second_instance_roles(world, appeal: Appeal) -> None:
    ctx = build_context(appeal.case, clean_inputs(_inputs(appeal)))
    assert [(p.role, p.original_role) for p in ctx.parties] == [
        ("上诉人", "原审被告"),  # the first-instance defendant, found by name in the first-instance case
        ("被上诉人", "原审原告"),
        ("原审第三人", None),
    ]
    assert ctx.original_court == world.court.name and ctx.original_case_number == appeal.first.case_number
    assert ctx.court.name == appeal.court.name and ctx.court.appeal_court == world.high.name
    assert ctx.panel.presiding_judge == appeal.judges[0].full_name and len(ctx.panel.members) == 3


def test_without_the_first_instance_case_the_judge_states_the_standing_and_the_code_finds_the_court(
    world, appeal: Appeal
) -> None:
    appellant = appeal.case.parties.get(role="APPELLANT").name
    number = appeal.first.case_number.replace("民初", "民初9")  # same court code, not in the system
    inputs = _inputs(appeal, original_case_number=number, original_roles=f"{appellant}：原审原告")
    ctx = build_context(appeal.case, clean_inputs(inputs))
    assert [p.original_role for p in ctx.parties] == ["原审原告", None, None]
    assert ctx.original_court == world.court.name  # by the 法院代字 of the first-instance number


def test_only_the_documents_of_the_instance_are_offered(world, appeal: Appeal) -> None:
    assert sorted(document_types_for(appeal.case)) == [
        "appeal_judgment",
        "deliberation_record",
        "proof_of_service",
        "remand_ruling",
        "summons",
    ]
    first = document_types_for(appeal.first)
    assert "civil_judgment" in first and "appeal_judgment" not in first and "remand_ruling" not in first
    for case, kind, actor in (
        (appeal.case, "civil_judgment", appeal.judges[0]),
        (appeal.first, "appeal_judgment", world.judge),
    ):
        with pytest.raises(InvalidInputError) as caught:
            services.draft_generate(actor=actor, case_id=case.pk, document_type=kind, inputs={})
        assert caught.value.code == DraftingErrorCode.NOT_APPLICABLE
        assert caught.value.detail["field"] == "document_type"
    assert not Draft.objects.exists()


def _warned(draft: Draft) -> list[str]:
    """The fields warned: the case record holds no ethnicity (民族), so only those, one per party."""
    return sorted(w["field"] for w in draft.warnings)


def _landed(a: Appeal, text: str, inputs: dict[str, object]) -> list[str]:
    """The values from the case and the inputs that must appear in a second-instance document."""
    values = [a.court.name, a.case.case_number, a.first.case_number, a.first.court.name, "民间借贷纠纷"]
    for party in a.case.parties.all():
        values += [party.name, party.address]
    appellant = a.case.parties.get(role="APPELLANT").name
    appellee = a.case.parties.get(role="APPELLEE").name
    third = a.case.parties.get(role="THIRD_PARTY").name
    values += [
        f"上诉人（原审被告）：{appellant}",
        f"被上诉人（原审原告）：{appellee}",
        f"原审第三人：{third}",
    ]
    values += [f"审判长　{a.judges[0].full_name}", *(f"审判员　{j.full_name}" for j in a.judges[1:])]
    values += [f"书记员　{a.clerk.full_name}", str(inputs["reasoning"])]
    return [v for v in values if v and v not in text]


def test_affirming_judgment_reads_back_and_raises_no_defect(world, appeal: Appeal) -> None:
    inputs = _inputs(appeal)
    draft = services.draft_generate(
        actor=appeal.judges[0], case_id=appeal.case.pk, document_type="appeal_judgment", inputs=inputs
    )
    text = docx_text(bytes(draft.docx))
    assert _landed(appeal, text, inputs) == []
    for key in ("facts_and_reasons", "original_facts", "original_reasoning", "original_items", "facts_found"):
        assert str(inputs[key]).rstrip("。") in text, key
    assert "一审判决正确，请求驳回上诉" in text and "请求依法判决" in text
    assert (
        "《中华人民共和国民事诉讼法》第一百七十七条第一款第一项规定，判决如下：\n驳回上诉，维持原判。" in text
    )
    assert "本判决为终审判决。" in text and "如不服" not in text
    assert _warned(draft) == ["parties[0].ethnicity", "parties[1].ethnicity", "parties[2].ethnicity"]
    assert draft_defects(draft=draft) == []


def test_revising_judgment_and_remand_ruling_raise_no_defect(world, appeal: Appeal) -> None:
    appellee = appeal.case.parties.get(role="APPELLEE").name
    revise = _inputs(
        appeal,
        appeal_outcome="改判",
        operative_items=f"驳回{appellee}的全部诉讼请求",
        legal_basis="《中华人民共和国民法典》第五百五十七条",
        reasoning="上诉人已归还借款50000元，一审判决认定事实错误，本院予以纠正。",
        costs_bearer=f"被上诉人{appellee}",
        original_costs_bearer=f"被上诉人{appellee}",
        original_fee="1050",
    )
    judgment = services.draft_generate(
        actor=appeal.judges[0], case_id=appeal.case.pk, document_type="appeal_judgment", inputs=revise
    )
    text = docx_text(bytes(judgment.docx))
    assert _landed(appeal, text, revise) == []
    assert f"一、撤销{appeal.first.court.name}{appeal.first.case_number}民事判决；" in text
    assert f"一审案件受理费1050元，由被上诉人{appellee}负担；二审案件受理费" in text
    assert (
        _warned(judgment)
        == _warned(ruling := _remand(appeal))
        == [
            "parties[0].ethnicity",
            "parties[1].ethnicity",
            "parties[2].ethnicity",
        ]
    )
    assert draft_defects(draft=judgment) == []
    text = docx_text(bytes(ruling.docx))
    assert _landed(appeal, text, _remand_inputs(appeal)) == []
    assert "第一百七十七条第一款第三项规定，裁定如下：" in text
    assert f"二、本案发回{appeal.first.court.name}重审。" in text
    assert draft_defects(draft=ruling) == []


def _remand_inputs(appeal: Appeal) -> dict[str, object]:
    return _inputs(
        appeal,
        appeal_outcome="",
        remand_ground="原判决认定基本事实不清",
        reasoning="一审判决认定借款交付的基本事实不清。",
    )


def _remand(appeal: Appeal) -> Draft:
    return services.draft_generate(
        actor=appeal.judges[0],
        case_id=appeal.case.pk,
        document_type="remand_ruling",
        inputs=_remand_inputs(appeal),
    )


def test_a_choice_outside_the_list_is_refused_with_the_field(world, appeal: Appeal) -> None:
    with pytest.raises(InvalidInputError) as caught:
        services.draft_generate(
            actor=appeal.judges[0],
            case_id=appeal.case.pk,
            document_type="appeal_judgment",
            inputs=_inputs(appeal, appeal_outcome="维持"),
        )
    assert caught.value.detail == {"field": "appeal_outcome"}
    assert caught.value.message == "二审裁判结果应为驳回上诉，维持原判、改判之一"
    assert not Draft.objects.exists()


def test_api_lists_the_case_types_and_the_panel_offers_them(world, appeal: Appeal) -> None:
    client = Client()
    client.force_login(appeal.judges[0])
    types = client.get(f"{API}/document-types", {"case_id": appeal.case.pk}).json()
    assert {t["key"]: t["second_instance"] for t in types} == {
        "summons": False,
        "proof_of_service": False,
        "deliberation_record": False,
        "appeal_judgment": True,
        "remand_ruling": True,
    }
    outcome = next(f for f in types[0]["inputs"] if f["key"] == "appeal_outcome")
    assert outcome["choices"] == ["驳回上诉，维持原判", "改判"]
    labels = {t["key"]: (t["title"], t["label"]) for t in types}
    assert labels["appeal_judgment"] == ("民事判决书", "民事判决书（二审）")
    assert labels["remand_ruling"] == ("民事裁定书", "民事裁定书（发回重审）")
    page = client.get(f"/drafting/cases/{appeal.case.pk}/").content.decode()
    assert 'value="appeal_judgment"' in page and 'value="civil_judgment"' not in page
    assert ">民事判决书（二审）</option>" in page and "appeal_judgment）" not in page
    assert client.get(f"{API}/document-types", {"case_id": appeal.first.pk}).status_code == 404
