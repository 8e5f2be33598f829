"""Agencies, their units, people, positions, training, work years and roles."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from hoinghi.law.evaluation.vocabulary import STAFF_CATEGORY_LABELS
from hoinghi.law.evaluation.vocabulary import StaffCategory as LawStaffCategory
from hoinghi.vietnamese import fold, name_sort_key, nfc


class AgencyKind(models.TextChoices):
    PARTY = "party", "Cơ quan Đảng"
    STATE = "state", "Cơ quan hành chính nhà nước"
    PUBLIC_SERVICE = "public_service", "Đơn vị sự nghiệp công lập"
    MASS_ORGANISATION = "mass_org", "Tổ chức chính trị - xã hội"


class Agency(models.Model):
    """Cơ quan, đơn vị: the body that holds the conference and decides titles."""

    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên", max_length=255)
    short_name = models.CharField("tên ngắn", max_length=120, blank=True)
    abbreviation = models.CharField(
        "chữ viết tắt", max_length=20, help_text="Dùng trong số, ký hiệu văn bản, ví dụ VPTU."
    )
    kind = models.CharField("loại hình", max_length=20, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="cơ quan cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    parent_name = models.CharField(
        "tên cơ quan chủ quản",
        max_length=255,
        blank=True,
        help_text="Dòng trên của tiêu đề văn bản khi cơ quan cấp trên không có trong hệ thống.",
    )
    place_name = models.CharField(
        "địa danh", max_length=120, help_text="Dùng ở dòng địa danh, ngày tháng."
    )

    class Meta:
        verbose_name = "cơ quan, đơn vị"
        verbose_name_plural = "cơ quan, đơn vị"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:agency", args=[self.code])


class LocalLevel(models.TextChoices):
    """The level of the body an agency answers to (the law's LocalLevel)."""

    CENTRAL = "trung_uong", "Trung ương"
    PROVINCE = "tinh", "Cấp tỉnh"
    DISTRICT = "huyen", "Cấp huyện (đến 30/06/2025)"
    COMMUNE = "xa", "Cấp xã"


class AgencyPeriod(models.Model):
    """An agency's kind and superior body from a date: the history that the two-tier local
    government (no district level from 01/07/2025, provinces merged) changes. The period in
    force on a date is the row with the latest ``valid_from`` on or before it."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="periods"
    )
    valid_from = models.DateField("từ ngày")
    kind = models.CharField("loại hình", max_length=20, choices=AgencyKind.choices)
    superior_level = models.CharField(
        "cấp của cơ quan cấp trên", max_length=20, choices=LocalLevel.choices
    )
    superior_name = models.CharField(
        "cơ quan cấp trên", max_length=255, help_text="Ví dụ: Ủy ban nhân dân huyện Thạch Bình."
    )
    note = models.CharField("căn cứ", max_length=255, blank=True)

    class Meta:
        verbose_name = "giai đoạn của cơ quan"
        verbose_name_plural = "lịch sử cơ quan"
        ordering = ["agency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "valid_from"], name="agency_period_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency} từ {self.valid_from:%d/%m/%Y}: {self.superior_name}"


class UnitKind(models.TextChoices):
    BOARD = "ban", "Ban"
    OFFICE = "van_phong", "Văn phòng"
    DIVISION = "phong", "Phòng"
    COMMITTEE = "uy_ban", "Ủy ban"
    TEAM = "to", "Tổ"
    OTHER = "khac", "Khác"


class Unit(models.Model):
    """A unit inside an agency (Ban, Văn phòng, Phòng, Tổ), as a tree."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.SlugField("mã", max_length=60)
    name = models.CharField("tên", max_length=255)
    abbreviation = models.CharField("chữ viết tắt", max_length=20, blank=True)
    kind = models.CharField(
        "loại", max_length=20, choices=UnitKind.choices, default=UnitKind.DIVISION
    )
    position = models.PositiveIntegerField("thứ tự", default=0)
    task_group = models.CharField(
        "nhóm có nhiệm vụ tương đồng",
        max_length=80,
        blank=True,
        default="",
        db_default="",
        help_text="Để trống: cả cơ quan là một nhóm. Tỷ lệ Hoàn thành xuất sắc nhiệm vụ được "
        "tính trên toàn cơ quan và trên từng nhóm.",
    )

    class Meta:
        verbose_name = "đơn vị trực thuộc"
        verbose_name_plural = "đơn vị trực thuộc"
        ordering = ["agency", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_in_agency")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:unit", args=[self.agency.code, self.code])


class Gender(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class StaffCategory(models.TextChoices):
    """The law's staff categories (hoinghi.law.evaluation.StaffCategory), as model choices."""

    CADRE = LawStaffCategory.CADRE.value, STAFF_CATEGORY_LABELS[LawStaffCategory.CADRE]
    CIVIL_SERVANT = (
        LawStaffCategory.CIVIL_SERVANT.value,
        STAFF_CATEGORY_LABELS[LawStaffCategory.CIVIL_SERVANT],
    )
    PUBLIC_EMPLOYEE = (
        LawStaffCategory.PUBLIC_EMPLOYEE.value,
        STAFF_CATEGORY_LABELS[LawStaffCategory.PUBLIC_EMPLOYEE],
    )
    WORKER = LawStaffCategory.WORKER.value, STAFF_CATEGORY_LABELS[LawStaffCategory.WORKER]
    CONTRACT = LawStaffCategory.CONTRACT.value, STAFF_CATEGORY_LABELS[LawStaffCategory.CONTRACT]


class Person(models.Model):
    """Cán bộ, công chức, viên chức, người lao động of one agency."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="people"
    )
    staff_code = models.CharField("mã cán bộ", max_length=40)
    full_name = models.CharField("họ và tên", max_length=120)
    gender = models.CharField("giới tính", max_length=3, choices=Gender.choices)
    date_of_birth = models.DateField("ngày sinh", null=True, blank=True)
    category = models.CharField("đối tượng", max_length=20, choices=StaffCategory.choices)
    party_member = models.BooleanField("đảng viên", default=False)
    union_member = models.BooleanField("đoàn viên công đoàn", default=True)
    joined_on = models.DateField("ngày vào cơ quan", null=True, blank=True)
    left_on = models.DateField("ngày thôi việc", null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    # Derived from full_name, kept for ordering and accent-insensitive search in the database.
    sort_key = models.CharField(max_length=400, editable=False, db_index=True, default="")
    search_text = models.CharField(max_length=200, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = "cán bộ, công chức, viên chức, người lao động"
        verbose_name_plural = "cán bộ, công chức, viên chức, người lao động"
        ordering = ["sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "staff_code"], name="person_staff_code_unique_in_agency"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.full_name = nfc(self.full_name)
        self.sort_key = name_sort_key(self.full_name)
        self.search_text = fold(f"{self.full_name} {self.staff_code}")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("org:person", args=[self.agency.code, self.staff_code])

    def is_on_staff(self, on: date) -> bool:
        return (self.joined_on is None or self.joined_on <= on) and (
            self.left_on is None or on <= self.left_on
        )


class AgencyRole(models.TextChoices):
    """A position's place in the agency's own leadership, whatever its title says.

    Law 10/2022 Art 60.2 bars the agency's head, the head's deputies and the chief accountant
    from the Ban thanh tra nhân dân; a department's deputy (Phó Trưởng phòng) is not barred.
    """

    NONE = "", "Không"
    HEAD = "head", "Người đứng đầu cơ quan, đơn vị"
    DEPUTY = "deputy", "Cấp phó của người đứng đầu cơ quan, đơn vị"
    CHIEF_ACCOUNTANT = "chief_accountant", "Kế toán trưởng"


class Position(models.Model):
    """A person's place in a unit with a title over a period (chức vụ, vị trí)."""

    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.CASCADE, related_name="positions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField("chức danh", max_length=120)
    is_leader = models.BooleanField("lãnh đạo", default=False)
    is_head = models.BooleanField("người đứng đầu đơn vị", default=False)
    agency_role = models.CharField(
        "vị trí trong lãnh đạo cơ quan",
        max_length=20,
        choices=AgencyRole.choices,
        default=AgencyRole.NONE,
        db_default=AgencyRole.NONE,
        blank=True,
    )
    valid_from = models.DateField("từ ngày")
    valid_to = models.DateField("đến ngày", null=True, blank=True)

    class Meta:
        verbose_name = "chức vụ, vị trí công tác"
        verbose_name_plural = "chức vụ, vị trí công tác"
        ordering = ["person", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="position_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.unit}"


class TrainingKind(models.TextChoices):
    DEGREE = "bang_cap", "Đào tạo có bằng cấp"
    POLITICAL = "ly_luan_chinh_tri", "Lý luận chính trị"
    STATE_MANAGEMENT = "quan_ly_nha_nuoc", "Quản lý nhà nước"
    SHORT_COURSE = "boi_duong", "Bồi dưỡng ngắn hạn"


class Training(models.Model):
    """Đào tạo, bồi dưỡng: one course a person took."""

    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.CASCADE, related_name="trainings"
    )
    kind = models.CharField("loại", max_length=30, choices=TrainingKind.choices)
    name = models.CharField("tên khóa học", max_length=255)
    institution = models.CharField("cơ sở đào tạo", max_length=255, blank=True)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày", null=True, blank=True)

    class Meta:
        verbose_name = "đào tạo, bồi dưỡng"
        verbose_name_plural = "đào tạo, bồi dưỡng"
        ordering = ["person", "-starts_on"]

    def __str__(self) -> str:
        return self.name


class WorkYearState(models.TextChoices):
    OPEN = "open", "Đang mở"
    CLOSED = "closed", "Đã khóa sổ"


class WorkYear(models.Model):
    """Năm công tác: the frame every record of the annual cycle hangs on.

    The conference named "năm 2024" is held early in 2024 and reviews work year 2023.
    """

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="work_years"
    )
    year = models.PositiveIntegerField("năm")
    starts_on = models.DateField("ngày bắt đầu")
    ends_on = models.DateField("ngày kết thúc")
    state = models.CharField(
        "trạng thái", max_length=10, choices=WorkYearState.choices, default=WorkYearState.OPEN
    )
    pinned_regimes = models.JSONField(
        "chế độ pháp lý áp dụng",
        default=dict,
        blank=True,
        help_text='Chế độ được giữ theo điều khoản chuyển tiếp, ví dụ {"evaluation": "D90"}.',
    )

    class Meta:
        verbose_name = "năm công tác"
        verbose_name_plural = "năm công tác"
        ordering = ["agency", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="work_year_unique"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="work_year_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"Năm công tác {self.year}"

    @property
    def is_closed(self) -> bool:
        return self.state == WorkYearState.CLOSED


class Role(models.TextChoices):
    ADMIN = "quan_tri", "Quản trị"
    CLERK = "van_thu", "Văn thư"
    LEADER = "lanh_dao", "Lãnh đạo"
    UNIT_HEAD = "truong_don_vi", "Trưởng đơn vị"
    UNION = "cong_doan", "Công đoàn"
    COUNCIL = "hoi_dong_thi_dua", "Hội đồng thi đua"
    INSPECTION_BOARD = "ban_thanh_tra", "Ban thanh tra nhân dân"
    STAFF = "can_bo", "Cán bộ"


class RoleAssignment(models.Model):
    """A role of a user, scoped to an agency, or to one unit of it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="roles",
    )
    role = models.CharField("vai trò", max_length=20, choices=Role.choices)
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="role_assignments"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )

    class Meta:
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        # One role once per scope. Two partial constraints rather than NULLS NOT DISTINCT, so
        # an agency-wide role (no unit) is unique on SQLite as well as on PostgreSQL.
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "agency", "unit"],
                condition=models.Q(unit__isnull=False),
                name="role_assignment_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "agency"],
                condition=models.Q(unit__isnull=True),
                name="role_assignment_unique_agency_wide",
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit or self.agency
        return f"{self.get_role_display()} — {scope}"


# The preview of a staff import lives with the import code (hoinghi/org/imports/).
from hoinghi.org.imports.models import StaffImport, StaffImportState  # noqa: E402, F401, I001
from hoinghi.org.accounts.models import LoginLetter  # noqa: E402, F401, I001


class LawDomain(models.TextChoices):
    CONFERENCE = "conference", "Hội nghị, Ban thanh tra nhân dân"
    EVALUATION = "evaluation", "Đánh giá, xếp loại"
    EMULATION = "emulation", "Thi đua, khen thưởng"
    DOCUMENTS = "documents", "Văn bản (số, ký hiệu)"


class AgencyRegulation(models.Model):
    """Quy chế của cơ quan: the options the law leaves to the agency, as the agency set them.

    ``values`` holds only the options the agency changed (e.g. ``{"council_share": "2/3"}``);
    every other option keeps the law package's default. A new regulation adds a row with its
    own ``valid_from``; a decision reads the row in force on its date.
    """

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="regulations"
    )
    domain = models.CharField("lĩnh vực", max_length=20, choices=LawDomain.choices)
    values = models.JSONField("các lựa chọn", default=dict, blank=True)
    regulation = models.CharField(
        "căn cứ",
        max_length=255,
        help_text="Ví dụ: Quy chế số 05-QC/VPHU ngày 10/01/2024 về thi đua, khen thưởng.",
    )
    valid_from = models.DateField("áp dụng từ ngày")

    class Meta:
        verbose_name = "quy chế của cơ quan"
        verbose_name_plural = "quy chế của cơ quan"
        ordering = ["agency", "domain", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "domain", "valid_from"], name="agency_regulation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()} — {self.regulation}"
