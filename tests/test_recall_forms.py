"""Recall forms of issue 16, on news-style sentences of our own: each row a passage and the
claims it must give as (figure words, measure, low); and figures that are no count, each
refused by a named rule (the recall audit shows its id)."""
from __future__ import annotations

import pytest

from reconcile.documents import parse_text
from reconcile.extract import extract_claims, numbers
from reconcile.extract.measures import MeasureFinder
from reconcile.extract.sentences import split_sentences

CLAIMS: list[tuple[str, str, list[tuple[str, str, float]]]] = [
    # --- displacement --------------------------------------------------------------------
    ("forced-to-flee", "The shelling forced 12,000 to flee across the river.", [("12,000", "displaced", 12000)]),
    ("driven-from-homes", "The floods have driven some 40,000 people from their homes.",
     [("some 40,000", "displaced", 40000)]),
    ("passive-forced-to-flee", "About 900 villagers were forced to flee when the dam burst.",
     [("About 900", "displaced", 900)]),
    ("sheltering-in-camps", "Some 20,000 people are sheltering in camps outside the town.",
     [("Some 20,000", "displaced", 20000)]),
    ("taken-shelter", "About 1,500 residents had taken shelter in a sports hall.", [("About 1,500", "displaced", 1500)]),
    ("staying-in-schools", "At least 3,000 are staying in schools turned into shelters.",
     [("At least 3,000", "displaced", 3000)]),
    ("left-homeless", "The earthquake left 3,000 homeless.", [("3,000", "displaced", 3000)]),
    ("evacuation-of", "The eruption forced the evacuation of 7,000 people from the slopes.",
     [("7,000", "displaced", 7000)]),
    ("evacuation-of-the-wounded", "Helicopters covered the evacuation of 18 soldiers who were wounded.",
     [("18", "wounded", 18)]),
    ("ordered-to-leave", "Officials ordered 60,000 residents to leave.", [("60,000", "displaced", 60000)]),
    ("left-without-shelter", "The typhoon destroyed 900 homes and left 4,500 people without shelter.",
     [("900", "destroyed", 900), ("4,500", "displaced", 4500)]),
    ("without-homes", "The cyclone left 80,000 without homes.", [("80,000", "displaced", 80000)]),
    ("had-to-leave-homes", "Nearly 6,000 people had to leave their homes.", [("Nearly 6,000", "displaced", 6000)]),
    ("lost-their-homes", "Some 2,000 houses were damaged and 8,000 people lost their homes.",
     [("Some 2,000", "damaged", 2000), ("8,000", "displaced", 8000)]),
    ("in-relief-camps", "About 45,000 people are in relief camps.", [("About 45,000", "displaced", 45000)]),
    ("moved-to-evacuation-centres", "Some 12,000 people have been moved to evacuation centres.",
     [("Some 12,000", "displaced", 12000)]),
    ("night-in-shelters", "About 900 people spent the night in shelters.", [("About 900", "displaced", 900)]),
    ("internally-displaced", "Some 700,000 people are now internally displaced.",
     [("Some 700,000", "displaced", 700000)]),
    ("sheltering-verb", "The Red Cross said it was sheltering 1,200 people.", [("1,200", "displaced", 1200)]),
    ("refugees-noun", "There are now 14,500 refugees in the border province.", [("14,500", "displaced", 14500)]),
    ("displaced-persons", "The agency counted 40,000 displaced persons in the camp.",
     [("40,000", "displaced", 40000)]),
    ("made-homeless-active", "The fire made 200 families homeless.", [("200", "displaced", 200)]),
    ("fleeing-the-violence", "More than 2,000 people fleeing the violence have reached the capital.",
     [("More than 2,000", "displaced", 2000)]),
    ("uprooted-verb", "The clashes have uprooted 20,000 villagers.", [("20,000", "displaced", 20000)]),
    ("still-in-shelters", "There are 600 people still in shelters.", [("600", "displaced", 600)]),
    ("fled-to-higher-ground", "Around 4,000 residents fled to higher ground.", [("Around 4,000", "displaced", 4000)]),
    # --- lists of three or more figures --------------------------------------------------
    ("list-of-three", "Rebels killed 12 soldiers, 3 police officers and 2 civilians.",
     [("12", "killed", 12), ("3", "killed", 3), ("2", "killed", 2)]),
    ("list-of-four", "The blasts wounded 40 students, 12 teachers, 5 guards and 3 drivers.",
     [("40", "wounded", 40), ("12", "wounded", 12), ("5", "wounded", 5), ("3", "wounded", 3)]),
    # --- the casualty verb before a list whose first item is no figure ---------------------
    ("verb-through-list", "Police say the farmer killed his wife and four daughters before killing himself.",
     [("four", "killed", 4)]),
    ("fatally-shot-through-list", "A mother fatally shot her husband and three sons in their home.",
     [("three", "killed", 3)]),
    ("along-with", "He was killed at the bar, along with two other men.", [("two", "killed", 2)]),
    ("arrested-along-with", "The driver was arrested along with three passengers.", [("three", "detained", 3)]),
    ("along-with-no-casualty", "The mayor arrived along with two aides after the shooting.", []),
    ("deaths-of-through-list", "He faces trial for the deaths of his wife, 34, and the three boys.",
     [("three", "killed", 3)]),
    # --- key-value and fact-box lines ----------------------------------------------------
    ("key-value-colon", "Deaths: 1,234", [("1,234", "killed", 1234)]),
    ("key-value-dash", "Injured - 56", [("56", "wounded", 56)]),
    ("key-value-qualified", "Total displaced: 3,400", [("3,400", "displaced", 3400)]),
    ("fact-box-two-figures", "Casualties: 12 dead, 40 injured", [("12", "killed", 12), ("40", "wounded", 40)]),
    ("fact-box-semicolons", "Killed: 14; injured: 30; missing: 5",
     [("14", "killed", 14), ("30", "wounded", 30), ("5", "missing", 5)]),
    ("fact-box-run-together", "Dead: 23 Injured: 89", [("23", "killed", 23), ("89", "wounded", 89)]),
    ("fact-box-bound", "Wounded: at least 60", [("at least 60", "wounded", 60)]),
    # --- a severity figure after a casualty figure ------------------------------------------
    ("severity-adverb", "Five people were wounded, one critically, in the shooting.",
     [("Five", "wounded", 5), ("one", "wounded", 1)]),
    ("severity-adverb-end", "Six people were hurt, two seriously.", [("Six", "wounded", 6), ("two", "wounded", 2)]),
    ("severity-headline", "3 dead, 1 critical after shooting at bar", [("3", "killed", 3), ("1", "wounded", 1)]),
    ("severity-headline-leaves", "Gang Shooting Leaves 4 Wounded, 1 Critically",
     [("4", "wounded", 4), ("1", "wounded", 1)]),
    # --- headline lists in digits ------------------------------------------------------------
    ("digit-list-headline", "10 women, 7 men wounded in playground shooting",
     [("10", "wounded", 10), ("7", "wounded", 7)]),
    ("digit-list-and", "Police said 2 adults and 3 children died in the fire.",
     [("2", "killed", 2), ("3", "killed", 3)]),
    ("digit-list-not-a-year", "Ninety people were shot in the first 40 days of 2016, 21 have been fatally shot.",
     [("Ninety", "shot", 90), ("21", "killed", 21)]),
    ("toll-present-tense", "Quake death toll tops 340", [("340", "killed", 340)]),
    # --- headlines in capitals and increments --------------------------------------------
    ("all-caps-headline", "FOUR DEAD IN TRUCK CRASH", [("FOUR", "killed", 4)]),
    ("increment", "Rescuers pulled three more bodies from the rubble.", [("three", "killed", 3)]),
    # --- the casualty word further right --------------------------------------------------
    ("pronounced-dead", "One man was pronounced dead at the scene.", [("One", "killed", 1)]),
    ("declared-dead", "Two hikers were declared dead on arrival.", [("Two", "killed", 2)]),
    ("found-dead", "Three men were found dead in a flooded cellar.", [("Three", "killed", 3)]),
    ("suffered-injuries", "Two women and a teenager also suffered minor injuries.", [("Two", "wounded", 2)]),
    ("sustained-burns", "Five firefighters sustained burns while fighting the blaze.", [("Five", "wounded", 5)]),
    ("with-a-wound", "One man was found with a stab wound to his arm.", [("One", "wounded", 1)]),
    ("had-injuries", "Police said 11 victims had minor injuries.", [("11", "wounded", 11)]),
    ("died-from-injuries-is-killed", "One victim has died from his injuries.", [("One", "killed", 1)]),
    # --- a total stated through a part ------------------------------------------------------
    ("total-through-part", "Twenty of the 65 injured were children.", [("Twenty", "wounded", 20), ("65", "wounded", 65)]),
    ("total-through-part-people", "Doctors said 12 of the 40 people wounded were in surgery.",
     [("12", "wounded", 12), ("40", "wounded", 40)]),
    # --- the casualty word at a distance ----------------------------------------------------
    ("age-apposition", "One victim, 23, was pronounced dead at the scene.", [("One", "killed", 1)]),
    ("ages-apposition", "Two men, ages 28 and 22, were wounded.", [("Two", "wounded", 2)]),
    ("both-apposition", "Two men, both 30, were killed.", [("Two", "killed", 2)]),
    ("relative-gunshot-wounds", "Two women who had suffered gunshot wounds were taken to hospital.",
     [("Two", "shot", 2)]),
    ("fronted-also-injured", "Also injured were three teenage boys.", [("three", "wounded", 3)]),
    ("fronted-killed-in", "Killed in the blast were two officers.", [("two", "killed", 2)]),
    ("fronted-among-those-hurt", "Among those hurt were four children.", [("four", "wounded", 4)]),
    ("bodies-of", "Rescuers recovered the bodies of four men from the river.", [("four", "killed", 4)]),
    ("claimed-the-lives-of", "The crash claimed the lives of three people.", [("three", "killed", 3)]),
    ("lives-at-risk-is-no-toll", "The lawsuit says the store put the lives of 200 shoppers at risk.", []),
    # --- "the shooting of N" ----------------------------------------------------------
    ("shooting-of", "Detectives are investigating the shooting of four people outside a bar.", [("four", "shot", 4)]),
    ("wounding-of", "The killings of two people and wounding of two others shocked the town.",
     [("two", "killed", 2), ("two", "wounded", 2)]),
]


@pytest.mark.parametrize("passage,wanted", [c[1:] for c in CLAIMS], ids=[c[0] for c in CLAIMS])
def test_recall_form(passage: str, wanted: list[tuple[str, str, float]]) -> None:
    doc = parse_text("a.txt", passage + "\n")
    got = [(doc.text[c.start:c.end], c.measure, c.low) for c in extract_claims(doc)]
    assert got == wanted


NOT_COUNTS: list[tuple[str, str, str, str]] = [
    ("counts-of-murder", "He is charged with two counts of murder in the deaths.", "two", "nc.charge.counts"),
    ("attempted-murder-charges", "She faces five attempted murder charges after the shooting.", "five",
     "nc.charge.counts"),
    ("count-each", "He was charged with one count each of assault and robbery after the stabbing.", "one",
     "nc.charge.counts"),
    ("gallery-counter", "Image 3 of 16 Officers investigate where two men were killed.", "16", "nc.id.gallery"),
    ("gallery-back", "Two hurt in crash 1 / 14 Back to Gallery", "14", "nc.id.gallery"),
    ("emergency-number", "A neighbour called 911 after the stabbing.", "911", "nc.id.emergency"),
    ("broadcaster", "Two dead, one hurt in crash - KXYZ News 12 - Springfield", "12", "nc.id.broadcaster"),
    ("repetition", "He fired 14 times at the car, killing the driver.", "14", "nc.times"),
    ("shot-three-times", "The victim was shot three times in the chest and died.", "three", "nc.times"),
    ("father-of", "The slain officer was a father of three.", "three", "measure.nc.family"),
    ("married-with", "The slain officer was married with two children.", "two", "measure.nc.family"),
    ("broadcaster-paren", "SPRINGFIELD (CBS 8) - Two people were killed on Friday.", "8", "nc.id.broadcaster"),
]


@pytest.mark.parametrize("passage,figure,rule", [c[1:] for c in NOT_COUNTS], ids=[c[0] for c in NOT_COUNTS])
def test_no_count_is_refused_by_a_named_rule(passage: str, figure: str, rule: str) -> None:
    pos = passage.rindex(figure)
    got = numbers.non_count_rule_at(passage, 0, len(passage), pos)
    if got is None:     # the measure finder's refusals, as the recall audit asks them
        sent = split_sentences(passage, 0)[0]
        figures = numbers.find_figures(passage, sent.start, sent.end)
        fig = next(f for f in figures if f.start <= pos < f.end)
        got = MeasureFinder().refusal(passage, sent, fig, figures)
    assert got == rule
    doc = parse_text("a.txt", passage + "\n")
    assert all(doc.text[c.start:c.end] != figure for c in extract_claims(doc))


COUNTS_KEPT: list[tuple[str, str, str, float]] = [
    ("news-headline-count", "NEWS 3 DEAD IN CRASH", "3", 3),
    ("charged-people", "Police charged 12 people after the riot.", "12", 12),
    ("family-killed", "The man had two children killed in the war.", "two", 2),
    ("possessive-family", "He killed his wife and their two children.", "two", 2),
    ("shelter-in-place", "Two people were killed; 300 shoppers were told to shelter in place.", "Two", 2),
]


@pytest.mark.parametrize("passage,figure,low", [c[1:] for c in COUNTS_KEPT], ids=[c[0] for c in COUNTS_KEPT])
def test_counts_beside_those_rules_are_kept(passage: str, figure: str, low: float) -> None:
    doc = parse_text("a.txt", passage + "\n")
    got = {(doc.text[c.start:c.end], c.low) for c in extract_claims(doc)}
    assert (figure, low) in got
    if "shelter in place" in passage:
        assert all(c.measure != "displaced" for c in extract_claims(doc))


#: an escape from a crime scene is no displacement
NOT_DISPLACED: list[tuple[str, str]] = [
    ("fled-the-scene", "Two suspects fled the scene after the shooting."),
    ("fled-on-foot", "Three men fled on foot after the robbery."),
    ("gunmen-fled-in-a-car", "Two gunmen fled in a dark sedan."),
    ("fled-from-police", "Two men fled from police before the crash."),
]


@pytest.mark.parametrize("passage", [c[1] for c in NOT_DISPLACED], ids=[c[0] for c in NOT_DISPLACED])
def test_an_escape_is_no_displacement(passage: str) -> None:
    doc = parse_text("a.txt", passage + "\n")
    assert [c.measure for c in extract_claims(doc) if c.measure == "displaced"] == []
