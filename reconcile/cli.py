"""The command line: click commands only.  Each parses arguments, calls one
function of :mod:`reconcile.api`, and formats the rows it gets back.

Exit codes: 0 success; 1 ``check`` found contradictions; 2 usage error;
3 input error; 4 database error; 5 configuration error; 6 internal error (see errors.py).

An unexpected exception is one line naming the step (the command and the function that
failed) and the file being worked on; ``--debug`` (or ``RECONCILE_DEBUG=1``) adds the traceback.
A closed standard output (``reconcile claims | head -1``) ends the command quietly with 0.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import sys
import traceback
import time
from typing import Any, Callable, Iterable, Sequence

import click

from . import api
from .errors import EXIT_CONTRADICTIONS, EXIT_INTERNAL, DatabaseError, ReconcileError, UsageError
from .model import CONTRADICTION_KINDS
from .settings import Settings, load_settings

#: the row formats every listing command offers (sqlite-utils' output_options are the model)
TABLE_FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown")


class Context:
    def __init__(self, db: str | None, config: str | None) -> None:
        self._db = db
        self._config = config
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(config_path=self._config, overrides={"db": self._db})
        return self._settings


pass_ctx = click.make_pass_decorator(Context)


def _emit(text: str) -> None:
    if text:
        click.echo(text.rstrip("\n"))


def _columns(kind: str) -> Sequence[str]:
    """The fixed columns of a row kind, so that an empty CSV still has its header."""
    from .report import formats

    return {"claim": formats.CLAIM_COLUMNS, "quantity": formats.QUANTITY_COLUMNS,
            "contradiction": formats.CONTRADICTION_COLUMNS}[kind]


def output_options(*extra: str, default: str = "table") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` (the row formats, plus a command's own such as html or github) and
    ``--no-headers``: the same output options on every command."""
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn = click.option("--no-headers", is_flag=True,
                          help="Leave out the header row (table, markdown, csv, tsv).")(fn)
        fn = click.option("--format", "fmt", type=click.Choice((*TABLE_FORMATS, *extra)), default=default,
                          show_default=True, help="Output format.")(fn)
        return fn
    return deco


def _width() -> int | None:
    """The terminal's width for tables: a terminal, or COLUMNS set; else None (no wrapping)."""
    if os.environ.get("COLUMNS") or sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return None


def _render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
            headers: bool = True) -> str:
    """Rows in ``fmt``; json and jsonl rows are ``as_dict()`` output, JSON-ready as they are."""
    from .report.formats import render

    return render(rows, fmt, columns=columns, plain=fmt in ("json", "jsonl"), headers=headers,
                  width=_width() if fmt == "table" else None)


def _emit_rows(rows: Iterable[dict[str, Any]], fmt: str, kind: str | None, headers: bool = True) -> None:
    """The one output path (sqlite-utils' ``output_rows``): rows of a kind (claim, quantity,
    contradiction; None: any keys) in ``fmt``.  JSON lines go out a batch at a time (a
    listing of millions never becomes one string), the other formats are rendered whole."""
    if fmt != "jsonl":
        cols = None if fmt == "json" or kind is None else _columns(kind)
        _emit(_render(list(rows), fmt, cols, headers))
        return
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    batch: list[str] = []
    for row in rows:
        batch.append(dumps(row))
        if len(batch) == _JSONL_BATCH:
            click.echo("\n".join(batch))
            batch.clear()
    if batch:
        click.echo("\n".join(batch))


#: JSON lines written per call to the terminal or file (one ``echo`` per line costs more than the line)
_JSONL_BATCH = 512


_DEBUG = {"on": False}


def _debug() -> bool:
    return _DEBUG["on"] or os.environ.get("RECONCILE_DEBUG", "") not in ("", "0")


def _failure_line(exc: BaseException, step: str) -> str:
    """One line for an unexpected exception: the step (command and the innermost function of
    the tool that failed), the file being worked on (the innermost ``path`` the tool's frames
    hold) and the exception itself."""
    where, path = "", None
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_globals.get("__name__", "").startswith("reconcile"):
            where = f"{frame.f_globals['__name__']}.{frame.f_code.co_name}"
            for name in ("path", "doc_path"):
                value = frame.f_locals.get(name)
                if isinstance(value, (str, os.PathLike)):
                    path = os.fsdecode(value)
            doc = frame.f_locals.get("doc") or frame.f_locals.get("document")
            if getattr(doc, "path", None):
                path = str(doc.path)
        tb = tb.tb_next
    message = " ".join(str(exc).split()) or type(exc).__name__
    file_part = f"{path}: " if path else ""
    step_part = f"{step} ({where})" if where else step
    return (f"reconcile: error: {file_part}internal error in {step_part}: {type(exc).__name__}: "
            f"{message} (exit {EXIT_INTERNAL}; run with --debug for the traceback)")


def _stdout_closed() -> None:
    """Standard output was closed by the reader (``| head``): stop quietly, exit 0."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass
    sys.exit(0)


class _Group(click.Group):
    """Maps library errors to one line on standard error and the documented exit code, and any
    other exception to one line too (exit 6; the traceback only with ``--debug``)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except _Exit as exc:
            ctx.exit(exc.code)
        except ReconcileError as exc:
            click.echo(f"reconcile: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            _stdout_closed()
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the one top-level handler
            if _debug():
                traceback.print_exception(exc, file=sys.stderr)
            sub = ctx.invoked_subcommand or (ctx.protected_args[0] if ctx.protected_args else "")
            click.echo(_failure_line(exc, " ".join(filter(None, ["reconcile", sub]))), err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", metavar="URL", help="Database URL or SQLite path (default: sqlite:///reconcile.db; env RECONCILE_DB).")
@click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="Settings file (default: ./config.toml when present).")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error (env RECONCILE_DEBUG=1).")
@click.version_option(package_name="reconcile-figures")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_path: str | None, debug: bool) -> None:
    """Extract numeric claims from news, store them, and flag contradictions.

    \b
    Example:
      reconcile ingest seeds/
      reconcile report
      reconcile contradictions --format jsonl
    """
    _DEBUG["on"] = debug
    _route_library_warnings()
    ctx.obj = Context(db, config_path)
    if ctx.invoked_subcommand is None:     # bare `reconcile`: the help, no error line
        click.echo(ctx.get_help())
        ctx.exit(0)


# ---------------------------------------------------------------------------
@cli.command()
@output_options()
@click.argument("paths", nargs=-1, required=True)
@pass_ctx
def extract(obj: Context, fmt: str, no_headers: bool, paths: tuple[str, ...]) -> None:
    """Print the claims found in files (no database).

    PATHS are files, folders (read recursively) or - for standard input.

    \b
    Example:
      reconcile extract seeds/000_dc6f63dc215eac7b.txt
      reconcile extract --format jsonl articles/ > claims.jsonl
    """
    problems: list[api.Problem] = []
    structured = fmt in ("json", "jsonl")
    rows = (c.as_dict() if structured else _claim_row(c)
            for _doc, claims in api.extract_paths(list(paths), obj.settings, problems=problems) for c in claims)
    _emit_rows(rows, fmt, "claim", headers=not no_headers)
    _warn(problems)


def _claim_row(c) -> dict[str, Any]:
    from .report.formats import claim_rows

    return claim_rows([c])[0]


def _warn(problems: Sequence[api.Problem]) -> None:
    for p in problems:
        click.echo(f"reconcile: {p.severity}: {p}", err=True)


# ---------------------------------------------------------------------------
@cli.command()
@click.option("--keep-going", is_flag=True, help="Ingest the good files and list the bad ones at the end.")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary line.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Extract on N processes (0: one per CPU).")
@click.option("--strict", is_flag=True, help="A document cut short (its time budget spent, or over the figures a document may hold) is an error (exit 3).")
@click.option("--name", help="The name of the document read from standard input (default: its content hash).")
@click.argument("paths", nargs=-1, required=True)
@pass_ctx
def ingest(obj: Context, keep_going: bool, quiet: bool, jobs: int, strict: bool, name: str | None,
           paths: tuple[str, ...]) -> None:
    """Extract and store the claims of files, one transaction per document.

    Re-ingesting the same content changes nothing; a changed file at the same
    path becomes a new version and its old claims are marked superseded.

    \b
    Example:
      reconcile ingest articles/2026-w04/
      reconcile --db figures.db ingest --keep-going dump.jsonl page.html
      reconcile ingest --jobs 0 big-folder/
    """
    from .parallel import default_jobs

    show = not quiet and sys.stderr.isatty()
    count = 0
    started = time.monotonic()

    def progress(_doc) -> None:
        nonlocal count
        count += 1
        if show and (count < 50 or count % 25 == 0):
            rate = count / max(time.monotonic() - started, 1e-6)
            click.echo(f"\ringesting: {count} documents ({rate:.0f}/s)", err=True, nl=False)

    summary = api.ingest(list(paths), obj.settings, keep_going=keep_going, progress=progress,
                         jobs=jobs or default_jobs(), strict=strict, name=name)
    if show:
        click.echo("", err=True)
    if not quiet:
        click.echo(f"{summary.documents} documents ({summary.new} new, {summary.new_versions} new versions, "
                   f"{summary.unchanged} unchanged), {summary.claims} claims stored; "
                   f"{summary.quantities} quantities, {summary.contradictions} contradictions")
    _warn(summary.problems)  # the bad files last, where a long ingest's reader looks
    if summary.errors:
        raise _Exit(3)


class _Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


# ---------------------------------------------------------------------------
@cli.command()
@output_options()
@click.option("--event", help="Only claims of this event key (see `reconcile groups`).")
@click.option("--measure", help="Only this measure (killed, wounded, detained, ...).")
@click.option("--claimant", help="Only claimants whose name contains this text.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only events on or after YYYY-MM-DD.")
@click.option("--all-versions", is_flag=True, help="Include claims of superseded document versions.")
@pass_ctx
def claims(obj: Context, fmt: str, no_headers: bool, event: str | None, measure: str | None, claimant: str | None,
           since: dt.datetime | None, all_versions: bool) -> None:
    """List stored claims.

    \b
    Example:
      reconcile claims --measure killed --since 2026-01-01
      reconcile claims --claimant police --format csv > police.csv
    """
    if measure is not None and not measure.replace("-", "").isalpha():
        raise UsageError(f"--measure: not a measure word: {measure!r}")
    flt = api.ClaimFilter(event=event, measure=measure.lower() if measure else None, claimant=claimant,
                          since=since.date() if since else None, include_superseded=all_versions)
    found = api.list_claims(obj.settings, flt)
    if fmt in ("json", "jsonl"):
        rows = [c.as_dict() for c in found]
    else:
        from .report.formats import claim_rows

        rows = claim_rows(found)
    _emit_rows(rows, fmt, "claim", headers=not no_headers)


def output_filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--event, --measure and --since for the commands that show the engine's output."""
    fn = click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]),
                      help="Only events dated on or after YYYY-MM-DD (undated ones left out).")(fn)
    fn = click.option("--measure", help="Only this measure (killed, wounded, detained, ...).")(fn)
    fn = click.option("--event", help="Only this event, as the event column of `reconcile groups` names it.")(fn)
    return fn


def _output_filter(event: str | None, measure: str | None, since: dt.datetime | None,
                   kind: str | None = None) -> "api.OutputFilter":
    if measure is not None and not measure.replace("-", "").isalpha():
        raise UsageError(f"--measure: not a measure word: {measure!r}")
    # the engine's event keys and measures are lower case
    return api.OutputFilter(event=event.lower() if event else None, measure=measure.lower() if measure else None,
                            since=since.date() if since else None, kind=kind)


#: read commands: the output the last ingest saved, unless asked to reconcile again
recompute_option = click.option(
    "--recompute", is_flag=True,
    help="Reconcile every stored claim again instead of reading the output the last ingest saved "
         "(the saved output is used only while claims, engine options and version are unchanged).")


# ---------------------------------------------------------------------------
@cli.command()
@output_options("html")
@click.option("--all", "include_all", is_flag=True, help="Include agreed figures, not only disputed ones.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE.")
@output_filter_options
@recompute_option
@pass_ctx
def report(obj: Context, fmt: str, no_headers: bool, include_all: bool, output: str | None, event: str | None, measure: str | None,
           since: dt.datetime | None, recompute: bool) -> None:
    """The disputed numbers: one row per quantity, each claimant's figure.

    \b
    Example:
      reconcile report
      reconcile report --all --format json > report.json
      reconcile report --format html -o venezuela.html
      reconcile report --measure killed --since 2026-11-01
    """
    from .report import formats

    # the page's summary counts the consistent quantities too
    rec = api.reconcile_store(obj.settings, recompute=recompute, disputed_only=not include_all and fmt != "html",
                              contradictions=fmt in ("html", "markdown"), flt=_output_filter(event, measure, since))
    if fmt in ("json", "jsonl"):
        qs = [q.as_dict() for q in rec.quantities if include_all or q.status != "consistent"]
        text = json.dumps({"quantities": qs}, ensure_ascii=False, indent=2) if fmt == "json" \
            else "\n".join(json.dumps(q, ensure_ascii=False) for q in qs)
    elif fmt == "html":
        from .report.html import render_html

        text = render_html(rec.quantities, rec.contradictions, include_all=include_all)
    elif fmt == "markdown":
        text = formats.markdown_report(
            [q for q in rec.quantities if include_all or q.status != "consistent"], rec.contradictions,
            title="Figures" if include_all else "Disputed figures", include_all=include_all,
            headers=not no_headers)
    else:
        text = formats.render(formats.quantity_rows(rec.quantities, include_all=include_all), fmt,
                              columns=formats.QUANTITY_COLUMNS, headers=not no_headers,
                              width=None if output or fmt != "table" else _width())
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text if text.endswith("\n") else text + "\n")
        except OSError as exc:
            raise UsageError(f"--output {output}: cannot write: {exc.strerror or exc}") from None
    else:
        _emit(text)


# ---------------------------------------------------------------------------
@cli.command()
@output_options()
@output_filter_options
@click.option("--kind", type=click.Choice(CONTRADICTION_KINDS), help="Only contradictions of this kind.")
@recompute_option
@pass_ctx
def contradictions(obj: Context, fmt: str, no_headers: bool, event: str | None, measure: str | None, since: dt.datetime | None,
                   kind: str | None, recompute: bool) -> None:
    """Every pair of stored claims that cannot both hold, with its kind.

    Kinds: disjoint, denial, self, revision, update, exceeds-total.

    \b
    Example:
      reconcile contradictions
      reconcile --db dev.db contradictions --format jsonl > pairs.jsonl
      reconcile contradictions --since 2026-11-01 --kind denial
    """
    from .report.formats import contradiction_dicts, contradiction_rows

    rec = api.reconcile_store(obj.settings, recompute=recompute, quantities=False,
                              flt=_output_filter(event, measure, since, kind))
    if fmt in ("json", "jsonl"):
        rows = contradiction_dicts(rec.contradictions)
    else:
        rows = contradiction_rows(rec.contradictions)
    _emit_rows(rows, fmt, "contradiction", headers=not no_headers)


# ---------------------------------------------------------------------------
@cli.command()
@output_options()
@output_filter_options
@recompute_option
@pass_ctx
def groups(obj: Context, fmt: str, no_headers: bool, event: str | None, measure: str | None, since: dt.datetime | None,
           recompute: bool) -> None:
    """The quantities: claims grouped by event, measure and scope.

    \b
    Example:
      reconcile groups
      reconcile groups --format csv > groups.csv
    """
    from .report.formats import quantity_rows

    rec = api.reconcile_store(obj.settings, recompute=recompute, contradictions=False,
                              flt=_output_filter(event, measure, since))
    if fmt in ("json", "jsonl"):
        rows = [q.as_dict() for q in rec.quantities]
    else:
        rows = quantity_rows(rec.quantities, include_all=True)
    _emit_rows(rows, fmt, "quantity", headers=not no_headers)


# ---------------------------------------------------------------------------
@cli.command()
@output_options("github")
@click.option("--ingest", "ingest_after", is_flag=True, help="Store the new files' claims afterwards.")
@click.option("--allow-empty", is_flag=True,
              help="Accept a missing or empty store (else exit 4: a mistyped --db must not pass every file).")
@click.option("--baseline", metavar="FILE", type=click.Path(dir_okay=False),
              help="Known contradictions (a saved `check --format json` or jsonl): not reported, not failing.")
@click.argument("paths", nargs=-1, required=True)
@pass_ctx
def check(obj: Context, fmt: str, no_headers: bool, ingest_after: bool, allow_empty: bool, baseline: str | None,
          paths: tuple[str, ...]) -> None:
    """CI gate: the contradictions that new files introduce against the store.

    Exits 1 when there are any (beyond --baseline), 0 when there are none, 2 on usage
    errors, 4 when the store is missing or empty (unless --allow-empty).

    \b
    Example:
      reconcile --db figures.db check --format github new/*.txt
      reconcile --db figures.db check --format json new/*.txt > known.json
      reconcile --db figures.db check --baseline known.json new/*.txt
      reconcile --db figures.db check --allow-empty --ingest first/*.txt
    """
    from .report import formats

    known = api.load_baseline(baseline) if baseline else set()
    result = api.check(list(paths), obj.settings, ingest_after=ingest_after, allow_empty=allow_empty)
    found = tuple(x for x in result.contradictions if api.contradiction_key(x) not in known)
    if fmt == "json":
        _emit(json.dumps({"claims": len(result.claims), "contradictions": [x.as_dict() for x in found]},
                         ensure_ascii=False, indent=2))
    elif fmt == "github":
        docs = {d.path: d for d in result.documents}

        def line_of(path: str, offset: int) -> tuple[str, int] | int:
            d = docs.get(path)
            if d is None:
                return 0  # a stored file: not annotated
            if d.line is not None:            # a JSON line: the file and the line it is on
                return (path.rsplit("#", 1)[0], d.line)
            return (path, d.text[:offset].count("\n") + 1)

        _emit(formats.github_annotations(found, line_of=line_of))
    elif fmt == "markdown":
        _emit(formats.markdown_report([], found, title="Figures that contradict the store"))
    elif fmt == "jsonl":
        _emit_rows([x.as_dict() for x in found], fmt, "contradiction")
    else:
        _emit_rows(formats.contradiction_rows(found), fmt, "contradiction", headers=not no_headers)
        if fmt == "table":
            click.echo(f"{len(result.claims)} claims checked, {len(found)} contradictions"
                       + (f" ({len(result.contradictions) - len(found)} known, in the baseline)"
                          if len(found) != len(result.contradictions) else ""), err=True)
    if found:
        raise _Exit(EXIT_CONTRADICTIONS)


# ---------------------------------------------------------------------------
@cli.command()
@click.argument("claim_id", type=click.IntRange(1, 2**63 - 1))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@recompute_option
@pass_ctx
def explain(obj: Context, claim_id: int, fmt: str, recompute: bool) -> None:
    """Why a claim reads as it does: its sentence, the figure marked, the rules that fired.

    \b
    Example:
      reconcile claims --measure killed
      reconcile explain 12
    """
    from .report.formats import format_interval

    ex = api.explain(obj.settings, claim_id, recompute=recompute)
    c = ex.claim
    if fmt == "json":
        _emit(json.dumps({"claim": c.as_dict(), "sentence": ex.marked_sentence,
                          "rules": [{"id": r, "description": d} for r, d in ex.rules],
                          "quantity": ex.quantity.key if ex.quantity else None,
                          "contradictions": [x.as_dict() for x in ex.contradictions]},
                         ensure_ascii=False, indent=2))
        return
    lines = [
        f"claim {c.id}: {c.measure} {format_interval(c.low, c.high, c.qualifier, c.vague)}"
        f"  ({c.qualifier}{', vague' if c.vague else ''})",
        f"document:  {c.doc}  [{c.start}:{c.end}]  published {c.published or 'unknown'}",
        f"sentence:  {ex.marked_sentence}",
        f"subject:   {c.subject or '-'}",
        f"claimant:  {c.claimant or '(the outlet itself)'}  kind={c.claimant_kind}"
        + (f"  via {' <- '.join(c.via)}" if c.via else ""),
        f"stance:    {c.stance}",
        f"event:     {c.event.date or 'date unknown'}  {c.event.place or ''}  {' '.join(c.event.kinds)}",
        "rules:",
        *[f"  {r:<32} {d}" for r, d in ex.rules],
    ]
    if ex.quantity:
        q = ex.quantity
        lines.append(f"quantity:  {q.key}  best={format_interval(q.best, q.best)}  status={q.status}")
    for x in ex.contradictions:
        lines.append(f"contradiction ({x.kind}): {x.explanation}")
    _emit("\n".join(lines))


# ---------------------------------------------------------------------------
@cli.group()
def db() -> None:
    """Database schema: upgrade, downgrade, current (Alembic).

    \b
    Example:
      reconcile db upgrade
      reconcile --db postgresql+psycopg://user@host/figures db current
    """


@db.command("upgrade")
@click.argument("revision", default="head")
@pass_ctx
def db_upgrade(obj: Context, revision: str) -> None:
    """Migrate the database up to REVISION (default: head).

    \b
    Example:
      reconcile db upgrade
    """
    from .store import migrate

    migrate.upgrade(obj.settings.db, revision)
    click.echo(f"at revision {migrate.current(obj.settings.db)}")


@db.command("downgrade", context_settings={"ignore_unknown_options": True})
@click.argument("revision", default="-1")
@click.option("--yes", "-y", is_flag=True, help="Do not ask before `base` (which drops every table).")
@pass_ctx
def db_downgrade(obj: Context, revision: str, yes: bool) -> None:
    """Migrate the database down to REVISION (default: -1, one step; `base` drops every
    table and asks first unless --yes).

    \b
    Example:
      reconcile db downgrade -1
      reconcile db downgrade --yes base
    """
    from .store import migrate

    if revision.startswith("-") and not revision[1:].isdigit():
        raise UsageError(f"no such option or revision {revision!r} (see: reconcile db downgrade --help)")
    if revision == "base" and not yes:
        if not sys.stdin.isatty():
            raise UsageError("`db downgrade base` drops every table and its data; add --yes to confirm")
        click.confirm(f"Drop every table of {obj.settings.db}?", abort=True, err=True)
    migrate.downgrade(obj.settings.db, revision)
    click.echo(f"at revision {migrate.current(obj.settings.db) or 'base'}")


@db.command("current")
@pass_ctx
def db_current(obj: Context) -> None:
    """Print the database's schema revision.

    \b
    Example:
      reconcile db current
    """
    from .store import migrate

    click.echo(migrate.current(obj.settings.db) or "base (empty)")


# ---------------------------------------------------------------------------
@cli.command("config")
@output_options()
@pass_ctx
def config_cmd(obj: Context, fmt: str, no_headers: bool) -> None:
    """Print the effective settings and where each came from.

    Precedence: command line > RECONCILE_* environment > config file > defaults.

    \b
    Example:
      reconcile config
      RECONCILE_DB=other.db reconcile config
    """
    structured = fmt in ("json", "jsonl")   # dict values stay objects there, text elsewhere
    rows = [{"key": k, "value": json.dumps(v) if isinstance(v, dict) and not structured else v, "from": o}
            for k, v, o in obj.settings.describe()]
    from .report.formats import render

    # values of every type: converted for JSON, not taken as they are
    _emit(render(rows, fmt, headers=not no_headers, width=_width() if fmt == "table" else None))


@cli.command("serve", context_settings={"ignore_unknown_options": True})
@click.option("--metadata-only", is_flag=True,
              help="Print the datasette metadata for this database (JSON) instead of starting datasette.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address datasette listens on.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port datasette listens on.")
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
@pass_ctx
def serve(obj: Context, metadata_only: bool, host: str, port: int, datasette_args: tuple[str, ...]) -> None:
    """Browse the store in datasette, with a description of every table and view, whatever the
    database file is called.  Needs the `serve` extra (pip install '.[serve]'); further
    arguments go to `datasette serve`.

    \b
    Example:
      reconcile --db figures.db serve
      reconcile --db figures.db serve --metadata-only > metadata.json
      datasette figures.db -m metadata.json
    """
    import importlib.util
    import signal
    import subprocess
    import tempfile

    path = api.sqlite_file(obj.settings)
    meta = api.datasette_metadata(path)
    if metadata_only:
        _emit(json.dumps(meta, ensure_ascii=False, indent=2))
        return
    if not os.path.exists(path):
        raise DatabaseError(f"{path}: no such database (ingest articles first, or check --db)")
    if importlib.util.find_spec("datasette") is None:
        raise UsageError("datasette is not installed: pip install 'reconcile-figures[serve]' "
                         "(or pip install datasette)")
    api.open_store(obj.settings).close()          # migrated to the current schema, views included
    with tempfile.TemporaryDirectory(prefix="reconcile-serve-") as tmp:
        meta_file = os.path.join(tmp, "metadata.json")
        with open(meta_file, "w", encoding="utf-8") as fh:
            json.dump(meta, fh, ensure_ascii=False)
        cmd = [sys.executable, "-m", "datasette", "serve", path, "--metadata", meta_file,
               "--host", host, "--port", str(port), *datasette_args]
        proc = subprocess.Popen(cmd)
        # a stop signal to this process stops datasette too (no server left behind)
        previous = signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            proc.wait()
            code = 0
        finally:
            signal.signal(signal.SIGTERM, previous)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    sys.exit(0 if code in (-signal.SIGTERM, -signal.SIGINT) else code)


class _WarningLine(logging.Handler):
    """The library's own warnings (``reconcile`` logger: a wait on a database lock) as the
    CLI's one-line warnings on standard error, written where standard error is now."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"reconcile: warning: {record.getMessage()}", err=True)


def _route_library_warnings() -> None:
    log = logging.getLogger("reconcile")
    if not any(isinstance(h, _WarningLine) for h in log.handlers):
        log.addHandler(_WarningLine(logging.WARNING))
        log.propagate = False


# ---------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: usage errors are one line too (exit 2), like every other error."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="reconcile",
                        standalone_mode=False)
    except click.UsageError as exc:
        hint = f" (see: reconcile {exc.ctx.command_path.split(' ', 1)[1]} --help)" \
            if exc.ctx is not None and " " in exc.ctx.command_path else " (see: reconcile --help)"
        click.echo(f"reconcile: error: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"reconcile: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("reconcile: aborted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # pragma: no cover - e.g. `reconcile claims | head`
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
