"""The Vietnamese news item of a year's conference, written from a YearSummary.

A news item as the agencies' own reports read: a headline; a lead with the date, the agency,
the conference, the place, its purpose, the attendance and the presidium; then the body in the
seed reports' order: what the conference heard and discussed; what the year achieved with
figures; the classification of units by name; the titles with counts and shares; other
recognitions; the staff's ratings; training; what the conference decided; who handed the awards
to which collectives and which people; the emulation pledge; the closing speech's points and
quote as the secretary recorded them; and a byline. A paragraph (or a sentence) whose data is
absent is left out, never invented. The leaders edit the item before publishing it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.instruments import D04, D59, L10, Instrument
from hoinghi.reports.numbers import count, day, names, percent, ratio, share
from hoinghi.reports.selectors import (
    AwardFigure,
    ClosingSpeech,
    ConferenceFigures,
    TitleFigure,
    VoteFigure,
    YearSummary,
)

# A title and the higher one counted "trong đó" (among them) in the same sentence.
PAIRS = (
    (Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC),
    (Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO),
)


@dataclass(frozen=True)
class NewsItem:
    headline: str
    lead: str
    body: list[str]
    byline: str = ""

    @property
    def text(self) -> str:
        """Lead and body, one paragraph per blank line (what is stored and edited)."""
        return "\n\n".join(p for p in [self.lead, *self.body] if p)


def compose_news(summary: YearSummary, *, byline: str = "") -> NewsItem:
    body = [
        legality(summary),
        proceedings(summary),
        achievements(summary),
        emulation(summary),
        people(summary),
        training(summary),
        decisions(summary),
        awards_and_pledge(summary),
        closing(summary),
    ]
    return NewsItem(headline(summary), opening(summary), [p for p in body if p], byline)


def write_news(summary: YearSummary) -> str:
    return compose_news(summary).text


def headline(s: YearSummary) -> str:
    c = s.conference
    if c is None:
        return f"{s.agency_short_name}: kết quả công tác năm {s.year}"
    return f"{s.agency_short_name} tổ chức Hội nghị {s.staff_noun} năm {c.year}"


def opening(s: YearSummary) -> str:
    c = s.conference
    if c is None:
        return ""
    place = f" tại {c.place}" if c.place else ""
    text = (
        f"{day(c.held_on).capitalize()}, {s.agency_short_name} tổ chức Hội nghị {s.staff_noun} "
        f"năm {c.year}{place} nhằm tổng kết, đánh giá kết quả hoạt động năm {s.year} và triển "
        f"khai phương hướng, nhiệm vụ năm {s.year + 1}. Dự hội nghị có "
        f"{ratio(c.present, c.convened)} {s.staff_noun} cơ quan"
    )
    return text + _presidium(c.presidium) + "."


def _presidium(members: list[str]) -> str:
    """The presidium: its head first (the selector's order)."""
    if not members:
        return ""
    if len(members) == 2:
        return (
            f"; Đoàn Chủ tịch hội nghị do đồng chí {members[0]} và đồng chí {members[1]} "
            "đồng chủ trì"
        )
    if len(members) == 1:
        return f"; đồng chí {members[0]} chủ trì hội nghị"
    return (
        "; Đoàn Chủ tịch hội nghị gồm đồng chí "
        + ", đồng chí ".join(members)
        + f", do đồng chí {_name_of(members[0])} chủ trì"
    )


def _name_of(named: str) -> str:
    """ "Nguyễn Văn Hợp - Trưởng Ban" → "Nguyễn Văn Hợp"."""
    return named.split(" - ", 1)[0]


def achievements(s: YearSummary) -> str:
    done = []
    if s.targets_total:
        done.append(f"{ratio(s.targets_done, s.targets_total)} chỉ tiêu")
    if s.tasks_total:
        done.append(f"{ratio(s.tasks_done, s.tasks_total)} nhiệm vụ")
    sentences = []
    if done:
        sentences.append(
            f"Trong năm {s.year}, {s.agency_short_name} đã hoàn thành {', '.join(done)} được giao."
        )
    if s.unit_ratings:
        groups = "; ".join(
            f"{count(g.count)} đơn vị {g.label} ({names(g.names)})" for g in s.unit_ratings
        )
        who = s.unit_issuer or "cơ quan"
        sentences.append(f"Cuối năm, {who} đánh giá, xếp loại {groups}.")
    return " ".join(sentences)


def emulation(s: YearSummary) -> str:
    clauses = [c for c in (_title_clause(s, *pair) for pair in PAIRS) if c]
    paired = {t for pair in PAIRS for t in pair}
    clauses += [_single(s, f) for f in s.titles if f.title not in paired]
    clauses += [
        _recognition(s, r.name, r.scope, r.count, r.base, r.holders) for r in s.recognitions
    ]
    if not clauses:
        return ""
    text = "; ".join(clauses)
    return text[0].upper() + text[1:] + "."


def _title_clause(s: YearSummary, base_title: Title, higher_title: Title) -> str:
    base, higher = s.title(base_title), s.title(higher_title)
    if base is None and higher is None:
        return ""
    if base is None:
        assert higher is not None
        return _single(s, higher)
    text = _single(s, base)
    if higher is not None:
        if higher.collective:
            text += f", trong đó {names(higher.holders)} đạt danh hiệu “{higher.label}”"
        else:
            text += f", trong đó có {count(higher.awarded)} {_noun(higher)} đạt danh hiệu “{higher.label}”"
    return text


def _noun(figure: TitleFigure) -> str:
    return "tập thể" if figure.collective else "cá nhân"


def _single(s: YearSummary, f: TitleFigure) -> str:
    by = f"{names(f.issuers)} công nhận " if f.issuers else ""
    if f.collective:
        return f"{by}{ratio_two(f.awarded, f.base)} tập thể đạt danh hiệu “{f.label}”"
    if f.title == Title.LAO_DONG_TIEN_TIEN:
        return f"{share(f.awarded, f.base)} {s.staff_noun} đạt danh hiệu “{f.label}”"
    return f"{count(f.awarded)} cá nhân đạt danh hiệu “{f.label}”"


def ratio_two(part: int, whole: int) -> str:
    """ "05/05" (collectives are counted with two digits on both sides)."""
    return f"{count(part)}/{count(whole)}"


def _recognition(
    s: YearSummary, name: str, scope: str, n: int, base: int, holders: list[str]
) -> str:
    if scope == "people":
        return f"{share(n, base)} {s.staff_noun} đạt “{name}”"
    if scope == "units":
        return f"{names(holders)} đạt “{name}”"
    return f"{s.agency_short_name} đạt “{name}”"


def people(s: YearSummary) -> str:
    if not s.people_ratings:
        return ""
    groups = ", ".join(f"{count(g.count)} người {g.label}" for g in s.people_ratings)
    return f"Về đánh giá, xếp loại chất lượng {s.staff_noun} năm {s.year}: {groups}."


def training(s: YearSummary) -> str:
    if not s.training_courses:
        return ""
    return (
        f"Trong năm, có {count(s.training_courses)} lượt {s.staff_noun} được cơ quan tạo điều kiện "
        "tham gia đào tạo, bồi dưỡng nâng cao trình độ."
    )


# The texts a conference is held under, each applied while in force on the conference's date.
CONFERENCE_TEXTS = (L10, D59, D04)


def legality(s: YearSummary) -> str:
    """ "Hội nghị được tiến hành theo quy định của …": the texts in force on its date."""
    c = s.conference
    if c is None:
        return ""
    texts = [_instrument_phrase(i) for i in CONFERENCE_TEXTS if i.in_force(c.held_on)]
    if not texts:
        return ""
    return f"Hội nghị được tiến hành theo đúng quy định của {' và '.join(texts)}."


def _instrument_phrase(text: Instrument) -> str:
    """ "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về …" as news write it."""
    signed = text.signed_on.strftime("%d/%m/%Y")
    kind = "Nghị định "
    if text.name.startswith(kind):
        return f"{kind}số {text.number} ngày {signed} của {text.issuer} {text.name[len(kind) :]}"
    return f"{text.name} số {text.number}"


def proceedings(s: YearSummary) -> str:
    """What the conference heard and discussed (the seed reports open the body with it)."""
    c = s.conference
    if c is None:
        return ""
    heard = [_lower_first(r) for r in c.reports if not r.startswith("Dự thảo")]
    drafts = [_lower_first(r) for r in c.reports if r.startswith("Dự thảo")]
    if not heard and not drafts:
        return ""
    text = "Tại hội nghị, các đại biểu đã " + (f"nghe {'; '.join(heard)}; " if heard else "")
    text += f"góp ý {'; '.join(drafts)}; " if drafts else ""
    return (
        text + "thảo luận, đánh giá những tồn tại, hạn chế và bàn giải pháp thực hiện nhiệm vụ "
        f"năm {s.year + 1}."
    )


def decisions(s: YearSummary) -> str:
    c = s.conference
    if c is None:
        return ""
    sentences = [vote_sentence(v) for v in c.votes]
    if c.elected:
        sentences.append(
            f"Hội nghị đã bầu Ban Thanh tra nhân dân gồm {count(len(c.elected))} thành viên: "
            f"{names(c.elected)}."
        )
    if c.targets:
        sentences.append(
            f"Hội nghị xác định các chỉ tiêu năm {s.year + 1}: "
            + "; ".join(_lower_first(t) for t in c.targets)
            + "."
        )
    return " ".join(sentences)


def vote_sentence(v: VoteFigure) -> str:
    if v.adopted and v.votes_for == v.present:
        return f"Hội nghị nhất trí 100% {v.title}."
    figures = (
        f"{ratio(v.votes_for, v.present)} đại biểu tán thành, đạt {percent(v.votes_for, v.present)}"
    )
    if v.adopted:
        return f"Hội nghị thông qua {v.title} với {figures}."
    return f"{v.title} chưa được thông qua ({figures})."


def awards_and_pledge(s: YearSummary) -> str:
    c = s.conference
    if c is None:
        return ""
    sentences = []
    given = _awards_given(c.awards)
    if given:
        by = f"Đồng chí {c.awards_by} đã trao" if c.awards_by else "Hội nghị đã công bố và trao"
        sentences.append(
            f"{by} danh hiệu thi đua, hình thức khen thưởng cho các tập thể, cá nhân đạt thành "
            f"tích xuất sắc trong phong trào thi đua năm {s.year}: {given}."
        )
    if c.pledge_text or c.pledge_signers:
        sentences.append(_pledge(s, c))
    return " ".join(sentences)


def _awards_given(awards: list[AwardFigure]) -> str:
    """ "“Giấy khen” cho 02 tập thể (…) và 03 cá nhân (…)", per title, collectives apart."""
    by_title: dict[str, tuple[list[str], list[str]]] = {}
    for award in awards:
        units, persons = by_title.setdefault(award.title, ([], []))
        (units if award.collective else persons).append(award.recipient)
    parts = []
    for title, (units, persons) in by_title.items():
        groups = [f"{count(len(units))} tập thể ({names(units)})"] if units else []
        groups += [f"{count(len(persons))} cá nhân ({names(persons)})"] if persons else []
        parts.append(f"“{title}” cho {' và '.join(groups)}")
    return "; ".join(parts)


def _pledge(s: YearSummary, c: ConferenceFigures) -> str:
    if len(c.pledge_signers) >= 2:
        who = ", ".join(f"đồng chí {n}" for n in c.pledge_signers[:-1])
        signed = f"; {who} và đồng chí {c.pledge_signers[-1]} ký kết giao ước thi đua"
    elif c.pledge_signers:
        signed = f"; đồng chí {c.pledge_signers[0]} ký kết giao ước thi đua"
    else:
        signed = " và ký kết giao ước thi đua"
    return f"Hội nghị đã phát động phong trào thi đua năm {s.year + 1}{signed}."


def closing(s: YearSummary) -> str:
    speech: ClosingSpeech | None = s.conference.closing if s.conference else None
    if speech is None:
        return ""
    text = f"Phát biểu kết luận hội nghị, đồng chí {speech.speaker}"
    if speech.points:
        points = [_lower_first(p.rstrip(" .;")) for p in speech.points]
        text += " đã " + "; ".join(points) + "."
    else:
        text += "."
    if speech.quote:
        quote = speech.quote.strip().strip('“”"')
        text += f" Đồng chí {_name_of(speech.speaker)} nhấn mạnh: “{quote}”."
    return text


def _lower_first(text: str) -> str:
    """Titles start with a capital ("Báo cáo …"); inside a sentence they read lower-case."""
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def conference_title(s: YearSummary) -> str:
    return f"Hội nghị {s.staff_noun} năm {s.conference.year}" if s.conference else ""
