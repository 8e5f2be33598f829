from django.urls import path

from hoinghi.security import views

app_name = "security"

urlpatterns = [
    path("<slug:agency_code>/khoa-dang-nhap/", views.lockouts, name="lockouts"),
]
