"""The sign-in forms (ours and the admin site's): a leaver is refused after the password."""

from __future__ import annotations

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import AbstractBaseUser, User
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from hoinghi.security.leavers import refused_sign_in

WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


def refuse_leaver(request: HttpRequest | None, user: AbstractBaseUser) -> None:
    end = refused_sign_in(request, user)
    if end is not None:
        raise ValidationError(end.message(), code="left")


class SignInForm(AuthenticationForm):
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": WRONG}

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        refuse_leaver(self.request, user)


class AdminSignInForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        refuse_leaver(self.request, user)
