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
from typing import Collection, Hashable, Iterable, Protocol

from .grouping import PUBLICATION_LAG_DAYS

__all__ = ["Replay", "Source", "Stored", "base_label", "plan_replay", "reach_days"]


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


class Source(Protocol):
    """What a plan reads about the stored claims (a store answers with queries; ``Stored``
    from lists).  Documents and events are those of the saved output."""

    def days(self) -> set[dt.date]:
        """The distinct event dates of the stored claims."""

    def documents_on(self, days: Collection[dt.date]) -> set[Hashable]:
        """The documents with a claim dated on one of ``days``."""

    def links_of_documents(self, docs: Collection[Hashable]) -> set[tuple[Hashable, str]]:
        """(document, saved event key) of the claims of ``docs``."""

    def links_of_events(self, events: Collection[str]) -> set[tuple[Hashable, str]]:
        """(document, saved event key) of the claims in ``events``."""

    def events_labelled(self, bases: Collection[str]) -> set[str]:
        """The saved event keys whose label, less its number, is one of ``bases``."""

    def undated(self, docs: Collection[Hashable]) -> bool:
        """Whether one of ``docs`` has a claim without an event date."""


def plan_replay(source: Source, new_dates: Iterable[dt.date], window_days: int) -> Replay | None:
    """The part of a store that new claims (with event dates ``new_dates``, none undated) can
    change: the documents on the hot days, closed over shared events and shared labels."""
    hot = _hot_days(source.days(), set(new_dates), dt.timedelta(days=reach_days(window_days)))
    docs: set[Hashable] = set()
    events: set[str] = set()
    bases: set[str] = set()
    todo_docs = source.documents_on(sorted(hot)) if hot else set()
    todo_events: set[str] = set()
    while todo_docs or todo_events:
        found = set()
        if todo_docs:
            docs |= todo_docs
            found |= source.links_of_documents(sorted(todo_docs, key=str))
        if todo_events:
            events |= todo_events
            found |= source.links_of_events(sorted(todo_events))
        todo_docs = {d for d, _e in found} - docs
        todo_events = {e for _d, e in found} - events
        # events numbered together with these (same label less the number) are redone with them
        new_bases = {base_label(e) for e in todo_events} - bases
        if new_bases:
            bases |= new_bases
            todo_events |= source.events_labelled(sorted(new_bases)) - events
    if docs and source.undated(sorted(docs, key=str)):
        return None
    return Replay(docs=frozenset(docs), events=frozenset(events))


class Stored:
    """A Source over lists: (document, event date or None) of every stored claim, and
    (document, saved event key) pairs."""

    def __init__(self, dates: Iterable[tuple[Hashable, dt.date | None]], links: Iterable[tuple[Hashable, str]]) -> None:
        self._dates = list(dates)
        self._links = set(links)

    def days(self) -> set[dt.date]:
        return {day for _d, day in self._dates if day is not None}

    def documents_on(self, days: Collection[dt.date]) -> set[Hashable]:
        wanted = set(days)
        return {d for d, day in self._dates if day in wanted}

    def links_of_documents(self, docs: Collection[Hashable]) -> set[tuple[Hashable, str]]:
        wanted = set(docs)
        return {(d, e) for d, e in self._links if d in wanted}

    def links_of_events(self, events: Collection[str]) -> set[tuple[Hashable, str]]:
        wanted = set(events)
        return {(d, e) for d, e in self._links if e in wanted}

    def events_labelled(self, bases: Collection[str]) -> set[str]:
        wanted = set(bases)
        return {e for _d, e in self._links if base_label(e) in wanted}

    def undated(self, docs: Collection[Hashable]) -> bool:
        wanted = set(docs)
        return any(day is None and d in wanted for d, day in self._dates)


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
            hot = fresh[0] - reach if fresh[0] - dt.date.min > reach else dt.date.min   # no date before 0001-01-01
            out.update(d for d in stretch if d >= hot and d in stored)
        stretch = [day] if day is not None else []
    return out
