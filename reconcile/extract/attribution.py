"""Who makes a numeric claim (claimant, kind, attribution chain) and the stance.

Rules only, pure Python.  ``build_context`` runs once per document: it finds
the people named in the text (with their titles), the quotation spans and,
sentence by sentence in reading order, every attribution cue (``X said``,
``said X``, ``according to X``, ``X was quoted as saying``, ...), resolving
pronouns and titles (``he``, ``the diplomat``, ``Mr Dahl``) to the person or
body named earlier.  ``attribute`` then picks, for one figure, the cue that
governs the clause holding it and reads the stance from the governing verb
and from hedge / confirm words around the figure.

Every decision carries a rule id (``attr.said.before``, ``attr.tag.after``,
``attr.according_to``, ``attr.quote.after``, ``stance.hedge.reportedly``...).

Tables below are ordered and commented; all regular expressions are compiled
once at import time.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import CLAIMANT_KINDS
from .lexicon import (CARDINAL_WORDS, HONORIFICS, OPEN_QUOTES, REPORT_ADJECTIVES, RESPONDER_NOUNS, SOURCE_AGENT_WORDS,
                      SHOWING_DOCUMENTS, SOURCE_DOCUMENT_NOUNS, SOURCE_PARTICIPLES, TITLE_WORDS, UNIT_WORDS, VAGUE_PLURALS, WEEKDAY_NAMES)
from .sentences import CaselessPattern, Sentence, stops_pattern, tail_width, words_pattern

__all__ = ["Attribution", "AttributionContext", "build_context", "attribute"]


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

# Reporting verbs: surface form -> stance the verb gives the reported figure.
# The stance of a verb applies to the figures in the clause it governs.
VERBS: dict[str, str] = {
    # plain reporting: assert
    **dict.fromkeys(
        """said says say told tells tell reported reports claimed claims claim
        announced announces stated states added adds insisted insists indicated
        indicates noted notes explained explains wrote writes tweeted posted
        continued replied responded asked
        testified asserted asserts maintained maintains alleged alleges
        warned warns recounted recalled described describes""".split(),
        "assert",
    ),
    # confirmation
    **dict.fromkeys(
        """confirmed confirms confirm acknowledged acknowledges acknowledge
        admitted admits admit conceded concedes verified verifies verify""".split(),
        "confirm",
    ),
    # denial of a figure
    **dict.fromkeys(
        """denied denies deny rejected rejects reject dismissed dismisses
        disputed disputes dispute refuted refutes refute contested contests""".split(),
        "deny",
    ),
    # "witnesses put the number at 12", "officials placed the toll at 63": only before such an
    # object (TOLL_OBJECT); anywhere else these are no reporting verbs
    **dict.fromkeys("put puts putting placed places".split(), "assert"),
    # "officials raised the death toll to 120", "the ministry revised its figure to 98": the new figure is
    # the subject's own (only before a toll object, as "put")
    **dict.fromkeys("""raised raises lowered lowers revised revises updated updates increased increases
        reduced reduces""".split(), "assert"),
    # "figures released by the ministry showed 120 deaths": only after a document (SHOWING_DOCUMENTS)
    **dict.fromkeys("show shows showed".split(), "assert"),
    # hedged reporting: the claimant only estimates or believes
    **dict.fromkeys(
        """estimated estimates estimate believe believes believed fear fears
        feared suspect suspects suspected think thinks thought""".split(),
        "hedge",
    ),
}
# Verbs that report a figure only when their object is a toll ("put the death toll at 63").
TOLL_VERBS = frozenset("""put puts putting placed places raised raises lowered lowers revised revises updated updates
    increased increases reduced reduces""".split())
#: verbs that report only after a document subject ("records show")
SHOW_VERBS = frozenset("show shows showed".split())
_TOLL_OBJECT = re.compile(r"(?:the|its|their|his|her|our)\s+(?:(?:death|casualty|overall|official|final)\s+)?"
                          r"(?:toll|number|figure|count|tally|estimate)\b", re.I)
# Forms that are also nouns ("initial estimates", "two suspects", "news reports"):
# they count as verbs only when a complement follows (that, a figure, a name).
AMBIGUOUS_FORMS = frozenset(
    """estimates estimate reports report claims claim fears fear suspects suspect
    states notes adds denies thought dispute disputes""".split()
) | TOLL_VERBS
# Words that may open the tail of a speaker tag ("police said late Tuesday").
TAIL_STARTS = frozenset(
    "late early yesterday today tonight last this earlier later also again afterwards separately here there".split()
)
# Words that end the tail of a speaker tag (", police said, adding that ...").
TAIL_ENDS = frozenset("adding saying as while citing quoting according and but".split())
#: ", citing state television", ", quoting a local official": a source relayed by the cue before or around it
CITING_WORDS = frozenset(("citing", "quoting"))
# Verbs whose object is the listener ("told AFP"), never an inverted subject.
OBJECT_VERBS = frozenset("told tells tell".split())
# ", a figure Hamas disputed", ", a claim the army denied": a noun that sums up the claim before
# it opens a clause about it; the verb there is someone answering the claim, not its source.
REBUTTAL_NOUNS = frozenset(
    "figure figures claim claims account version assertion allegation".split())
_REBUTTAL_RELATIVE = re.compile(r"(?i)\b(?:%s)\s+(?:which|that)\s+(?:the\s+)?$" % "|".join(sorted(REBUTTAL_NOUNS)))
NOT_COMPLEMENT = frozenset(
    """in on at of for from by with to into after before during was were is are
    had has have and or but as""".split()
)
# (the cardinals up to twelve only: a larger one written out is rare before a verb of saying)
NUMBER_WORDS = frozenset(w for w, n in UNIT_WORDS.items() if 1 <= n <= 12) | frozenset(
    ("dozen", *VAGUE_PLURALS, *"several many some both all no".split()))
# verbs that take the claimant as subject only when used actively in the present
# or past with a subject; "X is believed", "were reported" are passives, handled
# by the hedge-scope table instead.
AUX_BE = frozenset("is are was were be been being am 's".split())
#: "it's believed", "they're thought to": a contracted "be" makes the verb after it a passive
_BE_CONTRACTIONS = frozenset("it's that's there's what's he's she's they're we're who's".split())

# Words that may stand between the subject and the reporting verb ("police later said").
ADVERBS_BEFORE_VERB = frozenset(
    """also later earlier initially previously first then now again separately
    subsequently officially publicly had has have would will did does do
    quickly immediately yesterday today tonight further repeatedly""".split()
)
WEEKDAYS = frozenset(WEEKDAY_NAMES)

# Words that end a noun phrase when walking backwards from a verb.
STOP_BACK = frozenset(
    """that which whom whose when where while because after before as if since
    but so than then though although unless until said says told reported
    what how why whether""".split()
)
# Relative markers: the words after them belong to a relative clause, the
# subject lies before them ("a nurse who spoke to reporters later said").
RELATIVE = frozenset("who where whose".split())
RELATIVE_SUBJECTS = frozenset("who whom which that whose what".split())
# Words that end a noun phrase when walking forwards (inverted "said X", "according to X").
STOP_FWD = frozenset(
    """who which that whom to in on at as after while when adding speaking
    citing quoting late early yesterday today tonight last this and/or said says told
    reported during from with because but than""".split()
) | WEEKDAYS
PREPOSITIONS = frozenset(
    "in on at during after before with from since by to through despite under over for".split()
)
DETERMINERS = frozenset("the a an this that these those its his her their our".split())
PRONOUNS_PERSON = frozenset("he she him her".split())
PRONOUNS_PLURAL = frozenset("they them".split())
PRONOUNS_THING = frozenset("it".split())
#: "a man they say opened fire": a plural subject pronoun right before the verb is its subject (the body
#: it stands for is resolved as "they" is)
SUBJECT_PRONOUNS = frozenset("they".split())
# HONORIFICS: of the lexicon
# words in the tail after a verb that show it is followed by a clause (so the
# verb does not close the clause as a speaker tag does)
CLAUSE_WORDS = frozenset(
    "that was were is are had has have will would could may might can did does".split()
)

# Title words (TITLE_WORDS, of the lexicon) make a capitalised name a person and let "the diplomat"
# find "Ambassador Lars Dahl".
# Lower-case words that belong to a title before a name ("police spokesman John Doe",
# "national disaster agency spokesman Hartono").
TITLE_MODIFIERS = frozenset(
    """police army military fire disaster agency national local regional health
    county state city district provincial government hospital ministry defence
    defense foreign interior senior deputy chief press military""".split()
)
# Title synonyms for resolution: "the diplomat" matches an ambassador.
TITLE_SYNONYMS: dict[str, frozenset[str]] = {
    "diplomat": frozenset("diplomat ambassador envoy consul".split()),
    "envoy": frozenset("envoy ambassador diplomat".split()),
    "doctor": frozenset("doctor dr physician surgeon".split()),
    "physician": frozenset("doctor dr physician surgeon".split()),
    "spokesman": frozenset("spokesman spokeswoman spokesperson".split()),
    "spokeswoman": frozenset("spokesman spokeswoman spokesperson".split()),
    "official": frozenset(
        "official commissioner governor mayor chief director head administrator secretary minister".split()
    ),
    "leader": frozenset("leader president premier chief head".split()),
    "minister": frozenset("minister secretary".split()),
}

# Claimant kinds: (rule id, kind, words).  Checked in order against the
# lower-case tokens of the claimant string (multi-word entries as phrases);
# the first hit wins.
KIND_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("kind.media.agency", "media", (
        "news agency", "tass", "reuters", "ap", "afp", "associated press", "agence france",
        "xinhua", "irna", "isna", "fars", "mehr", "anadolu", "anatolian", "bernama", "antara",
        "map", "saba", "sana", "wafa", "kyodo", "yonhap", "interfax", "ria", "itar", "bbc",
        "cnn", "nhk", "sky", "al jazeera", "fox", "nbc", "abc", "cbs",
    )),
    ("kind.media.outlet", "media", (
        "media", "television", "tv", "radio", "newspaper", "daily", "broadcaster",
        "channel", "network", "outlet", "press", "website", "times", "post", "journal",
        "broadcast", "report", "reports", "news",
    )),
    ("kind.group.armed", "group", (
        "rebels", "rebel", "militants", "militant", "insurgents", "hamas", "taliban",
        "hezbollah", "isis", "isil", "islamic state", "al qaeda", "al-qaeda", "militia",
        "militias", "separatists", "boko haram", "guerrillas", "jihadists", "group",
    )),
    ("kind.police", "police", (
        "police", "policeman", "policemen", "sheriff", "sheriff's", "deputies", "deputy",
        "sergeant", "detective", "inspector", "constable",
        "officers", "officer", "constabulary", "trooper", "troopers", "gendarmerie",
    )),
    ("kind.military", "military", (
        "army", "military", "forces", "troops", "soldiers", "navy", "air force",
        "pentagon", "idf", "marines", "general", "colonel", "commander", "brigade",
        "defence forces", "defense forces", "coalition",
    )),
    ("kind.ngo", "ngo", (
        "red cross", "red crescent", "united nations", "un", "unicef", "unhcr", "who",
        "amnesty", "human rights watch", "msf", "doctors without borders", "hospital",
        "medical", "aid workers", "charity", "observatory", "ngo",
        "relief",
    )),
    ("kind.government", "government", (
        "ministry", "government", "regime", "cabinet", "kremlin", "white house",
        "state department", "minister", "president", "ambassador", "diplomat", "envoy",
        "prime", "premier", "embassy", "administration", "parliament", "king",
    )),
    ("kind.official", "official", (
        "officials", "official", "authorities", "authority", "mayor", "governor", "chief",
        "commissioner", "coroner", "fire department", "firefighters", "spokesman",
        "spokeswoman", "spokesperson", "agency", "department", "dept", "office", "examiner",
        "county", "council", "administrator", "secretary", "rescuers", "rescue", "firefighters",
    )),
    ("kind.person", "person", (
        "witness", "witnesses", "resident", "residents", "neighbors", "neighbours",
        "survivor", "survivors", "relatives", "activist", "activists", "refugees",
        "doctor", "nurse", "worker", "workers", "villagers", "people", "man", "woman",
        "sources",
    )),
)

# Hedge words inside the figure's clause: (rule id, pattern).  "reported" alone
# does not hedge ("No casualties were reported" is an assert); "reported dead"
# and "are reported to have been killed" do.
HEDGE_RULES: tuple[tuple[str, str], ...] = (
    ("stance.hedge.reportedly", r"\breportedly\b"),
    ("stance.hedge.allegedly", r"\b(?:allegedly|purportedly|supposedly)\b"),
    ("stance.hedge.reported_dead", r"\breported\s+(?:to\s+(?:have\s+been|be)\s+)?(?:dead|killed|injured|wounded|hurt|missing|drowned|kidnapped|abducted)\b"),
    ("stance.hedge.reported_to", r"\b(?:is|are|was|were)\s+reported\s+to\b"),
    ("stance.hedge.said_to", r"\b(?:is|are|was|were)\s+said\s+to\b"),
    ("stance.hedge.believed", r"\b(?:believed|thought|presumed|understood)\s+(?:to|dead|killed|missing|trapped|buried|"
                              r"drowned|captured|held|kidnapped|abducted|among)\b"),
    # "could not be independently verified", "has not been confirmed": checked before the confirm rules
    ("stance.hedge.not_confirmed", r"\b(?:not|n't|never|yet\s+to)\s+(?:be\s+|been\s+|yet\s+been\s+)?"
                                   r"(?:independently\s+|immediately\s+|officially\s+)?(?:confirmed|verified)\b"),
    ("stance.hedge.feared", r"\bfeared\b"),
    ("stance.hedge.fear", r"\b(?:i|we|they|officials)\s+fear\b|\bfears?\s+that\b"),
    ("stance.hedge.estimated", r"\b(?:an\s+)?estimated\b"),
    ("stance.hedge.unconfirmed", r"\b(?:unconfirmed|unverified|rumou?red)\b"),
    ("stance.hedge.modal", r"\b(?:may|might|could)\s+(?:have|be)\b"),
    ("stance.hedge.possibly", r"\b(?:possibly|perhaps)\b"),
    ("stance.hedge.seem", r"\b(?:seems?|seemed|appears?|appeared)\s+(?:certain\s+)?to\b"),
    ("stance.hedge.it_is_thought", r"\bit(?:\s+is|'s|’s)\s+(?:thought|believed|feared)\b"),
)
CONFIRM_RULES: tuple[tuple[str, str], ...] = (
    ("stance.confirm.confirmed", r"(?<!un)\bconfirmed\b"),
    ("stance.confirm.verified", r"\bverified\b"),
)

# Headline cues: "Police: 2 arrested ..." and "..., five hurt: media".
HEADLINE_BODIES = frozenset(
    """police officials official authorities media report reports army military
    witnesses sheriff coroner government ministry officers hospital""".split()
)

# ---------------------------------------------------------------------------
# Compiled patterns
# ---------------------------------------------------------------------------

#: (a possessive cut off by a space, "Iran 's", is one token;
#: a dot inside a word joins "U.S", "fredericksburg.com"; a dot between a lower-case word and a capital is a
#: sentence end with its space lost: "said police.Two women")
_TOKEN = re.compile(
    r"``|''|['\u2019]s(?![A-Za-z0-9])|\b[A-Z]\.(?=[ \t]+[A-Z][a-z])|\d{1,3}(?:,\d{3})+|\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Maj|Cpl|Adm|Rev|St)\.|(?:[A-Za-z]\.){2,}|[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F&]+|['\u2019\-](?=[A-Za-z0-9\u00C0-\u024F])|(?:(?<![a-z]{2})|(?!\.[A-Z]))\.(?=[A-Za-z0-9]))*|[^\sA-Za-z0-9]"
)
# the same tokens, each after the white space before it: ``re`` skips the white space in one step
# instead of trying every alternative at each of its characters, and ``findall`` makes no match
# objects.  Some alternative matches every character but white space, so (space, token) pairs
# tile the text up to its trailing white space, and their lengths give the offsets.
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")
_HEDGES = tuple((rid, re.compile(p, re.I)) for rid, p in HEDGE_RULES)
_CONFIRMS = tuple((rid, re.compile(p, re.I)) for rid, p in CONFIRM_RULES)
#: matches where one of the hedge or confirm rules does.  Every rule starts at a word boundary, so
#: the scan stops only at boundaries where one may begin (stops_pattern), not at every character
_STANCE_PATTERNS = [p for _rid, p in HEDGE_RULES + CONFIRM_RULES]
_ANY_STANCE_WORD = CaselessPattern(
    rf"\b(?={stops_pattern(_STANCE_PATTERNS, 6)})(?:" + "|".join(f"(?:{p})" for p in _STANCE_PATTERNS) + ")")
_NAME_TOK = r"(?:[A-Z][a-z\u00E0-\u024F][A-Za-z\u00C0-\u024F'\u2019]*(?:-[A-Za-z][A-Za-z\u00C0-\u024F]+)*|[A-Z]\.)"
_NAME = rf"{_NAME_TOK}(?:\s+(?:(?:de|van|von|der|den|al|bin|da|du|le|la|del|dos)\s+)?{_NAME_TOK}){{0,3}}"
# "Police Chief Ken Barnes", "disaster agency official Hartono"
# "Hartono, an official of the regional relief office," / "Dahl, Norway's ambassador":
# the appositive is found first, then the name just before its comma.
_APPOSITIVE_OPEN = re.compile(
    r",\s+(?P<app>(?:(?:a|an|the)\s+|[A-Z][\w'\u2019]*\s+)[^,.;:\"\u201c\u201d]{1,150})"
)
_NAME_BEFORE_COMMA = re.compile(rf"(?<![\w'\u2019-])(?P<name>{_NAME})\s*$")
#: "... in Baghdad, the police chief said": the words after the comma are a speaker tag (a title,
#: then a reporting verb), not an apposition naming "Baghdad" (an apposition is closed by a
#: comma: "Ali Hassan, the police chief, said"; or goes on with "who", "that", "which")
_TAG_NOT_APPOSITION = re.compile(
    r"(?:(?!(?:who|that|which|whose)\b)[\w'\u2019.-]+\s+){1,6}?"
    rf"(?:{words_pattern(sorted(v for v in VERBS if v not in AMBIGUOUS_FORMS))})\b", re.I)
# a word followed by a capitalised word: a candidate title before a name
# (a dot only after an abbreviation, "Dr. Ana Ruiz"; a full word and a dot end a sentence: "the head.
# Police said"; and no line break: "the head\n\nPolice recovered")
_WORD_THEN_CAP = re.compile(r"\b([A-Za-z]+)((?:(?<=\b[A-Za-z]{2})\.|(?<=\b[A-Za-z]{3})\.)?[ \t]+)(?=[A-Z][a-z\u00E0-\u024F])")
# where such a word is a title word (and so may start a match: matches of _WORD_THEN_CAP are a whole
# word and the space after it, so none starts inside another)
_TITLE_WORD = CaselessPattern(rf"\b(?:{words_pattern(TITLE_WORDS)})[.\s]")
_NAME_AT = re.compile(_NAME)


@dataclass(frozen=True, slots=True)
class _TitledName:
    title: str
    name: str
    _start: int
    _name_start: int
    _end: int

    def start(self, group: str | None = None) -> int:
        return self._name_start if group == "name" else self._start

    def end(self) -> int:
        return self._end

    def group(self, key: str) -> str:
        return self.name


def _TITLED_NAME_IN(body: str) -> list[_TitledName]:
    """"Police Chief Ken Barnes", "disaster agency official Hartono": a title word, then a name."""
    out = []
    for at in _TITLE_WORD.finditer(body):        # only where a title word begins can a match begin
        m = _WORD_THEN_CAP.match(body, at.start())
        if m is None or m.group(1).lower() not in TITLE_WORDS:
            continue
        nm = _NAME_AT.match(body, m.end())
        if nm is None:
            continue
        out.append(_TitledName(m.group(1), nm.group(), m.start(), nm.start(), nm.end()))
    return out
# "Norway's ambassador to Kenya, Lars Dahl,"
_COMMA_THEN_CAP = re.compile(r",\s+(?=[A-Z][a-z])")
_COMMA_AFTER = re.compile(r"\s*,")
_SEGMENT_BEFORE = re.compile(r"[^,.;:\"\u201c\u201d]{1,50}$")
_LEAD_WORDS = re.compile(r"((?:[\w'\u2019.\-]+\s+){0,3})$")
_LEAD_WORD = re.compile(r"[\w'\u2019.\-]+")
#: a word with a dot that does not end a sentence: "D.C.", "St.", "Lt.", "U.S."
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.")
# (each alternative opens with its own character: ``re`` then skips fast to the next of them)
_QUOTE_MARK = re.compile(r"\"|\u201c|\u201d|``|''")
_GAP_AFTER_QUOTE = re.compile(r"[\s,.:;!?]*")
_GAP_BEFORE_QUOTE = re.compile(r"[\s,:]*(?:(?:reporters|journalists|parliament|the [a-z]+|[A-Z][\w.]+)[\s,:]*)?")
_PRE_SCOPE_BREAK = re.compile(r";|\band\b|\bbut\b|\u2014|--")
# a line that cannot end a sentence: a comma, a function word or a reporting verb
_CONTINUES = re.compile(
    r"(?:,|\b(?:a|an|the|of|to|in|on|at|for|from|by|with|and|or|but|that|which|who|his|her|their|its|"
    r"our|as|than|into|about|after|before|over|under|said|says|told|reported|senior|some|nearly|almost))$"
)
#: (its matches end the text and are short: _units searches only the end of a sentence)
_CONTINUES_TAIL = tail_width(_CONTINUES) or 1 << 30      # (None: search it all)
#: a negation right before a confirming verb: "could not confirm", "declined to confirm",
#: "were unable to independently verify", "would not immediately confirm"
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:could|would|did|does|do|can|will|was|were|is|are|has|have|had)\s*(?:not|n't)|\b(?:cannot|never)|"
    r"\b(?:unable|declined|refused|failed)\s+to)\s+(?:(?:independently|immediately|yet|officially)\s+)?$", re.I)
#: ", a figure that could not be independently verified", ", which officials have not confirmed": the
#: sentence's figure is left unconfirmed
_UNVERIFIED_APPOSITION = re.compile(
    r",\s+(?:(?:a|the)\s+(?:figure|claim|number|toll|report|account|tally)s?\s+(?:that|which)|which(?:\s+[\w'\u2019]+){1,3})\s+"
    r"(?:could|can|has|have|had|did|do|does|was|were)\s*(?:not|n't)\s+(?:yet\s+)?(?:be\s+|been\s+)?(?:independently\s+)?"
    r"(?:verified|confirmed|verify|confirm)\b",
    re.I)
_UNCONFIRMED_SOURCE = re.compile(r"\b(?:unconfirmed|unverified|unofficial)\b", re.I)
#: the signature line of an embedded social-media post: "— NOPD (@NOPDNews) November 27, 2016"
_POST_SIGNATURE = re.compile(
    r"(?:^|\s)[\u2014\u2013-]{1,2}\s*(?P<name>[A-Z][^()\n\u2014\u2013]{0,60}?)\s*\(@\w{1,30}\)"
    r"\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*$")
_PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:the\s+|all\s+)?$")
_PARTICIPLE_CLAUSE = re.compile(r",\s+(?:\w+ing)\b")
#: ", saying ...": after a denial, the claimant's own figure ("denied reports that 300 died,
#: saying the toll was 87"): the denial does not reach past it
_OWN_FIGURE_CLAUSE = re.compile(r",\s+(?:saying|adding|insisting|noting|arguing|explaining|stating|claiming)\b", re.I)
_MIDCLAUSE_END = re.compile(r"(?:\b[a-z][a-z'\u2019-]*|,)$")
_CUE_WORD = CaselessPattern(
    rf"\b(?:{words_pattern([*VERBS, 'according', 'quoted', 'adding', 'saying', *CITING_WORDS])})\b")
#: the tokens _find_cues looks at (lower-case): the verbs, "according (to)", "adding", "saying",
#: "quoted", "citing", "quoting"
_CUE_TOKENS = frozenset(VERBS) | {"according", "adding", "saying", "quoted"} | CITING_WORDS
#: what may stand between a reporting cue and its ", citing X" (", Reuters reported on Sunday, citing")
_CITING_GAP = re.compile(r"[^;:.!?\"\u201c\u201d]{0,40}")
_CAP_WORD = re.compile(r"[A-Z][a-zA-Z\u00C0-\u024F'\u2019.\-]*$")
_DIGIT = re.compile(r"\d")
_OPEN_QUOTES = OPEN_QUOTES
_NEW_QUOTED_SENTENCE = re.compile(r"[.!?]\s+(?:``|\"|\u201c)")
_LOWER_ABBREV = re.compile(r"^[a-z]\.(?:[a-z]\.)+$")
_QUOTE_CHARS = {"\u201c": "open", "\u201d": "close", "``": "open", "''": "close", '"': "toggle"}
_HEADLINE_PREFIX = re.compile(r"^\s*(?P<np>[A-Z][\w'\u2019 ]{1,30}?)\s*:\s+\S")
_HEADLINE_SUFFIX = re.compile(r":\s*(?P<np>[A-Za-z][\w'\u2019 ]{1,30}?)\s*[.!]?\s*$")
#: (and a sentence end whose space was lost: "was released.He says")
_HARD_BOUNDARY = re.compile(r";|\s[\u2014\u2013]\s|\s--\s|,\s+but\s+(?!that\b)|(?<=[a-z]{2})[.!?](?=[A-Z\u201c\"])")
#: what stops a closing speaker tag from reaching back to a figure: a dash does not ("two suspects — a man
#: and a woman — were killed, the chief said"; "six were shot — one fatally — police said")
_TAG_BOUNDARY = re.compile(r";|,\s+but\s+(?!that\b)|(?<=[a-z]{2})[.!?](?=[A-Z\u201c\"])")
#: ", while witnesses said 12 died": a contrast that ends a speaker's clause when another speaker
#: follows it (", while another 900 would be released" goes on with the same speaker)
_CONTRAST = re.compile(r",\s+(?:while|whereas|although|though)\s+")


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: str | None      # as named in the text, resolved within the document; None = the outlet's own voice
    kind: str                 # one of CLAIMANT_KINDS
    via: tuple[str, ...]      # attribution chain outward
    stance: str               # assert | confirm | deny | hedge
    rules: tuple[str, ...]    # ids of the rules that fired


class _Tok(NamedTuple):      # a tuple: built for every token of every cue sentence, so cheap to make
    start: int
    end: int
    text: str
    low: str


@dataclass(slots=True)
class _Person:
    start: int
    name: str                 # "Ken Barnes"
    full: str                 # "Alturas Police Chief Ken Barnes"
    titles: frozenset[str]
    kind: str


@dataclass(slots=True)
class _Cue:
    start: int                # where the cue's words begin (absolute)
    end: int                  # where they end
    verb_start: int
    verb_end: int
    np: str                   # the noun phrase as written
    form: str                 # pre | tag | inv | according | quoted | elided
    stance: str
    rule: str
    claimant: str | None = None
    kind: str = "unknown"
    resolve_rule: str | None = None
    via: str | None = None    # "X quoted Y as saying", "X reported, citing Y": X
    via_rule: str | None = None   # the rule that set ``via``


@dataclass(slots=True)
class _Quote:
    start: int                # position of the opening mark
    end: int                  # position after the closing mark (or paragraph end)
    closed: bool
    speaker: _Cue | None = None
    rule: str | None = None


@dataclass(slots=True)
class AttributionContext:
    text: str
    sentences: list[Sentence]
    units: list[Sentence] = field(default_factory=list)           # sentences rejoined across hard line breaks
    unit_of: list[int] = field(default_factory=list)              # sentence index -> unit index
    persons: list[_Person] = field(default_factory=list)
    quotes: list[_Quote] = field(default_factory=list)
    cues: list[list[_Cue]] = field(default_factory=list)          # per unit
    tokens: list[list[_Tok]] = field(default_factory=list)        # per unit
    speakers: list[_Cue] = field(default_factory=list)            # resolved cues in reading order
    _quote_starts: list[int] = field(default_factory=list)
    #: unit start -> (starts, ends) of its _HARD_BOUNDARY matches, made when first asked
    _hard: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    _unit_starts: list[int] = field(default_factory=list)
    tweets: dict[int, _Cue] = field(default_factory=dict)         # paragraph -> the signature of an embedded post
    midsentence_names: frozenset[str] | None = None               # capitalised words inside sentences, made when first asked


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


_new_tuple = tuple.__new__      # makes a _Tok without the Python-level NamedTuple constructor


def _tokens(text: str, offset: int) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append
    pos = offset
    for space, w in _SPACED_TOKEN.findall(text):
        a = pos + len(space)
        pos = a + len(w)
        append(_new_tuple(_Tok, (a, pos, w, w.lower())))
    if pos - offset != len(text.rstrip()):      # not tiled (cannot happen): the offsets are wrong
        out = []
        for m in _TOKEN.finditer(text):
            w = m.group()
            out.append(_Tok(m.start() + offset, m.end() + offset, w, w.lower()))
    return out


def _is_word(t: _Tok) -> bool:
    return t.text[0].isalnum()


def _lows(s: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in _TOKEN.findall(s) if w[0].isalnum()]


def _kind_of(claimant: str | None, person: _Person | None = None,
             lows: list[str] | None = None) -> tuple[str, str]:
    """Kind of a claimant string; a person with a title is classed by the title.
    ``lows``: ``_lows(claimant)``, when the caller has it."""
    if not claimant:
        return "unknown", "kind.none"
    if person is not None:
        for rid, kind, words in KIND_RULES:
            if kind in ("police", "military", "government", "official") and not person.titles.isdisjoint(words):
                return kind, rid
        return "person", "kind.person.named"
    if lows is None:
        lows = _lows(claimant)
    joined = " " + " ".join(lows) + " "
    found = set(lows)
    for rid, kind, singles, phrases in _KIND_LOOKUP:
        if not found.isdisjoint(singles) or any(p in joined for p in phrases):
            return kind, rid
    if _POLICE_DEPARTMENT.search(claimant):
        return "police", "kind.police.department"
    return "unknown", "kind.unknown"


#: KIND_RULES split for lookup: one-word entries as a set (a word of the claimant equals one),
#: phrases padded with spaces (found in the space-joined words)
_KIND_LOOKUP = tuple((rid, kind, frozenset(w for w in words if " " not in w),
                      tuple(f" {w} " for w in words if " " in w)) for rid, kind, words in KIND_RULES)
#: police department acronyms: NYPD, LAPD, SFPD, MPD
_POLICE_DEPARTMENT = re.compile(r"\b[A-Z]{1,4}PD\b")


def _titles_in(s: str) -> frozenset[str]:
    return frozenset(w for w in _lows(s) if w in TITLE_WORDS)


def _clean_np(toks: list[_Tok]) -> list[_Tok]:
    """Trim a collected noun phrase: leading conjunctions / prepositional lead-ins, trailing adverbs."""
    while toks and toks[-1].low in ADVERBS_BEFORE_VERB:
        toks = toks[:-1]
    while toks and not _is_word(toks[0]) and toks[0].text not in ("'s",):
        toks = toks[1:]
    if toks and toks[0].low in PREPOSITIONS:
        dets = [i for i, t in enumerate(toks) if i > 0 and t.low in ("the", "a", "an")]
        if dets:
            toks = toks[dets[-1]:]
        else:
            toks = toks[2:] if len(toks) > 2 else toks[1:]
    while toks and not _is_word(toks[-1]):
        toks = toks[:-1]
    return toks


def _span_text(text: str, toks: list[_Tok]) -> str:
    return text[toks[0].start:toks[-1].end] if toks else ""


def _name_like(text: str, toks: list[_Tok]) -> bool:
    """A short phrase ending in a capitalised word (a name or a named body)."""
    words = [t for t in toks if _is_word(t)]
    return bool(words) and len(words) <= 6 and bool(_CAP_WORD.match(words[-1].text)) and bool(_CAP_WORD.match(words[0].text))


# ---------------------------------------------------------------------------
# build_context
# ---------------------------------------------------------------------------


def build_context(text: str, sentences: list[Sentence]) -> AttributionContext:
    """Everything ``attribute`` needs, computed once per document."""
    ctx = AttributionContext(text=text, sentences=sentences)
    if not sentences:
        return ctx
    ctx.units, ctx.unit_of = _units(text, sentences)
    ctx._unit_starts = [u.start for u in ctx.units]
    ctx.persons = _find_persons(text, sentences[0].start, sentences[-1].end)
    ctx.quotes = _find_quotes(text, ctx.units)
    ctx._quote_starts = [q.start for q in ctx.quotes]
    # only sentences with a cue word can hold a cue: the others are neither tokenised nor searched.
    # One scan of the body finds them all: a cue word lies inside one sentence (only white space
    # lies between sentences), and sentences start and end beside white space, as the text does.
    starts = [u.start for u in ctx.units]
    lo = starts[0]
    with_cue = [False] * len(ctx.units)
    for m in _CUE_WORD.finditer(text[lo:ctx.units[-1].end]):
        with_cue[bisect_right(starts, lo + m.start()) - 1] = True
    ctx.tokens = [_tokens(u.text, u.start) if has else [] for u, has in zip(ctx.units, with_cue)]
    for i, has in enumerate(with_cue):
        cues = _find_cues(ctx, i) if has else []
        for c in cues:
            _resolve_cue(ctx, c)
            if c.claimant:
                ctx.speakers.append(c)
        ctx.cues.append(cues)
    _assign_quote_speakers(ctx)
    # an embedded post ends its paragraph with its author's signature: "... — NOPD (@NOPDNews) May 2, 2016"
    for i, u in enumerate(ctx.units):
        if i + 1 < len(ctx.units) and ctx.units[i + 1].paragraph == u.paragraph:
            continue
        m = _POST_SIGNATURE.search(u.text, max(0, len(u.text) - 160))
        if m is not None:
            a, b = u.start + m.start("name"), u.start + m.end("name")
            c = _Cue(a, b, a, b, m.group("name"), "tag", "assert", "attr.post.signature")
            _resolve_cue(ctx, c)
            ctx.tweets[u.paragraph] = c
    return ctx


def _units(text: str, sentences: list[Sentence]) -> tuple[list[Sentence], list[int]]:
    """Rejoin sentences cut at a hard line break in mid-clause (wire copy wrapped at
    65 columns: "..., a senior\nBelgian official said.")."""
    units: list[Sentence] = []
    unit_of: list[int] = []
    for s in sentences:
        if units:
            u = units[-1]
            gap = text[u.end:s.start]
            if gap.count("\n") == 1 and not gap.strip() and (
                    _CONTINUES.search(u.text, max(0, len(u.text) - _CONTINUES_TAIL))
                    or ("\n" in u.text and _MIDCLAUSE_END.search(u.text))):
                units[-1] = Sentence(u.start, s.end, text[u.start:s.end], u.paragraph)
                unit_of.append(len(units) - 1)
                continue
        units.append(s)
        unit_of.append(len(units) - 1)
    return units, unit_of


def _find_persons(text: str, start: int, end: int) -> list[_Person]:
    """People named with a title, in order of first mention."""
    body = text[start:end]
    found: dict[int, _Person] = {}
    for m in _TITLED_NAME_IN(body):
        name = m.group("name")
        if name.split()[0].lower() in TITLE_WORDS:
            continue
        # extend the title backwards over capitalised modifiers ("Alturas Police Chief")
        # (only words on the title's own line, and none that ends a sentence: "... Be Caught\n\nBridgeport
        # police Chief", "on Thursday. Detroit Police Chief")
        ext = _LEAD_WORDS.search(body, max(0, m.start() - 80), m.start())
        lead_words: list[str] = []
        lead_start = m.start()
        for w in reversed(list(_LEAD_WORD.finditer(body, ext.start() if ext else m.start(), m.start()))):
            word = w.group()
            if "\n" in body[w.end():lead_start] or (word.endswith(".") and not _ABBREVIATION.fullmatch(word)) \
                    or w.start() > 0 and body[w.start() - 1].isalnum():       # (a word cut by the window)
                break
            if word[0].isupper() and word.lower() not in ("the", "a", "an", "and", "but", "said", "according") \
                    or word.lower() in TITLE_MODIFIERS:
                lead_words.insert(0, word)
                lead_start = w.start()
            else:
                break
        full = " ".join(body[lead_start:m.end()].split())
        titles = frozenset(_lows(" ".join(lead_words + [m.title])))
        pos = start + m.start("name")
        found[pos] = _Person(pos, name, full, titles, "person")
    for m in _APPOSITIVE_OPEN.finditer(body):
        titles = _titles_in(m.group("app"))
        if not titles or _TAG_NOT_APPOSITION.match(m.group("app")):
            continue
        nm = _NAME_BEFORE_COMMA.search(body, max(0, m.start() - 60), m.start())
        if nm is None:
            continue
        name = nm.group("name")
        if name.split()[0].lower() in DETERMINERS | TITLE_WORDS | {"police"}:
            continue
        pos = start + nm.start("name")
        prev = _overlapping(found, pos, len(name))
        if prev is not None:
            prev.titles = prev.titles | titles
        else:
            found[pos] = _Person(pos, name, name, titles, "person")
    # "Norway's ambassador to Kenya, Lars Dahl,": title first, then the name
    for m in _COMMA_THEN_CAP.finditer(body):
        nm = _NAME_AT.match(body, m.end())
        if nm is None or not _COMMA_AFTER.match(body, nm.end()):
            continue
        seg = _SEGMENT_BEFORE.search(body, max(0, m.start() - 50), m.start())
        titles = _titles_in(seg.group(0)) if seg else frozenset()
        if not titles:
            continue
        pos = start + nm.start()
        prev = _overlapping(found, pos, len(nm.group()))
        if prev is not None:
            prev.titles = prev.titles | titles
        else:
            found[pos] = _Person(pos, nm.group(), nm.group(), titles, "person")
    persons = [found[k] for k in sorted(found)]
    for p in persons:
        p.kind = _kind_of(p.full, p)[0]
    return persons


def _overlapping(found: dict[int, _Person], pos: int, length: int) -> _Person | None:
    for k, p in found.items():
        if k <= pos < k + len(p.name) or pos <= k < pos + length:
            return p
    return None


def _find_quotes(text: str, sentences: list[Sentence]) -> list[_Quote]:
    """Quotation spans, paragraph by paragraph (an unclosed quote ends with its paragraph)."""
    quotes: list[_Quote] = []
    paras: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, b = paras.get(s.paragraph, (s.start, s.end))
        paras[s.paragraph] = (min(a, s.start), max(b, s.end))
    for p in sorted(paras):
        a, b = paras[p]
        open_at: int | None = None
        for m in _QUOTE_MARK.finditer(text, a, b):
            pos = m.start()
            mark = _QUOTE_CHARS[m.group()]
            if mark == "toggle":
                mark = "open" if open_at is None else "close"
            if mark == "open":
                if open_at is None:
                    open_at = pos
            elif open_at is not None:
                quotes.append(_Quote(open_at, m.end(), True))
                open_at = None
        if open_at is not None:
            quotes.append(_Quote(open_at, b, False))
    return quotes


def _quote_at(ctx: AttributionContext, pos: int) -> _Quote | None:
    i = bisect_right(ctx._quote_starts, pos) - 1
    if i >= 0 and ctx.quotes[i].start < pos < ctx.quotes[i].end:
        return ctx.quotes[i]
    return None


def _in_quote(ctx: AttributionContext, pos: int) -> bool:
    return _quote_at(ctx, pos) is not None


def _sentence_subject(toks: list[_Tok]) -> list[_Tok]:
    """The leading noun phrase of a sentence, after a dateline ("JAKARTA, Indonesia -- Police ...")."""
    begin = 0
    for i, t in enumerate(toks[:10]):
        if t.text in ("--", "\u2014", "\u2013", "-", ":") or (t.text == ")" and i < 6):
            begin = i + 1
    out: list[_Tok] = []
    for t in toks[begin:begin + 7]:
        if not _is_word(t):
            break
        # (a speaker word after a name belongs to it: "San Antonio police")
        if t.text[0].isupper() or t.low in ("the", "a", "an", "of", "and") or t.low.endswith("'s") \
                or out and t.low in _SPEAKER_WORDS:
            out.append(t)
        else:
            break
    # (function words alone name nobody: "A relative came and told me" gives no subject, not "A")
    while out and out[-1].low in ("the", "a", "an", "of", "and"):
        out.pop()
    return out


#: lower-case adverbs of manner or time between a subject and its verb ("the navy had originally said",
#: "officials repeatedly stated"); not "family", "rally"
_MANNER_ADVERB = re.compile(r"[a-z]+(?:ally|ously|ently|antly|edly|ately|ively)$")


def _np_back(ctx: AttributionContext, toks: list[_Tok], j: int) -> tuple[list[_Tok], str]:
    """Collect the subject noun phrase ending at token j (inclusive).

    Returns (tokens, how): how is "np", "elided" (and said), "relative" (who said)
    or "none".
    """
    text = ctx.text
    # skip adverbs and "on Tuesday" between the subject and the verb
    while j >= 0 and (toks[j].low in ADVERBS_BEFORE_VERB or toks[j].low in WEEKDAYS or _MANNER_ADVERB.match(toks[j].text)
                      or (toks[j].low == "on" and j + 1 < len(toks) and toks[j + 1].low in WEEKDAYS)):
        j -= 1
    if j < 0:
        return [], "none"
    t = toks[j]
    if t.low in ("and", "but", "or"):
        return [], "elided"
    if t.low in RELATIVE_SUBJECTS:
        return [], "relative"
    if t.text == ",":
        # appositive: "Mr Dahl, the commissioner of ..., said"
        rel = _relative_aside(toks, j)
        if rel:
            return rel, "np"
        k = j - 1
        seg_a: list[_Tok] = []
        while k >= 0 and toks[k].text not in (",", ";", ":", "(", ")") and toks[k].low not in ("that",):
            seg_a.insert(0, toks[k])
            k -= 1
        if k >= 0 and toks[k].text == ",":
            m = k - 1
            seg_b: list[_Tok] = []
            while m >= 0 and toks[m].text not in (",", ";", ":", '"', "\u201c", "\u201d", "``", "''") \
                    and toks[m].low not in STOP_BACK and len(seg_b) < 6:
                seg_b.insert(0, toks[m])
                m -= 1
            seg_b = _clean_np(seg_b)
            if seg_a and seg_a[0].low in PREPOSITIONS | {"according", "speaking"} | CITING_WORDS:
                if seg_b:
                    return seg_b, "np"
            elif seg_b and _name_like(text, seg_b) and not any(_DIGIT.search(x.text) for x in seg_b):
                return seg_b, "np"
            elif seg_b and seg_b[0].low in DETERMINERS and m >= 1 and toks[m].text == ",":
                # a second appositive: "Amir Hosseini, the governor of X, the worst-hit area, said"
                n_ = m - 1
                seg_c: list[_Tok] = []
                while n_ >= 0 and toks[n_].text not in (",", ";", ":", '"', "\u201c", "\u201d", "``", "''") \
                        and toks[n_].low not in STOP_BACK and len(seg_c) < 6:
                    seg_c.insert(0, toks[n_])
                    n_ -= 1
                seg_c = _clean_np(seg_c)
                if seg_c and _name_like(text, seg_c) and not any(_DIGIT.search(x.text) for x in seg_c) \
                        and _titles_in(_span_text(text, seg_b)):
                    return seg_c, "np"
        seg_a = _clean_np(seg_a)
        return (seg_a, "np") if seg_a else ([], "none")
    if toks[j].low in SUBJECT_PRONOUNS:
        return [toks[j]], "np"      # "a man they say opened fire": the pronoun is the subject
    out: list[_Tok] = []
    k = j
    while k >= 0 and len(out) < 12:
        t = toks[k]
        if (not _is_word(t) and t.text not in ("&", "'s", "\u2019s")) or _LOWER_ABBREV.match(t.text):
            break
        if t.low in RELATIVE:
            if not out:
                return [], "relative"
            if t.low == "where" and not any(x.low in _FINITE_AUX for x in out):
                break         # "the scene where sources said": "where" opens a clause with its own subject
            out = []          # drop the relative clause, keep walking to its head
            k -= 1
            continue
        if t.low in STOP_BACK or (t.low in VERBS and t.low not in AMBIGUOUS_FORMS):
            if not out and t.low in RELATIVE_SUBJECTS:
                return [], "relative"
            break
        out.insert(0, t)
        k -= 1
    out = _clean_np(out)
    if any(x.low in _FINITE_AUX for x in out):
        out = _speaker_tail(out)
    while out and out[0].low in ("and", "but", "or"):
        out = out[1:]
    if len(out) == 1 and out[0].low in RELATIVE_SUBJECTS:
        return [], "relative"
    return out, ("np" if out else "none")


_ASIDE_STOPS = frozenset((",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "``", "''"))


def _relative_aside(toks: list[_Tok], j: int) -> list[_Tok]:
    """The subject before a relative aside that ends at the comma ``j``: "A mother, who did not give
    her name, said" / "A spokesman for the fund, a charity that feeds orphans, said" give the words
    before the aside's opening comma (an age before a name dropped: "20-year-old Ann Lee")."""
    k = j - 1
    while k >= 0 and toks[k].text not in _ASIDE_STOPS:
        k -= 1
    if k < 1 or toks[k].text != "," or k == j - 1:
        return []
    aside = toks[k + 1:j]
    if not any(x.low in ("who", "which", "whose") or x.low == "that" and i > 0 for i, x in enumerate(aside)):
        return []
    m = k - 1
    before: list[_Tok] = []
    while m >= 0 and toks[m].text not in _ASIDE_STOPS and toks[m].low not in STOP_BACK and len(before) < 7:
        before.insert(0, toks[m])
        m -= 1
    before = _clean_np(before)
    while before and _DIGIT.search(before[0].text):
        before = before[1:]
    if not before or any(x.low in VERBS or x.low in AUX_BE or _DIGIT.search(x.text) for x in before):
        return []
    return before


#: finite verbs that a subject noun phrase cannot hold: the words before them are a clause of their own
_FINITE_AUX = frozenset("is are was were has have had".split())
#: lower-case words that may end a speaker's name when a comma was lost before it ("... in Kansas City
#: police said"): titles, their modifiers and the bodies of KIND_RULES
_SPEAKER_WORDS = TITLE_WORDS | TITLE_MODIFIERS | RESPONDER_NOUNS | frozenset(
    w for _rid, _kind, words in KIND_RULES for w in words if " " not in w and w not in ("people", "man", "woman"))


def _speaker_tail(np: list[_Tok]) -> list[_Tok]:
    """The speaker at the end of words that hold a clause ("a girl was hurt in Kansas City police" ->
    "Kansas City police"; "others were not hurt and one of them" -> nothing): the last run of
    capitalised words and speaker words, with a determiner before it."""
    k = len(np)
    while k > 0 and (np[k - 1].text[0].isupper() and np[k - 1].low not in _FINITE_AUX or np[k - 1].low in _SPEAKER_WORDS
                     or np[k - 1].text in ("'s", "&")):
        k -= 1
    if k == len(np):
        return []
    if k > 0 and np[k - 1].low in DETERMINERS:
        k -= 1
    tail = np[k:]
    return tail if any(t.low in _SPEAKER_WORDS or t.text[0].isupper() for t in tail) else []


def _np_fwd(toks: list[_Tok], j: int) -> list[_Tok]:
    """Collect a noun phrase starting at token j ("said Hartono, an official ..." -> Hartono)."""
    out: list[_Tok] = []
    k = j
    while k < len(toks) and len(out) < 12:
        t = toks[k]
        if not _is_word(t) and t.text not in ("-", "&"):
            break
        if out and (t.low in STOP_FWD):
            break
        if not out and (t.low in ("on", "late", "early", "yesterday", "today") or t.low in WEEKDAYS):
            break
        out.append(t)
        k += 1
    return _clean_np(out)


_CARDINALS = frozenset(CARDINAL_WORDS) | frozenset(("dozen", "dozens", *VAGUE_PLURALS))


def _counted_clause(np: list[_Tok]) -> bool:
    """", said nine people died": a count then lower-case words after the verb is the reported clause
    with its comma lost, not an inverted speaker (", said Ruth Okello" / ", said the agency" are)."""
    return any(t.low in _CARDINALS for t in np) and np[-1].text.islower()


def _np_ends_clause(toks: list[_Tok], last: _Tok) -> bool:
    """The token after a forward noun phrase closes the clause (punctuation, end, who, to ...)."""
    k = next(i for i, t in enumerate(toks) if t is last) + 1
    if k >= len(toks):
        return True
    t = toks[k]
    return (not _is_word(t)) or (t.low in STOP_FWD and t.low not in VERBS and t.low not in ("that", "and", "but"))


#: "said as many as 40", "said as few as": a bound after "as"
_AS_BOUNDS = frozenset("many much few high low long".split())


def _tail_is_tag(toks: list[_Tok], v: int) -> bool:
    """After the verb the clause ends (", police said." / "told AFP late Tuesday." /
    "said on its website").  A tail that could be a reported clause ("said the
    dead included ...") is not a tag."""
    tail: list[_Tok] = []
    after = v + 1
    if after + 1 < len(toks) and toks[after].text == "," and toks[after + 1].low in CITING_WORDS:
        # "Reuters reported, citing state television, that ...": the tail after the citing phrase
        k = next((i for i in range(after + 2, len(toks)) if toks[i].text in (",", ".", ";")), len(toks))
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and (
                toks[k + 1].low == "that" or _DIGIT.search(toks[k + 1].text) or toks[k + 1].low in NUMBER_WORDS):
            return False
    for i, t in enumerate(toks[after:], after):
        # (an aside in brackets ends the tag: "told the Herald (http://...) on Sunday"; "as many as" is a
        # bound on a figure, not "said as he left")
        if t.text in (",", ".", ";", "!", "?", "(", ")", "\u2014", "--") or t.low in TAIL_ENDS and not (
                t.low == "as" and i + 1 < len(toks) and toks[i + 1].low in _AS_BOUNDS):
            break
        if t.text in ('"', "\u201c", "``", ":"):
            return False
        tail.append(t)
    if not tail:
        return True
    # (a channel number after a name is part of it: "told WKRG News 5")
    if any(t.low in CLAUSE_WORDS or _DIGIT.search(t.text) and ":" not in t.text
           and not (toks[v].low in OBJECT_VERBS and i > 0 and tail[i - 1].text[0].isupper() and t.text.isdigit())
           or t.low in NUMBER_WORDS for i, t in enumerate(tail)) or len(tail) > 8:
        return False
    first = tail[0]
    if first.low in TAIL_STARTS or first.low in WEEKDAYS or first.low in PREPOSITIONS:
        return True
    if toks[v].low in OBJECT_VERBS and len(tail) <= 4:
        return True            # told reporters / told AFP / told our correspondent
    if toks[v].low in OBJECT_VERBS and any(0 < i <= 4 and (t.low in PREPOSITIONS or t.low in TAIL_STARTS)
                                           for i, t in enumerate(tail)):
        return True            # told Reuters on condition of anonymity / told a news conference in the capital
    return all(t.text[0].isupper() for t in tail if _is_word(t))


def _find_cues(ctx: AttributionContext, si: int) -> list[_Cue]:
    toks = ctx.tokens[si]
    text = ctx.text
    cues: list[_Cue] = []
    n = len(toks)
    # only these tokens can be cues (every other token is passed over below); "quoted" for the
    # passive quotation loop
    at = [v for v, t in enumerate(toks) if t.low in _CUE_TOKENS]
    citing: list[_Cue] = []
    for v in at:
        t = toks[v]
        low = t.low
        # according to X
        if low == "according" and v + 1 < n and toks[v + 1].low == "to":
            np = _source_np(toks, v + 2)
            if np and not _in_quote(ctx, t.start):
                cues.append(_Cue(t.start, np[-1].end, t.start, toks[v + 1].end, _span_text(text, np),
                                 "according", "assert", "attr.according_to"))
            continue
        # citing X: the source a reporting cue relays; kept aside and joined to that cue below
        if low in CITING_WORDS:
            np = _source_np(toks, v + 1)
            if np and np[0] is toks[v + 1] and not _in_quote(ctx, t.start):
                citing.append(_Cue(t.start, np[-1].end, t.start, t.end, _span_text(text, np), "citing", "assert",
                                   f"attr.{low}"))
            continue
        # adding (that) / saying: the subject is the speaker of the previous cue
        if low in ("adding", "saying") and v > 0 and toks[v - 1].text == "," and not _in_quote(ctx, t.start):
            prev = next((c for c in reversed(cues) if c.np), None)
            if prev is not None:
                cues.append(_Cue(t.start, t.end, t.start, t.end, prev.np, "elided", "assert",
                                 f"attr.{low}.participle"))
            else:
                subj = _sentence_subject(toks)
                if subj:
                    cues.append(_Cue(t.start, t.end, t.start, t.end, _span_text(text, subj), "elided", "assert",
                                     f"attr.{low}.participle"))
            continue
        if low not in VERBS or _in_quote(ctx, t.start):
            continue
        stance = VERBS[low]
        j = v - 1
        prev = toks[j] if j >= 0 else None
        # passives: "was quoted as saying" is a cue; "is said to", "were reported" are not
        b = j
        while b > 0 and (toks[b].low.endswith("ly") and len(toks[b].low) > 4 or toks[b].low in ("not", "n't", "never")):
            b -= 1                  # "could not be independently verified", "are not believed": a passive all the same
        if prev is not None and (prev.low in AUX_BE or toks[b].low in AUX_BE or prev.low.replace("\u2019", "'") in _BE_CONTRACTIONS):
            agent = _passive_agent(toks, v) if low in PASSIVE_AGENT_VERBS else None
            if agent and not _in_quote(ctx, t.start):
                # "nine people have been confirmed dead by the police": the agent reports the clause
                cues.append(_Cue(t.start, agent[-1].end, t.start, t.end, _span_text(text, agent), "according", stance,
                                 "attr.passive.by_agent"))
            continue
        if low == "quoted":
            continue
        if prev is not None and (prev.low in ("the", "a", "an", "this", "its", "their", "his", "her", "other", "another")
                                 or _DIGIT.search(prev.text) or prev.low in NUMBER_WORDS):
            continue
        nxt = toks[v + 1] if v + 1 < n else None
        if low in TOLL_VERBS:
            if nxt is None or not _TOLL_OBJECT.match(text, nxt.start):
                continue
        elif low in AMBIGUOUS_FORMS and (t.text[0].isupper() and prev is not None and prev.text[0].isupper()
                                             and nxt is not None and nxt.text[0].isupper() or prev is not None and prev.low.endswith("ing")):
            continue    # "the United States Geological Survey", "confirming reports of": nouns
        elif low in AMBIGUOUS_FORMS and (prev is not None and prev.low in REPORT_ADJECTIVES or nxt is not None and (
                nxt.low in VERBS and nxt.low not in AMBIGUOUS_FORMS)):
            continue    # "initial reports indicated", "estimates say": the noun, subject of the next verb
        elif low in AMBIGUOUS_FORMS and nxt is not None and (
                nxt.low in NOT_COMPLEMENT or not (_is_word(nxt) or nxt.text in _OPEN_QUOTES or nxt.text in ".!:")):
            continue
        if low.startswith("claim") and nxt is not None and (
                _DIGIT.search(nxt.text) or nxt.low in NUMBER_WORDS or nxt.low in ("the", "lives")) \
                and any(x.low in ("lives", "life") for x in toks[v + 1:v + 5]):
            continue
        if stance == "hedge" and (nxt is not None and nxt.low == "of" or prev is not None and prev.text == ",") \
                or prev is not None and prev.low in PREPOSITIONS and prev.low != "to":
            continue    # "a man suspected of", "two teens, believed targeted,", "looking for suspects": a participle, a noun
        # (a verb of belief never stands before its subject: "suspect sought", "3 teens, believed targeted")
        after_punct = (prev is None or prev.text in (",", '"', "\u201d", "''", ":", "\u2019")) and stance != "hedge"
        if after_punct and nxt is not None and _is_word(nxt) and low not in OBJECT_VERBS \
                and nxt.low not in PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING | {"i", "we", "you"}:
            np2 = _np_fwd(toks, v + 1)
            end_k = v + 1 + len(np2)
            if np2 and not any(x.low in CLAUSE_WORDS or x.text[0].isdigit() for x in np2) \
                    and not _counted_clause(np2) \
                    and np2[0].low not in ("that",) and _np_ends_clause(toks, np2[-1]):
                cues.append(_Cue(t.start, np2[-1].end, t.start, t.end, _span_text(text, np2), "inv", stance,
                                 f"attr.{low}.inverted"))
                continue
        # "could not confirm", "declined to confirm", "were unable to verify": a confirmation refused
        # leaves the figure unconfirmed (hedge); the subject stands before the negation
        if stance == "confirm" and prev is not None:
            neg = _NEGATION_BEFORE.search(text, max(0, t.start - 40), t.start)
            if neg is not None:
                stance = "hedge"
                while j >= 0 and (toks[j].start >= neg.start() or toks[j].low in AUX_BE):
                    j -= 1
        elif prev is not None and prev.low == "to":
            continue
        # present plural forms like "estimate", "claim", "report" need a plural subject; skip after "to"
        np, how = _np_back(ctx, toks, j)
        if how == "np" and np[0].low.endswith("ing") and np[0].text.islower() and len(np[0].low) > 5:
            continue    # ", denying rebel claims": a participle phrase, not a subject
        if how == "np" and len(np) > 1 and np[0].low in ("a", "an", "the", "that") and np[1].low in REBUTTAL_NOUNS:
            continue    # ", a claim the army denied": an answer to the claim, not its source
        if how == "np" and _REBUTTAL_RELATIVE.search(text, max(0, np[0].start - 30), np[0].start):
            continue    # ", a claim which the army denied": the same answer
        if low in SHOW_VERBS and (how != "np" or all(x.low not in SHOWING_DOCUMENTS for x in np)):
            continue    # "the video shows", "they showed": no report
        if how == "np" and not any(_DIGIT.search(x.text) for x in np) and not any(x.low in VERBS and x.low not in AMBIGUOUS_FORMS for x in np):
            k0 = next(i for i, x in enumerate(toks) if x is np[0])
            # (", which officials have not confirmed": a relative clause about the figure, no closing tag)
            in_relative = k0 > 0 and toks[k0 - 1].low in ("which", "that", "whom")
            form = "tag" if not in_relative and _tail_is_tag(toks, v) else "pre"
            cues.append(_Cue(np[0].start, t.end, t.start, t.end, _span_text(text, np), form, stance,
                             f"attr.{low}.{'tag' if form == 'tag' else 'before'}"))
        elif how == "elided":
            subj = _sentence_subject(toks)
            if subj and subj[-1].end <= t.start:
                cues.append(_Cue(t.start, t.end, t.start, t.end, _span_text(text, subj), "elided", stance,
                                 f"attr.{low}.elided_subject"))
        elif how == "none" and after_punct:
            np2 = _np_fwd(toks, v + 1)
            if np2 and not any(x.text[0].isdigit() for x in np2) and np2[0].low not in ("that",):
                cues.append(_Cue(t.start, np2[-1].end, t.start, t.end, _span_text(text, np2), "inv", stance,
                                 f"attr.{low}.inverted"))
    # passive quotation: "X was quoted as saying", "X quoted Y as saying"
    for v in at:
        if v >= n - 2:
            break
        if toks[v].low == "quoted" and toks[v + 1].low == "as" and toks[v + 2].low in ("saying", "telling"):
            if _in_quote(ctx, toks[v].start):
                continue
            j = v - 1
            if j >= 0 and toks[j].low in AUX_BE:
                np, how = _np_back(ctx, toks, j - 1)
                if np:
                    cues.append(_Cue(np[0].start, toks[v + 2].end, toks[v].start, toks[v + 2].end,
                                     _span_text(text, np), "quoted", "assert", "attr.quoted_as_saying"))
        if toks[v].low == "quoted" and not _in_quote(ctx, toks[v].start):
            k = v + 1
            while k < n and k < v + 10 and toks[k].low != "as":
                k += 1
            if k < n - 1 and k > v + 1 and toks[k].low == "as" and toks[k + 1].low in ("saying", "telling"):
                if v > 0 and toks[v - 1].low in AUX_BE:
                    # "X was quoted by Y as saying": X the claimant, Y the channel
                    if toks[v + 1].low == "by" and k > v + 2:
                        subj, how = _np_back(ctx, toks, v - 2)
                        agent = _clean_np(toks[v + 2:k])
                        if subj and how == "np" and agent:
                            c = _Cue(subj[0].start, toks[k + 1].end, toks[v].start, toks[k + 1].end,
                                     _span_text(text, subj), "quoted", "assert", "attr.quoted_by_as_saying")
                            c.via = _span_text(text, agent)
                            cues.append(c)
                    continue
                obj = _clean_np(toks[v + 1:k])
                subj, how = _np_back(ctx, toks, v - 1)
                if obj:
                    c = _Cue(obj[0].start, toks[k + 1].end, toks[v].start, toks[k + 1].end,
                             _span_text(text, obj), "quoted", "assert", "attr.quoted_object_as_saying")
                    if subj and how == "np":
                        c.via = _span_text(text, subj)
                    cues.append(c)
    cues.sort(key=lambda c: c.start)
    for ct in citing:
        _join_citing(text, cues, ct)
    return cues


#: reporting verbs whose passive names the reporter after "by" ("were confirmed dead by police")
PASSIVE_AGENT_VERBS = frozenset("confirmed reported announced stated".split())


def _passive_agent(toks: list[_Tok], v: int) -> list[_Tok]:
    """The agent of a passive reporting verb at ``v``: "by X" right after it or after one or two words
    ("confirmed dead by the police"); none when X starts with a figure ("reported by 9 p.m.")."""
    k = v + 1
    while k < len(toks) and k <= v + 2 and _is_word(toks[k]) and toks[k].low != "by":
        k += 1
    if k + 1 >= len(toks) or toks[k].low != "by":
        return []
    agent = _source_np(toks, k + 1)
    if not agent or agent[0] is not toks[k + 1] or agent[0].text[0].isdigit() or agent[0].low in NUMBER_WORDS:
        return []
    return agent


def _join_citing(text: str, cues: list[_Cue], ct: _Cue) -> None:
    """", Reuters reported, citing state television": the cue's claimant becomes the source it
    cites, and the reporter its channel (via).  The host is the cue just before ", citing X"
    ("Reuters reported, citing"; "according to Reuters, citing"), or the one around or after it
    ("The agency, citing a local official, said"; "Citing police, the newspaper said")."""
    host = None
    for c in cues:
        if c.end <= ct.start and _CITING_GAP.fullmatch(text, c.end, ct.start):
            host = c               # the last such cue before it
        elif c.start < ct.start and c.verb_start >= ct.end and _CITING_GAP.fullmatch(text, ct.end, c.verb_start):
            host = c
            break
        elif c.start >= ct.end:
            if host is None and _CITING_GAP.fullmatch(text, ct.end, c.start):
                host = c
            break
    if host is None or host.via is not None or host.form in ("elided", "citing") or host.stance != "assert":
        return
    host.via, host.np, host.via_rule = host.np, ct.np, ct.rule


def _source_np(toks: list[_Tok], j: int) -> list[_Tok]:
    """The noun phrase of a source at token j; a document it issued ("a statement from the army",
    "figures released by the ministry") gives way to its issuer."""
    np = _np_fwd(toks, j)
    for i, t in enumerate(np):
        if t.low in SOURCE_DOCUMENT_NOUNS:
            k = next(x for x, u in enumerate(toks) if u is t) + 1
            if k < len(toks) and toks[k].low in SOURCE_PARTICIPLES:
                k += 1
            if k + 1 < len(toks) and toks[k].low in SOURCE_AGENT_WORDS:
                agent = _np_fwd(toks, k + 1)
                if agent:
                    return agent
            return np[:i + 1]
    return np


def _resolve(ctx: AttributionContext, np: str, pos: int) -> tuple[str | None, str, str]:
    """(claimant, kind, rule) for a noun phrase found at ``pos``."""
    lows = _lows(np)
    if not lows:
        return None, "unknown", "attr.resolve.empty"
    if len(lows) == 1 and lows[0] in PRONOUNS_PERSON:
        subj = _subject_before(ctx, pos)
        if subj is not None and 2 <= len(subj.split()) <= 3 and _kind_of(subj)[0] == "unknown" \
                and all(w[0].isupper() and w.lower() not in WEEKDAYS for w in subj.split()) \
                and subj.split()[0].lower() not in PREPOSITIONS | {"as"}:
            # "Lorne Carter, 48, was outside when he said": the person the sentence opens with
            p = _person_of(ctx, subj)
            return (p.full, p.kind, "attr.resolve.pronoun.subject") if p else (subj, "person", "attr.resolve.pronoun.subject")
        for c in reversed(ctx.speakers):
            if c.claimant and c.claimant.lower() in PRONOUNS_PERSON:
                continue        # (an unresolved "he" names nobody)
            if c.start < pos and c.kind == "person" or (c.start < pos and _person_of(ctx, c.claimant)):
                return c.claimant, c.kind, "attr.resolve.pronoun.speaker"
            if c.start < pos and c.kind == "unknown" and c.claimant and _SURNAME.fullmatch(c.claimant) \
                    and c.claimant in _midsentence_names(ctx):     # ("Investigators said": a common noun)
                # "Kroon said ... '', he said": a speaker named by a surname alone is a person, named in
                # full where an earlier speaker was ("Undersheriff Larry Waldie said ... Waldie said ... he said")
                full = next((e for e in ctx.speakers if e.start < c.start and e.claimant
                             and e.claimant.split()[-1] == c.claimant and len(e.claimant.split()) > 1), None)
                if full is not None:
                    return full.claimant, full.kind if full.kind != "unknown" else "person", \
                        "attr.resolve.pronoun.surname_speaker"
                return c.claimant, "person", "attr.resolve.pronoun.surname_speaker"
        p = _last_person(ctx, pos)
        if p is not None:
            return p.full, p.kind, "attr.resolve.pronoun.person"
        return np, "person", "attr.resolve.pronoun.unresolved"
    if len(lows) == 1 and lows[0] in PRONOUNS_PLURAL:
        # "Police have arrested a man they say opened fire": the body the sentence opens with
        subj = _subject_before(ctx, pos)
        if subj is not None:
            kind = _kind_of(subj)[0]
            if kind not in ("unknown", "person"):
                return subj, kind, "attr.resolve.they.subject"
        for c in reversed(ctx.speakers):
            if c.start < pos and c.claimant and _person_of(ctx, c.claimant) is None \
                    and _lows(c.claimant)[-1] not in PRONOUNS_PLURAL | PRONOUNS_PERSON:
                return c.claimant, c.kind, "attr.resolve.they.speaker"
        return np, "unknown", "attr.resolve.they.unresolved"
    if len(lows) == 1 and lows[0] in PRONOUNS_THING:
        for c in reversed(ctx.speakers):
            if c.start < pos and c.claimant and _person_of(ctx, c.claimant) is None and c.kind != "person":
                return c.claimant, c.kind, "attr.resolve.it.speaker"
        return np, "unknown", "attr.resolve.it.unresolved"
    # "the diplomat", "the local official", "the chief"
    if lows[0] in ("the", "this") and len(lows) <= 4 and lows[-1] in TITLE_WORDS \
            and not any(w[0].isupper() for w in np.split()[1:-1] if w[0].isalpha() and w.lower() not in TITLE_WORDS):
        head = lows[-1]
        wanted = TITLE_SYNONYMS.get(head, frozenset((head,)))
        p = _person_with_title(ctx, pos, wanted)
        if p is not None:
            return p.full, p.kind, "attr.resolve.title"
        kind = _kind_of(np, lows=lows)[0]
        return np, kind, "attr.resolve.title.unresolved"
    # "Mr Dahl", "Okafor": a surname met earlier in full
    words = [w for w in np.split() if w.lower().rstrip(".") not in HONORIFICS]
    if words and len(words) <= 2 and all(w[0].isupper() for w in words):
        last = words[-1].lower()
        p = _person_by_surname(ctx, pos, last)
        if p is not None and len(p.full.split()) >= len(words):
            return p.full, p.kind, "attr.resolve.surname"
    p = _person_of(ctx, np)
    if p is not None:
        return np if len(np) >= len(p.full) else p.full, p.kind, "attr.resolve.person"
    kind = _kind_of(np, lows=lows)[0]
    if kind == "unknown" and len(words) in (2, 3) and all(w[0].isupper() for w in words):
        kind = "person"
    return np, kind, "attr.resolve.as_written"


#: one capitalised word: a surname ("Kroon"), when no kind word names a body
_SURNAME = re.compile(r"[A-Z][a-z\u00E0-\u024F]+(?:[-'\u2019][A-Z][a-z\u00E0-\u024F]+)?")


#: a capitalised word inside a sentence: after a word ending in a lower-case letter ("Tom Hale") or a comma
_MIDSENTENCE_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z\u00E0-\u024F]+\b")


def _midsentence_names(ctx: AttributionContext) -> frozenset[str]:
    """Capitalised words the document writes inside a sentence (found once): a surname is ("..., Kroon
    said", "Sheriff Tom Hale"), a common noun capitalised only at a sentence start is not ("Investigators")."""
    if ctx.midsentence_names is None:
        ctx.midsentence_names = frozenset(_MIDSENTENCE_NAME.findall(ctx.text))
    return ctx.midsentence_names


def _subject_before(ctx: AttributionContext, pos: int) -> str | None:
    """The noun phrase that opens the sentence holding ``pos``, when it ends before ``pos``."""
    ui = bisect_right(ctx._unit_starts, pos) - 1
    if ui < 0 or ui >= len(ctx.tokens) or not ctx.tokens[ui]:
        return None
    subj = _sentence_subject(ctx.tokens[ui])
    if not subj or subj[-1].end > pos:
        return None
    return _span_text(ctx.text, subj)


def _person_of(ctx: AttributionContext, claimant: str | None) -> _Person | None:
    if not claimant:
        return None
    padded = f" {' '.join(claimant.split())} "
    words = set(claimant.split())
    for p in ctx.persons:    # whole words: "Iraq" is not in "official Iraqi news agency"
        # (a part of the full title names the person only with a word of the name: "Police" alone is
        # not "Detroit Police Chief James Craig")
        if f" {p.name} " in padded or padded in f" {p.full} " and not words.isdisjoint(p.name.split()):
            return p
    return None


def _last_person(ctx: AttributionContext, pos: int) -> _Person | None:
    best = None
    for p in ctx.persons:
        if p.start < pos:
            best = p
    return best


def _person_with_title(ctx: AttributionContext, pos: int, wanted: frozenset[str]) -> _Person | None:
    before = [p for p in ctx.persons if p.start < pos and p.titles & wanted]
    if before:
        return before[-1]
    after = [p for p in ctx.persons if p.start >= pos and p.titles & wanted]
    return after[0] if after else None


def _person_by_surname(ctx: AttributionContext, pos: int, last: str) -> _Person | None:
    cands = [p for p in ctx.persons if p.name.split()[-1].lower() == last]
    before = [p for p in cands if p.start < pos]
    if before:
        return before[0]
    return cands[0] if cands else None


def _resolve_cue(ctx: AttributionContext, c: _Cue) -> None:
    claimant, kind, rule = _resolve(ctx, c.np, c.start)
    if kind == "unknown":
        p = _person_of(ctx, claimant)
        if p is not None:
            kind = p.kind
    c.claimant, c.kind, c.resolve_rule = claimant, kind, rule


def _assign_quote_speakers(ctx: AttributionContext) -> None:
    text = ctx.text
    sents = ctx.units
    starts = [s.start for s in sents]
    last: _Quote | None = None
    for q in ctx.quotes:
        si_close = max(0, bisect_right(starts, q.end - 1) - 1)
        si_open = max(0, bisect_right(starts, q.start) - 1)
        # 1. speaker tag after the closing mark: '," he said' / '" said Hartono' / '. the minister said.'
        #    (a sentence after the quote that opens with a speaker of its own clause, '" Police said the
        #    ferry ...', speaks for the quote only when no speaker introduced it)
        after_next: _Cue | None = None
        if q.closed:
            for si in (si_close, si_close + 1):
                if si >= len(sents):
                    break
                for c in ctx.cues[si]:
                    if c.start < q.end or not c.claimant:
                        continue
                    gap = text[q.end:c.start]
                    if _GAP_AFTER_QUOTE.fullmatch(gap) and c.form in ("tag", "inv", "quoted", "pre"):
                        if si > si_close and c.form == "pre":
                            after_next = c
                        else:
                            q.speaker, q.rule = c, "attr.quote.after"
                        break
                    break
                if q.speaker is not None or after_next is not None or si == si_close and sents[si].end > q.end + 2:
                    break
        # 2. speaker before the opening mark: 'X told reporters: "'
        if q.speaker is None:
            for c in reversed(ctx.cues[si_open]):
                if c.verb_end <= q.start and c.claimant:
                    gap = text[c.end:q.start]
                    if _GAP_BEFORE_QUOTE.fullmatch(gap):
                        q.speaker, q.rule = c, "attr.quote.before"
                    break
        if q.speaker is None and after_next is not None:
            q.speaker, q.rule = after_next, "attr.quote.after"
        # 3. a quote that opens a sentence with no tag continues the previous speaker
        if q.speaker is None and last is not None and last.speaker is not None:
            s = sents[si_open]
            if s.start >= q.start - 1 and _para_of(sents, q.start) - _para_of(sents, last.end - 1) <= 2:
                q.speaker, q.rule = last.speaker, "attr.quote.continued"
        last = q


def _para_of(sents: list[Sentence], pos: int) -> int:
    starts = [s.start for s in sents]
    i = max(0, bisect_right(starts, pos) - 1)
    return sents[i].paragraph


# ---------------------------------------------------------------------------
# attribute
# ---------------------------------------------------------------------------


def attribute(ctx: AttributionContext, sentence_index: int, fig_start: int, fig_end: int) -> Attribution:
    """Claimant, kind, chain and stance of the figure at ``fig_start:fig_end``."""
    if not ctx.sentences or not (0 <= sentence_index < len(ctx.sentences)):
        return Attribution(None, "unknown", (), "assert", ("attr.none",))
    ui = ctx.unit_of[sentence_index]
    s = ctx.units[ui]
    cues = ctx.cues[ui]
    text = ctx.text
    rules: list[str] = []
    chain: list[_Cue] = []            # outermost first
    q = _quote_at(ctx, fig_start)
    if q is not None and q.speaker is not None:
        chain = [q.speaker]
        rules.append(q.rule or "attr.quote")
    else:
        chain = _sentence_chain(ctx, s, cues, fig_start, fig_end)
    if not chain:
        hl = _headline(ctx, s)
        if hl is not None:
            chain = [hl]
    if not chain and q is None:
        post = ctx.tweets.get(s.paragraph)
        if post is not None and fig_end <= post.start:
            chain = [post]
    if not chain and q is None:
        chain = _continued_chain(ctx, ui, s, fig_start, fig_end)
        if chain:
            rules.append("attr.continued.part")
    # choose the claimant: media relaying someone else stays in the chain
    claimant_cue: _Cue | None = None
    via: list[str] = []
    for i, c in enumerate(chain):
        if c.kind == "media" and i + 1 < len(chain):
            via.insert(0, c.claimant or c.np)
            continue
        claimant_cue = c
        break
    if claimant_cue is not None and claimant_cue.via:
        vc, _vk, _vr = _resolve(ctx, claimant_cue.via, claimant_cue.start)
        if vc:
            via.append(vc)
    stance_cue = chain[-1] if chain else None
    stance, srules = _stance(ctx, s, stance_cue, fig_start, fig_end, cues)
    if claimant_cue is not None and _implausible(claimant_cue.claimant):
        claimant_cue = None   # "with a number of fatalities reported": the counted, not a speaker
        rules.append("attr.none.implausible")
    if claimant_cue is None:
        rules.append("attr.none.outlet")
        return Attribution(None, "unknown", (), stance, tuple(rules + srules))
    for c in chain:
        rules.append(c.rule)
        if c.via_rule:
            rules.append(c.via_rule)
    if claimant_cue.resolve_rule and claimant_cue.resolve_rule != "attr.resolve.as_written":
        rules.append(claimant_cue.resolve_rule)
    kind = claimant_cue.kind if claimant_cue.kind in CLAIMANT_KINDS else "unknown"
    # names as one line of single spaces ("hospital\nauthorities" of wrapped wire copy)
    return Attribution(_tidy(claimant_cue.claimant) if claimant_cue.claimant else None, kind,
                       tuple(dict.fromkeys(_tidy(v) for v in via if v)), stance,
                       tuple(dict.fromkeys(rules + srules)))


_SPACED_POSSESSIVE = re.compile(r"(?<=\w) (['\u2019]s)\b")


def _tidy(name: str) -> str:
    """A name as one line of single spaces, a possessive joined to its owner ("Iran 's" -> "Iran's")."""
    return _SPACED_POSSESSIVE.sub(r"\1", " ".join(name.split()))


#: head words that name what is counted, never who speaks ("a number of fatalities reported")
NOT_SPEAKERS = frozenset(
    "fatalities fatality deaths death casualties casualty injuries injury victims number numbers figure figures "
    "toll tolls bodies body shots rounds damage".split()
)


def _implausible(claimant: str | None) -> bool:
    if not claimant:
        return False
    words = re.findall(r"[a-z]+", claimant.lower())
    return bool(words) and words[-1] in NOT_SPEAKERS


def _hard_between(ctx: AttributionContext, s: Sentence, a: int, b: int) -> bool:
    """Whether a _HARD_BOUNDARY match lies wholly inside ``a:b`` of unit ``s``: the unit's matches
    are found once, so each question costs a bisection, not a scan (the matches are short and
    never overlap, so ``_HARD_BOUNDARY.search(text[a:b])`` answers the same)."""
    got = ctx._hard.get(s.start)
    if got is None:
        found = list(_HARD_BOUNDARY.finditer(ctx.text, s.start, s.end))
        got = ctx._hard[s.start] = ([m.start() for m in found], [m.end() for m in found])
    starts, ends = got
    i = bisect_left(starts, a)
    return i < len(starts) and ends[i] <= b


def _sentence_chain(ctx: AttributionContext, s: Sentence, cues: list[_Cue], fs: int, fe: int) -> list[_Cue]:
    text = ctx.text
    pre = []
    for c in cues:
        if not c.claimant:
            continue
        if c.verb_end <= fs and c.form not in ("inv", "tag"):
            lead = c.form == "according" and c.start - s.start < 4
            if lead or not _hard_between(ctx, s, c.end if c.form == "according" else c.verb_end, fs):
                pre.append(c)
    if len(pre) > 1:
        pre = [c for c, nxt in zip(pre, pre[1:]) if not _CONTRAST.search(text, c.verb_end, nxt.start)] + [pre[-1]]
    post = None
    for c in cues:
        if c.claimant and c.start >= fe and c.form in ("tag", "inv", "according", "quoted"):
            if not _TAG_BOUNDARY.search(text, fe, c.start) and not _NEW_QUOTED_SENTENCE.search(text, fe, c.start):
                post = c
            break
    chain: list[_Cue] = []
    if post is not None:
        chain.append(post)
    # outer cues whose clause holds the figure
    chain.extend(pre)
    # drop duplicate speakers in a row ("he said ... adding")
    out: list[_Cue] = []
    for c in chain:
        if out and out[-1].claimant == c.claimant:
            out[-1] = c if c.form != "elided" else out[-1]
            continue
        out.append(c)
    return out


#: the opening of a clause that picks a part out of a group named just before it: "one of the
#: victims", "two of them", "of those, three", "among the dead were two".  Such a clause goes on
#: with the report before it.  ("Another five", "three other bombs", "20 more people" add to the
#: group instead: new figures, in whoever's voice their own clause has.)
_PART_LEAD = re.compile(
    r"\W*(?:(?:and|but)\s+)?(?P<lead>(?:of|among)\s+(?:them|those|these|whom|the\s+[\w-]+(?:\s+[\w-]+)?)\s*,?\s*"
    r"(?:[\w-]+\s+){0,3})?", re.I)
#: a count in the reported words: digits or a cardinal word
#: (an age is no count: "her 10-year-old grandson")
_GROUP_COUNT = re.compile(rf"\b(?:\d+(?!-(?:year|month|week|day)s?-old)|{words_pattern([*CARDINAL_WORDS, 'dozen', *VAGUE_PLURALS])})"
                          rf"\b(?!-(?:year|month|week|day)s?-old)", re.I)
_PART_AFTER = re.compile(r"\s+of\s+(?:them|those|these|whom|the)\b", re.I)


def _continued_chain(ctx: AttributionContext, ui: int, s: Sentence, fs: int, fe: int) -> list[_Cue]:
    """The speaker of the report a part-of clause continues, when the figure's clause has no
    speaker of its own: "Police said eight people were stabbed. One of the victims later died."
    The clause is the figure's own sentence after its last hard boundary (a semicolon, a dash);
    the report is the clause just before it, in the same sentence or the one before it in the same
    paragraph."""
    text = ctx.text
    clause_start = boundary = s.start
    for m in _HARD_BOUNDARY.finditer(text, s.start, fs):
        clause_start, boundary = m.end(), m.start()
    if any(c.claimant and c.start >= clause_start for c in ctx.cues[ui]):
        return []          # the clause has a speaker of its own that does not govern the figure
    m = _PART_LEAD.match(text, clause_start, fs)
    if m is None or m.end() != fs or not (m.group("lead") or _PART_AFTER.match(text, fe)):
        return []
    if clause_start > s.start:
        ri, report, end = ui, s, boundary
    elif ui == 0 or _quote_at(ctx, s.start) is not None or ctx.units[ui - 1].paragraph != s.paragraph:
        return []           # (a new paragraph starts a new thought: the outlet's, unless it names a speaker)
    else:
        ri, report = ui - 1, ctx.units[ui - 1]
        end = report.end
    i = bisect_right(ctx._quote_starts, end) - 1
    if i >= 0 and ctx.quotes[i].end > report.start:
        return []           # the report was a quotation: its speaker owns the quoted words only
    chain = _chain_at_end(ctx, ri, report, end)
    # the part is taken from a group the report counted ("eight people were stabbed")
    if chain and _GROUP_COUNT.search(text, chain[-1].verb_end if chain[-1].form in ("pre", "elided") else report.start,
                                     end):
        return chain
    return []


def _chain_at_end(ctx: AttributionContext, ui: int, s: Sentence, end: int) -> list[_Cue]:
    """The speakers of the words just before ``end`` in unit ``ui`` (outside quotes): an
    attribution verb before them whose clause reaches ``end``, or a speaker tag that closes them."""
    text = ctx.text
    cues = [c for c in ctx.cues[ui] if c.claimant and c.end <= end]
    if not cues or _quote_at(ctx, max(s.start, end - 2)) is not None:
        return []
    chain = _sentence_chain(ctx, s, cues, end, end)
    if chain:
        return chain
    last = cues[-1]
    if last.form in ("tag", "inv", "according", "quoted") and re.fullmatch(r"[^;\w]*(?:\w+[^;\w]*){0,6}",
                                                                       text[last.end:end]):
        return [last]
    return []


def _headline(ctx: AttributionContext, s: Sentence) -> _Cue | None:
    for rx, rule in ((_HEADLINE_PREFIX, "attr.headline.prefix"), (_HEADLINE_SUFFIX, "attr.headline.suffix")):
        m = rx.search(s.text)
        if m:
            np = m.group("np").strip()
            lows = _lows(np)
            if lows and lows[-1] in HEADLINE_BODIES and len(lows) <= 3:
                c = _Cue(s.start + m.start("np"), s.start + m.end("np"), s.start + m.start("np"),
                         s.start + m.end("np"), np, "tag", "assert", rule)
                _resolve_cue(ctx, c)
                return c
    return None


def _stance(ctx: AttributionContext, s: Sentence, cue: _Cue | None, fs: int, fe: int,
            cues: list[_Cue]) -> tuple[str, list[str]]:
    text = ctx.text
    if cue is not None and cue.stance == "deny" and not (
            cue.verb_end <= fs and _OWN_FIGURE_CLAUSE.search(text, cue.verb_end, fs)):
        return "deny", [f"stance.deny.{text[cue.verb_start:cue.verb_end].lower()}"]
    if cue is not None and cue.stance == "hedge" and VERBS.get(text[cue.verb_start:cue.verb_end].lower()) == "confirm":
        return "hedge", ["stance.hedge.not_confirmed"]
    if _UNVERIFIED_APPOSITION.search(text, fe, s.end):
        return "hedge", ["stance.hedge.unverified_figure"]
    if cue is not None and _UNCONFIRMED_SOURCE.search(cue.np):
        return "hedge", ["stance.hedge.unconfirmed"]     # "according to unconfirmed reports", "an unconfirmed report put"
    # the figure's clause: back to the governing verb or a clause break, forward to a clause break
    lo = s.start
    for c in cues:
        if c.verb_end <= fs and c.form in ("pre", "elided", "according", "quoted"):
            lo = max(lo, c.verb_end)
    pre = text[lo:fs]
    m = None
    for m in _PRE_SCOPE_BREAK.finditer(pre):
        pass
    if m is not None:
        pre = pre[m.end():]
    post = "" if _PARTITIVE_BEFORE.search(text, max(s.start, fs - 12), fs) else _post_scope(text, fe, s.end)
    scope = pre + " " + text[fs:fe] + " " + post
    if _ANY_STANCE_WORD.search(scope):     # most scopes have none: one search instead of one per rule
        for rid, rx in _HEDGES:
            if rx.search(scope):
                return "hedge", [rid]
        for rid, rx in _CONFIRMS:
            if rx.search(scope):
                return "confirm", [rid]
    if cue is not None and cue.stance in ("confirm", "hedge") and not (
            cue.verb_end <= fs and _PARTICIPLE_CLAUSE.search(text, cue.verb_end, fs)):
        return cue.stance, [f"stance.{cue.stance}.{text[cue.verb_start:cue.verb_end].lower()}"]
    return "assert", ["stance.assert"]


_POST_STOP = frozenset("what when which who that because while since after as where".split())
_AUX_OR_VERB = re.compile(r"^(?:is|are|was|were|have|has|had|been|be|\w+ed|died|hurt)$", re.I)


def _post_scope(text: str, fe: int, end: int) -> str:
    """Words after the figure up to the end of its clause (", and ..." ends it once a verb was seen)."""
    out: list[str] = []
    seen_verb = False
    for m in _TOKEN.finditer(text, fe, end):
        w = m.group()
        lw = w.lower()
        if w in (",", ";", ".", ":", "\u2014", "--", "(", '"', "\u201c", "\u201d", "?", "!") or lw in _POST_STOP:
            break
        if lw in ("and", "but", "or") and seen_verb:
            break
        if _AUX_OR_VERB.match(w):
            seen_verb = True
        out.append(w)
        if len(out) > 12:
            break
    return " ".join(out)
