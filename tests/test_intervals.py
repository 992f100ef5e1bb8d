"""Interval algebra: overlap, disjoint, bounds, vague figures, parts of totals."""
import pytest

from reconcile.engine import intervals
from reconcile.model import Claim


def c(low, high, *, vague=False, stance="assert"):
    return Claim(doc="d.txt", start=0, end=1, text="x", measure="killed", low=low, high=high,
                 vague=vague, stance=stance)


DISJOINT = [
    ("5-vs-24", c(5, 5), c(24, 24), True),
    ("same-figure", c(5, 5), c(5, 5), False),
    ("at-least-3-vs-5", c(3, None), c(5, 5), False),
    ("at-least-2-vs-zero", c(2, None), c(0, 0), True),
    ("up-to-50-vs-60", c(None, 50), c(60, 60), True),
    ("up-to-50-vs-zero", c(None, 50), c(0, 0), False),
    ("range-contains", c(100, 120), c(110, 110), False),
    ("range-vs-below", c(100, 120), c(32, 32), True),
    ("more-than-100-vs-100", c(100, None), c(100, 100), False),
    ("dozens-vs-20-near", c(24, None, vague=True), c(20, 20), False),
    ("dozens-vs-5-far-off", c(24, None, vague=True), c(5, 5), True),
    ("hundreds-vs-150", c(200, None, vague=True), c(150, 150), False),
]


@pytest.mark.parametrize("a,b,want", [x[1:] for x in DISJOINT], ids=[x[0] for x in DISJOINT])
def test_disjoint(a, b, want):
    assert intervals.disjoint(a, b) is want
    assert intervals.disjoint(b, a) is want


POINTS = [
    ("exact", c(12, 12), 12.0),
    ("at-least", c(12, None), 12.0),
    ("up-to", c(None, 50), 50.0),
    ("range-has-no-point", c(100, 120), None),
    ("unknown", c(None, None), None),
]


@pytest.mark.parametrize("claim,want", [x[1:] for x in POINTS], ids=[x[0] for x in POINTS])
def test_point(claim, want):
    assert intervals.point(claim) == want


PARTS = [
    ("32-agents-within-100-120", c(32, 32), c(100, 120), False),
    ("part-above-whole", c(40, 40), c(10, 10), True),
    ("part-at-least-vs-open-whole", c(40, None), c(10, None), False),
    ("part-equal-whole", c(10, 10), c(10, 10), False),
]


@pytest.mark.parametrize("part,whole,want", [x[1:] for x in PARTS], ids=[x[0] for x in PARTS])
def test_part_exceeds(part, whole, want):
    assert intervals.part_exceeds(part, whole) is want


SUMS = [
    ("35-children-and-7-adults", [c(35, 35), c(7, 7)], (42.0, 42.0)),
    ("open-part", [c(2, None), c(3, 3)], (5.0, float("inf"))),
]


@pytest.mark.parametrize("parts,want", [x[1:] for x in SUMS], ids=[x[0] for x in SUMS])
def test_sum_of_parts(parts, want):
    iv = intervals.sum_intervals(parts)
    assert (iv.low, iv.high) == want
