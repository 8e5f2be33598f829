"""Builders for conference tests on the persona world."""

from __future__ import annotations

from datetime import date

from hoinghi.conference import services
from hoinghi.conference.models import Conference
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

HELD_ON = date(2024, 1, 20)


def make_conference(world: World, *, held_on: date = HELD_ON, year: int = 2024) -> Conference:
    reviewed = WorkYear.objects.create(
        agency=world.agency,
        year=year - 1,
        starts_on=date(year - 1, 1, 1),
        ends_on=date(year - 1, 12, 31),
    )
    conference = services.create_conference(
        world.agency, year=year, held_on=held_on, reviewed_year=reviewed, actor=world.clerk
    )
    services.set_presidium(
        conference,
        presidium=[world.person(world.leader), world.person(world.union_chair)],
        secretaries=[world.person(world.clerk)],
        actor=world.clerk,
    )
    return conference


def open_and_check_in_all(world: World, conference: Conference) -> Conference:
    services.open_conference(conference, actor=world.clerk)
    for participant in conference.participants.all():
        services.check_in(participant, method="desk", actor=world.clerk)
    return conference
