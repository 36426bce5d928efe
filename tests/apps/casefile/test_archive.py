"""E-archive of closed cases (package, ledger receipt, check) and remote file requests (远程调卷)."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.files.base import ContentFile

from smartcourt.apps.casefile import archive, selectors, services
from smartcourt.apps.casefile.models import MaterialSource, RequestStatus
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import ConflictError, NotFoundError, NotPermittedError
from smartcourt.engines.archive import check_package
from tests.apps.casefile.conftest import docx_bytes
from tests.apps.factories import UserFactory

pytestmark = pytest.mark.django_db


def _file(world, case, tasks) -> None:
    with tasks:
        for name, paragraphs in (
            ("起诉状.docx", ["民事起诉状", "原告：某甲", "具状人：某甲"]),
            ("判决书.docx", ["民事判决书", "……", "审判员 某某", "书记员 某某"]),
            ("审理报告.docx", ["审理报告", "经审理查明……"]),
        ):
            services.material_ingest(
                case=case,
                data=docx_bytes(paragraphs),
                filename=name,
                source=MaterialSource.GENERATED,
                actor=world.clerk,
            )


def _close(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(status="CLOSED", closed_on=date(2026, 11, 20))
    case.refresh_from_db()


def test_archive_of_a_closed_case_is_recorded_and_checked(world, case, tasks) -> None:
    _file(world, case, tasks)
    with pytest.raises(ConflictError):
        archive.archive_build(case=case, actor=world.clerk)
    _close(case)
    package = archive.archive_build(case=case, actor=world.clerk, retention="定期30年")
    assert (
        package.ledger_entry is not None and package.ledger_entry.content_hash == f"sha256:{package.sha256}"
    )
    assert '"leaf_index"' in package.receipt
    with package.file.open("rb") as handle:
        opened = check_package(handle.read())
    assert opened.valid and opened.metadata["案号"] == case.case_number and len(opened.documents) == 3
    assert LogEntry.objects.get_for_object(package).filter(actor=world.clerk).exists()
    checked = archive.archive_check(package=package, actor=world.judge)
    assert checked.check_ok and checked.check_problems == []
    # tamper with the stored package: the check names the problem
    with package.file.open("rb") as handle:
        data = bytearray(handle.read())
    data[len(data) // 2] ^= 0xFF
    storage, name = package.file.storage, package.file.name
    storage.delete(name)
    storage.save(name, ContentFile(bytes(data)))
    checked = archive.archive_check(package=package, actor=world.judge)
    assert not checked.check_ok and any("SHA-256" in p for p in checked.check_problems)


def test_remote_file_request(world, case, tasks) -> None:
    _file(world, case, tasks)
    high_judge = UserFactory(username="high_judge", role="JUDGE", court=world.high)
    with pytest.raises(NotFoundError):
        selectors.casefile_case_get(viewer=high_judge, case_id=case.pk)
    with pytest.raises(NotFoundError):  # a court not above the case's court
        archive.file_request_create(actor=world.other_judge, case_number=case.case_number, reason="二审")
    request = archive.file_request_create(actor=high_judge, case_number=case.case_number, reason="二审调卷")
    with pytest.raises(ConflictError):
        archive.file_request_create(actor=high_judge, case_number=case.case_number, reason="再次")
    with pytest.raises(NotFoundError):  # still pending
        selectors.casefile_case_get(viewer=high_judge, case_id=case.pk)
    with pytest.raises(NotPermittedError):
        archive.file_request_decide(request=request, actor=high_judge, approve=True)
    decided = archive.file_request_decide(request=request, actor=world.clerk, approve=True)
    assert decided.status == RequestStatus.APPROVED and decided.decided_by == world.clerk
    assert selectors.casefile_case_get(viewer=high_judge, case_id=case.pk) == case
    assert not selectors.is_file_staff(case=case, viewer=high_judge)  # reads, does not write
    with pytest.raises(NotPermittedError):
        archive.archive_build(case=case, actor=high_judge)
    assert LogEntry.objects.get_for_object(decided).filter(actor=world.clerk).exists()
    assert selectors.requests_for_court(viewer=high_judge).count() == 1
    assert selectors.requests_for_court(viewer=world.clerk).count() == 1
