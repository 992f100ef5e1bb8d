"""The word lists of extraction, in one place.

Every extract module imports its words from here; no module keeps a copy of
a list another already has. Each list states a general fact about English
news writing (a month name, a displacement verb, a title), never a phrase
taken from one text. Lists are frozensets or ordered tuples of lower-case
words; the rule tables build their patterns from them.
"""
from __future__ import annotations

# -- clause view (extract/clauses.py): phrases that limit what a figure counts -----------------
#: places where only some of an event's victims are counted: an intake, the scene, one dwelling
INTAKE_VENUES: tuple[str, ...] = (
    "hospital", "hospitals", "medical center", "medical centre", "clinic", "clinics", "infirmary",
    "trauma center", "trauma centre", "morgue",
)
DWELLINGS: tuple[str, ...] = ("home", "house", "flat", "apartment", "residence", "car", "vehicle", "porch", "corner")
#: verbs that pick some of the victims out (those named, released, admitted): a part of the toll
SELECTING_VERBS: tuple[str, ...] = (
    "identified", "named", "released", "discharged", "admitted", "transported", "airlifted", "hospitalized",
    "hospitalised",
)
#: words that place a figure after the event: those who died later are added to the toll
LATER_WORDS: tuple[str, ...] = ("since", "later", "subsequently")
#: area nouns of "in the northern town of X" / "in X province"
AREA_NOUNS: tuple[str, ...] = (
    "city", "town", "village", "district", "province", "region", "neighborhood", "neighbourhood",
    "suburb", "county", "state", "governorate", "camp",
)
#: nouns that name a measure on their own ("of the 65 injured"): the whole of "N of the M ..."
TOTAL_NOUN_MEASURE: dict[str, str] = {
    "injured": "wounded", "wounded": "wounded", "hurt": "wounded", "dead": "killed",
    "missing": "missing", "hostages": "detained", "detainees": "detained", "casualties": "casualties",
}
