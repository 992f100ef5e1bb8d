"""Properties of the number grammar on arbitrary and number-ish text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.extract.numbers import find_figures, find_non_counts, parse_number_words
from reconcile.model import QUALIFIERS

# Tokens that exercise the grammar: digits with separators, number words,
# bounds, range words, zero phrases, units, dates, tokenised punctuation.
TOKENS = [
    "0", "1", "3", "12", "32", "100", "120", "1,500", "22 , 000", "6 . 1", "2.5", "80 000", "1987", "2026",
    "one", "two", "Three", "twenty", "thirty-two", "hundred", "thousand", "million", "dozen", "dozens",
    "a", "an", "half", "and", "or", "to", "-", "–", "between", "from", "at", "least", "more", "than",
    "over", "up", "as", "many", "about", "some", "nearly", "no", "one", "none", "of", "the", "nobody",
    "zero", "not", "single", "both", "all", "several", "few", "hundreds", "thousands", "tens", "scores",
    "people", "killed", "Americans", "casualties", "injuries", "feet", "km", "%", "percent", "$", "£",
    "years", "year-old", "aged", "p.m.", ":", ",", ".", "(", ")", "January", "Flight", "No.", "F-16",
    "similar", "number", "same", "plus", "+", "\n", "  ",
]

numberish = st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join)
any_text = st.one_of(st.text(max_size=200), numberish)


def _check(text: str, start: int, end: int | None) -> None:
    figs = find_figures(text, start, end)
    lo = max(0, start)
    hi = len(text) if end is None else min(end, len(text))
    prev_end = -1
    for f in figs:
        assert text[f.start:f.end] == f.text
        assert lo <= f.start < f.end <= hi
        assert f.start >= prev_end, "overlapping or unsorted"
        prev_end = f.end
        assert f.rule.startswith("num.")
        assert f.qualifier in QUALIFIERS or f.qualifier == "reference"
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
    assert figs == find_figures(text, start, end), "not deterministic"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_whole_text(text):
    _check(text, 0, None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.integers(min_value=-5, max_value=250), st.integers(min_value=-5, max_value=250))
def test_region(text, a, b):
    _check(text, a, b)


@settings(max_examples=100, deadline=None)
@given(numberish)
def test_non_counts_are_valid_spans(text):
    for s, e, reason in find_non_counts(text):
        assert 0 <= s < e <= len(text) and reason


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_digits_round_trip(n):
    assert parse_number_words(str(n)) == n
    assert parse_number_words(f"{n:,}") == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=9_999))
def test_figure_of_plain_count(n):
    text = f"Officials said {n:,} people were evacuated."
    figs = find_figures(text)
    assert [(f.low, f.high) for f in figs] == [(n, n)]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_parse_never_raises(s):
    v = parse_number_words(s)
    assert v is None or v >= 0
