"""Second opinion on measurements, money and percentages, from quantulum3.

This is the only module of the project that imports quantulum3.  The import
is lazy (the library loads its unit tables and a classifier, ~2 s) and its
UserWarning about the classifier is silenced.  quantulum3 is slow (a few ms
per sentence), so ``numbers.find_non_counts`` calls it only on short windows
around a number followed by a word that none of its own rules know.

Only quantities whose unit belongs to a known physical dimension, a currency
or a percentage are returned; ``dimensionless`` readings and odd guesses
(``20 Kurds`` read as "atomic mass unit rutherford second", entity
``unknown``) are rejected.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Any

# quantulum3 entity names (unit.entity.name) that make a number a non-count.
ACCEPTED_ENTITIES: frozenset[str] = frozenset({
    "length", "mass", "area", "volume", "speed", "velocity", "temperature",
    "energy", "power", "currency", "time", "pressure", "force", "frequency",
    "acceleration", "density", "angle", "charge", "current", "voltage",
    "data storage", "information", "electric potential", "volumetric flow",
    "mass flow", "fuel economy",
})
# unit names accepted even though their entity is "dimensionless".
ACCEPTED_UNITS: frozenset[str] = frozenset({"percentage", "per mille", "parts per million"})
# unit names never accepted (misreadings of ordinary words as units).
REJECTED_UNITS: frozenset[str] = frozenset({"dimensionless", "atomic mass unit", ""})

_DIGIT = re.compile(r"\d")

_parser: Any = None


def _get_parser() -> Any:
    global _parser
    if _parser is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser  # the project's only quantulum3 import
        _parser = parser
    return _parser


@lru_cache(maxsize=4096)
def _parse_window(window: str) -> tuple[tuple[int, int, str], ...]:
    parser = _get_parser()
    out: list[tuple[int, int, str]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quants = parser.parse(window)
    except Exception:  # quantulum3 can raise on odd input; it is only a second opinion
        return ()
    for q in quants:
        unit = getattr(q, "unit", None)
        if unit is None:
            continue
        uname = (getattr(unit, "name", "") or "").lower()
        entity = getattr(getattr(unit, "entity", None), "name", "") or ""
        if uname in REJECTED_UNITS or entity in ("unknown", ""):
            continue
        if entity == "dimensionless" and uname not in ACCEPTED_UNITS:
            continue
        if entity != "dimensionless" and entity not in ACCEPTED_ENTITIES:
            continue
        span = getattr(q, "span", None)
        if not span:
            continue
        s, e = int(span[0]), int(span[1])
        if 0 <= s < e <= len(window) and _DIGIT.search(window[s:e]):
            reason = "money" if entity == "currency" else (
                "percentage" if uname in ACCEPTED_UNITS else "measurement")
            out.append((s, e, reason))
    return tuple(out)


def measurement_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Spans of ``text[start:end]`` that quantulum3 reads as a physical
    quantity, money or a percentage, as ``(start, end, reason)`` with absolute
    offsets; reason is ``measurement``, ``money`` or ``percentage``."""
    if end is None:
        end = len(text)
    window = text[start:end]
    if not _DIGIT.search(window):
        return []
    return [(start + s, start + e, r) for s, e, r in _parse_window(window)]
