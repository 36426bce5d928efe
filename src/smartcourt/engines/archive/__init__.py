"""Electronic archives of closed cases (法办〔2019〕243号 第6项、第13项): archival packages and their checks.

A package is a BagIt bag (RFC 8493, via the Library of Congress ``bagit`` library) in one deterministic tar:
the case file's documents, metadata after DA/T 48-2009 (全宗号, 档号, 案号, 保管期限, the catalogue), SHA-256
and SHA-512 manifests. Its SHA-256 is what the ledger records; :func:`check_package` opens a package retrieved
later (or by a higher court) and names any file that changed.

>>> RETENTION_PERIODS[0]
'永久'
"""

from smartcourt.engines.archive._package import (
    METADATA_NAME,
    RETENTION_PERIODS,
    ArchivedDocument,
    ArchiveMetadata,
    Package,
    PackageCheck,
    build_package,
    check_package,
    metadata_xml,
)
from smartcourt.engines.archive.errors import ArchiveError, InvalidPackageError

__all__ = [
    "METADATA_NAME",
    "RETENTION_PERIODS",
    "ArchiveError",
    "ArchiveMetadata",
    "ArchivedDocument",
    "InvalidPackageError",
    "Package",
    "PackageCheck",
    "build_package",
    "check_package",
    "metadata_xml",
]
