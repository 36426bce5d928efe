"""The response django-axes gives once an account is locked: JSON for the API, a Chinese page for the web."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

MESSAGE = "登录失败次数过多，账户已被临时锁定，请稍后再试"


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"code": "auth.locked_out", "message": MESSAGE, "detail": {"cooloff_minutes": minutes}},
            status=429,
        )
    return render(request, "accounts/locked_out.html", {"cooloff_minutes": minutes}, status=429)
