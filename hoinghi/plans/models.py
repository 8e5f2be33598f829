"""Targets (chỉ tiêu) and tasks (nhiệm vụ) of an agency, a unit or a person for a work year.

An item belongs to one owner: the agency itself (no unit, no person), a unit, or a person.
Assigning downward creates a child item that points to its parent; the rollups count each
owner's own items, so a task handed down is never counted twice.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from hoinghi.org.models import Person, Unit, WorkYear


class ItemKind(models.TextChoices):
    TARGET = "chi_tieu", "Chỉ tiêu"
    TASK = "nhiem_vu", "Nhiệm vụ"


class ItemSource(models.TextChoices):
    ASSIGNED = "cap_tren_giao", "Cấp ủy, cấp trên giao"
    RESOLUTION = "nghi_quyet_hoi_nghi", "Nghị quyết Hội nghị cán bộ năm trước"
    ARISING = "phat_sinh", "Phát sinh trong năm"
    OWN = "tu_de_ra", "Cơ quan, đơn vị tự đề ra"


class ItemStatus(models.TextChoices):
    NOT_STARTED = "chua_thuc_hien", "Chưa thực hiện"
    IN_PROGRESS = "dang_thuc_hien", "Đang thực hiện"
    DONE = "hoan_thanh", "Đã hoàn thành"
    CANCELLED = "huy_bo", "Hủy bỏ, điều chỉnh"


class PlanItem(models.Model):
    work_year = models.ForeignKey(
        WorkYear, verbose_name="năm công tác", on_delete=models.CASCADE, related_name="plan_items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="giao từ",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị thực hiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_items",
    )
    person = models.ForeignKey(
        Person,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_items",
    )
    kind = models.CharField("loại", max_length=10, choices=ItemKind.choices)
    code = models.CharField("số thứ tự, mã", max_length=30, blank=True)
    title = models.CharField("nội dung", max_length=500)
    source = models.CharField(
        "nguồn", max_length=30, choices=ItemSource.choices, default=ItemSource.ASSIGNED
    )
    origin_key = models.CharField(
        "khóa nguồn",
        max_length=120,
        blank=True,
        help_text="Khóa của chỉ tiêu nghị quyết đã chuyển sang, để chuyển lại không bị trùng.",
    )
    measure = models.CharField("đơn vị tính", max_length=60, blank=True)
    target_value = models.DecimalField(
        "giá trị chỉ tiêu", max_digits=14, decimal_places=2, null=True, blank=True
    )
    achieved_value = models.DecimalField(
        "giá trị đạt được", max_digits=14, decimal_places=2, null=True, blank=True
    )
    progress_percent = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    due_on = models.DateField("hạn hoàn thành", null=True, blank=True)
    status = models.CharField(
        "trạng thái", max_length=20, choices=ItemStatus.choices, default=ItemStatus.NOT_STARTED
    )
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    quality_ok = models.BooleanField("bảo đảm chất lượng", default=True)
    exceeded = models.BooleanField("vượt mức yêu cầu", default=False)
    note = models.TextField("ghi chú", blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "chỉ tiêu, nhiệm vụ"
        verbose_name_plural = "chỉ tiêu, nhiệm vụ"
        ordering = ["work_year", "kind", "code", "pk"]
        indexes = [
            models.Index(fields=["work_year", "person"], name="plan_item_year_person"),
            models.Index(fields=["work_year", "unit"], name="plan_item_year_unit"),
            models.Index(fields=["person", "status", "due_on"], name="plan_item_person_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress_percent__lte=100), name="plan_item_progress_max_100"
            ),
            models.CheckConstraint(
                condition=Q(status=ItemStatus.DONE, completed_on__isnull=False)
                | (~Q(status=ItemStatus.DONE) & Q(completed_on__isnull=True)),
                name="plan_item_completed_on_iff_done",
            ),
            models.UniqueConstraint(
                fields=["work_year", "origin_key"],
                condition=~Q(origin_key=""),
                name="plan_item_origin_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code} {self.title}".replace("  ", " ")

    @property
    def is_done(self) -> bool:
        return self.status == ItemStatus.DONE

    @property
    def on_time(self) -> bool:
        return self.is_done and (
            self.due_on is None or self.completed_on is None or self.completed_on <= self.due_on
        )

    def is_overdue(self, on: date) -> bool:
        open_ = self.status in (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)
        return open_ and self.due_on is not None and self.due_on < on

    @property
    def owner_label(self) -> str:
        if self.person_id:
            return str(self.person)
        if self.unit_id:
            return str(self.unit)
        return "Cơ quan"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"plans/evidence/{instance.item.work_year.year}/{instance.item_id}/{filename}"


class Evidence(models.Model):
    """A file proving the result (báo cáo, văn bản, hình ảnh), stored under MEDIA_ROOT."""

    item = models.ForeignKey(
        PlanItem,
        verbose_name="chỉ tiêu, nhiệm vụ",
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    file = models.FileField("tệp", upload_to=evidence_path, max_length=300)
    name = models.CharField("tên tài liệu", max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tải lên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)

    class Meta:
        verbose_name = "minh chứng"
        verbose_name_plural = "minh chứng"
        ordering = ["item", "uploaded_at"]

    def __str__(self) -> str:
        return self.name
