"""The Vietnamese news report of a year and its conference, written from a YearSummary.

Paragraphs follow the seed reports: the conference (date, attendance, presidium); what the
year achieved with figures; the classification of units by name; the titles with counts and
shares; other recognitions; training; what the conference heard and decided; the awards and
the pledge. A paragraph (or a sentence) whose data is absent is left out, never invented.
"""

from __future__ import annotations

from hoinghi.law.emulation.vocabulary import Title
from hoinghi.reports.numbers import count, day, names, percent, ratio, share
from hoinghi.reports.selectors import ConferenceFigures, TitleFigure, VoteFigure, YearSummary

STAFF = "cán bộ, công chức, người lao động"
# A title and the higher one counted "trong đó" (among them) in the same sentence.
PAIRS = (
    (Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC),
    (Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO),
)


def write_news(summary: YearSummary) -> str:
    paragraphs = [
        opening(summary),
        achievements(summary),
        emulation(summary),
        people(summary),
        training(summary),
        proceedings(summary),
        awards_and_pledge(summary),
    ]
    return "\n\n".join(p for p in paragraphs if p)


def opening(s: YearSummary) -> str:
    c = s.conference
    if c is None:
        return ""
    text = (
        f"{day(c.held_on).capitalize()}, {s.agency_short_name} tổ chức Hội nghị {STAFF} năm "
        f"{c.year} nhằm tổng kết, đánh giá kết quả hoạt động năm {s.year} và triển khai "
        f"phương hướng, nhiệm vụ năm {s.year + 1}. Dự hội nghị có {ratio(c.present, c.convened)} "
        f"{STAFF} cơ quan"
    )
    if c.presidium:
        text += "; Đoàn Chủ tịch hội nghị gồm đồng chí " + ", đồng chí ".join(c.presidium)
    return text + "."


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
    clauses += [_single(f) for f in s.titles if f.title not in paired]
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
        return _single(higher)
    text = _single(base)
    if higher is not None:
        if higher.collective:
            text += f", trong đó {names(higher.holders)} đạt danh hiệu “{higher.label}”"
        else:
            text += f", trong đó có {count(higher.awarded)} {_noun(higher)} đạt danh hiệu “{higher.label}”"
    return text


def _noun(figure: TitleFigure) -> str:
    return "tập thể" if figure.collective else "cá nhân"


def _single(f: TitleFigure) -> str:
    by = f"{names(f.issuers)} công nhận " if f.issuers else ""
    if f.collective:
        return f"{by}{ratio_two(f.awarded, f.base)} tập thể đạt danh hiệu “{f.label}”"
    if f.title == Title.LAO_DONG_TIEN_TIEN:
        return f"{share(f.awarded, f.base)} {STAFF} đạt danh hiệu “{f.label}”"
    return f"{count(f.awarded)} cá nhân đạt danh hiệu “{f.label}”"


def ratio_two(part: int, whole: int) -> str:
    """ "05/05" (collectives are counted with two digits on both sides)."""
    return f"{count(part)}/{count(whole)}"


def _recognition(
    s: YearSummary, name: str, scope: str, n: int, base: int, holders: list[str]
) -> str:
    if scope == "people":
        return f"{share(n, base)} {STAFF} đạt “{name}”"
    if scope == "units":
        return f"{names(holders)} đạt “{name}”"
    return f"{s.agency_short_name} đạt “{name}”"


def people(s: YearSummary) -> str:
    if not s.people_ratings:
        return ""
    groups = ", ".join(f"{count(g.count)} người {g.label}" for g in s.people_ratings)
    return f"Về đánh giá, xếp loại chất lượng {STAFF} năm {s.year}: {groups}."


def training(s: YearSummary) -> str:
    if not s.training_courses:
        return ""
    return (
        f"Trong năm, có {count(s.training_courses)} lượt {STAFF} được cơ quan tạo điều kiện "
        "tham gia đào tạo, bồi dưỡng nâng cao trình độ."
    )


def proceedings(s: YearSummary) -> str:
    c = s.conference
    if c is None:
        return ""
    sentences = []
    heard = [_lower_first(r) for r in c.reports if not r.startswith("Dự thảo")]
    drafts = [_lower_first(r) for r in c.reports if r.startswith("Dự thảo")]
    if heard or drafts:
        text = "Tại hội nghị, các đại biểu đã " + (f"nghe {'; '.join(heard)}; " if heard else "")
        text += f"góp ý {'; '.join(drafts)}; " if drafts else ""
        sentences.append(text + f"thảo luận và bàn giải pháp thực hiện nhiệm vụ năm {s.year + 1}.")
    sentences += [vote_sentence(v) for v in c.votes]
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
    grouped: dict[str, list[str]] = {}
    for award in c.awards:
        grouped.setdefault(award.title, []).append(award.recipient)
    if grouped:
        given = "; ".join(f"“{title}” cho {names(who)}" for title, who in grouped.items())
        sentences.append(
            f"Hội nghị đã công bố và trao danh hiệu thi đua, khen thưởng cho các tập thể, "
            f"cá nhân đạt thành tích xuất sắc năm {s.year}: {given}."
        )
    if c.pledge_text:
        signed = (
            f" (đồng chí {', đồng chí '.join(c.pledge_signers)} ký kết)" if c.pledge_signers else ""
        )
        sentences.append(
            f"Hội nghị đã phát động phong trào thi đua năm {s.year + 1} và ký kết giao ước "
            f"thi đua: {_lower_first(c.pledge_text)}{signed}."
        )
    return " ".join(sentences)


def _lower_first(text: str) -> str:
    """Titles start with a capital ("Báo cáo …"); inside a sentence they read lower-case."""
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def conference_title(c: ConferenceFigures | None) -> str:
    return f"Hội nghị {STAFF} năm {c.year}" if c else ""
