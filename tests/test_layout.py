"""The package's layout: modules import downwards only (no cycle), none is over 400 lines and
no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "claimx"
MAX_LINES = 400
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = module.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        prefix = ".".join([*base, node.module] if node.module else base)
    else:
        prefix = node.module or ""
    # "from claimx.rules import loader" imports a module; "from claimx.api import X" a name.
    return [f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in MODULES else prefix
            for alias in node.names]


def _runtime_imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """The claimx modules a module imports when it runs (imports only for type checkers,
    under ``if TYPE_CHECKING:``, are left out: they never execute)."""
    found: set[str] = set()
    todo = list(ast.iter_child_nodes(tree))
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        found.update(name for name in _imported(node, module, is_package) if name in MODULES)
        todo.extend(ast.iter_child_nodes(node))
    found.discard(module)
    return found


def _graph() -> dict[str, set[str]]:
    graph = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Imports inside functions count: a deferred import is still a dependency.
        graph[name] = _runtime_imports(tree, name, path.name == "__init__.py")
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_import_graph_is_read_from_the_source():
    graph = _graph()
    assert "claimx.rules.model" in graph["claimx.rules.loader"]
    assert "claimx.doc.offsets" in graph["claimx.tokenizer"]
    # a TYPE_CHECKING import is no runtime edge
    assert "claimx.rules.loader" not in graph["claimx.rules.matcher"]


def test_there_is_no_import_cycle():
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def _long_functions(tree: ast.AST, limit: int) -> list[str]:
    return [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and (node.end_lineno or node.lineno) - node.lineno + 1 > limit]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_function_is_over_60_lines(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    assert _long_functions(tree, MAX_FUNCTION_LINES) == []


def test_the_length_check_finds_a_long_function():
    source = "def f():\n" + "    x = 1\n" * 61
    assert _long_functions(ast.parse(source), MAX_FUNCTION_LINES) == ["f (62 lines)"]
