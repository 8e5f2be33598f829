"""`hoinghi serve`: keep a secret key, migrate, load the demo agencies into an empty database,
print the sample logins, start the background-job worker (``hoinghi jobs worker``, which stops
when the server does) and serve with gunicorn (WSGI; static files by whitenoise)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from hoinghi.org.checks import secret_key_problem


class Command(BaseCommand):
    help = "Chuẩn bị cơ sở dữ liệu, nạp dữ liệu mẫu khi còn trống và chạy máy chủ web."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("HOINGHI_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("HOINGHI_WORKERS", "2"))
        )
        parser.add_argument("--no-demo", action="store_true", help="Không nạp dữ liệu mẫu.")
        parser.add_argument(
            "--no-jobs-worker",
            action="store_true",
            help="Không chạy tiến trình việc nền (khi đã chạy riêng `hoinghi jobs worker`).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from hoinghi.org.demo import demo_logins, load_demo_if_empty

        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        if not os.environ.get("SECRET_KEY"):
            ensure_key_file(settings.SECRET_KEY_FILE)
            self.stdout.write(f"Khoá bí mật: {settings.SECRET_KEY_FILE} (chỉ chủ sở hữu đọc được).")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not options["no_demo"] and load_demo_if_empty():
            self.stdout.write("Đã nạp hai cơ quan mẫu.")
        url = f"http://{options['bind']}"
        self.stdout.write(
            f"\nhoinghi đang chạy tại {url}\n\nTài khoản mẫu (tên đăng nhập / mật khẩu — vai trò):"
        )
        for login in demo_logins():
            self.stdout.write(
                f"  {login.username:<14} {login.password:<18} {login.role} — {login.agency}"
            )
        self.stdout.write("")
        # The documents' long-lived PDF converter, up before the first download.
        call_command("pdf_converter", "start", verbosity=0)
        if not options["no_jobs_worker"]:
            start_jobs_worker()
        sys.stdout.flush()
        argv = [
            "gunicorn",
            "hoinghi.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--threads",
            "4",
            "--worker-connections",  # phones keep their live-state connection open
            "5000",
            "--access-logfile",
            "-",
        ]
        gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
        os.execv(gunicorn, argv)


def start_jobs_worker() -> subprocess.Popen[bytes]:
    """``hoinghi jobs worker`` as a child of this process, which gunicorn replaces next: the
    worker stops once its parent (the server) is gone."""
    command = [sys.executable, "-m", "hoinghi.cli", "jobs", "worker", "--exit-with-parent"]
    return subprocess.Popen(
        command, env={**os.environ, "DJANGO_SETTINGS_MODULE": "hoinghi.settings"}
    )


def ensure_key_file(path: Path) -> str:
    """Read the key kept at ``path``; write a new random one (mode 600) the first time.

    The gunicorn workers started next read it through hoinghi.settings."""
    if path.is_file():
        key = path.read_text(encoding="utf-8").strip()
        if secret_key_problem(key) is None:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    os.chmod(path, 0o600)
    return key
