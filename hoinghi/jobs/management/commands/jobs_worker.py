from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.jobs.commandline import add_loop_arguments
from hoinghi.jobs.models import Job
from hoinghi.jobs.runner import work


class Command(BaseCommand):
    help = (
        "Chạy các việc nền đang chờ (lô văn bản, nhập danh sách cán bộ lớn, …); việc đang chạy mà "
        "tiến trình của nó đã chết (không có tín hiệu 2 phút) được chạy lại, rồi báo lỗi. "
        "--once: làm hết các việc đang chờ rồi dừng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_loop_arguments(parser, what="việc", interval=2.0)
        parser.add_argument(
            "--kind", action="append", help="chỉ chạy loại việc này (có thể nhắc lại)"
        )
        parser.add_argument(
            "--exit-with-parent",
            action="store_true",
            help="dừng khi tiến trình đã khởi động nó dừng (hoinghi serve)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        work(
            kinds=options["kind"],
            once=options["once"],
            interval=options["interval"],
            parent=os.getppid() if options["exit_with_parent"] else None,
            report=self.report,
        )

    def report(self, job: Job) -> None:
        line = f"Việc {job.pk} ({job.kind}): {job.get_state_display()}"
        if job.error:
            line += f" — {job.error}"
        self.stdout.write(line)
