"""Links on each user's home page, contributed by every app.

An app registers a function in its ``AppConfig.ready()``::

    home.register(plans_links)

The function gets the signed-in user and one agency they belong to, and returns the links
that user should see there (with a short note such as "3 nhiệm vụ quá hạn"). It must cost
at most a couple of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from hoinghi.org.models import Agency


@dataclass(frozen=True)
class HomeLink:
    title: str
    url: str
    note: str = ""
    urgent: bool = False


LinkProvider = Callable[[User | AnonymousUser, Agency], list[HomeLink]]
_PROVIDERS: list[LinkProvider] = []


def register(provider: LinkProvider) -> LinkProvider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def links_for(user: User | AnonymousUser, agency: Agency) -> list[HomeLink]:
    links: list[HomeLink] = []
    for provider in _PROVIDERS:
        links.extend(provider(user, agency))
    return links
