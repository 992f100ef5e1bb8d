"""Rule descriptions for ``reconcile explain``: every rule id a claim can carry is described.

Each row: id, a short invented passage, and a rule id prefix that one of its
claims must carry (so the row checks the rules it means to check).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.documents import parse_text
from reconcile.engine import reconcile
from reconcile.extract import extract_claims
from reconcile.rules import describe_rule

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dc6f63dc215eac7b.txt"

PASSAGES = [
    ("num-range-attr-said", "Police said between 10 and 12 people were killed in the blast in Kota Baru.", "num.range"),
    ("part-of", "The blast in Kota Baru on Tuesday wounded 40 people, 15 of them children.", "part.of"),
    ("part-including", "The bombing in Kota Baru on Tuesday killed 12 people, including two police officers.",
     "part.including"),
    ("part-other", "A landslide killed one farmer in Kota Baru on Tuesday. Four other people died in hospital.",
     "part.other"),
    ("part-severity", "The quake in Kota Baru on Tuesday injured 90 people, and around 30 people were "
                      "seriously injured.", "part.severity"),
    ("stance-deny", "The interior ministry denied that 200 protesters had been arrested.", "stance.deny"),
    ("derived-wounded", "Ten people were shot, one fatally, at the block party in Kota Baru.", "derived."),
]


def _rules(text: str) -> set[str]:
    claims = extract_claims(parse_text("a.txt", text))
    return {r for q in reconcile(claims).quantities for c in q.claims for r in c.rules}


@pytest.mark.parametrize("passage,wanted", [c[1:] for c in PASSAGES], ids=[c[0] for c in PASSAGES])
def test_every_rule_on_a_claim_is_described(passage: str, wanted: str) -> None:
    rules = _rules(f"source: Example News\ndate: 2025-06-04\n\n{passage}\n")
    assert any(r.startswith(wanted) for r in rules), sorted(rules)
    assert [r for r in sorted(rules) if describe_rule(r) == "(no description)"] == []


def test_every_rule_of_the_seed_is_described() -> None:
    rules = _rules(SEED.read_text(encoding="utf-8"))
    assert rules
    assert [r for r in sorted(rules) if describe_rule(r) == "(no description)"] == []


DESCRIBE = [
    ("most-specific-prefix-wins", "measure.right.fatally", "'N shot, one fatally'"),
    ("reference-rule", "num.ref.similar<-120", "by reference"),
    ("unknown-stage", "zzz.unknown", "(no description)"),
    ("prefix-must-end-at-a-dot", "numeral", "(no description)"),
]


@pytest.mark.parametrize("rule,needle", [c[1:] for c in DESCRIBE], ids=[c[0] for c in DESCRIBE])
def test_describe_rule(rule: str, needle: str) -> None:
    assert needle in describe_rule(rule)
