"""The complete journey of the online litigation services on a phone (390×844), through the real pages:

register a litigant account with real-name verification → file online with an upload → the filing officer
asks for a correction → the litigant corrects → the officer accepts (case number, fee notice, payment order)
→ the litigant pays in the sandbox and gets the receipt → the clerk confirms the electronic service address and
serves a document from the case page → the litigant opens it, which records the read receipt (checked in the
database) → the litigant reviews the case file online (网上阅卷), the page image carrying the watermark, the
view in the review log.

Steps 1–6 are the online-filing journey of ``test_online_filing`` run as is; the rest continues from its state.
No horizontal scroll at 390 px on any page of the journey.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from smartcourt.apps.accounts.models import User
from smartcourt.apps.casefile.services import material_ingest
from smartcourt.apps.file_review.models import ReviewLog
from smartcourt.apps.filing.models import Filing, FilingStatus
from smartcourt.apps.payments.models import OrderStatus, PaymentOrder
from smartcourt.apps.service.models import ReadReceipt, ServiceRecord, ServiceStatus
from tests.browser.test_online_filing import (
    NEW_PASSWORD,
    PASSWORD,
    PHONE,
    _fits,
    _login,
)
from tests.browser.test_online_filing import (
    test_litigant_files_online_officer_asks_correction_then_accepts as online_filing_journey,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _switch(page, url: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    _login(page, url, username, password)


@pytest.mark.parametrize("browser_page", [PHONE], indirect=True)
def test_complete_litigant_journey_on_a_phone(live_server, browser_page):
    page = browser_page
    url = live_server.url

    # 1–6. Register, file with an upload, correction asked and made, accepted (make_world runs inside)
    online_filing_journey(live_server, page)
    filing = Filing.objects.select_related("case").get()
    assert filing.status == FilingStatus.ACCEPTED
    case = filing.case
    litigant = User.objects.get(username="newlitigant")
    plaintiff = case.parties.get(user=litigant)

    # 7. The litigant pays the acceptance fee in the sandbox and gets the receipt
    order = PaymentOrder.objects.get(case=case)
    assert order.status == OrderStatus.PENDING
    _switch(page, url, "newlitigant", NEW_PASSWORD)
    page.goto(f"{url}/payments/")
    _fits(page)
    page.click(f"a:has-text('{order.order_number}')")
    _fits(page)
    page.click("#pay-button")
    page.click("#sandbox-pay")
    page.wait_for_selector("#receipt-number")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert page.inner_text("#receipt-number") == order.receipt.receipt_number
    _fits(page)

    # 8. The clerk confirms the party's electronic service address and serves a document from the case page
    _switch(page, url, "clerk", PASSWORD)
    page.goto(f"{url}/cases/{case.pk}/")
    confirm = page.locator("#panel-service form:has(input[name=action][value=confirm])")
    confirm.locator("select[name=party_id]").select_option(str(plaintiff.pk))
    confirm.locator("select[name=channel]").select_option("PORTAL")
    confirm.locator("button[type=submit]").click()
    page.wait_for_selector("#panel-service :text('已确认电子送达地址')")
    serve = page.locator("#panel-service form:has(input[name=action][value=serve])")
    serve.locator("select[name=party_id]").select_option(str(plaintiff.pk))
    serve.locator("input[name=title]").fill("应诉通知书")
    serve.locator("textarea[name=text]").fill("请按时参加诉讼。")
    serve.locator("button[type=submit]").click()
    page.wait_for_selector("#panel-service :text('《应诉通知书》')")
    record = ServiceRecord.objects.get(case=case)
    # the address was confirmed, so service is complete when the document reaches the platform (第三十一条)
    assert record.status == ServiceStatus.SERVED and record.served_at is not None
    assert record.first_read_at is None and not ReadReceipt.objects.filter(record=record).exists()
    _fits(page)

    # 9. The litigant opens the served document: service completes and the read receipt is recorded
    _switch(page, url, "newlitigant", NEW_PASSWORD)
    page.goto(f"{url}/service/")
    _fits(page)
    page.click("a:has-text('应诉通知书')")
    page.wait_for_selector("#service-status")
    assert page.inner_text("#service-status") == "已送达"
    record.refresh_from_db()
    assert record.status == ServiceStatus.SERVED
    assert record.first_read_at is not None
    receipt = ReadReceipt.objects.get(record=record)
    assert receipt.reader == litigant
    _fits(page)

    # 10. The court puts a material in the 正卷; the litigant reviews it online with the watermark burnt in
    clerk = User.objects.get(username="clerk")
    assert case.file_materials.filter(source="PORTAL").exists()  # the filing's upload came in on acceptance
    material = material_ingest(
        case=case,
        data=_notice_pdf(),
        filename="受理通知书.pdf",
        source="GENERATED",
        actor=clerk,
        title="受理通知书",
    )
    page.goto(f"{url}/file-review/")
    _fits(page)
    page.click(f"a:has-text('{case.case_number}')")
    page.click("a:has-text('受理通知书')")
    page.wait_for_selector("#review-page")
    page.wait_for_function("document.querySelector('#review-page').naturalWidth > 0")
    _fits(page)
    image = page.request.get(f"{url}/file-review/materials/{material.pk}/pages/1.png")
    pixels = np.asarray(Image.open(io.BytesIO(image.body())).convert("RGB"), dtype=np.int16)
    assert int(((pixels[..., 0] > pixels[..., 1] + 40) & (pixels[..., 0] > pixels[..., 2] + 40)).sum()) > 500
    logs = ReviewLog.objects.filter(case=case, viewer=litigant, material=material, page_number=1)
    assert logs.count() == 2  # the page in the reader, then the direct fetch
    assert "测试起诉人" in logs.first().watermark

    # 11. The case page shows the 网上阅卷 panel to the party; the clerk sees the review log in it
    page.goto(f"{url}/cases/{case.pk}/")
    page.wait_for_selector("#panel-file_review a:has-text('受理通知书')")
    _fits(page)
    _switch(page, url, "clerk", PASSWORD)
    page.goto(f"{url}/cases/{case.pk}/")
    page.wait_for_selector("#panel-file_review #review-log :text('当事人')")
    page.click("#review-log-link")
    page.wait_for_selector("#review-log")
    assert page.locator("#review-log tbody tr").count() == ReviewLog.objects.filter(case=case).count()


def _notice_pdf() -> bytes:
    """A court-made PDF, different from the litigant's upload (the case file refuses identical content)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
