"""Per-format structural checks: PDF (pypdf), JPEG and PNG (Pillow), DOCX (zipfile, central directory first).

Each checker raises an ``UploadError`` subclass or returns the facts it found; any other exception from a
parser is turned into ``CorruptFileError`` by the caller.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from smartcourt.engines.uploads._types import UploadPolicy
from smartcourt.engines.uploads.errors import (
    ActiveContentError,
    ArchiveBombError,
    CorruptFileError,
    EncryptedFileError,
    ExternalReferenceError,
    ImageTooLargeError,
    PolyglotError,
    UnsafePathError,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PDF_ACTIVE = re.compile(
    rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)(?![A-Za-z0-9])"
)
_PDF_NAME_ESCAPE = re.compile(rb"/[A-Za-z0-9]*#[0-9A-Fa-f]{2}[A-Za-z0-9#]*")
_PDF_ACTIVE_NAMES = frozenset(
    {"JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"}
)
_PDF_TAIL_ALLOWED = 1024
_PDF_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"})
_PDF_KEYS = frozenset(
    {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA", "/Launch"}
)
_PDF_MAX_WALK = 200_000


@dataclass(frozen=True, slots=True)
class PdfFacts:
    pages: int


@dataclass(frozen=True, slots=True)
class ImageFacts:
    width: int
    height: int


# --------------------------------------------------------------------------------------------------- PDF


def _pdf_unescaped_active(data: bytes) -> str | None:
    """A name written with #xx escapes that spells an active-content key (``/J#61vaScript``)."""
    for match in _PDF_NAME_ESCAPE.finditer(data):
        raw = match.group(0)[1:]
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        decoded = name.decode("latin-1")
        if decoded in _PDF_ACTIVE_NAMES:
            return decoded
    return None


def _outside_streams(data: bytes) -> bytes:
    """The bytes with every stream body (``>> stream EOL … endstream``) left out."""
    parts = []
    position = 0
    while True:
        start = data.find(b"stream", position)
        if start < 0:
            break
        after = data[start + 6 : start + 8]
        is_keyword = data[max(0, start - 40) : start].rstrip().endswith(b">>") and after[:1] in (b"\r", b"\n")
        if not is_keyword:
            parts.append(data[position : start + 6])
            position = start + 6
            continue
        end = data.find(b"endstream", start + 6)
        if end < 0:
            break
        parts.append(data[position:start])
        position = end + 9
    parts.append(data[position:])
    return b" ".join(parts)


def check_pdf(data: bytes, policy: UploadPolicy) -> PdfFacts:
    """Open with pypdf; refuse encryption, scripts, launch actions, embedded files and appended data."""
    end = data.rfind(b"%%EOF")
    if end < 0:
        raise CorruptFileError(reason="PDF 缺少文件结束标记，可能被截断")
    tail = data[end + 5 :]
    if len(tail) > _PDF_TAIL_ALLOWED or tail.strip(b"\r\n\t \x00\x0c"):
        raise PolyglotError(other="PDF 结束标记后附加的数据")
    if b"/Encrypt" in data:
        raise EncryptedFileError()
    # Stream bodies are left out: compressed bytes would match short names like /JS by chance.
    outside = _outside_streams(data)
    found = _PDF_ACTIVE.search(outside)
    if found is not None:
        raise ActiveContentError(reason=f"PDF {found.group(1).decode('ascii')}")
    escaped = _pdf_unescaped_active(outside)
    if escaped is not None:
        raise ActiveContentError(reason=f"PDF {escaped}")
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise EncryptedFileError()
        root = reader.trailer["/Root"].get_object()
        if not isinstance(root, DictionaryObject):
            raise CorruptFileError(reason="PDF 文档目录无效")
        for key in ("/OpenAction", "/AA"):
            action = root.get(key)
            target = action.get_object() if action is not None else None
            if isinstance(target, DictionaryObject):
                kind = target.get("/S")
                if kind in ("/JavaScript", "/Launch", "/ImportData", "/SubmitForm"):
                    raise ActiveContentError(reason=f"PDF {kind}")
        names_ref = root.get("/Names")
        names = names_ref.get_object() if names_ref is not None else None
        if isinstance(names, DictionaryObject):
            for key in ("/JavaScript", "/EmbeddedFiles"):
                if key in names:
                    raise ActiveContentError(reason=f"PDF {key[1:]}")
        if b"/ObjStm" in data:
            _walk_objects(reader)  # dictionaries inside object streams escape the byte scan
        pages = len(reader.pages)
        if pages == 0:
            raise CorruptFileError(reason="PDF 没有页面")
        if pages > policy.max_pdf_pages:
            raise CorruptFileError(reason=f"PDF 页数 {pages} 超过上限 {policy.max_pdf_pages}")
        for page in reader.pages:
            page.get("/Contents")  # resolves each page object: a dangling reference fails here
    return PdfFacts(pages=pages)


def _walk_objects(reader: Any) -> None:
    """Every indirect object (object streams included): refuse active keys and actions."""
    from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

    numbers: set[tuple[int, int]] = set()
    for generation, table in reader.xref.items():
        numbers.update((number, generation) for number in table)
    numbers.update((number, 0) for number in reader.xref_objStm)
    if len(numbers) > _PDF_MAX_WALK:
        raise CorruptFileError(reason=f"PDF 对象数 {len(numbers)} 过多")
    for number, generation in numbers:
        value = reader.get_object(IndirectObject(number, generation, reader))
        if isinstance(value, StreamObject) or not isinstance(value, DictionaryObject):
            continue
        keys = _PDF_KEYS.intersection(str(key) for key in value)
        if keys:
            raise ActiveContentError(reason=f"PDF {min(keys)[1:]}")
        if str(value.get("/S", "")) in _PDF_ACTIONS:
            raise ActiveContentError(reason=f"PDF {str(value['/S'])[1:]}")


# ------------------------------------------------------------------------------------------------ images


def _check_dimensions(width: int, height: int, policy: UploadPolicy) -> None:
    if width <= 0 or height <= 0:
        raise CorruptFileError(reason="图片尺寸无效")
    if width >= policy.max_side or height >= policy.max_side:
        raise ImageTooLargeError(width=width, height=height, reason=f"边长须小于 {policy.max_side} 像素")
    if width * height > policy.max_pixels:
        raise ImageTooLargeError(
            width=width, height=height, reason=f"像素总数不得超过 {policy.max_pixels}，疑为解压缩炸弹"
        )


def png_end(data: bytes) -> int:
    """The offset just after the IEND chunk; ``CorruptFileError`` when the chunk chain is broken."""
    offset = len(PNG_SIGNATURE)
    while True:
        if offset + 8 > len(data):
            raise CorruptFileError(reason="PNG 数据块不完整，可能被截断")
        length, chunk = struct.unpack(">I4s", data[offset : offset + 8])
        offset += 12 + length
        if offset > len(data):
            raise CorruptFileError(reason="PNG 数据块不完整，可能被截断")
        if chunk == b"IEND":
            return int(offset)


def png_header_size(data: bytes) -> tuple[int, int]:
    """Width and height from IHDR, read without Pillow."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise CorruptFileError(reason="PNG 缺少 IHDR")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def check_image(data: bytes, policy: UploadPolicy, expected_format: str) -> ImageFacts:
    """Read the size from the header, refuse bombs, then decode fully with Pillow (catches truncation)."""
    from PIL import Image

    if expected_format == "PNG":
        _check_dimensions(*png_header_size(data), policy)
        if png_end(data) != len(data):
            raise PolyglotError(other="PNG 结束块后附加的数据")
    elif not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        raise CorruptFileError(reason="JPEG 缺少结束标记，可能被截断或附加了其他数据")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            if image.format != expected_format:
                raise CorruptFileError(reason=f"图片格式为 {image.format}")
            width, height = image.size
            _check_dimensions(width, height, policy)
            image.load()  # decodes every pixel: a truncated stream fails here
    return ImageFacts(width=width, height=height)


# -------------------------------------------------------------------------------------------------- DOCX

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}
_MACRO_TYPES = ("macroenabled", "vbaproject", "vbadata", "activex", "oleobject")
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_FIELD_RISKS = ("DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "IMPORT", "LINK")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_LIMIT = 16 * 1024 * 1024
_RATIO_FLOOR = 1024 * 1024  # a per-entry ratio is only judged for members over 1 MiB uncompressed


def _unsafe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or ":" in name
        or any(part == ".." for part in parts)
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(_XML_LIMIT + 1)
    if len(data) > _XML_LIMIT:
        raise ArchiveBombError(reason=f"部件 {info.filename} 超过 {_XML_LIMIT} 字节")
    return data


def _parse_xml(data: bytes, name: str) -> ElementTree.Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ActiveContentError(reason=f"{name} 含有 DTD 声明")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise CorruptFileError(reason=f"{name} 不是有效的 XML") from exc


def _check_fields(root: ElementTree.Element) -> None:
    """Field codes that fetch or run something: DDE/DDEAUTO, INCLUDETEXT, INCLUDEPICTURE, IMPORT, LINK."""
    instructions = [element.text or "" for element in root.iter(f"{_W}instrText")]
    instructions += [element.get(f"{_W}instr", "") for element in root.iter(f"{_W}fldSimple")]
    for instruction in instructions:
        words = instruction.strip().split()
        if words and words[0].upper() in _FIELD_RISKS:
            raise ActiveContentError(reason=f"域代码 {words[0].upper()}")


def _check_zip_envelope(data: bytes) -> None:
    """Nothing before the first local header, nothing after the end-of-central-directory record."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if eocd < 0 or eocd + 22 > len(data):
        raise CorruptFileError(reason="ZIP 目录结束记录缺失")
    (comment_length,) = struct.unpack("<H", data[eocd + 20 : eocd + 22])
    if eocd + 22 + comment_length != len(data):
        raise PolyglotError(other="ZIP 结束记录后附加的数据")


def check_docx(data: bytes, policy: UploadPolicy) -> None:
    """Judge the package from its central directory, then read only its small XML parts (bounded)."""
    _check_zip_envelope(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise CorruptFileError(reason="DOCX 不是有效的 ZIP 包") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > policy.docx_max_entries:
            raise ArchiveBombError(reason=f"条目数 {len(infos)} 超过 {policy.docx_max_entries}")
        if min((info.header_offset for info in infos), default=0) != 0:
            raise PolyglotError(other="ZIP 前附加的数据")
        names: set[str] = set()
        total = compressed = 0
        for info in infos:
            if _unsafe_name(info.filename):
                raise UnsafePathError(name=info.filename)
            if info.filename.lower() in names:
                raise UnsafePathError(name=info.filename)
            names.add(info.filename.lower())
            if info.flag_bits & 0x1:
                raise EncryptedFileError()
            total += info.file_size
            compressed += info.compress_size
            if info.file_size > _RATIO_FLOOR and info.file_size > policy.docx_max_ratio * max(
                info.compress_size, 1
            ):
                raise ArchiveBombError(reason=f"部件 {info.filename} 压缩比超过 {policy.docx_max_ratio:g}")
        if total > policy.docx_max_uncompressed:
            raise ArchiveBombError(reason=f"解压后共 {total} 字节，超过 {policy.docx_max_uncompressed}")
        if total > _RATIO_FLOOR and total > policy.docx_max_ratio * max(compressed, 1):
            raise ArchiveBombError(reason=f"总压缩比超过 {policy.docx_max_ratio:g}")
        for name in names:
            leaf = name.rsplit("/", 1)[-1]
            if (
                leaf.startswith("vbaproject")
                or leaf.startswith("vbadata")
                or name.startswith("word/activex/")
            ):
                raise ActiveContentError(reason="宏或 ActiveX 控件")
            if name.startswith("word/embeddings/"):
                raise ActiveContentError(reason="嵌入的 OLE 对象或文件")
        by_name = {info.filename: info for info in infos}
        types_info = by_name.get("[Content_Types].xml")
        if types_info is None or "word/document.xml" not in by_name:
            raise CorruptFileError(reason="不是 Word 文档（缺少 [Content_Types].xml 或 word/document.xml）")
        content_types = _parse_xml(_read_member(archive, types_info), "[Content_Types].xml")
        main_type = None
        for element in content_types:
            content_type = element.get("ContentType", "")
            if any(marker in content_type.lower() for marker in _MACRO_TYPES):
                raise ActiveContentError(reason=f"内容类型 {content_type}")
            if element.get("PartName", "").lower() == "/word/document.xml":
                main_type = content_type
        if main_type not in _MAIN_TYPES:
            raise CorruptFileError(reason=f"主文档内容类型为 {main_type}，不是 .docx 文档")
        for info in infos:
            if info.filename.endswith(".rels"):
                rels = _parse_xml(_read_member(archive, info), info.filename)
                for rel in rels:
                    if rel.get("TargetMode", "").lower() != "external":
                        continue
                    if policy.docx_allow_external_hyperlinks and rel.get("Type") == _HYPERLINK:
                        continue
                    raise ExternalReferenceError(target=rel.get("Target", ""))
            elif info.filename.startswith("word/") and info.filename.endswith(".xml"):
                root = _parse_xml(_read_member(archive, info), info.filename)
                _check_fields(root)
        if archive.testzip() is not None:
            raise CorruptFileError(reason="ZIP 部件校验失败")
