"""One output path for rows: table, markdown, json, jsonl, csv and tsv (the model is
sqlite-utils' ``output_options`` + ``output_rows``): every command renders its rows here, with
``headers=False`` for ``--no-headers`` and ``width`` for a table that fits the terminal (long
columns wrapped; list cells, such as a quantity's figures, one item per line).
csv and tsv cells that a spreadsheet would take for a formula are neutralised (``_csv_cell``).
Derived figures (computed, not stated) carry ``derived`` in the rows and a ``*`` mark in the
figures text.

Every command that prints a list turns its objects into plain rows
(``claim_rows``, ``quantity_rows``, ``contradiction_rows``) and hands them to
``render``.  Nothing here prints, reads the clock or touches the database, so
the same rows always give the same text.

Returned text carries no trailing newline; the caller adds one (and prints
nothing for an empty ``jsonl`` result).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tabulate import tabulate

from reconcile.errors import UsageError
from reconcile.model import Claim, Contradiction, Quantity

FORMATS: tuple[str, ...] = ("table", "markdown", "json", "jsonl", "csv", "tsv")

OUTLET = "(outlet)"      # the claimant label when the outlet speaks in its own voice
LIST_SEP = "; "          # how list cells are joined in table, markdown and csv output
REPORTED_STATUSES = ("disputed", "revised")

CLAIM_COLUMNS = ("id", "doc", "measure", "figure", "low", "high", "subject", "claimant",
                 "stance", "derived", "event_date", "text")
QUANTITY_COLUMNS = ("event", "measure", "scope", "figures", "low", "best", "high", "spread",
                    "sources", "status")
CONTRADICTION_COLUMNS = ("kind", "quantity", "a", "b", "explanation", "a_doc", "b_doc")

KIND_MEANINGS: dict[str, str] = {
    "disjoint": "the figures cannot both be true: their ranges do not overlap",
    "denial": "one side denies the other's figure",
    "self": "the same claimant gives two incompatible figures",
    "revision": "the same claimant's later report supersedes its earlier figure",
    "update": "a later report by another claimant gives a higher toll (a developing story)",
    "exceeds-total": "a part is larger than the whole it belongs to",
}


# --------------------------------------------------------------------- numbers

def format_number(x: float) -> str:
    """``32.0`` -> ``"32"``, ``2.5`` -> ``"2.5"``; never scientific notation."""
    x = float(x)
    if x.is_integer():
        return str(int(x))
    return f"{x:.6f}".rstrip("0").rstrip(".")


def format_interval(low: float | None, high: float | None, qualifier: str = "exact",
                    vague: bool = False) -> str:
    """A claimed interval in a few characters.

    ``32`` -> ``32``; ``100, 120`` -> ``100–120``; ``2, None`` -> ``≥2``
    (``>100`` for more-than, ``~24+`` when vague); ``None, 50`` -> ``≤50``
    (``<50`` for fewer-than); ``0, 0`` -> ``0``; about -> ``~30``; no bounds
    at all -> ``?``.
    """
    approx = "~" if (vague or qualifier == "about") else ""
    if low is None and high is None:
        return "?"
    if qualifier == "zero":
        return "0"
    if low is not None and high is not None:
        if float(low) == float(high):
            return approx + format_number(low)
        return f"{approx}{format_number(low)}–{format_number(high)}"
    if high is None:
        assert low is not None
        if vague:
            return f"~{format_number(low)}+"
        sign = ">" if qualifier == "more-than" else "≥"
        return f"{approx}{sign}{format_number(low)}"
    sign = "<" if qualifier == "fewer-than" else "≤"
    return f"{approx}{sign}{format_number(high)}"


def claim_figure(claim: Claim) -> str:
    return format_interval(claim.low, claim.high, claim.qualifier, claim.vague)


def claimant_label(claim: Claim) -> str:
    return claim.claimant if claim.claimant else OUTLET


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else float(x)


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


# ------------------------------------------------------------------------ rows

def claim_rows(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """One row per claim, in the given order."""
    return [
        {
            "id": c.id,
            "doc": c.doc,
            "measure": c.measure,
            "figure": claim_figure(c),
            "low": _num(c.low),
            "high": _num(c.high),
            "subject": c.subject,
            "claimant": claimant_label(c),
            "stance": c.stance,
            "derived": c.derived,
            "event_date": _date(c.event.date),
            "text": c.text,
        }
        for c in claims
    ]


def chronological(claims: Sequence[Claim]) -> list[Claim]:
    """Claims by published date (undated last), otherwise in the given order."""
    return sorted(claims, key=lambda c: (c.published is None, c.published or dt.date.min))


#: the mark of a derived figure (computed by a rule, not stated by anyone) in figures text
DERIVED_MARK = "*"


def figure_summary(claim: Claim) -> str:
    """``Venezuelan regime: 100–120 (assert, 2026-01-26)``; a derived figure says so:
    ``(the outlet): 0* (derived, assert)``."""
    notes = (["derived"] if claim.derived else []) + [claim.stance] \
        + ([claim.published.isoformat()] if claim.published else [])
    if claim.derived:
        return f"{claimant_label(claim)}: {claim_figure(claim)}{DERIVED_MARK} ({', '.join(notes)})"
    return f"{claimant_label(claim)}: {claim_figure(claim)} ({', '.join(notes)})"


def figures_list(quantity: Quantity) -> list[str]:
    """Every distinct figure of a quantity, oldest report first."""
    seen: dict[str, None] = {}
    for c in chronological(quantity.claims):
        seen.setdefault(figure_summary(c), None)
    return list(seen)


def figures_text(quantity: Quantity) -> str:
    """:func:`figures_list` joined with ``"; "``."""
    return LIST_SEP.join(figures_list(quantity))


def spread(claims: Sequence[Claim]) -> int | float | None:
    """Distance between the smallest and the largest number stated (None: fewer than two)."""
    bounds = [float(b) for c in claims for b in (c.low, c.high) if b is not None]
    if not bounds:
        return None
    return _num(max(bounds) - min(bounds))


def is_reported(quantity: Quantity) -> bool:
    return quantity.status in REPORTED_STATUSES


def quantity_rows(quantities: Sequence[Quantity], *, include_all: bool = False) -> list[dict[str, Any]]:
    """The report rows: disputed and revised quantities only, unless ``include_all``."""
    return [
        {
            "event": q.event,
            "measure": q.measure,
            "scope": q.scope,
            "figures": figures_list(q),      # a list: one claimant per line in a table
            "low": _num(q.low),
            "best": _num(q.best),
            "high": _num(q.high),
            "spread": spread(q.claims),
            "sources": q.sources,
            "status": q.status,
        }
        for q in quantities
        if include_all or is_reported(q)
    ]


def side_text(claim: Claim) -> str:
    """``Cuba's communist regime: 32``."""
    return f"{claimant_label(claim)}: {claim_figure(claim)}"


def contradiction_rows(contradictions: Sequence[Contradiction]) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind,
            "quantity": c.quantity,
            "a": side_text(c.a),
            "b": side_text(c.b),
            "explanation": c.explanation,
            "a_doc": c.a.doc,
            "b_doc": c.b.doc,
        }
        for c in contradictions
    ]


def contradiction_dicts(contradictions: Sequence[Contradiction]) -> list[dict[str, Any]]:
    """``[x.as_dict() for x in contradictions]``, each claim's dict made once: a claim is
    in several contradictions of its quantity."""
    made: dict[int, dict[str, Any]] = {}

    def claim(c: Claim) -> dict[str, Any]:
        got = made.get(id(c))
        if got is None:
            got = made[id(c)] = c.as_dict()
        return got

    return [{"kind": x.kind, "quantity": x.quantity, "explanation": x.explanation,
             "a": claim(x.a), "b": claim(x.b)} for x in contradictions]


# ---------------------------------------------------------------------- render

def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO text, tuples as lists, integral floats as ints."""
    t = type(value)
    if t is str or t is int or t is bool or value is None:    # most values: no isinstance chain
        return value
    if t is dict:
        return {k if type(k) is str else str(k): _plain(v) for k, v in value.items()}
    if t is list:
        return [_plain(v) for v in value]
    if isinstance(value, bool) or isinstance(value, (str, int)):
        return value
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [_plain(v) for v in items]
    if hasattr(value, "as_dict"):
        return _plain(value.as_dict())
    return str(value)


def _cell(value: Any, sep: str = LIST_SEP) -> str:
    """A flat text cell for table, markdown and csv (list items joined with ``sep``)."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return sep.join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


#: first characters a spreadsheet takes as the start of a formula (OWASP "CSV injection")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    """A csv cell, neutralised: a text cell that a spreadsheet would read as a formula
    (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
    ``'``.  Numbers are left as they are (``-3`` stays a number).  A carriage return inside
    a cell becomes a newline (the writer quotes cells with newlines, not lone CRs)."""
    plain = _plain(value)
    text = _cell(value)
    if isinstance(plain, (int, float)) and not isinstance(plain, bool):
        return text
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _columns(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def _md_cell(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("|", "\\|")


def _is_numeric_column(rows: Sequence[Mapping[str, Any]], col: str) -> bool:
    values = [row.get(col) for row in rows if row.get(col) is not None]
    return bool(values) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def render(rows: Sequence[Mapping[str, Any]], fmt: str, *,
           columns: Sequence[str] | None = None, plain: bool = False,
           headers: bool = True, width: int | None = None) -> str:
    """Rows as text in one of ``FORMATS``.

    ``columns`` picks and orders the keys (default: every key, in first-seen
    order).  json keeps nulls and numbers; table, markdown, csv and tsv print
    ``None`` as an empty cell and lists joined with ``"; "`` (one item per line in a
    table).  ``plain``: the rows are JSON-ready already (``as_dict()`` output): json and
    jsonl write them as they are.  ``headers=False`` leaves out the header row (table,
    markdown, csv, tsv); ``width`` wraps a table's long columns so that it fits.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt in ("json", "jsonl"):
        objs = rows if plain and columns is None else [
            {k: _plain(row.get(k)) for k in columns} if columns is not None
            else {str(k): _plain(v) for k, v in row.items()}
            for row in rows
        ]
        if fmt == "json":
            return json.dumps(objs, ensure_ascii=False, indent=2)
        return "\n".join(json.dumps(o, ensure_ascii=False) for o in objs)
    cols = _columns(rows, columns)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n", delimiter="," if fmt == "csv" else "\t")
        if headers:
            writer.writerow(cols)
        for row in rows:
            writer.writerow([_csv_cell(row.get(k)) for k in cols])
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(none)"
    if fmt == "markdown":
        table = [[_md_cell(_cell(row.get(k))) for k in cols] for row in rows]
        head = [_md_cell(c) for c in cols]
        tablefmt = "github"
    else:
        table = [[_cell(row.get(k), "\n") for k in cols] for row in rows]
        head = list(cols)
        tablefmt = "simple" if headers else "plain"
    align = ["right" if _is_numeric_column(rows, k) else "left" for k in cols]
    maxwidths = _fit(table, head if headers else None, width) if fmt == "table" and width else None
    if maxwidths is not None:
        table = [[_wrap_cell(cell, w) for cell, w in zip(row, maxwidths)] for row in table]
        head = [h if w is None else _wrap_head(h, _head_wrap_width(h, w)) for h, w in zip(head, maxwidths)]
    text = tabulate(table, headers=head if headers else (), tablefmt=tablefmt, disable_numparse=True,
                    colalign=align)
    if fmt == "markdown" and not headers:
        text = text.split("\n", 1)[1] if text.startswith("|-") and "\n" in text else text   # no header, no rule
    return text


def _wrap_cell(text: str, width: int | None) -> str:
    """A cell in lines of at most ``width`` characters, broken at spaces (a date or a
    hyphenated word stays whole when it fits); its own line breaks kept."""
    if width is None:
        return text
    return "\n".join(line for part in text.split("\n")
                     for line in (textwrap.wrap(part, width, break_on_hyphens=False) or [""]))


def _wrap_head(text: str, width: int | None) -> str:
    """A header narrower than its name breaks after an underscore (``event_`` / ``date``)."""
    if width is None or len(text) <= width:
        return text
    return _wrap_cell(text.replace("_", "_ "), width).replace("_ ", "_")


#: a wrapped column keeps at least this many characters while the table can fit that way
MIN_COLUMN = 10
#: a word up to this long is not broken in the first round of narrowing
WORD_KEPT = 12
#: the narrowest a column becomes in the last round (words broken)
MIN_NARROW = 6
#: tabulate's padding of a column whose header is its widest line
HEAD_PAD = 2


def _head_floor(header: str) -> int:
    """The width of a header's longest part when it breaks after ``_`` (``event_`` / ``date``)."""
    parts = header.split("_")
    return max([len(p) + 1 for p in parts[:-1]] + [len(parts[-1])])


def _head_wrap_width(header: str, target: int) -> int:
    return max(target - HEAD_PAD, _head_floor(header))


def _fit(table: list[list[str]], head: list[str] | None, width: int) -> list[int | None] | None:
    """Column widths that make a ``simple`` table fit ``width`` characters; None when it fits.
    Three rounds, each narrowing (wrapping) the widest column first: down to ``MIN_COLUMN``
    without breaking a word of up to ``WORD_KEPT`` characters (a date, a name); then the short
    columns too, down to their longest word; then down to ``MIN_NARROW``, words broken.  A
    header breaks only after ``_``.  A table too wide even then keeps its words whole and stays
    wider than ``width``."""
    ncols = len(table[0]) if table else len(head or [])
    if not ncols:
        return None

    def natural(i: int) -> int:
        cells = [row[i] for row in table] + ([head[i]] if head else [])
        return max((len(line) for cell in cells for line in str(cell).split("\n")), default=0)

    def longest_word(i: int) -> int:
        return max((len(w) for row in table for w in str(row[i]).split()), default=0)

    def shown(i: int, t: int) -> int:
        """The column's printed width at target ``t`` (a header as wide as it is padded)."""
        if not head:
            return t
        if t >= widths[i]:
            return max(widths[i], len(head[i]) + HEAD_PAD)
        lines = _wrap_head(head[i], _head_wrap_width(head[i], t)).split("\n")
        return max(t, max(map(len, lines)) + HEAD_PAD)

    widths = [natural(i) for i in range(ncols)]
    target = list(widths)

    def total() -> int:
        return sum(shown(i, target[i]) for i in range(ncols)) + 2 * (ncols - 1)

    if total() <= width:
        return None
    words = [longest_word(i) for i in range(ncols)]
    rounds = ([max(MIN_COLUMN, min(words[i], WORD_KEPT)) for i in range(ncols)],
              [max(1, min(words[i], WORD_KEPT)) for i in range(ncols)],
              [MIN_NARROW] * ncols)
    for n, floors in enumerate(rounds):
        before = list(target)
        while total() > width:
            movable = [i for i in range(ncols) if target[i] > floors[i]]
            if not movable:
                break
            widest = max(movable, key=lambda i: (target[i], -i))
            target[widest] -= 1
        if total() <= width:
            break
        if n == len(rounds) - 1:
            target = before         # broken words and still too wide: keep the words whole
    return [t if t < w else None for t, w in zip(target, widths)]


# ------------------------------------------------------------ GitHub Actions

def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _gh_place(claim: Claim, line_of: Callable[[str, int], Any]) -> tuple[str, int] | None:
    """(file, line) of a claim in a checked file, None for a stored one.  ``line_of`` gives a
    line number (the file is then the claim's ``doc``) or a ``(file, line)`` pair (a JSON line:
    the real file and its line, not ``FILE#LINE``)."""
    try:
        place = line_of(claim.doc, claim.start)
    except (KeyError, LookupError, ValueError, OSError):
        return None
    if isinstance(place, tuple):
        path, line = place
    else:
        path, line = claim.doc, place
    return (path, line) if line is not None and line > 0 else None


def github_annotations(contradictions: Sequence[Contradiction], *,
                       line_of: Callable[[str, int], Any]) -> str:
    """GitHub Actions workflow commands: one ``::error`` line per claim of a checked file
    that contradicts, naming every other claim it clashes with.

    ``line_of(doc, offset)`` gives the 1-based line of a character offset in a
    checked (new) file (or a ``(file, line)`` pair, see :func:`_gh_place`), and
    ``0``/``None`` (or raises ``KeyError``) for a document that is not being
    checked (a stored one).  A contradiction with neither side in a checked file
    gets one annotation without a file.
    """
    placed: dict[tuple, tuple[Claim, tuple[str, int], list[tuple[Claim, Contradiction]]]] = {}
    loose: dict[str, None] = {}
    for c in contradictions:
        found = False
        for mine, other in ((c.a, c.b), (c.b, c.a)):
            place = _gh_place(mine, line_of)
            if place is None:
                continue
            found = True
            key = (place, mine.doc, mine.start, mine.end, mine.measure, claimant_label(mine))
            placed.setdefault(key, (mine, place, []))[2].append((other, c))
        if not found:
            title = _gh_property(f"contradiction ({c.kind})")
            message = f"{side_text(c.a)} ({c.a.doc}) vs {side_text(c.b)} ({c.b.doc}): {c.explanation}"
            loose.setdefault(f"::error title={title}::{_gh_data(message)}", None)
    lines: list[str] = []
    for key in sorted(placed, key=lambda k: (k[0], k[2], k[3], k[4], k[5])):
        mine, (path, line), clashes = placed[key]
        kinds = sorted({c.kind for _, c in clashes})
        title = _gh_property(f"contradiction ({', '.join(kinds)})")
        if len(clashes) == 1:
            other, c = clashes[0]
            message = f"{side_text(mine)} contradicts {side_text(other)} in {other.doc}: {c.explanation}"
        else:
            message = f"{side_text(mine)} contradicts {len(clashes)} claims: " + "; ".join(
                f"{side_text(o)} in {o.doc} ({c.kind}: {c.explanation})" for o, c in clashes)
        lines.append(f"::error file={_gh_property(path)},line={line},title={title}::{_gh_data(message)}")
    return "\n".join([*lines, *loose])


# ------------------------------------------------------------------ markdown

_MD_SPECIAL = "\\`*_[]<>#"


def md_escape(text: str) -> str:
    """Inline Markdown text: special characters backslash-escaped, one line."""
    out = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
    return " ".join(out.split())


def contradiction_index(contradictions: Sequence[Contradiction]
                        ) -> Callable[[Quantity], list[Contradiction]]:
    """A lookup from a quantity to its contradictions, in their given order.

    A contradiction belongs to a quantity when it names the quantity's key or
    involves one of its claims (so an exceeds-total pair shows under both the
    part and the whole).
    """
    by_key: dict[object, list[int]] = {}
    for i, c in enumerate(contradictions):
        for key in (("key", c.quantity), c.a, c.b):
            by_key.setdefault(key, []).append(i)

    def lookup(quantity: Quantity) -> list[Contradiction]:
        found: set[int] = set(by_key.get(("key", quantity.key), ()))
        for claim in quantity.claims:
            found.update(by_key.get(claim, ()))
        return [contradictions[i] for i in sorted(found)]

    return lookup


def summary_counts(quantities: Sequence[Quantity], contradictions: Sequence[Contradiction]) -> str:
    """``1 disputed, 1 revised, 3 consistent quantities; 2 contradictions (denial 1, disjoint 1)``."""
    status = Counter(q.status for q in quantities)
    kinds = Counter(c.kind for c in contradictions)
    text = f"{len(contradictions)} contradiction{'s' if len(contradictions) != 1 else ''}"
    if kinds:
        text += " (" + ", ".join(f"{k} {kinds[k]}" for k in sorted(kinds)) + ")"
    if quantities:
        text = (f"{status['disputed']} disputed, {status['revised']} revised, "
                f"{status['consistent']} consistent quantities; " + text)
    return text


def quantity_heading(q: Quantity) -> str:
    scope = f" ({q.scope})" if q.scope and q.scope != "all" else ""
    return f"{q.event}: {q.measure}{scope}"


def _estimate(q: Quantity) -> str:
    parts = []
    if q.best is not None:
        parts.append(f"best {format_number(q.best)}")
    if q.low != q.high:
        parts.append(f"range {format_interval(q.low, q.high, 'range')}")
    parts.append(f"{q.sources} independent source{'s' if q.sources != 1 else ''}")
    return ", ".join(parts)


def _claim_table_rows(q: Quantity) -> list[dict[str, Any]]:
    claims = chronological(q.claims) if q.status == "revised" else list(q.claims)
    return [
        {
            "claimant": md_escape(claimant_label(c)),
            "figure": claim_figure(c) + (f"{DERIVED_MARK} (derived)" if c.derived else "")
            + (" (current)" if q.current is not None and c == q.current else ""),
            "stance": c.stance,
            "published": _date(c.published),
            "source": md_escape(c.source or ""),
            "doc": md_escape(c.doc),
            "words": md_escape(c.text),
        }
        for c in claims
    ]


def _contradiction_item(c: Contradiction) -> str:
    return (f"- **{c.kind}** ({KIND_MEANINGS.get(c.kind, c.kind)}): "
            f"{md_escape(side_text(c.a))} in {md_escape(c.a.doc)} vs "
            f"{md_escape(side_text(c.b))} in {md_escape(c.b.doc)}. {md_escape(c.explanation)}")


def markdown_report(quantities: Sequence[Quantity], contradictions: Sequence[Contradiction], *,
                    title: str, include_all: bool = False, headers: bool = True) -> str:
    """A pull-request comment: heading, counts, one table per disputed or revised
    quantity (every quantity with ``include_all``), and every contradiction explained.
    A derived figure is marked ``*`` and called derived; ``headers=False`` leaves out the
    tables' header rows (``--no-headers``)."""
    shown = [q for q in quantities if include_all or is_reported(q)]
    out = [f"## {md_escape(title)}", "", summary_counts(quantities, contradictions), ""]
    if not shown and not contradictions:
        out += ["No disputed figures.", ""]
    placed: set[int] = set()
    lookup = contradiction_index(contradictions)
    position = {id(c): i for i, c in enumerate(contradictions)}
    for q in shown:
        out += [f"### {md_escape(quantity_heading(q))}", "",
                f"**{q.status}**: {_estimate(q)}", "",
                render(_claim_table_rows(q), "markdown", headers=headers), ""]
        mine = lookup(q)
        if mine:
            out += ["Contradictions:", ""]
            out += [_contradiction_item(c) for c in mine]
            out.append("")
        placed.update(position[id(c)] for c in mine)
    rest = [c for i, c in enumerate(contradictions) if i not in placed]
    if rest:
        out += ["### Other contradictions" if shown else "### Contradictions", ""]
        out += [_contradiction_item(c) for c in rest]
        out.append("")
    return "\n".join(out).rstrip("\n")
