from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.documents.catalogue import BY_SLUG
from hoinghi.documents.commandline import add_conference_date, source_year
from hoinghi.documents.pdf import PdfUnavailable, docx_to_pdf
from hoinghi.documents.services import DocumentError, render_kind
from hoinghi.org.models import Agency, Person


class Command(BaseCommand):
    help = (
        "Tạo một văn bản (DOCX, và PDF nếu có LibreOffice) của một cơ quan, một năm: "
        "hoinghi documents render --agency MA --year 2023 --type bien-ban-hoi-nghi -o bb.docx "
        "(--year là năm công tác được tổng kết; văn bản Hội nghị là của Hội nghị tổng kết năm đó)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="mã cơ quan")
        parser.add_argument(
            "--year", required=True, type=int, help="năm công tác được tổng kết, ví dụ 2023"
        )
        add_conference_date(parser)
        parser.add_argument(
            "--type", required=True, dest="slug", help="loại văn bản (hoinghi documents types)"
        )
        parser.add_argument("-o", "--output", required=True, help="tệp DOCX ghi ra")
        parser.add_argument("--pdf", action="store_true", help="ghi thêm tệp PDF cùng tên")
        parser.add_argument("--person", default="", help="mã cán bộ (văn bản cá nhân)")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"--agency: không có cơ quan mã «{options['agency']}».")
        if options["slug"] not in BY_SLUG:
            raise CommandError(
                f"--type: không có loại văn bản «{options['slug']}». Các loại: {', '.join(BY_SLUG)}."
            )
        person = None
        if options["person"]:
            person = Person.objects.filter(agency=agency, staff_code=options["person"]).first()
            if person is None:
                raise CommandError(
                    f"--person: không có cán bộ mã «{options['person']}» trong {agency.name}."
                )
        year = source_year(agency, options["slug"], options["year"], options["conference_date"])
        try:
            docx = render_kind(options["slug"], agency, year, person=person)
        except DocumentError as exc:
            raise CommandError(f"--type {options['slug']}: {exc.message}") from None
        output = Path(options["output"])
        output.write_bytes(docx)
        self.stdout.write(f"Đã ghi {output} ({len(docx):,} byte).".replace(",", "."))
        if options["pdf"]:
            try:
                pdf = output.with_suffix(".pdf")
                pdf.write_bytes(docx_to_pdf(docx, name=output.stem))
                self.stdout.write(f"Đã ghi {pdf}.")
            except PdfUnavailable as exc:
                self.stderr.write(exc.message)
