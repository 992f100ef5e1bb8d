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

# Words after which a full stop does not end a sentence (compared lower-case, without the dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt cpl maj adm cmdr st jr sr rev pres
    no nos vol fig inc ltd co corp bros dept univ assn ave blvd rd hwy mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    u.s u.k u.n e.g i.e etc vs approx est a.m p.m calif fla ga ill mass mich minn mo
    nev okla ore pa tenn tex va wash wis ariz ark colo conn del ind kan ky la md miss mont neb
    n.j n.y n.c s.c n.d s.d n.m n.h w.va d.c
    """.split()
)

_BOUNDARY = re.compile(
    r"""
    (?P<stop>[.!?]+)            # the stop
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


def _is_abbreviation(chunk: str) -> bool:
    m = _WORD_BEFORE.search(chunk)
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
            if m.group("stop") == "." and _is_abbreviation(text[s:m.start("stop")]):
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
    return len(line) >= WRAP_MIN_CHARS and not line.endswith((".", "!", "?", ":", '"', "\u201d", "'", ")"))


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

    __slots__ = ("folded", "lower")

    def __init__(self, pattern: str) -> None:
        self.folded = re.compile(pattern, re.I)
        lower = lower_pattern(self.folded)
        if lower is None or self.folded.groupindex or _OTHER_ESCAPE.search(pattern):
            raise ValueError(f"cannot lower-case the pattern {pattern!r}")
        self.lower = lower

    def search(self, text: str) -> re.Match[str] | None:
        low = lower_view(text)
        return self.lower.search(low) if low is not None else self.folded.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lower_view(text)
        return self.lower.finditer(low) if low is not None else self.folded.finditer(text)


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
