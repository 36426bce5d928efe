from django.urls import path

from smartcourt.apps.criminal import views

app_name = "criminal"

urlpatterns = [
    path("cases/<int:case_id>/panel/", views.panel, name="panel"),
    path("cases/<int:case_id>/", views.case_page, name="case"),
    path("cases/<int:case_id>/facts/", views.facts_save, name="facts_save"),
    path("cases/<int:case_id>/facts/import/", views.facts_import, name="facts_import"),
    path("cases/<int:case_id>/overrides/", views.override, name="override"),
    path("cases/<int:case_id>/sentencing-table.docx", views.table_docx, name="table_docx"),
    path("cases/<int:case_id>/evidence/stage/", views.stage_set, name="stage_set"),
    path("cases/<int:case_id>/evidence/materials/", views.material_add, name="material_add"),
    path(
        "cases/<int:case_id>/evidence/materials/<int:material_id>/remove/",
        views.material_remove,
        name="material_remove",
    ),
    path(
        "cases/<int:case_id>/evidence/materials/<int:material_id>/file",
        views.material_file,
        name="material_file",
    ),
    path("cases/<int:case_id>/evidence/ready/", views.ready, name="ready"),
    path("cases/<int:case_id>/evidence/unready/", views.unready, name="unready"),
]
