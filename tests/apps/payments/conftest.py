import pytest

from smartcourt.apps.cases.models import Case, Party
from tests.apps.factories import World, register_civil


@pytest.fixture
def case(world: World) -> Case:
    """A 民初 case (ordinary procedure, claim 100,000 yuan) whose plaintiff is the world's litigant."""
    c = register_civil(world, procedure="ORDINARY", claim_amount="100000")
    plaintiff = c.parties.get(role="PLAINTIFF")
    Party.objects.filter(pk=plaintiff.pk).update(user=world.litigant)
    return c


@pytest.fixture(autouse=True)
def sends_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notifications queued "after commit" go out at once (a test's transaction never commits)."""
    from smartcourt.apps.notifications import services

    monkeypatch.setattr(services, "after_commit", lambda fn: fn())
