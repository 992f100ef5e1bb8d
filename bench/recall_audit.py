"""Recall audit: every number in a casualty context that the extractor neither
emitted nor refused with a named rule.  Needs no gold, runs on any text.

For every document of the given folders or files (read as ``reconcile`` reads
them), every number (digits or number words, the number grammar's ``NUM``) in
a clause holding a casualty word (a death, injury, displacement, arrest or
missing word) is one of:

* ``emitted``: inside the span of a claim the extractor made;
* ``refused``: refused on purpose by a named rule, whose id is shown: a
  non-count (``nc.*``: dates, ages, times, money, identifiers ...), a figure
  that counts nothing whatever follows it (``measure.nc.*``), the whole a
  part is taken from (``measure.whole_of_part``), a negated act
  (``measure.veto.negated``);
* ``unexplained``: neither: a figure the extractor may have missed.

    python bench/recall_audit.py [--list] [--limit N] [--json] PATH...

Prints, per PATH, the counts and the refusals by rule id; ``--list`` lists
each unexplained number with its file and its sentence (the number marked
``[[...]]``).  Exit code 0 always (a measurement, not a gate).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402,F401  (puts the checkout on sys.path)

from reconcile import documents  # noqa: E402
from reconcile.extract import Extractor, numbers  # noqa: E402
from reconcile.extract.measures import not_a_count_rule  # noqa: E402
from reconcile.extract.sentences import split_sentences  # noqa: E402

#: every number: digits or number words (the extractor's own number grammar)
_NUMBER = re.compile(rf"(?=\d|\b[a-z])(?:{numbers.NUM})", re.I | re.X)
#: a clause ends at a semicolon, a line break or a contrastive conjunction
_CLAUSE_END = re.compile(r";|\n|,\s+(?:but|while|whereas)\b|\s+\u2014\s+")
#: words of the five casualty families (death, injury, displacement, arrest, missing)
CASUALTY_WORDS = re.compile(
    r"\b(?:kill\w*|dead|died|dies|dying|deaths?|fatal\w*|slain|murder\w*|bod(?:y|ies)|perish\w*|lives|toll|"
    r"casualt\w*|massacre\w*|execut\w*|"
    r"injur\w*|wound\w*|hurt|hospitali[sz]ed|"
    r"displac\w*|evacuat\w*|evacuees?|homeless|refugees?|fle[de]|fleeing|shelter\w*|uprooted|"
    r"arrest\w*|detain\w*|detention|custody|captur\w*|kidnap\w*|abduct\w*|hostages?|"
    r"missing|unaccounted)\b", re.I)


@dataclass(frozen=True)
class Item:
    path: str
    start: int
    end: int
    number: str
    outcome: str        # emitted | refused | unexplained
    rule: str | None    # the refusing rule's id
    sentence: str
    sentence_start: int


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _CLAUSE_END.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def audit_document(doc: documents.Document, extractor: Extractor) -> list[Item]:
    """Every number in a casualty context of ``doc``, with its outcome."""
    text = doc.text
    claims = extractor.extract(doc)
    spans = sorted((c.start, c.end) for c in claims)
    items: list[Item] = []
    for sent in split_sentences(text, doc.body_start):
        figures = None
        for cs, ce in _clauses(text, sent.start, sent.end):
            if not CASUALTY_WORDS.search(text, cs, ce):
                continue
            for m in _NUMBER.finditer(text, cs, ce):
                s, e = m.start(), m.end()
                if any(a < e and s < b for a, b in spans):
                    items.append(Item(doc.path, s, e, m.group(), "emitted", None, sent.text, sent.start))
                    continue
                rule = numbers.non_count_rule_at(text, sent.start, sent.end, s)
                if rule is None:
                    if figures is None:
                        figures = numbers.find_figures(text, sent.start, sent.end)
                    fig = next((f for f in figures if f.start < e and s < f.end), None)
                    if fig is not None:
                        rule = extractor.measures.refusal(text, sent, fig, figures)
                outcome = "refused" if rule else "unexplained"
                items.append(Item(doc.path, s, e, m.group(), outcome, rule, sent.text, sent.start))
    return items


def audit_paths(paths: list[str]) -> list[Item]:
    extractor = Extractor()
    out: list[Item] = []
    files = [p for p in documents.iter_paths(paths) if p.endswith((".txt", ".jsonl", ".json", ".html", ".htm"))]
    for p in sorted(files):
        try:
            docs, _warnings = documents.read_path(p, max_bytes=50_000_000)
        except Exception as exc:  # noqa: BLE001 - a bench script: report and go on
            print(f"{p}: skipped ({exc})", file=sys.stderr)
            continue
        for doc in docs:
            out.extend(audit_document(doc, extractor))
    return out


def _marked(item: Item) -> str:
    s, i, j = item.sentence, item.start - item.sentence_start, item.end - item.sentence_start
    marked = s[:i] + "[[" + s[i:j] + "]]" + s[j:]
    return re.sub(r"\s+", " ", marked).strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--list", action="store_true", help="list every unexplained number with its sentence")
    ap.add_argument("--limit", type=int, default=0, help="list at most N per path")
    ap.add_argument("--json", action="store_true", help="one JSON object per path")
    args = ap.parse_args(argv)
    for path in args.paths:
        items = audit_paths([path])
        counts = Counter(i.outcome for i in items)
        refused = Counter(i.rule for i in items if i.outcome == "refused")
        if args.json:
            print(json.dumps({"path": path, "numbers": len(items), **{k: counts[k] for k in
                              ("emitted", "refused", "unexplained")}, "refused_by": dict(sorted(refused.items()))}))
        else:
            print(f"{path}: numbers={len(items)} emitted={counts['emitted']} refused={counts['refused']} "
                  f"unexplained={counts['unexplained']}")
            print("  refused by: " + ", ".join(f"{r} {n}" for r, n in sorted(refused.items(), key=lambda x: (-x[1], x[0]))))
        if args.list:
            shown = 0
            for i in items:
                if i.outcome != "unexplained":
                    continue
                if args.limit and shown >= args.limit:
                    break
                shown += 1
                print(f"  {os.path.relpath(i.path, path) if os.path.isdir(path) else i.path}: "
                      f"{i.number!r}: {_marked(i)[:400]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
