"""The busiest pages of a province run as many statements for five times the agencies and
staff (no query per agency or per person), and the province roll-up's batched rows equal
each agency's own year summary."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hoinghi.conference.models import Conference
from hoinghi.conference.services.hall import projector_token
from hoinghi.generated_province import DEMO_AGENCY, PROVINCE_CODE, YEAR, generate
from hoinghi.org.demo import load_demo
from hoinghi.org.models import Agency, Person, WorkYear
from hoinghi.reports.dashboard import _row
from hoinghi.reports.selectors import province_rows, year_summary

pytestmark = pytest.mark.django_db


def _pages() -> dict[str, str]:
    conference = Conference.objects.filter(agency__code=DEMO_AGENCY).order_by("pk").first()
    assert conference is not None
    return {
        "home": "/",
        "people search": f"/co-quan/{DEMO_AGENCY}/can-bo/?q={quote('Nguyễn')}",
        "year board": f"/co-quan/{DEMO_AGENCY}/nam-cong-tac/{YEAR}/",
        "eligibility": f"/thi-dua/{DEMO_AGENCY}/{YEAR}/xet-danh-hieu/",
        "runner": f"/hoi-nghi/{DEMO_AGENCY}/{conference.pk}/dieu-hanh/",
        "projector state": f"/hoi-nghi/trinh-chieu/{projector_token(conference)}/noi-dung/",
        "province roll-up": f"/bao-cao/{PROVINCE_CODE}/{YEAR}/toan-tinh/",
    }


def _statements(client: Client, pages: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, path in pages.items():
        assert client.get(path).status_code == 200, name
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_busy_pages_run_as_many_statements_for_five_times_the_province() -> None:
    load_demo()
    generate(agencies=2, staff_per_agency=6, demo_extra=10)
    client = Client()
    client.force_login(User.objects.get(username="lanhdao"))
    pages = _pages()
    small = _statements(client, pages)
    people_before = Person.objects.count()
    generate(agencies=8, staff_per_agency=30, demo_extra=40, start=2)
    province = Agency.objects.get(code=PROVINCE_CODE)
    assert Agency.objects.filter(parent=province).count() == 2 + 10  # the demo agencies + 10
    assert Person.objects.count() - people_before == 8 * 30 + 40  # 5× the 2 × 6 + 10 added
    large = _statements(client, pages)
    assert large == small


def test_province_rows_equal_each_agencys_year_summary() -> None:
    load_demo()
    generate(agencies=3, staff_per_agency=4, demo_extra=5)
    province = Agency.objects.get(code=PROVINCE_CODE)
    expected = []
    for child in Agency.objects.filter(parent=province).order_by("name"):
        work_year = WorkYear.objects.filter(agency=child, year=YEAR).first()
        expected.append(
            _row(child.name, year_summary(work_year))
            if work_year is not None
            else [child.name, *[""] * 9]
        )
    rows = province_rows(province, YEAR)
    assert rows == expected
    demo = next(r for r in rows if r[0] == Agency.objects.get(code=DEMO_AGENCY).name)
    staff, tasks_done, ldtt, present = demo[1], demo[4], demo[6], demo[8]
    assert isinstance(staff, int) and staff > 30
    assert isinstance(tasks_done, int) and tasks_done > 0
    assert isinstance(ldtt, int) and ldtt > 0
    assert isinstance(present, int) and present > 0
