"""A person sees on their titles page why they are not eligible for a title: the reasons
and citations stored with the eligibility record."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.tests.builders import district_year
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import Title

pytestmark = pytest.mark.django_db


def test_a_person_reads_why_they_are_not_eligible() -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    row = (
        Eligibility.objects.filter(
            work_year=work_year, title=Title.CHIEN_SI_THI_DUA_CO_SO, person__user__isnull=False
        )
        .exclude(outcome=Outcome.ELIGIBLE)
        .select_related("person", "person__user", "reason_set")
        .first()
    )
    assert row is not None and row.person is not None and row.person.user is not None
    client = Client()
    client.force_login(row.person.user)
    own_page = client.get(
        reverse("org:person", args=[work_year.agency.code, row.person.staff_code])
    )
    titles_url = reverse(
        "emulation:person-titles", args=[work_year.agency.code, row.person.staff_code]
    )
    assert titles_url in own_page.content.decode()
    html = client.get(titles_url).content.decode()
    assert row.get_outcome_display() in html
    assert row.reason_texts and all(text in html for text in row.reason_texts if text)
