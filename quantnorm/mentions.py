"""Mention stage: a scanned draft -> a ``Mention`` with pint objects and an exact interval.

In: the drafts of ``_scan.scan`` (span, stated values, unit expression, noun, bound...).
Out: frozen ``Mention`` objects: the stated value (exact), the stated unit (a pint Unit of
``quantnorm.ureg``), the quantity in canonical units, the bound and the interval it allows
in canonical units. ``Parser`` holds the options and runs the whole pipeline; ``parse`` is
the default parser's ``parse``.

Interval rules (data/qualifiers.txt documents the bounds):
  =      [x, x]; with ``widen_exact`` [x - w, x + w]
  ~      [x - t, x + t] for a stated tolerance t ("5 ± 0.2"); otherwise [x - w, x + w] with
         w half the last stated digit ("about 11,000": w = 500), or w = x * approx when the
         caller sets a relative tolerance
  > >=   (x, +inf), [x, +inf); "just over x": (x, x + w]
  < <=   (-inf, x), (-inf, x]; "nearly x": [x - w, x)
  range  [low, high]; "about 40-50": [40 - w, 50 + w]
Values convert exactly (Fractions) with ``registry.conversion``; a change in temperature
("rose 5 °C") is a difference, so its unit is the delta unit (delta_degree_Celsius).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

from . import registry
from ._scan import Draft, Options, scan
from .errors import QuantnormError, UnitError
from .intervals import Interval
from .qualifiers import Bound

if TYPE_CHECKING:
    import pint

__all__ = ["Mention", "Mentions", "OptionError", "Parser", "SourcedList", "parse"]

_ZERO = Fraction(0)
_new = object.__new__
_set = object.__setattr__  # how a frozen dataclass sets its fields
_new_list = list.__new__
_DELTA = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit"}
_TONS = {"metric": "metric_ton", "short": "ton", "long": "long_ton"}
_TEMPERATURES = {"celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit"}
_GALLONS = {"US": "gallon", "us": "gallon", "imperial": "imperial_gallon", "UK": "imperial_gallon"}

Value = Fraction | tuple[Fraction, Fraction]


class OptionError(QuantnormError, ValueError):
    """A parser option with a value quantnorm does not know."""


def _num(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


@dataclass(frozen=True, eq=True)
class Mention:
    """One quantity found in a text.

    ``text == source[start:end]``. ``value`` is the stated number, exact (a Fraction; a
    (low, high) pair for a range); ``unit`` the stated unit; ``quantity`` the value in
    canonical units (a range's midpoint); ``interval`` every value the text allows, in
    canonical units. ``precision`` is the place of the last stated digit (1000 for
    "11,000"), ``age`` marks ages ("29 years old").
    """

    text: str
    start: int
    end: int
    value: Value
    unit: pint.Unit
    quantity: pint.Quantity[Any]
    bound: Bound
    interval: Interval
    noun: str | None = None
    change: str | None = None
    precision: Fraction | None = None
    age: bool = False

    @classmethod
    def _trusted(
        cls, text: str, start: int, end: int, value: Value, unit: pint.Unit, quantity: pint.Quantity[Any],
        bound: Bound, interval: Interval, noun: str | None, change: str | None, precision: Fraction | None,
        age: bool,
    ) -> Mention:
        """A mention from fields the builder made, as the constructor makes it, a little
        quicker (no keyword arguments, no generated ``__init__``). The fields are set one by
        one, as the dataclass does, so that they stay in the object itself: reading or
        building its ``__dict__`` would make one more object per mention for Python's
        collector to go over, and parsing a long text would then grow faster than linearly."""
        obj = _new(cls)
        _set(obj, "text", text)
        _set(obj, "start", start)
        _set(obj, "end", end)
        _set(obj, "value", value)
        _set(obj, "unit", unit)
        _set(obj, "quantity", quantity)
        _set(obj, "bound", bound)
        _set(obj, "interval", interval)
        _set(obj, "noun", noun)
        _set(obj, "change", change)
        _set(obj, "precision", precision)
        _set(obj, "age", age)
        return obj

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON record (docs/schema.md): numbers as JSON numbers, units as text."""
        value: Any = [_num(self.value[0]), _num(self.value[1])] if isinstance(self.value, tuple) else _num(self.value)
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": value,
            "unit": _unit_name(self.unit),
            "quantity": {
                "magnitude": _num(Fraction(self.quantity.magnitude)),
                "units": _unit_name(self.quantity.units),
            },
            "bound": self.bound.value,
            "interval": self.interval.to_dict(),
            "noun": self.noun,
            "change": self.change,
        }

    def to(self, unit: str | pint.Unit) -> pint.Quantity[Any]:
        """This mention's quantity in another unit, converted exactly ("km**2", "sq mi", or a
        pint Unit of quantnorm's registry such as ``m.unit``)."""
        return convert(Fraction(self.quantity.magnitude), _unit_name(self.quantity.units), unit)

    def __reduce__(self) -> tuple[Any, ...]:
        # pint objects belong to a registry and do not travel between processes: pickle
        # plain data and rebuild on quantnorm's registry.
        return (_rebuild, (self._state(),))

    def _state(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "value": self.value,
            "unit": _unit_name(self.unit), "magnitude": Fraction(self.quantity.magnitude),
            "units": _unit_name(self.quantity.units), "bound": self.bound.value,
            "interval": (self.interval.low, self.interval.high, self.interval.low_inclusive,
                         self.interval.high_inclusive, self.interval.units),
            "noun": self.noun, "change": self.change, "precision": self.precision, "age": self.age,
        }

    def _repr_html_(self) -> str:
        from .html import mention_html

        return mention_html(self)

    def __repr__(self) -> str:
        value = f"({self.value[0]}, {self.value[1]})" if isinstance(self.value, tuple) else str(self.value)
        noun = f", noun={self.noun!r}" if self.noun else ""
        return (f"Mention({self.text!r}, {self.start}:{self.end}, value={value}, unit={_unit_name(self.unit)!r}, "
                f"bound='{self.bound.value}', interval={self.interval}{noun})")


_T = TypeVar("_T")


class SourcedList(list[_T]):
    """A list of results that also keeps the text they were read from (``.source``), for
    its notebook view; pickled with it. ``Mentions`` and ``Checks`` are two."""

    def __init__(self, items: Iterable[_T] = (), source: str = "") -> None:
        super().__init__(items)
        self.source = source

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (list(self), self.source))


class Mentions(SourcedList[Mention]):
    """The mentions of one text: a list, which also keeps the text (``.source``) so that a
    notebook can show it with every mention highlighted."""

    def _repr_html_(self) -> str:
        from .html import document_html

        return document_html(self.source, self)


def _rebuild(state: dict[str, Any]) -> Mention:
    low, high, li, hi, units = state["interval"]
    return Mention(
        text=state["text"], start=state["start"], end=state["end"], value=state["value"],
        unit=registry.unit(state["unit"]), quantity=_quantity(state["magnitude"], state["units"]),
        bound=Bound(state["bound"]), interval=Interval(low, high, li, hi, units),
        noun=state["noun"], change=state["change"], precision=state["precision"], age=state["age"],
    )


@functools.lru_cache(maxsize=1024)
def _unit_name(unit: Any) -> str:
    """A unit's name as pint writes it (pint's str() takes ~6 µs: to_dict and pickling ask
    twice per mention, for a few distinct units)."""
    name = str(unit)
    return name or "dimensionless"


def _quantity(magnitude: Fraction, units: str) -> pint.Quantity[Any]:
    return registry.quantity(magnitude, registry.unit(units))


def resolve_unit(name: str | pint.Unit) -> str:
    """A unit name a caller gave ("km**2", "sq mi", "USD") -> a pint expression of quantnorm's
    registry. quantnorm's own aliases come first; otherwise pint's names (never text)."""
    if not isinstance(name, str) and type(name).__name__ == "Unit" and hasattr(name, "dimensionality"):
        name = _unit_name(name)  # a pint Unit: m.to(m.unit)
    if not isinstance(name, str) or not name.strip():
        raise UnitError(f"unit name must be a non-empty string or a pint Unit, not {name!r}")
    from .units import lexicon

    sense = lexicon().lookup(name.strip())
    if sense is not None and not sense.per_only and sense.rule is None:
        return sense.expr
    registry.unit(name)  # raises UnitError for what pint does not know
    return name


def convert(value: Fraction, from_unit: str, to_unit: str | pint.Unit) -> pint.Quantity[Any]:
    """``value`` in ``from_unit`` as an exact Quantity in ``to_unit``."""
    target = resolve_unit(to_unit)
    a, b = registry.conversion(from_unit), registry.conversion(target)
    if a.canonical != b.canonical:
        short = registry.shorten
        raise UnitError(f"cannot convert {short(from_unit)!r} ({short(a.canonical)}) "
                        f"to {short(str(to_unit))!r} ({short(b.canonical)})")
    return _quantity((a(value) - b.offset) / b.scale, target)


class Parser:
    """quantnorm's pipeline with its options. ``Parser().parse(text)`` is ``parse(text)``.

    Options (all keyword-only):
      dollar       currency of "$", "dollar(s)" and "cent(s)": an ISO code, "USD" by default
      ton          "metric" (default), "short" (US) or "long" (UK): the ton in "5 tons"
      gallon       "US" (default) or "imperial"
      temperature  None (default): "40 degrees" with no scale is pint's degree (quantnorm does
                   not guess a scale); "celsius" or "fahrenheit": that scale where the sign or
                   the words around the number make it a temperature (data/context.txt)
      approx       None (default): "about x" widens by half the last stated digit; or a
                   relative tolerance in (0, 1), e.g. 0.1 for +-10%
      widen_exact  False (default): exact mentions are points; True widens them like "about"
    """

    def __init__(self, *, dollar: str = "USD", ton: str = "metric", gallon: str = "US",
                 temperature: str | None = None, approx: float | Fraction | None = None,
                 widen_exact: bool = False) -> None:
        if not isinstance(dollar, str) or dollar.upper() not in registry.currency_codes():
            raise OptionError(f"dollar must be an ISO 4217 code quantnorm knows, not {dollar!r}")
        if ton not in _TONS:
            raise OptionError(f"ton must be one of {sorted(_TONS)}, not {ton!r}")
        if gallon not in _GALLONS:
            raise OptionError(f"gallon must be one of {sorted(set(_GALLONS) - {'us', 'UK'})}, not {gallon!r}")
        if temperature is not None and (not isinstance(temperature, str) or temperature.lower() not in _TEMPERATURES):
            raise OptionError(f"temperature must be None or one of {sorted(_TEMPERATURES)}, not {temperature!r}")
        if not isinstance(widen_exact, bool):
            raise OptionError(f"widen_exact must be True or False, not {widen_exact!r}")
        tolerance: Fraction | None = None
        if approx is not None:
            try:
                tolerance = Fraction(str(approx)) if isinstance(approx, float) else Fraction(approx)
            except (TypeError, ValueError):
                raise OptionError(f"approx must be a number in (0, 1), not {approx!r}") from None
            if not 0 < tolerance < 1:
                raise OptionError(f"approx must be a number in (0, 1), not {approx!r}")
        self.options = Options(
            dollar.upper(), _TONS[ton], _GALLONS[gallon], temperature and _TEMPERATURES[temperature.lower()],
            tolerance, widen_exact,
        )

    def parse(self, text: str) -> Mentions:
        """Every quantity mention in ``text``, in text order, not overlapping."""
        check_text(text)
        out = _new_list(Mentions)  # as Mentions(list, text) makes it, without a Python __init__
        out.extend([self._build(d, text) for d in scan(text, self.options)])
        out.source = text
        return out

    def _build(self, draft: Draft, text: str) -> Mention:
        expr = draft.unit
        if draft.change is not None and expr in _DELTA:
            expr = _DELTA[expr]
        unit, canonical, canonical_unit, convert, quantity = _units(expr)
        lo, hi = draft.low, draft.high
        canonical_lo = convert(lo)
        if draft.bound is Bound.EQ and not self.options.widen_exact:  # most mentions: a point
            interval = Interval._trusted(canonical_lo, canonical_lo, True, True, canonical)
        else:
            low, high, low_inc, high_inc = _stated_interval(draft, self._half_width, self.options.widen_exact)
            interval = Interval(
                None if low is None else canonical_lo if low is lo else convert(low),
                None if high is None else canonical_lo if high is lo else convert(high),
                low_inc, high_inc, canonical,
            )
        value: Value = (lo, hi) if draft.is_range else lo
        magnitude = convert((lo + hi) / 2) if draft.is_range else canonical_lo
        return Mention._trusted(
            text[draft.start:draft.end], draft.start, draft.end, value, unit,
            quantity(magnitude, canonical_unit), draft.bound, interval, draft.noun, draft.change,
            draft.precision, draft.age,
        )

    def _half_width(self, value: Fraction, precision: Fraction | None) -> Fraction:
        """How far "about" reaches from a stated value: half its last stated digit, or the
        caller's relative tolerance."""
        if self.options.approx is not None:
            return abs(value) * self.options.approx
        if precision is None:
            return _ZERO
        return precision / 2


def _same(value: Fraction) -> Fraction:
    return value


@functools.lru_cache(maxsize=1024)
def _units(expr: str) -> tuple[
    pint.Unit, str, pint.Unit, Callable[[Fraction], Fraction], Callable[[Fraction, pint.Unit], pint.Quantity[Any]]
]:
    """What building a mention needs of a unit expression, looked up once: the stated unit,
    the canonical unit's name and pint Unit, the exact conversion, and how to make a Quantity."""
    conv = registry.conversion(expr)
    return (registry.unit(expr), conv.canonical, registry.unit(conv.canonical), _same if conv.identity else conv,
            registry.quantity_maker())


Bounds = tuple[Fraction | None, Fraction | None, bool, bool]


def _stated_interval(d: Draft, width: Callable[[Fraction, Fraction | None], Fraction], widen: bool) -> Bounds:
    """The interval a draft allows, in its stated unit: (low, high, low_inclusive, high_inclusive).
    ``width(value, precision)`` is how far an approximate value reaches."""
    lo, hi, b = d.low, d.high, d.bound
    if b is Bound.EQ and not widen:
        return lo, hi, True, True
    if b is Bound.GE:
        return lo, None, True, False
    if b is Bound.LE:
        return None, hi, False, True
    if b is Bound.GT and not d.near:  # "more than x", "more than thousands"
        return lo, None, False, False
    if b is Bound.LT and not d.near:  # "less than x"
        return None, hi, False, False
    if b is Bound.RANGE and not d.near:
        return lo, hi, True, True
    if b is Bound.APPROX and d.tolerance is not None:
        return lo - d.tolerance, lo + d.tolerance, True, True
    if b is Bound.GT:  # "just over x"
        return lo, hi + width(hi, d.high_precision or d.precision), False, True
    if b is Bound.LT:  # "nearly x"
        return lo - width(lo, d.precision), hi, True, False
    # "about x", "about 40-50", exact values widened on request
    return lo - width(lo, d.precision), hi + width(hi, d.high_precision or d.precision), True, True


def check_text(text: object) -> None:
    """A TypeError naming the type for anything but a str (for bytes: decode first)."""
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"quantnorm needs a str, not {type(text).__name__}: decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"quantnorm needs a str, not {type(text).__name__}")


@functools.lru_cache(maxsize=1)
def _default_parser() -> Parser:
    return Parser()


def parse(text: str, **options: Any) -> Mentions:
    """Every quantity mention in ``text``: see ``Parser`` for the options."""
    if options:
        return Parser(**options).parse(text)
    return _default_parser().parse(text)
