"""Journey: a filing officer logs in on a phone-sized screen, registers a civil case, and sees its number."""

from __future__ import annotations

import random

import pytest

from smartcourt.apps.cases.models import Case
from smartcourt.engines.validation import make_id_number
from tests.apps.factories import make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tq7#rW2m9!xL"


@pytest.mark.parametrize("browser_page", [{"width": 390, "height": 844}], indirect=True)
def test_filing_officer_registers_a_case(live_server, browser_page):
    make_world()
    rng = random.Random(5)
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.fill("input[name=username]", "filer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('我的案件')")

    page.click("a.button:has-text('立案')")
    page.select_option("select[name=case_type]", "民初")
    page.select_option("select[name=procedure]", "SIMPLE")
    page.fill("input[name=cause_of_action]", "民间借贷纠纷")
    page.fill("input[name=claim_amount]", "80000")
    for index, (role, name) in enumerate([("PLAINTIFF", "原告测试甲"), ("DEFENDANT", "被告测试乙")]):
        page.select_option(f"select[name=parties-{index}-role]", role)
        page.fill(f"input[name=parties-{index}-name]", name)
        page.select_option(f"select[name=parties-{index}-id_type]", "RESIDENT_ID")
        page.fill(f"input[name=parties-{index}-id_number]", make_id_number(rng, area_code="330102"))
    # First a wrong ID number: the page names the rule, nothing is saved.
    page.fill("input[name=parties-1-id_number]", "330102199001011230")
    page.click("#submit-register")
    page.wait_for_selector(".flash-error")
    assert "校验" in page.inner_text(".flash-error")
    assert Case.objects.count() == 0

    page.fill("input[name=parties-1-id_number]", make_id_number(rng, area_code="330102"))
    page.click("#submit-register")
    page.wait_for_selector(".flash-success")
    case = Case.objects.get()
    assert page.inner_text("h1") == case.case_number
    assert case.case_number.endswith("浙0102民初1号")
    assert "原告测试甲诉被告测试乙民间借贷纠纷" in page.inner_text("main")
    # The phone layout fits the screen: nothing wider than the viewport.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
