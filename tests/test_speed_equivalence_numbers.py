"""The speed-only shortcuts of numbers.py and measures.py skip nothing the plain regexes find.

* keyword prefilters: a rule (figure rule, non-count rule, right phrase) is
  not run where its keywords are missing, so every match must hold them;
* ``numbers._prefix_start`` tests the last word before running _PREFIX_BEFORE;
* ``measures._Tokens`` and ``measures._last_words`` tokenise lazily / a tail only;
* measures matches phrases after a figure in place (``endpos``), not on a slice,
  and runs its rank and age searches only where their keywords are;
* case-insensitive rules run lower-cased over ``text.lower()`` (``sentences.lower_pattern``,
  ``sentences.lower_view``): same spans, same groups, same figures;
* find_figures stops the non-count rules once every candidate is blocked, trying
  the most useful rules first (``numbers.NC_WINDOW_FIRST``).

Checked on invented sentences and, when present, on the shared corpus.
"""
import re

import pytest
from conftest import corpus_texts

from reconcile.extract import measures, numbers
from reconcile.extract.numbers import DIGIT, FIGURE_RULES, NC_NEEDS, NON_COUNT_RULES, _Keys
from reconcile.extract.sentences import fold, lower_pattern, lower_view


SENTENCES = [
    "At least 12 people were killed and more than 40 others wounded on Monday, March 3, 2014.",
    "No fewer than 20 died; up to 300 were hurt, and nearly 1,500 fled. Approx. 50 remain missing.",
    "A total of 7 soldiers, in excess of 9 civilians, upwards of 100 homes; between 10 and 15 injured.",
    "at least another 20, as many as a dozen, a further 5, an extra three, all 10 passengers, from 3 to 5",
    "Some 30 people, roughly 40, circa 1900, an estimated 2000 troops, just under 60, well over 70",
    "Two men in their early 30's, aged 45, John Smith, 42, and Mary (12) were shot dead at 10:30 a.m.",
    "The 7.1-magnitude quake, 3 km away, killed 14; $5 million, 20 per cent, 40% and 3 dollars.",
    "He was seeded No. 2 in the 2010s; 9/11 and 24/7; Flight 370, SA - 7, F-16, 555-1234, 22 , 000.",
    "Nobody died, none of the crew, not a single person, zero casualties, neither of them, no one.",
    "Dozens were hurt, hundreds fled, tens of thousands displaced, scores of others, a couple of men.",
    "Both victims were taken to hospital; five were treated for injuries and two remain in critical condition.",
    "the death toll rose to 30; the number of dead stood at 12; among the dead were 3; deaths of 4",
    "\u212aILLED 3, ſeveral hurt, İstanbul: 5 dead, ſome 20 DİED",   # letters re.I folds to ASCII
    "Police said THIRTY-TWO were killed \u2013 about 1\u00a0000 hurt \u2014 11\u201312 missing",
]


TEXTS = [*SENTENCES, *corpus_texts(120)]


def test_fold_maps_every_letter_that_re_ignorecase_folds_to_ascii():
    chars = "".join(chr(cp) for cp in range(0x80, 0x110000) if not 0xD800 <= cp < 0xE000)
    for c in set(re.findall("[a-z]", chars, re.I)):
        assert re.fullmatch(fold(c), c, re.I), c


def _positions(text):
    """Where anchored rules are tried: word and number starts."""
    return [m.start() for m in re.finditer(r"\b\w", text)]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_rule_matches_hold_their_needs(text):
    positions = _positions(text)
    rules = [(str(rid), rx, needs) for rid, rx, _b, _mode, needs in FIGURE_RULES]
    rules += [(rid, rx, NC_NEEDS.get(rid, ())) for rid, _reason, rx, _b, _mode in NON_COUNT_RULES]
    for rid, rx, needs in rules:
        if not needs:
            continue
        found = list(rx.finditer(text))
        if any(n is not DIGIT for n in needs):   # DIGIT-only needs: the scan is enough
            found += [m for p in positions if (m := rx.match(text, p))]
        for m in found:
            assert _Keys(m.group()).has(needs), (rid, m.group())


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_right_phrase_matches_hold_their_keywords(text):
    for p in _positions(text):
        for rx, _measure, rid, keys in measures._RIGHT_PHRASES:
            m = rx.match(text, p)
            if m:
                assert any(k in fold(m.group()) for k in keys), (rid, m.group())


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_measures_window_matches_are_the_sliced_ones(text):
    """measures matches at a position with ``endpos`` where it sliced the text, and
    gates the rank and age searches before a figure on their keywords."""
    stops = (60, 90)
    after = [measures._FATALLY_AFTER, measures._OF_THEM_AFTER] + [ph[0] for ph in measures._RIGHT_PHRASES]
    for p in _positions(text):
        for n in stops:
            for rx in after:
                m = rx.match(text, p, p + n)
                shifted = None if m is None else [(a - p, b - p) if a >= 0 else (a, b) for a, b in _spans(m)]
                assert shifted == _spans(rx.match(text[p:p + n])), (rx.pattern, p)
        before = text[max(0, p - 30):p]
        for rx, keys in ((measures._RANK_BEFORE, measures._RANK_KEYS), (measures._AGE_BEFORE, measures._AGE_KEYS)):
            m = rx.search(before)
            assert _spans(measures._search(rx, keys, before, fold(before))) == _spans(m), (rx.pattern, before)


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_prefix_start_is_the_plain_search(text):
    for p in _positions(text):
        lo = max(0, p - 48)
        m = numbers._PREFIX_BEFORE.search(text, lo, p)
        assert numbers._prefix_start(text, lo, p) == (m.start() if m else None), text[lo:p]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_lazy_tokens_are_the_plain_tokens(text):
    for p in _positions(text)[::7]:
        plain = [(m.group(), m.start(), m.end()) for m in measures._TOKEN.finditer(text, p, p + 200)]
        lazy = measures._Tokens(text, p, p + 200)
        assert [lazy[i] for i in range(len(plain)) if lazy.has(i)] == plain
        assert not lazy.has(len(plain))
        head = text[max(0, p - 140):p]
        words = [w for w in measures._TOKEN.findall(head) if w not in measures._QUOTES]
        assert measures._last_words(head, 3) == words[-3:]


def _lowered_rules():
    rules = [(rid, rx) for rid, _reason, rx, _b, _mode in NON_COUNT_RULES]
    rules += [(str(rid), rx) for rid, rx, _b, _mode, _needs in FIGURE_RULES]
    rules += [("plain", numbers._PLAIN_RX), ("vague", numbers._VAGUE_RX), ("prefix", numbers._PREFIX_BEFORE),
              ("a_an", numbers._A_AN)]
    return [(rid, rx, lower_pattern(rx)) for rid, rx in rules if lower_pattern(rx) is not None]


LOWERED = _lowered_rules()


def _case_variants(text):
    return [text, text.upper(), text.title(), text.swapcase()]


def _spans(m):
    return None if m is None else [m.span(g) for g in range(m.re.groups + 1)]


def test_the_heavy_rules_run_lowered():
    lowered = {rid for rid, _rx, _low in LOWERED}
    for rid in ("nc.measure.unit", "nc.duration", "nc.money.word", "num.range.to", "plain"):
        assert rid in lowered
    # case-sensitive parts, and rules that copy words into the figure, keep their case
    assert lower_pattern(re.compile(r"(?-i:[A-Z])\d", re.I)) is None
    assert lower_pattern(re.compile(r"\x41\d", re.I)) is None
    assert lower_pattern(re.compile(r"[A-z]", re.I)) is None
    assert lower_pattern(re.compile(r"ab", 0)) is None
    assert all(numbers._runs_lowered(rx) is None for _rid, rx, _b, _m, _n in FIGURE_RULES if "noun" in rx.groupindex)
    assert lower_pattern(re.compile(r"\bAB\d+\Z(?P<Nn>X)", re.I)).pattern == r"\bab\d+\Z(?P<Nn>x)"


def test_lower_view_only_when_exact():
    assert lower_view("Killed 3") == "killed 3"
    for trap in ("\u212a", "\u017f", "\u0130", "\u0131"):
        assert lower_view(f"{trap}illed 3") is None


@pytest.mark.parametrize("text", TEXTS[:60], ids=range(min(60, len(TEXTS))))
def test_lowered_rules_find_the_same_spans(text):
    for variant in _case_variants(text):
        low = lower_view(variant)
        if low is None:
            continue
        positions = _positions(variant)
        for rid, rx, lrx in LOWERED:
            assert [_spans(m) for m in rx.finditer(variant)] == [_spans(m) for m in lrx.finditer(low)], rid
            for p in positions[::3]:
                assert _spans(rx.match(variant, p)) == _spans(lrx.match(low, p)), (rid, variant[p:p + 40])


def _plain_find_figures(text, start, end):
    """find_figures without the lower-case view, and with every non-count rule run."""
    keys = _Keys(text[start:end])
    atoms, starts = numbers._anchors(text, start, end, keys)
    cands = numbers._candidates(text, start, end, atoms, starts, keys)
    if cands:
        windows = numbers._windows(text, start, end, [m.start() for m in atoms], 40)
        blocked = sorted((s, e) for s, e, _ in numbers._non_counts(text, start, end, starts, keys, windows))
        cands = [c for c in cands if not numbers._overlaps(blocked, c.start, c.end)]
    cands.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    chosen = []
    for c in cands:
        if not any(c.start < b and a < c.end for a, b, *_ in chosen):
            chosen.append((c.start, c.end, c.low, c.high, c.qualifier, c.vague, c.rule, c.noun))
    return sorted(chosen)


@pytest.mark.parametrize("text", TEXTS[:60], ids=range(min(60, len(TEXTS))))
def test_find_figures_is_the_plain_one(text):
    from reconcile.extract.sentences import split_sentences

    for variant in _case_variants(text)[:2]:
        for sent in split_sentences(variant):
            got = numbers.find_figures(variant, sent.start, sent.end)
            assert [(f.start, f.end, f.low, f.high, f.qualifier, f.vague, f.rule, f.noun) for f in got] \
                == _plain_find_figures(variant, sent.start, sent.end)
        assert numbers.find_non_counts(variant) == sorted(
            numbers._non_counts(variant, 0, len(variant), numbers._anchors(variant, 0, len(variant), _Keys(variant))[1],
                                _Keys(variant)))
