from django.urls import path

from smartcourt.apps.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("judgments/<int:judgment_id>/", views.judgment_page, name="judgment"),
]
