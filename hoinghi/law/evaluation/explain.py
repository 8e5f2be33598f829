"""Shared reason objects: built once per (code, citation, basis, params) and reused.

Reasons are frozen, so a batch over 100,000 people hands out the same few objects instead of
building one per person.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from hoinghi.law.citations import Citation
from hoinghi.law.results import Basis, Reason, Result

_CACHE: dict[tuple[Any, ...], Reason] = {}
EMPTY: Mapping[str, Any] = MappingProxyType({})


def reason(
    code: str,
    message: str,
    citation: Citation | None,
    basis: Basis = Basis.LAW,
    **params: Any,
) -> Reason:
    """The one :class:`Reason` for these arguments (params must be hashable)."""
    key = (code, message, citation, basis, tuple(sorted(params.items())))
    found = _CACHE.get(key)
    if found is None:
        found = Reason(
            code, message, citation, MappingProxyType(params) if params else EMPTY, basis
        )
        _CACHE[key] = found
    return found


def frozen(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


def make_result(
    rule: str,
    version: str,
    on: date,
    outcome: Any,
    reasons: tuple[Reason, ...],
    values: Mapping[str, Any] | None = None,
) -> Result:
    return Result(rule, version, on, outcome, EMPTY if values is None else frozen(values), reasons)


_SETTERS = tuple(
    getattr(Result, name).__set__
    for name in ("rule", "rule_version", "on", "outcome", "values", "reasons")
)
_new = object.__new__


def batch_result(
    rule: str,
    version: str,
    on: date,
    outcome: Any,
    values: Mapping[str, Any],
    reasons: tuple[Reason, ...],
) -> Result:
    """``Result(...)`` for batch loops: the same object, built through its slots.

    A frozen dataclass's ``__init__`` goes through ``object.__setattr__`` once per field;
    setting the slots directly halves the cost of 100,000 results. Result has no
    ``__post_init__``, so nothing is skipped (a test compares both ways).
    """
    result = _new(Result)
    s_rule, s_version, s_on, s_outcome, s_values, s_reasons = _SETTERS
    s_rule(result, rule)
    s_version(result, version)
    s_on(result, on)
    s_outcome(result, outcome)
    s_values(result, values)
    s_reasons(result, reasons)
    return result


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a batch allocates 100,000s of acyclic results.

    The results hold no reference cycles, so the collector's passes over the growing list
    only cost time (about half of a batch); it is re-enabled, as it was, afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
