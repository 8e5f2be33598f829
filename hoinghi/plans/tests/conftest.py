from __future__ import annotations

from datetime import date

import pytest

from hoinghi.org.models import WorkYear
from hoinghi.testing import World


@pytest.fixture
def year(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
