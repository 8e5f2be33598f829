"""Evaluation and quality classification of people and units, per work year.

A person's year runs: self-assessment → opinions at the unit meeting → the unit head's
proposal → the competent leader's decision (approving the unit's list under the caps).
Every decision keeps the rule code, version, citations, reasons and the facts it read; a
person's are :class:`ClassificationDecision` rows, insert-only (the evaluation keeps the
level), their citations and reasons in a shared :class:`DecisionBasis`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from hoinghi.law.evaluation.vocabulary import (
    DISCIPLINE_GROUND_LABELS,
    DISCIPLINE_LEVEL_LABELS,
    EVALUATION_REGIME_LABELS,
    GENERAL_CRITERIA_LABELS,
    LEAVE_KIND_LABELS,
    RATING_LABELS,
    GeneralCriteria,
)
from hoinghi.org.models import Person, Unit, WorkYear

RATING_CHOICES = [(r.value, label) for r, label in RATING_LABELS.items()]
LEAVE_CHOICES = [(k.value, label) for k, label in LEAVE_KIND_LABELS.items()]
DISCIPLINE_CHOICES = [(k.value, label) for k, label in DISCIPLINE_LEVEL_LABELS.items()]
GROUND_CHOICES = [(k.value, label) for k, label in DISCIPLINE_GROUND_LABELS.items()]
REGIME_CHOICES = [(k.value, label) for k, label in EVALUATION_REGIME_LABELS.items()]
CRITERIA_CHOICES = [(k.value, label) for k, label in GENERAL_CRITERIA_LABELS.items()]


class Absence(models.Model):
    """Leave of a person (thai sản, ốm đau, đào tạo, không lương…), read by the time rules."""

    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.CASCADE, related_name="absences"
    )
    kind = models.CharField("loại nghỉ", max_length=30, choices=LEAVE_CHOICES)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    note = models.CharField("ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "thời gian nghỉ"
        verbose_name_plural = "thời gian nghỉ"
        ordering = ["person", "starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="absence_ordered")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"


class Discipline(models.Model):
    """A disciplinary decision against a person (kỷ luật), with its ground."""

    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.CASCADE, related_name="disciplines"
    )
    level = models.CharField("hình thức", max_length=20, choices=DISCIPLINE_CHOICES)
    ground = models.CharField("lý do", max_length=20, choices=GROUND_CHOICES)
    decided_on = models.DateField("ngày quyết định")
    decision_number = models.CharField("số quyết định", max_length=60, blank=True)
    counted_elsewhere = models.BooleanField(
        "đã tính khi xếp loại",
        default=False,
        help_text="Hành vi đã được tính khi xếp loại năm khác hoặc trước khi có quyết định kỷ luật.",
    )

    class Meta:
        verbose_name = "kỷ luật"
        verbose_name_plural = "kỷ luật"
        ordering = ["person", "-decided_on"]

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.decided_on:%d/%m/%Y})"


class UnitMeeting(models.Model):
    """The unit's meeting that gives opinions on its people (D90 Art 19.1.b; D233 Art 15.2.b)."""

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="unit_meetings",
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="evaluation_meetings"
    )
    held_on = models.DateField("ngày họp")
    present = models.PositiveIntegerField("số người dự")
    convened = models.PositiveIntegerField("số người được triệu tập")
    summary = models.TextField("tóm tắt ý kiến, kết quả biểu quyết")
    minutes_adopted = models.BooleanField("biên bản đã thông qua tại cuộc họp", default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "cuộc họp nhận xét, đánh giá"
        verbose_name_plural = "cuộc họp nhận xét, đánh giá"
        constraints = [
            models.UniqueConstraint(fields=["work_year", "unit"], name="unit_meeting_unique"),
            models.CheckConstraint(
                condition=Q(present__lte=F("convened")), name="unit_meeting_present_le_convened"
            ),
        ]

    def __str__(self) -> str:
        return f"Họp đánh giá {self.unit} ngày {self.held_on:%d/%m/%Y}"


class Stage(models.TextChoices):
    SELF = "tu_danh_gia", "Đã tự đánh giá"
    MEETING = "da_hop", "Đã có ý kiến tại cuộc họp"
    PROPOSED = "de_xuat", "Đã có đề xuất của trưởng đơn vị"
    APPROVED = "quyet_dinh", "Đã quyết định xếp loại"


class DecisionRecord(models.Model):
    """What every legal decision keeps: rule, version, citations, reasons, facts."""

    rule_code = models.CharField("mã quy tắc", max_length=80, blank=True)
    rule_version = models.CharField("phiên bản quy tắc", max_length=40, blank=True)
    citations = models.JSONField("căn cứ pháp lý", default=list, blank=True)
    reasons = models.JSONField("lý do", default=list, blank=True)
    facts = models.JSONField("dữ kiện", default=dict, blank=True)

    class Meta:
        abstract = True


class PersonEvaluation(models.Model):
    """One person's year. The year-end batch sets the level of every row of a year at once
    (the decision records go to :class:`ClassificationDecision`), so only the indexes reads
    need are kept: (work year, person), (work year, unit) and person; the other foreign keys
    are not indexed (work year leads both composite indexes; units, meetings and accounts are
    rarely deleted)."""

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="person_evaluations",
        db_index=False,
    )
    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.PROTECT, related_name="evaluations"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        related_name="person_evaluations",
        db_index=False,
    )
    task_group = models.CharField("nhóm nhiệm vụ tương đồng", max_length=80, blank=True)
    regime = models.CharField("văn bản áp dụng", max_length=10, choices=REGIME_CHOICES)
    stage = models.CharField("bước", max_length=20, choices=Stage.choices, default=Stage.SELF)
    self_text = models.TextField("bản tự đánh giá")
    score = models.DecimalField(
        "tự chấm điểm", max_digits=5, decimal_places=2, null=True, blank=True
    )
    score_components = models.JSONField("điểm thành phần", default=dict, blank=True)
    general_criteria = models.CharField(
        "tiêu chí chung", max_length=12, choices=CRITERIA_CHOICES, default=GeneralCriteria.MET
    )
    tasks_assigned = models.PositiveIntegerField("số nhiệm vụ được giao", default=0)
    tasks_on_time = models.PositiveIntegerField(
        "hoàn thành đúng hạn, bảo đảm chất lượng", default=0
    )
    tasks_exceeded = models.PositiveIntegerField("hoàn thành vượt mức", default=0)
    tasks_short = models.PositiveIntegerField("còn hạn chế", default=0)
    self_rating = models.CharField("tự xếp loại", max_length=4, choices=RATING_CHOICES)
    meeting = models.ForeignKey(
        UnitMeeting,
        verbose_name="cuộc họp",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
        db_index=False,
    )
    meeting_opinion = models.TextField("ý kiến tại cuộc họp", blank=True)
    proposed_rating = models.CharField(
        "mức đề xuất", max_length=4, choices=RATING_CHOICES, blank=True
    )
    proposal_note = models.TextField("nhận xét của trưởng đơn vị", blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đề xuất",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    rating = models.CharField("xếp loại", max_length=4, choices=RATING_CHOICES, blank=True)
    not_classified = models.BooleanField("không xếp loại", default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    decided_on = models.DateField("ngày quyết định", null=True, blank=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "đánh giá, xếp loại cá nhân"
        verbose_name_plural = "đánh giá, xếp loại cá nhân"
        ordering = ["work_year", "person__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_year", "person"], name="person_evaluation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(stage=Stage.APPROVED) | ~Q(rating="") | Q(not_classified=True),
                name="person_evaluation_approved_has_outcome",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="person_evaluation_score_range",
            ),
        ]
        indexes = [models.Index(fields=["work_year", "unit"], name="person_eval_year_unit")]

    def __str__(self) -> str:
        return f"{self.person} — {self.work_year.year}"

    @property
    def is_approved(self) -> bool:
        return self.stage == Stage.APPROVED

    @property
    def decision(self) -> ClassificationDecision | None:
        """The latest decision on this year (one query; None before the first)."""
        return self.decisions.select_related("basis").order_by("-pk").first()

    @property
    def rule_code(self) -> str:
        decision = self.decision
        return decision.rule_code if decision else ""

    @property
    def rule_version(self) -> str:
        decision = self.decision
        return decision.rule_version if decision else ""

    @property
    def citations(self) -> list[str]:
        decision = self.decision
        return list(decision.basis.citations) if decision else []

    @property
    def reasons(self) -> list[dict[str, Any]]:
        decision = self.decision
        return list(decision.basis.reasons) if decision else []

    @property
    def facts(self) -> dict[str, Any]:
        decision = self.decision
        return dict(decision.facts) if decision else {}


class DecisionBasis(models.Model):
    """The citations and reasons of a decision, stored once however many decisions share
    them (keyed by a BLAKE2b digest of their JSON): a year of 2,000 people has a few dozen."""

    digest = models.CharField("mã", max_length=32, primary_key=True)
    citations = models.JSONField("căn cứ pháp lý", default=list)
    reasons = models.JSONField("lý do", default=list)

    class Meta:
        verbose_name = "căn cứ, lý do của quyết định"
        verbose_name_plural = "căn cứ, lý do của quyết định"

    def __str__(self) -> str:
        return self.digest


class ClassificationDecision(models.Model):
    """One decision on a person's year, never rewritten: a new decision is a new row and the
    latest one counts. Rule and version on the row, citations and reasons in a shared
    :class:`DecisionBasis`, the facts the law read (those differing from its defaults), its
    result and the list's caps in ``facts``. Written set-based (``COPY`` on PostgreSQL)."""

    # No database constraint: its check at commit cost about 12 µs a row of a year-end batch;
    # an evaluation's deletion removes its decisions through the ORM (CASCADE), as every
    # deletion here goes through it.
    evaluation = models.ForeignKey(
        PersonEvaluation,
        verbose_name="đánh giá",
        on_delete=models.CASCADE,
        related_name="decisions",
        db_constraint=False,
        db_index=False,  # the (evaluation, id) index below serves both reads
    )
    rating = models.CharField("xếp loại", max_length=4, choices=RATING_CHOICES, blank=True)
    not_classified = models.BooleanField("không xếp loại", default=False)
    rule_code = models.CharField("mã quy tắc", max_length=80)
    rule_version = models.CharField("phiên bản quy tắc", max_length=40, blank=True)
    # Written before the decisions in the same transaction and never deleted: no index and no
    # database constraint (each would cost a lookup per row of a year-end batch).
    basis = models.ForeignKey(
        DecisionBasis,
        verbose_name="căn cứ, lý do",
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )
    facts = models.JSONField("dữ kiện", default=dict)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    decided_on = models.DateField("ngày quyết định")
    decided_at = models.DateTimeField("ghi lúc")

    class Meta:
        verbose_name = "quyết định xếp loại cá nhân"
        verbose_name_plural = "quyết định xếp loại cá nhân"
        # "The latest decision of an evaluation": one descent of this index, whatever the
        # table's size or statistics (a backward scan of the primary key grew with the table).
        indexes = [models.Index(fields=["evaluation", "id"], name="decision_latest")]

    def __str__(self) -> str:
        return f"{self.evaluation_id}: {self.rating or 'không xếp loại'} ({self.decided_on})"


class UnitEvaluation(DecisionRecord):
    """A unit (collective) classified for the year; for Party bodies by the superior body."""

    work_year = models.ForeignKey(
        WorkYear,
        verbose_name="năm công tác",
        on_delete=models.CASCADE,
        related_name="unit_evaluations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="evaluations"
    )
    self_text = models.TextField("báo cáo tự đánh giá", blank=True)
    score = models.DecimalField(
        "điểm tự chấm", max_digits=5, decimal_places=2, null=True, blank=True
    )
    proposed_rating = models.CharField(
        "mức đề nghị", max_length=4, choices=RATING_CHOICES, blank=True
    )
    rating = models.CharField("xếp loại", max_length=4, choices=RATING_CHOICES, blank=True)
    issuer = models.CharField(
        "cơ quan quyết định", max_length=160, blank=True, help_text="Ví dụ: Ban Thường vụ Huyện ủy."
    )
    decision_number = models.CharField("số quyết định", max_length=60, blank=True)
    decided_on = models.DateField("ngày quyết định", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "đánh giá, xếp loại tập thể"
        verbose_name_plural = "đánh giá, xếp loại tập thể"
        ordering = ["work_year", "unit__position", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["work_year", "unit"], name="unit_evaluation_unique"),
            models.CheckConstraint(
                condition=Q(rating="") | Q(decided_on__isnull=False),
                name="unit_evaluation_decided_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.work_year.year}"
