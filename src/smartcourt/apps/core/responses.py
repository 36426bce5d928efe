"""The one way a web view answers a refused request: the domain error's Chinese message with its status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smartcourt.apps.core.errors import DomainError


def error_page(request: HttpRequest, exc: DomainError, *, fragment: bool = False) -> HttpResponse:
    """The error as a whole page, or as a fragment for an htmx-loaded case panel (whose title the case
    page owns)."""
    template = "core/_error.html" if fragment else "core/error.html"
    return render(request, template, {"message": exc.message}, status=exc.http_status)
