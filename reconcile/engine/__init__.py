"""The reconciliation engine: ``reconcile(claims, options) -> Reconciliation``.  Pure Python.

Steps:

1. events (``grouping``): each document's claims share its main event unless
   their anchor names another date or kind; documents' events join across
   articles by date window, place and kind words.
2. derived figures (``verdicts.derive_wounded``): "10 shot, one fatally" gives
   9 wounded when the document states no wounded figure.
3. quantities: same event, measure and scope (``scoping.scope_of``).
4. contradictions (``verdicts``): every pair that cannot both hold, with its
   kind; parts larger than their whole (``exceeds-total``).
5. low / best / high with the rule and claim behind each, status, sources.

Output is sorted: quantities by key, contradictions by (quantity, a.doc,
a.start, b.doc, b.start).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

from ..model import CASUALTY_MEASURES, Claim, Contradiction, Quantity, Reconciliation
from . import grouping, intervals, verdicts
from . import scope as scoping

__all__ = ["EngineOptions", "reconcile", "quantity_keys", "ordered", "claim_order", "contradiction_order"]


@dataclass(frozen=True)
class EngineOptions:
    window_days: int = 3                       # event dates this close may be one event
    undated_joins: bool = True                 # claims with unknown dates may join by place + kind
    aliases: Mapping[str, str] = field(default_factory=dict)   # claimant alias -> canonical name


def claim_order(c: Claim) -> tuple:
    """The order of claims everywhere in the engine's output."""
    return (c.doc, c.start, c.end, c.measure, c.derived,
            c.low if c.low is not None else -1.0, c.high if c.high is not None else -1.0)


def contradiction_order(x: Contradiction) -> tuple:
    """The order of the engine's contradictions."""
    return (x.quantity, x.a.doc, x.a.start, x.b.doc, x.b.start, x.kind)


def _sort_claims(claims: Sequence[Claim]) -> list[Claim]:
    return sorted(claims, key=claim_order)


def ordered(quantities: Sequence[Quantity], contradictions: Sequence[Contradiction]) -> Reconciliation:
    """A Reconciliation in the engine's order (for output read back from a store)."""
    qs = sorted((replace(q, claims=tuple(_sort_claims(q.claims))) for q in quantities), key=lambda q: q.key)
    return Reconciliation(quantities=tuple(qs), contradictions=tuple(sorted(contradictions, key=contradiction_order)))


def quantity_keys(claims: Sequence[Claim], options: EngineOptions = EngineOptions()) -> dict[int, tuple[str, str, str, str]]:
    """For each claim position: (event label, measure, scope, quantity key)."""
    events, assign, _rules = grouping.local_events(claims, options.window_days)
    cluster = grouping.cluster_events(events, options.window_days, options.undated_joins)
    members: dict[int, list[int]] = defaultdict(list)
    for i, cl in enumerate(cluster):
        members[cl].append(i)
    labels: dict[int, str] = {}
    used: dict[str, int] = defaultdict(int)
    # stable labels: clusters ordered by their label then their first document
    order = sorted(members, key=lambda cl: (grouping.event_label([events[i] for i in members[cl]]),
                                            min((events[i].doc, events[i].index) for i in members[cl])))
    for cl in order:
        base = grouping.event_label([events[i] for i in members[cl]])
        used[base] += 1
        labels[cl] = base if used[base] == 1 else f"{base} #{used[base]}"
    main_date = {e.doc: e.date for e in events if e.index == 0}
    # the places each event's reports are about (their main places), for place-limited parts
    event_places: dict[int, set[str]] = defaultdict(set)
    all_places: dict[int, set[str]] = defaultdict(set)   # every salient place of the event's reports
    for i, e in enumerate(events):
        if e.place:
            event_places[cluster[i]] |= scoping.place_words(e.place)
        all_places[cluster[i]] |= e.places
    out = {}
    previous_measure = _previous_measures(claims)
    hit_counts = _hit_counts(claims)
    for i, c in enumerate(claims):
        label = labels[cluster[assign[i]]]
        ev = events[assign[i]]
        sc = scoping.scope_of(c.subject)
        scope = sc.scope
        if c.measure in CASUALTY_MEASURES and sc.rule == "scope.head-noun":
            scope = "all"   # people are killed and wounded: a subject with no people word names no group
        if scope in ("men", "women") and (c.low or 0) >= 2 and not _in_a_list(c):
            scope = "all"   # "four men were wounded" names the victims; "two women and a man" lists parts
        if c.measure == "detained" and scope in DETAINED_ALL:
            scope = "all"   # everyone arrested is a suspect: "two suspects", "both men", "no arrests" meet
        if scope == "all" and scoping.WITH_PERPETRATORS in c.rules:
            scope = "all+perpetrators"   # "nine dead, including the gunman" is not the toll of eight victims
        if _origin_part(c) or is_part(c) or scoping.clause_part(
                c, frozenset(event_places[cluster[assign[i]]]), previous_measure[i],
                frozenset(all_places[cluster[assign[i]]])):
            # a part is a quantity of its own ("two of them in critical condition"): it is not a
            # rival of the total, nor of another report's part
            scope = f"part-{scope}@{c.doc.rsplit('/', 1)[-1]}:{c.start}"
        if _background(ev, main_date.get(ev.doc)):
            scope = f"past-{scope}"
        measure = "shot" if i in hit_counts else c.measure
        out[i] = (label, measure, scope, f"{label}|{measure}|{scope}")
    return out


#: victims picked out by where they come from ("four victims with Lakeside ties"): a part of the event's toll, not a rival of it
_ORIGIN = re.compile(r"\bwith (?:[A-Z][\w'\-]*\s+){1,3}(?:ties|roots|connections)\b")


def _origin_part(c: Claim) -> bool:
    return bool(c.subject) and bool(_ORIGIN.search(c.subject))


#: how far after a wounded figure "one of them died" still counts among those wounded
_HIT_REACH = 160


def _hit_counts(claims: Sequence[Claim]) -> set[int]:
    """Wounded figures that count everyone hit: the report's next figure, soon after, is a death
    picked out of them ("Police said 10 people were wounded. One of the victims died."), so the
    dead are among the wounded and the figure is the number shot."""
    out: set[int] = set()
    for i, c in enumerate(claims):
        if c.measure != "wounded" or c.derived or c.stance == "deny":
            continue
        nxt = next((d for d in claims[i + 1:i + 4] if d.doc == c.doc and d.start > c.end), None)
        if nxt is not None and nxt.measure == "killed" and "part.of" in nxt.rules \
                and nxt.start - c.end <= _HIT_REACH and c.low and nxt.low and nxt.low < c.low:
            out.add(i)
    return out


def _previous_measures(claims: Sequence[Claim]) -> list[str | None]:
    """For each claim (in claim order), the measure of the nearest figure before it in its sentence."""
    out: list[str | None] = [None] * len(claims)
    last: dict[tuple[str, int], tuple[int, str]] = {}     # (doc, sentence) -> (figure start, measure)
    current: dict[tuple[str, int], tuple[int, str | None]] = {}
    for i, c in enumerate(claims):
        if not c.sentence:
            continue
        k = (c.doc, c.sentence_start)
        cur = current.get(k)
        if cur is None or cur[0] != c.start:
            # a new figure: the figures before it end with the last one seen
            if cur is not None:
                last[k] = (cur[0], cur[1])
            current[k] = (c.start, c.measure)
        prev = last.get(k)
        out[i] = prev[1] if prev else None
    return out


#: a report's other event this far from its own is background ("the 2004 tsunami killed 230,000")
BACKGROUND_DAYS = 60


def _background(ev: grouping.LocalEvent, main: "dt.date | None") -> bool:
    """An earlier event a report recalls in passing: its figures are context, never disputed here."""
    if ev.index == 0:
        return False
    if ev.date is None or main is None:
        return True
    return abs((ev.date - main).days) > BACKGROUND_DAYS


#: scopes that name everyone held when the measure is ``detained``
DETAINED_ALL = frozenset({"suspects", "men", "women", "arrest", "others", "people"})


_LIST_BEFORE = re.compile(r"(?i)(?:\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)\b)[^.;]{0,25}(?:\band|,)\s*$")
_LIST_AFTER = re.compile(r"(?i)^[^.;]{0,25}?(?:\band|,)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d)")


def _in_a_list(c: Claim) -> bool:
    """The figure is one item of a list of groups ("two women and one man")."""
    if c.subject and re.search(r",|\band\b", c.subject):
        return True
    if not c.sentence:
        return False
    s0, s1 = c.start - c.sentence_start, c.end - c.sentence_start
    return bool(_LIST_BEFORE.search(c.sentence[max(0, s0 - 40):s0]) or _LIST_AFTER.match(c.sentence[s1:s1 + 40]))


def _shown_scope(scope: str) -> str:
    """The scope as people read it: "part-agents@a.txt:120" -> "agents (part)"."""
    if scope.startswith("part-"):
        return f"{scope[5:].split('@', 1)[0]} (part)"
    if scope.startswith("past-"):
        return f"{scope[5:]} (earlier event)"
    return scope


def is_part(c: Claim) -> bool:
    """A figure the extractor marked as a part of a larger count ("four other people", "15 of them")."""
    return any(r.startswith("part.") for r in c.rules)


def reconcile(claims: Sequence[Claim], options: EngineOptions = EngineOptions()) -> Reconciliation:
    """Group claims into quantities and flag every pair that cannot both hold."""
    claims = _sort_claims(claims)
    keys = quantity_keys(claims, options)
    # derived wounded: per document and event
    per_doc_event: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        per_doc_event[(c.doc, keys[i][0])].append(c)
    all_claims = list(claims)
    all_keys = [keys[i] for i in range(len(claims))]
    for (doc, label), group in sorted(per_doc_event.items()):
        for d in verdicts.derive_wounded(group):
            scope = scoping.scope_of(d.subject).scope
            all_claims.append(d)
            all_keys.append((label, d.measure, scope, f"{label}|{d.measure}|{scope}"))

    # no death reported: an event whose reports give wounded or shot figures and never a death
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for c, k in zip(all_claims, all_keys):
        by_event[k[0]].append(c)
    docs_of_event: dict[str, list[str]] = defaultdict(list)
    for doc, label in sorted(per_doc_event):
        docs_of_event[label].append(doc)
    for label in sorted(by_event):
        derived = [verdicts.derive_no_deaths(by_event[label]), verdicts.derive_no_injuries(by_event[label])]
        if derived[0] is not None:
            # nobody died: each report's shot figure is its wounded figure (5 shot, 0 killed -> 5 wounded)
            derived += [w for doc in docs_of_event[label]
                        for w in verdicts.derive_wounded([*per_doc_event[(doc, label)], derived[0]])]
        for d in derived:
            if d is not None:
                scope = scoping.scope_of(d.subject).scope
                all_claims.append(d)
                all_keys.append((label, d.measure, scope, f"{label}|{d.measure}|{scope}"))

    voices: dict[tuple[str | None, ...], str] = {}

    def voice(c: Claim) -> str:
        # a named claimant's key depends on the name alone; the outlet's voice on source and doc
        k = (c.claimant,) if c.claimant and c.claimant.strip() else (c.claimant, c.source, c.doc)
        v = voices.get(k)
        if v is None:
            v = voices[k] = grouping.original_source(c, options.aliases)
        return v

    groups: dict[str, list[Claim]] = defaultdict(list)
    meta: dict[str, tuple[str, str, str]] = {}
    for c, (label, measure, scope, key) in zip(all_claims, all_keys):
        groups[key].append(c)
        meta[key] = (label, measure, scope)

    quantities: list[Quantity] = []
    contras: list[Contradiction] = []
    for key in sorted(groups):
        qclaims = _sort_claims(groups[key])
        label, measure, scope = meta[key]
        rivals = [] if scope.startswith("past-") else [c for c in qclaims if not c.derived and not is_part(c)]
        cs = verdicts.contradictions(key, rivals, voice, same_doc_only=measure not in CASUALTY_MEASURES)
        low, best, high, reasons, current = verdicts.bounds(qclaims, voice)
        reasons["scope"] = scoping.scope_of(qclaims[0].subject).rule
        st = verdicts.status(cs)
        sources = len({voice(c) for c in qclaims if not c.derived})
        quantities.append(Quantity(key=key, event=label, measure=measure, scope=_shown_scope(scope), claims=tuple(qclaims),
                                   low=low, best=best, high=high, status=st, reasons=reasons,
                                   sources=sources, current=current if st == "revised" else None))
        contras.extend(cs)
    # parts larger than their whole (same event and measure, scope a part of "all")
    by_event_measure: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for key, cl in groups.items():
        label, measure, scope = meta[key]
        by_event_measure[(label, measure)][scope].extend(c for c in cl if not c.derived)
    for (label, measure), scopes in sorted(by_event_measure.items()):
        if measure not in CASUALTY_MEASURES:
            continue  # other counts rarely name a whole ("12 failed ... both failed" are not part and total)
        wholes = scopes.get("all")
        if not wholes:
            continue
        parts = {s: cl for s, cl in scopes.items() if scoping.is_part_scope(s)}
        contras.extend(verdicts.exceeds_total(f"{label}|{measure}|all", _sort_claims(wholes), parts))
    contras.extend(_sums_exceeding_totals(all_claims, all_keys))
    contras.sort(key=contradiction_order)
    return Reconciliation(quantities=tuple(quantities), contradictions=tuple(contras))


def _sums_exceeding_totals(claims: Sequence[Claim], keys: Sequence[tuple[str, str, str, str]]) -> list[Contradiction]:
    """Parts a sentence lists ("35 children and 7 adults were killed") that add up to more than
    the total the same report states for the same event and measure."""
    lists: dict[tuple[str, str, str, int], list[Claim]] = defaultdict(list)
    totals: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c, (label, measure, scope, _key) in zip(claims, keys):
        if c.derived or c.stance == "deny" or c.vague or c.low is None or measure not in CASUALTY_MEASURES:
            continue
        if scope == "all":
            totals[(c.doc, label, measure)].append(c)
        elif scoping.is_part_scope(scope) and c.sentence:
            lists[(c.doc, label, measure, c.sentence_start)].append(c)
    out = []
    for (doc, label, measure, _s), parts in sorted(lists.items()):
        if len(parts) < 2:
            continue
        total = intervals.sum_intervals(parts)
        wholes = totals.get((doc, label, measure), [])
        if not wholes or not all(intervals.part_exceeds(total, w) for w in wholes):
            continue   # the report also gives a total the parts fit ("police later said 6")
        for whole in wholes:
            out.append(Contradiction(
                "exceeds-total", parts[0], whole, f"{label}|{measure}|all",
                f"the parts listed ({' + '.join(verdicts._fmt(p) for p in parts)} = "
                f"{verdicts._fmt_num(total.low)}) exceed the total of {verdicts._fmt(whole)}"))
    return out
