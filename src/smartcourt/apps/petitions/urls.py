from django.urls import path

from smartcourt.apps.petitions import views

app_name = "petitions"

urlpatterns = [
    path("", views.petition_list, name="list"),
    path("cases/<int:case_id>/new/", views.petition_new, name="new"),
    path("cases/<int:case_id>/panel/", views.case_panel, name="case_panel"),
    path("<str:number>/", views.petition_detail, name="detail"),
    path("<str:number>/<str:action>/", views.petition_action, name="action"),
]
