"""Command line: ``quantnorm [FILE ...]`` and ``python -m quantnorm``.

In: text from ``--text``, from files, or from standard input ("-" or no argument).
Out: one JSON object per mention per line (the ``Mention.to_dict`` schema, docs/schema.md),
or a table for people with ``--format table``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from . import __version__
from .errors import QuantnormError
from .mentions import Mention, Parser

__all__ = ["main"]


def _inputs(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """(name, text) for each input: --text values, then files ("-" is standard input)."""
    for i, text in enumerate(args.text or []):
        yield f"<text {i + 1}>", text
    files = args.files or ([] if args.text else ["-"])
    for name in files:
        if name == "-":
            yield "<stdin>", sys.stdin.read()
        else:
            with open(name, encoding="utf-8") as fh:
                yield name, fh.read()


def _table(mentions: Iterable[Mention], out: TextIO) -> None:
    rows = [("span", "text", "value", "unit", "bound", "interval", "noun")]
    for m in mentions:
        value = f"{m.value[0]}..{m.value[1]}" if isinstance(m.value, tuple) else str(m.value)
        rows.append((f"{m.start}-{m.end}", m.text, value, str(m.unit), m.bound.value, str(m.interval), m.noun or ""))
    widths = [min(40, max(len(r[i]) for r in rows)) for i in range(len(rows[0]))]
    for r in rows:
        out.write("  ".join(c[:40].ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="quantnorm",
        description="Find the quantities in English text: one JSON object per mention per line.",
    )
    ap.add_argument("files", nargs="*", metavar="FILE", help="text files to read; '-' or nothing reads standard input")
    ap.add_argument("-t", "--text", action="append", metavar="TEXT", help="a text to parse (repeatable)")
    ap.add_argument("-f", "--format", choices=("jsonl", "table"), default="jsonl", help="output format (default: jsonl)")
    ap.add_argument("--dollar", default="USD", help="currency of a bare '$' (default: USD)")
    ap.add_argument("--ton", default="metric", choices=("metric", "short", "long"), help="the ton (default: metric)")
    ap.add_argument("--gallon", default="US", choices=("US", "imperial"), help="the gallon (default: US)")
    ap.add_argument("--version", action="version", version=f"quantnorm {__version__}")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    out = sys.stdout
    try:
        parser = Parser(dollar=args.dollar, ton=args.ton, gallon=args.gallon)
        for _name, text in _inputs(args):
            mentions = parser.parse(text)
            if args.format == "table":
                _table(mentions, out)
            else:
                for m in mentions:
                    out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
    except (OSError, QuantnormError) as exc:
        print(f"quantnorm: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return 0
