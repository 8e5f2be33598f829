"""Evaluation screens: the year's published results, self-assessment, a unit's list for its
reviewers (meeting, proposals, the leader's approval under the caps) and a person's years."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hoinghi.evaluation import access, selectors, services
from hoinghi.evaluation.forms import (
    AbsenceForm,
    DisciplineForm,
    MeetingForm,
    ProposalForm,
    SelfAssessmentForm,
    UnitDecisionForm,
)
from hoinghi.evaluation.models import PersonEvaluation, Stage, UnitEvaluation, UnitMeeting
from hoinghi.law.evaluation import EvaluationRegime, Rating
from hoinghi.org import access as org_access
from hoinghi.org.access import get_work_year_for_user
from hoinghi.org.models import Agency, AgencyKind, Person, Unit, WorkYear
from hoinghi.plans.selectors import completion_by_unit
from hoinghi.refusals import attempt, form_refused

RATING_VALUES = frozenset(r.value for r in Rating)


def year_results(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    units = list(
        Unit.objects.filter(agency=agency).select_related("agency").order_by("position", "name")
    )
    decided = selectors.unit_classifications(work_year)
    return render(
        request,
        "evaluation/year.html",
        {
            "agency": agency,
            "work_year": work_year,
            "results": selectors.published_results(work_year),
            "unit_results": [(u, decided[u.pk]) for u in units if u.pk in decided],
            "review_units": [u for u in units if access.can_review_unit(request.user, u)],
            "can_decide_units": access.can_decide_units(request.user, agency),
        },
    )


def self_assess(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    person = org_access.own_person(request.user)
    if person is None or person.agency_id != agency.pk:
        raise Http404("Không tìm thấy hồ sơ cá nhân trong cơ quan này.")
    scored = services.regime_for(person, work_year) in (
        EvaluationRegime.D335,
        EvaluationRegime.D233,
    )
    current = PersonEvaluation.objects.filter(work_year=work_year, person=person).first()
    locked = current is not None and current.stage in (Stage.PROPOSED, Stage.APPROVED)
    form = SelfAssessmentForm(
        None if locked else (request.POST or None), scored=scored, initial=_initial(current)
    )
    if request.method == "POST" and not locked and form.is_valid():
        d = {k: v for k, v in form.cleaned_data.items() if v is not None}
        try:
            services.submit_self_assessment(
                person, work_year, services.SelfAssessment(**d), actor=request.user
            )
        except services.EvaluationError as refused:
            form_refused(form, refused)
        else:
            messages.success(request, "Đã gửi bản tự đánh giá.")
            return redirect("evaluation:person", agency.code, person.staff_code)
    return render(
        request,
        "evaluation/self.html",
        {
            "agency": agency,
            "work_year": work_year,
            "form": form,
            "current": current,
            "locked": locked,
        },
    )


def _initial(current: PersonEvaluation | None) -> dict[str, object]:
    if current is None:
        return {}
    return {
        "text": current.self_text,
        "score": current.score,
        "self_rating": current.self_rating,
        "general_criteria": current.general_criteria,
        "tasks_assigned": current.tasks_assigned,
        "tasks_on_time": current.tasks_on_time,
        "tasks_exceeded": current.tasks_exceeded,
        "tasks_short": current.tasks_short,
    }


def unit_list(
    request: HttpRequest,
    agency_code: str,
    year: int,
    unit_code: str,
    errors: list[str] | None = None,
    meeting_form: MeetingForm | None = None,
) -> HttpResponse:
    work_year = get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    check = services.check_unit_list(unit, work_year)
    levels = {
        e.pk: (lvl, final)
        for e, lvl, final in zip(check.evaluations, check.levels, check.finals, strict=True)
    }
    rows = list(selectors.unit_evaluations(unit, work_year))
    access.log_read(
        request, agency, "unit_list", unit=unit.code, year=year, people=[r.person_id for r in rows]
    )
    return render(
        request,
        "evaluation/unit.html",
        {
            "agency": agency,
            "work_year": work_year,
            "unit": unit,
            "errors": errors or [],
            "rows": [(r, *levels.get(r.pk, (None, None))) for r in rows],
            "check": check,
            "can_propose": access.can_propose(request.user, unit),
            "can_approve": access.can_approve(request.user, agency),
            "proposal_form": ProposalForm(),
            "meeting_form": meeting_form or MeetingForm(initial=_meeting_initial(unit, work_year)),
        },
        status=422 if errors or (meeting_form is not None and meeting_form.errors) else 200,
    )


def _meeting_initial(unit: Unit, work_year: WorkYear) -> dict[str, object]:
    """The unit's minuted meeting, shown in its form to be read or corrected."""
    meeting = UnitMeeting.objects.filter(unit=unit, work_year=work_year).first()
    if meeting is None:
        return {}
    return {
        "held_on": meeting.held_on.strftime("%d/%m/%Y"),
        "present": meeting.present,
        "convened": meeting.convened,
        "summary": meeting.summary,
    }


def propose(
    request: HttpRequest, agency_code: str, year: int, unit_code: str, staff_code: str
) -> HttpResponse:
    work_year = get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    if request.method != "POST" or not access.can_propose(request.user, unit):
        raise PermissionDenied
    evaluation = PersonEvaluation.objects.filter(
        work_year=work_year, unit=unit, person__staff_code=staff_code
    ).first()
    if evaluation is None:
        raise Http404("Người này chưa có bản tự đánh giá.")
    form = ProposalForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        attempt(
            request,
            lambda: services.propose_rating(
                evaluation, rating=d["rating"], note=d["note"], actor=request.user
            ),
            f"Đã đề xuất mức xếp loại cho {evaluation.person}.",
        )
    return redirect("evaluation:unit", agency.code, year, unit.code)


def record_meeting(
    request: HttpRequest, agency_code: str, year: int, unit_code: str
) -> HttpResponse:
    work_year = get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    if request.method != "POST":
        raise PermissionDenied
    form = MeetingForm(request.POST)
    if form.is_valid():
        try:
            services.record_unit_meeting(unit, work_year, actor=request.user, **form.cleaned_data)
        except services.EvaluationError as refused:
            form_refused(form, refused)
        else:
            messages.success(request, "Đã ghi biên bản cuộc họp.")
            return redirect("evaluation:unit", agency.code, year, unit.code)
    return unit_list(request, agency_code, year, unit_code, meeting_form=form)


def approve(request: HttpRequest, agency_code: str, year: int, unit_code: str) -> HttpResponse:
    work_year = get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    unit = access.get_unit_for_reviewer(request, agency, unit_code)
    if request.method != "POST" or not access.can_approve(request.user, agency):
        raise PermissionDenied
    try:
        services.approve_unit_classifications(
            unit=unit, work_year=work_year, approved_by=request.user
        )
    except services.EvaluationError as exc:
        reasons = [line for line in exc.lines if line != exc.message]
        return unit_list(request, agency_code, year, unit_code, errors=[exc.message, *reasons])
    messages.success(request, f"Đã phê duyệt kết quả xếp loại của {unit}.")
    return redirect("evaluation:unit", agency.code, year, unit.code)


def person_years(request: HttpRequest, agency_code: str, staff_code: str) -> HttpResponse:
    agency = org_access.get_agency_for_user(request, agency_code)
    person = org_access.get_person_for_user(request, agency, staff_code)
    private = org_access.can_see_private(request.user, person)
    drafts = (
        list(person.evaluations.select_related("work_year", "meeting").order_by("-work_year__year"))
        if private
        else []
    )
    if private:
        access.log_read(request, agency, "person", person=person.pk, staff_code=person.staff_code)
    return render(
        request,
        "evaluation/person.html",
        {
            "agency": agency,
            "person": person,
            "private": private,
            "drafts": drafts,
            "classifications": selectors.classifications_for_person(person),
            "open_years": agency.work_years.filter(state="open"),
            "is_self": org_access.own_person(request.user) == person,
        },
    )


def default_issuer(agency: Agency) -> str:
    """For a Party body the superior committee's standing board decides ("Ban Thường vụ Huyện ủy")."""
    if agency.kind == AgencyKind.PARTY and agency.parent_name:
        return f"Ban Thường vụ {agency.parent_name}"
    return ""


def unit_decisions(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    """The units' levels for the year: proposals, tasks done, the cap and the decision."""
    work_year = get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    if not access.can_decide_units(request.user, agency):
        raise PermissionDenied
    units = list(Unit.objects.filter(agency=agency).order_by("position", "name"))
    current = {u.unit_id: u for u in UnitEvaluation.objects.filter(work_year=work_year)}
    decided = next((u for u in current.values() if u.rating), None)
    initial: dict[str, object] = {
        "issuer": decided.issuer if decided else default_issuer(agency),
        "decision_number": decided.decision_number if decided else "",
        "decided_on": decided.decided_on if decided else None,
        **{
            f"rating_{u.code}": (current[u.pk].rating or current[u.pk].proposed_rating)
            for u in units
            if u.pk in current
        },
    }
    party = agency.kind == AgencyKind.PARTY
    form = UnitDecisionForm(request.POST or None, units=units, party=party, initial=initial)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_unit_ratings(
                work_year,
                form.ratings(),
                issuer=form.cleaned_data["issuer"],
                decision_number=form.cleaned_data["decision_number"],
                decided_on=form.cleaned_data["decided_on"],
                actor=request.user,
            )
        except services.EvaluationError as exc:
            errors = list(dict.fromkeys([exc.message, *exc.lines]))
        else:
            messages.success(request, f"Đã ghi quyết định xếp loại tập thể năm {work_year.year}.")
            return redirect("evaluation:units", agency.code, year)
    chosen = {u: form[f"rating_{u.code}"].value() for u in units}
    cap = services.unit_cap(
        work_year, {u: Rating(r) for u, r in chosen.items() if r in RATING_VALUES}
    )
    done = completion_by_unit(work_year)
    rows = [
        (u, current.get(u.pk), done.get(u.pk), field)
        for u, field in zip(units, form.rating_fields(), strict=True)
    ]
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "evaluation/units.html",
        {
            "agency": agency,
            "work_year": work_year,
            "rows": rows,
            "form": form,
            "errors": errors,
            "cap": cap,
            "party": party,
        },
        status=status,
    )


def leave_and_discipline(request: HttpRequest, agency_code: str) -> HttpResponse:
    """The clerk's records of leave and discipline, read by every year's classification."""
    agency = org_access.get_agency_for_user(request, agency_code)
    if not access.can_record_leave(request.user, agency):
        raise PermissionDenied
    people = list(Person.objects.filter(agency=agency).order_by("sort_key"))
    by_code = {p.staff_code: p for p in people}
    posted = request.POST.get("form") if request.method == "POST" else None
    absence_form = AbsenceForm(
        request.POST if posted == "absence" else None, people=people, prefix="nghi"
    )
    discipline_form = DisciplineForm(
        request.POST if posted == "discipline" else None, people=people, prefix="kl"
    )
    form = (
        absence_form if posted == "absence" else discipline_form if posted == "discipline" else None
    )
    if form is not None and form.is_valid():
        data = dict(form.cleaned_data)
        person = by_code[data.pop("person")]
        try:
            if form is absence_form:
                services.record_absence(person, actor=request.user, **data)
            else:
                services.record_discipline(person, actor=request.user, **data)
        except services.EvaluationError as refused:
            form_refused(form, refused)
        else:
            messages.success(
                request,
                f"Đã ghi {'thời gian nghỉ' if form is absence_form else 'kỷ luật'} "
                f"của {person.full_name}.",
            )
            return redirect("evaluation:leave", agency.code)
    return render(
        request,
        "evaluation/leave.html",
        {
            "agency": agency,
            "absence_form": absence_form,
            "discipline_form": discipline_form,
            "absences": selectors.recent_absences(agency),
            "disciplines": selectors.recent_disciplines(agency),
        },
        status=422 if form is not None else 200,
    )
