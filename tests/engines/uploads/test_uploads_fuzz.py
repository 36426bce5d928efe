"""Fuzzing (hypothesis): whatever the bytes, ``inspect_upload`` returns a result or raises an ``UploadError``."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.engines.uploads import files

from smartcourt.engines.uploads import UploadError, UploadKind, inspect_upload

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = st.sampled_from(["a.pdf", "a.jpg", "a.png", "a.docx", "a", "a.exe", "证据.PDF"])


@cache
def _valid() -> dict[str, bytes]:
    return {
        "a.pdf": files.pdf(pages=2),
        "a.jpg": files.image("JPEG", (32, 24)),
        "a.png": files.image("PNG", (32, 24)),
        "a.docx": files.document("起诉状 事实与理由"),
    }


def _inspect(data: bytes, name: str) -> None:
    try:
        result = inspect_upload(data, filename=name)
    except UploadError as error:
        assert error.code != "upload_error"
        assert error.message
        assert error.detail["field"] == "file"
    else:
        assert result.size == len(data)
        assert result.extension in result.kind.extensions


@FUZZ
@given(st.binary(max_size=4096), NAMES)
def test_random_bytes(data: bytes, name: str) -> None:
    _inspect(data, name)


@FUZZ
@given(st.sampled_from(sorted(_valid())), st.data())
def test_truncated_valid_files(name: str, data: st.DataObject) -> None:
    whole = _valid()[name]
    cut = data.draw(st.integers(min_value=0, max_value=len(whole) - 1))
    _inspect(whole[:cut], name)


@FUZZ
@given(st.sampled_from(sorted(_valid())), st.data())
def test_mutated_files(name: str, data: st.DataObject) -> None:
    whole = bytearray(_valid()[name])
    flips = data.draw(
        st.lists(st.tuples(st.integers(0, len(whole) - 1), st.integers(0, 255)), min_size=1, max_size=8)
    )
    header_bias = data.draw(st.booleans())
    for position, value in flips:
        whole[position % 64 if header_bias else position] = value
    _inspect(bytes(whole), name)


@FUZZ
@given(st.sampled_from(sorted(_valid())), st.binary(min_size=1, max_size=512), st.booleans())
def test_prefixed_or_appended_junk(name: str, junk: bytes, before: bool) -> None:
    whole = _valid()[name]
    data = junk + whole if before else whole + junk
    try:
        result = inspect_upload(data, filename=name)
    except UploadError:
        return
    # Appended junk is tolerated only where the format allows it (whitespace after a PDF's %%EOF, NULs after a JPEG).
    assert result.kind in (UploadKind.PDF, UploadKind.JPEG)
    assert not before


def test_valid_files_pass() -> None:
    for name, data in _valid().items():
        assert inspect_upload(data, filename=name).size == len(data)


@pytest.mark.parametrize("junk", [b"%PDF-", b"%PDF-1.4\n%junk\n"])
def test_a_second_pdf_header_in_front_of_a_pdf_is_refused(junk: bytes) -> None:
    # found by the fuzzer above: a PDF header planted before a whole PDF parsed as the PDF behind it
    with pytest.raises(UploadError) as caught:
        inspect_upload(junk + _valid()["a.pdf"], filename="a.pdf")
    assert caught.value.code == "polyglot"
