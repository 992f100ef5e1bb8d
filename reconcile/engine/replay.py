"""Reconciling only what new documents can change.  Pure Python.

A store's saved output was computed by ``reconcile`` over every stored claim.
When new documents arrive, ``reconcile`` over all claims again would redo years
of events that the new reports cannot touch.  This module finds the part that
must be redone: the output of ``reconcile(part)`` for that part is then exactly
what ``reconcile(all claims)`` gives for it, and the rest of the saved output
stands.

Why this is exact (see ``grouping.cluster_events``): local events are
clustered one at a time in date order, and an event only ever meets clusters
with a member within ``reach`` days of it.

* *Stretches*: the event dates of the stored and the new claims, chained while
  consecutive dates lie within ``reach`` of each other.  Events of two
  stretches never meet.
* In a stretch with new dates, every event before its earliest new date is
  clustered before any new event, so exactly as before.  Only later events
  can decide otherwise, and the clusters they can meet have a member dated
  at least ``hot = earliest new date - reach``.  Those clusters are redone.
* *Blocks*: documents tied together by sharing a saved event.  A document is
  reconciled whole, so whole blocks are redone: every document of a block
  that has a claim dated on or after ``hot`` in such a stretch.  Events of
  the redone blocks dated before the new ones are clustered again from
  scratch, as they were: each joins the cluster it joined (the ones it tried
  before are there, unchanged; the stored ones it did not join are gone).
* Everything after clustering is per event.  Labels are numbered (``#2``)
  among clusters with the same earliest date, place and kind: the blocks of
  saved events that share a label (less its number) with a redone one are
  redone too; the caller checks that no new label meets a kept one.

A new claim far from every stored claim (a report recalling "the 1966 tower
shooting") makes a stretch of its own: nothing stored is redone for it.

Claims without an event date cluster apart ("undated ..." events, numbered
among themselves): a block to redo that holds one, or a new claim without a
date, means no plan (``None``): the caller reconciles everything.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Hashable, Iterable

from .grouping import PUBLICATION_LAG_DAYS

__all__ = ["Replay", "base_label", "plan_replay", "reach_days"]


@dataclass(frozen=True, slots=True)
class Replay:
    """What to reconcile again: the claims of ``docs`` (stored) plus the new documents' claims;
    the saved ``events`` (keys) are replaced by the result (every other saved event stands)."""

    docs: frozenset[Hashable]
    events: frozenset[str]


def reach_days(window_days: int) -> int:
    """How far apart (days) two local events may lie and still be clustered together."""
    return window_days + PUBLICATION_LAG_DAYS


def base_label(key: str) -> str:
    """An event key less its number: "2026-01-03 caracas raid #2" -> "2026-01-03 caracas raid"."""
    return _NUMBER.sub("", key)


_NUMBER = re.compile(r" #\d+$")


def plan_replay(dates: Iterable[tuple[Hashable, dt.date | None]], links: Iterable[tuple[Hashable, str]],
                new_dates: Iterable[dt.date], window_days: int) -> Replay | None:
    """The part of a store that new claims (with event dates ``new_dates``, none undated) can
    change.  ``dates``: (document, event date or None) of every stored claim; ``links``:
    (document, saved event key) pairs."""
    reach = dt.timedelta(days=reach_days(window_days))
    dates, links = list(dates), list(links)
    parent: dict[Hashable, Hashable] = {d: d for d, _day in dates}

    def root(x: Hashable) -> Hashable:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_doc: dict[str, Hashable] = {}
    for doc, event in links:
        if doc in parent:
            a, b = root(doc), root(first_doc.setdefault(event, doc))
            if a != b:
                parent[a] = b
    hot = _hot_days({day for _d, day in dates if day is not None}, set(new_dates), reach)
    redo = {root(d) for d, day in dates if day in hot}
    # blocks whose events share a label with a redone one: numbered together
    roots_by_base: dict[str, set[Hashable]] = {}
    bases_of: dict[Hashable, set[str]] = {}
    for doc, event in links:
        if doc in parent:
            r, b = root(doc), base_label(event)
            roots_by_base.setdefault(b, set()).add(r)
            bases_of.setdefault(r, set()).add(b)
    todo = list(redo)
    while todo:
        for b in bases_of.get(todo.pop(), ()):
            for r in roots_by_base[b] - redo:
                redo.add(r)
                todo.append(r)
    if any(day is None and root(d) in redo for d, day in dates):
        return None
    docs = frozenset(d for d in parent if root(d) in redo)
    return Replay(docs=docs, events=frozenset(e for d, e in links if d in docs))


def _hot_days(stored: set[dt.date], new: set[dt.date], reach: dt.timedelta) -> set[dt.date]:
    """The stored days on or after ``hot`` (earliest new day less ``reach``) of each stretch with new days."""
    out: set[dt.date] = set()
    stretch: list[dt.date] = []
    for day in [*sorted(stored | new), None]:
        if day is not None and (not stretch or day - stretch[-1] <= reach):
            stretch.append(day)
            continue
        fresh = [d for d in stretch if d in new]
        if fresh:
            out.update(d for d in stretch if d >= fresh[0] - reach and d in stored)
        stretch = [day] if day is not None else []
    return out
