"""quantnorm's exceptions: every error the library raises on purpose derives from QuantnormError.

In: nothing. Out: the exception classes. pint and regex errors never escape the library; they are
caught where pint or regex is called and re-raised as one of these, naming the bad value.
Text is never an error: text without quantities simply gives no mentions. Only a non-str argument
is refused, with a TypeError (see ``quantnorm.parse``).
"""

from __future__ import annotations

__all__ = ["DataFileError", "QuantnormError", "ReferenceValueError", "UnitError"]


class QuantnormError(Exception):
    """Base class of every exception quantnorm raises on purpose."""


class UnitError(QuantnormError, ValueError):
    """A unit name (for conversion, or in reference data) that quantnorm cannot resolve,
    or two units that cannot be converted into each other."""


class ReferenceValueError(QuantnormError, ValueError):
    """A reference value (for ``verify``) that cannot be read as a quantity."""


class DataFileError(QuantnormError):
    """A malformed line in one of quantnorm's data files (a packaging or editing mistake)."""
