from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hoinghi.org.views.accounts import set_password
from hoinghi.org.views.home import health, home
from hoinghi.org.views.legal_basis import legal_basis
from hoinghi.security.forms import SignInForm

urlpatterns = [
    path("", home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("suc-khoe/", health, name="health"),
    path("dat-mat-khau/", set_password, name="set-password"),
    path("dat-mat-khau/<str:code>/", set_password, name="set-password-code"),
    path("co-so-phap-ly/", legal_basis, name="legal-basis"),
    path("quan-tri/", admin.site.urls),
    path("co-quan/", include("hoinghi.org.urls")),
    path("chi-tieu/", include("hoinghi.plans.urls")),
    path("danh-gia/", include("hoinghi.evaluation.urls")),
    path("bieu-quyet/", include("hoinghi.voting.urls")),
    path("thi-dua/", include("hoinghi.emulation.urls")),
    path("hoi-nghi/", include("hoinghi.conference.urls")),
    path("van-ban/", include("hoinghi.documents.urls")),
    path("bao-cao/", include("hoinghi.reports.urls")),
    path("bao-mat/", include("hoinghi.security.urls")),
]

handler500 = "hoinghi.security.errors.server_error"  # 503 page during a database outage
