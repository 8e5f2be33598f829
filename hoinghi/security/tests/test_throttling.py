"""Sign-in throttling: 30 wrong passwords then the right one is refused while locked, every
try is in the audit log, the administrator unlocks, and nobody else on the Wi-Fi is locked."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hoinghi.audit.models import AuditEntry
from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db
HALL = "10.0.0.1"  # one NAT address for every phone in the hall
LOGIN = "/dang-nhap/"


def sign_in(username: str, password: str, address: str = HALL) -> tuple[Client, int, str]:
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password})
    return client, response.status_code, response.content.decode()


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_is_refused_and_audited(world: World) -> None:
    name = world.colleague.username
    statuses = [sign_in(name, f"sai-{i}")[1] for i in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)  # the form again, with its error
    assert set(statuses[limit - 1 :]) == {429}  # locked from the limit on

    client, status, page = sign_in(name, PASSWORD)
    assert status == 429 and not signed_in(client)
    assert "Tạm khoá đăng nhập" in page and "Hãy thử lại sau" in page
    last_try = AccessAttempt.objects.get(username=name, ip_address=HALL).attempt_time
    until = timezone.localtime(last_try + settings.AXES_COOLOFF_TIME)
    assert f"{until:%H} giờ {until:%M} phút" in page  # when to retry, in local time

    failed = AuditEntry.objects.filter(action="auth.login_failed")
    assert failed.count() == 31  # 30 wrong passwords and the right one refused
    assert {e.data["username"] for e in failed} == {name}
    assert {e.data["ip"] for e in failed} == {HALL}
    assert all("sai-" not in str(e.data) and PASSWORD not in str(e.data) for e in failed)
    assert AuditEntry.objects.filter(action="auth.locked_out").exists()
    assert not AuditEntry.objects.filter(action="auth.login").exists()


def test_the_lockout_is_for_one_name_at_one_address_not_the_whole_hall(world: World) -> None:
    for i in range(settings.AXES_FAILURE_LIMIT):
        sign_in(world.colleague.username, f"sai-{i}")
    assert sign_in(world.colleague.username, PASSWORD)[1] == 429
    neighbour, status, _ = sign_in(world.outsider.username, PASSWORD)  # same Wi-Fi
    assert status == 302 and signed_in(neighbour)
    elsewhere, status, _ = sign_in(world.colleague.username, PASSWORD, "10.0.0.2")
    assert status == 302 and signed_in(elsewhere)


def test_the_lock_lifts_after_the_cool_off(world: World) -> None:
    for i in range(settings.AXES_FAILURE_LIMIT):
        sign_in(world.colleague.username, f"sai-{i}")
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=5)):
        client, status, _ = sign_in(world.colleague.username, PASSWORD)
    assert status == 302 and signed_in(client)
    assert AuditEntry.objects.filter(action="auth.login", actor=world.colleague).count() == 1


def test_the_administrator_sees_and_unlocks_and_it_is_audited(world: World) -> None:
    for i in range(settings.AXES_FAILURE_LIMIT):
        sign_in(world.colleague.username, f"sai-{i}")
    admin = Client()
    admin.force_login(world.admin)
    url = reverse("security:lockouts", args=[world.agency.code])
    home = admin.get(reverse("home")).content.decode()
    assert url in home and "1 tài khoản đang bị khoá" in home
    page = admin.get(url).content.decode()
    assert world.colleague.username in page and HALL in page

    response = admin.post(url, {"username": world.colleague.username}, follow=True)
    assert "Đã mở khoá đăng nhập cho tài khoản cb01" in response.content.decode()
    entry = AuditEntry.objects.get(action="auth.unlocked")
    assert entry.actor == world.admin and entry.data["username"] == world.colleague.username
    client, status, _ = sign_in(world.colleague.username, PASSWORD)
    assert status == 302 and signed_in(client)


def test_only_the_agency_administrator_may_unlock(world: World) -> None:
    for i in range(settings.AXES_FAILURE_LIMIT):
        sign_in(world.colleague.username, f"sai-{i}")
    url = reverse("security:lockouts", args=[world.agency.code])
    for user in (world.clerk, world.colleague):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"username": world.colleague.username}).status_code == 403
    stranger = Client()
    stranger.force_login(world.stranger)
    assert stranger.get(url).status_code == 404
    assert sign_in(world.colleague.username, PASSWORD)[1] == 429  # still locked


def test_another_agency_cannot_unlock_this_agency_s_accounts(world: World) -> None:
    from hoinghi.org.models import Role
    from hoinghi.testing import grant

    grant(world.stranger, Role.ADMIN, world.other_agency)
    for i in range(settings.AXES_FAILURE_LIMIT):
        sign_in(world.colleague.username, f"sai-{i}")
    client = Client()
    client.force_login(world.stranger)
    url = reverse("security:lockouts", args=[world.other_agency.code])
    assert world.colleague.username not in client.get(url).content.decode()
    client.post(url, {"username": world.colleague.username})
    assert sign_in(world.colleague.username, PASSWORD)[1] == 429


def test_the_admin_site_sign_in_is_throttled_too(world: World) -> None:
    world.colleague.is_staff = True
    world.colleague.save()
    client = Client(REMOTE_ADDR=HALL)
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post("/quan-tri/login/", {"username": world.colleague.username, "password": f"x{i}"})
    response = client.post(
        "/quan-tri/login/", {"username": world.colleague.username, "password": PASSWORD}
    )
    assert response.status_code == 429 and "Tạm khoá đăng nhập" in response.content.decode()
