"""Self-registration (实名注册) of litigants and lawyers; the service checks and verifies everything."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from smartcourt.apps.accounts.forms import RegistrationForm
from smartcourt.apps.accounts.services import public_user_register
from smartcourt.apps.core.errors import DomainError


def register(request: HttpRequest) -> HttpResponse:
    form = RegistrationForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = public_user_register(
                role=data["role"],
                username=data["username"],
                password=data["password"],
                full_name=data["full_name"],
                id_type=data["id_type"],
                id_number=data["id_number"],
                phone=data["phone"],
                licence_number=data["licence_number"],
                law_firm=data["law_firm"],
            )
        except DomainError as exc:
            error = exc.message
            field = str(exc.detail.get("field", ""))
            if field in form.fields:
                form.add_error(field, exc.message)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "注册成功，已完成实名认证")
            return redirect("filing:index")
    elif request.method == "POST":
        error = "请检查标红的字段"
    return render(request, "accounts/register.html", {"form": form, "error": error})
