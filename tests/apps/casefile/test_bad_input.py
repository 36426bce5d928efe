"""Bad input: a clear Chinese error per file, the rest of the batch goes on, nothing half-saved, and a
failing recognition marks the material failed without taking the worker down."""

from __future__ import annotations

import pytest

from smartcourt.apps.casefile import services
from smartcourt.apps.casefile.models import Material, MaterialSource, MaterialStatus, Page
from smartcourt.apps.core.errors import InvalidInputError
from tests.apps.casefile.conftest import StubRecognizer, docx_bytes, png, scan_pdf
from tests.engines.ocr.pages import png_header_only
from tests.engines.uploads import files

pytestmark = pytest.mark.django_db

BAD = [
    ("空.pdf", b"", "空"),
    ("损坏.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF", ""),
    ("加密.pdf", files.pdf(password="s3cret"), "加密"),
    ("巨幅.png", png_header_only(20_000, 20_000), ""),
    ("炸弹.png", png_header_only(60_000, 60_000), ""),
    ("宏.docx", files.rezip(files.document(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "宏"),
    ("改名.pdf", png(seed=9), "不一致"),
]


@pytest.mark.parametrize(("name", "data", "word"), BAD, ids=[b[0] for b in BAD])
def test_each_bad_file_has_a_clear_chinese_error(world, case, name: str, data: bytes, word: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        services.material_ingest(
            case=case, data=data, filename=name, source=MaterialSource.SCAN, actor=world.clerk
        )
    message = caught.value.message
    assert message.startswith(name) and any("\u4e00" <= ch <= "\u9fff" for ch in message[len(name) :])
    assert word in message
    assert caught.value.detail["filename"] == name
    assert not Material.objects.exists() and not Page.objects.exists()


def test_batch_goes_on_past_bad_files(world, case, recognizer: StubRecognizer, tasks) -> None:
    batch = [(name, data) for name, data, _ in BAD] + [
        ("好1.png", png(seed=1)),
        ("好2.pdf", scan_pdf(1, seed=2)),
        ("好3.docx", docx_bytes(["审理报告", "经审理查明……"])),
    ]
    with tasks:
        outcomes = services.material_ingest_batch(
            case=case, files=batch, source=MaterialSource.SCAN, actor=world.clerk
        )
    assert [o.ok for o in outcomes] == [False] * len(BAD) + [True, True, True]
    assert all(o.message for o in outcomes if not o.ok)
    assert Material.objects.filter(case=case, status=MaterialStatus.READY).count() == 3


def test_failing_recognition_marks_the_material_failed(
    world, case, recognizer: StubRecognizer, tasks
) -> None:
    recognizer.fail = RuntimeError("model crashed")
    with tasks:
        bad = services.material_ingest(
            case=case, data=png(seed=5), filename="扫描件.png", source=MaterialSource.SCAN, actor=world.clerk
        )
    bad.refresh_from_db()
    assert bad.status == MaterialStatus.FAILED and "文字识别失败" in bad.failure_reason
    recognizer.fail = None
    recognizer.pages = [["送达回证", "受送达人：某某", "签收"]]
    with tasks:
        good = services.material_ingest(
            case=case, data=png(seed=6), filename="回证.png", source=MaterialSource.SCAN, actor=world.clerk
        )
    good.refresh_from_db()
    assert good.status == MaterialStatus.READY and good.category == "proof_of_service"
    # a failed material can be recognised again
    recognizer.pages = [["询问笔录", "问：……", "答：……", "被询问人签名"]]
    with tasks:
        services.material_reprocess(material=bad, actor=world.clerk)
    bad.refresh_from_db()
    assert bad.status == MaterialStatus.READY and bad.category == "inquiry_record"


def test_file_vanishing_from_storage_marks_failed(world, case, recognizer) -> None:
    material = services.material_ingest(
        case=case, data=png(seed=7), filename="a.png", source=MaterialSource.SCAN, actor=world.clerk
    )
    material.file.storage.delete(material.file.name)
    assert services.material_process(material_id=material.pk) == "failed"
    material.refresh_from_db()
    assert material.status == MaterialStatus.FAILED and material.failure_reason


def test_reprocess_command_requeues_failed_materials(world, case, recognizer: StubRecognizer) -> None:
    from io import StringIO

    from django.core.management import call_command

    recognizer.fail = RuntimeError("down")
    material = services.material_ingest(
        case=case, data=png(seed=11), filename="a.png", source=MaterialSource.SCAN, actor=world.clerk
    )
    services.material_process(material_id=material.pk)
    material.refresh_from_db()
    assert material.status == MaterialStatus.FAILED
    recognizer.fail = None
    recognizer.pages = [["送达回证", "受送达人：某某", "签收"]]
    out = StringIO()
    call_command("casefile_reprocess", "--failed", stdout=out)
    material.refresh_from_db()
    assert "已排队 1 份材料" in out.getvalue() and material.status == MaterialStatus.READY
