from django.urls import path

from smartcourt.apps.evidence import views

app_name = "evidence"

urlpatterns = [
    path("", views.evidence_index, name="index"),
    path("entries/<int:entry_id>/receipt.json", views.entry_receipt, name="receipt"),
    path("verify/", views.verify, name="verify"),
]
