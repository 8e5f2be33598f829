"""No module of hoinghi imports, at module level, a module that imports it back (directly or
through others). Imports inside functions and under ``if TYPE_CHECKING:`` are not counted: they
run after every module has loaded. A cycle is broken by moving what both need lower."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_level_imports(tree: ast.Module, name: str, is_package: bool) -> set[str]:
    """Every module named by an import run when the module loads (``from a import b``: a, a.b)."""
    found: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.If):
                if "TYPE_CHECKING" not in ast.unparse(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                for block in (node.body, node.orelse, node.finalbody):
                    visit(block)
                for handler in node.handlers:
                    visit(handler.body)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name.split(".") if is_package else name.split(".")[:-1]
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join([*package, base] if base else package)
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)

    visit(tree.body)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {
        module_name(p): p
        for p in ROOT.rglob("*.py")
        if "tests" not in p.parts and "migrations" not in p.parts
    }
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = module_level_imports(tree, name, path.name == "__init__.py")
        graph[name] = {other for other in imports if other in paths and other != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_finder_sees_a_cycle_through_three_modules() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_reader_skips_imports_in_functions_and_for_type_checking_only() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import models\n"
        "from .contexts import Source\n"
        "if TYPE_CHECKING:\n    from hoinghi.x import y\n"
        "def f():\n    from hoinghi.z import w\n"
    )
    found = module_level_imports(ast.parse(source), "hoinghi.documents.catalogue", False)
    assert {"hoinghi.documents.models", "hoinghi.documents.contexts.Source"} <= found
    assert not any(name.startswith(("hoinghi.x", "hoinghi.z")) for name in found)


def test_no_module_level_import_cycle_within_hoinghi() -> None:
    graph = import_graph()
    assert "hoinghi.documents.kinds" in graph["hoinghi.documents.models"]
    assert cycles(graph) == []
