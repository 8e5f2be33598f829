"""``hoinghi documents types`` and ``hoinghi documents render``."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from hoinghi.documents.tests.reading import full_text, load
from hoinghi.org.models import Agency

pytestmark = pytest.mark.django_db


def test_types_lists_every_slug() -> None:
    out = StringIO()
    call_command("documents_types", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 14 and lines[0].startswith("ke-hoach-hoi-nghi")
    assert any("bao-cao-thanh-tich" in line and "cần --person" in line for line in lines)


def test_render_writes_a_docx_for_a_person(demo: Agency, tmp_path: Path) -> None:
    target = tmp_path / "bc.docx"
    call_command(
        "documents_render",
        agency=demo.code,
        year=2024,
        slug="bao-cao-thanh-tich",
        output=str(target),
        person="HU05",
        stdout=StringIO(),
    )
    text = full_text(load(target.read_bytes()))
    assert "BÁO CÁO THÀNH TÍCH" in text and "Họ và tên:" in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"agency": "khong-co", "slug": "giay-moi"}, "--agency: không có cơ quan mã «khong-co»"),
        (
            {"agency": "co-quan-huyen-uy", "slug": "khong-co"},
            "--type: không có loại văn bản «khong-co»",
        ),
        (
            {"agency": "co-quan-huyen-uy", "slug": "bien-ban-hoi-nghi"},
            "--year: .* chưa có Hội nghị tổng kết năm công tác 2024",
        ),
        (
            {"agency": "co-quan-huyen-uy", "slug": "giay-moi", "person": "ZZ"},
            "--person: không có cán bộ mã «ZZ»",
        ),
    ],
    ids=["unknown agency", "unknown type", "no conference", "unknown person"],
)
def test_render_explains_bad_input(
    demo: Agency, tmp_path: Path, options: dict[str, str], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("documents_render", year=2024, output=str(tmp_path / "x.docx"), **options)
    assert not (tmp_path / "x.docx").exists()
