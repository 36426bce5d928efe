from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from smartcourt.apps.accounts.models import ApiToken, User


@admin.register(User)
class SmartcourtUserAdmin(UserAdmin):
    list_display = ["username", "full_name", "role", "court", "department", "is_active", "last_login"]
    list_filter = ["role", "is_active", "court__level"]
    search_fields = ["username", "full_name", "court__name"]
    fieldsets = (
        *UserAdmin.fieldsets,
        ("法院信息", {"fields": ("full_name", "role", "court", "department", "phone")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "created_at", "expires_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    readonly_fields = ["token_hash", "prefix", "user", "created_at", "last_used_at"]
