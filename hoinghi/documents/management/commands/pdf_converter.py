"""`hoinghi pdf_converter start|stop|status`: the long-lived PDF converter (``hoinghi serve``
starts it; it also starts on the first PDF download and stops after idle minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.documents import converter


class Command(BaseCommand):
    help = "Bộ chuyển PDF thường trực (LibreOffice chạy sẵn): start, stop, status."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["start", "stop", "status"])

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "start":
            converter.start_in_background()
        elif action == "stop":
            converter.stop()
        answer = converter.ping()
        if options["verbosity"] > 0:
            if answer:
                self.stdout.write(
                    f"Bộ chuyển PDF đang chạy (tiến trình {answer['pid']}, LibreOffice "
                    f"{answer['office_pid']}, đã chuyển {answer['converted']} văn bản)."
                )
            elif converter.enabled():
                self.stdout.write("Bộ chuyển PDF chưa chạy; sẽ tự chạy khi cần.")
            else:
                self.stdout.write(
                    "Không dùng bộ chuyển PDF thường trực (thiếu python3-uno hoặc "
                    "HOINGHI_PDF_CONVERTER=process): mỗi PDF một tiến trình LibreOffice."
                )
