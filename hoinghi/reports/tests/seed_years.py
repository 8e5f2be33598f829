"""The seed years, recorded through the apps' services: what the two news reports say.

District office (co-quan-huyen-uy), work year 2023, conference of 19/01/2024: 4/4 targets;
Ban Thường vụ Huyện ủy rates two units excellent and three good; the district chair
recognises 05/05 units as TTLĐTT, two of them TTLĐXS; 32/32 LĐTT, 04 CSTĐCS; the agency is
"An toàn về an ninh trật tự" and rated "Tốt" on democracy; everyone "Gia đình văn hóa".

Ban Dân vận Tỉnh ủy, work year 2020, conference of 25/12/2020: 27/27 tasks; 08 training
courses (in the demo scenario); 15/15 present; the resolution adopted unanimously.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hoinghi.conference.models import Conference
from hoinghi.emulation.council import record_external_decision
from hoinghi.emulation.models import Recognition
from hoinghi.emulation.services import DecisionHeader
from hoinghi.emulation.vocabulary import Issuer
from hoinghi.evaluation import services as evaluation
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.demo import demo_paths
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.org.scenario import load_scenario_data
from hoinghi.org.scenario.files import read_file
from hoinghi.org.selectors import unit_on
from hoinghi.plans import services as plans
from hoinghi.plans.models import ItemKind

HERE = Path(__file__).parent / "scenarios"
DISTRICT, BDV = "co-quan-huyen-uy", "ban-dan-van-tinh-uy"
EXCELLENT_UNITS = ("van-phong", "ban-tuyen-giao")
STARS = ("HU01", "HU03", "HU20", "HU21")
DISTRICT_CHAIR = "Chủ tịch Ủy ban nhân dân huyện"


def load_agency(agency_file: str, conference_file: str | None) -> None:
    data = read_file(next(p for p in demo_paths() if p.name == agency_file))
    if conference_file:
        data["conferences"] = read_file(HERE / conference_file)["conferences"]
    load_scenario_data(data, source=agency_file)


def done_items(work_year: WorkYear, kind: str, n: int, units: list[Unit] | None = None) -> None:
    for i in range(n):
        item = plans.create_item(
            work_year,
            plans.ItemInput(kind=kind, title=f"{kind} {i + 1}", due_on=work_year.ends_on),
            unit=units[i % len(units)] if units else None,
        )
        plans.record_progress(item, progress_percent=100, completed_on=date(work_year.year, 12, 1))


def classify_people(work_year: WorkYear, excellent: tuple[str, ...]) -> None:
    """Decided classifications as the evaluation app stores them at the end of its flow."""
    PersonEvaluation.objects.bulk_create(
        PersonEvaluation(
            work_year=work_year,
            person=p,
            unit=unit_on(p, work_year.ends_on),
            regime="d90",
            stage=Stage.APPROVED,
            self_text="Tự đánh giá",
            self_rating="htt",
            rating="htxs" if p.staff_code in excellent else "htt",
            decided_on=work_year.ends_on,
        )
        for p in Person.objects.filter(agency=work_year.agency)
    )


def district_2023(*, conference: bool = True) -> WorkYear:
    load_agency("co-quan-huyen-uy.yaml", "hoi-nghi-huyen-uy-2024.yaml" if conference else None)
    work_year = WorkYear.objects.select_related("agency").get(agency__code=DISTRICT, year=2023)
    units = list(Unit.objects.filter(agency=work_year.agency).order_by("position", "name"))
    done_items(work_year, ItemKind.TARGET, 4)
    done_items(work_year, ItemKind.TASK, 27, units)
    evaluation.decide_unit_ratings(
        work_year,
        {u: "htxs" if u.code in EXCELLENT_UNITS else "htt" for u in units},
        issuer="Ban Thường vụ Huyện ủy",
        decision_number="125-QĐ/HU",
        decided_on=date(2023, 12, 20),
    )
    classify_people(work_year, STARS)
    staff = list(Person.objects.filter(agency=work_year.agency))
    chair = DecisionHeader(Issuer.UPPER_STATE, DISTRICT_CHAIR, "15/QĐ-UBND", date(2024, 1, 10))
    record_external_decision(work_year, chair, Title.TAP_THE_LAO_DONG_TIEN_TIEN, units=units)
    record_external_decision(
        work_year,
        DecisionHeader(Issuer.UPPER_STATE, DISTRICT_CHAIR, "16/QĐ-UBND", date(2024, 1, 10)),
        Title.TAP_THE_LAO_DONG_XUAT_SAC,
        units=[u for u in units if u.code in EXCELLENT_UNITS],
    )
    head = DecisionHeader(Issuer.HEAD, "Chánh Văn phòng Huyện ủy", "01-QĐ/VPHU", date(2024, 1, 8))
    record_external_decision(work_year, head, Title.LAO_DONG_TIEN_TIEN, people=staff)
    record_external_decision(
        work_year,
        DecisionHeader(Issuer.HEAD, "Chánh Văn phòng Huyện ủy", "02-QĐ/VPHU", date(2024, 1, 8)),
        Title.CHIEN_SI_THI_DUA_CO_SO,
        people=[p for p in staff if p.staff_code in STARS],
    )
    Recognition.objects.bulk_create(
        [
            Recognition(
                work_year=work_year, name="An toàn về an ninh trật tự", issuer="Công an huyện"
            ),
            Recognition(work_year=work_year, name="Thực hiện Quy chế dân chủ loại Tốt"),
            *[Recognition(work_year=work_year, name="Gia đình văn hóa", person=p) for p in staff],
        ]
    )
    return work_year


def ban_dan_van_2020(*, conference: bool = True) -> WorkYear:
    load_agency(
        "ban-dan-van-tinh-uy.yaml", "hoi-nghi-ban-dan-van-2021.yaml" if conference else None
    )
    work_year = WorkYear.objects.select_related("agency").get(agency__code=BDV, year=2020)
    done_items(work_year, ItemKind.TASK, 27)
    if conference:
        record_closing_speech(work_year)
    return work_year


CLOSING_POINTS = (
    "Biểu dương, ghi nhận và đánh giá cao những thành tích mà tập thể, cá nhân cơ quan đạt "
    "được trong năm 2020\n"
    "đề nghị cán bộ, công chức, người lao động cơ quan tiếp tục phát huy tinh thần đoàn kết, "
    "tích cực, chủ động, sáng tạo trong thực hiện nhiệm vụ"
)
CLOSING_QUOTE = "Dân vận khéo thì việc gì cũng thành công"


def record_closing_speech(work_year: WorkYear) -> None:
    """What the secretary records of the closing speech: the head of the presidium speaks."""
    conference = Conference.objects.get(agency=work_year.agency, year=work_year.year + 1)
    conference.closing_speaker = conference.presidium.order_by("sort_key").first()
    conference.closing_points = CLOSING_POINTS
    conference.closing_quote = CLOSING_QUOTE
    conference.save(update_fields=["closing_speaker", "closing_points", "closing_quote"])
