"""Journey: a judge opens a criminal case of two accused and two charges, sees both on the case-page panel,
opens the sentencing page, picks the second accused's second charge, removes a circumstance with a reason
and sees that pair recomputed with the 数罪并罚 step of 刑法第六十九条."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import browser_page, pytest_runtest_makereport  # noqa: F401

from .conftest import MULTI_FACTS, register_multi

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tq7#rW2m9!xL"


def test_judge_assesses_each_accused_and_charge(live_server: Any, world: Any, browser_page: Any) -> None:  # noqa: F811
    from smartcourt.apps.criminal import services
    from smartcourt.apps.criminal.models import SentencingOverride

    case = register_multi(world)
    services.sentencing_facts_save(case=case, actor=world.judge, facts=MULTI_FACTS)
    page = browser_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "judge")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.wait_for_selector("table[aria-label='各被告人量刑汇总']", timeout=60_000)
    overview = page.inner_text("table[aria-label='各被告人量刑汇总']")
    assert "乙某" in overview and overview.count("数罪并罚（刑法第六十九条）") == 2
    page.click("text=打开量刑辅助与证据指引")
    page.click("nav.pairs >> text=乙某·诈骗")
    assert "被告人乙某 · 诈骗罪" in page.inner_text("#circumstances h2")
    form = page.locator("form:has(input[name=target][value=CIRCUMSTANCE])")
    form.locator("select[name=name]").select_option("surrender")
    form.locator("select[name=action]").select_option("REMOVE")
    form.locator("input[name=reason]").fill("系被抓获归案，不构成自首")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=修正已记录", timeout=60_000)
    assert "被告人乙某 · 诈骗罪" in page.inner_text("#steps h2")
    assert "数罪并罚：被告人乙某（刑法第六十九条）" in page.inner_text("#steps")
    record = SentencingOverride.objects.get()
    assert (record.charge_assessment.accused.name, record.charge_assessment.charge_index) == ("乙某", 1)
