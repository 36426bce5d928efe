"""The main menu: a row of links on a desktop; on a phone hidden behind a 菜单 button (no script) that opens it
as a two-column grid, and no horizontal scroll either way."""

from __future__ import annotations

import pytest

from tests.apps.factories import make_world
from tests.browser.test_online_filing import PASSWORD, PHONE, _fits, _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browser_page", [PHONE], indirect=True)
def test_phone_menu_opens_from_its_button(live_server, browser_page):
    make_world()
    page = browser_page
    _login(page, live_server.url, "judge", PASSWORD)
    nav = page.locator("#main-nav")
    assert not nav.is_visible()
    _fits(page)
    page.click("label.nav-button")
    assert nav.is_visible()
    links = nav.locator("a")
    assert links.count() >= 3
    first, second = links.nth(0).bounding_box(), links.nth(1).bounding_box()
    assert first and second and abs(first["y"] - second["y"]) < 2  # two columns side by side
    _fits(page)
    page.click("label.nav-button")
    assert not nav.is_visible()


def test_desktop_menu_is_always_shown(live_server, browser_page):
    make_world()
    page = browser_page
    _login(page, live_server.url, "judge", PASSWORD)
    assert page.locator("#main-nav").is_visible()
    assert not page.locator("label.nav-button").is_visible()
