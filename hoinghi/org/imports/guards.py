"""Import guards: other apps' reasons to refuse a staff import into an agency right now.

org sits below the apps that know such reasons (a poll open in ``hoinghi.voting``: its
electors were fixed from the staff list), so they register a guard in their
``AppConfig.ready()``::

    from hoinghi.org.imports import guards
    guards.register(refuse_while_a_poll_is_open)

A guard takes the agency and returns a Vietnamese reason to refuse, or None. It should cost
one query. Every import that writes (web, background job, command line) asks them all inside
its transaction; the upload page asks them before reading the file.
"""

from __future__ import annotations

from collections.abc import Callable

from hoinghi.org.models import Agency

ImportGuard = Callable[[Agency], "str | None"]
_GUARDS: list[ImportGuard] = []


def register(guard: ImportGuard) -> ImportGuard:
    if guard not in _GUARDS:
        _GUARDS.append(guard)
    return guard


def unregister(guard: ImportGuard) -> None:
    if guard in _GUARDS:
        _GUARDS.remove(guard)


def refusals(agency: Agency) -> list[str]:
    """Every registered guard's reason to refuse an import into ``agency`` now."""
    return [reason for guard in _GUARDS if (reason := guard(agency))]
