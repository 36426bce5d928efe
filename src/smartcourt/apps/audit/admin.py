from django.contrib import admin

from smartcourt.apps.audit.models import SensitiveRead


@admin.register(SensitiveRead)
class SensitiveReadAdmin(admin.ModelAdmin):
    list_display = [
        "occurred_at",
        "actor",
        "model",
        "object_id",
        "field",
        "case_id",
        "remote_addr",
        "channel",
    ]
    list_filter = ["model", "field", "channel"]
    search_fields = ["actor__username", "object_id"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
