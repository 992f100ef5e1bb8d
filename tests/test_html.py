"""The HTML page: SVG range charts, sentences, escaping, self-containment, and a real browser.

Every sentence below is invented for these tests.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from html import escape as html_escape
from pathlib import Path

import pytest

from reconcile.model import Claim, Contradiction, EventAnchor, Quantity
from reconcile.report import render_html
from reconcile.report.html import X0, X1, nice_ticks

D = dt.date


def make_claim(sentence: str, words: str, low, high, *, qualifier="exact", vague=False,
               claimant=None, stance="assert", doc="news/quake.txt", offset=300,
               measure="killed", published=None, source=None) -> Claim:
    at = sentence.index(words)
    return Claim(doc=doc, start=offset + at, end=offset + at + len(words), text=words,
                 measure=measure, low=low, high=high, qualifier=qualifier, vague=vague,
                 claimant=claimant, stance=stance, sentence=sentence, sentence_start=offset,
                 event=EventAnchor(date=D(2032, 2, 11), place="Tarsk"),
                 published=published, source=source)


MINISTRY = make_claim("The interior ministry said 41 people were killed in Tarsk.", "41", 41, 41,
                      claimant="the interior ministry", published=D(2032, 2, 12), source="Tarsk Herald")
MEDICS = make_claim("Volunteer medics counted between 60 and 75 bodies in the old town.",
                    "between 60 and 75", 60, 75, qualifier="range", claimant="volunteer medics",
                    doc="news/medics.txt", offset=40, published=D(2032, 2, 13))
AT_LEAST = make_claim("At least 50 residents died, the mayor's office said.", "At least 50", 50, None,
                      qualifier="at-least", claimant="the mayor's office", doc="news/mayor.txt",
                      offset=0)
UP_TO = make_claim("A rescue captain said up to 90 may have died.", "up to 90", None, 90,
                   qualifier="up-to", claimant="a rescue captain", doc="news/mayor.txt", offset=120)
DOZENS = make_claim("Dozens were killed, witnesses told our correspondent.", "Dozens", 24, None,
                    qualifier="vague", vague=True, claimant="witnesses", doc="news/witness.txt")
DENIAL = make_claim("The governor rejected reports that 41 had died, calling them inflated.", "41",
                    41, 41, claimant="the governor", stance="deny", doc="news/gov.txt", offset=77)

KILLED = Quantity(key="2032-02-11 Tarsk|killed|all", event="2032-02-11 Tarsk earthquake",
                  measure="killed", scope="all",
                  claims=(MINISTRY, MEDICS, AT_LEAST, UP_TO, DOZENS, DENIAL),
                  low=41, best=50, high=75, status="disputed", sources=5)

DAY1 = make_claim("Hospital staff reported 12 injured on Tuesday.", "12", 12, 12, claimant="hospital staff",
                  measure="wounded", doc="news/day1.txt", published=D(2032, 2, 11))
DAY2 = make_claim("Hospital staff now report 57 injured.", "57", 57, 57, claimant="hospital staff",
                  measure="wounded", doc="news/day2.txt", published=D(2032, 2, 12))
DAY3 = make_claim("The count of injured rose to about 80, hospital staff said.", "about 80", 80, 80,
                  qualifier="about", claimant="hospital staff", measure="wounded",
                  doc="news/day3.txt", published=D(2032, 2, 14))
WOUNDED = Quantity(key="2032-02-11 Tarsk|wounded|all", event="2032-02-11 Tarsk earthquake",
                   measure="wounded", scope="all", claims=(DAY3, DAY1, DAY2), low=80, best=80,
                   high=80, status="revised", sources=1, current=DAY3)

CALM = make_claim("Nine bridges were closed, the roads agency said.", "Nine", 9, 9,
                  claimant="the roads agency", measure="closed", doc="news/roads.txt")
CLOSED = Quantity(key="2032-02-11 Tarsk|closed|bridges", event="2032-02-11 Tarsk earthquake",
                  measure="closed", scope="bridges", claims=(CALM,), low=9, best=9, high=9,
                  status="consistent", sources=1)

CONTRADICTIONS = [
    Contradiction(kind="disjoint", a=MINISTRY, b=MEDICS, quantity=KILLED.key,
                  explanation="The ministry's 41 lies below the medics' lowest figure of 60."),
    Contradiction(kind="denial", a=DENIAL, b=MINISTRY, quantity=KILLED.key,
                  explanation="The governor denies the figure of 41."),
    Contradiction(kind="revision", a=DAY1, b=DAY3, quantity=WOUNDED.key,
                  explanation="Hospital staff raised their count from 12 to about 80."),
]

QUANTITIES = [KILLED, CLOSED, WOUNDED]


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(QUANTITIES, CONTRADICTIONS)


def sections(html: str) -> list[str]:
    return re.findall(r'<section class="quantity".*?</section>', html, flags=re.S)


def chart_labels(fragment: str) -> list[str]:
    """The chart's row labels, each label's lines joined with a space."""
    return [" ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", t))
            for t in re.findall(r'<text class="label[^"]*"[^>]*>(.*?)</text>', fragment, flags=re.S)]


def marks(fragment: str) -> list[str]:
    """Every claim mark group (its opening tag up to its closing </g>)."""
    return re.findall(r'<g class="claim-mark[^"]*">.*?</g>', fragment, flags=re.S)


# ------------------------------------------------------------------ structure

def test_one_section_per_disputed_or_revised_quantity(page):
    found = sections(page)
    assert len(found) == 2
    assert "killed" in found[0] and "wounded" in found[1]
    assert "bridges were closed" not in page


def test_include_all_shows_every_quantity():
    html = render_html(QUANTITIES, CONTRADICTIONS, include_all=True)
    assert len(sections(html)) == 3 and "bridges were closed" in html


def test_marks_count_equals_claims(page):
    killed, wounded = sections(page)
    assert len(marks(killed)) == len(KILLED.claims)
    assert len(marks(wounded)) == len(WOUNDED.claims)


MARK_SHAPES = [
    ("exact-dot", MINISTRY, "point", ["<circle"]),
    ("range-bar", MEDICS, "range", ["<rect"]),
    ("at-least-arrow", AT_LEAST, "open-high", ["<rect", '<polygon class="arrow"']),
    ("up-to-arrow", UP_TO, "open-low", ["<rect", '<polygon class="arrow"']),
    ("vague-dashed", DOZENS, "open-high vague", ['<polygon class="arrow"']),
    ("denial-styled", DENIAL, "point stance-deny", ["<circle"]),
]


@pytest.mark.parametrize("claim,kind,parts", [c[1:] for c in MARK_SHAPES], ids=[c[0] for c in MARK_SHAPES])
def test_mark_shapes(page, claim, kind, parts):
    killed = sections(page)[0]
    label = re.escape(html_escape(claim.claimant))
    (mark,) = [m for m in marks(killed) if re.search(f"<title>(?:[\\d-]+ · )?{label}:", m)]
    classes = re.match(r'<g class="([^"]*)"', mark).group(1).split()
    assert set(kind.split()) <= set(classes)
    for part in parts:
        assert part in mark


def test_open_bounds_run_to_the_chart_edge(page):
    killed = sections(page)[0]
    arrows = re.findall(r'<polygon class="arrow" points="([^"]*)"', killed)
    tips = sorted(float(p.split()[1].split(",")[0]) for p in arrows)
    assert len(arrows) == 3                           # at least 50, up to 90, dozens
    assert tips[0] < X0 and tips[-1] > X1           # left edge and right edge of the plot


def test_vague_and_denied_marks_are_styled(page):
    assert "stroke-dasharray" in page and re.search(r"\.vague \.bar[^{]*\{[^}]*stroke-dasharray", page)
    assert re.search(r"\.stance-deny \.dot", page)


def test_revised_quantity_is_a_sequence_by_date(page):
    wounded = sections(page)[1]
    assert chart_labels(wounded) == ["2032-02-11 · hospital staff: 12", "2032-02-12 · hospital staff: 57",
                                     "2032-02-14 · hospital staff: ~80 (current)"]
    assert '<polyline class="trend"' in wounded
    assert 'class="label current"' in wounded


def test_shared_number_line_has_ticks(page):
    killed = sections(page)[0]
    ticks = [int(t.replace(",", "")) for t in re.findall(r'<text class="tick"[^>]*>([\d,]+)</text>', killed)]
    assert ticks[0] == 0 and ticks[-1] >= 90 and ticks == sorted(ticks) and len(ticks) >= 4


TICKS = [
    ("small-counts", (0, 7), [0, 2, 4, 6, 8]),
    ("whole-steps-for-tiny-spans", (0, 1), [0, 1]),
    ("hundreds", (0, 126), [0, 50, 100, 150]),
    ("offset-range", (880, 1210), [800, 900, 1000, 1100, 1200, 1300]),
]


@pytest.mark.parametrize("bounds,expected", [c[1:] for c in TICKS], ids=[c[0] for c in TICKS])
def test_nice_ticks(bounds, expected):
    assert nice_ticks(*bounds) == expected


def _one(claims, status="disputed"):
    return Quantity(key="k", event="e", measure="killed", scope="all", claims=tuple(claims),
                    low=None, best=None, high=None, status=status, sources=len(claims))


def _xs(svg: str) -> list[float]:
    nums = re.findall(r'\b(?:cx|x)="([-\d.]+)"', svg)
    nums += [p.split(",")[0] for p in re.findall(r'points="([^"]*)"', svg) for p in p.split()]
    return [float(n) for n in nums]


DOMAINS = [
    ("zero-against-two", [(0, 0, "zero"), (2, 2, "exact")], "0"),
    ("millions", [(1200000, 1200000, "exact"), (900000, 1000000, "range")], "900,000"),
    ("one-value-starts-at-zero", [(1500, 1500, "exact")], "0"),
    ("lone-open-bound", [(5, None, "at-least")], "0"),
    ("unknown-figure", [(None, None, "vague"), (3, 3, "exact")], "0"),
]


@pytest.mark.parametrize("figures,tick", [c[1:] for c in DOMAINS], ids=[c[0] for c in DOMAINS])
def test_every_mark_stays_inside_the_chart(figures, tick):
    claims = [make_claim(f"Officials said {i} things.", f"{i}", lo, hi, qualifier=q, claimant=f"c{i}")
              for i, (lo, hi, q) in enumerate(figures)]
    svg = re.search(r"<svg class=\"chart\".*?</svg>", render_html([_one(claims)], []), re.S).group(0)
    assert len(marks(svg)) == len(claims)
    assert f">{tick}</text>" in svg
    marks_xs = [x for m in marks(svg) for x in _xs(m)]
    assert marks_xs and all(X0 - 10 <= x <= X1 + 10 for x in marks_xs)


def test_the_figure_is_marked_in_its_sentence(page):
    assert ("Volunteer medics counted <mark title=\"volunteer medics: 60–75\">between 60 and 75"
            "</mark> bodies in the old town.") in page


def test_figures_table_and_contradictions_in_words(page):
    killed = sections(page)[0]
    assert ('<td data-label="Claimant">volunteer medics</td><td data-label="Figure" class="num">60–75</td>'
            in killed)
    assert "The ministry&#x27;s 41 lies below the medics&#x27; lowest figure of 60." in killed
    assert '<strong class="kind">denial</strong>: one side denies the other&#x27;s figure.' in killed


def test_article_text_is_escaped():
    evil = make_claim('Rebels said <script>alert("x")</script> 7 died & "more".', "7", 7, 7,
                      claimant="<b>rebels</b>", doc="news/<evil>.txt")
    q = Quantity(key="k", event="<i>event</i>", measure="killed", scope="all",
                 claims=(evil, MINISTRY), low=7, best=7, high=41, status="disputed", sources=2)
    c = Contradiction(kind="disjoint", a=evil, b=MINISTRY, quantity="k",
                      explanation="<img src=x onerror=alert(1)>")
    html = render_html([q], [c], title="<title>")
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark" in html
    assert "&lt;b&gt;rebels&lt;/b&gt;" in html and "news/&lt;evil&gt;.txt" in html


SENTENCE_SPANS = [
    ("offsets-match", 0, "14"),
    ("offsets-stale-falls-back-to-search", 5, "14"),
]


@pytest.mark.parametrize("shift,expected", [c[1:] for c in SENTENCE_SPANS],
                         ids=[c[0] for c in SENTENCE_SPANS])
def test_mark_falls_back_to_the_words_when_offsets_disagree(shift, expected):
    c = make_claim("Police counted 14 dead by noon.", "14", 14, 14, claimant="police")
    c = Claim(**{**{f: getattr(c, f) for f in c.__slots__}, "sentence_start": c.sentence_start + shift})
    q = Quantity(key="k", event="e", measure="killed", scope="all", claims=(c, MINISTRY),
                 low=14, best=14, high=41, status="disputed", sources=2)
    assert f'Police counted <mark title="police: 14">{expected}</mark> dead' in render_html([q], [])


def test_two_figures_in_one_sentence_share_one_quote():
    s = "Police said 3 died while the clinic said 5 died."
    a = make_claim(s, "3", 3, 3, claimant="police")
    b = make_claim(s, "5", 5, 5, claimant="the clinic")
    q = Quantity(key="k", event="e", measure="killed", scope="all", claims=(a, b),
                 low=3, best=5, high=5, status="disputed", sources=2)
    html = render_html([q], [])
    assert html.count("<blockquote>") == 1 and html.count("<mark ") == 2


def test_identical_reports_from_one_claimant_share_a_row():
    copies = tuple(make_claim("Police said 3 died.", "3", 3, 3, claimant="police", doc=f"n{i}.txt")
                   for i in range(3))
    other = make_claim("The clinic said 5 died.", "5", 5, 5, claimant="the clinic")
    q = Quantity(key="k", event="e", measure="killed", scope="all", claims=(*copies, other),
                 low=3, best=5, high=5, status="disputed", sources=2)
    html = render_html([q], [])
    assert len(marks(html)) == 2 and "police (×3)" in html


# --------------------------------------------- page qualities: a11y, dark, offline

def test_accessible_charts(page):
    svgs = re.findall(r"<svg class=\"chart\"[^>]*>", page)
    assert len(svgs) == 2
    for tag in svgs:
        assert 'role="img"' in tag and 'aria-label="' in tag and "aria-labelledby=" in tag
    assert page.count('<title id="q-') == 2
    assert '<html lang="en">' in page


def test_dark_mode_css(page):
    assert "@media (prefers-color-scheme: dark)" in page and "color-scheme: light dark" in page


def test_self_contained_no_external_fetches(page):
    assert "http" not in page and "//" not in page.replace("<!--", "")
    assert not re.search(r"\b(src|href)=\"(?!#)", page)
    assert "<script" not in page and "<link" not in page and "@import" not in page


def test_deterministic(page):
    assert render_html(QUANTITIES, CONTRADICTIONS) == page


def test_empty_page():
    html = render_html([], [])
    assert "No disputed figures." in html and "<svg class=\"chart\"" not in html


def test_contradiction_without_a_shown_quantity_is_still_explained():
    stray = Contradiction(kind="exceeds-total", a=CALM, b=DAY1, quantity="a|b",
                          explanation="Nine exceeds the whole.")
    page = render_html([KILLED], [stray])
    assert 'id="other-contradictions"' in page and "Nine exceeds the whole." in page


# --------------------------------------------- the chart reads on its own (issue 17)

import dataclasses  # noqa: E402

from reconcile.report.html import scale_for  # noqa: E402

LONG_NAME = "the regional disaster management agency of the northern provinces and its field offices"
WIDE_BIG = dataclasses.replace(
    make_claim("The agency said 168,000 people died across the region.", "168,000", 168000, 168000,
               claimant=LONG_NAME, doc="news/agency.txt", published=D(2032, 2, 15),
               source="Coast Wire (via Agence Nord; updated 10:00)"),
    url="https://coastwire.example/quake?id=7&page=2")
WIDE_SMALL = make_claim("Police said 20 died.", "20", 20, 20, claimant="police", doc="news/p.txt",
                        published=D(2032, 2, 12))
WIDE_DERIVED = dataclasses.replace(
    make_claim("Police said 30 died.", "30", 30, 30, claimant="police", doc="news/q.txt",
               published=D(2032, 2, 13)), derived=True)
WIDE = Quantity(key="2032-02-11 Tarsk|killed|all", event="2032-02-11 Tarsk earthquake", measure="killed",
                scope="all", claims=(WIDE_BIG, WIDE_SMALL, WIDE_DERIVED), low=20, best=168000,
                high=168000, status="disputed", sources=3)
WIDE_PAIRS = [Contradiction(kind="disjoint", a=WIDE_SMALL, b=WIDE_BIG, quantity=WIDE.key,
                            explanation="20 and 168,000 do not overlap."),
              Contradiction(kind="disjoint", a=WIDE_DERIVED, b=WIDE_BIG, quantity=WIDE.key,
                            explanation="30 and 168,000 do not overlap.")]


@pytest.fixture(scope="module")
def wide() -> str:
    return sections(render_html([WIDE], WIDE_PAIRS))[0]


def _chart(fragment: str) -> str:
    return re.search(r'<svg class="chart".*?</svg>', fragment, re.S).group(0)


def test_best_estimate_and_its_range_are_drawn(page):
    killed = _chart(sections(page)[0])
    scale = scale_for(KILLED.claims, [KILLED.best, KILLED.low, KILLED.high])
    (best,) = re.findall(r'<line class="best" x1="([\d.]+)"', killed)
    assert float(best) == pytest.approx(scale.x(50), abs=0.1)
    assert ">best estimate 50</text>" in killed
    x, width = re.search(r'<rect class="estimate-range" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', killed).groups()
    assert float(x) == pytest.approx(scale.x(41), abs=0.1)
    assert float(x) + float(width) == pytest.approx(scale.x(75), abs=0.2)


def test_the_axis_has_a_title(page):
    killed, wounded = sections(page)
    assert '<text class="axis-title"' in killed and ">number killed</text>" in killed
    assert ">number wounded</text>" in wounded


def test_a_wide_spread_gets_a_log_scale(wide, page):
    chart = _chart(wide)
    assert ">number killed, log scale</text>" in chart
    ticks = [int(t.replace(",", "")) for t in re.findall(r'<text class="tick"[^>]*>([\d,]+)</text>', chart)]
    assert ticks[:3] == [0, 1, 10] and ticks[-1] >= 168000
    xs = [float(x) for x in re.findall(r'<circle class="dot" cx="([\d.]+)"', chart)]
    assert len(xs) == 3 and min(xs) - X0 > 0.15 * (X1 - X0) and xs[1] - xs[0] > 10   # 20 and 30 are not crushed against zero
    assert "log scale" not in _chart(sections(page)[0])      # 41 to 90: linear


def test_rows_are_in_time_order_with_their_dates(page):
    labels = chart_labels(sections(page)[0])
    assert labels[:2] == ["2032-02-12 · the interior ministry: 41", "2032-02-13 · volunteer medics: 60–75"]
    assert all(not re.match(r"\d{4}-", x) for x in labels[2:])            # undated reports last
    table = re.findall(r'<td data-label="Published">([^<]*)</td>', sections(page)[0])
    assert table[:2] == ["2032-02-12", "2032-02-13"] and table[2:] == [""] * 4


def test_labels_are_never_cut(wide):
    joined = " ".join(chart_labels(wide))
    assert LONG_NAME in joined and "…" not in wide
    assert all(len(line) <= 84 for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", wide))


def test_sources_link_to_the_article_and_show_the_outlet_name(wide):
    link = ('<a href="https://coastwire.example/quake?id=7&amp;page=2" '
            'title="Coast Wire (via Agence Nord; updated 10:00)" rel="noopener">Coast Wire</a>')
    assert wide.count(link) == 2                          # the figures table and the quoted sentence


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "news/a.txt"],
                         ids=["javascript", "file", "relative"])
def test_only_web_addresses_become_links(url):
    c = dataclasses.replace(WIDE_BIG, url=url)
    html = render_html([dataclasses.replace(WIDE, claims=(c, WIDE_SMALL))], [])
    assert "<a href=\"" + url not in html and 'href="javascript' not in html


def test_contradictions_of_one_quantity_are_one_paragraph_with_the_pairs_folded(wide):
    (summary,) = re.findall(r'<p class="conflict-summary">([^<]*)</p>', wide)
    assert summary.startswith("2 pairs of figures cannot both hold (disjoint 2), between police and "
                              + LONG_NAME)
    assert "run from 20 to 168,000" in summary and "best estimate is 168,000" in summary
    folded = re.search(r'<details class="pairs"><summary>The 2 pairs, one by one</summary>(.*?)</details>',
                       wide, re.S)
    assert folded and folded.group(1).count('<li class="contradiction') == 2


def test_derived_figures_are_marked(wide):
    assert "2032-02-13 · police: 30* (derived)" in chart_labels(wide)
    assert re.search(r'<td data-label="Figure" class="num">30<abbr class="derived" title="derived[^"]*">\*</abbr>',
                     wide)
    assert re.search(r'<td data-label="Figure" class="num">20</td>', wide)


# ----------------------------------------------------------- a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)

PROBE = """<script>
(function () {
  var drawn = 0, total = 0, arrows = 0, best = 0, cut = 0, wide = 0;
  document.querySelectorAll("svg.chart .claim-mark").forEach(function (g) {
    total += 1;
    var b = g.getBBox();
    if (b.width > 0 && b.height > 0) drawn += 1;
  });
  document.querySelectorAll("svg.chart .arrow").forEach(function (a) {
    var b = a.getBBox();
    if (b.width > 0 && b.height > 0) arrows += 1;
  });
  document.querySelectorAll("svg.chart line.best").forEach(function (l) {
    if (l.getBBox().height > 0) best += 1;
  });
  document.querySelectorAll("svg.chart text").forEach(function (t) {
    var b = t.getBBox(), w = t.ownerSVGElement.viewBox.baseVal.width;
    if (b.x < 0 || b.x + b.width > w) cut += 1;            /* a label or tick outside its chart */
  });
  var page = document.documentElement.clientWidth;
  document.querySelectorAll("table.figures").forEach(function (t) {
    if (t.getBoundingClientRect().right > page + 1) wide += 1;
  });
  var svg = document.querySelector("svg.chart").getBoundingClientRect();
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = "drawn=" + drawn + " total=" + total + " arrows=" + arrows +
                    " svgwidth=" + Math.round(svg.width) + " best=" + best + " cut=" + cut +
                    " widetables=" + wide + " overflow=" +
                    Math.max(0, document.documentElement.scrollWidth - page);
  document.body.appendChild(out);
})();
</script>"""


def _probe(tmp_path: Path, html: str, width: int) -> dict[str, int]:
    target = tmp_path / f"report-{width}.html"
    target.write_text(html.replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    profile = tmp_path / f"profile-{width}"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
           f"--window-size={width},2000", "--dump-dom", target.as_uri()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish within 20 s")
    found = re.search(r'<pre id="probe">([^<]*)</pre>', done.stdout)
    assert found, f"probe missing; chromium exit {done.returncode}: {done.stderr[-500:]}"
    return {k: int(v) for k, v in (item.split("=") for item in found.group(1).split())}


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")
@pytest.mark.parametrize("width", [1300, 400], ids=["desktop-1300px", "phone-400px"])
def test_charts_are_drawn_in_a_headless_browser(tmp_path: Path, width: int):
    """The screenshots' checks: every mark and open end drawn, a best-estimate line per chart,
    no label or tick outside its chart, tables within the page and no sideways scrolling of the
    page at a desktop width and at a phone's (a chart may scroll inside its own box)."""
    html = render_html([*QUANTITIES, WIDE], [*CONTRADICTIONS, *WIDE_PAIRS])
    got = _probe(tmp_path, html, width)
    expected = len(KILLED.claims) + len(WOUNDED.claims) + len(WIDE.claims)
    assert (got["drawn"], got["total"], got["arrows"]) == (expected, expected, 3)
    assert got["best"] == 3 and got["cut"] == 0
    assert got["widetables"] == 0 and got["overflow"] == 0
    assert got["svgwidth"] > (600 if width == 1300 else 300)
