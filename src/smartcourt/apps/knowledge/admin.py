from django.contrib import admin

from smartcourt.apps.knowledge.models import Article, Law, LawVersion


class LawVersionInline(admin.TabularInline):
    model = LawVersion
    extra = 0
    fields = ["label", "issued_on", "effective_on", "repealed_on", "source_file"]


@admin.register(Law)
class LawAdmin(admin.ModelAdmin):
    list_display = ["title", "short_name", "kind", "folder", "repealed_on"]
    list_filter = ["kind", "folder"]
    search_fields = ["title", "short_name"]
    inlines = [LawVersionInline]


@admin.register(LawVersion)
class LawVersionAdmin(admin.ModelAdmin):
    list_display = ["law", "label", "issued_on", "effective_on", "repealed_on", "source_file"]
    search_fields = ["law__title", "source_file"]
    list_select_related = ["law"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["number_chinese", "version", "chapter", "deleted"]
    search_fields = ["version__law__title", "text"]
    list_select_related = ["version__law"]
    raw_id_fields = ["version"]
