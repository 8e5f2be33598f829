"""docs/law.md read against the code: its examples, version lines and facts tables.

Each rule's section in docs/law.md starts ``### `code```, lists the rule's versions (``- version
`L10`: 01/07/2023 –  (P); citations``), a table of each facts dataclass (``Facts `Name`:``)
and examples: a JSON block after ``Input:`` and the answer after ``Output:``. :func:`refresh`
gives the text with every version line and every output as the code gives them today (the
outputs through :func:`hoinghi.law.evaluate.evaluate_case`, the JSON command's own path);
:func:`table_drift` names the facts tables whose fields differ from the dataclass. A test holds
the file equal to its refresh, so the documentation cannot drift from the code.

    python -m hoinghi.law.reference docs/law.md           # list what drifted
    python -m hoinghi.law.reference docs/law.md --write   # rewrite versions and outputs
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
import sys
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hoinghi.law.evaluate import evaluate_case
from hoinghi.law.registry import RuleVersion, load_all, versions_of

SECTION_RE = re.compile(r"^### `(?P<code>[a-z_.0-9]+)`[ \t]*$", re.M)
VERSION_RE = re.compile(r"^- version `[^`]+`: ")
FACTS_RE = re.compile(r"^Facts `(?P<name>\w+)`:\s*$")
ROW_RE = re.compile(r"^\| `(?P<field>\w+)` \|")
BLOCK_RE = re.compile(r"^(?P<label>Input|Output):\n\n```json\n(?P<body>.*?)\n```\n", re.M | re.S)


@dataclass(frozen=True, slots=True)
class Section:
    code: str
    start: int  # offset of the heading in the text
    end: int  # offset of the next heading (or the end)


def sections(text: str) -> Iterator[Section]:
    """The rule sections of the document, in order."""
    heads = [(m.start(), m.group("code")) for m in SECTION_RE.finditer(text)]
    bounds = [m.start() for m in re.finditer(r"^#{2,3} ", text, re.M)] + [len(text)]
    for start, code in heads:
        end = next(b for b in bounds if b > start)
        yield Section(code, start, end)


def version_line(version: RuleVersion) -> str:
    """ "- version `L10`: 01/07/2023 –  (P); khoản 1 Điều 51 …" as the document writes it."""
    to = f"{version.valid_to:%d/%m/%Y}" if version.valid_to else ""
    cites = "; ".join(c.render() for c in version.cites)
    return (
        f"- version `{version.version}`: {version.valid_from:%d/%m/%Y} – {to} "
        f"({version.confidence.value}); {cites}"
    )


def output_of(input_json: str) -> str:
    """The answer the JSON command gives to one documented input, formatted as the file has it."""
    answer = evaluate_case(json.loads(input_json))
    return json.dumps(answer, ensure_ascii=False, indent=2)


def _refresh_section(body: str, code: str) -> str:
    lines = body.split("\n")
    fresh = [version_line(v) for v in versions_of(code)]
    at = [i for i, line in enumerate(lines) if VERSION_RE.match(line)]
    if at and fresh:
        lines[at[0] : at[-1] + 1] = fresh
    body = "\n".join(lines)
    out: list[str] = []
    last, pending = 0, ""
    for m in BLOCK_RE.finditer(body):
        if m.group("label") == "Input":
            pending = m.group("body")
            continue
        out.append(body[last : m.start("body")])
        out.append(output_of(pending) if pending else m.group("body"))
        last = m.end("body")
    out.append(body[last:])
    return "".join(out)


def refresh(text: str) -> str:
    """The document with every version line and every example's output as the code gives them."""
    load_all()
    parts: list[str] = []
    last = 0
    for s in sections(text):
        parts.append(text[last : s.start])
        parts.append(_refresh_section(text[s.start : s.end], s.code))
        last = s.end
    parts.append(text[last:])
    return "".join(parts)


def table_drift(text: str) -> list[str]:
    """Facts tables whose fields differ from their dataclass, in Vietnamese; empty when none."""
    load_all()
    found: list[str] = []
    for s in sections(text):
        classes = _facts_classes(s.code)
        body = text[s.start : s.end].split("\n")
        for i, line in enumerate(body):
            m = FACTS_RE.match(line)
            if not m or m.group("name") not in classes:
                continue
            rows = []
            for row in body[i + 1 :]:
                if row.startswith("|"):
                    if (r := ROW_RE.match(row)) is not None:
                        rows.append(r.group("field"))
                elif rows or row.strip():
                    break
            fields = [f.name for f in dataclasses.fields(classes[m.group("name")])]
            if rows != fields:
                found.append(f"{s.code}: bảng {m.group('name')} có {rows}, mã có {fields}")
    return found


def _facts_classes(code: str) -> dict[str, type]:
    """The facts dataclasses of a rule and those nested in them, by name."""
    found: dict[str, type] = {}
    todo = [v.facts for v in versions_of(code) if v.facts is not None]
    while todo:
        cls = todo.pop()
        if cls.__name__ in found:
            continue
        found[cls.__name__] = cls
        todo.extend(_nested(cls))
    return found


def _nested(owner: type) -> list[type]:
    hints = typing.get_type_hints(owner)
    out: list[type] = []
    for hint in hints.values():
        for arg in (hint, *typing.get_args(hint)):
            if isinstance(arg, type) and dataclasses.is_dataclass(arg):
                out.append(arg)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "docs/law.md")
    text = path.read_text(encoding="utf-8")
    fresh = refresh(text)
    drift = table_drift(fresh)
    if "--write" in args and fresh != text:
        path.write_text(fresh, encoding="utf-8")
    changed = sum(
        1
        for line in difflib.unified_diff(text.split("\n"), fresh.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    )
    print(f"{path}: {changed} dòng khác mã nguồn; {len(drift)} bảng dữ kiện lệch")
    for line in drift:
        print(f"  {line}")
    return 1 if (changed and "--write" not in args) or drift else 0


if __name__ == "__main__":
    raise SystemExit(main())
