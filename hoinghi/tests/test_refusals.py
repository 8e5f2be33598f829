"""One vocabulary for refusals: every app's error is a Refusal, answered in one place."""

from __future__ import annotations

from datetime import date

import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from hoinghi.conference.services.guards import ConferenceError
from hoinghi.documents.services import DocumentError
from hoinghi.emulation.services import EmulationError
from hoinghi.evaluation.services import EvaluationError
from hoinghi.org.accounts.services import AccountError
from hoinghi.org.imports.services import StaffImportError
from hoinghi.org.models import WorkYear, WorkYearState
from hoinghi.org.services import OrgError
from hoinghi.plans.services import PlanError
from hoinghi.refusals import Refusal, attempt, ensure_year_open, form_refused
from hoinghi.reports.services import ReportError
from hoinghi.testing import World
from hoinghi.voting.errors import VotingError

APP_ERRORS = [
    ConferenceError,
    DocumentError,
    EmulationError,
    EvaluationError,
    OrgError,
    AccountError,
    StaffImportError,
    PlanError,
    ReportError,
    VotingError,
]


def _refusing_view(request: HttpRequest) -> HttpResponse:
    raise VotingError("voting.closed", "Cuộc biểu quyết đã kết thúc.", status=410)


def _plan_view(request: HttpRequest) -> HttpResponse:
    raise PlanError("plans.year_closed", "Năm công tác 2025 đã khóa sổ.", field="year")


urlpatterns = [path("tu-choi/", _refusing_view), path("ke-hoach/", _plan_view)]


@pytest.mark.parametrize("error", APP_ERRORS, ids=lambda e: e.__name__)
def test_every_app_error_is_a_refusal(error: type[Exception]) -> None:
    assert issubclass(error, Refusal)


def test_a_refusal_carries_code_message_field_and_status() -> None:
    refusal = DocumentError("documents.copy_type", "Tệp không phải PDF.", field="file")
    assert refusal.as_json() == {
        "code": "documents.copy_type",
        "message": "Tệp không phải PDF.",
        "field": "file",
    }
    assert refusal.status == 400 and str(refusal) == "Tệp không phải PDF."
    assert OrgError("Năm công tác 2025 đã khóa sổ.").code == "org.refused"


def test_the_middleware_is_installed() -> None:
    assert "hoinghi.refusals.RefusalMiddleware" in settings.MIDDLEWARE


@pytest.mark.urls(__name__)
def test_an_uncaught_refusal_is_a_vietnamese_page_with_its_status(world: World) -> None:
    client = Client()
    client.force_login(world.colleague)
    response = client.get("/tu-choi/")
    assert response.status_code == 410
    html = response.content.decode()
    assert "Cuộc biểu quyết đã kết thúc." in html and "Không thực hiện được" in html
    assert 'data-code="voting.closed"' in html
    assert response["Content-Security-Policy"]  # answered inside the usual headers


@pytest.mark.urls(__name__)
def test_an_uncaught_refusal_is_json_for_a_request_that_accepts_json(world: World) -> None:
    client = Client()
    client.force_login(world.colleague)
    response = client.get("/ke-hoach/", HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "code": "plans.year_closed",
        "message": "Năm công tác 2025 đã khóa sổ.",
        "field": "year",
    }


@pytest.mark.django_db
def test_the_open_year_check_is_one_and_keeps_each_apps_code(world: World) -> None:
    year = WorkYear.objects.create(
        agency=world.agency,
        year=2024,
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 12, 31),
        state=WorkYearState.CLOSED,
    )
    assert year.is_closed
    with pytest.raises(PlanError) as refused:
        ensure_year_open(year, PlanError, "plans.year_closed", "không thay đổi chỉ tiêu")
    assert refused.value.code == "plans.year_closed"
    assert refused.value.message == "Năm công tác 2024 đã khóa sổ: không thay đổi chỉ tiêu."
    with pytest.raises(OrgError, match=r"^Năm công tác 2024 đã khóa sổ\.$"):
        ensure_year_open(year, OrgError, "org.year_closed")
    open_year = WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    ensure_year_open(open_year, PlanError)  # nothing raised


def _request_with_messages() -> HttpRequest:
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    request = RequestFactory().post("/")
    request.session = {}  # type: ignore[assignment]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def test_attempt_turns_a_refusal_into_the_pages_error_message() -> None:
    from django.contrib.messages import get_messages

    def refused_step() -> None:
        raise ReportError("reports.empty", "Tin bài không được để trống.")

    request = _request_with_messages()
    assert attempt(request, refused_step, "Đã lưu.") is False
    assert attempt(request, lambda: None, "Đã lưu.") is True
    shown = [(m.level_tag, m.message) for m in get_messages(request)]
    assert shown == [("error", "Tin bài không được để trống."), ("success", "Đã lưu.")]


def test_form_refused_puts_the_message_on_the_field_it_names() -> None:
    from django import forms

    class NameForm(forms.Form):
        name = forms.CharField()

    form = NameForm({"name": "x"})
    assert form.is_valid()
    form_refused(form, DocumentError("documents.name", "Tên đã có.", field="name"))
    form_refused(form, DocumentError("documents.other", "Sổ đã khóa.", field="register"))
    assert form.errors == {"name": ["Tên đã có."], "__all__": ["Sổ đã khóa."]}
