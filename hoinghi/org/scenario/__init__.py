"""The scenario format: one YAML or JSON file that describes an agency and its years.

``hoinghi load FILE`` and ``hoinghi dump --agency CODE FILE`` read and write it; the demo
agencies are scenario files too. Other apps add their own sections with
:func:`register_section`. The format is described in ``docs/scenario.md``.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from hoinghi.org.models import Agency
from hoinghi.org.scenario.dumper import dump_scenario_data
from hoinghi.org.scenario.errors import Issue, ScenarioError
from hoinghi.org.scenario.files import is_json, parse_text, read_file, render
from hoinghi.org.scenario.loader import LoadReport, load_scenario_data
from hoinghi.org.scenario.reading import Node
from hoinghi.org.scenario.sections import DumpContext, LoadContext, Section, register_section
from hoinghi.org.scenario.spec import VERSION

__all__ = [
    "VERSION",
    "DumpContext",
    "Issue",
    "LoadContext",
    "LoadReport",
    "Node",
    "ScenarioError",
    "Section",
    "dump_scenario",
    "dump_scenario_data",
    "dump_scenario_file",
    "load_scenario",
    "load_scenario_data",
    "load_scenario_text",
    "register_section",
]


def load_scenario(
    path: str | Path, *, actor: AbstractBaseUser | None = None, dry_run: bool = False
) -> LoadReport:
    """Load a scenario file (YAML, or JSON by its extension) all-or-nothing."""
    return load_scenario_data(read_file(path), source=str(path), actor=actor, dry_run=dry_run)


def load_scenario_text(
    text: str,
    *,
    source: str = "",
    as_json: bool = False,
    actor: AbstractBaseUser | None = None,
    dry_run: bool = False,
) -> LoadReport:
    data = parse_text(text, source=source, as_json=as_json)
    return load_scenario_data(data, source=source, actor=actor, dry_run=dry_run)


def dump_scenario(agency: Agency, *, as_json: bool = False) -> str:
    """The agency as scenario text (YAML unless ``as_json``)."""
    return render(dump_scenario_data(agency), as_json=as_json)


def dump_scenario_file(agency: Agency, path: str | Path) -> None:
    Path(path).write_text(dump_scenario(agency, as_json=is_json(str(path))), encoding="utf-8")
