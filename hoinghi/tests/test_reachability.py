"""Every page a role may use is reachable by links from that role's home.

On the demo agency, for each of its accounts (one per role: quản trị, văn thư, lãnh đạo,
trưởng đơn vị, công đoàn, hội đồng thi đua, ban thanh tra, cán bộ):

1. "May open": every URL pattern is tried with the demo's own objects (the agency, its years,
   units, people, conferences, documents, polls, …); a pattern the account opens with a 200
   for at least one of them is one it may use.
2. "Reached": starting at the home page, the crawler follows ``<a href>`` links only (no
   forms, no typed addresses), at most a few pages per pattern.
3. Every pattern of 1 must be in 2, except those listed in ``UNLINKED`` with their reason.

Files and data feeds (downloads, JSON polled by scripts) are not fetched: a link to them
counts as reaching them, and they are left out of "may open"; so are POST-only actions
(a GET gets 405) and token links. Every page fetched must answer without a server error:
the test client raises any exception a view lets out.
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404

from hoinghi.org.demo import load_demo
from hoinghi.org.models import Agency, Person

pytestmark = pytest.mark.django_db

AGENCY = "co-quan-huyen-uy"
PASSWORD = "dungthu-hoinghi"
ACCOUNTS = [
    "quantri",
    "vanthu",
    "lanhdao",
    "truongdonvi",
    "congdoan",
    "hoidong",
    "thanhtra",
    "canbo",
]

# Patterns no link leads to on purpose, and why.
UNLINKED = {
    "login": "the sign-in page: where the site sends anyone not signed in",
    "logout": "a POST form in the header, not a link",
    "health": "for the monitoring probe, not for people",
    "set-password": "opened from a printed login letter",
    "set-password-code": "the QR code and address on a printed login letter (one-time code)",
    "conference:checkin-by-code": "the QR code on a printed invitation (personal code)",
    "conference:projector-screen": "the hall PC's token link, handed over on the runner page",
    "conference:self-checkin": "the hall's QR code shown on the projector",
    "org:import-preview": "shown after uploading a staff file (a form)",
    "documents:batch": "shown after starting a batch (a form)",
}

# Files and data feeds: reached through links, never fetched by the crawler.
FILE_LIKE = re.compile(
    r"(\.xlsx|\.json|\.csv|\.<str:fmt>|tai-ve/|trang-thai/|noi-dung/|xuat/|/in/)$"
)

SKIP_KWARGS = {"action", "code", "token"}  # POST-only actions and token links


def patterns(
    resolvers: list[Any] | None = None, prefix: str = "", ns: str = ""
) -> Iterator[tuple[str, str, list[str]]]:
    """(name, route, keyword names) of every named URL outside the admin."""
    for p in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            inner = f"{p.namespace}:" if p.namespace else ns
            yield from patterns(p.url_patterns, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern) and p.name:
            route = prefix + str(p.pattern)
            yield ns + p.name, route, re.findall(r"<(?:\w+:)?(\w+)>", route)


def candidates(world: dict[str, list[Any]], name: str, keys: list[str]) -> list[dict[str, Any]]:
    """Keyword sets to try for a pattern, from the demo's objects (a few of each)."""
    values: dict[str, list[Any]] = {}
    app = name.split(":")[0]
    for key in keys:
        if key == "pk":
            values[key] = world.get(f"pk:{name}") or world.get(f"pk:{app}", [])
        else:
            values[key] = world.get(key, [])
    combos = [dict(zip(keys, combo, strict=True)) for combo in itertools.product(*values.values())]
    return combos[:12]


def demo_objects(agency: Agency, person: Person) -> dict[str, list[Any]]:
    from hoinghi.conference.models import Conference, Draft, Participant
    from hoinghi.documents.models import Document, DocumentBatch
    from hoinghi.emulation.models import Award, Decision, Pledge, Proposal
    from hoinghi.plans.models import PlanItem
    from hoinghi.voting.models import Poll

    years = sorted(agency.work_years.values_list("year", flat=True))
    own_units = list(person.positions.values_list("unit__code", flat=True))
    units = (
        own_units
        + [u for u in agency.units.values_list("code", flat=True) if u not in own_units][:2]
    )
    colleagues = list(
        agency.people.filter(positions__unit__code__in=own_units)
        .exclude(pk=person.pk)
        .values_list("staff_code", flat=True)[:1]
    )
    other = agency.people.exclude(pk=person.pk).values_list("staff_code", flat=True).first()
    conferences = list(Conference.objects.filter(agency=agency).values_list("pk", flat=True))
    return {
        "agency_code": [agency.code],
        "year": years,
        "unit_code": units,
        "staff_code": [person.staff_code, *colleagues, other],
        "pk:conference": conferences,
        "pk:documents": list(
            Document.objects.filter(agency=agency).values_list("pk", flat=True)[:2]
        ),
        "pk:documents:batch": list(DocumentBatch.objects.values_list("pk", flat=True)[:1]),
        "pk:plans": list(
            PlanItem.objects.filter(work_year__agency=agency).values_list("pk", flat=True)[:2]
        ),
        "pk:emulation:proposal": list(
            Proposal.objects.filter(work_year__agency=agency).values_list("pk", flat=True)[:2]
        ),
        "pk:emulation:decision": list(
            Decision.objects.filter(work_year__agency=agency).values_list("pk", flat=True)[:2]
        ),
        "pk:emulation:pledge-review": list(
            Pledge.objects.filter(work_year__agency=agency).values_list("pk", flat=True)[:2]
        ),
        "award_pk": list(
            Award.objects.filter(work_year__agency=agency).values_list("pk", flat=True)[:1]
        ),
        "draft_pk": list(
            Draft.objects.filter(conference__agency=agency).values_list("pk", flat=True)[:2]
        ),
        "participant_pk": list(
            Participant.objects.filter(conference__agency=agency, person=person).values_list(
                "pk", flat=True
            )[:1]
        ),
        "poll_id": list(Poll.objects.filter(agency=agency).values_list("pk", flat=True)[:3]),
        "round_no": [1],
        "fmt": ["json"],
    }


def may_open(client: Client, objects: dict[str, list[Any]]) -> set[str]:
    found = set()
    for name, route, keys in patterns():
        if name in UNLINKED or FILE_LIKE.search(route) or set(keys) & SKIP_KWARGS:
            continue
        for kwargs in candidates(objects, name, keys) if keys else [{}]:
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            if client.get(url).status_code == 200:
                found.add(name)
                break
    return found


HREF = re.compile(r'<a\b[^>]*\bhref="([^"]+)"', re.I)
PER_PATTERN = 4


def crawl(client: Client) -> tuple[set[str], list[str]]:
    """Pattern names reached from "/" by following links, and the pages that still offer
    Django's English-neutral empty choice «---------» instead of a Vietnamese prompt."""
    reached: set[str] = set()
    dashes: list[str] = []
    fetched: dict[str, int] = {}
    seen: set[str] = {"/"}
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if ">---------<" in html:
            dashes.append(url)
        for href in HREF.findall(html):
            target = urldefrag(unescape(href))[0]
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            try:
                match = resolve(parts.path)
            except Resolver404:
                continue
            name = match.view_name
            reached.add(name)
            if target in seen or FILE_LIKE.search(match.route):
                continue
            seen.add(target)
            if fetched.get(name, 0) < PER_PATTERN:
                fetched[name] = fetched.get(name, 0) + 1
                queue.append(target)
    return reached, dashes


@pytest.fixture
def demo(db: None) -> Agency:
    load_demo()
    return Agency.objects.get(code=AGENCY)


@pytest.mark.parametrize("username", ACCOUNTS)
def test_every_page_a_role_may_open_is_reached_by_links(demo: Agency, username: str) -> None:
    person = Person.objects.get(user__username=username)
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    allowed = may_open(client, demo_objects(demo, person))
    reached, dashes = crawl(client)
    assert dashes == [], f"{username}: a choice list starts with «---------» on {dashes}"
    assert "home" in allowed
    assert "plans:year" in reached  # the year's targets, for every role
    if username == "truongdonvi":
        assert "evaluation:unit" in allowed & reached  # the unit's proposals (đề xuất)
    missing = sorted(allowed - reached)
    assert missing == [], f"{username}: {len(allowed)} patterns open, not linked: {missing}"
