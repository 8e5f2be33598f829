from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hoinghi.conference.models import Conference
from hoinghi.org.demo import demo_paths, load_demo
from hoinghi.org.models import Agency, AgencyKind
from hoinghi.org.scenario import load_scenario_data
from hoinghi.org.scenario.files import read_file

HERE = Path(__file__).parent / "scenarios"


@pytest.fixture(autouse=True, scope="session")
def pdf_converter_of_the_session() -> Iterator[None]:
    """The PDF converter and cache of this test run in a folder of their own, stopped at the end
    (``/tmp`` directly: a Unix socket path has at most 107 bytes)."""
    from hoinghi.documents import converter

    with tempfile.TemporaryDirectory(prefix="hn-pdf-", ignore_cleanup_errors=True) as folder:
        saved = {
            name: os.environ.get(name) for name in ("HOINGHI_PDF_RUN_DIR", "HOINGHI_PDF_CACHE_DIR")
        }
        os.environ["HOINGHI_PDF_RUN_DIR"] = f"{folder}/run"
        os.environ["HOINGHI_PDF_CACHE_DIR"] = f"{folder}/cache"
        try:
            yield
        finally:
            converter.stop()
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


@pytest.fixture(autouse=True)
def media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db: None) -> Agency:
    """Both demo agencies (Party offices); returns the district office."""
    load_demo(years=False)
    return Agency.objects.get(code="co-quan-huyen-uy")


@pytest.fixture
def conference_2024(db: None) -> Conference:
    """The district office with its 2024 conference, as the seed report tells it."""
    data = read_file(next(p for p in demo_paths() if p.name == "co-quan-huyen-uy.yaml"))
    data["conferences"] = read_file(HERE / "huyen-uy-2024.yaml")["conferences"]
    load_scenario_data(data, source="huyen-uy-2024.yaml")
    return Conference.objects.get(agency__code="co-quan-huyen-uy", year=2024)


def make_state_agency(code: str = "so-noi-vu") -> Agency:
    return Agency.objects.create(
        code=code,
        name="Sở Nội vụ",
        short_name="Sở Nội vụ",
        abbreviation="SNV",
        kind=AgencyKind.STATE,
        parent_name="Ủy ban nhân dân tỉnh Thạch Bình",
        place_name="Thạch Bình",
    )


@pytest.fixture
def issued(world: Any) -> object:
    """A conference plan of 2025, issued by the clerk: what the signing tests sign."""
    from datetime import date

    from hoinghi.documents.services import create_draft, issue_document
    from hoinghi.org.models import WorkYear

    WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    document = create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk)
    return issue_document(document, actor=world.clerk)
