"""quantnorm: find the quantities in English text and say exactly what they mean.

>>> import quantnorm
>>> [m.text for m in quantnorm.parse("Russia has deployed over 50,000 troops.")]
['over 50,000 troops']
>>> m = quantnorm.parse("It covers more than 380 square miles.")[0]
>>> m.bound.value, m.interval.low_inclusive, m.interval.units
('>', False, 'meter ** 2')

Public API: ``parse``, ``Parser``, ``Mention``, ``Interval``, ``Bound``, the shared pint
registry ``ureg`` (built on first use) and the exceptions. See docs/usage.md.
``verify`` and ``comparisons`` check comparison claims ("1.5 times the area of Seoul") against
reference values (``Check``, ``Reference``, ``ReferenceBook``...; docs/verification.md).
``to_frame`` (pandas) is imported on first use; the integrations (quantnorm.spacy_component,
quantnorm.frames, quantnorm.html, quantnorm.plot) are optional extras (docs/integrations.md).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from .arrow import arrow_schema, parse_arrow
from .batch import parse_many
from .comparisons import Check, Checks, Comparison, NamedSubject, Verdict, comparisons, verify
from .errors import DataFileError, QuantnormError, ReferenceValueError, UnitError
from .intervals import Interval
from .mentions import Mention, Mentions, OptionError, Parser, parse
from .qualifiers import Bound
from .references import MappingReferences, Reference, ReferenceBook, ReferenceChain, make_reference

if TYPE_CHECKING:
    import pint

    ureg: pint.UnitRegistry[Any]

    from .frames import to_frame

__all__ = [
    "Bound",
    "Check",
    "Checks",
    "Comparison",
    "DataFileError",
    "Interval",
    "MappingReferences",
    "Mention",
    "Mentions",
    "NamedSubject",
    "OptionError",
    "Parser",
    "QuantnormError",
    "Reference",
    "ReferenceBook",
    "ReferenceChain",
    "ReferenceValueError",
    "UnitError",
    "Verdict",
    "arrow_schema",
    "comparisons",
    "make_reference",
    "parse",
    "parse_arrow",
    "parse_many",
    "to_frame",
    "ureg",
    "verify",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "ureg":
        from .registry import get_registry

        return get_registry()
    if name == "to_frame":  # pandas only on demand (quantnorm[pandas])
        from .frames import to_frame

        return to_frame
    raise AttributeError(f"module 'quantnorm' has no attribute {name!r}")


if "pandas" in sys.modules:  # register the Series accessor (.quantnorm) at no import cost
    from . import frames as _frames  # noqa: F401
