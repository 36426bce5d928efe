from django.urls import path

from smartcourt.apps.file_review import views

app_name = "file_review"

urlpatterns = [
    path("", views.index, name="index"),
    path("cases/<int:case_id>/", views.case_materials, name="case"),
    path("cases/<int:case_id>/log/", views.log, name="log"),
    path("cases/<int:case_id>/panel/", views.case_panel, name="case_panel"),
    path("materials/<int:material_id>/pages/<int:number>/", views.page_view, name="page"),
    path("materials/<int:material_id>/pages/<int:number>.png", views.page_image, name="page_image"),
    path(
        "materials/<int:material_id>/pages/<int:number>/download", views.page_download, name="page_download"
    ),
]
