"""The Store: documents and claims in, claims and the engine's output out.

* ``add_document`` writes one document and its claims in ONE transaction,
  idempotent by the content's sha256, and versions documents by path (and
  JSON line): a changed article becomes a new row, the old row points to it
  (``documents.superseded_by``) and its claims stay, marked ``current = false``.
  The whole transaction is retried on lock / serialization errors; a race on
  the sha256 unique constraint reads as "unchanged".
* ``save_reconciliation`` replaces the engine's output (events, quantities,
  quantity_claims, contradictions, claims.event_id) in one transaction.
  Claims are referenced by ``Claim.id``.  A claim without an id (a derived
  claim made by the engine) is matched to a stored claim of the current
  document with that path (same span, measure, subject and figures) or else
  inserted with ``derived = true, origin = 'engine'`` on that document; if no
  document has that path the claim is not linked (and a contradiction that
  needs it is skipped).  Engine-inserted claims no longer referenced by the
  saved output are deleted.
* Reads are sorted: claims by (doc, start, end, id), outputs by key.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import random
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

import sqlalchemy as sa
from sqlalchemy import exc, func, select
from sqlalchemy.orm import Session

from ..errors import DatabaseError
from ..model import QUALIFIERS, STANCES, Claim, Document, EventAnchor, Quantity, Reconciliation
from . import migrate as _migrate
from .session import (
    RETRIES,
    check_connection,
    describe,
    is_retryable,
    make_engine,
    retry,
    writer,
)
from .tables import (
    ClaimRow,
    Claimant,
    ContradictionRow,
    DocumentRow,
    EventRow,
    Outlet,
    QuantityClaim,
    QuantityRow,
    StoreMeta,
)

#: pg_advisory_xact_lock key for "save the engine's output" (any constant unused elsewhere)
_PG_SAVE_LOCK_KEY = 7_350_214_881

_ARTICLES = frozenset({"the", "a", "an"})
_CHUNK = 500
#: outlet and claimant ids a Store remembers at most (then it starts again: only a cache)
_KNOWN_MAX = 20_000
#: more claim ids than this are read by one scan of the claims rather than IN (...) chunks
_MANY_IDS = 20_000
#: store_meta key of the fingerprint of the saved engine output's inputs
ENGINE_INPUTS = "engine.inputs"
#: store_meta key of what the saved output was computed from, readable (JSON): the engine's
#: configuration digest and (count, greatest id, sum of ids) of the claims it read
ENGINE_BASE = "engine.base"


@dataclass(frozen=True)
class AddResult:
    doc_id: int
    status: str            # "new" | "new-version" | "unchanged"
    claims: int            # claims written by this call (0 when unchanged)
    duplicate_of: str | None = None   # unchanged because this text is stored under another path (PATH or PATH:LINE)


def claimant_key(name: str) -> str:
    """Normalised claimant name: lower case, accents, punctuation and articles dropped.

    >>> claimant_key("The U.S. Ministry of Health's office")
    'us ministry of healths office'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'\u2019`]", "", text)
    words = re.findall(r"\w+", text)
    kept = [w for w in words if w not in _ARTICLES]
    return " ".join(kept or words) or name.strip().casefold()


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _is_unique_violation(err: exc.IntegrityError) -> bool:
    orig = err.orig
    if getattr(orig, "sqlstate", None) == "23505":
        return True
    return "unique constraint" in str(orig).lower()


def _chunks(items: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


F = TypeVar("F", bound=Callable[..., Any])


def _reading(fn: F) -> F:
    """Database failures while reading become one-line DatabaseErrors."""
    @functools.wraps(fn)
    def wrapper(self: "Store", *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except exc.DBAPIError as err:
            first = str(err.orig or err).strip().splitlines()
            raise DatabaseError(f"reading {describe(self.url)} failed: {first[0] if first else err}") from None
    return wrapper  # type: ignore[return-value]


def _event_key(q: Quantity) -> str:
    """The event part of a quantity key ("<event>|<measure>|<scope>"), else the label."""
    parts = q.key.rsplit("|", 2)
    return parts[0] if len(parts) == 3 and parts[0] else q.event


def _key_filter(key: Any, event: str | None, measure: str | None, since: dt.date | None) -> tuple[Any, ...]:
    """SQL conditions on a quantity key ``"<event>|<measure>|<scope>"`` (the engine's keys: no
    ``|`` inside a part; the event starts with its ISO date or "undated").  The same tests in
    Python: ``reconcile.api.OutputFilter.keeps``."""
    out: list[Any] = []
    if event is not None:
        out.append(key.like(f"{_like_escape(event)}|%", escape="\\"))
    if measure is not None:
        out.append(key.like(f"%|{_like_escape(measure)}|%", escape="\\"))
    if since is not None:
        out += [key >= since.isoformat(), sa.not_(key.like("undated%"))]
    return tuple(out)


def _claims_state(s: Session, after: int | None = None) -> tuple[int, int, int]:
    """See Store.claims_state."""
    row = s.execute(
        select(func.count(), func.coalesce(func.max(ClaimRow.id), 0), func.coalesce(func.sum(ClaimRow.id), 0))
        .where(ClaimRow.current.is_(True), ClaimRow.origin == "extract",
               *(() if after is None else (ClaimRow.id > after,)))).one()
    return int(row[0]), int(row[1]), int(row[2])


def _as_date(value: Any) -> dt.date | None:
    """A date from an aggregate over a DATE column (a driver may hand back ISO text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _raw_json(column: Any) -> Any:
    """A JSON column read as its stored text (decoded by _ClaimReader, once per distinct value)."""
    return sa.type_coerce(column, sa.Text).label(column.key)


#: the claim columns readers select (plain rows, not ORM objects: a store of a million
#: claims is read several times faster); order matters to _ClaimReader
_CLAIM_COLUMNS = (
    ClaimRow.id, ClaimRow.start, ClaimRow.end, ClaimRow.text, ClaimRow.measure, ClaimRow.low, ClaimRow.high,
    ClaimRow.qualifier, ClaimRow.vague, ClaimRow.subject, ClaimRow.claimant, ClaimRow.claimant_kind,
    _raw_json(ClaimRow.via), ClaimRow.stance, ClaimRow.sentence, ClaimRow.sentence_start, ClaimRow.event_date,
    ClaimRow.event_date_text, ClaimRow.place, _raw_json(ClaimRow.places), _raw_json(ClaimRow.kinds),
    _raw_json(ClaimRow.rules), ClaimRow.derived,
)


class _ClaimReader:
    """Row of ``_CLAIM_COLUMNS`` + (path, published, outlet, url) -> Claim.  JSON lists repeat
    (the same rules, kinds, places over and over): each distinct text is decoded once."""

    def __init__(self) -> None:
        self._lists: dict[str, tuple[str, ...]] = {}

    def _list(self, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, str):        # a driver that decodes JSON itself (psycopg)
            return tuple(value)
        got = self._lists.get(value)
        if got is None:
            got = self._lists[value] = tuple(json.loads(value) or ())
        return got

    def __call__(self, r: Any) -> Claim:
        (cid, start, end, text, measure, low, high, qualifier, vague, subject, claimant, claimant_kind, via,
         stance, sentence, sentence_start, event_date, event_date_text, place, places, kinds, rules, derived,
         path, published, outlet, url) = r
        return Claim(
            doc=path, start=start, end=end, text=text, measure=measure, low=low, high=high,
            qualifier=qualifier, vague=bool(vague), subject=subject, claimant=claimant,
            claimant_kind=claimant_kind, via=self._list(via), stance=stance, sentence=sentence,
            sentence_start=sentence_start,
            event=EventAnchor(date=event_date, date_text=event_date_text, place=place,
                              places=self._list(places), kinds=self._list(kinds)),
            rules=self._list(rules), derived=bool(derived), published=published, source=outlet, url=url, id=cid,
        )


@dataclass(slots=True)
class _Ids:
    """Outlet name -> id and claimant key -> (id, kind), found or made in one transaction
    (``pending``) or known to be committed (``Store._known``)."""

    outlets: dict[str, int] = field(default_factory=dict)
    claimants: dict[str, tuple[int, str]] = field(default_factory=dict)

    def merge(self, other: "_Ids") -> None:
        if len(self.claimants) + len(other.claimants) > _KNOWN_MAX:   # memory stays flat on a firehose
            self.claimants.clear()
        if len(self.outlets) + len(other.outlets) > _KNOWN_MAX:
            self.outlets.clear()
        self.outlets.update(other.outlets)
        self.claimants.update(other.claimants)


class Store:
    """Persistent claims.  ``Store(url)`` migrates a fresh database to head."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self._engine = make_engine(url)
        try:
            check_connection(self._engine)
            retry(lambda: self._prepare(migrate), what="schema check")
        except BaseException:
            self._engine.dispose()
            raise
        self._writer = writer(self._engine)
        # ids of outlets and claimants committed by this Store: most documents name ones seen
        # before, so most look-ups never reach the database (ids are never reused or deleted)
        self._known = _Ids()

    # ------------------------------------------------------------------ setup

    def _prepare(self, migrate: bool) -> None:
        head = _migrate.heads()[-1]
        with self._engine.connect() as conn:
            rev = _migrate.assert_known(conn, self.url)
            if rev == head:
                return
            tables = set(sa.inspect(conn).get_table_names()) - {"alembic_version"}
        if rev is None and tables:
            raise DatabaseError(
                f"database {describe(self.url)} holds other tables ({', '.join(sorted(tables)[:3])}...) "
                "but no reconcile schema; use a new database file")
        if not migrate:
            raise DatabaseError(
                f"database {describe(self.url)}: schema revision {rev or '(none)'} is older than this "
                f"tool ({head}); migrate it first")
        with _migrate.migration_connection(self._engine) as conn:
            # again, under the lock: another process may have migrated meanwhile
            if _migrate.assert_known(conn, self.url) != head:
                from alembic import command
                command.upgrade(_migrate.alembic_config(self.url, conn), "head")

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writes

    @staticmethod
    def _check(doc: Document, claims: Sequence[Claim]) -> None:
        """Refuse values the schema's check constraints would refuse, before writing anything."""
        for c in claims:
            if c.stance not in STANCES:
                raise ValueError(f"{doc.path}: claim {c.text!r} has unknown stance {c.stance!r}")
            if c.qualifier not in QUALIFIERS:
                raise ValueError(f"{doc.path}: claim {c.text!r} has unknown qualifier {c.qualifier!r}")

    def add_document(self, doc: Document, claims: Sequence[Claim], *, ingested_at: dt.datetime) -> AddResult:
        self._check(doc, claims)
        last = RETRIES - 1
        for attempt in range(RETRIES):
            try:
                pending = _Ids()
                with Session(self._writer) as session, session.begin():
                    result = self._add(session, doc, claims, ingested_at, pending)
                self._known.merge(pending)     # committed: safe to remember
                return result
            except exc.IntegrityError as err:
                found = self._doc_id_by_sha(doc.sha256)
                if found is not None:
                    return AddResult(found, "unchanged", 0)
                if not _is_unique_violation(err) or attempt == last:
                    raise DatabaseError(f"cannot store {doc.path}: {str(err.orig).splitlines()[0]}") from None
            except exc.DBAPIError as err:
                if not is_retryable(err) or attempt == last:
                    raise DatabaseError(f"cannot store {doc.path}: {str(err.orig).splitlines()[0]}") from None
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
        raise AssertionError("unreachable")  # pragma: no cover

    def _doc_id_by_sha(self, sha: str) -> int | None:
        with Session(self._engine) as session:
            return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha))

    def _add(self, s: Session, doc: Document, claims: Sequence[Claim], ingested_at: dt.datetime,
             pending: "_Ids") -> AddResult:
        line_match = DocumentRow.line.is_(None) if doc.line is None else DocumentRow.line == doc.line
        existing = s.execute(select(DocumentRow.id, DocumentRow.path, DocumentRow.line, DocumentRow.superseded_by)
                             .where(DocumentRow.sha256 == doc.sha256)).first()
        if existing is not None:
            eid, epath, eline, esuperseded = existing
            if esuperseded is None or (epath, eline) != (doc.path, doc.line):
                other = None if (epath, eline) == (doc.path, doc.line) else (epath if eline is None else f"{epath}:{eline}")
                return AddResult(eid, "unchanged", 0, other)
            return self._revert(s, eid, line_match, doc)
        previous = self._current_versions(s, doc, line_match)
        # Core statements, not ORM objects and flushes: this runs once per ingested document
        doc_id = s.execute(sa.insert(DocumentRow.__table__), dict(
            path=doc.path, line=doc.line, title=doc.title, outlet_id=self._outlet_id(s, doc.source, pending),
            url=doc.url, published=doc.published, sha256=doc.sha256, text=doc.text,
            body_start=doc.body_start, encoding=doc.encoding, format=doc.format, ext_id=doc.ext_id,
            ingested_at=ingested_at, superseded_by=None,
        )).inserted_primary_key[0]
        self._supersede(s, previous, doc_id)
        if claims:   # one executemany
            s.execute(sa.insert(ClaimRow.__table__), [self._claim_values(s, c, doc_id, pending) for c in claims])
        return AddResult(doc_id, "new-version" if previous else "new", len(claims))

    def _revert(self, s: Session, old_id: int, line_match: Any, doc: Document) -> AddResult:
        """The file went back to an earlier content: that stored version is current again
        (``sha256`` is unique over all versions, so it is revived rather than stored twice)."""
        self._supersede(s, self._current_versions(s, doc, line_match), old_id)
        s.execute(sa.update(DocumentRow).where(DocumentRow.id == old_id).values(superseded_by=None))
        revived = s.execute(sa.update(ClaimRow).where(ClaimRow.document_id == old_id, ClaimRow.origin == "extract")
                            .values(current=True)).rowcount
        return AddResult(old_id, "new-version", int(revived or 0))

    @staticmethod
    def _current_versions(s: Session, doc: Document, line_match: Any) -> list[int]:
        """Ids of the current stored versions of the document's path (and line), locked."""
        return list(s.scalars(
            select(DocumentRow.id)
            .where(DocumentRow.path == doc.path, line_match, DocumentRow.superseded_by.is_(None))
            .order_by(DocumentRow.id)
            .with_for_update()
        ))

    @staticmethod
    def _supersede(s: Session, doc_ids: Sequence[int], by: int) -> None:
        """Mark versions superseded by document ``by``; their claims are no longer current."""
        if doc_ids:
            s.execute(sa.update(DocumentRow).where(DocumentRow.id.in_(doc_ids)).values(superseded_by=by))
            s.execute(sa.update(ClaimRow).where(ClaimRow.document_id.in_(doc_ids)).values(current=False))

    def add_documents(self, items: Sequence[tuple[Document, Sequence[Claim]]], *,
                      ingested_at: dt.datetime) -> list[AddResult]:
        """Bulk load: many documents in one transaction (all stored, or none).  For loaders
        of large archives; ``ingest`` stores each document in a transaction of its own.
        A conflict with a concurrent writer falls back to one :meth:`add_document` each."""
        for doc, claims in items:
            self._check(doc, claims)
        try:
            pending = _Ids()
            with Session(self._writer) as session, session.begin():
                results = [self._add(session, doc, claims, ingested_at, pending) for doc, claims in items]
            self._known.merge(pending)
            return results
        except exc.IntegrityError:
            return [self.add_document(doc, claims, ingested_at=ingested_at) for doc, claims in items]
        except exc.DBAPIError as err:
            raise DatabaseError(f"cannot store {len(items)} documents: {str(err.orig).splitlines()[0]}") from None

    def _outlet_id(self, s: Session, name: str | None, pending: "_Ids") -> int | None:
        if not name:
            return None
        found = pending.outlets.get(name) or self._known.outlets.get(name)
        if found is None:
            found = s.scalar(select(Outlet.id).where(Outlet.name == name))
        if found is None:
            found = s.execute(sa.insert(Outlet.__table__), {"name": name}).inserted_primary_key[0]
        pending.outlets[name] = found
        return found

    def _claimant_id(self, s: Session, name: str | None, kind: str, pending: "_Ids") -> int | None:
        if not name or not name.strip():
            return None
        key = claimant_key(name)
        got = pending.claimants.get(key) or self._known.claimants.get(key)
        if got is None:
            row = s.execute(select(Claimant.id, Claimant.kind).where(Claimant.key == key)).first()
            if row is None:
                cid = s.execute(sa.insert(Claimant.__table__), {"name": name, "key": key, "kind": kind}
                                ).inserted_primary_key[0]
                got = (cid, kind)
            else:
                got = (row[0], row[1])
        cid, known_kind = got
        if known_kind == "unknown" and kind != "unknown":   # a later report tells what the claimant is
            s.execute(sa.update(Claimant).where(Claimant.id == cid).values(kind=kind))
            known_kind = kind
        pending.claimants[key] = (cid, known_kind)
        return cid

    def _claim_row(self, s: Session, c: Claim, document_id: int, pending: "_Ids",
                   origin: str = "extract") -> ClaimRow:
        return ClaimRow(**self._claim_values(s, c, document_id, pending, origin))

    def _claim_values(self, s: Session, c: Claim, document_id: int, pending: "_Ids",
                      origin: str = "extract") -> dict[str, Any]:
        return dict(
            document_id=document_id, start=c.start, end=c.end, text=c.text,
            sentence=c.sentence, sentence_start=c.sentence_start,
            measure=c.measure, subject=c.subject,
            low=None if c.low is None else float(c.low), high=None if c.high is None else float(c.high),
            qualifier=c.qualifier, vague=c.vague,
            claimant_id=self._claimant_id(s, c.claimant, c.claimant_kind, pending),
            claimant=c.claimant, claimant_kind=c.claimant_kind, via=list(c.via), stance=c.stance,
            event_date=c.event.date, event_date_text=c.event.date_text, place=c.event.place,
            places=list(c.event.places), kinds=list(c.event.kinds),
            rules=list(c.rules), derived=c.derived, current=True, origin=origin,
        )

    # ------------------------------------------------------------------ claims

    @_reading
    def claims(
        self,
        *,
        current_only: bool = True,
        event: str | None = None,
        measure: str | None = None,
        claimant: str | None = None,
        since: dt.date | None = None,
        doc: str | None = None,
        ids: Sequence[int] | None = None,
        origin: str | None = None,
        document_ids: Sequence[int] | None = None,
    ) -> list[Claim]:
        """Stored claims, sorted by (doc, start, end, id).

        ``event``: an event key or label (as saved by save_reconciliation);
        ``claimant``: case-insensitive substring of the claimant's name;
        ``since``: event date (else the publication date) on or after;
        ``doc``: a document path (a JSON-lines file path also matches its lines ``path#N``);
        ``origin``: ``extract`` (stated in a text) or ``engine`` (figures the engine derived);
        ``document_ids``: claims of these stored document versions only.
        """
        stmt = (
            select(*_CLAIM_COLUMNS, DocumentRow.path, DocumentRow.published, Outlet.name, DocumentRow.url)
            .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
            .outerjoin(Outlet, Outlet.id == DocumentRow.outlet_id)
        )
        if current_only:
            stmt = stmt.where(ClaimRow.current.is_(True))
        if event is not None:
            stmt = stmt.where(ClaimRow.event_id.in_(
                select(EventRow.id).where(sa.or_(EventRow.key == event, EventRow.label == event))))
        if measure is not None:
            stmt = stmt.where(ClaimRow.measure == measure)
        if origin is not None:
            stmt = stmt.where(ClaimRow.origin == origin)
        if claimant is not None:
            stmt = stmt.where(func.lower(ClaimRow.claimant).like(
                f"%{_like_escape(claimant.lower())}%", escape="\\"))
        if since is not None:
            stmt = stmt.where(func.coalesce(ClaimRow.event_date, DocumentRow.published) >= since)
        if doc is not None:
            stmt = stmt.where(sa.or_(DocumentRow.path == doc,
                                     DocumentRow.path.like(f"{_like_escape(doc)}#%", escape="\\")))
        out: list[Claim] = []
        to_claim = _ClaimReader()
        with Session(self._engine) as s:
            if ids is not None and len(ids) > _MANY_IDS:
                # most of the store: one scan, filtered here, beats thousands of IN (...) queries
                keep = {int(i) for i in ids}
                out.extend(to_claim(r) for r in s.execute(stmt) if r[0] in keep)
            elif ids is not None:
                wanted = sorted({int(i) for i in ids})
                for chunk in _chunks(wanted):
                    out.extend(to_claim(r) for r in s.execute(stmt.where(ClaimRow.id.in_(chunk))))
            elif document_ids is not None:
                for chunk in _chunks(sorted({int(i) for i in document_ids})):
                    out.extend(to_claim(r) for r in s.execute(stmt.where(ClaimRow.document_id.in_(chunk))))
            else:
                out.extend(to_claim(r) for r in s.execute(stmt))
        out.sort(key=lambda c: (c.doc, c.start, c.end, c.id))
        return out

    def claim(self, claim_id: int) -> Claim | None:
        found = self.claims(current_only=False, ids=[claim_id])
        return found[0] if found else None

    # ------------------------------------------------------------------ engine output

    def save_reconciliation(self, rec: Reconciliation, inputs: str | None = None, *,
                            replacing: Collection[str] | None = None, base: str | None = None,
                            state: tuple[int, int, int] | None = None, expect_base: str | None = None) -> bool:
        """Replace the saved engine output with ``rec`` in one transaction.  ``inputs``: the
        fingerprint of what ``rec`` was computed from (see :meth:`saved_inputs`); None
        records that it is unknown, so readers reconcile again.  ``base``: saved under
        ENGINE_BASE (None: removed) when the claims are still as ``state`` (see
        :meth:`claims_state`) says, else removed too: ``rec`` may hold claims stored meanwhile.

        ``replacing``: ``rec`` is the output for part of the store only (see
        ``engine.replay``): it replaces these saved events (keys) and the rest stands.  It is
        saved only while the claims are as ``state`` says and ENGINE_BASE is ``expect_base``
        (the plan was made from them); else nothing is written and False is returned."""
        keys = [q.key for q in rec.quantities]
        dupes = sorted(k for k, n in Counter(keys).items() if n > 1)
        if dupes:
            raise ValueError(f"duplicate quantity keys: {', '.join(dupes[:5])}")

        def once() -> bool:
            with Session(self._writer) as s, s.begin():
                if s.get_bind().dialect.name == "postgresql":
                    # one writer of the engine's output at a time (SQLite's write lock does this there)
                    s.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_SAVE_LOCK_KEY})
                unchanged = state is None or _claims_state(s) == tuple(state)
                if replacing is not None and not (unchanged and s.scalar(
                        select(StoreMeta.value).where(StoreMeta.key == ENGINE_BASE)) == expect_base):
                    return False
                self._save(s, rec, replacing)
                s.execute(sa.delete(StoreMeta).where(StoreMeta.key.in_((ENGINE_INPUTS, ENGINE_BASE))))
                meta = [{"key": k, "value": v}
                        for k, v in ((ENGINE_INPUTS, inputs), (ENGINE_BASE, base if unchanged else None)) if v is not None]
                if meta:
                    s.execute(sa.insert(StoreMeta), meta)
                return True
        return retry(once, what="save of the reconciliation")

    @_reading
    def saved_inputs(self) -> str | None:
        """The fingerprint saved with the engine output (None: none saved, or unknown)."""
        with Session(self._engine) as s:
            return s.scalar(select(StoreMeta.value).where(StoreMeta.key == ENGINE_INPUTS))

    @_reading
    def saved_base(self) -> str | None:
        """What the saved output was computed from (ENGINE_BASE), None when unknown."""
        with Session(self._engine) as s:
            return s.scalar(select(StoreMeta.value).where(StoreMeta.key == ENGINE_BASE))

    @_reading
    def claims_state(self, after: int | None = None) -> tuple[int, int, int]:
        """(count, greatest id, sum of ids) of the current extracted claims (``after``: those with
        an id above it): changes whenever a document (or a new version of one) is stored.  Ids
        are never reused."""
        with Session(self._engine) as s:
            return _claims_state(s, after)

    @_reading
    def links_superseded(self) -> bool:
        """Whether the saved output holds an extracted claim that is no longer current."""
        with Session(self._engine) as s:
            return s.scalar(select(sa.exists().where(
                QuantityClaim.claim_id == ClaimRow.id, ClaimRow.current.is_(False),
                ClaimRow.origin == "extract"))) or False

    @_reading
    def document_dates(self, *, after: int) -> list[tuple[int, dt.date | None]]:
        """The distinct (document id, event date) pairs of the current extracted claims with ids
        above ``after``, sorted (None: a claim without one)."""
        c = ClaimRow
        with Session(self._engine) as s:
            rows = s.execute(select(c.document_id, c.event_date).distinct()
                             .where(c.current.is_(True), c.origin == "extract", c.id > after))
            return sorted(((d, _as_date(e)) for d, e in rows), key=lambda r: (r[0], r[1] is None, r[1] or dt.date.min))

    def replay_source(self, upto: int | None = None) -> "_ReplaySource":
        """What ``engine.replay.plan_replay`` reads, from the saved output and the current extracted
        claims (``upto``: those with ids up to it)."""
        return _ReplaySource(self, upto)

    def _save(self, s: Session, rec: Reconciliation, replacing: Collection[str] | None = None) -> None:
        engine_made: set[int] | None = None     # engine-made claims that may lose their last reference
        if replacing is None:
            s.execute(sa.delete(ContradictionRow))
            s.execute(sa.delete(QuantityClaim))
            s.execute(sa.delete(QuantityRow))
            s.execute(sa.update(ClaimRow).where(ClaimRow.event_id.is_not(None)).values(event_id=None))
            s.execute(sa.delete(EventRow))
        else:
            # engine-made claims of these events: those the new output no longer references go
            engine_made = set(s.scalars(select(ClaimRow.id).join(EventRow, EventRow.id == ClaimRow.event_id)
                                        .where(ClaimRow.origin == "engine", EventRow.key.in_(sorted(replacing))))) \
                if len(replacing) <= _MANY_IDS else None
            for chunk in _chunks(sorted(replacing)):
                events = select(EventRow.id).where(EventRow.key.in_(chunk))
                quantities = select(QuantityRow.id).where(QuantityRow.event_id.in_(events))
                keys = select(QuantityRow.key).where(QuantityRow.event_id.in_(events))
                s.execute(sa.delete(ContradictionRow).where(ContradictionRow.quantity_key.in_(keys)))
                s.execute(sa.delete(QuantityClaim).where(QuantityClaim.quantity_id.in_(quantities)))
                s.execute(sa.delete(QuantityRow).where(QuantityRow.event_id.in_(events)))
                s.execute(sa.update(ClaimRow).where(ClaimRow.event_id.in_(events)).values(event_id=None))
                s.execute(sa.delete(EventRow).where(EventRow.key.in_(chunk)))

        resolver = _Resolver(self, s, None if replacing is None else _claim_ids(rec))
        # bulk statements (executemany) rather than one flush per row: a store of a
        # hundred thousand articles saves its output in seconds, not minutes

        # events: one per event key, described from the claims of its quantities
        by_event: dict[str, list[Quantity]] = {}
        for q in sorted(rec.quantities, key=lambda q: q.key):
            by_event.setdefault(_event_key(q), []).append(q)
        event_rows = []
        for key, qs in by_event.items():
            anchors = [c.event for q in qs for c in q.claims]
            dates = Counter(a.date for a in anchors if a.date is not None)
            places = Counter(a.place for a in anchors if a.place)
            event_rows.append({
                "key": key, "label": qs[0].event,
                "date": min(dates, key=lambda d: (-dates[d], d)) if dates else None,
                "place": min(places, key=lambda p: (-places[p], p)) if places else None,
                "kinds": sorted({k for a in anchors for k in a.kinds}),
            })
        if event_rows:
            s.execute(sa.insert(EventRow.__table__), event_rows)
        event_ids = _ids_by_key(s, EventRow, by_event if replacing is not None else None)

        quantity_rows = []
        links: dict[str, list[int]] = {}
        claim_event: dict[int, int] = {}
        for key, qs in by_event.items():
            for q in qs:
                current_id = resolver.resolve(q.current) if q.current is not None else None
                quantity_rows.append({
                    "key": q.key, "event_id": event_ids[key], "measure": q.measure, "scope": q.scope,
                    "low": q.low, "best": q.best, "high": q.high, "status": q.status,
                    "reasons": dict(sorted(q.reasons.items())), "sources": q.sources,
                    "current_claim_id": current_id,
                })
                linked = sorted({cid for c in q.claims if (cid := resolver.resolve(c)) is not None})
                links[q.key] = linked
                for cid in linked:
                    claim_event.setdefault(cid, event_ids[key])
        if quantity_rows:
            s.execute(sa.insert(QuantityRow.__table__), quantity_rows)
        quantity_ids = _ids_by_key(s, QuantityRow, links if replacing is not None else None)
        qc_rows = [{"quantity_id": quantity_ids[k], "claim_id": cid} for k, cids in sorted(links.items()) for cid in cids]
        if qc_rows:
            s.execute(sa.insert(QuantityClaim.__table__), qc_rows)
        if claim_event:
            claims_t = ClaimRow.__table__
            s.execute(
                sa.update(claims_t).where(claims_t.c.id == sa.bindparam("cid")).values(event_id=sa.bindparam("eid")),
                [{"cid": cid, "eid": eid} for cid, eid in sorted(claim_event.items())],
            )

        contradiction_rows = []
        for x in rec.contradictions:
            a, b = resolver.resolve(x.a), resolver.resolve(x.b)
            if a is None or b is None:
                continue
            contradiction_rows.append({"kind": x.kind, "quantity_key": x.quantity, "a_claim_id": a,
                                       "b_claim_id": b, "explanation": x.explanation})
        if contradiction_rows:
            s.execute(sa.insert(ContradictionRow.__table__), contradiction_rows)
        s.flush()

        # engine-made claims that the new output no longer references
        referenced = sa.union(
            select(QuantityClaim.claim_id),
            select(ContradictionRow.a_claim_id),
            select(ContradictionRow.b_claim_id),
            select(QuantityRow.current_claim_id).where(QuantityRow.current_claim_id.is_not(None)),
        )
        if engine_made is None:
            s.execute(sa.delete(ClaimRow).where(ClaimRow.origin == "engine", ClaimRow.id.not_in(referenced)))
            return
        for chunk in _chunks(sorted(engine_made)):
            still = {cid for (cid,) in s.execute(sa.union(
                select(QuantityClaim.claim_id).where(QuantityClaim.claim_id.in_(chunk)),
                select(ContradictionRow.a_claim_id).where(ContradictionRow.a_claim_id.in_(chunk)),
                select(ContradictionRow.b_claim_id).where(ContradictionRow.b_claim_id.in_(chunk)),
                select(QuantityRow.current_claim_id).where(QuantityRow.current_claim_id.in_(chunk))))}
            gone = [cid for cid in chunk if cid not in still]
            if gone:
                s.execute(sa.delete(ClaimRow).where(ClaimRow.id.in_(gone)))

    # ------------------------------------------------------------------ readers

    @_reading
    def quantities(self, *, disputed_only: bool = False, event: str | None = None, measure: str | None = None,
                   since: dt.date | None = None) -> list[dict[str, Any]]:
        """Saved quantities, sorted by key, with their claim ids (``disputed_only``: status
        other than consistent; ``event``, ``measure``, ``since``: see :func:`_key_filter`)."""
        q = QuantityRow
        wanted = (*((q.status != "consistent",) if disputed_only else ()), *_key_filter(q.key, event, measure, since))
        with Session(self._engine) as s:
            links: dict[int, list[int]] = {}
            for qid, cid in s.execute(select(QuantityClaim.quantity_id, QuantityClaim.claim_id)
                                      .join(q, q.id == QuantityClaim.quantity_id).where(*wanted)):
                links.setdefault(qid, []).append(cid)
            rows = s.execute(
                select(q.id, q.key, q.measure, q.scope, q.low, q.best, q.high, q.status, q.reasons, q.sources,
                       q.current_claim_id, EventRow.key, EventRow.label)
                .outerjoin(EventRow, EventRow.id == q.event_id)
                .where(*wanted)
                .order_by(q.key)
            ).all()
            return [
                {
                    "id": qid, "key": key, "event": label, "event_key": ekey,
                    "measure": measure, "scope": scope,
                    "low": low, "best": best, "high": high, "status": status,
                    "reasons": dict(reasons or {}), "sources": sources,
                    "claim_ids": sorted(links.get(qid, [])), "current_claim_id": current,
                }
                for (qid, key, measure, scope, low, best, high, status, reasons, sources, current, ekey,
                     label) in rows
            ]

    @_reading
    def contradictions(self, *, event: str | None = None, measure: str | None = None, since: dt.date | None = None,
                       kind: str | None = None) -> list[dict[str, Any]]:
        """Saved contradictions, sorted by (quantity, kind, a, b, id); filters as for :meth:`quantities`,
        and ``kind``."""
        x = ContradictionRow
        wanted = (*_key_filter(x.quantity_key, event, measure, since), *((x.kind == kind,) if kind else ()))
        with Session(self._engine) as s:
            rows = s.execute(select(x.id, x.kind, x.quantity_key, x.a_claim_id, x.b_claim_id, x.explanation)
                             .where(*wanted))
            out = [
                {"id": xid, "kind": kind, "quantity": qkey, "a_claim_id": a, "b_claim_id": b, "explanation": why}
                for xid, kind, qkey, a, b, why in rows
            ]
        out.sort(key=lambda d: (d["quantity"], d["kind"], d["a_claim_id"], d["b_claim_id"], d["id"]))
        return out

    @_reading
    def stats(self) -> dict[str, int]:
        """Counts: documents (current versions), document_versions, claims (current),
        claims_total, claimants, outlets, events, quantities, contradictions."""
        def count(s: Session, model: Any, *where: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)
        with Session(self._engine) as s:
            return {
                "documents": count(s, DocumentRow, DocumentRow.superseded_by.is_(None)),
                "document_versions": count(s, DocumentRow),
                "claims": count(s, ClaimRow, ClaimRow.current.is_(True)),
                "claims_total": count(s, ClaimRow),
                "claimants": count(s, Claimant),
                "outlets": count(s, Outlet),
                "events": count(s, EventRow),
                "quantities": count(s, QuantityRow),
                "contradictions": count(s, ContradictionRow),
            }


class _ReplaySource:
    """engine.replay.Source over a store: one query per question, by chunks of ids or keys."""

    def __init__(self, store: Store, upto: int | None) -> None:
        self.store = store
        self.url = store.url            # for _reading's messages
        c = ClaimRow
        self.where = (c.current.is_(True), c.origin == "extract", *(() if upto is None else (c.id <= upto,)))

    def _rows(self, stmt: Any, column: Any, values: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        with Session(self.store._engine) as s:
            for chunk in _chunks(values):
                out.extend(s.execute(stmt.where(column.in_(chunk))).all())
        return out

    @_reading
    def days(self) -> set[dt.date]:
        with Session(self.store._engine) as s:
            rows = s.scalars(select(ClaimRow.event_date).distinct()
                             .where(*self.where, ClaimRow.event_date.is_not(None)))
            return {d for d in map(_as_date, rows) if d is not None}

    @_reading
    def documents_on(self, days: Collection[dt.date]) -> set[int]:
        stmt = select(ClaimRow.document_id).distinct().where(*self.where)
        return {d for (d,) in self._rows(stmt, ClaimRow.event_date, sorted(days))}

    def _links(self) -> Any:
        return (select(ClaimRow.document_id, EventRow.key).distinct()
                .join(EventRow, EventRow.id == ClaimRow.event_id).where(*self.where))

    @_reading
    def links_of_documents(self, docs: Collection[int]) -> set[tuple[int, str]]:
        return {(d, k) for d, k in self._rows(self._links(), ClaimRow.document_id, sorted(docs))}

    @_reading
    def links_of_events(self, events: Collection[str]) -> set[tuple[int, str]]:
        return {(d, k) for d, k in self._rows(self._links(), EventRow.key, sorted(events))}

    @_reading
    def events_labelled(self, bases: Collection[str]) -> set[str]:
        out: set[str] = set()
        with Session(self.store._engine) as s:
            for chunk in _chunks(sorted(bases)):
                out.update(s.scalars(select(EventRow.key).where(sa.or_(
                    EventRow.key.in_(chunk),
                    *(EventRow.key.like(f"{_like_escape(b)} #%", escape="\\") for b in chunk)))))
        return out

    @_reading
    def undated(self, docs: Collection[int]) -> bool:
        stmt = select(ClaimRow.id).where(*self.where, ClaimRow.event_date.is_(None)).limit(1)
        return any(self._rows(stmt, ClaimRow.document_id, sorted(docs)))


def _claim_ids(rec: Reconciliation) -> set[int]:
    """The ids of the claims an engine output refers to."""
    ids = {c.id for q in rec.quantities for c in q.claims if c.id is not None}
    ids |= {q.current.id for q in rec.quantities if q.current is not None and q.current.id is not None}
    ids |= {c.id for x in rec.contradictions for c in (x.a, x.b) if c.id is not None}
    return ids


def _ids_by_key(s: Session, model: Any, keys: Collection[str] | None) -> dict[str, int]:
    """key -> id of the rows of ``model`` (events, quantities): every row, or those of ``keys``."""
    if keys is None or len(keys) > _MANY_IDS:
        return {k: i for k, i in s.execute(select(model.key, model.id))}
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(keys)):
        out.update((k, i) for k, i in s.execute(select(model.key, model.id).where(model.key.in_(chunk))))
    return out


class _Resolver:
    """Claim -> stored claim id for save_reconciliation (see the module doc)."""

    def __init__(self, store: Store, session: Session, ids: Collection[int] | None = None) -> None:
        self.store = store
        self.s = session
        self.cache: dict[Claim, int | None] = {}
        self.ids = ids                  # the ids that will be asked about (None: any)
        self.stored: set[int] | None = None
        self.pending = _Ids()

    def resolve(self, c: Claim) -> int | None:
        if c.id is not None:
            if self.stored is None:   # the stored ids among those asked about (or every one), read once
                if self.ids is None or len(self.ids) > _MANY_IDS:
                    self.stored = set(self.s.scalars(select(ClaimRow.id)))
                else:
                    self.stored = {i for chunk in _chunks(sorted(self.ids))
                                   for i in self.s.scalars(select(ClaimRow.id).where(ClaimRow.id.in_(chunk)))}
            return c.id if c.id in self.stored else None
        if c in self.cache:
            return self.cache[c]
        self.cache[c] = found = self._find_or_insert(c)
        return found

    def _find_or_insert(self, c: Claim) -> int | None:
        doc_id = self.s.scalar(
            select(DocumentRow.id)
            .where(DocumentRow.path == c.doc, DocumentRow.superseded_by.is_(None))
            .order_by(DocumentRow.id.desc())
            .limit(1))
        if doc_id is None:
            return None
        match = select(ClaimRow.id).where(
            ClaimRow.document_id == doc_id, ClaimRow.start == c.start, ClaimRow.end == c.end,
            ClaimRow.measure == c.measure, ClaimRow.derived.is_(c.derived),
            ClaimRow.subject.is_(None) if c.subject is None else ClaimRow.subject == c.subject,
            ClaimRow.low.is_(None) if c.low is None else ClaimRow.low == float(c.low),
            ClaimRow.high.is_(None) if c.high is None else ClaimRow.high == float(c.high),
        ).order_by(ClaimRow.id).limit(1)
        found = self.s.scalar(match)
        if found is not None:
            return found
        if c.stance not in STANCES or c.qualifier not in QUALIFIERS:
            return None
        row = self.store._claim_row(self.s, c, doc_id, self.pending, origin="engine")
        self.s.add(row)
        self.s.flush()
        return row.id
