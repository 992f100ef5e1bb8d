"""New reports into a large store: ingest's final phase, incremental against full.

A news firehose adds reports of the last days to a store that holds years.
``api.reconcile_and_save`` (ingest's final phase, and ``check --ingest``)
reconciles again only the events that new documents can change
(``reconcile.engine.replay``).  For each store size:

1. the store of N generated claims that ``store_speed.py`` builds and caches
   (its saved output brought up to date first);
2. two copies of it; into each, the same batch of new claims
   (``generate.generate_claims(M, end=..., span_days=2)``: events of the two
   days after the store's last day, documents not stored before), stored with
   ``Store.add_documents``;
3. ``reconcile_and_save(incremental=True)`` on one copy and
   ``reconcile_and_save(incremental=False)`` (every claim) on the other, timed;
4. a digest of both saved outputs (quantities with their figures and claims,
   contradictions with their claims): they must be equal.

    python bench/incremental_speed.py [--quick] [--sizes 100000,1000000] [--new 5000] [--cache DIR]

Target (issue 6): contradictions over 1,000,000 claims < 5 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import emit, machine, maxrss_mb, timer  # noqa: E402
from common import sizes as bench_sizes  # noqa: E402
from store_speed import AT, GENERATOR_VERSION, _settings, build, refresh  # noqa: E402


def _digest(path: str) -> tuple[int, int, str]:
    """(quantities, contradictions, digest of both) of a store's saved output; claim ids compared
    as (document path, start, measure), so that engine-made claims may have other ids."""
    with sqlite3.connect(path) as con:
        ref = {cid: f"{doc}:{start}:{measure}:{derived}" for cid, doc, start, measure, derived in con.execute(
            "SELECT c.id, d.path, c.start, c.measure, c.derived FROM claims c JOIN documents d ON d.id = c.document_id")}
        h = hashlib.sha256()
        links: dict[int, list[str]] = defaultdict(list)
        for qid, cid in con.execute("SELECT quantity_id, claim_id FROM quantity_claims"):
            links[qid].append(ref[cid])
        qs = sorted((key, status, low, best, high, sources, sorted(links[qid]))
                    for qid, key, status, low, best, high, sources in con.execute(
                        "SELECT id, key, status, low, best, high, sources FROM quantities"))
        xs = sorted((kind, key, ref[a], ref[b], why) for kind, key, a, b, why in con.execute(
            "SELECT kind, quantity_key, a_claim_id, b_claim_id, explanation FROM contradictions"))
        h.update(repr(qs).encode())
        h.update(repr(xs).encode())
    return len(qs), len(xs), h.hexdigest()[:16]


def _last_day(path: str) -> dt.date:
    with sqlite3.connect(path) as con:
        return dt.date.fromisoformat(con.execute("SELECT max(event_date) FROM claims").fetchone()[0][:10])


def _add(path: str, claims: list) -> None:
    from reconcile.model import Document
    from reconcile.store import Store

    by_doc: dict[str, list] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c.with_id(None))
    items = []
    for doc, cl in by_doc.items():
        text = "\n\n".join(c.sentence for c in cl)
        items.append((Document(path=doc, text=text, sha256=hashlib.sha256(f"{doc}\n{text}".encode()).hexdigest(),
                               published=cl[0].published, source=cl[0].source), cl))
    store = Store(f"sqlite:///{path}")
    try:
        store.add_documents(items, ingested_at=AT)
    finally:
        store.close()


def _final_phase(path: str, incremental: bool) -> float:
    from reconcile import api
    from reconcile.store import Store

    url = f"sqlite:///{path}"
    store = Store(url)
    try:
        with timer() as t:
            api.reconcile_and_save(store, _settings(url), incremental=incremental)
    finally:
        store.close()
    return t[0]


def bench(n: int, new: int, cache: str) -> None:
    import generate

    tag = f"{n:,} claims + {new:,} new"
    path = os.path.join(cache, f"store-{n}-g{GENERATOR_VERSION}.db")
    if not os.path.exists(path):
        build(path + ".part", n)
        os.replace(path + ".part", path)
    refresh(path, f"{n:,} claims")
    fresh = generate.generate_claims(new, seed=29, end=_last_day(path) + dt.timedelta(days=3), span_days=2,
                                     prefix="new")
    with tempfile.TemporaryDirectory(prefix="reconcile-bench-inc-", dir=cache) as tmp:
        figures = {}
        for mode in ("incremental", "full"):
            copy = os.path.join(tmp, f"{mode}.db")
            shutil.copyfile(path, copy)
            _add(copy, fresh)
            secs = _final_phase(copy, mode == "incremental")
            figures[mode] = (secs, _digest(copy))
            os.remove(copy)
    (t_inc, d_inc), (t_full, d_full) = figures["incremental"], figures["full"]
    emit(f"{tag}: final phase, incremental (events the new claims can change)", t_inc, "s",
         "target < 5 s at 1M")
    emit(f"{tag}: final phase, full (every claim reconciled and saved again)", t_full, "s",
         f"{d_full[0]:,} quantities, {d_full[1]:,} contradictions")
    emit(f"{tag}: RATIO full / incremental", t_full / max(t_inc, 1e-9), "x")
    emit(f"{tag}: saved outputs equal", int(d_inc == d_full), "", f"digests {d_inc[2]} / {d_full[2]}")
    emit(f"{tag}: peak RSS so far", maxrss_mb(), "MiB")
    if d_inc != d_full:
        raise SystemExit(f"{tag}: the incremental save differs from the full one")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="incremental vs full final phase of ingest")
    ap.add_argument("--quick", action="store_true", help="100,000 claims only")
    ap.add_argument("--sizes", help="comma-separated store sizes in claims (overrides the defaults)")
    ap.add_argument("--new", type=int, default=5000, help="new claims in the batch (default 5,000)")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "reconcile-bench"))
    args = ap.parse_args(argv)
    print("== new reports into a large store: incremental vs full reconcile + save")
    print(machine())
    os.makedirs(args.cache, exist_ok=True)
    sizes = bench_sizes(args.sizes, args.quick, [100_000, 1_000_000], [100_000])
    for n in sizes:
        bench(n, args.new, args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
