"""The fast paths of the event and attribution context find exactly what the plain regexes find.

* ``CaselessPattern`` (sentences.py) runs a case-insensitive pattern over a
  lower-case view of the text when that view is exact;
* ``events._spans_by_rule`` runs a table of rules from one scan instead of
  one ``finditer`` per rule;
* prefilters (sentences that may name a place, title words, tokens from
  ``findall``) skip only what cannot match.
"""
import random
import re

import pytest

from reconcile.extract import attribution, events
from reconcile.extract.sentences import _FOLD_TRAPS, CaselessPattern, beginnings, split_sentences, words_pattern


def test_fold_traps_are_every_character_that_lowercases_unlike_re_ignorecase():
    """Outside ASCII, only these characters fold to an ASCII letter under ``re.I``, lower-case to
    several characters or to ASCII, or lower-case to a character of another class (word, digit, space)."""
    chars = "".join(chr(cp) for cp in range(0x80, 0x110000) if not 0xD800 <= cp < 0xE000)
    found = set(re.findall("[a-z]", chars, re.I))

    def kind(c):
        return (c.isalnum() or c == "_", c.isdecimal(), c.isspace())

    for c in chars:
        low = c.lower()
        if len(low) != 1 or low.isascii() or kind(c) != kind(low):
            found.add(c)
    assert found == set(_FOLD_TRAPS.pattern.strip("[]"))


TRICKY = [
    "Police SAID three were KILLED.",
    "\u212aILLED in a blast",                 # Kelvin sign: re.I folds it to "k"
    "the ſhooting on ſunday",                 # long s: re.I folds it to "s"
    "İstanbul bomb; DİED",                    # dotted I lower-cases to two characters
    "ΣΑΣ fire ΣΑΣ",                           # final sigma
    "Caf\u00e9 attack, na\u00efve gunmen",
]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("pattern", [r"\b(?:killed|shooting|sunday|died|fire|attack|gunmen)\b", r"\d|\bthree\b"])
def test_caseless_pattern_matches_like_re_ignorecase(text, pattern):
    fast, plain = CaselessPattern(pattern), re.compile(pattern, re.I)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert (fast.search(text) is None) == (plain.search(text) is None)


@pytest.mark.parametrize("pattern", [r"\W", r"\x41", r"(?P<n>a)", "\u00c9t\u00e9"])
def test_caseless_pattern_refuses_patterns_whose_case_matters(pattern):
    with pytest.raises(ValueError):
        CaselessPattern(pattern)


KIND_AND_DATE_TEXTS = TRICKY + [
    "Gunmen opened fire on the fire station; the cease-fire held. A car bomb blast, then shelling.",
    "On Sunday, May 3, 2013, 2004 tsunami; may 3 times; march 5; in April last year; 12/05/2013.",
    "so far this year, since January, the first 10 days of 2013, three days ago, last week, 19-OCT-1987",
    "COAL MINE BLAST kills miners; fired shots at police; FIRED AT police",
]


TABLES = (
    (events._KIND_TABLE, [rx for rx, _k in events._KIND_RES]),
    (events._DATE_TABLE, [rx for _rid, _prec, rx in events._DATE_RES]),
)


@pytest.mark.parametrize("text", KIND_AND_DATE_TEXTS)
def test_spans_by_rule_equal_finditer_per_rule(text):
    for table, rules in TABLES:
        got = events._spans_by_rule(table, text)
        assert got == [[m.span() for m in rx.finditer(text)] for rx in rules]


def test_spans_by_rule_on_random_texts():
    """Words of the rules, and their neighbours, in random order, case and spacing."""
    rnd = random.Random(7)
    words = ("may march Mar jan. January 3 03 31 2013 1999 19 20 , . - / : % in since the of last this early "
             "mid- so far this year first days weeks 10 ago two yesterday tonight overnight Sunday Monday's 's "
             "fire fired at cease-fire station coal mine blast miners landmine quake tsunami flood storm car "
             "bomber shot gunmen air strike rocket raid riot protest kidnap hijacked stabbing attack ambush "
             "\u017f \u212a \u0130 2004-05-06 5-Oct-2012 12/05/2013 1 people killed dead -year $ 3rd th").split(" ")
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(["", " ", "  ", "\n", ","]) for _ in range(rnd.randint(1, 12)))
        text = text.upper() if rnd.random() < 0.3 else text
        for table, rules in TABLES:
            assert events._spans_by_rule(table, text) == [[m.span() for m in rx.finditer(text)] for rx in rules], text


def test_tables_stop_only_where_a_rule_may_begin():
    """The tries are not empty (an empty one would stop at every word boundary: right, but slow)."""
    for table, _rules in TABLES:
        assert table.lower.pattern.startswith(r"\b(?:(?=") and len(table.lower.pattern) > 1000
    assert events._MAY_PLACE.pattern != r"\b(?=)"


def test_beginnings_of_a_rule():
    items = list(re._parser.parse(r"(?<!x)\b(?:in |the )?(?:19|20)\d\s+[a-z]").data)
    assert beginnings(items, 3) == {
        ("i", "n", "\\ "), ("t", "h", "e"), ("1", "9", r"\d"), ("2", "0", r"\d")}
    assert beginnings(items, 6) >= {("1", "9", r"\d", r"\s+", "[a-z]")}


def test_rules_must_start_at_a_word_boundary():
    with pytest.raises(ValueError):
        events._table([r"\bfire", r"(?<=x)fire"])
    with pytest.raises(ValueError):
        events._table([r"\b(fire)"])      # a capturing group would take a mark's number


@pytest.mark.parametrize("words", [["dr", "driver", "doctor", "a b", "x.y"], ["said", "says", "say"]])
def test_words_pattern_matches_like_a_plain_alternation(words):
    text = "dr driver drivers doctor a b ab x.y xzy said says say sayings"
    trie = re.compile(rf"\b(?:{words_pattern(words)})\b")
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _sentences_of(texts):
    for text in texts:
        yield text, split_sentences(text)


CONTEXT_TEXTS = TRICKY + KIND_AND_DATE_TEXTS + [
    "JAKARTA, Indonesia -- Police Chief Ken Barnes said in Jakarta that 3 died.\n\nHe told reporters "
    "in the Hague, \"Four people were killed near Cook County.\" Typhoon Marlo hit Luzon province.",
    "The driver, an officer of the state police, said 5 were hurt.  Dr. Smith said: \u201cnine.\u201d",
]


def test_place_prefilter_keeps_every_sentence_with_a_place():
    for text, sentences in _sentences_of(CONTEXT_TEXTS):
        if not sentences:
            continue
        lo = sentences[0].start
        body = text[lo:sentences[-1].end]
        flagged = {next(i for i, s in enumerate(sentences) if s.start <= lo + m.start() < s.end)
                   for m in events._MAY_PLACE.finditer(body)}
        for i, s in enumerate(sentences):
            assert events.find_places(s.text) == () or i in flagged, s.text


def test_tokens_tile_the_text():
    for text, _ in _sentences_of(CONTEXT_TEXTS + ["  a  b\u00a0c\t\u2003d  ", "\u00e9t\u00e9 -- 1,000 U.S. Mr. x's"]):
        got = attribution._tokens(text, 7)
        plain = [(m.start() + 7, m.end() + 7, m.group(), m.group().lower()) for m in attribution._TOKEN.finditer(text)]
        assert [tuple(t) for t in got] == plain


def test_title_word_scan_finds_every_titled_name():
    for text, _ in _sentences_of(CONTEXT_TEXTS + ["Police Chief Ken Barnes and driver Joe Bloggs; DR. Who; "
                                                   "\u212aing Abdullah; king Abdullah"]):
        plain = []
        for m in attribution._WORD_THEN_CAP.finditer(text):
            if m.group(1).lower() in attribution.TITLE_WORDS:
                nm = attribution._NAME_AT.match(text, m.end())
                if nm is not None:
                    plain.append((m.group(1), nm.group(), m.start(), nm.start(), nm.end()))
        got = [(t.title, t.name, t.start(), t.start("name"), t.end()) for t in attribution._TITLED_NAME_IN(text)]
        assert got == plain


@pytest.mark.parametrize("text", KIND_AND_DATE_TEXTS)
def test_tables_without_the_regex_parser_match_the_same(monkeypatch, text):
    """A Python without ``re._parser``: the tables are built without the trie and find the same."""
    monkeypatch.setattr(events, "_sre_parse", None)
    for table, rules in TABLES:
        plain = events._table([rx.pattern for rx in rules])
        assert len(plain.lower.pattern) < len(table.lower.pattern)     # no trie in front
        assert events._spans_by_rule(plain, text) == events._spans_by_rule(table, text)
