"""The disputed-figures page: one self-contained HTML file.

For each disputed (or revised) quantity: a range chart in inline SVG with one
row per claimant figure in time order (its date, the claimant's full name and the
figure on a label line above its mark), the best estimate and its range drawn on
the shared number line (logarithmic when the figures span a wide range), a titled
axis; the figures table (linked to each source's article); the sentences behind
them with the figure highlighted; and the contradictions summarised in one
paragraph with the pairs folded below.  Derived figures carry a ``*`` mark.
No scripts, no external fetches (links to the articles are plain links), no
timestamps: the same input gives the same bytes.  Every text that comes from an
article is escaped.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from reconcile.model import Claim, Contradiction, Quantity
from reconcile.report.formats import (
    DERIVED_MARK,
    KIND_MEANINGS,
    chronological,
    claim_figure,
    format_interval,
    format_number,
    contradiction_index,
    is_reported,
    quantity_heading,
    side_text,
    summary_counts,
)

__all__ = ["render_html"]

# Chart geometry (SVG user units).  Each row is a label line (the date, the claimant and the
# figure, in full, wrapped when long) above its mark on the shared number line.
WIDTH = 720
X0, X1 = 16, 700           # the plotted number line
TOP = 30                   # room for the best-estimate label above the first row
LINE_H = 16                # one line of a row's label
MARK_H = 20                # the mark's own strip below its label
AXIS_GAP = 6
BOTTOM = 46                # tick labels and the axis title
BAR_H = 10
DOT_R = 6
ARROW = 9
LABEL_WRAP = 84            # characters per label line (a label is never cut)
LOG_RATIO = 50             # largest / smallest positive figure from which the axis is logarithmic


def e(text: object) -> str:
    """Escape for HTML text and attribute values."""
    return escape(str(text), quote=True)


def outlet_name(source: str | None) -> str | None:
    """The outlet's name out of a raw source header ("Tarsk Herald (via Wire; updated 10:00)")."""
    if not source:
        return None
    return re.split(r"\s*[(;|]|\s+[-–—]\s+", source, maxsplit=1)[0].strip() or source.strip()


def _label(claim: Claim) -> str:
    if claim.claimant:
        return claim.claimant
    outlet = outlet_name(claim.source)
    return f"{outlet} (own reporting)" if outlet else "(outlet)"


def _wrap(text: str, width: int = LABEL_WRAP) -> list[str]:
    """The label in lines of at most ``width`` characters, broken at spaces; every word kept."""
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _safe_url(url: str | None) -> str | None:
    """A link target only for web addresses (never ``javascript:`` or a local path)."""
    if url and re.match(r"(?i)https?://[^\s\"'<>]+$", url.strip()):
        return url.strip()
    return None


def _f(x: float) -> str:
    """A coordinate with at most one decimal."""
    return format_number(round(x, 1))


# ----------------------------------------------------------------- the scale

def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering [lo, hi]; whole-number steps (we count things)."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    step = max(step, 1.0)
    start = math.floor(lo / step) * step
    end = math.ceil(hi / step) * step
    n = int(round((end - start) / step))
    return [start + i * step for i in range(n + 1)]


def tick_label(t: float) -> str:
    return f"{int(t):,}" if float(t).is_integer() else format_number(t)


count_text = tick_label     # a count as people read it: 168,000


@dataclass(frozen=True)
class Scale:
    lo: float
    hi: float
    ticks: tuple[float, ...]
    log: bool = False           # log10(1 + v): zero stays on the axis

    def _t(self, v: float) -> float:
        return math.log10(1 + max(v, 0.0)) if self.log else v

    def x(self, v: float) -> float:
        lo, hi = self._t(self.lo), self._t(self.hi)
        return X0 + (self._t(v) - lo) / (hi - lo) * (X1 - X0)


def scale_for(claims: Sequence[Claim], extra: Sequence[float] = ()) -> Scale:
    """The number line for these figures (and ``extra`` values such as the best estimate):
    linear from zero as a rule; logarithmic when the largest figure is ``LOG_RATIO`` times the
    smallest positive one (one figure of 168,000 would flatten marks of 20 and 50)."""
    finite = [float(b) for c in claims for b in (c.low, c.high) if b is not None]
    finite += [float(v) for v in extra if v is not None]
    if not finite:
        ticks = nice_ticks(0, 1)
        return Scale(ticks[0], ticks[-1], tuple(ticks))
    vmin, vmax = min(finite), max(finite)
    positive = [v for v in finite if v > 0]
    if vmin >= 0 and positive and vmax >= LOG_RATIO * min(positive) and vmax >= 100:
        top = 10 ** math.ceil(math.log10(vmax * 1.05))
        ticks = [0.0] + [10.0 ** k for k in range(0, int(round(math.log10(top))) + 1)]
        return Scale(0.0, float(top), tuple(ticks), log=True)
    lo = 0.0 if vmin >= 0 and (vmin == vmax or vmin <= vmax / 2) else vmin
    hi = max(vmax, lo + 1)
    hi += (hi - lo) * 0.04              # keep marks off the last tick
    if any(c.high is None and c.low is not None for c in claims) or vmin == vmax:
        hi += (hi - lo) * 0.2           # room for open bars and lone dots
    ticks = nice_ticks(lo, hi)
    return Scale(ticks[0], ticks[-1], tuple(ticks))


# ----------------------------------------------------------------- the marks

@dataclass(frozen=True)
class Row:
    claim: Claim
    count: int                 # identical figures from the same claimant
    current: bool = False
    date: "dt.date | None" = None   # the earliest report of this figure


def _date_key(c: Claim) -> tuple[bool, "dt.date"]:
    return (c.published is None, c.published or dt.date.min)


def chart_rows(q: Quantity) -> list[Row]:
    """One row per distinct (claimant, figure, stance), in time order (undated rows last).  A
    revised quantity keeps one row per report date (the toll over time); otherwise a claimant's
    identical reports share a row dated by the earliest."""
    revised = q.status == "revised"
    claims = chronological(q.claims)
    order: list[tuple] = []
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        key = (c.claimant, c.source if not c.claimant else None, c.low, c.high, c.qualifier,
               c.vague, c.stance, c.derived, c.published if revised else None)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)
    return [Row(groups[k][0], len(groups[k]),
                current=q.current is not None and q.current in groups[k],
                date=groups[k][0].published) for k in order]


def _figure(c: Claim) -> str:
    """The figure as text, ``*`` after a derived one."""
    return claim_figure(c) + (DERIVED_MARK if c.derived else "")


def row_label(row: Row) -> str:
    """``2032-02-12 · the interior ministry: 41``, every word of the claimant kept."""
    c = row.claim
    name = _label(c)
    date = f"{row.date.isoformat()} · " if row.date else ""
    count = f" (×{row.count})" if row.count > 1 else ""
    notes = [n for n in ("derived" if c.derived else "", "denied" if c.stance == "deny" else "",
                         "current" if row.current else "") if n]
    return f"{date}{name}{count}: {_figure(c)}" + (f" ({', '.join(notes)})" if notes else "")


def _classes(c: Claim, *extra: str) -> str:
    names = ["claim-mark", *extra, f"stance-{c.stance}"]
    if c.vague:
        names.append("vague")
    if c.qualifier == "about":
        names.append("about")
    return " ".join(names)


def mark_svg(c: Claim, scale: Scale, cy: float, tooltip: str) -> tuple[str, float]:
    """The SVG group for one claim figure, and the x of its centre (for the trend line)."""
    title = f"<title>{e(tooltip)}</title>"
    low, high = c.low, c.high
    top = cy - BAR_H / 2
    if low is None and high is None:
        shape = (f'<text class="unknown" x="{_f(X0)}" y="{_f(cy + 4)}">?</text>')
        return f'<g class="{_classes(c, "unknown")}">{title}{shape}</g>', X0
    if low is not None and high is not None and float(low) == float(high):
        x = scale.x(float(low))
        shape = f'<circle class="dot" cx="{_f(x)}" cy="{_f(cy)}" r="{DOT_R}"/>'
        return f'<g class="{_classes(c, "point")}">{title}{shape}</g>', x
    if low is not None and high is not None:
        x0, x1 = scale.x(float(low)), scale.x(float(high))
        shape = (f'<rect class="bar" x="{_f(x0)}" y="{_f(top)}" width="{_f(max(x1 - x0, 2))}" '
                 f'height="{BAR_H}" rx="3"/>')
        return f'<g class="{_classes(c, "range")}">{title}{shape}</g>', (x0 + x1) / 2
    if high is None:                                   # at least / more than: open to the right
        x0 = scale.x(float(low))  # type: ignore[arg-type]
        tip = X1 + 4
        shape = (f'<rect class="bar" x="{_f(x0)}" y="{_f(top)}" width="{_f(max(tip - ARROW - x0, 2))}" '
                 f'height="{BAR_H}"/>'
                 f'<polygon class="arrow" points="{_f(tip - ARROW)},{_f(cy - ARROW)} {_f(tip)},{_f(cy)} '
                 f'{_f(tip - ARROW)},{_f(cy + ARROW)}"/>')
        return f'<g class="{_classes(c, "open-high")}">{title}{shape}</g>', x0
    x1 = scale.x(float(high))                          # up to / fewer than: open to the left
    tip = X0 - 4
    shape = (f'<rect class="bar" x="{_f(tip + ARROW)}" y="{_f(top)}" width="{_f(max(x1 - tip - ARROW, 2))}" '
             f'height="{BAR_H}"/>'
             f'<polygon class="arrow" points="{_f(tip + ARROW)},{_f(cy - ARROW)} {_f(tip)},{_f(cy)} '
             f'{_f(tip + ARROW)},{_f(cy + ARROW)}"/>')
    return f'<g class="{_classes(c, "open-low")}">{title}{shape}</g>', x1


def axis_title(q: Quantity, scale: Scale) -> str:
    scope = f" ({q.scope})" if q.scope and q.scope not in ("all",) else ""
    return f"number {q.measure}{scope}" + (", log scale" if scale.log else "")


def chart_svg(q: Quantity, ident: str) -> str:
    """The range chart of one quantity: a label line and a mark per row, the best estimate
    (a line) and its range (a band) over every row, ticks and a titled axis."""
    rows = chart_rows(q)
    revised = q.status == "revised"
    scale = scale_for([r.claim for r in rows], [v for v in (q.best, q.low, q.high) if v is not None])
    layout: list[tuple[list[str], float, float]] = []    # (label lines, row top, mark centre)
    y = TOP
    for row in rows:
        lines = _wrap(row_label(row))
        layout.append((lines, y, y + len(lines) * LINE_H + MARK_H / 2 + 2))
        y += len(lines) * LINE_H + MARK_H + 4
    plot_bottom = y
    axis_y = plot_bottom + AXIS_GAP
    height = axis_y + BOTTOM
    back: list[str] = []
    estimate: list[str] = []
    grid: list[str] = []
    parts: list[str] = []
    if q.low is not None or q.high is not None:
        lo = scale.x(float(q.low)) if q.low is not None else X0
        hi = scale.x(float(q.high)) if q.high is not None else X1
        estimate.append(f'<rect class="estimate-range" x="{_f(lo)}" y="{_f(TOP - 4)}" width="{_f(max(hi - lo, 2))}" '
                    f'height="{_f(axis_y - TOP + 4)}"><title>range of the figures: '
                    f'{e(format_interval(q.low, q.high, "range"))}</title></rect>')
    for t in scale.ticks:
        x = _f(scale.x(t))
        # the last tick's label ends at the plot's edge (a long "1,000,000" is not clipped)
        anchor = "end" if scale.x(t) > X1 - 20 else "middle"
        grid.append(f'<line class="grid" x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{_f(axis_y)}"/>')
        grid.append(f'<text class="tick" x="{x}" y="{_f(axis_y + 16)}" text-anchor="{anchor}">'
                    f'{tick_label(t)}</text>')
    grid.append(f'<line class="axis" x1="{X0}" y1="{_f(axis_y)}" x2="{X1}" y2="{_f(axis_y)}"/>')
    grid.append(f'<text class="axis-title" x="{_f((X0 + X1) / 2)}" y="{_f(axis_y + 36)}" '
                f'text-anchor="middle">{e(axis_title(q, scale))}</text>')
    if q.best is not None:
        bx = scale.x(float(q.best))
        anchor = "end" if bx > (X0 + X1) / 2 else "start"
        tx = bx - 4 if anchor == "end" else bx + 4
        grid.append(f'<line class="best" x1="{_f(bx)}" y1="{TOP - 12}" x2="{_f(bx)}" y2="{_f(axis_y)}"/>'
                    f'<text class="best-label" x="{_f(tx)}" y="{TOP - 14}" text-anchor="{anchor}">'
                    f'best estimate {e(count_text(q.best))}</text>')
    centres: list[tuple[float, float]] = []
    words: list[str] = []
    for i, (row, (lines, top, cy)) in enumerate(zip(rows, layout)):
        c = row.claim
        tip = row_label(row) + f" ({c.stance})"
        words.append(tip)
        if i % 2:
            back.append(f'<rect class="band" x="0" y="{_f(top - 2)}" width="{WIDTH}" '
                        f'height="{_f(len(lines) * LINE_H + MARK_H + 4)}"/>')
        spans = "".join(f'<tspan x="{X0}" dy="{0 if k == 0 else LINE_H}">{e(line)}</tspan>'
                        for k, line in enumerate(lines))
        parts.append(f'<text class="label{" current" if row.current else ""}" x="{X0}" '
                     f'y="{_f(top + LINE_H - 3)}">{spans}</text>')
        mark, cx = mark_svg(c, scale, cy, tip)
        parts.append(mark)
        centres.append((cx, cy))
    trend = []
    if revised and len(centres) > 1:
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in centres)
        trend.append(f'<polyline class="trend" points="{points}"/>')
    kind = "figures over time" if revised else "figures claimed, oldest first"
    best = f", best estimate {format_number(q.best)}" if q.best is not None else ""
    label = f"{quantity_heading(q)}, {q.status}{best}, {kind}: " + "; ".join(words)
    return (
        f'<svg class="chart" role="img" aria-labelledby="{ident}-title" aria-label="{e(label)}" '
        f'viewBox="0 0 {WIDTH} {_f(height)}" width="{WIDTH}" height="{_f(height)}" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{ident}-title">{e(label)}</title>'
        + "".join(back + estimate + grid + trend + parts) + "</svg>"
    )


# ------------------------------------------------------------ the sentences

def highlighted(sentence: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The sentence escaped, each (start, end, tooltip) span inside <mark>."""
    out: list[str] = []
    pos = 0
    for start, end, tip in sorted(spans):
        if start < pos:
            continue                                   # overlapping spans: keep the first
        out.append(e(sentence[pos:start]))
        out.append(f'<mark title="{e(tip)}">{e(sentence[start:end])}</mark>')
        pos = end
    out.append(e(sentence[pos:]))
    return "".join(out)


def _span_in(c: Claim) -> tuple[int, int] | None:
    s, t = c.start - c.sentence_start, c.end - c.sentence_start
    if 0 <= s < t <= len(c.sentence) and (not c.text or c.sentence[s:t] == c.text):
        return s, t
    if c.text and c.text in c.sentence:
        s = c.sentence.index(c.text)
        return s, s + len(c.text)
    return None


def _source_html(c: Claim) -> str:
    """The outlet's name (the raw header in its title), a link to the article when it has a URL."""
    name = outlet_name(c.source) or ""
    url = _safe_url(c.url)
    title = f' title="{e(c.source)}"' if c.source and c.source != name else ""
    if url:
        return f'<a href="{e(url)}"{title} rel="noopener">{e(name or url)}</a>'
    return f"<span{title}>{e(name)}</span>" if title else e(name)


def sentences_html(claims: Sequence[Claim]) -> str:
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        groups.setdefault((c.doc, c.sentence_start, c.sentence or c.text), []).append(c)
    items = []
    for (doc, _, sentence), members in groups.items():
        spans = []
        for c in members:
            span = _span_in(c) if c.sentence else (0, len(c.text))
            if span:
                spans.append((*span, side_text(c)))
        first = members[0]
        who = "; ".join(dict.fromkeys(f"{_label(c)} ({c.stance})" for c in members))
        where = [e(x) for x in (first.published.isoformat() if first.published else None, doc) if x]
        if first.source or _safe_url(first.url):
            where.insert(0, _source_html(first))
        items.append(f'<li><blockquote>{highlighted(sentence, spans)}</blockquote>'
                     f'<p class="cite">{e(who)}, {" · ".join(where)}</p></li>')
    return '<ol class="sentences">' + "".join(items) + "</ol>"


# ------------------------------------------------------------------ the page

DERIVED_TITLE = "derived: computed by a rule from other figures, not stated in a text"


def figures_table(q: Quantity) -> str:
    """One row per claim, oldest report first; on a narrow screen each row is a small card."""
    claims = chronological(q.claims)
    cols = ("Published", "Claimant", "Figure", "Stance", "Source", "Document")
    head = "<tr>" + "".join(f'<th scope="col">{c}</th>' for c in cols) + "</tr>"
    body = []
    for c in claims:
        current = ' <span class="pill">current</span>' if q.current is not None and c == q.current else ""
        derived = (f'<abbr class="derived" title="{e(DERIVED_TITLE)}">{DERIVED_MARK}</abbr>'
                   if c.derived else "")
        cells = (
            ("Published", e(c.published.isoformat() if c.published else "")),
            ("Claimant", e(_label(c))),
            ("Figure", f"{e(claim_figure(c))}{derived}{current}"),
            ("Stance", e(c.stance)),
            ("Source", _source_html(c)),
            ("Document", f"<code>{e(c.doc)}</code>"),
        )
        body.append("<tr>" + "".join(
            f'<td data-label="{name}"{" class=" + chr(34) + "num" + chr(34) if name == "Figure" else ""}>'
            f"{value}</td>" for name, value in cells) + "</tr>")
    return (f'<div class="table-wrap"><table class="figures"><caption>Figures behind this number, '
            f"oldest report first</caption><thead>{head}</thead><tbody>{''.join(body)}</tbody></table></div>")


def contradiction_items(contradictions: Sequence[Contradiction]) -> str:
    items = []
    for c in contradictions:
        items.append(
            f'<li class="contradiction kind-{e(c.kind)}"><p><strong class="kind">{e(c.kind)}</strong>: '
            f"{e(KIND_MEANINGS.get(c.kind, c.kind))}.</p>"
            f"<p>{e(c.explanation)}</p>"
            f'<p class="sides">{e(side_text(c.a))} <span class="doc">({e(c.a.doc)})</span> versus '
            f'{e(side_text(c.b))} <span class="doc">({e(c.b.doc)})</span></p></li>')
    return '<ul class="contradictions">' + "".join(items) + "</ul>"


def _names(items: Sequence[str], limit: int = 4) -> str:
    items = list(dict.fromkeys(items))
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def contradictions_summary(q: Quantity | None, contradictions: Sequence[Contradiction]) -> str:
    """The contradictions of one quantity in one paragraph: how many pairs of which kinds, who
    is involved, and the span of the figures in conflict."""
    n = len(contradictions)
    kinds = Counter(c.kind for c in contradictions)
    kind_text = _names([f"{k} {v}" if v > 1 else k for k, v in sorted(kinds.items())], limit=6)
    sides = [side for c in contradictions for side in (c.a, c.b)]
    voices = _names([_label(s) for s in chronological(sides)])
    text = (f"{n} pair{'s' if n != 1 else ''} of figures cannot both hold ({kind_text}), "
            f"between {voices}.")
    bounds = [float(b) for s in sides for b in (s.low, s.high) if b is not None]
    if len(set(bounds)) > 1:
        text += f" The figures in conflict run from {count_text(min(bounds))} to {count_text(max(bounds))}."
    if q is not None and q.best is not None:
        text += f" The best estimate is {count_text(q.best)}."
    return f'<p class="conflict-summary">{e(text)}</p>'


def _estimate_html(q: Quantity) -> str:
    parts = [f'<span class="status status-{e(q.status)}">{e(q.status)}</span>']
    if q.best is not None:
        parts.append(f"best estimate <strong>{e(count_text(q.best))}</strong>")
    if q.low != q.high:
        parts.append(f"range {e(format_interval(q.low, q.high, 'range'))}")
    parts.append(f"{q.sources} independent source{'s' if q.sources != 1 else ''}")
    return '<p class="estimate">' + " · ".join(parts) + "</p>"


def quantity_section(q: Quantity, ident: str, mine: Sequence[Contradiction]) -> str:
    caption = ("Each row is a report, oldest first; the dotted line follows the figure over time. "
               if q.status == "revised" else
               "Each row is a claimant's figure on one number line, oldest report first. ")
    caption += "The vertical line is the best estimate, the shaded band the range of the figures."
    out = [
        f'<section class="quantity" id="{ident}" aria-labelledby="{ident}-h">',
        f'<h2 id="{ident}-h">{e(quantity_heading(q))}</h2>',
        _estimate_html(q),
    ]
    if mine:
        out.append(contradictions_summary(q, mine))
    out += [
        f'<figure>{chart_svg(q, ident)}<figcaption>{caption}</figcaption></figure>',
        figures_table(q),
        "<h3>What the sources say</h3>",
        sentences_html(chronological(q.claims)),
    ]
    if mine:
        n = len(mine)
        out += ["<h3>Why these figures conflict</h3>",
                f'<details class="pairs"><summary>The {n} pair{"s" if n != 1 else ""}, one by one</summary>'
                + contradiction_items(mine) + "</details>"]
    out.append("</section>")
    return "\n".join(out)


LEGEND = (
    '<p class="legend">'
    '<svg aria-hidden="true" width="18" height="14" viewBox="0 0 18 14">'
    '<circle class="dot" cx="9" cy="7" r="5"/></svg> exact figure '
    '<svg aria-hidden="true" width="30" height="14" viewBox="0 0 30 14">'
    '<rect class="bar" x="2" y="2" width="26" height="10" rx="3"/></svg> range '
    '<svg aria-hidden="true" width="34" height="14" viewBox="0 0 34 14">'
    '<rect class="bar" x="2" y="2" width="22" height="10"/>'
    '<polygon class="arrow" points="24,0 32,7 24,14"/></svg> open-ended (at least, up to) '
    '<svg aria-hidden="true" width="30" height="14" viewBox="0 0 30 14"><g class="vague">'
    '<rect class="bar" x="2" y="2" width="26" height="10" rx="3"/></g></svg> vague '
    '<svg aria-hidden="true" width="18" height="14" viewBox="0 0 18 14"><g class="about">'
    '<circle class="dot" cx="9" cy="7" r="5"/></g></svg> about '
    '<svg aria-hidden="true" width="18" height="14" viewBox="0 0 18 14"><g class="stance-deny">'
    '<circle class="dot" cx="9" cy="7" r="5"/></g></svg> denied by the claimant '
    '<svg aria-hidden="true" width="14" height="16" viewBox="0 0 14 16">'
    '<line class="best" x1="7" y1="0" x2="7" y2="16"/></svg> best estimate '
    '<svg aria-hidden="true" width="26" height="16" viewBox="0 0 26 16">'
    '<rect class="estimate-range" x="1" y="0" width="24" height="16"/></svg> range of the figures '
    f'<abbr class="derived" title="{DERIVED_TITLE}">{DERIVED_MARK}</abbr> derived (computed, not stated)'
    "</p>"
)

CSS = """
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #5b6470; --grid: #d5dae0; --band: #f3f5f7;
  --mark: #1f5fbf; --range: #2f7d4f; --deny: #b3261e; --hl: #ffe08a; --hl-fg: #1b1f24;
  --card: #fafbfc; --border: #d0d7de; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1419; --fg: #e6e9ed; --muted: #9aa5b1; --grid: #39424c; --band: #171e25;
    --mark: #79b0ff; --range: #6fd39a; --deny: #ff8a80; --hl: #6b5300; --hl-fg: #fff6d5;
    --card: #151b22; --border: #2f3842; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { margin-top: 0; } h2 { margin-bottom: .25rem; }
a { color: var(--mark); }
.summary, .legend, .cite, figcaption, .doc { color: var(--muted); }
.legend svg { vertical-align: middle; }
section.quantity { border-top: 1px solid var(--border); padding-top: 1rem; margin-top: 2rem; }
.status { font-weight: 600; text-transform: uppercase; font-size: .8rem; letter-spacing: .04em;
  padding: .1rem .4rem; border-radius: .3rem; border: 1px solid currentColor; }
.status-disputed { color: var(--deny); } .status-revised { color: var(--mark); }
.status-consistent { color: var(--range); }
figure { margin: 1rem 0; overflow-x: auto; }
svg.chart { display: block; width: 100%; max-width: 45rem; height: auto; font-size: 13px; }
svg text { fill: var(--fg); } svg .tick, svg .value { fill: var(--muted); }
svg .value.current { fill: var(--fg); font-weight: 700; }
svg .grid { stroke: var(--grid); stroke-width: 1; } svg .axis { stroke: var(--muted); }
svg .band { fill: var(--band); }
svg .dot { fill: var(--mark); stroke: var(--mark); stroke-width: 2; }
svg .about .dot { fill: var(--bg); }
svg .bar, svg .arrow { fill: var(--range); stroke: var(--range); stroke-width: 1.5; }
svg .vague .dot, svg .vague .bar { fill-opacity: .15; stroke-dasharray: 4 3; }
svg .stance-deny .dot, svg .stance-deny .bar, svg .stance-deny .arrow
  { fill: var(--bg); stroke: var(--deny); stroke-width: 2; }
svg .stance-hedge { opacity: .7; }
svg .estimate-range { fill: var(--mark); fill-opacity: .08; stroke: none; }
svg .best { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 6 3; }
svg .best-label { font-weight: 700; } svg .axis-title { fill: var(--muted); }
svg .label.current { font-weight: 700; }
abbr.derived { text-decoration: none; font-weight: 700; color: var(--deny); cursor: help; }
.conflict-summary { border-left: 3px solid var(--deny); padding-left: .6rem; }
details.pairs > summary { cursor: pointer; color: var(--muted); }
svg .trend { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 2 3; }
div.table-wrap { max-width: 100%; overflow-x: auto; }
table.figures { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
table.figures code { overflow-wrap: anywhere; }
table.figures td:first-child { white-space: nowrap; }
table.figures caption { text-align: left; color: var(--muted); }
table.figures th, table.figures td { border-bottom: 1px solid var(--border); padding: .3rem .5rem;
  text-align: left; vertical-align: top; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.pill { font-size: .75rem; border: 1px solid currentColor; border-radius: .6rem; padding: 0 .35rem; }
ol.sentences { padding-left: 1.2rem; }
blockquote { margin: .5rem 0 0; padding: .4rem .8rem; background: var(--card);
  border-left: 3px solid var(--border); }
mark { background: var(--hl); color: var(--hl-fg); padding: 0 .1rem; border-radius: .15rem; }
.cite { margin: .2rem 0 .8rem; font-size: .9rem; }
ul.contradictions { padding-left: 1.2rem; }
.contradiction .kind { color: var(--deny); }
code { font-size: .85em; }
.cite, .sides, blockquote { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { padding: .75rem; }
  figure { overflow-x: auto; }
  svg.chart { width: 34rem; max-width: none; }
  table.figures thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.figures, table.figures tbody, table.figures tr, table.figures td { display: block; width: 100%; }
  table.figures caption { display: block; }
  table.figures tr { border-bottom: 1px solid var(--border); padding: .3rem 0; }
  table.figures td { border: 0; padding: .1rem .25rem; white-space: normal; }
  table.figures td::before { content: attr(data-label) ": "; color: var(--muted); }
}
""".strip()


def render_html(quantities: Sequence[Quantity], contradictions: Sequence[Contradiction], *,
                include_all: bool = False, title: str = "Disputed figures") -> str:
    """The whole page as one string (UTF-8 text, nothing fetched from elsewhere)."""
    shown = [q for q in quantities if include_all or is_reported(q)]
    sections: list[str] = []
    placed: set[int] = set()
    lookup = contradiction_index(contradictions)
    position = {id(c): i for i, c in enumerate(contradictions)}
    for n, q in enumerate(shown, 1):
        mine = lookup(q)
        placed.update(position[id(c)] for c in mine)
        sections.append(quantity_section(q, f"q-{n}", mine))
    rest = [c for i, c in enumerate(contradictions) if i not in placed]
    if rest:
        sections.append('<section class="others" id="other-contradictions">'
                        "<h2>Other contradictions</h2>" + contradiction_items(rest) + "</section>")
    if not sections:
        sections.append('<p class="empty">No disputed figures.</p>')
    nav = ""
    if len(shown) > 1:
        links = "".join(f'<li><a href="#q-{n}">{e(quantity_heading(q))}</a> '
                        f'<span class="summary">({e(q.status)})</span></li>'
                        for n, q in enumerate(shown, 1))
        nav = f'<nav aria-label="Quantities"><ol>{links}</ol></nav>'
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{e(title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        f"<header><h1>{e(title)}</h1>",
        f'<p class="summary">{e(summary_counts(quantities, contradictions))}</p>',
        LEGEND,
        "</header>",
        nav,
        "<main>",
        *sections,
        "</main>",
        "</body>",
        "</html>",
        "",
    ])
