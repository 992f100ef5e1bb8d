"""Engine and report speed on generated claims (no database, no extraction).

For each size, ``Claim`` objects with ``EventAnchor`` are made directly by
``generate.generate_claims`` (events of 1-5 documents, revisions, disputes,
denials, lower bounds), then timed:

* ``reconcile.engine.reconcile(claims, EngineOptions())`` -- what the
  ``contradictions`` command spends after loading the claims;
* ``report.formats.quantity_rows(quantities)`` + ``render(rows, "table")``
  -- what the ``report`` command spends after the engine.

    python bench/engine_speed.py [--quick] [--sizes 100000,1000000] [--profile N]

Default sizes: 100,000 and 1,000,000 claims (``--quick``: 100,000).
Targets: contradictions over 1,000,000 claims < 5 s; report < 1 s.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import emit, machine, maxrss_mb, timer  # noqa: E402
from common import sizes as bench_sizes  # noqa: E402


def bench(n: int, profile: int, budget_s: float) -> None:
    import generate
    from reconcile.engine import EngineOptions, reconcile
    from reconcile.report.formats import quantity_rows, render

    tag = f"{n:,} claims"
    with timer() as t_gen:
        claims = generate.generate_claims(n)
    emit(f"{tag}: generate Claim objects", t_gen[0], "s")
    gc.collect()
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
    c0 = time.process_time()
    with timer() as t_eng:
        rec = reconcile(claims, EngineOptions())
    cpu = time.process_time() - c0
    if profile:
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(profile)
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(profile)
    emit(f"{tag}: engine reconcile() (contradictions)", t_eng[0], "s",
         f"cpu {cpu:.1f} s; {len(rec.quantities):,} quantities, {len(rec.contradictions):,} contradictions; "
         "target < 5 s at 1M")
    with timer() as t_rows:
        rows = quantity_rows(rec.quantities)
    with timer() as t_render:
        text = render(rows, "table")
    emit(f"{tag}: report quantity_rows()", t_rows[0], "s", f"{len(rows):,} rows (disputed only)")
    emit(f"{tag}: report render(table)", t_render[0], "s", f"{len(text):,} chars")
    emit(f"{tag}: report total (rows + render)", t_rows[0] + t_render[0], "s", "target < 1 s")
    with timer() as t_all:
        rows_all = quantity_rows(rec.quantities, include_all=True)
        render(rows_all, "table")
    emit(f"{tag}: report --all total (rows + render)", t_all[0], "s", f"{len(rows_all):,} rows")
    emit(f"{tag}: peak RSS so far", maxrss_mb(), "MiB")
    if t_eng[0] > budget_s:
        print(f"    (engine took {t_eng[0]:.0f} s at {n:,}: larger sizes skipped)")
        raise _TooSlow


class _TooSlow(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="engine and report speed on generated claims")
    ap.add_argument("--quick", action="store_true", help="100,000 claims only")
    ap.add_argument("--sizes", help="comma-separated claim counts (overrides the defaults)")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile the engine, top N")
    ap.add_argument("--budget", type=float, default=120.0,
                    help="skip larger sizes when the engine takes longer than this (s)")
    args = ap.parse_args(argv)
    print("== engine (contradictions) and report speed, generated claims")
    print(machine())
    sizes = bench_sizes(args.sizes, args.quick, [100_000, 1_000_000], [100_000])
    for n in sizes:
        try:
            bench(n, args.profile, args.budget)
        except _TooSlow:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
