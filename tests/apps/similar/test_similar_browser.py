"""Journey: a judge on a phone-sized screen opens a criminal case, sees the similar judgments with reasons on
the case page, checks a draft sentence and gets the deviation warning."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import browser_page, pytest_runtest_makereport  # noqa: F401

from .conftest import THEFT_QUERY, Generated

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tq7#rW2m9!xL"


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("browser_page", [PHONE], indirect=True)
def test_judge_sees_similar_cases_and_deviation_warning(
    live_server: Any,
    world: Any,
    judgments: Generated,
    browser_page: Any,  # noqa: F811
) -> None:
    from tests.apps.factories import person, register_civil

    case = register_civil(
        world,
        case_type="刑初",
        cause_of_action="",
        charges=("盗窃",),
        claim_amount=None,
        summary=THEFT_QUERY,
        parties=(person("ACCUSED"),),
    )
    page = browser_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "judge")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.wait_for_selector("#similar-panel .similar-item", timeout=60_000)
    panel = page.inner_text("#similar-panel")
    assert "同罪名：盗窃罪" in panel and "指导/典型" in panel
    page.fill("#similar-panel input[name=draft]", "60")
    page.click("#similar-panel button:has-text('检查')")
    page.wait_for_selector("#similar-deviation :text('偏离预警')", timeout=60_000)
    assert "高于类案通常范围" in page.inner_text("#similar-deviation")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
