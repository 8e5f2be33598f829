"""Scenario files: YAML (or JSON, by the ``.json`` extension) in and out.

Dates stay text while the file is parsed: PyYAML would turn ``2023-02-30`` into an
exception without a path, and the reader reports it with one instead.

Every file is bounded before it becomes values, by :mod:`hoinghi.org.files.structured`:
its size (``HOINGHI_IMPORT_MAX_BYTES``), YAML alias expansion, nesting
(``HOINGHI_IMPORT_MAX_DEPTH``) and JSON number digits.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from hoinghi.org.files import FileRefused, import_limits
from hoinghi.org.files.limits import megabytes
from hoinghi.org.files.structured import check_yaml_events, load_json
from hoinghi.org.scenario.errors import Issue, ScenarioError


def _without_timestamps(
    resolvers: dict[Any, list[tuple[str, Any]]],
) -> dict[Any, list[tuple[str, Any]]]:
    return {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in resolvers.items()
    }


# libyaml's parser and emitter when PyYAML was built with them (several times faster).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    pass


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    pass


_Loader.yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader.yaml_implicit_resolvers)
_Dumper.yaml_implicit_resolvers = _without_timestamps(yaml.SafeDumper.yaml_implicit_resolvers)


def is_json(name: str) -> bool:
    return name.lower().endswith(".json")


def parse_text(text: str, *, source: str = "", as_json: bool = False) -> Any:
    limits = import_limits()
    try:
        if len(text.encode("utf-8", errors="replace")) > limits.max_bytes:
            raise FileRefused(
                "too_large", f"Tệp lớn hơn giới hạn {megabytes(limits.max_bytes)}: không đọc."
            )
        if as_json:
            return load_json(text, limits)
        check_yaml_events(text, _Loader, limits)
        return yaml.load(text, Loader=_Loader)  # a SafeLoader without timestamps
    except FileRefused as refused:
        raise ScenarioError([Issue("", refused.message)], source) from refused
    except json.JSONDecodeError as error:
        raise ScenarioError(
            [Issue("", f"JSON không hợp lệ ở dòng {error.lineno}, cột {error.colno}: {error.msg}")],
            source,
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        if "nesting depth" in problem:  # libyaml's own bound, met while scanning ahead
            problem = f"lồng quá {limits.max_depth} cấp"
        raise ScenarioError([Issue("", f"YAML không hợp lệ{where}: {problem}")], source) from error
    except (ValueError, RecursionError) as error:  # e.g. an integer of more than 4,300 digits
        raise ScenarioError(
            [Issue("", f"giá trị không đọc được ({type(error).__name__}): không đọc tệp")], source
        ) from error


def read_file(path: str | Path) -> Any:
    path = Path(path)
    limit = import_limits().max_bytes
    try:
        if path.stat().st_size > limit:
            raise ScenarioError(
                [Issue("", f"tệp lớn hơn giới hạn {megabytes(limit)}: không đọc")], str(path)
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ScenarioError([Issue("", "không tìm thấy tệp")], str(path)) from error
    except UnicodeDecodeError as error:
        raise ScenarioError([Issue("", "tệp phải được mã hóa UTF-8")], str(path)) from error
    return parse_text(text, source=str(path), as_json=is_json(path.name))


def render(data: dict[str, Any], *, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
