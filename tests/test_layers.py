"""The package's layers import one way, with no cycle (runtime imports; ``if TYPE_CHECKING:`` blocks only name
types): the coder never imports the store, server, scale-out or evaluation; the store imports only the core;
no stage imports the pipeline that sequences them."""

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "conflictlens"
CORE = {"conflictlens", "conflictlens.model", "conflictlens.config", "conflictlens.errors", "conflictlens.knowledge",
        "conflictlens.countries"}
FORBIDDEN = {
    "coding": ("conflictlens.store", "conflictlens.server", "conflictlens.scale", "conflictlens.evaluation",
               "conflictlens.cli"),
    "store": ("conflictlens.coding", "conflictlens.server", "conflictlens.scale", "conflictlens.evaluation",
              "conflictlens.cli"),
    "server": ("conflictlens.coding", "conflictlens.scale", "conflictlens.evaluation", "conflictlens.cli"),
    "scale": ("conflictlens.server", "conflictlens.evaluation", "conflictlens.cli"),
    "evaluation": ("conflictlens.store", "conflictlens.server", "conflictlens.scale", "conflictlens.cli"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {id(node) for stmt in ast.walk(tree) if isinstance(stmt, ast.If)
                 and "TYPE_CHECKING" in ast.unparse(stmt.test) for node in ast.walk(stmt)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("conflictlens"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("conflictlens"))
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    return {name: {i for i in runtime_imports(path) if i in modules} - {name} for name, path in modules.items()}


def test_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])


def test_layers_import_one_way():
    wrong = []
    for name, imports in graph().items():
        layer = name.split(".")[1] if name.count(".") >= 1 else ""
        for imported in imports:
            if any(imported == f or imported.startswith(f + ".") for f in FORBIDDEN.get(layer, ())):
                wrong.append(f"{name} imports {imported}")
            if name.startswith("conflictlens.coding.") and imported == "conflictlens.coding.pipeline" \
                    and name != "conflictlens.coding.pipeline":
                wrong.append(f"stage module {name} imports the pipeline")
    assert wrong == []


def test_store_imports_only_the_core():
    for name, imports in graph().items():
        if name.startswith("conflictlens.store"):
            assert {i for i in imports if not i.startswith("conflictlens.store")} <= CORE, name
