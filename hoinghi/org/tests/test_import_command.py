"""``hoinghi import staff FILE --agency CODE [--dry-run]``."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from hoinghi.cli import main
from hoinghi.org.imports.samples import csv_bytes, staff_rows, xlsx_bytes
from hoinghi.org.models import Person
from hoinghi.testing import World


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_staff", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_a_file_and_reports_counts(world: World, tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(xlsx_bytes(staff_rows(4)))
    out, _ = run(str(path), "--agency", world.agency.code)
    assert out.strip().startswith("Đã thêm 4 người, cập nhật 0, giữ nguyên 0; thêm 2 đơn vị")
    assert Person.objects.filter(staff_code__startswith="NV").count() == 4
    again, _ = run(str(path), "--agency", world.agency.code)
    assert "Đã thêm 0 người, cập nhật 0, giữ nguyên 4" in again


def test_a_dry_run_writes_nothing(world: World, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(staff_rows(3)))
    out, _ = run(str(path), "--agency", world.agency.code, "--dry-run")
    assert out.startswith("Sẽ thêm 3 người")
    assert not Person.objects.filter(staff_code__startswith="NV").exists()


def test_it_prints_each_error_and_fails_on_a_bad_file(world: World, tmp_path: Path) -> None:
    rows = staff_rows(3)
    rows[2]["Giới tính"] = "?"
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(rows))
    err = StringIO()
    with pytest.raises(CommandError, match="có 1 lỗi"):
        call_command(
            "import_staff", str(path), "--agency", world.agency.code, stderr=err, stdout=StringIO()
        )
    assert "Dòng 4, cột «Giới tính»: «?» không hợp lệ" in err.getvalue()
    assert not Person.objects.filter(staff_code__startswith="NV").exists()


def test_it_refuses_an_unknown_agency_or_a_missing_file(world: World, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Không có cơ quan mã «khong-co»"):
        run(str(tmp_path / "ds.csv"), "--agency", "khong-co")
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        run(str(tmp_path / "khong-co.csv"), "--agency", world.agency.code)


def test_the_hoinghi_command_exits_non_zero_on_a_bad_file(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"<html></html>")
    with pytest.raises(SystemExit) as exited:
        main(["import", "staff", str(path), "--agency", world.agency.code])
    assert exited.value.code != 0
    assert "không phải là tệp Excel" in capsys.readouterr().err
