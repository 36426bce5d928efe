"""The virus-scan hook: a Protocol, a no-op default and an EICAR test-string detector."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["EICAR", "EicarScanner", "NoOpScanner", "ScanResult", "VirusScanner"]

# The EICAR anti-virus test file (https://www.eicar.org/download-anti-malware-testfile/), split so that this
# source file itself is not flagged by scanners.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What a scanner found: ``clean`` or a ``signature`` name.

    >>> ScanResult(clean=False, signature="EICAR-Test-File", engine="eicar").clean
    False
    """

    clean: bool
    signature: str | None = None
    engine: str = ""


class VirusScanner(Protocol):
    """Anything that can scan bytes (a ClamAV adapter in production lives in the app layer).

    >>> scanner: VirusScanner = EicarScanner()
    >>> scanner.scan(b"abc", filename="a.pdf").clean
    True
    """

    def scan(self, data: bytes, *, filename: str) -> ScanResult:
        """Scan ``data``; never raise for a dirty file, return ``clean=False``."""
        ...


class NoOpScanner:
    """The default scanner: finds everything clean.

    >>> NoOpScanner().scan(EICAR, filename="x.txt")
    ScanResult(clean=True, signature=None, engine='noop')
    """

    def scan(self, data: bytes, *, filename: str) -> ScanResult:
        """Always clean."""
        return ScanResult(clean=True, engine="noop")


class EicarScanner:
    """Detects the EICAR test string anywhere in the bytes (for tests and for checking the hook is wired).

    >>> EicarScanner().scan(b"prefix" + EICAR, filename="x.pdf").signature
    'EICAR-Test-File'
    >>> EicarScanner().scan(b"%PDF-1.7", filename="x.pdf").clean
    True
    """

    def scan(self, data: bytes, *, filename: str) -> ScanResult:
        """Dirty when the EICAR string occurs."""
        if EICAR in data:
            return ScanResult(clean=False, signature="EICAR-Test-File", engine="eicar")
        return ScanResult(clean=True, engine="eicar")
