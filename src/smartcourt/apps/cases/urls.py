from django.urls import path

from smartcourt.apps.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("search/", views.case_search, name="search"),
    path("register/", views.case_register, name="register"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/assign/", views.case_assign, name="assign"),
    path("<int:case_id>/transition/", views.case_transition, name="transition"),
    path("<int:case_id>/time-limit/", views.case_time_limit, name="time_limit"),
    path("<int:case_id>/parties/<int:party_id>/id-number/", views.party_id_number, name="party_id_number"),
]
