"""Who may open which emulation page: allowed, forbidden (404) and not found, per persona."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.emulation import services
from hoinghi.emulation.models import Launch, Registration
from hoinghi.emulation.services import DecisionHeader, PledgeParties
from hoinghi.emulation.vocabulary import Issuer
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import WorkYear
from hoinghi.org.services import open_work_year
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
YEAR = 2024


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def year(world: World) -> WorkYear:
    work_year = open_work_year(world.agency, YEAR)
    from hoinghi.emulation.council import record_external_decision

    record_external_decision(
        work_year,
        DecisionHeader(Issuer.UNION, "Công đoàn cơ quan", "1/QĐ-CĐ", date(2024, 12, 20)),
        Title.GIAY_KHEN,
        people=[world.person(world.colleague)],
    )
    services.sign_pledge(
        work_year,
        PledgeParties("Thủ trưởng cơ quan", "Trần Văn Lãnh", "Công đoàn cơ quan", "Hoàng Văn Đoàn"),
        ["Hoàn thành 100% nhiệm vụ"],
        signed_on=date(2024, 1, 20),
    )
    return work_year


def url(world: World, name: str, *args: object) -> str:
    return reverse(f"emulation:{name}", args=[world.agency.code, YEAR, *args])


def pages(world: World, work_year: WorkYear) -> dict[str, str]:
    decision = work_year.emulation_decisions.get()
    pledge = work_year.emulation_pledges.get()
    return {
        "year": url(world, "year"),
        "launch": url(world, "launch"),
        "registration": url(world, "registration"),
        "pledge-new": url(world, "pledge-new"),
        "pledge-review": url(world, "pledge-review", pledge.pk),
        "facts": url(world, "facts"),
        "eligibility": url(world, "eligibility"),
        "proposals": url(world, "proposals"),
        "decisions": url(world, "decisions"),
        "decision": url(world, "decision", decision.pk),
        "award-revoke": url(world, "award-revoke", decision.pk, decision.awards.get().pk),
        "judgements": url(world, "judgements"),
        "upward": url(world, "upward"),
        "person-titles": reverse("emulation:person-titles", args=[world.agency.code, "CB01"]),
    }


STAFF_PAGES = {"year", "registration", "decisions", "decision"}
MANAGER_PAGES = {"launch", "pledge-new", "pledge-review", "facts", "award-revoke"}
COUNCIL_PAGES = {"eligibility", "proposals", "judgements", "upward"}

ALLOWED = {
    "clerk": STAFF_PAGES | MANAGER_PAGES | COUNCIL_PAGES | {"person-titles"},
    "admin": STAFF_PAGES | MANAGER_PAGES | COUNCIL_PAGES | {"person-titles"},
    "leader": STAFF_PAGES | COUNCIL_PAGES | {"person-titles"},
    "council": STAFF_PAGES | COUNCIL_PAGES,
    "colleague": STAFF_PAGES | {"person-titles"},  # CB01 is the colleague
    "head": STAFF_PAGES,
    "outsider": STAFF_PAGES,
    "union_chair": STAFF_PAGES,
    "inspector": STAFF_PAGES,
    "stranger": set(),
}


@pytest.mark.parametrize("persona", sorted(ALLOWED))
def test_each_persona_opens_exactly_the_pages_of_their_role(
    world: World, year: WorkYear, persona: str
) -> None:
    client = client_for(getattr(world, persona))
    for name, address in pages(world, year).items():
        expected = 200 if name in ALLOWED[persona] else 404
        assert client.get(address).status_code == expected, (persona, name)


def test_an_anonymous_visitor_is_sent_to_log_in(world: World, year: WorkYear) -> None:
    for address in pages(world, year).values():
        assert client_for(None).get(address).status_code == 302


def test_unknown_year_proposal_decision_and_person_are_not_found(
    world: World, year: WorkYear
) -> None:
    client = client_for(world.clerk)
    assert client.get(reverse("emulation:year", args=[world.agency.code, 1999])).status_code == 404
    assert client.get(url(world, "proposal", 999)).status_code == 404
    assert client.get(url(world, "decision", 999)).status_code == 404
    decision = year.emulation_decisions.get()
    assert client.get(url(world, "award-revoke", decision.pk, 999)).status_code == 404
    assert client.get(url(world, "award-revoke", 999, decision.awards.get().pk)).status_code == 404
    assert (
        client.get(
            reverse("emulation:person-titles", args=[world.agency.code, "KHONG"])
        ).status_code
        == 404
    )
    assert client.get(reverse("emulation:year", args=["khong-co", YEAR])).status_code == 404


def test_only_the_clerk_may_compute_and_others_get_not_found(world: World, year: WorkYear) -> None:
    address = url(world, "eligibility-compute")
    assert client_for(world.leader).post(address).status_code == 404
    assert client_for(world.council).post(address).status_code == 404
    response = client_for(world.clerk).post(address, follow=True)
    assert "Đã xét danh hiệu cho" in response.content.decode()


def test_a_staff_member_registers_their_own_titles(world: World, year: WorkYear) -> None:
    client = client_for(world.colleague)
    response = client.post(url(world, "registration"), {"titles": ["ldtt", "cstdcs"]})
    assert response.status_code == 302
    titles = set(
        Registration.objects.filter(person=world.person(world.colleague)).values_list(
            "title", flat=True
        )
    )
    assert titles == {"ldtt", "cstdcs"}


def test_a_bad_launch_date_is_named_and_nothing_is_saved(world: World, year: WorkYear) -> None:
    response = client_for(world.clerk).post(
        url(world, "launch"), {"launched_on": "31/02/2024", "theme": "Thi đua"}
    )
    assert "Ngày phát động: nhập ngày theo dạng dd/mm/yyyy." in response.content.decode()
    response = client_for(world.clerk).post(
        url(world, "launch"), {"launched_on": "15/03/2023", "theme": "Thi đua"}
    )
    assert "không thuộc năm công tác 2024" in response.content.decode()
    assert not Launch.objects.exists()
    response = client_for(world.clerk).post(
        url(world, "launch"),
        {
            "launched_on": "15/02/2024",
            "theme": "Đoàn kết, kỷ cương",
            "movements": "Cán bộ thi đua làm theo lời Bác",
        },
    )
    assert response.status_code == 302 and Launch.objects.get().movement_list == [
        "Cán bộ thi đua làm theo lời Bác"
    ]


def test_the_year_page_shows_the_pledge_and_counts(world: World, year: WorkYear) -> None:
    body = client_for(world.colleague).get(url(world, "year")).content.decode()
    assert "Hoàn thành 100% nhiệm vụ" in body and "Giấy khen: 11% (01/09)" in body


def test_lists_cost_a_bounded_number_of_queries(
    world: World, year: WorkYear, django_assert_max_num_queries: object
) -> None:
    client = client_for(world.clerk)
    client.post(url(world, "eligibility-compute"))
    for name in ("eligibility", "decisions", "proposals", "year", "judgements", "upward"):
        # the year switcher adds one query to every year page
        with django_assert_max_num_queries(17):  # type: ignore[operator]
            assert client.get(url(world, name)).status_code == 200


def test_the_clerk_enters_an_earlier_title_and_a_recognition_others_get_not_found(
    world: World, year: WorkYear
) -> None:
    earlier, recognition = url(world, "earlier-title-new"), url(world, "recognition-new")
    person = world.person(world.colleague)
    for user in (world.leader, world.colleague, world.stranger):
        assert (
            client_for(user)
            .post(earlier, {"person": person.pk, "year": 2022, "title": "cstdcs"})
            .status_code
            == 404
        )
        assert client_for(user).post(recognition, {"name": "Gia đình văn hóa"}).status_code == 404
    clerk = client_for(world.clerk)
    clerk.post(earlier, {"person": person.pk, "year": 2022, "title": "cstdcs"})
    bad = clerk.post(earlier, {"year": 2022, "title": "cstdcs"}, follow=True).content.decode()
    assert "Chọn đúng một cá nhân hoặc một tập thể." in bad
    clerk.post(recognition, {"name": "An toàn về an ninh trật tự", "issuer": "Công an huyện"})
    page = clerk.get(url(world, "facts")).content.decode()
    assert "Chiến sĩ thi đua cơ sở" in page and "An toàn về an ninh trật tự" in page


def test_a_unit_head_registers_their_unit_and_not_another(world: World, year: WorkYear) -> None:
    office = url(world, "unit-registration", world.office.code)
    board = url(world, "unit-registration", world.board.code)
    head = client_for(world.head)
    assert head.get(office).status_code == 200
    assert head.get(board).status_code == 404
    assert client_for(world.colleague).get(office).status_code == 404
    assert (
        client_for(world.clerk).get(url(world, "unit-registration", "khong-co")).status_code == 404
    )
    assert head.post(office, {"titles": ["ttldtt"]}).status_code == 302
    assert list(Registration.objects.filter(unit=world.office).values_list("title", flat=True)) == [
        "ttldtt"
    ]
    refused = head.post(office, {"titles": ["ldtt"]}).content.decode()
    assert "Danh hiệu đăng ký: «ldtt» không dành cho cá nhân, tập thể này." in refused
