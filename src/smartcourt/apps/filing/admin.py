from django.contrib import admin

from smartcourt.apps.filing.models import Filing, FilingFlag


@admin.register(Filing)
class FilingAdmin(admin.ModelAdmin):
    list_display = ["reference", "kind", "status", "court", "filer", "submitted_at", "review_deadline"]
    list_filter = ["status", "kind"]
    search_fields = ["reference", "filer__username"]
    readonly_fields = [f.name for f in Filing._meta.fields]


@admin.register(FilingFlag)
class FilingFlagAdmin(admin.ModelAdmin):
    list_display = ["filing", "kind", "code", "severity"]
    list_filter = ["kind", "severity"]
