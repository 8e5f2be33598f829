"""Polls for the tests, built through the services as the calling apps build them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User

from hoinghi.org.models import Person
from hoinghi.testing import World, make_person
from hoinghi.voting import services
from hoinghi.voting.models import Poll

ON = date(2026, 1, 15)


def electorate(world: World) -> list[Person]:
    users = [
        world.admin,
        world.clerk,
        world.leader,
        world.head,
        world.colleague,
        world.outsider,
        world.union_chair,
        world.council,
        world.inspector,
    ]
    return [world.person(u) for u in users]


def motion(
    world: World,
    *,
    secrecy: str = "named",
    method: str = "electronic",
    open_it: bool = True,
    present: int | None = None,
    **kw: Any,
) -> Poll:
    poll = services.create_poll(
        world.agency,
        title="Thông qua Nghị quyết Hội nghị",
        kind="motion",
        secrecy=secrecy,
        method=method,
        legal_date=ON,
        by=world.clerk,
        managers=[world.clerk],
        **kw,
    )
    if open_it:
        people = electorate(world)[:present] if present is not None else electorate(world)
        count = len(people)
        services.open_poll(
            poll, electors=people, present=count, convened=max(count, 10), by=world.clerk
        )
    return poll


def election(
    world: World,
    *,
    seats: int = 2,
    secrecy: str = "secret",
    method: str = "electronic",
    open_it: bool = True,
    names: tuple[str, ...] = ("Ngô Văn Tra", "Bùi Thị Hội", "Vũ Thị Cúc"),
    **kw: Any,
) -> Poll:
    poll = services.create_poll(
        world.agency,
        title="Bầu Ban thanh tra nhân dân",
        kind="election",
        secrecy=secrecy,
        method=method,
        legal_date=ON,
        seats=seats,
        by=world.clerk,
        managers=[world.clerk, world.council, world.inspector],
        candidates=[(None, n, "") for n in names],
        **kw,
    )
    if open_it:
        people = electorate(world)
        services.open_poll(poll, electors=people, present=len(people), convened=10, by=world.clerk)
    return poll


def vote(world: World, poll: Poll, user: User, **kw: Any) -> services.Receipt:
    return services.cast_vote(poll, world.person(user), by=user, **kw)


def extra_voters(world: World, count: int) -> list[Person]:
    return [
        make_person(world.agency, f"BQ{i:04d}", f"Người Biểu Quyết {i}", username=f"bq{i:04d}")
        for i in range(count)
    ]
