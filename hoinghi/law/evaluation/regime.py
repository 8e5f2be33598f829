"""Which text classifies a person: regime selection by category, evaluation year and pin.

docs/domain/README.md §0.3 and §3.1: D90 (+ D48) for evaluation years up to 2025; D335 for công chức from
2026; D233 for viên chức from 2026 (the 2026 round may stay on D90 under D233 Art 20.1).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from hoinghi.law import options as law_options
from hoinghi.law.citations import Confidence, cite
from hoinghi.law.evaluation.explain import make_result, reason
from hoinghi.law.evaluation.parameters import D90_FROM
from hoinghi.law.evaluation.vocabulary import (
    EVALUATION_REGIME_LABELS,
    STAFF_CATEGORY_LABELS,
    EvaluationRegime,
    StaffCategory,
)
from hoinghi.law.instruments import D48, D90, D233, D335
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result

R = EvaluationRegime
C = StaffCategory
TRANSITION_YEAR = 2026  # the year-end round D233 Art 20.1 lets a unit keep on D90


@dataclass(frozen=True, slots=True)
class RegimeFacts:
    category: StaffCategory
    evaluation_year: int
    in_public_service_unit: bool = False  # works in a đơn vị sự nghiệp công lập
    party_or_mass_org_unit: bool = False  # that unit belongs to the Party, Front or a mass org


_MSG = "{category}: năm đánh giá {year} áp dụng {regime}"


def _chosen(
    regime: EvaluationRegime, f: RegimeFacts, citation_key: str, basis: Basis = Basis.LAW
) -> Reason:
    citations = {
        "d90": cite(D90, 1),
        "d48": cite(D48, 1),
        "d335": cite(D335),
        "d233": cite(D233, 2),
        "d233_20_1": cite(D233, 20, 1),
        "d233_20_2": cite(D233, 20, 2),
        "d233_20_3": cite(D233, 20, 3),
        "none": None,
    }
    return reason(
        f"evaluation.regime.{regime.value}",
        _MSG,
        citations[citation_key],
        basis,
        category=STAFF_CATEGORY_LABELS[f.category],
        year=f.evaluation_year,
        regime=EVALUATION_REGIME_LABELS[regime],
    )


@functools.lru_cache(maxsize=4096)
def select_regime(
    f: RegimeFacts, options: law_options.EvaluationOptions
) -> tuple[EvaluationRegime, tuple[Reason, ...]]:
    """The regime and the reasons for it; cached, since a batch repeats a few keys."""
    year, cat = f.evaluation_year, f.category
    pin = options.pinned_regime
    notes: list[Reason] = []
    if pin is not None and not (
        pin is R.D90 and year == TRANSITION_YEAR and cat is C.PUBLIC_EMPLOYEE
    ):
        notes.append(
            reason(
                "evaluation.regime.pin_ignored",
                "Không áp dụng lựa chọn giữ {regime}: chỉ viên chức, năm đánh giá 2026 mới được "
                "tiếp tục áp dụng Nghị định số 90/2020/NĐ-CP",
                cite(D233, 20, 1),
                regime=EVALUATION_REGIME_LABELS[pin],
            )
        )
    if year < 2020:
        return R.NOT_COVERED, (
            reason(
                "evaluation.regime.before_d90",
                "Năm đánh giá {year} trước khi Nghị định số 90/2020/NĐ-CP có hiệu lực",
                cite(D90),
                year=year,
            ),
            *notes,
        )
    if cat in (C.WORKER, C.CONTRACT):
        if (
            year >= TRANSITION_YEAR
            and f.in_public_service_unit
            and options.contract_workers_under_d233
        ):
            return R.D233, (_chosen(R.D233, f, "d233_20_2", Basis.AGENCY), *notes)
        return R.NOT_COVERED, (
            reason(
                "evaluation.regime.not_covered",
                "{category} không thuộc đối tượng đánh giá, xếp loại chất lượng theo nghị định",
                cite(D233, 20, 2) if year >= TRANSITION_YEAR else cite(D90, 1),
                Basis.AGENCY if year >= TRANSITION_YEAR and f.in_public_service_unit else Basis.LAW,
                category=STAFF_CATEGORY_LABELS[cat],
            ),
            *notes,
        )
    if year < TRANSITION_YEAR:
        return R.D90, (_chosen(R.D90, f, "d90"), *notes)
    if cat is C.CIVIL_SERVANT:
        return R.D335, (_chosen(R.D335, f, "d335"), *notes)
    if cat is C.CADRE:
        chosen = options.cadre_regime
        return chosen, (_chosen(chosen, f, "none", Basis.UNVERIFIED), *notes)
    # viên chức from the 2026 round
    if f.party_or_mass_org_unit and not options.party_units_apply_d233:
        return R.NOT_COVERED, (
            reason(
                "evaluation.regime.party_unit",
                "Đơn vị sự nghiệp của Đảng, Mặt trận, tổ chức chính trị - xã hội không áp dụng "
                "Nghị định số 233/2026/NĐ-CP",
                cite(D233, 20, 3),
                Basis.AGENCY,
            ),
            *notes,
        )
    if pin is R.D90 and year == TRANSITION_YEAR:
        return R.D90, (_chosen(R.D90, f, "d233_20_1", Basis.AGENCY), *notes)
    key = "d233_20_3" if f.party_or_mass_org_unit else "d233"
    basis = Basis.AGENCY if f.party_or_mass_org_unit else Basis.LAW
    return R.D233, (_chosen(R.D233, f, key, basis), *notes)


@rule(
    code="evaluation.regime",
    version="D90-D335-D233",
    title="Văn bản áp dụng để đánh giá, xếp loại chất lượng",
    cites=(cite(D90, 1), cite(D48, 1), cite(D335), cite(D233, 2), cite(D233, 20)),
    valid_from=D90_FROM,
    facts=RegimeFacts,
    confidence=Confidence.SECONDARY,
)
def decide_regime(
    facts: RegimeFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """The regime that classifies ``facts.category`` for ``facts.evaluation_year``."""
    regime, reasons = select_regime(facts, options or law_options.EvaluationOptions())
    return make_result(
        "evaluation.regime",
        "D90-D335-D233",
        on,
        regime,
        reasons,
        {"pinned": (options is not None and options.pinned_regime is regime)},
    )
