"""No function of the law runs over 80 lines: each rule's reasons sit beside its own logic."""

from __future__ import annotations

import ast
from pathlib import Path

import hoinghi.law

LIMIT = 80


def test_no_function_of_the_law_is_longer_than_80_lines() -> None:
    root = Path(hoinghi.law.__file__).parent
    long = [
        f"{path.relative_to(root)}:{node.name} ({node.end_lineno - node.lineno + 1})"
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > LIMIT
    ]
    assert long == []
