"""The tree draws the architecture: layers import downwards only, and nothing in a cycle.

Layers, lowest first: the shared core (``kg.errors``, ``kg.settings``,
``kg.data``), the pipeline, the graph, the build machinery, the interfaces,
and the package's own entry points. A module may import its own layer and
those below it. Imports sit at the top of a module, except optional
dependencies (Dask) and what only some commands need (networkx for the network, the
web stack for ``kg serve``, the extraction pipeline for ``kg build``), so that the other
commands do not pay for their start-up.
"""
import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "kg"
LAYERS = (("kg.errors", "kg.settings", "kg.data"), ("kg.pipeline",), ("kg.graph",), ("kg.building",),
          ("kg.interfaces",))
ENTRY_POINTS = ("kg", "kg.__main__")  # above every layer
OPTIONAL = {"dask", "dask.distributed"}  # imported where used, so that the core runs without them
# imported where used, so that the commands that do not need them start quickly: networkx (the
# network), the web stack (kg serve), the extraction pipeline (kg build, and kg.build in Python),
# cn2an (an amount in Chinese numerals)
DEFERRED = {"networkx", "kg.interfaces.serve", "kg.building.builder", "cn2an"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _layer(module: str) -> int | None:
    if module in ENTRY_POINTS:
        return len(LAYERS)
    return next((rank for rank, prefixes in enumerate(LAYERS)
                 if any(module == p or module.startswith(p + ".") for p in prefixes)), None)


def _imports(name: str, path: Path):
    """(imported module, line, at top level?) of every import in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top = {id(node) for node in tree.body}
    top |= {id(inner) for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
            for inner in node.body}  # annotations only
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [base]
        else:
            continue
        for target in targets:
            yield target, node.lineno, id(node) in top


def _kg_target(target: str, modules: dict) -> str | None:
    """The kg module an import names (``kg.graph.vocab``), None outside the package."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or None


def test_imports_are_at_the_top_except_optional_dependencies():
    misplaced = [f"{name}:{line} imports {target}" for name, path in _modules().items()
                 for target, line, at_top in _imports(name, path)
                 if not at_top and target not in OPTIONAL | DEFERRED and target != "__future__"]
    assert misplaced == []


def test_no_module_imports_a_higher_layer():
    modules = _modules()
    upward = []
    for name, path in modules.items():
        for target, line, _ in _imports(name, path):
            if not target.startswith("kg"):
                continue
            found = _kg_target(target, modules)
            if found and _layer(found) > _layer(name):
                upward.append(f"{name}:{line} imports {found}")
    assert upward == []


def test_the_import_graph_has_no_cycles():
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for target, _, _ in _imports(name, path):
            found = _kg_target(target, modules) if target.startswith("kg") else None
            # a module imports its package's __init__ on the way: that is no dependency of the code
            if found and found != name and not name.startswith(found + "."):
                graph.add_edge(name, found)
    assert list(nx.simple_cycles(graph)) == []


def test_every_module_has_a_layer():
    assert [name for name in _modules() if _layer(name) is None] == []
