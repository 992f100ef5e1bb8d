"""Quantity scopes: what a figure counts within its event.

``scope_of`` reads the head noun of a claim's subject ("Cuban state security
agents" -> "cuba-agents"); ``claim_scope`` adds what the figure's clause
says (``extract/clauses.py``): a figure limited to a place, a venue, a
subgroup, an increment or a period is a part of its event's toll, a quantity
of its own that is checked against the total (``exceeds-total``), never a
rival of it.  Everything here reads what the texts say; every decision
carries a rule id.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Claim
from . import grouping
from .grouping import NATIONALITIES

# ---------------------------------------------------------------------------
# Scopes.  The head noun of a claim's subject names what is counted.  Competing
# tolls must meet, so every "everyone" word maps to "all"; groups that are a
# part of everyone keep their own scope.  Ordered: first match wins; the
# pattern is matched against the subject's noun phrase, lower-case.
# ---------------------------------------------------------------------------
SCOPE_RULES: tuple[tuple[str, str, str], ...] = (
    # (rule id, pattern, scope)
    # -- soldiers and armed men before their nationality
    ("scope.soldiers", r"\b(?:soldiers?|troops?|servicem[ae]n|gis?|marines?|service members?|guards(?:men)?|"
                       r"paratroopers?|sailors?)\b", "soldiers"),
    ("scope.police", r"\b(?:police(?:m[ae]n| officers?)?|officers?|cops?|deput(?:y|ies)|troopers?|"
                     r"policem[ae]n|constables?)\b", "police"),
    ("scope.agents", r"\b(?:agents?|security personnel|bodyguards?)\b", "agents"),
    ("scope.militants", r"\b(?:militants?|insurgents?|rebels?|guerrillas?|fighters?|militiam[ae]n|"
                        r"gunm[ae]n|terrorists?|jihadists?|extremists?)\b", "militants"),
    ("scope.attackers", r"\b(?:attackers?|bombers?|shooters?|assailants?|perpetrators?|suspects?|hijackers?|"
                        r"pirates?)\b", "suspects"),
    ("scope.children", r"\b(?:child(?:ren)?|kids?|bab(?:y|ies)|infants?|toddlers?|minors?|boys?|girls?|"
                       r"teen(?:ager)?s?|youths?|juveniles?)\b", "children"),
    ("scope.students", r"\b(?:students?|pupils?|schoolchildren)\b", "students"),
    ("scope.women", r"\b(?:wom[ae]n|females?|mothers?|wives|wife|sisters?|daughters?|grandmothers?)\b", "women"),
    ("scope.men", r"\b(?:m[ae]n|males?|fathers?|husbands?|brothers?|sons?)\b", "men"),
    ("scope.adults", r"\badults?\b", "adults"),
    ("scope.civilians", r"\bcivilians?\b", "civilians"),
    ("scope.protesters", r"\b(?:protesters?|demonstrators?|marchers?|rioters?)\b", "protesters"),
    ("scope.miners", r"\bminers?\b", "miners"),
    ("scope.staff", r"\b(?:staff|employees?|aid workers?|journalists?|reporters?|diplomats?|crew(?: members?)?)\b",
     "staff"),
    ("scope.others", r"\bothers?\b", "others"),
    # -- things: classes, so "Igla missile launchers" and "anti-aircraft missiles" meet
    ("scope.munitions", r"\b(?:missiles?|rockets?|launchers?|shells?|mortars?|bombs?|grenades?|projectiles?|"
                        r"munitions?|warheads?|drones?)\b", "munitions"),
    ("scope.buildings", r"\b(?:houses?|homes?|buildings?|dwellings?|structures?|apartments?|shops?|stores?)\b",
     "buildings"),
    ("scope.vehicles", r"\b(?:vehicles?|cars?|trucks?|buses|bus|boats?|ships?|vessels?|tanks?)\b", "vehicles"),
    ("scope.aircraft", r"\b(?:aircraft|planes?|jets?|helicopters?)\b", "aircraft"),
    ("scope.firearms", r"\b(?:weapons?|guns?|rifles?|pistols?|handguns?|firearms?|revolvers?)\b", "firearms"),
    # -- everyone: competing tolls meet here
    ("scope.all", r"\b(?:people|persons?|person|victims?|individuals?|dead|deaths?|fatalit(?:y|ies)|casualt(?:y|ies)|"
                  r"toll|bodies|body|none|no one|nobody|unnamed|residents?|villagers?|passengers?|inhabitants?|"
                  r"lives|injur(?:ies|ed)|wounded|killed|survivors?|workers?|patients?|occupants?|"
                  r"those|everyone|all|total|number|figure|tally)\b", "all"),
)
_SCOPE_RES = tuple((rid, re.compile(p), scope) for rid, p, scope in SCOPE_RULES)

# Words ending the subject's noun phrase: what follows describes the event, not the group.
_NP_END = re.compile(
    r"\b(?:who|that|which|killed|died|dead|injured|wounded|hurt|shot|arrested|detained|missing|"
    r"in|on|at|by|from|after|during|when|while|among|including|incl|besides|near|across|"
    r"as|with|of the|for|to|aged|said|were|was|are|is|have|has|had|being|still|later|"
    r"confirmed|reported|feared|believed|taken|held|captured|kidnapped|fired|launched)\b"
)
_CLEAN = re.compile(r"[\u2019']s\b|[^\w\s.\-]")


@dataclass(frozen=True, slots=True)
class Scope:
    scope: str
    rule: str


@functools.lru_cache(maxsize=65536)
def scope_of(subject: str | None) -> Scope:
    """The scope of a claim from its subject text ("Cuban state security agents" -> "cuba-agents")."""
    if not subject or not subject.strip():
        return Scope("all", "scope.none")
    s = _CLEAN.sub(" ", subject.lower().replace("\u2019", "'"))
    s = re.sub(r"\s+", " ", s).strip()
    m = _NP_END.search(s, 1)
    np = s[: m.start()].strip() if m and m.start() > 0 else s
    # a list names its first group: "hotel guests, a man and two women" -> "hotel guests"
    np = re.split(r",|\band\b|\bor\b|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)\b(?=\s+\w)",
                  np, maxsplit=1)[0].strip() or np
    # "No Americans", "both Americans"
    np = re.sub(r"^(?:no|both|all|the|a|an|some|other|at least|more than|about|\d+|[a-z]+-?\s?(?:year|yr)s?-old)\s+", "",
                np).strip() or np
    nation = None
    for w in re.findall(r"[a-z.]+", np):
        key = w.strip(".") if w not in NATIONALITIES else w
        if key in NATIONALITIES or w in NATIONALITIES:
            nation = NATIONALITIES.get(w, NATIONALITIES.get(key))
            break
    for rid, rx, scope in _SCOPE_RES:
        if rx.search(np):
            if scope == "all":
                return Scope(f"{nation}" if nation else "all", f"{rid}+nation" if nation else rid)
            return Scope(f"{nation}-{scope}" if nation else scope, f"{rid}+nation" if nation else rid)
    if nation:
        return Scope(nation, "scope.nationality")
    # unknown head noun: the noun phrase's last word, so "missiles" and "Igla missiles" meet
    words = re.findall(r"[a-z][a-z\-]*", np)
    if words:
        head = words[-1]
        if head.endswith("ies") and len(head) > 4:
            head = head[:-3] + "y"
        elif head.endswith("s") and not head.endswith("ss") and len(head) > 3:
            head = head[:-1]
        return Scope(head, "scope.head-noun")
    return Scope("all", "scope.default")


# Scopes that are parts of "all" (for exceeds-total).  Every scope except "all" is.
#: scopes that are groups of people, and so parts of everyone ("all") for exceeds-total
PEOPLE_SCOPES = frozenset({"soldiers", "police", "agents", "militants", "suspects", "children", "students", "adults",
                           "women", "men", "civilians", "protesters", "miners", "staff"})


def is_part_scope(scope: str) -> bool:
    """A group of people within everyone: "children", "cuba-agents", "us" (not "leg", not "past-all")."""
    if scope.startswith("past-"):
        return False
    base = scope[5:] if scope.startswith("part-") else scope
    if scope.startswith("part-"):
        base = base.split("@", 1)[0]   # "part-children@a.txt:120" -> "children"
    last = base.rsplit("-", 1)[-1]
    return last in PEOPLE_SCOPES or base in set(NATIONALITIES.values())


# ---------------------------------------------------------------------------
# Parts from the clause view (extract/clauses.py).  A figure limited to a
# venue, an increment, a selection of the victims or a place other than the
# event's own is a part of the toll: a quantity of its own, never a rival.
# ---------------------------------------------------------------------------
#: clause marks that always make a part (rule prefixes)
CLAUSE_PART_RULES: tuple[str, ...] = (
    "clause.more",          # "rescuers found three more bodies": an increment
    "clause.later",         # "two more have since died": added to the toll
    "clause.period",        # "since the offensive began", "in the 12-day war": a running toll of a period
    "clause.select",        # "two victims ... have been identified": some of the victims
    "clause.venue.",        # at a hospital, at the scene, in a house: one venue's count
)
_PLACE_MARK = "clause.place<"
_BARE_PLACE_MARK = "clause.place.in<"
_COUNTRY_VALUES = frozenset(NATIONALITIES.values())


def _country(name: str) -> bool:
    """A country, or a name of a people ("Iraq", "the United States")."""
    n = name.lower().strip()
    return n in NATIONALITIES or n in _COUNTRY_VALUES or n in _COUNTRIES


#: country names beyond those of NATIONALITIES' values (which are short keys: "us", "iraq")
_COUNTRIES = frozenset((
    "united states", "america", "britain", "great britain", "united kingdom", "england", "france", "germany",
    "italy", "spain", "russia", "china", "japan", "india", "pakistan", "afghanistan", "iraq", "iran", "syria",
    "lebanon", "israel", "egypt", "libya", "yemen", "somalia", "sudan", "south sudan", "nigeria", "kenya",
    "ethiopia", "mexico", "colombia", "brazil", "peru", "chile", "ecuador", "venezuela", "cuba", "canada",
    "australia", "indonesia", "philippines", "thailand", "vietnam", "turkey", "greece", "ukraine", "belgium",
    "nepal", "bangladesh", "sri lanka", "myanmar", "malaysia", "new zealand", "haiti", "algeria", "morocco",
    "tunisia", "jordan", "saudi arabia", "kuwait", "qatar", "the gaza strip", "gaza strip", "west bank",
))


def place_words(name: str) -> frozenset[str]:
    """The distinctive words of a place name (as the engine's event places are kept)."""
    return grouping._place_tokens([name])


#: a toll that counts the attackers among the dead ("nine dead, including the gunman"): its own quantity
WITH_PERPETRATORS = "clause.with-perpetrator"

#: "N more" after another figure of its sentence: an increment only when that figure counts the same thing
MORE_NEXT = "clause.more.next"


def clause_part(c: Claim, event_places: frozenset[str], previous_measure: str | None = None,
                salient_places: frozenset[str] = frozenset()) -> str | None:
    """The clause rule that makes ``c`` a part of its event's toll, or None.

    ``event_places``: the words of the places the event's reports are about; a figure placed
    elsewhere ("in the southern town of X, two died") counts a part of the event.
    ``previous_measure``: the measure of the figure before ``c`` in its sentence, if any."""
    for r in c.rules:
        if r == MORE_NEXT:
            if previous_measure == c.measure:
                return r   # "two died at the scene and two more in hospital"
            continue
        if r.startswith(CLAUSE_PART_RULES):
            return r
        if r.startswith(_PLACE_MARK) and event_places:
            words = place_words(r[len(_PLACE_MARK):-1])
            if words and not (words & event_places):
                return r
        if r.startswith(_BARE_PLACE_MARK) and event_places:
            # a bare "in X": a part only for a place that is not the event's and not a country
            # ("killed 12 people in Iraq" is the whole toll of a Baghdad bombing)
            name = r[len(_BARE_PLACE_MARK):-1]
            words = place_words(name)
            if words and not (words & (event_places | salient_places)) and not _country(name):
                return r
    return None
