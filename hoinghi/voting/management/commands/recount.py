"""``hoinghi recount FILE [--digest SHA256]``: recount a poll from its export, offline.

Reads the JSON export (``…/kiem-phieu.json``), recomputes its SHA-256 digest, counts the
ballots again and asks the law for the outcome again. No database is read. Exit status 0
when everything agrees, 1 otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.voting.recount import recount


class Command(BaseCommand):
    help = "Kiểm lại phiếu từ bản xuất kiểm phiếu (JSON), không cần cơ sở dữ liệu."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp kiem-phieu-N.json")
        parser.add_argument(
            "--digest", default="", help="mã băm SHA-256 đã công bố (trên trang kết quả, biên bản)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            export = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
            checked = recount(export)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"Không đọc được bản xuất: {exc}") from exc
        published = options["digest"].strip().lower()
        self.stdout.write(f"Mã băm tính lại: {checked.digest}")
        self.stdout.write(
            f"Kết quả tính lại: {checked.outcome}; số liệu: "
            f"{json.dumps(checked.counts, ensure_ascii=False, sort_keys=True)}"
        )
        problems = list(checked.problems)
        if published and published != checked.digest:
            problems.append("Mã băm tính lại khác mã băm đã công bố.")
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError("Kiểm lại KHÔNG khớp.", returncode=1)
        self.stdout.write("Kiểm lại khớp: mã băm, số liệu và kết quả đều đúng.")
