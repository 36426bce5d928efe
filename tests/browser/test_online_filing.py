"""Journey on a phone: a litigant registers with real-name verification, files online with an upload; the
filing officer asks for a correction; the litigant corrects; the officer accepts and the case gets its number.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from smartcourt.apps.filing.models import Filing, FilingStatus
from smartcourt.engines.validation import make_credit_code, make_id_number
from tests.apps.factories import make_world
from tests.apps.filing.conftest import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tq7#rW2m9!xL"
NEW_PASSWORD = "Vb4#kP8s2!qZ"
PHONE = {"width": 390, "height": 844}


def _login(page, url: str, username: str, password: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def _logout(page) -> None:
    page.click("header button:has-text('退出')")
    page.wait_for_selector("input[name=username]")


def _fits(page) -> None:
    """No horizontal scroll at phone width, measured once the page a click led to has loaded."""
    page.wait_for_load_state("load")
    page.wait_for_function("document.documentElement !== null")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("browser_page", [PHONE], indirect=True)
def test_litigant_files_online_officer_asks_correction_then_accepts(live_server, browser_page):
    make_world()
    rng = random.Random(11)
    my_id = make_id_number(rng, area_code="330102", birth_date=date(1990, 2, 3))
    page = browser_page
    url = live_server.url

    # 1. Real-name registration
    page.goto(f"{url}/accounts/register/")
    page.select_option("select[name=role]", "LITIGANT")
    page.fill("input[name=username]", "newlitigant")
    page.fill("input[name=full_name]", "测试起诉人")
    page.fill("input[name=id_number]", my_id)
    page.fill("input[name=phone]", "13912345678")
    page.fill("input[name=password]", NEW_PASSWORD)
    page.fill("input[name=password2]", NEW_PASSWORD)
    page.click("#submit-register-account")
    page.wait_for_selector("h1:has-text('网上立案')")
    assert "已实名认证" in page.inner_text("main")
    _fits(page)

    # 2. Guided filing, step by step
    page.select_option("select[name=kind]", "CIVIL_FIRST")
    page.click("#new-filing")
    page.wait_for_selector("h1:has-text('案件信息')")
    page.select_option("select[name=court_id]", label="杭州市上城区人民法院")
    page.fill("input[name=cause_of_action]", "民间借贷纠纷")
    page.click("#next-step")
    page.wait_for_selector("h1:has-text('当事人')")
    page.fill("input[name=party-0-name]", "测试起诉人")
    page.fill("input[name=party-0-id_number]", my_id)
    page.fill("input[name=party-0-address]", "浙江省杭州市上城区示范路1号")
    page.fill("input[name=party-0-phone]", "13912345678")
    page.select_option("select[name=party-1-kind]", "LEGAL_PERSON")
    page.fill("input[name=party-1-name]", "杭州示范贸易有限公司")
    page.select_option("select[name=party-1-id_type]", "CREDIT_CODE")
    page.fill("input[name=party-1-id_number]", make_credit_code(rng, area_code="330102"))
    page.fill("input[name=party-1-address]", "浙江省杭州市上城区示范路2号")
    page.click("#next-step")
    page.wait_for_selector("h1:has-text('诉讼请求')")
    page.click("#next-step")  # nothing typed yet: the errors show, the draft stays
    page.wait_for_selector(".error:has-text('事实与理由')")
    page.fill("textarea[name=claim-0-text]", "判令被告归还借款本金")
    page.fill("input[name=claim-0-amount]", "80000")
    page.fill("textarea[name=facts_and_reasons]", "被告向原告借款，到期未还。")
    page.click("#next-step")
    page.wait_for_selector("h1:has-text('证据清单')")
    page.fill("input[name=evidence-0-name]", "借条")
    page.click("#next-step")
    page.wait_for_selector("h1:has-text('上传材料')")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "起诉状.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}],
    )
    page.click("#upload-button")
    page.wait_for_selector("text=已通过格式与安全检查")
    _fits(page)
    page.click("#next-step")
    page.wait_for_selector("#submit-filing")
    page.click("#submit-filing")
    page.wait_for_selector("#filing-status:has-text('待审查')")
    filing = Filing.objects.get()
    assert filing.status == FilingStatus.SUBMITTED
    _logout(page)

    # 3. The filing officer asks for a correction, once, with the full list
    _login(page, url, "filer", PASSWORD)
    page.goto(f"{url}/filing/review/")
    page.click(f"a:has-text('{filing.reference}')")
    page.wait_for_selector("#flags")
    page.fill("#correction-items", "补充借条照片\n写明借款日期")
    page.click("#request-correction")
    page.wait_for_selector("#filing-status:has-text('待补正')")
    _logout(page)

    # 4. The litigant corrects and submits again
    _login(page, url, "newlitigant", NEW_PASSWORD)
    page.goto(f"{url}/filing/{filing.pk}/")
    assert "补充借条照片" in page.inner_text("main")
    page.click("#edit-filing")
    page.wait_for_selector("h1:has-text('案件信息')")
    page.goto(f"{url}/filing/{filing.pk}/step/claims/")
    page.fill("textarea[name=facts_and_reasons]", "被告于2025年3月1日向原告借款，到期未还。")
    page.click("#next-step")
    page.wait_for_selector("h1:has-text('证据清单')")
    page.goto(f"{url}/filing/{filing.pk}/step/uploads/")
    page.set_input_files(
        "input[name=file]", files=[{"name": "借条.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.select_option("select[name=category]", "EVIDENCE")
    page.click("#upload-button")
    page.wait_for_selector("text=借条.pdf")
    page.goto(f"{url}/filing/{filing.pk}/step/submit/")
    page.click("#submit-filing")
    page.wait_for_selector("#filing-status:has-text('待审查')")
    _logout(page)

    # 5. The officer accepts: the case is registered with its number and the fee is noticed
    _login(page, url, "filer", PASSWORD)
    page.goto(f"{url}/filing/{filing.pk}/")
    page.select_option("select[name=procedure]", "SIMPLE")
    page.click("#accept-filing")
    page.wait_for_selector("#case-number")
    filing.refresh_from_db()
    assert filing.status == FilingStatus.ACCEPTED
    assert filing.case.case_number in page.inner_text("#case-number")
    assert "900.00" in page.inner_text("#fee-notice")
    _fits(page)
    _logout(page)

    # 6. The litigant sees the status
    _login(page, url, "newlitigant", NEW_PASSWORD)
    page.goto(f"{url}/filing/")
    assert filing.case.case_number in page.inner_text("main")
