"""Run every benchmark and print the figures, the machine and a summary.

    python bench/run_all.py [--quick] [--only extract,parallel,engine,store,ingest] [--json FILE]

Each benchmark runs in its own process (clean peak-RSS figures, nothing
warm from another).  ``--quick``: corpus every 4th text, ingest 1,000 and
10,000 articles, engine and store 100,000 claims, parallel 1,000 articles.
The full run (ingest 100,000 articles, engine and store 1,000,000 claims) takes far longer:
see BENCHMARKS.md.  The real-news corpus is read from ../shared/corpus
(relative to the repository root) at run time.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BENCH, machine  # noqa: E402

SCRIPTS = {
    "extract": "extract_speed.py",
    "parallel": "parallel_speed.py",
    "engine": "engine_speed.py",
    "store": "store_speed.py",
    "incremental": "incremental_speed.py",
    "ingest": "ingest_speed.py",
}


def _loadavg() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return " ".join(fh.read().split()[:3])
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="run every benchmark")
    ap.add_argument("--quick", action="store_true", help="smaller sizes (minutes, not hours)")
    ap.add_argument("--only", help="comma-separated subset of: " + ",".join(SCRIPTS))
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON here")
    args = ap.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(SCRIPTS)
    unknown = [c for c in chosen if c not in SCRIPTS]
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(unknown)}")
    print(machine())
    print(f"load average before: {_loadavg()}  (other processes on the machine skew wall times)")
    fd, results = tempfile.mkstemp(prefix="reconcile-bench-", suffix=".jsonl")
    os.close(fd)
    env = {**os.environ, "BENCH_RESULTS": results, "PYTHONHASHSEED": "0"}
    failed = []
    t0 = time.perf_counter()
    for name in chosen:
        cmd = [sys.executable, os.path.join(BENCH, SCRIPTS[name])] + (["--quick"] if args.quick else [])
        print(flush=True)
        started = time.perf_counter()
        code = subprocess.call(cmd, env=env)
        print(f"  ({name}: {time.perf_counter() - started:.0f} s wall, exit {code})", flush=True)
        if code != 0:
            failed.append(name)
    with open(results, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    os.remove(results)
    print("\n== summary")
    print(machine())
    print(f"load average after: {_loadavg()}; total {time.perf_counter() - t0:.0f} s")
    for r in rows:
        if r["label"].startswith("RATIO") or "target" in r["note"]:
            v = r["value"]
            shown = f"{v:,.2f}" if isinstance(v, float) else str(v)
            print(f"  {r['label']:<66} {shown:>10} {r['unit']:<5} {r['note']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"machine": machine(), "quick": args.quick, "figures": rows}, fh, indent=2)
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
