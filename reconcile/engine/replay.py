"""Reconciling only what new documents can change.  Pure Python.

A store's saved output was computed by ``reconcile`` over every stored claim.
When new documents arrive, ``reconcile`` over all claims again would redo years
of events that the new reports cannot touch.  This module finds the part that
must be redone: the output of ``reconcile(part)`` for that part is then exactly
what ``reconcile(all claims)`` gives for it, and the rest of the saved output
stands.

Why this is exact (see ``grouping.cluster_events``): local events are
clustered in date order, and an event only ever meets clusters with a member
within ``reach`` days of it.

* A *block* is a set of stored documents tied together by sharing a saved
  event; its span runs from the earliest to the latest event date of its
  claims (a superset of its local events' dates).  Blocks and new claims'
  dates chain into *stretches* while they lie within ``reach`` of each other:
  two stretches never meet, so each is clustered as if alone, and labels
  (which start with their cluster's earliest date) are never numbered
  (``#2``) across stretches.
* Inside a stretch with new dates, take the latest cut date ``C`` at least
  ``reach`` days before its earliest new date that no block straddles.
  Events before ``C`` are clustered before any event on or after it, so their
  clusters do not change; no event on or after ``C`` joined one of them
  before (no block straddles ``C``) and none can now (what decided that is
  unchanged, and the new events lie beyond their reach).  So the clusters on
  or after ``C`` are those that ``reconcile`` over the claims of the blocks on
  or after ``C`` plus the new documents makes, with the same labels.
* Everything after clustering is per event.

A new claim far from every stored claim (a report recalling "the 1966 tower
shooting") makes a stretch of its own: nothing stored is redone for it.

Claims without an event date cluster apart ("undated ..." events, numbered
among themselves): a block to redo that holds one, or a new claim without a
date, means no plan (``None``): the caller reconciles everything.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Hashable, Iterable

from .grouping import PUBLICATION_LAG_DAYS

__all__ = ["DocSpan", "Replay", "doc_spans", "plan_replay", "reach_days"]


@dataclass(frozen=True, slots=True)
class DocSpan:
    """The event dates of one stored document's claims."""

    doc: Hashable
    first: dt.date | None      # earliest event date of its claims (None: no claim has one)
    last: dt.date | None
    undated: bool              # some claim has no event date


@dataclass(frozen=True, slots=True)
class Replay:
    """What to reconcile again: the claims of ``docs`` (stored) plus the new documents' claims;
    the saved ``events`` are replaced by the result (every other saved event stands)."""

    docs: frozenset[Hashable]
    events: frozenset[Hashable]


def doc_spans(pairs: Iterable[tuple[Hashable, dt.date | None]]) -> list[DocSpan]:
    """DocSpans from (document, event date or None) pairs, in order of first appearance."""
    acc: dict[Hashable, list] = {}
    for doc, date in pairs:
        a = acc.setdefault(doc, [None, None, False])
        if date is None:
            a[2] = True
        else:
            a[0] = date if a[0] is None else min(a[0], date)
            a[1] = date if a[1] is None else max(a[1], date)
    return [DocSpan(doc, *a) for doc, a in acc.items()]


def reach_days(window_days: int) -> int:
    """How far apart (days) two local events may lie and still be clustered together."""
    return window_days + PUBLICATION_LAG_DAYS


def plan_replay(spans: Iterable[DocSpan], links: Iterable[tuple[Hashable, Hashable]],
                new_dates: Iterable[dt.date], window_days: int) -> Replay | None:
    """The part of a store that new claims (with event dates ``new_dates``, none undated) can
    change.  ``spans``: every stored document; ``links``: (document, saved event) pairs."""
    reach = dt.timedelta(days=reach_days(window_days))
    spans = list(spans)
    links = list(links)
    parent: dict[Hashable, Hashable] = {s.doc: s.doc for s in spans}

    def root(x: Hashable) -> Hashable:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_doc: dict[Hashable, Hashable] = {}
    for doc, event in links:
        if doc not in parent:
            continue
        other = first_doc.setdefault(event, doc)
        a, b = root(doc), root(other)
        if a != b:
            parent[a] = b
    # blocks: [earliest, latest, any undated claim] over their documents
    blocks: dict[Hashable, list] = {}
    for s in spans:
        r = root(s.doc)
        b = blocks.get(r)
        if b is None:
            blocks[r] = [s.first, s.last, s.undated]
            continue
        if s.first is not None:
            b[0] = s.first if b[0] is None else min(b[0], s.first)
            b[1] = s.last if b[1] is None else max(b[1], s.last)
        b[2] = b[2] or s.undated
    # stretches of time that never meet: dated blocks and new dates, chained while they overlap
    # or lie within reach of each other
    items = sorted([(b[0], b[1], r) for r, b in blocks.items() if b[0] is not None]
                   + [(d, d, None) for d in set(new_dates)], key=lambda t: (t[0], t[1]))
    redo: set[Hashable] = set()
    stretch: list[tuple[dt.date, dt.date, Hashable]] = []
    end: dt.date | None = None
    for item in [*items, None]:
        if item is not None and (end is None or item[0] - end <= reach):
            stretch.append(item)
            end = item[1] if end is None else max(end, item[1])
            continue
        redo |= _redo_in(stretch, reach)
        if item is not None:
            stretch, end = [item], item[1]
    if any(blocks[r][2] for r in redo):
        return None
    docs = frozenset(s.doc for s in spans if root(s.doc) in redo)
    return Replay(docs=docs, events=frozenset(e for d, e in links if d in docs))


def _redo_in(stretch: list[tuple[dt.date, dt.date, Hashable]], reach: dt.timedelta) -> set[Hashable]:
    """The blocks of one stretch that its new dates can change: those that start on or after the
    latest cut at least ``reach`` before the earliest new date that no block straddles."""
    new = [first for first, _last, r in stretch if r is None]
    if not new or all(r is None for _f, _l, r in stretch):
        return set()
    since = min(new) - reach
    # latest end first, moving the cut back to the start of each block it falls inside
    for first, last, r in sorted(stretch, key=lambda t: t[1], reverse=True):
        if last < since:
            break
        if r is not None and first < since:
            since = first
    return {r for first, _last, r in stretch if r is not None and first >= since}
