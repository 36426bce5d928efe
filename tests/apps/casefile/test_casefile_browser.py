"""Journey: a judge on a phone-sized screen opens the 电子卷宗 panel of a case, reads the file page by page
with the keyboard (j/k), and searches inside it."""

from __future__ import annotations

from typing import Any

import pytest

from smartcourt.apps.casefile import services
from smartcourt.apps.casefile.models import MaterialSource
from tests.apps.casefile.conftest import docx_bytes
from tests.browser.conftest import browser_page, pytest_runtest_makereport  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tq7#rW2m9!xL"


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("browser_page", [PHONE], indirect=True)
def test_judge_reads_the_file_with_the_keyboard(
    live_server: Any,
    world: Any,
    case: Any,
    browser_page: Any,  # noqa: F811
) -> None:
    plaintiff = case.parties.get(role="PLAINTIFF").name
    for name, paragraphs in (
        ("起诉状.docx", ["民事起诉状", f"原告：{plaintiff}", "诉讼请求：偿还借款。", f"具状人：{plaintiff}"]),
        ("审理报告.docx", ["审理报告", "经审理查明，借款属实。"]),
    ):
        services.material_ingest(
            case=case,
            data=docx_bytes(paragraphs),
            filename=name,
            source=MaterialSource.GENERATED,
            actor=world.clerk,
        )
    page = browser_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "judge")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.wait_for_selector("#panel-casefile a:has-text('打开电子卷宗')", timeout=60_000)
    page.click("#panel-casefile a:has-text('打开电子卷宗')")
    page.wait_for_selector(".cf-text")
    assert "民事起诉状" in page.inner_text(".cf-text")
    # viewer.js (deferred) listens for the keys only once the page has loaded
    page.wait_for_load_state("load")
    page.keyboard.press("j")
    page.wait_for_function("document.querySelector('.cf-text').innerText.includes('审理报告')")
    page.wait_for_load_state("load")
    page.keyboard.press("k")
    page.wait_for_function("document.querySelector('.cf-text').innerText.includes('民事起诉状')")
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    page.keyboard.type("借款属实")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=检索“借款属实”：1 页")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
