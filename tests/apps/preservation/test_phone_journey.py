"""Preservation on a phone (390×844) through the real pages: the litigant gets an electronic guarantee letter from
the insurer simulator, applies with it, the judge accepts (letter re-verified, hash on the ledger) and grants;
no horizontal scroll on any page."""

from __future__ import annotations

import pytest

from smartcourt.apps.cases.models import Party
from smartcourt.apps.preservation.models import PreservationApplication, PreservationStatus
from tests.apps.factories import make_world, register_civil
from tests.browser.conftest import browser_page  # noqa: F401  (the fixture)
from tests.browser.test_online_filing import PASSWORD, PHONE, _fits, _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browser_page", [PHONE], indirect=True)
def test_preservation_with_an_electronic_letter_on_a_phone(live_server, browser_page):  # noqa: F811
    world = make_world()
    case = register_civil(world, procedure="ORDINARY", claim_amount="300000")
    plaintiff = case.parties.get(role="PLAINTIFF")
    defendant = case.parties.get(role="DEFENDANT")
    Party.objects.filter(pk=plaintiff.pk).update(user=world.litigant)
    page, url = browser_page, live_server.url

    _login(page, url, "litigant", PASSWORD)
    page.goto(f"{url}/preservation/insurer-sandbox/")
    _fits(page)
    page.fill("input[name=applicant]", plaintiff.name)
    page.fill("input[name=respondent]", defendant.name)
    page.fill("input[name=court]", case.court.name)
    page.fill("input[name=amount]", "90000")
    page.click("form.card button[type=submit]")
    letter = page.input_value("#letter-json")
    assert '"signature"' in letter
    _fits(page)

    page.goto(f"{url}/preservation/new/")
    _fits(page)
    page.select_option("select[name=stage]", "IN_LITIGATION")
    page.select_option("select[name=case_id]", str(case.pk))
    page.fill("input[name=applicant_name]", plaintiff.name)
    page.fill("input[name=respondent_name]", defendant.name)
    page.fill("textarea[name=reason]", "被申请人可能转移财产")
    page.locator("input[name=p_desc]").first.fill("被申请人银行存款")
    page.locator("input[name=p_amount]").first.fill("300000")
    page.select_option("select[name=guarantee_kind]", "ELECTRONIC")
    page.fill("textarea[name=guarantee_letter]", letter)
    page.click("form.card button[type=submit]")
    page.wait_for_selector("#app-status, #form-error")
    assert page.locator("#form-error").count() == 0, page.inner_text("#form-error")
    assert page.inner_text("#app-status") == "已提交"
    _fits(page)
    app = PreservationApplication.objects.get()

    page.context.clear_cookies()
    _login(page, url, "judge", PASSWORD)
    page.goto(f"{url}/preservation/{app.number}/")
    page.click("button:has-text('受理')")
    page.wait_for_selector("#app-status")
    assert page.inner_text("#app-status") == "已受理"
    assert "sha256:" in page.content()
    page.click("button:has-text('裁定准予保全')")
    page.wait_for_selector("#app-status")
    assert page.inner_text("#app-status") == "裁定准予保全"
    _fits(page)
    app.refresh_from_db()
    assert app.status == PreservationStatus.GRANTED and app.fee_amount > 0 and app.fee_order_number
