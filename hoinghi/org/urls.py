from django.urls import path

from hoinghi.org.views import directory

app_name = "org"

urlpatterns = [
    path("<slug:agency_code>/", directory.agency_detail, name="agency"),
    path("<slug:agency_code>/don-vi/<slug:unit_code>/", directory.unit_detail, name="unit"),
    path("<slug:agency_code>/can-bo/", directory.people_list, name="people"),
    path("<slug:agency_code>/can-bo/<str:staff_code>/", directory.person_detail, name="person"),
]
