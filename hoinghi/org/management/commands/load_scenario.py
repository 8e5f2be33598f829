"""`hoinghi load FILE…`: load scenario files (YAML or JSON), each all-or-nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.org.scenario import ScenarioError, load_scenario


class Command(BaseCommand):
    help = (
        "Nạp kịch bản dữ liệu (YAML hoặc JSON) của một cơ quan; nạp lại cùng tệp không thay đổi gì."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="+", metavar="FILE", help="Tệp kịch bản .yaml, .yml hoặc .json."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ kiểm tra và cho biết sẽ thay đổi gì, không ghi vào cơ sở dữ liệu.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for path in options["files"]:
            try:
                report = load_scenario(path, dry_run=options["dry_run"])
            except ScenarioError as error:
                raise CommandError(
                    f"Không nạp được kịch bản, cơ sở dữ liệu không thay đổi.\n{error}"
                ) from error
            self.stdout.write(report.summary())
