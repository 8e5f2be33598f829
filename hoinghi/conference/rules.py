"""How the conference asks the law: facts built from rows, the rule in force on the date.

Every decision the conference keeps (quorum, adoption, agenda, pledge, the Ban thanh tra
nhân dân) is a :class:`Decision`: the law's result plus what the database stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import hoinghi.law.conference  # noqa: F401 - importing the package registers every rule
from hoinghi.law.conference import meeting  # noqa: F401
from hoinghi.law.options import ConferenceOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.law.registry import rule_for
from hoinghi.law.results import Result


@dataclass(frozen=True)
class Decision:
    result: Result

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def citations(self) -> list[str]:
        return [c.render() for c in self.result.citations]

    @property
    def explanation(self) -> str:
        return self.result.explanation

    def record(self) -> dict[str, Any]:
        """What a decision field stores: rule, version, citations, reasons, snapshot."""
        return {
            "rule": self.result.rule,
            "rule_version": self.result.rule_version,
            "citations": self.citations,
            "explanation": self.explanation,
            "snapshot": self.result.to_dict(),
        }


def ask(
    code: str, facts: object, *, on: date, options: ConferenceOptions | None = None
) -> Decision:
    """The rule ``code`` in force on ``on``, applied to ``facts``."""
    version = rule_for(code, on)
    return Decision(version.func(facts, on=on, options=options))


def ask_if_in_force(
    code: str, facts: object, *, on: date, options: ConferenceOptions | None = None
) -> Decision | None:
    """Like :func:`ask`, or None where no version of the rule covers the date."""
    try:
        return ask(code, facts, on=on, options=options)
    except (NotInForce, KeyError):
        return None
