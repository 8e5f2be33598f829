"""``field__among=ids``: one parameter for a list of ids, the same rows as ``__in``."""

from __future__ import annotations

import pytest

from hoinghi.org.models import Person, Position
from hoinghi.testing import World


def test_among_finds_what_in_finds_with_one_parameter(world: World) -> None:
    people = set(Person.objects.filter(agency=world.agency).values_list("pk", flat=True))
    some = set(sorted(people)[::2]) | {10**9}  # an id that does not exist matches nothing
    found = set(Person.objects.filter(pk__among=some).values_list("pk", flat=True))
    assert found == some - {10**9} and found
    by_key = set(Position.objects.filter(person_id__among=some).values_list("person_id", flat=True))
    assert by_key == set(
        Position.objects.filter(person_id__in=some).values_list("person_id", flat=True)
    )


def test_among_an_empty_set_matches_nothing(world: World) -> None:
    assert not Person.objects.filter(pk__among=set()).exists()


def test_among_refuses_what_is_not_an_id(world: World) -> None:
    with pytest.raises(TypeError, match="integer id"):
        list(Person.objects.filter(pk__among={"1"}))
