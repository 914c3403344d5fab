"""Batch stage: many texts -> their mentions, in input order, in this process or in a pool.

In: an iterable of texts (read lazily: a generator over a 100 GB file is fine), the parser
options (``Parser`` keywords), ``workers`` and ``chunksize``. Out: an iterator of
``Mentions``, one per text, in input order.

``workers=None`` (or 1) parses here, one text at a time. ``workers=N`` uses a pool of N
processes (``pool="process"``, the default: the pipeline is Python and holds the GIL, so
threads do not run it in parallel; docs/performance.md has the numbers). Each worker builds
the registry and lexicons once, in its initializer; texts travel in chunks of ``chunksize``
and results come back as plain data (``Mention`` pickles without pint objects) and are
rebuilt on the caller's registry. At most ``2 * workers`` chunks are in flight, so memory
stays bounded whatever the length of the input. ``map_parsed(then, texts)`` is the same
with ``then(mentions)`` run where each text is parsed (the streaming CLI sends JSON text
back from its workers rather than Mention objects).
"""

from __future__ import annotations

import functools
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .mentions import Mentions, OptionError, Parser

if TYPE_CHECKING:  # concurrent.futures is imported when a pool starts, not with quantnorm
    from concurrent.futures import Executor, Future

__all__ = ["map_parsed", "parse_many"]

T = TypeVar("T")

_WARM_UP = "over 5 km, $4.2bn and 3,000 troops"
_WORKER: dict[str, Parser] = {}  # a pool worker's parser, set by its initializer


def _init_worker(options: dict[str, Any]) -> None:
    """Process-pool initializer: build the parser, the registry and the lexicons once."""
    parser = _WORKER["parser"] = Parser(**options)
    parser.parse(_WARM_UP)


def _same(mentions: Mentions) -> Mentions:
    return mentions


def _work_chunk(then: Callable[[Mentions], T], texts: list[str]) -> list[T]:
    """In a pool process: parse each text of a chunk and apply ``then`` to its mentions."""
    parse = _WORKER["parser"].parse
    return [then(parse(t)) for t in texts]


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def parse_many(
    texts: Iterable[str],
    *,
    workers: int | None = None,
    chunksize: int = 64,
    pool: Literal["process", "thread"] = "process",
    **options: Any,
) -> Iterator[Mentions]:
    """The mentions of each text, in input order (an iterator: consume it to do the work).

    ``workers``: None or 1 parses in this process; N > 1 uses N workers of ``pool``
    ("process", the default and the faster; "thread" for when processes cannot be started).
    ``chunksize``: texts per task sent to a worker. ``options``: ``Parser`` keywords
    (``dollar``, ``ton``, ``gallon``, ``approx``, ``widen_exact``), checked here.
    """
    return map_parsed(_same, texts, workers=workers, chunksize=chunksize, pool=pool, **options)


def map_parsed(
    then: Callable[[Mentions], T],
    texts: Iterable[str],
    *,
    workers: int | None = None,
    chunksize: int = 64,
    pool: Literal["process", "thread"] = "process",
    **options: Any,
) -> Iterator[T]:
    """``then(mentions)`` for each text, in input order, ``then`` running where the text is
    parsed: in a pool process, it turns the mentions into what travels back (e.g. JSON
    text, which is cheaper to send than Mention objects). ``then`` must pickle (a
    module-level function) for ``pool="process"``."""
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise OptionError(f"workers must be None or a positive integer, not {workers!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise OptionError(f"chunksize must be a positive integer, not {chunksize!r}")
    if pool not in ("process", "thread"):
        raise OptionError(f"pool must be 'process' or 'thread', not {pool!r}")
    parser = Parser(**options)  # raises OptionError here, in the caller, for a bad option
    if workers is None or workers == 1:
        return (then(parser.parse(t)) for t in texts)
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    if pool == "thread":
        return _pooled(lambda: ThreadPoolExecutor(workers), lambda chunk: [then(parser.parse(t)) for t in chunk],
                       texts, chunksize, workers)
    work = functools.partial(_work_chunk, then)
    return _pooled(lambda: ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options,)),
                   work, texts, chunksize, workers)


def _pooled(start: Callable[[], Executor], work: Callable[[list[str]], list[T]], texts: Iterable[str],
            chunksize: int, workers: int) -> Iterator[T]:
    """Start the pool on first use, submit chunks lazily (at most 2 * workers in flight) and
    yield the results in input order; the pool shuts down when the iterator ends or is closed."""
    pending: deque[Future[list[T]]] = deque()
    chunks = _chunks(texts, chunksize)
    executor = start()
    try:
        for chunk in chunks:
            pending.append(executor.submit(work, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
