"""Shared fixtures: database URLs.

* ``tmp_db_url``: a SQLite file in the test's temporary folder.
* ``pg_url``: a fresh, uniquely named PostgreSQL database, dropped afterwards;
  skipped unless RECONCILE_TEST_PG_URL is set (``eval "$(.ci/pg.sh start)"``).
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import pytest

PG_ENV = "RECONCILE_TEST_PG_URL"


@pytest.fixture
def tmp_db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'reconcile.db'}"


def _pg_admin(base: str):  # type: ignore[no-untyped-def]
    import psycopg

    parts = urlsplit(base)
    return psycopg.connect(
        host=parts.hostname or "localhost", port=parts.port or 5432,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        dbname=parts.path.lstrip("/") or "postgres", autocommit=True, connect_timeout=10,
    )


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set (run: eval \"$(.ci/pg.sh start)\")")
    name = f"reconcile_t_{uuid.uuid4().hex[:16]}"
    with _pg_admin(base) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(base)
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with _pg_admin(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Both backends: a SQLite file, and a fresh PostgreSQL database when configured."""
    return request.getfixturevalue("tmp_db_url" if request.param == "sqlite" else "pg_url")


# ---------------------------------------------------------------------------
# invented news articles (never text from the corpus) for robustness and parity tests

_TOWNS = ("Marlow", "Dunmore", "Oakfield", "Renwick", "Calder", "Brisk", "Tamsin", "Holloway", "Fenwick",
          "Ashby", "Corran", "Lydford")
_KINDS = ("car bombing", "flood", "fire", "shelling", "landslide", "ferry sinking")
_VOICES = (("police said", "the health ministry said"), ("officials said", "the army said"),
           ("the governor said", "a rescue group said"))


def invented_article(i: int, *, rival: bool = False) -> str:
    """A short plain-text article with a header; ``rival`` gives the same event other figures."""
    town = _TOWNS[i % len(_TOWNS)]
    kind = _KINDS[i % len(_KINDS)]
    day = 1 + (i * 3) % 27
    killed = 5 + (i * 7) % 40 + (13 if rival else 0)
    wounded = 20 + (i * 11) % 60 + (31 if rival else 0)
    said = _VOICES[i % len(_VOICES)][1 if rival else 0]
    outlet = "Valley Post" if rival else "Harbor Times"
    return (
        f"source: {outlet}\ndate: 2026-04-{day + 1:02d}\ntitle: {kind.title()} in {town}\n\n"
        f"A {kind} struck {town} on {['Monday', 'Tuesday', 'Wednesday'][i % 3]}. "
        f"{killed} people were killed and {wounded} were wounded in the {kind} in {town}, {said}.\n\n"
        f"Rescue teams searched the area through the night. Shops in the centre of {town} stayed closed "
        f"and roads were blocked, residents said. Schools will reopen next week, the mayor said.\n"
    )


@pytest.fixture
def write_articles():  # type: ignore[no-untyped-def]
    """``write_articles(folder, n, rivals=k)``: n invented articles (plus k rival reports of the
    first k events, with other figures) as ``folder/NNN.txt``; returns the paths, sorted."""
    def write(folder: Path, n: int, *, rivals: int = 0) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(n):
            p = folder / f"{i:03d}.txt"
            p.write_text(invented_article(i), encoding="utf-8")
            paths.append(p)
        for i in range(rivals):
            p = folder / f"{i:03d}r.txt"
            p.write_text(invented_article(i, rival=True), encoding="utf-8")
            paths.append(p)
        return sorted(paths)
    return write


# ---------------------------------------------------------------------------
# the real-news corpus beside the project (read at test time for equivalence checks, never copied)

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def corpus_texts(n: int) -> list[str]:
    """The first ``n`` corpus texts (sorted by path), or none when ../shared is not there."""
    if not CORPUS.is_dir():
        return []
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*.txt"))[:n]]
