"""ECB+ event grouping on two fixed halves of the topics: one to tune on, one only to check.

    python bench/ecb_halves.py [--db PATH] [--report JSON] [--verbose]

Ingests ``../shared/benchmarks/ecbplus/docs`` once into a fresh SQLite store
(or reads a report JSON already made with ``--report``), prints the report
(``report --all --format json``) and scores it with ``../shared/eval/events.py``
separately on each half: topics sorted, even positions = the *tune* half, odd
positions = the *check* half.  The topic of a document is read from the gold
here only (the engine never sees it).  A change that helps the tune half and
not the check half is fitted to cases.

Prints, per half: pairwise P/R/F1, sister-event false merges, cross-topic false
merges and the same-topic baseline; then the whole set.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "..", "shared"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared"
ECB = os.path.join(SHARED, "benchmarks", "ecbplus")
SCORER = os.path.join(SHARED, "eval", "events.py")


def halves(gold: dict[str, dict]) -> dict[str, dict[str, dict]]:
    topics = sorted({str(g["topic"]) for g in gold.values()}, key=lambda t: (int(t) if t.isdigit() else 0, t))
    tune = set(topics[0::2])
    out: dict[str, dict[str, dict]] = {"tune": {}, "check": {}}
    for name, g in gold.items():
        out["tune" if str(g["topic"]) in tune else "check"][name] = g
    return out


def score(report: str, gold_path: str, verbose: bool = False) -> dict:
    args = [sys.executable, SCORER, os.path.join(ECB, "docs"), report, "--gold", gold_path, "--json"]
    res = subprocess.run(args, capture_output=True, text=True, check=True)
    if verbose:
        v = subprocess.run(args[:-1] + ["--verbose"], capture_output=True, text=True, check=True)
        print(v.stdout)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db")
    ap.add_argument("--report", help="a report JSON already made (skips ingest)")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--half", choices=("tune", "check", "both"), default="both", help="which half --verbose lists")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="ecb-halves-")
    report = a.report
    if report is None:
        db = a.db or os.path.join(tmp, "ecb.db")
        exe = os.path.join(REPO, ".venv", "bin", "reconcile")
        env = dict(os.environ, RECONCILE_DB=f"sqlite:///{db}")
        subprocess.run([exe, "ingest", "--quiet", os.path.join(ECB, "docs")], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        report = os.path.join(tmp, "ecb.json")
        with open(report, "w", encoding="utf-8") as fh:
            subprocess.run([exe, "report", "--all", "--format", "json"], env=env, check=True, stdout=fh,
                           stderr=subprocess.DEVNULL)
    with open(os.path.join(ECB, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    parts = halves(gold)
    parts["all"] = gold
    for name in ("tune", "check", "all"):
        path = os.path.join(tmp, f"gold-{name}.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(parts[name], fh)
        f = score(report, path, verbose=a.verbose and a.half in (name, "both") and name != "all")
        topics = sorted({str(g["topic"]) for g in parts[name].values()}, key=lambda t: int(t) if t.isdigit() else 0)
        print(f"{name:>5} ({len(topics)} topics, {f['docs']} docs): P {f['p']:.3f} R {f['r']:.3f} F1 {f['f1']:.3f}  "
              f"sister fm {f['fp_sister']} cross fm {f['fp_cross']}  same-topic baseline {f['base_topic_f1']:.3f}  "
              f"main F1 {f['main_f1']:.3f} core F1 {f['core_f1']:.3f}  "
              f"r dated {f['r_dated']} undated {f['r_undated']} mixed {f['r_mixed']}")
    print(f"report: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
