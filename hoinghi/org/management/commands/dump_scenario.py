"""`hoinghi dump --agency CODE FILE`: write an agency in the scenario format."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.org.models import Agency
from hoinghi.org.scenario import dump_scenario
from hoinghi.org.scenario.files import is_json


class Command(BaseCommand):
    help = "Xuất dữ liệu một cơ quan ra tệp kịch bản (YAML, hoặc JSON khi tên tệp kết thúc bằng .json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, metavar="CODE", help="Mã cơ quan.")
        parser.add_argument("file", metavar="FILE", help="Tệp ghi ra; '-' để in ra màn hình.")
        parser.add_argument(
            "--json", action="store_true", help="Ghi dạng JSON (mặc định theo đuôi tệp)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã «{options['agency']}».")
        path = options["file"]
        text = dump_scenario(agency, as_json=options["json"] or is_json(path))
        if path == "-":
            self.stdout.write(text, ending="")
            return
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            raise CommandError(f"Không ghi được tệp {path}: {error.strerror}") from error
        self.stdout.write(f"Đã xuất cơ quan {agency.code} ra {path}.")
