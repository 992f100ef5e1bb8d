"""Claim extraction: ``extract_claims(document) -> list[Claim]``.  Pure Python.

The pipeline, per document:

1. split the body into sentences (``sentences``);
2. a cheap prefilter keeps sentences with a digit or a number word near a
   measure cue;
3. the number grammar finds figures (``numbers``), minus measurements, money
   and other non-counts (``quantities`` / ``numbers.find_non_counts``);
4. each figure gets a measure and subject (``measures``), a claimant and
   stance (``attribution``), and an event anchor (``events``);
5. figures by reference ("a similar number") take the value of the claim
   before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from ..model import Claim, Document, Figure
from . import attribution, events, numbers
from .measures import MeasureFinder, MeasureHit
from .sentences import CaselessPattern, Sentence, split_sentences, words_pattern

__all__ = ["ExtractOptions", "Extractor", "extract_claims"]

#: Sentences that cannot hold a claim are skipped before the full grammar runs:
#: they need a digit or a number word, and a measure cue somewhere.
#: (The words as a trie, words_pattern: the same matches as their plain alternation, found faster.)
_NUMBERISH_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million dozen dozens scores hundreds thousands both no none nobody zero several "
    "handful similar same"
).split()
_NUMBER_WORD = CaselessPattern(rf"\b(?:{words_pattern(_NUMBERISH_WORDS)}|a\s+few)\b")
_DIGIT = re.compile(r"\d")


def _numberish(s: str) -> bool:
    """``s`` holds a digit or a number word (the digit looked for alone first: ``re`` skips to
    one fast, while a pattern of alternatives is tried at every position)."""
    return _DIGIT.search(s) is not None or _NUMBER_WORD.search(s) is not None


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


class Extractor:
    """Reusable extractor: compiled tables are built once and shared across documents."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()
        self.measures = MeasureFinder(self.options.measure_cues)

    def extract(self, doc: Document) -> list[Claim]:
        text = doc.text
        sentences = split_sentences(text, doc.body_start)
        if not sentences:
            return []
        actx = None
        ectx = None
        out: list[Claim] = []
        doc_previous: MeasureHit | None = None
        # what the story mentions (its first sentences: later text is often related-story furniture),
        # for the engine's "no death / no injury reported" rules
        story = text[sentences[0].start:sentences[min(len(sentences), STORY_SENTENCES) - 1].end]
        mentions = tuple(rule for rule, rx in _MENTIONS if rx.search(story))
        for idx, sent in enumerate(sentences):
            if not _numberish(sent.text):
                continue
            figures = numbers.find_figures(text, sent.start, sent.end)
            if not figures:
                continue
            previous: tuple[Figure, MeasureHit] | None = None
            sent_mentions: tuple[str, ...] | None = None     # _mentions_of the sentence, when first needed
            for fig in figures:
                if fig.qualifier == "reference":
                    hit, fig = self._by_reference(text, sent, fig, out)
                else:
                    hit = self.measures.classify(text, sent, fig, previous, doc_previous)
                if hit is None:
                    continue
                previous = (fig, hit)
                doc_previous = hit
                if actx is None:
                    actx = attribution.build_context(text, sentences)
                    ectx = events.build_event_context(doc, sentences)
                attr = attribution.attribute(actx, idx, fig.start, fig.end)
                anchor = events.anchor(ectx, idx)
                subject = hit.subject or (fig.noun if fig.noun else None)
                if sent_mentions is None:
                    sent_mentions = _mentions_of(mentions, sent.text)
                for measure in (hit.measure, *hit.also):
                    out.append(Claim(
                        doc=doc.path,
                        start=fig.start,
                        end=fig.end,
                        text=fig.text,
                        measure=measure,
                        low=fig.low,
                        high=fig.high,
                        qualifier=fig.qualifier,
                        vague=fig.vague,
                        subject=subject,
                        claimant=attr.claimant,
                        claimant_kind=attr.kind,
                        via=attr.via,
                        stance=attr.stance,
                        sentence=sent.text,
                        sentence_start=sent.start,
                        event=anchor,
                        rules=(fig.rule, hit.rule, *((hit.part,) if hit.part else ()), *attr.rules,
                               *sent_mentions),
                        published=doc.published,
                        source=doc.source,
                    ))
        return out

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


_DEFAULT: Extractor | None = None


def extract_claims(doc: Document, options: ExtractOptions | None = None) -> list[Claim]:
    """All numeric claims of one document, in text order."""
    global _DEFAULT
    if options is not None:
        return Extractor(options).extract(doc)
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(doc)
