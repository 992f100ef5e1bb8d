"""Hostile inputs: extraction time per KB from 1 KB to 1 MB, and a check that it grows linearly.

Each case is text a scraper feed can produce (issue 18): one comma-joined sentence of figures,
runs of whitespace, figures with no punctuation between them, an open quote, chains of "said",
emoji between figures.  For each case and size the document goes through the whole per-document
path (``documents.read_bytes`` then ``Extractor.extract``) with the time budget off, so what is
measured is the scans themselves.  The figure cap (``MAX_FIGURES_PER_DOCUMENT``, 500) stays
on: it is what bounds a document of nothing but figures, and it gives the same claims on every
machine; the cases below 500 figures (up to 16 KB for most) measure the work per figure.

The check, per case: no document over ``--limit`` seconds per 100 KB (2 s), and the time per KB
at the largest size no more than ``--growth`` (4x) the time per KB at the smallest size timed
above the noise floor (16 KB).  A case that passes the limit at one size is not run at larger ones.
Exit 1 when a check fails.

    python bench/hostile.py [--max-kb 1024] [--only NAME,...] [--limit 2.0] [--growth 4]
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import machine  # noqa: E402


def _repeat(unit: str, head: str = "", tail: str = ""):
    def make(size: int) -> str:
        body = unit * max(1, (size - len(head) - len(tail)) // len(unit))
        return head + body + tail
    return make


def _spaces_between(size: int) -> str:
    return "Police said 5" + " " * max(1, size - 40) + "people were killed."


def _space_run(size: int) -> str:
    half = "Police said 12 people were killed on Monday. "
    return half + " " * max(1, size - 2 * len(half)) + half


#: name -> text of about ``size`` characters
CASES = {
    "comma-joined": _repeat("Police said 12 people were killed and 30 wounded in the attack on Monday, "),
    "one-space": _repeat("1 "),
    "one-comma": _repeat("1, "),
    "spaces-between": _spaces_between,
    "space-run": _space_run,
    "parenthesised": _repeat("(5 killed) "),
    "were-killed": _repeat("5 were killed, "),
    "unpunctuated": _repeat("police said five people were killed and twelve wounded in the attack "),
    "emoji": _repeat("5 killed \U0001F525 12 wounded \U0001F6A8 "),
    "said-chain": _repeat("officials said police said witnesses said ", tail="3 people were killed."),
    "open-quote": _repeat("Five people were killed and 12 wounded in the attack ", head="\u201c"),
    "newline-figures": _repeat("7 killed\n"),
}

SIZES_KB = (1, 4, 16, 64, 256, 1024)
#: sizes below this are too fast to time reliably: the growth check starts here
FLOOR_KB = 16


def run(names: list[str], max_kb: int, limit: float, growth: float) -> int:
    from reconcile import documents
    from reconcile.extract import ExtractOptions, Extractor

    ex = Extractor(ExtractOptions(time_budget=None))
    print(machine())
    print(f"{'case':<16}" + "".join(f"{str(kb) + ' KB':>12}" for kb in SIZES_KB if kb <= max_kb)
          + "   (ms per KB)")
    failed: list[str] = []
    for name in names:
        make = CASES[name]
        per_kb: dict[int, float] = {}
        cells: list[str] = []
        for kb in (k for k in SIZES_KB if k <= max_kb):
            data = make(kb * 1024).encode("utf-8")
            t0 = time.perf_counter()
            docs, _warnings = documents.read_bytes(f"{name}.txt", data)
            for doc in docs:
                ex.extract(doc)
            took = time.perf_counter() - t0
            per_kb[kb] = took * 1000 / kb
            cells.append(f"{per_kb[kb]:>12.2f}")
            if took > limit * kb / 100 and kb >= FLOOR_KB:
                failed.append(f"{name}: {took:.2f} s for {kb} KB, over {limit} s per 100 KB")
                break
        print(f"{name:<16}" + "".join(cells), flush=True)
        timed = [kb for kb in per_kb if kb >= FLOOR_KB]
        if len(timed) >= 2 and per_kb[timed[-1]] > growth * max(per_kb[timed[0]], 0.05):
            failed.append(f"{name}: {per_kb[timed[-1]]:.2f} ms per KB at {timed[-1]} KB, "
                          f"{per_kb[timed[0]]:.2f} at {timed[0]} KB: worse than linear")
    for line in failed:
        print(f"FAIL {line}")
    print("hostile: " + ("FAIL" if failed else "ok (linear, under the limit)"))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-kb", type=int, default=1024)
    ap.add_argument("--only", default="", help="comma-separated case names")
    ap.add_argument("--limit", type=float, default=2.0, help="seconds per 100 KB")
    ap.add_argument("--growth", type=float, default=4.0,
                    help="largest allowed ratio of ms per KB, largest size over the first timed size")
    args = ap.parse_args(argv)
    names = [n for n in args.only.split(",") if n] or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        ap.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}")
    return run(names, args.max_kb, args.limit, args.growth)


if __name__ == "__main__":
    sys.exit(main())
