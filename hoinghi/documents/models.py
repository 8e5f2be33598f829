"""Documents: drafts and issued documents, the register's counters, and batches."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from hoinghi.documents.kinds import KIND_NAMES
from hoinghi.org.models import Agency, Person


def kind_choices() -> list[tuple[str, str]]:
    """The document types, by slug (their names only: the catalogue itself lies above)."""
    return list(KIND_NAMES.items())


class DocumentState(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"


def _document_path(instance: Document, filename: str) -> str:
    return f"van-ban/{instance.agency.code}/{instance.number_year or instance.year}/{filename}"


class Document(models.Model):
    """One document of a type: edited as a draft, then issued with a number and a frozen file."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại văn bản", max_length=60, choices=kind_choices)
    year = models.PositiveIntegerField("năm công tác")
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        "trạng thái", max_length=10, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    summary = models.CharField("trích yếu", max_length=500)
    sections = models.JSONField(
        "nội dung đã sửa",
        default=dict,
        blank=True,
        help_text="Các phần văn bản người dùng đã sửa, theo khóa.",
    )
    register_key = models.CharField("sổ đăng ký", max_length=60)
    number = models.PositiveIntegerField("số", null=True, blank=True)
    number_year = models.PositiveIntegerField("năm của số", null=True, blank=True)
    number_text = models.CharField("số, ký hiệu", max_length=80, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ban hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file = models.FileField("tệp DOCX", upload_to=_document_path, blank=True)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=255, blank=True)
    recipients = models.TextField("nơi nhận", blank=True)
    copies = models.PositiveSmallIntegerField("số lượng bản", default=1)
    entered_by_hand = models.BooleanField(
        "số, ngày ghi tay",
        default=False,
        help_text="Số và ngày do văn thư ghi theo sổ giấy (văn bản ban hành ngoài hệ thống).",
    )
    signed_copy = models.FileField(
        "bản đã ký (bản quét hoặc bản Word)", upload_to=_document_path, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "register_key", "number_year", "number"],
                name="documents_number_once_per_year",
            ),
            models.CheckConstraint(
                condition=models.Q(state="draft", number__isnull=True)
                | models.Q(state="issued", issued_on__isnull=False),
                name="documents_issued_has_date",
            ),
        ]
        indexes = [models.Index(fields=["agency", "state", "year"])]

    def __str__(self) -> str:
        return f"{self.number_text or self.get_state_display()} {self.summary}"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.agency.code, self.pk])

    @property
    def is_draft(self) -> bool:
        return self.state == DocumentState.DRAFT


class DocumentCounter(models.Model):
    """The last number given in one series (agency, type, calendar year): locked when issuing."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    register_key = models.CharField("sổ đăng ký", max_length=60)
    year = models.PositiveIntegerField("năm")
    last_number = models.PositiveIntegerField("số cuối cùng", default=0)

    class Meta:
        verbose_name = "sổ đăng ký văn bản"
        verbose_name_plural = "sổ đăng ký văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "register_key", "year"], name="documents_one_counter_per_series"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency.code} {self.register_key} {self.year}: {self.last_number:02d}"


class Numbering(models.TextChoices):
    """How the agency numbers its documents: the head decides (D30 Art 15)."""

    PER_TYPE = "per_type", "Mỗi loại văn bản một dãy số"
    SINGLE = "single", "Một dãy số chung cho mọi loại văn bản"


class RegisterSettings(models.Model):
    """The agency's choices for its register. The law's options have no documents domain, so
    they live here; an agency without a row numbers per type and has no drafting symbol."""

    agency = models.OneToOneField(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    numbering = models.CharField(
        "cách đánh số",
        max_length=10,
        choices=Numbering.choices,
        default=Numbering.PER_TYPE,
        help_text="Thủ trưởng quyết định (khoản 1 Điều 15 Nghị định 30/2020/NĐ-CP).",
    )
    decided_by = models.CharField(
        "văn bản quyết định",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Quy chế công tác văn thư, lưu trữ của cơ quan.",
    )
    drafting_code = models.CharField(
        "ký hiệu đơn vị soạn thảo",
        max_length=20,
        blank=True,
        help_text='Trong số công văn: "TH" ở "Số: 12/VP-TH".',
    )
    union_name = models.CharField(
        "tên công đoàn cơ quan",
        max_length=255,
        blank=True,
        help_text='Để trống: "Công đoàn" và tên cơ quan.',
    )
    union_superior = models.CharField("công đoàn cấp trên", max_length=255, blank=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    class Meta:
        verbose_name = "cách đánh số văn bản"
        verbose_name_plural = "cách đánh số văn bản"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(numbering__in=["per_type", "single"]),
                name="documents_numbering_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency.code}: {self.get_numbering_display()}"


class BatchState(models.TextChoices):
    PENDING = "pending", "Đang chờ"
    RUNNING = "running", "Đang tạo"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Lỗi"


def _batch_path(instance: DocumentBatch, filename: str) -> str:
    return f"van-ban/{instance.agency.code}/lo/{filename}"


class DocumentBatch(models.Model):
    """Many documents of one type at once (one per staff member), made in the background."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField("loại văn bản", max_length=60, choices=kind_choices)
    year = models.PositiveIntegerField("năm công tác")
    with_pdf = models.BooleanField("kèm PDF", default=False)
    state = models.CharField(
        "trạng thái", max_length=10, choices=BatchState.choices, default=BatchState.PENDING
    )
    total = models.PositiveIntegerField("tổng số", default=0)
    done = models.PositiveIntegerField("đã tạo", default=0)
    error = models.TextField("lỗi", blank=True)
    result = models.FileField("tệp nén", upload_to=_batch_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField(
        "tín hiệu cuối",
        default=timezone.now,
        help_text="Luồng tạo lô ghi lại thời điểm này khi đang chạy.",
    )
    attempts = models.PositiveSmallIntegerField("số lần chạy", default=0)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "lô văn bản"
        verbose_name_plural = "lô văn bản"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")),
                name="documents_batch_done_within_total",
            )
        ]
        indexes = [models.Index(fields=["state", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} ({self.done}/{self.total})"

    def get_absolute_url(self) -> str:
        return reverse("documents:batch", args=[self.agency.code, self.pk])

    @property
    def percent(self) -> int:
        return round(self.done * 100 / self.total) if self.total else 0
