"""The commands around scenarios: `hoinghi load`, `hoinghi dump`, `hoinghi demo`."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.db import connections

from hoinghi.cli import main
from hoinghi.org.demo import demo_paths
from hoinghi.org.models import Agency, Person
from hoinghi.org.tests.test_scenario_load import sample

pytestmark = pytest.mark.django_db

# Other apps' checks are not what these tests are about.
SKIP = "--skip-checks"


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main()` closes every connection when a command ends, as a process should; the
    test's transaction on PostgreSQL lives on that connection."""
    monkeypatch.setattr(connections, "close_all", lambda: None)


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_hoinghi_load_and_dump_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "so-mau.yaml", sample())
    assert main(["load", str(source), SKIP]) == 0
    assert "so-mau: đã ghi 1 cơ quan, 2 đơn vị, 3 người" in capsys.readouterr().out
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert main(["dump", "--agency", "so-mau", str(first), SKIP]) == 0
    assert main(["load", str(first), SKIP]) == 0
    assert "so-mau: không có thay đổi." in capsys.readouterr().out
    main(["dump", "--agency", "so-mau", str(second), SKIP])
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_hoinghi_dump_writes_json_by_extension(tmp_path: Path) -> None:
    call_command("load_scenario", str(write(tmp_path / "s.yaml", sample())), stdout=StringIO())
    call_command("dump_scenario", "--agency", "so-mau", str(tmp_path / "s.json"), stdout=StringIO())
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["people"]) == 3


def test_hoinghi_dump_to_standard_output() -> None:
    call_command("load_scenario", str(demo_paths()[1]), stdout=StringIO())
    out = StringIO()
    call_command("dump_scenario", "--agency", "ban-dan-van-tinh-uy", "-", stdout=out)
    assert out.getvalue().startswith("version: 1\nagency:\n  code: ban-dan-van-tinh-uy\n")


def test_a_bad_file_fails_with_the_path_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = sample()
    data["people"][2]["positions"][0]["valid_from"] = "31/02/2023"
    bad = write(tmp_path / "bad.yaml", data)
    with pytest.raises(SystemExit) as exited:
        main(["load", str(bad), SKIP])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "cơ sở dữ liệu không thay đổi" in err
    assert f"{bad}: people[2].positions[0].valid_from: ngày không hợp lệ «31/02/2023»" in err
    assert not Agency.objects.exists()


def test_the_load_command_raises_a_command_error_naming_the_file() -> None:
    with pytest.raises(CommandError, match="khong-co.yaml: không tìm thấy tệp"):
        call_command("load_scenario", "khong-co.yaml")


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = StringIO()
    call_command(
        "load_scenario", "--dry-run", str(write(tmp_path / "s.yaml", sample())), stdout=out
    )
    assert "so-mau: sẽ ghi" in out.getvalue()
    assert not Person.objects.exists()


def test_dumping_an_unknown_agency_is_an_error() -> None:
    with pytest.raises(CommandError, match="Không có cơ quan mã «khong-co»"):
        call_command("dump_scenario", "--agency", "khong-co", "-")


def test_hoinghi_demo_loads_both_agencies_and_prints_the_logins(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", SKIP]) == 0
    out = capsys.readouterr().out
    assert "quantri" in out and "dungthu-hoinghi" in out and "bdv-canbo" in out
    assert "Hội đồng thi đua" in out
    assert Person.objects.count() == 47
    call_command("demo", stdout=StringIO())  # again: nothing duplicated
    assert Person.objects.count() == 47
