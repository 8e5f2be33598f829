"""The two demo agencies, loaded from scenario files through the ordinary loader.

``co-quan-huyen-uy``: a district Party committee's office, five units and 32 people, work
years 2023 and 2024. ``ban-dan-van-tinh-uy``: a provincial Party committee's Ban Dân vận,
15 people, work years 2020 and 2021. Both are shaped like the news reports of their
conferences; the names of people and places are invented.

Each agency is two files, loaded in order: the agency itself (units, people, accounts, work
years), then its seed year (``-2023``, ``-2020``): targets and tasks, classifications,
emulation titles and the conference that reviews the year, all through the apps' scenario
sections. After ``load_demo()`` the year summary reads as the seed report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import transaction

from hoinghi.org.models import Agency, Role
from hoinghi.org.scenario import load_scenario
from hoinghi.org.scenario.files import read_file

SCENARIOS_DIR = Path(__file__).resolve().parent.parent / "scenarios"
DEMO_FILES = ("co-quan-huyen-uy.yaml", "ban-dan-van-tinh-uy.yaml")
# Each agency's seed year, loaded after its agency file: (agency file, year file).
SEED_YEAR_FILES = (
    ("co-quan-huyen-uy.yaml", "co-quan-huyen-uy-2023.yaml"),
    ("ban-dan-van-tinh-uy.yaml", "ban-dan-van-tinh-uy-2020.yaml"),
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str  # Vietnamese label of the account's main role: "Văn thư", "Trưởng đơn vị", …
    agency: str  # short name of the agency


def demo_paths() -> list[Path]:
    """The agency files: units, people, accounts, work years."""
    return [SCENARIOS_DIR / name for name in DEMO_FILES]


def seed_year_paths() -> list[Path]:
    """The seed years' files, in the order they load (each after its agency)."""
    return [SCENARIOS_DIR / year for _, year in SEED_YEAR_FILES]


def load_demo(*, years: bool = True) -> None:
    """Load (or bring back to the files' state) both demo agencies and, unless ``years`` is
    false, their seed years; loading again changes nothing."""
    with transaction.atomic():
        for path in demo_paths():
            load_scenario(path)
        for path in seed_year_paths() if years else []:
            load_scenario(path)


def load_demo_if_empty() -> bool:
    """Load the demo into a database without any agency; report whether it did."""
    if Agency.objects.exists():
        return False
    load_demo()
    return True


def demo_logins() -> list[DemoLogin]:
    return list(_demo_logins())


@cache
def _demo_logins() -> tuple[DemoLogin, ...]:
    logins = []
    for path in demo_paths():
        data = read_file(path)
        agency = data["agency"].get("short_name") or data["agency"]["name"]
        for account in data.get("accounts", []):
            roles = [r if isinstance(r, str) else r["role"] for r in account.get("roles", [])]
            main = next((r for r in roles if r != Role.STAFF), Role.STAFF)
            logins.append(
                DemoLogin(account["username"], account["password"], Role(main).label, agency)
            )
    return tuple(logins)
