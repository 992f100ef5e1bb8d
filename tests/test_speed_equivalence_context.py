"""The fast paths of the event and attribution context find exactly what the plain regexes find.

* ``CaselessPattern`` (sentences.py) runs a case-insensitive pattern over a
  lower-case view of the text when that view is exact;
* ``events._matches_by_rule`` runs a table of rules from one scan instead of
  one ``finditer`` per rule.
"""
import re

import pytest

from reconcile.extract import events
from reconcile.extract.sentences import _FOLD_TRAPS, CaselessPattern


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


def test_without_lookarounds():
    assert events._without_lookarounds(r"a(?<![\d,.$(])b[]()](?!x(?:y|z)\))c(?=d)") == "ab[]()]c"


KIND_AND_DATE_TEXTS = TRICKY + [
    "Gunmen opened fire on the fire station; the cease-fire held. A car bomb blast, then shelling.",
    "On Sunday, May 3, 2013, 2004 tsunami; may 3 times; march 5; in April last year; 12/05/2013.",
    "so far this year, since January, the first 10 days of 2013, three days ago, last week, 19-OCT-1987",
    "COAL MINE BLAST kills miners; fired shots at police; FIRED AT police",
]


@pytest.mark.parametrize("text", KIND_AND_DATE_TEXTS)
def test_matches_by_rule_equals_finditer_per_rule(text):
    for rules, scan in ((events._KIND_RXS, events._KIND_SCAN), (events._DATE_RXS, events._DATE_SCAN)):
        got = events._matches_by_rule(rules, scan, text)
        assert [[m.span() for m in ms] for ms in got] == [[m.span() for m in rx.finditer(text)] for rx in rules]
