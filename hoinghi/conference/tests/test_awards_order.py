"""The awards presented at the conference are listed by title, collectives first, then people
in Vietnamese name order (the minutes listed them as entered, units and people mixed)."""

from __future__ import annotations

import pytest

from hoinghi.conference import services
from hoinghi.conference.selectors import awards_in_order
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import World

pytestmark = pytest.mark.django_db

GIAY_KHEN, TTLDXS = "Giấy khen của Công đoàn cơ quan", "Tập thể lao động xuất sắc"


def test_awards_are_listed_by_title_collectives_first_then_people_by_name(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    people = [world.person(u) for u in (world.outsider, world.colleague, world.head)]
    entered = [
        (GIAY_KHEN, {"recipient": people[0]}),
        (GIAY_KHEN, {"recipient_unit": world.board}),
        (TTLDXS, {"recipient_unit": world.office}),
        (GIAY_KHEN, {"recipient": people[1]}),
        (GIAY_KHEN, {"recipient_unit": world.office}),
        (GIAY_KHEN, {"recipient": people[2]}),
    ]
    for title, who in entered:
        services.add_award(conference, title=title, actor=world.clerk, **who)  # type: ignore[arg-type]
    listed = awards_in_order(conference)
    units = sorted([world.office, world.board], key=lambda u: u.position)
    by_name = sorted(people, key=lambda p: p.sort_key)
    assert listed == [
        *[(GIAY_KHEN, u.name) for u in units],
        *[(GIAY_KHEN, p.full_name) for p in by_name],
        (TTLDXS, world.office.name),
    ]
