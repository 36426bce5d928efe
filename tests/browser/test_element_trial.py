"""Journey: the judge opens the element table of a 民间借贷 case on a phone-sized screen, marks the loan amount
as disputed with a reason, and sees the trial outline put it in focus."""

from __future__ import annotations

import pytest

from smartcourt.apps.element_trial import services
from smartcourt.apps.element_trial.models import ElementChange
from tests.apps.element_trial.conftest import ANSWER, COMPLAINT
from tests.apps.factories import make_world, register_civil

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tq7#rW2m9!xL"


@pytest.mark.parametrize("browser_page", [{"width": 390, "height": 844}], indirect=True)
def test_judge_marks_an_element_disputed_and_the_outline_follows(live_server, browser_page):
    world = make_world()
    case = register_civil(world)
    case.responsible_judge = world.judge
    case.department = world.judge.department
    case.save(update_fields=["responsible_judge", "department"])
    services.element_table_build(case=case, actor=world.judge, complaint=COMPLAINT, answer=ANSWER)
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.fill("input[name=username]", "judge")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('我的案件')")

    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.wait_for_selector("#panel-element_trial a:has-text('打开要素式审判')")
    page.click("#panel-element_trial a:has-text('打开要素式审判')")
    page.wait_for_selector("h1:has-text('要素式审判')")
    focus = page.locator("#outline ol.focus > li")
    assert [focus.nth(i).get_attribute("data-key") for i in range(focus.count())] == ["rate", "repayment"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    row = page.locator("#row-amount")
    row.locator("form.toggle input[name=reason]").fill("被告庭前提交还款凭证，借款金额存疑")
    row.locator("form.toggle button").click()
    page.wait_for_selector(".flash-success")
    assert page.locator("#row-amount").get_attribute("data-status") == "disputed"
    focus = page.locator("#outline ol.focus > li")
    assert [focus.nth(i).get_attribute("data-key") for i in range(focus.count())] == [
        "amount",
        "rate",
        "repayment",
    ]
    assert "借款金额" in page.inner_text("#outline")
    assert "借款金额存疑" in page.inner_text("#changes")
    assert ElementChange.objects.get().actor == world.judge
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
