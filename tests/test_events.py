"""Event anchors: reference dates, relative dates, places and kind words."""
import datetime as dt

import pytest

from reconcile.documents import parse_text
from reconcile.extract.events import anchor, build_event_context, find_kinds, find_places, resolve_dates
from reconcile.extract.sentences import split_sentences

D = dt.date
MONDAY = D(2026, 1, 26)


def first_date(text, ref=MONDAY):
    hits = [h for h in resolve_dates(text, ref) if h.date is not None]
    return hits[0].date if hits else None


DATES = [
    ("on-sunday-before-monday", "Gunmen opened fire on Sunday.", D(2026, 1, 25)),
    ("thursday", "The blast happened Thursday night.", D(2026, 1, 22)),
    ("same-weekday-is-today", "Police said Monday that two died.", D(2026, 1, 26)),
    ("yesterday", "Two people died yesterday.", D(2026, 1, 25)),
    ("last-week", "The minister spoke last week.", D(2026, 1, 19)),
    ("january-3", "The raid on January 3 left many dead.", D(2026, 1, 3)),
    ("jan-dot-3", "The raid on Jan. 3 left many dead.", D(2026, 1, 3)),
    ("month-day-in-future-is-last-year", "The storm of December 30 flooded towns.", D(2025, 12, 30)),
    ("full-date", "Updated June 9 , 2013 at noon.", D(2013, 6, 9)),
    ("day-month-year", "14 March 2012 Last updated at 09:05 GMT", D(2012, 3, 14)),
    ("reuters-dateline", "19-OCT-1987 07:15:33.42", D(1987, 10, 19)),
    ("numeric-dmy", "Last updated 08 : 20 21 / 05 / 2013", D(2013, 5, 21)),
    ("month-year", "the quake of April 2012 killed five", D(2012, 4, 1)),
    ("bare-year", "the 2004 tsunami killed thousands", D(2004, 1, 1)),
    ("period-this-year", "37 homicides so far this year", D(2026, 1, 1)),
]


@pytest.mark.parametrize("text,want", [x[1:] for x in DATES], ids=[x[0] for x in DATES])
def test_resolve_dates(text, want):
    assert first_date(text) == want


def test_no_reference_leaves_relative_dates_unresolved():
    assert first_date("Gunmen opened fire on Sunday.", ref=None) is None


def test_may_the_verb_is_not_a_date():
    assert first_date("The toll may 3 times higher.", ref=MONDAY) is None


KINDS = [
    ("shooting", "A gunman opened fire at a nightclub.", ("shooting",)),
    ("quake", "A strong quake and a landslide hit the province.", ("earthquake", "landslide")),
    ("car-bomb", "Twin car bombs exploded in the market.", ("bombing",)),
    ("ferry", "The ferry capsized off the coast.", ("sinking",)),
    ("fire-not-gunfire", "Gunfire erupted near the fire station.", ("shooting",)),
    ("ceasefire-is-no-event", "The ceasefire held.", ()),
    ("mine-blast", "A coal mine blast trapped miners.", ("mine",)),
    ("typhoon", "Typhoon Marlo flooded towns.", ("storm", "flood")),
]


@pytest.mark.parametrize("text,want", [x[1:] for x in KINDS], ids=[x[0] for x in KINDS])
def test_find_kinds(text, want):
    assert find_kinds(text) == want


PLACES = [
    ("in-city", "Three people were shot in Springfield on Friday.", ("Springfield",)),
    ("province", "A quake hit Peru's Ica province.", ("Peru's Ica",)),
    ("month-is-no-place", "It happened in March in Quito.", ("Quito",)),
    ("gulf-of", "Pirates struck in the Gulf of Aden.", ("Gulf of Aden",)),
]


@pytest.mark.parametrize("text,want", [x[1:] for x in PLACES], ids=[x[0] for x in PLACES])
def test_find_places(text, want):
    assert find_places(text) == want


ARTICLE = """source: Test Wire
date: 2026-01-26

NORTHVILLE, Ore. (AP) — Gunmen opened fire at a wedding on Sunday, killing four people, police said.
The shooting shocked the small town.
In 2019, a flood in Northville killed 12 people.
"""


def _ctx(text):
    doc = parse_text("x.txt", text)
    sents = split_sentences(doc.text, doc.body_start)
    return doc, sents, build_event_context(doc, sents)


def test_context_and_anchor():
    doc, sents, ctx = _ctx(ARTICLE)
    assert ctx.reference == MONDAY and ctx.reference_rule == "ref.published"
    assert ctx.place == "Northville"
    assert ctx.kinds[0] == "shooting"
    a = anchor(ctx, 0)
    assert a.date == D(2026, 1, 25) and a.date_text == "Sunday"
    assert a.place == "Northville" and "shooting" in a.kinds
    # a sentence about another year and kind keeps its own date and kind
    b = anchor(ctx, 2)
    assert b.date == D(2019, 1, 1) and b.kinds == ("flood",)
    # a sentence without a date inherits the document's event date
    assert anchor(ctx, 1).date == D(2026, 1, 25)


def test_reference_date_from_the_first_lines():
    text = "14 March 2012 Last updated at 09 : 05 GMT\n\nShells fell on the town on Tuesday, killing 12."
    _, sents, ctx = _ctx(text)
    assert ctx.reference == D(2012, 3, 14) and ctx.reference_rule.startswith("ref.text")
    assert anchor(ctx, len(sents) - 1).date == D(2012, 3, 13)


def test_no_date_anywhere():
    _, _, ctx = _ctx("Two people died when a bus crashed in Tanville.")
    assert ctx.reference is None and anchor(ctx, 0).date is None
    assert anchor(ctx, 0).kinds == ("crash",) and anchor(ctx, 0).place == "Tanville"


def test_out_of_range_sentence_index_uses_the_document():
    _, _, ctx = _ctx(ARTICLE)
    assert anchor(ctx, 99).place == "Northville"


# A reference date at the edge of the calendar (issue 18): relative dates whose arithmetic
# would leave 0001-01-01 .. 9999-12-31 are skipped (no OverflowError); those that stay inside resolve.
EDGE_RELATIVES = ["on Monday", "on Sunday", "yesterday", "today", "last week", "earlier this week",
                  "three days ago", "6 days ago", "last month", "on March 3", "on 31 December",
                  "in December", "in January", "in April last year"]
EDGE_DATES = ["0001-01-01", "0001-01-02", "0001-01-07", "0001-02-01", "9999-12-30", "9999-12-31"]


@pytest.mark.parametrize("header", EDGE_DATES)
@pytest.mark.parametrize("relative", EDGE_RELATIVES)
def test_edge_of_calendar_reference_dates_do_not_overflow(header, relative):
    from reconcile import extract_claims

    text = (f"source: Wire\ndate: {header}\n\nFive people were killed {relative} in a blast in Tarnow, "
            f"police said.\n\nOfficials said {relative} that six had died.\n")
    doc = parse_text("edge.txt", text)
    assert doc.published == D.fromisoformat(header)
    claims = extract_claims(doc)           # no OverflowError
    assert {c.low for c in claims} >= {5, 6}
    for c in claims:
        assert c.event.date is None or D.min <= c.event.date <= D.max


@pytest.mark.parametrize("ref,text,expected", [
    (D.min, "Two people died yesterday.", None),
    (D.min, "The minister spoke last week.", None),
    (D.min, "It was built last month.", None),
    (D(1, 1, 8), "The minister spoke last week.", D.min),
    (D(1, 2, 5), "It was built last month.", D.min),
    (D.max, "Two people died yesterday.", D(9999, 12, 30)),
    (D.max, "The storm of December 30 flooded towns.", D(9999, 12, 30)),
    (D(9999, 12, 30), "The storm of December 31 flooded towns.", D.max),
])
def test_relative_dates_at_the_edge(ref, text, expected):
    assert first_date(text, ref) == expected
