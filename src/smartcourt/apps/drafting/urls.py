from django.urls import path

from smartcourt.apps.drafting import views

app_name = "drafting"

urlpatterns = [
    path("cases/<int:case_id>/panel/", views.panel, name="panel"),
    path("cases/<int:case_id>/", views.workbench, name="workbench"),
    path("cases/<int:case_id>/generate/", views.generate, name="generate"),
    path("cases/<int:case_id>/upload/", views.upload, name="upload"),
    path("drafts/<int:draft_id>/", views.check, name="check"),
    path("drafts/<int:draft_id>/fix/", views.fix, name="fix"),
    path("drafts/<int:draft_id>/store/", views.store, name="store"),
    path("drafts/<int:draft_id>/download.<str:fmt>", views.download, name="download"),
]
