"""Ingest throughput into SQLite for generated articles (bench/generate.py).

For each size, a fresh child process (so peak RSS is per run):

1. writes N generated articles into a temporary folder (1,000 per sub-folder);
2. ``reconcile.api.ingest([folder], Settings(db=sqlite file))``, with a fixed
   ``ingested_at``; a progress callback samples elapsed time and current RSS
   every N/10 documents, so the per-document phase (read + extract + store,
   one transaction per document) is timed apart from the final
   reconcile-and-save phase, and memory growth is visible;
3. reports documents/s, the projection to 100,000 articles, and peak RSS.

With ``--jobs J`` (J > 1) the per-document phase uses
``reconcile.parallel.extract_parallel`` (or ``api.ingest(jobs=J)`` once the
lead has wired it).

    python bench/ingest_speed.py [--quick] [--sizes 1000,10000] [--jobs 2] [--tracemalloc]

Default sizes: 10,000 and 100,000 (``--quick``: 1,000 and 10,000).
Target: 100,000 articles in under 10 minutes on 2 cores, memory flat in N.
"""
from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import emit, machine, maxrss_mb, rss_mb, timer  # noqa: E402
from common import sizes as bench_sizes  # noqa: E402

FIXED_AT = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _ingest_parallel(folder: str, settings, jobs: int, progress) -> dict:
    """api.ingest's loop with extraction on ``jobs`` processes (until ``ingest --jobs`` exists)."""
    from reconcile import api
    from reconcile.extract import ExtractOptions
    from reconcile.parallel import extract_parallel

    store = api.open_store(settings)
    claims = 0
    try:
        docs = api.iter_documents([folder], settings)
        for doc, found in extract_parallel(docs, ExtractOptions(measure_cues=settings.measure_cues), jobs):
            result = store.add_document(doc, found, ingested_at=FIXED_AT)
            claims += result.claims
            progress(doc)
        rec = api.reconcile(store.claims(), api.engine_options(settings))
        store.save_reconciliation(rec)
    finally:
        store.close()
    return {"claims": claims, "quantities": len(rec.quantities), "contradictions": len(rec.contradictions)}


def run_one(n: int, jobs: int, use_tracemalloc: bool, keep: str | None) -> dict:
    """One size, in this process; returns the figures as a dict."""
    import generate
    from reconcile import api
    from reconcile.settings import Settings

    tmp = keep or tempfile.mkdtemp(prefix=f"reconcile-bench-{n}-")
    folder = os.path.join(tmp, "articles")
    db = os.path.join(tmp, "bench.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    with timer() as t_gen:
        size = generate.write_folder(folder, n) if not os.path.isdir(folder) else -1
    settings = Settings(db=f"sqlite:///{db}")
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    samples: list[tuple[int, float, float]] = []
    every = max(1, n // 10)
    count = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    last = [t0]
    last_cpu = [c0]

    def progress(_doc) -> None:
        nonlocal count
        count += 1
        last[0] = time.perf_counter()
        last_cpu[0] = time.process_time()
        if count % every == 0:
            samples.append((count, last[0] - t0, rss_mb()))

    rss_before = rss_mb()
    if jobs > 1 and "jobs" not in inspect.signature(api.ingest).parameters:
        out = _ingest_parallel(folder, settings, jobs, progress)
    else:
        kwargs = {"jobs": jobs} if "jobs" in inspect.signature(api.ingest).parameters else {}
        summary = api.ingest([folder], settings, ingested_at=FIXED_AT, progress=progress, **kwargs)
        out = {"claims": summary.claims, "quantities": summary.quantities,
               "contradictions": summary.contradictions}
    t_end = time.perf_counter()
    traced = None
    if use_tracemalloc:
        import tracemalloc

        traced = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()
    return {
        "n": n, "jobs": jobs, "documents": count, "bytes": size, "generate_s": t_gen[0],
        "per_doc_s": last[0] - t0, "per_doc_cpu": last_cpu[0] - c0,
        "children_cpu": _children_cpu(), "reconcile_s": t_end - last[0], "total_s": t_end - t0,
        "rss_before": rss_before, "samples": samples, "maxrss": maxrss_mb(), "traced_peak": traced,
        "db_mb": os.path.getsize(db) / (1024 * 1024) if os.path.exists(db) else 0.0, "tmp": tmp, **out,
    }


def _children_cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def report(r: dict) -> None:
    n, j = r["n"], r["jobs"]
    tag = f"ingest {n:,} articles, jobs={j}"
    emit(f"{tag}: generate files", r["generate_s"], "s", f"{r['bytes']:,} bytes" if r["bytes"] > 0 else "")
    emit(f"{tag}: read+extract+store phase", r["per_doc_s"], "s",
         f"{r['documents']:,} docs, {r['claims']:,} claims")
    emit(f"{tag}: per-doc phase, CPU of the main process", r["per_doc_cpu"], "s",
         "wall > CPU means other load on the machine" if j == 1 else "workers' CPU not included")
    emit(f"{tag}: final reconcile+save phase", r["reconcile_s"], "s",
         f"{r['quantities']:,} quantities, {r['contradictions']:,} contradictions")
    emit(f"{tag}: total", r["total_s"], "s")
    rate = r["documents"] / max(r["per_doc_s"], 1e-9)
    emit(f"{tag}: documents/s (per-document phase)", rate, "docs/s")
    emit(f"{tag}: projected 100,000 (per-doc phase only)", 100_000 / max(rate, 1e-9) / 60, "min",
         "target < 10 min")
    if j == 1:
        emit(f"{tag}: projected 100,000 from CPU time (idle machine)",
             100_000 * r["per_doc_cpu"] / max(1, r["documents"]) / 60, "min", "target < 10 min")
    emit(f"{tag}: peak RSS", r["maxrss"], "MiB")
    if r["traced_peak"] is not None:
        emit(f"{tag}: tracemalloc peak", r["traced_peak"], "MiB")
    emit(f"{tag}: database size", r["db_mb"], "MiB")
    if r["samples"]:
        curve = ", ".join(f"{c // 1000 if c >= 1000 else c}{'k' if c >= 1000 else ''}:{m:.0f}"
                          for c, _t, m in r["samples"])
        print(f"    RSS (MiB) by documents ingested: start:{r['rss_before']:.0f}, {curve}")
        first, last = r["samples"][0], r["samples"][-1]
        if last[0] > first[0]:
            per_k = (last[2] - first[2]) / ((last[0] - first[0]) / 1000)
            emit(f"{tag}: RSS growth during per-doc phase", per_k, "MiB/1k docs")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ingest throughput into SQLite")
    ap.add_argument("--quick", action="store_true", help="1,000 and 10,000 articles")
    ap.add_argument("--sizes", help="comma-separated article counts (overrides the defaults)")
    ap.add_argument("--jobs", type=int, default=1, help="extraction processes (default 1)")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)          # child mode
    ap.add_argument("--keep", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.jobs, args.tracemalloc, args.keep)))
        return 0
    print(f"== ingest throughput (SQLite, generated articles, jobs={args.jobs})")
    print(machine())
    sizes = bench_sizes(args.sizes, args.quick, [10_000, 100_000], [1000, 10_000])
    for n in sizes:
        cmd = [sys.executable, os.path.abspath(__file__), "--one", str(n), "--jobs", str(args.jobs)]
        if args.tracemalloc:
            cmd.append("--tracemalloc")
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"  ingest {n:,}: FAILED (exit {proc.returncode})\n{proc.stderr[-3000:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        report(r)
        _cleanup(r["tmp"])
    return 0


def _cleanup(tmp: str) -> None:
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
