"""Extraction on several processes, streaming and in input order.

``extract_parallel(docs, options, jobs)`` yields ``(document, claims)`` for
every document of ``docs``, in the order given, like::

    ex = Extractor(options)
    for doc in docs:
        yield doc, ex.extract(doc)

but spread over ``jobs`` worker processes.  The input is consumed lazily:
documents are cut into chunks of ``chunk`` and at most ``jobs * 2`` chunks
are in flight at any time, so memory stays flat however long the stream
(a plain ``Pool.imap`` would drain the whole iterable into its task queue).
Each worker builds one :class:`Extractor` when it starts (a per-process
global) and reuses it for every document.  Workers send back only the
claims; the main process pairs them with the documents it kept.

``jobs <= 1`` runs in the calling process, with no pool at all.

The pool uses the ``fork`` start method where the platform has it (cheap
start, nothing to re-import), else the platform default.  Nothing heavy is
preloaded in the parent: the extractor loads quantulum3 lazily, and only if
a document needs it.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import multiprocessing.pool
from collections import deque
from dataclasses import replace
from itertools import islice
from typing import Iterable, Iterator

from .extract import Extraction, ExtractOptions, Extractor
from .model import Claim, Document

__all__ = ["extract_parallel", "extract_bounded", "default_jobs"]

#: chunks in flight per worker: one being worked on, one waiting in the queue
_IN_FLIGHT_PER_JOB = 2

_WORKER_EXTRACTOR: Extractor | None = None


def default_jobs() -> int:
    """The number of CPUs this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, multiprocessing.cpu_count())


def _init_worker(options: ExtractOptions) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = Extractor(options)


def _extract_chunk(docs: list[Document]) -> list[Extraction]:
    ex = _WORKER_EXTRACTOR
    if ex is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker started without an extractor")
    return [ex.extract_bounded(d) for d in docs]


def _context() -> multiprocessing.context.BaseContext:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()  # pragma: no cover - Windows / some macOS set-ups


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while True:
        block = list(islice(it, size))
        if not block:
            return
        yield block


def extract_parallel(docs: Iterable[Document], extractor_options: ExtractOptions, jobs: int, *,
                     chunk: int = 32) -> Iterator[tuple[Document, list[Claim]]]:
    """``(document, claims)``: :func:`extract_bounded` without the notes."""
    for doc, got in extract_bounded(docs, extractor_options, jobs, chunk=chunk):
        yield doc, got.claims


def extract_bounded(docs: Iterable[Document], extractor_options: ExtractOptions, jobs: int, *,
                    chunk: int = 32) -> Iterator[tuple[Document, Extraction]]:
    """``(document, claims)`` for each document, in input order, extracted on ``jobs`` processes.

    Errors raised by the extractor in a worker are raised here, at the
    document's chunk.  Closing the generator early stops the workers.
    """
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    if jobs <= 1:
        ex = Extractor(extractor_options)
        for doc in docs:
            yield doc, ex.extract_bounded(doc)
        return
    # plain dict: a MappingProxy (or other read-only mapping) does not pickle
    options = replace(extractor_options, measure_cues=dict(extractor_options.measure_cues))
    limit = jobs * _IN_FLIGHT_PER_JOB
    pool = _context().Pool(processes=jobs, initializer=_init_worker, initargs=(options,))
    try:
        pending: deque[tuple[list[Document], multiprocessing.pool.AsyncResult]] = deque()
        for block in _chunks(docs, chunk):
            pending.append((block, pool.apply_async(_extract_chunk, (block,))))
            if len(pending) >= limit:
                done, result = pending.popleft()
                yield from zip(done, result.get())
        while pending:
            done, result = pending.popleft()
            yield from zip(done, result.get())
        pool.close()
        pool.join()
    finally:
        pool.terminate()
