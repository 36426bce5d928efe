"""Electronic service: confirmed addresses, serving through each channel, the served time, read receipts,
the proof of service in the ledger, postal fallback, and who sees what."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.evidence.selectors import receipt_verify
from smartcourt.apps.notifications.models import Message
from smartcourt.apps.service import services
from smartcourt.apps.service.models import ReadReceipt, ServiceAddress, ServiceRecord, ServiceStatus
from smartcourt.apps.service.selectors import record_get

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _plaintiff(case):
    return case.parties.get(role="PLAINTIFF")


def _defendant(case):
    return case.parties.get(role="DEFENDANT")


def _confirm(world, party, channel="PORTAL", address=""):
    return services.service_address_confirm(
        party=party,
        channel=channel,
        address=address,
        consent_basis="EXPRESS",
        confirmed_method="ONLINE",
        actor=world.clerk,
    )


def test_portal_service_to_confirmed_address_served_on_arrival_with_proof_in_ledger(world, case):
    _confirm(world, _plaintiff(case))
    record = services.document_serve(
        case=case,
        party=_plaintiff(case),
        actor=world.clerk,
        title="应诉通知书",
        text="请于十五日内提交答辩状。",
    )
    assert record.status == ServiceStatus.SERVED
    assert record.served_at == record.reached_at
    assert "第三十一条第一款" in record.served_rule
    assert record.first_read_at is None
    inbox = Message.objects.get(recipient=world.litigant, event="document_served")
    assert record.inbox_message == inbox
    # the proof: a .docx whose hash is in the court's ledger, with a receipt that verifies against it
    proof = record.proof.read()
    assert proof[:2] == b"PK"
    assert record.ledger_entry.ledger.court == world.court
    check = receipt_verify(receipt_text=record.ledger_receipt, data=proof)
    assert (check.verified, check.code) == (True, "ledger.verified")
    tampered = receipt_verify(receipt_text=record.ledger_receipt, data=proof + b"x")
    assert tampered.verified is False
    # and it is in the case's electronic file, as a generated material
    material = case.file_materials.get(source="GENERATED")
    assert material.sha256 == record.proof_sha256 and material.filename == f"送达回证-{record.pk}.docx"


def test_unconfirmed_portal_service_is_served_on_first_read(world, case):
    record = services.document_serve(
        case=case, party=_plaintiff(case), actor=world.clerk, title="举证通知书", text="内容"
    )
    assert (record.status, record.served_at, record.confirmed_address) == (
        ServiceStatus.AWAITING_ACK,
        None,
        False,
    )
    assert not record.proof
    # someone else looking is not a read receipt
    services.service_read_record(record=record, reader=world.clerk)
    assert ReadReceipt.objects.count() == 0
    page = _client(world.litigant).get(f"/service/{record.pk}/")
    assert page.status_code == 200
    record.refresh_from_db()
    assert record.status == ServiceStatus.SERVED
    assert record.served_at == record.first_read_at
    assert "第三十一条第二款第二项" in record.served_rule
    assert ReadReceipt.objects.get().reader == world.litigant
    assert Message.objects.get(pk=record.inbox_message_id).read_at == record.first_read_at
    assert receipt_verify(receipt_text=record.ledger_receipt, data=record.proof.read()).verified is True
    # a second read adds a receipt, keeps the first read time
    first = record.first_read_at
    _client(world.litigant).get(f"/api/v1/service/records/{record.pk}")
    record.refresh_from_db()
    assert (record.first_read_at, ReadReceipt.objects.count()) == (first, 2)


def test_email_service_with_file(world, case):
    from django.core import mail

    _confirm(world, _plaintiff(case), channel="EMAIL", address="party@example.com")
    record = services.document_serve(
        case=case,
        party=_plaintiff(case),
        actor=world.clerk,
        title="判决书",
        file_name="判决书.pdf",
        file_data=b"%PDF-1.4 x",
    )
    assert (record.status, record.channel, record.address) == (
        ServiceStatus.SERVED,
        "EMAIL",
        "party@example.com",
    )
    assert len(mail.outbox) == 1 and "判决书" in mail.outbox[0].subject
    assert record.document.read() == b"%PDF-1.4 x"
    download = _client(world.litigant).get(f"/service/{record.pk}/document")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 x"
    assert ReadReceipt.objects.get().source == "download"


def test_sms_service_through_loopback_gateway(world, case, gateway):
    _confirm(world, _plaintiff(case), channel="SMS", address="13800138000")
    record = services.document_serve(
        case=case, party=_plaintiff(case), actor=world.clerk, title="开庭传票", text="x"
    )
    assert record.status == ServiceStatus.SERVED
    assert record.provider_message_id == "gw-1"
    assert gateway.received[0]["to"] == "13800138000"
    assert gateway.bad_signatures == 0


@pytest.mark.parametrize("mode", ["rejected", "down"])
def test_failed_service_falls_back_to_post_with_address_sheet(world, case, gateway, mode):
    _confirm(world, _plaintiff(case), channel="WECHAT", address="oWx_party01")
    if mode == "rejected":
        gateway.reject_to.add("oWx_party01")
    else:
        gateway.fail_next = 1
    record = services.document_serve(
        case=case, party=_plaintiff(case), actor=world.clerk, title="开庭传票", text="x"
    )
    assert record.status == ServiceStatus.POSTAL
    assert record.served_at is None
    assert record.postal_address == _plaintiff(case).address
    assert record.postal_sheet.read()[:2] == b"PK"
    assert not record.proof
    assert Message.objects.filter(recipient=world.litigant, event="service_postal_fallback").count() == 1


def test_no_address_and_no_account_goes_to_post(world, case):
    record = services.document_serve(
        case=case, party=_defendant(case), actor=world.clerk, title="起诉状副本", text="x"
    )
    assert record.status == ServiceStatus.POSTAL
    assert "没有电子送达地址" in record.failure_reason


def test_bounce_after_arrival_falls_back_to_post(world, case):
    _confirm(world, _plaintiff(case), channel="EMAIL", address="party@example.com")
    record = services.document_serve(
        case=case, party=_plaintiff(case), actor=world.clerk, title="传票", text="x"
    )
    services.service_bounce_record(record=record, reason="邮箱不存在", actor=world.clerk)
    record.refresh_from_db()
    assert (record.status, record.served_at) == (ServiceStatus.POSTAL, None)
    assert record.failure_reason == "退信：邮箱不存在"
    with pytest.raises(ConflictError):
        services.service_bounce_record(record=record, reason="again", actor=world.clerk)


def test_address_confirmation_rules(world, case):
    with pytest.raises(InvalidInputError):
        _confirm(world, _defendant(case))  # no portal account
    with pytest.raises(InvalidInputError):
        _confirm(world, _plaintiff(case), channel="EMAIL", address="nope")
    with pytest.raises(InvalidInputError):
        services.service_address_confirm(
            party=_plaintiff(case),
            channel="EMAIL",
            address="a@example.com",
            consent_basis="",
            confirmed_method="ONLINE",
            actor=world.clerk,
        )
    with pytest.raises(NotPermittedError):
        services.service_address_confirm(
            party=_plaintiff(case),
            channel="EMAIL",
            address="a@example.com",
            consent_basis="EXPRESS",
            confirmed_method="ONLINE",
            actor=world.other_judge,
        )
    assert ServiceAddress.objects.count() == 0
    first = _confirm(world, _plaintiff(case), channel="EMAIL", address="a@example.com")
    second = _confirm(world, _plaintiff(case), channel="EMAIL", address="b@example.com")
    first.refresh_from_db()
    assert first.revoked_at is not None and second.revoked_at is None


def test_bad_serve_input_nothing_saved(world, case):
    p = _plaintiff(case)
    with pytest.raises(InvalidInputError):
        services.document_serve(case=case, party=p, actor=world.clerk, title="", text="x")
    with pytest.raises(InvalidInputError):
        services.document_serve(case=case, party=p, actor=world.clerk, title="空文书")
    with pytest.raises(InvalidInputError):
        services.document_serve(case=case, party=p, actor=world.clerk, title="t", text="x", channel="EMAIL")
    with pytest.raises(NotPermittedError):
        services.document_serve(case=case, party=p, actor=world.litigant, title="t", text="x")
    from tests.apps.factories import register_civil

    other = register_civil(world)
    with pytest.raises(InvalidInputError):
        services.document_serve(case=other, party=p, actor=world.clerk, title="t", text="x")
    assert ServiceRecord.objects.count() == 0


@pytest.mark.parametrize("who", ["stranger", "lawyer", "other_judge", "it_admin"])
def test_others_get_404(world, case, who):
    record = services.document_serve(
        case=case, party=_plaintiff(case), actor=world.clerk, title="传票", text="x"
    )
    user = getattr(world, who)
    for url in (
        f"/service/{record.pk}/",
        f"/service/{record.pk}/proof.docx",
        f"/api/v1/service/records/{record.pk}",
    ):
        assert _client(user).get(url).status_code == 404
    with pytest.raises(NotFoundError):
        record_get(viewer=user, record_id=record.pk)
    assert ReadReceipt.objects.count() == 0


def test_a_party_sees_only_its_own_documents(world, case):
    from smartcourt.apps.cases.models import Party

    Party.objects.filter(case=case, role="DEFENDANT").update(user=world.stranger)
    mine = services.document_serve(
        case=case, party=_plaintiff(case), actor=world.clerk, title="给原告", text="x"
    )
    theirs = services.document_serve(
        case=case, party=_defendant(case), actor=world.clerk, title="给被告", text="y"
    )
    api = _client(world.litigant).get(f"/api/v1/service/records?case_id={case.pk}").json()
    assert [r["id"] for r in api] == [mine.pk]
    assert _client(world.litigant).get(f"/service/{theirs.pk}/").status_code == 404
    panel = _client(world.litigant).get(f"/service/cases/{case.pk}/panel/").content.decode()
    assert "给原告" in panel and "给被告" not in panel and "送达文书</legend>" not in panel
    staff_panel = _client(world.clerk).get(f"/service/cases/{case.pk}/panel/").content.decode()
    assert "给原告" in staff_panel and "给被告" in staff_panel and "送达文书</legend>" in staff_panel


def test_api_serve_and_bad_input(world, case):
    c = _client(world.clerk)
    r = c.post(
        "/api/v1/service/addresses",
        {
            "party_id": _plaintiff(case).pk,
            "channel": "PORTAL",
            "consent_basis": "IN_PLEADING",
            "confirmed_method": "FORM",
        },
        content_type="application/json",
    )
    assert r.status_code == 201
    r = c.post(
        "/api/v1/service/records",
        {
            "case_id": case.pk,
            "party_id": _plaintiff(case).pk,
            "title": "裁定书",
            "file_name": "a.txt",
            "file_base64": base64.b64encode(b"abc").decode(),
        },
        content_type="application/json",
    )
    assert r.status_code == 201
    body = r.json()
    assert body["status"] == "SERVED" and body["has_receipt"] is True
    assert body["proof"]["送达时间依据"].startswith("《人民法院在线诉讼规则》第三十一条第一款")
    assert body["proof"]["同意电子送达的依据"].endswith("（第二十九条第二款第三项）")
    receipt = c.get(f"/api/v1/service/records/{body['id']}/receipt")
    assert receipt.status_code == 200 and receipt.json()["origin"].endswith("%E6%B5%990102")
    bad = c.post(
        "/api/v1/service/records",
        {"case_id": case.pk, "party_id": _plaintiff(case).pk, "title": "x", "file_base64": "!!!"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["detail"] == {"field": "file_base64"}
    assert (
        _client(world.litigant)
        .post(
            "/api/v1/service/records",
            {"case_id": case.pk, "party_id": _plaintiff(case).pk, "title": "x", "text": "y"},
            content_type="application/json",
        )
        .status_code
        == 403
    )
    assert ServiceRecord.objects.count() == 1


def test_panel_serve_via_htmx_form(world, case):
    c = _client(world.clerk)
    r = c.post(
        f"/service/cases/{case.pk}/panel/",
        {
            "action": "confirm",
            "party_id": _plaintiff(case).pk,
            "channel": "PORTAL",
            "consent_basis": "EXPRESS",
            "confirmed_method": "PHONE",
        },
    )
    assert "已确认电子送达地址" in r.content.decode()
    r = c.post(
        f"/service/cases/{case.pk}/panel/",
        {"action": "serve", "party_id": _plaintiff(case).pk, "title": "", "text": "x"},
    )
    assert "请填写文书名称" in r.content.decode()
    r = c.post(
        f"/service/cases/{case.pk}/panel/",
        {"action": "serve", "party_id": _plaintiff(case).pk, "title": "传票", "text": "x"},
    )
    assert "《传票》：已送达" in r.content.decode()


def test_case_page_shows_service_and_payment_panels(world, case):
    for user in (world.clerk, world.litigant):
        page = _client(user).get(f"/cases/{case.pk}/").content.decode()
        assert f"/service/cases/{case.pk}/panel/" in page
        assert f"/payments/cases/{case.pk}/panel/" in page
    nav = _client(world.litigant).get("/messages/").content.decode()
    assert "我的消息" in nav and "送达文书" in nav and "诉讼费" in nav
