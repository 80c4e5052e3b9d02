"""The tree reads as the pipeline: no import cycles, modules and functions of a readable size, nothing in the
package that only tests use. A file over 500 lines or a function over 80 says why at its top (`# long: ...`)."""
import ast
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT

KG = ROOT / "kg"
MAX_LINES, MAX_FUNCTION = 500, 80
STAGES = {"ingest", "extract", "lexicon", "run", "rdf", "outputs", "viz", "sparql"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in KG.rglob("*.py")}


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The kg modules `path` imports, at its top or inside a function."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target in known:
                out.add(target)
            for alias in node.names:
                if f"{target}.{alias.name}" in known:
                    out.add(f"{target}.{alias.name}")
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
    return out - {name}


def import_graph() -> nx.DiGraph:
    mods = modules()
    g = nx.DiGraph()
    for name, path in mods.items():
        g.add_node(name)
        for target in imports(path, name, set(mods)):
            if not name.startswith(target + "."):       # a module may use its own package's __init__
                g.add_edge(name, target)
    return g


def test_layout_no_import_cycles():
    cycles = [c for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert not cycles, f"import cycles: {cycles}"


def test_layout_import_graph_sees_imports():
    g = import_graph()
    assert g.has_edge("kg.extract.organizations", "kg.extract.geo")
    assert g.has_edge("kg.sparql.plan", "kg.rdf.namespaces")


def _reason(path: Path) -> bool:
    return "# long:" in "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:40])


@pytest.mark.parametrize("path", sorted(KG.rglob("*.py")), ids=lambda p: str(p.relative_to(KG)))
def test_layout_module_and_function_sizes(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    if _reason(path):
        return
    assert len(lines) <= MAX_LINES, f"{path.relative_to(ROOT)} has {len(lines)} lines"
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            n = node.end_lineno - node.lineno + 1
            assert n <= MAX_FUNCTION, f"{path.relative_to(ROOT)}:{node.lineno} {node.name} has {n} lines"


def test_layout_top_level_is_the_stages():
    """kg/ holds the stage folders and a few modules every stage shares; nothing that only tests use."""
    folders = {p.name for p in KG.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders >= STAGES
    flat = {p.stem for p in KG.glob("*.py")}
    assert flat == {"__init__", "cli", "errors", "datamodel", "pipeline", "resolve"}
    for path in KG.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "playwright" not in text and "import random" not in text, f"{path}: test-only code in the package"
