"""``hoinghi import staff FILE --agency CODE [--dry-run]``: the staff import from a shell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.org.imports.files import read_upload
from hoinghi.org.imports.services import StaffImportError, import_staff
from hoinghi.org.models import Agency


class Command(BaseCommand):
    help = (
        "Nhập danh sách cán bộ (đơn vị, người, chức danh) của một cơ quan từ tệp .xlsx hoặc .csv. "
        "Chỉ nhập khi mọi dòng hợp lệ; nhập lại cùng tệp không thay đổi gì."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp .xlsx hoặc .csv theo mẫu (docs/import.md)")
        parser.add_argument("--agency", required=True, help="mã cơ quan, ví dụ van-phong-tinh-uy")
        parser.add_argument(
            "--dry-run", action="store_true", help="chỉ kiểm tra và báo dự kiến, không ghi"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            agency = Agency.objects.get(code=options["agency"])
        except Agency.DoesNotExist:
            raise CommandError(f"Không có cơ quan mã «{options['agency']}».") from None
        try:
            with path.open("rb") as handle:  # at most one byte past the size limit
                data = read_upload(iter(lambda: handle.read(65_536), b""))
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp «{path}»: {exc.strerror}.") from None
        try:
            counts = import_staff(agency, data, filename=path.name, dry_run=options["dry_run"])
        except StaffImportError as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError(
                f"Không nhập: tệp «{path.name}» có {len(exc.messages)} lỗi."
            ) from None
        verb = "Sẽ" if options["dry_run"] else "Đã"
        self.stdout.write(
            f"{verb} thêm {counts.people_created} người, cập nhật {counts.people_updated}, giữ nguyên "
            f"{counts.people_unchanged}; thêm {counts.units_created} đơn vị (cập nhật {counts.units_updated}); "
            f"thêm {counts.positions_created} chức danh (cập nhật {counts.positions_updated})."
        )
