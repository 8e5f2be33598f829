from django.urls import path

from hoinghi.org.views import accounts, directory, years
from hoinghi.org.views import imports as staff_files

app_name = "org"

urlpatterns = [
    path("<slug:agency_code>/", directory.agency_detail, name="agency"),
    path("<slug:agency_code>/don-vi/<slug:unit_code>/", directory.unit_detail, name="unit"),
    path("<slug:agency_code>/can-bo/", directory.people_list, name="people"),
    path("<slug:agency_code>/can-bo/<str:staff_code>/", directory.person_detail, name="person"),
]

# Staff import and export: not under "can-bo/", whose second segment is a staff code.
urlpatterns += [
    path("<slug:agency_code>/nhap-can-bo/", staff_files.import_upload, name="import-staff"),
    path(
        "<slug:agency_code>/nhap-can-bo/mau.xlsx",
        staff_files.import_template,
        name="import-template",
    ),
    path(
        "<slug:agency_code>/nhap-can-bo/<uuid:token>/",
        staff_files.import_preview,
        name="import-preview",
    ),
    path(
        "<slug:agency_code>/nhap-can-bo/<uuid:token>/xac-nhan/",
        staff_files.import_confirm,
        name="import-confirm",
    ),
    path("<slug:agency_code>/xuat-can-bo.xlsx", staff_files.export_people, name="export-people"),
]

# Accounts, login letters and roles: for the administrator and the clerk.
urlpatterns += [
    path("<slug:agency_code>/tai-khoan/", accounts.accounts_page, name="accounts"),
    path(
        "<slug:agency_code>/tai-khoan/<str:staff_code>/",
        accounts.person_account,
        name="person-account",
    ),
    path("<slug:agency_code>/phan-quyen/", accounts.roles_page, name="roles"),
]

# Work years: the list, opening the next year, the year board and closing.
urlpatterns += [
    path("<slug:agency_code>/nam-cong-tac/", years.years_page, name="years"),
    path("<slug:agency_code>/nam-cong-tac/<int:year>/", years.year_page, name="year"),
]
