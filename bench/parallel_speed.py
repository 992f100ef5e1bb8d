"""Speed-up of ``reconcile.parallel.extract_parallel`` on generated articles.

Extracts the same N generated documents (streamed from the generator, never
listed) with jobs=1 (in-process) and jobs=2 (a fork pool, chunks of 32),
checks that both give the same claims in the same order, and prints the
speed-up.  quantulum3 (which the extractor loads lazily, if ever) is
loaded before timing so a lazy load does not land in one run only.

    python bench/parallel_speed.py [--quick] [--articles N] [--jobs 2]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import cores, emit, machine, maxrss_mb, timer  # noqa: E402


def _warm() -> None:
    """Load quantulum3 in the parent so forked workers inherit it (as a long ingest would)."""
    from reconcile.extract import quantities

    quantities.measurement_spans("a 3 km road")  # the first parse loads the unit tables


def _run(n: int, jobs: int, chunk: int) -> tuple[float, int, str]:
    import generate
    from reconcile.extract import ExtractOptions
    from reconcile.parallel import extract_parallel

    digest = hashlib.sha256()
    claims = 0
    with timer() as t:
        for doc, found in extract_parallel(generate.iter_documents(n), ExtractOptions(), jobs, chunk=chunk):
            claims += len(found)
            digest.update(doc.path.encode())
            for c in found:
                digest.update(f"{c.start}:{c.end}:{c.measure}:{c.low}:{c.high}:{c.claimant}".encode())
    return t[0], claims, digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="extract_parallel speed-up")
    ap.add_argument("--quick", action="store_true", help="1,000 articles")
    ap.add_argument("--articles", type=int, help="number of generated articles (default 4,000)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=32)
    args = ap.parse_args(argv)
    n = args.articles or (1000 if args.quick else 4000)
    print(f"== parallel extraction (generated articles, {n:,})")
    print(machine())
    _warm()
    t1, c1, h1 = _run(n, 1, args.chunk)
    emit(f"extract {n:,} generated articles, jobs=1", t1, "s", f"{c1:,} claims, {n / t1:,.0f} docs/s")
    tj, cj, hj = _run(n, args.jobs, args.chunk)
    emit(f"extract {n:,} generated articles, jobs={args.jobs}", tj, "s", f"{cj:,} claims, {n / tj:,.0f} docs/s")
    emit(f"RATIO speed-up jobs={args.jobs} / jobs=1", t1 / max(tj, 1e-9), "x",
         f"{cores()} cores; same claims in same order: {'yes' if h1 == hj else 'NO'}")
    emit("peak RSS (parent)", maxrss_mb(), "MiB")
    return 0 if h1 == hj else 1


if __name__ == "__main__":
    sys.exit(main())
