"""跨域立案: a filing handed in at a receiving court, checked and forwarded (or returned) there, then
reviewed by the competent court within its own 7-day clock; states, permissions, visibility, bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from smartcourt.apps.accounts.models import Role
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.filing import selectors, services, states
from smartcourt.apps.filing.models import Filing, FilingStatus
from tests.apps.factories import UserFactory
from tests.apps.filing.conftest import complete_draft

pytestmark = pytest.mark.django_db
ALL_OK = {"complete": True, "legible": True, "identity_confirmed": True}


@pytest.fixture
def cross(filers):
    """The world with a filing officer at the receiving court (other_court) and one at an unrelated court."""
    filers.receiving_officer = UserFactory(
        username="recv", role=Role.FILING_OFFICER, court=filers.other_court
    )
    filers.unrelated_officer = UserFactory(username="unrel", role=Role.FILING_OFFICER, court=filers.high)
    return filers


def _draft(world) -> Filing:
    filing = complete_draft(world)
    data = {
        "court_id": world.court.pk,
        "cause_of_action": "民间借贷纠纷",
        "receiving_court_id": world.other_court.pk,
    }
    assert services.filing_save_step(filing=filing, actor=world.litigant, step="case", data=data) == {}
    filing.refresh_from_db()
    assert filing.receiving_court_id == world.other_court.pk
    return filing


def _sent(world) -> Filing:
    return services.filing_submit(filing=_draft(world), actor=world.litigant)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_submission_goes_to_the_receiving_court_without_starting_the_competent_courts_clock(cross):
    filing = _sent(cross)
    assert filing.status == FilingStatus.AT_RECEIVING_COURT
    assert filing.reference.startswith("WSLA")
    assert filing.sent_to_receiving_at is not None
    assert filing.submitted_at is None and filing.received_on is None and filing.review_deadline is None
    assert selectors.filing_clock(filing=filing) is None
    assert [f.pk for f in selectors.receiving_queue(viewer=cross.receiving_officer)] == [filing.pk]
    # the competent court has nothing yet; an unrelated court never sees it
    assert selectors.review_queue(viewer=cross.filer) == []
    for officer in (cross.filer, cross.unrelated_officer):
        with pytest.raises(NotFoundError):
            selectors.filing_get(viewer=officer, filing_id=filing.pk)
    assert list(filing.events.values_list("action", flat=True)) == ["SUBMIT_CROSS_REGION"]


def test_same_court_as_receiving_court_is_an_ordinary_filing(cross):
    filing = complete_draft(cross)
    data = {
        "court_id": cross.court.pk,
        "cause_of_action": "民间借贷纠纷",
        "receiving_court_id": cross.court.pk,
    }
    services.filing_save_step(filing=filing, actor=cross.litigant, step="case", data=data)
    filing.refresh_from_db()
    assert filing.receiving_court_id is None
    assert services.filing_submit(filing=filing, actor=cross.litigant).status == FilingStatus.SUBMITTED


def test_whole_flow_forward_then_the_competent_court_accepts_within_its_clock(cross):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        filing = _sent(cross)
    # the receiving court takes two days; the competent court's clock starts on arrival
    with time_machine.travel(start + timedelta(days=2), tick=False):
        filing = services.filing_forward(filing=filing, officer=cross.receiving_officer, confirmed=ALL_OK)
        arrived = timezone.localdate()
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.received_on == arrived
    assert filing.forwarded_by == cross.receiving_officer
    assert filing.review_deadline is not None and filing.review_deadline > arrived
    forward = filing.events.get(action="FORWARD")
    assert forward.data["hours_at_receiving_court"] == pytest.approx(48.0, abs=0.1)
    # now the competent court sees it in its queue; the receiving court still sees its status
    assert [f.pk for f in selectors.review_queue(viewer=cross.filer)] == [filing.pk]
    assert selectors.review_queue(viewer=cross.receiving_officer) == []
    assert selectors.receiving_queue(viewer=cross.receiving_officer) == []
    assert (
        selectors.filing_get(viewer=cross.receiving_officer, filing_id=filing.pk).status
        == FilingStatus.SUBMITTED
    )
    # the receiving court cannot decide for the competent court
    with pytest.raises(NotPermittedError):
        services.filing_accept(filing=filing, officer=cross.receiving_officer)
    with pytest.raises(NotPermittedError):
        services.filing_request_correction(filing=filing, officer=cross.receiving_officer, items=["x"])
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    with time_machine.travel(start + timedelta(days=2, hours=3), tick=False):
        accepted = services.filing_accept(filing=filing, officer=cross.filer)
    assert accepted.status == FilingStatus.ACCEPTED
    assert accepted.case is not None and accepted.case.court_id == cross.court.pk
    assert accepted.decided_on_time is True
    assert list(accepted.events.values_list("action", flat=True)) == [
        "SUBMIT_CROSS_REGION",
        "FORWARD",
        "ACCEPT",
    ]
    # a forwarded filing cannot be forwarded or returned again
    with pytest.raises(ConflictError):
        services.filing_forward(filing=accepted, officer=cross.receiving_officer, confirmed=ALL_OK)


def test_the_competent_courts_clock_is_measured_from_arrival_not_from_submission(cross):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        filing = _sent(cross)
    with time_machine.travel(start + timedelta(days=6), tick=False):
        filing = services.filing_forward(filing=filing, officer=cross.receiving_officer, confirmed=ALL_OK)
    # 6 days at the receiving court + 5 at the competent court: still within the competent court's period
    with time_machine.travel(start + timedelta(days=11), tick=False):
        accepted = services.filing_accept(filing=filing, officer=cross.filer)
    assert accepted.decided_on_time is True


def test_return_with_reasons_then_the_filer_corrects_and_sends_again(cross):
    filing = _sent(cross)
    with pytest.raises(InvalidInputError) as caught:
        services.filing_return(filing=filing, officer=cross.receiving_officer, reasons=["  ", ""])
    assert caught.value.detail["field"] == "reasons"
    filing.refresh_from_db()
    assert filing.status == FilingStatus.AT_RECEIVING_COURT
    returned = services.filing_return(
        filing=filing, officer=cross.receiving_officer, reasons=["身份证复印件不清晰", "缺少证据材料"]
    )
    assert returned.status == FilingStatus.RETURNED
    assert returned.return_reasons == ["身份证复印件不清晰", "缺少证据材料"]
    # the filer sees the reasons and may edit; the officer cannot forward a returned filing
    assert selectors.filing_get(viewer=cross.litigant, filing_id=filing.pk).status == FilingStatus.RETURNED
    with pytest.raises(ConflictError) as caught:
        services.filing_forward(filing=returned, officer=cross.receiving_officer, confirmed=ALL_OK)
    assert "收件法院已退回" in caught.value.message
    again = services.filing_submit(filing=returned, actor=cross.litigant)
    assert again.status == FilingStatus.AT_RECEIVING_COURT and again.return_reasons == []
    assert list(again.events.values_list("action", flat=True)) == [
        "SUBMIT_CROSS_REGION",
        "RETURN",
        "SUBMIT_CROSS_REGION",
    ]


def test_forward_needs_every_check_confirmed_and_changes_nothing_otherwise(cross):
    filing = _sent(cross)
    with pytest.raises(InvalidInputError) as caught:
        services.filing_forward(
            filing=filing, officer=cross.receiving_officer, confirmed={"complete": True, "legible": True}
        )
    assert caught.value.detail["missing"] == ["identity_confirmed"]
    assert "核实" in caught.value.message
    filing.refresh_from_db()
    assert filing.status == FilingStatus.AT_RECEIVING_COURT and filing.forwarded_at is None
    assert filing.events.count() == 1


def test_only_the_receiving_courts_officer_may_forward_or_return(cross):
    filing = _sent(cross)
    judge_at_receiving = UserFactory(username="rj", role=Role.JUDGE, court=cross.other_court)
    for who in (cross.filer, cross.unrelated_officer, cross.litigant, judge_at_receiving):
        with pytest.raises(NotPermittedError):
            services.filing_forward(filing=filing, officer=who, confirmed=ALL_OK)
        with pytest.raises(NotPermittedError):
            services.filing_return(filing=filing, officer=who, reasons=["x"])
    # the competent court cannot decide on materials it has not received
    with pytest.raises(ConflictError):
        services.filing_accept(filing=filing, officer=cross.filer)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.AT_RECEIVING_COURT
    assert filing.events.count() == 1


def test_the_state_table_refuses_illegal_transitions_with_a_clear_message(cross):
    filing = complete_draft(cross)
    for action in ("FORWARD", "RETURN", "ACCEPT", "REFUSE", "CORRECT"):
        assert not states.allowed(filing, action)
        with pytest.raises(ConflictError) as caught:
            states.check(filing, action)
        assert "草稿" in caught.value.message
        assert caught.value.detail == {"status": "DRAFT", "action": action}
    with pytest.raises(ConflictError):
        states.check(filing, "TELEPORT")
    assert filing.status == FilingStatus.DRAFT
    # every status reachable from the table is a real status
    assert {t.target for t in states.TRANSITIONS.values()} <= set(FilingStatus.values)


def test_api_flow_for_both_officers_and_the_litigant(cross):
    filing = _draft(cross)
    litigant, recv, comp, unrel = (
        client_for(u) for u in (cross.litigant, cross.receiving_officer, cross.filer, cross.unrelated_officer)
    )
    body = litigant.post(f"/api/v1/filings/{filing.pk}/submit").json()
    assert body["status"] == "AT_RECEIVING_COURT" and body["receiving_court_id"] == cross.other_court.pk
    assert [x["id"] for x in recv.get("/api/v1/filings/receiving").json()] == [filing.pk]
    assert comp.get(f"/api/v1/filings/{filing.pk}").status_code == 404
    assert unrel.get(f"/api/v1/filings/{filing.pk}").status_code == 404
    assert unrel.get("/api/v1/filings/receiving").json() == []
    # bad input: unconfirmed checks, no reasons, a wrong type
    r = recv.post(f"/api/v1/filings/{filing.pk}/forward", {"complete": True}, content_type="application/json")
    assert r.status_code == 400 and r.json()["code"] == "filing.missing_field"
    assert r.json()["detail"]["missing"] == ["legible", "identity_confirmed"]
    r = recv.post(f"/api/v1/filings/{filing.pk}/return", {"reasons": []}, content_type="application/json")
    assert r.status_code == 400 and r.json()["detail"]["field"] == "reasons"
    r = recv.post(f"/api/v1/filings/{filing.pk}/return", {"reasons": "x"}, content_type="application/json")
    assert r.status_code == 422
    # others cannot act
    r = unrel.post(f"/api/v1/filings/{filing.pk}/forward", ALL_OK, content_type="application/json")
    assert r.status_code == 404
    r = litigant.post(f"/api/v1/filings/{filing.pk}/forward", ALL_OK, content_type="application/json")
    assert r.status_code == 403
    r = recv.post(f"/api/v1/filings/{filing.pk}/forward", ALL_OK, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "SUBMITTED" and r.json()["received_on"]
    again = recv.post(f"/api/v1/filings/{filing.pk}/forward", ALL_OK, content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "filing.bad_status"
    r = recv.post(f"/api/v1/filings/{filing.pk}/accept", {}, content_type="application/json")
    assert r.status_code == 403
    r = comp.post(f"/api/v1/filings/{filing.pk}/accept", {}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "ACCEPTED"
    # all three see the status and the timeline
    for c in (litigant, recv, comp):
        seen = c.get(f"/api/v1/filings/{filing.pk}").json()
        assert seen["status"] == "ACCEPTED"
        assert [e["action"] for e in seen["events"]] == ["SUBMIT_CROSS_REGION", "FORWARD", "ACCEPT"]


def test_pages_for_the_receiving_officer_and_the_litigant(cross):
    filing = _sent(cross)
    recv = client_for(cross.receiving_officer)
    page = recv.get("/filing/receiving/")
    assert page.status_code == 200 and filing.reference in page.content.decode()
    detail = recv.get(f"/filing/{filing.pk}/").content.decode()
    assert 'id="forward-filing"' in detail and 'id="accept-filing"' not in detail
    # unchecked boxes: error shown, nothing changes
    recv.post(f"/filing/{filing.pk}/forward/", {"complete": "1"}, follow=True)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.AT_RECEIVING_COURT
    r = recv.post(f"/filing/{filing.pk}/return/", {"reasons": "起诉状未签名\n证据不清晰"}, follow=True)
    assert "已退回" in r.content.decode()
    filing.refresh_from_db()
    assert filing.status == FilingStatus.RETURNED
    litigant = client_for(cross.litigant)
    step = litigant.get(f"/filing/{filing.pk}/step/case/").content.decode()
    assert "起诉状未签名" in step and 'id="receiving-court"' in step
    litigant.post(f"/filing/{filing.pk}/submit/")
    recv.post(f"/filing/{filing.pk}/forward/", ALL_OK | {"note": "已核对原件"})
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    comp = client_for(cross.filer)
    detail = comp.get(f"/filing/{filing.pk}/").content.decode()
    assert 'id="accept-filing"' in detail and "跨域立案收件法院" in detail
    assert client_for(cross.unrelated_officer).get(f"/filing/{filing.pk}/").status_code == 404


def test_forward_and_return_are_audited_with_the_acting_officer(cross):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    filing = _sent(cross)
    services.filing_return(filing=filing, officer=cross.receiving_officer, reasons=["缺少身份证明"])
    filing = services.filing_submit(filing=Filing.objects.get(pk=filing.pk), actor=cross.litigant)
    services.filing_forward(filing=filing, officer=cross.receiving_officer, confirmed=ALL_OK)
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Filing), object_pk=str(filing.pk)
    ).order_by("timestamp", "id")
    by_officer = [e for e in entries if e.actor_id == cross.receiving_officer.pk]
    statuses = [e.changes_dict.get("status", [None, None])[1] for e in by_officer]
    assert "RETURNED" in statuses and "SUBMITTED" in statuses
