"""Each step of the year from the command line, over the services, acting as a named user.

The whole year end of the demo district office: eligibility, the council's judgement of
units, the list (tờ trình), the council's secret ballot through the vote engine, the head's
decision and the numbered document; refusals exit non-zero with the argument named.
"""

from __future__ import annotations

import re
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from hoinghi.cli import main
from hoinghi.documents.models import Document, DocumentState
from hoinghi.emulation.models import Award, Eligibility, Proposal, ProposalState, UnitJudgement
from hoinghi.emulation.tests.builders import district_year
from hoinghi.evaluation import services
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.evaluation.tests.conftest import proposed
from hoinghi.org.demo import load_demo
from hoinghi.org.models import WorkYear
from hoinghi.plans.models import PlanItem
from hoinghi.plans.tests.test_import_and_views import xlsx
from hoinghi.testing import World, make_person
from hoinghi.voting.models import Ballot

pytestmark = pytest.mark.django_db
YEAR = {"agency": "co-quan-huyen-uy", "year": 2023}


@pytest.fixture(autouse=True)
def media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


NAMES = {"username": "--as", "slug": "--type", "output": "--output"}


def run(name: str, *args: str, **options: object) -> str:
    """The command as typed: every option through the parser (its types and checks)."""
    argv = list(args)
    for key, value in options.items():
        flag = NAMES.get(key, "--" + key.replace("_", "-"))
        for one in value if isinstance(value, list) else [value]:
            argv += [flag, str(one)]
    out = StringIO()
    call_command(name, *argv, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_year_end_from_eligibility_to_a_numbered_decision(tmp_path: Path) -> None:
    work_year = district_year(2023, judged=False)
    out = run("emulation_eligibility", username="vanthu", **YEAR)
    assert "Chiến sĩ thi đua cơ sở: 4 đủ điều kiện" in out
    assert "Đã xét 32 người" in out
    assert Eligibility.objects.filter(work_year=work_year).exists()
    for unit in ("van-phong", "ban-tuyen-giao"):
        run("emulation_judge", unit=unit, active="có", unity="có", username="hoidong", **YEAR)
    assert UnitJudgement.objects.filter(work_year=work_year, unity=True).count() == 2
    out = run(
        "emulation_propose",
        title=["ldtt", "cstdcs"],
        subject="Đề nghị công nhận danh hiệu thi đua năm 2023",
        number="12-TTr/VPHU",
        on="10/12/2023",
        username="vanthu",
        **YEAR,
    )
    pk = int(re.search(r"số thứ tự (\d+) \((\d+) đề nghị\)", out).group(1))  # type: ignore[union-attr]
    assert "(36 đề nghị)" in out
    assert "1 thành viên" in run("emulation_council_open", proposal=pk, username="vanthu", **YEAR)
    receipt = run(
        "emulation_council_vote", proposal=pk, choice="tan-thanh", username="hoidong", **YEAR
    )
    assert "Mã biên nhận:" in receipt
    proposal = Proposal.objects.get(pk=pk)
    assert not Ballot.objects.filter(poll=proposal.poll, voter__isnull=False).exists()
    out = run("emulation_council_close", proposal=pk, username="vanthu", **YEAR)
    assert "thông qua tờ trình" in out and "1 phiếu tán thành" in out
    out = run(
        "emulation_decide",
        proposal=pk,
        number="15-QĐ/HU",
        signed_on="2024-01-15",
        signer="Trần Minh Khoa",
        username="vanthu",
        **YEAR,
    )
    assert "Quyết định số 15-QĐ/HU: 36 khen thưởng" in out
    assert Proposal.objects.get(pk=pk).state == ProposalState.DECIDED
    assert Award.objects.filter(work_year=work_year, bonus_amount=1_800_000).count() == 4
    target = tmp_path / "qd.docx"
    out = run(
        "documents_issue",
        slug="quyet-dinh-cong-nhan-danh-hieu",
        on="16/01/2024",
        output=str(target),
        username="vanthu",
        **YEAR,
    )
    document = Document.objects.get(kind="quyet-dinh-cong-nhan-danh-hieu")
    assert document.state == DocumentState.ISSUED and document.number == 1
    assert "(Số 01-QĐ/HU) ngày 16/01/2024" in out and document.number_text == "Số 01-QĐ/HU"
    assert target.read_bytes()[:2] == b"PK"


def test_refusals_name_the_argument_and_change_nothing() -> None:
    district_year(2023)
    with pytest.raises(CommandError, match="--as: «canbo» không có quyền: chỉ văn thư"):
        run("emulation_eligibility", username="canbo", **YEAR)
    with pytest.raises(CommandError, match="--as: không có tài khoản đang hoạt động «ai-do»"):
        run("emulation_eligibility", username="ai-do", **YEAR)
    with pytest.raises(CommandError, match="--year: .* chưa có năm công tác 2031"):
        run("emulation_eligibility", username="vanthu", agency=YEAR["agency"], year=2031)
    with pytest.raises(CommandError, match="--proposal: năm 2023 không có tờ trình số 99"):
        run("emulation_council_open", proposal=99, username="vanthu", **YEAR)
    with pytest.raises(CommandError, match="--title: Chưa có ai đủ điều kiện"):
        run("emulation_propose", title=["cstdcs"], subject="Tờ trình", username="vanthu", **YEAR)
    with pytest.raises(CommandError, match="--as: «vanthu» không có quyền: chỉ thành viên"):
        run("emulation_council_vote", proposal=1, choice="tan-thanh", username="vanthu", **YEAR)
    with pytest.raises(CommandError, match="--type: không có loại văn bản «khong-co»"):
        run("documents_issue", slug="khong-co", username="vanthu", **YEAR)
    assert not Eligibility.objects.exists() and not Proposal.objects.exists()
    assert not Document.objects.exists()


def test_a_refusal_exits_with_status_1_and_a_vietnamese_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    district_year(2023)
    # run_from_argv closes the connections when done: keep the test's transaction open.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    args = ["emulation", "eligibility", "--agency", "co-quan-huyen-uy", "--year", "2023"]
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--as", "canbo", "--skip-checks"])
    assert exit_.value.code == 1
    assert "--as: «canbo» không có quyền" in capsys.readouterr().err
    assert main([*args, "--as", "vanthu", "--skip-checks"]) == 0
    assert "Đã xét 32 người" in capsys.readouterr().out


def test_years_open_and_close_by_the_clerk_only(world: World) -> None:
    agency = {"agency": world.agency.code}
    run("year_open", year=2025, username="vt01", **agency)
    with pytest.raises(CommandError, match="--year: chỉ mở được năm tiếp theo .* năm 2026"):
        run("year_open", year=2027, username="vt01", **agency)
    with pytest.raises(CommandError, match="--as: «cb01» không có quyền"):
        run("year_open", year=2026, username="cb01", **agency)
    with pytest.raises(CommandError, match="--yes: thêm --yes"):
        run("year_close", year=2025, username="vt01", **agency)
    assert not WorkYear.objects.get(agency=world.agency, year=2025).is_closed
    assert "Đã khóa sổ năm công tác 2025." in run(
        "year_close", "--yes", year=2025, username="vt01", **agency
    )
    assert WorkYear.objects.get(agency=world.agency, year=2025).is_closed
    with pytest.raises(CommandError, match="--year: Năm công tác 2025 đã khóa sổ"):
        run("year_close", "--yes", year=2025, username="vt01", **agency)


def test_the_leader_approves_a_units_list_and_an_over_cap_list_is_refused(world: World) -> None:
    year = WorkYear.objects.create(
        agency=world.agency, year=2026, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )
    people = [
        make_person(world.agency, f"VP{i:02}", f"Nguyễn Văn {chr(65 + i)}", unit=world.office)
        for i in range(12)
    ]
    for i, p in enumerate(people):
        proposed(p, year, "htxs" if i < 3 else "htt", "95" if i < 3 else "80")
    options = {"agency": world.agency.code, "year": 2026, "unit": "van-phong"}
    with pytest.raises(CommandError, match="--as: «td01» không có quyền: chỉ lãnh đạo"):
        run("evaluation_approve", username="td01", **options)
    with pytest.raises(CommandError, match="--unit van-phong: Danh sách vượt tỷ lệ"):
        run("evaluation_approve", username="ld01", **options)
    assert not PersonEvaluation.objects.filter(stage=Stage.APPROVED).exists()
    services.propose_rating(PersonEvaluation.objects.get(person=people[2]), rating="htt")
    out = run("evaluation_approve", username="ld01", on="10/12/2026", **options)
    assert "Đã quyết định xếp loại" in out
    assert PersonEvaluation.objects.filter(stage=Stage.APPROVED, rating="htxs").count() == 2


def test_year_is_the_work_year_under_review_for_every_document_and_report(
    tmp_path: Path,
) -> None:
    load_demo()
    minutes = {"agency": "co-quan-huyen-uy", "slug": "bien-ban-hoi-nghi"}
    out = run("documents_render", year=2023, output=str(tmp_path / "bb.docx"), **minutes)
    assert "Đã ghi" in out and (tmp_path / "bb.docx").read_bytes()[:2] == b"PK"
    run(
        "documents_render",
        year=2023,
        conference_date="19/01/2024",
        output=str(tmp_path / "bb2.docx"),
        **minutes,
    )
    with pytest.raises(
        CommandError, match="--year: .* chưa có Hội nghị tổng kết năm công tác 2024"
    ):
        run("documents_render", year=2024, output=str(tmp_path / "x.docx"), **minutes)
    with pytest.raises(
        CommandError, match="--conference-date: .* không có Hội nghị ngày 20/01/2024"
    ):
        run(
            "documents_render",
            year=2023,
            conference_date="20/01/2024",
            output=str(tmp_path / "x.docx"),
            **minutes,
        )
    with pytest.raises(CommandError, match="--conference-date: .* không có Hội nghị ngày"):
        run("report_summary", agency="co-quan-huyen-uy", year=2023, conference_date="2024-01-20")
    report = run(
        "report_summary", agency="co-quan-huyen-uy", year=2023, conference_date="19/01/2024"
    )
    assert "tổng kết, đánh giá kết quả hoạt động năm 2023" in report


def test_the_years_targets_are_imported_by_the_clerk_and_a_bad_row_writes_nothing(
    world: World, tmp_path: Path
) -> None:
    WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    good = tmp_path / "kh.xlsx"
    good.write_bytes(
        xlsx(
            [["Chỉ tiêu", "1", "Tin bài", "Nghị quyết", "van-phong", "", "tin", 120, "31/12/2023"]]
        )
    )
    options = {"agency": world.agency.code, "year": 2023}
    with pytest.raises(CommandError, match="--as: «cb01» không có quyền"):
        run("plans_import", str(good), username="cb01", **options)
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(xlsx([["Chỉ tiêu", "1", "Tin bài", "", "khong-co", "", "", None, ""]]))
    with pytest.raises(CommandError, match="file: không nhập: tệp «sai.xlsx» có 1 lỗi"):
        run("plans_import", str(bad), username="vt01", **options)
    assert not PlanItem.objects.exists()
    assert "Đã nhập 1 chỉ tiêu" in run("plans_import", str(good), username="vt01", **options)
    assert PlanItem.objects.get().unit.code == "van-phong"  # type: ignore[union-attr]
