"""``hoinghi report summary --agency CODE --year YYYY [--format text|json]``."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.conference.selectors import conferences_of
from hoinghi.org.commandline import date_argument
from hoinghi.org.models import Agency
from hoinghi.org.selectors import work_year
from hoinghi.reports.news import compose_news
from hoinghi.reports.selectors import year_summary


class Command(BaseCommand):
    help = (
        "Viết bản tin năm công tác và Hội nghị tổng kết năm đó (--year là năm được tổng kết), "
        "dạng văn bản hoặc JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="Mã cơ quan, ví dụ co-quan-huyen-uy.")
        parser.add_argument(
            "--year", required=True, type=int, help="Năm công tác được tổng kết, ví dụ 2023."
        )
        parser.add_argument(
            "--conference-date",
            type=date_argument,
            default=None,
            help="ngày họp của Hội nghị tổng kết năm đó (dd/mm/yyyy), để kiểm tra",
        )
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"--agency: không có cơ quan mã «{options['agency']}».")
        found = work_year(agency, options["year"])
        if found is None:
            raise CommandError(f"--year: {agency.name} chưa có năm công tác {options['year']}.")
        held_on = options["conference_date"]
        if (
            held_on is not None
            and not conferences_of(agency).filter(held_on=held_on, reviewed_year=found).exists()
        ):
            raise CommandError(
                f"--conference-date: {agency.name} không có Hội nghị ngày {held_on:%d/%m/%Y} "
                f"tổng kết năm {found.year}."
            )
        summary = year_summary(found)
        item = compose_news(summary)
        text = item.text
        if options["format"] == "json":
            data = {**summary.to_dict(), "headline": item.headline, "text": text}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        elif text:
            self.stdout.write(f"{item.headline.upper()}\n\n{text}")
        else:
            self.stdout.write(f"Năm {found.year} chưa có số liệu để viết bản tin.")
