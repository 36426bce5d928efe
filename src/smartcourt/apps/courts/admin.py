from django.contrib import admin

from smartcourt.apps.courts.models import Court, Department


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "division_code", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "code", "division_code"]
    inlines = [DepartmentInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "court", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "court__name"]
