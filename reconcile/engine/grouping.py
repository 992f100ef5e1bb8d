"""Event identity and claimant aliases (quantity scopes are in ``scope.py``).

Everything here reads what the texts say (the claims' event anchors, subjects
and claimants), never file names or folders.  Rules are ordered, commented
tables; every decision carries a rule id.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..extract.lexicon import TITLE_WORDS
from ..model import Claim

# Nationality words kept in a scope ("Cuban agents" -> "cuba-agents"; "Americans"
# -> "us").  adjective or demonym -> country key.
NATIONALITIES: dict[str, str] = {
    "american": "us", "americans": "us", "u.s.": "us", "us": "us", "u.s": "us",
    "cuban": "cuba", "cubans": "cuba", "venezuelan": "venezuela", "venezuelans": "venezuela",
    "iraqi": "iraq", "iraqis": "iraq", "iranian": "iran", "iranians": "iran",
    "israeli": "israel", "israelis": "israel", "palestinian": "palestine", "palestinians": "palestine",
    "afghan": "afghanistan", "afghans": "afghanistan", "syrian": "syria", "syrians": "syria",
    "british": "uk", "briton": "uk", "britons": "uk", "english": "uk", "french": "france",
    "german": "germany", "germans": "germany", "russian": "russia", "russians": "russia",
    "ukrainian": "ukraine", "ukrainians": "ukraine", "chinese": "china", "japanese": "japan",
    "indian": "india", "indians": "india", "pakistani": "pakistan", "pakistanis": "pakistan",
    "australian": "australia", "australians": "australia", "egyptian": "egypt", "egyptians": "egypt",
    "somali": "somalia", "somalis": "somalia", "sudanese": "sudan", "turkish": "turkey", "turks": "turkey",
    "lebanese": "lebanon", "saudi": "saudi-arabia", "saudis": "saudi-arabia", "yemeni": "yemen",
    "nigerian": "nigeria", "mexican": "mexico", "mexicans": "mexico", "colombian": "colombia",
    "indonesian": "indonesia", "indonesians": "indonesia", "thai": "thailand", "filipino": "philippines",
    "filipinos": "philippines", "greek": "greece", "greeks": "greece", "korean": "korea", "koreans": "korea",
    "kurdish": "kurds", "kurds": "kurds", "nato": "nato", "coalition": "coalition",
    "foreign": "foreign", "foreigners": "foreign", "tourists": "foreign",
}
# ---------------------------------------------------------------------------
# Claimants.  Normalised so that one voice counts once: articles, possessives
# and political adjectives are stripped; a country adjective and the country's
# name meet; government words meet ("regime", "authorities", "government").
# ---------------------------------------------------------------------------
CLAIMANT_STOP = frozenset(
    "the a an its their his her of 's according to".split()
)
# Political or descriptive adjectives that do not change who speaks.
CLAIMANT_DROP = frozenset(
    "communist socialist deposed new former interim local state-run state run official officials' "
    "national federal provincial regional top senior".split()
)
# Words that name a country's government (all map to "government").
GOVERNMENT_WORDS = frozenset("government regime authorities administration state cabinet leadership".split())
# Titles stripped from personal names ("President Donald Trump" -> "trump").
TITLES = frozenset(
    "president prime minister mr mrs ms dr gen general col lt sgt capt chief sheriff governor gov "
    "ambassador secretary spokesman spokeswoman spokesperson senator sen rep mayor police commissioner "
    "defense defence foreign interior minister's officer detective deputy lieutenant captain sergeant".split()
)
_PERSON = re.compile(r"^(?:[A-Z][\w.\-']+\s+){0,3}[A-Z][\w\-']+$")


def claimant_key(claim: Claim, aliases: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(key, rule): one key per independent voice.  ``None`` claimant = the outlet."""
    aliases = aliases or {}
    raw = claim.claimant
    if raw is None or not raw.strip():
        return f"outlet:{(claim.source or claim.doc).strip().lower()}", "claimant.outlet"
    text = raw.strip().replace("\u2019", "'")
    low = text.lower()
    for alias, canon in sorted(aliases.items()):
        if low == alias.lower():
            return _norm_words(canon.lower())[0], "claimant.alias.config"
    key, rule = _norm_words(low)
    for alias, canon in sorted(aliases.items()):
        if key == _norm_words(alias.lower())[0]:
            return _norm_words(canon.lower())[0], "claimant.alias.config"
    # a personal name: its last word ("President Donald Trump" = "Trump")
    words = [w for w in re.findall(r"[A-Za-z][\w\-']*", text) if w.lower() not in TITLES]
    if words and _PERSON.match(" ".join(words)) and not (set(w.lower() for w in words) & GOVERNMENT_WORDS) \
            and not any(w.lower() in NATIONALITIES for w in words):
        return f"person:{words[-1].lower()}", "claimant.person.surname"
    # a role, then a name: "disaster agency official Ana Ruiz", "regional police spokesman
    # Ruiz" name the same person as "Ruiz" in another report (the role is worded differently
    # from report to report; the name is not)
    name = _named_after_role(text)
    if name is not None:
        return f"person:{name}", "claimant.person.after_role"
    return key, rule


#: the words that name a role before a person's name: the extractor's title words and the
#: abbreviations above
ROLE_WORDS = TITLES | TITLE_WORDS


def _named_after_role(text: str) -> str | None:
    """The surname (lower case) of ``text`` when it is lower-case role words, a title word and
    then one to three capitalised words that are no government, country or title word."""
    words = re.findall(r"[A-Za-z][\w\-']*", text)
    run = 0
    while run < len(words) and words[-1 - run][0].isupper():
        run += 1
    if not 1 <= run <= 3 or run == len(words):
        return None
    name, before = words[-run:], words[:-run]
    if before[-1].lower() not in ROLE_WORDS or any(w[0].isupper() for w in before):
        return None
    lows = {w.lower() for w in name}
    if lows & (ROLE_WORDS | GOVERNMENT_WORDS) or any(w in NATIONALITIES for w in lows):
        return None
    return name[-1].lower()


def _norm_words(low: str) -> tuple[str, str]:
    low = re.sub(r"'s\b", " ", low)
    words = [w for w in re.findall(r"[a-z][\w\-.]*", low) if w not in CLAIMANT_STOP and w not in CLAIMANT_DROP]
    country = None
    rest: list[str] = []
    for w in words:
        c = NATIONALITIES.get(w) or (w if w in NATIONALITIES.values() else None)
        if c and country is None:
            country = c
            continue
        rest.append("government" if w in GOVERNMENT_WORDS else w)
    if country and (not rest or set(rest) <= {"government"}):
        return f"gov:{country}", "claimant.country-government"
    if country:
        return f"{country} {' '.join(rest)}", "claimant.country-adjective"
    return " ".join(rest) or low, "claimant.words"


def original_source(claim: Claim, aliases: Mapping[str, str] | None = None) -> str:
    """The original voice of a claim: its claimant (a relayed claim counts for its origin, not the relay)."""
    return claimant_key(claim, aliases)[0]


# ---------------------------------------------------------------------------
# Events.  A document's claims share the document's main event unless their
# anchor says otherwise (another date beyond the window, another kind of
# event); events of different documents join when dates fall within the
# window, kinds are compatible and places meet.
# ---------------------------------------------------------------------------
# Kinds that may name the same event (the kind words are in extract/events.py) (kind -> kinds it is compatible with).
# "attack" is a wildcard among violent kinds; disasters chain into each other.
_VIOLENT = ("shooting", "airstrike", "bombing", "clashes", "riot", "protest", "raid", "piracy",
            "kidnapping", "stabbing", "attack", "fire")
KIND_FAMILIES: dict[str, frozenset[str]] = {
    "attack": frozenset(_VIOLENT),
    "bombing": frozenset({"airstrike", "attack", "fire"}),     # a blast sets a fire; "bombing" raids
    "airstrike": frozenset({"bombing", "attack", "raid"}),
    "riot": frozenset({"protest", "attack", "fire", "clashes"}),
    "protest": frozenset({"riot", "attack", "clashes"}),
    "clashes": frozenset({"riot", "protest", "attack", "raid", "airstrike"}),
    "raid": frozenset({"attack", "airstrike", "clashes", "shooting"}),
    "shooting": frozenset({"attack", "raid"}),
    "fire": frozenset({"bombing", "attack", "riot"}),
    "earthquake": frozenset({"tsunami", "landslide"}),
    "tsunami": frozenset({"earthquake"}),
    "landslide": frozenset({"earthquake", "flood", "storm"}),
    "flood": frozenset({"storm", "landslide"}),
    "storm": frozenset({"flood", "landslide"}),
    "mine": frozenset({"bombing", "fire", "flood"}),
    "piracy": frozenset({"attack", "kidnapping"}),
    "kidnapping": frozenset({"attack", "piracy"}),
}


def kinds_compatible(a: tuple[str, ...] | frozenset[str], b: tuple[str, ...] | frozenset[str]) -> bool:
    """True when two kind sets may name one event (or either is empty)."""
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x == y or y in KIND_FAMILIES.get(x, ()) or x in KIND_FAMILIES.get(y, ()):
                return True
    return False




def _place_key(p: str) -> str:
    p = p.lower().replace("\u2019", "'")
    p = re.sub(r"'s\b", "", p)
    p = re.sub(r"\b(?:the|province|county|district|region|island|city|village|state|camp)\b", " ", p)
    return re.sub(r"\s+", " ", p).strip()


def _place_tokens(places: Sequence[str]) -> frozenset[str]:
    """Distinctive words of the places (so "Indonesia's Aceh" meets "Aceh", "Banda Aceh")."""
    toks: set[str] = set()
    for p in places:
        for w in _place_key(p).split():
            if len(w) > 2 and w not in _PLACE_GENERIC:
                toks.add(w)
    return frozenset(toks)


# Words inside place names that do not identify a place on their own.
_PLACE_GENERIC = frozenset(
    "new north south east west northern southern eastern western central upper lower gulf bay sea ocean "
    "river lake mount mt port san santa saint st. fort great little street avenue road ave club "
    "national park international airport medical center hospital university school church bank "
    "shooting bombing attack kill kills killed nightclub night party house home building".split()
)


# Country names and nationality words: too coarse to tell two undated events apart on their own.
_COUNTRY_WORDS = frozenset(NATIONALITIES) | frozenset(NATIONALITIES.values()) | frozenset(
    "iraq iran syria afghanistan pakistan india china japan indonesia philippines thailand israel gaza "
    "lebanon egypt sudan somalia nigeria kenya mexico colombia brazil russia ukraine turkey greece france "
    "britain england germany spain italy america u.s. usa united states kingdom".split())
# Kinds of event that strike a whole country or region (a country in common may join them).
_COUNTRY_SCALE_KINDS = frozenset({"earthquake", "tsunami", "storm", "flood", "landslide", "drought", "epidemic"})


@dataclass(frozen=True, slots=True)
class LocalEvent:
    """The event of a group of claims inside one document."""

    doc: str
    index: int                      # 0 = the document's main event
    date: dt.date | None
    places: frozenset[str]          # place tokens
    place: str | None
    kinds: tuple[str, ...]
    published: dt.date | None


def _main_of(claims: Sequence[Claim]) -> tuple[dt.date | None, tuple[str, ...], str | None, tuple[str, ...]]:
    """The document's main event: the most common (date, kinds) among its claims, earliest first."""
    dates = Counter(c.event.date for c in claims if c.event.date is not None)
    kinds = Counter(k for c in claims for k in c.event.kinds[:1])
    first_kind = {}
    for i, c in enumerate(claims):
        for k in c.event.kinds[:1]:
            first_kind.setdefault(k, i)
    first_date = {}
    for i, c in enumerate(claims):
        if c.event.date is not None:
            first_date.setdefault(c.event.date, i)
    main_date = min(dates, key=lambda d: (-dates[d], first_date[d])) if dates else None
    main_kinds = tuple(sorted(kinds, key=lambda k: (-kinds[k], first_kind[k])))[:2]
    places: list[str] = []
    for c in claims:
        for p in c.event.places:
            if p not in places:
                places.append(p)
    place = claims[0].event.places[-1] if False else None
    pc = Counter(c.event.place for c in claims if c.event.place)
    if pc:
        place = min(pc, key=lambda p: (-pc[p], p))
    return main_date, main_kinds, place, tuple(places)


def local_events(claims: Sequence[Claim], window_days: int) -> tuple[list[LocalEvent], list[int], list[str]]:
    """Split each document's claims into its main event and any other events it mentions.

    Returns the local events, the local event index of every claim, and the rule that placed it.
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_doc[c.doc].append(i)
    events: list[LocalEvent] = []
    assign = [0] * len(claims)
    rules = [""] * len(claims)
    for doc in sorted(by_doc):
        idxs = by_doc[doc]
        dclaims = [claims[i] for i in idxs]
        main_date, main_kinds, main_place, main_places = _main_of(dclaims)
        published = next((c.published for c in dclaims if c.published), None)
        base = len(events)
        events.append(LocalEvent(doc, 0, main_date, _place_tokens(([main_place] if main_place else []) + list(main_places[:4])), main_place, main_kinds,
                                 published))
        others: dict[tuple, int] = {}
        for i in idxs:
            c = claims[i]
            d = c.event.date
            other_date = (d is not None and main_date is not None and abs((d - main_date).days) > window_days) \
                or (d is None and c.event.date_text is not None)   # "in September" with no year to resolve
            other_kind = bool(c.event.kinds) and bool(main_kinds) and not kinds_compatible(c.event.kinds[:1], main_kinds)
            if other_date and not other_kind and _follow_up(c, main_date):
                assign[i] = base
                rules[i] = "event.doc.follow-up"
                continue
            if not (other_date or other_kind):
                assign[i] = base
                rules[i] = "event.doc.main"
                continue
            sig = (d if other_date else main_date, c.event.kinds[:1] if other_kind else main_kinds,
                   c.event.date_text if d is None else None)
            if sig not in others:
                others[sig] = len(events)
                events.append(LocalEvent(doc, len(others), sig[0], _place_tokens(c.event.places[:3]),
                                         c.event.place, tuple(sig[1]), published))
            assign[i] = others[sig]
            rules[i] = "event.doc.other-date" if other_date else "event.doc.other-kind"
    return events, assign, rules


#: a report's own event may be recalled this many days from its main date: a follow-up ("a second
#: suspect in the shooting that left one dead was arrested Friday") dates its sentence by the
#: arrest, a death in hospital by the day of death, while the figure is the main event's
FOLLOW_UP_DAYS = 14
#: words that announce a different event of the same kind ("another", "a separate", "last week's")
_ANOTHER_EVENT = re.compile(
    r"(?i)\b(?:another|other|separate|similar|previous|prior|earlier|preceding|last (?:week|month)'s|"
    r"(?:days?|weeks?) (?:earlier|before))\b")


def _follow_up(c: Claim, main_date: dt.date | None) -> bool:
    """A claim dated near the report's main event, of a compatible kind, whose sentence does not
    announce another event: the report's own event, recalled (rule ``event.doc.follow-up``)."""
    d = c.event.date
    if d is None or main_date is None or abs((d - main_date).days) > FOLLOW_UP_DAYS:
        return False
    return not _ANOTHER_EVENT.search(c.sentence or "")


def _compatible(a: LocalEvent, b: LocalEvent, window_days: int, undated_joins: bool) -> str | None:
    """The rule that joins two local events of different documents, or None."""
    if a.doc == b.doc:
        return None
    if (a.index and a.date is None) or (b.index and b.date is None):
        return None  # a background event of unknown date stays with its report
    if not kinds_compatible(a.kinds, b.kinds):
        return None
    places_meet = bool(a.places & b.places)
    if a.date is not None and b.date is not None:
        if not _dates_meet(a, b, window_days):
            return None
        if places_meet:
            return "event.join.date+place"
        if (not a.places or not b.places) and a.kinds and b.kinds:
            return "event.join.date+kind"
        return None
    # an undated report joins only another undated one, on the same main place and the same kind
    # of event: a dated report says when its event was, so an undated one cannot be shown to match
    if not undated_joins or a.date is not None or b.date is not None:
        return None
    if not set(a.kinds[:1]) & set(b.kinds[:1]):
        return None
    # a town or district in common; a country in common only for disasters, which strike countries
    local = (a.places - _COUNTRY_WORDS) & (b.places - _COUNTRY_WORDS)
    if local:
        return "event.join.undated.place+kind"
    if places_meet and a.kinds[0] in _COUNTRY_SCALE_KINDS:
        return "event.join.undated.country+disaster"
    return None


#: A report that gives no date for its event is dated by its publication; the event may lie
#: this many days before that (follow-ups, weekly papers).
PUBLICATION_LAG_DAYS = 7


def _dates_meet(a: LocalEvent, b: LocalEvent, window_days: int) -> bool:
    """Event dates within the window; a date that is only the publication date may lag behind."""
    gap = (a.date - b.date).days  # type: ignore[operator]
    if abs(gap) <= window_days:
        return True
    later, earlier = (a, b) if gap > 0 else (b, a)
    return later.date == later.published and abs(gap) <= window_days + PUBLICATION_LAG_DAYS


def _reachable(a: LocalEvent, b: LocalEvent, window_days: int) -> bool:
    """Nothing rules out one event: kinds compatible, and both dated within the window (with
    the publication lag) or one undated main event."""
    if not kinds_compatible(a.kinds, b.kinds):
        return False
    if a.date is None or b.date is None:
        return not ((a.index and a.date is None) or (b.index and b.date is None))
    return _dates_meet(a, b, window_days)


def cluster_events(events: Sequence[LocalEvent], window_days: int, undated_joins: bool) -> list[int]:
    """Cluster id per local event.

    Events are taken in date order; each joins the first existing cluster (in
    creation order) that holds no event of its own document and whose members
    it is compatible with: all of them for a dated event, so that tolls a month
    apart never chain; most of them for an undated one, so that a spelling
    variant of a place does not split a story.  Else it starts a new cluster.

    Blocking keeps this near linear: only clusters that share a place word with
    the event, or (for events or members without places) a day within reach,
    are candidates.
    """
    order = sorted(range(len(events)), key=lambda i: (events[i].date is None, events[i].date or dt.date.min,
                                                      events[i].doc, events[i].index))
    reach = window_days + PUBLICATION_LAG_DAYS
    clusters: list[list[int]] = []
    docs_in: list[set[str]] = []
    by_token_day: dict[tuple[str, int], set[int]] = defaultdict(set)   # (place word, day) -> clusters
    by_token_undated: dict[str, set[int]] = defaultdict(set)           # place word -> undated clusters
    placeless_by_day: dict[int, set[int]] = defaultdict(set)  # day -> clusters with a member without places
    any_by_day: dict[int, set[int]] = defaultdict(set)        # day -> clusters with a member that day
    out = [0] * len(events)
    for i in order:
        e = events[i]
        cands: set[int] = set()
        if e.date is not None:
            day = e.date.toordinal()
            days = range(day - reach, day + reach + 1)
            for t in e.places:
                for d in days:
                    cands |= by_token_day.get((t, d), set())
            index = any_by_day if not e.places else placeless_by_day
            for d in days:
                cands |= index.get(d, set())
        else:
            for t in e.places:
                cands |= by_token_undated.get(t, set())
        placed = None
        for ci in sorted(cands):
            if e.doc in docs_in[ci]:
                continue
            members = clusters[ci]
            if e.date is not None:
                # every member's date within reach (tolls a month apart never chain), most members
                # joined outright (a place word one report spells differently does not split a story)
                if not all(_reachable(e, events[j], window_days) for j in members):
                    continue
                fits = sum(1 for j in members if _compatible(e, events[j], window_days, undated_joins))
                ok = fits > 0 and fits * 2 >= len(members) + 1
            else:
                fits = sum(1 for j in members if _compatible(e, events[j], window_days, undated_joins))
                ok = fits > 0 and fits >= (len(members) + 1) // 2
            if ok:
                placed = ci
                break
        if placed is None:
            placed = len(clusters)
            clusters.append([])
            docs_in.append(set())
        clusters[placed].append(i)
        docs_in[placed].add(e.doc)
        out[i] = placed
        if e.date is not None:
            day = e.date.toordinal()
            for t in e.places:
                by_token_day[(t, day)].add(placed)
            any_by_day[day].add(placed)
            if not e.places:
                placeless_by_day[day].add(placed)
        else:
            for t in e.places:
                by_token_undated[t].add(placed)
    return out


def event_label(events: Sequence[LocalEvent]) -> str:
    """"2026-01-03 caracas raid": earliest date, most named place, most common kind."""
    dates = sorted(e.date for e in events if e.date)
    date = dates[0].isoformat() if dates else "undated"
    pc = Counter(e.place for e in events if e.place)
    place = min(pc, key=lambda p: (-pc[p], p)) if pc else "somewhere"
    kc = Counter(k for e in events for k in e.kinds[:1])
    kind = min(kc, key=lambda k: (-kc[k], k)) if kc else "event"
    place = re.sub(r"[^a-z0-9]+", "-", _place_key(place)).strip("-") or "somewhere"
    return f"{date} {place} {kind}"
