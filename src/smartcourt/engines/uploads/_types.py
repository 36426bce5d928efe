"""Value types of the uploads engine: kinds, the policy (loaded from ``data/limits.json``) and the result."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType

__all__ = ["InspectedUpload", "UploadKind", "UploadPolicy", "default_policy", "kind_label"]

_MEDIA_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_EXTENSIONS = {"pdf": ("pdf",), "jpeg": ("jpg", "jpeg"), "png": ("png",), "docx": ("docx",)}


class UploadKind(enum.Enum):
    """A file kind accepted for filing, identified by content.

    >>> UploadKind.JPEG.media_type, UploadKind.JPEG.extensions
    ('image/jpeg', ('jpg', 'jpeg'))
    """

    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    DOCX = "docx"

    @property
    def media_type(self) -> str:
        """The IANA media type."""
        return _MEDIA_TYPES[self.value]

    @property
    def extensions(self) -> tuple[str, ...]:
        """File-name extensions (lower case, no dot) that agree with this kind."""
        return _EXTENSIONS[self.value]


@cache
def _phrases() -> dict[str, dict[str, str]]:
    text = resources.files("smartcourt.engines.uploads").joinpath("data", "phrases.json").read_text("utf-8")
    phrases: dict[str, dict[str, str]] = json.loads(text)
    return phrases


def kind_label(kind: UploadKind) -> str:
    """The kind's name as shown to users.

    >>> kind_label(UploadKind.JPEG)
    'JPG'
    """
    return _phrases()["kinds"][kind.value]


@dataclass(frozen=True, slots=True)
class UploadPolicy:
    """Limits applied by ``inspect_upload``; change one with ``dataclasses.replace(default_policy(), ...)``.

    ``max_side``: an image with a side of this many pixels or more is refused (20,000×20,000 is refused).

    >>> import dataclasses
    >>> policy = dataclasses.replace(default_policy(), max_side=4000)
    >>> (policy.max_side, policy.max_bytes[UploadKind.PDF])
    (4000, 52428800)
    """

    max_bytes: Mapping[UploadKind, int]
    allowed: frozenset[UploadKind] = frozenset(UploadKind)
    max_pixels: int = 80_000_000
    max_side: int = 20_000
    max_pdf_pages: int = 2000
    docx_max_uncompressed: int = 200 * 1024 * 1024
    docx_max_ratio: float = 100.0
    docx_max_entries: int = 2000
    docx_allow_external_hyperlinks: bool = False

    @property
    def largest(self) -> int:
        """The largest byte limit of any allowed kind (checked before the content is looked at)."""
        return max((self.max_bytes.get(kind, 0) for kind in self.allowed), default=0)


@cache
def default_policy() -> UploadPolicy:
    """The platform's default limits from ``data/limits.json``.

    >>> policy = default_policy()
    >>> (policy.max_bytes[UploadKind.DOCX], policy.max_side, sorted(k.value for k in policy.allowed))
    (20971520, 20000, ['docx', 'jpeg', 'pdf', 'png'])
    """
    text = resources.files("smartcourt.engines.uploads").joinpath("data", "limits.json").read_text("utf-8")
    raw = json.loads(text)
    return UploadPolicy(
        max_bytes=MappingProxyType({UploadKind(key): int(value) for key, value in raw["max_bytes"].items()}),
        allowed=frozenset(UploadKind(value) for value in raw["allowed"]),
        max_pixels=int(raw["max_pixels"]),
        max_side=int(raw["max_side"]),
        max_pdf_pages=int(raw["max_pdf_pages"]),
        docx_max_uncompressed=int(raw["docx_max_uncompressed"]),
        docx_max_ratio=float(raw["docx_max_ratio"]),
        docx_max_entries=int(raw["docx_max_entries"]),
        docx_allow_external_hyperlinks=bool(raw["docx_allow_external_hyperlinks"]),
    )


@dataclass(frozen=True, slots=True)
class InspectedUpload:
    """An upload that passed every check.

    >>> InspectedUpload(UploadKind.PNG, "image/png", "png", 10, "ab", None, 1, 1).kind.value
    'png'
    """

    kind: UploadKind
    media_type: str
    extension: str
    size: int
    sha256: str
    page_count: int | None = None
    width: int | None = None
    height: int | None = None
    warnings: tuple[str, ...] = field(default=())
