"""Archival packages of closed cases: BagIt (RFC 8493, the ``bagit`` library) holding the documents and the
case-file metadata in the manner of DA/T 48-2009 《基于XML的电子文件封装规范》 (fonds, archival code, case number,
retention period, catalogue), as one deterministic tar whose SHA-256 goes into the ledger."""

from __future__ import annotations

import hashlib
import io
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import bagit

from smartcourt.engines.archive.errors import ArchiveError

# Retention periods of litigation archives. 永久 and 定期 are the two classes of 《人民法院档案管理办法》
# (法〔2018〕?; not in ../shared — the exact document number and the 定期 terms are unverified).
RETENTION_PERIODS = ("永久", "定期30年", "定期10年")
METADATA_NAME = "metadata/eep.xml"
_FIXED_MTIME = 0  # tar members carry no clock, so the same case file gives the same package bytes


@dataclass(frozen=True)
class ArchivedDocument:
    """One document of the case file as catalogued: position, catalogue category, title, pages, file name."""

    position: int
    category: str
    title: str
    first_page: int
    last_page: int
    filename: str
    volume: str = "正卷"


@dataclass(frozen=True)
class ArchiveMetadata:
    """The descriptive metadata of the package (DA/T 48 封装包 in spirit: 全宗号, 档号, 题名, 保管期限 …)."""

    fonds_code: str
    archival_code: str
    case_number: str
    court: str
    title: str
    year: int
    retention: str
    closed_on: date
    documents: tuple[ArchivedDocument, ...] = field(default=())


@dataclass(frozen=True)
class Package:
    """A built package: the tar's bytes, its SHA-256 (what the ledger records) and BagIt's Payload-Oxum."""

    data: bytes
    sha256: str
    payload_oxum: str


@dataclass(frozen=True)
class PackageCheck:
    """The result of opening a package: whether every file matches its manifest, the problems, the metadata."""

    valid: bool
    problems: tuple[str, ...]
    metadata: dict[str, str]
    documents: tuple[str, ...]


def build_package(metadata: ArchiveMetadata, files: dict[str, bytes]) -> Package:
    """The archival package of a case file: ``files`` (name → bytes) under ``data/documents/``, the metadata
    XML under ``data/metadata/``, SHA-256 and SHA-512 manifests, bag-info with the case number.

    >>> meta = ArchiveMetadata("J001", "J001-2024-民初-0001", "（2024）浙0102民初1号", "某某人民法院",
    ...     "张三诉李四民间借贷纠纷", 2024, "永久", date(2024, 3, 1),
    ...     (ArchivedDocument(1, "judgment", "民事判决书", 1, 3, "judgment.pdf"),))
    >>> package = build_package(meta, {"judgment.pdf": b"%PDF-1.7 ..."})
    >>> package.payload_oxum.split(".")[1], check_package(package.data).valid
    ('2', True)
    >>> build_package(meta, {"judgment.pdf": b"x"}).sha256 == build_package(meta, {"judgment.pdf": b"x"}).sha256
    True
    """
    _check_metadata(metadata, files)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "bag"
        (root / "documents").mkdir(parents=True)
        (root / "metadata").mkdir()
        for name, data in sorted(files.items()):
            (root / "documents" / name).write_bytes(data)
        (root / METADATA_NAME).write_bytes(metadata_xml(metadata))
        bag = bagit.make_bag(
            str(root),
            bag_info={
                "Source-Organization": metadata.court,
                "External-Identifier": metadata.case_number,
                "External-Description": metadata.title,
                "Bagging-Date": metadata.closed_on.isoformat(),
                "Bag-Group-Identifier": metadata.archival_code,
            },
            checksums=["sha256", "sha512"],
        )
        oxum = str(bag.info["Payload-Oxum"])
        data = _tar(root)
    return Package(data=data, sha256=hashlib.sha256(data).hexdigest(), payload_oxum=oxum)


def check_package(data: bytes) -> PackageCheck:
    """Open a package and check every file against its manifests (tampering names the file).

    >>> check_package(b"not a tar").problems
    ('不是有效的档案封装包（无法作为 tar 打开）',)
    """
    try:
        with (
            tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive,
            tempfile.TemporaryDirectory() as tmp,
        ):
            return _check_extracted(archive, Path(tmp))
    except tarfile.TarError:
        return PackageCheck(False, ("不是有效的档案封装包（无法作为 tar 打开）",), {}, ())


def _check_extracted(archive: tarfile.TarFile, tmp: Path) -> PackageCheck:
    for member in archive.getmembers():
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            return PackageCheck(False, (f"封装包含有不安全的成员：{member.name}",), {}, ())
    archive.extractall(tmp, filter="data")
    root = tmp / "bag"
    if not (root / "bagit.txt").exists():
        return PackageCheck(False, ("封装包中没有 BagIt 声明（bagit.txt）",), {}, ())
    problems: tuple[str, ...] = ()
    try:
        bagit.Bag(str(root)).validate()
    except bagit.BagValidationError as exc:
        # bagit stops at the Payload-Oxum (a count of files and bytes) without naming files; name them here.
        problems = (
            tuple(_describe(detail) for detail in exc.details) or _manifest_problems(root) or (str(exc),)
        )
    except bagit.BagError as exc:
        problems = (f"封装包结构错误：{exc}",)
    metadata_path = root / "data" / METADATA_NAME
    metadata = _read_metadata(metadata_path) if metadata_path.exists() else {}
    if not metadata:
        problems = (*problems, "封装包缺少元数据（data/metadata/eep.xml）")
    documents = tuple(sorted(p.name for p in (root / "data" / "documents").glob("*")))
    return PackageCheck(not problems, problems, metadata, documents)


def metadata_xml(metadata: ArchiveMetadata) -> bytes:
    """The metadata as XML with Chinese element names after DA/T 48 (封装包 → 说明信息, 封装内容 → 文件实体块).

    >>> b"<\\xe4\\xbf\\x9d\\xe7\\xae\\xa1\\xe6\\x9c\\x9f\\xe9\\x99\\x90>" in metadata_xml(ArchiveMetadata(
    ...     "J001", "J001-1", "（2024）浙0102民初1号", "某某法院", "题名", 2024, "永久", date(2024, 3, 1)))
    True
    """
    package = ET.Element("封装包", {"版本": "1.0", "参照标准": "DA/T 48-2009"})
    info = ET.SubElement(package, "说明信息")
    for tag, value in (
        ("全宗号", metadata.fonds_code),
        ("档号", metadata.archival_code),
        ("案号", metadata.case_number),
        ("立档单位", metadata.court),
        ("题名", metadata.title),
        ("年度", str(metadata.year)),
        ("保管期限", metadata.retention),
        ("结案日期", metadata.closed_on.isoformat()),
    ):
        ET.SubElement(info, tag).text = value
    content = ET.SubElement(package, "封装内容")
    for document in metadata.documents:
        block = ET.SubElement(content, "文件实体块")
        for tag, value in (
            ("顺序号", str(document.position)),
            ("卷别", document.volume),
            ("类别", document.category),
            ("题名", document.title),
            ("起始页号", str(document.first_page)),
            ("终止页号", str(document.last_page)),
            ("文件名", document.filename),
        ):
            ET.SubElement(block, tag).text = value
    ET.indent(package)
    return bytes(ET.tostring(package, encoding="utf-8", xml_declaration=True))


def _check_metadata(metadata: ArchiveMetadata, files: dict[str, bytes]) -> None:
    if metadata.retention not in RETENTION_PERIODS:
        raise ArchiveError(
            "archive.retention", f"保管期限应为{'、'.join(RETENTION_PERIODS)}之一", field="retention"
        )
    if not metadata.case_number or not metadata.fonds_code or not metadata.archival_code:
        raise ArchiveError("archive.metadata", "全宗号、档号和案号不能为空", field="metadata")
    if not files:
        raise ArchiveError("archive.empty", "没有可归档的文件", field="files")
    for name in files:
        if "/" in name or "\\" in name or name.startswith(".") or not name:
            raise ArchiveError("archive.filename", f"文件名不合法：{name!r}", field="files")
    listed = {d.filename for d in metadata.documents}
    missing = sorted(listed - set(files))
    if missing:
        raise ArchiveError(
            "archive.missing_file", f"卷内目录列出的文件缺失：{'、'.join(missing)}", field="files"
        )


def _tar(root: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for path in sorted(root.rglob("*")):
            info = archive.gettarinfo(
                str(path), arcname=str(PurePosixPath("bag") / path.relative_to(root).as_posix())
            )
            info.mtime, info.uid, info.gid, info.uname, info.gname = _FIXED_MTIME, 0, 0, "", ""
            info.mode = 0o755 if path.is_dir() else 0o644
            if path.is_file():
                with path.open("rb") as handle:
                    archive.addfile(info, handle)
            else:
                archive.addfile(info)
    return buffer.getvalue()


def _manifest_problems(root: Path) -> tuple[str, ...]:
    listed: dict[str, str] = {}
    for line in (root / "manifest-sha256.txt").read_text("utf-8").splitlines():
        digest, _, name = line.partition(" ")
        listed[name.strip()] = digest
    present = {p.relative_to(root).as_posix() for p in (root / "data").rglob("*") if p.is_file()}
    problems = [f"文件缺失：{name}" for name in sorted(set(listed) - present)]
    problems += [f"多出未登记的文件：{name}" for name in sorted(present - set(listed))]
    for name in sorted(set(listed) & present):
        if hashlib.sha256((root / name).read_bytes()).hexdigest() != listed[name]:
            problems.append(f"文件已被篡改：{name}（sha256 不符）")
    return tuple(problems)


def _describe(detail: object) -> str:
    path = getattr(detail, "path", "")
    if isinstance(detail, bagit.ChecksumMismatch):
        return f"文件已被篡改：{path}（{detail.algorithm} 不符）"
    if isinstance(detail, bagit.FileMissing):
        return f"文件缺失：{path}"
    if isinstance(detail, bagit.UnexpectedFile):
        return f"多出未登记的文件：{path}"
    return str(detail)


def _read_metadata(path: Path) -> dict[str, str]:
    try:
        root = ET.fromstring(path.read_bytes())
    except ET.ParseError:
        return {}
    info = root.find("说明信息")
    return {child.tag: child.text or "" for child in info} if info is not None else {}
