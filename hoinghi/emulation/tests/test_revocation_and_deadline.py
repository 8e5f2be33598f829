"""Revoking an award (service and page, audited, basis required) and the registration
deadline of the launch (refused late where the agency's regulation requires registration)."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.audit.models import AuditEntry
from hoinghi.emulation import selectors, services
from hoinghi.emulation.council import record_external_decision
from hoinghi.emulation.models import Award, Registration
from hoinghi.emulation.services import DecisionHeader, EmulationError
from hoinghi.emulation.tests.builders import regulate
from hoinghi.emulation.vocabulary import Issuer
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import WorkYear
from hoinghi.org.services import open_work_year
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
LDTT = Title.LAO_DONG_TIEN_TIEN
DECISION = DecisionHeader(Issuer.HEAD, "Cơ quan Thử nghiệm", "15/QĐ-CQTN", date(2024, 12, 28))


@pytest.fixture
def award(world: World) -> Award:
    work_year = open_work_year(world.agency, 2024)
    decision = record_external_decision(
        work_year,
        DECISION,
        LDTT,
        people=[world.person(world.colleague), world.person(world.outsider)],
    )
    return decision.awards.get(person=world.person(world.colleague))


def test_a_revoked_award_stays_on_record_no_longer_counts_and_is_audited(
    world: World, award: Award
) -> None:
    services.revoke_award(
        award,
        revoked_on=date(2025, 3, 1),
        basis="Quyết định số 3/QĐ-CQTN: kê khai không đúng",
        actor=world.clerk,
    )
    award.refresh_from_db()
    assert award.revoked and award.revoked_by == world.clerk
    assert selectors.title_count(award.work_year, LDTT).awarded == 1
    entry = AuditEntry.objects.get(action="emulation.revoke_award")
    assert entry.data["basis"].startswith("Quyết định số 3/QĐ-CQTN")


def test_a_revocation_needs_a_basis_a_date_after_the_decision_and_happens_once(
    world: World, award: Award
) -> None:
    with pytest.raises(EmulationError) as no_basis:
        services.revoke_award(award, revoked_on=date(2025, 3, 1), basis="  ")
    assert no_basis.value.field == "basis"
    with pytest.raises(EmulationError, match="trước ngày ký quyết định khen thưởng"):
        services.revoke_award(award, revoked_on=date(2024, 12, 1), basis="Quyết định thu hồi")
    assert not Award.objects.filter(revoked_on__isnull=False).exists()
    services.revoke_award(award, revoked_on=date(2025, 3, 1), basis="Quyết định thu hồi")
    with pytest.raises(EmulationError, match="đã bị thu hồi ngày 01/03/2025"):
        services.revoke_award(award, revoked_on=date(2025, 3, 2), basis="Lần hai")


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_clerk_revokes_from_the_decision_page_others_get_not_found(
    world: World, award: Award
) -> None:
    address = reverse(
        "emulation:award-revoke", args=[world.agency.code, 2024, award.decision_id, award.pk]
    )
    data = {"revoked_on": "01/03/2025", "basis": "Quyết định số 3/QĐ-CQTN"}
    for user in (world.leader, world.colleague, world.council, world.stranger):
        assert client_for(user).post(address, data).status_code == 404
    clerk = client_for(world.clerk)
    missing = clerk.post(address, {"revoked_on": "01/03/2025", "basis": ""}).content.decode()
    assert "Chưa nhập căn cứ thu hồi." in missing
    assert clerk.post(address, data).status_code == 302
    page = clerk.get(
        reverse("emulation:decision", args=[world.agency.code, 2024, award.decision_id])
    )
    assert "Đã thu hồi ngày 01/03/2025: Quyết định số 3/QĐ-CQTN" in page.content.decode()


def launched(world: World, year: int, deadline: date) -> WorkYear:
    work_year = open_work_year(world.agency, year)
    services.launch_emulation(
        work_year,
        launched_on=date(year, 1, 20),
        theme="Thi đua yêu nước",
        registration_deadline=deadline,
    )
    return work_year


def test_a_late_registration_is_refused_where_the_regulation_requires_registration(
    world: World,
) -> None:
    regulate(world.agency, registration_required=True)
    work_year = launched(world, 2024, date(2024, 2, 15))
    person = world.person(world.colleague)
    services.register_titles(work_year, [LDTT], person=person, on=date(2024, 2, 15))
    with pytest.raises(EmulationError, match=r"Đã quá hạn đăng ký thi đua \(15/02/2024\)"):
        services.register_titles(
            work_year, [LDTT, Title.CHIEN_SI_THI_DUA_CO_SO], person=person, on=date(2024, 2, 16)
        )
    assert list(Registration.objects.values_list("title", flat=True)) == ["ldtt"]


def test_a_late_registration_is_taken_where_registration_is_not_a_condition(world: World) -> None:
    work_year = launched(world, 2024, date(2024, 2, 15))  # from 2024 the law no longer requires it
    services.register_titles(
        work_year, [LDTT], person=world.person(world.colleague), on=date(2024, 3, 1)
    )
    assert Registration.objects.count() == 1


def test_up_to_2023_the_law_requires_registration_and_the_page_says_it_is_late(
    world: World,
) -> None:
    launched(world, 2023, date(2023, 2, 1))
    address = reverse("emulation:registration", args=[world.agency.code, 2023])
    page = client_for(world.colleague).post(address, {"titles": ["ldtt"]}).content.decode()
    assert "Đã quá hạn đăng ký thi đua (01/02/2023)" in page
    assert not Registration.objects.exists()
