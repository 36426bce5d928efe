from django.urls import path

from smartcourt.apps.casefile import views

app_name = "casefile"

urlpatterns = [
    path("cases/<int:case_id>/panel/", views.panel, name="panel"),
    path("cases/<int:case_id>/", views.viewer, name="viewer"),
    path("cases/<int:case_id>/upload/", views.upload, name="upload"),
    path("cases/<int:case_id>/compare/", views.compare, name="compare"),
    path("cases/<int:case_id>/archive/", views.archive_build, name="archive_build"),
    path("cases/<int:case_id>/archive/check/", views.archive_check, name="archive_check"),
    path("materials/<int:material_id>/correct/", views.correct, name="correct"),
    path("materials/<int:material_id>/original/", views.original, name="original"),
    path("pages/<int:page_id>/thumbnail.png", views.thumbnail, name="thumbnail"),
    path("pages/<int:page_id>/image.png", views.page_image, name="page_image"),
    path("pages/<int:page_id>/annotate/", views.annotate, name="annotate"),
    path("annotations/<int:annotation_id>/delete/", views.annotation_delete, name="annotation_delete"),
    path("backfill/<int:field_id>/decide/", views.backfill_decide, name="backfill_decide"),
    path("requests/", views.requests_page, name="requests"),
    path("requests/<int:request_id>/decide/", views.request_decide, name="request_decide"),
]
