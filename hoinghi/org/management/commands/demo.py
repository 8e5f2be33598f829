"""`hoinghi demo`: load the two demo agencies and print their sample logins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from hoinghi.org.demo import demo_logins, load_demo


class Command(BaseCommand):
    help = "Nạp hai cơ quan mẫu (Cơ quan Huyện ủy, Ban Dân vận Tỉnh ủy); chạy lại không tạo trùng."

    def handle(self, *args: Any, **options: Any) -> None:
        load_demo()
        self.stdout.write(
            "Đã nạp hai cơ quan mẫu.\n\nTài khoản mẫu (tên đăng nhập / mật khẩu — vai trò):"
        )
        for login in demo_logins():
            self.stdout.write(
                f"  {login.username:<22} {login.password:<18} {login.role} — {login.agency}"
            )
