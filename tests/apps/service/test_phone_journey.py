"""Journey on a phone-sized screen: the litigant pays the acceptance fee in the sandbox and gets the receipt;
the court serves a document; the litigant opens it from 我的消息, which completes service and records the
read receipt; the proof's ledger receipt verifies."""

from __future__ import annotations

import pytest

from smartcourt.apps.cases.models import Party
from smartcourt.apps.evidence.selectors import receipt_verify
from smartcourt.apps.payments.models import OrderStatus, PaymentOrder
from smartcourt.apps.payments.services import payment_order_create
from smartcourt.apps.service.models import ReadReceipt, ServiceRecord, ServiceStatus
from smartcourt.apps.service.services import document_serve
from tests.apps.factories import make_world, register_civil
from tests.browser.conftest import browser_page, pytest_runtest_makereport  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tq7#rW2m9!xL"
WIDTH = 390


@pytest.mark.parametrize("browser_page", [{"width": WIDTH, "height": 844}], indirect=True)
def test_litigant_pays_and_reads_a_served_document(live_server, browser_page):  # noqa: F811
    world = make_world()
    case = register_civil(world, claim_amount="100000")
    Party.objects.filter(case=case, role="PLAINTIFF").update(user=world.litigant)
    order = payment_order_create(case=case, actor=world.filer)
    page = browser_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "litigant")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1")

    page.goto(f"{live_server.url}/payments/")
    page.click(f"a:has-text('{order.order_number}')")
    page.wait_for_selector("#pay-button")  # the order page has loaded
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    page.click("#pay-button")
    page.click("#sandbox-pay")
    page.wait_for_selector("#receipt-number")
    order = PaymentOrder.objects.get()
    assert order.status == OrderStatus.PAID
    assert page.inner_text("#receipt-number") == order.receipt.receipt_number
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH

    record = document_serve(
        case=case,
        party=case.parties.get(role="PLAINTIFF"),
        actor=world.clerk,
        title="应诉通知书",
        text="请按时应诉。",
    )
    assert record.status == ServiceStatus.AWAITING_ACK
    page.goto(f"{live_server.url}/messages/")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    page.locator("tr:has-text('电子送达') button").first.click()
    page.wait_for_selector("#service-status")
    assert page.inner_text("#service-status") == "已送达"
    record = ServiceRecord.objects.get()
    assert record.served_at == record.first_read_at
    assert ReadReceipt.objects.get().reader == world.litigant
    assert receipt_verify(receipt_text=record.ledger_receipt, data=record.proof.read()).verified is True
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
