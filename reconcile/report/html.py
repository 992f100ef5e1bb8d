"""The disputed-figures page: one self-contained HTML file.

For each disputed (or revised) quantity: a range chart in inline SVG with one
mark per claimant figure on a shared number line, the figures table, the
sentences behind them with the figure highlighted, and the contradictions in
words.  No scripts, no external fetches, no timestamps: the same input gives
the same bytes.  Every text that comes from an article is escaped.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from reconcile.model import Claim, Contradiction, Quantity
from reconcile.report.formats import (
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

# Chart geometry (SVG user units).
WIDTH = 720
LABEL_RIGHT = 196          # claimant labels end here (text-anchor: end)
X0, X1 = 210, 580          # the plotted number line
VALUE_X = 596              # the figure as text
TOP = 14
ROW_H = 28
AXIS_GAP = 8
BOTTOM = 34
BAR_H = 10
DOT_R = 6
ARROW = 9
LABEL_MAX = 30


def e(text: object) -> str:
    """Escape for HTML text and attribute values."""
    return escape(str(text), quote=True)


def _label(claim: Claim) -> str:
    if claim.claimant:
        return claim.claimant
    if not claim.source:
        return "(outlet)"
    outlet = re.split(r"\s*[(;]", claim.source, maxsplit=1)[0].strip() or claim.source
    return f"{outlet} (own reporting)"


def _short(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


@dataclass(frozen=True)
class Scale:
    lo: float
    hi: float
    ticks: tuple[float, ...]

    def x(self, v: float) -> float:
        return X0 + (v - self.lo) / (self.hi - self.lo) * (X1 - X0)


def scale_for(claims: Sequence[Claim]) -> Scale:
    finite = [float(b) for c in claims for b in (c.low, c.high) if b is not None]
    if not finite:
        ticks = nice_ticks(0, 1)
        return Scale(ticks[0], ticks[-1], tuple(ticks))
    vmin, vmax = min(finite), max(finite)
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


def chart_rows(q: Quantity) -> list[Row]:
    """One row per distinct (claimant, figure, stance); by date when revised."""
    revised = q.status == "revised"
    claims = chronological(q.claims) if revised else list(q.claims)
    order: list[tuple] = []
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        key = (c.claimant, c.source if not c.claimant else None, c.low, c.high, c.qualifier,
               c.vague, c.stance, c.published if revised else None)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)
    return [Row(groups[k][0], len(groups[k]),
                current=q.current is not None and q.current in groups[k]) for k in order]


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


def chart_svg(q: Quantity, ident: str) -> str:
    """The range chart of one quantity."""
    rows = chart_rows(q)
    revised = q.status == "revised"
    scale = scale_for([r.claim for r in rows])
    plot_bottom = TOP + len(rows) * ROW_H
    axis_y = plot_bottom + AXIS_GAP
    height = axis_y + BOTTOM
    bands: list[str] = []
    grid: list[str] = []
    parts: list[str] = []
    for t in scale.ticks:
        x = _f(scale.x(t))
        grid.append(f'<line class="grid" x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{_f(axis_y)}"/>')
        grid.append(f'<text class="tick" x="{x}" y="{_f(axis_y + 18)}" text-anchor="middle">'
                    f'{tick_label(t)}</text>')
    grid.append(f'<line class="axis" x1="{X0}" y1="{_f(axis_y)}" x2="{X1}" y2="{_f(axis_y)}"/>')
    centres: list[tuple[float, float]] = []
    words: list[str] = []
    for i, row in enumerate(rows):
        c = row.claim
        cy = TOP + i * ROW_H + ROW_H / 2
        name = _label(c)
        if revised and c.published:
            name = f"{c.published.isoformat()} · {name}"
        shown = _short(name) + (f" (×{row.count})" if row.count > 1 else "")
        figure = claim_figure(c)
        tip = f"{name}: {figure} ({c.stance})" + (f", {row.count} reports" if row.count > 1 else "")
        words.append(tip)
        if i % 2:
            bands.append(f'<rect class="band" x="0" y="{_f(cy - ROW_H / 2)}" width="{WIDTH}" '
                         f'height="{ROW_H}"/>')
        parts.append(f'<text class="label" x="{LABEL_RIGHT}" y="{_f(cy + 4)}" text-anchor="end">'
                     f'{e(shown)}</text>')
        mark, cx = mark_svg(c, scale, cy, tip)
        parts.append(mark)
        centres.append((cx, cy))
        value = figure + (" (current)" if row.current else "")
        parts.append(f'<text class="value{" current" if row.current else ""}" x="{VALUE_X}" '
                     f'y="{_f(cy + 4)}">{e(value)}</text>')
    trend = []
    if revised and len(centres) > 1:
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in centres)
        trend.append(f'<polyline class="trend" points="{points}"/>')
    kind = "figures over time" if revised else "figures claimed"
    label = f"{quantity_heading(q)}, {q.status}, {kind}: " + "; ".join(words)
    return (
        f'<svg class="chart" role="img" aria-labelledby="{ident}-title" aria-label="{e(label)}" '
        f'viewBox="0 0 {WIDTH} {_f(height)}" width="{WIDTH}" height="{_f(height)}" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{ident}-title">{e(label)}</title>'
        + "".join(bands + grid + trend + parts) + "</svg>"
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
        where = [x for x in (first.source, first.published.isoformat() if first.published else None, doc) if x]
        items.append(f'<li><blockquote>{highlighted(sentence, spans)}</blockquote>'
                     f'<p class="cite">{e(who)}, {e(" · ".join(where))}</p></li>')
    return '<ol class="sentences">' + "".join(items) + "</ol>"


# ------------------------------------------------------------------ the page

def figures_table(q: Quantity) -> str:
    revised = q.status == "revised"
    claims = chronological(q.claims) if revised else list(q.claims)
    head = ("<tr><th scope=\"col\">Claimant</th><th scope=\"col\">Figure</th>"
            "<th scope=\"col\">Stance</th><th scope=\"col\">Published</th>"
            "<th scope=\"col\">Source</th><th scope=\"col\">Document</th></tr>")
    body = []
    for c in claims:
        current = ' <span class="pill">current</span>' if q.current is not None and c == q.current else ""
        body.append(
            f"<tr><td>{e(_label(c))}</td><td class=\"num\">{e(claim_figure(c))}{current}</td>"
            f"<td>{e(c.stance)}</td><td>{e(c.published.isoformat() if c.published else '')}</td>"
            f"<td>{e(c.source or '')}</td><td><code>{e(c.doc)}</code></td></tr>")
    return (f'<table class="figures"><caption>Figures behind this number</caption>'
            f"<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")


def contradictions_html(contradictions: Sequence[Contradiction]) -> str:
    items = []
    for c in contradictions:
        items.append(
            f'<li class="contradiction kind-{e(c.kind)}"><p><strong class="kind">{e(c.kind)}</strong>: '
            f"{e(KIND_MEANINGS.get(c.kind, c.kind))}.</p>"
            f"<p>{e(c.explanation)}</p>"
            f'<p class="sides">{e(side_text(c.a))} <span class="doc">({e(c.a.doc)})</span> versus '
            f'{e(side_text(c.b))} <span class="doc">({e(c.b.doc)})</span></p></li>')
    return '<ul class="contradictions">' + "".join(items) + "</ul>"


def _estimate_html(q: Quantity) -> str:
    parts = [f'<span class="status status-{e(q.status)}">{e(q.status)}</span>']
    if q.best is not None:
        parts.append(f"best estimate <strong>{e(format_number(q.best))}</strong>")
    if q.low != q.high:
        parts.append(f"range {e(format_interval(q.low, q.high, 'range'))}")
    parts.append(f"{q.sources} independent source{'s' if q.sources != 1 else ''}")
    return '<p class="estimate">' + " · ".join(parts) + "</p>"


def quantity_section(q: Quantity, ident: str, mine: Sequence[Contradiction]) -> str:
    caption = ("Each row is a report, oldest first; the line follows the figure over time."
               if q.status == "revised" else
               "Each row is a claimant's figure on one number line.")
    out = [
        f'<section class="quantity" id="{ident}" aria-labelledby="{ident}-h">',
        f'<h2 id="{ident}-h">{e(quantity_heading(q))}</h2>',
        _estimate_html(q),
        f'<figure>{chart_svg(q, ident)}<figcaption>{caption}</figcaption></figure>',
        figures_table(q),
        "<h3>What the sources say</h3>",
        sentences_html(chronological(q.claims) if q.status == "revised" else q.claims),
    ]
    if mine:
        out += ["<h3>Why these figures conflict</h3>", contradictions_html(mine)]
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
    '<circle class="dot" cx="9" cy="7" r="5"/></g></svg> denied by the claimant'
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
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
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
svg .trend { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 2 3; }
table.figures { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
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
                        "<h2>Other contradictions</h2>" + contradictions_html(rest) + "</section>")
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
