"""Reading inputs into :class:`Document` objects.

Formats, chosen by extension (and by content for standard input):

* plain text (``.txt``, ``.text``, ``.md``, no extension), with optional
  leading ``key: value`` header lines ended by a blank line (``source``,
  ``date``, ``title``, ``url``), or a leading ``date YYYY-MM-DD``;
* JSON lines (``.jsonl``, ``.ndjson``; ``.json`` holding one object or a
  list): one article per line with ``text`` and optional ``source``,
  ``date``, ``title``, ``url``, ``id``;
* HTML (``.html``, ``.htm``): the article text is taken out by trafilatura.

Offsets of claims refer to ``Document.text``: the whole decoded file for
plain text, the article text for JSON lines and HTML.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .errors import InputError
from .model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*)")
_KNOWN_HEADERS = {"source", "date", "title", "url", "origin", "published", "outlet", "id", "author"}
_LEADING_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+")

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y%m%d")


@dataclass(frozen=True, slots=True)
class Warning_:
    """A note on a file read: it yields no article (empty, HTML without text), or its text
    was repaired (bad UTF-8 bytes replaced)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def parse_date(value: str | None) -> dt.date | None:
    """ISO dates and a few common written forms; anything else is unknown."""
    if not value:
        return None
    value = re.sub(r"\(.*?\)", " ", value)                  # "2013-07-02 (from URL)"
    value = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", value)   # "July 2nd"
    value = re.sub(r"\s+,", ",", value)                      # tokenised "July 2 , 2013"
    value = re.sub(r"\s+", " ", value).strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    if m:
        try:
            return dt.date.fromisoformat(m.group(1))
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return _parse_written_date(value)


#: a four-digit year: a header date without one is no publication date
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
#: two defaults that differ in month and day: a date that parses to both gave its own
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2000, 2, 2))


def _parse_written_date(value: str) -> dt.date | None:
    """Other written forms, by python-dateutil: ``Sep 15 2013``, ``15 / 09 / 2013``,
    ``7-MAR-1987 00:01:55.34``, ``Tuesday, 5 March 2013 14:02 GMT``.  Only a whole date counts:
    a year, a month and a day all given (two parses with different default days and months must
    agree), so ``March 2013`` stays unknown rather than falling on the 1st.  Numeric forms read
    month first unless the first number cannot be a month (``15/09/2013``), as dateutil does."""
    if not _YEAR.search(value):
        return None
    from dateutil import parser

    value = re.sub(r"\s*([/.-])\s*", r"\1", value)      # tokenised "15 / 09 / 2013"
    got: list[dt.date] = []
    for default in _DEFAULTS:
        try:
            got.append(parser.parse(value, default=default).date())
        except (ValueError, OverflowError):
            return None
    return got[0] if got[0] == got[1] else None


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _other_script(text: str) -> bool:
    """Whether ``text`` (as decoded by the detector's guess) is written mostly in a
    non-Latin script (Cyrillic, Greek, CJK, ...).  Only then is the guess trusted:
    among the many Latin-script single-byte codecs it is unreliable, and cp1252 is
    the usual legacy encoding of Western news text.  A few stray bytes in English or
    German text are not a script."""
    import unicodedata

    letters = [ch for ch in text if ch.isalpha()]
    other = [ch for ch in letters if ord(ch) > 127 and not unicodedata.name(ch, "").startswith("LATIN")]
    return len(other) >= 4 and len(other) * 3 >= len(letters)


def _norm_codec(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return name.lower()


MAX_BAD_UTF8 = 32
"""At most this many invalid sequences in a file otherwise UTF-8 are replaced (U+FFFD); more,
and the file is not UTF-8 but a legacy encoding.  (Each one costs a pass over the rest of the
file, so the bound keeps decoding linear.)"""


def _mostly_utf8(data: bytes) -> tuple[str, tuple[int, ...]] | None:
    """UTF-8 with a few bad bytes: the text with U+FFFD for each invalid sequence and the byte
    offsets replaced, or None when the file is not UTF-8.

    A file is UTF-8 with damage when it holds more valid multi-byte characters than invalid
    sequences (legacy cp1252 text almost never forms a valid multi-byte sequence; one stray
    cp1252 byte in plain ASCII text is read as cp1252, where it means what its writer meant).
    """
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    while True:
        try:
            parts.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            if len(offsets) >= MAX_BAD_UTF8:
                return None
            parts.append(data[pos:pos + exc.start].decode("utf-8"))
            parts.append("\ufffd")
            offsets.append(pos + exc.start)
            pos += exc.end
    text = "".join(parts)
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - len(offsets)
    return (text, tuple(offsets)) if multibyte > len(offsets) else None


def decode(data: bytes, path: str, replaced: list[int] | None = None) -> tuple[str, str]:
    """UTF-8, else the detected legacy encoding (cp1252 / Latin-1).  Binary is an error.

    A file that is UTF-8 but for a few invalid sequences stays UTF-8, each sequence
    replaced by U+FFFD; their byte offsets are added to ``replaced`` when it is given
    (the reader warns with them).  Legacy decoding is for files that are not UTF-8 as
    a whole.

    Returns ``(text, encoding)``; ``encoding`` is recorded on the document.  A
    byte order mark selects UTF-8 or UTF-16 (the mark is not part of the text).
    Legacy text is read as cp1252 (Latin-1 when cp1252 cannot decode it),
    unless the detected encoding reads it as another script (Cyrillic, Greek,
    CJK, ...): then as detected.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            if "\x00" in text or _looks_binary(text):
                raise InputError(path, "binary file, not an article")
            return text, "utf-8" if codec == "utf-8-sig" else "utf-16"
    if b"\x00" in data:
        raise InputError(path, "binary file (NUL bytes), not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = _mostly_utf8(data)
        if mostly is not None:
            if _looks_binary(mostly[0]):
                raise InputError(path, "binary file (control characters), not an article") from None
            if replaced is not None:
                replaced.extend(mostly[1])
            return mostly[0], "utf-8"
    else:
        if _looks_binary(text):
            raise InputError(path, "binary file (control characters), not an article")
        return text, "utf-8"
    detected = None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            detected = _norm_codec(best.encoding)
    except Exception:  # noqa: BLE001 - detection is best effort
        detected = None
    candidates: tuple[str, ...] = ("cp1252", "latin-1")
    if detected is not None and detected not in ("cp1252", "latin_1", "iso8859_1"):
        try:
            if _other_script(data.decode(detected)):
                candidates = (detected, *candidates)     # Cyrillic, Greek, CJK, ...
        except (UnicodeDecodeError, LookupError):
            pass
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            raise InputError(path, "binary file, not an article")
        return text, enc
    raise InputError(path, "cannot decode the file")  # pragma: no cover - latin-1 always decodes


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return ctrl / len(sample) > 0.05


def parse_text(path: str, text: str, encoding: str = "utf-8", notes: list[Warning_] | None = None) -> Document:
    """Plain text with optional header lines (a date not understood is a note in ``notes``)."""
    headers: dict[str, str] = {}
    body_start = 0
    lines = text.split("\n")
    consumed = 0
    candidate: dict[str, str] = {}
    ok = False
    for line in lines[:20]:
        if not line.strip():
            ok = bool(candidate) and any(k in _KNOWN_HEADERS for k in candidate)
            consumed += len(line) + 1
            break
        m = _HEADER_LINE.fullmatch(line.rstrip("\r"))
        if not m:
            break
        candidate[m.group(1).lower()] = m.group(2).strip()
        consumed += len(line) + 1
    if ok:
        headers = candidate
        body_start = min(consumed, len(text))
    else:
        m = _LEADING_DATE.match(text)
        if m:
            headers = {"date": m.group(1)}
            body_start = m.end()
    raw_date = headers.get("date") or headers.get("published")
    published = parse_date(raw_date)
    _note_date(notes, path, raw_date, published)
    return Document(
        path=path,
        text=text,
        sha256=sha256(text),
        body_start=body_start,
        title=headers.get("title"),
        source=headers.get("source") or headers.get("outlet"),
        url=headers.get("url"),
        published=published,
        encoding=encoding,
        format="text",
    )


#: a header that says the date is not known: nothing to warn about
_NO_DATE = re.compile(r"(?i)\s*(?:(?:unknown|n/?a|none|not\s+(?:known|given|recorded))\b(?![^(]*\d)|-+\s*$)")


def _note_date(notes: list[Warning_] | None, where: str, raw: str | None, parsed: dt.date | None) -> None:
    if notes is not None and raw and raw.strip() and parsed is None and not _NO_DATE.match(raw):
        notes.append(Warning_(where, f"date {raw.strip()[:40]!r} not understood (YYYY-MM-DD or 'March 4, 2026'): "
                                     "read without a publication date"))


def _from_object(path: str, obj: object, line: int | None, encoding: str,
                 notes: list[Warning_] | None = None) -> Document:
    if not isinstance(obj, dict):
        raise InputError(path, "expected a JSON object with a 'text' key", line)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(path, "JSON object has no string 'text'", line)
    def opt(key: str) -> str | None:
        v = obj.get(key)
        return None if v is None else str(v)
    published = parse_date(opt("date"))
    _note_date(notes, path if line is None else f"{path}:{line}", opt("date"), published)
    return Document(
        path=f"{path}#{line}" if line is not None else path,
        text=text,
        sha256=sha256(text),
        title=opt("title"),
        source=opt("source"),
        url=opt("url"),
        published=published,
        encoding=encoding,
        format="jsonl",
        line=line,
        ext_id=opt("id"),
    )


def _loads(raw: str):  # -> object
    try:
        return json.loads(raw)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", raw, 0) from None


def parse_jsonl(path: str, text: str, encoding: str = "utf-8", notes: list[Warning_] | None = None) -> list[Document]:
    """JSON lines, or a .json file holding one object or a list of objects.

    Notes (a date not understood, an ``id`` repeated within the file) go to ``notes``.

    The whole file is parsed before anything is returned, so a malformed line
    anywhere means no document of that file is returned (:class:`InputError`
    naming the file and the line).
    """
    stripped = text.lstrip()
    whole = stripped.startswith("[") or Path(path).suffix.lower() == ".json"
    whole_error: InputError | None = None
    if whole:
        try:
            items = _loads(text)
        except (json.JSONDecodeError, ValueError) as exc:
            whole_error = InputError(path, f"malformed JSON: {getattr(exc, 'msg', exc)}",
                                     getattr(exc, "lineno", None))
            if stripped.startswith("["):
                raise whole_error from None
            items = None  # perhaps a .json file holding JSON lines: read line by line below
        if isinstance(items, list):
            return _repeated_ids(path, [_from_object(path, o, i, encoding, notes) for i, o in enumerate(items, 1)], notes)
        if items is not None:
            return [_from_object(path, items, None, encoding, notes)]
    docs = []
    for i, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            obj = _loads(raw)
        except (json.JSONDecodeError, ValueError) as exc:
            if whole_error is not None and not docs:   # one (pretty-printed) object, malformed
                raise whole_error from None
            raise InputError(path, f"malformed JSON line: {getattr(exc, 'msg', exc)}", i) from None
        docs.append(_from_object(path, obj, i, encoding, notes))
    return _repeated_ids(path, docs, notes)


def _repeated_ids(path: str, docs: list[Document], notes: list[Warning_] | None) -> list[Document]:
    """Each document is still read (its text may differ); a repeated ``id`` is noted, as a feed
    that repeats one is usually sending a correction or a duplicate."""
    first: dict[str, int | None] = {}
    for d in docs:
        if d.ext_id is None:
            continue
        if d.ext_id in first:
            if notes is not None:
                notes.append(Warning_(f"{path}:{d.line}", f"id {d.ext_id[:40]!r} repeated (first on line {first[d.ext_id]})"))
        else:
            first[d.ext_id] = d.line
    return docs


# an HTML page whose extracted text has fewer words than this has no article
_MIN_HTML_WORDS = 5


def parse_html(path: str, html: str, encoding: str = "utf-8") -> Document | None:
    """The article text of an HTML page (trafilatura), or None when it has none."""
    try:
        import trafilatura      # inside the handler: a missing HTML dependency is one line, not a traceback

        text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   favor_precision=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # noqa: BLE001 - a broken page is the file's fault
        raise InputError(path, f"cannot parse HTML: {exc}") from None
    if not text or len(re.findall(r"\w+", text)) < _MIN_HTML_WORDS:
        return None     # nothing, or only a menu or a cookie line: no article
    title = getattr(meta, "title", None) if meta else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Document(
        path=path,
        text=text,
        sha256=sha256(text),
        title=title,
        source=(getattr(meta, "sitename", None) or getattr(meta, "hostname", None)) if meta else None,
        url=getattr(meta, "url", None) if meta else None,
        published=parse_date(getattr(meta, "date", None)) if meta else None,
        encoding=encoding,
        format="html",
    )


def _kind(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if path == "-":
        head = text.lstrip()[:200].lower()
        if head.startswith("{"):
            return "jsonl"
        if head.startswith("<!doctype html") or head.startswith("<html"):
            return "html"
    return "text"


def read_bytes(path: str, data: bytes, kind_hint: str | None = None) -> tuple[list[Document], list[Warning_]]:
    """Turn one file's bytes into documents (several for JSON lines).

    Raises :class:`InputError` for a file that cannot be an article (binary,
    malformed JSON); an empty file, an HTML page without article text or JSON
    lines without text are warnings, not errors.
    """
    replaced: list[int] = []
    text, encoding = decode(data, path, replaced)
    if replaced:
        shown = ", ".join(str(o) for o in replaced[:5]) + (", ..." if len(replaced) > 5 else "")
        note = Warning_(path, f"not valid UTF-8 at {len(replaced)} byte offset(s) ({shown}): read as UTF-8, "
                              "each bad sequence replaced by U+FFFD")
        docs, warnings = _read_text(path, text, encoding, kind_hint)
        return docs, [note, *warnings]
    return _read_text(path, text, encoding, kind_hint)


def _read_text(path: str, text: str, encoding: str, kind_hint: str | None) -> tuple[list[Document], list[Warning_]]:
    kind = _kind(path if kind_hint is None or Path(path).suffix.lower() in ARTICLE_SUFFIXES - {""} else kind_hint, text)
    if not text.strip():
        return [], [Warning_(path, "empty file, nothing to read")]
    notes: list[Warning_] = []
    if kind == "jsonl":
        docs = parse_jsonl(path, text, encoding, notes)
        kept = [d for d in docs if d.text.strip()]
        warnings = notes + [Warning_(d.path if d.line is None else f"{path}:{d.line}", "empty 'text', nothing to read")
                    for d in docs if not d.text.strip()]
        if not docs:
            warnings.append(Warning_(path, "no JSON objects, nothing to read"))
        return kept, warnings
    if kind == "html":
        doc = parse_html(path, text, encoding)
        if doc is None:
            return [], [Warning_(path, "HTML page without article text")]
        return [doc], []
    return [parse_text(path, text, encoding, notes)], notes


def iter_paths(paths: list[str], *,
               on_error: Callable[[InputError], None] | None = None,
               on_skip: Callable[[str, list[str]], None] | None = None) -> Iterator[str]:
    """Expand folders recursively (sorted, hidden entries skipped); ``-`` stays as is.

    A missing path or a folder that loops back on itself is an :class:`InputError`;
    with ``on_error`` it is passed there instead and the walk goes on with the
    next entry.  Files inside a folder that are not articles (``.pdf``, ``.xml``, images:
    no suffix of ``ARTICLE_SUFFIXES``) are not read; ``on_skip(folder, paths)`` hears of them
    once per folder argument, after its walk.
    """
    def fail(err: InputError) -> None:
        if on_error is None:
            raise err
        on_error(err)

    for p in paths:
        if p == "-":
            yield p
            continue
        if not os.path.lexists(p):
            fail(InputError(p, "no such file or folder"))
            continue
        if os.path.isdir(p):
            skipped: list[str] = []
            yield from _walk(p, frozenset(), fail, skipped)
            if skipped and on_skip is not None:
                on_skip(p, skipped)
        else:
            yield p


def _walk(folder: str, seen: frozenset[str], fail: Callable[[InputError], None],
          skipped: list[str]) -> Iterator[str]:
    real = os.path.realpath(folder)
    if real in seen:
        fail(InputError(folder, "folder loop (a link leads back to a folder already read)"))
        return
    seen = seen | {real}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        fail(InputError(folder, f"cannot list folder: {exc.strerror}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        full = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:      # e.g. a link that loops on itself
            is_dir = False
        if is_dir:
            yield from _walk(full, seen, fail, skipped)
        elif Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES:
            yield full
        else:
            skipped.append(full)


#: how many skipped file names a folder's warning lists before "and N more"
SKIPPED_SHOWN = 5


def skipped_message(folder: str, skipped: list[str]) -> str:
    """``skipped 3 files that are not articles (.pdf 2, .xml 1): a.pdf, b.pdf, feed.xml`` (names
    relative to the folder, the first ``SKIPPED_SHOWN``)."""
    kinds = Counter(Path(p).suffix.lower() or "(no suffix)" for p in skipped)
    names = [os.path.relpath(p, folder) for p in skipped[:SKIPPED_SHOWN]]
    more = f" and {len(skipped) - SKIPPED_SHOWN} more" if len(skipped) > SKIPPED_SHOWN else ""
    what = "file that is not an article" if len(skipped) == 1 else "files that are not articles"
    return (f"skipped {len(skipped)} {what} "
            f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}): {', '.join(names)}{more}")


def _too_big(path: str, size: int, max_bytes: int) -> InputError:
    return InputError(path, f"file is {size} bytes, over the limit of {max_bytes} (max_file_bytes)")


def display_path(path: str) -> str:
    """The name a file is stored and shown under: itself, or, when the operating system gave
    bytes that are not valid UTF-8 (decoded as lone surrogates), those bytes as ``\\xNN``
    escapes: printable, storable in any database, the same name at every run (a name that
    really holds a backslash and "x" and two hex digits could meet it: a risk taken knowingly).
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def stdin_name(data: bytes, name: str | None = None) -> str:
    """The identity of a document read from standard input: the ``--name`` given, else
    ``stdin-`` and its content hash (two different inputs never share a path)."""
    return name if name else f"stdin-{hashlib.sha256(data).hexdigest()[:16]}"


def _special_kind(mode: int) -> str | None:
    """What a path that is not a regular file is (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "a special file"


def _check_regular(path: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a folder")
    kind = _special_kind(mode)
    if kind is not None:
        raise InputError(path, f"not a regular file but {kind}; not read")


def read_path(path: str, *, max_bytes: int, name: str | None = None) -> tuple[list[Document], list[Warning_]]:
    """Read one file (or standard input for ``-``, named ``name`` or by its content hash).

    Only regular files are read (never a device or a pipe that could not end),
    and never more than ``max_bytes`` + 1 bytes.  The documents and errors name the
    file by :func:`display_path` (a name that is not valid UTF-8 escaped, losslessly).
    """
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(path, f"input is over the limit of {max_bytes} bytes (max_file_bytes)")
        return read_bytes(stdin_name(data, name), data, kind_hint="-")
    shown = display_path(path)
    try:
        st = os.stat(path)       # before open: opening a FIFO for reading waits for a writer
        _check_regular(shown, st.st_mode)
        if st.st_size > max_bytes:
            raise _too_big(shown, st.st_size, max_bytes)
        # O_NONBLOCK: should the path be swapped for a FIFO after the stat, open returns
        # at once and the fstat below refuses it (no effect on reading a regular file)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            _check_regular(shown, st.st_mode)
            if st.st_size > max_bytes:
                raise _too_big(shown, st.st_size, max_bytes)
            data = fh.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError(shown, "is a folder") from None
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except FileNotFoundError:
        raise InputError(shown, "no such file or folder") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:    # the file grew while being read
        raise _too_big(shown, len(data), max_bytes)
    return read_bytes(shown, data)
