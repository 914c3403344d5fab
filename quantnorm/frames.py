"""pandas stage: mentions -> a DataFrame, one row per mention; and back to the JSON records.

Install ``quantnorm[pandas]``. In: ``Mention`` objects (``quantnorm.parse``), or a pandas
Series of texts through the ``.quantnorm`` accessor. Out: a DataFrame with one row per
mention and the ``Mention.to_dict()`` fields as columns (``COLUMNS``), the nested objects
flattened:

| column | ``to_dict()`` field |
|---|---|
| text, start, end | text, start, end |
| value | value: a number, or a ``[low, high]`` list for a range (object: the record's own values) |
| unit | unit |
| quantity_magnitude | quantity.magnitude (float64 where exact, see below) |
| quantity_units | quantity.units |
| bound | bound |
| interval_low, interval_high | interval.low, interval.high (float64 where exact; NaN for an open side) |
| interval_low_inclusive, interval_high_inclusive | interval.low_inclusive, interval.high_inclusive (bool) |
| interval_units | interval.units |
| noun, change | noun, change (missing: None/NaN) |

Exactness: ``to_records(to_frame(mentions)) == [m.to_dict() for m in mentions]`` for any
mentions, numbers compared by value and by type (the JSON is the same text). A number column
(quantity_magnitude, interval_low, interval_high) is float64 only when float64 holds every
one of its values exactly and tells ints from floats: each value is an int of magnitude at
most 2**53 or a float that is not whole (``to_records`` reads NaN as None, a whole float as
an int). Otherwise, e.g. "93 billion light-years" (8.798...e26 m, an int beyond 2**53) or
"12345678901234567 people", the column is ``object`` and holds the record's own Python
ints, floats and Nones, which ``to_records`` returns unchanged. The accessor decides per
frame, over all its rows; ``frame[c].astype(float)`` gives a float column either way (rounded
where the value is beyond float precision). With ``units="km**2"`` (pint-pandas installed) the frame also
gets a ``quantity`` column of dtype ``pint[km**2]``: each mention converted exactly, NaN
where its dimension differs.

The accessor: ``df["body"].quantnorm.mentions(**options)`` parses every text of the Series
(missing values give nothing) and returns the same columns with a MultiIndex: the source
row's index, then ``mention`` (0, 1... within the row), like ``Series.str.extractall``.
``.reset_index()`` turns the source index into a column; ``.droplevel("mention")`` lets
you ``join`` the mentions onto the source frame.

Registration costs nothing when pandas is absent: ``import quantnorm`` never imports
pandas. The accessor is registered when this module is imported, which happens on
``import quantnorm`` if pandas is already imported, on the first ``quantnorm.to_frame``,
or on ``import quantnorm.frames``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .errors import QuantnormError
from .mentions import Mention, Parser

__all__ = ["COLUMNS", "QuantnormAccessor", "to_frame", "to_records"]

COLUMNS = (
    "text", "start", "end", "value", "unit", "quantity_magnitude", "quantity_units", "bound",
    "interval_low", "interval_high", "interval_low_inclusive", "interval_high_inclusive", "interval_units",
    "noun", "change",
)
_FLOATS = ("quantity_magnitude", "interval_low", "interval_high")
_EXACT_INT = 2**53  # every int of magnitude at most this is a float64


def _float_exact(values: Iterable[Any]) -> bool:
    """Whether a float64 column would give back exactly these record numbers (None, int, float):
    ints exact in float64, floats not whole (a whole float would come back as an int)."""
    for x in values:
        if x is None:
            continue
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            return False
        if isinstance(x, int):
            if abs(x) > _EXACT_INT:
                return False
        elif not math.isfinite(x) or x.is_integer():
            return False
    return True


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    q, iv = record["quantity"], record["interval"]
    return {
        "text": record["text"], "start": record["start"], "end": record["end"], "value": record["value"],
        "unit": record["unit"], "quantity_magnitude": q["magnitude"], "quantity_units": q["units"],
        "bound": record["bound"], "interval_low": iv["low"], "interval_high": iv["high"],
        "interval_low_inclusive": iv["low_inclusive"], "interval_high_inclusive": iv["high_inclusive"],
        "interval_units": iv["units"], "noun": record["noun"], "change": record["change"],
    }


def _frame(mentions: Sequence[Mention], index: pd.Index, units: str | None) -> pd.DataFrame:
    rows = [_flat(m.to_dict()) for m in mentions]
    frame = pd.DataFrame(rows, columns=list(COLUMNS), index=index)
    for column in _FLOATS:
        exact = [r[column] for r in rows]
        if _float_exact(exact):
            frame[column] = pd.Series(exact, index=index, dtype="float64")
        else:  # the record's own numbers: ints beyond 2**53, whole floats
            frame[column] = pd.Series(exact, index=index, dtype=object)
    for column in ("start", "end"):
        frame[column] = frame[column].astype("int64")
    for column in ("interval_low_inclusive", "interval_high_inclusive"):
        frame[column] = frame[column].astype(bool)
    frame["value"] = pd.Series([r["value"] for r in rows], index=index, dtype=object)
    if units is not None:
        frame["quantity"] = _pint_column(mentions, index, units)
    return frame


def _pint_column(mentions: Sequence[Mention], index: pd.Index, units: str) -> pd.Series:
    try:
        import pint_pandas
    except ImportError as exc:
        raise ImportError("the quantity column needs pint-pandas: pip install 'quantnorm[pandas]'") from exc
    from .mentions import resolve_unit
    from .registry import unit

    target = unit(resolve_unit(units))
    values: list[float] = []
    for m in mentions:
        try:
            values.append(float(m.to(units).magnitude))
        except QuantnormError:
            values.append(math.nan)
    pp: Any = pint_pandas  # typed where installed, Any where not: one spelling for both
    return pd.Series(pp.PintArray(values, dtype=pp.PintType(target)), index=index)


def to_frame(mentions: Iterable[Mention], *, units: str | None = None) -> pd.DataFrame:
    """One row per mention, the ``to_dict()`` fields as columns (see the module docstring);
    the index is the mention's position, named ``mention``. ``units`` adds a pint-pandas
    ``quantity`` column in that unit (NaN for mentions of another dimension).

    >>> import quantnorm
    >>> frame = quantnorm.to_frame(quantnorm.parse("over 50,000 troops and 380 square miles"))
    >>> frame[["text", "bound", "quantity_units"]].values.tolist()
    [['over 50,000 troops', '>', 'count'], ['380 square miles', '=', 'meter ** 2']]
    """
    found = list(mentions)
    return _frame(found, pd.RangeIndex(len(found), name="mention"), units)


def _none(x: Any) -> Any:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return None
    return x


def _number(x: Any) -> Any:
    """A number of a float64 column (a numpy or Python float; NaN for None) -> the record's."""
    x = _plain(x)
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def _column_reader(frame: pd.DataFrame, column: str) -> Any:
    """How to read a number column back: float64 by ``_number``; an object column holds the
    record's own numbers (numpy scalars, if a user put some there, become Python ones)."""
    if frame[column].dtype == object:
        return _plain
    return _number


def _plain(x: Any) -> Any:
    """A value as the record holds it: a numpy scalar as its Python number, NaN as None."""
    if hasattr(x, "item"):
        x = x.item()
    return _none(x)


def to_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The ``Mention.to_dict()`` records of a frame made by ``to_frame`` or the accessor."""
    out = []
    magnitude, low, high = (_column_reader(frame, c) for c in _FLOATS)
    for row in frame[list(COLUMNS)].itertuples(index=False, name=None):
        r = dict(zip(COLUMNS, row, strict=True))
        value = r["value"]
        out.append({
            "text": r["text"], "start": int(r["start"]), "end": int(r["end"]),
            "value": [_plain(v) for v in value] if isinstance(value, (list, tuple)) else _plain(value),
            "unit": r["unit"],
            "quantity": {"magnitude": magnitude(r["quantity_magnitude"]), "units": r["quantity_units"]},
            "bound": r["bound"],
            "interval": {"low": low(r["interval_low"]), "high": high(r["interval_high"]),
                         "low_inclusive": bool(r["interval_low_inclusive"]),
                         "high_inclusive": bool(r["interval_high_inclusive"]), "units": r["interval_units"]},
            "noun": _none(r["noun"]), "change": _none(r["change"]),
        })
    return out


@pd.api.extensions.register_series_accessor("quantnorm")
class QuantnormAccessor:
    """``series.quantnorm``: quantnorm on a Series of texts."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def parse(self, **options: Any) -> pd.Series:
        """The ``Mentions`` of each text (an empty list for a missing value), same index."""
        parser = Parser(**options)
        return pd.Series([parser.parse(t) if isinstance(t, str) else _missing(t, parser) for t in self._series],
                         index=self._series.index, dtype=object, name=self._series.name)

    def mentions(self, *, units: str | None = None, **options: Any) -> pd.DataFrame:
        """One row per mention of every text, indexed by (source index..., ``mention``);
        ``units`` adds a pint-pandas ``quantity`` column (see ``to_frame``)."""
        parsed = self.parse(**options)
        keys: list[tuple[Any, ...]] = []
        found: list[Mention] = []
        for label, mentions in parsed.items():
            prefix = label if isinstance(label, tuple) else (label,)
            for i, m in enumerate(mentions):
                keys.append((*prefix, i))
                found.append(m)
        names = [*self._series.index.names, "mention"]
        index = pd.MultiIndex.from_tuples(keys, names=names) if keys else pd.MultiIndex.from_arrays(
            [[] for _ in names], names=names)
        return _frame(found, index, units)


def _missing(value: Any, parser: Parser) -> list[Mention]:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return []
    return parser.parse(value)  # raises TypeError naming the type
