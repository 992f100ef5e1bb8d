"""The number grammar: figures (counts) in news text, and the numbers that are not counts.

Public functions::

    find_figures(text, start=0, end=None, *, exclude_non_counts=True) -> list[Figure]
    find_non_counts(text, start=0, end=None) -> list[tuple[int, int, str]]
    parse_number_words(s) -> float | None

Everything is driven by ordered rule tables; every rule has an id
(``num.range.between``, ``num.bound.at_least``, ``num.zero.no_noun`` ...) that
ends up in ``Figure.rule``.  Regular expressions are compiled once, at import.

How ``find_figures`` works: every figure rule (``FIGURE_RULES``) proposes
candidates over ``text[start:end]``; with ``exclude_non_counts`` candidates
that overlap a non-count span (``NON_COUNT_RULES``, then quantulum3 as a
second opinion) are dropped; the rest are chosen greedily, longest first
(ties: earlier rule in the table, then earlier start), so the result is
sorted and non-overlapping.  Because the filter runs before the choice, a
long candidate spoilt by a non-count ("two to 10 years") gives way to its
shorter parts ("two").

Value conventions (the scorer's, see shared/eval/GOLD.md):

=====================  ===============  ============
words                  low / high       qualifier
=====================  ===============  ============
``32``                 32 / 32          exact
``between 100 and 120`` 100 / 120       range
``at least 2``         2 / None         at-least
``more than 100``      100 / None       more-than
``up to 50``           None / 50        up-to
``fewer than 10``      None / 10        fewer-than
``about 30``           30 / 30          about
``no one``             0 / 0            zero
``dozens``             24 / None        vague (vague=True)
``a similar number``   None / None      reference (the caller fills it)
=====================  ===============  ============

Vague plurals take twice their unit as the lower bound and no upper bound:
``dozens`` 24, ``scores`` 40, ``hundreds`` 200, ``thousands`` 2000, ``tens of
thousands`` 20000, ``hundreds of thousands`` 200000, ``millions`` 2000000;
``several``, ``a few``, ``a handful``, ``multiple``, ``numerous`` 2.

Tokenised text (ECB+) is understood: ``22 , 000`` is 22000, ``6 . 1`` is 6.1,
``2 : 53 p . m .`` is a time, ``no - one`` a zero.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple

from ..model import Figure
from .lexicon import (DEMONYM_AFTER_NO, MONTH_ABBREVIATIONS, MONTH_NAMES, SCALE_WORDS, TENS_WORDS, UNIT_WORDS,
                      VAGUE_PLURALS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES)
from .sentences import fold, lower_pattern, lower_view, words_pattern

__all__ = ["find_figures", "find_non_counts", "parse_number_words", "iter_rule_ids",
           "FIGURE_RULES", "NON_COUNT_RULES", "ZERO_NOUNS"]

_I = re.IGNORECASE | re.VERBOSE

# ---------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------

# Cardinal words below twenty, tens, and scale words (lexicon).
# Abbreviated scales after digits ("1.2 mln", "3bn").
SCALE_ABBREV: dict[str, int] = {"mln": 1_000_000, "bn": 1_000_000_000}

_WORD_TOKENS = sorted(
    [w for w in UNIT_WORDS if w != "zero"] + list(TENS_WORDS) + list(SCALE_WORDS) + ["hundred", "dozen"],
    key=len, reverse=True,
)
# (as a trie, words_pattern: every use is followed by \b or "-", so at most one word can match at a
# place and the order of the alternatives does not matter; a trie is faster to try)
_TOKEN_ALT = words_pattern(_WORD_TOKENS)
_SCALE_ALT = "hundred|thousand|million|billion|trillion"

# A run of number words: "thirty-two", "a hundred and twenty", "two dozen",
# "TWO HUNDRED", "half a dozen".  "and" only after hundred/thousand/million.
WORDNUM = rf"""
(?:
   \bhalf\s+(?:a|an)\s+(?:dozen|hundred|thousand|million|billion)\b
 | \b(?:(?:a|an)\s+(?=(?:dozen|{_SCALE_ALT})\b))?
   (?:{_TOKEN_ALT})\b
   (?:
      (?:\s*-\s*|\s+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+)
      (?:{_TOKEN_ALT})\b
   )*
)
"""

# Digits: "1,500", "22 , 000" (tokenised), "80 000", "6.1", "6 . 1", optional scale word.
# (the first look-ahead is implied by what follows; it fails at once where no digit is, before
# the look-behinds are tried)
DIGITS = r"""
(?:
   (?=\d)(?<![\w$£€¥#/.,])(?<![A-Za-z]-)(?<![\w][,.])
   (?:\d{1,3}(?:(?:\s?,\s?|[ \u00a0])\d{3}(?!\d))+ | \d+(?:\.\d+|\ \.\ \d+)?)
   (?![\w]|[.,]\d)
   (?:\s*-?\s*(?:hundred|thousand|million|billion|trillion|mln|bn)\b)?
)
"""

NUM = rf"(?:{DIGITS}|{WORDNUM})"

# Vague quantity words (value = twice the unit, open above); ordered, longest first.
#   (rule id, pattern, low)
VAGUE_TABLE: list[tuple[str, str, float]] = [
    ("num.vague.tens_of_thousands", r"tens\s+of\s+thousands", 20_000),
    ("num.vague.hundreds_of_thousands", r"hundreds\s+of\s+thousands", 200_000),
    ("num.vague.tens_of_millions", r"tens\s+of\s+millions", 20_000_000),
    ("num.vague.several_dozen", r"(?:several|a\s+few|a\s+couple\s+(?:of\s+)?)\s*dozens?", 24),
    ("num.vague.several_hundred", r"(?:several|a\s+few|a\s+couple\s+(?:of\s+)?)\s*hundreds?", 200),
    ("num.vague.several_thousand", r"(?:several|a\s+few|a\s+couple\s+(?:of\s+)?)\s*thousands?", 2_000),
    ("num.vague.dozens", r"dozens", 24),
    # "scores" is a sports word too: only "scores of", "scores more", "scores were"
    ("num.vague.scores", r"scores(?=\s+(?:of|more|were|have|had|are|died|killed|dead|injured|wounded)\b)", 40),
    ("num.vague.hundreds", r"hundreds", 200),
    ("num.vague.thousands", r"thousands", 2_000),
    ("num.vague.millions", r"millions", 2_000_000),
    ("num.vague.several", r"several", 2),
    ("num.vague.a_few", r"(?<!\bvery\s)a\s+few(?!\s+(?:more\s+)?(?:times|words|questions|minutes|moments|seconds))", 2),
    ("num.vague.handful", r"a\s+handful", 2),
    ("num.vague.multiple", r"multiple", 2),
    ("num.vague.numerous", r"numerous", 2),
]
VAGUE = "(?:" + "|".join(p for _, p, _ in VAGUE_TABLE) + ")"
# Keywords one of which every VAGUE match holds (for the prefilters, see _Keys).
VAGUE_KEYS = ("dozen", "hundred", "thousand", "million", "tens", "scores", "several", "few",
              "handful", "multiple", "numerous")
_VAGUE_COMPILED = [(rid, re.compile(p, _I), low) for rid, p, low in VAGUE_TABLE]


def _which_vague(text: str, s: int, e: int) -> tuple[str, float] | None:
    """The vague-table entry that matches exactly text[s:e] (look-aheads see the text after)."""
    for rid, rx, low in _VAGUE_COMPILED:
        m = rx.match(text, s)
        if m and m.end() == e:
            return rid, float(low)
    return None

# Bounds before a number, ordered so that longer phrases come first.
#   (rule id, pattern, qualifier)
BOUND_TABLE: list[tuple[str, str, str]] = [
    ("num.bound.no_fewer_than", r"no\s+fewer\s+than|not\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than", "at-least"),
    ("num.bound.at_least", r"at\s+least|a\s+minimum\s+of|as\s+few\s+as", "at-least"),
    ("num.bound.no_more_than", r"no\s+more\s+than|not\s+more\s+than|at\s+(?:the\s+)?most|a\s+maximum\s+of", "up-to"),
    ("num.bound.up_to", r"up\s+to|as\s+many\s+as|as\s+much\s+as", "up-to"),
    ("num.bound.just_under", r"(?:just|slightly)\s+(?:under|below)", "fewer-than"),
    ("num.bound.fewer_than", r"fewer\s+than|less\s+than", "fewer-than"),
    ("num.bound.more_than", r"(?:well\s+|just\s+|slightly\s+|far\s+|many\s+|much\s+)?(?:more\s+than|over|greater\s+than)", "more-than"),
    ("num.bound.in_excess_of", r"in\s+excess\s+of|upwards?\s+of|north\s+of", "more-than"),
    # "nearly 200", "almost 200": the figure (the scorer's convention) with a rule of its own, since
    # the engine reads them as a little under: [0.9 x N, N]
    ("num.bound.almost", r"nearly|almost|close\s+to", "about"),
    ("num.bound.about", r"about|around|roughly|approximately|approx\.|circa|some"
                        r"|an?\s+estimated|estimated|an?\s+approximate", "about"),
    ("num.bound.total", r"a\s+total\s+of|exactly|precisely|a\s+further|an\s+additional", "exact"),
]
BOUND = "(?:" + "|".join(p for _, p, _ in BOUND_TABLE) + ")"
# Keywords one of which every BOUND match holds (for the prefilters, see _Keys).
BOUND_KEYS = ("no", "at", "minimum", "few", "maximum", "up", "many", "much", "under", "below", "than",
              "over", "excess", "upward", "north", "nearly", "almost", "close", "about", "around",
              "roughly", "approx", "circa", "some", "estimated", "total", "exactly", "precisely",
              "further", "additional")
_BOUND_COMPILED = [(rid, re.compile(r"(?:" + p + r")\Z", _I), q) for rid, p, q in BOUND_TABLE]
# "at least another 20": a word between the bound and the number, kept inside the span.
_ANOTHER = r"(?:(?:another|a\s+further|an\s+additional|an\s+extra)\s+)?"

# Suffix bounds after a number.
#   (rule id, pattern, qualifier)
SUFFIX_TABLE: list[tuple[str, str, str]] = [
    ("num.bound.or_more", r"\s+or\s+more|\s+and\s+more|\s*-\s*plus\b|\+", "at-least"),
    ("num.bound.or_fewer", r"\s+or\s+(?:fewer|less)", "up-to"),
    ("num.about.or_so", r"\s+or\s+so|\s*-\s*odd\b", "about"),
]
_SUFFIX_COMPILED = [(rid, re.compile(r"(?:" + p + r")\Z", _I), q) for rid, p, q in SUFFIX_TABLE]
SUFFIX = "(?:" + "|".join(p for _, p, _ in SUFFIX_TABLE) + ")"

# ---------------------------------------------------------------------------
# Nouns that make "no X" a figure (zero), and that follow counts.
# ---------------------------------------------------------------------------

# "no" + one of these (plural or singular) is a zero figure: "No Americans",
# "no casualties", "no other injuries".  Other "no X" (no comment, no
# evidence, no doubt) are not figures.
ZERO_NOUNS: tuple[str, ...] = tuple("""
    people persons person
    men women man woman children child kids kid babies baby infants teenagers boys girls
    adults family families
    civilians civilian residents resident villagers bystanders passers-by pedestrians
    citizens nationals foreigners tourists visitors migrants refugees pilgrims worshippers
    shoppers spectators fans guests
    students student pupils pupil teachers teacher staff employees employee workers worker
    miners farmers journalists journalist reporters
    passengers passenger crew crewmen crewmembers sailors
    soldiers soldier troops servicemen serviceman servicemembers marines marine airmen
    personnel officers officer policemen policeman police guards guard firefighters
    militants rebels fighters insurgents gunmen attackers suspects suspect
    protesters protestors demonstrators prisoners inmates detainees hostages
    patients victims victim survivors bodies lives
    casualties casualty injuries injury deaths death fatalities fatality dead injured wounded
    arrests arrest detentions
    missiles missile rockets rocket shells shell bombs bomb shots shot rounds bullets bullet
    drones drone aircraft planes plane jets helicopters ships vessels boats
    vehicles vehicle tanks homes houses buildings
    americans american britons briton french british chinese japanese
    israelis israeli palestinians palestinian iraqis iraqi afghans afghan
    """.split())
_ZERO_NOUN_ALT = "|".join(sorted((re.escape(n) for n in ZERO_NOUNS), key=len, reverse=True))
# Capitalised plural demonyms not in the table: "No Germans", "No Pakistanis".
_DEMONYM = DEMONYM_AFTER_NO
ZERO_NOUN = rf"(?:(?:{_ZERO_NOUN_ALT})\b|{_DEMONYM})"
# Words that may not sit between "no" and the noun.
_NO_MODIFIER_BLOCK = (
    r"than|longer|more|less|fewer|sooner|doubt|matter|way|word|sign|signs|news|information|details"
    r"|indication|indications|confirmation|mention|figure|figures|estimate|estimates|count|number"
    r"|data|of|on|about|for|from|in|at|to|the|a|an|and|or|with|by|as|is|was|were|has|had|have|be"
    r"|been|one|reports?|immediate\s+word|" + _TOKEN_ALT
)
_NO_MODIFIER = rf"(?:(?!(?:{_NO_MODIFIER_BLOCK})\b)[A-Za-z][\w'.-]*\s+)"

# Words after a digit string that make it a count (so "2000 troops" is not a year).
COUNT_FOLLOWERS: frozenset[str] = frozenset(ZERO_NOUNS) | frozenset("""
    others other more were are was have had died killed dead hurt injured wounded missing
    arrested detained displaced evacuated fled homeless shot captured kidnapped abducted
    remain remained each
    """.split())

# ---------------------------------------------------------------------------
# parse_number_words
# ---------------------------------------------------------------------------

_TOKENISED_COMMA = re.compile(r"(?<=\d)\s?,\s?(?=\d{3}(?!\d))")
_TOKENISED_SPACE = re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))")
_TOKENISED_POINT = re.compile(r"(?<=\d)\s?\.\s?(?=\d)")
_PLAIN_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?:\s*-?\s*([a-z]+))?")
_WORD_SPLIT = re.compile(r"\s*-\s*|\s+")


def parse_number_words(s: str) -> float | None:
    """The value of a number written in digits, words or both.

    ``"thirty-two"`` -> 32, ``"a hundred and twenty"`` -> 120, ``"1,500"`` ->
    1500, ``"22 , 000"`` -> 22000, ``"1.2 million"`` -> 1200000, ``"two
    dozen"`` -> 24, ``"half a dozen"`` -> 6.  None when ``s`` is not a number.
    """
    if not isinstance(s, str):
        return None
    return _parse_number(s)


@lru_cache(maxsize=4096)
def _parse_number(s: str) -> float | None:
    """parse_number_words on a string, memoised (figures repeat: "two", "one", "10")."""
    t = s.strip().lower()
    if not t:
        return None
    if t[0].isdigit():
        t = _TOKENISED_COMMA.sub("", t)
        t = _TOKENISED_SPACE.sub("", t)
        t = _TOKENISED_POINT.sub(".", t)
        m = _PLAIN_NUMBER.fullmatch(t)
        if not m:
            return None
        value = float(m.group(1))
        scale = m.group(2)
        if scale is None:
            return value
        mult = SCALE_WORDS.get(scale) or SCALE_ABBREV.get(scale) or {"hundred": 100, "dozen": 12}.get(scale)
        return value * mult if mult else None
    return _parse_words(_WORD_SPLIT.split(t))


def _parse_words(tokens: list[str]) -> float | None:
    if not tokens or tokens == [""]:
        return None
    # "half a dozen", "half a million"
    if tokens[0] == "half":
        if len(tokens) == 3 and tokens[1] in ("a", "an"):
            inner = _parse_words(["a", tokens[2]])
            return inner / 2 if inner is not None else None
        return None
    if tokens[0] in ("a", "an"):
        if len(tokens) < 2 or tokens[1] not in ("hundred", "dozen", *SCALE_WORDS):
            return None
        tokens = ["one", *tokens[1:]]
    total = 0.0
    current: float | None = None
    last = "start"          # start | unit | teen | tens | hundred | scale | dozen | and
    last_scale = float("inf")
    for tok in tokens:
        if tok == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
            continue
        if tok in UNIT_WORDS:
            v = UNIT_WORDS[tok]
            kind = "unit" if v < 10 else "teen"
            if last in ("unit", "teen", "dozen"):
                return None
            if last == "tens":
                if kind != "unit" or v == 0:
                    return None
                current = (current or 0) + v
            else:
                current = (current or 0) + v
            last = kind
        elif tok in TENS_WORDS:
            if last in ("unit", "teen", "tens", "dozen"):
                return None
            current = (current or 0) + TENS_WORDS[tok]
            last = "tens"
        elif tok == "hundred":
            if last in ("tens", "hundred", "dozen", "and"):
                return None
            base = current if current is not None else 1
            if base >= 100:
                return None
            current = base * 100
            last = "hundred"
        elif tok in SCALE_WORDS:
            scale = SCALE_WORDS[tok]
            if last in ("scale", "dozen", "and") or scale >= last_scale:
                return None
            total += (current if current is not None else 1) * scale
            current = None
            last_scale = scale
            last = "scale"
        elif tok == "dozen":
            if last in ("dozen", "and", "scale"):
                return None
            current = (current if current is not None else 1) * 12
            last = "dozen"
        else:
            return None
    if last == "and":
        return None
    return total + (current or 0)


# ---------------------------------------------------------------------------
# Keyword prefilters (speed only)
# ---------------------------------------------------------------------------
# A rule may list what it needs: groups of lower-case keywords such that every
# text the rule matches (the consumed part, not the look-arounds) holds one
# keyword of each group; the group DIGIT stands for any ``\d``.  A need may also
# be a fact: a regex (compiled, see _fact) that every such text, lower-cased,
# holds a match of -- for rules whose keywords are too common to tell ("5 km":
# a digit right before a letter).  A rule whose needs are missing from the
# region cannot match there and is not run; most rules are cheap to rule out
# this way (one ``in`` test on the lower-cased region, or one search for a
# fact that opens with a digit: ``re`` skips to the digits fast), expensive
# to run (a regex scan).  Empty needs: always run.
Needs = tuple["tuple[str, ...] | re.Pattern[str]", ...]
DIGIT: tuple[str, ...] = ("\\d",)
_DIGIT_RX = re.compile(r"\d")
_fact = re.compile      # a need that is a regex (for the lower-cased region)
_Fact = re.Pattern


class _Keys:
    """The lower-cased view of one region, answering the rules' needs."""

    __slots__ = ("low", "digit")

    def __init__(self, s: str, low: str | None = None) -> None:
        self.low = fold(s) if low is None else low      # ``low``: s lower-cased, when known
        self.digit = _DIGIT_RX.search(s) is not None

    def has(self, needs: Needs) -> bool:
        low = self.low
        for group in needs:
            if group is DIGIT:
                if not self.digit:
                    return False
            elif type(group) is _Fact:
                if group.search(low) is None:
                    return False
            else:
                for k in group:         # a loop, not any(): no generator on this hot path
                    if k in low:
                        break
                else:
                    return False
        return True


def _needs(*groups: str | tuple[str, ...] | re.Pattern[str]) -> Needs:
    """Needs from keywords (a group of one), groups and facts: ``_needs(DIGIT, "-")``,
    ``_needs(("to", "through"))``, ``_needs(_fact("plus|odd"))``."""
    return tuple((g,) if isinstance(g, str) else g for g in groups)


# ---------------------------------------------------------------------------
# Lower-case views (speed only)
# ---------------------------------------------------------------------------
# Case-insensitive rules run as sentences.lower_pattern(rx) over
# sentences.lower_view(text) when both exist (see sentences.py): same spans,
# same groups.  Their matches are of the view (lower-cased text), so only rules
# whose builders read values, not words, from the groups run lowered (see
# _runs_lowered).  tests/test_speed_equivalence_numbers.py checks every lowered rule.
_VIEWS: dict[int, tuple[str, str | None]] = {}


def _cached_lower_view(text: str) -> str | None:
    """:func:`lower_view` of ``text``, cached for the last few texts (find_figures and
    find_non_counts are called many times per document, each time on the whole text)."""
    got = _VIEWS.get(id(text))
    if got is not None and got[0] is text:
        return got[1]
    low = lower_view(text)
    if len(_VIEWS) >= 8:
        _VIEWS.clear()
    _VIEWS[id(text)] = (text, low)
    return low


# ---------------------------------------------------------------------------
# Figure rules
# ---------------------------------------------------------------------------

class _Cand(NamedTuple):       # a tuple: one is made for every candidate, so cheap to make
    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str
    vague: bool
    rule: str
    noun: str | None
    order: int


Builder = Callable[[re.Match[str], str], "tuple | None"]


def _value(s: str) -> float | None:
    return parse_number_words(s)


def _bound_of(phrase: str) -> tuple[str, str] | None:
    for rid, rx, q in _BOUND_COMPILED:
        if rx.match(phrase.strip()):
            return rid, q
    return None


def _apply(q: str, v: float) -> tuple[float | None, float | None]:
    if q in ("at-least", "more-than"):
        return v, None
    if q in ("up-to", "fewer-than"):
        return None, v
    return v, v


_LETTER = re.compile(r"[a-z]")


def _num_rule(s: str) -> str:
    low = s.lower()
    for ch in s:                # a loop, not any(): no generator on this hot path
        if ch.isdigit():
            return "num.digits.scale" if _LETTER.search(low) else "num.digits"
    if "dozen" in low:
        return "num.word.dozen"
    return "num.word"


_SCALE_IN = re.compile(rf"(?:{_SCALE_ALT}|mln|bn|dozen)\s*$", re.I)
_REVISION_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbs|climbing|increased|increases|jumped|jumps|grew|"
    r"raised|raising|revised|revising|lowered|lowering|cut|fell|fallen|dropped|went|gone|up|down|"
    r"doubled|changed|upped|surged|soared)\s+(?:\w+\s+){0,3}$",
    re.I,
)


def _range_values(a: str, b: str) -> tuple[float, float] | None:
    lo, hi = _value(a), _value(b)
    if lo is None or hi is None:
        return None
    # "between 1 and 2 million", "10-15,000"? only the scale word is shared
    m = _SCALE_IN.search(b)
    if m and not _SCALE_IN.search(a) and lo < hi and any(c.isdigit() for c in a) == any(c.isdigit() for c in b):
        scaled = _value(f"{a.strip()} {m.group(0).strip()}")
        if scaled is not None and scaled <= hi:
            lo = scaled
    if not lo < hi:
        return None
    return lo, hi


def _b_range(m: re.Match[str], text: str) -> tuple | None:
    vals = _range_values(m.group("a"), m.group("b"))
    if vals is None:
        return None
    rx = m.re       # the rule's regex, or its lowered twin (see _FIG_RUN)
    to = rx is _RANGE_TO_RX or rx is _RANGE_TO_LOW
    if to or rx is _RANGE_FROM_RX or rx is _RANGE_FROM_LOW:
        before = text[max(0, m.start() - 60):m.start()]
        if _REVISION_BEFORE.search(before) or re.search(r"\bfrom\s+$", before, re.I) and to:
            return None
    return vals[0], vals[1], "range", False, None


def _b_bound(m: re.Match[str], text: str) -> tuple | None:
    found = _bound_of(m.group("bound"))
    if found is None:
        return None
    _, q = found
    num = m.group("n")
    if num is not None:
        v = _value(num)
        if v is None:
            return None
        lo, hi = _apply(q, v)
        return lo, hi, q, False, None
    found = _which_vague(text, m.start("v"), m.end("v"))
    return (found[1], None, "vague", True, None) if found else None


def _bound_rule(m: re.Match[str]) -> str:
    found = _bound_of(m.group("bound"))
    return found[0] if found else "num.bound"


def _b_suffix(m: re.Match[str], text: str) -> tuple | None:
    v = _value(m.group("n"))
    if v is None:
        return None
    suf = m.group("suf")
    for _rid, rx, q in _SUFFIX_COMPILED:
        if rx.match(suf):
            lo, hi = _apply(q, v)
            return lo, hi, q, False, None
    return None


def _suffix_rule(m: re.Match[str]) -> str:
    for rid, rx, _q in _SUFFIX_COMPILED:
        if rx.match(m.group("suf")):
            return rid
    return "num.bound.suffix"


def _b_exact(m: re.Match[str], text: str) -> tuple | None:
    v = _value(m.group("n"))
    if v is None:
        return None
    return v, v, "exact", False, None


_ONE_NOT_FIGURE_AFTER = re.compile(r"^\s*(?:-\s*)?(?:another|by\s+one|on\s+one|off\b|or\s+another|time\b|way\b|sided)", re.I)
_ONE_NOT_FIGURE_BEFORE = re.compile(r"\b(?:no|every|any|each|which|this|that|the\s+only|anyone|some)\s*-?\s*$", re.I)


def _b_plain(m: re.Match[str], text: str) -> tuple | None:
    s = m.group(0)
    v = _value(s)
    if v is None:
        return None
    if s.lower() == "one":
        after = text[m.end():m.end() + 20]
        before = text[max(0, m.start() - 15):m.start()]
        if _ONE_NOT_FIGURE_AFTER.match(after) or _ONE_NOT_FIGURE_BEFORE.search(before):
            return None
    return v, v, "exact", False, None


def _plain_rule(m: re.Match[str]) -> str:
    return _num_rule(m.group(0))


def _b_vague(m: re.Match[str], text: str) -> tuple | None:
    found = _which_vague(text, m.start(), m.end())
    return (found[1], None, "vague", True, None) if found else None


def _vague_rule(m: re.Match[str]) -> str:
    found = _which_vague(m.string, m.start(), m.end())
    return found[0] if found else "num.vague"


def _b_zero(m: re.Match[str], text: str) -> tuple | None:
    noun = m.groupdict().get("noun")
    return 0.0, 0.0, "zero", False, noun


def _b_zero_word(m: re.Match[str], text: str) -> tuple | None:
    before = text[max(0, m.start() - 12):m.start()]
    if re.search(r"\b(?:ground|below|above|from|to|near|sub)\s*-?\s*$", before, re.I):
        return None
    return 0.0, 0.0, "zero", False, m.groupdict().get("noun")


def _b_none(m: re.Match[str], text: str) -> tuple | None:
    before = text[max(0, m.start() - 12):m.start()]
    if re.search(r"\b(?:to|of)\s+$", before, re.I):      # "second to none"
        return None
    return 0.0, 0.0, "zero", False, m.groupdict().get("noun")


def _b_one(m: re.Match[str], text: str) -> tuple | None:
    return 1.0, 1.0, "exact", False, None


def _b_both(m: re.Match[str], text: str) -> tuple | None:
    return 2.0, 2.0, "exact", False, None


def _b_reference(m: re.Match[str], text: str) -> tuple | None:
    return None, None, "reference", False, None


_NONE_NOUN_STOP = (
    r"was|were|is|are|had|has|have|could|would|will|can|did|do|does|should|might|may|must|"
    r"appeared|seemed|of|in|on|at|to|by|for|with|from|and|or|but|who|that|which|"
    r"reportedly|apparently|immediately|" + _TOKEN_ALT
)

# Each rule: (rule id or function of the match, compiled regex, builder).
# Order matters only to break ties between candidates of the same length.
_RANGE_BETWEEN_RX = re.compile(
    rf"\b(?:(?:{BOUND})\s+)?between\s+(?P<a>{NUM})\s+(?:and|-|to|–)\s+(?P<b>{NUM})", _I)
_RANGE_FROM_RX = re.compile(
    rf"\bfrom\s+(?P<a>{NUM})\s+(?:to|-|–)\s+(?P<b>{NUM})", _I)
_RANGE_TO_RX = re.compile(
    rf"(?:\b(?:{BOUND})\s+)?(?P<a>{NUM})\s+(?:to|through|-to-)\s+(?P<b>{NUM})", _I)
_RANGE_DASH_RX = re.compile(
    rf"(?:\b(?:{BOUND})\s+)?(?P<a>{NUM})\s*(?:-|–|—)\s*(?P<b>{NUM})", _I)
_RANGE_OR_RX = re.compile(
    rf"(?:\b(?:{BOUND})\s+)?(?P<a>{NUM})\s+or\s+(?P<b>{NUM})", _I)

# Each rule: (rule id or a function of the match giving it, regex, builder, mode, needs).
# mode "scan": finditer over the region; "anchor": rx.match only where a
# number, a vague word or a prefix (bound, "between", "from", "all") starts,
# which keeps the NUM-led patterns fast.  needs: the keywords without which
# the rule cannot match (see _Keys).  A rule whose regex has a group ``fig``
# takes that group as the figure's span; the rest of its match is context.
_PLAIN_RX = re.compile(rf"(?=\d|\b[otfsenhmbda]){NUM}", _I)
_VAGUE_RX = re.compile(rf"(?=\b[a-z]){VAGUE}\b", _I)
# A prefix that may open a figure before a number: a bound, "between", "from", "all".
_PREFIX_BEFORE = re.compile(
    rf"(?:\b(?:{BOUND})\s+(?:between\s+)?{_ANOTHER}|\bbetween\s+|\bfrom\s+|\ball\s+)\Z", _I)
# The words a _PREFIX_BEFORE match can end with (before its final white space):
# the last words of the BOUND_TABLE phrases, of _ANOTHER, "between", "from", "all".
_PREFIX_LAST_WORDS = (
    "than", "least", "of", "as", "most", "to", "under", "below", "over", "nearly", "almost", "about",
    "around", "roughly", "approximately", "approx.", "circa", "some", "estimated", "approximate", "exactly",
    "precisely", "further", "additional", "another", "extra", "between", "from", "all",
)
_A_AN = re.compile(r"\b(?:an?|half|several|one)\b", re.I)
#: People an article may count ("a man", "an officer"): singular nouns only, up to three words after
#: the article ("a 24-year-old man", "an off-duty police officer")
ARTICLE_PERSONS: tuple[str, ...] = tuple("""
    man woman boy girl child baby infant toddler teen teenager youth person adult
    officer policeman policewoman trooper deputy soldier marine sailor guard agent
    civilian resident villager passenger driver motorist pedestrian cyclist worker employee
    student pupil teacher journalist reporter photographer firefighter doctor nurse paramedic
    pilot farmer fisherman shopkeeper tourist pilgrim worshipper protester demonstrator
    victim bystander hostage prisoner inmate suspect gunman attacker bomber militant
    """.split())
#: What may follow such a noun when it heads its phrase ("a man was", "a guard in"), not when it
#: qualifies another noun ("a tourist camp", "a Guard headquarters")
ARTICLE_HEAD_FOLLOWERS: tuple[str, ...] = tuple("""
    was were is are has had who whose and in at on from with near outside inside after during
    killed died dies wounded injured hurt shot stabbed arrested detained found remains remained
    suffered sustained being been also later reportedly allegedly believed
    """.split())
#: one of those nouns (found fast: a sentence without one holds no such article)
ARTICLE_NOUN = rf"\b(?:{words_pattern(ARTICLE_PERSONS)})\b"
#: the article that counts (group ``fig``: the figure's own words), with its noun phrase
ARTICLE_PERSON = (
    rf"\b(?P<fig>a|an)\s+(?:(?!(?:and|or|of|the)\b)[\w'\u2019-]+\s+){{0,2}}?(?:{words_pattern(ARTICLE_PERSONS)})"
    rf"(?=\s*[,.;:)\u2014]|\s+(?:{words_pattern(ARTICLE_HEAD_FOLLOWERS)})\b)")

FIGURE_RULES: list[tuple[str | Callable[[re.Match[str]], str], re.Pattern[str], Builder, str, Needs]] = [
    # figures by reference: the caller takes the value of the claim before
    ("num.ref.similar", re.compile(r"\b(?:a|an)\s+(?:similar|equal|comparable|like)\s+number\b", _I), _b_reference, "scan",
     _needs("number")),
    ("num.ref.same", re.compile(r"\bthe\s+same\s+number\b", _I), _b_reference, "scan", _needs("same")),
    # ranges: "between 100 and 120", "from 10 to 15", "15 to 20", "100-120", "five or six"
    ("num.range.between", _RANGE_BETWEEN_RX, _b_range, "anchor", _needs("between")),
    ("num.range.from", _RANGE_FROM_RX, _b_range, "anchor", _needs("from")),
    # (facts with their literal first: ``re`` finds a literal fast; "to", "or" between white space)
    ("num.range.to", _RANGE_TO_RX, _b_range, "anchor", _needs(_fact(r"to\s(?<=\sto\s)|through|-to-"))),
    ("num.range.dash", _RANGE_DASH_RX, _b_range, "anchor", _needs(("-", "\u2013", "\u2014"))),
    ("num.range.or", _RANGE_OR_RX, _b_range, "anchor", _needs(_fact(r"or\s(?<=\sor\s)"))),
    # bounds before a number or a vague word: "at least 12", "more than a dozen", "at least another 20"
    (_bound_rule, re.compile(
        rf"\b(?P<bound>{BOUND})\s+{_ANOTHER}(?:(?P<n>{NUM})|(?P<v>\b{VAGUE}))", _I), _b_bound, "anchor",
     _needs(BOUND_KEYS)),
    # suffix bounds: "20 or more", "100-plus", "50 or so"
    (_suffix_rule, re.compile(rf"(?P<n>{NUM})(?P<suf>{SUFFIX})", _I), _b_suffix, "anchor",
     _needs(_fact(r"or\s+(?:more|fewer|less|so)|and\s+more|plus|\+|odd"))),
    # "all 10", "All five": exact, the word "all" inside the span
    ("num.all", re.compile(rf"\ball\s+(?P<n>{NUM})", _I), _b_exact, "anchor", _needs("all")),
    # zeros
    ("num.zero.no_one", re.compile(r"\bno\s*-?\s*one\b(?!['\u2019]s)", _I), _b_zero, "scan",
     _needs(_fact(r"no\s*-?\s*one"))),
    ("num.zero.nobody", re.compile(r"\bnobody\b", _I), _b_zero, "scan", _needs("nobody")),
    ("num.zero.reports", re.compile(
        rf"\bno\s+(?:(?:immediate|initial|early|other|further|official)\s+)?reports?\s+of\s+(?:any\s+)?"
        rf"{_NO_MODIFIER}{{0,2}}(?P<noun>{ZERO_NOUN})", _I), _b_zero, "scan", _needs("report")),
    ("num.zero.no_noun", re.compile(
        rf"\bno(?![.\w])\s+{_NO_MODIFIER}{{0,2}}?(?P<noun>{ZERO_NOUN})"
        rf"(?:\s+(?:or|and|nor)\s+(?:{ZERO_NOUN}))?", _I), _b_zero, "scan",
     _needs(_fact(r"no\s(?<=\bno\s)"))),
    ("num.zero.none", re.compile(
        rf"\bnone\b(?!\s+(?:other|too|the\s+less|the\s+wiser)\b)"
        rf"(?:\s+of\s+(?:the|them|these|those|its|their|our|us|his|her|you)\b"
        rf"(?:\s+(?!(?:{_NONE_NOUN_STOP})\b)(?P<noun>[A-Za-z][\w-]*))?)?", _I), _b_none, "scan", _needs("none")),
    ("num.zero.not_single", re.compile(
        rf"\bnot\s+(?:a\s+single|one|even\s+one)\b(?!\s+but\b)(?:\s+{_NO_MODIFIER}{{0,1}}?(?P<noun>{ZERO_NOUN}))?", _I),
     _b_zero, "scan", _needs("not")),
    ("num.zero.zero", re.compile(
        rf"\bzero\b(?!\s*-?\s*(?:tolerance|sum|hour|gravity|day|point|emissions?)\b)(?:\s+(?P<noun>{ZERO_NOUN}))?", _I),
     _b_zero_word, "scan", _needs("zero")),
    ("num.zero.neither", re.compile(r"\bneither(?=\s+of\b)", _I), _b_zero, "scan", _needs("neither")),
    # vague plurals and quantity words
    (_vague_rule, re.compile(rf"\b{VAGUE}\b", _I), _b_vague, "scan", _needs(VAGUE_KEYS)),
    # "a man was shot dead", "gunmen killed a police officer": the article counts one person (the head
    # of its noun phrase: at most two modifiers before it, then a verb, a preposition or punctuation)
    # (the rule consumes the noun phrase: the figure is its group ``fig``, the article alone)
    ("num.article", re.compile(ARTICLE_PERSON, _I), _b_one, "scan", _needs(_fact(ARTICLE_NOUN))),
    # "both" (not the conjunction "both in ... and ...")
    ("num.both", re.compile(
        r"\bboth\b(?!\s+(?:in|at|by|to|as|from|for|with|on|inside|within|here|there|sides?|ways)\b)", _I), _b_both, "scan",
     _needs("both")),
    # "a couple", "a pair"
    ("num.word.couple", re.compile(r"\ba\s+(?:couple|pair)(?=\s+of\b)", _I),
     lambda m, t: (2.0, 2.0, "exact", False, None), "scan", _needs(("couple", "pair"))),
    # plain digits and number words
    (_plain_rule, _PLAIN_RX, _b_plain, "scan", ()),
]


_VAGUE_NEEDS = _needs(VAGUE_KEYS)

# The rules whose builders copy the words of a group into the figure (the
# zero rules' ``noun``) keep the case of the text: they never run lowered.
def _runs_lowered(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    return None if "noun" in rx.groupindex else lower_pattern(rx)


_PLAIN_LOW = lower_pattern(_PLAIN_RX)
_VAGUE_LOW = lower_pattern(_VAGUE_RX)
_PREFIX_LOW = lower_pattern(_PREFIX_BEFORE)
_RANGE_TO_LOW = lower_pattern(_RANGE_TO_RX)
_RANGE_FROM_LOW = lower_pattern(_RANGE_FROM_RX)
# The figure rules as _candidates runs them: (order, rule id, regex, lowered regex or None, builder, mode, needs).
_FIG_RUN = [(order, rid, rx, _runs_lowered(rx), build, mode, needs)
            for order, (rid, rx, build, mode, needs) in enumerate(FIGURE_RULES)]


def _anchors(text: str, start: int, end: int, keys: _Keys,
             low: str | None = None) -> tuple[list[re.Match[str]], list[int]]:
    """The plain number matches of the region and the sorted positions where
    an anchored rule may start (numbers, vague words and prefixes before them).
    With ``low`` (the text's lower-case view) the matches are of the view."""
    if low is not None:
        atoms = list(_PLAIN_LOW.finditer(low, start, end))
    else:
        atoms = list(_PLAIN_RX.finditer(text, start, end))
    starts = {m.start() for m in atoms}
    if keys.has(_VAGUE_NEEDS):
        if low is not None:
            starts.update(m.start() for m in _VAGUE_LOW.finditer(low, start, end))
        else:
            starts.update(m.start() for m in _VAGUE_RX.finditer(text, start, end))
    for p in list(starts):
        q = _prefix_start(text, max(start, p - 48), p, low)
        if q is not None:
            starts.add(q)
    return atoms, sorted(starts)


def _prefix_start(text: str, lo: int, p: int, low: str | None = None) -> int | None:
    """Where the prefix (_PREFIX_BEFORE) that ends at ``p`` starts, searched from ``lo``; None when none.
    ``low``: the text's lower-case view, if any."""
    # a cheap test first: white space right before p, after one of the prefixes' last words
    if low is not None:
        head = low[lo:p].rstrip()
        if len(head) == p - lo or not head.endswith(_PREFIX_LAST_WORDS):
            return None
        m = _PREFIX_LOW.search(low, lo, p)
        return m.start() if m else None
    head = text[lo:p].rstrip()
    if len(head) == p - lo or not fold(head[-16:]).endswith(_PREFIX_LAST_WORDS):
        return None
    m = _PREFIX_BEFORE.search(text, lo, p)
    return m.start() if m else None


def _candidates(text: str, start: int, end: int, atoms: list[re.Match[str]],
                starts: list[int], keys: _Keys, low: str | None = None) -> list[_Cand]:
    out: list[_Cand] = []
    for order, rid, rx, rxl, build, mode, needs in _FIG_RUN:
        if needs and not keys.has(needs):
            continue
        if rx is _PLAIN_RX:
            found: Iterable[re.Match[str]] = atoms
        else:
            if low is not None and rxl is not None:
                rx, subject = rxl, low
            else:
                subject = text
            if mode == "scan":
                found = rx.finditer(subject, start, end)
            else:
                match = rx.match
                found = [m for p in starts if (m := match(subject, p, end)) is not None]
        for m in found:
            s, e = m.span("fig") if "fig" in rx.groupindex else m.span()
            if e <= s:
                continue
            got = build(m, text)
            if got is None:
                continue
            lo_, high, q, vague, noun = got
            rule = rid if isinstance(rid, str) else rid(m)
            # trim white space the pattern may have taken at the edges
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append(_Cand(s, e, lo_, high, q, vague, rule, noun, order))
    return out


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    # spans sorted by start; small lists, linear scan is fine
    for a, b in spans:
        if a >= e:
            break
        if b > s:
            return True
    return False


def _region(text: str, start: int, end: int | None) -> tuple[int, int] | None:
    """``(start, end)`` clipped to the text, or None when the region is empty."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    return (start, end) if start < end else None


class _Scan(NamedTuple):
    """What find_figures and find_non_counts both start from, for one region."""

    start: int
    end: int
    low: str | None                  # the text's lower-case view (sentences.lower_view), if exact
    keys: _Keys                      # the region's keywords, for the rules' needs
    atoms: list[re.Match[str]]       # plain number matches
    starts: list[int]                # where anchored rules may start


def _scan(text: str, start: int, end: int | None) -> _Scan | None:
    region = _region(text, start, end)
    if region is None:
        return None
    start, end = region
    low = _cached_lower_view(text)
    keys = _Keys(text[start:end], None if low is None else low[start:end])
    atoms, starts = _anchors(text, start, end, keys, low)
    return _Scan(start, end, low, keys, atoms, starts)


def find_figures(text: str, start: int = 0, end: int | None = None, *,
                 exclude_non_counts: bool = True) -> list[Figure]:
    """Every count-like figure in ``text[start:end]``, absolute offsets,
    sorted by start, non-overlapping (longest match wins)."""
    scan = _scan(text, start, end)
    if scan is None:
        return []
    start, end, low, keys, atoms, starts = scan
    cands = _candidates(text, start, end, atoms, starts, keys, low)
    if exclude_non_counts and cands:
        windows = _windows(text, start, end, [m.start() for m in atoms], 40)
        targets = [(c.start, c.end) for c in cands]
        blocked = sorted((s, e) for s, e, _ in _non_counts(text, start, end, starts, keys, windows, low, targets))
        if blocked:
            cands = [c for c in cands if not _overlaps(blocked, c.start, c.end)]
    cands.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in cands:
        if any(c.start < b and a < c.end for a, b in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    return [Figure(start=c.start, end=c.end, text=text[c.start:c.end], low=c.low, high=c.high,
                   qualifier=c.qualifier, vague=c.vague, rule=c.rule, noun=c.noun)
            for c in chosen]


# ---------------------------------------------------------------------------
# Non-counts
# ---------------------------------------------------------------------------

# month and weekday names capitalised (or a month in capitals), case-sensitive inside re.I tables
_MONTH = (rf"(?-i:(?:{'|'.join(w.title() for w in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))})\b\.?"
          rf"|(?:{'|'.join(w.upper() for w in MONTH_NAMES)})\b)")
_WEEKDAY = rf"(?:{'|'.join(w.title() for w in (*WEEKDAY_NAMES, *WEEKDAY_ABBREVIATIONS))})\b\.?"
_DAYNUM = r"\d{1,2}(?!\d)(?:\s?(?:st|nd|rd|th))?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
# number for non-count patterns: digits, words, vague words, "a"/"an"
_NC_NUM = rf"(?:{DIGITS}|{WORDNUM}|\b{VAGUE}\b|\b(?:a|an|one|a\s+couple\s+of|a\s+few)\b)"

_TIME_UNITS = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|yrs?|decades?|centuries|century|fortnights?|weekends?|mths|wks)"
_LENGTH_ETC_UNITS = (
    r"(?:feet|foot|ft|inch(?:es)?|miles?|mi|kms?|kilometres?|kilometers?|(?:kilo|centi|milli)?-?(?:metres?|meters?)|m|cm|mm"
    r"|yards?|yds?|acres?|hectares?|ha|sq\.?\s*-?\s*(?:km|miles?|m|ft|metres?|meters?)"
    r"|square\s*-?\s*(?:kilometres?|kilometers?|miles?|metres?|meters?|feet|km|yards?)"
    r"|tons?|tonnes?|kgs?|kilos?|kilograms?|grams?|lbs?|ounces?|oz|gallons?|litres?|liters?|barrels?|bpd|cubic\s+\w+"
    r"|mph|kph|km/h|kmh|knots?|degrees?|°[CF]?|celsius|fahrenheit|megawatts?|mw|kw|kilowatts?|gigawatts?|volts?|watts?"
    r"|calibre|caliber|gauge|storeys?|stories|floors?|points?|pts|gb|mb|tb|megabytes?|gigabytes?|megatons?|kilotons?"
    r"|nautical\s+miles?|light\s+years?|decibels?|db|richter)"
)
_MONEY_WORDS = (r"(?:dollars?|dlrs|usd|euros?|eur|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?|"
                r"rs|cents?|cts|pence|francs?|marks|riyals?|dinars?|pesos?|rubles?|roubles?|shekels?|lira|"
                r"naira|rand|baht|rupiah|dirhams?|ringgit|taka|birr|shillings?|crowns?|kronor|kroner)")
_CURRENCY_SIGN = r"(?:US\s?\$|A\$|C\$|HK\$|NZ\$|S\$|\$|£|€|¥|₹|₦|Rs\.?|INR|USD|EUR|GBP|JPY|CNY|NIS)"
_SPORTS = re.compile(
    r"\b(?:won|win|wins|beat|beats|beaten|beating|defeat|defeated|defeats|victory|victories|loses|"
    r"drew|draw|tied|score|scored|scoreline|match|game|games|goals?|innings?|"
    r"seed|league|cup|overtime|vote|votes|voted|margin|points|rout|routed|"
    r"trailed|edged|thrashed|clinched|halftime|half-time)\b", re.I)

# Identifier heads: a word before a number that makes it a name, not a count.
IDENTIFIER_HEADS: tuple[str, ...] = tuple("""
    flight route highway interstate channel article resolution boeing airbus apollo room gate
    terminal platform level category chapter section paragraph page pages volume vol version
    apartment apt suite unit precinct district ward block lot pier building hangar bus train line
    exit game week round stage phase grade class form act proposition prop amendment bill law
    decree order ordinance windows iphone galaxy model mark mk type series division corps brigade
    battalion regiment squadron fleet station engine truck ladder local studio camp tower zone
    sector hall pavilion stand court row seat box lane pier highway road county state number no
    psalm verse rule clause item figure table appendix exhibit episode season part act scene
    tsunami hurricane typhoon storm sura cell floor gallery wing bay berth pump runway mission
    """.split())
# Capitalised words before a number that do NOT make it an identifier.
NOT_IDENTIFIER_WORDS: frozenset[str] = frozenset("""
    at least about around some all over nearly almost only just and but or the of in on to for from
    with by as than another more fewer less up roughly approximately estimated an a total exactly
    including kill kills killing killed leave leaves leaving left injure injures injuring injured wound
    wounds wounding wounded hurt hurts dead die dies died claim claims claimed hit hits top tops reach
    reaches rises rise rose climb climbs passes pass near nears exceed exceeds arrest arrests arrested
    detain detains detained kidnap kidnaps kidnapped abduct abducts abducted rescue rescues rescued
    evacuate evacuates evacuated displace displaces displaced fire fires fired launch launches launched
    shoot shoots shot seize seizes seized toll tolls now is are was were has have had says said say
    report reports reported confirm confirms confirmed after before since between among amid against
    police officials military army troops when while where who what that this these those there here
    then also even still yet so if because though although until unless once per each every both
    no none nobody zero only another other others his her their its our my your we they he she it i
    you me us them him
    rescuers firefighters doctors medics sources witnesses residents authorities ministry officers
    """.split()) | frozenset((*MONTH_NAMES, *WEEKDAY_NAMES, *VAGUE_PLURALS))

_IDENT_HEAD_ALT = "|".join(sorted(IDENTIFIER_HEADS, key=len, reverse=True))


def _count_follows(text: str, pos: int) -> bool:
    nxt = re.match(r"[ \t]*([A-Za-z]+)", text[pos:pos + 30])
    return bool(nxt and nxt.group(1).lower() in COUNT_FOLLOWERS)


def _nc_generic_identifier(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """'Telenova 24', 'KPIX 5': a capitalised name right before a number."""
    word = m.group("w")
    low = word.lower()
    if low in NOT_IDENTIFIER_WORDS:
        return None
    if low.endswith(("s", "ed", "ing")):
        return None
    nxt = re.match(r"[ \t]*([A-Za-z]+)", text[m.end():m.end() + 30])
    if nxt and nxt.group(1).lower() in COUNT_FOLLOWERS:
        return None
    # a number at a line start after a capitalised word on the previous line is not covered: [ \t] only
    return m.start("n"), m.end("n")


# Words before a 4-digit number that make it a year whatever follows ("in 2004 were").
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|till|before|after|during|from|to|through|early|late|mid|fiscal|"
    r"spring|summer|autumn|fall|winter|year|years|season|class|census|election|elections|"
    rf"{'|'.join(MONTH_NAMES)})\s*-?\s*\Z",
    re.I)


def _nc_year(m: re.Match[str], text: str) -> tuple[int, int] | None:
    if _YEAR_BEFORE.search(text, max(0, m.start() - 14), m.start()):
        return m.start(), m.end()
    nxt = re.match(r"\s*([A-Za-z]+)", text[m.end():m.end() + 30])
    if nxt and nxt.group(1).lower() in COUNT_FOLLOWERS:
        return None
    return m.start(), m.end()


def _nc_age_comma(m: re.Match[str], text: str) -> tuple[int, int] | None:
    v = int(m.group("n"))
    if v > 110:
        return None
    if m.group("w").lower() in NOT_IDENTIFIER_WORDS:
        return None
    return m.start("n"), m.end("n")


def _nc_score(m: re.Match[str], text: str) -> tuple[int, int] | None:
    a, b = int(m.group("a")), int(m.group("b"))
    window = text[max(0, m.start() - 50):m.end() + 40]
    if b <= a or _SPORTS.search(window):
        return m.start(), m.end()
    # a run of set scores: "6-3 4-6 6-1"
    if _SCORE_NEXT.match(text, m.end()) or _SCORE_PREV.search(text, max(0, m.start() - 10), m.start()):
        return m.start(), m.end()
    return None


_SCORE_NEXT = re.compile(r"[ ,]{1,2}\d{1,2}\s?-\s?\d{1,2}\b")
_SCORE_PREV = re.compile(r"\b\d{1,2}\s?-\s?\d{1,2}[ ,]{1,2}\Z")


#: a number or a list of numbers ("17", "18 and 25", "24, 25, and 41", "17 to 54")
_AGE_LIST = rf"(?:{DIGITS}|{WORDNUM})(?:\s*(?:,\s*(?:and\s+|or\s+)?|-|–|to\b|and\b|or\b)\s*(?:{DIGITS}|{WORDNUM}))*"


def _nc_plain(m: re.Match[str], text: str) -> tuple[int, int] | None:
    return m.start(), m.end()


def _nc_decimal(m: re.Match[str], text: str) -> tuple[int, int] | None:
    nxt = text[m.end():m.end() + 12]
    if re.match(r"\s*-?\s*(?:hundred|thousand|million|billion|trillion|mln|bn)\b", nxt, re.I):
        return None
    return m.start(), m.end()


NcBuilder = Callable[[re.Match[str], str], "tuple[int, int] | None"]

# (rule id, reason, compiled regex, span builder); ordered, commented.
NON_COUNT_RULES: list[tuple[str, str, re.Pattern[str], NcBuilder, str]] = [
    # --- dates -------------------------------------------------------------
    ("nc.date.iso", "date", re.compile(r"\b\d{4}\s?-\s?\d{1,2}\s?-\s?\d{1,2}\b"), _nc_plain, "scan"),
    ("nc.date.slash", "date", re.compile(r"\b\d{1,2}\s?[/.]\s?\d{1,2}\s?[/.]\s?\d{2,4}\b"), _nc_plain, "scan"),
    ("nc.date.month_day", "date", re.compile(
        rf"(?:\b{_WEEKDAY},?\s+)?\b{_MONTH}\s*,?\s*{_DAYNUM}(?:\s?,?\s?{_YEAR})?", _I), _nc_plain, "scan"),
    ("nc.date.day_month", "date", re.compile(
        rf"(?:\b{_WEEKDAY},?\s+)?\b{_DAYNUM}(?:\s+of)?\s*,?\s*-?\s*{_MONTH}(?:\s?[,-]?\s?{_YEAR})?", _I), _nc_plain, "scan"),
    ("nc.date.month_year", "date", re.compile(rf"\b{_MONTH}\s?[,-]?\s?{_YEAR}", _I), _nc_plain, "scan"),
    ("nc.date.weekday_day", "date", re.compile(rf"\b{_WEEKDAY},?\s+{_DAYNUM}\b", _I), _nc_plain, "scan"),
    # --- times -------------------------------------------------------------
    ("nc.time.clock", "time", re.compile(
        r"\b\d{1,2}\s?[:.]\s?\d{2}(?!\d)(?:\s?[:.]\s?\d{2})?(?:\s?(?:[ap]\s?\.?\s?m\b\s?\.?|hrs|h\b|GMT|UTC|BST|CET|EST|EDT|CST|PST|IST|local\s+time))?", re.I),
     lambda m, t: (m.start(), m.end()) if ":" in m.group(0) or re.search(r"[ap]\s?\.?\s?m|GMT|UTC|local|hrs|[A-Z]ST", m.group(0), re.I) else None, "scan"),
    ("nc.time.ampm", "time", re.compile(r"\b\d{1,2}\s?(?:[ap]\s?\.\s?m\b\s?\.?|[ap]m\b)", re.I), _nc_plain, "scan"),
    ("nc.time.military", "time", re.compile(
        r"\b\d{3,4}\s?(?:GMT|UTC|BST|CET|EST|EDT|IST|Zulu|hrs|hours\s+(?:GMT|local)|h\b|local\s+time)", re.I), _nc_plain, "scan"),
    ("nc.time.oclock", "time", re.compile(rf"(?:{DIGITS}|{WORDNUM})\s+o['\u2019]\s?clock", _I), _nc_plain, "anchor"),
    # --- ages --------------------------------------------------------------
    ("nc.age.year_old", "age", re.compile(
        rf"(?:{_NC_NUM})\s*-?\s*(?:years?|yrs?|months?|weeks?|days?)\s*-?\s*olds?\b", _I), _nc_plain, "anchor"),
    # "aged 45", "ages 18 and 25", "ages 24, 25, and 41", "the ages of the victims are 17, 23 and 55",
    # "between the ages of 16 and 19", "ranged in age from 17 to 54": every number of the list is an age
    ("nc.age.aged", "age", re.compile(
        rf"""\b(?:aged|ages|age|ageing)\s+
             (?:of\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}?(?:are|were|is|was)\s+|between\s+(?:the\s+ages\s+of\s+)?|from\s+|of\s+)?
             {_AGE_LIST}""", _I), _nc_plain, "scan"),
    # "males 17 and 33 years of age", "aged between 18 and 25 years old": a list before the age words
    ("nc.age.list_years", "age", re.compile(
        rf"{_AGE_LIST}\s*-?\s*(?:years?|yrs?)\s*-?\s*(?:of\s+age|olds?)\b", _I), _nc_plain, "anchor"),
    ("nc.age.decade", "age", re.compile(r"\b(?:in\s+(?:his|her|their)\s+)(?:early\s+|mid\s*-?\s*|late\s+)?\d0\s?'?s\b", re.I), _nc_plain, "scan"),
    ("nc.age.paren", "age", re.compile(r"(?-i:\b(?P<w>[A-Z][a-z]+))\s?\(\s?(?P<n>\d{1,2})\s?\)"),
     lambda m, t: (m.start("n") - 1 if t[m.start("n") - 1] == "(" else m.start("n"), m.end()), "scan"),
    ("nc.age.comma", "age", re.compile(r"(?-i:\b(?P<w>[A-Z][A-Za-z'-]*[a-z]))\s?,\s?(?P<n>\d{1,3})\s?(?=[,;]|\.(?!\d))"),
     _nc_age_comma, "scan"),
    # --- durations ---------------------------------------------------------
    ("nc.duration", "duration", re.compile(
        rf"(?:{_NC_NUM})(?:\s+and\s+a\s+half)?\s*-?\s*{_TIME_UNITS}\b", _I), _nc_plain, "anchor"),
    ("nc.duration.bare", "duration", re.compile(r"\b(?:decades|centuries)\b", _I), _nc_plain, "scan"),
    # --- money -------------------------------------------------------------
    ("nc.money.sign", "money", re.compile(
        rf"{_CURRENCY_SIGN}\s?(?:{DIGITS}|\d[\d,.]*)(?:\s?(?:million|billion|trillion|thousand|mln|bn|m|k)\b)?", re.I | re.X),
     _nc_plain, "scan"),
    ("nc.money.word", "money", re.compile(
        rf"(?:{_NC_NUM})(?:\s*(?:million|billion|trillion|thousand|mln|bn))?(?:\s+of)?\s+(?:US\s+|U\.S\.\s+|American\s+|Canadian\s+|Australian\s+|Hong\s+Kong\s+)?{_MONEY_WORDS}\b", _I),
     _nc_plain, "anchor"),
    # --- percentages -------------------------------------------------------
    ("nc.percent", "percentage", re.compile(
        rf"(?:{_NC_NUM})\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)", _I), _nc_plain, "anchor"),
    # --- measurements ------------------------------------------------------
    ("nc.measure.magnitude", "measurement", re.compile(
        rf"\bmagnitude(?:\s+of)?\s*-?\s*(?:{DIGITS})", _I), _nc_plain, "scan"),
    ("nc.measure.magnitude_after", "measurement", re.compile(
        rf"(?:{DIGITS}|{WORDNUM})\s*-?\s*(?:magnitude|on\s+the\s+richter|richter)", _I), _nc_plain, "anchor"),
    ("nc.measure.unit", "measurement", re.compile(
        rf"(?:{_NC_NUM})(?:\s+of)?\s*-?\s*{_LENGTH_ETC_UNITS}(?![\w])", _I), _nc_plain, "anchor"),
    ("nc.measure.attached", "measurement", re.compile(r"\b\d+(?:\.\d+)?(?:mm|cm|km|kg|m|ft|lb|lbs|g|mph|kph|mw|kw)\b", re.I), _nc_plain, "scan"),
    ("nc.decimal", "measurement", re.compile(r"(?<![\w.,])\d+(?:\.\d+|\ \.\ \d+)(?![\w]|[.,]\d)"), _nc_decimal, "scan"),
    # --- phone numbers -----------------------------------------------------
    ("nc.phone", "phone", re.compile(
        r"(?:\+\d{1,3}[\s.-]?)?(?:\(\s?\d{3}\s?\)|\b\d{3})[\s.-]?\d{3}\s?[.-]\s?\d{4}\b|\b\d{3}\s?-\s?\d{4}\b"), _nc_plain, "scan"),
    # --- addresses ---------------------------------------------------------
    ("nc.address.street", "address", re.compile(
        r"\b\d{1,6}(?:\s?-\s?\d{1,6})?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West|NE|NW|SE|SW)\s+)?"
        r"(?:(?:\d+(?:st|nd|rd|th)|[A-Z][A-Za-z'.]*)\s+){0,3}"
        r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Circle|"
        r"Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Pike|Crescent|Close|Plaza)\b\.?"), _nc_plain, "scan"),
    ("nc.address.block", "address", re.compile(r"\b\d{2,6}\s+(?:block|blk)\b", re.I), _nc_plain, "scan"),
    ("nc.address.zip", "address", re.compile(r"(?-i:\b[A-Z]{2}|\b[A-Z][a-z]+)\s*,?\s+\d{5}(?:-\d{4})?\b(?!\s*(?:people|persons))"),
     lambda m, t: (re.search(r"\d{5}", m.group(0)).start() + m.start(), m.end()), "scan"),
    ("nc.id.long_digits", "identifier", re.compile(r"(?<![\d,.])\b\d{5,}\b(?![,.]\d)"),
     lambda m, t: None if re.match(r"\s*([A-Za-z]+)", t[m.end():m.end() + 25]) and
     re.match(r"\s*([A-Za-z]+)", t[m.end():m.end() + 25]).group(1).lower() in COUNT_FOLLOWERS else (m.start(), m.end()), "scan"),
    # --- identifiers -------------------------------------------------------
    ("nc.id.number_sign", "identifier", re.compile(r"(?:\bNo\s?\.|\bNos\s?\.|#|\bnumber)\s?\d+\b", re.I), _nc_plain, "scan"),
    ("nc.id.head", "identifier", re.compile(
        rf"(?-i:\b(?:{_IDENT_HEAD_ALT.title().replace('|', '|')}))\s?-?\s?\d+[A-Za-z]?\b", re.I), _nc_plain, "scan"),
    ("nc.id.letters_dash", "identifier", re.compile(r"(?-i:\b[A-Z][A-Za-z]{0,7}-\d+[A-Za-z]?\b)"), _nc_plain, "scan"),
    # tokenised "SA - 7", but not a headline dash: "NEWS - 3 DEAD"
    ("nc.id.letters_spaced_dash", "identifier", re.compile(r"(?-i:\b(?P<w>[A-Z]{1,5})\s-\s(?P<n>\d+)[A-Z]?\b)"),
     lambda m, t: None if _count_follows(t, m.end()) else (m.start(), m.end()), "scan"),
    ("nc.id.attached", "identifier", re.compile(r"\b[A-Za-z]+\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]+\d+\w*\b"), _nc_plain, "scan"),
    ("nc.id.nine_eleven", "identifier", re.compile(r"\b9\s?/\s?11\b|\b24\s?/\s?7\b"), _nc_plain, "scan"),
    ("nc.id.generic", "identifier", re.compile(
        r"(?-i:\b(?P<w>[A-Z][A-Za-z]+|[A-Z]{2,}))[ \t]+(?P<n>\d+)\b(?![ \t]*(?:[,.]\s?\d|-\s?\d))"), _nc_generic_identifier, "scan"),
    # a broadcaster's channel number: "Action News 5", "KSLA News 12", "CBS 8", "Channel 4", "WCBS 880"
    # (not "NEWS 3 DEAD": a count word after the number keeps it)
    ("nc.id.broadcaster", "identifier", re.compile(
        r"(?-i:\b(?:News|NEWS|Channel|CHANNEL|NewsChannel|TV|CBS|NBC|ABC|FOX|Fox|PBS|CW|[KW][A-Z]{2,3}))[ \t]+"
        r"(?P<n>\d{1,3})\b(?![ \t]*(?:[,.]\s?\d|-\s?\d))"),
     lambda m, t: None if _count_follows(t, m.end()) else (m.start("n"), m.end("n")), "scan"),
    # a photo gallery's counter: "Image 3 of 16", "Photo 2 of 9", "1 / 14 Back to Gallery"
    ("nc.id.gallery", "identifier", re.compile(
        r"\b(?:image|photo|picture|slide)\s+\d{1,3}\s+of\s+(?:/\s*)?\d{1,3}\b|"
        r"\b\d{1,3}\s?/\s?\d{1,3}(?=\s+back\s+to\s+gallery\b)", re.I), _nc_plain, "scan"),
    # an emergency telephone number: "called 911", "a 911 call", "the 999 operator"
    ("nc.id.emergency", "identifier", re.compile(
        r"(?<![\d,./])\b911\b(?![,./]\d)(?!\s+(?:people|persons|victims|dead|killed|injured|wounded))"),
     _nc_plain, "scan"),
    # counts of a criminal charge: "charged with two counts of murder", "five attempted murder charges",
    # "one count each of assault": the charges, not the people they concern
    ("nc.charge.counts", "charge", re.compile(
        rf"(?:{_NC_NUM})\s+(?:(?:more|additional|other|further|separate|new|felony|misdemeanou?r|criminal|federal|"
        rf"state|capital|attempted|murder|manslaughter|homicide|assault|weapons?|[a-z]+-degree|"
        rf"(?:first|second|third|1st|2nd|3rd)\s*-?\s*degree)\s+){{0,4}}"
        rf"(?:counts?(?:\s+each)?(?:\s+of\b)?|charges\b)(?!\s+(?:people|persons|victims))", _I), _nc_plain, "anchor"),
    # repetitions: "shot him three times", "fired 14 times", "hit one time", "five times as many"
    ("nc.times", "repetition", re.compile(rf"(?:{_NC_NUM})\s+(?:more\s+|other\s+)?(?:times|time)\b(?!\s+(?:zone|frame))", _I),
     _nc_plain, "anchor"),
    # --- ordinals ----------------------------------------------------------
    ("nc.ordinal.digits", "ordinal", re.compile(r"\b\d+\s?(?:st|nd|rd|th)\b", re.I), _nc_plain, "scan"),
    ("nc.ordinal.words", "ordinal", re.compile(
        r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s*-?\s*)?"
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
        r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|"
        r"fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth|millionth)\b", re.I), _nc_plain, "scan"),
    # --- sports scores and votes -------------------------------------------
    ("nc.score", "score", re.compile(r"(?<![\d,.])\b(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})\b(?![,.]?\d)"), _nc_score, "scan"),
    # --- ranks, pages, versions --------------------------------------------
    ("nc.rank", "rank", re.compile(
        r"\b(?:ranked|ranks|rank|ranking|number|page|pages|version|v\.?|top|grade|level|size|tier)\s+\d+\b", re.I), _nc_plain, "scan"),
    # --- years (after the more specific date rules) ------------------------
    ("nc.year.decade", "year", re.compile(r"\b(?:1[6-9]|20)\d0\s?'?s\b|'\d0s\b", re.I), _nc_plain, "scan"),
    ("nc.year", "year", re.compile(r"(?<![\d,.$£€])\b(?:1[89]\d\d|20\d\d)\b(?!\s?[,.]\s?\d)"), _nc_year, "scan"),
    # --- hyphenated compounds: "three-day", "40-member", "two-state", "one-sided"
    ("nc.compound", "compound", re.compile(
        rf"(?:\b\d+|\b(?:{_TOKEN_ALT}))-(?!(?:{_TOKEN_ALT}|and|or|plus|odd|strong)\b)[a-z]{{2,}}(?:-[a-z]+)*", re.I), _nc_plain, "anchor"),
]

# Cheap first-character guards put in front of the scanning rules (speed only:
# Python's re tries every position, a one-character look-ahead fails fast).
_UP = "(?-i:[A-Z])"
NC_GUARDS: dict[str, str] = {
    "nc.date.iso": r"(?=\d)", "nc.date.slash": r"(?=\d)",
    "nc.date.month_day": rf"(?={_UP})", "nc.date.day_month": rf"(?=\d|{_UP})",
    "nc.date.month_year": rf"(?={_UP})", "nc.date.weekday_day": rf"(?={_UP})",
    "nc.time.clock": r"(?=\d)", "nc.time.ampm": r"(?=\d)", "nc.time.military": r"(?=\d)",
    "nc.age.aged": r"(?=[aA])", "nc.age.decade": r"(?=[iI])",
    "nc.money.sign": rf"(?=[$£€¥₹₦]|{_UP})", "nc.measure.magnitude": r"(?=[mM])",
    "nc.measure.attached": r"(?=\d)", "nc.decimal": r"(?=\d)", "nc.phone": r"(?=[+(\d])",
    "nc.address.street": r"(?=\d)", "nc.address.block": r"(?=\d)", "nc.address.zip": rf"(?={_UP})",
    "nc.id.long_digits": r"(?=\d)", "nc.id.number_sign": r"(?=[#nN])", "nc.id.head": rf"(?={_UP})",
    "nc.id.nine_eleven": r"(?=[29])", "nc.id.broadcaster": rf"(?={_UP})", "nc.id.gallery": r"(?=[iIpPsS\d])",
    "nc.id.emergency": r"(?=9)", "nc.ordinal.digits": r"(?=\d)",
    "nc.ordinal.words": r"(?=[fstenhmFSTENHM])", "nc.score": r"(?=\d)",
    "nc.rank": r"(?=[rnpvtgslRNPVTGSL])", "nc.year.decade": r"(?=[12'])", "nc.year": r"(?=[12])",
}
NON_COUNT_RULES[:] = [
    (rid, reason, re.compile(NC_GUARDS[rid] + rx.pattern, rx.flags) if rid in NC_GUARDS else rx, build, mode)
    for rid, reason, rx, build, mode in NON_COUNT_RULES
]
# In find_figures the scanning rules only look at windows around numbers;
# these rules cannot overlap a figure and are skipped there.
_NC_SKIP_IN_WINDOWS = frozenset({"nc.ordinal.words", "nc.duration.bare"})

# What each non-count rule needs (see _Keys); rules not listed always run.
_MONTH_KEYS = tuple(m[:3] for m in MONTH_NAMES)
_WEEKDAY_KEYS = tuple(d[:3] for d in WEEKDAY_NAMES)
_TIME_UNIT_KEYS = ("sec", "min", "hour", "hr", "day", "night", "week", "wk", "month", "mth", "year", "yr",
                   "decade", "centur", "fortnight")
_MONEY_WORD_KEYS = ("dollar", "dlrs", "usd", "eur", "pound", "sterling", "yen", "yuan", "renminbi", "rupee",
                    "rs", "cent", "cts", "pence", "franc", "marks", "riyal", "dinar", "peso", "ruble", "rouble",
                    "shekel", "lira", "naira", "rand", "baht", "rupiah", "dirham", "ringgit", "taka", "birr",
                    "shilling", "crown", "kronor", "kroner")
# Currency signs and codes right before a number ("$5", "Rs. 40", "USD 3"), money words right after
# white space ("5 dollars", "3 US dollars"): facts, the keywords alone are too common ("years"
# holds "rs", "percent" holds "cent").
_CURRENCY_BEFORE_DIGIT = _fact(r"(?:\$|£|€|¥|₹|₦|rs\.?|inr|usd|eur|gbp|jpy|cny|nis)\s?\d")
_MONEY_WORD_AFTER_SPACE = _fact(r"\s(?:" + "|".join(_MONEY_WORD_KEYS) + ")")
NC_NEEDS: dict[str, Needs] = {
    "nc.date.iso": _needs(DIGIT, "-"), "nc.date.slash": _needs(_fact(r"\d\s?[/.]\s?\d")),
    "nc.date.month_day": _needs(DIGIT, _MONTH_KEYS), "nc.date.day_month": _needs(DIGIT, _MONTH_KEYS),
    "nc.date.month_year": _needs(DIGIT, _MONTH_KEYS), "nc.date.weekday_day": _needs(DIGIT, _WEEKDAY_KEYS),
    "nc.time.clock": _needs(_fact(r"\d\s?[:.]\s?\d\d")), "nc.time.ampm": _needs(_fact(r"\d\s?[ap]\s?\.?\s?m")),
    # "1400 GMT", "0600 hrs", "2100 h", "1830 local time", "0900 Zulu"
    "nc.time.military": _needs(_fact(r"\d\d\d\s?[gubceilhz]")),
    "nc.time.oclock": _needs("clock"),
    "nc.age.year_old": _needs("old"), "nc.age.aged": _needs("age"), "nc.age.list_years": _needs(("year", "yr"), ("age", "old")), "nc.age.decade": _needs(DIGIT, ("his", "her", "their")),
    "nc.age.paren": _needs(DIGIT, "("), "nc.age.comma": _needs(_fact(r",\s?\d")),
    "nc.duration": _needs(_TIME_UNIT_KEYS), "nc.duration.bare": _needs(("decade", "centur")),
    "nc.money.sign": _needs(_CURRENCY_BEFORE_DIGIT), "nc.money.word": _needs(_MONEY_WORD_AFTER_SPACE),
    "nc.percent": _needs(("%", "per", "pct")),
    "nc.measure.magnitude": _needs(DIGIT, "magnitude"), "nc.measure.magnitude_after": _needs(("magnitude", "richter")),
    "nc.measure.attached": _needs(_fact(r"\d[cfgklm]")), "nc.decimal": _needs(_fact(r"\d(?:\.| \. )\d")),
    "nc.phone": _needs(_fact(r"\d{3}\s?[.-]\s?\d{4}")),
    "nc.address.street": _needs(DIGIT), "nc.address.block": _needs(DIGIT, ("block", "blk")),
    "nc.address.zip": _needs(_fact(r"\d{5}")),
    "nc.id.long_digits": _needs(_fact(r"\d{5}")), "nc.id.number_sign": _needs(DIGIT, ("no", "#", "number")),
    "nc.id.head": _needs(DIGIT), "nc.id.letters_dash": _needs(DIGIT, "-"),
    "nc.id.letters_spaced_dash": _needs(DIGIT, "-"),
    # a letter right before or after a digit (the fact opens with the digit, to be fast)
    "nc.id.attached": _needs(_fact(r"\d(?:(?<=[a-z]\d)|[a-z])")),
    "nc.id.nine_eleven": _needs(DIGIT, "/"), "nc.id.generic": _needs(DIGIT),
    "nc.id.broadcaster": _needs(DIGIT), "nc.id.gallery": _needs(DIGIT, ("of", "/")),
    "nc.id.emergency": _needs("911"), "nc.charge.counts": _needs(("count", "charge")),
    "nc.times": _needs("time"),
    "nc.ordinal.digits": _needs(_fact(r"\d\s?(?:st|nd|rd|th)")), "nc.score": _needs(DIGIT, ("-", "\u2013")),
    "nc.rank": _needs(DIGIT), "nc.year.decade": _needs(_fact(r"\d0\s?'?s")),
    "nc.year": _needs(_fact(r"1[89]\d\d|20\d\d")), "nc.compound": _needs("-"),
}
# The rules as _non_counts runs them: (rule id, reason, regex, lowered regex or
# None (see lower_pattern), builder, mode, needs); _NC_RUN_IN_WINDOWS for find_figures.
_NC_RUN = [(rid, reason, rx, lower_pattern(rx), build, mode, NC_NEEDS.get(rid, ()))
           for rid, reason, rx, build, mode in NON_COUNT_RULES]
# find_figures stops once every candidate is blocked (see _non_counts), so it
# tries first the rules that block most for their cost (measured on the
# corpus); the others follow in table order.  Speed only: the spans are a set,
# any order gives the same figures.
NC_WINDOW_FIRST: tuple[str, ...] = (
    "nc.compound", "nc.time.clock", "nc.age.year_old", "nc.date.month_day", "nc.address.block", "nc.duration",
    "nc.time.ampm", "nc.year", "nc.age.comma", "nc.phone", "nc.score", "nc.id.generic", "nc.age.aged",
    "nc.percent", "nc.measure.magnitude_after", "nc.decimal", "nc.measure.unit",
)
_NC_RUN_IN_WINDOWS = sorted(
    (r for r in _NC_RUN if r[0] not in _NC_SKIP_IN_WINDOWS),
    key=lambda r: NC_WINDOW_FIRST.index(r[0]) if r[0] in NC_WINDOW_FIRST else len(NC_WINDOW_FIRST))
_A_AN_LOW = lower_pattern(_A_AN)

# quantulum3 is consulted only on a window around a number followed by a
# unit-like word that our own unit tables do not know ("3 furlongs", "40
# fathoms", "5 dirhams"): a short abbreviation or a word with a unit ending.
_NUM_THEN_WORD = re.compile(rf"(?=\d)(?P<n>{DIGITS})\s*-?\s*(?P<w>[A-Za-z°][\w/]*)", _I)
_UNITISH = re.compile(
    r"""(?:ha|mg|ml|cl|dl|cc|kb|hz|khz|mhz|ghz|kwh|mwh|gwh|psi|rpm|mpg|kn|kt|nm|mi|yd|oz|lb|gal|bbl
        |cal|kcal|kj|mj|gj|mev|kev|ev|mbar|hpa|kpa|mpa|ly|au|sq|cu|fl
        |(?:kilo|centi|milli|micro|nano|mega|giga|tera|deci|hecto)?-?
         (?:metres?|meters?|grams?|grammes?|litres?|liters?|watts?|hertz|joules?|calories?|bytes?|pascals?)
        |(?:furlongs?|fathoms?|leagues?|pints?|quarts?|bushels?|carats?|karats?|ounces?|gauge|cubits?|rods?
            |amps?|amperes?|ohms?|newtons?|teslas?|lumens?|lux|sieverts?|grays?|rems?|becquerels?|curies?
            |dirhams?|rupiahs?|ringgits?|kwacha|cedis?|zlotys?|forints?|hryvnias?|lari|manats?|somoni|afghanis?
            |dongs?|kips?|kyats?|pulas?|nakfas?|nairas?|rands?|lempiras?|quetzals?|colones?|bolivars?|soles?))\Z""",
    re.I | re.X)
_NOT_UNITISH: frozenset[str] = frozenset("""
    a an the of in on at to by or and as is it be we he she us me my our his her its was are
    has had did do does not but for who new big top old few all any one two six ten men man
    due off out via vs per pm am p b x st nd rd th
    """.split())


def _quantulum_spans(text: str, start: int, end: int,
                     covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    windows: list[tuple[int, int]] = []
    for m in _NUM_THEN_WORD.finditer(text, start, end):
        if _overlaps(covered, m.start(), m.end()):
            continue
        w = m.group("w").lower()
        if w in _NOT_UNITISH or w in COUNT_FOLLOWERS or not _UNITISH.match(w):
            continue
        ws, we = max(start, m.start() - 40), min(end, m.end() + 20)
        if windows and ws <= windows[-1][1]:
            windows[-1] = (windows[-1][0], we)
        else:
            windows.append((ws, we))
    if not windows:
        return []
    from . import quantities
    out: list[tuple[int, int, str]] = []
    for ws, we in windows:
        out.extend(quantities.measurement_spans(text, ws, we))
    return out


def _windows(text: str, start: int, end: int, starts: list[int], margin: int = 48) -> list[tuple[int, int]]:
    """Merged windows of +-margin characters around the anchor positions."""
    out: list[tuple[int, int]] = []
    for p in starts:
        ws, we = max(start, p - margin), min(end, p + margin)
        # extend to word boundaries so that no pattern starts or ends mid-word
        while ws > start and text[ws - 1].isalnum():
            ws -= 1
        while we < end and text[we].isalnum():
            we += 1
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(we, out[-1][1]))
        else:
            out.append((ws, we))
    return out


def _non_counts(text: str, start: int, end: int, starts: list[int], keys: _Keys,
                windows: list[tuple[int, int]] | None = None, low: str | None = None,
                targets: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Non-count spans; with ``windows`` the scanning rules only look inside
    them (enough for find_figures: a non-count matters only where it
    overlaps a number).  ``keys``: the region's, for the rules' needs;
    ``low``: the text's lower-case view (_cached_lower_view), if any.  ``targets``
    (find_figures' candidates): stop as soon as a span overlaps every one of
    them -- then only some of the spans are returned, enough to block them all."""
    out: set[tuple[int, int, str]] = set()
    pending = targets
    nc_starts: list[int] | None = None
    if windows is None:
        regions, scan_keys, rules = [(start, end)], keys, _NC_RUN
    else:
        rules = _NC_RUN_IN_WINDOWS
        regions = windows
        if windows == [(start, end)]:       # one window, the whole region: the same keys
            scan_keys = keys
        else:
            joined = "\n".join(text[ws:we] for ws, we in windows)
            scan_keys = _Keys(joined, None if low is None else "\n".join(low[ws:we] for ws, we in windows))
    one_region = regions[0] if len(regions) == 1 else None
    for rid, reason, rx, rxl, build, mode, needs in rules:
        if mode == "scan":
            if needs and not scan_keys.has(needs):
                continue
            scan, subject = (rxl, low) if low is not None and rxl is not None else (rx, text)
            if one_region is not None:
                found = scan.finditer(subject, *one_region)
            else:
                found = [m for ws, we in regions for m in scan.finditer(subject, ws, we)]
        else:
            if needs and not keys.has(needs):
                continue
            if nc_starts is None:
                if low is not None:
                    nc_starts = sorted(set(starts).union(m.start() for m in _A_AN_LOW.finditer(low, start, end)))
                else:
                    nc_starts = sorted(set(starts).union(m.start() for m in _A_AN.finditer(text, start, end)))
            if low is not None and rxl is not None:
                match, subject = rxl.match, low
            else:
                match, subject = rx.match, text
            found = [m for p in nc_starts if (m := match(subject, p, end)) is not None]
        for m in found:
            got = build(m, text)
            if got is None:
                continue
            s, e = got
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.add((s, e, reason))
                if pending:
                    pending = [t for t in pending if not (s < t[1] and t[0] < e)]
        if targets is not None and not pending:
            return sorted(out)
    covered = sorted((s, e) for s, e, _ in out)
    for s, e, reason in _quantulum_spans(text, start, end, covered):
        if not _overlaps(covered, s, e):
            out.add((s, e, reason))
    return sorted(out)


def find_non_counts(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Spans in ``text[start:end]`` holding numbers that are not counts:
    dates, years, times, ages, durations, money, percentages, measurements,
    identifiers, ordinals, scores, phone numbers, addresses, ranks,
    hyphenated compounds; ``(start, end, reason)`` with absolute offsets,
    sorted.  Spans may overlap each other."""
    scan = _scan(text, start, end)
    if scan is None:
        return []
    start, end, low, keys, _atoms, starts = scan
    return _non_counts(text, start, end, starts, keys, low=low)


def non_count_rule_at(text: str, start: int, end: int, pos: int) -> str | None:
    """The id of the first non-count rule (table order) whose span in ``text[start:end]`` covers
    position ``pos``, or None; for the recall audit (bench/recall_audit.py), not the hot path."""
    for rid, _reason, rx, build, mode in NON_COUNT_RULES:
        found = rx.finditer(text, start, end) if mode == "scan" else (
            m for m in (rx.match(text, p, end) for p in range(max(start, pos - 60), pos + 1)) if m)
        for m in found:
            got = build(m, text)
            if got is not None and got[0] <= pos < got[1]:
                return rid
    for s, e, _reason in _quantulum_spans(text, start, end, []):
        if s <= pos < e:
            return "nc.quantulum"
    return None


def iter_rule_ids() -> Iterable[str]:
    """Every rule id this module can put in ``Figure.rule`` (for docs and ``explain``)."""
    seen: list[str] = []
    for rid, _rx, _b, _mode, _ne in FIGURE_RULES:
        if isinstance(rid, str):
            seen.append(rid)
    seen += [rid for rid, _p, _q in BOUND_TABLE]
    seen += [rid for rid, _p, _q in SUFFIX_TABLE]
    seen += [rid for rid, _p, _l in VAGUE_TABLE]
    seen += ["num.digits", "num.digits.scale", "num.word", "num.word.dozen"]
    return list(dict.fromkeys(seen))
