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
from reconcile.rules import RULE_PREFIXES, _matches, describe_rule, rule_row

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
    ("resolve-pronoun", "Governor Elena Marsh visited Kota Baru on Tuesday. She said 14 people had died in the floods.",
     "attr.resolve.pronoun"),
    ("resolve-surname", "Police chief Daniel Okoro spoke in Kota Baru on Tuesday. Okoro said 9 people were "
                        "wounded in the attack.", "attr.resolve.surname"),
    ("attr-tag", "Six people were killed in the fire in Kota Baru on Tuesday, the fire service said.", "attr.said.tag"),
    ("attr-inverted", "Six people were killed in the fire in Kota Baru on Tuesday, said the fire chief.",
     "attr.said.inverted"),
    ("coordination", "Gunmen killed four soldiers and two civilians near Kota Baru on Tuesday.",
     "measure.coordination.previous"),
    ("num-all", "All 12 miners were rescued from the flooded pit in Kota Baru on Tuesday.", "num.all"),
    ("stance-assert", "Police said 30 people were arrested after the riot in Kota Baru on Tuesday.", "stance.assert"),
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
    ("argument-is-not-a-part", "clause.place<north harbour>", "a place phrase"),
    ("verb-part-is-any-verb", "attr.announced.tag", "after the words it reports"),
    ("named-form-before-the-verb-rows", "attr.quote.after", "closing mark"),
    ("resolution-is-not-an-attribution-verb", "attr.resolve.pronoun.speaker", "pronoun"),
    ("unresolved-title-before-title", "attr.resolve.title.unresolved", "kept as written"),
]


@pytest.mark.parametrize("rule,needle", [c[1:] for c in DESCRIBE], ids=[c[0] for c in DESCRIBE])
def test_describe_rule(rule: str, needle: str) -> None:
    assert needle in describe_rule(rule)


def _stage_fallbacks(rules: set[str]) -> list[str]:
    """Ids of two or more parts described only by their stage's catch-all row (``attr``, ``num``...)."""
    return sorted(r for r in rules if "." in r and (row := rule_row(r)) is not None and "." not in row[0])


@pytest.mark.parametrize("passage,wanted", [c[1:] for c in PASSAGES], ids=[c[0] for c in PASSAGES])
def test_no_rule_falls_back_to_its_stage_description(passage: str, wanted: str) -> None:
    """A pronoun resolution is not 'an attribution verb': every id has a row of its own form."""
    assert _stage_fallbacks(_rules(f"source: Example News\ndate: 2025-06-04\n\n{passage}\n")) == []


def test_no_rule_of_the_seed_falls_back_to_its_stage_description() -> None:
    assert _stage_fallbacks(_rules(SEED.read_text(encoding="utf-8"))) == []


def test_no_row_is_shadowed_by_an_earlier_one() -> None:
    """The first matching row wins, so a row after a more general one that covers it is dead."""
    dead = [(later, earlier) for k, (later, _) in enumerate(RULE_PREFIXES) for earlier, _ in RULE_PREFIXES[:k]
            if earlier != later and _matches(later.replace("*", "x"), earlier)]
    assert dead == []


def test_explain_shows_each_rules_own_description(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from reconcile.cli import cli

    doc = tmp_path / "a.txt"
    doc.write_text("source: Example News\ndate: 2025-06-04\n\nGovernor Elena Marsh visited Kota Baru on Tuesday. "
                   "She said 14 people had died in the floods.\n", encoding="utf-8")
    db = ["--db", str(tmp_path / "r.db")]
    runner = CliRunner()
    assert runner.invoke(cli, [*db, "ingest", str(doc)]).exit_code == 0
    out = runner.invoke(cli, [*db, "explain", "1"])
    assert out.exit_code == 0, out.output
    line = next(ln for ln in out.output.splitlines() if "attr.resolve.pronoun" in ln)
    assert "a pronoun (he, she) resolved to the person" in line
