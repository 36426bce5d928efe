import pytest

from smartcourt.apps.evidence.services import RecordInput


@pytest.fixture
def record():
    def make(n: int = 0, kind: str = "SIGNATURE") -> RecordInput:
        return RecordInput(
            kind=kind, content_hash="sha256:" + f"{n:064x}", metadata={"title": f"裁定书签章{n}"}
        )

    return make
