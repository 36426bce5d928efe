"""The platform's OCR settings: ``OcrSettings`` with the overrides in Django's ``OCR_SETTINGS``.

The case-file pipeline and ``smartcourt ocr`` both take their settings from here, so an operator's change
applies to both.
"""

from __future__ import annotations

from dataclasses import fields

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from smartcourt.engines.ocr import OcrSettings


def platform_ocr_settings(**overrides: object) -> OcrSettings:
    """``OcrSettings`` from ``settings.OCR_SETTINGS`` and then ``overrides`` (e.g. a command's ``--dpi``)."""
    values = {**getattr(settings, "OCR_SETTINGS", {}), **overrides}
    known = {f.name for f in fields(OcrSettings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ImproperlyConfigured(f"OCR_SETTINGS has unknown keys {unknown}; known: {sorted(known)}")
    return OcrSettings(**values)  # type: ignore[arg-type]
