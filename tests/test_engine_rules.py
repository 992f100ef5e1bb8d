"""Engine rules added for precision and for incident figures: parts, background events,
derived zero deaths, publication lag.  Short invented reports go through the real
extractor, so these tests check the rule where it matters: in the flagged pairs."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.documents import parse_text
from reconcile.engine import reconcile
from reconcile.extract import extract_claims


def _claims(*docs: tuple[str, str, str]):
    out = []
    for name, date, body in docs:
        out += extract_claims(parse_text(name, f"source: {name}\ndate: {date}\n\n{body}\n"))
    return out


def _pairs(result) -> set[tuple[float | None, float | None]]:
    return {tuple(sorted((x.a.low or 0, x.b.low or 0))) for x in result.contradictions}


PART_CASES = [
    ("other-after-same-measure",
     "A landslide killed one farmer in Kota Baru on Tuesday. Four other people died in hospital.", set()),
    ("of-them",
     "The blast in Kota Baru on Tuesday wounded 40 people, 15 of them children.", set()),
    ("including",
     "The bombing in Kota Baru on Tuesday killed 12 people, including two police officers.", set()),
    ("hospital-intake",
     "The quake in Kota Baru on Tuesday injured more than 200 people. "
     "\"We have received around 50 people with injuries,\" a doctor said.", set()),
    ("severity-subset",
     "The quake in Kota Baru on Tuesday injured 90 people, and around 30 people were seriously injured.", set()),
    ("another-inside-the-figure",
     "The ferry capsized off Port Delin on Tuesday, killing 10 people. "
     "Divers said at least another 12 people died inside the hull.", set()),
    ("more-after-same-measure-is-increment",
     "The bus crash near Port Delin on Tuesday killed nine people. "
     "Two passengers died at the scene and three more died in hospital, police said.", set()),
    ("additional-deaths-are-increment",
     "The bus crash near Port Delin on Tuesday killed nine people. Officials later reported four additional deaths.",
     set()),
    ("more-after-other-measure-still-rivals",
     "Police said the blast in Kota Baru on Tuesday killed two people and injured 30. "
     "A doctor said one person died and 45 more were hurt.", {(30, 45), (1, 2)}),
    ("contrast-denial-pairs-with-the-figure-it-rejects",
     "Police said 12 people died in the blast in Kota Baru on Tuesday. "
     "The governor said 19 people died, not 12.", {(12, 19), (12, 12)}),
    ("figure-in-the-country-still-rivals",
     "Police said the blast in Kota Baru on Tuesday killed 12 people. "
     "The ministry said the blast killed 19 people in Indonesia.", {(12, 19)}),
    ("toll-with-the-gunman-is-not-the-victims-toll",
     "Nine people died in the mall shooting in Kota Baru on Tuesday, including the gunman, police said. "
     "The mayor said eight victims were killed.", set()),
    ("tolls-with-the-attackers-still-rival",
     "Police said 12 people died in the bombing in Kota Baru on Tuesday, including two suicide bombers. "
     "The army said 15 people died in the bombing, counting the bombers.", {(12, 15)}),
    ("the-dead-included-lists-a-part",
     "The landslide in Kota Baru on Tuesday killed 30 people. The dead included two teachers.", set()),
    ("period-tally-is-not-the-event",
     "The shooting in Riverton on Monday wounded four people. "
     "Police said 120 people have been wounded in the first 60 days of the year.", set()),
    ("people-on-the-roof-are-a-part",
     "The bus plunged into the river near Port Delin on Tuesday, killing 20 people. "
     "Four people on the roof of the bus died, a witness said.", set()),
    ("people-at-the-party-in-town-are-everyone",
     "Police said three people were wounded in the Riverton shooting on Monday. "
     "A nurse said the gunfire wounded five people at the party in Riverton.", {(3, 5)}),
    ("everyone-aboard-is-everyone",
     "The plane crashed near Port Delin on Tuesday, killing eight people. "
     "Officials later said the crash killed all 11 people aboard.", {(8, 11)}),
    ("rival-figures-still-pair",
     "Police said 12 people died in the blast in Kota Baru on Tuesday. "
     "A hospital official said 19 people died in the blast.", {(12, 19)}),
]


@pytest.mark.parametrize("body,pairs", [c[1:] for c in PART_CASES], ids=[c[0] for c in PART_CASES])
def test_parts_never_rival_their_total(body: str, pairs: set) -> None:
    result = reconcile(_claims(("a.txt", "2025-06-04", body)))
    assert _pairs(result) == pairs


BARE_PLACE_CASES = [
    ("other-town-is-a-part", "No one was hurt in Bantar, police said.", True),
    ("there-names-the-place-before", "The tremor was felt in Bantar, but no injuries were reported there.", True),
    ("event-town-is-not-a-part", "Four people were hurt in Kota Baru, police said.", False),
    ("country-is-not-a-part", "The blast killed 19 people in Indonesia.", False),
    ("salient-place-of-the-reports-is-not-a-part", "Two people died in Selong.", False),
]


@pytest.mark.parametrize("body,part", [c[1:] for c in BARE_PLACE_CASES], ids=[c[0] for c in BARE_PLACE_CASES])
def test_bare_place_makes_a_part_only_elsewhere(body: str, part: bool) -> None:
    from reconcile.engine import scope
    (c,) = [c for c in _claims(("a.txt", "2025-06-04", body)) if c.measure in ("killed", "wounded")]
    got = scope.clause_part(c, frozenset({"kota", "baru"}), None, frozenset({"kota", "baru", "selong"}))
    assert (got is not None) == part


def test_background_event_figures_are_not_disputed() -> None:
    one = ("a.txt", "2025-06-04",
           "A strong quake struck Kota Baru on Tuesday, killing three people. "
           "In 2004 a tsunami killed 170,000 people in the province.")
    two = ("b.txt", "2025-06-04",
           "An earthquake killed three people in Kota Baru on Tuesday. "
           "In 2004 a huge tsunami killed 230,000 people across the region.")
    result = reconcile(_claims(one, two))
    assert not result.contradictions
    past = [q for q in result.quantities if q.scope.endswith("(earlier event)")]
    assert past, "the 2004 figures form their own, past quantities"


def test_no_death_reported_gives_killed_zero() -> None:
    result = reconcile(_claims(
        ("a.txt", "2025-06-04", "Three people were wounded in a shooting in Riverton on Monday, police said."),
        ("b.txt", "2025-06-05", "Police said three people were injured in the Riverton shooting on Monday.")))
    killed = [q for q in result.quantities if q.measure == "killed"]
    assert len(killed) == 1 and killed[0].best == 0
    (c,) = killed[0].claims
    assert c.derived and "derived.killed=0.no-death-reported" in c.rules


def test_shot_and_no_death_reported_gives_the_wounded() -> None:
    result = reconcile(_claims(
        ("a.txt", "2025-06-04", "Five people were shot in Riverton on Monday night, police said."),
        ("b.txt", "2025-06-05", "Police said five people were shot in the Riverton shooting on Monday.")))
    (killed,) = [q for q in result.quantities if q.measure == "killed"]
    (wounded,) = [q for q in result.quantities if q.measure == "wounded"]
    assert (killed.best, wounded.best) == (0, 5)
    assert len(wounded.claims) == 2 and all(c.derived for c in wounded.claims)
    assert not result.contradictions


def test_no_zero_when_a_death_is_mentioned() -> None:
    result = reconcile(_claims(
        ("a.txt", "2025-06-04", "Three people were wounded in a shooting in Riverton on Monday. "
                                "One of them later died, police said.")))
    assert not any(q.measure == "killed" and q.best == 0 for q in result.quantities)


def test_report_dated_only_by_publication_may_lag_the_event() -> None:
    early = ("a.txt", "2025-06-02", "A gunman killed four people in Riverton on Monday, police said.")
    late = ("b.txt", "2025-06-09", "Four people were killed in the Riverton shooting, police said.")
    result = reconcile(_claims(early, late))
    killed = [q for q in result.quantities if q.measure == "killed"]
    assert len(killed) == 1 and len(killed[0].claims) == 2


def test_reports_a_month_apart_stay_apart() -> None:
    one = ("a.txt", "2025-06-02", "A gunman killed four people in Riverton on Monday, police said.")
    two = ("b.txt", "2025-07-14", "A gunman killed two people in Riverton on Monday, police said.")
    result = reconcile(_claims(one, two))
    assert len([q for q in result.quantities if q.measure == "killed"]) == 2
    assert not result.contradictions


def test_same_event_rising_toll_is_a_revision() -> None:
    early = ("a.txt", "2025-06-02", "A bus bomb in Kota Baru killed 5 people on Monday, officials said.")
    late = ("b.txt", "2025-06-04", "The death toll from Monday's bus bomb in Kota Baru rose to 24, officials said.")
    result = reconcile(_claims(early, late))
    kinds = {x.kind for x in result.contradictions}
    assert kinds == {"revision"}
    (q,) = [q for q in result.quantities if q.measure == "killed"]
    assert q.status == "revised" and q.best == 24
    assert q.current is not None and q.current.published == dt.date(2025, 6, 4)


SUM_CASES = [
    ("parts-exceed-total", "The fire in Kota Baru on Tuesday killed 9 people. 6 children and 5 adults were killed.", True),
    ("parts-within-total", "The fire in Kota Baru on Tuesday killed 12 people. 6 children and 5 adults were killed.", False),
    ("parts-fit-the-later-total",
     "The fire in Kota Baru on Tuesday killed 9 people, police first said. Police later said 11 people died. "
     "6 children and 5 adults were killed.", False),
]


@pytest.mark.parametrize("body,flagged", [c[1:] for c in SUM_CASES], ids=[c[0] for c in SUM_CASES])
def test_listed_parts_are_checked_against_the_total(body: str, flagged: bool) -> None:
    result = reconcile(_claims(("a.txt", "2025-06-04", body)))
    sums = [x for x in result.contradictions if x.kind == "exceeds-total" and "parts listed" in x.explanation]
    assert bool(sums) is flagged


EVENT_DATE_CASES = [
    ("statement-date-is-not-the-event",
     "A minister on Sunday said that troops killed 40 rebels in the raid on March 2.", dt.date(2025, 3, 2)),
    ("lead-event-date", "Gunmen killed six people at a market on Saturday, police said.", dt.date(2025, 3, 15)),
]


@pytest.mark.parametrize("body,date", [c[1:] for c in EVENT_DATE_CASES], ids=[c[0] for c in EVENT_DATE_CASES])
def test_event_date_of_a_report(body: str, date: dt.date) -> None:
    (c,) = _claims(("a.txt", "2025-03-17", body))   # a Monday
    assert c.event.date == date


ALMOST_CASES = [
    ("almost-agrees-with-a-bit-less", "almost 200", "192", False),
    ("almost-disagrees-with-far-less", "almost 200", "150", True),
    ("about-is-the-figure", "about 200", "192", True),
]


@pytest.mark.parametrize("first,second,disputed", [c[1:] for c in ALMOST_CASES], ids=[c[0] for c in ALMOST_CASES])
def test_almost_means_a_little_under(first: str, second: str, disputed: bool) -> None:
    result = reconcile(_claims(
        ("a.txt", "2025-03-10", f"The ferry sank off Port Delin on Sunday. Officials said {first} people died."),
        ("b.txt", "2025-03-10", f"The ferry sank off Port Delin on Sunday. Police said {second} people died.")))
    assert bool(result.contradictions) is disputed


def test_a_subject_without_people_words_counts_everyone() -> None:
    result = reconcile(_claims(
        ("a.txt", "2025-06-04", "Police said five partygoers were wounded in the Riverton shooting on Monday."),
        ("b.txt", "2025-06-04", "Five people were wounded in a shooting in Riverton on Monday, police said.")))
    wounded = [q for q in result.quantities if q.measure == "wounded"]
    assert len(wounded) == 1 and wounded[0].scope == "all" and len(wounded[0].claims) == 2


SCOPE_CASES = [
    ("plural-men-are-the-victims", "Police said four men were wounded in the Riverton shooting on Monday.", "all"),
    ("a-list-keeps-its-groups", "Police said two women and one man were wounded in the Riverton shooting on Monday.", "women"),
    ("one-man-is-one-of-them", "Police said one man was wounded in the Riverton shooting on Monday.", "men"),
]


@pytest.mark.parametrize("body,scope", [c[1:] for c in SCOPE_CASES], ids=[c[0] for c in SCOPE_CASES])
def test_gender_words_name_the_victims_unless_listed(body: str, scope: str) -> None:
    result = reconcile(_claims(("a.txt", "2025-06-04", body)))
    first = min((c for q in result.quantities if q.measure == "wounded" for c in q.claims), key=lambda c: c.start)
    (q,) = [q for q in result.quantities if first in q.claims]
    assert q.scope == scope


def test_running_totals_are_not_the_event_figure() -> None:
    result = reconcile(_claims(("a.txt", "2025-06-04",
                                "Three people were wounded in a shooting in Riverton on Monday, police said. "
                                "So far this year 163 people have been shot in the city, police statistics show.")))
    (q,) = [q for q in result.quantities if q.measure == "wounded" and not q.scope.endswith("(part)")]
    assert q.best == 3


def test_no_injury_reported_gives_wounded_zero() -> None:
    result = reconcile(_claims(("a.txt", "2025-06-04", "Two men were killed in a shooting in Riverton on Monday, police said.")))
    (q,) = [q for q in result.quantities if q.measure == "wounded"]
    assert q.best == 0 and "derived.wounded=0.no-injury-reported" in q.claims[0].rules


def test_no_zero_wounded_when_someone_was_hurt() -> None:
    result = reconcile(_claims(("a.txt", "2025-06-04",
                                "Two men were killed in a shooting in Riverton on Monday. "
                                "A woman was taken to hospital with a gunshot wound, police said.")))
    assert not any(q.measure == "wounded" and q.best == 0 for q in result.quantities)


TALLY_CASES = [
    ("weekend-roundup", "Gunfire wounded 26 people in weekend shootings across the city, police said."),
    ("separate-shootings", "Nine people were hurt in separate shootings on Saturday night, police said."),
    ("period-total", "Police have made 14 total arrests in the three days since the riot."),
]


@pytest.mark.parametrize("body", [c[1] for c in TALLY_CASES], ids=[c[0] for c in TALLY_CASES])
def test_roundups_and_period_totals_are_tallies(body: str) -> None:
    (c,) = _claims(("a.txt", "2025-06-04", body))
    assert "part.tally" in c.rules


def test_vague_figures_do_not_contradict_on_their_own() -> None:
    result = reconcile(_claims(
        ("a.txt", "2025-06-04", "Dozens of people were killed when the dam burst in Kota Baru on Tuesday."),
        ("b.txt", "2025-06-04", "Three people were killed when the dam burst in Kota Baru on Tuesday, police said.")))
    assert not result.contradictions


BREAKDOWN_CASES = [
    ("later-smaller-figure-of-one-report-is-a-part",
     "Six people were shot on Harlan Street in Dunmore late Saturday, police said. "
     "Witnesses heard several shots. Four people were wounded near the bus stop, police said.", set()),
    ("stated-correction-stays-a-contradiction",
     "Six people were shot on Harlan Street in Dunmore late Saturday, police said. "
     "Police initially said four people were shot.", {(4, 6)}),
    ("larger-later-figure-still-disputes",
     "Four people were shot on Harlan Street in Dunmore late Saturday, police said. "
     "Witnesses heard several shots. Six people were shot in all, police said.", {(4, 6)}),
]


@pytest.mark.parametrize("body,pairs", [c[1:] for c in BREAKDOWN_CASES], ids=[c[0] for c in BREAKDOWN_CASES])
def test_one_voice_breaking_its_toll_down_is_no_contradiction(body: str, pairs: set) -> None:
    result = reconcile(_claims(("a.txt", "2024-05-04", body)))
    assert _pairs(result) == pairs


def _stored(*docs: tuple[str, str, str]):
    """Claims as the store gives them back: ids in the order the reports came in."""
    return [c.with_id(i) for i, c in enumerate(_claims(*docs), 1)]


UPDATE_CASES = [
    ("rising-toll-of-one-day-is-an-update", "Two people died", "Nine people died", {"update"}),
    ("falling-toll-of-one-day-is-a-dispute", "Nine people died", "Two people died", {"disjoint"}),
]


@pytest.mark.parametrize("first,second,kinds", [c[1:] for c in UPDATE_CASES], ids=[c[0] for c in UPDATE_CASES])
def test_reports_of_one_day_in_the_order_they_came(first: str, second: str, kinds: set) -> None:
    result = reconcile(_stored(
        ("a.txt", "2024-05-04", f"{first} when a gas tank exploded at a market in Dunmore on Saturday, police said."),
        ("b.txt", "2024-05-04", f"{second} when a gas tank exploded at a market in Dunmore on Saturday, the mayor said.")))
    assert {x.kind for x in result.contradictions} == kinds


def test_a_rejected_claim_pairs_as_a_denial() -> None:
    result = reconcile(_claims(("a.txt", "2024-05-04",
                                "Rebels said they killed 40 soldiers near Dunmore on Saturday, a claim the army rejected.")))
    assert [(x.kind, x.a.claimant, x.b.claimant) for x in result.contradictions] == [("denial", "Rebels", "the army")]


def test_a_rising_toll_of_one_day_is_a_chain_of_revisions() -> None:
    tolls = ("One person died", "Five people died", "Eleven people died", "At least 24 people died")
    result = reconcile(_stored(*((f"{i}.txt", "2024-05-04",
                                  f"{t} when a gas tank exploded at a market in Dunmore on Saturday, officials said.")
                                 for i, t in enumerate(tolls))))
    kinds = [x.kind for x in result.contradictions]
    assert len(kinds) == 6 and set(kinds) == {"revision"}
    (q,) = [q for q in result.quantities if q.measure == "killed"]
    assert q.status == "revised" and q.best == 24


# -- event identity inside one report and across reports (issue 14) --------------------------
FOLLOW_UP_CASES = [
    # a follow-up dates its sentence by the arrest; the figure is still the report's own event
    ("arrest-days-later",
     "Police in Riverton said on Sunday that a gunman killed two people at a bar. "
     "A second suspect in the bar shooting that left two people dead was arrested Friday.", 1),
    # a death in hospital a week on is the same event
    ("death-in-hospital",
     "A gunman wounded four people at a Riverton bar on June 1, police said. "
     "One of the men who had been shot died on June 8 at County Hospital.", 1),
    # a sentence that announces another event stays apart
    ("another-event",
     "A gunman killed two people at a Riverton bar on Sunday, police said. "
     "In another shooting on June 1, a man killed three people at a Lakeside store.", 2),
]


@pytest.mark.parametrize("body,n_events", [c[1:] for c in FOLLOW_UP_CASES], ids=[c[0] for c in FOLLOW_UP_CASES])
def test_follow_up_sentences_keep_the_reports_event(body: str, n_events: int) -> None:
    result = reconcile(_claims(("a.txt", "2025-06-13", body)))
    assert len({q.event for q in result.quantities}) == n_events


SIDE_DATE_CASES = [
    ("relative-clause", "A man who was fired last week shot three people at his old office on Monday.",
     dt.date(2025, 3, 17)),
    ("after-a-noun", "Floods after a quake on March 2 killed 40 people in the valley on Saturday.",
     dt.date(2025, 3, 15)),
]


@pytest.mark.parametrize("body,date", [c[1:] for c in SIDE_DATE_CASES], ids=[c[0] for c in SIDE_DATE_CASES])
def test_a_side_clause_date_does_not_date_the_claim(body: str, date: dt.date) -> None:
    claims = _claims(("a.txt", "2025-03-17", body))   # a Monday
    assert claims and all(c.event.date == date for c in claims)


def test_wounded_with_a_death_picked_out_counts_everyone_hit() -> None:
    result = reconcile(_claims(("a.txt", "2025-06-02", "Police said 8 people were wounded in the Riverton "
                                                        "shooting on Sunday. One of the victims died.")))
    assert {q.measure for q in result.quantities if q.best == 8} == {"shot"}


def test_victims_picked_out_by_origin_are_a_part() -> None:
    result = reconcile(_claims(
        ("a.txt", "2025-06-02", "A gunman shot 10 people in Riverton on Sunday, police said."),
        ("b.txt", "2025-06-02", "Three victims with Lakeside ties were shot in Riverton on Sunday.")))
    assert not result.contradictions


def test_one_report_spelling_a_place_differently_still_joins_most() -> None:
    docs = [("a.txt", "2025-06-02", "A gunman killed four people at the Gordon Tower in Riverton on Monday."),
            ("b.txt", "2025-06-02", "Five people were killed at the Gordon Tower in Riverton on Monday, police said."),
            ("c.txt", "2025-06-03", "Six people were killed at Gordon Tower on Monday, police said.")]
    result = reconcile(_claims(*docs))
    killed = [q for q in result.quantities if q.measure == "killed"]
    assert len(killed) == 1 and len(killed[0].claims) == 3
