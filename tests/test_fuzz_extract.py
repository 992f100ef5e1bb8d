"""Fuzzing the whole extractor: ``extract_claims(parse_text("x.txt", text))``.

Never raises, every offset is valid (``text[start:end] == claim.text``, the
sentence holds the claim), the same input gives the same output.  The text is
drawn from news-like pieces (numbers in digits and words, ranges, bounds,
casualty verbs, attributions, dates, header lines) mixed with arbitrary
characters, so the grammar's corners are reached, not only random noise.
"""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reconcile.documents import parse_text
from reconcile.extract import extract_claims

PIECES = [
    "12", "1,200", "3.5", "twelve", "a dozen", "dozens of", "hundreds", "at least", "more than", "up to",
    "nearly", "about", "between 10 and 20", "10-15", "no one", "none", "zero", "one", "two", "1/2", "50%",
    "$5 million", "killed", "were killed", "died", "dead", "wounded", "injured", "missing", "detained",
    "displaced", "people", "civilians", "soldiers", "children", "police said", "the ministry said",
    "according to officials", "denied", "rebels claimed", "on Monday", "last week", "2026-01-03",
    "January 3", "in Marlow", "in the bombing", "the toll rose to", "of them", "including", ".", ",",
    "\n", "\n\n", " ", "\"", "'", "(", ")", "-", "\u2013", "\u2014", "\u00e9", "\u2028", "\r\n", "\t",
    "source: Harbor Times\n", "date: 2026-04-02\n", "title: Fire\n",
]

TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=8)),
    max_size=60,
).map(" ".join)


def _check(text: str) -> None:
    doc = parse_text("x.txt", text)
    first = extract_claims(doc)
    for c in first:
        assert 0 <= c.start <= c.end <= len(text), c
        assert text[c.start:c.end] == c.text, c
        assert c.sentence_start <= c.start and c.end <= c.sentence_start + len(c.sentence), c
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence, c
        assert c.low is None or c.high is None or c.low <= c.high, c
    assert extract_claims(parse_text("x.txt", text)) == first


def test_the_pieces_do_make_claims() -> None:
    """The strategy reaches the interesting code: these pieces give claims."""
    text = "At least 12 people were killed and between 10 and 20 were wounded in Marlow on Monday, police said."
    assert {c.measure for c in extract_claims(parse_text("x.txt", text))} >= {"killed", "wounded"}
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("source: Harbor Times\ndate: 2026-04-02\n\nAt least 12 people were killed and between 10 and 20 "
         "were wounded in Marlow on Monday, police said. Rebels denied that anyone died.")
def test_news_like_text(text: str) -> None:
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _check(text)
