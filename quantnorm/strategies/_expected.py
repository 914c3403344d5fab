"""Expectation stage of the generators: what a generated text means, field by field.

In: what a generator knows about a quantity it wrote (span, stated value, unit, exact factor
to canonical units, bound, the interval in stated units).
Out: an ``ExpectedMention`` (frozen): the fields a ``quantnorm.Mention`` of that text must
have, in canonical units, with ``mismatches(mention)`` to compare and ``mention()`` to build
the Mention itself (for ``st.from_type(quantnorm.Mention)``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from ..intervals import Interval
from ..mentions import Mention
from ..qualifiers import Bound

__all__ = ["ExpectedMention", "Value"]

Value = Fraction | tuple[Fraction, Fraction]


@dataclass(frozen=True)
class ExpectedMention:
    """The mention a generated text must yield.

    ``text == source[start:end]``; ``value`` is the stated number (a (low, high) pair for a
    range); ``unit`` the stated unit as quantnorm names it (``str(Mention.unit)``:
    "kilometer", "USD", "count", "dimensionless"); ``magnitude`` the value in canonical
    units (a range's midpoint), whose units are ``interval.units``; ``interval`` every value
    the text allows, in canonical units. ``precision`` is checked only when it is not None
    (the generators leave it None where the docs define none)."""

    text: str
    start: int
    end: int
    value: Value
    unit: str
    magnitude: Fraction
    bound: Bound
    interval: Interval
    noun: str | None = None
    change: str | None = None
    precision: Fraction | None = None

    def shifted(self, offset: int) -> ExpectedMention:
        """The same mention ``offset`` characters further into a longer text."""
        return replace(self, start=self.start + offset, end=self.end + offset)

    def mismatches(self, mention: Mention) -> list[str]:
        """What differs between ``mention`` and this expectation, one line per field
        ("bound: expected '>', got '>='"); empty when they agree."""
        got = {
            "text": mention.text,
            "start": mention.start,
            "end": mention.end,
            "value": mention.value,
            "unit": str(mention.unit) or "dimensionless",
            "magnitude": Fraction(mention.quantity.magnitude),
            "units": str(mention.quantity.units) or "dimensionless",
            "bound": mention.bound,
            "interval": mention.interval,
            "noun": mention.noun,
            "change": mention.change,
        }
        want = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "magnitude": self.magnitude,
            "units": self.interval.units,
            "bound": self.bound,
            "interval": self.interval,
            "noun": self.noun,
            "change": self.change,
        }
        if self.precision is not None:
            got["precision"], want["precision"] = mention.precision, self.precision
        return [f"{k}: expected {want[k]!r}, got {got[k]!r}" for k in want if want[k] != got[k]]

    def mention(self) -> Mention:
        """The ``quantnorm.Mention`` this expectation describes, built on quantnorm's
        registry (no parsing involved)."""
        from .. import registry

        ureg = registry.get_registry()
        return Mention(
            text=self.text, start=self.start, end=self.end, value=self.value,
            unit=registry.unit(self.unit), quantity=ureg.Quantity(self.magnitude, registry.unit(self.interval.units)),
            bound=self.bound, interval=self.interval, noun=self.noun, change=self.change, precision=self.precision,
        )
