"""A role is held once per scope on every database, and the checks raise no warning for it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from hoinghi.org.models import Role, RoleAssignment
from hoinghi.testing import World


def test_an_agency_wide_role_cannot_be_granted_twice(world: World) -> None:
    RoleAssignment.objects.create(user=world.colleague, role=Role.COUNCIL, agency=world.agency)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=world.colleague, role=Role.COUNCIL, agency=world.agency)


def test_a_unit_role_cannot_be_granted_twice_for_the_same_unit(world: World) -> None:
    RoleAssignment.objects.create(
        user=world.colleague, role=Role.UNIT_HEAD, agency=world.agency, unit=world.board
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(
            user=world.colleague, role=Role.UNIT_HEAD, agency=world.agency, unit=world.board
        )


def test_the_same_role_may_be_held_agency_wide_and_for_a_unit(world: World) -> None:
    RoleAssignment.objects.create(user=world.colleague, role=Role.COUNCIL, agency=world.agency)
    RoleAssignment.objects.create(
        user=world.colleague, role=Role.COUNCIL, agency=world.agency, unit=world.board
    )
    assert RoleAssignment.objects.filter(user=world.colleague, role=Role.COUNCIL).count() == 2


@pytest.mark.django_db
def test_the_database_checks_raise_no_warning() -> None:
    out, err = StringIO(), StringIO()
    call_command("check", databases=["default"], stdout=out, stderr=err)
    assert "W047" not in out.getvalue() + err.getvalue()
    assert "no issues" in out.getvalue()
