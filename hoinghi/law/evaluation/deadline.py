"""Q16: the classification deadline (15/12; special cases 15/01 of the next year)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hoinghi.law import options as law_options
from hoinghi.law.citations import Confidence, cite
from hoinghi.law.evaluation.explain import make_result, reason
from hoinghi.law.evaluation.parameters import D90_FROM, DEADLINE_D90, DEADLINE_D233, DEADLINE_D335
from hoinghi.law.evaluation.vocabulary import EvaluationRegime
from hoinghi.law.instruments import D90, D233, D335
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Result


@dataclass(frozen=True, slots=True)
class DeadlineFacts:
    regime: EvaluationRegime
    evaluation_year: int
    classified_on: date | None = None  # when the classification was (or is planned to be) done
    special_case: bool = False  # a special case allowed up to 15/01 of the next year
    education: bool = False  # education follows the school year (Ministry of Education)


_TABLE = {
    EvaluationRegime.D90: DEADLINE_D90,
    EvaluationRegime.D335: DEADLINE_D335,
    EvaluationRegime.D233: DEADLINE_D233,
}


@rule(
    code="evaluation.deadline",
    version="D90-D335-D233",
    title="Thời hạn hoàn thành đánh giá, xếp loại chất lượng",
    cites=(cite(D90, 20), cite(D335), cite(D233, 15, 1, "b"), cite(D233, 9)),
    valid_from=D90_FROM,
    facts=DeadlineFacts,
    confidence=Confidence.SECONDARY,
)
def decide_deadline(
    facts: DeadlineFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """The last day for the classification; ``values["on_time"]`` when a date is given."""
    if facts.regime not in _TABLE:
        raise ValueError(f"evaluation.deadline: không áp dụng cho {facts.regime}")
    if facts.education:
        why = reason(
            "evaluation.deadline.education",
            "Ngành giáo dục: thời hạn theo năm học, theo hướng dẫn của Bộ Giáo dục và Đào tạo",
            cite(D233, 15, 1, "b"),
            Basis.AGENCY,
        )
        return make_result(
            "evaluation.deadline", "D90-D335-D233", on, None, (why,), {"on_time": None}
        )
    dated = _TABLE[facts.regime].at(on)
    (m1, d1), (m2, d2) = dated.value
    deadline = (
        date(facts.evaluation_year + 1, m2, d2)
        if facts.special_case
        else date(facts.evaluation_year, m1, d1)
    )
    on_time = None if facts.classified_on is None else facts.classified_on <= deadline
    text = (
        "Trường hợp đặc biệt: hoàn thành trước ngày {deadline}"
        if facts.special_case
        else "Hoàn thành đánh giá, xếp loại trước ngày {deadline}"
    )
    reasons = [
        reason("evaluation.deadline.date", text, dated.citation, deadline=f"{deadline:%d/%m/%Y}")
    ]
    if on_time is False:
        reasons.append(
            reason(
                "evaluation.deadline.late",
                "Xếp loại ngày {day}: quá thời hạn",
                dated.citation,
                day=f"{facts.classified_on:%d/%m/%Y}",
            )
        )
    return make_result(
        "evaluation.deadline", "D90-D335-D233", on, deadline, tuple(reasons), {"on_time": on_time}
    )
