from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.documents.models import BatchState, DocumentBatch
from hoinghi.documents.services import BATCH_JOB, queue_batch, recover_stale_batches
from hoinghi.jobs.commandline import add_loop_arguments
from hoinghi.jobs.runner import run_pending


class Command(BaseCommand):
    help = (
        "Tạo các lô văn bản đang chờ (như `hoinghi jobs worker`, chỉ cho lô văn bản); lô đang tạo "
        "mà luồng của nó đã chết (không có tín hiệu 5 phút) được tạo lại một lần, rồi báo lỗi. "
        "--once: làm hết các lô đang chờ rồi dừng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_loop_arguments(parser, what="lô", interval=5.0)

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for batch in recover_stale_batches():
                self.stdout.write(
                    f"Lô {batch.pk}: luồng tạo lô đã dừng; {batch.get_state_display().lower()}."
                )
            pending = DocumentBatch.objects.filter(state=BatchState.PENDING).order_by("pk")
            for pk in pending.values_list("pk", flat=True)[:100]:
                queue_batch(pk, start=False)  # a batch whose job was lost gets one
            jobs = run_pending([BATCH_JOB])
            for job in jobs:
                done = DocumentBatch.objects.get(pk=job.arguments["batch"])
                self.stdout.write(
                    f"Lô {done.pk}: {done.get_state_display()} ({done.done}/{done.total}) "
                    f"{done.error}".rstrip()
                )
            if options["once"]:
                return
            if not jobs:
                time.sleep(options["interval"])
