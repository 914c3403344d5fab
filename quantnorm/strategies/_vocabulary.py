"""Vocabulary stage of the generators: vocabulary.txt -> typed, exact tables.

In: ``quantnorm/strategies/vocabulary.txt`` (same outer grammar as quantnorm's data files).
Out: one frozen ``Vocabulary``: number words, scale words and suffixes, fraction words,
measures and currencies with their exact conversion to canonical units, counted nouns, bound
phrases, range words, vague amounts, change words, filler and distractor templates.
Nothing here imports hypothesis or the parser: the generators' knowledge is their own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources

from ..errors import DataFileError

__all__ = ["Alias", "Measure", "Suffix", "Vague", "Vocabulary", "vocabulary"]

_COMMENT = re.compile(r"(?:^|\s)#(?:\s.*)?$")
_SECTION = re.compile(r"^\[([^\]]+)\]$")
_PLURAL = re.compile(r"(.+?)\(([^()]+)\)(.*)")
_CONVERSION = re.compile(r"^(.+?) \* ([0-9/]+)(?: \+ ([0-9/]+))?$")


@dataclass(frozen=True)
class Alias:
    """One way to write a unit: singular and plural spelling, and whether it is written
    attached to the number ("5%") rather than after a space ("5 km")."""

    singular: str
    plural: str
    attached: bool = False


@dataclass(frozen=True)
class Measure:
    """A unit (a measure or a currency) and its exact meaning: ``canonical`` value =
    stated value * ``factor`` + ``offset``. ``before`` lists forms written before the
    number ("$", "USD"); ``money`` marks currencies."""

    unit: str
    canonical: str
    factor: Fraction
    offset: Fraction
    after: tuple[Alias, ...]
    before: tuple[str, ...] = ()
    money: bool = False


@dataclass(frozen=True)
class Suffix:
    """A scale abbreviation after digits: its power of ten and where it may be written
    ("attached", "any" = attached or spaced, "money" = attached, in money only)."""

    text: str
    power: int
    how: str


@dataclass(frozen=True)
class Vague:
    """A vague amount ("thousands of") and the range it stands for."""

    phrase: str
    low: Fraction
    high: Fraction


@dataclass(frozen=True)
class Vocabulary:
    """Every table of vocabulary.txt, typed. Dict values and tuples keep the file's order,
    so that the first entry of each is what an example shrinks to."""

    ones: tuple[str, ...]
    tens: tuple[str, ...]
    scales: tuple[tuple[str, int], ...]
    suffixes: tuple[Suffix, ...]
    fraction_words: tuple[tuple[str, str, int], ...]
    vulgar: tuple[tuple[str, Fraction], ...]
    slash_denominators: tuple[int, ...]
    measures: tuple[Measure, ...]
    nouns: tuple[tuple[str, str], ...]
    adjectives: tuple[str, ...]
    bounds: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    change_bounds: tuple[str, ...]
    tolerance: tuple[str, ...]
    ranges: tuple[tuple[str, str], ...]
    vague: tuple[Vague, ...]
    changes: tuple[tuple[str, str], ...]
    openers: tuple[str, ...]
    subjects: tuple[str, ...]
    closers: tuple[str, ...]
    distractors: tuple[tuple[str, str], ...]
    lead_ins: tuple[str, ...]
    months: tuple[str, ...]
    claim_openers: tuple[tuple[str, str, tuple[str, ...]], ...]
    claim_nouns: dict[str, tuple[str, ...]]
    claim_qualifiers: tuple[tuple[str, str], ...]
    claim_factors: tuple[tuple[str, Fraction], ...]
    entities: tuple[str, ...]

    def measure(self, unit: str) -> Measure:
        """The measure or currency named ``unit`` (as quantnorm names it: "kilometer", "USD")."""
        for m in self.measures:
            if m.unit == unit:
                return m
        raise KeyError(unit)


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        heading = _SECTION.match(line)
        if heading:
            current = heading.group(1)
            if current in sections:
                raise DataFileError(f"vocabulary.txt:{number}: section [{current}] twice")
            sections[current] = []
            continue
        sections.setdefault(current, []).append(line)
    return sections


def _items(lines: list[str]) -> tuple[str, ...]:
    return tuple(item.strip() for line in lines for item in line.split(",") if item.strip())


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for line in lines:
        if line.startswith("= "):  # nothing before "=": an empty key
            key, sep, value = "", "=", line[2:]
        else:
            key, sep, value = line.partition(" = ")
        if not sep:
            raise DataFileError(f"vocabulary.txt: expected '=' in {line!r}")
        pairs.append((key.strip(), value.strip()))
    return pairs


def _alias(form: str) -> Alias:
    attached = form.startswith("^")
    form = form.lstrip("^")
    words = form.split(" ")
    singular, plural = [], []
    for word in words:
        m = _PLURAL.fullmatch(word)
        if "|" in word:  # "foot|feet"
            one, many = word.split("|", 1)
            singular.append(one)
            plural.append(many)
        elif m:
            singular.append(m.group(1) + m.group(3))
            plural.append(m.group(1) + m.group(2) + m.group(3))
        else:
            singular.append(word)
            plural.append(word)
    return Alias(" ".join(singular), " ".join(plural), attached)


def _measure(unit: str, spec: str, money: bool) -> Measure:
    fields = [f.strip() for f in spec.split(";")]
    m = _CONVERSION.match(fields[0])
    if m is None:
        raise DataFileError(f"vocabulary.txt: bad conversion for {unit}: {fields[0]!r}")
    after = tuple(_alias(a) for a in _items(fields[1:2]))
    before = _items(fields[2:3]) if money else ()
    offset = Fraction(m.group(3)) if m.group(3) else Fraction(0)
    return Measure(unit, m.group(1), Fraction(m.group(2)), offset, after, before, money)


def parse_vocabulary(text: str) -> Vocabulary:
    """The ``Vocabulary`` that ``text`` (in vocabulary.txt's format) describes."""
    s = _sections(text)
    suffixes = []
    for key, value in _pairs(s["suffixes"]):
        power, how = value.split()
        suffixes.append(Suffix(key, int(power), how))
    fraction_words = []
    for key, value in _pairs(s["fraction-words"]):
        singular, plural = (w.strip() for w in key.split(","))
        fraction_words.append((singular, plural, int(value)))
    bounds: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for key, value in _pairs(s["bounds"]):
        before, _, after = value.partition(";")
        bounds[key] = (_items([before]), _items([after]))
    vague = []
    for key, value in _pairs(s["vague"]):
        low, high = value.split("..")
        vague.append(Vague(key, Fraction(low.strip()), Fraction(high.strip())))
    changes = [(word, direction) for direction, words in _pairs(s["changes"]) for word in _items([words])]
    return Vocabulary(
        ones=_items(s["ones"]),
        tens=_items(s["tens"]),
        scales=tuple((k, int(v)) for k, v in _pairs(s["scales"])),
        suffixes=tuple(suffixes),
        fraction_words=tuple(fraction_words),
        vulgar=tuple((k, Fraction(v)) for k, v in _pairs(s["vulgar"])),
        slash_denominators=tuple(int(d) for d in _items(s["slash-denominators"])),
        measures=tuple(
            [_measure(k, v, money=False) for k, v in _pairs(s["measures"])]
            + [_measure(k, v, money=True) for k, v in _pairs(s["money"])]
        ),
        nouns=tuple(_pairs(s["nouns"])),
        adjectives=_items(s["adjectives"]),
        bounds=bounds,
        change_bounds=_items(s["change-bounds"]),
        tolerance=_items(s["tolerance"]),
        ranges=tuple(_pairs(s["ranges"])),
        vague=tuple(vague),
        changes=tuple(changes),
        openers=tuple(s["openers"]),
        subjects=tuple(s["subjects"]),
        closers=tuple(c if not c[0].isalnum() else " " + c for c in s["closers"]),
        distractors=tuple(_pairs(s["distractors"])),
        lead_ins=tuple(s["lead-ins"]),
        months=_items(s["months"]),
        claim_openers=tuple(
            (prop, opener.strip(), _items([units]))
            for prop, value in _pairs(s["claim-openers"])
            for opener, _, units in [value.partition(";")]
        ),
        claim_nouns={k: _items([v]) for k, v in _pairs(s["claim-nouns"])},
        claim_qualifiers=tuple(_pairs(s["claim-qualifiers"])),
        claim_factors=tuple((k, Fraction(v)) for k, v in _pairs(s["claim-factors"])),
        entities=_items(s["entities"]),
    )


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The generators' vocabulary, read once from vocabulary.txt."""
    text = resources.files("quantnorm.strategies").joinpath("vocabulary.txt").read_text(encoding="utf-8")
    return parse_vocabulary(text)
