"""What a figure counts: the measure and the subject, from the words around it.

Pure Python.  The lexicons below are ordered, commented tables; every match
returns the id of the rule that fired, so ``reconcile explain`` can show it.

Shapes handled (F = the figure):

* right of F, through a short noun phrase and auxiliaries:
  ``F people were killed``, ``F dead``, ``F of its agents died``,
  ``F others missing``, ``F people lost their lives``, ``F houses were damaged``
* left of F, a transitive verb or a toll:
  ``killing F``, ``injured F people``, ``the death toll rose to F``,
  ``among the dead were F``
* nouns that name the count: ``F deaths``, ``F casualties``, ``F arrests``
* ``F shot, one fatally``: the ``one`` is killed
* ``F of them``: the measure of the figure before it in the sentence
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping

from ..model import Figure
from .lexicon import (CARDINAL_WORDS, DEMONYM_WORD, DISPLACEMENT_ACT_NOUNS, ESCAPE_WORDS, PERPETRATOR_NOUNS,
                      PERSON_NOUNS, PLACE_PART_NOUNS, QUOTE_MARKS, SEVERITY_WORDS, SHELTER_ADJECTIVES, SHELTER_PLACES,
                      THING_NOUNS, TOTAL_NOUN_MEASURE, VAGUE_PLURALS, VICTIM_NOUNS)
from .sentences import CaselessPattern, Sentence, fold

# ---------------------------------------------------------------------------
# Lexicons (ordered, commented).  Keys are lower-case word forms.
# ---------------------------------------------------------------------------

#: Words that, after the figure and its noun phrase, name a casualty measure.
#: participles, adjectives and intransitive verbs alike: "F were killed",
#: "F dead", "F died".
RIGHT_CUES: dict[str, str] = {
    # killed
    "killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "dies": "killed",
    "perished": "killed", "slain": "killed", "murdered": "killed", "executed": "killed",
    "deaths": "killed", "fatalities": "killed", "lives": "killed", "bodies": "killed",
    "drowned": "killed", "massacred": "killed", "beheaded": "killed", "electrocuted": "killed",
    "lynched": "killed", "assassinated": "killed", "fatally": "killed", "mortally": "killed",
    "deceased": "killed", "dying": "killed", "death": "killed", "expired": "killed",
    # wounded
    "injured": "wounded", "wounded": "wounded", "hurt": "wounded", "injuries": "wounded",
    "injures": "wounded", "injuring": "wounded", "maimed": "wounded", "burnt": "wounded", "harmed": "wounded",
    "hospitalised": "hospitalized", "hospitalized": "hospitalized",
    # missing
    "missing": "missing", "disappeared": "missing", "unaccounted": "missing", "vanished": "missing",
    # detained
    "arrested": "detained", "detained": "detained", "captured": "detained", "kidnapped": "detained",
    "abducted": "detained", "held": "detained", "hostages": "detained", "hostage": "detained",
    "arrests": "detained", "jailed": "detained", "imprisoned": "detained",
    "rounded": "detained", "apprehended": "detained", "nabbed": "detained", "seized": "detained",
    "custody": "detained", "prisoners": "detained", "captives": "detained", "booked": "detained",
    # displaced
    "displaced": "displaced", "evacuated": "displaced", "homeless": "displaced", "fled": "displaced",
    "fleeing": "displaced",
    "refugees": "displaced", "uprooted": "displaced", "relocated": "displaced", "evacuees": "displaced",
    # shot (hit by gunfire, fate not given)
    "shot": "shot", "gunshot": "shot",
    # things: "three further explosions"
    "explosions": "exploded", "blasts": "exploded",
    # casualties (killed and wounded together)
    "casualties": "casualties", "casualty": "casualties",
}

#: Verbs right before the figure whose object is the count: "killing F", "injured F".
LEFT_VERBS: dict[str, str] = {
    "killing": "killed", "killed": "killed", "kill": "killed", "kills": "killed",
    "slaying": "killed", "slew": "killed", "murdering": "killed", "murdered": "killed",
    "claiming": "killed",  # "claiming F lives" (also needs "lives"; see right cues)
    "injuring": "wounded", "injured": "wounded", "injures": "wounded", "injure": "wounded", "hurts": "wounded",
    "wounding": "wounded", "wounded": "wounded", "wounds": "wounded", "hurting": "wounded",
    "hurt": "wounded", "maiming": "wounded",
    "arresting": "detained", "arrested": "detained", "arrests": "detained", "detaining": "detained",
    "detained": "detained", "capturing": "detained", "captured": "detained", "kidnapping": "detained",
    "kidnapped": "detained", "abducting": "detained", "abducted": "detained", "holding": "detained",
    "rescued": "rescued", "rescuing": "rescued", "rescues": "rescued",
    # present tense (headlines): "Navy captures 26 pirates", "Police arrest 12"

    "evacuated": "displaced", "evacuating": "displaced", "displacing": "displaced", "displaced": "displaced",
    "sheltering": "displaced",   # "the Red Cross is sheltering 1,200 people"
    "uprooting": "displaced", "uprooted": "displaced",
    "shooting": "shot", "shot": "shot", "shoots": "shot",
}

#: Other counts: verbs that say what happened to things or people, kept as the measure.
#: The value is the canonical plain word.
OTHER_VERBS: dict[str, str] = {
    "fired": "fired", "fire": "fired", "firing": "fired", "launched": "launched", "launching": "launched",
    "dropped": "dropped", "dropping": "dropped", "exploded": "exploded", "detonated": "exploded",
    "went": "fired",  # "missiles went up"
    "destroyed": "destroyed", "destroying": "destroyed", "flattened": "destroyed", "razed": "destroyed",
    "collapsed": "collapsed", "damaged": "damaged", "damaging": "damaged",
    "burned": "burned", "burnt": "burned", "torched": "burned", "gutted": "burned",
    "seized": "seized", "seizing": "seized", "confiscated": "seized", "recovered": "recovered",
    "found": "found", "smashed": "smashed", "looted": "looted",
    "rescued": "rescued", "saved": "rescued", "trapped": "trapped", "stranded": "trapped",
    "failed": "failed", "missed": "failed", "intercepted": "intercepted", "downed": "downed",
    "shot": "downed",  # "F drones were shot down" (things, not people)
    "landed": "landed", "fell": "fell", "hit": "hit", "struck": "hit", "sank": "sank", "sunk": "sank",
    "crashed": "crashed", "released": "released", "freed": "released", "sentenced": "sentenced",
    "charged": "charged", "convicted": "convicted", "deployed": "deployed",
    "release": "released", "releases": "released", "releasing": "released", "free": "released",
    "carrying": "aboard", "carried": "aboard",
    "aboard": "aboard", "onboard": "aboard", "on": "aboard",
    "infected": "infected", "sickened": "infected", "poisoned": "poisoned",
}

# Nouns for things (for OTHER_VERBS: "F missiles were fired") and for people: THING_NOUNS and
# PERSON_NOUNS of the lexicon.

#: Auxiliaries and adverbs that may stand between the noun phrase and the cue.
AUX = frozenset(
    """
    were was are is be been being have has had got get gets remain remained remains still also all
    reportedly reported confirmed believed feared thought said known presumed understood
    to so far later now since either both each allegedly apparently initially critically seriously
    badly slightly severely lightly mortally fatally gravely were't not yet just already left
    internally temporarily
    being then who that which had
    found pronounced declared
    """.split()
)

#: Words that end a noun phrase (the clause goes on elsewhere).
NP_STOP = frozenset(
    """
    and or but while when after before as because since if than though although whereas
    said says told according per including
    """.split()
)

#: Toll phrases: "the death toll rose to F", "casualty toll of F".
_TOLL = re.compile(
    r"""(?ix)
    \b(?P<what>death|casualty|injury|civilian|fatality|final|official|overall|confirmed)?\s*
    (?:death\s+)?toll\b (?:[^.;]{0,70}?
    \b(?:to|at|of|reached|hit|passed|topped|exceeded|was|is|stood|stands|now|climbed|rose|risen|jumped|
    increased|grew|soared|surpassed|
    tops|reaches|hits|passes|exceeds|nears|neared|surpasses|:))?\s*$
    """
)
_NUMBER_OF = re.compile(
    r"""(?ix)
    \b(?:number|total|tally)\s+of\s+(?P<what>dead|deaths|people\s+killed|fatalities|injured|wounded|injuries|casualties|
    missing|arrests|people\s+arrested|people\s+detained|displaced|people\s+displaced|evacuees)
    \b [^.;]{0,110}? \b(?:to|at|was|is|reached|stood|stands|rose|climbed|:)\s*$
    """
)
#: "witnesses put the number at 12": the figure counts what the figure before it counted
_PUT_NUMBER = re.compile(r"(?i)\b(?:put|puts|putting|placed|places)\s+(?:the|its|their|his|her|our)\s+"
                         r"(?:number|figure|count|tally|estimate)\s+at\s*$")
_AMONG = re.compile(r"(?i)\bamong\s+(?:the\s+)?(?P<what>dead|killed|injured|wounded|victims|missing)\b[^.;]{0,25}$")
_TOLL_WHAT = {
    "death": "killed", "fatality": "killed", "casualty": "casualties", "injury": "wounded",
    "civilian": "killed", "final": "killed", "official": "killed", "overall": "killed",
    "confirmed": "killed", None: "killed",
}
_NUMBER_OF_WHAT = {
    "dead": "killed", "deaths": "killed", "people killed": "killed", "fatalities": "killed",
    "injured": "wounded", "wounded": "wounded", "injuries": "wounded", "casualties": "casualties",
    "missing": "missing", "arrests": "detained", "people arrested": "detained",
    "people detained": "detained", "displaced": "displaced", "people displaced": "displaced",
    "evacuees": "displaced",
}
_AMONG_WHAT = {"dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
               "victims": "killed", "missing": "missing"}

#: Multi-word cues right of the noun phrase, tried before single words:
#: (pattern, measure, rule id, keywords).  Every match holds one of its
#: lower-case keywords, so a phrase is only tried where one is in the text.
_RIGHT_PHRASES: tuple[tuple[re.Pattern[str], str, str, tuple[str, ...]], ...] = tuple(
    (re.compile(p, re.I), m, rid, keys) for p, m, rid, keys in (
        (r"lost\s+(?:their|his|her)\s+lives?\b", "killed", "measure.right.lost_lives", ("lost",)),
        (r"(?:killed|dead)\s+(?:or|and)\s+(?:injured|wounded|hurt)\b", "casualties", "measure.right.killed_or_injured",
         ("injured", "wounded", "hurt")),
        (r"(?:injured|wounded|hurt)\s+(?:or|and)\s+(?:killed|dead)\b", "casualties", "measure.right.killed_or_injured",
         ("injured", "wounded", "hurt")),
        (r"recovering\b", "wounded", "measure.right.recovering", ("recovering",)),
        # "two firefighters were among the dead": a part of the toll (see _part_of)
        (r"(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+(?:the\s+|those\s+)?(?:dead|killed|fatalities|victims)\b",
         "killed", "measure.right.among.dead", ("among",)),
        (r"(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+(?:the\s+|those\s+)?(?:injured|wounded|hurt)\b",
         "wounded", "measure.right.among.injured", ("among",)),
        (r"(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+(?:the\s+|those\s+)?missing\b",
         "missing", "measure.right.among.missing", ("among",)),
        (r"(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+(?:the\s+|those\s+)?"
         r"(?:kidnapped|abducted|arrested|detained|held|taken\s+hostage)\b",
         "detained", "measure.right.among.held", ("among",)),
        (r"(?:shot\s+)?(?:dead|to\s+death)\b", "killed", "measure.right.shot_dead", ("dead", "death")),
        (r"shot\s+(?:and\s+killed|dead|to\s+death)\b", "killed", "measure.right.shot_killed", ("shot",)),
        (r"shot\s+and\s+(?:wounded|injured|hurt)\b", "wounded", "measure.right.shot_wounded", ("shot",)),
        (r"(?:burned|burnt|stabbed|beaten|crushed|hacked)\s+to\s+death\b", "killed", "measure.right.to_death", ("death",)),
        (r"(?:taken|rushed|transported|airlifted|air\s+lifted|admitted|flown|sent)\s+to\s+(?:[\w.'-]+\s+){0,6}?"
         r"(?:hospitals?|medical\s+cent(?:er|re)s?|trauma\s+cent(?:er|re)s?|clinics?)\b",
         "hospitalized", "measure.right.taken_to_hospital", ("hospital", "medical", "trauma", "clinic")),
        (r"(?:remain(?:s|ed)?|are|were|is|was|still)\s+(?:still\s+)?in\s+(?:the\s+)?hospital\b", "hospitalized",
         "measure.right.in_hospital", ("hospital",)),
        (r"(?:treated|received\s+treatment|being\s+treated)\b", "wounded", "measure.right.treated", ("treat",)),
        (r"with\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:injuries|injury|wounds?)\b", "wounded", "measure.right.with_injuries",
         ("injur", "wound")),
        # "suffered minor injuries", "sustained gunshot wounds", "received burns"
        # ("suffered gunshot wounds" is left to "gunshot": shot, fate not given)
        (r"(?:suffered|suffering|sustained|sustaining|received|had|has|have)\s+(?:an?\s+)?(?:(?!gunshot|gun\b|die|died|dies|dead|succumb|from\b|of\b)[\w-]+\s+){0,3}?(?!gunshot)"
         r"(?:injuries|injury|wounds?|burns)\b", "wounded", "measure.right.suffered_injuries",
         ("suffer", "sustain", "received", "ha")),
        # "two women who had suffered gunshot wounds": hit by gunfire, fate not given
        (r"(?:suffered|suffering|sustained|sustaining|received|had|has|have)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
         r"gunshot\s+wounds?\b", "shot", "measure.right.gunshot_wounds", ("gunshot",)),
        (r"in\s+(?:(?:critical|serious|stable|grave|good|fair|satisfactory)\s+(?:(?:or|and|but)\s+)?)+condition\b",
         "wounded", "measure.right.condition", ("condition",)),
        (r"(?:expected|likely)\s+to\s+(?:live|survive|recover)\b", "wounded", "measure.right.expected_to_live",
         ("live", "survive", "recover")),
        (r"(?:taken|held)\s+(?:into\s+custody|hostage|captive|prisoner)\b", "detained", "measure.right.custody",
         ("custody", "hostage", "captive", "prisoner")),
        (r"(?:in|into)\s+(?:police\s+)?custody\b", "detained", "measure.right.custody", ("custody",)),
        (r"(?:rounded|picked)\s+up\b", "detained", "measure.right.rounded_up", ("rounded", "picked")),
        (r"forced\s+(?:from|out\s+of)\s+(?:their\s+)?homes\b", "displaced", "measure.right.forced_out", ("forced",)),
        # "12,000 were forced to flee", "residents were ordered to evacuate"
        (r"(?:forced|made|driven|ordered|told)\s+to\s+(?:flee|leave\s+(?:their|the\s+area|home)|evacuate)\b", "displaced",
         "measure.right.forced_to_flee", ("forced", "made", "driven", "ordered", "told")),
        # "1,000 had taken shelter in a field", "20,000 are sheltering in camps", "5,000 are staying in UN schools"
        # (not "shelter in place": staying indoors during a police operation)
        (r"(?:sheltering|(?:taken|took|taking|sought|seeking|found)\s+(?:shelter|refuge))\b(?!\s+in\s+place)"
         r"|(?:staying|living|sleeping|housed|sheltered|(?:spent|spending|spend)\s+the\s+night)\s+(?:in|at)\s+"
         rf"(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(SHELTER_PLACES)})\b|(?:in|into)\s+(?:[\w-]+\s+)?shelters\b",
         "displaced", "measure.right.sheltering", ("shelter", "refuge", "staying", "living", "sleeping", "housed",
                                                   "night")),
        # "45,000 people are in relief camps", "12,000 were moved to evacuation centres"
        (r"(?:(?:moved|taken|sent|brought|transferred|bussed|bused|relocated)\s+)?(?:in|to|into|at)\s+"
         rf"(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(SHELTER_ADJECTIVES)})\s+(?:{'|'.join(SHELTER_PLACES)}|housing|sites?)\b",
         "displaced", "measure.right.in_relief_camps", SHELTER_ADJECTIVES),
        # "17,000 people were left without shelter", "80,000 without homes"
        (r"without\s+(?:a\s+)?(?:homes?|shelter|housing|(?:a\s+)?roofs?\s+over\s+their\s+heads)\b", "displaced",
         "measure.right.without_homes", ("without",)),
        # "6,000 had to leave their homes", "8,000 people lost their homes"
        (r"(?:had|have|has)\s+to\s+(?:flee|evacuate|leave\s+(?:their|his|her)\s+(?:homes?|houses?|villages?)|"
         r"abandon\s+(?:their|his|her)\s+(?:homes?|houses?|villages?))\b", "displaced", "measure.right.had_to_flee",
         ("flee", "evacuate", "leave", "abandon")),
        (r"lost\s+(?:their|his|her)\s+(?:homes?|houses?)\b", "displaced", "measure.right.lost_homes", ("lost",)),
        (r"made\s+homeless\b", "displaced", "measure.right.homeless", ("homeless",)),
        (r"unaccounted\s+for\b", "missing", "measure.right.unaccounted", ("unaccounted",)),
        (r"(?:\w+\s+)?to\s+safety\b", "rescued", "measure.right.to_safety", ("safety",)),
        (r"set\s+(?:on\s+fire|ablaze|alight)\b", "burned", "measure.right.set_on_fire", ("fire", "ablaze", "alight")),
        (r"caught\s+fire\b", "burned", "measure.right.caught_fire", ("caught",)),
        (r"went\s+up\b(?!\s+in\s+(?:flames|smoke))", "fired", "measure.right.went_up", ("went",)),
    )
)
#: (keyword, index of its phrase), flat: one ``in`` test each
_PHRASE_KEYS = tuple((k, j) for j, ph in enumerate(_RIGHT_PHRASES) for k in ph[3])

#: Left of the figure: the figure continues a list whose measure is known
#: ("killing 12 civilians and [two] soldiers", "including [one] American").
_COORDINATION = re.compile(
    r"(?ix)^[^.;:!?]{0,90}?\b(?:and|or|as\s+well\s+as|plus|including|included|includes|among\s+them|"
    r"of\s+whom|of\s+them|perhaps|possibly|maybe|with)\s*[\"'\u201c\u2018]*\s*$"
)
#: a fronted participle at the head of the sentence: "Also injured were [three] boys", "Killed in the blast
#: were [two] officers", "Among those hurt were [four] children"
_FRONTED = re.compile(
    r"(?i)^\s*(?:also\s+|among\s+those\s+)?(?P<what>killed|dead|injured|wounded|hurt|arrested|detained|missing|"
    r"displaced|evacuated|rescued)\b[^.;,:]{0,40}?\b(?:were|was|are|is)\s*$")
_FRONTED_WHAT = {"killed": "killed", "dead": "killed", "injured": "wounded", "wounded": "wounded", "hurt": "wounded",
                 "arrested": "detained", "detained": "detained", "missing": "missing", "displaced": "displaced",
                 "evacuated": "displaced", "rescued": "rescued"}
#: "the dead included", "the surviving victims were", "the dead could be in"
_THE_DEAD = re.compile(
    r"(?ix)\bthe\s+(?:(?P<surv>surviving|wounded|injured)\s+)?(?P<what>dead|injured|wounded|missing|victims|casualties)\b"
    r"[^.;]{0,45}?\b(?:included|include|includes|were|are|is|was|could\s+be|may\s+be|might\s+be|numbered|number|"
    r"totalled|totaled|total|reached|stood\s+at)\b[^.;\d]{0,45}$"
)
#: a fact-box or situation-report line: "Deaths: 1,234", "Injured - 56", "Total displaced: 3,400"
#: (the key opens the line or the sentence; a short qualifier may stand before it)
_KEY = (r"(?:(?:total|confirmed|reported|estimated|official|civilian|civilians|people|persons|number\s+of|"
        r"the)\s+){0,3}(?P<what>deaths?|dead|killed|fatalities|injured|wounded|injuries|hurt|missing|"
        r"displaced|evacuated|evacuees|homeless|arrested|arrests|detained|casualties)\s*(?::|-|\u2013|\u2014)\s*")
_KEY_VALUE = re.compile(r"(?i)\s*" + _KEY)
#: the same key after another item of the line: "Killed: 14; [injured: 30]", "Dead: 23 [Injured: 89]"
_KEY_VALUE_ITEM = re.compile(r"(?i)(?:[;|\u2022\u00b7]|\d)\s*" + _KEY + "$")
#: another key right after the figure: "Dead: 23 Injured: 89" (the 23 is not the injured)
_NEXT_KEY = re.compile(r"(?i)\s*[;,|\u2022\u00b7]?\s*" + _KEY.replace("\\s*(?::|-|", "(?::|\\s+-|", 1))
_KEY_VALUE_WHAT = {"death": "killed", "deaths": "killed", "dead": "killed", "killed": "killed", "fatalities": "killed",
                   "injured": "wounded", "wounded": "wounded", "injuries": "wounded", "hurt": "wounded",
                   "missing": "missing", "displaced": "displaced", "evacuated": "displaced", "evacuees": "displaced",
                   "homeless": "displaced", "arrested": "detained", "arrests": "detained", "detained": "detained",
                   "casualties": "casualties"}
#: "forced 12,000 to flee", "driving thousands from their homes": displacement through a causative verb
_FORCED_BEFORE = re.compile(r"(?i)\b(?:forced|forcing|forces|force|drove|driving|drives|driven|ordered|ordering|"
                            r"orders)\s*$")
_TO_FLEE_AFTER = re.compile(
    r"(?i)(?:\s+[\w'-]+){0,3}?\s+(?:to\s+(?:flee|leave\s+(?:their|the\s+(?:area|city|town|region|coast|island|"
    r"village|zone)|home)|leave(?=\s*[.,;])|evacuate|abandon)|"
    r"(?:from|out\s+of)\s+(?:their\s+)?(?:homes|houses|villages)|into\s+(?:exile|camps|shelters|hiding))\b")
#: a middle item of a list of three or more: "killed 12 soldiers, [3] police officers and 2 civilians"
#: (left of it a comma after a short noun phrase; right of it the list goes on with a figure)
_LIST_COMMA_BEFORE = re.compile(r"(?i)^\s*(?:[A-Za-z][\w'-]*\s+){0,4}?[A-Za-z][\w'-]*\s*,\s*$")
_LIST_GOES_ON = re.compile(
    rf"(?i)\s*(?:[A-Za-z][\w'-]*\s+){{0,4}}?[A-Za-z][\w'-]*\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)"
    rf"(?:\d|(?:a|an|one|{'|'.join(CARDINAL_WORDS)})\b)")
#: a casualty verb or noun before a list whose first item is no figure: "killed his wife and [four]
#: daughters", "the deaths of his wife, 34, and the [four] girls", "injuring a guard and [two] customers"
_VERB_THROUGH_LIST = re.compile(
    r"(?i)\b(?P<verb>killing|killed|kill|kills|murdered|murdering|slaying|slew|injuring|injured|wounding|wounded|"
    r"(?:fatally|mortally)\s+(?:shot|shooting|stabbed|stabbing)|"
    r"(?:deaths?|killings?|murders?|slayings?)\s+of)\s+"
    r"(?P<np>(?:(?!(?:and|or|but|who|which|that|when|after|before|while|was|were|is|are|had|has|said|then)\b)"
    r"[\w'-]+,?\s+){1,5}?)(?:and|as\s+well\s+as)\s+(?:(?:his|her|their|the|its)\s+)?$")
_VERB_THROUGH_MEASURE = {"killing": "killed", "killed": "killed", "kill": "killed", "kills": "killed",
                         "murdered": "killed", "murdering": "killed", "slaying": "killed", "slew": "killed",
                         "injuring": "wounded", "injured": "wounded", "wounding": "wounded", "wounded": "wounded"}
#: "the evacuation of 7,000 people", "forced the relocation of 300 families"
_DISPLACEMENT_OF = re.compile(rf"(?i)\b(?:{'|'.join(DISPLACEMENT_ACT_NOUNS)})\s+of(?:\s+(?:the|those|all|its|their))?\s*$")
#: "he was killed at the bar, along with [two] other men": the measure of the clause's verb
_ALONG_WITH = re.compile(r"(?i)\b(?P<verb>killed|died|dead|injured|wounded|hurt|arrested|detained)\b[^.;:]{0,70}?"
                         r"\balong\s+with\s*$")
_ALONG_WITH_WHAT = {"killed": "killed", "died": "killed", "dead": "killed", "injured": "wounded", "wounded": "wounded",
                    "hurt": "wounded", "arrested": "detained", "detained": "detained"}
_DEATH_OF = re.compile(r"(?i)\b(?:deaths?|killings?|murders?|massacre|slaying|bod(?:y|ies)|"
                       r"(?:claimed|claiming|claims|took|taken|taking|cost|costing|costs)\s+the\s+lives)\s+of(?:\s+(?:these|the|those|all|its|their))?\s*$")
#: "the shooting of four people", "the wounding of two others", "the stabbing of three"
_ACT_OF = re.compile(r"(?i)\b(?P<act>shooting|shootings|wounding|stabbing|stabbings)\s+of(?:\s+(?:these|the|those|all|its|their))?\s*$")
_ACT_OF_WHAT = {"shooting": "shot", "shootings": "shot", "wounding": "wounded", "stabbing": "wounded", "stabbings": "wounded"}
_RISEN_TO = re.compile(r"(?i)\b(?:number|figure|count|tally)\b[^.;]{0,40}\b(?:risen|rose|climbed|jumped|increased|grown|grew)\s+to\s*$")
#: _classify: "ten shot, one fatally"; "32 of the [543]"; "[two] of them"
_FATALLY_AFTER = re.compile(r"\s*(?:of\s+(?:them|whom)\s+)?(?:fatally|mortally)\b", re.I)
#: "five were wounded, [one] critically", "3 dead, [1] critical": a severity after a casualty figure
#: (bare: "one critically injured" is read by the right scan)
_SEVERITY_AFTER = re.compile(
    rf"\s*(?:of\s+(?:them|whom)\s+)?(?:{'|'.join(SEVERITY_WORDS)})"
    r"(?=\s*(?:[,.;:)\u2014\u2013-]|$|\s+(?:in|after|at|and|following|as|from|with|on|when)\b))", re.I)
#: between the casualty figure and the severity figure: its own words, then a comma ("were wounded, ")
_SEVERITY_BETWEEN = re.compile(r"[^,;:.()\u2014]{0,50},\s*")
_OF_THE_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_OF_THEM_AFTER = re.compile(r"\s*of\s+(?:them|whom|those)\b", re.I)
_SHOOTING = re.compile(r"(?i)\b(?:shoot\w*|shot|gunfire|gunm[ae]n|gunshots?|opened\s+fire|fired)\b")

#: the words of fleeing, and what makes one an escape from a crime scene rather than a displacement
_FLED = frozenset({"fled", "fleeing"})
_ESCAPE_AFTER = re.compile(rf"(?i)\s+(?:{'|'.join(ESCAPE_WORDS)})\b")

_TOKEN = re.compile(r"\d+(?:-[A-Za-z]+)+|[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|[^\sA-Za-z\d]")
_NUMBER_WORDS = frozenset((*CARDINAL_WORDS, "hundred", "thousand", "a", "an", "another", "dozen", *VAGUE_PLURALS))
_QUOTES = QUOTE_MARKS
#: verbs that count only before the figure ("fire two rockets"); after it they are nouns ("rocket fire")
_LEFT_ONLY = frozenset({"fire", "firing", "release", "free"})
#: verbs for other counts that may follow the figure directly, with no noun ("[four] exploded")
_BARE_OTHER = frozenset(
    "exploded detonated landed fell failed missed crashed sank collapsed rescued trapped stranded released freed".split()
)
#: other-count verbs that apply to people too ("[14] others trapped", "sentenced [five] supporters")
_PERSON_OTHER = frozenset(
    "rescued saved trapped stranded released freed release releases releasing free sentenced charged convicted "
    "aboard onboard infected poisoned carrying carried".split()
)


@dataclass(frozen=True, slots=True)
class MeasureHit:
    measure: str
    subject: str | None
    rule: str
    also: tuple[str, ...] = ()     # further measures the same figure states ("no one was killed or injured")
    part: str | None = None        # why the figure is a part of a larger count ("of-them", "other", "including")


#: returned by the left scan when a negated verb rules the figure out
_VETO = MeasureHit("", None, "measure.veto.negated")


def _search(rx: re.Pattern[str], keys: tuple[str, ...], s: str, low: str) -> re.Match[str] | None:
    """``rx.search(s)``, or None at once when none of ``keys`` (lower-case words one of
    which every match of ``rx`` holds) is in ``low``, the :func:`fold` of ``s``."""
    for k in keys:
        if k in low:
            return rx.search(s)
    return None


class _Tokens:
    """The tokens ``(token, start, end)`` of ``text[start:end]``, made as they are
    asked for (the right scan seldom reads more than a few): check ``has(i)``
    before reading ``[i]``."""

    __slots__ = ("found", "made")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.found = _TOKEN.finditer(text, start, end)
        self.made: list[tuple[str, int, int]] = []

    def has(self, i: int) -> bool:
        got = self.made
        while len(got) <= i:
            m = next(self.found, None)
            if m is None:
                return False
            got.append((m.group(), m.start(), m.end()))
        return True

    def __getitem__(self, i: int) -> tuple[str, int, int]:
        return self.made[i]


def _last_words(s: str, n: int) -> list[str]:
    """The last ``n`` (or fewer) tokens of ``s`` that are not quotes.

    No token holds white space, so the tokens after a space are the same
    whether the scan starts there or at the start of ``s``: a short tail is
    tried first, the whole of ``s`` only when the tail has too few."""
    cut = s.rfind(" ", 0, len(s) - 40)
    if cut >= 0:
        words = [w for w in _TOKEN.findall(s, cut) if w not in _QUOTES]
        if len(words) >= n:
            return words[-n:]
    return [w for w in _TOKEN.findall(s) if w not in _QUOTES][-n:]


def _clean_subject(words: list[str]) -> str | None:
    drop = {"of", "the", "its", "their", "his", "her", "them", "those", "these", "other", "others",
            "more", "such", "further", "another", "additional", "some", "a", "an", "whom", "which", "all"}
    words = [w for w in words if w not in _QUOTES]
    while words and words[0].lower() in drop:
        words = words[1:]
    while words and words[-1].lower() in drop | {"were", "was", "had", "have", "has", "in", "from", "at", "on"}:
        words = words[:-1]
    return " ".join(words) or None


#: capitalised plural demonyms: "Americans", "Iraqis", "Filipinos", "Britons", "Sudanese"
_DEMONYM = re.compile(DEMONYM_WORD)


def _is_person(words: list[str]) -> bool:
    return any(w.lower() in PERSON_NOUNS or _DEMONYM.fullmatch(w) for w in words)


def _is_thing(words: list[str]) -> bool:
    return any(w.lower() in THING_NOUNS for w in words)


#: punctuation that opens a parenthetical, and the one that closes it
#: the measures a severity figure after them may take a part of ("five hurt, one critically")
_SEVERITY_OF = frozenset({"wounded", "shot", "killed", "casualties", "hospitalized"})

_OPENERS = {",": ",", "-": "-", "\u2014": "\u2014", "\u2013": "\u2013", "(": ")"}


def _past_parenthetical(toks: _Tokens, i: int) -> int | None:
    """The token index after a parenthetical opened at ``i`` (", a nurse," / "(aged 40)"), or None."""
    closer = _OPENERS[toks[i][0]]
    j = i + 1
    while toks.has(j) and j - i <= 16 and toks[j][0] not in {closer, ".", ";"}:
        if closer == "," and toks[j][0][0].isdigit() and toks[j][0].endswith(","):
            return j + 1    # ", 23," / ", ages 28 and 22,": the digits' token holds the closing comma
        j += 1
    if toks.has(j) and toks[j][0] == closer and j - i > 1:
        return j + 1
    return None


def _is_number_token(tok: str) -> bool:
    return tok[0].isdigit() or tok.lower() in _NUMBER_WORDS


class MeasureFinder:
    """Classifies figures; ``extra_cues`` (word -> measure) come from config.toml."""

    def __init__(self, extra_cues: Mapping[str, str] | None = None) -> None:
        self.right = dict(RIGHT_CUES)
        self.right.update({k.lower(): v for k, v in (extra_cues or {}).items()})

    # -- right of the figure -------------------------------------------------
    def _right(self, text: str, fig: Figure, sentence: Sentence) -> MeasureHit | None:
        sent_end = sentence.end
        toks = _Tokens(text, fig.end, min(sent_end, fig.end + 200))
        np: list[str] = []
        phase = "np"
        skipped_paren = coordinations = 0
        if fig.noun:  # "No Americans", "no casualties": the figure's own noun is the noun phrase
            np = [fig.noun]
            w = fig.noun.lower()
            if w in self.right:
                return MeasureHit(self.right[w], None, "measure.zero.noun")
        # the phrases whose keywords occur in the text any of them could match
        tail = fold(text[fig.end:min(sent_end, fig.end + 290)])
        phrases = []
        got = -1
        for k, j in _PHRASE_KEYS:       # a phrase's keys are consecutive: once one is found, skip the rest
            if j != got and k in tail:
                phrases.append(_RIGHT_PHRASES[j])
                got = j
        i = 0
        made, found = toks.made, toks.found     # toks.has(i), inlined for the next token
        while True:
            if i == len(made):
                m = next(found, None)
                if m is None:
                    break
                made.append((m.group(), m.start(), m.end()))
            elif i > len(made) and not toks.has(i):
                break
            tok, s, _e = made[i]
            low = tok.lower()
            if tok in _QUOTES:
                if i > 0 and (np or phase == "aux"):
                    return None  # a quotation starts: its words are another clause
                i += 1
                continue
            # matched at s up to s + 90 (endpos): as over text[s:s + 90], no phrase looks behind its start
            stop = min(sent_end, s + 90)
            for pat, measure, rid, _keys in phrases:
                if pat.match(text, s, stop):
                    if measure == "fired" and not _is_thing(np):
                        break
                    if measure in {"rescued", "burned"} or measure not in {"killed", "wounded"} or not _is_thing(np):
                        if rid == "measure.right.killed_or_injured" and fig.qualifier == "zero":
                            # "no one was killed or injured": two zeros, not one casualty figure
                            return MeasureHit("killed", _clean_subject(np), rid, also=("wounded",))
                        return MeasureHit(measure, _clean_subject(np), rid)
            if low in self.right and not (low == "lives" and np):   # "25 lives", not "gamers living ... lives"
                measure = self.right[low]
                if low in _FLED and (any(w.lower() in PERPETRATOR_NOUNS for w in np)
                                     or _ESCAPE_AFTER.match(text, _e, sent_end)):
                    return None     # "two suspects fled the scene": an escape, not a displacement
                if _is_thing(np) and not _is_person(np) and low in OTHER_VERBS and phase == "aux":
                    return MeasureHit(OTHER_VERBS[low], _clean_subject(np), f"measure.other.{low}")
                if _is_thing(np) and not _is_person(np) and measure not in {"exploded"}:
                    # things are not killed: "[two] car bombs killed 11 people"
                    return None
                if low in {"held", "seized"} and phase == "np":
                    return None  # "held a meeting", "seized weapons" (active voice)
                return MeasureHit(measure, _clean_subject(np), f"measure.right.{low}")
            if low == "hit" and phase == "aux" and (_is_person(np) or not np) and _SHOOTING.search(sentence.text):
                return MeasureHit("shot", _clean_subject(np), "measure.right.hit_by_gunfire")
            if low == "victims" and phase == "np" and _SHOOTING.search(sentence.text):
                np.append(tok)
                nxt = toks[i + 1][0].lower() if toks.has(i + 1) else "."
                if nxt in {".", ",", ";", "in", "at", "on", "from", "\u2014", "-"} or nxt in NP_STOP:
                    return MeasureHit("shot", _clean_subject(np), "measure.right.shooting_victims")
                i += 1
                continue
            if low in OTHER_VERBS and low not in _LEFT_ONLY:
                person_ok = low in _PERSON_OTHER
                bare_ok = not np and low in _BARE_OTHER
                if (phase == "aux" or np or bare_ok) and (_is_thing(np) or person_ok or bare_ok):
                    if low in {"on", "hit", "struck", "found", "shot"} and phase != "aux":
                        return None
                    if low == "on" and not np:
                        return None
                    if low == "went":
                        return None  # only "went up" (a phrase above) counts
                    return MeasureHit(OTHER_VERBS[low], _clean_subject(np), f"measure.other.{low}")
            if low in AUX:
                phase = "aux"
                i += 1
                continue
            if tok in _OPENERS and not skipped_paren and phase == "np":
                after = _past_parenthetical(toks, i)
                if after is not None:   # ", one of them a nurse," / "- one with ... -"
                    skipped_paren = 1
                    i = after
                    continue
            if phase == "np" and low in {"and", "or"} and toks.has(i + 1) and len(np) <= 4 \
                    and toks[i + 1][0][0].isalpha() and not _is_number_token(toks[i + 1][0]) \
                    and toks[i + 1][0].lower() not in self.right and toks[i + 1][0].lower() not in OTHER_VERBS \
                    and toks[i + 1][0].lower() not in LEFT_VERBS and toks[i + 1][0].lower() not in AUX \
                    and toks[i + 1][0].lower() not in NP_STOP:
                # "passengers and crew were confirmed dead"
                np.append(tok)
                i += 1
                continue
            if phase == "np" and low in {"and", "or", ","} and coordinations < 6 and toks.has(i + 1) \
                    and _is_number_token(toks[i + 1][0]):
                # "two nurses and one driver died", "five men and three women were hurt", "10 women, 7 men hurt"
                coordinations += 1
                np.append(tok)
                i += 1
                if toks[i][0][0].isdigit() and toks.has(i + 1) and toks[i + 1][0][0].isalpha() \
                        and toks[i + 1][0].lower() not in AUX and toks[i + 1][0].lower() not in self.right \
                        and toks[i + 1][0].lower() not in NP_STOP:
                    # a figure in digits before its own noun ("7 men"): step over it
                    np.append(toks[i][0])
                    i += 1
                continue
            if phase == "np" and tok[0].isdigit() and "-" in tok and tok[-1].isalpha() and len(np) < 10:
                np.append(tok)   # "two 17-year-old boys", "a 24-year-old man": an adjective
                i += 1
                continue
            if phase == "np" and tok[0].isdigit() and np and np[-1].lower() in {"of", "the", "aged", "between", "and", "to", "a", "an"}:
                np.append(tok)
                i += 1
                continue
            if tok in _OPENERS and phase == "np":
                return None   # a clause boundary that is no parenthetical
            if phase == "np" and tok[0].isalpha() and low not in NP_STOP and len(np) < 10:
                np.append(tok)
                i += 1
                continue
            return None
        return None

    # -- left of the figure --------------------------------------------------
    def _left(self, text: str, fig: Figure, sentence: Sentence) -> MeasureHit | None:
        line = max(sentence.start, text.rfind("\n", sentence.start, fig.start) + 1)
        if fig.start - line <= 40 and (m := _KEY_VALUE.fullmatch(text, line, fig.start)) or \
                ":" in text[max(line, fig.start - 40):fig.start] \
                and (m := _KEY_VALUE_ITEM.search(text, max(line, fig.start - 40), fig.start)):
            return MeasureHit(_KEY_VALUE_WHAT[m.group("what").lower()], _clean_subject(self._np_after(text, fig)),
                              "measure.left.key_value")
        head = text[max(sentence.start, fig.start - 140):fig.start]
        head_nq = head.rstrip(" \t\"'\u201c\u2018")
        low = fold(head_nq)
        m = _search(_TOLL, ("toll",), head_nq, low)
        if m:
            return MeasureHit(_TOLL_WHAT.get((m.group("what") or "").lower() or None, "killed"),
                              _clean_subject(self._np_after(text, fig)), "measure.left.toll")
        m = _search(_NUMBER_OF, ("number", "total", "tally"), head_nq, low)
        if m:
            what = re.sub(r"\s+", " ", m.group("what").lower())
            return MeasureHit(_NUMBER_OF_WHAT[what], _clean_subject(self._np_after(text, fig)),
                              "measure.left.number_of")
        m = _search(_AMONG, ("among",), head_nq, low)
        if m:
            return MeasureHit(_AMONG_WHAT[m.group("what").lower()], _clean_subject(self._np_after(text, fig)),
                              "measure.left.among")
        if fig.start - sentence.start <= 70 and (m := _FRONTED.match(text, sentence.start, fig.start)):
            return MeasureHit(_FRONTED_WHAT[m.group("what").lower()], _clean_subject(self._np_after(text, fig)),
                              "measure.left.fronted")
        m = _search(_THE_DEAD, ("dead", "injured", "wounded", "missing", "victims", "casualties"), head_nq, low)
        if m:
            what = m.group("what").lower()
            measure = "wounded" if m.group("surv") else _AMONG_WHAT.get(what, "casualties")
            return MeasureHit(measure, _clean_subject(self._np_after(text, fig)), "measure.left.the_dead")
        if _search(_DEATH_OF, ("death", "killing", "murder", "massacre", "slaying", "bod", "lives"), head_nq, low):
            return MeasureHit("killed", _clean_subject(self._np_after(text, fig)), "measure.left.death_of")
        m = _search(_ACT_OF, ("shooting", "wounding", "stabbing"), head_nq, low)
        if m:
            words = self._np_after(text, fig)[:2]
            if not (words and _is_thing(words)):
                return MeasureHit(_ACT_OF_WHAT[m.group("act").lower()], _clean_subject(words), "measure.left.act_of")
        if _search(_DISPLACEMENT_OF, ("evacuation", "relocation", "displacement", "exodus"), head_nq, low):
            words = self._np_after(text, fig)
            if not (words and _is_thing(words)):
                return MeasureHit("displaced", _clean_subject(words), "measure.left.evacuation_of")
        if _search(_FORCED_BEFORE, ("forc", "driv", "drov", "order"), head_nq, low) and \
                _TO_FLEE_AFTER.match(text, fig.end, sentence.end):
            return MeasureHit("displaced", _clean_subject(self._np_after(text, fig)), "measure.left.forced_to_flee")
        words = _last_words(head_nq, 3)
        if not words:
            return None
        last = words[-1].lower()
        before = words[-2].lower() if len(words) > 1 else ""
        negated = before in {"not", "n't", "never", "no", "to"} or (len(words) > 2 and words[-3].lower() in {"not", "never"})
        # "killed F people", "injuring F"
        if last in LEFT_VERBS:
            if negated and before != "to":
                return _VETO
            measure = LEFT_VERBS[last]
            if last == "shot" and before in {"fatally", "mortally"}:
                measure = "killed"   # "fatally shot seven people"
            words = self._np_after(text, fig)
            if measure == "detained" and words and _is_thing(words):
                measure = "seized"
            if measure == "shot" and words and _is_thing(words):
                return None
            return MeasureHit(measure, _clean_subject(words), f"measure.left.{last}")
        if last in OTHER_VERBS and last not in {"on", "hit", "struck", "found", "went", "shot", "fell", "landed"}:
            if negated:
                return _VETO   # "unable to fire one shot": a negated or hypothetical act
            words = self._np_after(text, fig)
            if (words and _is_thing(words)) or last in _PERSON_OTHER:
                return MeasureHit(OTHER_VERBS[last], _clean_subject(words), f"measure.left.other.{last}")
        return None

    def _np_after(self, text: str, fig: Figure) -> list[str]:
        words: list[str] = []
        for m in _TOKEN.finditer(text, fig.end, fig.end + 80):
            tok = m.group()
            low = tok.lower()
            if tok in _QUOTES:
                continue
            if not tok[0].isalpha() or low in NP_STOP or low in AUX or low in self.right or low in LEFT_VERBS:
                break
            if low in {"in", "at", "on", "from", "during", "with", "across", "near", "inside", "of", "to", "for", "by"}:
                break
            words.append(tok)
            if len(words) >= 5:
                break
        return words

    # -- entry point ----------------------------------------------------------
    def classify(self, text: str, sentence: Sentence, fig: Figure,
                 previous: tuple[Figure, MeasureHit] | None = None,
                 doc_previous: MeasureHit | None = None) -> MeasureHit | None:
        """The measure of ``fig`` inside ``sentence``, or None when it counts nothing we know.

        ``previous`` is the figure before it in the same sentence with its measure;
        ``doc_previous`` the last measure found in the document ("that number has risen to F").
        The hit says when the figure is only a part of a larger count (``part``).
        """
        if _not_a_count(text, sentence, fig):
            return None
        hit = self._classify(text, sentence, fig, previous, doc_previous)
        if hit is None or hit is _VETO:
            return None
        why = _part_of(text, sentence, fig, hit, doc_previous)
        return replace(hit, part=why) if why else hit

    def refusal(self, text: str, sentence: Sentence, fig: Figure, figures: list[Figure]) -> str | None:
        """Why ``fig`` was refused on purpose, as a rule id (for the recall audit), or None when it
        was only left without a measure.  ``figures``: every figure of the sentence."""
        rid = not_a_count_rule(text, sentence, fig)
        if rid:
            return rid
        before = [f for f in figures if f.end <= fig.start]
        if before and before[-1].end > fig.start - 12 and _OF_THE_BEFORE.search(text[before[-1].end:fig.start]) \
                and not _whole_measure(text, fig, sentence):
            return "measure.whole_of_part"   # "32 of the [543] passengers"
        if self._left(text, fig, sentence) is _VETO:
            return _VETO.rule
        return None

    # (the patterns below match at the figure's end with ``endpos`` the
    # sentence's: the same as matching ``text[fig.end:sentence.end]``, none
    # looks behind its start)
    def _classify(self, text: str, sentence: Sentence, fig: Figure,
                  previous: tuple[Figure, MeasureHit] | None,
                  doc_previous: MeasureHit | None) -> MeasureHit | None:
        # "ten shot, one fatally": the second figure is the killed part
        if _FATALLY_AFTER.match(text, fig.end, sentence.end):
            return MeasureHit("killed", None, "measure.right.fatally")
        if previous is not None and previous[1].measure in _SEVERITY_OF and previous[0].end > fig.start - 60 \
                and _SEVERITY_AFTER.match(text, fig.end, sentence.end) \
                and _SEVERITY_BETWEEN.fullmatch(text, previous[0].end, fig.start):
            return MeasureHit("wounded", None, "measure.right.severity")
        if previous is not None and previous[0].end > fig.start - 12 \
                and _OF_THE_BEFORE.search(text[previous[0].end:fig.start]):
            # "20 of the [65] injured": a whole named by a measure noun is a total of its own;
            # "32 of the [543] passengers" counts no casualty
            whole = _whole_measure(text, fig, sentence)
            return MeasureHit(whole, None, WHOLE_RULE) if whole else None
        if doc_previous is not None:
            # both patterns end at the figure and match fewer than 100 characters: the head
            # is the last 120 (the same matches, and work per figure that does not grow with
            # the sentence)
            head = text[max(sentence.start, fig.start - 120):fig.start]
            low_head = fold(head)
            if _search(_RISEN_TO, ("number", "figure", "count", "tally"), head, low_head):
                return MeasureHit(doc_previous.measure, doc_previous.subject, "measure.left.risen_to")
            if _search(_PUT_NUMBER, ("put", "placed", "places"), head, low_head):
                return MeasureHit(doc_previous.measure, doc_previous.subject, "measure.left.put_number")
        left = self._left(text, fig, sentence)
        if left is _VETO:
            return None
        if left is not None and left.rule.startswith(("measure.left.toll", "measure.left.number_of", "measure.left.fronted",
                                                      "measure.left.among", "measure.left.the_dead",
                                                      "measure.left.death_of")):
            return left
        right = self._right(text, fig, sentence)
        if left is not None and right is not None and left.rule in ("measure.left.key_value",
                                                                    "measure.left.evacuation_of") \
                and not _NEXT_KEY.match(text, fig.end, sentence.end):
            return right        # "Casualties: 12 dead, 40 injured": the figure's own word is more precise;
            #                     "the evacuation of 24 soldiers who were injured": a casualty evacuation
        if left is not None:
            if left.measure == "shot" and right is not None and right.measure in {"killed", "wounded"}:
                return right
            return left
        if right is not None:
            return right
        if previous is not None:
            pfig, phit = previous
            between = text[pfig.end:fig.start]
            if _LIST_COMMA_BEFORE.match(between) and _LIST_GOES_ON.match(text, fig.end, sentence.end) \
                    and not _is_thing(self._np_after(text, fig)):
                return MeasureHit(phit.measure, _clean_subject(self._np_after(text, fig)) or phit.subject,
                                  "measure.coordination.list")
            if _COORDINATION.match(between) or _OF_THEM_AFTER.match(text, fig.end, sentence.end):
                words = self._np_after(text, fig)
                if not (words and _is_thing(words)) or _is_thing((phit.subject or "").split()):
                    return MeasureHit(phit.measure, _clean_subject(words) or phit.subject,
                                      "measure.coordination.previous")
        head = text[max(sentence.start, fig.start - 90):fig.start]
        low_head = fold(head)
        if "along with" in low_head and (m := _ALONG_WITH.search(head)):
            words = self._np_after(text, fig)
            if not (words and _is_thing(words)):
                return MeasureHit(_ALONG_WITH_WHAT[m.group("verb").lower()], _clean_subject(words),
                                  "measure.left.along_with")
        if " and " in low_head or " as well as " in low_head:
            m = _VERB_THROUGH_LIST.search(head)
            if m is not None:
                words = self._np_after(text, fig)
                if not (words and _is_thing(words)):
                    verb = re.sub(r"\s+", " ", m.group("verb").lower())
                    return MeasureHit(_VERB_THROUGH_MEASURE.get(verb, "killed"), _clean_subject(words),
                                      "measure.left.through_list")
        return None


# ---------------------------------------------------------------------------
# Parts of a larger count.  A part never competes with a total (it is not a
# rival toll); the engine only checks that it does not exceed the total.
# Ordered: first match wins.
# ---------------------------------------------------------------------------
_PART_AFTER = re.compile(r"(?i)^\s*of\s+(?:the|them|whom|those|these|its|their|his|her|our)\b")
_PART_BEFORE = re.compile(
    r"(?i)\b(?:including|includes|included|among\s+them|among\s+whom|a\s+further|an\s+additional|another)"
    r"\s*[\"'\u201c]?\s*$")
_OTHER = re.compile(r"(?i)^\s*(?:other|others)\b")
#: running totals over a period are not one event's figures
_TALLY = CaselessPattern(r"\b(?:so\s+far\s+this\s+year|this\s+year|year\s+to\s+date|as\s+of\s+(?:[A-Z][a-z]+\s+\d|today|now)|"
                    r"since\s+(?:january|the\s+start\s+of\s+the\s+year)|(?:police|crime)\s+statistics|"
                    r"homicides?\s+(?:this|so\s+far)|on\s+pace\s+for|"
                    # roundups of several incidents: "in weekend shootings", "in separate shootings across the city"
                    r"(?:separate|several|multiple|weekend|overnight|unrelated)\s+(?:shootings|incidents|attacks)|"
                    r"shootings\s+(?:across|throughout|around)\s+the\s+city|"
                    r"in\s+the\s+(?:two|three|four|five|past|last)\s+(?:days|weeks)|total\s+arrests|"
                    # periods: "in the first 41 days of the year", "so far in 2017", "since the start of the month"
                    r"in\s+the\s+first\s+\w+\s+(?:days|weeks|months)\s+of|so\s+far\s+in\s+\d{4}|"
                    r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?(?:year|month|\d{4}))\b")
_NONE_OF = re.compile(r"(?i)(?:none|neither|either|all|each)\s+of\b")
_ANOTHER_IN = CaselessPattern(r"\b(?:another|a\s+further|an\s+additional)\b")
_PERHAPS_BEFORE = CaselessPattern(r"\b(?:perhaps|possibly|maybe|or)\s*$")
_INTAKE = CaselessPattern(r"\b(?:received|admitted|treated|treating|taken\s+in|brought\s+in)\s*$")
_SEVERITY = CaselessPattern(r"^[^.;,]{0,30}?\b(?:(?:seriously|critically|severely|gravely|badly)\s+(?:injured|wounded|hurt|burned)|"
                            r"(?:had|has|have)\s+(?:[\w-]+\s+){0,2}?(?:minor|non-life[\s-]+threatening|serious|critical|"
                            r"life[\s-]+threatening|severe|stress[\s-]+related)\s+(?:injuries|wounds))")
#: a part of a place named in the subject: "four people on the roof of the bus", "six on top of the vessel"
#: ("victims of the shooting in X", "all 10 people aboard" name everyone)
_LOCATIVE = CaselessPattern(
    rf"\b(?:in|on|at|inside)\s+(?:the\s+|a\s+)?(?:{'|'.join(PLACE_PART_NOUNS)})\s+(?:of|floor|deck)\b")
#: "a guard was killed and two other people were hurt": "other" than the killed, not a part
_OTHER_MEASURE_BEFORE = CaselessPattern(r"\b(?:killed|died|dead|injured|wounded|hurt|shot|arrested|missing)\b")


#: "N of the M <measure noun>" ("20 of the [65] injured"): the M is a total of that measure
WHOLE_RULE = "measure.whole.of_total"
_WHOLE_NOUN = re.compile(r"\s+(?:people\s+|persons\s+)?([a-z]+)\b", re.I)
_OF_THE_FIGURE = re.compile(r"(?i)\s*of\s+(?:the|its|their)\s+(?=\S*\d|(?:%s)\b)" % "|".join(CARDINAL_WORDS))


def _whole_measure(text: str, fig: Figure, sentence: Sentence) -> str | None:
    """The measure that the noun right after the whole ``fig`` names ("the 65 injured"), or None."""
    m = _WHOLE_NOUN.match(text, fig.end, sentence.end)
    return TOTAL_NOUN_MEASURE.get(m.group(1).lower()) if m else None


def _of_other_whole(text: str, sentence: Sentence, fig: Figure, hit: MeasureHit) -> bool:
    """"N of the M ..." where the M's own noun names no measure, or another one, than the N's:
    "two of the four victims died", "32 of the 543 passengers were killed" give the toll itself."""
    m = _OF_THE_FIGURE.match(text, fig.end, sentence.end)
    if not m:
        return False
    whole = next((f for f in _figures_at(text, m.end(), sentence.end)), None)
    if whole is None:
        return False
    m = _WHOLE_NOUN.match(text, whole.end, sentence.end)
    noun = m.group(1).lower() if m else ""
    if noun in VICTIM_NOUNS:
        return True     # the victims are everyone hurt: those of them who died are all the dead
    measure = TOTAL_NOUN_MEASURE.get(noun)
    return measure is not None and measure != hit.measure   # "two of the 65 injured died"


def _figures_at(text: str, start: int, end: int) -> list[Figure]:
    from .numbers import find_figures   # the number grammar (no cycle at import time)
    return [f for f in find_figures(text, start, min(end, start + 40)) if f.start == start]


def _part_of(text: str, sentence: Sentence, fig: Figure, hit: MeasureHit,
             doc_previous: MeasureHit | None) -> str | None:
    after = text[fig.end:sentence.end]
    before = text[max(sentence.start, fig.start - 30):fig.start]
    if _PART_AFTER.match(after) or _NONE_OF.match(fig.text):
        if _PART_AFTER.match(after) and _of_other_whole(text, sentence, fig, hit):
            return None                     # "two of the four victims died": the killed, all of them
        return "part.of"                    # "32 of its agents", "15 of them", "none of the wounded"
    if _PART_BEFORE.search(before) or _ANOTHER_IN.search(fig.text):
        return "part.including"             # "including two children", "another four", "at least another 20"
    if hit.rule in ("measure.left.among", "measure.left.the_dead") or hit.rule.startswith("measure.right.among.") or (
            hit.rule.startswith("measure.coordination")
            and not _PERHAPS_BEFORE.search(text[sentence.start:fig.start])):
        return "part.list"                  # "among the dead were two", "two women and [one] man"
    if _OTHER.match(after) and doc_previous is not None and doc_previous.measure == hit.measure \
            and not _OTHER_MEASURE_BEFORE.search(text[sentence.start:fig.start]):
        return "part.other"                 # "one man was killed ... four other people died"
    if hit.subject and _LOCATIVE.search(hit.subject):
        return "part.place"                 # "four people on the roof of the bus"
    if _TALLY.search(sentence.text):
        return "part.tally"                 # "163 shot this year, according to police statistics"
    if _INTAKE.search(text[max(sentence.start, fig.start - 40):fig.start]):
        return "part.intake"                # "the clinic received some 30 people with burns": one hospital's count
    if hit.measure == "wounded" and (hit.rule in ("measure.right.condition", "measure.right.severity")
                                     or _SEVERITY.search(text[fig.end:min(sentence.end, fig.end + 60)])):
        return "part.severity"              # "around 30 people seriously injured": a subset of the injured
    return None


# ---------------------------------------------------------------------------
# Figures that count nothing, whatever words follow them.
# ---------------------------------------------------------------------------
#: "one" as a pronoun: "the other one", "was one of five people injured" (a person, not a count)
_ONE_PRONOUN_BEFORE = re.compile(r"(?i)\b(?:the|other|this|that|each|every|which|any|no|the\s+only)\s*$")
_ONE_OF_AFTER_BE = re.compile(r"(?i)\b(?:was|is|were|are|as|became|becomes|remains?)\s*$")
_SPACE_OF = re.compile(r"\s+of\b")
#: "in their early 20's": an age; ranks: "world number one", "seeded two"
_APOSTROPHE_S = re.compile(r"(?:'|\u2019)?s\b")
_DECADE_BEFORE = re.compile(r"(?i)\b(?:early|mid|late|their|his|her)\s*-?\s*$")
_RANK_BEFORE = re.compile(r"(?i)\b(?:number|no\.|ranked|rank|seeded|top)\s*$")
_RANK_KEYS = ("number", "no.", "rank", "seeded", "top")
#: ages: "ranging in age from 20 to 37", "ages 4 to 12"
_AGE_BEFORE = re.compile(r"(?i)\b(?:age|ages|aged|believed\s+to\s+be|thought\s+to\s+be)\b[^.;,]{0,12}$")
_AGE_KEYS = ("age", "believed", "thought")


#: a family's size: "a father of three", "married with two children", "has two grown sons"
_FAMILY_BEFORE = re.compile(r"(?i)\b(?:(?:father|mother|parent|dad|mom|mum|grandfather|grandmother)\s+of|married\s+with|"
                            r"has|had|have|leaves|leaving|left\s+behind|survived\s+by)\s*$")
_FAMILY_AFTER = re.compile(r"(?i)(?:\s+[\w-]+){0,2}?\s+(?:children|kids|sons|daughters|grandchildren|boys|girls)\b"
                           r"(?!\s+(?:were|was|are|had\s+been|have\s+been|died|dead|killed|injured|wounded|hurt|shot))")
_FAMILY_OF_AFTER = re.compile(r"(?i)\s*(?:[,.;]|$|\s+(?:and|who|whose|from|in)\b)")


def not_a_count_rule(text: str, sentence: Sentence, fig: Figure) -> str | None:
    """The id of the rule that says ``fig`` counts nothing whatever words follow it, or None."""
    before = text[max(sentence.start, fig.start - 30):fig.start]
    if _FAMILY_BEFORE.search(before):
        parent_of = re.search(r"(?i)\bof\s*$", before) is not None
        if _FAMILY_AFTER.match(text, fig.end, sentence.end) or (parent_of and _FAMILY_OF_AFTER.match(text, fig.end, sentence.end)):
            return "measure.nc.family"   # "a father of three", "married with two children": a family's size
    after = text[fig.end:min(sentence.end, fig.end + 6)]
    if fig.text.lower() == "one":
        if _ONE_PRONOUN_BEFORE.search(before):
            return "measure.nc.one_pronoun"
        if _SPACE_OF.match(after) and _ONE_OF_AFTER_BE.search(before):
            return "measure.nc.one_of"
    if _APOSTROPHE_S.match(text[fig.end:fig.end + 3]) and _DECADE_BEFORE.search(before):
        return "measure.nc.decade"   # "four men in their early 20's": an age
    low = fold(before)
    if _search(_RANK_BEFORE, _RANK_KEYS, before, low):
        return "measure.nc.rank"     # ranks: "world number one", "seeded two"
    if _search(_AGE_BEFORE, _AGE_KEYS, before, low):
        return "measure.nc.age"
    return None


def _not_a_count(text: str, sentence: Sentence, fig: Figure) -> bool:
    return not_a_count_rule(text, sentence, fig) is not None
