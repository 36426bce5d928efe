from django.urls import path

from smartcourt.apps.preservation import views

app_name = "preservation"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("new/", views.application_new, name="new"),
    path("insurer-sandbox/", views.sandbox_letter, name="sandbox_letter"),
    path("<str:number>/", views.application_detail, name="detail"),
    path("<str:number>/<str:action>/", views.application_action, name="action"),
    path("cases/<int:case_id>/panel/", views.case_panel, name="case_panel"),
]
