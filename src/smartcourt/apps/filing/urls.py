from django.urls import path

from smartcourt.apps.filing import views

app_name = "filing"

urlpatterns = [
    path("", views.index, name="index"),
    path("review/", views.review_queue, name="review_queue"),
    path("receiving/", views.receiving_queue, name="receiving_queue"),
    path("<int:filing_id>/", views.detail, name="detail"),
    path("<int:filing_id>/step/<str:step>/", views.step, name="step"),
    path("<int:filing_id>/uploads/", views.upload_add, name="upload_add"),
    path("<int:filing_id>/uploads/<int:upload_id>/", views.upload_download, name="upload_download"),
    path("<int:filing_id>/uploads/<int:upload_id>/delete/", views.upload_remove, name="upload_remove"),
    path("<int:filing_id>/submit/", views.submit, name="submit"),
    path("<int:filing_id>/correction/", views.request_correction, name="correction"),
    path("<int:filing_id>/accept/", views.accept, name="accept"),
    path("<int:filing_id>/refuse/", views.refuse, name="refuse"),
    path("<int:filing_id>/forward/", views.forward, name="forward"),
    path("<int:filing_id>/return/", views.return_materials, name="return"),
]
