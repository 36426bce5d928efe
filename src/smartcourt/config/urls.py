from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from smartcourt.config.api import api

admin.site.site_header = "智慧法院平台 · 后台管理"
admin.site.site_title = "智慧法院平台"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:my_cases", permanent=False)),
    path("accounts/", include("smartcourt.apps.accounts.urls")),
    path("cases/", include("smartcourt.apps.cases.urls")),
    path("evidence/", include("smartcourt.apps.evidence.urls")),
    path("knowledge/", include("smartcourt.apps.knowledge.urls")),
    path("criminal/", include("smartcourt.apps.criminal.urls")),
    path("filing/", include("smartcourt.apps.filing.urls")),
    path("messages/", include("smartcourt.apps.notifications.urls")),
    path("payments/", include("smartcourt.apps.payments.urls")),
    path("service/", include("smartcourt.apps.service.urls")),
    path("similar/", include("smartcourt.apps.similar.urls")),
    path("casefile/", include("smartcourt.apps.casefile.urls")),
    path("preservation/", include("smartcourt.apps.preservation.urls")),
    path("appraisal/", include("smartcourt.apps.appraisal.urls")),
    path("petitions/", include("smartcourt.apps.petitions.urls")),
    path("file-review/", include("smartcourt.apps.file_review.urls")),
    path("drafting/", include("smartcourt.apps.drafting.urls")),
    path("element-trial/", include("smartcourt.apps.element_trial.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
