"""Extraction speed over the real-news corpus (../shared/corpus, read at run time).

In one process, over the same texts:

1. a naive floor: ``re.finditer(r"\\d+", text)`` over every text;
2. ``reconcile.extract.Extractor().extract(doc)``: a cold pass (fresh
   process: includes the lazy quantulum3 load the extractor triggers for
   its second opinion on measurements), then a warm pass with the
   extractor's caches cleared;
3. quantulum3 ``parser.parse(paragraph)`` for every paragraph (body split on
   blank lines), after one warm-up call that loads its tables.

Target: the warm extractor >= 20x faster than quantulum3 over every paragraph.

    python bench/extract_speed.py [--quick] [--corpus ../shared/corpus] [--profile N]

``--quick`` uses every 4th text.  ``--profile N`` prints the top N functions
of a cProfile run of the warm extractor pass.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CORPUS, emit, machine, maxrss_mb, timer  # noqa: E402

_PARA = re.compile(r"\n[ \t\r]*\n")


def load_corpus(folder: str, quick: bool) -> list:
    from reconcile import documents

    paths = [p for p in documents.iter_paths([folder]) if p.endswith(".txt")]
    if quick:
        paths = paths[::4]
    docs = []
    for p in paths:
        got, _warnings = documents.read_path(p, max_bytes=50_000_000)
        docs.extend(got)
    return docs


def _clear_caches() -> None:
    """Drop memoised quantulum3 windows so the warm pass does the same work as the cold one."""
    try:
        from reconcile.extract import quantities

        cache_clear = getattr(getattr(quantities, "_parse_window", None), "cache_clear", None)
        if cache_clear:
            cache_clear()
    except ImportError:  # pragma: no cover
        pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="extraction vs quantulum3 over the corpus")
    ap.add_argument("--quick", action="store_true", help="every 4th text only")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile the warm pass, top N")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 pass")
    args = ap.parse_args(argv)

    print("== extraction speed (real-news corpus)")
    print(machine())
    if not os.path.isdir(args.corpus):
        print(f"  corpus not found: {args.corpus} (skipped)")
        return 0
    docs = load_corpus(args.corpus, args.quick)
    chars = sum(len(d.text) for d in docs)
    paragraphs = [p for d in docs for p in _PARA.split(d.text[d.body_start:]) if p.strip()]
    emit("texts", len(docs))
    emit("characters", chars)
    emit("paragraphs", len(paragraphs))

    # 1. the floor
    with timer() as t_re:
        hits = sum(1 for d in docs for _ in re.finditer(r"\d+", d.text))
    emit("naive regex \\d+ over every text", t_re[0], "s", f"{hits:,} matches")

    # 2. the extractor
    from reconcile.extract import Extractor

    with timer() as t_cold:
        ex = Extractor()
        n_cold = sum(len(ex.extract(d)) for d in docs)
    emit("extractor, cold (first pass, incl. lazy quantulum3 load)", t_cold[0], "s", f"{n_cold:,} claims")
    _clear_caches()
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
    with timer() as t_warm:
        ex = Extractor()
        n_warm = sum(len(ex.extract(d)) for d in docs)
    if args.profile:
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(args.profile)
    emit("extractor, warm (caches cleared)", t_warm[0], "s", f"{n_warm:,} claims")
    emit("extractor, warm, per text", 1000 * t_warm[0] / max(1, len(docs)), "ms")
    emit("extractor, warm, throughput", chars / max(t_warm[0], 1e-9) / 1e6, "MB/s")

    # 3. quantulum3 over every paragraph
    if not args.no_quantulum:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser

            parser.parse("The 3 km road.")  # loaded already by the extractor's cold pass
            with timer() as t_q:
                found = sum(len(parser.parse(p)) for p in paragraphs)
        emit("quantulum3 parse of every paragraph", t_q[0], "s", f"{found:,} quantities")
        emit("RATIO quantulum3-every-paragraph / extractor (warm)", t_q[0] / max(t_warm[0], 1e-9), "x",
             "target >= 20x")
    emit("RATIO extractor (warm) / naive regex floor", t_warm[0] / max(t_re[0], 1e-9), "x")
    emit("peak RSS", maxrss_mb(), "MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
