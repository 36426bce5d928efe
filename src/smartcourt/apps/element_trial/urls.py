from django.urls import path

from smartcourt.apps.element_trial import views

app_name = "element_trial"

urlpatterns = [
    path("cases/<int:case_id>/panel/", views.panel, name="panel"),
    path("cases/<int:case_id>/", views.case_page, name="case"),
    path("cases/<int:case_id>/build/", views.build, name="build"),
    path("cases/<int:case_id>/rows/", views.row_update, name="row_update"),
    path("cases/<int:case_id>/figures/", views.figures, name="figures"),
    path("cases/<int:case_id>/outline.docx/", views.outline_docx, name="outline_docx"),
    path("cases/<int:case_id>/judgment/", views.judgment, name="judgment"),
]
