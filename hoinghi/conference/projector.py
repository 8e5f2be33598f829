"""What the hall's projector shows, read fresh on every change: a screen of its own.

The current agenda item and who speaks, attendance with the quorum verdict of the law on the
live count (never a stale check), the open poll's turnout only (no partial tally of any open
poll, secret or not), then the last result as bars (for / against / abstain, or votes per
candidate of the election's latest round), and the hall code with its QR for self check-in.
Bars are SVG ``rect`` widths in percent of those present: no style attribute anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from hoinghi.conference import polls, qr, rules
from hoinghi.conference.models import (
    Conference,
    ConferenceForm,
    Election,
    Motion,
    SpeakerRequest,
)
from hoinghi.conference.selectors import ELECTION_OUTCOMES
from hoinghi.conference.services import attendance
from hoinghi.conference.services import hall as hall_service
from hoinghi.law.conference import QuorumFacts
from hoinghi.voting.models import Poll, PollState

SPEAKERS_SHOWN = 5
CANDIDATES_SHOWN = 12


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int  # of those present, 0–100, the rect's width in the 0–100 view box
    css: str  # for / against / abstain / elected / not-elected


@dataclass(frozen=True)
class Quorum:
    present: int
    convened: int
    required: int | None
    met: bool | None
    verdict: str


@dataclass(frozen=True)
class OpenPoll:
    title: str
    cast: int
    electorate: int
    secret: bool


@dataclass(frozen=True)
class Result:
    title: str
    verdict: str
    passed: bool
    present: int
    bars: list[Bar]
    threshold: int  # percent of present the winner must exceed (50: more than half)
    note: str = ""


@dataclass(frozen=True)
class Screen:
    conference: Conference
    item: str
    presenter: str
    speakers: list[str]
    quorum: Quorum
    open_poll: OpenPoll | None
    result: Result | None
    hall_code: str
    checkin_url: str
    checkin_address: str
    checkin_qr: str
    closed: bool
    shown_at: datetime = field(default_factory=timezone.localtime)
    paper_round: str = ""  # an election round voted on paper now: its title


def version(conference: Conference) -> str:
    """Changes whenever the screen would: live version, open poll's count, hall code window."""
    open_now = open_poll(conference)
    poll_part = f"{open_now[1].revision}.{open_now[1].ballots_cast}" if open_now else "-"
    return f"{conference.live_version}.{poll_part}.{hall_service.window()}"


def screen(conference: Conference, request: HttpRequest | None) -> Screen:
    item = conference.current_item
    code = hall_service.hall_code(conference)
    address = qr.public_url(request, reverse("conference:self-checkin", args=[conference.pk]))
    url = f"{address}?ma={code}"
    open_now = open_poll(conference)
    paper = "" if open_now else paper_round(conference)
    return Screen(
        conference=conference,
        item=item.title if item else ("Hội nghị đã bế mạc" if conference.is_closed else ""),
        presenter=item.speaker.full_name if item and item.speaker else "",
        speakers=_speakers(conference),
        quorum=live_quorum(conference),
        open_poll=OpenPoll(
            open_now[0], open_now[1].ballots_cast, open_now[1].electorate_size, _secret(open_now[1])
        )
        if open_now
        else None,
        result=None if open_now or paper else last_result(conference),
        paper_round=paper,
        hall_code=code,
        checkin_url=url,
        checkin_address=address,
        checkin_qr=qr.qr_svg(url, scale=4, title="Mã QR điểm danh tại hội trường"),
        closed=conference.is_closed,
    )


def live_quorum(conference: Conference) -> Quorum:
    """The law's quorum rule on the count of now (``conference.quorum``), nothing stored."""
    convened, present = attendance(conference)
    try:
        decision = rules.ask(
            "conference.quorum",
            QuorumFacts(convened, present, conference.form == ConferenceForm.DELEGATES),
            on=conference.held_on,
        )
    except (ValueError, KeyError, LookupError):
        return Quorum(present, convened, None, None, "Chưa có danh sách người được triệu tập")
    required = int(decision.result.values["quorum"])
    verdict = (
        f"Đủ số người dự (cần ít nhất {required})"
        if decision.ok
        else f"Chưa đủ số người dự: cần ít nhất {required}, còn thiếu {required - present}"
    )
    return Quorum(present, convened, required, decision.ok, verdict)


def _speakers(conference: Conference) -> list[str]:
    item = conference.current_item
    if item is None:
        return []
    rows = SpeakerRequest.objects.filter(item=item, spoken_at__isnull=True).select_related(
        "participant__person"
    )
    return [r.participant.person.full_name for r in rows[:SPEAKERS_SHOWN]]


def open_poll(conference: Conference) -> tuple[str, Poll] | None:
    """The title and poll of what is being voted on now: a motion, or the election."""
    motion = polls.open_poll_for(conference)
    if motion is not None:
        return motion[0].title, motion[1]
    election = polls.open_election_poll_for(conference)
    return (election[1].title, election[1]) if election is not None else None


def paper_round(conference: Conference) -> str:
    """The title of an election round being voted on paper now ("" when none): the screen
    says so instead of showing the previous vote's result as if it were current."""
    title = (
        Election.objects.filter(
            conference=conference, poll__state=PollState.OPEN, poll__method="paper"
        )
        .values_list("poll__title", flat=True)
        .first()
    )
    return title or ""


def _secret(poll: Poll) -> bool:
    return poll.secrecy == "secret"


def _percent(count: int, base: int) -> int:
    return max(0, min(100, round(100 * count / base))) if base else 0


def last_result(conference: Conference) -> Result | None:
    """The latest decided vote: a motion or the election's latest round, whichever is newer."""
    motion = conference.motions.filter(adopted__isnull=False).order_by("-decided_at", "-pk").first()
    election = Election.objects.filter(conference=conference).exclude(outcome="").first()
    if election is not None and election.decided_at and election.round_history:
        motion_at = motion.decided_at if motion is not None else None
        if motion_at is None or election.decided_at >= motion_at:
            return _election_result(election)
    return _motion_result(motion) if motion is not None else None


def _motion_result(motion: Motion) -> Result:
    present = motion.present or 0
    counts = [
        ("Tán thành", motion.votes_for or 0, "for"),
        ("Không tán thành", motion.votes_against or 0, "against"),
        ("Không biểu quyết", motion.votes_abstain or 0, "abstain"),
    ]
    return Result(
        title=motion.title,
        verdict="Được thông qua" if motion.adopted else "Không được thông qua",
        passed=bool(motion.adopted),
        present=present,
        bars=[Bar(label, n, _percent(n, present), css) for label, n, css in counts],
        threshold=50,
        note=f"{motion.votes_for or 0}/{present} người dự tán thành",
    )


def _election_result(election: Election) -> Result:
    latest = election.round_history[-1]
    present = int(latest.get("present") or election.present or 0)
    rows = latest.get("candidates", [])[:CANDIDATES_SHOWN]
    elected = [
        c.person.full_name
        for c in election.candidates.filter(elected=True).select_related("person")
    ]
    return Result(
        title=f"Bầu Ban thanh tra nhân dân — vòng {latest.get('round', election.round)}",
        verdict=ELECTION_OUTCOMES.get(election.outcome, election.outcome),
        passed=election.outcome == "complete",
        present=present,
        bars=[
            Bar(
                str(r["name"]),
                int(r.get("votes") or 0),
                _percent(int(r.get("votes") or 0), present),
                "elected" if r.get("elected") else "not-elected",
            )
            for r in rows
        ],
        threshold=50,
        note=f"Trúng cử {len(elected)}/{election.seats} thành viên"
        + (f" ({', '.join(elected)})" if elected else "")
        + f"; vòng này bầu {latest.get('seats')} người, {present} người dự",
    )
