"""Archive errors: bad metadata for a package, or a package that cannot be opened."""

from __future__ import annotations

from smartcourt.engines._errors import FieldError


class ArchiveError(FieldError):
    """Root of the archive engine's refusals.

    >>> ArchiveError("archive.bad", "示例", field="retention").field
    'retention'
    """


class InvalidPackageError(ArchiveError):
    """The file is not an archival package this engine wrote (not a tar, no bag, no metadata)."""

    def __init__(self, message: str) -> None:
        super().__init__("archive.invalid_package", message, field="package")
