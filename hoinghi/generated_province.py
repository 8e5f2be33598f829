"""A generated province: the demo agencies plus many small agencies under one provincial body.

Deterministic (names and sizes follow from the arguments alone). Used by
``bench/province.py`` (about 1,000 agencies and 60,000 staff at scale 1) and by the
query-count tests, which build it at two sizes and expect the same number of statements
for each busy page. The demo's district office (``co-quan-huyen-uy``, its year 2023 with a
conference) is one of the agencies and also takes extra staff, so its own pages grow too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from hoinghi.org.models import Agency, Person, Position, Role, RoleAssignment, Unit, WorkYear
from hoinghi.vietnamese import name_sort_key

PROVINCE_CODE = "tinh-thu-nghiem"
DEMO_AGENCY = "co-quan-huyen-uy"
YEAR = 2023
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc", "Quân")
MIDDLE = ("Văn", "Thị", "Hữu", "Thu", "Đức", "Ngọc")


@dataclass(frozen=True)
class Province:
    code: str
    agencies: int  # under the province, the demo agencies included
    people: int  # staff of the generated agencies and the demo agency's extra staff


def _name(i: int) -> str:
    return (
        f"{SURNAMES[i % len(SURNAMES)]} {MIDDLE[(i // 10) % len(MIDDLE)]} "
        f"{GIVEN[(i // 60) % len(GIVEN)]}"
    )


def _people(agency: Agency, units: list[Unit], count: int, prefix: str) -> int:
    people = Person.objects.bulk_create(
        [
            Person(
                agency=agency,
                staff_code=f"{prefix}{i:05d}",
                full_name=_name(i),
                gender="nu" if i % 2 else "nam",
                category="cong_chuc",
                joined_on=date(2015, 1, 1),
                sort_key=name_sort_key(_name(i)),
            )
            for i in range(count)
        ],
        batch_size=5000,
    )
    if people and people[0].pk is None:
        people = list(Person.objects.filter(agency=agency, staff_code__startswith=prefix))
    Position.objects.bulk_create(
        [
            Position(
                person=p,
                unit=units[i % len(units)],
                title="Chuyên viên",
                valid_from=date(2015, 1, 1),
            )
            for i, p in enumerate(people)
        ],
        batch_size=5000,
    )
    return len(people)


def generate(
    *, agencies: int, staff_per_agency: int = 60, demo_extra: int = 0, start: int = 0
) -> Province:
    """After ``load_demo()``: ``agencies`` more agencies of ``staff_per_agency`` people, each
    with two units and the work year, all under one province with the demo agencies; the
    demo leader (``lanhdao``) leads the province too, so the roll-up opens for that account.
    Called again with ``start`` past the agencies made, it adds more."""
    with transaction.atomic():
        province, _ = Agency.objects.get_or_create(
            code=PROVINCE_CODE,
            defaults={
                "name": "Ủy ban nhân dân tỉnh Thử Nghiệm",
                "abbreviation": "UBND",
                "kind": "state",
                "place_name": "Thử Nghiệm",
            },
        )
        Agency.objects.exclude(pk=province.pk).filter(parent=None).update(parent=province)
        total = 0
        for a in range(start, start + agencies):
            agency = Agency.objects.create(
                code=f"so-{a:04d}",
                name=f"Sở số {a:04d}",
                abbreviation=f"S{a:04d}",
                kind="state",
                place_name="Thử Nghiệm",
                parent=province,
            )
            units = Unit.objects.bulk_create(
                [Unit(agency=agency, code=f"phong-{u}", name=f"Phòng {u}") for u in range(2)]
            )
            if units[0].pk is None:
                units = list(Unit.objects.filter(agency=agency).order_by("code"))
            WorkYear.objects.create(
                agency=agency, year=YEAR, starts_on=date(YEAR, 1, 1), ends_on=date(YEAR, 12, 31)
            )
            total += _people(agency, units, staff_per_agency, "S")
        demo = Agency.objects.get(code=DEMO_AGENCY)
        if demo_extra:
            total += _people(
                demo, list(Unit.objects.filter(agency=demo)), demo_extra, f"X{start:04d}-"
            )
        leader = RoleAssignment.objects.filter(
            agency=demo, role=Role.LEADER, user__username="lanhdao"
        ).first()
        if leader is not None:
            RoleAssignment.objects.get_or_create(
                user=leader.user, agency=province, role=Role.LEADER, unit=None
            )
    return Province(PROVINCE_CODE, Agency.objects.filter(parent=province).count(), total)
