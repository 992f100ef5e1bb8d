"""Event anchors: what a claim says about its event (date, place, kind words).

Pure Python, no I/O, no clock.  Called by the extractor once per document
(:func:`build_event_context`) and then once per claim (:func:`anchor`).

* The *reference date* is the document's publication date, else the first
  full date written in its first lines (the header block included, e.g.
  ``date: June 9th , 2013 (as printed in text)`` or an ECB+ body starting
  ``14 March 2012 Last updated at ...``).
* Relative dates ("on Sunday", "yesterday", "last week", "January 3") are
  resolved against the reference date; each resolution names its rule.
* Places come from a dateline (``ALTURAS, Calif. (AP) --``) and from
  capitalised names after place prepositions (in/at/near/outside/...), with no
  gazetteer: a commented stop list drops capitalised words that are not
  places (months, weekdays, titles, institutions).
* Event kinds come from an ordered table of kind words (``KIND_WORDS``).

The anchor of a sentence: its own date, else the document's event date (the
first dated sentence of the lead), else the reference date; its own places,
else the document's; its own kinds, else the document's.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
try:   # CPython's regex parser (3.11+): the tables' first characters are derived from it
    import re._constants as _C
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - another Python: tables without the first-character trie
    _C = _sre_parse = None  # type: ignore[assignment]
from collections import Counter
from dataclasses import dataclass

from ..model import Document, EventAnchor
from .lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS
from .sentences import CaselessPattern, Sentence, WordStartPattern, stops_pattern

__all__ = ["EventContext", "KIND_WORDS", "build_event_context", "anchor", "resolve_dates",
           "find_places", "find_kinds"]

# ---------------------------------------------------------------------------
# Kind words.  Ordered (pattern, kind): exclusions first (kind "" drops the
# words), then the kinds.  A sentence's kinds are the distinct kinds found, in
# order of first appearance.
# ---------------------------------------------------------------------------
KIND_WORDS: tuple[tuple[str, str], ...] = (
    # -- exclusions: words that look like kind words but name no event
    (r"cease-?fire|under fire|fire (?:department|fighters?|brigade|chief|truck|station)s?|"
     r"firefighters?|fired (?:from|by) (?:his|her|the) (?:job|company)", ""),
    (r"open(?:s|ed|ing)? fire|gunfire|cross-?fire|fired (?:shots|at|into|on|upon)", "shooting"),
    (r"(?:coal )?mine (?:blast|explosion|disaster|accident|collapse|fire|flood)s?|coal ?mines?|"
     r"colliery|collieries|miners|pit (?:blast|explosion)", "mine"),
    (r"landmines?", "bombing"),
    # -- natural disasters
    (r"earthquakes?|quakes?|tremors?|aftershocks?|temblors?|seismic", "earthquake"),
    (r"tsunamis?|tidal waves?", "tsunami"),
    (r"landslides?|mudslides?|mud ?flows?", "landslide"),
    (r"floods?|flooding|flooded|flash-?floods?|inundat\w+", "flood"),
    (r"typhoons?|hurricanes?|cyclones?|tropical storms?|storms?|tornado(?:e?s)?|rainstorms?", "storm"),
    (r"volcan(?:o|oes|ic)|volcanic eruptions?", "eruption"),
    (r"avalanches?", "avalanche"),
    # -- violence
    (r"shootings?|shoot-?outs?|gunm[ae]n|gunshots?|shots|shot|drive-?by|snipers?|gun (?:attack|violence|battle)s?",
     "shooting"),
    (r"air ?strikes?|air ?raids?|airstrikes?|shelling|shelled|rockets?|mortars?|missile (?:strike|attack)s?|"
     r"drone strikes?", "airstrike"),
    (r"(?:car |truck |suicide |twin |roadside )?bomb(?:s|ing|ings|ed|er|ers)?|blasts?|explosions?|exploded|"
     r"explosives?|grenades?|IEDs?|molotov|firebomb\w*|petrol bombs?", "bombing"),
    (r"fires?|blazes?|arson\w*|burn(?:ed|t|ing)|inferno", "fire"),
    (r"crash(?:es|ed)?|collisions?|collided|derail\w*|plane (?:crash|accident)s?", "crash"),
    (r"ferry|ferries|capsiz\w+|sank|sinking|shipwrecks?", "sinking"),
    (r"clashes|clashed|fighting|firefights?|gun ?battles?|battles?|offensive", "clashes"),
    (r"riots?|rioting|rioters|unrest|looting", "riot"),
    (r"protests?|protesters?|demonstrat\w+|rall(?:y|ies)|general strike|marches|marchers", "protest"),
    (r"raids?|operations?|incursions?|commandos?", "raid"),
    (r"pirates?|piracy|hijack\w*", "piracy"),
    (r"kidnap\w*|abduct\w*|hostages?", "kidnapping"),
    (r"stabb\w+|knife attacks?", "stabbing"),
    (r"attacks?|attacked|ambush\w*|massacres?|assaults?", "attack"),
)
_KIND_RES = tuple((re.compile(rf"\b(?:{p})\b", re.I), k) for p, k in KIND_WORDS)


# ---------------------------------------------------------------------------
# Many rules, one scan.  Running each rule of a table over the whole text costs
# a pass per rule; instead one pattern, run once, stops where some rule may
# match and there tries every rule of the table (each in a look-ahead that
# marks where its match ends).  The result is exactly what each rule's own
# ``finditer`` yields.
#
# The stops are word boundaries followed by one of the ways a rule's match may
# begin (its first few characters, read off the parsed rule), joined as a trie
# so that ``re`` checks one first character per boundary, not one per rule.
# ---------------------------------------------------------------------------
_NAMED = re.compile(r"[(][?]P<[a-z]+>")
#: how many characters of a rule's possible beginnings the trie spells out
_TRIE_DEPTH = 6


def _table(rules: list[str]) -> CaselessPattern:
    """One pattern that finds, at every position where one of ``rules`` (each starting at a word
    boundary, case-insensitive) matches, where each of them ends: group ``k + 1`` of a match
    is empty at the end of rule ``k``'s match there, or unset when rule ``k`` does not match there.
    """
    bare = [_NAMED.sub("(?:", r).lower() for r in rules]         # no named groups: the marks are groups 1..n
    trie = ""
    if _sre_parse is not None:   # (elsewhere the rules were checked where the tests ran)
        for r in bare:
            if not _from_boundary(list(_sre_parse.parse(r).data)):
                raise ValueError(f"rule not starting at a word boundary: {r!r}")
        trie = stops_pattern(bare, _TRIE_DEPTH)
    marks = "".join(f"(?:(?={r}())|)" for r in bare)
    table = CaselessPattern(rf"\b(?:(?={trie}){marks})" if trie else rf"\b{marks}")
    if table.lower.groups != len(rules):
        raise ValueError("a rule of the table has a capturing group")
    return table


def _from_boundary(items: list) -> bool:
    """The parsed rule starts with a word boundary, after its look-behinds (the table stops only there)."""
    for op, av in items:
        if op not in (_C.ASSERT, _C.ASSERT_NOT):
            return op is _C.AT and av is _C.AT_BOUNDARY
    return False


def _spans_by_rule(table: CaselessPattern, text: str) -> list[list[tuple[int, int]]]:
    """For each rule of ``table``, the spans of ``rule.finditer(text)``.

    A rule's match at a position counts unless its previous match runs past that position: rules
    never match empty, so ``finditer`` resumes at the end of the previous match.
    """
    n = table.lower.groups
    found: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    ends = [0] * n
    last_one = n - 1
    for p, m in table.empty_matches(text):
        last = m.lastindex      # the highest rule that matches here (the marks close in order)
        if last is None:        # no rule matches here (only the trie did)
            continue
        g = m.groups()
        if g.count(None) == last_one:       # one rule matches here: the usual case
            k = last - 1
            if p >= ends[k]:
                end = m.start(last)
                found[k].append((p, end))
                ends[k] = end
            continue
        for k in range(last):
            if g[k] is not None and p >= ends[k]:
                end = m.start(k + 1)
                found[k].append((p, end))
                ends[k] = end
    return found


_KIND_TABLE = _table([rx.pattern for rx, _k in _KIND_RES])


def kind_hits(text: str, offset: int = 0) -> list[tuple[int, str]]:
    """(position, kind) of every kind word in ``text``; earlier rules win where spans overlap."""
    found = _spans_by_rule(_KIND_TABLE, text)
    if not any(found):
        return []
    hits: list[tuple[int, str]] = []
    taken = bytearray(len(text) + 1)    # characters an earlier (stronger) rule already matched
    for (_rx, kind), spans in zip(_KIND_RES, found):
        for a, b in spans:
            if any(taken[a:b]):
                continue
            taken[a:b] = b"\x01" * (b - a)
            if kind:
                hits.append((offset + a, kind))
    hits.sort()
    return hits


def _first_appearance(hits: list[tuple[int, str]]) -> tuple[str, ...]:
    out: list[str] = []
    for _, k in hits:
        if k not in out:
            out.append(k)
    return tuple(out)


def find_kinds(text: str) -> tuple[str, ...]:
    """Event kinds named in ``text``, in order of first appearance."""
    return _first_appearance(kind_hits(text))


# ---------------------------------------------------------------------------
# Dates.
# ---------------------------------------------------------------------------
# MONTHS and WEEKDAYS (written form -> number): of the lexicon
# (longest form first: "September" before "Sept" before "Sep")
_MON = rf"(?P<mon>{'|'.join(sorted((w.title() for w in MONTHS), key=len, reverse=True))})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:\s?(?:st|nd|rd|th))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = rf"(?P<wd>{'|'.join(w.title() for w in WEEKDAY_NAMES)})"

# Ordered date rules: (rule id, precision, pattern).  Precision "day" beats
# "month" beats "year" when a sentence holds several.  Tokenised ECB+ text
# puts spaces before commas ("July 2 , 2013"); every pattern allows them.
DATE_RULES: tuple[tuple[str, str, str], ...] = (
    # a period total ("so far this year", "since January") is not one event: it dates to the period's start
    ("date.period", "period", r"\b(?P<per>so far this year|this year|since (?:the start of |the beginning of )?(?:the year|January|Jan\.?)|"
                              r"(?:in )?the first \d+ (?:days|weeks|months) of (?:the year|(?:19|20)\d\d))\b"),
    ("date.iso", "day", r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("date.dd-mon-yyyy", "day", r"\b(?P<day>[0-3]?\d)-(?P<mon>[A-Za-z]{3})-(?P<year>(?:19|20)\d\d)\b"),
    ("date.month-day-year", "day", rf"\b{_MON}\s+{_DAY}\s*,?\s*{_YEAR}\b"),
    ("date.day-month-year", "day", rf"\b{_DAY}\s+{_MON}\s*,?\s*{_YEAR}\b"),
    ("date.numeric", "day", r"\b(?P<a>[0-3]?\d)\s?/\s?(?P<b>[0-3]?\d)\s?/\s?(?P<y>(?:19|20)?\d\d)\b"),
    ("date.month-day", "day", rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?!\s*[:%])"),
    ("date.day-month", "day", rf"\b{_DAY}\s+{_MON}\b(?!\s*,?\s*(?:19|20)\d\d)"),
    ("date.yesterday", "day", r"\b(?P<rel>yesterday|last night|overnight)\b"),
    ("date.today", "day", r"\b(?P<rel>today|tonight|this (?:morning|afternoon|evening))\b"),
    ("date.days-ago", "day", r"\b(?P<n>two|three|four|five|six|\d)\s+days\s+ago\b"),
    ("date.weekday", "day", rf"\b{_WD}(?:'s|\s's)?\b"),
    ("date.last-week", "day", r"\b(?P<rel>last week|a week ago|earlier this week)\b"),
    ("date.month-year", "month", rf"\b{_MON}\s*,?\s*{_YEAR}\b"),
    ("date.last-month", "month", r"\b(?P<rel>last month)\b"),
    ("date.month", "month", rf"\b(?:in|since|last|this|early|late|mid-?)\s+{_MON}\b"),
    ("date.year", "year", rf"(?<![\d,.$])\b(?:in |since |of |the )?{_YEAR}\b(?!\s*(?:[,.]\s*\d|%|-year|\s*(?:people|persons|dead|killed)))"),
)
_DATE_RES = tuple((rid, prec, re.compile(p, re.I)) for rid, prec, p in DATE_RULES)
_DATE_TABLE = _table([p for _rid, _prec, p in DATE_RULES])
_PRECISION = {"period": -1, "day": 0, "month": 1, "year": 2}
_NUMWORD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    text: str
    rule: str
    precision: str
    date: dt.date | None       # None when relative and no reference date is known


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _days_before(ref: dt.date, days: int) -> dt.date | None:
    """``ref`` minus ``days``, or None when that is before 0001-01-01 (a reference date at the
    edge of the calendar, as a ``date: 0001-01-01`` header gives): the relative date is skipped."""
    try:
        return ref - dt.timedelta(days=days)
    except OverflowError:
        return None


def _after_next_day(d: dt.date, ref: dt.date) -> bool:
    """``d > ref + 1 day``, without computing ``ref + 1 day`` (past 9999-12-31 for the last day)."""
    return (d - ref).days > 1


def _year_for(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    """A month and day without a year: the latest such date not after the reference (+1 day)."""
    if ref is None:
        return None
    d = _mk(ref.year, month, day)
    if d is None:
        return None
    if _after_next_day(d, ref):
        d = _mk(ref.year - 1, month, day)
    return d


def _resolve(rid: str, m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    g = m.groupdict()
    if rid == "date.iso":
        return _mk(int(g["year"]), int(g["mnum"]), int(g["day"]))
    if rid in ("date.dd-mon-yyyy", "date.month-day-year", "date.day-month-year"):
        mon = MONTHS.get(g["mon"].lower().rstrip("."))
        return _mk(int(g["year"]), mon, int(g["day"])) if mon else None
    if rid == "date.numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        if a > 12:          # day / month / year
            return _mk(y, b, a)
        return _mk(y, a, b)  # month / day / year (US)
    if rid in ("date.month-day", "date.day-month"):
        mon = MONTHS.get(g["mon"].lower().rstrip("."))
        return _year_for(mon, int(g["day"]), ref) if mon else None
    if rid == "date.month-year":
        mon = MONTHS.get(g["mon"].lower().rstrip("."))
        return _mk(int(g["year"]), mon, 1) if mon else None
    if rid == "date.year":
        return _mk(int(g["year"]), 1, 1)
    if rid == "date.period":
        y = re.search(r"(?:19|20)\d\d", g["per"])
        if y:
            return _mk(int(y.group(0)), 1, 1)
        return _mk(ref.year, 1, 1) if ref else None
    if ref is None:
        return None
    if rid == "date.yesterday":
        return _days_before(ref, 1)
    if rid == "date.today":
        return ref
    if rid == "date.days-ago":
        n = g["n"].lower()
        return _days_before(ref, _NUMWORD.get(n) or int(n))
    if rid == "date.weekday":
        # "on Sunday": the latest Sunday on or before the reference date
        back = (ref.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        return _days_before(ref, back)
    if rid == "date.last-week":
        return _days_before(ref, 7)
    if rid == "date.last-month":
        end = _days_before(ref.replace(day=1), 1)      # the last day of the month before
        return end.replace(day=1) if end is not None else None
    if rid == "date.month":
        mon = MONTHS.get(g["mon"].lower().rstrip("."))
        if not mon:
            return None
        y = ref.year if mon <= ref.month else ref.year - 1
        if re.match(r"\s*(?:of\s+)?last\s+year\b", m.string[m.end():m.end() + 16], re.I):
            y = ref.year - 1          # "in April last year"
        return _mk(y, mon, 1)
    return None  # pragma: no cover


def resolve_dates(text: str, ref: dt.date | None, offset: int = 0) -> list[DateHit]:
    """Every date expression in ``text``, resolved against ``ref``, in text order.

    Earlier rules win where spans overlap ("July 2 , 2013" is one full date,
    not a month-day plus a year).
    """
    hits: list[DateHit] = []
    found = _spans_by_rule(_DATE_TABLE, text)
    if not any(found):
        return hits
    taken = bytearray(len(text) + 1)    # characters an earlier (more precise) rule already matched
    for (rid, prec, rx), spans in zip(_DATE_RES, found):
        for a, b in spans:
            if any(taken[a:b]):
                continue
            m = rx.match(text, a)           # the rule's own match there, for its groups (same span)
            if rid == "date.month-day" and m.group("mon").lower() in ("may", "march", "mar") \
                    and not m.group("mon")[0].isupper():
                continue  # "may 3" the verb, "march 5" the walk
            if rid in ("date.month", "date.month-year") and m.group("mon").lower() == "may" \
                    and not m.group("mon")[0].isupper():
                continue
            taken[a:b] = b"\x01" * (b - a)
            hits.append(DateHit(offset + m.start(), offset + m.end(), m.group(0), rid, prec,
                                _resolve(rid, m, ref)))
    hits.sort(key=lambda h: h.start)
    return hits


#: the words before a date that open a side clause: a relative pronoun ("who was fired last week"),
#: or "after"/"since"/"following" and a noun phrase ("after a major quake on March 5")
_SIDE_CLAUSE = re.compile(r"(?i)(?:\b(?:who|whom|whose|where|which)\b[^,;:.]{0,30}|"
                          r"\b(?:after|since|following)\s+(?:a|an|the|its|their)\s+\w[^,;:.]{0,30}\s)$")
_ADVERBIAL = re.compile(r"(?i)\b(?:in|since|during|until|from|early|late|mid-?)\s+$")


def _nominal_year(h: DateHit, sentence: str, offset: int) -> bool:
    """A year that names another event ("the 2004 tsunami", "the tsunami of 2004") rather than
    dating the sentence ("In 2004, a tremor ...", "in September 2009")."""
    if h.rule not in ("date.year", "date.month-year"):
        return False
    if re.match(r"(?i)(?:in|since|during|until)\s", h.text):
        return False
    after = sentence[h.end - offset:h.end - offset + 20]
    if re.match(r"\s*-?\s*[a-z]", after) and not re.match(
            r"\s*(?:a|an|the|and|or|when|after|before|while|as|but|to|that|there|it|he|she|they|we|at|in|on|of)\b",
            after):
        return True   # "hit by 2004 tsunami", "the 1987 killings": the year modifies a noun
    before = sentence[max(0, h.start - offset - 12):h.start - offset]
    return not _ADVERBIAL.search(before)


def _best_date(hits: list[DateHit], ref: dt.date | None, sentence: str = "", offset: int = 0) -> DateHit | None:
    """The date a sentence is about: the most precise resolved one, the first among equals."""
    usable = [h for h in hits if h.date is not None and not (sentence and _nominal_year(h, sentence, offset))]
    if not usable:
        # no reference date: "in September" still says the sentence is about another time
        months = [h for h in hits if h.rule == "date.month" and h.date is None]
        return months[0] if months else None
    # a sentence that names another year ("the 2004 tsunami", "the April 2012 quake") is about that year
    if ref is not None:
        other = [h for h in usable if h.precision in ("month", "year") and h.rule in ("date.month-year", "date.year")
                 and h.date.year != ref.year]
        days = [h for h in usable if h.precision == "day"]
        # ... unless a day-precise date comes first and the year only qualifies a noun
        # ("killing three on Friday in a town rebuilt after the flood of 2010")
        if other and (not days or other[0].start < days[0].start):
            return other[0]
    # a date that dates a statement ("on Sunday said") yields to one that dates the event
    def statement(h: DateHit) -> bool:
        return bool(sentence) and bool(_STATEMENT_DATE.search(sentence[h.end - offset:h.end - offset + 30]))

    # a date in a side clause ("a man who was fired last week shot three on Monday", "rescuers,
    # searching since a quake on March 5, found ...") dates that clause: it yields to the others
    def side(h: DateHit) -> bool:
        return bool(sentence) and bool(_SIDE_CLAUSE.search(sentence[max(0, h.start - offset - 50):h.start - offset]))
    return min(usable, key=lambda h: (statement(h) or side(h), _PRECISION[h.precision], h.start))


# ---------------------------------------------------------------------------
# Places.
# ---------------------------------------------------------------------------
# Capitalised words after these prepositions are place candidates.
_PLACE_PREPS = r"in|at|near|outside|across|into|from|off|around|inside|to|of|through|throughout|over|hit|struck|rocked"
# Capitalised words that are never (the start of) a place name.
NOT_PLACES = frozenset(
    """
    a an the this that these those his her its their our my he she it they we i you
    mr mrs ms dr president prime minister gov governor police officer officers sgt lt capt chief
    sheriff deputy detective spokesman spokeswoman secretary general gen col maj sen rep
    reuters ap afp upi associated press news tv radio online update updated posted published
    christmas easter ramadan thanksgiving
    god allah congress parliament senate court hospital university school church
    english spanish french arabic
    part one two three four five six seven eight nine ten all some many most
    after before during when while since until but and or
    state department ministry army navy military forces government regime
    """.split()
) | frozenset((*WEEKDAY_NAMES, *MONTH_NAMES, *MONTH_ABBREVIATIONS))
_CAP = r"(?:[A-Z][A-Za-z'\u2019.\-]*|[A-Z]\.)"
_PLACE_RX = re.compile(
    rf"\b(?:{_PLACE_PREPS})\s+(?:the\s+)?(?P<name>{_CAP}(?:\s+(?:{_CAP}|of|de|del|al|el)){{0,3}})"
)
# "Peru's Ica province", "Cook County": capitalised names before a place noun.
_PLACE_NOUNS = r"province|county|district|region|island|city|village|town|state|parish|prefecture|neighbou?rhood|camp"
_PLACE_NOUN_RX = re.compile(rf"\b(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:{_PLACE_NOUNS})\b")
# Named storms identify their event as a place does: "Typhoon Marlo", "Hurricane Jeanne".
_NAMED_EVENTS = r"[Tt]yphoon|[Hh]urricane|[Cc]yclone|[Tt]ropical [Ss]torm|[Ss]uper[Tt]yphoon"
_NAMED_EVENT_RX = re.compile(rf"\b(?:{_NAMED_EVENTS})\s+(?P<name>[A-Z][a-z]{{2,}})\b")
# Where in a text one of the three may match: each match holds a place preposition before a capital,
# a place noun, or a storm word before a capital; a sentence with none of these has no place.
_MAY_PLACE = WordStartPattern(re.compile(r"\b(?=%s)" % stops_pattern(
    [_PLACE_RX.pattern, rf"\b(?:{_PLACE_NOUNS})\b", _NAMED_EVENT_RX.pattern], 12)))
# The three, each with the words one of which its every match holds (a prefilter, speed only:
# a few ``in`` tests rule out most sentences at once; () = always run).
_PLACE_RULES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_PLACE_RX, ()),
    (_PLACE_NOUN_RX, ("province", "county", "district", "region", "island", "city", "village", "town", "state",
                      "parish", "prefecture", "neighbo", "camp")),
    (_NAMED_EVENT_RX, ("yphoon", "urricane", "yclone", "ropical")),
)
# Datelines: "ALTURAS, Calif. (AP) --", "OSTEND, Belgium, May 4 -", "JAKARTA (Reuters) -".
_DATELINE_RX = re.compile(
    r"(?:^|\n|\s\s|\.\s)(?P<name>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3})\s?"
    r"(?:,[^\n\-\u2014(]{0,40})?\s*(?:\((?:AP|Reuters|AFP|UPI|CNN|Xinhua|dpa|IANS|PTI)\))?\s*(?:\u2014|--|-|:)\s"
)
_PLACE_SUFFIX = re.compile(r"\s+(?:province|county|district|region|island|city|village|town|state|parish)$", re.I)
_SPACES = re.compile(r"\s+")
_POSSESSIVE_END = re.compile(r"\s?'s$")


def _norm_place(name: str) -> str | None:
    name = _SPACES.sub(" ", name.replace("\u2019", "'")).strip(" .,'-")
    name = _POSSESSIVE_END.sub("", name)
    name = _PLACE_SUFFIX.sub("", name)
    words = name.split(" ")
    while words and words[0].lower().strip(".") in NOT_PLACES:
        words = words[1:]
    while words and (words[-1].lower().strip(".") in NOT_PLACES or words[-1] in ("of", "de", "al", "el")):
        words = words[:-1]
    if not words:
        return None
    name = " ".join(words)
    if len(name) < 3 or not name[0].isupper():
        return None
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


def _holds_one(text: str, words: tuple[str, ...]) -> bool:
    for w in words:             # a loop, not any(): no generator on this hot path
        if w in text:
            return True
    return False


def find_places(text: str) -> tuple[str, ...]:
    """Place names in ``text`` (gazetteer-free), in order of first appearance."""
    found: list[tuple[int, str]] = []
    for rx, words in _PLACE_RULES:
        if words and not _holds_one(text, words):
            continue
        for m in rx.finditer(text):
            p = _norm_place(m.group("name"))
            if p:
                found.append((m.start("name"), p))
    out: list[str] = []
    for _, p in sorted(found):
        if p not in out:
            out.append(p)
    return tuple(out)


def _dateline(text: str) -> str | None:
    m = _DATELINE_RX.search(text)
    if not m:
        return None
    name = m.group("name")
    if name.lower().strip(".") in NOT_PLACES or len(name) < 3:
        return None
    return _norm_place(name)


# ---------------------------------------------------------------------------
# The context.
# ---------------------------------------------------------------------------
LEAD_SENTENCES = 4          # title + lead: where the document's own event is named
HEAD_CHARS = 600            # how far into the text the reference date is looked for
BACKGROUND_DAYS = 60        # a sentence dated this far from the reference speaks of another event
LEAD_EVENT_DAYS = 14        # a lead's date this far back still dates the report's own event
EVENT_DAYS = 45             # a date beside the event's own words ("the raid on January 3") may be this far back
#: a date followed by a speech verb dates a statement, not the event: "on Sunday said", "Tuesday told"
_STATEMENT_DATE = re.compile(r"^\s*,?\s*(?:that\s+)?(?:said|says|told|announced|stated|added|confirmed|claimed|"
                             r"denied|reported|insisted|warned|argued|asserted)\b", re.I)


@dataclass(frozen=True, slots=True)
class EventContext:
    """Document-level event facts, plus per-sentence dates, places and kinds."""

    reference: dt.date | None
    reference_rule: str
    event_date: dt.date | None          # the document's own event date (lead), else the reference
    event_date_text: str | None
    place: str | None                   # the document's main place
    places: tuple[str, ...]             # the document's places, most salient first
    kinds: tuple[str, ...]              # the document's kinds, most frequent first
    sentence_dates: tuple[tuple[dt.date | None, str | None], ...]
    sentence_places: tuple[tuple[str, ...], ...]
    sentence_kinds: tuple[tuple[str, ...], ...]


def _reference(doc: Document) -> tuple[dt.date | None, str]:
    if doc.published is not None:
        return doc.published, "ref.published"
    head = doc.text[: doc.body_start + HEAD_CHARS]
    for h in resolve_dates(head, None):
        if h.precision == "day" and h.date is not None and h.rule != "date.year":
            return h.date, f"ref.text.{h.rule}"
    return None, "ref.none"


def build_event_context(doc: Document, sentences: list[Sentence]) -> EventContext:
    ref, ref_rule = _reference(doc)
    s_dates: list[tuple[dt.date | None, str | None]] = []
    s_places: list[tuple[str, ...]] = []
    s_kinds: list[tuple[str, ...]] = []
    # dates and kind words in one pass over the whole body, then handed to their sentences
    lo, hi = (sentences[0].start, sentences[-1].end) if sentences else (0, 0)
    starts = [s.start for s in sentences]
    date_by: list[list[DateHit]] = [[] for _ in sentences]
    body = doc.text[lo:hi]
    for h in resolve_dates(body, ref, offset=lo):
        i = bisect.bisect_right(starts, h.start) - 1
        if i >= 0 and h.end <= sentences[i].end:
            s0 = sentences[i].start
            date_by[i].append(DateHit(h.start - s0, h.end - s0, h.text, h.rule, h.precision, h.date))
    kind_by: list[list[tuple[int, str]]] = [[] for _ in sentences]
    for pos, kind in kind_hits(body, offset=lo):
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0:
            kind_by[i].append((pos, kind))
    # places only in sentences where one may be named (sentences start and end beside white space,
    # so a match inside one is found in the body at the same place)
    may_place = bytearray(len(sentences))
    for p, _m in _MAY_PLACE.empty_matches(body):
        may_place[bisect.bisect_right(starts, lo + p) - 1] = 1
    for i, s in enumerate(sentences):
        best = _best_date(date_by[i], ref, s.text)
        s_dates.append((best.date, best.text) if best else (None, None))
        s_places.append(find_places(s.text) if may_place[i] else ())
        s_kinds.append(_first_appearance(kind_by[i]))
    # background carries over: a sentence with no date of its own that follows a sentence about
    # another time ("In April last year a quake struck ... Five people died.") shares that time
    carried = list(s_dates)
    for i in range(1, len(sentences)):
        prev_d, prev_t = s_dates[i - 1]
        background = (prev_d is not None and ref is not None and abs((prev_d - ref).days) > BACKGROUND_DAYS) \
            or (prev_d is None and prev_t is not None)
        if s_dates[i] == (None, None) and background \
                and sentences[i].paragraph - sentences[i - 1].paragraph <= 1:
            carried[i] = s_dates[i - 1]
    s_dates = carried
    # the document's event date: the first day-precise date in the lead that is not after the
    # reference and does not date a statement ("the ambassador on Sunday said"); else the first
    # such date in a sentence that names the event ("the raid on January 3")
    ev_date, ev_text = None, None
    for i, s in enumerate(sentences):
        d, t = s_dates[i]
        if d is None:
            continue
        hits = [h for h in date_by[i] if h.date == d]
        if not hits or hits[0].precision != "day":
            continue
        if ref is not None and _after_next_day(d, ref):
            continue
        in_lead = i < LEAD_SENTENCES + 2
        age = (ref - d).days if ref is not None else 0
        if in_lead and age <= LEAD_EVENT_DAYS and not _STATEMENT_DATE.search(s.text[hits[0].end:hits[0].end + 30]):
            ev_date, ev_text = d, t
            break
        if s_kinds[i] and age <= EVENT_DAYS and not _STATEMENT_DATE.search(s.text[hits[0].end:hits[0].end + 30]):
            ev_date, ev_text = d, t
            break
    if ev_date is None:
        for i, s in enumerate(sentences[:LEAD_SENTENCES + 2]):   # a statement date is better than none
            d, t = s_dates[i]
            if d is not None and ref is not None and 0 <= (ref - d).days <= LEAD_EVENT_DAYS:
                ev_date, ev_text = d, t
                break
    if ev_date is None:
        ev_date = ref
    # places: dateline first, then the lead's most frequent, then the whole text's
    head = doc.text[doc.body_start: doc.body_start + HEAD_CHARS]
    dl = _dateline(head)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, ps in enumerate(s_places):
        weight = 3 if i < LEAD_SENTENCES else 1
        for p in ps:
            counts[p] += weight
            first.setdefault(p, i)
    ranked = sorted(counts, key=lambda p: (-counts[p], first[p], p))
    places = ([dl] if dl else []) + [p for p in ranked if p != dl]
    kcount: Counter[str] = Counter()
    kfirst: dict[str, int] = {}
    for i, ks in enumerate(s_kinds):
        for k in ks:
            kcount[k] += 3 if i < LEAD_SENTENCES else 1
            kfirst.setdefault(k, i)
    kinds = tuple(sorted(kcount, key=lambda k: (-kcount[k], kfirst[k], k)))
    return EventContext(
        reference=ref, reference_rule=ref_rule, event_date=ev_date, event_date_text=ev_text,
        place=places[0] if places else None, places=tuple(places[:6]), kinds=kinds[:4],
        sentence_dates=tuple(s_dates), sentence_places=tuple(s_places), sentence_kinds=tuple(s_kinds),
    )


def anchor(ctx: EventContext, sentence_index: int) -> EventAnchor:
    """The event anchor of a claim in sentence ``sentence_index``."""
    if 0 <= sentence_index < len(ctx.sentence_dates):
        d, t = ctx.sentence_dates[sentence_index]
        ps = ctx.sentence_places[sentence_index]
        ks = ctx.sentence_kinds[sentence_index]
    else:
        d, t, ps, ks = None, None, (), ()
    if d is None and t is None:
        d, t = ctx.event_date, ctx.event_date_text
    places = tuple(dict.fromkeys(ps + ctx.places))
    return EventAnchor(
        date=d,
        date_text=t,
        place=ps[0] if ps else ctx.place,
        places=places,
        kinds=ks if ks else ctx.kinds,
    )
