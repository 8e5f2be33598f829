from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.documents.commandline import add_document_arguments, requested_document
from hoinghi.documents.pdf import PdfUnavailable, docx_to_pdf
from hoinghi.documents.services import DocumentError, render_kind
from hoinghi.org.commandline import add_year_arguments, agency_of


class Command(BaseCommand):
    help = (
        "Tạo một văn bản (DOCX, và PDF nếu có LibreOffice) của một cơ quan, một năm: "
        "hoinghi documents render --agency MA --year 2023 --type bien-ban-hoi-nghi -o bb.docx "
        "(--year là năm công tác được tổng kết; văn bản Hội nghị là của Hội nghị tổng kết năm đó)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser, acting=False)
        add_document_arguments(parser)
        parser.add_argument("-o", "--output", required=True, help="tệp DOCX ghi ra")
        parser.add_argument("--pdf", action="store_true", help="ghi thêm tệp PDF cùng tên")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = agency_of(options["agency"])
        slug, person, year = requested_document(agency, options)
        try:
            docx = render_kind(slug, agency, year, person=person)
        except DocumentError as exc:
            raise CommandError(f"--type {slug}: {exc.message}") from None
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
