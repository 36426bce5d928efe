"""Archival packages: deterministic, verifiable, and every kind of tampering named."""

from __future__ import annotations

import io
import tarfile
from datetime import date

import pytest

from smartcourt.engines.archive import (
    ArchivedDocument,
    ArchiveError,
    ArchiveMetadata,
    build_package,
    check_package,
)

META = ArchiveMetadata(
    fonds_code="J001",
    archival_code="J001-2024-民初-0001",
    case_number="（2024）浙0102民初1号",
    court="浙江省杭州市上城区人民法院",
    title="民间借贷纠纷",
    year=2024,
    retention="永久",
    closed_on=date(2024, 3, 1),
    documents=(
        ArchivedDocument(1, "complaint", "民事起诉状", 1, 2, "01-complaint.pdf"),
        ArchivedDocument(2, "judgment", "民事判决书", 3, 6, "02-judgment.pdf"),
    ),
)
FILES = {"01-complaint.pdf": b"%PDF-1.7 complaint", "02-judgment.pdf": b"%PDF-1.7 judgment"}


def _rewrite(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=io.BytesIO(data)) as source, tarfile.open(fileobj=out, mode="w") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read() if member.isfile() else None
            result = change(member, content)
            if result is None:
                continue
            member, content = result
            if content is not None:
                member.size = len(content)
                target.addfile(member, io.BytesIO(content))
            else:
                target.addfile(member)
    return out.getvalue()


def test_a_package_is_deterministic_and_verifies_with_its_metadata():
    first, second = build_package(META, FILES), build_package(META, FILES)
    assert first.data == second.data and first.sha256 == second.sha256
    check = check_package(first.data)
    assert check.valid and check.problems == ()
    assert check.metadata["案号"] == "（2024）浙0102民初1号" and check.metadata["保管期限"] == "永久"
    assert check.documents == ("01-complaint.pdf", "02-judgment.pdf")


def test_a_changed_document_is_named():
    package = build_package(META, FILES)

    def tamper(member, content):
        if member.name.endswith("02-judgment.pdf"):
            return member, b"%PDF-1.7 judgment, altered"
        return member, content

    check = check_package(_rewrite(package.data, tamper))
    assert not check.valid
    assert any("02-judgment.pdf" in problem for problem in check.problems)


def test_a_removed_or_added_file_is_named():
    package = build_package(META, FILES)
    removed = _rewrite(package.data, lambda m, c: None if m.name.endswith("01-complaint.pdf") else (m, c))
    assert any("文件缺失" in p and "01-complaint.pdf" in p for p in check_package(removed).problems)

    def add(member, content):
        return member, content

    data = _rewrite(package.data, add)
    extra = io.BytesIO(data)
    with tarfile.open(fileobj=extra, mode="a") as archive:
        info = tarfile.TarInfo("bag/data/documents/99-extra.pdf")
        info.size = 3
        archive.addfile(info, io.BytesIO(b"abc"))
    assert any("99-extra.pdf" in p for p in check_package(extra.getvalue()).problems)


def test_unsafe_members_and_non_packages_are_refused():
    package = build_package(META, FILES)

    def escape(member, content):
        if member.name.endswith("01-complaint.pdf"):
            member.name = "../../etc/evil"
        return member, content

    check = check_package(_rewrite(package.data, escape))
    assert not check.valid and "不安全" in check.problems[0]
    assert not check_package(b"").valid
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w") as archive:
        info = tarfile.TarInfo("readme.txt")
        info.size = 1
        archive.addfile(info, io.BytesIO(b"x"))
    assert "bagit.txt" in check_package(plain.getvalue()).problems[0]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"retention": "长期"}, "archive.retention"),
        ({"case_number": ""}, "archive.metadata"),
    ],
)
def test_bad_metadata_is_refused(change, code):
    from dataclasses import replace

    with pytest.raises(ArchiveError) as caught:
        build_package(replace(META, **change), FILES)
    assert caught.value.code == code


def test_bad_files_are_refused():
    with pytest.raises(ArchiveError, match="没有可归档"):
        build_package(META, {})
    with pytest.raises(ArchiveError, match="不合法"):
        build_package(META, {**FILES, "../x.pdf": b"x"})
    with pytest.raises(ArchiveError, match="缺失"):
        build_package(META, {"01-complaint.pdf": b"x"})
