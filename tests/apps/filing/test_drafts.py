"""Drafts: every step saved as entered, problems named per field, uploads inspected and stored atomically."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.filing import services
from smartcourt.apps.filing.models import Filing, FilingStatus, FilingUpload
from smartcourt.engines.uploads import EICAR
from tests.apps.filing.conftest import civil_steps, complete_draft, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def test_only_litigants_and_lawyers_start_a_filing(filers):
    for user in (filers.judge, filers.filer, filers.it_admin):
        with pytest.raises(NotPermittedError):
            services.filing_create(filer=user, kind="CIVIL_FIRST")
    assert Filing.objects.count() == 0
    with pytest.raises(InvalidInputError) as caught:
        services.filing_create(filer=filers.litigant, kind="NOPE")
    assert caught.value.detail["field"] == "kind"


def test_a_complete_draft_has_no_problems(filers):
    filing = complete_draft(filers)
    assert services.filing_problems(filing) == {}
    assert filing.claim_amount == 80000
    assert set(filing.steps_done) == {"case", "parties", "claims", "evidence", "uploads"}
    assert filing.status == FilingStatus.DRAFT


def test_bad_fields_are_named_and_the_draft_keeps_what_was_typed(filers):
    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    steps = civil_steps(filers)
    steps["parties"]["parties"][0]["id_number"] = "330102199001011230"  # wrong check digit
    steps["parties"]["parties"][0]["phone"] = "123"
    problems = services.filing_save_step(
        filing=filing, actor=filers.litigant, step="parties", data=steps["parties"]
    )
    assert set(problems) == {"parties[0].id_number", "parties[0].phone"}
    assert "校验" in problems["parties[0].id_number"]
    party = filing.parties.get(position=1)
    assert (party.id_number, party.phone) == ("330102199001011230", "123")  # kept as typed

    problems = services.filing_save_step(
        filing=filing,
        actor=filers.litigant,
        step="claims",
        data={"claims": [{"text": "", "amount": "abc"}], "facts_and_reasons": ""},
    )
    assert problems == {
        "claims[0].text": "第1项请求的内容不能为空",
        "claims[0].amount": "第1项请求的金额须为不小于0的数字（单位：元）",
        "facts_and_reasons": "请填写事实与理由",
    }
    problems = services.filing_save_step(
        filing=filing,
        actor=filers.litigant,
        step="case",
        data={"court_id": "", "cause_of_action": "不存在的案由"},
    )
    assert set(problems) == {"court_id", "cause_of_action"}


def test_submission_of_an_incomplete_filing_lists_every_problem_and_changes_nothing(filers):
    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    services.filing_save_step(
        filing=filing, actor=filers.litigant, step="case", data=civil_steps(filers)["case"]
    )
    with pytest.raises(InvalidInputError) as caught:
        services.filing_submit(filing=filing, actor=filers.litigant)
    errors = caught.value.detail["errors"]
    assert caught.value.code == "filing.incomplete"
    assert {"parties.filer", "parties.other", "claims", "facts_and_reasons", "uploads"} <= set(errors)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.DRAFT
    assert filing.reference == ""
    assert filing.court_id == filers.court.pk  # the draft is kept


def test_others_cannot_edit_a_draft(filers):
    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    for user in (filers.stranger, filers.lawyer, filers.filer):
        with pytest.raises(NotPermittedError):
            services.filing_save_step(
                filing=filing, actor=user, step="case", data={"court_id": filers.court.pk}
            )
        with pytest.raises(NotPermittedError):
            services.filing_upload_add(
                filing=filing, actor=user, category="PLEADING", filename="a.pdf", data=pdf_bytes()
            )
    filing.refresh_from_db()
    assert filing.court_id is None
    assert FilingUpload.objects.count() == 0


@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("起诉状.pdf", b"", "empty_file"),
        ("起诉状.pdf", b"MZ\x90\x00 this is an exe", "unsupported_type"),
        ("照片.jpg", png_bytes(), "extension_mismatch"),
        ("起诉状.pdf", pdf_bytes()[:60], "corrupt_file"),
    ],
)
def test_rejected_uploads_say_why_and_store_nothing(filers, filename, data, reason):
    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    with pytest.raises(InvalidInputError) as caught:
        services.filing_upload_add(
            filing=filing, actor=filers.litigant, category="PLEADING", filename=filename, data=data
        )
    assert caught.value.detail["field"] == "file"
    assert caught.value.detail["upload_error"] == reason
    assert filename in caught.value.message
    assert FilingUpload.objects.count() == 0


def test_the_virus_scan_hook_refuses_an_infected_file(filers):
    from smartcourt.engines.uploads import EicarScanner

    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    infected = pdf_bytes() + EICAR.encode() if isinstance(EICAR, str) else pdf_bytes() + EICAR
    with pytest.raises(InvalidInputError) as caught:
        services.filing_upload_add(
            filing=filing,
            actor=filers.litigant,
            category="EVIDENCE",
            filename="证据.pdf",
            data=infected,
            scanner=EicarScanner(),
        )
    assert caught.value.detail["upload_error"] in ("virus_detected", "polyglot")
    assert FilingUpload.objects.count() == 0


def test_upload_is_stored_then_referenced_and_removed_with_its_file(
    filers, django_capture_on_commit_callbacks
):
    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    upload = services.filing_upload_add(
        filing=filing, actor=filers.litigant, category="EVIDENCE", filename="照片.png", data=png_bytes()
    )
    assert upload.media_type == "image/png"
    assert upload.inspection["width"] == 40
    assert default_storage.exists(upload.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        services.filing_upload_remove(upload=upload, actor=filers.litigant)
    assert not default_storage.exists(upload.file.name)


def test_changing_the_kind_drops_parties_whose_role_no_longer_fits(filers):
    filing = complete_draft(filers)
    services.filing_save_step(
        filing=filing,
        actor=filers.litigant,
        step="case",
        data={"kind": "ENFORCEMENT", "court_id": filers.court.pk},
    )
    assert filing.parties.count() == 0
    problems = services.filing_problems(filing)
    assert "origin_case_number" in problems
    assert "claim_amount" not in problems  # the amount typed before still counts


def test_a_submitted_filing_cannot_be_edited_or_deleted(filers):
    filing = complete_draft(filers)
    Filing.objects.filter(pk=filing.pk).update(status=FilingStatus.SUBMITTED)
    filing.refresh_from_db()
    with pytest.raises(ConflictError):
        services.filing_save_step(filing=filing, actor=filers.litigant, step="case", data={})
    with pytest.raises(ConflictError):
        services.filing_delete_draft(filing=filing, actor=filers.litigant)


def test_an_upload_over_the_size_limit_is_refused(filers):
    import dataclasses

    from smartcourt.engines.uploads import UploadKind, default_policy

    policy = dataclasses.replace(default_policy(), max_bytes={k: 100 for k in UploadKind})
    filing = services.filing_create(filer=filers.litigant, kind="CIVIL_FIRST")
    with pytest.raises(InvalidInputError) as caught:
        services.filing_upload_add(
            filing=filing,
            actor=filers.litigant,
            category="PLEADING",
            filename="起诉状.pdf",
            data=pdf_bytes(),
            policy=policy,
        )
    assert caught.value.detail["upload_error"] == "file_too_large"
    assert FilingUpload.objects.count() == 0
