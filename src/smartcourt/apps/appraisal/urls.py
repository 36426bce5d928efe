from django.urls import path

from smartcourt.apps.appraisal import views

app_name = "appraisal"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("cases/<int:case_id>/panel/", views.case_panel, name="case_panel"),
    path("<str:number>/", views.request_detail, name="detail"),
    path("<str:number>/<str:action>/", views.request_action, name="action"),
]
