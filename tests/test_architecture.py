"""The layering of docs/architecture.md, checked on the imports of every module.

Each row: id, a third-party module, and the only files (relative to the
repository) allowed to import it.  A file outside the list that imports it
(``import x``, ``import x.y``, ``from x import ...``) fails the row.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(ROOT / "reconcile").rglob("*.py"), *(ROOT / "migrations").rglob("*.py")])


def _allowed_store(rel: str) -> bool:
    return rel.startswith(("reconcile/store/", "migrations/"))


BOUNDARIES = [
    ("only-store-imports-sqlalchemy", "sqlalchemy", _allowed_store),
    ("only-store-imports-alembic", "alembic", _allowed_store),
    ("only-quantities-imports-quantulum3", "quantulum3", lambda rel: rel == "reconcile/extract/quantities.py"),
    ("only-cli-imports-click", "click", lambda rel: rel == "reconcile/cli.py"),
]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("module,allowed", [c[1:] for c in BOUNDARIES], ids=[c[0] for c in BOUNDARIES])
def test_import_boundaries(module: str, allowed) -> None:  # type: ignore[no-untyped-def]
    importers = sorted(str(p.relative_to(ROOT)) for p in SOURCES if module in _imports(p))
    assert importers, f"nothing imports {module}: the row checks nothing"
    assert [rel for rel in importers if not allowed(rel)] == []
