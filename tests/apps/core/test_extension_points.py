"""The navigation and case-page panel registries that apps contribute to."""

from __future__ import annotations

import pytest
from django.test import override_settings

from smartcourt.apps.cases import panels
from smartcourt.apps.core import navigation
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db


@pytest.fixture
def clean_registries(monkeypatch):
    monkeypatch.setattr(navigation, "_ENTRIES", {})
    monkeypatch.setattr(panels, "_PANELS", {})


def test_nav_entries_follow_visibility_and_order(world, clean_registries):
    navigation.register_nav(
        navigation.NavEntry(key="b", label="乙", url_name="cases:search", visible=lambda u: True, order=20)
    )
    navigation.register_nav(
        navigation.NavEntry(
            key="a", label="甲", url_name="cases:my_cases", visible=lambda u: u.is_court_staff
        )
    )
    assert [label for label, _ in navigation.nav_entries_for(world.judge)] == ["乙", "甲"]
    assert [label for label, _ in navigation.nav_entries_for(world.litigant)] == ["乙"]
    assert navigation.nav_entries_for(None) == []


@override_settings(SECURE_SSL_REDIRECT=False)
def test_case_page_shows_applicable_panels_loaded_by_htmx(client, world, clean_registries):
    case = register_civil(world)
    panels.register_panel(
        panels.CasePanel(
            key="demo", title="示例面板", url_name="cases:detail", applies=lambda c, u: u.is_court_staff
        )
    )
    client.force_login(world.judge)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="panel-demo"' in page and f'hx-get="/cases/{case.pk}/"' in page and "示例面板" in page
    client.force_login(world.litigant)
    assert panels.panels_for(case=case, user=world.litigant) == []
