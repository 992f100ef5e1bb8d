"""Claim extraction: ``extract_claims(document) -> list[Claim]``.  Pure Python.

The pipeline, per document:

1. split the body into sentences (``sentences``);
2. a cheap prefilter keeps sentences with a digit, a number word or an
   article that counts a person ("a man was killed");
3. the number grammar finds figures (``numbers``), minus measurements, money
   and other non-counts (``quantities`` / ``numbers.find_non_counts``);
4. each figure gets a measure and subject (``measures``), a claimant and
   stance (``attribution``), and an event anchor (``events``);
5. figures by reference ("a similar number") take the value of the claim
   before them;
6. a person counted by an article becomes a claim only in a report that
   states no figure of its own for that measure (``ARTICLE_MEASURE_FAMILY``).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from typing import Mapping, NamedTuple

from ..model import Claim, Document, Figure
from . import attribution, events, numbers
from .lexicon import CARDINAL_WORDS, VAGUE_PLURALS
from .clauses import REJECTED_RULE, SentenceClauses, may_reject, rejecting_party
from .measures import WHOLE_RULE, MeasureFinder, MeasureHit
from .sentences import CaselessPattern, Sentence, WordStartPattern, split_sentences, words_pattern

__all__ = ["ExtractOptions", "Extraction", "Extractor", "extract_claims"]

#: Sentences that cannot hold a claim are skipped before the full grammar runs:
#: they need a digit or a number word, and a measure cue somewhere.
#: (The words as a trie, words_pattern: the same matches as their plain alternation, found faster.)
_NUMBERISH_WORDS = (*CARDINAL_WORDS, *VAGUE_PLURALS, *(
    "hundred thousand million dozen scores both no none nobody zero several handful similar same"
).split())
_NUMBER_WORD = CaselessPattern(rf"\b(?:{words_pattern(_NUMBERISH_WORDS)}|a\s+few)\b")
_DIGIT = re.compile(r"\d")


#: "a man was killed": the article counts one person (numbers.ARTICLE_PERSON, rule num.article)
_ARTICLE_NOUN = WordStartPattern(re.compile(numbers.ARTICLE_NOUN, re.I))
_ARTICLE_PERSON = re.compile(numbers.ARTICLE_PERSON, re.I)


def _numberish(s: str) -> bool:
    """``s`` holds a digit, a number word or an article that counts a person (the digit looked
    for alone first: ``re`` skips to one fast, while a pattern of alternatives is tried at every
    position)."""
    return _DIGIT.search(s) is not None or _NUMBER_WORD.search(s) is not None \
        or (_ARTICLE_NOUN.search(s) is not None and _ARTICLE_PERSON.search(s) is not None)


#: how many sentences of a report tell its story, for ``doc.mentions.*``
STORY_SENTENCES = 8
#: words a report may hold, recorded on its claims as rules (``doc.mentions.*``)
_MENTIONS: tuple[tuple[str, CaselessPattern], ...] = (
    ("doc.mentions.death", CaselessPattern(
        r"\b(?:kill(?:ed|ing|s)?|dead|died|dies|deaths?|fatal(?:ly)?|homicide|murder(?:ed)?|slain|deceased|"
        r"lifeless|bod(?:y|ies)|perished|succumbed)\b")),
    ("doc.mentions.injury", CaselessPattern(
        r"\b(?:injur(?:y|ies|ed|ing|es)|wound(?:s|ed|ing)?|hurt|hospitali[sz]ed|critical condition|"
        r"stable condition|grazed|treated for)\b")),
)


def _mentions_of(story: tuple[str, ...], sentence: str) -> tuple[str, ...]:
    """What the story mentions, plus what the claim's own sentence does (it may lie past the story)."""
    return tuple(rule for rule, rx in _MENTIONS if rule in story or rx.search(sentence))


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Tunables of the extractor (from config.toml ``[extract]``)."""

    measure_cues: Mapping[str, str] = field(default_factory=dict)
    #: seconds of extraction per document; past it the document keeps the claims found so far
    #: (``Extraction.complete`` is False).  None: no budget (benchmarks)
    time_budget: float | None = None


#: a "sentence" longer than this is cut at safe points (clause punctuation, else white space,
#: else anywhere) into pieces no longer than it: the work per sentence stays bounded however
#: a scraped page runs its text together.  News sentences are far shorter (the longest in the
#: corpora is about 8,000 characters, a run-together list of victims, and one other passes
#: 2,000).  The work inside one piece is not linear in it yet: the cap keeps it small.
MAX_SENTENCE_CHARS = 2_000
#: figures read per document at most: past it the document keeps the claims of the figures
#: read (``Extraction.complete`` is False), whatever the time budget.  A news report gives a
#: few dozen figures (the most in the shared corpora, 755 local reports included, is 128); a
#: page with hundreds is a table or a dump.  Unlike the time budget, this bound gives the
#: same claims on every machine.
MAX_FIGURES_PER_DOCUMENT = 500
#: a run of white space this long is no part of a sentence: it ends one
_LONG_SPACE = re.compile(r"\s{200,}")
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_SPACE = re.compile(r"\s")


def _cut_points(text: str, s: int, e: int, cap: int) -> list[int]:
    """Where to cut ``text[s:e]`` into pieces of at most ``cap`` characters (linear)."""
    cuts: list[int] = []
    pos = s
    while e - pos > cap:
        lo = pos + cap // 2
        hi = pos + cap
        cut = -1
        for rx in (_CLAUSE_BREAK, _SPACE):
            last = None
            # searched backwards a window at a time would be simpler; one forward scan of
            # the upper half is linear in it
            for m in rx.finditer(text, lo, hi):
                last = m
            if last is not None:
                cut = last.end()
                break
        if cut <= pos:
            cut = hi
        cuts.append(cut)
        pos = cut
    return cuts


def bounded_sentences(text: str, sentences: list[Sentence], cap: int = MAX_SENTENCE_CHARS,
                      notes: list[str] | None = None) -> list[Sentence]:
    """``sentences`` with long runs of white space taken out and every sentence longer than ``cap``
    cut into pieces (each cut recorded in ``notes`` with its offset).  Sentences of news text
    come back unchanged (the same objects)."""
    out: list[Sentence] = []
    for sent in sentences:
        if sent.end - sent.start <= 200 or (sent.end - sent.start <= cap and _LONG_SPACE.search(sent.text) is None):
            out.append(sent)
            continue
        spans: list[tuple[int, int]] = []
        pos = sent.start
        for m in _LONG_SPACE.finditer(text, sent.start, sent.end):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, sent.end))
        if len(spans) > 1 and notes is not None:
            notes.append(f"offset {sent.start}: a run of white space ends the sentence")
        for a, b in spans:
            cuts = _cut_points(text, a, b, cap)
            if cuts and notes is not None:
                notes.append(f"offset {a}: a sentence of {b - a} characters, cut into {len(cuts) + 1} pieces")
            for x, y in zip([a, *cuts], [*cuts, b]):
                while x < y and text[x].isspace():
                    x += 1
                while y > x and text[y - 1].isspace():
                    y -= 1
                if y > x:
                    out.append(Sentence(x, y, text[x:y], sent.paragraph))
    return out


@dataclass(frozen=True, slots=True)
class Extraction:
    """The claims of one document, with notes on what was bounded (long sentences cut, the time
    budget spent); ``complete`` is False when the budget stopped extraction early."""

    claims: list[Claim]
    notes: tuple[str, ...] = ()
    complete: bool = True


class Extractor:
    """Reusable extractor: compiled tables are built once and shared across documents."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()
        self.measures = MeasureFinder(self.options.measure_cues)

    def extract(self, doc: Document) -> list[Claim]:
        return self.extract_bounded(doc).claims

    def extract_bounded(self, doc: Document) -> Extraction:
        """The claims of ``doc`` with the notes on its bounds (see :class:`Extraction`)."""
        notes: list[str] = []
        budget = self.options.time_budget
        deadline = None if budget is None else time.monotonic() + budget
        stopped: list[int] = []
        capped: list[int] = []
        claims = self._extract(doc, notes, deadline, stopped, capped)
        if stopped:
            notes.append(f"offset {stopped[0]}: the time budget of {budget:g} s per document was spent; "
                         f"kept the {len(claims)} claims found before it")
        elif capped:
            notes.append(f"offset {capped[0]}: more than {MAX_FIGURES_PER_DOCUMENT:,} figures in one document; "
                         f"kept the {len(claims)} claims of the first {MAX_FIGURES_PER_DOCUMENT:,}")
            stopped = capped
        return Extraction(claims, tuple(notes), not stopped)

    def _extract(self, doc: Document, notes: list[str], deadline: float | None,
                 stopped: list[int], capped: list[int]) -> list[Claim]:
        text = doc.text
        sentences = bounded_sentences(text, split_sentences(text, doc.body_start), notes=notes)
        if not sentences:
            return []
        contexts: list = []         # [attribution context, event context], made when first needed
        out: list[Claim | _Pending] = []
        made: list[Claim] = []      # the claims made so far (out less the pending ones)
        doc_previous: MeasureHit | None = None
        # what the story mentions (its first sentences: later text is often related-story furniture),
        # for the engine's "no death / no injury reported" rules
        story = text[sentences[0].start:sentences[min(len(sentences), STORY_SENTENCES) - 1].end]
        mentions = tuple(rule for rule, rx in _MENTIONS if rx.search(story))

        def claims_of(p: _Pending, measures: tuple[str, ...]) -> list[Claim]:
            if not contexts:
                contexts.extend((attribution.build_context(text, sentences), events.build_event_context(doc, sentences)))
            attr = attribution.attribute(contexts[0], p.idx, p.fig.start, p.fig.end)
            anchor = events.anchor(contexts[1], p.idx)
            fig, hit = p.fig, p.hit
            return [Claim(
                doc=doc.path, start=fig.start, end=fig.end, text=fig.text, measure=measure,
                low=fig.low, high=fig.high, qualifier=fig.qualifier, vague=fig.vague,
                subject=hit.subject or (fig.noun if fig.noun else None),
                claimant=attr.claimant, claimant_kind=attr.kind, via=attr.via, stance=attr.stance,
                sentence=p.sent.text, sentence_start=p.sent.start, event=anchor,
                rules=(fig.rule, hit.rule, *((hit.part,) if hit.part else ()), *p.marks, *attr.rules, *p.mentions),
                published=doc.published, source=doc.source, url=doc.url,
            ) for measure in measures]

        read = 0                    # figures read so far (MAX_FIGURES_PER_DOCUMENT)
        for idx, sent in enumerate(sentences):
            if capped:
                break
            if deadline is not None and time.monotonic() > deadline:
                stopped.append(sent.start)
                break
            if not _numberish(sent.text):
                continue
            figures = numbers.find_figures(text, sent.start, sent.end)
            if not figures:
                continue
            read += len(figures)
            if read > MAX_FIGURES_PER_DOCUMENT:
                figures = figures[:len(figures) - (read - MAX_FIGURES_PER_DOCUMENT)]
                capped.append(figures[-1].end if figures else sent.start)
            previous: tuple[Figure, MeasureHit] | None = None
            sent_mentions: tuple[str, ...] | None = None     # _mentions_of the sentence, when first needed
            clauses: SentenceClauses | None = None           # the sentence's clause view, when first needed
            rejects: bool | None = None                      # the sentence has a rejection verb
            for fig in figures:
                if fig.qualifier == "reference":
                    hit, fig = self._by_reference(text, sent, fig, made)
                else:
                    hit = self.measures.classify(text, sent, fig, previous, doc_previous)
                denied = previous is not None and _contrasted(text, previous[0], fig)
                if denied and (hit is None or hit.measure == previous[1].measure):
                    # "three died, not four as first reported": the figure set against the one before
                    # it counts the same thing, and the sentence's claimant rejects it
                    hit = MeasureHit(previous[1].measure, previous[1].subject, CONTRAST_MEASURE_RULE)
                else:
                    denied = False
                if hit is None:
                    continue
                previous = (fig, hit)
                doc_previous = hit
                if sent_mentions is None:
                    sent_mentions = _mentions_of(mentions, sent.text)
                if clauses is None:
                    clauses = SentenceClauses(text, sent)
                # the whole of "N of the M injured" is the total: the clause's phrases describe the N
                marks = () if hit.rule == WHOLE_RULE else clauses.view(fig, figures).rules()
                pending = _Pending(idx, sent, fig, hit, sent_mentions, marks)
                if fig.rule == "num.article":
                    out.append(pending)     # a claim or not once the whole report is read
                    continue
                got = claims_of(pending, (hit.measure, *hit.also))
                if denied:
                    got = [replace(c, stance="deny", rules=(*(r for r in c.rules if not r.startswith("stance.")),
                                                            CONTRAST_STANCE_RULE)) for c in got]
                if rejects is None:
                    rejects = may_reject(sent)
                who = rejecting_party(sent, fig) if rejects and not denied else None
                if who:
                    # "..., a claim the army rejected": the rejecting party denies the figure
                    got += [replace(c, claimant=who, claimant_kind="unknown", via=(), stance="deny",
                                    rules=(*(r for r in c.rules if not r.startswith(("stance.", "attr."))),
                                           REJECTED_RULE)) for c in got]
                out.extend(got)
                made.extend(got)
        if len(made) == len(out):
            return made
        # a person counted by an article ("a man was killed") is a claim only for the measures of
        # ARTICLE_MEASURE_FAMILY, in a report that states no figure of its own in that family:
        # beside "three people were killed", "a child died" describes one of them; and never as a
        # part ("a boy was among those hurt" describes one of the hurt)
        stated = {ARTICLE_MEASURE_FAMILY.get(c.measure) for c in made}
        final: list[Claim] = []
        for item in out:
            if isinstance(item, Claim):
                final.append(item)
                continue
            if item.hit.part:
                continue
            measures = tuple(m for m in (item.hit.measure, *item.hit.also)
                             if m in ARTICLE_MEASURE_FAMILY and ARTICLE_MEASURE_FAMILY[m] not in stated)
            if measures:
                final.extend(claims_of(item, measures))
        return final

    def _by_reference(self, text: str, sent: Sentence, fig: Figure,
                      before: list[Claim]) -> tuple[MeasureHit | None, Figure]:
        """'left a similar number wounded': the value of the claim before, the measure from its own words."""
        if not before:
            return None, fig
        prev = before[-1]
        hit = self.measures.classify(text, sent, replace(fig, qualifier="exact"))
        if hit is None:
            return None, fig
        return (MeasureHit(hit.measure, hit.subject or prev.subject, hit.rule),
                replace(fig, low=prev.low, high=prev.high, qualifier=prev.qualifier,
                        rule=f"{fig.rule}<-{prev.start}"))


#: the measures a person counted by an article may have (num.article), by family: a report that gives a figure
#: for one member of a family ("five people were shot") describes its victims one by one after it
#: ("a 38-year-old man was shot in the shoulder"); the shot are the wounded, unless they died
ARTICLE_MEASURE_FAMILY: dict[str, str] = {
    "killed": "killed", "wounded": "wounded", "shot": "wounded", "casualties": "casualties",
    "missing": "missing", "detained": "detained",
}


#: "three died, not four as first reported", "12 were hurt rather than 20": a figure set against the
#: figure just before it in its sentence
CONTRAST_MEASURE_RULE = "measure.contrast.previous"
CONTRAST_STANCE_RULE = "stance.deny.contrast"
_CONTRAST_BETWEEN = re.compile(
    r"(?i)[^.;:!?0-9]{0,80}?,\s*(?:and\s+|but\s+)?(?:not|rather\s+than|instead\s+of|and\s+not)\s+(?:the\s+)?$")


def _contrasted(text: str, before: Figure, fig: Figure) -> bool:
    """``fig`` follows ", not" / ", rather than" after the figure ``before`` in one clause."""
    return fig.start - before.end <= 90 and bool(_CONTRAST_BETWEEN.match(text, before.end, fig.start))


class _Pending(NamedTuple):
    """A figure with its measure, before its claims are made."""

    idx: int
    sent: Sentence
    fig: Figure
    hit: MeasureHit
    mentions: tuple[str, ...]
    marks: tuple[str, ...] = ()     # the clause view's rule ids (extract/clauses.py)


_DEFAULT: Extractor | None = None


def extract_claims(doc: Document, options: ExtractOptions | None = None) -> list[Claim]:
    """All numeric claims of one document, in text order."""
    global _DEFAULT
    if options is not None:
        return Extractor(options).extract(doc)
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(doc)
