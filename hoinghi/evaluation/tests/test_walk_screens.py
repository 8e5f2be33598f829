"""What a staff member on a phone and the unit head meet on the evaluation screens."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.evaluation.tests.conftest import assess
from hoinghi.org.models import WorkYear, WorkYearState
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(User.objects.get(pk=user.pk))
    return client


def test_each_self_assessment_field_stands_on_its_own_line(
    world: World, year2026: WorkYear
) -> None:
    """A label followed the previous field's box on the same line: each field is a block."""
    url = reverse("evaluation:self-assess", args=[world.agency.code, 2026])
    html = client_of(world.colleague).get(url).content.decode()
    labels = re.findall(r'<label for="id_(\w+)"', html)
    assert "text" in labels and "self_rating" in labels
    for name in labels:
        assert re.search(rf'<div>\s*<label for="id_{name}"', html), name


def test_the_leave_forms_put_each_field_on_its_own_line(world: World, year2026: WorkYear) -> None:
    html = client_of(world.clerk).get(reverse("evaluation:leave", args=[world.agency.code]))
    page = html.content.decode()
    labels = re.findall(r'<label for="(id_[\w-]+)"', page)
    assert labels
    for name in labels:
        assert re.search(rf'<div>\s*<label for="{name}"', page), name


def test_the_proposal_starts_from_the_self_rating_not_the_highest_level(
    world: World, year2026: WorkYear
) -> None:
    assess(world.person(world.colleague), year2026, rating="ht")
    url = reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    html = client_of(world.head).get(url).content.decode()
    assert '<option value="ht" selected>' in html
    assert '<option value="htxs" selected>' not in html


def meeting_url(world: World, year: int) -> str:
    return reverse("evaluation:record-meeting", args=[world.agency.code, year, world.office.code])


def test_a_refused_meeting_keeps_the_minutes_typed(world: World, year2026: WorkYear) -> None:
    """The page used to redirect and drop the typed minutes with the refusal."""
    from hoinghi.evaluation.models import UnitMeeting

    summary = "Tập thể thống nhất đề nghị các mức xếp loại, 9/9 tán thành."
    response = client_of(world.head).post(
        meeting_url(world, 2026),
        {"held_on": "10/12/2026", "present": "12", "convened": "9", "summary": summary},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Số người dự họp phải từ 0 đến số người được triệu tập." in html
    assert summary in html and 'value="10/12/2026"' in html and 'value="12"' in html
    assert not UnitMeeting.objects.exists()


def test_a_minuted_meeting_shows_in_its_form(world: World, year2026: WorkYear) -> None:
    summary = "Tập thể thống nhất đề nghị."
    client = client_of(world.head)
    client.post(
        meeting_url(world, 2026),
        {"held_on": "10/12/2026", "present": "8", "convened": "9", "summary": summary},
    )
    url = reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    html = client.get(url).content.decode()
    assert summary in html and 'value="10/12/2026"' in html and 'value="8"' in html


def test_a_closed_year_offers_no_approval_and_no_meeting_form(
    world: World, year2026: WorkYear
) -> None:
    assess(world.person(world.colleague), year2026, rating="ht")
    year2026.state = WorkYearState.CLOSED
    year2026.save(update_fields=["state"])
    url = reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    html = client_of(world.leader).get(url).content.decode()
    assert "Phê duyệt kết quả xếp loại" not in html
    assert "Ghi biên bản" not in html and 'name="rating"' not in html


def test_the_self_rating_is_chosen_not_preset_to_the_highest_level(
    world: World, year2026: WorkYear
) -> None:
    """«Hoàn thành xuất sắc nhiệm vụ» came selected: sent unseen, a person claimed the top level."""
    from hoinghi.evaluation.models import PersonEvaluation

    client = client_of(world.colleague)
    url = reverse("evaluation:self-assess", args=[world.agency.code, 2026])
    html = client.get(url).content.decode()
    select = re.search(r'<select name="self_rating".*?</select>', html, re.S)
    assert select is not None
    assert '<option value="" selected>— Chọn mức tự xếp loại —</option>' in select.group(0)
    typed = "Hoàn thành các nhiệm vụ được giao."
    response = client.post(url, {"text": typed, "general_criteria": "dat", "score": "80"})
    assert response.status_code == 200 and typed in response.content.decode()
    assert not PersonEvaluation.objects.exists()


def test_a_refused_approval_states_its_reason_once(world: World, year2026: WorkYear) -> None:
    url = reverse("evaluation:approve", args=[world.agency.code, 2026, world.office.code])
    response = client_of(world.leader).post(url)
    html = response.content.decode()
    assert response.status_code == 422
    assert html.count("Đơn vị chưa có ai cần xếp loại.") == 1


def test_no_approval_is_offered_before_anyone_has_assessed_themselves(
    world: World, year2026: WorkYear
) -> None:
    url = reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    client = client_of(world.leader)
    assert "Phê duyệt kết quả xếp loại" not in client.get(url).content.decode()
    assess(world.person(world.colleague), year2026, rating="ht")
    assert "Phê duyệt kết quả xếp loại" in client.get(url).content.decode()
