"""The vote engine's records: polls, their frozen electorate, participations, ballots.

Secrecy by construction: for a secret poll a :class:`Participation` (who voted) and a
:class:`Ballot` (what was voted) share no column, no timestamp and no serial order. Both
carry random primary keys, and closing the poll rewrites both tables in a random order, so
neither row order nor PostgreSQL's ``xmin`` joins them afterwards.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from hoinghi.org.models import Agency, Person
from hoinghi.voting.vocabulary import Method, MotionChoice, PollKind, Secrecy


def _choices(enum_cls: type, labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(member.value, labels[member.value]) for member in enum_cls]  # type: ignore[attr-defined]


KIND_LABELS = {"motion": "Biểu quyết", "election": "Bầu cử"}
SECRECY_LABELS = {"named": "Công khai (ghi tên)", "secret": "Bỏ phiếu kín"}
METHOD_LABELS = {
    "electronic": "Bỏ phiếu điện tử",
    "show_of_hands": "Giơ tay",
    "paper": "Phiếu giấy",
}
CHOICE_LABELS = {"for": "Tán thành", "against": "Không tán thành", "abstain": "Không biểu quyết"}


class PollState(models.TextChoices):
    DRAFT = "draft", "Chưa mở"
    OPEN = "open", "Đang biểu quyết"
    CLOSED = "closed", "Đã kết thúc"


class Poll(models.Model):
    """Một lần biểu quyết hoặc bầu cử."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="polls"
    )
    subject_kind = models.CharField(
        "loại nội dung",
        max_length=60,
        blank=True,
        help_text="Ví dụ conference.motion, emulation.council",
    )
    subject_id = models.CharField("mã nội dung", max_length=64, blank=True)
    title = models.CharField("tiêu đề", max_length=255)
    question = models.TextField("nội dung biểu quyết", blank=True)
    kind = models.CharField("loại", max_length=12, choices=_choices(PollKind, KIND_LABELS))
    secrecy = models.CharField("hình thức", max_length=8, choices=_choices(Secrecy, SECRECY_LABELS))
    method = models.CharField(
        "cách biểu quyết", max_length=16, choices=_choices(Method, METHOD_LABELS)
    )
    seats = models.PositiveSmallIntegerField("số lượng cần bầu", default=1)
    rule = models.CharField("quy định áp dụng (mã)", max_length=60)
    options = models.JSONField("tùy chọn theo quy chế", default=dict, blank=True)
    legal_date = models.DateField("ngày áp dụng pháp luật")
    state = models.CharField(
        "trạng thái", max_length=8, choices=PollState.choices, default=PollState.DRAFT
    )
    publish_names = models.BooleanField(
        "công bố tên người biểu quyết (biểu quyết công khai)", default=False
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="người điều hành",
        related_name="managed_polls",
        blank=True,
    )
    # Frozen at opening (the electorate and the attendance it rests on).
    electorate_size = models.PositiveIntegerField("số người có quyền biểu quyết", default=0)
    present = models.PositiveIntegerField("số người có mặt", default=0)
    convened = models.PositiveIntegerField("số người được triệu tập", default=0)
    electorate_digest = models.CharField("mã băm danh sách", max_length=64, blank=True)
    # Counters bumped in the vote transaction; ``revision`` counts state changes.
    ballots_cast = models.PositiveIntegerField("số phiếu đã bỏ", default=0)
    ballots_issued = models.PositiveIntegerField(
        "số phiếu phát ra (phiếu giấy)", null=True, blank=True
    )
    revision = models.PositiveIntegerField("phiên bản", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        verbose_name = "cuộc biểu quyết"
        verbose_name_plural = "các cuộc biểu quyết"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["subject_kind", "subject_id"])]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="voting_poll_seats_positive"),
            models.CheckConstraint(
                condition=Q(present__lte=models.F("convened")) | Q(convened=0),
                name="voting_poll_present_le_convened",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_secret(self) -> bool:
        return self.secrecy == Secrecy.SECRET

    @property
    def is_election(self) -> bool:
        return self.kind == PollKind.ELECTION

    @property
    def live_version(self) -> str:
        return f"{self.revision}.{self.ballots_cast}"


class Candidate(models.Model):
    """Ứng cử viên (bầu cử) in ballot order."""

    poll = models.ForeignKey(
        Poll, verbose_name="cuộc bầu cử", on_delete=models.CASCADE, related_name="candidates"
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cán bộ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField("họ và tên", max_length=120)
    note = models.CharField("chức vụ, đơn vị", max_length=255, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự")

    class Meta:
        verbose_name = "ứng cử viên"
        verbose_name_plural = "ứng cử viên"
        ordering = ["poll", "position"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "position"], name="voting_candidate_position"),
        ]

    def __str__(self) -> str:
        return self.name


class Elector(models.Model):
    """Người có quyền biểu quyết: the electorate frozen when the poll opens."""

    poll = models.ForeignKey(
        Poll, verbose_name="cuộc biểu quyết", on_delete=models.CASCADE, related_name="electors"
    )
    person = models.ForeignKey(
        Person, verbose_name="cán bộ", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "người có quyền biểu quyết"
        verbose_name_plural = "danh sách người có quyền biểu quyết"
        constraints = [
            models.UniqueConstraint(fields=["poll", "person"], name="voting_elector_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.poll}"


class Participation(models.Model):
    """Who has voted (đã bỏ phiếu): one per voter and poll, never linked to the ballot."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(
        Poll,
        verbose_name="cuộc biểu quyết",
        on_delete=models.CASCADE,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person, verbose_name="cán bộ", on_delete=models.PROTECT, related_name="+"
    )
    # A one-way digest of the client's idempotency key: a retry with the same key finds
    # this row and gets the same receipt back; the key itself is never stored.
    key_digest = models.CharField("mã kiểm tra gửi lại", max_length=64)

    class Meta:
        verbose_name = "lượt tham gia"
        verbose_name_plural = "lượt tham gia"
        constraints = [
            models.UniqueConstraint(fields=["poll", "person"], name="voting_participation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.poll}"


class Ballot(models.Model):
    """What was voted. No time, no serial: a random key; a voter only for named polls."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(
        Poll, verbose_name="cuộc biểu quyết", on_delete=models.CASCADE, related_name="ballots"
    )
    receipt = models.CharField("mã biên nhận", max_length=10)
    choice = models.CharField(
        "lựa chọn", max_length=8, blank=True, choices=_choices(MotionChoice, CHOICE_LABELS)
    )
    kept = models.JSONField("ứng cử viên được giữ lại", default=list, blank=True)
    valid = models.BooleanField("hợp lệ", default=True)
    voter = models.ForeignKey(
        Person,
        verbose_name="người biểu quyết (công khai)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "phiếu"
        verbose_name_plural = "phiếu"
        constraints = [
            models.UniqueConstraint(fields=["poll", "receipt"], name="voting_ballot_receipt"),
        ]

    def __str__(self) -> str:
        return self.receipt


class HandCount(models.Model):
    """Kết quả giơ tay: the secretary's counts for a show-of-hands poll."""

    poll = models.OneToOneField(
        Poll, verbose_name="cuộc biểu quyết", on_delete=models.CASCADE, related_name="hand_count"
    )
    votes_for = models.PositiveIntegerField("tán thành")
    votes_against = models.PositiveIntegerField("không tán thành")
    abstentions = models.PositiveIntegerField("không biểu quyết")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "kết quả giơ tay"
        verbose_name_plural = "kết quả giơ tay"

    def __str__(self) -> str:
        return f"{self.votes_for}/{self.votes_against}/{self.abstentions}"


class PaperEntry(models.Model):
    """One paper ballot as one counter typed it: every sheet is entered twice (lượt 1, 2)."""

    poll = models.ForeignKey(
        Poll, verbose_name="cuộc biểu quyết", on_delete=models.CASCADE, related_name="paper_entries"
    )
    round = models.PositiveSmallIntegerField("lượt nhập", choices=[(1, "Lượt 1"), (2, "Lượt 2")])
    sheet = models.PositiveIntegerField("số thứ tự phiếu")
    choice = models.CharField(
        "lựa chọn", max_length=8, blank=True, choices=_choices(MotionChoice, CHOICE_LABELS)
    )
    kept = models.JSONField("ứng cử viên được giữ lại", default=list, blank=True)
    spoiled = models.BooleanField("phiếu không hợp lệ (sai mẫu, ghi thêm)", default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "phiếu giấy đã nhập"
        verbose_name_plural = "phiếu giấy đã nhập"
        ordering = ["poll", "sheet", "round"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "round", "sheet"], name="voting_paper_once"),
            models.CheckConstraint(condition=Q(sheet__gte=1), name="voting_paper_sheet_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.poll} — phiếu {self.sheet} (lượt {self.round})"


class PollResult(models.Model):
    """The decision of a closed poll: counts, verdict, rule, citations, input snapshot."""

    poll = models.OneToOneField(
        Poll, verbose_name="cuộc biểu quyết", on_delete=models.CASCADE, related_name="result"
    )
    outcome = models.CharField("kết quả", max_length=20)
    counts = models.JSONField("số liệu kiểm phiếu")
    rule = models.CharField("quy định (mã)", max_length=60)
    rule_version = models.CharField("phiên bản quy định", max_length=20)
    citations = models.JSONField("căn cứ pháp lý", default=list)
    reasons = models.JSONField("lý do", default=list)
    snapshot = models.JSONField("dữ liệu đầu vào")
    digest = models.CharField("mã băm kết quả", max_length=64)
    export_digest = models.CharField(
        "mã băm bản xuất kiểm phiếu (SHA-256)", max_length=64, blank=True
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người kết thúc",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    closed_at = models.DateTimeField("kết thúc lúc", auto_now_add=True)

    class Meta:
        verbose_name = "kết quả biểu quyết"
        verbose_name_plural = "kết quả biểu quyết"

    def __str__(self) -> str:
        return f"{self.poll}: {self.outcome}"


class LiveState(models.Model):
    """A versioned piece of live state (check-in count, current agenda item), see live.py."""

    key = models.CharField("khóa", max_length=120, unique=True)
    version = models.PositiveBigIntegerField("phiên bản", default=0)

    class Meta:
        verbose_name = "trạng thái trực tiếp"
        verbose_name_plural = "trạng thái trực tiếp"

    def __str__(self) -> str:
        return f"{self.key}@{self.version}"
