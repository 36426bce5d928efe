"""The web pages: case-page panel, viewer, uploads, corrections, annotations, back-fill, compare, archive,
remote file requests."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from smartcourt.apps.casefile.models import Annotation, BackfillField, FileRequest, Material
from smartcourt.apps.cases.models import Case
from smartcourt.apps.cases.panels import panels_for
from tests.apps.casefile.conftest import StubRecognizer, docx_bytes, png
from tests.apps.factories import UserFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, case, tasks, *files: tuple[str, bytes]):
    with tasks:
        return client.post(
            reverse("casefile:upload", args=[case.pk]),
            {"source": "SCAN", "files": [SimpleUploadedFile(n, d) for n, d in files]},
            follow=True,
        )


def _complaint(case) -> bytes:
    name = case.parties.get(role="PLAINTIFF").name
    return docx_bytes(
        [
            "民事起诉状",
            f"原告：{name}，联系电话13912345678。",
            "诉讼请求：1.偿还借款50000元。",
            f"具状人：{name}",
        ]
    )


def test_panel_only_for_staff_of_the_court(world, case) -> None:
    assert "casefile" in [p["key"] for p in panels_for(case=case, user=world.judge)]
    for user in (world.litigant, world.other_judge):
        assert "casefile" not in [p["key"] for p in panels_for(case=case, user=user)]
    response = _client(world.judge).get(reverse("casefile:panel", args=[case.pk]))
    assert response.status_code == 200 and "打开电子卷宗" in response.content.decode()
    assert _client(world.litigant).get(reverse("casefile:panel", args=[case.pk])).status_code == 404


def test_upload_view_and_browse(world, case, recognizer: StubRecognizer, tasks) -> None:
    recognizer.pages = [["送达回证", "受送达人：某某", "签收"]]
    client = _client(world.clerk)
    response = _upload(
        client, case, tasks, ("起诉状.docx", _complaint(case)), ("空.pdf", b""), ("回证.png", png(seed=1))
    )
    text = response.content.decode()
    assert "起诉状.docx：已收入卷宗" in text and "空.pdf：" in text and "回证.png：已收入卷宗" in text
    assert Material.objects.filter(case=case).count() == 2
    complaint = Material.objects.get(category="complaint")
    page = complaint.pages.get()
    body = client.get(reverse("casefile:viewer", args=[case.pk]), {"page": page.pk}).content.decode()
    assert (
        "正卷" in body
        and "民事起诉状" in body
        and "casefile/viewer.js" in body
        and 'data-next="?page=' in body
    )
    thumb = client.get(reverse("casefile:thumbnail", args=[page.pk]))
    assert thumb["Content-Type"] == "image/png" and thumb.content.startswith(b"\x89PNG")
    other = Material.objects.get(category="proof_of_service").pages.get()
    image = client.get(reverse("casefile:page_image", args=[other.pk]))
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    found = client.get(reverse("casefile:viewer", args=[case.pk]), {"q": "偿还借款"}).content.decode()
    assert "检索“偿还借款”：1 页" in found
    original = client.get(reverse("casefile:original", args=[complaint.pk]))
    assert original.status_code == 200 and hashlib.sha256(original.content).hexdigest() == complaint.sha256
    assert _client(world.other_judge).get(reverse("casefile:viewer", args=[case.pk])).status_code == 404
    assert _client(world.litigant).get(reverse("casefile:thumbnail", args=[page.pk])).status_code == 404
    compare = client.get(
        reverse("casefile:compare", args=[case.pk]), {"a": complaint.pk, "b": other.material_id}
    )
    assert compare.status_code == 200 and "送达回证" in compare.content.decode()


def test_correct_annotate_backfill_views(world, case, tasks) -> None:
    client = _client(world.clerk)
    _upload(client, case, tasks, ("起诉状.docx", _complaint(case)))
    material = Material.objects.get()
    response = client.post(
        reverse("casefile:correct", args=[material.pk]),
        {"category": "evidence", "position": "", "reason": "更正"},
        follow=True,
    )
    assert "编目已更正" in response.content.decode()
    material.refresh_from_db()
    assert material.category == "evidence"
    response = client.post(
        reverse("casefile:correct", args=[material.pk]), {"category": "answer", "reason": ""}, follow=True
    )
    assert "请填写更正理由" in response.content.decode()
    page = material.pages.get()
    judge = _client(world.judge)
    judge.post(reverse("casefile:annotate", args=[page.pk]), {"text": "借款金额存疑甲"})
    assert Annotation.objects.get().author == world.judge
    assert (
        "借款金额存疑甲"
        in judge.get(reverse("casefile:viewer", args=[case.pk]), {"page": page.pk}).content.decode()
    )
    assert (
        "借款金额存疑甲"
        not in client.get(reverse("casefile:viewer", args=[case.pk]), {"page": page.pk}).content.decode()
    )
    # back-fill: the category is now evidence, so correct it back to a complaint to extract
    client.post(
        reverse("casefile:correct", args=[material.pk]), {"category": "complaint", "reason": "确为起诉状"}
    )
    phone = BackfillField.objects.get(field="phone")
    response = client.post(
        reverse("casefile:backfill_decide", args=[phone.pk]), {"decision": "accept"}, follow=True
    )
    assert "已采纳并写入案件信息" in response.content.decode()
    assert case.parties.get(role="PLAINTIFF").phone == "13912345678"


def test_archive_and_request_views(world, case, tasks) -> None:
    client = _client(world.clerk)
    _upload(client, case, tasks, ("起诉状.docx", _complaint(case)))
    response = client.post(
        reverse("casefile:archive_build", args=[case.pk]), {"retention": "永久"}, follow=True
    )
    assert "只有已结案的案件才能生成电子档案" in response.content.decode()
    Case.objects.filter(pk=case.pk).update(status="CLOSED", closed_on=date(2026, 11, 20))
    response = client.post(
        reverse("casefile:archive_build", args=[case.pk]), {"retention": "永久"}, follow=True
    )
    assert "电子档案已生成并存证" in response.content.decode()
    response = client.post(reverse("casefile:archive_check", args=[case.pk]), follow=True)
    assert "电子档案完整" in response.content.decode()
    high_judge = UserFactory(username="high_judge2", role="JUDGE", court=world.high)
    high = _client(high_judge)
    response = high.post(
        reverse("casefile:requests"), {"case_number": case.case_number, "reason": "二审"}, follow=True
    )
    assert "调卷申请已提交" in response.content.decode()
    request = FileRequest.objects.get()
    assert high.get(reverse("casefile:viewer", args=[case.pk])).status_code == 404
    assert "二审" in client.get(reverse("casefile:viewer", args=[case.pk])).content.decode()
    client.post(
        reverse("casefile:request_decide", args=[request.pk]),
        {"decision": "approve", "next": "https://evil.example/"},
    )
    body = high.get(reverse("casefile:viewer", args=[case.pk])).content.decode()
    assert "民事起诉状" in body and "收入材料" not in body  # reads, does not write
    assert "阅卷" in high.get(reverse("casefile:requests")).content.decode()
