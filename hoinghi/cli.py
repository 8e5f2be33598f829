"""The ``hoinghi`` command.

``hoinghi law …`` runs without Django (the law is pure Python). Everything else sets up
Django and runs a management command:

    hoinghi demo                              load the two demo agencies
    hoinghi load FILE / hoinghi dump --agency CODE FILE
    hoinghi import staff FILE --agency CODE
    hoinghi year open|close --agency CODE --year YYYY --as USERNAME
    hoinghi plans import FILE.xlsx …          the year's targets and tasks
    hoinghi evaluation approve …              the leader's decision on a unit's list
    hoinghi emulation eligibility|judge|propose|council-open|council-vote|council-close|decide …
    hoinghi documents render|types|issue …
    hoinghi report summary --agency CODE --year YYYY

``--year`` always means the work year under review (the conference of 2024 reviews 2023).
    hoinghi serve                             migrate, load the demo if empty, serve with gunicorn
    hoinghi jobs worker [--once]              run the background jobs (serve starts one itself)
    hoinghi <any manage.py command>           migrate, createsuperuser, check, shell, …
"""

from __future__ import annotations

import os
import sys

# Two-word commands map to one management command.
COMMANDS = {
    ("import", "staff"): "import_staff",
    ("year", "open"): "year_open",
    ("year", "close"): "year_close",
    ("plans", "import"): "plans_import",
    ("evaluation", "approve"): "evaluation_approve",
    ("emulation", "eligibility"): "emulation_eligibility",
    ("emulation", "judge"): "emulation_judge",
    ("emulation", "propose"): "emulation_propose",
    ("emulation", "council-open"): "emulation_council_open",
    ("emulation", "council-vote"): "emulation_council_vote",
    ("emulation", "council-close"): "emulation_council_close",
    ("emulation", "decide"): "emulation_decide",
    ("documents", "issue"): "documents_issue",
    ("documents", "render"): "documents_render",
    ("documents", "types"): "documents_types",
    ("report", "summary"): "report_summary",
    ("jobs", "worker"): "jobs_worker",
    ("law", "rules"): None,
    ("load",): "load_scenario",
    ("dump",): "dump_scenario",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["law"]:
        from hoinghi.law.cli import main as law_main

        return law_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinghi.settings")
    from django.core.management import execute_from_command_line

    for words, command in COMMANDS.items():
        if command and tuple(args[: len(words)]) == words:
            args = [command, *args[len(words) :]]
            break
    execute_from_command_line(["hoinghi", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
