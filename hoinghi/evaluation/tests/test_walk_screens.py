"""What a staff member on a phone and the unit head meet on the evaluation screens."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.evaluation.tests.conftest import assess
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(User.objects.get(pk=user.pk))
    return client


def test_each_self_assessment_field_stands_on_its_own_line(
    world: World, year2026: WorkYear
) -> None:
    """A label followed the previous field's box on the same line: each field is a block."""
    url = reverse("evaluation:self-assess", args=[world.agency.code, 2026])
    html = client_of(world.colleague).get(url).content.decode()
    labels = re.findall(r'<label for="id_(\w+)"', html)
    assert "text" in labels and "self_rating" in labels
    for name in labels:
        assert re.search(rf'<div>\s*<label for="id_{name}"', html), name


def test_the_leave_forms_put_each_field_on_its_own_line(world: World, year2026: WorkYear) -> None:
    html = client_of(world.clerk).get(reverse("evaluation:leave", args=[world.agency.code]))
    page = html.content.decode()
    labels = re.findall(r'<label for="(id_[\w-]+)"', page)
    assert labels
    for name in labels:
        assert re.search(rf'<div>\s*<label for="{name}"', page), name


def test_the_proposal_starts_from_the_self_rating_not_the_highest_level(
    world: World, year2026: WorkYear
) -> None:
    assess(world.person(world.colleague), year2026, rating="ht")
    url = reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    html = client_of(world.head).get(url).content.decode()
    assert '<option value="ht" selected>' in html
    assert '<option value="htxs" selected>' not in html
