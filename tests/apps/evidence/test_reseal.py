"""Re-sealing the ledger signer keys after a SECRET_KEY rotation: all logs or none, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from smartcourt.apps.evidence import services
from smartcourt.apps.evidence.keys import KeySealError, open_signer_key, seal_signer_key
from smartcourt.apps.evidence.models import Ledger
from smartcourt.engines.ledger import generate_signer_key, verify_receipt

pytestmark = pytest.mark.django_db

OLD, NEW = "old-secret-key-" + "x" * 40, "new-secret-key-" + "y" * 40


def _append(world, n: int) -> services.Appended:
    return services.evidence_file_record(
        actor=world.judge, files=[services.FileInput(name=f"{n}.txt", data=f"证据{n}".encode())]
    )[0]


@pytest.fixture
def rotated(world, settings, tmp_path):
    """Two logs created under OLD, then SECRET_KEY rotated to NEW (signers cached in-process forgotten)."""
    settings.SECRET_KEY = OLD
    _append(world, 0)
    services.ledger_ensure(court=None)
    settings.SECRET_KEY = NEW
    services._signers.clear()
    old_file = tmp_path / "old_secret_key"
    old_file.write_text(OLD + "\n")
    return old_file


def test_reseal_makes_every_log_sign_again_with_the_same_key(world, rotated):
    with pytest.raises(KeySealError):
        _append(world, 1)  # the rotated key cannot open the sealed signer: appends fail loudly

    out = StringIO()
    call_command("ledger", "reseal", "--old-secret-key-file", str(rotated), stdout=out)
    assert "已重新密封 2 个" in out.getvalue()
    for ledger in Ledger.objects.all():
        open_signer_key(ledger.signer_key_sealed, origin=ledger.origin)  # opens under NEW now
        with pytest.raises(KeySealError):
            open_signer_key(ledger.signer_key_sealed, origin=ledger.origin, secret_key=OLD)

    appended = _append(world, 2)
    ledger = Ledger.objects.get(court=world.court)
    verify_receipt(appended.receipt, verifier_key=ledger.verifier_key)  # the verifier key is unchanged

    out = StringIO()
    call_command("ledger", "reseal", "--old-secret-key-file", str(rotated), stdout=out)
    assert "已重新密封 0 个" in out.getvalue() and "2 个已是当前密钥" in out.getvalue()


def test_reseal_changes_nothing_when_one_key_cannot_be_opened(world, rotated, tmp_path):
    platform = Ledger.objects.get(court__isnull=True)  # sealed under a third key: opens with neither
    sealed = _sealed_under(
        "a-third-key",
        open_signer_key(platform.signer_key_sealed, origin=platform.origin, secret_key=OLD),
        platform.origin,
    )
    Ledger.objects.filter(pk=platform.pk).update(signer_key_sealed=sealed)
    before = {ledger.pk: bytes(ledger.signer_key_sealed) for ledger in Ledger.objects.all()}
    with pytest.raises(CommandError, match="都无法打开"):
        call_command("ledger", "reseal", "--old-secret-key-file", str(rotated), stdout=StringIO())
    assert {ledger.pk: bytes(ledger.signer_key_sealed) for ledger in Ledger.objects.all()} == before

    wrong = tmp_path / "wrong"
    wrong.write_text("")
    with pytest.raises(CommandError, match="是空的"):
        call_command("ledger", "reseal", "--old-secret-key-file", str(wrong), stdout=StringIO())
    with pytest.raises(CommandError, match="无法读取"):
        call_command("ledger", "reseal", "--old-secret-key-file", str(tmp_path / "none"))


def test_reseal_refuses_a_key_that_is_not_the_logs_own(world, rotated):
    ledger = Ledger.objects.get(court=world.court)
    other = generate_signer_key(ledger.origin)  # opens with OLD, but is not the log's key
    Ledger.objects.filter(pk=ledger.pk).update(signer_key_sealed=_sealed_under(OLD, other, ledger.origin))
    with pytest.raises(CommandError, match="与其验证公钥不符"):
        call_command("ledger", "reseal", "--old-secret-key-file", str(rotated), stdout=StringIO())


def _sealed_under(secret: str, signer_key: str, origin: str) -> bytes:
    with override_settings(SECRET_KEY=secret):
        return seal_signer_key(signer_key, origin=origin)
