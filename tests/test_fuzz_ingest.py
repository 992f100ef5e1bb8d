"""Fuzzing the whole ``ingest`` path: bytes on disk -> decode -> headers and dates ->
extraction -> one SQLite store -> reconcile.

Whatever a feed sends (bad headers, dates at the edge of the calendar or not dates at all,
JSON lines with odd fields, HTML, broken UTF-8, control characters), ``api.ingest`` with
``keep_going`` never lets an exception escape: a bad file becomes a problem naming it, the
rest is stored whole.  The store must then answer a report.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile import api
from reconcile.settings import Settings

AT = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)

DATES = st.one_of(
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "March 4, 2026", "4 March 2026",
                     "yesterday", "", "  ", "2026-03-04T10:00:00Z", "not a date", "\u0662\u0660\u0662\u0666"]),
    st.dates().map(str),
    st.text(max_size=12),
)
BODY = st.lists(st.one_of(
    st.sampled_from(["Seven people were killed", "at least 12 wounded", "police said", "yesterday", "last week",
                     "on Monday", "in Marlow", "dozens", "no one", "between 3 and 5", ".", ",", "\n", "\"",
                     "\u00e9", "\ufffd", "\x0c", "\r\n"]),
    st.text(max_size=6)), max_size=30).map(" ".join)


@st.composite
def a_file(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["txt", "jsonl", "html", "raw"]))
    body = draw(BODY)
    date = draw(DATES)
    if kind == "txt":
        header = draw(st.sampled_from(["date", "published", "source", "title", "Date", "x"]))
        text = f"source: Harbor Times\n{header}: {date}\n\n{body}\n"
        data = text.encode("utf-8", "surrogatepass")
    elif kind == "jsonl":
        fields = draw(st.dictionaries(st.sampled_from(["id", "date", "title", "source", "url", "other"]),
                                      st.one_of(st.text(max_size=8), st.integers(), st.none(), st.just(date)),
                                      max_size=4))
        rows = [json.dumps({**fields, "text": body}), json.dumps({**fields, "text": body + " again"})]
        data = "\n".join(rows).encode("utf-8", "surrogatepass")
    elif kind == "html":
        data = (f"<html><head><title>{date}</title></head><body><article><p>{body}</p>"
                f"<p>{body}</p></article></body></html>").encode("utf-8", "surrogatepass")
    else:
        data = draw(st.binary(max_size=200)) + body.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):                      # a damaged byte somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xe9", b"\xff", b"\x80", b"\x00"])) + data[at:]
    return kind, data


SUFFIX = {"txt": ".txt", "jsonl": ".jsonl", "html": ".html", "raw": ".txt"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Settings]:
    root = tmp_path_factory.mktemp("fuzz-ingest")
    return root, Settings(db=f"sqlite:///{root / 'fuzz.db'}")


_names = itertools.count()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(files=st.lists(a_file(), min_size=1, max_size=3))
def test_ingest_never_raises(store: tuple[Path, Settings], files: list[tuple[str, bytes]]) -> None:
    root, cfg = store
    folder = root / f"batch{next(_names)}"
    folder.mkdir()
    for i, (kind, data) in enumerate(files):
        (folder / f"f{i}{SUFFIX[kind]}").write_bytes(data)
    summary = api.ingest([str(folder)], cfg, keep_going=True, ingested_at=AT)
    for p in summary.problems:                   # every problem names a file of the batch, in one line
        assert p.path.startswith(str(folder)) and "\n" not in p.message, p
        assert p.severity in ("error", "warning"), p
    named = {p.path.split(":")[0] for p in summary.problems}
    bad = {p.path.split(":")[0] for p in summary.problems if p.severity == "error"}
    quiet = [i for i, (kind, _) in enumerate(files) if str(folder / f"f{i}{SUFFIX[kind]}") not in named]
    assert summary.documents >= len(quiet)       # a file no problem names is read and stored
    stored = {c.doc for c in api.list_claims(cfg)}   # the store still answers
    assert not any(d.startswith(tuple(bad)) for d in stored if str(folder) in d)
