"""Streaming stage of the command line: JSON-lines records in, one result record out per record.

In: JSON-lines files (or standard input), one JSON object per line, the text under
``field``; the parser options; the number of worker processes. Out: for each input record,
in input order, ``(file, line, mentions)`` (``stream_jsonl``), or the output line
``{"file": ..., "line": n, "mentions": [Mention.to_dict(), ...]}`` (``jsonl_records``, whose
worker processes send back JSON text rather than Mention objects: cheaper to pickle, and
the main process is left with reading and writing).

Lines are read, parsed and written one at a time (with ``jobs > 1``, a bounded number of
chunks in flight), so memory does not grow with the input. Blank lines are skipped; a line
that is not a JSON object with a string under ``field`` stops the run with an ``InputError``
naming the file and line. A progress bar (tqdm, the ``progress`` extra) is drawn on
standard error when it is a terminal, never otherwise.
"""

from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from .batch import map_parsed
from .errors import QuantnormError
from .mentions import Mentions

__all__ = ["InputError", "jsonl_records", "mentions_json", "stream_jsonl"]

T = TypeVar("T")


class InputError(QuantnormError, ValueError):
    """An input record quantnorm cannot read (not JSON, no text under the field)."""


class _Progress(Protocol):
    def update(self, n: int) -> object: ...
    def close(self) -> None: ...


class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(files: Sequence[str]) -> _Progress:
    """A tqdm bar in bytes on standard error if it is a terminal and tqdm is installed."""
    if not sys.stderr.isatty():
        return _NoProgress()
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoProgress()
    sizes = [os.path.getsize(f) if f != "-" and os.path.isfile(f) else None for f in files]
    total = None if None in sizes else sum(s for s in sizes if s is not None)
    bar: _Progress = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                          desc="quantnorm", dynamic_ncols=True)
    return bar


def _lines(name: str) -> Iterator[bytes]:
    if name == "-":
        yield from sys.stdin.buffer
        return
    with open(name, "rb") as fh:
        yield from fh


def _records(files: Sequence[str], field: str, where: deque[tuple[str, int]], bar: _Progress) -> Iterator[str]:
    """The text of each record; its (file, line) goes on ``where``, in the same order."""
    for name in files:
        label = "<stdin>" if name == "-" else name
        for n, raw in enumerate(_lines(name), 1):
            bar.update(len(raw))
            if not raw.strip():
                continue
            try:
                record: Any = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                raise InputError(f"{label}:{n}: not a JSON object: {exc}") from None
            text = record.get(field) if isinstance(record, dict) else None
            if not isinstance(text, str):
                raise InputError(f"{label}:{n}: no string under {field!r} (each line must be a JSON object with one)")
            where.append((label, n))
            yield text


def stream_jsonl(files: Sequence[str], field: str, *, jobs: int = 1,
                 options: dict[str, Any] | None = None) -> Iterator[tuple[str, int, Mentions]]:
    """(file, line, mentions) for each record of the JSON-lines ``files`` ("-": standard input)."""
    yield from _stream(_same, files, field, jobs, options)


def jsonl_records(files: Sequence[str], field: str, *, jobs: int = 1,
                  options: dict[str, Any] | None = None) -> Iterator[str]:
    """The output lines, ``{"file": ..., "line": n, "mentions": [...]}``, one per input record.
    The mentions become JSON where they are parsed (in the worker processes with ``jobs > 1``)."""
    for name, line, mentions in _stream(mentions_json, files, field, jobs, options):
        yield f'{{"file": {json.dumps(name, ensure_ascii=False)}, "line": {line}, "mentions": {mentions}}}\n'


def _same(mentions: Mentions) -> Mentions:
    return mentions


def mentions_json(mentions: Mentions) -> str:
    """The JSON list of ``Mention.to_dict()`` records."""
    return json.dumps([m.to_dict() for m in mentions], ensure_ascii=False)


def _stream(then: Callable[[Mentions], T], files: Sequence[str], field: str, jobs: int,
            options: dict[str, Any] | None) -> Iterator[tuple[str, int, T]]:
    where: deque[tuple[str, int]] = deque()
    bar = _progress(files)
    try:
        for result in map_parsed(then, _records(files, field, where, bar), workers=jobs, **(options or {})):
            name, line = where.popleft()
            yield name, line, result
    finally:
        bar.close()
