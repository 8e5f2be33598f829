"""The registry: citations, regime changes, overlap detection and properties of the rules."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoinghi.law import registry
from hoinghi.law.citations import cite
from hoinghi.law.conference import (
    MotionTallyFacts,
    QuorumFacts,
    StaffFacts,
    decide,
    required_quorum,
    tally_motion,
)
from hoinghi.law.instruments import L10
from hoinghi.law.registry import all_rules, load_all, problems, rule, rule_for
from hoinghi.law.results import Result

load_all()
MINE = ("conference.", "inspection_board.", "documents.")


def test_the_registry_has_no_problems() -> None:
    assert problems() == []


@pytest.mark.parametrize(
    "version",
    [r for r in all_rules() if r.code.startswith(MINE)],
    ids=lambda r: f"{r.code} [{r.version}]",
)
def test_every_rule_cites_a_text_and_builds_facts(version: registry.RuleVersion) -> None:
    assert version.cites and version.facts is not None
    assert unicodedata.is_normalized("NFC", version.title)


@pytest.mark.parametrize(
    ("code", "facts", "before", "after"),
    [
        pytest.param(
            "conference.quorum",
            QuorumFacts(15, 15),
            "D04",
            "L10",
            id="quorum: Decree 04/2015 until 30/06/2023, Law 10/2022 from 01/07/2023",
        ),
        pytest.param(
            "conference.required",
            StaffFacts(5),
            "D04",
            "L10",
            id="5 staff: required under the old regime, optional under Law 10",
        ),
    ],
)
def test_regime_change(code: str, facts: object, before: str, after: str) -> None:
    old = decide(code, facts, on=date(2023, 6, 30))
    new = decide(code, facts, on=date(2023, 7, 1))
    assert (old.rule_version, new.rule_version) == (before, after)
    assert old.reasons[0].citation != new.reasons[0].citation
    if code == "conference.required":
        assert old.outcome != new.outcome


def test_an_overlapping_registration_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = {code: list(versions) for code, versions in registry._RULES.items()}
    monkeypatch.setattr(registry, "_RULES", scratch)

    @rule(
        code="conference.quorum",
        version="DUP",
        title="Trùng",
        cites=(cite(L10, 51),),
        valid_from=date(2024, 1, 1),
    )
    def duplicate(facts: QuorumFacts, *, on: date) -> Result:  # pragma: no cover
        raise AssertionError

    found = problems()
    assert any("conference.quorum" in p and "chồng lấn" in p for p in found)
    monkeypatch.undo()
    assert problems() == [] and len(registry.versions_of("conference.quorum")) == 2


def test_a_rule_without_citation_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_RULES", {})

    @rule(
        code="scratch.rule",
        version="X",
        title="Không trích dẫn",
        cites=(),
        valid_from=date(2024, 1, 1),
    )
    def uncited(facts: object, *, on: date) -> Result:  # pragma: no cover
        raise AssertionError

    assert problems() == ["Quy tắc scratch.rule (X) không có trích dẫn căn cứ pháp lý."]


DATES = st.dates(min_value=date(2016, 3, 1), max_value=date(2027, 12, 31))


@given(convened=st.integers(min_value=1, max_value=5000), on=DATES)
def test_quorum_is_the_least_number_that_satisfies_the_rule(convened: int, on: date) -> None:
    quorum = required_quorum(convened, on=on)
    assert decide("conference.quorum", QuorumFacts(convened, quorum), on=on).outcome is True
    if quorum > 0:
        below = decide("conference.quorum", QuorumFacts(convened, quorum - 1), on=on)
        assert below.outcome is False
    assert 3 * quorum >= 2 * convened > 3 * (quorum - 1)


@given(present=st.integers(min_value=1, max_value=5000), data=st.data(), on=DATES)
def test_a_motion_answers_the_same_for_the_same_facts(
    present: int, data: st.DataObject, on: date
) -> None:
    votes = data.draw(st.integers(min_value=0, max_value=present))
    first = tally_motion(MotionTallyFacts(present, votes), on=on)
    second = tally_motion(MotionTallyFacts(present, votes), on=on)
    assert first == second and first.to_dict() == second.to_dict()
    assert (first.outcome.value == "adopted") is (2 * votes > present)


@given(staff=st.integers(min_value=0, max_value=500), on=DATES)
def test_every_outcome_carries_a_citation(staff: int, on: date) -> None:
    for code in ("conference.required", "conference.attendance_form"):
        facts = StaffFacts(staff) if code == "conference.required" else None
        if facts is None:
            from hoinghi.law.conference import AttendanceFormFacts

            result = decide(code, AttendanceFormFacts(staff), on=on)
        else:
            result = decide(code, facts, on=on)
        assert result.citations
        assert all(unicodedata.is_normalized("NFC", r.text) for r in result.reasons)


def test_rule_for_picks_the_version_by_date() -> None:
    assert rule_for("conference.adoption", date(2023, 6, 30)).version == "D04"
    assert rule_for("conference.adoption", date(2023, 7, 1)).version == "L10"


def test_every_rule_version_cites_an_article_or_says_the_text_was_not_read() -> None:
    load_all()
    whole = {
        (v.code, v.version)
        for v in all_rules()
        if all(c.article is None and c.appendix is None for c in v.cites)
    }
    assert all(c.unread for v in all_rules() if (v.code, v.version) in whole for c in v.cites)
    by_code = {v.code: v for v in all_rules()}
    assert [c.render() for c in by_code["emulation.bonus"].cites][0].startswith("Điều 54")
    assert by_code["emulation.council_ballot"].cites[0].render().startswith("khoản 8 Điều 45")
    assert (
        by_code["emulation.no_double_reward"].cites[0].render().startswith("điểm c khoản 2 Điều 5")
    )


def test_every_instrument_has_its_number_and_dates_in_order() -> None:
    from hoinghi.law.instruments import all_instruments

    for instrument in all_instruments():
        assert instrument.number and instrument.signed_on <= instrument.effective_from
        assert (
            instrument.effective_to is None or instrument.effective_from <= instrument.effective_to
        )
        assert instrument.link == "" or instrument.link.startswith("https://")


def test_a_rule_citing_only_whole_texts_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from hoinghi.law.citations import Citation
    from hoinghi.law.instruments import L06

    monkeypatch.setattr(registry, "_RULES", {})

    @rule(
        code="scratch.whole",
        version="X",
        title="Thử",
        cites=(Citation(L06),),
        valid_from=date(2024, 1, 1),
    )
    def scratch(facts: object, *, on: date) -> Result:  # pragma: no cover
        raise AssertionError

    assert problems() == [
        "Quy tắc scratch.whole (X) chỉ trích dẫn cả văn bản, không nêu điều, khoản."
    ]
