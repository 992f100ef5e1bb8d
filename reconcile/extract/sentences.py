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
# Case-insensitive patterns over lower-case views, for fast scans.  Python's
# ``re`` checks the first letter of each alternative cheaply only when matching
# case-sensitively, so a long ``re.I`` word list is several times slower than
# the same list, lower-cased, run over ``text.lower()``.  The two find exactly
# the same spans when lower-casing keeps every offset and no character folds
# differently: ``re.I`` also matches these four to ASCII letters ("\u212a"
# Kelvin K to "k", long s to "s", dotted / dotless I to "i"), ``str.lower``
# does not (tests/test_speed_equivalence_context.py checks the list).
# ---------------------------------------------------------------------------
_FOLD_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")
#: escapes other than \b \d \s \w \t \n that name a letter or a class (\W, \x41, \u00C0...): their case matters
_CASED_ESCAPE = re.compile(r"\\[^bdswtn\W_]")


def _lower_view(text: str) -> str | None:
    """``text.lower()`` when it is an exact stand-in for ``re.I`` matching (same offsets, same folds), else None."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _FOLD_TRAPS.search(text)):
        return None
    return low


def _lower_pattern(pattern: str) -> str:
    """An ASCII case-insensitive pattern, lower-cased to match :func:`_lower_view` text case-sensitively.

    Escapes whose case matters are refused; so are named groups (their names would change).
    """
    if not pattern.isascii() or _CASED_ESCAPE.search(pattern) or "(?P" in pattern:
        raise ValueError(f"cannot lower-case the pattern {pattern!r}")
    return pattern.lower()


class CaselessPattern:
    """A case-insensitive ASCII pattern, run over the lower-case view of a text when that view is exact.

    Matches are the same as ``re.compile(pattern, re.I)`` finds, but may be of the view: use their
    spans, not their text.
    """

    __slots__ = ("folded", "lower")

    def __init__(self, pattern: str) -> None:
        self.folded = re.compile(pattern, re.I)
        self.lower = re.compile(_lower_pattern(pattern))

    def search(self, text: str) -> re.Match[str] | None:
        low = _lower_view(text)
        return self.lower.search(low) if low is not None else self.folded.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = _lower_view(text)
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
