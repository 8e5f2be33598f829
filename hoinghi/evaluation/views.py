"""Evaluation screens: the year's published results, self-assessment, a unit's list for its
reviewers (meeting, proposals, the leader's approval under the caps) and a person's years."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hoinghi.evaluation import access, selectors, services
from hoinghi.evaluation.forms import MeetingForm, ProposalForm, SelfAssessmentForm
from hoinghi.evaluation.models import PersonEvaluation
from hoinghi.law.evaluation import EvaluationRegime
from hoinghi.org import access as org_access
from hoinghi.org.models import Unit
from hoinghi.plans.access import get_work_year_for_user


def year_results(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    work_year = get_work_year_for_user(request, agency, year)
    units = list(Unit.objects.filter(agency=agency).select_related("agency").order_by("position", "name"))
    decided = selectors.unit_classifications(work_year)
    return render(request, "evaluation/year.html", {
        "agency": agency, "work_year": work_year, "results": selectors.published_results(work_year),
        "unit_results": [(u, decided[u.pk]) for u in units if u.pk in decided],
        "review_units": [u for u in units if access.can_review_unit(request.user, u)],
    })


def self_assess(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    work_year = get_work_year_for_user(request, agency, year)
    person = org_access.own_person(request.user)
    if person is None or person.agency_id != agency.pk:
        raise Http404("Không tìm thấy hồ sơ cá nhân trong cơ quan này.")
    scored = services.regime_for(person, work_year) in (EvaluationRegime.D335, EvaluationRegime.D233)
    current = PersonEvaluation.objects.filter(work_year=work_year, person=person).first()
    form = SelfAssessmentForm(request.POST or None, scored=scored, initial=_initial(current))
    if request.method == "POST" and form.is_valid():
        d = {k: v for k, v in form.cleaned_data.items() if v is not None}
        try:
            services.submit_self_assessment(person, work_year, services.SelfAssessment(**d), actor=request.user)
        except services.EvaluationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Đã gửi bản tự đánh giá.")
            return redirect("evaluation:person", agency.code, person.staff_code)
    return render(request, "evaluation/self.html", {"agency": agency, "work_year": work_year,
                                                    "form": form, "current": current})


def _initial(current: PersonEvaluation | None) -> dict[str, object]:
    if current is None:
        return {}
    return {"text": current.self_text, "score": current.score, "self_rating": current.self_rating,
            "general_criteria": current.general_criteria, "tasks_assigned": current.tasks_assigned,
            "tasks_on_time": current.tasks_on_time, "tasks_exceeded": current.tasks_exceeded,
            "tasks_short": current.tasks_short}


def unit_list(request: HttpRequest, agency_code: str, year: int, unit_code: str,
              errors: list[str] | None = None) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    work_year = get_work_year_for_user(request, agency, year)
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    check = services.check_unit_list(unit, work_year)
    levels = {e.pk: (lvl, final) for e, lvl, final in zip(check.evaluations, check.levels, check.finals, strict=True)}
    rows = list(selectors.unit_evaluations(unit, work_year))
    access.log_read(request, agency, "unit_list", unit=unit.code, year=year, people=[r.person_id for r in rows])
    return render(request, "evaluation/unit.html", {
        "agency": agency, "work_year": work_year, "unit": unit, "errors": errors or [],
        "rows": [(r, *levels.get(r.pk, (None, None))) for r in rows], "check": check,
        "can_propose": access.can_propose(request.user, unit),
        "can_approve": access.can_approve(request.user, agency),
        "proposal_form": ProposalForm(), "meeting_form": MeetingForm(),
    }, status=422 if errors else 200)


def propose(request: HttpRequest, agency_code: str, year: int, unit_code: str, staff_code: str) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    work_year = get_work_year_for_user(request, agency, year)
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    if request.method != "POST" or not access.can_propose(request.user, unit):
        raise PermissionDenied
    evaluation = PersonEvaluation.objects.filter(work_year=work_year, unit=unit,
                                                 person__staff_code=staff_code).first()
    if evaluation is None:
        raise Http404("Người này chưa có bản tự đánh giá.")
    form = ProposalForm(request.POST)
    if form.is_valid():
        try:
            services.propose_rating(evaluation, rating=form.cleaned_data["rating"],
                                    note=form.cleaned_data["note"], actor=request.user)
            messages.success(request, f"Đã đề xuất mức xếp loại cho {evaluation.person}.")
        except services.EvaluationError as exc:
            messages.error(request, exc.message)
    return redirect("evaluation:unit", agency.code, year, unit.code)


def record_meeting(request: HttpRequest, agency_code: str, year: int, unit_code: str) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    work_year = get_work_year_for_user(request, agency, year)
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    if request.method != "POST":
        raise PermissionDenied
    form = MeetingForm(request.POST)
    if form.is_valid():
        try:
            services.record_unit_meeting(unit, work_year, actor=request.user, **form.cleaned_data)
            messages.success(request, "Đã ghi biên bản cuộc họp.")
        except services.EvaluationError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, "; ".join(f"{form.fields[f].label}: {e[0]}" for f, e in form.errors.items()))
    return redirect("evaluation:unit", agency.code, year, unit.code)


def approve(request: HttpRequest, agency_code: str, year: int, unit_code: str) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    work_year = get_work_year_for_user(request, agency, year)
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    if request.method != "POST" or not access.can_approve(request.user, agency):
        raise PermissionDenied
    try:
        services.approve_unit_classifications(unit=unit, work_year=work_year, approved_by=request.user)
    except services.EvaluationError as exc:
        return unit_list(request, agency_code, year, unit_code, errors=[exc.message, *exc.lines])
    messages.success(request, f"Đã phê duyệt kết quả xếp loại của {unit}.")
    return redirect("evaluation:unit", agency.code, year, unit.code)


def person_years(request: HttpRequest, agency_code: str, staff_code: str) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    person = org_access.get_person_for_user(request, agency, staff_code)
    private = org_access.can_see_private(request.user, person)
    drafts = list(person.evaluations.select_related("work_year", "meeting").order_by("-work_year__year")) \
        if private else []
    if private:
        access.log_read(request, agency, "person", person=person.pk, staff_code=person.staff_code)
    return render(request, "evaluation/person.html", {
        "agency": agency, "person": person, "private": private, "drafts": drafts,
        "classifications": selectors.classifications_for_person(person),
        "open_years": agency.work_years.filter(state="open"),
        "is_self": org_access.own_person(request.user) == person,
    })
