"""Party number padding is the agency's option (its regulation's documents domain): "Số 01-TB/…"
by default, "Số 1-TB/…" when the regulation in force says so; the register and the paper agree."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hoinghi.documents.services import create_draft, issue_document
from hoinghi.documents.tests.reading import load, texts
from hoinghi.org.models import AgencyRegulation, LawDomain, WorkYear
from hoinghi.org.regulations import build_options
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def _issue(world: World) -> tuple[str, list[str]]:
    WorkYear.objects.get_or_create(
        agency=world.agency,
        year=2025,
        defaults={"starts_on": date(2025, 1, 1), "ends_on": date(2025, 12, 31)},
    )
    draft = create_draft(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk)
    issued = issue_document(draft, actor=world.clerk, confirm_empty=True, on=date(2026, 1, 5))
    with issued.file.open("rb") as handle:
        return issued.number_text, texts(load(handle.read()))


def _regulation(world: World, valid_from: date, padding: bool) -> None:
    AgencyRegulation.objects.create(
        agency=world.agency,
        domain=LawDomain.DOCUMENTS,
        values={"party_number_padding": padding},
        regulation="Quy chế công tác văn thư số 03-QC/CQTN",
        valid_from=valid_from,
    )


def test_without_a_regulation_a_party_number_below_ten_has_two_digits(world: World) -> None:
    number, paper = _issue(world)
    assert number == "Số 01-TB/CQTN" and number in paper


def test_the_agencys_regulation_turns_the_padding_off(world: World) -> None:
    _regulation(world, date(2020, 1, 1), padding=False)
    number, paper = _issue(world)
    assert number == "Số 1-TB/CQTN" and number in paper
    assert "Số 01-TB/CQTN" not in paper


def test_a_regulation_not_yet_in_force_changes_nothing(world: World) -> None:
    _regulation(world, date(2030, 1, 1), padding=False)
    number, _ = _issue(world)
    assert number == "Số 01-TB/CQTN"


def test_a_value_that_is_not_yes_or_no_is_refused_with_its_field() -> None:
    with pytest.raises(ValidationError) as error:
        build_options(LawDomain.DOCUMENTS, {"party_number_padding": "hai chữ số"})
    assert "party_number_padding" in str(error.value)
