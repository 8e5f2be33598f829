from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from hoinghi.documents.catalogue import KINDS
from hoinghi.law.documents import DOCUMENT_TYPES

PERSON = {"no": "", "optional": " [--person tùy chọn]", "required": " [cần --person]"}


class Command(BaseCommand):
    help = "Liệt kê các loại văn bản tạo được: mã (slug), tên, loại theo Nghị định 30/2020."

    def handle(self, *args: Any, **options: Any) -> None:
        for k in KINDS:
            law_type = DOCUMENT_TYPES[k.doc_type][0] if k.doc_type else "không đánh số"
            unverified = " [thể thức chưa xác minh]" if k.description else ""
            self.stdout.write(f"{k.slug:32} {k.name} ({law_type}){PERSON[k.person]}{unverified}")
