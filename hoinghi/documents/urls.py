from django.urls import path

from hoinghi.documents import signature_views, views

app_name = "documents"

urlpatterns = [
    path("<slug:agency_code>/", views.document_list, name="list"),
    path("<slug:agency_code>/<int:pk>/", views.document_detail, name="detail"),
    path("<slug:agency_code>/<int:pk>/ban-hanh/", views.document_issue, name="issue"),
    path("<slug:agency_code>/<int:pk>/tai-ve/", views.document_download, name="download"),
    path("<slug:agency_code>/so-dang-ky/", views.register_settings, name="register"),
    path("<slug:agency_code>/so-dang-ky/xuat/", views.register_export, name="register-export"),
    path("<slug:agency_code>/so-dang-ky/in/", views.register_print, name="register-print"),
    path("<slug:agency_code>/<int:pk>/ban-ky/", views.signed_copy_upload, name="signed-copy"),
    path(
        "<slug:agency_code>/<int:pk>/ban-ky/tai-ve/",
        views.signed_copy_download,
        name="signed-copy-download",
    ),
    path(
        "<slug:agency_code>/kiem-tra-chu-ky/",
        signature_views.signature_check,
        name="signature-check",
    ),
    path("<slug:agency_code>/lo/", views.batch_start, name="batch-start"),
    path("<slug:agency_code>/lo/<int:pk>/", views.batch_detail, name="batch"),
    path("<slug:agency_code>/lo/<int:pk>/trang-thai/", views.batch_status, name="batch-status"),
    path("<slug:agency_code>/lo/<int:pk>/tai-ve/", views.batch_download, name="batch-download"),
]
