"""Interval algebra over claimed figures: overlap, disjoint, bounds, part-of-total.

A claim's figure is the closed interval [low, high]; an open end is 0 below
and infinity above ("at least 3" is [3, inf), "up to 50" is [0, 50]).  Two
claims can both hold when their intervals overlap.  Vague figures ("dozens")
are widened by ``VAGUE_FACTOR`` either way, so they only clash when far off.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from ..model import Claim

INF = math.inf
VAGUE_FACTOR = 2.0      # "dozens" [24, inf) only clashes with figures under 12


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high


def make(low: float | None, high: float | None) -> Interval:
    lo = 0.0 if low is None else float(low)
    hi = INF if high is None else float(high)
    if hi < lo:
        lo, hi = hi, lo
    return Interval(lo, hi)


#: the number grammar's rule for "nearly N" / "almost N"
ALMOST_RULE = "num.bound.almost"
ALMOST_FACTOR = 0.9


def of(claim: Claim, *, widen_vague: bool = True) -> Interval:
    """The interval a claim asserts (vague figures widened)."""
    iv = make(claim.low, claim.high)
    if claim.rules and claim.rules[0] == ALMOST_RULE and claim.low is not None and claim.low == claim.high:
        # "almost 200" is a little under 200: 192 agrees with it
        return Interval(float(claim.low) * ALMOST_FACTOR, float(claim.low))
    if widen_vague and claim.vague:
        return Interval(iv.low / VAGUE_FACTOR, iv.high * VAGUE_FACTOR if iv.high != INF else INF)
    return iv


def disjoint(a: Claim, b: Claim) -> bool:
    """True when the two figures cannot both be right (5 vs 24; "at least 2" vs 0)."""
    return not of(a).overlaps(of(b))


def point(claim: Claim) -> float | None:
    """A single publishable value: the exact figure, or the stated bound ("at least 12" -> 12)."""
    if claim.low is not None and claim.high is not None:
        return float(claim.low) if claim.low == claim.high else None
    if claim.low is not None:
        return float(claim.low)
    if claim.high is not None:
        return float(claim.high)
    return None


def sum_intervals(parts: Iterable[Claim]) -> Interval:
    """The interval of a sum of parts (35 children and 7 adults -> [42, 42])."""
    lo = hi = 0.0
    for p in parts:
        iv = of(p, widen_vague=False)
        lo += iv.low
        hi += iv.high
    return Interval(lo, hi)


def part_exceeds(part: Claim | Interval, whole: Claim | Interval) -> bool:
    """A part larger than its whole: the part's least value is above the whole's greatest."""
    p = part if isinstance(part, Interval) else of(part, widen_vague=False)
    w = whole if isinstance(whole, Interval) else of(whole, widen_vague=False)
    return p.low > w.high
