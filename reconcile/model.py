"""Value objects shared by every layer: frozen dataclasses, no I/O.

The flow is ``Document`` -> (extract) -> ``Claim`` -> (engine) ->
``Quantity`` + ``Contradiction``.  The store persists them; the CLI prints
them.  Nothing here imports SQLAlchemy, click or quantulum3.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

# Canonical measures (README, "Claims").  Any other count keeps a plain lower-case
# verb such as "fired", "seized", "destroyed".
CASUALTY_MEASURES: tuple[str, ...] = (
    "killed", "wounded", "missing", "detained", "displaced", "shot", "casualties",
)
STANCES: tuple[str, ...] = ("assert", "confirm", "deny", "hedge")
QUALIFIERS: tuple[str, ...] = (
    "exact", "at-least", "more-than", "up-to", "fewer-than", "about", "range", "vague", "zero",
)
CLAIMANT_KINDS: tuple[str, ...] = (
    "government", "military", "police", "official", "ngo", "media", "person", "group", "unknown",
)
CONTRADICTION_KINDS: tuple[str, ...] = ("disjoint", "denial", "self", "revision", "update", "exceeds-total")
STATUSES: tuple[str, ...] = ("consistent", "disputed", "revised")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from a file, a JSON line or an HTML page.

    ``text`` is the full text that claim offsets refer to (header lines
    included for plain text; the extracted article text for HTML and JSON
    lines).  ``body_start`` is where the article body begins inside ``text``.
    """

    path: str
    text: str
    sha256: str
    body_start: int = 0
    title: str | None = None
    source: str | None = None          # the outlet
    url: str | None = None
    published: dt.date | None = None   # publication date, the reference for "on Sunday"
    encoding: str = "utf-8"
    format: str = "text"               # text | jsonl | html
    line: int | None = None            # line number inside a JSON-lines file
    ext_id: str | None = None          # the "id" of a JSON line


@dataclass(frozen=True, slots=True)
class Figure:
    """A count found by the number grammar, before any measure is known.

    ``low``/``high`` are the interval (``None`` = open end); ``qualifier`` is
    one of QUALIFIERS; ``rule`` names the grammar rule that matched.
    """

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    qualifier: str = "exact"
    vague: bool = False
    rule: str = ""
    noun: str | None = None            # for zeros and "both": the head noun inside the span ("Americans")


@dataclass(frozen=True, slots=True)
class EventAnchor:
    """What a claim says about its event, used by the engine to group claims."""

    date: dt.date | None = None        # resolved event date
    date_text: str | None = None       # the words it came from ("on Sunday")
    place: str | None = None           # best place name in the sentence or the document
    places: tuple[str, ...] = ()       # all place names seen near the claim / in the document
    kinds: tuple[str, ...] = ()        # event words: shooting, bombing, earthquake, ...


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim: a figure, what it counts, who says it, and how."""

    doc: str                           # the document path as given
    start: int
    end: int
    text: str                          # doc_text[start:end]
    measure: str
    low: float | None
    high: float | None
    qualifier: str = "exact"
    vague: bool = False
    subject: str | None = None
    claimant: str | None = None        # None: the outlet's own voice
    claimant_kind: str = "unknown"
    via: tuple[str, ...] = ()          # attribution chain outward: ("Tass",) for "Tass reported that X said"
    stance: str = "assert"
    sentence: str = ""
    sentence_start: int = 0
    event: EventAnchor = field(default_factory=EventAnchor)
    rules: tuple[str, ...] = ()        # every rule that fired, in order: grammar, measure, attribution, stance
    derived: bool = False              # computed (10 shot, one fatally -> 9 wounded), not stated
    published: dt.date | None = None   # the document's date (for revisions)
    source: str | None = None          # the outlet of the document
    url: str | None = None             # the document's address (links in the HTML report)
    id: int | None = None              # set by the store

    def with_id(self, claim_id: int) -> "Claim":
        return replace(self, id=claim_id)

    def as_dict(self) -> dict[str, Any]:
        """The claim as the JSON object of ``reconcile extract --format jsonl`` (README, "Claims")."""
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "measure": self.measure,
            "low": _num(self.low),
            "high": _num(self.high),
            "qualifier": self.qualifier,
            "vague": self.vague,
            "subject": self.subject,
            "claimant": self.claimant,
            "claimant_kind": self.claimant_kind,
            "via": list(self.via),
            "stance": self.stance,
            "derived": self.derived,
            "event_date": self.event.date.isoformat() if self.event.date else None,
            "place": self.event.place,
            "event_kinds": list(self.event.kinds),
            "rules": list(self.rules),
            **({"id": self.id} if self.id is not None else {}),
        }


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims about one quantity that cannot both hold, and why."""

    kind: str                          # one of CONTRADICTION_KINDS
    a: Claim
    b: Claim
    quantity: str                      # the Quantity.key both belong to (or whole/part keys for exceeds-total)
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "quantity": self.quantity,
            "explanation": self.explanation,
            "a": self.a.as_dict(),
            "b": self.b.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number that several claims compete for: same event, measure and scope."""

    key: str                           # stable id: "<event>|<measure>|<scope>"
    event: str                         # event label ("2026-01-03 Caracas operation")
    measure: str
    scope: str                         # normalised subject ("all", "children", "us", "agents (part)")
    claims: tuple[Claim, ...]
    low: float | None
    best: float | None
    high: float | None
    status: str                        # one of STATUSES
    reasons: dict[str, str] = field(default_factory=dict)   # "low"/"best"/"high" -> rule that chose it
    sources: int = 0                   # independent sources after collapsing chains and aliases
    current: Claim | None = None       # the latest figure when revised

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "event": self.event,
            "measure": self.measure,
            "scope": self.scope,
            "low": _num(self.low),
            "best": _num(self.best),
            "high": _num(self.high),
            "status": self.status,
            "reasons": dict(sorted(self.reasons.items())),
            "sources": self.sources,
            "claims": [c.as_dict() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """What the engine returns for a set of claims."""

    quantities: tuple[Quantity, ...]
    contradictions: tuple[Contradiction, ...]


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x
