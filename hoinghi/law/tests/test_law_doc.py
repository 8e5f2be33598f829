"""docs/law.md is what the code does: each example's output, each version line and facts table.

The examples run through the JSON command's own path (``evaluate_case``); when a rule changes,
``python -m hoinghi.law.reference docs/law.md --write`` rewrites the outputs and version lines,
and the change shows in the document's diff.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path

from hoinghi.law import options as law_options
from hoinghi.law.reference import BLOCK_RE, refresh, sections, table_drift
from hoinghi.law.registry import all_rules, load_all

DOC = Path(__file__).resolve().parents[3] / "docs" / "law.md"


def test_every_example_and_version_line_in_the_document_is_what_the_code_gives() -> None:
    text = DOC.read_text(encoding="utf-8")
    fresh = refresh(text)
    diff = "\n".join(difflib.unified_diff(text.split("\n"), fresh.split("\n"), lineterm="", n=1))
    assert fresh == text, f"docs/law.md differs from the code:\n{diff[:4000]}"


def test_the_document_has_examples_to_run() -> None:
    text = DOC.read_text(encoding="utf-8")
    labels = [m.group("label") for m in BLOCK_RE.finditer(text)]
    assert labels.count("Input") >= 50 and labels.count("Input") == labels.count("Output")


def test_every_facts_table_lists_the_fields_of_its_dataclass() -> None:
    assert table_drift(DOC.read_text(encoding="utf-8")) == []


def test_every_rule_has_its_section() -> None:
    load_all()
    documented = {s.code for s in sections(DOC.read_text(encoding="utf-8"))}
    assert {v.code for v in all_rules()} <= documented


def test_every_option_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    classes = (
        law_options.EvaluationOptions,
        law_options.EmulationOptions,
        law_options.CalendarOptions,
        law_options.DocumentOptions,
        law_options.ConferenceOptions,
    )
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in classes
        for f in dataclasses.fields(cls)
        if not re.search(rf"`(?:\w+\.)?{f.name}`", text)
    ]
    assert missing == []
