"""Pages of the emulation year: thin views over access helpers, forms and services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hoinghi.emulation import access, council, eligibility, rules, selectors, services, upward
from hoinghi.emulation.eligibility import TITLE_VALUES
from hoinghi.emulation.forms import (
    EarlierTitleForm,
    ExternalDecisionForm,
    HeadDecisionForm,
    InitiativeForm,
    LaunchForm,
    PledgeForm,
    ProposalForm,
    RecognitionForm,
    RegistrationForm,
    RevokeForm,
    UnitJudgementForm,
    UpwardProposalForm,
    judgement_value,
)
from hoinghi.emulation.models import ProposalKind, ProposalState
from hoinghi.emulation.services import DecisionHeader, EmulationError, PledgeParties
from hoinghi.emulation.vocabulary import Issuer, Outcome
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.access import own_person
from hoinghi.org.models import Unit, WorkYear
from hoinghi.refusals import attempt, form_refused


def year_url(work_year: WorkYear, name: str, *args: Any) -> str:
    return reverse(f"emulation:{name}", args=[work_year.agency.code, work_year.year, *args])


def show_error(request: HttpRequest, form: Any, error: EmulationError) -> None:
    if form is not None and error.field in form.fields:
        form.add_error(error.field, error.message)
    else:
        messages.error(request, error.message)


def year_overview(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_work_year_for_user(request, agency_code, year)
    agency = work_year.agency
    return render(
        request,
        "emulation/year.html",
        {
            "work_year": work_year,
            "agency": agency,
            "launch": selectors.launch_of(work_year),
            "pledges": selectors.pledges_of_year(work_year),
            "decisions": selectors.decisions_of_year(work_year),
            "counts": selectors.title_counts(work_year),
            "can_manage": access.can_manage(request.user, agency),
            "can_read_all": access.can_read_all(request.user, agency),
            "can_read_proposals": access.can_read_proposals(request.user, agency),
            "person": own_person(request.user),
            "registrable_units": access.registrable_units(request.user, agency),
        },
    )


def launch_edit(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    launch = selectors.launch_of(work_year)
    initial = (
        {
            "launched_on": launch.launched_on,
            "theme": launch.theme,
            "movements": launch.movements,
            "registration_deadline": launch.registration_deadline,
        }
        if launch
        else {}
    )
    form = LaunchForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.launch_emulation(
                work_year,
                launched_on=data["launched_on"],
                theme=data["theme"],
                movements=data["movements"].splitlines(),
                registration_deadline=data["registration_deadline"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã lưu nội dung phát động thi đua.")
            return redirect(year_url(work_year, "year"))
    return render(
        request,
        "emulation/form.html",
        {
            "work_year": work_year,
            "form": form,
            "heading": f"Phát động thi đua năm {work_year.year}",
        },
    )


def registration(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    """Each staff member registers their own titles; the clerk sees every registration."""
    work_year = access.get_work_year_for_user(request, agency_code, year)
    person = own_person(request.user)
    if person is None or person.agency_id != work_year.agency_id:
        raise Http404("Không tìm thấy trang.")
    current = selectors.registrations_of(work_year, person=person)
    form = RegistrationForm(request.POST or None, initial={"titles": sorted(current)})
    if request.method == "POST" and form.is_valid():
        try:
            services.register_titles(
                work_year,
                form.cleaned_data["titles"],
                person=person,
                on=timezone.localdate(),
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã ghi nhận đăng ký thi đua.")
            return redirect(year_url(work_year, "registration"))
    every = (
        selectors.registrations_of_year(work_year)
        if access.can_read_all(request.user, work_year.agency)
        else None
    )
    return render(
        request,
        "emulation/registration.html",
        {
            "work_year": work_year,
            "form": form,
            "person": person,
            "registrations": every,
            "launch": selectors.launch_of(work_year),
        },
    )


def unit_registration(
    request: HttpRequest, agency_code: str, year: int, unit_code: str
) -> HttpResponse:
    """A collective registers its titles (Tập thể lao động tiên tiến…): its head or the clerk."""
    work_year = access.get_work_year_for_user(request, agency_code, year)
    unit = access.get_registrable_unit_for_user(request, work_year, unit_code)
    current = selectors.registrations_of(work_year, unit=unit)
    form = RegistrationForm(
        request.POST or None, individual=False, initial={"titles": sorted(current)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.register_titles(
                work_year,
                form.cleaned_data["titles"],
                unit=unit,
                on=timezone.localdate(),
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, f"Đã ghi nhận đăng ký thi đua của {unit.name}.")
            return redirect(year_url(work_year, "unit-registration", unit.code))
    return render(
        request,
        "emulation/form.html",
        {
            "work_year": work_year,
            "form": form,
            "heading": f"Đăng ký thi đua năm {work_year.year}: {unit.name}",
        },
    )


def pledge_new(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    form = PledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parties = PledgeParties(
            data["party_a"], data["signer_a"], data["party_b"], data["signer_b"]
        )
        try:
            services.sign_pledge(
                work_year,
                parties,
                form.commitment_lines(),
                signed_on=data["signed_on"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã lưu giao ước thi đua.")
            return redirect(year_url(work_year, "year"))
    return render(
        request,
        "emulation/form.html",
        {
            "work_year": work_year,
            "form": form,
            "heading": "Giao ước thi đua",
        },
    )


def pledge_review(request: HttpRequest, agency_code: str, year: int, pk: int) -> HttpResponse:
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    pledge = access.get_pledge_for_user(request, work_year, pk)
    commitments = list(pledge.commitments.all())
    if request.method == "POST":
        results = {
            c.position: (
                request.POST.get(f"met-{c.position}") == "1",
                request.POST.get(f"note-{c.position}", ""),
            )
            for c in commitments
            if request.POST.get(f"met-{c.position}") in ("0", "1")
        }
        if attempt(
            request,
            lambda: services.review_pledge(
                pledge, results, reviewed_on=timezone.localdate(), actor=request.user
            ),
            "Đã lưu kết quả thực hiện giao ước.",
        ):
            return redirect(year_url(work_year, "year"))
    return render(
        request,
        "emulation/pledge_review.html",
        {
            "work_year": work_year,
            "pledge": pledge,
            "commitments": commitments,
        },
    )


def facts(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    """Initiatives and scientific works of the year (the clerk)."""
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    form = InitiativeForm(request.POST or None, agency=work_year.agency)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.record_initiative(data.pop("person"), actor=request.user, **data)
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã ghi nhận sáng kiến.")
            return redirect(year_url(work_year, "facts"))
    return facts_page(request, work_year, form=form)


def facts_page(
    request: HttpRequest,
    work_year: WorkYear,
    *,
    form: Any = None,
    earlier_form: Any = None,
    recognition_form: Any = None,
) -> HttpResponse:
    """The facts page; a form refused keeps what was typed in it (bound, with its errors)."""
    return render(
        request,
        "emulation/facts.html",
        {
            "work_year": work_year,
            "form": form or InitiativeForm(agency=work_year.agency),
            "initiatives": selectors.initiatives_of_year(work_year),
            "earlier_form": earlier_form or EarlierTitleForm(agency=work_year.agency),
            "recognition_form": recognition_form or RecognitionForm(),
            "earlier": selectors.earlier_titles(work_year.agency),
            "recognitions": selectors.recognitions_of_year(work_year),
        },
    )


@require_POST
def earlier_title_new(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    form = EarlierTitleForm(request.POST, agency=work_year.agency)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_earlier_title(
                year=data["year"],
                title=Title(data["title"]),
                person=data["person"],
                unit=data["unit"],
                decision=data["decision"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã ghi danh hiệu năm trước.")
            return redirect(year_url(work_year, "facts"))
    return facts_page(request, work_year, earlier_form=form)


@require_POST
def recognition_new(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    form = RecognitionForm(request.POST)
    if form.is_valid():
        try:
            services.record_recognition(
                work_year,
                form.cleaned_data["name"],
                issuer=form.cleaned_data["issuer"],
                recognised_on=form.cleaned_data["recognised_on"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã ghi công nhận.")
            return redirect(year_url(work_year, "facts"))
    return facts_page(request, work_year, recognition_form=form)


def show_form_errors(request: HttpRequest, form: Any) -> None:
    """Each error as a message naming its field (pages that redirect after a POST)."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


def eligibility_table(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_readable_year_for_user(request, agency_code, year, council=True)
    title = request.GET.get("danh-hieu", "")
    rows = selectors.eligibility_rows(
        work_year, title=Title(title) if title in TITLE_VALUES else None
    )
    return render(
        request,
        "emulation/eligibility.html",
        {
            "work_year": work_year,
            "rows": rows,
            "counts": selectors.eligible_counts(work_year),
            "can_manage": access.can_manage(request.user, work_year.agency),
            "eligible": Outcome.ELIGIBLE,
            "titles": list(Title),
            "selected": title,
            "regulation": rules.regulation_of(work_year),
        },
    )


@require_POST
def eligibility_compute(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    try:
        summary = eligibility.compute_eligibility(work_year, actor=request.user)
    except EmulationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"Đã xét danh hiệu cho {summary.people} người và {summary.units} tập thể."
        )
        unjudged = [
            row.unit.name
            for row in selectors.unit_judgements(work_year)
            if row.judgement is None
            or None in (row.judgement.emulation_active, row.judgement.unity)
        ]
        if unjudged:
            messages.warning(
                request,
                "Hội đồng chưa đánh giá phong trào thi đua, sự đoàn kết nội bộ của: "
                f"{', '.join(unjudged)} — chưa xét được danh hiệu tập thể của các đơn vị này.",
            )
    return redirect(year_url(work_year, "eligibility"))


def proposals(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_readable_year_for_user(request, agency_code, year, council=True)
    can_manage = access.can_manage(request.user, work_year.agency)
    form = ProposalForm(request.POST or None) if can_manage else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = council.propose_titles(
                work_year,
                [Title(t) for t in data["titles"]],
                proposed_on=data["proposed_on"],
                subject=data["subject"],
                number=data["number"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã lập tờ trình.")
            return redirect(year_url(work_year, "proposal", proposal.pk))
    return render(
        request,
        "emulation/proposals.html",
        {
            "work_year": work_year,
            "proposals": selectors.proposals_of_year(work_year, kind=ProposalKind.INTERNAL),
            "form": form,
        },
    )


def proposal_detail(request: HttpRequest, agency_code: str, year: int, pk: int) -> HttpResponse:
    work_year = access.get_work_year_for_user(request, agency_code, year)
    proposal = access.get_proposal_for_user(request, work_year, pk)
    return proposal_page(request, proposal)


def proposal_page(
    request: HttpRequest, proposal: Any, decision_form: HeadDecisionForm | None = None
) -> HttpResponse:
    """The proposal with its items and actions; ``decision_form`` is the head's decision as
    posted, shown again with its errors and the values typed."""
    work_year = proposal.work_year
    can_manage = access.can_manage(request.user, work_year.agency)
    can_decide = (
        can_manage
        and proposal.state == ProposalState.VOTED
        and proposal.kind == ProposalKind.INTERNAL
    )
    if not can_decide:
        if decision_form is not None:  # the page has no decision form to show them on
            show_form_errors(request, decision_form)
        decision_form = None
    elif decision_form is None:
        decision_form = HeadDecisionForm()
    return render(
        request,
        "emulation/proposal.html",
        {
            "work_year": work_year,
            "proposal": proposal,
            "items": selectors.proposal_items(proposal),
            "can_manage": can_manage,
            "decision_form": decision_form,
            "is_council_member": access.is_council_member(request.user, work_year.agency),
            "poll_url": poll_url(proposal.poll_id),
        },
    )


def poll_url(poll_id: int | None) -> str:
    """The voting app's page of the council's poll, where it offers one."""
    if poll_id is None:
        return ""
    try:
        return reverse("voting:view-poll", args=[poll_id])
    except NoReverseMatch:
        return ""


@require_POST
def proposal_action(
    request: HttpRequest, agency_code: str, year: int, pk: int, action: str
) -> HttpResponse:
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    proposal = access.get_proposal_for_user(request, work_year, pk)
    try:
        if action == "mo-phieu":
            council.open_council_vote(proposal, actor=request.user)
            messages.success(request, "Đã mở phiếu kín của Hội đồng.")
        elif action == "dong-phieu":
            council.close_council_vote(proposal, actor=request.user)
            messages.success(request, "Đã kết thúc bỏ phiếu và ghi kết quả.")
        elif action == "quyet-dinh":
            return decide(request, proposal)
        elif action == "trinh-cap-tren":
            upward.submit_upward(proposal, submitted_on=timezone.localdate(), actor=request.user)
            messages.success(request, f"Đã ghi nhận trình {proposal.recipient}.")
        else:
            raise Http404("Không tìm thấy thao tác.")
    except EmulationError as error:
        messages.error(request, error.message)
    return redirect(year_url(work_year, "proposal", proposal.pk))


def decide(request: HttpRequest, proposal: Any) -> HttpResponse:
    """The head's decision on a voted proposal; refused, the proposal page again with the
    form as typed and the reason next to its field."""
    work_year = proposal.work_year
    form = HeadDecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        header = DecisionHeader(
            Issuer.HEAD, work_year.agency.name, data["number"], data["signed_on"], data["signer"]
        )
        try:
            decision = council.decide_titles(proposal, header, actor=request.user)
        except EmulationError as error:
            show_error(request, form, error)
            proposal.refresh_from_db()
        else:
            messages.success(request, "Đã ghi quyết định khen thưởng.")
            return redirect(year_url(work_year, "decision", decision.pk))
    return proposal_page(request, proposal, decision_form=form)


def decisions(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    work_year = access.get_work_year_for_user(request, agency_code, year)
    can_manage = access.can_manage(request.user, work_year.agency)
    form = (
        ExternalDecisionForm(request.POST or None, agency=work_year.agency) if can_manage else None
    )
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        header = DecisionHeader(
            Issuer(data["issuer_kind"]), data["issuer"], data["number"], data["signed_on"]
        )
        try:
            council.record_external_decision(
                work_year,
                header,
                Title(data["title"]),
                people=data["people"],
                units=data["units"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã ghi quyết định.")
            return redirect(year_url(work_year, "decisions"))
    return render(
        request,
        "emulation/decisions.html",
        {
            "work_year": work_year,
            "decisions": selectors.decisions_of_year(work_year),
            "form": form,
        },
    )


def decision_detail(request: HttpRequest, agency_code: str, year: int, pk: int) -> HttpResponse:
    work_year = access.get_work_year_for_user(request, agency_code, year)
    decision = access.get_decision_for_user(request, work_year, pk)
    return render(
        request,
        "emulation/decision.html",
        {
            "work_year": work_year,
            "decision": decision,
            "awards": selectors.decision_list(decision),
            "can_manage": access.can_manage(request.user, work_year.agency)
            and not work_year.is_closed,
        },
    )


def person_titles(request: HttpRequest, agency_code: str, staff_code: str) -> HttpResponse:
    person = access.get_titled_person_for_user(request, agency_code, staff_code)
    return render(
        request,
        "emulation/person_titles.html",
        {
            "person": person,
            "agency": person.agency,
            "awards": selectors.person_titles(person),
            "eligibility": selectors.eligibility_for_person(person),
        },
    )


def judgements(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    """The council's judgement of each unit's emulation movement and unity (TTLĐTT, TTLĐXS).

    A refused judgement shows the page again: that unit's row as typed, with the reason."""
    work_year = access.get_readable_year_for_user(request, agency_code, year, council=True)
    can_judge = access.can_judge(request.user, work_year.agency)
    posted: UnitJudgementForm | None = None
    if request.method == "POST":
        if not can_judge:
            raise Http404("Không tìm thấy trang.")
        posted = UnitJudgementForm(
            request.POST, auto_id=judgement_auto_id(request.POST.get("unit", ""))
        )
        if posted.is_valid() and save_judgement(request, work_year, posted):
            return redirect(year_url(work_year, "judgements"))
    can_judge = can_judge and not work_year.is_closed
    rows = []
    for row in selectors.unit_judgements(work_year):
        if posted is not None and can_judge and posted.data.get("unit") == row.unit.code:
            rows.append((row, posted))
            posted = None
        else:
            initial = judgement_initial(row)
            rows.append(
                (row, UnitJudgementForm(initial=initial, auto_id=judgement_auto_id(row.unit.code)))
            )
    if posted is not None:  # no row shows it: the unit is unknown, or the page is read-only
        show_form_errors(request, posted)
    return render(
        request,
        "emulation/judgements.html",
        {"work_year": work_year, "rows": rows, "can_judge": can_judge},
    )


def judgement_auto_id(unit_code: str) -> str:
    """Each row's inputs have their own ids (one form per unit on the page)."""
    return f"id_{unit_code}_%s"


def judgement_initial(row: selectors.UnitJudgementRow) -> dict[str, str]:
    j = row.judgement

    def as_choice(value: bool | None) -> str:
        return "" if value is None else "1" if value else "0"

    return {
        "unit": row.unit.code,
        "emulation_active": as_choice(j.emulation_active if j else None),
        "unity": as_choice(j.unity if j else None),
        "note": j.note if j else "",
    }


def save_judgement(request: HttpRequest, work_year: WorkYear, form: UnitJudgementForm) -> bool:
    """Saves the valid form's judgement; a refusal goes on the form. True when saved."""
    data = form.cleaned_data
    unit = Unit.objects.filter(agency=work_year.agency, code=data["unit"]).first()
    if unit is None:
        form.add_error("unit", f"Không tìm thấy đơn vị “{data['unit']}” trong cơ quan.")
        return False
    try:
        services.judge_unit(
            work_year,
            unit,
            emulation_active=judgement_value(data["emulation_active"]),
            unity=judgement_value(data["unity"]),
            note=data["note"],
            on=timezone.localdate(),
            actor=request.user,
        )
    except EmulationError as error:
        form_refused(form, error)
        return False
    messages.success(request, f"Đã ghi đánh giá của Hội đồng về {unit.name}.")
    return True


def upward_proposals(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    """Đề nghị cấp trên khen thưởng: the lists and, for the clerk, a new list."""
    work_year = access.get_readable_year_for_user(request, agency_code, year, council=True)
    can_manage = access.can_manage(request.user, work_year.agency)
    form = (
        UpwardProposalForm(
            request.POST or None, agency=work_year.agency, titles=upward.UPWARD_TITLES
        )
        if can_manage
        else None
    )
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = upward.propose_upward(
                work_year,
                Title(data["title"]),
                people=data["people"],
                units=data["units"],
                proposed_on=data["proposed_on"],
                subject=data["subject"],
                recipient=data["recipient"],
                number=data["number"],
                achievement=data["achievement"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, "Đã lập tờ trình đề nghị cấp trên.")
            return redirect(year_url(work_year, "proposal", proposal.pk))
    return render(
        request,
        "emulation/upward.html",
        {
            "work_year": work_year,
            "proposals": selectors.proposals_of_year(work_year, kind=ProposalKind.UPWARD),
            "form": form,
        },
    )


def award_revoke(
    request: HttpRequest, agency_code: str, year: int, pk: int, award_pk: int
) -> HttpResponse:
    """Thu hồi danh hiệu: the clerk records the revocation with its date and basis."""
    work_year = access.get_managed_year_for_user(request, agency_code, year)
    decision = access.get_decision_for_user(request, work_year, pk)
    award = access.get_award_for_user(request, decision, award_pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke_award(
                award,
                revoked_on=form.cleaned_data["revoked_on"],
                basis=form.cleaned_data["basis"],
                actor=request.user,
            )
        except EmulationError as error:
            show_error(request, form, error)
        else:
            messages.success(request, f"Đã ghi thu hồi danh hiệu của {award.holder_name}.")
            return redirect(year_url(work_year, "decision", decision.pk))
    return render(
        request,
        "emulation/revoke.html",
        {
            "work_year": work_year,
            "decision": decision,
            "award": award,
            "form": form,
        },
    )
