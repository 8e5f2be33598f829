"""Thin views: the voter's page, the secretary's pages, results, receipts, live state."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from hoinghi.org.access import own_person
from hoinghi.org.selectors import staff_on
from hoinghi.refusals import attempt
from hoinghi.voting import live, receipt_cookie, receipts, recount, selectors, services
from hoinghi.voting.access import (
    can_manage_poll,
    get_managed_poll_for_user,
    get_poll_for_user,
    get_poll_for_voter,
    get_poll_state_for_user,
)
from hoinghi.voting.errors import VotingError
from hoinghi.voting.forms import HandCountForm, IssuedForm, OpenForm, PaperEntryForm, VoteForm
from hoinghi.voting.models import PaperEntry, Poll, PollState
from hoinghi.voting.vocabulary import Method


@require_GET
def poll_list(request: HttpRequest) -> HttpResponse:
    person = own_person(request.user)
    mine = list(selectors.polls_for_person(person)[:50]) if person else []
    managed = list(
        Poll.objects.filter(managers__pk=request.user.pk or 0)
        .select_related("agency")
        .order_by("-created_at")[:50]
    )
    return render(request, "voting/list.html", {"mine": mine, "managed": managed})


@never_cache
def poll_detail(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_poll_for_user(request, poll_id)
    return _voter_page(request, poll, form=None)


@never_cache
@require_POST
def cast_vote(request: HttpRequest, poll_id: int) -> HttpResponse:
    """The vote. The page's script sends it as JSON and resends it with the same key while
    the database is away (503 here, with a Vietnamese message); nothing is half-written."""
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        return _cast_vote(request, poll_id, wants_json)
    except (OperationalError, InterfaceError):
        if not wants_json:
            raise  # the site's 503 page (handler500)
        response = JsonResponse(
            {"error": "voting.unavailable", "message": UNAVAILABLE, "retry": True},
            status=503,
            json_dumps_params={"ensure_ascii": False},
        )
        response["Retry-After"] = "2"
        return response


UNAVAILABLE = (
    "Máy chủ tạm thời không ghi được phiếu (mất kết nối cơ sở dữ liệu). Phiếu chưa được ghi; "
    "trang đang tự gửi lại, đồng chí không cần bấm lại."
)


def _cast_vote(request: HttpRequest, poll_id: int, wants_json: bool) -> HttpResponse:
    poll, person = get_poll_for_voter(request, poll_id)
    candidates = selectors.candidates(poll) if poll.is_election else []
    form = VoteForm(request.POST, poll=poll, candidates=candidates)
    try:
        if not form.is_valid() or person is None:
            raise VotingError(
                "voting.bad_form",
                _form_error(form)
                if person
                else "Tài khoản chưa gắn với hồ sơ cán bộ: không thể bỏ phiếu.",
            )
        receipt = services.cast_vote(
            poll,
            person,
            by=request.user,
            key=form.cleaned_data["key"],
            choice=form.cleaned_data.get("choice"),
            kept=form.cleaned_data.get("kept"),
        )
    except VotingError as refused:
        if wants_json:
            return JsonResponse(
                {"error": refused.code, "message": refused.message},
                status=refused.status,
                json_dumps_params={"ensure_ascii": False},
            )
        return _voter_page(request, poll, form=form, error=refused, status=refused.status)
    if wants_json:
        response: HttpResponse = JsonResponse(
            {"receipt": receipt.code, "display": receipt.display, "repeated": receipt.repeated}
        )
    else:  # the page shows the turnout with this vote counted, not as read before it
        poll.refresh_from_db(fields=["ballots_cast", "state"])
        response = _voter_page(request, poll, form=None, receipt=receipt)
    return receipt_cookie.remember(response, poll.pk, receipt.display)


def _form_error(form: VoteForm) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return "Phiếu không hợp lệ."


def _voter_page(
    request: HttpRequest,
    poll: Poll,
    *,
    form: VoteForm | None,
    receipt: services.Receipt | None = None,
    error: VotingError | None = None,
    status: int = 200,
) -> HttpResponse:
    person = own_person(request.user)
    candidates = selectors.candidates(poll) if poll.is_election else []
    elector = selectors.is_elector(poll, person)
    voted = receipt is not None or (
        elector and person is not None and selectors.has_voted(poll, person)
    )
    kept = receipt_cookie.recall(request, poll.pk) if voted and receipt is None else None
    electronic = poll.method == Method.ELECTRONIC  # paper and hands are cast in the hall
    if form is None and elector and not voted and poll.state == PollState.OPEN and electronic:
        form = VoteForm(poll=poll, candidates=candidates)
    return render(
        request,
        "voting/poll.html",
        {
            "poll": poll,
            "form": form,
            "elector": elector,
            "voted": voted,
            "receipt": receipt.display if receipt else kept,
            "error": error,
            "manager": can_manage_poll(request.user, poll),
            "live": selectors.live_state(poll),
            "live_page": reverse("voting:view-poll", args=[poll.pk]),
        },
        status=status,
    )


@require_GET
def poll_state(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_poll_state_for_user(request, poll_id)
    return live.versioned_json(request, poll.live_version, lambda: selectors.live_state(poll))


@require_GET
def poll_result(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_poll_for_user(request, poll_id)
    record = selectors.counting_record(poll)
    if record is None:
        raise PermissionDenied("Kết quả chỉ được công bố sau khi kết thúc biểu quyết.")
    return render(
        request,
        "voting/result.html",
        {"poll": poll, "record": record, "manager": can_manage_poll(request.user, poll)},
    )


@require_GET
def recount_export(request: HttpRequest, poll_id: int, fmt: str) -> HttpResponse:
    """The ballots of a closed poll with the digest published at the close (JSON or CSV).

    Only the poll's managers (the secretary, the counting board, the agency's administrators)
    may download it: 404 outside the agency, 403 inside it.
    """
    poll = get_managed_poll_for_user(request, poll_id)
    if fmt not in ("json", "csv"):
        raise Http404("Định dạng bản xuất chỉ là json hoặc csv.")
    export = selectors.recount_export(poll)
    if export is None:
        raise PermissionDenied("Bản xuất kiểm phiếu chỉ có sau khi kết thúc biểu quyết.")
    if fmt == "json":
        response = HttpResponse(
            recount.to_json(export), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(
            "\ufeff" + recount.to_csv(export), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="kiem-phieu-{poll.pk}.{fmt}"'
    return response


@require_GET
def poll_receipts(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_poll_for_user(request, poll_id)
    if poll.state != PollState.CLOSED:
        raise PermissionDenied("Danh sách mã biên nhận chỉ công bố sau khi kết thúc biểu quyết.")
    rows = selectors.receipts(poll)
    typed = request.GET.get("ma", "").strip()
    found = None
    if typed:
        wanted = receipts.display(receipts.normalize(typed))
        found = any(row.code == wanted for row in rows)
    return render(
        request,
        "voting/receipts.html",
        {"poll": poll, "rows": rows, "typed": typed, "found": found},
    )


def manage(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_managed_poll_for_user(request, poll_id)
    return render(
        request,
        "voting/manage.html",
        {
            "poll": poll,
            "live": selectors.live_state(poll),
            "open_form": OpenForm(initial={"present": 0, "convened": 0}),
            "hands_form": HandCountForm(),
            "issued_form": IssuedForm(),
            "progress": selectors.paper_progress(poll) if poll.method == "paper" else None,
        },
    )


@require_POST
def open_poll(request: HttpRequest, poll_id: int) -> HttpResponse:
    """Open with the agency's current staff as the electorate (callers pass their own)."""
    poll = get_managed_poll_for_user(request, poll_id)
    form = OpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Số người có mặt, được triệu tập: phải là số từ 0 trở lên.")
        return redirect("voting:manage", poll_id=poll.pk)
    people = list(staff_on(poll.agency, poll.legal_date))
    return _run(
        request,
        poll,
        lambda: services.open_poll(
            poll,
            electors=people,
            present=form.cleaned_data["present"],
            convened=form.cleaned_data["convened"],
            by=request.user,
        ),
        "Đã mở biểu quyết.",
    )


@require_POST
def close_poll(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_managed_poll_for_user(request, poll_id)
    return _run(
        request,
        poll,
        lambda: services.close_poll(poll, by=request.user),
        "Đã kết thúc biểu quyết và kiểm phiếu.",
    )


@require_POST
def record_hands(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_managed_poll_for_user(request, poll_id)
    form = HandCountForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Số giơ tay: mỗi ô phải là số từ 0 trở lên.")
        return redirect("voting:manage", poll_id=poll.pk)
    return _run(
        request,
        poll,
        lambda: services.record_hand_count(poll, by=request.user, **form.cleaned_data),
        "Đã ghi kết quả giơ tay.",
    )


@require_POST
def set_issued(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_managed_poll_for_user(request, poll_id)
    form = IssuedForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Số phiếu phát ra: phải là số từ 0 trở lên.")
        return redirect("voting:manage", poll_id=poll.pk)
    return _run(
        request,
        poll,
        lambda: services.set_ballots_issued(
            poll, form.cleaned_data["ballots_issued"], by=request.user
        ),
        "Đã ghi số phiếu phát ra.",
    )


def _run(request: HttpRequest, poll: Poll, action: Callable[[], object], done: str) -> HttpResponse:
    attempt(request, action, done)
    return redirect("voting:manage", poll_id=poll.pk)


def paper_entry(request: HttpRequest, poll_id: int, round_no: int) -> HttpResponse:
    poll = get_managed_poll_for_user(request, poll_id)
    candidates = selectors.candidates(poll) if poll.is_election else []
    form = PaperEntryForm(request.POST or None, poll=poll, candidates=candidates)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            typed_before = PaperEntry.objects.filter(
                poll=poll, round=round_no, sheet=form.cleaned_data["sheet"]
            ).exists()
            try:
                entry = services.enter_paper_ballot(
                    poll,
                    round=round_no,
                    sheet=form.cleaned_data["sheet"],
                    by=request.user,
                    choice=form.cleaned_data.get("choice") or None,
                    kept=form.cleaned_data.get("kept"),
                    spoiled=form.cleaned_data["spoiled"],
                )
            except VotingError as refused:
                form.add_error(None, refused.message)
                status = refused.status
            else:
                messages.success(request, _entered(poll, entry, round_no, typed_before))
                return redirect("voting:paper-entry", poll_id=poll.pk, round_no=round_no)
        else:
            status = 400
    return render(
        request,
        "voting/paper_entry.html",
        {
            "poll": poll,
            "form": form,
            "round_no": round_no,
            "progress": selectors.paper_progress(poll),
        },
        status=status,
    )


def _entered(poll: Poll, entry: PaperEntry, round_no: int, typed_before: bool) -> str:
    """What the counter reads after a sheet: a sheet typed again replaces the earlier typing,
    and a sheet keeping more names than seats counts as invalid; both are said."""
    said = (
        f"Đã sửa phiếu số {entry.sheet} (lượt {round_no}): nội dung nhập trước đã được thay."
        if typed_before
        else f"Đã nhập phiếu số {entry.sheet} (lượt {round_no})."
    )
    if poll.is_election and not entry.spoiled and len(entry.kept) > poll.seats:
        said += (
            f" Phiếu giữ lại {len(entry.kept)} tên, nhiều hơn {poll.seats} người cần bầu:"
            " phiếu này được tính là không hợp lệ."
        )
    return said


@require_GET
def paper_differences(request: HttpRequest, poll_id: int) -> HttpResponse:
    poll = get_managed_poll_for_user(request, poll_id)
    return render(
        request,
        "voting/differences.html",
        {
            "poll": poll,
            "differences": selectors.paper_differences(poll),
            "progress": selectors.paper_progress(poll),
        },
    )
