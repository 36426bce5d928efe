"""Context building, generation of several document types read back with python-docx, versions, storing the
final judgment in the case file, defect check and one-click fix, bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry

from smartcourt.apps.casefile.models import Material
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError
from smartcourt.apps.drafting import services
from smartcourt.apps.drafting.context import build_context, clean_inputs
from smartcourt.apps.drafting.models import Draft, DraftOrigin
from smartcourt.apps.drafting.selectors import draft_defects
from tests.apps.drafting.conftest import docx_bytes, docx_text, judgment_inputs

pytestmark = pytest.mark.django_db


def test_context_from_case(world, case) -> None:
    ctx = build_context(case, clean_inputs(judgment_inputs(case)))
    assert ctx.case_number == case.case_number and ctx.court.name == case.court.name
    assert ctx.court.appeal_court == case.court.parent.name
    assert ctx.cause == "民间借贷纠纷" and ctx.procedure.value == "简易程序"
    roles = [p.role for p in ctx.parties]
    assert roles == ["原告", "被告"]
    plaintiff = case.parties.get(role="PLAINTIFF")
    assert ctx.parties[0].name == plaintiff.name and ctx.parties[0].address == plaintiff.address
    assert ctx.panel.judges == (world.judge.full_name,) and ctx.panel.clerk == world.clerk.full_name
    assert ctx.claims[0].amount == case.claim_amount
    assert ctx.judgment_date == ctx.hearing_date + timedelta(days=10)


@pytest.mark.parametrize(
    "document_type", ["acceptance_notice", "summons", "civil_judgment", "withdrawal_ruling", "trial_outline"]
)
def test_generate_reads_back(world, case, document_type: str) -> None:
    inputs = judgment_inputs(case)
    parties = list(case.parties.all())
    if document_type == "summons":  # one summons per person summoned
        inputs |= {"recipient": parties[0].name, "hearing_time": "09:30", "hearing_place": "第一法庭"}
        parties = parties[:1]
    draft = services.draft_generate(
        actor=world.judge, case_id=case.pk, document_type=document_type, inputs=inputs
    )
    text = docx_text(bytes(draft.docx))
    assert case.court.name in text and case.case_number in text
    for party in parties:
        assert party.name in text
    if document_type == "summons":
        assert "第一法庭" in text and "【待补充：开庭" not in text
    assert draft.version == 1 and draft.origin == DraftOrigin.GENERATED and draft.author == world.judge
    if document_type == "civil_judgment":
        assert "被告于本判决生效之日起十日内偿还原告借款50000元" in text
        assert "《中华人民共和国民法典》第六百七十五条" in text
        assert world.judge.full_name in text and world.clerk.full_name in text


def test_missing_fields_are_warned_and_versions_increase(world, case) -> None:
    first = services.draft_generate(
        actor=world.judge, case_id=case.pk, document_type="civil_judgment", inputs={}
    )
    assert first.warnings and all("【待补充" in w["message"] for w in first.warnings)
    assert "【待补充" in docx_text(bytes(first.docx))
    second = services.draft_generate(
        actor=world.judge, case_id=case.pk, document_type="civil_judgment", inputs=judgment_inputs(case)
    )
    assert second.version == 2 and len(second.warnings) < len(first.warnings)
    entry = LogEntry.objects.get_for_object(second).get()
    assert entry.actor == world.judge and "docx" not in (entry.changes or {})


def test_store_generated_judgment_in_case_file(world, case) -> None:
    draft = services.draft_generate(
        actor=world.judge, case_id=case.pk, document_type="civil_judgment", inputs=judgment_inputs(case)
    )
    services.draft_store(actor=world.judge, draft=draft)
    material = Material.objects.get(case=case)
    assert material.source == "GENERATED" and material.title == "民事判决书"
    assert Draft.objects.get(pk=draft.pk).material == material
    with pytest.raises(ConflictError):
        services.draft_store(actor=world.judge, draft=Draft.objects.get(pk=draft.pk))


def test_uploaded_edit_becomes_final(world, case) -> None:
    draft = services.draft_generate(
        actor=world.judge, case_id=case.pk, document_type="civil_judgment", inputs=judgment_inputs(case)
    )
    edited = docx_bytes([case.court.name, "民事判决书", case.case_number, "（法官修改后的定稿）"])
    final = services.draft_upload(
        actor=world.judge,
        case_id=case.pk,
        data=edited,
        filename="定稿.docx",
        document_type="civil_judgment",
        based_on=draft.pk,
    )
    assert final.version == 2 and final.origin == DraftOrigin.UPLOADED and final.parent == draft
    services.draft_store(actor=world.judge, draft=final)
    assert Material.objects.get(case=case).filename == "定稿.docx"


def test_defect_check_and_one_click_fix(world, case) -> None:
    seeded = docx_bytes(
        [case.court.name, "民事判决书", case.case_number, "本院认为，被告应当赔尝原告的损失。"]
    )
    draft = services.draft_upload(actor=world.judge, case_id=case.pk, data=seeded, filename="待查.docx")
    defects = draft_defects(draft=draft)
    typo = next(i for i, d in enumerate(defects) if d.kind == "typo" and d.text == "赔尝")
    assert defects[typo].suggestion == "赔偿" and defects[typo].rule
    fixed = services.draft_fix(actor=world.judge, draft=draft, index=typo, text="赔尝")
    assert fixed.origin == DraftOrigin.FIXED and fixed.parent == draft and fixed.version == 2
    assert "赔偿原告的损失" in docx_text(bytes(fixed.docx))
    assert not any(d.text == "赔尝" for d in draft_defects(draft=fixed))
    # the same fix again on the old version whose text the user saw no longer matches → refused
    with pytest.raises(ConflictError):
        services.draft_fix(actor=world.judge, draft=draft, index=typo, text="别的字")


def test_bad_input(world, case) -> None:
    with pytest.raises(InvalidInputError) as exc:
        services.draft_upload(actor=world.judge, case_id=case.pk, data=b"not a zip", filename="坏.docx")
    assert exc.value.code == "drafting.bad_file" and "无法读取" in exc.value.message
    with pytest.raises(InvalidInputError) as exc:
        services.draft_generate(actor=world.judge, case_id=case.pk, document_type="起诉状", inputs={})
    assert exc.value.code == "drafting.unknown_document_type" and exc.value.detail["field"] == "document_type"
    with pytest.raises(InvalidInputError) as exc:
        services.draft_generate(
            actor=world.judge,
            case_id=case.pk,
            document_type="civil_judgment",
            inputs={"judgment_date": "明天"},
        )
    assert exc.value.detail == {"field": "judgment_date"}
    with pytest.raises(InvalidInputError):
        services.draft_generate(
            actor=world.judge, case_id=case.pk, document_type="civil_judgment", inputs={"nonsense": "x"}
        )
    assert not Draft.objects.exists()


@pytest.mark.parametrize("who", ["other_judge", "litigant", "it_admin", "lawyer"])
def test_only_staff_of_the_court(world, case, who: str) -> None:
    with pytest.raises(NotFoundError):
        services.draft_generate(
            actor=getattr(world, who), case_id=case.pk, document_type="summons", inputs={}
        )


def test_criminal_judgment_from_a_criminal_case(world) -> None:
    from tests.apps.criminal.conftest import register_criminal

    case = register_criminal(world)
    accused = case.parties.get(role="ACCUSED").name
    heard = case.registered_on + timedelta(days=20)
    draft = services.draft_generate(
        actor=world.judge,
        case_id=case.pk,
        document_type="criminal_judgment",
        inputs={
            "indictment": "被告人秘密窃取他人手机一部，价值人民币5000元。",
            "facts_found": ["被告人秘密窃取他人手机一部，价值人民币5000元。"],
            "reasoning": ["被告人以非法占有为目的，秘密窃取他人财物，数额较大，其行为已构成盗窃罪。"],
            "legal_basis": ["《中华人民共和国刑法》第二百六十四条"],
            "operative_items": [f"被告人{accused}犯盗窃罪，判处拘役三个月"],
            "hearing_date": heard.isoformat(),
            "judgment_date": (heard + timedelta(days=5)).isoformat(),
        },
    )
    text = docx_text(bytes(draft.docx))
    assert "刑事判决书" in text and "杭州市上城区人民检察院" in text and accused in text
    assert "盗窃" in text and f"被告人{accused}犯盗窃罪，判处拘役三个月" in text


def test_fix_and_store_refuse_other_courts(world, case) -> None:
    draft = services.draft_generate(actor=world.judge, case_id=case.pk, document_type="summons", inputs={})
    for service in (
        lambda: services.draft_fix(actor=world.other_judge, draft=draft, index=0),
        lambda: services.draft_store(actor=world.litigant, draft=draft),
    ):
        with pytest.raises(NotFoundError):
            service()
    assert Draft.objects.count() == 1 and not Material.objects.exists()
