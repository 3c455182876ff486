"""No import cycles between the package's modules (module-level imports; lazy ones inside functions
are how a module reaches a later stage only when asked, and are not counted)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "saidwhat"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def top_level_imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package modules that ``name`` imports when it is imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in tree.body:  # module level only
        if isinstance(node, ast.ImportFrom):
            if node.level:
                target = base[: len(base) - (node.level - 1)] + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("saidwhat"):
                target = node.module.split(".")
            else:
                continue
            prefix = ".".join(target)
            for alias in node.names:
                sub = f"{prefix}.{alias.name}"
                found.add(sub if sub in known else prefix)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
    return {m for m in found if m in known and m != name}


def cycles() -> list[list[str]]:
    mods = modules()
    graph = {n: top_level_imports(n, p, set(mods)) for n, p in mods.items()}
    out, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                out.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for n in sorted(graph):
        if n not in state:
            visit(n, [])
    return out


def is_command_registry(cycle: list[str]) -> bool:
    """click's pattern: ``cli/__init__`` defines ``main`` and imports each command module at its end,
    which imports ``main`` back to register itself."""
    return len(cycle) == 3 and cycle[0] == cycle[2] == "saidwhat.cli" and cycle[1].startswith("saidwhat.cli.")


def test_imports_acyclic_package_modules():
    assert [c for c in cycles() if not is_command_registry(c)] == []


def test_imports_acyclic_finds_a_cycle(tmp_path, monkeypatch):
    """The check itself: two modules importing each other are reported."""
    pkg = tmp_path / "saidwhat"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import x\n")
    (pkg / "b.py").write_text("x = 1\nfrom .a import y\n")
    monkeypatch.setattr(sys.modules[__name__], "SRC", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", pkg)
    assert cycles() == [["saidwhat.a", "saidwhat.b", "saidwhat.a"]]


def test_imports_no_private_names_of_other_packages():
    """A private name of another package (``datasketch.lsh._optimal_param``) can change in any release."""
    private = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level and not (node.module or "").startswith("saidwhat"):
                private += [f"{name}: {node.module}.{a.name}" for a in node.names
                            if a.name.startswith("_") and a.name != "__future__" and node.module != "__future__"]
    assert private == []
