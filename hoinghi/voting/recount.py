"""The recount export (docs/reliability.md V6): every ballot of a closed poll, its digest, a recount.

At the close the engine builds the export (the poll's facts, every ballot, the counts and the
outcome), and publishes its SHA-256 digest with the result. A secret poll's ballots carry no
voter and no receipt (a receipt proves that a ballot was counted, through the published list,
never what it chose), and are listed in the order of their content, which keeps no trace of
the voting order. A named poll's ballots keep their receipts, in receipt order.
Anyone with the file can recount offline (``hoinghi recount FILE``): the recount recomputes
the digest, counts the ballots again and asks the law for the outcome again, without the
database. One flipped ballot changes the digest.

Only the poll's managers (its counting roles) may download the file (views); every text cell
of the CSV is neutralised against formula injection.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hoinghi.law.parameters import InvalidFacts
from hoinghi.org.files.formulas import csv_row
from hoinghi.voting import tally
from hoinghi.voting.models import Ballot, PaperEntry, Poll
from hoinghi.voting.vocabulary import MOTION_CHOICE_LABELS, Method, MotionChoice

# /2: a secret poll's ballots carry no receipt. Files of /1 (receipts beside choices) are
# still recounted; a secret poll closed under /1 rebuilds as /2, whose digest differs.
FORMAT = "hoinghi.recount/2"
FORMATS = ("hoinghi.recount/1", FORMAT)


def build_export(poll: Poll, counts: dict[str, Any], outcome: str) -> dict[str, Any]:
    """The export of a poll being closed (inside the closing transaction), digest included."""
    names = [{"key": str(c.pk), "name": c.name} for c in poll.candidates.order_by("position")]
    export: dict[str, Any] = {
        "format": FORMAT,
        "poll": {
            "id": poll.pk,
            "agency": poll.agency.code,
            "title": poll.title,
            "kind": poll.kind,
            "secrecy": poll.secrecy,
            "method": poll.method,
            "seats": poll.seats,
            "rule": poll.rule,
            "legal_date": poll.legal_date.isoformat(),
            "options": poll.options,
            "electorate": poll.electorate_size,
            "present": poll.present,
            "convened": poll.convened,
            "ballots_issued": poll.ballots_issued,
            "candidates": names,
        },
        "ballots": _ballots(poll),
        "counts": counts,
        "outcome": outcome,
    }
    export["digest"] = digest_of(export)
    return export


def _ballots(poll: Poll) -> list[dict[str, Any]]:
    if poll.method == Method.PAPER:
        entries = PaperEntry.objects.filter(poll=poll, round=1).order_by("sheet")
        return [
            {
                "sheet": e.sheet,
                "choice": e.choice,
                "kept": [str(k) for k in e.kept],
                "spoiled": e.spoiled,
            }
            for e in entries
        ]
    if poll.method != Method.ELECTRONIC:
        return []  # a show of hands has counts, not ballots
    rows = Ballot.objects.filter(poll=poll).values_list("receipt", "choice", "kept", "valid")
    ballots = [
        {"receipt": r, "choice": c, "kept": [str(k) for k in kept], "spoiled": not valid}
        for r, c, kept, valid in rows
    ]
    if poll.is_secret:
        for ballot in ballots:
            del ballot["receipt"]
        return sorted(ballots, key=lambda b: (b["choice"], b["kept"], b["spoiled"]))
    return sorted(ballots, key=lambda b: b["receipt"])


def digest_of(export: dict[str, Any]) -> str:
    """SHA-256 of the export without its own digest, as canonical JSON (sorted keys, UTF-8)."""
    body = {k: v for k, v in export.items() if k != "digest"}
    canonical = json.dumps(
        body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def to_json(export: dict[str, Any]) -> str:
    return json.dumps(export, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


def to_csv(export: dict[str, Any]) -> str:
    """The ballots as a spreadsheet: one row a ballot; the digest is the JSON file's."""
    names = {c["key"]: c["name"] for c in export["poll"]["candidates"]}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Mã biên nhận / số phiếu", "Lựa chọn", "Người được giữ lại", "Hợp lệ"])
    for ballot in export["ballots"]:
        choice = ballot["choice"]
        writer.writerow(
            csv_row(
                [
                    ballot.get("receipt", ballot.get("sheet", "")),
                    MOTION_CHOICE_LABELS[MotionChoice(choice)] if choice else "",
                    "; ".join(names.get(k, k) for k in ballot["kept"]),
                    "không" if ballot["spoiled"] else "có",
                ]
            )
        )
    return out.getvalue()


# --- The recount (offline: no database) ------------------------------------------------------


@dataclass
class Recount:
    digest_ok: bool
    counts_ok: bool
    outcome_ok: bool
    digest: str  # recomputed
    counts: dict[str, Any]
    outcome: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.digest_ok and self.counts_ok and self.outcome_ok


def recount(export: dict[str, Any]) -> Recount:
    """Count the export's ballots again and decide again through the law; compare."""
    if export.get("format") not in FORMATS:
        raise ValueError(f"Tệp không phải bản xuất kiểm phiếu ({', '.join(FORMATS)}).")
    facts = export["poll"]
    poll = Poll(
        pk=facts["id"],
        kind=facts["kind"],
        secrecy=facts["secrecy"],
        method=facts["method"],
        seats=facts["seats"],
        rule=facts["rule"],
        legal_date=date.fromisoformat(facts["legal_date"]),
        options=facts["options"],
        electorate_size=facts["electorate"],
        present=facts["present"],
        convened=facts["convened"],
        ballots_issued=facts["ballots_issued"],
    )
    counts = _count(poll, export)
    problems: list[str] = []
    try:
        outcome = tally.outcome_of(tally.decide(poll, counts))
    except InvalidFacts as exc:
        outcome, problems = "", [f"Không tính được kết quả: {exc.message}"]
    digest = digest_of(export)
    checks = Recount(
        digest == export.get("digest"),
        counts == export["counts"],
        outcome == export["outcome"],
        digest,
        counts,
        outcome,
        problems,
    )
    if not checks.digest_ok:
        checks.problems.append("Mã băm của tệp không khớp mã băm đã công bố: tệp đã bị sửa.")
    if not checks.counts_ok:
        checks.problems.append("Kiểm lại các phiếu cho số liệu khác với số liệu đã công bố.")
    if not checks.outcome_ok:
        checks.problems.append(
            f"Kết quả tính lại ({outcome}) khác kết quả đã công bố ({export['outcome']})."
        )
    return checks


def _count(poll: Poll, export: dict[str, Any]) -> dict[str, Any]:
    keys = [c["key"] for c in export["poll"]["candidates"]]
    counts = tally.empty_counts(poll, keys)
    if poll.method == Method.SHOW_OF_HANDS:
        stated = export["counts"]
        counts.update({k: stated[k] for k in ("for", "against", "abstain", "ballots", "valid")})
        return counts
    options = tally.PollOptions.from_json(poll.options)
    marks = [
        (b["choice"], b["kept"], not b["spoiled"] and _mark_valid(poll, b, options))
        for b in export["ballots"]
    ]
    tally.add_marks(counts, marks)
    counts["ballots"] = len(marks)
    if poll.method == Method.PAPER:
        counts["issued"], counts["returned"] = poll.ballots_issued, len(marks)
    return counts


def _mark_valid(poll: Poll, ballot: dict[str, Any], options: tally.PollOptions) -> bool:
    if poll.is_election:
        return tally.ballot_problem(len(ballot["kept"]), seats=poll.seats, options=options) is None
    return bool(ballot["choice"])
