"""Online file review: who may read what (正卷 only, own cases only), the watermark burnt into the served
PNG, the review log (every view), the staff-only log, the API and the pages."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from smartcourt.apps.accounts.models import RealNameProfile, VerificationStatus
from smartcourt.apps.core.errors import NotFoundError, NotPermittedError
from smartcourt.apps.file_review import selectors, services
from smartcourt.apps.file_review.models import ReviewAction, ReviewLog
from smartcourt.apps.file_review.watermark import apply_watermark
from tests.apps.file_review.conftest import make_file_case

pytestmark = pytest.mark.django_db


def _red_pixels(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = np.asarray(image, dtype=np.int16)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return int(((r > g + 40) & (r > b + 40)).sum())


# --- selectors -------------------------------------------------------------------------------------------


def test_party_and_counsel_see_only_main_volume(world, file_case):
    for viewer in (world.litigant, world.lawyer):
        case = selectors.review_case_get(viewer=viewer, case_id=file_case.case.pk)
        ids = [m.pk for m in selectors.reviewable_materials(case=case)]
        assert ids == [file_case.main.pk]
    assert selectors.capacity(case=file_case.case, viewer=world.litigant) == "当事人"
    assert selectors.capacity(case=file_case.case, viewer=world.lawyer) == "诉讼代理人"


def test_secondary_volume_is_never_served(world, file_case):
    with pytest.raises(NotFoundError):
        services.page_review(viewer=world.litigant, material_id=file_case.secondary.pk, number=1)
    assert not ReviewLog.objects.exists()


def test_other_case_and_strangers_get_404(world, file_case):
    with pytest.raises(NotFoundError):
        services.page_review(viewer=world.stranger, material_id=file_case.main.pk, number=1)
    with pytest.raises(NotFoundError):
        selectors.review_case_get(viewer=world.stranger, case_id=file_case.case.pk)
    # staff do not "review" through this door (they have the case file itself)
    with pytest.raises(NotFoundError):
        services.page_review(viewer=world.judge, material_id=file_case.main.pk, number=1)
    with pytest.raises(NotFoundError):
        services.page_review(viewer=world.litigant, material_id=file_case.main.pk, number=3)


# --- watermark and log -----------------------------------------------------------------------------------


def test_watermark_is_in_the_served_pixels_and_view_is_logged(world, file_case):
    RealNameProfile.objects.create(
        user=world.litigant,
        id_type="ID_CARD",
        id_number="330102199002031234",
        verification_status=VerificationStatus.VERIFIED,
    )
    world.litigant.refresh_from_db()
    reviewed = services.page_review(
        viewer=world.litigant, material_id=file_case.main.pk, number=2, ip_address="10.0.0.9"
    )
    assert reviewed.png.startswith(b"\x89PNG")
    assert _red_pixels(reviewed.png) > 500  # the original page is white and black only
    assert "330102********1234" in reviewed.watermark
    assert "330102199002031234" not in reviewed.watermark
    log = ReviewLog.objects.get()
    assert (log.viewer, log.material, log.page_number, log.action) == (
        world.litigant,
        file_case.main,
        2,
        ReviewAction.VIEW,
    )
    assert log.viewer_capacity == "当事人"
    assert log.ip_address == "10.0.0.9"
    assert log.watermark == reviewed.watermark


def test_watermark_without_real_name_uses_username(world, file_case):
    reviewed = services.page_review(viewer=world.lawyer, material_id=file_case.main.pk, number=1)
    assert "lawyer" in reviewed.watermark
    assert ReviewLog.objects.get().viewer_capacity == "诉讼代理人"


def test_every_view_is_a_row(world, file_case):
    for _ in range(3):
        services.page_review(viewer=world.litigant, material_id=file_case.main.pk, number=1)
    services.page_review(
        viewer=world.litigant, material_id=file_case.main.pk, number=1, action=ReviewAction.DOWNLOAD
    )
    assert ReviewLog.objects.filter(action=ReviewAction.VIEW).count() == 3
    assert ReviewLog.objects.filter(action=ReviewAction.DOWNLOAD).count() == 1


def test_apply_watermark_changes_pixels():
    page = Image.new("RGB", (600, 800), "white")
    marked = apply_watermark(page, "测试 user 2026-11-27 15:00:00")
    assert marked.width == page.width and marked.height > page.height
    assert _red_pixels(_png(marked)) > 1000


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


# --- log access ------------------------------------------------------------------------------------------


def test_review_log_is_for_staff_only(world, file_case):
    services.page_review(viewer=world.litigant, material_id=file_case.main.pk, number=1)
    assert selectors.review_log(viewer=world.clerk, case_id=file_case.case.pk).count() == 1
    assert selectors.review_log(viewer=world.judge, case_id=file_case.case.pk).count() == 1
    with pytest.raises(NotPermittedError):
        selectors.review_log(viewer=world.litigant, case_id=file_case.case.pk)
    with pytest.raises(NotFoundError):
        selectors.review_log(viewer=world.stranger, case_id=file_case.case.pk)
    with pytest.raises(NotFoundError):
        selectors.review_log(viewer=world.other_judge, case_id=file_case.case.pk)
    with pytest.raises(NotFoundError):
        selectors.review_log(viewer=world.it_admin, case_id=file_case.case.pk)


# --- pages -----------------------------------------------------------------------------------------------


def test_pages_for_a_party(client, world, file_case):
    client.force_login(world.litigant)
    index = client.get("/file-review/")
    assert file_case.case.case_number in index.content.decode()
    listing = client.get(f"/file-review/cases/{file_case.case.pk}/").content.decode()
    assert "起诉状" in listing and "合议庭评议笔录" not in listing
    page = client.get(f"/file-review/materials/{file_case.main.pk}/pages/1/")
    assert page.status_code == 200 and "下一页" in page.content.decode()
    assert not ReviewLog.objects.exists()  # the HTML shell is not a view of the page; the image is
    image = client.get(f"/file-review/materials/{file_case.main.pk}/pages/1.png")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image["Cache-Control"] == "no-store"
    assert _red_pixels(image.content) > 500
    download = client.get(f"/file-review/materials/{file_case.main.pk}/pages/1/download")
    assert "attachment" in download["Content-Disposition"] and _red_pixels(download.content) > 500
    assert [r.action for r in ReviewLog.objects.order_by("id")] == [ReviewAction.VIEW, ReviewAction.DOWNLOAD]
    assert client.get(f"/file-review/materials/{file_case.secondary.pk}/pages/1.png").status_code == 404
    assert client.get(f"/file-review/materials/{file_case.secondary.pk}/pages/1/").status_code == 404
    assert client.get(f"/file-review/cases/{file_case.case.pk}/log/").status_code == 403
    panel = client.get(f"/file-review/cases/{file_case.case.pk}/panel/").content.decode()
    assert "起诉状" in panel and "合议庭评议笔录" not in panel


def test_other_case_pages_404(client, world, file_case):
    other = make_file_case(world, seed=3)
    client.force_login(world.stranger)
    assert client.get(f"/file-review/cases/{other.case.pk}/").status_code == 404
    assert client.get(f"/file-review/materials/{other.main.pk}/pages/1.png").status_code == 404
    assert client.get(f"/file-review/cases/{other.case.pk}/panel/").status_code == 404


def test_staff_log_page_and_panel(client, world, file_case):
    services.page_review(viewer=world.lawyer, material_id=file_case.main.pk, number=2)
    client.force_login(world.clerk)
    log = client.get(f"/file-review/cases/{file_case.case.pk}/log/").content.decode()
    assert "诉讼代理人" in log and "起诉状" in log
    panel = client.get(f"/file-review/cases/{file_case.case.pk}/panel/").content.decode()
    assert "review-log" in panel


# --- API -------------------------------------------------------------------------------------------------


def test_api(client, world, file_case):
    client.force_login(world.litigant)
    base = "/api/v1/file-review"
    assert [c["id"] for c in client.get(f"{base}/cases").json()] == [file_case.case.pk]
    materials = client.get(f"{base}/cases/{file_case.case.pk}/materials").json()
    assert [m["id"] for m in materials] == [file_case.main.pk]
    image = client.get(f"{base}/materials/{file_case.main.pk}/pages/1")
    assert image.status_code == 200 and _red_pixels(image.content) > 500
    missing = client.get(f"{base}/materials/{file_case.secondary.pk}/pages/1")
    assert missing.status_code == 404
    assert missing.json()["code"] == "file_review.not_found"
    denied = client.get(f"{base}/cases/{file_case.case.pk}/log")
    assert denied.status_code == 403 and denied.json()["message"] == "阅卷记录仅供法院工作人员查看"
    client.force_login(world.clerk)
    rows = client.get(f"{base}/cases/{file_case.case.pk}/log").json()
    assert len(rows) == 1 and rows[0]["viewer_capacity"] == "当事人" and rows[0]["page_number"] == 1


def test_served_page_differs_from_the_unmarked_render(world, file_case):
    from smartcourt.apps.file_review.watermark import render_page

    material = file_case.main
    with material.file.open("rb") as handle:
        data = handle.read()
    page = material.pages.get(number=1)
    plain = render_page(
        data=data,
        filename=material.filename,
        number=1,
        text="",
        is_docx=False,
        thumbnail=bytes(page.thumbnail),
    )
    served = Image.open(
        io.BytesIO(services.page_review(viewer=world.litigant, material_id=material.pk, number=1).png)
    )
    served_pixels = np.asarray(served.convert("RGB"), dtype=np.int16)[: plain.height, : plain.width]
    assert served.width == plain.width and served.height > plain.height  # the band below the page
    assert int((np.abs(served_pixels - np.asarray(plain, dtype=np.int16)) > 30).sum()) > 1000


def test_docx_pages_are_drawn_from_their_text_and_watermarked(world, file_case):
    from docx import Document

    from smartcourt.apps.casefile.services import material_ingest

    document = Document()
    document.add_paragraph("民事答辩状")
    document.add_paragraph("答辩人对原告的诉讼请求有异议。")
    buffer = io.BytesIO()
    document.save(buffer)
    material = material_ingest(
        case=file_case.case,
        data=buffer.getvalue(),
        filename="答辩状.docx",
        source="PORTAL",
        actor=world.clerk,
        title="答辩状",
    )
    reviewed = services.page_review(viewer=world.lawyer, material_id=material.pk, number=1)
    image = Image.open(io.BytesIO(reviewed.png))
    assert image.width == 827 and _red_pixels(reviewed.png) > 500
