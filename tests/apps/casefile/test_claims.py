"""One worker at a time recognises a material: a second worker given the same material skips it, a claim
left by a dead worker times out, and a worker whose claim was taken over writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from smartcourt.apps.casefile import services
from smartcourt.apps.casefile.models import Material, MaterialSource, MaterialStatus
from tests.apps.casefile.conftest import StubRecognizer, png

pytestmark = pytest.mark.django_db


def _pending(world, case, seed: int) -> Material:
    return services.material_ingest(
        case=case, data=png(seed=seed), filename="回证.png", source=MaterialSource.SCAN, actor=world.clerk
    )


def test_a_material_another_worker_holds_is_skipped(world, case, recognizer: StubRecognizer) -> None:
    material = _pending(world, case, 21)
    Material.objects.filter(pk=material.pk).update(claimed_at=timezone.now() - timedelta(minutes=1))
    assert services.material_process(material_id=material.pk) == "skipped"
    material.refresh_from_db()
    assert material.status == MaterialStatus.PENDING and recognizer.calls == 0


def test_a_dead_workers_claim_times_out(world, case, recognizer: StubRecognizer) -> None:
    material = _pending(world, case, 22)
    stale = timezone.now() - services.CLAIM_TIMEOUT - timedelta(seconds=1)
    Material.objects.filter(pk=material.pk).update(claimed_at=stale)
    recognizer.pages = [["送达回证", "受送达人：某某", "签收"]]
    assert services.material_process(material_id=material.pk) == "ready"
    material.refresh_from_db()
    assert material.status == MaterialStatus.READY and material.claimed_at > stale


@pytest.mark.parametrize("fail", [False, True], ids=["ready", "failed"])
def test_a_worker_overtaken_writes_nothing(world, case, recognizer: StubRecognizer, fail: bool) -> None:
    material = _pending(world, case, 23)
    original = recognizer.recognize

    def overtaken(image):  # another worker takes the material over while this one recognises it
        Material.objects.filter(pk=material.pk).update(claimed_at=timezone.now() + timedelta(seconds=5))
        if fail:
            raise RuntimeError("model crashed")
        return original(image)

    recognizer.recognize = overtaken  # type: ignore[method-assign]
    recognizer.pages = [["送达回证", "受送达人：某某", "签收"]]
    assert services.material_process(material_id=material.pk) == "skipped"
    material.refresh_from_db()
    assert material.status == MaterialStatus.PENDING and material.failure_reason == ""
    assert not any(page.text for page in material.pages.all())


def test_reprocess_releases_the_claim(world, case, recognizer: StubRecognizer) -> None:
    recognizer.fail = RuntimeError("down")
    material = _pending(world, case, 24)
    assert services.material_process(material_id=material.pk) == "failed"
    recognizer.fail = None
    material.refresh_from_db()
    services.material_reprocess(material=material, actor=world.clerk)
    material.refresh_from_db()
    assert material.claimed_at is None and material.status == MaterialStatus.PENDING
