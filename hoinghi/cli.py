"""The ``hoinghi`` command.

``hoinghi law …`` runs without Django (the law is pure Python). Everything else sets up
Django and runs a management command:

    hoinghi demo                              load the two demo agencies
    hoinghi load FILE / hoinghi dump --agency CODE FILE
    hoinghi import staff FILE --agency CODE
    hoinghi documents render|types …
    hoinghi report summary --agency CODE --year YYYY
    hoinghi serve                             migrate, load the demo if empty, serve with gunicorn
    hoinghi <any manage.py command>           migrate, createsuperuser, check, shell, …
"""

from __future__ import annotations

import os
import sys

# Two-word commands map to one management command.
COMMANDS = {
    ("import", "staff"): "import_staff",
    ("documents", "render"): "documents_render",
    ("documents", "types"): "documents_types",
    ("report", "summary"): "report_summary",
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
