"""Who sees what: the person, their unit head, another unit's head, the clerk, a colleague."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.audit.models import AuditEntry
from hoinghi.evaluation import services
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.evaluation.tests.conftest import assess, proposed
from hoinghi.org.models import Role, WorkYear
from hoinghi.testing import PASSWORD, World, grant

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return c


def person_url(world: World, user: object) -> str:
    return reverse("evaluation:person", args=[world.agency.code, world.person(user).staff_code])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("viewer", "sees_private"),
    [
        ("colleague", True),  # the person themselves
        ("head", True),  # their unit's head
        ("clerk", True),  # the personnel clerk
        ("leader", True),  # the competent leader
        ("outsider", False),  # a staff member of another unit
        ("union_chair", False),
    ],
)
def test_drafts_are_private_to_the_chain_of_reviewers(
    world: World, year2026: WorkYear, viewer: str, sees_private: bool
) -> None:
    assess(world.person(world.colleague), year2026)
    response = client_for(getattr(world, viewer)).get(person_url(world, world.colleague))
    assert response.status_code == 200
    assert ("Hoàn thành các nhiệm vụ được giao." in response.content.decode()) is sees_private
    logged = AuditEntry.objects.filter(
        action="evaluation.read", actor=getattr(world, viewer)
    ).exists()
    assert logged is sees_private


def test_another_units_head_cannot_open_the_unit_list(world: World, year2026: WorkYear) -> None:
    grant(world.outsider, Role.UNIT_HEAD, world.agency, world.board)
    url = reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    assert client_for(world.outsider).get(url).status_code == 404
    assert client_for(world.colleague).get(url).status_code == 404
    assert client_for(world.stranger).get(url).status_code == 404
    assert client_for(world.head).get(url).status_code == 200
    assert client_for(world.clerk).get(url).status_code == 200


def test_reading_the_unit_list_is_logged_with_who_and_what(
    world: World, year2026: WorkYear
) -> None:
    assess(world.person(world.colleague), year2026)
    client_for(world.head).get(
        reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    )
    entry = AuditEntry.objects.get(action="evaluation.read")
    assert entry.actor == world.head and entry.data["unit"] == "van-phong"
    assert entry.data["people"] == [world.person(world.colleague).pk]


def test_the_unit_list_costs_a_bounded_number_of_queries(
    world: World, year2026: WorkYear, django_assert_max_num_queries: object
) -> None:
    from hoinghi.testing import make_person

    for i in range(15):
        assess(make_person(world.agency, f"X{i}", f"Lê Văn {i}", unit=world.office), year2026)
    c = client_for(world.head)
    url = reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    with django_assert_max_num_queries(30):  # type: ignore[operator]
        assert c.get(url).status_code == 200


def test_only_the_leader_approves_and_a_colleague_cannot_propose(
    world: World, year2026: WorkYear
) -> None:
    proposed(world.person(world.colleague), year2026, "htt")
    approve = reverse("evaluation:approve", args=[world.agency.code, 2026, world.office.code])
    assert client_for(world.head).post(approve).status_code == 403
    assert client_for(world.clerk).post(approve).status_code == 403
    propose = reverse(
        "evaluation:propose", args=[world.agency.code, 2026, world.office.code, "CB01"]
    )
    assert client_for(world.colleague).post(propose, {"rating": "htxs"}).status_code == 404
    assert client_for(world.leader).post(approve).status_code == 302
    assert PersonEvaluation.objects.get().stage == Stage.APPROVED


def test_the_head_proposes_and_the_refusal_shows_the_citation(
    world: World, year2026: WorkYear
) -> None:
    assess(world.person(world.colleague), year2026, "95", "htxs")
    c = client_for(world.head)
    url = reverse("evaluation:propose", args=[world.agency.code, 2026, world.office.code, "CB01"])
    assert c.post(url, {"rating": "htxs"}).status_code == 302
    response = client_for(world.leader).post(
        reverse("evaluation:approve", args=[world.agency.code, 2026, world.office.code])
    )
    text = response.content.decode()
    assert response.status_code == 422 and "335/2025/NĐ-CP" in text and "tối đa 0 người" in text
    assert not PersonEvaluation.objects.filter(stage=Stage.APPROVED).exists()


def test_self_assessment_page_for_the_person_and_not_found_for_a_stranger(
    world: World, year2026: WorkYear
) -> None:
    url = reverse("evaluation:self-assess", args=[world.agency.code, 2026])
    response = client_for(world.colleague).post(
        url, {"text": "Tự nhận xét", "score": "88", "general_criteria": "dat", "self_rating": "htt"}
    )
    assert response.status_code == 302
    assert PersonEvaluation.objects.get().score == 88
    assert client_for(world.stranger).get(url).status_code == 404
    missing = reverse("evaluation:self-assess", args=[world.agency.code, 1999])
    assert client_for(world.colleague).get(missing).status_code == 404


def test_bad_score_is_refused_with_a_vietnamese_message(world: World, year2026: WorkYear) -> None:
    url = reverse("evaluation:self-assess", args=[world.agency.code, 2026])
    response = client_for(world.colleague).post(
        url, {"text": "x", "score": "120", "general_criteria": "dat", "self_rating": "htt"}
    )
    assert response.status_code == 200 and "100" in response.content.decode()
    assert not PersonEvaluation.objects.exists()


def test_published_results_are_visible_to_every_staff_member(
    world: World, year2026: WorkYear
) -> None:
    proposed(world.person(world.colleague), year2026, "htt")
    services.approve_unit_classifications(
        unit=world.office, work_year=year2026, approved_by=world.leader, on=date(2026, 12, 10)
    )
    response = client_for(world.outsider).get(
        reverse("evaluation:year", args=[world.agency.code, 2026])
    )
    assert (
        "Đỗ Văn Bình" in response.content.decode()
        and "Hoàn thành tốt nhiệm vụ" in response.content.decode()
    )
    assert (
        client_for(world.stranger)
        .get(reverse("evaluation:year", args=[world.agency.code, 2026]))
        .status_code
        == 404
    )
    assert (
        "Hoàn thành tốt nhiệm vụ"
        in client_for(world.outsider).get(person_url(world, world.colleague)).content.decode()
    )


def test_home_page_links_to_my_evaluation(world: World) -> None:
    text = client_for(world.colleague).get("/").content.decode()
    assert "Đánh giá của tôi" in text and "Chỉ tiêu, nhiệm vụ của tôi" in text
