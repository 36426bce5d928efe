"""Pages of notifications: 我的消息 (inbox, unread count, mark read) and channel preferences."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.notifications import selectors, services


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    page = Paginator(selectors.message_list(user=request.user, unread_only=unread_only), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread": selectors.unread_count(user=request.user), "unread_only": unread_only},
    )


@login_required
@require_POST
def message_read(request: HttpRequest, message_id: int) -> HttpResponse:
    """Mark read and follow the message's link (only a link on this site)."""
    try:
        message = services.message_mark_read(message_id=message_id, user=request.user)
    except DomainError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)
    if message.link and url_has_allowed_host_and_scheme(message.link, allowed_hosts={request.get_host()}):
        return redirect(message.link)
    return redirect("notifications:inbox")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    n = services.messages_mark_all_read(user=request.user)
    flash.success(request, f"已将 {n} 条消息标为已读")
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        errors = []
        for item in selectors.preferences_of(user=request.user):
            channel = str(item["channel"])
            try:
                services.preference_set(
                    user=request.user,
                    channel=channel,
                    enabled=request.POST.get(f"{channel}_enabled") == "on",
                    address=request.POST.get(f"{channel}_address", "")[:200],
                )
            except DomainError as exc:
                errors.append(f"{item['label']}：{exc.message}")
        if errors:
            for e in errors:
                flash.error(request, e)
        else:
            flash.success(request, "通知设置已保存")
            return redirect("notifications:preferences")
    return render(
        request, "notifications/preferences.html", {"prefs": selectors.preferences_of(user=request.user)}
    )
