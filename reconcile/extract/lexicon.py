"""The word lists of extraction, in one place.

Every extract module imports its words from here; no module keeps a copy of
a list another already has. Each list states a general fact about English
news writing (a month name, a displacement verb, a title), never a phrase
taken from one text. Lists are frozensets or ordered tuples of lower-case
words; the rule tables build their patterns from them.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------
#: Cardinal words below twenty, and their values.
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
#: The tens.
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: Scale words that multiply what stands before them ("hundred" is a scale of its own in the
#: grammar: it also combines below a thousand, "two hundred thousand").
SCALE_WORDS: dict[str, int] = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: "one" to "nineteen" and the tens: every cardinal written as one word below a hundred, no zero.
CARDINAL_WORDS: tuple[str, ...] = tuple(w for w in (*UNIT_WORDS, *TENS_WORDS) if w != "zero")
#: Plurals that stand for a vague count ("dozens of people", "hundreds were hurt").
VAGUE_PLURALS: tuple[str, ...] = ("dozens", "hundreds", "thousands")

# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------
#: The months, in order.
MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
#: Their abbreviations, in order ("may" has none).
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)
#: Every written form of a month -> its number; with one common misspelling of a long name.
MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(MONTH_NAMES, 1)},
    **{a: next(i for i, m in enumerate(MONTH_NAMES, 1) if m.startswith(a[:3])) for a in MONTH_ABBREVIATIONS},
    "novemer": 11,
}
#: The days of the week, Monday first (``datetime.weekday()`` order).
WEEKDAY_NAMES: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Their abbreviations.
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = ("mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun")
#: Every written form of a weekday -> its ``datetime.weekday()`` number.
WEEKDAYS: dict[str, int] = {
    **{d: i for i, d in enumerate(WEEKDAY_NAMES)},
    **{a: next(i for i, d in enumerate(WEEKDAY_NAMES) if d.startswith(a[:3])) for a in WEEKDAY_ABBREVIATIONS},
}

# ---------------------------------------------------------------------------
# People and things
# ---------------------------------------------------------------------------
#: Nouns for people: a figure followed by one of these is about people.
PERSON_NOUNS = frozenset(
    """
    people persons person man men woman women child children boy boys girl girls baby babies infant infants
    teen teens teenager teenagers student students pupil pupils worker workers employee employees
    civilian civilians soldier soldiers troop troops officer officers policeman policemen police
    agent agents militant militants rebel rebels fighter fighters insurgent insurgents gunman gunmen
    attacker attackers suspect suspects protester protesters protestors demonstrator demonstrators
    rioter rioters passenger passengers crew miner miners villager villagers resident residents
    refugee refugees migrant migrants pilgrim pilgrims worshipper worshippers tourist tourists
    victim victims patient patients member members others other adult adults family families
    citizen citizens national nationals guard guards marine marines sailor sailors pirate pirates
    firefighter firefighters journalist journalists staff doctor doctors nurse nurses climber climbers
    deputy deputies trooper troopers hostage hostages prisoner prisoners inmate inmates
    """.split()
)

#: Nouns that count things: "F missiles were fired".
THING_NOUNS = frozenset(
    """
    missile missiles rocket rockets bomb bombs shell shells mortar mortars grenade grenades drone drones
    shot shots round rounds bullet bullets explosive explosives device devices mine mines
    house houses home homes building buildings structure structures dwelling dwellings shop shops
    school schools mosque mosques church churches hospital hospitals bridge bridges road roads
    vehicle vehicles car cars truck trucks bus buses boat boats ship ships vessel vessels
    aircraft plane planes jet jets helicopter helicopters tank tanks launcher launchers
    weapon weapons gun guns rifle rifles pistol pistols handgun handguns firearm firearms
    ammunition kilograms tonnes village villages revolver revolvers carbine carbines cartridge cartridges
    platform platforms rig rigs facility facilities position positions target targets
    city cities town towns province provinces district districts state states country countries
    region regions area areas location locations site sites neighborhood neighborhoods neighbourhoods
    explosion explosions blast blasts raid raids airstrike airstrikes strike strikes attack attacks
    window windows store stores office offices
    """.split()
)

# Capitalised plural demonyms ("Americans", "Iraqis", "Sudanese") as patterns, for words no list
# holds.  Two forms, on purpose:
#: a loose one, for deciding whether a word of a noun phrase may name people ("Filipinos",
#: "Britons", "Israelites"): a miss there loses a claim, a false hit costs little;
DEMONYM_WORD = r"[A-Z][a-z]+(?:ans|ians|is|ese|os|ons|ites|ers)"
#: a strict one, for the word after "No" in running text ("No Germans were hurt"), where "No
#: Questions", "No Analysis" or "No Matters" must not read as a count of people: a longer stem,
#: no "-sis" or "-ions", and case-sensitive inside re.I tables.
DEMONYM_AFTER_NO = r"(?-i:[A-Z][a-z]{2,}(?:ans|ese|(?<!s)is|(?<!i)ons|men)\b)"

# ---------------------------------------------------------------------------
# Titles and names
# ---------------------------------------------------------------------------
#: Title words: they make a capitalised name a person and let "the diplomat" find "Ambassador
#: Lars Dahl".  Order is irrelevant; the claimant kind is decided elsewhere.
TITLE_WORDS = frozenset(
    """president minister ambassador diplomat envoy consul spokesman spokeswoman
    spokesperson official chief commissioner governor mayor sheriff coroner
    doctor dr nurse physician surgeon director head commander general colonel
    captain lieutenant sergeant officer deputy secretary senator representative
    premier king queen leader administrator manager witness activist worker
    resident analyst expert journalist correspondent reporter chairman
    superintendent inspector detective trooper prosecutor attorney judge
    councillor councilman lawmaker mp spokesperson regent chancellor
    emir sheikh cleric imam priest pastor owner driver pilot medic paramedic
    agent investigator examiner ranger marshal""".split()
)
#: Nouns for a document or a figure a source issues: "according to a statement from the army",
#: "citing figures released by the ministry": the source is the body after from / by / of.
SOURCE_DOCUMENT_NOUNS = frozenset(
    """statement statements report reports figures figure data tally count estimate estimates
    bulletin communique communiqué release announcement post posting tweet message notice
    update briefing count toll""".split()
)
#: Adjectives that make the next "reports", "estimates", "claims" a noun ("initial reports said").
REPORT_ADJECTIVES = frozenset(
    """initial early earlier first preliminary later latest unconfirmed unverified conflicting
    official unofficial media news press local some other previous similar separate""".split()
)
#: What a document "shows" ("figures released by the ministry showed 120 deaths", "records show"): such a
#: subject makes "show" a verb of reporting.
SHOWING_DOCUMENTS = SOURCE_DOCUMENT_NOUNS | frozenset(
    "records statistics numbers tallies counts totals documents logs".split())
#: People who answer an emergency, named by their work: they end a speaker's noun phrase
#: ("Emergency medical personnel confirmed", "rescue crews said").
RESPONDER_NOUNS = frozenset("personnel staff crews crew responders paramedics medics rescuers firefighters".split())
#: Words that introduce the issuer after such a noun ("a statement from", "figures released by").
SOURCE_AGENT_WORDS = frozenset("from by of".split())
#: Participles between such a noun and its issuer ("figures released by", "a report issued by").
SOURCE_PARTICIPLES = frozenset("released issued published provided posted compiled given put".split())
#: Honorifics before a personal name (compared without the dot).
HONORIFICS = frozenset("mr mrs ms dr miss sir prof".split())

# ---------------------------------------------------------------------------
# Punctuation
# ---------------------------------------------------------------------------
#: Every quotation mark, straight and curly, single and double, and the backtick of tokenised text.
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019`")
#: Tokens that open a double quotation (tokenised text writes one as two backticks).
OPEN_QUOTES = frozenset(('"', "\u201c", "``"))
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
#: parts of a place: "on the roof of the bus", "on top of the vessel", "in the back of the truck"
PLACE_PART_NOUNS: tuple[str, ...] = (
    "top", "roof", "deck", "upper", "lower", "back", "front", "rear", "side", "bottom", "edge", "end", "corner",
    "basement", "ground", "first", "second", "third", "top-floor", "cabin", "hold", "stern", "bow",
)
#: those who carried out an attack: "nine dead, including the gunman" counts them among the dead
PERPETRATOR_NOUNS: tuple[str, ...] = (
    "gunman", "gunmen", "shooter", "shooters", "attacker", "attackers", "bomber", "bombers", "assailant",
    "assailants", "perpetrator", "perpetrators", "hijacker", "hijackers", "suspect", "suspects", "killer",
)
#: area nouns of "in the northern town of X" / "in X province"
AREA_NOUNS: tuple[str, ...] = (
    "city", "town", "village", "district", "province", "region", "neighborhood", "neighbourhood",
    "suburb", "county", "state", "governorate", "camp",
)
#: nouns that name everyone an event hurt: "two of the four victims died" gives all the dead
VICTIM_NOUNS = frozenset({"victims", "casualties"})
#: nouns that name a measure on their own ("of the 65 injured"): the whole of "N of the M ..."
TOTAL_NOUN_MEASURE: dict[str, str] = {
    "injured": "wounded", "wounded": "wounded", "hurt": "wounded", "dead": "killed",
    "missing": "missing", "hostages": "detained", "detainees": "detained", "casualties": "casualties",
    "killed": "killed", "arrested": "detained", "detained": "detained", "displaced": "displaced",
    "evacuated": "displaced", "evacuees": "displaced",
}
#: long stretches of violence: "since the offensive began", "in the 12-day war" name a period's running toll
CAMPAIGN_NOUNS: tuple[str, ...] = (
    "offensive", "war", "conflict", "operation", "campaign", "fighting", "uprising", "invasion", "assault",
    "incursion", "siege", "clashes", "violence", "unrest", "insurgency", "crackdown", "bombardment", "protests",
)

# -- displacement (extract/measures.py) -------------------------------------------------------
#: places where the displaced are housed: "sheltering in camps", "staying in evacuation centres"
SHELTER_PLACES: tuple[str, ...] = (
    "shelters", "shelter", "camps", "camp", "tents", "schools", "centres", "centers", "centre", "center",
    "halls", "churches", "mosques", "stadiums", "stadium", "gyms", "gymnasiums",
)
#: adjectives that make a camp, centre or shelter one for the displaced: "relief camps",
#: "evacuation centres", "temporary shelters"
SHELTER_ADJECTIVES: tuple[str, ...] = (
    "relief", "evacuation", "evacuee", "refugee", "displacement", "makeshift", "temporary", "transit",
)
#: nouns of an act of displacement before "of N": "the evacuation of 7,000 people"
DISPLACEMENT_ACT_NOUNS: tuple[str, ...] = ("evacuation", "evacuations", "relocation", "displacement", "exodus")
#: words after "fled" that make it an escape from a crime scene, not a displacement: "fled the scene",
#: "fled on foot", "fled in a car", "fled before police arrived"
ESCAPE_WORDS: tuple[str, ...] = (
    r"(?:the\s+)?scene", r"on\s+foot", r"in\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:car|cars|vehicle|vehicles|suv|van|truck|sedan|pickup|motorcycle)", r"(?:from\s+)?(?:police|officers|deputies)",
    r"before\s+(?:police|officers|deputies)", r"(?:the\s+)?(?:building|store|shop|house|home|residence|apartment)\s+"
    r"(?:after|before)",
)
#: words that give the severity of an injury on their own after a figure: "five hurt, one critically",
#: "3 dead, 1 critical"
SEVERITY_WORDS: tuple[str, ...] = (
    "critically", "seriously", "gravely", "severely", "badly", "critical", "serious", "slightly", "minor",
)
