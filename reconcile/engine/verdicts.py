"""Contradiction kinds, revision versus dispute, low/best/high with reasons, derived figures."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace
from typing import Callable, Mapping, Sequence

from ..model import Claim, Contradiction
from . import intervals

# Kinds, in the order _kind tries them for a pair that cannot both hold:
#   denial   exactly one side denies (the denial targets the other's figure)
#   self     one claimant contradicts itself (same document, or reports of one
#            day in no known order); a smaller figure it gives further on in
#            the same report is a breakdown (``_breakdown``), not a pair at all
#   revision the same claimant, in a later report (by publication date; for two
#            reports of one day, the one the store received later), supersedes
#            its own earlier figure
#   update   a different claimant's later report gives a higher toll: a
#            developing story's toll rises (a later figure that falls without a
#            correction stays a dispute, ``disjoint``)
#   disjoint the intervals do not overlap


def _later(a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
    """(earlier, later) by publication date, then, for two reports of one day, by the order the store
    received them (reports of a developing story come in as it develops); None when nothing tells."""
    if a.published is None or b.published is None:
        return None
    if a.published == b.published:
        if a.doc == b.doc or a.id is None or b.id is None or a.id == b.id:
            return None
        return (a, b) if a.id < b.id else (b, a)
    return (a, b) if a.published < b.published else (b, a)


class _Side:
    """One claim of a pair with what every comparison reads, computed once per claim
    (a quantity of n claims is compared n*(n-1)/2 times)."""

    __slots__ = ("c", "iv", "deny", "vague", "voice", "text")

    def __init__(self, c: Claim, key: Callable[[Claim], str]) -> None:
        self.c = c
        self.iv = intervals.of(c)
        self.deny = c.stance == "deny"
        self.vague = c.vague
        self.voice = key(c)
        self.text = _fmt(c)


def _clash(a: _Side, b: _Side) -> bool:
    """The two figures cannot both hold: disjoint intervals, or exactly one side denies."""
    if a.deny != b.deny:
        return True
    if a.vague or b.vague:
        return False   # "thousands", "dozens": too loose to contradict a figure on their own
    return not a.iv.overlaps(b.iv)


def _kind(sa: _Side, sb: _Side) -> tuple[str, str]:
    a, b = sa.c, sb.c
    if sa.deny != sb.deny:
        d, o = (sa, sb) if sa.deny else (sb, sa)
        return "denial", f"{_who(d.c)} denies {d.text} against {_who(o.c)}'s {o.text}"
    same_voice = sa.voice == sb.voice
    order = _later(a, b)
    if same_voice and (a.doc == b.doc or order is None):
        return "self", f"{_who(a)} gives both {sa.text} and {sb.text}"
    if order is not None:
        early, late = (sa, sb) if order[0] is a else (sb, sa)
        rising = late.iv.low > early.iv.high
        if same_voice or rising:
            when = (f"{early.c.published}", f"{late.c.published}") if early.c.published != late.c.published \
                else (f"{early.c.published}", f"a later report of {late.c.published}")
            if same_voice:
                return "revision", f"{early.text} ({when[0]}) revised to {late.text} ({when[1]})"
            return "update", (f"{_who(early.c)}'s {early.text} ({when[0]}) rose to "
                              f"{_who(late.c)}'s {late.text} ({when[1]})")
    return "disjoint", f"{sa.text} and {sb.text} do not overlap" if not sa.iv.overlaps(sb.iv) \
        else f"{sa.text} against {sb.text}"


def _fmt(c: Claim) -> str:
    lo, hi = c.low, c.high
    def n(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)
    if lo is not None and hi is not None:
        return n(lo) if lo == hi else f"{n(lo)}-{n(hi)}"
    if lo is not None:
        return f"at least {n(lo)}"
    if hi is not None:
        return f"up to {n(hi)}"
    return "an unknown number"


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _who(c: Claim) -> str:
    return c.claimant or (c.source or "the outlet")


def contradictions(quantity_key: str, claims: Sequence[Claim], key: Callable[[Claim], str], *,
                   same_doc_only: bool = False) -> list[Contradiction]:
    """Every pair of claims in one quantity that cannot both hold.

    ``same_doc_only``: other counts (houses damaged, bombs dropped) are compared
    within one report only; across reports their scopes rarely line up.
    """
    out: list[Contradiction] = []
    sides = [_Side(c, key) for c in claims]
    for i, sa in enumerate(sides):
        a = sa.c
        for sb in sides[i + 1:]:
            b = sb.c
            if same_doc_only and a.doc != b.doc:
                continue
            if _same_figure(a, b):
                continue
            if not _clash(sa, sb):
                continue
            if _breakdown(sa, sb):
                continue
            kind, why = _kind(sa, sb)
            out.append(Contradiction(kind, a, b, quantity_key, why))
    return out


#: words that say a report revises its own figure ("initially", "earlier", "revised"): a smaller
#: figure after them is a correction, not a breakdown
_UPDATE_WORDS = re.compile(r"(?i)\b(?:initial(?:ly)?|earlier|first\s+(?:reported|said|put)|previous(?:ly)?|"
                           r"revised|lowered|corrected|had\s+(?:said|reported|put)|down\s+from|later\s+said)\b")


def _breakdown(sa: _Side, sb: _Side) -> bool:
    """One voice in one report gives a figure and, further on, a smaller one for the same measure:
    news states the toll first and breaks it down after (those at one place, of one group, on one
    day), so the later, smaller figure counts a part the words did not mark, not a rival.  A stated
    correction ("police initially said five, later three") stays a contradiction."""
    a, b = sa.c, sb.c
    if a.doc != b.doc or sa.voice != sb.voice or sa.deny or sb.deny:
        return False
    first, later = (sa, sb) if (a.start, a.end) <= (b.start, b.end) else (sb, sa)
    if not later.iv.high < first.iv.low:
        return False
    return not any(c.sentence and _UPDATE_WORDS.search(c.sentence) for c in (a, b))


def _same_figure(a: Claim, b: Claim) -> bool:
    """One figure read twice (same span), never a contradiction -- unless one party rejects the
    other's figure ("rebels said they killed 40, a claim the army rejected")."""
    if not (a.doc == b.doc and a.start == b.start and a.end == b.end):
        return False
    return (a.stance == "deny") == (b.stance == "deny") or a.claimant == b.claimant


# ---------------------------------------------------------------------------
# Bounds and best estimate.
# ---------------------------------------------------------------------------
def bounds(claims: Sequence[Claim], key: Callable[[Claim], str]) -> tuple[
        float | None, float | None, float | None, dict[str, str], Claim | None]:
    """(low, best, high, reasons, current) over a quantity's claims.

    * low:  the least value any non-denied claim allows (its lower bound),
      rule ``low.min-claimed``; ``low.max-floor`` when only open bounds exist.
    * high: the greatest finite upper bound claimed, rule ``high.max-claimed``;
      open (None) when a claimed floor is above it or every claim is open.
    * best: the latest non-denied exact figure backed by the most
      independent sources; else the highest stated floor ("at least 12" ->
      12); else the middle of a range.  ``reasons`` names the rule and the
      claim (``doc@start``) behind each bound.
    """
    reasons: dict[str, str] = {}
    live = [c for c in claims if c.stance != "deny" and not c.derived] or \
           [c for c in claims if c.stance != "deny"]
    if not live:
        reasons.update(low="low.none.all-denied", best="best.none.all-denied", high="high.none.all-denied")
        return None, None, None, reasons, None
    firm = [c for c in live if not c.vague] or live
    ivs = [(intervals.of(c, widen_vague=False), c) for c in firm]
    # low
    lo_iv, lo_c = min(ivs, key=lambda t: (t[0].low, _pos(t[1])))
    low = lo_iv.low
    reasons["low"] = "low.min-claimed"
    reasons["low.claim"] = _ref(lo_c)
    # high
    finite = [(iv, c) for iv, c in ivs if iv.high != intervals.INF]
    floor_iv, floor_c = max(ivs, key=lambda t: (t[0].low, -_pos(t[1])[0].toordinal() if False else 0))
    if finite:
        hi_iv, hi_c = max(finite, key=lambda t: (t[0].high, _neg_pos(t[1])))
        if floor_iv.low > hi_iv.high:
            high = None
            reasons["high"] = "high.open.floor-above-ceilings"
            reasons["high.claim"] = _ref(floor_c)
        else:
            high = hi_iv.high
            reasons["high"] = "high.max-claimed"
            reasons["high.claim"] = _ref(hi_c)
    else:
        high = None
        reasons["high"] = "high.open.all-open"
        reasons["high.claim"] = _ref(floor_c)
    # best
    best, rule, best_c = _best(firm, key)
    reasons["best"] = rule
    if best_c is not None:
        reasons["best.claim"] = _ref(best_c)
    if best is not None:
        if low is not None and best < low:
            low = best
        if high is not None and best > high:
            high = best
    current = _current(firm)
    return low, best, high, reasons, current


def _pos(c: Claim) -> tuple:
    return (c.published or dt.date.min, c.doc, c.start)


def _neg_pos(c: Claim) -> tuple:
    return (-(c.published or dt.date.min).toordinal(), c.doc, -c.start)


def _ref(c: Claim) -> str:
    return f"{c.doc}@{c.start}"


#: measures whose later, higher figure supersedes an earlier one: tolls rise as victims die
RISING_MEASURES = frozenset({"killed", "missing", "displaced", "casualties"})


def _best(claims: Sequence[Claim], key: Callable[[Claim], str]) -> tuple[float | None, str, Claim | None]:
    rising = bool(claims) and claims[0].measure in RISING_MEASURES
    exact = [c for c in claims if c.low is not None and c.low == c.high]
    if exact:
        # support of each value: independent voices, latest publication, how often stated
        voices: dict[float, set[str]] = defaultdict(set)
        latest: dict[float, dt.date] = {}
        count: dict[float, int] = defaultdict(int)
        rep: dict[float, Claim] = {}
        for c in exact:
            v = float(c.low)
            voices[v].add(key(c))
            count[v] += 1
            d = c.published or dt.date.min
            if v not in latest or d > latest[v]:
                latest[v] = d
            if v not in rep or _pos(c) > _pos(rep[v]):
                rep[v] = c
        # a figure that a stated floor exceeds is out of date ("at least 34" beats "22")
        open_floors = [c for c in claims if c.low is not None and c.high is None]
        top = max(open_floors, key=lambda c: (float(c.low), _pos(c))) if open_floors else None
        ok = [v for v in voices if top is None or v >= float(top.low)]
        if not ok:
            return float(top.low), "best.floor-above-exact", top
        # the figure most independent voices give; a later report that raises it wins (tolls rise
        # as victims die and bodies are found), a later one that lowers it does not on its own
        v = max(ok, key=lambda v: (len(voices[v]), count[v], latest[v], v))
        newest = max(ok, key=lambda v: (latest[v], len(voices[v]), count[v], v))
        if rising and latest[newest] > latest[v] and newest > v:
            return newest, "best.latest-exact-higher", rep[newest]
        tied = [u for u in ok if (len(voices[u]), count[u]) == (len(voices[v]), count[v])]
        if len(tied) > 1 and len({latest[u] for u in tied}) > 1:
            return v, "best.latest-exact", rep[v]    # equal support: the latest report
        if len(ok) == 1:
            return v, "best.exact", rep[v]
        return v, "best.most-sources-exact", rep[v]
    floors = [c for c in claims if c.low is not None]
    if floors:
        c = max(floors, key=lambda c: (float(c.low), _pos(c)))
        if c.high is None:
            return float(c.low), "best.floor", c
        return (float(c.low) + float(c.high)) / 2, "best.range-middle", c
    ceils = [c for c in claims if c.high is not None]
    if ceils:
        c = min(ceils, key=lambda c: (float(c.high), _pos(c)))
        return float(c.high), "best.ceiling", c
    return None, "best.none", None


def _current(claims: Sequence[Claim]) -> Claim | None:
    dated = [c for c in claims if c.published is not None]
    if not dated:
        return None
    return max(dated, key=_pos)


def status(contras: Sequence[Contradiction]) -> str:
    if not contras:
        return "consistent"
    if all(c.kind in ("revision", "update") for c in contras):
        return "revised"
    return "disputed"


# ---------------------------------------------------------------------------
# Derived figures and parts of totals.
# ---------------------------------------------------------------------------
DERIVED_RULE = "derived.wounded=shot-killed"


def derive_wounded(group: Sequence[Claim]) -> list[Claim]:
    """10 shot, one fatally -> 9 wounded, when the same document and event give no wounded figure.

    ``group`` holds one document's claims about one event.
    """
    if any(c.measure == "wounded" for c in group):
        return []
    def firm(c: Claim) -> bool:
        return (c.low is not None and c.low == c.high and c.stance != "deny" and not c.vague
                and not any(r.startswith("part.") for r in c.rules))
    shot = [c for c in group if c.measure == "shot" and firm(c)]
    killed = [c for c in group if c.measure == "killed" and firm(c)]
    if not shot or not killed:
        return []
    s = max(shot, key=lambda c: (c.low, -c.start))
    k = max(killed, key=lambda c: (c.low, -c.start))
    if k.low > s.low:
        return []
    w = float(s.low) - float(k.low)
    return [replace(s, measure="wounded", low=w, high=w, qualifier="exact", derived=True,
                    subject=s.subject, rules=(*s.rules, DERIVED_RULE), id=None)]


#: beyond this ratio a part and a total are figures of different events
PART_FACTOR = 10


def exceeds_total(whole_key: str, wholes: Sequence[Claim], parts_by_scope: Mapping[str, Sequence[Claim]],
                  ) -> list[Contradiction]:
    """Parts larger than their whole: a part alone, or parts one document adds up (men + women)."""
    out: list[Contradiction] = []
    firm_wholes = [w for w in wholes if w.stance != "deny" and not w.vague]
    for scope in sorted(parts_by_scope):
        for p in parts_by_scope[scope]:
            if p.stance == "deny" or p.vague:
                continue
            for w in firm_wholes:
                # a total published before the part is usually an early toll, not a contradiction; inside
                # one report, a "total" smaller than a part elsewhere in it counts some other group or
                # incident far more often than the report contradicts itself: only a part and total of one
                # sentence ("12 died, including 15 children") are checked
                if p.doc == w.doc:
                    later_or_same = p.sentence_start == w.sentence_start
                else:
                    later_or_same = p.published is not None and w.published is not None and w.published >= p.published
                # a "part" ten times its "whole" is another event's figure, not a part
                far = p.low is not None and w.high is not None and p.low > PART_FACTOR * max(w.high, 1)
                if later_or_same and not far and intervals.part_exceeds(p, w):
                    out.append(Contradiction("exceeds-total", p, w, whole_key,
                                             f"{_fmt(p)} {scope} exceeds the total of {_fmt(w)}"))
    return out


NO_DEATHS_RULE = "derived.killed=0.no-death-reported"
def derive_no_deaths(event_claims: Sequence[Claim]) -> Claim | None:
    """Killed 0 for an event whose reports count wounded or shot people and never mention a death.

    The derived claim copies the first injury figure as its evidence (``derived=True``,
    rule ``derived.killed=0.no-death-reported``); it never takes part in a contradiction.
    """
    stated = [c for c in event_claims if not c.derived]
    if not stated or not all(c.sentence for c in stated):
        return None   # only what was read can show that nobody died
    if any(c.measure in ("killed", "casualties") for c in stated):
        return None
    injured = [c for c in stated if c.measure in ("wounded", "shot") and c.stance != "deny"
               and c.low is not None and c.low > 0 and not any(r.startswith("part.") for r in c.rules)]
    if not injured or any("doc.mentions.death" in c.rules for c in stated):   # set by the extractor
        return None
    src = min(injured, key=lambda c: (c.published or dt.date.min, c.doc, c.start))
    return replace(src, measure="killed", low=0.0, high=0.0, qualifier="zero", vague=False, subject=None,
                   derived=True, rules=(*src.rules, NO_DEATHS_RULE), id=None)


NO_INJURIES_RULE = "derived.wounded=0.no-injury-reported"
def derive_no_injuries(event_claims: Sequence[Claim]) -> Claim | None:
    """Wounded 0 for an event whose reports count the dead and never mention anyone hurt.

    The mirror of :func:`derive_no_deaths`: the derived claim copies the first death figure
    as its evidence (``derived=True``, rule ``derived.wounded=0.no-injury-reported``).
    """
    stated = [c for c in event_claims if not c.derived]
    if not stated or not all(c.sentence for c in stated):
        return None   # only what was read can show that nobody was hurt
    if any(c.measure in ("wounded", "shot", "casualties", "hospitalized") for c in stated):
        return None
    dead = [c for c in stated if c.measure == "killed" and c.stance != "deny" and c.low is not None and c.low > 0
            and not any(r.startswith("part.") for r in c.rules)]
    if not dead or any("doc.mentions.injury" in c.rules for c in stated):   # set by the extractor
        return None
    src = min(dead, key=lambda c: (c.published or dt.date.min, c.doc, c.start))
    return replace(src, measure="wounded", low=0.0, high=0.0, qualifier="zero", vague=False, subject=None,
                   derived=True, rules=(*src.rules, NO_INJURIES_RULE), id=None)
