"""The self-assessment page: a refusal shown once with the typed text kept, and the form
read-only once the unit head has proposed a level."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.evaluation import services
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.org.models import WorkYear
from hoinghi.testing import PASSWORD, World, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2024, starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31)
    )


def form_data(text: str) -> dict[str, object]:
    return {
        "text": text,
        "self_rating": "ht",
        "general_criteria": "dat",
        "tasks_assigned": 3,
        "tasks_on_time": 3,
        "tasks_exceeded": 0,
        "tasks_short": 0,
        "score": 80,
    }


def test_a_refusal_is_shown_once_and_the_typed_text_stays(world: World, year: WorkYear) -> None:
    person = make_person(world.agency, "KDV01", "Lý Văn Chưa", username="kdv01")  # no unit
    client = Client()
    assert client.login(username="kdv01", password=PASSWORD)
    url = reverse("evaluation:self-assess", args=[world.agency.code, 2024])
    typed = "Hoàn thành các nhiệm vụ được giao, tham gia trực ban."
    html = client.post(url, form_data(typed)).content.decode()
    assert html.count("chưa có đơn vị công tác trong năm") == 1
    assert typed in html
    assert not PersonEvaluation.objects.filter(person=person).exists()


def test_the_form_is_read_only_after_the_unit_head_proposed(world: World, year: WorkYear) -> None:
    person = world.person(world.colleague)
    services.submit_self_assessment(
        person, year, services.SelfAssessment(text="Bản đầu tiên.", self_rating="ht")
    )
    PersonEvaluation.objects.filter(person=person).update(stage=Stage.PROPOSED)
    client = Client()
    client.force_login(User.objects.get(pk=world.colleague.pk))
    url = reverse("evaluation:self-assess", args=[world.agency.code, 2024])
    page = client.get(url).content.decode()
    assert "không sửa được nữa" in page and "Bản đầu tiên." in page
    assert 'name="text"' not in page
    client.post(url, form_data("Bản sửa lại."))
    assert PersonEvaluation.objects.get(person=person).self_text == "Bản đầu tiên."
