"""Service tests: the shared loopback gateway and immediate sending, and a case whose plaintiff has a portal
account."""

import pytest

from tests.apps.messaging_fixtures import Gateway, gateway, sends_at_once

__all__ = ["Gateway", "gateway", "sends_at_once"]


@pytest.fixture
def case(world):
    """A 民初 case: the plaintiff is the world's litigant (with a portal account), the defendant has none."""
    from smartcourt.apps.cases.models import Party
    from tests.apps.factories import register_civil

    c = register_civil(world)
    Party.objects.filter(case=c, role="PLAINTIFF").update(user=world.litigant)
    return c
