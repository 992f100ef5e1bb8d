"""The Store against SQLite and (when RECONCILE_TEST_PG_URL is set) PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reconcile.errors import DatabaseError
from reconcile.model import Claim, Contradiction, Document, EventAnchor, Quantity, Reconciliation
from reconcile.store import AddResult, Store, claimant_key

NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.timezone.utc)


def doc(path: str, text: str, *, source: str | None = "Reuters", published: dt.date | None = dt.date(2026, 1, 4),
        line: int | None = None) -> Document:
    return Document(path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), source=source,
                    published=published, line=line, format="jsonl" if line else "text")


def claim(d: Document, figure: str, measure: str = "killed", value: float | None = 5, **kw: object) -> Claim:
    start = d.text.index(figure)
    base = dict(doc=d.path, start=start, end=start + len(figure), text=figure, measure=measure,
                low=value, high=value, published=d.published, source=d.source)
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def strip_id(c: Claim) -> Claim:
    return dataclasses.replace(c, id=None)


@pytest.fixture
def store(db_url: str):
    st = Store(db_url)
    yield st
    st.close()


# --------------------------------------------------------------------------- add_document

A1 = doc("a.txt", "Police said 5 people were killed in Caracas.")
A2 = doc("a.txt", "Police said 7 people were killed in Caracas.")
A_COPY = doc("copy-of-a.txt", A1.text)
J1 = doc("feed.jsonl#1", "Army said 3 soldiers were wounded.", line=1)
J2 = doc("feed.jsonl#2", "Army said 4 soldiers were wounded.", line=2)
J1B = doc("feed.jsonl#1", "Army said 6 soldiers were wounded.", line=1)

ADD_CASES = [
    pytest.param([A1, A1], ["new", "unchanged"], (1, 1), id="same-content-twice-unchanged"),
    pytest.param([A1, A_COPY], ["new", "unchanged"], (1, 1), id="same-content-other-path-unchanged"),
    pytest.param([A1, A2], ["new", "new-version"], (1, 2), id="changed-content-new-version"),
    pytest.param([A1, A2, A2], ["new", "new-version", "unchanged"], (1, 2), id="new-version-then-unchanged"),
    pytest.param([A1, A2, A1], ["new", "new-version", "new-version"], (1, 2), id="reverted-content-current-again"),
    pytest.param([A1, A2, A_COPY], ["new", "new-version", "unchanged"], (1, 2),
                 id="old-content-under-another-path-unchanged"),
    pytest.param([J1, J2], ["new", "new"], (2, 2), id="jsonl-lines-are-separate-documents"),
    pytest.param([J1, J2, J1B], ["new", "new", "new-version"], (2, 3), id="jsonl-line-changed-new-version"),
]


@pytest.mark.parametrize("docs, statuses, counts", ADD_CASES)
def test_add_document_status(store: Store, docs: list[Document], statuses: list[str],
                             counts: tuple[int, int]) -> None:
    got = []
    for d in docs:
        first = d.text.split()[2]
        res = store.add_document(d, [claim(d, first, value=float(first))], ingested_at=NOW)
        assert isinstance(res, AddResult)
        got.append(res.status)
        assert res.claims == (0 if res.status == "unchanged" else 1)
    assert got == statuses
    stats = store.stats()
    assert (stats["documents"], stats["document_versions"]) == counts
    assert stats["claims"] == counts[0]


def test_unchanged_returns_existing_doc_id_and_writes_nothing(store: Store) -> None:
    first = store.add_document(A1, [claim(A1, "5")], ingested_at=NOW)
    again = store.add_document(A1, [claim(A1, "5"), claim(A1, "Caracas", value=1)], ingested_at=NOW)
    assert again == AddResult(first.doc_id, "unchanged", 0)
    assert store.stats()["claims_total"] == 1


def test_new_version_supersedes_old_claims(store: Store) -> None:
    old = store.add_document(A1, [claim(A1, "5")], ingested_at=NOW)
    new = store.add_document(A2, [claim(A2, "7", value=7)], ingested_at=NOW)
    assert new.status == "new-version" and new.doc_id != old.doc_id
    assert [(c.low, c.doc) for c in store.claims()] == [(7.0, "a.txt")]
    everything = store.claims(current_only=False)
    assert [c.low for c in everything] == [5.0, 7.0]
    old_claim = everything[0]
    assert store.claim(old_claim.id) == old_claim          # still readable by id
    assert store.stats()["claims"] == 1 and store.stats()["claims_total"] == 2


def test_bad_stance_is_refused_before_writing(store: Store) -> None:
    with pytest.raises(ValueError, match="stance"):
        store.add_document(A1, [claim(A1, "5", stance="shout")], ingested_at=NOW)
    assert store.stats()["document_versions"] == 0


@pytest.mark.parametrize("docs, statuses, counts", ADD_CASES)
def test_add_documents_matches_one_at_a_time(store: Store, docs: list[Document], statuses: list[str],
                                             counts: tuple[int, int]) -> None:
    items = [(d, [claim(d, d.text.split()[2], value=float(d.text.split()[2]))]) for d in docs]
    got = store.add_documents(items, ingested_at=NOW)
    assert [r.status for r in got] == statuses
    stats = store.stats()
    assert (stats["documents"], stats["document_versions"], stats["claims"]) == (*counts, counts[0])


def test_add_documents_is_all_or_nothing(store: Store) -> None:
    bad = doc("bad.txt", "Police said 9 people were killed.")
    with pytest.raises(ValueError, match="stance"):
        store.add_documents([(A1, [claim(A1, "5")]), (bad, [claim(bad, "9", stance="shout")])], ingested_at=NOW)
    assert store.stats()["document_versions"] == 0


def test_claimant_and_outlet_ids_are_shared_across_documents(store: Store) -> None:
    """The second report of a claimant (and outlet) reuses its row, also from another Store."""
    one = doc("one.txt", "Police said 5 people were killed.")
    two = doc("two.txt", "Police said 6 people were killed.")
    store.add_document(one, [claim(one, "5", claimant="Police", claimant_kind="unknown")], ingested_at=NOW)
    store.add_document(two, [claim(two, "6", value=6, claimant="police", claimant_kind="police")], ingested_at=NOW)
    stats = store.stats()
    assert (stats["claimants"], stats["outlets"]) == (1, 1)
    fresh = Store(store.url)      # another process's view: what was committed
    try:
        fresh.add_document(J1, [claim(J1, "3", value=3, claimant="Police")], ingested_at=NOW)
        assert fresh.stats()["claimants"] == 1
    finally:
        fresh.close()


# --------------------------------------------------------------------------- claims() filters

D1 = doc("d1.txt", "The Health Ministry said 12 were killed and 30 wounded on Sunday.", published=dt.date(2026, 1, 4))
D2 = doc("d2.txt", "Rebels said 40 were killed; AP counted 3 detained.", source="AP", published=dt.date(2026, 1, 10))
D3 = doc("d3.txt", "Officials said 9 were killed.", source=None, published=None)


def _filter_corpus(store: Store) -> None:
    store.add_document(D1, [
        claim(D1, "12", value=12, claimant="The Health Ministry", claimant_kind="government",
              event=EventAnchor(date=dt.date(2026, 1, 3))),
        claim(D1, "30", "wounded", 30, claimant="The Health Ministry", claimant_kind="government",
              event=EventAnchor(date=dt.date(2026, 1, 3))),
    ], ingested_at=NOW)
    store.add_document(D2, [
        claim(D2, "40", value=40, claimant="Rebels", claimant_kind="group"),
        claim(D2, "3", "detained", 3, claimant="AP", claimant_kind="media"),
    ], ingested_at=NOW)
    store.add_document(D3, [claim(D3, "9", value=9, event=EventAnchor(date=dt.date(2026, 1, 8)))], ingested_at=NOW)


FILTER_CASES = [
    pytest.param({}, ["12", "30", "40", "3", "9"], id="all-sorted-by-doc-start"),
    pytest.param({"measure": "killed"}, ["12", "40", "9"], id="measure"),
    pytest.param({"measure": "fired"}, [], id="measure-none"),
    pytest.param({"claimant": "health"}, ["12", "30"], id="claimant-substring-case-insensitive"),
    pytest.param({"claimant": "REBEL"}, ["40"], id="claimant-upper"),
    pytest.param({"claimant": "%"}, [], id="claimant-like-wildcard-is-literal"),
    pytest.param({"since": dt.date(2026, 1, 5)}, ["40", "3", "9"], id="since-event-date-else-published"),
    pytest.param({"since": dt.date(2026, 1, 9)}, ["40", "3"], id="since-published-fallback"),
    pytest.param({"doc": "d2.txt"}, ["40", "3"], id="doc"),
    pytest.param({"measure": "killed", "since": dt.date(2026, 1, 4)}, ["40", "9"], id="combined"),
]


@pytest.mark.parametrize("kwargs, texts", FILTER_CASES)
def test_claims_filters(store: Store, kwargs: dict, texts: list[str]) -> None:
    _filter_corpus(store)
    assert [c.text for c in store.claims(**kwargs)] == texts


def test_claims_ids_filter_and_missing_claim(store: Store) -> None:
    _filter_corpus(store)
    ids = [c.id for c in store.claims()]
    assert [c.text for c in store.claims(ids=[ids[4], ids[0], 10_000])] == ["12", "9"]
    assert store.claims(ids=[]) == []
    assert store.claim(10_000) is None


def test_claims_current_only_and_event_filter(store: Store) -> None:
    _filter_corpus(store)
    d1b = doc("d1.txt", D1.text.replace("12", "14"))
    store.add_document(d1b, [claim(d1b, "14", value=14, claimant="Health Ministry")], ingested_at=NOW)
    assert [c.text for c in store.claims(measure="killed")] == ["14", "40", "9"]
    assert [c.text for c in store.claims(measure="killed", current_only=False)] == ["12", "14", "40", "9"]
    by_text = {c.text: c for c in store.claims()}
    q = Quantity(key="ev1|killed|all", event="2026-01-03 Caracas", measure="killed", scope="all",
                 claims=(by_text["14"], by_text["40"]), low=14, best=14, high=40, status="disputed")
    store.save_reconciliation(Reconciliation((q,), ()))
    assert [c.text for c in store.claims(event="ev1")] == ["14", "40"]
    assert [c.text for c in store.claims(event="2026-01-03 Caracas")] == ["14", "40"]
    assert store.claims(event="nope") == []


# --------------------------------------------------------------------------- round trip

RT = doc("rt.txt", "Tass reported that the ministry said at least 1,200 were killed on Sunday in Kyiv.")
ROUND_TRIP_CASES = [
    pytest.param(claim(RT, "at least 1,200", value=None, low=1200.0, high=None, qualifier="at-least", vague=False,
                       subject="civilians", claimant="the ministry", claimant_kind="government", via=("Tass",),
                       stance="confirm", sentence=RT.text, sentence_start=0,
                       event=EventAnchor(date=dt.date(2026, 1, 3), date_text="on Sunday", place="Kyiv",
                                         places=("Kyiv", "Ukraine"), kinds=("strike", "bombing")),
                       rules=("num.bound.at-least", "measure.passive.killed", "attr.said.after"), derived=True),
                 id="every-field-set"),
    pytest.param(claim(RT, "killed", value=None, qualifier="vague", vague=True), id="open-interval-defaults"),
    pytest.param(claim(RT, "1,200", value=1200.5, stance="deny", claimant="Ministère de l’Intérieur",
                       claimant_kind="official", via=("Tass", "RIA"), published=RT.published),
                 id="fractional-unicode-claimant"),
]


@pytest.mark.parametrize("original", ROUND_TRIP_CASES)
def test_claim_round_trips_every_field(store: Store, original: Claim) -> None:
    store.add_document(RT, [original], ingested_at=NOW)
    [stored] = store.claims()
    assert stored.id is not None
    assert strip_id(stored) == original
    assert store.claim(stored.id) == stored


CLAIMANT_KEYS = [
    pytest.param("The Health Ministry", "health ministry", id="article-dropped"),
    pytest.param("U.S. Central Command", "us central command", id="dots-dropped"),
    pytest.param("Ministère de l’Intérieur", "ministere de linterieur", id="accents-apostrophe"),
    pytest.param("The", "the", id="only-an-article"),
]


@pytest.mark.parametrize("name, key", CLAIMANT_KEYS)
def test_claimant_key(name: str, key: str) -> None:
    assert claimant_key(name) == key


# --------------------------------------------------------------------------- engine output

def _quantity(key: str, claims: tuple[Claim, ...], status: str = "disputed", **kw: object) -> Quantity:
    event, measure, scope = key.split("|")
    values = [c.low for c in claims if c.low is not None]
    base = dict(key=key, event=f"label {event}", measure=measure, scope=scope, claims=claims,
                low=min(values, default=None), best=values[0] if values else None,
                high=max(values, default=None), status=status, reasons={"best": "engine.latest"}, sources=len(claims))
    base.update(kw)
    return Quantity(**base)  # type: ignore[arg-type]


def test_save_reconciliation_replaces_previous_output(store: Store) -> None:
    _filter_corpus(store)
    c = {x.text: x for x in store.claims()}
    first = Reconciliation(
        (_quantity("e1|killed|all", (c["12"], c["40"]), current=c["40"]),
         _quantity("e1|wounded|all", (c["30"],), status="consistent")),
        (Contradiction("disjoint", c["12"], c["40"], "e1|killed|all", "12 vs 40"),),
    )
    store.save_reconciliation(first)
    qs = store.quantities()
    assert [(q["key"], q["claim_ids"], q["status"], q["event_key"]) for q in qs] == [
        ("e1|killed|all", sorted([c["12"].id, c["40"].id]), "disputed", "e1"),
        ("e1|wounded|all", [c["30"].id], "consistent", "e1"),
    ]
    assert qs[0]["current_claim_id"] == c["40"].id and qs[0]["reasons"] == {"best": "engine.latest"}
    assert [(x["kind"], x["a_claim_id"], x["b_claim_id"]) for x in store.contradictions()] == [
        ("disjoint", c["12"].id, c["40"].id)]

    second = Reconciliation((_quantity("e2|killed|all", (c["9"],), status="consistent"),), ())
    store.save_reconciliation(second)
    assert [q["key"] for q in store.quantities()] == ["e2|killed|all"]
    assert store.contradictions() == []
    assert [x.text for x in store.claims(event="e2")] == ["9"]
    assert store.claims(event="e1") == []
    stats = store.stats()
    assert (stats["quantities"], stats["contradictions"], stats["events"]) == (1, 0, 1)


def test_save_reconciliation_derived_claims_without_id(store: Store) -> None:
    _filter_corpus(store)
    c = {x.text: x for x in store.claims()}
    derived = dataclasses.replace(c["30"], id=None, measure="wounded", low=29, high=29, derived=True,
                                  rules=("engine.derive.wounded",))
    restated = dataclasses.replace(c["12"], id=None)              # matches a stored claim: linked, not copied
    orphan = dataclasses.replace(c["9"], id=None, doc="unknown.txt")  # no such document: not linked
    rec = Reconciliation(
        (_quantity("e1|wounded|all", (derived, c["30"])), _quantity("e1|killed|all", (restated, orphan))),
        (Contradiction("disjoint", derived, c["30"], "e1|wounded|all", "29 vs 30"),
         Contradiction("disjoint", restated, orphan, "e1|killed|all", "skipped")),
    )
    store.save_reconciliation(rec)
    stored_derived = [x for x in store.claims() if x.derived]
    assert [strip_id(x) for x in stored_derived] == [derived]
    qs = {q["key"]: q for q in store.quantities()}
    assert qs["e1|killed|all"]["claim_ids"] == [c["12"].id]
    assert qs["e1|wounded|all"]["claim_ids"] == sorted([c["30"].id, stored_derived[0].id])
    assert [x["kind"] for x in store.contradictions()] == ["disjoint"]
    # saving again does not duplicate it; saving without it removes the engine's copy
    store.save_reconciliation(rec)
    assert len([x for x in store.claims() if x.derived]) == 1
    store.save_reconciliation(Reconciliation((), ()))
    assert [x for x in store.claims() if x.derived] == []
    assert store.stats()["claims"] == 5


# --------------------------------------------------------------------------- concurrency

WRITER = textwrap.dedent("""
    import datetime as dt, hashlib, sys
    from reconcile.model import Claim, Document
    from reconcile.store import Store
    url, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    st = Store(url)
    for i in range(n):
        text = f"{tag} report {i}: 5 people were killed."
        d = Document(path=f"{tag}/{i}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                     source="Wire")  # shared outlet and claimant: unique-key races between the writers
        s = text.index("5")
        c = Claim(doc=d.path, start=s, end=s + 1, text="5", measure="killed", low=5, high=5,
                  claimant="City Police")
        r = st.add_document(d, [c], ingested_at=dt.datetime.now(dt.timezone.utc))
        print(r.status)
    st.close()
""")


def test_two_processes_ingest_concurrently(db_url: str) -> None:
    """Two writer processes on one (fresh, unmigrated) database both succeed."""
    n = 15
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, db_url, tag, str(n)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for tag in ("alpha", "beta")]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err
        assert out.split() == ["new"] * n
    with Store(db_url) as st:
        assert st.stats()["documents"] == 2 * n
        assert {c.doc.split("/")[0] for c in st.claims()} == {"alpha", "beta"}
        assert len(st.claims(claimant="city police")) == 2 * n
        assert st.stats()["outlets"] == 1 and st.stats()["claimants"] == 1


def test_two_processes_ingesting_the_same_documents(db_url: str) -> None:
    """A race on the same content: each document is "new" in exactly one process."""
    n = 15
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, db_url, "same", str(n)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, results):
        assert p.returncode == 0, err
    statuses = [out.split() for out, _ in results]
    assert [sorted(pair) for pair in zip(*statuses)] == [["new", "unchanged"]] * n
    with Store(db_url) as st:
        assert st.stats()["documents"] == n and st.stats()["claims"] == n


# --------------------------------------------------------------------------- unusable URLs

def _unusable(tmp_path: Path) -> list[tuple[str, str]]:
    (tmp_path / "folder.db").mkdir()
    (tmp_path / "garbage.db").write_bytes(b"this is not a database" * 100)
    return [
        (f"sqlite:///{tmp_path / 'missing' / 'x.db'}", "does not exist"),
        (f"sqlite:///{tmp_path / 'folder.db'}", "is a folder"),
        (f"sqlite:///{tmp_path / 'garbage.db'}", "not a database"),
        ("this is not a url", "invalid database URL"),
        ("nosuchdialect://x/y", "unsupported database URL"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/nothing", "cannot open database"),
    ]


UNUSABLE_IDS = ["missing-folder", "folder-as-db", "not-a-database-file", "bad-url", "unknown-driver",
                "unreachable-server"]


@pytest.mark.parametrize("case", range(len(UNUSABLE_IDS)), ids=UNUSABLE_IDS)
def test_unusable_url_raises_one_line_database_error(tmp_path: Path, case: int) -> None:
    url, message = _unusable(tmp_path)[case]
    if url.startswith("postgresql+psycopg") and importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg is not installed (pip install '.[postgres]')")
    with pytest.raises(DatabaseError, match=message) as info:
        Store(url)
    assert "\n" not in str(info.value)
    assert info.value.exit_code == 4


def test_in_memory_sqlite_works() -> None:
    with Store("sqlite://") as st:
        assert st.add_document(A1, [claim(A1, "5")], ingested_at=NOW).status == "new"
        assert [c.text for c in st.claims()] == ["5"]
