"""Shared helpers for the benchmark scripts: the machine, memory, timing, output."""
from __future__ import annotations

import json
import os
import platform
import resource
import sys
import time
from contextlib import contextmanager
from typing import Iterator

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus"))
if REPO not in sys.path:  # run from anywhere, without installing bench/
    sys.path.insert(0, REPO)
BENCH = os.path.dirname(os.path.abspath(__file__))
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def machine() -> str:
    return (f"machine: {cores()} cores, {cpu_model()}, Python {platform.python_version()} "
            f"({platform.python_implementation()}), {platform.system()} {platform.release()}")


def maxrss_mb() -> float:
    """Peak resident set size of this process so far (Linux: KiB -> MiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def rss_mb() -> float:
    """Current resident set size (from /proc/self/statm), cheap enough to sample often."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError):
        return maxrss_mb()


@contextmanager
def timer() -> Iterator[list[float]]:
    """``with timer() as t: ...`` then ``t[0]`` is the elapsed seconds."""
    box = [0.0]
    t0 = time.perf_counter()
    try:
        yield box
    finally:
        box[0] = time.perf_counter() - t0


def emit(label: str, value: float | int | str, unit: str = "", note: str = "") -> None:
    """One figure per line; also appended as JSON to $BENCH_RESULTS when set."""
    shown = f"{value:,.3f}" if isinstance(value, float) else (f"{value:,}" if isinstance(value, int) else value)
    print(f"  {label:<66} {shown:>14} {unit:<8} {note}".rstrip(), flush=True)
    out = os.environ.get("BENCH_RESULTS")
    if out:  # run_all.py collects every figure here
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"label": label, "value": value, "unit": unit, "note": note}) + "\n")


def sizes(arg: str | None, quick: bool, full: list[int], short: list[int]) -> list[int]:
    """The sizes a benchmark runs: ``--sizes 100000,1_000_000``, else ``short`` with ``--quick``, else ``full``."""
    if arg:
        return [int(x.replace("_", "")) for x in arg.split(",")]
    return short if quick else full
