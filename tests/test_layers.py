"""The layers, checked two ways: importing a pure engine loads neither Flask nor
SQLAlchemy (in a fresh interpreter), and no module imports a layer above its own (read
from the source with `ast`, imports inside functions included).

The layers, lowest first (see ARCHITECTURE.md):

    base       errors, resources, ratings, charts, amounts, numberwords
    engines    extraction, matching, claimreview, archive_search, ingest   (pure Python)
    data       models, database, migrate, backup                      (SQLAlchemy, no Flask)
    services   services                                               (no Flask)
    entry      http, web, api, cli, db, config, claimtrack/__init__ (create_app)

Among the entry points, web/ (pages) and api/ (JSON) share only http/ (extensions,
sessions, access rules) and never import each other; no blueprint imports its own
parent package, and no two of their modules import each other.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "claimtrack"

ENGINES = ("extraction", "matching", "claimreview", "archive_search", "ingest", "fetch")
LAYERS = {
    "base": {"errors", "resources", "ratings", "charts", "amounts", "numberwords", "filelocks"},
    "engines": set(ENGINES),
    "data": {"models", "database", "migrate", "backup"},
    "services": {"services"},
    "entry": {"http", "web", "api", "cli", "db", "config", "__init__", "jobs", "fetch_client"},
}
# The layers each layer may import (its own included).
MAY_IMPORT = {
    "base": {"base"},
    "engines": {"base", "engines"},
    "data": {"base", "data"},
    "services": {"base", "engines", "data", "services"},
    "entry": {"base", "engines", "data", "services", "entry"},
}
WEB_FRAMEWORK = {
    "flask",
    "flask_htmx",
    "flask_login",
    "flask_wtf",
    "jinja2",
    "jinja2_fragments",
    "werkzeug",
    "waitress",
    "click",
}
DATABASE = {"sqlalchemy", "sqlmodel", "alembic", "psycopg"}
# Third-party packages a layer must not import.
FORBIDDEN_PACKAGES = {
    "base": WEB_FRAMEWORK | DATABASE,
    "engines": WEB_FRAMEWORK | DATABASE,
    "data": WEB_FRAMEWORK,
    "services": WEB_FRAMEWORK,
}
# Among the entry points: the importer's component must not import these components.
ENTRY_RULES = {
    "http": {"web", "api", "cli"},
    "web": {"api", "cli"},
    "cli": {"web", "api"},
    "api": {"web", "cli"},
    "db": {"web", "api", "cli", "config"},
    "config": {"web", "api", "cli", "db"},
}
# Packages whose modules must not import the package they sit in (its __init__).
NO_PARENT_IMPORTS = ("web", "api", "http")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name: str) -> bool:
    path = REPO.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports at run time, as absolute dotted names. `from . import x`
    names the submodule when x is one, else the package."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking_only(node):
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if is_module(sub) else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return found


def component(name: str) -> str:
    """claimtrack.web.claims -> web; claimtrack -> __init__."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(comp: str) -> str:
    for layer, members in LAYERS.items():
        if comp in members:
            return layer
    raise AssertionError(f"claimtrack/{comp} belongs to no layer: add it to LAYERS in {__file__}")


def import_graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for importer, targets in graph.items():
        source = component(importer)
        layer = layer_of(source)
        for target in sorted(targets):
            top = target.split(".")[0]
            if top in FORBIDDEN_PACKAGES.get(layer, ()):
                problems.append(f"{importer} ({layer}) imports {target}")
            if top != "claimtrack":
                continue
            dest = component(target)
            if dest == source:
                continue
            if layer_of(dest) not in MAY_IMPORT[layer]:
                problems.append(f"{importer} ({layer}) imports {target} ({layer_of(dest)}), a layer above")
            elif dest in ENTRY_RULES.get(source, ()):
                problems.append(f"{importer} imports {target}: {source}/ must not import {dest}/")
    return problems


def test_every_package_belongs_to_a_layer():
    for path in PACKAGE.iterdir():
        if path.suffix == ".py" or (path / "__init__.py").exists():
            layer_of(path.stem if path.suffix else path.name)


def test_no_import_runs_upwards():
    assert layer_violations(import_graph()) == []


def parent_imports(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for importer, targets in graph.items():
        parts = importer.split(".")
        if len(parts) == 3 and parts[1] in NO_PARENT_IMPORTS and ".".join(parts[:2]) in targets:
            problems.append(f"{importer} imports its parent package {'.'.join(parts[:2])}")
    return problems


def mutual_imports(graph: dict[str, set[str]]) -> list[str]:
    """Pairs of entry modules that import each other (a cycle only a late import hides)."""
    entry = {m for m in graph if component(m) in NO_PARENT_IMPORTS}
    return sorted(f"{a} <-> {b}" for a in entry for b in graph[a] if b in entry and a < b and a in graph.get(b, ()))


def test_no_blueprint_imports_its_parent_package():
    assert parent_imports(import_graph()) == [], "import from the module that defines it, not from the package"


def test_no_two_entry_modules_import_each_other():
    assert mutual_imports(import_graph()) == []


def test_the_role_ladder_is_declared_once():
    """The roles in order appear as a literal in exactly one module (models.accounts)."""
    ladder = ("viewer", "reviewer", "editor", "admin")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Tuple | ast.List)
                and all(isinstance(e, ast.Constant) for e in node.elts)
                and tuple(e.value for e in node.elts) == ladder
            ):
                found.append(module_name(path))
    assert found == ["claimtrack.models.accounts"]


def transaction_calls(source: str, module: str) -> list[str]:
    """`x.commit()` and `x.rollback()` calls in one module's source, as "module:line"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("commit", "rollback")
        ):
            found.append(f"{module}:{node.lineno}")
    return found


# The error handlers end a failed request's transaction before they answer.
TRANSACTION_PLUMBING = {"claimtrack.web.errors", "claimtrack.api.errors"}


def test_routes_commit_only_through_the_write_helper():
    """Pages and API handlers call a service inside `http.writes.writing()`; none commits
    or rolls back by itself."""
    found = [
        hit
        for folder in ("web", "api")
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        if module_name(path) not in TRANSACTION_PLUMBING
        for hit in transaction_calls(path.read_text(encoding="utf-8"), module_name(path))
    ]
    assert found == [], "wrap the service call in `with writing() as db:` instead"


def test_the_transaction_check_sees_a_commit():
    source = "def view(db):\n    db.add(1)\n    db.commit()\n    get_session().rollback()\n"
    assert transaction_calls(source, "claimtrack.web.probe") == ["claimtrack.web.probe:3", "claimtrack.web.probe:4"]


def test_the_entry_checks_see_a_broken_rule():
    graph = {
        "claimtrack.api.claims": {"claimtrack.web.access"},
        "claimtrack.web.claims": {"claimtrack.web", "claimtrack.web.auth"},
        "claimtrack.web.auth": {"claimtrack.web.claims"},
        "claimtrack.http.access": {"claimtrack.web.auth"},
    }
    assert layer_violations(graph) == [
        "claimtrack.api.claims imports claimtrack.web.access: api/ must not import web/",
        "claimtrack.http.access imports claimtrack.web.auth: http/ must not import web/",
    ]
    assert parent_imports(graph) == ["claimtrack.web.claims imports its parent package claimtrack.web"]
    assert mutual_imports(graph) == ["claimtrack.web.auth <-> claimtrack.web.claims"]


def test_the_checker_sees_an_upward_import():
    graph = {
        "claimtrack.matching.scoring": {"claimtrack.services.linking.related"},
        "claimtrack.services.review.claims": {"flask"},
        "claimtrack.web.claims": {"claimtrack.api.render"},
        "claimtrack.extraction.numbers": {"claimtrack.errors", "re"},
    }
    assert layer_violations(graph) == [
        "claimtrack.matching.scoring (engines) imports claimtrack.services.linking.related (services), a layer above",
        "claimtrack.services.review.claims (services) imports flask",
        "claimtrack.web.claims imports claimtrack.api.render: web/ must not import api/",
    ]


PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in ("flask", "sqlalchemy", "sqlmodel", "werkzeug") if m in sys.modules)))
"""


def loaded_frameworks(*modules: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *modules], capture_output=True, text=True, cwd=REPO, timeout=120, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("engine", ENGINES)
def test_importing_an_engine_loads_neither_flask_nor_sqlalchemy(engine):
    assert loaded_frameworks(f"claimtrack.{engine}") == []


def test_services_and_the_engine_module_load_no_flask():
    services = sorted(module_name(p) for p in (PACKAGE / "services").rglob("*.py"))
    assert "flask" not in loaded_frameworks("claimtrack.database", "claimtrack.models", *services)
