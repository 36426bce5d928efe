"""Opens the audit context for each request (actor, address, correlation id)."""

from __future__ import annotations

from typing import Any

from auditlog.middleware import AuditlogMiddleware
from django.http import HttpRequest, HttpResponse

from smartcourt.apps.audit.context import LIVE, live_context


class AuditContextMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware, marking its context live for ``acting_as`` while the request runs."""

    def get_extra_data(self, request: HttpRequest) -> dict[str, Any]:
        data: dict[str, Any] = super().get_extra_data(request)
        data[LIVE] = True
        return data

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return super().__call__(request)  # type: ignore[no-any-return]
        finally:
            current = live_context()
            if current is not None:
                current[LIVE] = False
