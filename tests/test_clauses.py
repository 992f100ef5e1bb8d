"""The clause view of a figure (extract/clauses.py) and the parts it makes (engine/scope.py)."""
from __future__ import annotations

import pytest

from reconcile.extract.clauses import SentenceClauses
from reconcile.extract.numbers import find_figures
from reconcile.extract.sentences import split_sentences


def _marks(text: str, quote: str) -> tuple[str, ...]:
    sent = split_sentences(text)[0]
    figures = find_figures(text, sent.start, sent.end)
    fig = next(f for f in figures if f.text == quote)
    return SentenceClauses(text, sent).view(fig, figures).rules()


@pytest.mark.parametrize("text, quote, want", [
    pytest.param("Divers recovered two more bodies from the lake on Friday.", "two", "clause.more", id="n-more-increment"),
    pytest.param("One man died at the scene and six were wounded.", "One", "clause.venue.scene", id="died-at-scene"),
    pytest.param("Eleven of the wounded were taken to a regional hospital.", "Eleven", "clause.venue.intake",
                 id="hospital-intake"),
    pytest.param("In the western town of Marlow, three guards were hurt.", "three", "clause.place<marlow>",
                 id="fronted-town-of"),
    pytest.param("Three people wounded in the blast have since died.", "Three", "clause.later", id="since-died"),
    pytest.param("Two victims of the crash have been identified.", "Two", "clause.select", id="identified"),
    pytest.param("Five of the injured remain in hospital.", "Five", "clause.of-total", id="n-of-the"),
    pytest.param("One man died at the scene and two more died in hospital.", "two", "clause.more.next",
                 id="more-after-another-figure-marked-next"),
    pytest.param("Officials reported 14 additional deaths on Monday.", "14", "clause.more", id="n-additional"),
    pytest.param("Ten houses were damaged in Selong, the agency said.", "Ten", "clause.place.in<selong>",
                 id="bare-in-place"),
    pytest.param("Six people were killed, including the lone gunman.", "Six", "clause.with-perpetrator",
                 id="including-the-gunman"),
    pytest.param("In the hill town of Brask, police said two children were hurt.", "two", "clause.place<brask>",
                 id="fronted-place-opens-clause-before-speech"),
    pytest.param("More than 900 people have been killed in the 20-day offensive, medics said.", "More than 900",
                 "clause.period", id="period-n-day-offensive"),
    pytest.param("Since the uprising began, 3,000 protesters have been detained.", "3,000", "clause.period",
                 id="period-since-campaign-fronted"),
    pytest.param("A strike on the market killed 14 people, bringing the toll since the war began to 1,200.", "1,200",
                 "clause.period", id="period-toll-phrase-is-the-next-figures"),
    pytest.param("At least 70 soldiers have died over four weeks of fighting in the hills.", "At least 70",
                 "clause.period", id="period-weeks-of-fighting"),
    pytest.param("The shelling of Tovin in Ambar province, which he said killed nine, went on for hours.", "nine",
                 "clause.place<ambar>", id="place-of-event-noun-with-relative-speech"),
])
def test_clause_marks(text, quote, want):
    assert want in _marks(text, quote)


@pytest.mark.parametrize("text, quote, absent", [
    pytest.param("Two people were killed and three more were injured.", "three", "clause.more",
                 id="more-after-other-measure-is-not-increment"),
    pytest.param("Four people died, the mayor told reporters at the scene.", "Four", "clause.venue.scene",
                 id="speaker-venue-not-figure"),
    pytest.param("Police have identified the gunman in the attack that left nine dead.", "nine", "clause.select",
                 id="verb-of-another-subject"),
    pytest.param("One man died at the scene and six were wounded.", "six", "clause.venue.scene",
                 id="phrase-belongs-to-figure-before"),
    pytest.param("Deputies are at the scene of a crash on Route 9 with four victims.", "four", "clause.venue.scene",
                 id="scene-of-the-event-is-not-a-venue"),
    pytest.param("Ms Odo, the governor of Tamar province, said that 14 people had died.", "14", "clause.place<tamar>",
                 id="place-in-speaker-apposition"),
    pytest.param("The head of Vell district in Orna state told radio that six were missing.", "six",
                 "clause.place<orna>", id="place-in-speaker-subject"),
    pytest.param("A strike on the market killed 14 people, bringing the toll since the war began to 1,200.", "14",
                 "clause.period", id="period-of-the-toll-not-the-strike"),
    pytest.param("The storm killed 12 people on Monday.", "12", "clause.period", id="a-day-is-no-period"),
])
def test_clause_marks_absent(text, quote, absent):
    assert absent not in _marks(text, quote)


# ---------------------------------------------------------------------------
# "N of the M ...": the whole is a total when a measure noun names it, and the N is the toll
# itself when the whole is everyone hurt ("victims") or a count of another measure.
# ---------------------------------------------------------------------------
def _read(body: str):
    from reconcile.documents import parse_text
    from reconcile.extract import extract_claims
    doc = parse_text("t.txt", f"source: t\ndate: 2024-03-02\n\n{body}\n")
    return [(c.text, c.measure, c.low, any(r.startswith("part.") for r in c.rules)) for c in extract_claims(doc)]


@pytest.mark.parametrize("body, want", [
    pytest.param("Twenty of the 65 injured were still in hospital on Monday, a doctor said.",
                 [("Twenty", "wounded", 20, True), ("65", "wounded", 65, False)], id="whole-injured-kept-as-total"),
    pytest.param("Three of the 12 dead were children, the governor said.",
                 [("Three", "killed", 3, True), ("12", "killed", 12, False)], id="whole-dead-kept-as-total"),
    pytest.param("Two of the four victims died in hospital, police said.",
                 [("Two", "killed", 2, False)], id="died-of-the-victims-is-the-toll"),
    pytest.param("Eight of the 120 passengers were hurt when the bus overturned.",
                 [("Eight", "wounded", 8, True)], id="passengers-are-no-casualty-total"),
])
def test_of_the_whole(body, want):
    got = _read(body)
    for w in want:
        assert w in got, got
    assert len(got) == len(want), got


@pytest.mark.parametrize("body, want", [
    pytest.param("Rebels said they had captured 25 soldiers, a claim the air force rejected.",
                 [("Rebels", "assert"), ("the air force", "deny")], id="claim-rejected-by"),
    pytest.param("The militia said 50 guards died in the raid, a figure which the ministry disputed.",
                 [("The militia", "assert"), ("the ministry", "deny")], id="figure-which-disputed"),
    pytest.param("Insurgents said they had killed 30 police officers, a claim denied by the Interior Ministry.",
                 [("Insurgents", "assert"), ("the Interior Ministry", "deny")], id="claim-denied-by-passive"),
    pytest.param("Police said 12 people were hurt; the report that the mayor denied came later.",
                 [("Police", "assert")], id="other-clause-is-not-a-rejection"),
])
def test_rejection_in_apposition(body, want):
    from reconcile.documents import parse_text
    from reconcile.extract import extract_claims
    got = [(c.claimant, c.stance) for c in extract_claims(parse_text("t.txt", f"source: t\ndate: 2024-03-02\n\n{body}\n"))]
    assert got == want
