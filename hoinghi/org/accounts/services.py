"""Accounts for imported staff, login letters, setting a password, deactivation, roles.

Each change runs in one transaction with an audit entry. Queries are constant in the
number of people: accounts, roles and letters are written with ``bulk_create``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.org.accounts import leaving
from hoinghi.org.accounts.models import LoginLetter
from hoinghi.org.models import Agency, Person, Position, Role, RoleAssignment, Unit
from hoinghi.refusals import Refusal
from hoinghi.vietnamese import fold

# Letters for a code: no 0/O, 1/I/L, so a code read off paper is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4
LETTER_VALID_DAYS = 14


class AccountError(Refusal):
    """A refused change, with a Vietnamese message for the user."""

    def __init__(self, message: str, code: str = "org.account_refused", *, field: str = "") -> None:
        super().__init__(code, message, field=field)


@dataclass(frozen=True)
class IssuedLetter:
    """One printed letter: the plain code exists only here, for the print page."""

    person: Person
    username: str
    code: str
    expires_at: object  # an aware datetime


def new_code() -> str:
    groups = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    ]
    return "-".join(groups)


def normalise_code(code: str) -> str:
    """What a person typed, as the code was printed: upper case, dashes every 4 letters."""
    bare = "".join(ch for ch in code.upper() if ch.isalnum())[: CODE_GROUPS * CODE_GROUP_LENGTH]
    return "-".join(bare[i : i + CODE_GROUP_LENGTH] for i in range(0, len(bare), CODE_GROUP_LENGTH))


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


def username_for(person: Person, taken: set[str]) -> str:
    """The staff code, lower case and without accents; the agency's code is added on a clash."""
    base = slugify(fold(person.staff_code))[:100] or f"cb-{person.pk}"
    candidate = base
    if candidate in taken:
        candidate = f"{base}-{person.agency.code}"[:150]
    suffix = 2
    while candidate in taken:
        candidate = f"{base}-{person.agency.code}-{suffix}"[:150]
        suffix += 1
    taken.add(candidate)
    return candidate


def people_without_account(people: Iterable[Person]) -> list[Person]:
    return [p for p in people if p.user_id is None]


def create_accounts(
    agency: Agency, people: list[Person], *, actor: Actor = None, reissue: bool = False
) -> list[IssuedLetter]:
    """Accounts (role Cán bộ) for those of ``people`` without one, and a login letter each.

    With ``reissue``, people who have an account but never signed in get a new letter too
    (their earlier letters stop working). Everyone must be on the agency's staff today.
    """
    today = timezone.localdate()
    for person in people:
        if person.agency_id != agency.pk:
            raise AccountError(f"{person.full_name} không thuộc {agency.name}.")
        if person.left_on is not None and person.left_on < today:
            raise AccountError(f"{person.full_name} đã thôi việc: không tạo tài khoản.")
    with transaction.atomic():
        fresh = people_without_account(people)
        taken = set(
            User.objects.filter(
                username__in=[slugify(fold(p.staff_code)) for p in fresh]
                + [f"{slugify(fold(p.staff_code))}-{agency.code}" for p in fresh]
            ).values_list("username", flat=True)
        )
        users = [User(username=username_for(p, taken), is_active=True) for p in fresh]
        for user, person in zip(users, fresh, strict=True):
            user.set_unusable_password()
            user.first_name = person.full_name[:150]
        User.objects.bulk_create(users)
        created = {
            u.username: u for u in User.objects.filter(username__in=[u.username for u in users])
        }
        for user, person in zip(users, fresh, strict=True):
            person.user = created[user.username]
        Person.objects.bulk_update(fresh, ["user"])
        RoleAssignment.objects.bulk_create(
            [RoleAssignment(user=p.user, role=Role.STAFF, agency=agency) for p in fresh],
            ignore_conflicts=True,
        )
        letter_for = list(fresh)
        if reissue:
            fresh_ids = {p.pk for p in fresh}
            letter_for += [
                p
                for p in people
                if p.pk not in fresh_ids and p.user is not None and p.user.last_login is None
            ]
        letters = issue_letters(letter_for, actor=actor)
        record(
            "org.create_accounts",
            actor=actor,
            agency_code=agency.code,
            data={
                "accounts": [p.staff_code for p in fresh],
                "letters": [p.staff_code for p in letter_for],
            },
        )
    return letters


def issue_letters(people: list[Person], *, actor: Actor = None) -> list[IssuedLetter]:
    """A new letter for each person; their earlier unused letters stop working."""
    now = timezone.now()
    expires_at = now + timedelta(days=LETTER_VALID_DAYS)
    LoginLetter.objects.filter(
        person__in=[p.pk for p in people], used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    issued: list[IssuedLetter] = []
    rows: list[LoginLetter] = []
    creator = actor if isinstance(actor, User) else None
    for person in people:
        assert person.user is not None
        code = new_code()
        rows.append(
            LoginLetter(
                person=person,
                user=person.user,
                code_hash=code_hash(code),
                created_by=creator,
                expires_at=expires_at,
            )
        )
        issued.append(IssuedLetter(person, person.user.get_username(), code, expires_at))
    LoginLetter.objects.bulk_create(rows)
    return issued


def letter_for_code(code: str) -> LoginLetter | None:
    """The usable letter of a code, or None (unknown, used, revoked or expired)."""
    if len(normalise_code(code)) != CODE_GROUPS * CODE_GROUP_LENGTH + CODE_GROUPS - 1:
        return None
    return (
        LoginLetter.objects.select_related("user", "person", "person__agency")
        .filter(
            code_hash=code_hash(code),
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )


def holder_has_left(letter: LoginLetter) -> leaving.AccountEnd | None:
    """The end of the letter holder's account when the holder has left, else None."""
    end = leaving.account_end_of_person(letter.person, timezone.localdate())
    return end if end.has_left else None


# Django's password checks, said in Vietnamese (its own Vietnamese catalogue lacks them).
PASSWORD_PROBLEMS = {
    "password_too_short": "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.",
    "password_too_common": "Mật khẩu quá phổ biến, dễ bị đoán: chọn mật khẩu khác.",
    "password_too_similar": "Mật khẩu quá giống tên đăng nhập hoặc họ tên.",
    "password_entirely_numeric": "Mật khẩu không được chỉ gồm chữ số.",
}


def password_problems(password: str, user: User) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return [
            PASSWORD_PROBLEMS.get(error.code or "", "Mật khẩu chưa đạt yêu cầu.")
            for error in exc.error_list
        ]
    return []


def set_password_with_code(code: str, password: str, confirm: str) -> User:
    """The letter's holder chooses a password; the code is spent. Refusals in Vietnamese.

    A holder who has left the agency (:mod:`hoinghi.org.accounts.leaving`) is refused."""
    letter = letter_for_code(code)
    if letter is None:
        raise AccountError(
            "Mã không đúng, đã dùng hoặc đã hết hạn. Xin văn thư cấp thư đăng nhập mới."
        )
    end = holder_has_left(letter)
    if end is not None:
        leaving.record_refusal(end, at="letter", actor=letter.user)
        raise AccountError(end.message(), "org.account_left")
    with transaction.atomic():
        locked = LoginLetter.objects.select_for_update().get(pk=letter.pk)
        if locked.used_at is not None:
            raise AccountError("Mã này đã được dùng.")
        if password != confirm:
            raise AccountError("Hai lần nhập mật khẩu không giống nhau.")
        user = letter.user
        problems = password_problems(password, user)
        if problems:
            raise AccountError(" ".join(problems))
        user.set_password(password)
        user.save(update_fields=["password"])
        locked.used_at = timezone.now()
        locked.save(update_fields=["used_at"])
        record(
            "org.set_password_with_letter",
            actor=user,
            target=letter.person,
            agency_code=letter.person.agency.code,
        )
    return user


def deactivate_account(person: Person, *, actor: Actor = None) -> None:
    """Khóa tài khoản: the person can no longer sign in; unused letters stop working."""
    if person.user is None:
        raise AccountError(f"{person.full_name} chưa có tài khoản.")
    if isinstance(actor, User) and actor.pk == person.user_id:
        raise AccountError("Không tự khóa tài khoản của mình.")
    with transaction.atomic():
        User.objects.filter(person=person).update(is_active=False)
        LoginLetter.objects.filter(person=person, used_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        record("org.deactivate_account", actor=actor, target=person, agency_code=person.agency.code)


def reactivate_account(person: Person, *, actor: Actor = None) -> None:
    if person.user is None:
        raise AccountError(f"{person.full_name} chưa có tài khoản.")
    with transaction.atomic():
        User.objects.filter(person=person).update(is_active=True)
        record("org.reactivate_account", actor=actor, target=person, agency_code=person.agency.code)


def leavers_with_active_accounts(agency: Agency, on: date) -> list[Person]:
    """People who left (thôi việc) before ``on``, or whose last position ended, yet can sign in."""
    positions = Position.objects.filter(person=OuterRef("pk"))
    current = positions.filter(valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )
    return list(
        Person.objects.filter(agency=agency, user__is_active=True)
        .filter(Q(left_on__lt=on) | (Exists(positions) & ~Exists(current)))
        .select_related("user")
        .order_by("sort_key")
    )


def deactivate_leavers(agency: Agency, on: date, *, actor: Actor = None) -> int:
    leavers = leavers_with_active_accounts(agency, on)
    with transaction.atomic():
        User.objects.filter(pk__in=[p.user_id for p in leavers]).update(is_active=False)
        LoginLetter.objects.filter(person__in=leavers, used_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        record(
            "org.deactivate_leavers",
            actor=actor,
            agency_code=agency.code,
            data={"people": [p.staff_code for p in leavers]},
        )
    return len(leavers)


# Roles only an administrator may give or take.
ADMIN_ONLY_ROLES = frozenset({Role.ADMIN})


def grant_role(
    agency: Agency,
    person: Person,
    role: str,
    *,
    unit: Unit | None = None,
    actor: Actor = None,
    actor_is_admin: bool = False,
) -> RoleAssignment:
    if role not in Role.values:
        raise AccountError("Vai trò không hợp lệ.")
    if role in ADMIN_ONLY_ROLES and not actor_is_admin:
        raise AccountError("Chỉ quản trị viên được giao vai trò Quản trị.")
    if person.agency_id != agency.pk or (unit is not None and unit.agency_id != agency.pk):
        raise AccountError("Người hoặc đơn vị không thuộc cơ quan này.")
    if person.user is None:
        raise AccountError(f"{person.full_name} chưa có tài khoản: tạo tài khoản trước.")
    if role == Role.UNIT_HEAD and unit is None:
        raise AccountError("Vai trò Trưởng đơn vị cần chọn đơn vị.")
    with transaction.atomic():
        assignment, created = RoleAssignment.objects.get_or_create(
            user=person.user, role=role, agency=agency, unit=unit
        )
        if not created:
            raise AccountError(
                f"{person.full_name} đã có vai trò {Role(role).label} ở phạm vi này."
            )
        record(
            "org.grant_role",
            actor=actor,
            target=person,
            agency_code=agency.code,
            data={"role": role, "unit": unit.code if unit else ""},
        )
    return assignment


def revoke_role(
    assignment: RoleAssignment, *, actor: Actor = None, actor_is_admin: bool = False
) -> None:
    if assignment.role in ADMIN_ONLY_ROLES and not actor_is_admin:
        raise AccountError("Chỉ quản trị viên được bỏ vai trò Quản trị.")
    if assignment.role == Role.ADMIN:
        admins = RoleAssignment.objects.filter(
            agency=assignment.agency, role=Role.ADMIN, user__is_active=True
        ).exclude(pk=assignment.pk)
        if not admins.exists():
            raise AccountError("Không bỏ được: cơ quan phải còn ít nhất một quản trị viên.")
    with transaction.atomic():
        record(
            "org.revoke_role",
            actor=actor,
            agency_code=assignment.agency.code,
            data={
                "user": assignment.user.get_username(),
                "role": assignment.role,
                "unit": assignment.unit.code if assignment.unit else "",
            },
        )
        assignment.delete()


def unit_people(agency: Agency, unit: Unit | None, on: date) -> list[Person]:
    """People on the staff on ``on`` holding a position in ``unit`` (all units if None)."""
    people = Person.objects.filter(agency=agency).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=on)
    )
    if unit is not None:
        people = people.filter(positions__unit=unit, positions__valid_from__lte=on).filter(
            Q(positions__valid_to__isnull=True) | Q(positions__valid_to__gte=on)
        )
    return list(people.select_related("user", "agency").distinct().order_by("sort_key"))
