"""The layers point one way, and calculators/ has no import cycle (the import graph, read by ast).

    core  <-  rules  <-  adapters (web, cli, __main__)
    the site layer (macros/, hooks/) may use all of calculators/; calculators/ never uses it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "calculators"
ADAPTERS = {"calculators.web", "calculators.cli", "calculators.__main__"}
# What each layer may import from the project (anything from the standard library is fine).
ALLOWED = {
    "core": ("calculators.core",),
    "rules": ("calculators.core", "calculators.rules"),
    "adapters": ("calculators.core", "calculators.rules", "calculators.web", "calculators.cli", "calculators"),
    "package": (),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    if module in ADAPTERS:
        return "adapters"
    if module.startswith("calculators.core"):
        return "core"
    if module.startswith("calculators.rules"):
        return "rules"
    return "package"  # calculators/__init__.py


def imports(path: Path) -> set[str]:
    """Every project module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return {m for m in found if m.split(".")[0] in ("calculators", "macros", "hooks", "kapu_build")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in imports(path) if m in modules or m.split(".")[0] != "calculators"}
            for name, path in modules.items()}


def test_layers_point_one_way():
    wrong = []
    for module, targets in graph().items():
        allowed = ALLOWED[layer(module)]
        wrong += [f"{module} -> {t}" for t in targets
                  if t != module and not any(t == a or t.startswith(a + ".") for a in allowed)]
    assert not wrong, wrong


def test_no_import_cycle():
    edges = graph()
    state: dict[str, str] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert not cycles, cycles


def test_the_check_sees_a_wrong_way_import(tmp_path):
    rule = tmp_path / "rule.py"
    rule.write_text("def f():\n    from calculators.cli import main\n    import macros\n")
    assert imports(rule) == {"calculators.cli", "calculators.cli.main", "macros"}
