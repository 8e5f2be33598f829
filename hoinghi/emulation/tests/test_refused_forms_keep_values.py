"""A refused head's decision or council's judgement shows its page again: the values typed
in the inputs, the Vietnamese reason next to the field, nothing written."""

from __future__ import annotations

import html as html_lib
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.emulation import council, services
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Decision, Proposal, ProposalState, UnitJudgement
from hoinghi.emulation.services import EmulationError
from hoinghi.emulation.tests.builders import classify
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.models import Person, WorkYear, WorkYearState
from hoinghi.org.services import open_work_year
from hoinghi.testing import World
from hoinghi.voting import services as voting

pytestmark = pytest.mark.django_db
YEAR = 2024
SIGNER = "Trần Văn Lãnh"


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def url(world: World, name: str, *args: object) -> str:
    return reverse(f"emulation:{name}", args=[world.agency.code, YEAR, *args])


def input_value(page: str, input_id: str) -> str | None:
    """The value of the ``<input>`` with this id, as the browser reads it."""
    tag = re.search(rf'<input[^>]*\bid="{re.escape(input_id)}"[^>]*>', page)
    if tag is None:
        return None
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return html_lib.unescape(value.group(1)) if value else ""


def selected_option(page: str, select_id: str) -> str | None:
    select = re.search(
        rf'<select[^>]*\bid="{re.escape(select_id)}"[^>]*>(.*?)</select>', page, re.S
    )
    if select is None:
        return None
    chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(1))
    return chosen.group(1) if chosen else None


def voted_proposal(world: World) -> Proposal:
    work_year = open_work_year(world.agency, YEAR)
    classify(work_year, {"CB01": Rating.EXCELLENT})
    compute_eligibility(work_year)
    proposal = council.propose_titles(
        work_year, [Title.LAO_DONG_TIEN_TIEN], proposed_on=date(2025, 1, 10), subject="Đề nghị"
    )
    proposal = council.open_council_vote(proposal)
    assert proposal.poll is not None
    member = Person.objects.get(user=world.council)
    voting.cast_vote(proposal.poll, member, choice="for", by=world.council)
    proposal = council.close_council_vote(proposal)
    assert proposal.state == ProposalState.VOTED
    return proposal


def decide(world: World, proposal: Proposal, number: str, signed_on: str) -> tuple[int, str]:
    response = client_for(world.clerk).post(
        url(world, "proposal-action", proposal.pk, "quyet-dinh"),
        {"number": number, "signed_on": signed_on, "signer": SIGNER},
    )
    return response.status_code, response.content.decode()


def test_a_decision_form_without_a_number_keeps_the_date_and_signer_typed(world: World) -> None:
    proposal = voted_proposal(world)
    status, page = decide(world, proposal, "", "15/01/2025")
    assert status == 200
    assert input_value(page, "id_signed_on") == "15/01/2025"
    assert input_value(page, "id_signer") == SIGNER
    assert input_value(page, "id_number") == ""
    assert page.count("Trường này là bắt buộc.") == 1
    assert 'aria-invalid="true"' in re.search(r'<input[^>]*id="id_number"[^>]*>', page).group(0)  # type: ignore[union-attr]
    assert not Decision.objects.exists()
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.VOTED
    # the page's other actions and the decision form still post where they did
    assert url(world, "proposal-action", proposal.pk, "quyet-dinh") in page


def test_a_decision_signed_outside_the_year_is_refused_with_what_was_typed(world: World) -> None:
    proposal = voted_proposal(world)
    status, page = decide(world, proposal, "05/QĐ-VP", "15/06/2025")
    assert status == 200
    assert input_value(page, "id_number") == "05/QĐ-VP"
    assert input_value(page, "id_signed_on") == "15/06/2025"
    assert input_value(page, "id_signer") == SIGNER
    refusal = "Ngày ký quyết định (15/06/2025) không thuộc năm công tác 2024."
    assert page.count(refusal) == 1
    field = page[page.index('id="id_signed_on"') - 600 : page.index('id="id_signed_on"')]
    assert refusal in field  # next to the date it concerns
    assert not Decision.objects.exists()


def test_a_valid_decision_is_recorded_and_goes_to_its_page(world: World) -> None:
    proposal = voted_proposal(world)
    response = client_for(world.clerk).post(
        url(world, "proposal-action", proposal.pk, "quyet-dinh"),
        {"number": "05/QĐ-VP", "signed_on": "15/01/2025", "signer": SIGNER},
    )
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(world, "decision", decision.pk)
    assert (decision.number, decision.signer) == ("05/QĐ-VP", SIGNER)


def judge(world: World, data: dict[str, str]) -> tuple[int, str]:
    response = client_for(world.council).post(url(world, "judgements"), data)
    return response.status_code, response.content.decode()


def test_a_judgement_with_a_too_long_note_keeps_that_row_as_typed(world: World) -> None:
    work_year = open_work_year(world.agency, YEAR)
    services.judge_unit(
        work_year, world.office, emulation_active=False, unity=True, note="Cũ", on=date(2024, 12, 1)
    )
    other = next(u for u in world.agency.units.filter(parent__isnull=True) if u != world.office)
    services.judge_unit(
        work_year, other, emulation_active=True, unity=False, note="Khác", on=date(2024, 12, 1)
    )
    note = "Phong trào sôi nổi, " * 30 + "đoàn kết."
    status, page = judge(
        world,
        {"unit": world.office.code, "emulation_active": "1", "unity": "0", "note": note},
    )
    assert status == 200
    office = f"id_{world.office.code}_"
    assert input_value(page, office + "note") == note
    assert selected_option(page, office + "emulation_active") == "1"
    assert selected_option(page, office + "unity") == "0"
    assert page.count(f"Giá trị này chỉ có tối đa 500 kí tự (hiện có {len(note)})") == 1
    assert input_value(page, f"id_{other.code}_note") == "Khác"  # the other rows as they were
    assert selected_option(page, f"id_{other.code}_unity") == "0"
    row = UnitJudgement.objects.get(unit=world.office)
    assert (row.emulation_active, row.unity, row.note) == (False, True, "Cũ")


def test_a_judgement_the_service_refuses_shows_on_its_row_with_the_note_typed(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_work_year(world.agency, YEAR)

    def refuse(*args: object, **kwargs: object) -> None:
        raise EmulationError("emulation.test", "Hội đồng chưa họp phiên đánh giá.")

    monkeypatch.setattr(services, "judge_unit", refuse)
    note = "Cần đoàn kết hơn"
    status, page = judge(
        world, {"unit": world.office.code, "emulation_active": "", "unity": "1", "note": note}
    )
    assert status == 200
    assert input_value(page, f"id_{world.office.code}_note") == note
    assert selected_option(page, f"id_{world.office.code}_unity") == "1"
    assert page.count("Hội đồng chưa họp phiên đánh giá.") == 1
    row_start = page.index(f'value="{world.office.code}"')
    assert "Hội đồng chưa họp phiên đánh giá." in page[row_start - 600 : row_start]
    assert not UnitJudgement.objects.exists()


def test_a_judgement_in_a_closed_year_says_why_and_writes_nothing(world: World) -> None:
    work_year = open_work_year(world.agency, YEAR)
    WorkYear.objects.filter(pk=work_year.pk).update(state=WorkYearState.CLOSED)
    status, page = judge(
        world, {"unit": world.office.code, "emulation_active": "1", "unity": "1", "note": "x"}
    )
    assert status == 200
    assert page.count(f"Năm công tác {YEAR} đã khóa sổ: không thể thay đổi.") == 1
    assert not UnitJudgement.objects.exists()


def test_a_valid_judgement_is_saved_and_the_page_reloads(world: World) -> None:
    open_work_year(world.agency, YEAR)
    status, _ = judge(
        world, {"unit": world.office.code, "emulation_active": "1", "unity": "1", "note": "Tốt"}
    )
    assert status == 302
    row = UnitJudgement.objects.get()
    assert (row.emulation_active, row.unity, row.note) == (True, True, "Tốt")
