"""Login letters as one Word file: one person to a page, with the QR code as a PNG."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

import segno
from django.utils import timezone
from docx import Document
from docx.enum.text import WD_BREAK, WD_PARAGRAPH_ALIGNMENT
from docx.shared import Mm, Pt

from hoinghi.org.accounts.services import IssuedLetter
from hoinghi.org.models import Agency


def _qr_png(url: str) -> io.BytesIO:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=8, border=2)
    out.seek(0)
    return out


def letters_docx(
    agency: Agency,
    letters: Sequence[tuple[IssuedLetter, str, str]],
    login_url: str,
) -> bytes:
    """``letters``: (letter, unit name, set-password address) for each person."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"  # type: ignore[attr-defined]
    style.font.size = Pt(13)  # type: ignore[attr-defined]
    for index, (letter, unit_name, url) in enumerate(letters):
        document.add_paragraph().add_run(agency.name.upper()).bold = True
        title = document.add_paragraph()
        title.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        title.add_run("THƯ ĐĂNG NHẬP PHẦN MỀM HỘI NGHỊ, THI ĐUA, ĐÁNH GIÁ").bold = True
        greeting = document.add_paragraph("Kính gửi: ")
        greeting.add_run(letter.person.full_name).bold = True
        if unit_name:
            greeting.add_run(f", {unit_name}")
        expires = timezone.localtime(letter.expires_at)  # type: ignore[arg-type]
        assert isinstance(expires, datetime)
        for label, value in (
            ("Tên đăng nhập", letter.username),
            ("Mã dùng một lần", letter.code),
            ("Hết hạn", f"{expires:%H:%M} ngày {expires:%d/%m/%Y}"),
        ):
            row = document.add_paragraph(f"{label}: ")
            run = row.add_run(value)
            run.bold = True
            run.font.name = "Liberation Mono"
        document.add_picture(_qr_png(url), width=Mm(45))
        document.add_paragraph(f"1. Quét mã QR bằng điện thoại, hoặc mở {url}")
        document.add_paragraph(
            "2. Chọn mật khẩu của mình (ít nhất 8 ký tự, không quá đơn giản) và nhập lại lần nữa."
        )
        document.add_paragraph(
            f"3. Đăng nhập tại {login_url} với tên đăng nhập ở trên và mật khẩu vừa đặt."
        )
        document.add_paragraph(
            "Mã chỉ dùng được một lần. Không đưa thư này cho người khác. "
            "Mất thư hoặc hết hạn: đề nghị văn thư cấp thư mới."
        )
        if index < len(letters) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
