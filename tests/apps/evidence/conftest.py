import pytest

from smartcourt.apps.evidence.services import RecordInput


@pytest.fixture
def record():
    def make(n: int = 0, kind: str = "SIGNATURE") -> RecordInput:
        return RecordInput(
            kind=kind, content_hash="sha256:" + f"{n:064x}", metadata={"title": f"裁定书签章{n}"}
        )

    return make


@pytest.fixture
def tamper_node():
    """Overwrite the stored hash of interior node ``(level, index)`` of a ledger, inside its tile."""
    from smartcourt.apps.evidence.models import TreeTile
    from smartcourt.apps.evidence.storage import tile_of

    def tamper(ledger, level: int, index: int, new: bytes = bytes(32)) -> None:
        t, i, pos = tile_of(level, index)
        tile = TreeTile.objects.get(ledger=ledger, level=t, index=i)
        blob = bytearray(tile.hashes)
        assert len(blob) >= (pos + 1) * 32
        blob[pos * 32 : (pos + 1) * 32] = new
        TreeTile.objects.filter(pk=tile.pk).update(hashes=bytes(blob))

    return tamper
