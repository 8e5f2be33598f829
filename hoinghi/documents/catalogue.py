"""The document types of the cycle: one slug each, its context, its builder, its law type.

``kind("bien-ban-hoi-nghi").paper(source)`` gathers and builds in one call; batches call
``gather`` once and ``build`` per person where the context allows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hoinghi.documents import award_papers, builders, contexts, counting
from hoinghi.documents.contexts import Source
from hoinghi.documents.kinds import KIND_NAMES
from hoinghi.documents.layout import UNION_UNVERIFIED
from hoinghi.documents.paper import Paper
from hoinghi.law.documents import DocumentType

SINGLE_SERIES = "chung"  # one series for every type (D30 Art 15: the head's choice)
UNION_SERIES = "cong_doan:"


@dataclass(frozen=True)
class DocumentKind:
    slug: str  # a key of kinds.KIND_NAMES, which holds its Vietnamese name
    doc_type: DocumentType | None  # None: not a numbered administrative document
    gather: Callable[[Source], Any]
    build: Callable[[Any], Paper]
    person: str = "no"  # "no", "optional" or "required": does it take a person?
    issuer: str = "agency"  # "agency", or "union": the agency's trade union issues it
    description: str = ""  # shown with the type; says so when its layout is unverified

    @property
    def name(self) -> str:
        """Vietnamese, as listed to users."""
        return KIND_NAMES[self.slug]

    def paper(self, source: Source) -> Paper:
        return self.build(self.gather(source))

    @property
    def register_key(self) -> str:
        """The type's own series: the law's type ("quyet_dinh"), or the slug; the union's apart."""
        key = str(self.doc_type) if self.doc_type is not None else self.slug
        return f"{UNION_SERIES}{key}" if self.issuer == "union" else key

    def series(self, single: bool) -> str:
        """The series a number is taken from, when the agency numbers in one series or per type.

        The union is another issuing body: its documents always have series of their own.
        """
        if not single:
            return self.register_key
        return f"{UNION_SERIES}{SINGLE_SERIES}" if self.issuer == "union" else SINGLE_SERIES


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        "ke-hoach-hoi-nghi",
        DocumentType.KE_HOACH,
        contexts.gather_plan,
        builders.build_plan,
    ),
    DocumentKind(
        "giay-moi",
        DocumentType.GIAY_MOI,
        contexts.gather_invitation,
        builders.build_invitation,
        person="optional",
    ),
    DocumentKind(
        "bao-cao-hoat-dong",
        DocumentType.BAO_CAO,
        contexts.gather_activity_report,
        builders.build_activity_report,
    ),
    DocumentKind(
        "bien-ban-hoi-nghi",
        DocumentType.BIEN_BAN,
        contexts.gather_minutes,
        builders.build_minutes,
    ),
    DocumentKind(
        "nghi-quyet-hoi-nghi",
        DocumentType.NGHI_QUYET,
        contexts.gather_resolution,
        builders.build_resolution,
    ),
    DocumentKind(
        "cong-van-ket-qua-hoi-nghi",
        DocumentType.CONG_VAN,
        contexts.gather_results_letter,
        builders.build_results_letter,
    ),
    DocumentKind(
        "bien-ban-kiem-phieu",
        DocumentType.BIEN_BAN,
        contexts.gather_counting,
        counting.build_counting,
    ),
    DocumentKind(
        "quyet-dinh-cong-nhan-danh-hieu",
        DocumentType.QUYET_DINH,
        contexts.gather_titles_decision,
        award_papers.build_titles_decision,
    ),
    DocumentKind(
        "quyet-dinh-giay-khen",
        DocumentType.QUYET_DINH,
        contexts.gather_certificate_decision,
        award_papers.build_certificate_decision,
    ),
    DocumentKind(
        "quyet-dinh-giay-khen-cong-doan",
        DocumentType.QUYET_DINH,
        contexts.gather_union_certificate_decision,
        award_papers.build_union_certificate_decision,
        issuer="union",
        description=UNION_UNVERIFIED,
    ),
    DocumentKind(
        "to-trinh-khen-thuong",
        DocumentType.TO_TRINH,
        contexts.gather_proposal,
        award_papers.build_proposal,
    ),
    DocumentKind(
        "giao-uoc-thi-dua",
        None,
        contexts.gather_pledge,
        builders.build_pledge,
    ),
    DocumentKind(
        "thong-bao-xep-loai",
        DocumentType.THONG_BAO,
        contexts.gather_classification_notice,
        builders.build_classification_notice,
        person="optional",
    ),
    DocumentKind(
        "bao-cao-thanh-tich",
        None,
        contexts.gather_achievement_report,
        builders.build_achievement_report,
        person="required",
    ),
)
BY_SLUG = {k.slug: k for k in KINDS}
SLUG_CHOICES = [(k.slug, k.name) for k in KINDS]


class UnknownKind(LookupError):
    def __init__(self, slug: str) -> None:
        super().__init__(f'Không có loại văn bản "{slug}". Các loại: {", ".join(BY_SLUG)}.')
        self.message = str(self.args[0])


def kind(slug: str) -> DocumentKind:
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise UnknownKind(slug) from None
