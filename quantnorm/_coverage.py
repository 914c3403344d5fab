"""The unit coverage table, docs/units.md, generated from the data files.

In: the unit lexicon (``units.lexicon()``: data/units.txt, data/currencies.txt and the names of
pint's own units) and the registry's exact conversions. Out: ``unit_table()``, a Markdown page
listing every alias -> the pint unit it names -> that unit's canonical unit (grouped by
canonical unit), the currencies, the ambiguity rules of units.txt [ambiguous] and the words
of [not-units].

``python -m quantnorm._coverage`` writes docs/units.md; ``--check`` only reports whether it
is up to date (exit status 1 if not). tests/test_coverage.py fails when the file drifts from
the data, so the table is regenerated whenever a data file changes. The output is sorted and
holds no dates or paths, so the same data always gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

from . import _data, registry
from .errors import UnitError
from .numbers import reader as number_reader
from .units import Sense, UnitLexicon, lexicon

__all__ = ["DOCS_PATH", "main", "unit_table"]

DOCS_PATH = Path(__file__).resolve().parents[1] / "docs" / "units.md"
_NO_CONVERSION = "(no conversion)"
_DEFAULT_DOLLAR = "$"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: pipes escaped, no line breaks."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(form: str) -> str:
    """An alias as inline code (a form holding a backtick is shown as is)."""
    if "`" in form:
        return _cell(form)
    return "`" + _cell(form) + "`"


def _number(x: Fraction) -> str:
    if x.denominator == 1:
        return str(x.numerator)
    if len(str(x)) <= 24:
        return f"{x} (≈ {float(x):.12g})"
    return f"≈ {float(x):.12g}"  # pi and the like: an exact fraction too long to read


def _sort_key(form: str) -> tuple[str, str]:
    return (form.casefold(), form)


def _rule_of(lex: UnitLexicon, key: str) -> str:
    """The rule of an [ambiguous] line, whose key may spell several forms ("°|º|deg")."""
    for alt in key.split("|"):
        for form in _data.expand(alt):
            if form in lex.rules:
                return lex.rules[form]
    return "?"


def _not_unit_reasons() -> dict[str, str]:
    """[not-units] forms -> the reason written after them in units.txt (may be empty)."""
    reasons: dict[str, str] = {}
    section = ""
    for raw in _data.read_text("units.txt").splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section != "not-units" or not line or line.startswith("#"):
            continue
        form, _, reason = line.partition(" #")
        reasons[form.strip()] = reason.strip()
    return reasons


def _senses(lex: UnitLexicon) -> Iterable[tuple[str, Sense, bool]]:
    """Every (alias, sense, case-sensitive) of the lexicon, scale-prefixed codes left out."""
    for table, case_sensitive in ((lex.exact, True), (lex.folded, False)):
        for form, sense in table.items():
            if sense.scale == 1:
                yield form, sense, case_sensitive


def _aliases_cell(forms: list[tuple[str, bool]], ambiguous: set[str]) -> str:
    out = []
    for form, cs in sorted(forms, key=lambda f: _sort_key(f[0])):
        mark = "†" if form in ambiguous else ""
        out.append(_code(form) + ("ᶜ" if cs else "") + mark)
    return ", ".join(out)


def _units_section(lex: UnitLexicon) -> list[str]:
    by_expr: dict[tuple[str, bool], list[tuple[str, bool]]] = defaultdict(list)
    for form, sense, cs in _senses(lex):
        if not sense.currency:
            by_expr[(sense.expr, sense.per_only)].append((form, cs))
    groups: dict[str, list[tuple[str, bool, str]]] = defaultdict(list)
    for (expr, per_only), _forms in by_expr.items():
        try:
            conv = registry.conversion(expr)
        except UnitError:
            groups[_NO_CONVERSION].append((expr, per_only, ""))
            continue
        factor = _number(conv.scale)
        if conv.offset:
            factor += f", then + {_number(conv.offset)}"
        groups[conv.canonical].append((expr, per_only, factor))
    ambiguous = set(lex.rules)
    lines = [
        "## Units, by canonical unit",
        "",
        "Each table lists the pint units whose quantities are expressed in one canonical unit, the",
        "factor that converts a value into it (exact; a decimal approximation is shown beside it),",
        "and every alias that names the unit. ᶜ: the alias matches only in the letter case shown",
        "(otherwise any case); †: an ambiguous form, read by a rule (see below); *per-only*: read",
        "only after \"per\", \"a\" or \"/\" (\"$30 a head\").",
        "",
    ]
    for canonical in sorted(groups, key=lambda c: (c == _NO_CONVERSION, c.casefold(), c)):
        lines += [f"### {canonical}", "", "| pint unit | to canonical | aliases |", "|---|---|---|"]
        for expr, per_only, factor in sorted(groups[canonical], key=lambda g: (g[0].casefold(), g[0], g[1])):
            name = _code(expr) + (" *per-only*" if per_only else "")
            cell = _aliases_cell(by_expr[(expr, per_only)], ambiguous)
            lines.append(f"| {name} | {_cell(factor)} | {cell} |")
        lines.append("")
    return lines


def _money_section(lex: UnitLexicon) -> list[str]:
    forms: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for form, sense, cs in _senses(lex):
        if sense.currency:
            forms[sense.expr].append((form, cs))
    before: dict[str, list[str]] = defaultdict(list)
    for form, sense in {**lex.before_folded, **lex.before_exact}.items():
        if sense.scale == 1:
            before[sense.expr].append(form)
    scales = number_reader().code_scales
    lines = [
        "## Money",
        "",
        "Every currency is a pint unit with a dimension of its own (no exchange rates); its minor",
        "units are exact fractions of it. Forms of the default dollar (`$`, \"dollar(s)\",",
        "\"cent(s)\"...) mean the caller's `Parser(dollar=...)`, US dollars by default.",
        "\"after\": forms read after a number (\"5 euros\", \"20 pence\"); \"before\": forms read",
        "before it (\"€5\", \"USD 5\"; written in any case unless marked ᶜ in \"after\").",
    ]
    if scales:
        prefixes = ", ".join(f"`{p}` (× {_number(f)})" for p, f in sorted(scales.items()))
        lines.append(f"Codes also take a scale prefix: {prefixes} (\"MUSD 30\").")
    lines += ["", "| unit | name | canonical | after | before |", "|---|---|---|---|---|"]
    for code in sorted(lex.currencies, key=lambda c: (c != _DEFAULT_DOLLAR, c)):
        cur = lex.currencies[code]
        name = "the default dollar" if code == _DEFAULT_DOLLAR else cur.name
        canonical = "the default dollar" if code == _DEFAULT_DOLLAR else code
        after = _aliases_cell(forms.get(code, []), set())
        ahead = ", ".join(_code(f) for f in sorted(before.get(code, []), key=_sort_key))
        lines.append(f"| {_code(code)} | {_cell(name)} | {_cell(canonical)} | {after} | {ahead} |")
        for minor, fraction in cur.minors:
            expr = f"{code}_{minor}"
            unit_name = f"{_cell(canonical)} × {fraction}"
            after = _aliases_cell(forms.get(expr, []), set())
            lines.append(f"| {_code(expr)} | {_cell(minor)} | {unit_name} | {after} | |")
    lines.append("")
    return lines


def _rules_section(lex: UnitLexicon) -> list[str]:
    lines = [
        "## Ambiguous forms",
        "",
        "These forms mean different things by context; units.txt [ambiguous] names the rule that",
        "decides, and the scanner carries it out.",
        "",
        "| form | rule | reading |",
        "|---|---|---|",
    ]
    for key in sorted(lex.rule_docs, key=_sort_key):
        forms = ", ".join(_code(f) for f in key.split("|"))
        lines.append(f"| {forms} | {_cell(_rule_of(lex, key))} | {_cell(lex.rule_docs[key])} |")
    lines.append("")
    return lines


def _not_units_section(lex: UnitLexicon) -> list[str]:
    reasons = _not_unit_reasons()
    lines = [
        "## Words that are not units",
        "",
        "pint reads these words as units; quantnorm leaves them as words (a counted noun after a",
        "number, or nothing). From units.txt [not-units].",
        "",
        "| word | why |",
        "|---|---|",
    ]
    for form in sorted(lex.not_units, key=_sort_key):
        lines.append(f"| {_code(form)} | {_cell(reasons.get(form, ''))} |")
    lines.append("")
    return lines


def _pint_version() -> str:
    import pint

    return str(pint.__version__)


def unit_table() -> str:
    """docs/units.md: the unit coverage table, rendered from the data files."""
    lex = lexicon()
    senses = list(_senses(lex))
    unit_count = len({s.expr for _, s, _ in senses if not s.currency})
    currency_count = len([c for c in lex.currencies if c != _DEFAULT_DOLLAR])
    lines = [
        "# Unit coverage",
        "",
        "<!-- Generated by `python -m quantnorm._coverage` from quantnorm/data (units.txt,",
        f"currencies.txt) and pint's unit names (pint {_pint_version()}). Do not edit: change the data",
        "files and regenerate; tests/test_coverage.py fails when this file is out of date. -->",
        "",
        f"quantnorm reads {len(senses)} surface forms as units: {unit_count} pint units and"
        f" {currency_count} currencies. pint never reads the document's text: each form below maps",
        "to a pint unit expression of quantnorm's registry (`quantnorm.ureg`), and values convert",
        "exactly into the canonical unit (the SI coherent unit of the dimension, the currency itself",
        "for money, `percent` for ratios). Besides single units, \"X per Y\", \"X/Y\", \"X a Y\" combine",
        "any two (\"miles an hour\", \"$80 a barrel\"), and an alias followed by \"-\" is its adjectival",
        "form (\"a 3-inch pipe\").",
        "",
        "Contents: [Units, by canonical unit](#units-by-canonical-unit) · [Money](#money) ·",
        "[Ambiguous forms](#ambiguous-forms) · [Words that are not units](#words-that-are-not-units)",
        "",
    ]
    lines += _units_section(lex)
    lines += _money_section(lex)
    lines += _rules_section(lex)
    lines += _not_units_section(lex)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write docs/units.md (or, with --check, say whether it is up to date)."""
    parser = argparse.ArgumentParser(
        prog="python -m quantnorm._coverage", description="Write the unit coverage table, docs/units.md."
    )
    parser.add_argument("path", nargs="?", type=Path, default=DOCS_PATH, help="where to write (default: docs/units.md)")
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = parser.parse_args(argv)
    table = unit_table()
    path: Path = args.path
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != table:
            print(f"{path} is out of date: run python -m quantnorm._coverage", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(table, encoding="utf-8", newline="\n")
    print(f"wrote {path} ({table.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
