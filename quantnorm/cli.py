"""Command line: ``quantnorm [FILE ...]`` and ``python -m quantnorm``.

In: text from ``--text``, from files, or from standard input ("-" or no argument).
Out: one JSON object per mention per line (exactly the ``Mention.to_dict`` schema,
docs/schema.md); with ``--with-file`` one JSON object per input instead, ``{"file": name,
"mentions": [...]}``, so that several FILEs stay apart while each mention keeps the schema.
``--format table`` gives a table for people (one per input, under the input's name when
there are several; white space other than a plain space, e.g. a line break inside a mention,
is written as an escape such as ``\n`` so that a row stays one line). ``--format html`` gives
one HTML page (quantnorm.html): every mention highlighted, and the comparison claims of
``verify`` underlined in their verdict's colour with their reference values. With
``--input-format jsonl`` the input is JSON lines (the text under ``--text-field``), read and
written one record at a time: one JSON object per input record, ``{"file": ..., "line": n,
"mentions": [...]}`` (stream.py). ``--jobs N`` parses in N worker processes.
``quantnorm verify [FILE ...]`` checks comparison claims instead: one JSON object per check
(``Check.to_dict`` plus "file"), ``--format table`` for people, ``--format html`` for a page
of the claims (docs/verification.md). docs/usage.md documents the command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from .batch import parse_many
from .errors import QuantnormError
from .mentions import Mention

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


def _cell(text: str) -> str:
    """A table cell on one line: a character that is not printable (line breaks, tabs, no-break
    and other special spaces, controls) is written as its Python escape ("over three\\nweekends")."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _write_rows(rows: Sequence[tuple[str, ...]], width: int, out: TextIO) -> None:
    cells = [tuple(_cell(c) for c in r) for r in rows]
    widths = [min(width, max(len(r[i]) for r in cells)) for i in range(len(cells[0]))]
    for r in cells:
        out.write("  ".join(c[:width].ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _table(mentions: Iterable[Mention], out: TextIO) -> None:
    rows = [("span", "text", "value", "unit", "bound", "interval", "noun")]
    for m in mentions:
        value = f"{m.value[0]}..{m.value[1]}" if isinstance(m.value, tuple) else str(m.value)
        rows.append((f"{m.start}-{m.end}", m.text, value, str(m.unit), m.bound.value, str(m.interval), m.noun or ""))
    _write_rows(rows, 40, out)


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="quantnorm",
        description="Find the quantities in English text: one JSON object per mention per line.",
    )
    ap.add_argument("files", nargs="*", metavar="FILE", help="text files to read; '-' or nothing reads standard input")
    ap.add_argument("-t", "--text", action="append", metavar="TEXT", help="a text to parse (repeatable)")
    ap.add_argument("-f", "--format", choices=("jsonl", "table", "html"), default="jsonl",
                    help="output format (default: jsonl); table: one table per input, under its name when there "
                    "are several; html: one standalone page, mentions and checked claims (quantnorm.html)")
    ap.add_argument("--with-file", action="store_true",
                    help='jsonl: one object per input, {"file": NAME, "mentions": [...]}, instead of one per mention')
    ap.add_argument("--dollar", default="USD", help="currency of a bare '$' (default: USD)")
    ap.add_argument("--ton", default="metric", choices=("metric", "short", "long"), help="the ton (default: metric)")
    ap.add_argument("--gallon", default="US", choices=("US", "imperial"), help="the gallon (default: US)")
    ap.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes (default: 1)")
    ap.add_argument("--input-format", choices=("text", "jsonl"), default="text",
                    help="text: each FILE is one text (default); jsonl: one JSON object per line, streamed")
    ap.add_argument("--text-field", default="text", metavar="KEY",
                    help="with --input-format jsonl: the key holding the text (default: text)")
    ap.add_argument("--version", action="version", version=f"quantnorm {__version__}")
    return ap


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value}")
    return n


def _verify_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="quantnorm verify",
        description="Find comparison claims ('1.5 times the area of Seoul') and check them against reference "
        "values: one JSON object per check per line (docs/verification.md).",
    )
    ap.add_argument("files", nargs="*", metavar="FILE", help="text files to read; '-' or nothing reads standard input")
    ap.add_argument("-t", "--text", action="append", metavar="TEXT", help="a text to check (repeatable)")
    ap.add_argument("-f", "--format", choices=("jsonl", "table", "html"), default="jsonl",
                    help="output format (default: jsonl); html: one standalone page of the claims (quantnorm.html)")
    ap.add_argument("-r", "--references", metavar="JSON",
                    help="a JSON file {entity: {property: value}} used instead of the built-in values")
    ap.add_argument("--with-builtin", action="store_true",
                    help="with --references: fall back on the built-in values for what the file lacks")
    ap.add_argument("--approx", type=float, metavar="W", help="relative width of '~' and 'almost' (default: 0.1)")
    ap.add_argument("--exact", type=float, metavar="W", help="relative width of a bare factor (default: 0.05)")
    return ap


def _verify_table(name: str, checks: Iterable[Any], out: TextIO) -> None:
    rows = [("span", "verdict", "claim", "op", "factor", "entity", "property", "ratio")]
    for c in checks:
        ratio = "" if c.ratio is None else str(c.ratio).replace(" dimensionless", "")
        rows.append((f"{c.start}-{c.end}", c.verdict.value, c.claim, c.op.value, f"{float(c.factor):.4g}",
                     c.entity, c.property or "", ratio))
    out.write(f"{_cell(name)}\n")
    _write_rows(rows, 44, out)


def _verify_main(argv: Sequence[str]) -> int:
    """``quantnorm verify [FILE ...]``: one JSON object per check (``Check.to_dict`` with the
    input's name under "file"), a table with ``--format table``, a page with ``--format html``."""
    from .comparisons import verify  # only for this subcommand
    from .references import MappingReferences, ReferenceBook, ReferenceChain, builtin

    args = _verify_parser().parse_args(argv)
    out = sys.stdout
    try:
        book: ReferenceBook | None = None
        if args.references:
            with open(args.references, encoding="utf-8") as fh:
                try:
                    data = json.load(fh)
                except json.JSONDecodeError as exc:
                    raise QuantnormError(f"{args.references}: not JSON: {exc}") from None
            if not isinstance(data, dict):
                raise QuantnormError(f"{args.references}: expected a JSON object {{entity: {{property: value}}}}")
            book = MappingReferences(data, source=args.references)
            if args.with_builtin:
                book = ReferenceChain(book, builtin())
        if args.format == "html":
            from .html import verify_page_html

            out.write(verify_page_html((name, text, verify(text, book, approx=args.approx, exact=args.exact))
                                       for name, text in _inputs(args)))
            return 0
        for name, text in _inputs(args):
            checks = verify(text, book, approx=args.approx, exact=args.exact)
            if args.format == "table":
                _verify_table(name, checks, out)
            else:
                for c in checks:
                    out.write(json.dumps({"file": name, **c.to_dict()}, ensure_ascii=False) + "\n")
    except (OSError, QuantnormError) as exc:
        print(f"quantnorm verify: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status. A first argument "verify" runs
    ``quantnorm verify`` (a file named "verify" is ``./verify``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["verify"]:
        return _verify_main(argv[1:])
    args = _parser().parse_args(argv)
    out = sys.stdout
    try:
        options = {"dollar": args.dollar, "ton": args.ton, "gallon": args.gallon}
        if args.input_format == "jsonl" and args.format == "html":
            raise QuantnormError("--format html reads text files, not --input-format jsonl")
        if args.with_file and (args.format != "jsonl" or args.input_format == "jsonl"):
            raise QuantnormError("--with-file is for --format jsonl of text inputs (jsonl input names its file)")
        if args.input_format == "jsonl":
            from .stream import jsonl_records, stream_jsonl

            files = args.files or ["-"]
            if args.format == "table":
                for name, line, found in stream_jsonl(files, args.text_field, jobs=args.jobs, options=options):
                    out.write(f"{name}:{line}\n")
                    _table(found, out)
            else:
                out.writelines(jsonl_records(files, args.text_field, jobs=args.jobs, options=options))
            return 0
        if args.format == "html":
            from .comparisons import verify_mentions
            from .html import page_html

            named = list(_inputs(args))
            parsed = parse_many((text for _name, text in named), workers=args.jobs, **options)
            out.write(page_html((name, text, mentions, verify_mentions(text, mentions))
                                for (name, text), mentions in zip(named, parsed, strict=True)))
            return 0
        names: list[str] = []  # filled as parse_many reads the inputs, so always ahead of its results

        def texts() -> Iterator[str]:
            for name, text in _inputs(args):
                names.append(name)
                yield text

        several = len(args.text or []) + len(args.files or []) > 1
        for i, mentions in enumerate(parse_many(texts(), workers=args.jobs, **options)):
            name = names[i]
            if args.format == "table":
                if several:
                    out.write(f"{_cell(name)}\n")
                _table(mentions, out)
            elif args.with_file:
                record = {"file": name, "mentions": [m.to_dict() for m in mentions]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                for m in mentions:
                    out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
    except (OSError, QuantnormError) as exc:
        print(f"quantnorm: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return 0
