"""Journey: a judge on a phone-sized screen opens a criminal case, sees the similar judgments with reasons on
the case page, checks a draft sentence and gets the deviation warning."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import THEFT_QUERY, Generated

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "Tq7#rW2m9!xL"
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


@pytest.fixture
def phone() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium (/usr/bin/chromium) is not installed")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
        yield page
        ARTIFACTS.mkdir(exist_ok=True)
        panel = page.locator("#similar-panel")
        if panel.count():
            panel.screenshot(path=str(ARTIFACTS / "similar_panel_phone.png"))
        browser.close()


def test_judge_sees_similar_cases_and_deviation_warning(
    live_server: Any, world: Any, judgments: Generated, phone: Any
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
    page = phone
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
