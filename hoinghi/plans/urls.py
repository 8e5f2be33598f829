from django.urls import path

from hoinghi.plans import views

app_name = "plans"

urlpatterns = [
    path("<slug:agency_code>/cua-toi/", views.my_items, name="mine"),
    path("<slug:agency_code>/<int:year>/", views.year_items, name="year"),
    path("<slug:agency_code>/<int:year>/them/", views.create_item, name="create-item"),
    path("<slug:agency_code>/<int:year>/nhap/", views.import_year, name="import"),
    path("<slug:agency_code>/<int:year>/<int:pk>/", views.item_detail, name="item"),
    path(
        "<slug:agency_code>/<int:year>/<int:pk>/tien-do/",
        views.record_progress,
        name="record-progress",
    ),
    path("<slug:agency_code>/<int:year>/<int:pk>/giao/", views.assign_item, name="assign-item"),
    path(
        "<slug:agency_code>/<int:year>/<int:pk>/minh-chung/",
        views.add_evidence,
        name="add-evidence",
    ),
]
