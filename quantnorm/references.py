"""Reference values: what a comparison claim is checked against ("the area of Seoul").

In: a mapping ``{entity: {property: value}}`` whose values are pint Quantities, numbers or
strings ("605.2 km**2", "9.4 million"); any object with a ``lookup(entity, property)``
method (the ``ReferenceBook`` protocol: a database, an API the caller queries) that returns
such a value, a ``Reference`` (``make_reference`` builds one, with its source) or None; or
nothing, for the built-in book (data/references.csv, read once, on first use).
Out: ``Reference`` objects: the value as an exact quantity and interval in canonical units,
the value as stated, and where it comes from.

Strings are read with quantnorm's own readers, never pint's string parser: the number with
``numbers`` ("9.4 million", "1,234", "605.21"), the unit with quantnorm's unit lexicon, then
pint's unit names ("km2", "square miles", "km**2"). A value written without a unit gets the
property's unit from data/comparisons.txt [dimensions] (a population is a count). Names match
in any letter case, with or without a leading article ("the UK"), and through aliases: the
built-in book's aliases ("Britain" -> "United Kingdom") also serve a caller's mapping.
A value quantnorm cannot read, a value in the wrong dimension (an area in km) and a value
that is not positive raise ``ReferenceValueError`` naming the entity, property and value.
"""

from __future__ import annotations

import csv
import functools
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, Union, runtime_checkable

from . import _data, registry
from .errors import QuantnormError, ReferenceValueError, UnitError
from .intervals import Interval

if TYPE_CHECKING:  # pint is imported on first use, not with quantnorm
    import pint

__all__ = [
    "BuiltinReferences",
    "MappingReferences",
    "Reference",
    "ReferenceBook",
    "ReferenceChain",
    "ReferenceValue",
    "as_book",
    "builtin",
    "dimension",
    "make_reference",
    "normalise_name",
    "read_value",
]


def _num(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


@dataclass(frozen=True)
class Reference:
    """One reference value. ``quantity`` is in canonical units with an exact (Fraction)
    magnitude; ``interval`` is the set of values it stands for (a point: reference values
    are taken as exact); ``text`` is the value as given ("605.21 km2"). Build one with
    ``make_reference(entity, property, value, source=...)``, which fills in the quantity,
    the interval and the text from the value."""

    entity: str
    property: str
    quantity: pint.Quantity[Any]
    interval: Interval
    text: str
    source: str | None = None
    year: str | None = None
    licence: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON record."""
        return {
            "entity": self.entity,
            "property": self.property,
            "value": self.text,
            "quantity": {"magnitude": _num(Fraction(self.quantity.magnitude)), "units": self.interval.units},
            "source": self.source,
            "year": self.year,
            "licence": self.licence,
            "note": self.note,
        }


# What a book's ``lookup`` may return for a value it knows: a ``Reference`` (with its source),
# or the value alone: a pint Quantity, a string ("605.2 km**2", "9.4 million") or a number.
ReferenceValue = Union[Reference, "pint.Quantity[Any]", str, int, float, Fraction, Decimal]


@runtime_checkable
class ReferenceBook(Protocol):
    """Where ``verify`` finds reference values. ``entity`` is a name as written in the text
    ("the UK", "a football pitch", "Seoul"); ``property`` one of the property names of
    data/comparisons.txt ("area", "population", "height"...). Return None when unknown;
    else a ``Reference`` (``make_reference`` builds one, with its source) or the value
    alone, as a ``MappingReferences`` value: a pint Quantity, a string ("605.2 km**2",
    "9.4 million") or a number (in the property's unit). A value alone is read with
    ``make_reference``, its source the book's ``source`` attribute if it has one, else the
    name of the book's class."""

    def lookup(self, entity: str, property: str) -> ReferenceValue | None: ...


# ---------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class _Dimensions:
    units: dict[str, str]  # property -> canonical unit
    count_units: frozenset[str]  # unit words that count people ("people", "inhabitants")
    nouns: dict[str, str]  # a property noun with exactly one meaning -> that property ("weight")


@functools.lru_cache(maxsize=1)
def _dimensions() -> _Dimensions:
    units: dict[str, str] = {}
    counts: set[str] = set()
    nouns: dict[str, str] = {}
    for line in _data.lines("comparisons.txt"):
        if line.section == "dimensions":
            prop, unit = line.split()
            units[prop.lower()] = unit
        elif line.section == "count-units":
            for item in _data.items(line.text):
                counts.update(form.casefold() for form in _data.expand(item))
        elif line.section == "properties":
            noun, meaning = line.split()
            names = _data.items(meaning.partition(";")[0])
            if len(names) == 1:
                nouns[_norm_words(noun)] = names[0]
    return _Dimensions(units, frozenset(counts), nouns)


def dimension(property: str) -> str | None:
    """The canonical unit of a property's values ("area" -> "meter ** 2"), or None."""
    return _dimensions().units.get(property)


def _property_name(name: str) -> str:
    key = _norm_words(name)
    return key if key in _dimensions().units else _dimensions().nouns.get(key, key)


def _norm_words(text: str) -> str:
    return " ".join(text.casefold().split())


_ARTICLES = ("the ", "a ", "an ")


def normalise_name(name: str) -> str:
    """The key a name is matched by: case-folded, one space between words, straight
    apostrophes, no leading article, no trailing full stop ("The U.K." -> "u.k")."""
    key = _norm_words(name.replace("’", "'").replace("‘", "'"))
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            key = key[len(article):]
            break
    return key.rstrip(".").strip()


# ---------------------------------------------------------------------------- values


def _bad(entity: str, prop: str, value: object, why: str) -> ReferenceValueError:
    return ReferenceValueError(f"reference value for the {prop} of {entity!r}: {value!r}: {why}")


def _fraction(magnitude: object) -> Fraction:
    if isinstance(magnitude, bool):
        raise TypeError("a bool is not a number")
    if isinstance(magnitude, float):
        if not math.isfinite(magnitude):
            raise ValueError("not a finite number")
        return Fraction(repr(magnitude))  # the decimal as written: 605.21 -> 60521/100
    if isinstance(magnitude, (int, Fraction, Decimal)):
        return Fraction(magnitude)
    raise TypeError(f"not a number: {type(magnitude).__name__}")


def _read_string(text: str) -> tuple[Fraction, str | None]:
    """ "605.2 km**2" -> (3026/5, "km**2"); "9.4 million" -> (9400000, None)."""
    from .numbers import reader

    stripped = text.strip()
    number = reader().number_at(stripped, 0)
    if number is None or number.is_range:
        raise ValueError("no single number at its start")
    rest = stripped[number.end:].strip()
    return number.low, (rest or None)


def _unit_expr(unit: str) -> str:
    """A unit name from reference data -> a pint expression of quantnorm's registry."""
    if unit.casefold() in _dimensions().count_units:
        return "count"
    from .mentions import resolve_unit

    return resolve_unit(unit)


def read_value(entity: str, prop: str, value: object) -> tuple[Fraction, str, str]:
    """A reference value -> (exact value in canonical units, canonical unit, the value as
    given, as text). Raises ``ReferenceValueError`` naming the value when it cannot be read,
    is not positive, or is not of the property's dimension."""
    expected = dimension(prop)
    try:
        if isinstance(value, str):
            magnitude, unit = _read_string(value)
            shown = " ".join(value.split())
        elif hasattr(value, "magnitude") and hasattr(value, "units"):
            magnitude = _fraction(value.magnitude)
            unit = str(value.units) or None
            if unit == "dimensionless":
                unit = None
            shown = f"{value.magnitude} {unit}" if unit else str(value.magnitude)
        else:
            magnitude, unit, shown = _fraction(value), None, str(value)
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise _bad(entity, prop, value, f"not a quantity ({exc})") from None
    if unit is None:
        expr = expected or "dimensionless"
    else:
        try:
            expr = _unit_expr(unit)
        except UnitError as exc:
            raise _bad(entity, prop, value, str(exc)) from None
    try:
        conv = registry.conversion(expr)
    except UnitError as exc:
        raise _bad(entity, prop, value, str(exc)) from None
    canonical = "count" if conv.canonical == "person" else conv.canonical
    if expected is not None and canonical != expected:
        raise _bad(entity, prop, value, f"{prop} values must be in {expected}, not {canonical}")
    amount = conv(magnitude)
    if amount <= 0:
        raise _bad(entity, prop, value, "a reference value must be positive")
    return amount, canonical, shown


def make_reference(entity: str, property: str, value: object, *, source: str | None = None,
                   year: str | None = None, licence: str | None = None, note: str | None = None) -> Reference:
    """A ``Reference`` for the ``property`` ("area", "population"...) of ``entity``, from a
    value as a ``MappingReferences`` takes it: a pint Quantity, a string ("605.2 km**2",
    "9.4 million") or a number (in the property's unit), with where it comes from.
    Raises ``ReferenceValueError`` for a value that cannot be read, is not positive, or is
    not of the property's dimension.

    >>> ref = make_reference("Seoul", "area", "605.21 km2", source="Seoul Metropolitan Government", year="2024")
    >>> ref.interval.low, ref.interval.units, ref.text, ref.source
    (Fraction(605210000, 1), 'meter ** 2', '605.21 km2', 'Seoul Metropolitan Government')
    """
    name = _property_name(property)
    amount, canonical, shown = read_value(entity, name, value)
    quantity = registry.get_registry().Quantity(amount, registry.unit(canonical))
    return Reference(entity, name, quantity, Interval.point(amount, canonical), shown, source=source, year=year,
                     licence=licence, note=note)


# ---------------------------------------------------------------------------- books


class _Table:
    """An index of references by (name key, property), with aliases."""

    def __init__(self) -> None:
        self.canonical: dict[str, str] = {}  # name key -> entity
        self.values: dict[tuple[str, str], Reference] = {}  # (entity, property) -> value

    def add_name(self, name: str, entity: str, override: bool = False) -> None:
        key = normalise_name(name)
        if key and (override or key not in self.canonical):
            self.canonical[key] = entity

    def lookup(self, name: str, prop: str) -> Reference | None:
        entity = self.canonical.get(normalise_name(name))
        if entity is None:
            return None
        return self.values.get((entity, _property_name(prop)))

    def names(self, entity: str) -> list[str]:
        return [key for key, value in self.canonical.items() if value == entity]


class BuiltinReferences:
    """The built-in book: data/references.csv (``builtin()`` gives the one instance)."""

    def __init__(self) -> None:
        self.table = _Table()
        rows = list(_data.lines("references.csv"))
        if not rows:
            raise QuantnormError("references.csv has no header")
        parsed = list(csv.reader([line.text for line in rows]))
        header = [h.strip() for h in parsed[0]]
        want = ["entity", "aliases", "property", "value", "unit", "source", "year", "licence", "note"]
        if header != want:
            raise rows[0].error(f"header must be {','.join(want)}")
        for line, fields in zip(rows[1:], parsed[1:], strict=True):
            if len(fields) != len(want):
                raise line.error(f"expected {len(want)} fields, found {len(fields)}")
            entity, aliases, prop, value, unit, source, year, licence, note = (f.strip() for f in fields)
            if not entity or not prop or not value:
                raise line.error("entity, property and value are required")
            prop = prop.lower()
            if (entity, prop) in self.table.values:
                raise line.error(f"a second {prop} for {entity!r}")
            try:
                ref = make_reference(entity, prop, f"{value} {unit}".strip(), source=source or None,
                                     year=year or None, licence=licence or None, note=note or None)
            except QuantnormError as exc:
                raise line.error(str(exc)) from None
            self.table.values[(entity, prop)] = ref
            for name in [entity, *_data.items(aliases, ";")]:
                key = normalise_name(name)
                other = self.table.canonical.get(key)
                if other is not None and other != entity:
                    raise line.error(f"the name {name!r} already names {other!r}")
                self.table.add_name(name, entity)

    def lookup(self, entity: str, property: str) -> Reference | None:
        return self.table.lookup(entity, property)


@functools.lru_cache(maxsize=1)
def _builtin() -> BuiltinReferences:
    return BuiltinReferences()


def builtin() -> BuiltinReferences:
    """The built-in book (data/references.csv): countries, US states, large and well-known
    cities, and everyday comparison objects, each value with its source and licence."""
    return _builtin()


class MappingReferences:
    """A caller's values ``{entity: {property: value}}`` as a ``ReferenceBook``.

    ``value``: a pint Quantity (of any registry), a number, or a string such as
    "605.2 km**2" or "9.4 million". ``aliases`` maps more names to entities of the mapping
    ({"Britain": "UK"}); the built-in book's aliases apply too unless ``builtin_aliases`` is
    False. Every value is read when the book is made, so a bad one fails at once
    (``ReferenceValueError``, naming it). ``source`` is recorded with each value."""

    def __init__(self, mapping: Mapping[str, Mapping[str, object]], *, aliases: Mapping[str, str] | None = None,
                 source: str = "caller", builtin_aliases: bool = True) -> None:
        if not isinstance(mapping, Mapping):
            raise TypeError(
                f"references must be a mapping of entity -> {{property: value}}, not {type(mapping).__name__}"
            )
        self.table = _Table()
        for entity, values in mapping.items():
            if not isinstance(entity, str) or not entity.strip():
                raise ReferenceValueError(f"reference entity names must be non-empty strings, not {entity!r}")
            if not isinstance(values, Mapping):
                raise ReferenceValueError(
                    f"references for {entity!r} must be a mapping of property -> value, not {type(values).__name__}"
                )
            for prop, value in values.items():
                if not isinstance(prop, str) or not prop.strip():
                    raise ReferenceValueError(f"reference property names of {entity!r} must be strings, not {prop!r}")
                name = _property_name(prop)
                self.table.values[(entity, name)] = make_reference(entity, name, value, source=source)
            self.table.add_name(entity, entity, override=True)
        if builtin_aliases:
            groups = _builtin().table
            for entity in mapping:
                group = groups.canonical.get(normalise_name(entity))
                if group is not None:
                    for key in groups.names(group):
                        self.table.add_name(key, entity)
        for alias, entity in (aliases or {}).items():
            if entity not in mapping:
                raise ReferenceValueError(f"alias {alias!r} names {entity!r}, which has no values")
            self.table.add_name(alias, entity, override=True)

    def lookup(self, entity: str, property: str) -> Reference | None:
        return self.table.lookup(entity, property)


class ReferenceChain:
    """Several books, asked in order: the first value found wins.
    ``ReferenceChain(MappingReferences(mine), builtin())`` puts a caller's values first."""

    def __init__(self, *books: ReferenceBook) -> None:
        self.books = tuple(as_book(b) for b in books)

    def lookup(self, entity: str, property: str) -> Reference | None:
        for book in self.books:
            found = _checked(book, entity, property)
            if found is not None:
                return found
        return None

    def __iter__(self) -> Iterator[ReferenceBook]:
        return iter(self.books)


def as_book(references: ReferenceBook | Mapping[str, Mapping[str, object]] | None) -> ReferenceBook:
    """What ``verify`` accepts as ``references`` -> a ``ReferenceBook``: None is the built-in
    book; a mapping is read with ``MappingReferences``; a book is itself."""
    if references is None:
        return builtin()
    if isinstance(references, Mapping):
        return MappingReferences(references)
    if isinstance(references, ReferenceBook):
        return references
    raise TypeError(
        f"references must be None, a mapping {{entity: {{property: value}}}} or an object with "
        f"lookup(entity, property), not {type(references).__name__}"
    )


def _book_source(book: ReferenceBook) -> str:
    source = getattr(book, "source", None)
    return source if isinstance(source, str) and source else type(book).__name__


def _checked(book: ReferenceBook, entity: str, prop: str) -> Reference | None:
    """``book.lookup`` with its answer checked: a caller's book returns None, a Reference
    whose value is positive and in the property's dimension, or a value alone (a Quantity,
    a string, a number), read with ``make_reference``."""
    try:
        found = book.lookup(entity, prop)
    except QuantnormError:
        raise
    except Exception as exc:  # a caller's book failing: say which question failed
        raise ReferenceValueError(f"the reference book failed on ({entity!r}, {prop!r}): {exc!r}") from exc
    if found is None:
        return None
    if not isinstance(found, Reference):
        return make_reference(entity, prop, found, source=_book_source(book))
    expected = dimension(prop)
    if expected is not None and found.interval.units != expected:
        raise ReferenceValueError(
            f"reference value for the {prop} of {entity!r}: {found.text!r} is in {found.interval.units}, not {expected}"
        )
    if found.interval.low is None or found.interval.low <= 0:
        raise ReferenceValueError(f"reference value for the {prop} of {entity!r}: {found.text!r} must be positive")
    return found


def lookup(book: ReferenceBook, entity: str, props: Iterable[str]) -> Reference | None:
    """The first of ``props`` for which ``book`` has a value of ``entity``."""
    for prop in props:
        found = _checked(book, entity, prop)
        if found is not None:
            return found
    return None
