"""The faster scans find exactly what the plain patterns find.

* ``sentences.WordStartPattern`` (used by ``CaselessPattern`` and for
  ``events._MAY_PLACE``) searches ``\\W`` + a pattern that opens with ``\\b``
  instead of the pattern itself: same ``search``, ``finditer`` and, for
  look-ahead tables, the same places and groups (``empty_matches``);
* ``sentences.stops_pattern`` in front of the stance words (attribution.py);
* ``sentences.tail_width``: an end-anchored pattern searched from near the end;
* ``sentences._is_abbreviation`` searches the word before a stop from the last
  space on, and the sentence boundary pattern opens with a class;
* numbers.py: the digit look-ahead in ``DIGITS`` and the number words as a trie;
  extract: the digit looked for before the number words;
* events.py: the keyword prefilters of the place rules;
* attribution.py: the quote marks as one alternation of literals.

Checked on invented texts, random texts and, when present, the shared corpus.
"""
import random
import re

import pytest
from conftest import corpus_texts

import reconcile.extract as extract
from reconcile.extract import attribution, events, measures, numbers
from reconcile.extract.sentences import (
    _WORD_BEFORE, CaselessPattern, WordStartPattern, _top_level_bar, lower_view, split_sentences,
    tail_width, words_pattern,
)


TEXTS = [
    "Police said three were killed; the 2004 tsunami, May 3, 2013. Reportedly 20 were hurt.",
    "a a an one half several One HALF, Several: 1 a.m. U.S. Dr. Smith said Sunday's attack killed 7.",
    "killed", "x killed", "killedx killed", "  killed  killed\nkilled", "\u212aILLED 3", "ſunday",
    "reported dead, allegedly, unconfirmed reports; it is thought that 5 may have died; confirmed.",
    "In Jakarta province, Typhoon Marlo hit Luzon; near Cook County at the camp. He told AFP: \"Four\".",
    "Ambassador Lars Dahl, Norway's envoy, said; police spokesman John Doe told reporters ``ten'' died.",
    "e.g. 3 \u201cquoted\u201d, 'single' '' ``` \"\"  and...  so far this year 12 died in weekend shootings",
]


ALL_TEXTS = [*TEXTS, *corpus_texts(80)]


def _random_texts(n=1500, seed=11):
    rnd = random.Random(seed)
    words = ("killed died dead injured reported allegedly said told according quoted Police police chief "
             "Minister ambassador in at near Typhoon Marlo province County a an one half several few dozen "
             "3 12 2013 May March the of and , . ; : - \u2014 \" '' `` \u201c \u201d ( ) \u212a \u017f \u0130 _x x_ "
             "so far this year weekend shootings perhaps or received admitted another seriously injured").split(" ")
    for _ in range(n):
        text = "".join(rnd.choice(words) + rnd.choice(["", " ", "  ", "\n", ",", "."])
                       for _ in range(rnd.randint(0, 14)))
        yield text.upper() if rnd.random() < 0.2 else text


RANDOM_TEXTS = list(_random_texts())


def _spans(m):
    return None if m is None else [m.span(g) for g in range(m.re.groups + 1)]


def _caseless_patterns():
    out = [("number words", extract._NUMBER_WORD), ("stance", attribution._ANY_STANCE_WORD),
           ("cue", attribution._CUE_WORD), ("title", attribution._TITLE_WORD),
           ("kind table", events._KIND_TABLE), ("date table", events._DATE_TABLE)]
    out += [(rule, rx) for rule, rx in extract._MENTIONS]
    out += [(name, getattr(measures, name)) for name in dir(measures)
            if isinstance(getattr(measures, name), CaselessPattern)]
    return out


CASELESS = _caseless_patterns()


def test_the_heavy_scans_take_the_fast_path():
    fast = {name for name, cp in CASELESS if cp._lower_words.scan is not None}
    assert {"number words", "stance", "cue", "title", "kind table", "date table"} <= fast
    assert events._MAY_PLACE.scan is not None and events._MAY_PLACE.only_empty
    assert events._KIND_TABLE._lower_words.only_empty


@pytest.mark.parametrize("name,cp", CASELESS, ids=[n for n, _ in CASELESS])
def test_caseless_scans_match_the_plain_pattern(name, cp):
    for text in ALL_TEXTS + RANDOM_TEXTS:
        low = lower_view(text)
        plain_rx, subject = (cp.lower, low) if low is not None else (cp.folded, text)
        plain = [_spans(m) for m in plain_rx.finditer(subject)]
        if cp._lower_words.only_empty:
            got = [(p, [m.span(g) for g in range(1, m.re.groups + 1)]) for p, m in cp.empty_matches(text)]
            assert got == [(s[0][0], s[1:]) for s in plain], (name, text[:80])
        else:
            assert [_spans(m) for m in cp.finditer(text)] == plain, (name, text[:80])
        assert _spans(cp.search(text)) == _spans(plain_rx.search(subject)), (name, text[:80])


@pytest.mark.parametrize("pattern", [
    r"\b(?:a|an|one)\b", r"\bkill(?:ed|s)?", r"\b(?=kill|dead)", r"\b(?=\d)(?:(?=\d\d())|)", r"\b\w+",
    r"\b[a-z]+(?=\.)", r"\b(?:x_|_x)", r"\ba|b", r"\b(?:a)|\bb", r"\b\s", r"\b(?=a)|x",
])
def test_word_start_pattern_matches_like_the_pattern(pattern):
    rx = re.compile(pattern)
    fast = WordStartPattern(rx)
    for text in ALL_TEXTS[:12] + RANDOM_TEXTS + ["a" * 50, "an an an an an an an an an an an an an an an", "_a" * 30]:
        assert [_spans(m) for m in fast.finditer(text)] == [_spans(m) for m in rx.finditer(text)], (pattern, text)
        assert _spans(fast.search(text)) == _spans(rx.search(text)), (pattern, text)
        if fast.only_empty:
            assert [(p, m.groups()) for p, m in fast.empty_matches(text)] == \
                [(m.start(), m.groups()) for m in rx.finditer(text)], (pattern, text)


def test_word_start_pattern_only_where_it_is_exact():
    for pattern in (r"\ba|b", r"\b(?:a)|\bb", r"\b\s", r"\b(?=a)|x", r"a\b", r"\b(?:a|\.)", r"\b(?:a|)"):
        assert WordStartPattern(re.compile(pattern)).scan is None, pattern
    for pattern in (r"\b(?:a|b)", r"\b(?=kill)", r"\b[a-z]+", r"\b\d"):
        assert WordStartPattern(re.compile(pattern)).scan is not None, pattern
    with pytest.raises(ValueError):
        list(WordStartPattern(re.compile(r"\bkill")).empty_matches("x " * 40))


@pytest.mark.parametrize("pattern,bar", [
    (r"\ba|\bb", True), (r"\b(?:a|b)", False), (r"\b[|]a", False), (r"\b[]|]a", False),
    (r"\b[^]|]a", False), (r"\b\|a", False), (r"\b(?:a)|b", True), (r"a[\]|]b", False),
])
def test_top_level_bar(pattern, bar):
    assert _top_level_bar(pattern) is bar


def test_stance_scan_is_the_plain_union():
    plain = re.compile("|".join(f"(?:{p})" for _rid, p in attribution.HEDGE_RULES + attribution.CONFIRM_RULES), re.I)
    for text in ALL_TEXTS + RANDOM_TEXTS:
        assert _spans(attribution._ANY_STANCE_WORD.search(text)) == _spans(plain.search(text)), text[:80]


def test_tail_search_is_the_plain_search():
    width = tail_width(attribution._CONTINUES)
    assert width == 9
    assert tail_width(re.compile(r"a+$")) is None and tail_width(re.compile(r"a|b$")) is None
    for text in ALL_TEXTS + RANDOM_TEXTS:
        for cut in {len(text), len(text) // 2, max(0, len(text) - 3)}:
            t = text[:cut]
            for tail in ("", "\n", " ,", " the", ",\n", " reported\n"):
                u = t + tail
                got = attribution._CONTINUES.search(u, max(0, len(u) - width))
                assert _spans(got) == _spans(attribution._CONTINUES.search(u)), u[-30:]


def test_abbreviation_word_is_the_plain_search():
    def plain(chunk):
        m = _WORD_BEFORE.search(chunk)
        return m.group(1) if m else None

    from reconcile.extract import sentences

    for text in ALL_TEXTS + RANDOM_TEXTS:
        for stop in [m.start() for m in re.finditer(r"\.", text)][:40]:
            for start in {0, max(0, stop - 7), stop}:
                m = _WORD_BEFORE.search(text, max(start, text.rfind(" ", start, stop) + 1), stop)
                assert (m.group(1) if m else None) == plain(text[start:stop])
                chunk_abbrev = _plain_is_abbreviation(text[start:stop])
                assert sentences._is_abbreviation(text, start, stop) is chunk_abbrev


def _plain_is_abbreviation(chunk):
    from reconcile.extract.sentences import ABBREVIATIONS

    m = _WORD_BEFORE.search(chunk)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or len(word) == 1 or (("." in word) and len(word) <= 6)


def test_boundary_pattern_is_the_plain_one():
    from reconcile.extract import sentences

    plain = re.compile(sentences._BOUNDARY.pattern.replace("[.!?][.!?]*", "[.!?]+"), sentences._BOUNDARY.flags)
    assert plain.pattern != sentences._BOUNDARY.pattern
    for text in ALL_TEXTS + RANDOM_TEXTS:
        assert [_spans(m) for m in sentences._BOUNDARY.finditer(text)] == [_spans(m) for m in plain.finditer(text)]


def test_number_grammar_rewrites_match_the_plain_grammar():
    """DIGITS opens with a digit look-ahead; the number words are a trie (numbers.py)."""
    plain_digits = numbers.DIGITS.replace(r"(?=\d)(?<!", "(?<!", 1)
    plain_tokens = "|".join(numbers._WORD_TOKENS)
    assert plain_digits != numbers.DIGITS and plain_tokens != numbers._TOKEN_ALT
    rules = [(str(rid), rx) for rid, rx, _b, _m, _n in numbers.FIGURE_RULES]
    rules += [(rid, rx) for rid, _r, rx, _b, _m in numbers.NON_COUNT_RULES]
    rules += [("plain", numbers._PLAIN_RX), ("prefix", numbers._PREFIX_BEFORE), ("then_word", numbers._NUM_THEN_WORD)]
    checked = 0
    for rid, rx in rules:
        pattern = rx.pattern
        if numbers.DIGITS not in pattern and numbers._TOKEN_ALT not in pattern:
            continue
        old = re.compile(pattern.replace(numbers.DIGITS, plain_digits).replace(numbers._TOKEN_ALT, plain_tokens),
                         rx.flags)
        checked += 1
        for text in ALL_TEXTS[:30] + RANDOM_TEXTS[:300]:
            assert [_spans(m) for m in rx.finditer(text)] == [_spans(m) for m in old.finditer(text)], (rid, text[:60])
            for p in [m.start() for m in re.finditer(r"\b\w", text)]:   # where anchored rules are tried
                assert _spans(rx.match(text, p)) == _spans(old.match(text, p)), (rid, text[p:p + 40])
    assert checked >= 10


def test_numberish_is_the_plain_pattern():
    plain = re.compile(rf"\d|\b(?:{words_pattern(extract._NUMBERISH_WORDS)}|a\s+few)\b|{numbers.ARTICLE_PERSON}", re.I)
    for text in ALL_TEXTS + RANDOM_TEXTS + ["A man was shot.", "Gunmen killed a police officer, police said."]:
        for sentence in [text] + [s.text for s in split_sentences(text)]:
            assert extract._numberish(sentence) is (plain.search(sentence) is not None), sentence


def test_place_rule_matches_hold_their_words():
    for text in ALL_TEXTS + RANDOM_TEXTS:
        for rx, words in events._PLACE_RULES:
            for m in rx.finditer(text):
                assert not words or any(w in m.group() for w in words), m.group()


def test_quote_marks_are_the_plain_alternation():
    plain = re.compile(r"``|''|[\"\u201c\u201d]")
    for text in ALL_TEXTS + RANDOM_TEXTS:
        assert [_spans(m) for m in attribution._QUOTE_MARK.finditer(text)] == [_spans(m) for m in plain.finditer(text)]
