from django.urls import path

from smartcourt.apps.payments import views

app_name = "payments"

urlpatterns = [
    path("", views.my_orders, name="my_orders"),
    path("orders/<str:order_number>/", views.order_detail, name="order_detail"),
    path("orders/<str:order_number>/receipt.docx", views.receipt_download, name="receipt"),
    path("orders/<str:order_number>/refund/", views.refund, name="refund"),
    path("orders/<str:order_number>/relief/", views.relief_apply, name="relief_apply"),
    path("relief/<int:application_id>/decide/", views.relief_decide, name="relief_decide"),
    path("sandbox/<str:order_number>/", views.sandbox, name="sandbox"),
    path("cases/<int:case_id>/panel/", views.case_panel, name="case_panel"),
]
