"""``hoinghi documents issue --agency CODE --year YYYY --type SLUG --as USERNAME``.

A draft of the type from the year's data, then issued at once: the next number of its
series in the register, the text frozen, the DOCX stored (as "Ban hành" on the web).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from hoinghi.documents.access import can_edit
from hoinghi.documents.catalogue import BY_SLUG
from hoinghi.documents.commandline import add_document_arguments, requested_document
from hoinghi.documents.services import DocumentError, create_draft, issue_document, render
from hoinghi.org.commandline import acting_user, add_year_arguments, agency_of, date_argument


class Command(BaseCommand):
    help = (
        "Ban hành một văn bản có số (văn thư, lãnh đạo cơ quan): lập dự thảo từ số liệu của năm "
        "rồi cấp số tiếp theo trong sổ đăng ký, ghi tệp DOCX. --year là năm công tác được tổng "
        "kết; văn bản Hội nghị là của Hội nghị tổng kết năm đó."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        add_document_arguments(parser)
        parser.add_argument("--on", type=date_argument, default=None, help="ngày ban hành")
        parser.add_argument(
            "--confirm-empty", action="store_true", help="vẫn ban hành khi danh sách trống"
        )
        parser.add_argument("-o", "--output", default="", help="ghi thêm bản DOCX ra tệp này")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = agency_of(options["agency"])
        user = acting_user(options["username"], agency, can_edit, "văn thư, lãnh đạo cơ quan")
        slug, person, year = requested_document(agency, options)
        try:
            with transaction.atomic():  # no draft is left behind by a refused issue
                draft = create_draft(agency, slug, year=year, actor=user, person=person)
                document = issue_document(
                    draft, actor=user, on=options["on"], confirm_empty=options["confirm_empty"]
                )
        except DocumentError as exc:
            name = f"--{exc.field.replace('_', '-')}" if exc.field else "--type"
            name = {"--issued-on": "--on"}.get(name, name)
            raise CommandError(f"{name}: {exc.message}") from None
        number = document.number_text or "không đánh số"
        self.stdout.write(
            f"Đã ban hành {BY_SLUG[slug].name} ({number}) ngày {document.issued_on:%d/%m/%Y}."
        )
        if options["output"]:
            output = Path(options["output"])
            output.write_bytes(render(document))
            self.stdout.write(f"Đã ghi {output}.")
