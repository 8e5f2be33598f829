"""Choices of the emulation models, built from the law's vocabularies.

The titles and initiative levels are the law's (:mod:`hoinghi.law.emulation`); the issuers
of a decision and the outcome of a check are this app's.
"""

from __future__ import annotations

import enum

from hoinghi.law.emulation.vocabulary import (
    COLLECTIVE_TITLES,
    INITIATIVE_KIND_LABELS,
    INITIATIVE_LEVEL_LABELS,
    TITLE_LABELS,
    Title,
)

# Commendation forms (Giấy khen, Bằng khen) go to people and to collectives alike.
FORMS = frozenset({Title.GIAY_KHEN, Title.BANG_KHEN, Title.BANG_KHEN_THU_TUONG})
PERSON_TITLES = tuple(t for t in Title if t not in COLLECTIVE_TITLES)
UNIT_TITLES = tuple(t for t in Title if t in COLLECTIVE_TITLES or t in FORMS)


class Issuer(enum.StrEnum):
    """Who made a decision on titles."""

    HEAD = "head"  # the agency's head (Điều 80 Luật Thi đua, khen thưởng 2022)
    UPPER_STATE = "upper_state"  # a People's Committee chair, a minister, a province
    PARTY_COMMITTEE = "party"  # the Party committee (Đảng ủy, Huyện ủy…)
    UNION = "union"  # the trade union (Công đoàn)
    OTHER = "other"


ISSUER_LABELS: dict[Issuer, str] = {
    Issuer.HEAD: "Người đứng đầu cơ quan",
    Issuer.UPPER_STATE: "Cơ quan nhà nước cấp trên",
    Issuer.PARTY_COMMITTEE: "Cấp ủy Đảng",
    Issuer.UNION: "Công đoàn",
    Issuer.OTHER: "Cơ quan, tổ chức khác",
}


class Outcome(enum.StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.ELIGIBLE: "Đủ điều kiện",
    Outcome.NOT_ELIGIBLE: "Không đủ điều kiện",
}

TITLE_CHOICES = [(str(k), v) for k, v in TITLE_LABELS.items()]
INITIATIVE_KIND_CHOICES = [(str(k), v) for k, v in INITIATIVE_KIND_LABELS.items()]
INITIATIVE_LEVEL_CHOICES = [(str(k), v) for k, v in INITIATIVE_LEVEL_LABELS.items()]
ISSUER_CHOICES = [(str(k), v) for k, v in ISSUER_LABELS.items()]
OUTCOME_CHOICES = [(str(k), v) for k, v in OUTCOME_LABELS.items()]
