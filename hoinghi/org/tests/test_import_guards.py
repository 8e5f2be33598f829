"""docs/reliability.md L5: no staff import into an agency while one of its polls is open (the
voting app's import guard), through every path that writes; the home link to the import."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hoinghi.org.home import links_for
from hoinghi.org.imports import guards
from hoinghi.org.imports.samples import staff_rows, xlsx_bytes
from hoinghi.org.imports.services import (
    StaffImportError,
    confirm_staff_import,
    import_staff,
    preview_staff_import,
)
from hoinghi.org.models import Agency, Person
from hoinghi.testing import World
from hoinghi.voting.models import Poll, PollState

REASON = "Cuộc biểu quyết «Thông qua nghị quyết hội nghị» đang mở: chưa nhập danh sách cán bộ được cho đến khi đóng."


def open_poll(agency: Agency) -> Poll:
    return Poll.objects.create(
        agency=agency,
        title="Thông qua nghị quyết hội nghị",
        rule="test",
        legal_date=date(2026, 1, 15),
        state=PollState.OPEN,
    )


def client_for(world: World, persona: str) -> Client:
    client = Client()
    client.force_login(getattr(world, persona))
    return client


def test_it_refuses_an_import_while_a_poll_of_the_agency_is_open(world: World) -> None:
    open_poll(world.agency)
    people = Person.objects.count()
    with pytest.raises(StaffImportError) as refused:
        import_staff(world.agency, xlsx_bytes(staff_rows(3)), filename="ds.xlsx")
    assert refused.value.code == "guarded" and refused.value.messages == [REASON]
    assert Person.objects.count() == people


def test_a_closed_poll_or_another_agencys_open_poll_does_not_block(world: World) -> None:
    open_poll(world.other_agency)
    Poll.objects.create(
        agency=world.agency,
        title="Đã đóng",
        rule="test",
        legal_date=date(2026, 1, 15),
        state=PollState.CLOSED,
    )
    assert (
        import_staff(world.agency, xlsx_bytes(staff_rows(3)), filename="ds.xlsx").people_created
        == 3
    )


def test_a_poll_opened_after_the_preview_stops_the_confirmation(world: World) -> None:
    staff_import = preview_staff_import(
        world.agency, xlsx_bytes(staff_rows(2)), filename="ds.xlsx", uploaded_by=world.clerk
    )
    open_poll(world.agency)
    with pytest.raises(StaffImportError) as refused:
        confirm_staff_import(staff_import, confirmed_by=world.clerk)
    assert refused.value.messages == [REASON]
    assert not Person.objects.filter(staff_code="NV000001").exists()


def test_the_upload_page_says_why_and_refuses_the_file(world: World) -> None:
    open_poll(world.agency)
    client = client_for(world, "clerk")
    url = reverse("org:import-staff", args=[world.agency.code])
    assert REASON in client.get(url).content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", xlsx_bytes(staff_rows(2)))})
    assert response.status_code == 400 and REASON in response.content.decode()
    assert not Person.objects.filter(staff_code="NV000001").exists()


@pytest.fixture
def refusing_guard() -> Iterator[None]:
    def guard(agency: Agency) -> str | None:
        return f"Cơ quan {agency.code} đang khóa sổ."

    guards.register(guard)
    yield
    guards.unregister(guard)


@pytest.mark.usefixtures("refusing_guard")
def test_every_registered_guard_gives_its_reason(world: World) -> None:
    open_poll(world.agency)
    assert guards.refusals(world.agency) == [REASON, f"Cơ quan {world.agency.code} đang khóa sổ."]


def test_the_clerk_and_the_admin_find_the_import_on_their_home_page(world: World) -> None:
    url = reverse("org:import-staff", args=[world.agency.code])
    for persona in ("clerk", "admin"):
        assert url in [link.url for link in links_for(getattr(world, persona), world.agency)]
    for persona in ("colleague", "head", "leader", "union_chair"):
        assert url not in [link.url for link in links_for(getattr(world, persona), world.agency)]
