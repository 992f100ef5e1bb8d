"""The read commands over a store of N generated claims: ``contradictions`` and ``report``.

What a user waits for after an ingest: the commands read the engine output the
ingest saved (``api.reconcile_store``), so their time follows the size of the
output, not the number of stored claims.  For each size:

1. build (once; cached under ``--cache``) a SQLite store from
   ``generate.generate_claims(n)`` with ``Store.add_documents`` in batches, and
   ``api.reconcile_and_save`` -- the final phase of ``ingest`` -- unless the
   saved output is current (an engine change makes it stale);
2. time the commands as a user runs them (``python -m reconcile ... > file``,
   a fresh process each):
   ``contradictions --format jsonl``, ``contradictions`` (table), ``report``
   (table) and ``report --format json``;
3. the same commands with filters a researcher uses on a large store (one month,
   one measure and kind): the store applies them in SQL;
4. time ``contradictions --recompute`` (every claim read and reconciled again),
   the figure before the saved output was read.

    python bench/store_speed.py [--quick] [--sizes 100000,1000000] [--cache DIR]

Targets (issue 6): contradictions over 1,000,000 claims < 5 s; report < 1 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import emit, machine, maxrss_mb, timer  # noqa: E402
from common import sizes as bench_sizes  # noqa: E402

#: bump when generate.py changes what it makes: cached stores are rebuilt
GENERATOR_VERSION = 3
AT = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _settings(url: str):  # -> Settings
    from reconcile.settings import Settings

    return Settings(db=url)


def build(path: str, n: int) -> None:
    import generate
    from reconcile.model import Document
    from reconcile.store import Store

    tag = f"{n:,} claims"
    with timer() as t_gen:
        claims = generate.generate_claims(n)
        by_doc: dict[str, list] = defaultdict(list)
        for c in claims:
            by_doc[c.doc].append(c.with_id(None))
    emit(f"{tag}: generate", t_gen[0], "s", f"{len(by_doc):,} documents")
    url = f"sqlite:///{path}"
    store = Store(url)
    try:
        with timer() as t_load:
            batch = []
            for doc, cl in by_doc.items():
                text = "\n\n".join(c.sentence for c in cl)
                d = Document(path=doc, text=text, sha256=hashlib.sha256(f"{doc}\n{text}".encode()).hexdigest(),
                             published=cl[0].published, source=cl[0].source)
                batch.append((d, cl))
                if len(batch) == 2000:
                    store.add_documents(batch, ingested_at=AT)
                    batch = []
            if batch:
                store.add_documents(batch, ingested_at=AT)
        emit(f"{tag}: store.add_documents (batches of 2,000)", t_load[0], "s")
    finally:
        store.close()


def refresh(path: str, tag: str) -> None:
    """Reconcile and save (``ingest``'s final phase) unless the saved output is current:
    a new store has none, a cached one may have output an older engine made."""
    from reconcile import api
    from reconcile.store import Store

    url = f"sqlite:///{path}"
    store = Store(url)
    try:
        if store.saved_inputs() != api.engine_inputs(store, _settings(url)):
            with timer() as t_rec:
                rec = api.reconcile_and_save(store, _settings(url))
            emit(f"{tag}: reconcile + save (ingest's final phase)", t_rec[0], "s",
                 f"{len(rec.quantities):,} quantities, {len(rec.contradictions):,} contradictions")
    finally:
        store.close()


def command(args: list[str]) -> tuple[float, int]:
    """Wall time of ``reconcile ARGS > file`` as a user runs it (a fresh process: imports
    included), and the bytes written."""
    with tempfile.TemporaryFile() as out:
        with timer() as t:
            done = subprocess.run([sys.executable, "-m", "reconcile", *args], stdout=out, stderr=subprocess.PIPE)
        size = out.seek(0, os.SEEK_END)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
    return t[0], size


def bench(n: int, cache: str, recompute: bool) -> None:
    path = os.path.join(cache, f"store-{n}-g{GENERATOR_VERSION}.db")
    if not os.path.exists(path):
        tmp = path + ".part"
        for p in (tmp, tmp + "-wal", tmp + "-shm"):
            if os.path.exists(p):
                os.remove(p)
        build(tmp, n)
        os.replace(tmp, path)
    db = ["--db", f"sqlite:///{path}"]
    tag = f"{n:,} claims"
    refresh(path, tag)
    for label, args, target in (
        ("contradictions --format jsonl", ["contradictions", "--format", "jsonl"], "target < 5 s at 1M"),
        ("contradictions (table)", ["contradictions"], ""),
        ("report (table)", ["report"], "target < 1 s"),
        ("report --format json", ["report", "--format", "json"], ""),
        # what a researcher asks of a large store: the last month (the generator's events end in 2025)
        ("contradictions --format jsonl --since 2025-12-01", ["contradictions", "--format", "jsonl", "--since",
                                                              "2025-12-01"], "one month of events"),
        ("report --since 2025-12-01", ["report", "--since", "2025-12-01"], "one month of events"),
        ("contradictions --measure killed --kind revision", ["contradictions", "--measure", "killed", "--kind",
                                                             "revision"], ""),
    ):
        secs, size = command([*db, *args])
        emit(f"{tag}: {label}", secs, "s", f"{size:,} bytes out; {target}".rstrip("; "))
    if recompute:
        secs, _size = command([*db, "contradictions", "--format", "jsonl", "--recompute"])
        emit(f"{tag}: contradictions --recompute (read every claim, reconcile again)", secs, "s")
    emit(f"{tag}: peak RSS so far", maxrss_mb(), "MiB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="read commands over a store of generated claims")
    ap.add_argument("--quick", action="store_true", help="100,000 claims only")
    ap.add_argument("--sizes", help="comma-separated claim counts (overrides the defaults)")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "reconcile-bench"),
                    help="folder for the generated stores (kept between runs)")
    ap.add_argument("--no-recompute", action="store_true", help="skip the --recompute timing")
    args = ap.parse_args(argv)
    print("== read commands (contradictions, report) over a store of generated claims")
    print(machine())
    os.makedirs(args.cache, exist_ok=True)
    sizes = bench_sizes(args.sizes, args.quick, [100_000, 1_000_000], [100_000])
    for n in sizes:
        bench(n, args.cache, not args.no_recompute)
    return 0


if __name__ == "__main__":
    sys.exit(main())
