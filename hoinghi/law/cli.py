"""``hoinghi law …``: ask the law from the command line, JSON in and JSON out.

    hoinghi law evaluate CASES.json        # or "-" for standard input
    hoinghi law rules [--on 2026-01-20] [--format text|json]

``python -m hoinghi.law.cli evaluate CASES.json`` works the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, TextIO

from hoinghi.law.casefile import MAX_BYTES, UnreadableCases, decode, parse_cases
from hoinghi.law.evaluate import evaluate_cases
from hoinghi.law.registry import load_all, rules_in_force


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hoinghi law", description="Hỏi quy định pháp luật.")
    sub = parser.add_subparsers(dest="command", required=True)
    evaluate = sub.add_parser("evaluate", help="Trả lời các trường hợp trong tệp JSON.")
    evaluate.add_argument("file", help="Tệp JSON (một trường hợp hoặc danh sách), hoặc - ")
    rules = sub.add_parser("rules", help="Các quy tắc có hiệu lực vào một ngày.")
    rules.add_argument(
        "--on",
        type=date.fromisoformat,
        default=None,
        help="Ngày áp dụng YYYY-MM-DD (mặc định: hôm nay)",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _dump(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _read(path: str) -> bytes:
    """At most one byte past the size limit, from the file or standard input."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    with open(path, "rb") as handle:
        return handle.read(MAX_BYTES + 1)


def _evaluate(path: str, out: TextIO, err: TextIO) -> int:
    """Exit 0: every case answered; 1: some case has its own error; 2: the file unread."""
    try:
        cases = parse_cases(decode(_read(path), path), path)
    except OSError as exc:
        err.write(f"Không đọc được tệp {path}: {exc.strerror}\n")
        return 2
    except UnreadableCases as exc:
        err.write(f"{exc}\n")
        return 2
    answers = evaluate_cases(cases)
    _dump(answers if isinstance(cases, list) else answers[0], out)
    return 1 if any("error" in answer for answer in answers) else 0


def _rules(on: date, fmt: str, out: TextIO) -> int:
    load_all()
    found = sorted(rules_in_force(on), key=lambda r: r.code)
    if fmt == "json":
        _dump(
            [
                {
                    "code": r.code,
                    "version": r.version,
                    "title": r.title,
                    "valid_from": r.valid_from.isoformat(),
                    "valid_to": r.valid_to.isoformat() if r.valid_to else None,
                    "confidence": r.confidence.value,
                    "citations": [c.render() for c in r.cites],
                    "facts": r.facts.__name__ if r.facts else None,
                }
                for r in found
            ],
            out,
        )
        return 0
    out.write(f"Các quy tắc có hiệu lực ngày {on:%d/%m/%Y} ({len(found)}):\n")
    for r in found:
        out.write(f"- {r.code} [{r.version}] {r.title}\n")
        for citation in r.cites:
            out.write(f"    {citation.render()}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``hoinghi law``; ``argv`` is what follows "law" on the command line."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "evaluate":
        return _evaluate(args.file, sys.stdout, sys.stderr)
    on = args.on if args.on is not None else date.today()  # noqa: DTZ011 - CLI default only
    return _rules(on, args.format, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
