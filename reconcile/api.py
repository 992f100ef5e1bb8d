"""The library behind the CLI: one typed function per command.

Commands parse arguments, call one of these, and format the rows they get
back.  Everything here is usable from Python without click.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from . import documents
from .engine import EngineOptions, ordered, reconcile
from .errors import DatabaseError, InputError, UsageError
from .model import Claim, Contradiction, Document, Quantity, Reconciliation
from .settings import Settings

if TYPE_CHECKING:
    from .extract import ExtractOptions, Extractor


# ---------------------------------------------------------------------------
# reading and extracting
# ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be read (``error``) or yielded nothing (``warning``)."""

    path: str
    message: str
    severity: str  # "error" | "warning"

    def __str__(self) -> str:
        return self.message if self.message.startswith(self.path) else f"{self.path}: {self.message}"


def extract_options(settings: Settings) -> "ExtractOptions":
    # imported here: compiling the rule tables takes a noticeable part of a second, and the
    # commands that only read the store (report, contradictions, ...) never need them
    from .extract import ExtractOptions

    return ExtractOptions(measure_cues=settings.measure_cues, time_budget=settings.time_budget or None)


def extractor_for(settings: Settings) -> "Extractor":
    from .extract import Extractor

    return Extractor(extract_options(settings))


def engine_options(settings: Settings) -> EngineOptions:
    return EngineOptions(window_days=settings.event_window_days, undated_joins=settings.undated_joins,
                         aliases=dict(settings.claimant_aliases))


def iter_documents(paths: Sequence[str], settings: Settings, *, keep_going: bool = False,
                   problems: list[Problem] | None = None, name: str | None = None) -> Iterator[Document]:
    """Every document under ``paths``.  Errors raise unless ``keep_going`` (then they go to ``problems``).

    All paths are expanded before the first document is yielded, so a missing
    path or a folder loop raises before anything is read (or stored).  Each
    file is read whole before its documents are yielded: a bad file yields none.
    """
    problems = [] if problems is None else problems
    for path in list(_expand(paths, keep_going, problems)):
        try:
            docs, warnings = documents.read_path(path, max_bytes=settings.max_file_bytes, name=name)
        except InputError as exc:
            if not keep_going:
                raise
            problems.append(Problem(exc.path, str(exc), "error"))
            continue
        problems.extend(Problem(w.path, w.message, "warning") for w in warnings)
        yield from docs


def _expand(paths: Sequence[str], keep_going: bool, problems: list[Problem]) -> Iterator[str]:
    def report(exc: InputError) -> None:
        problems.append(Problem(exc.path, str(exc), "error"))

    def skipped(folder: str, files: list[str]) -> None:
        problems.append(Problem(folder, documents.skipped_message(folder, files), "warning"))

    seen: set[str] = set()
    for p in documents.iter_paths(list(paths), on_error=report if keep_going else None, on_skip=skipped):
        key = p if p == "-" else os.path.abspath(p)
        if key in seen:        # the same file named twice (or by two arguments): read once
            continue
        seen.add(key)
        yield p


def extract_paths(paths: Sequence[str], settings: Settings, *,
                  problems: list[Problem] | None = None, strict: bool = False,
                  name: str | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """``reconcile extract``: claims of each file, no database."""
    ex = extractor_for(settings)
    problems = [] if problems is None else problems
    for doc in iter_documents(paths, settings, problems=problems, name=name):
        got = ex.extract_bounded(doc)
        _bounded(doc, got, problems, strict)
        yield doc, got.claims


def _bounded(doc: Document, got, problems: list[Problem], strict: bool) -> None:  # got: Extraction
    """The notes of a bounded extraction as warnings; under ``strict`` a document cut short (its
    time budget spent, or more figures than a document may hold) is an input error (exit 3)."""
    if strict and not got.complete:
        raise InputError(doc.path, got.notes[-1])
    problems.extend(Problem(doc.path, note, "warning") for note in got.notes)


# ---------------------------------------------------------------------------
# the store
# ---------------------------------------------------------------------------

def describe_db(url: str) -> str:
    """The database URL without its password."""
    from .store.session import describe

    return describe(url)


def open_store(settings: Settings):  # -> Store (imported lazily: only the store package imports SQLAlchemy)
    from .store import Store

    return Store(settings.db)


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0
    new: int = 0
    unchanged: int = 0
    new_versions: int = 0
    claims: int = 0
    problems: list[Problem] = field(default_factory=list)
    quantities: int = 0
    contradictions: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def ingest(paths: Sequence[str], settings: Settings, *, keep_going: bool = False,
           ingested_at: dt.datetime | None = None,
           progress: Callable[[Document], None] | None = None, jobs: int = 1,
           strict: bool = False, name: str | None = None) -> IngestSummary:
    """``reconcile ingest``: read, extract and store each document in its own transaction,
    then reconcile all current claims and save the engine's output.

    ``jobs > 1`` extracts on that many processes (streaming, in input order); the
    documents are still stored one transaction each, by this process.
    """
    from .parallel import extract_bounded

    at = ingested_at or dt.datetime.now(dt.timezone.utc)
    summary = IngestSummary()
    store = open_store(settings)
    try:
        try:
            docs = iter_documents(paths, settings, keep_going=keep_going, problems=summary.problems, name=name)
            for doc, got in extract_bounded(docs, extract_options(settings), jobs):
                try:
                    _bounded(doc, got, summary.problems, strict)
                except InputError as exc:
                    if not keep_going:
                        raise
                    summary.problems.append(Problem(exc.path, str(exc), "error"))
                    continue
                claims = got.claims
                result = store.add_document(doc, claims, ingested_at=at)
                summary.documents += 1
                summary.claims += result.claims if result.status != "unchanged" else 0
                if result.status == "new":
                    summary.new += 1
                elif result.status == "unchanged":
                    summary.unchanged += 1
                    if result.duplicate_of is not None:
                        here = doc.path if doc.line is None else f"{doc.path}:{doc.line}"
                        summary.problems.append(Problem(here, f"duplicate of {result.duplicate_of}: the same text, "
                                                              "not stored again", "warning"))
                else:
                    summary.new_versions += 1
                if progress is not None:
                    progress(doc)
        except InputError:
            # a bad file stops the ingest; what was stored before it is whole, and
            # the engine's saved output is brought up to date with it
            if summary.new or summary.new_versions:
                reconcile_and_save(store, settings)
            raise
        if summary.new or summary.new_versions or store.saved_inputs() != engine_inputs(store, settings):
            reconcile_and_save(store, settings)
        stats = store.stats()
        summary.quantities = stats.get("quantities", 0)
        summary.contradictions = stats.get("contradictions", 0)
    finally:
        store.close()
    return summary


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    event: str | None = None
    measure: str | None = None
    claimant: str | None = None
    since: dt.date | None = None
    include_superseded: bool = False


def list_claims(settings: Settings, flt: ClaimFilter = ClaimFilter()) -> list[Claim]:
    """``reconcile claims``: stored claims, filtered."""
    store = open_store(settings)
    try:
        return store.claims(current_only=not flt.include_superseded, event=flt.event, measure=flt.measure,
                            claimant=flt.claimant, since=flt.since)
    finally:
        store.close()


def _engine_config(settings: Settings) -> dict[str, object]:
    """What the engine's output depends on besides the claims: this tool's version and the options."""
    opts = engine_options(settings)
    return {"version": _version(),
            "options": {"window_days": opts.window_days, "undated_joins": opts.undated_joins,
                        "aliases": sorted(opts.aliases.items())}}


def _digest(payload: object) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def engine_inputs(store, settings: Settings) -> str:  # store: Store
    """Fingerprint of what the engine would read now: the current extracted claims,
    the engine options and this tool's version (saved with the engine's output)."""
    return _digest({**_engine_config(settings), "claims": list(store.claims_state())})


@functools.lru_cache(maxsize=1)
def _version() -> str:
    """The tool's version and a digest of the engine's source: a changed engine (even
    under the same version number, as in development) does not trust output saved by another."""
    from . import engine, model

    try:
        version = importlib.metadata.version("reconcile-figures")
    except importlib.metadata.PackageNotFoundError:   # run from a source tree, not installed
        version = "source"
    digest = hashlib.sha256()
    folder = os.path.dirname(engine.__file__)
    for path in [model.__file__, *sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".py"))]:
        with open(path, "rb") as fh:
            digest.update(fh.read())
    return f"{version}+{digest.hexdigest()[:16]}"


def reconcile_and_save(store, settings: Settings, *, incremental: bool = True) -> Reconciliation:  # store: Store
    """Bring the saved engine output up to date with every current stored claim, with its
    inputs' fingerprint.  With ``incremental`` and a saved output that only lacks newly
    stored documents, only the events those can change are reconciled again
    (``engine.replay``); the result is the same as reconciling every claim.  Returns what
    was reconciled: every event, or the events of that part."""
    state = store.claims_state()    # taken first: claims stored meanwhile make the fingerprint stale
    inputs = _digest({**_engine_config(settings), "claims": list(state)})
    base = json.dumps({"config": _digest(_engine_config(settings)), "claims": list(state)})
    saved_base = store.saved_base()
    plan = _replay_plan(store, settings, saved_base, state) if incremental else None
    if plan is not None:
        doc_ids, replay, source = plan
        rec = reconcile(store.claims(origin="extract", document_ids=doc_ids), engine_options(settings))
        # a part is saved only if its labels cannot be numbered among kept events, and no other
        # process stored claims or saved an output since the plan was made
        if not _labels_meet(rec, source, replay.events) and store.save_reconciliation(
                rec, inputs, replacing=replay.events, base=base, state=state, expect_base=saved_base):
            return rec
    rec = reconcile(store.claims(origin="extract"), engine_options(settings))
    store.save_reconciliation(rec, inputs, base=base, state=state)
    return rec


def _labels_meet(rec: Reconciliation, source, replaced: frozenset[str]) -> bool:  # source: replay.Source
    """Whether an event of ``rec`` shares its label (less the number) with a saved event that
    is kept: labels are numbered among all events, so the part cannot be saved apart."""
    from .engine.replay import base_label

    return bool(source.events_labelled(sorted({base_label(q.event) for q in rec.quantities})) - replaced)


def _replay_plan(store, settings: Settings, saved: str | None, state: tuple[int, int, int]):
    """(document ids to reconcile again, the Replay, its Source) when the saved output was
    computed by this engine and options from every current claim up to some id, and only
    claims above that id were stored since (nothing superseded, nothing removed); else None.
    ``saved``: the store's ENGINE_BASE; ``state``: its claims_state()."""
    if saved is None:
        return None
    base = json.loads(saved)
    count, upto, total = base["claims"]
    if base["config"] != _digest(_engine_config(settings)) or upto <= 0:
        return None
    new_count, _max, new_total = store.claims_state(after=upto)
    if (count + new_count, total + new_total) != (state[0], state[2]) or store.links_superseded():
        return None     # claims up to ``upto`` were superseded, removed or revived
    new = store.document_dates(after=upto)
    if not new or any(date is None for _doc, date in new):
        return None     # nothing new, or a new claim without a date: those cluster apart
    got = _replay(store, settings, {date for _doc, date in new if date is not None}, upto)
    if got is None:
        return None
    replay, source = got
    return sorted({*replay.docs, *(doc for doc, _date in new)}), replay, source


def _replay(store, settings: Settings, new_dates: Iterable[dt.date], upto: int | None):
    """(Replay, Source): the stored part (claims up to id ``upto``) that new claims with these
    event dates can change; None when everything must be reconciled."""
    from .engine.replay import plan_replay

    source = store.replay_source(upto)
    replay = plan_replay(source, new_dates, settings.event_window_days)
    return None if replay is None else (replay, source)


@dataclass(frozen=True, slots=True)
class OutputFilter:
    """Which part of the engine's output a read command shows, by quantity key
    (``"<event>|<measure>|<scope>"``): one event (its key, as ``groups`` and ``claims --event``
    show it), one measure, events dated on or after ``since`` (undated ones left out), and for
    contradictions one kind.  The store applies the same tests in SQL."""

    event: str | None = None
    measure: str | None = None
    since: dt.date | None = None
    kind: str | None = None

    def keeps(self, key: str) -> bool:
        event, measure, _scope = (key.rsplit("|", 2) + ["", ""])[:3]
        return ((self.event is None or event == self.event)
                and (self.measure is None or measure == self.measure)
                and (self.since is None or (key >= self.since.isoformat() and not key.startswith("undated"))))

    def keeps_contradiction(self, x: Contradiction) -> bool:
        return self.keeps(x.quantity) and (self.kind is None or x.kind == self.kind)


def reconcile_store(settings: Settings, *, recompute: bool = False, quantities: bool = True,
                    disputed_only: bool = False, contradictions: bool = True,
                    flt: OutputFilter = OutputFilter()) -> Reconciliation:
    """The engine's output over every current stored claim (``report``, ``contradictions``,
    ``groups``, ``explain``): the output the last ingest saved while its inputs are
    unchanged (same claims, options and version), else reconciled again (not saved).
    ``recompute`` always reconciles again.  What a command does not show is not read:
    ``quantities=False`` leaves the quantities out, ``disputed_only`` keeps those whose
    status is not consistent, ``contradictions=False`` leaves the contradictions out, and
    ``flt`` keeps one event, measure, period or kind."""
    store = open_store(settings)
    try:
        if not recompute and store.saved_inputs() == engine_inputs(store, settings):
            return _saved_output(store, quantities, disputed_only, contradictions, flt)
        rec = reconcile(store.claims(origin="extract"), engine_options(settings))
    finally:
        store.close()
    qs = tuple(q for q in rec.quantities if flt.keeps(q.key) and not (disputed_only and q.status == "consistent")) \
        if quantities else ()
    xs = tuple(x for x in rec.contradictions if flt.keeps_contradiction(x)) if contradictions else ()
    return Reconciliation(quantities=qs, contradictions=xs)


def _saved_output(store, with_quantities: bool, disputed_only: bool, with_contradictions: bool,
                  flt: OutputFilter) -> Reconciliation:  # store: Store
    """The saved engine output as the engine returned it (same objects, same order)."""
    by_key = {"event": flt.event, "measure": flt.measure, "since": flt.since}
    quantities = store.quantities(disputed_only=disputed_only, **by_key) if with_quantities else []
    contradictions = store.contradictions(kind=flt.kind, **by_key) if with_contradictions else []
    wanted: set[int] = {x[k] for x in contradictions for k in ("a_claim_id", "b_claim_id")}
    for q in quantities:
        wanted.update(q["claim_ids"])
        if q["current_claim_id"] is not None:
            wanted.add(q["current_claim_id"])
    # figures the engine derived carry no id in its output (they are made anew on every run)
    claims = {c.id: replace(c, id=None) if c.derived else c
              for c in store.claims(current_only=False, ids=sorted(wanted))}
    qs = [
        Quantity(key=q["key"], event=q["event"] or "", measure=q["measure"], scope=q["scope"],
                 claims=tuple(claims[i] for i in q["claim_ids"] if i in claims),
                 low=q["low"], best=q["best"], high=q["high"], status=q["status"], reasons=q["reasons"],
                 sources=q["sources"], current=claims.get(q["current_claim_id"]) if q["current_claim_id"] else None)
        for q in quantities
    ]
    xs = [Contradiction(x["kind"], claims[x["a_claim_id"]], claims[x["b_claim_id"]], x["quantity"], x["explanation"])
          for x in contradictions if x["a_claim_id"] in claims and x["b_claim_id"] in claims]
    return ordered(qs, xs)


@dataclass(frozen=True, slots=True)
class CheckResult:
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]     # only those that involve a new claim
    documents: tuple[Document, ...]


def check(paths: Sequence[str], settings: Settings, *, ingest_after: bool = False,
          ingested_at: dt.datetime | None = None, allow_empty: bool = False) -> CheckResult:
    """``reconcile check``: the contradictions that new files introduce against the store.

    A store that does not exist or holds no claims is a :class:`DatabaseError` (a mistyped
    ``--db`` in CI must not pass every article) unless ``allow_empty``."""
    from .store.session import missing_sqlite_file

    missing = missing_sqlite_file(settings.db)
    if missing is not None and not allow_empty:
        raise DatabaseError(f"{missing}: no such database; `check` compares new files "
                            f"against stored figures (--allow-empty to check against none)")
    ex = extractor_for(settings)
    docs = list(iter_documents(paths, settings))
    per_doc = [ex.extract(d) for d in docs]
    new_claims: list[Claim] = [c for claims in per_doc for c in claims]
    store = open_store(settings)
    try:
        if not allow_empty and store.claims_state()[0] == 0:
            raise DatabaseError(f"{describe_db(settings.db)}: the store holds no claims; `check` "
                                f"compares against stored figures (--allow-empty to check against none)")
        new_paths = {d.path for d in docs}
        # new claims get negative ids so they can be told apart from stored ones
        tagged = [c.with_id(-(i + 1)) for i, c in enumerate(new_claims)]
        part = _part_for_check(store, settings, new_claims, new_paths)
        rec = None
        if part is not None:
            stored, replay, source = part
            rec = reconcile([*stored, *tagged], engine_options(settings))
            if _labels_meet(rec, source, replay.events):
                rec = None
        if rec is None:
            stored = [c for c in store.claims(origin="extract") if c.doc not in new_paths]
            rec = reconcile([*stored, *tagged], engine_options(settings))
        found = tuple(x for x in rec.contradictions
                      if (x.a.id is not None and x.a.id < 0) or (x.b.id is not None and x.b.id < 0))
        if ingest_after:
            at = ingested_at or dt.datetime.now(dt.timezone.utc)
            for d, claims in zip(docs, per_doc):
                store.add_document(d, claims, ingested_at=at)
            reconcile_and_save(store, settings)
    finally:
        store.close()
    return CheckResult(tuple(new_claims), found, tuple(docs))


def contradiction_key(c: Mapping[str, Any] | Contradiction) -> tuple:
    """What identifies a contradiction across runs of ``check``: its kind and the place of each
    side (file, start, end), in order; the ids of new claims change from run to run."""
    d = c if isinstance(c, Mapping) else c.as_dict()
    sides = sorted((str(d[s]["doc"]), int(d[s]["start"]), int(d[s]["end"])) for s in ("a", "b"))
    return (str(d["kind"]), *sides)


def load_baseline(path: str) -> set[tuple]:
    """The known contradictions of a ``--baseline`` file: the output of
    ``check --format json`` or ``--format jsonl`` (or ``contradictions --format json|jsonl``)."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as err:
        raise InputError(path, f"cannot read the baseline: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise InputError(path, "the baseline is not UTF-8 JSON") from None
    try:
        try:
            data = json.loads(text)
        except ValueError:                       # JSON lines: one contradiction a line
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        if isinstance(data, dict):
            data = data["contradictions"] if "contradictions" in data else [data]
        return {contradiction_key(x) for x in data}
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise InputError(path, f"not a baseline of contradictions (check --format json): {err}") from None


def _part_for_check(store, settings: Settings, new_claims: Sequence[Claim], new_paths: set[str]):
    """(stored claims that new claims can meet, the Replay, its Source) while the saved output
    is current and the new claims are dated and come from files not stored yet
    (``engine.replay``); else None: every stored claim is needed."""
    dates = [c.event.date for c in new_claims]
    if not new_claims or None in dates or store.saved_inputs() != engine_inputs(store, settings) \
            or any(store.claims(doc=p, origin="extract") for p in sorted(new_paths)):
        return None
    got = _replay(store, settings, {d for d in dates if d is not None}, None)
    if got is None:
        return None
    replay, source = got
    return store.claims(origin="extract", document_ids=sorted(replay.docs)), replay, source


@dataclass(frozen=True, slots=True)
class Explanation:
    claim: Claim
    marked_sentence: str
    rules: tuple[tuple[str, str], ...]     # (rule id, what it means)
    quantity: Quantity | None
    contradictions: tuple[Contradiction, ...]


def explain(settings: Settings, claim_id: int, *, recompute: bool = False) -> Explanation:
    """``reconcile explain``: the sentence with the figure marked and the rules that fired."""
    from .rules import describe_rule

    store = open_store(settings)
    try:
        claim = store.claim(claim_id)
    finally:
        store.close()
    if claim is None:
        raise UsageError(f"no claim with id {claim_id}")
    rec = reconcile_store(settings, recompute=recompute)
    s0 = claim.start - claim.sentence_start
    s1 = claim.end - claim.sentence_start
    marked = claim.sentence[:s0] + "[[" + claim.sentence[s0:s1] + "]]" + claim.sentence[s1:]
    quantity = next((q for q in rec.quantities if any(c.id == claim.id for c in q.claims)), None)
    contras = tuple(x for x in rec.contradictions if claim.id in (x.a.id, x.b.id))
    return Explanation(claim, marked, tuple((r, describe_rule(r)) for r in claim.rules), quantity, contras)


# ---------------------------------------------------------------------------
# datasette
# ---------------------------------------------------------------------------

def sqlite_file(settings: Settings) -> str:
    """The file of the SQLite store, or :class:`DatabaseError` (datasette reads SQLite files)."""
    from .store.session import _sqlite_file, parse_url

    url = parse_url(settings.db)
    path = _sqlite_file(url) if url.get_backend_name() == "sqlite" else None
    if path is None:
        raise DatabaseError(f"{describe_db(settings.db)}: datasette reads a SQLite file; "
                            "this store is not one (query PostgreSQL with its own clients)")
    return path


def datasette_metadata(database_file: str) -> dict[str, Any]:
    """Datasette metadata for the store in ``database_file``: the description of every table
    and view, keyed by the name datasette gives that database (the file's stem), so that it
    applies whatever the file is called (``figures.db`` -> ``figures``)."""
    from importlib.resources import files

    template = json.loads(files("reconcile.store").joinpath("datasette-metadata.json")
                          .read_text(encoding="utf-8"))
    (tables,) = template["databases"].values()
    name = Path(database_file).stem
    return {**template, "databases": {name: tables}}
