"""Bounded work per document (issue 18): what the extractor does with text no news report has.

Each row is a document built from a sentence of our own, repeated or stretched: what comes back
(the notes, whether extraction is complete, how many claims) and, through the CLI, the warning
line and the exit code under ``--strict``.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from reconcile import documents
from reconcile.cli import cli
from reconcile.extract import MAX_FIGURES_PER_DOCUMENT, MAX_SENTENCE_CHARS, ExtractOptions, Extractor

NEWS = "Police said 14 people were killed and 30 wounded when a bus overturned near the border on Monday.\n"
#: one figure per unit, no sentence end: a run-together list
LIST_UNIT = "4 killed, "


def _doc(text: str):
    docs, _ = documents.read_bytes("bound.txt", text.encode("utf-8"))
    return docs[0]


def _extract(text: str):
    return Extractor(ExtractOptions(time_budget=None)).extract_bounded(_doc(text))


CASES = [
    # id, text, notes wanted and notes absent (substrings), complete, claims (exact, or a (low, high) range)
    pytest.param(NEWS * 3, [], ["offset"], True, 6, id="news-untouched"),
    pytest.param("Witnesses said " + "and then " * (MAX_SENTENCE_CHARS // 9) + "12 people died.\n",
                 ["characters, cut into 2 pieces"], ["figures in one document"], True, 1, id="long-sentence-cut"),
    pytest.param("Officials said 3 people died" + " " * 500 + "and two others were hurt.\n",
                 ["a run of white space ends the sentence"], ["cut into"], True, 2, id="space-run-ends-sentence"),
    pytest.param(LIST_UNIT * (MAX_FIGURES_PER_DOCUMENT + 200),
                 [f"more than {MAX_FIGURES_PER_DOCUMENT:,} figures in one document"], [], False,
                 (1, MAX_FIGURES_PER_DOCUMENT), id="figure-cap"),
    pytest.param(LIST_UNIT * MAX_FIGURES_PER_DOCUMENT, [], ["figures in one document"], True,
                 (1, MAX_FIGURES_PER_DOCUMENT), id="figure-cap-not-reached"),
]


@pytest.mark.parametrize("text, notes, absent, complete, claims", CASES)
def test_bounds(text, notes, absent, complete, claims):
    got = _extract(text)
    assert got.complete is complete
    joined = " | ".join(got.notes)
    for want in notes:
        assert want in joined
    for unwanted in absent:
        assert unwanted not in joined
    if isinstance(claims, tuple):
        assert claims[0] <= len(got.claims) <= claims[1]
    else:
        assert len(got.claims) == claims


def test_figure_cap_keeps_the_first_figures():
    """The claims kept are those of the document's first figures, in text order."""
    text = LIST_UNIT * (MAX_FIGURES_PER_DOCUMENT + 50)
    got = _extract(text)
    assert got.claims, "the first figures are still read"
    cut = MAX_FIGURES_PER_DOCUMENT * len(LIST_UNIT)
    assert max(c.end for c in got.claims) <= cut
    assert [c.start for c in got.claims] == sorted(c.start for c in got.claims)


def test_time_budget_spent():
    """A budget already spent stops at the first sentence: no claims, the note names the budget."""
    ex = Extractor(ExtractOptions(time_budget=-1.0))
    got = ex.extract_bounded(_doc(NEWS * 2))
    assert got.complete is False and got.claims == []
    assert "time budget" in got.notes[-1]


@pytest.mark.parametrize("strict, code", [pytest.param(False, 0, id="warns"), pytest.param(True, 3, id="strict-refuses")])
def test_cli_figure_cap(tmp_path, strict, code):
    page = tmp_path / "table.txt"
    page.write_text(LIST_UNIT * (MAX_FIGURES_PER_DOCUMENT + 10), encoding="utf-8")
    args = ["--db", f"sqlite:///{tmp_path}/s.db", "ingest", *(["--strict"] if strict else []), str(page)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, result.output
    assert f"more than {MAX_FIGURES_PER_DOCUMENT:,} figures" in result.output
    assert str(page) in result.output
    assert "Traceback" not in result.output
