"""Unit stage: the words next to a number -> the pint unit (or currency) they name.

In: a text and the position right after a number (or right before it, for currency signs and
codes such as "$", "US$", "EUR"). Out: a ``UnitMatch``: the unit's ``Sense`` (a pint
expression of quantnorm's registry, and how to read it) and the span of the words.

The lexicon is quantnorm's own, never pint's text parser (which reads "a" as a year and "in"
as an inch): data/units.txt (names, symbols, SI-prefixed units, square and cubic forms, the
words that are not units, the ambiguous forms and their rules), data/currencies.txt (ISO
4217 codes, symbols and names), and the full names of pint's own units. Ambiguous forms
("m", "pound", "°", "in"...) carry the name of the rule that decides them; the scanner
applies the rule, since it needs the context (docs/units.md lists the rules).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from fractions import Fraction
from importlib import resources
from typing import Any, NamedTuple

from . import _data, registry
from ._patterns import OPENERS, Words, compile, words_before
from .numbers import reader as number_reader

__all__ = ["Currency", "Sense", "UnitLexicon", "UnitMatch", "lexicon"]

# The rules the [ambiguous] section of units.txt may name (carried out by the scanner).
RULES = frozenset(
    {"money-scale", "attached-scale", "money-word", "ton-option", "gallon-option", "degree-scale",
     "inch-context", "inch-quote", "minute", "tonne", "ounce-fluid", "scale-letter", "pressure-context"}
)
_SIGN_CHARS = "$£€¥₹₩₽₪₺₫₱฿₦₴₡₾₭₿৳元円¢₵₼֏₸₮₲؋៛﷼"
_SPACE_BEFORE_SIGN = compile(rf"(?<=[\w.])\s++(?=[{_SIGN_CHARS}])")
_SENTENCE_END = compile(r"\s*+(?:$|[\p{Lu}\"“”'‘’(\[])")
_LEADING = OPENERS + "~≈<>=+"  # what may stand before a currency form in a word ("(US$", "~EUR")
_PINT_KEY = compile(r"[a-z][a-z_]{2,}")  # the pint names read as unit words
_BEFORE_SIGN = compile(rf"(?<=[\w.])(?=[{_SIGN_CHARS}])")
_ARTICLE_DOLLAR = compile(r"(?i)(?:a|an|i)\s++\$")


@dataclass(frozen=True)
class Sense:
    """One reading of a surface form: a pint unit expression (quantnorm's data, never the
    document's text) or a currency code ("$" is the caller's default dollar)."""

    expr: str
    currency: bool = False
    rule: str | None = None  # an ambiguity rule from units.txt [ambiguous]
    per_only: bool = False  # only as a denominator ("a head", "per capita")
    scale: Fraction = Fraction(1)  # "MUSD" is a million US dollars
    attached_only: bool = False  # e.g. currency codes glued to digits must be codes

    def __hash__(self) -> int:  # cheaper than hashing every field (a Fraction's hash is slow)
        return hash((self.expr, self.rule))


class UnitMatch(NamedTuple):
    """A unit found in the text: its sense, its span and the form written."""

    sense: Sense
    start: int
    end: int
    form: str


@dataclass
class Currency:
    """One block of currencies.txt."""

    code: str
    name: str = ""
    minors: list[tuple[str, Fraction]] = field(default_factory=list)


def _plural(name: str) -> str:
    if name.endswith(("s", "x", "z", "ch", "sh")):
        return name + "es"
    if name.endswith("y") and len(name) > 1 and name[-2] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def _norm(form: str) -> str:
    return " ".join(form.split())


def _join(form: str, token: str) -> str:
    """A form read token by token: white space (a line break too) before a token becomes one
    space."""
    stripped = token.lstrip()
    if not form:
        return stripped
    return f"{form} {stripped}" if len(stripped) < len(token) else form + stripped


def _start(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0\t\n":
        pos += 1
    return pos


def _key(form: str) -> str:
    """The lookup form of a currency written before a number: white space collapsed, none
    between letters and a currency sign ("c $" = "C$")."""
    return _SPACE_BEFORE_SIGN.sub("", _norm(form))


def _has_sign(form: str) -> bool:
    return any(ch in _SIGN_CHARS for ch in form)


class UnitLexicon:
    """Every surface form quantnorm reads as a unit, built once from the data files."""

    # A token of a unit phrase: letters (with the micro and degree signs), digits, or one sign.
    TOKEN = compile(r"[\x20\u00a0\t]*+(?:\n[\x20\u00a0\t]*+)?(?:[^\W\d_]++\.?|\d++|[^\w\s])")

    def __init__(self) -> None:
        self.exact: dict[str, Sense] = {}  # case-sensitive forms (and names as written)
        self.folded: dict[str, Sense] = {}  # case-folded names
        # currency forms written before a number: any case (codes, words, forms with a sign),
        # or only as written (symbols of letters only: "RM", "Rp")
        self.before_folded: dict[str, Sense] = {}
        self.before_exact: dict[str, Sense] = {}
        self.currencies: dict[str, Currency] = {}
        self.not_units: set[str] = set()
        self.rules: dict[str, str] = {}  # form -> rule
        self.rule_docs: dict[str, str] = {}
        self.length_units: list[str] = []
        self.prefixes: list[tuple[str, list[str]]] = []
        self._powers: list[tuple[int, list[str], list[str]]] = []
        self._load_currencies()
        self._load_units()
        # Every form cut after each of its tokens, case-folded ("sq", "sq mi"): reading the
        # words after a number stops as soon as they can no longer become a form.
        self.starts: set[str] = set()
        # the first token of every form, case-folded, as ``next_token`` reads it (a run of
        # letters, or one other character): a quick "no" before reading the words after a number
        self.first_tokens: set[str] = set()
        # the cuts that a longer form goes on from ("sq"; not "km"): after any other, the
        # reading stops without looking at the next token
        self.continued: set[str] = set()
        for form in list(self.exact) + list(self.folded):
            key = ""
            for token in self.TOKEN.findall(form):
                if key:
                    self.continued.add(key)
                key = _join(key, token.casefold())
                self.starts.add(key)
            first = _FIRST_TOKEN.match(form.casefold())
            if first is not None:
                self.first_tokens.add(first.group(0))
        self._compile()

    # ------------------------------------------------------------------ loading
    def _add(self, form: str, sense: Sense, case_sensitive: bool, override: bool = True) -> None:
        form = _norm(form)
        if not form:
            return
        if case_sensitive:
            if override or form not in self.exact:
                self.exact[form] = sense
        else:
            key = form.casefold()
            if override or key not in self.folded:
                self.folded[key] = sense

    def _load_currencies(self) -> None:
        scales = number_reader().code_scales
        current: Currency | None = None
        for line in _data.lines("currencies.txt"):
            code = line.section
            if current is None or current.code != code:
                current = self.currencies.setdefault(code, Currency(code))
            key, value = line.split()
            if key == "name":
                current.name = value
                continue
            if key == "minor":
                names, frac = value.rsplit("=", 1)
                forms = [f for item in _data.items(names) for f in _data.expand(item)]
                minor = f"{code}_{forms[0]}" if code != "$" else f"$_{forms[0]}"
                current.minors.append((forms[0], Fraction(frac.strip())))
                for form in forms:
                    self._add(form, Sense(minor, currency=True), case_sensitive=False, override=False)
                continue
            forms = [f for item in _data.items(value) for f in _data.expand(item)]
            sense = Sense(code, currency=True)
            if key == "code":
                for form in forms:
                    self._add(form, sense, case_sensitive=False, override=False)
                    self.before_folded.setdefault(form.casefold(), sense)
                    for prefix, factor in scales.items():
                        scaled = Sense(code, currency=True, scale=factor)
                        self._add(prefix + form.upper(), scaled, case_sensitive=True)
                        self.before_exact[prefix + form.upper()] = scaled
            elif key == "symbol":
                for form in forms:
                    sign = _has_sign(form)
                    self._add(_key(form), sense, case_sensitive=not sign, override=False)
                    if sign:
                        self.before_folded.setdefault(_key(form).casefold(), sense)
                    else:
                        self.before_exact.setdefault(_key(form), sense)
            elif key == "words":
                for form in forms:
                    self._add(form, sense, case_sensitive=False, override=False)
            elif key == "before":
                for form in forms:
                    self.before_folded.setdefault(_key(form).casefold(), sense)
            else:
                raise line.error(f"unknown key {key!r}")

    def _load_units(self) -> None:
        generated: list[tuple[str, Sense, bool]] = []
        for line in _data.lines("units.txt"):
            sec = line.section
            if sec == "prefixes":
                names, symbols = line.split()
                for name in names.split("|"):
                    self.prefixes.append((name, _data.items(symbols)))
            elif sec in ("names", "symbols"):
                expr, aliases = line.split()
                sense = Sense(expr)
                for item in _data.items(aliases):
                    for form in _data.expand(item):
                        self._add(form, sense, case_sensitive=(sec == "symbols"))
            elif sec == "per-only":
                expr, aliases = line.split()
                for item in _data.items(aliases):
                    for form in _data.expand(item):
                        self._add(form, Sense(expr, per_only=True), case_sensitive=False, override=False)
            elif sec == "si":
                name, rest = line.split()
                parts = [p.strip() for p in rest.split(";")]
                if len(parts) != 3:
                    raise line.error("expected '<names> ; <symbols> ; <prefixes>'")
                name_forms = [f for item in _data.items(parts[0]) for f in _data.expand(item)]
                sym_forms = _data.items(parts[1])
                sym_prefixes = parts[2].split()
                for form in name_forms:
                    generated.append((form, Sense(name), False))
                    for prefix, _ in self.prefixes:
                        generated.append((prefix + form, Sense(prefix + name), False))
                for sym in sym_forms:
                    generated.append((sym, Sense(name), True))
                    for p in sym_prefixes:
                        prefix_name = next((n for n, syms in self.prefixes if p in syms), None)
                        if prefix_name is None:
                            raise line.error(f"unknown prefix symbol {p!r}")
                        generated.append((p + sym, Sense(prefix_name + name), True))
            elif sec == "powers":
                key, value = line.split()
                if key == "bases":
                    self.length_units = _data.items(value)
                else:
                    words, _, marks = value.partition(";")
                    self._powers.append((int(key), _data.items(words), _data.items(marks)))
            elif sec == "canonical":
                pass  # read by registry.canonical_names()
            elif sec == "not-units":
                self.not_units.add(line.text)
            elif sec == "ambiguous":
                form, rule_text = line.split()
                rule, _, doc = rule_text.partition(":")
                if rule.strip() not in RULES:
                    raise line.error(f"unknown rule {rule.strip()!r}")
                for variant in _data.expand(form):
                    self.rules[variant] = rule.strip()
                self.rule_docs[form] = doc.strip()
            else:
                raise line.error(f"unknown section [{sec}]")
        # Curated forms win over generated ones; generated SI forms win over pint's names.
        for form, sense, cs in generated:
            self._add(form, sense, cs, override=False)
        self._add_powers()
        for form, sense in self._pint_names():
            self._add(form, sense, case_sensitive=False, override=False)
        for form, rule in self.rules.items():
            for table, key in ((self.exact, form), (self.folded, form.casefold())):
                if key in table:
                    old = table[key]
                    table[key] = Sense(old.expr, old.currency, rule, old.per_only, old.scale)
        for form in self.not_units:
            self.exact.pop(form, None)
            if form.islower():
                self.folded.pop(form.casefold(), None)

    def _pint_names(self) -> list[tuple[str, Sense]]:
        """Full names (and plurals) of pint's units, minus constants and [not-units]."""
        ureg = registry.get_registry()
        quiet = logging.getLogger("pint.util")  # pint logs the keys it finds ambiguous
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            return self._pint_forms(ureg)
        finally:
            quiet.setLevel(level)

    def _pint_forms(self, ureg: Any) -> list[tuple[str, Sense]]:
        constants = pint_constants()
        keep = {"standard_atmosphere", "atmosphere"}
        out: list[tuple[str, Sense]] = []
        for key in ureg:
            if not _PINT_KEY.fullmatch(key) or key.startswith("_"):
                continue
            name = ureg.get_name(key)
            if (key in constants or name in constants) and key not in keep:
                continue
            if (key == ureg.get_symbol(key) and key != name) or key in self.not_units or name in self.not_units:
                continue
            spaced = key.replace("_", " ")
            forms = {spaced, _plural(spaced)}
            if key.count("_") == 1:  # "light-year"; longer names are not written hyphenated
                forms |= {key.replace("_", "-"), _plural(key.replace("_", "-"))}
            out.extend((form, Sense(name)) for form in forms)
        return out

    def _add_powers(self) -> None:
        """ "square mile(s)", "sq km", "km²", "km2", "cubic feet", "m³"."""
        bases = set(self.length_units)
        prefixed = {name + "meter" for name, _ in self.prefixes}
        for table, cs in ((dict(self.exact), True), (dict(self.folded), False)):
            for form, sense in table.items():
                if sense.expr not in bases and sense.expr not in prefixed:
                    continue
                short = len(form) <= 3 and " " not in form
                for power, words, marks in self._powers:
                    target = Sense(f"{sense.expr} ** {power}")
                    for w in words:
                        self._add(f"{w} {form}", target, cs, override=False)
                    if short:
                        for mark in marks:
                            self._add(form + mark, target, cs, override=False)

    def _compile(self) -> None:
        def spaced(forms: list[str]) -> list[str]:
            # tokenized text writes "c $ 5", "hk $ 10": a space may stand before a sign
            return forms + [_BEFORE_SIGN.sub(" ", f) for f in forms]

        folded = spaced(list(self.before_folded))
        exact = spaced(list(self.before_exact))
        # the last word of every form written before a number: a quick "no" before the lookup
        self.before_tails = {f.split()[-1].casefold() for f in folded + exact}
        self.before_longest = max(len(f) for f in folded + exact)
        # the first words of the forms of several words ("c" of "c $"), by their number of
        # words: a quick "no" before the word before the nearest is even read
        self.before_heads: dict[int, set[str]] = {}
        for f in folded + exact:
            words = f.split()
            if len(words) > 1:
                self.before_heads.setdefault(len(words), set()).add(words[0].casefold())
        self.before_lengths = sorted(self.before_heads, reverse=True)  # the longest forms first

    # ------------------------------------------------------------------ lookup
    def lookup(self, form: str) -> Sense | None:
        """The sense of a whole surface form, or None."""
        form = _norm(form)
        return self.exact.get(form) or self.folded.get(form.casefold())

    def unit_at(self, text: str, pos: int) -> UnitMatch | None:
        """The longest unit form starting at ``pos`` (after optional white space)."""
        # candidates: (end, form as written, form case-folded), one per token read
        cands: list[tuple[int, str, str]] = []
        written = folded = ""
        p = pos
        while True:
            m = self.TOKEN.match(text, p)
            if m is None:
                break
            token = m.group(0)
            word = token.lstrip()  # white space (a line break too) before a token: one space
            sep = " " if len(word) < len(token) else ""
            f = folded + sep + word.casefold() if folded else word.casefold()
            if f not in self.starts:
                if word.endswith(".") and f[:-1] in self.starts:  # "km." ending a sentence
                    w = written + sep + word if written else word
                    cands.append((m.end() - 1, w[:-1], f[:-1]))
                break
            written, folded, p = (written + sep + word if written else word), f, m.end()
            cands.append((p, written, folded))
            if f not in self.continued:
                break  # no longer form starts so ("km")
        for end, w, f in reversed(cands):
            if end < len(text) and w[-1].isalnum() and text[end].isalnum():
                continue  # a unit ends at a word boundary ("m" in "m212" is not one)
            sense = self.exact.get(w) or self.folded.get(f)
            if w.endswith(".") and _SENTENCE_END.match(text, end):
                # "It was 2 ft.", "The rod is 5 m.": the period ends the sentence too
                bare = self.exact.get(w[:-1]) or self.folded.get(f[:-1])
                if bare is not None and (sense is None or bare.expr == sense.expr):
                    return UnitMatch(bare if sense is None else sense, _start(text, pos), end - 1, w[:-1])
            if sense is not None:
                return UnitMatch(sense, _start(text, pos), end, w)
        return None

    def currency_before(self, text: str, pos: int, words: Words | None = None) -> UnitMatch | None:
        """A currency sign, code or name written right before ``pos`` ("$", "US$ ", "EUR ").
        ``words``: the words before ``pos``, if read."""
        before = None if words is None else words_before(text, pos, words)
        nearest = None if before is None else before.nth(0)
        end = -1 if nearest is None else nearest[1] + len(nearest[0])
        if nearest is not None and len(nearest[0]) <= 12 and not text[end:pos].replace("\n", "", 1).strip(" \u00a0\t"):
            p, word = end, nearest[0].casefold()  # the word read already
        else:  # the last 12 characters at most of the word before the blanks before ``pos``
            p = pos
            while p and text[p - 1] in " \u00a0\t":
                p -= 1
            if p and text[p - 1] == "\n":  # one line break inside a sentence is white space ("EUR\n1")
                p -= 1
                while p and text[p - 1] in " \u00a0\t":
                    p -= 1
            q = p
            while q and not text[q - 1].isspace() and p - q < 12:
                q -= 1
            word = text[q:p].casefold()
        while word and not word[0].isalnum() and word[0] not in _SIGN_CHARS:
            word = word[1:]  # "(US$", "~EUR"
        if word not in self.before_tails and not (word and word[-1] in _SIGN_CHARS):
            return None
        # the longest form: whole words ("c $", "U.S. $"), else the end of the last word
        # ("$", "US$", "(US$", "-$" in "$5m-$10m", but not "'s$")
        if before is None:
            before = words_before(text, pos)
            nearest = before.nth(0)
        if nearest is None:
            return None
        for k in self.before_lengths:
            found = before.nth(k - 1)
            if found is None:
                continue
            first, start = found
            if first.casefold() not in self.before_heads[k]:
                continue
            form = text[start:p]
            if first[:1] in _LEADING or _ARTICLE_DOLLAR.fullmatch(form):
                continue  # no form spans a bracket; "a $5 fee" is the article, then "$"
            match = self._before_form(form, start, p)
            if match is not None:
                return match
        last, start = nearest
        for cut in range(max(0, len(last) - self.before_longest), len(last)):
            if cut and (last[cut - 1].isalnum() or last[cut - 1] in "$'’"):
                continue  # a form starts a word, or follows a sign or a bracket
            match = self._before_form(last[cut:], start + cut, p)
            if match is not None:
                return match
        return None

    def _before_form(self, form: str, start: int, end: int) -> UnitMatch | None:
        key = _key(form)
        sense = self.before_exact.get(key) or self.before_folded.get(key.casefold())
        return None if sense is None else UnitMatch(sense, start, end, _norm(form))


def pint_constants() -> set[str]:
    """The names and aliases of pint's physical constants (constants_en.txt): no units, never read."""
    names: set[str] = set()
    text = resources.files("pint").joinpath("constants_en.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        if "=" in line and not line.startswith("@"):
            parts = [p.strip() for p in line.split("=")]
            names.add(parts[0])
            names.update(parts[2:])
    return names


@functools.lru_cache(maxsize=1)
def lexicon() -> UnitLexicon:
    """The unit lexicon, built on first use."""
    return UnitLexicon()


_CONTEXT_WORD = compile(r"[^\W\d_]+")
_FIRST_TOKEN = compile(r"\s*+(?:[^\W\d_]++|\S)")
_SENTENCE_STOP = compile(r"[.!?][\s\u00a0]")


@functools.lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """The word lists of data/context.txt by section ("temperature", "money", "mass")."""
    out: dict[str, set[str]] = {}
    for line in _data.lines("context.txt"):
        out.setdefault(line.section, set()).update(w.casefold() for w in _data.items(line.text))
    return {name: frozenset(words) for name, words in out.items()}


def words_near(text: str, start: int, end: int) -> set[str]:
    """The words of the sentence around ``text[start:end]`` (80 characters before, 60 after at
    most), case-folded: what the context rules of ambiguous units look up (data/context.txt)."""
    lo, hi = max(0, start - 80), min(len(text), end + 60)
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, lo, start)]
    if stops:
        lo = stops[-1]
    stop = _SENTENCE_STOP.search(text, end, hi)
    if stop is not None:
        hi = stop.start()
    return {w.casefold() for w in _CONTEXT_WORD.findall(text, lo, hi)}
