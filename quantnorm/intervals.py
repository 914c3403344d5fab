"""Exact intervals: the set of values a mention allows, and arithmetic on them.

In: Fraction bounds (None for an open, unbounded side), inclusivity, units. Out: ``Interval``,
a frozen value with exact containment, intersection, products and quotients (used by
``mentions`` to state what a qualifier means and by ``comparisons`` to check claims).

Semantics: ``Interval(3000, None, False, False)`` is (3000, +inf): "more than 3,000".
An unbounded side is never inclusive. A point interval [x, x] is an exact statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .errors import QuantnormError

__all__ = ["Interval"]


def _num(x: Fraction | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if x.denominator == 1 else float(x)


@dataclass(frozen=True)
class Interval:
    """A set of values: ``low``..``high`` (None = unbounded), each side open or closed,
    in ``units`` (a pint unit name of quantnorm's registry, as text)."""

    low: Fraction | None
    high: Fraction | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    units: str = "dimensionless"

    def __post_init__(self) -> None:
        if self.low is None and self.low_inclusive:
            object.__setattr__(self, "low_inclusive", False)
        if self.high is None and self.high_inclusive:
            object.__setattr__(self, "high_inclusive", False)
        if self.low is not self.high and self.low is not None and self.high is not None and self.low > self.high:
            raise QuantnormError(f"empty interval: low {self.low} > high {self.high}")

    @classmethod
    def _trusted(
        cls, low: Fraction | None, high: Fraction | None, low_inclusive: bool, high_inclusive: bool, units: str
    ) -> Interval:
        """An interval from fields that already satisfy ``__post_init__``'s rules (the
        mention builder's, once per mention): the same object, without the checks."""
        obj = object.__new__(cls)
        set_field = object.__setattr__  # one by one, as the dataclass does (see Mention._trusted)
        set_field(obj, "low", low)
        set_field(obj, "high", high)
        set_field(obj, "low_inclusive", low_inclusive)
        set_field(obj, "high_inclusive", high_inclusive)
        set_field(obj, "units", units)
        return obj

    @classmethod
    def point(cls, value: Fraction, units: str = "dimensionless") -> Interval:
        return cls(value, value, True, True, units)

    @property
    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, (int, float, str, Fraction, Decimal)):
            return False
        try:
            v = Fraction(value)
        except (TypeError, ValueError):
            return False
        if self.low is not None and (v < self.low or (v == self.low and not self.low_inclusive)):
            return False
        return not (self.high is not None and (v > self.high or (v == self.high and not self.high_inclusive)))

    def contains(self, other: Interval) -> bool:
        """Whether every value of ``other`` lies in this interval."""
        if self.low is not None:
            if other.low is None or other.low < self.low:
                return False
            if other.low == self.low and other.low_inclusive and not self.low_inclusive:
                return False
        if self.high is not None:
            if other.high is None or other.high > self.high:
                return False
            if other.high == self.high and other.high_inclusive and not self.high_inclusive:
                return False
        return True

    def intersects(self, other: Interval) -> bool:
        """Whether some value lies in both intervals."""
        lo, lo_inc = _max_low(self, other)
        hi, hi_inc = _min_high(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and lo_inc and hi_inc)

    def scale(self, factor: Fraction) -> Interval:
        """Every value multiplied by a positive exact factor."""
        if factor <= 0:
            raise QuantnormError("interval scale factor must be positive")
        return Interval(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.low_inclusive,
            self.high_inclusive,
            self.units,
        )

    def divide(self, other: Interval, units: str = "dimensionless") -> Interval:
        """The interval of x / y for x in this interval (never negative, or unbounded below)
        and y in ``other`` (bounded away from zero and positive)."""
        if other.low is None or other.low <= 0:
            raise QuantnormError("interval division needs a divisor bounded above zero")
        if self.low is not None and self.low < 0:
            raise QuantnormError("interval division needs a non-negative dividend")
        if self.low is None:
            low, low_inc = None, False
        elif other.high is None:
            low, low_inc = Fraction(0), self.low == 0 and self.low_inclusive
        else:
            low, low_inc = self.low / other.high, self.low_inclusive and other.high_inclusive
        if self.high is None:
            high, high_inc = None, False
        else:
            high, high_inc = self.high / other.low, self.high_inclusive and other.low_inclusive
        return Interval(low, high, low_inc, high_inc, units)

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": _num(self.low),
            "high": _num(self.high),
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "units": self.units,
        }

    def __str__(self) -> str:
        lo = "-inf" if self.low is None else _fmt(self.low)
        hi = "+inf" if self.high is None else _fmt(self.high)
        return f"{'[' if self.low_inclusive else '('}{lo}, {hi}{']' if self.high_inclusive else ')'} {self.units}"


def _fmt(x: Fraction) -> str:
    if x.denominator == 1:
        return str(x.numerator)
    f = float(x)
    return f"{f:.10g}"


def _max_low(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.low is None:
        return b.low, b.low_inclusive
    if b.low is None:
        return a.low, a.low_inclusive
    if a.low != b.low:
        return (a.low, a.low_inclusive) if a.low > b.low else (b.low, b.low_inclusive)
    return a.low, a.low_inclusive and b.low_inclusive


def _min_high(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.high is None:
        return b.high, b.high_inclusive
    if b.high is None:
        return a.high, a.high_inclusive
    if a.high != b.high:
        return (a.high, a.high_inclusive) if a.high < b.high else (b.high, b.high_inclusive)
    return a.high, a.high_inclusive and b.high_inclusive
