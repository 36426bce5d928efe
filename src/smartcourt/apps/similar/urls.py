from django.urls import path

from smartcourt.apps.similar import views

app_name = "similar"

urlpatterns = [
    path("cases/<int:case_id>/panel/", views.panel, name="panel"),
    path("cases/<int:case_id>/search/", views.search, name="search"),
    path("cases/<int:case_id>/deviation/", views.deviation, name="deviation"),
    path("cases/<int:case_id>/report/", views.report, name="report"),
    path("cases/<int:case_id>/report.docx", views.report_docx, name="report_docx"),
]
