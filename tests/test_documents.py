"""reconcile.documents: decoding, formats, folders and limits, without the CLI or a database."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reconcile import documents
from reconcile.errors import InputError

DECODE = [
    # id, bytes, encoding, text (None: an InputError whose message contains the last item)
    ("utf-8", "Caf\u00e9 in S\u00e3o Paulo".encode(), "utf-8", "Caf\u00e9 in S\u00e3o Paulo"),
    ("ascii", b"Five people were killed.", "utf-8", "Five people were killed."),
    ("utf-8-bom-dropped", b"\xef\xbb\xbfsource: X", "utf-8", "source: X"),
    ("utf-16-le-bom", "Tote in K\u00f6ln".encode("utf-16-le").join([b"\xff\xfe", b""]), "utf-16", "Tote in K\u00f6ln"),
    ("utf-16-be-bom", b"\xfe\xff" + "Tote".encode("utf-16-be"), "utf-16", "Tote"),
    ("cp1252-smart-quotes", "\u201cSeven\u201d were killed \u2013 police".encode("cp1252"), "cp1252",
     "\u201cSeven\u201d were killed \u2013 police"),
    ("cp1252-accents", "Le maire de Besan\u00e7on a d\u00e9clar\u00e9 que d\u00e9c\u00e8s".encode("cp1252"),
     "cp1252", "Le maire de Besan\u00e7on a d\u00e9clar\u00e9 que d\u00e9c\u00e8s"),
    ("latin-1-when-cp1252-cannot", b"G\xf6rlitz \x81\x8d", "latin-1", "G\u00f6rlitz \x81\x8d"),
    ("cyrillic-cp1251", "\u041f\u044f\u0442\u044c \u0447\u0435\u043b\u043e\u0432\u0435\u043a "
     "\u043f\u043e\u0433\u0438\u0431\u043b\u0438 \u0432 \u0433\u043e\u0440\u043e\u0434\u0435, "
     "\u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0430 \u043f\u043e\u043b\u0438\u0446\u0438\u044f."
     .encode("cp1251"), "cp1251", "\u041f\u044f\u0442\u044c \u0447\u0435\u043b\u043e\u0432\u0435\u043a "
     "\u043f\u043e\u0433\u0438\u0431\u043b\u0438 \u0432 \u0433\u043e\u0440\u043e\u0434\u0435, "
     "\u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0430 \u043f\u043e\u043b\u0438\u0446\u0438\u044f."),
    ("mostly-utf-8-keeps-utf-8", "Caf\u00e9 owner in S\u00e3o Paulo said".encode() + b" \xe9 " + "na\u00efve".encode(),
     "utf-8", "Caf\u00e9 owner in S\u00e3o Paulo said \ufffd na\u00efve"),
    ("one-stray-byte-in-ascii-is-cp1252", b"Police said it\x92s over", "cp1252", "Police said it\u2019s over"),
    ("mojibake-free-when-mostly-utf-8", "\u00c9milie, Z\u00fcrich, K\u00f6ln".encode() + b"\xff",
     "utf-8", "\u00c9milie, Z\u00fcrich, K\u00f6ln\ufffd"),
    ("too-many-bad-bytes-is-legacy", "\u00e9".encode() * 2 + b"\xe9 " * 40, "cp1252",
     ("\u00c3\u00a9" * 2) + "\u00e9 " * 40),
    ("nul-early", b"\x00abc", None, "binary file"),
    ("nul-after-8k", b"a" * 10_000 + b"\x00", None, "binary file"),
    ("control-characters", bytes(range(1, 9)) * 50, None, "binary file"),
    ("utf-16-bom-then-nul", b"\xff\xfe" + b"A\x00\x00\x00" * 40, None, "binary file"),
]


@pytest.mark.parametrize("data,encoding,text", [c[1:] for c in DECODE], ids=[c[0] for c in DECODE])
def test_decode(data: bytes, encoding: str | None, text: str) -> None:
    if encoding is None:
        with pytest.raises(InputError, match=text) as err:
            documents.decode(data, "f.txt")
        assert str(err.value).startswith("f.txt: ")
        return
    assert documents.decode(data, "f.txt") == (text, encoding)


def test_mostly_utf_8_warns_with_the_byte_offsets() -> None:
    data = "source: X\n\nCaf\u00e9 in S\u00e3o Paulo and Z\u00fcrich:".encode() + b" \xe9 \xff " + "five were killed.\n".encode()
    docs, warnings = documents.read_bytes("f.txt", data)
    assert [d.text.count("\ufffd") for d in docs] == [2]
    bad = data.index(b"\xe9 ")
    assert [str(w) for w in warnings] == [
        f"f.txt: not valid UTF-8 at 2 byte offset(s) ({bad}, {bad + 2}): read as UTF-8, "
        "each bad sequence replaced by U+FFFD"]


LINE = {"text": "Nine people were killed in Calder, police said.", "date": "2026-04-03", "id": "x1"}

JSONL = [
    # id, file name, content, expected (paths, lines) or an error "LINE: needle"
    ("lines", "a.jsonl", f"{json.dumps(LINE)}\n\n{json.dumps(LINE | {'text': 'Two died.'})}\n",
     [("a.jsonl#1", 1), ("a.jsonl#3", 3)]),
    ("crlf-lines", "a.ndjson", f"{json.dumps(LINE)}\r\n{json.dumps(LINE)}\r\n", [("a.ndjson#1", 1), ("a.ndjson#2", 2)]),
    ("u2028-inside-a-string", "a.jsonl", json.dumps(LINE | {"text": "one\u2028two killed"}, ensure_ascii=False)
     + "\n", [("a.jsonl#1", 1)]),
    ("json-list", "a.json", json.dumps([LINE, LINE], indent=2), [("a.json#1", 1), ("a.json#2", 2)]),
    ("json-one-object-pretty", "a.json", json.dumps(LINE, indent=2), [("a.json", None)]),
    ("json-file-holding-lines", "a.json", f"{json.dumps(LINE)}\n{json.dumps(LINE)}\n",
     [("a.json#1", 1), ("a.json#2", 2)]),
    ("bad-line", "a.jsonl", f"{json.dumps(LINE)}\n{{\"text\": }}\n", "2: malformed JSON line"),
    ("bad-pretty-object", "a.json", '{\n  "text": "x",\n  "date": 2026-01-01\n}\n', "3: malformed JSON"),
    ("line-is-a-list", "a.jsonl", "[1]\n", "1: expected a JSON object"),
    ("text-not-a-string", "a.jsonl", '{"text": 5}\n', "1: JSON object has no string 'text'"),
    ("too-deep", "a.jsonl", '{"text": "x", "a": ' + "[" * 50_000 + "\n", "1: malformed JSON"),
]


@pytest.mark.parametrize("name,content,expected", [c[1:] for c in JSONL], ids=[c[0] for c in JSONL])
def test_parse_jsonl(name: str, content: str, expected: list | str) -> None:
    if isinstance(expected, str):
        line, needle = expected.split(": ", 1)
        with pytest.raises(InputError) as err:
            documents.parse_jsonl(name, content)
        assert err.value.line == int(line) and needle in err.value.message
        assert str(err.value).startswith(f"{name}:{line}: ")
        return
    docs = documents.parse_jsonl(name, content)
    assert [(d.path, d.line) for d in docs] == expected
    assert all(d.format == "jsonl" and d.text for d in docs)


def test_jsonl_fields() -> None:
    doc, = documents.parse_jsonl("a.jsonl", json.dumps(LINE | {"source": "Ridge Courier", "title": "Fire"}))
    assert (doc.source, doc.title, str(doc.published), doc.ext_id) == ("Ridge Courier", "Fire", "2026-04-03", "x1")


def _tree(root: Path) -> None:
    (root / "news" / "b").mkdir(parents=True)
    (root / "news" / "a.txt").write_text("x")
    (root / "news" / "b" / "c.jsonl").write_text("x")
    (root / "news" / "b" / "notes.pdf").write_text("x")
    (root / "news" / ".hidden.txt").write_text("x")
    (root / "news" / "b" / "up").symlink_to("..", target_is_directory=True)
    (root / "news" / "b" / "self.txt").symlink_to("self.txt")
    (root / "news" / "z.html").write_text("x")


def test_iter_paths_raises_on_a_folder_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="folder loop") as err:
        list(documents.iter_paths(["news"]))
    assert err.value.path == os.path.join("news", "b", "up")


def test_iter_paths_reports_and_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    errors: list[InputError] = []
    found = list(documents.iter_paths(["news", "gone.txt", "-"], on_error=errors.append))
    assert found == ["news/a.txt", "news/b/c.jsonl", "news/b/self.txt", "news/z.html", "-"]
    assert [(e.path, e.message.split(" (")[0]) for e in errors] == [
        ("news/b/up", "folder loop"), ("gone.txt", "no such file or folder")]


READ = [
    # id, setup(path) -> path to read, max_bytes, needle
    ("over-the-limit", lambda p: (p.write_text("x" * 101), p)[1], 100, "file is 101 bytes, over the limit of 100"),
    ("at-the-limit", lambda p: (p.write_text("Two died." + "x" * 91), p)[1], 100, None),
    ("a-folder", lambda p: (p.mkdir(), p)[1], 100, "is a folder"),
    ("a-device", lambda p: Path("/dev/null"), 100, "not a regular file"),
    ("a-link-loop", lambda p: (p.symlink_to(p), p)[1], 100, "cannot read"),
    ("missing", lambda p: p, 100, "no such file or folder"),
]


@pytest.mark.parametrize("setup,limit,needle", [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_read_path(tmp_path: Path, setup, limit: int, needle: str | None) -> None:  # type: ignore[no-untyped-def]
    path = str(setup(tmp_path / "f.txt"))
    if needle is None:
        docs, warnings = documents.read_path(path, max_bytes=limit)
        assert len(docs) == 1 and not warnings
        return
    with pytest.raises(InputError, match=needle) as err:
        documents.read_path(path, max_bytes=limit)
    assert err.value.path == path


def test_text_headers_and_offsets() -> None:
    text = "source: Harbor Times\ndate: 2026-04-02\ntitle: Fire\n\nSix people were killed."
    doc = documents.parse_text("a.txt", text)
    assert (doc.source, str(doc.published), doc.title) == ("Harbor Times", "2026-04-02", "Fire")
    assert doc.text == text and text[doc.body_start:] == "Six people were killed."


NOTES = [
    # id, file name, content, the warnings read_bytes gives
    ("date-not-understood-text", "a.txt", "date: the fourth of March\n\nFive people were killed.\n",
     ["a.txt: date 'the fourth of March' not understood (YYYY-MM-DD or 'March 4, 2026'): "
      "read without a publication date"]),
    ("date-understood-text", "a.txt", "date: March 4, 2026\n\nFive people were killed.\n", []),
    ("date-not-understood-jsonl", "f.jsonl", json.dumps({"text": "Five were killed.", "date": "04/03/26?"}) + "\n",
     ["f.jsonl:1: date '04/03/26?' not understood (YYYY-MM-DD or 'March 4, 2026'): read without a publication date"]),
    ("repeated-id", "f.jsonl", "\n".join(json.dumps({"text": t, "id": "w-7"}) for t in
                                         ("Five were killed.", "Six were killed.", "Seven were killed.")) + "\n",
     ["f.jsonl:2: id 'w-7' repeated (first on line 1)", "f.jsonl:3: id 'w-7' repeated (first on line 1)"]),
    ("distinct-ids", "f.jsonl", "\n".join(json.dumps({"text": "Five were killed.", "id": i}) for i in ("a", "b")) + "\n",
     []),
    ("repeated-id-in-a-json-list", "f.json", json.dumps([{"text": "Five were killed.", "id": 3},
                                                        {"text": "Six were killed.", "id": 3}]),
     ["f.json:2: id '3' repeated (first on line 1)"]),
]


@pytest.mark.parametrize("name,content,expected", [c[1:] for c in NOTES], ids=[c[0] for c in NOTES])
def test_reading_notes(name: str, content: str, expected: list[str]) -> None:
    docs, warnings = documents.read_bytes(name, content.encode())
    assert docs
    assert [str(w) for w in warnings] == expected


HEADER_DATES = [
    # id, the header's value, the publication date read (None: unknown)
    ("iso", "2026-04-02", "2026-04-02"),
    ("iso-with-comment", "2026-04-02 (from the URL)", "2026-04-02"),
    ("written-month-first", "March 4, 2026", "2026-03-04"),
    ("written-no-comma", "Mar 4 2026", "2026-03-04"),
    ("written-day-first", "4 March 2026", "2026-03-04"),
    ("ordinal-day", "March 4th, 2026", "2026-03-04"),
    ("weekday-and-time", "Wednesday, 4 March 2026 14:02 GMT", "2026-03-04"),
    ("wire-archive-stamp", "4-MAR-2026 09:15:02.11", "2026-03-04"),
    ("slashes-spaced-day-first", "24 / 03 / 2026", "2026-03-24"),
    ("slashes-month-first", "03/24/2026", "2026-03-24"),
    ("month-only-is-no-day", "March 2026", None),
    ("year-only", "2026", None),
    ("no-year", "March 4", None),
    ("two-digit-year", "04/03/26", None),
    ("words", "the fourth of March", None),
    ("relative", "Posted 3 hours ago", None),
]


@pytest.mark.parametrize("value,expected", [c[1:] for c in HEADER_DATES], ids=[c[0] for c in HEADER_DATES])
def test_header_dates(value: str, expected: str | None) -> None:
    got = documents.parse_date(value)
    assert (str(got) if got else None) == expected


@pytest.mark.parametrize("value", ["unknown", "unknown (not recorded by the archive)", "n/a", "none", "-"])
def test_a_header_saying_no_date_is_not_warned(value: str) -> None:
    docs, warnings = documents.read_bytes("a.txt", f"date: {value}\n\nFive people were killed.\n".encode())
    assert docs[0].published is None and warnings == []
