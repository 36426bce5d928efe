"""GB/T 2260 administrative division codes (every code that ever existed), loaded once from data."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Division", "divisions", "get_division"]


@dataclass(frozen=True, slots=True)
class Division:
    """One 6-digit division code with its latest name and the revisions that list it.

    >>> get_division("110105")
    Division(code='110105', name='朝阳区', first_revision='198012', last_revision='202306')
    """

    code: str
    name: str
    first_revision: str
    last_revision: str

    @property
    def current(self) -> bool:
        """Whether the code is in the newest source (2023 statistical codes)."""
        return self.last_revision == _newest_revision()


@cache
def divisions() -> dict[str, Division]:
    """All known division codes, keyed by code.

    >>> divisions()["440305"].name
    '南山区'
    """
    blob = resources.files(__package__).joinpath("data/gb2260_codes.tsv.gz").read_bytes()
    lines = gzip.decompress(blob).decode("utf-8").splitlines()
    table: dict[str, Division] = {}
    for line in lines[1:]:
        code, name, first, last = line.split("\t")
        table[code] = Division(code, name, first, last)
    return table


@cache
def _newest_revision() -> str:
    return max(division.last_revision for division in divisions().values())


def get_division(code: str) -> Division | None:
    """The division with this 6-digit code, or ``None`` if no GB/T 2260 revision lists it.

    >>> get_division("999999") is None
    True
    """
    return divisions().get(code)


def current_county_codes() -> tuple[str, ...]:
    """County-level codes in the newest source, sorted (used by the demo-data generators)."""
    newest = _newest_revision()
    return tuple(
        sorted(
            code
            for code, division in divisions().items()
            if division.last_revision == newest and not code.endswith("00") and code[:2] not in _HMT
        )
    )


_HMT = frozenset({"71", "81", "82", "83"})
