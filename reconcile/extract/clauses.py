"""The clause view of a figure: the clause it stands in and the phrases attached to it.

Built once per sentence (``SentenceClauses``), as data: each phrase is a
``Mark`` with a rule id (``clause.*``), recorded among the claim's rules so
that the engine (``engine/scope.py``) and the store keep it.  Pure Python.

A clause ends at ``;``, ``:``, a dash, and at ``, and`` / ``, but`` /
``while`` / ``whereas`` before a new clause.  A phrase that follows a
figure inside its clause belongs to the nearest figure before it ("one died
at the scene and 19 were taken to hospitals": the scene is the one's); a
phrase fronted before every figure of its clause belongs to all of them ("In
the northern town of X, four workers were hurt").

Marks (ordered table ``_CLAUSE_RULES`` and the figure-attached ``_FIGURE_RULES``):

* ``clause.venue.intake``: at/to a hospital, clinic, morgue (one intake);
* ``clause.venue.scene``: at the scene;
* ``clause.venue.dwelling``: in a home, house, flat, car;
* ``clause.place<x>``: "in the northern town of X", "in X province", "in X"
  (the engine compares X with the event's own places);
* ``clause.later``: "have since died", "later died" (an increment);
* ``clause.select``: the clause's verb picks some victims out (identified,
  released, admitted);
* ``clause.more``: "N more", "N additional" (``clause.more.next`` after another figure of the
  sentence), ``clause.other``: "N other(s)";
* ``clause.including``: "including N", "among them N";
* ``clause.with-perpetrator``: "nine dead, including the gunman" (a toll counting the attackers);
* ``clause.of-total``: "N of the M ..."; ``clause.contrast``: "not N",
  "rather than N".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Figure
from .lexicon import (AREA_NOUNS, CAMPAIGN_NOUNS, CARDINAL_WORDS, DWELLINGS, INTAKE_VENUES, LATER_WORDS,
                      MONTH_NAMES, PERPETRATOR_NOUNS, SELECTING_VERBS)
from .sentences import Sentence


@dataclass(frozen=True, slots=True)
class Mark:
    """One phrase of a figure's clause: its rule id and where it stands."""

    rule: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ClauseView:
    """A figure's clause (absolute offsets) and the phrases attached to the figure or its clause."""

    start: int
    end: int
    marks: tuple[Mark, ...] = ()

    def rules(self) -> tuple[str, ...]:
        """The marks as claim rule ids, in text order, each once."""
        out: list[str] = []
        for m in self.marks:
            if m.rule not in out:
                out.append(m.rule)
        return tuple(out)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_BOUNDARY = re.compile(r"[;:\u2014]|\s--\s|,\s*(?=(?:and|but|while|whereas)\b)|\b(?:but|while|whereas)\b")
_PLACE_NAME = r"([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,3})"
_NOT_PLACES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december the a an his her their its this that".split())

# (rule id, pattern): phrases of the clause; the first group, when there is one, is the place name
_CLAUSE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("clause.venue.intake", re.compile(
        rf"(?i)\b(?:at|to|in|into)\s+(?:(?:the|a|an|area|local|nearby|two|three|several|other|different)\s+)?"
        rf"(?:[A-Z][\w.'\-]*\s+){{0,4}}(?:{_alt(INTAKE_VENUES)})\b")),
    ("clause.venue.scene", re.compile(r"(?i)\b(?:at|on)\s+the\s+scene\b(?!\s+of\b)")),   # "the scene of the crash": the event
    ("clause.venue.dwelling", re.compile(
        rf"(?i)\b(?:in|inside|at|outside)\s+(?:a|an|the|his|her|their|one|another)\s+(?:[\w\-]+\s+){{0,2}}"
        rf"(?:{_alt(DWELLINGS)})\b")),
    ("clause.place", re.compile(
        rf"\b[Ii]n\s+the\s+(?:[a-z\-]+\s+)?(?:{_alt(AREA_NOUNS)})\s+of\s+{_PLACE_NAME}")),
    ("clause.place", re.compile(
        rf"\b[Ii]n\s+(?:the\s+)?(?:[a-z\-]+\s+)?{_PLACE_NAME}\s+(?:{_alt(AREA_NOUNS)})\b")),
    # a bare name after "in": "ten houses were damaged in Takengon" (the engine keeps it only for a
    # place that is neither the event's own nor a country)
    ("clause.place.in", re.compile(
        rf"\b(?:in|at)\s+(?:(?:nearby|neighbouring|neighboring|northern|southern|eastern|western|central|"
        rf"north|south|east|west|downtown|suburban|rural)\s+)?{_PLACE_NAME}(?![\w'\u2019])")),
    ("clause.later", re.compile(
        rf"(?i)\b(?:(?:have|has|had)\s+(?:{_alt(LATER_WORDS)})\s+died|(?:{_alt(LATER_WORDS)})\s+died|"
        rf"died\s+later)\b")),
    # a running toll over a long period: "since the offensive began", "in the 12-day war", "since March",
    # "over the past three weeks", "in two weeks of fighting" (a part of nothing the event's reports count)
    ("clause.period", re.compile(
        rf"(?i)\b(?:since\s+(?:the\s+)?(?:(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?)?(?:[\w\-]+\s+){{0,2}}?"
        rf"(?:{_alt(CAMPAIGN_NOUNS)})\b(?:\s+(?:began|started|erupted|broke\s+out))?|"
        rf"(?:in|during|over|throughout)\s+(?:the|a|its|their)\s+(?:\d+|{_alt(CARDINAL_WORDS)})[\s\-](?:day|week|month|year)s?"
        rf"(?:[\s\-]long|[\s\-]old)?\s+(?:[\w\-]+\s+)?(?:{_alt(CAMPAIGN_NOUNS)})\b|"
        rf"(?:in|during|over|after)\s+(?:(?:more|less)\s+than\s+)?(?:\d+|{_alt(CARDINAL_WORDS)}|several)\s+(?:days|weeks|months|years)"
        rf"\s+of\s+(?:[\w\-]+\s+)?(?:{_alt(CAMPAIGN_NOUNS)}|bombing|shelling|air\s*strikes|raids)\b|"
        rf"since\s+(?:(?:early|mid|late)[\s\-])?(?:{_alt(MONTH_NAMES)})\b|since\s+(?:19|20)\d\d\b|"
        rf"so\s+far\s+in\s+the\s+(?:{_alt(CAMPAIGN_NOUNS)}))")),
    ("clause.select", re.compile(
        rf"(?i)\b(?:have|has|had|were|was|are|is)\s+(?:been\s+|now\s+|since\s+)?(?:{_alt(SELECTING_VERBS)})\b")),
)
# (rule id, pattern, side): phrases right next to the figure ("before" ends at it, "after" starts at it)
_FIGURE_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("clause.more", re.compile(r"(?i)^\s+(?:more|additional|further)\b(?!\s+than)"), "after"),
    ("clause.other", re.compile(r"(?i)^\s+others?\b"), "after"),
    ("clause.of-total", re.compile(r"(?i)^\s+of\s+(?:the|them|whom|those|these|its|their)\b"), "after"),
    # "nine people died, including the gunman": a toll that counts the attackers among the dead
    ("clause.with-perpetrator", re.compile(
        rf"(?i)^[^.;:]{{0,100}}?\b(?:including|counting|among\s+them|among\s+whom|as\s+well\s+as)\s+"
        rf"(?:the|both|a|one|two|three|four|\d+)?\s*(?:(?:suspected|alleged|lone|suicide|two|three)\s+)?"
        rf"(?:{_alt(PERPETRATOR_NOUNS)})\b"), "after"),
    ("clause.including", re.compile(r"(?i)\b(?:including|included|includes|among\s+them|among\s+whom)\s*$"),
     "before"),
    ("clause.contrast", re.compile(r"(?i)\b(?:not|rather\s+than|instead\s+of)\s*$"), "before"),
)


#: a toll word between a figure and a period phrase: the phrase is the toll's ("toll since March rose to")
_TOLL_BEFORE = re.compile(r"(?i)\b(?:toll|total|tally|number|count)\b[^.;:]{0,40}$")

_THERE = re.compile(r"(?i)\b(?:\w+ed|died|hurt|killed|found|seen)\s+(there)\b")

#: marks that only a figure before them owns (a verb is its subject's: "authorities have identified a man
#: in the shooting that left 19 hurt" does not select among the 19)
_AFTER_ONLY = frozenset({"clause.select", "clause.later"})
#: attribution between a figure and a phrase: the phrase is the speaker's, not the figure's
#: what may stand before a phrase that opens its clause ("But in the town of X, ...")
_CLAUSE_OPENING = re.compile(r"[\s,;:\"'\u201c\u2014\-]*(?:(?:and|but|while|whereas|elsewhere|meanwhile|also)\b[\s,]*)?")
_SPEECH = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|according)\b")


#: a relative clause between a phrase and a speech verb: the phrase is the event's ("the bombing of X,
#: which he said killed seven"), not the speaker's
_RELATIVE = re.compile(r"\b(?:which|who|that|where|when)\b")


def _speakers(text: str, start: int, end: int) -> bool:
    """A phrase ending at ``start`` is part of the speaker's noun phrase: a speech word follows it before
    the figure at ``end``, with no relative clause between ("Mr X, the mayor of Y town, said that 12 died")."""
    m = _SPEECH.search(text, start, end)
    return m is not None and not _RELATIVE.search(text, start, m.start())


class SentenceClauses:
    """The clauses of one sentence and their phrases, found once; ``view(fig)`` for each figure."""

    __slots__ = ("text", "sentence", "spans", "phrases")

    def __init__(self, text: str, sentence: Sentence) -> None:
        self.text = text
        self.sentence = sentence
        s = sentence.text
        cuts = [0] + [m.start() for m in _BOUNDARY.finditer(s)] + [len(s)]
        self.spans = [(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:]) if b > a]
        phrases: list[Mark] = []
        for rule, rx in _CLAUSE_RULES:
            for m in rx.finditer(s):
                rid = rule
                if m.groups():
                    name = m.group(1)
                    if re.sub(r"['\u2019]s$", "", name.split()[0].lower()) in _NOT_PLACES:
                        continue   # "in Thursday's bombing"
                    rid = f"{rule}<{name.lower()}>"
                phrases.append(Mark(rid, sentence.start + m.start(), sentence.start + m.end(), m.group()))
        # "there" after a verb names the place before it in the sentence ("the quake was felt in X, but
        # no injuries were reported there")
        for m in _THERE.finditer(s):
            at = sentence.start + m.start(1)
            before = [p for p in phrases if p.rule.startswith(("clause.place<", "clause.place.in<")) and p.end <= at]
            if before:
                name = before[-1].rule.split("<", 1)[1]
                phrases.append(Mark(f"clause.place.in<{name}", at, sentence.start + m.end(1), m.group(1)))
        phrases.sort(key=lambda p: (p.start, not p.rule.startswith("clause.place<")))
        # one place phrase per stretch: "in the town of X" is not also a bare "in X"
        kept: list[Mark] = []
        for p in phrases:
            if p.rule.startswith("clause.place.in<") and any(
                    k.rule.startswith(("clause.place<", "clause.venue.")) and k.start <= p.start < k.end for k in kept):
                continue
            kept.append(p)
        self.phrases = kept

    def view(self, fig: Figure, figures: list[Figure]) -> ClauseView:
        """The clause view of ``fig``; ``figures``: every figure of the sentence (for attachment)."""
        start, end = next(((a, b) for a, b in self.spans if a <= fig.start < b), (self.sentence.start, self.sentence.end))
        mine = sorted((f for f in figures if start <= f.start < end), key=lambda f: f.start)
        marks: list[Mark] = []
        for p in self.phrases:
            if not start <= p.start < end:
                continue
            before = [f for f in mine if f.end <= p.start]
            owner = before[-1] if before else None
            if p.rule == "clause.period" and owner is not None and _TOLL_BEFORE.search(self.text, owner.end, p.start):
                # "killed 40, bringing the toll since the offensive began to 660": the toll's phrase
                after = [f for f in mine if f.start >= p.end]
                owner = after[0] if after else owner
                if owner.start == fig.start:
                    marks.append(p)
                continue
            if owner is None:
                # fronted: the phrase limits every figure of its clause, unless it is the speaker's
                # ("the commissioner of X county said that 12 died"): a speech word between them, and
                # the phrase does not open the clause
                if p.rule not in _AFTER_ONLY and (
                        _CLAUSE_OPENING.fullmatch(self.text, start, p.start)
                        or not _speakers(self.text, p.end, fig.start)):
                    marks.append(p)
            elif owner.start == fig.start and not _SPEECH.search(self.text, fig.end, p.start):
                marks.append(p)           # after the figure, before any attribution ("told reporters at the scene")
        text = self.text
        first = not any(f.start < fig.start for f in figures)
        for rule, rx, side in _FIGURE_RULES:
            if side == "after":
                m = rx.match(text[fig.end:min(end, fig.end + 140)])
                if m:
                    # after another figure of the sentence, "more" is an increment only when that figure
                    # counts the same thing ("two died at the scene and two more in hospital", not "three
                    # dead and four more injured"): the engine decides from the measures
                    rid = f"{rule}.next" if rule == "clause.more" and not first else rule
                    marks.append(Mark(rid, fig.end, fig.end + m.end(), m.group()))
            else:
                head = text[max(start, fig.start - 30):fig.start]
                m = rx.search(head)
                if m:
                    marks.append(Mark(rule, fig.start - len(head) + m.start(), fig.start, m.group()))
        marks.sort(key=lambda m: m.start)
        return ClauseView(start, end, tuple(marks))


# ---------------------------------------------------------------------------
# Rejections in apposition: "rebels said they killed 40 soldiers, a claim the army rejected".  The
# figures before the apposition stay the first claimant's; the rejecting party gets a claim of its
# own on each of them with the stance ``deny`` (rule ``stance.deny.rejected``).
# ---------------------------------------------------------------------------
REJECTED_RULE = "stance.deny.rejected"
_REJECTION = re.compile(
    r",\s*(?:a|the)\s+(?:claim|claims|figure|figures|toll|number|account|report|tally)\s+(?:that\s+|which\s+)?"
    r"(?P<who>(?:the\s+)?[A-Z][\w'\u2019.\-]*(?:\s+[A-Z]?[\w'\u2019.\-]+){0,4}?|officials|police|the\s+[a-z]+(?:\s+[a-z]+)?)"
    r"\s+(?:has\s+|have\s+|had\s+|quickly\s+|flatly\s+|strongly\s+)?"
    r"(?:rejected|denied|disputed|dismissed|refuted|rejects|denies|disputes|dismisses)\b")


_REJECTION_PASSIVE = re.compile(
    r",\s*(?:a|the)\s+(?:claim|claims|figure|figures|toll|number|account|report|tally)\s+(?:that\s+was\s+|which\s+was\s+)?"
    r"(?:quickly\s+|flatly\s+|strongly\s+)?(?:rejected|denied|disputed|dismissed|refuted)\s+by\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]+){0,4}|officials|police|the\s+[a-z]+(?:\s+[a-z]+)?)")


#: a cheap test once per sentence before the two patterns run per figure
_REJECTION_WORD = re.compile(r"(?i)\b(?:rejected|denied|disputed|dismissed|refuted|rejects|denies|disputes|dismisses)\b")


def may_reject(sentence: Sentence) -> bool:
    """The sentence has a rejection verb at all (``rejecting_party`` can find something)."""
    return _REJECTION_WORD.search(sentence.text) is not None


def rejecting_party(sentence: Sentence, fig: Figure) -> str | None:
    """Who rejects ``fig`` in an apposition after it in its sentence ("..., a claim the army rejected",
    "..., a figure disputed by the ministry")."""
    at = fig.end - sentence.start
    found = [m for m in (_REJECTION.search(sentence.text, at), _REJECTION_PASSIVE.search(sentence.text, at)) if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    # only figures of the clause the apposition follows: no other clause boundary between them
    if _BOUNDARY.search(sentence.text, fig.end - sentence.start, m.start()):
        return None
    return re.sub(r"\s+", " ", m.group("who")).strip().rstrip(".")
