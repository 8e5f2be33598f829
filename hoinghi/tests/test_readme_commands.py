"""Every ``hoinghi …`` line of the README's command block runs on the demo.

The block is read from README.md; each line is split as a shell would, its placeholders
filled (CODE: the demo district office; FILE.yaml, FILE.xlsx, KH.xlsx, CASES.json, …: files in
a temporary directory; N: the number the ``propose`` line printed), optional ``[…]`` parts
left out, and run in order against a database holding the demo. Only ``serve`` (a server
that runs until stopped) and the ``<lệnh manage.py>`` line (it stands for any Django
command) are skipped, each with its reason.

The demo's 2023 is decided already; its 2024 is open with no evaluation yet. Before the
``evaluation approve`` line the test enters what the browser would for 2024 (decided levels
of every unit but the Văn phòng, whose list the unit head has proposed, initiatives, the
registrations, the council's judgement of the other units), so the year-end lines act on it.
"""

from __future__ import annotations

import json
import re
import shlex
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from hoinghi.cli import COMMANDS
from hoinghi.documents.models import Document, DocumentState
from hoinghi.emulation.models import Award
from hoinghi.emulation.tests.builders import (
    RUNNERS_UP,
    STARS,
    add_initiative,
    classify,
    judge_units,
    people,
    rate_units,
    register_everyone,
)
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.law.cli import main as law_main
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.imports.samples import staff_rows, xlsx_bytes
from hoinghi.org.models import Agency, WorkYear
from hoinghi.plans.models import PlanItem
from hoinghi.plans.tests.test_import_and_views import xlsx

pytestmark = pytest.mark.django_db
README = Path(__file__).resolve().parents[2] / "README.md"
CODE = "co-quan-huyen-uy"
SKIPPED = {
    "serve": "chạy máy chủ đến khi bị dừng, không phải một bước kết thúc được",
    "<lệnh": "đại diện cho mọi lệnh manage.py, không phải một lệnh cụ thể",
}
CASE = {
    "question": "conference.quorum",
    "on": "2026-01-20",
    "facts": {"convened": 32, "present": 21},
}


def readme_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.startswith("hoinghi ")]


def words_of(line: str, files: dict[str, str]) -> list[str]:
    words = shlex.split(line, comments=True)[1:]
    kept: list[str] = []
    optional = False
    for word in words:
        optional = optional or word.startswith("[")
        if not optional:
            kept.append(files.get(word, word))
        optional = optional and not word.endswith("]")
    return kept


def enter_2024(agency: Agency) -> None:
    """What the clerk, the unit heads and the council enter in the browser for 2024."""
    work_year = WorkYear.objects.get(agency=agency, year=2024)
    classify(work_year, {code: Rating.EXCELLENT for code in STARS})
    rate_units(work_year)
    staff = people(agency)
    for code in STARS + RUNNERS_UP:
        add_initiative(staff[code], date(2024, 11, 20))
    register_everyone(work_year)
    judge_units(work_year)
    office = PersonEvaluation.objects.filter(work_year=work_year, unit__code="van-phong")
    for evaluation in office:
        evaluation.proposed_rating, evaluation.rating = evaluation.rating, ""
        evaluation.stage, evaluation.decided_on = Stage.PROPOSED, None
        evaluation.save()


def run(words: list[str]) -> str:
    if words[0] == "law":
        assert law_main(words[1:]) == 0, words
        return ""
    for prefix, command in COMMANDS.items():
        if command and tuple(words[: len(prefix)]) == prefix:
            words = [command, *words[len(prefix) :]]
            break
    out = StringIO()
    call_command(*words, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_every_readme_command_runs_on_the_demo(
    tmp_path: Path, settings: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "ds.xlsx").write_bytes(xlsx_bytes(staff_rows(3)))
    target = ["Chỉ tiêu", "1", "Tin bài", "Nghị quyết", "van-phong", "", "tin", 120, "31/12/2025"]
    (tmp_path / "kh.xlsx").write_bytes(xlsx([target]))
    (tmp_path / "cases.json").write_text(json.dumps(CASE), encoding="utf-8")
    files = {
        "CODE": CODE,
        "FILE.yaml": str(tmp_path / "agency.yaml"),
        "FILE.xlsx": str(tmp_path / "ds.xlsx"),
        "CASES.json": str(tmp_path / "cases.json"),
        "out.docx": str(tmp_path / "out.docx"),
        "qd.docx": str(tmp_path / "qd.docx"),
        "KH.xlsx": str(tmp_path / "kh.xlsx"),
    }
    lines = readme_lines()
    ran, skipped = [], []
    for line in lines:
        words = words_of(line, files)
        if words[0] in SKIPPED:
            skipped.append(words[0])
            continue
        if words[:2] == ["evaluation", "approve"]:
            enter_2024(Agency.objects.get(code=CODE))
        out = run(words)
        found = re.search(r"số thứ tự (\d+)", out)
        if found:
            files["N"] = found.group(1)
        ran.append(" ".join(words[:2]))
    assert sorted(skipped) == sorted(SKIPPED)
    assert len(ran) == len(lines) - len(SKIPPED) >= 20
    assert "N" in files and (tmp_path / "out.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "qd.docx").read_bytes()[:2] == b"PK"
    issued = Document.objects.get(kind="quyet-dinh-cong-nhan-danh-hieu", year=2024)
    assert issued.state == DocumentState.ISSUED and issued.number_text
    assert Award.objects.filter(work_year__year=2024, decision__number="05-QĐ/HU").exists()
    assert WorkYear.objects.get(agency__code=CODE, year=2024).is_closed
    assert PlanItem.objects.filter(work_year__year=2025, code="1").exists()
