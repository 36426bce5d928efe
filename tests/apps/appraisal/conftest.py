import pytest

from smartcourt.apps.cases.models import Case, Party
from tests.apps.factories import World, register_civil


@pytest.fixture
def case(world: World) -> Case:
    """A 民初 case whose plaintiff is the world's litigant (all names generated)."""
    c = register_civil(world, procedure="ORDINARY", claim_amount="2000000")
    Party.objects.filter(pk=c.parties.get(role="PLAINTIFF").pk).update(user=world.litigant)
    return c


@pytest.fixture(autouse=True)
def sends_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from smartcourt.apps.notifications import services

    monkeypatch.setattr(services, "after_commit", lambda fn: fn())
