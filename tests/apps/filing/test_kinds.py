"""Each kind of filing — 民事一审, 申请执行, 行政一审, 申请再审, 申请保全 — goes from draft to a registered case."""

from __future__ import annotations

import random

import pytest
from auditlog.models import LogEntry

from smartcourt.apps.filing import services
from smartcourt.apps.filing.models import Filing, FilingStatus
from smartcourt.engines.validation import make_credit_code
from tests.apps.filing.conftest import pdf_bytes

pytestmark = pytest.mark.django_db
_rng = random.Random(99)

KINDS = {
    # kind: (filer role, other role, case-number suffix, fee total for 120000 yuan, court attr)
    "CIVIL_FIRST": ("PLAINTIFF", "DEFENDANT", "民初1号", "2700.00", "court"),
    "ENFORCEMENT": ("ENFORCEMENT_APPLICANT", "JUDGMENT_DEBTOR", "执1号", "1700.00", "court"),
    "ADMIN_FIRST": ("PLAINTIFF", "DEFENDANT", "行初1号", "50.00", "court"),
    "PRESERVATION": ("APPLICANT", "RESPONDENT", "财保1号", "1120.00", "court"),
    "RETRIAL": ("APPLICANT", "RESPONDENT", "民申1号", "0", "court"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_filed_reviewed_and_registered(filers, kind):
    filer_role, other_role, suffix, fee, _ = KINDS[kind]
    user = filers.litigant
    filing = services.filing_create(filer=user, kind=kind)
    steps = {
        "case": {
            "court_id": filers.court.pk,
            "cause_of_action": "民间借贷纠纷" if kind in ("CIVIL_FIRST", "RETRIAL") else "",
            "origin_case_number": "（2025）浙0102民初1号",
            "origin_court_id": filers.court.pk,
        },
        "parties": {
            "parties": [
                {
                    "role": filer_role,
                    "name": user.full_name,
                    "id_type": "RESIDENT_ID",
                    "id_number": user.real_name.id_number,
                    "address": "杭州市上城区示范路1号",
                    "phone": "13912345678",
                },
                {
                    "role": other_role,
                    "kind": "LEGAL_PERSON",
                    "name": "杭州市上城区示范局" if kind == "ADMIN_FIRST" else "杭州示范有限公司",
                    "id_type": "CREDIT_CODE",
                    "id_number": make_credit_code(_rng, area_code="330102"),
                    "address": "杭州市上城区示范路2号",
                },
            ]
        },
        "claims": {"claims": [{"text": "请求事项", "amount": "120000"}], "facts_and_reasons": "事实与理由。"},
    }
    for step, data in steps.items():
        assert services.filing_save_step(filing=filing, actor=user, step=step, data=data) == {}
    services.filing_upload_add(
        filing=filing, actor=user, category="PLEADING", filename="申请书.pdf", data=pdf_bytes()
    )
    filing = services.filing_submit(filing=filing, actor=user)
    assert filing.flags.exists()
    filing = services.filing_accept(filing=filing, officer=filers.filer)
    assert filing.status == FilingStatus.ACCEPTED
    assert filing.case.case_number.endswith(suffix)
    assert filing.fee_notice["total"] == fee
    # 执行申请费 is not prepaid (诉讼费用交纳办法 第二十条第二款): noticed, no payment order
    assert bool(filing.payment_order_number) == (kind not in ("RETRIAL", "ENFORCEMENT"))


def test_every_change_is_audited_with_its_actor(filers):
    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    services.filing_save_step(
        filing=filing, actor=filers.litigant, step="case", data={"court_id": filers.court.pk}
    )
    entries = LogEntry.objects.get_for_object(Filing.objects.get(pk=filing.pk))
    assert entries.count() >= 2
    assert {e.actor_id for e in entries} == {filers.litigant.pk}
