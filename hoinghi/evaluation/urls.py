from django.urls import path

from hoinghi.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("<slug:agency_code>/ca-nhan/<str:staff_code>/", views.person_years, name="person"),
    path("<slug:agency_code>/nghi-va-ky-luat/", views.leave_and_discipline, name="leave"),
    path("<slug:agency_code>/<int:year>/", views.year_results, name="year"),
    path("<slug:agency_code>/<int:year>/tap-the/", views.unit_decisions, name="units"),
    path("<slug:agency_code>/<int:year>/tu-danh-gia/", views.self_assess, name="self-assess"),
    path("<slug:agency_code>/<int:year>/don-vi/<slug:unit_code>/", views.unit_list, name="unit"),
    path(
        "<slug:agency_code>/<int:year>/don-vi/<slug:unit_code>/hop/",
        views.record_meeting,
        name="record-meeting",
    ),
    path(
        "<slug:agency_code>/<int:year>/don-vi/<slug:unit_code>/phe-duyet/",
        views.approve,
        name="approve",
    ),
    path(
        "<slug:agency_code>/<int:year>/don-vi/<slug:unit_code>/de-xuat/<str:staff_code>/",
        views.propose,
        name="propose",
    ),
]
