from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.documents.models import BatchState, DocumentBatch
from hoinghi.documents.services import run_batch


class Command(BaseCommand):
    help = ("Tạo các lô văn bản đang chờ (khi không dùng luồng nền của máy chủ web). "
            "--once: làm hết các lô đang chờ rồi dừng.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="không chờ lô mới")
        parser.add_argument("--interval", type=float, default=5.0, help="giây giữa hai lần kiểm tra")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            pending = list(DocumentBatch.objects.filter(state=BatchState.PENDING).order_by("pk")[:10])
            for batch in pending:
                done = run_batch(batch)
                self.stdout.write(f"Lô {done.pk}: {done.get_state_display()} ({done.done}/{done.total}) "
                                  f"{done.error}".rstrip())
            if options["once"]:
                return
            if not pending:
                time.sleep(options["interval"])
