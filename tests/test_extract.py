"""The whole extractor on short news passages of our own: figure, measure, interval, claimant, stance.

Each row: id, passage, then the expected claims as
(figure words, measure, low, high, claimant words or None, stance).
A passage lists every claim it should give; extra claims fail the row.
"""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.documents import parse_text
from reconcile.extract import extract_claims

Row = tuple[str, str, float | None, float | None, str | None, str]

CASES: list[tuple[str, str, list[Row]]] = [
    # --- a figure set against the one before it: the claimant rejects it ---
    ("contrast-not-as-first-reported",
     "Two guards died in the fire, not five as first reported, the warden said.",
     [("Two", "killed", 2, 2, "the warden", "assert"), ("five", "killed", 5, 5, "the warden", "deny")]),
    ("contrast-rather-than",
     "The ministry said 14 people were wounded, rather than 40.",
     [("14", "wounded", 14, 14, "The ministry", "assert"), ("40", "wounded", 40, 40, "The ministry", "deny")]),
    ("rival-put-the-number-at",
     "Police said five people were killed, while witnesses put the number at 12.",
     [("five", "killed", 5, 5, "Police", "assert"), ("12", "killed", 12, 12, "witnesses", "assert")]),
    # --- one person counted by an article, in a report that gives no figure of its own ---
    ("article-shot-dead",
     "A 24-year-old man was shot dead on Friday night, police said.",
     [("A", "killed", 1, 1, "police", "assert")]),
    ("article-object-of-killing",
     "Gunmen killed a police officer near the border crossing.",
     [("a", "killed", 1, 1, None, "assert")]),
    ("article-arrested",
     "A man was arrested after the attack, police said.",
     [("A", "detained", 1, 1, "police", "assert")]),
    ("article-beside-a-toll-describes-a-victim",
     "Three people were killed in the blast. A child died when a wall collapsed.",
     [("Three", "killed", 3, 3, None, "assert")]),
    ("article-died-beside-shot-figure",
     "Two people were shot outside the bar. A man died later in hospital.",
     [("Two", "shot", 2, 2, None, "assert"), ("A", "killed", 1, 1, None, "assert")]),
    ("article-shot-beside-wounded-figure",
     "Four people were wounded. A 38-year-old man was shot in the shoulder.",
     [("Four", "wounded", 4, 4, None, "assert")]),
    ("plain-toll",
     "A car bomb killed at least 12 people in the market on Friday.",
     [("at least 12", "killed", 12, None, None, "assert")]),
    ("police-said-trailing",
     "Three people were hurt and one man died, police said.",
     [("Three", "wounded", 3, 3, "police", "assert"), ("one", "killed", 1, 1, "police", "assert")]),
    ("according-to",
     "According to the health ministry, 31 people died and 140 were wounded in the strikes.",
     [("31", "killed", 31, 31, "health ministry", "assert"), ("140", "wounded", 140, 140, "health ministry", "assert")]),
    ("range-claimed",
     "The government claims that the soldiers killed between 40 and 50 rebels.",
     [("between 40 and 50", "killed", 40, 50, "government", "assert")]),
    ("confirmed",
     "The army confirmed that 9 of its soldiers died in the ambush.",
     [("9", "killed", 9, 9, "army", "confirm")]),
    ("denied",
     "The interior ministry denied that 200 protesters had been arrested.",
     [("200", "detained", 200, 200, "interior ministry", "deny")]),
    ("reportedly-hedge",
     "At least six people were reportedly injured in the second explosion.",
     [("At least six", "wounded", 6, None, None, "hedge")]),
    ("zero-outlet",
     "No one was hurt in the landslide.",
     [("No one", "wounded", 0, 0, None, "assert")]),
    ("zero-noun",
     "No Britons were killed in the raid, the Foreign Office said.",
     [("No Britons", "killed", 0, 0, "Foreign Office", "assert")]),
    ("about",
     "Rescuers said about 30 miners were trapped below ground.",
     [("about 30", "trapped", 30, 30, "Rescuers", "assert")]),
    ("up-to",
     "Officials said up to 50 people may be missing.",
     [("up to 50", "missing", None, 50, "Officials", "hedge")]),
    ("more-than",
     "The floods have displaced more than 10,000 residents, the UN said.",
     [("more than 10,000", "displaced", 10000, None, "UN", "assert")]),
    ("dozens-vague",
     "Dozens of villagers were injured when the houses collapsed.",
     [("Dozens", "wounded", 24, None, None, "assert")]),
    ("shot-one-fatally",
     "Ten people were shot, one fatally, at the block party.",
     [("Ten", "shot", 10, 10, None, "assert"), ("one", "killed", 1, 1, None, "assert")]),
    ("missiles-fired",
     "Rebels fired at least two rockets at the airport, but both failed to explode.",
     [("at least two", "fired", 2, None, None, "assert"), ("both", "failed", 2, 2, None, "assert")]),
    ("quote-speaker-after",
     "\u201cWe have counted 17 bodies so far,\u201d the mayor told reporters.",
     [("17", "killed", 17, 17, "mayor", "assert")]),
    ("toll-rose",
     "The death toll from the quake rose to 64 on Wednesday, officials said.",
     [("64", "killed", 64, 64, "officials", "assert")]),
    ("arrests",
     "Police arrested 23 people after the match.",
     [("23", "detained", 23, 23, None, "assert")]),   # the police act; the outlet reports
    ("not-a-claim-age-date",
     "A 12-year-old boy was among those hurt on January 3, when the 30-foot wall fell.",
     []),
    ("not-a-claim-score",
     "The home side won 3-1 after two goals in the second half.",
     []),
    ("not-a-claim-money",
     "The company said it would cut 5 percent of costs, saving $20 million a year.",
     []),
    ("not-a-claim-identifier",
     "He spoke to Telenova 24 about the F-16 crash on Route 66.",
     []),
]


def _doc(passage: str):
    text = f"source: Example News\ndate: 2025-06-02\n\n{passage}\n"
    return parse_text("example.txt", text), text


@pytest.mark.parametrize("passage,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_extract(passage: str, expected: list[Row]) -> None:
    doc, text = _doc(passage)
    claims = extract_claims(doc)
    got = []
    for c in claims:
        assert text[c.start:c.end] == c.text
        got.append((c.text, c.measure, c.low, c.high, c.claimant, c.stance))
    assert len(got) == len(expected), got
    for (words, measure, low, high, claimant, stance), g in zip(expected, got):
        assert g[0] == words
        assert g[1] == measure
        assert (g[2], g[3]) == (low, high)
        if claimant is None:
            assert g[4] is None
        else:
            assert g[4] is not None and claimant.lower() in g[4].lower()
        assert g[5] == stance


def test_similar_number_takes_the_figure_before() -> None:
    doc, _ = _doc("The militia says the shelling killed between 30 and 45 and left a similar number injured.")
    claims = {c.measure: c for c in extract_claims(doc)}
    assert (claims["killed"].low, claims["killed"].high) == (30, 45)
    assert (claims["wounded"].low, claims["wounded"].high) == (30, 45)


def test_every_claim_records_its_rules() -> None:
    doc, _ = _doc("Police said 14 people were killed and 23 wounded in the attack on Sunday.")
    for c in extract_claims(doc):
        assert c.rules and c.rules[0].startswith("num") and any(r.startswith("measure") for r in c.rules)


def test_event_date_resolved_against_the_article_date() -> None:
    doc, _ = _doc("Police said 12 people were killed in the attack on Sunday.")
    (c,) = extract_claims(doc)
    assert doc.published == dt.date(2025, 6, 2)   # a Monday
    assert c.event.date == dt.date(2025, 6, 1)


def test_same_input_same_output() -> None:
    doc, _ = _doc("Police said 14 people were killed and 23 wounded in the attack on Sunday.")
    assert extract_claims(doc) == extract_claims(doc)
