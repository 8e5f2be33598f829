"""The Hội nghị cán bộ, công chức, viên chức, người lao động: preparation, the day, closing."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from hoinghi.law.conference.agenda import AgendaItem as LawAgendaItem
from hoinghi.org.models import Agency, Person, Unit, WorkYear


class ConferenceKind(models.TextChoices):
    REGULAR = "regular", "Thường niên"
    EXTRAORDINARY = "extraordinary", "Bất thường"


class ConferenceForm(models.TextChoices):
    PLENARY = "plenary", "Hội nghị toàn thể"
    DELEGATES = "delegates", "Hội nghị đại biểu"


class ConferenceState(models.TextChoices):
    PREPARING = "preparing", "Đang chuẩn bị"
    IN_SESSION = "in_session", "Đang họp"
    CLOSED = "closed", "Đã bế mạc"
    REOPENED = "reopened", "Mở lại để chỉnh sửa"


class Conference(models.Model):
    """Hội nghị cán bộ, công chức, viên chức, người lao động of one agency.

    The conference named "năm 2024" (``year``) is held early in 2024 and reviews the work year
    2023 (``reviewed_year``).
    """

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="conferences"
    )
    year = models.PositiveIntegerField("Hội nghị năm")
    kind = models.CharField(
        "loại", max_length=15, choices=ConferenceKind.choices, default=ConferenceKind.REGULAR
    )
    reviewed_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác được tổng kết",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    held_on = models.DateField("ngày tổ chức")
    place = models.CharField("địa điểm", max_length=255, blank=True)
    form = models.CharField(
        "hình thức", max_length=12, choices=ConferenceForm.choices, default=ConferenceForm.PLENARY
    )
    dispersed = models.BooleanField("làm việc phân tán", default=False)
    delegate_count = models.PositiveIntegerField(
        "số đại biểu được triệu tập", null=True, blank=True
    )
    state = models.CharField(
        "trạng thái",
        max_length=12,
        choices=ConferenceState.choices,
        default=ConferenceState.PREPARING,
    )
    presidium = models.ManyToManyField(
        Person, verbose_name="Đoàn Chủ tịch", blank=True, related_name="presided_conferences"
    )
    secretaries = models.ManyToManyField(
        Person, verbose_name="thư ký", blank=True, related_name="conferences_as_secretary"
    )
    current_item = models.ForeignKey(
        "AgendaItem",
        verbose_name="nội dung đang thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Decisions are records: the form (C3) and, for an extraordinary conference, its trigger (C6).
    form_decision = models.JSONField("căn cứ hình thức", default=dict, blank=True)
    trigger_decision = models.JSONField("căn cứ Hội nghị bất thường", default=dict, blank=True)
    window_decision = models.JSONField("căn cứ thời hạn tổ chức", default=dict, blank=True)
    opened_at = models.DateTimeField("khai mạc lúc", null=True, blank=True)
    closed_at = models.DateTimeField("bế mạc lúc", null=True, blank=True)
    # The hours the papers print (giấy mời, biên bản), in Vietnam time.
    starts_at = models.TimeField("giờ khai mạc dự kiến", null=True, blank=True)
    minutes_opened_at = models.TimeField("giờ khai mạc (thư ký ghi)", null=True, blank=True)
    minutes_closed_at = models.TimeField("giờ bế mạc (thư ký ghi)", null=True, blank=True)
    presidium_head = models.ForeignKey(
        Person,
        verbose_name="chủ trì Đoàn Chủ tịch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Người ký «TM. Đoàn Chủ tịch»; là một thành viên Đoàn Chủ tịch.",
    )
    # What the secretary records of the awards and the closing speech, for the news report.
    awards_presented_by = models.ForeignKey(
        Person,
        verbose_name="người trao khen thưởng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống: Chủ tịch Công đoàn cơ quan.",
    )
    closing_speaker = models.ForeignKey(
        Person,
        verbose_name="người phát biểu kết luận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closing_points = models.TextField(
        "ý chính phát biểu kết luận", blank=True, help_text="Mỗi ý một dòng."
    )
    closing_quote = models.CharField("câu trích phát biểu kết luận", max_length=500, blank=True)
    # Bumped on every change the screens show (attendance, current item, polls).
    live_version = models.PositiveIntegerField(default=1, editable=False)
    # The hall's screens: the projector's link token (read-only screen, no personal login) and
    # the secret the rotating hall code for self check-in is derived from. Both rotatable.
    projector_token = models.CharField(
        "mã liên kết màn hình trình chiếu", max_length=64, blank=True, db_index=True, editable=False
    )
    hall_secret = models.CharField(
        "khóa mã điểm danh tại hội trường", max_length=64, blank=True, editable=False
    )

    class Meta:
        verbose_name = "Hội nghị cán bộ, công chức, viên chức, người lao động"
        verbose_name_plural = "Hội nghị cán bộ, công chức, viên chức, người lao động"
        ordering = ["agency", "-held_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                condition=Q(kind="regular"),
                name="conference_one_regular_per_year",
            ),
        ]

    def __str__(self) -> str:
        return f"Hội nghị năm {self.year} — {self.agency}"

    def get_absolute_url(self) -> str:
        return reverse("conference:detail", args=[self.agency.code, self.pk])

    @property
    def is_running(self) -> bool:
        return self.state in (ConferenceState.IN_SESSION, ConferenceState.REOPENED)

    @property
    def is_closed(self) -> bool:
        return self.state == ConferenceState.CLOSED


class DelegateQuota(models.Model):
    """Số đại biểu phân bổ cho một đơn vị (Hội nghị đại biểu): the agency's choice."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="quotas")
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT)
    seats = models.PositiveIntegerField("số đại biểu")

    class Meta:
        verbose_name = "phân bổ đại biểu"
        verbose_name_plural = "phân bổ đại biểu"
        constraints = [
            models.UniqueConstraint(fields=["conference", "unit"], name="delegate_quota_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.seats}"


class ParticipantRole(models.TextChoices):
    STAFF = "staff", "Cán bộ, công chức, viên chức, người lao động"
    DELEGATE = "delegate", "Đại biểu được bầu"
    EX_OFFICIO = "ex_officio", "Đại biểu đương nhiên"
    GUEST = "guest", "Khách mời"


class CheckinMethod(models.TextChoices):
    QR = "qr", "Quét mã QR"
    CODE = "code", "Nhập mã"
    DESK = "desk", "Thư ký điểm danh"


class Participant(models.Model):
    """Người dự Hội nghị, with a personal code printed on the invitation (giấy mời)."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        Person,
        verbose_name="người dự",
        on_delete=models.PROTECT,
        related_name="conference_participations",
    )
    role = models.CharField(
        "tư cách", max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.STAFF
    )
    code = models.CharField("mã mời", max_length=12, unique=True)
    checked_in_at = models.DateTimeField("điểm danh lúc", null=True, blank=True)
    checkin_method = models.CharField(
        "cách điểm danh", max_length=5, choices=CheckinMethod.choices, blank=True
    )
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "người dự Hội nghị"
        verbose_name_plural = "người dự Hội nghị"
        ordering = ["conference", "person__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "person"], name="participant_once_per_conference"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)

    @property
    def present(self) -> bool:
        return self.checked_in_at is not None

    @property
    def votes(self) -> bool:
        """Guests attend; they are not convened and do not vote."""
        return self.role != ParticipantRole.GUEST


class QuorumCheck(models.Model):
    """Kết quả kiểm tra số người dự (rule conference.quorum), kept with its citations."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="quorum_checks"
    )
    checked_at = models.DateTimeField("thời điểm")
    convened = models.PositiveIntegerField("số người được triệu tập")
    present = models.PositiveIntegerField("số người có mặt")
    required = models.PositiveIntegerField("số người tối thiểu")
    met = models.BooleanField("đủ số người")
    rule_code = models.CharField(max_length=80)
    rule_version = models.CharField(max_length=20)
    citations = models.JSONField(default=list)
    explanation = models.TextField("giải thích")
    snapshot = models.JSONField(default=dict)

    class Meta:
        verbose_name = "kiểm tra số người dự"
        verbose_name_plural = "kiểm tra số người dự"
        ordering = ["conference", "-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.present}/{self.convened}"


class AgendaKind(models.TextChoices):
    """The order of business of Art 51.4 L10 (docs/domain/conference.md §1.7), from the law's vocabulary."""

    OPENING = "opening", "Khai mạc, giới thiệu Đoàn Chủ tịch, thư ký"
    HEAD_REPORT = LawAgendaItem.HEAD_REPORT.value, "Báo cáo kết quả thực hiện nhiệm vụ năm"
    UNION_REPORT = (
        LawAgendaItem.UNION_REPORT.value,
        "Báo cáo kiểm điểm nghị quyết, thực hiện dân chủ",
    )
    DISCUSSION = LawAgendaItem.DISCUSSION.value, "Thảo luận, góp ý, kiến nghị"
    ANSWERS = LawAgendaItem.ANSWERS.value, "Tiếp thu, giải trình ý kiến, kiến nghị"
    INSPECTION_BOARD_REPORT = (
        LawAgendaItem.INSPECTION_BOARD_REPORT.value,
        "Báo cáo của Ban thanh tra nhân dân",
    )
    STAFF_DECISIONS = (
        LawAgendaItem.STAFF_DECISIONS.value,
        "Quyết định nội dung thuộc thẩm quyền, bầu Ban thanh tra nhân dân",
    )
    AWARDS_AND_LAUNCH = LawAgendaItem.AWARDS_AND_LAUNCH.value, "Khen thưởng, phát động thi đua"
    PLEDGE = LawAgendaItem.PLEDGE.value, "Ký kết giao ước thi đua"
    RESOLUTION = LawAgendaItem.RESOLUTION.value, "Thông qua nghị quyết Hội nghị"
    OTHER = LawAgendaItem.OTHER.value, "Nội dung khác"


class ItemState(models.TextChoices):
    PENDING = "pending", "Chưa thực hiện"
    CURRENT = "current", "Đang thực hiện"
    DONE = "done", "Đã xong"


class AgendaItem(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveIntegerField("thứ tự")
    kind = models.CharField(
        "nội dung theo luật", max_length=25, choices=AgendaKind.choices, default=AgendaKind.OTHER
    )
    title = models.CharField("tiêu đề", max_length=255)
    speaker = models.ForeignKey(
        Person,
        verbose_name="người trình bày",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        "trạng thái", max_length=8, choices=ItemState.choices, default=ItemState.PENDING
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "nội dung chương trình"
        verbose_name_plural = "chương trình Hội nghị"
        ordering = ["conference", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class SpeakerRequest(models.Model):
    """Đăng ký phát biểu on an agenda item."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="speakers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    requested_at = models.DateTimeField()
    spoken_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "đăng ký phát biểu"
        verbose_name_plural = "đăng ký phát biểu"
        ordering = ["item", "requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "participant"], name="speaker_once_per_item")
        ]

    def __str__(self) -> str:
        return str(self.participant)


class DraftKind(models.TextChoices):
    ACTIVITY_REPORT = "activity_report", "Báo cáo kết quả hoạt động và phương hướng nhiệm vụ"
    RESOLUTION_REVIEW = "resolution_review", "Báo cáo kiểm điểm thực hiện nghị quyết Hội nghị"
    UNION_REPORT = "union_report", "Báo cáo công tác công đoàn và phong trào thi đua"
    INSPECTION_REPORT = "inspection_report", "Báo cáo của Ban thanh tra nhân dân"
    FINANCIAL_DISCLOSURE = "financial_disclosure", "Báo cáo tài chính, công khai tài chính"
    DRAFT_RESOLUTION = "draft_resolution", "Dự thảo nghị quyết Hội nghị"
    INTERNAL_REGULATION = "internal_regulation", "Dự thảo nội quy, quy chế"
    OTHER = "other", "Tài liệu khác"


class Draft(models.Model):
    """A document put before the conference, published to staff for comment before the day."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="drafts")
    kind = models.CharField("loại", max_length=25, choices=DraftKind.choices)
    title = models.CharField("tiêu đề", max_length=255)
    text = models.TextField("nội dung", blank=True)
    file = models.FileField("tệp đính kèm", upload_to="hoi-nghi/du-thao/", blank=True)
    presented_by = models.ForeignKey(
        Person,
        verbose_name="người trình bày",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField("công bố lúc", null=True, blank=True)
    comments_until = models.DateField("nhận góp ý đến", null=True, blank=True)

    class Meta:
        verbose_name = "dự thảo, báo cáo"
        verbose_name_plural = "dự thảo, báo cáo"
        ordering = ["conference", "pk"]

    def __str__(self) -> str:
        return self.title


class AnswerKind(models.TextChoices):
    ACCEPTED = "tiep_thu", "Tiếp thu"
    EXPLAINED = "giai_trinh", "Giải trình"


class Comment(models.Model):
    """Ý kiến góp ý of a staff member on a draft or on the agenda, and its answer."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="comments")
    draft = models.ForeignKey(
        Draft,
        verbose_name="dự thảo",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        Person, verbose_name="người góp ý", on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField("nội dung góp ý")
    created_at = models.DateTimeField("thời điểm")
    topic = models.CharField("nhóm vấn đề", max_length=120, blank=True)
    answer_kind = models.CharField(
        "hình thức trả lời", max_length=10, choices=AnswerKind.choices, blank=True
    )
    answer = models.TextField("trả lời", blank=True)
    answered_by = models.ForeignKey(
        Person,
        verbose_name="người trả lời",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "ý kiến góp ý"
        verbose_name_plural = "ý kiến góp ý"
        ordering = ["conference", "topic", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_kind="") | ~Q(answer=""), name="comment_answer_has_text"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class MotionKind(models.TextChoices):
    RESOLUTION = "resolution", "Nghị quyết Hội nghị"
    REGULATION = "regulation", "Nội quy, quy chế"
    DECISION = "decision", "Nội dung thuộc thẩm quyền quyết định"


class VoteMethod(models.TextChoices):
    SHOW_OF_HANDS = "show_of_hands", "Biểu quyết giơ tay"
    SECRET_BALLOT = "secret_ballot", "Bỏ phiếu kín"
    ELECTRONIC = "electronic", "Biểu quyết điện tử"


class Motion(models.Model):
    """A matter the conference votes on: the resolution, an internal regulation, a decision."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="motions")
    kind = models.CharField("loại", max_length=12, choices=MotionKind.choices)
    title = models.CharField("nội dung biểu quyết", max_length=255)
    text = models.TextField("toàn văn", blank=True)
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.SET_NULL, related_name="motions"
    )
    method = models.CharField(
        "hình thức", max_length=15, choices=VoteMethod.choices, default=VoteMethod.SHOW_OF_HANDS
    )
    poll = models.ForeignKey(
        "voting.Poll",
        verbose_name="phiên biểu quyết điện tử",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    present = models.PositiveIntegerField("số người dự", null=True, blank=True)
    votes_for = models.PositiveIntegerField("tán thành", null=True, blank=True)
    votes_against = models.PositiveIntegerField("không tán thành", null=True, blank=True)
    votes_abstain = models.PositiveIntegerField("không biểu quyết", null=True, blank=True)
    adopted = models.BooleanField("được thông qua", null=True, blank=True)
    rule_code = models.CharField(max_length=80, blank=True)
    rule_version = models.CharField(max_length=20, blank=True)
    citations = models.JSONField(default=list, blank=True)
    explanation = models.TextField(blank=True)
    snapshot = models.JSONField(default=dict, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "nội dung biểu quyết"
        verbose_name_plural = "nội dung biểu quyết"
        ordering = ["conference", "pk"]

    def __str__(self) -> str:
        return self.title


class Election(models.Model):
    """Bầu Ban thanh tra nhân dân."""

    conference = models.OneToOneField(Conference, on_delete=models.CASCADE, related_name="election")
    seats = models.PositiveIntegerField("số thành viên")
    special_or_dispersed = models.BooleanField("đơn vị đặc thù, phân tán", default=False)
    method = models.CharField(
        "hình thức", max_length=15, choices=VoteMethod.choices, default=VoteMethod.SECRET_BALLOT
    )
    poll = models.ForeignKey(
        "voting.Poll",
        verbose_name="phiên bầu cử (vòng hiện tại)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    round = models.PositiveIntegerField("vòng bầu", default=1)
    deputies = models.PositiveIntegerField("số Phó Trưởng ban dự kiến", default=0)
    present = models.PositiveIntegerField("số người dự", null=True, blank=True)
    ballots_valid = models.PositiveIntegerField("số phiếu hợp lệ", null=True, blank=True)
    outcome = models.CharField("kết quả", max_length=20, blank=True)
    size_decision = models.JSONField("căn cứ số thành viên", default=dict, blank=True)
    deputies_decision = models.JSONField("căn cứ số Phó Trưởng ban", default=dict, blank=True)
    result_decision = models.JSONField("căn cứ kết quả", default=dict, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # The agency's election regulation: how many rounds a conference may hold (ties and
    # seats left unfilled alike); the law sets no number.
    max_rounds = models.PositiveSmallIntegerField("số vòng bầu tối đa theo quy chế", default=2)
    # Every round's result as decided (round, seats, present, votes, outcome, citations).
    round_history = models.JSONField("kết quả từng vòng", default=list, blank=True)
    # Why the conference closes with seats left empty, recorded by the presidium.
    unfinished_decision = models.TextField("quyết định khi chưa bầu đủ", blank=True)
    unfinished_decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bầu Ban thanh tra nhân dân"
        verbose_name_plural = "bầu Ban thanh tra nhân dân"

    def __str__(self) -> str:
        return f"Bầu Ban thanh tra nhân dân — {self.conference}"


class Candidate(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey(
        Person, verbose_name="ứng cử viên", on_delete=models.PROTECT, related_name="+"
    )
    eligibility = models.JSONField("căn cứ đủ điều kiện", default=dict, blank=True)
    votes = models.PositiveIntegerField("số phiếu", null=True, blank=True)
    elected = models.BooleanField("trúng cử", null=True, blank=True)
    tied = models.BooleanField("bằng phiếu, phải bầu lại", default=False)

    class Meta:
        verbose_name = "ứng cử viên"
        verbose_name_plural = "ứng cử viên"
        ordering = ["election", "person__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "person"], name="candidate_once_per_election"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


class Award(models.Model):
    """A title or commendation presented at the conference (may point to an emulation record)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="awards")
    recipient = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipient_unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipient_name = models.CharField("tên tập thể, cá nhân", max_length=255)
    title = models.CharField("danh hiệu, hình thức khen thưởng", max_length=255)
    decision_ref = models.CharField("quyết định", max_length=120, blank=True)
    emulation_ref = models.CharField("mã quyết định thi đua", max_length=60, blank=True)
    emulation_award = models.ForeignKey(
        "emulation.Award",
        verbose_name="khen thưởng trong thi đua",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "khen thưởng tại Hội nghị"
        verbose_name_plural = "khen thưởng tại Hội nghị"
        ordering = ["conference", "title", "recipient_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "emulation_award"], name="award_imported_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.recipient_name}"


class Pledge(models.Model):
    """Giao ước thi đua signed at the conference (Art 51.4.h L10, rule C9)."""

    conference = models.OneToOneField(Conference, on_delete=models.CASCADE, related_name="pledge")
    text = models.TextField("nội dung giao ước")
    signed_on = models.DateField("ngày ký", null=True, blank=True)
    signers = models.ManyToManyField(Person, verbose_name="người ký", blank=True, related_name="+")
    check_result = models.JSONField("căn cứ người ký", default=dict, blank=True)

    class Meta:
        verbose_name = "giao ước thi đua"
        verbose_name_plural = "giao ước thi đua"

    def __str__(self) -> str:
        return f"Giao ước thi đua — {self.conference}"


class ResolutionTarget(models.Model):
    """A target of the conference resolution, carried into the next work year's plan."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="resolution_targets"
    )
    position = models.PositiveIntegerField("thứ tự", default=0)
    text = models.CharField("chỉ tiêu", max_length=500)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    measure = models.CharField("mức chỉ tiêu", max_length=120, blank=True)

    class Meta:
        verbose_name = "chỉ tiêu nghị quyết"
        verbose_name_plural = "chỉ tiêu nghị quyết"
        ordering = ["conference", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class ReminderKind(models.TextChoices):
    SIX_MONTH_REVIEW = "six_month_review", "Kiểm tra, đánh giá thực hiện nghị quyết 6 tháng"
    PUBLICATION = "publication", "Công khai nghị quyết, quyết định"
    INSPECTION_RECOGNITION = (
        "inspection_recognition",
        "Công nhận kết quả bầu Ban thanh tra nhân dân",
    )


class Reminder(models.Model):
    """A dated follow-up obligation after the conference (C10, C11, B6)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("loại", max_length=25, choices=ReminderKind.choices)
    title = models.CharField("việc cần làm", max_length=255)
    due_on = models.DateField("hạn")
    done_on = models.DateField("đã làm ngày", null=True, blank=True)
    citation = models.CharField("căn cứ", max_length=255, blank=True)
    snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "việc sau Hội nghị"
        verbose_name_plural = "việc sau Hội nghị"
        ordering = ["conference", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "kind", "due_on"], name="reminder_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.due_on:%d/%m/%Y})"
