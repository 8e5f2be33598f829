"""The two demo agencies, loaded from scenario files through the ordinary loader.

``co-quan-huyen-uy``: a district Party committee's office, five units and 32 people, work
years 2023 and 2024. ``ban-dan-van-tinh-uy``: a provincial Party committee's Ban Dân vận,
15 people, work years 2020 and 2021. Both are shaped like the news reports of their
conferences; the names of people and places are invented.
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


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str  # Vietnamese label of the account's main role: "Văn thư", "Trưởng đơn vị", …
    agency: str  # short name of the agency


def demo_paths() -> list[Path]:
    return [SCENARIOS_DIR / name for name in DEMO_FILES]


def load_demo() -> None:
    """Load (or bring back to the file's state) both demo agencies; harmless to repeat."""
    with transaction.atomic():
        for path in demo_paths():
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
            logins.append(DemoLogin(account["username"], account["password"], Role(main).label, agency))
    return tuple(logins)
