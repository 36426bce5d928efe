from django.urls import path

from smartcourt.apps.service import views

app_name = "service"

urlpatterns = [
    path("", views.my_documents, name="my_documents"),
    path("<int:record_id>/", views.record_detail, name="record"),
    path("<int:record_id>/document", views.document_download, name="document"),
    path("<int:record_id>/proof.docx", views.proof_download, name="proof"),
    path("<int:record_id>/receipt.json", views.receipt_download, name="receipt"),
    path("<int:record_id>/postal.docx", views.postal_download, name="postal"),
    path("<int:record_id>/bounce/", views.bounce, name="bounce"),
    path("cases/<int:case_id>/panel/", views.case_panel, name="case_panel"),
]
