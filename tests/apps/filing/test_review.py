"""Submission checks and 立案审查: flags, the 7-day clock, one correction, acceptance into a case, refusal."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.filing import selectors, services
from smartcourt.apps.filing.models import Filing, FilingStatus, FlagKind
from tests.apps.filing.conftest import complete_draft

pytestmark = pytest.mark.django_db


def _submitted(world, **kwargs) -> Filing:
    return services.filing_submit(filing=complete_draft(world, **kwargs), actor=world.litigant)


def test_submission_starts_the_clock_and_stores_explained_flags(filers):
    filing = _submitted(filers)
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.reference.startswith("WSLA")
    assert filing.review_deadline is not None
    assert filing.review_deadline > timezone.localdate()
    kinds = {f.kind for f in filing.flags.all()}
    assert FlagKind.JURISDICTION in kinds
    assert all(f.message for f in filing.flags.all())
    assert list(filing.events.values_list("action", flat=True)) == ["SUBMIT"]
    clock = selectors.filing_clock(filing=filing)
    assert clock is not None and clock.state == "running"


def test_an_unverified_filer_may_draft_but_not_submit(world):
    from tests.apps.filing.conftest import verify

    verify(world.lawyer, lawyer=True)
    filing = complete_draft(world, filer=world.lawyer)
    world.lawyer.real_name.verification_status = "FAILED"
    world.lawyer.real_name.save()
    with pytest.raises(NotPermittedError) as caught:
        services.filing_submit(filing=filing, actor=world.lawyer)
    assert "实名认证" in caught.value.message
    filing.refresh_from_db()
    assert filing.status == FilingStatus.DRAFT


def test_a_second_identical_filing_is_flagged_as_duplicate_but_not_blocked(filers):
    first = _submitted(filers)
    second = complete_draft(filers)
    # same plaintiff, same defendant? the defendant's code is new each time; use the same parties
    for p, q in zip(second.parties.all(), first.parties.all(), strict=True):
        p.id_number, p.name = q.id_number, q.name
        p.save()
    second = services.filing_submit(filing=second, actor=filers.litigant)
    assert second.status == FilingStatus.SUBMITTED
    dup = second.flags.filter(kind=FlagKind.DUPLICATE)
    assert dup.count() == 1
    assert dup.get().detail["reference"] == first.reference


@pytest.mark.parametrize("who", ["other_filer", "judge", "leader", "litigant", "stranger"])
def test_only_the_receiving_courts_filing_officer_decides(filers, who):
    filing = _submitted(filers)
    actor = getattr(filers, who)
    with pytest.raises(NotPermittedError):
        services.filing_accept(filing=filing, officer=actor)
    with pytest.raises(NotPermittedError):
        services.filing_request_correction(filing=filing, officer=actor, items=["补充证据"])
    with pytest.raises(NotPermittedError):
        services.filing_refuse(filing=filing, officer=actor, ruling="不予受理" * 10)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    assert Case.objects.count() == 0


def test_filing_visibility(filers):
    filing = _submitted(filers)
    draft = complete_draft(filers)
    assert selectors.filing_get(viewer=filers.litigant, filing_id=filing.pk) == filing
    assert selectors.filing_get(viewer=filers.filer, filing_id=filing.pk) == filing
    for viewer in (filers.stranger, filers.lawyer, filers.other_filer, filers.judge, filers.it_admin):
        with pytest.raises(Exception, match="不存在"):
            selectors.filing_get(viewer=viewer, filing_id=filing.pk)
    with pytest.raises(Exception, match="不存在"):
        selectors.filing_get(viewer=filers.filer, filing_id=draft.pk)  # drafts stay private
    assert [f.pk for f in selectors.review_queue(viewer=filers.filer)] == [filing.pk]
    assert selectors.review_queue(viewer=filers.other_filer) == []


def test_correction_once_then_the_filer_corrects_and_the_officer_accepts(filers):
    filing = _submitted(filers)
    with pytest.raises(InvalidInputError):
        services.filing_request_correction(filing=filing, officer=filers.filer, items=["  "])
    filing = services.filing_request_correction(
        filing=filing, officer=filers.filer, items=["补充借条原件照片", "写明借款日期"], note="请补正"
    )
    assert filing.status == FilingStatus.CORRECTION_REQUESTED
    assert filing.correction_items == ["补充借条原件照片", "写明借款日期"]
    assert selectors.filing_clock(filing=filing).state == "awaiting_correction"
    # the filer edits the draft and submits again
    services.filing_save_step(
        filing=filing,
        actor=filers.litigant,
        step="claims",
        data={
            "claims": [{"text": "判令被告归还借款本金", "amount": "80000"}],
            "facts_and_reasons": "被告于2025年3月1日向原告借款，到期未还。",
        },
    )
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        filing = services.filing_submit(filing=filing, actor=filers.litigant)
        assert filing.status == FilingStatus.SUBMITTED
        assert filing.corrected_on == timezone.localdate()
        with pytest.raises(ConflictError) as caught:
            services.filing_request_correction(filing=filing, officer=filers.filer, items=["再补一项"])
        assert caught.value.code == "filing.correction_already_requested"
        filing = services.filing_accept(filing=filing, officer=filers.filer, procedure="SIMPLE")
    assert filing.status == FilingStatus.ACCEPTED
    case = filing.case
    assert case.case_number.endswith("浙0102民初1号")
    assert case.claim_amount == 80000
    assert case.parties.filter(user=filers.litigant).count() == 1  # the litigant sees the case
    assert filing.decided_on_time is True
    assert filing.fee_notice["total"] == "900.00"  # 1800 halved for 简易程序 (第十六条)
    assert filing.payment_order_number
    from smartcourt.apps.notifications.models import Message

    titles = list(
        Message.objects.filter(recipient=filers.litigant).order_by("pk").values_list("title", flat=True)
    )
    assert (
        [t.split("：")[0][-5:] for t in titles][:1] and "需要补正" in titles[0] and "已登记立案" in titles[-1]
    )
    actions = list(filing.events.values_list("action", "on_time"))
    assert actions == [("SUBMIT", None), ("REQUEST_CORRECTION", True), ("CORRECT", None), ("ACCEPT", True)]
    # the uploads are the first materials of the case's electronic file, from the portal
    from smartcourt.apps.casefile.models import Material

    materials = Material.objects.filter(case=case)
    assert materials.count() == filing.uploads.count() >= 1
    assert set(materials.values_list("source", flat=True)) == {"PORTAL"}
    assert set(materials.values_list("sha256", flat=True)) == set(
        filing.uploads.values_list("sha256", flat=True)
    )
    assert filing.events.get(action="ACCEPT").data["case_file_materials"] == materials.count()


def test_lawyer_filing_becomes_counsel_and_decision_after_deadline_is_marked_late(filers):
    filing = services.filing_submit(filing=complete_draft(filers, filer=filers.lawyer), actor=filers.lawyer)
    with time_machine.travel(timezone.now() + timedelta(days=12)):
        filing = services.filing_accept(filing=filing, officer=filers.filer)
    assert filing.decided_on_time is False
    assert filing.events.get(action="ACCEPT").on_time is False
    counsel = filing.case.counsel.get()
    assert (counsel.user_id, counsel.license_number) == (
        filers.lawyer.pk,
        filers.lawyer.real_name.licence_number,
    )
    assert filing.fee_notice["total"] == "1800.00"


def test_refusal_needs_a_written_ruling_and_is_stored(filers):
    filing = _submitted(filers)
    with pytest.raises(InvalidInputError) as caught:
        services.filing_refuse(filing=filing, officer=filers.filer, ruling="不受理")
    assert caught.value.detail["field"] == "ruling"
    ruling = "杭州市上城区人民法院民事裁定书。经审查，起诉不符合法定条件，依照民事诉讼法第一百二十二条，裁定不予受理。"
    filing = services.filing_refuse(filing=filing, officer=filers.filer, ruling=ruling)
    assert filing.status == FilingStatus.REFUSED
    assert filing.refusal_ruling == ruling
    assert filing.case is None
    with pytest.raises(ConflictError):
        services.filing_accept(filing=filing, officer=filers.filer)


def test_acceptance_that_the_case_core_refuses_leaves_the_filing_submitted(filers):
    filing = _submitted(filers)
    filing.cause_of_action = "不存在的案由"
    Filing.objects.filter(pk=filing.pk).update(cause_of_action="不存在的案由")
    with pytest.raises(InvalidInputError):
        services.filing_accept(filing=filing, officer=filers.filer)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    assert Case.objects.count() == 0


def test_a_claim_beyond_the_limitation_period_is_flagged_for_the_officer_only(filers):
    filing = complete_draft(filers)
    services.filing_save_step(
        filing=filing,
        actor=filers.litigant,
        step="claims",
        data={
            "claims": [{"text": "判令被告归还借款本金", "amount": "80000"}],
            "facts_and_reasons": "借款到期未还。",
            "knew_on": (timezone.localdate() - timedelta(days=365 * 4)).isoformat(),
        },
    )
    filing = services.filing_submit(filing=filing, actor=filers.litigant)
    assert filing.status == FilingStatus.SUBMITTED  # advisory, never a block
    flag = filing.flags.get(code="limitation_expired")
    assert flag.kind == FlagKind.RISK
    assert "第一百八十八条" in flag.basis + flag.message


def test_the_queue_puts_the_nearest_deadline_first_and_shows_lateness(filers):
    early = _submitted(filers)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        later = services.filing_submit(filing=complete_draft(filers), actor=filers.litigant)
    with time_machine.travel(timezone.now() + timedelta(days=20)):
        queue = selectors.review_queue(viewer=filers.filer)
        assert [f.pk for f in queue] == [early.pk, later.pk]
        assert queue[0].clock_view.state == "overdue"
