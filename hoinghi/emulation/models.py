"""Emulation and commendation of one work year: launch, registration, pledge, the facts
titles rest on, year-end eligibility, proposals, the council's ballot and decisions.

A title holder is either a person (cá nhân) or a unit (tập thể): each such table has both
foreign keys and a check constraint that exactly one is set.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now

from hoinghi.emulation.vocabulary import (
    INITIATIVE_KIND_CHOICES,
    INITIATIVE_LEVEL_CHOICES,
    ISSUER_CHOICES,
    OUTCOME_CHOICES,
    TITLE_CHOICES,
)
from hoinghi.org.models import Agency, Person, Unit, WorkYear


def one_holder(prefix: str) -> models.CheckConstraint:
    """Exactly one of person and unit is set."""
    return models.CheckConstraint(
        condition=(Q(person__isnull=False) & Q(unit__isnull=True))
        | (Q(person__isnull=True) & Q(unit__isnull=False)),
        name=f"{prefix}_one_holder",
    )


class HolderMixin(models.Model):
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def holder(self) -> Person | Unit:
        return self.person if self.person_id else self.unit  # type: ignore[return-value]

    @property
    def holder_name(self) -> str:
        return str(self.person.full_name if self.person_id else self.unit)  # type: ignore[union-attr]


class Launch(models.Model):
    """Phát động phong trào thi đua: the year's theme and movements."""

    work_year = models.OneToOneField(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="emulation_launch",
    )
    launched_on = models.DateField("ngày phát động")
    theme = models.CharField("chủ đề", max_length=255)
    movements = models.TextField("các phong trào", blank=True, help_text="Mỗi phong trào một dòng.")
    registration_deadline = models.DateField("hạn đăng ký thi đua", null=True, blank=True)

    class Meta:
        verbose_name = "phát động thi đua"
        verbose_name_plural = "phát động thi đua"

    def __str__(self) -> str:
        return f"Phát động thi đua năm {self.work_year.year}"

    @property
    def movement_list(self) -> list[str]:
        return [line.strip() for line in self.movements.splitlines() if line.strip()]


class Registration(HolderMixin):
    """Đăng ký thi đua: a person or unit aims for a title in the year."""

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="emulation_registrations",
    )
    title = models.CharField("danh hiệu đăng ký", max_length=30, choices=TITLE_CHOICES)
    registered_on = models.DateField("ngày đăng ký")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đăng ký",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "đăng ký thi đua"
        verbose_name_plural = "đăng ký thi đua"
        constraints = [
            one_holder("registration"),
            models.UniqueConstraint(
                fields=["work_year", "person", "title"],
                condition=Q(person__isnull=False),
                name="registration_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["work_year", "unit", "title"],
                condition=Q(unit__isnull=False),
                name="registration_once_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.get_title_display()}"


class PledgeKind(models.TextChoices):
    HEAD_AND_UNION = "head_union", "Giữa người đứng đầu và Ban Chấp hành Công đoàn"
    BETWEEN_UNITS = "units", "Giữa các đơn vị"
    CLUSTER = "cluster", "Trong cụm, khối thi đua"


class Pledge(models.Model):
    """Giao ước thi đua, signed early in the year and followed up at year end."""

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="emulation_pledges",
    )
    kind = models.CharField(
        "loại giao ước",
        max_length=20,
        choices=PledgeKind.choices,
        default=PledgeKind.HEAD_AND_UNION,
    )
    signed_on = models.DateField("ngày ký")
    party_a = models.CharField("bên thứ nhất", max_length=255)
    signer_a = models.CharField("người ký bên thứ nhất", max_length=120)
    party_b = models.CharField("bên thứ hai", max_length=255)
    signer_b = models.CharField("người ký bên thứ hai", max_length=120)
    units = models.ManyToManyField(
        Unit, verbose_name="đơn vị tham gia", blank=True, related_name="+"
    )
    reviewed_on = models.DateField("ngày tổng kết", null=True, blank=True)

    class Meta:
        verbose_name = "giao ước thi đua"
        verbose_name_plural = "giao ước thi đua"
        ordering = ["work_year", "signed_on", "pk"]

    def __str__(self) -> str:
        return f"Giao ước thi đua năm {self.work_year.year}: {self.party_a} – {self.party_b}"


class Commitment(models.Model):
    """One commitment of a pledge; ``met`` is filled at year end."""

    pledge = models.ForeignKey(
        Pledge, verbose_name="giao ước", on_delete=models.CASCADE, related_name="commitments"
    )
    position = models.PositiveIntegerField("thứ tự")
    text = models.TextField("nội dung cam kết")
    met = models.BooleanField("đạt", null=True, blank=True)
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        verbose_name = "nội dung giao ước"
        verbose_name_plural = "nội dung giao ước"
        ordering = ["pledge", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "position"], name="commitment_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Initiative(models.Model):
    """Sáng kiến or scientific work (đề tài, đề án, công trình khoa học), with its recognition."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name="tác giả", on_delete=models.CASCADE, related_name="initiatives"
    )
    kind = models.CharField("loại", max_length=20, choices=INITIATIVE_KIND_CHOICES)
    name = models.CharField("tên", max_length=500)
    level = models.CharField("cấp công nhận", max_length=20, choices=INITIATIVE_LEVEL_CHOICES)
    recognised_on = models.DateField("ngày công nhận")
    recognised_by = models.CharField("cơ quan công nhận", max_length=255)
    document_number = models.CharField("số văn bản công nhận", max_length=60, blank=True)
    applied = models.BooleanField(
        "đã được áp dụng",
        default=True,
        help_text="Đề tài, công trình khoa học đã nghiệm thu và được áp dụng.",
    )

    class Meta:
        verbose_name = "sáng kiến, công trình khoa học"
        verbose_name_plural = "sáng kiến, công trình khoa học"
        ordering = ["-recognised_on", "pk"]

    def __str__(self) -> str:
        return self.name


class EarlierTitle(HolderMixin):
    """A title awarded before the system held the year (for consecutive-year titles)."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField("năm")
    title = models.CharField("danh hiệu", max_length=30, choices=TITLE_CHOICES)
    decision = models.CharField("quyết định", max_length=255, blank=True)

    class Meta:
        verbose_name = "danh hiệu các năm trước"
        verbose_name_plural = "danh hiệu các năm trước"
        ordering = ["-year"]
        constraints = [
            one_holder("earlier_title"),
            models.UniqueConstraint(
                fields=["person", "year", "title"],
                condition=Q(person__isnull=False),
                name="earlier_title_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["unit", "year", "title"],
                condition=Q(unit__isnull=False),
                name="earlier_title_once_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.get_title_display()} {self.year}"


class Recognition(models.Model):
    """Other recognitions of the year: "An toàn về an ninh trật tự", "Gia đình văn hóa"."""

    work_year = models.ForeignKey(
        WorkYear, verbose_name="năm công tác", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField("danh hiệu, tiêu chuẩn", max_length=255)
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    issuer = models.CharField("cơ quan công nhận", max_length=255, blank=True)
    recognised_on = models.DateField("ngày công nhận", null=True, blank=True)

    class Meta:
        verbose_name = "công nhận khác"
        verbose_name_plural = "công nhận khác"
        ordering = ["work_year", "name"]

    def __str__(self) -> str:
        return self.name


class ReasonSet(models.Model):
    """One distinct list of reasons (with the citations they rest on), stored once and shared
    by every eligibility row that has exactly these reasons; keyed by a digest of its text."""

    digest = models.CharField("mã", max_length=32, primary_key=True)
    citations = models.JSONField("căn cứ", default=list)
    reasons = models.JSONField("lý do", default=list)

    class Meta:
        verbose_name = "bộ lý do, căn cứ"
        verbose_name_plural = "bộ lý do, căn cứ"

    def __str__(self) -> str:
        return "; ".join(r.get("text", "") for r in self.reasons)[:120]


class FactSet(models.Model):
    """One distinct snapshot of the facts a rule read (without the holder, which is on the
    row): the date, the facts that differ from the law's defaults, the rule's values."""

    digest = models.CharField("mã", max_length=32, primary_key=True)
    facts = models.JSONField("dữ kiện", default=dict)

    class Meta:
        verbose_name = "bộ dữ kiện"
        verbose_name_plural = "bộ dữ kiện"

    def __str__(self) -> str:
        return self.digest


class Eligibility(HolderMixin):
    """The law's answer for one person or unit and one title: a decision record."""

    # No single-column indexes on the holder: reads go by year (the unique indexes lead with
    # it); each index would cost one insertion per row written (300,000 rows per 100,000 staff).
    # No database constraint on the three keys either: the rows are computed from those very
    # people, units and year in the same transaction, and each check cost a lookup per row at
    # commit; a deletion of a person, unit or year removes the rows through the ORM (CASCADE).
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        db_index=False,
        db_constraint=False,
        on_delete=models.CASCADE,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        null=True,
        blank=True,
        db_index=False,
        db_constraint=False,
        on_delete=models.CASCADE,
        related_name="+",
    )

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="emulation_eligibility",
        db_constraint=False,
    )
    title = models.CharField("danh hiệu", max_length=30, choices=TITLE_CHOICES)
    outcome = models.CharField("kết quả", max_length=20, choices=OUTCOME_CHOICES)
    rule = models.CharField("quy tắc", max_length=80)
    rule_version = models.CharField("phiên bản", max_length=40)
    # The sets are written before the rows in the same transaction and never deleted: no index
    # and no database constraint on these two columns (each costs a lookup per row written).
    reason_set = models.ForeignKey(
        ReasonSet,
        verbose_name="căn cứ, lý do",
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    fact_set = models.ForeignKey(
        FactSet,
        verbose_name="dữ kiện",
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    # Stamped by the database (the rows arrive by COPY straight into this table).
    computed_at = models.DateTimeField("thời điểm tính", db_default=Now())

    class Meta:
        verbose_name = "kết quả xét danh hiệu"
        verbose_name_plural = "kết quả xét danh hiệu"
        constraints = [
            one_holder("eligibility"),
            models.UniqueConstraint(
                fields=["work_year", "person", "title"],
                condition=Q(person__isnull=False),
                name="eligibility_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["work_year", "unit", "title"],
                condition=Q(unit__isnull=False),
                name="eligibility_once_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.get_title_display()} — {self.get_outcome_display()}"

    @property
    def citations(self) -> list[str]:
        return list(self.reason_set.citations)

    @property
    def reasons(self) -> list[dict[str, Any]]:
        return list(self.reason_set.reasons)

    @property
    def facts(self) -> dict[str, Any]:
        """The facts the rule read: the shared snapshot, with this row's holder and year."""
        holder = (
            {"person_id": str(self.person_id)} if self.person_id else {"unit_id": str(self.unit_id)}
        )
        snapshot = dict(self.fact_set.facts)
        snapshot["input"] = {**holder, **snapshot.get("input", {})}
        return snapshot

    @property
    def reason_texts(self) -> list[str]:
        return [r.get("text", "") for r in self.reason_set.reasons]


class ProposalState(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    VOTING = "voting", "Hội đồng đang bỏ phiếu"
    VOTED = "voted", "Hội đồng đã bỏ phiếu"
    SUBMITTED = "submitted", "Đã trình cấp trên"
    DECIDED = "decided", "Đã có quyết định"


class ProposalKind(models.TextChoices):
    """Titles the head awards, or proposals to a higher body (CSTĐ tỉnh, Bằng khen…)."""

    INTERNAL = "internal", "Xét tặng tại cơ quan"
    UPWARD = "upward", "Đề nghị cấp trên khen thưởng"


class UnitJudgement(models.Model):
    """The council's judgement of a collective's year: its emulation movement and its unity
    (Tập thể lao động tiên tiến, xuất sắc). ``None`` = not yet judged."""

    work_year = models.ForeignKey(
        WorkYear, verbose_name="năm công tác", on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="tập thể", on_delete=models.CASCADE, related_name="+"
    )
    emulation_active = models.BooleanField(
        "phong trào thi đua thường xuyên, thiết thực, hiệu quả", null=True, blank=True
    )
    unity = models.BooleanField(
        "nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật", null=True, blank=True
    )
    note = models.CharField("nhận xét", max_length=500, blank=True)
    judged_on = models.DateField("ngày đánh giá")
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "đánh giá của Hội đồng về tập thể"
        verbose_name_plural = "đánh giá của Hội đồng về tập thể"
        constraints = [
            models.UniqueConstraint(fields=["work_year", "unit"], name="unit_judgement_once")
        ]

    def __str__(self) -> str:
        return f"{self.unit}: đánh giá năm {self.work_year.year}"


class Proposal(models.Model):
    """Tờ trình: the clerk's list of proposed titles, put to the council's secret ballot."""

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="emulation_proposals",
    )
    number = models.CharField("số tờ trình", max_length=60, blank=True)
    proposed_on = models.DateField("ngày trình")
    subject = models.CharField("trích yếu", max_length=255)
    kind = models.CharField(
        "loại tờ trình", max_length=10, choices=ProposalKind.choices, default=ProposalKind.INTERNAL
    )
    recipient = models.CharField("cơ quan nhận đề nghị", max_length=255, blank=True)
    state = models.CharField(
        "trạng thái", max_length=10, choices=ProposalState.choices, default=ProposalState.DRAFT
    )
    poll = models.OneToOneField(
        "voting.Poll",
        verbose_name="cuộc bỏ phiếu",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="emulation_proposal",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "tờ trình đề nghị khen thưởng"
        verbose_name_plural = "tờ trình đề nghị khen thưởng"
        ordering = ["work_year", "proposed_on", "pk"]

    def __str__(self) -> str:
        return self.subject


class ProposalItem(HolderMixin):
    """One person or unit proposed for one title, with the council's vote on it."""

    proposal = models.ForeignKey(
        Proposal, verbose_name="tờ trình", on_delete=models.CASCADE, related_name="items"
    )
    title = models.CharField("danh hiệu, hình thức", max_length=30, choices=TITLE_CHOICES)
    basis = models.JSONField(
        "căn cứ đề nghị",
        default=dict,
        blank=True,
        help_text="Kết quả xét danh hiệu khi lập tờ trình: quy tắc, căn cứ, lý do.",
    )
    achievement = models.CharField("thành tích", max_length=500, blank=True)
    position = models.PositiveIntegerField("thứ tự", default=0)
    votes_for = models.PositiveIntegerField("số phiếu đồng ý", null=True, blank=True)
    approved = models.BooleanField("hội đồng thông qua", null=True, blank=True)

    class Meta:
        verbose_name = "người, tập thể được đề nghị"
        verbose_name_plural = "người, tập thể được đề nghị"
        ordering = ["proposal", "position", "pk"]
        constraints = [
            one_holder("proposal_item"),
            models.UniqueConstraint(
                fields=["proposal", "person", "title"],
                condition=Q(person__isnull=False),
                name="proposal_item_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["proposal", "unit", "title"],
                condition=Q(unit__isnull=False),
                name="proposal_item_once_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.get_title_display()}"


class Decision(models.Model):
    """Quyết định khen thưởng, by the head or by another body (issuer)."""

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="emulation_decisions",
    )
    issuer_kind = models.CharField("cấp ra quyết định", max_length=20, choices=ISSUER_CHOICES)
    issuer = models.CharField("cơ quan, người ra quyết định", max_length=255)
    number = models.CharField("số quyết định", max_length=60)
    signed_on = models.DateField("ngày ký")
    signer = models.CharField("người ký", max_length=120, blank=True)
    proposal = models.ForeignKey(
        Proposal,
        verbose_name="theo tờ trình",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    base_salary = models.PositiveIntegerField("mức lương cơ sở (đồng)", null=True, blank=True)
    rule = models.CharField("quy tắc", max_length=80, blank=True)
    citations = models.JSONField("căn cứ", default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "quyết định khen thưởng"
        verbose_name_plural = "quyết định khen thưởng"
        ordering = ["work_year", "signed_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_year", "issuer", "number"], name="decision_number_unique_per_issuer"
            )
        ]

    def __str__(self) -> str:
        return f"Quyết định số {self.number} ngày {self.signed_on:%d/%m/%Y} của {self.issuer}"


class Award(HolderMixin):
    """A title or form awarded by a decision, with its bonus (tiền thưởng)."""

    decision = models.ForeignKey(
        Decision, verbose_name="quyết định", on_delete=models.CASCADE, related_name="awards"
    )
    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="emulation_awards",
    )
    title = models.CharField("danh hiệu, hình thức", max_length=30, choices=TITLE_CHOICES)
    achievement = models.CharField("thành tích", max_length=500, blank=True)
    bonus_multiple = models.DecimalField(
        "hệ số tiền thưởng", max_digits=6, decimal_places=2, null=True, blank=True
    )
    bonus_amount = models.PositiveIntegerField("tiền thưởng (đồng)", null=True, blank=True)
    bonus_reasons = models.JSONField("căn cứ tiền thưởng", default=list, blank=True)
    revoked_on = models.DateField("ngày thu hồi", null=True, blank=True)
    revocation_basis = models.CharField("căn cứ thu hồi", max_length=500, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi thu hồi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "danh hiệu, hình thức được khen thưởng"
        verbose_name_plural = "danh hiệu, hình thức được khen thưởng"
        ordering = ["decision", "pk"]
        constraints = [
            one_holder("award"),
            models.UniqueConstraint(
                fields=["decision", "person", "title"],
                condition=Q(person__isnull=False),
                name="award_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["decision", "unit", "title"],
                condition=Q(unit__isnull=False),
                name="award_once_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True, revocation_basis="")
                | (Q(revoked_on__isnull=False) & ~Q(revocation_basis="")),
                name="award_revocation_has_basis",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.get_title_display()}"

    @property
    def revoked(self) -> bool:
        return self.revoked_on is not None
