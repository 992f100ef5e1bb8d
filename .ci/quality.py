"""Score the development gold through the public contract and enforce floors.

Runs `reconcile extract --format jsonl` and `ingest` + `contradictions --format jsonl`
on the documents ../shared/gold/dev covers, scores them with ../shared/eval/score.py,
ingests the GVA articles and scores `report --all --format json` with
../shared/eval/incidents.py, and exits 1 when a figure drops below its floor in
.ci/floors.json.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold" / "dev"
BIN = Path(sys.executable).parent / "reconcile"
INCIDENTS = SHARED / "eval" / "incidents.py"
GVA = SHARED / "benchmarks" / "gva" / "articles"


def run(args: list[str], **kw) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT, **kw).stdout


def main() -> int:
    if not SCORE.is_file() or not GOLD.is_dir():
        print(f"quality: {SHARED} not found; skipping the floors")
        return 0
    floors = json.loads((ROOT / ".ci" / "floors.json").read_text())
    docs = run([sys.executable, str(SCORE), "docs", str(GOLD)]).split()
    with tempfile.TemporaryDirectory() as tmp:
        claims = Path(tmp, "claims.jsonl")
        claims.write_text(run([str(BIN), "extract", "--format", "jsonl", *docs]))
        got = {"claims": json.loads(run([sys.executable, str(SCORE), "claims", str(GOLD), str(claims), "--json"]))}
        db = f"sqlite:///{tmp}/dev.db"
        env = {**os.environ, "RECONCILE_DB": db}
        run([str(BIN), "ingest", "--quiet", *docs], env=env)
        pairs = Path(tmp, "pairs.jsonl")
        pairs.write_text(run([str(BIN), "contradictions", "--format", "jsonl"], env=env))
        got["conflicts"] = json.loads(run([sys.executable, str(SCORE), "conflicts", str(GOLD), str(pairs), "--json"]))
        if INCIDENTS.is_file() and GVA.is_dir():      # the whole pipeline on the GVA local news
            env = {**os.environ, "RECONCILE_DB": f"sqlite:///{tmp}/gva.db"}
            run([str(BIN), "ingest", "--quiet", str(GVA)], env=env)
            report = Path(tmp, "report.json")
            report.write_text(run([str(BIN), "report", "--all", "--format", "json"], env=env))
            got["gva"] = json.loads(run([sys.executable, str(INCIDENTS), str(report), "--json"]))
    failed = 0
    for section, wants in floors.items():
        if section not in got:
            print(f"quality: {section}: its data is not in {SHARED}; skipped")
            continue
        for key, floor in wants.items():
            value = got[section].get(key, 0.0)
            ok = value >= floor
            failed += not ok
            print(f"quality: {section}.{key} = {value} (floor {floor}) {'ok' if ok else 'BELOW FLOOR'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
