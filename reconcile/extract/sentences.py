"""Sentence and paragraph segmentation with stable offsets.

Offsets are absolute positions in the document text, so ``text[s.start:s.end]
== s.text`` always holds.  The splitter is rule based: a sentence ends at
``.``, ``!`` or ``?`` (optionally followed by closing quotes or brackets)
before white space and an upper-case letter, a digit or an opening quote,
unless the word before the stop is a known abbreviation or an initial.
Blank lines always end a sentence; so does a single line break when the next
line looks like a new paragraph or headline.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS

try:   # CPython's regex parser (3.11+): stops_pattern and WordStartPattern read patterns with it
    import re._constants as _C
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - another Python: no stops, no faster scans
    _C = _sre_parse = None  # type: ignore[assignment]

# Words after which a full stop does not end a sentence (compared lower-case, without the dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt cpl maj adm cmdr st jr sr rev pres
    no nos vol fig inc ltd co corp bros dept univ assn ave blvd rd hwy mt ft
    u.s u.k u.n e.g i.e etc vs approx est a.m p.m calif fla ga ill mass mich minn mo
    nev okla ore pa tenn tex va wash wis ariz ark colo conn del ind kan ky la md miss mont neb
    n.j n.y n.c s.c n.d s.d n.m n.h w.va d.c
    """.split()
) | frozenset((*MONTH_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS))

_BOUNDARY = re.compile(
    r"""
    (?P<stop>[.!?][.!?]*)       # the stop (not [.!?]+: a pattern that opens with a class is searched faster)
    (?P<close>["'\u201d\u2019)\]]*)   # closing quotes or brackets
    (?P<space>\s+)              # white space
    (?=["'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u017F])   # next sentence starts upper-case, a digit or a quote
    """,
    re.VERBOSE,
)
_PARA = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*[\"\u201c]?[A-Z0-9])")
_TOKENISED_DECIMAL = re.compile(r"\d \.")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0          # index of the paragraph it belongs to


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    """The word before ``stop`` (in the sentence that began at ``start``) is an abbreviation."""
    # the word holds no space: it is searched from the last one on, not from the sentence start
    m = _WORD_BEFORE.search(text, max(start, text.rfind(" ", start, stop) + 1), stop)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # single initials ("John F. Kennedy"), and dotted abbreviations (U.S.)
    return len(word) == 1 or (("." in word) and len(word) <= 6)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences with absolute offsets."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    para = 0
    pos = start
    # paragraphs first: blank lines, or line breaks before a capital (headline, new paragraph)
    blocks: list[tuple[int, int, int]] = []
    for m in _PARA.finditer(text, start, end):
        if "\n" not in m.group(0)[1:] and _wrapped(text, pos, m.start()):
            continue  # a line wrapped mid-sentence ("a senior\nBelgian official said"), not a new paragraph
        blocks.append((pos, m.start(), para))
        if "\n\n" in m.group(0).replace(" ", "").replace("\t", "") or m.group(0).count("\n") > 1:
            para += 1
        else:
            para += 1
        pos = m.end()
    blocks.append((pos, end, para))
    for b_start, b_end, p in blocks:
        s = b_start
        for m in _BOUNDARY.finditer(text, b_start, b_end):
            stop_end = m.end("close")
            if m.group("stop") == "." and _is_abbreviation(text, s, m.start("stop")):
                continue
            if m.group("stop") == "." and _TOKENISED_DECIMAL.match(text, m.start("stop") - 2) \
                    and text[m.end("space"):m.end("space") + 1].isdigit():
                continue  # tokenised decimals: "an 8 . 6 - magnitude quake"
            _emit(text, s, stop_end, p, out)
            s = m.end("space")
        _emit(text, s, b_end, p, out)
    return out


#: a line this long that does not end a sentence is wrapped text, not a headline
WRAP_MIN_CHARS = 50


def _wrapped(text: str, line_start: int, line_end: int) -> bool:
    """A single line break inside running text: the line is long and does not end a sentence."""
    line = text[line_start:line_end].rstrip()
    last_break = line.rfind("\n")
    line = line[last_break + 1:] if last_break >= 0 else line
    return len(line) >= WRAP_MIN_CHARS and not line.endswith((".", "!", "?", ":", '"', "\u201d", "'", ")")) \
        and not _title_case(line)


#: words a headline in title case may leave lower-case
_TITLE_SMALL = frozenset("a an the and or but nor of in on at to for by with from as vs via into over after off up".split())


def _title_case(line: str) -> bool:
    """A headline in title case ("U.S. Forces Kill 50 Militiamen in Baghdad Suburb"): every word
    capitalised but the small ones; running text wrapped at a column has lower-case words."""
    words = [w for w in line.split() if w[0].isalpha()]
    return len(words) >= 4 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


def _emit(text: str, s: int, e: int, para: int, out: list[Sentence]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(s, e, text[s:e], para))


# ---------------------------------------------------------------------------
# Case-insensitive patterns over lower-case views (speed only)
# ---------------------------------------------------------------------------
# Python's ``re`` runs a case-insensitive pattern about half as fast as the
# same pattern lower-cased and matched case-sensitively (it checks the first
# letter of each alternative cheaply only then), so numbers.py, events.py,
# attribution.py and __init__.py run their ``re.I`` patterns as
# ``lower_pattern(rx)`` over ``lower_view(text)``.  The two find exactly the
# same spans and groups when
#
# * the view is exact (lower_view): lower-casing keeps every offset and the
#   text holds none of the four letters re.I folds to ASCII ones but
#   ``str.lower`` does not ("\u212a" Kelvin K to "k", long s to "s", dotted /
#   dotless I to "i"; tests/test_speed_equivalence_context.py checks the list)
#   -- else there is no view and the original pattern runs on the original text;
# * the pattern is exact lowered (lower_pattern): only its literal letters are
#   lower-cased, escapes (``\b``, ``\Z``, ``\d``...) and group names are kept;
#   it refuses (None) case-sensitive parts (``(?-i:[A-Z])``, ``(?i)``),
#   character codes and back references (``\x41``, ``\1``), conditionals,
#   mixed-case ranges (``[A-z]``) and non-ASCII cased letters.
#
# Matches of a lowered pattern are of the view: their spans are the
# original's, their text is lower-cased.
# ---------------------------------------------------------------------------
#: The four letters re.I matches to an ASCII letter that ``str.lower`` leaves non-ASCII, and that letter.
_FOLD_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD_TRAPS = re.compile("[" + "".join(_FOLD_TO_ASCII) + "]")
_FOLD = str.maketrans(_FOLD_TO_ASCII)


def fold(s: str) -> str:
    """``s`` lower-cased for keyword (``in``) tests against re.I patterns: the four letters above
    become their ASCII letter, so no keyword is missed.  Offsets may shift: not a view."""
    return s.lower() if s.isascii() else s.translate(_FOLD).lower()


def lower_view(text: str) -> str | None:
    """``text.lower()`` when it is an exact stand-in for re.I matching (same offsets, same folds), else None."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _FOLD_TRAPS.search(text)):
        return None
    return low


# A pattern's tokens: \uXXXX, other escapes, named groups and references to
# them, conditionals, inline flags / group kinds, runs of literal text, "(".
_PATTERN_TOKEN = re.compile(
    r"\\u[0-9a-fA-F]{4}|\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?\(|\(\?[a-zA-Z-]+[:)]|[^\\(]+|\(", re.S)
_MIXED_RANGE = re.compile(r"[A-Z]-[a-z]|[a-z]-[A-Z]")
_LOWERED: dict[re.Pattern[str], re.Pattern[str] | None] = {}


def _caseless(c: str) -> bool:
    return c.isascii() or c.lower() == c == c.upper()


def lower_pattern(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` (re.I) lower-cased to run case-sensitively over :func:`lower_view` text; None when
    that is not exact (see above) or ``rx`` is not re.I.  The same object for the same ``rx``."""
    if rx not in _LOWERED:
        _LOWERED[rx] = _lower_pattern_new(rx)
    return _LOWERED[rx]


def _lower_pattern_new(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    if not rx.flags & re.IGNORECASE or _MIXED_RANGE.search(rx.pattern):
        return None
    out: list[str] = []
    for tok in _PATTERN_TOKEN.findall(rx.pattern):
        if tok.startswith("\\u"):
            if not _caseless(chr(int(tok[2:], 16))):
                return None
            out.append(tok)
        elif tok.startswith("\\"):
            if tok[1] in "xUN0123456789":       # character codes, back references
                return None
            out.append(tok)
        elif tok.startswith("(?P"):             # group names keep their case
            out.append(tok)
        elif tok.startswith("(?"):
            if tok == "(?(" or "i" in tok:      # conditionals, inline case flags
                return None
            out.append(tok)
        else:
            if not all(_caseless(c) for c in tok):
                return None
            out.append(tok.lower())
    low = re.compile("".join(out), rx.flags & ~re.IGNORECASE)
    if low.groups != rx.groups or low.groupindex != rx.groupindex:
        return None
    return low


#: escapes other than \b \d \s \w \t \n (and escaped punctuation): CaselessPattern refuses them
_OTHER_ESCAPE = re.compile(r"\\[^bdswtn\W_]")


class CaselessPattern:
    """``re.compile(pattern, re.I)``, run as :func:`lower_pattern` over :func:`lower_view` when
    the text has one, else as is.  Matches are the same, but may be of the view: use their spans,
    not their text.

    Raises ValueError for a pattern that cannot run lowered; also, as it always has, for named
    groups and escapes beyond \\b \\d \\s \\w \\t \\n, which its word-list callers never need.
    """

    __slots__ = ("folded", "lower", "_lower_words")

    def __init__(self, pattern: str) -> None:
        self.folded = re.compile(pattern, re.I)
        lower = lower_pattern(self.folded)
        if lower is None or self.folded.groupindex or _OTHER_ESCAPE.search(pattern):
            raise ValueError(f"cannot lower-case the pattern {pattern!r}")
        self.lower = lower
        self._lower_words = WordStartPattern(lower)     # the same matches, found faster (see there)

    def search(self, text: str) -> re.Match[str] | None:
        low = lower_view(text)
        return self._lower_words.search(low) if low is not None else self.folded.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lower_view(text)
        return self._lower_words.finditer(low) if low is not None else self.folded.finditer(text)

    def empty_matches(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """For a pattern that only matches empty (look-aheads): where each match of ``finditer``
        is, and a match with the same groups (see WordStartPattern.empty_matches)."""
        low = lower_view(text)
        if low is None:
            return ((m.start(), m) for m in self.folded.finditer(text))
        return self._lower_words.empty_matches(low)


def trie_pattern(beginnings: set[tuple[str, ...]]) -> str:
    """A pattern that matches where one of ``beginnings`` (sequences of atoms: regex source of one
    character or class) does, as a trie: ``re`` checks the first characters of an alternation
    cheaply, so sharing common first atoms makes a long word list fast to scan; "" when one
    beginning is empty (anything matches).
    """
    return "|".join(_trie_alternatives(beginnings))


def _trie_alternatives(beginnings: set[tuple[str, ...]]) -> list[str]:
    if () in beginnings:
        return [""]
    heads: dict[str, set[tuple[str, ...]]] = {}
    for b in beginnings:
        heads.setdefault(b[0], set()).add(b[1:])
    out = []
    for atom in sorted(heads):
        alts = _trie_alternatives(heads[atom])
        out.append(atom + (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"))
    return out


def words_pattern(words) -> str:
    """An alternation of literal ``words`` (or phrases) as a trie (see :func:`trie_pattern`).

    Each word ends with an empty atom, so that a word that begins a longer one ("dr", "driver")
    stays an alternative of its own (``dr(?:|iver)``) instead of standing for every continuation.
    """
    return trie_pattern({(*map(re.escape, w), "") for w in words})


# ---------------------------------------------------------------------------
# Where a pattern may begin (speed only)
# ---------------------------------------------------------------------------
# ``re`` tries a pattern at every position of the text.  When the pattern opens
# with a look-ahead of the ways its match may begin, as a trie (stops_pattern),
# most positions fail on their first character; events.py builds its rule
# tables this way, attribution.py its stance-word scan.  Faster still, ``re``
# skips in one loop to the characters of a class a pattern opens with: so a
# pattern that opens with ``\b`` is searched from the non-word character
# before it (WordStartPattern, for every CaselessPattern); one anchored at the
# end only near the end (tail_width).
# ---------------------------------------------------------------------------
#: a character class with more members than this stays one atom (fewer are spelled out, one atom each)
_TRIE_CLASS_MAX = 16
#: the categories a class atom may hold (any other ends a beginning: anything may follow)
_CATEGORY_ATOMS = {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_SPACE: r"\s"} if _C is not None else {}


def stops_pattern(patterns: list[str], depth: int) -> str:
    """A pattern that matches (empty or not) wherever one of ``patterns`` may begin a match: a trie
    of their beginnings (see :func:`beginnings`), up to ``depth`` atoms; "" when one may begin with
    anything, or when this Python has no ``re._parser`` to read the patterns with."""
    if _sre_parse is None:
        return ""
    starts: set[tuple[str, ...]] = set()
    for p in patterns:
        starts |= beginnings(list(_sre_parse.parse(p).data), depth)
    return trie_pattern(starts)


def beginnings(items: list, depth: int, budget: list[int] | None = None) -> set[tuple[str, ...]]:
    """Every way a match of the parsed pattern ``items`` may begin, as up to ``depth`` atoms (regex
    source of one character, one class or one repeated character / class); a shorter tuple means
    anything may follow it.

    May allow more beginnings than the pattern has, never fewer: look-arounds and anchors are
    skipped (a match must still begin as the rest does); a class with another category than digits
    or white space, or any other construct, ends the beginning.
    """
    budget = [50_000] if budget is None else budget
    budget[0] -= 1
    if depth == 0 or not items or budget[0] < 0:
        return {()}
    op, av = items[0]
    rest = items[1:]
    if op is _C.LITERAL:
        atoms = [re.escape(chr(av))]
    elif op is _C.IN:
        atoms = _class_atoms(av)
        if atoms is None:
            return {()}
    elif op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return beginnings(rest, depth, budget)
    elif op is _C.SUBPATTERN:
        return beginnings(list(av[-1].data) + rest, depth, budget)
    elif op is _C.BRANCH:
        out: set[tuple[str, ...]] = set()
        for alt in av[1]:
            out |= beginnings(list(alt.data) + rest, depth, budget)
        return out
    elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        lo, hi, sub = av
        out = beginnings(rest, depth, budget) if lo == 0 else set()
        one = _one_atom(sub.data)
        if hi is _C.MAXREPEAT and one is not None:      # "\s+", "[a-z]*": one atom, repeated
            run = one + ("+" if lo <= 1 else f"{{{lo},}}")
            return out | {(run, *t) for t in beginnings(rest, depth - 1, budget)}
        more = [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi is _C.MAXREPEAT else hi - 1, sub))]
        return out | beginnings(list(sub.data) + more + rest, depth, budget)
    else:
        return {()}
    tails = beginnings(rest, depth - 1, budget)
    return {(a, *t) for a in atoms for t in tails}


def _one_atom(items: list) -> str | None:
    """The atom of a parsed pattern that is one character or one class, else None."""
    if len(items) != 1 or items[0][0] not in (_C.LITERAL, _C.IN):
        return None
    op, av = items[0]
    atoms = [re.escape(chr(av))] if op is _C.LITERAL else _class_atoms(av)
    if atoms is None:
        return None
    return atoms[0] if len(atoms) == 1 else "[" + "".join(atoms) + "]"


def _class_atoms(items: list) -> list[str] | None:
    """A character class as atoms: its members when few (so that the trie shares them), else the
    class itself; None for a class with a category other than digits and white space."""
    atoms: list[str] = []
    for op, av in items:
        if op is _C.LITERAL:
            atoms.append(re.escape(chr(av)))
        elif op is _C.RANGE and av[1] - av[0] < _TRIE_CLASS_MAX:
            atoms.extend(re.escape(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is _C.RANGE:
            atoms.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _C.CATEGORY and av in _CATEGORY_ATOMS:
            atoms.append(_CATEGORY_ATOMS[av])
        elif op is _C.NEGATE and not atoms:
            atoms.append("^")
        else:
            return None
    if atoms[0] == "^" or len(atoms) > _TRIE_CLASS_MAX or any(len(a) > 2 for a in atoms):
        return ["[" + "".join(atoms) + "]"]
    return atoms


class WordStartPattern:
    """A compiled pattern with the ``search`` and ``finditer`` of ``rx``: the very same matches.

    When every match of ``rx`` starts at a word boundary (``rx`` opens with ``\\b``) before a word
    character (read off its beginnings), they are found faster (speed only): ``re`` calls its
    matcher at every position of the text for a pattern that opens with ``\\b``, but skips in one
    fast loop to the characters of a class a pattern opens with.  So ``\\W`` + the rest of ``rx``
    is searched, which stops at the non-word character before each place ``rx`` may match; ``rx``
    itself then matches right after it (and is tried once at the start of the text, where no
    character precedes).  Otherwise, and on short texts, ``rx`` runs as is.
    """

    __slots__ = ("rx", "scan", "pattern", "only_empty")

    #: below this many characters the plain search is as fast
    SHORT = 40

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.scan, self.only_empty = _after_non_word(rx)

    def search(self, text: str) -> re.Match[str] | None:
        if self.scan is None or len(text) < self.SHORT:
            return self.rx.search(text)
        m = self.rx.match(text)
        if m is None and (s := self.scan.search(text)) is not None:
            m = self.rx.match(text, s.start() + 1)
        return m

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.scan is None or len(text) < self.SHORT:
            return self.rx.finditer(text)
        return self._finditer(text)

    def empty_matches(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """For an ``rx`` that only matches empty: where each match of ``finditer`` is, and a match
        with the same groups -- but maybe of the faster scan, whose own start is one before."""
        if self.scan is None or len(text) < self.SHORT:
            return ((m.start(), m) for m in self.rx.finditer(text))
        if not self.only_empty:
            raise ValueError("not a pattern that only matches empty")
        return self._empty_matches(text)

    def _empty_matches(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        m = self.rx.match(text)
        if m is not None:
            yield 0, m
        # after an empty match finditer looks from the next character on, as the scan does
        # after the character it took
        for m in self.scan.finditer(text):
            yield m.start() + 1, m

    def _finditer(self, text: str) -> Iterator[re.Match[str]]:
        # as re's finditer: the next match is searched from the end of the last one, or one
        # further when that was empty (_after_non_word allows only patterns whose matches are all
        # empty or all not)
        match, scan = self.rx.match, self.scan.search
        pos = 0
        m = match(text)
        while True:
            if m is not None:
                yield m
                pos = m.end() if m.end() > m.start() else m.start() + 1
            s = scan(text, pos - 1 if pos else 0)    # its non-word character may be the last one's
            if s is None:
                return
            m = match(text, s.start() + 1)


def _after_non_word(rx: re.Pattern[str]) -> tuple[re.Pattern[str] | None, bool]:
    """``\\W`` + ``rx`` without its opening ``\\b``, when that finds every match of ``rx`` but one at
    the start of the text (see WordStartPattern), else None; and whether ``rx`` only matches empty."""
    if _sre_parse is None or not rx.pattern.startswith(r"\b") or rx.flags & re.VERBOSE \
            or _top_level_bar(rx.pattern):      # "\ba|b": the \b is not before every match
        return None, False
    parsed = _sre_parse.parse(rx.pattern, rx.flags)
    items = list(parsed.data)
    lo, hi = parsed.getwidth()
    if items[0] != (_C.AT, _C.AT_BOUNDARY) or not (lo > 0 or hi == 0):
        return None, False
    # what the match must begin with: read off the pattern, or off a look-ahead that opens it
    # (the rule tables of events.py: ``\b(?=trie)`` then look-aheads only)
    ways = [items[1:]]
    if len(items) > 1 and items[1][0] is _C.ASSERT and items[1][1][0] == 1:
        ways.append(list(items[1][1][1].data))
    for way in ways:
        firsts = {b[0] if b else None for b in beginnings(way, 1)}
        if firsts and all(a is not None and _word_atom(a) for a in firsts):
            return re.compile(r"\W" + rx.pattern[2:], rx.flags), hi == 0
    return None, False


def _top_level_bar(pattern: str) -> bool:
    """``pattern`` has an alternation outside any group."""
    depth = 0
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":                  # a class: to its closing bracket ("[]" and "[^]" hold one)
            i += 2 if pattern.startswith("[^", i) else 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _word_atom(atom: str) -> bool:
    """The atom (see :func:`beginnings`) matches word characters only."""
    items = list(_sre_parse.parse(atom).data)
    if len(items) == 1 and items[0][0] in (_C.MAX_REPEAT, _C.MIN_REPEAT):   # "x+": one x first
        items = list(items[0][1][2].data)
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is _C.LITERAL:
        return _is_word_char(av)
    if op is not _C.IN:
        return False
    for op, av in av:
        if op is _C.LITERAL and _is_word_char(av):
            continue
        if op is _C.RANGE and all(_is_word_char(c) for c in range(av[0], av[1] + 1)):
            continue
        if op is _C.CATEGORY and av in (_C.CATEGORY_DIGIT, _C.CATEGORY_WORD):
            continue
        return False
    return True


def _is_word_char(code: int) -> bool:
    c = chr(code)
    return c.isalnum() or c == "_"


def tail_width(rx: re.Pattern[str]) -> int | None:
    """How far before the end of a text a match of ``rx`` may begin, when every match ends the
    text (``rx`` ends with ``$``, outside any alternation) and is at most so long (``$`` also
    matches before a final newline: one more); None otherwise.  ``rx.search(text, len(text) -
    width)`` is then ``rx.search(text)`` without trying the text's start (speed only)."""
    if _sre_parse is None:
        return None
    parsed = _sre_parse.parse(rx.pattern, rx.flags)
    if not parsed.data or parsed.data[-1] != (_C.AT, _C.AT_END) or rx.flags & re.MULTILINE:
        return None
    longest = parsed.getwidth()[1]
    return None if longest >= _C.MAXREPEAT else longest + 1


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence holding ``offset`` (binary search); -1 when none."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return -1
