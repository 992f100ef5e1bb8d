"""Output formats: intervals, the one render path, report rows, GitHub annotations, Markdown.

Every sentence below is invented for these tests.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from reconcile.errors import UsageError
from reconcile.model import Claim, Contradiction, EventAnchor, Quantity
from reconcile.report import (
    FORMATS,
    claim_rows,
    contradiction_rows,
    format_interval,
    github_annotations,
    markdown_report,
    quantity_rows,
    render,
)

D = dt.date


def make_claim(sentence: str, words: str, low, high, *, qualifier="exact", vague=False,
               claimant=None, stance="assert", doc="news/ferry.txt", offset=200,
               measure="killed", published=None, source=None, claim_id=None) -> Claim:
    """A claim whose figure ``words`` sits inside ``sentence`` starting at ``offset``."""
    at = sentence.index(words)
    return Claim(doc=doc, start=offset + at, end=offset + at + len(words), text=words,
                 measure=measure, low=low, high=high, qualifier=qualifier, vague=vague,
                 claimant=claimant, stance=stance, sentence=sentence, sentence_start=offset,
                 event=EventAnchor(date=D(2031, 5, 4), place="Lake Verin"),
                 published=published, source=source, id=claim_id)


HARBOUR = make_claim("The harbour authority said 14 passengers drowned when the ferry capsized.",
                     "14", 14, 14, claimant="the harbour authority", published=D(2031, 5, 5),
                     source="Verin Daily", claim_id=1)
RED_CROSS = make_claim("Rescuers from the Red Crescent put the toll at between 30 and 40 dead.",
                       "between 30 and 40", 30, 40, qualifier="range", claimant="Red Crescent",
                       doc="news/lake.txt", offset=512, published=D(2031, 5, 6), claim_id=2)
OUTLET = make_claim("At least 20 people died, according to our reporter at the pier.",
                    "At least 20", 20, None, qualifier="at-least", doc="news/pier.txt", claim_id=3)

QUANTITIES = [
    Quantity(key="2031-05-04 Lake Verin|killed|all", event="2031-05-04 Lake Verin ferry",
             measure="killed", scope="all", claims=(HARBOUR, RED_CROSS, OUTLET),
             low=14, best=20, high=40, status="disputed", sources=3),
    Quantity(key="2031-05-04 Lake Verin|missing|all", event="2031-05-04 Lake Verin ferry",
             measure="missing", scope="all",
             claims=(make_claim("Seven crew members remain missing, the coast guard said.", "Seven",
                                7, 7, claimant="the coast guard", measure="missing"),),
             low=7, best=7, high=7, status="consistent", sources=1),
    Quantity(key="2031-05-04 Lake Verin|wounded|children", event="2031-05-04 Lake Verin ferry",
             measure="wounded", scope="children",
             claims=(make_claim("Two children were hurt, the clinic said on Monday.", "Two", 2, 2,
                                claimant="the clinic", measure="wounded", published=D(2031, 5, 5)),
                     make_claim("The clinic now says five children were hurt.", "five", 5, 5,
                                claimant="the clinic", measure="wounded", published=D(2031, 5, 7))),
             low=5, best=5, high=5, status="revised", sources=1),
]

DISJOINT = Contradiction(kind="disjoint", a=HARBOUR, b=RED_CROSS,
                         quantity="2031-05-04 Lake Verin|killed|all",
                         explanation="14 and 30–40 do not overlap.")


# ------------------------------------------------------------- format_interval

INTERVALS = [
    ("exact", (32, 32), {}, "32"),
    ("exact-float-integral", (32.0, 32.0), {}, "32"),
    ("fractional", (2.5, 2.5), {}, "2.5"),
    ("range", (100, 120), {"qualifier": "range"}, "100–120"),
    ("at-least", (2, None), {"qualifier": "at-least"}, "≥2"),
    ("more-than", (100, None), {"qualifier": "more-than"}, ">100"),
    ("up-to", (None, 50), {"qualifier": "up-to"}, "≤50"),
    ("fewer-than", (None, 50), {"qualifier": "fewer-than"}, "<50"),
    ("zero", (0, 0), {"qualifier": "zero"}, "0"),
    ("zero-exact", (0, 0), {}, "0"),
    ("about", (30, 30), {"qualifier": "about"}, "~30"),
    ("about-range", (30, 40), {"qualifier": "about"}, "~30–40"),
    ("vague-open", (24, None), {"qualifier": "vague", "vague": True}, "~24+"),
    ("vague-closed", (10, 99), {"qualifier": "vague", "vague": True}, "~10–99"),
    ("no-bounds", (None, None), {}, "?"),
    ("large-no-scientific", (1500000, 1500000), {}, "1500000"),
]


@pytest.mark.parametrize("bounds,kwargs,expected", [c[1:] for c in INTERVALS],
                         ids=[c[0] for c in INTERVALS])
def test_format_interval(bounds, kwargs, expected):
    assert format_interval(*bounds, **kwargs) == expected


# ---------------------------------------------------------------------- render

ROWS = [
    {"id": 1, "claimant": "Red Crescent", "low": 30.0, "high": 40, "via": ["Tass", "AP"],
     "date": D(2031, 5, 6), "note": None, "derived": False},
    {"id": 2, "claimant": "the mayor, 'acting'", "low": 2.5, "high": None, "via": [],
     "date": None, "note": "line one\nline | two", "derived": True},
]


def parse_json(text):
    return json.loads(text)


def parse_jsonl(text):
    return [json.loads(line) for line in text.splitlines()]


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


JSON_EXPECTED = [
    {"id": 1, "claimant": "Red Crescent", "low": 30, "high": 40, "via": ["Tass", "AP"],
     "date": "2031-05-06", "note": None, "derived": False},
    {"id": 2, "claimant": "the mayor, 'acting'", "low": 2.5, "high": None, "via": [],
     "date": None, "note": "line one\nline | two", "derived": True},
]
CSV_EXPECTED = [
    {"id": "1", "claimant": "Red Crescent", "low": "30", "high": "40", "via": "Tass; AP",
     "date": "2031-05-06", "note": "", "derived": "false"},
    {"id": "2", "claimant": "the mayor, 'acting'", "low": "2.5", "high": "", "via": "",
     "date": "", "note": "line one\nline | two", "derived": "true"},
]

ROUND_TRIPS = [
    ("json", parse_json, JSON_EXPECTED),
    ("jsonl", parse_jsonl, JSON_EXPECTED),
    ("csv", parse_csv, CSV_EXPECTED),
]


@pytest.mark.parametrize("fmt,parse,expected", ROUND_TRIPS, ids=[c[0] for c in ROUND_TRIPS])
def test_render_parses_back(fmt, parse, expected):
    assert parse(render(ROWS, fmt)) == expected


EMPTY = [("table", "(none)"), ("markdown", "(none)"), ("json", "[]"), ("jsonl", ""),
         ("csv", "")]


@pytest.mark.parametrize("fmt,expected", EMPTY, ids=[c[0] for c in EMPTY])
def test_render_empty(fmt, expected):
    assert render([], fmt) == expected


def test_render_empty_csv_with_columns_prints_header_only():
    assert render([], "csv", columns=["kind", "a", "b"]) == "kind,a,b"


@pytest.mark.parametrize("fmt", FORMATS)
def test_columns_pick_and_order_keys(fmt):
    text = render(ROWS, fmt, columns=["low", "claimant"])
    assert "Tass" not in text
    assert text.index("low") < text.index("claimant")


def test_json_is_indented_array_in_given_key_order_with_unicode():
    text = render([{"z": "Ciudad Bolívar", "a": "≥2"}], "json")
    assert text == '[\n  {\n    "z": "Ciudad Bolívar",\n    "a": "≥2"\n  }\n]'


def test_jsonl_is_one_compact_object_per_line():
    lines = render(ROWS, "jsonl").split("\n")
    assert len(lines) == 2 and all(line.startswith('{"id": ') for line in lines)


def test_table_is_tabulate_simple_with_numbers_right_aligned():
    text = render([{"who": "police", "n": 3}, {"who": "Red Crescent", "n": 120}], "table")
    assert text.splitlines() == [
        "who             n",
        "------------  ---",
        "police          3",
        "Red Crescent  120",
    ]


def test_markdown_is_github_table_with_pipes_and_newlines_escaped():
    text = render([{"note": "a | b\nc"}], "markdown")
    assert text.splitlines() == ["| note     |", "|----------|", "| a \\| b c |"]


def test_render_keeps_leading_zeros_and_numeric_looking_text():
    text = render([{"code": "007", "n": "1e3"}], "table")
    assert "007" in text and "1e3" in text


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown format 'yaml'"):
        render(ROWS, "yaml")


# ------------------------------------------------------------------------ rows

def test_claim_rows():
    rows = claim_rows([RED_CROSS, OUTLET])
    assert rows == [
        {"id": 2, "doc": "news/lake.txt", "measure": "killed", "figure": "30–40", "low": 30,
         "high": 40, "subject": None, "claimant": "Red Crescent", "stance": "assert",
         "derived": False, "event_date": "2031-05-04", "text": "between 30 and 40"},
        {"id": 3, "doc": "news/pier.txt", "measure": "killed", "figure": "≥20", "low": 20,
         "high": None, "subject": None, "claimant": "(outlet)", "stance": "assert",
         "derived": False, "event_date": "2031-05-04", "text": "At least 20"},
    ]


FILTERS = [
    ("reported-only", False, ["disputed", "revised"]),
    ("include-all", True, ["disputed", "consistent", "revised"]),
]


@pytest.mark.parametrize("include_all,statuses", [c[1:] for c in FILTERS], ids=[c[0] for c in FILTERS])
def test_quantity_rows_filter(include_all, statuses):
    rows = quantity_rows(QUANTITIES, include_all=include_all)
    assert [r["status"] for r in rows] == statuses


def test_quantity_row_content():
    row = quantity_rows(QUANTITIES)[0]
    assert row == {
        "event": "2031-05-04 Lake Verin ferry", "measure": "killed", "scope": "all",
        "figures": ["the harbour authority: 14 (assert, 2031-05-05)",
                        "Red Crescent: 30–40 (assert, 2031-05-06)", "(outlet): ≥20 (assert)"],
        "low": 14, "best": 20, "high": 40, "spread": 26, "sources": 3, "status": "disputed",
    }


def test_quantity_rows_list_revisions_oldest_first():
    row = quantity_rows(QUANTITIES)[1]
    assert row["figures"] == ["the clinic: 2 (assert, 2031-05-05)",
                              "the clinic: 5 (assert, 2031-05-07)"]


def test_contradiction_rows():
    assert contradiction_rows([DISJOINT]) == [{
        "kind": "disjoint", "quantity": "2031-05-04 Lake Verin|killed|all",
        "a": "the harbour authority: 14", "b": "Red Crescent: 30–40",
        "explanation": "14 and 30–40 do not overlap.",
        "a_doc": "news/ferry.txt", "b_doc": "news/lake.txt",
    }]


def test_rows_render_in_every_format():
    for fmt in FORMATS:
        text = render(quantity_rows(QUANTITIES), fmt)
        assert "Lake Verin" in text, fmt


# ------------------------------------------------------------ GitHub annotations

NEW_FILES = {"news/lake.txt": 7}


def line_of(doc: str, offset: int) -> int:
    """Checked files: line 7 for every offset; stored files: 0."""
    return NEW_FILES.get(doc, 0)


def test_annotation_points_at_the_claim_in_the_checked_file():
    assert github_annotations([DISJOINT], line_of=line_of) == (
        "::error file=news/lake.txt,line=7,title=contradiction (disjoint)::"
        "Red Crescent: 30–40 contradicts the harbour authority: 14 in news/ferry.txt: "
        "14 and 30–40 do not overlap.")


ESCAPES = [
    ("percent", "up 50% on Monday", "up 50%25 on Monday"),
    ("newline", "first\nsecond", "first%0Asecond"),
    ("carriage-return", "first\r\nsecond", "first%0D%0Asecond"),
    ("percent-before-newline", "%0A literally", "%250A literally"),
]


@pytest.mark.parametrize("explanation,escaped", [c[1:] for c in ESCAPES], ids=[c[0] for c in ESCAPES])
def test_annotation_message_escaping(explanation, escaped):
    c = Contradiction(kind="disjoint", a=HARBOUR, b=RED_CROSS, quantity="q", explanation=explanation)
    text = github_annotations([c], line_of=line_of)
    assert "\n" not in text and text.endswith(": " + escaped)


def test_annotation_property_escaping_of_file_name():
    odd = make_claim("A local paper, citing nurses, said 9 died.", "9", 9, 9, doc="new/a,b:c.txt")
    c = Contradiction(kind="self", a=odd, b=HARBOUR, quantity="q", explanation="x")
    text = github_annotations([c], line_of=lambda doc, off: 3 if doc.startswith("new/") else 0)
    assert text.startswith("::error file=new/a%2Cb%3Ac.txt,line=3,title=contradiction (self)::")


LINE_CASES = [
    ("both-sides-new", {"news/ferry.txt": 2, "news/lake.txt": 9},
     ["file=news/ferry.txt,line=2", "file=news/lake.txt,line=9"]),
    ("only-b-new", {"news/lake.txt": 4}, ["file=news/lake.txt,line=4"]),
    ("neither-new", {}, ["::error title=contradiction (disjoint)::"]),
]


@pytest.mark.parametrize("lines,expected", [c[1:] for c in LINE_CASES], ids=[c[0] for c in LINE_CASES])
def test_annotation_lines(lines, expected):
    text = github_annotations([DISJOINT], line_of=lambda doc, off: lines[doc])   # KeyError = stored
    out = text.splitlines()
    assert len(out) == len(expected)
    for line, part in zip(out, expected):
        assert part in line


def test_annotation_line_comes_from_the_claim_offset():
    seen = []
    github_annotations([DISJOINT], line_of=lambda doc, off: seen.append((doc, off)) or 0)
    assert seen == [("news/ferry.txt", HARBOUR.start), ("news/lake.txt", RED_CROSS.start)]


def test_no_contradictions_no_annotations():
    assert github_annotations([], line_of=line_of) == ""


# -------------------------------------------------------------------- markdown

def test_markdown_report_structure():
    text = markdown_report(QUANTITIES, [DISJOINT], title="Figures in this pull request")
    lines = text.splitlines()
    assert lines[0] == "## Figures in this pull request"
    assert lines[2] == ("1 disputed, 1 revised, 1 consistent quantities; "
                        "1 contradiction (disjoint 1)")
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == ["### 2031-05-04 Lake Verin ferry: killed",
                        "### 2031-05-04 Lake Verin ferry: wounded (children)"]
    assert "| the harbour authority | 14" in text
    assert "5 (current)" not in text        # no current claim set on the fixture
    assert "- **disjoint** (the figures cannot both be true" in text
    assert "Seven" not in text              # consistent quantities stay out


def test_markdown_report_escapes_article_text():
    evil = make_claim("Officials <b>said</b> 4 died.", "4", 4, 4, claimant="*the* <script>", doc="x.txt")
    q = Quantity(key="k", event="e", measure="killed", scope="all", claims=(evil, HARBOUR),
                 low=4, best=4, high=14, status="disputed", sources=2)
    text = markdown_report([q], [], title="T")
    assert "<script>" not in text and "\\*the\\* \\<script\\>" in text


def test_markdown_report_without_disputes():
    text = markdown_report(QUANTITIES[1:2], [], title="Nothing new")
    assert text.splitlines()[-1] == "No disputed figures."


def test_markdown_report_of_contradictions_only():
    text = markdown_report([], [DISJOINT], title="Figures that contradict the store")
    lines = text.splitlines()
    assert lines[2] == "1 contradiction (disjoint 1)"
    assert lines[4] == "### Contradictions"
    assert lines[6].startswith("- **disjoint** (the figures cannot both be true")
    assert "news/ferry.txt vs Red Crescent: 30–40 in news/lake.txt" in lines[6]
