"""Every hostile file is refused by the guarded reader in under a second and 100 MB.

Each case rebuilds, inside the test, a file measured against the readers before
hoinghi.org.files existed (sizes in the test names); each refusal is timed without
tracemalloc and measured again with it, with generous bounds so the test is not flaky.
"""

from __future__ import annotations

import contextlib
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hoinghi.org.files import FileRefused, hostile
from hoinghi.org.files.hostile import STAFF_HEADER, sheet_xml, workbook_with
from hoinghi.org.imports.files import read_table
from hoinghi.org.imports.models import StaffImport
from hoinghi.org.imports.samples import staff_rows, xlsx_bytes
from hoinghi.org.scenario import ScenarioError
from hoinghi.org.scenario.files import parse_text, read_file
from hoinghi.testing import World

SECONDS = 1.0
MEGABYTES = 100


def measure(action: Callable[[], Any]) -> tuple[BaseException, float, float]:
    """The refusal ``action`` raises, the seconds it took and its peak memory in MB."""
    started = time.perf_counter()
    try:
        action()
    except (FileRefused, ScenarioError) as refused:
        error: BaseException = refused
    else:
        pytest.fail("the file was read, not refused")
    seconds = time.perf_counter() - started
    tracemalloc.start()
    with contextlib.suppress(FileRefused, ScenarioError):
        action()
    peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    tracemalloc.stop()
    return error, seconds, peak


def refused_quickly(action: Callable[[], Any]) -> BaseException:
    error, seconds, peak = measure(action)
    assert seconds < SECONDS, f"refused in {seconds:.2f} s"
    assert peak < MEGABYTES, f"refused with a peak of {peak:.1f} MB"
    return error


def staff(data: bytes) -> Callable[[], Any]:
    return lambda: read_table(data, filename="ds.xlsx")


def test_a_staff_file_with_cells_in_far_right_columns_is_refused_at_the_first_one() -> None:
    data = hostile.far_right_cells(400)
    assert len(data) < 12_000  # the measured one: 3.8 KB, 690 MB to read
    error = refused_quickly(staff(data))
    assert isinstance(error, FileRefused) and error.code == "too_many_columns"
    assert "Dòng 2: ô XFD2 nằm ở cột thứ 16.384, vượt giới hạn 100 cột" in error.message


def test_a_larger_far_right_file_is_refused_by_its_compression_ratio() -> None:
    data = hostile.far_right_packed()
    assert len(data) < 20_000  # the measured one: 12.9 KB, out of memory at 2.9 GB
    error = refused_quickly(staff(data))
    assert isinstance(error, FileRefused) and error.code == "zip_bomb"
    assert "vượt giới hạn 200 lần" in error.message


def test_a_row_numbered_two_billion_is_refused_without_iterating_the_rows_before_it() -> None:
    error = refused_quickly(staff(hostile.row_two_billion()))
    assert isinstance(error, FileRefused) and error.code == "row_number"
    assert "«2000000000»" in error.message and "1.048.576" in error.message


def test_a_declared_range_past_the_limits_is_refused_before_the_rows() -> None:
    error = refused_quickly(staff(hostile.whole_sheet_declared()))
    assert isinstance(error, FileRefused) and error.code == "too_many_columns"
    assert "«A1:XFD1048576»" in error.message and "100 cột" in error.message
    error = refused_quickly(staff(workbook_with(sheet_xml(STAFF_HEADER, "A1:P1048576"))))
    assert isinstance(error, FileRefused) and error.code == "too_many_rows"
    assert "1.048.576" in error.message and "401.000 dòng" in error.message


def test_a_row_of_a_million_cells_without_addresses_is_refused_while_it_opens() -> None:
    error = refused_quickly(staff(hostile.one_row_of_cells()))
    assert isinstance(error, FileRefused) and error.code == "too_many_columns"
    assert "Dòng 2" in error.message


def test_deeply_nested_xml_is_refused() -> None:
    error = refused_quickly(staff(hostile.nested_xml()))
    assert isinstance(error, FileRefused) and error.code == "too_deep"


def test_a_dtd_after_a_long_comment_is_refused_as_its_bytes_arrive() -> None:
    error = refused_quickly(staff(hostile.late_dtd()))
    assert isinstance(error, FileRefused) and error.code == "xml_entities"


def test_a_shared_string_table_larger_than_the_rows_allow_is_refused(settings: Any) -> None:
    settings.HOINGHI_IMPORT_MAX_ROWS = 10
    data = xlsx_bytes(staff_rows(30))
    error = refused_quickly(staff(data))
    assert isinstance(error, FileRefused) and error.code in {"too_many_strings", "too_many_rows"}


def test_a_csv_of_a_million_commas_is_refused_before_it_is_split() -> None:
    data = hostile.comma_csv()
    error = refused_quickly(lambda: read_table(data, filename="ds.csv"))
    assert isinstance(error, FileRefused) and error.code == "too_many_columns"
    assert "Dòng 2" in error.message


def test_a_csv_of_blank_lines_is_refused_by_its_line_count(settings: Any) -> None:
    settings.HOINGHI_IMPORT_MAX_ROWS = 1_000
    data = hostile.blank_lines_csv()
    error = refused_quickly(lambda: read_table(data, filename="ds.csv"))
    assert isinstance(error, FileRefused) and error.code == "too_many_rows"


def test_a_legitimate_staff_file_still_reads() -> None:
    table = read_table(xlsx_bytes(staff_rows(500)), filename="ds.xlsx")
    assert len(table.rows) == 500 and table.rows[0][0] == 2


def test_a_yaml_alias_bomb_is_refused_without_printing_its_value(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_text(hostile.yaml_alias_bomb(), encoding="utf-8")
    assert path.stat().st_size < 500  # the measured one: 445 bytes, out of memory
    error = refused_quickly(lambda: read_file(path))
    assert isinstance(error, ScenarioError)
    message = str(error.issues[0].message)
    assert "bí danh" in message and "dòng" in message and "lol" not in message
    assert len(message) < 300


def test_yaml_aliases_within_the_bound_still_load() -> None:
    data = parse_text("a: &x {b: 1}\nc: *x\n")
    assert data == {"a": {"b": 1}, "c": {"b": 1}}


@pytest.mark.parametrize(
    ("text", "as_json"),
    [(hostile.nested_text(), True), (hostile.nested_text(), False)],
)
def test_deep_nesting_is_refused_in_yaml_and_json(text: str, as_json: bool) -> None:
    error = refused_quickly(lambda: parse_text(text, as_json=as_json))
    assert isinstance(error, ScenarioError) and "lồng quá 64 cấp" in error.issues[0].message


def test_a_json_number_of_100000_digits_is_refused_before_int() -> None:
    error = refused_quickly(lambda: parse_text(hostile.long_json_number(), as_json=True))
    assert isinstance(error, ScenarioError) and "100.000 chữ số" in error.issues[0].message


def test_a_scenario_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, settings: Any
) -> None:
    settings.HOINGHI_IMPORT_MAX_BYTES = 1_000
    path = tmp_path / "lon.yaml"
    path.write_text("a: " + "x" * 2_000, encoding="utf-8")
    error = refused_quickly(lambda: read_file(path))
    assert isinstance(error, ScenarioError) and "giới hạn" in error.issues[0].message


def test_a_yaml_integer_of_100000_digits_is_a_refusal_not_a_traceback() -> None:
    error = refused_quickly(lambda: parse_text("a: " + "9" * 100_000))
    assert isinstance(error, ScenarioError) and "không đọc" in error.issues[0].message


def test_bad_json_syntax_still_names_its_line() -> None:
    with pytest.raises(ScenarioError) as refused:
        parse_text('{"a": }', as_json=True)
    assert "JSON không hợp lệ ở dòng 1" in refused.value.issues[0].message


@pytest.mark.django_db
def test_a_request_body_past_the_upload_bound_is_refused_unread(client: Any) -> None:
    client.get("/dang-nhap/")  # the first request builds the middleware chain: not timed
    started = time.perf_counter()
    response = client.post(
        "/dang-nhap/",
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(5 * 1024**3),
    )
    assert time.perf_counter() - started < SECONDS
    assert response.status_code == 413
    assert "lớn hơn giới hạn 25 MB" in response.content.decode()


@pytest.mark.django_db
def test_the_upload_page_shows_the_refusal_of_a_far_right_file(world: World) -> None:
    client = Client()
    client.force_login(world.clerk)
    response = client.post(
        reverse("org:import-staff", args=[world.agency.code]),
        {"file": SimpleUploadedFile("ds.xlsx", hostile.far_right_cells(400))},
    )
    assert response.status_code == 400
    assert "Dòng 2: ô XFD2 nằm ở cột thứ 16.384" in response.content.decode()
    assert not StaffImport.objects.exists()
