"""Accounts for the staff: create per unit, print login letters, set a password with a
letter's code, lock and unlock an account, and give roles on a Vietnamese page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hoinghi.org import access, selectors
from hoinghi.org.accounts import services
from hoinghi.org.accounts.access import get_account_agency_for_user, is_agency_admin
from hoinghi.org.accounts.letters_docx import letters_docx
from hoinghi.org.accounts.qr import qr_svg, set_password_url
from hoinghi.org.middleware import public
from hoinghi.org.models import Agency, Person, Role, RoleAssignment, Unit
from hoinghi.org.public_address import public_url

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _unit_rows(agency: Agency) -> list[dict[str, Any]]:
    """Per unit: people on the staff today, with an account, locked, never signed in."""
    today = timezone.localdate()
    current = Q(positions__valid_from__lte=today) & (
        Q(positions__valid_to__isnull=True) | Q(positions__valid_to__gte=today)
    )
    on_staff = Q(left_on__isnull=True) | Q(left_on__gte=today)
    people = Person.objects.filter(agency=agency).filter(on_staff).filter(current)
    counts = {
        row["positions__unit"]: row
        for row in people.values("positions__unit").annotate(
            total=Count("pk", distinct=True),
            with_account=Count("pk", filter=Q(user__isnull=False), distinct=True),
            locked=Count("pk", filter=Q(user__is_active=False), distinct=True),
            never=Count(
                "pk", filter=Q(user__isnull=False, user__last_login__isnull=True), distinct=True
            ),
        )
    }
    rows = []
    for unit in Unit.objects.filter(agency=agency).order_by("position", "name"):
        row = counts.get(unit.pk, {"total": 0, "with_account": 0, "locked": 0, "never": 0})
        rows.append({"unit": unit, **row, "without": row["total"] - row["with_account"]})
    return rows


def _letters_response(
    request: HttpRequest, agency: Agency, letters: list[services.IssuedLetter]
) -> HttpResponse:
    today = timezone.localdate()
    units = _units_of([letter.person for letter in letters], today)
    if request.POST.get("format") == "docx":
        content = letters_docx(
            agency,
            [
                (
                    letter,
                    _unit_name(units.get(letter.person.pk)),
                    set_password_url(request, letter.code),
                )
                for letter in letters
            ],
            public_url(request, "/"),
        )
        response = HttpResponse(content, content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="thu-dang-nhap-{agency.code}.docx"'
        response["Cache-Control"] = "no-store"
        return response
    printed = []
    for letter in letters:
        url = set_password_url(request, letter.code)
        printed.append(
            {
                "letter": letter,
                "unit": units.get(letter.person.pk),
                "url": url,
                "qr": qr_svg(url),
            }
        )
    response = render(
        request,
        "org/login_letters.html",
        {"agency": agency, "letters": printed, "login_url": public_url(request, "/")},
    )
    response["Cache-Control"] = "no-store"
    return response


def _unit_name(unit: Unit | None) -> str:
    return unit.name if unit is not None else ""


def _units_of(people: list[Person], on: Any) -> dict[int, Unit | None]:
    """Each person's leading unit on a date, in one query."""
    found = selectors.people_with_positions(
        Person.objects.filter(pk__in=[p.pk for p in people]), on
    )
    result: dict[int, Unit | None] = {}
    for person in found:
        positions = sorted(
            person.positions_on_date,  # type: ignore[attr-defined]
            key=lambda p: (not p.is_head, not p.is_leader),
        )
        result[person.pk] = positions[0].unit if positions else None
    return result


@require_http_methods(["GET", "POST"])
def accounts_page(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_account_agency_for_user(request, agency_code)
    today = timezone.localdate()
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "deactivate-leavers":
            count = services.deactivate_leavers(agency, today, actor=request.user)
            messages.success(request, f"Đã khóa tài khoản của {count} người đã thôi việc.")
            return redirect("org:accounts", agency.code)
        unit_code = request.POST.get("unit", "")
        unit = Unit.objects.filter(agency=agency, code=unit_code).first() if unit_code else None
        if unit_code and unit is None:
            messages.error(request, "Không tìm thấy đơn vị đã chọn.")
            return redirect("org:accounts", agency.code)
        people = services.unit_people(agency, unit, today)
        try:
            letters = services.create_accounts(
                agency, people, actor=request.user, reissue=request.POST.get("reissue") == "on"
            )
        except services.AccountError as exc:
            messages.error(request, str(exc))
            return redirect("org:accounts", agency.code)
        if not letters:
            messages.info(request, "Mọi người của đơn vị đã có tài khoản; không có thư nào để in.")
            return redirect("org:accounts", agency.code)
        return _letters_response(request, agency, letters)
    return render(
        request,
        "org/accounts.html",
        {
            "agency": agency,
            "rows": _unit_rows(agency),
            "leavers": services.leavers_with_active_accounts(agency, today),
            "is_admin": is_agency_admin(request.user, agency),
        },
    )


@require_POST
def person_account(request: HttpRequest, agency_code: str, staff_code: str) -> HttpResponse:
    agency = get_account_agency_for_user(request, agency_code)
    person = access.get_person_for_user(request, agency, staff_code)
    action = request.POST.get("action", "")
    try:
        if action == "deactivate":
            services.deactivate_account(person, actor=request.user)
            messages.success(request, f"Đã khóa tài khoản của {person.full_name}.")
        elif action == "reactivate":
            services.reactivate_account(person, actor=request.user)
            messages.success(request, f"Đã mở lại tài khoản của {person.full_name}.")
        elif action == "letter":
            if person.user is None:
                letters = services.create_accounts(agency, [person], actor=request.user)
            else:
                letters = services.issue_letters([person], actor=request.user)
            return _letters_response(request, agency, letters)
        else:
            messages.error(request, "Thao tác không hợp lệ.")
    except services.AccountError as exc:
        messages.error(request, str(exc))
    return redirect(person.get_absolute_url())


@public
@require_http_methods(["GET", "POST"])
def set_password(request: HttpRequest, code: str = "") -> HttpResponse:
    """Đặt mật khẩu: the page a login letter's QR code opens (public, by its one-time code)."""
    code = services.normalise_code(request.POST.get("code", code))[:20]
    letter = services.letter_for_code(code) if code else None
    errors: list[str] = []
    left = services.holder_has_left(letter) if letter is not None else None
    if left is not None and request.method == "GET":
        errors.append(left.message())
    if request.method == "POST":
        try:
            user = services.set_password_with_code(
                code,
                request.POST.get("password", "")[:200],
                request.POST.get("confirm", "")[:200],
            )
        except services.AccountError as exc:
            errors.append(str(exc))
        else:
            messages.success(
                request,
                f"Đã đặt mật khẩu. Mời đăng nhập với tên đăng nhập «{user.get_username()}».",
            )
            return redirect("login")
    response = render(
        request,
        "org/set_password.html",
        {
            "code": code,
            "letter": letter if left is None else None,
            "unknown": bool(code) and letter is None and request.method == "GET",
            "errors": errors,
        },
    )
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"  # the code in the address stays here
    return response


@require_http_methods(["GET", "POST"])
def roles_page(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_account_agency_for_user(request, agency_code)
    admin = is_agency_admin(request.user, agency)
    form = {"person": "", "role": "", "unit": ""}
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "revoke":
                assignment = RoleAssignment.objects.select_related("agency", "unit", "user").get(
                    agency=agency, pk=int(request.POST.get("assignment", "0") or 0)
                )
                services.revoke_role(assignment, actor=request.user, actor_is_admin=admin)
                messages.success(request, "Đã bỏ vai trò.")
                return redirect("org:roles", agency.code)
            form = {k: request.POST.get(k, "")[:60] for k in form}
            person = Person.objects.filter(agency=agency, staff_code=form["person"]).first()
            unit = Unit.objects.filter(agency=agency, code=form["unit"]).first()
            if person is None:
                raise services.AccountError("Chọn người được giao vai trò.")
            if form["unit"] and unit is None:
                raise services.AccountError("Không tìm thấy đơn vị đã chọn.")
            services.grant_role(
                agency, person, form["role"], unit=unit, actor=request.user, actor_is_admin=admin
            )
            messages.success(
                request, f"Đã giao vai trò {Role(form['role']).label} cho {person.full_name}."
            )
            return redirect("org:roles", agency.code)
        except (services.AccountError, RoleAssignment.DoesNotExist, ValueError) as exc:
            text = str(exc) if isinstance(exc, services.AccountError) else "Không tìm thấy."
            messages.error(request, text)
    assignments = (
        RoleAssignment.objects.filter(agency=agency)
        .exclude(role=Role.STAFF)
        .select_related("unit", "user", "user__person")
        .order_by("role", "user__person__sort_key")
    )
    people = Person.objects.filter(agency=agency, user__isnull=False, user__is_active=True)
    return render(
        request,
        "org/roles.html",
        {
            "agency": agency,
            "assignments": assignments,
            "people": people.order_by("sort_key").only("staff_code", "full_name"),
            "units": Unit.objects.filter(agency=agency).order_by("position", "name"),
            "roles": [(r.value, r.label) for r in Role if admin or r != Role.ADMIN],
            "form": form,
            "staff_without_account": Person.objects.filter(agency=agency, user__isnull=True)
            .filter(Q(left_on__isnull=True) | Q(left_on__gte=timezone.localdate()))
            .count(),
            "user_count": User.objects.filter(person__agency=agency, is_active=True).count(),
        },
    )
