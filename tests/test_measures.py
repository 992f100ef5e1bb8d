"""Measure cues: what a figure counts, from the words around it.

Each case is a sentence of our own with the figure in [brackets]; the test
strips the brackets, builds the figure at that span and asks for its measure.
"""
from __future__ import annotations

import pytest

from reconcile.extract.measures import MeasureFinder, MeasureHit
from reconcile.extract.sentences import Sentence
from reconcile.model import Figure

FINDER = MeasureFinder()

# (id, sentence with [figure], expected measure or None)
CASES: list[tuple[str, str, str | None]] = [
    # passive and adjectival after the figure
    ("passive-killed", "[Twelve] people were killed in the blast on Sunday.", "killed"),
    ("adjective-dead", "[Five] dead after a gas explosion in the old town.", "killed"),
    ("headline-killed", "Bus plunges into gorge, [14] killed", "killed"),
    ("intransitive-died", "[Four] other passengers died later in hospital.", "killed"),
    ("of-its-agents-died", "The ministry said [32] of its border guards died defending the post.", "killed"),
    ("lost-their-lives", "[Nine] miners lost their lives when the shaft flooded.", "killed"),
    ("perished", "[Sixty] pilgrims perished in the stampede.", "killed"),
    ("confirmed-dead", "[Eleven] climbers were confirmed dead by rescuers.", "killed"),
    ("reported-to-have-been-killed", "[Seven] guards are reported to have been killed.", "killed"),
    ("shot-dead", "[Two] officers were shot dead at the checkpoint.", "killed"),
    ("shot-and-killed", "[Three] men were shot and killed near the bus depot.", "killed"),
    ("burned-to-death", "[Six] workers burned to death in the warehouse.", "killed"),
    ("passive-injured", "[Forty] people were injured when the stand collapsed.", "wounded"),
    ("hurt", "[Two] firefighters were slightly hurt.", "wounded"),
    ("headline-injured", "Storm hits coast; [8] injured", "wounded"),
    ("shot-and-wounded", "[Two] teenagers were shot and wounded near the school.", "wounded"),
    ("critical-condition", "[One] victim remains in critical condition.", "wounded"),
    ("with-injuries", "Doctors treated [15] people with minor injuries.", "wounded"),
    ("treated", "[Twenty] residents were treated for smoke inhalation.", "wounded"),
    ("expected-to-survive", "All [four] victims are expected to survive, police said.", "wounded"),
    ("taken-to-hospital", "[Three] people were taken to a local hospital.", "hospitalized"),
    ("remain-in-hospital", "[Two] remain in the hospital tonight.", "hospitalized"),
    ("missing", "[Nineteen] fishermen are still missing after the storm.", "missing"),
    ("unaccounted-for", "[Thirty] people remain unaccounted for.", "missing"),
    ("arrested", "Police said [12] protesters were arrested overnight.", "detained"),
    ("taken-into-custody", "[Four] suspects were taken into custody.", "detained"),
    ("held-hostage", "[Nine] crew members were held hostage for a week.", "detained"),
    ("kidnapped", "[Three] aid workers were kidnapped on the road north.", "detained"),
    ("displaced", "[Hundreds] of families were displaced by the floods.", "displaced"),
    ("evacuated", "[Two thousand] residents were evacuated from the valley.", "displaced"),
    ("made-homeless", "[Five hundred] people were made homeless by the fire.", "displaced"),
    ("fled", "[Thousands] fled the fighting across the border.", "displaced"),
    ("shot-fate-unknown", "[Six] people were shot at the party, police said.", "shot"),
    ("casualties-noun", "The attack caused [30] casualties.", "casualties"),
    ("killed-or-injured", "[Forty] people were killed or injured in the stampede.", "casualties"),
    ("deaths-noun", "Officials recorded [17] deaths in the heat wave.", "killed"),
    ("arrests-noun", "The night ended with [23] arrests.", "detained"),
    # transitive verb before the figure
    ("killing", "A bomb exploded at the market, killing [nine] people.", "killed"),
    ("killed-object", "The gunman killed [three] people before fleeing.", "killed"),
    ("injuring", "The quake struck at dawn, injuring [dozens] more.", "wounded"),
    ("injured-object", "The blast injured [more than 40] shoppers.", "wounded"),
    ("headline-kills-hurts", "Embassy blast kills 9, hurts [170]", "wounded"),
    ("arrested-object", "Troops arrested [15] men in the raid.", "detained"),
    ("evacuated-object", "Authorities evacuated [4,000] people from the coast.", "displaced"),
    # tolls and totals
    ("toll-rose-to", "The death toll rose to [17] on Tuesday.", "killed"),
    ("toll-climbed", "The toll has climbed [past 200] overnight.", "killed"),
    ("toll-headline", "Death toll [48] in ferry disaster", "killed"),
    ("number-of-dead", "The number of dead from the landslide has reached [21].", "killed"),
    ("number-of-injured", "The number of injured stood at [63].", "wounded"),
    ("among-the-dead", "Among the dead were [two] children.", "killed"),
    ("the-dead-included", "The dead included a teacher and [three] pupils.", "killed"),
    ("were-among-the-dead", "[Two] firefighters were among the dead, the fire chief said.", "killed"),
    ("was-also-among-the-injured", "[One] journalist was also among the injured.", "wounded"),
    ("among-the-missing", "[Four] fishermen are among the missing after the storm.", "missing"),
    ("among-those-killed", "[Two] nurses were among those killed in the strike.", "killed"),
    ("among-those-kidnapped", "[Three] engineers were among those kidnapped on the road.", "detained"),
    ("among-those-who-wrote", "His mother was among [15] people who wrote letters to the judge.", None),
    ("surviving-victims", "The surviving victims include [five] men.", "wounded"),
    ("deaths-of", "He was charged over the deaths of [two] hikers.", "killed"),
    # lists and references inside one sentence
    ("coordination-and", "Ten people were killed and [more than 90] injured in the pile-up, officials said.", "wounded"),
    ("coordination-list", "Police said [two] nurses and one doctor died in the crash.", "killed"),
    ("parenthetical", "[Three] hikers, all of them students, were killed.", "killed"),
    ("zero-noun", "[No Canadians] were killed in the avalanche.", "killed"),
    ("zero-no-one-hurt", "[No one] was hurt, the fire brigade said.", "wounded"),
    ("zero-casualties", "The blast caused [no casualties].", "casualties"),
    ("fatally", "Ten people were shot, [one] fatally.", "killed"),
    # other counts keep their verb
    ("missiles-fired", "The army said [four] missiles were fired at the base.", "fired"),
    ("fired-object", "Rebels fired [at least two] rockets at the airport.", "fired"),
    ("bombs-dropped", "[Five] bombs were dropped on the rail yard.", "dropped"),
    ("bare-exploded", "Six shells landed nearby, of which [four] exploded.", "exploded"),
    ("houses-damaged", "[Around 70] homes were damaged by the storm.", "damaged"),
    ("weapons-seized", "[Nine] rifles were seized from the house.", "seized"),
    ("rescued", "[Twenty] passengers were rescued from the sinking ferry.", "rescued"),
    ("trapped", "[Fourteen] miners remain trapped underground.", "trapped"),
    ("both-failed", "They launched two missiles, but [both] failed to hit anything.", "failed"),
    # not claims
    ("not-goals", "The striker scored [two] goals in the second half.", None),
    ("not-things-killing", "[Two] car bombs killed 11 people in the capital.", None),
    ("not-negated-fire", "The guards were not able to fire [one] round before the gate fell.", None),
    ("not-meeting", "The council held [three] meetings on the plan.", None),
    ("not-rooms", "The hotel has [200] rooms and a pool.", None),
    ("not-whole-of-part", "Thirty of the [400] passengers were hurt.", None),
]


def _case(marked: str) -> tuple[str, Figure]:
    start = marked.index("[")
    end = marked.index("]") - 1
    text = marked.replace("[", "").replace("]", "")
    words = text[start:end]
    qualifier = "zero" if words.lower().startswith(("no ", "no one", "none")) else "exact"
    noun = words.split()[-1] if words.lower().startswith("no ") and words.lower() != "no one" else None
    return text, Figure(start, end, words, 1, 1, qualifier=qualifier, noun=noun)


def _classify(marked: str) -> MeasureHit | None:
    text, fig = _case(marked)
    sentence = Sentence(0, len(text), text)
    # the figure before it in the sentence, if any, as the extractor would pass it
    previous = None
    for other in ("24", "Ten", "Six", "Thirty", "two"):
        i = text.find(other)
        if 0 <= i < fig.start and i + len(other) <= fig.start:
            pf = Figure(i, i + len(other), other, 1, 1)
            hit = FINDER.classify(text, sentence, pf)
            if hit is not None:
                previous = (pf, hit)
            break
    return FINDER.classify(text, sentence, fig, previous)


@pytest.mark.parametrize("marked,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_measure(marked: str, expected: str | None) -> None:
    hit = _classify(marked)
    assert (hit.measure if hit else None) == expected


SUBJECTS = [
    ("agents", "The ministry said [14] of its customs officers died.", "customs officers"),
    ("people", "A bomb exploded, killing [nine] people.", "people"),
    ("civilians", "[Four] civilians were wounded by shrapnel.", "civilians"),
    ("zero-noun", "[No Canadians] were hurt.", "Canadians"),
]


@pytest.mark.parametrize("marked,subject", [c[1:] for c in SUBJECTS], ids=[c[0] for c in SUBJECTS])
def test_subject(marked: str, subject: str) -> None:
    hit = _classify(marked)
    assert hit is not None and hit.subject == subject


def test_zero_killed_or_injured_states_two_measures() -> None:
    text = "No one was killed or injured when the roof gave way."
    fig = Figure(0, 6, "No one", 0, 0, qualifier="zero")
    hit = FINDER.classify(text, Sentence(0, len(text), text), fig)
    assert hit is not None and (hit.measure, hit.also) == ("killed", ("wounded",))


def test_config_cues_extend_the_lexicon() -> None:
    text = "Eight protesters were interned at the stadium."
    fig = Figure(0, 5, "Eight", 8, 8)
    assert MeasureFinder().classify(text, Sentence(0, len(text), text), fig) is None
    hit = MeasureFinder({"interned": "detained"}).classify(text, Sentence(0, len(text), text), fig)
    assert hit is not None and hit.measure == "detained"


def test_every_hit_names_its_rule() -> None:
    for _id, marked, expected in CASES:
        hit = _classify(marked)
        if expected is not None and hit is not None:
            assert hit.rule.startswith("measure."), _id


NOT_COUNTS = [
    ("one-of-n-is-a-person", "The teacher was [one] of six people hurt in the crash."),
    ("the-other-one", "One was hit in the arm and the other [one] was shot in the leg."),
    ("age-range", "The victims, ranging in age from [20] to 37, were taken to hospital."),
]


@pytest.mark.parametrize("marked", [c[1] for c in NOT_COUNTS], ids=[c[0] for c in NOT_COUNTS])
def test_figures_that_count_nothing(marked: str) -> None:
    assert _classify(marked) is None


MORE = [
    ("hurt-or-killed", "The [16] people hurt or killed at the club were all adults.", "casualties"),
    ("recovering", "Thirteen are dead and [three] others are recovering from gunshot wounds.", "wounded"),
    ("cities-are-not-people", "Over 80 people in [eight] cities were detained for rioting.", None),
    ("rocket-fire-is-a-noun", "Ten soldiers, including [three] hit by rocket fire, have been killed.", "killed"),
]


@pytest.mark.parametrize("marked,expected", [c[1:] for c in MORE], ids=[c[0] for c in MORE])
def test_more_measures(marked: str, expected: str | None) -> None:
    hit = _classify(marked)
    assert (hit.measure if hit else None) == expected


def test_ages_after_believed_to_be_are_no_counts() -> None:
    assert _classify("They found two women, believed to be 30 and [60], both shot dead.") is None


def test_harmed_is_hurt() -> None:
    hit = _classify("The gunman had two children, [neither] of whom were harmed.")
    assert hit is not None and hit.measure == "wounded"


RANKS_AND_LIVES = [
    ("rank-words", "With world number [one] Vijay Okoro missing because of the storm, the cup went ahead."),
    ("lives-far-from-the-figure", "[Hundreds] of gamers living out alternate lives in fantasy worlds."),
]


@pytest.mark.parametrize("marked", [c[1] for c in RANKS_AND_LIVES], ids=[c[0] for c in RANKS_AND_LIVES])
def test_ranks_and_loose_lives_count_nothing(marked: str) -> None:
    assert _classify(marked) is None


def test_claimed_lives_is_killed() -> None:
    hit = _classify("The storm claimed [25] lives along the coast.")
    assert hit is not None and hit.measure == "killed"
