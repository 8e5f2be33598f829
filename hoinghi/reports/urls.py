from django.urls import path

from hoinghi.reports import views

app_name = "reports"

urlpatterns = [
    path("<slug:agency_code>/", views.agency_years, name="years"),
    path("<slug:agency_code>/qua-cac-nam.xlsx", views.export_trends, name="export-trends"),
    path("<slug:agency_code>/<int:year>/", views.year_dashboard, name="dashboard"),
    path(
        "<slug:agency_code>/<int:year>/bang-so-lieu.xlsx",
        views.export_dashboard,
        name="export-dashboard",
    ),
    path("<slug:agency_code>/<int:year>/toan-tinh/", views.province_dashboard, name="province"),
    path(
        "<slug:agency_code>/<int:year>/toan-tinh.xlsx",
        views.export_province,
        name="export-province",
    ),
    path("<slug:agency_code>/<int:year>/ban-tin/", views.news_report, name="news"),
    path("<slug:agency_code>/<int:year>/ban-tin/sua/", views.edit_news, name="edit-news"),
    path("<slug:agency_code>/<int:year>/ban-tin/cong-bo/", views.publish_news, name="publish-news"),
]
