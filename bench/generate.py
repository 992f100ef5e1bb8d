"""Deterministic synthetic news for the benchmarks (templates written for this project).

Nothing here comes from ../shared/corpus: towns, outlets, people and every
sentence are invented from the tables below and a seeded ``random.Random``.

* :func:`iter_articles` -> ``(relative path, text)`` of plain-text articles
  with ``source``/``date``/``title`` header lines.  Events (shootings,
  bombings, earthquakes, floods) in invented towns get 1-5 articles each,
  published over a few days, with tolls from police, officials, hospitals,
  ministries and witnesses; later articles revise the toll, some claimants
  dispute or deny figures, filler paragraphs carry numbers that are not
  counts (ages, money, times, percentages).
* :func:`write_folder` / :func:`write_jsonl` put them on disk.
* :func:`iter_documents` -> ``Document`` objects without touching the disk.
* :func:`generate_claims` -> ``Claim`` objects made directly (for the engine
  benchmark), with the same shape of events, claimants and disputes.

Run ``python bench/generate.py --articles 5 --show`` to look at a few.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
from typing import Iterator

_PRE = ("Bel", "Cor", "Dun", "Esk", "Far", "Gal", "Hol", "Ivr", "Kes", "Lom", "Mar", "Nor", "Ost", "Pel",
        "Quen", "Ros", "Sal", "Tor", "Ulm", "Ver", "Wen", "Yar", "Zel", "Brin", "Cald", "Drem", "Ferr", "Grav")
_MID = ("", "a", "en", "is", "o", "er", "an", "i")
_SUF = ("ford", "mouth", "wick", "ton", "bury", "field", "haven", "moor", "dale", "gate", "stead", "holm",
        "brook", "ley", "port", "ridge")
# regions: a town always lies in the same one, and there are enough of them that two
# unrelated disasters rarely strike one region within days (the engine joins disasters
# by region): 224 names, about 16 towns each
_REGION_SUF = (" Province", "shire", "land", " Valley", " Coast", " Highlands", "mark", " Basin")
_FIRST = ("Arlen", "Mira", "Tobin", "Selma", "Idris", "Nadia", "Corin", "Leda", "Pavel", "Rina", "Oskar",
          "Talia", "Emre", "Yusra", "Bram", "Ines", "Dario", "Hana", "Milo", "Zora")
_LAST = ("Dovic", "Harlan", "Okafor", "Lindqvist", "Marchetti", "Sorensen", "Quill", "Abara", "Renko",
         "Vasquez", "Hollis", "Tanaka", "Brennick", "Osei", "Kovar", "Delacroix", "Nyberg", "Faulk")
_OUTLETS = ("Northern Ledger", "Valley Courier", "Harbour Times", "Meridian Post", "Eastland Herald",
            "Plains Gazette", "Coastal Observer", "Daily Sentinel", "Riverside Chronicle", "Highland Wire")
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")

KINDS = ("shooting", "bombing", "earthquake", "flood")

_LEADS = {
    "shooting": ("A gunman opened fire at a {venue} in {town} on {day}, killing {k} people and wounding {w}, "
                 "{claimant} said.",
                 "{K} people were killed and {w} wounded when a gunman opened fire in {town} on {day}, "
                 "according to {claimant}.",
                 "A shooting at a {venue} in {town} on {day} left {k} people dead, {claimant} said."),
    "bombing": ("A car bomb exploded near a {venue} in {town} on {day}, killing at least {k} people, "
                "{claimant} said.",
                "At least {k} people were killed and {w} injured in a bombing in {town} on {day}, "
                "{claimant} said.",
                "A blast tore through a {venue} in {town} on {day}, killing {k} people, according to {claimant}."),
    "earthquake": ("A magnitude {mag} earthquake struck {town} on {day}, killing {k} people, {claimant} said.",
                   "At least {k} people died after a strong earthquake hit {town} on {day}, {claimant} said.",
                   "The earthquake that shook {town} on {day} killed {k} people and injured {w}, "
                   "according to {claimant}."),
    "flood": ("Flash floods swept through {town} on {day}, killing {k} people, {claimant} said.",
              "At least {k} people drowned when floods hit {town} on {day}, according to {claimant}.",
              "Flooding in {town} on {day} killed {k} people and left {m} missing, {claimant} said."),
}
_VENUES = ("market", "bus station", "wedding hall", "school", "shopping centre", "mosque", "church", "cafe",
           "police checkpoint", "stadium", "night club", "hotel")
_FOLLOW = {
    "shooting": ("{Claimant} said {w} people were wounded, {s} of them seriously.",
                 "Police detained {d} people after the shooting, {claimant} said.",
                 "{Claimant} said the gunman was among the {k} dead."),
    "bombing": ("{Claimant} said {w} people were wounded in the blast.",
                "{Claimant} said {d} suspects had been arrested in connection with the bombing.",
                "Hospitals in {town} treated {w} wounded people, {claimant} said."),
    "earthquake": ("{Claimant} said {w} people were injured and about {disp} were left homeless.",
                   "Rescuers were still searching for {m} missing people, {claimant} said.",
                   "{Claimant} said {disp} people had been displaced by the quake."),
    "flood": ("{Claimant} said {disp} people had been evacuated from their homes.",
              "{M} people were still missing on {day2}, {claimant} said.",
              "{Claimant} said {w} people were injured in the floods."),
}
_REVISE = ("The death toll from the {kind} in {town} rose to {k} on {day2}, {claimant} said.",
           "{Claimant} raised the toll to {k} dead on {day2}, up from {k0} reported earlier.",
           "By {day2} the number of dead had climbed to {k}, according to {claimant}.")
_DISPUTE = ("{Claimant} denied that {x} people had been killed, saying the figure was exaggerated.",
            "Residents told the {outlet} that at least {x} people died, far more than the official toll.",
            "{Claimant} put the number of dead at {x}, contradicting the figure given by the authorities.",
            "{Claimant} said no one was killed in the second incident, rejecting earlier reports.")
_FILLER = ("The {age}-year-old suspect was due to appear in court on {day2}.",
           "Damage to buildings in {town} was estimated at ${money} million.",
           "Roads into {town} reopened at {hour} p.m. after the area was cleared.",
           "Turnout at the regional election last year was {pct} percent.",
           "Officials urged residents to stay indoors and follow instructions from the emergency services.",
           "The {town} town council held an emergency meeting in the evening.",
           "{Name}, a shopkeeper who lives nearby, said the street had fallen silent within minutes.",
           "Aid agencies said they were sending food, water and blankets to the area.",
           "The government declared {n} days of mourning.",
           "Schools in {town} will remain closed until further notice, the council said.",
           "The {outlet} could not independently verify the figures.",
           "Investigators were examining footage from cameras in the area, a spokeswoman said.")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _num(rng: random.Random, n: int) -> str:
    """Small numbers in words about half the time, like news copy."""
    if n <= 20 and rng.random() < 0.5:
        return _WORDS[n]
    return f"{n:,}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class _World:
    """Invented towns, people and claimants, built once per seed."""

    def __init__(self, rng: random.Random) -> None:
        towns = sorted({p + m + s for p in _PRE for m in _MID for s in _SUF})
        rng.shuffle(towns)
        self.towns = towns
        regions = sorted({p + s for p in _PRE for s in _REGION_SUF})
        rng.shuffle(regions)
        self.regions = regions

    def region_of(self, town_index: int) -> str:
        return self.regions[town_index % len(self.towns) % len(self.regions)]

    def person(self, rng: random.Random) -> str:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    def claimant(self, rng: random.Random, town: str) -> tuple[str, str]:
        """(phrase, kind)."""
        r = rng.randrange(9)
        if r == 0:
            return f"police spokesman {self.person(rng)}", "police"
        if r == 1:
            return f"the {town} police department", "police"
        if r == 2:
            return f"Mayor {self.person(rng)}", "official"
        if r == 3:
            return f"regional governor {self.person(rng)}", "official"
        if r == 4:
            return f"{town} General Hospital", "official"
        if r == 5:
            return "the Health Ministry", "government"
        if r == 6:
            return "the Interior Ministry", "government"
        if r == 7:
            return f"a hospital official, {self.person(rng)}", "official"
        return "the civil defence agency", "government"


#: days the invented events of the article generator fall in (2020 to 2025)
SPAN_DAYS = 6 * 365
#: events a day in the claim generator's world, at every size: a store ten times larger
#: covers a period ten times longer, not ten times as many events in the same days
EVENTS_PER_DAY = 3.2


#: the day after the generated events (they fall in the ``span_days`` before it)
END = dt.date(2026, 1, 1)


def _event(rng: random.Random, world: _World, index: int, span_days: int = SPAN_DAYS, end: dt.date = END) -> dict:
    kind = KINDS[rng.randrange(len(KINDS))]
    town = world.towns[index % len(world.towns)]
    if index >= len(world.towns):
        town = f"{town} {rng.choice(('North', 'South', 'East', 'West', 'Upper', 'Lower'))}"
    date = end - dt.timedelta(days=span_days) + dt.timedelta(days=rng.randrange(span_days))
    big = kind in ("earthquake", "flood")
    k = rng.randrange(1, 400 if big else 60)
    return {
        "kind": kind, "town": town, "region": world.region_of(index), "date": date,
        "k": k, "w": k + rng.randrange(0, 3 * k + 5), "d": rng.randrange(1, 12),
        "m": rng.randrange(1, 50), "disp": rng.randrange(100, 20000), "venue": rng.choice(_VENUES),
        "mag": f"{rng.randrange(50, 79) / 10:.1f}",
    }


def _article(rng: random.Random, world: _World, ev: dict, nth: int, total: int) -> tuple[dt.date, str, str]:
    published = ev["date"] + dt.timedelta(days=min(nth, 3) + rng.randrange(0, 2))
    outlet = rng.choice(_OUTLETS)
    town = ev["town"]
    claimant, _kind = world.claimant(rng, town)
    k0 = ev["k"]
    # later articles carry a higher toll (a revision)
    k = k0 if nth == 0 else k0 + rng.randrange(0, 2 + k0 // 3) * nth
    day = "Sunday" if published == ev["date"] else _DAYS[ev["date"].weekday()]
    day2 = _DAYS[published.weekday()]
    fmt = {
        "town": town, "day": day, "day2": day2, "venue": ev["venue"], "mag": ev["mag"], "kind": ev["kind"],
        "claimant": claimant, "Claimant": _cap(claimant), "outlet": outlet,
        "k": _num(rng, k), "K": _cap(_num(rng, k)), "k0": _num(rng, k0), "w": _num(rng, ev["w"]),
        "s": _num(rng, max(1, ev["w"] // 4)), "d": _num(rng, ev["d"]), "m": _num(rng, ev["m"]),
        "M": _cap(_num(rng, ev["m"])), "disp": _num(rng, ev["disp"]),
    }
    paras = []
    if nth == 0:
        paras.append(f"{town.upper()}, {ev['region']} -- " + rng.choice(_LEADS[ev["kind"]]).format(**fmt))
    else:
        paras.append(rng.choice(_REVISE).format(**fmt))
    for _ in range(rng.randrange(1, 3)):
        c2, _ = world.claimant(rng, town)
        paras.append(rng.choice(_FOLLOW[ev["kind"]]).format(**{**fmt, "claimant": c2, "Claimant": _cap(c2)}))
    if rng.random() < 0.35:
        c3, _ = world.claimant(rng, town)
        x = k + rng.randrange(3, 10 + k)
        paras.append(rng.choice(_DISPUTE).format(**{**fmt, "claimant": c3, "Claimant": _cap(c3),
                                                    "x": _num(rng, x)}))
    for _ in range(rng.randrange(4, 9)):
        paras.append(rng.choice(_FILLER).format(
            age=rng.randrange(17, 70), money=rng.randrange(2, 900), hour=rng.randrange(1, 12),
            pct=rng.randrange(30, 80), n=rng.choice(("two", "three", "seven")), name=world.person(rng),
            Name=world.person(rng), town=town, day2=day2, outlet=outlet))
    word = {"shooting": "Shooting", "bombing": "Bombing", "earthquake": "Earthquake", "flood": "Floods"}[ev["kind"]]
    title = f"{word} in {town}" + ("" if nth == 0 else f": toll rises ({nth + 1}/{total})")
    body = "\n\n".join(paras)
    return published, outlet, f"source: {outlet}\ndate: {published.isoformat()}\ntitle: {title}\n\n{body}\n"


def iter_articles(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """``n`` articles as (relative path, text), streamed; the same seed gives the same bytes."""
    rng = random.Random(seed)
    world = _World(rng)
    made = 0
    ev_index = 0
    while made < n:
        ev = _event(rng, world, ev_index)
        ev_index += 1
        total = min(n - made, rng.choice((1, 1, 2, 2, 3, 3, 4, 5)))
        for nth in range(total):
            _pub, _outlet, text = _article(rng, world, ev, nth, total)
            yield f"{made // 1000:04d}/{made:07d}.txt", text
            made += 1


def write_folder(folder: str, n: int, seed: int = 7) -> int:
    """Write ``n`` articles under ``folder`` (1,000 per sub-folder); returns the bytes written."""
    size = 0
    made_dirs: set[str] = set()
    for rel, text in iter_articles(n, seed):
        sub = rel.split("/", 1)[0]
        if sub not in made_dirs:
            os.makedirs(os.path.join(folder, sub), exist_ok=True)
            made_dirs.add(sub)
        data = text.encode("utf-8")
        with open(os.path.join(folder, rel), "wb") as fh:
            fh.write(data)
        size += len(data)
    return size


def write_jsonl(path: str, n: int, seed: int = 7) -> int:
    """Write ``n`` articles as JSON lines (text without header lines; source/date/title as keys)."""
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rel, text in iter_articles(n, seed):
            head, body = text.split("\n\n", 1)
            meta = dict(line.split(": ", 1) for line in head.split("\n"))
            line = json.dumps({"id": rel, "source": meta["source"], "date": meta["date"], "title": meta["title"],
                               "text": body}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line)
    return size


def iter_documents(n: int, seed: int = 7) -> Iterator:
    """``n`` articles as ``reconcile.model.Document`` objects (no disk)."""
    from reconcile.documents import parse_text

    for rel, text in iter_articles(n, seed):
        yield parse_text(f"gen/{rel}", text)


# ---------------------------------------------------------------------------
# claims made directly, for the engine benchmark
# ---------------------------------------------------------------------------

_CLAIMANTS = (("police", "police"), ("the Interior Ministry", "government"), ("the Health Ministry", "government"),
              ("regional governor", "official"), ("hospital officials", "official"), ("witnesses", "person"),
              ("the civil defence agency", "government"), ("Mayor", "official"))


def generate_claims(n: int, seed: int = 11, *, end: dt.date = END, span_days: int | None = None,
                    prefix: str = "gen") -> list:
    """``n`` ``Claim`` objects: events of 1-5 documents, 2-8 claims each, with revisions and disputes.
    Events fall in the last ``span_days`` (default ``max(6 years, n / 14 / EVENTS_PER_DAY)``) days
    before ``end``; documents are named ``<prefix>/NNNN/NNNNNNN.txt``."""
    from reconcile.model import Claim, EventAnchor

    rng = random.Random(seed)
    world = _World(rng)
    out: list = []
    ev_index = 0
    doc_no = 0
    # about 14 claims an event (2.8 documents of 5 claims)
    span = span_days or max(SPAN_DAYS, int(n / 14 / EVENTS_PER_DAY))
    while len(out) < n:
        ev = _event(rng, world, ev_index, span, end)
        ev_index += 1
        kinds = (ev["kind"],)
        anchor = EventAnchor(date=ev["date"], date_text="on Sunday", place=ev["town"],
                             places=(ev["town"], ev["region"]), kinds=kinds)
        for nth in range(rng.choice((1, 2, 2, 3, 4, 5))):
            doc = f"{prefix}/{doc_no // 1000:04d}/{doc_no:07d}.txt"
            doc_no += 1
            published = ev["date"] + dt.timedelta(days=min(nth, 3))
            source = rng.choice(_OUTLETS)
            pos = 120
            for _ in range(rng.randrange(2, 9)):
                if len(out) >= n:
                    break
                measure = rng.choice(("killed", "killed", "killed", "wounded", "wounded", "missing", "detained",
                                      "displaced"))
                base = {"killed": ev["k"], "wounded": ev["w"], "missing": ev["m"], "detained": ev["d"],
                        "displaced": ev["disp"]}[measure]
                r = rng.random()
                stance = "assert"
                qualifier = "exact"
                low = high = float(base + (rng.randrange(0, 1 + base // 3) * nth if measure == "killed" else 0))
                if r < 0.15:
                    low = high = float(base + rng.randrange(3, 10 + base))   # a dispute
                elif r < 0.2:
                    stance = "deny"
                elif r < 0.35:
                    qualifier = "at-least"
                    high = None
                claimant, ckind = rng.choice(_CLAIMANTS)
                text = f"{int(low):,}"
                sentence = f"{claimant.capitalize()} said {text} people were {measure} in {ev['town']}."
                out.append(Claim(
                    doc=doc, start=pos, end=pos + len(text), text=text, measure=measure, low=low, high=high,
                    qualifier=qualifier, subject="people", claimant=claimant, claimant_kind=ckind,
                    stance=stance, sentence=sentence, sentence_start=pos - 20, event=anchor,
                    rules=("num.digits", f"measure.{measure}", "attr.said.after"),
                    published=published, source=source, id=len(out) + 1,
                ))
                pos += len(sentence) + 2
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--folder", help="write a folder of .txt files here")
    ap.add_argument("--jsonl", help="write one JSON-lines file here")
    ap.add_argument("--show", action="store_true", help="print the articles")
    args = ap.parse_args(argv)
    if args.folder:
        print(f"{write_folder(args.folder, args.articles, args.seed):,} bytes")
    if args.jsonl:
        print(f"{write_jsonl(args.jsonl, args.articles, args.seed):,} bytes")
    if args.show or not (args.folder or args.jsonl):
        for rel, text in iter_articles(args.articles, args.seed):
            sys.stdout.write(f"=== {rel}\n{text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
